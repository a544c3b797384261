"""Build ``word_counts.tsv`` and ``word_vectors.tsv`` (word rarity and word vectors) from news passages.

Usage::

    python bench/build_word_weights.py ../shared/data/polnear/train.jsonl \\
        ../shared/data/polnear/dev.jsonl ../shared/data/ecbplus/documents.jsonl \\
        --out-dir DIR [--unit passage|article] [--min 2] [--dims 50] [--vector-min 5]

The tables feed the candidate features of ``bench/statement_candidates.py``
(``train_same_statement.py --candidates DIR``); they are not shipped in
``claimtrack/data`` (bench/MSRP.md, session 9: the model retrained with them
loses ECB+ link precision).

Each input is JSON Lines with the article in ``text`` (PolNeAR, ECB+); an
article annotated several times is counted once.  With ``--unit passage``
(the default) a passage is a paragraph (text between blank lines) or, for
ECB+ records that list them, a sentence; with ``--unit article`` a whole
article.  The words are read as :func:`claimtrack.claimtext.prepare` reads
them (``match_key`` and the same word pattern), function words left out, and
keyed as :mod:`claimtrack.statement_model` keys content words (a place is its
country, other words their Snowball stem).

What is written is counts only, no text: a header line with the number of
passages, then ``stem<TAB>passages holding it`` for stems found in ``--min``
passages or more.  ``bench/statement_candidates.py`` turns them into an
inverse document frequency: how informative a word is (a rare word left
unmatched says more than a common one).

``word_vectors.tsv``: a small latent semantic space of the
same passages, for stems found in ``--vector-min`` passages or more: the
stems' co-occurrence counts within a passage, as positive pointwise mutual
information (context counts smoothed to the power 0.75), reduced to ``--dims``
dimensions by a truncated SVD (randomised, fixed seed; rows scaled by the
square root of the singular values, then to unit length) and written as
integers (the value times 100).  Words used in the same news
passages ("court" / "judge" / "case") get close vectors; the candidate feature compares
two claims by the cosine of their words' vectors summed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from claimtrack.claimtext import WORD
from claimtrack.normalize import match_key
from claimtrack.statement_model import content_key, is_function_word


def passages(paths: list[str], unit: str) -> Iterator[str]:
    """The passages (or articles) of the inputs, each article once."""
    seen: set[int] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                text = row["text"]
                key = hash(text)
                if key in seen:
                    continue
                seen.add(key)
                if unit == "article":
                    yield text
                elif row.get("sentences"):
                    for sent in row["sentences"]:
                        yield text[sent["start"] : sent["end"]]
                else:
                    yield from (p for p in text.split("\n\n") if p.strip())


def stems_of(text: str) -> set[str]:
    """The content-stem keys of a passage."""
    return {content_key(w) for w in WORD.findall(match_key(text)) if not is_function_word(w)}


def vectors(docs: list[set[str]], least: int, dims: int) -> tuple[list[str], np.ndarray]:
    """The stems in ``least`` passages or more and their unit vectors (see above)."""
    counts = Counter(s for d in docs for s in d)
    vocab = sorted(s for s, n in counts.items() if n >= least)
    index = {s: i for i, s in enumerate(vocab)}
    size = len(vocab)
    together = np.zeros((size, size), dtype=np.float64)
    for doc in docs:
        ids = np.array(sorted(index[s] for s in doc if s in index))
        if len(ids) > 1:
            together[np.ix_(ids, ids)] += 1
    np.fill_diagonal(together, 0)
    total = together.sum()
    row = together.sum(axis=1)
    context = row**0.75
    context /= context.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.log((together / total) / np.outer(row / total, context))
    ppmi[~np.isfinite(ppmi)] = 0.0
    ppmi = np.maximum(ppmi, 0.0)
    del together
    rng = np.random.default_rng(0)
    basis, _ = np.linalg.qr(ppmi @ rng.standard_normal((size, dims + 50)))
    basis, _ = np.linalg.qr(ppmi @ (ppmi.T @ basis))
    u, sigma, _ = np.linalg.svd(basis.T @ ppmi, full_matrices=False)
    out = (basis @ u[:, :dims]) * np.sqrt(sigma[:dims])
    out /= np.linalg.norm(out, axis=1, keepdims=True) + 1e-12
    return vocab, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--unit", choices=("passage", "article"), default="passage")
    ap.add_argument("--min", type=int, default=2, help="leave out stems in fewer passages")
    ap.add_argument("--out-dir", required=True, help="where to write the two tables")
    ap.add_argument("--dims", type=int, default=50, help="dimensions of the word vectors")
    ap.add_argument(
        "--vector-min", type=int, default=5, help="vectors for stems in this many passages"
    )
    args = ap.parse_args(argv)
    counts: Counter[str] = Counter()
    total = 0
    docs: list[set[str]] = []
    for text in passages(args.paths, args.unit):
        stems = stems_of(text)
        if stems:
            total += 1
            counts.update(stems)
            docs.append(stems)
    kept = sorted((s, n) for s, n in counts.items() if n >= args.min)
    lines = [
        "# Content stems and the number of news passages holding them (inverse document",
        "# frequency for bench/statement_candidates.py).  Written by bench/build_word_weights.py",
        f"# from PolNeAR and ECB+ news texts (unit: {args.unit}); counts only, no text.",
        f"(passages)\t{total}",
    ]
    lines += [f"{s}\t{n}" for s, n in kept]
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "word_counts.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{total} {args.unit}s, {len(counts)} stems, {len(kept)} written to {out}/word_counts.tsv"
    )
    if args.dims:
        vocab, table = vectors(docs, args.vector_min, args.dims)
        lines = [
            "# Word vectors of content stems (latent semantic analysis of news passages: PPMI of",
            "# co-occurrence in a passage, truncated SVD, unit length), for",
            "# bench/statement_candidates.py.  Written by bench/build_word_weights.py from PolNeAR",
            f"# and ECB+ news texts ({args.unit}s; stems in {args.vector_min} or more); numbers only.",
            f"# stem<TAB>{args.dims} integers, each a coordinate times 100.",
        ]
        lines += [
            f"{s}\t{' '.join(str(int(v)) for v in np.rint(row * 100))}"
            for s, row in zip(vocab, table, strict=True)
        ]
        (out / "word_vectors.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(vocab)} word vectors of {args.dims} dims written to {out}/word_vectors.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
