"""The ``claimtrack`` command line: a thin shell over the Python API.

Every command reads articles from files, folders or glob patterns (see
:func:`claimtrack.articles.read_articles`).  Errors in the input are reported
as ``claimtrack: error: <file>:<line>: <what is wrong>`` with exit status 1;
with ``--skip-bad`` bad files and bad JSON records are left out, and each is
listed on standard error at the end with a summary.  Files of folders that are
not read are listed too.  Usage errors exit with 2; a user never sees a
Python traceback (``--debug`` shows it for an unexpected error).  Progress goes
to standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import attrs

from claimtrack.analysis import (
    Analysis,
    ArticleAnalysis,
    analyze,
    article_in_convention,
    freeze_bulk_loads,
    in_convention,
    paused_gc,
)
from claimtrack.articles import Article, ArticleSet, ArticleStream
from claimtrack.exceptions import ClaimtrackError, InputError
from claimtrack.heap import release_heap, steady_heap
from claimtrack.quotes import CONVENTIONS
from claimtrack.report import (
    attribution_record,
    cluster_record,
    link_record,
    render_report,
    sentence_record,
    word_diff,
)
from claimtrack.sentences import SentenceSplitter

# The linking stages, the store and the HTML page are imported by the commands
# that use them: ``sentences`` and ``claims`` start faster without them.
if TYPE_CHECKING:
    from claimtrack.clusters import Link
    from claimtrack.store import ClaimStore, IngestReport
    from claimtrack.tracker import ClaimTracker, LinkedClaims

__all__ = ["main"]


class _Progress:
    """Report ``done/total`` articles and the rate on a terminal at most once a second
    (``total`` 0: unknown, as when articles are streamed)."""

    def __init__(self, total: int, label: str, stream: IO[str], enabled: bool) -> None:
        self.total, self.label, self.stream = total, label, stream
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self.shown = False

    def step(self, done: int) -> None:
        now = time.monotonic()
        if self.enabled and now - self.last >= 1.0:
            self.last, self.shown = now, True
            rate = done / max(now - self.start, 1e-9)
            of = f"/{self.total}" if self.total else ""
            self.stream.write(f"\r{self.label}: {done}{of} articles ({rate:.0f}/s)   ")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


#: Set when this process is the command (not :func:`main` called by a program):
#: its heap is then its own to tune (:mod:`claimtrack.heap`).
_OWN_PROCESS = False


class _Stages:
    """Progress of the stages after analysing (indexing claims, linking, writing), as
    ``ClaimTracker.add`` and ``ClaimStore.add`` report them: each stage shown as soon
    as it starts, then its count and rate at most once a second."""

    def __init__(self, stream: IO[str], enabled: bool) -> None:
        self.stream, self.enabled = stream, enabled
        self.name = ""
        self.start = self.last = time.monotonic()

    def __call__(self, name: str, done: int, total: int) -> None:
        now = time.monotonic()
        if name != self.name:
            if _OWN_PROCESS:  # what the stage before let go is given back to the system
                release_heap()
            self.name, self.start = name, now
        elif now - self.last < 1.0:
            return
        if not self.enabled:
            return
        self.last = now
        of = f"/{total}" if total else ""
        rate = f" ({done / (now - self.start):.0f}/s)" if done and now > self.start else ""
        count = f": {done}{of}{rate}" if total or done else "..."
        self.stream.write(f"\r{name}{count}" + " " * 20)
        self.stream.flush()

    def close(self) -> None:
        if self.name and self.enabled:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def _int_at_least(low: int) -> Callable[[str], int]:
    """An argparse type: an integer of at least ``low``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = low - 1
        if number < low:
            raise argparse.ArgumentTypeError(
                f"must be a whole number of at least {low}, not {value!r}"
            )
        return number

    parse.__name__ = "number"  # argparse names the type in its message
    return parse


