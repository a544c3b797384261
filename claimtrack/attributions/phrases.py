"""Noun phrases and speakers: the source before a cue (over appositions and
interrupting phrases), after it, or shared with an earlier cue of the sentence."""

from __future__ import annotations

import bisect

from claimtrack.attributions.cues import _np_words, _number_words, _starters
from claimtrack.attributions.sentence import _SentenceTables, _table
from claimtrack.attributions.tokens import (
    _ADVERBIAL_OPENERS,
    _CLAUSE_PUNCT,
    _COORDINATORS,
    _OBJECT_PREPOSITIONS,
    _QUOTE_TOKENS,
    _TRAILING_PREPOSITIONS,
)
from claimtrack.spans import Span

#: Words that may stand before the preposition of an opening adverbial ("Early in
#: the campaign, ...", "Based on the figures, ...", "Here in the capital, ...").
_OPENER_MODIFIERS = frozenset(["early", "late", "based", "here", "there", "right", "just"])
#: Nouns and words of time in an opening time phrase ("The day before, ...").
_TIME_NOUNS = frozenset(
    [
        *("day", "days", "hours", "week", "weeks", "month", "months", "year", "years"),
        *("weekend", "morning", "afternoon", "evening", "night", "before", "ago"),
    ]
)
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
#: Other words of a time phrase between a source and its cue ("less than two weeks ago").
_TIME_WORDS = frozenset(
    [
        *("this", "that", "last", "past", "earlier", "later", "a", "few", "less", "more"),
        *("than", "about"),
    ]
)
#: Words that may open a clause before its subject, besides adverbs ("That is why
#: critics say", "... is how aides describe it").
_SUBJECT_OPENERS = frozenset(["why", "how", "where", "only", "perhaps", "maybe"])
#: Personal pronouns in the subject case: one right before a cue is its subject.
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
_DASHES = frozenset(["-", "--", "\u2014", "\u2013"])
#: Subordinators that open a clause with its own subject inside a sentence ("... when
#: Lee spotted a sign and asked C").
_CLAUSE_OPENERS = frozenset(["when", "after", "because", "while", "as", "before"])


