"""Start-up: nltk imported without scipy, and nltk's scipy function kept working."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from claimtrack import startup

HAS_SCIPY = importlib.util.find_spec("scipy") is not None


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


@pytest.mark.skipif(not HAS_SCIPY, reason="scipy is not installed")
def test_importing_claimtrack_does_not_import_scipy() -> None:
    assert _run("import sys, claimtrack.cli; print('scipy' in sys.modules)") == "False"


@pytest.mark.skipif(not HAS_SCIPY, reason="scipy is not installed")
def test_nltk_fisher_exact_still_answers_with_scipy() -> None:
    code = (
        "import sys, claimtrack\n"
        "from nltk.collocations import BigramAssocMeasures\n"
        "print(float(BigramAssocMeasures.fisher(1, (10, 12), 24)))\n"
        "import scipy.stats\n"
        "print(float(scipy.stats.fisher_exact([[1, 9], [11, 3]], alternative='less')[1]))"
    )
    ours, theirs = _run(code).splitlines()
    assert float(ours) == pytest.approx(float(theirs))


@pytest.mark.skipif(not HAS_SCIPY, reason="scipy is not installed")
def test_scipy_imported_first_is_left_alone() -> None:
    code = (
        "import sys, scipy.stats, claimtrack\n"
        "print(sys.modules['nltk.metrics.association'].fisher_exact is scipy.stats.fisher_exact)"
    )
    assert _run(code) == "True"


def test_nltk_imported_first_is_left_alone() -> None:
    # as in this test process: nothing is hidden, nothing removed
    before = set(sys.modules)
    startup.import_nltk()
    assert sys.modules.get("scipy", 0) is not None
    assert before <= set(sys.modules)


def test_stand_in_raises_as_nltk_does_without_scipy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.delitem(sys.modules, "scipy.stats", raising=False)
    with pytest.raises(NotImplementedError):
        startup._fisher_exact([[1, 2], [3, 4]])
