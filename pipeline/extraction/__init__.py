"""Extract stage: which sentences are claims, and their quantities, dates and entities.

:func:`extract_claims` walks the kept sentences of an analysed Doc and returns one
:class:`~pipeline.records.Claim` per claim sentence (per kept sentence with
``all_sentences``). Dates are found first, so numbers inside dates are never
read as quantities.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..records import Claim, Cleaned
from .claims import classify, is_claim, select_claims
from .dates import find_dates
from .entities import find_entities, link_entities
from .quantities import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["extract_claims", "kept_sentences", "select_claims"]


def kept_sentences(doc: "Doc") -> list["Span"]:
    """Sentences of ``doc`` trimmed of surrounding whitespace; blank ones dropped."""
    out = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append(doc[start:end])
    return out


def extract_claims(doc: "Doc", cleaned: Cleaned, *, published: str | None = None) -> list[Claim]:
    """One candidate per kept sentence, in document order.

    Sentences that are not (yet) claims get ``kind="other"``; the attribute and hedge
    stages see them all (a disclaimer or a speaker's name may stand in one), and
    :func:`select_claims` decides at the end.
    """
    segments = sorted(cleaned.segments, key=lambda s: s.start)
    seg_starts = [s.start for s in segments]
    claims = []
    for index, sent in enumerate(kept_sentences(doc)):
        i = bisect_right(seg_starts, sent.start_char) - 1
        if i < 0 or sent.end_char > segments[i].end:
            continue  # not inside a kept segment: removed text never yields claims
        section = segments[i].section
        dates = find_dates(sent, published)
        quantities = find_quantities(sent, [tuple(d["span"]) for d in dates])
        entities = find_entities(sent)
        claim = Claim(start=sent.start_char, end=sent.end_char, sentence_index=index,
                      section=section, quantities=quantities, entities=entities, dates=dates)
        claim.kind = classify(claim) if is_claim(sent, claim) else "other"
        claims.append(claim)
    link_entities(claims, doc.text)
    return claims
