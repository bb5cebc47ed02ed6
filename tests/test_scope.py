"""Place scope of a count (invented sentences; gazetteer ids of real places)."""
from __future__ import annotations

from pipeline.inspect.ledger import build_ledger
from pipeline.inspect.scope import (admin, city_votes, countries_named, places_once, scope_of, story_cities,
                                    story_countries)

NEPAL, KATHMANDU, INDIA, HAJ = "geo:1282988", "geo:1283240", "geo:1269750", "geo:2910831"


def place(sentence: str, name: str, geo: str) -> dict:
    s = sentence.index(name)
    return {"text": name, "span": [s, s + len(name)], "label": "GPE", "norm": name, "entity_id": geo}


def count(sentence: str, text: str, value: float) -> dict:
    s = sentence.index(text)
    return {"text": text, "span": [s, s + len(text)], "value": value, "low": value, "high": value,
            "approx": "exact", "kind": "count", "counted": "people", "predicate": "kill"}


def claim(doc_id: str, sentence: str, numbers: list[tuple[str, float]], places: list[tuple[str, str]]) -> dict:
    return {"doc_id": doc_id, "claim_id": f"{doc_id}{len(sentence)}", "text": sentence, "span": [0, len(sentence)],
            "section": "body", "dates": [], "attribution": None, "flags": {},
            "quantities": [count(sentence, t, v) for t, v in numbers],
            "entities": [place(sentence, n, g) for n, g in places]}


def test_the_admin_table_knows_countries_and_their_cities():
    assert admin()[NEPAL] == ("Nepal", "country") and admin()[KATHMANDU] == ("Nepal", "city")


def test_a_story_is_set_in_the_country_it_names_not_one_it_reaches_through_a_town():
    mumbai = "geo:1275339"  # a city of India, a country that sorts before Nepal
    docs = {"d": {"doc_id": "d", "story_id": "story:x"}}
    claims = [claim("d", "The quake killed 40 people in Nepal.", [("40", 40)], [("Nepal", NEPAL)]),
              claim("d", "Relatives waited for news in Mumbai.", [], [("Mumbai", mumbai)])]
    assert story_countries(docs, claims) == {"story:x": "Nepal"}


def test_each_count_takes_the_nearest_place_with_no_other_number_between():
    s = "The quake killed 1,000 people in Nepal; in Kathmandu alone, 600 died."
    c = claim("d", s, [("1,000", 1000), ("600", 600)], [("Nepal", NEPAL), ("Kathmandu", KATHMANDU)])
    named = countries_named([c])["d"]
    assert named == {"Nepal"}
    assert scope_of(c, c["quantities"][0], "Nepal", named) == ("Nepal", None)
    assert scope_of(c, c["quantities"][1], "Nepal", named) == ("Nepal", "Kathmandu")   # a breakdown


def test_no_place_takes_the_story_country_and_a_city_needs_its_country_named():
    s = "At least 40 people were killed."
    assert scope_of(claim("d", s, [("40", 40)], []), count(s, "40", 40), "Nepal") == ("Nepal", None)
    s = "At least 40 people were killed on the Haj."
    c = claim("d", s, [("40", 40)], [("Haj", HAJ)])
    # "Haj" is a German town in the gazetteer, but the document never names Germany
    assert scope_of(c, c["quantities"][0], "Saudi Arabia", set()) == ("Saudi Arabia", None)


def test_different_countries_never_share_a_group_and_breakdowns_stand_apart():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", "The quake killed 2,000 people in Nepal.", [("2,000", 2000)], [("Nepal", NEPAL)]),
              claim("b", "Officials said 2,400 people were killed.", [("2,400", 2400)], []),
              claim("b", "In Nepal the dead included 300 people in Kathmandu.", [("300", 300)],
                    [("Nepal", NEPAL), ("Kathmandu", KATHMANDU)]),
              claim("c", "In India 50 people were killed.", [("50", 50)], [("India", INDIA)]),
              claim("c", "Nepal counted 2,100 people killed.", [("2,100", 2100)], [("Nepal", NEPAL)])]
    assert story_countries(docs, claims) == {"story:x": "Nepal"}
    tables = {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    assert tables == {("Nepal", None): [2000, 2100, 2400], ("Nepal", "Kathmandu"): [300], ("India", None): [50]}


def test_admin_table_is_what_build_admin_makes():
    import importlib.util

    from pipeline.resources import data_path, gz_table

    path = data_path("ledger", "build_admin.py")
    spec = importlib.util.spec_from_file_location("build_admin", path)
    build_admin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_admin)
    assert gz_table(build_admin.rows()) == data_path("ledger", "admin.tsv.gz").read_bytes()


