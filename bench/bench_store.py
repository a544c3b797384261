"""The whole command on a reprint corpus: one-shot ``clusters``, ``ingest``, and adding 1%.

Usage::

    python bench/bench_store.py --sizes 10000 100000 \\
        --polnear ../shared/data/polnear/train.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl

For each size, the synthetic corpus of ``bench/synth.py`` (real sentences,
reprinted and edited by other outlets; the same seed gives the same corpus) is
written as JSON Lines articles, one claim a paragraph, in date order, to a
temporary folder, the last 1% of the articles apart.  Each step runs as its own
process (``PYTHON -m claimtrack ... --quiet --jobs N``), timed by the wall clock,
with its peak memory: the largest of the child's own peak resident set
(``VmHWM``) and the summed proportional set size (PSS, shared pages counted
once) of the child and its worker processes, sampled every 0.1 s:

``clusters``  one-shot ``claimtrack clusters FILE --format jsonl`` on the 99%;
``ingest``    ``claimtrack ingest FILE --db DB`` of the 99% into a new store;
``+1%``       ``claimtrack ingest REST --db DB``: the last 1% into that store;
``--db``      ``claimtrack clusters --db DB --format jsonl``: reading the store.

It prints a Markdown table, with the +1% time as a share of the ingest, and the
ratio of times between sizes.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth
from measure import measured

from claimtrack.claims import Claim


def write_articles(corpus: synth.Corpus, path: Path, rest: Path) -> tuple[int, int]:
    """The corpus as JSON Lines articles (99% to ``path``, the last 1% to ``rest``)."""
    articles: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        articles.setdefault(claim.article_id, []).append(claim)
    ids = list(articles)
    cut = len(ids) - max(1, len(ids) // 100)
    for target, chosen in ((path, ids[:cut]), (rest, ids[cut:])):
        with target.open("w", encoding="utf-8") as out:
            for article_id in chosen:
                claims = articles[article_id]
                first = claims[0]
                record = {
                    "id": article_id,
                    "text": "\n\n".join(c.text for c in claims),
                    "date": first.date.isoformat() if first.date else None,
                    "source": first.outlet,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return cut, len(ids) - cut


def run(python: str, *args: str) -> tuple[float, float]:
    """Seconds and peak MB (``measure.measured``) of ``PYTHON -m claimtrack ARGS --quiet``,
    output discarded."""
    with open(os.devnull, "wb") as sink:
        seconds, peak, status = measured([python, "-m", "claimtrack", *args, "--quiet"], sink)
    if status != 0:
        raise SystemExit(f"claimtrack {' '.join(args)} failed ({status})")
    return seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--polnear", required=True)
    parser.add_argument("--ecbplus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter that runs claimtrack (e.g. of a virtual environment holding "
        "only claimtrack and its dependencies; default: this one)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="claimtrack's --jobs (default: 1, one process; 0: not passed, for a claimtrack "
        "from before --jobs, as a baseline)",
    )
    parser.add_argument("--keep", help="write the corpus and store to this folder and keep them")
    args = parser.parse_args(argv)
    print(
        f"python {platform.python_version()}, {os.cpu_count()} cores, "
        f"claimtrack run by {args.python} with --jobs {args.jobs}"
    )
    pool = synth.load_pool(args.polnear, args.ecbplus)
    print(
        "| claims | articles | clusters s / MB | ingest s / MB | +1% s / MB (share) "
        "| clusters --db s / MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    times: dict[int, float] = {}
    for size in args.sizes:
        corpus = synth.generate(pool, size, args.seed)
        with tempfile.TemporaryDirectory() as scratch:
            folder = args.keep or scratch
            Path(folder).mkdir(parents=True, exist_ok=True)
            main_file = Path(folder) / f"corpus-{size}.jsonl"
            rest_file = Path(folder) / f"rest-{size}.jsonl"
            n_main, n_rest = write_articles(corpus, main_file, rest_file)
            db = Path(folder) / f"claims-{size}.db"
            for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                stale.unlink(missing_ok=True)
            jobs = ("--jobs", str(args.jobs)) if args.jobs else ()
            one = run(args.python, "clusters", str(main_file), "--format", "jsonl", *jobs)
            ingest = run(args.python, "ingest", str(main_file), "--db", str(db), *jobs)
            more = run(args.python, "ingest", str(rest_file), "--db", str(db), *jobs)
            read = run(args.python, "clusters", "--db", str(db), "--format", "jsonl")
        times[size] = one[0]
        print(
            f"| {size:,} | {n_main:,} + {n_rest:,} | {one[0]:.1f} / {one[1]:.0f} "
            f"| {ingest[0]:.1f} / {ingest[1]:.0f} | {more[0]:.1f} / {more[1]:.0f} "
            f"({more[0] / ingest[0]:.0%}) | {read[0]:.1f} / {read[1]:.0f} |",
            flush=True,
        )
    sizes = sorted(times)
    for small, big in itertools.pairwise(sizes):
        print(f"clusters {big:,}/{small:,}: x{times[big] / times[small]:.2f} time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
