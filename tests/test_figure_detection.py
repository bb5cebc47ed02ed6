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


def test_a_count_per_place_in_a_list_is_no_name(read):
    got = [t for t, _, _ in read("Elsewhere, Kenya has reported 40 dead, Uganda 12, Rwanda 9 and Chile seven.")]
    assert "9" in got and "seven" in got
    # the item before does not end on a number: "S&P 500" stays a name
    assert "500" not in [t for t, _, _ in read(
        "Banks lifted the index 0.5 percent, keeping gains in check for the Dow and S&P 500.")]


def test_capitals_of_a_title_case_headline_make_no_name(read):
    assert ("236", "count", 236.0) in read("Flu Toll Passes 4,500, Officials Say, Including 236 Health Workers")
    # a number after a proper noun still belongs to it
    assert "1" not in [t for t, _, _ in read("Ruler Orders Liga 1 Suspension as Toll Climbs to 153")]


def test_a_number_counting_a_plural_noun_is_no_name(read):
    assert ("41", "count", 41.0) in read("The count passed 41 Portsmouth supporters last week.")
    # the noun has its count already: "737" names the model
    assert "737" not in [t for t, _, _ in read("The airline said it was grounding two new 737 Max jets.")]


def test_an_age_after_a_name_can_end_the_sentence(read):
    assert ("23", "age", 23.0) in read("Police named one victim, Ahmed Ali, 23.")


def test_a_number_after_a_hash_is_a_label(read):
    assert read("The song ranked #2 in the chart.") == []


def test_a_month_day_closing_a_parenthesis_is_a_date(read):
    assert read("Only 3/4 of voters came (Smith, 10/17).") == [("3/4", "count", 0.75)]


def test_a_date_that_is_only_a_bounded_number_is_a_count(read):
    assert read("Bridge collapse: death toll climbs past 86") == [("past 86", "count", 86.0)]
    assert read("Forty fire engines were sent to the blaze.") == [("Forty", "count", 40.0)]
    assert read("The quake struck at 1653 local time on Tuesday.") == []


def test_the_miss_diagnostic_names_the_filter_that_rejects(nlp):
    from pipeline.eval.figure_misses import _candidate_rule

    doc = nlp("The song ranked #2 in the chart, and 5G phones sold well.")
    sent = next(iter(doc.sents))
    at = doc.text.index("2 in")
    assert _candidate_rule(doc, sent, (at, at + 1)) == "rejected: label (count)"
    assert _candidate_rule(doc, sent, (0, 3)) == "no candidate"


def test_a_capitalised_bound_glued_inside_a_name_is_an_age_class(read):
    assert read("The country will host the FIFA Under-20 World Cup next year.") == []
    assert [t for t, _, _ in read("Children under-5 were vaccinated.")] == ["under-5"]
