"""Analysing and preparing articles on several processes of this machine.

Analysing an article (splitting, attributions, speakers) and preparing its
claims' words for comparison is most of the work of a run, and each article is
done alone, so it spreads over processes: :func:`claims_of` and
:func:`analyses_of` hand chunks of articles to a pool of worker processes and
give back, in input order, what the same calls in this process would have
made.  What needs every article (naming speakers canonically, linking claims,
clustering) stays with the caller: :meth:`ClaimTracker.add
<claimtrack.tracker.ClaimTracker.add>` and :meth:`ClaimStore.add
<claimtrack.store.ClaimStore.add>` take ``jobs=``; the command line's
``--jobs`` (default: the cores this process may use).

The workers are started by a fork server that has imported claimtrack once (a
fresh interpreter where there is none); input is read as it comes, with at most
two chunks a worker in flight, so memory does not grow with the input.  A
worker that dies takes the run down with a :class:`WorkerError`, never a hang.

>>> import claimtrack
>>> articles = list(claimtrack.read_articles("seeds"))
>>> splitter = claimtrack.SentenceSplitter.default()
>>> here = claims_of(articles, splitter, jobs=1)
>>> [len(item.claims) for item in here]
[15, 14]
"""

from __future__ import annotations

import concurrent.futures
import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

import attrs

from claimtrack.analysis import ArticleAnalysis, analyze_article, paused_gc
from claimtrack.articles import Article
from claimtrack.claims import Claim, claims_of_article
from claimtrack.claimtext import ClaimText, prepare
from claimtrack.exceptions import ClaimtrackError
from claimtrack.heap import steady_heap
from claimtrack.minhash import default_keys
from claimtrack.sentences import SentenceSplitter

__all__ = [
    "AnalysedClaims",
    "WorkerError",
    "analysed",
    "analyses_of",
    "available_cores",
    "claims_of",
]

#: Articles handed to a worker at a time.
CHUNK = 32

#: Fewer articles than this are analysed in this process: starting workers
#: costs more than it saves.
MIN_PARALLEL = 200

T = TypeVar("T")


class WorkerError(ClaimtrackError, RuntimeError):
    """A worker process died (killed, or out of memory)."""


@attrs.frozen
class AnalysedClaims:
    """An article's claims as taken from its analysis (speakers named as found in the
    article), its speaker names, and each claim's words prepared (:func:`prepare` of
    its text alone; :func:`~claimtrack.claimtext.claim_sources` adds the speakers
    once they are named canonically)."""

    names: tuple[str | None, ...]
    claims: tuple[Claim, ...]
    texts: tuple[ClaimText, ...]
    #: Each claim's MinHash key row (:mod:`claimtrack.minhash`, default parameters)
    #: as bytes, when a worker made them; else empty (made from the texts: not
    #: compared).
    keys: tuple[bytes, ...] = attrs.field(default=(), eq=False)


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _claims_of_article(article: Article, splitter: SentenceSplitter) -> AnalysedClaims:
    item = analyze_article(article, splitter)
    claims = tuple(claims_of_article(item))
    return AnalysedClaims(
        tuple(a.speaker_name for a in item.attributions),
        claims,
        tuple(prepare(c.text) for c in claims),
    )


def _analysis_of_article(
    article: Article, splitter: SentenceSplitter
) -> tuple[ArticleAnalysis, dict[tuple[str, str], ClaimText]]:
    item = analyze_article(article, splitter)
    return item, {(c.id, c.text): prepare(c.text) for c in claims_of_article(item)}


def _analysis_alone(
    article: Article, splitter: SentenceSplitter
) -> tuple[ArticleAnalysis, dict[tuple[str, str], ClaimText]]:
    return analyze_article(article, splitter), {}


# -- in the workers --
_SPLITTER: SentenceSplitter | None = None


def _start_worker(splitter: SentenceSplitter) -> None:
    global _SPLITTER
    _SPLITTER = splitter
    steady_heap()  # a worker's pickled results are large buffers, freed at once


def _run_chunk(
    work: Callable[[Article, SentenceSplitter], T], articles: Sequence[Article]
) -> list[T]:
    assert _SPLITTER is not None
    with paused_gc():
        done = [work(article, _SPLITTER) for article in articles]
        if work is _claims_of_article:
            done = _with_keys(done)  # type: ignore[arg-type,assignment]
        elif work is _analysis_of_article:
            done = _analyses_with_keys(done)  # type: ignore[arg-type,assignment]
        return done


def _analyses_with_keys(
    done: list[tuple[ArticleAnalysis, dict[tuple[str, str], ClaimText]]],
) -> list[tuple[ArticleAnalysis, dict[tuple[str, str], ClaimText], dict[tuple[str, str], bytes]]]:
    """Articles analysed with their claims' words, and the claims' MinHash key rows
    (as :func:`_with_keys` makes them), by claim id and text."""
    keyed = [key for _, texts in done for key in texts]
    rows = default_keys().key_rows([text for _, texts in done for text in texts.values()])
    keys = dict(zip(keyed, (row.tobytes() for row in rows), strict=True))
    return [(item, texts, {key: keys[key] for key in texts}) for item, texts in done]


def _with_keys(done: list[AnalysedClaims]) -> list[AnalysedClaims]:
    """Articles' claims with their MinHash key rows, made for the chunk at once
    (numpy's work is done per call): the index takes them instead of making them
    in the caller's process."""
    rows = default_keys().key_rows([text for item in done for text in item.texts])
    out = []
    k = 0
    for item in done:
        n = len(item.texts)
        out.append(attrs.evolve(item, keys=tuple(row.tobytes() for row in rows[k : k + n])))
        k += n
    return out


