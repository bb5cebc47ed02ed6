"""Clean stage: page furniture among the paragraphs (captions and credits, agency sign-offs,
embedded posts, clock stamps, the dateline in the lead, stamped bylines), on invented texts."""
from __future__ import annotations

import pytest

from pipeline.clean import CleanSettings, clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str) -> object:
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line", [
    "Rescuers search the rubble of a school in Riverton on Monday. (AP Photo/Jane Roe)",
    "Volunteers fill sandbags near the river bank. Photo: Jane Roe/Reuters",
    "Council members leave the chamber after the vote [Jane Roe - Getty Images]",
    "The old bridge over the Riverton canal. (File photo)",
    "Image caption: Residents queue for water outside the town hall",
    "Flooded fields around Riverton on Monday, in a photo released by the relief group. (RRC via AP)",
    "A crowd in white packs a Riverton street as they march to the hall — Jane Roe/Getty Images",
    "Jane Roe/AFP/Getty Images: Volunteers fill sandbags near the river bank on Monday.",
    "A medic tends to a hurt runner in Riverton. Handout photo from the city's fire service, via Reuters",
])
def test_caption_ending_in_credit_is_removed(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"


@pytest.mark.parametrize("line", [
    "Opponents said the plan would cost more (about $3 million) than the mayor claimed.",
    "The council's forecast was wrong, Reuters reported on Tuesday, citing two officials.",
    "The vote followed a long debate (see the council minutes).",
    "The mayor won the vote — a rare win for Riverton.",
    "Aid went out by truck (Riverton via Lowtown) on Monday.",
    "The council said it would publish a handout photo of the new bridge. It has not done so.",
])
def test_sentence_with_bracket_or_agency_is_kept(line):
    assert line in kept(_between(line))


@pytest.mark.parametrize("line,reason", [
    ("Jane Roe / Reuters", "boilerplate:caption"), ("Associated Press", "metadata:byline"),
    ("-- AFP", "metadata:byline"), ("Reuters poll shows gains", None)])
def test_credit_only_lines(line, reason):
    c = _between(line)
    if reason is None:
        assert line in kept(c)
    else:
        assert reasons(c)[line] == reason


def test_embedded_post_with_signoff_is_removed():
    post = ["Water is over the main road near the school. Stay safe everyone #riverton",
            "pic.twitter.com/AbCdEf123", "— Jane Roe (@janeroe_rv) March 3, 2024"]
    c = clean("\n\n".join(BODY[:2] + ["\n".join(post)] + BODY[2:]))
    check_invariants(c)
    r = reasons(c)
    assert all(r[p] == "boilerplate:embed" for p in post)
    assert BODY[2] in kept(c)


def test_embedded_post_with_a_cut_short_picture_link_is_removed():
    post = ["Posted by the fire service, 9.40am:",
            "\"Crews are still at the mill on Riverton Road #riverton pic.twitter.com/...\""]
    c = clean("\n\n".join(BODY[:2] + ["\n".join(post)] + BODY[2:]))
    check_invariants(c)
    assert all(reasons(c)[p] == "boilerplate:embed" for p in post)
    assert BODY[2] in kept(c)


def test_embedded_post_after_handle_line_is_removed():
    post = ["Riverton Police (@rv_police) tweeted at 9.15am:", "\"Avoid the bridge, the road is closed.\""]
    c = clean("\n\n".join(BODY[:2] + ["\n".join(post)] + BODY[2:]))
    assert all(reasons(c)[p] == "boilerplate:embed" for p in post)
    # a sentence that only mentions a handle is article text
    line = "Residents can follow @rv_police for road closures during the repairs next week."
    assert line in kept(_between(line))


@pytest.mark.parametrize("stamp", ["06:12", "12.34pm BST", "[00:21]", "Updated at 11.12am BST"])
def test_clock_stamp_line(stamp):
    assert reasons(_between(stamp))[stamp] == "metadata:time"


def test_clock_at_end_of_wrapped_sentence_is_kept():
    c = clean("\n\n".join(BODY[:2]) + "\nThe council meets again on Friday at\n11.30am.\n\n" + BODY[2])
    assert "11.30am." in kept(c)


@pytest.mark.parametrize("prefix", ["RIVERTON, (Reuters) – ", "Sept 8 (Reuters) - ", "(Bloomberg) -- ",
                                    "March 3, 2024 (RIVERTON) - ", "RIVERTON, Ore. // ",
                                    "Riverton, Ore. (RTN)- ", "Riverton, Mar. 3 (RTN): ", "RIVERTON- ",
                                    "RIVERTON: "])
def test_dateline_forms(prefix):
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    c = clean("Riverton passes budget\n\n" + prefix + rest + "\n\n" + "\n\n".join(BODY[1:]))
    check_invariants(c)
    assert reasons(c)[prefix.rstrip()] == "metadata:dateline"
    assert rest in kept(c)


def test_dateline_after_an_unknown_line_in_the_lead():
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    text = "Riverton passes budget\n\nCouncil members at work\nin the chamber on Monday.\n\n" \
           "RIVERTON, Ore. -- " + rest + "\n\n" + "\n\n".join(BODY[1:])
    assert reasons(clean(text))["RIVERTON, Ore. --"] == "metadata:dateline"


@pytest.mark.parametrize("first", ["COVID-19 cases rose again in Riverton schools this week.",
                                   "USA-Canada trade talks resumed on Monday in Riverton."])
def test_hyphenated_caps_word_is_not_dateline(first):
    c = clean("Riverton news\n\n" + first + "\n\n" + "\n\n".join(BODY[1:]))
    assert first in kept(c)


@pytest.mark.parametrize("line,who", [("By Jane Doe | March 3, 2024, 01:47 PM", "Jane Doe"),
                                      ("By Jane Doe - 3 March 2024 - 14:51", "Jane Doe"),
                                      ("jane.doe@example.com", "jane.doe@example.com")])
def test_stamped_byline(line, who):
    c = clean("Riverton passes budget\n\n" + line + "\n\n" + "\n\n".join(BODY))
    assert reasons(c)[line] == "metadata:byline"
    assert c.byline == who


def test_furniture_setting_for_html_input():
    line = "Volunteers fill sandbags near the river bank. Photo: Jane Roe/Reuters"
    text = "\n\n".join(BODY[:2] + [line] + BODY[2:])
    assert line in kept(clean(text, source_format="html"))
    assert line in kept(clean(text, settings=CleanSettings(strip_furniture=False)))


@pytest.mark.parametrize("note", ["(BEGIN VIDEO CLIP)", "(COMMERCIAL BREAK)", "(END)",
                                  "(Adds comment from the mayor, paragraph 4)",
                                  "(ATTN: UPDATES with vote count in paras 2-3)",
                                  "[Editor's note: This story was updated to correct the date of the vote.]"])
def test_bracketed_note_line_is_removed(note):
    assert reasons(_between(note))[note] == "metadata:note"


def test_bracketed_sentence_is_kept():
    line = "(The council later said the figures would be revised on Monday.)"
    assert line in kept(_between(line))


def test_live_page_entry_clocks_are_removed():
    entries = ["2240 The mayor says the bridge will reopen on Friday.",
               "2115 Crews finish pumping water out of the school basement.",
               "1930 Residents gather at the town hall for an update on the repairs."]
    c = clean("Riverton flood: as it happened\n\n" + "\n\n".join(BODY[:1] + entries + BODY[1:]))
    check_invariants(c)
    r, k = reasons(c), kept(c)
    assert r["2240"] == r["1930"] == "metadata:time"
    assert "The mayor says the bridge will reopen on Friday." in k


def test_single_leading_year_is_kept():
    line = "1930 was the last year the river flooded the old town, the council said."
    assert line in kept(_between(line))


def test_update_stamp_prefix_is_removed():
    line = "UPDATE, Friday 4:10pm: The council says the vote will now take place next week."
    c = _between(line)
    assert reasons(c)["UPDATE, Friday 4:10pm:"] == "metadata:time"
    assert "The council says the vote will now take place next week." in kept(c)


@pytest.mark.parametrize("line", ["By Lee Tae-hee [tae-hee.lee@example.com]", "Text by: RTN", "byRiverton Times",
                                  "by admin"])
def test_byline_forms_in_top_zone(line):
    c = clean("Riverton passes budget\n\n" + line + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:byline"


def test_outlet_line_after_headline_is_byline():
    c = clean("Riverton passes budget\n\nRiverton Daily News\n\n" + "\n\n".join(BODY))
    assert reasons(c)["Riverton Daily News"] == "metadata:byline"
    c = clean("Riverton passes budget\n\nSchools win extra funds\n\n" + "\n\n".join(BODY))
    assert "Schools win extra funds" in kept(c)


@pytest.mark.parametrize("line", ["By JANE DOE and JOHN ROE", "jane.roe@example.com", "Reporter: JR"])
def test_byline_that_reads_as_one_anywhere(line):
    c = clean("\n\n".join(BODY[:3] + [line] + BODY[3:]))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:byline"


def test_late_by_phrase_is_kept():
    line = "By the numbers"
    assert line in kept(clean("\n\n".join(BODY[:3] + [line] + BODY[3:])))


@pytest.mark.parametrize("block", ["Jane Roe\nThursday 3 Mar 2024 3:02 pm", "10.55am BST\nJane Roe"])
def test_bare_name_next_to_a_stamp_is_byline(block):
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + [block] + BODY[2:]))
    check_invariants(c)
    assert reasons(c)["Jane Roe"] == "metadata:byline"


