"""Timelines inside a ledger group: when a figure was stated, updates, revisions and
denials (invented sentences, claims built by hand)."""
from __future__ import annotations

from pipeline.inspect.ledger import build_ledger
from pipeline.inspect.timeline import is_denied, is_later, is_lowered, is_older, stated_date
from tests.test_ledger import claim, quantity


def _deaths(sentence: str, *texts: tuple[str, float], doc: str = "d", source: str | None = None,
            dates: tuple[tuple[str, str], ...] = ()) -> dict:
    return claim(doc, sentence, [quantity(sentence, t, v, predicate="kill") for t, v in texts],
                 source=source, dates=dates)


def _rows(claims: list[dict], docs: dict) -> dict[str, object]:
    (table,) = build_ledger(claims, docs)
    return table


def test_stated_date_is_a_date_right_after_the_number_else_publication():
    s = "The toll climbed to 150 on 24 March, officials said."
    c = _deaths(s, ("150", 150), dates=(("24 March", "2021-03-24"),))
    assert stated_date(c, c["quantities"][0], "2021-03-27T10:00:00") == "2021-03-24"
    s = "The flood on 20 March killed 150 people, officials said."
    c = _deaths(s, ("150", 150), dates=(("20 March", "2021-03-20"),))
    assert stated_date(c, c["quantities"][0], "2021-03-27T10:00:00") == "2021-03-27"


def test_a_date_opening_the_sentence_dates_its_statement():
    s = "In March, the agency estimated that around 60 people had died in the floods."
    c = _deaths(s, ("around 60", 60), dates=(("March", "2021-03"),))
    assert stated_date(c, c["quantities"][0], "2021-09-02T10:00:00") == "2021-03"
    s = "The floods in March killed around 60 people, the agency said."
    c = _deaths(s, ("around 60", 60), dates=(("March", "2021-03"),))
    assert stated_date(c, c["quantities"][0], "2021-09-02T10:00:00") == "2021-09-02"


def test_older_lowered_and_denied_cues():
    s = "The number of injured rose to 934 from 863."
    c = _deaths(s, ("934", 934), ("863", 863))
    assert is_older(c, c["quantities"][1]) and not is_older(c, c["quantities"][0])
    s = "The toll was revised down to 125 on Sunday."
    c = _deaths(s, ("125", 125))
    assert is_lowered(c, c["quantities"][0])


def test_a_rising_toll_in_one_sentence_is_an_update_not_a_conflict():
    s = "The toll rose to 934 from 863, the agency said, while a hospital had counted 700."
    c = claim("d", s, [quantity(s, t, v, predicate="kill") for t, v in
                       (("934", 934), ("863", 863))])
    table = _rows([c], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: (i, r) for i, r in enumerate(table.rows)}
    i_old, old = by["863"]
    _, new = by["934"]
    assert [r.quantity["text"] for r in table.rows] == ["863", "934"]    # in the order stated
    assert new.replaces == i_old and new.change == "update" and not new.conflicts


