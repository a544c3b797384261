"""Claims across articles: the seeds' links, clusters, and their invariants."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.analysis import analyze
from claimtrack.articles import Article, read_articles
from claimtrack.claims import Claim, renamed
from claimtrack.claimtext import claim_sources
from claimtrack.cli import main
from claimtrack.clusters import ClaimIndex, _distinct, build_clusters
from claimtrack.exceptions import DuplicateArticleError
from claimtrack.report import stated_inside
from claimtrack.sentences import SentenceSplitter
from claimtrack.speakers import SpeakerIndex
from claimtrack.stories import corroborate, vocabulary_of
from claimtrack.tracker import ClaimTracker
from claimtrack.workers import claims_of


@pytest.fixture(scope="module")
def seed_tracker(seeds_dir: Path) -> ClaimTracker:
    tracker = ClaimTracker()
    tracker.add(read_articles(seeds_dir))
    return tracker


def find(tracker: ClaimTracker, article_id: str, start: str) -> Claim:
    """The claim of an article whose sentence starts with ``start`` (dateline included)."""
    for claim in tracker.claims:
        item = next(i for i in tracker.articles if i.article.id == article_id)
        sentence = item.sentences[claim.sentence_index]
        if claim.article_id == article_id and sentence.text.startswith(start):
            return claim
    raise AssertionError(f"no sentence {start!r} in {article_id}")


def relation_between(tracker: ClaimTracker, a: Claim, b: Claim) -> str | None:
    for link in tracker.links():
        if {link.a.id, link.b.id} == {a.id, b.id}:
            return link.relation
    return None


def test_seed_must_links(seed_tracker: ClaimTracker, gold: dict[str, Any]) -> None:
    """Every 'must' link is found with the gold relation."""
    for link in gold["links"]:
        if link["priority"] != "must":
            continue
        a, b = find(seed_tracker, *link["a"]), find(seed_tracker, *link["b"])
        assert relation_between(seed_tracker, a, b) == link["relation"], link["note"]


def test_seed_should_links(seed_tracker: ClaimTracker, gold: dict[str, Any]) -> None:
    """At least two of the three 'should' links are found with the gold relation."""
    found = 0
    for link in gold["links"]:
        if link["priority"] == "should":
            a, b = find(seed_tracker, *link["a"]), find(seed_tracker, *link["b"])
            found += relation_between(seed_tracker, a, b) == link["relation"]
    assert found >= 2


def test_seed_drift_changes_are_the_gold_ones(
    seed_tracker: ClaimTracker, gold: dict[str, Any]
) -> None:
    """The drift on 'The Belarusian leader...' lists exactly the gold's removed and added words."""
    (link,) = [g for g in gold["links"] if g["relation"] == "drift" and g["priority"] == "must"]
    a, b = find(seed_tracker, *link["a"]), find(seed_tracker, *link["b"])
    (found,) = [k for k in seed_tracker.links("drift") if {k.a.id, k.b.id} == {a.id, b.id}]
    removed = [w for c in found.changes for w in c.a]
    added = [w for c in found.changes for w in c.b]
    assert sorted(removed) == sorted(link["changes"]["removed"])
    assert sorted(added) == sorted(link["changes"]["added"])
    assert {c.type for c in found.changes} == {"tense", "inserted"}


def test_seed_prediction_become_a_fact(seed_tracker: ClaimTracker, gold: dict[str, Any]) -> None:
    """ "almost certain to reject Moscow's demands" is found inside the later report's
    longer sentence ("... demands the West has rejected") as drift: the hedge dropped."""
    (link,) = [g for g in gold["links"] if "becomes a fact" in g["note"]]
    a, b = find(seed_tracker, *link["a"]), find(seed_tracker, *link["b"])
    (found,) = [
        k for k in seed_tracker.links() if {k.a.id, k.b.id} == {a.id, b.id} and k.basis == "part"
    ]
    assert found.relation == link["relation"] == "drift"
    assert [(c.type, c.a, c.b) for c in found.changes] == [("certainty", ("almost", "certain"), ())]


