"""How two claims relate: repetition, agreement, drift, related or unrelated.

:func:`relate` tells whether two sentences state the same thing and how they
differ:

- ``repetition``: the same words after normalisation (case, quotes,
  apostrophes, hyphens, British spellings: "defence" is "defense");
- ``drift``: the same claim, changed in a way that matters -- each change is
  typed (``inserted``, ``removed``, ``number``, ``negation``, ``certainty``,
  ``tense``, ``date``, ``name``, ``cue``, ``speaker``: see
  :mod:`claimtrack.changes`);
- ``agreement``: the same claim in other words, nothing material changed;
- ``related``: the same speaker about the same target, a different claim;
- ``unrelated``.

Claims are compared as prepared by :mod:`claimtrack.claimtext`: their words as
sequences with rapidfuzz (``Indel`` for the score), their content words as
stems.  Two claims that share fewer words in order are judged by the
same-statement model (:mod:`claimtrack.statement_model`); their drift is typed
from what does not depend on wording (conflicting numbers and dates, a modal
verb, hedge or booster on one side only, the cues' strength).

>>> r = relate("The leader wouldnt elaborate on what kind of Russian weapons Belarus would accept.",
...            "The leader hasnt elaborated on what kind of Russian atomic weapons Belarus would accept.")
>>> r.relation
'drift'
>>> [(c.type, c.a, c.b) for c in r.changes]
[('tense', ('wouldnt', 'elaborate'), ('hasnt', 'elaborated')), ('inserted', (), ('atomic',))]
>>> relate("Merkel's nuclear-capable jets flew.", "Merkels nuclear capable jets flew.").relation
'repetition'
"""

from __future__ import annotations

import functools
from typing import Literal

import attrs
from rapidfuzz.distance import Indel

from claimtrack.attributions import cue_class
from claimtrack.changes import SCOPE_WORDS, Change, conflicting, content_changes, oriented_changes
from claimtrack.claims import Claim
from claimtrack.claimtext import (
    ClaimText,
    change_words,
    own_terms,
    prepare,
    prepare_claim,
    prepare_text,
    same_source,
    same_source_name,
    stem_of,
    stopwords,
    with_sources,
    word_facts,
)
from claimtrack.statement_model import StatementModel, shipped, synonym_pairs

__all__ = [
    "Basis",
    "Comparison",
    "Relation",
    "RelationName",
    "asks_model",
    "compare",
    "contained",
    "may_relate",
    "other_speakers",
    "relate",
    "relate_prepared",
    "related_target",
    "stated_part",
    "stating_cue",
]


RelationName = Literal["repetition", "agreement", "drift", "related", "unrelated"]

#: What decided a relation (see :attr:`Relation.basis`).
Basis = Literal["words", "content", "part"]


@attrs.frozen
class Comparison:
    """Scores between two prepared claims (0-100, higher is closer).

    Attributes:
        surface: rapidfuzz Indel similarity of the word sequences.
        overlap: Content stems shared, over the smaller set's size.
        jaccard: Content stems shared, over their union's size.
        shared: The content stems shared.
        same_speaker: Both have a speaker and share one.
        other_speaker: Each has a speaker that none of the other's can be (see
            :func:`other_speakers`): "Smith said" / "Jones said", also beside a
            second attribution both share.
        shared_cue: They share a cue lemma of saying or thinking (see
            :func:`stating_cue`), not of another act ("released", "published").
        number_conflict: Both have numbers and they differ.
        name_conflict: Each has a name the other lacks (two different places or people).
    """

    surface: float
    overlap: float
    jaccard: float
    shared: frozenset[str]
    same_speaker: bool
    other_speaker: bool
    shared_cue: bool
    number_conflict: bool
    name_conflict: bool


def compare(a: ClaimText, b: ClaimText) -> Comparison:
    """Score two prepared claims against each other (symmetric)."""
    stems_a = a.stems
    shared = stems_a.intersection(b.stem_keys)
    same_speaker = same_source(a.speakers, b.speakers)
    smaller = min(len(a.stem_keys), len(b.stem_keys)) or 1
    union = len(a.stem_keys) + len(b.stem_keys) - len(shared) or 1
    return Comparison(
        surface=100.0 * Indel.normalized_similarity(a.compared, b.compared),
        overlap=100.0 * len(shared) / smaller,
        jaccard=100.0 * len(shared) / union,
        shared=shared,
        same_speaker=same_speaker,
        other_speaker=all(other_speakers(a, b)),
        shared_cue=any(map(stating_cue, a.cues & b.cues)),
        number_conflict=bool(a.number_keys)
        and bool(b.number_keys)
        and a.number_keys != b.number_keys,
        name_conflict=not a.names.issubset(b.name_keys) and not b.names.issubset(a.name_keys),
    )


