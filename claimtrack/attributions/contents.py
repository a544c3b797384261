"""Content boundaries: where a reported content starts and stops, the quotation
before or after a cue, and the clause a closing cue attributes."""

from __future__ import annotations

import bisect
import functools

from claimtrack.attributions.phrases import _Phrases
from claimtrack.attributions.sentence import _table
from claimtrack.attributions.tokens import (
    _ADVERBIAL_OPENERS,
    _CLAUSE_PUNCT,
    _NOUN_CONTEXT,
    _QUOTE_TOKENS,
    _TRAILING_PREPOSITIONS,
)
from claimtrack.spans import Span

#: Words that open a trailing adjunct clause after a comma, where a content stops
#: ("..., which reaches millions", "..., although ...", "..., compared with ...").
_ADJUNCT_OPENERS = frozenset(["although", "though", "despite", "compared", "which"])


#: Modals before a bare verb.
_MODALS = frozenset(["will", "would", "may", "might", "can", "could", "should", "must", "shall"])


#: The tokens at which :meth:`_Contents._content_stops` may find a stop.
_STOP_TOKENS = frozenset([";", ",", "and", "but"]) | _QUOTE_TOKENS


#: Words after a comma that stop a content (", saying C2", ", according to ...").
_PARTICIPLE_STOPS = frozenset(["while", "saying", "adding", "noting", "according", "citing"])


#: Subordinators that open a sentence with a clause before the main one ("While C, S ...").
_SUBORDINATORS = frozenset(
    [
        *("while", "whereas", "although", "though", "if", "unless", "when", "whenever"),
        *("as", "after", "before", "until", "since", "because", "once"),
    ]
)

#: Verbs whose addressee may stand between them and their content ("told reporters C").
_ADDRESSEE_VERBS = frozenset(["tell", "ask", "urge", "warn", "assure", "remind", "inform"])

#: Pronouns that open a clause as its subject ("told the paper he had ...").
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "there"])

#: Prepositions that open a phrase of place, medium or audience between a verb of
#: saying and its clause ("said in an interview on Monday that C", "joked to the host
#: that C").
_REPORT_PREPOSITIONS = frozenset(["in", "on", "at", "to", "during", "via", "through", "from"])


@functools.cache
def _union(*groups: frozenset[str]) -> frozenset[str]:
    """The words of all the groups, made once for the same groups."""
    return frozenset().union(*groups)


