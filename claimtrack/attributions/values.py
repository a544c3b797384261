"""The values attribution extraction produces: roles, attributions, and the raw
attribution a pattern finds before its speaker is resolved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from claimtrack.names import SpeakerType
from claimtrack.sentences import Sentence
from claimtrack.spans import Span

AttributionKind = Literal["direct", "indirect", "mixed"]
SentenceKind = Literal["attributed", "unattributed", "boilerplate"]


@attrs.frozen
class Role:
    """One role of an attribution (speaker, cue or content) as spans of the article text.

    Attributes:
        spans: The pieces, in order; a content may be discontinuous
            (``"Y1," he said, "Y2"``).
        text: The pieces' texts joined by a space.
    """

    spans: tuple[Span, ...]
    text: str

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.spans[0].start

    @property
    def end(self) -> int:
        """Offset just past the last character."""
        return self.spans[-1].end

    @classmethod
    def from_spans(cls, text: str, spans: Iterable[Span]) -> Role:
        """A role over ``spans`` of ``text`` (empty spans dropped)."""
        kept = tuple([s for s in spans if s.end > s.start])
        if not kept:
            raise ValueError("a role needs at least one non-empty span")
        return cls(kept, " ".join([s.of(text) for s in kept]))


@attrs.frozen
class Attribution:
    """An attributed claim: a speaker, through a cue, is reported to say a content.

    Attributes:
        article_id: The article it was found in.
        sentence: The span of the sentence holding the cue.
        kind: ``direct`` (a quotation), ``indirect`` (reported speech) or
            ``mixed`` (partly quoted).
        content: What is attributed.
        cue: The reporting expression ("said", "according to"), if any.
        speaker: The speaker mention as written, if any.
        speaker_name: The named source the mention resolves to, if any.
        speaker_type: person, organisation, government, group or anonymous.
        pattern: The rule that found the attribution.
        resolution: Why the speaker was named as it was.
        continues: In the ``quotes`` convention (:mod:`claimtrack.quotes`), a
            follow-on record (a later segment of a quote, or a quote paragraph
            with no cue of its own) holds the first content span of the record
            it continues; None for every other record.
    """

    article_id: str
    sentence: Span
    kind: AttributionKind
    content: Role
    cue: Role | None
    speaker: Role | None
    pattern: str
    speaker_name: str | None = None
    speaker_type: SpeakerType = "anonymous"
    resolution: str = ""
    continues: Span | None = None


@attrs.frozen
class _Raw:
    """An attribution before speaker resolution."""

    sentence: Sentence
    kind: AttributionKind
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    pattern: str
