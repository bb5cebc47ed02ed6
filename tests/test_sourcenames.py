"""One name per source across a story (pipeline/inspect/sourcenames.py), on invented records."""
from __future__ import annotations

from collections import Counter

from pipeline.inspect.sourcenames import document_names, story_name, story_names


def _claim(doc: str, name: str, stype: str) -> dict:
    att = {"source": name, "source_norm": name, "source_type": stype}
    return {"doc_id": doc, "attribution": att, "other_attributions": [],
            "quantities": [{"attribution": att}]}


DOCS = {"a": {"doc_id": "a", "story_id": "s1"}, "b": {"doc_id": "b", "story_id": "s1"},
        "c": {"doc_id": "c", "story_id": "s2"}}


def test_a_generic_body_takes_the_story_s_longer_name():
    claims = [_claim("a", "police", "government"), _claim("b", "Velin Police", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "police") == "Velin Police"
    assert story_name(table, DOCS["c"], "police") == "police"  # another story keeps its own


def test_a_longer_name_may_add_a_final_body_noun_but_not_only_in_its_key():
    claims = [_claim("a", "civil guard", "government"), _claim("b", "Velinese Civil Guard Directorate", "anonymous"),
              _claim("a", "Blue Star", "organization"), _claim("b", "International Committee of the Blue Star",
                                                                 "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "civil guard") == "Velinese Civil Guard Directorate"
    assert story_name(table, DOCS["a"], "Blue Star") == "Blue Star"  # the star is not the committee


def test_two_rival_longer_names_leave_the_generic_one_alone():
    claims = [_claim("a", "police", "government"), _claim("b", "Velin Police", "government"),
              _claim("b", "Tarn Police", "government")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "police") == "police"


def test_people_are_never_merged_into_bodies_and_surnames_find_the_full_name():
    claims = [_claim("a", "officials", "anonymous"), _claim("b", "health officials", "anonymous"),
              _claim("a", "Cundy", "person"), _claim("b", "Stuart Cundy", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "officials") == "officials"
    assert story_name(table, DOCS["a"], "Cundy") == "Stuart Cundy"


def test_a_family_name_written_first_finds_the_full_name_whatever_its_type():
    claims = [_claim("a", "Pak", "organization"), _claim("b", "Pak Min-soo", "person"),
              _claim("a", "Velin", "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Pak") == "Pak Min-soo"
    assert story_name(table, DOCS["a"], "Velin") == "Velin"  # no person of that name


def test_a_role_the_story_introduces_a_body_with_names_that_body():
    role = {**_claim("b", "Velin Marchers League", "organization")}
    role["attribution"] = {**role["attribution"], "source": "Organizer Velin Marchers League"}
    claims = [_claim("a", "organisers", "anonymous"), role, _claim("a", "witnesses", "anonymous"),
              _claim("b", "the organizers of the march", "anonymous"), _claim("b", "march of organizers", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "organisers") == "Velin Marchers League"
    assert story_name(table, DOCS["a"], "witnesses") == "witnesses"
    # the role noun before an "of" phrase is the role
    assert story_name(table, DOCS["b"], "the organizers of the march") == "Velin Marchers League"
    assert story_name(table, DOCS["b"], "march of organizers") == "march of organizers"


def test_an_acronym_takes_the_story_s_name_of_the_body_it_spells():
    claims = [_claim("a", "MOW", "organization"), _claim("b", "Ministry of Water", "government"),
              _claim("b", "Velinese Ministry of Water", "government"), _claim("a", "FAB", "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "MOW") == "Velinese Ministry of Water"
    assert story_name(table, DOCS["a"], "FAB") == "FAB"  # it spells no name of the story


def test_an_acronym_meets_a_name_written_with_a_dotted_abbreviation():
    from pipeline.inspect.ledger import same_source, source_key
    assert same_source(source_key("USGS"), source_key("U.S. Geological Survey"))
    assert not same_source(source_key("USGS"), source_key("UN Security Council"))


def _types(**kinds: str) -> dict[str, Counter]:
    return {k.replace("_", " "): Counter({v: 1}) for k, v in kinds.items()}


def test_a_document_short_name_takes_its_one_full_name():
    names = document_names(["the Ministry of Health", "the ministry", "Mira Halvorsen", "Halvorsen"],
                           _types(health_ministry="government", ministry="government", mira_halvorsen="person",
                                  halvorsen="person"))
    assert names["the ministry"] == "the Ministry of Health" and names["Halvorsen"] == "Mira Halvorsen"
    # two ministries: "the ministry" could be either, so it stays as it is
    names = document_names(["Tarn Health Ministry", "Tarn Interior Ministry", "the ministry"])
    assert "the ministry" not in names


def test_a_body_s_longer_name_has_its_head_noun_last():
    names = document_names(["police", "Police Spokesman Dov Amir", "Velin Police"],
                           _types(police="government", police_spokesman_dov_amir="person", velin_police="government"))
    assert names["police"] == "Velin Police"
    assert document_names(["police", "Police Spokesman Dov Amir"]) == {}


def test_unnamed_people_keep_their_own_name_but_meet_the_body_named_after_them():
    names = document_names(["officials", "velinese officials", "unions", "tarn unions"],
                           _types(officials="anonymous", velinese_officials="anonymous", unions="organization",
                                  tarn_unions="organization"))
    assert names == {}  # "officials" may be any officials: docs/annotation.md 6.4
    names = document_names(["nurses", "Central Committee of Velinese Nurses"],
                           _types(nurses="anonymous", central_velinese_nurses_committee="organization"))
    assert names["nurses"] == "Central Committee of Velinese Nurses"


def test_the_document_s_longer_name_is_read_through_the_story_table():
    claims = [_claim("a", "the ministry", "government"), _claim("a", "Tarn Ministry of Water", "government"),
              _claim("b", "the ministry", "government"), _claim("b", "Tarn Ministry of Roads", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the ministry") == "Tarn Ministry of Water"
    assert story_name(table, DOCS["b"], "the ministry") == "Tarn Ministry of Roads"
    loose = {"x": {"doc_id": "x"}}  # no story: the document's names still apply
    table = story_names(loose, [_claim("x", "police", "government"), _claim("x", "Velin Police", "government")])
    assert story_name(table, loose["x"], "police") == "Velin Police"


def _placed(doc: str, name: str, stype: str, country: str) -> dict:
    claim = _claim(doc, name, stype)
    claim["entities"] = [{"text": country, "norm": country, "label": "GPE"}]
    return claim


def test_the_government_of_a_story_set_in_one_country_is_that_country_s():
    claims = [_placed("a", "the government", "government", "Chad"), _placed("b", "the army", "government", "Chad"),
              _placed("a", "the interior ministry", "government", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the government") == "Chadian government"
    assert story_name(table, DOCS["b"], "the army") == "Chadian army"
    # a ministry may be another country's: it keeps its name
    assert story_name(table, DOCS["a"], "the interior ministry") == "the interior ministry"
    # two countries, one document each: no home country
    claims = [_placed("a", "the government", "government", "Chad"), _placed("b", "officials", "anonymous", "Mali")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "the government") == "the government"


def test_one_person_written_two_ways_in_a_story_is_one_name():
    claims = [_claim("a", "Rashid al-Omari", "person"), _claim("a", "Rashid al-Omari", "person"),
              _claim("b", "Rashed Al Omari", "person"), _claim("b", "Tomas Vell", "person"),
              _claim("a", "Tomas Vell Arrando", "person"), _claim("a", "Mina \"Mimi\" Sorell", "person"),
              _claim("b", "Mina Sorell", "person"), _claim("b", "Mina Sorell", "person"),
              _claim("a", "Mahmoud Kerr", "person"), _claim("b", "Mohammed Kerr", "person"),
              _claim("b", "Mimi", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["b"], "Rashed Al Omari") == "Rashid al-Omari"  # the most used spelling
    assert story_name(table, DOCS["b"], "Tomas Vell") == "Tomas Vell Arrando"  # the name cut short
    assert story_name(table, DOCS["a"], "Mina \"Mimi\" Sorell") == "Mina Sorell"  # a nickname is no part of it
    assert story_name(table, DOCS["b"], "Mimi") == "Mina Sorell"  # the nickname alone names her
    assert story_name(table, DOCS["b"], "Mohammed Kerr") == "Mohammed Kerr"  # other consonants: two people


def test_a_short_name_headed_by_a_body_noun_of_the_names_lexicon_takes_the_longer_name():
    claims = [_claim("a", "control room", "anonymous"), _claim("b", "navy control room", "anonymous"),
              _claim("a", "rescue team", "anonymous"), _claim("b", "rescue workers", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "control room") == "navy control room"  # "room": body_heads
    assert story_name(table, DOCS["a"], "rescue team") == "rescue team"  # no longer name of it


def test_a_national_body_is_the_home_country_s_before_any_longer_name():
    claims = [_placed("a", "the army", "government", "Chad"), _placed("b", "Malian army", "government", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the army") == "Chadian army"  # not the Malian army quoted once


def test_a_body_named_as_the_nation_s_is_the_home_country_s():
    claims = [_placed("a", "National Police", "government", "Chad"), _placed("b", "police", "government", "Chad"),
              _placed("b", "National Police", "government", "Chad"), _placed("a", "Water Police", "government", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "National Police") == "Chadian National Police"
    assert story_name(table, DOCS["b"], "police") == "Chadian National Police"  # its longer name, then the nation's
    assert story_name(table, DOCS["a"], "Water Police") == "Water Police"  # no national body by its name


def _sentence(doc: str, text: str, mention: str, name: str, stype: str = "organization") -> dict:
    claim = _claim(doc, name, stype)
    claim.update(text=text, span=[50, 50 + len(text)])
    claim["attribution"]["source_span"] = [50 + text.index(mention), 50 + text.index(mention) + len(mention)]
    return claim


def test_a_state_body_placed_in_a_capital_is_that_country_s():
    claims = [_sentence("a", "The Foreign Office in Berlin said 12 tourists died.", "The Foreign Office",
                        "Foreign Office"),
              _sentence("a", "The Foreign Office later said 14 had died.", "The Foreign Office", "Foreign Office"),
              _sentence("b", "The Foreign Office said 9 died.", "The Foreign Office", "Foreign Office"),
              _sentence("a", "The police in Berlin said 3 died.", "The police", "police", "government"),
              _sentence("a", "The UN office in Berlin said 5 died.", "The UN office", "UN office"),
              _sentence("a", "The WFO office in Berlin said 5 died.", "The WFO office", "WFO office"),
              _sentence("a", "Its regional office in Berlin said 2 died.", "Its regional office", "regional office")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Foreign Office") == "German Foreign Office"
    assert story_name(table, DOCS["b"], "Foreign Office") == "Foreign Office"  # that document does not place it
    assert story_name(table, DOCS["a"], "police") == "police"  # a city has police too
    assert story_name(table, DOCS["a"], "UN office") == "UN office"  # an umbrella's office is no state's
    assert story_name(table, DOCS["a"], "WFO office") == "WFO office"  # nor, maybe, an acronym's
    assert story_name(table, DOCS["a"], "regional office") == "regional office"  # an organisation's


def test_a_city_body_its_sentence_places_in_a_city_is_that_city_s():
    paris = [{"text": "Paris", "label": "GPE", "entity_id": "geo:2988507"}]
    placed = _sentence("a", "In Paris, 9,000 marched, according to the police headquarters.",
                       "the police headquarters", "police headquarters", "anonymous")
    placed["entities"] = paris
    unplaced = _sentence("b", "In Paris, 9,000 marched, the prefecture said.", "the prefecture", "prefecture",
                         "government")
    unplaced["entities"] = paris
    table = story_names(DOCS, [placed, unplaced])
    assert story_name(table, DOCS["a"], "police headquarters") == "Paris police headquarters"
    assert story_name(table, DOCS["b"], "prefecture") == "prefecture"  # a department's body, not the city's


def test_bare_officials_are_the_body_the_document_s_other_officials_speak_for():
    claims = [_said("a", "officials", "officials", "anonymous"),
              _said("a", "officials at the Velin Flood Office", "Velin Flood Office", "government"),
              _said("b", "officials", "officials", "anonymous"),
              _said("b", "officials at the Velin Flood Office", "Velin Flood Office", "government"),
              _said("b", "city officials", "city officials", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "officials") == "Velin Flood Office"
    assert story_name(table, DOCS["b"], "officials") == "officials"  # may be the city's


def test_official_figures_stay_an_unnamed_source_whatever_body_the_document_quotes_most():
    claims = [_claim("a", "official figures", "document"), _claim("a", "Interior Ministry", "government"),
              _claim("a", "Interior Ministry", "government"), _claim("a", "Tarn Defence Ministry", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "official figures") == "official figures"
    assert story_name(table, DOCS["a"], "Interior Ministry") == "Interior Ministry"


def _said(doc: str, mention: str, name: str, stype: str = "organization") -> dict:
    claim = _claim(doc, name, stype)
    claim["attribution"]["source"] = mention  # the figure's attribution is the same record
    return claim


def test_an_umbrella_s_member_named_by_its_field_is_the_body_of_that_field():
    claims = [_said("a", "The Velin Water Organization", "Velin Water Organization"),
              _said("a", "The UN water agency", "UN"), _said("b", "the U.N. water agency", "U.N."),
              _said("b", "The UN", "UN")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "UN") == "Velin Water Organization"
    assert story_name(table, DOCS["b"], "U.N.") == "UN"  # "The UN" itself is quoted there too


def test_a_body_s_owner_in_its_mention_lets_the_document_s_owner_and_head_find_it():
    claims = [_said("a", "Tarnby's Harbour Police", "Harbour Police", "government"),
              _said("a", "Tarnby police", "tarnby police", "government"),
              _said("a", "Velin police", "velin police", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "tarnby police") == "Harbour Police"
    assert story_name(table, DOCS["a"], "velin police") == "velin police"  # another owner's police


def test_a_government_s_unnamed_officials_are_the_government_the_document_names():
    claims = [_claim("a", "Chadian government", "government"), _claim("a", "government officials", "anonymous"),
              _claim("a", "government official", "anonymous"), _claim("b", "government officials", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "government officials") == "Chadian government"
    assert story_name(table, DOCS["a"], "government official") == "government official"  # one person
    assert story_name(table, DOCS["b"], "government officials") == "government officials"  # none named there


def test_an_outlet_named_by_its_kind_is_the_one_outlet_the_document_names():
    claims = [_claim("a", "Velin Courier", "media"), _claim("a", "the paper", "anonymous"),
              _claim("b", "Velin Courier", "media"), _claim("b", "Tarn Daily News", "media"),
              _claim("b", "the paper", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the paper") == "Velin Courier"
    assert story_name(table, DOCS["b"], "the paper") == "the paper"  # two outlets: either


def test_the_country_s_body_is_the_body_of_the_one_country_the_document_names():
    claims = [_placed("a", "the country's health ministry", "government", "Chad"),
              _claim("b", "the country's health ministry", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the country's health ministry") == "Chadian health ministry"
    assert story_name(table, DOCS["b"], "the country's health ministry") == "the country's health ministry"


def test_the_officer_is_the_one_person_the_document_gives_an_officer_s_title():
    claims = [_said("a", "Harbour Police Inspector Dana Kell", "Dana Kell", "person"),
              _said("a", "Mayor Ruth Ober", "Ruth Ober", "person"), _said("a", "the officer", "officer", "anonymous"),
              _said("b", "Inspector Dana Kell", "Dana Kell", "person"), _said("b", "an officer", "officer", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "officer") == "Dana Kell"
    assert story_name(table, DOCS["b"], "officer") == "officer"  # "an officer" is someone new


def test_unnamed_officers_are_the_one_police_body_the_document_names():
    claims = [_claim("a", "Harbour Police", "government"), _claim("a", "officers", "anonymous"),
              _claim("b", "Harbour Police", "government"), _claim("b", "Tarn Police", "government"),
              _claim("b", "officers", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "officers") == "Harbour Police"
    assert story_name(table, DOCS["b"], "officers") == "officers"  # two police bodies: either


def _at(doc: str, mention: str, name: str, stype: str, start: int) -> dict:
    claim = _said(doc, mention, name, stype)
    claim["attribution"]["source_span"] = [start, start + len(mention)]
    return claim


def test_its_members_are_the_body_named_just_before_them():
    claims = [_at("a", "The Velin Survey Institute", "Velin Survey Institute", "organization", 0),
              _at("a", "Its teams", "its teams", "organization", 100),
              _at("a", "The Tarn Harbour Board", "Tarn Harbour Board", "organization", 200),
              _at("b", "Its teams", "its teams", "organization", 50)]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "its teams") == "Velin Survey Institute"  # not the board named after
    assert story_name(table, DOCS["b"], "its teams") == "its teams"  # no body named before


def test_an_unnamed_spokesperson_of_a_body_named_by_its_acronym_is_the_body():
    claims = [_said("a", "a Tbr official", "tbr official", "anonymous"),
              _said("a", "a Qx official", "qx official", "anonymous")]
    claims[0]["entities"] = [{"text": "Tarn Border Regiment", "norm": "Tarn Border Regiment", "label": "ORG"}]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "tbr official") == "Tarn Border Regiment"
    assert story_name(table, DOCS["a"], "qx official") == "qx official"  # no body of that name


def test_a_person_s_spelling_is_the_one_most_of_the_story_s_documents_use():
    docs = {d: {"doc_id": d, "story_id": "s1"} for d in "xyz"}
    claims = [_claim("x", "Samir Haddad", "person")] * 4 + [_claim("y", "Sameer Haddad", "person"),
                                                             _claim("z", "Sameer Haddad", "person")]
    table = story_names(docs, claims)
    assert story_name(table, docs["x"], "Samir Haddad") == "Sameer Haddad"  # two outlets against one


def test_a_capital_named_as_a_source_is_its_country_s_government():
    claims = [_claim("a", "Berlin", "government"), _claim("a", "Velin", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Berlin") == "German government"
    assert story_name(table, DOCS["a"], "Velin") == "Velin"  # no capital


def test_a_title_alone_is_the_one_person_the_document_gives_that_title():
    docs = {d: {"doc_id": d, "story_id": d} for d in "abc"}  # one story each
    claims = [_said("a", "Transport Minister Ilse Varn", "Ilse Varn", "person"),
              _said("a", "Chad's minister", "Chad's minister", "government"),
              _said("b", "Transport Minister Ilse Varn", "Ilse Varn", "person"),
              _said("b", "Trade Minister Oto Brel", "Oto Brel", "person"),
              _said("b", "the minister", "minister", "government"),
              _said("c", "Transport Minister Ilse Varn", "Ilse Varn", "person"),
              _said("c", "the Health Minister", "Health Minister", "government")]
    table = story_names(docs, claims)
    assert story_name(table, docs["a"], "Chad's minister") == "Ilse Varn"
    assert story_name(table, docs["b"], "minister") == "minister"  # two ministers: either
    assert story_name(table, docs["c"], "Health Minister") == "Health Minister"  # no one holds it


def test_a_title_no_person_of_the_document_holds_is_the_story_s_one_holder():
    docs = {"a": {"doc_id": "a", "story_id": "s"}, "b": {"doc_id": "b", "story_id": "s"},
            "c": {"doc_id": "c", "story_id": "t"}}
    claims = [_said("a", "Governor Mara Lind-Ovu", "Mara Lind-Ovu", "person"),
              _said("b", "the governor", "governor", "government"),
              _said("b", "the mayor", "mayor", "government"),
              _said("c", "Governor Mara Lind-Ovu", "Mara Lind-Ovu", "person"),
              _said("c", "Governor Oto Brel", "Oto Brel", "person"),
              _said("c", "the governor", "governor", "government")]
    table = story_names(docs, claims)
    assert story_name(table, docs["b"], "governor") == "Mara Lind-Ovu"
    assert story_name(table, docs["b"], "mayor") == "mayor"  # no one in the story holds it
    assert story_name(table, docs["c"], "governor") == "governor"  # two governors: either


def test_a_hyphenated_surname_alone_finds_the_full_name():
    claims = [_claim("a", "Lind-Ovu", "person"), _claim("b", "Mara Lind-Ovu", "person"),
              _claim("a", "Ovu", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Lind-Ovu") == "Mara Lind-Ovu"
    assert story_name(table, DOCS["a"], "Ovu") == "Mara Lind-Ovu"  # its last word, as before


def _mentions(doc: str, name: str, stype: str, places: dict[str, int]) -> dict:
    claim = _claim(doc, name, stype)
    claim["entities"] = [{"text": p, "norm": p, "label": "GPE"} for p, n in places.items() for _ in range(n)]
    return claim


def test_the_home_country_is_the_one_most_documents_name_most():
    docs = {d: {"doc_id": d, "story_id": "s"} for d in "abc"}
    claims = [_mentions("a", "the government", "government", {"Chad": 4, "Mali": 1}),
              _mentions("b", "authorities", "government", {"Chad": 3, "Niger": 1}),
              _mentions("c", "officials", "anonymous", {"Mali": 2})]
    table = story_names(docs, claims)
    assert story_name(table, docs["a"], "the government") == "Chadian government"
    assert story_name(table, docs["b"], "authorities") == "Chadian government"
    # a document naming two countries as often has no country of its own: no home
    claims = [_mentions("a", "the government", "government", {"Chad": 2, "Mali": 2}),
              _mentions("b", "officials", "anonymous", {"Chad": 1, "Niger": 1})]
    assert story_name(story_names(docs, claims), docs["a"], "the government") == "the government"


def test_a_surname_takes_the_given_name_a_mention_writes_after_a_title():
    claims = [_said("a", "Chief Superintendent Arno Tessel", "Tessel", "person"),
              _said("b", "Tessel", "Tessel", "person"),
              _said("b", "the Harbour Police Pim", "Pim", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["b"], "Tessel") == "Arno Tessel"
    assert story_name(table, DOCS["a"], "Tessel") == "Arno Tessel"
    assert story_name(table, DOCS["b"], "Pim") == "Pim"  # no title before "Police"


def test_a_task_force_takes_the_story_s_longer_name_of_that_force():
    claims = [_claim("a", "task force", "anonymous"), _claim("b", "government's flood task force", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "task force") == "government's flood task force"


def test_an_umbrella_body_is_not_its_own_office():
    claims = [_claim("a", "UN", "organization"), _claim("b", "UN Office", "organization"),
              _claim("a", "Harbour", "organization"), _claim("b", "Harbour Office", "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "UN") == "UN"
    assert story_name(table, DOCS["a"], "Harbour") == "Harbour Office"  # no umbrella: its office


def test_a_spokesperson_opening_a_sentence_is_the_body_a_body_noun_names():
    claims = [_said("a", "A Tbb official", "tbb official", "anonymous")]
    claims[0]["entities"] = [{"text": "Tarn Border Battalion", "norm": "Tarn Border Battalion", "label": "ORG"},
                             {"text": "Tom Bel Bay", "norm": "Tom Bel Bay", "label": "ORG"}]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "tbb official") == "Tarn Border Battalion"


def test_a_person_named_after_an_owner_or_a_title_is_that_person():
    claims = [_said("a", "the Harbour Agency's Pak Min-soo", "harbour agency's pak min-soo", "anonymous"),
              _said("a", "Deputy Transport Minister Ilse Varn", "Deputy Transport Minister Ilse Varn", "person"),
              _said("a", "the force's Director General", "force's Director General", "anonymous"),
              _said("a", "Velin's Civil Marchers Front", "Velin's Civil Marchers Front", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "harbour agency's pak min-soo") == "Pak Min-soo"
    assert story_name(table, DOCS["a"], "Deputy Transport Minister Ilse Varn") == "Ilse Varn"
    assert story_name(table, DOCS["a"], "force's Director General") == "force's Director General"  # a title
    assert story_name(table, DOCS["a"], "Velin's Civil Marchers Front") == "Velin's Civil Marchers Front"


def test_a_country_named_as_a_source_is_its_government_unless_it_may_be_a_person():
    claims = [_claim("a", "Cameroon", "organization"), _claim("a", "Chad", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Cameroon") == "Cameroonian government"
    assert story_name(table, DOCS["a"], "Chad") == "Chad"  # a person's name, no place named
    claims[1]["entities"] = [{"text": "Chad", "norm": "Chad", "label": "GPE"}]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "Chad") == "Chadian government"
    # another document of the story names Chad as a place: so is this one's "Chad"
    claims = [_claim("a", "Chad", "person"), _placed("b", "officials", "anonymous", "Chad"),
              _claim("c", "Chad", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Chad") == "Chadian government"
    assert story_name(table, DOCS["c"], "Chad") == "Chad"  # another story names no such place


def test_the_national_government_of_a_one_country_story_is_that_country_s_government():
    claims = [_placed("a", "the national government", "government", "Chad"),
              _placed("b", "government", "government", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the national government") == "Chadian government"
    assert story_name(table, DOCS["c"], "national government") == "national government"  # no story here


def test_the_coast_guard_of_a_one_country_story_is_that_country_s():
    claims = [_placed("a", "Coast Guard", "organization", "Chad"), _placed("b", "officials", "anonymous", "Chad")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "Coast Guard") == "Chadian Coast Guard"


def test_a_relative_clause_gives_a_body_the_role_its_verb_names():
    text = "According to the Velin Marchers League (VML), which organised the rally, 9,000 came."
    body = _said("b", "the Velin Marchers League", "Velin Marchers League", "organization")
    body.update(text=text, span=[100, 100 + len(text)])
    body["attribution"]["source_span"] = [113, 113 + len("the Velin Marchers League")]
    other = _said("b", "the Tarn Guild", "Tarn Guild", "organization")
    other.update(text="The Tarn Guild, which said so, counted 40.", span=[0, 42])
    other["attribution"]["source_span"] = [0, 14]
    claims = [_claim("a", "organizers", "anonymous"), _claim("a", "sayers", "anonymous"), body, other]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "organizers") == "Velin Marchers League"
    assert story_name(table, DOCS["a"], "sayers") == "sayers"  # "which said": no doer of that stem


def test_a_role_with_words_before_it_names_the_body_the_story_gives_that_role():
    role = {**_claim("b", "Velin Marchers League", "organization")}
    role["attribution"] = {**role["attribution"], "source": "Organizer Velin Marchers League"}
    claims = [_claim("a", "the march's organiser", "anonymous"), role, _claim("a", "local witnesses", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the march's organiser") == "Velin Marchers League"
    assert story_name(table, DOCS["a"], "local witnesses") == "local witnesses"


def test_a_lower_case_body_its_mention_gives_a_country_owner_is_that_country_s():
    claims = [_said("a", "Chad's health ministry", "health ministry", "government"),
              _said("a", "the health ministry", "health ministry", "government"),
              _said("b", "Chad's health ministry", "health ministry", "government"),
              _said("b", "Mali's health ministry", "health ministry", "government")]
    table = story_names({d: {"doc_id": d, "story_id": d} for d in "ab"}, claims)
    assert story_name(table, {"doc_id": "a", "story_id": "a"}, "health ministry") == "Chadian health ministry"
    assert story_name(table, {"doc_id": "b", "story_id": "b"}, "health ministry") == "health ministry"  # two


def test_an_unnamed_source_owned_by_a_body_s_kind_is_the_one_body_of_that_kind():
    claims = [_said("a", "the school's own website", "school's own website", "anonymous"),
              _said("a", "the Velin Harbour School", "Velin Harbour School", "organization"),
              _said("a", "the port's notice board", "port's notice board", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "school's own website") == "Velin Harbour School"
    assert story_name(table, DOCS["a"], "port's notice board") == "port's notice board"  # no port named


def test_a_headline_s_source_with_its_reporting_verb_is_the_source_without_it():
    claims = [_claim("a", "Marchers Say", "anonymous"), _claim("b", "marchers", "anonymous"),
              _claim("a", "Harbour Figures", "anonymous"), _claim("a", "Marchers Dismiss Police Count", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Marchers Say") == "marchers"
    assert story_name(table, DOCS["a"], "Marchers Dismiss Police Count") == "marchers"
    assert story_name(table, DOCS["a"], "Harbour Figures") == "Harbour Figures"  # no verb, no "harbour"


def test_two_sources_joined_by_and_are_the_first_when_the_story_names_it_alone():
    claims = [_claim("a", "Velin Guild and Tarn Relief", "organization"), _claim("b", "Velin Guild", "organization"),
              _claim("a", "Ministry of Ports and Roads", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Velin Guild and Tarn Relief") == "Velin Guild"
    assert story_name(table, DOCS["a"], "Ministry of Ports and Roads") == "Ministry of Ports and Roads"


def test_a_definite_role_after_other_words_is_the_one_person_given_its_title():
    claims = [_said("a", "Harbour Police Inspector Dana Kell", "Dana Kell", "person"),
              _said("a", "the senior officer", "senior officer", "anonymous"),
              _said("b", "Inspector Dana Kell", "Dana Kell", "person"),
              _said("b", "a senior officer", "senior officer", "anonymous")]
    table = story_names({d: {"doc_id": d, "story_id": d} for d in "ab"}, claims)
    assert story_name(table, {"doc_id": "a", "story_id": "a"}, "senior officer") == "Dana Kell"
    assert story_name(table, {"doc_id": "b", "story_id": "b"}, "senior officer") == "senior officer"  # someone new


def test_a_source_written_as_a_body_s_figures_is_that_body():
    claims = [_claim("a", "initial harbour board estimate", "anonymous"), _claim("b", "harbour board", "government"),
              _claim("a", "tide estimate", "anonymous")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "initial harbour board estimate") == "harbour board"
    assert story_name(table, DOCS["a"], "tide estimate") == "tide estimate"  # no source named "tide"


def test_a_country_s_unnamed_group_is_no_longer_name_of_that_group():
    names = ["unions", "French eight main unions", "police", "French Harbour Police"]
    found = document_names(names, {"unions": Counter({"organization": 1}),
                                   "french eight main unions": Counter({"organization": 1}),
                                   "french harbour police": Counter({"government": 1})})
    assert "unions" not in found  # "eight main unions" is no name
    assert found["police"] == "French Harbour Police"


def test_an_unresolved_it_is_the_body_named_just_before_it_and_no_body_itself():
    claims = [_at("a", "The Velin Survey Institute", "Velin Survey Institute", "organization", 0),
              _at("a", "It", "It", "organization", 100),
              _at("a", "Its teams", "its teams", "organization", 150),
              _at("b", "It", "It", "organization", 10), _at("b", "The Tarn Harbour Board", "Tarn Harbour Board",
                                                           "organization", 90),
              _at("b", "Its teams", "its teams", "organization", 150)]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "It") == "Velin Survey Institute"
    assert story_name(table, DOCS["a"], "its teams") == "Velin Survey Institute"  # "It" is no body before it
    assert story_name(table, DOCS["b"], "It") == "It"  # no body named before


def test_generic_police_and_authorities_of_a_one_country_story_are_that_country_s():
    claims = [_placed("a", "police", "government", "Chad"), _placed("b", "authorities", "government", "Chad"),
              _placed("b", "government officials", "government", "Chad"), _placed("a", "officials", "anonymous", "Chad"),
              _placed("a", "local officials", "anonymous", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "police") == "Chadian police"
    assert story_name(table, DOCS["b"], "authorities") == "Chadian government"
    assert story_name(table, DOCS["b"], "government officials") == "Chadian government"
    assert story_name(table, DOCS["a"], "officials") == "officials"  # bare officials stay themselves
    assert story_name(table, DOCS["a"], "local officials") == "local officials"
    # the story's own longer name of its police comes first
    claims = [_placed("a", "police", "government", "Chad"), _placed("b", "Velin Harbour Police", "government", "Chad")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "police") == "Velin Harbour Police"
    # two countries, one document each: no home country, "police" stays
    claims = [_placed("a", "police", "government", "Chad"), _placed("b", "officials", "anonymous", "Mali")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "police") == "police"


def test_an_acronym_a_bracket_binds_in_one_document_is_that_name_in_the_whole_story():
    define = _claim("a", "Velin Agency for Flood Relief", "government")
    define["text"] = "Tomas Arn, who speaks for the Velin Agency for Flood Relief (BPKX), said 40 died."
    claims = [define, _claim("b", "BPKX", "organization"), _claim("c", "BPKX", "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["b"], "BPKX") == "Velin Agency for Flood Relief"
    assert story_name(table, DOCS["c"], "BPKX") == "BPKX"  # another story: no bracket binds it there


def test_a_descriptive_name_is_the_one_named_body_with_its_head():
    claims = [_claim("a", "the agency", "government"), _claim("a", "BPKX", "government"),
              _claim("b", "the national flood agency", "government"), _claim("b", "the health agency", "government"),
              _claim("b", "the charity", "organization"), _claim("b", "Tarn Rose Cross", "organization")]
    claims[1]["text"] = "The Velin Agency for Flood Relief (BPKX) said 40 died."
    claims[4]["entities"] = [{"text": "the Blue Foundation", "norm": "Blue Foundation", "label": "ORG"}]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the agency") == "Velin Agency for Flood Relief"  # known by its bracket
    assert story_name(table, DOCS["b"], "the national flood agency") == "Velin Agency for Flood Relief"  # the story's
    assert story_name(table, DOCS["b"], "the health agency") == "the health agency"  # "health" is not in its name
    assert story_name(table, DOCS["b"], "the charity") == "Blue Foundation"  # a charity's kind of name
    # two named agencies in the document: "the agency" stays itself
    claims += [_claim("a", "Tarn Agency for Roads", "government")]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "the agency") == "the agency"


def test_a_person_s_possessive_body_is_the_office_of_the_person_the_sentence_names_before_it():
    text = "Mayor Tomas Arn cut short his visit to Tarn, his office said."
    claim = _sentence("a", text, "his office", "his office")
    claim["entities"] = [{"label": "PERSON", "text": "Tomas Arn", "norm": "Tomas Arn",
                          "span": [50 + text.index("Tomas"), 50 + text.index("Tomas") + 9]}]
    after = _sentence("b", "His office said so, Tomas Arn added.", "His office", "his office")
    after["entities"] = [{"label": "PERSON", "text": "Tomas Arn", "norm": "Tomas Arn", "span": [70, 79]}]
    table = story_names(DOCS, [claim, after])
    assert story_name(table, DOCS["a"], "his office") == "Tomas Arn's office"
    assert story_name(table, DOCS["b"], "his office") == "his office"  # the person comes after: no owner


def test_a_descriptive_name_is_read_as_the_story_names_it_and_never_takes_a_shorter_name():
    claims = [_claim("a", "Flood agency", "government"), _claim("b", "the national flood agency", "government"),
              _claim("a", "Velin Agency for Flood Relief", "government"),
              _claim("a", "Velinese health ministry", "government"), _claim("a", "Health Ministry", "government")]
    table = story_names(DOCS, claims)
    # a headline's "Flood agency" is the story's "national flood agency", and so the named agency
    assert story_name(table, DOCS["a"], "Flood agency") == "Velin Agency for Flood Relief"
    assert story_name(table, DOCS["a"], "Velinese health ministry") == "Velinese health ministry"


def test_a_body_s_spokesman_is_the_one_person_the_document_titles_so():
    titled = _claim("a", "Tomas Arn", "person")
    titled["attribution"]["source"] = "agency spokesman Tomas Arn"
    claims = [titled, _claim("a", "the agency's spokesman", "person"), _claim("c", "the agency's spokesman", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "the agency's spokesman") == "Tomas Arn"
    # another story: nobody titled so
    assert story_name(table, DOCS["c"], "the agency's spokesman") == "the agency's spokesman"


def test_a_body_s_proper_name_cut_to_its_first_word_is_that_body():
    claims = [_claim("a", "Korvo", "organization"), _claim("b", "Korvo Relief Committee", "organization"),
              _claim("a", "Chad", "organization"), _claim("b", "Chad Relief Board", "organization"),
              _claim("a", "Tamsin", "person"), _claim("b", "Tamsin Water Board", "organization"),
              _claim("c", "Lirra", "organization"), _claim("c", "Lirra Aid Fund", "organization"),
              _claim("c", "Lirra Water Board", "organization")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Korvo") == "Korvo Relief Committee"
    assert story_name(table, DOCS["a"], "Chad") != "Chad Relief Board"  # a country is no body's short name
    assert story_name(table, DOCS["a"], "Tamsin") == "Tamsin"  # a person is never a body
    assert story_name(table, DOCS["c"], "Lirra") == "Lirra"  # two bodies begin with it


def test_a_government_official_alone_is_the_home_country_s_government():
    claims = [_placed("a", "government official", "anonymous", "Chad"), _placed("b", "officials", "anonymous", "Chad")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "government official") == "Chadian government"  # home_bodies, singular
    assert story_name(table, DOCS["b"], "officials") == "officials"  # bare officials stay themselves


def test_a_country_s_adjective_before_an_outlet_s_name_is_no_part_of_it():
    claims = [_claim("a", "Chadian Korvo Wire", "organization"), _claim("b", "Korvo Wire", "media"),
              _claim("a", "Chadian Interior Ministry", "government"), _claim("b", "Interior Ministry", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "Chadian Korvo Wire") == "Korvo Wire"
    assert story_name(table, DOCS["b"], "Korvo Wire") == "Korvo Wire"  # no longer the adjective's name
    # a state's body keeps its country: the story's longer name
    assert story_name(table, DOCS["b"], "Interior Ministry") == "Chadian Interior Ministry"


def test_a_body_s_spokesman_is_no_longer_name_of_the_body():
    claims = [_claim("a", "agency", "anonymous"), _claim("b", "agency's spokesman", "anonymous")]
    claims[0]["entities"] = [{"text": "Velin Agency for Flood Relief", "norm": "Velin Agency for Flood Relief",
                              "label": "ORG"}]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "agency") == "Velin Agency for Flood Relief"
    assert story_name(table, DOCS["b"], "agency") == "agency"  # no agency named there: unknown, not the speaker


def test_an_acronym_written_before_a_description_of_the_body_is_the_body():
    claims = [_said("a", "the state-run KNA agency", "state-run kna agency"),
              _said("a", "the VX-DAT flood loss database", "vx-dat flood loss database"),
              _said("a", "the US government", "us government", "government"),
              _said("a", "the KNA", "KNA"),
              _said("b", "the state-run news agency", "state-run news agency"),
              _said("b", "the KNA leader", "kna leader", "person")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "state-run kna agency") == "KNA"
    assert story_name(table, DOCS["a"], "vx-dat flood loss database") == "VX-DAT"
    assert story_name(table, DOCS["a"], "us government") == "us government"  # a country's word, no body's
    assert story_name(table, DOCS["b"], "state-run news agency") == "state-run news agency"
    assert story_name(table, DOCS["b"], "kna leader") == "kna leader"  # a person, not the body


def _in_cities(doc: str, name: str, cities: dict[str, int]) -> dict:
    ids = {"Paris": "geo:2988507", "Lyon": "geo:2996944"}
    claim = _claim(doc, name, "government")
    claim["entities"] = [{"text": c, "label": "GPE", "entity_id": ids[c]} for c, n in cities.items()
                         for _ in range(n)]
    return claim


def test_a_city_body_no_sentence_places_is_the_city_its_document_names_clearly_most():
    claims = [_in_cities("a", "city hall", {"Paris": 3, "Lyon": 1}), _in_cities("c", "paris city hall", {"Paris": 1}),
              _in_cities("b", "city hall", {"Paris": 2, "Lyon": 2})]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "city hall") == "Paris city hall"
    assert story_name(table, DOCS["c"], "paris city hall") == "paris city hall"  # its city once only
    assert story_name(table, DOCS["b"], "city hall") == "city hall"  # two cities as often: neither


def test_a_provincial_administration_is_the_story_s_one_provincial_government():
    claims = [_claim("a", "provincial administration", "government"),
              _claim("b", "Velin provincial government", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "provincial administration") == "Velin provincial government"
    rivals = claims + [_claim("b", "Tarn provincial government", "government")]
    table = story_names(DOCS, rivals)
    assert story_name(table, DOCS["a"], "provincial administration") == "provincial administration"


def test_a_body_owned_by_a_place_noun_takes_the_story_s_longer_name_without_it():
    claims = [_said("a", "the site's control room", "site's control room", "anonymous"),
              _said("b", "the army control room", "army control room", "government"),
              _said("b", "the army control room", "army control room", "government"),
              _said("a", "the country's health ministry", "country's health ministry", "government"),
              _said("b", "the Velinese health ministry", "Velinese health ministry", "government")]
    table = story_names(DOCS, claims)
    assert story_name(table, DOCS["a"], "site's control room") == "army control room"
    # a deictic owner is a country, not a place: another rule's, not this one's
    assert story_name(table, DOCS["a"], "country's health ministry") == "country's health ministry"


def test_the_panel_is_the_one_panel_its_document_names():
    claims = [_claim("a", "panel", "anonymous")]
    claims[0]["entities"] = [{"text": "Velin Panel of Inquiry", "norm": "Velin Panel of Inquiry", "label": "ORG"}]
    assert story_name(story_names(DOCS, claims), DOCS["a"], "panel") == "Velin Panel of Inquiry"
