"""Evaluate claim linking and clustering on ECB+ (articles grouped by real event).

Usage::

    python bench/eval_ecbplus.py ../shared/data/ecbplus/documents.jsonl
    python bench/eval_ecbplus.py DOCS.jsonl --dev 26-35 --false-links 20 --misses 30
    python bench/eval_ecbplus.py DOCS.jsonl --json figures.json

Every article of the file goes into one :class:`claimtrack.ClaimTracker` (``url`` as given;
ECB+ texts have no dates).  Gold: articles sharing ``cluster`` report the same event; the
two clusters of one ``topic`` are different events of the same kind (hard negatives).

Printed for each split (``all``; ``held-out`` = topics 36-45 when the file has them;
``dev`` = the ``--dev`` topics; a split takes the links with at least one article in it):

* **link precision** by relation: a link between articles of one topic is true when both
  are in the same ``cluster``; links between topics are counted apart (all false).  The
  target figure is the precision of *same-claim* links (repetition, agreement, drift)
  within topics; ``related`` links (same speaker, same target, a different claim) are
  reported apart.  "precision incl. cross-topic" counts cross-topic links as false too;
* **cluster purity** of ``tracker.clusters()``: members in their cluster's majority ECB+
  cluster over all members, the share of clusters wholly in one ECB+ cluster, and the
  clusters that span two topics;
* **verbatim recall**: every gold sentence (the file's ``sentences`` offsets) of at least
  6 words whose :func:`claimtrack.match_key` recurs in another article of the same ECB+
  cluster gives one expected (sentence, article pair); it is found when a ``repetition``
  link joins a claim overlapping the sentence in one article with a claim overlapping it
  in the other, or when the two claims are occurrences of one entry of the index (the
  same words: each is a repetition of the entry's earliest claim, one link each, so two
  later copies are not linked directly).  Misses are listed with why (no claim covers it, the claims' text differs
  from the sentence, linked with another relation, not linked);
* **time and memory** of the whole run (building articles, ``add``, ``links``,
  ``clusters``): wall time, articles/s, peak RSS (``resource.getrusage``) and, in a
  second untimed run, the peak of Python allocations (``tracemalloc``);
* ``--false-links K`` random same-claim links between different clusters of one topic
  (fixed seed), both sentences printed.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import claimtrack
from claimtrack import match_key

SAME_CLAIM = ("repetition", "agreement", "drift")
RELATIONS = (*SAME_CLAIM, "related")
HELD_OUT = frozenset(str(t) for t in range(36, 46))
MIN_WORDS = 6
_WORD = re.compile(r"[^\W_]+")


# --- reading ----------------------------------------------------------------------------


def read_documents(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def topic_set(spec: str) -> frozenset[str]:
    """``"26-35"`` or ``"1,3,5-7"`` as a set of topic strings."""
    out: set[str] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(str(t) for t in range(int(lo), int(hi) + 1))
        else:
            out.add(part)
    return frozenset(out)


# --- running ----------------------------------------------------------------------------


def run_tracker(
    docs: Sequence[dict[str, Any]],
) -> tuple[
    claimtrack.ClaimTracker, list[claimtrack.Link], list[claimtrack.Cluster], dict[str, float]
]:
    """Build the articles, add them, read links and clusters; time each stage."""
    marks: dict[str, float] = {}
    cpu = time.process_time()
    start = time.perf_counter()
    articles = [claimtrack.Article(id=d["doc_id"], text=d["text"], url=d["url"]) for d in docs]
    marks["articles"] = time.perf_counter() - start
    last = [start]

    def progress(_: int) -> None:
        last[0] = time.perf_counter()

    tracker = claimtrack.ClaimTracker()
    tracker.add(articles, progress=progress)
    added = time.perf_counter()
    links = tracker.links()
    clusters = tracker.clusters()
    end = time.perf_counter()
    marks["per-article analysis (split, attributions)"] = last[0] - start - marks["articles"]
    marks["speaker naming, claims, index and linking"] = added - last[0]
    marks["links() and clusters()"] = end - added
    marks["total"] = end - start
    marks["cpu"] = time.process_time() - cpu
    return tracker, links, clusters, marks


def provenance() -> str:
    """Where claimtrack was imported from, with its git commit when it is a checkout."""
    where = Path(claimtrack.__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(where), "status", "--porcelain", "--", "."],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{where} (not a git checkout)"
    return f"{where} at {commit}" + (" with uncommitted changes" if dirty else "")


def peak_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# --- link precision ---------------------------------------------------------------------


class Gold:
    def __init__(self, docs: Iterable[dict[str, Any]]) -> None:
        self.topic = {d["doc_id"]: str(d["topic"]) for d in docs}
        self.cluster = {d["doc_id"]: d["cluster"] for d in docs}

    def kind(self, link: claimtrack.Link) -> str:
        """``true``, ``false-topic`` (same topic, other cluster) or ``cross-topic``."""
        a, b = link.a.article_id, link.b.article_id
        if self.topic[a] != self.topic[b]:
            return "cross-topic"
        return "true" if self.cluster[a] == self.cluster[b] else "false-topic"

    def touches(self, link: claimtrack.Link, topics: frozenset[str] | None) -> bool:
        return topics is None or bool(
            {self.topic[link.a.article_id], self.topic[link.b.article_id]} & topics
        )


def link_table(
    links: Sequence[claimtrack.Link], gold: Gold, topics: frozenset[str] | None
) -> dict[str, dict[str, Any]]:
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for link in links:
        if gold.touches(link, topics):
            kind = gold.kind(link)
            counts[link.relation][kind] += 1
            if link.relation in SAME_CLAIM:
                counts["same-claim"][kind] += 1
    table = {}
    for relation in (*RELATIONS, "same-claim"):
        c = counts[relation]
        within = c["true"] + c["false-topic"]
        total = within + c["cross-topic"]
        table[relation] = {
            "links": total,
            "within_topic": within,
            "true": c["true"],
            "false_same_topic": c["false-topic"],
            "cross_topic": c["cross-topic"],
            "precision_within_topic": c["true"] / within if within else None,
            "precision_incl_cross_topic": c["true"] / total if total else None,
        }
    return table


def evidence_path(link: claimtrack.Link) -> str:
    """Which rule of :func:`claimtrack.relations.relate_prepared` made a same-claim link."""
    why = link.evidence[0] if link.evidence else ""
    if why.startswith("the same words"):
        return "identical words"
    if why.startswith("only function words"):
        return "only function words differ"
    if "the same words" in why:
        return "word similarity >= 70"
    if "content words shared" in why:
        return "content-stem overlap"
    if why.startswith("same speaker and cue"):
        return "same speaker and cue"
    if why.endswith("of one in the other"):
        return "a claim inside a longer one"
    return why or "?"


def evidence_table(
    links: Sequence[claimtrack.Link], gold: Gold, topics: frozenset[str] | None
) -> dict[str, dict[str, int]]:
    """Same-claim links by the rule that made them: true, false (same topic), cross-topic."""
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for link in links:
        if link.relation in SAME_CLAIM and gold.touches(link, topics):
            table[f"{evidence_path(link)} -> {link.relation}"][gold.kind(link)] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


# --- cluster purity ---------------------------------------------------------------------


def purity(
    clusters: Sequence[claimtrack.Cluster], gold: Gold, topics: frozenset[str] | None
) -> dict[str, Any]:
    chosen = [
        c
        for c in clusters
        if topics is None or {gold.topic[m.article_id] for m in c.members} & topics
    ]
    members = majority = pure = cross = 0
    sizes = []
    for c in chosen:
        labels = collections.Counter(gold.cluster[m.article_id] for m in c.members)
        members += len(c.members)
        majority += labels.most_common(1)[0][1]
        pure += len(labels) == 1
        cross += len({gold.topic[m.article_id] for m in c.members}) > 1
        sizes.append(len(c.members))
    return {
        "clusters": len(chosen),
        "members": members,
        "purity": majority / members if members else None,
        "pure_clusters": pure / len(chosen) if chosen else None,
        "cross_topic_clusters": cross,
        "largest": max(sizes, default=0),
    }


# --- verbatim recall --------------------------------------------------------------------


def _overlaps(claim: claimtrack.Claim, start: int, end: int) -> bool:
    return claim.start < end and start < claim.end


def verbatim_recall(
    docs: Sequence[dict[str, Any]],
    tracker: claimtrack.ClaimTracker,
    links: Sequence[claimtrack.Link],
    topics: frozenset[str] | None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Expected (sentence, article pair) repetitions within ECB+ clusters, and the misses."""
    claims_of: dict[str, list[claimtrack.Claim]] = collections.defaultdict(list)
    for claim in tracker.claims:
        claims_of[claim.article_id].append(claim)
    relations: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for link in links:
        relations[(link.a.id, link.b.id)].add(link.relation)
        relations[(link.b.id, link.a.id)].add(link.relation)

    # key -> article -> occurrences (start, end) of the sentence in the article
    by_cluster: dict[str, dict[str, dict[str, list[tuple[int, int]]]]] = collections.defaultdict(
        lambda: collections.defaultdict(lambda: collections.defaultdict(list))
    )
    for d in docs:
        if topics is not None and str(d["topic"]) not in topics:
            continue
        for s in d["sentences"]:
            key = match_key(d["text"][s["start"] : s["end"]])
            if len(_WORD.findall(key)) >= MIN_WORDS:
                by_cluster[d["cluster"]][key][d["doc_id"]].append((s["start"], s["end"]))

    expected = found = 0
    reasons: collections.Counter[str] = collections.Counter()
    misses: list[dict[str, Any]] = []
    for cluster in sorted(by_cluster):
        for key, where in sorted(by_cluster[cluster].items()):
            arts = sorted(where)
            for i, x in enumerate(arts):
                for y in arts[i + 1 :]:
                    expected += 1
                    cx = [c for s, e in where[x] for c in claims_of[x] if _overlaps(c, s, e)]
                    cy = [c for s, e in where[y] for c in claims_of[y] if _overlaps(c, s, e)]
                    seen = {r for a in cx for b in cy for r in relations.get((a.id, b.id), ())}
                    copies = {o.id for a in cx for o in tracker.index.occurrences(a.id)}
                    if "repetition" in seen or any(b.id in copies for b in cy):
                        found += 1
                        continue
                    if not cx or not cy:
                        why = "no claim covers it (boilerplate)"
                    elif seen:
                        why = "linked as " + "/".join(sorted(seen))
                    elif not any(match_key(c.text) == key for c in cx) or not any(
                        match_key(c.text) == key for c in cy
                    ):
                        why = "claim text differs from the sentence (split), not linked"
                    else:
                        why = "same claim text, not linked"
                    reasons[why] += 1
                    misses.append(
                        {
                            "cluster": cluster,
                            "a": x,
                            "b": y,
                            "sentence": key,
                            "why": why,
                            "claims_a": [c.text for c in cx],
                            "claims_b": [c.text for c in cy],
                        }
                    )
    figures = {
        "expected": expected,
        "found": found,
        "recall": found / expected if expected else None,
        "misses_by_reason": dict(reasons.most_common()),
    }
    return figures, misses


