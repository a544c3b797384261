"""Determinism: the same input gives the same output, whatever the hash seed or the order.

The command line's output must not depend on Python's string hashing (set and
dict order of str keys), and the clusters of a batch of articles must not
depend on the order the articles come in.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.articles import Article, read_articles
from claimtrack.tracker import ClaimTracker

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "clusters": ["clusters", "seeds", "--format", "jsonl"],
    "links": ["links", "seeds", "--format", "jsonl"],
    "claims": ["claims", "seeds", "--format", "jsonl"],
    "report": ["report", "seeds"],
    "report-html": ["report", "seeds", "--format", "html"],
    "report-json": ["report", "seeds", "--format", "json"],
}
HASH_SEEDS = ["0", "1", "12345"]


def test_cli_output_does_not_depend_on_the_hash_seed() -> None:
    """Each command prints the same bytes under PYTHONHASHSEED=0, 1 and 12345.

    The runs go in parallel; each is one ``python -m claimtrack`` process.
    """
    running: dict[tuple[str, str], subprocess.Popen[bytes]] = {}
    for seed in HASH_SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for name, argv in COMMANDS.items():
            running[name, seed] = subprocess.Popen(
                [sys.executable, "-m", "claimtrack", *argv, "--quiet"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
    outputs: dict[tuple[str, str], bytes] = {}
    for key, process in running.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (key, err.decode(errors="replace"))
        outputs[key] = out
    for name in COMMANDS:
        first = outputs[name, HASH_SEEDS[0]]
        assert len(first) > 1000, name  # the seeds give real output to compare
        for seed in HASH_SEEDS[1:]:
            assert outputs[name, seed] == first, f"{name} differs under PYTHONHASHSEED={seed}"


# --- clusters do not depend on the order of the articles ---------------------------------


def summary(tracker: ClaimTracker) -> tuple[Any, ...]:
    """Clusters as sets of member ids with their relation, and every link believed."""
    clusters = sorted(
        (sorted(m.id for m in c.members), c.relation, len(c.links)) for c in tracker.clusters()
    )
    links = sorted(
        (
            *sorted((k.a.id, k.b.id)),
            k.relation,
            sorted((ch.type, ch.a, ch.b) for ch in k.changes),
        )
        for k in tracker.links()
    )
    return clusters, links


def tracked(articles: list[Article], batches: int = 1) -> ClaimTracker:
    tracker = ClaimTracker()
    size = -(-len(articles) // batches)
    for i in range(0, len(articles), size):
        tracker.add(articles[i : i + size])
    return tracker


def test_seed_clusters_do_not_depend_on_article_order() -> None:
    """The seed articles clustered in either order give the same clusters and links."""
    articles = list(read_articles(ROOT / "seeds"))
    forward = summary(tracked(articles))
    assert forward[0]  # there are clusters to compare
    assert summary(tracked(articles[::-1])) == forward


#: Statements in versions: each a (speaker, text) pair; versions of one statement
#: repeat it, reword it, change a number or a date, or name the speaker otherwise.
STATEMENTS = [
    [
        ("Angela Merkel", "said the border would stay open until March."),
        ("Merkel", "said that the border would stay open until March."),
        ("She", "said the border would stay open until April."),
        ("The chancellor", "said the border will stay open until March."),
    ],
    [
        ("Police", "said three people were hurt in the fire on Monday."),
        ("Police", "said four people were hurt in the fire on Monday."),
        ("Police officials", "said three people had been hurt in the fire on Tuesday."),
    ],
    [
        ("Sergey Lavrov", "described the offer as a serious warning to the West."),
        ("Lavrov", "described the offer as a serious warning."),
        ("Russian Foreign Minister Sergey Lavrov", "called the offer a grave warning to the West."),
    ],
    [
        ("", "Heavy rain flooded several villages in the north of the country overnight."),
        ("", "Heavy rain flooded villages in the north of the country overnight."),
    ],
    [
        ("", "The central bank raised interest rates by half a percentage point on Thursday."),
        ("The bank", "said it raised interest rates by half a percentage point on Thursday."),
    ],
]


@st.composite
def story_corpora(draw: st.DrawFn) -> list[Article]:
    """Two to five articles reporting versions of a few statements, some on the same date."""
    n = draw(st.integers(2, 5))
    out = []
    for i in range(n):
        picked = draw(
            st.lists(st.sampled_from(range(len(STATEMENTS))), min_size=1, max_size=3, unique=True)
        )
        lines = []
        for s in picked:
            speaker, text = draw(st.sampled_from(STATEMENTS[s]))
            lines.append(f"{speaker} {text}" if speaker else text)
        out.append(
            Article(
                id=f"a{i}",
                text="\n".join(lines),
                date=dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 2))),
                url=f"https://outlet{draw(st.integers(0, 2))}.example/{i}",
            )
        )
    return out


@given(story_corpora(), st.randoms(use_true_random=False))
@settings(max_examples=40)
def test_batch_clusters_do_not_depend_on_article_order(articles: list[Article], rnd: Any) -> None:
    """One batch of articles in any order gives the same clusters (member ids and
    relation) and the same links with the same changes."""
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    assert summary(tracked(shuffled)) == summary(tracked(articles))


def test_batch_order_check_is_real() -> None:
    """The summary compared above tells different clusterings apart."""
    one = Article(id="x", text="Police said three people were hurt in the fire on Monday.")
    two = Article(id="y", text="Police said three people were hurt in the fire on Monday.")
    three = Article(id="z", text="Heavy rain flooded several villages overnight.")
    assert summary(tracked([one, two]))[0]
    assert summary(tracked([one, two])) != summary(tracked([one, three]))


#: Two articles whose one claim is the same statement: one batch names both speakers
#: "Angela Merkel"; added one at a time, the second article's speaker stays "Merkel".
MERKEL = [
    Article(
        id="a",
        text="Angela Merkel visited Berlin on Monday.\n"
        "Merkel said the border would stay open until March.",
        date=dt.date(2020, 1, 1),
        url="https://one.example/a",
    ),
    Article(
        id="b",
        text="Merkel said that the border would stay open until March.",
        date=dt.date(2020, 1, 2),
        url="https://two.example/b",
    ),
]


def test_one_batch_names_speakers_across_articles() -> None:
    """In one batch a surname takes the full name used in another article, so the two
    versions of the claim are a repetition (only "that" differs)."""
    clusters = tracked(MERKEL).clusters()
    assert [(sorted(m.id for m in c.members), c.relation) for c in clusters] == [
        (["a#1", "b#0"], "repetition")
    ]


def test_incremental_batches_give_the_clusters_of_one_batch() -> None:
    """Adding articles one at a time gives the clusters and links of one batch."""
    assert summary(tracked(MERKEL, batches=2)) == summary(tracked(MERKEL))


def test_reversed_words_do_not_depend_on_the_hash_seed() -> None:
    """A word with several antonyms in the other version lists them in text order,
    whatever the hash seed (they came in a set's order)."""
    code = (
        "import claimtrack; r = claimtrack.relate("
        "'Shares rose on Monday, the exchange said.', "
        "'Shares fell, dropped, declined and slid on Monday, the exchange said.'); "
        "print([(c.type, c.a, c.b) for c in r.changes])"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("0", "2", "3", "7")
    }
    assert seen == {"[('reversal', ('rose',), ('fell', 'dropped', 'declined'))]\n"}
