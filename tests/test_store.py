"""The claim store: kept between runs, idempotent, crash-safe, incremental equals batch."""

from __future__ import annotations

import datetime as dt
import gc
import io
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack.store as store_module
from claimtrack.analysis import analyze, freeze_bulk_loads, paused_gc
from claimtrack.articles import Article, read_articles
from claimtrack.claimtext import ClaimText, packed, unpacked
from claimtrack.cli import main
from claimtrack.clusters import ClaimIndex
from claimtrack.store import ClaimStore, StoreError
from claimtrack.tracker import ClaimTracker

ROOT = Path(__file__).resolve().parent.parent

STORY = [
    "Chancellor Angela Merkel said the border would stay open until March.",
    "Merkel said the border would stay open until March, officials confirmed.",
    "The storm killed four people in the coastal town on Monday, officials said.",
    "The storm killed five people in the coastal town on Monday, officials said.",
    "Rescue teams searched the flooded streets for survivors through the night.",
    "The mayor said the town would need months to rebuild its harbour.",
    "Prices rose 3 percent in June, the ministry said on Friday.",
    "Prices rose 4 percent in June, the ministry said on Friday.",
]


def corpus(n: int = 12) -> list[Article]:
    """Articles mixing copies, drifts and speakers named two ways."""
    out = []
    for k in range(n):
        picked = [STORY[(k * 3 + j) % len(STORY)] for j in range(3)]
        out.append(
            Article(
                id=f"a{k:02d}",
                text="\n".join(picked),
                date=dt.date(2024, 1, 1 + k % 20),
                url=f"https://outlet{k % 5}.example/{k}",
            )
        )
    return out


def summary(x: Any) -> tuple[Any, ...]:
    """What must not depend on batching: clusters, kept links, canonical speakers."""
    clusters = sorted(
        (tuple(m.id for m in c.members), c.relation, c.independent) for c in x.clusters()
    )
    links = sorted((k.a.id, k.b.id, k.relation, k.changes) for k in x.links())
    speakers = sorted({x.speakers().name(a.speaker_name) for a in x.attributions} - {None})
    return clusters, links, speakers


def one_shot(articles: list[Article]) -> tuple[Any, ...]:
    tracker = ClaimTracker()
    tracker.add(articles)
    return summary(tracker)


def test_store_equals_one_shot_on_the_seeds(tmp_path: Path) -> None:
    """Ingested, closed and opened again, the seeds give the clusters of one run."""
    seeds = list(read_articles(ROOT / "seeds"))
    with ClaimStore(tmp_path / "s.db") as store:
        report = store.add(seeds)
    assert (report.added, report.replaced, report.unchanged) == (2, 0, 0)
    with ClaimStore(tmp_path / "s.db") as store:
        assert summary(store) == one_shot(seeds)
        assert [c.relation for c in store.clusters()][:3] == ["drift", "repetition", "agreement"]


def test_taking_a_store_back_reports_its_progress(tmp_path: Path) -> None:
    """Taking back a store's claims (a minute for a million) is reported as it goes:
    claims read, then claims indexed, each counting up to the claims stored; the
    tracker is the same with or without a listener."""
    path = tmp_path / "s.db"
    articles = corpus()
    with ClaimStore(path) as store:
        store.add(articles[:-1])
        stored = store.count("claims")
    seen: list[tuple[str, int, int]] = []
    with ClaimStore(path) as store:
        tracker = store.tracker(stages=lambda *step: seen.append(step))
        with ClaimStore(path) as quiet:
            assert summary(store) == summary(quiet)
            plain = quiet.tracker()
            assert [c.members for c in tracker.clusters()] == [c.members for c in plain.clusters()]
            assert tracker.links() == plain.links()
    names = [name for name, _, _ in seen]
    assert names[0] == "reading the store" and names[-1] == "indexing the store"
    assert names == sorted(names, key=["reading the store", "indexing the store"].index)
    for name in ("reading the store", "indexing the store"):
        counts = [(done, total) for step, done, total in seen if step == name]
        assert counts[-1] == (stored, stored)
        assert [done for done, _ in counts] == sorted(done for done, _ in counts)
    seen.clear()
    with ClaimStore(path) as store:  # adding to it takes it back first
        store.add(articles[-1:], stages=lambda *step: seen.append(step))
    names = [name for name, _, _ in seen]
    assert names.index("reading the store") < names.index("indexing the store")
    assert names.index("indexing the store") < names.index("indexing") < names.index("linking")


