"""The ledger groups counts by measure and class with general rules (claims built by hand, not the corpus)."""
from __future__ import annotations

import json
import math

import pytest

from pipeline.cli import main
from pipeline.inspect.fmt import bounds_label, interval, spread_label
from pipeline.inspect.ledger import (_not_a_level, build_ledger, class_of, counted_class, head_region,
                                     lexicon, measure_of, same_source, source_key, who_is_counted)


def quantity(sentence: str, text: str, value: float, *, approx: str = "exact", low=None, high=None,
             counted: str | None = None, predicate: str | None = None, kind: str = "count") -> dict:
    start = sentence.index(text)
    q = {"text": text, "span": [start, start + len(text)], "value": value,
         "low": value if low is None and approx in ("exact", "more_than", "at_least") else low,
         "high": value if high is None and approx == "exact" else high,
         "approx": approx, "kind": kind, "unit": None, "currency": None, "iso": None,
         "counted": counted, "counted_span": None, "predicate": predicate}
    if counted:
        c = sentence.index(counted, start)
        q["counted_span"] = [c, c + len(counted)]
    return q


def claim(doc_id: str, sentence: str, quantities: list[dict], *, source: str | None = None,
          places: tuple[str, ...] = (), dates: tuple[tuple[str, str], ...] = (), flags: tuple[str, ...] = ()) -> dict:
    att = None
    if source:
        s = sentence.find(source)
        att = {"source": source, "source_span": [s, s + len(source)] if s >= 0 else None,
               "source_norm": source, "source_type": "organization", "cue": None, "cue_span": None,
               "mode": "indirect", "addressee": None, "via": None, "source_id": None}
    ents = []
    for p in places:
        s = sentence.index(p)
        ents.append({"text": p, "span": [s, s + len(p)], "label": "GPE", "norm": p, "entity_id": p.lower()})
    ds = []
    for text, value in dates:
        s = sentence.index(text)
        ds.append({"text": text, "span": [s, s + len(text)], "value": value, "grain": "day"})
    return {"schema_version": "1.0", "claim_id": f"{doc_id}-{len(sentence)}", "doc_id": doc_id,
            "text": sentence, "span": [0, len(sentence)], "sentence_index": 0, "section": "body",
            "kind": "statistic", "quantities": quantities, "entities": ents, "dates": ds,
            "attribution": att, "hedges": [],
            "flags": {f: f in flags for f in ("unverified", "verified", "reported", "alleged", "estimated",
                                              "approximate", "speculative", "conditional", "disputed")}}


def one(sentence: str, text: str, value: float, **kw) -> tuple[dict, dict]:
    q = quantity(sentence, text, value, **kw)
    return claim("d", sentence, [q]), q


@pytest.mark.parametrize("counted, expected", [
    ("civilians", "civilians"),
    ("Kurdish civilians", "civilians"),
    ("civilians and unarmed guards", "civilians"),
    ("members of the national security forces", "security forces"),
    ("police officers in the capital", "security forces"),
    ("soldiers", "security forces"),
    ("troops", "security forces"),
    ("people", "all"),
    ("persons", "all"),
    (None, "all"),
    ("rebel fighters", "militants"),
    ("schoolchildren", "schoolchildren"),   # no class: the head noun is its own class
    ("them", "unresolved"),
    ("others", "all"),                      # the people besides those counted before
    ("300 others", "all"),
    ("Americans", "americans"),             # a nationality is not everyone
])
def test_class_of_counted_head(counted, expected):
    assert class_of(counted) == expected


def test_head_region_peels_partitives_and_stops_at_modifiers():
    assert head_region("members of the government-led security forces in Hama province") == \
        "government-led security forces"
    assert head_region("dozens of the wounded") == "wounded"


@pytest.mark.parametrize("sentence, text, value, kw, expected", [
    ("The earthquake killed 2,300 people in three provinces.", "2,300", 2300,
     {"counted": "people", "predicate": "kill"}, "deaths"),
    ("Floods forced 3,000 residents to flee their homes.", "3,000", 3000,
     {"counted": "residents", "predicate": "flee"}, "displaced"),
    ("Police detained 57 protesters overnight.", "57", 57,
     {"counted": "protesters", "predicate": "detain"}, "detained"),
    ("At least 40 people were wounded in the blast.", "40", 40,
     {"counted": "people", "predicate": "wound", "approx": "at_least"}, "injured"),
    # no predicate: the noun counted names the measure
    ("Officials confirmed 12 fatalities.", "12", 12, {"counted": "fatalities"}, "deaths"),
    # no predicate: a cue near the number ("the dead included", "the toll rose to")
    ("Among the dead were 31 miners, the company said.", "31", 31, {"counted": "miners"}, "deaths"),
    ("The official toll rose to 88 on Monday.", "88", 88, {"predicate": "rise"}, "deaths"),
    # a cue after the counted phrase, with no other number in between
    ("Some 16 crew members of the trawler are feared to have died.", "16", 16,
     {"counted": "crew members of the trawler"}, "deaths"),
])
def test_measure_of(sentence, text, value, kw, expected):
    c, q = one(sentence, text, value, **kw)
    assert measure_of(c, q) == expected


def test_no_measure_for_unrelated_counts_or_reporting_verbs():
    c, q = one("The company hired 300 engineers last year.", "300", 300,
               counted="engineers", predicate="hire")
    assert measure_of(c, q) is None
    # a witness's list: "say" blocks the cue "killed" from being read into the number
    c, q = one("A nurse listed about 20 neighbours she said were killed.", "about 20", 20,
               approx="about", counted="neighbours", predicate="say")
    assert measure_of(c, q) is None


def test_a_cue_belongs_to_the_nearest_number_not_to_one_across_another():
    s = "Three villagers said 14 of their relatives were killed."
    q1 = quantity(s, "Three", 3, counted="villagers")
    q2 = quantity(s, "14", 14, counted="their relatives", predicate="kill")
    c = claim("d", s, [q1, q2])
    assert measure_of(c, q1) is None       # "14" sits between "Three" and "killed"
    assert measure_of(c, q2) == "deaths"


def test_a_level_verb_reads_the_cue_far_back_in_its_subject():
    s = ("The number of people killed in the fire at the old textile market on the east bank "
         "of the river has risen to 41.")
    c, q = one(s, "41", 41, predicate="rise")
    assert measure_of(c, q) == "deaths"
    # the same distance with a verb that states no level is too far
    c, q = one(s.replace("has risen to", "is now put at"), "41", 41, predicate="put")
    assert measure_of(c, q) is None


def test_a_cue_right_after_the_number_beats_a_borrowed_predicate():
    s = "The ministry said 820 people had died, up from 632 dead and 329 injured."
    q = quantity(s, "329", 329, predicate="die")    # the parser lent it the clause's verb
    assert measure_of(claim("d", s, [q]), q) == "injured"
    q = quantity(s, "632", 632, predicate="injure")
    assert measure_of(claim("d", s, [q]), q) == "deaths"


def test_who_is_counted_from_the_number_of_phrase_or_a_copula():
    s = "The number of Freedonians killed in the crush has risen to 14."
    q = quantity(s, "14", 14, predicate="rise")
    assert who_is_counted(claim("d", s, [q]), q) == "Freedonians"
    s = "Officials said 17 of the dead were children."
    q = quantity(s, "17", 17, counted="dead")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "children"
    s = "Of the 151 dead, 97 were female."
    q = quantity(s, "97", 97)
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "women"
    s = "At least 40 people were killed."
    q = quantity(s, "At least 40", 40, approx="at_least", counted="people", predicate="kill")
    assert who_is_counted(claim("d", s, [q]), q) == "people"


def test_a_bare_number_called_the_figure_counts_what_its_document_counts():
    s1 = "The blast killed at least 40 people, officials said."
    s2 = "The previous confirmed figure, given on Monday, was 17."
    s3 = "Organisers expect 17 more buses on Friday."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "17", 17)])
    c3 = claim("d", s3, [quantity(s3, "17", 17)])
    (table,) = build_ledger([c1, c2, c3], {"d": {"doc_id": "d"}})
    # "the figure" refers back to the document's toll; "17 more buses" names no tally
    assert table.measure == "deaths" and sorted(r.quantity["value"] for r in table.rows) == [17, 40]


def test_a_pronoun_before_a_level_verb_refers_back_to_the_documents_tally():
    s1 = "The landslide killed at least 40 people, officials said."
    s2 = "Over the next days it climbed from 52 on Monday to 61 on Wednesday."
    s3 = "Organisers expect 17 buses to climb the pass."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "52", 52, predicate="climb"), quantity(s2, "61", 61, predicate="climb")])
    c3 = claim("d", s3, [quantity(s3, "17", 17, counted="buses", predicate="climb")])
    (table,) = build_ledger([c1, c2, c3], {"d": {"doc_id": "d"}})
    # "it" stands for the toll; 17 buses has a noun of its own and no pronoun
    assert table.measure == "deaths" and sorted(r.quantity["value"] for r in table.rows) == [40, 52, 61]


