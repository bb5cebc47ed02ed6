"""Date extraction: resolution with and without a publication date.

Sentences written for the tests; parsed once per module.
"""
from __future__ import annotations

import pytest

from pipeline.extraction.dates import find_dates, resolve
from pipeline.extraction.quantities import find_quantities

PUB = "2024-03-20"  # a Wednesday

SENTENCES = {
    "day": "The ceasefire was signed on March 7, 2023, in Geneva.",
    "yearless": "Protesters gathered on March 7 outside the parliament.",
    "month_year": "Inflation peaked in October 2022, the bank said.",
    "month_only": "Prices fell sharply in December.",
    "last_december": "The plant closed last December after a fire.",
    "earlier_month": "Two officials resigned earlier this month.",
    "weekday": "The minister spoke on Sunday about the budget.",
    "relative": "Three months ago the company announced the merger.",
    "yesterday": "Police arrested the suspect yesterday.",
    "this_year": "Sales have doubled this year.",
    "year": "The bridge was built in 1998.",
    "future": "The vote will take place on Friday.",
    "durations": "The war lasted 14 years, and the talks ran over four days during the past two days.",
    "age": "A 14-year-old boy was rescued.",
    "decade": "Crime peaked in the 1980s.",
    "now": "Rents are now higher, and the mayor, who was in Oslo at the time, is currently abroad.",
    "now_that": "Now that the dam is finished, farmers can plant.",
    "postponed": "The final was postponed until Saturday because of the storm.",
    "year_range": "Exports doubled in 2014-2016 and halved in 1983-84.",
    "this_week": "Talks resume this week in Vienna.",
}


@pytest.fixture(scope="module")
def docs(nlp):
    return dict(zip(SENTENCES, nlp.pipe(SENTENCES.values())))


def _validator():
    import json

    from pipeline.resources import schema_path

    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path("claims").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema["properties"]["dates"]["items"])


def dates(docs, key, published):
    doc = docs[key]
    validator = _validator()
    out = []
    for sent in doc.sents:
        for d in find_dates(sent, published):
            s, e = d["span"]
            assert doc.text[s:e] == d["text"]
            assert d["grain"] in ("day", "week", "month", "year", "decade", "century", "relative",
                                  "present", "past_ref", "future_ref")
            validator.validate(d)
            out.append(d)
    return out


def one(docs, key, published):
    found = dates(docs, key, published)
    assert len(found) == 1, found
    return found[0]


def test_full_date(docs):
    d = one(docs, "day", PUB)
    assert d["text"] == "March 7, 2023" and d["value"] == "2023-03-07" and d["grain"] == "day"
    assert one(docs, "day", None)["value"] == "2023-03-07"


def test_yearless_date_with_and_without_published(docs):
    assert one(docs, "yearless", None)["value"] == "--03-07"  # never the current year
    assert one(docs, "yearless", PUB)["value"] == "2024-03-07"
    assert one(docs, "yearless", "2024-01-10")["value"] == "2023-03-07"  # past, not 10 months ahead


def test_month_grain(docs):
    d = one(docs, "month_year", None)
    assert d["value"] == "2022-10" and d["grain"] == "month"
    m = one(docs, "month_only", PUB)
    assert m["value"] == "2023-12" and m["grain"] == "month"  # bare December lands in the past
    assert one(docs, "month_only", None)["value"] == "--12"  # ISO 8601: December of an unknown year


def test_last_december_and_earlier_this_month(docs):
    d = one(docs, "last_december", PUB)
    assert d["value"] == "2023-12" and d["grain"] == "month"
    assert one(docs, "last_december", None)["value"] is None
    e = one(docs, "earlier_month", PUB)
    assert e["value"] == "2024-03" and e["grain"] == "month"
    assert one(docs, "earlier_month", None) == {**e, "value": None, "grain": "relative"}


def test_weekdays(docs):
    d = one(docs, "weekday", PUB)
    assert d["text"] == "Sunday" and d["value"] == "2024-03-17" and d["grain"] == "day"
    n = one(docs, "weekday", None)
    assert n["value"] is None and n["grain"] == "day"
    assert one(docs, "future", PUB)["value"] == "2024-03-22"  # "will take place on Friday"


def test_relative_expressions(docs):
    r = one(docs, "relative", PUB)
    assert r["value"] == "2023-12" and r["grain"] == "month"
    assert one(docs, "relative", None)["value"] is None
    assert one(docs, "yesterday", PUB)["value"] == "2024-03-19"
    assert one(docs, "yesterday", None)["grain"] == "relative"
    assert one(docs, "this_year", PUB)["value"] == "2024"


def test_year(docs):
    d = one(docs, "year", None)
    assert d["value"] == "1998" and d["grain"] == "year"


