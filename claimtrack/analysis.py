"""The whole job on a pile of articles: sentences, attributions, canonical speakers.

>>> import claimtrack
>>> result = claimtrack.analyze(claimtrack.read_articles("seeds"))
>>> len(result.articles)
2
>>> [(a.speaker_type, len(claims)) for claims in result.by_speaker().values() for a in claims[:1]][:2]
[('person', 5), ('person', 4)]
>>> [a.speaker.text for a in result.by_speaker()["Russia"]][:2]
['Moscow', 'Russia']
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs

from claimtrack.articles import Article, check_articles
from claimtrack.attributions import (
    Attribution,
    SentenceKind,
    classify_sentences,
    extract_attributions,
)
from claimtrack.quotes import CONVENTIONS, Convention, quote_records
from claimtrack.sentences import Sentence, SentenceSplitter
from claimtrack.speakers import SpeakerIndex

__all__ = [
    "Analysis",
    "ArticleAnalysis",
    "analyze",
    "analyze_article",
    "article_in_convention",
    "freeze_bulk_loads",
    "in_convention",
    "paused_gc",
]

#: Whether :func:`paused_gc` freezes what it made (see :func:`freeze_bulk_loads`).
_FREEZE = False


def freeze_bulk_loads(freeze: bool = True) -> None:
    """Make every :func:`paused_gc` section end with :func:`gc.freeze`: the objects
    then alive are never scanned by the cyclic collector again.  Without it, the
    first collections after a bulk load scan every object it made, once per
    generation (about a second at 100k claims).  For a process whose bulk loads
    live as long as it does (the command line sets it); a library leaves the
    collector alone unless asked, since garbage cycles frozen are never freed."""
    global _FREEZE
    _FREEZE = freeze


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a bulk load makes many objects
    that live on and hold no cycles (sentences and attributions, prepared claims,
    vocabularies). Its full collections would scan the whole heap again and again
    as it grows, which on a million claims costs several seconds and grows faster
    than the data (on PolNeAR's 1,013 articles, 6% of the claims command's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZE:
            gc.freeze()
        elif enabled and gc.get_freeze_count() == 0:  # (it counts every frozen object)
            # Enabling would start a collection of the youngest generation, which
            # holds every object made during the pause: a scan of all of them
            # (1% of the claims command).  Freezing and unfreezing moves them to
            # the oldest generation as they are, where cycles among them are still
            # found, by the next full collection.  (Not if the caller froze objects:
            # unfreezing would let go of them.)
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


@attrs.frozen
class ArticleAnalysis:
    """One article with its sentences, their kinds and its attributions.

    Attributes:
        article: The article.
        sentences: Its sentences.
        kinds: The kind of each sentence (attributed, unattributed, boilerplate).
        attributions: Its attributions, speakers named canonically across the corpus.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    kinds: tuple[SentenceKind, ...]
    attributions: tuple[Attribution, ...]


