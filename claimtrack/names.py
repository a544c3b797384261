"""Speaker mentions resolved to named sources, with a type and a reason.

Within an article, a speaker mention becomes a named source:

- a pronoun ("He said") takes the nearest earlier source or person, preferring
  evidence in the same paragraph, then anywhere in the article (paragraphs may
  come out of reading order);
- a surname ("Berg") takes the full name introduced in the article;
- a descriptor ("The Chilean leader") takes the person introduced with the
  same nationality and a compatible title ("Chilean President Max Olsen");
  generic roles and their titles are in ``role_synonyms.txt``;
- a place acting for its government ("Moscow", "the Kremlin") takes the
  country, and an acronym its full name ("EU" -> "European Union"), from
  ``places.tsv``;
- a group ("Some officials in Ukraine") takes a canonical form
  ("Ukrainian officials").

Titles are stripped from names.  Every resolution says why it was made.

>>> canonical_group("Some officials in Ukraine")
'Ukrainian officials'
>>> place_for("the Kremlin")
('Russia', 'country')
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from claimtrack.articles import Article
from claimtrack.lexicon import data_lines, word_categories, word_set
from claimtrack.places import country_of, gazetteer, place_for, squash
from claimtrack.sentences import Sentence
from claimtrack.spans import Span

__all__ = [
    "Resolution",
    "SpeakerType",
    "canonical_group",
    "country_of",
    "place_for",
    "resolve_speakers",
    "strip_titles",
]

SpeakerType = Literal["person", "organisation", "government", "group", "anonymous"]


@attrs.frozen
class Resolution:
    """The named source a speaker mention stands for.

    Attributes:
        name: The canonical name, or None when the mention cannot be named.
        type: person, organisation, government, group or anonymous.
        reason: Why: which evidence named it.
    """

    name: str | None
    type: SpeakerType
    reason: str


# --- gazetteers (claimtrack.places) and word lists ----------------------------------


@functools.cache
def _titles() -> frozenset[str]:
    return word_set("titles.txt")


@functools.cache
def _max_title_words() -> int:
    return max((len(t.split()) for t in _titles()), default=1)


@functools.cache
def _title_starts() -> frozenset[str]:
    """The first words of the titles: no title starts at another word."""
    return frozenset(t.split(" ")[0] for t in _titles())


@functools.cache
def _role_synonyms() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in data_lines("role_synonyms.txt"):
        role, titles = line.split("\t")
        out[role.strip()] = frozenset(t.strip() for t in titles.split("|")) | {role.strip()}
    return out


@functools.cache
def _group_words() -> frozenset[str]:
    return word_set("group_words.txt")


@functools.cache
def _organisation_words() -> frozenset[str]:
    return word_set("organisation_words.txt")


def _clause_words() -> dict[str, frozenset[str]]:
    return word_categories("clause_words.txt")


_QUANTIFIERS = frozenset(
    [
        "some",
        "many",
        "several",
        "most",
        "other",
        "few",
        "two",
        "three",
        "four",
        "five",
        "six",
        "dozens",
        "hundreds",
        "a",
        "an",
        "the",
        "numerous",
        "various",
        "certain",
        "unnamed",
    ]
)
_WORD = re.compile(r"[\w\u2019'.\-&]+")


def _words(text: str) -> list[str]:
    # (no word holds a comma: the words are the matches as they are)
    return _WORD.findall(text.replace("\u2019", "'"))


def strip_titles(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split leading descriptors (demonyms, titles, determiners) from a name.

    Returns ``(descriptor words, name words)``.

    >>> strip_titles("German Foreign Minister Anna Berg".split())
    (['German', 'Foreign', 'Minister'], ['Anna', 'Berg'])
    """
    titles, places = _titles(), gazetteer()
    i = 0
    n = len(words)
    while i < n:
        low = words[i].lower()
        if low in ("the", "a", "an", "former", "then", "acting", "top", "senior", "deputy") or (
            low in places.demonyms or place_for(words[i]) is not None
        ):
            i += 1
            continue
        if low.endswith("'s") or low.endswith("'"):
            i += 1
            continue
        matched = False
        if low.split(" ")[0] in _title_starts():
            for k in range(min(_max_title_words(), n - i), 0, -1):
                if " ".join(words[i : i + k]).lower() in titles:
                    i += k
                    matched = True
                    break
        if not matched:
            break
    return list(words[:i]), list(words[i:])


