"""Articles and the readers that make them.

An :class:`Article` holds the body of one news report exactly as read: every
offset anywhere in claimtrack indexes :attr:`Article.text`.  Readers accept the
seed format (title, date and URL lines, then one paragraph per line), JSON
Lines, plain text, and directories or globs of such files.

>>> art = Article(id="a1", text="First paragraph.\\n\\nSecond one.", url="https://www.example.com/x")
>>> art.source
'example.com'
>>> [p.of(art.text) for p in art.paragraphs]
['First paragraph.', 'Second one.']
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

import attrs

from claimtrack.exceptions import (
    ArticleFormatError,
    DuplicateArticleError,
    EmptyArticleError,
    InputError,
)
from claimtrack.spans import Span, trim_span

__all__ = [
    "Article",
    "ArticleSet",
    "Format",
    "article_to_dict",
    "parse_date",
    "read_articles",
    "read_jsonl",
    "read_plain",
    "read_seed",
    "source_from_url",
    "split_paragraphs",
    "write_jsonl",
]

Format = Literal["auto", "seed", "jsonl", "text"]

#: File endings read when a directory is given, and the format each gets under ``"auto"``.
_SUFFIX_FORMATS: dict[str, Format] = {".txt": "seed", ".jsonl": "jsonl", ".ndjson": "jsonl"}

_LINE = re.compile(r"[^\r\n]+")


def split_paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraph spans of ``text``: each non-blank line, trimmed of white space.

    Blank lines separate nothing more than newlines do, so both the seed format
    (one paragraph a line) and blank-line separated bodies split the same way.

    >>> text = "One.\\n\\n  Two, indented.\\r\\nThree."
    >>> [p.of(text) for p in split_paragraphs(text)]
    ['One.', 'Two, indented.', 'Three.']
    """
    spans = []
    for match in _LINE.finditer(text):
        span = trim_span(text, match.start(), match.end())
        if span.end > span.start:
            spans.append(span)
    return tuple(spans)


def source_from_url(url: str | None) -> str | None:
    """The outlet named by a URL's host, without a leading ``www.``.

    >>> source_from_url("https://www.mynorthwest.com/3294505/story/")
    'mynorthwest.com'
    >>> source_from_url(None) is None
    True
    """
    if not url:
        return None
    host = urlsplit(url if "://" in url else "//" + url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_DATE_COMPACT = re.compile(r"\d{8}")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Read a date given as ``YYYYMMDD`` or ISO 8601 (a time part is ignored).

    >>> parse_date("20211118")
    datetime.date(2021, 11, 18)
    >>> parse_date("2021-11-18T09:30:00Z")
    datetime.date(2021, 11, 18)

    Raises:
        ValueError: the value is not such a date.
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str):
        raise ValueError(f"a date must be a string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        if _DATE_COMPACT.fullmatch(text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        head = text[:10]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head) and (len(text) == 10 or text[10] in "T "):
            return dt.date.fromisoformat(head)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid date: {exc}") from None
    raise ValueError(f"{value!r} is not a date (use YYYYMMDD or YYYY-MM-DD)")


#: Other names under which JSON records commonly carry a field.
_ALIASES = {
    "date": ("publication_date", "published", "pubdate", "date_published"),
    "source": ("publisher", "outlet", "site"),
    "title": ("headline",),
    "url": ("link",),
}


def _check_id(instance: Article, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("an article needs a non-empty string id")


@attrs.frozen
class Article:
    """One news report.

    Attributes:
        id: Unique within a collection (for files, the file name without its
            extension).
        text: The body exactly as read; every offset in claimtrack indexes it.
        title: The headline, if known.
        date: The publication date, if known.
        url: Where the report was published, if known.
        source: The outlet; derived from the URL's host when not given.
        paragraphs: Spans of the paragraphs in ``text`` (non-blank lines).
    """

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=attrs.validators.instance_of(str), repr=False)
    title: str | None = None
    date: dt.date | None = attrs.field(default=None, converter=parse_date)
    url: str | None = None
    source: str | None = attrs.field()
    paragraphs: tuple[Span, ...] = attrs.field(repr=False, eq=False)

    @source.default
    def _source_from_url(self) -> str | None:
        return source_from_url(self.url)

    @paragraphs.default
    def _split(self) -> tuple[Span, ...]:
        return split_paragraphs(self.text)

    @classmethod
    def from_dict(cls, record: dict[str, Any], *, default_id: str | None = None) -> Article:
        """Build an article from a JSON-like mapping (``text`` required).

        ``date``, ``source``, ``title`` and ``url`` may also come as
        ``publication_date``/``published``, ``publisher``/``outlet``,
        ``headline`` and ``link``.

        >>> Article.from_dict({"id": "x", "text": "Hi.", "date": "20200102"}).date
        datetime.date(2020, 1, 2)
        >>> Article.from_dict({"id": "y", "text": "Hi.", "publisher": "AP"}).source
        'AP'

        Raises:
            ValueError: a field is missing or has the wrong type.
        """
        if "text" not in record:
            raise ValueError('the record has no "text" field')
        text = record["text"]
        if not isinstance(text, str):
            raise ValueError(f'"text" must be a string, not {type(text).__name__}')
        ident = record.get("id", default_id)
        if ident is None:
            raise ValueError('the record has no "id" field')
        if isinstance(ident, int):
            ident = str(ident)
        record = dict(record)
        for field, aliases in _ALIASES.items():
            if record.get(field) is None:
                for alias in aliases:
                    if record.get(alias) is not None:
                        record[field] = record[alias]
                        break
        for key in ("title", "url", "source"):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise ValueError(f'"{key}" must be a string')
        kwargs: dict[str, Any] = {}
        if record.get("source") is not None:
            kwargs["source"] = record["source"]
        return cls(
            id=ident,
            text=text,
            title=record.get("title"),
            date=parse_date(record.get("date")),
            url=record.get("url"),
            **kwargs,
        )


def article_to_dict(article: Article) -> dict[str, Any]:
    """The JSON Lines record for ``article`` (what :func:`write_jsonl` writes)."""
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "url": article.url,
        "source": article.source,
        "text": article.text,
    }


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> None:
    """Write articles as JSON Lines, readable again by :func:`read_jsonl`."""
    for article in articles:
        out.write(json.dumps(article_to_dict(article), ensure_ascii=False))
        out.write("\n")


