"""Articles and their readers: seed format, JSON Lines, plain text, directories."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import articles

from claimtrack.articles import (
    Article,
    parse_date,
    read_articles,
    read_jsonl,
    read_plain,
    read_seed,
    source_from_url,
    split_paragraphs,
    write_jsonl,
)
from claimtrack.exceptions import (
    ArticleFormatError,
    ClaimtrackError,
    DuplicateArticleError,
    EmptyArticleError,
    InputError,
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


SEED = "A title\n20211118\nhttps://www.example.com/story\nFirst para.\n\nSecond para.\n"


class TestSeedFormat:
    def test_header_and_body(self, tmp_path: Path) -> None:
        """The three header lines give title, date and URL; the rest is the body as read."""
        art = read_seed(write(tmp_path / "abc.txt", SEED))
        assert art.id == "abc"
        assert art.title == "A title"
        assert art.date == dt.date(2021, 11, 18)
        assert art.url == "https://www.example.com/story"
        assert art.source == "example.com"
        assert art.text == "First para.\n\nSecond para.\n"
        assert [p.of(art.text) for p in art.paragraphs] == ["First para.", "Second para."]

    def test_seeds_read_byte_for_byte(self, seeds_dir: Path) -> None:
        """The seed bodies are exactly the files' bytes after the header."""
        for path in sorted(seeds_dir.glob("*.txt")):
            art = read_seed(path)
            raw = path.read_text(encoding="utf-8")
            assert raw.endswith(art.text)
            assert raw.split("\n", 3)[3] == art.text

    def test_crlf_offsets_index_text(self, tmp_path: Path) -> None:
        """Windows line ends are kept; paragraphs exclude the carriage return."""
        art = read_seed(write(tmp_path / "w.txt", SEED.replace("\n", "\r\n")))
        assert "\r\n" in art.text
        assert [p.of(art.text) for p in art.paragraphs] == ["First para.", "Second para."]

    @pytest.mark.parametrize(
        ("content", "error", "line", "words"),
        [
            ("", EmptyArticleError, None, "empty"),
            ("   \n\n", EmptyArticleError, None, "empty"),
            ("Title\n2021-13-45\nhttps://x.org\nBody\n", ArticleFormatError, 2, "date"),
            ("Title\nyesterday\nhttps://x.org\nBody\n", ArticleFormatError, 2, "YYYYMMDD"),
            ("Title\n20210101\nnot a url\nBody\n", ArticleFormatError, 3, "URL"),
            ("Title\n20210101\n", ArticleFormatError, 3, "URL line"),
            ("Title\n20210101\nhttps://x.org\n\n  \n", EmptyArticleError, 4, "no body"),
        ],
    )
    def test_bad_files(
        self, tmp_path: Path, content: str, error: type[InputError], line: int | None, words: str
    ) -> None:
        """Each bad seed file gets a typed error naming the file, the line and the problem."""
        path = write(tmp_path / "bad.txt", content)
        with pytest.raises(error) as info:
            read_seed(path)
        assert info.value.path == str(path)
        assert info.value.line == line
        assert words in str(info.value)
        assert str(path) in str(info.value)

    def test_undecodable_bytes(self, tmp_path: Path) -> None:
        """Bytes that are not UTF-8 are reported with the line they stand on."""
        path = write(tmp_path / "latin.txt", b"T\n20210101\nhttps://x.org\nok\ncaf\xe9\n")
        with pytest.raises(ArticleFormatError, match="UTF-8") as info:
            read_seed(path)
        assert info.value.line == 5

    def test_errors_are_value_errors(self, tmp_path: Path) -> None:
        """Callers that only know builtins can catch ValueError."""
        with pytest.raises(ValueError):
            read_seed(write(tmp_path / "e.txt", ""))
        assert issubclass(EmptyArticleError, ClaimtrackError)


