"""Time scope: counts about another event or period are context, a table apart (invented sentences)."""
from __future__ import annotations

from pipeline.inspect.ledger import build_ledger
from pipeline.inspect.timescope import time_scope
from tests.test_ledger import claim, quantity


def _one(sentence: str, *figures: tuple[str, float]) -> tuple[dict, list[dict]]:
    qs = [quantity(sentence, t, v, predicate="kill") for t, v in figures]
    return claim("d", sentence, qs), qs


def test_earlier_year_near_the_count_is_context():
    c, (now, then) = _one("The toll of 2,100 is the worst since the 1931 quake that killed 7,400.",
                          ("2,100", 2100), ("7,400", 7400))
    assert time_scope(c, then, 2016) == "context 1931"
    assert time_scope(c, now, 2016) is None        # 7,400 stands between 1931 and 2,100


def test_year_of_the_story_is_not_context():
    c, (q,) = _one("The 2016 quake killed 2,100 people.", ("2,100", 2100))
    assert time_scope(c, q, 2016) is None
    assert time_scope(c, q, None) is None          # no story date: nothing to compare with


def test_past_period_phrase_is_context():
    c, (q,) = _one("Floods last year killed 340 people in the same valley.", ("340", 340))
    assert time_scope(c, q, 2016) == "context"


def test_a_count_said_of_every_year_is_context():
    c, (q,) = _one("Hundreds of people die each year in ferry accidents on the river.", ("Hundreds", 300))
    assert time_scope(c, q, 2016) == "context"
    c, (q,) = _one("The ferry sank on Friday and 41 people died.", ("41", 41))
    assert time_scope(c, q, 2016) is None


def test_context_counts_are_listed_apart():
    c1, _ = _one("The quake killed 2,100 people.", ("2,100", 2100))
    c2, _ = _one("A quake in 1931 killed 7,400 people.", ("7,400", 7400))
    c1["doc_id"], c2["doc_id"] = "a", "b"
    docs = {"a": {"story_id": "s", "published": "2016-05-02"}, "b": {"story_id": "s", "published": "2016-05-03"}}
    tables = build_ledger([c1, c2], docs)
    assert [(m.time, len(m.rows)) for m in tables] == [(None, 1), ("context 1931", 1)]
    assert tables[1].label.endswith("context 1931")


def test_a_year_followed_by_a_comma_is_still_a_year():
    c, (q,) = _one("In 1931, more than 300 people were killed in a quake there.", ("more than 300", 300))
    assert time_scope(c, q, 2016) == "context 1931"
    # a thousands separator is not a year: "1,931 people" names no year
    c, (q,) = _one("Some 2,100 people and 1,931 homes were counted.", ("2,100", 2100))
    assert time_scope(c, q, 2016) is None


def test_weeks_ago_marks_another_event_and_its_duration_does_not_compete():
    s = "Less than two weeks ago, a bridge collapsed on the ring road, killing 41 people."
    q = quantity(s, "41", 41, predicate="kill")
    weeks = quantity(s, "Less than two weeks", 2, kind="duration")
    c = claim("d", s, [weeks, q])
    assert time_scope(c, q, 2016) == "context"


def test_a_longer_past_period_is_context():
    c, (q,) = _one("Some 78 people have died in stadium violence over the past 28 years.", ("78", 78))
    assert time_scope(c, q, 2016) == "context"
    # "since the offensive began" may be the story's own event: not context by itself
    c, (q,) = _one("Some 1,200 people have been killed since the offensive began.", ("Some 1,200", 1200))
    assert time_scope(c, q, 2016) is None
    c, (q,) = _one("The quake killed 2,100 people on Saturday.", ("2,100", 2100))
    assert time_scope(c, q, 2016) is None


def test_a_year_marks_every_count_of_the_clause_it_opens():
    c, (killed, injured) = _one("In 2005, 11 people were killed and dozens injured in a crush.",
                                ("11", 11), ("dozens", 24))
    assert time_scope(c, killed, 2016) == "context 2005" and time_scope(c, injured, 2016) == "context 2005"


