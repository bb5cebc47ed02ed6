"""Clean stage: junk shapes of pages the rules were not tuned on (issue 19, point 2), one
test per rule on invented lines: notes about the page itself, bylines
after "By the", short author names, stamps glued to a name."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


def _top(line: str):
    c = clean("Riverton council passes a budget\n" + line + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line", [
    "(This story has not been edited by Herald staff and is published from a wire feed.)",
    "An earlier version of this article gave the wrong date of the vote.",
    "The views expressed in this column belong to its writer.",
    "Correction: The vote was held on Tuesday, not Monday.",
    "The Riverton Herald will keep updating this story as results come in."])
def test_note_about_the_page(line):
    assert reasons(_between(line))[line] == "metadata:note"


def test_page_named_as_an_object_is_prose():
    line = "The mayor's office did not respond to a request for comment for this article."
    assert line in kept(_between(line))


def test_by_the_agency_byline():
    c = _top("By the Riverton Press Agency")
    assert reasons(c)["By the Riverton Press Agency"] == "metadata:byline"
    # "By the" and lower-case words is a sentence's opening
    line = "By the end of the day the council had voted"
    assert line in kept(_top(line))


def test_short_name_word_is_matched_whole():
    # "Lea" is a name although the text says "least"; the names line is a byline
    line = "Jane Roe, Tom Ash and Lea Park"
    c = clean("Riverton council passes a budget\n\n" + line + "\n\n"
              + "\n\n".join(["At least " + BODY[0][4:]] + BODY[1:]))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:byline"


def test_stamp_glued_to_a_name():
    line = "Jane Roe2 hours ago"
    assert reasons(_top(line))[line] == "metadata:byline"


def test_name_with_an_inner_capital_and_a_stamp():
    line = "Jane McRoe Updated 3 hours ago"
    assert reasons(_top(line))[line] == "metadata:byline"


@pytest.mark.parametrize("line,reason", [
    ("Like this:", "boilerplate:share"), ("Tagged:", "boilerplate:tags"),
    ("Labels: budget, Riverton", "metadata:tags"), ("Post Views: 1,234", "boilerplate:reading_time"),
    ("Next: Riverton opens a new bridge", "boilerplate:navigation"),
    ("For more stories on the budget, click here.", "boilerplate:promo"),
    ("All content copyright Riverton Herald Media.", "boilerplate:copyright"),
    ("What do you think? Let us know in the comments below.", "boilerplate:comments")])
def test_cue_entries_of_more_outlets(line, reason):
    assert reasons(_between(line))[line] == reason


def test_story_links_printed_as_paragraphs():
    links = ["Riverton opens a new bridge over the river", "School board names a new head of finance"]
    c = _between("\n\n".join(["Related Articles", *links]))
    assert all(reasons(c)[x] == "boilerplate:related" for x in links)
    # a short line after the links is the article's next sub-heading
    c = _between("\n\n".join(["Related Articles", links[0], "The vote"]))
    assert "The vote" in kept(c)


ARTICLE = ["Riverton council passes a budget"] + BODY + [
    "The finance committee will publish the full figures next month, the clerk said.",
    "Parents at two Riverton schools had asked the council budget to fund more teachers for the schools.",
    "The Riverton council budget also pays to repair the two bridges, the finance committee said.",
    "The mayor said the Riverton council budget kept property taxes at last year's level.",
    "Council members said the budget would be reviewed again in the autumn session."]
OTHER = ["Port Ellis central bank holds rates steady as inflation eases", "By Tom Ash",
         "PORT ELLIS (Wire) - The central bank kept its benchmark interest rate unchanged at 6.5 percent "
         "on Thursday, saying consumer prices had cooled for a third month.",
         "Analysts polled last week had expected the pause, though two said a cut was possible in June."]


def test_second_story_head_after_the_article():
    c = clean("\n\n".join(ARTICLE + OTHER))
    check_invariants(c)
    assert not any(x in kept(c) for x in (OTHER[0], OTHER[2], OTHER[3]))
    assert all(x in kept(c) for x in ARTICLE)


def test_section_with_its_own_byline_stays():
    section = ["Riverton budget vote splits the council", "By Tom Ash",
               "RIVERTON (Wire) - The Riverton council budget vote on Tuesday split members of the finance "
               "committee over school funding and the two bridges, the mayor said."]
    c = clean("\n\n".join(ARTICLE + section))
    check_invariants(c)
    assert section[0] in kept(c) and section[2] in kept(c)


def test_headline_shaped_line_after_an_open_paragraph_is_no_story_head():
    # the article's last paragraph does not end a sentence: the next line is its list's item
    item = "Bridges and roads for the east side"
    text = "\n\n".join(ARTICLE + ["The projects it funds include", item, OTHER[2]])
    c = clean(text)
    check_invariants(c)
    assert item in kept(c)


def test_section_given_back_when_the_article_resumes():
    section = ["Voices from the harbour", "By Tom Ash",
               "RIVERTON (Wire) - A retired sailor who walked up from the harbour with his grandchildren "
               "said he had never seen such crowds outside the old town hall, where folk singers and a brass "
               "band played through the evening while street vendors sold grilled fish, roasted chestnuts "
               "and hot cider to families waiting in the drizzle for the fireworks over the water.",
               "A nurse coming off a night shift at the harbour clinic said the queues for the ferry stretched "
               "past the lighthouse, and that several elderly passengers had fainted in the heat of the "
               "crowded waiting room before volunteers handed out bottled water and folding chairs.",
               "Riverton council members said the budget vote on Tuesday would fund the schools, the "
               "teachers and the two bridges, the finance committee said."]
    c = clean("\n\n".join(ARTICLE + section))
    check_invariants(c)
    assert all(x in kept(c) for x in section[:1] + section[2:])


LEAD = "At least 40 people were counted in the Riverton council chamber on Tuesday, the clerk said."


def _lead(prefix: str):
    c = clean("Riverton council passes a budget\n\n" + prefix + LEAD + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    return c


@pytest.mark.parametrize("prefix,byline", [("By Jane Roe RIVERTON (Wire) - ", "By Jane Roe"),
                                           ("By Jane Roe - ", "By Jane Roe -"),
                                           ("By JANE ROE ", "By JANE ROE")])
def test_byline_glued_to_the_lead(prefix, byline):
    c = _lead(prefix)
    assert reasons(c)[byline] == "metadata:byline"
    assert LEAD in kept(c)


def test_by_and_a_weekday_is_the_lead_itself():
    line = "By Sunday Riverton - the river town - had counted 40 flooded homes, the clerk said."
    c = clean("Riverton council passes a budget\n\n" + line + "\n\n" + "\n\n".join(BODY))
    assert line in kept(c)


def test_update_stamp_with_the_clock_first_glued_to_the_lead():
    c = _lead("Updated 10:15 AM, March 3, 2024 ")
    assert reasons(c)["Updated 10:15 AM, March 3, 2024"] == "metadata:date"
    assert LEAD in kept(c)


def test_credit_glued_to_the_last_paragraph():
    credit = "(Reporting by Jane Roe; Editing by Tom Ash)"
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY[:-1] + [BODY[-1] + " " + credit]))
    check_invariants(c)
    assert reasons(c)[credit] == "metadata:byline" and BODY[-1] in kept(c)
    # a bracket of other words closing a paragraph stays with it
    line = BODY[-1] + " (The figures were revised by the clerk.)"
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY[:-1] + [line]))
    assert line in kept(c)


SUDAN = ["Khartoum council passes a budget",
         "The city council of Khartoum approved a new budget on Tuesday after weeks of debate over school funding.",
         "Mayor Ellen Park said the plan would add 40 teachers to Khartoum schools and repair two bridges.",
         "Opponents on the Khartoum council argued the budget relied on optimistic tax forecasts for the city.",
         "The council vote was 7 to 2, with both no votes cast by members of the finance committee.",
         "The finance committee of the Khartoum council will publish the full budget figures next month.",
         "Parents at two Khartoum schools had asked the council to fund more teachers for the schools.",
         "The Khartoum council budget also pays to repair the two bridges over the river, the clerk said.",
         "The mayor said the Khartoum council budget kept property taxes at last year's level.",
         "Council members said the Khartoum budget would be reviewed again in the autumn session."]
KOLKATA = ["Kolkata doctors strike over an assault on a colleague",
           "Junior doctors at state hospitals in Kolkata stopped work on Wednesday, demanding protection after "
           "relatives of a patient assaulted a colleague on the night shift."]


@pytest.mark.parametrize("closing,cut", [("Copyright 2024 Riverton Herald. All rights reserved.", True),
                                         ("Read more: What the Khartoum budget means for schools", True),
                                         ("Council members at the Khartoum vote. (Wire Photo/Jane Roe)", False)])
def test_story_head_about_another_country_after_closing_furniture(closing, cut):
    c = clean("\n\n".join(SUDAN + [closing] + KOLKATA))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN)
    # after a caption the line may be the article's next section: the overlap decides
    assert (KOLKATA[1] not in kept(c)) == cut


def test_story_head_may_open_with_a_number():
    head = "40 doctors strike in Kolkata over an assault on a colleague"
    c = clean("\n\n".join(SUDAN + ["Copyright 2024 Riverton Herald.", head, KOLKATA[1]]))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN)
    assert head not in kept(c) and KOLKATA[1] not in kept(c)


@pytest.mark.parametrize("rule", ["___", "* * *"])
def test_story_head_read_over_a_rule_line(rule):
    c = clean("\n\n".join(SUDAN + ["Copyright 2024 Riverton Herald.", rule] + KOLKATA))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN)
    assert KOLKATA[0] not in kept(c) and KOLKATA[1] not in kept(c)


READER_POSTS = ["So glad the libraries stay open, my kids practically live in the Elm Street branch.",
                "Park promised the same thing last year and the Riverton council still cut teachers."]


@pytest.mark.parametrize("header", ["riverdad77\n2 hours ago", "Jane Roe says:\nMarch 3, 2024 at 10:15 am"])
def test_readers_posts_under_a_comments_head_are_cut(header):
    posts = "\n\n".join(f"{header}\n{p}" for p in READER_POSTS)
    c = clean("\n\n".join(ARTICLE) + "\n\n3 Comments\n\n" + posts)
    check_invariants(c)
    assert all(x in kept(c) for x in ARTICLE) and not any(x in kept(c) for x in READER_POSTS)


def test_comments_button_on_a_live_page_is_no_end():
    entries = ["Riverton council passes a budget", ARTICLE[0], "1 hr ago", ARTICLE[1], "2 hr ago", ARTICLE[2],
               "3 hr ago", ARTICLE[3], "Comments", "4 hr ago", ARTICLE[4]]
    c = clean("\n\n".join(entries))
    check_invariants(c)
    assert ARTICLE[4] in kept(c)


def test_comments_button_inside_the_article_is_no_end():
    c = clean("\n\n".join(ARTICLE[:4] + ["Comments"] + ARTICLE[4:]))
    check_invariants(c)
    assert all(x in kept(c) for x in ARTICLE)


def test_datelined_paragraph_after_the_article_starts_a_story():
    story = ["PORT ELSEY, Norland (Wire) - The ferry from Kirkwall Sound will resume its crossings on "
             "Friday, the operator said, ending a seven-week gap that left islanders on a supply flight.",
             "Divers spent a month rebuilding the glacier pier, whose pilings a January gale tore loose, "
             "and engineers signed off the repairs on Tuesday after a final load test."]
    c = clean("\n\n".join(ARTICLE + story))
    check_invariants(c)
    assert all(x in kept(c) for x in ARTICLE) and not any(x in kept(c) for x in story)
    # a dispatch of the same story from another place is the article going on
    same = ["MILLBROOK (Wire) - Teachers in Millbrook said the Riverton council budget vote and its "
            "40 new teachers would put pressure on their own school board, the mayor said.",
            "The Riverton finance committee said it would review the budget and the two bridges."]
    c = clean("\n\n".join(ARTICLE + same))
    assert all(x in kept(c) for x in same)


def test_story_head_after_a_sign_off_needs_no_credit_line():
    head = "Junior doctors strike over an assault on a colleague"
    c = clean("\n\n".join(SUDAN + ["Copyright 2024 Riverton Herald. All rights reserved.", head, KOLKATA[1]]))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN)
    assert head not in kept(c) and KOLKATA[1] not in kept(c)
    # after the article's own paragraph the same lines are a sub-heading and its section
    c = clean("\n\n".join(SUDAN + [head, KOLKATA[1]]))
    assert head in kept(c) and KOLKATA[1] in kept(c)


def test_story_head_after_a_rule_line():
    head = "Junior doctors strike over an assault on a colleague"
    c = clean("\n\n".join(SUDAN + ["* * *", head, KOLKATA[1]]))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN) and KOLKATA[1] not in kept(c)
    # the article's own section after a rule line reads as the article going on
    section = ["Next steps for the budget", "The Khartoum council budget goes to a second vote of the "
               "finance committee next month, and the mayor said the Khartoum schools would get their teachers."]
    c = clean("\n\n".join(SUDAN + ["* * *"] + section))
    assert all(x in kept(c) for x in section)


def test_story_head_about_a_country_the_article_names_is_read_by_overlap():
    c = clean("\n\n".join(SUDAN + ["Doctors in Kolkata went on strike last year.", "Copyright 2024 Riverton Herald."]
                          + KOLKATA))
    check_invariants(c)
    assert KOLKATA[1] in kept(c)


def _after_lead(*lines: str):
    c = clean("\n\n".join(["Riverton council passes a budget", BODY[0], *lines, *BODY[1:]]))
    check_invariants(c)
    return c


def test_name_over_a_role_line_after_a_blank_line():
    c = _after_lead("Jane Roe", "Staff Writer")
    assert reasons(c)["Jane Roe"] == reasons(c)["Staff Writer"] == "metadata:byline"


def test_name_over_its_stamp_after_a_blank_line():
    c = _after_lead("Jane Roe", "March 3, 2024")
    assert reasons(c)["Jane Roe"] == "metadata:byline"
    # a sub-heading whose words the story uses is no author's name
    c = _after_lead("Council Budget", "March 3, 2024")
    assert "Council Budget" in kept(c)


def test_name_and_outlet_in_brackets():
    assert reasons(_after_lead("Jane Roe (Riverton Herald)"))["Jane Roe (Riverton Herald)"] == "metadata:byline"


def test_handle_alone_on_its_line():
    assert reasons(_between("@janeroe"))["@janeroe"] == "metadata:byline"


@pytest.mark.parametrize("line", ["From Riverton Herald's Jane Roe",
                                  "From the Herald’s Jane Roe, Tom Ash and Lea Park in Riverton",
                                  "From Riverton Herald staff and wire reports"])
def test_post_credit_of_a_live_page(line):
    assert reasons(_between(line))[line] == "metadata:byline"


def test_from_and_a_possessive_sentence_is_prose():
    line = "From Riverton's school board came a plea for more teachers and two new bridges."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["Herald reporters Jane Roe and Tom Ash contributed to this post.", "via Riverton Herald"])
def test_live_page_contributor_and_via_credits(line):
    assert reasons(_between(line))[line] == "boilerplate:credits"


@pytest.mark.parametrize("line,reason", [
    ("Jump to latest update", "boilerplate:navigation"), ("Share this update", "boilerplate:share"),
    ("Our live coverage of the Riverton budget has ended.", "boilerplate:promo"),
    ("Video Ad Feedback", "boilerplate:promo"), ("1 hr 20 min ago", "boilerplate:timestamp")])
def test_live_page_widget_lines(line, reason):
    assert reasons(_between(line))[line] == reason


def test_relative_stamps_of_a_live_page_are_no_tail_markers():
    entries = [BODY[1], "The harbour ferry ran late all evening as a storm crossed the bay, sailors said.",
               BODY[2], "A brass band played outside the old town hall while vendors sold grilled fish.", BODY[3]]
    lines = ["Riverton council passes a budget", BODY[0]]
    for k, entry in enumerate(entries):
        lines += [f"{k + 1} hr {10 + k} min ago", entry]
    c = clean("\n\n".join(lines))
    check_invariants(c)
    assert all(x in kept(c) for x in entries)


def test_video_title_above_the_players_duration():
    title = "Council members vote on the Riverton budget"
    c = _between(title + "\n01:32 - Source: Riverton TV")
    assert reasons(c)[title] == "boilerplate:link"
    # a paragraph of two sentences above it is the article's
    line = "The vote was close. Two members abstained"
    assert line in kept(_between(line + "\n01:32 - Source: Riverton TV"))


#: a news transcript's turns on one story (anchor and reporter)
TURNS = ["ANCHOR: The Riverton council approved a new budget on Tuesday after weeks of debate over schools.",
         "JANE ROE, REPORTER: Mayor Ellen Park said the plan would add 40 teachers to Riverton schools.",
         "ANCHOR: Opponents on the Riverton council argued the budget relied on optimistic tax forecasts.",
         "JANE ROE, REPORTER: The council vote was 7 to 2, with both no votes from the finance committee.",
         "ANCHOR: What did the Riverton mayor say about the council budget and the schools?",
         "JANE ROE, REPORTER: Mayor Ellen Park said the Riverton council budget keeps school funding first.",
         "ANCHOR: And the Riverton bridges, are they in the council budget as well?",
         "JANE ROE, REPORTER: The Riverton council budget pays to repair the two bridges, the mayor said.",
         "ANCHOR: Jane Roe in Riverton, thank you for the report on the Riverton council budget vote."]


def test_transcript_turn_to_another_story():
    other = "ANCHOR: Moving on now, to the coast, where a storm has grounded fishing fleets and shut two ferry ports."
    c = clean("\n\n".join(["Riverton council passes a budget", *TURNS, other]))
    check_invariants(c)
    assert all(t in kept(c) for t in TURNS) and other not in kept(c)
    # a turn that stays with the story is kept
    same = "ANCHOR: Moving on now, to the Riverton council budget vote and what it means for Riverton schools."
    c = clean("\n\n".join(["Riverton council passes a budget", *TURNS, same]))
    assert same in kept(c)


@pytest.mark.parametrize("line,reason", [
    ("Show key events only", "boilerplate:navigation"), ("This live page is now closed.", "boilerplate:promo"),
    ("Accept all cookies", "boilerplate:promo"), ("Enlarge", "boilerplate:caption")])
def test_live_page_and_consent_widgets(line, reason):
    assert reasons(_between(line))[line] == reason


def test_dotted_clock_with_its_zone():
    assert reasons(_between("10.15 GMT"))["10.15 GMT"] == "metadata:time"
    # a dotted number without a zone is no stamp
    assert "10.15" in kept(_between("10.15"))


@pytest.mark.parametrize("line", ["Read the latest updates on the budget here.", "You can follow our live coverage here.",
                                  "For more on this story, watch the video above.", "Download our app for alerts."])
def test_prompt_to_the_reader(line):
    assert reasons(_between(line))[line] == "boilerplate:promo"


@pytest.mark.parametrize("line", ["What do you think? Leave a comment below.",
                                  "Got a story? Email news@riverton-herald.example",
                                  "Send us your photos of the flood at photos@riverton-herald.example"])
def test_prompt_after_a_question_or_to_an_address(line):
    assert reasons(_between(line))[line] == "boilerplate:promo"


@pytest.mark.parametrize("line", ["Follow the Riverton Herald on Google News for the latest updates.",
                                  "Stay with Riverton Radio for the latest news on the flood.",
                                  "Visit our flood page for more stories and video.",
                                  "Get the Riverton Herald in your inbox"])
def test_prompt_pointing_at_the_latest_updates(line):
    assert reasons(_between(line))[line] == "boilerplate:promo"
    # a reported instruction that names the latest updates is a sentence of the article
    other = "Stay indoors and listen to the radio for the latest updates, the mayor said."
    assert other in kept(_between(other))


@pytest.mark.parametrize("line", ["Log in or sign up to join this discussion.",
                                  "Sign in, or create a free account, to post a comment."])
def test_sign_in_prompt_is_promo(line):
    assert reasons(_between(line))[line] == "boilerplate:promo"


def test_question_in_prose_before_an_imperative_is_kept():
    line = "Why did the council wait? Read the minutes and the answer is plain enough, Park said."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["Related coverage: Teachers back the Riverton budget",
                                  "Also on Riverton Herald | Bridge repairs to start in spring"])
def test_story_link_under_a_list_head_label(line):
    assert reasons(_between(line))[line] == "boilerplate:link"


def test_one_word_list_head_label_opens_prose():
    line = "Latest: the council will meet again on Friday to vote on the school budget."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line,reason", [
    ("View original 185 more words", "boilerplate:link"), ("Originally posted on Riverton Herald:", "boilerplate:syndication"),
    ("Reblog", "boilerplate:share"), ("Click to share on Facebook (Opens in new window)", "boilerplate:share"),
    ("Add your comment", "boilerplate:comments"), ("Article Image", "boilerplate:caption")])
def test_blog_widgets_of_reblogged_posts(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line", ["[related_posts /]", "[/pullquote]", '[caption id="a12" width="300"]'])
def test_blog_shortcode_line(line):
    assert reasons(_between(line))[line] == "metadata:code"


def test_bracketed_stage_direction_is_no_shortcode():
    assert "[applause]" in kept(_between("[applause]"))


def test_share_bar_under_its_label():
    line = "Share on: Facebook Twitter"
    assert reasons(_between(line))[line] == "boilerplate:share"
    prose = "Follow us: the council debate continues on Friday."
    assert prose in kept(_between(prose))


@pytest.mark.parametrize("line,reason", [
    ("Poll: Should Riverton keep both libraries open?", "boilerplate:promo"), ("View results", "boilerplate:promo"),
    ("Table of contents", "boilerplate:navigation"), ("Report abuse", "boilerplate:comments"),
    ("Copy article link", "boilerplate:share"), ("Show transcript", "boilerplate:link"),
    ("Video duration 1 minute 24 seconds", "boilerplate:reading_time")])
def test_poll_form_player_and_contents_widgets(line, reason):
    assert reasons(_between(line))[line] == reason


def test_imperative_prose_without_a_pointer_is_kept():
    line = "Read the council minutes and the budget looks far less generous than the mayor claims."
    assert line in kept(_between(line))



@pytest.mark.parametrize("head", ["Latest from Riverton Herald", "Top headlines", "Other news", "News in brief"])
def test_more_heads_of_appended_stories(head):
    other = ["Port Ellis central bank holds rates steady", "The central bank kept its benchmark interest rate "
             "unchanged at 6.5 percent on Thursday, saying consumer prices had cooled for a third month."]
    c = clean("\n\n".join(ARTICLE + [head] + other))
    check_invariants(c)
    assert reasons(c)[head] == "boilerplate:related" and other[1] not in kept(c)


@pytest.mark.parametrize("head", ["More World stories", "More Business News", "Other Sports stories"])
def test_heads_of_a_sections_story_list(head):
    other = ["Port Ellis central bank holds rates steady", "The central bank kept its benchmark interest rate "
             "unchanged at 6.5 percent on Thursday, saying consumer prices had cooled for a third month."]
    c = clean("\n\n".join(ARTICLE + [head] + other))
    check_invariants(c)
    assert reasons(c)[head] == "boilerplate:related" and other[1] not in kept(c)
    # a sentence that opens with the same words is prose
    line = "More world leaders are expected to join the stories of support this week."
    assert line in kept(clean("\n\n".join(ARTICLE[:2] + [line] + ARTICLE[2:])))


@pytest.mark.parametrize("line", ["Mar 3, 10:15am", "Friday, March 3 at 10:15 a.m. ET", "10:15 - 3 March",
                                  "A few seconds ago", "Updated: 10:15"])
def test_stamps_with_the_day_before_the_clock(line):
    assert reasons(_between(line))[line] == "boilerplate:timestamp"


@pytest.mark.parametrize("line", ["10:15 a.m. local time", "1015 GMT", "10:15 GMT+5:45"])
def test_clock_stamps_with_a_zone_offset_or_local_time(line):
    assert reasons(_between(line))[line] == "metadata:time"


def test_four_digits_without_a_zone_are_no_clock():
    assert "1015" in kept(_between("1015"))


def _live(*entry_lines: str):
    lines = ["Riverton council passes a budget", BODY[0]]
    for k, body in enumerate(BODY[1:]):
        lines += [f"{k + 1} hr ago", body]
    c = clean("\n\n".join(lines[:4] + list(entry_lines) + lines[4:]))
    check_invariants(c)
    return c


def test_day_header_and_author_of_a_live_page():
    c = _live("March 3", "Jane Roe")
    assert reasons(c)["March 3"] == "boilerplate:timestamp" and reasons(c)["Jane Roe"] == "metadata:byline"


def test_day_line_of_an_ordinary_page_is_kept():
    c = _between("March 3")
    assert "March 3" in kept(c)


@pytest.mark.parametrize("line,reason", [
    ("Related article Riverton opens a new bridge", "boilerplate:link"),
    ("By entering your email you agree to our Terms of Use.", "boilerplate:newsletter"),
    ("Continue reading after advertisement", "boilerplate:promo")])
def test_inline_related_links_and_sign_up_forms(line, reason):
    assert reasons(_between(line))[line] == reason


def test_hour_alone_is_a_live_roundups_stamp():
    assert reasons(_between("6 p.m."))["6 p.m."] == "metadata:time"
    assert "6 people" in kept(_between("6 people"))


def test_entry_clock_with_a_colon_on_a_live_page():
    entries = [f"{h}:15am EDT: {b}" for h, b in zip((1, 2, 3), BODY[1:])]
    c = clean("\n\n".join(["Riverton council passes a budget", BODY[0], *entries]))
    check_invariants(c)
    assert reasons(c)["1:15am EDT:"] == "metadata:time" and BODY[1] in kept(c)


def test_entry_clock_with_capital_pm_and_zone_on_a_live_page():
    entries = [f"{h}:15 PM KST: {b}" for h, b in zip((1, 2, 3), BODY[1:])]
    c = clean("\n\n".join(["Riverton council passes a budget", BODY[0], *entries]))
    check_invariants(c)
    assert reasons(c)["1:15 PM KST:"] == "metadata:time" and BODY[1] in kept(c)


def test_long_list_of_names_after_by_anywhere():
    line = "By Jane Roe, Tom Ash, Lea Park, Ken Moor, Ann Lee and Bob Fay, Riverton Herald"
    assert reasons(_between(line))[line] == "metadata:byline"
    # a list of capitalised words after "By" that are no names of 1-4 words stays
    line = "By Council Rules, Budget Votes Need Two Readings And A Public Hearing Before The Final Tally"
    assert line in kept(_between(line))


def test_teaser_cut_short_with_its_link():
    line = "The city council of Riverton approved a new budget on Tuesday after weeks of deb... Read More"
    assert reasons(_between(line))[line] == "boilerplate:promo"
    # a sentence that ends in an ellipsis and the words "read more" as prose stays
    line = "He paused... Read more slowly, the teacher told the class."
    assert line in kept(_between(line))


def test_teaser_closed_by_a_bare_more_link():
    line = "The city council of Riverton approved a new budget on Tuesday after weeks of deb... More »"
    assert reasons(_between(line))[line] == "boilerplate:promo"
    # a sentence whose last word after an ellipsis is "more" and goes on is prose
    line = "They wanted more... more than the council could give, Park said."
    assert line in kept(_between(line))


def test_byline_label_apart_from_its_names():
    c = _between("By\n\nJane Roe, Riverton Herald")
    assert reasons(c)["By"] == reasons(c)["Jane Roe, Riverton Herald"] == "metadata:byline"
    # "By" over a sentence is no label of names
    c = _between("By\n\nThe council voted on Tuesday.")
    assert "The council voted on Tuesday." in kept(c)


def test_stamp_glued_to_a_byline_anywhere():
    line = "By Jane Roe, Riverton Herald Updated 10:15 PM EST, Mon March 3, 2024"
    assert reasons(_between(line))[line] == "metadata:byline"


def test_bulleted_story_links():
    links = ["• Riverton opens a new bridge over the river", "• School board names a new head of finance"]
    c = _between("\n".join(["Related Stories", *links]))
    assert all(reasons(c)[x] == "boilerplate:related" for x in links)


def test_bullets_after_plain_links_are_the_article():
    item = "• Forty teachers for the schools"
    c = _between("\n".join(["Related Stories", "Riverton opens a new bridge over the river", item]))
    assert item[2:] in kept(c)
