"""Whether two claims make the same statement: a small logistic model over lexical features.

:func:`features` describes a pair of prepared claims (see
:func:`claimtrack.claimtext.prepare`) with a score of numbers, each symmetric in
the two claims: how much of the characters, of the content stems, of the word
trigrams and of the longest common word subsequence they share, and how well the
shorter text matches its best stretch of the longer (rapidfuzz's
``partial_ratio``); how much content each side has that the other lacks
(counted, weighted by word length as a rough stand-in for how informative a
word is, as the longest run of unmatched content words, which tells an added
clause from scattered rewording, and as the unmatched content words before the
first shared one and after the last, where a clause is added); numbers
written with digits on one side only, names shared, and whether one side is
negated and the other not.  Content words the other side says in other words
count as shared by half: two stems are synonyms when WordNet 3.0 lets them
express one concept ("rose" / "climbed", "purchase" / "buy", "acquire" /
"acquisition"), read from ``data/synonyms.tsv`` (built by
``bench/build_synonyms.py``; WordNet's licence notice heads the file).  The
set was chosen by cross-validated log-loss (backward elimination; the last two,
``partial_ratio`` and ``unmatched_edge_max``, were added in session 10, see
``bench/MSRP.md``).

:func:`same_statement_probability` combines them with the weights in
``data/same_statement.tsv`` (plain text: feature, weight; plus the intercept and
the decision threshold), fitted by ``bench/train_same_statement.py`` on
sentence pairs annotated as saying the same thing or not.

Only the claims' words and names are used (not speakers or cues), and the
module imports nothing from :mod:`claimtrack.claimtext` (it reads prepared claims
through :class:`Prepared`), so that :mod:`claimtrack.relations` can use it.

>>> from claimtrack.claimtext import prepare
>>> a = prepare("The bridge will reopen in May, officials said.")
>>> same = same_statement_probability(a, prepare("Officials said the bridge would reopen in May."))
>>> other = same_statement_probability(a, prepare("Police arrested two men after a fight."))
>>> same > threshold() > other
True
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable
from typing import Protocol

import attrs
from nltk.stem.snowball import SnowballStemmer
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from claimtrack.lexicon import data_lines, iter_data_lines, word_categories, word_set
from claimtrack.normalize import match_key
from claimtrack.places import country_of

__all__ = [
    "FEATURES",
    "Prepared",
    "StatementModel",
    "content_key",
    "features",
    "is_function_word",
    "same_statement_probability",
    "shipped",
    "synonym_pairs",
    "threshold",
]

#: The weights file in ``claimtrack/data``.
WEIGHTS_FILE = "same_statement.tsv"
#: Stems and the WordNet concepts they express (built by ``bench/build_synonyms.py``).
SYNONYMS_FILE = "synonyms.tsv"


class Prepared(Protocol):
    """What the model reads of a prepared claim (:class:`claimtrack.claimtext.ClaimText`)."""

    @property
    def words(self) -> tuple[str, ...]:
        """The normalised words, in order."""

    @property
    def names(self) -> frozenset[str]:
        """Name keys (places as the country they name)."""


@functools.cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@functools.cache
def _stopwords() -> frozenset[str]:
    return word_set("stopwords.txt")


@functools.cache
def _categories() -> dict[str, frozenset[str]]:
    return word_categories("change_words.txt")


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """Inflected forms of verbs of saying ("said", "told", "added"...)."""
    out: set[str] = set()
    for line in data_lines("reporting_verbs.txt"):
        cells = line.split("\t")
        if len(cells) > 2 and cells[2].strip() == "speech":
            out.update(cells[1].split())
    return frozenset(out)


@functools.lru_cache(maxsize=200_000)
def _stem_key(word: str) -> str:
    """A content word's key: the country a place stands for, else its Snowball stem."""
    if len(word) > 2:
        place = country_of(word)
        if place:
            return match_key(place).replace(" ", "_")
    return str(_stemmer().stem(word))


def content_key(word: str) -> str:
    """How the features key a content word: the country a place stands for, else its
    Snowball stem ("Moscow" -> "russia", "talks" -> "talk").

    >>> content_key("talks"), content_key("moscow")
    ('talk', 'russia')
    """
    return _stem_key(word)


