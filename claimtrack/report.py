"""Pure renderers: turn claimtrack's results into text or JSON-ready records.

Nothing here reads files or prints; the command line writes what these return.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from claimtrack.articles import Article
from claimtrack.sentences import Sentence

__all__ = ["render_report", "sentence_record"]


def sentence_record(sentence: Sentence) -> dict[str, Any]:
    """The JSON record of a sentence, as ``claimtrack sentences --format jsonl`` prints it.

    >>> from claimtrack.articles import Article
    >>> from claimtrack.sentences import split_sentences
    >>> art = Article(id="a", text="LONDON (AP) - It rained.")
    >>> sentence_record(split_sentences(art)[0])
    {'article': 'a', 'index': 0, 'start': 0, 'end': 24, 'text': 'LONDON (AP) - It rained.', 'dateline': [0, 14], 'boilerplate': False}
    """
    return {
        "article": sentence.article_id,
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "dateline": sentence.dateline.as_list() if sentence.dateline else None,
        "boilerplate": sentence.boilerplate,
    }


def _heading(article: Article) -> str:
    bits = [article.id]
    if article.title:
        bits.append(f"\u201c{article.title}\u201d")
    meta = ", ".join(str(x) for x in (article.source, article.date) if x)
    if meta:
        bits.append(f"({meta})")
    return " ".join(bits)


def render_report(
    articles: Iterable[tuple[Article, Sequence[Sentence]]], *, width: int = 100
) -> str:
    """A human-readable report of articles and their sentences.

    Each sentence is numbered; ``[dateline: ...]`` shows a dateline prefix and
    ``[boilerplate]`` marks boilerplate.

    >>> from claimtrack.articles import Article
    >>> from claimtrack.sentences import split_sentences
    >>> art = Article(id="a", text="MOSCOW (AP) - It rained. All rights reserved.", title="Rain")
    >>> print(render_report([(art, split_sentences(art))]))
    1 article, 2 sentences
    <BLANKLINE>
    == a “Rain”
       1. [dateline: MOSCOW (AP) -] It rained.
       2. [boilerplate] All rights reserved.
    """
    blocks = []
    n_articles = n_sentences = 0
    for article, sentences in articles:
        n_articles += 1
        n_sentences += len(sentences)
        lines = [f"== {_heading(article)}"]
        for sentence in sentences:
            body = sentence.text
            marks = []
            if sentence.dateline is not None:
                marks.append(f"[dateline: {sentence.dateline.of(article.text).strip()}]")
                body = article.text[sentence.dateline.end : sentence.end]
            if sentence.boilerplate:
                marks.append("[boilerplate]")
            prefix = f"{sentence.index + 1:4d}. "
            lines.append(
                textwrap.fill(
                    " ".join([*marks, body]),
                    width=width,
                    initial_indent=prefix,
                    subsequent_indent=" " * len(prefix),
                )
            )
        blocks.append("\n".join(lines))
    plural = "" if n_articles == 1 else "s"
    header = f"{n_articles} article{plural}, {n_sentences} sentences"
    return "\n\n".join([header, *blocks])
