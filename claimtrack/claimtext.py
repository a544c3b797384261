"""A claim's text prepared for comparison: its words, content stems, numbers and names.

:func:`prepare` turns a text (with its speakers and cue lemmas) into a
:class:`ClaimText`: the normalised words in order, the content words as
Snowball stems (no downloaded data needed), British spellings in their
American form ("defence" = "defense"), places as the country they stand
for ("Moscow" = "Russia"), numbers (number words and digits), capitalised names,
and phrases of one meaning written as the word they mean ("stepped down" =
"resigned").  :func:`prepare_claim` prepares a :class:`~claimtrack.claims.Claim`,
:func:`prepare_text` a bare string with the speakers the attribution extractor
finds in it.

The speakers' names are compared here too: :func:`same_source_name` and
:func:`same_source` tell whether two speakers may be one source, and
:func:`speaker_terms` gives the words of a speaker's name, which never count as
shared content.

What depends on one word alone (:func:`word_facts`, :func:`stem_of`,
:func:`is_number`, :func:`date_of`, :func:`place_key`) is cached per distinct
word and shared with :mod:`claimtrack.changes` and :mod:`claimtrack.relations`.

>>> t = prepare("Officials said three U.S. bridges would reopen in May.")
>>> t.words
('officials', 'said', '3', 'us', 'bridges', 'would', 'reopen', 'in', 'may')
>>> sorted(t.numbers), sorted(t.names)
(['3'], ['united_states'])
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import sys
from collections.abc import Iterable

import attrs
from nltk.stem.snowball import SnowballStemmer

from claimtrack.analysis import analyze
from claimtrack.articles import Article
from claimtrack.claims import Claim, claims_of
from claimtrack.lexicon import iter_data_lines, word_categories, word_set
from claimtrack.normalize import match_key
from claimtrack.places import country_of
from claimtrack.quantities import numbers_as_values

__all__ = [
    "ClaimText",
    "packed",
    "prepare",
    "prepare_claim",
    "prepare_text",
    "same_source_name",
    "speaker_terms",
    "unpacked",
]


#: A word: letters and digits, or a number with its decimals ("2.6").
WORD = re.compile(r"\d+(?:\.\d+)?(?![^\W_])|[^\W_]+")

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
    found = False
    while i < len(words):
        for phrase, canonical in table.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                out.append(canonical)
                i += len(phrase)
                found = True
                break
        else:
            out.append(words[i])
            i += 1
    # a phrase's first word alone (half of all sentences hold one) changes nothing
    return out if found else words


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:[ ]+[A-Z][\w'\u2019.-]*)*")


@functools.cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@functools.cache
def _irregular() -> dict[str, str]:
    """Irregular verb forms -> their base ("rose" -> "rise", "said" -> "say"), from
    WordNet's exception list (``data/irregular_verbs.tsv``, ``bench/build_irregular.py``)."""
    return dict(line.split("\t") for line in iter_data_lines("irregular_verbs.tsv"))


@functools.cache
def _spellings() -> dict[str, str]:
    """British spellings -> their American form ("defence" -> "defense", "organised"
    -> "organized"), from WordNet (``data/spellings.tsv``, ``bench/build_spellings.py``)."""
    return {k: v for k, v, _ in (line.split("\t") for line in iter_data_lines("spellings.tsv"))}


@functools.lru_cache(maxsize=200_000)
def stem_of(word: str) -> str:
    """The Snowball stem of a word, an irregular verb form stemmed as its base, so
    that "rose" and "rises" share the stem of "rise".

    >>> stem_of("rose") == stem_of("rises"), stem_of("said") == stem_of("says")
    (True, True)
    """
    return str(_stemmer().stem(_irregular().get(word, word)))


@functools.cache
def stopwords() -> frozenset[str]:
    return word_set("stopwords.txt")


def change_words() -> dict[str, frozenset[str]]:
    return word_categories("change_words.txt")