# --- readers -----------------------------------------------------------------


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleFormatError(
            f"byte {exc.start} is not UTF-8 ({exc.reason}); re-save the file as UTF-8",
            path=path,
            line=line,
        ) from None


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    if not data.strip():
        raise EmptyArticleError("the file is empty", path=path)
    return _decode(data, path)


def read_seed(path: str | Path) -> Article:
    """Read one article in the seed format.

    Line 1 is the title, line 2 the date (``YYYYMMDD``), line 3 the URL, and
    each further non-blank line a paragraph.  The article's text is everything
    after the third line, as it stands in the file.

    Raises:
        EmptyArticleError: the file or its body is empty.
        ArticleFormatError: the header is incomplete or the date is bad.
    """
    path = Path(path)
    content = _read_text(path)
    header_end = 0
    header: list[str] = []
    for _ in range(3):
        newline = content.find("\n", header_end)
        if newline < 0:
            raise ArticleFormatError(
                "the seed format needs a title, a date (YYYYMMDD) and a URL line before the body",
                path=path,
                line=len(header) + 1,
            )
        header.append(content[header_end:newline].strip())
        header_end = newline + 1
    title, date_text, url = header
    try:
        date = parse_date(date_text)
    except ValueError as exc:
        raise ArticleFormatError(str(exc), path=path, line=2) from None
    if url and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://\S+$", url):
        raise ArticleFormatError(
            f"line 3 should be the article's URL, not {url[:40]!r}", path=path, line=3
        )
    body = content[header_end:]
    if not body.strip():
        raise EmptyArticleError("the article has a header but no body", path=path, line=4)
    return Article(id=path.stem, text=body, title=title or None, date=date, url=url or None)


def read_plain(path: str | Path) -> Article:
    """Read a plain text file with no header: the whole file is the body.

    Raises:
        EmptyArticleError: the file is empty.
    """
    path = Path(path)
    return Article(id=path.stem, text=_read_text(path))


