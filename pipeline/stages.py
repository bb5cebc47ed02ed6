"""Stage composition: the one place that knows the order of the analysis stages.

On one analysed (parsed) document: extraction → attribution → hedging. Extraction
makes one candidate claim per kept sentence; attribution reads them and gives each
its attribution, and each of its figures the relation that gives it and whom that
cites; hedging reads them with their attributions (a named source's disclaimer
reaches other sources' claims) and gives each claim, then each figure, its hedges;
at the end only
the sentences that are claims are kept (:func:`~pipeline.extraction.select_claims`).
The CLI, the API, the workers and the spaCy component all go through
:func:`run_stages`.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .attribution import attribute_claims
from .extraction import extract_claims, select_claims
from .hedging import figure_hedges, hedge_claims, revised_figures
from .records import Claim, Cleaned

if TYPE_CHECKING:
    from spacy.tokens import Doc


class StageTimer:
    """Seconds spent per stage (for ``make bench``); cheap enough to be always on."""

    def __init__(self) -> None:
        self.seconds: Counter = Counter()

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start


def run_stages(doc: "Doc", cleaned: Cleaned, *, published: str | None,
               all_sentences: bool = False, timer: StageTimer | None = None) -> list[Claim]:
    """Extract, attribute and hedge the claims of one analysed document."""
    claims = candidates(doc, cleaned, published, timer or StageTimer())
    return select_claims(claims, all_sentences=all_sentences)


def candidates(doc: "Doc", cleaned: Cleaned, published: str | None,
               timer: StageTimer) -> list[Claim]:
    """Every kept sentence of ``doc`` as a candidate claim, through all the stages."""
    with timer("extract"):
        claims = extract_claims(doc, cleaned, published=published)
    with timer("attribute"):
        for claim, (attribution, others, figures) in zip(claims, attribute_claims(doc, claims)):
            claim.attribution, claim.other_attributions = attribution, others
            for q, (giver, cites) in zip(claim.quantities, figures):
                q["attribution"] = None if giver is None else {
                    k: v for k, v in giver.items() if k != "score"}
                q["cites"] = cites
    with timer("hedge"):
        for claim, hedges in zip(claims, hedge_claims(doc, claims)):
            claim.hedges = hedges
        for claim in claims:
            revised = revised_figures(doc, claim)
            for q, hedges, (hedge, earlier) in zip(claim.quantities, figure_hedges(doc, claim), revised):
                q["hedges"] = hedges if hedge is None else [*hedges, hedge]
                q["revises"] = earlier
            claim.hedges.extend({(h["cue_span"][0], h["cue_span"][1]): h
                                 for h, _ in revised if h is not None}.values())
    return claims
