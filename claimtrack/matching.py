"""Comparing two claims: scores, the word-level difference, and the relation.

:func:`relate` tells whether two sentences state the same thing and how they
differ:

- ``repetition``: the same words after normalisation (case, quotes,
  apostrophes, hyphens);
- ``drift``: the same claim, changed in a way that matters -- each change is
  typed (``inserted``, ``removed``, ``number``, ``negation``, ``certainty``,
  ``tense``, ``date``, ``name``, ``cue``, ``speaker``);
- ``agreement``: the same claim in other words, nothing material changed;
- ``related``: the same speaker about the same target, a different claim;
- ``unrelated``.

Words are compared as sequences with rapidfuzz (``Indel`` for the score,
``Levenshtein.opcodes`` for the difference); content words are compared as
Snowball stems (no downloaded data needed), places as the country they stand
for ("Moscow" = "Russia").  Two claims that share fewer words in order are
judged by the same-statement model (:mod:`claimtrack.statement_model`); their
drift is typed from what does not depend on wording (conflicting numbers and
dates, a modal verb, hedge or booster on one side only, the cues' strength).

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
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

import attrs
from nltk.stem.snowball import SnowballStemmer
from rapidfuzz.distance import Indel, Levenshtein

from claimtrack.analysis import analyze
from claimtrack.articles import Article
from claimtrack.claims import Claim, claims_of
from claimtrack.lexicon import data_lines, iter_data_lines, word_categories, word_set
from claimtrack.normalize import match_key
from claimtrack.places import country_of
from claimtrack.quantities import numbers_as_values
from claimtrack.statement_model import StatementModel, shipped, synonym_pairs

__all__ = [
    "CONFLICTS",
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
    "prepare_text",
    "relate",
    "related_target",
    "same_source_name",
    "speaker_terms",
    "word_changes",
]

RelationName = Literal["repetition", "agreement", "drift", "related", "unrelated"]

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


def conflicting(changes: Iterable[Change]) -> bool:
    """Whether some of the changes make two reports conflict (see :data:`CONFLICTS`)."""
    return any(c.type in CONFLICTS for c in changes)


#: The categories of ``data/change_words.txt`` that type a change by themselves.
_MARKER_CATEGORIES = ("negation", "modal", "hedge", "booster", "date", "cue_strong", "cue_weak")

#: A word: letters and digits, or a number with its decimals ("2.6").
_WORD = re.compile(r"\d+(?:\.\d+)?(?![^\W_])|[^\W_]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Letters with a period after each ("u.s.", "n.f.l.", "p.m."): an initialism.
_INITIALISM = re.compile(r"\b(?:[^\W\d_]\.){2,}")


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", "")


@functools.cache
def _phrases() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> (phrase words, the word it means), longest phrases first, from
    ``data/phrase_synonyms.tsv`` ("stepped down" -> "resigned", "chief executive"
    -> "ceo"; built by ``bench/build_phrases.py`` from WordNet)."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in iter_data_lines("phrase_synonyms.tsv"):
        phrase, canonical, _ = line.split("\t")
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append((words, canonical))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in table.items()}


def _canonical_phrases(words: list[str]) -> list[str]:
    """Words with each phrase of :func:`_phrases` written as the word it means, so
    "the chief executive stepped down" and "the ceo resigned" have the same content
    words (``words`` itself when it holds no phrase)."""
    table = _phrases()
    if table.keys().isdisjoint(words):
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase, canonical in table.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.append(canonical)
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:[ ]+[A-Z][\w'\u2019.-]*)*")


@functools.cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


@functools.cache
def _stopwords() -> frozenset[str]:
    return word_set("stopwords.txt")


def _change_words() -> dict[str, frozenset[str]]:
    return word_categories("change_words.txt")


def _date_of(word: str) -> str | None:
    """The date word a word is, also in the possessive ("tuesdays" -> "tuesday")."""
    dates = _change_words()["date"]
    if word in dates:
        return word
    if word.endswith("s") and word[:-1] in dates:
        return word[:-1]
    return None


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


def _is_number(word: str) -> bool:
    return any(c.isdigit() for c in word) or word in _change_words()["number"]


@attrs.frozen
class ClaimText:
    """A claim's text prepared for comparison.

    Attributes:
        words: The normalised words, in order.
        stems: Stems of the content words (places as the country they name): a
            set made on each access from :attr:`stem_keys`.
        numbers: The numbers and number words.
        names: Capitalised names in the text (places as the country they name).
        speakers: Canonical speaker names, normalised.
        cues: Cue lemmas.
        named: The speakers that are named sources (not groups or anonymous).
        canonical: :attr:`words` with phrases written as the word they mean, when
            they hold such a phrase (else empty: see :attr:`compared`).
        stem_keys: :attr:`stems` sorted, as a tuple: a fifth of a set's memory
            for the many claims an index holds.
    """

    words: tuple[str, ...]
    stem_keys: tuple[str, ...]
    numbers: frozenset[str]
    names: frozenset[str]
    speakers: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    canonical: tuple[str, ...] = ()

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.stem_keys)

    @property
    def compared(self) -> tuple[str, ...]:
        """The words compared: :attr:`words` with each phrase of one meaning as its
        word ("stepped down" as "resigned"); ``words`` themselves stay as written
        and decide a repetition."""
        return self.canonical or self.words


def _name_key(name: str) -> str:
    return match_key(name).replace(" ", "_")


def _place_key(word: str) -> str | None:
    found = country_of(word)
    return _name_key(found) if found else None


@functools.lru_cache(maxsize=1 << 19)
def _word_facts(word: str) -> tuple[str, str | None, str | None]:
    """A word (one shared copy of it), its content stem (None for a stop word), and
    the word again if it is a number (else None)."""
    stem = None
    if word not in _stopwords():
        place = _place_key(word) if len(word) > 2 else None
        stem = place if place else _stem(word)
    return word, stem, word if _is_number(word) else None


@functools.lru_cache(maxsize=1 << 19)
def _token_names(raw: str) -> tuple[str | None, str | None]:
    """For one word of a capitalised run: the name key of the country it stands
    for, else its own name key if it can be a name (not a stop or date word)."""
    raw = raw.strip(".,")
    country = country_of(raw)
    if country is not None:
        return _name_key(country), None
    key = match_key(raw)
    if key and key not in _stopwords() and _date_of(key) is None:
        return None, _name_key(key)
    return None, None


@functools.lru_cache(maxsize=1 << 18)
def _run_country(run: str) -> str | None:
    whole = country_of(run)
    return None if whole is None else _name_key(whole)


@functools.lru_cache(maxsize=1 << 14)
def _run_names(run: str, at_start: bool) -> tuple[str, ...]:
    """The names of one capitalised run: the country it names as a whole ("United
    States"), else the country or name key of each word."""
    tokens = run.split()
    if len(tokens) > 1:
        whole = _run_country(run)
        if whole is not None:
            return (whole,)
    out = []
    for k, raw in enumerate(tokens):
        country, key = _token_names(raw)
        if country is not None:
            out.append(country)
        elif key is not None and (not at_start or k > 0):
            # a sentence's first word is capitalised anyway: only places count there
            out.append(key)
    return tuple(out)


_EMPTY: frozenset[str] = frozenset()


def _keys(values: Iterable[str]) -> frozenset[str]:
    found = frozenset(match_key(v) for v in values if v)
    return found if found else _EMPTY


def prepare(
    text: str,
    speakers: Iterable[str] = (),
    cues: Iterable[str] = (),
    named: Iterable[str] | None = None,
) -> ClaimText:
    """Prepare a text (and its speakers and cue lemmas) for comparison.

    What depends on one word or one name alone is computed once per distinct
    word or name (cached), so preparing a large corpus stays fast.

    >>> t = prepare("Moscow has denied harboring plans.")
    >>> sorted(t.stems), sorted(t.names)
    (['deni', 'harbor', 'plan', 'russia'], ['russia'])
    """
    words: list[str] = []
    stems: set[str] = set()
    numbers: set[str] = set()
    key = numbers_as_values(match_key(text))
    if "." in key:  # "U.S." is "US", "N.F.L." is "NFL"
        key = _INITIALISM.sub(_undotted, key)
    raw = _WORD.findall(key)
    for word, stem, number in map(_word_facts, raw):
        words.append(word)
        if stem is not None:
            stems.add(stem)
        if number is not None:
            numbers.add(number)
    canonical = _canonical_phrases(raw)
    if canonical is not raw:
        # the content words are those of the phrases' meanings ("stepped down" is
        # "resigned"); the words stay as written, so a paraphrase is no repetition
        stems = {stem for stem in (_word_facts(w)[1] for w in canonical) if stem is not None}
        compared = tuple(_word_facts(w)[0] for w in canonical)
    else:
        compared = ()
    names: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(text):
        names.update(_run_names(match.group().rstrip("."), match.start() == 0))
    speakers = tuple(speakers)
    return ClaimText(
        words=tuple(words),
        stem_keys=tuple(sorted(stems)),
        numbers=frozenset(numbers) if numbers else _EMPTY,
        names=frozenset(names) if names else _EMPTY,
        speakers=_keys(speakers),
        cues=frozenset(cues) or _EMPTY,
        named=_keys(speakers if named is None else named),
        canonical=compared,
    )


def prepare_claim(claim: Claim) -> ClaimText:
    """:func:`prepare` for a :class:`~claimtrack.claims.Claim`."""
    return prepare(claim.text, claim.speakers, claim.cues, claim.named_speakers)


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


#: Content words (other than change words) from which a chunk only one version has
#: is an insertion or a removal, whatever hedge, modal or number it also holds
#: ("adding that investigators were considering arson").
CLAUSE_WORDS = 2


@functools.cache
def _markers() -> frozenset[str]:
    """The change words that type a change by themselves (see :data:`_MARKER_CATEGORIES`)."""
    cw = _change_words()
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
    stems_a = {_stem(w): w for w in wa}
    stems_b = {_stem(w): w for w in wb}
    left, right = [], []
    for stem, word in stems_a.items():
        if stem in stems_b:
            continue
        for other in table.get(stem, ()):
            if other in stems_b and other not in stems_a:
                left.append(word)
                right.append(stems_b[other])
    return tuple(dict.fromkeys(left)), tuple(dict.fromkeys(right))


def _change_type(wa: Sequence[str], wb: Sequence[str]) -> str:
    cw = _change_words()
    stop = _stopwords()
    neg = cw["negation"]
    if not wa or not wb:
        markers = _markers()
        chunk = wa or wb
        plain = [w for w in chunk if w not in stop and w not in markers and not _is_number(w)]
        if len(plain) >= CLAUSE_WORDS:
            return "removed" if wa else "inserted"
    if sum(w in neg for w in wa) != sum(w in neg for w in wb):
        return "negation"
    if _reverses(wa, wb)[0]:
        return "reversal"
    numbers_a = [w for w in wa if _is_number(w)]
    numbers_b = [w for w in wb if _is_number(w)]
    if numbers_a != numbers_b:
        return "number"
    dates_a = {d for d in map(_date_of, wa) if d is not None}
    dates_b = {d for d in map(_date_of, wb) if d is not None}
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
    stems_a = [_stem(w) for w in content_a]
    stems_b = [_stem(w) for w in content_b]
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
    """
    out = []
    for op in Levenshtein.opcodes(list(a), list(b)):
        if op.tag == "equal":
            continue
        wa = tuple(a[op.src_start : op.src_end])
        wb = tuple(b[op.dest_start : op.dest_end])
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


@attrs.frozen
class Comparison:
    """Scores between two prepared claims (0-100, higher is closer).

    Attributes:
        surface: rapidfuzz Indel similarity of the word sequences.
        overlap: Content stems shared, over the smaller set's size.
        jaccard: Content stems shared, over their union's size.
        shared: The content stems shared.
        same_speaker: Both have a speaker and share one.
        other_speaker: Both have speakers and share none.
        shared_cue: They share a cue lemma.
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


def same_source_name(x: str, y: str) -> bool:
    """Whether two speaker keys may name one source: equal, or a bare surname and a
    full name ending with it ("merkel", "angela merkel"), as :class:`SpeakerIndex`
    joins them across a corpus."""
    if x == y:
        return True
    if " " not in x:
        return y.endswith(" " + x)
    return " " not in y and x.endswith(" " + y)


def _same_source(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims' speakers share a source (by :func:`same_source_name`).

    Names a batch of articles has not yet joined ("Merkel" before "Angela
    Merkel" is read) are thus never a change of speaker, so adding articles in
    several batches relates claims as adding them at once does.
    """
    return bool(a & b) or any(same_source_name(x, y) for x in a for y in b)


@functools.lru_cache(maxsize=1 << 14)
def speaker_terms(speakers: frozenset[str]) -> frozenset[str]:
    """The words, stems and name keys of speaker names: a claim naming its own
    speaker ("Clinton said ...") shares them with every claim of that speaker, so
    they never count as shared content.

    >>> sorted(speaker_terms(frozenset({"hillary clinton"})))
    ['clinton', 'hillari', 'hillary', 'hillary_clinton']
    """
    out: set[str] = set()
    for speaker in speakers:
        out.add(_name_key(speaker))
        for word in speaker.split():
            out.update((word, _name_key(word), _stem(word)))
    return frozenset(out)


def related_target(a: ClaimText, b: ClaimText, shared: frozenset[str]) -> bool:
    """Whether two claims share a target: a name, and two content stems (of
    ``shared``), that are not their speakers' own."""
    names = a.names & b.names
    if not names or len(shared) < 2:
        return False
    own = _own(a, b)
    return bool(names - own) and len(shared - own) >= 2


def may_relate(a: ClaimText, b: ClaimText, shared: frozenset[str]) -> bool:
    """Whether two claims sharing the content stems ``shared`` may be anything but
    unrelated without most of their words in common: the same statement in other
    words needs three content words besides the speakers' keys, a related claim a
    target (cheap set checks, to leave most pairs of one speaker's claims uncompared)."""
    return len(shared - a.speakers - b.speakers) >= MODEL_SHARED or related_target(a, b, shared)


def _own(a: ClaimText, b: ClaimText) -> frozenset[str]:
    """The speaker terms of two claims (see :func:`speaker_terms`)."""
    if a.speakers == b.speakers:
        return speaker_terms(a.speakers)
    return speaker_terms(a.speakers) | speaker_terms(b.speakers)


def compare(a: ClaimText, b: ClaimText) -> Comparison:
    """Score two prepared claims against each other (symmetric)."""
    stems_a = a.stems
    shared = stems_a.intersection(b.stem_keys)
    same_speaker = _same_source(a.speakers, b.speakers)
    smaller = min(len(a.stem_keys), len(b.stem_keys)) or 1
    union = len(a.stem_keys) + len(b.stem_keys) - len(shared) or 1
    return Comparison(
        surface=100.0 * Indel.normalized_similarity(a.compared, b.compared),
        overlap=100.0 * len(shared) / smaller,
        jaccard=100.0 * len(shared) / union,
        shared=shared,
        same_speaker=same_speaker,
        other_speaker=bool(a.speakers) and bool(b.speakers) and not same_speaker,
        shared_cue=bool(a.cues & b.cues),
        number_conflict=bool(a.numbers) and bool(b.numbers) and a.numbers != b.numbers,
        name_conflict=bool(a.names - b.names) and bool(b.names - a.names),
    )


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
            in order) or ``content`` (they share content words in other words:
            weaker evidence, which a tracker wants corroborated).
    """

    relation: RelationName
    score: float
    changes: tuple[Change, ...] = ()
    evidence: tuple[str, ...] = ()
    basis: Literal["words", "content"] = "words"

    @property
    def conflict(self) -> bool:
        """Whether the two reports conflict: a change of one of :data:`CONFLICTS`
        (a reversal, a negation, another number, date or speaker)."""
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

    >>> a = prepare("The old river bridge will reopen in June.")
    >>> b, c = prepare("The river bridge reopens in June."), prepare("The bridge was painted.")
    >>> asks_model(compare(a, b), a, b), asks_model(compare(a, c), a, c)
    (True, False)
    """
    return len(c.shared - a.speakers - b.speakers) >= shared and c.jaccard >= jaccard


def _same_statement(
    c: Comparison, a: ClaimText, b: ClaimText, model: StatementModel
) -> tuple[bool, float, str]:
    """Whether two claims state the same thing in other words, a score and why.

    The same-statement model (:mod:`claimtrack.statement_model`, trained on MSRP)
    decides for claims sharing three content words or more; as it compares claims
    of like length, a claim standing inside a much longer one is judged by its
    content words instead (most of them shared, enough to be specific, and no
    conflicting number or name); and two claims of one speaker with one cue that
    share half their content words state the same thing too.
    """
    n_shared = len(c.shared - a.speakers - b.speakers)
    if asks_model(c, a, b):
        p = model.probability(a, b)
        if p >= model.threshold:
            why = f"same statement (p={p:.2f}), {n_shared} content words shared"
            synonyms = synonym_pairs(a, b)
            if synonyms:
                why += ", " + ", ".join(f"{x} = {y}" for x, y in synonyms)
            return True, 100.0 * p, why
    if c.number_conflict or c.name_conflict:
        return False, c.overlap, ""
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
        return True, c.overlap, f"{n_shared} content words shared ({c.overlap:.0f}% of the shorter)"
    if c.same_speaker and c.shared_cue and n_shared >= 3 and c.overlap >= SPEAKER_OVERLAP:
        return True, c.overlap, "same speaker and cue, and half the content words shared"
    return False, c.overlap, ""


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
    return before in _change_words()["month_lead"] or any(c.isdigit() for c in before)


def _near(words: Sequence[str], shared: frozenset[str]) -> list[str]:
    """The words with a content word both claims have (by stem) among the
    :data:`SCOPE_WORDS` words before or after them."""
    stems = [_word_facts(w)[1] for w in words]
    near = [s is not None and s in shared for s in stems]
    return [
        w
        for i, w in enumerate(words)
        if any(near[max(0, i - SCOPE_WORDS) : i]) or any(near[i + 1 : i + 1 + SCOPE_WORDS])
    ]


def _in_scope(words: Sequence[str], shared: frozenset[str]) -> list[bool]:
    """For each word, whether one of the :data:`SCOPE_WORDS` words after it is a
    content word both claims have (by stem)."""
    stems = [_word_facts(w)[1] for w in words]
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
    cw = _change_words()
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
    cw = _change_words()
    return {**{w: "booster" for w in cw["booster"]}, **{w: "hedge" for w in cw["hedge"]}}


def _reversal(wa: Sequence[str], wb: Sequence[str], shared: frozenset[str]) -> tuple[Change, ...]:
    """A reversal if a word of one claim next to shared content (within
    :data:`SCOPE_WORDS` words either side) has its antonym, next to shared content
    too, in the other ("prices rose 3 percent" / "prices fell 3 percent")."""
    left, right = _reverses(_near(wa, shared), _near(wb, shared))
    negations = _change_words()["negation"]
    if not left or sum(w in negations for w in wa) != sum(w in negations for w in wb):
        return ()  # "not difficult" / "easy": a negated antonym says the same
    # each side's word must be missing from the other claim altogether
    stems_a, stems_b = {_stem(w) for w in wa}, {_stem(w) for w in wb}
    left = tuple(w for w in left if _stem(w) not in stems_b)
    right = tuple(w for w in right if _stem(w) not in stems_a)
    return (Change("reversal", left, right),) if left and right else ()


def _content_changes(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
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
            if _date_of(w) is not None and (w != "may" or _may_is_month(words, i))
        ]

    def date(w: str) -> tuple[str, str] | None:
        found = _date_of(w)
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


def _oriented_changes(a: ClaimText, b: ClaimText) -> tuple[Change, ...]:
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
            if c.type == "wording" and any((_place_key(w) or w) in differing for w in (*c.a, *c.b))
            else c
            for c in changes
        )
    if a.speakers and b.speakers and _same_source(a.speakers, b.speakers):
        # the one speaker named more fully ("Merkel" / "Chancellor Angela Merkel")
        own = _own(a, b) | _title_tokens()
        changes = tuple(
            Change("wording", c.a, c.b)
            if c.type in ("inserted", "removed", "name") and set(c.a) | set(c.b) <= own
            else c
            for c in changes
        )
    return changes


@functools.cache
def _title_tokens() -> frozenset[str]:
    """The words of titles ("chancellor", "foreign minister", "sen."), tokenized as a
    claim's words are ("sen")."""
    return frozenset(w for title in word_set("titles.txt") for w in _WORD.findall(match_key(title)))


def relate_prepared(a: ClaimText, b: ClaimText, model: StatementModel | None = None) -> Relation:
    """:func:`relate` for prepared claims; ``model`` is the same-statement model
    to ask (default: :func:`claimtrack.statement_model.shipped`)."""
    if a.words == b.words and a.words:
        return Relation("repetition", 100.0, (), ("the same words after normalisation",))
    if not a.stem_keys or not b.stem_keys:
        return Relation("unrelated", 0.0, (), ("no content words",))
    c = compare(a, b)
    speaker_change = (
        (Change("speaker", tuple(sorted(a.speakers)), tuple(sorted(b.speakers))),)
        if c.other_speaker
        else ()
    )
    if c.surface >= DRIFT_SURFACE:
        changes = _oriented_changes(a, b) + speaker_change
        material = [ch for ch in changes if ch.material]
        if a.compared == b.compared:  # the same but for phrases of one meaning
            return Relation("agreement", c.surface, (), ("the same in words of one meaning",))
        if not [ch for ch in changes if ch.type != "wording"] and all(
            not (set(ch.a) | set(ch.b)) - _stopwords() for ch in changes
        ):
            return Relation("repetition", c.surface, changes, ("only function words differ",))
        if material:
            kinds = ", ".join(dict.fromkeys(ch.type for ch in material))
            return Relation(
                "drift", c.surface, changes, (f"{c.surface:.0f}% the same words", kinds)
            )
        return Relation("agreement", c.surface, changes, (f"{c.surface:.0f}% the same words",))
    same, score, why = _same_statement(c, a, b, model or shipped())
    if same:
        changes = _content_changes(a, b) + speaker_change
        if changes:
            kinds = ", ".join(dict.fromkeys(ch.type for ch in changes))
            return Relation("drift", score, changes, (why, kinds), "content")
        return Relation("agreement", score, (), (why,), "content")
    # related claims need a named source in common ("police" or "officials" say too
    # much), and a target: a name or two content words besides the speaker's own
    if _same_source(a.named, b.named) and related_target(a, b, c.shared):
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


def prepare_text(text: str) -> ClaimText:
    """A bare string prepared as a tracker prepares a claim: its speakers, cues and
    named sources found by the attribution extractor, so that "Smith said X" and
    "Jones said X" differ by their speaker.

    >>> sorted(prepare_text("Smith said taxes will rise next year.").speakers)
    ['smith']
    """
    if not text.strip():
        return prepare(text)
    claims = claims_of(analyze([Article(id="text", text=text)]))
    speakers = _ordered(s for c in claims for s in c.speakers)
    cues = _ordered(q for c in claims for q in c.cues)
    named = _ordered(s for c in claims for s in c.named_speakers)
    return prepare(text, speakers, cues, named)


def _ordered(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
