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
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, Literal, TypeVar

import attrs

from claimtrack.articles import Article
from claimtrack.lexicon import data_lines, word_categories, word_set
from claimtrack.names import Resolution, SpeakerType, resolve_speakers
from claimtrack.sentences import Sentence, split_sentences
from claimtrack.spans import Span

__all__ = [
    "Attribution",
    "AttributionKind",
    "Role",
    "SentenceKind",
    "classify_sentences",
    "cue_class",
    "cue_lemma",
    "extract_attributions",
]

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


# --- lexicons --------------------------------------------------------------------


@attrs.frozen
class _Lexicon:
    verbs: dict[str, tuple[str, str]]  # form -> (lemma, class)
    triggers: frozenset[str]  # words without which a sentence holds no cue
    nouns: frozenset[str]
    phrases: dict[tuple[str, str], tuple[tuple[str, ...], ...]]  # first two words -> phrases
    words: dict[str, frozenset[str]]  # clause word category -> words
    # word sets the rules test every token against, made once
    phrase_starts: frozenset[str]  # the first words of the phrases
    cue_words: frozenset[str]  # the verb forms and the phrases' first words
    clause_stops: frozenset[str]  # tokens a clause never reaches back over
    before_cue: frozenset[str]  # auxiliaries, adverbs and negation: "has not yet said"
    verbal_aux: frozenset[str]  # auxiliaries that never stand in a source
    noun_before: frozenset[str]  # determiners and source words: a verb after one is a noun


@functools.cache
def _lexicon() -> _Lexicon:
    verbs: dict[str, tuple[str, str]] = {}
    for line in data_lines("reporting_verbs.txt"):
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        lemma, forms = cells[0].strip(), cells[1].split()
        klass = cells[2].strip() if len(cells) > 2 else "speech"
        for form in forms:
            verbs.setdefault(form.lower(), (lemma, klass))
    nouns = {
        word.lower() for line in data_lines("reporting_nouns.txt") for word in line.split("\t")
    }
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for line in data_lines("reporting_phrases.txt"):
        phrase = tuple(_WORD.findall(line.lower()))
        if len(phrase) > 1:
            phrases.setdefault(phrase[0], []).append(phrase)
    words = word_categories("clause_words.txt")
    # phrases are looked up by their first two words
    by_two: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for group in phrases.values():
        for phrase in group:
            by_two.setdefault((phrase[0], phrase[1]), []).append(phrase)
    common: set[str] = set().union(*words.values())
    phrase_words = {
        word for group in phrases.values() for phrase in group for word in phrase
    } - common
    return _Lexicon(
        verbs,
        frozenset(verbs) | frozenset(phrase_words),
        frozenset(nouns),
        {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_two.items()},
        words,
        phrase_starts=frozenset(phrases),
        cue_words=frozenset(verbs) | frozenset(phrases),
        clause_stops=_CLAUSE_PUNCT | words["boundary"] | _QUOTE_TOKENS | {"("},
        before_cue=words["aux"] | words["adverb"] | words["negation"],
        verbal_aux=words["aux"] - {"may", "will", "can", "must"},
        noun_before=words["determiner"] | _np_words(),
    )


@functools.cache
def _np_words() -> frozenset[str]:
    """Lower-case words that can start a source noun phrase: group, title and quantifier words."""
    words = set(word_set("group_words.txt")) | set(word_set("organisation_words.txt"))
    words |= {t.split()[0] for t in word_set("titles.txt")}
    words |= {"some", "many", "several", "most", "other", "few", "both", "all", "one", "two"}
    return frozenset(words)


def cue_lemma(cue: str) -> str:
    """The lemma of a cue's reporting verb, else the cue in lower case.

    >>> cue_lemma("has denied"), cue_lemma("According to"), cue_lemma("have voiced concern")
    ('deny', 'according to', 'voice')
    """
    words = _WORD.findall(cue.lower())
    verb = _cue_verb(words)
    return verb[0] if verb is not None else " ".join(words)


def _cue_verb(words: Sequence[str]) -> tuple[str, str] | None:
    """The lemma and class of the first reporting verb of a cue's words (not an
    auxiliary), if any."""
    lex = _lexicon()
    for word in words:
        verb = lex.verbs.get(word)
        if verb is not None and word not in lex.words["aux"]:
            return verb
    return None


def cue_class(cue: str) -> str:
    """What kind of cue a cue is: the class of its reporting verb in the lexicon
    (``speech``, ``cognitive``, ``other`` or ``weak``: see ``reporting_verbs.txt``),
    ``source`` for "according to" and its like (no verb: they name a source),
    else ``noun`` when it holds a reporting noun, else ``other``.

    >>> cue_class("has denied"), cue_class("believes"), cue_class("According to")
    ('speech', 'cognitive', 'source')
    >>> cue_class("told reporters"), cue_class("in a statement")
    ('speech', 'noun')
    """
    words = _WORD.findall(cue.lower())
    verb = _cue_verb(words)
    if verb is not None:
        return verb[1]
    if words[:2] in (["according", "to"], ["as", "quoted"], ["quoted", "by"]):
        return "source"
    return "noun" if any(w in _lexicon().nouns for w in words) else "other"


@functools.cache
def _starters() -> frozenset[str]:
    """Function words that start sentences ("however", "meanwhile")."""
    return word_set("sentence_starters.txt")


@functools.cache
def _number_words() -> frozenset[str]:
    """Number and quantity words ("three", "half", "dozens") that can open a source."""
    return frozenset(
        line.split("\t")[0] for line in data_lines("change_words.txt") if line.endswith("\tnumber")
    ) | {"majority", "majorities", "minority", "most", "all", "nearly", "about", "almost"}


# --- tokens and quotes -------------------------------------------------------------

# (plain quantifiers: Python 3.10 has no possessive ones; these match the same
# either way, as nothing after them can fail)
_WORD = re.compile(r"\w+(?:[\u2019'\-.&]\w+)*")
_TOKEN = re.compile(r"\w+(?:[\u2019'\-.&]\w+)*\.?|''|``|[^\w\s]")
_OPEN_QUOTES = "\u201c\u00ab\u201e"
_CLOSE_QUOTES = "\u201d\u00bb"
_QUOTE_CHARS = _OPEN_QUOTES + _CLOSE_QUOTES + '"'
#: Quotation marks as tokens: the characters, and the doubled apostrophes and
#: backticks some newspapers and corpora use (''We will,'' he said).
_QUOTE_TOKENS = frozenset(_QUOTE_CHARS) | {"''", "``"}
_STRIP = _QUOTE_CHARS + "'`"
_QUOTE_MARK = re.compile("''|``|[" + _QUOTE_CHARS + "]")
#: Single quotation marks, which are also apostrophes: a single-quoted quotation
#: counts only when its marks pair up in a paragraph (:func:`_single_quote_spans`).
_SINGLE_MARK = re.compile("[\u2018\u2019']")
_SINGLE_OPENERS = "'\u2018"
_SINGLE_STRIP = _STRIP + "\u2018\u2019"
#: What follows an opening single mark that makes it an elision: a two-digit year
#: ('90s, '16) or a single letter closed by another mark ('n').
_ELIDED_FORM = re.compile(r"\d\d(?:s\b|\b)|[^\W\d_]['\u2019]")
_ELIDED_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_PUNCT = frozenset(",;:")
#: Words after which a cue word is a noun or an adjective, not a verb.
_NOUN_CONTEXT = frozenset(["in", "of", "for", "with", "by", "from", "into", "upon"])
#: Words that open a sentence-initial adverbial before the subject ("In a July interview, he ...").
_ADVERBIAL_OPENERS = frozenset(
    [
        "in",
        "for",
        "as",
        "after",
        "when",
        "on",
        "at",
        "during",
        "since",
        "with",
        "without",
        "despite",
        "amid",
        "though",
        "although",
        "while",
        "because",
        "if",
        "before",
        "following",
        "like",
        "unlike",
        "once",
        "until",
        "upon",
        "under",
        "over",
        "from",
        "by",
        "within",
    ]
)
_COORDINATORS = frozenset(["and", "but", "then", "or", "yet"])
#: Prepositions that open no reported content after a weak cue ("spoke about", "voted for").
_OBJECT_PREPOSITIONS = _NOUN_CONTEXT | {"about", "at", "on"}

