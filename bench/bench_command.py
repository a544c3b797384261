"""Benchmark: the whole ``claimtrack claims`` command against bare nltk Punkt, start-up included.

Usage::

    python bench/bench_command.py /path/to/polnear/train.jsonl [more.jsonl ...] [--rounds 5]

Times, interleaved over ``--rounds`` rounds, two fresh ``python`` processes on the
same JSON Lines files, each pinned to one core:

- bare Punkt: import nltk's ``PunktSentenceTokenizer``, read every record and
  ``list(span_tokenize(text))`` its ``text`` (the baseline);
- ``python -m claimtrack claims PATHS --format jsonl --quiet`` (output thrown away);
- with ``--baseline PYTHON``, the same command run by another interpreter (say the
  virtual environment of a worktree of main), to compare two versions in one run.

``--distinct-texts`` keeps only the first record of each text (claimtrack analyses
a text met again in a run once; PolNeAR train + dev repeat 90 of 1,013 texts).

Both pay the interpreter's start and their imports.  claimtrack imports nltk
with scipy out of sight (``claimtrack.startup``: nltk imports scipy.stats, when
installed, for a function neither side calls); the Punkt side does the same, so
that the ratio measures the work and not whether scipy is installed (this
benchmark's environment has it, for datasketch).  Prints the best and the
median round of each, their ratio, and the load average before and after, since
another busy process on the machine makes the figures noisy; by the wall clock
and in processor seconds (user + system, from ``getrusage``), which a busy
machine moves less, as a process waiting for the core is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

PUNKT = """
import json, sys
sys.modules.setdefault("scipy", None)  # as claimtrack.startup: nltk without scipy
from nltk.tokenize.punkt import PunktSentenceTokenizer
punkt = PunktSentenceTokenizer()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                list(punkt.span_tokenize(json.loads(line)["text"]))
"""


def run(command: list[str], cwd: str) -> tuple[float, float]:
    """The wall-clock seconds of a run, and its processor seconds (user + system)."""
    pin = ["taskset", "-c", "0"] if os.path.exists("/usr/bin/taskset") else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(pin + command, stdout=subprocess.DEVNULL, check=True, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def distinct_texts(paths: Sequence[str], out: str) -> str:
    """Write to ``out`` the records of ``paths`` whose ``text`` came in no record before."""
    seen: set[str] = set()
    kept = 0
    with open(out, "w", encoding="utf-8") as sink:
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    if line.strip() and (text := json.loads(line)["text"]) not in seen:
                        seen.add(text)
                        sink.write(line if line.endswith("\n") else line + "\n")
                        kept += 1
    print(f"{kept} records with distinct texts")
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--baseline",
        metavar="PYTHON",
        help="also time the command with this interpreter's claimtrack (e.g. main's venv)",
    )
    parser.add_argument(
        "--distinct-texts",
        action="store_true",
        help="time on the records whose text was not seen before (claimtrack analyses a "
        "repeated text once: this shows the speed without that)",
    )
    args = parser.parse_args(argv)
    # every run starts in an empty folder: ``python -m`` imports from the current
    # folder first, which would give the baseline interpreter this checkout's claimtrack
    args.paths = [os.path.abspath(p) for p in args.paths]
    cwd = tempfile.mkdtemp(prefix="bench_command_")
    if args.distinct_texts:
        args.paths = [distinct_texts(args.paths, os.path.join(cwd, "distinct.jsonl"))]
    claims = ["-m", "claimtrack", "claims", *args.paths, "--format", "jsonl", "--quiet"]
    jobs = {"bare Punkt": [sys.executable, "-c", PUNKT, *args.paths]}
    if args.baseline:
        jobs["claims, baseline"] = [args.baseline, *claims]
    jobs["claimtrack claims"] = [sys.executable, *claims]
    times: dict[str, list[float]] = {name: [] for name in jobs}
    cpu: dict[str, list[float]] = {name: [] for name in jobs}
    load = os.getloadavg()[0]
    for _ in range(args.rounds):
        for name, command in jobs.items():
            wall, used = run(command, cwd)
            times[name].append(wall)
            cpu[name].append(used)
    print(
        f"{args.rounds} interleaved rounds, one core; "
        f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after"
    )
    for label, values in (("wall-clock", times), ("processor (user + system)", cpu)):
        print(f" {label}:")
        best = {name: min(v) for name, v in values.items()}
        median = {name: statistics.median(v) for name, v in values.items()}
        for name in jobs:
            print(
                f"  {name:18s} best {best[name]:6.2f} s   median {median[name]:6.2f} s   "
                f"/ Punkt: best {best[name] / best['bare Punkt']:.2f}x, "
                f"median {median[name] / median['bare Punkt']:.2f}x"
            )


if __name__ == "__main__":
    main()
