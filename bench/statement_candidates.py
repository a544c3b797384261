"""Candidate features for the same-statement model that are measured, not shipped.

Session 9 (bench/MSRP.md): signals of another kind than lexical counts, read from
two tables built by ``bench/build_word_weights.py`` from news passages (PolNeAR,
ECB+), kept outside the library:

* ``rarest_unmatched_max`` / ``second_rarest_unmatched_max``: the rarity (inverse
  document frequency in news passages) of the rarest and second rarest content
  stem that one side has and the other neither has nor says with a synonym (the
  larger over the two sides).  A rare word left unmatched ("Galveston", "rape")
  says more than a common one ("said", "week").
* ``context_cosine``: the cosine of the two sides' content-stem vectors summed
  (weighted by rarity); the vectors are a small latent semantic space of the
  same passages, so words used in the same stories ("court", "judge") count as
  close.

``python bench/train_same_statement.py MSRP --candidates DIR`` adds them to the
model's features (``DIR`` holding ``word_counts.tsv`` and ``word_vectors.tsv``).
They are not in :mod:`claimtrack.statement_model`: retrained with them the model
reads 0.7797 on MSRP (0.7789-0.7796 without) but ECB+ dev link precision falls
from 98.15 to 97.14 (bench/MSRP.md, session 9).
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np

from claimtrack.statement_model import Prepared, _compared, _paired, _view

#: The candidate features, in the order they are appended.
CANDIDATES: tuple[str, ...] = (
    "rarest_unmatched_max",
    "second_rarest_unmatched_max",
    "context_cosine",
)


def read_counts(path: Path) -> tuple[dict[str, float], float]:
    """Stem -> rarity (log of passages + 1 over passages holding it + 1) from a
    ``word_counts.tsv``, and the rarity of a stem it lacks (as if in one passage)."""
    total = 0
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        stem, _, value = line.partition("\t")
        if stem == "(passages)":
            total = int(value)
        else:
            counts[stem] = int(value)
    if not total:
        raise ValueError(f"{path}: no (passages) line")
    return {s: math.log((total + 1) / (n + 1)) for s, n in counts.items()}, math.log(
        (total + 1) / 2
    )


def read_vectors(path: Path) -> dict[str, np.ndarray]:
    """Stem -> unit vector from a ``word_vectors.tsv`` (coordinates times 100)."""
    table: dict[str, np.ndarray] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        stem, _, values = line.partition("\t")
        row = np.array(values.split(), dtype=np.float64)
        table[stem] = row / (float(np.linalg.norm(row)) or 1.0)
    return table


class Candidates:
    """The candidate features of pairs of prepared claims, with the tables of ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        folder = Path(folder)
        self.rarity, self.unseen = read_counts(folder / "word_counts.tsv")
        self.vectors = read_vectors(folder / "word_vectors.tsv")
        self._text_vector = functools.lru_cache(maxsize=4096)(self._vector_of)

    def rarity_of(self, stem: str) -> float:
        return self.rarity.get(stem, self.unseen)

    def _vector_of(self, stems: frozenset[str]) -> np.ndarray | None:
        found = [(self.vectors[s], self.rarity_of(s)) for s in stems if s in self.vectors]
        if not found:
            return None
        total = sum(vector * weight for vector, weight in found)
        norm = float(np.linalg.norm(total))
        return total / norm if norm else None

    def _rarest(self, stems: frozenset[str], matched: frozenset[str]) -> tuple[float, float]:
        values = sorted((self.rarity_of(s) for s in stems - matched), reverse=True)
        padded = [*values, 0.0, 0.0]
        return padded[0], padded[1]

    def features(self, a: Prepared, b: Prepared) -> dict[str, float]:
        """The candidate features of a pair (symmetric in ``a`` and ``b``)."""
        va, vb = _view(_compared(a)), _view(_compared(b))
        shared = va.stem_set & vb.stem_set
        paired_a, paired_b = _paired(va.stem_set - shared, vb.stem_set - shared)
        first_a, second_a = self._rarest(va.stem_set, shared | paired_a)
        first_b, second_b = self._rarest(vb.stem_set, shared | paired_b)
        xa, xb = self._text_vector(va.stem_set), self._text_vector(vb.stem_set)
        return {
            "rarest_unmatched_max": max(first_a, first_b),
            "second_rarest_unmatched_max": max(second_a, second_b),
            "context_cosine": float(xa @ xb) if xa is not None and xb is not None else 0.0,
        }