class _Contents(_Phrases):
    """Finders of contents and quotations around a cue."""

    def content_after(self, i: int, lemma: str) -> tuple[int, int] | None:
        """Token range of an indirect content starting at token ``i`` (after a cue)."""
        tok, w = self.tok, self.words
        n = len(tok)
        # skip an object, an audience or time words up to a nearby "that"
        skippable = _union(w["object"], w["temporal"], w["determiner"], _NOUN_CONTEXT)
        first = i
        for j in range(i, min(n, i + 9)):
            low = tok.lowers[j]
            if low == "that":
                # "I think that is his intent": "that" is the subject, not a complementizer
                nxt = tok.lowers[j + 1] if j + 1 < n else ""
                if not (nxt in w["aux"] or nxt in ("'s", "is", "was")) and not (
                    j > i
                    and tok.lowers[j - 1] in self.lex.nouns
                    and tok.lowers[i] in w["determiner"]
                ):
                    i = j + 1
                break
            if not (low in skippable or tok.texts[j][0].isupper() or low in self.lex.nouns):
                break
        if lemma in _ADDRESSEE_VERBS and i < n:
            low = tok.lowers[i]
            if low in w["object"]:
                i += 1
            else:
                i = self.after_addressee(i)
                if lemma == "tell" and i == first:
                    i = self.subject_after_addressee(i)
        elif (
            i == first
            and i + 1 < n
            and tok.lowers[i] in _REPORT_PREPOSITIONS
            and (self.np_start(i + 1) or tok.lowers[i + 1] in w["object"])
            and self.speech_lemma(lemma)
        ):
            # a phrase of place, medium or audience before the clause or a quotation:
            # "said in a telephone interview that C", "complained to the host that C",
            # 'wrote in an email: "C"'
            i = self.after_addressee(i + 1, i)
        while i < n and (
            (tok.lowers[i] in w["temporal"] and not tok.texts[i][0].isupper())
            or tok.lowers[i]
            in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        ):
            i += 1
        while i < n and tok.lowers[i] in (",", ":"):
            i += 1
        if (
            0 < i < n
            and tok.lowers[i - 1] == ","
            and tok.lowers[i].endswith("ing")
            and tok.lowers[i] in self.lex.verbs
        ):
            return None  # "Lee declined, adding that C": the participle's content
        end = self.content_end(i)
        if self._subordinate_opener >= 0:
            end = self.subordinate_end(i, end)
        words = self.words_between(i, end)
        # short contents only as a clause: "a vote that the opposition say was rigged"
        short = words < 2 or (words == 2 and tok.lowers[i] not in w["aux"])
        if short and not (self.short_answer(i, end) or self.short_object(i, end)):
            return None
        return i, end

    @_table
    def _subordinate_opener(self) -> int:
        """The token of a subordinator opening the sentence ("While Lee denied the
        claims, she ..."), after a coordinator; else -1."""
        lowers = self.tok.lowers
        k = 0
        while k < len(lowers) and lowers[k] in ("and", "but", "yet", "so"):
            k += 1
        return k if k < len(lowers) and lowers[k] in _SUBORDINATORS else -1

    def subordinate_end(self, i: int, end: int) -> int:
        """Where a content starting at token ``i`` ends when its cue stands in a
        subordinate clause opening the sentence: at the comma before the main clause's
        subject ("As Lee criticized the plan, the council voted ..." ends at "plan")."""
        lowers = self.tok.lowers
        opener = self._subordinate_opener
        if any(lowers[k] in _CLAUSE_PUNCT for k in range(opener + 1, i)):
            return end  # the cue is in the main clause
        for k in range(i + 1, end - 1):
            if lowers[k] == "," and self.np_start(k + 1) and lowers[k + 1] not in ("and", "or"):
                return k
        return end

    def speech_lemma(self, lemma: str) -> bool:
        """Whether ``lemma`` is a verb of saying or thinking in the lexicon."""
        verb = self.lex.verbs.get(lemma)
        return verb is not None and verb[1] in ("speech", "cognitive")

    def after_addressee(self, i: int, default: int | None = None) -> int:
        """Where the content starts after a longer addressee of "told" and its like, up
        to a "that" ("told delegates at the convention on Monday that C") or a quotation
        after a comma or colon ('told the news agency simply, "C"');
        ``default`` (``i`` if not given) when none is near."""
        tok, w = self.tok, self.words
        lowers = tok.lowers
        n = len(tok)
        if default is None:
            default = i
        for j in range(i, min(n, i + 16)):
            low = lowers[j]
            if low == "that":
                # a clause opens with its subject: "the company that makes cars" is a relative
                return j + 1 if j + 1 < n and self.np_start(j + 1) else default
            if low in (",", ":") and j + 1 < n and lowers[j + 1] in _QUOTE_TOKENS and j > i:
                return j + 1
            if (
                (not tok.words[j] and low not in ("'s", "'", "-", "."))
                or low in w["pronoun"]
                or low in w["aux"]
                or low in w["boundary"]
                or (low in self.lex.verbs and self.is_verbal(j))
            ):
                return default
        return default

    def subject_after_addressee(self, i: int) -> int:
        """Where the clause after the addressee of "told" starts when it opens with a
        subject pronoun and no "that" ("told the paper he had no plans"): at the
        pronoun; ``i`` when none follows the addressee closely."""
        tok, w = self.tok, self.words
        lowers = tok.lowers
        if not self.np_start(i):
            return i
        for j in range(i + 1, min(len(tok), i + 7)):
            low = lowers[j]
            if low in _SUBJECT_PRONOUNS:
                return j
            if (
                not tok.words[j]
                or low in w["pronoun"]
                or low in w["aux"]
                or low in w["boundary"]
                or (low in self.lex.verbs and self.is_verbal(j))
            ):
                return i
        return i

    def short_object(self, i: int, end: int) -> bool:
        """Whether tokens ``i:end`` close the sentence with a short noun phrase object
        ("endorsed Sanders.", "backed the deal.", "echoed those comments."): a name, or
        a determiner or a possessive and one word."""
        tok, w = self.tok, self.words
        if end != self._end_before_marks or i >= end or not tok.words[i]:
            return False
        words = self.words_between(i, end)
        first = tok.lowers[i]
        if words > 2 or first in w["pronoun"] or first in w["aux"] or first in self.lex.verbs:
            return False
        if words == 1 or tok.texts[i][0].isupper():
            return tok.texts[i][0].isupper()
        return (
            (first in w["determiner"] and first not in ("that", "no"))
            or first.endswith(("'s", "'"))
            or first in ("his", "her", "their", "its", "our", "my", "your")
        )

    def short_answer(self, i: int, end: int) -> bool:
        """Whether tokens ``i:end`` close the sentence with a short answer: "yes", "no",
        "the same", or a pronoun and an auxiliary ("Flake said he would."); or are an
        infinitive of one word closing the sentence or its clause ("declined to comment.",
        "They want to compromise.")."""
        tok, w = self.tok, self.words
        if i + 2 == end and tok.lowers[i] == "to" and tok.words[i + 1]:
            # an infinitive closing the sentence or its clause: "declined to comment."
            return end == self._end_before_marks or (end < len(tok) and tok.lowers[end] == ",")
        if end != self._end_before_marks or i >= end:
            return False
        words = [tok.lowers[k] for k in range(i, end) if tok.words[k]]
        if words in (["yes"], ["no"], ["the", "same"]):
            return True
        return len(words) == 2 and words[0] in w["pronoun"] and words[1] in w["aux"]

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
        # only these tokens can stop a content: the others are not visited
        for j in [j for j, low in enumerate(lowers) if low in _STOP_TOKENS]:
            low = lowers[j]
            if j + 1 >= n:
                stops_anywhere[j] = low == ";"
                continue
            nxt = lowers[j + 1]
            if low == ";":
                stops_anywhere[j] = True
            elif low == ",":
                verb = lex.verbs.get(nxt)
                stops_anywhere[j] = (
                    (nxt == "but" and not self.predicate_follows(j + 2))
                    or nxt in _PARTICIPLE_STOPS
                    or nxt in _ADJUNCT_OPENERS
                    or bool(verb and (nxt.endswith("ing") or verb[1] == "speech"))
                    or self.attribution_follows(j)
                    or self.report_follows(j, ("speech", "cognitive"))
                )
            elif low in _QUOTE_TOKENS and j >= 1 and lowers[j - 1] == ",":
                # ',” adding that C2': a participle or an adjunct after a quotation
                # closing on a comma stops the content after the mark
                verb = lex.verbs.get(nxt)
                if (
                    nxt in _PARTICIPLE_STOPS
                    or nxt in _ADJUNCT_OPENERS
                    or (verb is not None and nxt.endswith("ing"))
                    or (nxt == "but" and not self.predicate_follows(j + 2))
                ):
                    stops_anywhere[j + 1] = True
            elif low in ("and", "but"):
                verb = lex.verbs.get(nxt)
                stops_after_start[j] = (
                    bool(
                        verb
                        and not nxt.endswith("ing")
                        and verb[1] != "other"
                        and not (nxt == verb[0] and self.infinitive_before(j))
                    )
                    or nxt in ("noted", "added", "said", "pressed", "urged", "warned")
                    or self.pronoun_cue_follows(j + 1)
                    or self.verb_group_follows(j + 1)
                    or self.coordinated_participle(j + 1)
                )
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

    def coordinated_participle(self, k: int) -> bool:
        """Whether token ``k``, after "and" or "but", is a cue verb in -ing (not a weak
        one) coordinated with a participle after a comma earlier in the sentence (",
        praising X but warning that C2"): a second report of the shared speaker."""
        lowers = self.tok.lowers
        low = lowers[k]
        if not low.endswith("ing"):
            return False
        verb = self.lex.verbs.get(low)
        if verb is None or verb[1] not in ("speech", "cognitive", "other"):
            return False
        return self._comma_participle < k

    @_table
    def _comma_participle(self) -> int:
        """The first token after a comma that is a cue verb in -ing (", saying ..."),
        else the sentence's length."""
        lowers, verbs = self.tok.lowers, self.lex.verbs
        for j in range(1, len(lowers)):
            if lowers[j - 1] == "," and lowers[j].endswith("ing") and lowers[j] in verbs:
                return j
        return len(lowers)

    def infinitive_before(self, k: int) -> bool:
        """Whether "to" or a modal stands a few words before token ``k`` in the same
        clause ("asked them to raise their voices and say ...", "may switch sides and
        back ..."): a bare verb after "and" at ``k`` continues that verb group."""
        lowers = self.tok.lowers
        for j in range(k - 1, max(-1, k - 10), -1):
            low = lowers[j]
            if low == "to" or low in _MODALS:
                return True
            if low in _CLAUSE_PUNCT or low in self.words["boundary"]:
                return False
        return False

    def predicate_follows(self, k: int) -> bool:
        """Whether token ``k`` opens a predicate with no subject of its own ("..., but
        required candidates to ..."): a lower-case word that opens no noun phrase."""
        tok, w = self.tok, self.words
        if k >= len(tok) or not tok.words[k]:
            return False
        low = tok.lowers[k]
        if low == "that" and k + 1 < len(tok) and tok.lowers[k + 1] in _SUBJECT_PRONOUNS:
            return True  # "said C, but that he would ...": a second clause of the report
        return not (
            self.np_start(k)
            or low in self.lex.verbs
            or low in w["boundary"]
            or (
                # ", but for now, the plan ...": a new clause; not the second half of
                # "not (only) X, but in Y"
                low in _ADVERBIAL_OPENERS and "not" not in tok.lowers[max(0, k - 14) : k]
            )
        )

    def verb_group_follows(self, k: int) -> bool:
        """Whether auxiliaries, adverbs or a negation and then a cue verb start at token
        ``k`` ("... and has also backed C2", "... but did not name C2"): a
        second report of the same subject after "and" or "but"."""
        lowers, lex = self.tok.lowers, self.lex
        n = len(lowers)
        j = k
        while j < n and lowers[j] in lex.before_cue:
            j += 1
        if j == k or j >= n:
            return False
        verb = lex.verbs.get(lowers[j])
        return (
            verb is not None
            and verb[1] != "other"
            and not lowers[j].endswith("ing")
            and self.is_verbal(j)
        )

    def pronoun_cue_follows(self, k: int) -> bool:
        """Whether a personal pronoun and a cue verb start at token ``k`` ("... and he
        reiterated his claim that ..."): a report of its own after "and" or "but"."""
        lowers, w = self.tok.lowers, self.words
        n = len(lowers)
        if lowers[k] not in w["pronoun"] or lowers[k] in ("it", "you"):
            return False
        k += 1
        while k < n and (lowers[k] in w["aux"] or lowers[k] in w["adverb"]):
            k += 1
        return (
            k < n
            and lowers[k] in self.lex.verbs
            and not lowers[k].endswith("ing")
            and self.is_verbal(k)
        )

    def attribution_follows(self, comma: int) -> bool:
        """Whether ", <source> <saying verb>" closes the sentence after token ``comma``."""
        tok, lex = self.tok, self.lex
        n = len(tok)
        source = comma + 1
        if source < n and tok.lowers[source] in _QUOTE_TOKENS:
            # a quotation closing after the comma: '... "C1," Lee said.'
            quote = self.quote_at(tok.starts[source])
            if quote is None or quote.end != tok.ends[source]:
                return False
            source += 1
        for v in range(source + 1, min(n, source + 8)):
            verb = lex.verbs.get(tok.lowers[v])
            if verb is None:
                continue
            source_end = self.skip_aux_left(v)
            pronoun = source_end == source + 1 and tok.lowers[source] in self.words["pronoun"]
            if verb[1] != "speech" or not (pronoun or self.namey(source, source_end)):
                return False  # ", he said." closes the sentence as ", Smith said." does
            # at most 6 words follow the verb, none of them "that" (stop at the 7th)
            words = 0
            for k in range(v + 1, n):
                if (
                    tok.lowers[k] == ","
                    and k + 1 < n
                    and tok.lowers[k + 1].endswith("ing")
                    and tok.lowers[k + 1] in lex.verbs
                ):
                    return True  # "C, Lee said on Monday, adding that C2"
                if tok.words[k]:
                    words += 1
                    if words > 6 or tok.lowers[k] == "that":
                        return False
            return True
        return False

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
        return self.closing_quote(k)

    def closing_quote(self, k: int) -> Span | None:
        """The quotation that token ``k``, a quotation mark, closes, when it opens the
        sentence (or runs on from an earlier one) and ends with a comma, "?", "!" or a
        dash inside or right after it ('"C," S said'); else None."""
        tok = self.tok
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
        # a single-quoted phrase may close with it: '"... 'above the law,' " he said'
        last = self.text[quote.start : quote.end].rstrip("\"'\u2019\u201d\u201c ")[-1:]
        if (
            not any(c in ",?!\u2014-" for c in inner)
            and after not in (",", "\u2014", "-")
            and last not in (",", "?", "!", "\u2026")  # "\u2026": a trailing-off ellipsis
        ):
            return None
        return quote

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

    def content_close(self, k: int) -> int:
        """Where a content closed just before token ``k`` ends (the index after its last
        token), else -1: a comma closes it ("C, S said"), and so does a quotation
        closing on a comma, "?" or "!" ('... may be "strategic," said S'), its mark
        kept in the content."""
        lowers = self.tok.lowers
        if k >= 1 and lowers[k - 1] == ",":
            return k - 1
        if k >= 3 and lowers[k - 1] in _QUOTE_TOKENS and lowers[k - 2] in (",", "?", "!"):
            quote = self.quote_at(self.tok.starts[k - 1])
            if quote is not None and quote.end == self.tok.ends[k - 1]:
                return k
        return -1

    def description_follows(self, speaker: Span) -> bool:
        """Whether the sentence ends with a description of a speaker named after its cue
        (", said Jane Roe, a professor of history at the university who studies ...."):
        a comma, then a noun phrase or a relative clause, and no quotation."""
        tok = self.tok
        k = bisect.bisect_left(tok.starts, speaker.end)
        end = self._end_before_marks
        if k + 1 >= end or tok.lowers[k] != ",":
            return False
        opener = tok.lowers[k + 1]
        if not (self.np_start(k + 1) or opener in ("who", "whose")):
            return False
        if opener in self.words["pronoun"] and opener not in ("who", "whose"):
            return False
        return not self.quotes_between(k + 1, end) and end - k <= 40

    def clause_tail(self, first: int, last: int) -> tuple[int, Span | None] | None:
        """For 'C, S V.' and 'C, V S.': the end of C and the speaker, if the cue closes the sentence."""
        tok = self.tok
        # after the cue: only an optional speaker / time words, then the sentence end
        j = last
        speaker_after = None
        end = self._end_before_marks
        participle = self.participle_after(last)
        if participle is not None:
            end = participle  # "C, Lee said on Monday, adding that C2"
        before = self.skip_aux_left(first)
        short_tail = (
            j == end
            or self.participle_after(j) == j  # "C, Lee said, adding that C2"
            or (
                (tok.lowers[j] in self.words["temporal"] or tok.lowers[j] in _TRAILING_PREPOSITIONS)
                # "vowed to fight the plan" is an infinitive, "said to a crowd" a phrase
                and not (tok.lowers[j] == "to" and j + 1 < end and not self.np_start(j + 1))
                and end - j <= 10
                and not any(
                    tok.lowers[k] == "that"
                    or tok.lowers[k] in _QUOTE_TOKENS
                    or tok.lowers[k] in self.words["aux"]
                    or (tok.lowers[k] in self.lex.verbs and self.is_verbal(k))
                    for k in range(j, end)
                )
            )
        )
        if not short_tail and j < end and self.addressee_tail(first, j, end):
            short_tail = True
        close = self.content_close(before)
        if close >= 0:
            if short_tail and tok.lowers[before - 1] == ",":
                # "C, S, a spokesman, said in a statement.": a subject with an apposition
                speaker, subject = self.speaker_before(first)
                if speaker is not None and subject > 0:
                    inner = self.content_close(subject)
                    if inner > 0:
                        return inner, speaker
            # "C, said S." -- speaker after the cue
            if j < end:
                span = self.speaker_after(j)
                if span is None or (
                    tok.ends[end - 1] > span.end + 40 and not self.description_follows(span)
                ):
                    return None
                speaker_after = span
            return close, speaker_after
        # "C, S said." / "C, S said in a video message."
        if not short_tail:
            return None
        start = self.clause_start(before)
        close = self.content_close(start)
        if (
            close < 0
            and start >= 3
            and tok.lowers[start - 1] == "as"
            and not any(tok.lowers[k] in self.words["passive"] for k in range(start, before))
        ):
            # "C, as Lee noted in a column.": a comment clause closes the content (not
            # a passive: "as he was found")
            close = self.content_close(start - 1)
        if close <= 0:
            return None
        if before - start > 8 or before == start:
            return None
        return close, self.tokens_span(start, before)

    def addressee_tail(self, first: int, j: int, end: int) -> bool:
        """Whether tokens ``j:end`` after "told" at ``first`` are its addressee and at
        most a phrase of place, medium or time, closing the sentence ("C, he told the
        court in a filing."): no content of its own follows."""
        tok, w = self.tok, self.words
        verb = self.lex.verbs.get(tok.lowers[first])
        if verb is None or verb[0] != "tell" or end - j > 10:
            return False
        if not (self.np_start(j) or tok.lowers[j] in w["object"]):
            return False
        return not any(
            tok.lowers[k] == "that"
            or tok.lowers[k] in _QUOTE_TOKENS
            or tok.lowers[k] in w["aux"]
            or tok.lowers[k] in _SUBJECT_PRONOUNS
            or (tok.lowers[k] in self.lex.verbs and self.is_verbal(k))
            for k in range(j, end)
        )

    def participle_after(self, last: int) -> int | None:
        """The comma before a participle cue (", adding that ...") within a few words
        after token ``last``, if any, with no verb or "that" before it."""
        tok, lex = self.tok, self.lex
        lowers = tok.lowers
        n = len(tok)
        for k in range(last, min(n - 1, last + 8)):
            low = lowers[k]
            if low == ",":
                nxt = lowers[k + 1]
                if nxt.endswith("ing") and nxt in lex.verbs:
                    return k
            elif low == "that" or low in _QUOTE_TOKENS or low in lex.verbs:
                return None
        return None

    def parenthetical(self, first: int, last: int) -> tuple[Span, Span, Span] | None:
        """'C1, S V, C2': the cue and its speaker between commas inside the content
        (not 'C1, S said, adding C2': the participle is a report of its own)."""
        tok = self.tok
        n = len(tok)
        if last >= n or tok.lowers[last] != "," or self.participle_after(last) == last:
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
