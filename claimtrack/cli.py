"""The ``claimtrack`` command line: a thin shell over the Python API.

Every command reads articles from files, directories or glob patterns (see
:func:`claimtrack.articles.read_articles`).  Errors in the input are reported
as ``claimtrack: error: <file>:<line>: <what is wrong>`` with exit status 1;
with ``--skip-bad`` bad files are left out and listed on standard error at the
end.  Progress goes to standard error when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from claimtrack import __version__
from claimtrack.articles import Article, ArticleSet, read_articles
from claimtrack.exceptions import ClaimtrackError
from claimtrack.report import render_report, sentence_record
from claimtrack.sentences import Sentence, SentenceSplitter

__all__ = ["main"]


class _Progress:
    """Report ``done/total`` on a terminal at most once a second."""

    def __init__(self, total: int, label: str, stream: IO[str], enabled: bool) -> None:
        self.total, self.label, self.stream = total, label, stream
        self.enabled = enabled and total > 0
        self.last = time.monotonic()
        self.shown = False

    def step(self, done: int) -> None:
        now = time.monotonic()
        if self.enabled and now - self.last >= 1.0:
            self.last, self.shown = now, True
            self.stream.write(f"\r{self.label}: {done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 40 + "\r")
            self.stream.flush()


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, directories or glob patterns"
    )
    parser.add_argument(
        "--input-format",
        choices=["auto", "seed", "jsonl", "text"],
        default="auto",
        help="how to read files: auto (by extension: .jsonl is JSON Lines, others the seed "
        "format), seed, jsonl, or text (plain body, no header) (default: auto)",
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out files that cannot be read and list them at the end "
        "(default: stop at the first bad file)",
    )
    parser.add_argument(
        "--learn",
        action="store_true",
        help="let the sentence splitter also learn abbreviations from the articles read",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Track claims across news reports: who said what, and how claims travel.",
    )
    parser.add_argument("--version", action="version", version=f"claimtrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    sentences = commands.add_parser(
        "sentences",
        help="split articles into sentences",
        description="Split articles into sentences. With --format jsonl, print one JSON object "
        "per sentence: article, index, start, end (offsets into the article text), text, "
        "dateline ([start, end] or null) and boilerplate.",
    )
    _add_input_options(sentences)
    sentences.add_argument(
        "--format",
        choices=["text", "jsonl"],
        default="text",
        help="output format (default: text, one sentence a line)",
    )
    sentences.set_defaults(run=_run_sentences)

    report = commands.add_parser(
        "report",
        help="the main job: a readable report of the articles",
        description="Print a human-readable report of the articles: their sentences, with "
        "datelines and boilerplate marked.",
    )
    _add_input_options(report)
    report.add_argument(
        "--width", type=int, default=100, help="wrap lines at this width (default: 100)"
    )
    report.set_defaults(run=_run_report)
    return parser


def _read(args: argparse.Namespace) -> ArticleSet:
    return read_articles(
        *args.paths,
        format=args.input_format,
        on_error="skip" if args.skip_bad else "raise",
    )


def _split_all(
    args: argparse.Namespace, articles: ArticleSet, err: IO[str]
) -> Iterator[tuple[Article, tuple[Sentence, ...]]]:
    splitter = SentenceSplitter.default()
    if args.learn:
        splitter = splitter.learn(article.text for article in articles)
    progress = _Progress(len(articles), "splitting", err, not args.quiet and err.isatty())
    for done, article in enumerate(articles, start=1):
        yield article, splitter.split(article)
        progress.step(done)
    progress.close()


def _run_sentences(
    args: argparse.Namespace, articles: ArticleSet, out: IO[str], err: IO[str]
) -> None:
    for article, sentences in _split_all(args, articles, err):
        for sentence in sentences:
            if args.format == "jsonl":
                out.write(json.dumps(sentence_record(sentence), ensure_ascii=False) + "\n")
            else:
                out.write(f"{article.id}\t{sentence.index}\t{sentence.text}\n")


def _run_report(args: argparse.Namespace, articles: ArticleSet, out: IO[str], err: IO[str]) -> None:
    out.write(render_report(list(_split_all(args, articles, err)), width=args.width) + "\n")


Runner = Callable[[argparse.Namespace, ArticleSet, IO[str], IO[str]], None]


def main(
    argv: Sequence[str] | None = None, *, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        out: Where results go (default: standard output).
        err: Where errors and progress go (default: standard error).
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    args = _build_parser().parse_args(argv)
    run: Runner = args.run
    try:
        articles = _read(args)
        run(args, articles, out, err)
    except ClaimtrackError as exc:
        err.write(f"claimtrack: error: {exc}\n")
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
    if articles.skipped:
        err.write(f"claimtrack: skipped {len(articles.skipped)} bad file(s):\n")
        for problem in articles.skipped:
            err.write(f"  {problem}\n")
    return 0
