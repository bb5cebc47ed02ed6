"""Who gives each figure and how sure (schema 1.2: quantities[].attribution, cites,
hedges, flags). One test per rule, on invented sentences."""
from __future__ import annotations

import pytest

import pipeline


def _figures(text: str, **kw) -> dict[str, dict]:
    out = {}
    for claim in pipeline.extract(text, **kw):
        for q in claim["quantities"]:
            assert text[q["span"][0]:q["span"][1]] == q["text"]
            for h in q["hedges"]:
                assert text[h["cue_span"][0]:h["cue_span"][1]] == h["cue"]
            if q["revises"] is not None:
                assert text[q["revises"]["span"][0]:q["revises"]["span"][1]] == q["revises"]["text"]
            out[q["text"]] = q
    return out


def _source(q: dict) -> str | None:
    return (q["attribution"] or {}).get("source_norm")


def _flags(q: dict) -> set[str]:
    return {k for k, v in q["flags"].items() if v}


def test_two_speakers_with_two_numbers_each_give_their_own():
    figs = _figures("A police chief in Velin said 40 people were killed and a hospital "
                    "official said 65 were killed.")
    assert _source(figs["40"]) == "police chief" and _source(figs["65"]) == "hospital official"


def test_a_hedge_covers_the_figures_of_its_own_clause_only():
    figs = _figures("At least 900 people have died in Tarn and 4,000 are believed missing.")
    assert _flags(figs["At least 900"]) == {"approximate"}
    assert _flags(figs["4,000"]) == {"speculative"}


def test_a_citation_is_not_a_source_but_what_the_source_cites():
    figs = _figures("State television, quoting the interior ministry, said 2,122 people "
                    "were killed in Velin.")
    assert _source(figs["2,122"]) == "state television" and figs["2,122"]["cites"] == ["interior ministry"]


def test_a_figure_the_reporting_verb_governs_outside_its_content():
    figs = _figures("The agency put the number of deaths in Velin at 2,316 on Tuesday.")
    assert _source(figs["2,316"]) == "agency"


def test_a_figure_outside_every_report_is_in_the_outlet_voice():
    figs = _figures("At least 12 died in Tarn on Monday, when police said the bridge collapsed.")
    assert figs["At least 12"]["attribution"] is None


def test_according_to_in_mid_sentence_gives_the_clause_it_modifies():
    figs = _figures("At least 70 people died in Velin, according to the Red Crescent, and "
                    "officials in Tarn said 45 people there had been killed.")
    assert _source(figs["At least 70"]) == "Red Crescent" and _source(figs["45"]) == "officials"


def test_a_relative_clause_on_the_figure_names_its_giver():
    figs = _figures("The inquiry counted 140 dead in Velin, more than the 95 deaths the "
                    "police had given on Monday.")
    assert _source(figs["95"]) == "police"


def test_a_participle_with_an_agent_on_the_figure_names_its_giver():
    figs = _figures("At least 60 people were hurt in Velin, a hospital official said, up from "
                    "48 given by the city council on Monday.")
    assert _source(figs["48"]) == "city council" and _source(figs["At least 60"]) == "hospital official"


def test_an_agentless_participle_on_the_figure_leaves_it_unsourced():
    figs = _figures("The minister announced a new toll of 310 in Velin, up from the 270 given previously.")
    assert figs["270"]["attribution"] is None


def test_a_relative_clause_of_time_does_not_give_the_figure():
    figs = _figures("Friday's vigil in Velin followed the two earlier rallies of April 9 and April 16, "
                    "when the organisers said 90,000 and 120,000 people respectively took part.")
    assert figs["two"]["attribution"] is None and _source(figs["90,000"]) == "organisers"


def test_a_counting_verb_takes_its_nearest_subject_not_a_label():
    figs = _figures("Turnout record in Velin: police count 18,000 demonstrators on the square.")
    assert _source(figs["18,000"]) == "police"


def test_a_bare_number_after_a_giver_in_a_gapped_list_is_its_own():
    figs = _figures("On May 3, police had counted 12,000 in the town and the unions 41,000.")
    assert _source(figs["12,000"]) == "police" and _source(figs["41,000"]) == "unions"


def test_by_a_givers_count_frames_the_figure_before_it():
    figs = _figures("A rally in Velin drew 9,000 people by the organisers' count, and 4,000 "
                    "according to the police.")
    assert _source(figs["9,000"]) == "organisers" and _source(figs["4,000"]) == "police"


def test_a_tally_framing_a_figure_names_its_giver_by_of_or_modifier():
    figs = _figures("About 6,000 families in Velin have been moved to shelters, by the estimate of the "
                    "Red Cross. A vigil drew 3,500 people on the police count. By the ministry's "
                    "reckoning, 800 homes were lost. The toll rose to 20 by the count of Tuesday.")
    assert _source(figs["About 6,000"]) == "Red Cross" and _source(figs["3,500"]) == "police"
    assert _source(figs["800"]) == "ministry" and _source(figs["20"]) is None


def test_in_a_givers_estimate_frames_the_figure_but_in_a_document_does_not():
    figs = _figures("The march drew more than 800,000 people, in the organisers' estimate. "
                    "The village accounts for 2,183 of the dead in the council's list.")
    assert _source(figs["more than 800,000"]) == "organisers" and _source(figs["2,183"]) is None


def test_an_office_of_a_body_gives_the_figure_it_is_the_source_of():
    figs = _figures("About 9,000 tonnes of rubbish lie in the streets, by the estimate of the town hall. "
                    "In Velin, the figure from the police prefecture is 61,000.")
    assert _source(figs["About 9,000 tonnes"]) == "town hall" and _source(figs["61,000"]) == "police prefecture"


def test_a_control_room_gives_its_count():
    figs = _figures("By the count of the army control room, 2,431 people have been rescued.")
    assert _source(figs["2,431"]) == "army control room"


def test_a_tally_a_body_modifies_gives_the_figure_it_equals():
    figs = _figures("The police estimate for that rally was 140,000. The death toll from the raid was 12. "
                    "The AP tally covers just 15 of those countries.")
    assert _source(figs["140,000"]) == "police" and _source(figs["12"]) is None
    assert _source(figs["15"]) is None


def test_the_agent_of_a_passive_count_gives_the_number_after_its_colon():
    figs = _figures("Far fewer were counted by the Ministry of Health: 380,000.")
    assert _source(figs["380,000"]) == "Ministry of Health"


def test_a_verb_setting_a_tally_gives_its_subject_the_figure():
    figs = _figures("The army cut the toll to 225. The storm raised the toll to 40.")
    assert _source(figs["225"]) == "army" and _source(figs["40"]) is None


def test_a_level_set_after_a_report_of_a_level_goes_on_with_it():
    figs = _figures("Marta Velo told reporters that 90 victims had been buried. Injuries stood at 286, "
                    "of which 48 were serious. The list of the missing had grown to 329.\n\n"
                    "Bruno Kel said 70 people had died. For Velin the toll stands at 148.\n\n"
                    "Injuries stood at 186.")
    assert _source(figs["286"]) == "Marta Velo" and _source(figs["48"]) == "Marta Velo"
    assert _source(figs["329"]) == "Marta Velo" and _source(figs["186"]) is None
    assert _source(figs["148"]) is None  # another place, in the outlet's voice


def test_the_countrys_body_takes_the_country_named_before_it():
    figs = _figures("Floods in Norway have killed 31 people, the country's interior ministry says. "
                    "Sweden is counting too: its interior ministry says 12 died. "
                    "In Sweden, the Red Cross said its ministry had counted 19.")
    assert _source(figs["31"]) == "Norwegian interior ministry"
    assert _source(figs["12"]) == "Swedish interior ministry"
    assert not (_source(figs["19"]) or "").startswith("Swedish")  # the Red Cross is named between


def test_he_never_stands_for_an_unnamed_thing_that_speaks():
    figs = _figures("Fire chief Peter Novak said on Monday that the slope was unsafe. A stampede "
                    "suggests the crowd panicked. He said 14 people were missing.")
    assert _source(figs["14"]) == "Peter Novak"


def test_a_name_runs_on_through_of_but_a_persons_name_does_not():
    figs = _figures("The Velin Office for the Relief of Flood Victims said 40 people died. "
                    "Commander John Smith of the Velin Police confirmed 12 arrests.")
    assert _source(figs["40"]) == "Velin Office for the Relief of Flood Victims"
    assert _source(figs["12"]) == "John Smith"


def test_a_tally_noun_the_figure_completes_names_its_giver():
    figs = _figures("The doctors' count is higher than the health ministry's previous figure of 38.")
    assert _source(figs["38"]) == "health ministry"


def test_an_acronym_subject_of_a_relative_clause_is_no_relative_pronoun():
    figs = _figures("That is up from a tally of 640 deaths the WHO published on Monday in Velin.")
    assert (figs["640"]["attribution"] or {}).get("source") == "the WHO"


def test_a_figure_restating_a_tally_with_a_giver_is_the_givers():
    figs = _figures("First national count from the union: 90,000 marchers across the country, "
                    "including 20,000 in Velin.")
    assert _source(figs["90,000"]) == "union" and _source(figs["20,000"]) == "union"


def test_an_outlet_tag_after_a_report_relays_its_figure():
    figs = _figures("Organizer Velin Civic Front (VCF) said 48,000 people took part in the yearly march, "
                    "while police estimated the crowd at 19,000 at the peak, the Velin Economic Journal reports.")
    assert figs["48,000"]["attribution"]["source"] == "Organizer Velin Civic Front"
    assert _source(figs["19,000"]) == "police"


def test_a_number_with_a_bare_verb_after_the_object_is_part_of_the_report():
    figs = _figures("In Velin the council had reported two dead and dozens injured.")
    assert _source(figs["dozens"]) == "council"


def test_a_figure_counting_the_hearer_is_not_what_is_told():
    figs = _figures("Police in Velin told four of the callers that officers would be sent.")
    assert figs["four"]["attribution"] is None


def test_money_handed_over_is_the_outlets_account_not_a_report():
    figs = _figures("The regional government raised its contribution to 12 million euros, and the "
                    "aid agency said it would provide up to 8 million euros.")
    assert figs["12 million euros"]["attribution"] is None
    assert _source(figs["up to 8 million euros"]) == "aid agency"


def test_a_verb_that_sets_a_tally_to_the_figure_names_its_giver():
    figs = _figures("Tarn authorities on Sunday cut the number of people killed in the crush to 95, "
                    "saying some victims had been counted twice.")
    assert _source(figs["95"]) == "tarn authorities"
    figs = _figures("The flood raised the toll to 40 on Monday.")
    assert figs["40"]["attribution"] is None  # an event sets no tally: no giver


