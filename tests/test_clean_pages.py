"""Clean stage: furniture shapes read on stored public pages of events outside the
real-world test bed (issue 19, point 2), one test per rule on invented lines: caption
labels and skip links glued to their neighbours, a video's title with its duration, a
promo closed by a call to act now, an embedded post joined to its sign-off."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line,reason", [
    ("Image captionRescuers search the rubble of the old market", "boilerplate:caption"),
    ("Flooded streets in Riverton (3 March)Image copyrightAFP", "boilerplate:caption"),
    ("Flooded streets in Riverton, 3 Mar 24Image sourceRiverton Herald", "boilerplate:caption"),
    ("Media captionJane Roe: \"The water came in minutes\"", "boilerplate:caption"),
    ("Skip to main contentSkip to navigation", "boilerplate:navigation")])
def test_glued_caption_label_or_skip_link_is_furniture(line, reason):
    c = _between(line)
    assert reasons(c).get(line) == reason
    assert all(b in kept(c) for b in BODY)


def test_glued_words_without_a_cue_stay_article_text():
    line = "McAllister said the YouTube videos of the flood drew 3,000 viewers on Monday."
    assert line in kept(_between(line))


def test_video_title_with_its_duration_is_a_link():
    c = _between("Rescuers reach the flooded hill villages 02:12")
    assert reasons(c).get("Rescuers reach the flooded hill villages 02:12") == "boilerplate:link"
    # the title printed twice, the second time with its player's duration
    c = _between("Riverton floods: a week on\nRiverton floods: a week on 1:04:30")
    assert set(reasons(c).values()) == {"boilerplate:link"} and len(c.removed) == 2
    # a time of day after a preposition is no duration
    assert "Polling stations in the valley close at 8:00" in kept(_between("Polling stations in the valley close at 8:00"))


@pytest.mark.parametrize("line", [
    "Stay up to date on all the latest Riverton news with the Herald's mobile app. Download now",
    "Riverton Radio relies on its listeners. Please keep us on the air with your gift today. Donate now. Thank you.",
    "Get every update on the floods in your inbox. Subscribe today!"])
def test_promo_closed_by_a_call_to_act_now(line):
    assert reasons(_between(line)).get(line) == "boilerplate:promo"


@pytest.mark.parametrize("line", [
    "The mayor urged residents to register now for the relief fund.",
    "\"We need blankets and water. Donate now.\""])
def test_sentences_that_ask_to_act_now_stay(line):
    assert line in kept(_between(line))


def test_post_text_and_signoff_joined_on_one_line_is_an_embed():
    line = "Roads into the valley are closed until further notice. — Riverton Police (@rvpolice) March 3, 2024"
    assert reasons(_between(line)).get(line) == "boilerplate:embed"


def test_section_label_over_the_headline_is_no_story_list():
    text = "Latest News\n\nStorm leaves 29 dead in the Riverton hills\n\n" + "\n\n".join(BODY)
    c = clean(text)
    check_invariants(c)
    assert reasons(c).get("Latest News") == "boilerplate:related"
    assert "Storm leaves 29 dead in the Riverton hills" in kept(c)
    # two story links under the head are a list
    c = clean("Latest News\n\nStorm leaves 29 dead in the hills\nBridge reopens after repairs\n\n" + "\n\n".join(BODY))
    assert reasons(c).get("Bridge reopens after repairs") == "boilerplate:related"


@pytest.mark.parametrize("line", [
    "(Jane Roe / Riverton Times )",
    "Jane Roe/Riverton Post",
    "Volunteers stack sandbags along the river on Monday. (Jane Roe/Riverton News Group)",
    "The fire chief briefs reporters on Sunday.  Jane Roe/AFP photo"])
def test_a_papers_own_photo_credit_is_a_caption(line):
    assert reasons(_between(line)).get(line) == "boilerplate:caption"


def test_a_slash_between_names_in_prose_stays():
    line = "The Riverton/Eastfield line reopened on Monday, the rail operator said."
    assert line in kept(_between(line))


def test_one_text_printed_twice_on_a_line_is_a_caption():
    line = "Volunteers stack sandbags by the river.Volunteers stack sandbags by the river."
    assert reasons(_between(line)).get(line) == "boilerplate:caption"
    # a paragraph that repeats a few words is prose
    prose = "The council met on Monday. The council met again on Tuesday to vote on the budget."
    assert prose in kept(_between(prose))


def test_gallery_thumbnail_cut_off_over_its_caption():
    thumb = "• Volunteers stack sandbags along the river in..."
    full = "Volunteers stack sandbags along the river in Riverton on Monday. (Jane Roe/Riverton Times)"
    c = _between(thumb + "\n\n" + full)
    assert reasons(c).get(thumb) == "boilerplate:caption" and reasons(c).get(full) == "boilerplate:caption"


@pytest.mark.parametrize("line", ["RIVERTON-FLOODS(01 of145)", "(02 of 145)"])
def test_gallery_counter_is_a_caption(line):
    assert reasons(_between(line)).get(line) == "boilerplate:caption"


def test_headline_closed_by_a_link_arrow_is_a_link():
    line = "LIVE UPDATES: The latest on the Riverton floods »"
    assert reasons(_between(line)).get(line) == "boilerplate:link"
    # a prompt with a sentence before the arrow, and a quotation in guillemets, are not read so
    for other in ["Need a plumber? Our free tool finds one near you »",
                  "Le maire a dit : « Nous reconstruirons le pont »"]:
        assert other in kept(_between(other))


@pytest.mark.parametrize("line,reason", [
    ("IE 11 is not supported. For an optimal experience visit our site on another browser.", "boilerplate:promo"),
    ("Image via Riverton Police", "boilerplate:caption"),
    ("Open Image Modal", "boilerplate:caption"),
    ("Descriptive text is not available for this image", "boilerplate:caption"),
    ("STORY CONTINUES BELOW SLIDESHOW", "boilerplate:promo"),
    ("Watch Riverton News", "boilerplate:promo")])
def test_widget_cue_entries_of_stored_pages(line, reason):
    assert reasons(_between(line)).get(line) == reason


def test_unmarked_cut_moves_on_to_the_appended_storys_headline():
    from pipeline.clean import CleanSettings
    from .test_clean import ARTICLE, HEADED_HEAD, HEADED_STORY
    # the article's last paragraph shares a few words with the story appended under its
    # headline: the cut is at the headline, not at that paragraph
    closing = ("Volunteers will take the ferry across the sound to the islands on Friday, the harbour "
               "master said, weather permitting.")
    more = ["The ferry company said another vessel would join the route in spring, and that tickets for the "
            "summer season go on sale next week at the harbour office and online."]
    text = "\n\n".join(ARTICLE + [closing, HEADED_HEAD] + HEADED_STORY + more)
    c = clean(text)
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE + [closing])
    assert not any(p in kept(c) for p in [HEADED_HEAD] + HEADED_STORY + more)
    # without the move the cut takes the article's last paragraph
    assert closing not in kept(clean(text, settings=CleanSettings(boundary_snap_chars=0)))


def test_capitals_dateline_with_region_and_colon():
    lead = "The death toll from the floods rose to 83 on Sunday, officials said."
    body = "\n\n".join(BODY)
    c = clean("Floods kill 83 in the valley\n\nRIVERTON, Ruritania: " + lead + "\n\n" + body)
    check_invariants(c)
    assert c.dateline["place"].startswith("RIVERTON") and lead in kept(c)
    # a Title Case place and a region before a colon is no dateline
    assert clean("Floods kill 83 in the valley\n\nRiverton, Ruritania: " + lead + "\n\n" + body).dateline is None


def test_caption_repeated_with_a_glued_photo_credit():
    cap = "A man paints a message on a wall in the flooded old town"
    c = _between(cap + "\n" + cap + " Photograph: Jane Roe/AFP")
    assert reasons(c).get(cap) == "boilerplate:caption"
    assert reasons(c).get(cap + " Photograph: Jane Roe/AFP") == "boilerplate:caption"


def test_caption_after_a_bar_and_its_bulleted_thumbnail():
    thumb = "• Residents stand next to a building the quake brought down"
    full = "Residents stand next to a building the quake brought down in Riverton, March 3, 2024 | Photo: Jane Roe"
    c = _between(thumb + "\n\n" + full)
    assert reasons(c).get(thumb) == "boilerplate:caption" and reasons(c).get(full) == "boilerplate:caption"


def test_breadcrumb_of_navigation_and_section_words():
    c = clean("Home News World\n\nStorm leaves 29 dead in the Riverton hills\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    assert reasons(c).get("Home News World") == "boilerplate:navigation"
    # section labels alone, without a navigation item first, are no trail
    assert reasons(clean("World Business\n\n" + "\n\n".join(BODY))).get("World Business") != "boilerplate:navigation"


@pytest.mark.parametrize("rule", ["___", "* * *", "|", "•"])
def test_a_line_of_symbols_only_is_a_rule(rule):
    c = _between(rule)
    assert reasons(c).get(rule) == "boilerplate:rule"
    assert all(b in kept(c) for b in BODY)
    # HTML-derived text keeps its rules (the page's own separators)
    c = clean("\n\n".join(BODY[:2] + [rule] + BODY[2:]), source_format="html")
    assert "boilerplate:rule" not in {r.reason for r in c.removed}


@pytest.mark.parametrize("line,reason", [("How informative is this news?", "boilerplate:promo"),
                                         ("AI summarized text", "boilerplate:label")])
def test_aggregator_feedback_and_summary_labels(line, reason):
    assert reasons(_between(line)).get(line) == reason


def test_source_headline_closed_by_an_agency_is_a_link():
    line = "Floods: at least 26 killed as rescuers step up efforts – BBC"
    assert reasons(_between(line)).get(line) == "boilerplate:link"
    # a sentence that names its agency after a dash stays
    prose = "At least 26 people were killed in the floods, officials said – Reuters reported."
    assert prose in kept(_between(prose))


def test_image_title_right_above_its_caption():
    title = "Riverton flood shelter"
    cap = "Families wait at the shelter on Monday. (Jane Roe/AP)"
    c = _between(title + "\n" + cap)
    assert reasons(c).get(title) == "boilerplate:caption" and reasons(c).get(cap) == "boilerplate:caption"
    # a sub-heading with a blank line before the caption stays
    c = _between(title + "\n\n" + cap)
    assert title in kept(c)


def test_author_name_right_above_a_reading_time():
    text = ("Floods cut off the valley\n\nJane Roe\n·6-min read\n\n" + "\n\n".join(BODY))
    c = clean(text)
    check_invariants(c)
    assert c.byline == "Jane Roe" and reasons(c).get("Jane Roe") == "metadata:byline"
    # a blank line between a sub-heading and a reading time parts them
    c = clean("Floods cut off the valley\n\n" + BODY[0] + "\n\nRescue Operations\n\n4 min read\n\n" + "\n\n".join(BODY[1:]))
    assert "Rescue Operations" in kept(c)


def test_author_note_under_a_first_name_closes_the_page():
    note = "Jane is a technical writer who follows the region's weather for the site."
    c = clean("\n\n".join(BODY + [note]))
    check_invariants(c)
    assert reasons(c).get(note) == "metadata:byline"
    # the same shape inside the article is a sentence about someone
    c = clean("\n\n".join(BODY[:2] + [note] + BODY[2:]))
    assert note in kept(c)


def test_long_paragraph_credited_to_its_agency_is_no_caption():
    para = ("The magnitude 7.5 quake off the coast of Norland generated a tsunami as high as 1.5 metres "
            "that slammed into Riverton, a port city of 350,000 people, late on Friday evening. AFP")
    assert para in kept(_between(para))
    # a caption with its photo verb stays a caption however long
    cap = ("Rescue workers search for survivors in a collapsed house in the old quarter of Riverton, in the hills "
           "above the port, on the second day after the quake on 9 September 2023. AFP")
    assert reasons(_between(cap)).get(cap) == "boilerplate:caption"


def test_caption_printed_a_third_time_with_a_capitals_credit():
    cap = "Rescue workers carry a survivor from the rubble of the collapsed tower."
    c = _between(cap + "\n" + cap + "\n\n" + cap + " (JANE ROE/)")
    check_invariants(c)
    assert not any(cap in k for k in kept(c))
    assert all(b in kept(c) for b in BODY)


def test_breadcrumb_with_a_trailing_separator():
    c = clean("Riverton Blog > News >\n\nStorm leaves 29 dead in the Riverton hills\n\n" + "\n\n".join(BODY))
    assert reasons(c).get("Riverton Blog > News >") == "boilerplate:navigation"


def test_image_title_over_a_caption_label_line():
    title = "Flooded street in Riverton"
    cap = "IMAGE COPYRIGHT / AFP/ The water rose within minutes on Monday night"
    c = _between(title + "\n" + cap)
    assert reasons(c).get(title) == "boilerplate:caption" and reasons(c).get(cap) == "boilerplate:caption"


def test_empty_field_label_line():
    assert reasons(_between("Date:")).get("Date:") == "boilerplate:label"
