"""Reading a number candidate: its unit, kind and currency (step 2 of the package docstring).

What follows (or precedes) the number run decides the kind, tried in the order of
``_UNIT_RULES`` after a currency symbol before the run and a glued suffix:

* percent words ("5 percent", "5 per cent");
* finance shorthand for a scaled currency ("120 MEUR" -> 120e6 EUR);
* currency words and minor units ("38 million dollars", "75 cents"; "6 pounds of
  flour" is a mass, "won" mostly the verb);
* time units: a duration with ISO 8601 ("14 years" -> P14Y), an age with "-old" /
  "of age" ("a 14-year-old");
* money with a currency symbol before it and nothing after ("$38");
* a quake's magnitude ("a 6.1-magnitude quake", "magnitude 5"): measure, unit magnitude;
* clock words ("10 GMT"), an age word before ("aged 14", "the age of 21");
* otherwise the unit quantulum3 reads in a short window after the number (measure),
  when a word or a unit sign follows.

Also here: the quantulum3 call (imported on first use, rule-based only, see
:mod:`pipeline.thirdparty`) and :func:`vague_magnitude`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ...thirdparty import quantulum3_parser
from .numbers import GLUED, lex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .candidates import Cand

CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "et", "est",
                         "edt", "bst", "cet", "pst", "pdt", "hrs", "o'clock"})


def _prefix_code(sym: str) -> str | None:
    L = lex()
    return L.cur_prefix.get(sym.lower())


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


def _currency_before(doc: "Doc", c: Cand, sent: "Span") -> None:
    """A currency prefix token before the run: "$ 5", "US $58", "C$5" (split by the
    tokenizer), "USD 5"; sets money and moves ``c.span_start`` onto it. Not a spaced
    prefix that is only written glued, nor a lower-case word ("us 5")."""
    L = lex()
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


def _glued_unit(doc: "Doc", c: Cand, sent: "Span", suffix: str) -> None:
    """A unit glued to the number: "5%" / "5pc" percent, "40min" a duration, "10pm" a
    clock time, "50p" pence, "3rd" an ordinal, else a measure read by quantulum3
    ("240V"); money keeps its currency as unit ("$5bn")."""
    L = lex()
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


# The rules below read the words after the run, token ``k`` = ``c.end`` being the first.
# Each returns True when it decided the unit (the later rules are then not tried).

def _percent_word(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """Percent words of the lexicon: "5 percent", "5 per cent", "10 percentage points".
    Not after money ("$5 percent" stays money)."""
    n, unit = _match_words(doc, k, stop, lex().percent, 2)
    if n and unit and c.kind != "money":
        c.kind, c.unit, c.span_end = "percent", unit, k + n
        return True
    return False


def _scaled_currency(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """Finance shorthand, a currency code with a scale letter: "120 MEUR" -> 120e6 EUR,
    "2 BUSD". Not after a currency symbol."""
    sc = lex().scaled_currency.get(doc[k].lower_)
    if sc and c.kind != "money":
        c.kind, c.currency, c.unit, c.span_end = "money", sc[0], sc[0], k + 1
        c.value *= sc[1]
        return True
    return False


def _currency_word(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """Currency words and minor units after the number: "38 million dollars", "75
    cents", "50 pence", "75 USD million" (the scale after the code applies). "6 pounds
    of flour" (or "pounds" in a sentence about weight) is a mass; a spaced "5 p" and
    "won" without a currency before (mostly the verb) are not money."""
    L = lex()
    n, code = _match_words(doc, k, stop, L.cur_suffix, L.max_suffix_len)
    if not n:
        return False
    words = [doc[x].lower_ for x in range(k, k + n)]
    mass = words[-1] in ("pound", "pounds") and (
        (k + n < stop and doc[k + n].text in ("-", "of")) or any(
            t.lower_ in L.weight_context or t.lemma_ in L.weight_context for t in sent))
    minor = words[-1] in L.minor_units
    if words[-1] in ("p",) and doc[k - 1].whitespace_ != "":
        return False
    if words[-1] == "won" and c.kind != "money":
        return False  # "won" is far more often the verb
    if mass:
        c.kind, c.unit, c.span_end = "measure", "pound-mass", k + n
        return True
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
    return True


def _time_word(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """A time unit after the number: "14 years" -> duration P14Y, "48-hour" -> PT48H; an
    age when "-old" / "old" / "of age" follows years ("a 14-year-old", "14 years of
    age"). Not after money."""
    tu = _time_unit(doc, k, stop)
    if not tu or c.kind == "money":
        return False
    L = lex()
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
    return True


def _money_unit(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """Money from a currency symbol with no unit word after ("$38"): the unit is the
    currency code."""
    if c.kind == "money":
        c.unit = c.currency
        return True
    return False


def _magnitude(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """A quake's magnitude (measure, unit ``magnitude``): next to a magnitude word
    ("magnitude 5", "magnitude-7.0", "a 6.1-magnitude quake", "6.8 on the Richter
    scale"), or a decimal below 10 on a quake noun ("a stronger 6.1 aftershock", "a
    quake measuring 7.0"). Not "5 aftershocks" (no decimal), not "magnitude of 200"."""
    L = lex()
    if not 0 < c.value < 10:
        return False
    b = c.start - 1 - (c.start >= 2 and doc[c.start - 1].text in ("-", "–") and doc[c.start - 1].whitespace_ == "")
    after = [doc[x].lower_ for x in range(k, min(stop, k + 3))]
    if getattr(c, "prefix_word", None) == "magnitude":
        pass
    elif b >= sent.start and doc[b].lower_ in L.magnitude_words:
        c.span_start = b
    elif after[:2] in (["-", "magnitude"], ["–", "magnitude"]) and doc[k - 1].whitespace_ == "":
        c.span_end = k + 2
    elif after[:1] == ["magnitude"] or after[:3] == ["on", "the", "richter"]:
        c.span_end = k + (after[0] == "magnitude")
    elif not ("." in doc[c.end - 1].text and _on_quake(doc[c.end - 1], L.quake_nouns)):
        return False
    c.kind, c.unit = "measure", "magnitude"
    return True


def _on_quake(tok: "Token", nouns: frozenset) -> bool:
    """The number modifies a quake noun ("6.1 aftershock") or is what a quake measured."""
    head = tok.head
    if head.lemma_.lower() in nouns:
        return True
    return head.lemma_ == "measure" and (head.head.lemma_.lower() in nouns or any(
        ch.lemma_.lower() in nouns for ch in head.children if ch.dep_ == "nsubj"))


def _clock_word(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """A clock word after the number: "10 GMT", "9 o'clock", "7 am" -> clock."""
    if k < stop and doc[k].lower_ in CLOCK_WORDS:
        c.kind = "clock"
        return True
    return False


def _age_before(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """An age word before the number: "aged 14", "age 14", "the age of 21" (0-130).
    Not "aged 200"."""
    before = [doc[x].lower_ for x in range(max(sent.start, c.start - 2), c.start)]
    if (before[-1:] and before[-1] in lex().age_before or before == ["age", "of"]) and 0 < c.value < 130:
        c.kind, c.unit = "age", "year"
        return True
    return False


def _measure_after(doc: "Doc", c: Cand, k: int, stop: int, sent: "Span") -> bool:
    """A word or unit sign after the number ("5 km", "30 °C", "6 ft 2"): the unit
    quantulum3 reads (:func:`_measure`). Not punctuation or a lower-case stop word
    ("5 of them")."""
    if k < stop and not doc[k].is_punct and not (doc[k].is_stop and doc[k].is_lower) and doc[k].text[:1].isalpha() \
            or k < stop and doc[k].text in ("°", "º", "″", "'", "”", "-"):
        _measure(doc, c, sent)
    return True


_UNIT_RULES = (_percent_word, _scaled_currency, _currency_word, _time_word,
               _money_unit, _magnitude, _clock_word, _age_before, _measure_after)


def _units(doc: "Doc", c: Cand, stop: int, sent: "Span") -> None:
    """Decide kind/unit/currency from what follows the number run (and a currency
    symbol before it). Extends ``c.span_end``."""
    k = c.end
    suffix = getattr(c, "_suffix", "")
    c.span_end = k
    if suffix == "+":
        c.approx = "more_than"
        suffix = ""
    if c.currency is None:
        _currency_before(doc, c, sent)
    if suffix:
        _glued_unit(doc, c, sent, suffix)
        return
    # the first four rules read token k: only inside the sentence
    for rule in _UNIT_RULES if k < stop else _UNIT_RULES[4:]:
        if rule(doc, c, k, stop, sent):
            return


def _numberish(tok: "Token") -> bool:
    """A token that starts another number ("50", "1/2", "five"), not a unit with a digit ("cm2")."""
    return bool(GLUED.match(tok.text)) or tok.like_num and not tok.is_alpha or tok.lower_ in lex().units


@lru_cache(maxsize=4096)
def _q3_parse(window: str) -> tuple:
    """quantulum3 on a short window starting at the number (cached; quantulum3 is
    imported at the first window, so text without a measure never pays for it)."""
    q3 = quantulum3_parser()
    try:
        found = q3.parse(window)
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


_GLUED_LETTER = re.compile(r"\d([A-Z])(?![A-Za-z])")


def glued_letter(doc: "Doc", c: Cand, sent: "Span") -> str | None:
    """The single capital letter glued to the end of the number run, inside it or
    right after it ("5G", "6A:", "4K TV", "10K followers"), or None."""
    last = doc[c.end - 1]
    run_end = last.idx + len(last)
    start = max(last.idx - 1, sent.start_char)
    m = _GLUED_LETTER.search(sent_slice(sent, start, min(sent.end_char, run_end + 2)))
    return m.group(1) if m and start + m.start(1) in (run_end - 1, run_end) else None


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
        last = doc[c.end - 1]
        if last.is_alpha and end_char <= last.idx + len(last):
            return  # a "unit" inside our own number words ("half a dozen": per dozen)
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
