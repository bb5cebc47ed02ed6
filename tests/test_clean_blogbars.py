"""Clean stage: furniture shapes read on stored public pages of many outlets (issue 19,
kept-char precision on unseen pages), one test per rule on invented lines: a bar of
several-word buttons (:func:`pipeline.clean.boilerplate._phrase_bar`), a blog's post line
with its category and comment count, author notes that open "has worked as …" or name
the paper in the possessive, and the cue entries of comment forms, reader prompts, "Read it
at …" links, inbox blurbs and author boxes."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


def _after(line: str):
    c = clean("\n\n".join(BODY + [line]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line,reason", [
    ("Decrease Font Size Increase Font Size Print This Page", "boilerplate:share"),
    ("First Name Last Name Email Address", "boilerplate:promo"),
])
def test_bar_of_several_word_buttons(line, reason):
    assert reasons(_between(line))[line] == reason


def test_words_of_buttons_inside_a_sentence_are_no_bar():
    line = "Print this page, the mayor told staff, and share it with every school in Riverton."
    assert line in kept(_between(line))


def test_post_line_with_category_and_comment_count():
    line = "Posted on May 4, 2022 by Dana Fields in Local Politics // 3 Comments"
    c = clean("\n\n".join([line, "Council passes the Riverton budget"] + BODY))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:date"


@pytest.mark.parametrize("line", [
    "Lena Ortiz has worked as a city hall reporter at the Riverton Ledger since 2019.",
    "Omar Bell is RIVERTON LEDGER's transport correspondent. Ada Kim reports from the capital.",
])
def test_author_note_after_the_article(line):
    assert reasons(_after(line))[line] == "metadata:byline"


def test_sentence_about_a_named_official_is_no_author_note():
    line = "Ellen Park has worked as mayor since 2019 and said the bridges come first."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line,reason", [
    ("Want to join the discussion?", "boilerplate:comments"),
    ("Please enter your comment!", "boilerplate:comments"),
    ("Commenting on this article is closed.", "boilerplate:comments"),
    ("12 replies", "boilerplate:comments"),
    ("Please click here for the full budget tables.", "boilerplate:promo"),
    ("For the best experience, open this page in the Ledger app.", "boilerplate:promo"),
    ("To hear the council debate, click on the player above.", "boilerplate:promo"),
    ("Read it at Riverton Ledger", "boilerplate:link"),
    ("A free daily email with the city's top stories and the best of our columns", "boilerplate:newsletter"),
    ("About Dana Fields (412 Articles)", "boilerplate:credits"),
])
def test_cue_entries_of_blog_widgets(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line", [
    "Catch all the top stories and news updates on the Lakeside Post. Download the Lakeside Post App for alerts.",
    "Track latest news live on LakesideNow.com and get updates from the region and the world",
    "For all the latest city news, download the Lakeside Courier App.",
    "Click for more updates and the latest regional news. Stay updated with the Lakeside Courier.",
])
def test_outlet_promo_block_under_the_article(line):
    assert reasons(_after(line))[line] == "boilerplate:promo"


@pytest.mark.parametrize("line", [
    # an official's advice in prose: no channel of the outlet, no web address
    "Stay away from the river banks until the water falls, the mayor said on Tuesday.",
    # a sentence that opens with a verb of the lexicon and names a web address, but reports
    "Track records kept on RivertonWeather.com show the wettest June since 1967, the office said.",
    # a listing of an event with its web address: no news, updates or app of the outlet
    "VISIT the Riverton Fair, Oct. 4-9, at the old mill grounds. The fair has a farm show and a parade; www.rivertonfair.org.",
    # a podcast promo the ScrapingHub gold keeps as article text
    "Catch up on the council race with our reporters on our weekly politics podcast, \"City Desk.\"",
])
def test_advice_in_prose_is_no_promo_block(line):
    assert line in kept(_after(line))


@pytest.mark.parametrize("line,reason", [
    ("We're now on Telegram. Tap to join.", "boilerplate:promo"),
    ("Watch Live TV in Spanish", "boilerplate:promo"),
    ("Any thoughts on this budget? Share them in the comments.", "boilerplate:promo"),
    ("Full story here:", "boilerplate:link"),
    ("Labelled for reuse", "boilerplate:caption"),
    ("Please turn on JavaScript. This player requires JavaScript to play.", "boilerplate:embed"),
])
def test_more_cue_entries(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line", [
    "Ellen Park is Riverton's longest-serving mayor and chairs the finance committee staff.",
    "Ellen Park has been eager to finish the bridges, her chief of staff said.",
])
def test_a_possessive_or_has_been_without_the_paper_role_is_no_author_note(line):
    assert line in kept(_after(line))


def test_author_name_over_contact_buttons():
    line = "Dana Fields Twitter Email"
    assert reasons(_between(line))[line] == "boilerplate:share"
    # one button, or a sentence that names the site, is no bar
    for other in ("Dana Fields Twitter", "Dana Fields quit Twitter and email"):
        assert other in kept(_between(other))


def test_two_word_role_label_and_name():
    line = "Photo journalist: Dana Fields"
    assert reasons(_between(line))[line] == "metadata:byline"
    other = "Chief of staff: Dana Fields"
    assert other in kept(_between(other))


def test_caption_credit_of_a_photographer_and_paper_via_an_agency():
    line = "A boat lies on the quay after the storm in Riverton (Dana Fields/Riverton Journal via AP)"
    assert reasons(_between(line))[line] == "boilerplate:caption"


def test_weather_widget_of_a_masthead():
    text = "\n\n".join(["Lakeside 18°C, Partly Cloudy", "Council passes the Riverton budget"] + BODY)
    c = clean(text)
    check_invariants(c)
    assert reasons(c)["Lakeside 18°C, Partly Cloudy"] == "boilerplate:label"
    # a figure of the heat is article text
    line = "Max Temperature 45°C"
    assert line in kept(_between(line))


def test_author_note_in_the_first_person():
    line = "I am Dana Fields, a freelance journalist. I write about cities and their councils."
    assert reasons(_after(line))[line] == "metadata:byline"


@pytest.mark.parametrize("line,reason", [
    ("Advertisment", "boilerplate:promo"),
    ("Recent News", "boilerplate:related"),
    ("Join the conversation and have your say on local news.", "boilerplate:comments"),
])
def test_cue_entries_of_the_same_reading(line, reason):
    assert reasons(_after(line))[line] == reason
