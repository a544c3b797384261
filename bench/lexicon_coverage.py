#!/usr/bin/env python3
"""Coverage of claimtrack's lexicon files on PolNeAR attribution annotations.

Usage:
    python bench/lexicon_coverage.py PATH.jsonl [PATH.jsonl ...] [--top N]
                                     [--all-annotators] [--detail]

For every file it prints
  * cues: the share of gold cue spans (and of distinct lower-cased cue texts) that contain at
    least one verb form / reporting noun / multiword phrase from claimtrack/data (case-
    insensitive, word-boundary matching), the split by list and verb class, and the N most
    frequent uncovered cue texts;
  * trigger rate: for each list / verb class, how many matches in the article text fall inside
    a gold cue span (a rough precision: low values mean the entry needs context);
  * sources: the share of gold source spans whose head is a pronoun, a place variant, a group
    word, a title, an organisation word, a document noun or a capitalised name, and the most
    frequent heads left unclassified.

Articles annotated by several annotators are counted once (first annotator in the file) unless
--all-annotators is given.  Standard library only; the lexicons are read from ../claimtrack/data
relative to this script.
"""

import argparse
import collections
import json
import os
import re
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "claimtrack", "data")

PRONOUNS = {
    "he",
    "she",
    "they",
    "i",
    "we",
    "you",
    "it",
    "who",
    "which",
    "that",
    "whom",
    "whose",
    "his",
    "her",
    "their",
    "him",
    "them",
    "its",
    "me",
    "us",
    "our",
    "my",
    "your",
    "one",
    "this",
    "these",
    "those",
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "ourselves",
    "yourself",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "no one",
    "nobody",
    "none",
    "each",
    "either",
    "neither",
    "another",
    "what",
    "here",
    "there",
}
# things, not people, that PolNeAR annotates as sources ("the poll found", "the report says")
DOCUMENT_HEADS = {
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "analysis",
    "analyses",
    "records",
    "record",
    "documents",
    "document",
    "emails",
    "email",
    "results",
    "figures",
    "numbers",
    "research",
    "findings",
    "estimates",
    "projections",
    "model",
    "forecast",
    "forecasts",
    "ad",
    "ads",
    "video",
    "book",
    "article",
    "website",
    "filing",
    "filings",
    "lawsuit",
    "complaint",
    "indictment",
    "law",
    "bill",
    "rules",
    "constitution",
    "platform",
    "sign",
    "signs",
    "headline",
    "tweet",
    "post",
    "memo",
    "letter",
    "statement",
    "transcript",
    "page",
    "story",
    "census",
    "tally",
    "count",
    "average",
    "averages",
    "polling",
    "editorial",
    "message",
    "release",
    "column",
    "op-ed",
    "speech",
    "remarks",
    "interview",
    "segment",
    "episode",
    "broadcast",
    "footage",
    "chart",
    "map",
    "account",
    "review",
    "summary",
    "evidence",
    "precedents",
    "graphic",
    "cable",
    "guidelines",
    "regulation",
    "ruling",
    "order",
    "decision",
}
# cue spans made only of these (or of punctuation) cannot be covered by a word list
FUNCTION_WORDS = set(
    [
        "in",
        "for",
        "of",
        "to",
        "about",
        "on",
        "by",
        "under",
        "from",
        "among",
        "with",
        "at",
        "as",
        "into",
        "like",
        "per",
        "over",
        "after",
        "than",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "that",
        "this",
        "it",
        "its",
        "his",
        "her",
        "their",
        "s",
    ]
)
WORD = re.compile(r"[a-z0-9]+")
# post-modifiers that end a head segment without being the head ("a source familiar",
# "people close", "officials involved", "a poll released")
POST_MODIFIERS = {
    "familiar",
    "close",
    "involved",
    "knowledgeable",
    "briefed",
    "present",
    "alike",
    "themselves",
    "himself",
    "herself",
    "itself",
    "released",
    "published",
    "conducted",
    "issued",
    "obtained",
    "posted",
    "surveyed",
    "polled",
    "interviewed",
    "asked",
    "quoted",
    "cited",
    "aware",
    "there",
    "here",
    "today",
    "now",
    "again",
    "too",
    "also",
}
HEAD_SPLIT = re.compile(
    r",|;|:|\(|—|–| - |\s(?:who|whom|whose|which|that|of|for|at|from|with|in|on|to|by|"
    r"under|since|after|before|during|about|like|including|and|or)\s",
    re.I,
)
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.&'’-]*")
APOS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def norm(s):
    return s.translate(APOS)