def canonical_group(mention: str) -> str:
    """A canonical form of a group mention: quantifiers dropped, "X in Country" as "<Demonym> X".

    >>> canonical_group("Some Ukrainian officials")
    'Ukrainian officials'
    >>> canonical_group("many experts")
    'experts'
    """
    words = _words(mention)
    while words and words[0].lower() in _QUANTIFIERS:
        words = words[1:]
    lowered = [w.lower() for w in words]
    for prep in ("in", "from", "of"):
        if prep in lowered:
            k = lowered.index(prep)
            tail = " ".join(words[k + 1 :])
            place = place_for(tail)
            if place is not None and k > 0:
                adjective = gazetteer().adjective_of.get(place[0], place[0])
                words = [adjective, *words[:k]]
                break
    return " ".join(words)


# --- people in an article -----------------------------------------------------------


@attrs.frozen
class _Person:
    name: str
    surname: str
    descriptors: frozenset[tuple[str, str]]  # (country or "", title)
    first_offset: int


#: A run of capitalised words; a period ends a word only in an initial or a short
#: abbreviation ("John G. Roberts Jr."), so a run never crosses a sentence end.
#: It starts at the text's start or after white space, "(" or an opening quote.
#: Up to six words, each a capital and its rest and a space (or ", "), then a last
#: word: written as the first capital, then either the rest of a first word and up
#: to five more words before the last one, or the rest of the last word (the same
#: matches, more words first), so that the pattern opens with a character class
#: and the regular expression engine skips to the capitals without trying the
#: pattern at every position; the character before the capital is looked at
#: after it.
_NAME_REST = r"(?:[a-z]{0,2}\.|[\w\u2019'\-]*)"
_LAST_REST = r"[\w\u2019'\-]*"
_CAP_RUN = re.compile(
    r"([A-Z](?<![^\s(\"\u201c\u2018].)"
    rf"(?:{_NAME_REST}(?:,? )(?:[A-Z]{_NAME_REST}(?:,? )){{0,5}}[A-Z]{_LAST_REST}|{_LAST_REST}))"
)


@functools.lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    if not word or not word[0].isupper() or any(c.isdigit() for c in word):
        return False
    if word.isupper() and len(word) > 1 and "." not in word:
        return False  # an acronym
    low = word.lower().rstrip(".")
    words = _clause_words()
    return not (
        low in word_set("stopwords.txt")
        or low in words.get("determiner", frozenset())
        or low in words.get("pronoun", frozenset())
        or low in words.get("boundary", frozenset())
        or low in _organisation_words()
        or low in _group_words()
    )


def _people(text: str) -> list[_Person]:
    """Persons introduced by a full name (two or more name words) anywhere in ``text``."""
    people: dict[str, _Person] = {}
    whole_words = _WholeWords(text)
    for match in _CAP_RUN.finditer(text):
        found = _run_person(match.group(1))
        if found is None:
            continue
        descriptors, name = found
        surname = _unpossessive(name[-1], whole_words)
        full = " ".join((*name[:-1], surname))
        old = people.get(full)
        if old is not None:
            if not descriptors <= old.descriptors:  # (most mentions add none)
                people[full] = attrs.evolve(old, descriptors=old.descriptors | descriptors)
        else:
            people[full] = _Person(full, surname, descriptors, match.start(1))
    return sorted(people.values(), key=lambda p: p.first_offset)


@functools.lru_cache(maxsize=1 << 14)
def _run_person(
    run: str,
) -> tuple[frozenset[tuple[str, str]], tuple[str, ...]] | None:
    """The descriptors and name words of a capitalised run that names a person (two
    to four name words, not a place or a demonym), else None: the same for every
    occurrence of a run, so computed once."""
    if "," in run:
        # "Chile's top diplomat, Ana Rojas": look at the last comma part
        head, _, run_tail = run.rpartition(", ")
        descriptor_words = _words(head)
        words = _words(run_tail)
    else:
        descriptor_words = []
        words = _words(run)
    lead, name = strip_titles(words)
    # possessives and sentence-initial function words are not part of names
    name = [w for w in name if w]
    if len(name) < 2 or len(name) > 4 or not all(_is_name_word(w) for w in name):
        return None
    if place_for(" ".join(name)) is not None:
        return None
    demonyms = gazetteer().demonyms
    if any(w.lower() in demonyms for w in name):
        return None
    return _descriptors(descriptor_words + lead), tuple(name)


