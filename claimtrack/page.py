"""The report as one self-contained HTML page.

:func:`render_html` turns a report document (:func:`claimtrack.document.report_document`)
into a single HTML file: inline CSS, JavaScript and SVG, no network access,
readable from a ``file://`` URL.  The page shows an overview, cluster cards
(relation, origin, independent reports and syndicated copies, an SVG timeline
of outlets over dates, each member's word diff against its closest earlier
version coloured by change type, conflicts with the outlets on each side),
speakers with their aliases and claims per outlet, related claims, and each
article with its sentences and attributions highlighted in place.  Filters
(free text, speaker, outlet, relation, dates) and paging run in plain
JavaScript.

Escaping: the page is rendered by Jinja2 with autoescaping, so every piece of
article text, title, name and outlet is escaped wherever it lands; links are
made only of ``http``/``https`` URLs; values given to the script are JSON in
single-quoted attributes (Jinja2's ``tojson``); and a Content-Security-Policy
lets only the page's own script and style (by their hashes) run, so even a
missed escape could run nothing.

>>> import claimtrack
>>> from claimtrack.document import report_document
>>> tracker = claimtrack.ClaimTracker(keep_analyses=True)
>>> tracker.add(claimtrack.read_articles("seeds"))
>>> page = render_html(report_document(tracker.analysis(), tracker))
>>> page.startswith("<!doctype html>"), "<ins" in page, "<svg" in page
(True, True, True)
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from claimtrack.normalize import clean_text

__all__ = ["CLUSTERS_PER_PAGE", "render_html", "safe_url"]

#: Cluster cards (and speakers, articles) shown per page.
CLUSTERS_PER_PAGE = 25

#: Members listed in a cluster card before the rest are folded away.
MEMBERS_SHOWN = 12

#: Outlets given a row of their own in a cluster's timeline; the rest share one.
TIMELINE_ROWS = 12

#: Members above which a timeline draws no line from a member to its earlier version.
TIMELINE_EDGES = 24

_ROLE_ORDER = ("dateline", "speaker", "cue", "content")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http or https URL a link may point to, else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    >>> safe_url(" JaVaScRiPt:alert(1)"), safe_url("//evil.example/x")
    (None, None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(c) < 32 or c in "\"'<> \\" for c in url.strip()):
        return None
    return url.strip()


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("claimtrack", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["safe_url"] = safe_url
    return env


@functools.cache
def _asset(name: str) -> str:
    return (
        resources.files("claimtrack")
        .joinpath("templates")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _pieces(
    text: str, start: int, end: int, marks: Sequence[tuple[int, int, str, int]]
) -> list[tuple[str, str, int]]:
    """``text[start:end]`` cut where marks begin or end: (classes, text, attribution)
    runs, classes the roles covering the run, attribution the index of the last
    attribution covering it (-1 for none)."""
    cuts = {start, end}
    inside = [m for m in marks if m[0] < end and m[1] > start]
    for s, e, _, _ in inside:
        cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        roles = {role for s, e, role, _ in inside if s <= a and b <= e}
        owner = max((k for s, e, role, k in inside if s <= a and b <= e and k >= 0), default=-1)
        classes = " ".join(r for r in _ROLE_ORDER if r in roles)
        out.append((classes, text[a:b], owner))
    return out


def _article_view(article: dict[str, Any]) -> dict[str, Any]:
    """An article's text as runs: the text between sentences, and each sentence cut
    into runs of dateline, speaker, cue and content."""
    text = clean_text(article["text"])
    marks: list[tuple[int, int, str, int]] = []
    for k, att in enumerate(article["attributions"]):
        for role in ("speaker", "cue", "content"):
            for s, e in att[role] or ():
                marks.append((s, e, role, k))
    for sentence in article["sentences"]:
        if sentence["dateline"]:
            s, e = sentence["dateline"]
            marks.append((s, e, "dateline", -1))
    parts: list[dict[str, Any]] = []
    at = 0
    for sentence in article["sentences"]:
        if sentence["start"] > at:
            parts.append({"gap": text[at : sentence["start"]]})
        parts.append(
            {
                "sentence": sentence,
                "runs": _pieces(text, sentence["start"], sentence["end"], marks),
            }
        )
        at = max(at, sentence["end"])
    if at < len(text):
        parts.append({"gap": text[at:]})
    speakers = sorted({a["speaker_name"] for a in article["attributions"] if a["speaker_name"]})
    return {"parts": parts, "speakers": speakers}


def _sentence_of(articles: Sequence[dict[str, Any]], position: dict[str, int]) -> Any:
    """A function giving the anchor of the sentence holding a claim (article id, offset)."""
    starts: dict[str, list[tuple[int, int]]] = {
        a["id"]: [(s["start"], s["index"]) for s in a["sentences"]] for a in articles
    }

    def anchor(article: str, offset: int) -> str | None:
        if article not in position:
            return None
        index = next((i for s, i in reversed(starts[article]) if s <= offset), 0)
        return f"a{position[article]}-s{index}"

    return anchor


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _timeline(cluster: dict[str, Any]) -> dict[str, Any]:
    """The geometry of a cluster's timeline: one row per outlet (the first
    :data:`TIMELINE_ROWS`), dates across; a dot per outlet, date and relation,
    sized by how many reports it stands for; lines from each member to the
    earlier version it is explained by."""
    members = cluster["members"]
    outlets = list(dict.fromkeys(m["outlet"] or m["article"] for m in members))
    rows = outlets[:TIMELINE_ROWS]
    rest = len(outlets) - len(rows)
    labels = [*rows, f"{rest} more outlet{'s' if rest != 1 else ''}"] if rest else rows
    row_of = {o: k for k, o in enumerate(rows)}
    width, left, right, top, row_h = 640, 150, 24, 10, 18
    dates = [d for m in members if (d := _day(m["date"])) is not None]
    undated = any(m["date"] is None for m in members)
    span_right = width - right - (50 if undated else 0)
    first, last = (min(dates), max(dates)) if dates else (None, None)
    days = (last - first).days if first and last else 0

    def x_of(day: dt.date | None) -> float:
        if day is None:
            return width - right - 20
        if first is None or days == 0:
            return (left + span_right) / 2
        return left + 10 + (span_right - left - 20) * (day - first).days / days

    def y_of(member: dict[str, Any]) -> float:
        row = row_of.get(member["outlet"] or member["article"], len(rows))
        return top + row * row_h + row_h / 2

    groups: dict[tuple[float, float, str], list[dict[str, Any]]] = defaultdict(list)
    for k, m in enumerate(members):
        kind = "origin" if k == 0 else (m["relation"] or "origin")
        groups[(x_of(_day(m["date"])), y_of(m), kind)].append(m)
    dots = []
    shift: Counter[tuple[float, float]] = Counter()
    for (x, y, kind), held in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        n = len(held)
        offset = shift[(x, y)] * 7
        shift[(x, y)] += 1
        outlets_here = ", ".join(dict.fromkeys(m["outlet"] or m["article"] for m in held))
        when = held[0]["date"] or "undated"
        label = "first report" if kind == "origin" else kind
        dots.append(
            {
                "x": round(x + offset, 1),
                "y": y,
                "r": 5 if n == 1 else min(10, 5 + n.bit_length()),
                "kind": kind,
                "title": f"{outlets_here}, {when}: {n} report{'s' if n != 1 else ''} ({label})",
            }
        )
    position = {m["id"]: k for k, m in enumerate(members)}
    edges = []
    if len(members) <= TIMELINE_EDGES:
        for m in members[1:]:
            earlier = members[position[m["against"]]] if m["against"] in position else None
            if earlier is None:
                continue
            edges.append(
                {
                    "x1": round(x_of(_day(earlier["date"])), 1),
                    "y1": y_of(earlier),
                    "x2": round(x_of(_day(m["date"])), 1),
                    "y2": y_of(m),
                    "kind": m["relation"],
                }
            )
    height = top + len(labels) * row_h + 26
    ticks: list[tuple[float, str]] = []
    if first is not None and last is not None:
        ticks.append((x_of(first), first.isoformat()))
        if days >= 2:
            middle = first + dt.timedelta(days=days // 2)
            ticks.append((x_of(middle), middle.isoformat()))
        if days:
            ticks.append((x_of(last), last.isoformat()))
    if undated:
        ticks.append((x_of(None), "undated"))
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "axis": top + len(labels) * row_h + 4,
        "rows": [
            {"label": label, "y": top + k * row_h + row_h / 2} for k, label in enumerate(labels)
        ],
        "dots": dots,
        "edges": edges,
        "ticks": [{"x": round(x, 1), "label": label} for x, label in ticks],
    }


def _earlier_texts(cluster: dict[str, Any]) -> list[str]:
    """For each member, the text of the earlier version it is explained by ('' for none)."""
    text_of = {m["id"]: m["text"] for m in cluster["members"]}
    return [text_of.get(m["against"], "") for m in cluster["members"]]


def _options(document: dict[str, Any]) -> dict[str, list[str]]:
    outlets = list(document["overview"]["outlets"])
    outlets += sorted(
        {a["id"] for a in document["articles"] if not a["outlet"]}
        | {m["article"] for c in document["clusters"] for m in c["members"] if not m["outlet"]}
    )
    return {
        "speakers": sorted(s["name"] for s in document["speakers"]),
        "outlets": list(dict.fromkeys(outlets)),
    }


def render_html(document: dict[str, Any], *, title: str | None = None) -> str:
    """The report ``document`` as one self-contained HTML page (see the module).

    Args:
        document: What :func:`claimtrack.document.report_document` returns.
        title: The page's title (default: a summary of what it covers).
    """
    overview = document["overview"]
    articles = document["articles"]
    position = {a["id"]: k for k, a in enumerate(articles)}
    script, style = _asset("report.js"), _asset("report.css")
    if title is None:
        n = overview["articles"]
        title = f"claimtrack report: {n} article{'s' if n != 1 else ''}"
        if overview["first_date"]:
            span = overview["first_date"]
            if overview["last_date"] != overview["first_date"]:
                span += f" to {overview['last_date']}"
            title += f", {span}"
    template = _environment().get_template("report.html")
    return template.render(
        title=title,
        doc=document,
        overview=overview,
        clusters=document["clusters"],
        timelines=[_timeline(c) for c in document["clusters"]],
        earlier=[_earlier_texts(c) for c in document["clusters"]],
        speakers=document["speakers"],
        unnamed=document["unnamed"],
        related=document["related"],
        inside=document["inside"],
        articles=articles,
        article_views=[_article_view(a) for a in articles],
        position=position,
        anchor=_sentence_of(articles, position),
        options=_options(document),
        per_page=CLUSTERS_PER_PAGE,
        members_shown=MEMBERS_SHOWN,
        style=Markup(style),
        script=Markup(script),
        csp=f"default-src 'none'; img-src data:; style-src {_csp_hash(style)}; "
        f"script-src {_csp_hash(script)}; base-uri 'none'; form-action 'none'",
    )
