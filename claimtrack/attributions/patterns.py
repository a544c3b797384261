"""The named patterns, one function each, in a registry keyed by the name an
:class:`~claimtrack.attributions.Attribution` reports as its ``pattern``.

A line pattern reads a whole sentence (``colon``); a cue pattern reads a
sentence around one candidate cue and returns True when it settles that cue
(it found an attribution, or it rules the cue out for the patterns after it).
Cue patterns are tried in the registry's order:

>>> list(CUE_PATTERNS)  # doctest: +NORMALIZE_WHITESPACE
['according_to', 'noun_that', 'asked', 'passive', 'quote_then_cue', 'participle_quote',
 'participle_content', 'cue_then_quote', 'content_then_cue', 'parenthetical', 'raising',
 'subject_cue_content', 'cue_then_next_paragraph']
>>> PATTERNS == (*LINE_PATTERNS, *CUE_PATTERNS)
True
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import attrs

from claimtrack.attributions.contents import _Contents
from claimtrack.attributions.cues import _cue_verb
from claimtrack.attributions.tokens import (
    _COORDINATORS,
    _NOUN_CONTEXT,
    _OBJECT_PREPOSITIONS,
    _QUOTE_TOKENS,
    _TRAILING_PREPOSITIONS,
)
from claimtrack.attributions.values import AttributionKind, _Raw
from claimtrack.quantities import counting_words
from claimtrack.spans import Span


@attrs.frozen
class Cue:
    """A candidate cue of a sentence, as the cue patterns read it.

    Attributes:
        first: Its first token.
        last: The token after its last one.
        lemma: The lemma of its verb, or the phrase.
        klass: Its class in the lexicon (``speech``, ``cognitive``, ``other``,
            ``weak``) or ``phrase``.
        start: Its first token with the auxiliaries and adverbs before it
            ("has not yet said").
        span: The cue with those auxiliaries.
        bare: The cue's own words.
    """

    first: int
    last: int
    lemma: str
    klass: str
    start: int
    span: Span
    bare: Span
    low: str  # the first word in lower case
    prev: str  # the token before it, "" at the sentence start
    nxt: str  # the token after it, "" at the sentence end

    @property
    def saying(self) -> bool:
        """A verb of saying or thinking, or a phrase led by one ("said in a statement")."""
        if self.klass == "phrase":
            verb = _cue_verb(self.lemma.split())
            return verb is not None and verb[1] in ("speech", "cognitive")
        return self.klass in ("speech", "cognitive")

    @property
    def participle(self) -> bool:
        """A participle after a comma (", saying ..."), or a gerund of saying or
        thinking after a preposition of manner or time ("by warning that ...",
        "before adding that ...")."""
        if not self.low.endswith("ing"):
            return False
        return self.prev == "," or (
            self.prev in (*_GERUND_PREPOSITIONS, "") and self.klass in ("speech", "cognitive")
        )


def _age_noun(word: str) -> bool:
    """Whether a word opening with a digit is an age used as a noun ("the 43-year-old
    asked"), not a count or measure before a noun ("271 pledged delegates", "a
    10-year plan")."""
    return word.endswith(("-old", "-olds"))


class _SentenceRules(_Contents):
    """Apply the patterns to one sentence."""

    def run(self) -> list[_Raw]:
        tok = self.tok
        n = len(tok)
        if n == 0 or self.sentence.boilerplate:
            return []
        base = self.sentence.start
        self.open_tries: dict[int, int] = {}
        for line_pattern in LINE_PATTERNS.values():
            line_pattern(self)
        for first, last, lemma, klass in self.cue_candidates():
            # a cue inside reported content or a speaker belongs to it
            if self.blocked[tok.starts[first] - base]:
                continue
            if (
                klass == "phrase"
                and lemma != "according to"
                and self.found
                and tok.lowers[first] not in self.lex.verbs
                and not (
                    first > 0 and tok.lowers[first - 1] == "," and tok.lowers[first].endswith("ing")
                )
            ):
                # "said at a rally": the verb was the cue (", referring to" is not, nor a
                # phrase led by a verb: "Asked about it, Lee told CNN that C")
                continue
            if klass == "phrase" and self.verb_after_phrase(first, last):
                continue  # "The mayor in a speech on Monday said": the verb is the cue
            # a cue inside an open content is tried: "sought X as Lee said C", "Lee
            # said C, and Roe vowed C2"
            outer = self.open_object_at(tok.starts[first])
            if outer is None:
                self.try_cue(self.cue(first, last, lemma, klass))
                continue
            if not self.may_report(outer, first, klass):
                continue  # no report of its own can open here: the content holds it
            before, opened = len(self.found), len(self.open_objects)
            self.journal = []
            self.try_cue(self.cue(first, last, lemma, klass))
            journal, self.journal = self.journal, None
            if len(self.found) > before and self.inner_report(outer, before, first, klass):
                self.open_objects.remove(outer)
                continue
            del self.found[before:]
            del self.open_objects[opened:]
            for a, old in reversed(journal):
                self.blocked[a : a + len(old)] = old
            # a few tries per content: a run-on sentence stays linear
            tries = self.open_tries[outer[2]] = self.open_tries.get(outer[2], 0) + 1
            if tries >= _OPEN_TRIES:
                self.open_objects.remove(outer)
                self.block(Span(outer[0], outer[1]))
        return self.found

    def open_object_at(self, offset: int) -> tuple[int, int, int, str] | None:
        """The content left open to the reports inside it that holds ``offset``.  The
        candidates come in text order: the contents ending before ``offset`` are
        dropped, so that few are ever looked at."""
        extents = self.open_objects
        if extents:
            extents[:] = [e for e in extents if e[1] > offset]
        for extent in extents:
            if extent[0] <= offset < extent[1]:
                return extent
        return None

    def may_report(self, outer: tuple[int, int, int, str], first: int, klass: str) -> bool:
        """Whether a candidate cue at token ``first`` inside an open content could be
        kept by :meth:`inner_report` (a cheap test before the patterns run): in a
        "clause", a verb of saying or thinking with "and", "but" or ";" up to 20 tokens
        before it; in an "object", no verb of thinking."""
        if outer[3] == "object":
            return klass != "cognitive"
        if klass not in ("speech", "cognitive"):
            return False
        lowers = self.tok.lowers
        return any(lowers[k] in ("and", "but", ";") for k in range(max(0, first - 20), first))

    def inner_report(
        self, outer: tuple[int, int, int, str], inner: int, cue_first: int, klass: str
    ) -> bool:
        """Whether the attribution just found at ``self.found[inner]``, inside an open
        content (``outer``: its extent, the index of its attribution and its kind), is a
        report of its own.

        In the plain object of a weaker verb ("object"), it needs a speaker, a cue that
        is no verb of thinking, and to open after a subordinator ("because Lee said
        C", "where aides say C"), "what" ("shedding what Lee called C"), a colon,
        semicolon or dash, ", and" or ", but", or to be a relative clause ("Lee, who
        alleged C").  In any other content ("clause"), it needs a verb of saying or
        thinking after "and", "but" or a semicolon ("Lee said C, and Roe vowed C2"),
        and the outer content then ends before that word."""
        tok = self.tok
        new = self.found[inner]
        speaker = new.speaker
        if len(self.found) - inner != 1 or speaker is None:
            return False
        if speaker.start < outer[0] < speaker.end:
            # "found Roe, who alleged C": the speaker starts in the object
            speaker = Span(outer[0], speaker.end)
            self.found[inner] = attrs.evolve(new, speaker=speaker)
        start = min(speaker.start, new.content[0].start)
        i = bisect.bisect_left(tok.starts, start)
        if i == 0:
            return False
        prev = tok.lowers[i - 1]
        comma_before = i >= 2 and tok.lowers[i - 2] == ","
        if outer[3] == "clause":
            if klass not in ("speech", "cognitive") or prev not in ("and", "but", ";"):
                return False
            return self.end_outer(outer[2], i - 2 if comma_before and prev != ";" else i - 1)
        if klass == "cognitive":
            return False  # "because I believe C", "who thought C": 36% of them matched
        if prev in _INNER_MARKS or (
            prev in self.words["boundary"] and prev not in _NOT_INNER_OPENERS
        ):
            return True  # "because Lee said C", "shedding what Lee called C"
        if prev in ("and", "but") and comma_before:
            return True
        cue_start = self.skip_aux_left(cue_first)
        return cue_start > 0 and tok.lowers[cue_start - 1] in ("who", "whom")

    def end_outer(self, index: int, cut: int) -> bool:
        """End the content of ``self.found[index]`` before token ``cut``; False when too
        little of it would be left."""
        raw = self.found[index]
        end = self.tok.ends[cut - 1]
        pieces = [p for p in raw.content if p.start < end]
        if not pieces or end - pieces[0].start < 3:
            return False
        pieces[-1] = Span(pieces[-1].start, min(pieces[-1].end, end))
        self.found[index] = attrs.evolve(raw, content=tuple(pieces))
        return True

    def participle_speaker(self, c: Cue) -> Span | None:
        """The speaker of a participle after a comma: the subject of a verb of saying
        or thinking in the past tense a few words before the comma ("C, a Chinese
        official said on Monday, adding C2", "leaders denied it, noting C"), else the
        shared speaker of the sentence."""
        tok, lex = self.tok, self.lex
        comma = c.first - 1
        if comma > 0 and tok.lowers[comma] == ",":
            for k in range(comma - 1, max(-1, comma - 9), -1):
                low = tok.lowers[k]
                verb = lex.verbs.get(low)
                if verb is None:
                    continue
                start = self.skip_aux_left(k)
                if (
                    verb[1] in ("speech", "cognitive")
                    and _past_tense(low, verb[0])
                    and not (start > 0 and self.modifier_before(tok.lowers[start - 1]))
                    and self.participle_after(k + 1) == comma
                ):
                    speaker, _ = self.speaker_before(k)
                    if speaker is not None:
                        return speaker
                break
        return self.shared_speaker(c.first)

    def modifier_before(self, low: str) -> bool:
        """Whether a verb after the word ``low`` is no finite verb: an infinitive ("to
        apologize"), a verb after its content ("C, said S") or a noun modifier ("the
        proposed wall", "the mogul's preferred mode")."""
        return low in ("to", ",") or low in self.words["determiner"] or low.endswith("'s")

    def verb_after_phrase(self, first: int, last: int) -> bool:
        """Whether a phrase cue opening with a preposition ("in a speech") is followed
        closely by a verb of saying, which is the cue ("Lee, in an interview on
        Monday, said ...")."""
        lowers = self.tok.lowers
        if lowers[first] not in _TRAILING_PREPOSITIONS:
            return False
        for k in range(last, min(len(lowers), last + 12)):
            low = lowers[k]
            if low in _QUOTE_TOKENS or low in (";", ":", ".", "that"):
                return False
            verb = self.lex.verbs.get(low)
            if verb is not None and verb[1] == "speech" and self.is_verbal(k):
                return True
        return False

    def cue(self, first: int, last: int, lemma: str, klass: str) -> Cue:
        tok = self.tok
        n = len(tok)
        start = self.skip_aux_left(first)
        prev = tok.lowers[first - 1] if first > 0 else ""
        if (
            prev in _QUOTE_TOKENS
            and first >= 2
            and tok.lowers[first - 2] == ","
            and tok.lowers[first].endswith("ing")
        ):
            prev = ","  # 'he has "expanded the party," claiming that C': a participle
        return Cue(
            first,
            last,
            lemma,
            klass,
            start,
            Span(tok.starts[start], tok.ends[last - 1]),
            self.tokens_span(first, last),
            tok.lowers[first],
            prev,
            tok.lowers[last] if last < n else "",
        )

    def try_cue(self, cue: Cue) -> None:
        """Try the cue patterns in order until one settles the cue."""
        if cue.lemma != "according to" and cue.klass != "noun" and self.not_a_cue(cue):
            # a passive is refused as a verb of its subject's: "asked whether C", or
            # the subject and a complement ("S was criticized for C")
            if not asked(self, cue):
                passive(self, cue)
            return
        for pattern in CUE_PATTERNS.values():
            if pattern(self, cue):
                return

    def complement_follows(self, c: Cue, rng: tuple[int, int]) -> bool:
        """Whether the content ``rng`` after the cue is a complement clause ("found last
        week that"), follows a colon, or holds a quotation ("called it a 'fundamental
        mistake'")."""
        has_that = "that" in self.tok.lowers[c.last : rng[0]]
        return (
            has_that
            or c.nxt == ":"
            or self.quotes_between(rng[0], rng[1])
            or self.as_complement(rng)
        )

    def as_complement(self, rng: tuple[int, int]) -> bool:
        """Whether the content ``rng`` is an object and its "as" complement ("sees the
        senator as a uniter", "branded him as a fraud"): "as" within a few words,
        after a noun phrase with no verb."""
        tok = self.tok
        start, end = rng
        if not (self.np_start(start) or tok.lowers[start] in self.words["object"]):
            return False
        for k in range(start + 1, min(end - 1, start + 7)):
            low = tok.lowers[k]
            if low == "as":
                return True
            if not tok.words[k] or low in self.words["aux"] or self.is_verbal(k):
                return False
        return False

    def aspect_complement(self, c: Cue) -> bool:
        """Whether a verb of aspect ("continue") reports: before a cue verb ("continues to
        insist that", "continued calling him"), a colon, a quotation, "that" or the
        sentence end ('"...," she continued.')."""
        tok, lex = self.tok, self.lex
        nxt = c.nxt
        if nxt == "to":
            return c.last + 1 < len(tok) and tok.lowers[c.last + 1] in lex.verbs
        if nxt.endswith("ing"):
            return nxt in lex.verbs
        return nxt in ("", ":", ",", ".", "that") or nxt in _QUOTE_TOKENS

    def count_subject(self, c: Cue) -> bool:
        """Whether the number before a cue is its subject: a share ("four in 10 said",
        "two of three say") or a count before "say" ("43 said the same")."""
        first = c.first
        if c.lemma == "say":
            return True
        return first >= 3 and self.tok.lowers[first - 2] in ("in", "of")

    def not_a_cue(self, c: Cue) -> bool:
        """Whether the candidate is no reporting verb here: an infinitive, a noun, an
        adjective, a passive, a bare participle or gerund, or a word of quoted speech."""
        tok, w = self.tok, self.words
        first, last, prev, low = c.first, c.last, c.prev, c.low
        if prev == "to" or (prev in w["determiner"] and prev != "that"):
            return True  # infinitive, or a noun ("the report")
        if self.capitalised_name(first, last):
            return True  # a name: "spokeswoman Hope Lane said", "chief executive Jo Read"
        if last - first == 1 and self.plural_subject(first):
            return True  # a plural noun before its verb: "rights advocates said"
        if c.lemma in _ASPECT_VERBS and not self.aspect_complement(c):
            return True  # "continues to build houses", "continued its work"
        if last - first == 1 and self.attributive(first):
            return True  # an adjective: "a heavily criticised performance"
        if (
            last - first == 1
            and not c.participle  # "by warning that C": a gerund of the subject's
            and (
                prev in _NOUN_CONTEXT
                or prev == "percentage"  # "five percentage points"
                or prev.endswith("'s")
                or (
                    ((prev[:1].isdigit() and not _age_noun(prev)) or prev in counting_words())
                    and not self.count_subject(c)
                )
            )
        ):
            # a noun or adjective: "in praise of", "Trump's repeated accusations",
            # "271 pledged delegates"
            return True
        if not low.endswith("ing") and any(
            tok.lowers[k] in w["passive"] for k in range(c.start, first)
        ):
            return True  # passive: "was accused", "was not asked"
        if (
            low.endswith("ing")
            and last - first == 1
            and not c.participle
            and not any(tok.lowers[k] in w["aux"] for k in range(c.start, first))
            and not (prev in ("and", "but") and self.coordinated_participle(first))
        ):
            return True  # a participle or gerund without its comma: "told cheering supporters"
        in_quote = self.quote_at(tok.starts[first])
        return in_quote is not None and not (
            in_quote.end <= self.sentence.end
            and in_quote.start >= self.sentence.start
            and in_quote.end < tok.starts[first]
        )  # inside quoted speech


# --- line patterns ------------------------------------------------------------------


def colon(r: _SentenceRules) -> bool:
    """'Name: content' -- a headline or transcript line led by its source
    ("Joe Scarborough: Trump Is 'Disqualifying.'", "FALLIN: Well, I think ...")."""
    tok = r.tok
    n = len(tok)
    head = tok.lowers[:7]
    k = head.index(":") if ":" in head else -1
    if k <= 0 or not tok.texts[0][0].isupper() or not r.namey(0, k):
        return False
    if any(tok.lowers[j] in r.words["label"] for j in range(k)):
        return False  # "The Latest:", "Delegate Update:", "Editor's note:"
    if sum(r.is_word(j) for j in range(k + 1, n)) < 3:
        return False
    if _name_list(r, k + 1):
        return False  # "Iowa: Ann Lee, Jo Roe, Al Poe, Di Fox, ...": a list of names
    end = n
    while end > k + 1 and tok.lowers[end - 1] in (".", "?", "!"):
        end -= 1
    content = r.tokens_span(k + 1, end)
    quoted = r.quote_at(content.start)
    kind: AttributionKind | None = None
    if quoted is not None and quoted.start == content.start and quoted.end >= content.end:
        content, kind = r.strip_quotes(content), "direct"
    elif r.sentence.paragraph > 0 and r.sentence.body_start == r.paragraph.start:
        # a transcript line ("A: I am surprised. Take a look at ..."): the answer is
        # the whole paragraph (the first paragraph is a headline)
        stop = r.paragraph.end
        while stop > content.end and r.text[stop - 1] in " \n.?!":
            stop -= 1
        content = Span(content.start, stop)
    r.add("colon", [content], r.tokens_span(k, k + 1), r.tokens_span(0, k), kind)
    return True


def _name_list(r: _SentenceRules, start: int) -> bool:
    """Whether the tokens from ``start`` are a list of names: four commas or more,
    each item of at most four capitalised words."""
    tok = r.tok
    items = 0
    size = 0
    for j in range(start, len(tok)):
        low = tok.lowers[j]
        if low == "," or (low == "." and j == len(tok) - 1):
            if size == 0 or size > 4:
                return False
            items += 1
            size = 0
        elif tok.words[j]:
            if not tok.texts[j][0].isupper() and low not in ("and", "jr.", "of"):
                return False
            size += 1
    return items >= 4


# --- cue patterns -------------------------------------------------------------------


def according_to(r: _SentenceRules, c: Cue) -> bool:
    """'According to S, C' and 'C, according to S': settles every "according to"."""
    if c.lemma != "according to":
        return False
    tok = r.tok
    n = len(tok)
    first, last = c.first, c.last
    # the source runs to the next comma or the sentence end
    j = r._next_clause_ends[last] if last < n else last
    if j == last:
        return True
    speaker = r.tokens_span(last, j)
    cue = r.tokens_span(first, last)
    opening = first == 0 or all(
        not tok.words[k] or tok.lowers[k] in _COORDINATORS or tok.lowers[k] in r.words["adverb"]
        for k in range(first)
    )  # "But according to S, C", "Yet, according to S, C"
    if opening and j < n and tok.lowers[j] == ",":
        end = r.content_end(j + 1)
        if end < n and tok.lowers[end] == "," and r.report_follows(end):
            # "According to her account, after examining X, she insisted that ...":
            # the source's account holds the report
            end = r.content_end(end + 1)
        if end > j + 1:
            r.add("according_to", [r.tokens_span(j + 1, end)], cue, speaker)
        return True
    if first > 0:
        if _quote_according_to(r, first, cue, speaker):
            return True
        end = first
        while end > 0 and tok.lowers[end - 1] in (",", "\u2014", "-", "("):
            end -= 1
        if end > 0:
            pieces = [r.tokens_span(0, end)]
            if (
                end < first
                and tok.lowers[end] == ","
                and j < n
                and tok.lowers[j] == ","
                and r.words_between(0, end) <= 6
            ):
                # "Fundraising, according to the campaign, has surged": the content
                # resumes after the source
                resume = r.content_end(j + 1)
                if r.words_between(j + 1, resume) >= 2:
                    pieces.append(r.tokens_span(j + 1, resume))
            r.add("according_to", pieces, cue, speaker)
    return True


def _quote_according_to(r: _SentenceRules, first: int, cue: Span, source: Span) -> bool:
    """'"C," S said, according to X': the quotation a cue before "according to" took
    is reported by X, as PolNeAR has it; that attribution becomes the "according to"
    one (no second prediction of the same quotation)."""
    before = r.tok.starts[first]
    for k in range(len(r.found) - 1, -1, -1):
        raw = r.found[k]
        if raw.pattern == "quote_then_cue" and raw.cue is not None and raw.cue.end <= before:
            r.found[k] = attrs.evolve(raw, pattern="according_to", cue=cue, speaker=source)
            return True
    return False


def noun_that(r: _SentenceRules, c: Cue) -> bool:
    """A reporting noun before a complement clause ("Lee's claim that C", "the notion
    that C"), its source the possessive before it, else the sentence's speaker.
    Settles every noun cue."""
    if c.klass != "noun":
        return False
    tok, w = r.tok, r.words
    that = c.last
    after = tok.lowers[that + 1] if that + 1 < len(tok) else ""
    if not after or after in w["aux"] or after in r.lex.verbs or not tok.words[that + 1]:
        return True  # a relative clause: "the statement that was released"
    rng = r.content_after(c.last, c.lemma)
    if rng is None or r.words_between(*rng) < 3:
        return True
    offset = tok.starts[rng[0]]
    if r.blocked[offset - r.sentence.start] or r.open_object_at(offset) is not None:
        return True  # "rejected the notion that C": the verb's content already
    speaker = None
    k = c.first - 1
    if k >= 0 and tok.lowers[k].endswith("'s") and tok.texts[k][0].isupper():
        start = k
        while start > 0 and tok.texts[start - 1][0].isupper() and tok.words[start - 1]:
            start -= 1
        speaker = r.tokens_span(start, k + 1)
    elif k >= 0 and tok.lowers[k] in ("his", "her", "their", "its", "our", "my"):
        speaker = r.tokens_span(k, k + 1)  # "reiterated his belief that C"
    if speaker is None:
        subject = tok.texts[that + 1]
        if not (
            after in w["determiner"]
            or after in w["pronoun"]
            or subject[0].isupper()
            or subject[0].isdigit()
        ):
            return True  # "the decision that legalized ...": a relative clause
        if r._last_verbal[c.first] >= r.clause_start(c.first):
            return True  # "said in an interview that C": the verb is the cue
        speaker = r.shared_speaker(c.first)
    r.add("noun_that", [r.tokens_span(*rng)], c.bare, speaker)
    return True


def quote_then_cue(r: _SentenceRules, c: Cue) -> bool:
    """'"C," S V' and '"C," V S': a quotation before the cue.  A participle after
    a comma ('"C," Tester said, referring to ...') belongs to the participle patterns."""
    if c.klass == "weak":
        return False  # '"...," Lee added, speaking to ...': a weak verb after a quotation
    # '"C!" and said C2': a cue after a coordinator has a quotation of its own
    quote = None if c.participle or c.prev in ("and", "but") else r.quote_before(c.start)
    if (
        quote is None
        and not c.participle
        and c.start > 2
        and r.quotes_between(0, c.first)  # a mark before the cue (most cues have none)
    ):
        # '"C," Lee, a farmer from the valley, said': a speaker with an apposition
        # longer than quote_before walks over
        speaker, subject = r.speaker_before(c.first)
        if speaker is not None and subject >= 2 and r.tok.lowers[subject - 1] in _QUOTE_TOKENS:
            quote = r.closing_quote(subject - 1)
    if quote is None or _closes_before_a_sentence(r, quote):
        return False
    speaker, _ = r.speaker_before(c.first) if c.start > 0 else (None, -1)
    if speaker is not None and speaker.start < quote.end:
        speaker = None
    if speaker is None:
        speaker = r.speaker_after(c.last) or r.head_after(c.last)
    content = [r.strip_quotes(quote)]
    if any(f.content[0].start == content[0].start for f in r.found):
        # '"C," Lee said in a video posted by X': the quotation is the earlier cue's
        return False
    # "Y1," he said, "Y2"
    after = r.quote_after(c.last, allow_speaker=True)
    if after is None:
        after = _quote_after_apposition(r, c.last)
    if after is not None and not _participle_between(r, c.last, after.start):
        content.append(r.strip_quotes(after))
    r.add("quote_then_cue", content, c.bare, speaker, "direct")
    return True


def _closes_before_a_sentence(r: _SentenceRules, quote: Span) -> bool:
    """Whether a quotation closes on a stop inside its marks and a capitalised word
    follows it ('called it "absurd." The deal envisions ...'): the quotation ends a
    sentence of its own, and the cue after it starts the next one (a few '"C." Lee
    said.' lose their quotation)."""
    inner = r.text[quote.start : quote.end].rstrip("\"'\u201d\u2019 ")  # '' closes too
    if not inner.endswith(".") or inner.endswith(".."):
        return False
    tok = r.tok
    k = bisect.bisect_left(tok.starts, quote.end)
    return k < len(tok) and tok.texts[k][:1].isupper()


def _quote_after_apposition(r: _SentenceRules, last: int) -> Span | None:
    """'"C1," said Lee, a farmer from the valley, "C2."': the next quotation of the
    sentence when it opens after a comma within a few tokens of the cue (the speaker
    and a description of the speaker between)."""
    tok = r.tok
    if last >= len(tok):
        return None
    k = bisect.bisect_left(r.quote_starts, tok.starts[last])
    if k >= len(r.quotes):
        return None
    quote = r.quotes[k]
    j = bisect.bisect_left(tok.starts, quote.start)
    if j >= len(tok) or j - last > _APPOSITION_TOKENS or tok.starts[j] != quote.start:
        return None
    if tok.lowers[j - 1] != ",":
        return None
    relative = False  # a verb in a relative clause describes the speaker
    for m in range(last, j - 1):
        low = tok.lowers[m]
        relative = relative or low in ("who", "whose", "which")
        if (
            low in _COORDINATORS
            or low in (".", "!", "?", ";")
            or (low in r.lex.verbs and not relative)
        ):
            return None  # '"C1," she said, but added that ..., "C2"': a report of its own
    return quote


#: How far after a quotation's cue a second quotation may open after the speaker's
#: description ('"C1," said Lee, a farmer from the valley, "C2"').
_APPOSITION_TOKENS = 24


def _participle_between(r: _SentenceRules, first: int, offset: int) -> bool:
    """Whether a participle of saying or thinking stands between token ``first`` and
    the quotation at ``offset`` ('"C1," Lee said, adding, "C2"': C2 is the participle's,
    not a second piece of C1).  At most the few tokens `quote_after` steps over."""
    tok = r.tok
    lowers = tok.lowers
    for k in range(first, min(len(tok), first + 6)):
        if tok.starts[k] >= offset:
            break
        low = lowers[k]
        if low.endswith("ing"):
            verb = r.lex.verbs.get(low)
            if verb is not None and verb[1] in ("speech", "cognitive"):
                return True
    return False


_PARTICIPLE_CLASSES = ("speech", "cognitive", "phrase", "other")

#: Prepositions before a gerund whose subject is the sentence's ("closed the meeting by
#: warning that C", "paused before attacking the plan").
_GERUND_PREPOSITIONS = frozenset(["by", "after", "before", "while", "without", "when"])

#: Verbs of aspect: cues only before another cue verb, a quotation, a colon or "that"
#: ("continues to insist that C", '"C," she continued.'), not before other verbs or
#: objects ("continues to build houses", "continued its work").
_ASPECT_VERBS = frozenset(["continue"])

#: Words that open no plain object after an ambiguous verb: prepositions, particles
#: and reflexives ("spoke about", "showed up", "found himself", "and").
_NO_OBJECT = _OBJECT_PREPOSITIONS | frozenset(
    [
        "up",
        "out",
        "down",
        "off",
        "back",
        "away",
        "and",
        "or",
        "but",
        "himself",
        "herself",
        "itself",
        "themselves",
        "myself",
        "ourselves",
        "yourself",
    ]
)


def participle_quote(r: _SentenceRules, c: Cue) -> bool:
    """', saying "C"': a participle after a comma, a quotation after it."""
    if not (c.participle and c.klass in _PARTICIPLE_CLASSES) or c.first == 0:
        return False
    quote_after = r.quote_after(c.last)
    if quote_after is None:
        return False
    content = [r.strip_quotes(quote_after)]
    r.add("participle_quote", content, c.bare, r.shared_speaker(c.first), "direct")
    return True


def participle_content(r: _SentenceRules, c: Cue) -> bool:
    """', saying (that) C': a participle after a comma, a content after it.

    Settles every participle after a comma, and every other -ing form not after
    an auxiliary ("...the reporting requirements"): the later patterns read
    finite verbs."""
    if not (
        (c.participle and c.klass in _PARTICIPLE_CLASSES)
        or (c.prev in ("and", "but") and r.coordinated_participle(c.first))
    ):
        return c.low.endswith("ing") and c.prev not in r.words["aux"]
    rng = r.content_after(c.last, c.lemma)
    if rng is not None and c.first == 0:
        # "Noting that C, Lee said ...": the phrase opening the sentence ends at its comma
        comma = r.opening_phrase_end(0, False)
        if (
            comma is None
            or comma < 0
            or comma <= rng[0]
            or not r.complement_follows(c, rng)  # a clause, a quotation or a colon
            or r.main_subject() is None  # the subject of the main clause speaks
        ):
            return True
        rng = (rng[0], min(rng[1], comma))
    if rng is not None and c.klass == "other" and not r.complement_follows(c, rng):
        return True  # ", offering $30 billion": an ambiguous verb needs a clause or a quotation
    if rng is not None:
        r.add("participle_content", [r.tokens_span(*rng)], c.bare, r.participle_speaker(c))
    return True


def cue_then_quote(r: _SentenceRules, c: Cue) -> bool:
    """'S V: "C"' and 'S V "C"'; mixed when more than a few words follow the quotation."""
    tok = r.tok
    quote_after = r.quote_after(c.last)
    if quote_after is None:
        return False
    speaker, _ = r.speaker_before(c.first)
    if speaker is None and c.start > 0:
        speaker = r.shared_speaker(c.first)
    k = bisect.bisect_left(tok.starts, quote_after.end)
    end = r.content_end(k) if k < len(tok) else k
    if r.words_between(k, end) >= 3 and not _closes_a_sentence(r.text, quote_after):
        # 'admitted "one or two instances" where donations may have slipped': mixed
        start = bisect.bisect_left(tok.starts, quote_after.start)
        r.add("cue_then_quote", [r.tokens_span(start, end)], c.span, speaker, "mixed")
        return True
    r.add("cue_then_quote", [r.strip_quotes(quote_after)], c.span, speaker, "direct")
    return True


def _closes_a_sentence(text: str, quote: Span) -> bool:
    """Whether a quotation closes on a stop, "?" or "!" inside its marks ('chanted,
    "Lock her up!" as they had before'): a whole quoted sentence, no part of a
    mixed content running on after it."""
    inner = text[quote.start : quote.end - 1].rstrip()
    return inner.endswith((".", "?", "!")) and not inner.endswith("...")


#: Prepositions that join a verb to its content, part of the cue ("boasted of C",
#: "talked about C", "vouched for C").
_CUE_PREPOSITIONS = frozenset(["about", "of", "for", "against"])

#: Words that open the question after a passive "asked" ("asked whether C", "asked about C").
_QUESTION_OPENERS = frozenset(
    ["about", "whether", "if", "why", "who", "what", "how", "when", "where", "which"]
)


def asked(r: _SentenceRules, c: Cue) -> bool:
    """'Asked whether C, S said ...', 'S was asked about C': a passive or bare
    "asked" before its question.  Nobody is named as the source (the asker is
    unnamed); the question is the content.  Tried on the cues the rules refuse as
    passives or participles."""
    tok = r.tok
    n = len(tok)
    at = next((k for k in range(c.first, c.last) if tok.lowers[k] == "asked"), -1)
    if at < 0:
        return False
    passive = any(tok.lowers[k] in r.words["passive"] for k in range(c.start, at))
    if not (at == 0 or tok.lowers[at - 1] in ("when", "after", "once", ",") or passive):
        return False
    k = next(
        (
            j
            for j in range(at + 1, min(n, at + 10))
            if tok.lowers[j] in _QUESTION_OPENERS or tok.lowers[j] in (",", ".", ";", ":")
        ),
        n,
    )
    if k >= n or tok.lowers[k] not in _QUESTION_OPENERS:
        return False
    start = k + 1 if tok.lowers[k] == "about" else k
    end = min(r.content_end(start), r._next_clause_ends[start])
    if r.words_between(start, end) < 2:
        return False
    asker = None
    if at + 2 < k and tok.lowers[at + 1] == "by" and r.np_start(at + 2):
        # "asked by a reporter whether C": the agent asks
        asker = r.tokens_span(at + 2, k)
    r.add("asked", [r.tokens_span(start, end)], c.bare, asker)
    return True


#: Words that open the complement of a passive cue whose subject is reported on
#: ("was criticized for C"; "is expected to C" after a verb of thinking only: "was
#: asked to speak", "was described as" are as often no report in PolNeAR).
_PASSIVE_COMPLEMENTS = frozenset(["for", "to"])


def passive(r: _SentenceRules, c: Cue) -> bool:
    """'S was criticized for C', 'S is expected to C': a passive cue
    between its subject and a complement.  Nobody is named as the source; the subject
    and the complement are the content, in two pieces.  Tried on the cues the rules
    refuse as passives."""
    tok = r.tok
    n = len(tok)
    if not any(tok.lowers[k] in r.words["passive"] for k in range(c.start, c.first)):
        return False
    k = c.last
    if (c.klass == "phrase" and c.lemma.endswith(" that")) or (
        c.klass == "cognitive" and k + 1 < n and tok.lowers[k] == "that"
    ):
        # "S is worried that C", "S is concerned that C": the subject thinks C
        k += c.klass == "cognitive"
        speaker, _ = r.speaker_before(c.first)
        end = r.content_end(k)
        if (
            speaker is None
            or r.text[speaker.start : speaker.end].lower() == "it"  # "It is hoped that C"
            or k >= n
            or not r.np_start(k)
            or r.words_between(k, end) < 3
        ):
            return False
        r.add("passive", [r.tokens_span(k, end)], c.span, speaker)
        return True
    if c.low.endswith("ing") or c.klass not in ("speech", "other", "cognitive"):
        return False
    agent = None
    if k + 1 < n and tok.lowers[k] == "by" and r.np_start(k + 1):
        # "S was criticized by T for C": the agent T is the source
        j = k + 1
        while j < n and j - k <= 8 and tok.words[j] and tok.lowers[j] not in _PASSIVE_COMPLEMENTS:
            j += 1
        if j < n and tok.lowers[j] in _PASSIVE_COMPLEMENTS and j > k + 1:
            agent, k = r.tokens_span(k + 1, j), j
    if k >= n or tok.lowers[k] not in _PASSIVE_COMPLEMENTS:
        return False
    if tok.lowers[k] == "to" and not (
        c.klass == "cognitive" and k + 1 < n and tok.words[k + 1] and not r.np_start(k + 1)
    ):
        return False  # "was sent to the committee": no infinitive
    pieces = _subject_and_complement(r, c, k)
    if pieces is None:
        return False
    r.add("passive", pieces, c.span, agent)
    return True


def _subject_and_complement(r: _SentenceRules, c: Cue, k: int) -> list[Span] | None:
    """The two pieces of a content split by its cue: the cue's subject, and the
    complement from token ``k`` (three words at least), or None."""
    end = r.content_end(k + 1)
    if r.words_between(k, end) < 3:
        return None
    subject, _ = r.speaker_before(c.first)
    if subject is None:
        return None
    return [subject, r.tokens_span(k, end)]


#: Verbs of evidence that close a content as a saying verb does ("C, the poll shows.").
_EVIDENCE_VERBS = frozenset(["show", "find"])


def content_then_cue(r: _SentenceRules, c: Cue) -> bool:
    """'C, S V.' and 'C, V S.': a saying verb, or a verb of evidence ("C, new
    reports show."), closes the sentence."""
    if not (c.saying or c.lemma in _EVIDENCE_VERBS):
        return False
    tail = r.clause_tail(c.first, c.last)
    if tail is None or tail[0] <= 0:
        return False
    content_end, speaker = tail
    if (
        c.klass == "cognitive"
        and c.last < r._end_before_marks
        and (speaker is None or speaker.start < c.bare.start)
    ):
        # "C, some officials now think.": a verb of thinking closes the sentence; one
        # with words after it ("C, he wants to ...", "C, Lee is seeking to ...") is no
        # closing cue
        return False
    if (
        speaker is not None
        and speaker.start > c.bare.start
        and r.tok.lowers[c.last] in ("the", "a", "an")
        and r.described_subject(c.start)[0] is not None
    ):
        # "Jo Roe, director of the fund, criticized the draft.": a described subject
        # and its object, not a content and a source after the cue
        return False
    content = r.tokens_span(0, content_end)
    quote = r.quote_at(content.start)
    if quote is not None and quote.start == content.start and quote.end >= content.end:
        # a quotation whose speaker is too long for quote_then_cue: quoted speech all the same
        r.add("content_then_cue", [r.strip_quotes(quote)], c.bare, speaker, "direct")
        return True
    r.add("content_then_cue", [content], c.bare, speaker)
    return True


def parenthetical(r: _SentenceRules, c: Cue) -> bool:
    """'C1, S V, C2': a saying verb and its speaker between commas inside the content."""
    if c.klass not in ("speech", "cognitive"):
        return False
    paren = r.parenthetical(c.first, c.last)
    if paren is None:
        return False
    c1, speaker, c2 = paren
    r.add("parenthetical", [c1, c2], c.bare, speaker)
    return True


#: Verbs of likelihood whose subject belongs to what is reported ("the plan appears to
#: work"), and the last words before "to" of the phrase cues of that kind ("is expected to").
_RAISING_VERBS = frozenset(["appear", "seem"])
_RAISING_PHRASE_WORDS = frozenset(["expected"])


def raising(r: _SentenceRules, c: Cue) -> bool:
    """'S appears to V', 'S is expected to V': a verb or phrase of likelihood before
    an infinitive.  Nobody is named as the source; the subject and the infinitive
    are the content, in two pieces.  An infinitive that is a cue itself ("is expected
    to endorse") is the subject's report: left to the patterns after this one."""
    tok = r.tok
    n = len(tok)
    if c.klass == "phrase":
        words = c.lemma.split()
        if len(words) < 3 or words[-1] != "to" or words[-2] not in _RAISING_PHRASE_WORDS:
            return False
        to = c.last - 1
    elif c.lemma in _RAISING_VERBS and c.last < n and tok.lowers[c.last] == "to":
        to = c.last
    else:
        return False
    if to + 1 < n and tok.lowers[to + 1] in r.lex.verbs:
        return False  # "is expected to endorse", "seems to feel": the subject reports
    pieces = _subject_and_complement(r, c, to)
    if pieces is None:
        return False
    r.add("raising", pieces, Span(c.span.start, tok.ends[to - 1]), None)
    return True


def subject_cue_content(r: _SentenceRules, c: Cue) -> bool:
    """'S V (that) C'.  Weaker cues need a complement clause ("found last week
    that"), a colon, or a quotation in what follows ("called it a 'fundamental
    mistake'"); a plain object is the content too ("Clinton endorsed the plan",
    "she backs a ban"), not a preposition, a particle or a reflexive.  Settles the
    cue when a content follows it."""
    tok, w = r.tok, r.words
    klass, nxt = c.klass, c.nxt
    rng = r.content_after(c.last, c.lemma)
    if rng is None:
        # only a colon or "that" leaves a weaker cue to the next paragraph's quotation
        return klass in ("other", "weak") and nxt not in ("that", ":")
    speaker, subject = r.speaker_before(c.first)
    before_subject = tok.lowers[subject - 1] if subject > 0 else ""
    what = None  # the "what" of a free relative: "what he calls C"
    if before_subject == "what" and tok.lowers[rng[0]] in ("is", "was") and rng[1] - rng[0] > 2:
        # "What officials say is that C": the content follows the copula
        start = rng[0] + 1
        if tok.lowers[start] == "that":
            start += 1
        rng = (start, rng[1])
    elif before_subject == "what":
        what = r.tokens_span(subject - 1, subject)
    clause = r.complement_follows(c, rng)
    if klass == "weak" and not clause:
        return True  # verbs seldom used to report speech need a clause or a quotation
    if (
        klass in ("other", "cognitive")
        and not (clause or (klass == "cognitive" and nxt in w["pronoun"]))
        and (
            speaker is None
            or tok.lowers[rng[0]] in _NO_OBJECT
            or nxt in ("in", "on")
            or (
                before_subject == ","
                and c.start == c.first
                and c.low.endswith("ed")
                and tok.lowers[subject] in ("a", "an")
            )
        )
    ):
        # a plain object ("the senator endorsed the plan", "she backs a ban"), not a
        # preposition, particle or reflexive ("spoke about", "showed up", "found himself"),
        # nor after a noun phrase set off by a comma, where a bare participle qualifies
        # it ("..., a mission intended to ...")
        return True
    if speaker is None and c.start > 0 and tok.lowers[c.start - 1] in _COORDINATORS:
        speaker = r.coordinated_subject(c.start - 1) or r.shared_speaker(c.first)
    if speaker is None:
        return True
    relative = c.start >= 2 and tok.lowers[c.start - 1] in ("who", "which")
    if (relative and tok.lowers[c.start - 2] == ",") or (
        before_subject == "which" and subject >= 2 and tok.lowers[subject - 2] == ","
    ):
        # "Lee, who said C, voted early", "The plan, which officials say will fail,
        # costs ...": a relative clause ends at its comma
        end = min(rng[1], r._next_clause_ends[rng[0]])
        if end <= rng[0]:
            return True
        rng = (rng[0], end)
    cue = c.span
    if rng[0] == c.last and tok.lowers[rng[0]] in _CUE_PREPOSITIONS and rng[1] - rng[0] >= 2:
        # "boasted of how C", "talked about C": the preposition belongs to the cue
        cue = Span(cue.start, tok.ends[rng[0]])
        rng = (rng[0] + 1, rng[1])
    pieces = [r.tokens_span(*rng)]
    if what is not None:
        # "railed against what he calls C": PolNeAR's content is "what" and C
        pieces.insert(0, what)
    # the content stays open to the reports inside it
    r.add(
        "subject_cue_content",
        pieces,
        cue,
        speaker,
        open_as="object" if not clause and klass in ("other", "cognitive", "weak") else "clause",
    )
    return True


def cue_then_next_paragraph(r: _SentenceRules, c: Cue) -> bool:
    """'X wrote: / "..."': a cue closing its paragraph with a colon, quoted next."""
    tok = r.tok
    if r.following_quote is None or tok.lowers[-1] != ":":
        return False
    if r.quotes_between(c.last, len(tok)):
        return False
    speaker, _ = r.speaker_before(c.first)
    if speaker is None:
        return False
    content = r.strip_quotes(r.following_quote)
    r.add("cue_then_next_paragraph", [content], c.span, speaker, "direct")
    return True


#: Candidate cues tried inside one open content before it is closed.
_OPEN_TRIES = 3

#: Words and marks after which a report inside a plain object opens a clause of its
#: own, besides the subordinators (``boundary`` words of ``clause_words.txt``).
_INNER_MARKS = frozenset(["what", ":", ";", "\u2014", "\u2013", "--", "-"])
#: Boundary words that open no report of its own inside an object ("a measure that he
#: believes would ...", "if", "whether", "than"): with them, more predictions than
#: matches.
_NOT_INNER_OPENERS = frozenset(["that", "which", "if", "unless", "whether", "than", "so", "but"])


def _past_tense(form: str, lemma: str) -> bool:
    """Whether a lexicon verb form is a past tense ("denied", "said", "thought"): in
    -ed, or neither the lemma nor an -s or -ing form."""
    return form.endswith("ed") or (form != lemma and not form.endswith(("s", "ing")))


LinePattern = Callable[[_SentenceRules], bool]
CuePattern = Callable[[_SentenceRules, Cue], bool]

#: Patterns that read a whole sentence, tried before its cues.
LINE_PATTERNS: dict[str, LinePattern] = {"colon": colon}
#: Patterns tried in order on each candidate cue.
CUE_PATTERNS: dict[str, CuePattern] = {
    p.__name__: p
    for p in (
        according_to,
        noun_that,
        asked,
        passive,
        quote_then_cue,
        participle_quote,
        participle_content,
        cue_then_quote,
        content_then_cue,
        parenthetical,
        raising,
        subject_cue_content,
        cue_then_next_paragraph,
    )
}
#: Every name ``Attribution.pattern`` reports.
PATTERNS: tuple[str, ...] = (*LINE_PATTERNS, *CUE_PATTERNS)
