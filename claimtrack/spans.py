"""Character spans into an article's text.

A :class:`Span` is a half-open ``[start, end)`` range of character offsets into
one immutable string (an :attr:`Article.text <claimtrack.articles.Article.text>`).
The text of a span is always sliced from that string, never stored apart from it.
"""

from __future__ import annotations

import attrs

__all__ = ["Span", "trim_span"]


def _check_offsets(instance: Span, attribute: attrs.Attribute[int], value: int) -> None:
    """Both offsets checked by one validator (on ``end``, run after ``start`` is set),
    with the message ``attrs.validators.ge(0)`` gave for ``start``: spans are made by
    the hundred thousand, and a validator is a call more on each."""
    start = instance.start
    if start < 0:
        raise ValueError(f"'start' must be >= 0: {start}")
    if value < start:
        raise ValueError(f"span end {value} is before its start {start}")


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets.

    >>> text = "Moscow has denied it."
    >>> Span(0, 6).of(text)
    'Moscow'
    >>> len(Span(7, 17))
    10
    """

    start: int
    end: int = attrs.field(validator=_check_offsets)

    def of(self, text: str) -> str:
        """Return the piece of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        """``[start, end]``, the form used in JSON output."""
        return [self.start, self.end]


def trim_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` so it neither starts nor ends with white space.

    >>> trim_span("  a b  ", 0, 7)
    Span(start=2, end=5)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