def test_a_lowered_figure_is_a_revision_of_the_one_it_replaces():
    s1 = "Officials said 174 people were killed."   # no cue says it is the earlier one
    s2 = "The toll was later revised down to 125."
    c1, c2 = _deaths(s1, ("174", 174)), _deaths(s2, ("125", 125))
    table = _rows([c2, c1], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    assert [r.quantity["text"] for r in table.rows] == ["174", "125"]
    assert table.rows[1].replaces == 0 and table.rows[1].change == "revised"


def test_the_same_source_on_a_later_day_updates_its_figure():
    a = _deaths("The agency said 40 people were killed.", ("40", 40), doc="a", source="Relief Agency")
    b = _deaths("The agency said 55 people were killed.", ("55", 55), doc="b", source="Relief Agency")
    docs = {"a": {"doc_id": "a", "published": "2021-03-01"}, "b": {"doc_id": "b", "published": "2021-03-02"}}
    table = _rows([b, a], docs)
    assert [r.quantity["text"] for r in table.rows] == ["40", "55"]
    assert table.rows[1].replaces == 0 and table.rows[1].change == "update"


def _disputed(c: dict, *which: int) -> dict:
    """``c`` with the figures ``which`` flagged ``disputed``, as the hedging stage flags them."""
    for i, q in enumerate(c["quantities"]):
        q["flags"] = {"disputed": i in which}
    return c


def test_the_ledger_reads_a_denial_from_the_figure_flag_only():
    s = "The army denied that the toll had reached 100."
    c = _disputed(_deaths(s, ("100", 100)), 0)
    assert is_denied(c, c["quantities"][0])
    # no flag, no denial: the ledger reads no words of its own
    c = _disputed(_deaths(s, ("100", 100)))
    assert not is_denied(c, c["quantities"][0])


def test_a_denial_points_at_the_figure_it_denies():
    s = "The ministry said 46, not 108, were killed."
    c = _disputed(_deaths(s, ("46", 46), ("108", 108)), 1)
    table = _rows([c], {"d": {"doc_id": "d"}})
    by = {r.quantity["text"]: (i, r) for i, r in enumerate(table.rows)}
    (i46, r46), (i108, r108) = by["46"], by["108"]
    assert r108.disputed and not r46.disputed
    assert r46.denies == [i108] and r108.denied_by == [i46]


def test_crowds_of_different_days_are_different_questions():
    def crowd(doc: str, sentence: str, text: str, value: float, dates=()) -> dict:
        return claim(doc, sentence, [quantity(sentence, text, value, counted="demonstrators",
                                              predicate="march")], dates=dates)
    a = crowd("a", "Some 80,000 demonstrators marched in the capital.", "80,000", 80000)
    b = crowd("b", "On 7 March, 95,000 demonstrators marched in the capital.", "95,000", 95000,
              dates=(("7 March", "2023-03-07"),))
    c = crowd("c", "Police said 70,000 demonstrators marched.", "70,000", 70000)
    docs = {"a": {"doc_id": "a", "published": "2023-01-19"}, "b": {"doc_id": "b", "published": "2023-03-08"},
            "c": {"doc_id": "c", "published": "2023-01-19"}}
    tables = {m.time: sorted(r.quantity["value"] for r in m.rows) for m in build_ledger([a, b, c], docs)}
    assert tables == {"2023-01-19": [70000, 80000], "2023-03-07": [95000]}


def test_a_day_a_crowd_is_compared_with_is_not_its_own_day():
    from pipeline.inspect.timeline import occasion_day
    s = "Some 420,000 marched in the capital, a little more than on 9 May."
    q = quantity(s, "420,000", 420000, predicate="march")
    c = claim("d", s, [q], dates=(("9 May", "2024-05-09"),))
    assert occasion_day(c, q, "2024-05-16T10:00:00") == "2024-05-16"
    s = "Some 420,000 marched in the capital on 9 May."
    q = quantity(s, "420,000", 420000, predicate="march")
    c = claim("d", s, [q], dates=(("9 May", "2024-05-09"),))
    assert occasion_day(c, q, "2024-05-16T10:00:00") == "2024-05-09"


def test_a_ceiling_disputes_the_higher_figure_of_its_sentence():
    s = "Medics counted 90 killed, but officials say only 30 died."
    c = _deaths(s, ("90", 90), ("30", 30))
    table = _rows([c], {"d": {"doc_id": "d"}})
    by = {r.quantity["text"]: (i, r) for i, r in enumerate(table.rows)}
    (i30, r30), (i90, r90) = by["30"], by["90"]
    assert r90.disputed and not r30.disputed
    assert r30.denies == [i90] and r90.denied_by == [i30]
    # an estimate's top is no ceiling: neither figure is disputed
    s = "Officials put the toll at 90, and as many as 30 more may have died."
    c = _deaths(s, ("90", 90), ("as many as 30", 30))
    table = _rows([c], {"d": {"doc_id": "d"}})
    assert not any(r.disputed for r in table.rows)


def _at(c: dict, offset: int) -> dict:
    """The claim moved to ``offset`` in its document (spans are document offsets)."""
    c["span"] = [offset, offset + len(c["text"])]
    for q in c["quantities"]:
        for k in ("span", "counted_span"):
            if q.get(k):
                q[k] = [q[k][0] + offset, q[k][1] + offset]
    return c


def test_an_earlier_figure_is_replaced_by_the_figure_it_is_compared_with():
    head = _at(_deaths("More than 80 killed in floods", ("More than 80", 80)), 0)
    body = _at(_deaths("Officials said 90 people were killed.", ("90", 90)), 40)
    back = _at(_deaths("That is up from 75 reported on Monday.", ("75", 75)), 80)
    table = _rows([head, body, back], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["75"]].older
    # 75 is compared with 90, the figure just before it, not with the headline's 80
    assert table.rows[by["90"]].replaces == by["75"]


def test_a_revision_cue_nearer_than_an_earlier_cue_makes_the_new_figure():
    s = "He first gave 174, before saying the count had been corrected to 125."
    c = _deaths(s, ("174", 174), ("125", 125))
    assert is_older(c, c["quantities"][0])
    assert is_lowered(c, c["quantities"][1]) and not is_older(c, c["quantities"][1])
    s = "The toll was revised down from 174 to 125."
    c = _deaths(s, ("174", 174), ("125", 125))
    assert is_older(c, c["quantities"][0])


def test_a_lowered_figure_corrects_the_nearest_higher_figure_before_it():
    s = "Police first said 127 people had died, an official raised that to 174, and the toll was then cut to 125."
    c = _deaths(s, ("127", 127), ("174", 174), ("125", 125))
    table = _rows([c], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["125"]].lowered
    assert table.rows[by["125"]].replaces == by["174"] and table.rows[by["125"]].change == "revised"


def test_a_count_of_one_does_not_shield_a_figure_from_its_cue():
    s = "The toll was cut by one agency to 3,100."
    c = _deaths(s, ("one", 1), ("3,100", 3100))
    assert is_lowered(c, c["quantities"][1])
    s = "The toll was cut by 12 agencies to 3,100."
    c = _deaths(s, ("12", 12), ("3,100", 3100))
    assert not is_lowered(c, c["quantities"][1])


def test_the_figure_a_record_says_it_replaces_is_the_one_it_replaces():
    # no earlier or revision cue the ledger reads: only the record's ``revises`` links them
    s = "Deaths in Velin stood at 61 on Saturday and 75 on Sunday, and 80 on Monday."
    c = _deaths(s, ("61", 61), ("75", 75), ("80", 80))
    sixty_one, _, eighty = c["quantities"]
    eighty["revises"] = {"text": "61", "span": list(sixty_one["span"]), "value": 61}
    table = _rows([c], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["80"]].replaces == by["61"]


def test_a_later_figure_replaces_the_newest_of_an_earlier_sequence():
    new = _at(_deaths("More than 35 people were killed, the committee said.", ("More than 35", 35)), 0)
    old = _at(_deaths("The committee had earlier given a toll of at least two dead, then 13.",
                      ("at least two", 2), ("13", 13)), 60)
    table = _rows([new, old], {"d": {"doc_id": "d", "published": "2019-06-04"}})
    by = {r.quantity["value"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by[13]].replaces == by[2]
    assert table.rows[by[35]].replaces == by[13]


def test_the_whole_a_figure_is_a_share_of_is_as_old_as_the_figure():
    s = "In its previous update the agency had reported 400 deaths among 1,300 cases."
    c = _deaths(s, ("400", 400), ("1,300", 1300))
    assert is_older(c, c["quantities"][0]) and is_older(c, c["quantities"][1])
    s = "The agency reported 400 deaths among 1,300 cases."
    c = _deaths(s, ("400", 400), ("1,300", 1300))
    assert not is_older(c, c["quantities"][1])


def test_a_figure_coordinated_with_an_earlier_one_is_as_old_as_it():
    s = "That is far above the 120 dead and 100 injured the official gave an hour before."
    c = _deaths(s, ("120", 120), ("100", 100))
    assert is_older(c, c["quantities"][0]) and is_older(c, c["quantities"][1])
    s = "Officials gave 120 dead and 100 injured on Monday."
    c = _deaths(s, ("120", 120), ("100", 100))
    assert not is_older(c, c["quantities"][1])
    # a bare number after a clause break is another statement, not a coordinated figure
    s = "The toll rose from 52, and 70 are now missing."
    c = _deaths(s, ("52", 52), ("70", 70))
    assert is_older(c, c["quantities"][0]) and not is_older(c, c["quantities"][1])


def test_a_figure_stated_as_later_replaces_the_one_given_before_it_in_the_text():
    sentences = ["Police said 127 people had died.", "The governor later said 174 were dead.",
                 "A commission says 153 people were killed."]
    claims = []
    for i, (s, (t, v)) in enumerate(zip(sentences, (("127", 127), ("174", 174), ("153", 153)))):
        c = _deaths(s, (t, v))
        c["claim_id"], c["span"] = f"c{i}", [i * 100, i * 100 + len(s)]
        c["quantities"][0]["span"] = [x + i * 100 for x in c["quantities"][0]["span"]]
        claims.append(c)
    table = _rows(claims, {"d": {"doc_id": "d", "published": "2021-03-27"}})
    texts = [r.quantity["text"] for r in table.rows]
    assert texts == ["127", "153", "174"]
    # 174 replaces the 127 said before it, not the 153 the value order puts before it
    assert table.rows[2].replaces == 0


def test_a_later_cue_after_the_number_in_its_clause_makes_it_a_later_figure():
    s = "The governor raised the toll to 174 in a TV interview later that morning."
    c = _deaths(s, ("174", 174))
    assert is_later(c, c["quantities"][0])
    # after a clause break the cue is the next clause's: 174 is the figure later cut
    s = "An official put the toll at 174 on Sunday, but it was later cut to 125."
    c = _deaths(s, ("174", 174), ("125", 125))
    assert not is_later(c, c["quantities"][0]) and is_later(c, c["quantities"][1])


def test_a_pluperfect_report_is_no_earlier_figure():
    # "had been injured" is the tense of reported speech, not "the toll had been 50"
    s = "The agency said 1,300 people had been hurt, 640 of them badly."
    c = _deaths(s, ("1,300", 1300), ("640", 640))
    assert not is_older(c, c["quantities"][1])


def test_a_figure_the_sentence_says_has_changed_since_is_an_earlier_one():
    s = "On Monday the agency put the number of dead at 35, but the figure has risen steadily since."
    c = _deaths(s, ("35", 35))
    assert is_older(c, c["quantities"][0])
    s = "On Monday the agency put the number of dead at 35, and the rescue work went on."
    c = _deaths(s, ("35", 35))
    assert not is_older(c, c["quantities"][0])


def test_the_figure_a_new_one_is_compared_with_is_the_earlier_one():
    head = _at(_deaths("The number of dead has risen to 150, the agency said.", ("150", 150)), 0)
    back = _at(_deaths("That is well above the figure of 110 given in the morning.", ("110", 110)), 60)
    table = _rows([head, back], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["110"]].older and table.rows[by["150"]].replaces == by["110"]


def test_a_figure_stated_in_a_month_comes_after_the_days_of_that_month():
    a = _deaths("Police have confirmed 17 deaths so far.", ("17", 17), doc="a", source="Police")
    s = "In June, police estimated that around 80 people had died."
    b = _deaths(s, ("around 80", 80), doc="b", source="Police", dates=(("June", "2017-06"),))
    docs = {"a": {"doc_id": "a", "published": "2017-06-16"}, "b": {"doc_id": "b", "published": "2017-11-17"}}
    table = _rows([b, a], docs)
    assert [r.quantity["text"] for r in table.rows] == ["17", "around 80"]
    assert table.rows[1].stated == "2017-06" and table.rows[1].replaces == 0


def test_from_marks_an_earlier_figure_only_as_its_object():
    s = "The toll rose to 96, up from an earlier count of 81."
    c = _deaths(s, ("96", 96), ("81", 81))
    assert is_older(c, c["quantities"][1])
    s = "The toll from the landslide rose to 96."
    c = _deaths(s, ("96", 96))
    assert not is_older(c, c["quantities"][0])
    # other words before a count noun and "of" are still the object's ("an early police figure of")
    s = "The toll has climbed through the day from an early police figure of 20."
    c = _deaths(s, ("20", 20))
    assert is_older(c, c["quantities"][0])
    s = "The toll from the landslide in the north of the valley is 96."
    c = _deaths(s, ("96", 96))
    assert not is_older(c, c["quantities"][0])


def test_a_sentence_opening_with_an_earlier_time_makes_all_its_figures_earlier():
    s = "Earlier in the day the toll had stood at 52, with more than 70 people unaccounted for."
    c = _deaths(s, ("52", 52), ("more than 70", 70))
    assert is_older(c, c["quantities"][0]) and is_older(c, c["quantities"][1])
    s = "The toll stood at 52 in the evening, with more than 70 people unaccounted for."
    c = _deaths(s, ("52", 52), ("more than 70", 70))
    assert not is_older(c, c["quantities"][0]) and not is_older(c, c["quantities"][1])


def test_a_date_after_a_clause_break_is_not_the_figures_day():
    s = "The count reached 410, and on 5 May, it was 466."
    c = _deaths(s, ("410", 410), ("466", 466), dates=(("5 May", "2021-05-05"),))
    assert stated_date(c, c["quantities"][0], "2021-05-09T10:00:00") == "2021-05-09"
    assert stated_date(c, c["quantities"][1], "2021-05-09T10:00:00") == "2021-05-09"
    s = "The count reached 410 on 5 May, officials said."
    c = _deaths(s, ("410", 410), dates=(("5 May", "2021-05-05"),))
    assert stated_date(c, c["quantities"][0], "2021-05-09T10:00:00") == "2021-05-05"


def test_a_rounding_of_an_exact_figure_is_never_the_figure_a_new_one_replaces():
    old = _at(_deaths("Officials counted 2,187 dead on Monday.", ("2,187", 2187)), 0)
    s = "The toll is near 2,200, aid groups say."
    near = _at(claim("d", s, [quantity(s, "near 2,200", 2200, approx="about", predicate="kill")]), 50)
    new = _at(_deaths("Officials now count 2,246 dead.", ("2,246", 2246)), 100)
    table = _rows([old, near, new], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["2,246"]].replaces == by["2,187"]


def test_a_new_figure_replaces_the_first_mention_of_the_old_one():
    first = _at(_deaths("Officials counted 312 dead.", ("312", 312)), 0)
    again = _at(_deaths("The 312 dead were mostly farmers.", ("312", 312)), 40)
    new = _at(_deaths("By evening the toll was 340.", ("340", 340)), 90)
    table = _rows([first, again, new], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    firsts = [i for i, r in enumerate(table.rows) if r.quantity["span"][0] < 40 and r.quantity["value"] == 312]
    assert table.rows[[i for i, r in enumerate(table.rows) if r.quantity["value"] == 340][0]].replaces == firsts[0]


def test_a_new_figure_replaces_the_old_value_of_its_own_sentence_first():
    head = _at(_deaths("Officials say 312 dead.", ("312", 312)), 0)
    s = "One agency reported 312 deaths, while another put the toll at 340."
    both = _at(_deaths(s, ("312", 312), ("340", 340)), 40)
    table = _rows([head, both], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    new = next(r for r in table.rows if r.quantity["value"] == 340)
    assert table.rows[new.replaces].claim is both and table.rows[new.replaces].quantity["value"] == 312


def test_a_level_the_count_had_stood_at_is_an_earlier_figure():
    s = "Recorded deaths, which had stood at 410 under the old method, now number 266."
    c = _deaths(s, ("410", 410), ("266", 266))
    assert is_older(c, c["quantities"][0]) and not is_older(c, c["quantities"][1])
    table = _rows([c], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    by = {r.quantity["text"]: i for i, r in enumerate(table.rows)}
    assert table.rows[by["266"]].replaces == by["410"] and table.rows[by["266"]].change == "revised"


def test_a_denial_reaches_every_mention_of_the_figure_by_its_source():
    head = _at(_disputed(_deaths("Police say 61 died; critics call the toll too low", ("61", 61),
                                 source="Police"), 0), 0)
    body = _at(_disputed(_deaths("Police said on Saturday that 61 people had died.", ("61", 61),
                                 source="Police")), 60)
    rival = _at(_disputed(_deaths("A hospital also counted 61 dead.", ("61", 61), source="hospital")), 120)
    table = _rows([head, body, rival], {"d": {"doc_id": "d", "published": "2021-03-27"}})
    marks = sorted((r.source, r.disputed) for r in table.rows)
    assert marks == [("Police", True), ("Police", True), ("hospital", False)]
