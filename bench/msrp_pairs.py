"""Reading MSRP-style sentence pairs, for the scripts that evaluate and train on them."""

from __future__ import annotations

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