def date_of(word: str) -> str | None:
    """The date word a word is, also in the possessive ("tuesdays" -> "tuesday")."""
    dates = change_words()["date"]
    if word in dates:
        return word
    if word.endswith("s") and word[:-1] in dates:
        return word[:-1]
    return None


def is_number(word: str) -> bool:
    return any(c.isdigit() for c in word) or word in change_words()["number"]


def _sorted_keys(values: Iterable[str]) -> tuple[str, ...]:
    """Strings as a sorted tuple, each once (a set of one or two names weighs 216
    bytes, a tuple 64-72)."""
    if type(values) is tuple and all(a < b for a, b in itertools.pairwise(values)):
        return values  # sorted and distinct already (as a store or a worker sends it)
    return tuple(sorted(set(values)))


@attrs.frozen
class ClaimText:
    """A claim's text prepared for comparison.

    Attributes:
        words: The normalised words, in order.
        stems: Stems of the content words (places as the country they name): a
            set made on each access from :attr:`stem_keys`.
        numbers: The numbers and number words: a set made on each access from
            :attr:`number_keys`.
        names: Capitalised names in the text (places as the country they name): a
            set made on each access from :attr:`name_keys`.
        speakers: Canonical speaker names, normalised.
        cues: Cue lemmas.
        named: The speakers that are named sources (not groups or anonymous).
        canonical: :attr:`words` with phrases written as the word they mean, when
            they hold such a phrase (else empty: see :attr:`compared`).
        stem_keys: :attr:`stems` sorted, as a tuple: a fifth of a set's memory
            for the many claims an index holds.
        number_keys, name_keys: :attr:`numbers` and :attr:`names` the same way
            (given as any collection of strings: kept sorted, each once).
    """

    words: tuple[str, ...]
    stem_keys: tuple[str, ...]
    number_keys: tuple[str, ...] = attrs.field(converter=_sorted_keys)
    name_keys: tuple[str, ...] = attrs.field(converter=_sorted_keys)
    speakers: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    canonical: tuple[str, ...] = ()

    @property
    def stems(self) -> frozenset[str]:
        return frozenset(self.stem_keys)

    @property
    def numbers(self) -> frozenset[str]:
        return frozenset(self.number_keys)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.name_keys)

    @property
    def compared(self) -> tuple[str, ...]:
        """The words compared: :attr:`words` with each phrase of one meaning as its
        word ("stepped down" as "resigned"); ``words`` themselves stay as written
        and decide a repetition."""
        return self.canonical or self.words

    def __reduce__(self) -> tuple[object, tuple[str]]:
        # pickled as one packed string, taken back with its words interned: a text
        # sent from a worker process takes about 30% fewer bytes, and shares the
        # receiving process's copy of each word
        return unpacked, (packed(self),)


def _name_key(name: str) -> str:
    return match_key(name).replace(" ", "_")


def place_key(word: str) -> str | None:
    found = country_of(word)
    return _name_key(found) if found else None


@functools.lru_cache(maxsize=1 << 19)
def word_facts(word: str) -> tuple[str, str | None, str | None]:
    """A word (one shared copy of it), its content stem (None for a stop word), and
    the word again if it is a number (else None)."""
    stem = None
    if word not in stopwords():
        place = place_key(word) if len(word) > 2 else None
        stem = place if place else stem_of(word)
    return word, stem, word if is_number(word) else None


@functools.lru_cache(maxsize=1 << 19)
def _token_names(raw: str) -> tuple[str | None, str | None]:
    """For one word of a capitalised run: the name key of the country it stands
    for, else its own name key if it can be a name (not a stop or date word)."""
    raw = raw.strip(".,")
    country = country_of(raw) or _owner_place(raw)
    if country is not None:
        return _name_key(country), None
    key = match_key(raw)
    if key and key not in stopwords() and date_of(key) is None:
        return None, _name_key(key)
    return None, None


