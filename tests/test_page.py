"""The HTML report: its content on the seeds, escaping of hostile articles, size, and a
real browser (headless Chromium) opening it."""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import Browser, find_chromium, png_pixels
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from piles import news_pile

from claimtrack.articles import Article, read_articles
from claimtrack.cli import main
from claimtrack.document import report_document
from claimtrack.page import render_html
from claimtrack.tracker import ClaimTracker

ROOT = Path(__file__).resolve().parent.parent

#: Every element the page is made of; anything else in a page is an injection.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "nav", "a", "form",
    "label", "input", "select", "option", "button", "noscript", "p", "main", "section", "dl",
    "div", "dt", "dd", "span", "article", "q", "svg", "text", "line", "circle", "ol", "li",
    "time", "strong", "del", "ins", "details", "summary", "ul", "code", "mark", "footer",
    "script",
}  # fmt: skip

VOID = {"meta", "input", "line"}


class Page(HTMLParser):
    """A parsed page: its elements (tag, attributes, text inside), checked to nest."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.open: list[tuple[str, list[str]]] = []
        self.feed(html)
        self.close()
        assert not self.open, [t for t, _ in self.open]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, dict(attrs), text))
        if tag not in VOID:
            self.open.append((tag, text))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1][0] == tag, (tag, [t for t, _ in self.open[-3:]])
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for _, text in self.open:
            text.append(data)

    def find(self, tag: str, **attrs: str) -> list[tuple[dict[str, str | None], str]]:
        """Elements of ``tag`` whose attributes include ``attrs`` (class: one of its classes)."""
        out = []
        for name, have, text in self.elements:
            if name != tag:
                continue
            ok = True
            for key, value in attrs.items():
                key = key.rstrip("_")
                got = have.get(key)
                if key == "class":
                    ok = ok and got is not None and value in got.split()
                else:
                    ok = ok and got == value
            if ok:
                out.append((have, "".join(text)))
        return out


def build_page(articles: list[Article]) -> tuple[dict[str, Any], str]:
    """The report document of ``articles`` and its page."""
    tracker = ClaimTracker(keep_analyses=True)
    tracker.add(articles)
    document = report_document(tracker.analysis(), tracker)
    return document, render_html(document)


@pytest.fixture(scope="module")
def seeds_page() -> tuple[dict[str, Any], str]:
    return build_page(read_articles(ROOT / "seeds"))


def test_seeds_page_shows_speakers_drift_and_timeline(
    seeds_page: tuple[dict[str, Any], str],
) -> None:
    document, html = seeds_page
    page = Page(html)
    # who said what: canonical speakers with the aliases they were written as
    speakers = [" ".join(text.split()) for _, text in page.find("details", class_="speaker")]
    lukashenko = next(text for text in speakers if text.startswith("Alexander Lukashenko"))
    assert "The Belarusian leader" in lukashenko and "infotel.ca" in lukashenko
    russia = next(text for text in speakers if text.startswith("Russia "))
    assert "Moscow" in russia and "government" in russia
    # the drift card: "atomic" inserted, the tense changed, each run typed
    inserted = [text for _, text in page.find("ins", class_="t-inserted")]
    assert "atomic" in inserted
    assert [t for _, t in page.find("del", class_="t-tense")] == ["wouldnt elaborate"]
    cards = page.find("article", class_="card")
    assert len(cards) == len(document["clusters"]) == 5
    assert cards[0][0]["data-relation"] == "drift"
    assert json.loads(cards[0][0]["data-outlets"] or "") == ["infotel.ca", "mynorthwest.com"]
    # both seeds are one AP story: one independent report, the later one a syndicated copy
    assert "1 independent, 1 syndicated copy" in " ".join(cards[0][1].split())
    # a timeline per card: a row per outlet, a dot per report, dates on its axis
    assert len(page.find("svg", class_="timeline")) == 5
    rows = [text for _, text in page.find("text", class_="row")]
    assert rows[:2] == ["infotel.ca", "mynorthwest.com"]
    ticks = [text for _, text in page.find("text", class_="tick")]
    assert "2021-11-18" in ticks and "2021-11-29" in ticks
    assert len(page.find("circle", class_="dot")) == sum(c["size"] for c in document["clusters"])
    # the overview counts, and each article's attributions highlighted in place
    assert page.find("h1")[0][1].startswith("claimtrack report: 2 articles, 2021-11-18")
    speakers_marked = [text for _, text in page.find("mark", class_="speaker")]
    assert "Moscow" in speakers_marked and "The EU" in speakers_marked
    assert any("MOSCOW" in text for _, text in page.find("mark", class_="dateline"))
    assert page.find("span", class_="k-boilerplate")
    # the prediction become a fact, found inside a longer sentence, listed apart
    (inside,) = page.find("section", id="inside")
    text = " ".join(inside[1].split())
    assert "almost certain to reject Moscow's demands" in text
    assert "(drift) Russia has denied" in text and "certainty" in text
    assert document["overview"]["inside"] == len(document["inside"]) == 1


def test_member_links_lead_to_their_sentence(seeds_page: tuple[dict[str, Any], str]) -> None:
    """Each "article" link of a card points at a sentence holding that claim's text."""
    document, html = seeds_page
    page = Page(html)
    ids = {attrs["id"]: text for _, attrs, text in page.elements if attrs.get("id")}
    links = [a["href"] for a, _ in page.find("a", class_="goto")]
    assert links
    for card in document["clusters"]:
        for member in card["members"]:
            article = [a["id"] for a in document["articles"]].index(member["article"])
            target = next(
                h
                for h in links
                if h
                and h.startswith(f"#a{article}-s")
                and member["text"][:40] in "".join(ids[h[1:]])
            )
            assert target