# --- what if (rules suggested for the library, simulated on the links) -------------------


def what_if(
    tracker: claimtrack.ClaimTracker,
    links: Sequence[claimtrack.Link],
    gold: Gold,
    splits: Sequence[tuple[str, frozenset[str] | None]],
) -> dict[str, dict[str, Any]]:
    """Link precision and cluster purity if same-claim links were filtered by general rules.

    This is session 1's simulation, kept as the record of what led to
    :mod:`claimtrack.stories`; the rules it simulates are not those
    :func:`claimtrack.stories.corroborate` applies (see ``bench/ECBPLUS.md``), and
    it filters the links the tracker already kept.

    * ``no-content``: no same-claim link for a claim without content words (a lone quote
      mark, "?", "4.");
    * ``corroborated``: and a link made by content-stem overlap alone (not by word
      similarity) is kept only when something else ties the two articles: a link by
      word similarity between them, article-level names (capitalised names of all their
      claims) with Jaccard >= 0.2, or at least 6 content stems shared by the two claims.
    """
    from claimtrack.clusters import build_clusters
    from claimtrack.relations import compare

    text_of = dict(zip((c.id for c in tracker.index.claims), tracker.index.texts, strict=True))
    names: dict[str, set[str]] = collections.defaultdict(set)
    for claim, text in zip(tracker.index.claims, tracker.index.texts, strict=True):
        names[claim.article_id] |= text.names
    tied: set[frozenset[str]] = set()
    similar = ("identical words", "word similarity >= 70")
    for link in links:
        ta, tb = text_of[link.a.id], text_of[link.b.id]
        if link.relation in SAME_CLAIM and evidence_path(link) in similar and ta.stems and tb.stems:
            tied.add(frozenset((link.a.article_id, link.b.article_id)))

    def content(link: claimtrack.Link) -> bool:
        return bool(text_of[link.a.id].stems) and bool(text_of[link.b.id].stems)

    def corroborated(link: claimtrack.Link) -> bool:
        if not content(link):
            return False
        if evidence_path(link) not in ("content-stem overlap", "same speaker and cue"):
            return True
        x, y = link.a.article_id, link.b.article_id
        if frozenset((x, y)) in tied:
            return True
        union = names[x] | names[y]
        if union and len(names[x] & names[y]) / len(union) >= 0.2:
            return True
        ta, tb = text_of[link.a.id], text_of[link.b.id]
        return len(compare(ta, tb).shared - ta.speakers - tb.speakers) >= 6

    out: dict[str, dict[str, Any]] = {}
    for rule, keep in (("no-content", content), ("corroborated", corroborated)):
        kept = [k for k in links if k.relation not in SAME_CLAIM or keep(k)]
        clusters = build_clusters(tracker.index.claims, tracker.index.texts, kept)
        out[rule] = {
            name: {
                "same-claim": link_table(kept, gold, topics)["same-claim"],
                "purity": purity(clusters, gold, topics),
            }
            for name, topics in splits
        }
    return out


