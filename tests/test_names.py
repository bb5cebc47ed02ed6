"""The shared name resolver (pipeline/names.py): data in models/names."""
from __future__ import annotations


def test_a_country_s_adjective_by_any_of_its_names():
    from pipeline.names import demonym
    assert demonym("Morocco") == "Moroccan" and demonym("Burma") == "Myanmar"
    assert demonym("the Netherlands") == "Dutch" and demonym("Velin") is None


def test_one_key_for_the_spellings_of_one_body():
    from pipeline.names import name_key
    assert name_key("U.S. Geological Survey") == name_key("the US Geological Survey")
    assert name_key("the Ministry of Interior") == name_key("Interior Ministry")
    assert name_key("International Organisation for Migration") == name_key("International Organization for Migration")
    assert name_key("Health Ministry") != name_key("Interior Ministry")


def test_name_key_reads_a_body_noun_before_of_as_the_name_s_head():
    from pipeline.inspect.ledger import same_source, source_key
    from pipeline.names import name_key

    assert name_key("Central Committee of Velinese Farmers").endswith(name_key("Velinese Farmers' Committee"))
    assert not name_key("International Office of the Tarn Guild").endswith(name_key("Tarn Guild"))
    assert same_source(source_key("DTA"), source_key("Department of Tarn Affairs"))  # the acronym still fits


def test_name_key_reads_a_country_as_its_adjective_and_drops_a_plural_possessive():
    from pipeline.names import name_key

    assert name_key("the Chad Farmers' Union") == name_key("Chadian farmers union")
    assert name_key("South Korea police") == name_key("South Korean police")
    assert name_key("Jordan's health ministry") == name_key("the Jordanian Ministry of Health")


def test_a_country_s_authorities_are_its_government_when_sources_are_compared():
    from pipeline.inspect.ledger import same_source, source_key

    assert same_source(source_key("Chadian authorities"), source_key("the Chadian government"))
    assert same_source(source_key("Chad's authorities"), source_key("Chad's government"))
    assert not same_source(source_key("local authorities"), source_key("local government"))
    assert not same_source(source_key("Chadian police"), source_key("Chadian government"))
    assert source_key("Chadian authorities") == "chadian authorities"  # the key keeps its noun


def test_a_country_s_unnamed_officials_speak_for_its_government_when_sources_are_compared():
    from pipeline.inspect.ledger import same_source, source_key

    assert same_source(source_key("Chadian officials"), source_key("the Chadian government"))
    assert not same_source(source_key("health officials"), source_key("health government"))
    assert source_key("Chadian officials") == "chadian officials"  # the key keeps its noun


def test_two_names_of_one_kind_of_body_are_one_source_when_sources_are_compared():
    from pipeline.inspect.ledger import same_source, source_key

    assert same_source(source_key("Chadian Ministry of External Affairs"), source_key("Chad's foreign ministry"))
    assert same_source(source_key("Tarn Metropolitan Government"), source_key("the Tarn city government"))
    assert not same_source(source_key("Velinese foreign ministry"), source_key("Velinese interior ministry"))
    assert not same_source(source_key("Tarn Metropolitan Police"), source_key("Tarn city police"))
    assert same_source(source_key("MEA"), source_key("Ministry of External Affairs"))  # still its acronym


def test_an_acronym_defined_after_a_possessive_names_the_body_without_it():
    from pipeline.names import acronyms

    assert acronyms("The Velin Water Authority’s (VWA) count rose.") == {"VWA": "Velin Water Authority"}
    assert acronyms("Tarn Relief Fund's (TRF) teams") == {"TRF": "Tarn Relief Fund"}


def test_an_acronym_may_spell_a_short_word_in_capitals_whole():
    from pipeline.names import acronyms

    assert acronyms("A study funded by the UK Office for Tarn Relief (UKOTR) said so.") == \
        {"UKOTR": "UK Office for Tarn Relief"}


def test_an_acronym_that_does_not_spell_its_name_takes_only_the_name_before_it():
    from pipeline.names import acronyms

    assert acronyms("A survey done by Medics Beyond Rivers (MSR) said so.") == {"MSR": "Medics Beyond Rivers"}
    assert acronyms("A survey done by Medicos (MSR) said so.") == {}  # one capitalised word is no name


def test_police_and_military_ranks_are_titles_before_a_person_s_name():
    from pipeline.names import strip_titles

    assert strip_titles("Cdr Mira Halvorsen") == "Mira Halvorsen"
    assert strip_titles("Inspector General Tomas Veld") == "Tomas Veld"
    assert strip_titles("Detective Superintendent Ana Roe") == "Ana Roe"
    assert strip_titles("Commissioner") == "Commissioner"  # never stripped to nothing


def test_an_outlet_s_one_word_name_is_itself_with_the_kind_of_outlet_after_it():
    from pipeline.names import name_key, state_key
    assert state_key(name_key("Velinpress news agency")) == state_key(name_key("Velinpress"))
    assert state_key(name_key("Velin TV")) == state_key(name_key("Velin"))
    assert state_key(name_key("Velin Central News Agency")) != state_key(name_key("Velin Central TV"))


def test_a_bracket_binds_an_acronym_to_a_name_either_way_round_across_a_line_break():
    from pipeline.names import bracketed

    found = bracketed("said a spokesman for the Velin Agency for\nFlood Relief (BPKX) on Monday.")
    assert found == {"BPKX": "Velin Agency for Flood Relief"}  # the letters spell no English name
    assert bracketed("TRW (Tarn Roads and Waterways) put the count at 40.") == {"TRW": "Tarn Roads and Waterways"}
    assert bracketed("The VWA (water) said so, at TST (Wednesday).") == {}  # one word in brackets is no name
    # a name its mention gives an owner is the name after the owner
    assert bracketed("Ruritania’s Board of Dams (BOD) said so.") == {"BOD": "Board of Dams"}