def test_several_cities_make_no_city_breakdown_and_an_area_noun_no_city():
    pokhara = "geo:1282898"
    s = "Floods killed 30 people in Kathmandu and Pokhara."
    c = claim("d", s, [("30", 30)], [("Kathmandu", KATHMANDU), ("Pokhara", pokhara)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)
    # "Kathmandu province" is the province, which the gazetteer (cities) does not hold: its
    # breakdown by the province rule, not the city's, and it keeps its area noun's reading
    s = "Floods killed 30 people in Kathmandu province."
    c = claim("d", s, [("30", 30)], [("Kathmandu", KATHMANDU)])
    from pipeline.inspect.scope import _cities
    assert _cities(c, tuple(c["quantities"][0]["span"]), [], {"Nepal"}) == []
    s = "Floods killed 30 people in Kathmandu city."
    c = claim("d", s, [("30", 30)], [("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")


def test_a_source_that_is_only_places_still_places_the_count():
    s = "Nepal and India together reported more than 30 deaths."
    c = claim("d", s, [("30", 30)], [("Nepal", NEPAL), ("India", INDIA)])
    c["attribution"] = {"source": "Nepal and India", "source_span": [0, len("Nepal and India")]}
    assert scope_of(c, c["quantities"][0], "Saudi Arabia", {"Nepal", "India"})[0] == "India"
    # a place inside a longer source ("the Nepal office of a charity") is not the count's place
    s = "The Nepal office of the charity reported 30 deaths."
    c = claim("d", s, [("30", 30)], [("Nepal", NEPAL)])
    c["attribution"] = {"source": "The Nepal office of the charity", "source_span": [0, 31]}
    assert scope_of(c, c["quantities"][0], "Saudi Arabia", {"Nepal"}) == ("Saudi Arabia", None)


def test_the_city_a_story_happens_in_is_no_breakdown():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", "The quake killed 2,000 people in Nepal, most in Kathmandu.", [("2,000", 2000)],
                    [("Nepal", NEPAL), ("Kathmandu", KATHMANDU)]),
              claim("b", "In Kathmandu, Nepal, 2,400 people were killed.", [("2,400", 2400)],
                    [("Kathmandu", KATHMANDU), ("Nepal", NEPAL)]),
              claim("c", "Officials in Nepal said 2,100 people were killed.", [("2,100", 2100)], [("Nepal", NEPAL)])]
    # two of three documents name Kathmandu: the story happens there, so its toll is Nepal's
    tables = {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    assert tables == {("Nepal", None): [2000, 2100, 2400]}


def test_a_count_of_the_other_countries_is_a_scope_of_its_own():
    s = "Five other countries have recorded a further 13 deaths, the agency said."
    c = claim("d", s, [("13", 13)], [])
    assert scope_of(c, c["quantities"][0], None, set()) == ("other countries", None)
    s = "The agency said 13 deaths had been recorded in the country."
    c = claim("d", s, [("13", 13)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)


def test_a_crowd_in_the_storys_city_is_still_a_breakdown():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d, "published": "2023-01-19"} for d in "abc"}
    claims = [claim("a", "Across Nepal 90,000 people marched, in Kathmandu 30,000.", [("90,000", 90000), ("30,000", 30000)],
                    [("Nepal", NEPAL), ("Kathmandu", KATHMANDU)]),
              claim("b", "In Kathmandu 25,000 people marched, police in Nepal said.", [("25,000", 25000)],
                    [("Kathmandu", KATHMANDU), ("Nepal", NEPAL)]),
              claim("c", "Officials in Nepal said 80,000 people marched.", [("80,000", 80000)], [("Nepal", NEPAL)])]
    for c in claims:
        for q in c["quantities"]:
            q["counted"], q["predicate"] = "people", "march"
    # two of three documents name Kathmandu, yet its crowd is the day's breakdown, not the national crowd
    tables = {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    assert tables == {("Nepal", None): [80000, 90000], ("Nepal", "Kathmandu"): [25000, 30000]}


SRI_LANKA, THAILAND = "geo:1227603", "geo:1605651"


def test_in_a_story_across_countries_an_unplaced_count_is_the_whole_storys():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", "In Sri Lanka 4,800 people were killed.", [("4,800", 4800)], [("Sri Lanka", SRI_LANKA)]),
              claim("a", "In Thailand 460 people were killed.", [("460", 460)], [("Thailand", THAILAND)]),
              claim("b", "In Sri Lanka 5,100 people were killed.", [("5,100", 5100)], [("Sri Lanka", SRI_LANKA)]),
              claim("b", "In Thailand 500 people were killed.", [("500", 500)], [("Thailand", THAILAND)]),
              claim("c", "The waves killed 14,000 people.", [("14,000", 14000)], [])]
    tables = {m.country: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    # two countries each counted in two documents: the 14,000 is no one country's toll
    assert tables == {"Sri Lanka": [4800, 5100], "Thailand": [460, 500], None: [14000]}


def test_a_place_across_another_number_is_still_the_sentences():
    s = "In Nepal one ministry says 2,400 were killed while another puts it at 2,100."
    c = claim("d", s, [("2,400", 2400), ("2,100", 2100)], [("Nepal", NEPAL)])
    assert scope_of(c, c["quantities"][1], "India", {"Nepal"}) == ("Nepal", None)
    # a nearer place with no number between still wins
    s = "The quake killed 1,000 people in Nepal and 50 in India."
    c = claim("d", s, [("1,000", 1000), ("50", 50)], [("Nepal", NEPAL), ("India", INDIA)])
    assert scope_of(c, c["quantities"][1], "Nepal", {"Nepal", "India"}) == ("India", None)


LIBERIA, SOUTH_AFRICA = "geo:2275384", "geo:953987"


def test_a_total_over_a_region_or_the_world_is_the_whole_storys():
    # in a story across countries (no main country) a region mark nearer than any country
    s = "The epidemic has killed 4,000 people worldwide, most of them in Liberia."
    c = claim("d", s, [("4,000", 4000)], [("Liberia", LIBERIA)])
    assert scope_of(c, c["quantities"][0], None, {"Liberia"}) == (None, None)
    s = "The epidemic has killed 4,000 people in West Africa, most of them in Liberia."
    c = claim("d", s, [("4,000", 4000)], [("Liberia", LIBERIA)])
    assert scope_of(c, c["quantities"][0], None, {"Liberia"}) == (None, None)
    s = "The epidemic has killed 4,000 people, most of them in Liberia."
    c = claim("d", s, [("4,000", 4000)], [("Liberia", LIBERIA)])
    assert scope_of(c, c["quantities"][0], None, {"Liberia"}) == ("Liberia", None)
    # a country whose name holds a region's is the country
    s = "South Africa reported 40 deaths."
    c = claim("d", s, [("40", 40)], [("South Africa", SOUTH_AFRICA)])
    assert scope_of(c, c["quantities"][0], None, {"South Africa"}) == ("South Africa", None)


def test_the_marks_of_a_sentence_found_once_still_place_each_of_its_counts():
    s = "The epidemic has killed 4,000 people worldwide and 300 in Liberia; five other countries had 13."
    c = claim("d", s, [("4,000", 4000), ("300", 300), ("13", 13)], [("Liberia", LIBERIA)])
    alone = [scope_of(c, q, None, {"Liberia"}) for q in c["quantities"]]
    with places_once():
        once = [scope_of(c, q, None, {"Liberia"}) for q in c["quantities"]]
    assert once == alone == [(None, None), ("Liberia", None), ("other countries", None)]


def test_a_total_over_a_region_is_no_main_countrys():
    # in a story with a main country, a region-wide total is still no one country's
    s = "About 900,000 people across the region need food aid."
    c = claim("d", s, [("900,000", 900000)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == (None, None)
    s = "About 900,000 people need food aid."
    c = claim("d", s, [("900,000", 900000)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)


def test_a_count_that_refers_back_to_a_country_is_that_countrys():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", "In Sri Lanka 4,800 people were killed.", [("4,800", 4800)], [("Sri Lanka", SRI_LANKA)]),
              claim("a", "In Thailand 460 people were killed.", [("460", 460)], [("Thailand", THAILAND)]),
              claim("c", "In Thailand 480 people were killed.", [("480", 480)], [("Thailand", THAILAND)]),
              claim("b", "In Sri Lanka 5,100 people were killed.", [("5,100", 5100)], [("Sri Lanka", SRI_LANKA)]),
              claim("b", "In Thailand, the waves hit beach resorts.", [], [("Thailand", THAILAND)]),
              claim("b", "Officials said the toll there had risen to 500.", [("500", 500)], []),
              claim("b", "The waves killed 14,000 people.", [("14,000", 14000)], [])]
    for i, c in enumerate(claims):     # text order inside each document
        c["span"] = [i * 100, i * 100 + len(c["text"])]
        for x in c["quantities"] + c["entities"]:
            x["span"] = [x["span"][0] + i * 100, x["span"][1] + i * 100]
    tables = {m.country: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    # "there" is the Thailand of the sentence before; the 14,000 refers back to nothing
    assert tables == {"Sri Lanka": [4800, 5100], "Thailand": [460, 480, 500], None: [14000]}


def test_a_home_city_of_another_country_is_a_namesake_in_the_main_country():
    germany = "geo:2921044"
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", "The crush in India killed pilgrims.", [], [("India", INDIA)]),
              claim("a", "Some 300 people died in Haj.", [("300", 300)], [("Haj", HAJ)]),
              claim("a", "A tour group from Germany was among them.", [], [("Germany", germany)]),
              claim("b", "Officials in India said 320 people died in Haj.", [("320", 320)],
                    [("India", INDIA), ("Haj", HAJ)]),
              claim("c", "India said 310 people were killed.", [("310", 310)], [("India", INDIA)])]
    # the gazetteer's Haj is German; the story happens in India, so its toll is India's
    tables = {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    assert tables == {("India", None): [300, 310, 320]}


def test_a_country_the_recogniser_mislabels_is_still_the_place():
    s = "Nepal was among the worst hit, with 4,813 people confirmed dead."
    c = claim("d", s, [("4,813", 4813)], [("Nepal", "ent:nepal")])
    c["entities"][0]["label"] = "PERSON"
    assert scope_of(c, c["quantities"][0], None, {"Nepal"}) == ("Nepal", None)


def test_a_national_body_named_without_its_country_is_the_last_country_named():
    s = "The health ministry said 4,185 people had been killed."
    c = claim("d", s, [("4,185", 4185)], [])
    c["attribution"] = {"source": "The health ministry", "source_span": [0, 19], "source_type": "government"}
    assert scope_of(c, c["quantities"][0], None, set(), "Nepal") == ("Nepal", None)
    c["attribution"]["source_type"] = "anonymous"
    assert scope_of(c, c["quantities"][0], None, set(), "Nepal") == (None, None)


def test_a_region_that_only_locates_a_country_leaves_the_count_to_the_country():
    s = "The waves reached the coast of Liberia in West Africa, where at least nine people died."
    c = claim("d", s, [("at least nine", 9)], [("Liberia", LIBERIA)])
    assert scope_of(c, c["quantities"][0], None, {"Liberia"}) == ("Liberia", None)
    s = "The outbreak in West Africa has killed 4,493 people, most of them in Liberia."
    c = claim("d", s, [("4,493", 4493)], [("Liberia", LIBERIA)])
    assert scope_of(c, c["quantities"][0], None, {"Liberia"}) == (None, None)


def test_the_country_referred_to_is_first_the_one_qualifying_the_source():
    s = "Nepalese officials said the quake had killed 2,100 people in the country."
    c = claim("d", s, [("2,100", 2100)], [("Nepalese", "ent:nepalese")])
    c["attribution"] = {"source": "Nepalese officials", "source_span": [0, 18], "source_type": "government"}
    assert scope_of(c, c["quantities"][0], None, set(), "India") == ("Nepal", None)


def test_a_count_that_refers_back_beats_the_places_across_other_numbers():
    s = "Officials put the toll there at 900, against 300 deaths in Nepal and 20 in India."
    c = claim("d", s, [("900", 900), ("300", 300), ("20", 20)], [("Nepal", NEPAL), ("India", INDIA)])
    assert scope_of(c, c["quantities"][0], None, {"Nepal", "India"}, previous="Liberia") == ("Liberia", None)
    assert scope_of(c, c["quantities"][1], None, {"Nepal", "India"}, previous="Liberia") == ("Nepal", None)
    # a place before the count may be what "there" is: the sentence's place stays
    s = "In Nepal officials counted 300 deaths, and 20 more may have died there."
    c = claim("d", s, [("300", 300), ("20", 20)], [("Nepal", NEPAL)])
    assert scope_of(c, c["quantities"][1], None, {"Nepal"}, previous="Liberia") == ("Nepal", None)


def test_a_place_across_a_clause_break_is_another_clauses():
    s = "Nepal has the most cases, 700, while India has the most deaths, 90."
    c = claim("d", s, [("700", 700), ("90", 90)], [("Nepal", NEPAL), ("India", INDIA)])
    assert scope_of(c, c["quantities"][0], None, {"Nepal", "India"}) == ("Nepal", None)
    assert scope_of(c, c["quantities"][1], None, {"Nepal", "India"}) == ("India", None)


def test_a_reference_back_before_the_count_holds_across_a_number_of_its_clause():
    s = "Officials put the deaths there at 900 out of 1,500 cases, against 300 deaths in Nepal."
    c = claim("d", s, [("900", 900), ("1,500", 1500), ("300", 300)], [("Nepal", NEPAL)])
    assert scope_of(c, c["quantities"][1], None, {"Nepal"}, previous="Liberia") == ("Liberia", None)


def test_inside_places_once_a_claims_places_are_worked_out_once_and_forgotten_after():
    from pipeline.inspect import scope

    c = claim("d1", "In Atlantis, 40 people died.", [("40", 40)], [("Atlantis", "geo:0")])
    with scope.places_once():
        first = scope.place_entities(c)
        first.append("changed by a caller")
        again = scope.place_entities(c)
        assert list(scope._places_memo) == [id(c)] and again[0] is first[0] and len(again) == 1
    assert scope._places_memo is None
    assert [e["text"] for e in scope.place_entities(c)] == ["Atlantis"]


POKHARA, BIRATNAGAR = "geo:1282898", "geo:1283339"


def test_cities_that_numbers_part_are_each_their_counts_breakdown():
    s = "Police said 9,000 people marched in Pokhara, 7,000 in Kathmandu and 4,000 in Biratnagar."
    c = claim("d", s, [("9,000", 9000), ("7,000", 7000), ("4,000", 4000)],
              [("Pokhara", POKHARA), ("Kathmandu", KATHMANDU), ("Biratnagar", BIRATNAGAR)])
    got = [scope_of(c, q, "Nepal", {"Nepal"}) for q in c["quantities"]]
    assert got == [("Nepal", "Pokhara"), ("Nepal", "Kathmandu"), ("Nepal", "Biratnagar")]
    # a list of cities with no number between stays the country's
    s = "Floods killed 30 people in Pokhara, Kathmandu and Biratnagar."
    c = claim("d", s, [("30", 30)], [("Pokhara", POKHARA), ("Kathmandu", KATHMANDU), ("Biratnagar", BIRATNAGAR)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)


def test_a_place_right_after_the_count_beats_a_nearer_one_before_it():
    s = "In Pokhara, 700 in Kathmandu were hurt."
    c = claim("d", s, [("700", 700)], [("Pokhara", POKHARA), ("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")


def test_a_part_that_its_own_place_sets_apart_is_that_places_breakdown():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    s = "The quake killed 2,000 people in Nepal, including 600 in Kathmandu."
    a = claim("a", s, [("2,000", 2000), ("600", 600)], [("Nepal", NEPAL), ("Kathmandu", KATHMANDU)])
    a["quantities"][1]["counted"] = None
    claims = [a, claim("b", "Nepal counted 2,100 people killed.", [("2,100", 2100)], [("Nepal", NEPAL)]),
              claim("c", "Officials in Nepal said 2,400 people were killed.", [("2,400", 2400)], [("Nepal", NEPAL)])]
    tables = {(m.cls, m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger(claims, docs)}
    assert tables == {("all", "Nepal", None): [2000, 2100, 2400], ("all", "Nepal", "Kathmandu"): [600]}


def test_a_place_right_after_another_count_is_that_counts_alone():
    s = "Police counted 90,000 marchers, including 30,000 in Kathmandu."
    c = claim("d", s, [("90,000", 90000), ("30,000", 30000)], [("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)
    assert scope_of(c, c["quantities"][1], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")


def test_a_name_the_gazetteer_does_not_hold_right_after_the_count_is_its_breakdown():
    s = "Floods killed 4,000 people in the Orvan Islands and 2,500 in the northern state of Velara."
    c = claim("d", s, [("4,000", 4000), ("2,500", 2500)], [])
    c["quantities"][0]["counted_span"] = [s.index("people"), s.index("people") + 6]
    assert [scope_of(c, q, "Nepal", {"Nepal"}) for q in c["quantities"]] == [("Nepal", "Orvan Islands"),
                                                                             ("Nepal", "Velara")]
    # not a country, not a date, not an adjective before a noun
    for s in ("Floods killed 40 people in Nepal.", "Floods killed 40 people in March.",
              "Floods killed 40 people in Orvan fishing villages."):
        c = claim("d", s, [("40", 40)], [])
        c["quantities"][0]["counted_span"] = [s.index("people"), s.index("people") + 6]
        if "March" in s:
            c["dates"] = [{"text": "March", "span": [s.index("March"), s.index("March") + 5], "value": "--03"}]
        assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None), s


def test_in_a_story_in_one_city_a_count_placed_in_another_country_is_its_nationals():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim(d, f"The crush in Kathmandu, Nepal, killed {n} people.", [(n, int(n))],
                    [("Kathmandu", KATHMANDU), ("Nepal", NEPAL)]) for d, n in zip("abc", ("700", "717", "769"))]
    claims.append(claim("c", "India reported 18 dead.", [("18", 18)], [("India", INDIA)]))
    tables = {(m.cls, m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger(claims, docs)}
    assert tables == {("all", "Nepal", None): [700, 717, 769], ("nationals of India", "Nepal", None): [18]}


def test_they_refer_back_to_the_country_named_before_in_a_story_across_countries():
    s = "They said 500 people were still missing."
    c = claim("d", s, [("500", 500)], [])
    assert scope_of(c, c["quantities"][0], None, set(), previous="Thailand") == ("Thailand", None)
    s = "Officials said 500 people were still missing."
    c = claim("d", s, [("500", 500)], [])
    assert scope_of(c, c["quantities"][0], None, set(), previous="Thailand") == (None, None)


def test_a_named_admin_area_is_its_counts_breakdown():
    # no gazetteer entity at all: the name and its area noun, appositive or bracketed count say it
    for s, n, area in [("The ministry said 1,200 people died in Verlo province.", "1,200", "Verlo"),
                       ("Most deaths, 800, were in Al-Verlo, the province nearest the epicentre.", "800",
                        "Al Verlo"),
                       ("Verlo province had the most deaths (900), followed by Sarn Dalu (450).", "450",
                        "Sarn Dalu"),
                       ("Verlo province had the most deaths (900), followed by Sarn Dalu (450).", "900",
                        "Verlo"),
                       ("Officials said 3,000 of the dead were in the provincial capital, Sarn Dalu.", "3,000",
                        "Sarn Dalu")]:
        c = claim("d", s, [(n, 1)] + [(o, 1) for o in ("900", "450") if o in s and o != n], [])
        assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", area), s


def test_an_admin_area_where_the_event_happened_or_of_another_count_is_no_breakdown():
    # where the event happened, a demonym, or an area another number parts off
    for s, n in [("At least 120 people were killed in a crush at a stadium in Verlo province.", "120"),
                 ("The quake killed 2,000 people across the Nepalese province.", "2,000"),
                 ("Another 10 died, including five in the Verlo state and five elsewhere.", "10")]:
        c = claim("d", s, [(n, 1)] + ([("five", 5)] if "five" in s else []), [])
        assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None), s


def test_capitals_table_is_what_build_capitals_makes():
    import importlib.util

    from pipeline.inspect.scope import capitals
    from pipeline.resources import data_path, gz_table

    assert capitals()["Nepal"] == "Kathmandu"
    path = data_path("ledger", "build_capitals.py")
    spec = importlib.util.spec_from_file_location("build_capitals", path)
    build_capitals = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_capitals)
    assert gz_table(build_capitals.rows()) == data_path("ledger", "capitals.tsv.gz").read_bytes()


def test_there_refers_back_to_the_town_of_the_sentence_before():
    docs = {"a": {"doc_id": "a", "story_id": "story:x", "source": "a"}}
    town = claim("a", "In the village of Verlo, almost no house was left standing.", [], [])
    town["entities"] = [{"text": "Verlo", "span": [18, 23], "label": "GPE", "norm": "Verlo", "entity_id": "ent:verlo"}]
    town["sentence_index"] = 4
    there = claim("a", "Relatives said 40 people had died there.", [("40", 40)], [])
    there["sentence_index"] = 5
    toll = claim("a", "Nepal said 2,000 people were killed.", [("2,000", 2000)], [("Nepal", NEPAL)])
    toll["sentence_index"] = 6
    tables = {(m.country, m.subplace): [r.quantity["value"] for r in m.rows]
              for m in build_ledger([town, there, toll], docs)}
    assert tables == {("Nepal", None): [2000], ("Nepal", "Verlo"): [40]}
    # "there is" states existence and refers to no place
    there["text"] = "Officials said there is no count, but 40 people had died."
    there["span"] = [0, len(there["text"])]
    there["quantities"][0]["span"] = [38, 40]
    tables = {(m.country, m.subplace) for m in build_ledger([town, there, toll], docs)}
    assert tables == {("Nepal", None)}


def test_the_city_refers_back_to_the_town_of_the_sentence_before():
    from pipeline.inspect.scope import site_referred_to
    back = {"text": "The unions said 90,000 had marched in the city.", "entities": []}
    assert site_referred_to(back, "Lille") == "Lille"
    assert site_referred_to({"text": "The unions said 90,000 had marched.", "entities": []}, "Lille") is None
    assert site_referred_to(back, None) is None


def test_a_place_right_before_a_listed_count_is_its_own():
    # "India with 12" after "Nepal with 40": India stands nearer to 40, but is 12's
    s = "Officials counted deaths in two countries: Nepal with 40, India with 12."
    c = claim("d", s, [("40", 40), ("12", 12)], [("Nepal", NEPAL), ("India", INDIA)])
    assert scope_of(c, c["quantities"][0], None, {"Nepal", "India"}) == ("Nepal", None)
    assert scope_of(c, c["quantities"][1], None, {"Nepal", "India"}) == ("India", None)


def test_a_city_is_a_place_only_after_a_preposition_or_a_determiner():
    # a city as an actor ("accused Kathmandu of …") is no place of the count
    s = "Rivals accused Kathmandu of hiding the toll, claiming that 400 people died."
    c = claim("d", s, [("400", 400)], [("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)
    for s in ("Officials said 400 people died in Kathmandu.", "The Kathmandu march drew 400 people.",
              "Officials said 400 people died in the capital, Kathmandu."):
        c = claim("d", s, [("400", 400)], [("Kathmandu", KATHMANDU)])
        assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu"), s


def test_in_a_story_across_countries_a_much_named_city_stays_a_breakdown():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abcd"}
    claims = [claim("c", "The quake killed 2,050 people in Nepal.", [("2,050", 2050)], [("Nepal", NEPAL)]),
              claim("d", "In India 55 people were killed.", [("55", 55)], [("India", INDIA)]),
              claim("a", "The quake killed 2,000 people in Nepal.", [("2,000", 2000)], [("Nepal", NEPAL)]),
              claim("a", "In India 50 people were killed.", [("50", 50)], [("India", INDIA)]),
              claim("a", "Officials said 300 people were killed in Kathmandu.", [("300", 300)],
                    [("Kathmandu", KATHMANDU)]),
              claim("b", "Nepal counted 2,100 people killed.", [("2,100", 2100)], [("Nepal", NEPAL)]),
              claim("b", "India counted 60 people killed.", [("60", 60)], [("India", INDIA)]),
              claim("b", "Rescuers were still digging in Kathmandu.", [], [("Kathmandu", KATHMANDU)])]
    tables = {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    # half the documents name Kathmandu, but a story across countries happens in no one city
    assert tables[("Nepal", "Kathmandu")] == [300]


def test_a_countrys_nationals_placed_in_that_country_go_to_the_main_countrys_tables():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "ab"}
    claims = [claim("a", "The crush killed 700 people in Nepal.", [("700", 700)], [("Nepal", NEPAL)]),
              claim("b", "Nepal counted 710 people killed.", [("710", 710)], [("Nepal", NEPAL)]),
              claim("b", "India's foreign ministry put the Indian toll at 45.", [("45", 45)], [("India", INDIA)])]
    claims[-1]["quantities"][0].update(counted=None, predicate="put")
    tables = {(m.cls, m.country): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}
    assert tables == {("all", "Nepal"): [700, 710], ("nationals of India", "Nepal"): [45]}


def test_a_name_before_a_town_in_apposition_is_the_counts_town():
    s = "In Varnholm, a town in the hills, a wall fell and killed 40 people."
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Varnholm")
    s = "In Varnholm a wall fell and killed 40 people, a toll for the whole town."
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)


def test_a_distance_owns_no_place_and_its_landmark_is_no_counts_place():
    s = "A wall fell in Varnholm, a town 17 km from Kathmandu, killing 40 people."
    c = claim("d", s, [("40", 40)], [("Kathmandu", KATHMANDU)])
    km = {"text": "17 km", "span": [s.index("17 km"), s.index("17 km") + 5], "value": 17, "kind": "measure",
          "unit": "km", "counted": None, "predicate": None}
    c["quantities"].append(km)
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Varnholm")
    # the same city as the count's own place: a breakdown
    s = "A wall fell in a town of Kathmandu, killing 40 people."
    c = claim("d", s, [("40", 40)], [("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")


def test_a_tie_of_documents_goes_to_the_country_named_more_times():
    docs = {d: {"doc_id": d, "story_id": "story:x"} for d in "ab"}
    claims = []
    for d in "ab":
        s = "Marchers filled Nepal's capital; India said it was watching, and Nepal's police counted 300 people."
        claims.append(claim(d, s, [("300", 300)], [("Nepal", NEPAL), ("India", INDIA)]))
        s2 = "Police in Nepal said the march was peaceful."
        claims.append(claim(d, s2, [], [("Nepal", NEPAL)]))
    # India and Nepal are each named by both documents: Nepal, named more often, is the story's
    assert story_countries(docs, claims) == {"story:x": "Nepal"}
    claims = [c for c in claims if "India" in c["text"]]
    assert story_countries(docs, claims) == {"story:x": "India"}    # a true tie: the alphabet


def province(sentence: str, name: str, label: str = "GPE") -> dict:
    """A place entity the entity gazetteer does not hold (no GeoNames id)."""
    s = sentence.index(name)
    return {"text": name, "span": [s, s + len(name)], "label": label, "norm": name, "entity_id": f"ent:{name.lower()}"}


def test_the_admin_table_knows_iso_subdivisions_with_their_country_and_kind():
    from pipeline.inspect.scope import subdivisions

    assert ("Zimbabwe", "province", "Matabeleland North") in subdivisions()["matabeleland north"]
    assert ("Philippines", "province", "Bohol") in subdivisions()["bohol"]


def test_a_province_of_the_gazetteer_is_a_breakdown_under_its_country():
    s = "Floods killed 40 people in Matabeleland North, officials said."
    c = claim("d", s, [("40", 40)], [])
    c["entities"] = [province(s, "Matabeleland North")]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Matabeleland North")
    # a rival country is never what a province's count is for
    assert scope_of(c, c["quantities"][0], "Mozambique", {"Zimbabwe", "Mozambique"}) == ("Zimbabwe", "Matabeleland North")


def test_a_province_named_with_its_kind_word_is_the_province():
    s = "At least 12 people drowned in Bohol Province on Sunday."
    c = claim("d", s, [("12", 12)], [])
    c["entities"] = [province(s, "Bohol Province")]
    assert scope_of(c, c["quantities"][0], "Philippines", {"Philippines"}) == ("Philippines", "Bohol")
    s = "At least 12 people drowned in the province of Bohol on Sunday."
    c = claim("d", s, [("12", 12)], [])
    c["entities"] = [province(s, "the province of Bohol")]
    assert scope_of(c, c["quantities"][0], "Philippines", {"Philippines"}) == ("Philippines", "Bohol")


def test_a_province_needs_its_country_named_and_a_place_label():
    s = "Floods killed 40 people in Matabeleland North, officials said."
    c = claim("d", s, [("40", 40)], [])
    c["entities"] = [province(s, "Matabeleland North")]
    # the document never names Zimbabwe: no reading of the name as its province
    assert scope_of(c, c["quantities"][0], "Kenya", {"Kenya"}) == ("Kenya", None)
    c["entities"] = [province(s, "Matabeleland North", label="PERSON")]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)


def test_a_subdivision_owning_a_tally_is_its_breakdown_without_an_entity():
    s = "Flood update: Matabeleland North toll rises to 40"
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Matabeleland North")
    s = "Flood update: Matabeleland North's death toll rises to 40"
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Kenya", {"Kenya", "Zimbabwe"}) == ("Zimbabwe", "Matabeleland North")
    # a name the gazetteer holds as no subdivision owns no place, nor a verb between
    s = "Flood update: Reuters toll rises to 40"
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)
    s = "Flood update: Matabeleland North puts number at 40"
    c = claim("d", s, [("40", 40)], [])
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)


def test_the_capital_by_its_title_is_the_main_countrys_capital():
    s = "Some 1.2 million marched across the country, 80,000 of them in the capital."
    c = claim("d", s, [("1.2 million", 1.2e6), ("80,000", 80000)], [])
    assert scope_of(c, c["quantities"][1], "France", {"France"}) == ("France", "Paris")
    # the mark is across another number from the national count: not the total's
    assert scope_of(c, c["quantities"][0], "France", {"France"}) == ("France", None)
    # a provincial capital or the capital area is not the country's capital
    for s in ("Some 800 people marched in the provincial capital.", "Some 800 people marched in the capital area."):
        c = claim("d", s, [("800", 800)], [])
        assert scope_of(c, c["quantities"][0], "France", {"France"}) == ("France", None)
    # no main country: no one capital
    s = "Some 800 people marched in the capital."
    c = claim("d", s, [("800", 800)], [])
    assert scope_of(c, c["quantities"][0], None, set()) == (None, None)


def test_a_fronted_place_unknown_to_the_gazetteer_scopes_its_sentence():
    s = "In Velmora, the hillside suburb, mudslides killed at least 14 people."
    c = claim("d", s, [("14", 14)], [])
    c["entities"] = [{"text": "Velmora", "span": [3, 10], "label": "GPE", "norm": "Velmora", "entity_id": "ent:v"}]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Velmora")
    # not fronted: the sentence's place is not set by it
    s = "Mudslides killed at least 14 people, a doctor from Velmora said."
    c = claim("d", s, [("14", 14)], [])
    i = s.index("Velmora")
    c["entities"] = [{"text": "Velmora", "span": [i, i + 7], "label": "GPE", "norm": "Velmora", "entity_id": "ent:v"}]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)


def test_a_province_name_two_named_countries_share_is_no_ones_breakdown():
    s = "Floods killed 40 people in Punjab, officials said."
    c = claim("d", s, [("40", 40)], [])
    c["entities"] = [province(s, "Punjab")]
    assert scope_of(c, c["quantities"][0], "India", {"India"}) == ("India", "Punjab")
    # India and Pakistan each have a Punjab: with both named, the name decides nothing
    assert scope_of(c, c["quantities"][0], "India", {"India", "Pakistan"}) == ("India", None)


def test_an_admin_area_of_the_gazetteer_takes_its_own_country_not_the_storys():
    s = "Floods killed 30 people in Bohol province, officials said."
    c = claim("d", s, [("30", 30)], [])
    # the name read by the admin-area rule ("X province"), not as a place entity
    assert scope_of(c, c["quantities"][0], "Vietnam", {"Vietnam", "Philippines"}) == ("Philippines", "Bohol")
    assert scope_of(c, c["quantities"][0], "Vietnam", {"Vietnam"}) == ("Vietnam", "Bohol")
    s = "Floods killed 30 people in Matabeleland North on Friday."
    c = claim("d", s, [("30", 30)], [])
    q = c["quantities"][0]
    q["counted_span"] = [s.index("people"), s.index("people") + len("people")]
    # a name right after the count and "in" that no entity covers
    assert scope_of(c, q, "Mozambique", {"Mozambique", "Zimbabwe"}) == ("Zimbabwe", "Matabeleland North")


def test_a_country_named_inside_another_name_vouches_for_its_provinces_not_its_cities():
    gweru = "geo:890422"   # a city of Zimbabwe, no province's name
    s1 = "Helicopters of the Air Force of Zimbabwe flew over the valley."
    c1 = claim("d", s1, [], [])
    c1["entities"] = [{"text": "Air Force of Zimbabwe", "span": [s1.index("Air"), s1.index("Air") + 21], "label": "ORG",
                       "norm": "Air Force of Zimbabwe", "entity_id": "ent:af"}]
    s2 = "Floods killed 30 people in Matabeleland North on Friday."
    c2 = claim("d", s2, [("30", 30)], [])
    c2["entities"] = [province(s2, "Matabeleland North")]
    named = countries_named([c1, c2])["d"]
    assert "Zimbabwe" not in named and "Zimbabwe" in named.mentioned
    assert scope_of(c2, c2["quantities"][0], "Mozambique", named) == ("Zimbabwe", "Matabeleland North")
    s3 = "Floods killed 30 people in Gweru on Friday."
    c3 = claim("d", s3, [("30", 30)], [("Gweru", gweru)])
    assert scope_of(c3, c3["quantities"][0], "Mozambique", named) == ("Mozambique", None)


def test_a_province_needs_no_place_preposition_before_it():
    s = "Matabeleland North, where the storm broke, recorded 30 of those deaths."
    c = claim("d", s, [("30", 30)], [])
    c["entities"] = [province(s, "Matabeleland North")]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Matabeleland North")
    # a city in that position is an actor or a title, no place
    gweru = "geo:890422"
    s = "Gweru, where the storm broke, recorded 30 of those deaths."
    c = claim("d", s, [("30", 30)], [("Gweru", gweru)])
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)


def test_a_city_after_for_is_a_place_of_the_count():
    s = "For Kathmandu alone, the police count was 600."
    c = claim("d", s, [("600", 600)], [("Kathmandu", KATHMANDU)])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")


def test_a_countrys_possessive_is_that_country_whatever_its_label():
    s = "Nepal's toll reached 40 on Monday."
    c = claim("d", s, [("40", 40)], [])
    c["entities"] = [{"text": "Nepal's", "span": [0, 7], "label": "PERSON", "norm": "Nepal", "entity_id": "ent:n"}]
    assert scope_of(c, c["quantities"][0], None, {"Nepal", "India"}) == ("Nepal", None)
    assert countries_named([c])["d"] == {"Nepal"}


def test_their_country_refers_back_to_the_sources_country():
    s = "Kenyan officials said 40 people had died in the east of their country."
    c = claim("d", s, [("40", 40)], [])
    c["attribution"] = {"source_span": [0, 16]}
    c["entities"] = [{"text": "Kenyan", "span": [0, 6], "label": "NORP", "norm": "Kenyan", "entity_id": "ent:k"}]
    # a story across countries: no main country, and India named last before the sentence
    assert scope_of(c, c["quantities"][0], None, {"Kenya", "India"}, previous="India") == ("Kenya", None)


def test_place_marks_worked_out_once_still_follow_the_named_countries():
    from pipeline.inspect.scope import places_once

    s = "Floods killed 30 people in Kathmandu on Sunday."
    c = claim("d", s, [("30", 30)], [("Kathmandu", KATHMANDU)])
    q = c["quantities"][0]
    with places_once():
        # the same figure asked again with other named countries is not answered from the memo
        assert scope_of(c, q, "Nepal", {"Nepal"}) == ("Nepal", "Kathmandu")
        assert scope_of(c, q, "Nepal", set()) == ("Nepal", None)
        assert scope_of(c, q, None, {"Nepal"}) == ("Nepal", "Kathmandu")
    assert scope_of(c, q, "Nepal", set()) == ("Nepal", None)


def test_countries_named_by_adjective_or_inside_a_name_are_mentioned_only():
    s = "The Nepalese army and the Bank of India sent 30 people."
    c = claim("d", s, [("30", 30)], [])
    c["entities"] = [{"text": t, "span": [s.index(t), s.index(t) + len(t)], "label": "ORG", "norm": t,
                      "entity_id": f"ent:{t}"} for t in ("Nepalese", "Bank of India")]
    named = countries_named([c, dict(c, claim_id="d2")])["d"]
    assert named == set() and named.mentioned == {"Nepal", "India"}


def test_place_marks_worked_out_once_still_follow_the_countries_only_mentioned():
    from pipeline.inspect.scope import NamedCountries, places_once

    s = "Floods killed 30 people in Matabeleland North on Friday."
    c = claim("d", s, [("30", 30)], [])
    c["entities"] = [province(s, "Matabeleland North")]
    q = c["quantities"][0]
    mentioned, bare = NamedCountries(), NamedCountries()
    mentioned.mentioned.add("Zimbabwe")   # "the Air Force of Zimbabwe" elsewhere in the document
    want = [scope_of(c, q, "Mozambique", n) for n in (mentioned, bare)]
    assert want[0] == ("Zimbabwe", "Matabeleland North") and want[1] != want[0]
    with places_once():
        assert [scope_of(c, q, "Mozambique", n) for n in (mentioned, bare)] == want


def _quake_story(event: str) -> dict:
    """Tables of a three-article story about an ``event`` in Nepal whose city Kathmandu two
    of the articles give a count for."""
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "abc"}
    claims = [claim("a", f"The {event} killed 2,000 people in Nepal.", [("2,000", 2000)], [("Nepal", NEPAL)]),
              claim("a", "Some 600 people died in Kathmandu.", [("600", 600)], [("Kathmandu", KATHMANDU)]),
              claim("b", f"The {event} killed 2,100 people in Nepal.", [("2,100", 2100)], [("Nepal", NEPAL)]),
              claim("b", "Some 640 people died in Kathmandu.", [("640", 640)], [("Kathmandu", KATHMANDU)]),
              claim("c", f"Nepal said 2,050 people were killed in the {event}.", [("2,050", 2050)], [("Nepal", NEPAL)])]
    for i, c in enumerate(claims):     # text order inside each document
        c["span"] = [i * 100, i * 100 + len(c["text"])]
        for x in c["quantities"] + c["entities"]:
            x["span"] = [x["span"][0] + i * 100, x["span"][1] + i * 100]
    return {(m.country, m.subplace): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(claims, docs)}


def test_the_home_city_of_an_area_hazard_keeps_its_breakdown():
    # a quake strikes an area: the city its articles keep naming is the worst-hit part
    assert _quake_story("earthquake") == {("Nepal", None): [2000, 2050, 2100], ("Nepal", "Kathmandu"): [600, 640]}
    # a crush happens at one site: the city's count is the story's own toll
    assert _quake_story("crush") == {("Nepal", None): [600, 640, 2000, 2050, 2100]}


def test_a_name_before_an_english_word_for_a_local_admin_area_is_that_area():
    s = "At least 14 people died in Karo regency, north of the city."
    c = claim("d", s, [("14", 14)], [])
    assert scope_of(c, c["quantities"][0], "Indonesia", {"Indonesia"}) == ("Indonesia", "Karo")


def test_an_unread_name_after_a_count_a_word_or_two_and_in_is_its_breakdown():
    s = "Up to 5,000 feared missing in Ngangu"
    c = claim("d", s, [("Up to 5,000", 5000)], [])
    c["quantities"][0]["counted"] = None
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Ngangu")
    # a city the recogniser read keeps its own country, not the story's
    s = "Some 40 tourists died in Kathmandu."
    c = claim("d", s, [("40", 40)], [("Kathmandu", KATHMANDU)])
    c["quantities"][0]["counted"] = None
    assert scope_of(c, c["quantities"][0], "India", {"India", "Nepal"}) == ("Nepal", "Kathmandu")


def test_an_unread_name_heading_a_fronted_in_adjunct_is_the_scene():
    s = "In Ngangu, more than 500 people have been hurt."
    c = claim("d", s, [("more than 500", 500)], [])
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", "Ngangu")
    # a date the dates stage read is no place
    s = "In March, more than 500 people were hurt."
    c = claim("d", s, [("more than 500", 500)], [])
    c["dates"] = [{"text": "March", "span": [3, 8]}]
    assert scope_of(c, c["quantities"][0], "Zimbabwe", {"Zimbabwe"}) == ("Zimbabwe", None)


def test_a_region_naming_an_event_is_no_place_of_the_count():
    s = "By March the toll had reached 9,000, as many as died in the 1998 Atlantic hurricane."
    c = claim("d", s, [("9,000", 9000)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", None)
    # a region where the count is, no event's name: a total over the region
    s = "By March the toll had reached 9,000 across the Atlantic."
    c = claim("d", s, [("9,000", 9000)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == (None, None)


def test_a_story_happens_in_the_city_enough_of_its_documents_name_at_either_share():
    docs = {d: {"doc_id": d, "story_id": "story:x"} for d in ("a", "b", "c", "d")}
    claims = [claim(d, "Rescuers searched the rubble in Kathmandu.", [], [("Kathmandu", KATHMANDU)])
              for d in ("a", "b")] + [claim(d, "The quake killed 40 people.", [("40", 40)], []) for d in ("c", "d")]
    votes = city_votes(docs, claims)
    # two of four documents: half of them, not two thirds
    assert story_cities(docs, claims) == story_cities(docs, [], votes=votes) == {"story:x": {"Kathmandu"}}
    assert story_cities(docs, claims, share=2 / 3) == story_cities(docs, [], share=2 / 3, votes=votes) \
        == {"story:x": set()}



def test_there_refers_back_to_another_country_of_the_sentence_before():
    docs = {d: {"doc_id": d, "story_id": "story:x", "source": d} for d in "ab"}
    other = claim("a", "The storm then turned towards India.", [], [("India", INDIA)])
    other["sentence_index"] = 4
    there = claim("a", "Relatives said 40 people had died there.", [("40", 40)], [])
    there["sentence_index"] = 5
    toll = claim("a", "Nepal said 2,000 people were killed.", [("2,000", 2000)], [("Nepal", NEPAL)])
    toll["sentence_index"] = 6
    home = claim("b", "The storm killed 2,100 people in Nepal.", [("2,100", 2100)], [("Nepal", NEPAL)])
    tables = {(m.country, m.subplace): [r.quantity["value"] for r in m.rows]
              for m in build_ledger([other, there, toll, home], docs)}
    assert tables == {("Nepal", None): [2000, 2100], ("India", None): [40]}
    # no "there": the count names no place and is the story's main country's
    there["text"] = "Relatives said 40 people had died."
    tables = {(m.country, m.subplace) for m in build_ledger([other, there, toll, home], docs)}
    assert tables == {("Nepal", None)}


def test_there_after_a_count_refers_back_to_the_province_across_another_count():
    s = "Verlo province took the brunt, with 1,100 deaths; officials said 900 people were killed there."
    c = claim("d", s, [("1,100", 1100), ("900", 900)], [])
    assert scope_of(c, c["quantities"][0], "Nepal", {"Nepal"}) == ("Nepal", "Verlo")
    assert scope_of(c, c["quantities"][1], "Nepal", {"Nepal"}) == ("Nepal", "Verlo")
    # no "there": the province is the nearer count's alone
    s = "Verlo province took the brunt, with 1,100 deaths; officials said 900 people were killed."
    c = claim("d", s, [("1,100", 1100), ("900", 900)], [])
    assert scope_of(c, c["quantities"][1], "Nepal", {"Nepal"}) == ("Nepal", None)


def test_a_source_named_by_its_country_adjective_places_an_unplaced_count():
    # a story across countries (no main country): the count is the source's country's
    s = "About 300 people remain missing, the officials added."
    c = claim("d", s, [("300", 300)], [])
    c["attribution"] = {"source_norm": "nepalese officials", "source_type": "anonymous"}
    assert scope_of(c, c["quantities"][0], None, set()) == ("Nepal", None)
    c["attribution"] = {"source_norm": "the officials", "source_type": "anonymous"}
    assert scope_of(c, c["quantities"][0], None, set()) == (None, None)
