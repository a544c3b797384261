"""Made-up piles of news articles for tests and screenshots: no corpus needed."""

from __future__ import annotations

import random
import re

from claimtrack.articles import Article

__all__ = ["news_pile"]

OUTLETS = [f"outlet{k}.example" for k in range(12)]
NAMES = ["Anna Berg", "Tomas Riedel", "Maria Okafor", "Lee Chen", "Paul Dufort", "Ines Vidal"]
WORDS = [
    "government",
    "plan",
    "budget",
    "council",
    "vote",
    "hospital",
    "school",
    "road",
    "bridge",
    "election",
    "court",
    "tax",
    "energy",
    "water",
    "city",
    "region",
    "police",
    "report",
    "market",
    "price",
    "workers",
    "union",
    "contract",
    "study",
]


_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vo",
    "ba",
    "di",
    "fe",
    "gu",
    "ho",
    "ji",
    "ku",
    "la",
    "ma",
    "no",
    "pe",
    "ri",
]
#: Made-up words for the sentences each article has of its own (nothing in common).
FILLER = sorted(
    {
        "".join(random.Random(k).choices(_SYLLABLES, k=random.Random(-k).randint(2, 4)))
        for k in range(3000)
    }
)


def news_pile(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles about a few dozen statements: some reprinted word for word, some
    with a word inserted or a number changed, with filler sentences of their own."""
    rnd = random.Random(seed)
    statements = []
    for _ in range(90):
        who = rnd.choice(NAMES)
        a, b = rnd.sample(WORDS, 2)
        made_up = rnd.sample(FILLER, 5)
        what = (
            f"the {a} {made_up[0]} would {made_up[1]} {rnd.randint(2, 90)} {made_up[2]} "
            f"{b}s before the {made_up[3]} {made_up[4]}"
        )
        statements.append((who, what))
    out = []
    for i in range(n):
        sentences = []
        for who, what in rnd.sample(statements, 6):
            said = f"{who} said {what}."
            roll = rnd.random()
            if roll < 0.2:
                said = said.replace(" would ", " would probably ")
            elif roll < 0.35:
                said = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), said)
            sentences.append(said)
        for _ in range(12):
            words = [rnd.choice(FILLER) for _ in range(rnd.randint(8, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        rnd.shuffle(sentences)
        paragraphs = [" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3)]
        out.append(
            Article(
                id=f"n{i:04d}",
                text="\n\n".join(paragraphs),
                title=f"Story {i}",
                source=rnd.choice(OUTLETS),
                date=f"2022-03-{1 + i % 28:02d}",
                url=f"https://news.example/{i}",
            )
        )
    return out
