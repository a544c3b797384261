"""Candidate pairs by blocking keys, partition by partition: those the index compares.

:func:`claimtrack.blocking.candidates` cuts the claims in partitions and finds the
candidate pairs with three rounds of keys exchanged between partitions; these must
be the pairs :class:`ClaimIndex` compares (its :attr:`~ClaimIndex.compared`), and the
entry pairs they find related the ones it keeps, whatever the partitions and with
caps small enough to bind (a chunk of a few claims, buckets of one or two).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import articles, story_articles

from claimtrack import blocking
from claimtrack.articles import Article, read_articles
from claimtrack.clusters import ClaimIndex
from claimtrack.tracker import ClaimTracker

#: Index parameters: the defaults, and caps that bind on a few claims.
PARAMETERS = [
    {},
    {"bucket_cap": 1, "weak_cap": 0, "anchor_cap": 0, "chunk": 1},
    {"bucket_cap": 2, "weak_cap": 1, "anchor_cap": 1, "chunk": 3},
    {"bucket_cap": 3, "weak_cap": 2, "anchor_cap": 2, "chunk": 5},
    {"bucket_cap": 1, "weak_cap": 3, "anchor_cap": 40, "chunk": 6},
    {"bucket_cap": 1, "weak_cap": 5, "anchor_cap": 3, "chunk": 12},
    {"bucket_cap": 1, "weak_cap": 0, "anchor_cap": 40, "chunk": 7},
]


#: Sentences of a wire story: copies of one sentence in other words (the same
#: content stems, other entries), short ones of two or three content words (held
#: whole by a longer one), and one speaker's claims (anchors).
WIRE = [
    "Russia sent two bombers to Belarus.",
    "Russia sent the two bombers to Belarus.",
    "Russia has sent two bombers to Belarus.",
    "Russia sent two bombers to Belarus on Saturday.",
    "Then Russia sent two bombers.",
    "It was not the bombers at all.",
    "It was the bombers after all.",
    "Lee said the budget would pass this week.",
    "Lee said the budget would fail this week.",
    "Lee said that the budget would pass.",
    "Lee said the bridge would reopen in May.",
    "Governor Ann Lee said the bridge would reopen in May.",
    "Lee said the bombers were sent to Belarus.",
    "Lee said the new state budget would pass the senate this week.",
    "Lee said that the new state budget would pass the senate.",
    "Lee said the senate would pass a new state budget.",
    "Lee said the budget would pass the senate in a vote on taxes, schools and roads.",
    "Lee said the budget would pass the senate despite protests by farmers and unions.",
    "Officials said the bridge would reopen in May.",
]


@st.composite
def wire_articles(draw: st.DrawFn) -> list[Article]:
    """2 to 10 articles of 1 to 6 sentences drawn from :data:`WIRE`: many copies."""
    out = []
    for i in range(draw(st.integers(2, 10))):
        sentences = draw(st.lists(st.sampled_from(WIRE), min_size=1, max_size=6))
        day = draw(st.none() | st.integers(1, 3))
        out.append(
            Article(
                id=f"w{i}",
                text=" ".join(sentences),
                date=None if day is None else dt.date(2020, 1, day),
            )
        )
    return out


def check(items: list[Article], parameters: dict[str, int], sizes: list[int]) -> ClaimIndex:
    """Index ``items`` as the local tracker does, recording its candidates; then find
    them by blocking keys over partitions of ``sizes`` claims (cycled), and compare."""
    index = ClaimIndex(**parameters)
    index.compared = set()
    ClaimTracker(index=index, keep_analyses=False).add(items)
    claims, texts = index.claims, index.texts
    cut, left, k = [], len(claims), 0
    while left > 0:
        size = min(left, sizes[k % len(sizes)])
        cut.append(size)
        left -= size
        k += 1
    found = blocking.candidates(claims, texts, ClaimIndex(**parameters), cut or [0], relate=True)
    compared = [pair for f in found for pair in f.compared]
    assert len(compared) == len(set(compared))  # each pair compared once, on one partition
    assert set(compared) == index.compared
    related = {tuple(sorted(pair)) for f in found for pair in f.pairs}
    assert related == {tuple(sorted(pair)) for pair in index.state()}
    return index


def test_seeds(seeds_dir: Path) -> None:
    """On the seeds, the defaults and binding caps, in partitions of 1, 7 and all claims."""
    seeds = list(read_articles(seeds_dir))
    for parameters in PARAMETERS:
        for sizes in ([1], [7, 3], [10**6]):
            index = check(seeds, parameters, sizes)
            assert index.compared or parameters.get("anchor_cap") == 0


def test_spread_copies_meet_by_keys_not_anchors() -> None:
    """Copies that take two entries of one speaker to other articles, in one chunk:
    the later copy meets the earlier one by band and weak keys, never by an anchor
    (copies do not join the anchors' postings)."""
    a, b = WIRE[-3], WIRE[-2]  # one speaker and cue, few words in common
    assert a.startswith("Lee said the budget") and b.startswith("Lee said the budget")
    items = [
        Article(id="w0", text=a),
        Article(id="w1", text=b),
        Article(id="w2", text=a),
        Article(id="w3", text=b),
    ]
    for parameters in PARAMETERS:
        check(items, parameters, [1])
        check(items, parameters, [4])


@settings(max_examples=60)
@given(
    corpus=st.integers(2, 8).flatmap(story_articles),
    extra=st.lists(articles(), max_size=2),
    parameters=st.sampled_from(PARAMETERS),
    sizes=st.lists(st.integers(1, 6), min_size=1, max_size=4),
)
def test_random_corpora(
    corpus: list[Article], extra: list[Article], parameters: dict[str, int], sizes: list[int]
) -> None:
    """On random corpora of related articles (sentences repeated and perturbed),
    any partitions and caps: the same candidates, the same entry pairs related."""
    items = list(corpus)
    for article in extra:
        if all(article.id != item.id for item in items):
            items.append(article)
    check(items, parameters, sizes)


@settings(max_examples=150)
@given(
    items=wire_articles(),
    parameters=st.sampled_from(PARAMETERS),
    sizes=st.lists(st.integers(1, 9), min_size=1, max_size=4),
)
def test_wire_copies(items: list[Article], parameters: dict[str, int], sizes: list[int]) -> None:
    """On articles copying sentences of one wire story (one sentence in other words,
    many copies of each, spread copies meeting in one chunk): the same candidates."""
    check(items, parameters, sizes)