def test_line_under_a_byline_goes_with_it():
    c = clean("Riverton passes budget\n\nBy Jane Roe\nRiverton Desk\n\n" + "\n\n".join(BODY))
    assert reasons(c)["Riverton Desk"] == "metadata:byline"


@pytest.mark.parametrize("wrapped", ["(Reporting by Jane Roe; Editing by\nJohn Doe)",
                                     "Associated Press writers contributed to this report from\nRiverton and Lakeside."])
def test_wrapped_credit_line_is_removed_whole(wrapped):
    c = clean("\n\n".join(BODY + [wrapped]))
    check_invariants(c)
    second = wrapped.split("\n")[1]
    assert second not in kept(c) and reasons(c)[second] == reasons(c)[wrapped.split("\n")[0]]


@pytest.mark.parametrize("prefix,place,agency", [
    ("RIVERTON, (Reuters) – ", "RIVERTON", "Reuters"), ("RIVERTON- ", "RIVERTON", None),
    ("RIVERTON, Ore., Mar. 3 (RTN) - ", "RIVERTON, Ore.", "RTN"), ("(Bloomberg) -- ", None, "Bloomberg"),
    ("LAKESIDE, North Riverton State -- ", "LAKESIDE, North Riverton State", None),
    ("Riverton CNN — ", "Riverton", "CNN")])
