"""Reading number expressions from spaCy tokens (private helper of :mod:`.quantities`).

Lexicons live in ``models/extraction/*.json`` (see ``models/extraction/README.md``); this
module only holds the mechanics: which token is a number piece, and what value a
run of number pieces ("2.2 billion", "twenty-five", "three-quarters",
"one hundred and fifty", "10 1/2", "5bn") denotes.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ...resources import load_json

#: digits with optional sign/tilde, thousands separators and decimals, optionally
#: glued to a suffix ("5bn", "40min", "180p", "5pc", "600+").
GLUED = re.compile(r"^(?P<pre>[~+\-−]?)(?P<num>(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d\d)+,\d{3}|\d+)(?:\.\d+)?|\.\d+)"
                   r"(?P<suf>[A-Za-z%°µμ″′]+[23²³]?\.?|[″′\x22]|\+)?$")
FRACTION = re.compile(r"^(\d+)[/⁄](\d+)$")
ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)


@dataclass(frozen=True)
class Lex:
    units: dict
    tens: dict
    scales: dict
    fractions: dict
    ordinals: dict
    one_before: frozenset
    one_after: frozenset
    rank_nouns: frozenset
    rank_verbs: frozenset
    vague: dict
    bounds_before: dict
    bounds_after: dict
    to_change: dict
    percent: dict
    time_units: dict
    age_after: frozenset
    age_before: frozenset
    age_of_nouns: frozenset
    cur_prefix: dict
    glued_only_prefix: frozenset
    glued_letter_units: frozenset
    cur_suffix: dict
    scaled_currency: dict
    minor_units: dict
    weight_context: frozenset
    magnitude_words: frozenset
    quake_nouns: frozenset
    label_nouns: frozenset
    change_verbs: frozenset
    pred_map: dict
    toll_heads: frozenset
    toll_compounds: dict
    skip_lemmas: frozenset
    max_bound_len: int
    max_suffix_len: int


@lru_cache(maxsize=1)
def lex() -> Lex:
    """All quantity lexicons, loaded once."""
    num = load_json("extraction", "numbers.json")
    bounds = load_json("extraction", "bounds.json")
    vague = load_json("extraction", "vague.json")
    units = load_json("extraction", "units.json")
    preds = load_json("extraction", "predicates.json")
    before = {tuple(k.split()): v for k, v in bounds["before"].items()}
    after = {tuple(k.split()): v for k, v in bounds["after"].items()}
    cur_suffix = {tuple(k.split()): v for k, v in units["currency_suffix"].items()}
    percent = {tuple(k.split()): v for k, v in units["percent"].items()}
    return Lex(
        units=num["units"], tens=num["tens"], scales=num["scales"], fractions=num["fractions"],
        ordinals=num["ordinals"],
        one_before=frozenset(num["one_not_a_number"]["before"]),
        one_after=frozenset(num["one_not_a_number"]["after"]),
        rank_nouns=frozenset(num["ordinal_ranks"]["nouns"]),
        rank_verbs=frozenset(num["ordinal_ranks"]["verbs"]),
        vague=vague["words"], bounds_before=before, bounds_after=after,
        to_change=bounds["to_change"], percent=percent, time_units=units["time_units"],
        age_after=frozenset(units["age_after"]), age_before=frozenset(units["age_before"]), age_of_nouns=frozenset(units["age_of_nouns"]),
        cur_prefix=units["currency_prefix"], glued_only_prefix=frozenset(units["glued_only_prefix"]),
        glued_letter_units=frozenset(units["glued_letter_units"]),
        cur_suffix=cur_suffix,
        scaled_currency={k: v for k, v in units.get("scaled_currency", {}).items() if not k.startswith("_")},
        minor_units=units["minor_units"],
        weight_context=frozenset(units["weight_context"]),
        magnitude_words=frozenset(units["magnitude"]["words"]),
        quake_nouns=frozenset(units["magnitude"]["event_nouns"]),
        label_nouns=frozenset(num["label_nouns"]["words"]),
        change_verbs=frozenset(num["change_verbs"]["words"]),
        pred_map=preds["map"], toll_heads=frozenset(preds["toll_heads"]),
        toll_compounds=preds["toll_compounds"], skip_lemmas=frozenset(preds["skip_lemmas"]),
        max_bound_len=max(len(k) for k in before),
        max_suffix_len=max(len(k) for k in cur_suffix),
    )


def parse_digits(s: str) -> float | None:
    """'1,500' -> 1500.0, '3.5' -> 3.5, '.5' -> 0.5; None when not a plain numeral."""
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


@dataclass
class Piece:
    """One token's contribution to a number expression."""
    kind: str          # "digits", "word", "tens", "scale", "fraction", "frac_num"
    value: float
    suffix: str = ""   # glued suffix of a digit token ("bn", "min", "%", "+")
    sign: float = 1.0
    tilde: bool = False


