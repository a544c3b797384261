"""Reading MSRP-style sentence pairs, for the scripts that evaluate and train on them."""

from __future__ import annotations

import hashlib
import json


def load(path: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The pairs (s1, s2) of a JSON Lines file ``{"label": 0|1, "s1": ..., "s2": ...}``,
    and their labels."""
    pairs, labels = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                pairs.append((row["s1"], row["s2"]))
                labels.append(int(row["label"]))
    return pairs, labels


def ids(path: str) -> list[str]:
    """The pairs' ids (``id``, else the line number), in file order."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if line.strip():
                out.append(str(json.loads(line).get("id", number)))
    return out


def held_out(pair_id: str, percent: int) -> bool:
    """Whether a pair falls in the fixed slice of about ``percent``% set aside by its
    id's hash (SHA-256, so the slice is the same on every machine and run)."""
    return int(hashlib.sha256(pair_id.encode()).hexdigest(), 16) % 100 < percent
