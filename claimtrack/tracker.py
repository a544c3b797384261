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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Protocol, TypeVar

import attrs

from claimtrack.analysis import Analysis, ArticleAnalysis, analyze, paused_gc
from claimtrack.articles import Article, check_articles, content_hash
from claimtrack.attributions import Attribution
from claimtrack.claims import Claim, claims_of_article, renamed
from claimtrack.claimtext import ClaimText, claim_sources, prepare_claim
from claimtrack.clusters import ClaimIndex, Cluster, Link, build_clusters
from claimtrack.exceptions import DuplicateArticleError
from claimtrack.minhash import default_keys
from claimtrack.sentences import SentenceSplitter
from claimtrack.speakers import SpeakerIndex
from claimtrack.stories import ArticleTie, Vocabulary, corroborate, links_by_pair
from claimtrack.workers import analyses_of, claims_stream

__all__ = ["ArticleTie", "ClaimTracker", "LinkedClaims", "Stages", "draining", "related_pairs"]

T = TypeVar("T")

#: Articles analysed ahead on the workers while the claims before them are indexed
#: (each chunk of the index's words takes a second or two at 100k claims).
AHEAD = 1024

#: A progress callback for the stages after analysing: ``stages(name, done, total)``
#: (total 0 when not known).
Stages = Callable[[str, int, int], None]


def draining(items: list[T]) -> Iterator[T]:
    """The items of a list, in order, each let go by the list as it is taken (the
    list is empty at the end): a large input need not outlive its use.

    >>> pile = [1, 2, 3]
    >>> [x for x in draining(pile)], pile
    ([1, 2, 3], [])
    """
    items.reverse()
    while items:
        yield items.pop()


