"""Train the same-statement model (claimtrack/statement_model.py) on MSRP-style pairs.

Usage::

    python bench/train_same_statement.py ../shared/data/msrp/train.jsonl [--folds 5]
        [--l2 0.01,0.1,1,10] [--seeds 3] [--drop FEATURE,...] [--ablate] [--write]
        [--hold-out 15 [--compare-drop FEATURE,...]] [--candidates DIR]

``--hold-out 15`` sets aside a fixed slice of the pairs (by the hash of their
``id``, see ``msrp_pairs.held_out``), cross-validates on the rest and scores the
slice once with a model fitted on the rest; ``--candidates DIR`` adds the
measured-only features of ``bench/statement_candidates.py`` (bench/MSRP.md,
session 9).

Reads JSON lines ``{"label": 0|1, "s1": ..., "s2": ...}``, computes
:func:`claimtrack.statement_model.features` for every pair and fits an
L2-regularised logistic regression (Newton's method, numpy) on standardised
features.  Cross-validation is repeated over ``--seeds`` shufflings of
``--folds`` folds: for each L2 strength it reports the mean accuracy on the
held-out folds, with the threshold chosen on the training folds only (so the
figure is honest).  The model is fitted on the pairs ``relate()`` would ask it
about (3 content stems shared and a content-stem Jaccard of
:data:`claimtrack.relations.MODEL_JACCARD`; ``--fit-all`` fits on every pair);
pairs outside that test count as "not the same".  With ``--write`` the model refitted on all the data with the
best L2 strength is written to ``claimtrack/data/same_statement.tsv``, weights
unstandardised, with the intercept and the threshold that maximises accuracy on
the training data (averaged with the cross-validated thresholds).

No corpus text is written anywhere: only feature names and numbers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from claimtrack.claimtext import prepare
from claimtrack.relations import MODEL_JACCARD, MODEL_SHARED, asks_model, compare

sys.path.insert(0, str(Path(__file__).resolve().parent))
from msrp_pairs import held_out
from msrp_pairs import ids as load_ids
from msrp_pairs import load as load_pairs
from statement_candidates import CANDIDATES, Candidates

from claimtrack.statement_model import FEATURES, features

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "claimtrack" / "data" / "same_statement.tsv"


def load(path: str) -> tuple[list[tuple[str, str]], np.ndarray]:
    pairs, labels = load_pairs(path)
    return pairs, np.asarray(labels, dtype=float)


def feature_matrix(
    pairs: list[tuple[str, str]], names: list[str], candidates: Candidates | None = None
) -> np.ndarray:
    rows = []
    for s1, s2 in pairs:
        a, b = prepare(s1), prepare(s2)
        f = features(a, b)
        if candidates is not None:
            f.update(candidates.features(a, b))
        rows.append([f[n] for n in names])
    return np.asarray(rows, dtype=float)


def model_asked(pairs: list[tuple[str, str]], shared: int, jaccard: float) -> np.ndarray:
    """Whether ``relate()`` would ask the model about each pair.

    It does when :func:`claimtrack.relations.asks_model` says so with these
    thresholds (``relate()`` uses ``MODEL_SHARED`` and ``MODEL_JACCARD``); below
    them, they are not "the same" for the model.
    """
    out = []
    for s1, s2 in pairs:
        a, b = prepare(s1), prepare(s2)
        out.append(asks_model(compare(a, b), a, b, shared, jaccard))
    return np.asarray(out, dtype=bool)


#: The sign each feature's weight must have: a closer pair never gets a lower
#: probability for being closer.  Without this, correlated features take large
#: weights of opposite signs that fit MSRP but extrapolate badly (a four-word
#: copyright line came out "the same" as a long news sentence).  0 = either sign.
SIGNS: dict[str, int] = {
    "stem_indel": 1,
    "char_indel": 1,
    "char3_max": 1,
    "trigram_max": 1,
    "stem_bigram_max": 1,
    "lcs_min": 1,
    "lcs_max": 1,
    "len_log_ratio": -1,
    "len_min_log": 0,
    "unmatched_share_max": -1,
    "unmatched_count_max": -1,
    "unmatched_run_max": -1,
    "unmatched_other_max": -1,
    "digit_unmatched": -1,
    "digits_min": 0,
    "name_shared": 1,
    "negation_mismatch": -1,
    "synonym_jaccard": 1,
    "unpaired_other_min": -1,
    "partial_ratio": 1,
    "unmatched_edge_max": -1,
}


def fit(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    signs: list[int] | None = None,
    iters: int = 30,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Weights (intercept first) of an L2 logistic regression; x is already standardised.

    With ``signs`` (one per column: 1, -1 or 0), each weight is kept to its sign
    (L-BFGS-B with bounds).  ``weights`` weighs each row (1 by default).
    """
    if signs is not None and any(signs):
        return _fit_signed(x, y, l2, signs)
    n, d = x.shape
    rows = np.ones(n) if weights is None else weights
    xb = np.hstack([np.ones((n, 1)), x])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (rows * (p - y)) + reg * w
        hess = (xb * (rows * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def _fit_signed(x: np.ndarray, y: np.ndarray, l2: float, signs: list[int]) -> np.ndarray:
    from scipy.optimize import minimize  # type: ignore[import-untyped]

    n, d = x.shape
    xb = np.hstack([np.ones((n, 1)), x])
    reg = np.full(d + 1, l2)
    reg[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(reg * w * w))
        return value, xb.T @ (p - y) + reg * w

    bounds = [(None, None)] + [
        (0.0, None) if s > 0 else (None, 0.0) if s < 0 else (None, None) for s in signs
    ]
    result = minimize(
        loss,
        np.zeros(d + 1),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": 2000, "ftol": 1e-12, "gtol": 1e-8},
    )
    return np.asarray(result.x)


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-(x @ w[1:] + w[0]))))


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    """The probability cut that maximises accuracy on (p, y), midway between neighbours."""
    order = np.argsort(p)
    ps, ys = p[order], y[order]
    # predicting "same" for index >= k: correct = negatives below k + positives from k
    neg_below = np.concatenate([[0], np.cumsum(1 - ys)])
    pos_from = np.concatenate([np.cumsum(ys[::-1])[::-1], [0]])
    correct = neg_below + pos_from
    k = int(np.argmax(correct))
    if k == 0:
        return float(ps[0]) - 1e-6
    if k == len(ps):
        return float(ps[-1]) + 1e-6
    return float((ps[k - 1] + ps[k]) / 2)


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mu = x.mean(axis=0)
    sd = x.std(axis=0)
    sd[sd == 0] = 1.0
    return mu, sd