def test_a_report_reads_the_store_without_taking_its_claims_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report (text, or the page's document) of a store reads its clusters and
    links from the tables: the same report as from the tracker, without the
    claims taken back (a minute and gigabytes for a million claims)."""
    from claimtrack.document import report_document
    from claimtrack.report import render_report

    path = tmp_path / "s.db"
    seeds = list(read_articles(ROOT / "seeds"))
    with ClaimStore(path) as store:
        store.add([*corpus(), *seeds])
    with ClaimStore(path) as store:
        analysis = store.analysis()
        tracker = store.tracker()
        text = render_report(analysis, tracker=tracker, limit=0, shown=0)
        document = report_document(analysis, tracker)
    assert "STATED INSIDE" in text and document["related"] and document["clusters"]

    def no_taking_back(self: ClaimStore, stages: Any = None) -> ClaimTracker:
        raise AssertionError("the store's claims were taken back")

    monkeypatch.setattr(ClaimStore, "_load", no_taking_back)
    with ClaimStore(path) as store:
        assert render_report(analysis, tracker=store, limit=0, shown=0) == text
        assert report_document(analysis, store) == document
        assert store.claim_count == tracker.claim_count == len(tracker.claims)


@pytest.mark.parametrize("batch", [1, 3, 100])
def test_analyses_are_read_a_few_at_a_time(
    batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`analyses()` gives what `analysis()` holds, article by article in the order
    added, speakers named across the whole store ("Merkel" of one batch is
    "Angela Merkel" of another), while reading at most ``batch`` articles at a time."""
    path = tmp_path / "s.db"
    alone = Article(id="m", text="Merkel said the border would stay open until March.")
    articles = [alone, *corpus()]
    with ClaimStore(path, batch=4) as store:
        for k in range(0, len(articles), 4):  # named within each add, then across
            store.add(articles[k : k + 4])
        stored = {row[0] for row in store._db.execute("SELECT speaker_name FROM attributions")}
        whole = store.analysis().articles
    named = {a.speaker_name for item in whole for a in item.attributions}
    assert "Merkel" in stored and "Merkel" not in named  # an add without her full name
    read: list[int] = []
    of = ClaimStore._analyses_of

    def counted(self: ClaimStore, chosen: list[Article], everything: bool = False) -> Any:
        read.append(len(chosen))
        return of(self, chosen, everything)

    monkeypatch.setattr(ClaimStore, "_analyses_of", counted)
    with ClaimStore(path) as store:
        assert list(store.analyses(batch=batch)) == list(whole)
    assert max(read) == min(batch, len(articles)) and sum(read) == len(articles)


def test_adding_again_changes_nothing(tmp_path: Path) -> None:
    """An unchanged article is left alone: no row and no time stamp changes."""
    articles = corpus()
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles)
    before = _dump(path)
    with ClaimStore(path) as store:
        report = store.add(articles)
    assert (report.added, report.replaced, report.unchanged) == (0, 0, len(articles))
    assert _dump(path) == before


def _dump(path: Path) -> dict[str, list[Any]]:
    db = sqlite3.connect(path)
    try:
        return {
            table: sorted(map(tuple, db.execute(f"SELECT * FROM {table}")), key=repr)
            for table in ("articles", "claims", "links", "clusters", "cluster_members")
        }
    finally:
        db.close()


def test_a_changed_article_replaces_its_old_claims(tmp_path: Path) -> None:
    """Same id, new text: the old claims and links go, the new ones come, as in one run."""
    articles = corpus(8)
    changed = Article(
        id=articles[3].id,
        text="Officials said the old bridge over the river would reopen in May after repairs.",
        date=articles[3].date,
        url=articles[3].url,
    )
    with ClaimStore(tmp_path / "s.db") as store:
        store.add(articles)
        report = store.add([changed])
        assert (report.added, report.replaced) == (0, 1)
        texts = {c.text for c in store.claims if c.article_id == changed.id}
        assert texts == {changed.text}
        final = [changed if a.id == changed.id else a for a in articles]
        assert summary(store) == one_shot(final)