def other_speakers(a: ClaimText, b: ClaimText) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The speakers of each claim that none of the other's can be (by
    :func:`~claimtrack.claimtext.same_source_name`: "Merkel" can be "Angela
    Merkel"), sorted.

    >>> from claimtrack.claimtext import prepare
    >>> a = prepare("x", speakers=["smith", "the police"])
    >>> other_speakers(a, prepare("x", speakers=["jones", "the police"]))
    (('smith',), ('jones',))
    >>> other_speakers(a, prepare("x", speakers=["john smith"]))
    (('the police',), ())
    """
    if a.speakers == b.speakers:
        return (), ()
    only_a = [x for x in a.speakers if not any(same_source_name(x, y) for y in b.speakers)]
    only_b = [y for y in b.speakers if not any(same_source_name(x, y) for x in a.speakers)]
    return tuple(sorted(only_a)), tuple(sorted(only_b))


@functools.lru_cache(maxsize=4096)
def stating_cue(cue: str) -> bool:
    """Whether a cue lemma says that someone stated something: a verb of saying or
    thinking, a reporting noun or "according to", not a verb that can name another
    act ("release", "publish", "issue": ``other`` and ``weak`` in
    ``data/reporting_verbs.txt``).

    >>> stating_cue("say"), stating_cue("believe"), stating_cue("release")
    (True, True, False)
    """
    return cue_class(cue) not in ("other", "weak")


@attrs.frozen
class Relation:
    """How two claims relate.

    Attributes:
        relation: repetition, agreement, drift, related or unrelated.
        score: 0-100: how surely the two state the same thing (for related,
            how close they are).
        changes: For drift (and agreement), the typed changes: word by word when
            the basis is ``words``; for a ``content`` basis, the numbers, dates,
            modal verbs, hedges and cues that differ (see :func:`relate`).
        evidence: Why, in a few words.
        basis: What decided it: ``words`` (the two share most of their words,
            in order), ``content`` (they share content words in other words:
            weaker evidence, which a tracker wants corroborated) or ``part``
            (every content word of one stands in the other, a longer claim that
            says more: the weakest, which a tracker believes only between copies
            of one story).
    """

    relation: RelationName
    score: float
    changes: tuple[Change, ...] = ()
    evidence: tuple[str, ...] = ()
    basis: Basis = "words"

    @property
    def conflict(self) -> bool:
        """Whether the two reports conflict: a change of one of
        :data:`~claimtrack.changes.CONFLICTS` (a reversal, a negation, another
        number, date or speaker)."""
        return conflicting(self.changes)


#: Word similarity from which two claims are versions of one text.
DRIFT_SURFACE = 70.0

#: Content-stem overlap from which two claims say the same in other words.
AGREE_OVERLAP = 60.0

#: The same, when both have the same speaker and cue.
SPEAKER_OVERLAP = 50.0

#: Content-stem Jaccard under which the same-statement model is not asked.  On MSRP
#: train a third of the pairs below it are the same statement and the model gains
#: nothing there (cross-validated accuracy is the same with 20 or 25); asked about
#: pairs unlike its training pairs, it extrapolates.  Most candidate pairs in a
#: large corpus are below it.
MODEL_JACCARD = 25.0

#: Shared content words that make an overlap specific on their own...
AGREE_SHARED = 6

#: ...or, with fewer, the Jaccard similarity the content words need.
AGREE_JACCARD = 40.0

#: Content words two claims must share (their speakers' names aside) for the
#: same-statement model to be asked.
MODEL_SHARED = 3


def asks_model(
    c: Comparison,
    a: ClaimText,
    b: ClaimText,
    shared: int = MODEL_SHARED,
    jaccard: float = MODEL_JACCARD,
) -> bool:
    """Whether :func:`relate` asks the same-statement model about two claims: they
    share ``shared`` content words besides their speakers' names, and a content-stem
    Jaccard (0-100) of ``jaccard``.  The model was fitted on such pairs only.

    >>> from claimtrack.claimtext import prepare
    >>> a = prepare("The old river bridge will reopen in June.")
    >>> b, c = prepare("The river bridge reopens in June."), prepare("The bridge was painted.")
    >>> asks_model(compare(a, b), a, b), asks_model(compare(a, c), a, c)
    (True, False)
    """
    return len(c.shared - a.speakers - b.speakers) >= shared and c.jaccard >= jaccard


def _same_statement(
    c: Comparison, a: ClaimText, b: ClaimText, model: StatementModel
) -> tuple[bool, float, str, Basis]:
    """Whether two claims state the same thing in other words, a score, why and on
    what basis (``content`` or ``part``).

    The same-statement model (:mod:`claimtrack.statement_model`, trained on MSRP)
    decides for claims sharing three content words or more; as it compares claims
    of like length, a claim standing inside a much longer one is judged by its
    content words instead (most of them shared, enough to be specific, and no
    conflicting number or name, or all of them, :data:`CONTAINED_SHARED` or
    more: the basis is then ``part``); and two claims of one speaker with one cue
    that share half their content words state the same thing too.
    """
    n_shared = len(c.shared - a.speakers - b.speakers)
    if asks_model(c, a, b):
        p = model.probability(a, b)
        if p >= model.threshold:
            why = f"same statement (p={p:.2f}), {n_shared} content words shared"
            synonyms = synonym_pairs(a, b)
            if synonyms:
                why += ", " + ", ".join(f"{x} = {y}" for x, y in synonyms)
            return True, 100.0 * p, why, "content"
    if c.number_conflict or c.name_conflict:
        return False, c.overlap, "", "content"
    longer, shorter = (
        max(len(a.stem_keys), len(b.stem_keys)),
        min(len(a.stem_keys), len(b.stem_keys)),
    )
    # one claim inside a longer one (the model compares claims of like length): most of
    # the shorter claim's content words, and enough of them to be specific
    if (
        longer >= 1.5 * shorter
        and c.overlap >= AGREE_OVERLAP
        and (n_shared >= AGREE_SHARED or (n_shared >= 3 and c.jaccard >= AGREE_JACCARD))
    ):
        why = f"{n_shared} content words shared ({c.overlap:.0f}% of the shorter)"
        return True, c.overlap, why, "content"
    if c.same_speaker and c.shared_cue and n_shared >= 3 and c.overlap >= SPEAKER_OVERLAP:
        return True, c.overlap, "same speaker and cue, and half the content words shared", "content"
    if n_shared >= CONTAINED_SHARED and contained(a, b):
        return True, c.overlap, f"all {n_shared} content words of one in the other", "part"
    return False, c.overlap, "", "content"


#: Content words (the speakers' names aside) from which a claim whose content
#: words all stand in another one states the same thing (basis ``part``).
CONTAINED_SHARED = 4


def contained(a: ClaimText, b: ClaimText) -> bool:
    """Whether every content word of one claim stands in the other, the speakers'
    names and the hedges and boosters aside ("almost certain to reject" is typed
    as a change, not a content word).

    >>> from claimtrack.claimtext import prepare
    >>> whole = prepare("Rebels urged the army to leave the city, demands the mayor rejected.")
    >>> contained(prepare("The mayor is almost certain to reject the demands."), whole)
    True
    >>> contained(prepare("The mayor is almost certain to reject the offer."), whole)
    False
    """
    aside = own_terms(a, b) | _marker_stems()
    mine, theirs = a.stems - aside, b.stems - aside
    return bool(mine) and bool(theirs) and (mine <= theirs or theirs <= mine)


def stated_part(a: ClaimText, b: ClaimText) -> tuple[ClaimText, ClaimText]:
    """Two claims one of which is stated inside the other (see :func:`contained`),
    the longer cut to the words that state the shorter: from the first to the last
    of the shorter's content words there.  Its changes are typed on that part
    ("plans to attack" in another clause is no hedge on "demands the West has
    rejected").

    >>> from claimtrack.claimtext import prepare
    >>> short = prepare("The mayor is almost certain to reject the demands.")
    >>> long = prepare("Rebels planned to march, and urged the army to leave, demands the mayor rejected.")
    >>> " ".join(stated_part(short, long)[1].words)
    'demands the mayor rejected'
    """
    aside = own_terms(a, b) | _marker_stems()
    inner, outer = (a, b) if a.stems - aside <= b.stems else (b, a)
    wanted = inner.stems - aside
    words = outer.compared
    at = [i for i, w in enumerate(words) if word_facts(w)[1] in wanted]
    if not at:
        return a, b
    part = with_sources(
        prepare(" ".join(words[at[0] : at[-1] + 1])), outer.speakers, outer.cues, outer.named
    )
    return (a, part) if inner is a else (part, b)


def _negation(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
    """A negation change between a claim and the part of a longer one that states
    it (see :func:`stated_part`) when one negates the content both have more often
    than the other ("almost certain not to reject" / "demands the West has
    rejected"). A negation counts where a content word both have is among the
    :data:`~claimtrack.changes.SCOPE_WORDS` words after it ("that NATO doesnt
    expand" in another clause of the part does not)."""
    negations = change_words()["negation"]
    shared = a.stems & b.stems

    def bearing(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(
            w
            for i, w in enumerate(words)
            if w in negations
            and any(word_facts(x)[1] in shared for x in words[i + 1 : i + 1 + SCOPE_WORDS])
        )

    na, nb = bearing(a.compared), bearing(b.compared)
    return (Change("negation", na, nb),) if len(na) != len(nb) else ()


@functools.cache
def _marker_stems() -> frozenset[str]:
    """Stems of the hedges and boosters (``data/change_words.txt``)."""
    words = change_words()
    return frozenset(map(stem_of, words["hedge"] | words["booster"]))


def related_target(a: ClaimText, b: ClaimText, shared: frozenset[str]) -> bool:
    """Whether two claims share a target: a name, and two content stems (of
    ``shared``), that are not their speakers' own."""
    names = a.names & b.names
    if not names or len(shared) < 2:
        return False
    own = own_terms(a, b)
    return bool(names - own) and len(shared - own) >= 2


def may_relate(a: ClaimText, b: ClaimText, shared: frozenset[str]) -> bool:
    """Whether two claims sharing the content stems ``shared`` may be anything but
    unrelated without most of their words in common: the same statement in other
    words needs three content words besides the speakers' keys, a related claim a
    target (cheap set checks, to leave most pairs of one speaker's claims uncompared)."""
    return len(shared - a.speakers - b.speakers) >= MODEL_SHARED or related_target(a, b, shared)


def relate_prepared(a: ClaimText, b: ClaimText, model: StatementModel | None = None) -> Relation:
    """:func:`relate` for prepared claims; ``model`` is the same-statement model
    to ask (default: :func:`claimtrack.statement_model.shipped`)."""
    if a.words == b.words and a.words:
        return Relation("repetition", 100.0, (), ("the same words after normalisation",))
    if not a.stem_keys or not b.stem_keys:
        return Relation("unrelated", 0.0, (), ("no content words",))
    c = compare(a, b)
    speaker_change = (Change("speaker", *other_speakers(a, b)),) if c.other_speaker else ()
    if c.surface >= DRIFT_SURFACE:
        changes = oriented_changes(a, b)
        if speaker_change:  # the speakers found say it better than the swapped words
            changes = tuple(ch for ch in changes if ch.type != "speaker") + speaker_change
        material = [ch for ch in changes if ch.material]
        if a.compared == b.compared:  # the same but for phrases of one meaning
            return Relation("agreement", c.surface, (), ("the same in words of one meaning",))
        if not [ch for ch in changes if ch.type != "wording"] and all(
            not (set(ch.a) | set(ch.b)) - stopwords() for ch in changes
        ):
            return Relation("repetition", c.surface, changes, ("only function words differ",))
        if material:
            kinds = ", ".join(dict.fromkeys(ch.type for ch in material))
            return Relation(
                "drift", c.surface, changes, (f"{c.surface:.0f}% the same words", kinds)
            )
        return Relation("agreement", c.surface, changes, (f"{c.surface:.0f}% the same words",))
    same, score, why, basis = _same_statement(c, a, b, model or shipped())
    if same:
        if basis == "part":
            part_a, part_b = stated_part(a, b)
            changes = content_changes(part_a, part_b) + _negation(part_a, part_b)
        else:
            changes = content_changes(a, b)
        changes += speaker_change
        if changes:
            kinds = ", ".join(dict.fromkeys(ch.type for ch in changes))
            return Relation("drift", score, changes, (why, kinds), basis)
        return Relation("agreement", score, (), (why,), basis)
    # related claims need a named source in common ("police" or "officials" say too
    # much), and a target: a name or two content words besides the speaker's own
    if same_source(a.named, b.named) and related_target(a, b, c.shared):
        return Relation("related", c.jaccard, (), ("same speaker, same target",), "content")
    return Relation("unrelated", c.jaccard, (), ())


def relate(a: str | Claim, b: str | Claim) -> Relation:
    """How two sentences (or claims) relate: repetition, agreement, drift, related, unrelated.

    >>> relate("Officials said the bridge would reopen in May.",
    ...        "Officials said the bridge would reopen in June.").changes[0].type
    'date'

    Raises:
        TypeError: ``a`` or ``b`` is neither a string nor a :class:`Claim`.
    """
    for name, value in (("a", a), ("b", b)):
        if not isinstance(value, (str, Claim)):
            raise TypeError(
                f"relate() compares two sentences (str or Claim); {name} is a "
                f"{type(value).__name__}"
            )
    pa = prepare_claim(a) if isinstance(a, Claim) else prepare_text(a)
    pb = prepare_claim(b) if isinstance(b, Claim) else prepare_text(b)
    return relate_prepared(pa, pb)
