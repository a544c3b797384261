"""The same claims, links and clusters, computed on a Dask cluster.

Install the extra first: ``pip install 'claimtrack[dask]'``.  Nothing else in
claimtrack imports this module (nor Dask): the command line imports it only for
``--engine dask``.

What runs where (:func:`track`):

1. **On the workers, per partition** of a :class:`dask.bag.Bag` of articles:
   each article is analysed alone (:func:`claimtrack.analysis.analyze_article`)
   and its claims taken; the results stay on the workers, and only each
   article's id, content hash and speaker names go to the driver.
2. **On the driver:** the articles a :class:`~claimtrack.tracker.ClaimTracker`
   would take (the first of each id) are chosen, and the corpus-wide
   :class:`~claimtrack.speakers.SpeakerIndex` is built from their speaker names
   (a few bytes per article); it is sent to every worker once.
3. **On the workers, per partition:** each chosen article's claims are named
   canonically (:func:`claimtrack.claims.renamed`), prepared for comparison
   (:func:`claimtrack.claimtext.prepare_claim`) and given their index keys
   (:class:`~claimtrack.minhash.MinHashKeys`); they stay on the workers.
4. **Between the workers** (``compare="workers"``): the candidate
   pairs the driver's :class:`~claimtrack.clusters.ClaimIndex` would compare are
   found by blocking keys exchanged between partitions (identical sentences,
   then LSH band keys, weak keys and anchors, with the index's caps), joined
   with both claims' prepared texts and related there
   (:mod:`claimtrack.blocking`).  The driver receives the entry pairs found
   related and their relations (a few bytes a claim), and the claims and
   prepared texts its tracker holds.
5. **On the driver:** the tracker takes the claims back with the entry pairs
   found (:meth:`ClaimTracker.restore <claimtrack.tracker.ClaimTracker.restore>`,
   comparing nothing), then makes the links, article ties, corroboration and
   clusters with the code the local engine runs.  With ``compare="driver"``
   (the default) the driver's index finds and relates the candidates itself
   (:meth:`ClaimTracker.add_prepared <claimtrack.tracker.ClaimTracker.add_prepared>`):
   on one machine of two cores it is the faster (100k claims: 45 s against 68 s
   between the workers and 56 s for the local engine, bench/DASK.md), as the
   exchanges cost the workers more processor time than the driver saves; the
   workers' way is for a driver whose processor is the bottleneck.

So the results are those of ``ClaimTracker(keep_analyses=False).add(articles)``,
byte for byte: the tests compare the command line's JSON Lines output of both
engines on the seeds and on random corpora, with the index's caps binding too,
and ``tests/test_blocking.py`` checks that the candidate pairs found by keys are
the pairs the index compares.  The driver still holds every claim and prepared
text (the tracker it returns does, as the local one): what is distributed is
finding and relating candidates, not the clusters.  ``docs/scale.md`` says what
each share costs.

:func:`analyzer` does steps 1 and 2 for a :class:`~claimtrack.store.ClaimStore`
(one writer: the workers analyse a batch, the driver names speakers and writes).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

import claimtrack.blocking as blocking
from claimtrack.analysis import Analysis, ArticleAnalysis, analyze_article, paused_gc
from claimtrack.articles import Article, check_articles, content_hash, read_jsonl
from claimtrack.claims import Claim, claims_of_article, renamed
from claimtrack.claimtext import ClaimText, prepare_claim
from claimtrack.clusters import ClaimIndex, Link
from claimtrack.exceptions import ClaimtrackError
from claimtrack.minhash import MinHashKeys
from claimtrack.sentences import SentenceSplitter
from claimtrack.speakers import SpeakerIndex
from claimtrack.tracker import ClaimTracker, Stages, merge_analyses

if TYPE_CHECKING:
    import dask.bag
    import distributed

__all__ = [
    "DaskError",
    "analyzer",
    "bag_of",
    "connect",
    "partitioned",
    "processes",
    "read_jsonl_bag",
    "track",
]

#: Articles per partition when a bag is made from a sequence of articles.
PARTITION_ARTICLES = 500

INSTALL_HINT = "pip install 'claimtrack[dask]'"

#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 10.0


class DaskError(ClaimtrackError, RuntimeError):
    """Dask is missing, or the cluster cannot be reached."""


def _require() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskError(
            f"the Dask engine needs dask[bag] and distributed ({exc.name} is not installed): "
            f"{INSTALL_HINT}"
        ) from None


@contextlib.contextmanager
def connect(
    *, workers: int | None = None, scheduler: str | None = None, timeout: float | None = None
) -> Iterator[distributed.Client]:
    """A client of a Dask cluster: the scheduler at ``scheduler`` (``tcp://host:port``),
    or else a local cluster of ``workers`` processes (default 2), one thread each,
    closed on leaving.  ``timeout``: seconds to wait for the scheduler (default
    :data:`CONNECT_TIMEOUT`).

    Raises:
        DaskError: Dask is not installed, or the scheduler cannot be reached.
    """
    _require()
    import logging

    import distributed

    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=timeout or CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise DaskError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc} "
                "(start one with `dask scheduler`, or leave out --scheduler for a local cluster)"
            ) from None
        with client:
            _check_versions(client, scheduler)
            yield client
        return
    cluster = distributed.LocalCluster(
        n_workers=workers or 2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def processes(workers: int = 2, *, wait: float = 60.0) -> Iterator[str]:
    """A Dask scheduler and ``workers`` workers (one thread each) started as separate
    processes on 127.0.0.1, as a real cluster runs them; yields the scheduler's
    address (for :func:`connect`'s ``scheduler``, or ``--scheduler``) and stops them
    all on leaving (killed if need be), even on failure.

    Raises:
        DaskError: Dask is not installed, or the cluster did not start in ``wait`` seconds.
    """
    _require()
    import os
    import shutil
    import subprocess
    import sys
    import time

    import distributed

    dask = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask is None:
        raise DaskError(f"the dask command is not installed: {INSTALL_HINT}")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    started: list[subprocess.Popen[bytes]] = []
    try:
        started.append(
            subprocess.Popen(
                [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                **quiet,
            )
        )
        worker = [dask, "worker", address, "--host", "127.0.0.1", "--nworkers", "1"]
        for _ in range(workers):
            started.append(
                subprocess.Popen([*worker, "--nthreads", "1", "--no-dashboard"], **quiet)
            )
        deadline = time.monotonic() + wait
        while True:
            with (
                contextlib.suppress(OSError, TimeoutError),
                distributed.Client(address, timeout=5) as probe,
            ):
                probe.wait_for_workers(workers, timeout=max(1, deadline - time.monotonic()))
                break
            if time.monotonic() > deadline:
                raise DaskError(f"the scheduler and workers did not start in {wait:.0f} s")
            time.sleep(0.5)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _version() -> str:
    """The version of claimtrack installed where this runs."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimtrack")
    except PackageNotFoundError:
        return "0.0.0"


def _check_versions(client: distributed.Client, scheduler: str) -> None:
    """Raise unless every worker runs the claimtrack the driver runs: the results
    depend on its code and data files."""
    try:
        found = client.run(_version)
    except Exception as exc:  # the workers cannot unpickle a claimtrack function
        raise DaskError(
            f"the workers at {scheduler} cannot run claimtrack ({type(exc).__name__}: {exc}): "
            "install it on every worker"
        ) from None
    other = sorted({v for v in found.values() if v != _version()})
    if other:
        raise DaskError(
            f"the workers at {scheduler} run claimtrack {', '.join(other)}, this process "
            f"{_version()}: install one version everywhere (the results depend on it)"
        )


def bag_of(
    articles: Iterable[Article], *, partition_size: int | None = None, workers: int = 1
) -> dask.bag.Bag:
    """A bag of articles in their order, ``partition_size`` articles a partition
    (default: see :func:`partitioned`).  (:func:`track` takes the articles
    themselves as well, and scatters them to the workers rather than putting them
    in the task graph.)"""
    _require()
    import dask.bag

    chunks = partitioned(articles, partition_size=partition_size, workers=workers)
    size = max(1, len(chunks[0]))
    return dask.bag.from_sequence([a for chunk in chunks for a in chunk], partition_size=size)


def partitioned(
    articles: Iterable[Article], *, partition_size: int | None = None, workers: int = 1
) -> list[list[Article]]:
    """Articles cut in partitions of ``partition_size`` articles, in their order
    (default: at most :data:`PARTITION_ARTICLES`, and at least 4 partitions a
    worker, so that a slow partition does not hold the others up)."""
    chosen = check_articles(articles, "claimtrack.dask")
    if partition_size is None:
        wanted = max(4 * max(1, workers), math.ceil(len(chosen) / PARTITION_ARTICLES))
        partition_size = math.ceil(len(chosen) / wanted)
    size = max(1, partition_size)
    return [chosen[lo : lo + size] for lo in range(0, len(chosen), size)] or [[]]


def read_jsonl_bag(paths: str | Sequence[str], *, encoding: str = "utf-8") -> dask.bag.Bag:
    """A bag of the articles of JSON Lines files, one partition per file, read on
    the workers (as :func:`claimtrack.articles.read_jsonl` reads them: the same
    ids, the same errors).  Paths hold no wildcards; a path with ``://`` is a URL
    opened with fsspec (``s3://``, ``https://``, ... as its installed backends allow).
    """
    _require()
    import dask.bag

    paths = [paths] if isinstance(paths, str) else list(paths)
    return dask.bag.from_sequence(paths, npartitions=max(1, len(paths))).map_partitions(
        _read_partition, encoding
    )


def _read_partition(paths: Sequence[str], encoding: str) -> list[Article]:
    out: list[Article] = []
    for path in paths:
        if "://" not in path:
            out.extend(read_jsonl(path, encoding=encoding))
            continue
        import tempfile

        import fsspec

        with (
            fsspec.open(path, "rb") as remote,
            tempfile.TemporaryDirectory() as folder,
        ):
            local = Path(folder) / Path(path.rsplit("/", 1)[-1] or "articles.jsonl")
            local.write_bytes(remote.read())
            out.extend(read_jsonl(local, encoding=encoding))
    return out


#: What a worker keeps of an analysed article: id, content hash, speaker names, claims.
_Analysed = tuple[str, str, list[str | None], list[Claim]]


def _analyse_partition(articles: Sequence[Article], splitter: SentenceSplitter) -> list[_Analysed]:
    out = []
    with paused_gc():  # as in the tracker: the worker's heap holds the partitions done
        for article in check_articles(articles, "claimtrack.dask.track"):
            item = analyze_article(article, splitter)
            names = [a.speaker_name for a in item.attributions]
            out.append((article.id, content_hash(article), names, claims_of_article(item)))
    return out


def _heads(part: list[_Analysed]) -> list[tuple[str, str, list[str | None], int]]:
    return [(article_id, digest, names, len(claims)) for article_id, digest, names, claims in part]


def _prepare_partition(
    part: list[_Analysed], chosen: list[int], speakers: SpeakerIndex, minhash: MinHashKeys
) -> tuple[list[Claim], list[ClaimText], list[bytes]]:
    with paused_gc():  # the tracker prepares claims with it paused too
        claims = [renamed(claim, speakers) for k in chosen for claim in part[k][3]]
        texts = [prepare_claim(claim) for claim in claims]
        # the index's keys too, made here rather than on the driver
        return claims, texts, [row.tobytes() for row in minhash.key_rows(texts)]


def _prepare_part(
    part: list[_Analysed],
    chosen: list[int],
    speakers: SpeakerIndex,
    minhash: MinHashKeys,
    first: int,
    article_base: int,
) -> blocking.Part:
    """A partition's claims named and prepared, with their keys, as a
    :class:`~claimtrack.blocking.Part` from position ``first`` (its articles
    numbered from ``article_base``)."""
    with paused_gc():
        claims, texts, articles = [], [], []
        for number, k in enumerate(chosen):
            for claim in part[k][3]:
                claims.append(renamed(claim, speakers))
                articles.append(article_base + number)
        texts = [prepare_claim(claim) for claim in claims]
        return blocking.make_part(first, claims, texts, minhash, articles)


def _for_driver(
    part: blocking.Part,
) -> tuple[list[Claim], list[ClaimText], dict[str, bytes], list[str | None]]:
    """What the driver's tracker takes of a partition: its claims, their prepared
    texts, the key rows of the entries' first claims (the index holds theirs alone)
    and each claim's entry key."""
    fresh = np.flatnonzero(part.role == blocking.FRESH).tolist()
    keys = {part.claims[k].id: part.rows[k].tobytes() for k in fresh}
    return part.claims, part.texts, keys, part.keys


def _pick(items: Sequence[Any], k: int) -> Any:
    return items[k]


class _Tasks:
    """A task graph written as a dict, handed to Dask once.

    A delayed call whose arguments hold other delayed objects makes Dask optimise
    and cull the whole graph upstream of them, at every call.  An exchange between
    P partitions is P x P picks, and each of the P reduces after it takes P of
    them, so built from delayed calls the exchanges cost the driver the cube of P:
    most of an hour at 1M claims (120 partitions), against seconds at 100k.
    Written as a dict, each task costs one entry."""

    def __init__(self, given: Sequence[Any] = ()) -> None:
        import uuid

        self.layer = f"claimtrack-{uuid.uuid4().hex}"
        self.tasks: dict[str, Any] = {}
        for item in given:  # persisted already: their keys, standing for their results
            self.tasks.update(dict(item.__dask_graph__()))

    def add(self, name: str, where: object, function: Callable[..., Any], *args: Any) -> str:
        """A task calling ``function(*args)``, arguments that are keys of this graph
        (or lists of them) standing for their results; its key."""
        key = f"{self.layer}-{name}-{where}"
        self.tasks[key] = (function, *args)
        return key

    def shuffled(
        self, name: str, maps: Sequence[str], reduce: Callable[..., Any], *args: Any
    ) -> list[str]:
        """One exchange: ``reduce`` of destination ``d`` takes item ``d`` of every map."""
        return [
            self.add(name, d, reduce, self.picked(f"{name}-in", maps, d), *args)
            for d in range(len(maps))
        ]

    def picked(self, name: str, maps: Sequence[str], k: int) -> list[str]:
        """Item ``k`` of each map's result."""
        return [self.add(f"{name}-pick", f"{m}-{k}", _pick, key, k) for m, key in enumerate(maps)]

    def delayed(self, keys: Sequence[str]) -> list[Any]:
        """The results of ``keys``, as delayed objects sharing this graph."""
        from dask.delayed import Delayed
        from dask.highlevelgraph import HighLevelGraph

        graph = HighLevelGraph.from_collections(self.layer, self.tasks)
        return [Delayed(key, graph, layer=self.layer) for key in keys]


def _compare_on_workers(
    tracker: ClaimTracker,
    parts: Sequence[Any],
    chosen: list[list[int]],
    heads: list[list[tuple[str, str, list[str | None], int]]],
    speakers: Any,
    stages: Stages | None,
) -> tuple[list[Claim], list[ClaimText], dict[str, bytes], list[str | None], list[Any]]:
    """Candidates found and related on the workers (:mod:`claimtrack.blocking`):
    the claims, texts, keys and entry keys for the driver's index, and what each
    partition found."""
    import dask

    index = tracker.index
    firsts, articles, position = [], [], 0
    number = 0
    for head, mine in zip(heads, chosen, strict=True):
        firsts.append(position)
        articles.append(number)
        position += sum(head[k][3] for k in mine)
        number += len(mine)
    minhash = dask.delayed(index.minhash)
    prepared = [
        dask.delayed(_prepare_part)(p, mine, speakers, minhash, first, base)
        for p, mine, first, base in zip(parts, chosen, firsts, articles, strict=True)
    ]
    prepared = list(_persisted(prepared))
    _computed([dask.delayed(len)(p.claims) for p in prepared], "preparing", stages)
    where = np.array(firsts, dtype=np.int64)
    n = len(prepared)
    settings = blocking.Settings.of(index)
    graph = _Tasks(prepared)
    mine = [p.key for p in prepared]
    sent = [graph.add("sent", i, blocking.entry_rows, p, n) for i, p in enumerate(mine)]
    roles = graph.shuffled("roles", sent, blocking.entry_roles, where)
    assigned = list(
        _persisted(
            graph.delayed(
                [
                    graph.add("assigned", i, _assign, p, graph.picked("roles", roles, i))
                    for i, p in enumerate(mine)
                ]
            )
        )
    )
    graph = _Tasks(assigned)
    mine = [p.key for p in assigned]
    rows = [graph.add("rows", i, blocking.key_rows, p, settings, n) for i, p in enumerate(mine)]
    found = graph.shuffled("found", rows, blocking.key_pairs, settings, where)
    joined = [
        graph.add("joined", i, blocking.attach, p, graph.picked("found", found, i), where)
        for i, p in enumerate(mine)
    ]
    selected = [
        graph.add("selected", i, blocking.select, p, graph.picked("joined", joined, i))
        for i, p in enumerate(mine)
    ]
    asked = [graph.add("asked", i, blocking.wanted, s, where) for i, s in enumerate(selected)]
    served = [
        graph.add("served", i, blocking.serve, p, graph.picked("asked", asked, i))
        for i, p in enumerate(mine)
    ]
    compared = graph.delayed(
        [
            graph.add("compared", i, _relate, p, s, graph.picked("served", served, i))
            for i, (p, s) in enumerate(zip(mine, selected, strict=True))
        ]
    )
    results = _computed(compared, "comparing", stages)
    shares = _computed([dask.delayed(_for_driver)(p) for p in assigned], "gathering", stages)
    claims = [claim for share in shares for claim in share[0]]
    texts = [text for share in shares for text in share[1]]
    keys = {k: v for share in shares for k, v in share[2].items()}
    entries = [key for share in shares for key in share[3]]
    return claims, texts, keys, entries, results


def _assign(part: blocking.Part, roles: Sequence[Any]) -> blocking.Part:
    return part.assign(roles)


def _relate(
    part: blocking.Part, selected: blocking.Selected, served: Sequence[Any]
) -> blocking.Found:
    """Round 3's relations, sent to the driver without the candidate pairs."""
    with paused_gc():
        found = blocking.relate_selected(part, selected, served)
    return blocking.Found([], found.pairs, found.relations)


def track(
    articles: dask.bag.Bag | Iterable[Article] | str | Sequence[str],
    *,
    splitter: SentenceSplitter | None = None,
    index: ClaimIndex | None = None,
    stages: Stages | None = None,
    partition_size: int | None = None,
    compare: str = "driver",
) -> ClaimTracker:
    """The tracker of ``articles`` (a bag of :class:`~claimtrack.articles.Article`,
    as :func:`bag_of` or :func:`read_jsonl_bag` make, the articles themselves, or
    the paths or URLs of JSON Lines files, read on the workers by :func:`read_jsonl_bag`),
    analysed on the Dask cluster in use (the current ``distributed.Client``, else
    Dask's default scheduler): the same claims, links and clusters as
    ``ClaimTracker(keep_analyses=False).add(articles)`` (see the module doc).

    Args:
        articles: The articles, in input order.  Articles given here (not in a
            bag) are cut by :func:`partitioned` (``partition_size``), and
            scattered to the workers of a distributed client.
        splitter: The sentence splitter (default: the shipped one).
        index: The claim index (default: :class:`ClaimIndex` with its defaults).
        stages: Progress, as ``stages(name, done, total)``: ``"analysing"`` and
            ``"preparing"`` partitions, ``"comparing"`` and ``"gathering"``
            partitions (with ``compare="workers"``), then the tracker's ``"indexing"``.
        compare: ``"driver"`` (default): the driver's index finds and relates
            the candidates; ``"workers"``: candidates found by keys exchanged
            between the workers and related there, the driver's index given the
            entry pairs found (:mod:`claimtrack.blocking`).  The results are the
            same.  An index given with claims in it is always probed on the driver.

    Raises:
        DaskError: Dask is not installed.
        DuplicateArticleError: two different articles share an id.
        ValueError: ``compare`` is neither.
    """
    _require()
    import dask
    import dask.bag

    if compare not in ("workers", "driver"):
        raise ValueError(f"compare is 'workers' or 'driver', not {compare!r}")
    splitter = splitter or SentenceSplitter.default()
    tracker = ClaimTracker(splitter=splitter, index=index, keep_analyses=False)
    shared = dask.delayed(splitter)
    client = _client()
    chunks: list[Any] = []
    source: Any = articles  # a bag (typed Any), paths, or articles
    if isinstance(source, str) or (
        isinstance(source, Sequence) and source and isinstance(source[0], str)
    ):
        source = read_jsonl_bag(source)
    if isinstance(source, dask.bag.Bag):
        parts = source.map_partitions(_analyse_partition, shared).to_delayed()
    else:
        threads = sum(client.nthreads().values()) if client is not None else 1
        chunks = list(partitioned(source, partition_size=partition_size, workers=threads))
        if client is not None:  # sent to the workers once, not through the scheduler
            chunks = client.scatter(chunks, hash=False)
        parts = [dask.delayed(_analyse_partition)(chunk, shared) for chunk in chunks]
    parts = list(_persisted(parts))
    heads = _computed([dask.delayed(_heads)(p) for p in parts], "analysing", stages)
    del chunks  # analysed: the analyses hold what is needed of the articles
    digests = [(article_id, digest) for head in heads for article_id, digest, _, _ in head]
    fresh = set(tracker.fresh_articles(digests))
    chosen: list[list[int]] = []
    names: list[str | None] = []
    position = 0
    for head in heads:
        mine = []
        for k, (_, _, found, _) in enumerate(head):
            if position in fresh:
                mine.append(k)
                names.extend(found)
            position += 1
        chosen.append(mine)
    speakers = dask.delayed(SpeakerIndex.build(names))
    taken = [digests[k] for k in sorted(fresh)]
    if compare == "workers" and not len(tracker.index):
        claims, texts, keys, entries, found = _compare_on_workers(
            tracker, parts, chosen, heads, speakers, stages
        )
        del parts
        by_id = {claim.id: claim for claim in claims}
        pairs = [pair for f in found for pair in f.pairs]
        links = [Link(by_id[a], by_id[b], r) for f in found for a, b, r in f.relations]
        if stages is not None:
            stages("indexing", 0, len(claims))
        with paused_gc():
            tracker.restore(
                (), claims, texts, pairs, links, digests=dict(taken), keys=keys, entries=entries
            )
        if stages is not None:
            stages("indexing", len(claims), len(claims))
        return tracker
    minhash = dask.delayed(tracker.index.minhash)
    prepared = _computed(
        [
            dask.delayed(_prepare_partition)(p, mine, speakers, minhash)
            for p, mine in zip(parts, chosen, strict=True)
        ],
        "preparing",
        stages,
    )
    del parts
    claims = [claim for part_claims, _, _ in prepared for claim in part_claims]
    texts = [text for _, part_texts, _ in prepared for text in part_texts]
    rows = [row for _, _, part_keys in prepared for row in part_keys]
    del prepared
    tracker.add_prepared(taken, claims, texts, stages=stages, keys=rows)
    return tracker


def _client() -> Any:
    try:
        import distributed

        return distributed.get_client()
    except (ImportError, ValueError):
        return None


def _persisted(parts: Sequence[Any]) -> Sequence[Any]:
    """The partitions computed and kept where they were computed (on the workers
    with a distributed client)."""
    import dask

    client = _client()
    if client is not None:
        return list(client.persist(list(parts)))
    return list(dask.persist(*parts))


def _computed(tasks: Sequence[Any], name: str, stages: Stages | None) -> list[Any]:
    """The results of ``tasks`` in their order, counted in ``stages`` as they come."""
    import dask

    client = _client()
    if stages is not None:
        stages(name, 0, len(tasks))
    if client is None:
        with paused_gc():
            results = list(dask.compute(*tasks))
    else:
        import distributed

        futures = client.compute(list(tasks))
        # the results are unpickled here as they come: millions of small objects that
        # live on, which the collector would scan again and again
        with paused_gc():
            for done, _ in enumerate(distributed.as_completed(futures), start=1):
                if stages is not None:
                    stages(name, done, len(tasks))
            results = client.gather(futures)
    if stages is not None:
        stages(name, len(tasks), len(tasks))
    return results


def analyzer(
    splitter: SentenceSplitter | None = None, *, workers: int = 2
) -> Callable[[Sequence[Article]], Analysis]:
    """A function that analyses a batch of articles on the Dask cluster in use (each
    article on a worker, speakers named across the batch on the driver), as
    :func:`claimtrack.analysis.analyze` does: for ``ClaimStore(analyze=...)``, so
    that the workers analyse and the driver alone writes the store."""
    _require()
    import dask

    splitter = splitter or SentenceSplitter.default()
    shared = dask.delayed(splitter)

    def run(articles: Sequence[Article]) -> Analysis:
        articles = list(articles)
        size = max(1, math.ceil(len(articles) / max(1, 2 * workers)))
        tasks = [
            dask.delayed(_analyse_batch)(articles[lo : lo + size], shared)
            for lo in range(0, len(articles), size)
        ]
        items = [item for part in _computed(tasks, "analysing", None) for item in part]
        return merge_analyses(items)

    return run


def _analyse_batch(
    articles: Sequence[Article], splitter: SentenceSplitter
) -> list[ArticleAnalysis]:
    return [analyze_article(article, splitter) for article in articles]
