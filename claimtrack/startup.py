"""What the package does before it imports nltk.

nltk's package imports ``scipy.stats`` whenever scipy is installed, for one
function claimtrack never calls (``nltk.metrics.association.fisher_exact``, a
collocation test): about 1 s and 60 MB in every process that imports claimtrack
(and in each of its worker processes), more than the rest of its start-up. So,
when neither nltk nor scipy is imported yet, nltk is imported with scipy out of
sight, and that one function is given back as a stand-in that imports scipy when
it is first called: nltk answers as it did, and scipy is loaded only by whoever
uses it.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["import_nltk"]


def _fisher_exact(*args: Any, **kwargs: Any) -> Any:
    """``scipy.stats.fisher_exact``, imported when first called (nltk's own
    stand-in raises NotImplementedError without scipy, as this does)."""
    try:
        from scipy.stats import fisher_exact
    except ImportError:
        raise NotImplementedError("scipy is not installed") from None
    return fisher_exact(*args, **kwargs)


def import_nltk() -> None:
    """Import nltk without scipy, unless either is imported already (see the
    module's description)."""
    if "nltk" in sys.modules or "scipy" in sys.modules:
        return
    sys.modules["scipy"] = None  # type: ignore[assignment]  # "import scipy" fails
    try:
        import nltk  # noqa: F401
    finally:
        if sys.modules.get("scipy", 0) is None:
            del sys.modules["scipy"]
    association = sys.modules.get("nltk.metrics.association")
    if association is not None and hasattr(association, "fisher_exact"):
        association.fisher_exact = _fisher_exact  # type: ignore[attr-defined]


import_nltk()
