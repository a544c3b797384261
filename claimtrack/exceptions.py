"""The exceptions claimtrack raises.

Every error is a :class:`ClaimtrackError`, and each also inherits the builtin it
refines, so ``except ValueError`` keeps working for callers that do not know
claimtrack.  Messages name the file and line and say what to do about it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ArticleFormatError",
    "ClaimtrackError",
    "DuplicateArticleError",
    "EmptyArticleError",
    "InputError",
]


class ClaimtrackError(Exception):
    """Base class of every error raised by claimtrack."""


class InputError(ClaimtrackError, ValueError):
    """Input that cannot be read as articles.

    Args:
        message: What is wrong and how to fix it.
        path: The file being read, if any.
        line: The 1-based line number in that file, if known.
    """

    def __init__(
        self, message: str, *, path: str | Path | None = None, line: int | None = None
    ) -> None:
        self.reason = message
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = self.path if line is None else f"{self.path}:{line}"
            where += ": "
        super().__init__(where + message)

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling/copying working
        return (_rebuild, (type(self), self.reason, self.path, self.line))


def _rebuild(cls: type[InputError], reason: str, path: str | None, line: int | None) -> InputError:
    return cls(reason, path=path, line=line)


class ArticleFormatError(InputError):
    """A file is not in the expected format (bad header, date, JSON, encoding...)."""


class EmptyArticleError(InputError):
    """A file or record holds no article text."""


class DuplicateArticleError(InputError):
    """Two articles share one id; ids must be unique within a collection."""
