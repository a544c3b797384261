"""Normalisation for matching, which never touches the text itself.

:func:`match_key` maps a string to a key under which case, diacritics, curly
and straight quotes, apostrophes ("Merkel's" = "Merkels") and hyphens
("nuclear-capable" = "nuclear capable") do not matter.  :func:`normalize` gives
the same key together with a map from every key character back to its offset
in the original string, so a match found on keys is reported on the text.

>>> match_key("Merkel\u2019s NUCLEAR-capable  Bombers") == match_key("merkels nuclear capable bombers")
True
>>> n = normalize("  Caf\u00e9-owners' \u201cfears\u201d")
>>> n.key
'cafe owners "fears"'
>>> n.original_span(13, 18)
(16, 21)
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

__all__ = ["Normalized", "clean_text", "match_key", "normalize"]

#: Invisible format characters: soft hyphen, zero-width spaces and joiners,
#: direction marks and embeddings, the word joiner and the byte-order mark.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
#: Control characters other than tab and the line breaks, and spaces other than " ".
_ODD_SPACE = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Line breaks other than \r and \n: vertical tab, form feed, NEL, line and paragraph separators.
_ODD_BREAK = "\x0b\x0c\x85\u2028\u2029"
_SURROGATE = "\ud800-\udfff"
_UNCLEAN = re.compile(f"[{_INVISIBLE}{_ODD_SPACE}{_ODD_BREAK}{_SURROGATE}]")
_UNCLEAN_RUN = re.compile(f"{_UNCLEAN.pattern}+")


def _char_range(spec: str) -> list[int]:
    """The code points of a character-class body such as ``"a-cx"``."""
    out: list[int] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            out.extend(range(ord(spec[i]), ord(spec[i + 2]) + 1))
            i += 3
        else:
            out.append(ord(spec[i]))
            i += 1
    return out


_CLEAN_TABLE = {
    **dict.fromkeys(_char_range(_INVISIBLE), " "),
    **dict.fromkeys(_char_range(_ODD_SPACE), " "),
    **dict.fromkeys(_char_range(_ODD_BREAK), "\n"),
    **dict.fromkeys(_char_range(_SURROGATE), "\ufffd"),
}


def clean_text(text: str) -> str:
    """``text`` as claimtrack analyses it: of the same length, so offsets index both.

    Control characters (NUL...), tabs, odd spaces (no-break, thin, ideographic)
    and invisible characters (zero-width spaces and joiners, soft hyphens,
    direction marks, byte-order marks) become a space; vertical tabs, form
    feeds, NEL and the Unicode line and paragraph separators become a newline;
    a lone surrogate becomes U+FFFD.  Text holding none of these is returned
    as it is (the same object).

    >>> clean_text("John\\x00 Smith\\u200b said\\u2028Next") == "John  Smith  said\\nNext"
    True
    >>> s = "Nothing odd."
    >>> clean_text(s) is s
    True
    """
    if _UNCLEAN.search(text) is None:
        return text
    # only the runs of such characters translated: ``text.translate`` looks up every
    # character of a text in the table, several times slower on a long text with a
    # few no-break spaces
    return _UNCLEAN_RUN.sub(_clean_run, text)


def _clean_run(match: re.Match[str]) -> str:
    return match.group().translate(_CLEAN_TABLE)


#: Apostrophes and prime-like marks, dropped ("Belarus'" = "Belarus").
_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
#: Hyphens and dashes, which separate words like a space.
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
#: Double quotation marks of every kind, folded to '"'.
_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e'

_TABLE = str.maketrans(
    {
        **dict.fromkeys(map(ord, _APOSTROPHES), None),
        **dict.fromkeys(map(ord, _HYPHENS), " "),
        **dict.fromkeys(map(ord, _QUOTES), '"'),
        **dict.fromkeys(_char_range(_INVISIBLE), None),
    }
)
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Case- and accent-fold one character (after the translation table)."""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = kept.casefold()
    # casefold and NFKD can introduce characters the table handles; apply it again
    return folded.translate(_TABLE) if folded != char else folded


def match_key(text: str) -> str:
    """The matching key of ``text``.

    Lower-cased (casefolded), accents removed, apostrophes dropped, hyphens and
    runs of white space turned into one space, double quotes unified, and
    leading and trailing space removed.  ``match_key(match_key(s)) ==
    match_key(s)`` for every string.

    >>> match_key("  D\u00e9j\u00e0-vu,  \u201cSo\u201d it's ")
    'deja vu, "so" its'
    """
    text = text.translate(_TABLE)
    text = text.lower() if text.isascii() else "".join(map(_fold_char, text))
    return _SPACES.sub(" ", text).strip()


@attrs.frozen
class Normalized:
    """A matching key with the offsets it came from.

    Attributes:
        key: ``match_key`` of the original string.
        offsets: For each character of ``key``, the offset in the original
            string of the character it came from.
        length: The length of the original string.
    """

    key: str
    offsets: tuple[int, ...] = attrs.field(repr=False)
    length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original string that produced ``key[start:end]``.

        An empty key span maps to an empty span at the corresponding place.
        """
        if not 0 <= start <= end <= len(self.key):
            raise ValueError(f"[{start}, {end}) is not a span of a key of length {len(self.key)}")
        if start == end:
            at = self.offsets[start] if start < len(self.offsets) else self.length
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(text: str) -> Normalized:
    """:func:`match_key` of ``text`` with a map back to its offsets.

    >>> n = normalize("A \u2013 b")
    >>> n.key, n.offsets
    ('a b', (0, 1, 4))
    """
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        folded = _fold_char(char.translate(_TABLE)) if char.translate(_TABLE) else ""
        for piece in folded:
            if piece.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                offsets.append(index if not offsets else min(offsets[-1] + 1, index))
                pending_space = False
            chars.append(piece)
            offsets.append(index)
    return Normalized("".join(chars), tuple(offsets), len(text))
