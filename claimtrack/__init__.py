"""claimtrack: track claims across news reports.

Who said what in a pile of news articles, and how each claim travels between
them: repeated word for word, agreed on in other words, or drifting.

>>> import claimtrack
>>> articles = claimtrack.read_articles("seeds")
>>> len(articles)
2
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from claimtrack.articles import Article, ArticleSet, read_articles, write_jsonl
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

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "ArticleFormatError",
    "ArticleSet",
    "ClaimtrackError",
    "DuplicateArticleError",
    "EmptyArticleError",
    "InputError",
    "Normalized",
    "Sentence",
    "SentenceSplitter",
    "Span",
    "__version__",
    "match_key",
    "normalize",
    "read_articles",
    "split_sentences",
    "write_jsonl",
]
