"""Sentences: nltk Punkt built from shipped parameters, never from downloads.

nltk's trained models cannot be downloaded on many machines, and untrained
Punkt breaks "St. Petersburg", "the U.S. and its allies" and "Sen. Warren".
:class:`SentenceSplitter` builds :class:`nltk.tokenize.punkt.PunktParameters`
from the abbreviation and sentence-starter lists in ``claimtrack/data``, and can
learn more from the corpus being read (Punkt is unsupervised).  On top of
Punkt, general rules (never words) handle what news text needs: unlisted
dotted acronyms and initials ("F.B.I. agents", "George H.W. Bush") are
abbreviations; a title never ends a sentence; a sentence never starts with a
lower-case word after "?", "!" or ". . ." ('"Why?" he asked') nor with a
comma; a listed place or other abbreviation before a quoted sentence ends one
('in Fresno, Calif. "I think...').  Sentences are spans into
:attr:`Article.text <claimtrack.articles.Article.text>` that never cross a
paragraph; a dateline prefix ("MOSCOW (AP) -") and boilerplate sentences
(rights lines, newsletter prompts) are marked.  Figures on real news are in
``bench/SPLITTING.md``.

>>> from claimtrack.articles import Article
>>> art = Article(id="x", text="WASHINGTON (Reuters) - Sen. Warren spoke in St. Petersburg. "
...               "The U.S. and its allies agreed.\\nAll rights reserved.")
>>> for s in split_sentences(art):
...     print(s.index, repr(s.text), s.dateline, s.boilerplate)
0 'WASHINGTON (Reuters) - Sen. Warren spoke in St. Petersburg.' Span(start=0, end=23) False
1 'The U.S. and its allies agreed.' None False
2 'All rights reserved.' None True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

import attrs
from nltk.tokenize.punkt import (
    _ORTHO_MID_UC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    PunktTrainer,
)

from claimtrack.articles import Article
from claimtrack.lexicon import data_lines, word_set
from claimtrack.spans import Span

__all__ = [
    "Sentence",
    "SentenceSplitter",
    "SplitDecision",
    "agency_of",
    "find_dateline",
    "is_boilerplate",
    "split_sentences",
]


@attrs.frozen
class Sentence:
    """One sentence of an article, as a span of its text.

    Attributes:
        article_id: The id of the article it belongs to.
        index: Its position among the article's sentences (0-based).
        start: Offset of its first character in the article text.
        end: Offset just past its last character.
        paragraph: The index of the paragraph that holds it.
        text: ``article.clean_text[start:end]`` (the text as read, when it holds
            no control or invisible characters).
        dateline: The span of a dateline prefix ("MOSCOW (AP) -"), if any;
            it is part of the sentence but never of a claim.
        boilerplate: Whether the sentence is boilerplate (rights, credits...).
    """

    article_id: str
    index: int
    start: int
    end: int
    paragraph: int
    text: str = attrs.field(repr=False)
    dateline: Span | None = None
    boilerplate: bool = False

    @property
    def span(self) -> Span:
        """The sentence as a :class:`Span`."""
        return Span(self.start, self.end)

    @property
    def body_start(self) -> int:
        """Where the sentence proper starts: after its dateline, if any."""
        return self.dateline.end if self.dateline is not None else self.start


@attrs.frozen
class SplitDecision:
    """Why the splitter did or did not break after a period-like token.

    Attributes:
        offset: Offset of the token's final punctuation in the text given.
        token: The token ("U.S.", "said.").
        next_token: The token after it.
        broke: Whether a sentence ends there.
        reason: Punkt's reason, or claimtrack's own ("title before a name").
    """

    offset: int
    token: str
    next_token: str
    broke: bool
    reason: str


# --- shipped knowledge ---------------------------------------------------------


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Each shipped abbreviation (lower case, no final period) and its category."""
    out = {}
    for line in data_lines("abbreviations.txt"):
        cells = line.split("\t")
        out[cells[0].strip().lower()] = cells[1].strip() if len(cells) > 1 else "general"
    return out


def _shipped_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    params.sent_starters = set(word_set("sentence_starters.txt"))
    return params


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(a for a, cat in _abbreviations().items() if cat == "title")


