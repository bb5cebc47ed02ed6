"""Bounds of a quantity (step 3 of the package docstring): approx, low and high.

* Bound words before the expression ("more than", "nearly", "up to", "about") or
  after it ("+", "or more"); temporal "over four days" is a preposition, not a bound.
* Ranges ("between X and Y", "X to Y", "X-Y", "X or Y", "from X to Y") merged into
  one quantity, and proportions ("one out of three", "1 in 5").
* ``low``/``high`` from ``approx``: exact -> value, value; more_than/at_least ->
  value, None; less_than/at_most -> None, value; vague words -> their lexicon bounds.
"""
from __future__ import annotations

import math
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
        tail = _glued_tail(doc[s - n].text) if key not in L.bounds_before else None
        start_char = None
        if tail is not None and (tail.lower(),) + key[1:] in L.bounds_before:
            key = (tail.lower(),) + key[1:]
            start_char = doc[s - n].idx + len(doc[s - n].text) - len(tail)
        if key in L.bounds_before:
            approx = L.bounds_before[key]
            head = doc[s - n]
            # temporal "over four days" / "under two hours" is a preposition, not a bound
            if c.kind == "duration" and key[-1] in ("over", "under", "in", "within") and head.dep_ == "prep":
                return
            # "some" as a determiner of the counted noun is only a bound before a numeral
            if key == ("some",) and c.bare_word is not None:
                return
            if _verb_with_object(doc, head, c) or _adjective_after_article(doc, head, n, sent):
                return
            c.approx = approx
            c.span_start, c.start_char = s - n, start_char
            return
    e = c.span_end
    n, approx = _match_words(doc, e, sent.end, L.bounds_after, 2)
    if n:
        if not (doc[e].text == "+" and doc[e - 1].whitespace_ != ""):
            c.approx = approx
            c.span_end = e + n


#: a word glued after a dateline or an opening quote in one token: "KHARTOUM-'At", "—About"
GLUED_TAIL = re.compile(r"[\-–—'‘’\"“”(](?P<tail>[A-Za-z]+)$")


def _glued_tail(text: str) -> str | None:
    """The word at the end of a token glued to what precedes it by a dash, quote or
    bracket: a dateline run into the first sentence ("KHARTOUM-'At least 1,200"). The
    bound word is then read from it; the quantity's span starts at it."""
    m = GLUED_TAIL.search(text)
    return m.group("tail") if m and m.start() > 0 else None


def _verb_with_object(doc: "Doc", verb, c: Cand) -> bool:
    """A threshold verb of the bound lexicon ("passed", "exceeds", "nears") whose number
    counts a noun after it is a verb with its object, not a bound: "Parliament passed 3
    bills". "The toll passed 450" and "deaths exceeded 2,000 on Monday" stay bounds."""
    last = doc[c.end - 1]
    return verb.pos_ in ("VERB", "AUX") and last.dep_ == "nummod" and last.head.i >= c.span_end \
        and last.head.pos_ == "NOUN"


def _adjective_after_article(doc: "Doc", word, n: int, sent: "Span") -> bool:
    """A one-word bound after an article is an adjective: "the past 3 years", "a near
    100% turnout". Not "surpassed 600", "the toll passed 450", nor an adverb, which
    bounds the number whatever precedes it ("the roughly 3,000 charities")."""
    return n == 1 and word.i > sent.start and doc[word.i - 1].lower_ in ("the", "a", "an", "this", "these") \
        and not (word.pos_ == "ADV" and word.lower_.endswith("ly"))


# ----------------------------------------------------------------------------------
# ranges