def print_what_if(figures: dict[str, dict[str, Any]], base: dict[str, Any]) -> None:
    print("\n== what if: same-claim links filtered by general rules (see what_if()) ==")
    print(
        f"{'rule':<13} {'split':<24} {'true':>5} {'false':>5} {'x-topic':>7} {'P(topic)':>8} {'purity':>7}"
    )
    rows = [
        (
            "as is",
            {
                n: {"same-claim": f["links"]["same-claim"], "purity": f["purity"]}
                for n, f in base.items()
            },
        )
    ]
    rows += list(figures.items())
    for rule, by_split in rows:
        for name, f in by_split.items():
            row = f["same-claim"]
            print(
                f"{rule:<13} {name:<24} {row['true']:>5} {row['false_same_topic']:>5} "
                f"{row['cross_topic']:>7} {_pct(row['precision_within_topic']):>8} "
                f"{_pct(f['purity']['purity']):>7}"
            )


# --- printing ---------------------------------------------------------------------------


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:6.2f}"


def print_split(name: str, figures: dict[str, Any]) -> None:
    print(f"\n== {name} ({figures['articles']} articles, topics: {figures['topics']}) ==")
    print(
        f"{'relation':<11} {'links':>6} {'in-topic':>8} {'true':>6} {'false':>6} "
        f"{'x-topic':>7} {'P(topic)':>8} {'P(all)':>7}"
    )
    for relation, row in figures["links"].items():
        if relation == "same-claim":
            print("-" * 64)
        print(
            f"{relation:<11} {row['links']:>6} {row['within_topic']:>8} {row['true']:>6} "
            f"{row['false_same_topic']:>6} {row['cross_topic']:>7} "
            f"{_pct(row['precision_within_topic']):>8} {_pct(row['precision_incl_cross_topic']):>7}"
        )
    print("same-claim links by the rule that made them (true / false same topic / cross-topic):")
    for rule, c in figures["by_evidence"].items():
        t, f, x = c.get("true", 0), c.get("false-topic", 0), c.get("cross-topic", 0)
        print(
            f"    {rule:<45} {t:>5} / {f:>4} / {x:>4}   P(topic) {_pct(t / (t + f) if t + f else None)}"
        )
    p = figures["purity"]
    print(
        f"clusters: {p['clusters']} ({p['members']} claims, largest {p['largest']}); "
        f"purity {_pct(p['purity']).strip()}%, wholly pure {_pct(p['pure_clusters']).strip()}%, "
        f"spanning topics {p['cross_topic_clusters']}"
    )
    v = figures["verbatim"]
    print(
        f"verbatim recall: {v['found']}/{v['expected']} = {_pct(v['recall']).strip()}% "
        f"(sentences of >= {MIN_WORDS} words repeated within an ECB+ cluster)"
    )
    for why, n in v["misses_by_reason"].items():
        print(f"    missed, {why}: {n}")