def test_page_is_the_json_document(tmp_path: Path, seeds_page: tuple[dict[str, Any], str]) -> None:
    """`report --format json` writes the document the page shows; -o writes files whole."""
    document, html = seeds_page
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["report", str(ROOT / "seeds"), "--format", "json", "--quiet"], out=out, err=err) == 0
    )
    assert json.loads(out.getvalue()) == json.loads(json.dumps(document))
    target = tmp_path / "report.html"
    assert (
        main(
            ["report", str(ROOT / "seeds"), "--format", "html", "-o", str(target)], out=out, err=err
        )
        == 0
    )
    assert target.read_text(encoding="utf-8") == html
    assert f"wrote {target}" in err.getvalue()
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not a private file
    err = io.StringIO()
    missing = tmp_path / "no" / "such" / "report.html"
    code = main(
        ["report", str(ROOT / "seeds"), "--format", "html", "-o", str(missing)], out=out, err=err
    )
    assert code == 1 and err.getvalue().startswith("claimtrack: error: cannot write the output")
    assert len(err.getvalue().splitlines()) == 1


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "'><iframe src=javascript:alert(4)>",
    "</textarea></title></style></script><b>bold</b>",
    "{{ 7*7 }} {% if 1 %}x{% endif %} &amp; &lt;",
    "\u2028\u2029<!-- -->]]>",
]


def hostile_articles() -> list[Article]:
    out = []
    for k, payload in enumerate(HOSTILE):
        out.append(
            Article(
                id=f"evil{k}{payload}",
                text=f"{payload} Officials said the bridge {payload} would reopen soon. "
                f'"{payload}," {payload} Smith said. Prices rose {k} percent, the ministry said.',
                title=f"Title {payload}",
                source=f"Outlet {payload}",
                url=[
                    "javascript:alert(5)",
                    f"https://example.org/{payload}",
                    " JavaScript:x",
                    "data:text/html,<script>alert(6)</script>",
                    'http://a.example/"onmouseover=x',
                ][k % 5],
                date=f"2021-11-{10 + k}",
            )
        )
    return out


