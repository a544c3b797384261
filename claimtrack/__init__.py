"""claimtrack: track claims across news reports.

Who said what in a pile of news articles, and how each claim travels between
them: repeated word for word, agreed on in other words, or drifting.

>>> import claimtrack
>>> articles = claimtrack.read_articles("seeds")
>>> len(articles)
2
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import claimtrack.startup  # noqa: F401  (first: nltk imported without scipy)

# isort: split
from claimtrack.analysis import Analysis, ArticleAnalysis, analyze
from claimtrack.articles import Article, ArticleSet, read_articles, write_jsonl
from claimtrack.attributions import (
    Attribution,
    Role,
    classify_sentences,
    extract_attributions,
)
from claimtrack.claims import Claim
from claimtrack.exceptions import (
    ArticleFormatError,
    ClaimtrackError,
    DuplicateArticleError,
    EmptyArticleError,
    InputError,
)
from claimtrack.normalize import Normalized, match_key, normalize
from claimtrack.sentences import Sentence, SentenceSplitter, split_sentences
from claimtrack.spans import Span
from claimtrack.speakers import SpeakerIndex

if TYPE_CHECKING:
    __version__: str
    from claimtrack.clusters import ClaimIndex, Cluster, Link
    from claimtrack.matching import Change, Relation, relate
    from claimtrack.store import ClaimStore, IngestReport, StoreError
    from claimtrack.tracker import ArticleTie, ClaimTracker

#: The names of the later stages (linking, the store) and the module of each: they
#: are imported when first used, so that splitting and extraction start faster.
_LATER = {
    "ArticleTie": "claimtrack.tracker",
    "ClaimIndex": "claimtrack.clusters",
    "ClaimStore": "claimtrack.store",
    "ClaimTracker": "claimtrack.tracker",
    "Change": "claimtrack.matching",
    "Cluster": "claimtrack.clusters",
    "IngestReport": "claimtrack.store",
    "Link": "claimtrack.clusters",
    "Relation": "claimtrack.matching",
    "StoreError": "claimtrack.store",
    "relate": "claimtrack.matching",
}


def _version() -> str:
    # importlib.metadata costs more to import than the rest of claimtrack outside
    # nltk: looked up when first asked for
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimtrack")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def __getattr__(name: str) -> object:
    """The later stages' names, imported on first use; ``__version__``."""
    if name == "__version__":
        globals()[name] = found = _version()
        return found
    if name not in _LATER:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LATER[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Analysis",
    "Article",
    "ArticleAnalysis",
    "ArticleFormatError",
    "ArticleSet",
    "ArticleTie",
    "Attribution",
    "Change",
    "Claim",
    "ClaimIndex",
    "ClaimStore",
    "ClaimTracker",
    "ClaimtrackError",
    "Cluster",
    "DuplicateArticleError",
    "EmptyArticleError",
    "IngestReport",
    "InputError",
    "Link",
    "Normalized",
    "Relation",
    "Role",
    "Sentence",
    "SentenceSplitter",
    "Span",
    "SpeakerIndex",
    "StoreError",
    "__version__",
    "analyze",
    "classify_sentences",
    "extract_attributions",
    "match_key",
    "normalize",
    "read_articles",
    "relate",
    "split_sentences",
    "write_jsonl",
]
