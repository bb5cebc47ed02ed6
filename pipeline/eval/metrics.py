"""Shared evaluation metrics (every rule is defined once here; docs/evaluation.md explains them).

All spans are ``[start, end)`` character offsets. A *span* is a pair ``(start, end)``;
a *discontinuous span* (PolNeAR sources, cues and contents) is a list of pairs. Every
function that takes a span also accepts a discontinuous one.

Conventions:

* :func:`prf` returns 0.0 for a ratio whose denominator is 0 (sklearn's
  ``zero_division=0``), except that nothing to find and nothing found
  (tp = fp = fn = 0) scores 1.0 everywhere: an empty document handled correctly is
  not an error.
* Matching is one-to-one and greedy by largest overlap, ties broken by position
  (pred index, then gold index), so the result never depends on dict or set order.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]
SpanLike = Sequence[int] | Sequence[Sequence[int]]

__all__ = [
    "prf", "micro_prf", "macro_f1", "accuracy",
    "as_ranges", "merge_ranges", "ranges_length", "overlap", "overlaps", "contains",
    "char_counts", "char_prf", "micro_char_prf",
    "shingles", "shingle_counts", "shingle_prf", "shingle_prf_pages",
    "Matching", "match_spans",
    "values_equal", "VALUE_REL_TOL",
    "token_ranges", "token_overlap_counts",
]

VALUE_REL_TOL = 1e-6


# --------------------------------------------------------------------------- counts → P/R/F1

def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    """Precision, recall and F1 from counts (see the module's zero-denominator convention)."""
    if tp == fp == fn == 0:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def micro_prf(counts: Iterable[tuple[float, float, float]]) -> dict[str, float]:
    """:func:`prf` of summed ``(tp, fp, fn)`` triples (micro average)."""
    tp = fp = fn = 0.0
    for a, b, c in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    return prf(tp, fp, fn)


def macro_f1(per_class: dict[str, tuple[float, float, float]]) -> float:
    """Unweighted mean of the per-class F1 scores (0.0 when there are no classes)."""
    if not per_class:
        return 0.0
    return sum(prf(*c)["f1"] for c in per_class.values()) / len(per_class)


def accuracy(correct: int, total: int) -> float | None:
    """``correct / total``; None when there is nothing to score (not 0: nothing was wrong)."""
    return correct / total if total else None


# --------------------------------------------------------------------------- spans

def as_ranges(span: SpanLike | None) -> list[Span]:
    """A span or a discontinuous span as a list of non-empty ``(start, end)`` pairs."""
    if span is None or len(span) == 0:
        return []
    if isinstance(span[0], int):  # a single pair
        s, e = span  # type: ignore[misc]
        return [(int(s), int(e))] if e > s else []
    return [(int(s), int(e)) for s, e in span if e > s]  # type: ignore[misc]


def merge_ranges(ranges: Iterable[Sequence[int]]) -> list[Span]:
    """Sorted, non-overlapping ranges covering the same characters (touching ones merged)."""
    out: list[list[int]] = []
    for s, e in sorted((int(s), int(e)) for s, e in ranges if e > s):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def ranges_length(ranges: Iterable[Sequence[int]]) -> int:
    """Number of characters covered (overlaps counted once)."""
    return sum(e - s for s, e in merge_ranges(ranges))


def overlap(a: SpanLike | None, b: SpanLike | None) -> int:
    """Number of characters ``a`` and ``b`` share (each side's pieces merged first)."""
    ra, rb = merge_ranges(as_ranges(a)), merge_ranges(as_ranges(b))
    total, i, j = 0, 0, 0
    while i < len(ra) and j < len(rb):  # sweep two sorted lists
        lo, hi = max(ra[i][0], rb[j][0]), min(ra[i][1], rb[j][1])
        if hi > lo:
            total += hi - lo
        if ra[i][1] < rb[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlaps(a: SpanLike | None, b: SpanLike | None) -> bool:
    """True when ``a`` and ``b`` share at least one character."""
    return overlap(a, b) > 0


def contains(outer: SpanLike, inner: SpanLike) -> bool:
    """True when every character of ``inner`` lies in ``outer``."""
    return overlap(outer, inner) == ranges_length(as_ranges(inner))


# --------------------------------------------------------------------------- character level

def _mask(ranges: Iterable[Sequence[int]], text: str | None) -> set[int] | None:
    if text is None:
        return None
    return {i for s, e in merge_ranges(ranges) for i in range(s, min(e, len(text)))
            if not text[i].isspace()}


def char_counts(pred: Iterable[Sequence[int]], gold: Iterable[Sequence[int]],
                text: str | None = None) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` in characters between two sets of ranges.

    With ``text``, whitespace characters are not counted: whether a kept range
    includes the newline between two paragraphs is not a decision about content.
    """
    pred, gold = list(pred), list(gold)
    pm, gm = _mask(pred, text), _mask(gold, text)
    if pm is not None and gm is not None:
        tp = len(pm & gm)
        return tp, len(pm) - tp, len(gm) - tp
    tp = overlap(merge_ranges(pred), merge_ranges(gold)) if pred and gold else 0
    return tp, ranges_length(pred) - tp, ranges_length(gold) - tp


def char_prf(pred: Iterable[Sequence[int]], gold: Iterable[Sequence[int]],
             text: str | None = None) -> dict[str, float]:
    """Character-level P/R/F1 of one document, plus its ``tp``/``fp``/``fn`` counts."""
    tp, fp, fn = char_counts(pred, gold, text)
    return {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn}


def micro_char_prf(per_doc: Iterable[dict[str, float] | tuple[int, int, int]]) -> dict[str, float]:
    """Micro average over documents: characters summed, then P/R/F1 (long documents weigh more).

    Accepts :func:`char_prf` results or ``(tp, fp, fn)`` triples.
    """
    triples = [(d["tp"], d["fp"], d["fn"]) if isinstance(d, dict) else d for d in per_doc]
    return micro_prf(triples)


# --------------------------------------------------------------------------- ScrapingHub shingles

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of word ``n``-grams, as the ScrapingHub benchmark builds them.

    The benchmark's "words" are ``\\w+`` runs (punctuation dropped), case is kept, and a
    text shorter than ``n`` words gives one shorter shingle (so it is not empty).
    """
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def shingle_counts(gold: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """Per-page ``(tp, fp, fn)`` over shingle multisets, normalised to sum to 1.

    The normalisation is the benchmark's: every page weighs the same whatever its length.
    """
    g, p = shingles(gold, n), shingles(pred, n)
    tp = fp = fn = 0.0
    for key in g.keys() | p.keys():
        tc, pc = g.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _bench_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _bench_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def shingle_prf(gold: str | None, pred: str | None, n: int = 4) -> dict[str, float]:
    """Shingle precision/recall/F1 of one page."""
    return shingle_prf_pages([(gold, pred)], n)


def shingle_prf_pages(pages: Iterable[tuple[str | None, str | None]], n: int = 4) -> dict[str, float]:
    """Benchmark aggregate over ``(gold, pred)`` pages.

    Precision is the mean of per-page precision over pages that predicted something,
    recall the mean of per-page recall over pages with gold text, and F1 is computed
    from those two means (not the mean of per-page F1s). ``accuracy`` is the share of
    pages whose word sequences are identical.
    """
    counts, exact = [], []
    for gold, pred in pages:
        counts.append(shingle_counts(gold, pred, n))
        exact.append(_WORD.findall(gold or "") == _WORD.findall(pred or ""))
    ps = [_bench_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_bench_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "accuracy": sum(exact) / len(exact) if exact else 0.0, "n": len(counts)}


# --------------------------------------------------------------------------- one-to-one matching

@dataclass
class Matching:
    """Result of :func:`match_spans`: index pairs ``(pred_i, gold_i)`` and the leftovers."""
    pairs: list[tuple[int, int]] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.pairs), len(self.unmatched_pred), len(self.unmatched_gold)

    def prf(self) -> dict[str, float]:
        return prf(*self.counts)


def match_spans(pred: Sequence[Any], gold: Sequence[Any],
                span: Callable[[Any], SpanLike | None] = lambda x: x,
                compatible: Callable[[Any, Any], bool] | None = None,
                min_overlap: int = 1) -> Matching:
    """Pair predicted with gold items one-to-one by character overlap of their spans.

    ``span`` gets an item's span (default: the item is the span). Candidate pairs
    overlap by at least ``min_overlap`` characters and satisfy ``compatible`` (when
    given, e.g. "same normalised source"). They are taken greedily, largest overlap
    first; ties go to the earlier predicted item, then the earlier gold item, so the
    matching is deterministic.
    """
    p_spans = [as_ranges(span(x)) for x in pred]
    g_spans = [as_ranges(span(x)) for x in gold]
    candidates = []
    for i, ps in enumerate(p_spans):
        if not ps:
            continue
        for j, gs in enumerate(g_spans):
            ov = overlap(ps, gs) if gs else 0
            if ov >= min_overlap and ov > 0 and (compatible is None or compatible(pred[i], gold[j])):
                candidates.append((-ov, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    pairs.sort()
    return Matching(pairs=pairs,
                    unmatched_pred=[i for i in range(len(pred)) if i not in used_p],
                    unmatched_gold=[j for j in range(len(gold)) if j not in used_g])


# --------------------------------------------------------------------------- values

def values_equal(a: Any, b: Any, rel_tol: float = VALUE_REL_TOL) -> bool:
    """Equality of normalised values: ``|a - b| <= rel_tol * max(|a|, |b|, 1)``.

    None equals only None; numeric strings are compared as numbers (gold files store
    "740.0"); anything else (ISO dates, units) must be equal as strings.
    """
    if a is None or b is None:
        return a is None and b is None
    fa, fb = _number(a), _number(b)
    if fa is not None and fb is not None:
        if math.isnan(fa) or math.isnan(fb):
            return False
        # |a - b| <= tol * max(|a|, |b|, 1): relative, with a floor of 1 so that values
        # near zero are not held to an absolute 1e-12 (docs/annotation.md §8)
        return abs(fa - fb) <= rel_tol * max(abs(fa), abs(fb), 1.0)
    return str(a) == str(b)


def _number(x: Any) -> float | None:
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.replace(",", ""))
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- token overlap

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def token_ranges(text: str) -> list[Span]:
    """Character ranges of the tokens of ``text``: ``\\w+`` runs and single punctuation marks."""
    return [m.span() for m in _TOKEN.finditer(text)]


def token_overlap_counts(pred: Iterable[SpanLike], gold: Iterable[SpanLike],
                         tokens: Sequence[Span]) -> tuple[int, int, int]:
    """``(overlap, pred_tokens, gold_tokens)`` for two sets of (discontinuous) spans.

    A token belongs to a set of spans when it overlaps it by at least one character.
    ``overlap`` counts tokens in both; precision = overlap / pred_tokens and
    recall = overlap / gold_tokens (citron's "overlap metric", counted on token sets
    so a token covered twice counts once).
    """
    in_p = _covered_tokens(tokens, merge_ranges(r for s in pred for r in as_ranges(s)))
    in_g = _covered_tokens(tokens, merge_ranges(r for s in gold for r in as_ranges(s)))
    return len(in_p & in_g), len(in_p), len(in_g)


def _covered_tokens(tokens: Sequence[Span], ranges: list[Span]) -> set[int]:
    # ranges are merged (sorted, disjoint): bisect instead of testing every pair
    starts = [s for s, _ in ranges]
    out = set()
    for i, (ts, te) in enumerate(tokens):
        k = bisect_right(starts, te - 1) - 1  # last range starting before the token ends
        if k >= 0 and ranges[k][1] > ts:
            out.add(i)
    return out