def test_a_pronoun_with_a_copula_or_a_verb_of_stating_refers_back_to_the_tally():
    s1 = "The mudslide killed at least 30 people, officials said."
    s2 = "It was a provisional 37 at dawn; by noon it went to 44, and later it became 52."
    s3 = "Forecasters put it at 5.9 on the scale."
    s4 = "She said that nobody could keep working until 67."
    c1 = claim("d", s1, [quantity(s1, "at least 30", 30, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "37", 37), quantity(s2, "44", 44, predicate="go"),
                         quantity(s2, "52", 52, predicate="become")])
    c3 = claim("d", s3, [quantity(s3, "5.9", 5.9, predicate="put")])
    c4 = claim("d", s4, [quantity(s4, "67", 67, predicate="go")])
    (table,) = build_ledger([c1, c2, c3, c4], {"d": {"doc_id": "d"}})
    # "it was", "it went to", "it became" give the toll new values; a magnitude (not a
    # whole number) and a number after the conjunction "that" are no tally
    assert table.measure == "deaths" and sorted(r.quantity["value"] for r in table.rows) == [30, 37, 44, 52]


@pytest.mark.parametrize("sentence, text, value", [
    ("Storm kills over 60 in coastal towns", "over 60", 60),
    ("Dozens feared trapped as 45 die in bus plunge", "45", 45),
])
def test_headline_present_tense_verbs_of_dying_are_measure_cues(sentence, text, value):
    q = quantity(sentence, text, value)
    assert measure_of(claim("d", sentence, [q]), q) == "deaths"


def test_a_bare_whole_that_includes_a_measured_count_counts_what_it_counts():
    s1 = "The fire killed at least 60 people, officials said."
    s2 = "The chief said the 64 included 31 confirmed deaths."
    s3 = "The chief said the 12 engines included two ladders."
    c1 = claim("d", s1, [quantity(s1, "at least 60", 60, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "64", 64), quantity(s2, "31", 31, counted="confirmed deaths")])
    c3 = claim("d", s3, [quantity(s3, "12", 12, counted="engines"), quantity(s3, "two", 2, counted="ladders")])
    tables = build_ledger([c1, c2, c3], {"d": {"doc_id": "d"}})
    # the 64 is the whole its 31 deaths are part of; the engines name their own noun
    values = sorted(r.quantity["value"] for t in tables for r in t.rows if t.measure == "deaths")
    assert 64 in values and 12 not in values


def test_a_count_of_places_does_not_stand_between_a_cue_and_its_count():
    s = "Deaths from the fever in the four coastal provinces hardest hit have risen to 3,210."
    four = quantity(s, "four", 4, counted="coastal provinces")
    q = quantity(s, "3,210", 3210, predicate="rise")
    assert measure_of(claim("d", s, [four, q]), q) == "deaths"
    s = "Deaths at the camp rose after 40 relatives arrived, to 3,210."
    kin = quantity(s, "40", 40, counted="relatives", predicate="arrive")
    q = quantity(s, "3,210", 3210, predicate="rise")
    # a count of people between may take the cue for itself: it still blocks
    assert measure_of(claim("d", s, [kin, q]), q) is None


def test_a_level_verb_reaches_its_tally_across_a_list_of_levels():
    s1 = "The landslide killed at least 40 people, officials said."
    s2 = ("The official toll has climbed from 41,481 on Jan. 23, to 50,000 on Jan. 24, to 62,000 "
          "on Saturday, to 71,000 on Sunday and to 80,000 on Tuesday.")
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    levels = [("41,481", 41481), ("50,000", 50000), ("62,000", 62000), ("71,000", 71000), ("80,000", 80000)]
    c2 = claim("d", s2, [quantity(s2, t, v, predicate="climb") for t, v in levels])
    (table,) = build_ledger([c1, c2], {"d": {"doc_id": "d"}})
    assert table.measure == "deaths" and len(table.rows) == 6


def test_a_cue_after_a_superlative_ranks_places_and_counts_nothing():
    s = "The number of people killed in the three provinces worst affected has climbed to 5,100."
    q = quantity(s, "5,100", 5100, predicate="climb")
    assert measure_of(claim("d", s, [q]), q) == "deaths"


def test_an_increment_word_covers_the_count_coordinated_with_it():
    s = "Officials said 40 new infections and 12 deaths were recorded on Sunday alone."
    q = quantity(s, "12", 12, counted="deaths")
    c = claim("d", s, [quantity(s, "40", 40, counted="new infections"), q])
    assert class_of(who_is_counted(c, q)) == "new"
    s = "Officials said 40 people were infected and 12 deaths were recorded."
    q = quantity(s, "12", 12, counted="deaths")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "all"


def test_people_in_serious_condition_are_a_class_of_the_injured_apart():
    s = "Officials said 37 people were injured, 17 of them in critical care."
    total = quantity(s, "37", 37, counted="people", predicate="injure")
    part = quantity(s, "17", 17, counted="them")
    c = claim("d", s, [total, part])
    assert measure_of(c, part) == "injured"
    assert class_of(who_is_counted(c, part)) == "serious condition" and class_of(who_is_counted(c, total)) == "all"
    s = "Two people remain in serious condition."
    q = quantity(s, "Two", 2, counted="people", predicate="remain")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "serious condition"
    s = "Twenty people were seriously injured."
    q = quantity(s, "Twenty", 20, counted="people", predicate="injure")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "all"
    s = "Thousands of protesters critical of the plan marched."
    q = quantity(s, "Thousands", 2000, counted="protesters", predicate="march")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) != "serious condition"


def test_a_part_of_the_injured_critically_or_in_a_serious_condition_is_apart():
    for s, part in [("The ministry said 672 people were injured, 205 of them critically.", "205"),
                    ("The number of injured passed 2,000, about 1,400 of them in a serious condition.",
                     "about 1,400"),
                    ("The authority said two of those admitted were in serious condition.", "two")]:
        q = quantity(s, part, 1)
        assert class_of(who_is_counted(claim("d", s, [q]), q)) == "serious condition", s
    s = "The ministry said 672 people were injured, 205 of them in the capital."
    q = quantity(s, "205", 205)
    assert class_of(who_is_counted(claim("d", s, [q]), q)) != "serious condition"


def test_a_class_right_after_of_them_is_who_the_part_counts():
    for s, part, expected in [("Officials said 1,400 people were killed, hundreds of them foreign tourists.",
                               "hundreds", "foreigners"),
                              ("In all 34 people died, two of them police officers, and the rest later.",
                               "two", "security forces")]:
        q = quantity(s, part, 1)
        assert counted_class("deaths", who_is_counted(claim("d", s, [q]), q)) == expected, s
    s = "Officials said 1,400 people were killed, hundreds of them at resorts."
    q = quantity(s, "hundreds", 200)
    assert counted_class("deaths", who_is_counted(claim("d", s, [q]), q)) not in ("foreigners", "security forces")


def test_a_number_before_more_than_is_a_difference_apart_from_the_levels():
    s = "The latest figures showed 769 dead, 52 more than previously announced."
    level, diff = quantity(s, "769", 769, counted="dead"), quantity(s, "52", 52, predicate="more")
    c = claim("d", s, [level, diff])
    assert class_of(who_is_counted(c, diff)) == "difference" and class_of(who_is_counted(c, level)) == "all"
    s = "Officials said 52 more people died overnight."
    q = quantity(s, "52", 52, counted="people", predicate="die")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "all"


@pytest.mark.parametrize("sentence, text, value, counted, predicate, on_site", [
    # the site itself, or dying inside / within it, narrows the toll to a part of it
    ("Seventy people died in the tower itself, the police said.", "Seventy", 70, "people", "die", True),
    ("Forty people had died inside the arena, and the rest on the way to hospital.",
     "Forty", 40, "people", "die", True),
    ("The police chief said 34 people lost their lives within the arena, the rest in hospital.",
     "34", 34, "people", "lose", True),
    # the site elsewhere in the sentence, being inside it, or "within" a time: the whole toll
    ("Seventy people died in the fire, the police said of the tower itself.", "Seventy", 70, "people", "die", False),
    ("Forty of the dead were inside the arena.", "Forty", 40, None, "die", False),
    ("The police chief said 34 people lost their lives, most of them within the first hour.",
     "34", 34, "people", "lose", False),
])
def test_a_count_narrowed_to_the_site_is_a_part_of_the_toll(sentence, text, value, counted, predicate, on_site):
    q = quantity(sentence, text, value, counted=counted, predicate=predicate)
    assert (class_of(who_is_counted(claim("d", sentence, [q]), q)) == "on-site") is on_site


def test_a_number_after_by_is_a_difference_or_an_agent_not_a_count():
    s = "The ministry raised its count of the dead by 9,000, to 23,198."
    diff, level = quantity(s, "9,000", 9000, predicate="raise"), quantity(s, "23,198", 23198, predicate="raise")
    c = claim("d", s, [diff, level])
    assert measure_of(c, diff) is None and measure_of(c, level) == "deaths"
    s = "Rescuers, helped by hundreds of residents, pulled 40 people out alive."
    helpers = quantity(s, "hundreds", 200, counted="residents", predicate="help")
    assert measure_of(claim("d", s, [helpers]), helpers) is None
    (table,) = build_ledger([c], {"d": {"doc_id": "d"}})
    assert [r.quantity["value"] for r in table.rows] == [23198]
    s = "The province recorded 1,293 deaths, followed by 452 in the south."
    nxt = quantity(s, "452", 452)
    c = claim("d", s, [quantity(s, "1,293", 1293, counted="deaths"), nxt])
    assert not _not_a_level(c, nxt, lexicon())


