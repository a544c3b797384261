"""Build ``claimtrack/data/irregular_verbs.tsv`` from WordNet 3.0's verb exceptions.

Usage::

    python bench/build_irregular.py WORDNET_DICT_DIR [--out PATH]

``WORDNET_DICT_DIR`` holds WordNet's ``verb.exc`` and ``index.verb`` (the Debian
package ``wordnet-base`` installs them in ``/usr/share/wordnet``); nltk's
downloader is not needed.

``verb.exc`` lists the irregular inflections of English verbs with their base
form ("rose rise", "said say", "won win"). A Snowball stem does not reach the
base from them ("rose" stays "rose"), so "prices rise" and "prices rose" would
differ by a word, not by a tense. What is written: every one-word form with
exactly one base, except forms that are verbs of their own in ``index.verb`` and
used as such at least a fifth as often as the base, by WordNet's sense-tagged
counts (``cntlist.rev``): "lay" (45, to lay) stays apart from "lie" (193), while
"fell" (4, to fell a tree) is "fall" (116) and "saw" (1) is "see" (1,214); and
forms equal to their base. It prints how many were kept and dropped. WordNet's
licence notice heads the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimtrack" / "data" / "irregular_verbs.tsv"

NOTICE = """\
# Irregular verb forms and their base form, from WordNet 3.0's verb.exc.
# Written by bench/build_irregular.py; columns: form<TAB>base. Forms used as verbs
# of their own at least a fifth as often as their base ("lay") are left out.
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


def verb_lemmas(folder: Path) -> set[str]:
    """The one-word verb lemmas of ``index.verb``."""
    out = set()
    for line in (folder / "index.verb").read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") or not line.strip():
            continue  # the licence header
        lemma = line.split(" ", 1)[0]
        if "_" not in lemma:
            out.add(lemma)
    return out


def tag_counts(folder: Path) -> dict[str, int]:
    """How often each verb lemma is used, summed over its senses (``cntlist.rev``)."""
    counts: dict[str, int] = {}
    for line in (folder / "cntlist.rev").read_text(encoding="utf-8").splitlines():
        key, _, count = line.split(" ")
        lemma, _, sense = key.partition("%")
        if sense.startswith("2:"):
            counts[lemma] = counts.get(lemma, 0) + int(count)
    return counts


def build(folder: Path) -> tuple[list[tuple[str, str]], int, int]:
    """The (form, base) pairs kept, and the counts dropped as verbs of their own and
    as ambiguous (several bases)."""
    verbs = verb_lemmas(folder)
    used = tag_counts(folder)
    kept: list[tuple[str, str]] = []
    own = ambiguous = 0
    for line in (folder / "verb.exc").read_text(encoding="utf-8").splitlines():
        cells = line.split()
        if len(cells) < 2 or "_" in cells[0]:
            continue
        form, bases = cells[0], cells[1:]
        if len(set(bases)) > 1:
            ambiguous += 1
            continue
        if form == bases[0] or "_" in bases[0]:
            continue
        if form in verbs and 5 * used.get(form, 0) >= used.get(bases[0], 0):
            own += 1
            continue
        kept.append((form, bases[0]))
    return sorted(set(kept)), own, ambiguous


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wordnet", help="folder of WordNet's verb.exc and index.verb")
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    pairs, own, ambiguous = build(Path(args.wordnet))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(NOTICE)
        for form, base in pairs:
            out.write(f"{form}\t{base}\n")
    print(
        f"{len(pairs)} irregular forms written to {args.out}; left out {own} forms that are "
        f"verbs of their own and {ambiguous} with several bases"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
