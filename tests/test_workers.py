"""Several worker processes: the same claims, links, clusters and stores as one."""

from __future__ import annotations

import io
import json
import os
import pickle
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from piles import news_pile
from strategies import story_articles

import claimtrack.workers as workers
from claimtrack.articles import Article, read_articles
from claimtrack.claimtext import claim_sources, packed, prepare, prepare_claim, unpacked
from claimtrack.cli import main
from claimtrack.clusters import ClaimIndex
from claimtrack.report import cluster_record, link_record
from claimtrack.sentences import SentenceSplitter
from claimtrack.store import ClaimStore
from claimtrack.tracker import ClaimTracker


@pytest.fixture(autouse=True)
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for a few articles (by default a small input stays in this process)."""
    monkeypatch.setattr(workers, "MIN_PARALLEL", 0)


def results(tracker: ClaimTracker) -> dict[str, Any]:
    return {
        "claims": [attrs.asdict(c) for c in tracker.claims],
        "texts": list(tracker.index.texts),
        "links": [json.dumps(link_record(k)) for k in tracker.links(corroborated=False)],
        "clusters": [json.dumps(cluster_record(c)) for c in tracker.clusters()],
    }


def tracked(items: list[Article], jobs: int, keep_analyses: bool = False) -> ClaimTracker:
    tracker = ClaimTracker(keep_analyses=keep_analyses)
    tracker.add(items, jobs=jobs)
    return tracker


def test_prepared_in_two_steps_is_prepared_at_once(seeds_dir: Path) -> None:
    """Words first, speakers once named: what preparing a claim at once gives."""
    tracker = tracked(list(read_articles(seeds_dir)), jobs=1)
    assert tracker.claims
    for claim in tracker.claims:
        assert claim_sources(prepare(claim.text), claim) == prepare_claim(claim)


def test_pile_as_one_process(seeds_dir: Path) -> None:
    """Made-up articles and the seeds in chunks of 3 on two workers: the same results,
    with and without the articles' analyses kept."""
    items = list(read_articles(seeds_dir)) + news_pile(40)
    one = tracked(items, jobs=1)
    found = results(one)
    assert found["clusters"]
    assert found == results(tracked(items, jobs=2))
    kept_one, kept_two = tracked(items, 1, True), tracked(items, 2, True)
    assert results(kept_two) == results(kept_one) == found
    assert kept_two.analysis() == kept_one.analysis()


def test_workers_make_the_index_keys(
    seeds_dir: Path, count_signatures: Callable[[], list[int]]
) -> None:
    """On two workers, the claims' MinHash keys come with their words: this process
    makes none, and the results are those of one process; an index of other
    parameters makes its own."""
    items = list(read_articles(seeds_dir)) + news_pile(20)
    found = results(tracked(items, jobs=1))
    made = count_signatures()
    assert results(tracked(items, jobs=2)) == found
    assert sum(made) == 0
    other = ClaimTracker(keep_analyses=False, index=ClaimIndex(bands=12))
    other.add(items, jobs=2)
    assert sum(made) > 0 and other.clusters()


def test_workers_make_the_stored_keys(seeds_dir: Path, tmp_path: Path) -> None:
    """A store filled on two workers keeps the key rows one process makes."""
    items = list(read_articles(seeds_dir)) + news_pile(20)
    stored = {}
    for jobs in (1, 2):
        with ClaimStore(tmp_path / f"{jobs}.db", jobs=jobs, batch=7) as store:
            store.add(items)
        with sqlite3.connect(tmp_path / f"{jobs}.db") as db:
            stored[jobs] = db.execute("SELECT id, keys FROM claims ORDER BY id").fetchall()
    assert stored[1] == stored[2]
    assert sum(row[1] is not None for row in stored[1]) > len(stored[1]) // 2


@settings(max_examples=10, deadline=None)
@given(corpus=st.integers(2, 6).flatmap(story_articles), chunk=st.integers(1, 3))
def test_random_corpora_as_one_process(corpus: list[Article], chunk: int) -> None:
    """Random corpora of related articles, in random chunks: the same results."""
    one = workers.claims_of(corpus, SentenceSplitter.default(), jobs=1)
    two = workers.claims_of(corpus, SentenceSplitter.default(), jobs=2, chunk=chunk)
    assert one == two
    assert results(tracked(corpus, jobs=2)) == results(tracked(corpus, jobs=1))


def table_rows(db: Path) -> dict[str, list[Any]]:
    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("sentences", "attributions", "links", "cluster_members")
        } | {
            "claims": connection.execute(
                "SELECT id, text, speakers, named_speakers, prepared, entry FROM claims ORDER BY id"
            ).fetchall()
        }


def test_store_as_one_process(seeds_dir: Path, tmp_path: Path) -> None:
    """A store written with two workers (batches of 7 articles) holds what one process writes."""
    items = list(read_articles(seeds_dir)) + news_pile(20)
    for jobs in (1, 2):
        with ClaimStore(tmp_path / f"{jobs}.db", batch=7, jobs=jobs) as store:
            report = store.add(items)
            assert report.added == len(items)
    assert table_rows(tmp_path / "1.db") == table_rows(tmp_path / "2.db")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_jobs(seeds_dir: Path) -> None:
    """``--jobs 2`` prints what ``--jobs 1`` prints, for every command that analyses."""
    for command in ("sentences", "claims", "links", "clusters"):
        args = [command, str(seeds_dir), "--format", "jsonl"]
        code, out, err = run(*args, "--jobs", "2")
        assert (code, err) == (0, "")
        assert out == run(*args, "--jobs", "1")[1] != ""


def test_cli_jobs_usage(seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No jobs, or jobs with another engine: a usage error in one line."""
    with pytest.raises(SystemExit) as exit:
        run("clusters", str(seeds_dir), "--jobs", "0")
    assert exit.value.code == 2 and "--jobs" in capsys.readouterr().err
    code, _, err = run("clusters", str(seeds_dir), "--jobs", "2", "--engine", "dask")
    assert code == 2 and err.count("\n") == 1 and "--jobs goes with --engine local" in err


def _die(article: Article, splitter: SentenceSplitter) -> None:
    os._exit(3)  # as a worker killed by the kernel for lack of memory


def test_dead_worker_is_an_error(seeds_dir: Path) -> None:
    """A worker that dies ends the run with a WorkerError, not a hang."""
    items = list(read_articles(seeds_dir))
    with pytest.raises(workers.WorkerError, match="worker process died"):
        list(workers._pooled(_die, items, SentenceSplitter.default(), 2, 1, None))


@given(
    st.text(max_size=80),
    st.lists(st.text(max_size=12), max_size=3),
    st.lists(st.sampled_from(["say", "deny", "\x1f", "[x"]), max_size=2),
)
@settings(max_examples=80, deadline=None)
def test_a_prepared_text_packs_and_pickles_whole(
    text: str, speakers: list[str], cues: list[str]
) -> None:
    """Packed (as a store keeps it) or pickled (as a worker sends it), a prepared text
    comes back equal, whatever characters it holds."""
    prepared = prepare(text, speakers, cues)
    assert unpacked(packed(prepared)) == prepared
    assert pickle.loads(pickle.dumps(prepared)) == prepared


def test_texts_from_another_process_share_their_words() -> None:
    """Unpickled texts have their words interned: two copies of one sentence hold the
    same word objects."""
    prepared = prepare("Officials said the bridge would reopen in May.", ["officials"], ["say"])
    data = pickle.dumps(prepared)
    one, two = pickle.loads(data), pickle.loads(data)
    assert all(a is b for a, b in zip(one.words, two.words, strict=True))