def test_duplicate_ids_in_one_input_are_reported(tmp_path: Path) -> None:
    """The later of two articles under one id is left out and reported."""
    a = Article(id="x", text="The bridge will reopen in May, officials said.")
    b = Article(id="x", text="The bridge will reopen in June, officials said.")
    with ClaimStore(tmp_path / "s.db") as store:
        report = store.add([a, b, a])
        assert report.added == 1 and len(report.duplicates) == 1
        assert "'x'" in str(report.duplicates[0])
        assert [c.text for c in store.claims] == [a.text]


@given(st.permutations(range(12)), st.lists(st.integers(1, 11), max_size=3, unique=True))
@settings(max_examples=15, deadline=None)
def test_batches_in_any_order_equal_one_batch(order: list[int], cuts: list[int]) -> None:
    """Ingesting in any number of runs, in any order, gives the claims, canonical
    speakers and clusters of one run."""
    import tempfile

    articles = corpus()
    shuffled = [articles[k] for k in order]
    bounds = [0, *sorted(cuts), len(shuffled)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.db"
        for lo, hi in itertools.pairwise(bounds):
            with ClaimStore(path, batch=3) as store:
                store.add(shuffled[lo:hi])
        with ClaimStore(path) as store:
            assert sorted(c.id for c in store.claims) == sorted(
                c.id for a in [ClaimTracker()] for c in _claims_of(articles)
            )
            assert summary(store) == one_shot(articles)


def _claims_of(articles: list[Article]) -> list[Any]:
    tracker = ClaimTracker()
    tracker.add(articles)
    return tracker.claims


_INGEST = """
import sys, time
sys.path.insert(0, {tests!r})
from test_store import corpus
from claimtrack.store import ClaimStore
def slow(done):
    time.sleep(0.2)
with ClaimStore({path!r}, batch=2) as store:
    store.add(corpus(24), progress=slow)
"""


def test_kill_9_mid_ingest_then_again(tmp_path: Path) -> None:
    """A run killed at any moment leaves whole articles only; running again completes it."""
    path = tmp_path / "s.db"
    code = _INGEST.format(tests=str(Path(__file__).parent), path=str(path))
    child = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and stored < 4:
        time.sleep(0.05)
        if path.exists():
            try:
                db = sqlite3.connect(path, timeout=0.1)
                stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
                db.close()
            except sqlite3.Error:
                stored = 0
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert 4 <= stored < 24
    db = sqlite3.connect(path)
    ids = {row[0] for row in db.execute("SELECT id FROM articles")}
    with_claims = {row[0] for row in db.execute("SELECT DISTINCT article_id FROM claims")}
    with_sentences = {row[0] for row in db.execute("SELECT DISTINCT article_id FROM sentences")}
    db.close()
    assert ids == with_claims == with_sentences  # no partial article
    with ClaimStore(path) as store:
        report = store.add(corpus(24))
        assert report.unchanged == len(ids) and report.added == 24 - len(ids)
        assert summary(store) == one_shot(corpus(24))


def test_a_failing_batch_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch that fails midway leaves the store as it was; adding again works."""
    articles = corpus(6)
    path = tmp_path / "s.db"
    with ClaimStore(path, batch=3) as store:
        store.add(articles[:3])
    before = _dump(path)

    def broken(self: ClaimStore, *args: Any) -> None:
        raise OSError(28, "No space left on device")

    with ClaimStore(path, batch=3) as store:
        monkeypatch.setattr(ClaimStore, "_insert_claims", broken)
        with pytest.raises(OSError, match="No space"):
            store.add(articles)
        monkeypatch.undo()
        assert _dump(path) == before
        store.add(articles)
        assert summary(store) == one_shot(articles)


def test_links_cut_short_are_rewritten_on_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If an add stops after its batches but before its links and clusters are
    rewritten, opening the store rewrites them."""
    articles = corpus(8)
    path = tmp_path / "s.db"

    def broken(self: ClaimStore, *args: Any) -> None:
        raise KeyboardInterrupt

    with ClaimStore(path, batch=3) as store:
        monkeypatch.setattr(ClaimStore, "_write_links", broken)
        with pytest.raises(KeyboardInterrupt):
            store.add(articles)
        monkeypatch.undo()
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(articles)
    assert db.execute("SELECT value FROM meta WHERE key = 'derived'").fetchone()[0] == "stale"
    db.close()
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles)
    assert _dump(path)["clusters"]  # written again
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'derived'").fetchone()[0] == "fresh"
    db.close()


