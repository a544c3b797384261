"""Build ``claimtrack/data/spellings.tsv``: British spellings and their American form.

Usage::

    python bench/build_spellings.py WORDNET_DICT_DIR [--out PATH]

``WORDNET_DICT_DIR`` holds WordNet 3.0's ``data.noun``, ``data.verb``,
``data.adj``, ``data.adv`` and ``verb.exc`` (the Debian package
``wordnet-base`` installs them in ``/usr/share/wordnet``); nltk's downloader is
not needed.

A wire story restyled by a British outlet ("defence", "organised", "centre")
is the same text as the American original ("defense", "organized",
"center"). WordNet lists both spellings of such a word as lemmas of one synset.
A pair of one-word lemmas of one synset is written when the two differ by one
of the regular British / American correspondences (RULES: -our / -or, -ise /
-ize, -isation / -ization, -yse / -yze, -ence / -ense, -tre / -ter, -ogue /
-og, ae / e, oe / e), with the regular inflections of both (a noun's plural; a
verb's -s, -ed and -ing forms). Verbs that double a final l in British
spelling ("travelled", "fuelling"; in ``verb.exc``) are written with their
single-l form. The rules only propose a pair: WordNet confirms it, so "four"
and "for" are never one word. It prints how many pairs it found by rule.
WordNet's licence notice heads the file.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimtrack" / "data" / "spellings.tsv"

#: (name, British pattern, American replacement), each tried at one place of a word.
RULES = [
    ("our/or", r"our", "or"),
    ("isation/ization", r"isation", "ization"),
    ("ise/ize", r"is(e|ed|es|ing|er|ers)$", r"iz\1"),
    ("yse/yze", r"yse", "yze"),
    ("ence/ense", r"ence$", "ense"),
    ("tre/ter", r"tre$", "ter"),
    ("ogue/og", r"ogue$", "og"),
    ("ae/e", r"ae", "e"),
    ("oe/e", r"oe", "e"),
]

NOTICE = """\
# British spellings and their American form, from WordNet 3.0 (both spellings
# lemmas of one synset, differing by a regular British / American correspondence),
# with their regular inflections. Written by bench/build_spellings.py; columns:
# british<TAB>american<TAB>rule.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# Permission to use, copy, modify and distribute this software and database and
# its documentation for any purpose and without fee or royalty is hereby granted,
# provided that you agree to comply with the following copyright notice and
# statements, including the disclaimer, and that the same appear on ALL copies of
# the software, database and documentation, including modifications that you make
# for internal use or for distribution.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
# LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
# PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database.  Title to
# copyright in this software, database and any associated documentation shall at
# all times remain with Princeton University and LICENSEE agrees to preserve same.
"""

_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def synsets(folder: Path) -> list[tuple[str, list[str]]]:
    """(part of speech, one-word lower-case lemmas) of every synset."""
    out = []
    for name, pos in _POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            cells = line.split()
            count = int(cells[3], 16)
            lemmas = [cells[4 + 2 * k].lower() for k in range(count)]
            lemmas = [re.sub(r"\(.*\)$", "", w) for w in lemmas]
            out.append((pos, [w for w in lemmas if w.isalpha()]))
    return out


def american(word: str) -> list[tuple[str, str]]:
    """The American forms the rules propose for a word, with the rule's name."""
    out = []
    for name, pattern, replacement in RULES:
        for match in re.finditer(pattern, word):
            form = word[: match.start()] + match.expand(replacement) + word[match.end() :]
            if form != word:
                out.append((form, name))
    return out


def inflections(word: str, pos: str) -> list[str]:
    """A lemma's regular inflections (itself first)."""
    if pos == "n":
        return [word, word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"]
    if pos == "v":
        stem = word[:-1] if word.endswith("e") else word
        third = word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"
        return [word, third, stem + "ed", stem + "ing"]
    return [word]


def doubled_l(folder: Path) -> dict[str, str]:
    """British forms that double a verb's final l ("travelled") -> the single-l form."""
    out = {}
    for line in (folder / "verb.exc").read_text(encoding="latin-1").splitlines():
        form, *bases = line.split()
        if len(bases) != 1 or not form.isalpha() or not bases[0].endswith("l"):
            continue
        if bases[0].endswith("ll"):
            continue
        base = bases[0]
        for suffix in ("ed", "ing", "er", "ers"):
            if form == base + "l" + suffix:
                out[form] = base + suffix
    return out


def build(folder: Path) -> tuple[dict[str, tuple[str, str]], Counter[str]]:
    """British form -> (American form, rule), and the pairs found by each rule."""
    table: dict[str, tuple[str, str]] = {}
    found: Counter[str] = Counter()
    for pos, lemmas in synsets(folder):
        present = set(lemmas)
        for word in lemmas:
            for form, rule in american(word):
                if form not in present:
                    continue
                pairs = list(zip(inflections(word, pos), inflections(form, pos), strict=True))
                if word not in table:
                    found[rule] += 1
                for british, usa in pairs:
                    table.setdefault(british, (usa, rule))
    for british, usa in doubled_l(folder).items():
        if british not in table:
            table[british] = (usa, "ll/l")
            found["ll/l"] += 1
    # a form that is itself another pair's American form stays as it is ("prize")
    americans = {usa for usa, _ in table.values()}
    return {k: v for k, v in table.items() if k not in americans}, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wordnet", type=Path, help="folder of WordNet's data.* and verb.exc")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table, found = build(args.wordnet)
    lines = [f"{k}\t{v}\t{rule}" for k, (v, rule) in sorted(table.items())]
    args.out.write_text(NOTICE + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} British forms written to {args.out}")
    for rule, n in found.most_common():
        print(f"  {rule:<16} {n} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