class TestJsonLines:
    def test_fields(self, tmp_path: Path) -> None:
        """Optional fields are read; the id defaults to file stem and line number."""
        lines = [
            {"id": "a", "text": "One.\nTwo.", "date": "2021-11-18", "url": "https://b.org/x"},
            {"text": "Three.", "date": "20211119", "source": "Wire"},
        ]
        path = write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
        first, second = read_jsonl(path)
        assert (first.id, first.date, first.source) == ("a", dt.date(2021, 11, 18), "b.org")
        assert len(first.paragraphs) == 2
        assert (second.id, second.source) == ("c:2", "Wire")

    def test_field_aliases(self, tmp_path: Path) -> None:
        """Common other names of the date and source fields are read too."""
        record = {"id": "p", "text": "x", "publication_date": "2016-11-01", "publisher": "nyt"}
        (art,) = read_jsonl(write(tmp_path / "p.jsonl", json.dumps(record) + "\n"))
        assert (art.date, art.source) == (dt.date(2016, 11, 1), "nyt")

    @pytest.mark.parametrize(
        ("line", "words"),
        [
            ('{"id": "a", "text": "x"', "invalid JSON"),
            ('["text"]', "expected a JSON object"),
            ('{"id": "a"}', 'no "text"'),
            ('{"id": "a", "text": 3}', '"text" must be a string'),
            ('{"id": "a", "text": "x", "date": "soon"}', "not a date"),
            ('{"id": "a", "text": "x", "title": 5}', '"title" must be a string'),
        ],
    )
    def test_bad_records(self, tmp_path: Path, line: str, words: str) -> None:
        """A bad record names its line and what is wrong."""
        path = write(tmp_path / "b.jsonl", '{"id": "ok", "text": "fine"}\n\n' + line + "\n")
        with pytest.raises(ArticleFormatError) as info:
            list(read_jsonl(path))
        assert info.value.line == 3
        assert words in str(info.value)

    def test_blank_text(self, tmp_path: Path) -> None:
        """A record whose text is blank is an empty article."""
        path = write(tmp_path / "b.jsonl", '{"id": "a", "text": "  "}\n')
        with pytest.raises(EmptyArticleError, match="empty"):
            list(read_jsonl(path))

    @given(st.lists(articles(), min_size=1, max_size=5, unique_by=lambda a: a.id))
    def test_round_trip(self, arts: list[Article]) -> None:
        """What write_jsonl writes, read_jsonl reads back equal, offsets and all."""
        buffer = io.StringIO()
        write_jsonl(arts, buffer)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "round.jsonl"
            path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
            back = list(read_jsonl(path))
        assert back == arts
        assert [b.paragraphs for b in back] == [a.paragraphs for a in arts]