def test_a_capacity_is_not_a_count():
    s = "The fans died in a ground built to hold 38,000."
    c, cap = one(s, "38,000", 38000, predicate="hold")
    assert measure_of(c, cap) is None
    s = "The fans died in a ground where 38,000 had gathered."
    c, q = one(s, "38,000", 38000, predicate="gather")
    assert measure_of(c, q) == "deaths"


def test_a_count_included_in_the_count_before_it_shares_its_measure():
    s = "The death toll rose to 154, including 26 foreigners, officials said."
    total, part = quantity(s, "154", 154, predicate="rise"), quantity(s, "26", 26, counted="foreigners")
    c = claim("d", s, [total, part])
    tables = {(m.measure, m.cls): [r.quantity["value"] for r in m.rows] for m in build_ledger([c], {"d": {}})}
    assert tables == {("deaths", "all"): [154], ("deaths", "foreigners"): [26]}


def test_a_number_compared_with_a_count_shares_its_measure():
    s = "At least 81 people were hurt, officials said, up from 72 reported overnight."
    c = claim("d", s, [quantity(s, "At least 81", 81, approx="at_least", counted="people", predicate="hurt"),
                       quantity(s, "72", 72, predicate="report")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c], {"d": {}})}
    assert tables == {"injured": [72, 81]}
    # a place's "from" is no comparison
    from pipeline.inspect.ledger import compared_measure
    s = "At least 81 people were hurt; nine were from the north, two from the south."
    two = quantity(s, "two", 2)
    c = claim("d", s, [quantity(s, "At least 81", 81, approx="at_least", counted="people", predicate="hurt"), two])
    assert compared_measure(c, two, lexicon()) is None


def test_a_number_a_count_replaces_shares_its_measure():
    s = "At least 81 people were hurt, officials said, after 72 counted overnight and 79 given by the bureau."
    new, old = (quantity(s, "At least 81", 81, approx="at_least", counted="people", predicate="hurt"),
                quantity(s, "79", 79))
    c = claim("d", s, [new, quantity(s, "72", 72), old])

    def lined_up() -> list[float]:
        return [r.quantity["value"] for m in build_ledger([c], {"d": {}}) for r in m.rows]
    assert 79 not in lined_up()
    new["revises"] = {"text": "79", "span": list(old["span"]), "value": 79}
    assert 79 in lined_up() and {m.measure for m in build_ledger([c], {"d": {}})} == {"injured"}


def test_a_bare_part_of_a_total_is_not_lined_up_with_it():
    s = "Ten people were killed on Tuesday, including five in the northern province."
    total = quantity(s, "Ten", 10, counted="people", predicate="kill")
    part = quantity(s, "five", 5, predicate="kill")
    c = claim("d", s, [total, part])
    assert class_of(who_is_counted(c, part)) == "part" and class_of(who_is_counted(c, total)) == "all"


def test_a_tally_qualified_by_the_numbers_own_participle_is_not_the_documents():
    s1 = "The blast killed at least 40 people, officials said."
    s2 = "The agency puts the number still living in the valley at about 9,000."
    s3 = "The agency puts the number at about 45."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "about 9,000", 9000, approx="about", predicate="live")])
    c3 = claim("d", s3, [quantity(s3, "about 45", 45, approx="about", predicate="put")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2, c3], {"d": {}})}
    assert tables == {"deaths": [40, 45]}


def test_a_tally_that_names_its_measure_keeps_it():
    s1 = "The blast killed at least 40 people, officials said."
    s2 = "The number of injured rose to 94 from 86."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "94", 94, predicate="rise"), quantity(s2, "86", 86, predicate="rise")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2], {"d": {}})}
    assert tables == {"deaths": [40], "injured": [86, 94]}


def test_a_cue_of_the_numbers_own_clause_beats_a_nearer_one_across_and():
    s = "Nine miners were killed and four more are being treated in hospital."
    q = quantity(s, "four", 4, predicate="treat")
    assert measure_of(claim("d", s, [quantity(s, "Nine", 9, counted="miners", predicate="kill"), q]), q) \
        == "injured"


def test_an_adjacent_cue_may_follow_one_linking_word():
    s = "Foreign tourists were among the dead and among the hundreds reported missing."
    c, q = one(s, "hundreds", 200, approx="vague", low=200, high=999, predicate="die")
    assert measure_of(c, q) == "missing"


def test_a_relative_clause_on_the_counted_noun_names_the_measure():
    s = "Of the 300 people who have caught the virus, 120 have died."
    c = claim("d", s, [quantity(s, "300", 300, counted="people", predicate="die"),
                       quantity(s, "120", 120, predicate="die")])
    assert measure_of(c, c["quantities"][0]) == "cases" and measure_of(c, c["quantities"][1]) == "deaths"


def test_a_count_of_them_critically_is_injured():
    s = "Officials said 900 people had died and 600 had been hurt, 150 of them critically."
    q = quantity(s, "150", 150, counted="them", predicate="die")
    c = claim("d", s, [quantity(s, "900", 900, counted="people", predicate="die"),
                       quantity(s, "600", 600, predicate="hurt"), q])
    assert measure_of(c, q) == "injured"


def test_a_cue_a_count_leaves_out_is_no_cue():
    s = "The overall death toll, not counting the missing, is between 1,400 and 1,800."
    c, q = one(s, "between 1,400 and 1,800", 1400, approx="range", low=1400, high=1800)
    assert measure_of(c, q) == "deaths"


def test_a_nationality_is_one_class_however_it_is_worded():
    from pipeline.inspect.ledger import counted_class
    assert counted_class("deaths", "Indian deaths") == counted_class("deaths", "Indians") == "nationals of India"
    assert counted_class("deaths", "Iranian victims") == "nationals of Iran"
    assert counted_class("deaths", "Kurdish civilians") == "civilians"
    assert counted_class("deaths", "people") == "all"
    s = "The Iranian government said 43 of its pilgrims had died."
    q = quantity(s, "43", 43, counted="its pilgrims", predicate="die")
    c = claim("d", s, [q], source="Iranian government")
    assert counted_class("deaths", who_is_counted(c, q)) == "nationals of Iran"


def test_protesters_killed_are_the_victims_in_general():
    from pipeline.inspect.ledger import counted_class
    assert counted_class("deaths", "protesters") == "all"
    assert counted_class("deaths", "soldiers") == "security forces"
    assert counted_class("deaths", "schoolchildren") == "schoolchildren"


def test_bare_alternatives_share_their_cue():
    s = "Officials feared hundreds, and possibly more than 1,000, had died."
    q1 = quantity(s, "hundreds", 200, approx="vague", low=200, high=999, predicate="fear")
    q2 = quantity(s, "more than 1,000", 1000, approx="more_than", predicate="die")
    c = claim("d", s, [q1, q2])
    assert measure_of(c, q1) == "deaths"
    # a number with a counted phrase of its own still claims the cue for itself
    s = "Three villagers said 14 of their relatives were killed."
    q1 = quantity(s, "Three", 3, counted="villagers")
    q2 = quantity(s, "14", 14, counted="their relatives", predicate="kill")
    assert measure_of(claim("d", s, [q1, q2]), q1) is None


def test_losing_a_home_is_displacement():
    s = "About 2,000 people lost their homes in the floods."
    c, q = one(s, "About 2,000", 2000, approx="about", counted="people", predicate="lose")
    assert measure_of(c, q) == "displaced"


def test_a_cue_phrase_holds_across_a_hard_wrapped_line():
    s = "Twenty of them are in critical\ncare, the ambulance service said."
    c, q = one(s, "Twenty", 20, counted="them")
    assert measure_of(c, q) == "injured"


def test_people_taken_to_hospitals_or_treated_are_injured():
    s = "The ambulance service said 64 people had been taken to hospitals across the city."
    c, q = one(s, "64", 64, counted="people", predicate="take")
    assert measure_of(c, q) == "injured"
    s = "Of those rescued, 292 were still being treated for their wounds."
    c, q = one(s, "292", 292, predicate="treat")
    assert measure_of(c, q) == "injured"


def test_a_march_is_a_cue_of_the_crowd_but_not_the_month():
    s = "The union said around 400,000 people had joined the march through the capital."
    c, q = one(s, "around 400,000", 400000, approx="about", counted="people", predicate="join")
    assert measure_of(c, q) == "protesters"
    s = "On March 7, police counted 30,000 people in the city."
    q = quantity(s, "30,000", 30000, counted="people", predicate="count")
    c = claim("d", s, [q], dates=(("March 7", "2023-03-07"),))
    assert measure_of(c, q) is None


