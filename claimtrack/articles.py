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

import codecs
import datetime as dt
import fnmatch
import glob
import hashlib
import json
import os
import re
import sys
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
from claimtrack.normalize import clean_text
from claimtrack.spans import Span, trim_span

__all__ = [
    "Article",
    "ArticleSet",
    "ArticleStream",
    "Format",
    "Unread",
    "article_to_dict",
    "check_articles",
    "checked_articles",
    "clean_field",
    "content_hash",
    "iter_articles",
    "parse_date",
    "read_articles",
    "read_jsonl",
    "read_plain",
    "read_seed",
    "source_from_url",
    "split_paragraphs",
    "write_jsonl",
]

Format = Literal["auto", "seed", "jsonl", "json", "text"]
_FORMATS = ("auto", "seed", "jsonl", "json", "text")

#: File endings read when a directory is given, and the format each gets under ``"auto"``.
_SUFFIX_FORMATS: dict[str, Format] = {
    ".txt": "seed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
_KNOWN_SUFFIXES = ", ".join(_SUFFIX_FORMATS)
#: The path that stands for standard input (read as JSON Lines).
STDIN = "-"

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
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname
    except ValueError:  # "http://[::1": not a URL whose host can be read
        return None
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


def clean_field(value: str | None) -> str | None:
    """A short field (title, URL, id) with odd characters as spaces, trimmed; None if blank.

    >>> clean_field("  Breaking:\\u200b news\\x00 ")
    'Breaking:  news'
    """
    if value is None:
        return None
    return clean_text(value).strip() or None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: object) -> object:
    """A text with each lone surrogate (not a character: a JSON escape such as
    ``\\ud800`` can make one) as U+FFFD, so it can be written anywhere; the
    length, and so every offset, is kept."""
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def _clean_id(value: object) -> object:
    """A string id cleaned like :func:`clean_field` (other values are left to the validator)."""
    return clean_field(value) if isinstance(value, str) else value


