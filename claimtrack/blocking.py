"""The candidate pairs of a :class:`~claimtrack.clusters.ClaimIndex`, found partition
by partition with blocking keys, as a cluster of workers finds them.

The claims are cut in partitions (consecutive claims, in the order the index adds
them: a claim's *position* is its partition's first position plus its offset).
Three rounds, each a map over partitions then an exchange (a shuffle) of rows
by key, then a reduce:

1. **Entries.**  Each claim with words (not a fragment) sends its words' key
   (:func:`~claimtrack.clusters.entry_key`) with its position and article: each
   key's group, sorted by position, makes its first claim the entry's
   representative (*fresh*) and its first claim of another article a *spread*
   copy, as the index makes them.  Each claim's entry and role go back to its
   partition (:func:`entry_rows`, :func:`entry_roles`, :meth:`Part.assign`).
2. **Keys.**  Fresh and spread claims send their band keys, weak keys and anchors
   (:func:`key_rows`); each key's group, sorted by position, gives the pairs the
   index's probes give, with its caps (:func:`key_pairs`): a band bucket gives a
   fresh claim the ``bucket_cap`` rows before it; a weak key or anchor gives all
   earlier rows unless more than ``weak_cap`` / ``anchor_cap``; a spread copy
   probes after the fresh claims of its chunk (``ClaimIndex.chunk`` claims from
   position 0) joined the index, and meets the spread copies before it in its
   chunk through band and weak keys (not anchors).  Pairs of one article are
   dropped here.
3. **Join.**  Each pair goes to the partition of its earlier claim (*other*),
   which adds that claim's prepared text (once per destination), then to the
   partition of the probing claim (:func:`attach`), where both texts are at hand:
   :func:`compare` keeps the pairs the index compares (40% of the stems shared,
   as ``ClaimIndex._overlapping``, for band and weak keys; ``may_relate`` for
   anchors; two different entries: :func:`select`).  Only content stems travel
   for this (whole prepared texts for anchors): the ids and prepared texts of
   the pairs kept are then asked of the partitions holding them (:func:`wanted`,
   :func:`serve`), and the pairs related (:func:`relate`).

:func:`candidates` runs the rounds in one process, the partitions one after the
other; :mod:`claimtrack.dask` runs them on a Dask cluster.  The candidate pairs
are those :attr:`ClaimIndex.compared <claimtrack.clusters.ClaimIndex.compared>`
records (``tests/test_blocking.py`` checks it on random corpora), and the
entry pairs found related those the index keeps.
"""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np

from claimtrack.claims import Claim
from claimtrack.claimtext import ClaimText
from claimtrack.clusters import ClaimIndex, _distinct, _order_key, entry_key
from claimtrack.minhash import MinHashKeys, stable_hash
from claimtrack.relations import Relation, may_relate, relate_prepared

__all__ = [
    "Found",
    "Part",
    "Settings",
    "attach",
    "candidates",
    "entry_roles",
    "entry_rows",
    "key_pairs",
    "key_rows",
    "make_part",
    "owners",
    "relate_selected",
    "select",
    "serve",
    "wanted",
]

OTHER, FRESH, SPREAD = 0, 1, 2
#: Where a pair came from: a band bucket, a weak key, an anchor (bits of its flags).
BAND, WEAK, ANCHOR = 1, 2, 4


@attrs.frozen
class Settings:
    """The parameters of a :class:`ClaimIndex` that decide its candidates."""

    bands: int
    bucket_cap: int
    weak_cap: int
    anchor_cap: int
    chunk: int

    @classmethod
    def of(cls, index: ClaimIndex) -> Settings:
        return cls(index.bands, index.bucket_cap, index.weak_cap, index.anchor_cap, index.chunk)


