"""MinHash keys of prepared claims: what :class:`~claimtrack.clusters.ClaimIndex`
probes to find candidates, computed where the claims are prepared.

A claim's *key row* holds one key per LSH band (``rows`` MinHash values of its
content stems, combined and salted with the band) and then its first ``weak``
MinHash values alone (salted with their column), as 64-bit numbers.  They depend
only on the claim's content stems and on the parameters, so a worker process
can make them beside the claim's words, and a store can keep them.

>>> from claimtrack.claimtext import prepare
>>> keys = MinHashKeys()
>>> rows = keys.key_rows([prepare("Russia sent two bombers to Belarus."),
...                   prepare("Russia sent two bombers to Belarus on Saturday.")])
>>> rows.shape, keys.parameters
((2, 19), '13x5+6:20211118')
>>> int((rows[0, :13] == rows[1, :13]).sum()) > 0  # they share a band bucket or more
True
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence

import numpy as np

from claimtrack.claimtext import ClaimText

__all__ = ["MinHashKeys", "stable_hash"]


def stable_hash(text: str) -> int:
    """A 64-bit hash of a string, the same in every process and run."""
    data = text.encode("utf-8")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


@functools.lru_cache(maxsize=1 << 19)
def _stem_hash(stem: str) -> int:
    return stable_hash(stem)


class MinHashKeys:
    """The band and weak keys of prepared claims, for given LSH parameters.

    Args:
        bands: Number of LSH bands.
        rows: MinHash values per band.
        weak: Single MinHash values used as keys too (at most ``bands * rows``).
        seed: Seed of the MinHash permutations.
    """

    def __init__(self, bands: int = 13, rows: int = 5, weak: int = 6, seed: int = 20211118):
        self.bands, self.rows, self.seed = bands, rows, seed
        n = bands * rows
        self.weak = min(weak, n)
        rng = np.random.default_rng(seed)
        one, two = np.uint64(1), np.uint64(2)
        self._xor = rng.integers(0, 2**63, size=n, dtype=np.uint64) * two + one
        self._mul = rng.integers(0, 2**63, size=n, dtype=np.uint64) * two + one
        self._band_weights = rng.integers(0, 2**63, size=rows, dtype=np.uint64) * two + one
        self._band_salt = rng.integers(0, 2**63, size=bands, dtype=np.uint64) * two
        self._weak_salt = rng.integers(0, 2**63, size=n, dtype=np.uint64) * two

    @property
    def width(self) -> int:
        """Keys per claim: one per band, then the weak keys."""
        return self.bands + self.weak

    @property
    def parameters(self) -> str:
        """What the keys depend on: keys made under other parameters are not to be mixed."""
        return f"{self.bands}x{self.rows}+{self.weak}:{self.seed}"

    def signatures(self, texts: Sequence[ClaimText]) -> np.ndarray:
        """MinHash signatures (one row per text) of the texts' content stems."""
        n_hashes = self.bands * self.rows
        if not len(texts):
            return np.zeros((0, n_hashes), dtype=np.uint64)
        out = np.empty((len(texts), n_hashes), dtype=np.uint64)
        step = 2048
        for lo in range(0, len(texts), step):
            part = texts[lo : lo + step]
            lengths = [max(len(t.stem_keys), 1) for t in part]
            values: list[int] = []
            for t in part:
                values.extend(map(_stem_hash, t.stem_keys or ("\x00empty",)))
            x = np.array(values, dtype=np.uint64)[:, None]
            with np.errstate(over="ignore"):
                hashed = (x ^ self._xor[None, :]) * self._mul[None, :]
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.intp)
            out[lo : lo + len(part)] = np.minimum.reduceat(hashed, starts, axis=0)
        return out

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """One 64-bit key per (text, band), not yet salted."""
        n = signatures.shape[0]
        grouped = signatures.reshape(n, self.bands, self.rows)
        with np.errstate(over="ignore"):
            keys: np.ndarray = (grouped * self._band_weights[None, None, :]).sum(
                axis=2, dtype=np.uint64
            )
        return keys

    def rows_of(self, signatures: np.ndarray) -> np.ndarray:
        """Key rows from signatures: the salted band keys, then the salted weak keys."""
        out = np.empty((signatures.shape[0], self.width), dtype=np.uint64)
        out[:, : self.bands] = self.band_keys(signatures) ^ self._band_salt[None, :]
        out[:, self.bands :] = signatures[:, : self.weak] ^ self._weak_salt[None, : self.weak]
        return out

    def key_rows(self, texts: Sequence[ClaimText]) -> np.ndarray:
        """The key rows of some prepared texts (see the module's description)."""
        return self.rows_of(self.signatures(texts))


@functools.cache
def default_keys() -> MinHashKeys:
    """The keys of a :class:`~claimtrack.clusters.ClaimIndex` with its default parameters."""
    return MinHashKeys()