def test_a_date_well_before_the_story_began_is_context():
    s = "A bridge collapsed on 3 March, killing 41 people."
    c = claim("d", s, [quantity(s, "41", 41, predicate="kill")], dates=(("3 March", "--03-03"),))
    assert time_scope(c, c["quantities"][0], 2016, "2016-03-20") == "context 2016"
    assert time_scope(c, c["quantities"][0], 2016, "2016-03-05") is None   # the event's own day
    s = "A fire last November killed 112 workers."
    c = claim("d", s, [quantity(s, "112", 112, predicate="kill")], dates=(("last November", "2015-11"),))
    assert time_scope(c, c["quantities"][0], 2016, "2016-04-24") == "context 2015"
    # a period that runs up to now is the story's own cumulative count
    s = "The outbreak has killed 59 people since 9 February."
    c = claim("d", s, [quantity(s, "59", 59, predicate="kill")], dates=(("9 February", "2016-02-09"),))
    assert time_scope(c, c["quantities"][0], 2016, "2016-03-22") is None


def test_a_past_phrase_reaches_the_participle_clause_of_its_sentence():
    s = "Two weeks ago a crane collapsed onto the roof of the old covered market hall, killing 40 people."
    c = claim("d", s, [quantity(s, "40", 40, counted="people", predicate="kill")])
    assert time_scope(c, c["quantities"][0], 2016) == "context"


def test_a_year_belongs_to_its_own_clause_not_to_a_nearer_count_across_and():
    c, (old, other) = _one("Around 320 people were killed in a stampede at a match in Lima in 1964, "
                           "and 66 people died when a crowd rushed an exit.", ("Around 320", 320), ("66", 66))
    assert time_scope(c, old, 2016) == "context 1964"


def test_a_year_a_count_is_compared_with_after_it_is_not_its_time():
    c, (q,) = _one("The toll rose to 230,000, which put the disaster level with the 2004 tsunami.",
                   ("230,000", 230000))
    assert time_scope(c, q, 2010) is None
    c, (q,) = _one("It was the worst since the 1931 quake that killed 7,400 people.", ("7,400", 7400))
    assert time_scope(c, q, 2010) == "context 1931"


def test_a_when_clause_after_a_past_mark_is_of_that_time():
    s = "Six climbers had died three weeks earlier, when an avalanche hit the camp, killing 40 people."
    six, forty = quantity(s, "Six", 6, predicate="die"), quantity(s, "40", 40, predicate="kill")
    c = claim("d", s, [six, forty])
    assert time_scope(c, forty, 2016) == "context"
    # without "when" the nearer count before the mark keeps it
    s2 = "Six climbers had died three weeks earlier; an avalanche hit the camp, killing 40 people."
    six2, forty2 = quantity(s2, "Six", 6, predicate="die"), quantity(s2, "40", 40, predicate="kill")
    assert time_scope(claim("d", s2, [six2, forty2]), forty2, 2016) is None


def test_a_count_of_another_occurrence_of_an_event_is_context():
    c, (q,) = _one("Twelve workers died in a fire at another warehouse in the port.", ("Twelve", 12))
    assert time_scope(c, q, 2016) == "context"
    c, (q,) = _one("A previous outbreak in the region killed 280 people.", ("280", 280))
    assert time_scope(c, q, 2016) == "context"
    c, (q,) = _one("The fire at the warehouse killed 31 workers.", ("31", 31))
    assert time_scope(c, q, 2016) is None


def test_a_when_clause_holds_its_time_past_the_window_up_to_a_clause_break():
    s = ("Six climbers had died three weeks earlier when an avalanche swept down the north face of the "
         "mountain onto the crowded lower camp, injuring 30 people; this week 12 were hurt.")
    six, thirty, twelve = (quantity(s, t, v, predicate="injure") for t, v in (("Six", 6), ("30", 30), ("12", 12)))
    c = claim("d", s, [six, thirty, twelve])
    assert time_scope(c, thirty, 2016) == "context"
    assert time_scope(c, twelve, 2016) is None