def test_seed_must_not_link(seed_tracker: ClaimTracker, gold: dict[str, Any]) -> None:
    """No must-not pair ends up linked or in one cluster; boilerplate is never a claim."""
    claims = {c.id for c in seed_tracker.claims}
    for (aid, astart), (bid, bstart) in gold["must_not_link_examples"]:
        items = {i.article.id: i for i in seed_tracker.articles}
        sa = next(s for s in items[aid].sentences if s.text.startswith(astart))
        sb = next(s for s in items[bid].sentences if s.text.startswith(bstart))
        ida, idb = f"{aid}#{sa.index}", f"{bid}#{sb.index}"
        for cluster in seed_tracker.clusters():
            ids = {m.id for m in cluster.members}
            assert not ({ida, idb} <= ids)
        assert all({k.a.id, k.b.id} != {ida, idb} for k in seed_tracker.links())
        for boiler in (sa, sb):
            if boiler.boilerplate:
                assert f"{boiler.article_id}#{boiler.index}" not in claims


def test_clusters_have_one_member_per_article(seed_tracker: ClaimTracker) -> None:
    """A cluster holds at most one claim of each article, in date order."""
    for cluster in seed_tracker.clusters():
        articles = [m.article_id for m in cluster.members]
        assert len(articles) == len(set(articles))
        dates = [m.date for m in cluster.members]
        assert dates == sorted(dates)  # type: ignore[type-var]
        assert cluster.origin == cluster.members[0]


def _article(i: int, sentences: list[str]) -> Article:
    return Article(
        id=f"a{i}",
        text="\n".join(sentences),
        date=dt.date(2024, 1, 1) + dt.timedelta(days=i),
        url=f"https://outlet{i % 3}.example/{i}",
    )


POOL = [
    "Russia sent two long-range bombers to patrol the skies over Belarus on Saturday.",
    "Russia sent three long-range bombers to patrol the skies over Belarus on Saturday.",
    "The European Union has accused the government of using migrants as pawns.",
    "The EU has accused the government of using desperate migrants as pawns at the border.",
    "Officials said the bridge over the river would reopen in May after repairs.",
    "Officials said the bridge over the river would reopen in June after repairs.",
    "The central bank raised interest rates by half a percentage point on Thursday.",
    "Heavy rain flooded several villages in the north of the country overnight.",
]


@st.composite
def corpora(draw: st.DrawFn) -> list[Article]:
    n = draw(st.integers(2, 5))
    return [
        _article(i, draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=4, unique=True)))
        for i in range(n)
    ]


def _summary(tracker: ClaimTracker) -> tuple[Any, Any]:
    clusters = sorted(tuple(m.id for m in c.members) for c in tracker.clusters())
    links = sorted((k.a.id, k.b.id, k.relation) for k in tracker.links())
    return clusters, links


@given(corpora(), st.randoms())
@settings(max_examples=40)
def test_clustering_is_order_independent(articles: list[Article], rnd: Any) -> None:
    """The same articles in any order, or added in two batches, give the same clusters."""
    one = ClaimTracker()
    one.add(articles)
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    other = ClaimTracker()
    cut = len(shuffled) // 2
    other.add(shuffled[:cut])
    other.add(shuffled[cut:])
    assert _summary(one) == _summary(other)


@given(corpora(), st.randoms())
@settings(max_examples=30)
def test_corroboration_does_not_depend_on_link_order(articles: list[Article], rnd: Any) -> None:
    """Which links are believed, and every tie, are the same whatever order the links
    and articles come in; a tie holds whenever a repetition of six words joins two articles."""
    tracker = ClaimTracker()
    tracker.add(articles)
    found = tracker.links(corroborated=False)
    vocabulary = vocabulary_of(tracker.index.claims, tracker.index.texts)
    kept, ties = corroborate(found, vocabulary)
    shuffled = list(found)
    rnd.shuffle(shuffled)
    order = list(zip(tracker.index.claims, tracker.index.texts, strict=True))
    rnd.shuffle(order)
    other = vocabulary_of([c for c, _ in order], [t for _, t in order])
    kept_again, ties_again = corroborate(shuffled, other)
    assert sorted(k.a.id + k.b.id for k in kept) == sorted(k.a.id + k.b.id for k in kept_again)
    assert ties == ties_again
    assert {(k.a.id, k.b.id) for k in kept} == {(k.a.id, k.b.id) for k in tracker.links()}
    for link in found:
        if link.relation == "repetition" and len(link.a.text.split()) >= 6:
            assert tracker.tie(link.a.article_id, link.b.article_id).tied


