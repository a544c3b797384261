"""Scale of claim linking: claimtrack's ClaimIndex against datasketch and brute force.

Usage::

    pip install datasketch            # the baseline only; not a claimtrack dependency
    python bench/bench_scale.py --sizes 10000 100000 1000000 \\
        --polnear ../shared/data/polnear/train.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl --out /tmp/scale.json

For each size a corpus is made by ``bench/synth.py`` (same seed, same corpus for
every tool) and each tool runs in a fresh process of its own (so that its peak
memory is its own), taking the claims in corpus order (articles by date):

``claimtrack``
    ``ClaimIndex.add`` in batches of ``--batch`` claims, then
    ``stories.corroborate`` (the links a ``ClaimTracker`` gives: headline-length
    matches and matches in other words only between articles tied as one story;
    ``--no-corroborate`` keeps every link found), then ``build_clusters``.
``datasketch``
    ``MinHash.bulk`` over the set of word ``--shingle``-grams of each claim's
    ``match_key`` text (``--perm`` permutations), ``MinHashLSH`` at
    ``--threshold``, each claim querying the LSH before it is inserted (so, like
    the index, it is incremental); each candidate pair of different articles is
    scored with ``rapidfuzz.fuzz.ratio`` on the ``match_key`` texts, and is a link
    from ``--cutoff`` on: ``repetition`` if the texts are equal, else ``near``.
``brute`` (sizes up to ``--brute-max`` only)
    ``rapidfuzz.process.cdist`` of every claim against every claim with
    ``fuzz.ratio``, ``score_cutoff=--cutoff``, ``workers=2``, in row blocks.

Time is wall time of the tool alone (the corpus is made before the clock
starts); memory is the process's peak resident set (``ru_maxrss``), with the
resident set once the corpus is made given apart.

**Scores.**  A planted reprint is *found* if the two claims are linked directly
with the relation ``repetition``.  A planted edit is *found* if the two claims
are linked directly (any relation), and *typed* if the link is ``drift`` and one
of its changes has a type accepted for the planted edit (``synth.ACCEPTED_TYPES``;
baselines do not type).  ``cluster`` is the share of planted pairs whose two
claims end up in one claimtrack cluster.

**Precision** is measured on the links that touch a claim of a planted pair
(an original or a copy).  Such a link is *true* if its two claims are of one
family (both are the same source sentence or versions of it made by the
generator: a planted pair, or two copies of one original), or if their texts are
the same after ``match_key`` (genuinely repeated: two fillers can come out
equal).  Otherwise it joins two different source sentences and is *false*: the
pool holds no sentence that repeats or nearly repeats another (``synth`` drops
near copies when it builds the pool, by a criterion of its own), so a link
across families is one the gold cannot back -- this counts claimtrack's
``agreement`` links between two pool sentences that say the same in other words
as false too, so precision is also given for ``repetition`` and ``drift`` links
alone (``precision rep/drift``).  The same judgement on all links, planted or
not, gives ``precision all``.  Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from claimtrack.normalize import match_key

TOOLS = ("claimtrack", "datasketch", "brute")
_WORDS = re.compile(r"[^\W_]+")


def _rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the tools: each returns (links, extra figures); a link is (id a, id b, relation, types)
Found = tuple[str, str, str, frozenset[str]]


def run_claimtrack(corpus: synth.Corpus, args: argparse.Namespace) -> tuple[list[Found], dict]:
    from claimtrack.clusters import ClaimIndex, build_clusters
    from claimtrack.stories import corroborate, vocabulary_of

    claims = corpus.claims
    t0 = time.perf_counter()
    index = ClaimIndex()
    for lo in range(0, len(claims), args.batch):
        index.extend(claims[lo : lo + args.batch])
    found_links = index.links()
    t1 = time.perf_counter()
    links = found_links
    if not args.no_corroborate:
        links, _ = corroborate(found_links, vocabulary_of(index.claims, index.texts))
    t_kept = time.perf_counter()
    clusters = build_clusters(index.claims, index.texts, links)
    t2 = time.perf_counter()
    cluster_of = {m.id: k for k, cl in enumerate(clusters) for m in cl.members}
    # clustered pairs (counted, not listed): true when of one family or of one text
    pairs_all = pairs_true = 0

    def pairs(counts: Counter[Any]) -> int:
        return sum(v * (v - 1) // 2 for v in counts.values())

    for cluster in clusters:
        fams = Counter(corpus.family[m.id] for m in cluster.members)
        keys = Counter(match_key(m.text) for m in cluster.members)
        both = Counter((corpus.family[m.id], match_key(m.text)) for m in cluster.members)
        n = len(cluster.members)
        pairs_all += n * (n - 1) // 2
        pairs_true += pairs(fams) + pairs(keys) - pairs(both)
    together = [
        g.original in cluster_of and cluster_of.get(g.original) == cluster_of.get(g.copy)
        for g in corpus.gold
    ]
    extra = {
        "time_index": t1 - t0,
        "time_corroborate": t_kept - t1,
        "time_clusters": t2 - t_kept,
        "links_found": len(found_links),
        "links_held_back": len(found_links) - len(links),
        "clusters": len(clusters),
        "cluster_pairs": pairs_all,
        "cluster_pair_precision": pairs_true / pairs_all if pairs_all else None,
        "relations": dict(Counter(link.relation for link in links)),
        "cluster_reprint": _mean(
            [t for t, g in zip(together, corpus.gold, strict=True) if g.type == "reprint"]
        ),
        "cluster_edit": _mean(
            [t for t, g in zip(together, corpus.gold, strict=True) if g.type != "reprint"]
        ),
    }
    found = [
        (link.a.id, link.b.id, link.relation, frozenset(c.type for c in link.changes))
        for link in links
    ]
    return found, extra


def _shingles(text: str, k: int) -> list[bytes]:
    words = _WORDS.findall(text)
    if len(words) < k:
        return [" ".join(words).encode()]
    return list({" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)})


def run_datasketch(corpus: synth.Corpus, args: argparse.Namespace) -> tuple[list[Found], dict]:
    from datasketch import MinHash, MinHashLSH
    from rapidfuzz import fuzz

    claims = corpus.claims
    t0 = time.perf_counter()
    keys = [match_key(c.text) for c in claims]
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.perm)
    found: list[Found] = []
    n_candidates = 0
    step = 5000
    for lo in range(0, len(claims), step):
        hashes = MinHash.bulk(
            [_shingles(k, args.shingle) for k in keys[lo : lo + step]], num_perm=args.perm, seed=1
        )
        for offset, m in enumerate(hashes):
            j = lo + offset
            for i in lsh.query(m):
                if claims[i].article_id == claims[j].article_id:
                    continue
                n_candidates += 1
                score = fuzz.ratio(keys[i], keys[j], score_cutoff=args.cutoff)
                if score:
                    relation = "repetition" if keys[i] == keys[j] else "near"
                    found.append((claims[i].id, claims[j].id, relation, frozenset()))
            lsh.insert(j, m, check_duplication=False)
        del hashes
    t1 = time.perf_counter()
    return found, {"candidates": n_candidates, "lsh_bands_rows": [lsh.b, lsh.r], "t": t1 - t0}


def run_brute(corpus: synth.Corpus, args: argparse.Namespace) -> tuple[list[Found], dict]:
    import numpy as np
    from rapidfuzz import fuzz, process

    claims = corpus.claims
    keys = [match_key(c.text) for c in claims]
    articles = np.array([hash(c.article_id) for c in claims])
    found: list[Found] = []
    block = 2000
    for lo in range(0, len(keys), block):
        scores = process.cdist(
            keys[lo : lo + block],
            keys,
            scorer=fuzz.ratio,
            score_cutoff=args.cutoff,
            dtype=np.uint8,
            workers=2,
        )
        rows, cols = np.nonzero(scores)
        rows = rows + lo
        keep = (cols > rows) & (articles[rows] != articles[cols])
        for i, j in zip(rows[keep].tolist(), cols[keep].tolist(), strict=True):
            relation = "repetition" if keys[i] == keys[j] else "near"
            found.append((claims[i].id, claims[j].id, relation, frozenset()))
    return found, {}


RUNNERS = {"claimtrack": run_claimtrack, "datasketch": run_datasketch, "brute": run_brute}


# -- scoring --
def _mean(values: list[Any]) -> float | None:
    return sum(values) / len(values) if values else None


def evaluate(corpus: synth.Corpus, links: list[Found]) -> dict[str, Any]:
    by_pair: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}
    for a, b, relation, types in links:
        by_pair[(a, b) if a < b else (b, a)] = (relation, types)
    text = {c.id: c.text for c in corpus.claims}
    family = corpus.family
    planted = {g.original for g in corpus.gold} | {g.copy for g in corpus.gold}

    out: dict[str, Any] = {"links": len(links)}
    reprints = [g for g in corpus.gold if g.type == "reprint"]
    hits = [
        by_pair.get((g.original, g.copy) if g.original < g.copy else (g.copy, g.original))
        for g in reprints
    ]
    out["reprint_recall"] = _mean([h is not None and h[0] == "repetition" for h in hits])
    out["reprints"] = len(reprints)
    per_type: dict[str, dict[str, Any]] = {}
    found_all, typed_all = [], []
    for kind in synth.EDIT_TYPES:
        edits = [g for g in corpus.gold if g.type == kind]
        found, typed, seen_types = [], [], Counter()
        for g in edits:
            h = by_pair.get((g.original, g.copy) if g.original < g.copy else (g.copy, g.original))
            found.append(h is not None)
            ok = h is not None and h[0] == "drift" and bool(h[1] & synth.ACCEPTED_TYPES[kind])
            typed.append(ok)
            if h is not None and not ok:
                seen_types[f"{h[0]}:{'+'.join(sorted(h[1])) or '-'}"] += 1
        found_all += found
        typed_all += typed
        per_type[kind] = {
            "n": len(edits),
            "found": _mean(found),
            "typed": _mean(typed),
            "mistyped_as": dict(seen_types.most_common(4)),
        }
    out["edit_recall"] = _mean(found_all)
    out["edit_typed"] = _mean(typed_all)
    out["edits"] = len(found_all)
    out["per_type"] = per_type

    tally: dict[str, Counter[str]] = defaultdict(Counter)
    false_examples = []
    for a, b, relation, _ in links:
        scopes = ["planted" if a in planted or b in planted else "other"]
        if scopes[0] == "planted" and relation != "agreement":
            scopes.append("planted_rd")
        ok = family[a] == family[b] or match_key(text[a]) == match_key(text[b])
        for scope in scopes:
            tally[scope]["true" if ok else "false"] += 1
        if not ok and scopes[0] == "planted" and len(false_examples) < 8:
            false_examples.append([relation, text[a][:120], text[b][:120]])
    for scope in ("planted", "planted_rd", "other"):
        n = tally[scope]["true"] + tally[scope]["false"]
        out[f"links_{scope}"] = n
        out[f"precision_{scope}"] = tally[scope]["true"] / n if n else None
    n_all = sum(tally[s]["true"] + tally[s]["false"] for s in ("planted", "other"))
    true_all = tally["planted"]["true"] + tally["other"]["true"]
    out["precision_all"] = true_all / n_all if n_all else None
    out["false_examples"] = false_examples
    return out


def worker(args: argparse.Namespace) -> dict[str, Any]:
    pool = synth.load_pool(args.polnear, args.ecbplus)
    corpus = synth.generate(pool, args.size, args.seed)
    del pool
    gc.collect()
    result: dict[str, Any] = {
        "tool": args.worker,
        "size": args.size,
        "articles": corpus.n_articles,
        "pool_sentences": corpus.n_real,
        "fillers": corpus.n_fillers,
        "rss_corpus_mb": _rss_mb(),
    }
    t0 = time.perf_counter()
    links, extra = RUNNERS[args.worker](corpus, args)
    result["time"] = time.perf_counter() - t0
    result["peak_mb"] = _peak_mb()
    result.update(extra)
    result.update(evaluate(corpus, links))
    return result


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| claims | tool | time (s) | peak RSS (GB) | corpus RSS (GB) | links | reprint recall "
        "| edit recall | edit typed | cluster (reprint/edit) | precision planted "
        "| precision rep/drift | precision all | clustered pairs true |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['size']:,} | {r['tool']} | failed: {r['error']} |")
            continue
        time_s = f"{r['time']:.1f}"
        if "time_index" in r:
            time_s += f" ({r['time_index']:.1f} + {r.get('time_corroborate', 0.0):.1f} + {r['time_clusters']:.1f})"
        cluster = (
            f"{_fmt(r['cluster_reprint'])} / {_fmt(r['cluster_edit'])}"
            if "cluster_edit" in r
            else "-"
        )
        lines.append(
            f"| {r['size']:,} | {r['tool']} | {time_s} | {r['peak_mb'] / 1024:.2f} "
            f"| {r['rss_corpus_mb'] / 1024:.2f} | {r['links']:,} | {_fmt(r['reprint_recall'])} "
            f"| {_fmt(r['edit_recall'])} | {_fmt(r['edit_typed']) if r['tool'] == 'claimtrack' else '-'} "
            f"| {cluster} | {_fmt(r['precision_planted'])} | {_fmt(r['precision_planted_rd'])} "
            f"| {_fmt(r['precision_all'])} | {_fmt(r.get('cluster_pair_precision'), 4)} |"
        )
    by_tool: dict[str, dict[int, float]] = defaultdict(dict)
    for r in results:
        if "time" in r:
            by_tool[r["tool"]][r["size"]] = r["time"]
    ratios = []
    for tool, times in by_tool.items():
        sizes = sorted(times)
        for small, big in itertools.pairwise(sizes):
            ratios.append(
                f"{tool} {big:,}/{small:,}: x{times[big] / times[small]:.2f} time for x{big / small:g} claims"
            )
    per_type = [
        "",
        "| claims | edit type | n | found | typed as planted | otherwise typed as |",
        "|---:|---|---:|---:|---:|---|",
    ]
    for r in results:
        if r.get("tool") != "claimtrack" or "per_type" not in r:
            continue
        for kind, t in r["per_type"].items():
            other = ", ".join(f"{k} {v}" for k, v in t["mistyped_as"].items()) or "-"
            per_type.append(
                f"| {r['size']:,} | {kind} | {t['n']} | {_fmt(t['found'])} | {_fmt(t['typed'])} | {other} |"
            )
    return "\n".join([*lines, "", *ratios, *per_type])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    parser.add_argument("--polnear", required=True)
    parser.add_argument("--ecbplus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=10_000, help="claims per ClaimIndex.add")
    parser.add_argument("--threshold", type=float, default=0.5, help="datasketch LSH threshold")
    parser.add_argument("--perm", type=int, default=64, help="datasketch permutations")
    parser.add_argument("--shingle", type=int, default=2, help="words per shingle")
    parser.add_argument("--cutoff", type=float, default=70.0, help="rapidfuzz ratio for a link")
    parser.add_argument("--brute-max", type=int, default=10_000)
    parser.add_argument(
        "--no-corroborate",
        action="store_true",
        help="claimtrack: keep every link the index finds (no stories.corroborate)",
    )
    parser.add_argument("--out", help="write every figure as JSON here")
    parser.add_argument("--worker", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args)))
        return 0
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.platform()}",
        flush=True,
    )
    results = []
    passthrough = [
        f"--{name}={getattr(args, name)}"
        for name in ("polnear", "seed", "batch", "threshold", "perm", "shingle", "cutoff")
    ]
    passthrough += [f"--ecbplus={args.ecbplus}"] if args.ecbplus else []
    passthrough += ["--no-corroborate"] if args.no_corroborate else []
    for size in args.sizes:
        for tool in args.tools:
            if tool == "brute" and size > args.brute_max:
                continue
            command = [
                sys.executable,
                __file__,
                "--worker",
                tool,
                "--size",
                str(size),
                *passthrough,
            ]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                result = {
                    "tool": tool,
                    "size": size,
                    "error": done.stderr.strip().splitlines()[-1:],
                }
            else:
                result = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(result)
            shown = {k: v for k, v in result.items() if k not in ("per_type", "false_examples")}
            print(json.dumps(shown), flush=True)
            if args.out:
                Path(args.out).write_text(json.dumps(results, indent=1))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