def test_a_word_of_taking_part_names_a_crowd_in_a_crowd_story_only():
    from pipeline.inspect.ledger import KeyContext, crowd_measure, group_key
    s = "Organisers said 90,000 people had taken part, while the count peaked at about 40,000."
    a = quantity(s, "90,000", 90000, counted="people", predicate="say")
    b = quantity(s, "about 40,000", 40000, approx="about")
    c = claim("d", s, [a, b])
    lex = lexicon()
    assert measure_of(c, a) is None and measure_of(c, b) is None
    assert crowd_measure(c, a, lex, True) == "protesters" and crowd_measure(c, b, lex, True) == "protesters"
    assert crowd_measure(c, a, lex, False) is None
    s2 = "Some 3,000 riot officers took part in the operation."
    o = quantity(s2, "3,000", 3000, counted="riot officers", predicate="take")
    assert crowd_measure(claim("d", s2, [o]), o, lex, True) is None
    t = "Some 50,000 demonstrators marched through the city."
    m = quantity(t, "50,000", 50000, counted="demonstrators", predicate="march")
    crowd = claim("e", t, [m])
    docs = {"d": {"doc_id": "d", "published": "2024-05-09", "story_id": 1},
            "e": {"doc_id": "e", "published": "2024-05-09", "story_id": 1}}
    ctx = KeyContext.of([c, crowd], docs)
    assert group_key(c, a, ctx)[1] == "protesters"


def test_a_manner_of_dying_is_a_death():
    s = "The crush left hundreds suffocated near the gate, the governor said."
    c, q = one(s, "hundreds", 200, approx="vague", low=200, high=999, predicate="leave")
    assert measure_of(c, q) == "deaths"
    s = "Eleven fishermen drowned when the boat capsized."
    c, q = one(s, "Eleven", 11, counted="fishermen", predicate="drown")
    assert measure_of(c, q) == "deaths"


def test_intervals_and_labels():
    s = "x"
    assert bounds_label({"value": 600, "low": 600, "high": None, "approx": "more_than"}) == ">600"
    assert bounds_label({"value": 200, "low": 200, "high": 999, "approx": "vague"}) == "200–999"
    assert interval({"value": 50, "low": None, "high": None, "approx": "about"}) == pytest.approx((45, 55))
    assert interval({"value": 10, "low": None, "high": None, "approx": "at_most"}) == (0, 10)
    assert math.isinf(interval({"value": 7, "low": 7, "high": None, "approx": "at_least"})[1])
    assert spread_label([(595, 595), (740, math.inf)]) == "595–740+"
    assert spread_label([(12, 12)]) == "12" and s


def test_source_key_drops_possessives_and_british_spellings():
    assert source_key("the International Organisation for Migration") == \
        source_key("International Organization for Migration")
    assert source_key("Freedonia's government") == "freedonia government"
    assert source_key("Civil Defence") == source_key("civil defense")


def test_of_phrase_before_the_head_is_the_same_source():
    assert same_source(source_key("the Ministry of Health"), source_key("health ministry"))
    assert not same_source(source_key("Ministry of Health"), source_key("interior ministry"))


def test_acronym_is_the_same_source():
    assert same_source("hrw", "human rights watch")
    assert same_source("human rights watch", "hrw")
    assert not same_source("hrw", "amnesty international")


def _ledger_claims() -> list[dict]:
    s1 = "The Ministry of Health said 412 civilians were killed in the shelling of Kherson."
    s2 = "Human Rights Watch documented more than 400 civilians killed in Kherson."
    s3 = "The army said 96 civilians died in Kherson, far fewer than reported."
    s4 = "Some 1,200 people have been killed since the offensive began, the UN said."
    s5 = "Hundreds of people have died, aid agencies estimate."
    s6 = "A further 57 soldiers were killed in the fighting, the ministry said."
    s7 = "The shelling of Odesa on 3 May killed 15 civilians, HRW said."
    return [
        claim("a", s1, [quantity(s1, "412", 412, counted="civilians", predicate="kill")],
              source="Ministry of Health", places=("Kherson",)),
        claim("b", s2, [quantity(s2, "more than 400", 400, approx="more_than", counted="civilians",
                                 predicate="kill")], source="Human Rights Watch", places=("Kherson",)),
        claim("c", s3, [quantity(s3, "96", 96, counted="civilians", predicate="die")],
              source="army", places=("Kherson",), flags=("disputed",)),
        claim("c", s4, [quantity(s4, "Some 1,200", 1200, approx="about", counted="people", predicate="kill")],
              source="UN"),
        claim("b", s5, [quantity(s5, "Hundreds", 200, approx="vague", low=200, high=999, counted="people",
                                 predicate="die")], source="aid agencies", flags=("estimated",)),
        claim("a", s6, [quantity(s6, "57", 57, counted="soldiers", predicate="kill")], source="ministry"),
        claim("d", s7, [quantity(s7, "15", 15, counted="civilians", predicate="kill")], source="HRW",
              places=("Odesa",), dates=(("3 May", "2024-05-03"),)),
    ]


def test_build_ledger_groups_marks_conflicts_and_spread():
    docs = {"a": {"doc_id": "a", "source": "Outlet A"}, "b": {"doc_id": "b", "source": None}}
    measures = {(m.measure, m.cls): m for m in build_ledger(_ledger_claims(), docs)}
    assert set(measures) == {("deaths", "civilians"), ("deaths", "all"), ("deaths", "security forces")}
    civ = measures["deaths", "civilians"]
    values = [r.quantity["text"] for r in civ.rows]
    # in the order stated: the dated row first, then the undated ones, smaller first
    assert values == ["15", "96", "more than 400", "412"]
    by_text = {r.quantity["text"]: r for r in civ.rows}
    # 96 (army) contradicts 412 (ministry) and >400 (HRW): same place, different sources
    assert sorted(by_text["96"].conflicts) == [2, 3]
    assert by_text["412"].conflicts == [1] and by_text["more than 400"].conflicts == [1]
    # 15 in Odesa names another place: not compared with the Kherson counts
    assert by_text["15"].conflicts == []
    assert civ.conflict and civ.spread_label == "15–412+"
    allm = measures["deaths", "all"]
    # "some 1,200" is read as 1,080–1,320: it does not overlap "hundreds" (200–999)
    assert [r.source for r in allm.rows] == ["aid agencies", "UN"]
    assert allm.conflict and allm.rows[0].conflicts == [1]
    sec = measures["deaths", "security forces"].rows
    # "the ministry" of document a is the Ministry of Health that document names
    assert [(r.source, r.outlet) for r in sec] == [("Ministry of Health", "Outlet A")]


def test_outlet_stands_in_for_a_missing_source():
    s = "At least 9 people died in the collapse."
    c = claim("x", s, [quantity(s, "At least 9", 9, approx="at_least", counted="people", predicate="die")])
    (m,) = build_ledger([c], {"x": {"doc_id": "x", "source": "Daily Planet"}})
    assert m.rows[0].source == "Daily Planet" and m.rows[0].key == "daily planet"