def random_pairs(pairs: list[tuple[str, str]], n: int, seed: int = 7) -> list[tuple[str, str]]:
    """n pairs of sentences from two different pairs (different stories): easy negatives.

    MSRP holds only pairs chosen for sharing many words, so a model fitted on it
    alone never sees two sentences with little in common and extrapolates there
    as it likes; these teach it that such pairs are not the same statement.
    """
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        i, j = rng.choice(len(pairs), size=2, replace=False)
        out.append((pairs[i][int(rng.integers(2))], pairs[j][int(rng.integers(2))]))
    return out


def with_extra(
    x: np.ndarray, y: np.ndarray, extra: np.ndarray | None, weight: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Training rows with the extra negatives appended, and each row's weight."""
    if extra is None or not len(extra):
        return x, y, np.ones(len(y))
    return (
        np.vstack([x, extra]),
        np.concatenate([y, np.zeros(len(extra))]),
        np.concatenate([np.ones(len(y)), np.full(len(extra), weight)]),
    )


def cross_validate(
    x: np.ndarray,
    y: np.ndarray,
    l2: float,
    folds: int,
    seeds: int,
    signs: list[int] | None = None,
    extra: np.ndarray | None = None,
    allowed: np.ndarray | None = None,
    gated: bool = False,
    extra_weight: float = 1.0,
) -> tuple[float, float, list[float], float]:
    """Mean and spread of held-out accuracy, the thresholds picked on training folds,
    and the mean held-out log-loss (steadier than accuracy for comparing features).

    Pairs outside ``allowed`` are "not the same" whatever the model says; with
    ``gated`` the model is also fitted on the allowed pairs only, and the
    log-loss is taken over them.
    """
    accs, cuts, losses = [], [], []
    for seed in range(seeds):
        idx = np.random.default_rng(1000 + seed).permutation(len(y))
        parts = np.array_split(idx, folds)
        correct = 0
        for k in range(folds):
            test = parts[k]
            train = np.concatenate([parts[j] for j in range(folds) if j != k])
            fitted = train[allowed[train]] if gated and allowed is not None else train
            xt, yt, wt = with_extra(x[fitted], y[fitted], extra, extra_weight)
            mu, sd = standardise(xt)
            w = fit((xt - mu) / sd, yt, l2, signs, weights=wt)
            p_train = predict((x[train] - mu) / sd, w)
            if allowed is not None:
                p_train = np.where(allowed[train], p_train, 0.0)
            cut = best_threshold(p_train, y[train])
            cuts.append(cut)
            p = np.clip(predict((x[test] - mu) / sd, w), 1e-9, 1 - 1e-9)
            loss = y[test] * np.log(p) + (1 - y[test]) * np.log(1 - p)
            if gated and allowed is not None:
                loss = loss[allowed[test]]
            losses.append(float(-np.mean(loss)))
            same = p >= cut if allowed is None else (p >= cut) & allowed[test]
            correct += int((same == (y[test] == 1)).sum())
        accs.append(correct / len(y))
    return float(np.mean(accs)), float(np.std(accs)), cuts, float(np.mean(losses))


def fit_final(
    x: np.ndarray,
    y: np.ndarray,
    allowed: np.ndarray,
    gated: bool,
    extra: np.ndarray | None,
    extra_weight: float,
    l2: float,
    signs: list[int] | None,
    cv_cuts: list[float],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, np.ndarray]:
    """The model fitted on all of ``x``: means, spreads, weights, the threshold (the
    best on the training data averaged with the cross-validated ones) and the
    training pairs' probabilities."""
    xt, yt, wt = with_extra(*((x[allowed], y[allowed]) if gated else (x, y)), extra, extra_weight)
    mu, sd = standardise(xt)
    w = fit((xt - mu) / sd, yt, l2, signs, weights=wt)
    p = np.where(allowed, predict((x - mu) / sd, w), 0.0)
    cut = (best_threshold(p, y) + float(np.mean(cv_cuts))) / 2
    return mu, sd, w, cut, p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--l2", default="0.1,0.3,1,3")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out")
    ap.add_argument("--ablate", action="store_true", help="report CV accuracy without each feature")
    ap.add_argument(
        "--guard",
        type=int,
        default=MODEL_SHARED,
        help="'same' also needs this many shared content stems (as relate() would)",
    )
    ap.add_argument(
        "--jaccard",
        type=float,
        default=MODEL_JACCARD,
        help="... and this content-stem Jaccard, 0-100 (as relate() would)",
    )
    ap.add_argument(
        "--fit-all",
        action="store_true",
        help="fit on every pair, not only those relate() would ask the model about",
    )
    ap.add_argument("--signed", action="store_true", help="constrain the weights' signs (SIGNS)")
    ap.add_argument(
        "--random",
        type=int,
        default=1000,
        help="random mismatched pairs added to training as negatives",
    )
    ap.add_argument(
        "--random-weight",
        type=float,
        default=0.05,
        help="each random pair's weight in the fit (an MSRP pair weighs 1)",
    )
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    ap.add_argument(
        "--hold-out",
        type=int,
        default=0,
        metavar="PCT",
        help="set aside the pairs whose id hashes under PCT of 100 (15: the slice never "
        "tuned on): cross-validate on the rest, then fit on the rest and score the slice",
    )
    ap.add_argument(
        "--candidates",
        metavar="DIR",
        help="add bench/statement_candidates.py's features (DIR: word_counts.tsv and "
        "word_vectors.tsv from bench/build_word_weights.py); measured only, not written",
    )
    ap.add_argument(
        "--compare-drop",
        metavar="FEATURES",
        help="with --hold-out: also fit without these features (comma-separated) by the "
        "same protocol, and count the slice pairs only one of the two models gets right",
    )
    args = ap.parse_args(argv)
    if args.hold_out and args.write:
        ap.error("--write fits on every pair: not with --hold-out")
    if args.candidates and args.write:
        ap.error("the library does not compute the candidate features: not with --write")
    candidates = Candidates(args.candidates) if args.candidates else None

    drop = {d for d in args.drop.split(",") if d}
    names = [n for n in (*FEATURES, *(CANDIDATES if candidates else ())) if n not in drop]
    signs = [SIGNS.get(n, 0) for n in names] if args.signed else None
    pairs, y = load(args.path)
    slice_pairs: list[tuple[str, str]] = []
    if args.hold_out:
        aside = np.array([held_out(i, args.hold_out) for i in load_ids(args.path)])
        slice_pairs = [p for p, a in zip(pairs, aside, strict=True) if a]
        y_slice = y[aside]
        pairs = [p for p, a in zip(pairs, aside, strict=True) if not a]
        y = y[~aside]
        print(
            f"held out: {len(slice_pairs)} pairs (positives {y_slice.mean():.3f}), not used below"
        )
    t0 = time.perf_counter()
    x = feature_matrix(pairs, names, candidates)
    extra = (
        feature_matrix(random_pairs(pairs, args.random), names, candidates) if args.random else None
    )
    allowed = model_asked(pairs, args.guard, args.jaccard)
    gated = not args.fit_all
    print(
        f"{len(y)} pairs, {len(names)} features, {len(y) / (time.perf_counter() - t0):.0f} pairs/s "
        f"(prepare + features), positives {y.mean():.3f}"
    )

    def cv_without(keep: list[int], l2: float) -> tuple[float, float, list[float], float]:
        """Cross-validation with only the features at ``keep``."""
        return cross_validate(
            x[:, keep],
            y,
            l2,
            args.folds,
            args.seeds,
            None if signs is None else [signs[i] for i in keep],
            None if extra is None else extra[:, keep],
            allowed,
            gated,
            args.random_weight,
        )

    results = {}
    for l2 in (float(v) for v in args.l2.split(",")):
        mean, spread, cuts, loss = cross_validate(
            x, y, l2, args.folds, args.seeds, signs, extra, allowed, gated, args.random_weight
        )
        results[l2] = (mean, cuts, loss)
        print(
            f"l2={l2:<6g} CV accuracy {mean:.4f} ± {spread:.4f}, log-loss {loss:.4f} "
            f"({args.folds} folds x {args.seeds} shuffles; threshold {np.mean(cuts):.3f})"
        )
    # the best accuracy; on a tie (to 4 decimals), the lower log-loss
    best_l2 = max(results, key=lambda k: (round(results[k][0], 4), -results[k][2]))
    print(f"best l2={best_l2:g}: CV accuracy {results[best_l2][0]:.4f}")

    if args.ablate:
        base, _, base_loss = results[best_l2]
        for j, name in enumerate(names):
            keep = [i for i in range(len(names)) if i != j]
            acc, _, _, loss = cv_without(keep, best_l2)
            print(
                f"  without {name:<22} accuracy {acc:.4f} ({acc - base:+.4f}), "
                f"log-loss {loss:.4f} ({loss - base_loss:+.4f})"
            )

    if args.write or slice_pairs:
        mu, sd, w, cut, p = fit_final(
            x, y, allowed, gated, extra, args.random_weight, best_l2, signs, results[best_l2][1]
        )
    if slice_pairs:
        xs = feature_matrix(slice_pairs, names, candidates)
        asked_slice = model_asked(slice_pairs, args.guard, args.jaccard)
        ps = np.where(asked_slice, predict((xs - mu) / sd, w), 0.0)
        right = (ps >= cut) == (y_slice == 1)
        print(
            f"held-out slice: accuracy {right.mean():.4f} ({int(right.sum())}/{len(right)}; "
            f"fitted on the other {len(y)} pairs at l2={best_l2:g}, threshold {cut:.3f})"
        )
        if args.compare_drop:
            # the same protocol without some features: which slice pairs each gets right
            gone = {d for d in args.compare_drop.split(",") if d}
            keep = [i for i, n in enumerate(names) if n not in gone]
            sub = {l2: cv_without(keep, l2) for l2 in (float(v) for v in args.l2.split(","))}
            l2_b = max(sub, key=lambda k: (round(sub[k][0], 4), -sub[k][3]))
            mu_b, sd_b, w_b, cut_b, _ = fit_final(
                x[:, keep],
                y,
                allowed,
                gated,
                None if extra is None else extra[:, keep],
                args.random_weight,
                l2_b,
                None if signs is None else [signs[i] for i in keep],
                sub[l2_b][2],
            )
            ps_b = np.where(asked_slice, predict((xs[:, keep] - mu_b) / sd_b, w_b), 0.0)
            right_b = (ps_b >= cut_b) == (y_slice == 1)
            print(
                f"without {','.join(sorted(gone))}: CV {sub[l2_b][0]:.4f} (l2={l2_b:g}), "
                f"held-out slice {right_b.mean():.4f} ({int(right_b.sum())}/{len(right_b)}); "
                f"slice pairs right only with them {int((right & ~right_b).sum())}, "
                f"only without them {int((right_b & ~right).sum())}"
            )
    if args.write:
        raw = w[1:] / sd
        intercept = w[0] - float((w[1:] * mu / sd).sum())
        lines = [
            "# Same-statement model: logistic regression over claimtrack.statement_model.features.",
            "# Written by bench/train_same_statement.py (trained on the MSRP train pairs;",
            f"# {args.folds}-fold CV accuracy {results[best_l2][0]:.4f} at l2={best_l2:g},"
            f" {args.random} random pairs as extra negatives weighing {args.random_weight:g} each,",
            f"# 'same' also needing {args.guard} shared content stems and a Jaccard of"
            f" {args.jaccard:g};",
            f"# fitted on {'the pairs passing that test' if gated else 'every pair'}).",
            "# feature<TAB>weight; (intercept) and (threshold) are the bias and the decision cut.",
            f"(intercept)\t{intercept:.6g}",
            f"(threshold)\t{cut:.4f}",
        ]
        lines += [f"{n}\t{v:.6g}" for n, v in zip(names, raw, strict=True)]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT} (train accuracy {((p >= cut) == (y == 1)).mean():.4f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
