#!/usr/bin/env python3
"""How the antonym pairs of ``claimtrack/data/antonyms.tsv`` show up in real news.

Usage::

    python bench/antonym_coverage.py --msrp MSRP.jsonl [--ecbplus DOCS.jsonl]
        [--polnear PATH.jsonl ...] [--antonyms PATH] [--top N] [--sample N]
        [--pair STEM/STEM] [--seed N] [--by-pair]

It prints

* MSRP: how many sentence pairs hold an antonym pair, one stem in one sentence
  and its antonym in the other, split by the gold label (paraphrase or not),
  against the share of non-paraphrases among all pairs.  Two readings:
  *crossed* (a stem in one sentence only, its antonym in the other only: the
  reading the reversal rule will use) and *loose* (a stem in one sentence, its
  antonym in the other and not in the first), then the crossed figures by the
  source of the pair (direct, synset, derived, similar, extra);
* the N most frequent pairs seen across the corpora: crossed MSRP pairs by
  label; in ECB+, crossed sentence pairs from two articles of one cluster (one
  event) that share at least 30% of their content stems (word Jaccard), i.e.
  two reports of one thing; and the sentences of ECB+ and PolNeAR holding both
  stems of a pair (antonyms used together, "rose ... while ... fell"), with the
  ratio of that count to the count expected if the two stems were independent
  (Justeson and Katz's test that news uses two words as opposites), and the
  articles holding both;
* with ``--by-pair``, the same counts for every pair seen, tab-separated (the
  evidence noted in ``claimtrack/data/antonyms_extra.txt``; pass the builder's
  ``--explain`` output as ``--antonyms`` to see the pairs it drops too);
* with ``--sample N``, N random MSRP pairs and N ECB+ sentence pairs that hold
  an antonym pair (``--pair`` to see one pair only).  Corpus text is printed to
  the terminal only; nothing is written.

Words are lower-cased runs of letters, keyed by their Snowball stem as the
library keys them.  PolNeAR articles annotated several times count once;
its sentences are those of claimtrack's splitter.
"""

from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import random
import re
import sys
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

ROOT = Path(__file__).resolve().parent.parent
ANTONYMS = ROOT / "claimtrack" / "data" / "antonyms.tsv"
STOPWORDS = ROOT / "claimtrack" / "data" / "stopwords.txt"
WORD = re.compile(r"[a-z]+")
SIMILAR = 0.3

Pair = tuple[str, str]


_STEMMER = SnowballStemmer("english")


@functools.cache
def _stem(word: str) -> str:
    return str(_STEMMER.stem(word))


def stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in WORD.findall(text.lower()))


@functools.cache
def _stopstems() -> frozenset[str]:
    lines = STOPWORDS.read_text(encoding="utf-8").splitlines()
    words = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    return frozenset(_stem(w) for w in words)