def test_compare_command_writes_ledger_jsonl(tmp_path, capsys):
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in _ledger_claims()))
    (tmp_path / "documents.jsonl").write_text(json.dumps({"doc_id": "a", "source": "Outlet A"}) + "\n")
    assert main(["compare", str(tmp_path), "--jsonl", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "deaths · civilians" in out and "CONFLICT" in out and "Human Rights Watch" in out
    (story,) = [json.loads(x) for x in (tmp_path / "ledger.jsonl").read_text().splitlines()]
    groups = story["groups"]
    assert groups[0]["measure"] == "deaths" and groups[0]["class"] == "civilians"
    assert groups[0]["conflict"] is True and len(groups[0]["rows"]) == 4
    assert groups[0]["rows"][2]["bounds"] == ">400" and groups[0]["rows"][2]["interval"] == [400, None]


def test_compare_on_missing_dir_is_one_line(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nope")]) == 1
    assert "extract" in capsys.readouterr().err


@pytest.mark.parametrize("sentence, text, value, kw, expected", [
    ("Organisers said 250,000 demonstrators marched through Verona.", "250,000", 250000,
     {"counted": "demonstrators", "predicate": "march"}, "protesters"),
    ("About 4,000 dockers walked out on Monday.", "4,000", 4000, {"counted": "dockers"}, "strikers"),
    ("The agency has logged 312 suspected cases of the fever.", "312", 312,
     {"counted": "suspected cases of the fever", "predicate": "log"}, "cases"),
    ("The storm destroyed 1,400 homes in the valley.", "1,400", 1400,
     {"counted": "homes", "predicate": "destroy"}, "buildings"),
    ("The motion won 212 votes.", "212", 212, {"counted": "votes", "predicate": "win"}, "votes"),
    ("At least 30 hikers are still missing.", "30", 30, {"counted": "hikers", "predicate": "miss"}, "missing"),
    ("Troops evacuated 900 residents from the dam area.", "900", 900,
     {"counted": "residents", "predicate": "evacuate"}, "evacuated"),
    ("Divers rescued 45 passengers from the ferry.", "45", 45,
     {"counted": "passengers", "predicate": "rescue"}, "rescued"),
    ("The flood has affected 60,000 people.", "60,000", 60000, {"counted": "people", "predicate": "affect"},
     "affected"),
    ("Twelve fans were taken to hospital after the match.", "Twelve", 12, {"counted": "fans"}, "injured"),
    ("The blast claimed 31 lives.", "31", 31, {"counted": "lives", "predicate": "claim"}, "deaths"),
])
def test_measure_of_controlled_vocabulary(sentence, text, value, kw, expected):
    c, q = one(sentence, text, value, **kw)
    assert measure_of(c, q) == expected


@pytest.mark.parametrize("sentence, text, value, counted, expected", [
    # a person noun by its ending, by the lexicon, or a capitalised plural (a demonym)
    ("Eleven climbers died on the ridge.", "Eleven", 11, "climbers", "deaths"),
    ("Four pilgrims died in the heat.", "Four", 4, "pilgrims", "deaths"),
    ("Three Ruritanians died in the blaze.", "Three", 3, "Ruritanians", "deaths"),
    # things: the count is of something else, whatever verb or cue is near
    ("People in a dozen countries died in the wave.", "a dozen", 12, "countries", None),
    ("The injured were taken to four hospitals.", "four", 4, "hospitals", None),
    ("Two explosions killed the guards.", "Two", 2, "explosions", None),
    ("Nine helicopters carried the wounded.", "Nine", 9, "helicopters", None),
])
def test_measure_needs_a_counted_noun_the_measure_counts(sentence, text, value, counted, expected):
    c, q = one(sentence, text, value, counted=counted)
    assert measure_of(c, q) == expected


def test_unknown_counted_noun_opens_no_table():
    c1, _ = one("Officials said 40 people died in the flood.", "40", 40, counted="people", predicate="die")
    c2, _ = one("Eight villages were hit and many died.", "Eight", 8, counted="villages", predicate="hit")
    c3, _ = one("The three groups said 44 died.", "three", 3, counted="groups")
    labels = [(m.measure, m.cls) for m in build_ledger([c1, c2, c3])]
    assert labels == [("deaths", "all")]


def test_measure_own_noun_counts_everyone():
    c1, _ = one("Police counted 80,000 demonstrators in the capital.", "80,000", 80000,
                counted="demonstrators", predicate="count")
    c2, _ = one("Unions said 200,000 people marched.", "200,000", 200000, counted="people", predicate="march")
    c3, _ = one("Guards found 27 bodies in the field.", "27", 27, counted="bodies", predicate="find")
    groups = {(m.measure, m.cls): len(m.rows) for m in build_ledger([c1, c2, c3])}
    assert groups == {("protesters", "all"): 2, ("deaths", "bodies"): 1}


@pytest.mark.parametrize("sentence, text, value, kw", [
    ("A 6.1-magnitude quake killed dozens.", "6.1", 6.1, {"kind": "measure", "counted": "magnitude"}),
    ("The blast killed people 40 km away.", "40", 40, {"kind": "measure"}),
    ("Fighting killed 12% of the villagers.", "12%", 12, {"kind": "percent"}),
    ("The flood killed cattle worth $3 million.", "$3 million", 3e6, {"kind": "money"}),
])
def test_magnitudes_distances_percentages_money_are_not_counts(sentence, text, value, kw):
    c, _ = one(sentence, text, value, predicate="kill", **kw)
    assert build_ledger([c]) == []


def test_a_count_of_what_was_added_is_not_the_toll():
    from pipeline.inspect.ledger import counted_class
    # "new" cases are added over a period, a class apart from the cumulative count
    assert counted_class("cases", "new cases") == "new"
    assert counted_class("cases", "fresh infections") == "new"
    assert counted_class("cases", "cases") == "all"
    assert counted_class("deaths", "people") == "all"


def test_each_figures_measure_is_computed_once_per_ledger(monkeypatch):
    import pipeline.inspect.ledger as ledger_module

    calls = []
    real = ledger_module.measure_of
    monkeypatch.setattr(ledger_module, "measure_of", lambda c, q, lex=None: calls.append(id(q)) or real(c, q, lex))
    s1 = "The blast killed at least 40 people in Orlenz, officials said."
    s2 = "The number of injured rose to 94 from 86."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "94", 94, predicate="rise"), quantity(s2, "86", 86, predicate="rise")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2], {"d": {}})}
    # the document vote, the multi-country check and the group key share one answer per figure
    assert tables == {"deaths": [40], "injured": [86, 94]} and len(calls) == len(set(calls)) == 3


@pytest.mark.parametrize("sentence, text, kw", [
    ("Firefighters have pulled out 40 people from the flooded mine.", "40", {"counted": "people", "predicate": "pull"}),
    ("Divers pulled 12 miners out alive on Sunday.", "12", {"counted": "miners", "predicate": "pull"}),
    ("Among those freed alive were three children.", "three", {"counted": "children"}),
])
def test_a_survivor_brought_out_is_rescued(sentence, text, kw):
    c, q = one(sentence, text, 1, **kw)
    assert measure_of(c, q) == "rescued"


@pytest.mark.parametrize("counted, expected", [
    ("foreign victims", "foreigners"), ("foreign nationals", "foreigners"), ("foreigners", "foreigners"),
    ("overseas tourists", "foreigners"), ("foreign soldiers", "security forces"), ("people", "all"),
])
def test_people_from_abroad_are_one_class_however_worded(counted, expected):
    from pipeline.inspect.ledger import counted_class

    assert counted_class("deaths", counted) == expected


def test_a_bare_count_of_a_nationalitys_tally_counts_its_nationals():
    from pipeline.inspect.ledger import counted_class

    s = "India's foreign ministry put the Indian toll at 45."
    c, q = one(s, "45", 45, predicate="put")
    assert counted_class("deaths", who_is_counted(c, q)) == "nationals of India"
    # another number between the tally and the count: it is that number's
    s = "The Indian toll of 40 was overtaken by a count of 45."
    c, q = one(s, "45", 45, predicate="overtake")
    c["quantities"].insert(0, quantity(s, "40", 40))
    assert who_is_counted(c, q) is None


def test_counts_after_an_opening_whole_of_their_measure_are_parts():
    s1 = "At least 72 people were injured in the clashes."
    s2 = "Of the total, 41 had been discharged and 10 had been sent home."
    s3 = "Of the 1,975 people who have caught the virus, 1,069 have died."
    c1 = claim("d", s1, [quantity(s1, "At least 72", 72, approx="at_least", counted="people", predicate="injure")])
    c2 = claim("d", s2, [quantity(s2, "41", 41, predicate="injure"), quantity(s2, "10", 10, predicate="injure")])
    c3 = claim("d", s3, [quantity(s3, "1,975", 1975, counted="people", predicate="infect"),
                         quantity(s3, "1,069", 1069, predicate="die")])
    tables = {(m.measure, m.cls): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger([c1, c2, c3], {"d": {}})}
    assert tables == {("injured", "all"): [72], ("injured", "part"): [10, 41],
                      ("cases", "all"): [1975], ("deaths", "all"): [1069]}


def test_a_number_inside_a_hyphenated_modifier_does_not_take_the_cue_from_the_count():
    s = "The number of people killed in the collapse of the five-storey block has reached 40."
    q = quantity(s, "40", 40, predicate="reach")
    c = claim("d", s, [quantity(s, "five", 5), q])
    assert measure_of(c, q) == "deaths"
    assert measure_of(c, c["quantities"][0]) is None      # "five" of "five-storey" counts nothing
    # a count of people between is a count of its own and takes the cue ("five blocks",
    # which no cue can count, would not: see the count of places below)
    s = "The number of people killed as five firefighters searched the collapse has reached 40."
    q = quantity(s, "40", 40, predicate="reach")
    assert measure_of(claim("d", s, [quantity(s, "five", 5, counted="firefighters"), q]), q) is None


def test_punctuation_does_not_count_in_the_cue_window():
    # 22 words between "dead" and the number, and five commas: within the level window of 25
    s = ("The number of people confirmed dead in the collapse of the plaza, the tall building, "
         "which came down on Wednesday, went on rising, through Friday, and had reached 355.")
    q = quantity(s, "355", 355, predicate="reach")
    assert measure_of(claim("d", s, [q]), q) == "deaths"


def test_claimed_right_before_a_bare_number_is_a_verb_of_claiming_not_a_death_cue():
    s = "Police counted 80,000 in the capital, while the union claimed more than 200,000."
    a, b = quantity(s, "80,000", 80000), quantity(s, "more than 200,000", 200000, approx="more_than")
    c = claim("d", s, [a, b])
    assert measure_of(c, a) != "deaths" and measure_of(c, b) != "deaths"
    s = "The storm claimed 300 lives along the coast."
    q = quantity(s, "300", 300, counted="lives")
    assert measure_of(claim("d", s, [q]), q) == "deaths"