@attrs.define
class Part:
    """A partition of prepared claims, from position :attr:`first`.

    Attributes:
        rows: The claims' key rows (:meth:`MinHashKeys.key_rows`).
        articles: Each claim's article, as a number unique in the corpus.
        keys: Each claim's :func:`~claimtrack.clusters.entry_key` (None: a fragment).
        entry: Each claim's entry, as the position of its representative (set by
            :meth:`assign`; a fragment is its own).
        role: Each claim's role: :data:`FRESH`, :data:`SPREAD` or :data:`OTHER`.
    """

    first: int
    claims: list[Claim]
    texts: list[ClaimText]
    rows: np.ndarray
    articles: np.ndarray
    keys: list[str | None]
    entry: np.ndarray = attrs.field(default=None)
    role: np.ndarray = attrs.field(default=None)

    def __attrs_post_init__(self) -> None:
        n = len(self.claims)
        if self.entry is None:
            self.entry = np.arange(self.first, self.first + n, dtype=np.int64)
        if self.role is None:
            self.role = np.zeros(n, dtype=np.int8)

    def assign(self, roles: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Part:
        """This partition with each claim's entry and role from the groups of round 1
        (a new one: this one is left as it is)."""
        entry, role = self.entry.copy(), self.role.copy()
        for positions, entries, found in roles:
            offsets = positions - self.first
            entry[offsets] = entries
            role[offsets] = found
        return attrs.evolve(self, entry=entry, role=role)


def make_part(
    first: int,
    claims: list[Claim],
    texts: list[ClaimText],
    minhash: MinHashKeys,
    articles: Sequence[int],
    rows: np.ndarray | None = None,
) -> Part:
    """A partition of prepared claims (their key rows made here unless given)."""
    if rows is None:
        rows = minhash.key_rows(texts)
    return Part(
        first,
        claims,
        texts,
        rows,
        np.asarray(articles, dtype=np.int64),
        [entry_key(text) for text in texts],
    )


def owners(positions: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """The partition holding each position (``firsts``: each partition's first)."""
    found: np.ndarray = np.searchsorted(firsts, positions, side="right") - 1
    return found


def _split(dest: np.ndarray, nparts: int, *columns: np.ndarray) -> list[tuple[np.ndarray, ...]]:
    order = np.argsort(dest, kind="stable")
    bounds = np.searchsorted(dest[order], np.arange(nparts + 1))
    return [
        tuple(column[order[bounds[d] : bounds[d + 1]]] for column in columns) for d in range(nparts)
    ]


# -- round 1: entries --
def entry_rows(part: Part, nparts: int) -> list[list[tuple[str, int, int]]]:
    """Round 1's map: ``(words' key, position, article)`` of each claim with words,
    by destination."""
    out: list[list[tuple[str, int, int]]] = [[] for _ in range(nparts)]
    for k, key in enumerate(part.keys):
        if key is not None:
            out[int(key[:12], 16) % nparts].append((key, part.first + k, int(part.articles[k])))
    return out


def entry_roles(
    inputs: Sequence[Sequence[tuple[str, int, int]]], firsts: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Round 1's reduce: each claim's entry and role, by the partition that holds it."""
    groups: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for rows in inputs:
        for key, position, article in rows:
            groups[key].append((position, article))
    positions, entries, roles = [], [], []
    for members in groups.values():
        members.sort()
        rep, rep_article = members[0]
        spread = next((p for p, a in members if a != rep_article), -1)
        for p, _ in members:
            positions.append(p)
            entries.append(rep)
            roles.append(FRESH if p == rep else SPREAD if p == spread else OTHER)
    where = np.array(positions, dtype=np.int64)
    return _split(  # type: ignore[return-value]
        owners(where, firsts),
        len(firsts),
        where,
        np.array(entries, dtype=np.int64),
        np.array(roles, dtype=np.int8),
    )


# -- round 2: keys --
_Rows = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # keys, positions, spread?, articles
_Anchors = list[tuple[tuple[str, ...], int, bool, int]]


def key_rows(part: Part, settings: Settings, nparts: int) -> list[tuple[_Rows, _Rows, _Anchors]]:
    """Round 2's map: the band rows, weak rows and anchors of the fresh and spread
    claims, by destination (a key's rows all go to one)."""
    chosen = np.flatnonzero(part.role != OTHER)
    rows = part.rows[chosen]
    spread = part.role[chosen] == SPREAD
    positions = part.first + chosen.astype(np.int64)
    split = []
    for block in (rows[:, : settings.bands], rows[:, settings.bands :]):
        width = block.shape[1]
        keys = np.ascontiguousarray(block).ravel()
        split.append(
            _split(
                (keys % np.uint64(nparts)).astype(np.int64),
                nparts,
                keys,
                np.repeat(positions, width),
                np.repeat(spread, width),
                np.repeat(part.articles[chosen], width),
            )
        )
    anchors: list[_Anchors] = [[] for _ in range(nparts)]
    for k, is_spread, position in zip(
        chosen.tolist(), spread.tolist(), positions.tolist(), strict=True
    ):
        text = part.texts[k]
        if not text.speakers:
            continue
        article = int(part.articles[k])
        for anchor in ClaimIndex._anchor_keys(part.claims[k], text):
            destination = stable_hash("\x1f".join(anchor)) % nparts
            anchors[destination].append((anchor, position, is_spread, article))
    return [(band, weak, anchor) for band, weak, anchor in zip(*split, anchors, strict=True)]


def _group_pairs(
    pos: np.ndarray,
    spread: np.ndarray,
    art: np.ndarray,
    cap: int,
    chunk: int,
    *,
    whole: bool,
    spreads_meet: bool,
    flag: int,
    out: list[np.ndarray],
) -> None:
    """The pairs (other, me) of one key's rows, sorted by position, as the index's
    probes give them (see the module's description)."""
    fresh = ~spread
    fp, fa = pos[fresh], art[fresh]
    for i in range(1, len(fp)):
        if whole and i > cap:
            break
        lo = 0 if whole else max(0, i - cap)
        _emit(fp[lo:i], fa[lo:i], fp[i], fa[i], flag, out)
    if not spread.any():
        return
    sp, sa = pos[spread], art[spread]
    chunks = sp // chunk
    start = 0
    for t in range(len(sp)):
        if t and chunks[t] != chunks[t - 1]:
            start = t
        n_end = int(np.searchsorted(fp, (chunks[t] + 1) * chunk, side="left"))
        before = t - start if spreads_meet else 0
        if whole:
            if before + n_end > cap:
                continue
            o = np.concatenate([sp[start:t][:before], fp[:n_end]])
            oa = np.concatenate([sa[start:t][:before], fa[:n_end]])
        else:
            taken = min(before, cap)
            low = max(0, n_end - (cap - taken))
            o = np.concatenate([sp[t - taken : t], fp[low:n_end]])
            oa = np.concatenate([sa[t - taken : t], fa[low:n_end]])
        _emit(o, oa, sp[t], sa[t], flag, out)


def _emit(
    others: np.ndarray, articles: np.ndarray, me: Any, article: Any, flag: int, out: list[Any]
) -> None:
    keep = articles != article
    if keep.any():
        o = others[keep]
        out.append(np.stack([o, np.full(len(o), me), np.full(len(o), flag)], axis=1))


def key_pairs(
    inputs: Sequence[tuple[_Rows, _Rows, _Anchors]], settings: Settings, firsts: np.ndarray
) -> list[np.ndarray]:
    """Round 2's reduce: the candidate pairs ``(other, me, flags)`` of different
    articles that the keys of this destination give, by the partition holding ``other``."""
    out: list[np.ndarray] = []
    for which, cap, whole, flag in (
        (0, settings.bucket_cap, False, BAND),
        (1, settings.weak_cap, True, WEAK),
    ):
        keys, pos, spread, art = (
            np.concatenate([item[which][c] for item in inputs]) for c in range(4)
        )
        if not len(keys):
            continue
        order = np.lexsort((pos, keys))
        keys, pos, spread, art = keys[order], pos[order], spread[order], art[order]
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        ends = np.append(starts[1:], len(keys))
        shared = ends - starts >= 2
        for lo, hi in zip(starts[shared].tolist(), ends[shared].tolist(), strict=True):
            _group_pairs(
                pos[lo:hi],
                spread[lo:hi],
                art[lo:hi],
                cap,
                settings.chunk,
                whole=whole,
                spreads_meet=True,
                flag=flag,
                out=out,
            )
    groups: dict[tuple[str, ...], list[tuple[int, bool, int]]] = defaultdict(list)
    for item in inputs:
        for anchor, position, is_spread, article in item[2]:
            groups[anchor].append((position, is_spread, article))
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        pos = np.array([m[0] for m in members], dtype=np.int64)
        spread = np.array([m[1] for m in members], dtype=bool)
        art = np.array([m[2] for m in members], dtype=np.int64)
        _group_pairs(
            pos,
            spread,
            art,
            settings.anchor_cap,
            settings.chunk,
            whole=True,
            spreads_meet=False,
            flag=ANCHOR,
            out=out,
        )
    pairs = _merged(np.concatenate(out) if out else np.zeros((0, 3), dtype=np.int64))
    # 32-bit numbers when the positions fit (half the bytes exchanged)
    small = not len(pairs) or int(pairs[:, :2].max()) < 2**31
    pairs = pairs.astype(np.int32 if small else np.int64)
    return [
        np.stack(columns, axis=1) if len(columns[0]) else np.zeros((0, 3), dtype=np.int64)
        for columns in _split(
            owners(pairs[:, 0], firsts), len(firsts), pairs[:, 0], pairs[:, 1], pairs[:, 2]
        )
    ]


def _merged(pairs: np.ndarray) -> np.ndarray:
    """Rows ``(other, me, flags)`` each pair once, sorted, its flags merged."""
    if not len(pairs):
        return pairs
    order = np.lexsort((pairs[:, 1], pairs[:, 0]))
    pairs = pairs[order]
    new = np.concatenate(([True], (pairs[1:, :2] != pairs[:-1, :2]).any(axis=1)))
    starts = np.flatnonzero(new)
    flags = np.bitwise_or.reduceat(pairs[:, 2], starts)
    return np.stack([pairs[starts, 0], pairs[starts, 1], flags], axis=1)


# -- round 3: the join --
#: What the partition of ``other`` sends the partition of ``me``: the pairs
#: ``(other, me, flags)`` and, by position, each other's entry and its content
#: stems, or its whole prepared text if an anchor paired it.
_Attached = tuple[np.ndarray, dict[int, tuple[int, ClaimText | tuple[str, ...]]]]
#: What :func:`serve` sends of a claim: its id, order, entry key and prepared text.
_Served = tuple[str, tuple[str, str, int], str, ClaimText]


def attach(part: Part, inputs: Sequence[np.ndarray], firsts: np.ndarray) -> list[_Attached]:
    """Round 3's first step, on the partition holding the pairs' ``other``: the pairs
    (each once, their flags merged) with what the other side needs of that claim
    to filter them, by the partition holding ``me``."""
    pairs = _merged(
        np.concatenate([p.astype(np.int64) for p in inputs])
        if inputs
        else np.zeros((0, 3), dtype=np.int64)
    )
    out: list[_Attached] = []
    if not len(pairs):
        return [(np.zeros((0, 3), dtype=np.int64), {}) for _ in firsts]
    for (block,) in _split(owners(pairs[:, 1], firsts), len(firsts), pairs):
        anchored = set(block[block[:, 2] & ANCHOR != 0, 0].tolist())
        info = {}
        for other in _distinct(block[:, 0]).tolist():
            k = other - part.first
            text = part.texts[k]
            info[other] = (int(part.entry[k]), text if other in anchored else text.stem_keys)
        out.append((block, info))
    return out


@attrs.frozen
class Selected:
    """The pairs :func:`select` kept on one partition.

    Attributes:
        compared: The candidate pairs the index compares, ``(other, me)``.
        others: The entry of each ``other`` of them.
    """

    compared: list[tuple[int, int]]
    others: dict[int, int]


@attrs.frozen
class Found:
    """What round 3 finds on one partition.

    Attributes:
        compared: The candidate pairs the index compares, ``(other, me)``.
        pairs: The entry pairs found related, by entry key (with ``relate``).
        relations: The relations found, as ``(earlier claim id, later claim id,
            relation)`` (with ``relate``).
    """

    compared: list[tuple[int, int]]
    pairs: list[tuple[str, str]] = attrs.Factory(list)
    relations: list[tuple[str, str, Relation]] = attrs.Factory(list)


def _overlap(a: frozenset[str], b: tuple[str, ...], contained: bool) -> bool:
    """``ClaimIndex._overlapping``'s test of one pair."""
    shared = len(a.intersection(b))
    smaller = len(a) if len(a) < len(b) else len(b)
    return shared >= 0.4 * smaller and (shared >= 3 or (contained and shared == smaller))


def select(part: Part, inputs: Sequence[_Attached]) -> Selected:
    """Round 3's second step, on the partition holding the pairs' ``me``: the pairs
    the index compares (two entries; 40% of the stems shared for a band or weak
    key, ``may_relate`` for an anchor)."""
    compared: list[tuple[int, int]] = []
    others: dict[int, int] = {}
    for block, info in inputs:
        for other, me, flags in block.tolist():
            k = me - part.first
            text = part.texts[k]
            other_entry, held = info[other]
            if other_entry == int(part.entry[k]):
                continue
            stems = held.stem_keys if isinstance(held, ClaimText) else held
            mine = text.stems
            if (
                (flags & BAND and _overlap(mine, stems, True))
                or (flags & WEAK and _overlap(mine, stems, False))
                or (
                    flags & ANCHOR
                    and isinstance(held, ClaimText)
                    and may_relate(text, held, mine.intersection(stems))
                )
            ):
                compared.append((other, me))
                others[other] = other_entry
    return Selected(compared, others)


def wanted(selected: Selected, firsts: np.ndarray) -> list[list[int]]:
    """The others of the pairs ``selected``, by the partition holding them."""
    missing = np.array(sorted(selected.others), dtype=np.int64)
    return [block.tolist() for (block,) in _split(owners(missing, firsts), len(firsts), missing)]


def serve(part: Part, asked: Sequence[Sequence[int]]) -> list[dict[int, _Served]]:
    """What each partition asked this one for (``asked[d]``: by partition d): each
    claim's id, order, entry key and prepared text."""
    out = []
    for positions in asked:
        given = {}
        for p in positions:
            k = p - part.first
            claim, key = part.claims[k], part.keys[k]
            assert key is not None  # fresh and spread claims have words
            given[p] = (claim.id, _order_key(claim), key, part.texts[k])
        out.append(given)
    return out


def relate_selected(
    part: Part, selected: Selected, served: Sequence[dict[int, _Served]] = ()
) -> Found:
    """The pairs ``selected`` compared, as the index relates them: the entry pairs
    found related (each entry pair related once here: as in the index, an entry pair
    related already is not compared again), with the relations."""
    others: dict[int, _Served] = {}
    for given in served:
        others.update(given)
    pairs: list[tuple[str, str]] = []
    relations: list[tuple[str, str, Relation]] = []
    related: set[tuple[int, int]] = set()
    for other, me in selected.compared:
        k = me - part.first
        text, entry, claim = part.texts[k], int(part.entry[k]), part.claims[k]
        other_entry = selected.others[other]
        other_id, other_order, other_key, other_text = others[other]
        entries = (other_entry, entry) if other_entry < entry else (entry, other_entry)
        if entries in related:
            continue
        first, second, first_id, second_id = other_text, text, other_id, claim.id
        if _order_key(claim) < other_order:
            first, second, first_id, second_id = text, other_text, claim.id, other_id
        found = relate_prepared(first, second)
        if found.relation == "unrelated":
            continue
        related.add(entries)
        key = part.keys[k]
        assert key is not None
        pairs.append((other_key, key))
        relations.append((first_id, second_id, found))
    return Found(selected.compared, pairs, relations)


def candidates(
    claims: Sequence[Claim],
    texts: Sequence[ClaimText],
    index: ClaimIndex,
    sizes: Sequence[int],
    *,
    relate: bool = False,
    moved: dict[str, int] | None = None,
) -> list[Found]:
    """The rounds run in this process on ``claims`` (prepared as ``texts``, in the
    order an empty ``index`` would add them, their ids unique) cut in partitions of
    ``sizes`` claims: what each partition finds.  ``moved``, if given, receives the
    bytes (pickled) each exchange sends from one partition to another: ``entries``
    (round 1, there and back), ``keys`` (round 2), ``pairs`` (round 3, both steps)."""
    if sum(sizes) != len(claims):
        raise ValueError(f"{len(claims)} claims but partitions of {sum(sizes)}")
    codes: dict[str, int] = {}
    articles = [codes.setdefault(c.article_id, len(codes)) for c in claims]
    parts, first = [], 0
    for size in sizes:
        hi = first + size
        parts.append(
            make_part(
                first,
                list(claims[first:hi]),
                list(texts[first:hi]),
                index.minhash,
                articles[first:hi],
            )
        )
        first = hi
    firsts = np.array([p.first for p in parts], dtype=np.int64)
    settings, n = Settings.of(index), len(parts)
    counts: dict[str, int] = {} if moved is None else moved

    def count(name: str, maps: Sequence[Sequence[Any]]) -> None:
        if moved is not None:
            lengths = (
                len(pickle.dumps(m[d], protocol=5))
                for i, m in enumerate(maps)
                for d in range(n)
                if d != i
            )
            counts[name] = counts.get(name, 0) + sum(lengths)

    sent = [entry_rows(p, n) for p in parts]
    count("entries", sent)
    roles = [entry_roles([s[d] for s in sent], firsts) for d in range(n)]
    count("entries", roles)
    parts = [p.assign([r[i] for r in roles]) for i, p in enumerate(parts)]
    rows = [key_rows(p, settings, n) for p in parts]
    count("keys", rows)
    found = [key_pairs([r[d] for r in rows], settings, firsts) for d in range(n)]
    count("pairs", found)
    joined = [attach(p, [f[i] for f in found], firsts) for i, p in enumerate(parts)]
    count("pairs", joined)
    selected = [select(p, [j[i] for j in joined]) for i, p in enumerate(parts)]
    if not relate:
        return [Found(s.compared) for s in selected]
    asked = [wanted(s, firsts) for s in selected]
    count("texts", asked)
    served = [serve(p, [a[i] for a in asked]) for i, p in enumerate(parts)]
    count("texts", served)
    return [
        relate_selected(p, s, [v[i] for v in served])
        for i, (p, s) in enumerate(zip(parts, selected, strict=True))
    ]