def test_a_giver_without_a_reporting_verb_keeps_the_source_it_cites():
    """A tallying verb's subject is the only relation of its sentence; the citation
    participle after it is that giver's (this once stopped the document: ``cites_of``
    compared the participle with no relation at all)."""
    figs = _figures("Authorities in Velin cut the number of people killed to 125, citing hospital records.")
    assert _source(figs["125"]) == "authorities" and figs["125"]["cites"] == ["hospital records"]


def test_a_match_score_inside_a_report_is_the_outlets_account():
    figs = _figures("Fans said the crush began after the home side lost 3-2 to Velin United on Saturday.")
    assert [q["attribution"] for t, q in figs.items() if t in ("3", "2")] == [None, None]
    figs = _figures("Officials said 3-4 people died in Tarn.")
    assert _source(figs["3-4"]) == "officials"  # a range is one figure, and reported


def test_a_count_spliced_on_after_a_report_is_its_own_subjects():
    figs = _figures("Police first said 60 people had died, the Tarn Red Crescent raised that to 85 "
                    "on Sunday morning.")
    assert _source(figs["60"]) == "police" and _source(figs["85"]) == "Tarn Red Crescent"


def test_a_passive_counting_verb_names_its_agent_as_giver():
    figs = _figures("Police in Velin had said that 60 people were killed, before the number was raised "
                    "to 85 by provincial officials.")
    assert _source(figs["60"]) == "police" and _source(figs["85"]) == "provincial officials"


def test_a_number_coordinated_with_a_counting_verb_is_its_gapped_object():
    figs = _figures("Volunteers counted between 16,000 and 20,000 people passing the first bridge, and "
                    "between 30,000 and 37,000 passing the second bridge.")
    assert _source(figs["between 30,000 and 37,000"]) == "volunteers"


def test_an_impersonal_note_reaches_back_to_the_figures_before_it():
    text = ("The ministry said 120 people were killed in Velin on Monday. "
            "It was not possible to independently verify the numbers.")
    figs = _figures(text)
    assert "unverified" in _flags(figs["120"])
    notes = [c for c in pipeline.extract(text) if c["text"].startswith("It was")]
    assert all(c["attribution"] is None for c in notes)


def test_there_was_no_way_to_confirm_is_a_negative_note():
    figs = _figures("Rebels said 40 fighters died near Tarn. There was no way to confirm the toll "
                    "independently.")
    assert "unverified" in _flags(figs["40"])


# one rule per group of rows: a checking noun that was not possible; "there was no
# confirmation"; a passive note before a colon or semicolon is the outlet's own, not
# reported content; "none of them" is negative about the nouns it points to
@pytest.mark.parametrize("note, flagged", [
    ("Independent verification of the toll was not possible.", True),
    ("No independent confirmation of the figures was available.", True),
    ("Independent confirmation was not immediately available.", True),
    ("Confirmation of the toll was available later.", False),
    ("The lists were drawn up after a careful verification of the names.", False),
    ("There was no independent confirmation of the figures.", True),
    ("There was independent confirmation of the figures on Tuesday.", False),
    ("The figures could not be independently verified: phone lines to Tarn are down.", True),
    ("The figures could not be independently verified; phone lines to Tarn are down.", True),
    ("How it compiled its tallies was not explained, and none of them could be confirmed.", True),
    ("How it compiled its tallies was explained, and all of them could be confirmed.", False),
])
def test_a_negative_note_after_a_figure_flags_it_unverified(note, flagged):
    figs = _figures("Rebels in Tarn said 40 fighters died on Sunday. " + note)
    assert ("unverified" in _flags(figs["40"])) is flagged


@pytest.mark.parametrize("note, flagged", [
    ("Neither side's figures could be independently checked.", True),
    ("Neither the rebels' count nor the army figure could be checked.", True),
    ("Both sides' figures were checked against hospital lists.", False),
])
def test_neither_in_the_checked_noun_phrase_makes_a_negative_note(note, flagged):
    figs = _figures("Rebels in Tarn said 40 fighters died on Sunday, and the army said 12 did. " + note)
    assert ("unverified" in _flags(figs["40"])) is flagged
    assert ("unverified" in _flags(figs["12"])) is flagged


# a passive check by no one in particular is a note; one naming its checker is not
@pytest.mark.parametrize("note, flagged", [
    ("Neither number has been confirmed by any official source.", True),
    ("Neither number has been verified by anyone.", True),
    ("Neither number could be checked by the Daily Courier.", False),
    ("Both numbers have been confirmed by the district office.", False),
])
def test_a_check_by_no_one_in_particular_leaves_the_figures_unverified(note, flagged):
    figs = _figures("Villagers said 40 people were killed, and a radio station put the figure at 65. " + note)
    assert ("unverified" in _flags(figs["40"])) is flagged
    assert ("unverified" in _flags(figs["65"])) is flagged


@pytest.mark.parametrize("note, far", [
    ("The figures come from district clinics, and there is no independent way to check them.", True),
    ("The figures could not be checked.", False),
])
def test_a_note_saying_where_the_figures_come_from_reaches_past_its_paragraph(note, far):
    figs = _figures("The ministry says 310 people have died in the north.\n\n"
                    "It also counts 1,200 cases in the south.\n\n" + note)
    assert ("unverified" in _flags(figs["310"])) is far
    assert "unverified" in _flags(figs["1,200"])


@pytest.mark.parametrize("note, flagged", [
    ("Police and unions disagree, and the Herald could not verify either set of numbers.", True),
    ("Police and unions disagree, and the Herald could not verify either set of rules.", False),
])
def test_a_set_of_numbers_is_about_the_numbers(note, flagged):
    figs = _figures("Police in Tarn said 2,000 people marched on Sunday. " + note)
    assert ("unverified" in _flags(figs["2,000"])) is flagged


def test_a_confirmation_a_source_reports_is_no_note():
    figs = _figures("Rebels in Tarn said 40 fighters died on Sunday. "
                    "The figures were confirmed, the governor of Tarn said.")
    assert not {"unverified", "verified"} & _flags(figs["40"])


@pytest.mark.parametrize("verdict, disputed", [
    ("Protest leaders say the real number is far higher.", True),
    ("Residents believe the true toll could be much lower.", True),
    ("The real number is 40, activists said.", False),
    ("The toll is likely to be higher.", False),
])
def test_a_verdict_on_the_real_number_disputes_the_figure_before(verdict, disputed):
    figs = _figures("An inquiry in Tarn says 87 people were killed. " + verdict)
    assert ("disputed" in _flags(figs["87"])) is disputed


def test_a_note_coordinated_with_a_figure_covers_that_figure_not_the_one_before():
    figs = _figures("Officials in Velin say 300 people died. Officials said the toll could rise "
                    "to 1,000, but it could not be confirmed.")
    assert _flags(figs["1,000"]) == {"speculative", "unverified"}
    assert _flags(figs["300"]) == set()


def test_plural_officials_are_not_the_body_quoted_before():
    figs = _figures("Local television in Velin reported more than 2,000 dead. "
                    "Officials say 300 people died.")
    assert _source(figs["300"]) == "officials"


def test_the_figure_set_aside_with_not_is_the_contested_one():
    figs = _figures("The ministry in Velin said 46 people died, not 108.")
    assert "disputed" in _flags(figs["108"]) and "disputed" not in _flags(figs["46"])


def test_a_denial_covers_what_it_governs():
    figs = _figures("The army in Tarn denied that 40 protesters were killed, and said 12 soldiers "
                    "died in the clashes.")
    assert "disputed" in _flags(figs["40"]) and "disputed" not in _flags(figs["12"])


def test_disputing_this_points_back_though_the_sentence_gives_counter_figures():
    figs = _figures("Medics in Velin said 30 bodies were found in the canal. The interior "
                    "ministry rejected this, saying only three bodies had been recovered.")
    assert "disputed" in _flags(figs["30"]) and "disputed" not in _flags(figs["three"])
    assert _flags(_figures("Medics in Velin said 30 bodies were found in the canal. The interior "
                           "ministry rejected them.")["30"]) == set()   # a personal pronoun points nowhere
    figs = _figures("Medics in Velin said 30 bodies were found in the canal. The interior ministry "
                    "rejected the figure and said 12 bodies were recovered.")
    assert "disputed" in _flags(figs["30"]) and "disputed" not in _flags(figs["12"])


@pytest.mark.parametrize("note, disputed", [
    ("The navy has never accepted any of these counts.", True),
    ("The navy does not recognise the figures.", True),
    ("The navy accepted these figures.", False),            # acceptance contests nothing
    ("The navy did not accept that 12 sailors drowned.", False),  # content, not a pointer
])
def test_a_negated_acceptance_disputes_the_figures_before(note, disputed):
    figs = _figures("A harbour panel in Velin counted 31 dead and 9 missing. " + note)
    assert ("disputed" in _flags(figs["31"])) is disputed
    assert ("disputed" in _flags(figs["9"])) is disputed


@pytest.mark.parametrize("sentence, disputed, clear", [
    ("Velin's two ministries disagree: one counts 3,100 dead, another 2,900.", ["3,100", "2,900"], ["two"]),
    ("That toll was disputed at the time: a medic said his crews carried 65 bodies, while the "
     "army gave a figure of 15 dead.", ["65", "15"], []),
    ("The toll became a matter of open dispute on Friday, when the agency put it at 4,460 while "
     "the army held to 2,300.", ["4,460", "2,300"], []),
    ("The army disputed the figure: it says 46 died.", [], ["46"]),  # the counter-figure
    ("Police and medics disagree about many things, and 40 people died on Friday.", [], ["40"]),
])
def test_the_counts_after_a_disagreement_are_disputed(sentence, disputed, clear):
    figs = _figures(sentence)
    assert all("disputed" in _flags(figs[k]) for k in disputed)
    assert not any("disputed" in _flags(figs[k]) for k in clear)


def test_a_denial_and_a_note_on_sourcing_can_share_a_sentence():
    figs = _figures("Rebels in Velin said more than 900 soldiers died. They offered no evidence, "
                    "and the army has rejected it.")
    assert {"disputed", "unsourced", "unverified"} <= _flags(figs["more than 900"])


def test_a_cue_does_not_hedge_the_figures_of_a_background_clause():
    figs = _figures("The toll in Velin could rise further as 12 people remain in intensive care. "
                    "Some of the missing may be sheltering in camps, which hold 8,000 people.")
    assert "speculative" not in _flags(figs["12"]) and "speculative" not in _flags(figs["8,000"])
    assert "speculative" in _flags(_figures("The toll in Velin could rise to 40.")["40"])


def test_the_figures_inside_a_dispute_noun_are_disputed():
    figs = _figures("In Velin, the governor was asked to settle a dispute between one agency that "
                    "counts 3,195 dead and another that counts 2,957.")
    assert "disputed" in _flags(figs["3,195"]) and "disputed" in _flags(figs["2,957"])
    # the clause around the noun is not its content
    assert "disputed" not in _flags(_figures("A dispute over land in Velin killed 12 people.")["12"])


