"""The session 9 candidate features of the same-statement model (bench/statement_candidates.py),
the tables they read (bench/build_word_weights.py) and the fixed held-out slice of MSRP pairs
(bench/msrp_pairs.py), on invented text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from build_word_weights import main as build
from msrp_pairs import held_out
from statement_candidates import CANDIDATES, Candidates

from claimtrack.claimtext import prepare
from claimtrack.statement_model import content_key, is_function_word

#: Invented news passages: court words go together, market words go together;
#: "said" and "officials" are everywhere, "galveston" once.
PASSAGES = [
    "The judge told the court the case would go to trial, officials said.",
    "A court judge dismissed the case against the mayor, officials said.",
    "The trial judge ruled the case could proceed in court, officials said.",
    "Shares rose on the market as investors bought stock, officials said.",
    "The stock market fell and investors sold shares, officials said.",
    "Investors watched shares of the bank on the stock market, officials said.",
    "Officials said the storm reached Galveston on Monday.",
]


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("weights")
    source = folder / "news.jsonl"
    text = "\n\n".join(PASSAGES)
    source.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    args = [str(source), "--out-dir", str(folder), "--min", "1", "--dims", "2"]
    assert build([*args, "--vector-min", "2"]) == 0
    return folder


def test_tables_hold_counts_and_vectors(tables: Path) -> None:
    counts = (tables / "word_counts.tsv").read_text(encoding="utf-8")
    assert "(passages)\t7" in counts
    assert f"{content_key('officials')}\t7" in counts
    assert f"{content_key('galveston')}\t1" in counts
    assert "judge" not in counts.split("\n")[0]  # counts only under a comment header
    vectors = (tables / "word_vectors.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in vectors if not line.startswith("#")]
    assert all(len(values.split()) == 2 for _, values in rows)
    assert content_key("galveston") not in {stem for stem, _ in rows}  # one passage only


def test_a_rare_unmatched_word_counts_more_than_a_common_one(tables: Path) -> None:
    cand = Candidates(tables)
    base = prepare("The judge dismissed the case on Monday.")
    rare = cand.features(base, prepare("The judge dismissed the case in Galveston on Monday."))
    common = cand.features(base, prepare("The judge dismissed the case, officials said Monday."))
    assert set(rare) == set(CANDIDATES)
    assert rare["rarest_unmatched_max"] > 1.0
    # "officials" is in every passage: no information
    assert common["rarest_unmatched_max"] == pytest.approx(0.0)
    same = cand.features(base, prepare("On Monday the judge dismissed the case."))
    assert same["rarest_unmatched_max"] == 0.0 == same["second_rarest_unmatched_max"]


def test_words_of_one_topic_are_closer_than_words_of_another(tables: Path) -> None:
    cand = Candidates(tables)
    court = prepare("The judge heard the case.")
    near = cand.features(court, prepare("A court trial began."))["context_cosine"]
    far = cand.features(court, prepare("Investors sold stock."))["context_cosine"]
    assert near > far
    unknown = cand.features(court, prepare("Zebras yawned."))["context_cosine"]
    assert unknown == 0.0  # no vector on one side


def test_content_keys_and_function_words() -> None:
    assert content_key("talks") == "talk"
    assert content_key("moscow") == "russia"
    assert is_function_word("the") and not is_function_word("bridge")


def test_the_held_out_slice_is_fixed_and_about_its_size() -> None:
    ids = [f"pair-{n:04d}" for n in range(2000)]
    chosen = [i for i in ids if held_out(i, 15)]
    assert 0.12 < len(chosen) / len(ids) < 0.18
    assert chosen == [i for i in ids if held_out(i, 15)]
    assert not any(held_out(i, 0) for i in ids)
    assert set(chosen) <= {i for i in ids if held_out(i, 30)}