def assert_inert(html: str) -> Page:
    """Nothing in ``html`` can run but the page's own script: only its elements, no
    event handler, no link that is not http(s), one script, under a strict policy."""
    page = Page(html)
    tags = {tag for tag, _, _ in page.elements}
    assert tags <= ELEMENTS, tags - ELEMENTS
    assert len(page.find("script")) == 1
    for tag, attrs, _ in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert value is not None
                assert value.startswith(("#", "https://", "http://")), (tag, name, value)
    policy = page.find("meta", **{"http-equiv": "Content-Security-Policy"})[0][0]["content"] or ""
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", policy)
    return page


def test_hostile_articles_cannot_inject_anything() -> None:
    page = assert_inert(build_page(hostile_articles())[1])
    # the payloads are shown, as text
    shown = "".join(next(text for tag, _, text in page.elements if tag == "body"))
    for payload in HOSTILE[:5]:
        assert payload in shown
    assert "javascript:" not in " ".join(a.get("href") or "" for a, _ in page.find("a"))
    assert "{{ 7*7 }}" in shown  # article text is never evaluated as a template


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("<>&\"'=/ ;:`{}!-?xX\u2028\n")), min_size=1, max_size=40),
    st.text(min_size=1, max_size=30),
)
def test_any_article_text_stays_inert(payload: str, other: str) -> None:
    """Whatever the article holds, the page holds only its own elements and script."""
    articles = [
        Article(id=f"a{payload}", text=f"{payload} Officials said {payload} would {other}.",
                title=payload, source=other, url=payload, date="2021-01-01"),
        Article(id="b", text=f"Officials said {payload} would {other}.", source=payload),
    ]  # fmt: skip
    assert_inert(build_page(articles)[1])


@pytest.fixture(scope="module")
def big_page() -> tuple[dict[str, Any], str]:
    return build_page(news_pile(200))


def test_two_hundred_articles_stay_under_ten_megabytes(
    big_page: tuple[dict[str, Any], str],
) -> None:
    document, html = big_page
    assert document["overview"]["articles"] == 200
    assert len(document["clusters"]) > 25  # more than a page of cards
    size = len(html.encode("utf-8"))
    assert size <= 10 * 1024 * 1024, size
    page = Page(html)
    cards = page.find("article", class_="card")
    # only the first page of cards is shown before the script pages the rest
    assert sum(1 for attrs, _ in cards if "hidden" not in attrs) == 25


# --- a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (.ci/run installs the Debian package)")
        pytest.skip(
            "no Chromium or Chrome found (install the Debian package chromium, or set $CHROMIUM)"
        )
    with Browser(executable) as opened:
        yield opened


def visible(browser: Browser, selector: str) -> int:
    return int(
        browser.evaluate(
            f"Array.prototype.filter.call(document.querySelectorAll({json.dumps(selector)}),"
            " function (el) { return el.offsetParent !== null; }).length"
        )
    )


def choose(browser: Browser, name: str, value: str) -> None:
    browser.evaluate(
        f"(function () {{ var el = document.querySelector('#filters [name={name}]');"
        f" el.value = {json.dumps(value)};"
        " el.dispatchEvent(new Event('input', {bubbles: true})); return true; }())"
    )


