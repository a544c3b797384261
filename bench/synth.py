"""Large synthetic claim corpora built from real sentences, with planted copies.

Usage (a summary of one corpus; ``bench/bench_scale.py`` imports :func:`generate`)::

    python bench/synth.py --size 100000 \\
        --polnear ../shared/data/polnear/train.jsonl \\
        --ecbplus ../shared/data/ecbplus/documents.jsonl

Nothing is copied into the repository: the sentences are read from the paths
given each time.

**The sentence pool.** The texts of PolNeAR (records deduplicated by their
``article`` field) and ECB+ are read as :class:`claimtrack.Article` objects and
split with :func:`claimtrack.sentences.split_sentences`; boilerplate sentences
and datelines are dropped, and so are sentences of fewer than 6 or more than
80 words or fewer than 4 content words (non stop words).  Sentences with one
:func:`~claimtrack.normalize.match_key` are kept once: every pool sentence is a
different text, and sentences that nearly repeat an earlier one (a shared run of
5 words and a close character edit distance, see :func:`_drop_near_copies`) are
dropped too, so that two pool sentences are never one sentence repeated.

**The corpus** of ``size`` claims is made of synthetic articles (8-30 claims,
a date in 2020, one of 60 outlets), sorted by date:

- *base articles*: pool sentences, each used once, in a shuffled order; when
  the pool runs out, *fillers*: a pool sentence used as a template whose
  content words are all replaced with words drawn from the pool's vocabulary
  (by frequency, capitalised words by capitalised ones) and whose digits are
  redrawn, so that each filler is a new text with a real sentence's shape,
  length and word frequencies;
- *reprint articles* (about 4% of the claims): a run of 3-12 consecutive
  claims of a base article copied word for word (wire copy), 0-3 days later,
  in another outlet;
- *edit articles* (about 6% of the claims, one sixth per type): single edits
  of pool sentences of base articles, 1-20 days later, in another outlet:
  ``inserted`` (an adjective put between a determiner and the next word),
  ``removed`` (an adjective-like or adverb content word taken out),
  ``number`` (a figure changed), ``negation`` ("has" -> "has not", "will" ->
  "will not", ...), ``certainty`` ("will" -> "may", "would" -> "might",
  "said" -> "claimed"), ``date`` (a weekday, month or yesterday/today/
  tomorrow swapped for another of its kind).  Originals of edits are pool
  sentences only (fillers have no grammar worth editing); an original may be
  edited several times when the corpus needs more edits than the pool has
  eligible sentences.

**Gold.** Every planted pair ``(original id, copy id, relation, type)``:
relation ``repetition`` and type ``reprint`` for reprints, ``drift`` and the
edit type for edits.  Every claim also has a *family*: the id of the claim it
was copied or edited from, else its own id; claims of one family are versions
of one source sentence.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs

from claimtrack.articles import Article
from claimtrack.claims import Claim
from claimtrack.claimtext import change_words, stopwords
from claimtrack.normalize import match_key
from claimtrack.sentences import split_sentences

__all__ = ["EDIT_TYPES", "Corpus", "GoldPair", "generate", "load_pool"]

EDIT_TYPES = ("inserted", "removed", "number", "negation", "certainty", "date")
#: The change types of claimtrack.changes that count as the planted type.
ACCEPTED_TYPES = {
    "inserted": frozenset(["inserted"]),
    "removed": frozenset(["removed"]),
    "number": frozenset(["number"]),
    "negation": frozenset(["negation"]),
    # "will" -> "may" is a modal change (claimtrack types it "modality"),
    # "said" -> "claimed" a change of cue verb ("cue")
    "certainty": frozenset(["certainty", "modality", "tense", "cue"]),
    "date": frozenset(["date"]),
}
REPRINT_SHARE = 0.04
EDIT_SHARE = 0.06
START = dt.date(2020, 1, 1)

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d+(?:[.,]\d+)*")
_ADJECTIVES = [
    "new",
    "former",
    "senior",
    "major",
    "local",
    "key",
    "top",
    "large",
    "small",
    "recent",
    "early",
    "final",
    "official",
    "foreign",
    "public",
    "private",
    "national",
    "federal",
    "young",
    "powerful",
    "controversial",
    "unprecedented",
    "modest",
    "sweeping",
    "lengthy",
    "secret",
    "bitter",
]
_ADJ_SUFFIX = re.compile(r"(?:al|ive|ous|ic|ful|less|able|ible|ent|ant|ary|ly)$")
_DETERMINERS = re.compile(r"\b(the|its|their|his|her|this|that|these|those)\s+([a-z]{3,})\b")
_NEGATABLE = re.compile(
    r"\b(has|have|had|will|would|is|was|are|were|could|should|does|did)\s+(?!not\b|n't\b)(?=[a-z])"
)
_CERTAINTY = {"will": "may", "would": "might", "said": "claimed"}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_RELATIVE = ["yesterday", "today", "tomorrow"]
_NUMBER_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
]
_PROTECTED = frozenset(
    _NUMBER_WORDS
    + [w.lower() for w in DAYS + MONTHS]
    + _RELATIVE
    + ["not", "never", "no", "claimed", "may", "might", "percent", "million", "billion"]
)


@attrs.frozen
class GoldPair:
    """A planted pair: ``copy`` was made from ``original``."""

    original: str
    copy: str
    relation: str  # repetition | drift
    type: str  # reprint | one of EDIT_TYPES


@attrs.frozen
class Corpus:
    """A synthetic corpus: claims in article and sentence order, and its gold."""

    claims: list[Claim]
    gold: list[GoldPair]
    family: dict[str, str]
    n_articles: int
    n_pool: int
    n_real: int
    n_fillers: int


# -- the pool --
def _texts(path: str, dedupe_field: str | None) -> Iterator[str]:
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if dedupe_field:
                key = record.get(dedupe_field)
                if key in seen:
                    continue
                seen.add(key)
            if record.get("text"):
                yield record["text"]


def load_pool(polnear: str | None, ecbplus: str | None) -> list[str]:
    """The distinct usable sentences of the corpora given (see the module doc)."""
    stop = stopwords()
    pool: list[str] = []
    keys: set[str] = set()
    sources = [(p, f) for p, f in ((polnear, "article"), (ecbplus, None)) if p]
    for n_source, (path, field) in enumerate(sources):
        for k, text in enumerate(_texts(path, field)):
            article = Article(id=f"src{n_source}_{k}", text=text)
            for sentence in split_sentences(article):
                if sentence.boilerplate:
                    continue
                start = sentence.dateline.end if sentence.dateline else sentence.start
                body = " ".join(text[start : sentence.end].split())
                words = _TOKEN.findall(body)
                content = [w for w in words if w.lower() not in stop and not w.isdigit()]
                if not 6 <= len(words) <= 80 or len(content) < 4:
                    continue
                key = match_key(body)
                if key in keys:
                    continue
                keys.add(key)
                pool.append(body)
    return _drop_near_copies(pool)


def _drop_near_copies(pool: list[str]) -> list[str]:
    """The pool without sentences that nearly repeat an earlier one.

    Two sentences are near copies if they share a run of 5 words (after
    ``match_key``) and are close by character edit distance: ``fuzz.ratio`` >= 60,
    or ``fuzz.partial_ratio`` >= 85 with the shorter of at least 40 characters.
    (ECB+ holds several reports of one wire story; the same sentence, edited by
    hand, would make links that the gold cannot judge.)  Uses rapidfuzz only.
    """
    from rapidfuzz import fuzz

    seen: dict[tuple[str, ...], list[int]] = {}
    keys = [match_key(t) for t in pool]
    kept: list[str] = []
    for i, key in enumerate(keys):
        words = re.findall(r"[^\W_]+", key)
        grams = {tuple(words[k : k + 5]) for k in range(max(1, len(words) - 4))}
        others = {j for g in grams for j in seen.get(g, ())}
        near = False
        for j in others:
            other = keys[j]
            if fuzz.ratio(key, other) >= 60 or (
                min(len(key), len(other)) >= 40 and fuzz.partial_ratio(key, other) >= 85
            ):
                near = True
                break
        if near:
            continue
        for g in grams:
            seen.setdefault(g, []).append(i)
        kept.append(pool[i])
    return kept


# -- fillers --
class _Filler:
    """New texts in the shape of pool sentences, with their content words redrawn."""

    def __init__(self, pool: Sequence[str], rng: random.Random) -> None:
        self.rng = rng
        self.pool = pool
        stop = stopwords()
        lower: Counter[str] = Counter()
        upper: Counter[str] = Counter()
        for text in pool:
            for w in _TOKEN.findall(text):
                if w.isdigit() or w.lower() in stop:
                    continue
                (upper if w[0].isupper() else lower)[w] += 1
        self.lower, self.lower_w = list(lower), list(lower.values())
        self.upper, self.upper_w = list(upper), list(upper.values())
        self.stop = stop
        self._buffer_lower: list[str] = []
        self._buffer_upper: list[str] = []

    def _draw(self, upper: bool) -> str:
        buffer = self._buffer_upper if upper else self._buffer_lower
        if not buffer:
            words, weights = (self.upper, self.upper_w) if upper else (self.lower, self.lower_w)
            buffer.extend(self.rng.choices(words, weights, k=100_000))
        return buffer.pop()

    def _replace(self, match: re.Match[str]) -> str:
        w = match.group()
        if w[0].isdigit():
            return str(self.rng.randrange(1, 10 ** len(w)))
        if w.lower() in self.stop:
            return w
        return self._draw(w[0].isupper())

    def make(self) -> str:
        template = self.pool[self.rng.randrange(len(self.pool))]
        return _TOKEN.sub(self._replace, template)


# -- edits --
def _edit_inserted(text: str, rng: random.Random) -> str | None:
    spots = [m for m in _DETERMINERS.finditer(text) if m.group(2) not in stopwords()]
    if not spots:
        return None
    m = rng.choice(spots)
    words = set(match_key(text).split())
    adjectives = [a for a in _ADJECTIVES if a not in words]
    return f"{text[: m.start(2)]}{rng.choice(adjectives)} {text[m.start(2) :]}"


def _edit_removed(text: str, rng: random.Random) -> str | None:
    stop = stopwords()
    # hedges, boosters, cue verbs...: taking one out is another kind of change
    # (words that only tell "may" the month from the verb change nothing)
    changing = {w for kind, words in change_words().items() if kind != "month_lead" for w in words}
    tokens = list(_TOKEN.finditer(text))
    counts = Counter(t.group().lower() for t in tokens)
    spots = [
        t
        for i, t in enumerate(tokens)
        if 0 < i < len(tokens) - 1
        and t.group().isalpha()
        and t.group().islower()
        and len(t.group()) >= 4
        and t.group() not in stop
        and t.group() not in _PROTECTED
        and t.group() not in changing
        and counts[t.group()] == 1
    ]
    if not spots:
        return None
    preferred = [t for t in spots if _ADJ_SUFFIX.search(t.group())]
    t = rng.choice(preferred or spots)
    start, end = t.start(), t.end()
    if start > 0 and text[start - 1] == " ":
        start -= 1
    elif end < len(text) and text[end] == " ":
        end += 1
    return text[:start] + text[end:]


def _edit_number(text: str, rng: random.Random) -> str | None:
    spots = [m for m in re.finditer(r"(?<![\d.,])\d{1,6}(?![\d])", text)]
    if spots:
        m = rng.choice(spots)
        value = int(m.group())
        new = value + rng.choice([-1, 1]) * rng.randint(1, max(1, value // 3 + 2))
        if new < 0 or new == value:
            new = value + 1
        return f"{text[: m.start()]}{new}{text[m.end() :]}"
    words = [m for m in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", text)]
    if not words:
        return None
    m = rng.choice(words)
    other = rng.choice([w for w in _NUMBER_WORDS if w != m.group()])
    return f"{text[: m.start()]}{other}{text[m.end() :]}"


def _edit_negation(text: str, rng: random.Random) -> str | None:
    spots = list(_NEGATABLE.finditer(text))
    if not spots:
        return None
    m = rng.choice(spots)
    return f"{text[: m.end(1)]} not{text[m.end(1) :]}"


def _edit_certainty(text: str, rng: random.Random) -> str | None:
    spots = list(re.finditer(r"\b(will|would|said)\b", text))
    if not spots:
        return None
    m = rng.choice(spots)
    return f"{text[: m.start()]}{_CERTAINTY[m.group()]}{text[m.end() :]}"


def _edit_date(text: str, rng: random.Random) -> str | None:
    spots = [
        (m, kind)
        for kind in (DAYS, MONTHS, _RELATIVE)
        for m in re.finditer(r"\b(" + "|".join(kind) + r")\b", text)
    ]
    if not spots:
        return None
    m, kind = rng.choice(spots)
    present = set(text.split())
    other = rng.choice([w for w in kind if w != m.group() and w not in present])
    return f"{text[: m.start()]}{other}{text[m.end() :]}"


EDITS = {
    "inserted": _edit_inserted,
    "removed": _edit_removed,
    "number": _edit_number,
    "negation": _edit_negation,
    "certainty": _edit_certainty,
    "date": _edit_date,
}


# -- the corpus --
def generate(pool: Sequence[str], size: int, seed: int = 7) -> Corpus:
    """A corpus of ``size`` claims (see the module doc); the same arguments give the same corpus."""
    rng = random.Random(seed)
    order = list(range(len(pool)))
    rng.shuffle(order)
    n_edits = round(EDIT_SHARE * size)
    n_reprints = round(REPRINT_SHARE * size)
    n_base = size - n_edits - n_reprints
    filler = _Filler(pool, rng)
    outlets = [f"outlet{k:02d}" for k in range(60)]

    # articles as (date offset, outlet, [(text, family or None, gold or None)])
    Item = tuple[str, "tuple[int, int] | None", "tuple[str, str] | None"]
    articles: list[tuple[int, str, list[Item]]] = []
    real_spots: list[tuple[int, int]] = []  # (article, index) of pool sentences
    used = 0
    while used < n_base:
        k = min(rng.randint(8, 30), n_base - used)
        items: list[Item] = []
        for _ in range(k):
            if used < len(order):
                items.append((pool[order[used]], None, None))
                real_spots.append((len(articles), len(items) - 1))
            else:
                items.append((filler.make(), None, None))
            used += 1
        articles.append((rng.randrange(300), rng.choice(outlets), items))
    n_real = min(n_base, len(order))
    n_base_articles = len(articles)

    # reprints: runs of consecutive claims of a base article
    planted = 0
    while planted < n_reprints:
        source = rng.randrange(n_base_articles)
        date, outlet, items = articles[source]
        k = min(rng.randint(3, 12), len(items), n_reprints - planted)
        first = rng.randrange(len(items) - k + 1)
        copied: list[Item] = [
            (items[i][0], (source, i), ("repetition", "reprint")) for i in range(first, first + k)
        ]
        other = rng.choice([o for o in outlets if o != outlet])
        articles.append((date + rng.randint(0, 3), other, copied))
        planted += k

    # edits: of pool sentences, each type in turn
    per_type = {t: n_edits // len(EDIT_TYPES) for t in EDIT_TYPES}
    for t in EDIT_TYPES[: n_edits % len(EDIT_TYPES)]:
        per_type[t] += 1
    edits: list[Item] = []
    for kind in EDIT_TYPES:
        spots = real_spots[:]
        rng.shuffle(spots)
        made = 0
        cursor = 0
        tried_all = False
        while made < per_type[kind] and spots:
            if cursor == len(spots):
                if made == 0 and tried_all:
                    break
                cursor, tried_all = 0, True
            spot = spots[cursor]
            cursor += 1
            text = articles[spot[0]][2][spot[1]][0]
            new = EDITS[kind](text, rng)
            if new is None or match_key(new) == match_key(text):
                continue
            edits.append((new, spot, ("drift", kind)))
            made += 1
    rng.shuffle(edits)
    while edits:
        k = min(rng.randint(8, 30), len(edits))
        batch, edits = edits[:k], edits[k:]
        latest = max(articles[item[1][0]][0] for item in batch if item[1])
        articles.append((latest + rng.randint(1, 20), rng.choice(outlets), batch))

    # ids: articles sorted by date (then creation), claims numbered within
    ranked = sorted(range(len(articles)), key=lambda a: (articles[a][0], a))
    article_id = {a: f"a{rank:07d}" for rank, a in enumerate(ranked)}
    claims: list[Claim] = []
    gold: list[GoldPair] = []
    family: dict[str, str] = {}
    for a in ranked:
        date, outlet, items = articles[a]
        aid = article_id[a]
        offset = 0
        for i, (text, source, planted_as) in enumerate(items):
            cid = f"{aid}#{i}"
            claims.append(
                Claim(
                    id=cid,
                    article_id=aid,
                    sentence_index=i,
                    start=offset,
                    end=offset + len(text),
                    text=text,
                    date=START + dt.timedelta(days=date),
                    outlet=outlet,
                )
            )
            offset += len(text) + 1
            if source is None:
                family[cid] = cid
            else:
                original = f"{article_id[source[0]]}#{source[1]}"
                family[cid] = original
                assert planted_as is not None
                gold.append(GoldPair(original, cid, planted_as[0], planted_as[1]))
    return Corpus(
        claims=claims,
        gold=gold,
        family=family,
        n_articles=len(articles),
        n_pool=len(pool),
        n_real=n_real,
        n_fillers=n_base - n_real,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--polnear", required=True)
    parser.add_argument("--ecbplus")
    parser.add_argument("--show", type=int, default=2, help="examples of each planted type")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    pool = load_pool(args.polnear, args.ecbplus)
    t1 = time.perf_counter()
    corpus = generate(pool, args.size, args.seed)
    t2 = time.perf_counter()
    print(
        f"pool {len(pool)} sentences ({t1 - t0:.1f}s); corpus {len(corpus.claims)} claims, "
        f"{corpus.n_articles} articles, {corpus.n_real} pool sentences, "
        f"{corpus.n_fillers} fillers ({t2 - t1:.1f}s)"
    )
    print("planted:", dict(Counter(g.type for g in corpus.gold)))
    text = {c.id: c.text for c in corpus.claims}
    for kind in ("reprint", *EDIT_TYPES):
        for g in [g for g in corpus.gold if g.type == kind][: args.show]:
            print(f"[{kind}] {g.original} -> {g.copy}\n  {text[g.original]}\n  {text[g.copy]}")
    fillers = [c for c in corpus.claims[:: max(1, len(corpus.claims) // 5)]]
    print("some claims:", *(f"  {c.id}: {c.text}" for c in fillers), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
