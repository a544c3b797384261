"""Reading the development corpora as claimtrack articles, for the bench scripts."""

from __future__ import annotations

from scoring import polnear_records

from claimtrack.articles import Article


def polnear_articles(path: str) -> list[Article]:
    """Each article of a PolNeAR JSON Lines file once (whatever its annotators), with
    its date and publisher."""
    out: dict[str, Article] = {}
    for key, record in polnear_records(path):
        if key not in out:
            out[key] = Article(
                id=key,
                text=record["text"],
                date=record.get("publication_date"),
                source=record.get("publisher"),
            )
    return list(out.values())
