"""Numbers as values: every way of writing a number becomes its digits.

Two reports of one claim write its numbers in many ways: "2,000", "2000" and
"two thousand"; "5 percent", "5%" and "five per cent"; "2.6 million" and
"2.6million".  :func:`numbers_as_values` rewrites a matching key (see
:func:`claimtrack.normalize.match_key`) so that each number is one word of
digits, its whole value: compared word by word, equal numbers are the same word,
and a change shows the whole values ("2000 -> 20000", never "2 -> 20").

>>> numbers_as_values("prices rose 5% to $2,000 (2.6million), twenty-five more")
'prices rose 5 percent to $2000 (2600000), 25 more'
>>> numbers_as_values("a million people, three hundred and five of them, 1.5 billion")
'1000000 people, 305 of them, 1500000000'

The number words and scale words ("thousand", "million", "bn") are in
``data/number_values.tsv``.  A scale word needs a number before it ("millions
of people" stays), except "a" ("a million").  Digits start a number and never
continue one ("in 2019 20 people" is two numbers); number words run on ("twenty
five", "one hundred and five").
"""

from __future__ import annotations

import functools
import itertools
import re
from decimal import Decimal

from claimtrack.lexicon import data_lines

__all__ = ["counting_words", "numbers_as_values"]

#: A thousands separator: a comma between a digit and three digits that end a number.
_THOUSANDS = re.compile(r"(\d),(?=\d{3}(?!\d))")
_PERCENT = re.compile(r"\s*(?:%|\bper cent\b)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")


@functools.cache
def _values() -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Number words -> value, and scale words -> value, from ``data/number_values.tsv``
    (a scale word is one whose value is 100 or a power of 1000)."""
    words: dict[str, Decimal] = {}
    scales: dict[str, Decimal] = {}
    for line in data_lines("number_values.tsv"):
        word, value = line.split("\t")
        number = Decimal(value)
        (scales if number >= 100 else words)[word] = number
    return words, scales


@functools.cache
def _glued() -> re.Pattern[str]:
    """Digits written on to a scale word ("2.6million")."""
    _, scales = _values()
    names = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    return re.compile(rf"(\d)(?=(?:{names})\b)")


def _format(value: Decimal) -> str:
    return format(value.normalize(), "f")


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")


@functools.cache
def counting_words() -> frozenset[str]:
    """Number words of two up to a hundred ("three", "forty"): what counts things
    ("three points"), from ``data/number_values.tsv``.

    >>> sorted(counting_words())[:3]
    ['eight', 'eighteen', 'eighty']
    """
    words, _ = _values()
    return frozenset(word for word, value in words.items() if value >= 2)


@functools.cache
def _number_words() -> frozenset[str]:
    words, scales = _values()
    return frozenset(words) | frozenset(scales)


@functools.cache
def _starts() -> re.Pattern[str]:
    """Where a number may start: a digit, a number word, "a" before a scale word."""
    words, scales = _values()
    names = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    scale_names = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    first = "".join(sorted({w[0] for w in (*words, *scales)} | {"a"}))
    # the look-ahead on first letters makes the scan quick where no number starts
    return re.compile(rf"\d|\b(?=[{first}])(?:(?:{names})\b|a(?= (?:{scale_names})\b))")


def numbers_as_values(key: str) -> str:
    """``key`` (a matching key) with each number written as one word of digits."""
    if (
        "%" not in key
        and "per cent" not in key
        and _DIGIT.search(key) is None
        and _number_words().isdisjoint(_LETTERS.findall(key))
    ):
        return key  # no number: most sentences, told apart by two quick scans
    if "," in key:
        key = _THOUSANDS.sub(r"\1", key)
    if "%" in key or "per cent" in key:
        key = _PERCENT.sub(" percent", key)
    if _DIGIT.search(key) is not None:
        key = _glued().sub(r"\1 ", key)
    return _rewrite(key)


#: Tokens a number may run over ("one hundred and twenty five thousand").
_LONGEST = 12


def _rewrite(key: str) -> str:
    words, scales = _values()
    out: list[str] = []
    last = pos = 0
    starts = _starts()
    while (found := starts.search(key, pos)) is not None:
        tokens = list(itertools.islice(_TOKEN.finditer(key, found.start()), _LONGEST))
        run = _run(tokens, 0, key, words, scales) if tokens else None
        if run is None:
            pos = found.end()
            continue
        end, value = run
        text = _format(value)
        if end > 1 or text != tokens[0].group():
            out.append(key[last : tokens[0].start()])
            out.append(text)
            last = tokens[end - 1].end()
        pos = tokens[end - 1].end()
    out.append(key[last:])
    return "".join(out)


def _run(
    tokens: list[re.Match[str]],
    k: int,
    key: str,
    words: dict[str, Decimal],
    scales: dict[str, Decimal],
) -> tuple[int, Decimal] | None:
    """The number starting at token ``k``: (the token after it, its value), or None.

    Number words run on only as numbers are said: a unit after a tens word
    ("twenty five"), anything after "hundred" or a scale word, "and" before the
    last part ("one hundred and five"); "five six" is two numbers.
    """
    first = tokens[k].group()
    if first[0].isdigit():
        current = Decimal(first)
    elif first in words:
        current = words[first]
    elif first == "a" and k + 1 < len(tokens) and tokens[k + 1].group() in scales:
        current = Decimal(1)
    else:
        return None
    total = Decimal(0)
    end = k + 1
    digits = first[0].isdigit()
    # what may come next: after a unit or a teen, only a scale word; after a tens
    # word, a unit too; after a scale word or "and", any number word
    room = "scale" if digits or current < 20 or current % 10 else "unit"
    while end < len(tokens) and _joined(key, tokens[end - 1], tokens[end]):
        word = tokens[end].group()
        if word in scales:
            scale = scales[word]
            if scale == 100:
                current = (current or Decimal(1)) * scale
            else:
                total += (current or Decimal(1)) * scale
                current = Decimal(0)
            room = "any"
        elif word == "and" and room == "any" and end + 1 < len(tokens):
            following = tokens[end + 1].group()
            if following not in words or not _joined(key, tokens[end], tokens[end + 1]):
                break
        elif word in words and not digits and room != "scale":
            value = words[word]
            if room == "unit" and value >= 10:
                break
            current += value
            room = "scale" if value < 20 or room == "unit" else "unit"
        else:
            break
        end += 1
    return end, total + current


def _joined(key: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Whether two tokens are one number's words: only spaces or a hyphen between."""
    between = key[left.end() : right.start()]
    return between.strip(" -") == "" and len(between) <= 3