def token_piece(text: str, prev_is_number: bool, glued_to_prev: bool) -> Piece | None:
    """Classify one token text as a number piece, or None.

    Matches numerals (optionally glued to a scale/unit suffix), number words,
    scale words ("million"; one-letter "m"/"k"/"b" only right after a number and
    glued to it or to a currency number), fractions ("1/2", "half", "thirds").
    Does not match ordinals, years-as-words or "a"/"an".
    """
    L = lex()
    low = text.lower()
    m = GLUED.match(text)
    if m:
        val = parse_digits(m.group("num"))
        if val is None:
            return None
        pre = m.group("pre")
        return Piece("digits", val, (m.group("suf") or "").lower(),
                     -1.0 if pre in ("-", "−") else 1.0, pre == "~")
    if len(text) == 1 and unicodedata.category(text) == "No" and 0 < unicodedata.numeric(text, 0) < 1:
        return Piece("frac_num", unicodedata.numeric(text))  # "½", "⅓"
    m = FRACTION.match(text)
    if m and int(m.group(2)) != 0:
        return Piece("frac_num", int(m.group(1)) / int(m.group(2)))
    if low in L.units and low != "dozen":
        return Piece("word", float(L.units[low]))
    if low == "dozen":
        return Piece("scale", 12.0)
    if low in L.tens:
        return Piece("tens", float(L.tens[low]))
    if low.endswith(".") and low[:-1] in L.scales and prev_is_number:
        low = low[:-1]  # "PS2.7m." at the end of a sentence
    if low in L.scales:
        if len(low) <= 3 and low not in ("mil",) and not (prev_is_number and glued_to_prev):
            # "m", "bn", "k" as free words are letters/abbreviations, not scales
            if not (prev_is_number and low in ("bn", "mn", "mln", "bln", "tn", "trn")):
                return None
        if not prev_is_number and low not in ("hundred", "thousand", "million", "billion", "trillion"):
            return None
        return Piece("scale", float(L.scales[low]))
    if low in L.fractions and low not in ("fourth", "fifth", "tenth", "third", "second"):
        return Piece("fraction", L.fractions[low])
    if low in ("third", "thirds", "fifth", "fifths", "tenth", "tenths", "fourth", "fourths") and prev_is_number:
        return Piece("fraction", L.fractions[low])
    return None


def combine(pieces: list[Piece]) -> float | None:
    """Value of a run of pieces: "2.2 billion", "one hundred and fifty" (the "and"
    is dropped by the caller), "twenty five", "three quarters", "10 1/2",
    "1.5 million", "a dozen" (caller passes "a" as word 1)."""
    total = 0.0
    current: float | None = None
    for p in pieces:
        if p.kind in ("digits", "word", "tens"):
            if current is None:
                current = p.value
            elif p.kind == "word" and current >= 20 and current % 10 == 0 and p.value < 10:
                current += p.value  # "twenty five"
            elif p.kind in ("word", "tens") and current >= 100 and current % 100 == 0:
                current += p.value  # "hundred and fifty" continuation
            else:
                return None
        elif p.kind == "scale":
            base = 1.0 if current is None else current
            if p.value == 100:
                current = base * 100
            else:
                total += base * p.value
                current = None
        elif p.kind == "fraction":
            base = 1.0 if current is None else current
            current = base * p.value
        elif p.kind == "frac_num":
            current = (current or 0.0) + p.value
    return total + (current or 0.0)


def ordinal_value(text: str) -> float | None:
    """'21st' -> 21, 'third' -> 3, 'twenty-first' -> 21; None otherwise."""
    m = ORDINAL_DIGITS.match(text)
    if m:
        return float(m.group(1))
    low = text.lower().replace("–", "-")
    L = lex()
    if low in L.ordinals:
        return float(L.ordinals[low])
    if "-" in low:
        a, _, b = low.partition("-")
        if a in L.tens and b in L.ordinals and L.ordinals[b] < 10:
            return float(L.tens[a] + L.ordinals[b])
    return None


def fmt_number(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)