def not_blank(png: bytes) -> float:
    """The share of pixels that are not the page's background colour."""
    width, height, rows = png_pixels(png)
    step = len(rows[0]) // width
    background = rows[0][:step]
    other = sum(
        1
        for row in rows[::4]
        for x in range(0, len(row), step * 4)
        if row[x : x + step] != background
    )
    return other / ((height // 4 + 1) * (width // 4 + 1))


def show(browser: Browser, path: Path, html: str) -> None:
    """Open ``html`` in the browser from a file, as a user would."""
    path.write_text(html, encoding="utf-8")
    browser.open(path.as_uri())


def test_seeds_page_in_a_browser(
    browser: Browser, tmp_path: Path, seeds_page: tuple[dict[str, Any], str]
) -> None:
    show(browser, tmp_path / "seeds.html", seeds_page[1])
    assert visible(browser, ".card") == 5
    choose(browser, "relation", "drift")
    assert visible(browser, ".card") == 1
    assert (
        browser.evaluate("document.querySelector('.card:not([hidden]) ins.t-inserted').textContent")
        == "atomic"
    )
    choose(browser, "relation", "")
    choose(browser, "outlet", "mynorthwest.com")
    assert visible(browser, ".card") == 5 and visible(browser, "details.article") == 1
    choose(browser, "outlet", "")
    choose(browser, "q", "nuclear")
    assert 0 < visible(browser, ".card") < 5
    choose(browser, "q", "")
    choose(browser, "from", "2021-11-20")
    assert visible(browser, "details.article") == 1
    browser.evaluate("document.getElementById('filters').reset(), true")
    browser.evaluate("new Promise(function (done) { setTimeout(done, 50); })")
    assert visible(browser, "details.article") == 2
    # an "article" link opens the article at the claim's sentence
    target = browser.evaluate("document.querySelector('a.goto').getAttribute('href')")
    browser.evaluate(f"location.hash = {json.dumps(target)}; true")
    browser.evaluate("new Promise(function (done) { setTimeout(done, 50); })")
    assert browser.evaluate(
        f"document.getElementById({json.dumps(target[1:])}).closest('details').open"
    )
    shot = browser.screenshot(tmp_path / "seeds.png")
    assert not_blank(shot) > 0.05
    assert browser.errors == []


def test_big_page_in_a_browser(
    browser: Browser, tmp_path: Path, big_page: tuple[dict[str, Any], str]
) -> None:
    document, html = big_page
    show(browser, tmp_path / "big.html", html)
    assert visible(browser, ".card") == 25
    pages = -(-len(document["clusters"]) // 25)
    assert browser.evaluate("document.querySelector('[data-pager=clusters]').textContent").endswith(
        f"page 1 of {pages}next \u2192"
    )
    browser.evaluate("document.querySelectorAll('[data-pager=clusters] button')[1].click(), true")
    assert visible(browser, ".card") == min(25, len(document["clusters"]) - 25)
    choose(browser, "speaker", "Anna Berg")
    shown = visible(browser, ".card")
    wanted = sum(1 for c in document["clusters"] if "Anna Berg" in c["speakers"])
    assert shown == min(wanted, 25)
    assert not_blank(browser.screenshot(tmp_path / "big.png")) > 0.05
    assert browser.errors == []


def test_page_from_a_store(tmp_path: Path, seeds_page: tuple[dict[str, Any], str]) -> None:
    """`report --db FILE --format html` shows what the store holds: the same page."""
    document, html = seeds_page
    db = str(tmp_path / "claims.db")
    out, err = io.StringIO(), io.StringIO()
    assert main(["ingest", str(ROOT / "seeds"), "--db", db, "--quiet"], out=out, err=err) == 0
    out = io.StringIO()
    assert main(["report", "--db", db, "--format", "json"], out=out, err=err) == 0, err.getvalue()
    stored = json.loads(out.getvalue())
    assert stored["overview"] == document["overview"]
    assert [c["members"] for c in stored["clusters"]] == [
        c["members"] for c in document["clusters"]
    ]
    out = io.StringIO()
    assert main(["report", "--db", db, "--format", "html"], out=out, err=err) == 0
    assert out.getvalue() == html


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_page_is_not_written_on_a_terminal() -> None:
    """`--format html` on a terminal asks for a file instead of printing the page."""
    out, err = Terminal(), io.StringIO()
    code = main(["report", str(ROOT / "seeds"), "--format", "html"], out=out, err=err)
    assert code == 2 and out.getvalue() == ""
    assert err.getvalue().startswith("claimtrack report: error: --format html writes a web page")
