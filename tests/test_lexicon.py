"""Shipped data files: well-formed, lower-case where keys, and no duplicates."""

from __future__ import annotations

import re

import pytest
from nltk.stem.snowball import SnowballStemmer

from claimtrack.lexicon import data_lines, word_categories, word_set


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


def _column(name: str, column: int = 0) -> set[str]:
    return {line.split("\t")[column] for line in data_lines(name)}


def test_date_and_number_tables_agree_with_change_words() -> None:
    """The tables that give date kinds and number values cover the same words as the
    date and number categories of change_words.txt, so the two cannot drift apart."""
    categories = word_categories("change_words.txt")
    assert _column("date_words.tsv") == set(categories["date"])
    assert _column("number_values.tsv") <= set(categories["number"])
    assert all(v.isdigit() for v in _column("number_values.tsv", 1))
    assert _column("date_words.tsv", 1) == {"month", "weekday", "relative"}


def test_modal_verbs_table() -> None:
    """Every modal verb has a family and a form; each family has a present form."""
    rows = [line.split("\t") for line in data_lines("modal_verbs.tsv")]
    assert all(len(row) == 3 and row[2] in ("present", "past") for row in rows)
    families = {family for _, family, _ in rows}
    assert families == {family for _, family, form in rows if form == "present"}


def test_spelling_table() -> None:
    """spellings.tsv: British form, American form and the rule that pairs them, one
    line per British form; no form is both, and known pairs are there."""
    rules = {"our/or", "isation/ization", "ise/ize", "yse/yze", "ence/ense", "tre/ter"}
    rules |= {"ogue/og", "ae/e", "oe/e", "ll/l"}
    table = {}
    for line in data_lines("spellings.tsv"):
        british, american, rule = line.split("\t")
        assert rule in rules and british != american, line
        assert british.isalpha() and british.islower() and american.isalpha(), line
        assert british not in table, line
        table[british] = american
    assert not set(table) & set(table.values())
    for british, american in [
        ("defence", "defense"),
        ("organisations", "organizations"),
        ("travelled", "traveled"),
        ("centre", "center"),
    ]:
        assert table[british] == american
    assert "four" not in table and "flour" not in table


def test_antonym_table() -> None:
    """antonyms.tsv: one line per unordered pair of distinct stems, the smaller first,
    each with a known source; the core news reversals are in it and the known false
    ones (ambiguous stems, people of either sex, converses) are not."""
    sources = {"direct", "synset", "derived", "similar", "extra"}
    pairs = set()
    for line in data_lines("antonyms.tsv"):
        a, b, source = line.split("\t")
        assert source in sources, line
        assert a.isalpha() and b.isalpha() and a.islower() and b.islower(), line
        assert a < b, line  # stated one way; no self-pairs
        assert (a, b) not in pairs, line
        pairs.add((a, b))
    stem = SnowballStemmer("english").stem

    def key(one: str, two: str) -> tuple[str, str]:
        return min(stem(one), stem(two)), max(stem(one), stem(two))

    core = [
        ("rise", "fall"),
        ("rose", "fell"),
        ("win", "lose"),
        ("won", "lost"),
        ("confirmed", "denied"),
        ("accept", "rejected"),
        ("legal", "illegal"),
        ("increase", "decrease"),
        ("increased", "decreased"),
        ("guilty", "innocent"),
        ("possible", "impossible"),
        ("higher", "lower"),
    ]
    assert all(key(a, b) in pairs for a, b in core), [p for p in core if key(*p) not in pairs]
    false = [("right", "left"), ("present", "absent"), ("man", "woman"), ("buy", "sell")]
    assert not any(key(a, b) in pairs for a, b in false)


def test_antonym_decisions_file() -> None:
    """antonyms_extra.txt, the hand-checked input of bench/build_antonyms.py, is well formed."""
    for line in data_lines("antonyms_extra.txt"):
        cells = line.split("#", 1)[0].split()
        assert len(cells) in (4, 5) and cells[0] in ("keep", "add", "drop"), line
        assert set(cells[3:]) <= set("nvar"), line


def test_phrase_synonym_table() -> None:
    """phrase_synonyms.tsv: lower-case phrases of two or more words, each once, mapped
    to one word with a known source; the core news paraphrases are in it."""
    table = {}
    for line in data_lines("phrase_synonyms.tsv"):
        phrase, canonical, source = line.split("\t")
        assert source in ("wordnet", "extra"), line
        assert phrase == phrase.lower() and len(phrase.split()) >= 2, line
        assert phrase == " ".join(phrase.split()), line
        assert canonical.isalpha() and canonical.islower(), line
        assert phrase not in table, line
        table[phrase] = canonical
    assert table["chief executive"] == "ceo"
    assert table["stepped down"] == "resigned"
    assert table["steps down"] == "resigns"


def test_phrase_decisions_file() -> None:
    """phrase_synonyms_extra.txt, the hand-checked input of bench/build_phrases.py, is well
    formed and every line says why."""
    for line in data_lines("phrase_synonyms_extra.txt"):
        cells = [c for c in line.split("#", 1)[0].split("\t") if c.strip()]
        assert len(cells) == 4 and cells[0] in ("add", "drop") and cells[3] in "nv", line
        assert "#" in line, line
