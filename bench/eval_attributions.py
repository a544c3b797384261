"""Evaluate attribution extraction (speaker, cue, content) on PolNeAR.

Usage::

    python bench/eval_attributions.py ../shared/data/polnear/dev.jsonl
    python bench/eval_attributions.py DEV.jsonl --limit 20 --errors 10 --by-pattern
    python bench/eval_attributions.py DEV.jsonl --predictions preds.jsonl --json
    python bench/eval_attributions.py DEV.jsonl --convention quotes --by-pattern
    python bench/eval_attributions.py DEV.jsonl --convention quotes --baseline

Gold: the first record of each ``article`` in the PolNeAR file (one annotator per article).
Predictions: :func:`claimtrack.attributions.extract_attributions` run on each article's
text, or, with ``--predictions``, a JSON Lines file in the CLI's attribution format (one
object per attribution with an ``article`` field holding the PolNeAR ``article`` id, and
``content``/``speaker``/``cue`` roles given by ``spans`` or ``start``/``end``).

Scoring rules, matching method and the pronoun-resolution proxy are documented in
``bench/scoring.py``.  Printed:

* loose and tight precision / recall / F1 with counts; source and cue accuracy on loose
  matches (gold without a source or a cue left out and counted);
* loose and tight recall on quote-bearing gold contents (holding, or immediately wrapped
  by, “ ” or ") and on the others;
* with ``--by-pattern``, per-pattern precision (share of each ``pattern``'s predictions
  that are loosely matched);
* pronoun sources: on loose matches whose gold source is a personal pronoun, the share
  whose predicted speaker overlaps it, and the resolution *proxy*;
* speed (API mode only): articles per second of the ``extract_attributions`` calls alone
  (process pinned to one CPU, one untimed warm-up call), the bare NLTK Punkt
  ``span_tokenize`` rate on the same texts, and the ratio;
* with ``--errors K``, K random false positives and K random false negatives (loose) with
  their sentence context, the role marked ⟦like this⟧;
* with ``--misses K``, the false negatives (loose) counted by kind of miss
  (:func:`miss_kind`: a prediction too short, the cue found but the content
  elsewhere, a cue the lexicon lacks, what stands between source and cue, the
  content before its cue...), the gold cues missed most often, and K random
  examples of each kind.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import (
    Gold,
    Pred,
    Spans,
    Tally,
    coverage,
    golds_from_record,
    is_quote_bearing,
    normalize,
    overlaps,
    paragraph_spans,
    polnear_records,
    pred_from_dict,
    score_article,
)

# --- reading ----------------------------------------------------------------------------


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first record of each ``article`` of a PolNeAR JSONL file, in file order."""
    records: dict[str, dict[str, Any]] = {}
    for key, record in polnear_records(str(path)):
        if key not in records:
            if limit is not None and len(records) >= limit:
                break
            records[key] = record
    return list(records.values())


def read_predictions(path: str | Path) -> dict[str, list[Pred]]:
    """Predictions of a JSON Lines file, grouped by ``article``."""
    grouped: dict[str, list[Pred]] = collections.defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            if "article" not in obj:
                raise SystemExit(f"{path}:{number}: a prediction needs an 'article' field")
            grouped[str(obj["article"])].append(pred_from_dict(obj))
    return grouped


def _spans_of(role: Any) -> Spans | None:
    """The span set of a claimtrack role or content (``.spans`` of Spans, or start/end)."""
    if role is None:
        return None
    raw = getattr(role, "spans", None)
    if raw:
        pairs = [(s.start, s.end) if hasattr(s, "start") else (s[0], s[1]) for s in raw]
    elif getattr(role, "start", None) is not None:
        pairs = [(role.start, role.end)]
    else:
        return None
    return normalize(pairs) or None


