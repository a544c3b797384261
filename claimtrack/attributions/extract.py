"""The article-level steps: sentences to raw attributions, quotations run on over
the sentences after them, speakers resolved; and the kind of each sentence."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

import attrs

from claimtrack.articles import Article
from claimtrack.attributions.cues import _Lexicon, _lexicon
from claimtrack.attributions.patterns import _SentenceRules
from claimtrack.attributions.quoting import _is_single, _paragraph_quotes, _strip_marks
from claimtrack.attributions.tokens import _WORD
from claimtrack.attributions.values import Attribution, Role, SentenceKind, _Raw
from claimtrack.names import Resolution, resolve_speakers
from claimtrack.sentences import Sentence, split_sentences
from claimtrack.spans import Span


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
    subheading continues no double-quoted quote), as does a quotation before a cue
    that closes its paragraph ('"A," she said. / "B."', also after a partly quoted
    content) when the next paragraph holds no cue.  A partly quoted content closing
    on its quotation before the cue runs on as a direct one does ('Lee "has a
    plan," Roe said. "B."').  A following sentence with a cue of its own stops the
    run.
    """
    text = article.clean_text
    with_cue = {raw.sentence.index for raw in found}
    paragraphs_with_cue = {raw.sentence.paragraph for raw in found}
    starts = [{q.start: q for q in para} for para in quotes]
    start_lists = [[q.start for q in para] for para in quotes]
    paragraphs = article.paragraphs
    # sentences are in text order and do not overlap: their ends increase
    ends = [s.end for s in sentences]
    out = []
    for raw in found:
        if raw.kind == "mixed":
            raw = _run_on_quotation(text, raw, quotes, start_lists)
            if not _closes_on_quotation(raw, quotes, start_lists):
                out.append(raw)
                continue
        elif raw.kind != "direct":
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
        # a cue closing its paragraph ('"A," she said.', 'Lee "has A," she said.') runs
        # on into a next paragraph that opens with a quotation and holds no cue: '/ "B."'
        closes_paragraph = (
            raw.pattern in ("quote_then_cue", "content_then_cue")
            and para + 1 not in paragraphs_with_cue
            and (index >= len(sentences) or sentences[index].paragraph != para)
        )
        while index < len(sentences):
            nxt = sentences[index]
            if nxt.end <= last_end:  # already inside the quotation: skip all such at once
                index = bisect.bisect_right(ends, last_end, index)
                continue
            if nxt.start < last_end:
                # the content reaches into it (a quoted paragraph after "X wrote:")
                para = nxt.paragraph
                open_at_end = last_end >= paragraphs[para].end - 1
                index += 1
                continue
            if nxt.paragraph != para and not (
                nxt.paragraph == para + 1 and (open_at_end or closes_paragraph)
            ):
                break
            closes_paragraph = False
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


def _closes_on_quotation(raw: _Raw, quotes: list[list[Span]], start_lists: list[list[int]]) -> bool:
    """Whether a partly quoted content before its cue ends with a quotation
    ('Lee "has a plan," Roe said.'): the quoted sentences after it run on as a
    direct quotation's do."""
    if raw.pattern != "content_then_cue":
        return False
    quote = _last_quotation(raw, quotes, start_lists)
    last = raw.content[-1]
    return (
        quote is not None
        and raw.content[0].start <= quote.start
        and last.end - 1 <= quote.end <= last.end + 1
    )


def _last_quotation(
    raw: _Raw, quotes: list[list[Span]], start_lists: list[list[int]]
) -> Span | None:
    """The last quotation of the content's paragraph opening before the content's
    last character, if any."""
    para = raw.sentence.paragraph
    k = bisect.bisect_right(start_lists[para], raw.content[-1].end - 1) - 1
    return quotes[para][k] if k >= 0 else None