def data_lines(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


def load_lexicons():
    verbs = {}  # form -> (lemma, class)
    for line in data_lines("reporting_verbs.txt"):
        cols = line.split("\t")
        lemma, forms, cls = cols[0], cols[1].split(), (cols[2] if len(cols) > 2 else "other")
        for form in forms:
            verbs.setdefault(form.lower(), (lemma, cls))
    nouns = set()
    for line in data_lines("reporting_nouns.txt"):
        nouns.update(x.strip().lower() for x in line.split("\t") if x.strip())
    phrases = {line.strip().lower() for line in data_lines("reporting_phrases.txt")}
    titles = {line.strip().lower() for line in data_lines("titles.txt")}
    orgs = {line.strip().lower() for line in data_lines("organisation_words.txt")}
    groups = {line.strip().lower() for line in data_lines("group_words.txt")}
    places, demonyms = {}, {}
    header = None
    for line in data_lines("places.tsv"):
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols, strict=False))
        for v in row.get("variants", "").split("|"):
            if v:
                places.setdefault(v, row["canonical"])
        if row.get("capital"):
            places.setdefault(row["capital"], row["canonical"])
        for d in row.get("demonyms", "").split("|"):
            if d:
                demonyms.setdefault(d, row["canonical"])
    return verbs, nouns, phrases, titles, orgs, groups, places, demonyms


def alternation(entries, flags=re.I):
    """One regex matching any entry on word boundaries (longest first)."""
    parts = []
    for e in sorted(set(entries), key=len, reverse=True):
        p = r"\s+".join(re.escape(w) for w in e.split())
        parts.append(p)
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", flags)


def load_records(path, all_annotators):
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            key = r.get("article", r.get("id"))
            if not all_annotators and key in seen:
                continue
            seen.add(key)
            yield r


def role_text(role):
    if role.get("span_texts"):
        return " ".join(role["span_texts"])
    return role.get("text", "")


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a"


def head_segment(src):
    s = norm(src).strip().strip("\"'")
    seg = HEAD_SPLIT.split(" " + s + " ", maxsplit=1)[0].strip()
    return seg or s


def classify_source(src, lex, place_re, demonym_re):
    """Category of the head of a source span, with a fixed precedence."""
    titles, orgs, groups = lex[3], lex[4], lex[5]
    seg = head_segment(src)
    seg = re.sub(r"'s?$", "", seg).strip()
    toks = TOKEN.findall(seg)
    if not toks:
        return "other", seg
    low = [t.lower().rstrip("'") for t in toks]
    while len(low) > 1 and low[-1] in POST_MODIFIERS:
        low.pop()
        toks.pop()
    segl = " ".join(low)
    body = re.sub(
        r"^(the|a|an|some|many|most|other|several|both|all|two|three|four|five)\s+", "", segl
    )
    if segl in PRONOUNS or (len(low) == 1 and low[0] in PRONOUNS):
        return "pronoun", segl
    if (
        low[0] in PRONOUNS
        and len(low) > 1
        and low[0] in {"his", "her", "their", "its", "my", "our", "your"}
    ):
        pass  # possessive + noun: classified by its head below
    # place variant as the whole head ("the Kremlin", "Moscow", "the United States")
    m = place_re.fullmatch(re.sub(r"^(?:[Tt]he)\s+", "", seg)) or place_re.fullmatch(seg)
    if m:
        return "place", seg
    head = low[-1]
    last2 = " ".join(low[-2:])
    last3 = " ".join(low[-3:])
    if body in groups or segl in groups or head in groups:
        return "group", head
    if head in titles or last2 in titles or last3 in titles:
        # "President Obama" ends in a name, not a title: title only when the head word is one
        return "title", head
    if head in orgs or last2 in orgs:
        return "organisation", head
    if head in DOCUMENT_HEADS:
        return "document", head
    if toks[-1][:1].isupper() or (toks[-1][:1].isdigit() and len(toks) > 1):
        return "name", toks[-1]
    if demonym_re.fullmatch(seg):
        return "place", seg
    return "other", head