def pred_from_attribution(att: Any) -> Pred:
    """A :class:`Pred` from a :class:`claimtrack.attributions.Attribution`."""
    return Pred(
        content=_spans_of(att.content) or (),
        speaker=_spans_of(getattr(att, "speaker", None)),
        cue=_spans_of(getattr(att, "cue", None)),
        speaker_name=getattr(att, "speaker_name", None),
        pattern=getattr(att, "pattern", None),
        kind=getattr(att, "kind", None),
    )


# --- running the extractor ----------------------------------------------------------------


def pin_one_cpu() -> int | None:
    """Pin this process to one CPU where the platform allows it; return the CPU."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
    except OSError:
        return None
    return cpu


def run_extractor(
    records: Sequence[dict[str, Any]], convention: str = "attribution"
) -> tuple[dict[str, list[Pred]], float]:
    """Predictions of ``extract_attributions`` per article (in the quotes convention:
    :func:`claimtrack.quotes.quote_records` of them, chains of one quotation in one
    paragraph merged, see :func:`quotes_view`), and the seconds the calls took."""
    try:
        from claimtrack.articles import Article
        from claimtrack.attributions import extract_attributions
        from claimtrack.quotes import quote_records
        from claimtrack.sentences import split_sentences
    except ImportError as exc:
        raise SystemExit(
            f"cannot import claimtrack.attributions ({exc}); use --predictions FILE"
        ) from None
    articles = [Article(id=r.get("article") or r["id"], text=r["text"]) for r in records]
    if articles:
        extract_attributions(articles[0])  # warm-up: lazy loading of word lists etc.
    preds: dict[str, list[Pred]] = {}
    elapsed = 0.0
    clock = time.perf_counter
    for article in articles:
        start = clock()
        if convention == "quotes":
            sentences = split_sentences(article)
            found = quote_records(article, sentences, extract_attributions(article, sentences))
        else:
            found = extract_attributions(article)
        elapsed += clock() - start
        if convention == "quotes":
            preds[article.id] = quotes_view(article.text, found)
        else:
            preds[article.id] = [pred_from_attribution(a) for a in found]
    return preds, elapsed


def quotes_view(text: str, records: Sequence[Any]) -> list[Pred]:
    """Quote-convention records as PolNeAR would hold them, to score on the quotes view
    of PolNeAR: quote-bearing records only; the records of one quotation within one
    paragraph (both halves of an interrupted quote, its further sentences) merged
    into one content of several spans, as PolNeAR annotates them; a follow-on
    paragraph stays a record."""
    paragraphs = paragraph_spans(text)
    groups: dict[tuple[Any, int], list[Any]] = {}
    for record in records:
        content = _spans_of(record.content) or ()
        if not is_quote_bearing(text, content):
            continue
        head = record.continues or record.content.spans[0]
        where = next(
            (k for k, (s, e) in enumerate(paragraphs) if s <= record.content.start < e), -1
        )
        groups.setdefault((head, where), []).append(record)
    out = []
    for group in groups.values():
        first = min(group, key=lambda r: r.content.start)
        merged = Pred(
            content=normalize([(x.start, x.end) for r in group for x in r.content.spans]),
            speaker=_spans_of(first.speaker),
            cue=_spans_of(first.cue),
            speaker_name=first.speaker_name,
            pattern=first.pattern,
            kind=first.kind,
        )
        out.append(merged)
    return out


def quotes_gold(text: str, gold: Gold) -> bool:
    """Whether a PolNeAR gold attribution belongs to its quotes view: its content bears
    quote marks and its cue is a speech act (:func:`claimtrack.attributions.cue_class`
    speech or source, or a reporting noun before a quotation)."""
    from claimtrack.attributions import cue_class

    if not gold.quote_bearing or not gold.cue:
        return False
    kind = cue_class(" ".join(text[s:e] for s, e in gold.cue))
    return kind in ("speech", "source", "noun")


def punkt_seconds(texts: Sequence[str]) -> float:
    """Seconds bare NLTK Punkt (untrained) takes to ``span_tokenize`` all ``texts``."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    if texts:
        list(tokenizer.span_tokenize(texts[0]))  # warm-up, as for the extractor
    elapsed = 0.0
    clock = time.perf_counter
    for text in texts:
        start = clock()
        list(tokenizer.span_tokenize(text))
        elapsed += clock() - start
    return elapsed


