"""Time the cyclic garbage collector spends during ``claimtrack claims``, by generation.

Usage::

    python bench/gc_time.py /path/to/polnear/train.jsonl [more.jsonl ...]

Runs ``claimtrack claims PATHS --format jsonl --quiet --jobs 1`` in this process
(output discarded) with a ``gc.callbacks`` hook, and prints for each generation
how many collections ran and the seconds they took.
"""

from __future__ import annotations

import gc
import io
import sys
import time
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    paths = list(sys.argv[1:] if argv is None else argv)
    stats = {generation: [0, 0.0] for generation in range(3)}
    started = [0.0]

    def hook(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            entry = stats[info["generation"]]
            entry[0] += 1
            entry[1] += time.perf_counter() - started[0]

    gc.callbacks.append(hook)
    from claimtrack.cli import main as claims

    claims(["claims", *paths, "--format", "jsonl", "--quiet", "--jobs", "1"], out=io.StringIO())
    gc.callbacks.remove(hook)
    total = sum(seconds for _, seconds in stats.values())
    for generation, (count, seconds) in stats.items():
        print(f"generation {generation}: {count} collections, {seconds:.3f} s")
    print(f"total {total:.3f} s")


if __name__ == "__main__":
    main()