def report(path, lex, res, args):
    verbs = lex[0]
    verb_re, noun_re, phrase_re, title_re, place_re, demonym_re, class_res = res
    n_cues = 0
    cov = collections.Counter()
    texts_all = collections.Counter()
    texts_cov = {}
    uncovered = collections.Counter()
    trig_tot = collections.Counter()
    trig_hit = collections.Counter()
    fp_entries = collections.Counter()
    n_src = 0
    src_cat = collections.Counter()
    src_title_any = src_place_any = 0
    other_heads = collections.Counter()
    n_articles = 0
    for r in load_records(path, args.all_annotators):
        n_articles += 1
        text = norm(r["text"])
        cue_mask = bytearray(len(text) + 1)
        for a in r.get("attributions", []):
            cue = a.get("cue")
            if cue:
                for s, e in cue.get("spans") or [[cue["start"], cue["end"]]]:
                    cue_mask[s:e] = b"\x01" * (e - s)
                ct = norm(role_text(cue))
                n_cues += 1
                hit_v = {m.group(0).lower() for m in verb_re.finditer(ct)}
                hit_n = bool(noun_re.search(ct))
                hit_p = bool(phrase_re.search(ct))
                classes = {verbs[h][1] for h in hit_v if h in verbs}
                any_hit = bool(hit_v) or hit_n or hit_p
                cov["any"] += any_hit
                if any(w not in FUNCTION_WORDS for w in WORD.findall(ct.lower())):
                    cov["lexical"] += 1
                    cov["lexical-hit"] += any_hit
                cov["verb"] += bool(hit_v)
                cov["noun"] += hit_n
                cov["phrase"] += hit_p
                for c in classes:
                    cov["verb:" + c] += 1
                if hit_v and classes == {"other"} and not (hit_n or hit_p):
                    cov["only-other"] += 1
                key = re.sub(r"\s+", " ", ct.lower().strip())
                texts_all[key] += 1
                texts_cov[key] = any_hit
                if not any_hit:
                    uncovered[key] += 1
            src = a.get("source")
            if src:
                n_src += 1
                st = role_text(src)
                cat, head = classify_source(st, lex, place_re, demonym_re)
                src_cat[cat] += 1
                if cat == "other":
                    other_heads[head] += 1
                if title_re.search(norm(st)):
                    src_title_any += 1
                if place_re.search(norm(st)) or demonym_re.search(norm(st)):
                    src_place_any += 1
        # trigger rate over the article text
        for name, rx in [("noun", noun_re), ("phrase", phrase_re), *class_res]:
            for m in rx.finditer(text):
                inside = any(cue_mask[m.start() : m.end()])
                trig_tot[name] += 1
                trig_hit[name] += inside
                if not inside and name.startswith("verb:"):
                    fp_entries[(verbs[m.group(0).lower()][0], name[5:])] += 1

    print(f"== {path}")
    print(f"articles: {n_articles}   cue spans: {n_cues}   source spans: {n_src}")
    print("\n-- cue coverage (cue span contains an entry)")
    print(f"  verb+noun+phrase : {pct(cov['any'], n_cues)}  ({cov['any']}/{n_cues})")
    n_txt = len(texts_all)
    n_txt_cov = sum(1 for k in texts_all if texts_cov[k])
    print(f"  distinct texts   : {pct(n_txt_cov, n_txt)}  ({n_txt_cov}/{n_txt})")
    print(
        f"  lexical cues     : {pct(cov['lexical-hit'], cov['lexical'])}  "
        f"({cov['lexical-hit']}/{cov['lexical']}; leaving out cues that are only punctuation "
        f"or function words such as ':' 'in' 'for')"
    )
    for k in ("verb", "verb:speech", "verb:cognitive", "verb:other", "noun", "phrase"):
        print(f"  {k:16} : {pct(cov[k], n_cues)}")
    print(f"  covered only by class-other verbs: {pct(cov['only-other'], n_cues)}")
    print(f"\n-- {args.top} most frequent uncovered cue texts")
    for t, c in uncovered.most_common(args.top):
        print(f"  {c:5d}  {t!r}")
    print("\n-- trigger rate: matches in article text that fall inside a gold cue span")
    for name in ["verb:speech", "verb:cognitive", "verb:other", "noun", "phrase"]:
        print(
            f"  {name:16} : {pct(trig_hit[name], trig_tot[name])}  "
            f"({trig_hit[name]}/{trig_tot[name]})"
        )
    if args.detail:
        print("\n-- verb lemmas with most matches outside gold cues")
        for (lem, cls), c in fp_entries.most_common(args.top):
            print(f"  {c:5d}  {lem} ({cls})")
    print("\n-- source heads")
    for cat in ("pronoun", "place", "group", "title", "organisation", "document", "name", "other"):
        print(f"  {cat:13}: {pct(src_cat[cat], n_src)}  ({src_cat[cat]})")
    covered = n_src - src_cat["other"]
    spec = sum(src_cat[c] for c in ("pronoun", "title", "group", "place", "name"))
    print(f"  pronoun/title/group/place/name : {pct(spec, n_src)}")
    print(f"  any category (not other)       : {pct(covered, n_src)}")
    print(f"  span contains a title          : {pct(src_title_any, n_src)}")
    print(f"  span contains a place/demonym  : {pct(src_place_any, n_src)}")
    print(f"\n-- {min(args.top, 25)} most frequent unclassified source heads")
    for h, c in other_heads.most_common(min(args.top, 25)):
        print(f"  {c:5d}  {h!r}")
    print()
    return {"cue_any": cov["any"], "cues": n_cues}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="PolNeAR jsonl files (train.jsonl, dev.jsonl)")
    ap.add_argument("--top", type=int, default=40, help="how many uncovered cue texts to list")
    ap.add_argument(
        "--all-annotators",
        action="store_true",
        help="count every (article, annotator) record, not one per article",
    )
    ap.add_argument("--detail", action="store_true", help="also list verbs with most misses")
    args = ap.parse_args(argv)
    lex = load_lexicons()
    verbs, nouns, phrases, titles, orgs, groups, places, demonyms = lex
    verb_re = alternation(verbs)
    class_res = []
    for cls in ("speech", "cognitive", "other"):
        class_res.append(
            ("verb:" + cls, alternation([f for f, (_, c) in verbs.items() if c == cls]))
        )
    res = (
        verb_re,
        alternation(nouns),
        alternation(phrases),
        alternation(titles),
        alternation(places, 0),
        alternation(demonyms, 0),
        class_res,
    )
    print(
        f"lexicons: {len({lem for lem, _ in verbs.values()})} verb lemmas ({len(verbs)} forms), "
        f"{len(nouns)} noun forms, {len(phrases)} phrases, {len(titles)} titles, "
        f"{len(orgs)} organisation words, {len(groups)} group words, "
        f"{len(places)} place variants, {len(demonyms)} demonyms\n"
    )
    for p in args.paths:
        report(p, lex, res, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
