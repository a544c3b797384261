"""Numbers as values: every way of writing a number becomes its digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import news_text

from claimtrack.normalize import match_key
from claimtrack.quantities import numbers_as_values


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2,000", "2000"),
        ("two thousand", "2000"),
        ("1,234,567", "1234567"),
        ("twenty-five", "25"),
        ("one hundred and five", "105"),
        ("2.6million", "2600000"),
        ("2.6 million", "2600000"),
        ("a million", "1000000"),
        ("3.50", "3.5"),
        ("5%", "5 percent"),
        ("five per cent", "5 percent"),
        ("1.5 bn", "1500000000"),
    ],
)
def test_ways_of_writing_a_number(written: str, value: str) -> None:
    assert numbers_as_values(match_key(f"they counted {written} votes")) == (
        f"they counted {value} votes"
    )


@pytest.mark.parametrize(
    "kept",
    [
        "in 2019 20 people came",  # digits never continue a number
        "five six people",  # nor a unit a unit
        "millions of people",  # a scale word needs a number
        "someone often phoned",  # number words only as whole words
        "the 1990s and covid19",
        "the 12:45 p.m. update",
    ],
)
def test_what_is_not_one_number(kept: str) -> None:
    assert numbers_as_values(kept).replace("5 6", "five six") == kept


@given(news_text())
def test_idempotent_and_words_kept(text: str) -> None:
    """Rewriting twice changes nothing more, and only numbers change."""
    key = match_key(text)
    once = numbers_as_values(key)
    assert numbers_as_values(once) == once
    letters = [w for w in once.split() if w.isalpha() and w != "percent"]
    assert set(letters) <= set(key.replace("-", " ").split()) | {"a"}


@given(st.integers(0, 999_999))
def test_digits_with_separators_are_their_value(n: int) -> None:
    assert numbers_as_values(f"{n:,} votes") == f"{n} votes"