def test_a_headline_denial_parsed_as_a_coordination_still_governs_its_figure():
    figs = _figures("Police in Velin deny death toll in stadium crush exceeds 125")
    assert "disputed" in _flags(figs["exceeds 125"])
    figs = _figures("The army in Tarn denied the report and said 12 soldiers died.")
    assert "disputed" not in _flags(figs["12"])   # "and": a real second clause


def test_a_note_in_a_clause_about_one_figure_checks_that_figure_only():
    figs = _figures("In Tarn, officials put the toll at about 8,500, while officials on the islands "
                    "said as many as 4,000 people may have died there, a figure that could not be "
                    "confirmed.")
    assert "unverified" in _flags(figs["as many as 4,000"]) and "unverified" not in _flags(figs["about 8,500"])
    figs = _figures("More than 1,000 people were injured in Velin, and an official said the toll had "
                    "reached 127, although that figure could not be confirmed.")
    assert "unverified" in _flags(figs["127"]) and "unverified" not in _flags(figs["More than 1,000"])


def test_but_the_figures_could_not_be_confirmed_is_about_its_own_sentence():
    figs = _figures("Officials in Velin said 40 people died and 300 were hurt, but the figures "
                    "could not be confirmed.")
    assert "unverified" in _flags(figs["40"]) and "unverified" in _flags(figs["300"])


def test_a_note_on_figures_before_it_leaves_distances_and_magnitudes_alone():
    figs = _figures("Officials in Velin said 40 people died when the 6.1-magnitude quake struck "
                    "10 miles from the town. The figures could not be independently verified.")
    assert "unverified" in _flags(figs["40"])
    assert "unverified" not in _flags(figs["10 miles"]) | _flags(figs["6.1-magnitude"])


def test_a_bare_participle_with_its_predicate_is_a_hedge():
    figs = _figures("Velin fire: 58 people now feared dead after tower blaze")
    assert "speculative" in _flags(figs["58"])
    assert "speculative" not in _flags(_figures("Velin fire: 58 people dead after tower blaze")["58"])


def test_expecting_a_figure_parsed_as_a_phrase_is_a_prediction():
    figs = _figures("Police sources in Tarn expect between 1.1 and 1.4 million marchers across the "
                    "country today.")
    assert "speculative" in _flags(figs["between 1.1 and 1.4 million"])


def test_a_hedge_in_a_relative_clause_on_the_counted_noun_hedges_the_count():
    figs = _figures("The ministry in Velin is looking into five deaths that may be linked to the virus.")
    assert "speculative" in _flags(figs["five"])
    figs = _figures("The toll in Velin could rise as the camps, which hold 8,000 people, flood.")
    assert "speculative" not in _flags(figs["8,000"])   # a relative clause elsewhere is background


def test_claiming_a_figure_as_an_object_is_an_allegation():
    figs = _figures("The ministry in Velin gave a count of 1.12 million, while the union claimed more "
                    "than two million nationwide.")
    assert "alleged" in _flags(figs["more than two million"]) and "alleged" not in _flags(figs["1.12 million"])
    assert "alleged" not in _flags(_figures("The flood in Velin claimed 40 lives.")["40"])


def test_a_report_participle_on_the_figure_itself_hedges_it():
    figs = _figures("Foreign tourists in Velin were among the dead and among the thousands reported missing.")
    assert "reported" in _flags(figs["thousands"])


def test_understood_to_is_a_report_without_a_source():
    figs = _figures("At least 120 people are understood to have died in the Velin crush.")
    assert "reported" in _flags(figs["At least 120"])
    assert _flags(_figures("The 12 rules in Velin are understood by all.")["12"]) == set()


def test_dismissing_reports_is_a_denial():
    figs = _figures("Officials in Velin dismissed reports that the toll had reached 300.")
    assert "disputed" in _flags(figs["300"])


def test_giving_or_releasing_a_count_reports_it():
    figs = _figures("The Interior Ministry in Velin later gave a precise count of 1.12 million.")
    assert _source(figs["1.12 million"]) == "Interior Ministry"


def test_a_named_body_is_not_another_body_that_shares_its_head_noun():
    figs = _figures("The Interior Ministry later gave a precise count of 1.12 million, including "
                    "80,000 in Velin.\nThe Education Ministry gave far lower figures, of 42 percent "
                    "and 35 percent respectively.")
    assert _source(figs["1.12 million"]) == "Interior Ministry"


def test_a_defined_acronym_read_as_a_word_is_its_body():
    figs = _figures("The World Health Organization (WHO) opened a clinic in Velin.\n"
                    "WHO says 1,069 people died in Tarn.")
    assert _source(figs["1,069"]) == "World Health Organization"


def test_a_name_written_family_name_first_is_found_by_that_name():
    figs = _figures("Park Ji-hoon, a fire official in Velin, spoke to reporters on Sunday.\n"
                    "Park said 46 bodies had been taken to hospitals.")
    assert _source(figs["46"]) == "Park Ji-hoon"


def test_the_ministry_is_the_ministry_named_before():
    figs = _figures("The Ministry of Water Resources in Velin opened an inquiry on Monday.\n"
                    "The ministry said 30 dams had been damaged.")
    assert _source(figs["30"]) == "Ministry of Water Resources"


def test_a_shortened_name_is_the_full_name_given_before():
    figs = _figures("The Lakeside County Fire Authority sent crews to Velin.\n"
                    "The Fire Authority said 14 people were rescued.")
    assert _source(figs["14"]) == "Lakeside County Fire Authority"


def test_a_descriptive_noun_with_a_name_in_apposition_is_that_name():
    figs = _figures("The relief charity Shelter Across Borders says it has built 200 homes in Velin.")
    assert _source(figs["200"]) == "Shelter Across Borders"


def test_the_agency_is_the_organisation_quoted_just_before():
    figs = _figures("The Global Health Body said 40 new cases were found in Velin on Monday.\n"
                    "The agency said 12 of them were children.")
    assert _source(figs["12"]) == "Global Health Body"


def test_an_agency_of_a_named_place_is_not_the_organisation_quoted_before():
    figs = _figures("The quake struck near Tarn, according to the Global Seismic Survey.\n"
                    "The Philippines disaster council said 12 people were missing.")
    assert _source(figs["12"]) != "Global Seismic Survey"


@pytest.mark.parametrize("second, name", [
    ("The Velin Press news agency said 12 more were missing.", "Velin Press"),
    ("The state news agency said 12 more were missing.", "state news agency"),
    ("The news agency said 12 more were missing.", "Reuters"),
])
def test_a_news_agency_with_a_name_or_an_owner_is_not_the_medium_quoted_most(second, name):
    figs = _figures("Reuters reported that 40 people had died in Tarn. " + second)
    assert _source(figs["12"]).startswith(name)


def test_the_government_is_not_the_last_official_body_quoted():
    figs = _figures("The Mayor of Velin said the bridge would reopen.\n"
                    "The government said 300 families would get aid.")
    assert _source(figs["300"]) == "government"


def test_figures_released_by_a_body_are_that_body_s():
    figs = _figures("According to figures released by the interior ministry, 5,000 people marched in Velin.")
    assert _source(figs["5,000"]) == "interior ministry"


def test_the_toll_from_an_event_names_no_giver():
    figs = _figures("According to the toll from the Velin landslide, 80 people died.")
    assert _source(figs["80"]) != "Velin landslide"


def test_a_counting_verb_s_subject_gives_the_figure_it_counts():
    figs = _figures("In Velin, police counted 22,000 demonstrators, while organisers claimed 60,000.")
    assert _source(figs["22,000"]) == "police" and _source(figs["60,000"]) == "organisers"


def test_each_according_to_names_the_figure_just_before_it():
    figs = _figures("Some 8,000 people marched in Velin, according to the police, and 30,000, "
                    "according to the unions.")
    assert _source(figs["Some 8,000"]) == "police" and _source(figs["30,000"]) == "unions"


def test_a_note_about_either_figure_covers_crowd_counts_too():
    figs = _figures("Police said 240,000 people marched in Velin on Sunday. Organisers said "
                    "900,000 people marched. Neither figure could be checked independently.")
    assert "unverified" in _flags(figs["240,000"]) and "unverified" in _flags(figs["900,000"])


def test_a_note_about_casualty_figures_does_not_cover_other_figures():
    figs = _figures("Officials said 300 villages in Tarn were under water. The ministry said 40 "
                    "people were killed. It was not possible to verify the ministry's casualty figures.")
    assert "unverified" in _flags(figs["40"]) and "unverified" not in _flags(figs["300"])


def test_a_note_about_any_of_the_figures_reaches_back_past_its_paragraph():
    figs = _figures("The ministry said 120 people were killed in Velin.\n\n"
                    "Rescuers were still searching the rubble on Tuesday.\n\n"
                    "A local doctor said 35 more bodies had been found.\n\n"
                    "We have not been able to verify any of these casualty figures.")
    assert "unverified" in _flags(figs["120"]) and "unverified" in _flags(figs["35"])


def test_a_confirmation_a_source_reports_is_no_note_of_the_outlet():
    figs = _figures("The state lowered the count of dead in Velin to 275. The governor said "
                    "the final number was confirmed after a recount.")
    assert "verified" not in _flags(figs["275"])


def test_a_country_s_generic_body_is_named_with_the_country():
    figs = _figures("Morocco's Interior Ministry said 2,012 people had died in Tarn.")
    assert _source(figs["2,012"]) == "Moroccan Interior Ministry"


def test_a_country_as_source_is_its_government():
    figs = _figures("Spain said its team of 56 rescuers had begun work in Velin.")
    assert _source(figs["56"]) == "Spanish government"


def test_a_body_s_own_full_name_takes_no_country():
    figs = _figures("Pakistan's National Disaster Management Authority said 1,136 people had died in Velin.")
    assert _source(figs["1,136"]) == "National Disaster Management Authority"


def test_a_place_before_a_body_noun_is_not_the_body_s_name():
    figs = _figures("The minister said the toll was 238 according to the Kerala government's data.")
    assert _source(figs["238"]) != "Kerala"


def _headline_figures(headline: str) -> dict[str, dict]:
    text = headline + "\n\nRescue teams in Velin worked through the night on Monday.\n"
    return _figures(text, title=headline)


def test_a_headline_label_names_the_source():
    assert _source(_headline_figures("Militia kills 35 protesters in Velin: doctors")["35"]) == "doctors"
    assert _source(_headline_figures("WHO: fever outbreak in Velin has killed 1,013")["1,013"]) == "WHO"


def test_a_place_or_topic_label_is_no_source():
    figs = _headline_figures("Velin: at least 73 dead after blast shakes the port")
    assert figs["at least 73"]["attribution"] is None


def test_a_spokesperson_for_a_body_is_the_body():
    figs = _figures("At least 81 people were hurt, a spokesperson for the Velin Hospital "
                    "Authority said on Friday.")
    assert _source(figs["At least 81"]) == "Velin Hospital Authority"


