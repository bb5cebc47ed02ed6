"""Clean stage: furniture shapes of pages the rules were not tuned on (issue 19, point 2),
one test per rule on invented lines: day-first, weekday, slashed-agency and glued
datelines; credits after a dash; desk initials; template markup; more credit-line
separators; a name with an address; social-embed widget lines and image counters."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons

LEAD = "Floodwater cut off four villages in the valley on Tuesday, officials said."


def _lead(prefix: str):
    c = clean("Riverton floods cut off villages\n\n" + prefix + LEAD + "\n\n" + "\n\n".join(BODY))
    check_invariants(c)
    return c


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("prefix,place,agency", [
    ("RIVERTON, 3 March (AFP) - ", "RIVERTON", "AFP"),
    ("RIVERTON, 3 March 2024 (AFP) - ", "RIVERTON", "AFP")])
def test_dateline_with_day_first_date(prefix, place, agency):
    c = _lead(prefix)
    assert c.dateline["place"] == place and c.dateline["agency"] == agency
    assert LEAD in kept(c)


def test_dateline_with_a_weekday_after_a_capitals_place():
    c = _lead("RIVERTON, Tuesday (Xinhua) -- ")
    assert (c.dateline["place"], c.dateline["agency"]) == ("RIVERTON", "Xinhua")
    # a Title Case word and a weekday is an update stamp's shape, not a place
    assert _lead("Earlier, Tuesday: ").dateline is None


@pytest.mark.parametrize("prefix,agency", [("RIVERTON, March 3 /Xinhua/ -- ", "Xinhua"),
                                           ("RIVERTON, March 3. /TASS/. ", "TASS")])
def test_dateline_with_an_agency_between_slashes(prefix, agency):
    c = _lead(prefix)
    assert (c.dateline["place"], c.dateline["agency"]) == ("RIVERTON", agency)
    assert LEAD in kept(c)


def test_title_case_dateline_with_a_date_and_a_colon():
    c = _lead("Riverton, March 3: ")
    assert c.dateline["place"] == "Riverton"
    # a Title Case word and a colon without a date stays text
    assert _lead("Riverton Council: ").dateline is None


def test_bracketed_agency_glued_to_the_lead():
    c = _lead("(CNN)")
    assert c.dateline["agency"] == "CNN" and LEAD in kept(c)
    # a bracket of other words glued to a word is not a dateline
    assert _lead("(Updated)").dateline is None


@pytest.mark.parametrize("line", ["Rescuers search the rubble in Riverton.—Reuters",
                                  "Rescuers search the rubble in Riverton -- Photo: AFP"])
def test_credit_after_a_dash_closes_a_caption(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_a_dash_before_an_agency_name_inside_prose_is_no_credit():
    line = "The figures were confirmed on Monday -- Reuters could not reach the mayor."
    assert line in kept(_between(line))


def test_desk_initials_over_agencies():
    line = "jr/ab (Reuters, AFP, dpa)"
    assert reasons(clean("\n\n".join(BODY + [line])))[line] == "metadata:byline"
    # initials over words that are not agencies are not a sign-off
    other = "and/or (see the budget notes)"
    assert other in kept(_between(other))


def test_agencies_over_bracketed_desk_initials():
    line = "dpa/AFP/Reuters (jr)"
    assert reasons(clean("\n\n".join(BODY + [line])))[line] == "metadata:byline"
    # a slashed pair of words over a bracket is no sign-off
    other = "input/output (io)"
    assert other in kept(_between(other))


def test_template_markup_line():
    line = "{{#rendered}} {{/rendered}}"
    assert reasons(_between(line))[line] == "metadata:code"


@pytest.mark.parametrize("line", ["Jane Roe & AFP", "Jane Roe / Riverton Times", "Al Jazeera and news agencies"])
def test_more_credit_line_separators(line):
    assert reasons(_between(line))[line] == "metadata:byline"


def test_name_slash_agency_stays_a_photo_credit():
    line = "Jane Roe / Reuters"
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_name_and_address_line():
    line = "Jane Roe (jroe@example.com)"
    assert reasons(_between(line))[line] == "metadata:byline"
    # an address inside a sentence is prose
    prose = "Residents can write to help@example.com for assistance."
    assert prose in kept(_between(prose))


@pytest.mark.parametrize("line,reason", [
    ("Skip Twitter post, 1", "boilerplate:embed"), ("View this post on Instagram", "boilerplate:embed"),
    ("This article contains content provided by Twitter.", "boilerplate:embed"),
    ("Image 1 of 12", "boilerplate:caption"), ("1/12", "boilerplate:caption"),
    ("Share 42", "boilerplate:share"), ("More to come", "boilerplate:promo"),
    ("Stories you may like", "boilerplate:related"), ("Now playing", "boilerplate:link")])
def test_widget_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def _under_headline(line: str):
    c = clean("Riverton floods cut off villages\n" + line + "\n\n" + LEAD + "\n\n" + "\n\n".join(BODY),
              title="Riverton floods cut off villages")
    check_invariants(c)
    return c


@pytest.mark.parametrize("line", ["Northlandnews", "KRVT 7 News", "riverton.com", "RivertonNow",
                                  "Riverton Herald | riverton-herald.com"])
def test_masthead_under_the_headline(line):
    assert reasons(_under_headline(line))[line] == "boilerplate:label"


def test_a_standfirst_under_the_headline_is_no_masthead():
    line = "Four villages remain cut off as the water keeps rising."
    assert line in kept(_under_headline(line))


@pytest.mark.parametrize("tag", ["(2nd LD) ", "(LEAD) ", "(URGENT) "])
def test_wire_version_tag_opening_the_headline(tag):
    head = "Floods kill 42 in Riverton"
    c = clean(tag + head + "\n\n" + LEAD + "\n\n" + "\n\n".join(BODY), title=head)
    check_invariants(c)
    assert reasons(c)[tag.strip()] == "metadata:note"
    assert head in kept(c)
    # a bracket of other words, or a tag before a hyphen, is the headline's own
    for other in ("(Video) Floods kill 42 in Riverton", "UPDATE 1-Floods kill 42 in Riverton"):
        c = clean(other + "\n\n" + LEAD, title=other)
        assert other in kept(c)


def test_agencies_and_an_editors_initials():
    line = "dpa/AFP/est"
    assert reasons(clean("\n\n".join(BODY + [line])))[line] == "metadata:byline"
    # a path of other words is no sign-off
    other = "inputs/outputs/est"
    assert other in kept(_between(other))


@pytest.mark.parametrize("line", ["AFP PHOTO", "/ JANE ROE / PAP/EPA", "Al Jazeera :"])
def test_more_credit_lines_alone(line):
    assert reasons(_between(line))[line] in ("boilerplate:caption", "metadata:byline")


@pytest.mark.parametrize("line,reason", [
    ("Short link:", "boilerplate:share"), ("Latest posts by Riverton News (see all)", "boilerplate:related"),
    ("Tag Archives: floods", "metadata:tags"), ("Picture taken on March 3, 2024.", "boilerplate:caption"),
    ("Photo for representational purpose only", "boilerplate:caption"),
    ("We need your consent to load this player content. It can set cookies on your device.", "boilerplate:embed")])
def test_more_widget_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def test_role_only_credit_with_two_role_nouns():
    # "Staff Reporter": the role is its last noun ("Staff" alone is a role too)
    line = "Staff Reporter"
    assert reasons(_between(line))[line] == "metadata:byline"


def test_filed_from_note_with_two_names():
    line = "Jane Roe and John Doe reported from Riverton."
    assert reasons(_between(line))[line] == "metadata:byline"
    # a sentence that goes on is prose
    prose = "Jane Roe and John Doe reported from Riverton that the river had burst its banks."
    assert prose in kept(_between(prose))


@pytest.mark.parametrize("line,reason", [
    ("ALSO READ Floods kill 42 in Riverton", "boilerplate:link"), ("READ | Floods kill 42 in Riverton", "boilerplate:link"),
    ("— With files from The Canadian Press", "boilerplate:credits"), ("Updated by Jane Roe", "metadata:byline"),
    ("Sponsored by Riverton Bank", "boilerplate:promo"), ("Never miss a story: sign up for alerts", "boilerplate:promo")])
def test_promo_and_credit_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def test_sponsor_sentence_is_prose():
    line = "Sponsored by the city council, the twelve-week programme trains 40 teachers every year."
    assert line in kept(_between(line))


def test_syndication_note_is_furniture_of_plain_text_only():
    line = "This article was originally published on riverton.com."
    assert reasons(_between(line))[line] == "boilerplate:syndication"
    # on HTML input trafilatura already judged the page, and such a note is often kept
    text = "\n\n".join(BODY[:2] + [line] + BODY[2:])
    assert line in kept(clean(text, source_format="html"))


def test_live_clock_with_its_time_in_gmt():
    line = "11.45 a.m. (0600 GMT)"
    assert reasons(_between(line))[line] == "metadata:time"


@pytest.mark.parametrize("label", ["Update 2: ", "UPDATE: "])
def test_update_label_opening_an_entry(label):
    c = _between(label + LEAD)
    assert reasons(c)[label.strip()] == "metadata:time"
    assert LEAD in kept(c)


@pytest.mark.parametrize("line", ["Wednesday, March 5", "Today, 10:15 AM", "Yesterday at 10:15",
                                  "10:15 PM EST Mar 3", "Last updated at 10:15 a.m. on March 3",
                                  "Updated — March 3"])
def test_stamps_without_a_year(line):
    assert reasons(_between(line))[line] == "boilerplate:timestamp"


def test_a_weekday_in_a_sentence_is_no_stamp():
    line = "Wednesday, March 5 was the wettest day of the year."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["March 03,2024", "3 March 2024, 10:15 GMT+3"])
def test_date_lines_glued_or_with_an_offset(line):
    assert reasons(_between(line))[line] == "metadata:date"


def test_byline_before_a_relative_stamp_after_a_comma():
    line = "By Jane Roe, 2 hours ago"
    c = clean("Riverton floods cut off villages\n" + line + "\n\n" + LEAD + "\n\n" + "\n\n".join(BODY),
              title="Riverton floods cut off villages")
    assert reasons(c)[line] == "metadata:byline" and c.byline == "Jane Roe"


@pytest.mark.parametrize("line,reason", [
    ("Here are the latest updates:", "boilerplate:label"), ("This article is more than 5 years old", "boilerplate:label"),
    ("Refresh for updates.", "boilerplate:promo"), ("[This story was updated at 10:15 a.m.]", "metadata:note"),
    ("0:00 / 3:45", "boilerplate:link"), ("Watch full video", "boilerplate:link")])
def test_live_page_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line,reason", [
    ("Riverton floods: Key facts", "boilerplate:label"), ("Factbox: Riverton floods", "boilerplate:label"),
    ("Found an error? Let us know.", "boilerplate:promo"), ("Loading comments...", "boilerplate:navigation"),
    ("Please enable JavaScript to view the comments.", "boilerplate:navigation"),
    ("Back to Gallery", "boilerplate:caption"), ("12 photos", "boilerplate:caption")])
def test_box_heads_and_page_widgets_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def test_a_fact_box_keeps_its_fields():
    c = _between("Riverton floods: Key facts\nDeaths: 42\nDisplaced: 3,000")
    assert "Deaths: 42" in kept(c) and "Displaced: 3,000" in kept(c)


@pytest.mark.parametrize("line", ["-- AFP.", "Jane Roe, Reuters."])
def test_credit_closed_by_a_full_stop(line):
    assert reasons(clean("\n\n".join(BODY + [line])))[line] in ("metadata:byline", "boilerplate:caption")


def test_the_end_of_a_wrapped_sentence_is_no_credit():
    text = "\n\n".join(BODY[:2]) + "\n\nThe figures were presented to the council's partners at the\nUnited Nations in New York.\n\n" + BODY[2]
    c = clean(text)
    assert not any(r.reason == "metadata:byline" for r in c.removed)


@pytest.mark.parametrize("line,reason", [
    ("Read - Floods kill 42 in Riverton", "boilerplate:link"), ("Tags - Riverton, floods", "boilerplate:tags"),
    ("Photo - Riverton Police", "boilerplate:caption")])
def test_cue_labels_with_a_dash(line, reason):
    assert reasons(_between(line))[line] == reason


def test_update_stamp_in_capitals():
    c = _between("UPDATE, FRIDAY 4:10PM: " + LEAD)
    assert reasons(c)["UPDATE, FRIDAY 4:10PM:"] == "metadata:time"


def test_agency_credit_in_capitals():
    line = "ASSOCIATED PRESS"
    assert reasons(clean("\n\n".join(BODY + [line])))[line] == "metadata:byline"
    # a heading in capitals is no credit
    other = "PRESS FREEDOM"
    assert other in kept(_between(other))


@pytest.mark.parametrize("line", ["Jane Roe • Reuters", "Jane Roe for Riverton Herald", "Reporting: Jane Roe"])
def test_more_credit_shapes_anywhere(line):
    assert reasons(_between(line))[line] == "metadata:byline"


def test_agency_and_its_place_in_the_lead():
    line = "PTI New Delhi"
    assert reasons(_under_headline(line))[line] == "metadata:byline"
    # an agency before a word that is no place is no credit line
    other = "PTI Exclusive"
    assert not reasons(_under_headline(other)).get(other, "").startswith("metadata:byline")


def test_bare_web_address_line():
    line = "https://riverton.example/news/floods-kill-42"
    assert reasons(_between(line))[line] == "boilerplate:link"
    # an address inside a sentence is prose
    prose = "The council posted the flood map at www.riverton.example on Tuesday."
    assert prose in kept(_between(prose))


@pytest.mark.parametrize("line,reason", [
    ("Join our WhatsApp group for the latest news", "boilerplate:promo"),
    ("Email us at news@riverton.example", "boilerplate:follow"), ("View original article", "boilerplate:link")])
def test_contact_and_source_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def test_web_address_before_the_headline():
    text = "https://riverton.example/news/floods\nRiverton floods cut off villages\n\n" + LEAD + "\n\n" + "\n\n".join(BODY)
    c = clean(text, title="Riverton floods cut off villages")
    assert reasons(c)["https://riverton.example/news/floods"] == "boilerplate:link"
    assert "Riverton floods cut off villages" in kept(c)


@pytest.mark.parametrize("line,reason", [
    ("Open in app", "boilerplate:promo"), ("Was this article helpful?", "boilerplate:promo"),
    ("Ads by Google", "boilerplate:promo"), ("ICYMI: Floods kill 42 in Riverton", "boilerplate:link")])
def test_app_feedback_and_ad_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line", ["March 3, 2024 6:22 PM CDT Updated 13 min ago",
                                  "March 3, 20246:22 PM CDTUpdated 13 min ago"])
def test_stamp_line_ending_in_a_relative_stamp_or_glued(line):
    assert reasons(_between(line))[line] == "metadata:date"


def test_a_sentence_with_a_date_and_ago_is_prose():
    line = "On March 3, 2024 the council met, 2 hours ago."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["Veteran Member", "#3"])
def test_forum_post_header_lines(line):
    assert reasons(_between(line))[line] == "boilerplate:label"


@pytest.mark.parametrize("line", ["Jane Roe Updated 3 hours ago", "Jane Roe @janeroe Mar 3, 2024"])
def test_name_and_stamp_without_a_separator(line):
    assert reasons(_between(line))[line] == "metadata:byline"


def test_a_sentence_before_a_stamp_word_is_prose():
    line = "Jane Roe Updated the council on the flood defences 3 hours ago."
    assert line in kept(_between(line))
