"""Language knowledge shipped as plain data files in ``claimtrack/data``.

Algorithms never hard-code words: abbreviations, sentence starters, news
agencies, boilerplate patterns, reporting verbs and the like live in text files
(one entry per line, ``#`` starts a comment) so that they can be read, reviewed
and measured against real corpora.  Files are read once and cached.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources

__all__ = ["data_lines", "iter_data_lines", "word_categories", "word_set"]


def iter_data_lines(name: str) -> Iterator[str]:
    """The non-blank, non-comment lines of the data file ``name``, read as they come.

    Trailing white space is removed; a ``#`` at the start of a line (after
    optional white space) makes it a comment.  For large tables that are
    parsed once into another form; :func:`data_lines` keeps the lines.

    >>> next(iter_data_lines("stopwords.txt")).islower()
    True
    """
    path = resources.files("claimtrack").joinpath("data").joinpath(name)
    with path.open(encoding="utf-8") as lines:
        for raw in lines:
            line = raw.rstrip()
            if line and not line.lstrip().startswith("#"):
                yield line


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of the data file ``name`` (read once, kept).

    >>> "mr" in data_lines("abbreviations.txt")[0] or len(data_lines("abbreviations.txt")) > 10
    True
    """
    return tuple(iter_data_lines(name))


@functools.cache
def word_set(name: str, column: int = 0) -> frozenset[str]:
    """The set of entries in ``column`` (tab-separated) of a data file, lower-cased.

    >>> "sen" in word_set("abbreviations.txt")
    True
    """
    out = set()
    for line in data_lines(name):
        cells = line.split("\t")
        if column < len(cells) and cells[column].strip():
            out.add(cells[column].strip().lower())
    return frozenset(out)


@functools.cache
def word_categories(name: str) -> dict[str, frozenset[str]]:
    """The words of a ``word<TAB>category`` data file, by category.

    >>> "not" in word_categories("change_words.txt")["negation"]
    True
    """
    out: dict[str, set[str]] = {}
    for line in data_lines(name):
        word, _, category = line.partition("\t")
        out.setdefault(category.strip(), set()).add(word.strip())
    return {category: frozenset(words) for category, words in out.items()}