def _encoding(value: str) -> str:
    """An argparse type: a text encoding Python knows."""
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"unknown encoding {value!r} (try utf-8, latin-1, cp1252)"
        ) from None


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders or glob patterns (with --db: added to the store first)",
    )
    parser.add_argument(
        "--input-format",
        choices=["auto", "seed", "jsonl", "json", "text"],
        default="auto",
        help="how to read files: auto (by extension: .jsonl/.ndjson are JSON Lines, .json one "
        "object or an array of objects, others the seed format), seed, jsonl, json, or text "
        "(plain body, no header) (default: auto)",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        help="read the files of folders whose name matches PATTERN (or whose relative path "
        "does, when it holds a /), e.g. '*.json' (default: .txt, .jsonl, .ndjson and .json files)",
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        help="the encoding of the files (default: utf-8)",
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out bad files and bad JSON records, go on, and list each one at the end "
        "(default: stop at the first)",
    )
    parser.add_argument(
        "--learn",
        action="store_true",
        help="let the sentence splitter also learn abbreviations from the articles read",
    )
    parser.add_argument(
        "--jobs",
        type=_int_at_least(1),
        metavar="N",
        help="processes that analyse articles (the results are the same for any N) "
        "(default: the cores this process may use)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")
    parser.add_argument(
        "--debug", action="store_true", help="show the Python traceback of an unexpected error"
    )


def _add_convention_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convention",
        choices=list(CONVENTIONS),
        default="attribution",
        help="which attributions count: attribution (every attribution, beliefs and noun cues "
        "included) or quotes (reported speech as quote trackers count it: speech acts only, "
        "each quotation segment its own record, cue-less quote paragraphs credited to the "
        "speaker before them) (default: attribution)",
    )


def _add_format_option(parser: argparse.ArgumentParser, text_form: str) -> None:
    parser.add_argument(
        "--format",
        choices=["text", "jsonl"],
        default="text",
        help=f"output format (default: text, {text_form})",
    )