def _owner_place(raw: str) -> str | None:
    """The country a place name in the possessive stands for ("Moscow's": Russia).
    Without its apostrophe ("Moscows") a word is taken as written: it may be a
    plural ("the Americas", "the two Koreas")."""
    if raw[-2:] in ("'s", "\u2019s") and len(raw) > 3:
        return country_of(raw[:-2])
    return None


def _owner_stems(text: str) -> dict[str, str]:
    """The words of the places in the possessive in a text, as a claim's words are
    keyed ("moscows"), with the stem of the country they stand for ("russia")."""
    out = {}
    for token in _POSSESSIVE.findall(text):
        country = _owner_place(token)
        if country is not None:
            out[match_key(token)] = _name_key(country)
    return out


#: A capitalised word in the possessive ("Moscow's").
_POSSESSIVE = re.compile(r"\b[A-Z][\w.-]*['\u2019]s\b")


@functools.lru_cache(maxsize=1 << 18)
def _run_country(run: str) -> str | None:
    whole = country_of(run)
    return None if whole is None else _name_key(whole)


@functools.lru_cache(maxsize=1 << 17)
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


#: Sets of speakers and cues seen, each kept once: most claims share theirs with
#: many others ({"say"}), and a small set weighs 216 bytes.
_SOURCE_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared_set(found: frozenset[str]) -> frozenset[str]:
    if not found:
        return _EMPTY
    if len(_SOURCE_SETS) >= 1 << 16:
        _SOURCE_SETS.clear()
    return _SOURCE_SETS.setdefault(found, found)


def interned(
    words: Iterable[str],
    stem_keys: Iterable[str],
    numbers: Iterable[str],
    names: Iterable[str],
    speakers: Iterable[str],
    cues: Iterable[str],
    named: Iterable[str],
    canonical: Iterable[str],
) -> ClaimText:
    """A prepared text made again from its parts (read from a store, or received
    from another process), its words interned and its source sets kept once: the
    claims of a run share one copy of each word.

    >>> t = prepare("Moscow has denied harboring plans.")
    >>> interned(t.words, t.stem_keys, t.numbers, t.names, t.speakers, t.cues, t.named,
    ...          t.canonical) == t
    True
    """
    intern = sys.intern
    return ClaimText(
        tuple(map(intern, words)),
        tuple(map(intern, stem_keys)),
        tuple(numbers),
        tuple(map(intern, names)),
        _shared_set(frozenset(speakers)),
        _shared_set(frozenset(cues)),
        _shared_set(frozenset(named)),
        tuple(map(intern, canonical)),
    )


#: A packed text (:func:`packed`) is its fields joined by RS, each field's items by
#: US (splitting is several times quicker than reading JSON); a text holding
#: either character is packed as a JSON list of its fields.
_FIELD, _ITEM = "\x1e", "\x1f"
_JSON = json.JSONEncoder(ensure_ascii=False).encode


def packed(text: ClaimText) -> str:
    """A prepared text as one string (as a claim store keeps it, and as it is
    pickled), :func:`unpacked` takes it back.

    >>> t = prepare("Moscow has denied harboring plans.", speakers=["Moscow"])
    >>> unpacked(packed(t)) == t
    True
    """
    fields = [
        text.words,
        text.stem_keys,
        text.number_keys,
        text.name_keys,
        sorted(text.speakers),
        sorted(text.cues),
        sorted(text.named),
        text.canonical,
    ]
    joined = _FIELD.join(_ITEM.join(field) for field in fields)
    if (
        joined.startswith("[")
        or joined.count(_FIELD) != len(fields) - 1
        or joined.count(_ITEM) != sum(len(field) - 1 for field in fields if field)
        or any("" in field for field in fields)
    ):
        return _JSON(fields)  # not to be told apart once joined
    return joined


def unpacked(data: str) -> ClaimText:
    """The prepared text :func:`packed` gave (or a JSON list of its fields), made
    again by :func:`interned`."""
    if data.startswith("["):
        return interned(*json.loads(data))
    return interned(*(field.split(_ITEM) if field else () for field in data.split(_FIELD)))


