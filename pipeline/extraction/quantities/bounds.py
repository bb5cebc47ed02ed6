"""Bounds of a quantity (step 3 of the package docstring): approx, low and high.

* Bound words before the expression ("more than", "nearly", "up to", "about") or
  after it ("+", "or more"); temporal "over four days" is a preposition, not a bound.
* Ranges ("between X and Y", "X to Y", "X-Y", "X or Y", "from X to Y") merged into
  one quantity, and proportions ("one out of three", "1 in 5").
* ``low``/``high`` from ``approx``: exact -> value, value; more_than/at_least ->
  value, None; less_than/at_most -> None, value; vague words -> their lexicon bounds.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import combine, lex
from .candidates import Cand
from .reading import _match_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

RANGE_CONNECTORS = frozenset({"to", "-", "–", "—", "or", "and"})


def _bounds(doc: "Doc", c: Cand, sent: "Span") -> None:
    """Bound words immediately before the expression / after it."""
    L = lex()
    s = c.span_start
    for n in range(min(L.max_bound_len, s - sent.start), 0, -1):
        key = tuple(doc[k].lower_ for k in range(s - n, s))
        if key in L.bounds_before:
            approx = L.bounds_before[key]
            head = doc[s - n]
            # temporal "over four days" / "under two hours" is a preposition, not a bound
            if c.kind == "duration" and key[-1] in ("over", "under", "in", "within") and head.dep_ == "prep":
                return
            # "some" as a determiner of the counted noun is only a bound before a numeral
            if key == ("some",) and c.bare_word is not None:
                return
            c.approx = approx
            c.span_start = s - n
            return
    e = c.span_end
    n, approx = _match_words(doc, e, sent.end, L.bounds_after, 2)
    if n:
        if not (doc[e].text == "+" and doc[e - 1].whitespace_ != ""):
            c.approx = approx
            c.span_end = e + n


# ----------------------------------------------------------------------------------
# ranges

def _range_ok(doc: "Doc", a: Cand, b: Cand, sent: "Span") -> str | None:
    """The connector when ``a`` and ``b`` form one range, else None.

    Ranges: "5-10%", "15 to 22 mph", "between $62 and $68", "three or four years",
    "from 208 pounds to 193" (NewsQuant reads "from X to Y" as the span of values).
    Not ranges: "rose 5% to $84" / "added 15 sen to RM2.70" (a change and a new
    level: the word before X is a change verb or "by"), different currencies
    ("110 JPY to 1 USD"), vague words, ordinals, clock times, years."""
    L = lex()
    if a.vague is not None or b.vague is not None or {a.kind, b.kind} & {"ordinal", "clock"}:
        return None
    if not (a.kind == b.kind or a.kind == "count" or (a.kind, b.kind) == ("duration", "age")
            or (b.kind == "count" and b.unit is None and not b.currency)):
        return None
    if a.currency and b.currency and a.currency != b.currency:
        return None
    if b.approx != "exact" or a.unit in ("cent", "pence") or b.unit in ("cent", "pence"):
        return None
    gap = [doc[k] for k in range(a.span_end, b.span_start)]
    if not gap:
        return None
    before = doc[a.span_start - 1] if a.span_start > sent.start else None
    from_ = before is not None and before.lower_ == "from"
    conn = gap[-1].lower_ if from_ else (gap[0].lower_ if len(gap) == 1 else "")
    if from_ and conn == "to" and len(gap) <= 6 and not any(t.text in (",", ";", "(", ")") for t in gap[:-1]):
        return "to"
    if len(gap) != 1 or conn not in RANGE_CONNECTORS:
        return None
    if conn == "-" and (gap[0].whitespace_ or doc[gap[0].i - 1].whitespace_) and \
            not (a.kind == b.kind and a.kind != "count") and not (a.kind == "count" and b.kind != "count"):
        return None  # spaced dashes are usually punctuation between clauses
    if conn == "and" and not (before is not None and before.lower_ == "between"):
        return None
    if conn in ("to", "-", "–", "—") and before is not None and (a.kind != "count" or a.currency) and (
            before.lemma_.lower() in L.change_verbs or before.lower_ in L.change_verbs):
        return None  # "rose 5% to $84"; but "by 1 to 1.5 degrees" is a range
    if conn in ("-",) and a.kind == "count" and b.kind == "count" and \
            re.fullmatch(r"\d{4}", doc[a.start].text):
        return None  # "2019-20"
    if a.bare_word == "one" and conn not in ("or", "to"):
        return None
    return conn


def _merge_ranges(doc: "Doc", cands: list[Cand], sent: "Span") -> list[Cand]:
    """Merge ranges (see :func:`_range_ok`) into one quantity; a scale stated on Y
    only applies to X when X < Y's number ("$89 to $93 billion", "1 to 2 thousand")."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        conn = _range_ok(doc, a, b, sent) if b is not None else None
        if b is not None and conn:
            lo_v = a.value
            b_pre = combine([p for p in b.pieces if p.kind != "scale"]) if b.pieces else None
            if b.has_scale and not a.has_scale and b_pre and abs(a.value) < b_pre * 1.0001 and a.value != 0:
                lo_v = a.value * (b.value / b_pre)
            m = Cand(a.start, b.end, lo_v, pieces=a.pieces)
            m.span_start, m.span_end = a.span_start, b.span_end
            if conn == "and":
                m.span_start = a.span_start - 1  # "between"
            m.kind = b.kind if a.kind == "count" else a.kind
            if (a.kind, b.kind) == ("duration", "age"):
                m.kind = "age"
            m.unit, m.currency, m.iso = b.unit, b.currency or a.currency, b.iso
            m.low, m.high = min(lo_v, b.value), max(lo_v, b.value)
            m.approx = a.approx if a.approx != "exact" else "range"
            out.append(m)
            i += 2
            continue
        # "one out of three", "1 in 5": a proportion
        if b is not None and a.kind == b.kind == "count" and a.approx == "exact" and 0 < a.value < b.value:
            gap = [doc[k].lower_ for k in range(a.span_end, b.span_start)]
            if gap in (["out", "of"], ["in"]) and float(a.value).is_integer() and float(b.value).is_integer() \
                    and (gap != ["in"] or b.value <= 1000):
                m = Cand(a.start, b.end, a.value / b.value, pieces=a.pieces)
                m.span_start, m.span_end = a.span_start, b.span_end
                m.unit = "fraction"
                out.append(m)
                i += 2
                continue
        out.append(a)
        i += 1
    # a conversion in parentheses shares the bound: "more than 7.5 million crowns (US $1.1 million)"
    for x, y in zip(out, out[1:]):
        gap = [doc[k].text for k in range(x.span_end, y.span_start)]
        if x.approx not in ("exact", "range") and y.approx == "exact" and gap in (["("], ["/"], ["or"]) \
                and y.kind == x.kind:
            y.approx = x.approx
    return out


def _approx_low_high(c: Cand) -> tuple[str, float | None, float | None]:
    """``(approx, low, high)`` of a candidate: a vague word's own bounds ("dozens" ->
    vague, 24-99), one open side for a lower or upper bound ("more than 50" -> 50,
    None), the value on both sides when exact, none for "about"; an ordinal is exact."""
    low, high = c.low, c.high
    approx = c.approx
    if c.vague is not None:
        approx = "vague" if approx == "exact" else approx
        low, high = c.vague
    elif approx in ("more_than", "at_least"):
        low, high = c.value, None
    elif approx in ("less_than", "at_most"):
        low, high = None, c.value
    elif approx == "exact":
        low = high = c.value
    elif approx == "about" and low is None:
        low = high = None
    if c.kind == "ordinal":
        approx, low, high = "exact", c.value, c.value
    return approx, low, high
