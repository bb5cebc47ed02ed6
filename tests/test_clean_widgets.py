"""Clean stage: page widgets of the rebuilt real-world dev split (issue 19, kept-char
precision), one test per rule on invented lines: cue-lexicon entries (list heads,
transcript and syndication disclaimers, donation, tip and extension prompts, forum
furniture, contributor lines), a tag bar joined by bars, a markup element line, a
tweet's sign-off with a clock, a block of gallery captions under its head, a
disclaimer's text under its label."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(line: str):
    c = clean("\n\n".join(BODY[:2] + [line] + BODY[2:]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line,reason", [
    ("Latest Comments & Analysis", "boilerplate:related"),
    ("RUSH TRANSCRIPT: THIS COPY MAY CHANGE", "boilerplate:disclaimer"),
    ("Our transcripts are produced on a tight deadline and may be updated.", "boilerplate:disclaimer"),
    ("This story comes from a third-party wire service and was not edited by our staff.",
     "boilerplate:disclaimer"),
    ("How to help: the Riverton food bank takes gifts at its depot.", "boilerplate:promo"),
    ("Check back later for more on this story.", "boilerplate:promo"),
    ("Have a story we should be covering? Write to the desk.", "boilerplate:promo"),
    ("Support our newsroom. Join as a member today.", "boilerplate:promo"),
    ("Add our free browser extension for breaking news alerts.", "boilerplate:promo"),
    ("The best of our reporting, sent to your inbox every evening.", "boilerplate:newsletter"),
    ("Times reporters in Lakeside and Hillcrest contributed.", "boilerplate:credits"),
    ("Have your say on this article.", "boilerplate:comments"),
    ("Our community guidelines apply to every comment.", "boilerplate:comments"),
    ("Thread starter riverdad · Start date Mar 3, 2024", "boilerplate:comments"),
    ("Print this page (opens in new window)", "boilerplate:share"),
    ("Media embed: press to load the video", "boilerplate:embed"),
    ("Joined: Jan 5, 2019", "boilerplate:label"),
    ("Transcript of radio report", "boilerplate:label"),
])
def test_widget_lines_of_the_cue_lexicon(line, reason):
    assert reasons(_between(line))[line] == reason


def test_tag_bar_of_four_items_joined_by_bars():
    line = "RIVERTON FLOODS | DAM BREACH | DEATH TOLL | RESCUE"
    assert reasons(_between(line))[line] == "boilerplate:tags"
    # three section names in a bar are as often a menu: no tag line
    assert reasons(_between("FLOODS | DAMS | RESCUE")).get("FLOODS | DAMS | RESCUE") != "boilerplate:tags"


@pytest.mark.parametrize("line,reason", [
    ("<PHOTO caption='The flooded market square of Riverton, seen from the church tower'/>", "boilerplate:caption"),
    ("<video src='riverton-floods.mp4' width='640'>", "boilerplate:embed")])
def test_markup_element_line(line, reason):
    assert reasons(_between(line))[line] == reason


def test_text_opening_with_a_less_than_sign_is_prose():
    line = "<5% of the homes in the valley had flood insurance, the council said on Tuesday."
    assert line in kept(_between(line))


def test_tweet_signoff_with_a_clock_before_the_date():
    post = ["Water is over the main road near the school. Stay safe everyone.",
            "— Riverton Police (@rvpolice) 9:41 AM, March 3, 2024"]
    c = _between("\n".join(post))
    assert all(reasons(c)[p] == "boilerplate:embed" for p in post)
    assert BODY[2] in kept(c)


def test_gallery_captions_under_their_head():
    captions = ["Gallery captions (3 photos):", "Rescuers wade through the flooded market.",
                "A boy carries his dog to higher ground.", "Sandbags line the river wall on Tuesday."]
    c = _between("\n".join(captions))
    assert all(reasons(c)[p] == "boilerplate:caption" for p in captions)
    assert BODY[2] in kept(c)


def test_disclaimer_text_under_its_label():
    text = ("The material on this page is supplied by a partner agency. The publisher gives no promise "
            "as to its completeness and any questions about it should go to that agency, which owns it.")
    c = clean("\n\n".join(BODY) + "\n\nLegal Disclaimer:\n" + text)
    check_invariants(c)
    assert reasons(c)[text] == "boilerplate:disclaimer"
    assert BODY[-1] in kept(c)
