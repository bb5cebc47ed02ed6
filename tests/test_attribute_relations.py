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


def test_a_nested_report_inside_the_content_is_listed():
    assert ("claimed", "the governor", "that taxes would fall") in _others(
        "The senator said the governor had claimed that taxes would fall.")


def test_intentions_left_out_of_the_claims_own_attribution_are_listed_here():
    (claim,) = _claims("Union leaders want a four-day week, and the company plans to hire 200 engineers.")
    assert claim["attribution"] is None  # the guideline: attitudes are no attribution
    found = {(x["cue"], x["source"], x["content"]) for x in claim["other_attributions"]}
    assert ("want", "Union leaders", "a four-day week") in found
    assert ("plans", "the company", "to hire 200 engineers") in found


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