def test_adding_again_changes_nothing(seeds_dir: Path) -> None:
    """Articles already added are skipped."""
    tracker = ClaimTracker()
    tracker.add(read_articles(seeds_dir))
    before = _summary(tracker)
    tracker.add(read_articles(seeds_dir))
    assert _summary(tracker) == before


def test_syndicated_copies_count_once() -> None:
    """Copies of one wire story are one independent report."""
    story = [
        "The storm killed four people in the coastal town on Monday, officials said.",
        "Rescue teams searched the flooded streets for survivors through the night.",
        "The mayor said the town would need months to rebuild its harbour.",
    ]
    articles = [
        Article(id=f"w{i}", text="\n".join(story), url=f"https://paper{i}.example/x")
        for i in range(3)
    ]
    articles.append(
        Article(
            id="own",
            text="The storm killed four people in the coastal town on Monday, officials said.",
            url="https://other.example/y",
        )
    )
    tracker = ClaimTracker()
    tracker.add(articles)
    cluster = tracker.cluster_of("own#0")
    assert cluster is not None and len(cluster.members) == 4
    assert len(cluster.outlets) == 4
    assert cluster.independent == 2


def test_conflicting_details() -> None:
    """Members that give different numbers show a conflict."""
    tracker = ClaimTracker()
    tracker.add(
        [
            _article(1, ["The storm killed four people in the coastal town of Bria on Monday."]),
            _article(2, ["The storm killed five people in the coastal town of Bria on Monday."]),
            _article(3, ["The storm killed six people in the coastal town of Bria on Monday."]),
        ]
    )
    (cluster,) = tracker.clusters()
    kinds = {c.kind for c in cluster.conflicts}
    assert "number" in kinds


_BRIDGE = "River bridge to reopen in May"
_BRIDGE_LATER = "River bridge to reopen in June"
_OWN_A = [
    "The harbour authority published new rules for fishing boats at dawn.",
    "Farmers in the valley complained about the price of fodder this winter.",
    "A choir from the capital sang at the cathedral on Friday evening.",
]
_OWN_B = [
    "Two climbers were rescued from the glacier after a night in the cold.",
    "The museum reopened its gallery of medieval coins to visitors.",
    "Traders expect the price of copper to fall as demand slows.",
]


def test_a_lone_link_between_untied_articles_is_held_back() -> None:
    """Two articles with one similar short sentence and nothing else in common are
    not taken for one story: the link is found, but held back, and the tie says why."""
    tracker = ClaimTracker()
    tracker.add([_article(1, [_BRIDGE, *_OWN_A]), _article(2, [_BRIDGE_LATER, *_OWN_B])])
    found = tracker.links(corroborated=False)
    assert [(k.relation, k.a.text) for k in found] == [("drift", _BRIDGE)]
    assert tracker.links() == []
    assert tracker.clusters() == []
    tie = tracker.tie("a2", "a1")
    assert tie == tracker.tie("a1", "a2")
    assert (tie.articles, tie.links, tie.repetition, tie.tied) == (("a1", "a2"), 1, 0, False)
    assert 0.0 < tie.content < 0.18


def test_a_long_sentence_edited_is_linked_whatever_else_the_articles_share() -> None:
    """A sentence of eight words or more reused with an edit needs no tie."""
    long, edited = POOL[4], POOL[5]
    tracker = ClaimTracker()
    tracker.add([_article(1, [long, *_OWN_A]), _article(2, [edited, *_OWN_B])])
    assert not tracker.tie("a1", "a2").tied
    assert [(k.relation, k.a.text, k.b.text) for k in tracker.links()] == [("drift", long, edited)]


def test_a_repeated_sentence_ties_two_articles() -> None:
    """A sentence of six words or more repeated word for word ties the two articles,
    so their other links are kept."""
    shared = "Rescue teams searched the flooded streets for survivors through the night."
    tracker = ClaimTracker()
    tracker.add(
        [_article(1, [_BRIDGE, *_OWN_A, shared]), _article(2, [_BRIDGE_LATER, *_OWN_B, shared])]
    )
    assert sorted(k.relation for k in tracker.links()) == ["drift", "repetition"]
    tie = tracker.tie("a1", "a2")
    assert tie.tied and tie.repetition == len(shared.split())
    assert tie.reason == f"a repetition of {len(shared.split())} words"