def _unpossessive(word: str, text: _WholeWords) -> str:
    """A name word without a possessive ending: "Merkel's", and "Merkels"
    where the article also writes "Merkel" alone."""
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith("s") and len(word) > 3 and text.has(word[:-1]):
        return word[:-1]
    return word


_WORD_RUN = re.compile(r"\w+")
#: Questions a :class:`_WholeWords` answers by scanning the text before it indexes
#: the text's words (most articles ask one or two).
_SCANS = 8
_WORD_CHAR = re.compile(r"\w")
#: Occurrences of a word a scan checks for boundaries before it leaves the rest of
#: the text to a regular expression.
_SCAN_TRIES = 16


class _WholeWords:
    """Whether a word stands in a text as a whole word (``\\b<word>\\b``).

    The text is read once, on the first question: a search of the whole text
    per name made the people of a long article quadratic in its length.

    >>> words = _WholeWords("Merkel met the Merkels; O'Neil-Smith left.")
    >>> words.has("Merkel"), words.has("Merke"), words.has("O'Neil-Smith"), words.has("Neil")
    (True, False, True, True)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None
        self._answers: dict[str, bool] = {}

    def has(self, word: str) -> bool:
        """``re.search(rf"\\b{re.escape(word)}\\b", text) is not None``."""
        found = self._answers.get(word)
        if found is None:
            found = self._answers[word] = self._search(word)
        return found

    def _search(self, word: str) -> bool:
        head = _WORD_RUN.match(word)
        if head is None or len(self._answers) < _SCANS:
            # no word character first ("\\b" means something else), or one of the
            # first few questions: a scan of the text is cheaper
            return self._scan(word)
        if self._starts is None:
            self._starts = {}
            for match in _WORD_RUN.finditer(self.text):
                self._starts.setdefault(match.group(), []).append(match.start())
        # "\\b" before a word character: a whole run of word characters starts
        # there, and it is the word's first run (the word goes on with a non-word
        # character) or the word itself
        text, size = self.text, len(word)
        ends_in_word = _WORD_CHAR.match(word[-1]) is not None
        for start in self._starts.get(head.group(), ()):
            if not text.startswith(word, start):
                continue
            end = start + size
            after_is_word = end < len(text) and _WORD_CHAR.match(text[end]) is not None
            if after_is_word != ends_in_word:
                return True
        return False

    def _scan(self, word: str) -> bool:
        """``re.search(rf"\\b{re.escape(word)}\\b", text)`` without compiling a pattern
        per word: the word is looked for with ``str.find`` and each occurrence checked
        for the boundaries ("\\b": a word character on one side only)."""
        text = self.text
        if not word:
            return re.search(r"\b", text) is not None
        first_in_word = _WORD_CHAR.match(word[0]) is not None
        last_in_word = _WORD_CHAR.match(word[-1]) is not None
        at = text.find(word)
        for _ in range(_SCAN_TRIES):
            if at < 0:
                return False
            end = at + len(word)
            before = at > 0 and _WORD_CHAR.match(text[at - 1]) is not None
            after = end < len(text) and _WORD_CHAR.match(text[end]) is not None
            if before != first_in_word and after != last_in_word:
                return True
            at = text.find(word, at + 1)
        # many occurrences inside longer words: let the regular expression go on
        return re.compile(rf"\b{re.escape(word)}\b").search(text, max(at, 0)) is not None


def _descriptors(words: Sequence[str]) -> frozenset[tuple[str, str]]:
    """(country, title) pairs described by descriptor words ("Belarusian President")."""
    places = gazetteer()
    country = ""
    for w in words:
        low = w.lower()
        if low in places.demonyms:
            country = places.demonyms[low]
        elif low.endswith("'s") or low.endswith("'"):
            found = place_for(low.rstrip("s").rstrip("'"))
            if found is not None:
                country = found[0]
        elif (found := place_for(w)) is not None:
            country = found[0]
    lowered = [w.lower() for w in words]
    known = _titles()
    titles = {
        phrase
        for i in range(len(lowered))
        for k in range(1, min(_max_title_words(), len(lowered) - i) + 1)
        if (phrase := " ".join(lowered[i : i + k])) in known
    }
    if not titles:
        return frozenset()
    return frozenset((country, t) for t in titles)


# --- resolution --------------------------------------------------------------------


_CAPITAL = re.compile("[A-Z]")


class _Surnames:
    """Every place where the surname of a person of the article occurs in its text.

    Found in one pass over the text (a walk down a trie of the surnames from each
    character that starts one), overlapping occurrences too, so that the
    questions pronouns ask (the last mention of a person before a pronoun, how
    often a person is mentioned, which pronouns follow a mention) cost no scan
    of the whole text per person: with a person introduced every paragraph,
    those scans made an article quadratic in its length.
    """

    def __init__(self, text: str, surnames: Iterable[str]) -> None:
        self.text = text
        trie: dict[str, Any] = {}
        for surname in set(surnames):
            if not surname:
                continue
            branch = trie
            for char in surname:
                branch = branch.setdefault(char, {})
            branch[""] = surname
        #: each surname -> the start of each of its occurrences, in order
        self.starts: dict[str, list[int]] = {}
        #: every occurrence of every surname: starts (in order) and surnames
        self.event_starts: list[int] = []
        self.event_surnames: list[str] = []
        if not trie:
            return
        if all("A" <= c <= "Z" for c in trie):
            # names start with a capital: one pattern for every article (compiling one
            # per article cost more than the trie turning other capitals away)
            firsts = _CAPITAL
        else:
            firsts = re.compile("[" + "".join(re.escape(c) for c in trie) + "]")
        size = len(text)
        for match in firsts.finditer(text):
            at = match.start()
            node = trie
            k = at
            while k < size:
                step: dict[str, Any] | None = node.get(text[k])
                if step is None:
                    break
                node = step
                k += 1
                found = node.get("")
                if found is not None:
                    self.starts.setdefault(found, []).append(at)
                    self.event_starts.append(at)
                    self.event_surnames.append(found)
        self._separate: dict[str, list[int]] = {}

    def separate(self, surname: str) -> list[int]:
        """The starts of the occurrences ``re.finditer`` and ``str.count`` see: from
        the left, each after the end of the one before."""
        found = self._separate.get(surname)
        if found is None:
            found = []
            end = 0
            for start in self.starts.get(surname, ()):
                if start >= end:
                    found.append(start)
                    end = start + len(surname)
            self._separate[surname] = found
        return found

    def in_window(self, start: int, end: int) -> set[str]:
        """The surnames with an occurrence inside ``text[start:end]``."""
        lo = bisect.bisect_left(self.event_starts, start)
        hi = bisect.bisect_left(self.event_starts, end)
        return {
            surname
            for k in range(lo, hi)
            if self.event_starts[k] + len(surname := self.event_surnames[k]) <= end
        }

    def rfind(self, person: _Person, start: int, end: int) -> int:
        """``text.rfind(needle, start, end)`` for the person's full name if it is
        there, else for their surname (the full name ends with the surname)."""
        surname, name = person.surname, person.name
        starts = self.starts.get(surname, [])
        k = bisect.bisect_right(starts, end - len(surname)) - 1
        last_surname = starts[k] if k >= 0 and starts[k] >= start else -1
        lead = len(name) - len(surname)
        while k >= 0 and starts[k] >= start:
            at = starts[k] - lead
            if at >= start and self.text.startswith(name, at):
                return at
            k -= 1
        return last_surname


@attrs.frozen
class _Context:
    article: Article
    sentences: Sequence[Sentence]
    people: list[_Person]
    by_surname: dict[str, list[_Person]]
    body_starts: list[int] = attrs.field(init=False)
    genders: dict[str, str | None] = attrs.field(init=False, factory=dict)
    by_name: dict[str, _Person] = attrs.field(init=False)
    order: dict[str, int] = attrs.field(init=False)
    surnames: _Surnames = attrs.field(init=False)
    exact_surnames: dict[str, list[_Person]] = attrs.field(init=False)
    #: the most mentioned person agreeing with a pronoun's gender (None: any), cached
    most_mentioned: dict[str | None, _Person | None] = attrs.field(init=False, factory=dict)
    #: each title, and each (title, country), -> the first descriptor of a person
    #: with it, in the order :func:`_descriptor_person` looks at them: (index of the
    #: person, of the descriptor in the person's descriptors, country, title)
    first_titled: dict[object, tuple[int, int, str, str]] = attrs.field(init=False)

    @body_starts.default
    def _starts(self) -> list[int]:
        return [s.body_start for s in self.sentences]

    @by_name.default
    def _by_name(self) -> dict[str, _Person]:
        return {p.name: p for p in self.people}

    @order.default
    def _order(self) -> dict[str, int]:
        return {p.name: k for k, p in enumerate(self.people)}

    @surnames.default
    def _surnames(self) -> _Surnames:
        return _Surnames(self.article.clean_text, (p.surname for p in self.people))

    @first_titled.default
    def _first_titled(self) -> dict[object, tuple[int, int, str, str]]:
        out: dict[object, tuple[int, int, str, str]] = {}
        for k, person in enumerate(self.people):
            for d, (country, title) in enumerate(person.descriptors):
                out.setdefault(title, (k, d, country, title))
                out.setdefault((title, country), (k, d, country, title))
        return out

    @exact_surnames.default
    def _exact_surnames(self) -> dict[str, list[_Person]]:
        out: dict[str, list[_Person]] = {}
        for person in self.people:
            out.setdefault(person.surname, []).append(person)
        return out

    def by_surname_exact(self, surname: str) -> list[_Person]:
        """The persons whose surname is exactly ``surname``, in order."""
        return self.exact_surnames.get(surname, [])


def _person_for_surname(ctx: _Context, word: str) -> _Person | None:
    key = word.lower().replace("\u2019", "'").removesuffix("'s").removesuffix("'")
    for candidate in (key, key[:-1] if key.endswith("s") else None):
        if candidate and candidate in ctx.by_surname:
            return ctx.by_surname[candidate][0]
    return None


def _name_in(ctx: _Context, mention: str) -> tuple[str, str] | None:
    """A person named in a mention: (name, reason)."""
    words = _words(mention)
    # the last run of name words in the mention
    _, name = strip_titles(words)
    caps: list[str] = []
    after = ""
    for w in name:
        if _is_name_word(w):
            caps.append(w)
        elif caps:
            after = w
            break
    if after[:1].isupper() and after.lower() in _organisation_words():
        # the run goes on as an organisation's name: "a former Democratic National
        # Committee chairman" names no person "Democratic National"
        return None
    if len(caps) >= 2:
        full = " ".join(caps)
        person = ctx.by_name.get(full)
        return (person.name if person else full), "full name in the mention"
    if len(caps) == 1:
        person = _person_for_surname(ctx, caps[0])
        if person is not None:
            return person.name, f"surname {caps[0]!r} of {person.name!r}, introduced in the article"
    return None


def _descriptor_person(ctx: _Context, mention: str) -> tuple[str, str] | None:
    """A person matching a descriptor such as "The Belarusian leader"."""
    words = _words(mention)
    if not words or (
        words[0].lower() not in ("the", "a", "an", "this", "that")
        and not words[0].lower().endswith("'s")
    ):
        return None
    described = _descriptors(words)
    if not described:
        return None
    synonyms = _role_synonyms()
    for country, role in sorted(described):
        allowed = synonyms.get(role, frozenset({role}))
        # the first person (in order) with a descriptor of an allowed title (and of the
        # country, if one is named), and that person's first such descriptor: looked up
        # by title, as a scan of every person for every mention made a long article
        # that introduces a person every paragraph quadratic
        first: tuple[int, int, str, str] | None = None
        for title in allowed | {role}:
            found = ctx.first_titled.get((title, country) if country else title)
            if found is not None and (first is None or found < first):
                first = found
        if first is not None:
            person, p_country, p_title = ctx.people[first[0]], first[2], first[3]
            return (
                person.name,
                f"descriptor {mention!r} matches {person.name!r}, introduced as "
                f"{(p_country + ' ') if p_country else ''}{p_title}",
            )
    return None


_FEMININE = frozenset(["she", "her", "hers", "herself"])
_MASCULINE = frozenset(["he", "him", "his", "himself"])
#: A personal pronoun of the third person singular: ``\b(he|him|his|himself|she|her|hers|
#: herself)\b``, written to open with a character class so that the regular expression
#: engine skips to the candidate letters (the word boundary before the pronoun is looked
#: at after its first letter), 2.6 times faster.
_PRONOUN_AFTER = re.compile(
    r"[hs](?<!\w.)(?:(?<=h)(?:e|im|is|imself|er|ers|erself)|(?<=s)he)\b", re.IGNORECASE
)


def _gender(ctx: _Context, person: _Person) -> str | None:
    """The gender ("f", "m" or None) from gendered titles in the person's descriptors, else from the
    pronouns that most often follow the person's name in the article."""
    if person.name in ctx.genders:
        return ctx.genders[person.name]
    titles = word_categories("gendered_titles.txt")
    told = {g for g, words in titles.items() for _, title in person.descriptors if title in words}
    gender: str | None = next(iter(told)) if len(told) == 1 else None
    if gender is None:
        text = ctx.article.clean_text
        counts = {"f": 0, "m": 0}
        for start in ctx.surnames.separate(person.surname):
            end = start + len(person.surname)
            follow = _PRONOUN_AFTER.search(text, end, end + 150)
            if follow is not None:
                counts["f" if follow.group().lower() in _FEMININE else "m"] += 1
        if max(counts.values()) >= 2 and min(counts.values()) * 3 <= max(counts.values()):
            gender = max(counts, key=lambda g: counts[g])
    ctx.genders[person.name] = gender
    return gender