def test_not_a_store(tmp_path: Path) -> None:
    """A file that is not a claimtrack store is refused, and left as it was."""
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="not a claimtrack store"):
        ClaimStore(text)
    assert text.read_text(encoding="utf-8") == "hello"
    other = tmp_path / "other.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="another program"):
        ClaimStore(other)


def test_newer_or_damaged_schema(tmp_path: Path) -> None:
    """A store of a newer schema is refused with what to do; so is a damaged one."""
    path = tmp_path / "s.db"
    ClaimStore(path).close()
    for version, words in ((99, "newer claimtrack"), (0, "damaged")):
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()
        db.close()
        with pytest.raises(StoreError, match=words):
            ClaimStore(path)


def _fields(text: ClaimText) -> list[list[str]]:
    """A prepared text's fields, as a store keeps them (see :func:`packed`)."""
    return [
        list(text.words),
        list(text.stem_keys),
        sorted(text.numbers),
        sorted(text.names),
        sorted(text.speakers),
        sorted(text.cues),
        sorted(text.named),
        list(text.canonical),
    ]


def stale_store(
    tmp_path: Path,
    articles: list[Article],
    claim_id: str,
    edit: Callable[[list[list[str]]], None],
    version: int,
    *statements: str,
) -> Path:
    """A store of ``articles`` made to look as an older schema left it: one claim's
    prepared text edited as that schema had it, no links or entry pairs, the schema
    version set back (and ``statements`` run)."""
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles)
    db = sqlite3.connect(path)
    prepared = _fields(
        unpacked(db.execute("SELECT prepared FROM claims WHERE id = ?", (claim_id,)).fetchone()[0])
    )
    edit(prepared)
    db.execute(
        "UPDATE claims SET prepared = ?, entry = 'x' WHERE id = ?", (json.dumps(prepared), claim_id)
    )
    db.execute("DELETE FROM links")
    db.execute("DELETE FROM entry_pairs")
    if version < 4:  # before schema 4, members knew no report
        db.execute("ALTER TABLE cluster_members DROP COLUMN report")
    if version < 7:  # before schema 7, claims kept no index keys
        db.execute("ALTER TABLE claims DROP COLUMN keys")
        db.execute("DELETE FROM meta WHERE key = 'keys'")
    for statement in statements:
        db.execute(statement)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
    return path


def test_a_version_1_store_is_migrated(tmp_path: Path) -> None:
    """Schema 1 prepared numbers as written: opened now, its claims are prepared
    again ("2,000" = "2000"), compared anew, and it equals a store built today."""
    articles = [
        *corpus(),
        Article(
            id="n1", text="BRIA (AP) - The company hired 2,000 new workers in the town last year."
        ),
        Article(id="n2", text="The company hired 2000 new workers in the town last year."),
    ]

    def as_schema_1(prepared: list[list[str]]) -> None:
        prepared[0] = [w for w in prepared[0] if w != "2000"] + ["2", "000"]

    path = stale_store(
        tmp_path, articles, "n1#0", as_schema_1, 1, "ALTER TABLE claims DROP COLUMN agency"
    )
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles)
        assert ("n1#0", "n2#0", "repetition") in {
            (k.a.id, k.b.id, k.relation) for k in store.links()
        }
        assert {c.id: c.agency for c in store.claims}["n1#0"] == "AP"
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION == 7
    assert db.execute("SELECT count(*) FROM meta WHERE key = 'index'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM entry_pairs").fetchone()[0] > 0
    db.close()
    with ClaimStore(path) as store:  # opened again: nothing left to compare
        assert summary(store) == one_shot(articles)


