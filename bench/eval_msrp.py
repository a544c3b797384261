"""Same-statement accuracy on MSRP-style sentence pairs.

Usage::

    python bench/eval_msrp.py ../shared/data/msrp/train.jsonl [--folds 5]

Reads JSON lines ``{"label": 0|1, "s1": ..., "s2": ...}`` and reports accuracy,
precision, recall and F1 of "same statement" for:

- ``claimtrack.relate`` as it is: same = repetition, agreement or drift;
- always answering "same" (the majority baseline);
- every single rapidfuzz ratio (ratio, partial_ratio, token_sort_ratio,
  token_set_ratio, WRatio, QRatio) and word Jaccard, each with its threshold
  tuned by ``--folds``-fold cross-validation (chosen on the training folds,
  scored on the held-out fold), and the best of them;
- the shipped same-statement model (``claimtrack.statement_model``) at its
  shipped threshold -- optimistic when the file is the one it was trained on;
- the recommended integration: "same" when the words are equal (repetition)
  or when p >= the threshold and the two share at least ``--guard`` content
  stems (the shipped model, so also optimistic on its training file);
- the same model's features refitted by cross-validation as
  ``bench/train_same_statement.py`` fits them (on the pairs ``relate()`` asks
  the model about, with weak random negatives), threshold chosen on the training folds, alone and inside
  ``relate()``: the honest figures on the training file (needs numpy);

and how many pairs per second relate() and the model score.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from claimtrack.claimtext import ClaimText, prepare
from claimtrack.relations import asks_model, compare, relate_prepared
from claimtrack.statement_model import (
    FEATURES,
    StatementModel,
    features,
    same_statement_probability,
    threshold,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from msrp_pairs import load

SAME = frozenset(["repetition", "agreement", "drift"])


def scores(pred: Sequence[bool], gold: Sequence[int]) -> dict[str, float]:
    tp = sum(p and g == 1 for p, g in zip(pred, gold, strict=True))
    fp = sum(p and g == 0 for p, g in zip(pred, gold, strict=True))
    fn = sum((not p) and g == 1 for p, g in zip(pred, gold, strict=True))
    correct = sum(bool(p) == (g == 1) for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"acc": correct / len(gold), "P": precision, "R": recall, "F1": f1}


def line(name: str, s: dict[str, float], extra: str = "") -> str:
    return f"{name:<34} acc {s['acc']:.4f}  P {s['P']:.4f}  R {s['R']:.4f}  F1 {s['F1']:.4f}" + (
        f"  {extra}" if extra else ""
    )


def folds_of(n: int, k: int) -> list[list[int]]:
    """k interleaved folds of range(n) after a fixed shuffle (deterministic)."""
    order = sorted(range(n), key=lambda i: (i * 2654435761) % 4294967296)
    return [order[j::k] for j in range(k)]


def best_cut(values: Sequence[float], gold: Sequence[int]) -> float:
    """The threshold (predict same when value >= cut) that maximises accuracy."""
    pairs = sorted(zip(values, gold, strict=True))
    pos_total = sum(gold)
    best, best_correct = pairs[0][0] - 1e-9, pos_total  # all "same"
    neg_below = pos_below = 0
    for i, (value, g) in enumerate(pairs):
        neg_below += g == 0
        pos_below += g == 1
        if i + 1 < len(pairs) and pairs[i + 1][0] == value:
            continue
        correct = neg_below + (pos_total - pos_below)
        if correct > best_correct:
            nxt = pairs[i + 1][0] if i + 1 < len(pairs) else value + 1e-9
            best, best_correct = (value + nxt) / 2, correct
    return best


def cv_threshold(values: Sequence[float], gold: Sequence[int], k: int) -> list[bool]:
    """Held-out predictions with the threshold tuned on the other folds."""
    pred = [False] * len(gold)
    for fold in folds_of(len(gold), k):
        held = set(fold)
        train = [i for i in range(len(gold)) if i not in held]
        cut = best_cut([values[i] for i in train], [gold[i] for i in train])
        for i in fold:
            pred[i] = values[i] >= cut
    return pred


def jaccard(a: str, b: str) -> float:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


RATIOS: dict[str, Callable[[str, str], float]] = {
    "ratio": fuzz.ratio,
    "partial_ratio": fuzz.partial_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
    "word_jaccard": jaccard,
}


def model_cv(
    pairs: Sequence[tuple[str, str]],
    prepared: Sequence[tuple[ClaimText, ClaimText]],
    gold: Sequence[int],
    k: int,
    l2: float,
    random: int = 1000,
    random_weight: float = 0.05,
) -> tuple[list[bool], list[bool]] | None:
    """Held-out predictions of the model refitted per fold, alone and inside ``relate()``.

    The model is fitted as ``bench/train_same_statement.py`` fits it (on the
    pairs ``relate()`` would ask it about, L2 ``l2``, ``random`` mismatched
    pairs as extra negatives weighing ``random_weight`` each), the threshold chosen on
    the training folds.  The second list is ``relate()`` run on the held-out
    fold with that fold's model in place of the shipped one: the honest figure
    for ``relate()`` on the file the shipped model was trained on.  None
    without numpy.
    """
    try:
        import numpy as np
        from train_same_statement import (
            best_threshold,
            feature_matrix,
            fit,
            predict,
            random_pairs,
            standardise,
            with_extra,
        )
    except ImportError:
        return None
    names = list(FEATURES)
    x = np.asarray([[features(a, b)[n] for n in names] for a, b in prepared])
    extra = feature_matrix(random_pairs(list(pairs), random), names) if random else None
    asked = np.asarray([asks_model(compare(a, b), a, b) for a, b in prepared])
    y = np.asarray(gold, dtype=float)
    model_pred = [False] * len(gold)
    relate_pred = [False] * len(gold)
    for fold in folds_of(len(gold), k):
        held = set(fold)
        train = np.asarray([i for i in range(len(gold)) if i not in held and asked[i]])
        xt, yt, wt = with_extra(x[train], y[train], extra, random_weight)
        mu, sd = standardise(xt)
        w = fit((xt - mu) / sd, yt, l2, weights=wt)
        every = np.asarray([i for i in range(len(gold)) if i not in held])
        cut = best_threshold(
            np.where(asked[every], predict((x[every] - mu) / sd, w), 0.0), y[every]
        )
        held_p = predict((x[fold] - mu) / sd, w)
        p_of = {}
        for i, p in zip(fold, held_p, strict=True):
            model_pred[i] = bool(p >= cut and asked[i])
            a, b = prepared[i]
            p_of[a.words, b.words] = p_of[b.words, a.words] = float(p)
        # this fold's model, passed to relate() in place of the shipped one
        refitted = StatementModel(lambda a, b, p_of=p_of: p_of[a.words, b.words], cut)
        for i in fold:
            relate_pred[i] = relate_prepared(*prepared[i], model=refitted).relation in SAME
    return model_pred, relate_pred


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--guard", type=int, default=3, help="shared content stems 'same' needs")
    ap.add_argument("--l2", type=float, default=0.3, help="L2 strength of the refitted models")
    args = ap.parse_args(argv)
    pairs, gold = load(args.path)
    n = len(gold)
    print(f"{args.path}: {n} pairs, {sum(gold) / n:.3f} same")

    t0 = time.perf_counter()
    prepared = [(prepare(a), prepare(b)) for a, b in pairs]
    t_prep = time.perf_counter() - t0
    t0 = time.perf_counter()
    relations = [relate_prepared(a, b).relation for a, b in prepared]
    t_rel = time.perf_counter() - t0
    t0 = time.perf_counter()
    probs = [same_statement_probability(a, b) for a, b in prepared]
    t_model = time.perf_counter() - t0
    t0 = time.perf_counter()
    for a, b in prepared:
        same_statement_probability(a, b)
    t_warm = time.perf_counter() - t0

    print(line("relate() as is", scores([r in SAME for r in relations], gold)))
    print(line("always same", scores([True] * n, gold)))
    best_name, best_scores = "", {"acc": -1.0}
    for name, scorer in RATIOS.items():
        values = [float(scorer(a, b)) for a, b in pairs]
        s = scores(cv_threshold(values, gold, args.folds), gold)
        print(line(f"{name} (CV threshold)", s))
        if s["acc"] > best_scores["acc"]:
            best_name, best_scores = name, s
    print(line(f"best single ratio: {best_name}", best_scores))
    cut = threshold()
    print(
        line("model, shipped weights", scores([p >= cut for p in probs], gold), f"p >= {cut:.3f}")
    )
    integrated = [
        (a.words == b.words and bool(a.words))
        or (p >= cut and len(a.stems & b.stems) >= args.guard)
        for (a, b), p in zip(prepared, probs, strict=True)
    ]
    print(line("recommended: repetition or p>=T+guard", scores(integrated, gold)))
    cv = model_cv(pairs, prepared, gold, args.folds, args.l2)
    if cv is not None:
        print(line(f"model refitted, {args.folds}-fold CV", scores(cv[0], gold)))
        print(line(f"relate(), model refitted, {args.folds}-fold CV", scores(cv[1], gold)))
    print(
        f"speed: prepare {2 * n / t_prep:,.0f} texts/s; relate_prepared {n / t_rel:,.0f} pairs/s; "
        f"model {n / t_model:,.0f} pairs/s cold, {n / t_warm:,.0f} pairs/s warm (texts cached)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
