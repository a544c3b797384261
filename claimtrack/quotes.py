"""Two conventions of who said what: every attribution, or reported speech as quote
trackers count it.

claimtrack extracts attributions in the ``attribution`` convention (PolNeAR's):
every attribution, beliefs, intentions and noun cues included, an interrupted
quote one record with several content spans.  Quote trackers count otherwise,
and :func:`quote_records` turns the one into the other (the ``quotes``
convention):

- speech acts only: a cue whose verb is a verb of saying in the lexicon
  ("said", "told reporters", "denied"), or "according to" and its like; a
  reporting noun only before a quotation ("in a statement: ..."); no belief or
  intention verbs ("believes", "hopes") and no verbs of other senses ("called",
  "showed");
- every quotation segment is its own record: both halves of an interrupted
  quote, and each further sentence of a quotation after the sentence of its
  cue; contents keep their quote marks;
- a paragraph that opens with a quotation and has no attribution of its own,
  right after a paragraph with a record, belongs to that record's speaker:
  each of its sentences is a record.

Records after the first of a quotation are *follow-on* records: their
``continues`` holds the first content span of the record (with the cue) they
continue, their pattern is ``quote_segment`` or ``quote_paragraph``, and
their resolution says whose quote they continue.

>>> from claimtrack.articles import Article
>>> from claimtrack.attributions import extract_attributions
>>> from claimtrack.sentences import split_sentences
>>> art = Article(id="a", text='"The plan is dead," she said, "and everyone knows it."\\n'
...                            '"We tried. Nothing worked."\\nOfficials believe it will pass.')
>>> sentences = split_sentences(art)
>>> for r in quote_records(art, sentences, extract_attributions(art, sentences)):
...     print(r.pattern, r.speaker.text, r.content.text, r.continues)
quote_then_cue she "The plan is dead," None
quote_segment she "and everyone knows it." Span(start=0, end=19)
quote_paragraph she "We tried. Span(start=0, end=19)
quote_paragraph she Nothing worked." Span(start=0, end=19)
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from typing import Literal

import attrs

from claimtrack.articles import Article
from claimtrack.attributions import Attribution, Role, cue_class
from claimtrack.sentences import Sentence
from claimtrack.spans import Span, trim_span

__all__ = ["CONVENTIONS", "Convention", "quote_records"]

Convention = Literal["attribution", "quotes"]

#: The conventions, the default first.
CONVENTIONS: tuple[Convention, ...] = ("attribution", "quotes")

_OPENING = "\"\u201c\u2018'\u00ab\u201e"
_CLOSING = "\"\u201d\u2019'\u00bb"
_FINAL = ",.?!\u2026;:"


def _is_speech(attribution: Attribution) -> bool:
    """Whether an attribution reports a speech act (see the module)."""
    if attribution.cue is None:
        return attribution.kind == "direct"
    kind = cue_class(attribution.cue.text)
    return kind in ("speech", "source") or (kind == "noun" and attribution.kind == "direct")


def _with_marks(text: str, span: Span) -> Span:
    """``span`` widened to the quote marks around it (and the punctuation before a
    closing mark): ``We won`` in ``"We won," he said`` becomes ``"We won,"``."""
    start, end = span.start, span.end
    if start > 0 and text[start - 1] in _OPENING:
        start -= 1
    k = end
    while k < len(text) and k - end < 2 and text[k] in _FINAL:
        k += 1
    if k < len(text) and text[k] in _CLOSING:
        end = k + 1
    return Span(start, end)


def _sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> Sentence:
    return sentences[max(0, bisect.bisect_right(starts, offset) - 1)]


def _pieces(
    span: Span, after: int, sentences: Sequence[Sentence], starts: Sequence[int]
) -> list[Span]:
    """``span`` cut at the starts of the sentences that begin after offset ``after``."""
    cuts = [s for s in starts if span.start < s < span.end and s >= after]
    bounds = [span.start, *cuts, span.end]
    return [Span(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _segments(
    attribution: Attribution,
    text: str,
    sentences: Sequence[Sentence],
    starts: Sequence[int],
) -> list[Attribution]:
    """A speech attribution as records of the quotes convention."""
    if attribution.kind != "direct":
        return [attribution]
    pieces = [
        trimmed
        for span in attribution.content.spans
        for piece in _pieces(span, attribution.sentence.end, sentences, starts)
        if len(trimmed := trim_span(text, piece.start, piece.end))
    ]
    if not pieces:
        return [attribution]
    spans = [_with_marks(text, piece) for piece in pieces]
    first = attrs.evolve(attribution, content=Role.from_spans(text, spans[:1]))
    out = [first]
    cue_paragraph = _sentence_at(sentences, starts, attribution.sentence.start).paragraph
    for span in spans[1:]:
        holder = _sentence_at(sentences, starts, span.start)
        later = span.start >= attribution.sentence.end
        out.append(
            attrs.evolve(
                attribution,
                sentence=holder.span if later else attribution.sentence,
                content=Role.from_spans(text, [span]),
                pattern="quote_paragraph" if holder.paragraph != cue_paragraph else "quote_segment",
                resolution=f"a later segment of the quote of {_whose(attribution)}",
                continues=spans[0],
            )
        )
    return out


def _whose(attribution: Attribution) -> str:
    if attribution.speaker_name:
        return attribution.speaker_name
    return f"'{attribution.speaker.text}'" if attribution.speaker else "an unnamed source"


def quote_records(
    article: Article, sentences: Sequence[Sentence], attributions: Sequence[Attribution]
) -> list[Attribution]:
    """The records of an article in the ``quotes`` convention (see the module),
    from its sentences and its attributions in the ``attribution`` convention;
    in text order."""
    text = article.clean_text
    starts = [s.start for s in sentences]
    records: list[Attribution] = []
    for attribution in attributions:
        if _is_speech(attribution):
            records.extend(_segments(attribution, text, sentences, starts))
    attributed = {
        _sentence_at(sentences, starts, offset).paragraph
        for a in attributions
        for offset in (a.sentence.start, *(span.start for span in a.content.spans))
    }
    last: dict[int, Attribution] = {}
    for record in records:
        paragraph = _sentence_at(sentences, starts, record.content.end - 1).paragraph
        if paragraph not in last or last[paragraph].content.start < record.content.start:
            last[paragraph] = record
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph, held in sorted(by_paragraph.items()):
        before = last.get(paragraph - 1)
        body = [s for s in held if not s.boilerplate]
        if before is None or paragraph in attributed or not body:
            continue
        if text[body[0].body_start : body[0].end].lstrip()[:1] not in _OPENING:
            continue
        head = before.continues or before.content.spans[0]
        for sentence in body:
            span = trim_span(text, sentence.body_start, sentence.end)
            if not len(span):
                continue
            follow = attrs.evolve(
                before,
                sentence=sentence.span,
                kind="direct",
                content=Role.from_spans(text, [span]),
                pattern="quote_paragraph",
                resolution="a quote paragraph with no cue, after a paragraph quoting "
                f"{_whose(before)}",
                continues=head,
            )
            records.append(follow)
            last[paragraph] = follow
    records.sort(key=lambda r: (r.content.start, r.content.end))
    return records
