"""Cue-level flags on the figures they govern (docs/annotation.md 7 and 10.3): which
cues give ``reported``, ``estimated`` and ``speculative``, and which figures of the
sentence they reach. Invented sentences, one test per rule."""
from __future__ import annotations

import pytest

from .test_figures import _figures, _flags


def test_could_of_perception_or_capacity_is_no_hedge():
    figs = _figures("Through the portholes the divers could see four bodies in the hold.")
    assert "speculative" not in _flags(figs["four"])
    figs = _figures("Barely seven adults could fit side by side across the lane.")
    assert "speculative" not in _flags(figs["seven"])


def test_could_of_possibility_still_hedges():
    figs = _figures("The toll in Velin could reach 400, officials said.")
    assert "speculative" in _flags(figs["400"])


def test_according_to_unnamed_reports_flags_every_coordinated_clause():
    figs = _figures("A fleet of 23 fishing boats joined the search, and 17 people were "
                    "treated in Tarn, according to early reports.")
    assert "reported" in _flags(figs["23"]) and "reported" in _flags(figs["17"])


def test_according_to_a_named_source_makes_a_reported_passive_attribution():
    figs = _figures("In Velin, 30 people have been reported missing, according to the civil protection agency.")
    assert "reported" not in _flags(figs["30"])


def test_a_count_a_named_body_reported_is_not_agentless():
    figs = _figures("The new toll is up from the 1,240 the council reported on Monday.")
    assert "reported" not in _flags(figs["1,240"])


def test_a_bare_predicate_participle_hedges_its_own_subject_only():
    figs = _figures("The list gave ten miners confirmed dead and six presumed dead, with "
                    "about 40 burns among the 56 named casualties.")
    assert "speculative" not in _flags(figs["about 40"]) and "speculative" not in _flags(figs["56"])


def test_a_gapped_participle_shares_the_modal():
    figs = _figures("Local radio said as many as 60 people may have been hurt and nine killed.")
    assert "speculative" in _flags(figs["nine"])


def test_who_holds_a_belief_is_not_what_is_believed():
    figs = _figures("Eight of the callers feared a collapse of the old bridge in Tarn.")
    assert "speculative" not in _flags(figs["Eight"])


@pytest.mark.parametrize("sentence, tally", [
    ("Villagers wait for aid as flood toll of 3,140 expected to climb", "3,140"),
    ("The toll of 300 in Velin could rise further, officials said.", "300"),
])
def test_a_forecast_that_a_stated_tally_grows_hedges_no_figure(sentence, tally):
    assert "speculative" not in _flags(_figures(sentence)[tally])


def test_a_forecast_growth_still_hedges_its_target():
    figs = _figures("The toll of 300 in Velin could rise to 1,000, officials said.")
    assert "speculative" in _flags(figs["1,000"]) and "speculative" not in _flags(figs["300"])


def test_an_apposition_describing_a_name_is_background():
    figs = _figures("The storm could prove the deadliest in decades for Ruritania, a country "
                    "of 12 million people.")
    assert "speculative" not in _flags(figs["12 million"])


@pytest.mark.parametrize("sentence, figure", [
    ("Official count far below local estimates of 20,000 dead", "20,000"),
    ("The police chief was sacked because of his estimate on Monday that 9,000 people had died in Tarn.", "9,000"),
    ("Velin Relief Fund Estimate Puts Flood Toll At 30,000", "30,000"),
])
def test_what_an_estimate_states_is_estimated(sentence, figure):
    assert "estimated" in _flags(_figures(sentence)[figure])


def test_a_predicate_adjective_of_an_embedded_clause_hedges_its_figures():
    figs = _figures("The president rejected the count, telling reporters that the real toll "
                    "was more likely to be around 3,000.")
    assert "speculative" in _flags(figs["around 3,000"])


def test_a_count_of_lives_a_conflict_claimed_is_not_alleged():
    figs = _figures("The rebellion in Velin has claimed tens of thousands of lives since 2001.")
    assert "alleged" not in _flags(figs["tens of thousands"])


def test_a_figure_with_its_own_counting_agent_is_outside_another_speakers_claim():
    figs = _figures("The union claimed that 900,000 people had marched in Tarn, against "
                    "310,000 marchers counted by police.")
    assert "alleged" in _flags(figs["900,000"]) and "alleged" not in _flags(figs["310,000"])



def test_an_agentless_participle_on_the_subject_of_be_hedges_what_it_is_said_to_be():
    figs = _figures("The turnout reported on Sunday in Velin was 12,000.")
    assert "reported" in _flags(figs["12,000"])