@functools.cache
def _quote_breakers() -> frozenset[str]:
    """Abbreviations that end a sentence before an opening quote and a capital."""
    return frozenset(a for a, cat in _abbreviations().items() if cat not in ("title", "initial"))


@functools.cache
def _agencies() -> dict[str, str]:
    """Agency names as datelines write them -> the agency (``data/agencies.txt``)."""
    out = {}
    for line in data_lines("agencies.txt"):
        name, _, canonical = line.partition("\t")
        out[name] = canonical or name
    return out


@functools.cache
def _agency_re() -> re.Pattern[str]:
    names = sorted(_agencies(), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names))})(?!\w)")


def agency_of(dateline: str) -> str | None:
    """The news agency a dateline credits, by its short name, or None.

    >>> agency_of("MOSCOW (AP) \u2014 "), agency_of("PARIS (Agence France-Presse) - "), agency_of("MOSCOW -")
    ('AP', 'AFP', None)
    """
    found = _agency_re().search(dateline)
    return None if found is None else _agencies()[found.group()]


@functools.cache
def _dateline_re() -> re.Pattern[str]:
    agencies = sorted(_agencies(), key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in agencies)
    place_word = r"[A-Z][A-Z'.\-]*[A-Z.]"
    title_word = r"[A-Z][a-z'.\-]+"
    return re.compile(
        rf"""
        # a place in title case only before an agency in parentheses: "Cleveland (AFP) -"
        (?:{title_word}(?:[ ]{title_word}){{0,2}}(?:,[ ]{title_word})?
           [ ]\((?P<agency0>{agency})\)[ ]*[-\u2010-\u2015:_]+[ ]+(?=\S)
        |
        (?P<place>{place_word}(?:[ ]{place_word}){{0,3}})     # MOSCOW, NEW YORK, ST. LOUIS
        (?:,[ ]?[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?       # , Calif. / , March
        (?:[ ]\d{{1,2}})?(?:,[ ]?\d{{4}})?                     # 3 / , 2021
        (?:
            [ ]*\((?P<agency1>{agency})\)[ ]*(?:[-\u2010-\u2015:_]+[ ]*)?   # (AP) -
          | [ ]+(?P<agency2>{agency})(?:[ ]*[-\u2010-\u2015:_]+)?[ ]+      # AP  / AP -
          | [ ]*[-\u2010-\u2015_]+[ ]+                                   # - (then a space: not "20-13")
        )
        (?=\S)
        )
        """,
        re.VERBOSE,
    )


def find_dateline(text: str, start: int = 0, end: int | None = None) -> Span | None:
    """The dateline at the start of ``text[start:end]``, as a span, or None.

    A dateline is a place in capitals, optionally a date, and a news agency
    and/or a dash, followed by the story.

    >>> find_dateline("LONDON, March 3 (AFP) \u2014 Britain said...")
    Span(start=0, end=24)
    >>> find_dateline("MOSCOW AP  Russia sent bombers.")
    Span(start=0, end=11)
    >>> find_dateline("NATO said on Friday.") is None
    True
    """
    match = _dateline_re().match(text, start, len(text) if end is None else end)
    if match is None:
        return None
    return Span(match.start(), match.end())


@functools.cache
def _boilerplate_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("boilerplate.txt")), re.IGNORECASE)