def test_dateline_is_stored_with_place_and_agency(prefix, place, agency):
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    c = clean("Riverton passes budget\n\n" + prefix + rest + "\n\n" + "\n\n".join(BODY[1:]))
    check_invariants(c)
    d = c.dateline
    assert reasons(c)[prefix.rstrip()] == "metadata:dateline"
    assert (d["place"], d["agency"]) == (place, agency)
    assert c.text[d["span"][0]:d["span"][1]] == d["text"] == prefix.rstrip()


def test_no_dateline_no_field():
    assert clean("Riverton passes budget\n\n" + "\n\n".join(BODY)).dateline is None


def test_dateline_alone_on_its_line():
    c = clean("Riverton passes budget\n\nRiverton CNN —\n\n" + "\n\n".join(BODY))
    assert reasons(c)["Riverton CNN —"] == "metadata:dateline" and BODY[0] in kept(c)


def test_dateline_of_a_hard_wrapped_lead():
    c = clean("Riverton passes budget\n\nRIVERTON, Ore. (RTN) - The city council\napproved a new budget on Tuesday.\n\n"
              + "\n\n".join(BODY[1:]))
    assert reasons(c)["RIVERTON, Ore. (RTN) -"] == "metadata:dateline"


def test_speaker_label_of_a_transcript_is_not_a_dateline():
    text = ("Riverton council budget vote\n\nHOST: The council approved a new budget on Tuesday after a long debate.\n\n"
            "MAYOR PARK: We will add 40 teachers to Riverton schools and repair two bridges.\n\n"
            "HOST: Opponents argued the budget relied on optimistic tax forecasts.\n\n" + "\n\n".join(BODY[2:]))
    c = clean(text)
    assert c.dateline is None
    assert "HOST: The council approved a new budget on Tuesday after a long debate." in kept(c)


