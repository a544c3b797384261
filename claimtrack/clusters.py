"""Claims across articles: an updatable index, links, clusters, timelines.

:class:`ClaimIndex` finds candidate pairs without comparing all pairs:

- **MinHash LSH** over each claim's content stems (``bands`` bands of ``rows``
  rows, computed with numpy in batches): near-copies and edited versions
  collide in at least one band;
- **anchor keys** for reported speech: the same canonical speaker with the
  same cue lemma, or with the same named target, so that agreement in other
  words and related claims are found too.  An anchor shared by more than
  ``anchor_cap`` claims is too common to say anything and is not probed.

Candidates are then scored with :func:`claimtrack.relations.relate_prepared`.
Adding claims only probes the index with the new ones: nothing already indexed
is compared again.  Clusters are formed from the links (strongest first, a
cluster never taking two claims of one article unless they repeat each other)
and do not depend on the order the articles were added in.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import numpy as np

from claimtrack.analysis import paused_gc
from claimtrack.changes import Change
from claimtrack.claims import Claim
from claimtrack.claimtext import ClaimText, prepare_claim
from claimtrack.minhash import MinHashKeys
from claimtrack.normalize import match_key
from claimtrack.relations import (
    MODEL_SHARED,
    Relation,
    RelationName,
    may_relate,
    relate_prepared,
)

__all__ = ["ClaimIndex", "Cluster", "Conflict", "Link", "build_clusters", "cluster_order"]

#: Relations that put two claims in one cluster.
SAME_CLAIM: frozenset[str] = frozenset(["repetition", "agreement", "drift"])
#: Claims of fewer words are fragments (time stamps, credits, "Advertisement",
#: "Why?") and are never linked: they say too little to be a claim that travels.
MIN_WORDS = 5
_MASK64 = (1 << 64) - 1


@attrs.frozen
class Link:
    """A scored relation between two claims of different articles.

    Attributes:
        a: The claim that comes first (earlier date, then id).
        b: The other claim.
        found: How they relate (:class:`~claimtrack.relations.Relation`); its
            fields are the link's :attr:`relation`, :attr:`score`,
            :attr:`changes`, :attr:`evidence`, :attr:`basis` and :attr:`conflict`.
    """

    a: Claim
    b: Claim
    found: Relation

    @property
    def relation(self) -> RelationName:
        """repetition, agreement, drift or related."""
        return self.found.relation

    @property
    def score(self) -> float:
        """0-100."""
        return self.found.score

    @property
    def changes(self) -> tuple[Change, ...]:
        """The typed changes from ``a`` to ``b``."""
        return self.found.changes

    @property
    def evidence(self) -> tuple[str, ...]:
        """Why, in a few words."""
        return self.found.evidence

    @property
    def basis(self) -> str:
        """``words``, ``content`` or ``part`` (see :class:`~claimtrack.relations.Relation`)."""
        return self.found.basis

    @property
    def conflict(self) -> bool:
        """Whether the two reports conflict (a reversal, a negation, another number,
        date or speaker: see :data:`claimtrack.changes.CONFLICTS`)."""
        return self.found.conflict


def _order_key(claim: Claim) -> tuple[str, str, int]:
    return (
        claim.date.isoformat() if claim.date else "9999",
        claim.article_id,
        claim.sentence_index,
    )


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])``, vectorised."""
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(total, dtype=np.int64)