@functools.cache
def _boilerplate_test() -> Callable[[str], bool]:
    """A fast ``is_boilerplate``: anchored patterns are only tried at the start.

    The same answers as ``_boilerplate_re().search``, four times faster: a
    search would try every ``^`` pattern at every position of the sentence.
    """
    patterns = data_lines("boilerplate.txt")
    anchored = [p for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]

    def compiled(group: list[str]) -> re.Pattern[str] | None:
        if not group:
            return None
        return re.compile("|".join(f"(?:{p})" for p in group), re.IGNORECASE)

    at_start, anywhere = compiled(anchored), compiled(floating)
    match = at_start.match if at_start is not None else (lambda s: None)
    search = anywhere.search if anywhere is not None else (lambda s: None)
    return lambda sentence: match(sentence) is not None or search(sentence) is not None


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is boilerplate: rights lines, prompts, credits.

    >>> is_boilerplate("Copyright  The Associated Press.")
    True
    >>> is_boilerplate("The ministry said it reserved the right to respond.")
    False
    """
    return _boilerplate_test()(sentence)


# --- the splitter --------------------------------------------------------------

#: Closing quotes and brackets that may follow the period of a title ('"Sen.")').
_TITLE_CLOSERS = "\"'\u201d\u2019)]"

#: A dotted acronym or run of initials ("F.B.I.", "H.W.", "a.k.a.", "S.&P."),
#: after any hyphen.
_DOTTED = re.compile(r"[^\W\d]\.(?:&?[^\W\d]\.)+")

#: Quotes and brackets that Punkt leaves glued to the front of a word ("\u201cMr.").
_GLUED = "\u201c\u201d\u2018\u2019\u00ab\u00bb([{"

#: A sentence that ends with "?" or "!" or a spaced ellipsis (". . ."), then closers
#: (any quote mark: after "?" even an opening one closes, as in 'fascist?\u201c').
_SOFT_END = re.compile(r"(?:[?!]|(?<!\S)\.)[\"'\u201c-\u201d\u2018-\u2019)\]]*$")

#: A period, then an opening quote and a capital ('Calif. "I').
_PERIOD_QUOTE = re.compile(r"\.[ \t]+[\"'\u201c\u2018]+[A-Z]")

#: A "sentence" that starts with a comma, semicolon or colon (after closing quotes).
_CONTINUATION = re.compile(r"[\"'\u201d\u2019)\]]*[,;:]")

#: The first word character of a sentence, after opening quotes or brackets.
_FIRST_CHAR = re.compile(r"[\"'\u201c\u2018(\[]*(\w)")


#: Curly quotes and guillemets, which nltk 3.9 did not count as punctuation
#: around a sentence end ('...it.\u201d The' had no break); nltk 3.10 does.
_CURLY = "\u2018\u2019\u201c\u201d\xab\xbb"


class _LanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English conventions as in nltk 3.10, compiled with the standard ``re``.

    nltk 3.10 compiles its patterns with ``nltk.redos``: the ``regex`` engine
    under a wall-clock limit (5 s) that covers a whole lazy ``finditer``, so a
    long paragraph that Punkt walks match by match, doing its own work between
    matches, ran out of time however linear that work was.  These patterns are
    nltk's own constants (no caller-supplied pattern), and ``re`` runs them in
    linear time; nltk 3.9 compiled them with ``re`` too, so both versions now
    split alike.
    """

    @property
    def _re_non_word_chars(self) -> str:
        others = re.escape("".join(sorted(set(self.sent_end_chars) - {"."})))
        return rf"(?:[)\";}}\]\*:@\'\({{\[{_CURLY}{others}])"

    re_boundary_realignment = re.compile(rf"[\"')\]}}{_CURLY}]+?(?:\s+|(?=--)|$)", re.MULTILINE)

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        found: re.Pattern[str] | None = getattr(self, "_re_word_tokenizer", None)
        if found is None:
            found = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            self._re_word_tokenizer = found
        return found

    def period_context_re(self) -> re.Pattern[str]:
        found: re.Pattern[str] | None = getattr(self, "_re_period_context", None)
        if found is None:
            found = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            self._re_period_context = found
        return found


#: Matches token types that are not merely punctuation (nltk's ``_re_non_punct``).
_NON_PUNCT = re.compile(r"[^\W\d]")


class _Token(PunktToken):  # type: ignore[misc]
    """Punkt's token, its patterns compiled with the standard ``re`` (see :class:`_LanguageVars`)."""

    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")

    @property
    def is_non_punct(self) -> re.Match[str] | None:
        return _NON_PUNCT.search(self.type)


@functools.cache
def _language_vars() -> PunktLanguageVars:
    """The shared :class:`_LanguageVars`."""
    return _LanguageVars()


class _MoreAbbreviations:
    """Punkt's first pass, with more tokens recognised as abbreviations.

    Unlisted dotted acronyms and runs of initials ("F.B.I.", "H.W."), and
    listed abbreviations behind a quote that Punkt leaves glued to them
    ("\u201cMr.").
    """

    def _first_pass_annotation(self, aug_tok):  # type: ignore[no-untyped-def]
        super()._first_pass_annotation(aug_tok)  # type: ignore[misc]
        if not aug_tok.sentbreak or not aug_tok.period_final:
            return
        word = aug_tok.tok.lstrip(_GLUED).rsplit("-", 1)[-1]
        if _DOTTED.fullmatch(word) or (
            word != aug_tok.tok and word[:-1].lower() in self._params.abbrev_types  # type: ignore[attr-defined]
        ):
            aug_tok.sentbreak = False
            aug_tok.abbr = True


