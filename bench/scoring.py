"""Pure scoring functions for attribution extraction on PolNeAR (standard library only).

The rules are those of ``shared/data/README.md``:

* every gold content is matched **one-to-one** to a predicted content;
* **loose**: the predicted content covers *more than* 30% of the gold content's
  characters (``overlap / len(gold) > 0.3``);
* **tight**: the character Jaccard of the two contents is at least 0.8;
* precision, recall and F1 for both; on loosely matched pairs, **source accuracy** is the
  share whose predicted speaker overlaps the gold source (by at least one character) and
  **cue accuracy** likewise for the cue.  Gold attributions without a source
  ("Attribution-no-source") or without a cue are left out of the respective accuracy and
  counted apart.

Roles are sets of characters: a discontinuous role (several ``spans``) is the union of its
spans, and coverage and Jaccard are computed over those unions.

Matching (:func:`match`): a loose (or tight) matching is computed separately for each
criterion over the pairs that pass it.  Pairs are first taken greedily by descending
Jaccard (ties: coverage, then document order), then the greedy matching is grown to a
**maximum-cardinality** matching with augmenting paths (Kuhn's algorithm), which never
unmatches a matched gold or prediction.  The number of true positives is therefore the
largest any one-to-one assignment can reach, and the pairs kept are, as far as that allows,
the most overlapping ones.

Gold reading (:func:`golds_from_record`): one record is one annotator; the caller keeps the
first record of each ``article``.  An attribution without a content is skipped (and
counted); a ``content2`` (a second content of the same source and cue, usually a later
quotation) is a gold content of its own, sharing the source and cue.

Resolution proxy (PolNeAR has no coreference): for a gold source that is a personal
pronoun, the *antecedent* is the nearest preceding gold source (earlier start offset) in the
same or the previous paragraph that is a *proper name*, i.e. has at least one name token
(:func:`name_tokens`).  A prediction counts as resolved if the last token of its
``speaker_name`` equals, case-insensitively, one of the antecedent's name tokens.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "LOOSE_THRESHOLD",
    "PRONOUNS",
    "TIGHT_THRESHOLD",
    "ArticleResult",
    "Gold",
    "Pred",
    "Spans",
    "Tally",
    "coverage",
    "find_antecedent",
    "golds_from_record",
    "intersection",
    "is_pronoun",
    "is_quote_bearing",
    "jaccard",
    "last_token",
    "match",
    "name_tokens",
    "normalize",
    "overlaps",
    "paragraph_spans",
    "pred_from_dict",
    "prf",
    "resolved_by_proxy",
    "score_article",
    "size",
]

LOOSE_THRESHOLD = 0.3  # coverage of the gold content must be strictly greater
TIGHT_THRESHOLD = 0.8  # Jaccard must be at least this

Spans = tuple[tuple[int, int], ...]
Criterion = Literal["loose", "tight"]

# --- character sets -------------------------------------------------------------------


def polnear_records(path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(article key, record)`` for each record of a PolNeAR JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                yield record.get("article") or record["id"], record


def normalize(spans: Iterable[Sequence[int]]) -> Spans:
    """Sorted, merged, non-empty ``(start, end)`` intervals covering the same characters.

    >>> normalize([[5, 9], [0, 3], [2, 4], [9, 9]])
    ((0, 4), (5, 9))
    """
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def size(spans: Spans) -> int:
    """Number of characters in a normalized span set."""
    return sum(e - s for s, e in spans)


def intersection(a: Spans, b: Spans) -> int:
    """Number of characters two normalized span sets share (linear merge)."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if hi > lo:
            total += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def coverage(gold: Spans, pred: Spans) -> float:
    """Share of the gold characters that the prediction covers (0 for an empty gold)."""
    n = size(gold)
    return intersection(gold, pred) / n if n else 0.0


def jaccard(a: Spans, b: Spans) -> float:
    """Character Jaccard of two normalized span sets (0 when both are empty)."""
    inter = intersection(a, b)
    union = size(a) + size(b) - inter
    return inter / union if union else 0.0


