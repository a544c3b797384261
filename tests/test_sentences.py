"""Sentence splitting: offline Punkt, datelines, boilerplate, and its invariants."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from strategies import articles, news_text

from claimtrack.articles import Article, read_articles
from claimtrack.sentences import (
    SentenceSplitter,
    find_dateline,
    is_boilerplate,
    split_sentences,
)


def texts(article: Article) -> list[str]:
    return [s.text for s in split_sentences(article)]


def test_seeds_split_as_gold(seeds_dir: Path, gold: dict[str, Any]) -> None:
    """The seed articles split exactly into the hand-annotated sentences, in order."""
    arts = read_articles(seeds_dir)
    assert len(arts) == 2
    total = 0
    for art in arts:
        expected = [s["text"] for s in gold["articles"][art.id]["sentences"]]
        assert texts(art) == expected
        total += len(expected)
    assert total == 32


def test_seed_kinds_of_marks(seeds_dir: Path, gold: dict[str, Any]) -> None:
    """Gold boilerplate sentences are marked boilerplate, and no other sentence is."""
    for art in read_articles(seeds_dir):
        for sentence, annotated in zip(
            split_sentences(art), gold["articles"][art.id]["sentences"], strict=True
        ):
            assert sentence.boilerplate == (annotated["kind"] == "boilerplate"), sentence.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He flew to St. Petersburg. It rained.", ["He flew to St. Petersburg.", "It rained."]),
        ("The U.S. and its allies agreed.", ["The U.S. and its allies agreed."]),
        ("Sen. Warren spoke. Rep. Lee did not.", ["Sen. Warren spoke.", "Rep. Lee did not."]),
        ("He met Gov. Smith on Jan. 5 in Calif. on Monday.", None),
        (
            "Troops went to the U.S. The move angered Moscow.",
            ["Troops went to the U.S.", "The move angered Moscow."],
        ),
        ("John F. Kennedy was shot. It was 1963.", ["John F. Kennedy was shot.", "It was 1963."]),
        (
            '"We will win," he said. "Nobody doubts it."',
            ['"We will win," he said.', '"Nobody doubts it."'],
        ),
        (
            "Mr. and Mrs. Smith came. Dr. Jones left.",
            ["Mr. and Mrs. Smith came.", "Dr. Jones left."],
        ),
        ("It cost $3.5 million. That is a lot.", ["It cost $3.5 million.", "That is a lot."]),
    ],
)
def test_abbreviations(text: str, expected: list[str] | None) -> None:
    """Abbreviations, titles and initials do not end sentences; real ends do."""
    got = texts(Article(id="t", text=text))
    assert got == (expected if expected is not None else [text])


def test_untrained_punkt_gets_these_wrong() -> None:
    """The shipped parameters matter: bare Punkt breaks after 'St.' and 'Sen.'."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    text = "He flew to St. Petersburg with Sen. Warren."
    assert len(list(PunktSentenceTokenizer().span_tokenize(text))) > 1
    assert texts(Article(id="t", text=text)) == [text]


def test_sentences_never_cross_paragraphs() -> None:
    """A paragraph break ends a sentence even without punctuation."""
    art = Article(id="t", text="A headline without a period\nThe story. It goes on.")
    sentences = split_sentences(art)
    assert [s.text for s in sentences] == [
        "A headline without a period",
        "The story.",
        "It goes on.",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 1]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("MOSCOW AP  Russia sent bombers.", "MOSCOW AP  "),
        ("WASHINGTON (Reuters) - The Senate voted.", "WASHINGTON (Reuters) - "),
        ("LONDON, March 3 (AFP) \u2014 Britain said.", "LONDON, March 3 (AFP) \u2014 "),
        ("NEW YORK \u2014 Stocks fell.", "NEW YORK \u2014 "),
        ("SAN FRANCISCO, Calif. (AP) -- Fog.", "SAN FRANCISCO, Calif. (AP) -- "),
        ("NATO said on Friday it would act.", None),
        ("U.S. officials said nothing.", None),
        ("MOSCOW (AP)", None),
        ("COLTS BEAT CHIEFS 20-13 TO CLINCH PLAYOFF BERTH", None),
        ("Cleveland (AFP) \u2013 The convention began.", "Cleveland (AFP) \u2013 "),
        ("The Senate (AP) voted.", None),
        ("The AP reported it.", None),
        ("I said no.", None),
    ],
)
def test_datelines(text: str, dateline: str | None) -> None:
    """Datelines are a capitalised place with an agency and/or dash, then the story."""
    span = find_dateline(text)
    assert (span.of(text) if span else None) == dateline