class ClaimTracker:
    """Claims of a growing pile of articles, with their links and clusters.

    Adding articles analyses only the new ones and probes the index with their
    claims; clusters are rebuilt from the stored links when asked for.

    Args:
        splitter: The sentence splitter (default: the shipped one).
        index: The claim index (default: :class:`ClaimIndex` with its defaults).
        keep_analyses: Keep each article's sentences and attributions (for
            :attr:`attributions`, :meth:`analysis`, :meth:`speakers`); without
            them a tracker holds only its claims, links and clusters, in far
            less memory, and those methods raise :class:`ValueError`.
    """

    def __init__(
        self,
        *,
        splitter: SentenceSplitter | None = None,
        index: ClaimIndex | None = None,
        keep_analyses: bool = True,
    ) -> None:
        self.splitter = splitter or SentenceSplitter.default()
        self.index = index if index is not None else ClaimIndex()
        self.keep_analyses = keep_analyses
        self.articles: list[ArticleAnalysis] = []
        self._clusters: list[Cluster] | None = None
        self._kept: list[Link] | None = None
        self._ties: dict[tuple[str, str], ArticleTie] | None = None
        self._digests: dict[str, str] = {}  # article id -> content_hash
        self._vocabulary = Vocabulary()

    def add(
        self,
        articles: Iterable[Article],
        *,
        progress: Callable[[int], None] | None = None,
        stages: Stages | None = None,
        jobs: int = 1,
    ) -> None:
        """Analyse new articles and link their claims to everything indexed.

        Speakers are named canonically within the batch.  An article equal to
        one already added (same id, text and metadata) is skipped, so adding
        the same pile twice changes nothing.  Without ``keep_analyses``, each
        article's sentences and attributions are dropped as soon as its claims
        are taken: memory grows with the claims only.

        Args:
            articles: The articles.
            progress: Called with the number of articles analysed after each one.
            stages: Called as ``stages("indexing", claims done, claims in all)``
                while the claims are indexed and linked.
            jobs: Processes that analyse the articles and prepare their claims
                (see :mod:`claimtrack.workers`); the results do not depend on it.

        Raises:
            TypeError: ``articles`` is not an iterable of :class:`Article`.
            DuplicateArticleError: two different articles share an id (in
                this batch, or with one added before); nothing is added.
        """
        fresh = self._fresh(check_articles(articles, "ClaimTracker.add"))
        if self.keep_analyses and jobs <= 1:
            analysis = analyze(fresh.values(), splitter=self.splitter, progress=progress)
            self.add_analysed(analysis.articles, stages=stages)
            return
        if self.keep_analyses:
            items, prepared = analyses_of(
                fresh.values(), self.splitter, jobs=jobs, progress=progress
            )
            self._add_analysed(merge_analyses(items).articles, stages, prepared)
            return
        digests = {a.id: content_hash(a) for a in fresh.values()}
        todo = list(fresh.values())
        del fresh  # each article is let go once analysed (unless the caller holds it)
        first = len(self.index.texts)
        usable = self.index.key_parameters == default_keys().parameters  # the workers'
        names: list[str | None] = []
        claims: list[Claim] = []
        texts: list[ClaimText] = []
        # what depends on the claims' words alone is indexed as they come, while the
        # workers analyse the rest; their speakers are named across the whole batch
        for item in claims_stream(
            draining(todo), self.splitter, jobs=jobs, ahead=AHEAD, progress=progress
        ):
            names.extend(item.names)
            claims.extend(item.claims)
            texts.extend(item.texts)
            self.index.add_words(item.claims, item.texts, (item.keys or None) if usable else None)
        speakers = SpeakerIndex.build(names)
        claims = [renamed(claim, speakers) for claim in claims]
        texts = [claim_sources(text, claim) for text, claim in zip(texts, claims, strict=True)]
        self._digests.update(digests)
        if stages is not None:
            stages("indexing", 0, len(claims))
        self.index.finish_words(
            claims,
            texts,
            progress=None
            if stages is None
            else (lambda done: stages("indexing", done, len(claims))),
        )
        self._indexed(first)

    def add_analysed(
        self, items: Sequence[ArticleAnalysis], *, stages: Stages | None = None
    ) -> None:
        """Link the claims of articles analysed already (by :func:`analyze`: speakers
        named canonically), as :meth:`add` does.

        Raises:
            DuplicateArticleError: as :meth:`add`.
        """
        self._add_analysed(items, stages)

    def _add_analysed(
        self,
        items: Sequence[ArticleAnalysis],
        stages: Stages | None = None,
        prepared: dict[tuple[str, str], ClaimText] | None = None,
        keys: Mapping[tuple[str, str], bytes] | None = None,
    ) -> None:
        """:meth:`add_analysed`, the words of claims prepared already taken from
        ``prepared`` (by claim id and text: see :func:`claimtrack.workers.analyses_of`),
        and their MinHash key rows from ``keys`` (made with the default parameters)."""
        fresh = self._fresh(item.article for item in items)
        taken = [item for item in items if fresh.pop(item.article.id, None) is not None]
        if self.keep_analyses:
            self.articles.extend(taken)
        claims = [claim for item in taken for claim in claims_of_article(item)]
        texts = None
        if prepared is not None:
            texts = [_prepared(claim, prepared) for claim in claims]
        rows = None
        if keys and self.index.key_parameters == default_keys().parameters:
            rows = [keys.get((claim.id, claim.text)) for claim in claims]
        self._index_claims(
            {item.article.id: content_hash(item.article) for item in taken},
            claims,
            stages,
            texts,
            rows,
        )

    def _fresh(self, articles: Iterable[Article]) -> dict[str, Article]:
        """The articles not added yet, by id (an id taken by another article raises)."""
        articles = list(articles)
        chosen = self.fresh_articles((a.id, content_hash(a)) for a in articles)
        return {articles[k].id: articles[k] for k in chosen}

    def fresh_articles(self, digests: Iterable[tuple[str, str]]) -> list[int]:
        """Which articles, given as ``(id, content_hash)`` in input order, :meth:`add`
        would take: the positions of the first of each id not added before.

        Raises:
            DuplicateArticleError: two different articles share an id (in
                ``digests``, or with one added before).
        """
        chosen: list[int] = []
        seen: dict[str, str] = {}
        for position, (article_id, digest) in enumerate(digests):
            known = self._digests.get(article_id) or seen.get(article_id)
            if known is None:
                chosen.append(position)
                seen[article_id] = digest
            elif known != digest:
                raise DuplicateArticleError(
                    f"article id {article_id!r} is already taken by a different article "
                    "(other text or metadata): ids must be unique"
                )
        return chosen

    def add_prepared(
        self,
        digests: Sequence[tuple[str, str]],
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        *,
        stages: Stages | None = None,
        keys: Sequence[bytes] | None = None,
    ) -> None:
        """Link the claims of articles analysed and prepared elsewhere (on the
        workers of a Dask cluster: see :mod:`claimtrack.dask`), as :meth:`add` links
        them: ``digests`` are the articles' ``(id, content_hash)`` as
        :meth:`fresh_articles` chose them, ``claims`` their claims with speakers
        named canonically across the batch, ``texts`` each claim prepared by
        :func:`~claimtrack.claimtext.prepare_claim`, ``keys`` their key rows made
        with this tracker's index's :attr:`~claimtrack.clusters.ClaimIndex.minhash`
        (if given).

        Raises:
            DuplicateArticleError: as :meth:`add`; nothing is added.
        """
        if len(self.fresh_articles(digests)) != len(digests):
            raise DuplicateArticleError(
                "add_prepared takes the articles fresh_articles chose: each id once, "
                "none added before"
            )
        self._index_claims(dict(digests), list(claims), stages, texts, keys)

    def _index_claims(
        self,
        digests: dict[str, str],
        claims: list[Claim],
        stages: Stages | None = None,
        texts: Sequence[ClaimText] | None = None,
        keys: Sequence[bytes | None] | None = None,
    ) -> None:
        self._digests.update(digests)
        first = len(self.index.texts)
        if stages is None:
            self.index.extend(claims, texts=texts, keys=keys)
        else:
            stages("indexing", 0, len(claims))
            self.index.extend(
                claims,
                texts=texts,
                keys=keys,
                progress=lambda done: stages("indexing", done, len(claims)),
            )
        self._indexed(first)

    def _indexed(self, first: int) -> None:
        """The claims indexed from position ``first`` join the vocabulary; what was
        made of the claims before is made again when asked."""
        self._vocabulary.add_claims(self.index.claims[first:], self.index.texts[first:])
        self._clusters = None
        self._kept = None
        self._ties = None

    def restore(
        self,
        items: Iterable[ArticleAnalysis | Article],
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        pairs: Iterable[tuple[str, str]] = (),
        links: Iterable[Link] = (),
        *,
        compare: bool = False,
        digests: Mapping[str, str] | None = None,
        keys: Mapping[str, bytes] | None = None,
        entries: Sequence[str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Take back articles analysed before (their analyses, or the articles alone
        when analyses are not kept), with their claims (prepared) and what the index
        had found (see :meth:`ClaimIndex.restore`), analysing and comparing
        nothing (unless ``compare``): :meth:`add` then goes on as if they had just
        been added.  Without analyses kept, ``digests`` (article id -> its
        :func:`~claimtrack.articles.content_hash`) can stand for the articles;
        ``keys`` and ``entries`` mean the index need not make its keys once more (see
        :meth:`ClaimIndex.restore`); ``progress`` is called with the number of
        claims indexed as it goes."""
        self._digests.update(digests or {})
        for item in items:
            article = item.article if isinstance(item, ArticleAnalysis) else item
            self._digests[article.id] = content_hash(article)
            if self.keep_analyses and isinstance(item, ArticleAnalysis):
                self.articles.append(item)
        first = len(self.index.claims)
        self.index.restore(
            claims,
            texts,
            pairs,
            links,
            compare=compare,
            keys=keys,
            entries=entries,
            progress=progress,
        )
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
        return [a for item in self._analyses() for a in item.attributions]

    def _analyses(self) -> list[ArticleAnalysis]:
        if not self.keep_analyses:
            raise ValueError(
                "this ClaimTracker keeps no analyses (keep_analyses=False): its "
                "sentences, attributions and speakers are not at hand"
            )
        return self.articles

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
                with paused_gc():
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
            links = self.links()
            with paused_gc():
                self._clusters = build_clusters(self.index.claims, self.index.texts, links)
        return self._clusters

    def cluster_of(self, claim_id: str) -> Cluster | None:
        """The cluster holding a claim, if any."""
        for cluster in self.clusters():
            if any(m.id == claim_id for m in cluster.members):
                return cluster
        return None

    def related(self) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]:
        """Pairs of different claims by the same speaker about the same target (see
        :func:`related_pairs`)."""
        return related_pairs(self.clusters(), self.links("related"))

    @property
    def claim_count(self) -> int:
        """How many claims are indexed."""
        return len(self.index)

    def analysis(self) -> Analysis:
        """Everything added as one :class:`~claimtrack.analysis.Analysis`, speakers named
        canonically across all the batches."""
        return merge_analyses(self._analyses())

    def speakers(self) -> SpeakerIndex:
        """The canonical speaker names of everything added."""
        return SpeakerIndex.build(a.speaker_name for a in self.attributions)

    def speaker_timeline(self, name: str) -> list[Attribution]:
        """A speaker's attributed claims across the corpus, in date order."""
        return speaker_timeline(self._analyses(), name)


class LinkedClaims(Protocol):
    """What a report reads of claims linked and clustered: a :class:`ClaimTracker`,
    or a :class:`~claimtrack.store.ClaimStore`, which reads them from its tables
    without taking its claims back."""

    def clusters(self) -> list[Cluster]: ...

    def links(self, *relations: str, corroborated: bool = True) -> list[Link]: ...

    def related(self) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]: ...

    @property
    def claim_count(self) -> int: ...


def link_order(link: Link) -> tuple[str, int, str]:
    """Links sort by their first claim's place (article, sentence), then the other's id."""
    return link.a.article_id, link.a.sentence_index, link.b.id


def related_pairs(
    clusters: Iterable[Cluster], links: Iterable[Link]
) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]:
    """Of ``related`` links, those between different claims, each end given as the
    cluster holding it (or the claim alone), in :func:`link_order`."""
    where: dict[str, Cluster] = {m.id: c for c in clusters for m in c.members}
    out: list[tuple[Cluster | Claim, Cluster | Claim, Link]] = []
    for link in sorted(links, key=link_order):
        left = where.get(link.a.id, link.a)
        right = where.get(link.b.id, link.b)
        if left is not right:
            out.append((left, right, link))
    return out


