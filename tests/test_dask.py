"""The Dask engine: the same claims, links and clusters as the local one.

Run against a local cluster of worker processes (as a real cluster runs them: each
its own interpreter and hash seed), and once against a scheduler and two workers
started as separate processes on 127.0.0.1.  Skipped where the ``dask`` extra is
not installed.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

import attrs  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from strategies import articles, story_articles  # noqa: E402

import claimtrack.dask as engine  # noqa: E402
from claimtrack.articles import Article, read_articles, write_jsonl  # noqa: E402
from claimtrack.cli import main  # noqa: E402
from claimtrack.clusters import ClaimIndex  # noqa: E402
from claimtrack.exceptions import DuplicateArticleError  # noqa: E402
from claimtrack.report import cluster_record, link_record  # noqa: E402
from claimtrack.tracker import ClaimTracker  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes, one thread each."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def results(tracker: ClaimTracker) -> dict[str, Any]:
    """Everything a tracker found, as the JSON the command line prints."""
    ties = {f"{a} {b}": attrs.asdict(tie) for (a, b), tie in tracker.ties().items()}
    return {
        "claims": [attrs.asdict(c) for c in tracker.claims],
        "texts": list(tracker.index.texts),  # equal: their sets print in any order
        "all links": [json.dumps(link_record(k)) for k in tracker.links(corroborated=False)],
        "links": [json.dumps(link_record(k)) for k in tracker.links()],
        "ties": json.dumps(ties, sort_keys=True, default=str),
        "clusters": [json.dumps(cluster_record(c)) for c in tracker.clusters()],
    }


def local(items: list[Article], parameters: dict[str, int] | None = None) -> dict[str, Any]:
    tracker = ClaimTracker(index=ClaimIndex(**(parameters or {})), keep_analyses=False)
    tracker.add(items)
    return results(tracker)


#: Index parameters: the defaults, and caps that bind on a few claims (a chunk of a
#: few claims, buckets of one or two: see tests/test_blocking.py).
PARAMETERS = [
    {},
    {"bucket_cap": 1, "weak_cap": 0, "anchor_cap": 0, "chunk": 1},
    {"bucket_cap": 2, "weak_cap": 1, "anchor_cap": 1, "chunk": 3},
    {"bucket_cap": 1, "weak_cap": 3, "anchor_cap": 40, "chunk": 6},
]


def test_seeds_as_local(client: Any, seeds_dir: Path) -> None:
    """On the seeds, one article a partition: the same claims, links, ties and clusters."""
    seeds = list(read_articles(seeds_dir))
    found = results(engine.track(seeds, partition_size=1))
    assert found == local(seeds)
    assert found["clusters"]
    assert results(engine.track(engine.bag_of(seeds, partition_size=1))) == found


def test_seeds_compared_on_the_workers(client: Any, seeds_dir: Path) -> None:
    """On the seeds, with binding caps too: candidates found and related on the
    workers (the driver's index compares none of them), the same results as the
    local engine, and as the driver's index finding them (``compare="driver"``)."""
    seeds = list(read_articles(seeds_dir))
    for parameters in PARAMETERS:
        expected = local(seeds, parameters)
        index = ClaimIndex(**parameters)
        index.compared = set()
        found = engine.track(seeds, partition_size=2, index=index, compare="workers")
        assert results(found) == expected
        assert index.compared == set()  # the driver compared nothing
        index = ClaimIndex(**parameters)
        index.compared = set()
        on_driver = engine.track(seeds, partition_size=3, index=index, compare="driver")
        assert results(on_driver) == expected
        assert index.compared
    with pytest.raises(ValueError, match="compare is"):
        engine.track(seeds, compare="nowhere")


def test_the_partitions_make_the_index_keys(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partitions make the claims' index keys beside their words: the driver's
    index makes none, and the clusters are those of the local engine."""
    import dask

    made: list[int] = []
    original = ClaimIndex._signatures

    def counted(self: ClaimIndex, texts: Any) -> Any:
        made.append(len(texts))
        return original(self, texts)

    seeds = list(read_articles(seeds_dir))
    expected = local(seeds)
    monkeypatch.setattr(ClaimIndex, "_signatures", counted)
    with dask.config.set(scheduler="sync"):
        assert results(engine.track(seeds, partition_size=1)) == expected
    assert made == []


# the client's event loop draws from the random module in its own thread while
# examples are drawn: hypothesis notices the change of state, harmless here
@pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning")
@settings(max_examples=25)
@given(
    corpus=st.integers(2, 7).flatmap(story_articles),
    extra=st.lists(articles(), max_size=2),
    size=st.integers(1, 4),
    repeat=st.booleans(),
    parameters=st.sampled_from(PARAMETERS),
)
def test_random_corpora_as_local(
    client: Any,
    corpus: list[Article],
    extra: list[Article],
    size: int,
    repeat: bool,
    parameters: dict[str, int],
) -> None:
    """On random corpora of related articles cut into random partitions (an article
    given twice taken once, as the local tracker takes it), the index's caps the
    defaults or binding: the same results."""
    items = list(corpus)
    for article in extra:  # ids unique: two articles with one id raise (tested below)
        if all(article.id != item.id for item in items):
            items.append(article)
    if repeat:
        items.append(items[0])
    expected = local(items, parameters)
    for compare in ("workers", "driver"):
        index = ClaimIndex(**parameters)
        found = engine.track(items, partition_size=size, index=index, compare=compare)
        assert results(found) == expected


def test_duplicate_ids_raise(client: Any) -> None:
    """Two different articles with one id raise as the local tracker does."""
    items = [Article(id="x", text="Rain fell on Monday."), Article(id="x", text="Snow fell.")]
    with pytest.raises(DuplicateArticleError, match="'x'"):
        engine.track(items, partition_size=1)


def test_jsonl_paths_read_on_workers(client: Any, seeds_dir: Path, tmp_path: Path) -> None:
    """JSON Lines files read on the workers give the articles (and results) read here."""
    paths = []
    for k, article in enumerate(read_articles(seeds_dir)):
        path = tmp_path / f"part{k}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            write_jsonl([article], out)
        paths.append(str(path))
    here = [a for p in paths for a in read_articles(p)]
    assert engine.read_jsonl_bag(paths).compute() == here
    assert results(engine.track(engine.read_jsonl_bag(paths))) == local(here)
    assert results(engine.track(paths)) == local(here)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_clusters_and_links_as_local(seeds_dir: Path) -> None:
    """``--engine dask --workers 2`` prints what ``--engine local`` prints, byte for byte,
    the candidates compared on the driver or on the workers."""
    for command, compare in ((["clusters"], []), (["links", "--all"], ["--compare", "workers"])):
        args = [*command, str(seeds_dir), "--format", "jsonl"]
        code, out, err = run(*args, "--engine", "dask", "--workers", "2", *compare)
        assert (code, err) == (0, "")
        assert out == run(*args)[1] != ""


def test_cli_ingest_as_local(seeds_dir: Path, tmp_path: Path) -> None:
    """A store ingested on Dask (the driver its one writer) holds what a local ingest holds."""
    shown = []
    for name, options in (("local", []), ("dask", ["--engine", "dask", "--workers", "2"])):
        db = str(tmp_path / f"{name}.db")
        code, _, err = run("ingest", str(seeds_dir), "--db", db, *options)
        assert (code, err) == (0, ""), err
        shown.append(
            [
                run(command, "--db", db, "--format", "jsonl")[1]
                for command in ("sentences", "claims", "links", "clusters")
            ]
        )
    assert shown[0] == shown[1]


def test_cli_engine_usage_errors(seeds_dir: Path) -> None:
    """Engine options that do not go together are usage errors (exit 2, one line)."""
    for command, options in (
        ("clusters", ["--workers", "2"]),
        ("clusters", ["--engine", "dask", "--workers", "2", "--scheduler", "x"]),
        ("clusters", ["--compare", "workers"]),
        ("ingest", ["--engine", "dask", "--compare", "workers"]),
    ):
        code, out, err = run(command, str(seeds_dir), *options)
        assert code == 2 and out == "" and err.count("\n") == 1
        assert "--" in err


def test_cli_unreachable_scheduler(seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler that does not answer is one error line, no traceback."""
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", 1.0)
    port = engine._free_port()
    code, _, err = run(
        "clusters", str(seeds_dir), "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"
    )
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("claimtrack: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")


@contextlib.contextmanager
def processes_cluster(workers: int = 2) -> Iterator[str]:
    """:func:`claimtrack.dask.processes`, skipped where the dask command is missing."""
    try:
        cluster = engine.processes(workers)
        address = cluster.__enter__()
    except engine.DaskError as exc:
        if "not installed" in str(exc):
            pytest.skip(str(exc))
        raise
    try:
        yield address
    finally:
        cluster.__exit__(None, None, None)


def test_scheduler_and_two_workers_over_tcp(seeds_dir: Path) -> None:
    """``claimtrack clusters --engine dask --scheduler tcp://...``, run as its own process
    against a scheduler and two workers in theirs, prints what the local engine prints."""
    args = [sys.executable, "-m", "claimtrack", "clusters", str(seeds_dir), "--format", "jsonl"]
    here = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    with processes_cluster(2) as address:
        there = subprocess.run(
            [*args, "--engine", "dask", "--scheduler", address],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert (there.returncode, there.stderr) == (0, "")
    assert there.stdout == here != ""


def test_workers_of_another_version_refused() -> None:
    """Workers running another claimtrack (or none) are refused in one clear error:
    the results depend on the code and data files they run."""

    class Workers:
        def __init__(self, answer: Any) -> None:
            self.answer = answer

        def run(self, function: Any) -> dict[str, str]:
            if isinstance(self.answer, Exception):
                raise self.answer
            return {"tcp://w1": engine._version(), "tcp://w2": self.answer}

    engine._check_versions(Workers(engine._version()), "tcp://s")  # the same: fine
    with pytest.raises(engine.DaskError, match=r"run claimtrack 0\.0\.1, this process"):
        engine._check_versions(Workers("0.0.1"), "tcp://s")
    with pytest.raises(engine.DaskError, match=r"cannot run claimtrack .*ModuleNotFoundError"):
        engine._check_versions(Workers(ModuleNotFoundError("claimtrack")), "tcp://s")