def test_a_title_set_beside_a_name_is_that_person():
    figs = _figures("Of the dead, 124 have been identified, the deputy governor of East Java, Maria Santoso, "
                    "said on Sunday.")
    assert _source(figs["124"]) == "Maria Santoso"


def test_it_is_the_body_that_is_subject_earlier_in_its_sentence():
    figs = _figures("The unions said 3.5 million people marched in Velin.\n"
                    "The Interior Ministry counts 1.28 million demonstrators, slightly more than on "
                    "Tuesday, which it had put at 1.27 million.")
    assert _source(figs["1.27 million"]) == "Interior Ministry"


def test_a_counting_verb_names_its_giver_but_not_against_according_to():
    figs = _figures("According to the Global Health Body, Velin has recorded 86 suspected cases.")
    assert _source(figs["86"]) == "Global Health Body"


def test_a_body_noun_read_as_a_proper_noun_still_gives_its_acronym():
    figs = _figures("In Velin, the hard-left CGT union said around 400,000 people had joined the march.")
    assert _source(figs["around 400,000"]) == "CGT"


def test_a_note_about_sourcing_is_no_claim_with_a_source():
    text = ("Local television reported more than 2,000 dead in Velin. The channel did not cite a source. "
            "It did not say how it had compiled the figures.")
    claims = pipeline.extract(text)
    assert [c for c in claims if "did not" in c["text"] and c["attribution"]] == []
    figs = _figures(text)
    assert _source(figs["more than 2,000"]) == "local television"


def test_a_note_about_sourcing_inherits_no_source():
    claims = pipeline.extract("Police chief Ruwan Perera said 24 suspects were held in Velin. He did not say "
                              "whether they belonged to any group.")
    assert [c for c in claims if c["text"].startswith("He did not") and c["attribution"]] == []

def test_a_note_naming_whose_figures_reaches_back_past_its_paragraph():
    figs = _figures("Doctors in Velin said 35 protesters were killed on Monday.\n\n"
                    "Shops in Tarn stayed shut on Tuesday.\n\n"
                    "Their figures could not be independently confirmed.")
    assert "unverified" in _flags(figs["35"])


def test_a_note_about_both_sides_figures_reaches_back_past_its_paragraph():
    figs = _figures("Doctors in Velin said 108 protesters were killed.\n\n"
                    "The army said 46 people had died.\n\n"
                    "Shops in Tarn stayed shut on Tuesday.\n\n"
                    "The figures from both sides could not be independently verified.")
    assert "unverified" in _flags(figs["108"]) and "unverified" in _flags(figs["46"])


def test_a_note_naming_a_country_s_figures_leaves_another_country_s_alone():
    figs = _figures("Velin's health ministry said 59 people had died.\n\n"
                    "In Tarn, officials said 12 people had died.\n\n"
                    "Velin's figures could not be independently confirmed.")
    assert "unverified" in _flags(figs["59"]) and "unverified" not in _flags(figs["12"])


def test_a_note_about_either_figure_reaches_back_to_the_second_giver():
    figs = _figures("Police in Velin said 240,000 people marched on Sunday.\n\n"
                    "Organisers said 900,000 people marched. The two sides often differ, and "
                    "Reuters was not able to verify either.")
    assert "unverified" in _flags(figs["240,000"]) and "unverified" in _flags(figs["900,000"])


def test_a_number_of_figures_is_not_a_figure_a_note_covers():
    figs = _figures("Police said 240,000 people marched in Velin. Organisers said 900,000 marched.\n\n"
                    "The gap between the two estimates is large. Neither figure could be checked.")
    assert "unverified" not in _flags(figs["two"])
    assert "unverified" in _flags(figs["240,000"]) and "unverified" in _flags(figs["900,000"])


def test_an_estimated_hedges_the_figure_it_modifies_only():
    figs = _figures("At least 200 people died in Velin, and an estimated 1,500 were left homeless.")
    assert "estimated" in _flags(figs["1,500"]) and "estimated" not in _flags(figs["At least 200"])


def test_an_estimate_noun_as_subject_hedges_the_figure_of_its_verb():
    figs = _figures("The Red Cross says its estimate of the dead in Velin is 4,500.")
    assert "estimated" in _flags(figs["4,500"])


def test_a_verb_cue_in_an_embedded_clause_hedges_that_clause_s_figures():
    figs = _figures("It was the deadliest quake in Tarn since 1960, when a quake near Velin "
                    "is estimated to have killed 12,000 people.")
    assert "estimated" in _flags(figs["12,000"])


def test_a_category_adjective_in_an_embedded_phrase_hedges_no_figure():
    figs = _figures("The agency said in Velin it had recorded 86 suspected cases of cholera.")
    assert _flags(figs["86"]) == set()


def test_a_note_whose_subject_the_parser_hung_elsewhere_still_reaches_back():
    figs = _figures("Doctors in Velin said 87 protesters were killed.\n\n"
                    "It's worth saying we at Radio Tarn have not been able to independently "
                    "verify any of these casualty figures.")
    assert "unverified" in _flags(figs["87"])


def test_a_pronoun_note_is_about_the_figures_named_before_it_in_its_sentence():
    figs = _figures("The committee said 60 people were killed in Velin. "
                    "It did not say how it had compiled the figures, and they could not be "
                    "independently confirmed.")
    assert "unverified" in _flags(figs["60"])


def test_making_it_difficult_to_confirm_is_an_impersonal_note():
    figs = _figures("Doctors said 108 people were killed in Velin. Phone lines stayed cut, "
                    "making it difficult to confirm the casualty figures.")
    assert "unverified" in _flags(figs["108"])


def test_a_note_that_the_giver_cited_no_source_reaches_back():
    figs = _figures("Local television reported more than 2,000 dead in Velin. "
                    "The channel did not cite a source.")
    assert {"unsourced", "unverified"} <= _flags(figs["more than 2,000"])
    assert [h["type"] for h in figs["more than 2,000"]["hedges"] if h["scope"] == "previous"] == ["unsourced"]


def test_a_verified_toll_is_not_unsourced():
    figs = _figures("Local television reported more than 2,000 dead in Velin. "
                    "The channel could not independently verify the toll.")
    assert "unverified" in _flags(figs["more than 2,000"]) and "unsourced" not in _flags(figs["more than 2,000"])


def test_without_saying_where_the_numbers_came_from_hedges_its_own_sentence():
    figs = _figures('The mayor of Velin said: "I heard 50,000... 30,000", without saying where '
                    "the numbers came from.")
    assert "unverified" in _flags(figs["50,000"]) and "unverified" in _flags(figs["30,000"])


def test_a_note_naming_a_number_binds_to_that_number():
    figs = _figures("Police in Velin said 127 people had died. The commission said at least 153 "
                    "people had been killed. The commission did not explain how it arrived at "
                    "its figure of 153.")
    assert "unverified" in _flags(figs["at least 153"]) and "unverified" not in _flags(figs["127"])


def test_not_saying_how_many_is_a_question_not_a_note():
    figs = _figures("The city said 355 reports of missing people were filed in Velin. "
                    "It did not say how many of those had since been traced.")
    assert "unverified" not in _flags(figs["355"])


def test_a_count_by_a_body_is_that_body_s():
    figs = _figures("But a count by the Associated Press shows that at least 999 people died in Velin.")
    assert _source(figs["at least 999"]) == "Associated Press"


def test_who_believes_or_expects_a_figure_gives_it():
    figs = _figures("Police in Velin believe 293 people were inside when the fire started.")
    assert _source(figs["293"]) == "police"
    figs = _figures("Officials in Tarn expected around 100,000 people at the festival.")
    assert _source(figs["around 100,000"]) == "officials"


def test_a_trailing_tag_the_parser_coordinates_reports_the_clause_before_it():
    figs = _figures("At least 40 people were killed in northern Velin, the Tarn Press Agency "
                    "reported, citing local officials.")
    assert _source(figs["At least 40"]) == "Tarn Press Agency"


def test_a_speech_tag_governs_the_clause_it_is_set_in():
    figs = _figures("A strong quake of magnitude 5.2 struck Velin late on Monday, the national "
                    "observatory said, waking residents across the valley.")
    assert _source(figs["magnitude 5.2"]) == "national observatory"


def test_a_partitive_of_the_previous_figures_continues_its_source():
    figs = _figures("The ambulance service said 64 people had been taken to hospitals in Velin. "
                    "Twenty of them are in critical care.")
    assert _source(figs["Twenty"]) == "ambulance service"
    figs = _figures("Doctors in Tarn said 168 people were wounded in the clashes. Of the wounded, "
                    "48 had been hit by bullets.")
    assert _source(figs["48"]) == "doctors"


def test_a_partitive_of_a_set_named_before_continues_its_source():
    figs = _figures("According to the regional hospital, 52 people were admitted overnight. "
                    "Nine of the patients are in intensive care.")
    assert _source(figs["Nine"]) == "regional hospital"
    figs = _figures("The agency said 12 villages were cut off. Two of those villages have no water.")
    assert _source(figs["Two"]) == "agency"
    figs = _figures("Officials in the state said the toll had passed 9,000. Among those dead were "
                    "4,500 people in the hill districts.")
    assert _source(figs["4,500"]) == "officials"


def test_a_definite_partitive_outside_the_subject_takes_up_no_source():
    figs = _figures("The agency said 12 villages were cut off. Taken with the dead, that meant "
                    "291 of the 459 people aboard were never found.")
    assert figs["291"]["attribution"] is None


def test_it_and_he_resolve_to_a_body_by_common_noun_and_an_office_holder():
    figs = _figures("The tribunal listed 30 wounded in all. Of these, 12 were shot, it said.")
    assert _source(figs["12"]) == "tribunal"
    figs = _figures("On the morning after the riot, the governor said about 25 people had been "
                    "wounded. By that afternoon he had acknowledged one death at the city hospital.")
    assert _source(figs["one"]) == "governor"


def test_that_figure_continues_the_source_of_the_figure_before_it():
    figs = _figures("Officials in Tarn said the number of dead had passed 900. That figure "
                    "includes 400 deaths in the hill villages.")
    assert _source(figs["400"]) == "officials"


def test_a_sentence_without_back_reference_keeps_the_outlet_voice():
    figs = _figures("Officials in Tarn said the number of dead had passed 900. The bridge "
                    "was built in 1974 at a cost of 8 million euros.")
    assert figs["8 million euros"]["attribution"] is None


def test_a_trailing_tag_the_tagger_reads_as_a_noun_is_still_a_tag():
    figs = _figures("The number of dead in Velin has risen to 146, with 150 injured, the Tarn "
                    "news agency reports, citing a fire official.")
    assert _source(figs["146"]) == "Tarn" and _source(figs["150"]) == "Tarn"  # the agency's name


