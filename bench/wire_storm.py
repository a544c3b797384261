"""The wire-copy storm: one wire story reprinted by thousands of articles.

Usage::

    python bench/wire_storm.py --articles 500 1000 2000 3000 \\
        --polnear ../shared/data/polnear/train.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl

For each size, a JSON Lines corpus is written to a temporary folder: ``N``
articles from 40 outlets over 10 days, each reprinting one wire story (the
first two paragraphs of the first ECB+ article that has two paragraphs of two
or more sentences), with an "(AP) —" dateline, an "Advertisement" line, a
copyright line ("Copyright 2024 The Associated Press. All rights reserved.")
and one sentence of its own (a pool sentence of ``bench/synth.py``, each used
once).  Then ``claimtrack clusters FILE --format jsonl --quiet`` runs in a
fresh process (``--command`` runs another claimtrack command the same way,
``--format`` chooses its output format: ``--command report --format html``),
and the wall time, the peak memory of that process and its worker processes
(``bench/measure.py``), the bytes written and the clusters are reported.  Not a test: run
it by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth
from measure import measured

from claimtrack.articles import Article
from claimtrack.sentences import split_sentences

OUTLETS = [f"outlet{k:02d}.example.com" for k in range(40)]


def wire_story(ecbplus: str) -> list[str]:
    """Two paragraphs of a real wire report (each of two sentences or more)."""
    with open(ecbplus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            article = Article(id="w", text=record["text"])
            by_paragraph: dict[int, list[str]] = {}
            for sentence in split_sentences(article):
                if not sentence.boilerplate:
                    by_paragraph.setdefault(sentence.paragraph, []).append(sentence.text)
            long = [" ".join(s) for s in by_paragraph.values() if len(s) >= 2]
            if len(long) >= 2:
                return long[:2]
    raise SystemExit("no article with two paragraphs of two sentences in " + ecbplus)


def write_corpus(path: Path, n: int, story: list[str], own: list[str], seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for k in range(n):
            outlet = OUTLETS[k % len(OUTLETS)]
            paragraphs = [
                "WASHINGTON (AP) \u2014 " + story[0],
                "Advertisement",
                story[1],
                own[k],
                "Copyright 2024 The Associated Press. All rights reserved.",
            ]
            record = {
                "id": f"wire{k:05d}",
                "text": "\n\n".join(paragraphs),
                "date": f"2024-03-{1 + rng.randrange(10):02d}",
                "url": f"https://{outlet}/news/{k}",
            }
            out.write(json.dumps(record) + "\n")


def run(command: str, corpus: Path, form: str = "jsonl") -> dict[str, float | int]:
    out_path = corpus.with_suffix(".out")
    with out_path.open("wb") as out:
        seconds, peak_mb, status = measured(
            [sys.executable, "-m", "claimtrack", command, str(corpus), "--format", form, "--quiet"],
            out,
        )
    if status != 0:
        raise SystemExit(f"claimtrack {command} failed with status {status}")
    records = out_path.read_text(encoding="utf-8").splitlines() if form == "jsonl" else []
    members = (
        [len(json.loads(r).get("members", ())) for r in records] if command == "clusters" else []
    )
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb),
        "output_mb": round(out_path.stat().st_size / 1e6, 2),
        "records": len(records),
        "largest": max(members, default=0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[500, 1000, 2000, 3000])
    parser.add_argument("--polnear", required=True)
    parser.add_argument("--ecbplus", required=True)
    parser.add_argument("--command", default="clusters")
    parser.add_argument(
        "--format", default="jsonl", help="the command's --format (report: html or json)"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    story = wire_story(args.ecbplus)
    pool = synth.load_pool(args.polnear, None)
    random.Random(args.seed).shuffle(pool)
    print(
        f"| articles | claimtrack {args.command}: s | peak MB | output MB | records | largest cluster |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for n in args.articles:
            corpus = Path(folder) / f"storm{n}.jsonl"
            write_corpus(corpus, n, story, pool, args.seed)
            got = run(args.command, corpus, args.format)
            print(
                f"| {n:,} | {got['seconds']} | {got['peak_mb']} | {got['output_mb']} | "
                f"{got['records']} | {got['largest']} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