def test_a_bare_count_with_more_counts_the_people_of_the_count_before_it():
    s = "Twelve miners were killed and five more are being treated in hospital."
    q = quantity(s, "five", 5)
    c = claim("d", s, [quantity(s, "Twelve", 12, counted="miners", predicate="kill"), q])
    assert who_is_counted(c, q) == "miners"
    s = "Twelve miners were killed and five are being treated in hospital."
    q = quantity(s, "five", 5)
    c = claim("d", s, [quantity(s, "Twelve", 12, counted="miners", predicate="kill"), q])
    assert who_is_counted(c, q) is None


def test_a_bare_number_in_apposition_to_a_cue_counts_what_the_cue_names():
    s = "Verlo has the most cases, 783, while Sarn has recorded the most deaths, 337."
    cases, deaths = quantity(s, "783", 783), quantity(s, "337", 337, predicate="record")
    c = claim("d", s, [cases, deaths])
    assert measure_of(c, deaths) == "deaths" and measure_of(c, cases) == "cases"
    s = "The ministry listed the deaths (394) in the north."
    q = quantity(s, "394", 394, predicate="list")      # a blocking verb: no nearby cue is read
    assert measure_of(claim("d", s, [q]), q) == "deaths"
    s = "Of the 900 people who caught the virus, 400 have died."
    whole, part = quantity(s, "900", 900, counted="people"), quantity(s, "400", 400, predicate="die")
    assert measure_of(claim("d", s, [whole, part]), part) == "deaths"


def test_patients_count_the_injured_all_of_them():
    s = "That is down from the 37 patients, 17 of them critical, that police mentioned."
    q = quantity(s, "37", 37, counted="patients")
    c = claim("d", s, [q])
    assert measure_of(c, q) == "injured"
    assert counted_class("injured", who_is_counted(c, q)) == "all"


def test_a_partitive_of_the_dead_is_a_part_unless_placed_or_classed():
    s = "The bodies of 74 of the dead had been taken to hospitals."
    q = quantity(s, "74", 74, counted="dead")
    assert who_is_counted(claim("d", s, [q]), q) == "part"
    s = "According to the doctors, 17 of the dead were inside the square."
    q = quantity(s, "17", 17, counted="dead")
    assert who_is_counted(claim("d", s, [q]), q) != "part"
    s = "At least 17 of the dead were children."
    q = quantity(s, "At least 17", 17, counted="dead")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "children"


def test_counts_of_classes_joined_by_and_share_the_cue_of_their_count():
    s = "The hospital said those treated were 57 men and 24 women from the district."
    men, women = quantity(s, "57", 57, counted="men"), quantity(s, "24", 24, counted="women")
    c = claim("d", s, [men, women])
    assert measure_of(c, women) == "injured"
    s = "The hospital said those treated were 57 men and 24 buses from the district."
    men, buses = quantity(s, "57", 57, counted="men"), quantity(s, "24", 24, counted="buses")
    assert measure_of(claim("d", s, [men, buses]), buses) is None


def test_a_bare_count_still_in_care_is_a_part_of_the_injured_apart_from_their_total():
    s = "Dozens more are still in hospital."
    q = quantity(s, "Dozens", 24)
    assert counted_class("injured", who_is_counted(claim("d", s, [q]), q)) == "still in hospital"
    s = "Officials said 37 people were still being treated in hospital."
    q = quantity(s, "37", 37, counted="people")
    assert counted_class("injured", who_is_counted(claim("d", s, [q]), q)) == "all"


def test_a_bare_number_continuing_a_list_of_places_counts_what_the_first_item_counts():
    s = "Nepal reported 40 deaths, Bhutan 12, Upper Tarn three and Velin two."
    qs = [quantity(s, "40", 40, counted="deaths"), quantity(s, "12", 12), quantity(s, "three", 3),
          quantity(s, "two", 2)]
    tables = build_ledger([claim("d", s, qs)], {"d": {}})
    assert sorted(r.quantity["value"] for m in tables if m.measure == "deaths" for r in m.rows) == [2, 3, 12, 40]
    # a clause of its own between them is no list: the bare number stays unmeasured
    s = "Nepal reported 40 deaths, and officials said 12 were expected."
    qs = [quantity(s, "40", 40, counted="deaths"), quantity(s, "12", 12)]
    assert [r.quantity["value"] for m in build_ledger([claim("d", s, qs)], {"d": {}}) for r in m.rows] == [40]


def test_a_count_of_them_right_after_a_count_and_a_comma_counts_what_that_count_counts():
    s = "Doctors were caring for 40 patients, 12 of them critical."
    qs = [quantity(s, "40", 40, counted="patients"), quantity(s, "12", 12, counted="them")]
    tables = {(m.measure, m.cls): [r.quantity["value"] for r in m.rows] for m in build_ledger([claim("d", s, qs)], {"d": {}})}
    assert tables[("injured", "serious condition")] == [12]
    # not right after the count: "them" refers to whatever, and the count stays out
    s = "Doctors were caring for 40 patients on Monday and said 12 of them were fine."
    qs = [quantity(s, "40", 40, counted="patients"), quantity(s, "12", 12, counted="them")]
    assert [r.quantity["value"] for m in build_ledger([claim("d", s, qs)], {"d": {}}) for r in m.rows] == [40]


def test_numbers_in_an_apposition_do_not_stand_between_a_count_and_its_cue():
    s = "The agency said 54 people, 30 men and 24 women, were taken to hospital."
    q = quantity(s, "54", 54, counted="people")
    parts = [quantity(s, "30", 30, counted="men"), quantity(s, "24", 24, counted="women")]
    assert measure_of(claim("d", s, [q, *parts]), q) == "injured"
    # a number outside the commas still claims the cue for itself
    s = "The agency said 54 people died and 30 more were taken to hospital."
    q = quantity(s, "54", 54, counted="people", predicate="die")
    assert measure_of(claim("d", s, [q, quantity(s, "30", 30)]), q) == "deaths"


def test_story_victims_head_counts_everyone():
    # invented: a crush at a festival whose documents all count "pilgrims"
    docs = {d: {"doc_id": d, "story_id": "s"} for d in ("a", "b", "c")}
    ca = claim("a", "At least 90 pilgrims died in the crush at Velmora.",
               [quantity("At least 90 pilgrims died in the crush at Velmora.", "90", 90,
                         counted="pilgrims", predicate="die")])
    cb = claim("b", "Officials said 112 pilgrims were killed near the shrine.",
               [quantity("Officials said 112 pilgrims were killed near the shrine.", "112", 112,
                         counted="pilgrims", predicate="kill")])
    cc = claim("c", "The ministry put the toll at 130 people dead.",
               [quantity("The ministry put the toll at 130 people dead.", "130", 130,
                         counted="people", predicate="put")])
    groups = {(m.measure, m.cls): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger([ca, cb, cc], docs)}
    assert groups == {("deaths", "all"): [90, 112, 130]}
    # a head only one document uses stays a class of its own
    groups = {(m.measure, m.cls) for m in build_ledger([ca, cc], {"a": docs["a"], "c": docs["c"]})}
    assert groups == {("deaths", "pilgrims"), ("deaths", "all")}


def test_pronoun_count_of_another_measure_takes_its_antecedents_class():
    s = "Health officials say 900 people in Tarn were sickened by the fever and 310 of them have died."
    c = claim("d", s, [quantity(s, "900", 900, counted="people", predicate="sicken"),
                       quantity(s, "310", 310, counted="them", predicate="die")])
    s2 = "The ministry said 295 people had died of the fever in Tarn."
    c2 = claim("d", s2, [quantity(s2, "295", 295, counted="people", predicate="die")])
    groups = {(m.measure, m.cls): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger([c, c2], {"d": {}})}
    assert groups[("deaths", "all")] == [295, 310]


def test_a_noun_before_the_tally_noun_names_its_measure():
    s1 = "The landslide killed at least 40 people, officials said."
    s2 = "The rescue figure, first given as 210, was later cut to 120."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "210", 210, predicate="give"), quantity(s2, "120", 120, predicate="cut")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2], {"d": {}})}
    assert tables == {"deaths": [40], "rescued": [120, 210]}


def test_a_cue_after_several_linking_words_names_the_measure():
    s = "The storm left more than 30 villagers dead in Tarn and hundreds more with injuries."
    c = claim("d", s, [quantity(s, "more than 30", 30, approx="more_than", counted="villagers", predicate="die"),
                       quantity(s, "hundreds", 300, predicate="die")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c], {"d": {}})}
    assert tables == {"deaths": [30], "injured": [300]}


def test_a_part_of_them_after_the_rest_of_its_counts_clause_counts_what_the_whole_counts():
    from pipeline.inspect.ledger import KeyContext, partitive_measure
    lex = lexicon()
    docs = {"d": {"doc_id": "d", "published": "2024-05-09", "story_id": 1}}
    for s, whole, wv, counted, part in [
            ("Officials had confirmed 412 deaths so far, 310 of them on Varno Island.", "412", 412, "deaths", "310"),
            ("The ministry gave a total of 1.3 million marchers, with 90,000 of them in Kessel.", "1.3 million",
             1300000, "marchers", "90,000")]:
        w = quantity(s, whole, wv, counted=counted)
        p = quantity(s, part, 1, counted="them")
        c = claim("d", s, [w, p])
        ctx = KeyContext.of([c], docs)
        assert partitive_measure(c, p, ctx, lex, 1) == measure_of(c, w) is not None, s
    # a clause with a number of its own between the count and the part: not its part
    s = "Officials had confirmed 412 deaths by day 3 of the search, 310 of them on Varno Island."
    w, p = quantity(s, "412", 412, counted="deaths"), quantity(s, "310", 310, counted="them")
    c = claim("d", s, [w, p])
    assert partitive_measure(c, p, KeyContext.of([c], docs), lex, 1) is None


