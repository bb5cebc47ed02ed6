"""Counts that replace an earlier count of their sentence (schema 1.4: the ``revised``
hedge and ``quantities[].revises``; rules in pipeline/hedging/revised.py). Invented
sentences, one test per rule."""
from __future__ import annotations

import pipeline
from tests.test_figures import _figures


def _earlier(q: dict) -> str | None:
    return (q["revises"] or {}).get("text")


def test_a_chain_from_one_figure_to_the_next():
    figs = _figures("In Velin the death toll climbed from 3,210 on Monday to 4,800 on Tuesday "
                    "and to 5,120 on Friday.")
    assert _earlier(figs["3,210"]) is None
    assert _earlier(figs["4,800"]) == "3,210" and _earlier(figs["5,120"]) == "4,800"
    assert figs["4,800"]["flags"]["revised"] and not figs["3,210"]["flags"]["revised"]
    assert [h["cue"] for h in figs["5,120"]["hedges"] if h["type"] == "revised"] == ["climbed"]


def test_from_x_to_y_after_a_change_verb_is_two_counts_not_a_range():
    figs = _figures("The ministry said the toll was revised down from 412 to 287.")
    assert set(figs) == {"412", "287"} and _earlier(figs["287"]) == "412"
    assert figs["287"]["approx"] == "exact" and figs["287"]["value"] == 287


def test_from_x_to_y_without_a_change_verb_stays_a_range():
    figs = _figures("Officials said from 20 to 30 people were still trapped in Velin.")
    assert [q["approx"] for q in figs.values()] == ["range"]
    assert all(q["revises"] is None for q in figs.values())


def test_a_change_of_something_other_than_a_tally_stays_a_range():
    figs = _figures("Engine power jumped from 240 to 273 in the new Velin model.")
    assert [q["approx"] for q in figs.values()] == ["range"]


def test_to_y_from_x():
    figs = _figures("The number of injured in Velin rose to 612 from 540 counted at dawn.")
    assert _earlier(figs["612"]) == "540" and _earlier(figs["540"]) is None


def test_up_from_pairs_as_many_figures_on_each_side():
    figs = _figures("The agency said 430 people had died and 910 had been hurt, 80 of them seriously, "
                    "up from an earlier count of 390 dead and 700 hurt.")
    assert _earlier(figs["430"]) == "390" and _earlier(figs["910"]) == "700"
    assert _earlier(figs["80"]) is None
    assert [h["cue"] for h in figs["430"]["hedges"] if h["type"] == "revised"] == ["up from"]


def test_one_figure_replaces_the_last_of_several_earlier_ones():
    figs = _figures("At least 64 people were hurt in Velin, the hospital said, up from 50 reported "
                    "overnight and 58 given by the mayor.")
    assert _earlier(figs["At least 64"]) == "58" and _earlier(figs["58"]) == "50"


def test_of_several_figures_the_one_counting_the_same_event_replaces():
    figs = _figures("The inquiry counted 140 dead and 600 injured in Velin, higher than the 131 deaths "
                    "the police had given.")
    assert _earlier(figs["140"]) == "131" and _earlier(figs["600"]) is None


def test_different_things_counted_are_no_revision():
    figs = _figures("Rescuers moved 300 families from 12 villages to 4 schools on Sunday.")
    assert all(q["revises"] is None for q in figs.values())


def test_a_claim_carries_the_revised_flag_of_its_figures():
    claims = pipeline.extract("Deaths in Velin rose to 75, up from 61 on Saturday. Police said 9 were held.")
    assert [c["flags"]["revised"] for c in claims] == [True, False]


def test_a_change_verb_with_an_earlier_count_as_its_object():
    figs = _figures("Forty-one people have died in the Velin district, the health office said on Monday, "
                    "raising its earlier count of 35 as reports came in.")
    assert _earlier(figs["Forty-one"]) == "35" and _earlier(figs["35"]) is None
    assert [h["cue"] for h in figs["Forty-one"]["hedges"] if h["type"] == "revised"] == ["raising"]


def test_a_change_verb_with_an_earlier_count_and_a_to_figure():
    figs = _figures("On Tuesday the agency raised its previous toll of 35 dead in Velin to 41.")
    assert _earlier(figs["41"]) == "35" and _earlier(figs["35"]) is None


def test_a_change_verb_without_an_earlier_word_is_no_revision():
    # a real change of a quantity, not a corrected count: "its" alone does not make 400 earlier
    figs = _figures("The Velin hospital cut its 400 staff to 250 after the flood.")
    assert set(figs) == {"400", "250"} and all(q["revises"] is None for q in figs.values())
