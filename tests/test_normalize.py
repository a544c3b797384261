"""Normalisation keys for matching and their map back to offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import any_text

from claimtrack.normalize import clean_text, match_key, normalize


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lukashenko's", "Lukashenkos"),
        ("Lukashenko\u2019s", "lukashenkos"),
        ("nuclear-capable", "nuclear capable"),
        ("nuclear\u2013capable", "NUCLEAR CAPABLE"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("Caf\u00e9 M\u00fcller", "cafe muller"),
        ("  spaced \t out\n", "spaced out"),
        ("Belarus' top diplomat", "Belarus top diplomat"),
    ],
)
def test_equal_keys(a: str, b: str) -> None:
    """Case, diacritics, quotes, apostrophes, hyphens and spacing do not matter."""
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("weapons", "atomic weapons"), ("nuclearcapable", "nuclear capable"), ("it", "its ")],
)
def test_different_keys(a: str, b: str) -> None:
    """Different words keep different keys."""
    assert match_key(a) != match_key(b)


def test_text_is_left_alone() -> None:
    """Normalising returns a new key and never changes its input."""
    text = "Lukashenko\u2019s NUCLEAR-capable"
    copy = str(text)
    normalize(text)
    match_key(text)
    assert text == copy


@given(any_text)
def test_idempotent(text: str) -> None:
    """A key is its own key."""
    key = match_key(text)
    assert match_key(key) == key


@given(any_text)
def test_normalize_agrees_with_match_key(text: str) -> None:
    """The offset-mapped key is the same string as the fast key."""
    assert normalize(text).key == match_key(text)


@given(any_text)
def test_offsets_map_back(text: str) -> None:
    """Every key character maps to an increasing offset of a character that produced it."""
    n = normalize(text)
    assert len(n.offsets) == len(n.key)
    assert all(0 <= o < len(text) for o in n.offsets)
    assert list(n.offsets) == sorted(n.offsets)
    for i, char in enumerate(n.key):
        if char != " ":
            assert match_key(text[n.offsets[i]]).find(char) >= 0 or char == '"'


@given(any_text, st.data())
def test_original_span_round_trip(text: str, data: st.DataObject) -> None:
    """A key span maps to an original span whose key contains it."""
    n = normalize(text)
    start = data.draw(st.integers(0, len(n.key)))
    end = data.draw(st.integers(start, len(n.key)))
    s, e = n.original_span(start, end)
    assert 0 <= s <= e <= len(text)
    piece = n.key[start:end].strip()
    assert piece in match_key(text[s:e]) or piece == ""


def test_original_span_checks_bounds() -> None:
    """A span outside the key is refused."""
    with pytest.raises(ValueError):
        normalize("abc").original_span(2, 9)


def test_decomposition_with_spaces() -> None:
    """A character whose compatibility form holds spaces keeps offsets ordered and in range."""
    text = "\ufdfa0"
    n = normalize(text)
    assert " " in n.key
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o < len(text) for o in n.offsets)


@given(st.text())
def test_clean_text_same_length_and_clean(text: str) -> None:
    """clean_text keeps the length and leaves no control or invisible character."""
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert not any(
        (ord(c) < 32 and c not in "\n\r") or c in "\u200b\u200d\u2060\ufeff\u00ad\u202e"
        for c in cleaned
    )
    assert clean_text(cleaned) == cleaned


def test_invisible_characters_do_not_change_the_key() -> None:
    """Zero-width characters and soft hyphens inside a word are not part of its key."""
    assert match_key("Wash\u00ading\u200bton") == match_key("Washington")


@given(st.text())
def test_clean_text_is_the_table_translation(text: str) -> None:
    """clean_text, translating only runs of odd characters, gives what translating the
    whole text with the table gives."""
    from claimtrack.normalize import _CLEAN_TABLE

    assert clean_text(text) == text.translate(_CLEAN_TABLE)