class _Punkt(_MoreAbbreviations, PunktSentenceTokenizer):  # type: ignore[misc]
    """nltk Punkt with four general corrections.

    * A dotted acronym or run of initials that is not a listed abbreviation
      ("F.B.I.", "H.W.") is an abbreviation: Punkt then breaks after it only
      if the next word is a sentence starter or orthography says so, as for
      listed ones (nltk's Punkt breaks after every unlisted one).
    * A listed abbreviation is one behind a curly quote too ("\u201cMr."):
      Punkt's words keep such quotes.
    * A break is decided by the token whose final punctuation was matched.
      nltk (3.8+) decides on a short context and breaks when *any* token in
      it ends a sentence, so "George W. Bush?" broke after "W.", and
      "(D-Calif.). Next" was decided on "D-Calif." rather than the last ".".
    * Any white space separates words, a no-break space too.
    """

    def _get_last_whitespace_index(self, text: str) -> int:
        # nltk looks for ASCII white space only, so "Office.\xa0Sen." was one
        # word to it and the break after "Office." was never considered.
        for i in range(len(text) - 1, -1, -1):
            if text[i].isspace():
                return i
        return 0

    def _slices_from_text(self, text: str) -> Iterator[slice]:
        last_break = 0
        for match, context in self._match_potential_end_contexts(text):
            if self._breaks_at(match, context):
                yield slice(last_break, match.end())
                next_tok = match.group("next_tok")
                last_break = match.start("next_tok") if next_tok else match.end()
        yield slice(last_break, len(text.rstrip()))

    def _breaks_at(self, match: re.Match[str], context: str) -> bool:
        """Whether the token ending at ``match`` ends a sentence (and is not the last)."""
        # The context is the word before the match, the match and what follows;
        # the word and the match hold no white space, and what follows starts
        # with white space or punctuation that Punkt never glues to a word.
        # Tokens are the non-space characters of the context, in order, so the
        # one that ends at the match is where their lengths add up to the word's.
        remaining = len(context) - len(match.group("after_tok"))
        candidate = None
        for tok in self._annotate_tokens(self._tokenize_words(context)):
            if remaining <= 0:
                return candidate is not None and bool(candidate.sentbreak)
            remaining -= len(tok.tok)
            candidate = tok
        return False


class _Trainer(_MoreAbbreviations, PunktTrainer):  # type: ignore[misc]
    """Punkt's trainer, with the abbreviation rules of :class:`_Punkt`.

    It starts from known abbreviations and never drops them, so that the word
    after "U.S." counts as inside a sentence when capitalisation is learned.
    """

    def __init__(self, abbreviations: Iterable[str]) -> None:
        super().__init__(lang_vars=_language_vars(), token_cls=_Token)
        self._known = frozenset(abbreviations)
        self._params.abbrev_types |= self._known

    def _reclassify_abbrev_types(self, types):  # type: ignore[no-untyped-def]
        for abbr, score, is_add in super()._reclassify_abbrev_types(types):
            if is_add or abbr not in self._known:
                yield abbr, score, is_add