class _Phrases(_SentenceTables):
    """Finders of noun phrases and speakers in a sentence."""

    @_table
    def _last_verbal(self) -> list[int]:
        """For each ``i`` in ``0..n``: the last token before ``i`` that :meth:`is_verbal`, or -1."""
        is_verbal = self.is_verbal
        # a token is verbal only if it is an auxiliary or a verb form: the others are
        # not asked
        aux, verbs = self.lex.verbal_aux, self.lex.verbs
        last = -1
        return [-1] + [
            (last := k) if (low in aux or low in verbs) and is_verbal(k) else last
            for k, low in enumerate(self.tok.lowers)
        ]

    def speaker_before(self, cue_first: int) -> tuple[Span | None, int]:
        """The source mention ending just before the cue (auxiliaries skipped).

        Returns the span and the index of its first token (or -1).
        """
        tok = self.tok
        lowers = tok.lowers
        end = self.skip_aux_left(cue_first)
        if end == 0:
            return None, -1
        if (
            end >= 2
            and lowers[end - 1] in ("both", "all")
            and lowers[end - 2] in self.lex.before_cue
        ):
            end = self.skip_aux_left(end - 1)  # "Lee and Roe have both argued"
        end = self.before_time_phrase_end(end)
        if lowers[end - 1] in _DASHES:
            # "Farmers - hurt by the drought - have found ...": the subject is before
            # the phrase set off by dashes
            for k in range(end - 2, max(0, end - 45), -1):
                if lowers[k] in _DASHES:
                    return self.speaker_before(k) if k > 0 else (None, -1)
                if lowers[k] in (".", ";", ":") or lowers[k] in _QUOTE_TOKENS:
                    break
        if tok.lowers[end - 1] in _COORDINATORS:
            return None, -1  # "X noted ... and added": the subject is shared
        if tok.lowers[end - 1] in ("who", "which") and end >= 3 and tok.lowers[end - 2] == ",":
            return self.relative_antecedent(end - 1, cue_first)
        if lowers[end - 1] == "who" and end >= 2 and tok.words[end - 2]:
            # a restrictive relative: "voters who said C", "half who say C"
            k = end - 1
            while (
                k > 0
                and end - k < 6
                and tok.words[k - 1]
                and not self.is_verbal(k - 1)
                and lowers[k - 1] not in self.words["boundary"]
                and lowers[k - 1] not in _OBJECT_PREPOSITIONS
                and lowers[k - 1] not in _TRAILING_PREPOSITIONS
                and lowers[k - 1] not in self.words["interrupter"]
            ):
                k -= 1
            return Span(tok.starts[k], tok.ends[end - 1]), k
        if end >= 3 and lowers[end - 1] in _QUOTE_TOKENS and lowers[end - 2] == ",":
            # 'Lee, citing "a grave risk," said C': the phrase's comma inside its quotation
            found = self.subject_before_quoted_phrase(end - 1)
            if found[0] is not None:
                return found
        if tok.lowers[end - 1] == ",":
            found = self.apposed_subject(end)
            if found[0] is None:
                found = self.described_subject(end)
            return found
        if (
            end >= 2
            and tok.lowers[end - 1] in self.words["pronoun"]
            and tok.lowers[end - 2] in ("and", "but")
        ):
            return self.tokens_span(end - 1, end), end - 1  # "C, and he insisted that C2"
        start = self.clause_start(end)
        # a source holds no verb: stop at the nearest auxiliary or reporting verb
        verbal = self._last_verbal[end]
        if verbal >= start:
            who = self.restrictive_relative(start, verbal)
            if who > start:
                # "Aides who have seen the polls argue that C"
                return Span(tok.starts[start], tok.ends[end - 1]), start
            start = verbal + 1
        # "what officials say", "conflicted with what Lee told": the source follows "what"
        for k in range(end - 2, max(start, end - 6) - 1, -1):
            if tok.lowers[k] == "what":
                start = k + 1
                break
        # a leading preposition phrase ("On Tuesday Smith said") stays: overlap scoring is loose
        if start < end:
            start = min(self._next_words[start], end)
        if start + 1 < end and tok.lowers[start] in ("and", "but") and self.np_start(start + 1):
            start += 1  # "C, and the minister says C2": a report of its own
        if (
            start + 1 < end
            and lowers[start] in _COORDINATORS
            and (start == 0 or (lowers[start - 1] == "," and self.opens_subject(start + 1)))
        ):
            start += 1  # "Yet critics say C", "..., and aviation experts say C"
        # the word after a coordinator opening the sentence or a clause stands where a
        # capital would: "But specialists say C" as "Specialists say C"
        opening = (
            start >= 1
            and lowers[start - 1] in _COORDINATORS
            and (start == 1 or lowers[start - 2] == ",")
            and self.opens_subject(start)
        )
        while (
            start + 1 < end
            and (lowers[start] in self.words["adverb"] or lowers[start] in _SUBJECT_OPENERS)
            and not self.np_start(start)
        ):
            start += 1  # "That is why critics say C", "Still, even Mr. Lee says C"
        if start >= end or end - start > 20 or not (self.np_start(start) or opening):
            if lowers[end - 1] in _SUBJECT_PRONOUNS and not self.after_noun_phrase(end - 1):
                # a personal pronoun before the cue is its subject, whatever phrase opens
                # the clause: "Although in May she said C", "..., on Tuesday he said C"
                return self.tokens_span(end - 1, end), end - 1
            return None, -1
        if self.prepositional_object(start, end):
            return None, -1
        end = self.before_time_phrase(start, end)
        return Span(tok.starts[start], tok.ends[end - 1]), start

    def after_noun_phrase(self, k: int) -> bool:
        """Whether token ``k`` follows a noun phrase opened by a determiner a few words
        before it ("the plan he backs", "any topic she knew"): a relative clause
        without its pronoun, whose verb reports less often than a clause's."""
        lowers, tok = self.tok.lowers, self.tok
        for j in range(k - 1, max(-1, k - 5), -1):
            if not tok.words[j] and not lowers[j].endswith("'s"):
                return False
            if lowers[j] in self.words["determiner"]:
                return True
            if lowers[j] in self.words["boundary"] or self.is_verbal(j):
                return False
        return False

    def opens_subject(self, k: int) -> bool:
        """Whether the lower-case word at token ``k``, after a coordinator opening a
        sentence or clause, may open a subject: a word, not a preposition, a clause
        word, a coordinator, an adverb in -ly or a contraction ("you'll")."""
        low = self.tok.lowers[k]
        return (
            self.tok.words[k]
            and low not in _ADVERBIAL_OPENERS
            and low not in self.words["boundary"]
            and low not in _COORDINATORS
            and not low.endswith(("ly", "'ll", "\u2019ll", "'d", "\u2019d", "'re", "\u2019re"))
        )

    def subject_before_quoted_phrase(self, mark: int) -> tuple[Span | None, int]:
        """The subject before a phrase set off by commas that ends in a quotation
        closing at token ``mark`` ('Lee, citing "a grave risk," said C'): the phrase
        opens with a participle, preposition or time word; the subject is a noun phrase
        of at most 14 words without a verb.  Returns the span and its first token."""
        tok = self.tok
        lowers = tok.lowers
        quote = self.quote_at(tok.starts[mark])
        if quote is None or quote.end != tok.ends[mark]:
            return None, -1
        opening = bisect.bisect_left(tok.starts, quote.start)
        seg = opening
        while seg > 0 and lowers[seg - 1] not in _CLAUSE_PUNCT and opening - seg < 8:
            seg -= 1
        if seg < 2 or seg == opening or lowers[seg - 1] != "," or not self.interrupts(seg):
            return None, -1
        subject_end = seg - 1
        subject_start = self.subject_ending_at(subject_end)
        if subject_start >= 0:
            return Span(tok.starts[subject_start], tok.ends[subject_end - 1]), subject_start
        return None, -1

    def subject_ending_at(self, end: int) -> int:
        """Where a subject ending before token ``end`` (a comma after it) starts: a
        noun phrase of at most 14 tokens from its clause's start, with no verb; else -1."""
        start = self.clause_start(end)
        if (
            start < end
            and end - start <= 14
            and self.np_start(start)
            and not any(self.is_verbal(k) for k in range(start, end))
        ):
            return start
        return -1

    def restrictive_relative(self, start: int, verbal: int) -> int:
        """The "who" of a restrictive relative clause opening at most a few words into a
        subject that starts at token ``start``, before the verb at ``verbal`` ("Party
        aides who have seen the polls argue ..."), else -1: the subject is a noun
        phrase (no verb, at most six words) and the relative holds no punctuation."""
        lowers = self.tok.lowers
        if not self.np_start(start) or lowers[start] in self.words["pronoun"]:
            return -1
        for k in range(start + 1, min(verbal, start + 7)):
            low = lowers[k]
            if low in ("who", "whose"):
                return k if self.is_word(k - 1) and self._last_verbal[k] < start else -1
            if not self.tok.words[k]:
                return -1
        return -1

    def before_time_phrase_end(self, end: int) -> int:
        """Where a source ends before a time phrase of a few words ending at token ``end``
        that holds a time noun ("The ministry less than two weeks ago said", "Lee,
        the chairman, this past week announced"); ``end`` when there is none."""
        lowers, w = self.tok.lowers, self.words
        k = end
        noun = False
        while k > 0 and end - k < 6:
            low = lowers[k - 1]
            if low in _TIME_NOUNS or low in _WEEKDAYS:
                noun = True
            elif not (
                low in _TIME_WORDS
                or low in w["temporal"]
                or low[:1].isdigit()
                or low.split("-")[0] in _number_words()
            ):
                break
            k -= 1
        if not noun or k == end or k == 0 or lowers[k - 1] in ("in", "on", "at", "during"):
            return end
        return k

    def before_time_phrase(self, start: int, end: int) -> int:
        """Where a source in tokens ``start:end`` ends without a time phrase between it
        and its cue ("The mayor on Monday said", "Lee earlier this month said")."""
        lowers, temporal = self.tok.lowers, self.words["temporal"]
        j = end
        while j > start + 1 and (lowers[j - 1] in temporal or lowers[j - 1] in ("late", "early")):
            j -= 1
        # a time word, not a bare preposition ("Officials in ... said" keeps its place)
        if j < end and any(lowers[k] not in ("on", "in", "at", "during") for k in range(j, end)):
            return j
        return end

    def apposed_subject(self, end: int) -> tuple[Span | None, int]:
        """The subject of a cue after a comma (token ``end - 1``): an apposition
        ("Chile's top diplomat, Ana Rojas, said") or a subject before an interrupting
        phrase ("The mayor, speaking Monday, said")."""
        tok = self.tok
        # "Chile's top diplomat, Ana Rojas, said": an apposition before the cue
        inner_end = end - 1
        inner_start = self.clause_start(inner_end)
        if inner_start >= inner_end:
            return None, -1
        relative = inner_start
        interrupter = self.words["interrupter"]
        # a phrase set off by commas that holds a relative clause, over a boundary
        # word inside it ("Lee, a farmer who calls himself a moderate,
        # said ..."): the subject is before it
        seg = inner_start
        while seg > 0 and tok.lowers[seg - 1] not in _CLAUSE_PUNCT and inner_end - seg < 30:
            seg -= 1
        described = (
            1 <= seg < inner_start
            and tok.lowers[seg - 1] == ","
            and any(tok.lowers[k] in ("who", "whose") for k in range(seg, inner_start))
        )
        if not described and seg >= 2 and tok.lowers[seg - 1] == ",":
            # two phrases set off by commas, the first a participle or prepositional
            # phrase ("Lee, facing a hard race at home, a big state, said")
            seg2 = seg - 1
            while seg2 > 0 and tok.lowers[seg2 - 1] not in _CLAUSE_PUNCT and inner_end - seg2 < 30:
                seg2 -= 1
            if 1 <= seg2 < seg - 1 and tok.lowers[seg2 - 1] == "," and self.interrupts(seg2):
                seg, described = seg2, True
        if described:
            relative = seg
        elif relative >= 1 and tok.lowers[relative - 1] in interrupter:
            relative -= 1  # clause_start stops after "which" or "while", boundary words
        if (
            relative >= 1
            and tok.lowers[relative - 1] == ","
            and (described or self.interrupts(relative))
        ):
            # "Sanders, who has already sent pleas, said ...", "The mayor, speaking
            # Monday, said ...": the subject is before the phrase
            subject_end = relative - 1
            subject_start = self.subject_ending_at(subject_end)
            if subject_start >= 0:
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

    def described_subject(self, end: int) -> tuple[Span | None, int]:
        """A name opening the sentence, described at length before its cue ("Jo Roe,
        a top operative who ran the early-vote effort in the state, said ..."): the
        name, when the description after its comma opens with a noun phrase or "who"
        and holds no quotation and no other cue.  Returns the span and its first token."""
        tok = self.tok
        lowers = tok.lowers
        start = 0
        while start < end and lowers[start] in _COORDINATORS:
            start += 1
        first_comma = next((k for k in range(start, min(end, start + 8)) if lowers[k] == ","), -1)
        if first_comma <= start or first_comma + 1 >= end - 1 or end - first_comma > 45:
            return None, -1
        if not (tok.texts[start][0].isupper() and self.namey(start, first_comma)):
            return None, -1
        opener = lowers[first_comma + 1]
        if not (self.np_start(first_comma + 1) or opener in ("who", "whose")):
            return None, -1
        if opener in self.words["pronoun"]:
            return None, -1
        for k in range(first_comma + 1, end - 1):
            low = lowers[k]
            if low in _QUOTE_TOKENS or low in (";", ":", "("):
                return None, -1
            verb = self.lex.verbs.get(low)
            if verb is not None and verb[1] == "speech":
                return None, -1  # a report of its own
        return Span(tok.starts[start], tok.ends[first_comma - 1]), start

    def report_follows(self, comma: int, classes: tuple[str, ...] = ("speech",)) -> bool:
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
        if verb is None or verb[1] not in classes or lowers[k].endswith("ing"):
            return False
        # a content of two words or more follows, not a phrase ("said in a statement")
        nxt = k + 1
        return (
            self.words_between(nxt, min(n, nxt + 2)) == 2
            and lowers[nxt] not in _TRAILING_PREPOSITIONS
            and lowers[nxt] not in _OBJECT_PREPOSITIONS
            and lowers[nxt] not in w["temporal"]
        )

    def relative_antecedent(self, pronoun: int, cue_first: int) -> tuple[Span | None, int]:
        """The source of a cue in a relative clause, ", who said ...": the noun phrase
        before the comma (over its appositions: "Nicky Driscoll, 24, from Manchester,
        who said ..."), through the pronoun.  Returns the span and its first token."""
        tok = self.tok
        np_end = pronoun - 1  # the comma
        start = self.clause_start(np_end)
        if start >= np_end or np_end - start > 12:
            return None, -1
        if (
            start + 1 < np_end
            and self.verb_lemma(cue_first) == "say"
            and self.saying_verb(start)
            and self.is_verbal(start)
            and start > 0
            and tok.lowers[start - 1] in _QUOTE_TOKENS
        ):
            # '"C," said Lee, who said C2': the speaker of the quotation (only "say" in
            # the relative clause: "who praised X", "who added that C" are as often no
            # report in PolNeAR)
            start += 1
        if any(self.is_verbal(k) for k in range(start, np_end)):
            return None, -1
        if start >= 2 and tok.lowers[start - 1] == ",":
            start = self.apposition_start(start)
            if start < 0:
                return None, -1
        if not self.np_start(start):
            return None, -1
        return Span(tok.starts[start], tok.ends[pronoun]), start

    def verb_lemma(self, k: int) -> str | None:
        """The lemma of token ``k`` if it is a verb of the lexicon."""
        verb = self.lex.verbs.get(self.tok.lowers[k])
        return None if verb is None else verb[0]

    def saying_verb(self, k: int) -> bool:
        """Whether token ``k`` is a verb of saying or thinking in the lexicon."""
        verb = self.lex.verbs.get(self.tok.lowers[k])
        return verb is not None and verb[1] in ("speech", "cognitive")

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

    def capitalised_name(self, first: int, last: int) -> bool:
        """Whether a capitalised cue word inside a sentence that is not in title case is
        part of a name: after a word and beside another capitalised word ("spokeswoman
        Hope Lane said", "chief executive Jo Read said")."""
        tok = self.tok
        if first == 0 or last - first != 1 or not tok.texts[first][0].isupper():
            return False
        if not tok.words[first - 1] or self._title_case:
            return False
        return tok.texts[first - 1][0].isupper() or (
            last < len(tok) and tok.words[last] and tok.texts[last][0].isupper()
        )

    def is_verbal(self, k: int) -> bool:
        """Whether token ``k`` is an auxiliary or a reporting verb form (never in a source)."""
        lowers, lex = self.tok.lowers, self.lex
        low = lowers[k]
        if low in lex.verbal_aux:
            return True
        if low not in lex.verbs:
            return False
        if self.plural_subject(k):
            return False
        if k == 0:
            return True
        before = lowers[k - 1]
        # after a determiner, a quantifier or a possessive it is a noun: "some advocates"
        if before in lex.noun_before or before.endswith("'s"):
            return False
        return not (self.tok.texts[k][0].isupper() and self.capitalised_name(k, k + 1))

    def plural_subject(self, k: int) -> bool:
        """Whether token ``k``, an -s form of a cue verb, is a plural noun heading the
        subject of a verb of saying right after it ("Abortion rights advocates said
        C", "Reports say C")."""
        lowers = self.tok.lowers
        low = lowers[k]
        if not low.endswith("s") or low.endswith("'s") or k + 1 >= len(lowers):
            return False
        verb = self.lex.verbs.get(lowers[k + 1])
        return verb is not None and verb[1] == "speech" and not lowers[k + 1].endswith("ing")

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
                # a relative clause describing the source may hold verbs ("said a
                # committee member who supports the plan.")
                for k in range(i, next((k for k in range(i + 2, j) if tok.lowers[k] == "who"), j))
            )
        ):
            return None
        return Span(tok.starts[i], tok.ends[j - 1])

    def head_after(self, i: int) -> Span | None:
        """The head of a source noun phrase right after a closing cue, where
        :meth:`speaker_after` found no whole source ('"C," said one person with
        knowledge of the talks, who ...', '"C," said Rep. Jo Roe (D-Va.) at the
        time'): the words up to a preposition, a relative pronoun, a verb or
        punctuation, at most 8."""
        tok, w = self.tok, self.words
        n = len(tok)
        if i >= n or not self.np_start(i) or tok.lowers[i] in w["pronoun"]:
            return None
        j = i
        while j < n and j - i < 8 and tok.words[j]:
            low = tok.lowers[j]
            if j > i and (
                low in _TRAILING_PREPOSITIONS
                or low in _OBJECT_PREPOSITIONS
                or low in w["boundary"]
                or low in w["temporal"]
            ):
                break
            if low in w["aux"] or (low in self.lex.verbs and self.is_verbal(j)):
                break
            j += 1
        if j == i or (j - i == 1 and not tok.texts[i][0].isupper()):
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

    def shared_speaker(self, cue_first: int) -> Span | None:
        """The speaker of a coordinated or participial cue: the last speaker found before it
        in the sentence, else the sentence's subject."""
        offset = self.tok.starts[cue_first]
        for raw in reversed(self.found):
            if raw.speaker is not None and raw.speaker.end <= offset:
                return raw.speaker
        return self.main_subject()

    def coordinated_subject(self, cue_first: int) -> Span | None:
        """The subject of the clause a coordinated cue ("... and said C") belongs to when
        that clause opens after ", and" or a subordinator ("..., and the league
        denounced X and said C", "... when Lee spotted a sign and asked C"): the noun
        phrase after the opener, up to its verb; None when no such clause opens
        within a few words of the cue."""
        tok, w = self.tok, self.words
        lowers = tok.lowers
        for k in range(cue_first - 2, max(0, cue_first - 16), -1):
            low = lowers[k]
            if low in _CLAUSE_PUNCT or low in _QUOTE_TOKENS:
                return None
            if low in ("who", "which") and k > 0 and lowers[k - 1] == ",":
                # "Lee, who saw the crash and described it": the relative's subject
                speaker, _ = self.speaker_before(k + 1)
                return speaker
            opener = low in _CLAUSE_OPENERS or (low == "and" and k > 0 and lowers[k - 1] == ",")
            if not opener or k + 1 >= cue_first or not self.np_start(k + 1):
                continue
            if lowers[k + 1] in w["pronoun"]:
                return None  # a pronoun subject is found as the cue's own
            j = k + 1
            while j < cue_first and j - k <= 10 and tok.words[j]:
                low = lowers[j]
                if (
                    low in w["aux"]
                    or low in w["boundary"]
                    or low in w["adverb"]
                    or self.is_verbal(j)
                    or (j > k + 1 and low.endswith(("ed", "ly")) and tok.texts[j].islower())
                ):
                    break  # its verb: "Lee spotted a sign", "the league strongly denounced"
                j += 1
            if j == k + 1 or j >= cue_first or not tok.words[j]:
                return None
            return self.tokens_span(k + 1, j)
        return None

    def opening_phrase_end(self, start: int, after_phrase: bool) -> int | None:
        """The comma closing an opening phrase at token ``start`` (-1 when the phrase
        runs on without one), or None when no opening phrase starts there: an adverb
        or time phrase of up to three words, an adverbial led by a preposition or
        subordinator (also after an adverb: "Shortly after ..."), a participle
        phrase, and, after such a phrase, the rest of a place name ("Dover, Del.,")."""
        tok, w = self.tok, self.words
        lowers = tok.lowers
        n = len(tok)
        if start >= n:
            return None
        comma = next((k for k in range(start, min(n, start + 4)) if lowers[k] == ","), -1)
        if comma > start and all(
            lowers[k] in _starters()
            or lowers[k] in w["adverb"]
            or lowers[k] in w["temporal"]
            or lowers[k] in _TIME_NOUNS
            or lowers[k].endswith("ly")
            or (k == start and lowers[k] in ("the", "that", "a"))
            for k in range(start, comma)
        ):
            return comma
        if comma < 0:
            # a longer time phrase: "A few minutes later,", "A couple of years ago,"
            far = next((k for k in range(start, min(n, start + 7)) if lowers[k] == ","), -1)
            if (
                far > start + 1
                and lowers[far - 1] in ("later", "ago", "earlier")
                and all(
                    lowers[k] in _TIME_WORDS
                    or lowers[k] in _TIME_NOUNS
                    or lowers[k] in ("minutes", "decades", "couple", "of", "an", "the")
                    or lowers[k][:1].isdigit()
                    or lowers[k] in _number_words()
                    for k in range(start, far)
                )
            ):
                return far
        if after_phrase and comma > start and comma - start <= 3:
            texts = tok.texts
            if all(texts[k][0].isupper() for k in range(start, comma)) and texts[
                comma - 1
            ].endswith("."):
                return comma  # "... in Dover, Del., the mayor ..."
        low = lowers[start]
        if (
            low in _ADVERBIAL_OPENERS
            or (
                start + 1 < n
                and lowers[start + 1] in _ADVERBIAL_OPENERS
                and (low.endswith("ly") or low in w["adverb"] or low in _OPENER_MODIFIERS)
            )
            or (low.endswith("ing") and len(low) > 5 and tok.texts[start][0].isupper())
        ):
            return next((k for k in range(start, min(n, start + 25)) if lowers[k] == ","), -1)
        return None

    def time_phrase_end(self, start: int) -> int:
        """The token after an opening time phrase with no comma ("On Sunday", "By
        Tuesday afternoon", "Last week") when a pronoun or a capitalised word follows
        it; else -1."""
        tok = self.tok
        lowers = tok.lowers
        n = len(tok)
        if start >= n:
            return -1
        k = start + 1 if lowers[start] in ("on", "by", "in", "at", "early", "late") else start
        first = k
        while (
            k < n
            and k - first < 4
            and (
                lowers[k] in _WEEKDAYS
                or lowers[k] in _TIME_NOUNS
                or lowers[k] in ("last", "this", "that", "next", "early", "late", "the")
            )
        ):
            k += 1
        if (
            k == first
            or k >= n
            or not any(lowers[j] in _WEEKDAYS or lowers[j] in _TIME_NOUNS for j in range(first, k))
        ):
            return -1
        if lowers[k] in self.words["pronoun"] or tok.texts[k][:1].isupper():
            return k
        return -1

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
        while start + 1 < n and tok.lowers[start] in ("even", "only") and self.np_start(start + 1):
            start += 1  # "And even Lee tried to help, noting that C"
        # opening phrases and their commas, one after another: "However, he ...",
        # "Also Monday, ...", "In a July interview, he ...", "Shortly after the vote,
        # ...", "Arriving at the scene, ...", "The day before, at a rally in Dover,
        # Del., ..."
        skipped = False
        for _ in range(4):
            after_time = self.time_phrase_end(start)
            if after_time >= 0:
                start = after_time  # "On Sunday morning Mr. Lee wrote ...": no comma
                break
            comma = self.opening_phrase_end(start, skipped)
            if comma is None:
                break
            if comma < 0:
                return None
            start = comma + 1
            skipped = True
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
                # (not a past tense: "Lee went on ...")
                if (
                    j > 0
                    and (tok.texts[j - 1][0].isupper() or tok.lowers[j - 1] in w["determiner"])
                    and not low.endswith("ed")
                ):
                    j += 1
                    break
                break
            j += 1
        if j == start:
            return None
        return self.tokens_span(start, j)
