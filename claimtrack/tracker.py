"""The claim tracker: add articles as they come, inspect how claims travel.

>>> import claimtrack
>>> tracker = claimtrack.ClaimTracker()
>>> tracker.add(claimtrack.read_articles("seeds"))
>>> [c.relation for c in tracker.clusters()][:3]
['drift', 'repetition', 'agreement']
>>> drift = tracker.clusters()[0]
>>> [(m.article_id, m.date.isoformat()) for m in drift.members]
[('000_44a681640818a05e', '2021-11-18'), ('001_df1ab41df0d3c270', '2021-11-29')]
>>> [(c.type, c.a, c.b) for c in drift.links[0].changes]
[('tense', ('wouldnt', 'elaborate'), ('hasnt', 'elaborated')), ('inserted', (), ('atomic',))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from claimtrack.analysis import Analysis, ArticleAnalysis, analyze
from claimtrack.articles import Article, check_articles
from claimtrack.attributions import Attribution
from claimtrack.claims import Claim, claims_of_article
from claimtrack.clusters import ClaimIndex, Cluster, Link, build_clusters
from claimtrack.exceptions import DuplicateArticleError
from claimtrack.matching import ClaimText
from claimtrack.sentences import SentenceSplitter
from claimtrack.speakers import SpeakerIndex
from claimtrack.stories import ArticleTie, Vocabulary, corroborate, links_by_pair

__all__ = ["ArticleTie", "ClaimTracker"]


class ClaimTracker:
    """Claims of a growing pile of articles, with their links and clusters.

    Adding articles analyses only the new ones and probes the index with their
    claims; clusters are rebuilt from the stored links when asked for.

    Args:
        splitter: The sentence splitter (default: the shipped one).
        index: The claim index (default: :class:`ClaimIndex` with its defaults).
    """

    def __init__(
        self, *, splitter: SentenceSplitter | None = None, index: ClaimIndex | None = None
    ) -> None:
        self.splitter = splitter or SentenceSplitter.default()
        self.index = index if index is not None else ClaimIndex()
        self.articles: list[ArticleAnalysis] = []
        self._clusters: list[Cluster] | None = None
        self._kept: list[Link] | None = None
        self._ties: dict[tuple[str, str], ArticleTie] | None = None
        self._by_id: dict[str, Article] = {}
        self._vocabulary = Vocabulary()

    def add(
        self, articles: Iterable[Article], *, progress: Callable[[int], None] | None = None
    ) -> None:
        """Analyse new articles and link their claims to everything indexed.

        Speakers are named canonically within the batch.  An article equal to
        one already added (same id, text and metadata) is skipped, so adding
        the same pile twice changes nothing.

        Raises:
            TypeError: ``articles`` is not an iterable of :class:`Article`.
            DuplicateArticleError: two different articles share an id (in
                this batch, or with one added before); nothing is added.
        """
        fresh: dict[str, Article] = {}
        for article in check_articles(articles, "ClaimTracker.add"):
            known = self._by_id.get(article.id) or fresh.get(article.id)
            if known is None:
                fresh[article.id] = article
            elif known != article:
                raise DuplicateArticleError(
                    f"article id {article.id!r} is already taken by a different article "
                    "(other text or metadata): ids must be unique"
                )
        analysis: Analysis = analyze(fresh.values(), splitter=self.splitter, progress=progress)
        claims: list[Claim] = []
        for item in analysis.articles:
            self._by_id[item.article.id] = item.article
            self.articles.append(item)
            claims.extend(claims_of_article(item))
        first = len(self.index.texts)
        self.index.extend(claims)
        self._vocabulary.add_claims(self.index.claims[first:], self.index.texts[first:])
        self._clusters = None
        self._kept = None
        self._ties = None

    def restore(
        self,
        items: Sequence[ArticleAnalysis],
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        pairs: Iterable[tuple[str, str]] = (),
        links: Iterable[Link] = (),
    ) -> None:
        """Take back articles analysed before, with their claims (prepared) and what
        the index had found (see :meth:`ClaimIndex.restore`), analysing and comparing
        nothing: :meth:`add` then goes on as if they had just been added."""
        for item in items:
            self._by_id[item.article.id] = item.article
            self.articles.append(item)
        first = len(self.index.claims)
        self.index.restore(claims, texts, pairs, links)
        self._vocabulary.add_claims(self.index.claims[first:], self.index.texts[first:])
        self._clusters = None
        self._kept = None
        self._ties = None

    @property
    def claims(self) -> list[Claim]:
        """Every indexed claim, in the order added."""
        return list(self.index.claims)

    @property
    def attributions(self) -> list[Attribution]:
        """Every attribution of every article added."""
        return [a for item in self.articles for a in item.attributions]

    def links(self, *relations: str, corroborated: bool = True) -> list[Link]:
        """Links between claims of different articles, optionally only of some relations.

        Only the links to believe (:func:`claimtrack.stories.corroborate`): a
        headline-length match, or a match made on content words in other words,
        is kept only when its two articles are tied as one story (see
        :meth:`tie`). Pass ``corroborated=False`` to get every link found.
        """
        found = self.index.links()
        if corroborated:
            if self._kept is None:
                self._kept, _ = corroborate(found, self._vocabulary)
            found = self._kept
        chosen = [k for k in found if not relations or k.relation in relations]
        return sorted(chosen, key=lambda k: (k.a.article_id, k.a.sentence_index, k.b.id))

    def ties(self) -> dict[tuple[str, str], ArticleTie]:
        """What ties each pair of articles that have a link between them, by pair (ids in order)."""
        if self._ties is None:
            self._ties = {
                pair: self._vocabulary.tie(pair, found)
                for pair, found in links_by_pair(self.index.links()).items()
            }
        return self._ties

    def tie(self, a: str, b: str) -> ArticleTie:
        """What ties two articles (by id): whether links between them are kept, and why."""
        pair = (a, b) if a <= b else (b, a)
        found = self.ties().get(pair)
        return found if found is not None else self._vocabulary.tie(pair, ())

    def clusters(self) -> list[Cluster]:
        """Clusters of two or more claims that state the same thing, biggest first."""
        if self._clusters is None:
            self._clusters = build_clusters(self.index.claims, self.index.texts, self.links())
        return self._clusters

    def cluster_of(self, claim_id: str) -> Cluster | None:
        """The cluster holding a claim, if any."""
        for cluster in self.clusters():
            if any(m.id == claim_id for m in cluster.members):
                return cluster
        return None

    def related(self) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]:
        """Pairs of different claims by the same speaker about the same target."""
        where: dict[str, Cluster] = {m.id: c for c in self.clusters() for m in c.members}
        out: list[tuple[Cluster | Claim, Cluster | Claim, Link]] = []
        for link in self.links("related"):
            left = where.get(link.a.id, link.a)
            right = where.get(link.b.id, link.b)
            if left is not right:
                out.append((left, right, link))
        return out

    def analysis(self) -> Analysis:
        """Everything added as one :class:`~claimtrack.analysis.Analysis`, speakers named
        canonically across all the batches."""
        index = self.speakers()
        items = tuple(
            attrs.evolve(
                item,
                attributions=tuple(
                    attrs.evolve(a, speaker_name=index.name(a.speaker_name))
                    for a in item.attributions
                ),
            )
            for item in self.articles
        )
        return Analysis(items, index)

    def speakers(self) -> SpeakerIndex:
        """The canonical speaker names of everything added."""
        return SpeakerIndex.build(a.speaker_name for a in self.attributions)

    def speaker_timeline(self, name: str) -> list[Attribution]:
        """A speaker's attributed claims across the corpus, in date order."""
        dates = {
            item.article.id: item.article.date.isoformat() if item.article.date else "9999"
            for item in self.articles
        }
        speakers = self.speakers()
        key = speakers.key(name)
        mine = [a for a in self.attributions if speakers.key(a.speaker_name) == key]
        return sorted(mine, key=lambda a: (dates[a.article_id], a.article_id, a.sentence.start))
