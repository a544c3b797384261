"""Relation truth on real sentences: planted alterations and meaning-keeping variants.

Usage::

    python bench/relation_typing.py --polnear ../shared/data/polnear/dev.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl [--per-kind 300] [--seed 5]

Sentences of 8 to 40 words are drawn from PolNeAR dev and from ECB+ dev topics
(26-35).  Each *edit* changes one sentence in one way and asks ``relate(original,
edited)`` (the public API, bare strings: speakers are found by the extractor):

alterations (must be typed by the change named, and never be repetition or agreement)
    ``reversal``  a word replaced by its antonym (rose -> fell, won -> lost);
    ``number``    a number multiplied by ten or plus one (written as it was written);
    ``date``      a weekday or a month replaced by another;
    ``negation``  "not" put after an auxiliary ("is" -> "is not"), or taken out;
    ``modality``  "will" -> "may" / "might" / "could";
    ``speaker``   the name before "said" replaced by another surname;
meaning-keeping variants (must stay repetition or agreement, with no material change)
    ``numerals``  "2,000" <-> "2000", "5 percent" <-> "5%", "five" <-> "5";
    ``apostrophes`` apostrophes and the periods of abbreviations stripped ("U.S." -> "US");
    ``quotes``    straight quotes made curly and curly ones straight;
    ``synonyms``  a word replaced by a synonym (large -> big, begin -> start).

The word lists below are written for this benchmark, apart from claimtrack's own
data files (its antonym lexicon comes from WordNet; these pairs were chosen from
news usage), so the benchmark does not only measure claimtrack against itself.
Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth import DAYS, MONTHS

from claimtrack.articles import Article
from claimtrack.relations import relate
from claimtrack.sentences import SentenceSplitter

ANTONYMS = [
    ("rose", "fell"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("won", "lost"),
    ("win", "lose"),
    ("accepted", "rejected"),
    ("approved", "rejected"),
    ("confirmed", "denied"),
    ("supported", "opposed"),
    ("support", "oppose"),
    ("allowed", "banned"),
    ("legal", "illegal"),
    ("guilty", "innocent"),
    ("higher", "lower"),
    ("more", "fewer"),
    ("before", "after"),
    ("open", "closed"),
    ("strong", "weak"),
    ("success", "failure"),
    ("agreed", "refused"),
    ("true", "false"),
    ("best", "worst"),
    ("always", "never"),
    ("rise", "fall"),
    ("gained", "lost"),
    ("possible", "impossible"),
    ("safe", "dangerous"),
    ("alive", "dead"),
    ("start", "end"),
    ("most", "least"),
]
SYNONYMS = [
    ("large", "big"),
    ("begin", "start"),
    ("began", "started"),
    ("buy", "purchase"),
    ("help", "assist"),
    ("quickly", "rapidly"),
    ("ended", "finished"),
    ("enough", "sufficient"),
    ("attempt", "try"),
    ("children", "kids"),
    ("shows", "demonstrates"),
    ("chance", "opportunity"),
    ("job", "position"),
    ("maybe", "perhaps"),
    ("almost", "nearly"),
    ("answer", "reply"),
]
PRONOUNS = {"She", "They", "You", "This", "That", "There", "Officials", "Police"}
AUXILIARIES = ["is", "was", "are", "were", "will", "would", "can", "could", "has", "have", "had"]
SURNAMES = ["Okafor", "Lindqvist", "Barrington", "Castellano", "Whitcombe", "Nakamura"]
NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}

ALTERATIONS = {
    "reversal": ("reversal",),
    "number": ("number",),
    "date": ("date",),
    "negation": ("negation",),
    "modality": ("modality",),
    "speaker": ("speaker",),
}
VARIANTS = ("numerals", "apostrophes", "quotes", "synonyms")
SAME = ("repetition", "agreement")

Edit = Callable[[str, random.Random], str | None]


def _swap_word(pairs: list[tuple[str, str]]) -> Edit:
    def edit(text: str, rnd: random.Random) -> str | None:
        found = []
        for a, b in pairs:
            for x, y in ((a, b), (b, a)):
                # a whole word: not inside "won't" or "forty-three"
                for m in re.finditer(rf"(?<![-'\u2019])\b{re.escape(x)}\b(?![-'\u2019])", text):
                    found.append((m, y))
        if not found:
            return None
        m, y = rnd.choice(found)
        return text[: m.start()] + y + text[m.end() :]

    return edit


def _number(text: str, rnd: random.Random) -> str | None:
    found = list(re.finditer(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?![\w.,]\d)", text))
    if not found:
        return None
    m = rnd.choice(found)
    value = int(m.group().replace(",", ""))
    new = value * 10 if rnd.random() < 0.5 else value + 1
    written = f"{new:,}" if "," in m.group() else str(new)
    return text[: m.start()] + written + text[m.end() :]


def _date(text: str, rnd: random.Random) -> str | None:
    for names in (DAYS, MONTHS):
        found = [m for n in names for m in re.finditer(rf"\b{n}\b", text)]
        if found:
            m = rnd.choice(found)
            other = rnd.choice([n for n in names if n != m.group()])
            return text[: m.start()] + other + text[m.end() :]
    return None


def _negation(text: str, rnd: random.Random) -> str | None:
    removed = list(
        re.finditer(r"\b(is|was|are|were|will|would|can|could|has|have|had) not\b", text)
    )
    if removed and rnd.random() < 0.5:
        m = rnd.choice(removed)
        return text[: m.start()] + m.group(1) + text[m.end() :]
    found = [m for aux in AUXILIARIES for m in re.finditer(rf"\b{aux}\b(?! not)", text)]
    if not found:
        return None
    m = rnd.choice(found)
    return text[: m.end()] + " not" + text[m.end() :]


def _modality(text: str, rnd: random.Random) -> str | None:
    found = list(re.finditer(r"\bwill\b", text))
    if not found:
        return None
    m = rnd.choice(found)
    return text[: m.start()] + rnd.choice(["may", "might", "could"]) + text[m.end() :]


def _speaker(text: str, rnd: random.Random) -> str | None:
    found = [
        m
        for m in re.finditer(r"\b([A-Z][a-z]{2,})(?= (?:said|says|told|added)\b)", text)
        if m.group(1) not in PRONOUNS  # a named speaker given another name
    ]
    if not found:
        return None
    m = rnd.choice(found)
    other = rnd.choice([s for s in SURNAMES if s != m.group(1)])
    return text[: m.start()] + other + text[m.end() :]


def _numerals(text: str, rnd: random.Random) -> str | None:
    options: list[tuple[re.Match[str], str]] = []
    for m in re.finditer(r"\b\d{1,3}(?:,\d{3})+\b", text):
        options.append((m, m.group().replace(",", "")))
    for m in re.finditer(r"\b(\d+(?:\.\d+)?) percent\b", text):
        options.append((m, f"{m.group(1)}%"))
    for m in re.finditer(r"\b(\d+(?:\.\d+)?)%", text):
        options.append((m, f"{m.group(1)} percent"))
    for word, digits in NUMBER_WORDS.items():
        for m in re.finditer(rf"(?<![-\w])\b{word}\b(?!-)", text, re.IGNORECASE):
            options.append((m, digits))
    if not options:
        return None
    m, new = rnd.choice(options)
    return text[: m.start()] + new + text[m.end() :]


def _apostrophes(text: str, rnd: random.Random) -> str | None:
    new = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", ""), text)
    new = new.replace("'", "").replace("\u2019", "")
    return new if new != text else None


def _quotes(text: str, rnd: random.Random) -> str | None:
    if '"' in text:
        out, opening = [], True
        for ch in text:
            if ch == '"':
                out.append("\u201c" if opening else "\u201d")
                opening = not opening
            else:
                out.append(ch)
        return "".join(out)
    if "\u201c" in text or "\u201d" in text:
        return text.replace("\u201c", '"').replace("\u201d", '"')
    return None


EDITS: dict[str, Edit] = {
    "reversal": _swap_word(ANTONYMS),
    "number": _number,
    "date": _date,
    "negation": _negation,
    "modality": _modality,
    "speaker": _speaker,
    "numerals": _numerals,
    "apostrophes": _apostrophes,
    "quotes": _quotes,
    "synonyms": _swap_word(SYNONYMS),
}


def sentences(polnear: str, ecbplus: str | None) -> Iterator[str]:
    """Sentences of 8 to 40 words of PolNeAR dev and ECB+ dev topics (26-35), as
    claimtrack's splitter splits them."""
    splitter = SentenceSplitter.default()
    paths = [(polnear, "text", None)]
    if ecbplus:
        paths.append((ecbplus, "text", range(26, 36)))
    for path, field, topics in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if topics is not None and int(record.get("topic", 0)) not in topics:
                    continue
                article = Article(id="x", text=record[field])
                for sentence in splitter.split(article):
                    text = sentence.text.strip()
                    if 8 <= len(text.split()) <= 40 and text[-1:] in '.!?"\u201d':
                        yield text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", required=True, help="PolNeAR dev.jsonl")
    parser.add_argument("--ecbplus", help="ECB+ documents.jsonl (dev topics 26-35 used)")
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=0, help="failures to print per kind")
    args = parser.parse_args(argv)
    pool = sorted(set(sentences(args.polnear, args.ecbplus)))
    rnd = random.Random(args.seed)
    rnd.shuffle(pool)
    print(f"{len(pool):,} sentences of 8-40 words")
    print("| edit | pairs | typed right | never repetition/agreement | relations | wrong as |")
    print("|---|---:|---:|---:|---|---|")
    start = time.perf_counter()
    failures: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for kind, edit in EDITS.items():
        n = right = never_same = 0
        relations: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        for sentence in pool:
            if n >= args.per_kind:
                break
            edited = edit(sentence, rnd)
            if edited is None or edited == sentence:
                continue
            n += 1
            result = relate(sentence, edited)
            relations[result.relation] += 1
            material = {c.type for c in result.changes if c.material}
            if kind in ALTERATIONS:
                ok = bool(material & set(ALTERATIONS[kind]))
                never_same += result.relation not in SAME
            else:
                ok = result.relation in SAME and not material
                never_same += result.relation in SAME
            right += ok
            if not ok:
                wrong[f"{result.relation}:{','.join(sorted(material)) or '-'}"] += 1
                failures[kind].append((sentence, edited, result.relation))
        if not n:
            continue
        never = f"{never_same / n:.1%}" if kind in ALTERATIONS else f"(stays: {never_same / n:.1%})"
        print(
            f"| {kind} | {n} | {right / n:.1%} | {never} "
            f"| {', '.join(f'{r} {c}' for r, c in relations.most_common())} "
            f"| {', '.join(f'{w} {c}' for w, c in wrong.most_common(3)) or '-'} |"
        )
    print(f"\n{time.perf_counter() - start:.1f} s")
    for kind, cases in failures.items():
        for a, b, relation in cases[: args.show]:
            print(f"\n[{kind} -> {relation}]\n  {a}\n  {b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
