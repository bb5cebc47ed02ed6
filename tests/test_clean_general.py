"""Clean stage: the junk forms of many outlets (issue 19, point 2), one test per rule on
invented lines: bylines with roles and addresses, stamp bars, date-less update stamps,
house photo credits, Title Case and bracketed-region datelines, and the cue lexicon's
promo, caption, credit and reading-time entries."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from pipeline.clean.boilerplate import _cue
from pipeline.clean.lexicon import _lexicon
from pipeline.clean.lines import _Line
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


def _top(line: str):
    c = clean("Riverton council passes a budget\n" + line + "\n" + "\n".join(BODY))
    check_invariants(c)
    return c


def _lead(first: str):
    c = clean("Riverton passes budget\n\n" + first + "\n\n" + "\n\n".join(BODY[1:]))
    check_invariants(c)
    return c


def test_lower_case_role_after_byline_names():
    assert reasons(_top("By Jane Doe, staff writer"))["By Jane Doe, staff writer"] == "metadata:byline"
    # lower-case words that are not roles still make a sentence
    line = "By then the crowd had gone home"
    assert line in kept(_top(line))


def test_plain_address_in_byline_is_not_a_name():
    line = "By Jane Doe, jane.doe@example.com"
    c = _top(line)
    assert reasons(c)[line] == "metadata:byline"
    assert c.byline == "Jane Doe,"


@pytest.mark.parametrize("line,cls", [("4 min read · Mar 3, 2024", "boilerplate:reading_time"),
                                      ("Share | 2 hours ago", "boilerplate:share")])
def test_cue_bar_with_a_stamp(line, cls):
    assert reasons(_between(line))[line] == cls


def test_bar_needs_a_cue_item():
    # a stamp and a plain word, or dates alone, make no cue bar
    for line in ("Council budget vote | Mar 3, 2024", "3 March 2024 | 9 May 2024"):
        assert _cue(_Line(0, len(line), line, False, line.split()), _lexicon()) is None


def test_date_line_with_a_relative_stamp_field():
    line = "March 3, 2024 / 2:25 PM / Updated 6 years ago"
    assert reasons(_between(line))[line] == "metadata:date"


@pytest.mark.parametrize("stamp", ["Updated: March 3", "Published 10:42 am EST", "Last updated 3rd Mar, 09:15"])
def test_update_stamp_without_a_year(stamp):
    assert reasons(_between(stamp))[stamp] == "boilerplate:timestamp"


def test_updated_sentence_is_not_a_stamp():
    line = "Updated March figures show the council spent 3 million more than planned."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", [
    "Volunteers fill sandbags near the river bank. | Photo Credit: Jane Roe",
    "Volunteers fill sandbags near the river bank. Jane Roe/The Riverton Times",
])
def test_house_photo_credit_ends_a_caption(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_name_slash_word_that_is_no_outlet_is_kept():
    line = "The vote was close, the clerk said. Ellen Park/Finance"
    assert line in kept(_between(line))


@pytest.mark.parametrize("prefix,place,agency", [
    ("Riverton [Wyoming], March 3 (ANI): ", "Riverton [Wyoming]", "ANI"),
    ("Riverton (dpa) - ", "Riverton", "dpa"),
    ("Riverton, Mar 3 (IANS) ", "Riverton", "IANS"),
])
def test_wire_datelines_of_more_agencies(prefix, place, agency):
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    c = _lead(prefix + rest)
    assert reasons(c)[prefix.rstrip()] == "metadata:dateline"
    assert (c.dateline["place"], c.dateline["agency"]) == (place, agency)
    assert rest in kept(c)


def test_bracket_and_space_is_a_dateline_only_for_an_agency():
    line = "Riverton, Mar 3 (RCC) The council approved a new budget on Tuesday after weeks of debate."
    assert line in kept(_lead(line))


@pytest.mark.parametrize("prefix", ["Nairobi. ", "Nairobi: ", "Nairobi - ", "New Delhi | "])
def test_title_case_place_dateline(prefix):
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    c = _lead(prefix + rest)
    assert reasons(c)[prefix.rstrip()] == "metadata:dateline"
    assert c.dateline["place"] == prefix.strip(" .:-|")


@pytest.mark.parametrize("line", [
    "Update: The council approved a new budget on Tuesday after weeks of debate.",
    "Jane Roe - The council approved a new budget on Tuesday after weeks of debate.",
    "Prof. Jane Roe said the council approved a new budget on Tuesday.",
    "Gen. Jane Roe said the council approved a new budget on Tuesday.",
])
def test_title_case_words_that_are_no_dateline(line):
    assert line in kept(_lead(line))


def test_title_case_dateline_only_in_the_first_paragraph():
    line = "Nairobi: The council approved a new budget on Tuesday after weeks of debate."
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + [line]))
    assert line in kept(c)


@pytest.mark.parametrize("line,cls", [
    ("Story continues below advertisement", "boilerplate:promo"),
    ("Advertisement - Scroll to continue", "boilerplate:promo"),
    ("Also read | Council approves the budget", "boilerplate:link"),
    ("Must Read", "boilerplate:related"),
    ("(With inputs from agencies)", "boilerplate:credits"),
    ("With assistance from Jane Roe", "boilerplate:credits"),
    ("File photo", "boilerplate:caption"),
    ("Image for representation | Stock agency", "boilerplate:caption"),
    ("1,234 words", "boilerplate:reading_time"),
    ("Reading time: 4 minutes", "boilerplate:reading_time"),
    ("Email: jane.roe@example.com", "boilerplate:follow"),
    ("Write to Jane Roe at jane.roe@example.com", "boilerplate:follow"),
])
def test_more_cue_lexicon_entries(line, cls):
    assert reasons(_between(line))[line] == cls


@pytest.mark.parametrize("names,under", [
    ("Jane Roe and John Doe", "March 3, 2024"), ("Jane Roe, John Doe", "Updated 2 hours ago"),
    ("Jane Roe", "jane.roe@example.com"), ("JANE ROE", "@janeroe")])
def test_names_above_a_stamp_or_address(names, under):
    c = _top(names + "\n" + under)
    assert reasons(c)[names] == "metadata:byline"


def test_names_line_needs_a_stamp_under_it():
    # two capitalised words over a sentence are a kicker, not an author
    c = _top("Budget Crisis\n" + BODY[0])
    assert "Budget Crisis" in kept(c)


def test_handle_under_a_byline_goes_with_it():
    c = _top("By Jane Roe\n@janeroe")
    assert reasons(c)["@janeroe"] == "metadata:byline"


@pytest.mark.parametrize("line,iso", [("2024/03/05", "2024-03-05"), ("05-03-2024", "2024-03-05"),
                                      ("Published: Sunday, March 3, 2024 @ 10:00 AM", "2024-03-03")])
def test_more_date_line_forms(line, iso):
    c = _top(line)
    assert reasons(c)[line] == "metadata:date"
    assert c.published == iso


def test_dates_with_mixed_separators_are_no_date():
    for text in ("2024/03-05", "05-03/2024"):
        assert _lexicon().date_re.fullmatch(text) is None


@pytest.mark.parametrize("line", ["Home > World > Asia", "Home / World / Asia", "News | World"])
def test_breadcrumb_trails(line):
    assert reasons(_between(line))[line] == "boilerplate:navigation"


def test_slash_trail_without_a_navigation_cue_is_no_breadcrumb():
    line = "Jane Roe / Riverton Council"
    assert reasons(_between(line)).get(line) != "boilerplate:navigation"


@pytest.mark.parametrize("line", ["Jane Roe, Nairobi", "Jane Roe | New Delhi"])
def test_name_and_filing_place_in_the_lead(line):
    assert reasons(_top(line))[line] == "metadata:byline"


def test_name_and_a_word_that_is_no_place_is_kept():
    line = "Ellen Park, Budgets"
    assert line in kept(_top(line))


@pytest.mark.parametrize("line", ["World", "Asia Pacific", "International News", "in World"])
def test_section_labels(line):
    assert reasons(_top(line))[line] == "boilerplate:label"


@pytest.mark.parametrize("line", ["Flooded streets in Riverton. File photo", "Rescue workers at the dam. File copy"])
def test_short_sentence_and_stock_label_is_a_caption(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_long_paragraph_ending_in_file_photo_words_is_kept():
    line = ("The council said the old bridge, which was closed in March after inspectors found cracks "
            "in two of its pillars, would be rebuilt by the end of next year. File photo")
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["05 Aug 2024 at 14:12hrs | Views", "───   16:52 Sat, 19 Apr 2024"])
def test_date_line_with_hrs_clock_or_rule(line):
    assert reasons(_between(line))[line] == "metadata:date"


@pytest.mark.parametrize("line,cls", [
    ("SEE ALSO: Council approves the budget", "boilerplate:link"), ("Source - Riverton Times", "boilerplate:credits"),
    ("1,234 views", "boilerplate:reading_time"), ("Font size", "boilerplate:share"),
    ("Popular posts from this blog", "boilerplate:related")])
def test_page_chrome_of_more_sites(line, cls):
    assert reasons(_between(line))[line] == cls


@pytest.mark.parametrize("line,cls", [("Updated 3 hours ago · 4 min read", "boilerplate:timestamp"),
                                      ("Mar 3, 2024 | Share", "boilerplate:share")])
def test_bar_opening_with_a_stamp(line, cls):
    assert reasons(_between(line))[line] == cls


def test_byline_names_end_at_a_middle_dot():
    c = _top("By Jane Roe · Mar 3, 2024")
    assert reasons(c)["By Jane Roe · Mar 3, 2024"] == "metadata:byline"
    assert c.byline == "Jane Roe"


@pytest.mark.parametrize("line,cls", [
    ("Share via:", "boilerplate:share"), ("Share this story on Facebook", "boilerplate:share"),
    ("Newsletter sign-up", "boilerplate:newsletter"), ("Paid Post", "boilerplate:promo"),
    ("Also on Riverton Times", "boilerplate:related"), ("Estimated read time: 3 min", "boilerplate:reading_time"),
    ("Video 2:03", "boilerplate:link"), ("Read more about the floods", "boilerplate:link"),
    ("You are here: Home / World", "boilerplate:navigation"), ("Section: World", "boilerplate:label")])
def test_widget_wording_of_more_sites(line, cls):
    assert reasons(_between(line))[line] == cls


# --------------------------------------------------------------------------- issue 19: bylines anywhere


def test_name_and_role_line_after_the_lead_is_a_byline():
    line = "Tamsin Vale, Senior Reporter"
    assert reasons(_between(line))[line] == "metadata:byline"
    # a name and a word that is no role stays article text
    other = "Tamsin Vale, Riverton council"
    assert other in kept(_between(other))


def test_signature_under_a_sub_heading_stays_with_its_section():
    c = clean("\n\n".join(BODY[:2] + ["One vote, two budgets", "Tamsin Vale, political correspondent"] + BODY[2:]))
    check_invariants(c)
    assert "Tamsin Vale, political correspondent" in kept(c)


def test_dash_sign_off_is_a_byline():
    line = "— Tamsin Vale"
    c = clean("\n\n".join(BODY + [line]))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:byline"


def test_dashed_list_of_names_is_not_a_sign_off():
    items = ["- Tamsin Vale", "- Oren Blake"]
    c = clean("\n\n".join(BODY[:2]) + "\n\n" + "\n".join(items) + "\n\n" + "\n\n".join(BODY[2:]))
    check_invariants(c)
    assert not any(r.reason == "metadata:byline" for r in c.removed)


def test_names_line_above_an_outlet_line_is_a_byline():
    c = clean("\n\n".join(BODY[:2] + ["Tamsin Vale and Oren Blake\nRiverton Gazette, Lowmarsh"] + BODY[2:]))
    check_invariants(c)
    r = reasons(c)
    assert r["Tamsin Vale and Oren Blake"] == r["Riverton Gazette, Lowmarsh"] == "metadata:byline"


def test_names_line_without_an_outlet_line_stays():
    line = "Tamsin Vale and Oren Blake"
    assert line in kept(_between(line))


def test_name_and_agency_after_the_lead_is_a_byline():
    line = "Tamsin Vale, Reuters"
    assert reasons(_between(line))[line] == "metadata:byline"


def test_byline_label_prefix():
    line = "Byline: Tamsin Vale"
    assert reasons(_top(line))[line] == "metadata:byline"


def test_lone_author_name_after_the_standfirst_is_a_byline():
    c = clean("Riverton council passes a budget\n\nSchools win, roads wait, the mayor said.\n\nOrvan Keltesh\n\n"
              + "\n\n".join(BODY))
    check_invariants(c)
    assert reasons(c)["Orvan Keltesh"] == "metadata:byline"


def test_lone_title_case_line_whose_words_the_story_uses_is_a_heading():
    # "Budget Schools": the story writes "budget" and "schools" in lower case
    c = clean("Riverton council passes a budget\n\nSchools win, roads wait, the mayor said.\n\nBudget Schools\n\n"
              + "\n\n".join(BODY))
    check_invariants(c)
    assert "Budget Schools" in kept(c)


def test_by_line_with_a_stamp_or_a_place_after_the_lead():
    for line in ("By Tamsin Vale | March 3, 2024", "By Tamsin Vale in Riverton", "By Tamsin Vale with AFP"):
        assert reasons(_between(line))[line] == "metadata:byline", line
    # a month after "By" starts a sentence-like heading, not a byline
    assert "By March Riverton Voted" in kept(_between("By March Riverton Voted"))


def test_role_alone_is_an_unnamed_authors_credit():
    for line in ("Our Correspondent", "Special Correspondent, Riverton"):
        assert reasons(_between(line))[line] == "metadata:byline", line
    # one word in capitals heads a list ("STAFF"), not a credit
    assert "STAFF" in kept(_between("STAFF"))


def test_name_and_the_gazetteer_place_it_files_from():
    line = "Tamsin Vale in Nairobi"
    assert reasons(_between(line))[line] == "metadata:byline"
    # a place the gazetteer does not know is no filing place
    assert "Tamsin Vale in Lowmarsh" in kept(_between("Tamsin Vale in Lowmarsh"))


def test_author_note_at_the_end_is_a_byline():
    note = "Tamsin Vale is a correspondent for the Riverton Ledger based in Lowmarsh."
    c = clean("\n\n".join(BODY + [note]))
    check_invariants(c)
    assert reasons(c)[note] == "metadata:byline"


def test_author_note_shape_in_the_middle_of_the_story_stays():
    # a sentence about a reporter, followed by the rest of the story, is article text
    line = "Tamsin Vale is a reporter who was hurt when the bridge gave way."
    c = clean("\n\n".join(BODY[:1] + [line] + BODY[1:]))
    check_invariants(c)
    assert line in kept(c)


# --------------------------------------------------------------------------- issue 19: captions without a credit


def test_caption_printed_twice_is_removed_both_times():
    cap = "Firefighters hose down a burning warehouse near the Riverton docks."
    c = clean("\n\n".join(BODY[:2]) + "\n\n" + cap + "\n" + cap + "\n\n" + "\n\n".join(BODY[2:]))
    check_invariants(c)
    assert [r.reason for r in c.removed] == ["boilerplate:caption", "boilerplate:caption"]


def test_caption_repeated_with_its_credit():
    cap = "Firefighters hose down a burning warehouse near the Riverton docks."
    c = clean("\n\n".join(BODY[:2]) + "\n\n" + cap + "\n" + cap + " (AP Photo/Jane Roe)\n\n" + "\n\n".join(BODY[2:]))
    check_invariants(c)
    assert reasons(c)[cap] == "boilerplate:caption"


def test_repeated_headline_is_not_a_twin_caption():
    head = "Riverton council passes a budget"
    c = clean(head + "\n" + head + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    assert head in kept(c)


def test_credit_above_a_one_line_block_captions_it():
    cap = "Volunteers stack sandbags along the river wall on Sunday."
    c = clean("\n\n".join(BODY[:2]) + "\n\nJane Roe / Reuters\n" + cap + "\n\n" + "\n\n".join(BODY[2:]))
    check_invariants(c)
    assert reasons(c)[cap] == "boilerplate:caption"


def test_credit_above_a_paragraph_of_several_lines_takes_none():
    para = ["Volunteers stacked sandbags along the river wall on Sunday,", "the council said in a statement."]
    c = clean("\n\n".join(BODY[:2]) + "\n\nJane Roe / Reuters\n" + "\n".join(para) + "\n\n" + "\n\n".join(BODY[2:]))
    check_invariants(c)
    assert not any(r.reason == "boilerplate:caption" and "Volunteers" in c.text[r.start:r.end] for r in c.removed)


# --------------------------------------------------------------------------- issue 19: page chrome


def test_share_bar_without_separators():
    line = "Facebook Twitter WhatsApp Email"
    assert reasons(_between(line))[line] == "boilerplate:share"
    # capitalised words that are not all cue items are a heading, not a bar
    other = "Facebook Shares Tumble"
    assert other in kept(_between(other))


@pytest.mark.parametrize("line", ["Like | Tweet | Share | Print", "Share: Facebook | Twitter | Email | Link"])
def test_share_bar_with_separators(line):
    assert reasons(_between(line))[line] == "boilerplate:share"
    other = "Riverton | Budget | Schools | Council"
    assert other in kept(_between(other))


def test_hashtag_line_is_tags():
    line = "#Riverton #budget #schools"
    assert reasons(_between(line))[line] == "boilerplate:tags"


def test_broadcast_slot_is_a_stamp():
    line = "Aired 6:00p - 7:00p ET"
    assert reasons(_between(line))[line] == "boilerplate:timestamp"


@pytest.mark.parametrize("line,cls", [
    ("Return to Transcripts main page", "boilerplate:navigation"), ("Next Post »", "boilerplate:navigation"),
    ("Leave a Reply Cancel reply", "boilerplate:comments"), ("Share this: Mastodon | Email", "boilerplate:share"),
    ("Click to enlarge", "boilerplate:caption"), ("Illustration: Jane Roe", "boilerplate:caption"),
    ("Promoted Stories", "boilerplate:promo"), ("In pictures: Riverton's budget night", "boilerplate:link"),
    ("03:12 - Source: RTN", "boilerplate:link"), ("Posted in Politics | Tagged budget", "boilerplate:tags"),
    ("This story has been updated with new vote counts.", "boilerplate:credits"),
    ("(Visited 512 times, 3 visits today)", "boilerplate:reading_time"), ("With agency inputs", "boilerplate:credits")])
def test_chrome_lines_of_many_outlets(line, cls):
    assert reasons(_between(line))[line] == cls


# --------------------------------------------------------------------------- issue 19: chrome under the article


def test_short_lines_after_the_last_sentence_are_trailing_chrome():
    tail = ["Riverton schools get forty new teachers", "Bridge repairs to start in spring", "Riverton weather this week"]
    c = clean("\n\n".join(BODY + tail))
    check_invariants(c)
    assert all(reasons(c)[t] == "boilerplate:trailing" for t in tail)


def test_a_list_ending_the_article_is_kept_with_its_heading():
    tail = "Budget dates\n\nMarch 3 - first reading\nMarch 10 - second reading\nMarch 17 - final vote"
    c = clean("\n\n".join(BODY) + "\n\n" + tail)
    check_invariants(c)
    assert "Budget dates" in kept(c) and "March 17 - final vote" in kept(c)


def test_a_list_of_other_stories_headlines_is_trailing_chrome():
    links = ["Port Ellis central bank holds rates steady as inflation eases",
             "Storm knocks out power to 20,000 homes in the Kestrel valley",
             "Hillside zoo welcomes twin snow leopard cubs"]
    c = clean("\n\n".join(BODY) + "\n\n" + "\n".join(links))
    check_invariants(c)
    assert all(x in kept(c) for x in BODY) and not any(x in kept(c) for x in links)
    # the article's own closing list (its words) stays
    facts = ["Forty new teachers for Riverton schools", "Repairs to the two Riverton bridges",
             "Council vote on the budget was 7 to 2"]
    c = clean("\n\n".join(BODY) + "\n\n" + "\n".join(facts))
    assert all(x in kept(c) for x in facts)


def test_bulleted_or_ranked_story_links_and_stamps_between_them_are_trailing_chrome():
    links = ["Port Ellis central bank holds rates steady as inflation eases",
             "Storm knocks out power to 20,000 homes in the Kestrel valley",
             "Hillside zoo welcomes twin snow leopard cubs"]
    for tail in ("\n".join("• " + x for x in links), "\n".join(x + "\nMarch 3, 2024" for x in links),
                 "\n".join(f"{k}\n{x}" for k, x in enumerate(links, 1))):
        c = clean("\n\n".join(BODY) + "\n\n" + tail)
        check_invariants(c)
        assert all(x in kept(c) for x in BODY) and not any(x in kept(c) for x in links)


def test_story_link_over_its_cut_off_teaser():
    link = ["Storm knocks out power to 20,000 homes in the Kestrel valley",
            "Crews in the hill villages worked through the night after the storm brought down at least…"]
    c = clean("\n\n".join(BODY[:2] + ["\n".join(link)] + BODY[2:]))
    check_invariants(c)
    assert all(x in kept(c) for x in BODY)
    assert reasons(c)[link[0]] == reasons(c)[link[1]] == "boilerplate:related"
    # a paragraph that trails off in a quotation is the article's
    line = 'Park said the vote "was only the beginning…"'
    assert line in kept(clean("\n\n".join(BODY[:2] + ["Budget night\n" + line] + BODY[2:])))


def test_trailing_chrome_stops_at_a_fact_field():
    # only the run of chrome that ends the page goes: a "Field: value" line above it stays,
    # and so does what is above that
    c = clean("\n\n".join(BODY + ["Council seats", "Seats: 9", "Share your views"]))
    check_invariants(c)
    assert "Seats: 9" in kept(c) and "Council seats" in kept(c)
    assert reasons(c)["Share your views"] == "boilerplate:trailing"


@pytest.mark.parametrize("line,cls", [
    ("Related News: Riverton opens a new bridge", "boilerplate:link"), ("Like us on Facebook", "boilerplate:follow"),
    ("Support independent journalism", "boilerplate:promo"), ("Got a news tip? Send it to us", "boilerplate:promo"),
    ("Privacy Policy", "boilerplate:navigation"), ("Read this story in Spanish", "boilerplate:link"),
    ("Share it", "boilerplate:share")])
def test_promo_and_footer_lines_of_many_outlets(line, cls):
    assert reasons(_between(line))[line] == cls


def test_title_case_dateline_before_a_title_and_name():
    c = _lead("Nairobi. President Jane Roe on Sunday ordered the league to halt its season.")
    assert c.dateline and c.dateline["place"] == "Nairobi"
    # a title abbreviation before a name is no place
    assert _lead("Prof. Jane Roe said the council had acted too late on the budget.").dateline is None


def test_present_tense_photo_description_with_a_day_is_a_caption():
    cap = "Volunteers stack sandbags along the river wall in Lowmarsh on Sunday."
    assert reasons(_between(cap))[cap] == "boilerplate:caption"


@pytest.mark.parametrize("line", [
    "Volunteers stacked sandbags along the river wall in Lowmarsh on Sunday.",     # past tense: prose
    "Volunteers stack sandbags along the river wall in Lowmarsh.",                 # no day or date
    "Volunteers were stacking sandbags along the river wall on Sunday.",           # an auxiliary
    "More than 300 people joined the stack of sandbags on Sunday.",               # the verb word as a noun
])
def test_sentences_that_are_no_photo_description(line):
    assert line in kept(_between(line))


def test_broadcast_slot_closing_the_headline_line_is_a_stamp():
    head = "Council Passes Budget; Schools Gain Teachers."
    c = clean(head + " Aired 6:00p- 7:00p ET\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    assert head in kept(c)
    assert reasons(c)["Aired 6:00p- 7:00p ET"] == "metadata:time"


def test_names_list_and_outlet_line_is_a_byline():
    for line in ("Tamsin Vale and Oren Blake, Associated Press", "Tamsin Vale, Special to the Riverton Times"):
        assert reasons(_between(line))[line] == "metadata:byline", line


def test_filed_from_note_at_the_end_is_a_byline():
    note = "Tamsin Vale reported from Nairobi. Oren Blake contributed from London."
    c = clean("\n\n".join(BODY + [note]))
    check_invariants(c)
    assert reasons(c)[note] == "metadata:byline"
    # a sentence that goes on after the place is prose
    other = "Tamsin Vale reported from Nairobi that the council had met."
    assert other in kept(clean("\n\n".join(BODY + [other])))


def test_four_digit_wire_clock_on_a_date_line():
    line = "Updated 0412 GMT (1212 HKT) March 3, 2024"
    assert reasons(_between(line))[line] == "metadata:date"


@pytest.mark.parametrize("line", ["Jane Roe • 2h", "3 hours ago | Jane Roe", "Posted 3 hours ago by Jane Roe",
                                  "Mar 3 · 3 min read"])
def test_stamp_bars_with_a_name_or_a_yearless_date(line):
    assert reasons(_between(line))[line] in ("boilerplate:timestamp", "boilerplate:reading_time")


def test_a_name_between_bars_alone_is_no_stamp_bar():
    line = "Jane Roe | John Doe"
    assert line in kept(_between(line))


def test_date_line_with_a_reading_time_field():
    line = "March 3, 2024 | Published in World | 3 min read"
    assert reasons(_between(line))[line] == "metadata:date"


def test_semicolon_tag_line():
    line = "Riverton; budget; schools"
    assert reasons(_between(line))[line] == "boilerplate:tags"
    # items with numbers are a list of the article, not tags
    assert "Deaths 5; injured 10; missing 2" in kept(_between("Deaths 5; injured 10; missing 2"))


@pytest.mark.parametrize("line,cls", [
    ("Cancel anytime. No ads. Unlimited access.", "boilerplate:promo"), ("Monthly Plan", "boilerplate:promo"),
    ("Toggle Menu", "boilerplate:navigation")])
def test_paywall_and_menu_lines(line, cls):
    assert reasons(_between(line))[line] == cls
