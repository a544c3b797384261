"""Fuzzing: adversarial text never crashes claimtrack, and every offset stays valid.

The text strategies (:mod:`strategies`) mix news-like words with control and
zero-width characters, direction marks, odd spaces, every kind of line break
and quotation mark, runs of periods, long tokens and lone surrogates.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import (
    ODD_CHARACTERS,
    STORY_SENTENCES,
    fuzz_articles,
    fuzz_text,
    perturbed,
    story_articles,
)

import claimtrack
from claimtrack.articles import Article, Format, read_articles
from claimtrack.attributions import extract_attributions
from claimtrack.exceptions import EmptyArticleError, InputError
from claimtrack.relations import relate
from claimtrack.report import cluster_record, link_record, render_report, word_diff
from claimtrack.sentences import Sentence, split_sentences
from claimtrack.spans import Span
from claimtrack.tracker import ClaimTracker


def check_sentences(article: Article, sentences: tuple[Sentence, ...]) -> None:
    text = article.clean_text  # what sentences quote: the text as read, odd characters as spaces
    assert len(text) == len(article.text)
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        para = article.paragraphs[sentence.paragraph]
        assert para.start <= sentence.start and sentence.end <= para.end
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start
        assert a.paragraph <= b.paragraph
    covered = {i for s in sentences for i in range(s.start, s.end)}
    assert [i for i, c in enumerate(text) if not c.isspace() and i not in covered] == []


# --- (a) sentences ------------------------------------------------------------------


@given(fuzz_articles())
@settings(max_examples=150)
def test_split_sentences_any_text(article: Article) -> None:
    """Any text splits into valid, ordered, disjoint sentences that never cross a paragraph."""
    check_sentences(article, split_sentences(article))


def test_odd_characters_alone_and_between_words() -> None:
    """Each odd character alone, doubled, and between two sentences splits into valid spans."""
    for char in ODD_CHARACTERS:
        for text in (char, char * 3, f"He said.{char}She said.", f"U.S.{char}\u201cWe{char}won."):
            if not text.strip():
                continue
            article = Article(id="o", text=text)
            check_sentences(article, split_sentences(article))


# --- (b) attributions -----------------------------------------------------------------


def check_attributions(
    article: Article,
    found: tuple[claimtrack.Attribution, ...],
    sentences: tuple[Sentence, ...] | None = None,
) -> None:
    """Speaker and cue lie inside the sentence holding the cue; every piece of every role
    is an ordered span of the text inside one paragraph, clear of any dateline.

    A content may reach outside its sentence: a quotation runs on over the quoted
    sentences around the cue, and into the next paragraph when left open.
    """
    text = article.clean_text
    sentences = split_sentences(article) if sentences is None else sentences
    datelines = [s.dateline for s in sentences if s.dateline is not None]
    by_start = {s.start: s for s in sentences}
    for a in found:
        sentence = a.sentence
        assert sentence.start in by_start and by_start[sentence.start].end == sentence.end
        assert 0 <= sentence.start < sentence.end <= len(text)
        for role in (a.speaker, a.cue):
            if role is not None:
                for span in role.spans:
                    assert sentence.contains(span), (a.pattern, span, sentence)
        for role in (a.content, a.speaker, a.cue):
            if role is None:
                continue
            assert role.spans
            assert all(0 <= s.start < s.end <= len(text) for s in role.spans)
            assert all(x.end <= y.start for x, y in itertools.pairwise(role.spans))
            assert all(any(p.contains(s) for p in article.paragraphs) for s in role.spans)
            assert role.text == " ".join(s.of(text) for s in role.spans)
            for span in role.spans:  # a dateline is never part of any role
                assert not any(d.start < span.end and span.start < d.end for d in datelines)


@given(fuzz_articles())
@settings(max_examples=150)
def test_extract_attributions_any_text(article: Article) -> None:
    """Any text gives attributions whose roles are valid spans of the text, speaker and cue
    inside the sentence that holds the cue."""
    check_attributions(article, extract_attributions(article))


@given(st.lists(fuzz_articles(), min_size=1, max_size=3, unique_by=lambda a: a.id))
@settings(max_examples=50)
def test_analyze_any_articles(articles: list[Article]) -> None:
    """analyze() never raises and keeps every offset valid on any articles."""
    result = claimtrack.analyze(articles)
    assert [item.article for item in result.articles] == articles
    for item in result.articles:
        check_sentences(item.article, item.sentences)
        assert len(item.kinds) == len(item.sentences)
        check_attributions(item.article, item.attributions, item.sentences)


# --- (c) relate ------------------------------------------------------------------------


@given(fuzz_text, fuzz_text)
@settings(max_examples=150)
def test_relate_any_strings(a: str, b: str) -> None:
    """relate() never raises on any two strings and gives the same answer twice."""
    first = relate(a, b)
    assert first == relate(a, b)
    assert first.relation in {"repetition", "agreement", "drift", "related", "unrelated"}
    assert relate(a, a).relation in {"repetition", "unrelated"}


@given(st.sampled_from(STORY_SENTENCES) | fuzz_text, st.data())
@settings(max_examples=150)
def test_relate_near_copies(text: str, data: st.DataObject) -> None:
    """relate() never raises on a sentence and a copy of it with words dropped, odd
    characters or words put in, and answers the same twice."""
    other = data.draw(perturbed(text))
    first = relate(text, other)
    assert first == relate(text, other)
    relate(other, text)


# --- (d) the tracker -------------------------------------------------------------------


@st.composite
def fuzz_corpora(draw: st.DrawFn) -> list[Article]:
    """A few articles: fuzz text, or story sentences they share, perturbed."""
    n = draw(st.integers(1, 4))
    if draw(st.booleans()):
        return draw(story_articles(n))
    return [draw(fuzz_articles(id=f"f{i}")) for i in range(n)]


@given(fuzz_corpora())
@settings(max_examples=40)
def test_tracker_any_articles(articles: list[Article]) -> None:
    """Adding any articles, in one batch or one at a time, and asking for clusters and
    links never raises; links join claims of two different articles."""
    tracker = ClaimTracker()
    tracker.add(articles)
    ids = {c.id for c in tracker.claims}
    for link in tracker.links(corroborated=False):
        assert link.a.article_id != link.b.article_id
        assert link.a.id in ids and link.b.id in ids
    for cluster in tracker.clusters():
        assert len(cluster.members) >= 2
        assert {m.id for m in cluster.members} <= ids
    one_by_one = ClaimTracker()
    for article in articles:
        one_by_one.add([article])
    one_by_one.clusters()
    one_by_one.links()
    one_by_one.related()
    assert len(one_by_one.claims) == len(tracker.claims)
    report = render_report(tracker.analysis(), tracker=tracker)
    assert report.startswith(f"{len(articles)} article")
    for cluster in tracker.clusters():
        json.dumps(cluster_record(cluster))
    for link in tracker.links(corroborated=False):
        json.dumps(link_record(link))
        word_diff(link.a.text, link.b.text)


def test_report_header_counts_one_sentence_in_the_singular() -> None:
    """Regression (found fuzzing the tracker): the header said "1 sentences"."""
    tracker = ClaimTracker()
    tracker.add([Article(id="x", text="All rights reserved.")])
    header = render_report(tracker.analysis(), tracker=tracker).splitlines()[0]
    assert header == "1 article, 1 sentence, 0 attributed claims from 0 sources"


# --- (e) readers ------------------------------------------------------------------------


def _read(
    name: str, data: bytes, format: Format = "auto", *, blank_ok: bool = False
) -> claimtrack.ArticleSet | None:
    """Read one file holding ``data``: the articles, or None if an InputError was raised.

    Any other exception fails the test.  Articles read must not be blank unless
    ``blank_ok`` (see :func:`test_blank_plain_text_file_is_empty`).
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            found = read_articles(path, format=format)
        except InputError:
            return None
    for article in found:
        assert isinstance(article.text, str)
        assert blank_ok or article.text.strip()
        for para in article.paragraphs:
            assert 0 <= para.start < para.end <= len(article.text)
    return found