def test_a_pronoun_giver_finds_its_antecedent_before_it_not_the_document_s_last_speakers():
    later = " ".join(f"{name} said the roads to {place} were closed." for name, place in (
        ("Ana Berro", "Kelm"), ("Tomas Vidal", "Orsk"), ("Lena Marsh", "Pilt"), ("Omar Dace", "Runa"),
        ("Ida Fenn", "Sarn"), ("Paul Greco", "Tolm"), ("Nora Hale", "Ulva"), ("Ivan Iles", "Vask"),
        ("Rita Jonas", "Wenn")))
    figs = _figures("The Interior Ministry in Velin said the quake had killed 820 people. Its previous "
                    "count had been 632 dead.\n\n" + later)
    assert _source(figs["632"]) == "Interior Ministry"


def test_a_speech_tag_set_off_by_commas_reports_the_whole_sentence():
    figs = _figures("Of the 120 injured in Velin, the hospital said, 40 had been sent home, 30 were "
                    "in stable condition and 12 were still in intensive care.")
    assert {_source(figs[n]) for n in ("40", "30", "12")} == {"hospital"}


def test_an_acronym_in_capitals_is_a_name_not_a_relative_pronoun():
    figs = _figures("Reuters: WHO says flood deaths in Velin near 300 as rains continue.\n\nMore rain fell.")
    assert _source(figs["near 300"]) == "WHO"


def test_a_tally_noun_with_no_giver_is_no_source():
    figs = _figures("The number of people confirmed dead in the collapse of the Velin mill, the "
                    "eight-storied building that came down on Wednesday, went on rising through "
                    "Friday and had reached 355 by the afternoon.")
    assert figs["355"]["attribution"] is None


def test_a_quotation_with_no_speaker_keeps_the_reports_inside_it():
    figs = _figures('Digest of the day.\n\n"According to new figures from the Velin health board '
                    'released on Friday, more than 4,500 people have now died in the epidemic." (10/17).')
    assert _source(figs["more than 4,500"]) == "velin health board"


def test_the_agency_of_an_umbrella_body_is_the_agency_quoted_before():
    figs = _figures("The World Health Organization said on Monday that 300 people had died of cholera "
                    "in Velin. Five other countries have recorded a further 13 deaths, the U.N. agency said.")
    assert _source(figs["13"]) == "World Health Organization"


def test_a_tally_with_a_giver_after_a_copula_and_a_preposition_is_the_giver_s():
    figs = _figures("The Velin health ministry said 132,000 people were missing. Its previous figure "
                    "for the missing was around 12,000.")
    assert _source(figs["around 12,000"]) == "Velin health ministry"


def test_a_counting_verb_s_phrase_the_parser_hangs_from_a_participle_still_completes_it():
    figs = _figures("A fire service official in Velin put the number rescued at about 2,000, saying "
                    "volunteers had carried out many more.")
    assert _source(figs["about 2,000"]) == "fire service official"


def test_a_clause_coordinated_with_the_report_is_not_reported():
    figs = _figures("Police in Velin put the death toll at 4,500, and 1 million people were driven "
                    "from their homes.")
    assert _source(figs["4,500"]) == "police" and figs["1 million"]["attribution"] is None
    figs = _figures("The governor of Velin told reporters that 127 people had died, and that 34 of "
                    "them died inside the stadium.")
    assert figs["34"]["attribution"] is not None


def test_a_number_right_after_a_name_in_a_gapped_list_is_that_name_s():
    figs = _figures("Algeria reported seven deaths, Senegal five, Tanzania four and Kenya three.")
    assert _source(figs["seven"]) == "Algerian government"
    assert _source(figs["four"]) == "Tanzanian government" and _source(figs["three"]) == "Kenyan government"


def test_a_count_set_against_a_report_in_a_while_clause_is_its_own_subject_s():
    figs = _figures("In Velin, the security ministry says 38,195 people were killed, while the disaster "
                    "centre puts the number at 30,920.")
    assert _source(figs["38,195"]) == "security ministry" and _source(figs["30,920"]) == "disaster centre"


def test_a_country_s_ministry_of_x_is_named_with_the_country():
    figs = _figures("Sudan's Ministry of Health said 46 people had died in Velin.")
    assert _source(figs["46"]) == "Sudanese Ministry of Health"


def test_a_country_fronted_before_a_generic_body_names_it():
    figs = _figures("In Sri Lanka, the Public Works Ministry says 380 people were killed in Velin.")
    assert _source(figs["380"]) == "Sri Lankan Public Works Ministry"


def test_a_country_s_generic_body_is_not_another_country_s_body_named_before():
    figs = _figures("The Tarnian Health Ministry said 769 were killed in Velin. "
                    "India's foreign ministry put the Indian toll at 45.")
    assert _source(figs["45"]) == "Indian foreign ministry"


def test_a_bare_title_is_the_one_person_named_with_it():
    figs = _figures("457 arrested in Velin unrest: minister\n\n"
                    "Interior Minister Jean Morel visited the police stations of Velin on Thursday.\n\n"
                    "The mayor said 12 shops burned. Mayor John Harris of Velin and Mayor David Brown of Tarn "
                    "visited them.")
    assert _source(figs["457"]) == "Jean Morel"
    assert _source(figs["12"]) == "mayor"  # two people carry the title


def test_a_figure_describing_the_speaker_is_not_what_the_speaker_says():
    figs = _figures("Tomas Brel, a fisherman who pulled out several survivors, told the Velin "
                    "Courier that he heard people calling from the water.")
    assert figs["several"]["attribution"] is None


def test_a_report_in_a_relative_clause_covers_only_that_clause():
    figs = _figures("The last three victims named were a farmer and his sons, whose identities "
                    "were confirmed by the coroner on Friday.")
    assert figs["three"]["attribution"] is None


def test_an_agentless_passive_before_a_speech_tag_leaves_the_figure_to_the_tag():
    figs = _figures("Of the 75 missing, the inspector said, 40 had been confirmed dead.")
    assert _source(figs["75"]) == "inspector" and _source(figs["40"]) == "inspector"


def test_a_second_speaker_who_speaks_of_a_figure_gives_it():
    figs = _figures("Organisers gave a much higher figure: they said 12,000 people had marched "
                    "in Velin, while the police spoke of 4,000.")
    assert _source(figs["4,000"]) == "police" and _source(figs["12,000"]) != "police"


def test_a_tag_whose_subject_the_parser_strands_still_gives_the_figures():
    figs = _figures("More than 40 miners were killed and dozens more hurt on Tuesday when the "
                    "shaft collapsed near Velin, a rescue committee close to the families said.")
    assert _source(figs["More than 40"]) == "rescue committee"


def test_evidence_that_confirms_a_figure_is_not_its_giver():
    figs = _figures("According to the health agency, Velin has recorded 40 suspected cases. "
                    "Blood tests have confirmed the disease in 11 of them.")
    assert _source(figs["11"]) == "health agency"


def test_a_scene_that_recalls_a_crowd_does_not_give_its_size():
    figs = _figures("For older marchers in Velin, the scene recalled 1989, when about 300,000 "
                    "people filled the streets.")
    assert figs["about 300,000"]["attribution"] is None


def test_a_count_list_read_as_a_clause_keeps_the_counting_verb_giver():
    figs = _figures("The rights commission said at least 90 people had died in Velin, while the "
                    "police's first report had put the figure at 70 dead and 110 injured.")
    assert _source(figs["70"]) == "police" and _source(figs["110"]) == "police"


def test_a_participle_report_on_a_noun_gives_only_that_noun_phrase():
    figs = _figures("The leaked study concludes that between 4,000 and 6,000 people were killed, "
                    "far below the 20,000 deaths announced by the mayor, Anna Brel, a year later.")
    assert _source(figs["between 4,000 and 6,000"]) == "leaked study"
    assert _source(figs["20,000"]) == "Anna Brel"


def test_a_report_after_a_subordinator_read_as_a_preposition_keeps_its_subject():
    figs = _figures("The region on Monday revised the count of people killed in the flood to 60, "
                    "after an initial statement mistakenly said that 85 people had died.")
    assert _source(figs["85"]) == "initial statement"


def test_the_counted_are_not_who_fears_the_figure():
    figs = _figures("Velin dam: 40 villagers now feared dead after flood")
    assert figs["40"]["attribution"] is None


def test_a_scene_setting_description_before_the_speaker_is_the_outlets():
    figs = _figures("In Velin, a hamlet near the dam about 30 km (19 miles) north of Tarn, "
                    "farmers said they had lost every herd to the water.")
    assert figs["about 30 km"]["attribution"] is None


def test_a_verdict_after_a_figure_disputes_it():
    figs = _figures("Velin says 87 killed in raid, critics say too low")
    assert "disputed" in _flags(figs["87"])
    figs = _figures("The council in Tarn said 40 people were killed and 12 were hurt in the clashes.")
    assert "disputed" not in _flags(figs["40"])


def test_a_denial_phrase_before_a_figure_disputes_it():
    figs = _figures("Tarn unable to explain death toll of 4,300")
    assert "disputed" in _flags(figs["4,300"])


def test_the_figure_set_aside_by_rather_than_is_disputed():
    figs = _figures("The governor of Tarn said the toll would be nearer 300 rather than the 2,000 "
                    "that village heads had feared.")
    assert "disputed" in _flags(figs["2,000"])
    assert "disputed" not in _flags(figs["300"])


def test_a_figure_that_does_not_square_with_events_is_disputed():
    figs = _figures("The figure of 140, the union said, does not square with what workers saw in Velin.")
    assert "disputed" in _flags(figs["140"])


def test_a_denial_phrase_that_refers_back_disputes_no_later_figure():
    figs = _figures("Doctors in Velin said 90 people were killed. Officials questioned the figure, "
                    "saying 46 people had died.")
    assert "disputed" not in _flags(figs["46"])
    figs = _figures("Officials in Velin questioned claims that 90 people were killed.")
    assert "disputed" in _flags(figs["90"])


def test_an_event_noun_is_never_the_giver_of_a_tally():
    figs = _figures("Toll From Velin Tsunami Rises to 3,000")
    assert figs["3,000"]["attribution"] is None


def test_an_event_noun_subject_of_a_figure_verb_gives_nothing():
    figs = _figures("The flood claimed 40 lives in Velin.")
    assert figs["40"]["attribution"] is None


def test_a_gapped_giver_phrase_ends_before_its_number():
    figs = _figures("Velonia reported seven deaths, Tarnland five, Norvia four.")
    assert figs["five"]["attribution"]["source"] == "Tarnland"


def test_a_clause_the_outlet_adds_after_the_reported_one_is_not_reported():
    figs = _figures("The mayor said the bridge would reopen soon, and aid groups began to send teams "
                    "to Velin, where about 40 percent of the 9,000 people live below the poverty line.")
    assert figs["about 40 percent"]["attribution"] is None


def test_a_figure_in_a_second_reported_clause_stays_reported():
    figs = _figures("The mayor said the bridge had collapsed, and that 300 people were trapped in Velin.")
    assert _source(figs["300"]) == "mayor"