def test_durations_and_ages_are_not_dates(docs):
    # only the deictic period ("the past two days", counted back from the time of writing)
    # is also a date; "14 years", "over four days" and ages are not
    assert [(d["text"], d["value"], d["grain"]) for d in dates(docs, "durations", PUB)] == [
        ("the past two days", None, "relative")]
    assert dates(docs, "age", PUB) == []
    # ... they are quantities, the deictic period included
    sent = next(iter(docs["durations"].sents))
    spans = [tuple(d["span"]) for d in dates(docs, "durations", PUB)]
    isos = [q["iso"] for q in find_quantities(sent, spans)]
    assert "P14Y" in isos and "P4D" in isos and "P2D" in isos


def test_decade_is_iso_reduced(docs):
    d = one(docs, "decade", PUB)
    assert d["value"] == "198" and d["grain"] == "decade"


def test_date_spans_exclude_quantities(docs):
    doc = docs["day"]
    sent = next(iter(doc.sents))
    ds = find_dates(sent, PUB)
    assert find_quantities(sent, [tuple(d["span"]) for d in ds]) == []


@pytest.mark.parametrize("text,published,expected", [
    ("the third quarter", "2024-08-15", ("2024", "year")),
    ("last week", "2024-03-20", ("2024-W11", "week")),
    ("two years ago", "2024-03-20", ("2022", "year")),
    ("the 1980s", "2024-03-20", ("198", "decade")),
    ("Nov. 13", "1989-11-02", ("1989-11-13", "day")),
    ("this morning", "2024-03-20", ("2024-03-20", "day")),
    ("10.45pm", "2024-03-20", None),
    ("over four days", "2024-03-20", None),
    ("66", "2024-03-20", None),
    ("weekly", "2024-03-20", None),
])
def test_resolve_shapes(text, published, expected):
    assert resolve(text, published) == expected


# One invented expression per rule of ``dates._RULES`` (and the dateparser fallback):
# (rule, text, published, tense, expected). The test checks the value and that the
# named rule is the one that answers.
RULE_CASES = [
    ("_empty", "()", PUB, "", None),
    ("_age", "a 14-year-old", PUB, "", None),
    ("_set", "every Monday", PUB, "", None),
    ("_bare_number", "2-2", PUB, "", None),
    ("_bare_number", "20,000+", PUB, "", None),
    ("_deictic_period", "last 3 years", PUB, "", (None, "relative")),
    ("_duration", "the past year", PUB, "", None),
    ("_clock_time", "noon", PUB, "", None),
    ("_part_of_day", "morning", PUB, "", None),
    ("_vague", "the same day", PUB, "", None),
    ("_decade_or_century", "the late 1970s", PUB, "", ("197", "decade")),
    ("_decade_or_century", "the 19th century", PUB, "", ("18", "century")),
    ("_decade_or_century", "the '80s", PUB, "", (None, "relative")),
    ("_reference", "currently", PUB, "", (None, "present")),
    ("_reference", "at the time", PUB, "", (None, "past_ref")),
    ("_reference", "the near future", PUB, "", (None, "future_ref")),
    ("_year_range", "2014-2016", PUB, "", ("2014/2016", "year")),
    ("_year_range", "1983-84", PUB, "", ("1983/1984", "year")),
    ("_ordinal_day", "the 45th day", PUB, "", None),
    ("_definite_period", "the quarter", "2024-05-10", "", ("2024", "year")),
    ("_definite_period", "the weekend", PUB, "", ("2024-W11", "week")),
    ("_year", "fiscal 1998", None, "", ("1998", "year")),
    ("_day_word", "yesterday", PUB, "", ("2024-03-19", "day")),
    ("_weekday", "next Monday", PUB, "", ("2024-03-25", "day")),
    ("_weekday", "Tuesday", "2024-03-18", "", ("2024-03-19", "day")),
    ("_weekday", "Thursday evening", PUB, "past", ("2024-03-14", "day")),
    ("_weekday", "10 p.m. Friday", PUB, "future", ("2024-03-22", "day")),
    ("_month_of_relative_year", "June last year", PUB, "", ("2023-06", "month")),
    ("_month_of_relative_year", "January 5 this year", PUB, "", ("2024-01-05", "day")),
    ("_month_day_year", "last December", "2024-02-06", "", ("2023-12", "month")),
    ("_month_day_year", "7th of March 2023", None, "", ("2023-03-07", "day")),
    ("_month_day_year", "Nov. 13", "1989-10-01", "past", ("1989-11-13", "day")),
    ("_month_day_year", "Nov. 13", "1989-09-01", "past", ("1988-11-13", "day")),
    ("_month_day_year", "Feb. 30", PUB, "", None),
    ("_relative_unit", "this past winter", PUB, "", ("2023", "year")),
    ("_relative_unit", "next week", "2024-12-27", "", ("2025-W01", "week")),
    ("_quarter_or_half", "Q4", PUB, "", ("2023", "year")),
    ("_quarter_or_half", "Q4", PUB, "future", ("2024", "year")),
    ("_quarter_or_half", "the first half of 2023", None, "", ("2023", "year")),
    ("_season_of_year", "winter of 2010", None, "", ("2010", "year")),
    ("_units_ago", "two decades ago", PUB, "", ("2004", "year")),
    ("_units_ago", "some years ago", PUB, "", (None, "relative")),
    ("_fiscal_period", "last period", PUB, "", ("2023", "year")),
    ("_fiscal_period", "the current fiscal year", PUB, "", ("2024", "year")),
    ("_year_end", "at year-end", PUB, "", ("2024", "year")),
    ("_season", "mid-summer", PUB, "past", ("2023", "year")),
    ("_season", "the summer", PUB, "", (None, "relative")),
    ("_season", "the Alpine summer", PUB, "past", (None, "relative")),
    ("_season", "the summer", PUB, "future", ("2024", "year")),
    ("_year_ago", "the year-ago quarter", PUB, "", ("2023", "year")),
    ("_approx_units_ago", "nearly two years ago", PUB, "", ("2022", "year")),
    ("_quarter_of_relative_year", "last year first half", PUB, "", ("2023", "year")),
    ("_anchored", "weeks later", PUB, "", None),
    ("_embedded_date", "the quarter ended Sept. 30", PUB, "", ("2023-09-30", "day")),
    ("fallback", "the first", PUB, "", (None, "relative")),
]