def _short(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_false_links(
    links: Sequence[claimtrack.Link], gold: Gold, k: int, seed: int, topics: frozenset[str] | None
) -> None:
    false = [
        link
        for link in links
        if link.relation in SAME_CLAIM
        and gold.kind(link) == "false-topic"
        and gold.touches(link, topics)
    ]
    rng = random.Random(seed)
    chosen = rng.sample(false, min(k, len(false)))
    chosen.sort(key=lambda link: (gold.topic[link.a.article_id], link.a.id, link.b.id))
    print(
        f"\n== {len(chosen)} of {len(false)} false same-claim links (same topic, other cluster) =="
    )
    for n, link in enumerate(chosen, 1):
        changes = ", ".join(
            f"{c.type}:{' '.join(c.a)}→{' '.join(c.b)}" for c in link.changes if c.type != "wording"
        )
        print(
            f"\n[{n}] {link.relation} {link.score:.0f}  "
            f"{link.a.id} ({gold.cluster[link.a.article_id]}) ~ "
            f"{link.b.id} ({gold.cluster[link.b.article_id]})  "
            f"[{'; '.join(link.evidence)}]"
            + (f"  changes: {_short(changes, 200)}" if changes else "")
        )
        print(f"  A: {_short(link.a.text)}")
        print(f"  B: {_short(link.b.text)}")


def print_misses(misses: Sequence[dict[str, Any]], k: int) -> None:
    if not misses or k <= 0:
        return
    print(f"\n== verbatim misses ({min(k, len(misses))} of {len(misses)}) ==")
    for m in misses[:k]:
        print(f"\n- {m['cluster']} {m['a']} ~ {m['b']}: {m['why']}")
        print(f"  sentence: {_short(m['sentence'], 300)}")
        if m["claims_a"] and match_key(" ".join(m["claims_a"])) != m["sentence"]:
            print(f"  claim(s) A: {_short(' | '.join(m['claims_a']), 300)}")
        if m["claims_b"] and match_key(" ".join(m["claims_b"])) != m["sentence"]:
            print(f"  claim(s) B: {_short(' | '.join(m['claims_b']), 300)}")


# --- main -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", help="ECB+ documents.jsonl")
    parser.add_argument(
        "--dev", default="26-35", help="dev topics, e.g. 26-35 or 1,3,5-7 (default 26-35)"
    )
    parser.add_argument("--false-links", type=int, default=20, help="false links to print")
    parser.add_argument("--misses", type=int, default=20, help="verbatim misses to print")
    parser.add_argument("--seed", type=int, default=13, help="seed of the false-link sample")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced run")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time this many runs (min and median reported)"
    )
    parser.add_argument(
        "--what-if",
        action="store_true",
        help="simulate session 1's suggested link filters on the kept links (a record)",
    )
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    docs = read_documents(args.documents)
    for d in docs:
        d["topic"] = str(d["topic"])
    gold = Gold(docs)
    present = sorted({d["topic"] for d in docs}, key=lambda t: (len(t), t))
    gc.collect()
    rss_before = peak_rss_mib()

    tracker, links, clusters, marks = run_tracker(docs)
    rss_after = peak_rss_mib()
    runs = [marks]
    for _ in range(max(args.repeat, 1) - 1):
        gc.collect()
        runs.append(run_tracker(docs)[3])
    traced_peak = None
    if not args.no_tracemalloc:
        gc.collect()
        tracemalloc.start()
        run_tracker(docs)
        traced_peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()

    splits: list[tuple[str, frozenset[str] | None]] = [("all topics", None)]
    held = HELD_OUT & set(present)
    if held:
        splits.append(("held-out topics 36-45", frozenset(held)))
    dev = topic_set(args.dev) & set(present)
    if dev:
        splits.append((f"dev topics {args.dev}", frozenset(dev)))

    report: dict[str, Any] = {
        "claimtrack": provenance(),
        "documents": str(args.documents),
        "articles": len(docs),
        "claims": len(tracker.claims),
        "topics_present": present,
        "held_out_present": bool(held),
        "splits": {},
    }
    wordless = sum(1 for c in tracker.claims if not _WORD.search(c.text))
    report["claims_without_words"] = wordless
    print(f"claimtrack {claimtrack.__version__} from {report['claimtrack']}")
    print(
        f"{len(docs)} articles, {len(tracker.claims)} claims ({wordless} without any word), "
        f"{len(links)} links, topics {present[0]}-{present[-1]} ({len(present)} topics)"
    )
    if not held:
        print(
            "held-out topics 36-45 are not in the file: figures on all topics and on the dev split"
        )
    misses_all: list[dict[str, Any]] = []
    for name, topics in splits:
        verbatim, misses = verbatim_recall(docs, tracker, links, topics)
        if topics is None:
            misses_all = misses
        figures = {
            "articles": sum(1 for d in docs if topics is None or d["topic"] in topics),
            "topics": "all" if topics is None else ",".join(sorted(topics, key=int)),
            "links": link_table(links, gold, topics),
            "by_evidence": evidence_table(links, gold, topics),
            "purity": purity(clusters, gold, topics),
            "verbatim": verbatim,
        }
        report["splits"][name] = figures
        print_split(name, figures)

    walls = sorted(r["total"] for r in runs)
    cpus = sorted(r["cpu"] for r in runs)
    total = statistics.median(walls)
    report["time"] = {k: round(v, 3) for k, v in marks.items()}
    report["runs"] = {"wall_s": walls, "cpu_s": cpus}
    report["articles_per_second"] = len(docs) / total
    report["peak_rss_mib"] = {"before_run": round(rss_before, 1), "after_run": round(rss_after, 1)}
    report["tracemalloc_peak_mib"] = None if traced_peak is None else round(traced_peak, 1)
    print("\n== time and memory (a run = articles, add, links(), clusters()) ==")
    print("  first run:")
    for stage, seconds in marks.items():
        print(f"    {stage:<45} {seconds:7.2f} s")
    print(
        f"  {len(runs)} run(s): wall min {walls[0]:.2f} s, median {total:.2f} s; "
        f"CPU min {cpus[0]:.2f} s, median {statistics.median(cpus):.2f} s"
    )
    print(
        f"  articles/s: {len(docs) / total:.0f} (median wall), "
        f"{len(docs) / walls[0]:.0f} (best wall), {len(docs) / statistics.median(cpus):.0f} (median CPU)"
    )
    print(
        f"  peak RSS: {rss_after:.0f} MiB (was {rss_before:.0f} MiB after imports and reading "
        "the file)"
    )
    if traced_peak is not None:
        print(
            f"  tracemalloc peak of Python allocations (second, untimed run): {traced_peak:.0f} MiB"
        )

    if args.what_if:
        report["what_if"] = what_if(tracker, links, gold, splits)
        print_what_if(report["what_if"], report["splits"])
    print_false_links(links, gold, args.false_links, args.seed, None)
    print_misses(misses_all, args.misses)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
