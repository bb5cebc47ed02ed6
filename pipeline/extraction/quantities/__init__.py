"""Quantities stated in a sentence: value, bounds, kind, unit, what is counted, and the event.

Pipeline per sentence (all offsets are char offsets into ``sent.doc.text``):

1. *Number runs*: maximal runs of number pieces (numerals, number words, scale
   words, fractions; see :mod:`.numbers`) plus vague words from the lexicon
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

Modules: :mod:`.candidates` (1 and 4), :mod:`.reading` (2, quantulum3),
:mod:`.bounds` (3), :mod:`.counted` (5); :func:`find_quantities` runs them.

The lexicons are data: ``models/extraction/*.json`` (documented in its README).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...records import Quantity
from .bounds import _approx_low_high, _bounds, _merge_ranges
from .candidates import _age_phrase, _candidates, _in_name, _is_person_age, _kept, _one_is_determiner
from .counted import _counted, _counted_phrase, _predicate
from .reading import _units, sent_slice, vague_magnitude

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["find_quantities", "vague_magnitude"]


def _finite(q: Quantity) -> bool:
    """False for a value JSON cannot hold: a 400-digit numeral parses as inf."""
    return all(v is None or math.isfinite(v) for v in (q["value"], q["low"], q["high"]))


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
    cands = _merge_ranges(doc, _kept(sent, cands, exclude), sent)
    out: list[Quantity] = []
    for c in cands:
        s_char = doc[c.span_start].idx if c.start_char is None else c.start_char
        last = doc[c.span_end - 1]
        e_char = c.end_char if c.end_char is not None and c.span_end == c.end else last.idx + len(last)
        if _in_name(doc, c, sent) or _one_is_determiner(doc, c, sent):
            continue
        if c.kind == "count" and (_is_person_age(doc, c, sent) or _age_phrase(doc, c, sent)):
            c.kind, c.unit = "age", "year"
        noun, root = _counted(doc, c, sent)
        counted, counted_span = (None, None) if noun is None else _counted_phrase(doc, c, sent, noun)
        if c.kind in ("duration", "age", "ordinal") and noun is None:
            predicate = None
        else:
            predicate = _predicate(noun, root)
        approx, low, high = _approx_low_high(c)
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
