"""Speaker names on real news: one person, one name, nothing but the name.

Usage::

    python bench/name_quality.py ../shared/data/polnear/dev.jsonl [--show 20]

Every article of the file (each PolNeAR article once, whatever its annotators)
is analysed by :func:`claimtrack.analyze`; the canonical speaker names typed
``person`` are checked for what is not a name:

``possessive``  ends in 's ("Hillary Clinton's");
``title``       holds a title or honorific of ``titles.txt`` before the name
                ("Pennsylvania Gov. Ed Rendell", "Mr. Obama");
``initial``     a middle initial or a suffix ("Donald J. Trump", "John Roberts Jr.");
``common``      starts with a sentence-starting word ("Meanwhile Trump").

and for people *named two ways*: two person names of the corpus whose words,
titles, initials and possessives aside, are one name ("Donald Trump" and
"Donald J. Trump"; a bare surname counts only if one full name ends with it).
The checks use the shipped ``titles.txt`` and ``sentence_starters.txt``, so they
measure the cleaning against the lists it uses; the examples printed with
``--show`` are the way to judge the rest by eye.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora import polnear_articles

import claimtrack
from claimtrack.lexicon import word_set

_POSSESSIVE = re.compile(r"('s|\u2019s|')$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_SUFFIX = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def problems(name: str) -> list[str]:
    words = name.split()
    titles = {t for t in word_set("titles.txt") if " " not in t}
    starters = word_set("sentence_starters.txt")
    out = []
    if _POSSESSIVE.search(name):
        out.append("possessive")
    if any(w.lower() in titles for w in words[:-1]):
        out.append("title")
    if any(_INITIAL.match(w) for w in words[1:-1]) or (
        len(words) > 2 and words[-1].lower() in _SUFFIX
    ):
        out.append("initial")
    if len(words) > 1 and words[0].lower() in starters:
        out.append("common")
    return out


def core(name: str) -> str:
    """The name's words without titles, initials, suffixes and possessive."""
    titles = {t for t in word_set("titles.txt") if " " not in t}
    words = [_POSSESSIVE.sub("", w) for w in name.split()]
    words = [
        w
        for w in words
        if w.lower() not in titles and not _INITIAL.match(w) and w.lower() not in _SUFFIX
    ]
    return " ".join(words).lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="PolNeAR JSON Lines (dev.jsonl)")
    parser.add_argument("--show", type=int, default=0, help="examples to print")
    args = parser.parse_args(argv)
    articles = polnear_articles(args.path)
    result = claimtrack.analyze(articles)
    persons: Counter[str] = Counter(
        a.speaker_name for a in result.attributions if a.speaker_type == "person" and a.speaker_name
    )
    kinds: Counter[str] = Counter()
    flagged = []
    for name in persons:
        found = problems(name)
        kinds.update(found)
        if found:
            flagged.append((name, found))
    by_core: dict[str, set[str]] = defaultdict(set)
    for name in persons:
        by_core[core(name)].add(name)
    full = {c for c in by_core if " " in c}
    for c in list(by_core):
        if " " not in c:
            longer = [f for f in full if f.endswith(" " + c)]
            if len(longer) == 1:
                by_core[longer[0]] |= by_core.pop(c)
    two_ways = {c: names for c, names in by_core.items() if len(names) > 1}
    n = len(persons)
    print(f"{len(articles)} articles; {n} person names ({sum(persons.values())} attributions)")
    print("| check | names | share |")
    print("|---|---:|---:|")
    print(f"| anything not a name | {len(flagged)} | {len(flagged) / n:.1%} |")
    for kind in ("possessive", "title", "initial", "common"):
        print(f"| {kind} | {kinds[kind]} | {kinds[kind] / n:.1%} |")
    print(f"| people named two ways | {len(two_ways)} | {len(two_ways) / n:.1%} |")
    for name, found in flagged[: args.show]:
        print(f"  {name!r}: {', '.join(found)}")
    for names in list(two_ways.values())[: args.show]:
        print(f"  two ways: {sorted(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