def read_jsonl(path: str | Path) -> Iterator[Article]:
    """Read articles from a JSON Lines file, one object a line.

    ``text`` is required; ``id`` (default ``<file stem>:<line>``), ``title``,
    ``date`` (ISO 8601 or ``YYYYMMDD``), ``url`` and ``source`` are optional.

    Raises:
        ArticleFormatError: a line is not a JSON object or a field is bad.
        EmptyArticleError: the file or a record's text is empty.
    """
    path = Path(path)
    content = _read_text(path)
    # JSON Lines separates records by \n only: U+2028 or U+0085 may stand inside a string
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleFormatError(
                f"invalid JSON at column {exc.colno}: {exc.msg}", path=path, line=number
            ) from None
        if not isinstance(record, dict):
            raise ArticleFormatError(
                f"expected a JSON object, got {type(record).__name__}", path=path, line=number
            )
        try:
            article = Article.from_dict(record, default_id=f"{path.stem}:{number}")
        except ValueError as exc:
            raise ArticleFormatError(str(exc), path=path, line=number) from None
        if not article.text.strip():
            raise EmptyArticleError('the record\'s "text" is empty', path=path, line=number)
        yield article


def _read_file(path: Path, fmt: Format) -> Iterator[Article]:
    if fmt == "auto":
        fmt = _SUFFIX_FORMATS.get(path.suffix.lower(), "seed")
    if fmt == "jsonl":
        yield from read_jsonl(path)
    elif fmt == "text":
        yield read_plain(path)
    else:
        yield read_seed(path)


def _expand(paths: Sequence[str | Path]) -> Iterator[Path]:
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in _SUFFIX_FORMATS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            yield from sorted(found, key=lambda p: p.relative_to(path).as_posix())
        elif path.exists():
            yield path
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                raise InputError("the pattern matches no file", path=item)
            yield from files
        else:
            raise InputError("no such file or directory", path=item)


@attrs.frozen
class ArticleSet:
    """Articles read from files, in a stable order, with any files skipped.

    Iterate over it, index it by position, or look an article up by id with
    :meth:`get`.

    Attributes:
        articles: The articles read, in the order of the paths given (a
            directory's files sorted by relative path).
        skipped: The errors of files that were skipped (empty unless
            ``on_error="skip"``).
    """

    articles: tuple[Article, ...]
    skipped: tuple[InputError, ...] = ()

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)

    def __getitem__(self, index: int) -> Article:
        return self.articles[index]

    def get(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        for article in self.articles:
            if article.id == article_id:
                return article
        return None


def read_articles(
    *paths: str | Path,
    format: Format = "auto",
    on_error: Literal["raise", "skip"] = "raise",
) -> ArticleSet:
    """Read articles from files, directories (recursively) or glob patterns.

    Under ``format="auto"`` a ``.jsonl``/``.ndjson`` file is JSON Lines and any
    other file is in the seed format; pass ``format="text"`` to read plain text
    bodies without a header.  A directory contributes its ``.txt``, ``.jsonl``
    and ``.ndjson`` files, sorted by relative path, hidden ones excluded.

    Args:
        paths: Files, directories or glob patterns.
        format: How to read each file.
        on_error: ``"raise"`` stops at the first bad file; ``"skip"`` leaves a
            bad file out and records its error in :attr:`ArticleSet.skipped`.

    Raises:
        InputError: a path does not exist, or (with ``on_error="raise"``) a
            file is bad or two articles share an id.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError('on_error must be "raise" or "skip"')
    if format not in ("auto", "seed", "jsonl", "text"):
        raise ValueError('format must be one of "auto", "seed", "jsonl", "text"')
    articles: list[Article] = []
    skipped: list[InputError] = []
    seen: dict[str, str] = {}
    for path in _expand(paths or (os.curdir,)):
        try:
            batch = list(_read_file(path, format))
            batch_ids: dict[str, str] = {}
            for article in batch:
                earlier = seen.get(article.id) or batch_ids.get(article.id)
                if earlier is not None:
                    raise DuplicateArticleError(
                        f"article id {article.id!r} was already read from {earlier}",
                        path=path,
                    )
                batch_ids[article.id] = str(path)
            seen.update(batch_ids)
        except InputError as exc:
            if on_error == "raise":
                raise
            skipped.append(exc)
            continue
        articles.extend(batch)
    return ArticleSet(tuple(articles), tuple(skipped))
