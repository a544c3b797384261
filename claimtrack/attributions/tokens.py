"""Tokens of a sentence, and the word classes the rules read them with."""

from __future__ import annotations

import itertools
import re

import attrs

# either way, as nothing after them can fail)
_WORD = re.compile(r"\w+(?:[\u2019'\-.&]\w+)*")
_TOKEN = re.compile(r"\w+(?:[\u2019'\-.&]\w+)*\.?|''|``|[^\w\s]")
_OPEN_QUOTES = "\u201c\u00ab\u201e"
_CLOSE_QUOTES = "\u201d\u00bb"
_QUOTE_CHARS = _OPEN_QUOTES + _CLOSE_QUOTES + '"'
#: Quotation marks as tokens: the characters, and the doubled apostrophes and
#: backticks some newspapers and corpora use (''We will,'' he said).
_QUOTE_TOKENS = frozenset(_QUOTE_CHARS) | {"''", "``"}
_STRIP = _QUOTE_CHARS + "'`"
_QUOTE_MARK = re.compile("''|``|[" + _QUOTE_CHARS + "]")
#: The matches of :data:`_QUOTE_MARK` and lone apostrophes and backticks, which are
#: no marks: a scan for marks opening with a character class, so that the engine skips
#: to the candidates instead of trying three alternatives at every position (half
#: the time), and a lone mark is skipped where the other pattern failed on it.
_QUOTE_MARK_SCAN = re.compile("[" + _QUOTE_CHARS + "'`](?:(?<=')'|(?<=`)`)?")
#: Single quotation marks, which are also apostrophes: a single-quoted quotation
#: counts only when its marks pair up in a paragraph (:func:`_single_quote_spans`).
_SINGLE_MARK = re.compile("[\u2018\u2019']")
_SINGLE_OPENERS = "'\u2018"
_SINGLE_STRIP = _STRIP + "\u2018\u2019"
#: What follows an opening single mark that makes it an elision: a two-digit year
#: ('90s, '16) or a single letter closed by another mark ('n').
_ELIDED_FORM = re.compile(r"\d\d(?:s\b|\b)|[^\W\d_]['\u2019]")
_ELIDED_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_PUNCT = frozenset(",;:")
#: Words after which a cue word is a noun or an adjective, not a verb.
_NOUN_CONTEXT = frozenset(["in", "of", "for", "with", "by", "from", "into", "upon"])
#: Words that open a sentence-initial adverbial before the subject ("In a July interview, he ...").
_ADVERBIAL_OPENERS = frozenset(
    [
        "in",
        "for",
        "as",
        "after",
        "when",
        "on",
        "at",
        "during",
        "since",
        "with",
        "without",
        "despite",
        "amid",
        "though",
        "although",
        "while",
        "because",
        "if",
        "before",
        "following",
        "like",
        "unlike",
        "once",
        "until",
        "upon",
        "under",
        "over",
        "from",
        "by",
        "within",
    ]
)
_COORDINATORS = frozenset(["and", "but", "then", "or", "yet"])
#: Prepositions that open no reported content after a weak cue ("spoke about", "voted for").
_OBJECT_PREPOSITIONS = _NOUN_CONTEXT | {"about", "at", "on"}

#: Words that open a phrase which may follow a sentence-final cue ("..., she said in a video").
_TRAILING_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "during",
        "to",
        "from",
        "after",
        "before",
        "while",
        "as",
        "when",
        "via",
        "through",
        "with",
        "outside",
        "inside",
    ]
)


@attrs.frozen
class _Tokens:
    """The tokens of one sentence: offsets in the article, texts, lower-cased texts,
    and whether each is a word (starts with a letter or digit)."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    lowers: list[str]
    words: list[bool]

    def __len__(self) -> int:
        return len(self.starts)


#: :data:`_TOKEN` as one group, for ``split``: white space and tokens alternate.
_TOKEN_GROUP = re.compile("(" + _TOKEN.pattern + ")")


def _tokenize(text: str, start: int, end: int) -> _Tokens:
    # The matches of _TOKEN, by a split instead of match objects (a fifth faster):
    # the pieces alternate white space and tokens (no token is empty), so the
    # running sum of their lengths gives each token's start and end.
    pieces = _TOKEN_GROUP.split(text[start:end])
    offsets = list(itertools.accumulate(map(len, pieces), initial=start))
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    texts = pieces[1::2]
    if texts:
        last = texts[-1]
        if len(last) > 1 and last.endswith(".") and last.count(".") == 1 and ends[-1] == end:
            # a sentence-final period is a token of its own
            texts[-1] = last[:-1]
            ends[-1] -= 1
            starts.append(end - 1)
            ends.append(end)
            texts.append(".")
    joined = "\x00".join(texts)
    lowers = joined.lower().replace("\u2019", "'").split("\x00")
    if len(lowers) != len(texts):  # a character whose lower case is not one character
        lowers = [t.lower().replace("\u2019", "'") for t in texts]
    words = [t[0].isalnum() for t in texts]
    return _Tokens(starts, ends, texts, lowers, words)