class TestDirectories:
    def test_stable_order_and_recursion(self, tmp_path: Path) -> None:
        """A directory is read recursively, files sorted by relative path, hidden ones skipped."""
        write(tmp_path / "b.txt", SEED)
        write(tmp_path / "a" / "z.txt", SEED)
        write(tmp_path / "c.jsonl", '{"id": "j1", "text": "x"}\n')
        write(tmp_path / ".hidden.txt", SEED)
        write(tmp_path / "notes.md", "ignored")
        got = read_articles(tmp_path)
        assert [a.id for a in got] == ["z", "b", "j1"]

    def test_glob(self, tmp_path: Path) -> None:
        """A glob pattern is expanded and sorted."""
        write(tmp_path / "2.txt", SEED)
        write(tmp_path / "1.txt", SEED)
        assert [a.id for a in read_articles(str(tmp_path / "*.txt"))] == ["1", "2"]

    def test_missing_path(self, tmp_path: Path) -> None:
        """A path that does not exist, or a glob matching nothing, is an error."""
        with pytest.raises(InputError, match="no such file"):
            read_articles(tmp_path / "nope")
        with pytest.raises(InputError, match="matches no file"):
            read_articles(str(tmp_path / "*.nope"))

    def test_stop_at_first_bad_file(self, tmp_path: Path) -> None:
        """By default a bad file stops the read."""
        write(tmp_path / "a.txt", SEED)
        write(tmp_path / "b.txt", "")
        with pytest.raises(EmptyArticleError):
            read_articles(tmp_path)

    def test_skip_bad_files(self, tmp_path: Path) -> None:
        """With on_error='skip' bad files are left out and reported, good ones kept."""
        write(tmp_path / "a.txt", SEED)
        write(tmp_path / "b.txt", "")
        write(tmp_path / "c.jsonl", "{oops\n")
        write(tmp_path / "d.txt", SEED)
        got = read_articles(tmp_path, on_error="skip")
        assert [a.id for a in got] == ["a", "d"]
        assert [type(e) for e in got.skipped] == [EmptyArticleError, ArticleFormatError]
        assert got.skipped[0].path is not None and got.skipped[0].path.endswith("b.txt")

    def test_duplicate_ids(self, tmp_path: Path) -> None:
        """Two articles with one id are an error naming both files."""
        write(tmp_path / "x" / "same.txt", SEED)
        write(tmp_path / "y" / "same.txt", SEED)
        with pytest.raises(DuplicateArticleError, match="already read from") as info:
            read_articles(tmp_path)
        assert "same" in str(info.value)
        got = read_articles(tmp_path, on_error="skip")
        assert len(got) == 1 and len(got.skipped) == 1

    def test_duplicate_ids_within_one_file(self, tmp_path: Path) -> None:
        """Duplicate ids inside one JSON Lines file are caught too."""
        write(tmp_path / "d.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n')
        with pytest.raises(DuplicateArticleError):
            read_articles(tmp_path)

    def test_plain_text(self, tmp_path: Path) -> None:
        """format='text' reads the whole file as the body."""
        path = write(tmp_path / "p.txt", "No header here.\nSecond line.\n")
        art = read_articles(path, format="text")[0]
        assert art.text == "No header here.\nSecond line.\n"
        assert read_plain(path) == art

    def test_get_and_bad_options(self, tmp_path: Path) -> None:
        """Articles can be looked up by id; bad options are refused."""
        write(tmp_path / "a.txt", SEED)
        got = read_articles(tmp_path)
        assert got.get("a") is got[0]
        assert got.get("zzz") is None
        with pytest.raises(ValueError):
            read_articles(tmp_path, on_error="ignore")  # type: ignore[arg-type]


class TestArticle:
    def test_frozen(self) -> None:
        """Articles are immutable values."""
        art = Article(id="a", text="x")
        with pytest.raises(AttributeError):
            art.text = "y"  # type: ignore[misc]

    @pytest.mark.parametrize("bad", ["", "  ", None])
    def test_needs_id(self, bad: str | None) -> None:
        """An article without an id is refused."""
        with pytest.raises((ValueError, TypeError)):
            Article(id=bad, text="x")  # type: ignore[arg-type]

    def test_explicit_source_wins(self) -> None:
        """A given source is kept even with a URL."""
        assert Article(id="a", text="x", url="https://a.com", source="AP").source == "AP"

    @pytest.mark.parametrize(
        ("url", "host"),
        [
            ("https://www.a.co.uk/x?y=1", "a.co.uk"),
            ("a.com/b", "a.com"),
            ("", None),
            ("x://", None),
        ],
    )
    def test_source_from_url(self, url: str, host: str | None) -> None:
        """The source is the URL's host without www."""
        assert source_from_url(url) == host

    @pytest.mark.parametrize("bad", ["2021-02-30", "20211301", "21-1-1", "2021/01/01"])
    def test_bad_dates(self, bad: str) -> None:
        """Impossible or unknown date forms are refused."""
        with pytest.raises(ValueError):
            parse_date(bad)

    @given(st.text(max_size=200))
    def test_paragraphs_are_trimmed_lines(self, text: str) -> None:
        """Paragraph spans are ordered, non-blank, trimmed and never hold a line break."""
        spans = split_paragraphs(text)
        for span in spans:
            piece = span.of(text)
            assert piece.strip() == piece != ""
            assert "\n" not in piece and "\r" not in piece
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
        covered = "".join(span.of(text) for span in spans)
        assert "".join(covered.split()) == "".join(
            "".join(text.replace("\r", "\n").split("\n")).split()
        )


class TestHardening:
    def test_skip_bad_records_not_files(self, tmp_path: Path) -> None:
        """A bad JSON Lines record costs that record only; each is listed with its line."""
        lines = [
            '{"id": "a", "text": "One."}',
            '{"id": "b", "text": "unterminated',
            '{"id": "c", "text": "Three."}',
            '{"id": "a", "text": "Another under a taken id."}',
            '{"id": "d", "text": "Four."}',
        ]
        path = write(tmp_path / "m.jsonl", "\n".join(lines) + "\n")
        got = read_articles(path, on_error="skip")
        assert [a.id for a in got] == ["a", "c", "d"]
        assert [(type(e), e.line) for e in got.skipped] == [
            (ArticleFormatError, 2),
            (DuplicateArticleError, 4),
        ]
        assert "m.jsonl:1" in str(got.skipped[1])
        with pytest.raises(ArticleFormatError):
            read_articles(path)

    def test_whole_json_message(self, tmp_path: Path) -> None:
        """json's message is given whole, with the column."""
        path = write(tmp_path / "u.jsonl", '{"id": "b", "text": "unterminated\n')
        with pytest.raises(ArticleFormatError) as info:
            list(read_jsonl(path))
        assert str(info.value).endswith("invalid JSON: unterminated string starting at column 21")

    def test_json_lines_with_bom_and_crlf(self, tmp_path: Path) -> None:
        """A byte-order mark and CRLF line ends are read."""
        data = '\ufeff{"id": "a", "text": "One."}\r\n{"id": "b", "text": "Two."}\r\n'
        assert [a.id for a in read_jsonl(write(tmp_path / "w.jsonl", data))] == ["a", "b"]

    def test_encoding_error_names_the_byte_in_its_line(self, tmp_path: Path) -> None:
        """The byte of an encoding error is counted in its line, not in the file."""
        path = write(tmp_path / "l.txt", b"Title\n20210101\nhttps://x.org/a\nThe caf\xe9 opened.\n")
        with pytest.raises(ArticleFormatError) as info:
            read_seed(path)
        assert info.value.line == 4
        assert "byte 8 of the line (0xe9)" in str(info.value)
        assert read_seed(path, encoding="latin-1").text == "The caf\u00e9 opened.\n"
        with pytest.raises(ValueError, match="unknown encoding"):
            read_articles(path, encoding="no-such-codec")

    def test_bad_bytes_in_one_json_line(self, tmp_path: Path) -> None:
        """Undecodable bytes in a JSON Lines record skip that record only."""
        data = b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n'
        got = read_articles(write(tmp_path / "x.jsonl", data), on_error="skip")
        assert [a.id for a in got] == ["b"]
        assert got.skipped[0].line == 1 and "byte 25 of the line" in str(got.skipped[0])

    def test_folder_accounts_for_every_file(self, tmp_path: Path) -> None:
        """Files that are not read are listed with why; upper-case extensions are read."""
        write(tmp_path / "a.TXT", SEED)
        write(tmp_path / "b.json", '[{"id": "j1", "text": "One."}, {"id": "j2", "text": "Two."}]')
        write(tmp_path / "notes.md", "# notes")
        write(tmp_path / "README", "no extension")
        write(tmp_path / ".git" / "config", "x")
        got = read_articles(tmp_path)
        assert [a.id for a in got] == ["a", "j1", "j2"]
        unread = {Path(u.path).name: u.reason for u in got.unread}
        assert set(unread) == {"notes.md", "README", ".git"}
        assert "'.md'" in unread["notes.md"] and "no extension" in unread["README"]
        assert "hidden folder" in unread[".git"]

    def test_glob_chooses_files(self, tmp_path: Path) -> None:
        """--glob reads the files of folders that match, whatever their extension."""
        write(tmp_path / "x" / "one.article", SEED)
        write(tmp_path / "two.txt", SEED)
        got = read_articles(tmp_path, glob="*.article")
        assert [a.id for a in got] == ["one"]
        assert [u.reason for u in got.unread] == ["1 file does not match '*.article'"]
        assert [a.id for a in read_articles(tmp_path, glob="x/*")] == ["one"]

    def test_empty_folder_is_reported(self, tmp_path: Path) -> None:
        """A folder with no article file gives no articles and says so."""
        got = read_articles(tmp_path)
        assert len(got) == 0
        assert [u.reason for u in got.unread] == ["the folder holds no article file"]

    def test_json_file_records(self, tmp_path: Path) -> None:
        """A .json file is one object or an array; a bad element is a skipped record."""
        write(tmp_path / "one.json", '{"text": "Alone."}')
        write(tmp_path / "many.json", '[{"id": "m1", "text": "A."}, 3, {"id": "m3", "text": "C."}]')
        got = read_articles(tmp_path, on_error="skip")
        assert [a.id for a in got] == ["m1", "m3", "one"]
        assert [str(e).split(": ", 1)[1] for e in got.skipped] == [
            "record 2: expected a JSON object, got int"
        ]

    def test_fields_are_cleaned(self) -> None:
        """NUL, zero-width and odd spaces never reach ids, titles or outlets."""
        art = Article(
            id="a\x00b", text="x", title=" Big\u200b news\u00a0today ", source="\ufeffWire"
        )
        assert (art.id, art.title, art.source) == ("a b", "Big  news today", "Wire")

    def test_clean_text_keeps_offsets(self) -> None:
        """The analysed text has the text's length; paragraphs split on odd line breaks."""
        text = "One\x00 two.\u2029Three\u200b four.\x0bFive."
        art = Article(id="a", text=text)
        assert len(art.clean_text) == len(text)
        assert [p.of(art.clean_text) for p in art.paragraphs] == [
            "One  two.",
            "Three  four.",
            "Five.",
        ]
        plain = Article(id="b", text="Nothing odd here.")
        assert plain.clean_text is plain.text
