"""The shared metrics on small examples computed by hand."""
from __future__ import annotations

import pytest

from pipeline.eval import metrics as m


def test_prf_counts():
    r = m.prf(3, 1, 2)
    assert r["precision"] == pytest.approx(0.75)
    assert r["recall"] == pytest.approx(0.6)
    assert r["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_prf_zero_conventions():
    assert m.prf(0, 0, 0) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert m.prf(0, 0, 5) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert m.prf(0, 4, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_micro_and_macro():
    assert m.micro_prf([(1, 0, 1), (1, 2, 0)]) == m.prf(2, 2, 1)
    assert m.macro_f1({"a": (1, 0, 0), "b": (0, 1, 1)}) == pytest.approx(0.5)
    assert m.macro_f1({}) == 0.0
    assert m.accuracy(1, 4) == 0.25
    assert m.accuracy(0, 0) is None


def test_ranges_and_overlap():
    assert m.as_ranges([3, 5]) == [(3, 5)]
    assert m.as_ranges([[0, 2], [4, 4], [6, 9]]) == [(0, 2), (6, 9)]
    assert m.as_ranges(None) == []
    assert m.merge_ranges([(5, 8), (0, 3), (3, 4), (7, 10)]) == [(0, 4), (5, 10)]
    assert m.ranges_length([(0, 4), (2, 6)]) == 6
    assert m.overlap((0, 10), (5, 20)) == 5
    assert m.overlap((0, 5), (5, 9)) == 0  # [start, end): touching is not overlapping
    assert m.overlap([(0, 3), (10, 14)], [(2, 12)]) == 3  # 1 + 2
    assert m.overlaps((0, 5), (4, 9)) and not m.overlaps((0, 5), (6, 9))
    assert m.contains((0, 10), [(1, 2), (5, 9)]) and not m.contains((0, 10), (9, 11))


def test_char_prf_plain_and_whitespace_blind():
    # gold 0..10, pred 5..15: 5 shared, 5 extra, 5 missing
    r = m.char_prf([(5, 15)], [(0, 10)])
    assert (r["tp"], r["fp"], r["fn"]) == (5, 5, 5)
    assert r["f1"] == pytest.approx(0.5)
    text = "abc\n\ndef"
    # gold covers the whole text, pred the two lines: equal once whitespace is ignored
    r = m.char_prf([(0, 3), (5, 8)], [(0, 8)], text=text)
    assert (r["tp"], r["fp"], r["fn"]) == (6, 0, 0)
    micro = m.micro_char_prf([m.char_prf([(0, 4)], [(0, 2)]), (1, 0, 1)])
    assert micro == m.prf(3, 2, 1)


def test_shingles_follow_the_benchmark():
    assert m.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert m.shingles("Hi, there!") == {("Hi", "there"): 1}  # short text: one short shingle
    assert m.shingles("") == {}
    # gold has 3 shingles, pred shares 2 and adds 1: tp=2, fp=1, fn=1 normalised by 4
    gold, pred = "a b c d e f", "b c d e f g"
    assert m.shingle_counts(gold, pred) == pytest.approx((0.5, 0.25, 0.25))
    assert m.shingle_prf(gold, pred)["f1"] == pytest.approx(2 / 3)


def test_shingle_pages_average_p_and_r_then_f1():
    pages = [("a b c d e", "a b c d e"),        # P=1, R=1
             ("a b c d e f g", "a b c d"),      # 1 of 4 gold shingles: P=1, R=1/4
             ("a b c d", "")]                   # nothing predicted: only recall (0)
    r = m.shingle_prf_pages(pages)
    assert r["precision"] == pytest.approx(1.0)
    assert r["recall"] == pytest.approx((1 + 0.25 + 0) / 3)
    p, rc = 1.0, 1.25 / 3
    assert r["f1"] == pytest.approx(2 * p * rc / (p + rc))
    assert r["accuracy"] == pytest.approx(1 / 3)
    assert r["n"] == 3


def test_match_spans_greedy_largest_overlap_one_to_one():
    pred = [(0, 10), (8, 30), (50, 60)]
    gold = [(5, 25), (0, 4), (70, 80)]
    mt = m.match_spans(pred, gold)
    # (8,30)-(5,25) overlap 17 first; then (0,10)-(0,4) overlap 4
    assert mt.pairs == [(0, 1), (1, 0)]
    assert mt.unmatched_pred == [2] and mt.unmatched_gold == [2]
    assert mt.counts == (2, 1, 1)
    assert mt.prf()["f1"] == pytest.approx(2 / 3)


def test_match_spans_ties_compatible_and_items():
    # two preds overlap the one gold equally: the earlier pred wins
    assert m.match_spans([(0, 5), (5, 10)], [(3, 7)]).pairs == [(0, 0)]
    pred = [{"s": [0, 5], "n": "x"}, {"s": [10, 15], "n": "y"}]
    gold = [{"s": [1, 4], "n": "X"}, {"s": [11, 12], "n": "z"}]
    mt = m.match_spans(pred, gold, span=lambda d: d["s"],
                       compatible=lambda p, g: p["n"].lower() == g["n"].lower())
    assert mt.pairs == [(0, 0)] and mt.unmatched_pred == [1] and mt.unmatched_gold == [1]
    # items without a span never match
    assert m.match_spans([None], [(0, 1)], span=lambda x: x).counts == (0, 1, 1)
    # discontinuous spans
    assert m.match_spans([[(0, 2), (10, 12)]], [[(11, 20)]]).pairs == [(0, 0)]


def test_values_equal():
    assert m.values_equal(1_000_000, 1_000_000.5)       # within 1e-6 relative
    assert not m.values_equal(1_000_000, 1_000_002)
    assert m.values_equal("740.0", 740)
    assert m.values_equal(0, 0.0) and m.values_equal(0, 1e-9) and not m.values_equal(0, 1e-5)
    assert m.values_equal(None, None) and not m.values_equal(None, 0)
    assert m.values_equal("2013-03-22", "2013-03-22") and not m.values_equal("2013-03", "2013-03-22")
    assert not m.values_equal(float("nan"), float("nan"))


def test_token_overlap_counts():
    text = "He said the plan, he said, was dead."
    toks = m.token_ranges(text)
    assert [text[s:e] for s, e in toks][:5] == ["He", "said", "the", "plan", ","]
    gold = [[(8, 16), (27, 35)]]     # "the plan" + "was dead": 4 tokens
    pred = [(8, 35)]                 # "the plan, he said, was dead": 8 tokens
    assert m.token_overlap_counts(pred, gold, toks) == (4, 8, 4)
    # a token partly covered counts; tokens covered twice count once
    assert m.token_overlap_counts([(9, 10), (8, 12)], [(0, 2)], toks) == (0, 1, 1)
