"""What changed between two versions of a claim: typed :class:`Change` values.

Two versions that share most of their words are aligned word by word
(rapidfuzz's ``Levenshtein.opcodes``) and each differing chunk is typed
(:func:`word_changes`): ``inserted``, ``removed``, ``number``, ``date``,
``negation``, ``reversal``, ``certainty``, ``modality``, ``tense``, ``name``,
``cue``, ``speaker``, ``moved`` or ``wording``.  :func:`oriented_changes` gives
the same changes whichever order the two versions come in.

Two claims that state the same thing in other words cannot be aligned; their
changes are typed from what does not depend on wording (:func:`content_changes`:
conflicting numbers and dates, a reversal, a modal verb, hedge or booster on
one side only, the cues' strength).

:data:`MATERIAL` holds the change types that matter, :data:`CONFLICTS` those
that make two reports conflict.

>>> [(c.type, c.a, c.b) for c in word_changes("troops will not cross".split(), "troops will cross".split())]
[('negation', ('not',), ())]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs
from rapidfuzz.distance import Levenshtein

from claimtrack.attributions import cue_class
from claimtrack.claimtext import (
    WORD,
    ClaimText,
    change_words,
    date_of,
    is_number,
    own_terms,
    place_key,
    same_source,
    stem_of,
    stopwords,
    word_facts,
)
from claimtrack.lexicon import data_lines, iter_data_lines, word_set
from claimtrack.normalize import match_key

__all__ = [
    "CONFLICTS",
    "MATERIAL",
    "Change",
    "conflicting",
    "content_changes",
    "oriented_changes",
    "word_changes",
]


#: Change types that make two versions of a claim differ in a way that matters.
MATERIAL = frozenset(
    [
        "inserted",
        "removed",
        "number",
        "date",
        "negation",
        "reversal",
        "certainty",
        "modality",
        "tense",
        "name",
        "cue",
        "speaker",
    ]
)

#: Change types that make two reports of one claim conflict: one says the opposite
#: of the other, or gives another number, date or speaker.
CONFLICTS = frozenset(["reversal", "negation", "number", "date", "speaker"])


@attrs.frozen
class Change:
    """One difference between two versions of a claim.

    Attributes:
        type: inserted, removed, number, date, negation, reversal (a word
            turned to its antonym: "rose" / "fell"), certainty, modality
            (a modal of another family, or a prediction become a fact), tense,
            name, cue, speaker, moved (a phrase put elsewhere as it was) or wording (a
            rewording); moved and wording change nothing material.
        a: The words of the first version.
        b: The words of the second version.
    """

    type: str
    a: tuple[str, ...]
    b: tuple[str, ...]

    @property
    def material(self) -> bool:
        """Whether the change matters (everything but rewording)."""
        return self.type in MATERIAL


def conflicting(changes: Iterable[Change]) -> bool:
    """Whether some of the changes make two reports conflict (see :data:`CONFLICTS`)."""
    return any(c.type in CONFLICTS for c in changes)


#: The categories of ``data/change_words.txt`` that type a change by themselves.
_MARKER_CATEGORIES = ("negation", "modal", "hedge", "booster", "date", "cue_strong", "cue_weak")

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@functools.cache
def _modal_families() -> dict[str, tuple[str, bool]]:
    """Modal verb -> its family and whether it is a present form ("would" -> ("will",
    False)), from ``data/modal_verbs.tsv``."""
    out = {}
    for line in data_lines("modal_verbs.tsv"):
        word, family, form = line.split("\t")
        out[word] = (family, form == "present")
    return out


@functools.cache
def _number_values() -> dict[str, str]:
    """Number word -> its digits ("three" -> "3"), from ``data/number_values.tsv``."""
    return dict(line.split("\t") for line in data_lines("number_values.tsv"))


#: Content words (other than change words) from which a chunk only one version has
#: is an insertion or a removal, whatever hedge, modal or number it also holds
#: ("adding that investigators were considering arson").
CLAUSE_WORDS = 2


@functools.cache
def _markers() -> frozenset[str]:
    """The change words that type a change by themselves (see :data:`_MARKER_CATEGORIES`)."""
    cw = change_words()
    return frozenset().union(*(cw[k] for k in _MARKER_CATEGORIES))


@functools.cache
def _antonyms() -> dict[str, frozenset[str]]:
    """Stem -> the stems that reverse it ("rose" / "fell", "accept" / "reject"), from
    ``data/antonyms.tsv`` (WordNet's antonyms, built by ``bench/build_antonyms.py``)."""
    table: dict[str, set[str]] = {}
    for line in iter_data_lines("antonyms.tsv"):
        a, b, _ = line.split("\t")
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {stem: frozenset(others) for stem, others in table.items()}


def _reverses(wa: Sequence[str], wb: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``wa`` and of ``wb`` that reverse each other (antonyms, each
    missing from the other side), or two empty tuples."""
    table = _antonyms()
    stems_a = {stem_of(w): w for w in wa}
    stems_b = {stem_of(w): w for w in wb}
    left, right = [], []
    for stem, word in stems_a.items():
        if stem in stems_b:
            continue
        antonyms = table.get(stem, frozenset())
        # in the order of wb (a set's order would change with the hash seed)
        for other, word_b in stems_b.items():
            if other in antonyms and other not in stems_a:
                left.append(word)
                right.append(word_b)
    return tuple(dict.fromkeys(left)), tuple(dict.fromkeys(right))


def _change_type(wa: Sequence[str], wb: Sequence[str]) -> str:
    cw = change_words()
    stop = stopwords()
    neg = cw["negation"]
    if not wa or not wb:
        markers = _markers()
        chunk = wa or wb
        plain = [w for w in chunk if w not in stop and w not in markers and not is_number(w)]
        if len(plain) >= CLAUSE_WORDS:
            return "removed" if wa else "inserted"
    reversed_a, reversed_b = _reverses(wa, wb)
    # "always" / "never": a negation word turned from its antonym is a reversal
    turned = (
        bool(reversed_a)
        and {w for w in wa if w in neg} <= set(reversed_a)
        and {w for w in wb if w in neg} <= set(reversed_b)
    )
    if sum(w in neg for w in wa) != sum(w in neg for w in wb) and not turned:
        return "negation"
    if reversed_a:
        return "reversal"
    numbers_a = [w for w in wa if is_number(w)]
    numbers_b = [w for w in wb if is_number(w)]
    if numbers_a != numbers_b:
        return "number"
    dates_a = {d for d in map(date_of, wa) if d is not None}
    dates_b = {d for d in map(date_of, wb) if d is not None}
    # "may" is a month only when the other version has a date where it stands
    if dates_a != dates_b and (dates_a - {"may"} or dates_b - {"may"}):
        return "date"
    strong, weak = cw["cue_strong"], cw["cue_weak"]
    if {w for w in wa if w in strong or w in weak} != {w for w in wb if w in strong or w in weak}:
        return "cue"
    # one hedge for another ("perhaps" / "maybe", "nearly" / "almost") changes nothing
    classes = _certainty_classes()
    if sorted(classes[w] for w in wa if w in classes) != sorted(
        classes[w] for w in wb if w in classes
    ):
        return "certainty"
    modal = cw["modal"] | neg
    content_a = [w for w in wa if w not in stop and w not in modal]
    content_b = [w for w in wb if w not in stop and w not in modal]
    stems_a = [stem_of(w) for w in content_a]
    stems_b = [stem_of(w) for w in content_b]
    if {w for w in wa if w in modal} != {w for w in wb if w in modal} or (
        stems_a == stems_b and content_a != content_b
    ):
        return _tense_or_modality(wa, wb)
    if not wa:
        return "inserted" if content_b else "wording"
    if not wb:
        return "removed" if content_a else "wording"
    if not content_a and not content_b:
        return "wording"
    if set(stems_a) <= set(stems_b) and len(stems_b) > len(stems_a):
        return "inserted"
    if set(stems_b) <= set(stems_a) and len(stems_a) > len(stems_b):
        return "removed"
    return "wording"


def _tense_or_modality(wa: Sequence[str], wb: Sequence[str]) -> str:
    """``modality`` when the modal verbs of two versions say another thing: modals
    of different families ("may" / "will"), or a present modal on one side and
    none on the other ("will rise" / "rose": a prediction become a fact); else
    ``tense`` (another form of one family, "will" / "would", or another
    inflection, "rises" / "rose")."""
    families = _modal_families()
    fa = {families[w] for w in wa if w in families}
    fb = {families[w] for w in wb if w in families}
    names_a, names_b = {f for f, _ in fa}, {f for f, _ in fb}
    if names_a and names_b and names_a != names_b:
        return "modality"
    if (names_a and not names_b and any(now for _, now in fa)) or (
        names_b and not names_a and any(now for _, now in fb)
    ):
        return "modality"
    return "tense"


def word_changes(a: Sequence[str], b: Sequence[str]) -> tuple[Change, ...]:
    """The typed word-level differences between two word sequences.

    >>> [(c.type, c.a, c.b) for c in word_changes("troops may cross".split(), "troops will cross".split())]
    [('modality', ('may',), ('will',))]
    >>> [(c.type, c.a, c.b) for c in word_changes("it raises taxes".split(), "it raised taxes".split())]
    [('tense', ('raises',), ('raised',))]
    >>> [(c.type, c.a, c.b) for c in word_changes("3 jets flew".split(), "4 jets flew".split())]
    [('number', ('3',), ('4',))]
    >>> [(c.type, c.a, c.b) for c in word_changes("troops would cross".split(), "troops crossed".split())]
    [('tense', ('would', 'cross'), ('crossed',))]
    """
    # differences side by side where one holds a modal are one change: "would cross"
    # / "crossed", not "would" / "crossed" and "cross" removed
    modal = change_words()["modal"]
    spans: list[list[int]] = []
    after_equal = True
    for op in Levenshtein.opcodes(list(a), list(b)):
        if op.tag == "equal":
            after_equal = True
            continue
        words = (*a[op.src_start : op.src_end], *b[op.dest_start : op.dest_end])
        has_modal = any(w in modal for w in words)
        if not after_equal and spans and (has_modal or spans[-1][4]):
            spans[-1][1], spans[-1][3] = op.src_end, op.dest_end
            spans[-1][4] = spans[-1][4] or has_modal
        else:
            spans.append([op.src_start, op.src_end, op.dest_start, op.dest_end, has_modal])
        after_equal = False
    out = []
    for s0, s1, d0, d1, _ in spans:
        wa, wb = tuple(a[s0:s1]), tuple(b[d0:d1])
        out.append(Change(_change_type(wa, wb), wa, wb))
    return _moves(out)


def _moves(changes: list[Change]) -> tuple[Change, ...]:
    """Changes with each phrase removed in one place and inserted as it was in another
    typed ``moved`` (a reordering: "on Sunday" put at the end changes nothing).

    >>> [(c.type, c.a, c.b) for c in word_changes("on sunday it fell".split(), "it fell on sunday".split())]
    [('moved', (), ('it', 'fell')), ('moved', ('it', 'fell'), ())]
    """
    removed = [k for k, c in enumerate(changes) if c.a and not c.b]
    inserted = [k for k, c in enumerate(changes) if c.b and not c.a]
    for k in removed:
        for j in inserted:
            if changes[j].type != "moved" and changes[j].b == changes[k].a:
                changes[k] = Change("moved", changes[k].a, ())
                changes[j] = Change("moved", (), changes[j].b)
                break
    return tuple(changes)


#: Words after a modal verb or a hedge that make its scope: it counts as a change
#: only if it bears on what both claims say (a content word they share).
SCOPE_WORDS = 3


def _conflicting(
    kind: str,
    a: Sequence[str],
    b: Sequence[str],
    key: Callable[[str], tuple[str, str] | None],
) -> tuple[Change, ...]:
    """A change of ``kind`` if, for some group of values (months, weekdays...), each
    claim has a value the other lacks, with the words that carry them.  A value
    given by one side only is a detail left out, not a change.  ``key`` gives a
    word's (group, value), or None."""
    ka = {w: k for w in a if (k := key(w)) is not None}
    kb = {w: k for w in b if (k := key(w)) is not None}
    only_a = set(ka.values()) - set(kb.values())
    only_b = set(kb.values()) - set(ka.values())
    groups = {g for g, _ in only_a} & {g for g, _ in only_b}
    if not groups:
        return ()
    return (
        Change(
            kind,
            tuple(w for w, k in ka.items() if k in only_a and k[0] in groups),
            tuple(w for w, k in kb.items() if k in only_b and k[0] in groups),
        ),
    )


@functools.cache
def _date_kinds() -> dict[str, tuple[str, str]]:
    """Date word -> (kind, canonical form), from ``data/date_words.tsv``."""
    out = {}
    for line in data_lines("date_words.tsv"):
        word, kind, canonical = line.split("\t")
        out[word] = (kind, canonical)
    return out


def _may_is_month(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i] == "may"`` is the month: after a number or a word like
    "in" or "early" (``month_lead`` in ``data/change_words.txt``)."""
    if i == 0:
        return False
    before = words[i - 1]
    return before in change_words()["month_lead"] or any(c.isdigit() for c in before)


def _near(words: Sequence[str], shared: frozenset[str]) -> list[str]:
    """The words with a content word both claims have (by stem) among the
    :data:`SCOPE_WORDS` words before or after them."""
    stems = [word_facts(w)[1] for w in words]
    near = [s is not None and s in shared for s in stems]
    return [
        w
        for i, w in enumerate(words)
        if any(near[max(0, i - SCOPE_WORDS) : i]) or any(near[i + 1 : i + 1 + SCOPE_WORDS])
    ]


def _in_scope(words: Sequence[str], shared: frozenset[str]) -> list[bool]:
    """For each word, whether one of the :data:`SCOPE_WORDS` words after it is a
    content word both claims have (by stem)."""
    stems = [word_facts(w)[1] for w in words]
    return [
        any(s is not None and s in shared for s in stems[i + 1 : i + 1 + SCOPE_WORDS])
        for i in range(len(words))
    ]


def _marker_change(
    kind: str,
    a: Sequence[str],
    b: Sequence[str],
    scope_a: list[bool],
    scope_b: list[bool],
    classify: Callable[[Sequence[str], int], tuple[str, bool] | None],
) -> tuple[Change, ...]:
    """A change of ``kind`` if one claim has a marker of some class (a modal
    family, a hedge, a booster) that bears on shared content and the other has
    no marker of that class anywhere.

    ``classify(words, i)`` gives the class of ``words[i]`` and whether that form
    can decide (a past modal form cannot), or None for other words.
    """

    def found(words: Sequence[str], scope: list[bool]) -> tuple[dict[int, str], set[str]]:
        deciding: dict[int, str] = {}
        present: set[str] = set()
        for i in range(len(words)):
            marker = classify(words, i)
            if marker is not None:
                present.add(marker[0])
                if marker[1] and scope[i]:
                    deciding[i] = marker[0]
        return deciding, present

    deciding_a, present_a = found(a, scope_a)
    deciding_b, present_b = found(b, scope_b)
    only_a = set(deciding_a.values()) - present_b
    only_b = set(deciding_b.values()) - present_a
    if not only_a and not only_b:
        return ()
    return (
        Change(
            kind,
            tuple(a[i] for i, c in deciding_a.items() if c in only_a),
            tuple(b[i] for i, c in deciding_b.items() if c in only_b),
        ),
    )


def _modal_of(words: Sequence[str], i: int) -> tuple[str, bool] | None:
    """A modal verb's family and whether it is a present form ("may" the month is none)."""
    found = _modal_families().get(words[i])
    if found is None or (words[i] == "may" and _may_is_month(words, i)):
        return None
    return found


def _certainty_of(words: Sequence[str], i: int) -> tuple[str, bool] | None:
    """The class of a word that lowers or raises certainty (hedge or booster)."""
    found = _certainty_classes().get(words[i])
    return None if found is None else (found, True)


def _cue_shift(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
    """A cue change if both claims have cues and one's are stronger or weaker."""
    if not a.cues or not b.cues:
        return ()
    cw = change_words()
    strong, weak = cw["cue_strong"], cw["cue_weak"]

    def level(cues: frozenset[str]) -> str:
        if cues & weak:
            return "weak"
        return "strong" if cues & strong else "plain"

    if level(a.cues) == level(b.cues):
        return ()
    either = strong | weak
    return (Change("cue", tuple(sorted(a.cues & either)), tuple(sorted(b.cues & either))),)


@functools.cache
def _certainty_classes() -> dict[str, str]:
    cw = change_words()
    return {**{w: "booster" for w in cw["booster"]}, **{w: "hedge" for w in cw["hedge"]}}


def _reversal(wa: Sequence[str], wb: Sequence[str], shared: frozenset[str]) -> tuple[Change, ...]:
    """A reversal if a word of one claim next to shared content (within
    :data:`SCOPE_WORDS` words either side) has its antonym, next to shared content
    too, in the other ("prices rose 3 percent" / "prices fell 3 percent")."""
    left, right = _reverses(_near(wa, shared), _near(wb, shared))
    negations = change_words()["negation"]
    if not left or sum(w in negations for w in wa) != sum(w in negations for w in wb):
        return ()  # "not difficult" / "easy": a negated antonym says the same
    # each side's word must be missing from the other claim altogether
    stems_a, stems_b = {stem_of(w) for w in wa}, {stem_of(w) for w in wb}
    left = tuple(w for w in left if stem_of(w) not in stems_b)
    right = tuple(w for w in right if stem_of(w) not in stems_a)
    return (Change("reversal", left, right),) if left and right else ()


def content_changes(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
    """What changed between two claims that state the same thing in other words.

    Without a word-by-word alignment, only differences that do not depend on
    wording are typed:

    - numbers and dates: each claim gives one the other lacks ("three" is "3";
      dates of one kind: weekdays, months, or "yesterday", "today", "tomorrow").
      A number given by one side only is a detail left out, not a change, and a
      number counts only where it bears on shared content ("two boats" /
      "three boats"; not "in 2006" / "three times");
    - modality: a modal verb family in a present form on one side and
      in no form on the other ("will raise" -> "raised": a prediction become a fact);
    - certainty: a hedge or a booster on one side, and none of its kind on the
      other ("almost certain to reject" -> "rejected");
    - the cue's strength, when both claims have cues ("said" -> "claimed").

    Numbers, modal verbs, hedges and boosters decide only where they bear on content both
    claims have (a shared content word among the :data:`SCOPE_WORDS` after
    them), so a clause one report adds changes nothing.  Negation is not typed
    here: other words negate differently ("exclude" / "doesnt").
    """
    values = _number_values()
    wa, wb = a.compared, b.compared

    def numbers(words: Sequence[str], scope: list[bool]) -> list[str]:
        return [w for w, ok in zip(words, scope, strict=True) if ok and number(w) is not None]

    def number(w: str) -> tuple[str, str] | None:
        if w[:1].isdigit():  # a unit or suffix written on ("200ft", "1950s") is not the value
            found = _NUMBER.match(w)
            return ("", found.group()) if found else None
        value = values.get(w)
        return None if value is None else ("", value)

    def dates(words: Sequence[str]) -> list[str]:
        return [
            w
            for i, w in enumerate(words)
            if date_of(w) is not None and (w != "may" or _may_is_month(words, i))
        ]

    def date(w: str) -> tuple[str, str] | None:
        found = date_of(w)
        return None if found is None else _date_kinds().get(found)

    shared = a.stems.intersection(b.stem_keys)
    scope_a, scope_b = _in_scope(wa, shared), _in_scope(wb, shared)
    return (
        _conflicting("number", numbers(wa, scope_a), numbers(wb, scope_b), number)
        + _conflicting("date", dates(wa), dates(wb), date)
        + _reversal(wa, wb, shared)
        + _marker_change("modality", wa, wb, scope_a, scope_b, _modal_of)
        + _marker_change("certainty", wa, wb, scope_a, scope_b, _certainty_of)
        + _cue_shift(a, b)
    )


_INVERSE = {"inserted": "removed", "removed": "inserted"}


def oriented_changes(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
    """The changes from ``a`` to ``b``, the same whichever order the two come in.

    The alignment is computed in one canonical direction and mirrored when
    needed; a rewording that swaps one name for another becomes a ``name`` change.
    """
    flip = b.compared < a.compared
    first, second = (b, a) if flip else (a, b)
    changes = word_changes(first.compared, second.compared)
    if flip:
        changes = tuple(Change(_INVERSE.get(c.type, c.type), c.b, c.a) for c in changes)
    differing = a.names ^ b.names
    if differing:
        changes = tuple(
            Change("name", c.a, c.b)
            if c.type == "wording" and any((place_key(w) or w) in differing for w in (*c.a, *c.b))
            else c
            for c in changes
        )
        # a name swapped next to a verb of saying ("Smith said" / "Jones said") is
        # the speaker changed, whether or not the extractor found the attribution
        changes = tuple(
            Change("speaker", c.a, c.b)
            if c.type == "name"
            and c.a
            and c.b
            and _by_a_cue(c.a, first.compared if not flip else second.compared)
            and _by_a_cue(c.b, second.compared if not flip else first.compared)
            else c
            for c in changes
        )
    if a.speakers and b.speakers and same_source(a.speakers, b.speakers):
        # the one speaker named more fully ("Merkel" / "Chancellor Angela Merkel")
        own = own_terms(a, b) | _title_tokens()
        changes = tuple(
            Change("wording", c.a, c.b)
            if c.type in ("inserted", "removed", "name") and set(c.a) | set(c.b) <= own
            else c
            for c in changes
        )
    return changes


def _by_a_cue(words: Sequence[str], sequence: Sequence[str]) -> bool:
    """Whether ``words`` stand in ``sequence`` right before or right after a verb of
    saying ("smith said", "said smith")."""
    n = len(words)
    for k in range(len(sequence) - n + 1):
        if tuple(sequence[k : k + n]) != tuple(words):
            continue
        around = [sequence[k - 1]] if k else []
        if k + n < len(sequence):
            around.append(sequence[k + n])
        if any(cue_class(w) == "speech" for w in around):
            return True
    return False


@functools.cache
def _title_tokens() -> frozenset[str]:
    """The words of titles ("chancellor", "foreign minister", "sen."), tokenized as a
    claim's words are ("sen")."""
    return frozenset(w for title in word_set("titles.txt") for w in WORD.findall(match_key(title)))
