"""Hedge stage: how sure the outlet is (thin: only ``approximate`` from quantities).

Issue 7 fills this module; its interface stays :func:`hedge_claims`, which sets
``claim.hedges``. :func:`flags` turns a hedge list into the per-type booleans.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .records import HEDGE_TYPES, Claim, Hedge

if TYPE_CHECKING:
    from spacy.tokens import Doc

IMPLEMENTED = False


def hedge_claims(doc: "Doc", claims: list[Claim]) -> None:
    for claim in claims:
        claim.hedges = [Hedge(type="approximate", cue=q["text"], cue_span=list(q["span"]),
                              scope="sentence", from_sentence=None)
                        for q in claim.quantities if q.get("approx", "exact") != "exact"]


def flags(hedges: list[Hedge]) -> dict[str, bool]:
    present = {h["type"] for h in hedges}
    return {t: t in present for t in HEDGE_TYPES}