def test_the_last_of_a_chain_of_labels_is_the_giver():
    figs = _figures("Velin Daily: Health ministry: flood toll rises to 310")
    assert _source(figs["310"]) == "health ministry"


def test_a_body_line_without_a_full_stop_takes_its_label_as_a_headline_does():
    figs = _figures("Flood in Velin\n\nThe weekly digest of coverage follows.\n\n"
                    "Velin Daily: Health ministry: flood toll in Velin rises to 310\n\n"
                    "Rescuers kept digging on Sunday.")
    assert _source(figs["310"]) == "health ministry"


def test_a_verb_left_without_its_object_takes_the_first_conjunct_of_the_next_subject():
    figs = _figures("Their aim is to beat March 9, when police counted 1.5 million participants and the "
                    "inter-union alliance claimed more than 3 million on the streets of Velin.")
    assert _source(figs["1.5 million"]) == "police"
    assert _source(figs["more than 3 million"]) == "inter-union alliance"


def test_a_body_s_people_named_by_a_possessive_speak_for_the_body():
    figs = _figures("Police said 40,000 people marched in Velin. The Velin Survey Institute, which opened "
                    "last year, offered a third set of numbers. Its teams counted between 16,000 and 20,000 "
                    "people crossing the bridge.")
    assert _source(figs["between 16,000 and 20,000"]) == "Velin Survey Institute"


def test_a_draft_is_a_document_never_the_he_of_a_later_quotation():
    figs = _figures("The leaked draft concludes that between 4,000 and 6,000 people were killed in Velin. "
                    "Its lead author, the geographer Marek Brel, has declined to discuss it. "
                    "\"At about 5,000 dead, that is still a tragedy,\" he told one interviewer.")
    assert _source(figs["about 5,000"]) == "Marek Brel"


def test_a_pronoun_opening_a_sentence_stands_for_the_body_subject_before_it():
    figs = _figures("The Velin Police Agency said 40 people were killed in the crush. The government has "
                    "designated the district as a disaster zone. It has also said it will pay up to "
                    "15 million won per victim.")
    assert _source(figs["up to 15 million"]) == "government"


def test_a_sentence_the_page_broke_at_a_line_keeps_its_speaker():
    figs = _figures("Rescue in Velin\n\nThe civil defence says it has sent around 400 rescuers and more than "
                    "20 ambulances\n\nto the valley, and the injured are being taken to four hospitals nearby."
                    "\n\nThe river kept rising.")
    assert _source(figs["four"]) == "civil defence"


def test_what_happened_after_the_report_is_told_by_the_outlet():
    figs = _figures("The police reported 80 deaths in a first statement, before the number was raised to 95 "
                    "by officials and then brought down to 78.")
    assert _source(figs["80"]) == "police" and _source(figs["95"]) == "officials"
    assert figs["78"]["attribution"] is None


def test_people_who_saw_a_crowd_give_its_size_a_town_that_saw_one_does_not():
    figs = _figures("A Velin Herald correspondent saw hundreds of people streaming into the square. "
                    "Tarn saw around 12,000 marchers on Sunday.")
    assert _source(figs["hundreds"]) == "Velin Herald"
    assert figs["around 12,000"]["attribution"] is None


def test_a_name_the_tagger_reads_as_an_adverb_is_the_speaker():
    figs = _figures("Dr Mark Hartly treated the first patient in Velin. Hartly said people should not worry "
                    "because they live 100 miles from the hospital.")
    assert _source(figs["100 miles"]) == "Mark Hartly"


def test_a_count_frame_hanging_from_the_gapped_number_gives_it():
    figs = _figures("Tarn broke its record, with 22,000 marchers on the police count and 31,000 by the "
                    "unions' reckoning, beating the old mark.")
    assert _source(figs["31,000"]) == "unions"


def test_an_opening_count_frame_gives_every_clause_of_the_sentence():
    figs = _figures("By the clinic's account, 41 of them had gone home, 19 were stable and another 10 "
                    "remained under treatment.")
    assert _source(figs["19"]) == "clinic" and _source(figs["10"]) == "clinic"


def test_that_of_a_giver_under_a_count_frame_is_its_tally():
    figs = _figures("In Tarn the gap was widest: 7,000 marchers by the prefecture's count, 160,000 by "
                    "that of the unions.")
    assert _source(figs["160,000"]) == "unions"


def test_a_tally_set_at_a_figure_hung_on_a_relative_clause_keeps_its_setter():
    figs = _figures("Elsewhere, Velin's foreign ministry has put the number of Velinese who died at 45.")
    assert _source(figs["45"]) == "foreign ministry"
    figs = _figures("Kenya has been the loudest critic, and on Monday it put the number who died at 61.")
    assert _source(figs["61"]) == "Kenyan government"
    figs = _figures("Officials cut the toll, which had stood at 150, to 125.")
    assert figs["150"]["attribution"] is None and _source(figs["125"]) == "officials"


def test_an_agentless_passive_inside_a_sourced_report_is_that_sources():
    figs = _figures("According to the geological survey, Velin had not seen a deadlier quake since 1960, when "
                    "an earthquake was estimated to have left at least 12,000 people dead.")
    assert _source(figs["at least 12,000"]) == "geological survey"


def test_an_agentless_passive_note_yields_to_the_speech_tag_governing_the_figure():
    figs = _figures("Up to 4,000 people may have died on the islands, officials there said, but with many "
                    "islands cut off, that estimate could not be confirmed.")
    assert _source(figs["Up to 4,000"]) == "officials"


def test_a_report_before_a_colon_gives_the_figures_after_it():
    figs = _figures("Tarn's head of peacekeeping, Alain Rey, gives a grim update: 16 peacekeepers have now been "
                    "recovered dead, while about 150 members of staff are unaccounted for.")
    assert _source(figs["16"]) == "Alain Rey" and _source(figs["about 150"]) == "Alain Rey"


def test_a_trailing_tag_the_parser_misreads_still_gives_the_figure():
    figs = _figures("Upward of a million people joined Sunday's protest against the bill in Tarn, organizers "
                    "of the march say, a turnout that would make it the largest in years.")
    assert _source(figs["Upward of a million"]) == "organizers of the march"


def test_a_clause_of_its_own_after_a_comma_is_no_trailing_tag():
    figs = _figures("Hospitals took in 81 people that day as officers fired rubber bullets, and the police "
                    "reported 22 injuries in their own ranks.")
    assert figs["81"]["attribution"] is None


def test_a_report_with_its_own_clause_after_a_semicolon_does_not_reach_back():
    figs = _figures("The carrier USS Velin left Tarn carrying roughly 5,000 sailors and over 80 aircraft; the "
                    "Pentagon said it should arrive within two to three days.")
    assert figs["roughly 5,000"]["attribution"] is None and figs["over 80"]["attribution"] is None


def test_a_bare_tag_after_a_semicolon_list_still_covers_it():
    figs = _figures("40 people died in Tarn; 30 were hurt, police said.")
    assert _source(figs["40"]) == "police"


def test_a_participle_listing_the_figure_in_a_givers_report_names_it():
    figs = _figures("The toll was well above the 180 injured listed in the Tarn Police's initial report.")
    assert _source(figs["180"]) == "Tarn Police"


def test_a_part_opened_by_including_takes_the_giver_of_its_whole():
    figs = _figures("The first numbers came from Tarn Police chief Karl Obi, who told reporters before dawn "
                    "that 127 people were dead, including two police officers.")
    assert _source(figs["two"]) == "Karl Obi"


def test_a_passive_counting_verb_whose_subject_holds_the_figure_names_its_agent():
    figs = _figures("A reading of 7 on the Richter scale was measured by Velin's seismic network. "
                    "Hundreds of people were seen by a Tarn Herald correspondent heading to the square.")
    assert "seismic network" in (_source(figs["7"]) or "")
    assert _source(figs["Hundreds"]) == "Tarn Herald"


def test_a_gapped_number_after_a_givers_tally_as_attribute_is_the_givers():
    figs = _figures("The Interior Ministry's tally was 1.089 million across Velin and 119,000 for Tarn.")
    assert _source(figs["119,000"]) == "Interior Ministry"


def test_another_sources_failed_check_of_a_figure_flags_that_figure():
    figs = _figures("At least 153 people have died, according to the Velin rights commission.\n\n"
                    "The commission did not explain how it reached 153 deaths, and other officials "
                    "could not confirm that number.")
    assert "unverified" in _flags(figs["At least 153"])


def test_another_sources_failed_check_of_reports_is_no_note():
    figs = _figures("Residents said 30 shops were looted in Tarn. Police could not confirm the reports.")
    assert "unverified" not in _flags(figs["30"])


def test_an_unchecked_adjective_binds_the_number_it_names():
    figs = _figures("Provincial officials in Velin estimate some 10,000 people were killed.\n\n"
                    "Rescuers found 40 bodies near the river.\n\n"
                    "The police chief said the 10,000 figure remained unconfirmed.")
    assert "unverified" in _flags(figs["some 10,000"])
    assert "unverified" not in _flags(figs["40"])


def test_a_rejection_of_claims_with_their_content_reaches_back_to_nothing():
    figs = _figures("The governor said 300 people died in Tarn. The spokeswoman rejected claims that "
                    "the government was hiding the toll.")
    assert "disputed" not in _flags(figs["300"])


def test_a_figure_a_source_rejects_is_disputed_wherever_it_is_stated():
    text = ("The doctors' committee was reporting 108 deaths in Velin by Monday.\n\n"
            "The committee says the real toll is 108, a figure the ministry rejects.")
    quantities = [q for c in pipeline.extract(text) for q in c["quantities"]]
    assert len(quantities) == 2 and all("disputed" in _flags(q) for q in quantities)


def test_by_an_estimate_frames_the_figures_of_what_it_modifies():
    figs = _figures("More than 1 million people have ended up in camps in Velin, by the estimate of the "
                    "migration agency. Rescuers in Tarn found 40 bodies by the river.")
    assert "estimated" in _flags(figs["More than 1 million"])
    assert "estimated" not in _flags(figs["40"])


def test_a_confirmed_count_states_a_figure_and_vouches_for_no_other():
    figs = _figures("More than 750 people have been confirmed dead in Velin. Roughly 225,000 people "
                    "have been displaced.")
    assert "verified" not in _flags(figs["Roughly 225,000"])


def test_a_question_of_sourcing_binds_the_number_it_names():
    figs = _figures("Velin Cannot Say How It Counted 230,000 Dead\n\n"
                    "The government of Velin now puts the toll at 230,000. Rescuers found 40 bodies on Monday.")
    assert {q["text"] for q in figs.values() if "unverified" in _flags(q)} == {"230,000"}


