"""What clusters start from on real news: no fragments, no time stamps, no labels.

Usage::

    python bench/cluster_origins.py ../shared/data/polnear/dev.jsonl [--show 10]

Every article of the file (each PolNeAR article once) goes into one
:class:`claimtrack.ClaimTracker`; each cluster's earliest claim is checked with
patterns written here, apart from claimtrack's boilerplate list:

``fragment``   under five words ("Why?", "Getty.");
``time``       a clock time is most of it ("12:45 p.m.", "Updated 9:05 PM ET");
``label``      a line in capitals of one to three words ("ABSTRACT.", "FULL TEXT.").

It prints the share of clusters of each kind (the issue asks for at most 1%).
Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import polnear_articles

import claimtrack

_TIME = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)", re.IGNORECASE)
_LABEL = re.compile(r"^\W*[A-Z][A-Z'&-]*(?:\s+[A-Z][A-Z'&-]*){0,2}\W*$")


def kind(text: str) -> str | None:
    words = text.split()
    if _LABEL.match(text):
        return "label"
    if _TIME.search(text) and len(words) <= 6:
        return "time"
    if len(words) < 5:
        return "fragment"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="PolNeAR JSON Lines (dev.jsonl)")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args(argv)
    articles = polnear_articles(args.path)
    tracker = claimtrack.ClaimTracker(keep_analyses=False)
    tracker.add(articles)
    clusters = tracker.clusters()
    kinds = Counter(kind(c.origin.text) for c in clusters)
    n = len(clusters)
    print(f"{len(articles)} articles, {len(tracker.claims)} claims, {n} clusters")
    print("| origin | clusters | share |")
    print("|---|---:|---:|")
    for name in ("fragment", "time", "label"):
        print(f"| {name} | {kinds[name]} | {kinds[name] / n:.1%} |" if n else f"| {name} | 0 | - |")
    shown = [c.origin.text for c in clusters if kind(c.origin.text)][: args.show]
    for text in shown:
        print(f"  {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