def _most_mentioned(ctx: _Context, gender: str | None) -> _Person | None:
    """The person whose surname the text holds most often (the first introduced of
    equals) among those whose gender is unknown or ``gender`` (any, if None)."""
    if gender in ctx.most_mentioned:
        return ctx.most_mentioned[gender]
    counts = {p.surname: len(ctx.surnames.separate(p.surname)) for p in ctx.people}
    ranked = sorted(ctx.people, key=lambda p: (-counts[p.surname], p.first_offset))
    found = None
    for person in ranked:
        told = _gender(ctx, person) if gender is not None else None
        if told is None or told == gender:
            found = person
            break
    ctx.most_mentioned[gender] = found
    return found


def _pronoun_gender(pronoun: str) -> str | None:
    if pronoun in _FEMININE:
        return "f"
    return "m" if pronoun in _MASCULINE else None


#: How many earlier speakers a pronoun looks back at.
_LOOK_BACK = 40
#: How many characters back in its paragraph a pronoun looks for a person.
_WINDOW = 3000

_PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person", "i": "person"}
_PLURAL = {"they", "we", "them", "us", "it"}


def _resolve_pronoun(
    ctx: _Context,
    pronoun: str,
    span: Span,
    sentence: Sentence,
    earlier: list[tuple[Span, Sentence, Resolution]],
) -> Resolution:
    wants_person = pronoun in _PERSONAL
    wants_gender = _pronoun_gender(pronoun)
    by_name = ctx.by_name

    def agrees(person: _Person | None) -> bool:
        if person is None or wants_gender is None:
            return True
        gender = _gender(ctx, person)
        return gender is None or gender == wants_gender

    def fits(r: Resolution) -> bool:
        if r.name is None:
            return False
        if not wants_person:
            return r.type != "person"
        return r.type == "person" and agrees(by_name.get(r.name))

    # 1. speakers named earlier in the same paragraph (nearest first)
    # look back a bounded number of speakers: antecedents are near, and time stays linear
    recent = earlier[-_LOOK_BACK:]
    for other_span, other_sentence, r in reversed(recent):
        if other_sentence.paragraph != sentence.paragraph:
            break  # earlier speakers come in text order: the paragraph is done
        if other_span.start < span.start and fits(r):
            return Resolution(
                r.name, r.type, f"pronoun {pronoun!r} -> nearest earlier speaker in the paragraph"
            )
    # 2. persons mentioned earlier in the same paragraph, sentence subjects first
    if wants_person:
        para = ctx.article.paragraphs[sentence.paragraph]
        window_start = max(para.start, span.start - _WINDOW)
        best: tuple[int, _Person] | None = None
        # only the persons whose surname occurs in the window can be found there;
        # they are tried in the order of ctx.people, as ties go to the first
        found = ctx.surnames.in_window(window_start, span.start)
        near = sorted(
            (p for surname in found for p in ctx.by_surname_exact(surname)),
            key=lambda p: ctx.order[p.name],
        )
        for person in near:
            if not agrees(person):
                continue
            pos = ctx.surnames.rfind(person, window_start, span.start)
            if pos >= 0:
                # a person opening an earlier sentence is its subject: the best antecedent
                k = bisect.bisect_right(ctx.body_starts, pos) - 1
                opener = ctx.sentences[k] if k >= 0 else None
                starts_sentence = (
                    opener is not None
                    and opener.paragraph == sentence.paragraph
                    and opener.start < sentence.start
                    and pos <= opener.body_start + 60
                )
                score = pos + (10 * _WINDOW if starts_sentence else 0)
                if best is None or score > best[0]:
                    best = (score, person)
        if best is not None:
            return Resolution(
                best[1].name,
                "person",
                f"pronoun {pronoun!r} -> person named earlier in the paragraph",
            )
    # 3. anywhere in the article: the nearest earlier speaker, else the most frequent one
    for _, _, r in reversed(recent):
        if fits(r):
            return Resolution(
                r.name, r.type, f"pronoun {pronoun!r} -> earlier speaker in the article"
            )
    best_person = _most_mentioned(ctx, wants_gender) if wants_person else None
    if best_person is not None:
        return Resolution(
            best_person.name,
            "person",
            f"pronoun {pronoun!r} -> most mentioned person in the article",
        )
    return Resolution(None, "anonymous", f"pronoun {pronoun!r} with no antecedent")