_PREDICTION = "The mayor is almost certain to reject the demands of the striking dockers."
_FACT = (
    "The striking dockers marched to the town hall on Friday and urged the council to raise "
    "their wages and shorten their shifts, demands the mayor has rejected."
)


def test_a_claim_inside_a_longer_one_is_kept_only_between_copies_of_one_story() -> None:
    """A claim found stated inside a longer one (basis ``part``) is believed only when
    the two articles share a repetition, as copies of one wire story do; it does not
    count as a link that ties them."""
    tracker = ClaimTracker()
    tracker.add(
        [
            _article(1, [_PREDICTION, "Cranes at the harbour of Ostrava stood idle."]),
            _article(2, [_FACT, "In Ostrava the harbour cranes were silent."]),
        ]
    )
    (part,) = [k for k in tracker.links(corroborated=False) if k.basis == "part"]
    assert (part.relation, part.a.text, part.b.text) == ("drift", _PREDICTION, _FACT)
    assert [c.type for c in part.changes] == ["certainty"]
    assert part not in tracker.links()
    tie = tracker.tie("a1", "a2")
    others = [k for k in tracker.links(corroborated=False) if k.basis != "part"]
    assert tie.tied and tie.repetition == 0 and tie.links == len(others) == 1
    shared = "Rescue teams searched the flooded streets for survivors through the night."
    copies = ClaimTracker()
    copies.add([_article(1, [_PREDICTION, *_OWN_A, shared]), _article(2, [_FACT, *_OWN_B, shared])])
    assert stated_inside(copies) == []  # a cluster of their own shows them
    assert [(k.relation, k.basis) for k in copies.links()] == [
        ("drift", "part"),
        ("repetition", "words"),
    ]


def test_a_short_repetition_is_kept_but_ties_nothing() -> None:
    """A repetition is always a link, but a short one does not tie two articles."""
    short = "The talks will resume tomorrow."
    tracker = ClaimTracker()
    tracker.add(
        [_article(1, [_BRIDGE, *_OWN_A, short]), _article(2, [_BRIDGE_LATER, *_OWN_B, short])]
    )
    assert [k.relation for k in tracker.links()] == ["repetition"]
    assert not tracker.tie("a1", "a2").tied


def test_tie_of_articles_without_links() -> None:
    """Articles with no link between them are not tied; unknown ids are no error."""
    tracker = ClaimTracker()
    tracker.add([_article(1, _OWN_A), _article(2, _OWN_B)])
    tie = tracker.tie("a1", "a2")
    assert (tie.links, tie.tied, tie.reason) == (0, False, "nothing else in common")
    assert tracker.tie("a1", "nowhere").content == 0.0


def test_index_finds_no_link_within_an_article() -> None:
    """Links join claims of different articles only."""
    index = ClaimIndex()
    a = Claim("x#0", "x", 0, 0, 10, "Russia sent two bombers to Belarus on Saturday.")
    b = Claim("x#1", "x", 1, 11, 20, "Russia sent two bombers to Belarus on Saturday.")
    assert index.add([a, b]) == []
    assert build_clusters([a, b], index.texts, []) == []


def _run(*argv: str) -> list[dict[str, Any]]:
    import io

    out = io.StringIO()
    assert main(list(argv), out=out, err=io.StringIO()) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_links_jsonl_contract(seeds_dir: Path) -> None:
    """One object per linked pair of sentences in different articles."""
    records = _run("links", str(seeds_dir), "--format", "jsonl")
    assert records
    bodies = {p.stem: p.read_text(encoding="utf-8").split("\n", 3)[3] for p in seeds_dir.iterdir()}
    for record in records:
        assert {"a", "b", "relation", "score", "changes"} <= set(record)
        assert record["a"]["article"] != record["b"]["article"]
        for side in ("a", "b"):
            s = record[side]
            assert bodies[s["article"]][s["start"] : s["end"]] == s["text"]
        assert all({"type", "a", "b"} <= set(c) for c in record["changes"])
    assert {"repetition", "drift", "agreement", "related"} <= {r["relation"] for r in records}


