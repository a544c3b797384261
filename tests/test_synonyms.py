"""Synonyms from WordNet: the builder reads WordNet's files, the model uses the shipped table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimtrack import relate
from claimtrack.claimtext import prepare
from claimtrack.lexicon import data_lines
from claimtrack.statement_model import (
    SYNONYMS_FILE,
    _paired,
    _synonyms,
    features,
    synonym_pairs,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from build_synonyms import build

LICENCE = "  1 This software and database is being provided to you, the LICENSEE\n"


def _write_wordnet(folder: Path) -> None:
    """A WordNet database of five synsets, in WordNet's own file formats."""
    data = {
        # offset lexfile pos count (word lex_id)... pointer-count (symbol offset pos src/tgt)...
        "noun": [
            "00000100 04 n 02 purchase 0 acquisition 0 001 + 00000300 v 0000 | the act of buying",
            "00000200 04 n 01 banana 0 000 | a fruit",
            "00000250 04 n 01 ice_cream 0 000 | a collocation",
        ],
        "verb": [
            "00000300 40 v 02 buy 0 purchase 0 001 + 00000100 n 0000 | obtain by paying",
            "00000400 40 v 01 acquire 0 001 + 00000100 n 0000 | come into possession of",
        ],
        "adj": [],
        "adv": [],
    }
    index = {
        "noun": [
            "acquisition n 1 1 + 1 0 00000100",
            "banana n 1 0 1 0 00000200",
            "ice_cream n 1 0 1 0 00000250",
            "purchase n 1 1 + 1 0 00000100",
        ],
        "verb": [
            "acquire v 1 1 + 1 0 00000400",
            "buy v 1 1 + 1 0 00000300",
            "purchase v 1 1 + 1 0 00000300",
        ],
        "adj": [],
        "adv": [],
    }
    for name in data:
        (folder / f"data.{name}").write_text(
            LICENCE + "".join(line + "  \n" for line in data[name]), encoding="latin-1"
        )
        (folder / f"index.{name}").write_text(
            LICENCE + "".join(line + "  \n" for line in index[name]), encoding="latin-1"
        )
        exc = "bought buy\n" if name == "verb" else ""
        (folder / f"{name}.exc").write_text(exc, encoding="latin-1")


def _shares(table: dict[str, list[int]], a: str, b: str) -> bool:
    return bool(set(table.get(a, ())) & set(table.get(b, ())))


def test_build_reads_wordnet_files(tmp_path: Path) -> None:
    """Synonyms, derivations and irregular forms share concepts; lone concepts are dropped."""
    _write_wordnet(tmp_path)
    table = build(tmp_path)
    assert _shares(table, "buy", "purchas")  # one synset (stems: Snowball's)
    assert _shares(table, "acquisit", "purchas")
    assert _shares(table, "acquir", "acquisit")  # a derivation pointer
    assert _shares(table, "bought", "buy")  # an irregular form takes its base's senses
    assert "banana" not in table  # its only synset has nobody else
    assert not any("_" in stem or "ice" in stem for stem in table)  # collocations left out
    assert all(ids == sorted(set(ids)) for ids in table.values())


def test_build_is_deterministic(tmp_path: Path) -> None:
    _write_wordnet(tmp_path)
    assert build(tmp_path) == build(tmp_path)


def test_shipped_table_is_well_formed() -> None:
    """Every row is a lower-case stem and concept numbers; the licence notice is kept."""
    rows = data_lines(SYNONYMS_FILE)
    assert len(rows) > 10_000
    for row in rows[:: max(1, len(rows) // 500)]:
        stem, ids = row.split("\t")
        assert stem.isalpha() and stem == stem.lower()
        assert [int(i) for i in ids.split()]
    path = Path(__file__).resolve().parent.parent / "claimtrack" / "data" / SYNONYMS_FILE
    assert "Princeton University" in path.read_text(encoding="utf-8")[:3000]


@pytest.mark.parametrize(
    ("a", "b"),
    [("purchas", "buy"), ("acquisit", "acquir"), ("bought", "purchas"), ("rose", "climb")],
)
def test_shipped_synonyms_pair_up(a: str, b: str) -> None:
    assert _paired(frozenset({a}), frozenset({b})) == (frozenset({a}), frozenset({b}))


def test_unrelated_words_do_not_pair() -> None:
    assert _paired(frozenset({"bridg", "banana"}), frozenset({"elect"})) == (
        frozenset(),
        frozenset(),
    )
    assert "elect" in _synonyms()  # a known stem, just not a synonym of these


def test_a_synonym_counts_as_half_shared() -> None:
    """Swapping a word for a synonym keeps the pair closer than swapping it for another word."""
    base = prepare("The company purchased the old factory near the river last year.")
    synonym = prepare("The company bought the old factory near the river last year.")
    other = prepare("The company painted the old factory near the river last year.")
    with_synonym, with_other = features(base, synonym), features(base, other)
    assert with_synonym["synonym_jaccard"] > with_other["synonym_jaccard"]
    assert with_synonym["unpaired_other_min"] < with_other["unpaired_other_min"]


def test_relate_names_the_synonyms_it_used() -> None:
    """An agreement in other words says which words it took as synonyms."""
    r = relate(
        "The talks between the two unions ended abruptly on Monday, officials said.",
        "Officials said on Monday the negotiations between the two unions stopped suddenly.",
    )
    assert r.relation == "agreement" and r.basis == "content"
    assert "talks = negotiations" in r.evidence[0]
    assert "ended = stopped" in r.evidence[0]


def test_synonym_pairs_follow_the_first_claim() -> None:
    a = prepare("The talks ended abruptly on Monday.")
    b = prepare("On Monday the negotiations stopped suddenly.")
    forward, backward = synonym_pairs(a, b), synonym_pairs(b, a)
    assert sorted((y, x) for x, y in backward) == sorted(forward)
    assert synonym_pairs(a, a) == ()


def test_a_phrase_word_alone_keeps_no_second_copy_of_the_words() -> None:
    """ "chief" without "executive" rewrites nothing: the text keeps no canonical
    copy of its words (half of all sentences hold such a word)."""
    alone = prepare("The chief of staff said the talks would resume on Monday.")
    phrase = prepare("The chief executive said the talks would resume on Monday.")
    assert alone.canonical == () and alone.compared == alone.words
    assert phrase.canonical and "ceo" in phrase.compared
