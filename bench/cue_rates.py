"""Cue rates of the reporting verbs on PolNeAR: how often a verb's occurrences are cues.

Usage::

    python bench/cue_rates.py /path/to/polnear/train.jsonl [--class other] [--below 0.2]

For every lemma of ``claimtrack/data/reporting_verbs.txt`` (optionally of one
class), prints its occurrences in the articles (one annotator per article) and
the share of them that lie inside a gold cue span. Verbs of class ``other``
with a rate under 0.20 are classed ``weak`` in the data file: they are cues
only before a complement clause, a colon or a quotation.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "claimtrack" / "data" / "reporting_verbs.txt"
_WORD = re.compile(r"[A-Za-z]+")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--class", dest="klass", help="only lemmas of this class")
    parser.add_argument("--below", type=float, default=1.01, help="only rates under this")
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args(argv)
    forms: dict[str, str] = {}
    classes: dict[str, str] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 3:
            continue
        classes[cells[0]] = cells[2]
        for form in cells[1].split():
            forms[form] = cells[0]
    seen: set[str] = set()
    occurrences: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for path in args.paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["article"] in seen:
                continue
            seen.add(record["article"])
            text = record["text"]
            covered = bytearray(len(text))
            for attribution in record["attributions"]:
                cue = attribution.get("cue")
                for start, end in (cue or {}).get("spans", []):
                    covered[start:end] = b"\x01" * (end - start)
            for match in _WORD.finditer(text):
                lemma = forms.get(match.group().lower())
                if lemma is not None:
                    occurrences[lemma] += 1
                    in_cue[lemma] += covered[match.start()]
    rows = [
        (lemma, n, in_cue[lemma] / n)
        for lemma, n in occurrences.items()
        if n >= args.min_count and (args.klass is None or classes[lemma] == args.klass)
    ]
    for lemma, n, rate in sorted(rows, key=lambda row: (row[2], row[0])):
        if rate < args.below:
            print(f"{lemma:16s} {classes[lemma]:10s} {n:6d} {rate:5.2f}")


if __name__ == "__main__":
    main()
