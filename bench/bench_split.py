"""Speed of sentence splitting: bare nltk Punkt vs claimtrack, in one run.

Usage::

    python bench/bench_split.py ../shared/data/polnear/train.jsonl ../shared/data/polnear/dev.jsonl
    python bench/bench_split.py --min-splits 10000 --rounds 7 ...

The article texts of the corpora given (JSON Lines records with a ``text``
field; PolNeAR records are deduplicated by their ``article`` field) are
repeated until there are at least ``--min-splits`` article splits per round,
and each round times every method on every copy of the corpus, the methods
taking turns on each copy in a rotating order (so that noise from other
processes hits every method alike):

(a) ``bare``: nltk ``PunktSentenceTokenizer()`` with empty parameters,
    ``span_tokenize`` over each article text;
(b) ``shipped``: nltk ``PunktSentenceTokenizer`` with claimtrack's shipped
    parameters (abbreviations, sentence starters), ``span_tokenize`` over each
    whole text;
(c) ``claimtrack``: ``Article(id, text)`` (which finds the paragraphs) and
    ``claimtrack.sentences.split_sentences`` (Punkt with claimtrack's
    corrections, titles, datelines, boilerplate, ``Sentence`` objects);
(c') ``claimtrack-split``: ``split_sentences`` alone on Articles built
    beforehand.

It prints articles/s and MB/s (UTF-8) of the best and the median round of
each method, and the ratio (c)/(a) on both.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence

import nltk
from nltk.tokenize.punkt import PunktSentenceTokenizer

from claimtrack.articles import Article
from claimtrack.sentences import SentenceSplitter, split_sentences


def read_texts(paths: Sequence[str]) -> list[str]:
    """Article texts of JSON Lines files, one per ``article`` (or ``id``, or line)."""
    texts: dict[str, str] = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                record = json.loads(line)
                key = record.get("article") or record.get("id") or f"{path}:{number}"
                texts.setdefault(str(key), record["text"])
    return list(texts.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="JSONL corpora (PolNeAR train.jsonl, dev.jsonl)")
    parser.add_argument(
        "--min-splits",
        type=int,
        default=5000,
        help="article splits per method and round, at least (default 5000)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = parser.parse_args(argv)

    texts = read_texts(args.paths)
    if not texts:
        parser.error("no article texts in the files given")
    repeat = -(-args.min_splits // len(texts))
    n_splits = len(texts) * repeat
    n_bytes = sum(len(t.encode("utf-8")) for t in texts) * repeat
    n_chars = sum(len(t) for t in texts) * repeat
    print(
        f"corpus: {len(texts)} distinct articles x {repeat} = {n_splits} article splits "
        f"per method and round, {n_bytes / 1e6:.2f} MB ({n_chars:,} characters)"
    )
    print(
        f"python {platform.python_version()}, nltk {nltk.__version__}, "
        f"{platform.machine()}, {_cores()} cores"
    )

    bare = PunktSentenceTokenizer()
    shipped = PunktSentenceTokenizer(SentenceSplitter.default().params)
    prebuilt = [Article(id=str(i), text=t) for i, t in enumerate(texts)]

    def run_bare(block: list[str]) -> int:
        return sum(len(list(bare.span_tokenize(t))) for t in block)

    def run_shipped(block: list[str]) -> int:
        return sum(len(list(shipped.span_tokenize(t))) for t in block)

    def run_claimtrack(block: list[str]) -> int:
        return sum(len(split_sentences(Article(id=str(i), text=t))) for i, t in enumerate(block))

    def run_split_only(block: list[str]) -> int:
        return sum(len(split_sentences(a)) for a in prebuilt)

    methods: dict[str, Callable[[list[str]], int]] = {
        "(a) bare Punkt": run_bare,
        "(b) Punkt + shipped params": run_shipped,
        "(c) claimtrack split_sentences": run_claimtrack,
        "(c') split_sentences, Articles prebuilt": run_split_only,
    }
    names = list(methods)
    for run in methods.values():  # warm up: caches, regex compilation
        run(texts)
    # Each round splits the corpus ``repeat`` times with every method; the
    # methods take turns on each copy, in a rotating order, so that noise from
    # other processes on the machine spreads over all of them.
    times: dict[str, list[float]] = {name: [] for name in methods}
    counts: dict[str, int] = {}
    for r in range(args.rounds):
        spent = dict.fromkeys(names, 0.0)
        found = dict.fromkeys(names, 0)
        for copy in range(repeat):
            shift = (r * repeat + copy) % len(names)
            for name in names[shift:] + names[:shift]:
                gc.collect()
                start = time.perf_counter()
                found[name] += methods[name](texts)
                spent[name] += time.perf_counter() - start
        for name in names:
            times[name].append(spent[name])
        counts = found
        print(
            f"  round {r + 1}/{args.rounds}: "
            + ", ".join(f"{name.split()[0]} {spent[name]:.2f}s" for name in names)
        )

    print()
    print(
        f"{'method':42} {'sentences':>9} {'best s':>7} {'art/s':>7} {'MB/s':>6}"
        f" {'median s':>8} {'art/s':>7} {'MB/s':>6}"
    )
    for name, ts in times.items():
        best, median = min(ts), statistics.median(ts)
        print(
            f"{name:42} {counts[name]:9d} {best:7.2f} {n_splits / best:7.0f}"
            f" {n_bytes / 1e6 / best:6.2f} {median:8.2f} {n_splits / median:7.0f}"
            f" {n_bytes / 1e6 / median:6.2f}"
        )
    a, c, c2 = (
        times["(a) bare Punkt"],
        times["(c) claimtrack split_sentences"],
        times["(c') split_sentences, Articles prebuilt"],
    )
    print()
    print(
        f"ratio (c)/(a): best {min(c) / min(a):.2f}, median "
        f"{statistics.median(c) / statistics.median(a):.2f}   (target: at most 1.3)"
    )
    print(
        f"ratio (c')/(a): best {min(c2) / min(a):.2f}, median "
        f"{statistics.median(c2) / statistics.median(a):.2f}"
    )
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
