"""Claims: the units that travel between reports.

Every sentence of an article that is not boilerplate is a claim: either an
attributed one (it carries the canonical speakers and cues of its
attributions) or the reporter's own assertion.  A claim's text is the sentence
without its dateline, sliced from the article text.

>>> import claimtrack
>>> result = claimtrack.analyze(claimtrack.read_articles("seeds"))
>>> claims = claims_of(result)
>>> claims[3].text
'Moscow has denied harboring plans to invade Ukraine and pressed the United States for security guarantees that would exclude NATO expanding into Ukraine or deploying weapons there.'
>>> claims[3].speakers, claims[3].cues
(('Russia',), ('deny',))
>>> claims[2].text[:30], claims[2].attributed
('Russia sent a pair of nuclear-', False)
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from claimtrack.analysis import Analysis, ArticleAnalysis
from claimtrack.attributions import Attribution, cue_lemma
from claimtrack.sentences import agency_of
from claimtrack.speakers import SpeakerIndex

__all__ = ["Claim", "claims_of", "claims_of_article", "renamed"]

_HAS_WORD = re.compile(r"[^\W_]{2,}")


@attrs.frozen
class Claim:
    """One sentence of one article as a claim.

    Attributes:
        id: ``"<article id>#<sentence index>"``, unique in a corpus.
        article_id: The article it comes from.
        sentence_index: The sentence's index in the article.
        start: Offset of the claim's text in the article (after any dateline).
        end: Offset just past its end.
        text: ``article.clean_text[start:end]``.
        date: The article's date, if known.
        outlet: The article's source (outlet), if known.
        speakers: Canonical names of the sentence's speakers, in order, no repeats.
        cues: Lemmas of the sentence's cues, in order, no repeats.
        contents: The attributed contents' texts.
        named_speakers: The speakers that are named sources (persons,
            organisations, governments), not groups or anonymous ones.
        agency: The news agency the article's dateline credits ("AP"), if any:
            copies of one agency's story are one report, not several.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    date: dt.date | None = None
    outlet: str | None = None
    speakers: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    contents: tuple[str, ...] = ()
    named_speakers: tuple[str, ...] = ()
    agency: str | None = None

    @property
    def attributed(self) -> bool:
        """Whether the claim reports what a source said."""
        return bool(self.cues)


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def claims_of_article(item: ArticleAnalysis) -> list[Claim]:
    """The claims of one analysed article: its sentences that are not boilerplate."""
    article = item.article
    agency = next(
        (
            found
            for s in item.sentences
            if s.dateline is not None
            and (found := agency_of(s.dateline.of(article.clean_text))) is not None
        ),
        None,
    )
    by_sentence: dict[int, list[Attribution]] = {}
    for attribution in item.attributions:
        by_sentence.setdefault(attribution.sentence.start, []).append(attribution)
    out = []
    for sentence, kind in zip(item.sentences, item.kinds, strict=True):
        if kind == "boilerplate":
            continue
        mine = by_sentence.get(sentence.start, [])
        start = sentence.body_start
        if not _HAS_WORD.search(article.clean_text, start, sentence.end):
            continue  # a lone quotation mark or dash says nothing
        out.append(
            Claim(
                id=f"{article.id}#{sentence.index}",
                article_id=article.id,
                sentence_index=sentence.index,
                start=start,
                end=sentence.end,
                text=article.clean_text[start : sentence.end],
                date=article.date,
                outlet=article.source,
                speakers=_unique([a.speaker_name or "" for a in mine]),
                cues=_unique([cue_lemma(a.cue.text) if a.cue else "" for a in mine]),
                contents=tuple(a.content.text for a in mine),
                named_speakers=_unique(
                    [
                        a.speaker_name or ""
                        for a in mine
                        if a.speaker_type in ("person", "organisation", "government")
                    ]
                ),
                agency=agency,
            )
        )
    return out


def claims_of(analysis: Analysis) -> list[Claim]:
    """The claims of every article of an analysis, in article and sentence order."""
    return [claim for item in analysis.articles for claim in claims_of_article(item)]


def renamed(claim: Claim, speakers: SpeakerIndex) -> Claim:
    """A claim with its speakers named as ``speakers`` names them (itself if unchanged):
    claims of articles analysed one by one, named canonically once all are read, are
    the claims of the articles analysed together."""
    names = _unique([speakers.name(s) or "" for s in claim.speakers])
    named = _unique([speakers.name(s) or "" for s in claim.named_speakers])
    if names == claim.speakers and named == claim.named_speakers:
        return claim
    return attrs.evolve(claim, speakers=names, named_speakers=named)