def _check_id(instance: Article, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("an article needs a non-empty string id")


@attrs.frozen
class Article:
    """One news report.

    Attributes:
        id: Unique within a collection (for files, the file name without its
            extension).
        text: The body exactly as read (a lone surrogate, which is no character,
            as U+FFFD); every offset in claimtrack indexes it.
        title: The headline, if known.
        date: The publication date, if known.
        url: Where the report was published, if known.
        source: The outlet; derived from the URL's host when not given.
        clean_text: The text as analysed: ``text`` with control, invisible and
            odd space characters shown as spaces and odd line breaks as
            newlines (:func:`~claimtrack.normalize.clean_text`).  It has the
            length of ``text``, so every offset indexes both; it *is*
            ``text`` when there is nothing to clean.  Sentences, attributions
            and claims quote it, so names and outputs never carry a NUL or a
            zero-width space.
        paragraphs: Spans of the paragraphs (non-blank lines of ``clean_text``).
    """

    id: str = attrs.field(converter=_clean_id, validator=_check_id)
    text: str = attrs.field(
        converter=_whole_characters, validator=attrs.validators.instance_of(str), repr=False
    )
    title: str | None = attrs.field(default=None, converter=clean_field)
    date: dt.date | None = attrs.field(default=None, converter=parse_date)
    url: str | None = attrs.field(default=None, converter=clean_field)
    source: str | None = attrs.field(converter=clean_field)
    clean_text: str = attrs.field(init=False, repr=False, eq=False)
    paragraphs: tuple[Span, ...] = attrs.field(repr=False, eq=False)

    @source.default
    def _source_from_url(self) -> str | None:
        return source_from_url(self.url)

    @clean_text.default
    def _clean(self) -> str:
        return clean_text(self.text)

    @paragraphs.default
    def _split(self) -> tuple[Span, ...]:
        return split_paragraphs(self.clean_text)

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
        if isinstance(ident, int) and not isinstance(ident, bool):
            ident = str(ident)
        if not isinstance(ident, str):
            raise ValueError(f'"id" must be a string or an integer, not {type(ident).__name__}')
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


def check_articles(articles: object, caller: str) -> list[Article]:
    """``articles`` as a list, or TypeError saying what ``caller`` takes instead.

    >>> check_articles([Article(id="a", text="Hi.")], "analyze")[0].id
    'a'
    >>> check_articles("seeds/", "analyze")
    Traceback (most recent call last):
    ...
    TypeError: analyze() takes an iterable of Article, not a str (read files with claimtrack.read_articles)
    """
    return list(checked_articles(articles, caller))


def checked_articles(articles: object, caller: str) -> Iterator[Article]:
    """:func:`check_articles` as a stream: the container is checked at once, each
    item as it comes (nothing is held)."""
    hint = " (read files with claimtrack.read_articles)"
    if isinstance(articles, Article):
        raise TypeError(f"{caller}() takes an iterable of Article, not one Article: pass [article]")
    if isinstance(articles, (str, bytes, os.PathLike)) or not isinstance(articles, Iterable):
        raise TypeError(
            f"{caller}() takes an iterable of Article, not a {type(articles).__name__}{hint}"
        )
    return _checked(articles, caller, hint)


def _checked(articles: Iterable[object], caller: str, hint: str) -> Iterator[Article]:
    for item in articles:
        if not isinstance(item, Article):
            raise TypeError(f"{caller}() takes Article items, not a {type(item).__name__}{hint}")
        yield item


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
#
# Every reader is built on a generator of *items*: an Article, an InputError for
# a bad file or record (the reader goes on after it), or an Unread notice for a
# file of a folder that is not read.  read_articles decides whether an error
# stops the read or is kept in ArticleSet.skipped; nothing is dropped silently.


@attrs.frozen
class Unread:
    """A file of a folder that was not read, and why (not an error).

    Attributes:
        path: The file or folder.
        reason: Why it was not read, and how to read it if wanted.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


_Item = Article | InputError | Unread


def _check_encoding(encoding: str) -> str:
    """The codec's canonical name; ValueError for an unknown one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252)") from None


def _decode(data: bytes, path: Path, encoding: str, first_line: int = 1) -> str:
    """``data`` decoded, or ArticleFormatError naming the line and the byte in it."""
    codec = "utf-8-sig" if encoding == "utf-8" and first_line == 1 else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = first_line + data.count(b"\n", 0, exc.start)
        column = exc.start - line_start + 1
        bad = data[exc.start : min(exc.end, exc.start + 4)].hex(" ")
        raise ArticleFormatError(
            f"byte {column} of the line (0x{bad}) is not {encoding.upper()} ({exc.reason}); "
            "re-save the file as UTF-8 or give its encoding (--encoding)",
            path=path,
            line=line,
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=path) from None
    if not data.strip():
        raise EmptyArticleError("the file is empty", path=path)
    return data


def _read_text(path: Path, encoding: str = "utf-8") -> str:
    text = _decode(_read_bytes(path), path, encoding)
    if not clean_text(text).strip():  # only white space of any kind, or a BOM
        raise EmptyArticleError("the file is empty", path=path)
    return text


def _file_id(path: Path) -> str:
    """The id of the article of a file: its name without extension."""
    if clean_field(path.stem) is None:
        raise ArticleFormatError(
            "the file name is blank and cannot be the article's id: rename the file", path=path
        )
    return path.stem


def read_seed(path: str | Path, *, encoding: str = "utf-8") -> Article:
    """Read one article in the seed format.

    Line 1 is the title, line 2 the date (``YYYYMMDD``), line 3 the URL, and
    each further non-blank line a paragraph.  The article's text is everything
    after the third line, as it stands in the file.

    Raises:
        EmptyArticleError: the file or its body is empty.
        ArticleFormatError: the header is incomplete, the date is bad or the
            bytes are not in the encoding.
    """
    path = Path(path)
    content = _read_text(path, _check_encoding(encoding))
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
    if not clean_text(body).strip():
        raise EmptyArticleError("the article has a header but no body", path=path, line=4)
    return Article(id=_file_id(path), text=body, title=title, date=date, url=url)


def read_plain(path: str | Path, *, encoding: str = "utf-8") -> Article:
    """Read a plain text file with no header: the whole file is the body.

    Raises:
        EmptyArticleError: the file is empty.
        ArticleFormatError: the bytes are not in the encoding.
    """
    path = Path(path)
    text = _read_text(path, _check_encoding(encoding))
    return Article(id=_file_id(path), text=text)


def _json_message(exc: json.JSONDecodeError) -> str:
    """json's whole message in words, with the column ('Unterminated string starting at')."""
    msg = exc.msg[:1].lower() + exc.msg[1:]
    return f"invalid JSON: {msg}{'' if msg.endswith(' at') else ' at'} column {exc.colno}"


def _record_article(
    record: object, path: Path, line: int | None, default_id: str, where: str = ""
) -> Article | InputError:
    """The article of one JSON record, or the error that says what is wrong with it."""
    if not isinstance(record, dict):
        return ArticleFormatError(
            f"{where}expected a JSON object, got {type(record).__name__}", path=path, line=line
        )
    try:
        article = Article.from_dict(record, default_id=default_id)
    except ValueError as exc:
        return ArticleFormatError(f"{where}{exc}", path=path, line=line)
    if not article.clean_text.strip():
        return EmptyArticleError(f'{where}the record\'s "text" is empty', path=path, line=line)
    return article


#: An article or the error of a bad record, with the line it stands on (if known).
_Located = tuple[Article | InputError, int | None]


def _jsonl_items(path: Path, encoding: str) -> Iterator[_Located]:
    """The records of a JSON Lines file (``-``: standard input), a line at a time."""
    if str(path) == STDIN:
        yield from _jsonl_lines(sys.stdin.buffer, path, encoding)
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read the file: {exc.strerror or exc}", path=path), None
        return
    with handle:
        yield from _jsonl_lines(handle, path, encoding)


def _jsonl_lines(handle: Iterable[bytes], path: Path, encoding: str) -> Iterator[_Located]:
    """The records of JSON Lines read from a binary stream, a line at a time."""
    found = False
    # JSON Lines separates records by \n only: U+2028 or U+0085 may stand inside a string
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        found = True
        raw = raw.rstrip(b"\r\n")  # the line's end is not part of the record
        try:
            line = _decode(raw, path, encoding, first_line=number)
        except ArticleFormatError as exc:
            yield exc, number
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleFormatError(_json_message(exc), path=path, line=number), number
            continue
        except ValueError as exc:  # an integer of more digits than Python converts
            yield ArticleFormatError(f"invalid JSON: {exc}", path=path, line=number), number
            continue
        except RecursionError:
            yield (
                ArticleFormatError("invalid JSON: nested too deeply", path=path, line=number),
                number,
            )
            continue
        yield _record_article(record, path, number, f"{path.stem}:{number}"), number
    if not found:
        yield EmptyArticleError("the file is empty", path=path), None


def _json_items(path: Path, encoding: str) -> Iterator[_Located]:
    """The records of a JSON file: one object, or an array of objects."""
    try:
        data = json.loads(_read_text(path, encoding))
    except InputError as exc:
        yield exc, exc.line
        return
    except json.JSONDecodeError as exc:
        yield ArticleFormatError(_json_message(exc), path=path, line=exc.lineno), exc.lineno
        return
    except ValueError as exc:  # an integer of more digits than Python converts
        yield ArticleFormatError(f"invalid JSON: {exc}", path=path), None
        return
    except RecursionError:
        yield ArticleFormatError("invalid JSON: nested too deeply", path=path), None
        return
    if isinstance(data, dict):
        yield _record_article(data, path, None, path.stem), None
        return
    if not isinstance(data, list):
        message = f"expected a JSON object or an array of objects, got {type(data).__name__}"
        yield ArticleFormatError(message, path=path), None
        return
    if not data:
        yield EmptyArticleError("the array holds no records", path=path), None
    for number, record in enumerate(data, start=1):
        where = f"record {number}: "
        yield _record_article(record, path, None, f"{path.stem}:{number}", where), None


def read_jsonl(path: str | Path, *, encoding: str = "utf-8") -> Iterator[Article]:
    """Read articles from a JSON Lines file, one object a line, streaming.

    ``text`` is required; ``id`` (default ``<file stem>:<line>``), ``title``,
    ``date`` (ISO 8601 or ``YYYYMMDD``), ``url`` and ``source`` are optional.

    Raises:
        ArticleFormatError: a line is not a JSON object or a field is bad.
        EmptyArticleError: the file or a record's text is empty.
    """
    for item, _ in _jsonl_items(Path(path), _check_encoding(encoding)):
        if isinstance(item, InputError):
            raise item
        yield item


def _file_items(path: Path, fmt: Format, encoding: str) -> Iterator[_Located]:
    if str(path) == STDIN:
        if fmt not in ("auto", "jsonl"):
            yield InputError("standard input (-) is read as JSON Lines only", path=path), None
            return
        fmt = "jsonl"
    if fmt == "auto":
        fmt = _SUFFIX_FORMATS.get(path.suffix.lower(), "seed")
    if fmt == "jsonl":
        yield from _jsonl_items(path, encoding)
    elif fmt == "json":
        yield from _json_items(path, encoding)
    else:
        try:
            yield (read_plain if fmt == "text" else read_seed)(path, encoding=encoding), None
        except InputError as exc:
            yield exc, exc.line


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _folder_items(folder: Path, pattern: str | None) -> Iterator[Path | Unread]:
    """The files of a folder to read, sorted by relative path, and notices for the rest."""
    chosen: list[Path] = []
    unread: list[Unread] = []
    unmatched = 0
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if _hidden(relative):
            if path.name.startswith("."):  # report a hidden entry once, not its contents
                kind = "folder" if path.is_dir() else "file"
                unread.append(Unread(str(path), f"hidden {kind}: not read"))
            continue
        if not path.is_file():
            continue
        if pattern is not None:
            name = relative.as_posix() if "/" in pattern else path.name
            if fnmatch.fnmatchcase(name, pattern):
                chosen.append(path)
            else:
                unmatched += 1
        elif path.suffix.lower() in _SUFFIX_FORMATS:
            chosen.append(path)
        else:
            what = f"the extension {path.suffix!r}" if path.suffix else "no extension"
            unread.append(
                Unread(
                    str(path),
                    f"not an article file ({what}; read are {_KNOWN_SUFFIXES}): "
                    "name it, or choose files with --glob",
                )
            )
    if unmatched:
        plural = "s do" if unmatched > 1 else " does"
        unread.append(Unread(str(folder), f"{unmatched} file{plural} not match {pattern!r}"))
    if not chosen:
        unread.append(Unread(str(folder), "the folder holds no article file"))
    yield from sorted(chosen, key=lambda p: p.relative_to(folder).as_posix())
    yield from sorted(unread, key=lambda u: u.path)


def _path_items(paths: Sequence[str | Path], pattern: str | None) -> Iterator[Path | _Item]:
    """The files to read, with notices and errors for paths that give none."""
    for item in paths:
        path = Path(item)
        if str(item) == STDIN:
            yield path
        elif path.is_dir():
            yield from _folder_items(path, pattern)
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError("not a regular file", path=item)
        elif glob.has_magic(str(item)):
            matches = sorted(Path(p) for p in glob.glob(str(item), recursive=True))
            files = [p for p in matches if p.is_file()]
            if not files:
                yield InputError("the pattern matches no file", path=item)
            yield from files
        else:
            yield InputError("no such file or directory", path=item)


def iter_articles(
    *paths: str | Path,
    format: Format = "auto",
    encoding: str = "utf-8",
    glob: str | None = None,
) -> Iterator[Article | InputError | Unread]:
    """Stream articles from files, folders and glob patterns, with every problem.

    The items come in order: an :class:`Article`; an :class:`InputError` for a
    bad file or record (reading goes on after it); or an :class:`Unread`
    notice for a file of a folder that is not read.  JSON Lines files are read
    a line at a time.  Article ids are not checked for duplicates here (see
    :func:`read_articles`).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"id": "x", "text": "Hi."}\\n{"id": \\n')
    >>> _ = (folder / "notes.md").write_text("# notes")
    >>> for item in iter_articles(folder):
    ...     print(type(item).__name__, str(item).replace(str(folder), "F"))
    Article Article(id='x', title=None, date=None, url=None, source=None)
    ArticleFormatError F/a.jsonl:2: invalid JSON: expecting value at column 8
    Unread F/notes.md: not an article file (the extension '.md'; read are .txt, .jsonl, .ndjson, .json): name it, or choose files with --glob
    """
    for item, _, _ in _located(paths, format, encoding, glob):
        yield item


def _located(
    paths: Sequence[str | Path], format: Format, encoding: str, pattern: str | None
) -> Iterator[tuple[_Item, str | None, int | None]]:
    """:func:`iter_articles`, each item with the file and line it comes from."""
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}")
    encoding = _check_encoding(encoding)
    for item in _path_items(paths or (os.curdir,), pattern):
        if isinstance(item, Path):
            for found, line in _file_items(item, format, encoding):
                yield found, str(item), line
        else:
            yield item, getattr(item, "path", None), None