def test_links_all_shows_what_was_held_back(tmp_path: Path) -> None:
    """``links --all`` prints the links held back too, each with the tie of its articles."""
    (tmp_path / "two.jsonl").write_text(
        "".join(
            json.dumps({"id": f"a{n}", "text": "\n".join(body)}) + "\n"
            for n, body in ((1, [_BRIDGE, *_OWN_A]), (2, [_BRIDGE_LATER, *_OWN_B]))
        ),
        encoding="utf-8",
    )
    assert _run("links", str(tmp_path), "--format", "jsonl") == []
    (record,) = _run("links", str(tmp_path), "--format", "jsonl", "--all")
    assert (record["relation"], record["basis"], record["kept"]) == ("drift", "words", False)
    assert record["tie"]["tied"] is False and record["tie"]["links"] == 1
    assert record["tie"]["reason"] == "nothing else in common"


def test_clusters_jsonl_contract(seeds_dir: Path) -> None:
    """One object per cluster of two or more members, with timeline and outlets."""
    records = _run("clusters", str(seeds_dir), "--format", "jsonl")
    assert len(records) >= 4
    for record in records:
        assert len(record["members"]) >= 2
        assert record["origin"] == record["members"][0]
        assert {"relations", "outlets", "independent_reports", "conflicts"} <= set(record)
        assert [m["date"] for m in record["members"]] == sorted(
            m["date"] for m in record["members"]
        )