def _distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-d array (its distinct values in order), by a sort: numpy
    2.3's ``np.unique`` of integers takes ten times as long (200k codes: 0.17 s
    against 0.016 s here)."""
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=bool)
    keep[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _merge_runs(runs: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """Merge the newest runs while the one before is at most twice as long."""
    while len(runs) >= 2 and len(runs[-2][0]) <= 2 * len(runs[-1][0]):
        (k1, p1), (k2, p2) = runs[-2], runs[-1]
        keys = np.concatenate([k1, k2])
        positions = np.concatenate([p1, p2])
        # stable: positions stay in order within a key (every p1 is below every p2)
        by_key = np.argsort(keys, kind="stable")
        runs[-2:] = [(keys[by_key], positions[by_key])]


def _probe(
    runs: list[tuple[np.ndarray, np.ndarray]],
    keys: np.ndarray,
    first: int,
    cap: int,
    *,
    whole: bool,
    insert: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (earlier claim, new claim) of positions that share a key; then, if
    ``insert``, the new keys join ``runs``.

    Positions are kept as 32-bit numbers (half the memory of the runs' positions).
    ``keys`` has one row per new claim (the first at position ``first``), one
    column per band or weak key, each key salted with its column.  A key held by
    more than ``cap`` earlier claims gives, if ``whole``, none of them (the
    bucket is not probed), else the ``cap`` that entered it last.
    """
    width = keys.shape[1] if keys.ndim == 2 else 1
    flat = keys.ravel()
    positions = np.repeat(np.arange(first, first + len(flat) // width, dtype=np.int32), width)
    order = np.lexsort((positions, flat))
    sk, sp = flat[order], positions[order]
    index = np.arange(len(sk), dtype=np.int64)
    new_group = np.ones(len(sk), dtype=bool)
    new_group[1:] = sk[1:] != sk[:-1]
    group_start = np.maximum.accumulate(np.where(new_group, index, 0))
    bounds = [
        (np.searchsorted(k, sk, side="left"), np.searchsorted(k, sk, side="right"), p)
        for k, p in reversed(runs)
    ]
    mine: list[np.ndarray] = []
    others: list[np.ndarray] = []
    if whole:
        count = index - group_start
        for left, right, _ in bounds:
            count = count + (right - left)
        probed = count <= cap
        taken = np.where(probed, index - group_start, 0)
        mine.append(np.repeat(sp, taken))
        others.append(sp[_expand(group_start, taken)])
        for left, right, run_positions in bounds:
            take = np.where(probed, right - left, 0)
            mine.append(np.repeat(sp, take))
            others.append(run_positions[_expand(left, take)])
    else:
        low = np.maximum(group_start, index - cap)
        taken = index - low
        mine.append(np.repeat(sp, taken))
        others.append(sp[_expand(low, taken)])
        room = cap - taken
        for left, right, run_positions in bounds:
            take = np.minimum(right - left, room)
            room = room - take
            mine.append(np.repeat(sp, take))
            others.append(run_positions[_expand(right - take, take)])
    if insert:
        runs.append((sk, sp))
        _merge_runs(runs)
    return np.concatenate(others), np.concatenate(mine)


@attrs.frozen
class _Words:
    """A chunk of claims added by their words (see :meth:`ClaimIndex._add_words`)."""

    first: int  # the position of its first claim
    total: int  # first + its length: pair codes are new * total + earlier
    fresh: list[int]  # offsets of claims that start an entry
    spread: list[int]  # offsets of copies that take their entry to a second article
    found: list[np.ndarray]  # candidate pair codes by band and weak keys


@attrs.define
class _Waiting:
    """Claims given to :meth:`ClaimIndex.add_words`, and the chunks done."""

    ids: set[str] = attrs.Factory(set)
    claims: list[Claim] = attrs.Factory(list)
    texts: list[ClaimText] = attrs.Factory(list)
    keys: list[bytes | None] = attrs.Factory(list)
    done: list[_Words] = attrs.Factory(list)


class ClaimIndex:
    """An updatable index of claims that yields scored links between them.

    Args:
        bands: Number of LSH bands.
        rows: Rows (MinHash values) per band; more rows find fewer, closer pairs.
            The default 13 x 5 (65 values, as cheap as 16 x 4) finds a pair of
            content-stem Jaccard 0.8 with probability 0.994 and 0.7 with 0.91,
            and its chance collisions grow far slower with the corpus: 1M claims
            took x10.7 the time of 100k, against x12.2 with 16 x 4.
        anchor_cap: Anchors shared by more claims than this are not probed.
        weak: Single MinHash values used as keys too, to find claims that share
            only part of their words (one report's sentence inside a longer one).
        weak_cap: Weak keys shared by more claims than this are not probed, and
            their candidates must share at least 40% of the smaller claim's
            content words before they are scored.
        bucket_cap: A claim takes at most this many candidates from one band
            bucket: the claims that entered it last (a bucket that large holds
            one text repeated everywhere, or texts of one or two content words).
        seed: Seed of the MinHash permutations (fixed: results are reproducible).
        chunk: Claims are added this many at a time (bounds the memory used by
            one call; the links do not depend on it).

    The band and weak keys are kept in sorted numpy runs (merged as they grow,
    like a log-structured merge tree), so that a batch of new claims is probed
    with binary searches rather than a dictionary lookup per claim and key.

    >>> from claimtrack.claims import Claim
    >>> index = ClaimIndex()
    >>> a = Claim("x#0", "x", 0, 0, 30, "Russia sent two bombers to Belarus.")
    >>> b = Claim("y#0", "y", 0, 0, 30, "Russia sent two bombers to Belarus on Saturday.")
    >>> [(link.a.id, link.b.id, link.relation) for link in index.add([a, b])]
    [('x#0', 'y#0', 'drift')]
    """

    def __init__(
        self,
        *,
        bands: int = 13,
        rows: int = 5,
        anchor_cap: int = 200,
        weak: int = 6,
        weak_cap: int = 20,
        seed: int = 20211118,
        bucket_cap: int = 200,
        chunk: int = 20_000,
    ) -> None:
        self.bands, self.rows, self.anchor_cap = bands, rows, anchor_cap
        self.weak, self.weak_cap = weak, weak_cap
        self.bucket_cap, self.chunk = bucket_cap, max(1, chunk)
        self.minhash = MinHashKeys(bands, rows, weak, seed)
        self.claims: list[Claim] = []
        self.texts: list[ClaimText] = []
        # Identical claims (the same words after normalisation) are one *entry*:
        # only an entry's first claim is indexed and compared; the others are its
        # occurrences, linked to the entry's earliest one as repetitions.
        self._entry_of_words: dict[tuple[str, ...], int] = {}
        self._occurrences: list[list[int]] = []  # entry -> claim positions, in add order
        self._entry: list[int] = []  # claim position -> entry
        self._pairs: set[tuple[int, int]] = set()  # entry pairs found related (lower first)
        self._entry_keys: dict[int, str | None] = {}  # entry -> its key, once asked for
        self._spread: set[int] = set()  # entries with claims in two articles or more
        self._relations: dict[tuple[int, int], Relation] = {}  # (earlier, later) positions
        self._links: list[Link] | None = None
        self._timelines: dict[int, list[int]] = {}
        # content stems as numbers, for overlap checks in numpy: those of the claim
        # at position p are _stem_ids[_stem_start[p] : _stem_start[p + 1]]
        self._stem_number: dict[str, int] = {}
        self._stem_ids = np.zeros(1 << 16, dtype=np.int32)
        self._stem_start = np.zeros(1025, dtype=np.int64)
        self._position: dict[str, int] = {}
        # sorted runs of (key salted with its band or column, claim position), oldest first
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []
        self._weak_runs: list[tuple[np.ndarray, np.ndarray]] = []
        self._article_codes: dict[str, int] = {}
        self._article_of = np.zeros(1024, dtype=np.int64)
        self._anchors: dict[tuple[str, ...], list[int]] = defaultdict(list)
        # with keep_new, what is new until taken: the band and weak keys computed, by
        # claim position, and the entry pairs found (a store keeps them, so that
        # taking its index back computes nothing, and writes only what is new)
        self.keep_new = False
        self._computed_keys: dict[int, np.ndarray] = {}
        self._new_pairs: list[tuple[int, int]] = []
        self._waiting = _Waiting()
        self._given_keys: dict[int, np.ndarray] = {}  # by restore: stored already
        self._made_keys: dict[int, np.ndarray] = {}  # made elsewhere: new
        #: If set to a set, every candidate pair compared from then on (or found in an
        #: entry pair related already) is added to it as ``(earlier, new)`` claim
        #: positions: the pair the probe found, then the claim that probed.  Nothing
        #: else changes; :mod:`claimtrack.blocking` is checked against it.
        self.compared: set[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.claims)

    # -- keys --
    def _signatures(self, texts: Sequence[ClaimText]) -> np.ndarray:
        """MinHash signatures (one row per text) of the texts' content stems."""
        return self.minhash.signatures(texts)

    @staticmethod
    def _anchor_keys(claim: Claim, text: ClaimText) -> list[tuple[str, ...]]:
        """Anchors name a speaker by the last word of its name, so that "Merkel" and
        "Angela Merkel" meet whether or not their articles were named together."""
        keys: list[tuple[str, ...]] = []
        for speaker in sorted({s.rsplit(" ", 1)[-1] for s in text.speakers}):
            keys.extend(("cue", speaker, cue) for cue in sorted(text.cues))
        for named in sorted(text.named):
            speaker = named.rsplit(" ", 1)[-1]
            keys.extend(
                ("target", speaker, name)
                for name in text.name_keys
                if name != named.replace(" ", "_")
            )
        return sorted(set(keys))

    @property
    def key_width(self) -> int:
        """Keys per claim: one per band, then the weak keys."""
        return self.minhash.width

    def _key_rows(self, texts: Sequence[ClaimText], positions: Sequence[int]) -> np.ndarray:
        """The band keys and weak keys (salted) of some claims, one row each: taken
        from those given to :meth:`restore` (kept already), else from those made
        elsewhere (given to :meth:`add_words` or :meth:`extend`), else computed;
        with :attr:`keep_new`, the last two are kept until :meth:`take_keys`."""
        given, made = self._given_keys, self._made_keys
        rows = np.empty((len(texts), self.key_width), dtype=np.uint64)
        todo = []
        for k, position in enumerate(positions):
            found = given.pop(position, None)
            if found is None:
                found = made.pop(position, None)
                if found is None:
                    todo.append(k)
                    continue
                if self.keep_new:
                    self._computed_keys[position] = found
            rows[k] = found
        if todo:
            rows[todo] = self.minhash.rows_of(self._signatures([texts[k] for k in todo]))
            if self.keep_new:
                for k in todo:
                    self._computed_keys[positions[k]] = rows[k]
        return rows

    def take_keys(self) -> dict[str, bytes]:
        """The keys computed since last asked (with :attr:`keep_new`), by claim id, as
        bytes for :meth:`restore`'s ``keys``; then forgets them."""
        out = {self.claims[p].id: row.tobytes() for p, row in self._computed_keys.items()}
        self._computed_keys = {}
        return out

    @property
    def key_parameters(self) -> str:
        """What the keys depend on: keys kept under other parameters are not given
        back to :meth:`restore`."""
        return self.minhash.parameters

    # -- adding --
    def add(self, claims: Iterable[Claim]) -> list[Link]:
        """Index new claims; return the links they take part in (see :meth:`links`).

        A claim whose id is already indexed is ignored; a claim of fewer than
        :data:`MIN_WORDS` words is a fragment, kept but never linked.  A claim with the same
        words as an indexed one (after normalisation) joins that entry and is
        not compared again: a thousand copies of a sentence cost one comparison
        each, not a thousand.  (:meth:`extend` adds without listing the links.)
        """
        first = len(self.claims)
        self.extend(claims)
        touched = set(self._entry[first:])  # entries that gained a claim
        out: list[Link] = []
        for entry in sorted(touched):
            out.extend(self._copy_links(entry, since=first))
        for x, y in sorted(self._pairs):  # a new pair always holds a new entry
            if x in touched or y in touched:
                link = self._entry_link(x, y)
                if link is not None:
                    out.append(link)
        return out

    def extend(
        self,
        claims: Iterable[Claim],
        *,
        texts: Sequence[ClaimText] | None = None,
        keys: Sequence[bytes | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Index new claims, as :meth:`add` does, without listing their links
        (:meth:`links` gives them all): the cheap way to add in many batches.
        ``texts``, if given, are the claims prepared already (by
        :func:`~claimtrack.claimtext.prepare_claim`, one per claim, as on the
        workers of a Dask cluster: see :mod:`claimtrack.dask`); ``keys``, each
        claim's key row made elsewhere with this index's :attr:`minhash`
        parameters (or None); ``progress`` is called with the number of claims
        done after each chunk."""
        claims = list(claims)
        if texts is not None and len(texts) != len(claims):
            raise ValueError(f"{len(claims)} claims but {len(texts)} prepared texts")
        if keys is not None and len(keys) != len(claims):
            raise ValueError(f"{len(claims)} claims but {len(keys)} key rows")
        keep = [k for k, c in enumerate(claims) if c.id not in self._position]
        new = [claims[k] for k in keep]
        prepared = None if texts is None else [texts[k] for k in keep]
        given = () if keys is None else [keys[k] for k in keep]
        with paused_gc():
            for lo in range(0, len(new), self.chunk):
                hi = lo + self.chunk
                self._add_chunk(
                    new[lo:hi], None if prepared is None else prepared[lo:hi], keys=given[lo:hi]
                )
                if progress is not None:
                    progress(min(hi, len(new)))

    def occurrences(self, claim_id: str) -> list[Claim]:
        """The claims with the same words as this one (itself included), in timeline order."""
        entry = self._entry[self._position[claim_id]]
        return sorted((self.claims[p] for p in self._occurrences[entry]), key=_order_key)

    def _add_chunk(
        self,
        new: list[Claim],
        texts: list[ClaimText] | None = None,
        probe: bool = True,
        keys: Sequence[bytes | None] = (),
    ) -> None:
        texts = [prepare_claim(c) for c in new] if texts is None else texts
        self._add_sources(self._add_words(new, texts, probe, keys), probe)

    def _add_words(
        self,
        new: list[Claim],
        texts: list[ClaimText],
        probe: bool,
        keys: Sequence[bytes | None] = (),
    ) -> _Words:
        """What adding a chunk of claims takes from their words alone: their places
        and entries, their band and weak keys probed (the fresh ones inserted), with
        the candidates these give.  The rest needs their sources
        (:meth:`_add_sources`), and may come later: see :meth:`add_words`."""
        self._links = None
        first = len(self.claims)
        total = first + len(new)
        if total > len(self._article_of):
            grown = np.zeros(max(total, 2 * len(self._article_of)), dtype=np.int64)
            grown[:first] = self._article_of[:first]
            self._article_of = grown
        fresh: list[int] = []  # offsets of the claims that start a new entry
        spread: list[int] = []  # offsets of copies that take their entry to a 2nd article
        number, stem_ids, stem_counts = self._stem_number, list[int](), list[int]()
        for offset, (claim, text) in enumerate(zip(new, texts, strict=True)):
            position = first + offset
            self._position[claim.id] = position
            self.claims.append(claim)
            self.texts.append(text)
            try:
                numbered = list(map(number.__getitem__, text.stem_keys))
            except KeyError:  # a stem first seen
                numbered = [number.setdefault(stem, len(number)) for stem in text.stem_keys]
            stem_ids += numbered
            stem_counts.append(len(numbered))
            code = self._article_codes.setdefault(claim.article_id, len(self._article_codes))
            self._article_of[position] = code
            fragment = len(text.words) < MIN_WORDS
            entry = None if fragment else self._entry_of_words.get(text.words)
            if entry is None:
                entry = len(self._occurrences)
                self._occurrences.append([])
                if not fragment:
                    self._entry_of_words[text.words] = entry
                    fresh.append(offset)
            elif (
                entry not in self._spread and code != self._article_of[self._occurrences[entry][0]]
            ):
                self._spread.add(entry)
                spread.append(offset)
            self._occurrences[entry].append(position)
            self._entry.append(entry)
        self._number_stems(first, stem_ids, stem_counts)
        if keys:
            size = 8 * self.key_width
            for k in (*fresh, *spread):
                row = keys[k]
                if row is not None and len(row) == size:
                    self._made_keys[first + k] = np.frombuffer(row, dtype=np.uint64)
        found = []
        if fresh:
            found += self._probe_keys(first, total, texts, fresh, insert=True, probe=probe)
        if spread and probe:
            # candidates of one article were left out when the entry's first claim
            # probed the index; from another article they count: probe again, once
            found += self._probe_keys(first, total, texts, spread, insert=False, probe=True)
        return _Words(first, total, fresh, spread if probe else [], found)

    def _number_stems(self, first: int, ids: list[int], counts: list[int]) -> None:
        """The stem numbers of the claims from position ``first`` (``counts`` of them
        each, in order) join :attr:`_stem_ids`."""
        total = first + len(counts)
        begin = int(self._stem_start[first])
        end = begin + len(ids)
        if end > len(self._stem_ids):
            grown = np.zeros(max(end, 2 * len(self._stem_ids)), dtype=np.int32)
            grown[:begin] = self._stem_ids[:begin]
            self._stem_ids = grown
        if total + 1 > len(self._stem_start):
            starts = np.zeros(max(total + 1, 2 * len(self._stem_start)), dtype=np.int64)
            starts[: first + 1] = self._stem_start[: first + 1]
            self._stem_start = starts
        self._stem_ids[begin:end] = ids
        self._stem_start[first + 1 : total + 1] = begin + np.cumsum(counts, dtype=np.int64)

    def _add_sources(self, words: _Words, probe: bool) -> None:
        """The rest of adding a chunk (see :meth:`_add_words`), once its claims and
        texts in :attr:`claims` and :attr:`texts` have their sources: candidates
        by anchors (a speaker and a cue, or a target), then every candidate compared."""
        self._links = None
        first, total, found = words.first, words.total, list(words.found)
        for offsets, insert in ((words.fresh, True), (words.spread, False)):
            if offsets:
                positions = [first + k for k in offsets]
                anchored = self._anchor_candidates(
                    [self.claims[p] for p in positions],
                    [self.texts[p] for p in positions],
                    positions,
                    probe,
                    insert,
                )
                if anchored:
                    pairs = np.array(anchored, dtype=np.int64).reshape(-1, 2)
                    keep = self._article_of[pairs[:, 0]] != self._article_of[pairs[:, 1]]
                    found.append(pairs[keep, 1] * total + pairs[keep, 0])
        if not found:
            return
        codes = _distinct(np.concatenate(found))
        for other, me in zip((codes % total).tolist(), (codes // total).tolist(), strict=True):
            x, y = self._entry[other], self._entry[me]
            if x == y:
                continue
            if self.compared is not None:
                self.compared.add((other, me))
            pair = (x, y) if x < y else (y, x)
            if pair not in self._pairs and self._relation(other, me).relation != "unrelated":
                self._pairs.add(pair)
                if self.keep_new:
                    self._new_pairs.append(pair)

    # -- adding claims as they are analysed, their sources named at the end --
    def add_words(
        self,
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        keys: Sequence[bytes] | None = None,
    ) -> None:
        """Begin adding claims whose speakers are not named yet (a batch still being
        analysed), with their words prepared (:func:`~claimtrack.claimtext.prepare`
        of their text): what depends on their words alone is done a chunk at a time
        as they come, while the rest of the batch is analysed.  :meth:`finish_words`
        then takes the same claims with their speakers named; the result is that of
        :meth:`extend` with the named claims.  ``keys``, each claim's key row made
        elsewhere with this index's :attr:`minhash` parameters, save making them."""
        if len(claims) != len(texts) or (keys is not None and len(keys) != len(claims)):
            raise ValueError(f"{len(claims)} claims but {len(texts)} prepared texts or keys")
        waiting = self._waiting
        for k, (claim, text) in enumerate(zip(claims, texts, strict=True)):
            if claim.id not in self._position and claim.id not in waiting.ids:
                waiting.ids.add(claim.id)
                waiting.claims.append(claim)
                waiting.texts.append(text)
                waiting.keys.append(None if keys is None else keys[k])
        while len(waiting.claims) >= self.chunk:
            self._words_chunk()

    def _words_chunk(self) -> None:
        waiting = self._waiting
        new, waiting.claims = waiting.claims[: self.chunk], waiting.claims[self.chunk :]
        texts, waiting.texts = waiting.texts[: self.chunk], waiting.texts[self.chunk :]
        keys, waiting.keys = waiting.keys[: self.chunk], waiting.keys[self.chunk :]
        with paused_gc():
            waiting.done.append(self._add_words(new, texts, probe=True, keys=keys))

    def finish_words(
        self,
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Finish adding the claims begun by :meth:`add_words`: ``claims`` are those
        claims with their speakers named (the same ids), ``texts`` their prepared
        texts with sources.  ``progress`` is called with the claims done."""
        if len(claims) != len(texts):
            raise ValueError(f"{len(claims)} claims but {len(texts)} prepared texts")
        waiting = self._waiting
        while waiting.claims:
            self._words_chunk()
        chunks, self._waiting = waiting.done, _Waiting()
        if not chunks:
            return
        first = chunks[0].first
        with paused_gc():
            for claim, text in zip(claims, texts, strict=True):
                position = self._position.get(claim.id)
                if position is not None and position >= first:
                    self.claims[position], self.texts[position] = claim, text
            for words in chunks:
                self._add_sources(words, probe=True)
                if progress is not None:
                    progress(words.total - first)

    def _probe_keys(
        self,
        first: int,
        total: int,
        texts: list[ClaimText],
        offsets: list[int],
        *,
        insert: bool,
        probe: bool,
    ) -> list[np.ndarray]:
        """Candidate pair codes (``new * total + earlier``) of some claims of a chunk
        (given by offset from ``first``) by their band and weak keys, of different
        articles; with ``insert``, their keys join the index."""
        chosen = [texts[k] for k in offsets]
        positions = np.array([first + k for k in offsets], dtype=np.int64)
        rows = self._key_rows(chosen, positions.tolist())
        keys, weak_keys = rows[:, : self.bands], rows[:, self.bands :]
        weak = weak_keys.shape[1]
        # the claims are numbered total + k while probing, then mapped to their positions
        found = []
        others, mine = _probe(self._runs, keys, total, self.bucket_cap, whole=False, insert=insert)
        if probe:
            found.append(self._pair_codes(others, mine, positions, total, contained=True))
        if weak:
            w_others, w_mine = _probe(
                self._weak_runs, weak_keys, total, self.weak_cap, whole=True, insert=insert
            )
            if probe:
                found.append(self._pair_codes(w_others, w_mine, positions, total))
        if insert:
            for runs in (self._runs, self._weak_runs):
                if runs:  # the new keys went into the newest run, merged or not
                    run_positions = runs[-1][1]
                    placeholder = run_positions >= total
                    run_positions[placeholder] = positions[run_positions[placeholder] - total]
        return found

    def _pair_codes(
        self,
        others: np.ndarray,
        mine: np.ndarray,
        rep_positions: np.ndarray,
        total: int,
        contained: bool = False,
    ) -> np.ndarray:
        """Probe results (placeholders ``total + k`` for new entries) as overlapping pair codes."""
        placeholder = others >= total
        others = others.copy()
        others[placeholder] = rep_positions[others[placeholder] - total]
        mine = rep_positions[mine - total]
        return self._overlapping(mine * total + others, total, contained=contained)

    def _entry_link(self, x: int, y: int) -> Link | None:
        """The link between two entries: between their earliest claims of different
        articles, or None if no such claims relate."""
        # the pair whose earlier claim comes first, then whose later claim does:
        # the first claim of either entry that has a partner in another article,
        # with its earliest such partner (the same whichever entry is x)
        xs, ys = self._timeline(x), self._timeline(y)
        article = self._article_of
        merged = heapq.merge(
            ((i, ys) for i in xs),
            ((j, xs) for j in ys),
            key=lambda item: _order_key(self.claims[item[0]]),
        )
        for i, others in merged:  # a lazy merge: usually the first claim has a partner
            for j in others:
                if article[i] != article[j]:
                    return self._link(i, j)
        return None

    def _timeline(self, entry: int) -> list[int]:
        """The positions of an entry's claims in timeline order (cached until it grows)."""
        positions = self._occurrences[entry]
        if len(positions) == 1:
            return positions
        cached = self._timelines.get(entry)
        if cached is None or len(cached) != len(positions):
            cached = sorted(positions, key=lambda p: _order_key(self.claims[p]))
            self._timelines[entry] = cached
        return cached

    # -- keeping the index between runs (see claimtrack.store) --
    def entry_key(self, claim_id: str) -> str | None:
        """A stable key of the entry holding a claim (its words), None for a fragment."""
        return entry_key(self.texts[self._position[claim_id]])

    def state(self) -> list[tuple[str, str]]:
        """The entry pairs found related, by entry key: with the claims and the links,
        all :meth:`restore` needs to go on without comparing anything again."""
        self._new_pairs = []  # all are given
        return self._keyed(sorted(self._pairs))

    def take_pairs(self) -> list[tuple[str, str]]:
        """The entry pairs found since last asked (with :attr:`keep_new`), or since
        :meth:`state` was, by entry key; then forgets them."""
        found, self._new_pairs = self._new_pairs, []
        return self._keyed(found)

    def _keyed(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[str, str]]:
        keys = self._entry_keys
        out = []
        for x, y in pairs:
            for entry in (x, y):
                if entry not in keys:  # an entry's key never changes: hashed once
                    keys[entry] = entry_key(self.texts[self._occurrences[entry][0]])
            kx, ky = keys[x], keys[y]
            if kx is not None and ky is not None:
                out.append((kx, ky))
        return out

    def restore(
        self,
        claims: Sequence[Claim],
        texts: Sequence[ClaimText],
        pairs: Iterable[tuple[str, str]] = (),
        links: Iterable[Link] = (),
        *,
        compare: bool = False,
        keys: Mapping[str, bytes] | None = None,
        entries: Sequence[str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Take back claims indexed before, with their entry pairs (by key) and links,
        comparing nothing: then :meth:`add` goes on as if they had just been added.
        With ``compare``, the claims are compared as if added anew (when what was
        found before no longer holds: a new way of preparing claims).  ``keys``
        (by claim id, as :meth:`take_keys` gave them) and ``entries`` (each claim's
        :func:`entry_key`) need not be computed once more; ``progress`` is called
        with the number of claims done after each chunk."""
        claims, texts = list(claims), list(texts)
        if entries is not None and len(entries) != len(claims):
            raise ValueError(f"{len(claims)} claims but {len(entries)} entry keys")
        first = len(self.claims)
        if keys:
            size = 8 * self.key_width
            self._given_keys = {
                first + k: np.frombuffer(found, dtype=np.uint64)
                for k, claim in enumerate(claims)
                if (found := keys.get(claim.id)) is not None and len(found) == size
            }
        try:
            with paused_gc():
                for lo in range(0, len(claims), self.chunk):
                    hi = lo + self.chunk
                    self._add_chunk(claims[lo:hi], texts[lo:hi], probe=compare)
                    if progress is not None:
                        progress(min(hi, len(claims)))
        finally:
            self._given_keys = {}
        entry_of: dict[str, int] = {}
        known = self._entry_keys
        for entry, positions in enumerate(self._occurrences):
            head = positions[0]
            if entry in known:
                key = known[entry]
            elif entries is not None and head >= first:
                key = entries[head - first]
            else:
                key = entry_key(self.texts[head])
            if key is not None:
                entry_of[key] = entry
        for kx, ky in pairs:
            x, y = entry_of.get(kx), entry_of.get(ky)
            if x is not None and y is not None and x != y:
                self._pairs.add((x, y) if x < y else (y, x))
                known[x], known[y] = kx, ky
        for link in links:
            i, j = self._position.get(link.a.id), self._position.get(link.b.id)
            if i is not None and j is not None:
                self._relations[(i, j)] = link.found
        self._links = None

    def _copy_links(self, entry: int, since: int = 0) -> list[Link]:
        """Repetitions of an entry's earliest claim by its other claims of other
        articles (only those at positions from ``since``, unless the earliest is)."""
        positions = self._occurrences[entry]
        if len(positions) < 2:
            return []
        ordered = self._timeline(entry)
        head = ordered[0]
        article = self._article_of
        return [
            _repetition(self.claims[head], self.claims[p])
            for p in ordered[1:]
            if article[p] != article[head] and (p >= since or head >= since)
        ]

    def links(self) -> list[Link]:
        """Every link between claims of different articles, in a canonical order.

        Occurrences of one entry are repetitions of its earliest claim (one link
        each); two related entries are linked once, between their earliest
        claims of different articles.  The links do not depend on the order the
        claims were added in, and their number grows with the claims, never
        with the square of the copies of a sentence.
        """
        if self._links is None:
            links: list[Link] = []
            for entry in range(len(self._occurrences)):
                links.extend(self._copy_links(entry))
            for x, y in sorted(self._pairs):
                link = self._entry_link(x, y)
                if link is not None:
                    links.append(link)
            self._links = links
        return self._links

    def _overlapping(self, codes: np.ndarray, total: int, contained: bool = False) -> np.ndarray:
        """The pair codes (``new * total + earlier``) of candidates of different
        articles that share 40% of the smaller claim's content stems, and at least
        3 of them (or, if ``contained``, all of a smaller claim's).

        Band collisions of claims with few stems are mostly chance: pairs below
        this almost never relate, so they are not compared (on a 100k-claim
        synthetic corpus, measured with the earlier 16 x 4 bands, 2 links in
        59,000 such candidates; the 13 x 5 bands make fewer such collisions).
        """
        # pairs within one article are dropped before the duplicates: an article
        # whose claims all look alike gives many, and the sort takes them all
        keep = self._article_of[codes // total] != self._article_of[codes % total]
        codes = _distinct(codes[keep])
        step = 1 << 16  # pairs at a time: their stems take ~14 numbers each
        return np.concatenate(
            [np.zeros(0, dtype=np.int64)]
            + [
                self._overlap_slice(codes[lo : lo + step], total, contained)
                for lo in range(0, len(codes), step)
            ]
        )

    def _overlap_slice(self, codes: np.ndarray, total: int, contained: bool) -> np.ndarray:
        """:meth:`_overlapping` of some sorted pair codes, counted in numpy."""
        mine, others = codes // total, codes % total
        start = self._stem_start
        shared = self._shared_stems(mine, others)
        smaller = np.minimum(start[mine + 1] - start[mine], start[others + 1] - start[others])
        ok = (shared >= 0.4 * smaller) & ((shared >= 3) | (contained & (shared == smaller)))
        kept: np.ndarray = codes[ok].astype(np.int64)
        return kept

    def _shared_stems(self, mine: np.ndarray, others: np.ndarray) -> np.ndarray:
        """How many content stems each pair of claims (positions ``mine[k]`` and
        ``others[k]``) shares: each ``others`` claim's stems looked up among the
        sorted (``mine`` claim, stem) keys."""
        start, ids = self._stem_start, self._stem_ids
        width = np.int64(len(self._stem_number) + 1)
        heads = _distinct(mine)
        counts = start[heads + 1] - start[heads]
        own = np.repeat(heads, counts) * width + ids[_expand(start[heads], counts)]
        own.sort()
        if not len(own):
            return np.zeros(len(mine), dtype=np.int64)
        theirs = start[others + 1] - start[others]
        asked = np.repeat(mine, theirs) * width + ids[_expand(start[others], theirs)]
        at = np.minimum(np.searchsorted(own, asked), len(own) - 1)
        hit = own[at] == asked
        shared: np.ndarray = np.bincount(
            np.repeat(np.arange(len(mine)), theirs)[hit], minlength=len(mine)
        )
        return shared

    def _anchor_candidates(
        self,
        new: Sequence[Claim],
        texts: Sequence[ClaimText],
        positions: Sequence[int],
        probe: bool = True,
        insert: bool = True,
    ) -> list[int]:
        """Flat (earlier claim, new claim) position pairs that share an anchor; with
        ``insert``, the new claims join the anchors' postings."""
        mes: list[int] = []
        others: list[int] = []
        for claim, text, me in zip(new, texts, positions, strict=True):
            if not text.speakers:
                continue
            for anchor in self._anchor_keys(claim, text):
                posting = self._anchors[anchor]
                if probe and len(posting) <= self.anchor_cap:
                    others += posting
                    mes += [me] * len(posting)
                if insert:
                    posting.append(me)
        # most claims of one speaker have too little in common: may_relate needs two
        # shared content stems at least (a target's, or MODEL_SHARED), counted in
        # numpy before it is asked
        pairs: list[int] = []
        texts_of = self.texts
        step = 1 << 16
        stems: dict[int, frozenset[str]] = {}
        for lo in range(0, len(others), step):
            shared = self._shared_stems(
                np.array(mes[lo : lo + step], dtype=np.int64),
                np.array(others[lo : lo + step], dtype=np.int64),
            )
            for k in np.flatnonzero(shared >= min(2, MODEL_SHARED)).tolist():
                other, me = others[lo + k], mes[lo + k]
                text, found = texts_of[me], texts_of[other]
                mine = stems.get(me)
                if mine is None:
                    mine = stems[me] = text.stems
                if may_relate(text, found, mine.intersection(found.stem_keys)):
                    pairs += (other, me)
        return pairs

    def _relation(self, i: int, j: int) -> Relation:
        """How claim ``i`` relates to claim ``j``, the earlier first; computed once
        (unless unrelated: most candidates are, and they are seldom asked again)."""
        if _order_key(self.claims[j]) < _order_key(self.claims[i]):
            i, j = j, i
        relation = self._relations.get((i, j))
        if relation is None:
            relation = relate_prepared(self.texts[i], self.texts[j])
            if relation.relation != "unrelated":
                self._relations[(i, j)] = relation
        return relation

    def _link(self, i: int, j: int) -> Link | None:
        """The link between two claims of different articles (earlier first), or None."""
        a, b = self.claims[i], self.claims[j]
        if a.article_id == b.article_id:
            return None
        if _order_key(b) < _order_key(a):
            i, j, a, b = j, i, b, a
        relation = self._relation(i, j)
        if relation.relation == "unrelated":
            return None
        return Link(a, b, relation)


def entry_key(text: ClaimText) -> str | None:
    """A stable key of a prepared claim's words (claims with one key are one entry of
    a :class:`ClaimIndex`), None for a fragment (fewer than :data:`MIN_WORDS` words)."""
    if len(text.words) < MIN_WORDS:
        return None
    return hashlib.blake2b("\x1f".join(text.words).encode(), digest_size=12).hexdigest()


_SAME_WORDS = Relation("repetition", 100.0, (), ("the same words after normalisation",))


def _repetition(a: Claim, b: Claim) -> Link:
    """The link between two claims with the same words."""
    return Link(a, b, _SAME_WORDS)


@attrs.frozen
class Conflict:
    """A detail on which members of a cluster disagree.

    Attributes:
        kind: ``number``, ``name``, ``speaker`` (the same claim credited to
            different sources: a misattribution, or two sources saying one thing)
            or ``reversal`` (one report says the opposite of another).
        values: Each differing value with the ids of the claims that carry it.
    """

    kind: str
    values: tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen
class Cluster:
    """Claims of several articles that state the same thing.

    Attributes:
        id: The id of its origin claim.
        members: Its claims in timeline order (date, then article and sentence).
        links: The links between its members.
        outlets: The outlets that carry it, each once, in timeline order.
        independent: How many independent reports carry it: copies of one
            wire story count once.
        conflicts: Details that differ between members.
        reports: For each member, the report it belongs to: copies of one wire
            story share one (the smallest of their article ids), any other
            article is its own.  ``independent`` counts them.
    """

    id: str
    members: tuple[Claim, ...]
    links: tuple[Link, ...]
    outlets: tuple[str, ...]
    independent: int
    conflicts: tuple[Conflict, ...] = ()
    reports: tuple[str, ...] = ()

    @property
    def origin(self) -> Claim:
        """The earliest report of the claim."""
        return self.members[0]

    def explain(self, claim_id: str) -> Link | None:
        """How a member relates to its closest earlier report: the link to it from
        the latest earlier member it was linked to, else its relation to the latest
        earlier member it relates to (compared now), else its link to a later
        member (it joined the cluster through that one); None for the origin.

        Every member but the origin is so explained by a defined relation
        (repetition, agreement or drift), never by membership alone.
        """
        position = {m.id: k for k, m in enumerate(self.members)}
        me = position[claim_id]
        if me == 0:
            return None
        touching = [k for k in self.links if claim_id in (k.a.id, k.b.id)]
        earlier = [k for k in touching if position[_other(k, claim_id).id] < me]
        if earlier:
            return max(earlier, key=lambda k: position[_other(k, claim_id).id])
        member = self.members[me]
        mine = prepare_claim(member)
        for before in reversed(self.members[:me]):
            if before.article_id == member.article_id:
                continue
            found = relate_prepared(prepare_claim(before), mine)
            if found.relation in ("repetition", "agreement", "drift"):
                return Link(before, member, found)
        return touching[0] if touching else None

    @property
    def relation(self) -> RelationName:
        """The cluster's strongest kind of change: drift if any link drifts, else
        agreement if any agrees, else repetition."""
        kinds = {link.relation for link in self.links}
        if "drift" in kinds:
            return "drift"
        return "agreement" if "agreement" in kinds else "repetition"


def _other(link: Link, claim_id: str) -> Claim:
    return link.b if link.a.id == claim_id else link.a


#: Words of a sentence two articles crediting one agency must share, word for word,
#: to be copies of that agency's story.
AGENCY_PASSAGE_WORDS = 12


#: A sentence repeated in articles of more than this many different kinds says
#: nothing about which of them are copies of one story (a stock phrase).
SYNDICATION_CAP = 200


def _syndication_groups(
    claims: Sequence[Claim], texts: Sequence[ClaimText], sizes: dict[str, int]
) -> dict[str, str]:
    """Articles that are copies of one wire story, each mapped to its group's id.

    Two articles are copies when they share 3 or more repeated sentences (the
    same words), and at least half of the smaller one's claims; or when their
    datelines credit one agency ("MOSCOW (AP) -") and they share a sentence of
    :data:`AGENCY_PASSAGE_WORDS` words or more.  Counting every
    pair of articles would cost the square of the copies of a story; instead
    the articles are grouped by the set of repeated sentences they hold (copies
    of one story mostly hold the same set), pairs are counted between groups,
    and an article pair's condition is decided for whole groups at once: a pair
    sharing ``n`` sentences qualifies when either article has at most ``2n``
    claims.
    """
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for claim, text in zip(claims, texts, strict=True):
        if text.words:
            holders[text.words].add(claim.article_id)
    held: dict[str, list[int]] = defaultdict(list)
    repeated = [arts for arts in holders.values() if len(arts) >= 2]
    for entry, arts in enumerate(repeated):
        for article in arts:
            held[article].append(entry)
    by_signature: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for article, entries in held.items():
        by_signature[tuple(sorted(entries))].append(article)
    groups = [sorted(members) for _, members in sorted(by_signature.items())]
    group_of = {article: g for g, members in enumerate(groups) for article in members}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    def join(g: list[str], h: list[str], shared: int) -> None:
        """Join the article pairs of groups g and h (sharing ``shared`` sentences) that qualify."""
        if shared < 3:
            return
        for left, right in ((g, h), (h, g)):
            small = [a for a in left if sizes.get(a, 1) <= 2 * shared]
            if small:
                for a in small:
                    union(a, right[0])
                for b in right:
                    union(b, small[0])

    for signature, members in zip(sorted(by_signature), groups, strict=True):
        join(members, members, len(signature))
    between: dict[tuple[int, int], int] = defaultdict(int)
    for arts in repeated:
        kinds = sorted({group_of[a] for a in arts})
        if len(kinds) > SYNDICATION_CAP:
            continue
        for i, g in enumerate(kinds):
            for h in kinds[i + 1 :]:
                between[(g, h)] += 1
    for (g, h), shared in sorted(between.items()):
        join(groups[g], groups[h], shared)
    # articles crediting one agency in their datelines that share a long passage
    # word for word are that agency's story, however much else each outlet wrote
    agency = {c.article_id: c.agency for c in claims if c.agency}
    for words, arts in holders.items():
        if len(words) < AGENCY_PASSAGE_WORDS or not 2 <= len(arts) <= SYNDICATION_CAP:
            continue
        by_agency: dict[str, list[str]] = defaultdict(list)
        for article in sorted(arts):
            if article in agency:
                by_agency[agency[article]].append(article)
        for members in by_agency.values():
            for article in members[1:]:
                union(article, members[0])
    return {article: find(article) for article in sizes}


def _conflicts(
    members: Sequence[Claim], texts: dict[str, ClaimText], links: Sequence[Link] = ()
) -> tuple[Conflict, ...]:
    out = []
    speakers = _speaker_values(members)
    by_kind: dict[str, dict[str, list[str]]] = {
        "number": {c.id: list(texts[c.id].number_keys) for c in members},
        "name": {c.id: list(texts[c.id].name_keys) for c in members},
        "speaker": speakers,
    }
    for kind, values_of in by_kind.items():
        carriers: dict[str, list[str]] = defaultdict(list)
        carrying = [c for c in members if values_of.get(c.id)]
        for claim in carrying:
            for value in values_of[claim.id]:
                carriers[value].append(claim.id)
        # members that give no value (no speaker, no number) conflict with none
        everywhere = {v for v, ids in carriers.items() if len(ids) == len(carrying)}
        differing = {v: ids for v, ids in carriers.items() if v not in everywhere}
        has_value = {cid for ids in differing.values() for cid in ids}
        # a conflict needs two members that each carry a value the other lacks
        if len(differing) >= 2 and len(has_value) >= 2:
            out.append(
                Conflict(kind, tuple((v, tuple(ids)) for v, ids in sorted(differing.items())))
            )
    reversed_: dict[str, list[str]] = defaultdict(list)
    for link in links:
        for change in link.changes:
            if change.type == "reversal" and change.a and change.b:
                reversed_[" ".join(change.a)].append(link.a.id)
                reversed_[" ".join(change.b)].append(link.b.id)
    if reversed_:
        out.append(
            Conflict(
                "reversal",
                tuple((v, tuple(dict.fromkeys(ids))) for v, ids in sorted(reversed_.items())),
            )
        )
    return tuple(out)


def _speaker_values(members: Sequence[Claim]) -> dict[str, list[str]]:
    """Each member's named speakers, a bare surname counted as the full name the
    other members give it ("Merkel" is "Angela Merkel"), by claim id."""
    by_surname: dict[str, set[str]] = defaultdict(set)  # surname key -> full names
    for name in {s for c in members for s in c.named_speakers if " " in s}:
        by_surname[match_key(name).rsplit(" ", 1)[-1]].add(name)
    out: dict[str, list[str]] = {}
    for claim in members:
        names = []
        for speaker in claim.named_speakers:
            fuller = by_surname.get(match_key(speaker), set()) if " " not in speaker else set()
            names.append(next(iter(fuller)) if len(fuller) == 1 else speaker)
        if names:
            out[claim.id] = sorted(set(names))
    return out


def _same_origin(a: Claim, b: Claim, link: Link, texts: dict[str, ClaimText]) -> bool:
    """Whether two clusters, joined by ``link``, may merge: their earliest claims state
    the same thing too.  Claims sharing a frame ("I think ...", "The margin of
    error is plus or minus ...") link in pairs, but a chain of such pairs would
    hold sentences with nothing else in common: each cluster stays one claim."""
    if {a.id, b.id} == {link.a.id, link.b.id}:
        return True
    if _order_key(b) < _order_key(a):
        a, b = b, a
    return relate_prepared(texts[a.id], texts[b.id]).relation in SAME_CLAIM


def build_clusters(
    claims: Sequence[Claim], texts: Sequence[ClaimText], links: Sequence[Link]
) -> list[Cluster]:
    """Group claims into clusters from their links.

    Links are taken strongest first (a claim inside a longer one, basis
    ``part``, after all others); two clusters merge only if that puts no
    two claims of one article together (unless they repeat each other word for
    word), and if their earliest claims state the same thing too (no chain of
    claims through a shared frame). The result does not depend on the order of
    ``claims`` or ``links``.
    """
    by_id = {c.id: c for c in claims}
    text_of = {c.id: t for c, t in zip(claims, texts, strict=True)}
    parent: dict[str, str] = {}
    articles: dict[str, set[str]] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    same = [link for link in links if link.relation in SAME_CLAIM]
    # a claim found inside a longer one (basis "part") is the weakest link: taken last
    same.sort(key=lambda k: (k.basis == "part", -k.score, k.a.id, k.b.id))
    origin: dict[str, Claim] = {}  # root -> the cluster's earliest claim
    for link in same:
        ra, rb = find(link.a.id), find(link.b.id)
        if ra == rb:
            continue
        arts_a = articles.get(ra, {by_id[ra].article_id} if ra in by_id else set())
        arts_b = articles.get(rb, {by_id[rb].article_id} if rb in by_id else set())
        if arts_a & arts_b and link.relation != "repetition":
            continue
        oa, ob = origin.get(ra, by_id.get(ra)), origin.get(rb, by_id.get(rb))
        if oa is None or ob is None or not _same_origin(oa, ob, link, text_of):
            continue
        root, child = (ra, rb) if ra < rb else (rb, ra)
        parent[child] = root
        articles[root] = arts_a | arts_b
        articles.pop(child, None)
        origin[root] = min(oa, ob, key=_order_key)
        origin.pop(child, None)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[find(claim.id)].append(claim)
    member_links: dict[str, list[Link]] = defaultdict(list)
    for link in same:
        root = find(link.a.id)
        if root == find(link.b.id):
            member_links[root].append(link)
    sizes: dict[str, int] = defaultdict(int)
    for claim in claims:
        sizes[claim.article_id] += 1
    story = _syndication_groups(claims, texts, sizes)
    clusters = []
    for root, members in groups.items():
        if len(members) < 2:
            continue
        members.sort(key=_order_key)
        outlets = tuple(dict.fromkeys(m.outlet or m.article_id for m in members))
        reports = tuple(story.get(m.article_id, m.article_id) for m in members)
        clusters.append(
            Cluster(
                id=members[0].id,
                members=tuple(members),
                links=tuple(sorted(member_links[root], key=lambda k: (k.a.id, k.b.id))),
                outlets=outlets,
                independent=len(set(reports)),
                conflicts=_conflicts(members, text_of, member_links[root]),
                reports=reports,
            )
        )
    clusters.sort(key=cluster_order)
    return clusters


def cluster_order(cluster: Cluster) -> tuple[int, tuple[str, str, int]]:
    """Clusters sort biggest first, then by their origin's place on the timeline."""
    return -len(cluster.members), _order_key(cluster.origin)


def claim_key(claim: Claim) -> str:
    """The matching key of a claim's text (equal keys repeat each other)."""
    return match_key(claim.text)