def _keys(values: Iterable[str]) -> frozenset[str]:
    return _shared_set(frozenset(match_key(v) for v in values if v))


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
    raw = WORD.findall(key)
    spellings = _spellings()
    if not spellings.keys().isdisjoint(raw):  # "defence" is "defense"
        raw = [spellings.get(w, w) for w in raw]
    for word, stem, number in map(word_facts, raw):
        words.append(word)
        if stem is not None:
            stems.add(stem)
        if number is not None:
            numbers.add(number)
    canonical = _canonical_phrases(raw)
    if canonical is not raw:
        # the content words are those of the phrases' meanings ("stepped down" is
        # "resigned"); the words stay as written, so a paraphrase is no repetition
        stems = {stem for stem in (word_facts(w)[1] for w in canonical) if stem is not None}
        compared = tuple(word_facts(w)[0] for w in canonical)
    else:
        compared = ()
    names: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(text):
        names.update(_run_names(match.group().rstrip("."), match.start() == 0))
    if "s" in text and ("'" in text or "\u2019" in text):
        # a place in the possessive stands for its country too ("Moscow's demands")
        for word, country in _owner_stems(text).items():
            if word in raw:
                stems.discard(word_facts(word)[1] or "")
                stems.add(country)
    base = ClaimText(
        words=tuple(words),
        stem_keys=tuple(sorted(stems)),
        number_keys=numbers,
        name_keys=names,
        canonical=compared,
    )
    speakers = tuple(speakers)
    if not speakers and not cues and not named:
        return base  # the words alone (a worker's part: sources come later)
    return with_sources(base, speakers, cues, speakers if named is None else named)


def with_sources(
    text: ClaimText, speakers: Iterable[str], cues: Iterable[str], named: Iterable[str]
) -> ClaimText:
    """A text prepared by :func:`prepare` from its words alone, given its speakers,
    cue lemmas and named sources (as :func:`prepare` would have taken them): the
    words of a claim can be prepared before its speakers are named canonically."""
    return ClaimText(
        text.words,
        text.stem_keys,
        text.number_keys,
        text.name_keys,
        _keys(speakers),
        _shared_set(frozenset(cues)),
        _keys(named),
        text.canonical,
    )


def prepare_claim(claim: Claim) -> ClaimText:
    """:func:`prepare` for a :class:`~claimtrack.claims.Claim`."""
    return prepare(claim.text, claim.speakers, claim.cues, claim.named_speakers)


def claim_sources(text: ClaimText, claim: Claim) -> ClaimText:
    """:func:`with_sources` for a claim whose words ``text`` prepared: the same as
    :func:`prepare_claim` of it."""
    if not (claim.speakers or claim.cues or claim.named_speakers) and not (
        text.speakers or text.cues or text.named
    ):
        return text  # most claims: no source, and the text stays as it is
    return with_sources(text, claim.speakers, claim.cues, claim.named_speakers)


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


def same_source_name(x: str, y: str) -> bool:
    """Whether two speaker keys may name one source: equal, or a bare surname and a
    full name ending with it ("merkel", "angela merkel"), as :class:`SpeakerIndex`
    joins them across a corpus."""
    if x == y:
        return True
    if " " not in x:
        return y.endswith(" " + x)
    return " " not in y and x.endswith(" " + y)


def same_source(a: frozenset[str], b: frozenset[str]) -> bool:
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
            out.update((word, _name_key(word), stem_of(word)))
    return frozenset(out)


def own_terms(a: ClaimText, b: ClaimText) -> frozenset[str]:
    """The speaker terms of two claims (see :func:`speaker_terms`)."""
    if a.speakers == b.speakers:
        return speaker_terms(a.speakers)
    return speaker_terms(a.speakers) | speaker_terms(b.speakers)