def _add_command(
    commands: argparse._SubParsersAction[_Parser],
    name: str,
    run: Runner,
    *,
    help: str,
    description: str,
    text_form: str | None = None,
) -> argparse.ArgumentParser:
    """A command that reads articles, with --format when it has a text form."""
    parser = commands.add_parser(name, help=help, description=description)
    _add_input_options(parser)
    if name == "ingest":
        parser.add_argument(
            "--db",
            metavar="FILE",
            default="claimtrack.db",
            help="the claim store to add to (default: claimtrack.db; made if missing)",
        )
    else:
        parser.add_argument(
            "--db",
            metavar="FILE",
            help="work on the claim store FILE (see ingest) instead of analysing PATHs again; "
            "PATHs given too are added to it first",
        )
    if text_form is not None:
        _add_format_option(parser, text_form)
    if name in ("links", "clusters", "ingest"):
        _add_engine_options(parser)
    parser.set_defaults(run=run)
    return parser


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="where articles are analysed: local (this process) or dask (the workers of a Dask "
        "cluster; the same results; needs pip install 'claimtrack[dask]') (default: local)",
    )
    parser.add_argument(
        "--workers",
        type=_int_at_least(1),
        metavar="N",
        help="with --engine dask: a local cluster of N worker processes (default: 2)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler of a running Dask cluster, e.g. "
        "tcp://10.0.0.5:8786, instead of a local cluster",
    )
    parser.add_argument(
        "--compare",
        choices=["driver", "workers"],
        help="with --engine dask: where candidate claims are found and compared: driver "
        "(this process's index, after the workers analysed the articles) or workers "
        "(blocking keys exchanged between partitions); the same results "
        "(default: driver; see docs/scale.md)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse's parser, with usage errors in one line and a pointer to --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``, as ``action="version"`` prints it, the version looked up only then."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show program's version number and exit")
        super().__init__(
            option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from claimtrack import __version__

        formatter = parser._get_formatter()
        formatter.add_text(f"claimtrack {__version__}")
        parser._print_message(formatter.format_help(), sys.stdout)
        parser.exit()


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimtrack",
        description="Track claims across news reports: who said what, and how claims travel.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    _add_command(
        commands,
        "sentences",
        _run_sentences,
        help="split articles into sentences",
        description="Split articles into sentences. With --format jsonl, print one JSON object "
        "per sentence: article, index, start, end (offsets into the article text), text, "
        "dateline ([start, end] or null), boilerplate and kind (attributed, unattributed "
        "or boilerplate).",
        text_form="one sentence a line",
    )

    claims = _add_command(
        commands,
        "claims",
        _run_claims,
        help="who said what: every attribution",
        description="Extract every attribution: speaker, cue and content. With --format jsonl, "
        "print one JSON object per attribution: article, sentence [start, end], kind (direct, "
        "indirect, mixed), speaker {text, start, end} or null, speaker_name (canonical across "
        "the articles), speaker_type, cue, content {text, start, end, spans}, pattern (the rule "
        "that found it), resolution (why the speaker was named so) and continues (with "
        "--convention quotes, the [start, end] of the first content of the record a follow-on "
        "record continues, else null).",
        text_form="one claim a line: article, speaker, cue, content",
    )
    _add_convention_option(claims)

    links = _add_command(
        commands,
        "links",
        _run_links,
        help="linked pairs of sentences in different articles",
        description="Link the sentences of different articles that repeat, agree with, drift "
        "from or relate to each other. With --format jsonl, print one JSON object per linked "
        "pair: a and b ({article, start, end, text}), relation (repetition, agreement, drift, "
        "related), score (0-100), changes ([{type, a: words, b: words}]), evidence and basis "
        "(words, content or part). A link between headline-length sentences, or between sentences "
        "that say the same in other words, is printed only when its two articles are tied as "
        "one story; --all prints every link found, each with the tie of its articles.",
        text_form="one link a line with a word diff",
    )
    links.add_argument(
        "--all",
        action="store_true",
        help="also the links held back because their articles are not tied as one story",
    )
    links.add_argument(
        "--relation",
        action="append",
        choices=["repetition", "agreement", "drift", "related"],
        help="only links of this relation (repeat the option for several)",
    )

    _add_command(
        commands,
        "clusters",
        _run_clusters,
        help="clusters of claims that travel between articles",
        description="Cluster the claims that state the same thing in several articles. With "
        "--format jsonl, print one JSON object per cluster of two or more members: id, "
        "relation, origin, members ({article, start, end, text, date, outlet}, in timeline "
        "order), relations (the links between members), outlets, independent_reports "
        "(syndicated copies of one wire story count once) and conflicts.",
        text_form="one cluster a line: id, relation, reports, first date, first outlet, "
        "outlets, independent reports, text",
    )

    _add_command(
        commands,
        "ingest",
        _run_ingest,
        help="add articles to a claim store, kept between runs",
        description="Add articles to a claim store (an SQLite file, --db): new articles are "
        "analysed and linked to everything stored, changed ones (same id, other content) "
        "replace their old version, unchanged ones are left alone. Prints what it added, "
        "replaced, left unchanged and skipped. Then run claims, links, clusters or report "
        "with --db FILE to read from the store.",
    )

    report = _add_command(
        commands,
        "report",
        _run_report,
        help="the main job: a readable report of the articles",
        description="Print a human-readable report: who said what, by canonical speaker; how "
        "claims travel: clusters on a timeline with word diffs (drift typed), outlets and "
        "conflicting details, and related claims; then each article's sentences with their "
        "kinds, datelines and boilerplate marked. With --format html, one self-contained web "
        "page (no network needed: open it from disk) with a timeline per cluster, filters and "
        "each article's attributions highlighted; with --format json, the whole report as one "
        "JSON document (the page's data).",
    )
    _add_convention_option(report)
    report.add_argument(
        "--format",
        choices=["text", "html", "json"],
        default="text",
        help="output format (default: text)",
    )
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE (replaced whole once the report is ready) instead of "
        "standard output",
    )
    report.add_argument(
        "--limit",
        type=_int_at_least(0),
        default=50,
        metavar="N",
        help="text format: list the first N entries of each section (speakers, clusters, "
        "related claims, articles), 0 for all (default: 50); the page and the JSON document "
        "hold everything",
    )
    report.add_argument(
        "--width",
        type=_int_at_least(20),
        default=100,
        help="wrap lines at this width, at least 20 (default: 100)",
    )
    report.add_argument(
        "--members",
        type=_int_at_least(0),
        default=10,
        metavar="N",
        help="show the first N reports of each cluster, 0 for all (default: 10)",
    )
    return parser


