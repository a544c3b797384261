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

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

import attrs

from claimtrack.analysis import Analysis, ArticleAnalysis, analyze
from claimtrack.articles import Article
from claimtrack.attributions import Attribution
from claimtrack.claims import Claim, claims_of_article
from claimtrack.clusters import ClaimIndex, Cluster, Link, build_clusters
from claimtrack.matching import ClaimText
from claimtrack.sentences import SentenceSplitter
from claimtrack.speakers import SpeakerIndex

__all__ = ["ArticleTie", "ClaimTracker"]


#: Relations that say two claims state the same thing.
SAME_CLAIM = frozenset(["repetition", "agreement", "drift"])
#: A repetition at least this many words long ties two articles on its own...
TIE_REPETITION_WORDS = 6
#: ...as do this many same-claim links between them...
TIE_LINKS = 3
#: ...or this much of their content words in common (Jaccard, weighted by rarity)...
TIE_CONTENT = 0.18
#: ...or this much of the names they mention.
TIE_NAMES = 0.3


def _article_pair(link: Link) -> tuple[str, str]:
    """The two articles of a link, in a fixed order."""
    a, b = link.a.article_id, link.b.article_id
    return (a, b) if a <= b else (b, a)


@attrs.frozen
class ArticleTie:
    """Whether two articles are about one story, and why: what a link between them
    needs, unless it is a repetition, to be kept (see :meth:`ClaimTracker.links`).

    Attributes:
        articles: The two article ids, in order.
        links: Same-claim links (repetition, agreement, drift) found between them.
        repetition: Words of the longest repetition between them (0 if none).
        content: Weighted Jaccard similarity of their content stems (0-1); each stem
            weighs its inverse document frequency in the tracker, so words common
            to many articles count little.
        names: The same for the names they mention.
        tied: Whether they are about one story.
        reason: Why (or why not), in a few words.
    """

    articles: tuple[str, str]
    links: int
    repetition: int
    content: float
    names: float
    tied: bool
    reason: str


class _Vocabulary:
    """Content stems and names of each article, with their document frequencies."""

    def __init__(self) -> None:
        self.stems: dict[str, frozenset[str]] = {}
        self.names: dict[str, frozenset[str]] = {}
        self.stem_df: Counter[str] = Counter()
        self.name_df: Counter[str] = Counter()

    def add(self, article_id: str, texts: Iterable[ClaimText]) -> None:
        stems: set[str] = set()
        names: set[str] = set()
        for text in texts:
            stems |= text.stems
            names |= text.names
        self.stems[article_id] = frozenset(stems)
        self.names[article_id] = frozenset(names)
        self.stem_df.update(stems)
        self.name_df.update(names)

    def _similarity(self, a: frozenset[str], b: frozenset[str], df: Counter[str]) -> float:
        n = len(self.stems)

        def weight(key: str) -> float:
            # smoothed inverse document frequency: never zero, plain Jaccard on few articles
            return math.log((1 + n) / (1 + df[key])) + 1.0

        union = math.fsum(map(weight, a | b))
        return math.fsum(map(weight, a & b)) / union if union else 0.0

    def tie(self, pair: tuple[str, str], links: Sequence[Link]) -> ArticleTie:
        x, y = pair
        same = [link for link in links if link.relation in SAME_CLAIM]
        repetition = max(
            (len(link.a.text.split()) for link in same if link.relation == "repetition"),
            default=0,
        )
        content = self._similarity(self.stems.get(x, _NONE), self.stems.get(y, _NONE), self.stem_df)
        names = self._similarity(self.names.get(x, _NONE), self.names.get(y, _NONE), self.name_df)
        if repetition >= TIE_REPETITION_WORDS:
            reason = f"a repetition of {repetition} words"
        elif len(same) >= TIE_LINKS:
            reason = f"{len(same)} same-claim links"
        elif content >= TIE_CONTENT:
            reason = f"content words in common ({content:.2f})"
        elif names >= TIE_NAMES:
            reason = f"names in common ({names:.2f})"
        else:
            reason = ""
        return ArticleTie(
            pair,
            len(same),
            repetition,
            content,
            names,
            bool(reason),
            reason or "nothing else in common",
        )


_NONE: frozenset[str] = frozenset()


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
        self.index = index or ClaimIndex()
        self.articles: list[ArticleAnalysis] = []
        self._links: list[Link] = []
        self._clusters: list[Cluster] | None = None
        self._kept: list[Link] | None = None
        self._ties: dict[tuple[str, str], ArticleTie] | None = None
        self._article_ids: set[str] = set()
        self._vocabulary = _Vocabulary()

    def add(
        self, articles: Iterable[Article], *, progress: Callable[[int], None] | None = None
    ) -> None:
        """Analyse new articles and link their claims to everything indexed.

        Speakers are named canonically within the batch; an article whose id
        was already added is skipped.
        """
        fresh = [a for a in articles if a.id not in self._article_ids]
        analysis: Analysis = analyze(fresh, splitter=self.splitter, progress=progress)
        claims: list[Claim] = []
        for item in analysis.articles:
            self._article_ids.add(item.article.id)
            self.articles.append(item)
            claims.extend(claims_of_article(item))
        first = len(self.index.texts)
        self._links.extend(self.index.add(claims))
        texts: dict[str, list[ClaimText]] = {item.article.id: [] for item in analysis.articles}
        for claim, text in zip(self.index.claims[first:], self.index.texts[first:], strict=True):
            texts[claim.article_id].append(text)
        for article_id, article_texts in texts.items():
            self._vocabulary.add(article_id, article_texts)
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

        Two reports of different events of one kind say much alike ("the company
        released a patch for a flaw in its browser"), but seldom share long
        sentences, many claims, or rare words and names. So a link other than a
        repetition is kept only when its two articles are tied (see
        :meth:`tie`): a repetition of :data:`TIE_REPETITION_WORDS` words or more
        between them, :data:`TIE_LINKS` same-claim links, or enough content words
        (:data:`TIE_CONTENT`) or names (:data:`TIE_NAMES`) in common, each
        weighted by how rare it is among the articles added. Pass
        ``corroborated=False`` to get every link found.
        """
        if not corroborated:
            found = self._links
        else:
            if self._kept is None:
                ties = self.ties()
                self._kept = [
                    link
                    for link in self._links
                    if link.relation == "repetition" or ties[_article_pair(link)].tied
                ]
            found = self._kept
        chosen = [k for k in found if not relations or k.relation in relations]
        return sorted(chosen, key=lambda k: (k.a.article_id, k.a.sentence_index, k.b.id))

    def ties(self) -> dict[tuple[str, str], ArticleTie]:
        """What ties each pair of articles that have a link between them, by pair (ids in order)."""
        if self._ties is None:
            by_pair: defaultdict[tuple[str, str], list[Link]] = defaultdict(list)
            for link in self._links:
                by_pair[_article_pair(link)].append(link)
            self._ties = {
                pair: self._vocabulary.tie(pair, links) for pair, links in sorted(by_pair.items())
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
