"""Quantities stated in a sentence: value, bounds, kind, unit, what is counted, and the event.

Pipeline per sentence (all offsets are char offsets into ``sent.doc.text``):

1. *Number runs*: maximal runs of number pieces (numerals, number words, scale
   words, fractions; see :mod:`._numbers`) plus vague words from the lexicon
   ("dozens", "hundreds of thousands", "several").
2. *Unit*: what follows (or precedes) the run decides the kind: percent words,
   currency symbols/words (money, own parsing: "a $38 million verdict" is 38e6 USD),
   time units (duration with ISO 8601, or age with "-old" / "aged"), otherwise the
   unit quantulum3 reads in a short window after the number (measure).
3. *Bounds*: bound words before ("more than", "nearly", "up to", "about") or after
   ("+", "or more") the number, and ranges ("between X and Y", "X to Y", "X-Y",
   "X or Y") merged into one quantity.
4. *Filters*: numbers in ``exclude`` (dates), years in year position, clock times,
   numbers inside names ("S&P 500", "COVID-19"), and "one" used as a determiner or
   pronoun are not quantities.
5. *Counted NP and predicate* from the dependency parse.

The lexicons are data: ``models/extraction/*.json`` (documented in its README).
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import math

from ..records import Quantity
from ._numbers import GLUED, Piece, combine, lex, ordinal_value, parse_digits, token_piece

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

IMPLEMENTED = True

#: NER labels whose numbers belong to a name ("S&P 500", "Boeing 787").
NAME_LABELS = frozenset({"ORG", "PRODUCT", "PERSON", "GPE", "LOC", "FAC", "EVENT",
                         "WORK_OF_ART", "LAW", "NORP", "LANGUAGE"})
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "et", "est",
                         "edt", "bst", "cet", "pst", "pdt", "hrs", "o'clock"})
CLOCK = re.compile(r"^\d{1,2}(?::\d\d|[:.]\d\d[ap]\.?m\.?)$", re.I)
#: "currency symbol glued to digits": "$5", "£2.7m", "R500", "Y=28,030", "US$5".
CUR_GLUED = re.compile(r"^(?P<cur>US\$|C\$|A\$|NZ\$|HK\$|S\$|R\$|\$US|\$A|\$C|\$NZ|\$HK|[$£€¥₹₩₽₪₺₦₱]|Rs\.?|RM|R|Y=|PS"
                       r"|USD|EUR|GBP|JPY|CHF|AUD|CAD|INR|CNY|HKD|NZD|SGD)"
                       r"(?P<rest>[\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[A-Za-z]*)$")
DOLLAR_ALPHA = re.compile(r"^(?P<cur>US|A|C|NZ|HK|S)(?P<rest>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[A-Za-z]*)$")
MINUS_WORD = re.compile(r"^(?P<word>minus|sub|under|over)-(?P<rest>\d.*)$", re.I)
RANGE_CONNECTORS = frozenset({"to", "-", "–", "—", "or", "and"})
YEAR_PREPS = frozenset({"in", "by", "since", "until", "till", "before", "after", "from", "of", "during"})
CHANGE_LEMMAS = frozenset({"rise", "reach", "climb", "stand", "hit", "jump", "increase", "grow",
                           "surge", "top", "pass", "exceed", "mount", "soar", "be"})

with warnings.catch_warnings():
    # quantulum3 warns at import that its optional classifier is missing; we
    # deliberately run without it (rule-based unit parsing only).
    warnings.filterwarnings("ignore", message=".*[Cc]lassifier.*")
    from quantulum3 import classifier as _q3_classifier
    from quantulum3 import parser as _q3

# quantulum3 switches its classifier on whenever scikit-learn is importable, and its
# shipped model does not load with current scikit-learn: keep the rule-based path
# always, so the output never depends on what else is installed.
_q3_classifier.USE_CLF = False


@dataclass
class Cand:
    """A number expression being built (token indices are absolute doc indices)."""
    start: int                     # first token of the number run
    end: int                       # one past the last token of the number run
    value: float
    pieces: list[Piece] = field(default_factory=list)
    vague: tuple[float, float] | None = None
    magnitude: tuple[float, float] | None = None
    span_start: int = 0            # first token of the expression (bounds, currency)
    span_end: int = 0              # one past the last token (units, "+")
    approx: str = "exact"
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    iso: str | None = None
    low: float | None = None
    high: float | None = None
    has_scale: bool = False
    bare_word: str | None = None   # lower-cased text when the run is one plain word ("one")
    ordinal: bool = False
    end_char: int | None = None    # char end when a unit ends inside a token


# ----------------------------------------------------------------------------------
# number runs

def _is_number_piece(doc: "Doc", i: int, prev_is_number: bool) -> Piece | None:
    t = doc[i]
    glued = i > 0 and doc[i - 1].whitespace_ == ""
    return token_piece(t.text, prev_is_number, glued)


def _vague_at(doc: "Doc", i: int, stop: int) -> Cand | None:
    """Vague quantity words: "dozens", "scores of", "hundreds of thousands",
    "tens of millions", "several hundred", "several people". Not matched: "tens"
    alone, "scores" without "of" (test scores), "several" before an adjective only."""
    L = lex()
    low = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < stop else ""
    if low == "several":
        if nxt in ("hundred", "thousand", "million", "billion", "dozen"):
            scale = 12.0 if nxt == "dozen" else float(L.scales[nxt])
            c = Cand(i, i + 2, 3 * scale, vague=(3 * scale, 9 * scale + (scale - 1 if scale >= 100 else 0)))
            return c
        modifies_plural = (doc[i].dep_ in ("amod", "det", "nummod") and i < doc[i].head.i < stop
                           and doc[i].head.tag_ in ("NNS", "NNPS"))  # "several monitoring groups"
        if i + 1 < stop and (doc[i + 1].tag_ in ("NNS", "NNPS") or nxt == "of" or modifies_plural
                             or doc[i + 1].pos_ == "ADJ" and i + 2 < stop and doc[i + 2].tag_ == "NNS"):
            lo, hi = L.vague["several"]["bounds"]
            return Cand(i, i + 1, float(lo), vague=(float(lo), float(hi)))
        return None
    if low not in L.vague or low == "several":
        return None
    if low in ("tens", "scores") and nxt != "of":
        return None
    entry = L.vague[low]
    lo, hi = entry["bounds"]
    mag = entry["magnitude"]
    end = i + 1
    # "hundreds of thousands": the second vague word scales the first
    if nxt == "of" and i + 2 < stop and doc[i + 2].lower_ in ("thousands", "millions", "billions", "trillions"):
        inner = L.vague[doc[i + 2].lower_]
        unit = inner["magnitude"][0]
        lo, hi = lo * unit, (hi + 1) * unit - 1
        mag = [mag[0] * unit, mag[1] * unit] if mag else None
        end = i + 3
    elif low == "tens":
        return None
    # a plural scale word right after a digit ("2 thousands") is a typo, not vague
    if i > 0 and GLUED.match(doc[i - 1].text):
        return None
    return Cand(i, end, float(lo), vague=(float(lo), float(hi)),
                magnitude=(float(mag[0]), float(mag[1])) if mag else None)


def _run_at(doc: "Doc", i: int, stop: int) -> Cand | None:
    """The number run starting at token ``i`` (or None)."""
    t = doc[i]
    low = t.lower_
    pieces: list[Piece] = []
    j = i
    # "a dozen", "a million", "a third of", "a half"
    if low in ("a", "an") and i + 1 < stop:
        nl = doc[i + 1].lower_
        if nl in ("dozen", "hundred", "thousand", "million", "billion", "trillion") or (
                nl in ("third", "quarter", "half", "fifth", "tenth") and i + 2 < stop
                and doc[i + 2].lower_ in ("of", "million", "billion", "thousand")):
            pieces.append(Piece("word", 1.0))
            j = i + 1
        else:
            return None
    cur_code = None
    text = t.text
    m = CUR_GLUED.match(text) if j == i else None
    if m is None and j == i and i > 0 and doc[i - 1].text == "$" and doc[i - 1].whitespace_ == "":
        m = DOLLAR_ALPHA.match(text)  # "$US55,931,000", "$A82,615,680"
    mw = MINUS_WORD.match(text) if j == i else None
    first = None
    if m and m.group("cur") in ("R", "RM", "Rs", "Rs.", "PS") and (
            i > 0 and (doc[i - 1].whitespace_ == "" or doc[i - 1].text in ("-", "–"))
            or parse_digits(re.sub(r"[A-Za-z]+$", "", m.group("rest")) or "x") is not None
            and parse_digits(re.sub(r"[A-Za-z]+$", "", m.group("rest"))) < 100 and not re.search(r"[A-Za-z]$", m.group("rest"))):
        return None  # "PLX-R18", "R18": codes, not rand
    if m:
        cur = m.group("cur")
        cur_code = _prefix_code(cur) if cur[0] != "$" or len(cur) == 1 else _prefix_code(cur)
        if m.re is DOLLAR_ALPHA:
            cur_code = _prefix_code("$" + cur)
        first = token_piece(m.group("rest"), False, False)
    elif mw:
        first = token_piece(mw.group("rest"), False, False)
        if first and mw.group("word").lower() == "minus":
            first.sign = -1.0
    if first is not None:
        pieces.append(first)
        j = i + 1
    prev_cur = cur_code is not None or (i > 0 and doc[i - 1].text.lower() in lex().cur_prefix)
    while j < stop:
        prev_num = bool(pieces)
        if pieces and pieces[-1].suffix:
            break
        p = _is_number_piece(doc, j, prev_num)
        if p is not None and p.kind == "scale" and not prev_cur and doc[j].text.rstrip(".") in ("m", "b", "t", "T"):
            break  # "37 m" is metres and "5t" tonnes, unless it is money; "4.3M sales" is millions
        if p is None:
            tl = doc[j].lower_
            # joiners inside one number: "twenty-five", "three-quarters", "hundred and fifty"
            if pieces and j + 1 < stop and tl in ("-", "–") and doc[j - 1].whitespace_ == "" \
                    and doc[j].whitespace_ == "" and pieces[-1].kind in ("word", "tens"):
                q = _is_number_piece(doc, j + 1, True)
                if q is not None and q.kind in ("word", "fraction") and doc[j - 1].is_alpha:
                    j += 1
                    continue
            if pieces and tl == "and" and j + 1 < stop and pieces[-1].kind == "scale":
                q = _is_number_piece(doc, j + 1, True)
                if q is not None and q.kind in ("word", "tens") and pieces[-1].value >= 100:
                    j += 1
                    continue
            if pieces and tl == "and" and j + 2 < stop and doc[j + 1].lower_ == "a" \
                    and doc[j + 2].lower_ == "half":
                pieces.append(Piece("frac_num", 0.5))
                j += 3
                break
            break
        if pieces:
            last = pieces[-1]
            # two numerals in a row are two numbers ("in 2019 300 people"), except "10 1/2"
            if p.kind == "digits" and last.kind in ("digits", "word", "tens", "scale", "frac_num"):
                break
            if p.kind in ("word", "tens") and last.kind == "digits":
                break
            if p.kind == "frac_num" and last.kind not in ("digits", "word"):
                break
            if p.kind == "scale" and last.suffix:
                break
            trial = combine(pieces + [p])
            if trial is None:
                break
        elif p.kind in ("scale",) or (p.kind == "fraction" and doc[j].lower_ not in ("half",) and not (
                j + 1 < stop and doc[j + 1].lower_ in ("million", "billion", "thousand", "trillion"))):
            return None
        pieces.append(p)
        j += 1
        if p.suffix:  # a glued suffix ends the run ("5bn", "40min", "600+")
            break
    if not pieces or all(p.kind == "word" and p.value == 1.0 for p in pieces) and j == i + 1 \
            and low in ("a", "an"):
        return None
    if pieces[0].kind == "fraction" and doc[i].lower_ == "half":
        nxt = doc[j].lower_ if j < stop else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if nxt not in ("of", "the", "a", "an", "their", "its", "his", "her", "our", "all") and len(pieces) == 1 \
                and prev not in ("nearly", "almost", "about", "around", "over", "than", "roughly", "one"):
            return None
    # glued scale suffix: "5bn", "13.6m", "2k"
    last = pieces[-1]
    suffix = last.suffix
    L = lex()
    raw_suffix = doc[j - 1].text[-len(suffix):] if suffix else ""
    prev_cur = cur_code is not None or (i > 0 and doc[i - 1].text.lower() in L.cur_prefix)
    if suffix and suffix.rstrip(".") in L.scales and (prev_cur or raw_suffix.rstrip(".") not in ("m", "b", "t", "T")):
        pieces[-1] = Piece(last.kind, last.value, "", last.sign, last.tilde)
        pieces.append(Piece("scale", float(L.scales[suffix.rstrip(".")])))
        suffix = ""
    value = combine(pieces)
    if value is None:
        return None
    sign = pieces[0].sign
    c = Cand(i, j, sign * value, pieces=pieces)
    c.has_scale = any(p.kind == "scale" for p in pieces)
    if any(p.kind == "fraction" for p in pieces) and not c.has_scale:
        c.unit = "fraction"  # "three-quarters", "half": a proportion, not a count
    c.currency = cur_code
    if cur_code:
        c.kind = "money"
    if pieces[0].tilde:
        c.approx = "about"
    if j == i + 1 and len(pieces) == 1 and pieces[0].kind == "word" and not m:
        c.bare_word = low
    if mw and mw.group("word").lower() != "minus":
        c.approx = "less_than" if mw.group("word").lower() in ("sub", "under") else "more_than"
    elif i > 0 and doc[i - 1].lower_ == "minus" and sign > 0:
        c.value = -c.value
        c.minus_word = True  # type: ignore[attr-defined]
    c._suffix = suffix  # type: ignore[attr-defined]
    return c


def _prefix_code(sym: str) -> str | None:
    L = lex()
    return L.cur_prefix.get(sym.lower())


# ----------------------------------------------------------------------------------
# units and bounds

def _match_words(doc: "Doc", i: int, stop: int, table: dict, maxlen: int) -> tuple[int, str | None]:
    """Longest key of ``table`` (tuples of lower-cased words) starting at token i."""
    for n in range(min(maxlen, stop - i), 0, -1):
        key = tuple(doc[k].lower_ for k in range(i, i + n))
        if key in table:
            return n, table[key]
    return 0, None


def _time_unit(doc: "Doc", k: int, stop: int) -> tuple[int, list] | None:
    """A time unit at token k, allowing "48-hour" (hyphen glued)."""
    L = lex()
    if k < stop and doc[k].text in ("-", "–") and doc[k - 1].whitespace_ == "" and doc[k].whitespace_ == "":
        k += 1
    if k < stop and doc[k].lower_ in L.time_units:
        return k + 1, L.time_units[doc[k].lower_]
    return None


def _set_duration(c: Cand, spec: list, unit_word: str) -> None:
    prefix, designator = spec[0], spec[1]
    mult = spec[2] if len(spec) > 2 else 1
    n = c.value * mult
    num = str(int(n)) if float(n).is_integer() else f"{n:g}"
    c.kind = "duration"
    c.iso = f"{prefix}{num}{designator}"
    names = {"S": "second", "H": "hour", "D": "day", "W": "week", "Y": "year"}
    if prefix == "PT" and designator == "M":
        c.unit = "minute"
    elif designator == "M":
        c.unit = "month"
    else:
        c.unit = {"decade": "decade", "decades": "decade", "century": "century",
                  "centuries": "century", "night": "night", "nights": "night"}.get(unit_word, names[designator])


def _units(doc: "Doc", c: Cand, stop: int, sent: "Span") -> None:
    """Decide kind/unit/currency from what follows the number run (and a currency
    symbol before it). Extends ``c.span_end``."""
    L = lex()
    k = c.end
    suffix = getattr(c, "_suffix", "")
    c.span_end = k
    if suffix == "+":
        c.approx = "more_than"
        suffix = ""
    # currency prefix token(s): "$", "US $", "C$", "USD"
    if c.currency is None:
        s = c.start
        if s - 1 >= sent.start:
            sym = doc[s - 1].text
            code = L.cur_prefix.get(sym.lower())
            glued = doc[s - 1].whitespace_ == ""
            if code and (sym.lower() not in L.glued_only_prefix or glued) and (
                    not sym.isalpha() or sym.isupper()):
                c.currency, c.kind, c.span_start = code, "money", s - 1
                if s - 2 >= sent.start and sym == "$":
                    # "US $58" (spaced) or "C$5" split by the tokenizer (glued)
                    before = doc[s - 2]
                    key = (before.lower_ + "$") if before.whitespace_ == "" else f"{before.lower_} $"
                    if key in L.cur_prefix and before.text[:1].isupper():
                        c.currency, c.span_start = L.cur_prefix[key], s - 2
    if suffix:
        low = suffix.rstrip(".")
        if low in ("%", "pc", "pct"):
            c.kind, c.unit = "percent", "percent"
        elif low in L.time_units and not (c.kind == "money"):
            _set_duration(c, L.time_units[low], low)
        elif low in ("am", "pm"):
            c.kind = "clock"
        elif low in ("p",) and c.kind != "money":
            c.kind, c.currency, c.unit = "money", "GBP", "pence"
        elif low in ("st", "nd", "rd", "th"):
            c.kind = "ordinal"
        elif c.kind != "money":
            _measure(doc, c, sent)
        if c.kind == "money" and c.unit is None:
            c.unit = c.currency
        return
    if k < stop:
        n, unit = _match_words(doc, k, stop, L.percent, 2)
        if n and unit and c.kind != "money":
            c.kind, c.unit, c.span_end = "percent", unit, k + n
            return
        sc = L.scaled_currency.get(doc[k].lower_)
        if sc and c.kind != "money":
            c.kind, c.currency, c.unit, c.span_end = "money", sc[0], sc[0], k + 1
            c.value *= sc[1]
            return
        n, code = _match_words(doc, k, stop, L.cur_suffix, L.max_suffix_len)
        if n:
            words = [doc[x].lower_ for x in range(k, k + n)]
            mass = words[-1] in ("pound", "pounds") and (
                (k + n < stop and doc[k + n].text in ("-", "of")) or any(
                    t.lower_ in L.weight_context or t.lemma_ in L.weight_context for t in sent))
            minor = words[-1] in L.minor_units
            if words[-1] in ("p",) and doc[k - 1].whitespace_ != "":
                n = 0
            elif words[-1] == "won" and c.kind != "money":
                n = 0  # "won" is far more often the verb
            elif mass:
                c.kind, c.unit, c.span_end = "measure", "pound-mass", k + n
                return
            else:
                if c.currency is None or minor:
                    c.currency = code if not minor or words[-1] != "cents" or c.currency is None else c.currency
                c.kind = "money"
                c.unit = words[-1].rstrip("s") if minor else c.currency
                if words[-1] == "pence":
                    c.unit = "pence"
                c.span_end = k + n
                # "75 USD million"
                if k + n < stop and doc[k + n].lower_ in ("million", "billion", "trillion", "thousand") and not c.has_scale:
                    c.value *= L.scales[doc[k + n].lower_]
                    c.span_end += 1
                return
        tu = _time_unit(doc, k, stop)
        if tu and c.kind != "money":
            after, spec = tu
            unit_word = doc[after - 1].lower_
            _set_duration(c, spec, unit_word)
            c.span_end = after
            # age: "14-year-old", "14 years old", "14 years of age"
            if spec[1] == "Y" and spec[0] == "P":
                a = after
                if a < stop and doc[a].text in ("-", "–") and doc[a].whitespace_ == "":
                    a += 1
                if a < stop and doc[a].lower_ in L.age_after:
                    c.kind, c.iso, c.unit, c.span_end = "age", None, "year", a + 1
                elif a + 1 < stop and doc[a].lower_ == "of" and doc[a + 1].lower_ == "age":
                    c.kind, c.iso, c.unit, c.span_end = "age", None, "year", a + 2
            return
    if c.kind == "money":
        c.unit = c.currency
        return
    if k < stop and doc[k].lower_ in CLOCK_WORDS:
        c.kind = "clock"
        return
    # "aged 14", "age 14", "the age of 21"
    before = [doc[x].lower_ for x in range(max(sent.start, c.start - 2), c.start)]
    if (before[-1:] and before[-1] in L.age_before or before == ["age", "of"]) and 0 < c.value < 130:
        c.kind, c.unit = "age", "year"
        return
    if k < stop and not doc[k].is_punct and not (doc[k].is_stop and doc[k].is_lower) and doc[k].text[:1].isalpha() \
            or k < stop and doc[k].text in ("°", "º", "″", "'", "”", "-"):
        _measure(doc, c, sent)


def _numberish(tok: "Token") -> bool:
    """A token that starts another number ("50", "1/2", "five"), not a unit with a digit ("cm2")."""
    return bool(GLUED.match(tok.text)) or tok.like_num and not tok.is_alpha or tok.lower_ in lex().units


@lru_cache(maxsize=4096)
def _q3_parse(window: str) -> tuple:
    """quantulum3 on a short window starting at the number (cached)."""
    try:
        found = _q3.parse(window)
    except Exception:  # quantulum3 can raise on odd input: no unit then
        return ()
    return tuple((q.span[0], q.span[1], q.unit.name, q.unit.entity.name) for q in found)


#: Longest text (number + following words) handed to quantulum3; no real measure is longer.
MAX_MEASURE_WINDOW = 120


def sent_slice(sent: "Span", start: int, end: int) -> str:
    """``doc.text[start:end]`` for a range inside ``sent``, without building ``doc.text``
    (spaCy joins every token of the Doc on each access: per sentence, that made
    extraction quadratic in the document's length)."""
    if sent.start_char <= start <= end <= sent.end_char:
        return sent.text[start - sent.start_char:end - sent.start_char]
    return sent.doc.text[start:end]


def _finite(q: Quantity) -> bool:
    """False for a value JSON cannot hold: a 400-digit numeral parses as inf."""
    return all(v is None or math.isfinite(v) for v in (q["value"], q["low"], q["high"]))


_GLUED_LETTER = re.compile(r"\d([A-Z])(?![A-Za-z])")


def glued_letter(doc: "Doc", c: Cand, sent: "Span") -> str | None:
    """The single capital letter glued to the end of the number run, inside it or
    right after it ("5G", "6A:", "4K TV", "10K followers"), or None."""
    last = doc[c.end - 1]
    run_end = last.idx + len(last)
    start = max(last.idx - 1, sent.start_char)
    m = _GLUED_LETTER.search(sent_slice(sent, start, min(sent.end_char, run_end + 2)))
    return m.group(1) if m and start + m.start(1) in (run_end - 1, run_end) else None


def _is_label(doc: "Doc", c: Cand, sent: "Span") -> bool:
    """A heuristic: a number glued to one capital letter that neither scales it nor is
    a unit news writes glued (``glued_letter_units``: "240V") names a thing ("5G",
    "4K", "3D", "Class 6A", "3M"): no quantity."""
    letter = glued_letter(doc, c, sent)
    return (letter is not None and c.kind != "money" and not c.has_scale
            and letter not in lex().glued_letter_units)


def _measure(doc: "Doc", c: Cand, sent: "Span") -> None:
    """Unit of a measure via quantulum3, read in a window of ~40 chars after the
    number. Only physical units are taken (not dimensionless, not currency: money
    is parsed by us, and quantulum3 misreads "pound-feet"/"$38 million"). No unit
    follows a glued scale letter: "10K followers" is not ten kibibytes."""
    if c.has_scale and glued_letter(doc, c, sent):
        return
    first = re.search(r"[\d.]", doc[c.start].text)  # "minus-5", "~25": start at the digits
    s_char = doc[c.start].idx + (first.start() if first else 0)
    e_char = min(sent.end_char, doc[c.end - 1].idx + len(doc[c.end - 1]) + 40)
    for k in range(c.end, sent.end):  # the window stops before the next number ("44 mg to 50 mg")
        if doc[k].idx >= e_char:
            break
        if _numberish(doc[k]):
            e_char = doc[k].idx
            break
    if e_char - s_char > MAX_MEASURE_WINDOW:
        return  # quantulum3's spell-out regex backtracks for minutes on a long digit run
    window = sent_slice(sent, s_char, e_char)
    for qs, qe, name, entity in _q3_parse(window):
        if qs > 1:
            continue
        if entity in ("dimensionless", "currency") or "to the" in name or any(ch.isdigit() for ch in name):
            return
        if entity == "time":
            return
        end_char = s_char + qe
        # snap to the end of the token holding end_char
        k = c.end
        while k < sent.end and doc[k].idx < end_char:
            if _numberish(doc[k]):
                return  # quantulum3 read a range/compound: the range merge decides
            k += 1
        while k > c.end and (doc[k - 1].is_punct or doc[k - 1].is_space or doc[k - 1].text in ("/", "-")):
            k -= 1
        c.kind, c.unit = "measure", name
        c.span_end = max(c.span_end, k)
        return


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
# filters

def _in_name(doc: "Doc", c: Cand) -> bool:
    """Numbers inside a named entity that also has non-number words ("S&P 500",
    "Boeing 787", "TA-35", "COVID-19")."""
    if c.kind != "count" or c.approx != "exact":
        return False
    t = doc[c.start]
    if t.ent_type_ in NAME_LABELS:
        ent = _ent_of(doc, c.start)
        if ent is not None and any(x.is_alpha and x.i not in range(c.start, c.end) and x.lower_ not in lex().cur_suffix.get((x.lower_,), ()) and not x.like_num for x in ent):
            if not (ent.end - ent.start == 1):
                return True
    if c.kind != "count" or c.approx != "exact":
        return False
    first = doc[c.start]
    prev = doc[c.start - 1] if c.start > 0 else None
    nxt = doc[c.end] if c.end < len(doc) else None
    # "2018s", "Channel 5s": plural digits are decades or garbled names
    if getattr(c, "_suffix", "") == "s":
        return True
    # "COVID -19": a signed number right after an all-caps word
    if first.text[:1] in "-−" and prev is not None and prev.text.isupper():
        return True
    digits_only = all(p.kind == "digits" for p in c.pieces) and len(c.pieces) == 1 and "," not in first.text
    if digits_only and prev is not None and prev.whitespace_ and prev.pos_ == "PROPN" \
            and any(ch.isupper() for ch in prev.text) and not prev.is_sent_start and prev.ent_type_ not in ("DATE",) \
            and prev.lower_ not in lex().cur_prefix and not (nxt is not None and nxt.tag_ == "NNS"):
        return True  # "iPhone 11", "S&P 500", "Galaxy Note 20"
    if digits_only and nxt is not None and nxt.pos_ == "PROPN" and nxt.tag_ == "NNP" \
            and nxt.text[:1].isupper() and nxt.ent_type_ not in ("NORP",):
        return True  # "787 Dreamliner", "575 Wilbraham Road", "737 Max"
    if all(p.kind in ("word", "tens") for p in c.pieces) and first.text[:1].isupper() \
            and not first.is_sent_start and nxt is not None and nxt.pos_ == "PROPN" \
            and nxt.text[:1].isupper() and nxt.ent_type_ not in ("NORP",):
        return True  # a capitalised number word inside a name: "Zero Gravity Seats"
    if digits_only and prev is not None and prev.lower_ in lex().label_nouns and c.value < 1000 \
            and not (nxt is not None and nxt.tag_ == "NNS"):
        return True  # "category 4 hurricane", "Unit 3"
    if c.start >= 2 and doc[c.start - 1].text in ("-", "–") and doc[c.start - 1].whitespace_ == "" \
            and doc[c.start - 2].whitespace_ == "" and any(ch.isupper() for ch in doc[c.start - 2].text) \
            and doc[c.start - 2].is_alpha:
        return True
    return False


def _is_year(doc: "Doc", c: Cand, sent: "Span") -> bool:
    """A bare 4-digit integer 1800-2100 in year position ("in 1998", "the 2019
    season"). Not a year: "1,998", money, percents, bounded numbers, or a number
    counting a plural noun ("2000 people")."""
    if len(c.pieces) != 1 or c.pieces[0].kind != "digits" or c.kind not in ("count", "measure"):
        return False
    if c.kind == "measure" and not re.search(r"[′'’]s$", doc[c.start].text):
        return False
    text = re.sub(r"[′'’]s$", "", doc[c.start].text)  # "2022′s market rout"
    if not re.fullmatch(r"\d{4}", text):
        return False
    prev = doc[c.start - 1].lower_ if c.start > sent.start else ""
    if not (1800 <= int(text) <= 2100 or (1000 <= int(text) <= 2999 and prev in YEAR_PREPS)):
        return False
    if c.approx != "exact" and c.approx != "range":
        return False
    h = doc[c.start]
    if h.dep_ == "nummod" and h.head.tag_ in ("NNS",) and h.head.i == c.end and h.head.lower_ not in lex().time_units:
        return False
    return True


def _one_is_determiner(doc: "Doc", c: Cand, sent: "Span") -> bool:
    """"one" that is not a count: a pronoun ("one of the deadliest", "no one",
    "the one who"), an idiom ("one day", "at one point", "one another"), or the
    indefinite determiner of a speaker ("One man told reporters", "one resident
    said"). "One person was killed" or "one solution" stay counts."""
    if c.bare_word != "one" or c.approx != "exact" or c.kind != "count":
        return False
    L = lex()
    t = doc[c.start]
    prev = doc[c.start - 1].lower_ if c.start > sent.start else ""
    prev2 = " ".join(x.lower_ for x in doc[max(sent.start, c.start - 2):c.start])
    nxt = doc[c.end].lower_ if c.end < sent.end else ""
    if nxt == "of" or prev in L.one_before or prev2 in L.one_before or nxt in L.one_after:
        return True
    if t.dep_ != "nummod":
        return True
    noun = t.head
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # "One imam denounced…", "One video showed…": a specific someone, not a count,
        # unless the clause is a count event ("One person was killed")
        events = set(L.pred_map.values())
        return verb.lemma_ not in events and L.pred_map.get(verb.lower_) not in events
    return False


def _ordinal_is_rank(doc: "Doc", c: Cand, sent: "Span") -> bool:
    """An ordinal states a checkable rank: before a superlative ("third-largest"), heading
    a rank noun ("for the third time") or completing a rank verb ("finished second")."""
    L = lex()
    after = [t for t in doc[c.end:min(sent.end, c.end + 2)] if t.text != "-"]
    if after and after[0].tag_ in ("JJS", "RBS"):
        return True
    t = doc[c.end - 1]
    if t.head.lemma_.lower() in L.rank_nouns and t.head.i > t.i:
        return True
    return t.head.pos_ in ("VERB", "AUX") and t.head.lemma_ in L.rank_verbs and t.dep_ in (
        "advmod", "acomp", "attr", "dobj", "npadvmod", "oprd")


# ----------------------------------------------------------------------------------
# counted NP and predicate

_NP_LEFT = frozenset({"amod", "compound", "poss", "nmod", "case", "nummod", "advmod", "punct", "npadvmod"})


def _plain_coordination(noun: "Token", conj: "Token") -> bool:
    """"A and B" / "A or B" with a plain cc right before B's phrase: not ", as well as B"."""
    cc = [t for t in noun.rights if t.dep_ == "cc" and t.i < conj.i]
    return bool(cc) and cc[-1].lower_ in ("and", "or", "&")


def _has_number(noun: "Token") -> bool:
    """A noun with its own number among its left modifiers ("3,000 cattle", "his 72-year-old grandmother")."""
    return any(y.like_num for x in noun.lefts for y in x.subtree)


def _np_tokens(noun: "Token", after: int, seen: set) -> list["Token"]:
    """The counted NP of ``noun``: its left modifiers after the number, the noun,
    its "of" prepositional phrases and coordinated nouns (with theirs)."""
    out = [noun]
    seen.add(noun.i)
    for ch in noun.lefts:
        if ch.i >= after and ch.dep_ in _NP_LEFT:
            out.extend(ch.subtree)
    for ch in noun.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            out.extend(ch.subtree)
        elif ch.dep_ == "cc" and any(x.dep_ == "conj" and x.i > ch.i and x.pos_ in ("NOUN", "PROPN")
                                     and not _has_number(x)
                                     for x in noun.rights):
            out.append(ch)
        elif ch.dep_ == "conj" and ch.pos_ in ("NOUN", "PROPN") and ch.i not in seen \
                and not _has_number(ch) and _plain_coordination(noun, ch):
            # a conjunct with its own number is another count ("15 villages and 3,000 cattle")
            out.extend(_np_tokens(ch, ch.left_edge.i, seen))
    return out


def _counted(doc: "Doc", c: Cand, sent: "Span") -> tuple["Token | None", "Token"]:
    """(counted head noun, syntactic root of the quantity expression)."""
    inside = range(c.span_start, c.span_end)
    roots = [doc[k] for k in inside if doc[k].head.i not in inside or doc[k].head.i == k]
    root = roots[0] if roots else doc[c.start]
    for r in roots:
        if r.pos_ in ("NOUN", "NUM", "SYM", "PROPN") and r.dep_ not in ("quantmod", "punct"):
            root = r
            break
    # follow "of" out of the quantity: "90% of X", "hundreds of X", "300 of the members"
    node = root
    for _ in range(3):
        of = next((ch for ch in node.rights if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        if of is None:
            break
        pobj = next((ch for ch in of.rights if ch.dep_ == "pobj"), None)
        if pobj is None:
            break
        if pobj.i in inside:
            node = pobj
            continue
        if c.kind in ("count", "percent") or c.vague:
            return pobj, root
        break
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") \
            and head.pos_ in ("NOUN", "PROPN") and head.i not in inside and head.i > root.i \
            and head.i <= c.span_end + 3:
        return head, root
    return None, root


def _norm_pred(tok: "Token") -> str:
    L = lex()
    low = tok.lower_
    if low in L.pred_map:
        return L.pred_map[low]
    return L.pred_map.get(tok.lemma_.lower(), tok.lemma_.lower())


def _predicate(noun: "Token | None", root: "Token") -> str | None:
    """Event lemma of the count: a participle/adjective on the counted noun
    ("civilians killed", "people dead"), else the verb governing the noun or the
    number (climbing over prepositions and coordination), with light verbs resolved
    through their adjective complement ("were dead" -> die) and "death toll rose
    to N" -> die. None when no verb governs it."""
    L = lex()
    fallback = None
    if noun is not None:
        for ch in noun.rights:
            if ch.dep_ in ("acl", "amod", "relcl") and (ch.pos_ in ("VERB", "ADJ")) and \
                    (ch.tag_ in ("VBN", "VBD", "VBG") or ch.lower_ in L.pred_map):
                if ch.lower_ in L.pred_map or ch.lemma_.lower() in L.pred_map:
                    return _norm_pred(ch)  # "civilians killed", "people dead"
                fallback = fallback or _norm_pred(ch)  # "militants affiliated with X were killed"
        for ch in noun.lefts:
            if ch.dep_ == "amod" and ch.lower_ in L.pred_map:
                return _norm_pred(ch)
    found = _governing(noun, root)
    return found if found is not None else fallback


def _governing(noun: "Token | None", root: "Token") -> str | None:
    """The verb (or adjective) governing the counted noun or the number, normalised."""
    L = lex()
    node = root
    if noun is not None and noun.i != root.head.i:
        node = root  # "hundreds of X were displaced": root governs
    elif noun is not None:
        node = noun
    for _ in range(6):
        if node.dep_ in ("pobj", "prep", "conj", "appos", "nummod", "quantmod", "dobj", "compound",
                         "npadvmod", "attr", "nsubj", "nsubjpass", "oprd", "acomp", "dep", "advmod") \
                and node.head.i != node.i:
            rel = node.dep_
            node = node.head
            if node.pos_ in ("VERB", "AUX", "ADJ") and rel not in ("conj",) or node.pos_ in ("VERB",):
                break
            if node.pos_ == "NOUN" and node.lower_ in L.pred_map and rel in ("pobj", "prep") :
                return L.pred_map[node.lower_]
        else:
            break
    if node.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    lemma = node.lemma_.lower()
    if lemma in CHANGE_LEMMAS:
        subj = next((ch for ch in node.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in L.toll_heads:
            comp = next((ch for ch in subj.lefts if ch.dep_ in ("compound", "amod")), None)
            if comp is not None and comp.lemma_.lower() in L.toll_compounds:
                return L.toll_compounds[comp.lemma_.lower()]
    for ch in node.children:  # "lay dead", "were found dead"
        if ch.dep_ in ("acomp", "oprd") and ch.lower_ in L.pred_map:
            return L.pred_map[ch.lower_]
    if lemma in L.skip_lemmas:
        for ch in node.children:
            if ch.dep_ in ("attr",) and ch.lower_ in L.pred_map:
                return L.pred_map[ch.lower_]
            if ch.dep_ == "prep":  # "among the dead were 745 civilians"
                for g in ch.children:
                    if g.dep_ == "pobj" and g.lower_ in L.pred_map:
                        return L.pred_map[g.lower_]
        for ch in node.children:  # "are reported to have died"
            if ch.dep_ == "xcomp" and ch.pos_ == "VERB":
                inner = ch
                for _ in range(2):
                    nxt = next((g for g in inner.children if g.dep_ == "xcomp" and g.pos_ == "VERB"), None)
                    if nxt is None:
                        break
                    inner = nxt
                if inner.lemma_.lower() not in L.skip_lemmas:
                    return _norm_pred(inner)
        return None
    return _norm_pred(node)


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


# ----------------------------------------------------------------------------------
# main

def _overlaps(s: int, e: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < re_ and rs < e for rs, re_ in ranges)


def _candidates(sent: "Span") -> list[Cand]:
    doc = sent.doc
    cands = []
    i = sent.start
    stop = sent.end
    while i < stop:
        c = _vague_at(doc, i, stop) or _run_at(doc, i, stop)
        if c is None:
            ov = None
            if doc[i].ent_type_ == "ORDINAL" or re.fullmatch(r"\d+(st|nd|rd|th)", doc[i].lower_):
                ov = ordinal_value(doc[i].text)
                if ov is None and i + 2 < stop and doc[i + 1].text == "-":
                    ov = ordinal_value(doc[i].text + "-" + doc[i + 2].text)
                    if ov is not None:
                        c = Cand(i, i + 3, ov, ordinal=True)
                if ov is not None and c is None:
                    c = Cand(i, i + 1, ov, ordinal=True)
            if c is None or not _ordinal_is_rank(doc, c, sent):
                i += 1
                continue
            c.kind = "ordinal"
        c.span_start, c.span_end = c.start, c.end
        if getattr(c, "minus_word", False):
            c.span_start = c.start - 1
        cands.append(c)
        i = c.end
    return cands


def find_quantities(sent: "Span", exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in ``sent``; numbers inside the ``exclude`` char ranges (dates) are skipped."""
    doc = sent.doc
    cands = _candidates(sent)
    if not cands:
        return []
    for c in cands:
        if c.kind != "ordinal":
            if c.vague is None:
                _units(doc, c, sent.end, sent)
            _bounds(doc, c, sent)
    # dates, clock times and years go before ranges are merged, so that
    # "from $36,040 at 10.45pm to $34,935" and "from 20 mpg in 2008 to 29 mpg" pair up
    kept = []
    for c in cands:
        if c.kind == "clock" or CLOCK.match(doc[c.start].text):
            continue
        num_s, num_e = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
        # a duration inside a date ("14 years ago", "the past two days") is both
        if _overlaps(num_s, num_e, exclude) and c.kind != "duration":
            continue
        if _ent_blocks(doc, c) and c.kind == "count":
            continue
        if _is_year(doc, c, sent) or _is_label(doc, c, sent):
            continue
        kept.append(c)
    cands = _merge_ranges(doc, kept, sent)
    out: list[Quantity] = []
    for c in cands:
        s_char = doc[c.span_start].idx
        last = doc[c.span_end - 1]
        e_char = last.idx + len(last)
        if _in_name(doc, c) or _one_is_determiner(doc, c, sent):
            continue
        if c.kind == "count" and _is_person_age(doc, c, sent):
            c.kind, c.unit = "age", "year"
        noun, root = _counted(doc, c, sent)
        counted = counted_span = None
        if noun is not None:
            toks = _np_tokens(noun, c.span_end, set())
            toks = [t for t in toks if (t.i >= c.span_end or t.i > noun.i) and not t.is_space]
            if toks:
                a = min(t.i for t in toks)
                b = max(t.i for t in toks) + 1
                while a < b and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ in ("det", "cc")) \
                        and doc[a].i != noun.i:
                    a += 1
                while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
                    b -= 1
                counted_span = [doc[a].idx, doc[b - 1].idx + len(doc[b - 1])]
                counted = sent_slice(sent, counted_span[0], counted_span[1])
        if c.kind in ("duration", "age", "ordinal") and noun is None:
            predicate = None
        else:
            predicate = _predicate(noun, root)
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
        q: Quantity = {
            "text": sent_slice(sent, s_char, e_char),
            "span": [s_char, e_char],
            "value": float(c.value),
            "low": None if low is None else float(low),
            "high": None if high is None else float(high),
            "approx": approx,
            "kind": c.kind,
            "unit": c.unit if c.kind != "count" or c.unit == "fraction" else None,
            "currency": c.currency if c.kind == "money" else None,
            "iso": c.iso if c.kind == "duration" else None,
            "counted": counted,
            "counted_span": counted_span,
            "predicate": predicate,
        }
        if _finite(q):
            out.append(q)
    return out


def _ent_blocks(doc: "Doc", c: Cand) -> bool:
    """Numbers in TIME/DATE entities that are neither durations nor ages are clock
    times or dates find_dates did not keep ("10.45pm", "the 1990s"): skip them."""
    t = doc[c.start]
    if c.kind == "age":
        return False
    if t.ent_type_ in ("TIME",):
        return True
    if t.ent_type_ == "DATE":
        ent = _ent_of(doc, c.start)
        # a date's number ("March 7", "the 1990s") blocks; durations ("the past three or four
        # years") stay, and so does a misread bare number ("20,000+": no word besides it)
        if ent is not None and len(ent) > (c.end - c.start) and not any(
                x.lower_ in lex().time_units for x in ent) and any(
                x.is_alpha for x in ent if not c.start <= x.i < c.end):
            return True
    return False


def vague_magnitude(text: str) -> tuple[float, float] | None:
    """Order-of-magnitude range of a vague quantity's text ("hundreds of thousands"
    -> (1e5, 1e6)), from ``vague.json``'s ``magnitude`` (NewsQuant's convention, used
    by the evaluation). None for words without one ("several") or other text."""
    L = lex()
    words = text.lower().split()
    for k, w in enumerate(words):
        entry = L.vague.get(w)
        if entry is None or w == "several":
            continue
        mag = entry["magnitude"]
        if mag is None:
            return None
        if k + 2 < len(words) and words[k + 1] == "of" and words[k + 2] in L.vague:
            unit = L.vague[words[k + 2]]["magnitude"][0]
            return float(mag[0] * unit), float(mag[1] * unit)
        return float(mag[0]), float(mag[1])
    return None


def _ent_of(doc: "Doc", i: int):
    """The entity span holding token i (from the IOB tags: no scan of doc.ents)."""
    if not doc[i].ent_type_:
        return None
    a = i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    return doc[a:b]


def _is_person_age(doc: "Doc", c: Cand, sent: "Span") -> bool:
    """News-style age apposition: "Maddon, 66, said" (a bare integer between
    commas right after a person's name)."""
    if c.start - 2 < sent.start or c.end >= sent.end or not c.pieces or c.pieces[0].kind != "digits":
        return False
    if not (0 < c.value < 120 and float(c.value).is_integer()) or c.approx != "exact":
        return False
    prev, name, nxt = doc[c.start - 1], doc[c.start - 2], doc[c.end]
    return prev.text == "," and nxt.text in (",", ")") and name.pos_ == "PROPN" and \
        (name.ent_type_ in ("PERSON", "") or name.ent_type_ == "GPE")