def read_antonyms(path: Path) -> tuple[dict[str, set[str]], dict[Pair, str]]:
    """stem -> its antonyms, and (a, b) with a < b -> source."""
    partners: dict[str, set[str]] = collections.defaultdict(set)
    source: dict[Pair, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        a, b, src = raw.split("\t")[:3]
        partners[a].add(b)
        partners[b].add(a)
        source[(min(a, b), max(a, b))] = src
    return partners, source


def crossed(one: frozenset[str], two: frozenset[str], partners: dict[str, set[str]]) -> set[Pair]:
    """Pairs with a stem in ``one`` only and its antonym in ``two`` only (or the reverse:
    the pairs are unordered)."""
    out = set()
    for a in one - two:
        for b in partners.get(a, ()):
            if b in two and b not in one:
                out.add((min(a, b), max(a, b)))
    return out


def loose(one: frozenset[str], two: frozenset[str], partners: dict[str, set[str]]) -> set[Pair]:
    """Pairs with a stem in one sentence and its antonym in the other but not the first."""
    out = set()
    for x, y in ((one, two), (two, one)):
        for a in x:
            for b in partners.get(a, ()):
                if b in y and b not in x:
                    out.add((min(a, b), max(a, b)))
    return out


def within(words: frozenset[str], partners: dict[str, set[str]]) -> set[Pair]:
    """Pairs with both stems in one text."""
    return {(min(a, b), max(a, b)) for a in words for b in partners.get(a, ()) if b in words}


def jaccard(one: frozenset[str], two: frozenset[str]) -> float:
    stop = _stopstems()
    one, two = one - stop, two - stop
    return len(one & two) / len(one | two) if one | two else 0.0


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def msrp(path: Path, partners: dict[str, set[str]], source: dict[Pair, str], counts, samples):
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    total = collections.Counter(r["label"] for r in rows)
    hit = {"crossed": collections.Counter(), "loose": collections.Counter()}
    by_source: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in rows:
        one, two = stems(r["s1"]), stems(r["s2"])
        pairs = crossed(one, two, partners)
        if pairs:
            hit["crossed"][r["label"]] += 1
            samples.append(("MSRP", r["label"], sorted(pairs), r["s1"], r["s2"]))
        if loose(one, two, partners):
            hit["loose"][r["label"]] += 1
        for src in {source[p] for p in pairs}:
            by_source[src][r["label"]] += 1
        for p in pairs:
            counts[p]["msrp", r["label"]] += 1
    print(f"## MSRP ({path.name}): {len(rows)} pairs, {total[0]} not paraphrases")
    print(f"({_pct(total[0], len(rows))})\n")
    print("| reading | pairs with an antonym pair | paraphrase | not paraphrase | share not |")
    print("|---|---|---|---|---|")
    print(f"| all pairs (base rate) | {len(rows)} | {total[1]} | {total[0]} | ", end="")
    print(f"{_pct(total[0], len(rows))} |")
    for name, c in hit.items():
        n = c[0] + c[1]
        print(f"| {name} | {n} | {c[1]} | {c[0]} | {_pct(c[0], n)} |")
    print("\n| source (crossed) | pairs | paraphrase | not paraphrase | share not |")
    print("|---|---|---|---|---|")
    for src in ("direct", "synset", "derived", "similar", "extra"):
        c = by_source.get(src, collections.Counter())
        n = c[0] + c[1]
        print(f"| {src} | {n} | {c[1]} | {c[0]} | {_pct(c[0], n)} |")
    print()


def ecbplus(path: Path, partners: dict[str, set[str]], counts, samples, occurrences, articles):
    clusters: dict[str, list[tuple[str, str, frozenset[str]]]] = collections.defaultdict(list)
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        articles.append(stems(doc["text"]))
        for s in doc["sentences"]:
            text = doc["text"][s["start"] : s["end"]]
            words = stems(text)
            clusters[doc["cluster"]].append((doc["doc_id"], text, words))
            occurrences.append(words)
    for sentences in clusters.values():
        # Only sentences holding a stem with an antonym can be part of a crossed pair.
        useful = [s for s in sentences if any(w in partners for w in s[2])]
        for (doc_a, text_a, a), (doc_b, text_b, b) in itertools.combinations(useful, 2):
            if doc_a == doc_b:
                continue
            pairs = crossed(a, b, partners)
            if pairs and jaccard(a, b) >= SIMILAR:
                for p in pairs:
                    counts[p]["ecb"] += 1
                samples.append(("ECB+", doc_a + " / " + doc_b, sorted(pairs), text_a, text_b))


def polnear(paths: list[Path], occurrences, articles) -> None:
    from claimtrack.articles import Article
    from claimtrack.sentences import split_sentences

    seen = set()
    for path in paths:
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            if record["article"] in seen:
                continue
            seen.add(record["article"])
            article = Article(id=record["article"], text=record["text"])
            articles.append(stems(record["text"]))
            occurrences.extend(stems(s.text) for s in split_sentences(article))


class Usage:
    """How often each pair was seen, corpus by corpus."""

    def __init__(self) -> None:
        self.counts: dict[Pair, collections.Counter] = collections.defaultdict(collections.Counter)
        self.sentences: list[frozenset[str]] = []  # ECB+ and PolNeAR sentences
        self.articles: list[frozenset[str]] = []  # ECB+ and PolNeAR articles
        self.frequency: collections.Counter = collections.Counter()

    def tally(self, partners: dict[str, set[str]]) -> None:
        """Count the sentences and articles holding both stems of a pair."""
        for words in self.articles:
            for p in within(words, partners):
                self.counts[p]["articles"] += 1
        for words in self.sentences:
            self.frequency.update(w for w in words if w in partners)
            for p in within(words, partners):
                self.counts[p]["together"] += 1

    def ratio(self, p: Pair) -> float:
        """Sentences with both stems over the count expected if they were independent."""
        n = len(self.sentences)
        expected = self.frequency[p[0]] * self.frequency[p[1]] / n if n else 0.0
        return self.counts[p]["together"] / expected if expected else 0.0

    def seen(self, p: Pair) -> int:
        """Crossed sentence pairs and sentences with both stems (articles aside)."""
        c = self.counts[p]
        return c["msrp", 0] + c["msrp", 1] + c["ecb"] + c["together"]

    def row(self, p: Pair) -> list[str]:
        c = self.counts[p]
        return [
            str(c["msrp", 1]),
            str(c["msrp", 0]),
            str(c["ecb"]),
            str(c["together"]),
            f"{self.ratio(p):.1f}",
            str(c["articles"]),
        ]


def print_top(usage: Usage, source: dict[Pair, str], top: int) -> None:
    ranked = sorted((p for p in usage.counts if usage.seen(p)), key=lambda p: (-usage.seen(p), p))
    print(f"## The {top} pairs seen most often ({len(ranked)} pairs seen at all)\n")
    print("MSRP: crossed sentence pairs (paraphrase / not); ECB+: crossed similar sentence pairs")
    print(f"of one cluster; together: the {len(usage.sentences)} sentences of ECB+ and PolNeAR")
    print("holding both stems; ratio: together over its count if the stems were independent;")
    print(f"articles: the {len(usage.articles)} ECB+ and PolNeAR articles holding both stems.\n")
    print("| pair | source | MSRP para | MSRP not | ECB+ | together | ratio | articles |")
    print("|---|---|---|---|---|---|---|---|")
    for p in ranked[:top]:
        print(f"| {p[0]} / {p[1]} | {source[p]} | " + " | ".join(usage.row(p)) + " |")
    print()


def print_samples(samples: list[tuple], n: int, pair: str | None, seed: int) -> None:
    wanted = None
    if pair:
        a, b = pair.split("/")
        wanted = (min(a, b), max(a, b))
    rng = random.Random(seed)
    for corpus in ("MSRP", "ECB+"):
        pool = [s for s in samples if s[0] == corpus and (wanted is None or wanted in s[2])]
        print(f"## {corpus}: {min(n, len(pool))} of {len(pool)} sentence pairs\n")
        for _, label, pairs, one, two in rng.sample(pool, min(n, len(pool))):
            print(f"[{label}] {', '.join('/'.join(p) for p in pairs)}\n  1: {one}\n  2: {two}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--msrp", type=Path, required=True, help="MSRP train.jsonl")
    ap.add_argument("--ecbplus", type=Path, help="ECB+ documents.jsonl")
    ap.add_argument("--polnear", type=Path, nargs="*", default=[], help="PolNeAR *.jsonl")
    ap.add_argument("--antonyms", type=Path, default=ANTONYMS, help="stem_a<TAB>stem_b<TAB>source")
    ap.add_argument("--top", type=int, default=30, help="pairs in the table (0: none)")
    ap.add_argument("--sample", type=int, default=0, help="print N sentence pairs of each corpus")
    ap.add_argument("--pair", help="only samples of this pair, STEM/STEM")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--by-pair", action="store_true", help="print every pair seen, tab-separated")
    args = ap.parse_args(argv)

    partners, source = read_antonyms(args.antonyms)
    print(f"{args.antonyms.name}: {len(source)} pairs, {len(partners)} stems\n")
    usage = Usage()
    samples: list[tuple] = []
    msrp(args.msrp, partners, source, usage.counts, samples)
    if args.ecbplus:
        ecbplus(args.ecbplus, partners, usage.counts, samples, usage.sentences, usage.articles)
    if args.polnear:
        polnear(args.polnear, usage.sentences, usage.articles)
    usage.tally(partners)
    if args.top:
        print_top(usage, source, args.top)
    if args.by_pair:
        print("pair\tsource\tmsrp_para\tmsrp_not\tecb\ttogether\tratio\tarticles")
        order = sorted(
            usage.counts, key=lambda p: (-usage.seen(p), -usage.counts[p]["articles"], p)
        )
        for p in order:
            print(f"{p[0]}/{p[1]}\t{source[p]}\t" + "\t".join(usage.row(p)))
    if args.sample:
        print_samples(samples, args.sample, args.pair, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