def test_a_note_naming_the_giver_after_its_noun_covers_that_givers_figures():
    figs = _figures("A fever has killed at least 59 people in Guinea, officials say.\n\nThe disease spreads "
                    "fast.\n\nIn 1976 an outbreak killed about 280 people in Zaire.\n\n"
                    "There was no independent confirmation of the figures from Guinea.")
    assert "unverified" in _flags(figs["at least 59"]) and "unverified" not in _flags(figs["about 280"])


def test_a_correction_disputes_the_number_it_sets_aside_where_it_was_stated():
    text = ("The school put 325 students and 15 teachers on the ferry in Velin.\n\n"
            "The school website lists 14 teachers on the trip, not 15.")
    first = pipeline.extract(text)[0]["quantities"]  # the sentence that first states the 15
    assert [q["text"] for q in first if "disputed" in _flags(q)] == ["15"]


def test_a_note_naming_a_number_leaves_the_other_figures_of_a_claim_alone():
    figs = _figures("Soria said the storm in Velin wiped out 70 to 80 percent of the houses, and that the "
                    "10,000 figure came from the governor. The police chief said the 10,000 figure "
                    "remained unconfirmed.")
    assert "unverified" in _flags(figs["10,000"]) and "unverified" not in _flags(figs["70 to 80 percent"])


def test_a_rejection_naming_its_content_is_no_uncertainty_cue_of_its_own_sentence():
    claims = pipeline.extract("The Velin mayor rejected reports that his deputy had resigned.", keep_all=True)
    assert not [h for c in claims for h in c["hedges"] if h["type"] == "disputed"]


def test_those_numbers_in_a_though_clause_name_every_figure_before_it():
    f = _figures("Elsewhere, some 2,300 people were reportedly hurt and about 90,000 villagers lost their "
                 "homes, though those numbers have not been confirmed by the relief agency.")
    assert "unverified" in _flags(f["some 2,300"]) and "unverified" in _flags(f["about 90,000"])
    one = _figures("Officials said 500 people were hurt and the toll had reached 127, although that "
                   "figure could not be confirmed.")
    assert "unverified" in _flags(one["127"]) and "unverified" not in _flags(one["500"])


def test_a_second_checking_note_in_a_sentence_reaches_its_own_content():
    f = _figures("The mayor of Varna said on Monday that no one was killed in the clashes, though he put "
                 "the number of injured at about 30.\n\n\"We are relieved,\" Petar Ivanov told reporters, "
                 "rejecting what he called rumours.\n\nA rights group had said earlier that \"many\" marchers "
                 "were killed at the square.\n\n\"We are still counting,\" its spokeswoman said. The toll has "
                 "not been independently confirmed, and The Herald was unable to verify either the mayor's "
                 "figure or reports of deaths shared online.")
    assert "unverified" in _flags(f["about 30"])


def test_a_time_word_on_a_noted_estimate_names_no_giver():
    f = _figures("Flood survivors queued for water on Tuesday across the delta, where district officials "
                 "estimate some 4,000 people were killed.\n\nThe federal government has not confirmed the "
                 "weekend estimate of 4,000 dead, which came from district officials. Its own count stood "
                 "at 310 on Tuesday.")
    assert "unverified" in _flags(f["some 4,000"]) and "unverified" not in _flags(f["310"])


def test_yet_to_confirm_a_figure_leaves_it_unverified():
    f = _figures("About 40 people may have died in the fire, but police have yet to confirm the number.")
    assert "unverified" in _flags(f["About 40"])
    g = _figures("About 40 people died in the fire, police said, and they confirmed the number on Friday.")
    assert "unverified" not in _flags(g["About 40"])


def test_producing_no_evidence_for_a_figure_leaves_it_unsourced():
    f = _figures("The rebels claim that more than 900 soldiers died. They have produced no evidence for "
                 "their figure, which the army has dismissed.")
    assert "unverified" in _flags(f["more than 900"])
    g = _figures("The rebels claim that more than 900 soldiers died. They have produced photographs of "
                 "the graves.")
    assert "unverified" not in _flags(g["more than 900"])


def test_a_note_on_any_of_these_numbers_stops_at_its_live_blog_entry():
    text = ("Flood in Ruritania: live updates\n\n"
            "2140 The navy says 12 ships have left port with food and tents for the delta.\n\n"
            "2105 Donors have pledged more than $40m in aid so far, the relief agency says.\n\n"
            "1930 Nobody agrees on the toll. The Red Cross thinks 8,000 may have drowned, while the "
            "interior minister said he believed 20,000 were dead. The Herald cannot check any of these "
            "numbers independently.")
    f = _figures(text)
    assert "unverified" in _flags(f["8,000"]) and "unverified" in _flags(f["20,000"])
    assert "unverified" not in _flags(f["12"]) and "unverified" not in _flags(f["more than $40m"])


def test_a_cause_that_claims_lives_gives_no_figure():
    figs = _figures("The rebellion, now close to a decade old, has claimed tens of thousands of lives "
                    "and driven millions of people from their homes.")
    assert figs["tens of thousands"]["attribution"] is None and figs["millions"]["attribution"] is None
    g = _figures("Typhus, which broke out in May, has claimed more than 4,000 lives in Velin.")
    assert g["more than 4,000"]["attribution"] is None


def test_a_figure_put_somewhere_is_no_count_but_a_toll_put_at_one_is():
    figs = _figures("Marlow Academy had put 310 pupils and 12 teachers on the boat for the trip.")
    assert figs["310"]["attribution"] is None and figs["12"]["attribution"] is None
    assert _figures("The Velin Union put up 5 million euros in aid.")["5 million euros"]["attribution"] is None
    assert _source(_figures("Rescuers put the number rescued at about 2,000.")["about 2,000"]) == "rescuers"


def test_a_headline_tag_is_no_label_and_is_dropped_before_one():
    assert _headline_figures("LIVE: flood toll in Velin tops 832")["tops 832"]["attribution"] is None
    assert _headline_figures("BREAKING: fever toll in Velin passes 900")["passes 900"]["attribution"] is None
    assert _source(_headline_figures("UPDATE 2-WHO: fever toll in Velin passes 900")["passes 900"]) == "WHO"


def test_quoted_as_saying_gives_the_one_quoted():
    figs = _figures("A Velin news site put the number hurt at 28, while a wire service quoted the governor "
                    "as saying 30 people were hurt.")
    assert _source(figs["30"]) == "governor" and _source(figs["28"]) == "velin news site"


def test_a_tally_named_by_a_body_noun_or_its_own_clause_gives_its_figure():
    assert _source(_figures("The toll has climbed from an early police figure of 20.")["20"]) == "police"
    figs = _figures("The unions put the turnout at 245,000, compared with a figure of 30,000 that police "
                    "had counted.")
    assert _source(figs["30,000"]) == "police" and _source(figs["245,000"]) == "unions"
    # a place that modifies the toll is not its giver
    g = _figures("The Velin death toll of 40 was confirmed by officials on Monday.")
    assert _source(g["40"]) == "officials"


def test_a_belief_set_off_as_an_aside_gives_the_clause_it_frames():
    figs = _figures("In all, police believe, 293 people were in the building as the fire took hold.")
    assert _source(figs["293"]) == "police"


def test_the_that_clause_of_a_givers_estimate_or_claim_is_theirs():
    figs = _figures("Marta Velo was removed because of his estimate last Sunday that 10,000 people had died.")
    assert _source(figs["10,000"]) == "Marta Velo"
    assert _source(_figures("The ministry's claim that 300 were killed was disputed.")["300"]) == "ministry"


def test_a_figure_in_the_source_counts_or_describes_the_speakers():
    figs = _figures("The lane is roughly four metres wide, several people said, and it was packed.")
    assert figs["several"]["attribution"] is None and _source(figs["roughly four metres"]) == "people"
    g = _figures("In a school turned into a shelter, Ana Velo, a mother of four who lost her house, said "
                 "the family's food had been soaked.")
    assert g["four"]["attribution"] is None


def test_a_free_relative_reports_only_its_own_clause():
    figs = _figures("Floodwater along the Tarn reached six metres deep in places, turning farmland into what "
                    "aid workers described as an inland sea.")
    assert figs["six metres"]["attribution"] is None


def test_names_listed_after_a_colon_are_items_not_givers():
    figs = _figures("After visiting three clinics, the governor listed the wounded this way: Saint Mary 11, "
                    "the General Hospital 10 and Velin four.")
    assert _source(figs["four"]) == "governor"
    g = _figures("Velin reported seven deaths, Tarn five, Marlow four.")
    assert _source(g["five"]) == "Tarn"


def test_a_fronted_clause_of_what_the_speaker_did_is_not_reported():
    figs = _figures("After visiting three clinics, the governor said 25 people had been wounded.")
    assert figs["three"]["attribution"] is None and _source(figs["25"]) == "governor"


def test_a_figure_describing_a_place_in_an_aside_is_background():
    figs = _figures("A wall collapsed in Tarn, a town 17 km from Velin, killing eight people, a spokesman said.")
    assert figs["17 km"]["attribution"] is None and _source(figs["eight"]) == "spokesman"
    g = _figures("Officials in Velin, a city of 350,000, said 40 people died.")
    assert g["350,000"]["attribution"] is None and _source(g["40"]) == "officials"


def test_a_report_that_did_not_happen_gives_no_figure():
    figs = _figures("Some 1,500 people were reportedly injured, though those numbers have not been confirmed "
                    "by the agency.")
    assert _source(figs["Some 1,500"]) != "agency"


def test_claiming_an_attack_reports_nothing():
    figs = _figures("The group did claim an assault on a hotel in which at least 27 people were killed.")
    assert figs["at least 27"]["attribution"] is None


def test_a_live_blog_entry_opens_with_a_stamp_on_its_own_line_above_a_heading():
    text = ("Flood in Ruritania: live updates\n\n"
            "9:40 pm\nShips leave port\nThe navy says 12 ships have left port with food and tents for "
            "the delta.\n\n"
            "8:00 am\nOvernight claims\nResidents said 30 people drowned, and some accounts put the "
            "figure at 45. None of these numbers could be confirmed.")
    f = _figures(text)
    assert "unverified" in _flags(f["30"]) and "unverified" in _flags(f["45"])
    assert "unverified" not in _flags(f["12"])


def test_a_time_code_above_running_text_opens_no_entry():
    text = ("Flood in Ruritania: transcript\n\n"
            "[00:22]\nThe navy says 12 sailors have died in the delta.\n\n"
            "[00:39]\nResidents said 30 people drowned. The Herald cannot check any of these numbers.")
    f = _figures(text)
    assert "unverified" in _flags(f["30"]) and "unverified" in _flags(f["12"])


@pytest.mark.parametrize("note, flagged", [
    ("The Herald could not establish which of the two breakdowns is correct.", True),
    ("The Herald could not establish which of the two ministers spoke first.", False),
])
def test_which_of_the_two_names_what_a_note_is_about(note, flagged):
    figs = _figures("The ministry listed 40 dead in Tarn. A leaked copy gave a lower breakdown: "
                    "30 dead and 9 injured. " + note)
    assert ("unverified" in _flags(figs["30"])) is flagged and ("unverified" in _flags(figs["9"])) is flagged