class SentenceSplitter:
    """Split text into sentence spans with nltk Punkt and shipped parameters.

    Args:
        params: Punkt parameters; by default those built from the shipped
            abbreviation and sentence-starter lists.

    >>> splitter = SentenceSplitter()
    >>> text = "Gen. Mark Milley met Dr. Smith. They spoke."
    >>> [text[s:e] for s, e in splitter.span_tokenize(text)]
    ['Gen. Mark Milley met Dr. Smith.', 'They spoke.']
    """

    def __init__(self, params: PunktParameters | None = None) -> None:
        self.params = params if params is not None else _shipped_parameters()
        self._punkt = _Punkt(self.params, lang_vars=_language_vars(), token_cls=_Token)
        self._titles = _titles()
        self._quote_breakers = _quote_breakers()

    @classmethod
    @functools.cache
    def default(cls) -> SentenceSplitter:
        """The shared splitter built from the shipped data."""
        return cls()

    def learn(self, texts: Iterable[str]) -> SentenceSplitter:
        """A new splitter that also knows what Punkt learns from ``texts``.

        Abbreviations, collocations, sentence starters and orthographic
        context learned from the texts are merged with this splitter's own.

        >>> texts = ["The Ont. office opened. It closed in Ont. today."] * 30
        >>> "ont" in SentenceSplitter().learn(texts).params.abbrev_types
        True
        """
        trainer = _Trainer(self.params.abbrev_types)
        for text in texts:
            trainer.train(text, finalize=False)
        trainer.finalize_training()
        learned = trainer.get_params()
        # Names are written capitalised inside sentences too: a learned
        # sentence starter or collocation word that is ("Trump", "Forbes")
        # would break "Trump vs. Clinton" or join "535. Forbes said".
        mid_upper = {t for t, flags in learned.ortho_context.items() if flags & _ORTHO_MID_UC}
        params = PunktParameters()
        params.abbrev_types = set(self.params.abbrev_types) | learned.abbrev_types
        params.collocations = set(self.params.collocations) | {
            c for c in learned.collocations if c[1] not in mid_upper
        }
        params.sent_starters = set(self.params.sent_starters) | (learned.sent_starters - mid_upper)
        for key, flags in self.params.ortho_context.items():
            params.add_ortho_context(key, flags)
        for key, flags in learned.ortho_context.items():
            params.add_ortho_context(key, flags)
        return SentenceSplitter(params)

    def _ends_with_title(self, text: str, end: int) -> bool:
        # the last white-space separated word of the 40 characters before ``end`` when
        # a period ends it, closing quotes and brackets and white space after that
        # (what ``(\S+)\.["')\]\u201d\u2019]*\s*$`` finds, without a search from every
        # position)
        piece = text[max(0, end - 40) : end].rstrip().rstrip(_TITLE_CLOSERS)
        if len(piece) < 2 or piece[-1] != "." or piece[-2].isspace():
            return False
        # "then-Sen." and "ex-Gov." are titles too
        word = piece[:-1].rsplit(None, 1)[-1].lstrip("\"'" + _GLUED).rsplit("-", 1)[-1]
        return word.lower() in self._titles

    def _joins_next(self, text: str, end: int, next_start: int) -> bool:
        """Whether the break at ``end`` (next sentence at ``next_start``) is undone.

        A title never ends a sentence ("Sen. Warren"), a sentence never starts
        with a comma, semicolon or colon ('titled "Unity?", it says'), nor
        with a lower-case word after "?", "!" or ". . ." ('"Why?" he asked',
        "fees . . . and taxes").
        """
        if self._ends_with_title(text, end) or _CONTINUATION.match(text, next_start):
            return True
        first = _FIRST_CHAR.match(text, next_start)
        return (
            first is not None
            and first.group(1).islower()
            and _SOFT_END.search(text, max(0, end - 8), end) is not None
        )

    def _quote_breaks(self, text: str) -> list[tuple[int, int]]:
        """Breaks after a listed abbreviation before a quoted sentence, as (end, start)."""
        out = []
        breakers = self._quote_breakers
        for match in _PERIOD_QUOTE.finditer(text):
            period = match.start()
            word_start = period
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1
            word = text[word_start:period]
            if word[:1] in "([":
                word = word[1:]
            if word and word.rsplit("-", 1)[-1].lower() in breakers:
                gap = match.group()
                quote = period + len(gap) - len(gap[1:].lstrip(" \t"))
                out.append((period + 1, quote))
        return out

    def _punkt_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Punkt's spans, also cut where :meth:`_quote_breaks` says."""
        spans = self._punkt.span_tokenize(text)
        extra = self._quote_breaks(text) if "." in text else []
        if not extra:
            yield from spans
            return
        # spans and cuts are both in text order: each span looks only at the cuts
        # from the first that ends after its start to the first that ends after its end
        first = 0
        for start, end in spans:
            while first < len(extra) and extra[first][0] <= start:
                first += 1
            k = first
            while k < len(extra) and extra[k][0] < end:
                cut_end, cut_start = extra[k]
                if start < cut_end and cut_start < end:
                    yield start, cut_end
                    start = cut_start
                k += 1
            yield start, end

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """Sentence spans of ``text``, which is treated as one paragraph."""
        pending: tuple[int, int] | None = None
        for start, end in self._punkt_spans(text):
            if pending is None:
                pending = (start, end)
            elif self._joins_next(text, pending[1], start):
                pending = (pending[0], end)
            else:
                yield pending
                pending = (start, end)
        if pending is not None:
            yield pending

    def split(self, article: Article) -> tuple[Sentence, ...]:
        """The sentences of an article, never crossing a paragraph."""
        sentences: list[Sentence] = []
        text = article.clean_text
        boilerplate = _boilerplate_test()
        for number, para in enumerate(article.paragraphs):
            chunk = text[para.start : para.end]
            first = True
            for s, e in self.span_tokenize(chunk):
                start, end = para.start + s, para.start + e
                piece = chunk[s:e]
                dateline = find_dateline(text, start, end) if first else None
                first = False
                sentences.append(
                    Sentence(
                        article_id=article.id,
                        index=len(sentences),
                        start=start,
                        end=end,
                        paragraph=number,
                        text=piece,
                        dateline=dateline,
                        boilerplate=boilerplate(piece),
                    )
                )
        return tuple(sentences)

    def explain(self, text: str) -> list[SplitDecision]:
        """Every break decision Punkt and claimtrack took on ``text``.

        >>> for d in SentenceSplitter().explain("Sen. Lee left. Then"):
        ...     print(d.token, d.broke, d.reason)
        Sen. False known abbreviation, next word does not start a sentence: no break
        left. True sentence-final punctuation: break
        >>> for d in SentenceSplitter().explain('"Why?" he asked in Fresno, Calif. "Go."'):
        ...     print(d.token, d.broke, d.reason)
        "Why?" False a lower-case word or punctuation follows: no break (claimtrack)
        Calif. True abbreviation before a quoted sentence: break (claimtrack)
        "Go." True sentence-final punctuation: break
        """
        breaks = {e for _, e in self.span_tokenize(text)}
        punkt_breaks = {e for _, e in self._punkt.span_tokenize(text)}
        quote_breaks = {e for e, _ in self._quote_breaks(text)}
        out = []
        for decision in self._punkt.debug_decisions(text):
            offset = int(decision["period_index"])
            token = str(decision["text"]).split()
            first, second = ([*token, "", ""])[:2]
            near = range(offset, offset + 5)
            broke = any(b in breaks for b in near)
            own = None
            if not broke and any(b in punkt_breaks for b in near):
                end = next(b for b in near if b in punkt_breaks)
                own = (
                    "title before a name: never a sentence end (claimtrack)"
                    if self._ends_with_title(text, end)
                    else "a lower-case word or punctuation follows: no break (claimtrack)"
                )
            elif broke and offset + 1 in quote_breaks:
                own = "abbreviation before a quoted sentence: break (claimtrack)"
            out.append(SplitDecision(offset, first, second, broke, _reason(decision, broke, own)))
        return out


def _reason(decision: dict[str, object], broke: bool, own: str | None = None) -> str:
    """A readable reason for one of Punkt's decisions, or claimtrack's own (``own``)."""
    if own is not None:
        return own
    if decision["break_decision"] and not broke:
        return "title before a name: never a sentence end (claimtrack)"
    if decision["collocation"]:
        return "known collocation: no break"
    if decision["type1_in_abbrs"]:
        if broke:
            return "abbreviation, but the next word starts sentences: break"
        return "known abbreviation, next word does not start a sentence: no break"
    if decision["type1_is_initial"] and not broke:
        return "initial before a name: no break"
    if not broke:
        return f"{decision['reason']}: no break"
    return "sentence-final punctuation: break"


def split_sentences(
    article: Article, splitter: SentenceSplitter | None = None
) -> tuple[Sentence, ...]:
    """The sentences of ``article`` (see :class:`SentenceSplitter`).

    >>> from claimtrack.articles import Article
    >>> [s.text for s in split_sentences(Article(id="a", text="One. Two.\\nThree"))]
    ['One.', 'Two.', 'Three']
    """
    return (splitter or SentenceSplitter.default()).split(article)