@pytest.mark.parametrize("line", [
    "Jane Roe—AFP Volunteers fill sandbags near the river bank on Monday.",
    "Volunteers fill sandbags near the river bank, in this screen grab taken from a video.",
    "Rescuers search the rubble. Reuters / Directorate of the Riverton Fire Service / Handout via Reuters"])
def test_caption_forms(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_line_above_a_credit_is_its_caption():
    cap = "Volunteers fill sandbags near the river bank, the council said."
    c = _between(cap + "\nImage: REUTERS/Jane Roe")
    assert reasons(c)[cap] == "boilerplate:caption"
    # with a blank line between, the line above is a paragraph of its own
    c = _between(cap + "\n\nImage: REUTERS/Jane Roe")
    assert cap in kept(c)


def test_disclaimer_line_is_removed():
    line = ("The information is supplied by the agency named above, and the site makes no warranty "
            "as to its accuracy or completeness.")
    assert reasons(_between(line))[line] == "boilerplate:disclaimer"


def test_news_sentence_about_an_unverified_video_is_kept():
    # a reporter's note inside a paragraph is article text, not a site's disclaimer
    par = ("One clip shows a crane falling onto the market in Riverton. Two people were hurt. "
           "The clip has not been independently verified by the Riverton Daily.")
    assert par in kept(_between(par))
    line = "This content has not been independently verified by the Riverton Daily."
    assert reasons(_between(line))[line] == "boilerplate:disclaimer"


@pytest.mark.parametrize("line", ["Jane Roe, Reuters", "Jane Roe | Riverton Daily News"])
def test_name_and_outlet_line_is_byline(line):
    c = clean("Riverton passes budget\n\n" + line + "\n\n" + "\n\n".join(BODY))
    assert reasons(c)[line] == "metadata:byline"


def test_name_and_place_is_not_byline():
    line = "Riverton Schools, Lakeside Parks"
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:1] + [line] + BODY[1:]))
    assert line in kept(c)


def test_comment_prompt_is_removed():
    line = "Would you like to comment on this article?"
    assert reasons(clean("\n\n".join(BODY + [line])))[line] == "boilerplate:comments"


@pytest.mark.parametrize("line", ["RTN20240303000123ID9987", "RTN/JR/AB/03Mar24"])
def test_code_line_is_removed(line):
    assert reasons(_between(line))[line] == "metadata:code"


@pytest.mark.parametrize("line", ["SARS-CoV-2", "www.riverton-council.example/budget2024"])
def test_short_or_web_token_is_not_a_code_line(line):
    assert reasons(_between(line)).get(line) != "metadata:code"


def test_dated_one_sentence_caption():
    line = "Volunteers fill sandbags near the river bank in Riverton, Aug. 10, 2014."
    assert reasons(_between(line))[line] == "boilerplate:caption"
    prose = "The bridge closed on Aug. 10, 2014. It reopened a year later, the council said."
    assert prose in kept(_between(prose))


def test_date_stamp_after_a_dateline_is_metadata():
    line = "Riverton, Mar 3 (RTN): Published: 3 Mar 2024 | Last updated: 4 Mar 2024, 04:10 PM"
    c = clean("Riverton passes budget\n\n" + line + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    assert reasons(c)["Published: 3 Mar 2024 | Last updated: 4 Mar 2024, 04:10 PM"] == "metadata:date"
    assert c.dateline["agency"] == "RTN"


@pytest.mark.parametrize("stamp", ["UPDATE, Thursday evening:", "Earlier, Wednesday:"])
def test_update_stamp_with_a_day(stamp):
    c = _between(stamp + " The council says the vote will now take place next week.")
    assert reasons(c)[stamp] == "metadata:time"


def test_developing_story_note_is_removed():
    line = "The Riverton Times will continue to update this story."
    assert reasons(_between(line))[line] == "boilerplate:promo"
