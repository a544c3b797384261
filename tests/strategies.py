"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimtrack.articles import Article, clean_field

#: Words and punctuation that make news-like text, with abbreviations, quotes and dashes.
_WORDS = st.sampled_from(
    [
        "The",
        "he",
        "said",
        "U.S.",
        "Sen.",
        "St.",
        "Mr.",
        "Jan.",
        "officials",
        "Russia",
        "claimed",
        "\u201cWe",
        "won\u2019t",
        "\u201d",
        '"',
        "'",
        "\u2014",
        "-",
        "(AP)",
        "MOSCOW",
        "Inc.",
        "3.5",
        "No.",
        "i.e.",
        "A.",
        "...",
        "?",
        "!",
        "it.",
        "them.",
        "Putin's",
        "caf\u00e9",
    ]
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", ". ", "\t", "\r\n"])


@st.composite
def news_text(draw: st.DrawFn, max_words: int = 80) -> str:
    """News-like text: words, abbreviations, quotes, separators and line breaks."""
    words = draw(st.lists(_WORDS, max_size=max_words))
    pieces = []
    for word in words:
        pieces.append(word)
        pieces.append(draw(_SEPARATORS))
    return "".join(pieces)


any_text = st.one_of(news_text(), st.text(max_size=300))

ids = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FFF, blacklist_categories=("Cs",)),
    min_size=1,
    max_size=12,
).filter(lambda s: clean_field(s) is not None)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Articles with text that is not blank and optional metadata."""
    text = draw(any_text.filter(lambda t: t.strip() != ""))
    return Article(
        id=draw(ids),
        text=text,
        title=draw(st.none() | st.text(max_size=30)),
        date=draw(st.none() | st.dates(min_value=dt.date(1900, 1, 1))),
        url=draw(st.none() | st.just("https://www.example.org/a/b")),
    )