def _encode(text: str) -> bytes:
    # lone surrogates are not UTF-8: written as such they make an undecodable file
    return text.encode("utf-8", "surrogatepass")


_lines = st.one_of(fuzz_text, st.just(""), st.just("20211118"), st.just("2021-11-18"))
_urls = st.one_of(st.just("https://www.example.org/x"), st.just(""), fuzz_text)


@given(_lines, _lines, _urls, fuzz_text, st.sampled_from(["\n", "\r\n", "\r", "\u2028"]))
@settings(max_examples=100)
def test_read_seed_format_any_content(
    title: str, date: str, url: str, body: str, newline: str
) -> None:
    """A seed-format file with any header and body is read or raises InputError."""
    data = _encode(newline.join([title, date, url, body]))
    found = _read("a.txt", data)
    if found is not None:
        assert len(found) == 1


@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.jsonl", "a.ndjson"]))
@settings(max_examples=100)
def test_read_any_bytes(data: bytes, name: str) -> None:
    """Any bytes, as a seed file or as JSON Lines, are read or raise InputError."""
    _read(name, data)


@given(st.binary(max_size=300) | fuzz_text.map(_encode))
@settings(max_examples=60)
def test_read_plain_text_any_content(data: bytes) -> None:
    """Any file read as plain text gives its decoded body or raises InputError."""
    found = _read("a.txt", data, "text", blank_ok=True)
    if found is not None:
        assert found[0].text == data.decode("utf-8-sig")


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | fuzz_text,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_FIELDS = ["id", "text", "title", "date", "url", "source", "published", "headline", "link"]
_records = st.dictionaries(
    st.sampled_from(_FIELDS) | st.text(max_size=6),
    _json_values | st.just("2021-11-18") | st.just("20211118"),
    max_size=6,
)
_good_records = st.fixed_dictionaries(
    {"text": fuzz_text}, optional={"id": fuzz_text, "date": st.just("2021-11-18"), "url": _urls}
)
_jsonl_lines = st.one_of(
    _good_records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    _good_records.map(json.dumps),
    _records.map(json.dumps),
    _json_values.map(json.dumps),
    fuzz_text,  # a broken line
    _good_records.map(lambda r: json.dumps(r)[:-1]),  # a truncated record
)


