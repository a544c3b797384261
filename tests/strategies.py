"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from claimtrack.articles import Article, clean_field
from claimtrack.normalize import clean_text

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
    text = draw(any_text.filter(lambda t: clean_text(t).strip() != ""))
    return Article(
        id=draw(ids),
        text=text,
        title=draw(st.none() | st.text(max_size=30)),
        date=draw(st.none() | st.dates(min_value=dt.date(1900, 1, 1))),
        url=draw(st.none() | st.just("https://www.example.org/a/b")),
    )


# --- adversarial text for the fuzz tests -------------------------------------------

#: Characters that break naive text handling: controls (NUL included), zero-width
#: characters, the soft hyphen, direction marks, odd spaces and every line break.
ODD_CHARACTERS = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x80\x9f"  # C0 and C1 controls
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, (non-)joiner, word joiner, BOM
    "\u00ad"  # soft hyphen
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"  # bidi marks
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    "\r\n\u2028\u2029\x85\x1c\x1d\x1e"  # line and paragraph breaks
)
_odd_chars = st.sampled_from(ODD_CHARACTERS)
_quote_marks = st.sampled_from(
    ["\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "\u00ab", "\u00bb", "\u201e", "``", "''"]
)
_rtl_words = st.sampled_from(
    [
        "\u0642\u0627\u0644",
        "\u0627\u0644\u0631\u0626\u064a\u0633",
        "\u05d0\u05de\u05e8",
        "\u05e9\u05dc\u05d5\u05dd",
    ]
)
_odd_words = st.one_of(
    st.text(alphabet=".", min_size=2, max_size=12),  # runs of periods
    st.sampled_from(
        ["U.S.", "e.g.", "etc.", "Dr.", "No.", "a.m.", "Calif.", "Gen.", ". . .", "?!"]
    ),
    st.text(alphabet="ab.'\u2019-", min_size=1, max_size=8),
    st.builds(lambda c, n: c * n, st.sampled_from("aZ9.-'\u201c_"), st.integers(200, 3000)),
    st.text(min_size=1, max_size=400).map(lambda s: s.replace(" ", "")),  # one long token
    st.characters(categories=["Cs"]),  # lone surrogates: a str can hold them
    st.sampled_from(["\u00b2", "\u0663", "\u00bd", "\u2167", "1,000", "3.5%", "1950s", "200ft"]),
    st.sampled_from(["not", "never", "may", "will", "would", "Monday", "June", "yesterday"]),
    st.text(max_size=10),
)
_SPACES = st.sampled_from([" ", " ", "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x85", "\t"])


@st.composite
def adversarial_text(draw: st.DrawFn, max_pieces: int = 60) -> str:
    """News-like words mixed with odd characters, quotes of every kind, right-to-left
    script, odd spaces, mixed newlines, runs of periods, long tokens and lone surrogates."""
    pieces = []
    for _ in range(draw(st.integers(0, max_pieces))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            piece = draw(_WORDS)
        elif kind == 4:
            piece = draw(_odd_chars)
        elif kind == 5:
            piece = draw(_quote_marks)
        elif kind == 6:
            piece = draw(_rtl_words)
        elif kind == 7:
            piece = draw(_odd_words)
        else:
            piece = draw(_WORDS) + draw(_odd_chars)
        pieces.append(piece)
        pieces.append(draw(st.one_of(_SPACES, _odd_chars, st.just(""))))
    return "".join(pieces)


#: Any string at all, with weight on the adversarial kind.
fuzz_text = st.one_of(
    adversarial_text(),
    st.text(max_size=200),
    st.text(alphabet=st.characters() | st.characters(categories=["Cs"]), max_size=100),
    news_text(),
)


@st.composite
def fuzz_articles(draw: st.DrawFn, id: str | None = None) -> Article:
    """Articles whose text is any string that is not blank."""
    text = draw(fuzz_text.filter(lambda t: t.strip() != ""))
    return Article(
        id=id if id is not None else draw(ids),
        text=text,
        date=draw(
            st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1))
        ),
        url=draw(st.none() | st.just("https://www.example.org/a/b")),
    )


#: Sentences that the claim index links when two articles share them.
STORY_SENTENCES = [
    "Russia sent two long-range bombers to patrol the skies over Belarus on Saturday.",
    "The European Union has accused the government of using migrants as pawns.",
    "Officials said the bridge over the river would reopen in May after repairs.",
    "\u201cWe will not back down,\u201d Governor Ann Lee said on Friday.",
    "Lee told reporters the budget would pass, according to state media.",
]


@st.composite
def perturbed(draw: st.DrawFn, sentence: str) -> str:
    """``sentence`` with a few odd characters or words put in, or words dropped."""
    words = sentence.split(" ")
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(words) - 1))
        action = draw(st.integers(0, 3))
        if action == 0 and len(words) > 1:
            del words[i]
        elif action == 1:
            words.insert(i, draw(_odd_words | _rtl_words | _WORDS))
        else:
            words[i] = words[i] + draw(_odd_chars | st.characters(categories=["Cs"]))
    return draw(st.sampled_from([" ", "\u00a0", "\u200b "])).join(words)


@st.composite
def story_articles(draw: st.DrawFn, n: int) -> list[Article]:
    """``n`` articles that share perturbed story sentences and fuzz text."""
    pool = STORY_SENTENCES + draw(st.lists(fuzz_text, max_size=2))
    out = []
    for i in range(n):
        parts = [
            draw(perturbed(s)) if draw(st.booleans()) else s
            for s in draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
        ]
        text = draw(_SPACES).join(parts)
        if not text.strip():
            text = STORY_SENTENCES[0]
        out.append(
            Article(
                id=f"s{i}",
                text=text,
                date=draw(st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2020, 1, 9))),
                url=draw(st.sampled_from([None, "https://a.example/1", "https://b.example/2"])),
            )
        )
    return out