def _prepared(claim: Claim, prepared: dict[tuple[str, str], ClaimText]) -> ClaimText:
    text = prepared.get((claim.id, claim.text))
    return prepare_claim(claim) if text is None else claim_sources(text, claim)


def merge_analyses(items: Sequence[ArticleAnalysis]) -> Analysis:
    """Analyses of articles added in batches as one :class:`~claimtrack.analysis.Analysis`,
    speakers named canonically across all of them."""
    index = SpeakerIndex.build(a.speaker_name for item in items for a in item.attributions)
    return Analysis(tuple(named_across(item, index) for item in items), index)


def named_across(item: ArticleAnalysis, speakers: SpeakerIndex) -> ArticleAnalysis:
    """An article's analysis with its speakers named as ``speakers`` (an index of a
    whole corpus) names them."""
    return attrs.evolve(
        item,
        attributions=tuple(
            attrs.evolve(a, speaker_name=speakers.name(a.speaker_name)) for a in item.attributions
        ),
    )


def speaker_timeline(items: Sequence[ArticleAnalysis], name: str) -> list[Attribution]:
    """A speaker's attributed claims across analysed articles, in date order."""
    dates = {
        item.article.id: item.article.date.isoformat() if item.article.date else "9999"
        for item in items
    }
    attributions = [a for item in items for a in item.attributions]
    speakers = SpeakerIndex.build(a.speaker_name for a in attributions)
    key = speakers.key(name)
    mine = [a for a in attributions if speakers.key(a.speaker_name) == key]
    return sorted(mine, key=lambda a: (dates[a.article_id], a.article_id, a.sentence.start))