@attrs.frozen
class Analysis:
    """The result of :func:`analyze`.

    Attributes:
        articles: Each article's analysis, in input order.
        speakers: The corpus-wide index of speaker names.
    """

    articles: tuple[ArticleAnalysis, ...]
    speakers: SpeakerIndex

    @property
    def attributions(self) -> tuple[Attribution, ...]:
        """Every attribution of every article, in article order."""
        return tuple(a for item in self.articles for a in item.attributions)

    def by_speaker(self) -> dict[str, list[Attribution]]:
        """Attributions grouped by canonical speaker name (unnamed speakers left out),
        speakers with the most attributions first."""
        groups: dict[str, list[Attribution]] = {}
        for attribution in self.attributions:
            if attribution.speaker_name:
                groups.setdefault(attribution.speaker_name, []).append(attribution)
        return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def analyze(
    articles: Iterable[Article],
    *,
    splitter: SentenceSplitter | None = None,
    progress: Callable[[int], None] | None = None,
    convention: Convention = "attribution",
) -> Analysis:
    """Split, classify and extract attributions from articles; name speakers canonically.

    Args:
        articles: The articles.
        splitter: The sentence splitter (default: the shipped one).
        progress: Called with the number of articles done after each article.
        convention: ``attribution`` (every attribution) or ``quotes`` (reported
            speech as quote trackers count it: see :mod:`claimtrack.quotes`).

    Raises:
        TypeError: ``articles`` is not an iterable of :class:`Article`.
        ValueError: an unknown convention.
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}: one of {', '.join(CONVENTIONS)}")
    articles = check_articles(articles, "analyze")
    splitter = splitter or SentenceSplitter.default()
    items: list[tuple[Article, tuple[Sentence, ...], Sequence[Attribution]]] = []
    # what was found in each text: a text met again (a wire story in several
    # outlets, a record repeated) is not analysed again, as sentences and
    # attributions depend on nothing else of the article but its id
    found: dict[str, tuple[str, tuple[Sentence, ...], tuple[Attribution, ...]]] = {}
    with paused_gc():
        for done, article in enumerate(articles, start=1):
            seen = found.get(article.clean_text)
            if seen is None:
                sentences = splitter.split(article)
                attributions = extract_attributions(article, sentences)
                found[article.clean_text] = (article.id, sentences, attributions)
            elif seen[0] == article.id:
                _, sentences, attributions = seen
            else:
                sentences = tuple(attrs.evolve(s, article_id=article.id) for s in seen[1])
                attributions = tuple(attrs.evolve(a, article_id=article.id) for a in seen[2])
            items.append((article, sentences, attributions))
            if progress is not None:
                progress(done)
        index = SpeakerIndex.build(a.speaker_name for _, _, atts in items for a in atts)
        analysed = []
        for article, sentences, extracted in items:
            renamed = tuple(_renamed(a, index.name(a.speaker_name)) for a in extracted)
            kinds = tuple(classify_sentences(sentences, renamed))
            analysed.append(ArticleAnalysis(article, sentences, kinds, renamed))
    return in_convention(Analysis(tuple(analysed), index), convention)


def in_convention(analysis: Analysis, convention: Convention) -> Analysis:
    """An analysis (made in the ``attribution`` convention) in ``convention``: the
    records of :func:`claimtrack.quotes.quote_records` for ``quotes``, each
    sentence's kind by them.

    >>> import claimtrack
    >>> result = analyze(claimtrack.read_articles("seeds"))
    >>> quotes = in_convention(result, "quotes")
    >>> len(result.attributions), len(quotes.attributions)
    (23, 22)
    """
    if _checked(convention) == "attribution":
        return analysis
    items = tuple(article_in_convention(item, convention) for item in analysis.articles)
    index = SpeakerIndex.build(a.speaker_name for item in items for a in item.attributions)
    return Analysis(items, index)


def article_in_convention(item: ArticleAnalysis, convention: Convention) -> ArticleAnalysis:
    """One article's analysis (made in the ``attribution`` convention) in
    ``convention`` (see :func:`in_convention`)."""
    if _checked(convention) == "attribution":
        return item
    records = tuple(quote_records(item.article, item.sentences, item.attributions))
    kinds = tuple(classify_sentences(item.sentences, records))
    return ArticleAnalysis(item.article, item.sentences, kinds, records)


def _checked(convention: Convention) -> Convention:
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r}: one of {', '.join(CONVENTIONS)}")
    return convention


def _renamed(attribution: Attribution, name: str | None) -> Attribution:
    """The attribution with its speaker named ``name`` (itself when that is its name)."""
    if name == attribution.speaker_name:
        return attribution
    return attrs.evolve(attribution, speaker_name=name)


def analyze_article(article: Article, splitter: SentenceSplitter) -> ArticleAnalysis:
    """One article split, classified and its attributions extracted, speakers named
    as found (:func:`analyze` names them canonically across articles)."""
    sentences = splitter.split(article)
    attributions = extract_attributions(article, sentences)
    return ArticleAnalysis(
        article, sentences, tuple(classify_sentences(sentences, attributions)), tuple(attributions)
    )
