"""Drift in other words: what relate() types when two claims share few words in order."""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import news_text

from claimtrack.relations import relate


def _types(a: str, b: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    result = relate(a, b)
    assert result.basis == "content", result
    return {c.type: (c.a, c.b) for c in result.changes}


def test_a_prediction_becomes_a_fact() -> None:
    a = "The central bank will almost certainly raise interest rates next month, analysts said."
    b = "The central bank raised interest rates last month, analysts said."
    result = relate(a, b)
    assert result.relation == "drift"
    assert result.basis == "content"
    assert _types(a, b) == {
        "modality": (("will",), ()),
        "certainty": (("almost", "certainly"), ()),
    }
    assert "modality, certainty" in result.evidence


@pytest.mark.parametrize(
    ("a", "b", "kind", "words"),
    [
        (
            "Russia may attack the country from the north, officials said.",
            "Officials said Russia attacked the country from the north.",
            "modality",
            (("may",), ()),
        ),
        (
            "The company is likely to cut 500 jobs at its plant in Ohio.",
            "The firm has cut 500 jobs at its Ohio plant.",
            "certainty",
            (("likely",), ()),
        ),
        (
            "Police said three people were killed in the blast on Sunday.",
            "Police said four people were killed on Sunday in the explosion.",
            "number",
            (("3",), ("4",)),  # numbers as values
        ),
        (
            "Police said three people were killed in the blast at the market on Sunday.",
            "On Monday a blast at the market killed three people, according to police.",
            "date",
            (("sunday",), ("monday",)),
        ),
    ],
)
def test_changes_in_other_words(
    a: str, b: str, kind: str, words: tuple[tuple[str, ...], tuple[str, ...]]
) -> None:
    assert relate(a, b).relation == "drift"
    assert _types(a, b) == {kind: words}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # reported speech shifts "will" to "would": no change
        (
            "The bridge will reopen in May, officials said.",
            "Officials said the bridge would reopen in May.",
        ),
        # "three" is "3"
        (
            "Police said three people were killed in the blast on Sunday.",
            "Police said 3 people were killed on Sunday in the explosion.",
        ),
        # a number on one side only is a detail left out
        (
            "Police said three people were killed in the blast on Sunday.",
            "On Sunday police said people were killed in the explosion.",
        ),
        # "yesterday" and "Tuesday" can be one day told from two dates
        (
            "The striker was arrested yesterday on suspicion of drunken driving, police said.",
            "Police said they detained the striker early Tuesday on suspicion of drunk driving.",
        ),
    ],
)
def test_no_change_in_other_words(a: str, b: str) -> None:
    result = relate(a, b)
    assert result.relation == "agreement", result
    assert not [c for c in result.changes if c.material], result.changes


def test_markers_outside_shared_content_change_nothing() -> None:
    """A hedge or a modal verb in a clause only one report has is not a change."""
    a = "Fire destroyed the old wooden church on Saturday, the pastor told reporters."
    b = (
        "The pastor said the old wooden church was destroyed by fire on Saturday "
        "and investigators were considering arson."
    )
    result = relate(a, b)
    assert result.basis == "content"
    assert result.relation == "agreement", result


@given(news_text(max_words=30), news_text(max_words=30))
def test_content_changes_mirror(a: str, b: str) -> None:
    """Swapping the two claims swaps each change's sides and keeps its type."""
    forward, backward = relate(a, b), relate(b, a)
    if forward.basis == "content":
        assert [(c.type, c.a, c.b) for c in forward.changes] == [
            (c.type, c.b, c.a) for c in backward.changes
        ]