def test_a_version_2_store_is_migrated(tmp_path: Path) -> None:
    """Schema 2 stemmed "rose" as "rose": opened now, its claims are prepared again
    ("rose" as "rise") and compared anew, and it equals a store built today."""
    articles = [
        *corpus(),
        Article(id="r1", text="Prices of grain rise every spring across the region, traders said."),
        Article(id="r2", text="Prices of grain rose every spring across the region, traders said."),
    ]

    def as_schema_2(prepared: list[list[str]]) -> None:
        prepared[1] = sorted({*prepared[1], "rose"} - {"rise"})

    path = stale_store(tmp_path, articles, "r2#0", as_schema_2, 2)
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles)
        found = {(k.a.id, k.b.id): k for k in store.links()}
        assert [c.type for c in found["r1#0", "r2#0"].changes if c.material] == ["tense"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 7
    assert (
        "rise"
        in unpacked(
            db.execute("SELECT prepared FROM claims WHERE id = 'r2#0'").fetchone()[0]
        ).stem_keys
    )
    db.close()


def test_a_version_3_store_is_migrated(tmp_path: Path) -> None:
    """Schema 3 kept no member's report: opened now, its clusters are written anew
    and read from the tables as the tracker builds them."""
    articles = corpus()
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles)
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE cluster_members DROP COLUMN report")
    db.execute("ALTER TABLE claims DROP COLUMN keys")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles)
        built = store.tracker().clusters()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM cluster_members WHERE report = ''").fetchone()[0] == 0
    db.close()
    with ClaimStore(path) as store:
        assert store.clusters() == built
        assert store._tracker is None  # read from the tables, nothing rebuilt


def test_a_store_keeps_its_index_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count_signatures: Callable[[], list[int]]
) -> None:
    """The index's keys are stored with the claims: a store taken back computes none,
    and adding to it computes only the new claims' keys; the result is as if the
    keys had been computed again."""
    fresh = "A new bridge over the river opened to traffic on Tuesday morning."
    articles = [*corpus(12), Article(id="new", text=fresh)]
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles[:8])
    db = sqlite3.connect(path)
    stored = db.execute("SELECT count(*) FROM claims WHERE keys IS NOT NULL").fetchone()[0]
    db.close()
    assert stored > 0
    counts = count_signatures()
    with ClaimStore(path) as store:
        store.tracker()
        assert sum(counts) == 0
        store.add(articles[8:])
        later = {a.id for a in articles[8:]}
        assert 0 < sum(counts) <= sum(c.article_id in later for c in store.claims)
        assert summary(store) == one_shot(articles)
    monkeypatch.undo()
    # keys made under other parameters are not used: all computed, and rewritten
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'other' WHERE key = 'keys'")
    db.execute("UPDATE claims SET keys = zeroblob(8 * 19) WHERE keys IS NOT NULL")
    db.commit()
    db.close()
    late = Article(id="late", text="A late report of the harbour rules came today.")
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles)
        store.add([late])
        assert summary(store) == one_shot([*articles, late])
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'keys'").fetchone()[0] == (
        ClaimIndex().key_parameters
    )
    assert (
        db.execute("SELECT count(*) FROM claims WHERE keys = zeroblob(8 * 19)").fetchone()[0] == 0
    )
    db.close()


def test_a_version_6_store_is_migrated(
    tmp_path: Path, count_signatures: Callable[[], list[int]]
) -> None:
    """Schema 6 kept no index keys: opened now, it equals a store built today; its
    keys are computed when it is read and written with the next batch."""
    articles = corpus(10)
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles[:8])
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE claims DROP COLUMN keys")
    db.execute("DELETE FROM meta WHERE key = 'keys'")
    db.execute(  # schema 6 indexed claims for search by a trigger
        "CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN INSERT INTO claims_fts(rowid, "
        "text) VALUES (new.rowid, new.text); END"
    )
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    with ClaimStore(path) as store:
        assert summary(store) == one_shot(articles[:8])
        store.add(articles[8:])
        assert summary(store) == one_shot(articles)
        found = [c.id for c in store.search("storm")]
        assert found and len(set(found)) == len(found)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM claims WHERE keys IS NOT NULL").fetchone()[0] > 0
    db.close()
    counts = count_signatures()
    with ClaimStore(path) as store:
        store.tracker()
    assert sum(counts) == 0