def _resolve_mention(ctx: _Context, mention: str) -> Resolution:
    words = _words(mention)
    lowered = [w.lower() for w in words]
    place = place_for(mention)
    if place is not None:
        kind: SpeakerType = "government" if place[1] == "country" else "organisation"
        return Resolution(place[0], kind, f"{mention!r} stands for {place[0]}")
    named = _name_in(ctx, mention)
    head = lowered[-1] if lowered else ""
    names_the_head = named is not None and head in named[0].lower().split()
    if (
        named is not None
        and " " in named[0]
        and (names_the_head or head not in _organisation_words())
    ):
        # a full name wins over organisation words in titles ("House Speaker Paul Ryan"),
        # not over an organisation word after it ("The New York Times")
        return Resolution(named[0], "person", named[1])
    if head in _organisation_words() or (
        named is None and any(w in _organisation_words() for w in lowered)
    ):
        stripped = words[1:] if lowered and lowered[0] in ("the", "a", "an") else words
        return Resolution(" ".join(stripped), "organisation", "organisation word in the mention")
    if named is not None:
        return Resolution(named[0], "person", named[1])
    described = _descriptor_person(ctx, mention)
    if described is not None:
        return Resolution(described[0], "person", described[1])
    if head in _group_words() or any(w in _group_words() for w in lowered):
        return Resolution(
            canonical_group(mention), "group", "group word at the head of the mention"
        )
    stripped = words[1:] if lowered and lowered[0] in ("the", "a", "an") else words
    if stripped and all(w[0].isupper() for w in stripped if w):
        return Resolution(
            " ".join(stripped), "organisation", "capitalised name, not a known person"
        )
    if stripped:
        return Resolution(" ".join(words), "group", "descriptive mention kept as written")
    return Resolution(None, "anonymous", "empty mention")


