"""Unit tests of the attribution scoring functions in bench/scoring.py (hand-made cases).

The scoring module lives with the evaluation script in ``bench/`` (it is a development
tool, not part of the installed package), so it is imported from there.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from scoring import (
    Gold,
    Pred,
    Tally,
    coverage,
    find_antecedent,
    golds_from_record,
    intersection,
    is_pronoun,
    is_quote_bearing,
    jaccard,
    match,
    name_tokens,
    normalize,
    prf,
    resolved_by_proxy,
    score_article,
)


def figures(golds: list[Gold], preds: list[Pred]) -> dict[str, Any]:
    tally = Tally()
    tally.add(golds, preds, score_article(golds, preds))
    return tally.summary()


# --- span arithmetic -------------------------------------------------------------------


def test_normalize_sorts_merges_and_drops_empty() -> None:
    assert normalize([(10, 20), (0, 5), (4, 8), (30, 30)]) == ((0, 8), (10, 20))
    assert normalize([(0, 5), (5, 9)]) == ((0, 9),)
    assert normalize([]) == ()


def test_intersection_over_discontinuous_spans() -> None:
    gold = normalize([(0, 10), (20, 30)])
    pred = normalize([(5, 25)])
    assert intersection(gold, pred) == 10
    assert coverage(gold, pred) == 0.5
    assert jaccard(gold, pred) == pytest.approx(10 / 30)


def test_coverage_and_jaccard_edge_cases() -> None:
    assert coverage((), ((0, 5),)) == 0.0
    assert jaccard((), ()) == 0.0
    assert coverage(((0, 10),), ((10, 20),)) == 0.0  # half-open: touching is not overlapping


# --- loose and tight ----------------------------------------------------------------------


def test_perfect_prediction_scores_one() -> None:
    golds = [
        Gold(content=((0, 50),), source=((60, 65),), cue=((66, 70),)),
        Gold(content=normalize([(100, 120), (140, 160)]), source=((125, 130),), cue=((131, 135),)),
    ]
    preds = [Pred(content=g.content, speaker=g.source, cue=g.cue) for g in golds]
    out = figures(golds, preds)
    for key in ("loose", "tight"):
        assert out[key] == {"tp": 2, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert out["source_accuracy"] == 1.0
    assert out["cue_accuracy"] == 1.0


def test_31_percent_is_loose_but_not_tight() -> None:
    gold = Gold(content=((0, 100),))
    out = figures([gold], [Pred(content=((0, 31),))])
    assert out["loose"]["tp"] == 1
    assert out["tight"]["tp"] == 0


@pytest.mark.parametrize("covered", [29, 30])
def test_30_percent_or_less_is_not_loose(covered: int) -> None:
    out = figures([Gold(content=((0, 100),))], [Pred(content=((0, covered),))])
    assert out["loose"]["tp"] == 0
    assert out["loose"]["precision"] == 0.0


def test_tight_threshold_is_inclusive() -> None:
    gold = ((0, 100),)
    assert match([gold], [((0, 80),)], "tight") == {0: 0}  # Jaccard 0.80
    assert match([gold], [((0, 79),)], "tight") == {}  # Jaccard 0.79
    assert match([gold], [((0, 125),)], "tight") == {0: 0}  # 100 / 125 = 0.80
    assert match([gold], [((0, 126),)], "tight") == {}


def test_coverage_is_of_the_gold_not_the_prediction() -> None:
    # The prediction covers all of the gold but is five times longer: loose, not tight.
    out = figures([Gold(content=((40, 60),))], [Pred(content=((0, 100),))])
    assert (out["loose"]["tp"], out["tight"]["tp"]) == (1, 0)


# --- one-to-one ---------------------------------------------------------------------------


def test_two_predictions_on_one_gold_count_one_tp_and_one_fp() -> None:
    out = figures(
        [Gold(content=((0, 100),))], [Pred(content=((0, 60),)), Pred(content=((40, 100),))]
    )
    assert out["loose"]["tp"] == 1
    assert out["predicted"] == 2
    assert out["loose"]["precision"] == 0.5
    assert out["loose"]["recall"] == 1.0


def test_one_prediction_over_two_golds_matches_one() -> None:
    out = figures(
        [Gold(content=((0, 50),)), Gold(content=((50, 100),))], [Pred(content=((0, 100),))]
    )
    assert out["loose"]["tp"] == 1
    assert out["loose"]["recall"] == 0.5


def test_greedy_prefers_the_best_overlap() -> None:
    golds = [((0, 100),)]
    preds = [((0, 40),), ((0, 95),)]
    assert match(golds, preds, "loose") == {0: 1}


def test_matching_reaches_maximum_cardinality() -> None:
    # Greedy alone would pair gold 0 with pred 0 (Jaccard 1.0) and leave gold 1 unmatched,
    # but pred 0 is gold 1's only candidate while gold 0 also fits pred 1.
    golds = [((0, 100),), ((60, 100),)]
    preds = [((0, 100),), ((0, 35),)]
    found = match(golds, preds, "loose")
    assert found == {0: 1, 1: 0}
    out = figures([Gold(content=g) for g in golds], [Pred(content=p) for p in preds])
    assert out["loose"]["tp"] == 2


def test_discontinuous_gold_uses_the_union_of_spans() -> None:
    # Gold: 40 + 40 characters.  A prediction on the first piece only covers 50%.
    gold = Gold(content=normalize([(0, 40), (60, 100)]))
    assert figures([gold], [Pred(content=((0, 40),))])["loose"]["tp"] == 1
    # The gap between the pieces does not count as gold: covering 0-100 is loose, and
    # tight only because 80 / 100 >= 0.8.
    out = figures([gold], [Pred(content=((0, 100),))])
    assert (out["loose"]["tp"], out["tight"]["tp"]) == (1, 1)
    out = figures([gold], [Pred(content=((0, 101),))])
    assert out["tight"]["tp"] == 0
    # A discontinuous prediction matching both pieces exactly is tight.
    out = figures([gold], [Pred(content=normalize([(60, 100), (0, 40)]))])
    assert out["tight"]["precision"] == 1.0
    # A prediction entirely inside the gap does not match.
    assert figures([gold], [Pred(content=((40, 60),))])["loose"]["tp"] == 0


def test_prf_is_zero_when_undefined() -> None:
    assert prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(1, 2, 4)["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)


# --- source and cue accuracy ---------------------------------------------------------------


def test_source_and_cue_accuracy_counting() -> None:
    golds = [
        Gold(content=((0, 10),), source=((20, 25),), cue=((26, 30),)),  # both right
        Gold(content=((40, 50),), source=((60, 65),), cue=((66, 70),)),  # speaker wrong
        Gold(content=((80, 90),), source=((100, 105),), cue=((106, 110),)),  # no speaker
        Gold(content=((120, 130),), source=None, cue=((131, 135),), type="Attribution-no-source"),
        Gold(content=((200, 210),), source=((220, 225),), cue=((226, 230),)),  # unmatched
    ]
    preds = [
        Pred(content=((0, 10),), speaker=((24, 26),), cue=((29, 31),)),  # one-char overlaps
        Pred(content=((40, 50),), speaker=((55, 60),), cue=((66, 70),)),  # touching: no overlap
        Pred(content=((80, 90),), speaker=None, cue=None),
        Pred(content=((120, 130),), speaker=((136, 140),), cue=((131, 135),)),
    ]
    out = figures(golds, preds)
    assert out["loose"]["tp"] == 4
    assert out["source_scored"] == 3
    assert out["source_excluded_no_gold_source"] == 1
    assert out["source_accuracy"] == pytest.approx(1 / 3)
    assert out["cue_scored"] == 4
    assert out["cue_accuracy"] == pytest.approx(3 / 4)


# --- quote-bearing contents, patterns --------------------------------------------------


def test_quote_bearing_contents() -> None:
    text = 'He said “we will win” and "so on" and that it is fine.'
    assert is_quote_bearing(text, ((9, 20),))  # wrapped by “ ”
    assert is_quote_bearing(text, ((8, 21),))  # holds them
    assert is_quote_bearing(text, ((27, 32),))  # wrapped by "
    assert not is_quote_bearing(text, ((38, 53),))
    assert not is_quote_bearing(text, ())


def test_recall_by_quote_and_per_pattern_precision() -> None:
    golds = [Gold(content=((0, 10),), quote_bearing=True), Gold(content=((20, 30),))]
    preds = [
        Pred(content=((0, 10),), pattern="quote"),
        Pred(content=((50, 60),), pattern="quote"),
        Pred(content=((70, 80),)),
    ]
    out = figures(golds, preds)
    assert out["recall_by_quote"]["quote"] == {"gold": 1, "loose_recall": 1.0, "tight_recall": 1.0}
    assert out["recall_by_quote"]["other"]["loose_recall"] == 0.0
    assert out["patterns"]["quote"] == {"predicted": 2, "loose_matched": 1, "precision": 0.5}
    assert out["patterns"]["(none)"]["loose_matched"] == 0


# --- gold reading -----------------------------------------------------------------------------


def role(*pieces: str, after: str = "") -> dict[str, object]:
    """A PolNeAR role for ``pieces`` of TEXT, searched from the first ``after``."""
    spans, at = [], TEXT.index(after) if after else 0
    for piece in pieces:
        start = TEXT.index(piece, at)
        spans.append([start, start + len(piece)])
        at = start + len(piece)
    return {"text": " ".join(pieces), "start": spans[0][0], "end": spans[-1][1], "spans": spans}


TEXT = (
    "Title.\n\n"
    "Senator Jane Roe said the plan failed. “It is dead,” she said.\n\n"
    "The report claims costs rose.\n\n"
    "“Never,” he said, “again.”"
)


def test_golds_from_record() -> None:
    atts = [
        {
            "type": "Attribution",
            "source": role("Senator Jane Roe"),
            "cue": role("said"),
            "content": role("the plan failed"),
            "content2": None,
        },
        {
            "type": "Attribution",
            "source": role("she"),
            "cue": role("said", after="she said"),
            "content": role("It is dead,"),
            "content2": role("costs rose"),
        },
        {
            "type": "Attribution-no-source",
            "source": None,
            "cue": role("claims"),
            "content": None,
            "content2": None,
        },
        {
            "type": "Attribution",
            "source": role("he", after="“Never,”"),
            "cue": role("said", after="“Never,”"),
            "content": role("Never,", "again."),
            "content2": None,
        },
    ]
    golds, skipped = golds_from_record({"text": TEXT, "attributions": atts})
    assert skipped == 1
    assert len(golds) == 4  # the content2 is a gold content of its own
    first, she, she2, he = golds
    assert not first.quote_bearing and not first.pronoun_source
    assert she.quote_bearing and she.pronoun_source
    assert she.antecedent == "Senator Jane Roe"
    assert she.antecedent_tokens == ("jane", "roe")
    assert she2.source == she.source and not she2.quote_bearing
    assert len(he.content) == 2 and he.quote_bearing
    assert he.antecedent is None  # Jane Roe is two paragraphs back


def test_pronouns_and_name_tokens() -> None:
    assert is_pronoun("He") and is_pronoun(" they ") and is_pronoun("I")
    assert not is_pronoun("who") and not is_pronoun("Trump") and not is_pronoun(None)
    assert name_tokens("Republican nominee Donald Trump’s campaign") == (
        "republican",
        "donald",
        "trump",
    )
    assert name_tokens("Mr. Obama") == ("obama",)
    assert name_tokens("a source") == ()
    assert name_tokens("Officials", frozenset({"officials"})) == ()


def test_find_antecedent_nearest_preceding_name() -> None:
    paragraphs = [(0, 50), (60, 100), (110, 150)]
    sources = [
        (5, "Donald Trump", ("donald", "trump")),
        (65, "Hillary Clinton", ("hillary", "clinton")),
        (80, "a source", ()),
        (120, "Sanders", ("sanders",)),
    ]
    assert find_antecedent(115, sources, paragraphs) == ("Hillary Clinton", ("hillary", "clinton"))
    assert find_antecedent(70, sources, paragraphs) == ("Hillary Clinton", ("hillary", "clinton"))
    assert find_antecedent(60, sources, paragraphs) == ("Donald Trump", ("donald", "trump"))
    assert find_antecedent(3, sources, paragraphs) is None


def test_resolution_proxy_counting() -> None:
    she = Gold(
        content=((0, 10),),
        source=((20, 23),),
        source_text="she",
        pronoun_source=True,
        antecedent="Hillary Clinton",
        antecedent_tokens=("hillary", "clinton"),
    )
    orphan = Gold(content=((30, 40),), source=((50, 52),), source_text="he", pronoun_source=True)
    preds = [
        Pred(content=((0, 10),), speaker=((20, 23),), speaker_name="Mrs. Clinton’s"),
        Pred(content=((30, 40),), speaker=None, speaker_name=None),
    ]
    pro = figures([she, orphan], preds)["pronoun_sources"]
    assert pro["loose_pairs"] == 2
    assert pro["speaker_overlap"] == 0.5
    assert pro["with_proxy_antecedent"] == 1
    assert pro["proxy_resolution_accuracy"] == 1.0
    assert resolved_by_proxy("Clinton", ("hillary", "clinton"))
    assert not resolved_by_proxy("Trump", ("hillary", "clinton"))
    assert not resolved_by_proxy(None, ("clinton",))