def test_clusters_and_links_are_read_from_the_tables(tmp_path: Path) -> None:
    """A store's clusters and links, read from its tables, are those its tracker
    builds, member reports and held-back links included; a store whose last add
    was cut short is rebuilt instead."""
    lone = [  # one short drift between two articles with nothing else in common
        "River bridge to reopen in May\nThe harbour authority published new rules for "
        "fishing boats at dawn.\nFarmers in the valley complained about the price of fodder.",
        "River bridge to reopen in June\nTwo climbers were rescued from the glacier after "
        "a night in the cold.\nThe museum reopened its gallery of medieval coins to visitors.",
    ]
    articles = corpus(16) + [Article(id=f"h{k}", text=text) for k, text in enumerate(lone)]
    with ClaimStore(tmp_path / "s.db", batch=5) as store:
        store.add(articles)
        tracker = store.tracker()
        clusters = tracker.clusters()
        links = {
            (relations, kept): tracker.links(*relations, corroborated=kept)
            for relations in ((), ("drift",), ("repetition", "agreement"))
            for kept in (True, False)
        }
    assert any(len(set(c.reports)) < len(c.reports) for c in clusters)  # wire copies
    assert len(links[(), False]) > len(links[(), True])  # some links held back
    with ClaimStore(tmp_path / "s.db") as store:
        assert store.clusters() == clusters
        for (relations, kept), expected in links.items():
            assert store.links(*relations, corroborated=kept) == expected
        assert store._tracker is None
    db = sqlite3.connect(tmp_path / "s.db")
    db.execute("UPDATE meta SET value = 'stale' WHERE key = 'derived'")
    db.execute("DELETE FROM cluster_members")
    db.commit()
    db.close()
    with ClaimStore(tmp_path / "s.db") as store:
        assert store.clusters() == clusters
        assert store._tracker is not None


def migrated(
    tmp_path: Path, texts: dict[str, str], edit: Callable[[list[list[str]]], None], version: int
) -> tuple[ClaimStore, list[list[str]]]:
    """A store of :func:`corpus` and ``texts`` (id -> text) left by schema ``version``
    (the last text's claim prepared as ``edit`` makes it), opened: it equals a
    store built today. Returns it (open) and that claim's prepared text after."""
    articles = [*corpus(), *(Article(id=k, text=v) for k, v in texts.items())]
    claim_id = f"{list(texts)[-1]}#0"
    path = stale_store(tmp_path, articles, claim_id, edit, version)
    store = ClaimStore(path)
    assert summary(store) == one_shot(articles)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION
    prepared = db.execute("SELECT prepared FROM claims WHERE id = ?", (claim_id,)).fetchone()[0]
    db.close()
    return store, _fields(unpacked(prepared))


def test_a_version_4_store_is_migrated(tmp_path: Path) -> None:
    """Schema 4 took "Moscow's" as a word of its own: opened now, its claims are
    prepared again ("Moscow's" as Russia) and compared anew."""

    def as_schema_4(prepared: list[list[str]]) -> None:
        prepared[1] = sorted({*prepared[1], "moscow"} - {"russia"})

    texts = {
        "m1": "Russia demands a halt to the drills near the border, the envoy said.",
        "m2": "Moscow's demands for a halt to the drills near the border were heard.",
    }
    store, prepared = migrated(tmp_path, texts, as_schema_4, 4)
    store.close()
    assert "russia" in prepared[1] and "moscow" not in prepared[1]


def test_a_version_5_store_is_migrated(tmp_path: Path) -> None:
    """Schema 5 kept British spellings: opened now, its claims are prepared again
    ("defence" as "defense") and compared anew: the restyled copy is a repetition."""

    def as_schema_5(prepared: list[list[str]]) -> None:
        british = {"defense": "defence", "organized": "organised", "center": "centre"}
        prepared[0] = [british.get(w, w) for w in prepared[0]]

    texts = {
        "d1": "The defense ministry organized talks at the center, officials said.",
        "d2": "The defence ministry organised talks at the centre, officials said.",
    }
    store, prepared = migrated(tmp_path, texts, as_schema_5, 5)
    with store:
        relations = {(k.a.id, k.b.id): k.relation for k in store.links()}
    assert relations["d1#0", "d2#0"] == "repetition"
    assert "defense" in prepared[0] and "defence" not in prepared[0]


