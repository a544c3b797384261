"""One sentence as the rules read it: its tokens, the tables over them (each
built once), and what the patterns found in it so far."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from claimtrack.articles import Article
from claimtrack.attributions.cues import _Lexicon
from claimtrack.attributions.quoting import _is_single, _strip_marks
from claimtrack.attributions.tokens import _CLAUSE_PUNCT, _QUOTE_MARK, _QUOTE_TOKENS, _tokenize
from claimtrack.attributions.values import AttributionKind, _Raw
from claimtrack.sentences import Sentence
from claimtrack.spans import Span

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


class _SentenceTables:
    """The tokens and tables of one sentence, and the attributions found in it."""

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
        self.paragraph = article.paragraphs[sentence.paragraph]
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
        # contents left open to the reports inside them ("sought the post as Lee
        # said C"): start and end offsets, the index in ``found``, "object" or "clause"
        self.open_objects: list[tuple[int, int, int, str]] = []
        # while a report inside an open content is tried: the blocked ranges it
        # changed and their earlier bytes, to undo them if it is refused
        self.journal: list[tuple[int, bytes]] | None = None

    # -- helpers --
    def mark_single_quotes(self) -> None:
        """Make the marks of single-quoted quotations quotation-mark tokens, as the rules
        read double ones ('"' in ``tok.lowers``); apostrophes stay as they are."""
        tok, text = self.tok, self.text
        if not tok.starts:
            return
        k = bisect.bisect_right(self.quote_starts, tok.starts[0]) - 1
        quotes = self.quotes
        # by index: a slice of the paragraph's quotations from the sentence on, for
        # every sentence, made a long paragraph quadratic
        for q in range(max(k, 0), len(quotes)):
            quote = quotes[q]
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
            if self.journal is not None:
                self.journal.append((a, bytes(self.blocked[a:b])))
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
            # a reporting noun before "that" ("Lee's claim that C"), also where the
            # word could be a verb after a determiner or a possessive ("the claims that")
            noun = low in lex.nouns and i + 1 < n and lowers[i + 1] == "that"
            verb = lex.verbs.get(low)
            if noun and verb is not None and i > 0:
                before = lowers[i - 1]
                noun = before in lex.words["determiner"] or before.endswith("'s")
            if noun:
                out.append((i, i + 1, low, "noun"))
            elif verb is not None:
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
    def _title_case(self) -> bool:
        """Whether the sentence is written in title case (a headline: "Mayor Says City
        Will Appeal"): fewer than two lower-case words of four letters or more."""
        lower = 0
        for text in self.tok.texts:
            if len(text) >= 4 and text.islower() and text.isalpha():
                lower += 1
                if lower >= 2:
                    return False
        return True

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

    def add(
        self,
        pattern: str,
        content: Sequence[Span],
        cue: Span | None,
        speaker: Span | None,
        kind: AttributionKind | None = None,
        open_as: str | None = None,
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
        if open_as is not None:
            extent = (pieces[0].start, pieces[-1].end, len(self.found) - 1, open_as)
            self.open_objects.append(extent)
        else:
            for piece in pieces:
                self.block(piece)
        if speaker is not None:
            self.block(speaker)

    def tokens_span(self, a: int, b: int) -> Span:
        return Span(self.tok.starts[a], self.tok.ends[b - 1])

    def strip_quotes(self, span: Span) -> Span:
        return _strip_marks(self.text, span)
