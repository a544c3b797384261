"""Sentence-splitting quality on PolNeAR: suspicious breaks and suspicious non-breaks.

Usage::

    python bench/split_quality.py ../shared/data/polnear/train.jsonl ../shared/data/polnear/dev.jsonl
    python bench/split_quality.py --learn ...      # Punkt also trained on the corpora given
    python bench/split_quality.py --examples 50 --only false ...

Each file is read as PolNeAR JSON Lines (one record per article and annotator;
records are deduplicated by their ``article`` field, attributions of all
annotators are kept) and every article is split with
:func:`claimtrack.sentences.split_sentences`.  Only breaks *inside* a
paragraph are judged: paragraph ends are given by the text, not by Punkt.

FALSE BREAKS (a sentence ends where it should not), by kind.  The brief's
definition:

* ``lower``: the sentence ends with an abbreviation-like token ("Jan.",
  "U.S.", "Gov.", "J.", a listed abbreviation) and the next one starts with a
  lower-case letter;
* ``digit``: the same, and the next sentence starts with a digit;
* ``name``: the token is a title, an initial or a place prefix ("Sen.",
  "J.", "St.") and the next sentence starts with a capitalised word;
* ``proper``: the token is another abbreviation-like token (not merely a
  short capitalised word such as "Iowa.") and the next word is capitalised
  and written capitalised almost everywhere mid-sentence in the corpus
  ("U.S. Senate", "H.W. Bush");
* ``attribution``: the break cuts a PolNeAR cue or source span in two;

and more signals (reported apart):

* ``lower-other``: any other break before a lower-case word (''"Why?" he
  asked'', "fees . . . and taxes", but also tweets and URLs);
* ``punct-start``: the next sentence starts with a comma, semicolon or colon;
* ``cue-split``: a PolNeAR content ends before the break and its cue is in
  the next sentence (''"Why?" || Trump asked.'').

MISSED BREAKS (a sentence holds an internal boundary), by kind.  The brief's
definition:

* ``period``: ``[.?!]["')]*\\s+[A-Z]`` inside a sentence after a token that is
  neither an abbreviation nor an initial;
* ``quote``: the same with a closing quote between the punctuation and the
  next capitalised word (``... he said." The ...``);

and two more signals after abbreviations (reported apart):

* ``abbrev-quote``: a listed abbreviation that is not a title or an initial,
  then an opening quote and a capital (''in Fresno, Calif. "I think'');
* ``abbrev-word``: an abbreviation-like token that is not a title, initial
  or place prefix, then a capitalised word that is written in lower case
  almost everywhere mid-sentence (''into the U.S. Initially, the'').

These are detectors, not gold: both flag correct decisions too ("Mr. Smith"
is never flagged, but "U.S. Senate" after a real sentence end would be).  The
script prints counts per 1,000 sentences and a random sample of examples of
each kind, to be judged by eye (see bench/SPLITTING.md).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from scoring import polnear_records

from claimtrack.articles import Article
from claimtrack.sentences import Sentence, SentenceSplitter, _abbreviations, split_sentences

# --- reading ------------------------------------------------------------------


class Doc:
    """One PolNeAR article: its claimtrack Article and its cue/source spans."""

    def __init__(
        self,
        article: Article,
        role_spans: list[tuple[int, int, str]],
        cue_content: list[tuple[int, int, int, int]] = (),
    ) -> None:
        self.article = article
        self.role_spans = role_spans  # (start, end, "cue"|"source")
        self.cue_content = cue_content  # (cue start, cue end, content start, content end)


def read_polnear(path: str | Path) -> list[Doc]:
    """Articles of a PolNeAR JSONL file, deduplicated by ``article``."""
    texts: dict[str, str] = {}
    spans: dict[str, set[tuple[int, int, str]]] = collections.defaultdict(set)
    pairs: dict[str, set[tuple[int, int, int, int]]] = collections.defaultdict(set)
    for key, record in polnear_records(str(path)):
        if key in texts and texts[key] != record["text"]:
            continue  # a different text under the same article: keep the first
        texts.setdefault(key, record["text"])
        for attribution in record.get("attributions") or ():
            for role in ("cue", "source"):
                value = attribution.get(role)
                if not value:
                    continue
                for s, e in value.get("spans") or [[value["start"], value["end"]]]:
                    spans[key].add((int(s), int(e), role))
            cue, content = attribution.get("cue"), attribution.get("content")
            if cue and content:
                pairs[key].add((cue["start"], cue["end"], content["start"], content["end"]))
    return [
        Doc(Article(id=k, text=t), sorted(spans[k]), sorted(pairs[k])) for k, t in texts.items()
    ]


# --- lexical knowledge used by the detectors ----------------------------------------


ABBREVS = _abbreviations()
NAME_PREFIX = {"st", "ste", "mt", "ft", "pt"}  # "St. Louis": the next word continues a name

OPENERS = "\"'\u201c\u2018([{"
CLOSERS = "\"'\u201d\u2019)]}"
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_SHORT_CAP = re.compile(r"[A-Z][a-z]{0,3}\.")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.\-]*")


def abbrev_kind(token: str) -> str | None:
    """What an abbreviation-like token is, or None ("said.", "Obama." -> None).

    Kinds: "title", "initial", "prefix" (St.), the category of a listed
    abbreviation, "acronym" (U.S.), "short" (a capitalised token of up to
    four letters with a period, unlisted).
    """
    token = token.lstrip(OPENERS + CLOSERS).rsplit("-", 1)[-1]  # "then-Sen." is "Sen."
    if not token.endswith(".") or len(token) < 2:
        return None
    bare = token[:-1].lower()
    if bare in NAME_PREFIX:
        return "prefix"
    if bare in ABBREVS:
        return ABBREVS[bare]
    if re.fullmatch(r"[A-Za-z]\.", token):
        return "initial"
    if _INITIALS.fullmatch(token):
        return "acronym"
    if _SHORT_CAP.fullmatch(token):
        return "short"
    return None


def capitalised_ratio(docs: Iterable[Doc]) -> dict[str, float]:
    """For each word, how often it is capitalised when it is not sentence-initial.

    Counted on the raw text: a word preceded by a lower-case word or a comma
    is mid-sentence.
    """
    upper: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    mid = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z'\u2019\-]*)")
    for doc in docs:
        for match in mid.finditer(doc.article.text):
            word = match.group(1)
            key = word.lower()
            total[key] += 1
            if word[0].isupper():
                upper[key] += 1
    return {w: upper[w] / n for w, n in total.items() if n}


# --- detectors ------------------------------------------------------------------


def _first_word(text: str) -> str:
    match = _WORD.search(text.lstrip(OPENERS), 0)
    stripped = text.lstrip(OPENERS)
    if not stripped:
        return ""
    if stripped[0].isdigit():
        return stripped.split()[0]
    return match.group(0) if match and match.start() == 0 else stripped.split()[0]


def _context(text: str, offset: int, width: int = 70) -> str:
    left = text[max(0, offset - width) : offset].replace("\n", " ")
    right = text[offset : offset + width].replace("\n", " ")
    return f"...{left} || {right}..."


Flag = tuple[str, str, str, int]  # (kind, article id, context, offset)


def false_breaks(doc: Doc, sentences: Sequence[Sentence], caps: dict[str, float]) -> list[Flag]:
    """Breaks inside a paragraph that look wrong."""
    text = doc.article.text
    out: list[Flag] = []
    for prev, nxt in itertools.pairwise(sentences):
        if prev.paragraph != nxt.paragraph:
            continue
        offset = prev.end
        kind = None
        tokens = prev.text.split()
        last = tokens[-1] if tokens else ""
        akind = abbrev_kind(last)
        if akind is not None:
            body = nxt.text.lstrip(OPENERS)
            first = _first_word(nxt.text)
            if body[:1].islower():
                kind = "lower"
            elif body[:1].isdigit():
                kind = "digit"
            elif body[:1].isupper():
                if akind in ("title", "initial", "prefix"):
                    kind = "name"
                elif akind != "short" and caps.get(first.lower(), 1.0) >= 0.9:
                    kind = "proper"
        if kind is None:
            for s, e, _role in doc.role_spans:
                if s < offset and nxt.start < e:
                    kind = "attribution"
                    break
        if kind is None:
            body = nxt.text.lstrip(OPENERS)
            if body[:1].islower():
                kind = "lower-other"
            elif nxt.text.lstrip(CLOSERS)[:1] in (",", ";", ":"):
                kind = "punct-start"
            elif any(
                ce <= offset and nxt.start <= cs < nxt.end for cs, _, _, ce in doc.cue_content
            ):
                kind = "cue-split"
        if kind is not None:
            out.append((kind, doc.article.id, _context(text, offset), offset))
    return out


_INTERNAL = re.compile(r"([.?!])([\"'\u201d\u2019)\]]*)\s+[\"\u201c\u2018(]*[A-Z]")


_ABBR_NEXT = re.compile(r"(\S+)\.([ \t\u00a0]+)([\"'\u201c\u2018]*)([A-Z][a-z]+)")


def missed_breaks(doc: Doc, sentences: Sequence[Sentence], caps: dict[str, float]) -> list[Flag]:
    """Internal boundaries in a sentence that look like sentence ends."""
    text = doc.article.text
    out: list[Flag] = []
    for sentence in sentences:
        piece = sentence.text
        for match in _INTERNAL.finditer(piece):
            punct = match.start(1)
            head = piece[: punct + 1]
            token = head.split()[-1] if head.split() else ""
            closer = match.group(2)
            if match.group(1) == "." and abbrev_kind(token) not in (None, "short"):
                continue
            kind = "quote" if any(c in "\"\u201d'\u2019" for c in closer) else "period"
            offset = sentence.start + match.end(2)
            out.append((kind, doc.article.id, _context(text, offset), offset))
        for match in _ABBR_NEXT.finditer(piece):
            akind = abbrev_kind(match.group(1) + ".")
            if akind in (None, "short", "title", "initial", "prefix"):
                continue
            offset = sentence.start + match.end(1) + 1
            if match.group(3):
                bare = match.group(1).lstrip(OPENERS).rsplit("-", 1)[-1].lower()
                if bare in ABBREVS:
                    out.append(("abbrev-quote", doc.article.id, _context(text, offset), offset))
            elif caps.get(match.group(4).lower(), 1.0) < 0.1:
                out.append(("abbrev-word", doc.article.id, _context(text, offset), offset))
    return out


# --- report ---------------------------------------------------------------------


def evaluate(docs: Sequence[Doc], splitter: SentenceSplitter, caps: dict[str, float]):
    n_sentences = 0
    n_internal = 0
    false: list[Flag] = []
    missed: list[Flag] = []
    for doc in docs:
        sentences = split_sentences(doc.article, splitter)
        n_sentences += len(sentences)
        n_internal += sum(1 for a, b in itertools.pairwise(sentences) if a.paragraph == b.paragraph)
        false.extend(false_breaks(doc, sentences, caps))
        missed.extend(missed_breaks(doc, sentences, caps))
    return n_sentences, n_internal, false, missed


#: The kinds that make up the brief's definitions; the others are extra signals.
BRIEF_KINDS = {
    "false": ("lower", "digit", "name", "proper", "attribution"),
    "missed": ("period", "quote"),
}


def report(name: str, docs, splitter, caps, examples: int, seed: int, only: str | None) -> dict:
    n, n_internal, false, missed = evaluate(docs, splitter, caps)
    per_k = 1000.0 / max(n, 1)
    print(f"== {name}: {len(docs)} articles, {n} sentences ({n_internal} breaks inside paragraphs)")
    result: dict = {"articles": len(docs), "sentences": n}
    rng = random.Random(seed)
    for label, flags in (("false", false), ("missed", missed)):
        kinds = collections.Counter(k for k, *_ in flags)
        main_kinds = BRIEF_KINDS[label]
        core = [f for f in flags if f[0] in main_kinds]
        extra = [f for f in flags if f[0] not in main_kinds]
        detail = ", ".join(f"{k} {kinds[k]}" for k in main_kinds)
        extra_detail = ", ".join(
            f"{k} {c}" for k, c in sorted(kinds.items()) if k not in main_kinds
        )
        title = f"{label.upper()} BREAKS"
        print(f"{title}: {len(core)} ({len(core) * per_k:.2f} per 1,000 sentences)  [{detail}]")
        print(
            f"  other signals: {len(extra)} ({len(extra) * per_k:.2f} per 1,000)  [{extra_detail}]"
        )
        result[label] = {
            "total": len(core),
            "per_1000": round(len(core) * per_k, 2),
            "other_signals": len(extra),
            "other_per_1000": round(len(extra) * per_k, 2),
            "kinds": dict(kinds),
        }
        if (only and only != label) or not examples:
            continue
        for group, group_flags in ((f"{label} break", core), (f"{label} (other signals)", extra)):
            sample = (
                group_flags if len(group_flags) <= examples else rng.sample(group_flags, examples)
            )
            sample.sort(key=lambda f: (f[1], f[3]))
            print(f"-- {len(sample)} of {len(group_flags)} {group} examples ({name})")
            for kind, art, context, _ in sample:
                print(f"  [{kind}] {art[:40]}: {context}")
    print()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="PolNeAR JSONL files (train.jsonl, dev.jsonl)")
    parser.add_argument("--examples", type=int, default=30, help="examples of each kind to print")
    parser.add_argument("--seed", type=int, default=0, help="seed of the example sample")
    parser.add_argument(
        "--only", choices=["false", "missed"], help="print examples of one kind only"
    )
    parser.add_argument(
        "--learn",
        action="store_true",
        help="also train Punkt on all the texts given (SentenceSplitter().learn)",
    )
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    corpora = [(Path(p).stem, read_polnear(p)) for p in args.paths]
    all_docs = [d for _, docs in corpora for d in docs]
    caps = capitalised_ratio(all_docs)
    splitter = SentenceSplitter.default()
    if args.learn:
        splitter = SentenceSplitter().learn(d.article.text for d in all_docs)
        print("(Punkt trained on the corpora given, merged with the shipped parameters)")
    results = {}
    for name, docs in corpora:
        results[name] = report(name, docs, splitter, caps, args.examples, args.seed, args.only)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
