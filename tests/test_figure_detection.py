"""Figure detection on shapes real pages carry: one test per rule, on invented sentences."""
from __future__ import annotations

import pytest

from pipeline.extraction.dates import find_dates
from pipeline.extraction.quantities import find_quantities


@pytest.fixture(scope="module")
def read(nlp):
    def _read(text: str) -> list[tuple[str, str, float]]:
        sent = next(iter(nlp(text).sents))
        exclude = [tuple(d["span"]) for d in find_dates(sent, None)]
        return [(q["text"], q["kind"], q["value"]) for q in find_quantities(sent, exclude)]
    return _read


def test_a_verbless_body_line_with_a_figure_is_a_claim(nlp):
    from pipeline.extraction.claims import is_claim
    from pipeline.records import Claim

    sent = next(iter(nlp("Flats in the block: 120").sents))
    claim = Claim.__new__(Claim)
    claim.entities, claim.dates, claim.section = [], [], "body"
    claim.quantities = [{"text": "120", "kind": "count"}]
    assert is_claim(sent, claim)
    claim.quantities = [{"text": "120", "kind": "duration"}]  # only situates: needs a verb
    assert not is_claim(sent, claim)