@attrs.frozen
class ArticleSet:
    """Articles read from files, in a stable order, with what was not read.

    Iterate over it, index it by position, or look an article up by id with
    :meth:`get`.

    Attributes:
        articles: The articles read, in the order of the paths given (a
            directory's files sorted by relative path).
        skipped: The errors of the files and records that were skipped (empty
            unless ``on_error="skip"``).
        unread: Files of folders that were not read, each with why (not an
            article file, hidden, not matching the glob, an empty folder).
    """

    articles: tuple[Article, ...]
    skipped: tuple[InputError, ...] = ()
    unread: tuple[Unread, ...] = ()

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


def _where(path: str | None, line: int | None) -> str:
    return "?" if path is None else path if line is None else f"{path}:{line}"


def read_articles(
    *paths: str | Path,
    format: Format = "auto",
    on_error: Literal["raise", "skip"] = "raise",
    encoding: str = "utf-8",
    glob: str | None = None,
) -> ArticleSet:
    """Read articles from files, folders (recursively) or glob patterns.

    Under ``format="auto"`` a ``.jsonl``/``.ndjson`` file is JSON Lines, a
    ``.json`` file one object or an array of objects, and any other file is in
    the seed format; pass ``format="text"`` to read plain text bodies without
    a header.  A folder contributes its ``.txt``, ``.jsonl``, ``.ndjson`` and
    ``.json`` files (any case), sorted by relative path; its other files and
    hidden ones are listed in :attr:`ArticleSet.unread`.  With ``glob``, a
    folder contributes the files whose name (or relative path, when the
    pattern holds a ``/``) matches it instead.

    Args:
        paths: Files, folders or glob patterns.
        format: How to read each file.
        on_error: ``"raise"`` stops at the first bad file or record;
            ``"skip"`` leaves it out, goes on, and records its error in
            :attr:`ArticleSet.skipped`: a bad JSON record costs that record,
            never the good ones beside it.
        encoding: The files' encoding (default UTF-8; a UTF-8 byte-order
            mark is allowed).
        glob: A pattern choosing the files of folders (``"*.json"``).

    Raises:
        InputError: a path does not exist, or (with ``on_error="raise"``) a
            file or record is bad or two articles share an id.
        ValueError: an option is not one of those allowed.
    """
    stream = ArticleStream(*paths, format=format, on_error=on_error, encoding=encoding, glob=glob)
    articles = tuple(stream)
    return ArticleSet(articles, tuple(stream.skipped), tuple(stream.unread))


