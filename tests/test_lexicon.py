"""Shipped data files: well-formed, lower-case where keys, and no duplicates."""

from __future__ import annotations

import re

import pytest

from claimtrack.lexicon import data_lines, word_set


def test_abbreviation_categories() -> None:
    """Every abbreviation has a known category and appears once."""
    categories = {
        "title",
        "suffix",
        "month",
        "weekday",
        "state",
        "place",
        "organisation",
        "general",
        "initial",
    }
    keys = []
    for line in data_lines("abbreviations.txt"):
        key, category = line.split("\t")
        assert category in categories, line
        assert key == key.lower() and not key.endswith("."), line
        keys.append(key)
    assert len(keys) == len(set(keys))
    assert {"u.s", "st", "sen", "jan"} <= word_set("abbreviations.txt")


def test_boilerplate_patterns_compile() -> None:
    """Every boilerplate pattern is a valid regular expression."""
    for pattern in data_lines("boilerplate.txt"):
        re.compile(pattern)


def test_missing_data_file() -> None:
    """Asking for a data file that does not exist fails loudly."""
    with pytest.raises(FileNotFoundError):
        data_lines("no-such-file.txt")