# -- in the caller --
def _context() -> multiprocessing.context.BaseContext:
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["claimtrack.workers"])
        return context
    return multiprocessing.get_context("spawn")


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pooled(
    work: Callable[[Article, SentenceSplitter], T],
    articles: Iterable[Article],
    splitter: SentenceSplitter,
    jobs: int,
    chunk: int,
    progress: Callable[[int], None] | None,
    ahead: int = 0,
) -> Iterator[T]:
    """``work(article, splitter)`` for each article, on ``jobs`` worker processes,
    in input order (a few articles go to this process alone, see :data:`MIN_PARALLEL`),
    with up to ``ahead`` articles (at least two chunks a worker) handed out before
    their results are taken: the workers go on while the caller works on those."""
    articles = iter(articles)
    head: list[Article] = []
    if jobs > 1:
        for article in articles:
            head.append(article)
            if len(head) >= MIN_PARALLEL:
                break
    done = 0
    if jobs <= 1 or len(head) < MIN_PARALLEL:  # head holds all the articles then
        with paused_gc():
            for article in itertools.chain(head, articles):
                yield work(article, splitter)
                done += 1
                if progress is not None:
                    progress(done)
        return
    pending: deque[concurrent.futures.Future[list[T]]] = deque()
    executor = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(splitter,),
    )
    try:
        for part in _chunks(itertools.chain(head, articles), chunk):
            pending.append(executor.submit(_run_chunk, work, part))
            while len(pending) >= max(2 * jobs, -(-ahead // chunk)):
                done = yield from _drain(pending.popleft(), done, progress)
        while pending:
            done = yield from _drain(pending.popleft(), done, progress)
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (out of memory, or killed): run again with fewer --jobs "
            "(jobs=); in a script, start the work under if __name__ == '__main__':"
        ) from None
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _drain(
    future: concurrent.futures.Future[list[T]],
    done: int,
    progress: Callable[[int], None] | None,
) -> Generator[T, None, int]:
    """Yield one chunk's results; return the count done after it."""
    results = future.result()
    yield from results
    done += len(results)
    if progress is not None:
        progress(done)
    return done


def claims_of(
    articles: Iterable[Article],
    splitter: SentenceSplitter,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    progress: Callable[[int], None] | None = None,
) -> list[AnalysedClaims]:
    """Each article analysed alone and its claims' words prepared, on ``jobs``
    processes, in input order.

    Args:
        articles: The articles (read as they are needed).
        splitter: The sentence splitter (sent to each worker once).
        jobs: Worker processes (1: this process alone).
        chunk: Articles handed to a worker at a time.
        progress: Called with the number of articles done.

    Raises:
        WorkerError: a worker process died.
    """
    return list(claims_stream(articles, splitter, jobs=jobs, chunk=chunk, progress=progress))


def claims_stream(
    articles: Iterable[Article],
    splitter: SentenceSplitter,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    ahead: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Iterator[AnalysedClaims]:
    """:func:`claims_of` as the caller takes them, with up to ``ahead`` articles
    analysed before they are taken (the workers go on while the caller works)."""
    # texts from the workers come unpickled with their words interned (ClaimText.__reduce__)
    yield from _pooled(_claims_of_article, articles, splitter, jobs, chunk, progress, ahead)


def analysed(
    articles: Iterable[Article],
    splitter: SentenceSplitter,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    ahead: int = 0,
    progress: Callable[[int], None] | None = None,
    prepared: bool = True,
    keys: dict[tuple[str, str], bytes] | None = None,
) -> Iterator[tuple[ArticleAnalysis, dict[tuple[str, str], ClaimText]]]:
    """Each article analysed alone (:func:`~claimtrack.analysis.analyze_article`),
    on ``jobs`` processes, in input order, as the caller takes them, with the words
    of its claims prepared (keyed by claim id and text; none if not ``prepared``).
    Up to ``ahead`` articles are analysed before they are taken, so that a caller
    storing one batch has the next one ready.  The claims' MinHash key rows made on
    the workers go into ``keys``, if given (by claim id and text), as the articles
    come.  Other arguments as :func:`claims_of`.

    >>> import claimtrack
    >>> articles = claimtrack.read_articles("seeds")
    >>> splitter = claimtrack.SentenceSplitter.default()
    >>> [(item.article.id, len(texts)) for item, texts in analysed(articles, splitter)]
    [('000_44a681640818a05e', 15), ('001_df1ab41df0d3c270', 14)]
    """
    work = _analysis_of_article if prepared else _analysis_alone
    for found in _pooled(work, articles, splitter, jobs, chunk, progress, ahead):
        item, done = found[0], found[1]
        if keys is not None and len(found) > 2:
            keys.update(found[2])  # made on a worker
        yield item, done


def analyses_of(
    articles: Iterable[Article],
    splitter: SentenceSplitter,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    progress: Callable[[int], None] | None = None,
    prepared: bool = True,
) -> tuple[list[ArticleAnalysis], dict[tuple[str, str], ClaimText]]:
    """Each article analysed alone (:func:`~claimtrack.analysis.analyze_article`),
    on ``jobs`` processes, in input order, with the words of its claims prepared
    (keyed by claim id and text; none if not ``prepared``).  Other arguments as
    :func:`claims_of`."""
    items: list[ArticleAnalysis] = []
    texts: dict[tuple[str, str], ClaimText] = {}
    for item, done in analysed(
        articles, splitter, jobs=jobs, chunk=chunk, progress=progress, prepared=prepared
    ):
        items.append(item)
        texts.update(done)
    return items, texts