def test_report_shows_how_claims_travel(seeds_dir: Path) -> None:
    """The report shows the repetition, the typed drift with its word diff, and agreements."""
    import io

    out = io.StringIO()
    assert main(["report", str(seeds_dir), "--width", "200"], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    travel = text[text.index("HOW CLAIMS TRAVEL") : text.index("ARTICLES")]
    assert "[REPETITION]" in travel and "[DRIFT]" in travel and "[AGREEMENT]" in travel
    assert "[-wouldnt elaborate-] {+hasnt elaborated+}" in travel
    assert "{+atomic+}" in travel
    assert "changes: tense" in travel
    assert "RELATED CLAIMS" in travel
    # the prediction become a fact, whose longer claim is in another cluster, shown apart
    inside = travel[travel.index("STATED INSIDE LONGER REPORTS (1)") : travel.index("RELATED")]
    assert "almost certain to reject Moscow's demands." in inside
    assert "(drift) Russia has denied" in inside
    assert "changes: certainty: \u201calmost certain\u201d" in inside


def test_paused_gc_restores_the_collector() -> None:
    """A bulk load pauses the garbage collector and leaves it as it found it, even on error."""
    import gc

    from claimtrack.analysis import paused_gc

    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_id_taken_by_another_article_is_refused() -> None:
    """A different article under a known id is an error, in one batch or across batches."""
    may = Article(id="x", text="The bridge will reopen in May, officials said.")
    june = Article(id="x", text="The bridge will reopen in June, officials said.")
    tracker = ClaimTracker()
    with pytest.raises(DuplicateArticleError, match="'x'"):
        tracker.add([may, june])
    assert tracker.claims == []
    tracker.add([may])
    with pytest.raises(DuplicateArticleError):
        tracker.add([june])
    tracker.add([may])  # the same article again changes nothing
    assert len(tracker.articles) == 1


@pytest.mark.parametrize("bad", ["seeds/", None, 3, Article(id="a", text="x"), ["text"]])
def test_tracker_and_analyze_take_articles(bad: object) -> None:
    """Anything but an iterable of articles is a TypeError saying what is wanted."""
    with pytest.raises(TypeError, match="Article"):
        ClaimTracker().add(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Article"):
        analyze(bad)  # type: ignore[arg-type]


def _wire_copies(n: int) -> list[Article]:
    story = [
        "WASHINGTON (AP) \u2014 The storm killed four people in the coastal town on Monday, "
        "officials said.",
        "Advertisement",
        "Rescue teams searched the flooded streets for survivors through the night.",
        "12:45 p.m.",
        "Copyright 2024 The Associated Press. All rights reserved.",
    ]
    return [
        Article(
            id=f"w{k:03d}",
            text="\n".join([*story, f"Local officials in district {k} said schools stay shut."]),
            date=dt.date(2024, 3, 1 + k % 9),
            url=f"https://paper{k % 7}.example/{k}",
        )
        for k in range(n)
    ]


def test_wire_copies_cost_one_link_each() -> None:
    """n copies of a sentence make n - 1 links and one cluster, never n(n-1)/2 links."""
    tracker = ClaimTracker()
    tracker.add(_wire_copies(40))
    repetitions = tracker.links("repetition", corroborated=False)
    assert len(repetitions) == 2 * 39
    story = ("The storm killed", "Rescue teams")
    big = [c for c in tracker.clusters() if c.origin.text.startswith(story)]
    assert sorted(len(c.members) for c in big) == [40, 40]
    for cluster in big:
        assert len(cluster.links) == 39
        assert cluster.independent == 1  # copies of one wire story
        origin = cluster.origin
        assert all(link.a == origin for link in cluster.links)


def test_fragments_never_cluster() -> None:
    """Time stamps, 'Advertisement' and other fragments repeated everywhere link nothing."""
    tracker = ClaimTracker()
    tracker.add(_wire_copies(10))
    clustered = {m.text for c in tracker.clusters() for m in c.members}
    assert "12:45 p.m." not in clustered and "Advertisement" not in clustered
    assert all(len(k.a.text.split()) >= 5 for k in tracker.links(corroborated=False))


@given(st.permutations(range(12)), st.integers(1, 11))
@settings(max_examples=20)
def test_copies_link_the_same_in_any_order(order: list[int], cut: int) -> None:
    """Which copy is linked to which does not depend on the order of adding."""
    articles = _wire_copies(12)
    one = ClaimTracker()
    one.add(articles)
    other = ClaimTracker()
    shuffled = [articles[k] for k in order]
    other.add(shuffled[:cut])
    other.add(shuffled[cut:])
    assert _summary(one) == _summary(other)


def test_text_report_caps_the_members_shown() -> None:
    """A cluster of many copies shows its first reports and how many more there are."""
    from claimtrack.report import render_report

    tracker = ClaimTracker()
    tracker.add(_wire_copies(30))
    text = render_report(tracker.analysis(), tracker=tracker, shown=3)
    assert text.count("... and 27 more reports in 7 outlets") == 3
    assert "and 27 more" not in render_report(tracker.analysis(), tracker=tracker, shown=0)


def test_no_chain_through_a_shared_frame() -> None:
    """A claim linked to a member of a cluster joins it only if it states what the
    cluster's earliest claim states: pairs sharing a frame do not chain."""
    from claimtrack.claimtext import prepare_claim
    from claimtrack.clusters import Link
    from claimtrack.relations import Relation

    texts = [
        "I think the governor will sign the budget bill before the recess.",
        "I think the governor will sign the bill, the aide said.",
        "I think the aide is wrong about the storm damage in the harbour.",
    ]
    claims = [
        Claim(f"a{k}#0", f"a{k}", 0, 0, len(t), t, date=dt.date(2024, 1, 1 + k))
        for k, t in enumerate(texts)
    ]
    prepared = [prepare_claim(c) for c in claims]
    links = [
        Link(claims[0], claims[1], Relation("drift", 90.0)),
        Link(claims[1], claims[2], Relation("drift", 80.0)),
    ]
    (cluster,) = build_clusters(claims, prepared, links)
    assert [m.id for m in cluster.members] == ["a0#0", "a1#0"]
    # a third claim that does state the origin's claim joins through any member
    claims[2] = Claim("a2#0", "a2", 0, 0, len(texts[0]), texts[0], date=dt.date(2024, 1, 3))
    prepared[2] = prepare_claim(claims[2])
    links[1] = Link(claims[1], claims[2], Relation("drift", 80.0))
    (cluster,) = build_clusters(claims, prepared, links)
    assert len(cluster.members) == 3


def test_the_tracker_uses_the_index_it_is_given() -> None:
    """An empty index is falsy (it has a length): it must be used all the same."""
    index = ClaimIndex(anchor_cap=0)
    tracker = ClaimTracker(index=index)
    assert tracker.index is index


def test_a_tracker_without_analyses_links_and_clusters_the_same(seeds_dir: Path) -> None:
    """keep_analyses=False keeps only claims, links and clusters: the same ones."""
    articles = read_articles(seeds_dir)
    full, lean = ClaimTracker(), ClaimTracker(keep_analyses=False)
    lean.add(articles)
    full.add(articles)
    assert lean.articles == [] and len(full.articles) == len(articles)
    assert [(c.id, c.speakers, c.named_speakers) for c in lean.claims] == [
        (c.id, c.speakers, c.named_speakers) for c in full.claims
    ]
    assert [(k.a.id, k.b.id, k.relation) for k in lean.links()] == [
        (k.a.id, k.b.id, k.relation) for k in full.links()
    ]
    assert [[m.id for m in c.members] for c in lean.clusters()] == [
        [m.id for m in c.members] for c in full.clusters()
    ]
    with pytest.raises(ValueError, match="keeps no analyses"):
        lean.analysis()
    lean.add(articles)  # the same articles again: known by their content hash
    assert len(lean.claims) == len(full.claims)
    with pytest.raises(DuplicateArticleError):
        lean.add([attrs.evolve(articles[0], text=articles[0].text + " More.")])


def test_every_member_is_explained_by_a_defined_relation() -> None:
    """Each report of a cluster is shown against its closest earlier version with a
    defined relation (repetition, agreement, drift), never an undefined one."""
    from claimtrack.report import render_report

    first = "The plant on the river will close in May, the company said on Monday."
    longer = (
        "The plant on the river will close in May, the company said on Monday, "
        "and about 300 workers will lose their jobs."
    )
    texts = [first, longer, longer, first + " Trade unions protested."]
    articles = [
        Article(id=f"p{k}", text=text, date=dt.date(2024, 5, 1 + k), url=f"https://o{k}.example/")
        for k, text in enumerate(texts)
    ]
    tracker = ClaimTracker()
    tracker.add(articles)
    (cluster,) = [c for c in tracker.clusters() if len(c.members) >= 3]
    assert cluster.explain(cluster.origin.id) is None
    for member in cluster.members[1:]:
        link = cluster.explain(member.id)
        assert link is not None and link.relation in ("repetition", "agreement", "drift")
        assert member.id in (link.a.id, link.b.id)
    copy = next(m for m in cluster.members if m.article_id == "p2")
    explained = cluster.explain(copy.id)
    assert explained is not None and explained.relation == "repetition"
    assert explained.a.article_id == "p1"  # its closest earlier version, not the origin
    report = render_report(tracker.analysis(), tracker=tracker)
    assert "same claim" not in report
    assert "(repetition of 2024-05-02 o1.example)" in report


def test_a_quote_credited_to_different_people_is_a_conflict() -> None:
    """The same words in two mouths (a misattribution) are a speaker conflict of the
    cluster, with the outlets on each side; a bare surname is its full name."""
    from claimtrack.report import cluster_record

    quote = "the border will stay open to refugees until the end of March"
    texts = [
        f'Chancellor Angela Merkel said "{quote}."',
        f'Merkel said "{quote}."',
        f'Interior Minister Horst Seehofer said "{quote}."',
    ]
    articles = [
        Article(id=f"q{k}", text=t, date=dt.date(2024, 3, 1 + k), url=f"https://n{k}.example/")
        for k, t in enumerate(texts)
    ]
    tracker = ClaimTracker()
    tracker.add(articles)
    (cluster,) = tracker.clusters()
    (speaker,) = [c for c in cluster.conflicts if c.kind == "speaker"]
    assert dict(speaker.values) == {"Angela Merkel": ("q0#0", "q1#0"), "Horst Seehofer": ("q2#0",)}
    record = cluster_record(cluster)
    (sides,) = [c["values"] for c in record["conflicts"] if c["kind"] == "speaker"]
    assert [side["outlets"] for side in sides] == [["n0.example", "n1.example"], ["n2.example"]]


def test_a_reversal_is_a_conflict_of_its_cluster() -> None:
    texts = [
        "Prices of bread rose 3 percent in June, the statistics office said on Friday.",
        "Prices of bread fell 3 percent in June, the statistics office said on Friday.",
    ]
    articles = [
        Article(id=f"r{k}", text=t, date=dt.date(2024, 7, 1 + k)) for k, t in enumerate(texts)
    ]
    tracker = ClaimTracker()
    tracker.add(articles)
    (cluster,) = tracker.clusters()
    assert cluster.relation == "drift" and cluster.links[0].conflict
    (reversal,) = [c for c in cluster.conflicts if c.kind == "reversal"]
    assert dict(reversal.values) == {"rose": ("r0#0",), "fell": ("r1#0",)}


def test_copies_of_one_agency_story_are_one_report(seeds_dir: Path) -> None:
    """Both seed articles are AP copy (AP datelines, an 18-word sentence word for
    word): one independent report, whatever else each outlet wrote; articles that
    credit no agency, or different ones, stay apart."""
    tracker = ClaimTracker()
    tracker.add(read_articles(seeds_dir))
    assert {c.agency for c in tracker.claims} == {"AP"}
    assert all(c.independent == 1 for c in tracker.clusters())
    passage = (
        "The storm flooded the harbour district overnight and closed the coastal road to traffic."
    )
    texts = [
        f"BRIA (AP) - {passage} Two ferries were cancelled.",
        f"BRIA (Reuters) - {passage} Schools stayed shut.",
        f"BRIA (AP) - {passage} Shops opened late.",
    ]
    other = ClaimTracker()
    other.add(
        [
            Article(id=f"x{k}", text=text, url=f"https://o{k}.example/")
            for k, text in enumerate(texts)
        ]
    )
    (cluster,) = [c for c in other.clusters() if len(c.members) == 3]
    assert cluster.independent == 2  # the two AP copies are one report, Reuters another


def test_extend_with_prepared_texts_as_without() -> None:
    """Claims given with their prepared texts are indexed as the index prepares them;
    a text missing is an error, not a silent shift."""
    from claimtrack.claimtext import prepare_claim

    claims = [
        Claim("x#0", "x", 0, 0, 30, "Russia sent two bombers to Belarus."),
        Claim("y#0", "y", 0, 0, 30, "Russia sent two bombers to Belarus on Saturday."),
    ]
    given, made = ClaimIndex(), ClaimIndex()
    given.extend(claims, texts=[prepare_claim(c) for c in claims])
    made.extend(claims)
    assert given.links() == made.links() != []
    with pytest.raises(ValueError, match="2 claims but 1 prepared texts"):
        ClaimIndex().extend(claims, texts=[prepare_claim(claims[0])])


NAMED = [
    *POOL,
    "Merkel said the border would stay open until March, officials confirmed.",
    "Chancellor Angela Merkel said the border would stay open until March.",
    "Angela Merkel told reporters the border would stay open until the spring.",
]


@given(
    st.lists(st.lists(st.sampled_from(NAMED), min_size=1, max_size=4), min_size=2, max_size=5),
    st.integers(1, 5),
    st.randoms(),
)
@settings(max_examples=40, deadline=None)
def test_indexing_words_first_equals_indexing_named_claims(
    texts: list[list[str]], chunk: int, rnd: Any
) -> None:
    """Claims indexed by their words as they are analysed (in pieces of any size),
    their speakers named at the end, give what indexing the named claims gives."""
    articles = [_article(i, sentences) for i, sentences in enumerate(texts)]
    done = claims_of(articles, SentenceSplitter.default())
    speakers = SpeakerIndex.build(name for item in done for name in item.names)
    raw = [claim for item in done for claim in item.claims]
    words = [text for item in done for text in item.texts]
    named = [renamed(claim, speakers) for claim in raw]
    prepared = [claim_sources(t, c) for t, c in zip(words, named, strict=True)]
    whole = ClaimIndex(chunk=chunk)
    whole.extend(named, texts=prepared)
    streamed = ClaimIndex(chunk=chunk)
    k = 0
    while k < len(raw):
        step = rnd.randint(1, 4)
        streamed.add_words(raw[k : k + step], words[k : k + step])
        k += step
    streamed.finish_words(named, prepared)
    assert streamed.claims == whole.claims and streamed.texts == whole.texts
    assert streamed.links() == whole.links()
    assert streamed.state() == whole.state()


@given(st.lists(st.integers(-(2**62), 2**62), max_size=60))
def test_distinct_is_numpy_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert _distinct(array).tolist() == np.unique(array).tolist()