def _read(args: argparse.Namespace) -> ArticleSet:
    stream = _stream(args)
    with paused_gc():  # a bulk load: the articles live on and hold no cycles
        articles = tuple(stream)
    return ArticleSet(articles, tuple(stream.skipped), tuple(stream.unread))


def _stream(args: argparse.Namespace) -> ArticleStream:
    return ArticleStream(
        *args.paths,
        format=args.input_format,
        on_error="skip" if args.skip_bad else "raise",
        encoding=args.encoding,
        glob=args.glob,
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _report_input(articles: ArticleSet, err: IO[str], read: int | None = None) -> None:
    """List every file not read and every bad file or record skipped, then a summary."""
    for unread in articles.unread:
        err.write(f"claimtrack: not read: {unread}\n")
    if not articles.skipped:
        return
    for problem in articles.skipped:
        err.write(f"claimtrack: skipped: {problem}\n")
    bad_files = len({p.path for p in articles.skipped})
    skipped = len(articles.skipped)
    what = "bad file or record" if skipped == 1 else "bad files or records"
    err.write(
        f"claimtrack: read {_plural(len(articles) if read is None else read, 'article')}; "
        f"skipped {skipped} {what} "
        f"in {_plural(bad_files, 'file')}\n"
    )


class _Engine:
    """Where articles are analysed: here, or on a Dask cluster (``--engine dask``),
    connected to when first needed and closed by :meth:`close`."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.dask = getattr(args, "engine", "local") == "dask"
        self.given_jobs: int | None = args.jobs
        self.workers: int | None = getattr(args, "workers", None)
        self.scheduler: str | None = getattr(args, "scheduler", None)
        self.compare: str | None = getattr(args, "compare", None)
        self.command: str = getattr(args, "command", "")
        self._stack = contextlib.ExitStack()
        self._connected = False
        self._workers = 1

    def check(self) -> None:
        """Usage errors in the engine options."""
        if not self.dask and (self.workers is not None or self.scheduler is not None):
            raise _UsageError("--workers and --scheduler go with --engine dask")
        if not self.dask and self.compare is not None:
            raise _UsageError("--compare goes with --engine dask")
        if self.compare is not None and self.command == "ingest":
            raise _UsageError(
                "--compare goes with links and clusters: ingest compares new claims in its store"
            )
        if self.dask and self.given_jobs is not None:
            raise _UsageError("--jobs goes with --engine local (with dask: --workers)")
        if self.workers is not None and self.scheduler is not None:
            raise _UsageError("--workers makes a local cluster: leave it out with --scheduler")

    @property
    def jobs(self) -> int:
        """The processes that analyse articles here."""
        if self.given_jobs is not None:
            return self.given_jobs
        from claimtrack.workers import available_cores

        return available_cores()

    def _connect(self) -> None:
        if not self._connected:
            import claimtrack.dask as engine

            client = self._stack.enter_context(
                engine.connect(workers=self.workers, scheduler=self.scheduler)
            )
            self._workers = max(1, sum(client.nthreads().values()))  # worker threads
            self._connected = True

    def track(
        self, articles: ArticleSet, splitter: SentenceSplitter, stages: _Stages
    ) -> ClaimTracker:
        """The tracker of the articles, analysed on the cluster."""
        import claimtrack.dask as engine

        self._connect()
        return engine.track(
            articles, splitter=splitter, stages=stages, compare=self.compare or "driver"
        )

    def analyzer(
        self, splitter: SentenceSplitter | None
    ) -> Callable[[Sequence[Article]], Analysis] | None:
        """What a claim store analyses new articles with (None: here)."""
        if not self.dask:
            return None
        import claimtrack.dask as engine

        self._connect()
        return engine.analyzer(splitter, workers=self._workers)

    def close(self) -> None:
        self._stack.close()


class _Source:
    """What a command works on: articles read from PATHs, or a claim store."""

    def __init__(
        self, args: argparse.Namespace, articles: ArticleSet, store: ClaimStore | None, err: IO[str]
    ) -> None:
        self.args, self.articles, self.store, self.err = args, articles, store, err
        self.engine = _Engine(args)
        self.ingested: IngestReport | None = None
        self.read = 0
        self._tracker: ClaimTracker | None = None

    def _splitter(self) -> SentenceSplitter:
        splitter = SentenceSplitter.default()
        if self.args.learn:
            splitter = splitter.learn(article.clean_text for article in self.articles)
        return splitter

    def _progress(self, total: int, label: str) -> _Progress:
        return _Progress(total, label, self.err, self.shows_progress)

    @property
    def shows_progress(self) -> bool:
        return not self.args.quiet and self.err.isatty()

    def analyses(self) -> Iterable[ArticleAnalysis]:
        """Each article's sentences and attributions, speakers named across
        everything: from a store, read a few articles at a time."""
        if self.store is not None:
            return self.store.analyses()
        return self.analysis().articles

    def analysis(self) -> Analysis:
        """Sentences and attributions, speakers named across everything."""
        if self.store is not None:
            return self.store.analysis()
        progress = self._progress(len(self.articles), "analysing")
        try:
            if self.engine.jobs <= 1:
                return analyze(self.articles, splitter=self._splitter(), progress=progress.step)
            from claimtrack.tracker import merge_analyses
            from claimtrack.workers import analyses_of

            items, _ = analyses_of(
                self.articles,
                self._splitter(),
                jobs=self.engine.jobs,
                progress=progress.step,
                prepared=False,
            )
            return merge_analyses(items)
        finally:
            progress.close()

    def tracker(self, *, keep_analyses: bool = False) -> ClaimTracker:
        """The tracker of everything, its claims linked (with each article's analysis
        if asked for: it costs memory)."""
        if self.store is not None:
            stages = _Stages(self.err, self.shows_progress)
            try:
                return self.store.tracker(stages=stages)
            finally:
                stages.close()
        if self._tracker is None and self.engine.dask and not keep_analyses:
            stages = _Stages(self.err, self.shows_progress)
            try:
                tracker = self.engine.track(self.articles, self._splitter(), stages)
                stages("linking", 0, 0)
                tracker.clusters()
            finally:
                stages.close()
            self._tracker = tracker
        if self._tracker is None:
            from claimtrack.tracker import ClaimTracker, draining

            tracker = ClaimTracker(splitter=self._splitter(), keep_analyses=keep_analyses)
            progress = self._progress(len(self.articles), "analysing")
            stages = _Stages(self.err, self.shows_progress)
            articles: Iterable[Article] = self.articles
            if not keep_analyses:  # the tracker keeps claims only: let each article go
                articles = draining(list(self.articles))
                self.articles = attrs.evolve(self.articles, articles=())
            try:
                tracker.add(articles, progress=progress.step, stages=stages, jobs=self.engine.jobs)
                stages("linking", 0, 0)
                tracker.clusters()
            finally:
                progress.close()
                stages.close()
            self._tracker = tracker
        return self._tracker


#: ``json.dumps(record, ensure_ascii=False)`` made a new encoder for every record.
_JSON = json.JSONEncoder(ensure_ascii=False)


def _write_jsonl(out: IO[str], records: Iterable[dict[str, Any]]) -> None:
    encode = _JSON.encode
    for record in records:
        out.write(encode(record) + "\n")


def _run_sentences(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    for item in source.analyses():
        if args.format == "jsonl":
            _write_jsonl(
                out,
                (sentence_record(s, k) for s, k in zip(item.sentences, item.kinds, strict=True)),
            )
        else:
            for sentence, kind in zip(item.sentences, item.kinds, strict=True):
                out.write(f"{item.article.id}\t{sentence.index}\t{kind}\t{sentence.text}\n")


def _run_claims(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    for item in source.analyses():
        attributions = article_in_convention(item, args.convention).attributions
        if args.format == "jsonl":
            _write_jsonl(out, (attribution_record(a) for a in attributions))
            continue
        for a in attributions:
            speaker = a.speaker_name or (a.speaker.text if a.speaker else "?")
            cue = a.cue.text if a.cue else "-"
            out.write(f"{a.article_id}\t{speaker}\t{cue}\t{a.content.text}\n")


def _run_links(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    relations = args.relation or ()
    if source.store is not None and not args.all:
        links = source.store.links(*relations)  # read from its tables
    else:
        tracker = source.tracker()
        links = tracker.links(*relations, corroborated=not args.all)
    if args.format == "jsonl":
        records = (link_record(link) for link in links)
        if args.all:
            records = (
                {**record, **_kept_record(tracker, link)}
                for record, link in zip(records, links, strict=True)
            )
        _write_jsonl(out, records)
        return
    for link in links:
        held = ""
        if args.all:
            why = _kept_record(tracker, link)
            held = f"\t[{'kept' if why['kept'] else 'held back'}: {why['tie']['reason']}]"
        out.write(
            f"{link.relation}\t{link.score:.0f}\t{link.a.id}\t{link.b.id}\t"
            f"{word_diff(link.a.text, link.b.text)}{held}\n"
        )


def _kept_record(tracker: ClaimTracker, link: Link) -> dict[str, Any]:
    """Whether a link is kept (it stands alone, or its articles are tied), and the tie."""
    from claimtrack.stories import stands_alone

    tie = tracker.tie(link.a.article_id, link.b.article_id)
    alone = stands_alone(link)
    return {
        "kept": alone or tie.tied,
        "tie": {
            "tied": tie.tied,
            "reason": "the link stands alone" if alone and not tie.tied else tie.reason,
            "links": tie.links,
            "repetition": tie.repetition,
            "content": round(tie.content, 3),
            "names": round(tie.names, 3),
        },
    }


def _run_clusters(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    clusters = source.store.clusters() if source.store is not None else source.tracker().clusters()
    if args.format == "jsonl":
        _write_jsonl(out, (cluster_record(c) for c in clusters))
        return
    for cluster in clusters:
        origin = cluster.origin
        date = origin.date.isoformat() if origin.date else "undated"
        out.write(
            f"{cluster.id}\t{cluster.relation}\t{len(cluster.members)}\t{date}\t"
            f"{origin.outlet or origin.article_id}\t{len(cluster.outlets)}\t"
            f"{cluster.independent}\t{origin.text}\n"
        )


def _run_report(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    if args.format == "html" and args.output is None and out.isatty():
        raise _UsageError("--format html writes a web page: name its file with -o FILE")
    if source.store is not None:
        # clusters and links read from its tables: its claims are not taken back
        tracker: LinkedClaims = source.store
        analysis = source.store.analysis()
    else:
        tracker = source.tracker(keep_analyses=True)
        analysis = tracker.analysis()
    analysis = in_convention(analysis, args.convention)
    if args.format == "text":
        report = render_report(
            analysis, width=args.width, tracker=tracker, shown=args.members, limit=args.limit
        )
        text = report + "\n"
    else:
        from claimtrack.document import report_document

        document = report_document(analysis, tracker)
        if args.format == "json":
            text = json.dumps(document, ensure_ascii=False) + "\n"
        else:
            from claimtrack.page import render_html

            text = render_html(document)
    if args.output is None:
        out.write(text)
        return
    _write_file(Path(args.output), text)
    if args.format == "html" and not args.quiet:
        err.write(f"claimtrack: wrote {args.output}: open it in a web browser\n")


def _write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: into a file beside it, then
    renamed over it."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        # mkstemp makes a private file: give it the mode a new file gets, or the old one's
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _run_ingest(args: argparse.Namespace, source: _Source, out: IO[str], err: IO[str]) -> None:
    done = source.ingested
    assert done is not None and source.store is not None
    out.write(
        f"{source.args.db}: added {done.added}, replaced {done.replaced}, left unchanged "
        f"{done.unchanged}, skipped {len(source.articles.skipped) + len(done.duplicates)} "
        f"(bad input or duplicate ids); the store holds "
        f"{_plural(source.store.count('articles'), 'article')}\n"
    )


Runner = Callable[[argparse.Namespace, _Source, IO[str], IO[str]], None]


def main(
    argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; return the exit status.

    0 when all went well, 1 for bad input (or an unexpected error), 2 for a
    usage error (argparse exits with it), 130 when interrupted.  Errors are one
    line on ``err``; ``--debug`` shows the traceback of an unexpected one.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        out: Where results go (default: standard output).
        err: Where errors and progress go (default: standard error).
    """
    out = out if out is not None else _lenient(sys.stdout)
    err = err if err is not None else _lenient(sys.stderr)
    if argv is None:  # this process is the command: what it loads lives as long as it
        global _OWN_PROCESS
        _OWN_PROCESS = True
        freeze_bulk_loads()
        steady_heap()
    args = _build_parser().parse_args(argv)
    run: Runner = args.run
    store: ClaimStore | None = None
    engine = _Engine(args)
    try:
        engine.check()
        if not args.paths and (not args.db or args.command == "ingest"):
            needs = "PATHs to add" if args.command == "ingest" else "PATHs, or a store (--db FILE)"
            raise _UsageError(f"{args.command} needs {needs}")
        if args.db:
            from claimtrack.store import ClaimStore
        if args.db and args.paths and not args.learn:
            # into a store: articles are read, analysed and written a batch at a time
            stream = _stream(args)
            store = ClaimStore(args.db, analyzer=engine.analyzer(None), jobs=engine.jobs)
            progress = _Progress(0, "storing", err, not args.quiet and err.isatty())
            stages = _Stages(err, not args.quiet and err.isatty())

            def stored(done: int) -> None:
                progress.step(done)
                if _OWN_PROCESS:  # a batch is written: what it held goes back to the system
                    release_heap()

            try:
                ingested = store.add(stream, progress=stored, stages=stages)
            finally:
                progress.close()
                stages.close()
            articles = ArticleSet((), tuple(stream.skipped), tuple(stream.unread))
            if not stream.count:
                _report_input(articles, err)
                raise InputError(_nothing_read(args.paths, articles))
            source = _Source(args, articles, store, err)
            source.engine = engine
            source.ingested, source.read = ingested, stream.count
            for duplicate in ingested.duplicates:
                err.write(f"claimtrack: skipped: {duplicate}\n")
        else:
            articles = _read(args) if args.paths else ArticleSet(())
            if args.paths and not len(articles):
                _report_input(articles, err)
                raise InputError(_nothing_read(args.paths, articles))
            source = _Source(args, articles, None, err)
            source.engine = engine
            source.read = len(articles)
            if args.db:
                splitter = source._splitter()
                store = ClaimStore(
                    args.db,
                    splitter=splitter,
                    analyzer=engine.analyzer(splitter) if args.paths else None,
                    jobs=engine.jobs,
                )
                source.store = store
                if args.paths:
                    source.ingested = store.add(articles)
        run(args, source, out, err)
        out.flush()
    except _UsageError as exc:
        err.write(
            f"claimtrack {args.command}: error: {exc} (see claimtrack {args.command} --help)\n"
        )
        return 2
    except ClaimtrackError as exc:
        err.write(f"claimtrack: error: {exc}\n")
        return 1
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        _silence(out)
        return 0
    except KeyboardInterrupt:
        err.write("claimtrack: interrupted\n")
        return 130
    except OSError as exc:  # writing the output failed (a full disk...)
        if args.debug:
            raise
        err.write(f"claimtrack: error: cannot write the output: {exc.strerror or exc}\n")
        return 1
    except Exception as exc:
        if args.debug:
            raise
        err.write(
            f"claimtrack: internal error: {type(exc).__name__}: {exc} "
            "(a bug in claimtrack; --debug shows where)\n"
        )
        return 1
    finally:
        if store is not None:
            store.close()
        engine.close()
    _report_input(articles, err, source.read)
    return 0


class _UsageError(Exception):
    """A combination of arguments that cannot be run (exit status 2)."""


def _nothing_read(paths: Sequence[str], articles: ArticleSet) -> str:
    why = (
        "every file or record was bad"
        if articles.skipped
        else "no file holds an article (--glob chooses the files of folders)"
    )
    return f"no article could be read from {', '.join(paths)}: {why}"


def _lenient(stream: IO[str]) -> IO[str]:
    """A standard stream that writes characters its encoding lacks as '?' instead of failing."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")
    return stream


def _silence(out: IO[str]) -> None:
    """After a broken pipe, keep Python from failing again when it flushes at exit."""
    if out is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