@given(st.lists(_jsonl_lines, max_size=5), st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=100)
def test_read_jsonl_any_lines(lines: list[str], newline: str) -> None:
    """JSON Lines files of valid and broken lines are read or raise InputError."""
    _read("a.jsonl", _encode(newline.join(lines)))


@pytest.mark.parametrize(
    "data", [b"\x1c", b"\xef\xbb\xbf", "\u3000".encode(), "\u2028\n".encode(), b"\xc2\x85"]
)
def test_blank_plain_text_file_is_empty(data: bytes) -> None:
    """A plain text file holding only (Unicode) white space or a BOM is an empty article."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "blank.txt"
        path.write_bytes(data)
        with pytest.raises(EmptyArticleError):
            read_articles(path, format="text")


_SEED = "Title\n20211118\nhttps://www.example.org/x\nHe said it would rain.\n"
_stems = st.text(
    alphabet=st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]),
    min_size=1,
    max_size=12,
)


@given(_stems, st.sampled_from([".txt", ".jsonl"]))
@settings(max_examples=60)
def test_read_folder_any_file_name(stem: str, suffix: str) -> None:
    """A folder holding one file under any name is read, or raises InputError."""
    if stem in (".", ".."):
        return
    data = _SEED if suffix == ".txt" else json.dumps({"text": "He said it would rain."})
    with tempfile.TemporaryDirectory() as folder:
        try:
            (Path(folder) / (stem + suffix)).write_text(data, encoding="utf-8")
        except (OSError, UnicodeEncodeError):  # a name this file system refuses
            return
        try:
            found = read_articles(folder)
        except InputError:
            return
    assert len(found) <= 1


@pytest.mark.parametrize("stem", [" ", "\u3000", "\x1c"])
def test_file_with_a_blank_name(stem: str) -> None:
    """A seed file whose name is blank is an InputError, skipped under on_error='skip'."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / (stem + ".txt")).write_text(_SEED, encoding="utf-8")
        (Path(folder) / "good.txt").write_text(_SEED, encoding="utf-8")
        found = read_articles(folder, on_error="skip")
    assert [a.id for a in found] == ["good"]
    assert len(found.skipped) == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("digits.jsonl", "1" * 5000),
        ("id.jsonl", '{"text": "Hi.", "id": ' + "9" * 5000 + "}"),
        ("nested.jsonl", "[" * 100_000),
    ],
)
def test_reader_errors_are_input_errors(name: str, data: str) -> None:
    """Bad JSON of every kind is an InputError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(data, encoding="utf-8")
        with pytest.raises(InputError):
            read_articles(path)


def test_cli_survives_a_lone_surrogate_in_json_lines() -> None:
    """A JSON record whose text holds an escaped lone surrogate gives output or a
    clean error, never a traceback."""
    record = '{"id": "s", "text": "Police said the bridge \\ud800 would reopen in May."}\n'
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.jsonl"
        path.write_text(record, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "sentences", str(path), "--quiet"],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
    assert b"Traceback" not in done.stderr
    assert done.returncode in (0, 1)


def test_read_jsonl_valid_records_round_trip() -> None:
    """Records with odd characters in every field are read back exactly."""
    text = "He said.\u2028She\x00 left\u200b.\r\n\u00ab Non \u00bb\ud800"
    record = {"id": "x\u200f", "text": text, "title": "\ufeffT"}
    found = _read("a.jsonl", _encode(json.dumps(record)))
    assert found is not None
    # a lone surrogate is no character: it reads as U+FFFD, the length kept
    assert found[0].text == text.replace("\ud800", "\ufffd")
    assert (found[0].id, found[0].title) == ("x", "T")  # short fields are cleaned


def test_span_checks_are_real() -> None:
    """The checks above fail on a sentence that crosses a paragraph or leaves text out."""
    article = Article(id="p", text="One.\nTwo.")
    bad = Sentence(article_id="p", index=0, start=0, end=9, paragraph=0, text="One.\nTwo.")
    with pytest.raises(AssertionError):
        check_sentences(article, (bad,))
    one = Sentence(article_id="p", index=0, start=0, end=4, paragraph=0, text="One.")
    with pytest.raises(AssertionError):  # "Two." is in no sentence
        check_sentences(article, (one,))
    assert not Span(0, 4).contains(Span(3, 5))


@pytest.mark.parametrize("url", ["http://[::1", "http://[x]/"])
def test_a_url_whose_host_cannot_be_read(url: str) -> None:
    """A malformed URL costs the outlet, not the article."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "u.txt"
        path.write_text(f"Title\n20211118\n{url}\nHe said it.\n", encoding="utf-8")
        (article,) = read_articles(path)
    assert article.url == url  # the outlet is None where Python cannot read the host