_LEADING = frozenset(["and", "but", "so", "then", "also", "now", "still", "yet", "or"])


@functools.cache
def _pronouns() -> frozenset[str]:
    """The pronouns of the clause words and the personal ones, made once."""
    return frozenset(_clause_words().get("pronoun", frozenset()) | _PERSONAL.keys())


def _pronoun_of(mention: str) -> str | None:
    """The personal pronoun a mention comes down to ("he", "And he", "Last week, she"), if any."""
    words = [w.lower() for w in _words(mention)]
    pronouns = _pronouns()
    while words and words[0] in _LEADING:
        words = words[1:]
    if len(words) == 1 and words[0] in pronouns:
        return words[0]
    if len(words) > 1 and words[-1] in pronouns and "," in mention:
        return words[-1]  # an opening phrase, then the subject: "In Honolulu last week, he"
    return None


def resolve_speakers(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[tuple[Sentence, Span | None]],
) -> list[Resolution]:
    """Resolve each speaker mention of an article to a named source.

    Args:
        article: The article.
        sentences: Its sentences.
        mentions: For each attribution, its sentence and speaker span (or None).

    Returns:
        One :class:`Resolution` per mention, in the same order.
    """
    text = article.clean_text
    people = _people(text)
    by_surname: dict[str, list[_Person]] = {}
    for person in people:
        by_surname.setdefault(person.surname.lower().replace("\u2019", "'"), []).append(person)
    ctx = _Context(article, sentences, people, by_surname)
    # first pass: everything but pronouns
    out: list[Resolution | None] = []
    for _sentence, span in mentions:
        if span is None:
            out.append(Resolution(None, "anonymous", "no speaker mention"))
            continue
        mention = span.of(text)
        if _pronoun_of(mention) is not None:
            out.append(None)
            continue
        out.append(_resolve_mention(ctx, mention))
    # second pass: pronouns, in text order, using resolved speakers before them
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i][1] or Span(0, 0)).start)
    earlier: list[tuple[Span, Sentence, Resolution]] = []
    for i in order:
        sentence, span = mentions[i]
        if span is None:
            continue
        resolved = out[i]
        if resolved is None:
            pronoun = _pronoun_of(span.of(text)) or squash(span.of(text))
            resolved = _resolve_pronoun(ctx, pronoun, span, sentence, earlier)
            out[i] = resolved
        earlier.append((span, sentence, resolved))
    return [
        _cleaned(r) if r is not None else Resolution(None, "anonymous", "unresolved") for r in out
    ]