def _answering_rule(text, published, tense):
    from pipeline.extraction import dates as D

    d = D._Date(text, published, "DATE", tense)
    return next((rule.__name__ for rule in D._RULES if rule(d) is not D._NEXT), "fallback")


@pytest.mark.parametrize("rule,text,published,tense,expected", RULE_CASES,
                         ids=[f"{c[0]}:{c[1]}" for c in RULE_CASES])
def test_each_rule(rule, text, published, tense, expected):
    assert resolve(text, published, "DATE", tense) == expected
    assert _answering_rule(text, published, tense) == rule


def test_every_rule_has_a_case():
    from pipeline.extraction.dates import _RULES

    assert {r.__name__ for r in _RULES} <= {c[0] for c in RULE_CASES}


def test_a_date_inside_a_phrase_takes_the_clause_tense():
    """The embedded-date rule passed a boolean where the tense goes, so a past clause
    read as present: "the quarter ended Oct. 30" published in May became next October."""
    import pipeline

    claims = pipeline.extract("Acme Corp in Velin said its profit rose 12 percent in the quarter "
                              "ended Oct. 30.", published="2024-05-10")
    assert [d["value"] for c in claims for d in c["dates"]] == ["2023-10-30"]


def test_references_outside_entities(docs):
    # spaCy labels none of them; "now" is an adverb here
    got = [(d["text"], d["value"], d["grain"]) for d in dates(docs, "now", PUB)]
    assert got == [("now", None, "present"), ("at the time", None, "past_ref"), ("currently", None, "present")]


def test_now_that_is_a_conjunction_not_a_reference(docs):
    assert dates(docs, "now_that", PUB) == []


def test_postponed_until_a_weekday_points_ahead(docs):
    # past-tense clause, but "postponed until" names the new, later day: Saturday after Wed 2024-03-20
    assert one(docs, "postponed", PUB)["value"] == "2024-03-23"


def test_year_ranges_and_iso_week(docs):
    got = [(d["text"], d["value"], d["grain"]) for d in dates(docs, "year_range", PUB)]
    assert got == [("2014-2016", "2014/2016", "year"), ("1983-84", "1983/1984", "year")]
    assert one(docs, "this_week", PUB)["value"] == "2024-W12"


def test_a_reference_alone_does_not_make_a_claim(nlp):
    from pipeline.extraction.claims import is_claim
    from pipeline.records import Claim

    sent = next(iter(nlp("Prices are now rising.").sents))
    claim = Claim.__new__(Claim)
    claim.quantities, claim.entities, claim.section = [], [], "body"
    claim.dates = [{"text": "now", "span": [11, 14], "value": None, "grain": "present"}]
    assert not is_claim(sent, claim)
    claim.dates = [{"text": "May", "span": [0, 3], "value": "2024-05", "grain": "month"}]
    assert is_claim(sent, claim)


def test_a_lower_case_month_used_as_a_noun_is_no_date(nlp):
    # spaCy labels "march" DATE in both; with an article / as a possessive it is a procession
    def got(text):
        return [d["value"] for sent in nlp(text).sents for d in find_dates(sent, PUB)]

    assert got("Stewards counted 8,000 people at the march's peak near the bridge.") == []
    assert got("The union held a rally in march with 900 members.") == ["2024-03"]
