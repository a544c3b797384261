"""Whether two claims make the same statement: a small logistic model over lexical features.

:func:`features` describes a pair of prepared claims (see
:func:`claimtrack.matching.prepare`) with a few dozen symmetric numbers: how
much of the wording, of the content stems and of the word bigrams they share,
how long the longest shared run of words is, how much content each side has
that the other lacks (weighted by word length, a rough stand-in for how
informative a word is), and whether numbers, names, negation or modality
differ.  :func:`same_statement_probability` combines them with the weights in
``data/same_statement.tsv`` (plain text: feature, weight; plus the intercept and
the decision threshold), trained with ``bench/train_same_statement.py``.

Every feature is symmetric in its two claims, so ``p(a, b) == p(b, a)``.

>>> from claimtrack.matching import prepare
>>> same = same_statement_probability(
...     prepare("The bridge will reopen in May, officials said."),
...     prepare("Officials said the bridge would reopen in May."))
>>> other = same_statement_probability(
...     prepare("The bridge will reopen in May, officials said."),
...     prepare("Police arrested two men after a fight outside the stadium."))
>>> same > threshold() > other
True
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

import attrs
from nltk.stem.snowball import SnowballStemmer
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from claimtrack.lexicon import data_lines, word_set
from claimtrack.names import country_of
from claimtrack.normalize import match_key

if TYPE_CHECKING:
    from claimtrack.matching import ClaimText

__all__ = [
    "FEATURES",
    "features",
    "same_statement_probability",
    "threshold",
]

WEIGHTS_FILE = "same_statement.tsv"


@functools.cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@functools.cache
def _stopwords() -> frozenset[str]:
    return word_set("stopwords.txt")


@functools.cache
def _categories() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in data_lines("change_words.txt"):
        word, category = line.split("\t")
        out.setdefault(category, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=200_000)
def _stem_key(word: str) -> str:
    """A content word's key: the country a place stands for, else its Snowball stem."""
    if len(word) > 2:
        place = country_of(word)
        if place:
            return match_key(place).replace(" ", "_")
    return str(_stemmer().stem(word))


@attrs.frozen
class _View:
    """What the features need of one word sequence, computed once per text."""

    words: tuple[str, ...]
    text: str
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    weight: dict[str, float]
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[tuple[str, str, str]]
    stem_bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    negations: int
    modals: frozenset[str]
    hedges: frozenset[str]
    char3: frozenset[str]
    char4: frozenset[str]
    prefixes: dict[str, float]
    digits: frozenset[str]


@functools.lru_cache(maxsize=50_000)
def _view(words: tuple[str, ...]) -> _View:
    stop = _stopwords()
    cats = _categories()
    stems = []
    weight: dict[str, float] = {}
    for word in words:
        if word in stop:
            continue
        key = _stem_key(word)
        stems.append(key)
        weight[key] = max(weight.get(key, 0.0), float(min(len(word), 12)))
    hedges = cats["hedge"] | cats["booster"]
    text = " ".join(words)
    prefixes: dict[str, float] = {}
    for word in words:
        if word not in stop:
            prefixes[word[:5]] = max(prefixes.get(word[:5], 0.0), float(min(len(word), 12)))
    return _View(
        words=words,
        text=text,
        stems=tuple(stems),
        stem_set=frozenset(stems),
        weight=weight,
        bigrams=frozenset(zip(words, words[1:])),
        trigrams=frozenset(zip(words, words[1:], words[2:])),
        stem_bigrams=frozenset(zip(stems, stems[1:])),
        numbers=frozenset(w for w in words if any(c.isdigit() for c in w) or w in cats["number"]),
        negations=sum(w in cats["negation"] for w in words),
        modals=frozenset(w for w in words if w in cats["modal"]),
        hedges=frozenset(w for w in words if w in hedges),
        char3=frozenset(text[i : i + 3] for i in range(len(text) - 2)),
        char4=frozenset(text[i : i + 4] for i in range(len(text) - 3)),
        prefixes=prefixes,
        digits=frozenset(w for w in words if any(c.isdigit() for c in w)),
    )


def _shares(shared: int, na: int, nb: int) -> tuple[float, float]:
    """The shared count over the smaller and over the larger of two sizes."""
    lo, hi = (na, nb) if na <= nb else (nb, na)
    return (shared / lo if lo else 0.0), (shared / hi if hi else 0.0)


def _longest_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """The longest run of words both sequences share, along their best alignment."""
    best = 0
    for block in Indel.opcodes(a, b).as_matching_blocks():
        best = max(best, block.size)
    return best


#: The feature names, in the order of the weights file.
FEATURES: tuple[str, ...] = (
    "word_indel",
    "stem_indel",
    "char_indel",
    "token_set",
    "token_sort",
    "partial",
    "stem_min",
    "stem_max",
    "stem_jaccard",
    "bigram_min",
    "bigram_max",
    "trigram_min",
    "trigram_max",
    "stem_bigram_min",
    "stem_bigram_max",
    "lcs_min",
    "lcs_max",
    "run_min",
    "len_log_ratio",
    "len_diff",
    "len_min_log",
    "unmatched_max",
    "unmatched_min",
    "unmatched_share_max",
    "unmatched_share_min",
    "unmatched_count_max",
    "unmatched_count_min",
    "number_conflict",
    "number_unmatched",
    "number_shared",
    "name_unmatched",
    "name_conflict",
    "name_shared",
    "negation_mismatch",
    "modal_mismatch",
    "hedge_mismatch",
    "char3_min",
    "char3_max",
    "char4_min",
    "char4_max",
    "prefix_unmatched_max",
    "prefix_unmatched_min",
    "prefix_count_max",
    "prefix_count_min",
    "digit_conflict",
    "digit_unmatched",
)