class ArticleStream:
    """:func:`read_articles` as a stream: iterate once over the articles, read a file
    (and a JSON Lines record) at a time; what was skipped and not read fills
    :attr:`skipped` and :attr:`unread` as it goes, and :attr:`count` counts the
    articles given.  Only the ids already read are held, to refuse duplicates.
    """

    def __init__(
        self,
        *paths: str | Path,
        format: Format = "auto",
        on_error: Literal["raise", "skip"] = "raise",
        encoding: str = "utf-8",
        glob: str | None = None,
    ) -> None:
        if on_error not in ("raise", "skip"):
            raise ValueError('on_error must be "raise" or "skip"')
        if format not in _FORMATS:
            raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}")
        self._items = _located(paths, format, _check_encoding(encoding), glob)
        self.on_error = on_error
        self.skipped: list[InputError] = []
        self.unread: list[Unread] = []
        self.count = 0

    def __iter__(self) -> Iterator[Article]:
        seen: dict[str, str] = {}
        for item, path, line in self._items:
            if isinstance(item, Unread):
                self.unread.append(item)
                continue
            if isinstance(item, Article):
                earlier = seen.get(item.id)
                if earlier is None:
                    seen[item.id] = _where(path, line)
                    self.count += 1
                    yield item
                    continue
                item = DuplicateArticleError(
                    f"article id {item.id!r} was already read from {earlier}", path=path, line=line
                )
            if self.on_error == "raise":
                raise item
            self.skipped.append(item)


def content_hash(article: Article) -> str:
    """A hash of an article's text and metadata: equal for an unchanged article."""
    fields = [article.id, article.title, article.date, article.url, article.source, article.text]
    data = json.dumps([str(f) if f is not None else None for f in fields], ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