def is_function_word(word: str) -> bool:
    """Whether a normalised word is a function word (``data/stopwords.txt``), not content.

    >>> is_function_word("the"), is_function_word("bridge")
    (True, False)
    """
    return word in _stopwords()


def _has_digit(word: str) -> bool:
    """Whether a word (letters and digits only, as prepared) has a digit."""
    return not word.isalpha()


@attrs.frozen
class _View:
    """What the features need of one word sequence, computed once per text."""

    words: tuple[str, ...]
    text: str
    #: (word, stem key) of each content word, in order.
    content: tuple[tuple[str, str], ...]
    stems: tuple[str, ...]
    stem_set: frozenset[str]
    #: The longest word (up to 12 letters) behind each stem key.
    weight: dict[str, float]
    total_weight: float
    trigrams: frozenset[tuple[str, str, str]]
    stem_bigrams: frozenset[tuple[str, str]]
    char3: frozenset[str]
    digits: frozenset[str]
    negated: bool


@functools.lru_cache(maxsize=64)  # few texts get this far; a view weighs ~16 KB
def _view(words: tuple[str, ...]) -> _View:
    stop = _stopwords()
    negations = _categories()["negation"]
    content = tuple((w, _stem_key(w)) for w in words if w not in stop)
    stems = tuple(s for _, s in content)
    weight: dict[str, float] = {}
    for word, stem in content:
        weight[stem] = max(weight.get(stem, 0.0), float(min(len(word), 12)))
    text = " ".join(words)
    return _View(
        words=words,
        text=text,
        content=content,
        stems=stems,
        stem_set=frozenset(stems),
        weight=weight,
        total_weight=sum(weight.values()),
        trigrams=frozenset(zip(words, words[1:], words[2:], strict=False)),
        stem_bigrams=frozenset(itertools.pairwise(stems)),
        char3=frozenset(map("".join, zip(text, text[1:], text[2:], strict=False))),
        digits=frozenset(w for w in words if _has_digit(w)),
        negated=any(w in negations for w in words),
    )


def _share(shared: int, na: int, nb: int) -> float:
    """The shared count over the larger of two sizes."""
    return shared / max(na, nb) if na or nb else 0.0


@functools.cache
def _synonyms() -> dict[str, tuple[int, ...]]:
    """Stem -> the WordNet concepts it can express (``data/synonyms.tsv``), as tuples
    of numbers shared between stems (a third of the memory of a set each)."""
    table: dict[str, tuple[int, ...]] = {}
    numbers: dict[int, int] = {}
    for line in iter_data_lines(SYNONYMS_FILE):
        stem, _, ids = line.partition("\t")
        table[stem] = tuple(numbers.setdefault(n, n) for n in map(int, ids.split()))
    return table


