"""Shared fixtures: the bundled seed articles and their hand annotation."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.json"

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The hand annotation of the seed articles."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The directory of seed articles."""
    return SEEDS


@pytest.fixture
def count_signatures(monkeypatch: pytest.MonkeyPatch) -> Callable[[], list[int]]:
    """Call to start counting the texts whose MinHash signatures an index computes,
    call by call (the list it returns fills as they are made)."""
    from claimtrack.clusters import ClaimIndex

    def start() -> list[int]:
        counts: list[int] = []
        original = ClaimIndex._signatures

        def counted(self: ClaimIndex, texts: Any) -> Any:
            counts.append(len(texts))
            return original(self, texts)

        monkeypatch.setattr(ClaimIndex, "_signatures", counted)
        return counts

    return start
