"""One story or two: which links between two articles to believe.

Two reports of different events of one kind say much alike ("the company
released a patch for a flaw in its browser"), but seldom share long sentences,
many claims, or rare words and names. :func:`corroborate` keeps a link as it
is only when it stands alone -- two sentences of :data:`STANDALONE_WORDS` words
or more sharing most of their words, or a repetition -- and keeps any other link
(a headline-length match, or a match made on content words in other words) only
when its two articles are *tied* (:class:`ArticleTie`): a repetition of
:data:`TIE_REPETITION_WORDS` words or more between them, :data:`TIE_LINKS`
same-claim links, or enough content words (:data:`TIE_CONTENT`) or names
(:data:`TIE_NAMES`) in common, each weighted by its inverse document frequency
among the articles, so that words common to many articles count little.  A claim
found stated inside a longer one (basis ``part``: all its content words stand
there) is the weakest link: it is kept only between copies of one story (a
repetition of :data:`TIE_REPETITION_WORDS` words or more), and it never ties two
articles itself.

The thresholds were set on ECB+ (two events of one kind per topic); see
``bench/ECBPLUS.md``.

>>> from claimtrack.claims import Claim
>>> from claimtrack.clusters import ClaimIndex
>>> index = ClaimIndex()
>>> links = index.add([
...     Claim("x#0", "x", 0, 0, 29, "River bridge to reopen in May"),
...     Claim("x#1", "x", 1, 30, 72, "The harbour published new rules for boats."),
...     Claim("y#0", "y", 0, 0, 30, "River bridge to reopen in June"),
...     Claim("y#1", "y", 1, 31, 57, "Two climbers were rescued.")])
>>> [(k.relation, stands_alone(k)) for k in links]
[('drift', False)]
>>> kept, ties = corroborate(links, vocabulary_of(index.claims, index.texts))
>>> len(kept), ties[("x", "y")].reason
(1, 'content words in common (0.19)')
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs

from claimtrack.analysis import paused_gc
from claimtrack.claims import Claim
from claimtrack.claimtext import ClaimText
from claimtrack.clusters import Link

__all__ = [
    "ArticleTie",
    "Vocabulary",
    "article_pair",
    "corroborate",
    "links_by_pair",
    "stands_alone",
    "vocabulary_of",
]


#: Relations that say two claims state the same thing.
SAME_CLAIM = frozenset(["repetition", "agreement", "drift"])
#: Sentences this long that share most of their words in order are linked whatever
#: else their articles share.
STANDALONE_WORDS = 8
#: A repetition at least this many words long ties two articles on its own...
TIE_REPETITION_WORDS = 6
#: ...as do this many same-claim links between them...
TIE_LINKS = 3
#: ...or this much of their content words in common (Jaccard, weighted by rarity)...
TIE_CONTENT = 0.18
#: ...or this much of the names they mention.
TIE_NAMES = 0.3


def stands_alone(link: Link) -> bool:
    """Whether a link needs no tie between its articles: two sentences of
    :data:`STANDALONE_WORDS` words or more that share most of their words in order
    (a headline-length sentence can match another by accident of form)."""
    return link.basis == "words" and (
        link.relation == "repetition"
        or min(len(link.a.text.split()), len(link.b.text.split())) >= STANDALONE_WORDS
    )


def article_pair(link: Link) -> tuple[str, str]:
    """The two articles of a link, in a fixed order."""
    a, b = link.a.article_id, link.b.article_id
    return (a, b) if a <= b else (b, a)


@attrs.frozen
class ArticleTie:
    """Whether two articles are about one story, and why: what a link between them
    needs, unless it is a repetition, to be kept (see :func:`corroborate`).

    Attributes:
        articles: The two article ids, in order.
        links: Same-claim links (repetition, agreement, drift) found between them,
            but for claims found inside longer ones (basis ``part``).
        repetition: Words of the longest repetition between them (0 if none).
        content: Weighted Jaccard similarity of their content stems (0-1); each stem
            weighs its inverse document frequency among the articles, so words common
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