# --- error samples ----------------------------------------------------------------------


def _sentence_finder(article_id: str, text: str) -> Callable[[int, int], tuple[int, int]]:
    """A function giving the bounds of the sentences overlapping ``[lo, hi)``."""
    try:
        from claimtrack.articles import Article
        from claimtrack.sentences import split_sentences

        bounds = [(s.start, s.end) for s in split_sentences(Article(id=article_id, text=text))]
    except Exception:  # the splitter is under development; fall back to paragraphs
        from scoring import paragraph_spans

        bounds = paragraph_spans(text)

    def find(lo: int, hi: int) -> tuple[int, int]:
        inside = [(s, e) for s, e in bounds if s < hi and e > lo]
        if not inside:
            return max(lo - 80, 0), min(hi + 80, len(text))
        return min(s for s, _ in inside), max(e for _, e in inside)

    return find


def _marked(text: str, spans: Spans, window: tuple[int, int], limit: int = 700) -> str:
    lo, hi = window
    lo, hi = min(lo, spans[0][0]), max(hi, spans[-1][1])
    pieces, at = [], lo
    for s, e in spans:
        pieces += [text[at:s], "⟦", text[s:e], "⟧"]
        at = e
    pieces.append(text[at:hi])
    out = " ".join("".join(pieces).split())
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _role_text(text: str, spans: Spans | None) -> str | None:
    return " … ".join(text[s:e] for s, e in spans) if spans else None


