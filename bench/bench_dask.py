"""The Dask engine against one process, on the synthetic reprint corpus.

Usage::

    pip install 'claimtrack[dask]'
    python bench/bench_dask.py --sizes 100000 1000000 \\
        --polnear ../shared/data/polnear/train.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl --out /tmp/dask.json

For each size, ``bench/synth.py`` makes a corpus of that many sentences (the
same seed, the same corpus as ``bench/bench_scale.py``); each synthetic article
becomes an :class:`~claimtrack.articles.Article` whose text is its sentences,
one paragraph each, written to a JSON Lines file.  Then each mode runs in a
fresh process of its own (its peak memory its own), reading that file before
its clock starts:

``local``
    ``ClaimTracker(keep_analyses=False).add`` then ``clusters()``: what
    ``claimtrack clusters --engine local`` runs.
``cluster``
    a ``distributed.LocalCluster`` of ``--workers`` processes, one thread each,
    and :func:`claimtrack.dask.track` then ``clusters()``: ``--engine dask
    --workers 2``.
``tcp``
    a ``dask scheduler`` and ``--workers`` ``dask worker`` processes started on
    127.0.0.1, the driver connected over TCP: ``--engine dask --scheduler``.

Times are wall times: *start* (the cluster made or connected to; not in the
total), then the stages the tracker reports (*analyse*: pass 1 on the workers,
analysing articles and taking their claims; *prepare*: pass 2, naming speakers
and preparing claims; *index*: the driver's index; *cluster*: corroboration
and clusters on the driver).  ``local`` analyses and prepares in one process,
so its *analyse* holds both and its *index* includes preparing.  Memory is the
peak resident set (``ru_maxrss``) of the driver and of each worker process; CPU
is the user + system time of the driver during the run (reading the articles
left out) and of each worker process since it started: on a machine shared with
other jobs, wall times depend on their load, CPU times much less.
Bytes: the pickled article partitions sent to the workers, and the pickled
claims and prepared texts sent back (``pickle`` protocol 5), per claim; and the
bytes distributed itself counted leaving the workers (its
``transfer_outgoing_bytes_total``: to the driver, or to another worker), per
claim.  Every mode prints a digest of the clusters' JSON Lines: equal digests,
identical clusters.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import synth

from claimtrack.articles import Article, read_jsonl, write_jsonl
from claimtrack.report import cluster_record
from claimtrack.tracker import ClaimTracker

MODES = ("local", "cluster", "tcp")


def corpus_file(args: argparse.Namespace, size: int, folder: Path) -> tuple[Path, int]:
    """The synthetic corpus of ``size`` sentences as articles in a JSON Lines file."""
    pool = synth.load_pool(args.polnear, args.ecbplus)
    corpus = synth.generate(pool, size, args.seed)
    by_article: dict[str, list[Any]] = {}
    for claim in corpus.claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    path = folder / f"synth{size}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        write_jsonl(
            (
                Article(
                    id=article_id,
                    text="\n\n".join(c.text for c in claims),
                    date=claims[0].date,
                    source=claims[0].outlet,
                )
                for article_id, claims in by_article.items()
            ),
            out,
        )
    return path, len(by_article)


class Clock:
    """When each stage (as the tracker reports them) first showed up."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.seen: dict[str, float] = {}

    def __call__(self, name: str, done: int, total: int) -> None:
        self.seen.setdefault(name, time.perf_counter())

    def mark(self, name: str) -> None:
        self.seen[name] = time.perf_counter()

    def stages(self, order: list[str]) -> dict[str, float]:
        times = [self.start] + [self.seen[name] for name in order]
        return {name: round(b - a, 1) for name, a, b in zip(order, times, times[1:], strict=False)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _pickled(items: list[Any], step: int = 5000) -> int:
    return sum(
        len(pickle.dumps(items[lo : lo + step], protocol=5)) for lo in range(0, len(items), step)
    )


def shuffled(tracker: ClaimTracker, parts: list[list[Article]]) -> dict[str, int]:
    """The bytes (pickled) the exchanges of ``compare="workers"`` send from one
    partition to another, by round, and what the driver receives of the
    comparisons (entry pairs and relations): the rounds run again in this process
    (untimed) on the claims in the partitions the engine made."""
    from claimtrack import blocking
    from claimtrack.clusters import ClaimIndex

    count: dict[str, int] = {}
    for claim in tracker.claims:
        count[claim.article_id] = count.get(claim.article_id, 0) + 1
    sizes = [sum(count.get(a.id, 0) for a in part) for part in parts]
    moved: dict[str, int] = {}
    found = blocking.candidates(
        tracker.claims, tracker.index.texts, ClaimIndex(), sizes, relate=True, moved=moved
    )
    moved["to the driver"] = sum(
        len(pickle.dumps(blocking.Found([], f.pairs, f.relations), protocol=5)) for f in found
    )
    moved["compared"] = sum(len(f.compared) for f in found)
    return moved


def run_mode(args: argparse.Namespace) -> dict[str, Any]:
    articles = list(read_jsonl(args.articles))
    out: dict[str, Any] = {"mode": args.run, "articles": len(articles)}
    cpu_before = _cpu_seconds()
    if args.run == "local":
        clock = Clock()
        tracker = ClaimTracker(keep_analyses=False)
        tracker.add(articles, stages=clock)
        clock.mark("linking")
        tracker.clusters()
        clock.mark("done")
        out["times"] = clock.stages(["indexing", "linking", "done"])
        out["times"] = {
            "analyse": out["times"]["indexing"],
            "index": out["times"]["linking"],
            "cluster": out["times"]["done"],
        }
        out["total"] = round(clock.seen["done"] - clock.start, 1)
        out["driver_mb"] = round(_peak_mb())
        out["driver_cpu"] = round(_cpu_seconds() - cpu_before, 1)
    else:
        import claimtrack.dask as engine

        began = time.perf_counter()
        with contextlib.ExitStack() as stack:
            scheduler = None
            if args.run == "tcp":
                scheduler = stack.enter_context(engine.processes(args.workers))
            client = stack.enter_context(engine.connect(workers=args.workers, scheduler=scheduler))
            out["start"] = round(time.perf_counter() - began, 1)
            parts = engine.partitioned(articles, workers=args.workers)  # as --engine dask
            out["partitions"] = len(parts)
            clock = Clock()
            tracker = engine.track(articles, stages=clock, compare=args.compare[0])
            clock.mark("linking")
            tracker.clusters()
            clock.mark("done")
            out["compare"] = args.compare[0]
            if args.compare[0] == "workers":
                order = ["preparing", "comparing", "gathering", "indexing", "linking", "done"]
                names = ["analyse", "prepare", "compare", "gather", "index", "cluster"]
            else:
                order = ["preparing", "indexing", "linking", "done"]
                names = ["analyse", "prepare", "index", "cluster"]
            times = clock.stages(order)
            out["times"] = {name: times[stage] for name, stage in zip(names, order, strict=True)}
            out["total"] = round(clock.seen["done"] - clock.start, 1)
            out["driver_mb"] = round(_peak_mb())
            out["driver_cpu"] = round(_cpu_seconds() - cpu_before, 1)
            out["worker_cpu"] = [round(c, 1) for c in client.run(_cpu_seconds).values()]
            peaks = client.run(
                lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            ).values()
            out["worker_mb"] = [round(p) for p in peaks]
            counted = client.run(lambda dask_worker: dask_worker.transfer_outgoing_bytes_total)
            out["counted_bytes"] = sum(counted.values())
            out["sent_bytes"] = sum(len(pickle.dumps(p, protocol=5)) for p in parts)
            out["returned_bytes"] = _pickled(tracker.claims) + _pickled(tracker.index.texts)
            if args.compare[0] == "workers" and args.shuffled:
                out["shuffled_bytes"] = shuffled(tracker, parts)
    out["claims"] = len(tracker.claims)
    out["links"] = len(tracker.links())
    out["clusters"] = len(tracker.clusters())
    digest = hashlib.sha256()
    for cluster in tracker.clusters():
        digest.update((json.dumps(cluster_record(cluster)) + "\n").encode())
    out["digest"] = digest.hexdigest()[:12]
    out["load"] = [round(x, 2) for x in os.getloadavg()]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--polnear")
    parser.add_argument("--ecbplus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument(
        "--compare",
        nargs="+",
        choices=("workers", "driver"),
        default=["driver"],
        help="where the Dask modes find and relate candidates, each run in turn "
        "(default: driver, the engine's default)",
    )
    parser.add_argument(
        "--shuffled",
        action="store_true",
        help="count the bytes each exchange of compare=workers moves (runs it again, untimed)",
    )
    parser.add_argument("--out", help="append each result as a JSON line to this file")
    parser.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--articles", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        print(json.dumps(run_mode(args)))
        return 0
    if not args.polnear:
        parser.error("--polnear is required")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path, _ = corpus_file(args, size, Path(folder))
            runs = [
                (mode, compare)
                for mode in args.modes
                for compare in (["driver"] if mode == "local" else args.compare)
            ]
            for mode, compare in runs:
                command = [sys.executable, __file__, "--run", mode, "--articles", str(path)]
                command += ["--workers", str(args.workers), "--compare", compare]
                command += ["--shuffled"] if args.shuffled else []
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                if done.returncode:
                    sys.stderr.write(done.stderr[-3000:])
                    return 1
                result = {"size": size, **json.loads(done.stdout.strip().splitlines()[-1])}
                print(json.dumps(result), flush=True)
                if args.out:
                    with open(args.out, "a", encoding="utf-8") as handle:
                        handle.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
