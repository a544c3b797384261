"""Screenshots of the HTML report for docs/report.md, and the figures beside them.

Usage::

    python bench/screenshots.py --out docs/img --polnear ../shared/data/polnear/train.jsonl

Writes ``report-seeds.png`` (the seeds report: overview and the first cluster
card), ``report-200.png`` and ``report-200-cards.png`` (a report of 200
made-up articles, ``tests/piles.py``: overview, then a page of cluster cards
filtered to one speaker) and ``report-200-article.png`` (one of its articles
opened, attributions highlighted), and prints for each report the time to
build it, the page's size and what it holds.  With ``--polnear``, it also
builds (and describes, without pictures: the corpus stays out of the
repository) the report of the 200 PolNeAR articles published last, so that
their stories overlap.  Needs Chromium (Debian package ``chromium``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from corpora import polnear_articles

import claimtrack
from claimtrack.document import report_document
from claimtrack.page import render_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import Browser, find_chromium
from piles import news_pile

ROOT = Path(__file__).resolve().parent.parent


def build(articles: list[claimtrack.Article]) -> tuple[str, dict[str, object], float]:
    start = time.perf_counter()
    tracker = claimtrack.ClaimTracker(keep_analyses=True)
    tracker.add(articles)
    document = report_document(tracker.analysis(), tracker)
    html = render_html(document)
    return html, document, time.perf_counter() - start


def describe(name: str, html: str, document: dict[str, object], seconds: float) -> None:
    overview = document["overview"]
    assert isinstance(overview, dict)
    print(
        f"{name}: {overview['articles']} articles, {len(overview['outlets'])} outlets, "
        f"{overview['claims']} claims, {overview['attributions']} attributions, "
        f"{overview['speakers']} speakers, clusters {overview['clusters']}, "
        f"{overview['conflicts']} conflicts; page {len(html.encode('utf-8')) / 1e6:.2f} MB, "
        f"built in {seconds:.1f} s"
    )


def shoot(browser: Browser, html: str, folder: Path, shots: dict[str, str]) -> list[str]:
    """Open ``html`` and take each screenshot after running its script; the errors seen."""
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        browser.open(page.as_uri())
        for name, script in shots.items():
            browser.evaluate(script)
            browser.evaluate("new Promise(function (done) { setTimeout(done, 100); })")
            browser.screenshot(folder / name)
    return browser.errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", help="PolNeAR JSON Lines (train.jsonl), described only")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "docs" / "img"))
    args = parser.parse_args()
    executable = find_chromium()
    if executable is None:
        parser.error("no Chromium found: apt-get install chromium, or set $CHROMIUM")
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)

    seeds_html, seeds_doc, seconds = build(claimtrack.read_articles(ROOT / "seeds"))
    describe("seeds", seeds_html, seeds_doc, seconds)
    pile_html, pile_doc, seconds = build(news_pile(args.articles))
    describe(f"made-up pile of {args.articles}", pile_html, pile_doc, seconds)
    if args.polnear:
        dated = sorted(
            (a for a in polnear_articles(args.polnear) if a.date), key=lambda a: (a.date, a.id)
        )
        real = dated[-args.articles :]
        real_html, real_doc, seconds = build(real)
        describe(f"PolNeAR, the last {len(real)}", real_html, real_doc, seconds)

    with Browser(executable, width=1200, height=1300) as browser:
        errors = shoot(
            browser, seeds_html, folder, {"report-seeds.png": "window.scrollTo(0, 0), true"}
        )
    with Browser(executable, width=1200, height=1300) as browser:
        errors += shoot(
            browser,
            pile_html,
            folder,
            {
                "report-200.png": "window.scrollTo(0, 0), true",
                "report-200-cards.png": "(function () { var s = document.querySelector("
                "'#filters [name=speaker]'); s.value = s.options[1].value; s.dispatchEvent("
                "new Event('change', {bubbles: true})); document.getElementById('clusters')"
                ".scrollIntoView(); return true; }())",
                "report-200-article.png": "(function () { var a = document.querySelector("
                "'details.article:not([hidden])'); a.open = true; a.scrollIntoView(); return true; }())",
            },
        )
    for error in errors:
        print(f"JavaScript error: {error}")
    print(f"wrote {', '.join(sorted(p.name for p in folder.glob('report-*.png')))} in {folder}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
