"""Attributions: who said what, as speaker, cue and content spans.

:func:`extract_attributions` finds every attribution in an article with rules
over words and quotation marks (no parser model).  Each attribution records
the rule (``pattern``) that found it; the speaker mention is resolved to a
named source by :mod:`claimtrack.names`.

>>> from claimtrack.articles import Article
>>> art = Article(id="a", text='Sen. Jane Roe said on Monday that taxes would rise. '
...               '"We will fight it," she told reporters.')
>>> for a in extract_attributions(art):
...     print(a.pattern, "|", a.speaker.text, "|", a.cue.text, "|", a.content.text, "|", a.speaker_name)
subject_cue_content | Sen. Jane Roe | said | taxes would rise | Jane Roe
quote_then_cue | she | told reporters | We will fight it | Jane Roe

The package follows the data, each module importing only those before it:

- :mod:`~claimtrack.attributions.values`: :class:`Role`, :class:`Attribution`;
- :mod:`~claimtrack.attributions.tokens`: a sentence's tokens and word classes;
- :mod:`~claimtrack.attributions.quoting`: quotations, single quotes told from apostrophes;
- :mod:`~claimtrack.attributions.cues`: the cue lexicons, :func:`cue_lemma`, :func:`cue_class`;
- :mod:`~claimtrack.attributions.sentence`: one sentence's tokens and tables;
- :mod:`~claimtrack.attributions.phrases`: noun-phrase and speaker finders;
- :mod:`~claimtrack.attributions.contents`: content boundaries and quotations around a cue;
- :mod:`~claimtrack.attributions.patterns`: one function per named pattern, in a
  registry keyed by the name ``Attribution.pattern`` reports (:data:`PATTERNS`);
- :mod:`~claimtrack.attributions.extract`: :func:`extract_attributions`,
  :func:`classify_sentences`.
"""

from __future__ import annotations

from claimtrack.attributions.cues import cue_class, cue_lemma
from claimtrack.attributions.extract import classify_sentences, extract_attributions
from claimtrack.attributions.patterns import PATTERNS
from claimtrack.attributions.values import Attribution, AttributionKind, Role, SentenceKind

__all__ = [
    "PATTERNS",
    "Attribution",
    "AttributionKind",
    "Role",
    "SentenceKind",
    "classify_sentences",
    "cue_class",
    "cue_lemma",
    "extract_attributions",
]