def overlaps(a: Spans | None, b: Spans | None) -> bool:
    """Whether two span sets share at least one character (``None`` shares none)."""
    return a is not None and b is not None and intersection(a, b) > 0


# --- gold and predictions -------------------------------------------------------------


@dataclass(frozen=True)
class Gold:
    """One gold content with its source and cue (span sets) and derived facts."""

    content: Spans
    source: Spans | None = None
    cue: Spans | None = None
    type: str = "Attribution"
    source_text: str | None = None
    quote_bearing: bool = False
    #: the gold source is a personal pronoun
    pronoun_source: bool = False
    #: text of the proxy antecedent of a pronoun source (see the module docstring)
    antecedent: str | None = None
    #: its name tokens, case-folded
    antecedent_tokens: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pred:
    """One predicted attribution, reduced to what scoring needs."""

    content: Spans
    speaker: Spans | None = None
    cue: Spans | None = None
    speaker_name: str | None = None
    pattern: str | None = None
    kind: str | None = None


def _role_spans(role: Mapping[str, Any] | None) -> Spans | None:
    """The span set of a role given as ``{"spans": [[s, e], ...]}`` or ``{"start", "end"}``."""
    if not role:
        return None
    raw = role.get("spans")
    if raw:
        spans = normalize(raw)
    elif role.get("start") is not None and role.get("end") is not None:
        spans = normalize([(role["start"], role["end"])])
    else:
        return None
    return spans or None


def pred_from_dict(obj: Mapping[str, Any]) -> Pred:
    """A :class:`Pred` from one object of the CLI's JSON Lines attribution output."""
    content = _role_spans(obj.get("content")) or ()
    return Pred(
        content=content,
        speaker=_role_spans(obj.get("speaker")),
        cue=_role_spans(obj.get("cue")),
        speaker_name=obj.get("speaker_name"),
        pattern=obj.get("pattern"),
        kind=obj.get("kind"),
    )


QUOTES = frozenset('“”"')


def is_quote_bearing(text: str, spans: Spans) -> bool:
    """Whether a content holds a quotation mark or is immediately wrapped by one.

    "Immediately wrapped": the character just before the content's first span or just
    after its last span is a quotation mark (“ ” ").

    >>> text = 'He said “no way” today.'
    >>> is_quote_bearing(text, ((9, 15),)), is_quote_bearing(text, ((0, 2),))
    (True, False)
    """
    if not spans:
        return False
    if any(ch in QUOTES for s, e in spans for ch in text[s:e]):
        return True
    start, end = spans[0][0], spans[-1][1]
    return (start > 0 and text[start - 1] in QUOTES) or (end < len(text) and text[end] in QUOTES)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Personal pronouns (nominative, oblique and possessive) counted as pronoun sources.
PRONOUNS = _words("i me my we us our you your he him his she her hers it its they them their")


def is_pronoun(text: str | None) -> bool:
    """Whether a source text is a single personal pronoun ("He", "they", "I")."""
    return text is not None and text.strip().casefold() in PRONOUNS


#: Capitalised words that are not names: determiners, pronouns, titles and roles.
NOT_NAMES = _words(
    """a an the this that these those some many most several all both each another other
    i me my we us our you your he him his she her it its they them their who which
    mr mrs ms miss dr sen senator rep representative gov governor president vice former
    gen general secretary speaker chairman chairwoman chair judge mayor rev lt col sgt
    attorney candidate nominee leader spokesman spokeswoman officials official aides aide
    executive director chief minister press campaign manager according"""
)

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _clean(token: str) -> str:
    return _POSSESSIVE.sub("", token.strip(".-'’"))