def collect_errors(
    record: dict[str, Any],
    golds: Sequence[Gold],
    preds: Sequence[Pred],
    loose: dict[int, int],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """False positives and false negatives (loose) of one article, with context."""
    text: str = record["text"]
    article_id = record.get("article") or record["id"]
    matched = set(loose.values())
    fp_idx = [p for p, pred in enumerate(preds) if p not in matched and pred.content]
    fn_idx = [g for g in range(len(golds)) if g not in loose]
    if not fp_idx and not fn_idx:
        return [], []
    find = _sentence_finder(article_id, text)
    fps, fns = [], []
    for p in fp_idx:
        pred = preds[p]
        best = max((coverage(g.content, pred.content) for g in golds), default=0.0)
        fps.append(
            {
                "article": article_id,
                "pattern": pred.pattern,
                "kind": pred.kind,
                "speaker": _role_text(text, pred.speaker),
                "speaker_name": pred.speaker_name,
                "cue": _role_text(text, pred.cue),
                "best_gold_coverage": round(best, 3),
                "context": _marked(
                    text, pred.content, find(pred.content[0][0], pred.content[-1][1])
                ),
            }
        )
    for g in fn_idx:
        gold = golds[g]
        best = max((coverage(gold.content, p.content) for p in preds if p.content), default=0.0)
        fns.append(
            {
                "article": article_id,
                "type": gold.type,
                "source": _role_text(text, gold.source),
                "cue": _role_text(text, gold.cue),
                "quote_bearing": gold.quote_bearing,
                "best_pred_coverage": round(best, 3),
                "context": _marked(
                    text, gold.content, find(gold.content[0][0], gold.content[-1][1])
                ),
            }
        )
    return fps, fns


def _words_in(text: str) -> list[str]:
    return [w for w in text.replace("\u2019", "'").split() if any(c.isalnum() for c in w)]


def miss_kind(text: str, gold: Gold, preds: Sequence[Pred]) -> str:
    """Why a gold content was missed, as a kind (a heuristic over gold offsets):

    * ``short``: a prediction overlaps it but covers 30% or less;
    * ``taken``: a prediction covers more, but was matched to another gold content;
    * ``cue found``: a prediction's cue overlaps the gold cue, its content does not overlap;
    * ``no cue`` / ``no source``: the gold has none;
    * ``cue unknown``: the gold cue holds no reporting verb, noun or phrase of the lexicon;
    * by the order of source (S), cue (V) and content (C): ``C .. V`` (content before
      its cue), ``V S`` (source after the cue), and for ``S .. V C``, what stands
      between source and cue: ``S, .., V`` (a comma: an apposition or a relative
      clause), ``S words V`` (other words: adverbs, time phrases), ``S V`` (nothing:
      the rules saw the construction and refused it).
    """
    from claimtrack.attributions.cues import _lexicon

    covers = [coverage(gold.content, p.content) for p in preds if p.content]
    best = max(covers, default=0.0)
    if best > 0.3:
        return "taken"
    if best > 0:
        return "short"
    if gold.cue and any(p.cue and overlaps(p.cue, gold.cue) for p in preds):
        return "cue found"
    if not gold.cue:
        return "no cue"
    cue_text = " ".join(text[s:e] for s, e in gold.cue)
    lex = _lexicon()
    cue_words = _words_in(cue_text.lower())
    if not any(w in lex.verbs or w in lex.nouns or w in lex.phrase_starts for w in cue_words):
        return "cue unknown"
    if not gold.source:
        return "no source"
    content_start, cue_start = gold.content[0][0], gold.cue[0][0]
    source_start, source_end = gold.source[0][0], gold.source[-1][1]
    if content_start < cue_start:
        return "C .. V"
    if source_start > cue_start:
        return "V S"
    gap = text[source_end:cue_start]
    if "," in gap or "\u2014" in gap or "(" in gap:
        return "S, .., V"
    if _words_in(gap):
        return "S words V"
    return "S V"


def collect_misses(
    record: dict[str, Any], golds: Sequence[Gold], preds: Sequence[Pred], loose: dict[int, int]
) -> list[dict[str, Any]]:
    """The loose false negatives of one article with their kind and gold roles."""
    text: str = record["text"]
    article_id = record.get("article") or record["id"]
    out = []
    find: Callable[[int, int], tuple[int, int]] | None = None
    for g, gold in enumerate(golds):
        if g in loose:
            continue
        if find is None:
            find = _sentence_finder(article_id, text)
        cue = _role_text(text, gold.cue)
        out.append(
            {
                "article": article_id,
                "kind": miss_kind(text, gold, preds),
                "cue": cue,
                "cue_word": " ".join(_words_in(cue.lower())[-2:]) if cue else None,
                "source": _role_text(text, gold.source),
                "context": _marked(
                    text, gold.content, find(gold.content[0][0], gold.content[-1][1])
                ),
            }
        )
    return out


def render_misses(misses: Sequence[dict[str, Any]], k: int, seed: int = 0) -> str:
    """Misses counted by kind, the cues missed most often, and ``k`` examples per kind."""
    out: list[str] = [f"misses (loose false negatives): {len(misses)}"]
    by_kind: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for miss in misses:
        by_kind[miss["kind"]].append(miss)
    for kind, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        cues = collections.Counter(m["cue_word"] for m in items if m["cue_word"])
        top = ", ".join(f"{c} {n}" for c, n in cues.most_common(8))
        out.append(f"  {kind:12} {len(items):5}  {100 * len(items) / len(misses):5.1f}%   {top}")
    rng = random.Random(seed)
    for kind, items in sorted(by_kind.items(), key=lambda kv: -len(kv[1])) if k else ():
        out.append(f"\n== {kind}")
        for miss in rng.sample(items, min(k, len(items))):
            out.append(
                f"- {miss['article']} source={miss['source']!r} cue={miss['cue']!r}\n"
                f"  {miss['context']}"
            )
    return "\n".join(out)


# --- output -------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def render(figures: dict[str, Any], by_pattern: bool) -> str:
    """The figures as a human-readable report."""
    out: list[str] = []
    add = out.append
    add(
        f"articles {figures['articles']}   gold contents {figures['gold']}   "
        f"predicted {figures['predicted']}   (gold attributions without content skipped: "
        f"{figures['gold_skipped_no_content']})"
    )
    for key in ("loose", "tight"):
        m = figures[key]
        add(
            f"{key:5}  P {_pct(m['precision'])}  R {_pct(m['recall'])}  F1 {_pct(m['f1'])}   "
            f"tp {m['tp']}  fp {figures['predicted'] - m['tp']}  fn {figures['gold'] - m['tp']}"
        )
    add(
        f"source accuracy (loose matches) {_pct(figures['source_accuracy'])}   "
        f"on {figures['source_scored']}; excluded, gold has no source: "
        f"{figures['source_excluded_no_gold_source']}"
    )
    add(
        f"cue accuracy    (loose matches) {_pct(figures['cue_accuracy'])}   "
        f"on {figures['cue_scored']}; excluded, gold has no cue: "
        f"{figures['cue_excluded_no_gold_cue']}"
    )
    add("recall by gold content kind:")
    for key, label in (("quote", "quote-bearing"), ("other", "other")):
        row = figures["recall_by_quote"][key]
        add(
            f"  {label:14} n {row['gold']:5}   loose R {_pct(row['loose_recall'])}   "
            f"tight R {_pct(row['tight_recall'])}"
        )
    pro = figures["pronoun_sources"]
    add(
        f"pronoun gold sources: {pro['loose_pairs']} loose pairs; predicted speaker overlaps "
        f"the pronoun: {_pct(pro['speaker_overlap'])}"
    )
    add(
        f"  resolution PROXY (no coreference gold): {_pct(pro['proxy_resolution_accuracy'])} "
        f"on {pro['with_proxy_antecedent']} pairs with a name antecedent "
        f"({pro['with_speaker_name']} have a speaker_name) — speaker_name's last token is a "
        "name token of the nearest preceding proper-name gold source in the same or previous "
        "paragraph"
    )
    if figures.get("predicted_articles_not_in_gold"):
        add(
            f"(predictions for {figures['predicted_articles_not_in_gold']} articles outside "
            "the scored set were ignored)"
        )
    speed = figures.get("speed")
    if speed:
        add(
            f"speed: extraction {speed['extract_articles_per_s']:.1f} articles/s "
            f"({speed['extract_seconds']:.2f} s); bare Punkt "
            f"{speed['punkt_articles_per_s']:.1f} articles/s; extraction takes "
            f"{speed['ratio_extract_to_punkt']:.1f}x Punkt's time"
            + (f" (pinned to CPU {speed['cpu']})" if speed.get("cpu") is not None else "")
        )
    else:
        add("speed: not measured (predictions read from a file)")
    if by_pattern:
        add("per-pattern precision (loose):")
        for name, row in figures["patterns"].items():
            add(
                f"  {name:32} {row['loose_matched']:5} / {row['predicted']:5}  "
                f"P {_pct(row['precision'])}"
            )
    return "\n".join(out)


def render_errors(errors: dict[str, list[dict[str, Any]]]) -> str:
    """Sampled false positives and negatives, one block each."""
    out: list[str] = []
    for item in errors["false_positives"]:
        out.append(
            f"FP {item['article']}  pattern={item['pattern']} kind={item['kind']} "
            f"speaker={item['speaker']!r} name={item['speaker_name']!r} cue={item['cue']!r} "
            f"best gold coverage={item['best_gold_coverage']}\n   {item['context']}"
        )
    for item in errors["false_negatives"]:
        out.append(
            f"FN {item['article']}  {item['type']} source={item['source']!r} cue={item['cue']!r} "
            f"quote={item['quote_bearing']} best pred coverage={item['best_pred_coverage']}\n"
            f"   {item['context']}"
        )
    return "\n".join(out)


# --- main ---------------------------------------------------------------------------------


def evaluate(
    records: Sequence[dict[str, Any]],
    predictions: dict[str, list[Pred]],
    errors: int = 0,
    seed: int = 0,
    convention: str = "attribution",
    misses: bool = False,
) -> dict[str, Any]:
    """Score ``predictions`` against ``records`` (in the quotes convention, against
    the gold of the quotes view, :func:`quotes_gold`); the figures (and error samples)."""
    tally = Tally()
    skipped = 0
    fps: list[dict[str, Any]] = []
    fns: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    for record in records:
        article_id = record.get("article") or record["id"]
        golds, n_skipped = golds_from_record(record)
        skipped += n_skipped
        if convention == "quotes":
            golds = [g for g in golds if quotes_gold(record["text"], g)]
        preds = predictions.get(article_id) or predictions.get(record.get("id", ""), [])
        result = score_article(golds, preds)
        tally.add(golds, preds, result)
        if errors:
            fp, fn = collect_errors(record, golds, preds, result.loose)
            fps += fp
            fns += fn
        if misses:
            missed += collect_misses(record, golds, preds, result.loose)
    figures = tally.summary()
    figures["gold_skipped_no_content"] = skipped
    known = {r.get("article") or r["id"] for r in records} | {r.get("id") for r in records}
    figures["predicted_articles_not_in_gold"] = len(set(predictions) - known)
    if misses:
        figures["misses"] = missed
    if errors:
        rng = random.Random(seed)
        figures["errors"] = {
            "false_positives": rng.sample(fps, min(errors, len(fps))),
            "false_negatives": rng.sample(fns, min(errors, len(fns))),
        }
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="PolNeAR JSON Lines file (e.g. polnear/dev.jsonl)")
    parser.add_argument("--limit", type=int, help="score only the first N articles")
    parser.add_argument(
        "--predictions", help="JSON Lines predictions to score instead of running the extractor"
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="K", help="print K sample FPs and K FNs"
    )
    parser.add_argument(
        "--misses",
        type=int,
        default=None,
        metavar="K",
        help="count the misses by kind, with K examples of each",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the error samples")
    parser.add_argument("--by-pattern", action="store_true", help="per-pattern precision")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--convention",
        choices=["attribution", "quotes"],
        default="attribution",
        help="quotes: score claimtrack's quotes convention on the quotes view of the gold "
        "(speech cues, quote-bearing contents; see quotes_gold and quotes_view)",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="with --convention quotes: score the attribution convention's quote-bearing "
        "predictions on the quotes view instead (what the quotes convention adds)",
    )
    args = parser.parse_args(argv)

    records = read_gold(args.gold, args.limit)
    speed: dict[str, Any] | None = None
    if args.predictions:
        predictions = read_predictions(args.predictions)
    else:
        cpu = pin_one_cpu()
        predictions, seconds = run_extractor(
            records, "attribution" if args.baseline else args.convention
        )
        if args.baseline:
            text_of = {r.get("article") or r["id"]: r["text"] for r in records}
            predictions = {
                key: [p for p in found if is_quote_bearing(text_of[key], p.content)]
                for key, found in predictions.items()
            }
        texts = [r["text"] for r in records]
        punkt = punkt_seconds(texts)
        n = len(records)
        speed = {
            "cpu": cpu,
            "extract_seconds": seconds,
            "extract_articles_per_s": n / seconds if seconds else None,
            "punkt_seconds": punkt,
            "punkt_articles_per_s": n / punkt if punkt else None,
            "ratio_extract_to_punkt": seconds / punkt if punkt else None,
        }
    figures = evaluate(
        records, predictions, args.errors, args.seed, args.convention, args.misses is not None
    )
    figures["speed"] = speed
    figures["gold_file"] = str(args.gold)
    figures["predictions_file"] = args.predictions
    figures["proxy_note"] = (
        "pronoun resolution is a PROXY: PolNeAR has no coreference; a prediction counts as "
        "resolved if the last token of speaker_name is a name token of the nearest preceding "
        "proper-name gold source in the same or previous paragraph"
    )
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=None))
        return 0
    print(render(figures, args.by_pattern))
    if args.errors:
        print()
        print(render_errors(figures["errors"]))
    if args.misses is not None:
        print()
        print(render_misses(figures["misses"], args.misses, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