def test_an_analyser_works_on_the_next_batch_while_one_is_stored(tmp_path: Path) -> None:
    """With an analyser of its own (the Dask engine's), a store reads and hands out
    the next batch before it writes one, and stores what a store without it does."""
    articles = corpus(10)
    path = tmp_path / "s.db"
    stored_when_read: list[int] = []
    watcher: sqlite3.Connection | None = None

    def watched() -> Any:
        nonlocal watcher
        for article in articles:
            if watcher is None and path.exists():
                watcher = sqlite3.connect(path)
            count = watcher.execute("SELECT count(*) FROM articles").fetchone()[0] if watcher else 0
            stored_when_read.append(count)
            yield article

    batches: list[list[str]] = []

    def analyser(batch: Any) -> Any:
        batches.append([a.id for a in batch])
        return analyze(batch)

    with ClaimStore(path, batch=4, analyzer=analyser) as store:
        store.add(watched())
        found = summary(store)
    assert watcher is not None
    watcher.close()
    assert batches == [[a.id for a in articles[k : k + 4]] for k in (0, 4, 8)]
    # each batch was read (and handed to the analyser) before the one before it
    # was written: the 2nd when none was stored, the 3rd when only the 1st was
    assert stored_when_read[4] == 0 and stored_when_read[8] == 4
    assert found == one_shot(articles)


