"""Sentences: nltk Punkt built from shipped parameters, never from downloads.

nltk's trained models cannot be downloaded on many machines, and untrained
Punkt breaks "St. Petersburg", "the U.S. and its allies" and "Sen. Warren".
:class:`SentenceSplitter` builds :class:`nltk.tokenize.punkt.PunktParameters`
from the abbreviation and sentence-starter lists in ``claimtrack/data``, and can
learn more from the corpus being read (Punkt is unsupervised).  Sentences are
spans into :attr:`Article.text <claimtrack.articles.Article.text>` that never
cross a paragraph; a dateline prefix ("MOSCOW (AP) -") and boilerplate
sentences (rights lines, newsletter prompts) are marked.

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
from collections.abc import Iterable, Iterator

import attrs
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from claimtrack.articles import Article
from claimtrack.lexicon import data_lines, word_set
from claimtrack.spans import Span

__all__ = [
    "Sentence",
    "SentenceSplitter",
    "SplitDecision",
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
        text: ``article.text[start:end]``.
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


def _shipped_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(word_set("abbreviations.txt"))
    params.sent_starters = set(word_set("sentence_starters.txt"))
    return params


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(
        line.split("\t")[0].lower()
        for line in data_lines("abbreviations.txt")
        if line.endswith("\ttitle")
    )


@functools.cache
def _dateline_re() -> re.Pattern[str]:
    agencies = sorted(data_lines("agencies.txt"), key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in agencies)
    place_word = r"[A-Z][A-Z'.\-]*[A-Z.]"
    return re.compile(
        rf"""
        (?P<place>{place_word}(?:[ ]{place_word}){{0,3}})     # MOSCOW, NEW YORK, ST. LOUIS
        (?:,[ ]?[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?       # , Calif. / , March
        (?:[ ]\d{{1,2}})?(?:,[ ]?\d{{4}})?                     # 3 / , 2021
        (?:
            [ ]*\((?P<agency1>{agency})\)[ ]*(?:[-\u2010-\u2015:_]+[ ]*)?   # (AP) -
          | [ ]+(?P<agency2>{agency})(?:[ ]*[-\u2010-\u2015:_]+)?[ ]+      # AP  / AP -
          | [ ]*[-\u2010-\u2015_]+[ ]*                                   # -
        )
        (?=\S)
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


def is_boilerplate(sentence: str) -> bool:
    """Whether a sentence is boilerplate: rights lines, prompts, credits.

    >>> is_boilerplate("Copyright  The Associated Press.")
    True
    >>> is_boilerplate("The ministry said it reserved the right to respond.")
    False
    """
    return _boilerplate_re().search(sentence) is not None


# --- the splitter --------------------------------------------------------------

_TRAILING_TOKEN = re.compile(r"(\S+)\.[\"'\u201d\u2019)\]]*\s*$")


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
        self._punkt = PunktSentenceTokenizer(self.params)
        self._titles = _titles()

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
        trainer = PunktTrainer()
        for text in texts:
            trainer.train(text, finalize=False)
        trainer.finalize_training()
        learned = trainer.get_params()
        params = PunktParameters()
        params.abbrev_types = set(self.params.abbrev_types) | learned.abbrev_types
        params.collocations = set(self.params.collocations) | learned.collocations
        params.sent_starters = set(self.params.sent_starters) | learned.sent_starters
        for key, flags in self.params.ortho_context.items():
            params.add_ortho_context(key, flags)
        for key, flags in learned.ortho_context.items():
            params.add_ortho_context(key, flags)
        return SentenceSplitter(params)

    def _ends_with_title(self, text: str, end: int) -> bool:
        match = _TRAILING_TOKEN.search(text, max(0, end - 40), end)
        if match is None:
            return False
        return match.group(1).lstrip("(\"'\u201c\u2018[").lower() in self._titles

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """Sentence spans of ``text``, which is treated as one paragraph."""
        pending: tuple[int, int] | None = None
        for start, end in self._punkt.span_tokenize(text):
            if pending is not None:
                start = pending[0]
            if self._ends_with_title(text, end):
                pending = (start, end)
                continue
            pending = None
            yield start, end
        if pending is not None:
            yield pending

    def split(self, article: Article) -> tuple[Sentence, ...]:
        """The sentences of an article, never crossing a paragraph."""
        sentences: list[Sentence] = []
        text = article.text
        boilerplate = _boilerplate_re().search
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
                        boilerplate=boilerplate(piece) is not None,
                    )
                )
        return tuple(sentences)

    def explain(self, text: str) -> list[SplitDecision]:
        """Every break decision Punkt and claimtrack took on ``text``.

        >>> [(d.token, d.broke) for d in SentenceSplitter().explain("Sen. Lee left. Then")]
        [('Sen.', False), ('left.', True)]
        """
        breaks = {e for _, e in self.span_tokenize(text)}
        out = []
        for decision in self._punkt.debug_decisions(text):
            offset = int(decision["period_index"])
            token = str(decision["text"]).split()
            first, second = (token + ["", ""])[:2]
            broke = bool(decision["break_decision"])
            reason = str(decision["reason"])
            if broke and not any(offset <= b <= offset + 4 for b in breaks):
                broke, reason = False, "title before a name (claimtrack)"
            out.append(SplitDecision(offset, first, second, broke, reason))
        return out


def split_sentences(
    article: Article, splitter: SentenceSplitter | None = None
) -> tuple[Sentence, ...]:
    """The sentences of ``article`` (see :class:`SentenceSplitter`).

    >>> from claimtrack.articles import Article
    >>> [s.text for s in split_sentences(Article(id="a", text="One. Two.\\nThree"))]
    ['One.', 'Two.', 'Three']
    """
    return (splitter or SentenceSplitter.default()).split(article)