def test_an_event_the_story_is_not_about_is_context():
    from pipeline.inspect.timescope import story_events

    docs = {d: {"story_id": "s"} for d in "abc"}
    leads = [claim(d, f"The quake flattened the town of Orvel ({d}).", []) for d in "abc"]
    leads[0]["sentence_index"] = leads[1]["sentence_index"] = 0
    events = story_events(docs, leads)["s"]
    assert "quake" in events and "epidemic" not in events
    c, (q,) = _one("A year on, a cholera epidemic that began in spring has killed 900 people.", ("900", 900))
    assert time_scope(c, q, 2016, events=events) == "context"
    c, (q,) = _one("The quake has killed 900 people.", ("900", 900))
    assert time_scope(c, q, 2016, events=events) is None
    # a noun that names whatever the story is about, or an event the count is compared with
    c, (q,) = _one("The disaster has killed 900 people.", ("900", 900))
    assert time_scope(c, q, 2016, events=events) is None
    c, (q,) = _one("The toll reached 900, level with the great storm of the century.", ("900", 900))
    assert time_scope(c, q, 2016, events=events) is None


def test_a_year_across_a_clause_break_is_its_own_clauses_and_a_when_clause_ends_with_the_counts_year():
    s = ("About 90 people died in a fire at a theatre in Dorvik in 1952, and 40 people drowned when a "
         "crowded ferry capsized on the river near the old harbour of Velm in 1967.")
    c = claim("d", s, [quantity(s, "90", 90, counted="people", predicate="die"),
                       quantity(s, "40", 40, counted="people", predicate="drown")])
    first, second = c["quantities"]
    assert time_scope(c, first, 2020) == "context 1952"
    assert time_scope(c, second, 2020) == "context 1967"     # 18 words on, past the window
    # a bare count after the break is elliptical, of the first clause's time
    s = "A march in 1999 drew 130,000 people by the organisers' count, and 22,800 according to police."
    c = claim("d", s, [quantity(s, "130,000", 130000, counted="people", predicate="draw"),
                       quantity(s, "22,800", 22800, predicate="draw")])
    assert time_scope(c, c["quantities"][1], 2020) == "context 1999"


def test_in_a_protest_story_the_injured_of_each_day_are_a_question_of_their_own():
    def one(doc: str, sentence: str, text: str, value: float, **kw) -> dict:
        return claim(doc, sentence, [quantity(sentence, text, value, **kw)])
    crowd = {"counted": "demonstrators", "predicate": "march"}
    hurt = {"counted": "officers", "predicate": "injure"}
    claims = [one("a", "Some 80,000 demonstrators marched.", "80,000", 80000, **crowd),
              one("a", "Police said 20 officers were injured.", "20", 20, **hurt),
              one("b", "Some 95,000 demonstrators marched.", "95,000", 95000, **crowd),
              one("b", "Police said 31 officers were injured.", "31", 31, **hurt),
              one("b", "Unions said 300,000 demonstrators marched.", "300,000", 300000, **crowd)]
    docs = {"a": {"doc_id": "a", "story_id": "s", "published": "2023-01-19"},
            "b": {"doc_id": "b", "story_id": "s", "published": "2023-03-07"}}
    injured = {m.time: [r.quantity["value"] for r in m.rows] for m in build_ledger(claims, docs)
               if m.measure == "injured"}
    assert injured == {"2023-01-19": [20], "2023-03-07": [31]}
    # in a story that is not mostly crowds, the injured line up whatever their day
    injured = {m.time: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger(
        [claims[0], claims[1], claims[3]], docs) if m.measure == "injured"}
    assert injured == {None: [20, 31]}