def _cleaned(resolution: Resolution) -> Resolution:
    """A person's resolution with the name cleaned (see :func:`person_name`), the
    reason saying so when it changed."""
    if resolution.type != "person" or resolution.name is None:
        return resolution
    name = person_name(resolution.name)
    if name == resolution.name:
        return resolution
    return Resolution(
        name, "person", f"{resolution.reason}; named {name!r} (from {resolution.name!r})"
    )


#: Name suffixes that do not tell two people apart in news ("Joseph R. Biden Jr.").
_SUFFIXES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])
_INITIAL = re.compile(r"[A-Z]\.?")


@functools.lru_cache(maxsize=1 << 14)
def person_name(name: str) -> str:
    """A person's name without what is not the name: a possessive, the words up to
    the last title or honorific ("Pennsylvania Gov. Ed Rendell", "Fox News's Ed
    Henry"), leading words that cannot be names, middle initials and suffixes, so
    that one person is named one way.

    >>> person_name("Pennsylvania Gov. Ed Rendell"), person_name("Donald J. Trump's")
    ('Ed Rendell', 'Donald Trump')
    >>> person_name("Mrs. Clinton"), person_name("Joseph R. Biden Jr."), person_name("Ana Rojas")
    ('Clinton', 'Joseph Biden', 'Ana Rojas')
    """
    words = _words(name)
    if not words:
        return name
    last = words[-1]
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if last.endswith(suffix) and len(last) > len(suffix):
            words[-1] = last[: -len(suffix)]
            break
    titles = _title_words()
    cut = 0
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if low in titles or low.endswith(("'s", "\u2019s")):
            cut = i + 1
    words = words[cut:]
    starters = word_set("sentence_starters.txt")
    while len(words) > 1 and (not _is_name_word(words[0]) or words[0].lower() in starters):
        words = words[1:]  # a sentence's first word ("Meanwhile Trump")
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if not _INITIAL.fullmatch(w)), words[-1]]
    return " ".join(words) if words else name


@functools.cache
def _title_words() -> frozenset[str]:
    """Single-word titles and honorifics, as written in ``titles.txt`` ("gov.", "minister")."""
    return frozenset(t for t in _titles() if " " not in t)
