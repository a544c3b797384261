"""Benchmark: attribution extraction speed against bare nltk Punkt, in one run.

Usage::

    python bench/bench_extract.py /path/to/polnear/train.jsonl [more.jsonl ...] \
        [--articles 2000] [--rounds 5]

Reads article texts (the ``text`` field of JSON Lines records, one per distinct
``article`` id), repeats them up to ``--articles``, and times, interleaved over
``--rounds`` rounds on one core:

- bare Punkt: ``PunktSentenceTokenizer().span_tokenize(text)`` (the baseline);
- claimtrack splitting: ``split_sentences(article)``;
- extraction only: ``extract_attributions(article, sentences)`` on pre-split
  sentences (speaker resolution included);
- the whole job per article: splitting and extraction.

Prints articles/s and MB/s for each (best round) and the ratios to bare Punkt.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable, Sequence

from nltk.tokenize.punkt import PunktSentenceTokenizer

from claimtrack.articles import Article
from claimtrack.attributions import extract_attributions
from claimtrack.sentences import Sentence, split_sentences


def read_texts(paths: Sequence[str]) -> list[str]:
    texts: list[str] = []
    seen: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                key = str(record.get("article", record.get("id", len(seen))))
                if key in seen:
                    continue
                seen.add(key)
                texts.append(record["text"])
    return texts


def timed(run: Callable[[], object], results: list[float]) -> None:
    start = time.perf_counter()
    run()
    results.append(time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    base = read_texts(args.paths)
    texts = [base[i % len(base)] for i in range(max(args.articles, len(base)))]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    punkt = PunktSentenceTokenizer()
    split: list[tuple[Sentence, ...]] = [split_sentences(a) for a in articles]
    extract_attributions(articles[0], split[0])  # warm the lexicons

    def bare() -> None:
        for text in texts:
            list(punkt.span_tokenize(text))

    def splitting() -> None:
        for article in articles:
            split_sentences(article)

    def extraction() -> None:
        for article, sentences in zip(articles, split, strict=True):
            extract_attributions(article, sentences)

    def whole() -> None:
        for article in articles:
            extract_attributions(article, split_sentences(article))

    jobs = {
        "bare Punkt": bare,
        "claimtrack splitting": splitting,
        "extraction only": extraction,
        "splitting + extraction": whole,
    }
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(args.rounds):
        for name, job in jobs.items():
            timed(job, times[name])
    n = len(texts)
    print(
        f"{n} articles, {megabytes:.1f} MB, {args.rounds} interleaved rounds, best round, one core"
    )
    reference = min(times["bare Punkt"])
    for name, values in times.items():
        best = min(values)
        print(
            f"  {name:24s} {n / best:8.0f} articles/s {megabytes / best:6.2f} MB/s"
            f"   {best / reference:5.2f}x bare Punkt's time"
        )


if __name__ == "__main__":
    main()