def test_a_demonstrative_right_before_an_event_noun_points_to_another_event():
    c, (q,) = _one("Later reports put the dead in that bombing at 140.", ("140", 140))
    assert time_scope(c, q, 2016) == "context"
    # a conjunction "that" before "the" is no demonstrative; "the" names the story's own event
    c, (q,) = _one("Officials said that the bombing killed 140 people.", ("140", 140))
    assert time_scope(c, q, 2016) is None
    c, (q,) = _one("That same year, a landslide killed 75 people in the hills.", ("75", 75))
    assert time_scope(c, q, 2016) == "context"


def test_a_clock_time_is_not_a_year():
    c, (q,) = _one("Police fired on the crowd at about 1900 GMT, when 300 people were at the square.",
                   ("300", 300))
    assert time_scope(c, q, 2016) is None
    c, (q,) = _one("Police fired on the crowd in 1900, when 300 people were at the square.", ("300", 300))
    assert time_scope(c, q, 2016) == "context 1900"


def test_a_cause_wide_total_is_context_in_a_story_about_one_attack():
    from pipeline.inspect.timescope import story_events

    docs = {d: {"story_id": "s"} for d in "abc"}
    leads = [claim(d, f"The bombing outside the ministry in Ostrava killed many ({d}).", []) for d in "abc"]
    events = story_events(docs, leads)["s"]
    c, (q,) = _one("The insurgency has claimed tens of thousands of lives.", ("tens of thousands", 20000))
    assert time_scope(c, q, 2016, events=events) == "context"
    c, (q,) = _one("The bombing has claimed 140 lives.", ("140", 140))
    assert time_scope(c, q, 2016, events=events) is None
    # a later event of another kind: an assault on a hotel in which gunmen killed 27
    c, (q,) = _one("A month later gunmen claimed an assault on a hotel in which 27 people were killed.", ("27", 27))
    assert time_scope(c, q, 2016, events=events) == "context"


def test_a_colon_after_a_past_mark_carries_its_time_to_the_end_of_the_sentence():
    s = ("The march was as large as the one of March 2011, when an earlier reform first brought crowds out: "
         "400,000 by the police count, while the organisers claimed 900,000.")
    low, high = (quantity(s, t, v, predicate="claim") for t, v in (("400,000", 400000), ("900,000", 900000)))
    c = claim("d", s, [low, high])
    assert time_scope(c, low, 2016) == "context 2011"
    assert time_scope(c, high, 2016) == "context 2011"
    # no colon: the clause break ends the "when" clause, the second count is the story's
    s = ("The march was as large as the one of March 2011, when an earlier reform first brought crowds out "
         "with 400,000 by the police count, while the organisers claimed 900,000 this week.")
    low, high = (quantity(s, t, v, predicate="claim") for t, v in (("400,000", 400000), ("900,000", 900000)))
    c = claim("d", s, [low, high])
    assert time_scope(c, low, 2016) == "context 2011"
    assert time_scope(c, high, 2016) is None


def test_an_event_noun_read_as_a_verb_names_no_event():
    from pipeline.inspect.timescope import story_events

    docs = {d: {"story_id": "s"} for d in "abc"}
    leads = [claim(d, f"The landslide buried the village of Orvel ({d}).", []) for d in "abc"]
    events = story_events(docs, leads)["s"]
    c, (q,) = _one("Landslide toll climbs to 61 as volunteers flood Orvel with supplies.", ("61", 61))
    assert time_scope(c, q, 2016, events=events) is None
    c, (q,) = _one("Landslide toll climbs to 61 as relief crews storm the slope.", ("61", 61))
    assert time_scope(c, q, 2016, events=events) is None
    # a noun: after an article, or after a subject with no object ("floods Monday")
    c, (q,) = _one("Heavy rains in the north and a flood in the valley killed 61.", ("61", 61))
    assert time_scope(c, q, 2016, events=events) == "context"
