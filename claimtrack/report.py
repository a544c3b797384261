"""Pure renderers: turn claimtrack's results into text or JSON-ready records.

Nothing here reads files or prints; the command line writes what these return.
"""

from __future__ import annotations

import textwrap
from typing import Any

from claimtrack.analysis import Analysis, ArticleAnalysis
from claimtrack.articles import Article
from claimtrack.attributions import Attribution, Role, SentenceKind
from claimtrack.sentences import Sentence

__all__ = ["attribution_record", "render_report", "sentence_record"]


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
    }


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


def _who_said_what(analysis: Analysis, width: int) -> list[str]:
    lines = ["WHO SAID WHAT"]
    groups = analysis.by_speaker()
    if not groups:
        return [*lines, "  (no attributed claims found)"]
    for name, attributions in groups.items():
        articles = {a.article_id for a in attributions}
        kind = attributions[0].speaker_type
        n = len(attributions)
        lines.append(
            f"{name} ({kind}): {n} claim{'s' if n != 1 else ''} "
            f"in {len(articles)} article{'s' if len(articles) != 1 else ''}"
        )
        for a in attributions:
            cue = a.cue.text if a.cue else "-"
            written = a.speaker.text if a.speaker else ""
            alias = f" [as \u201c{written}\u201d]" if written and written != name else ""
            body = f"{a.article_id}: {cue} \u2192 \u201c{a.content.text}\u201d{alias}"
            lines.append(_fill(body, width, "      ", "    - "))
    unnamed = [a for a in analysis.attributions if not a.speaker_name]
    if unnamed:
        lines.append(f"unnamed sources: {len(unnamed)} claim{'s' if len(unnamed) != 1 else ''}")
        for a in unnamed:
            cue = a.cue.text if a.cue else "-"
            lines.append(
                _fill(
                    f"{a.article_id}: {cue} \u2192 \u201c{a.content.text}\u201d",
                    width,
                    "      ",
                    "    - ",
                )
            )
    return lines


def _article_block(item: ArticleAnalysis, width: int) -> str:
    article = item.article
    lines = [f"== {_heading(article)}"]
    for sentence, kind in zip(item.sentences, item.kinds, strict=True):
        body = sentence.text
        marks = []
        if sentence.dateline is not None:
            marks.append(f"[dateline: {sentence.dateline.of(article.text).strip()}]")
            body = article.text[sentence.dateline.end : sentence.end]
        if _KIND_TAGS[kind]:
            marks.append(_KIND_TAGS[kind])
        prefix = f"{sentence.index + 1:4d}. "
        lines.append(_fill(" ".join([*marks, body]), width, " " * len(prefix), prefix))
    return "\n".join(lines)


def render_report(analysis: Analysis, *, width: int = 100) -> str:
    """A human-readable report: who said what, then each article's sentences.

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
        - a: said → “it would respond” [as “The Kremlin”]
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
        f"{n_articles} article{'s' if n_articles != 1 else ''}, {n_sentences} sentences, "
        f"{len(claims)} attributed claim{'s' if len(claims) != 1 else ''} "
        f"from {n_sources} source{'s' if n_sources != 1 else ''}"
    )
    blocks = [header, "\n".join(_who_said_what(analysis, width)), "ARTICLES"]
    blocks[-1] += "\n" + "\n\n".join(_article_block(item, width) for item in analysis.articles)
    return "\n\n".join(blocks)