class _Weighted:
    """Sets of keys by article, compared by Jaccard weighted with each key's smoothed
    inverse document frequency, ``ln((1 + N) / (1 + df)) + 1``: never zero, and
    plain Jaccard on a handful of articles."""

    def __init__(self) -> None:
        # tuples, not sets: an article's keys take a fifth of the memory, and the
        # few pairs of articles ever compared pay for a set each
        self.sets: dict[str, tuple[str, ...]] = {}
        self.df: Counter[str] = Counter()
        self._weight: dict[str, float] = {}
        self._total: dict[str, float] = {}
        # the set of the last article compared first: pairs come in order, so one
        # article meets many others in a row
        self._last: tuple[str, frozenset[str]] = ("", frozenset())

    def add(self, article_id: str, keys: frozenset[str]) -> None:
        self.sets[article_id] = tuple(keys)
        self.df.update(keys)
        self._weight.clear()  # every weight depends on the number of articles
        self._total.clear()
        self._last = ("", frozenset())

    def _weights(self) -> dict[str, float]:
        """Every key's weight, made once after each change (looked up in C since)."""
        if not self._weight and self.df:
            n = 1 + len(self.sets)
            log = math.log
            self._weight = {key: log(n / (1 + df)) + 1.0 for key, df in self.df.items()}
        return self._weight

    def total(self, article_id: str) -> float:
        found = self._total.get(article_id)
        if found is None:
            found = math.fsum(map(self._weights().__getitem__, self.sets.get(article_id, ())))
            self._total[article_id] = found
        return found

    def similarity(self, x: str, y: str) -> float:
        last_id, keys = self._last
        if last_id != x or not last_id:
            keys = frozenset(self.sets.get(x, ()))
            self._last = (x, keys)
        shared = keys.intersection(self.sets.get(y, ()))
        common = math.fsum(map(self._weights().__getitem__, shared))
        union = self.total(x) + self.total(y) - common
        return common / union if union > 0 else 0.0


class Vocabulary:
    """Content stems and names of each article, with their document frequencies,
    added article by article (adding one costs only its own words)."""

    def __init__(self) -> None:
        self._stems = _Weighted()
        self._names = _Weighted()

    def add(self, article_id: str, texts: Iterable[ClaimText]) -> None:
        """Add an article's words and names, from its claims' prepared texts."""
        stems: set[str] = set()
        names: set[str] = set()
        for text in texts:
            stems.update(text.stem_keys)
            names.update(text.name_keys)
        self._stems.add(article_id, frozenset(stems))
        self._names.add(article_id, frozenset(names))

    def add_claims(self, claims: Iterable[Claim], texts: Iterable[ClaimText]) -> None:
        """Add the articles of some claims (all of each article's claims, with their
        prepared texts)."""
        by_article: defaultdict[str, list[ClaimText]] = defaultdict(list)
        for claim, text in zip(claims, texts, strict=True):
            by_article[claim.article_id].append(text)
        with paused_gc():
            for article_id, article_texts in by_article.items():
                self.add(article_id, article_texts)

    def tie(self, pair: tuple[str, str], links: Sequence[Link]) -> ArticleTie:
        """What ties the two articles of ``pair`` (ids in order), given the links found
        between them."""
        x, y = pair
        same = [link for link in links if link.relation in SAME_CLAIM and link.basis != "part"]
        repetition = max(
            (len(link.a.text.split()) for link in same if link.relation == "repetition"),
            default=0,
        )
        content = self._stems.similarity(x, y)
        names = self._names.similarity(x, y)
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


def vocabulary_of(claims: Iterable[Claim], texts: Iterable[ClaimText]) -> Vocabulary:
    """The vocabulary of the articles of some claims (with their prepared texts)."""
    vocabulary = Vocabulary()
    vocabulary.add_claims(claims, texts)
    return vocabulary


def links_by_pair(links: Iterable[Link]) -> dict[tuple[str, str], list[Link]]:
    """Links grouped by their pair of articles (ids in order), pairs in order."""
    by_pair: defaultdict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in links:
        by_pair[article_pair(link)].append(link)
    return dict(sorted(by_pair.items()))


def corroborate(
    links: Iterable[Link], vocabulary: Vocabulary
) -> tuple[list[Link], dict[tuple[str, str], ArticleTie]]:
    """The links to believe, in their order, and the tie of every pair of articles
    that needs one: with a link between them that does not stand alone (see the
    module's description). Pairs whose links all stand alone are not weighed."""
    links = list(links)
    ties = {
        pair: vocabulary.tie(pair, found)
        for pair, found in links_by_pair(links).items()
        if not all(map(stands_alone, found))
    }
    kept = [link for link in links if stands_alone(link) or _believed(link, ties)]
    return kept, ties


def _believed(link: Link, ties: dict[tuple[str, str], ArticleTie]) -> bool:
    """Whether a link that does not stand alone is kept: its articles are tied, and
    for a claim inside a longer one (basis ``part``), tied as copies of one story."""
    tie = ties[article_pair(link)]
    if link.basis == "part":
        return tie.repetition >= TIE_REPETITION_WORDS
    return tie.tied