def name_tokens(text: str, lower_words: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Name tokens of a source text, case-folded: capitalised words, not in a stop list.

    Parenthesised parts ("(R-Utah)") are dropped and possessives stripped.  The first word
    is only a name token if its lower-case form is not in ``lower_words`` (the words
    written in lower case in the article): a sentence-initial "Officials" is not a name.

    >>> name_tokens("panel Chairman Rep. Jason Chaffetz (R-Utah)")
    ('jason', 'chaffetz')
    >>> name_tokens("Officials", frozenset({"officials"})), name_tokens("he")
    ((), ())
    """
    text = re.sub(r"\([^)]*\)", " ", text)
    found: list[str] = []
    for k, match in enumerate(_WORD.finditer(text)):
        token = _clean(match.group())
        if not token or not token[0].isupper():
            continue
        folded = token.casefold()
        if folded in NOT_NAMES or (k == 0 and folded in lower_words):
            continue
        found.append(folded)
    return tuple(found)


def last_token(name: str | None) -> str | None:
    """The last word of a name, case-folded and without a possessive ("Donald Trump's")."""
    if not name:
        return None
    words = [_clean(w) for w in _WORD.findall(name)]
    words = [w for w in words if w]
    return words[-1].casefold() if words else None


def resolved_by_proxy(speaker_name: str | None, antecedent_tokens: Sequence[str]) -> bool:
    """The proxy: the last token of ``speaker_name`` is one of the antecedent's name tokens.

    >>> resolved_by_proxy("Donald J. Trump", ("donald", "trump"))
    True
    >>> resolved_by_proxy(None, ("trump",)), resolved_by_proxy("Clinton", ("trump",))
    (False, False)
    """
    last = last_token(speaker_name)
    return last is not None and last in antecedent_tokens


_LINE = re.compile(r"[^\r\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as ``(start, end)``: the non-blank lines of ``text``."""
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]