def features(a: ClaimText, b: ClaimText) -> dict[str, float]:
    """The lexical features of a pair of prepared claims (symmetric in ``a`` and ``b``)."""
    va, vb = _view(a.words), _view(b.words)
    na, nb = len(va.words), len(vb.words)
    shared = va.stem_set & vb.stem_set
    stem_min, stem_max = _shares(len(shared), len(va.stem_set), len(vb.stem_set))
    union = len(va.stem_set) + len(vb.stem_set) - len(shared)
    bigram_min, bigram_max = _shares(len(va.bigrams & vb.bigrams), len(va.bigrams), len(vb.bigrams))
    trigram_min, trigram_max = _shares(
        len(va.trigrams & vb.trigrams), len(va.trigrams), len(vb.trigrams)
    )
    sb_min, sb_max = _shares(
        len(va.stem_bigrams & vb.stem_bigrams), len(va.stem_bigrams), len(vb.stem_bigrams)
    )
    lcs = (na + nb - Indel.distance(va.words, vb.words)) // 2
    lcs_min, lcs_max = _shares(lcs, na, nb)
    run = _longest_run(va.words, vb.words)
    run_min, _ = _shares(run, na, nb)
    ua = sum(w for s, w in va.weight.items() if s not in shared)
    ub = sum(w for s, w in vb.weight.items() if s not in shared)
    wa = sum(va.weight.values()) or 1.0
    wb = sum(vb.weight.values()) or 1.0
    ca = len(va.stem_set) - len(shared)
    cb = len(vb.stem_set) - len(shared)
    number_shared = len(va.numbers & vb.numbers)
    number_unmatched = len(va.numbers ^ vb.numbers)
    names_shared = len(a.names & b.names)
    c3_min, c3_max = _shares(len(va.char3 & vb.char3), len(va.char3), len(vb.char3))
    c4_min, c4_max = _shares(len(va.char4 & vb.char4), len(va.char4), len(vb.char4))
    pa = [w for p, w in va.prefixes.items() if p not in vb.prefixes]
    pb = [w for p, w in vb.prefixes.items() if p not in va.prefixes]
    return {
        "word_indel": Indel.normalized_similarity(va.words, vb.words),
        "stem_indel": Indel.normalized_similarity(va.stems, vb.stems),
        "char_indel": Indel.normalized_similarity(va.text, vb.text),
        "token_set": fuzz.token_set_ratio(va.text, vb.text) / 100.0,
        "token_sort": fuzz.token_sort_ratio(va.text, vb.text) / 100.0,
        "partial": fuzz.partial_ratio(va.text, vb.text) / 100.0,
        "stem_min": stem_min,
        "stem_max": stem_max,
        "stem_jaccard": len(shared) / union if union else 0.0,
        "bigram_min": bigram_min,
        "bigram_max": bigram_max,
        "trigram_min": trigram_min,
        "trigram_max": trigram_max,
        "stem_bigram_min": sb_min,
        "stem_bigram_max": sb_max,
        "lcs_min": lcs_min,
        "lcs_max": lcs_max,
        "run_min": run_min,
        "len_log_ratio": abs(math.log((na + 1) / (nb + 1))),
        "len_diff": abs(na - nb) / 10.0,
        "len_min_log": math.log(min(na, nb) + 1),
        "unmatched_max": max(ua, ub) / 10.0,
        "unmatched_min": min(ua, ub) / 10.0,
        "unmatched_share_max": max(ua / wa, ub / wb),
        "unmatched_share_min": min(ua / wa, ub / wb),
        "unmatched_count_max": float(max(ca, cb)),
        "unmatched_count_min": float(min(ca, cb)),
        "number_conflict": float(bool(va.numbers) and bool(vb.numbers) and va.numbers != vb.numbers),
        "number_unmatched": float(number_unmatched),
        "number_shared": float(number_shared),
        "name_unmatched": float(len(a.names ^ b.names)),
        "name_conflict": float(bool(a.names - b.names) and bool(b.names - a.names)),
        "name_shared": float(names_shared),
        "negation_mismatch": float((va.negations > 0) != (vb.negations > 0)),
        "modal_mismatch": float(len(va.modals ^ vb.modals)),
        "hedge_mismatch": float(len(va.hedges ^ vb.hedges)),
        "char3_min": c3_min,
        "char3_max": c3_max,
        "char4_min": c4_min,
        "char4_max": c4_max,
        "prefix_unmatched_max": max(sum(pa), sum(pb)) / 10.0,
        "prefix_unmatched_min": min(sum(pa), sum(pb)) / 10.0,
        "prefix_count_max": float(max(len(pa), len(pb))),
        "prefix_count_min": float(min(len(pa), len(pb))),
        "digit_conflict": float(bool(va.digits) and bool(vb.digits) and va.digits != vb.digits),
        "digit_unmatched": float(len(va.digits ^ vb.digits)),
    }


@attrs.frozen
class _Model:
    weights: dict[str, float]
    intercept: float
    threshold: float


@functools.cache
def _model() -> _Model:
    weights: dict[str, float] = {}
    intercept = 0.0
    cut = 0.5
    for line in data_lines(WEIGHTS_FILE):
        name, value = line.split("\t")
        if name == "(intercept)":
            intercept = float(value)
        elif name == "(threshold)":
            cut = float(value)
        else:
            weights[name] = float(value)
    return _Model(weights, intercept, cut)


def threshold() -> float:
    """The probability from which two claims are taken to make the same statement."""
    return _model().threshold


def same_statement_probability(a: ClaimText, b: ClaimText) -> float:
    """The probability that two prepared claims make the same statement (0..1, symmetric)."""
    model = _model()
    z = model.intercept
    for name, value in features(a, b).items():
        z += model.weights.get(name, 0.0) * value
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
