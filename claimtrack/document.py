"""The whole report as one JSON-ready document.

``claimtrack report --format json`` writes it, and the HTML page
(:mod:`claimtrack.page`) shows it: one source for both.  Its parts:

- ``overview``: counts of articles, outlets, sentences, claims, speakers,
  clusters by relation and conflicts, and the date range;
- ``speakers``: each canonical speaker with its type, the aliases it was
  written as, its claims per outlet, and each attributed claim;
- ``clusters``: each cluster, by reach (most outlets, then most independent
  reports, then most reports first), with its members on a timeline;
  every member but the origin is explained by its relation to its closest
  earlier report, with a word diff whose changed runs carry their change type;
- ``related``: claims of one speaker about one target that say different things;
- ``articles``: each article's text with its sentences (kind, dateline,
  boilerplate) and its attributions as character spans of ``text``.

Every offset indexes the article text exactly as read.

>>> import claimtrack
>>> tracker = claimtrack.ClaimTracker(keep_analyses=True)
>>> tracker.add(claimtrack.read_articles("seeds"))
>>> doc = report_document(tracker.analysis(), tracker)
>>> doc["overview"]["articles"], doc["overview"]["clusters"]
(2, {'repetition': 1, 'agreement': 3, 'drift': 1})
>>> drift = doc["clusters"][0]["members"][1]
>>> drift["relation"], [(run["op"], run["new"], run["type"]) for run in drift["diff"] if run["op"] != "equal"]
('drift', [('replace', 'hasnt elaborated', 'tense'), ('insert', 'atomic', 'inserted')])
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from claimtrack.analysis import Analysis, ArticleAnalysis
from claimtrack.attributions import Attribution, Role
from claimtrack.changes import Change
from claimtrack.claims import Claim
from claimtrack.clusters import Cluster, Link
from claimtrack.normalize import match_key
from claimtrack.report import conflict_records, diff_words, read_once, stated_inside
from claimtrack.tracker import LinkedClaims

__all__ = ["DOCUMENT_VERSION", "report_document"]

#: The version of the document's layout; it grows when a field changes meaning or goes.
DOCUMENT_VERSION = 1

_DIGITS = re.compile(r"\d")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _spans(role: Role | None) -> list[list[int]] | None:
    return None if role is None else [s.as_list() for s in role.spans]


def _claim_ref(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article": claim.article_id,
        "outlet": claim.outlet,
        "date": _iso(claim.date),
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
    }


def _change_record(change: Change) -> dict[str, Any]:
    return {"type": change.type, "a": list(change.a), "b": list(change.b)}


def _run_type(old: str, new: str, changes: Sequence[Change]) -> str:
    """The change type of a changed run of words: the change sharing most words with
    it (numbers by their digits), else ``wording``."""
    words = {match_key(w).strip(".,;:!?\"'") for w in f"{old} {new}".split()}
    digits = bool(_DIGITS.search(old + new))
    best, best_score = "wording", 0
    for change in changes:
        if change.type == "wording":
            continue
        shared = len(words & {match_key(w) for w in (*change.a, *change.b)})
        if not shared and digits and change.type == "number":
            shared = 1
        if shared > best_score:
            best, best_score = change.type, shared
    return best


def _diff(earlier: Claim, member: Claim, changes: Sequence[Change]) -> list[dict[str, str]]:
    return [
        {
            "op": op,
            "old": old,
            "new": new,
            "type": "" if op == "equal" else _run_type(old, new, changes),
        }
        for op, old, new in diff_words(earlier.text, member.text)
    ]


def _member(cluster: Cluster, k: int, seen_reports: set[str]) -> dict[str, Any]:
    member = cluster.members[k]
    report = cluster.reports[k] if cluster.reports else member.article_id
    record: dict[str, Any] = {
        **_claim_ref(member),
        "speakers": list(member.speakers),
        "report": report,
        "syndicated": report in seen_reports,
        "relation": None,
        "against": None,
        "score": None,
        "conflict": False,
        "changes": [],
        "diff": [],
    }
    seen_reports.add(report)
    link: Link | None = cluster.explain(member.id) if k else None
    if link is None:
        return record
    earlier = link.a if link.b.id == member.id else link.b
    record.update(
        relation=link.relation,
        against=earlier.id,
        score=round(link.score, 1),
        conflict=link.conflict,
        changes=[_change_record(c) for c in link.changes],
        diff=_diff(earlier, member, link.changes),
    )
    return record


def _cluster(cluster: Cluster) -> dict[str, Any]:
    seen: set[str] = set()
    members = [_member(cluster, k, seen) for k in range(len(cluster.members))]
    dates = [m.date for m in cluster.members if m.date is not None]
    return {
        "id": cluster.id,
        "relation": cluster.relation,
        "size": len(cluster.members),
        "outlets": list(cluster.outlets),
        "independent": cluster.independent,
        "first_date": _iso(min(dates)) if dates else None,
        "last_date": _iso(max(dates)) if dates else None,
        "speakers": list(dict.fromkeys(s for m in cluster.members for s in m.speakers)),
        "members": members,
        "conflicts": conflict_records(cluster),
    }


def _said(attribution: Attribution, item: ArticleAnalysis) -> dict[str, Any]:
    article = item.article
    return {
        "article": article.id,
        "outlet": article.source,
        "date": _iso(article.date),
        "speaker": attribution.speaker.text if attribution.speaker else None,
        "cue": attribution.cue.text if attribution.cue else None,
        "content": attribution.content.text,
        "start": attribution.content.start,
        "end": attribution.content.end,
        "pattern": attribution.pattern,
        "resolution": attribution.resolution,
    }


def _speakers(analysis: Analysis) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    item_of = {item.article.id: item for item in analysis.articles}
    speakers = []
    for name, attributions in analysis.by_speaker().items():
        types = Counter(a.speaker_type for a in attributions)
        aliases = Counter(a.speaker.text for a in attributions if a.speaker)
        outlets = Counter(
            item_of[a.article_id].article.source or a.article_id for a in attributions
        )
        speakers.append(
            {
                "name": name,
                "type": min(types.items(), key=lambda kv: (-kv[1], kv[0]))[0],
                "claims": len(attributions),
                "articles": len({a.article_id for a in attributions}),
                "aliases": [
                    {"text": text, "count": n}
                    for text, n in sorted(aliases.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
                "outlets": [
                    {"outlet": outlet, "claims": n}
                    for outlet, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))
                ],
                "said": [_said(a, item_of[a.article_id]) for a in attributions],
            }
        )
    unnamed = [_said(a, item_of[a.article_id]) for a in analysis.attributions if not a.speaker_name]
    return speakers, unnamed


def _article(item: ArticleAnalysis) -> dict[str, Any]:
    article = item.article
    return {
        "id": article.id,
        "outlet": article.source,
        "date": _iso(article.date),
        "title": article.title,
        "url": article.url,
        "text": article.text,
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "kind": kind,
                "dateline": s.dateline.as_list() if s.dateline else None,
                "boilerplate": s.boilerplate,
            }
            for s, kind in zip(item.sentences, item.kinds, strict=True)
        ],
        "attributions": [
            {
                "speaker": _spans(a.speaker),
                "cue": _spans(a.cue),
                "content": _spans(a.content),
                "speaker_name": a.speaker_name,
                "speaker_type": a.speaker_type,
                "kind": a.kind,
                "pattern": a.pattern,
                "resolution": a.resolution,
            }
            for a in item.attributions
        ],
    }


def report_document(analysis: Analysis, tracker: LinkedClaims) -> dict[str, Any]:
    """The report of ``analysis`` (who said what) and ``tracker`` (how its claims
    travel: a :class:`~claimtrack.tracker.ClaimTracker`, or a
    :class:`~claimtrack.store.ClaimStore`, read from its tables) as one JSON-ready
    dictionary (see the module's documentation)."""
    tracker = read_once(tracker)
    # by reach: the outlets that carry a claim, then its independent reports
    by_reach = sorted(
        tracker.clusters(), key=lambda c: (-len(c.outlets), -c.independent, -len(c.members))
    )
    clusters = [_cluster(c) for c in by_reach]
    speakers, unnamed = _speakers(analysis)
    articles = [item.article for item in analysis.articles]
    outlets = Counter(a.source for a in articles if a.source)
    dates = [a.date for a in articles if a.date is not None]
    by_relation = Counter(c["relation"] for c in clusters)
    related = [
        {"a": _claim_ref(link.a), "b": _claim_ref(link.b), "score": round(link.score, 1)}
        for _, _, link in tracker.related()
    ]
    inside = [
        {
            "a": _claim_ref(link.a),
            "b": _claim_ref(link.b),
            "relation": link.relation,
            "score": round(link.score, 1),
            "changes": [_change_record(c) for c in link.changes if c.type != "wording"],
        }
        for link in stated_inside(tracker)
    ]
    return {
        "claimtrack_report": DOCUMENT_VERSION,
        "overview": {
            "articles": len(articles),
            "outlets": [o for o, _ in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
            "first_date": _iso(min(dates)) if dates else None,
            "last_date": _iso(max(dates)) if dates else None,
            "sentences": sum(len(item.sentences) for item in analysis.articles),
            "attributions": len(analysis.attributions),
            "claims": tracker.claim_count,
            "speakers": len(speakers),
            "clusters": {r: by_relation[r] for r in ("repetition", "agreement", "drift")},
            "conflicts": sum(len(c["conflicts"]) for c in clusters),
            "related": len(related),
            "inside": len(inside),
        },
        "speakers": speakers,
        "unnamed": unnamed,
        "clusters": clusters,
        "related": related,
        "inside": inside,
        "articles": [_article(item) for item in analysis.articles],
    }