#: Words that open a phrase which may follow a sentence-final cue ("..., she said in a video").
_TRAILING_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "during",
        "to",
        "from",
        "after",
        "before",
        "while",
        "as",
        "when",
        "via",
        "through",
        "with",
        "outside",
        "inside",
    ]
)


@attrs.frozen
class _Tokens:
    """The tokens of one sentence: offsets in the article, texts, lower-cased texts,
    and whether each is a word (starts with a letter or digit)."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    lowers: list[str]
    words: list[bool]

    def __len__(self) -> int:
        return len(self.starts)


def _tokenize(text: str, start: int, end: int) -> _Tokens:
    matches = list(_TOKEN.finditer(text, start, end))
    starts = list(map(re.Match.start, matches))
    ends = list(map(re.Match.end, matches))
    texts = list(map(re.Match.group, matches))
    if texts:
        last = texts[-1]
        if len(last) > 1 and last.endswith(".") and last.count(".") == 1 and ends[-1] == end:
            # a sentence-final period is a token of its own
            texts[-1] = last[:-1]
            ends[-1] -= 1
            starts.append(end - 1)
            ends.append(end)
            texts.append(".")
    joined = "\x00".join(texts)
    lowers = joined.lower().replace("\u2019", "'").split("\x00")
    if len(lowers) != len(texts):  # a character whose lower case is not one character
        lowers = [t.lower().replace("\u2019", "'") for t in texts]
    words = [t[0].isalnum() for t in texts]
    return _Tokens(starts, ends, texts, lowers, words)


def _is_single(text: str, quote: Span) -> bool:
    """Whether ``quote`` opens with a single quotation mark (not a doubled apostrophe)."""
    return text[quote.start] in _SINGLE_OPENERS and text[quote.start + 1 : quote.start + 2] != "'"


@functools.cache
def _elisions() -> frozenset[str]:
    return word_set("elisions.txt")


def _single_quote_spans(text: str, para: Span, double: Sequence[Span]) -> list[Span]:
    """Single-quoted quotations in a paragraph outside its double-quoted ones, marks included.

    A mark between two word characters is an apostrophe ("don't", "Ukraine's");
    one after a space or an opening bracket and before a word opens, unless an
    elision follows ("the '90s", "rock 'n' roll", "let 'em"); one after a
    non-space character and before a space, punctuation or the paragraph end
    closes.  A closing mark after "s" before a word ("the players' union") may
    be a possessive: it closes only if no plain closing mark follows.  An
    opening mark left unclosed, or one whose quotation would reach into a
    double-quoted one, makes no quotation.

    >>> t = "'We don't back the '90s plan,' he said of the players' union."
    >>> [s.of(t) for s in _single_quote_spans(t, Span(0, len(t)), [])]
    ["'We don't back the '90s plan,'"]
    """
    spans: list[Span] = []
    open_at = -1
    possessive = -1  # the end of a possessive-looking closing mark while open
    k = 0  # the next double-quoted quotation
    open_k = 0  # the value of k when the open quotation opened
    elisions = _elisions()
    end = para.end
    for mark in _SINGLE_MARK.finditer(text, para.start, end):
        i = mark.start()
        while k < len(double) and double[k].end <= i:
            k += 1
        if k < len(double) and double[k].start <= i:
            continue  # nested in a double-quoted quotation
        if open_at >= 0 and k != open_k:
            open_at, possessive = -1, -1  # it would reach over a double-quoted quotation
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before == "'" or after == "'" or (before.isalnum() and after.isalnum()):
            continue  # doubled apostrophes (a double mark) or an apostrophe in a word
        char = mark.group()
        if (
            char in _SINGLE_OPENERS
            and after.isalnum()
            and not before.isalnum()
            and before not in ".,;:!?"
        ):
            if open_at >= 0:
                if possessive < 0:
                    continue  # a mark inside the quotation ("'rock 'n' roll'")
                spans.append(Span(open_at, possessive))
                open_at, possessive = -1, -1
            if _ELIDED_FORM.match(text, i + 1, end):
                continue
            word = _ELIDED_WORD.match(text, i + 1, end)
            if word is not None and word.group().lower() in elisions:
                continue
            open_at, open_k = i, k
            continue
        if open_at < 0 or before.isspace() or char == "\u2018":
            continue
        if after.isalnum():
            continue
        if before in "sS" and after == " " and i + 2 < end and text[i + 2].isalnum():
            if possessive < 0:
                possessive = i + 1
            continue
        spans.append(Span(open_at, i + 1))
        open_at, possessive = -1, -1
    if open_at >= 0 and possessive >= 0:
        spans.append(Span(open_at, possessive))
    return spans


def _quote_spans(text: str, para: Span) -> list[Span]:
    """Quotations in a paragraph, marks included; an unclosed double-quoted one runs to
    the paragraph end, single-quoted ones count only when closed."""
    double = _double_quote_spans(text, para)
    single = _single_quote_spans(text, para, double)
    if not single:
        return double
    return sorted(double + single, key=lambda s: s.start)


def _double_quote_spans(text: str, para: Span) -> list[Span]:
    """Double-quoted quotations in a paragraph, marks included; an unclosed one runs to
    the paragraph end."""
    spans: list[Span] = []
    open_at: int | None = None
    for mark in _QUOTE_MARK.finditer(text, para.start, para.end):
        index = mark.start()
        char = mark.group()
        if char in ("''", "``"):
            char = "\u201c" if char == "``" else '"'
        if char in _OPEN_QUOTES or (char == '"' and open_at is None):
            if open_at is None:
                open_at = index
            elif char in _OPEN_QUOTES:
                # a new opening before a close: news style reopens; close the old one here
                spans.append(Span(open_at, index))
                open_at = index
        elif open_at is not None:
            spans.append(Span(open_at, mark.end()))
            open_at = None
    if open_at is not None:
        spans.append(Span(open_at, para.end))
    return spans


# --- the rules ----------------------------------------------------------------------


@attrs.frozen
class _Raw:
    """An attribution before speaker resolution."""

    sentence: Sentence
    kind: AttributionKind
    content: tuple[Span, ...]
    cue: Span | None
    speaker: Span | None
    pattern: str


_T = TypeVar("_T")


class _table(Generic[_T]):  # lower case: a decorator, as cached_property
    """A table of :class:`_SentenceRules`, built the first time it is read.

    :func:`functools.cached_property` without its lock (which Python 3.11 takes
    for every first read, a cost a sentence's many small tables feel): a
    sentence's rules are never shared between threads.
    """

    def __init__(self, build: Callable[[Any], _T]) -> None:
        self.build = build
        self.name = build.__name__

    def __get__(self, rules: Any, owner: type | None = None) -> _T:
        # stored under the same name in the instance, which shadows this descriptor
        value = rules.__dict__[self.name] = self.build(rules)
        return value


class _SentenceRules:
    """Apply the attribution rules to one sentence."""

    def __init__(
        self,
        article: Article,
        sentence: Sentence,
        quotes: Sequence[Span],
        lex: _Lexicon,
        following_quote: Span | None = None,
        quote_starts: Sequence[int] | None = None,
    ) -> None:
        self.following_quote = following_quote
        self.text = article.clean_text
        self.sentence = sentence
        self.quotes = quotes
        self.lex = lex
        # the starts of the paragraph's quotations: shared by its sentences, as a
        # list per sentence made a long paragraph quadratic
        self.quote_starts = quote_starts if quote_starts is not None else [q.start for q in quotes]
        self.tok = _tokenize(article.clean_text, sentence.body_start, sentence.end)
        self.mark_single_quotes()
        self.words = lex.words
        self.found: list[_Raw] = []
        # characters of the sentence already taken by a content or a speaker
        self.blocked = bytearray(sentence.end - sentence.start)

    # -- helpers --
    def mark_single_quotes(self) -> None:
        """Make the marks of single-quoted quotations quotation-mark tokens, as the rules
        read double ones ('"' in ``tok.lowers``); apostrophes stay as they are."""
        tok, text = self.tok, self.text
        if not tok.starts:
            return
        k = bisect.bisect_right(self.quote_starts, tok.starts[0]) - 1
        for quote in self.quotes[max(k, 0) :]:
            if quote.start >= tok.ends[-1]:
                break
            if not _is_single(text, quote):
                continue
            for offset in (quote.start, quote.end - 1):
                j = bisect.bisect_left(tok.starts, offset)
                if j < len(tok) and tok.starts[j] == offset and tok.ends[j] == offset + 1:
                    tok.lowers[j] = '"'

    def quote_at(self, offset: int) -> Span | None:
        """The quotation holding ``offset``, if any (quotations are ordered and disjoint)."""
        k = bisect.bisect_right(self.quote_starts, offset) - 1
        if k >= 0 and offset < self.quotes[k].end:
            return self.quotes[k]
        return None

    def single_quote_in(self, span: Span) -> bool:
        """Whether a single-quoted quotation starts inside ``span``."""
        k = bisect.bisect_left(self.quote_starts, span.start)
        return (
            k < len(self.quotes)
            and self.quotes[k].start < span.end
            and _is_single(self.text, self.quotes[k])
        )

    def block(self, span: Span) -> None:
        base = self.sentence.start
        a, b = max(span.start - base, 0), min(span.end - base, len(self.blocked))
        if b > a:
            self.blocked[a:b] = b"\x01" * (b - a)

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.tok.words) and self.tok.words[i]

    def cue_candidates(self) -> list[tuple[int, int, str, str]]:
        """(first token, last token + 1, lemma, class) of every possible cue."""
        lowers = self.tok.lowers
        lex = self.lex
        out = []
        n = len(lowers)
        after_phrase = 0  # a phrase's words are no cues of their own
        # most tokens are no cue word: the loop visits only those that are
        for i in [i for i, low in enumerate(lowers) if low in lex.cue_words]:
            if i < after_phrase:
                continue
            low = lowers[i]
            group = lex.phrases.get((low, lowers[i + 1])) if i + 1 < n else None
            for phrase in group or ():
                k = len(phrase)
                if tuple(lowers[i : i + k]) == phrase:
                    out.append((i, i + k, " ".join(phrase), "phrase"))
                    after_phrase = i + k
                    break
            if i < after_phrase:
                continue
            verb = lex.verbs.get(low)
            if verb is not None:
                out.append((i, i + 1, verb[0], verb[1]))
        return out

    # -- scans of the sentence, each made once --
    # A sentence may be one long paragraph with a cue every few words: a scan to
    # the clause start, the next stop or the sentence end for every cue made
    # such sentences quadratic.  Each scan below is a table over the tokens,
    # built the first time it is needed, answering as the scan did.

    # (The tables are built by comprehensions that carry the last value found in
    # ``last``: the loops they replace were a tenth of the extraction time.)

    @_table
    def _clause_starts(self) -> list[int]:
        """For each ``i`` in ``0..n``: :meth:`clause_start` of ``i``."""
        stops = self.lex.clause_stops
        last = 0
        return [0] + [
            (last := j) if low in stops else last for j, low in enumerate(self.tok.lowers, 1)
        ]

    @_table
    def _aux_starts(self) -> list[int]:
        """For each ``i`` in ``0..n``: :meth:`skip_aux_left` of ``i``."""
        skip = self.lex.before_cue
        last = 0
        return [0] + [
            last if low in skip else (last := j) for j, low in enumerate(self.tok.lowers, 1)
        ]

    @_table
    def _word_counts(self) -> list[int]:
        """For each ``i`` in ``0..n``: how many of the tokens before ``i`` are words."""
        return list(itertools.accumulate(self.tok.words, initial=0))

    def words_between(self, a: int, b: int) -> int:
        """``sum(self.is_word(k) for k in range(a, b))``."""
        counts = self._word_counts
        n = len(counts) - 1
        a, b = min(max(a, 0), n), min(max(b, 0), n)
        return counts[b] - counts[a] if b > a else 0

    @_table
    def _quote_counts(self) -> list[int]:
        """For each ``i`` in ``0..n``: how many of the tokens before ``i`` are quotation marks."""
        marks = [low in _QUOTE_TOKENS for low in self.tok.lowers]
        return list(itertools.accumulate(marks, initial=0))

    def quotes_between(self, a: int, b: int) -> bool:
        """Whether a token in ``range(a, b)`` is a quotation mark."""
        counts = self._quote_counts
        n = len(counts) - 1
        a, b = min(max(a, 0), n), min(max(b, 0), n)
        return b > a and counts[b] > counts[a]

    @_table
    def _last_verbal(self) -> list[int]:
        """For each ``i`` in ``0..n``: the last token before ``i`` that :meth:`is_verbal`, or -1."""
        is_verbal = self.is_verbal
        last = -1
        return [-1] + [(last := k) if is_verbal(k) else last for k in range(len(self.tok))]

    @_table
    def _next_words(self) -> list[int]:
        """For each ``i`` in ``0..n``: the first word token at or after ``i``, or n."""
        n = len(self.tok)
        out = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            out[k] = k if self.tok.words[k] else out[k + 1]
        return out

    @_table
    def _next_clause_ends(self) -> list[int]:
        """For each ``i`` in ``0..n``: the first token at or after ``i`` that is clause
        punctuation or in ``".?!"``, or n."""
        lowers = self.tok.lowers
        n = len(lowers)
        out = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            low = lowers[k]
            out[k] = k if low in _CLAUSE_PUNCT or low in ".?!" else out[k + 1]
        return out

    @_table
    def _end_before_marks(self) -> int:
        """Where the sentence ends without its final ".", "?", "!" and quotation marks."""
        lowers = self.tok.lowers
        end = len(lowers)
        while end > 0 and (lowers[end - 1] in (".", "?", "!") or lowers[end - 1] in _QUOTE_TOKENS):
            end -= 1
        return end

    def clause_start(self, i: int) -> int:
        """Index of the first token of the clause that ends before token ``i``."""
        return self._clause_starts[i]

    def skip_aux_left(self, i: int) -> int:
        """Move left from token ``i`` over auxiliaries, adverbs and negation."""
        return self._aux_starts[i]

    def speaker_before(self, cue_first: int) -> tuple[Span | None, int]:
        """The source mention ending just before the cue (auxiliaries skipped).

        Returns the span and the index of its first token (or -1).
        """
        tok = self.tok
        end = self.skip_aux_left(cue_first)
        if end == 0:
            return None, -1
        if tok.lowers[end - 1] in _COORDINATORS:
            return None, -1  # "X noted ... and added": the subject is shared
        if tok.lowers[end - 1] == ",":
            # "Chile's top diplomat, Ana Rojas, said": an apposition before the cue
            inner_end = end - 1
            inner_start = self.clause_start(inner_end)
            if inner_start >= inner_end:
                return None, -1
            relative = inner_start
            interrupter = self.words["interrupter"]
            if relative >= 1 and tok.lowers[relative - 1] in interrupter:
                relative -= 1  # clause_start stops after "which" or "while", boundary words
            if relative >= 1 and tok.lowers[relative - 1] == "," and self.interrupts(relative):
                # "Sanders, who has already sent pleas, said ...", "The mayor, speaking
                # Monday, said ...": the subject is before the phrase
                subject_end = relative - 1
                subject_start = self.clause_start(subject_end)
                if (
                    subject_start < subject_end
                    and subject_end - subject_start <= 8
                    and self.np_start(subject_start)
                    and not any(self.is_verbal(k) for k in range(subject_start, subject_end))
                ):
                    if subject_start >= 2 and tok.lowers[subject_start - 1] == ",":
                        subject_start = self.apposition_start(subject_start)
                        if subject_start < 0:
                            return None, -1
                    return (
                        Span(tok.starts[subject_start], tok.ends[subject_end - 1]),
                        subject_start,
                    )
                return None, -1
            start = inner_start
            if inner_start >= 2 and tok.lowers[inner_start - 1] == ",":
                outer_start = self.clause_start(inner_start - 1)
                if inner_start - 1 - outer_start <= 6 and outer_start < inner_start - 1:
                    start = outer_start
            if inner_end - start > 14 or not self.np_start(start):
                return None, -1
            if any(self.is_verbal(k) for k in range(start, inner_end)):
                return None, -1
            return Span(tok.starts[start], tok.ends[inner_end - 1]), start
        start = self.clause_start(end)
        # a source holds no verb: stop at the nearest auxiliary or reporting verb
        verbal = self._last_verbal[end]
        if verbal >= start:
            start = verbal + 1
        # a leading preposition phrase ("On Tuesday Smith said") stays: overlap scoring is loose
        if start < end:
            start = min(self._next_words[start], end)
        if start + 1 < end and tok.lowers[start] == "and" and self.report_follows(start - 1):
            start += 1  # "C, and the minister says C2": a report of its own
        if start >= end or end - start > 20 or not self.np_start(start):
            return None, -1
        if self.prepositional_object(start, end):
            return None, -1
        return Span(tok.starts[start], tok.ends[end - 1]), start

    def prepositional_object(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` are a preposition and a common noun phrase ("In a
        statement released ...", "In a video posted ..."): the verb after them qualifies
        the noun; a source would be named after them ("On Tuesday Smith said")."""
        tok, w = self.tok, self.words
        if end - start < 3 or tok.lowers[start] not in _ADVERBIAL_OPENERS:
            return False
        if tok.lowers[start + 1] not in w["determiner"]:
            return False
        return not any(
            tok.texts[k][0].isupper() or tok.texts[k][0].isdigit() or tok.lowers[k] in w["pronoun"]
            for k in range(start + 2, end)
        )

    def apposition_start(self, start: int) -> int:
        """Where a subject starting at token ``start``, after a comma, really starts.

        It takes in the noun phrases and short phrases before it, comma by comma
        ("Senator Sheldon Whitehouse, a Democrat from Rhode Island, ...", "Donna
        Rawlings, 59, of Ashton, Md., ..."); it stops at an opening phrase ("In
        Washington, the mayor, ...", "Still, Petrilli, ..."); it is -1 when the
        subject ends a clause with a verb or a longer phrase ("... warned the
        Chinese leader, Xi Jinping, ...", "... who was to travel to Columbus,
        Ohio, ...").
        """
        tok, w = self.tok, self.words
        first_start = start
        for _ in range(4):
            if start < 2 or tok.lowers[start - 1] != ",":
                return start
            outer_start = self.clause_start(start - 1)
            size = start - 1 - outer_start
            if size <= 0:
                return start
            first = tok.lowers[outer_start]
            if size == 1 and (first in w["adverb"] or first in _starters() or first.endswith("ly")):
                return start  # "Still, Petrilli, who ..., called"
            verbal = any(self.is_verbal(k) for k in range(outer_start, start - 1))
            phrase = first in w["interrupter"]
            if phrase and outer_start == 0:
                return start  # "In Washington, the mayor, ..."
            if not verbal and (
                (size <= 6 and self.np_start(outer_start) and not phrase) or (phrase and size <= 4)
            ):
                if first_start - outer_start > 20:
                    return start
                start = outer_start
                continue
            if start == first_start and outer_start > 0 and (verbal or phrase):
                return -1
            return start
        return start

    def interrupts(self, k: int) -> bool:
        """Whether token ``k`` opens a phrase that may stand between a source and its cue:
        a relative pronoun, a preposition or subordinator, a time word or a participle."""
        low, text = self.tok.lowers[k], self.tok.texts[k]
        w = self.words
        return (
            low in w["interrupter"]
            or low in w["temporal"]
            or (low.endswith(("ing", "ed")) and len(low) > 4 and text.isalpha() and text.islower())
        )

    def is_verbal(self, k: int) -> bool:
        """Whether token ``k`` is an auxiliary or a reporting verb form (never in a source)."""
        lowers, lex = self.tok.lowers, self.lex
        low = lowers[k]
        if low in lex.verbal_aux:
            return True
        if low not in lex.verbs:
            return False
        if k == 0:
            return True
        before = lowers[k - 1]
        # after a determiner, a quantifier or a possessive it is a noun: "some advocates"
        return not (before in lex.noun_before or before.endswith("'s"))

    def np_start(self, k: int) -> bool:
        """Whether a noun phrase can start at token ``k``."""
        text = self.tok.texts[k]
        low = self.tok.lowers[k]
        return (
            text[0].isupper()
            or text[0].isdigit()
            or low in self.words["determiner"]
            or low in self.words["pronoun"]
            or low in _np_words()
            or low.split("-")[0] in _number_words()  # "three-quarters of the voters"
        )

    def speaker_after(self, i: int) -> Span | None:
        """The source mention right after a cue ("..., said John Smith, a spokesman.")."""
        tok = self.tok
        j = i
        n = len(tok)
        while j < n and tok.lowers[j] not in _CLAUSE_PUNCT and tok.lowers[j] not in ".?!":
            if tok.lowers[j] in _QUOTE_TOKENS:
                break
            j += 1
            if j - i > 15:
                return None  # too long for a source, wherever it stops
        if j == i:
            return None
        if not self.namey(i, j) and not (
            tok.lowers[i] in ("the", "a", "an")
            and (j >= n or tok.lowers[j] in ".?!")
            # "said the senator." names a source; "said the company would appeal." is
            # what was said: a source holds no verb
            and not any(
                tok.lowers[k] in self.words["aux"] or tok.lowers[k] in self.lex.verbs
                for k in range(i, j)
            )
        ):
            return None
        return Span(tok.starts[i], tok.ends[j - 1])

    def namey(self, a: int, b: int) -> bool:
        """Whether tokens ``a:b`` look like a source named after its cue ("said John Smith",
        "said 9/11 widow Terry Strada")."""
        tok = self.tok
        if (
            b - a >= 2
            and b - a <= 8
            and tok.texts[b - 1][0].isupper()
            and tok.texts[b - 2][0].isupper()
        ):
            return all(tok.lowers[k] not in self.lex.verbs for k in range(a, b))
        if not self.np_start(a):
            return False
        for k in range(a, b):
            text, low = self.tok.texts[k], self.tok.lowers[k]
            if not (
                text[0].isupper()
                or text[0].isdigit()
                or low in _np_words()
                or low in self.words["determiner"]
                or low in ("of", "for", "at", "and", "'s", "'", "-", "in", "on", "(", ")", ".")
            ):
                return False
        return True

    def content_after(self, i: int, lemma: str) -> tuple[int, int] | None:
        """Token range of an indirect content starting at token ``i`` (after a cue)."""
        tok, w = self.tok, self.words
        n = len(tok)
        # skip an object, an audience or time words up to a nearby "that"
        skippable = w["object"] | w["temporal"] | w["determiner"] | _NOUN_CONTEXT
        for j in range(i, min(n, i + 9)):
            low = tok.lowers[j]
            if low == "that":
                # "I think that is his intent": "that" is the subject, not a complementizer
                nxt = tok.lowers[j + 1] if j + 1 < n else ""
                if not (nxt in w["aux"] or nxt in ("'s", "is", "was")):
                    i = j + 1
                break
            if not (low in skippable or tok.texts[j][0].isupper() or low in self.lex.nouns):
                break
        if lemma in ("tell", "ask", "urge", "warn", "assure", "remind", "inform") and i < n:
            low = tok.lowers[i]
            if low in w["object"]:
                i += 1
        while i < n and (
            (tok.lowers[i] in w["temporal"] and not tok.texts[i][0].isupper())
            or tok.lowers[i]
            in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        ):
            i += 1
        while i < n and tok.lowers[i] in (",", ":"):
            i += 1
        end = self.content_end(i)
        words = self.words_between(i, end)
        # short contents only as a clause: "a vote that the opposition say was rigged"
        if words < 2 or (words == 2 and tok.lowers[i] not in w["aux"]):
            return None
        return i, end

    def content_end(self, i: int) -> int:
        """Where a content starting at token ``i`` stops: sentence end, or a new clause."""
        n = len(self.tok)
        if i >= n:
            return i
        stops_anywhere, next_stop, trimmed_end = self._content_stops
        if stops_anywhere[i]:
            return i
        stop = next_stop[i + 1]
        if stop < n:
            return stop
        # no stop: the sentence end, final punctuation dropped
        return max(i, trimmed_end)

    @_table
    def _content_stops(self) -> tuple[list[bool], list[int], int]:
        """What :meth:`content_end` needs, for every token at once.

        For each token, whether it stops a content that starts at it or before
        (";", a comma before a second attribution, "but", "saying" or a saying
        verb); for each ``i`` in ``0..n``, the first token at or after ``i`` that
        stops a content starting before it (those, or "and"/"but" before a
        verb), else n; and where the sentence ends without its final punctuation.
        """
        tok, lex = self.tok, self.lex
        lowers = tok.lowers
        n = len(tok)
        stops_anywhere = [False] * n
        stops_after_start = [False] * n
        for j, low in enumerate(lowers):
            if j + 1 >= n:
                stops_anywhere[j] = low == ";"
                continue
            nxt = lowers[j + 1]
            if low == ";":
                stops_anywhere[j] = True
            elif low == ",":
                verb = lex.verbs.get(nxt)
                stops_anywhere[j] = (
                    nxt in ("but", "while", "saying", "adding", "noting", "according", "citing")
                    or bool(verb and (nxt.endswith("ing") or verb[1] == "speech"))
                    or self.attribution_follows(j)
                    or self.report_follows(j)
                )
            elif low in ("and", "but"):
                verb = lex.verbs.get(nxt)
                stops_after_start[j] = bool(
                    verb and not nxt.endswith("ing") and verb[1] != "other"
                ) or nxt in ("noted", "added", "said", "pressed", "urged", "warned")
        next_stop = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            next_stop[j] = j if stops_anywhere[j] or stops_after_start[j] else next_stop[j + 1]
        trimmed_end = n
        while trimmed_end > 0 and lowers[trimmed_end - 1] in (
            ".",
            "?",
            "!",
            ",",
            ":",
            ";",
            "-",
            "\u2014",
        ):
            trimmed_end -= 1
        return stops_anywhere, next_stop, trimmed_end

    def attribution_follows(self, comma: int) -> bool:
        """Whether ", <source> <saying verb>" closes the sentence after token ``comma``."""
        tok, lex = self.tok, self.lex
        n = len(tok)
        for v in range(comma + 2, min(n, comma + 9)):
            verb = lex.verbs.get(tok.lowers[v])
            if verb is None:
                continue
            source_end = self.skip_aux_left(v)
            pronoun = source_end == comma + 2 and tok.lowers[comma + 1] in self.words["pronoun"]
            if verb[1] != "speech" or not (pronoun or self.namey(comma + 1, source_end)):
                return False  # ", he said." closes the sentence as ", Smith said." does
            # at most 6 words follow the verb, none of them "that" (stop at the 7th)
            words = 0
            for k in range(v + 1, n):
                if tok.words[k]:
                    words += 1
                    if words > 6 or tok.lowers[k] == "that":
                        return False
            return True
        return False

    def report_follows(self, comma: int) -> bool:
        """Whether a report of its own, ", <source> <saying verb> <content>", follows
        token ``comma`` ("He says taxes will rise, she says they will fall.")."""
        tok, lex, w = self.tok, self.lex, self.words
        lowers = tok.lowers
        n = len(tok)
        j = comma + 1
        if j < n and lowers[j] == "and":
            j += 1
        if j >= n or not self.np_start(j):
            return False
        k = j + 1
        if lowers[j] not in w["pronoun"]:
            # a short noun phrase: no verb, no punctuation
            while k < n and k - j < 5 and tok.words[k] and lowers[k] not in lex.verbs:
                k += 1
        while k < n and (lowers[k] in w["aux"] or lowers[k] in w["adverb"]):
            k += 1
        verb = lex.verbs.get(lowers[k]) if k < n else None
        if verb is None or verb[1] != "speech" or lowers[k].endswith("ing"):
            return False
        # a content of two words or more follows, not a phrase ("said in a statement")
        nxt = k + 1
        return (
            self.words_between(nxt, min(n, nxt + 2)) == 2
            and lowers[nxt] not in _TRAILING_PREPOSITIONS
            and lowers[nxt] not in _OBJECT_PREPOSITIONS
            and lowers[nxt] not in w["temporal"]
        )

    def add(
        self,
        pattern: str,
        content: Sequence[Span],
        cue: Span | None,
        speaker: Span | None,
        kind: AttributionKind | None = None,
    ) -> None:
        pieces = tuple(s for s in content if s.end > s.start)
        if not pieces:
            return
        if kind is None:
            quoted = any(
                _QUOTE_MARK.search(p.of(self.text)) or self.single_quote_in(p) for p in pieces
            )
            kind = "mixed" if quoted else "indirect"
        self.found.append(_Raw(self.sentence, kind, pieces, cue, speaker, pattern))
        for piece in pieces:
            self.block(piece)
        if speaker is not None:
            self.block(speaker)

    def tokens_span(self, a: int, b: int) -> Span:
        return Span(self.tok.starts[a], self.tok.ends[b - 1])

    def strip_quotes(self, span: Span) -> Span:
        return _strip_marks(self.text, span)

    # -- rules --
    def run(self) -> list[_Raw]:
        tok = self.tok
        n = len(tok)
        if n == 0 or self.sentence.boilerplate:
            return []
        base = self.sentence.start
        self.colon_source()
        for first, last, lemma, klass in self.cue_candidates():
            # a cue inside reported content or a speaker belongs to it
            if self.blocked[tok.starts[first] - base]:
                continue
            if klass == "phrase" and lemma != "according to" and self.found:
                continue  # "said at a rally": the verb was the cue
            self.try_cue(first, last, lemma, klass)
        return self.found

    def colon_source(self) -> bool:
        """'Name: content' -- a headline or transcript line led by its source
        ("Joe Scarborough: Trump Is 'Disqualifying.'", "FALLIN: Well, I think ...")."""
        tok = self.tok
        n = len(tok)
        k = next((j for j in range(min(n, 7)) if tok.lowers[j] == ":"), -1)
        if k <= 0 or not tok.texts[0][0].isupper() or not self.namey(0, k):
            return False
        if any(tok.lowers[j] in self.words["label"] for j in range(k)):
            return False  # "The Latest:", "Delegate Update:", "Editor's note:"
        if sum(self.is_word(j) for j in range(k + 1, n)) < 3:
            return False
        end = n
        while end > k + 1 and tok.lowers[end - 1] in (".", "?", "!"):
            end -= 1
        content = self.tokens_span(k + 1, end)
        quoted = self.quote_at(content.start)
        kind: AttributionKind | None = None
        if quoted is not None and quoted.start == content.start and quoted.end >= content.end:
            content, kind = self.strip_quotes(content), "direct"
        self.add("colon", [content], self.tokens_span(k, k + 1), self.tokens_span(0, k), kind)
        return True

    def try_cue(self, first: int, last: int, lemma: str, klass: str) -> bool:
        tok, w = self.tok, self.words
        n = len(tok)
        low = tok.lowers[first]
        prev = tok.lowers[first - 1] if first > 0 else ""
        nxt = tok.lowers[last] if last < n else ""
        cue_start_tok = self.skip_aux_left(first)
        cue = Span(tok.starts[cue_start_tok], tok.ends[last - 1])
        bare_cue = self.tokens_span(first, last)

        if lemma == "according to":
            return self.according_to(first, last)
        if prev == "to" or (prev in w["determiner"] and prev != "that"):
            return False  # infinitive, or a noun ("the report")
        if last - first == 1 and self.attributive(first):
            return False  # an adjective: "a heavily criticised performance"
        if last - first == 1 and (
            prev in _NOUN_CONTEXT or prev.endswith("'s") or prev[:1].isdigit()
        ):
            # a noun or adjective: "in praise of", "Trump's repeated accusations",
            # "271 pledged delegates"
            return False
        if not low.endswith("ing") and any(
            tok.lowers[k] in w["passive"] for k in range(cue_start_tok, first)
        ):
            return False  # passive: "was accused", "was not asked"
        if (
            low.endswith("ing")
            and last - first == 1
            and prev != ","
            and not any(tok.lowers[k] in w["aux"] for k in range(cue_start_tok, first))
        ):
            return False  # a participle or gerund without its comma: "told cheering supporters"
        in_quote = self.quote_at(tok.starts[first])
        if in_quote is not None and not (
            in_quote.end <= self.sentence.end
            and in_quote.start >= self.sentence.start
            and in_quote.end < tok.starts[first]
        ):
            return False  # inside quoted speech

        # "C," S V / "C," V S  (a quotation before the cue); a participle after a comma
        # ('"C," Tester said, referring to ...') belongs to the participle rule below
        participle = low.endswith("ing") and prev == ","
        quote = None if participle else self.quote_before(cue_start_tok)
        if quote is not None:
            speaker, _ = self.speaker_before(first) if cue_start_tok > 0 else (None, -1)
            if speaker is not None and speaker.start < quote.end:
                speaker = None
            if speaker is None:
                speaker = self.speaker_after(last)
            content = [self.strip_quotes(quote)]
            # "Y1," he said, "Y2"
            after = self.quote_after(last, allow_speaker=True)
            if after is not None:
                content.append(self.strip_quotes(after))
            self.add("quote_then_cue", content, bare_cue, speaker, "direct")
            return True

        # participial ", saying (that) C"
        if participle and klass in ("speech", "cognitive", "phrase"):
            rng = self.content_after(last, lemma)
            quote_after = self.quote_after(last)
            if quote_after is not None:
                self.add(
                    "participle_quote",
                    [self.strip_quotes(quote_after)],
                    bare_cue,
                    self.shared_speaker(first),
                    "direct",
                )
                return True
            if rng is not None:
                self.add(
                    "participle_content",
                    [self.tokens_span(*rng)],
                    bare_cue,
                    self.shared_speaker(first),
                )
                return True
            return False
        if low.endswith("ing") and (first == 0 or tok.lowers[first - 1] not in w["aux"]):
            return False  # a participle without its comma: "...the reporting requirements"

        # S V: "C" / S V "C"
        quote_after = self.quote_after(last)
        if quote_after is not None:
            speaker, _ = self.speaker_before(first)
            if speaker is None and cue_start_tok > 0:
                speaker = self.shared_speaker(first)
            k = bisect.bisect_left(tok.starts, quote_after.end)
            end = self.content_end(k) if k < len(tok) else k
            if self.words_between(k, end) >= 3:
                # 'admitted "one or two instances" where donations may have slipped': mixed
                start = bisect.bisect_left(tok.starts, quote_after.start)
                self.add("cue_then_quote", [self.tokens_span(start, end)], cue, speaker, "mixed")
                return True
            self.add("cue_then_quote", [self.strip_quotes(quote_after)], cue, speaker, "direct")
            return True

        # C, S V.  /  C, V S.  (cue closes the sentence) -- saying verbs only
        tail = self.clause_tail(first, last) if klass in ("speech", "cognitive") else None
        if tail is not None:
            content_end, speaker = tail
            if content_end > 0:
                self.add("content_then_cue", [self.tokens_span(0, content_end)], bare_cue, speaker)
                return True

        # parenthetical: C1, S V, C2
        paren = self.parenthetical(first, last) if klass in ("speech", "cognitive") else None
        if paren is not None:
            c1, speaker, c2 = paren
            self.add("parenthetical", [c1, c2], bare_cue, speaker)
            return True

        # S V (that) C
        rng = self.content_after(last, lemma)
        if rng is None:
            if klass in ("other", "weak") and nxt not in ("that", ":"):
                return False
            return self.cue_then_next_paragraph(first, last, cue)
        # weaker cues need a complement clause ("found last week that"), a colon, or a
        # quotation in what follows ("called it a 'fundamental mistake'")
        has_that = "that" in tok.lowers[last : rng[0]]
        quoted = self.quotes_between(rng[0], rng[1])
        speaker, _ = self.speaker_before(first)
        clause = has_that or nxt == ":" or quoted
        if klass == "weak" and not clause:
            return False  # verbs seldom used to report speech need a clause or a quotation
        if klass in ("other", "cognitive") and not (
            clause or (klass == "cognitive" and nxt in w["pronoun"])
        ):
            # with a plain object, only after a named subject: "Clinton endorsed the plan"
            named_subject = speaker is not None and self.text[speaker.start].isupper()
            if not named_subject or tok.lowers[rng[0]] in _OBJECT_PREPOSITIONS:
                return False
        if speaker is None and cue_start_tok > 0 and tok.lowers[cue_start_tok - 1] in _COORDINATORS:
            speaker = self.shared_speaker(first)
        if speaker is None:
            return False
        self.add("subject_cue_content", [self.tokens_span(*rng)], cue, speaker)
        return True

    def cue_then_next_paragraph(self, first: int, last: int, cue: Span) -> bool:
        """'X wrote: / "..."': a cue closing its paragraph with a colon, quoted next."""
        tok = self.tok
        if self.following_quote is None or tok.lowers[-1] != ":":
            return False
        if self.quotes_between(last, len(tok)):
            return False
        speaker, _ = self.speaker_before(first)
        if speaker is None:
            return False
        content = self.strip_quotes(self.following_quote)
        self.add("cue_then_next_paragraph", [content], cue, speaker, "direct")
        return True

    def quote_before(self, i: int) -> Span | None:
        """A quotation ending right before token ``i`` (a comma or dash may stand between)."""
        tok = self.tok
        j = i - 1
        # the speaker may stand between the quote and the cue: '"...," he said'
        k = j
        steps = 0
        while k >= 0 and steps < 8 and tok.lowers[k] not in _QUOTE_TOKENS:
            if tok.lowers[k] in (".", ";") or (tok.lowers[k] in _CLAUSE_PUNCT and steps > 0):
                break
            k -= 1
            steps += 1
        if k < 0 and steps < 8:
            if self.clause_tail_is_short(i) or self.phrase_follows_cue(i):
                return self.quote_ending_before_sentence()
            return None
        if k < 0 or tok.lowers[k] not in _QUOTE_TOKENS:
            return None
        quote = self.quote_at(tok.starts[k])
        if quote is None or quote.end != tok.ends[k]:
            return None
        # the quotation opens the sentence, or runs on from an earlier one: a quoted
        # title inside the sentence ('on Fox's "Hannity," Gingrich said if ...') is not it
        opening = bisect.bisect_left(tok.starts, quote.start)
        if quote.start >= self.sentence.body_start and opening > 2:
            return None
        # the quote must end with a comma, ?, ! or a dash inside or right after it
        inner = self.text[max(quote.start, quote.end - 3) : quote.end]
        after = tok.lowers[k + 1] if k + 1 < len(tok) else ""
        if not any(c in ",?!\u2014-" for c in inner) and after not in (",", "\u2014", "-"):
            return None
        return quote

    def attributive(self, first: int) -> bool:
        """Whether the verb at token ``first`` qualifies a noun, after a determiner or a
        possessive and adverbs ("a heavily criticised performance", "the minister's
        widely praised plan")."""
        lowers, adverbs = self.tok.lowers, self.words["adverb"]
        j = first - 1
        while j >= 0 and lowers[j] in adverbs:
            j -= 1
        if j == first - 1 or j < 0:
            return False
        before = lowers[j]
        return (before in self.words["determiner"] and before != "that") or before.endswith("'s")

    def clause_tail_is_short(self, cue_first: int) -> bool:
        """Whether the sentence ends soon after the cue at ``cue_first`` ("Rubio said.",
        "said the senator on Friday."): no content of its own follows."""
        tok = self.tok
        n = len(tok)
        rest = []
        for k in range(cue_first + 1, n):
            if self.is_word(k):
                rest.append(k)
                if len(rest) > 8:
                    return False
        return not any(tok.lowers[k] == "that" or tok.lowers[k] in self.words["aux"] for k in rest)

    def phrase_follows_cue(self, cue_first: int) -> bool:
        """Whether the cue at ``cue_first`` is followed by a phrase, not a content
        ('"Who do they think they are?" / Trump said of Apple in February, ...')."""
        tok = self.tok
        j = cue_first + 1
        while j < len(tok) and not tok.words[j] and tok.lowers[j] not in _QUOTE_TOKENS:
            j += 1
        return j < len(tok) and tok.lowers[j] in _TRAILING_PREPOSITIONS | {"of", "about"}

    def quote_ending_before_sentence(self) -> Span | None:
        """A quotation that closes the previous sentence of the paragraph ('"...?" Rubio said.')."""
        start = self.sentence.body_start
        k = bisect.bisect_right(self.quote_starts, start) - 1
        if k >= 0:
            quote = self.quotes[k]
            if quote.end <= start and not self.text[quote.end : start].strip():
                return quote
        return None

    def quote_after(self, i: int, allow_speaker: bool = False) -> Span | None:
        """A quotation starting right after token ``i`` (``:`` or ``,`` may stand between)."""
        tok = self.tok
        j = i
        n = len(tok)
        steps = 0
        while j < n and tok.lowers[j] not in _QUOTE_TOKENS and steps < (6 if allow_speaker else 2):
            if tok.lowers[j] not in (",", ":", "that", "\u2014", "-") and not allow_speaker:
                return None
            j += 1
            steps += 1
        if j >= n or tok.lowers[j] not in _QUOTE_TOKENS:
            return None
        quote = self.quote_at(tok.starts[j])
        if quote is None or quote.start != tok.starts[j]:
            return None
        return quote

    def clause_tail(self, first: int, last: int) -> tuple[int, Span | None] | None:
        """For 'C, S V.' and 'C, V S.': the end of C and the speaker, if the cue closes the sentence."""
        tok = self.tok
        # after the cue: only an optional speaker / time words, then the sentence end
        j = last
        speaker_after = None
        end = self._end_before_marks
        before = self.skip_aux_left(first)
        if before > 0 and tok.lowers[before - 1] == ",":
            # "C, said S." -- speaker after the cue
            if j < end:
                span = self.speaker_after(j)
                if span is None or tok.ends[end - 1] > span.end + 40:
                    return None
                speaker_after = span
            return before - 1, speaker_after
        # "C, S said." / "C, S said in a video message."
        if j != end and not (
            (tok.lowers[j] in self.words["temporal"] or tok.lowers[j] in _TRAILING_PREPOSITIONS)
            and end - j <= 10
            and not any(
                tok.lowers[k] == "that"
                or tok.lowers[k] in _QUOTE_TOKENS
                or tok.lowers[k] in self.words["aux"]
                or tok.lowers[k] in self.lex.verbs
                for k in range(j, end)
            )
        ):
            return None
        start = self.clause_start(before)
        if start == 0 or tok.lowers[start - 1] != ",":
            return None
        if before - start > 8 or before == start:
            return None
        return start - 1, self.tokens_span(start, before)

    def parenthetical(self, first: int, last: int) -> tuple[Span, Span, Span] | None:
        """'C1, S V, C2': the cue and its speaker between commas inside the content."""
        tok = self.tok
        n = len(tok)
        if last >= n or tok.lowers[last] != ",":
            return None
        before = self.skip_aux_left(first)
        start = self.clause_start(before)
        if start == 0 or tok.lowers[start - 1] != "," or before - start > 6 or before == start:
            return None
        c2_end = self.content_end(last + 1)
        if start - 1 <= 0 or c2_end <= last + 1:
            return None
        return (
            self.tokens_span(0, start - 1),
            self.tokens_span(start, before),
            self.tokens_span(last + 1, c2_end),
        )

    def according_to(self, first: int, last: int) -> bool:
        tok = self.tok
        n = len(tok)
        # the source runs to the next comma or the sentence end
        j = self._next_clause_ends[last] if last < n else last
        if j == last:
            return False
        speaker = self.tokens_span(last, j)
        cue = self.tokens_span(first, last)
        if first == 0 and j < n and tok.lowers[j] == ",":
            end = self.content_end(j + 1)
            if end < n and tok.lowers[end] == "," and self.report_follows(end):
                # "According to her account, after examining X, she insisted that ...":
                # the source's account holds the report
                end = self.content_end(end + 1)
            if end > j + 1:
                self.add("according_to", [self.tokens_span(j + 1, end)], cue, speaker)
                return True
            return False
        if first > 0:
            end = first
            while end > 0 and tok.lowers[end - 1] in (",", "\u2014", "-", "("):
                end -= 1
            start = 0
            if end > start:
                self.add("according_to", [self.tokens_span(start, end)], cue, speaker)
                return True
        return False

    def shared_speaker(self, cue_first: int) -> Span | None:
        """The speaker of a coordinated or participial cue: the last speaker found before it
        in the sentence, else the sentence's subject."""
        offset = self.tok.starts[cue_first]
        for raw in reversed(self.found):
            if raw.speaker is not None and raw.speaker.end <= offset:
                return raw.speaker
        return self.main_subject()

    def main_subject(self) -> Span | None:
        """The subject at the start of the sentence: its first noun phrase, after any
        opening adverbial ("In a July interview with MSNBC, he ...")."""
        tok = self.tok
        n = len(tok)
        w = self.words
        if n == 0:
            return None
        start = 0
        while start < n and tok.lowers[start] in _COORDINATORS | {"so", "still", "now"}:
            start += 1
        if start < n and tok.lowers[start] in _ADVERBIAL_OPENERS:
            comma = next((k for k in range(start, min(n, start + 25)) if tok.lowers[k] == ","), -1)
            if comma < 0:
                return None
            start = comma + 1
        j = start
        if j < n and tok.lowers[j] in w["pronoun"]:
            return self.tokens_span(j, j + 1)
        if j < n and self.np_start(j):
            # the words up to the first verb: "two Democratic speechwriters implored ..."
            k = j
            while k < n and k < j + 10:
                low = tok.lowers[k]
                if (
                    low in w["aux"]
                    or low in _CLAUSE_PUNCT
                    or low in w["boundary"]
                    or (low in self.lex.verbs and self.is_verbal(k))
                ):
                    break
                k += 1
            if j < k < n and k < j + 10 and tok.lowers[k] not in _CLAUSE_PUNCT:
                return self.tokens_span(j, k)
        while j < n and j < start + 10:
            low = tok.lowers[j]
            text = tok.texts[j]
            if low in w["aux"] or low in _CLAUSE_PUNCT or low in self.lex.verbs:
                break
            if not (
                text[0].isupper()
                or low in w["determiner"]
                or low.endswith("'s")
                or low in ("of", "'", "-")
            ):
                # allow a lower-case head noun right after capitalised words ("Ukrainian officials")
                if j > 0 and (
                    tok.texts[j - 1][0].isupper() or tok.lowers[j - 1] in w["determiner"]
                ):
                    j += 1
                    break
                break
            j += 1
        if j == start:
            return None
        return self.tokens_span(start, j)


def _paragraph_quotes(article: Article) -> list[list[Span]]:
    return [_quote_spans(article.clean_text, para) for para in article.paragraphs]


def _continue_quotes(
    article: Article,
    sentences: Sequence[Sentence],
    quotes: list[list[Span]],
    found: list[_Raw],
) -> list[_Raw]:
    """Extend direct quotations over the quoted sentences that follow them.

    News quotes run on: '"A," she said. "B. C."' attributes B and C to her too,
    and a quote left open at a paragraph's end continues in the next paragraph
    when that one opens with a quotation mark of the same kind (a single-quoted
    subheading continues no double-quoted quote).  A following sentence with a
    cue of its own stops the run.
    """
    text = article.clean_text
    with_cue = {raw.sentence.index for raw in found}
    starts = [{q.start: q for q in para} for para in quotes]
    start_lists = [[q.start for q in para] for para in quotes]
    paragraphs = article.paragraphs
    # sentences are in text order and do not overlap: their ends increase
    ends = [s.end for s in sentences]
    out = []
    for raw in found:
        if raw.kind != "direct":
            out.append(raw)
            continue
        pieces = list(raw.content)
        last_end = pieces[-1].end
        # is the quotation that the content ends in left open at its paragraph's end?
        para = raw.sentence.paragraph
        open_at_end = last_end >= paragraphs[para].end - 1 or any(
            q.start < last_end and q.end == paragraphs[para].end for q in quotes[para][-1:]
        )
        k = bisect.bisect_right(start_lists[para], pieces[-1].start) - 1
        single = k >= 0 and _is_single(text, quotes[para][k])
        index = raw.sentence.index + 1
        while index < len(sentences):
            nxt = sentences[index]
            if nxt.end <= last_end:  # already inside the quotation: skip all such at once
                index = bisect.bisect_right(ends, last_end, index)
                continue
            if nxt.paragraph != para and not (nxt.paragraph == para + 1 and open_at_end):
                break
            if nxt.index in with_cue:
                break
            quote = starts[nxt.paragraph].get(nxt.body_start)
            if quote is None:
                break
            if nxt.paragraph != para and _is_single(text, quote) != single:
                break
            single = _is_single(text, quote)
            stripped = _strip_marks(text, quote)
            if stripped.end > stripped.start:
                pieces.append(stripped)
            last_end = quote.end
            para = nxt.paragraph
            open_at_end = quote.end == paragraphs[para].end
            index += 1
        out.append(attrs.evolve(raw, content=tuple(pieces)))
    return out


def _strip_marks(text: str, span: Span) -> Span:
    """A quotation without its marks, surrounding space and a closing comma."""
    s, e = span.start, span.end
    marks = _SINGLE_STRIP if s < e and _is_single(text, span) else _STRIP
    while s < e and (text[s] in marks or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in marks or text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return Span(s, e)


def _extract_raw(article: Article, sentences: Sequence[Sentence]) -> list[_Raw]:
    lex = _lexicon()
    quotes = _paragraph_quotes(article)
    found: list[_Raw] = []
    text = article.clean_text
    triggers = lex.triggers
    paragraphs = article.paragraphs
    quote_starts: dict[int, list[int]] = {}
    for sentence in sentences:
        # most sentences hold no cue word: check words as a set before tokenizing
        piece = text[sentence.start : sentence.end]
        if sentence.boilerplate or (
            triggers.isdisjoint(_WORD.findall(piece.lower())) and ":" not in piece[:80]
        ):
            continue
        following = None
        if piece.endswith(":") and sentence.end == paragraphs[sentence.paragraph].end:
            after = sentence.paragraph + 1
            if after < len(paragraphs) and quotes[after]:
                first_quote = quotes[after][0]
                if first_quote.start == paragraphs[after].start:
                    following = first_quote
        para_quotes = quotes[sentence.paragraph]
        starts = quote_starts.get(sentence.paragraph)
        if starts is None:
            starts = quote_starts[sentence.paragraph] = [q.start for q in para_quotes]
        rules = _SentenceRules(article, sentence, para_quotes, lex, following, starts)
        found.extend(rules.run())
    return _continue_quotes(article, sentences, quotes, found)


def extract_attributions(
    article: Article, sentences: Sequence[Sentence] | None = None
) -> tuple[Attribution, ...]:
    """Every attribution in ``article``, with speakers resolved.

    Args:
        article: The article.
        sentences: Its sentences, if already split (default: split it).

    Returns:
        The attributions in text order.
    """
    if sentences is None:
        sentences = split_sentences(article)
    raw = _extract_raw(article, sentences)
    resolutions: list[Resolution] = resolve_speakers(
        article, sentences, [(r.sentence, r.speaker) for r in raw]
    )
    text = article.clean_text
    out = []
    for item, resolved in zip(raw, resolutions, strict=True):
        out.append(
            Attribution(
                article_id=article.id,
                sentence=item.sentence.span,
                kind=item.kind,
                content=Role.from_spans(text, item.content),
                cue=Role.from_spans(text, [item.cue]) if item.cue else None,
                speaker=Role.from_spans(text, [item.speaker]) if item.speaker else None,
                pattern=item.pattern,
                speaker_name=resolved.name,
                speaker_type=resolved.type,
                resolution=resolved.reason,
            )
        )
    out.sort(key=lambda a: (a.sentence.start, a.content.start))
    return tuple(out)


def classify_sentences(
    sentences: Sequence[Sentence], attributions: Sequence[Attribution]
) -> list[SentenceKind]:
    """The kind of each sentence: boilerplate, attributed (it holds a cue or a
    quoted content of an attribution) or unattributed.

    >>> from claimtrack.articles import Article
    >>> art = Article(id="a", text='"We will win. We will," he said. Rain fell.')
    >>> sentences = split_sentences(art)
    >>> [s.text for s in sentences]
    ['"We will win.', 'We will," he said.', 'Rain fell.']
    >>> classify_sentences(sentences, extract_attributions(art, sentences))
    ['attributed', 'attributed', 'unattributed']
    """
    # O((sentences + attributions) log attributions): the sentences that hold a cue
    # by their start, and the direct contents' extents sorted by start, with the
    # furthest end reached so far, so that one search tells whether any overlaps.
    cue_sentences = {a.sentence.start for a in attributions}
    extents = sorted((a.content.start, a.content.end) for a in attributions if a.kind == "direct")
    starts = [start for start, _ in extents]
    furthest: list[int] = []
    for _, end in extents:
        furthest.append(max(end, furthest[-1]) if furthest else end)
    kinds: list[SentenceKind] = []
    for sentence in sentences:
        if sentence.boilerplate:
            kinds.append("boilerplate")
            continue
        # a direct content overlaps the sentence when it starts before the sentence
        # ends and ends after the sentence starts
        k = bisect.bisect_left(starts, sentence.end)
        attributed = sentence.start in cue_sentences or (k > 0 and furthest[k - 1] > sentence.start)
        kinds.append("attributed" if attributed else "unattributed")
    return kinds