def _paragraph_of(paragraphs: Sequence[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(paragraphs)
    while lo < hi:  # last paragraph starting at or before offset
        mid = (lo + hi) // 2
        if paragraphs[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def find_antecedent(
    pronoun_start: int,
    sources: Sequence[tuple[int, str, tuple[str, ...]]],
    paragraphs: Sequence[tuple[int, int]],
) -> tuple[str, tuple[str, ...]] | None:
    """The proxy antecedent of a pronoun source starting at ``pronoun_start``.

    ``sources`` are the article's gold sources as ``(start, text, name tokens)``.  The
    antecedent is the one with the largest start before ``pronoun_start``, in the same or
    the previous paragraph, with at least one name token.
    """
    para = _paragraph_of(paragraphs, pronoun_start) if paragraphs else 0
    best: tuple[int, str, tuple[str, ...]] | None = None
    for start, text, tokens in sources:
        if start >= pronoun_start or not tokens:
            continue
        if paragraphs and _paragraph_of(paragraphs, start) < para - 1:
            continue
        if best is None or start > best[0]:
            best = (start, text, tokens)
    return (best[1], best[2]) if best else None


def golds_from_record(record: Mapping[str, Any]) -> tuple[list[Gold], int]:
    """The gold contents of one PolNeAR record and the number of attributions skipped.

    An attribution without a (non-empty) content is skipped; a ``content2`` is a gold
    content of its own with the same source and cue.
    """
    text: str = record["text"]
    attributions: Sequence[Mapping[str, Any]] = record.get("attributions") or ()
    lower_words = frozenset(re.findall(r"\b[a-z][a-z'’\-]*", text))
    paragraphs = paragraph_spans(text)
    sources: dict[tuple[int, str], tuple[str, ...]] = {}
    for att in attributions:
        src = att.get("source")
        if src and src.get("text") and not is_pronoun(src["text"]):
            sources[(int(src["start"]), src["text"])] = name_tokens(src["text"], lower_words)
    source_list = [(s, t, toks) for (s, t), toks in sources.items()]

    golds: list[Gold] = []
    skipped = 0
    for att in attributions:
        source = _role_spans(att.get("source"))
        source_text = att["source"]["text"] if source else None
        pronoun = is_pronoun(source_text)
        antecedent = None
        if pronoun and source:
            antecedent = find_antecedent(source[0][0], source_list, paragraphs)
        contents = [_role_spans(att.get("content")), _role_spans(att.get("content2"))]
        if contents[0] is None:
            skipped += 1
        for content in contents:
            if content is None:
                continue
            golds.append(
                Gold(
                    content=content,
                    source=source,
                    cue=_role_spans(att.get("cue")),
                    type=att.get("type") or "Attribution",
                    source_text=source_text,
                    quote_bearing=is_quote_bearing(text, content),
                    pronoun_source=pronoun,
                    antecedent=antecedent[0] if antecedent else None,
                    antecedent_tokens=antecedent[1] if antecedent else (),
                )
            )
    return golds, skipped


# --- matching ---------------------------------------------------------------------------


def _passes(gold: Spans, pred: Spans, criterion: Criterion) -> tuple[bool, float, float]:
    inter = intersection(gold, pred)
    if not inter:
        return False, 0.0, 0.0
    n_gold = size(gold)
    cov = inter / n_gold
    jac = inter / (n_gold + size(pred) - inter)
    ok = cov > LOOSE_THRESHOLD if criterion == "loose" else jac >= TIGHT_THRESHOLD
    return ok, jac, cov


def match(gold: Sequence[Spans], pred: Sequence[Spans], criterion: Criterion) -> dict[int, int]:
    """A maximum-cardinality one-to-one matching ``{gold index: pred index}``.

    Only pairs passing ``criterion`` ("loose" or "tight") may be matched.  Greedy by
    descending Jaccard first, then completed with augmenting paths (see the module
    docstring).
    """
    edges: list[tuple[float, float, int, int]] = []
    bounds = [(p[0][0], p[-1][1]) if p else (0, 0) for p in pred]
    for g, gspans in enumerate(gold):
        if not gspans:
            continue
        g_lo, g_hi = gspans[0][0], gspans[-1][1]
        for p, pspans in enumerate(pred):
            if not pspans or bounds[p][1] <= g_lo or bounds[p][0] >= g_hi:
                continue
            ok, jac, cov = _passes(gspans, pspans, criterion)
            if ok:
                edges.append((-jac, -cov, g, p))
    edges.sort()
    g2p: dict[int, int] = {}
    p2g: dict[int, int] = {}
    adjacency: dict[int, list[int]] = {}
    for _, _, g, p in edges:
        adjacency.setdefault(g, []).append(p)
        if g not in g2p and p not in p2g:
            g2p[g] = p
            p2g[p] = g

    def augment(g: int, seen: set[int]) -> bool:
        for p in adjacency.get(g, ()):
            if p in seen:
                continue
            seen.add(p)
            if p not in p2g or augment(p2g[p], seen):
                g2p[g] = p
                p2g[p] = g
                return True
        return False

    for g in adjacency:
        if g not in g2p:
            augment(g, set())
    return g2p


@dataclass(frozen=True)
class ArticleResult:
    """The loose and tight matchings of one article (``{gold index: pred index}``)."""

    loose: dict[int, int]
    tight: dict[int, int]


def score_article(golds: Sequence[Gold], preds: Sequence[Pred]) -> ArticleResult:
    """Match an article's gold contents to its predicted contents, loosely and tightly."""
    gold_spans = [g.content for g in golds]
    pred_spans = [p.content for p in preds]
    return ArticleResult(
        loose=match(gold_spans, pred_spans, "loose"),
        tight=match(gold_spans, pred_spans, "tight"),
    )


# --- totals -------------------------------------------------------------------------------


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (each 0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Tally:
    """Counts accumulated over articles; :meth:`summary` turns them into figures."""

    articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    loose_tp: int = 0
    tight_tp: int = 0
    source_correct: int = 0
    source_scored: int = 0
    source_no_gold: int = 0
    cue_correct: int = 0
    cue_scored: int = 0
    cue_no_gold: int = 0
    #: "quote" / "other" -> [gold count, loose matches, tight matches]
    by_quote: dict[str, list[int]] = field(
        default_factory=lambda: {"quote": [0, 0, 0], "other": [0, 0, 0]}
    )
    pattern_pred: Counter[str] = field(default_factory=Counter)
    pattern_loose: Counter[str] = field(default_factory=Counter)
    pronoun_pairs: int = 0
    pronoun_speaker_overlap: int = 0
    pronoun_with_antecedent: int = 0
    pronoun_with_name: int = 0
    pronoun_resolved: int = 0

    def add(self, golds: Sequence[Gold], preds: Sequence[Pred], result: ArticleResult) -> None:
        """Add one article's gold, predictions and matchings."""
        self.articles += 1
        self.n_gold += len(golds)
        self.n_pred += len(preds)
        self.loose_tp += len(result.loose)
        self.tight_tp += len(result.tight)
        for g, gold in enumerate(golds):
            row = self.by_quote["quote" if gold.quote_bearing else "other"]
            row[0] += 1
            row[1] += g in result.loose
            row[2] += g in result.tight
        matched_preds = set(result.loose.values())
        for p, pred in enumerate(preds):
            name = pred.pattern or "(none)"
            self.pattern_pred[name] += 1
            self.pattern_loose[name] += p in matched_preds
        for g, p in result.loose.items():
            gold, pred = golds[g], preds[p]
            if gold.source is None:
                self.source_no_gold += 1
            else:
                self.source_scored += 1
                self.source_correct += overlaps(gold.source, pred.speaker)
            if gold.cue is None:
                self.cue_no_gold += 1
            else:
                self.cue_scored += 1
                self.cue_correct += overlaps(gold.cue, pred.cue)
            if gold.pronoun_source:
                self.pronoun_pairs += 1
                self.pronoun_speaker_overlap += overlaps(gold.source, pred.speaker)
                if gold.antecedent_tokens:
                    self.pronoun_with_antecedent += 1
                    self.pronoun_with_name += pred.speaker_name is not None
                    self.pronoun_resolved += resolved_by_proxy(
                        pred.speaker_name, gold.antecedent_tokens
                    )

    def summary(self) -> dict[str, Any]:
        """All figures as a JSON-ready dictionary (shares in [0, 1], ``None`` if undefined)."""
        patterns = {
            name: {
                "predicted": self.pattern_pred[name],
                "loose_matched": self.pattern_loose[name],
                "precision": _share(self.pattern_loose[name], self.pattern_pred[name]),
            }
            for name in sorted(self.pattern_pred, key=lambda n: (-self.pattern_pred[n], n))
        }
        return {
            "articles": self.articles,
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "loose": {"tp": self.loose_tp, **prf(self.loose_tp, self.n_pred, self.n_gold)},
            "tight": {"tp": self.tight_tp, **prf(self.tight_tp, self.n_pred, self.n_gold)},
            "source_accuracy": _share(self.source_correct, self.source_scored),
            "source_scored": self.source_scored,
            "source_excluded_no_gold_source": self.source_no_gold,
            "cue_accuracy": _share(self.cue_correct, self.cue_scored),
            "cue_scored": self.cue_scored,
            "cue_excluded_no_gold_cue": self.cue_no_gold,
            "recall_by_quote": {
                key: {
                    "gold": row[0],
                    "loose_recall": _share(row[1], row[0]),
                    "tight_recall": _share(row[2], row[0]),
                }
                for key, row in self.by_quote.items()
            },
            "patterns": patterns,
            "pronoun_sources": {
                "loose_pairs": self.pronoun_pairs,
                "speaker_overlap": _share(self.pronoun_speaker_overlap, self.pronoun_pairs),
                "with_proxy_antecedent": self.pronoun_with_antecedent,
                "with_speaker_name": self.pronoun_with_name,
                "proxy_resolution_accuracy": _share(
                    self.pronoun_resolved, self.pronoun_with_antecedent
                ),
            },
        }