def _paired(mine: frozenset[str], theirs: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The stems of each side that a synonym on the other side can stand for.

    ``mine`` and ``theirs`` are the two sides' unmatched stems; a stem is
    paired when it shares a WordNet concept with one of the other side's.
    """
    table = _synonyms()
    concepts_a = {s: table[s] for s in mine if s in table}
    concepts_b = {s: table[s] for s in theirs if s in table}
    if not concepts_a or not concepts_b:
        return frozenset(), frozenset()
    all_a = frozenset().union(*concepts_a.values())
    all_b = frozenset().union(*concepts_b.values())
    return (
        frozenset(s for s, c in concepts_a.items() if not all_b.isdisjoint(c)),
        frozenset(s for s, c in concepts_b.items() if not all_a.isdisjoint(c)),
    )


def _unmatched(
    view: _View, shared: frozenset[str], names: frozenset[str], paired: frozenset[str]
) -> tuple[float, int, int, int, int, int]:
    """Content one side has and the other lacks.

    Returns the length-weighted share of the content that is unmatched, the
    number of unmatched stems, the longest run of unmatched content words
    (matched ones break a run, function words do not), the number of
    unmatched stems that are not names, numbers or verbs of saying, how
    many of those are not ``paired`` with a synonym either, and how many
    unmatched content words stand before the first matched one and after the
    last (at the edges: a clause added before or after what both say).
    """
    mass = 0.0
    count = run = longest = other = other_unpaired = 0
    lead = -1  # unmatched content words before the first matched one, once one is seen
    seen: set[str] = set()
    speech = _speech_verbs()
    for word, stem in view.content:
        if stem in shared:
            if lead < 0:
                lead = run
            run = 0
            continue
        run += 1
        longest = max(longest, run)
        if stem in seen:
            continue
        seen.add(stem)
        count += 1
        mass += view.weight[stem]
        if not (_has_digit(word) or word in speech or stem in names or word in names):
            other += 1
            other_unpaired += stem not in paired
    share = mass / view.total_weight if view.total_weight else 0.0
    edges = len(view.content) if lead < 0 else lead + run
    return share, count, longest, other, other_unpaired, edges


#: The feature names, in the order of the weights file.  "min" and "max" take
#: the smaller and the larger of the two sides' values; shares are over the
#: larger side unless said otherwise.
FEATURES: tuple[str, ...] = (
    "stem_indel",  # Indel similarity of the content-stem sequences
    "char_indel",  # Indel similarity of the normalised texts, character by character
    "char3_max",  # character trigrams shared
    "trigram_max",  # word trigrams shared
    "stem_bigram_max",  # content-stem bigrams shared
    "lcs_min",  # longest common word subsequence over the shorter text
    "lcs_max",  # ... over the longer text
    "len_log_ratio",  # |log of the ratio of the word counts|
    "len_min_log",  # log of the shorter text's word count
    "unmatched_share_max",  # share of a side's content (length-weighted) the other lacks
    "unmatched_count_max",  # unmatched content stems
    "unmatched_run_max",  # longest run of unmatched content words (an added clause)
    "unmatched_other_max",  # unmatched stems other than names, numbers, verbs of saying
    "digit_unmatched",  # numbers written with digits found on one side only
    "digits_min",  # numbers written with digits on the side with fewer
    "name_shared",  # names both have
    "negation_mismatch",  # one side has a negation and the other none
    "synonym_jaccard",  # content stems shared over their union, one paired by a synonym counting half
    "unpaired_other_min",  # as unmatched_other, less the stems paired by a synonym
    "partial_ratio",  # rapidfuzz partial_ratio of the texts: the shorter's best match in the longer
    "unmatched_edge_max",  # unmatched content words before the first matched one and after the last
)


def _compared(text: Prepared) -> tuple[str, ...]:
    """The words a prepared claim is compared by (phrases as the word they mean)."""
    compared: tuple[str, ...] = getattr(text, "compared", text.words)
    return compared


def synonym_pairs(a: Prepared, b: Prepared) -> tuple[tuple[str, str], ...]:
    """The content words of ``a`` that ``b`` says in other words, each with its synonym.

    Words of the two claims whose stems are not shared but share a WordNet
    concept, in ``a``'s order; each word of ``a`` is given with the first such
    word of ``b``.  This is what :func:`features` counts as half shared.

    >>> from claimtrack.claimtext import prepare
    >>> a = prepare("The talks ended abruptly on Monday.")
    >>> synonym_pairs(a, prepare("On Monday the negotiations stopped suddenly."))
    (('talks', 'negotiations'), ('ended', 'stopped'), ('abruptly', 'suddenly'))
    """
    va, vb = _view(_compared(a)), _view(_compared(b))
    shared = va.stem_set & vb.stem_set
    paired_a, paired_b = _paired(va.stem_set - shared, vb.stem_set - shared)
    if not paired_a:
        return ()
    table = _synonyms()
    theirs = [(word, table[stem]) for stem, word in _first_words(vb).items() if stem in paired_b]
    out = []
    for stem, word in _first_words(va).items():
        if stem in paired_a:
            concepts = frozenset(table[stem])
            partner = next(w for w, c in theirs if not concepts.isdisjoint(c))
            out.append((word, partner))
    return tuple(out)


def _first_words(view: _View) -> dict[str, str]:
    """Each content stem of a text with the first word behind it, in order."""
    out: dict[str, str] = {}
    for word, stem in view.content:
        out.setdefault(stem, word)
    return out


def features(a: Prepared, b: Prepared) -> dict[str, float]:
    """The lexical features of a pair of prepared claims (symmetric in ``a`` and ``b``)."""
    va, vb = _view(_compared(a)), _view(_compared(b))
    na, nb = len(va.words), len(vb.words)
    shared = va.stem_set & vb.stem_set
    union = len(va.stem_set) + len(vb.stem_set) - len(shared)
    lcs = (na + nb - Indel.distance(va.words, vb.words)) // 2
    paired_a, paired_b = _paired(va.stem_set - shared, vb.stem_set - shared)
    sa, ca, ra, oa, ua, ea = _unmatched(va, shared, a.names, paired_a)
    sb, cb, rb, ob, ub, eb = _unmatched(vb, shared, b.names, paired_b)
    half_paired = (len(paired_a) + len(paired_b)) / 2
    return {
        "stem_indel": Indel.normalized_similarity(va.stems, vb.stems),
        "char_indel": Indel.normalized_similarity(va.text, vb.text),
        "char3_max": _share(len(va.char3 & vb.char3), len(va.char3), len(vb.char3)),
        "trigram_max": _share(len(va.trigrams & vb.trigrams), len(va.trigrams), len(vb.trigrams)),
        "stem_bigram_max": _share(
            len(va.stem_bigrams & vb.stem_bigrams), len(va.stem_bigrams), len(vb.stem_bigrams)
        ),
        "lcs_min": lcs / min(na, nb) if na and nb else 0.0,
        "lcs_max": lcs / max(na, nb) if na or nb else 0.0,
        "len_log_ratio": abs(math.log(na + 1) - math.log(nb + 1)),
        "len_min_log": math.log(min(na, nb) + 1),
        "unmatched_share_max": max(sa, sb),
        "unmatched_count_max": float(max(ca, cb)),
        "unmatched_run_max": float(max(ra, rb)),
        "unmatched_other_max": float(max(oa, ob)),
        "digit_unmatched": float(len(va.digits ^ vb.digits)),
        "digits_min": float(min(len(va.digits), len(vb.digits))),
        "name_shared": float(len(a.names & b.names)),
        "negation_mismatch": float(va.negated != vb.negated),
        "synonym_jaccard": (len(shared) + half_paired) / union if union else 0.0,
        "unpaired_other_min": float(min(ua, ub)),
        "partial_ratio": fuzz.partial_ratio(va.text, vb.text) / 100.0,
        "unmatched_edge_max": float(max(ea, eb)),
    }


@attrs.frozen
class _Model:
    weights: tuple[tuple[str, float], ...]
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
        elif name in FEATURES:
            weights[name] = float(value)
        else:
            raise ValueError(f"{WEIGHTS_FILE}: unknown feature {name!r}")
    return _Model(tuple(weights.items()), intercept, cut)


def threshold() -> float:
    """The probability from which two claims are taken to make the same statement."""
    return _model().threshold


@attrs.frozen
class StatementModel:
    """A same-statement model as ``relate()`` asks it: a probability that two
    prepared claims make the same statement, and the threshold from which they do.
    :func:`shipped` is the one trained on MSRP; evaluation passes others (a model
    refitted on some folds) instead of replacing module functions.

    >>> from claimtrack.claimtext import prepare
    >>> a, b = prepare("The bridge will reopen in May."), prepare("The bridge reopens in May.")
    >>> StatementModel(lambda x, y: 0.9, 0.5).same(a, b), StatementModel(lambda x, y: 0.4, 0.5).same(a, b)
    (True, False)
    """

    probability: Callable[[Prepared, Prepared], float]
    threshold: float

    def same(self, a: Prepared, b: Prepared) -> bool:
        return self.probability(a, b) >= self.threshold


@functools.cache
def shipped() -> StatementModel:
    """The model of ``data/same_statement.tsv`` (trained on MSRP train)."""
    return StatementModel(same_statement_probability, threshold())


def same_statement_probability(a: Prepared, b: Prepared) -> float:
    """The probability that two prepared claims make the same statement (0..1, symmetric)."""
    model = _model()
    values = features(a, b)
    z = model.intercept + math.fsum(w * values[name] for name, w in model.weights)
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
