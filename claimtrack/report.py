"""Pure renderers: turn claimtrack's results into text or JSON-ready records.

Nothing here reads files or prints; the command line writes what these return.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from claimtrack.analysis import Analysis, ArticleAnalysis
from claimtrack.articles import Article
from claimtrack.attributions import Attribution, Role, SentenceKind
from claimtrack.normalize import match_key
from claimtrack.sentences import Sentence

if TYPE_CHECKING:
    # only annotations: the commands that write sentences or claims need none of
    # the linking stages, and importing them would slow every start
    from claimtrack.changes import Change
    from claimtrack.claims import Claim
    from claimtrack.clusters import Cluster, Link
    from claimtrack.tracker import LinkedClaims

__all__ = [
    "attribution_record",
    "claim_record",
    "cluster_record",
    "conflict_records",
    "diff_words",
    "link_record",
    "render_report",
    "sentence_record",
    "stated_inside",
    "word_diff",
]


def sentence_record(sentence: Sentence, kind: SentenceKind | None = None) -> dict[str, Any]:
    """The JSON record of a sentence, as ``claimtrack sentences --format jsonl`` prints it.

    >>> from claimtrack.articles import Article
    >>> from claimtrack.sentences import split_sentences
    >>> art = Article(id="a", text="LONDON (AP) - It rained.")
    >>> sentence_record(split_sentences(art)[0], "unattributed")
    {'article': 'a', 'index': 0, 'start': 0, 'end': 24, 'text': 'LONDON (AP) - It rained.', 'dateline': [0, 14], 'boilerplate': False, 'kind': 'unattributed'}
    """
    record: dict[str, Any] = {
        "article": sentence.article_id,
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "dateline": sentence.dateline.as_list() if sentence.dateline else None,
        "boilerplate": sentence.boilerplate,
    }
    if kind is not None:
        record["kind"] = kind
    return record


def _role(role: Role | None, *, spans: bool = False) -> dict[str, Any] | None:
    if role is None:
        return None
    out: dict[str, Any] = {"text": role.text, "start": role.start, "end": role.end}
    if spans:
        out["spans"] = [s.as_list() for s in role.spans]
    return out


def attribution_record(attribution: Attribution) -> dict[str, Any]:
    """The JSON record of an attribution, as ``claimtrack claims --format jsonl`` prints it.

    >>> from claimtrack.articles import Article
    >>> from claimtrack.attributions import extract_attributions
    >>> art = Article(id="a", text="Officials said the bridge would reopen soon.")
    >>> record = attribution_record(extract_attributions(art)[0])
    >>> record["speaker"], record["speaker_name"], record["speaker_type"]
    ({'text': 'Officials', 'start': 0, 'end': 9}, 'Officials', 'group')
    >>> record["content"]
    {'text': 'the bridge would reopen soon', 'start': 15, 'end': 43, 'spans': [[15, 43]]}
    """
    return {
        "article": attribution.article_id,
        "sentence": attribution.sentence.as_list(),
        "kind": attribution.kind,
        "speaker": _role(attribution.speaker),
        "speaker_name": attribution.speaker_name,
        "speaker_type": attribution.speaker_type,
        "cue": _role(attribution.cue),
        "content": _role(attribution.content, spans=True),
        "pattern": attribution.pattern,
        "resolution": attribution.resolution,
        "continues": attribution.continues.as_list() if attribution.continues else None,
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    """The JSON record of a claim: where it stands and what it says."""
    return {
        "article": claim.article_id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "date": claim.date.isoformat() if claim.date else None,
        "outlet": claim.outlet,
    }


def _change_record(change: Change) -> dict[str, Any]:
    return {"type": change.type, "a": list(change.a), "b": list(change.b)}


def link_record(link: Link) -> dict[str, Any]:
    """The JSON record of a link, as ``claimtrack links --format jsonl`` prints it.

    >>> from claimtrack.claims import Claim
    >>> from claimtrack.clusters import ClaimIndex
    >>> a = Claim("x#0", "x", 0, 0, 30, "Russia sent two bombers to Belarus.")
    >>> b = Claim("y#0", "y", 0, 0, 41, "Russia sent three bombers to Belarus.")
    >>> record = link_record(ClaimIndex().add([a, b])[0])
    >>> record["relation"], record["changes"]
    ('drift', [{'type': 'number', 'a': ['2'], 'b': ['3']}])
    """
    return {
        "a": {
            k: v
            for k, v in claim_record(link.a).items()
            if k in ("article", "start", "end", "text")
        },
        "b": {
            k: v
            for k, v in claim_record(link.b).items()
            if k in ("article", "start", "end", "text")
        },
        "relation": link.relation,
        "score": round(link.score, 1),
        "conflict": link.conflict,
        "changes": [_change_record(c) for c in link.changes],
        "evidence": list(link.evidence),
        "basis": link.basis,
    }


def conflict_records(cluster: Cluster) -> list[dict[str, Any]]:
    """The JSON records of a cluster's conflicts: each kind with its values, the
    claims that carry each value and their outlets."""
    outlet_of = {m.id: m.outlet or m.article_id for m in cluster.members}
    return [
        {
            "kind": c.kind,
            "values": [
                {
                    "value": v,
                    "claims": list(ids),
                    "outlets": list(dict.fromkeys(outlet_of[i] for i in ids if i in outlet_of)),
                }
                for v, ids in c.values
            ],
        }
        for c in cluster.conflicts
    ]


def cluster_record(cluster: Cluster) -> dict[str, Any]:
    """The JSON record of a cluster, as ``claimtrack clusters --format jsonl`` prints it."""
    return {
        "id": cluster.id,
        "relation": cluster.relation,
        "origin": claim_record(cluster.origin),
        "members": [claim_record(m) for m in cluster.members],
        "relations": [link_record(link) for link in cluster.links],
        "outlets": list(cluster.outlets),
        "independent_reports": cluster.independent,
        "conflicts": conflict_records(cluster),
    }


def diff_words(a: str, b: str) -> list[tuple[str, str, str]]:
    """``a`` and ``b`` compared word by word: ``(op, old, new)`` runs, op ``equal``,
    ``replace``, ``delete`` or ``insert``, ``old`` the words of ``a`` (empty for an
    insertion) and ``new`` those of ``b`` (empty for a deletion).

    Words are compared by their matching keys, so case, quotes, apostrophes and
    hyphens alone do not show as changes.

    >>> diff_words("Prices rose in June.", "Prices fell in June, they said.")
    [('equal', 'Prices', 'Prices'), ('replace', 'rose', 'fell'), ('equal', 'in June.', 'in June,'), ('insert', '', 'they said.')]
    """
    from rapidfuzz.distance import Levenshtein  # here: the commands that need no diff start faster

    wa, wb = a.split(), b.split()
    ka = [match_key(w).strip(".,;:!?") for w in wa]
    kb = [match_key(w).strip(".,;:!?") for w in wb]
    return [
        (
            op.tag,
            " ".join(wa[op.src_start : op.src_end]),
            " ".join(wb[op.dest_start : op.dest_end]),
        )
        for op in Levenshtein.opcodes(ka, kb)
    ]


def word_diff(a: str, b: str) -> str:
    """``b`` written against ``a`` word by word: ``[-removed-]`` and ``{+added+}``
    (see :func:`diff_words`).

    >>> word_diff("He wouldnt elaborate on Russian weapons.", "He hasnt elaborated on Russian atomic weapons.")
    'He [-wouldnt elaborate-] {+hasnt elaborated+} on Russian {+atomic+} weapons.'
    """
    out: list[str] = []
    for tag, old, new in diff_words(a, b):
        if tag == "equal":
            out.append(new)
            continue
        if old:
            out.append(f"[-{old}-]")
        if new:
            out.append(f"{{+{new}+}}")
    return " ".join(out)


def _heading(article: Article) -> str:
    bits = [article.id]
    if article.title:
        bits.append(f"\u201c{article.title}\u201d")
    meta = ", ".join(str(x) for x in (article.source, article.date) if x)
    if meta:
        bits.append(f"({meta})")
    return " ".join(bits)


_KIND_TAGS = {"attributed": "[said]", "unattributed": "", "boilerplate": "[boilerplate]"}


def _fill(text: str, width: int, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        text,
        width=width,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_long_words=False,
    )


def _more(hidden: int, what: str) -> str:
    return f"  ... and {hidden} more {what}{'' if hidden == 1 else 's'} (--limit 0 shows all)"


def _where(article: Article | None, fallback: str) -> str:
    """Where a claim appeared, as a reader names it: outlet and date (the article's id
    when it has no outlet)."""
    if article is None:
        return fallback
    date = article.date.isoformat() if article.date else "undated"
    return f"{article.source or article.id} {date}"


def _said_line(a: Attribution, where: str, name: str | None, width: int) -> str:
    cue = a.cue.text if a.cue else "-"
    written = a.speaker.text if a.speaker else ""
    alias = f" [as \u201c{written}\u201d]" if written and name and written != name else ""
    body = f"{where}: {cue} \u2192 \u201c{a.content.text}\u201d{alias}"
    return _fill(body, width, "      ", "    - ")


def _who_said_what(analysis: Analysis, width: int, limit: int = 0) -> list[str]:
    lines = ["WHO SAID WHAT"]
    groups = analysis.by_speaker()
    if not groups:
        return [*lines, "  (no attributed claims found)"]
    article_of = {item.article.id: item.article for item in analysis.articles}
    shown = list(groups.items()) if limit <= 0 else list(groups.items())[:limit]
    for name, attributions in shown:
        articles = {a.article_id for a in attributions}
        kind = attributions[0].speaker_type
        n = len(attributions)
        lines.append(
            f"{name} ({kind}): {n} claim{'s' if n != 1 else ''} "
            f"in {len(articles)} article{'s' if len(articles) != 1 else ''}"
        )
        for a in attributions:
            where = _where(article_of.get(a.article_id), a.article_id)
            lines.append(_said_line(a, where, name, width))
    if len(shown) < len(groups):
        lines.append(_more(len(groups) - len(shown), "speaker"))
    unnamed = [a for a in analysis.attributions if not a.speaker_name]
    if unnamed:
        lines.append(f"unnamed sources: {len(unnamed)} claim{'s' if len(unnamed) != 1 else ''}")
        listed = unnamed if limit <= 0 else unnamed[:limit]
        for a in listed:
            where = _where(article_of.get(a.article_id), a.article_id)
            lines.append(_said_line(a, where, None, width))
        if len(listed) < len(unnamed):
            lines.append(_more(len(unnamed) - len(listed), "unnamed claim"))
    return lines


def _article_block(item: ArticleAnalysis, width: int) -> str:
    article = item.article
    lines = [f"== {_heading(article)}"]
    for sentence, kind in zip(item.sentences, item.kinds, strict=True):
        body = sentence.text
        marks = []
        if sentence.dateline is not None:
            marks.append(f"[dateline: {sentence.dateline.of(article.clean_text).strip()}]")
            body = article.clean_text[sentence.dateline.end : sentence.end]
        if _KIND_TAGS[kind]:
            marks.append(_KIND_TAGS[kind])
        prefix = f"{sentence.index + 1:4d}. "
        lines.append(_fill(" ".join([*marks, body]), width, " " * len(prefix), prefix))
    return "\n".join(lines)


def _claim_line(claim: Claim) -> str:
    date = claim.date.isoformat() if claim.date else "undated"
    return f"{date} {claim.outlet or claim.article_id}"


def stated_inside(tracker: LinkedClaims) -> list[Link]:
    """The links a tracker (or a store) believes that find a claim stated inside a
    longer one (basis ``part``) and that no cluster shows: a cluster holds one claim
    of an article, and the longer claim may be in a cluster with another ("almost
    certain to reject the demands" inside "... , demands the West has rejected").
    In :func:`~claimtrack.tracker.link_order`."""
    from claimtrack.tracker import link_order

    where = {m.id: c.id for c in tracker.clusters() for m in c.members}
    return sorted(
        (
            link
            for link in tracker.links()
            if link.basis == "part"
            and (link.a.id not in where or where.get(link.a.id) != where.get(link.b.id))
        ),
        key=link_order,
    )


class _ReadOnce:
    """A tracker or a store whose clusters and links are read once (a store reads
    them from its tables at each call)."""

    def __init__(self, source: LinkedClaims) -> None:
        self.source = source
        self._clusters: list[Cluster] | None = None
        self._links: dict[tuple[tuple[str, ...], bool], list[Link]] = {}

    def clusters(self) -> list[Cluster]:
        if self._clusters is None:
            self._clusters = self.source.clusters()
        return self._clusters

    def links(self, *relations: str, corroborated: bool = True) -> list[Link]:
        key = (relations, corroborated)
        if key not in self._links:
            self._links[key] = self.source.links(*relations, corroborated=corroborated)
        return self._links[key]

    def related(self) -> list[tuple[Cluster | Claim, Cluster | Claim, Link]]:
        from claimtrack.tracker import related_pairs

        return related_pairs(self.clusters(), self.links("related"))

    @property
    def claim_count(self) -> int:
        return self.source.claim_count


def read_once(source: LinkedClaims) -> LinkedClaims:
    """``source`` with its clusters and links read at most once, for a report that
    asks for them several times."""
    return source if isinstance(source, _ReadOnce) else _ReadOnce(source)


def _changes_text(changes: tuple[Change, ...]) -> str:
    parts = []
    for change in changes:
        if change.type == "wording":
            continue
        a = " ".join(change.a) or "\u2205"
        b = " ".join(change.b) or "\u2205"
        parts.append(f"{change.type}: \u201c{a}\u201d \u2192 \u201c{b}\u201d")
    return "; ".join(parts)


#: Members of a cluster, and values of a conflict, shown in a text report by default.
SHOWN = 10


def _how_claims_travel(
    tracker: LinkedClaims, width: int, shown: int = SHOWN, limit: int = 0
) -> list[str]:
    clusters = tracker.clusters()
    lines = [f"HOW CLAIMS TRAVEL ({len(clusters)} cluster{'s' if len(clusters) != 1 else ''})"]
    if not clusters:
        return [*lines, "  (no claim found in more than one article)"]
    for cluster in clusters if limit <= 0 else clusters[:limit]:
        origin = cluster.origin
        n = len(cluster.members)
        lines.append(
            f"[{cluster.relation.upper()}] {n} reports in {len(cluster.outlets)} outlet"
            f"{'s' if len(cluster.outlets) != 1 else ''} ({cluster.independent} independent); "
            f"first: {_claim_line(origin)}"
        )
        members = cluster.members if shown <= 0 else cluster.members[:shown]
        for i, member in enumerate(members):
            head = f"  {_claim_line(member)}: "
            if i == 0:
                lines.append(_fill(member.text, width, " " * 6, head))
                continue
            # each report against its closest earlier version, by a defined relation
            link = cluster.explain(member.id)
            if link is None:
                lines.append(_fill(member.text, width, " " * 6, head))
                continue
            earlier = link.a if link.b.id == member.id else link.b
            against = "" if earlier.id == origin.id else f" of {_claim_line(earlier)}"
            body = (
                member.text
                if link.relation == "agreement"
                else word_diff(earlier.text, member.text)
            )
            lines.append(_fill(f"({link.relation}{against}) {body}", width, " " * 6, head))
            if link is not None and link.relation == "drift":
                lines.append(_fill(_changes_text(link.changes), width, " " * 8, "      changes: "))
        if len(members) < n:
            rest = cluster.members[len(members) :]
            outlets = len({m.outlet or m.article_id for m in rest})
            lines.append(
                f"  ... and {n - len(members)} more report{'s' if n - len(members) != 1 else ''} "
                f"in {outlets} outlet{'s' if outlets != 1 else ''}, last "
                f"{_claim_line(rest[-1])}"
            )
        for conflict in cluster.conflicts:
            values = ", ".join(
                f"{v} ({len(ids)})"
                for v, ids in (conflict.values if shown <= 0 else conflict.values[:shown])
            )
            if 0 < shown < len(conflict.values):
                values += f", and {len(conflict.values) - shown} more"
            lines.append(_fill(f"conflicting {conflict.kind}s: {values}", width, " " * 6, "    ! "))
    if 0 < limit < len(clusters):
        lines.append(_more(len(clusters) - limit, "cluster"))
    inside = stated_inside(tracker)
    if inside:
        lines.append("")
        lines.append(
            f"STATED INSIDE LONGER REPORTS ({len(inside)}): a claim within another's sentence"
        )
        for link in inside if limit <= 0 else inside[:limit]:
            lines.append(_fill(f"{_claim_line(link.a)}: {link.a.text}", width, " " * 6, "  - "))
            body = f"({link.relation}) {link.b.text}"
            lines.append(_fill(f"{_claim_line(link.b)}: {body}", width, " " * 6, "    > "))
            if link.relation == "drift":
                lines.append(_fill(_changes_text(link.changes), width, " " * 8, "      changes: "))
        if 0 < limit < len(inside):
            lines.append(_more(len(inside) - limit, "claim"))
    related = tracker.related()
    if related:
        lines.append("")
        lines.append(f"RELATED CLAIMS ({len(related)}): the same speaker about the same target")
        for _, _, link in related if limit <= 0 else related[:limit]:
            lines.append(_fill(f"{_claim_line(link.a)}: {link.a.text}", width, " " * 6, "  - "))
            lines.append(_fill(f"{_claim_line(link.b)}: {link.b.text}", width, " " * 6, "    ~ "))
        if 0 < limit < len(related):
            lines.append(_more(len(related) - limit, "related pair"))
    return lines


def render_report(
    analysis: Analysis,
    *,
    width: int = 100,
    tracker: LinkedClaims | None = None,
    shown: int = SHOWN,
    limit: int = 0,
) -> str:
    """A human-readable report: who said what, how claims travel, each article's sentences.

    With a ``tracker`` (a :class:`~claimtrack.tracker.ClaimTracker`, or a
    :class:`~claimtrack.store.ClaimStore`, read from its tables), the clusters
    (timeline, word diffs with drift typed,
    conflicting details), the claims found stated inside a longer report that
    no cluster shows (:func:`stated_inside`) and related claims are shown after
    who said what;
    each cluster shows its first ``shown`` members and conflicting values (0:
    all), then how many more there are.  Each section (speakers, unnamed
    claims, clusters, related claims, articles) lists its first ``limit``
    entries (0: all), then how many more there are.

    Claims are placed by outlet and date (the article's id when it has no outlet).

    In the article listing ``[said]`` marks attributed sentences, and
    ``[dateline: ...]`` and ``[boilerplate]`` what they say.

    >>> from claimtrack.analysis import analyze
    >>> from claimtrack.articles import Article
    >>> art = Article(id="a", text="MOSCOW (AP) - The Kremlin said it would respond. "
    ...               "All rights reserved.", title="Rain")
    >>> print(render_report(analyze([art])))
    1 article, 2 sentences, 1 attributed claim from 1 source
    <BLANKLINE>
    WHO SAID WHAT
    Russia (government): 1 claim in 1 article
        - a undated: said → “it would respond” [as “The Kremlin”]
    <BLANKLINE>
    ARTICLES
    == a “Rain”
       1. [dateline: MOSCOW (AP) -] [said] The Kremlin said it would respond.
       2. [boilerplate] All rights reserved.
    """
    n_sentences = sum(len(item.sentences) for item in analysis.articles)
    n_articles = len(analysis.articles)
    claims = analysis.attributions
    n_sources = len(analysis.by_speaker())
    header = (
        f"{n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{n_sentences} sentence{'s' if n_sentences != 1 else ''}, "
        f"{len(claims)} attributed claim{'s' if len(claims) != 1 else ''} "
        f"from {n_sources} source{'s' if n_sources != 1 else ''}"
    )
    blocks = [header, "\n".join(_who_said_what(analysis, width, limit))]
    if tracker is not None:
        blocks.append("\n".join(_how_claims_travel(read_once(tracker), width, shown, limit)))
    items = analysis.articles if limit <= 0 else analysis.articles[:limit]
    blocks.append("ARTICLES")
    blocks[-1] += "\n" + "\n\n".join(_article_block(item, width) for item in items)
    if len(items) < len(analysis.articles):
        blocks[-1] += "\n\n" + _more(len(analysis.articles) - len(items), "article")
    return "\n\n".join(blocks)