def test_dateline_marked_on_paragraph_starts_only() -> None:
    """Only the first sentence of a paragraph can carry a dateline."""
    art = Article(id="t", text="Intro. MOSCOW (AP) - Not a dateline here.\nPARIS (AFP) - Yes.")
    marks = [s.dateline is not None for s in split_sentences(art)]
    assert marks == [False, False, True]
    last = split_sentences(art)[-1]
    assert art.text[last.body_start : last.end] == "Yes."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Copyright 2021 The Associated Press.", True),
        ("\u00a9 2021 Reuters.", True),
        ("All rights reserved.", True),
        ("This material may not be published, broadcast, rewritten or redistributed.", True),
        ("Sign up for our newsletter.", True),
        ("Reporting by Jane Doe; Editing by John Roe.", True),
        ("The company said it reserved all rights to appeal.", False),
        ("Officials may not publish the report until May.", False),
        ("Copyright law was at the heart of the case.", True),
        ("By MARIA CHENG, AP Medical Writer", True),
        ("By Associated Press", True),
        ("(AP Photo/Evan Vucci)", True),
        ("AP Photo", True),
        ("By late summer, she looked increasingly vulnerable.", False),
        ("By the time police arrived, the crowd had gone.", False),
        ("AP photographers were at the scene, officials said.", False),
        ("WATCH: Trump says he will win the state", True),
        ("[Video: Obama says he will campaign in Ohio]", True),
        ("PHOTOS: Crowds gather as the mayor speaks", True),
        ('"VIDEO: Hillary told me it was a video," he said.', False),
        ("Watch the video, officials said, and judge for yourself.", False),
    ],
)
def test_boilerplate(sentence: str, expected: bool) -> None:
    """Rights lines, prompts and credits are boilerplate; ordinary sentences are not."""
    assert is_boilerplate(sentence) is expected


def test_learning_adds_corpus_abbreviations() -> None:
    """Learning from the corpus adds abbreviations and keeps the shipped ones."""
    corpus = ["The Mich. Ave. office of Blorg. Inc. opened. It sold Blorg. goods."] * 40
    base = SentenceSplitter()
    learned = base.learn(corpus)
    assert "blorg" in learned.params.abbrev_types
    assert "blorg" not in base.params.abbrev_types
    assert base.params.abbrev_types <= learned.params.abbrev_types


def test_explain_gives_reasons() -> None:
    """Every period decision comes with a reason, including claimtrack's title rule."""
    decisions = SentenceSplitter().explain("Sen. Lee left. Then Gen. Smith spoke.")
    by_token = {d.token: d for d in decisions}
    assert by_token["Sen."].broke is False
    assert by_token["left."].broke is True
    assert by_token["left."].reason
    assert by_token["Gen."].broke is False


@given(articles())
def test_sentence_spans_invariants(article: Article) -> None:
    """Spans are ordered, disjoint, inside one paragraph, trimmed, and cover all non-space text.

    Sentences quote the clean text, which has the length of the text as read.
    """
    sentences = split_sentences(article)
    text = article.clean_text
    assert len(text) == len(article.text)
    for i, sentence in enumerate(sentences):
        assert sentence.index == i
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text.strip() == sentence.text
        para = article.paragraphs[sentence.paragraph]
        assert para.start <= sentence.start and sentence.end <= para.end
        if sentence.dateline is not None:
            assert sentence.start == sentence.dateline.start < sentence.dateline.end < sentence.end
    for a, b in itertools.pairwise(sentences):
        assert a.end <= b.start
    covered = {i for s in sentences for i in range(s.start, s.end)}
    missing = [i for i, c in enumerate(text) if not c.isspace() and i not in covered]
    assert missing == []


@given(news_text())
def test_splitting_is_deterministic(text: str) -> None:
    """The same text always splits the same way, with a fresh splitter too."""
    if not text.strip():
        return
    art = Article(id="d", text=text)
    assert split_sentences(art) == split_sentences(art) == SentenceSplitter().split(art)


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("12:45 p.m.", True),
        ("Updated 12:45 PM ET, Mon December 3, 2018", True),
        ("Posted: 10:12 a.m. EST", True),
        ("ABSTRACT.", True),
        ("FULL TEXT:", True),
        ("Getty.", True),
        ("WATCH:", True),
        ("The meeting began at 12:45 p.m. on Monday.", False),
        ("At 10 a.m. the police arrived at the house.", False),
        ("Video shows the police arriving at the scene.", False),
    ],
)
def test_time_stamps_and_labels_are_boilerplate(sentence: str, furniture: bool) -> None:
    """Time stamps and one-word labels are page furniture, never claims; a sentence
    that gives a time is not."""
    assert is_boilerplate(sentence) is furniture