def test_confirmed_says_how_sure_a_count_is_not_who_it_counts():
    s = "The number of confirmed dead in Varno climbed past 150 on Wednesday."
    q = quantity(s, "150", 150, predicate="climb")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "all"
    s = "The number of people confirmed killed by the storm has gone up to 2,100."
    q = quantity(s, "2,100", 2100, predicate="go")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "all"
    s = "The number of children killed by the storm has gone up to 210."
    q = quantity(s, "210", 210, predicate="go")
    assert class_of(who_is_counted(claim("d", s, [q]), q)) == "children"


def test_a_number_modifying_a_singular_tally_noun_is_the_documents_tally():
    s1 = "The mudslide killed at least 40 people in the valley, officials said."
    s2 = "A governor said the 55 figure came from village heads."
    s3 = "Reporters noted that two counts had circulated."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "55", 55, counted="figure", predicate="come")])
    c3 = claim("d", s3, [quantity(s3, "two", 2, counted="counts", predicate="circulate")])
    tables = {(m.measure, m.cls): sorted(r.quantity["value"] for r in m.rows)
              for m in build_ledger([c1, c2, c3], {"d": {}})}
    assert tables == {("deaths", "all"): [40, 55]}


def test_a_count_added_to_a_tally_is_an_increment():
    s1 = "The flood has killed 300 people, the agency said."
    s2 = "A later update added 40 deaths to the earlier count of 260."
    c1 = claim("d", s1, [quantity(s1, "300", 300, counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "40", 40, counted="deaths", predicate="add"),
                         quantity(s2, "260", 260, predicate="die")])
    tables = {(m.measure, m.cls): sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2], {"d": {}})}
    assert tables[("deaths", "new")] == [40]
    assert 40 not in tables[("deaths", "all")]


def test_a_places_population_is_not_a_count_of_the_event():
    s1 = "The quake killed at least 90 people, officials said."
    s2 = "In Vellmar, a city of 95,000, most of the dead were found."
    s3 = "Vellmar, where most of those killed lived, has almost 80,000 inhabitants."
    c1 = claim("d", s1, [quantity(s1, "at least 90", 90, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "95,000", 95000, predicate="find")])
    c3 = claim("d", s3, [quantity(s3, "almost 80,000", 80000, approx="approximate", counted="inhabitants")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2, c3], {"d": {}})}
    assert tables == {"deaths": [90]}


def test_a_measure_noun_after_the_tally_noun_names_its_measure():
    s1 = "The quake killed at least 40 people, officials said."
    s2 = "The agency's tally of houses flattened stands at 2,300."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "2,300", 2300, predicate="stand")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2], {"d": {}})}
    assert tables == {"deaths": [40], "buildings": [2300]}


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("The hamlet of Orvel lost 14 people when the dam gave way.", "14", {"counted": "people", "predicate": "lose"},
     "deaths"),
    ("The mill lost a foreman as well as three passengers of its barge in the blaze.", "three",
     {"counted": "passengers", "predicate": "lose"}, "deaths"),
    # the count is the subject of the loss, not its object
    ("Some 200 dockers lost their jobs when the port shut.", "Some 200",
     {"counted": "dockers", "predicate": "lose"}, None),
    # things lost are no toll
    ("The valley lost 300 barns to the flood.", "300", {"counted": "barns", "predicate": "lose"}, None),
    # the verb in another clause
    ("The team lost, and 40 fans stayed on the pitch.", "40", {"counted": "fans", "predicate": "stay"}, None),
])
def test_people_a_place_lost_are_its_dead(sentence, text, kw, expected):
    c, q = one(sentence, text, 1, **kw)
    assert measure_of(c, q) == expected


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("Another 35 people had been flown to clinics in the capital.", "Another 35", {"counted": "people"}, "evacuated"),
    ("Nearly 90 climbers have not been accounted for since the avalanche.", "Nearly 90",
     {"counted": "climbers", "predicate": "account"}, "missing"),
    ("Cheers went up as 11 miners emerged alive from the shaft.", "11", {"counted": "miners", "predicate": "emerge"},
     "rescued"),
    ("Crews say 27 sailors were pulled to safety overnight.", "27", {"counted": "sailors", "predicate": "pull"},
     "rescued"),
    ("The agency said 45 people are listed as missing.", "45", {"counted": "people", "predicate": "list"}, "missing"),
])
def test_cues_of_evacuation_rescue_and_the_missing(sentence, text, kw, expected):
    c, q = one(sentence, text, 1, **kw)
    assert measure_of(c, q) == expected


def test_a_bracket_right_after_a_count_breaks_that_count_down():
    from pipeline.inspect.ledger import KeyContext, bracketed_measure
    lex = lexicon()
    docs = {"d": {"doc_id": "d", "published": "2024-05-09", "story_id": 1}}
    s = "Tally so far: 51 dead (30 villagers, 4 guides, 2 cooks), 80 missing, 96 rescued."
    qs = [quantity(s, "51", 51, counted="30 villagers"), quantity(s, "30", 30, counted="villagers"),
          quantity(s, "4", 4, counted="guides"), quantity(s, "2", 2, counted="cooks"),
          quantity(s, "80", 80), quantity(s, "96", 96)]
    c = claim("d", s, qs)
    ctx = KeyContext.of([c], docs)
    assert [bracketed_measure(c, q, ctx, lex, 1) for q in qs] == [None, "deaths", "deaths", "deaths", None, None]
    # each item says what it counts: its own cue, not the whole's
    s = "The ministry gave 310 casualties (120 dead, 190 injured)."
    qs = [quantity(s, "310", 310, counted="casualties"), quantity(s, "120", 120), quantity(s, "190", 190)]
    c = claim("d", s, qs)
    assert [bracketed_measure(c, q, KeyContext.of([c], docs), lex, 1) for q in qs] == [None, None, None]
    # a bracket after a name, not a count: each place's own figure
    s = "The count includes Arvia (70), Belmar (63) and Corvo (54)."
    qs = [quantity(s, "70", 70), quantity(s, "63", 63), quantity(s, "54", 54)]
    c = claim("d", s, qs)
    assert [bracketed_measure(c, q, KeyContext.of([c], docs), lex, 1) for q in qs] == [None, None, None]


@pytest.mark.parametrize("sentence, part, expected", [
    ("Some 1.2 million people marched, 90,000 of them in the capital.", "90,000", True),
    ("The union counted 2 million marchers, with 300,000 of them walking in Vella.", "300,000", True),
    # a condition, not a place
    ("More than 200 people were hurt, and 26 of them remained in hospitals.", "26", False),
    ("More than 200 people were hurt, 30 of them seriously.", "30", False),
])
def test_a_pronouns_part_placed_right_after_it(sentence, part, expected):
    from pipeline.inspect.ledger import _placed_pronoun

    q = quantity(sentence, part, 1, counted="them")
    assert _placed_pronoun(claim("d", sentence, [q]), q) is expected


def test_a_list_item_the_parser_read_into_the_counted_phrase_still_gaps_the_measure():
    from pipeline.inspect.ledger import KeyContext, listed_measure
    lex = lexicon()
    docs = {"d": {"doc_id": "d", "published": "2024-05-09", "story_id": 1}}
    for s, counted, expected in [
            # "Borduria" starts the next item, though the parser counted "deaths and Borduria"
            ("Ruritania follows with 930 deaths and Borduria with 778.", "deaths and Borduria", "deaths"),
            # no name after "and": no list of places
            ("Ruritania follows with 930 deaths and the rest with 778.", "deaths and the rest", None)]:
        whole = quantity(s, "930", 930, counted=counted, predicate="follow")
        item = quantity(s, "778", 778, predicate="follow")
        c = claim("d", s, [whole, item])
        assert listed_measure(c, item, KeyContext.of([c], docs), lex, 1) == expected, s


@pytest.mark.parametrize("sentence, text, kw, expected", [
    # the parser lends the count the neighbour's verb: its own noun names the event
    ("Field teams counted 59 deaths among 80 cases in the district.", "80",
     {"counted": "cases", "predicate": "die"}, "cases"),
    ("Medics logged 12 deaths and about 30 gunshot injuries.", "about 30",
     {"counted": "gunshot injuries", "predicate": "die", "approx": "about"}, "injured"),
    # a noun of people yields to the predicate
    ("The shelling killed some 300 refugees.", "some 300", {"counted": "refugees", "predicate": "kill"}, "deaths"),
    ("The second blast hurt 20 survivors.", "20", {"counted": "survivors", "predicate": "hurt"}, "injured"),
])
def test_a_noun_naming_the_counted_event_beats_a_lent_predicate(sentence, text, kw, expected):
    c, q = one(sentence, text, 1, **kw)
    assert measure_of(c, q) == expected


