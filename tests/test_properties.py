"""Property-based tests over arbitrary Unicode: the pipeline never fails on any text.

For any text, cleaning and extraction (with attribution and hedging) raise nothing,
every span is within bounds and slices the text to its field, every record is valid
against the JSON Schema, and the same input gives the same output. ``make test``
runs a short, derandomised budget; ``make fuzz`` a long random one.
"""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests import hypothesis_profiles  # noqa: F401  (registers the profiles)

if settings.get_current_profile_name() == "default":
    settings.load_profile("newsclaims-ci")

from pipeline.clean import clean  # noqa: E402
from pipeline.emit import dumps  # noqa: E402
from pipeline.engine import process_one  # noqa: E402
from pipeline.validate import check_offsets, schema_errors  # noqa: E402

#: arbitrary code points (surrogates included: JSON input can carry them), mixed with
#: news-like pieces so that the stages past the cleaner have sentences to work on
NEWSY = st.sampled_from([
    "The storm killed at least 12 people, officials said. ", "“We are afraid,” she told Reuters. ",
    "About 3,000 homes lost power on Monday", " according to the ministry", "\n\n", "\n", " ",
    "$1.5bn", "between 5 and 3", "31 February 1899", "NaN", "1e308", "-0", "9,999,999,999,999,999",
    "allegedly", "could not be verified", "<p>", "&amp;", "\u00a0", "\u200b", "\t", "?", "…",
])
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=40), NEWSY), max_size=25).map("".join)


@given(TEXT)
def test_clean_never_fails_and_accounts_for_every_character(text):
    cleaned = clean(text)
    covered = [False] * len(text)
    for start, end in [(s.start, s.end) for s in cleaned.segments] + \
                      [(r.start, r.end) for r in cleaned.removed]:
        assert 0 <= start <= end <= len(text)
        for i in range(start, end):
            assert not covered[i] or text[i].isspace(), "a character kept and removed twice"
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


@given(TEXT, st.booleans())
def test_extract_attribute_hedge_never_fail_and_give_valid_exact_records(text, html):
    result = process_one(text, html=html, published="2024-02-29", language="any", timeout=None)
    doc, claims = result["document"], result["claims"]
    assert not schema_errors(doc, "documents")
    assert doc["error"] is None or doc["error"]["type"] == "empty", doc["error"]
    for claim in claims:
        assert not check_offsets(doc["text"], claim)
        assert not schema_errors(claim, "claims")
    # deterministic, and serialisable (no NaN/inf)
    again = process_one(text, html=html, published="2024-02-29", language="any", timeout=None)
    assert json.dumps(again, sort_keys=True) == json.dumps(result, sort_keys=True)
    for record in (doc, *claims):
        dumps(record).encode("utf-8")
