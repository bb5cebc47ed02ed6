"""Further attribution relations in a sentence (``other_attributions``, learned models)."""
from __future__ import annotations

import pytest

from pipeline import process_text
from pipeline.attribution import learned
from pipeline.validate import check_offsets


def _claims(text: str) -> list[dict]:
    out = process_text(text, all_sentences=True)
    for c in out["claims"]:
        assert check_offsets(out["document"]["text"], c) == []
    return out["claims"]


def _others(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(x["cue"], x["source"], x["content"]) for c in _claims(text) for x in c["other_attributions"]]


def test_a_second_speaker_is_listed_with_source_and_content():
    (claim,) = _claims("The mayor said on Monday that the bridge would reopen, "
                       "but critics argued that repairs had not started.")
    assert claim["attribution"]["cue"] == "said"
    (other,) = claim["other_attributions"]
    assert (other["cue"], other["source"], other["source_type"]) == ("argued", "critics", "anonymous")
    assert other["content"] == "that repairs had not started"
    assert other["mode"] == "indirect" and 0.0 <= other["score"] <= 1.0


def test_a_parenthetical_speaker_beside_the_claims_own_cue_is_listed():
    (claim,) = _claims("The report, the minister said, shows that exports fell by a third.")
    found = {(x["cue"], x["source"], x["source_type"]) for x in claim["other_attributions"]}
    assert ("said", "the minister", "government") in found
    assert claim["attribution"]["cue"] not in {x["cue"] for x in claim["other_attributions"]}


def test_intentions_left_out_of_the_claims_own_attribution_are_listed_here():
    (claim,) = _claims("The governor has called for an inquiry into the collapse.")
    assert claim["attribution"] is None  # the guideline: a call for action is no report
    (other,) = claim["other_attributions"]
    assert (other["cue"], other["source"]) == ("has called for", "The governor")
    assert other["content"].startswith("an inquiry into the collapse")


def test_the_claims_own_cue_and_cues_inside_quotations_are_not_repeated():
    (claim,) = _claims('"We never said that the plant would close," the spokesman told reporters on Friday.')
    assert claim["attribution"]["cue"] == "told"
    assert claim["other_attributions"] == []


def test_a_sentence_without_a_report_has_none():
    assert _others("The bridge reopened on Monday after two years of repairs. "
                   "Traffic was light in the morning.") == []


@pytest.mark.parametrize("pos, expected", [("VERB", True), ("DET", False)])
def test_only_cue_capable_words_seen_in_training_are_scored(pos, expected):
    m = learned.models()
    assert "say" in m.cue_lemmas and "the" not in m.cue_lemmas
    assert (pos in learned.CUE_POS) is expected


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor said on Monday that the bridge would reopen.", "said", "that the bridge would reopen"),
    ("The fire destroyed 40 homes, officials said.", "said", "The fire destroyed 40 homes"),
    ("Police arrested 12 people, according to a city statement.", "according to", "Police arrested 12 people"),
])
def test_the_claims_own_attribution_says_what_is_reported(text, cue, content):
    (claim,) = _claims(text)
    assert (claim["attribution"]["cue"], claim["attribution"]["content"]) == (cue, content)


@pytest.mark.parametrize("text, cue, content", [
    ("The minister called the report a fabrication.", "called", "the report a fabrication"),
    ("The senator portrayed the deal as a betrayal of workers.", "portrayed",
     "the deal as a betrayal of workers"),
    ("The coach praised the players after the match.", "praised", "the players"),
])
def test_an_object_content_keeps_what_is_said_about_the_object(text, cue, content):
    (claim,) = _claims(text)
    found = [x for x in [claim["attribution"], *claim["other_attributions"]] if x and x["cue"] == cue]
    assert found and found[0]["content"] == content


def test_a_quote_sentence_without_a_tag_reports_the_quoted_words():
    claims = _claims('"We will rebuild," the mayor said. "It will take years."')
    assert claims[1]["attribution"]["mode"] == "direct"
    assert claims[1]["attribution"]["content"] == '"It will take years."'  # as printed


def test_a_content_that_opens_a_quotation_runs_to_its_closing_mark():
    # the parse stops the clause at the nested quotation; the quotation is the unit
    text = ("The senator continued: “The critics are saying, ‘Sure, usually that is fine, "
            "but this time it is too much’ — and we disagree.”")
    (claim,) = _claims(text)
    assert claim["attribution"]["content"] == text[text.index("“"):]