def test_a_locked_store_waits_then_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store another process is writing is waited for a bounded time, then refused."""
    path = tmp_path / "s.db"
    ClaimStore(path).close()
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with ClaimStore(path) as store, pytest.raises(StoreError, match="busy"):
            store.add(corpus(2))
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_queries(tmp_path: Path) -> None:
    """Full-text search, speaker, outlet, date and cluster filters, what changed, exports."""
    articles = corpus()
    with ClaimStore(tmp_path / "s.db") as store:
        start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=2)
        store.add(articles)
        found = store.search("storm killed")
        assert found and all("storm killed" in c.text.lower() for c in found)
        with pytest.raises(StoreError, match="not a search query"):
            store.search('"unbalanced')
        merkel = store.claims_where(speaker="Merkel")
        assert merkel and all("border" in c.text for c in merkel)
        assert all(
            c.outlet == "outlet1.example" for c in store.claims_where(outlet="outlet1.example")
        )
        window = store.claims_where(since=dt.date(2024, 1, 3), until=dt.date(2024, 1, 4))
        assert window and all(dt.date(2024, 1, 3) <= c.date <= dt.date(2024, 1, 4) for c in window)
        biggest = store.clusters()[0]
        assert {c.id for c in store.claims_where(cluster=biggest.id)} == {
            m.id for m in biggest.members
        }
        changed = store.changed_since(start)
        assert sorted(changed["new"]) == sorted(c.id for c in store.clusters())
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)
        assert store.changed_since(later) == {"new": [], "changed": []}
        out = io.StringIO()
        assert store.export("cluster_view", out) == sum(len(c.members) for c in store.clusters())
        first = json.loads(out.getvalue().splitlines()[0])
        assert {"cluster_id", "claim_id", "outlet", "text"} <= set(first)
        csv_out = io.StringIO()
        store.export("articles", csv_out, format="csv")
        assert csv_out.getvalue().splitlines()[0].startswith("id,title,date,url,source")
        with pytest.raises(StoreError, match="no table"):
            store.export("nope", io.StringIO())
        assert store.count("articles") == len(articles)
        assert store.count("claims") == len(store.claims)
        assert store.count("cluster_view") == sum(len(c.members) for c in store.clusters())
        with pytest.raises(StoreError, match="no table"):
            store.count("nope; DROP TABLE claims")


def test_to_pandas(tmp_path: Path) -> None:
    """Tables come as DataFrames where pandas is installed."""
    pandas = pytest.importorskip("pandas", reason="pandas is an optional extra")
    with ClaimStore(tmp_path / "s.db") as store:
        store.add(corpus(4))
        frame = store.to_pandas("claims")
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(store.claims)


def test_cli_ingest_and_db(tmp_path: Path) -> None:
    """ingest says what it did; --db reads the store and prints what one run prints."""
    db = str(tmp_path / "c.db")
    seeds = str(ROOT / "seeds")
    outs = []
    for _ in range(2):
        out, err = io.StringIO(), io.StringIO()
        assert main(["ingest", seeds, "--db", db], out=out, err=err) == 0
        outs.append(out.getvalue())
    assert "added 2, replaced 0, left unchanged 0" in outs[0]
    assert "added 0, replaced 0, left unchanged 2" in outs[1]
    for command in ("claims", "links", "clusters", "report"):
        direct, stored = io.StringIO(), io.StringIO()
        assert main([command, seeds], out=direct, err=io.StringIO()) == 0
        assert main([command, "--db", db], out=stored, err=io.StringIO()) == 0
        assert stored.getvalue() == direct.getvalue(), command


def test_cli_store_errors(tmp_path: Path) -> None:
    """A file that is not a store is one line and exit 1; a command with nothing to
    read is a usage error."""
    bad = tmp_path / "x.db"
    bad.write_text("not a database", encoding="utf-8")
    err = io.StringIO()
    assert main(["clusters", "--db", str(bad)], out=io.StringIO(), err=err) == 1
    assert err.getvalue().startswith("claimtrack: error: ") and "not a claimtrack store" in (
        err.getvalue()
    )
    err = io.StringIO()
    assert main(["clusters"], out=io.StringIO(), err=err) == 2
    assert "needs PATHs, or a store" in err.getvalue()


@given(
    st.lists(
        st.lists(st.text(max_size=6), max_size=4),
        min_size=8,
        max_size=8,
    )
)
def test_a_prepared_text_is_kept_as_it_was(fields: list[list[str]]) -> None:
    """Whatever its words hold (the separators, quotes, nothing), a prepared text
    reads back as it was written."""
    text = ClaimText(
        tuple(fields[0]),
        tuple(fields[1]),
        frozenset(fields[2]),
        frozenset(fields[3]),
        frozenset(fields[4]),
        frozenset(fields[5]),
        frozenset(fields[6]),
        tuple(fields[7]),
    )
    assert unpacked(packed(text)) == text


def test_bulk_loads_are_frozen_only_when_asked() -> None:
    """The command line freezes what a bulk load made (the collector never scans
    it again); a library leaves the collector alone."""
    gc.unfreeze()
    with paused_gc():
        made = [[k] for k in range(100)]
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    freeze_bulk_loads()
    try:
        with paused_gc():
            made += [[k] for k in range(100)]
        assert gc.get_freeze_count() >= len(made) and gc.isenabled()
    finally:
        freeze_bulk_loads(False)
        gc.unfreeze()


def test_only_clusters_that_changed_are_written_again(tmp_path: Path) -> None:
    """Adding articles rewrites the clusters they change (a new member) and leaves
    the others' rows alone; the tables still give the tracker's clusters."""
    articles = corpus(10)
    path = tmp_path / "s.db"
    with ClaimStore(path) as store:
        store.add(articles[:8])
    db = sqlite3.connect(path)
    before = dict(db.execute("SELECT id, rowid FROM clusters"))
    db.close()
    late = Article(id="zz", text=STORY[0], date=dt.date(2024, 2, 1))  # joins one cluster
    with ClaimStore(path) as store:
        store.add([late])
        assert summary(store) == one_shot([*articles[:8], late])
        grown = {c.id for c in store.clusters() if any(m.article_id == "zz" for m in c.members)}
    db = sqlite3.connect(path)
    after = dict(db.execute("SELECT id, rowid FROM clusters"))
    members = db.execute("SELECT count(*) FROM cluster_members").fetchone()[0]
    db.close()
    assert grown and all(after[k] != before.get(k) for k in grown)
    assert {k: v for k, v in after.items() if k not in grown} == {
        k: v for k, v in before.items() if k not in grown
    }
    tracker = ClaimTracker()
    tracker.add([*articles[:8], late])
    assert members == sum(len(c.members) for c in tracker.clusters())


def test_search_index_follows_batches_and_replacements(tmp_path: Path) -> None:
    """Claims are indexed for search a batch at a time: every claim is found once,
    a replaced article's old claims are gone from the index, its new ones are in,
    and SQLite's own check of the index passes."""
    path = tmp_path / "s.db"
    articles = corpus(7)
    with ClaimStore(path, batch=2) as store:
        store.add(articles)
        found = store.search("harbour")
        assert found and len({c.id for c in found}) == len(found)
        assert {c.id for c in found} == {c.id for c in store.claims if "harbour" in c.text}
        changed = Article(id=articles[0].id, text="Lighthouse keepers counted nine seals today.")
        assert store.add([changed]).replaced == 1
        assert [c.id for c in store.search("lighthouse")] == [f"{changed.id}#0"]
        assert all(c.article_id != changed.id for c in store.search("harbour"))
    db = sqlite3.connect(path)
    db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    triggers = {
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    db.close()
    assert triggers == {"claims_ad"}