@pytest.mark.parametrize("note, flagged", [
    ("and said they were still being checked.", True),
    ("and said they had been checked.", False),
])
def test_figures_a_source_says_are_still_being_checked_are_unverified(note, flagged):
    figs = _figures("The Red Cross said its teams had reported about 1,000 dead in Tarn and 200 in Orsk. "
                    "She described the numbers as preliminary " + note)
    assert ("unverified" in _flags(figs["200"])) is flagged


def test_a_hedge_on_the_subject_of_be_hedges_what_it_is_said_to_be():
    assert "estimated" in _flags(_figures("The estimated toll in Tarn is 4,500.")["4,500"])
    f = _figures("The reported turnout was around 12,000 in Tarn.")
    assert "reported" in _flags(f["around 12,000"])
    assert "reported" not in _flags(_figures("The turnout was around 12,000 in Tarn.")["around 12,000"])
    # "reported" on a subject that is not said to be a number is no cue
    assert "reported" not in _flags(_figures("The reported attack on the convoy killed 12 soldiers.")["12"])


def test_a_warning_that_the_true_number_may_never_be_known_checks_no_figure():
    figs = _figures("Officials in Tarn said 80 people died. They warn that the true number may never be "
                    "established.")
    assert "unverified" not in _flags(figs["80"])


def test_a_relative_clause_set_off_by_a_comma_does_not_say_what_is_counted():
    f = _figures("More than 750 people have died in the three countries, which on current counts would "
                 "place the storm second.")
    assert "conditional" not in _flags(f["three"])
    g = _figures("Five deaths that may be linked to the virus were reported in Tarn.")
    assert "speculative" in _flags(g["Five"])


@pytest.mark.parametrize("charge, disputed", [
    ("Many residents go further, charging that the council has padded the numbers.", True),
    ("Critics say the count is inflated.", True),
    ("Farmers accuse the governor of exaggerating the death toll.", True),
    ("Nobody believes the figures were inflated.", False),
    ("The council denied that the numbers were inflated.", False),
    ("Reporters asked whether the toll had been exaggerated.", False),
    ("Prices have been inflated by the shortage.", False),
])
def test_a_charge_that_the_numbers_were_inflated_disputes_every_figure_before(charge, disputed):
    text = ("Velin Cannot Say How It Counted 900 Dead\n\nThe council in Velin now puts the number killed "
            "at 900. The toll was 410 a week ago.\n\nRelief crews say they are short of water.\n\n" + charge)
    figs = [q for claim in pipeline.extract(text) for q in claim["quantities"]]
    assert [q["text"] for q in figs] == ["900", "900", "410"]  # the headline's note too
    assert all(("disputed" in _flags(q)) is disputed for q in figs)


def test_a_counting_participle_after_its_clause_counts_for_that_clauses_subject():
    figs = _figures("The Velin coroner recorded 88 deaths, counting 31 bodies found on the riverbank. "
                    "Residents fled the town, leaving 12 houses empty.")
    assert _source(figs["31"]) == _source(figs["88"]) is not None
    assert figs["12"]["attribution"] is None


def test_the_rest_of_a_set_after_a_semicolon_goes_on_with_the_report_before_it():
    figs = _figures("Warden Ola Brenn said 31 inmates had been moved to Tarn; the remaining 12 prisoners "
                    "were still in their cells. The bridge was closed; the other 9 lorries waited.")
    assert _source(figs["12"]) == "Ola Brenn"
    assert figs["9"]["attribution"] is None


def test_a_partitive_subject_pointing_back_is_a_part_of_the_figure_before_it():
    figs = _figures("Tarn clinics logged 812 cases, and 40 of them were fatal. "
                    "Velin counts 300 houses, all but nine of them built of wood.")
    assert _source(figs["40"]) == _source(figs["812"]) is not None
    assert figs["nine"]["attribution"] is None


def test_a_note_about_her_figures_leaves_the_outlet_s_own_figures_alone():
    text = ("Doctors in Velin said 35 protesters were killed on Monday. The march was watched live by "
            "hundreds of thousands of viewers. {} figures could not be independently confirmed.")
    mine, theirs = _figures(text.format("Their")), _figures(text.format("The"))
    assert "unverified" in _flags(mine["35"]) and "unverified" not in _flags(mine["hundreds of thousands"])
    assert "unverified" in _flags(theirs["hundreds of thousands"])


def test_a_note_naming_a_number_leaves_a_range_ending_in_that_number_alone():
    figs = _figures("The governor said 10,000 people had died in Tarn. A district that had been home to "
                    "between 10,000 and 12,000 people now stood empty. The police chief said the 10,000 "
                    "figure remained unconfirmed.")
    assert "unverified" in _flags(figs["10,000"])
    assert "unverified" not in _flags(figs["between 10,000 and 12,000"])


@pytest.mark.parametrize("note, flagged", [
    ("The toll is unconfirmed.", True),
    ("The toll is high.", False),
])
def test_a_toll_said_to_be_unconfirmed_is_unverified(note, flagged):
    figs = _figures("Local media in Tarn said 200 people died on Sunday. " + note)
    assert ("unverified" in _flags(figs["200"])) is flagged


def test_a_note_from_another_sentence_leaves_counts_of_places_alone():
    figs = _figures("Officials said the floods killed 200 people in 40 districts. Six countries sent rescue "
                    "teams. The figures could not be verified.")
    assert "unverified" in _flags(figs["200"])
    assert "unverified" not in _flags(figs["40"]) and "unverified" not in _flags(figs["Six"])


@pytest.mark.parametrize("stamp", ["17:05 GMT", "12.34pm BST", "9:40 pm"])
def test_a_clock_stamp_with_its_time_zone_opens_a_live_blog_entry(stamp):
    text = ("Flood in Ruritania: live updates\n\n"
            f"{stamp}\nShips leave port\nThe navy says 12 ships have left port with food and tents for "
            "the delta.\n\n"
            f"{stamp}\nOvernight claims\nResidents said 30 people drowned, and some accounts put the "
            "figure at 45. The Herald could not verify any of these numbers.")
    f = _figures(text)
    assert "unverified" in _flags(f["30"]) and "unverified" in _flags(f["45"])
    assert "unverified" not in _flags(f["12"])


def test_one_according_to_found_twice_is_not_two():
    figs = _figures("Authorities estimate that some 2 million people were affected and that no fewer "
                    "than 23,000 houses were damaged, according to the AP.")
    assert _source(figs["no fewer than 23,000"]) == _source(figs["some 2 million"]) == "authorities"


@pytest.mark.parametrize("text, figure, giver", [
    ("Police estimated the crowd at 19,000, Reuters reported.", "19,000", "police"),
    ("Officials reckoned that some 400 people were trapped in Velin, Reuters reported.", "some 400", "officials"),
    ("That recovery brought the official death toll to 295, Reuters said.", "295", "Reuters"),
])
def test_an_outlets_tag_relays_the_count_or_belief_of_the_clause_it_tags(text, figure, giver):
    assert _source(_figures(text)[figure]) == giver


def test_a_figure_counting_whom_the_giver_cites_has_no_giver():
    figs = _figures("Velin police, citing several hospital officials, put the toll at 80. The deputy "
                    "governor said 125 deaths had been confirmed, citing lists from 10 local clinics.")
    assert figs["several"]["attribution"] is None and _source(figs["80"]) == "velin police"
    assert _source(figs["10"]) == _source(figs["125"]) is not None


def test_a_participle_of_state_is_no_report_and_a_colon_gives_its_figures():
    figs = _figures("Copies circulating in the Tarn press gave a lower breakdown: nine villagers "
                    "confirmed dead and four presumed dead.")
    assert _source(figs["nine"]) == _source(figs["four"]) == "copies"


def test_a_fronted_phrase_of_time_sets_the_scene_in_the_outlets_voice():
    figs = _figures("Hours before the flood in Velin that killed at least 56 people, residents had been "
                    "telling officials the river was rising.")
    assert figs["at least 56"]["attribution"] is None


def test_a_clause_of_time_on_a_year_is_history_no_one_gives():
    figs = _figures("Older residents said the storm brought back memories of 1998, when about 300 people "
                    "died in Velin. Officials said the toll rose on Monday, when 40 more bodies were found. "
                    "Witnesses said troops fired at 7 pm (1800 GMT), when several hundred people were there.")
    assert figs["about 300"]["attribution"] is None
    assert _source(figs["40"]) == "officials" and _source(figs["several hundred"]) == "witnesses"


def test_a_report_in_a_clause_set_against_another_gives_only_its_own():
    figs = _figures("Southern Velin had at least 461 dead, while more than 30 deaths were reported by "
                    "Tarn officials. The mayor said 90 had died, while President Ola Brenn said that "
                    "30,000 had died.")
    assert figs["at least 461"]["attribution"] is None and _source(figs["more than 30"]) == "tarn officials"
    assert _source(figs["90"]) == "mayor" and _source(figs["30,000"]) == "Ola Brenn"


def test_a_figure_in_a_phrase_on_the_speakers_describes_them():
    figs = _figures("Forensic experts from more than two dozen nations are still identifying victims in Velin.")
    assert figs["more than two dozen"]["attribution"] is None


@pytest.mark.parametrize("text, flagged", [
    ("According to unverified figures, 200 people died in Tarn.", True),
    ("According to unconfirmed counts, 200 people died in Tarn.", True),
    ("According to official figures, 200 people died in Tarn.", False),
])
def test_a_hedging_adjective_on_the_source_of_according_to_hedges_its_figures(text, flagged):
    assert ("unverified" in _flags(_figures(text)["200"])) is flagged


@pytest.mark.parametrize("headline, flagged", [
    ("Fever kills 59", True),
    ("Fever kills 70", False),
])
def test_a_headline_restating_a_named_givers_figure_is_under_its_note(headline, flagged):
    figs = _figures(headline + "\n\nHealth officials in Velin said on Saturday that at least 59 people had "
                    "died of the fever. Rebels said 12 more died in Tarn.\n\n"
                    "There was no way to independently verify the death toll given by Velin.")
    assert "unverified" in _flags(figs["at least 59"])
    assert "unverified" not in _flags(figs["12"])
    assert ("unverified" in _flags(figs[headline.split()[-1]])) is flagged


@pytest.mark.parametrize("note, flagged", [
    ("Police have not responded to those claims, which could not be verified.", True),
    ("Police have not responded to those claims, which were made on the radio.", False),
])
def test_a_which_clause_saying_the_claims_were_not_checked_is_a_note(note, flagged):
    figs = _figures("Residents in Velin say 300 people died. " + note)
    assert ("unverified" in _flags(figs["300"])) is flagged