def _hyphenated_to(doc: "Doc", a: Cand, b: Cand, gap: list) -> bool:
    """A range written with glued hyphens, as newsrooms do: "Five-to-eight", "200-to-400"
    (tokenized "200", "-", "to-400": the "to" is then a prefix word of the second number,
    see ``candidates.PREFIX_WORD``). Not spaced: "5 - to - 8"."""
    texts = [t.text for t in gap]
    if any(t.whitespace_ for t in gap):
        return False
    if getattr(b, "prefix_word", None) == "to":
        return texts in ([], ["-"], ["–"])  # also "200,000 to-260,000"
    return not doc[a.span_end - 1].whitespace_ and texts in (["-", "to", "-"], ["–", "to", "–"])


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
    if _hyphenated_to(doc, a, b, gap):
        return "to"
    if not gap:
        return None
    before = doc[a.span_start - 1] if a.span_start > sent.start else None
    from_ = before is not None and before.lower_ == "from"
    conn = gap[-1].lower_ if from_ else (gap[0].lower_ if len(gap) == 1 else "")
    if from_ and conn == "to" and len(gap) <= 6 and not any(t.text in (",", ";", "(", ")") for t in gap[:-1]):
        return None if _changed_from(doc, a, before, sent) else "to"
    if len(gap) != 1 or conn not in RANGE_CONNECTORS:
        return None
    if conn in ("-", "–", "—") and a.value >= b.value and not from_:
        return None  # "lost 3-2", "tied 89-89": a score or a ratio, not a range (ranges ascend)
    if conn == "-" and (gap[0].whitespace_ or doc[gap[0].i - 1].whitespace_) and \
            not (a.kind == b.kind and a.kind != "count") and not (a.kind == "count" and b.kind != "count"):
        return None  # spaced dashes are usually punctuation between clauses
    if conn == "and" and not (before is not None and before.lower_ == "between"):
        return None
    if conn in ("to", "-", "–", "—") and before is not None and (a.kind != "count" or a.currency) and \
            _is_change_verb(before):
        return None  # "rose 5% to $84"; but "by 1 to 1.5 degrees" is a range
    if conn in ("-",) and a.kind == "count" and b.kind == "count" and \
            re.fullmatch(r"\d{4}", doc[a.start].text):
        return None  # "2019-20"
    if a.bare_word == "one" and conn not in ("or", "to"):
        return None
    return conn


def _is_change_verb(tok: "Token") -> bool:
    """A verb (or adverb: "up") of ``change_verbs``, by lemma or as written."""
    return tok.lemma_.lower() in lex().change_verbs or tok.lower_ in lex().change_verbs


def _changed_from(doc: "Doc", a: Cand, from_: "Token", sent: "Span") -> bool:
    """"the toll climbed from 111,481 to 150,000", "the number of injured was revised
    down from 359 to 253", "deaths rose from 12 to 30": a tally that changed states two
    figures, the earlier and the new one (a toll's revision, issue 18), not a range.
    Only when the change verb's subject is a tally (``toll_heads``), a casualty word of
    the predicate map, or a pronoun: "horsepower jumped from 240 to 273" and "from 208
    pounds to 193" stay ranges, as NewsQuant reads them (splitting every change after a
    change verb cost its value F1 0.955 -> 0.949). Heuristic: counts only."""
    if a.kind != "count" or a.currency:
        return False
    k = from_.i - 1
    while k >= sent.start and doc[k].dep_ in ("prt", "advmod") and doc[k].i != from_.head.i:
        k -= 1
    if k < sent.start or not _is_change_verb(doc[k]):
        return False
    verb = doc[k]
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.pos_ == "PRON" or subject.lemma_.lower() in lex().toll_heads
                                    or subject.lower_ in lex().pred_map or subject.lemma_.lower() in lex().pred_map)


def _proportion(doc: "Doc", a: Cand, b: Cand) -> bool:
    """"one out of three", "1 in 5", "almost three in ten", "one in every seven": a
    proportion. After "out of" the denominator must be small or round (at most 100, or a
    power of ten): "2,316 out of 4,076 cases" states two counts, the part and the
    whole; after "in", at most 1,000 ("1 in 250")."""
    if not (a.kind == b.kind == "count" and a.vague is None and a.approx not in ("range",) and 0 < a.value < b.value
            and b.approx == "exact" and float(a.value).is_integer() and float(b.value).is_integer()):
        return False
    gap = [doc[k].lower_ for k in range(a.span_end, b.span_start)]
    if gap[-1:] == ["every"]:
        gap = gap[:-1]
    round_ = b.value <= 100 or (b.value <= 1e6 and math.log10(b.value).is_integer())
    return gap == ["in"] and b.value <= 1000 or gap == ["out", "of"] and round_


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
            m.span_start, m.span_end, m.start_char = a.span_start, b.span_end, a.start_char
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
        if b is not None and _proportion(doc, a, b):
            m = Cand(a.start, b.end, a.value / b.value, pieces=a.pieces)
            m.span_start, m.span_end, m.start_char = a.span_start, b.span_end, a.start_char
            m.unit, m.approx = "fraction", a.approx
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