def _run_on_quotation(
    text: str, raw: _Raw, quotes: list[list[Span]], start_lists: list[list[int]]
) -> _Raw:
    """A partly quoted content that ends inside a quotation opened in it ends where the
    quotation ends: a stop inside the quotation ('Lee said she "had no plan, but he is
    being used"') or the sentence's end ('Lee said that "taxes will rise. And soon."')
    does not end the content."""
    last = raw.content[-1]
    quote = _last_quotation(raw, quotes, start_lists)
    if quote is None or not (raw.content[0].start <= quote.start < last.end < quote.end):
        return raw
    end = _strip_marks(text, quote).end
    if end <= last.end:
        return raw
    return attrs.evolve(raw, content=(*raw.content[:-1], Span(last.start, end)))


#: Characters that are no word characters, stripped from the ends of a sentence's
#: white-space separated pieces by :func:`_may_hold_cue`.
_PUNCTUATION = ",.;:!?\"'()[]\u201c\u201d\u2018\u2019\u2014\u2013-"


@functools.cache
def _whole_triggers(triggers: frozenset[str]) -> frozenset[str]:
    """The triggers that are one :data:`_WORD` match from end to end."""
    return frozenset(t for t in triggers if _WORD.fullmatch(t))


def _may_hold_cue(piece: str, lex: _Lexicon) -> bool:
    """Whether a sentence may hold a cue or a colon line ("Name: content"); one
    that may not is not tokenized.

    It may when ``":" in piece[:80]``, or when its :data:`_WORD` matches in lower
    case hold a verb form or noun of the lexicon, or a word of ``lex.triggers``
    (the others: the words of the phrases, common words aside) and every word of a
    phrase, as the tokens read them ("\u2019" as "'"): without those, no token is
    a cue word and no phrase is matched.  (A phrase whose own words are no
    triggers, "didn\u2019t like", is looked for only in a sentence holding such a
    word, as when the check was on those words alone.)

    The verb forms and nouns are looked for first among the white-space separated
    pieces, punctuation stripped from their ends, without the regular
    expression: such a piece that is one is one of the matches (no word character
    is stripped, and a match cannot run on over punctuation into white space), and
    most sentences that hold one hold it so ("said,")."""
    if ":" in piece[:80]:
        return True
    low = piece.lower()
    if not _whole_triggers(lex.word_triggers).isdisjoint(
        map(str.strip, low.split(), itertools.repeat(_PUNCTUATION))
    ):
        return True
    words = _WORD.findall(low)
    if not lex.word_triggers.isdisjoint(words):
        return True
    if lex.triggers.isdisjoint(words):
        return False
    if "\u2019" in low:
        words = _WORD.findall(low.replace("\u2019", "'"))
    found = set(words)
    keys = lex.phrase_keys
    return any(phrase <= found for key in keys.keys() & found for phrase in keys[key])


def _extract_raw(article: Article, sentences: Sequence[Sentence]) -> list[_Raw]:
    lex = _lexicon()
    quotes = _paragraph_quotes(article)
    found: list[_Raw] = []
    text = article.clean_text
    paragraphs = article.paragraphs
    quote_starts: dict[int, list[int]] = {}
    for sentence in sentences:
        # most sentences hold no cue word: check words as a set before tokenizing
        piece = text[sentence.start : sentence.end]
        if sentence.boilerplate or not _may_hold_cue(piece, lex):
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


_RELATIVE_END = re.compile(r",\s*(?:who|which)$", re.IGNORECASE)


def _named_part(text: str, speaker: Span | None) -> Span | None:
    """The part of a speaker mention that names the source: "Ann Lee, who" (a cue in a
    relative clause) is resolved as "Ann Lee"."""
    if speaker is None:
        return None
    found = _RELATIVE_END.search(text, speaker.start, speaker.end)
    return Span(speaker.start, found.start()) if found else speaker


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
        article, sentences, [(r.sentence, _named_part(article.clean_text, r.speaker)) for r in raw]
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
