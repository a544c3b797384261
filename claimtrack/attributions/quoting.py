"""Quotations in a paragraph: double-quoted ones, single-quoted ones told apart
from apostrophes, and a quotation's span without its marks."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from claimtrack.articles import Article
from claimtrack.attributions.tokens import (
    _ELIDED_FORM,
    _ELIDED_WORD,
    _OPEN_QUOTES,
    _QUOTE_MARK_SCAN,
    _SINGLE_MARK,
    _SINGLE_OPENERS,
    _SINGLE_STRIP,
    _STRIP,
)
from claimtrack.lexicon import word_set
from claimtrack.spans import Span


def _is_single(text: str, quote: Span) -> bool:
    """Whether ``quote`` opens with a single quotation mark (not a doubled apostrophe)."""
    return text[quote.start] in _SINGLE_OPENERS and text[quote.start + 1 : quote.start + 2] != "'"


@functools.cache
def _elisions() -> frozenset[str]:
    return word_set("elisions.txt")


def _single_quote_spans(text: str, para: Span, double: Sequence[Span]) -> list[Span]:
    """Single-quoted quotations in a paragraph outside its double-quoted ones, marks included.

    A mark between two word characters is an apostrophe ("don't", "Ukraine's");
    one after a space or an opening bracket and before a word opens, unless an
    elision follows ("the '90s", "rock 'n' roll", "let 'em"); one after a
    non-space character and before a space, punctuation or the paragraph end
    closes.  A closing mark after "s" before a word ("the players' union") may
    be a possessive: it closes only if no plain closing mark follows.  An
    opening mark left unclosed, or one whose quotation would reach into a
    double-quoted one, makes no quotation.

    >>> t = "'We don't back the '90s plan,' he said of the players' union."
    >>> [s.of(t) for s in _single_quote_spans(t, Span(0, len(t)), [])]
    ["'We don't back the '90s plan,'"]
    """
    spans: list[Span] = []
    open_at = -1
    possessive = -1  # the end of a possessive-looking closing mark while open
    k = 0  # the next double-quoted quotation
    open_k = 0  # the value of k when the open quotation opened
    elisions = _elisions()
    end = para.end
    for mark in _SINGLE_MARK.finditer(text, para.start, end):
        i = mark.start()
        while k < len(double) and double[k].end <= i:
            k += 1
        if k < len(double) and double[k].start <= i:
            continue  # nested in a double-quoted quotation
        if open_at >= 0 and k != open_k:
            open_at, possessive = -1, -1  # it would reach over a double-quoted quotation
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before == "'" or after == "'" or (before.isalnum() and after.isalnum()):
            continue  # doubled apostrophes (a double mark) or an apostrophe in a word
        char = mark.group()
        if (
            char in _SINGLE_OPENERS
            and after.isalnum()
            and not before.isalnum()
            and before not in ".,;:!?"
        ):
            if open_at >= 0:
                if possessive < 0:
                    continue  # a mark inside the quotation ("'rock 'n' roll'")
                spans.append(Span(open_at, possessive))
                open_at, possessive = -1, -1
            if _ELIDED_FORM.match(text, i + 1, end):
                continue
            word = _ELIDED_WORD.match(text, i + 1, end)
            if word is not None and word.group().lower() in elisions:
                continue
            open_at, open_k = i, k
            continue
        if open_at < 0 or before.isspace() or char == "\u2018":
            continue
        if after.isalnum():
            continue
        if before in "sS" and after == " " and i + 2 < end and text[i + 2].isalnum():
            if possessive < 0:
                possessive = i + 1
            continue
        spans.append(Span(open_at, i + 1))
        open_at, possessive = -1, -1
    if open_at >= 0 and possessive >= 0:
        spans.append(Span(open_at, possessive))
    return spans


def _quote_spans(text: str, para: Span) -> list[Span]:
    """Quotations in a paragraph, marks included; an unclosed double-quoted one runs to
    the paragraph end, single-quoted ones count only when closed."""
    double = _double_quote_spans(text, para)
    single = _single_quote_spans(text, para, double)
    if not single:
        return double
    return sorted(double + single, key=lambda s: s.start)


def _double_quote_spans(text: str, para: Span) -> list[Span]:
    """Double-quoted quotations in a paragraph, marks included; an unclosed one runs to
    the paragraph end."""
    spans: list[Span] = []
    open_at: int | None = None
    for mark in _QUOTE_MARK_SCAN.finditer(text, para.start, para.end):
        index = mark.start()
        char = mark.group()
        if char in ("'", "`"):
            continue  # an apostrophe or a backtick alone
        if char in ("''", "``"):
            char = "\u201c" if char == "``" else '"'
        if (
            char == "\u201c"
            and open_at is not None
            and index > para.start
            and text[index - 1] in ",.?!"
            and (mark.end() >= para.end or text[mark.end()].isspace())
        ):
            char = '"'  # an opening mark typed for a closing one: '\u201cC,\u201c he said'
        if char in _OPEN_QUOTES or (char == '"' and open_at is None):
            if open_at is None:
                open_at = index
            elif char in _OPEN_QUOTES:
                # a new opening before a close: news style reopens; close the old one here
                spans.append(Span(open_at, index))
                open_at = index
        elif open_at is not None:
            spans.append(Span(open_at, mark.end()))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, para.end))
    return spans


def _paragraph_quotes(article: Article) -> list[list[Span]]:
    return [_quote_spans(article.clean_text, para) for para in article.paragraphs]


def _strip_marks(text: str, span: Span) -> Span:
    """A quotation without its marks, surrounding space and a closing comma."""
    s, e = span.start, span.end
    marks = _SINGLE_STRIP if s < e and _is_single(text, span) else _STRIP
    while s < e and (text[s] in marks or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in marks or text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return Span(s, e)
