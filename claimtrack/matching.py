"""Comparing two claims: where it lives now (kept so that old imports still work).

The comparison is split by what each part owns:

- :mod:`claimtrack.claimtext`: the prepared text of a claim (:class:`ClaimText`,
  :func:`prepare`, :func:`prepare_claim`, :func:`prepare_text`) and the
  comparison of speaker names (:func:`same_source_name`, :func:`speaker_terms`);
- :mod:`claimtrack.changes`: the typed differences between two versions of a
  claim (:class:`Change`, :data:`MATERIAL`, :data:`CONFLICTS`,
  :func:`conflicting`, :func:`word_changes`);
- :mod:`claimtrack.relations`: the relation of two claims (:class:`Relation`,
  :func:`relate`, :func:`relate_prepared`, :func:`compare`, :func:`asks_model`).

This module only re-exports the public names it had (:data:`__all__` lists them);
import them from their modules.
"""

from __future__ import annotations

from claimtrack.changes import (
    CLAUSE_WORDS,
    CONFLICTS,
    MATERIAL,
    SCOPE_WORDS,
    Change,
    conflicting,
    word_changes,
)
from claimtrack.claimtext import (
    ClaimText,
    prepare,
    prepare_claim,
    prepare_text,
    same_source_name,
    speaker_terms,
)
from claimtrack.relations import (
    AGREE_JACCARD,
    AGREE_OVERLAP,
    AGREE_SHARED,
    DRIFT_SURFACE,
    MODEL_JACCARD,
    MODEL_SHARED,
    SPEAKER_OVERLAP,
    Comparison,
    Relation,
    RelationName,
    asks_model,
    compare,
    may_relate,
    relate,
    relate_prepared,
    related_target,
)

__all__ = [
    "AGREE_JACCARD",
    "AGREE_OVERLAP",
    "AGREE_SHARED",
    "CLAUSE_WORDS",
    "CONFLICTS",
    "DRIFT_SURFACE",
    "MATERIAL",
    "MODEL_JACCARD",
    "MODEL_SHARED",
    "SCOPE_WORDS",
    "SPEAKER_OVERLAP",
    "Change",
    "ClaimText",
    "Comparison",
    "Relation",
    "RelationName",
    "asks_model",
    "compare",
    "conflicting",
    "may_relate",
    "prepare",
    "prepare_claim",
    "prepare_text",
    "relate",
    "relate_prepared",
    "related_target",
    "same_source_name",
    "speaker_terms",
    "word_changes",
]
