"""How often the phrase synonyms of ``claimtrack/data/phrase_synonyms.tsv`` occur in news.

Usage::

    python bench/phrase_coverage.py [--msrp MSRP_TRAIN_JSONL] [--ecb ECB_DOCUMENTS_JSONL]
        [--polnear POLNEAR_TRAIN_JSONL] [--top N]

MSRP: the pairs with a phrase on one side and its canonical word (as a whole
word, not inside the phrase) on the other ("crossed"), with the share judged
paraphrases (base rate on train: 67.5%).  ECB+ and PolNeAR: the most frequent
phrases (counted by phrase form).  Text is matched lower-cased on word
boundaries; nothing from the corpora is written anywhere.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "claimtrack" / "data" / "phrase_synonyms.tsv"


def read_table(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            phrase, canonical, _ = line.split("\t")
            out[phrase] = canonical
    return out


def finder(table: dict[str, str]) -> re.Pattern[str]:
    alternatives = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in alternatives) + r")\b")


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def msrp(path: Path, table: dict[str, str], pattern: re.Pattern[str]) -> None:
    crossed = collections.Counter()
    examples = collections.Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        s1, s2 = pair["s1"].lower(), pair["s2"].lower()
        hit = ""
        for a, b in ((s1, s2), (s2, s1)):
            for match in pattern.finditer(a):
                phrase = match.group(1)
                if table[phrase] in words(b) and table[phrase] not in words(a):
                    hit = phrase
        if hit:
            crossed[pair["label"]] += 1
            examples[f"{hit} -> {table[hit]}"] += 1
    total = crossed[0] + crossed[1]
    share = 100 * crossed[1] / total if total else 0.0
    print("| crossed pairs | paraphrase | not | share paraphrase |")
    print("|---:|---:|---:|---:|")
    print(f"| {total} | {crossed[1]} | {crossed[0]} | {share:.1f}% |")
    print()
    print("| phrase -> canonical | crossed pairs |")
    print("|---|---:|")
    for name, n in examples.most_common():
        print(f"| {name} | {n} |")
    print()


def frequent(texts, pattern: re.Pattern[str], table: dict[str, str], top: int, name: str):
    counts = collections.Counter()
    for text in texts:
        for match in pattern.finditer(text.lower()):
            counts[match.group(1)] += 1
    print(f"| {name}: phrase | canonical | uses |")
    print("|---|---|---:|")
    for phrase, n in counts.most_common(top):
        print(f"| {phrase} | {table[phrase]} | {n} |")
    print()


def jsonl_texts(path: Path) -> list[str]:
    seen, out = set(), []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        key = record.get("doc_id") or record.get("title") or record["text"][:200]
        if key in seen:  # PolNeAR: one record per (article, annotator)
            continue
        seen.add(key)
        out.append(record["text"])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--table", type=Path, default=TABLE)
    ap.add_argument("--msrp", type=Path)
    ap.add_argument("--ecb", type=Path)
    ap.add_argument("--polnear", type=Path)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    table = read_table(args.table)
    pattern = finder(table)
    if args.msrp:
        msrp(args.msrp, table, pattern)
    if args.ecb:
        frequent(jsonl_texts(args.ecb), pattern, table, args.top, "ECB+")
    if args.polnear:
        frequent(jsonl_texts(args.polnear), pattern, table, args.top, "PolNeAR")
    return 0


if __name__ == "__main__":
    sys.exit(main())