def test_the_cues_a_sentence_holds_are_listed_once_in_lexicon_order():
    from dataclasses import replace

    from pipeline.inspect.ledger import _cues_in

    lex = replace(lexicon(), measures={"deaths": {"cues": ["killed", "dead"]}, "injured": {"cues": ["hurt"]},
                                       "missing": {"cues": ["missing"]}})
    lower = "four were hurt and nine killed when the ferry sank; two are missing"
    assert _cues_in(lower, lex) == (("deaths", "killed"), ("injured", "hurt"), ("missing", "missing"))
    assert _cues_in(lower, lex) is _cues_in(lower, lex)  # the second figure of the sentence reads the list kept
    other = replace(lex, measures={"injured": {"cues": ["hurt"]}})
    assert _cues_in(lower, other) == (("injured", "hurt"),)  # each lexicon its own cues
    assert _cues_in("nothing here", lex) == ()


def test_a_sentence_with_a_capital_sigma_still_finds_the_cue_after_its_number():
    s = "ΣΤΑΘΜΟΣ: 40 dead after the storm."
    q = quantity(s, "40", 40, predicate="injure")  # a borrowed predicate: the cue right after wins
    assert measure_of(claim("d", s, [q]), q) == "deaths"


def test_a_level_verb_as_a_participle_of_the_tally_is_the_tally_rising():
    s1 = "The blast killed at least 40 people, officials said."
    s2 = "Medics expect the figure to keep rising past 60."
    s3 = "The agency puts the number still living in the valley at about 9,000."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "past 60", 60, approx="more_than", predicate="rise")])
    c3 = claim("d", s3, [quantity(s3, "about 9,000", 9000, approx="about", predicate="live")])
    tables = {m.measure: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c1, c2, c3], {"d": {}})}
    # "rising" is the figure's own movement; "living" still qualifies the number
    assert tables == {"deaths": [40, 60]}


@pytest.mark.parametrize("sentence, text, kw, expected", [
    # the parser read the verb after a bare number as its noun
    ("Ferry disaster deepens as 85 drown off the cape", "85", {"counted": "drown", "predicate": "deepen"},
     "deaths"),
    ("Officials gave 40 killed and 95 hurt in the blast.", "95", {"counted": "hurt", "predicate": "kill"},
     "injured"),
    ("Officials gave 40 killed and 95 injured in the blast.", "95", {"counted": "injured", "predicate": "kill"},
     "injured"),
    # a plural noun among the cues is a thing counted, not the verb
    ("Several rallies were peaceful.", "Several", {"counted": "rallies"}, None),
    ("Another 12 marches were banned.", "Another 12", {"counted": "marches", "predicate": "ban"}, None),
])
def test_a_verb_read_as_the_counted_noun_is_the_measure(sentence, text, kw, expected):
    c, q = one(sentence, text, 12, **kw)
    assert measure_of(c, q) == expected


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("The island mourns 37 fishermen lost in the storm.", "37", {"counted": "fishermen", "predicate": "mourn"},
     "deaths"),
    ("Thousands gathered as the town mourned the 12 pupils.", "12", {"counted": "pupils", "predicate": "mourn"},
     "deaths"),
    # the mourners are the count, not the mourned
    ("Some 500 villagers mourned the victims on Sunday.", "Some 500", {"counted": "villagers", "predicate": "mourn"},
     None),
])
def test_people_mourned_are_dead(sentence, text, kw, expected):
    c, q = one(sentence, text, 12, **kw)
    assert measure_of(c, q) == expected


def test_participants_of_a_march_are_its_crowd():
    s = "Police counted 40,000 participants, while organisers claimed a crowd of 90,000 marchers."
    c, q = one(s, "40,000", 40000, counted="participants", predicate="march")
    assert measure_of(c, q) == "protesters"


def test_a_counted_noun_after_an_article_opens_a_phrase_of_its_own():
    s1 = "The flood killed at least 40 people, officials said."
    s2 = "The figure is up from the 31 the agency reported at dawn."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "31", 31, counted="agency", predicate="report")])
    (table,) = build_ledger([c1, c2], {"d": {}})
    assert table.measure == "deaths" and sorted(r.quantity["value"] for r in table.rows) == [31, 40]
    # the class is the document's, not "agency"
    assert {class_of(who_is_counted(c, c["quantities"][0])) for c in (c1, c2)} == {"all"}


def test_a_counted_noun_past_a_bracket_belongs_to_the_bracket():
    s = "Figures at noon: 31 dead (12 miners, 4 guards), 7 missing, 40 rescued."
    q = quantity(s, "31", 31, counted="12 miners", predicate="rescue")
    assert measure_of(claim("d", s, [q]), q) == "deaths"


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("The bureau lists 412 people as still missing.", "412", {"counted": "people", "predicate": "list"}, "missing"),
    ("The bureau lists 412 people as still missing and 950 as injured.", "950", {"predicate": "list"}, "injured"),
    # after other verbs "as" is a conjunction
    ("Deaths passed 400 as injuries mounted.", "400", {"predicate": "pass"}, "deaths"),
])
def test_a_verb_filing_a_count_links_it_to_its_cue_with_as(sentence, text, kw, expected):
    c, q = one(sentence, text, 12, **kw)
    assert measure_of(c, q) == expected


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("Crowds of 3,000 waited at the toll gate on Sunday.", "3,000", {"predicate": "wait"}, None),
    ("About 3,000 people waited in the affected districts for aid.", "About 3,000",
     {"counted": "people", "predicate": "wait"}, None),
    # the cue with no place after it still counts
    ("About 3,000 people were affected, the agency said.", "About 3,000", {"counted": "people"}, "affected"),
])
def test_a_cue_modifying_a_place_names_the_place(sentence, text, kw, expected):
    c, q = one(sentence, text, 3000, **kw)
    assert measure_of(c, q) == expected


def test_a_tally_from_the_affected_areas_is_the_documents():
    s1 = "The flood killed at least 40 people, officials said."
    s2 = "The latest count from all affected regions was 61."
    c1 = claim("d", s1, [quantity(s1, "at least 40", 40, approx="at_least", counted="people", predicate="kill")])
    c2 = claim("d", s2, [quantity(s2, "61", 61)])
    (table,) = build_ledger([c1, c2], {"d": {}})
    assert table.measure == "deaths" and sorted(r.quantity["value"] for r in table.rows) == [40, 61]


@pytest.mark.parametrize("sentence, text, kw, expected", [
    ("The storm has touched as many as two million lives.", "as many as two million",
     {"counted": "lives", "predicate": "touch"}, "affected"),
    ("The storm claimed 200 lives.", "200", {"counted": "lives", "predicate": "claim"}, "deaths"),
    ("Officials said 180 were safe and 20 missing.", "180", {"predicate": "say"}, "rescued"),
    # an adjective before a noun is no state of people
    ("Some 9,000 people lack safe water.", "Some 9,000", {"counted": "people", "predicate": "lack"}, None),
])
def test_lives_touched_and_people_safe(sentence, text, kw, expected):
    c, q = one(sentence, text, 200, **kw)
    assert measure_of(c, q) == expected


@pytest.mark.parametrize("sentence, text, kw, expected", [
    # the whole the rescued are taken from
    ("Coastguards said 90 people were rescued out of 130 passengers.", "130",
     {"counted": "passengers", "predicate": "rescue"}, None),
    ("Coastguards said 90 people were rescued out of 130 passengers.", "90",
     {"counted": "people", "predicate": "rescue"}, "rescued"),
    # the size of each family, not a count of the dead
    ("Among the dead were two families of four.", "four", {"predicate": "die"}, None),
    ("Among the dead were two families of four.", "two", {"counted": "families", "predicate": "die"}, "deaths"),
    # a distance between two figures
    ("Officials gave tolls of the dead that were thousands apart.", "thousands", {}, None),
    ("Nine people were detained, and 14 are under arrest.", "14", {}, "detained"),
])
def test_wholes_group_sizes_and_distances_are_no_count(sentence, text, kw, expected):
    c, q = one(sentence, text, 4, **kw)
    assert measure_of(c, q) == expected



def test_the_earlier_figure_a_count_replaces_takes_that_counts_whole_key():
    # "last week" read as what 189 counts: no measure of its own, yet the 329 that replaces
    # it says it is the earlier count of the missing
    s = "The number of people missing in Velin had grown to 329 on Friday, from 189 last week."
    new, old = quantity(s, "329", 329, predicate="grow"), quantity(s, "189", 189, counted="last week", predicate="grow")
    c = claim("d", s, [new, old], places=("Velin",))
    assert [sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([c], {"d": {}})] == [[329]]
    new["revises"] = {"text": "189", "span": list(old["span"]), "value": 189}
    tables = [(m.measure, m.cls, sorted(r.quantity["value"] for r in m.rows)) for m in build_ledger([c], {"d": {}})]
    assert tables == [("missing", "all", [189, 329])]
