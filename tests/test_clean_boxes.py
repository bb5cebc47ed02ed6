"""Clean stage: sign-up, paywall and comment boxes and other widget lines of the shapes of
stored public pages (issue 19; no evaluation article), on invented lines: cue-lexicon
entries (feed-syndication trailers, comment-box prompts, home-screen and paywall prompts,
unavailable embeds), the pitch line inside a sign-up box (:func:`.zones._widget_gap`), style
and script lines, a story head after the chrome between two stories, a row of share and
comment buttons and a pull quote that repeats the article (:func:`.zones._pull_quote`)."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons


def _between(block: str):
    c = clean("\n\n".join(BODY[:2] + [block] + BODY[2:]))
    check_invariants(c)
    return c


def _after(block: str):
    c = clean("\n\n".join(BODY + [block]))
    check_invariants(c)
    return c


@pytest.mark.parametrize("line,reason", [
    ("The post Riverton budget passes after long debate appeared first on Lakeside Daily.",
     "boilerplate:syndication"),
    ("Please register, subscribe, or log in to comment on this article.", "boilerplate:comments"),
    ("Please wait while we load the latest comments...", "boilerplate:comments"),
    ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "boilerplate:comments"),
    ("7 thoughts on “Riverton budget passes – Lakeside Daily”", "boilerplate:comments"),
    ("add Lakeside Daily to homescreen", "boilerplate:promo"),
    ("Continue reading this article and get limited website access each month.", "boilerplate:promo"),
    ("Cancel or pause at any time.", "boilerplate:promo"),
    ("Like what you read? Support local reporting today.", "boilerplate:promo"),
    ("Discover more from Lakeside Daily", "boilerplate:newsletter"),
    ("Our morning briefing, delivered directly to your inbox.", "boilerplate:newsletter"),
    ("This Tweet is currently unavailable. It might be loading or has been removed.", "boilerplate:embed"),
    ("Be the first one to share with friends", "boilerplate:share"),
    ("Video Source: example video site", "boilerplate:credits"),
    ("Keep reading the Lakeside Daily for the latest on the budget.", "boilerplate:promo"),
    ("Send us your stories and photos on our tip line.", "boilerplate:promo"),
    ("Enjoy unlimited access to our reporting for a small fee.", "boilerplate:promo"),
    ("Editor's pick: What the budget means for Riverton schools", "boilerplate:link"),
    ("Read Entire Article", "boilerplate:link"),
    ("Like our Facebook page for daily council news.", "boilerplate:follow"),
    ("Share this story with your friends and family.", "boilerplate:share"),
])
def test_widget_lines_of_stored_pages(line, reason):
    assert reasons(_between(line))[line] == reason


def test_syndication_trailer_needs_its_phrase():
    line = "The post office on Main Street reopened after the flood, the council said."
    assert line in kept(_between(line))


BOX = ("Subscribe to the Lakeside Weekly\n"
       "Get the facts behind the headlines, plus analysis from every side.\n"
       "Sign up for our free newsletters")


def test_pitch_inside_a_sign_up_box_goes_with_it():
    c = _after(BOX)
    pitch = "Get the facts behind the headlines, plus analysis from every side."
    assert reasons(c)[pitch] == "boilerplate:newsletter"
    assert all(b in kept(c) for b in BODY)


def test_paragraph_parted_by_blank_lines_from_promo_lines_is_kept():
    # the same line as a paragraph of its own between two promo lines is the article's
    c = _between(BOX.replace("\n", "\n\n"))
    assert "Get the facts behind the headlines, plus analysis from every side." in kept(c)


def test_reported_line_inside_a_box_is_kept():
    box = BOX.replace("plus analysis from every side.", "the editor said on Monday.")
    assert "Get the facts behind the headlines, the editor said on Monday." in kept(_between(box))


@pytest.mark.parametrize("line", [
    ".story-box .title{ font-size: 15px; } @media (max-width: 768px) { .story-box { margin: 0; } }",
    "#promo-bar { display: none !important; }",
    "var adSlots = adSlots || []; adSlots.push('top');",
    "window.dataLayer = window.dataLayer || [];"])
def test_style_and_script_lines_are_code(line):
    assert reasons(_between(line))[line] == "metadata:code"


@pytest.mark.parametrize("line", [
    "The variable var was set to 3; the council said so.",
    "Windows and doors of the school were shut; the clerk said the heating was off {until Monday}."])
def test_prose_with_code_characters_is_kept(line):
    assert line in kept(_between(line))


from .test_clean_shapes import KOLKATA, SUDAN  # noqa: E402  (the shared story fixtures)

HEAD = "Junior doctors strike over an assault on a colleague"


@pytest.mark.parametrize("chrome", ["Next Story", "Share this article", "Sign up for our newsletter"])
def test_story_head_after_chrome_between_stories(chrome):
    c = clean("\n\n".join(SUDAN + [chrome, HEAD, KOLKATA[1]]))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN)
    assert HEAD not in kept(c) and KOLKATA[1] not in kept(c)


def test_section_after_chrome_is_the_article_going_on():
    section = ["Next steps for the budget", "The Khartoum council budget goes to a second vote of the "
               "finance committee next month, and the mayor said the Khartoum schools would get their teachers."]
    c = clean("\n\n".join(SUDAN + ["Share this article"] + section))
    assert all(x in kept(c) for x in section)


def test_head_about_another_country_after_an_ad_break_starts_a_story():
    head = "Kolkata doctors strike over an assault on a colleague"
    c = clean("\n\n".join(SUDAN + ["Advertisement", head, KOLKATA[1]]))
    check_invariants(c)
    assert all(x in kept(c) for x in SUDAN) and KOLKATA[1] not in kept(c)


def test_head_after_an_ad_break_is_no_story_start_by_itself():
    # an ad break stands as often over the article's own sub-heading: no head without credits
    c = clean("\n\n".join(SUDAN + ["Advertisement", HEAD, KOLKATA[1]]))
    assert HEAD in kept(c)


@pytest.mark.parametrize("line", ["Print Comment Share", "Share Comments Print"])
def test_row_of_share_and_comment_buttons(line):
    assert reasons(_between(line))[line] == "boilerplate:share"


def test_word_count_line():
    assert reasons(_after("Word count: 642"))["Word count: 642"] == "boilerplate:reading_time"


QUOTED = "“We will not leave a single family without a roof this winter,” the mayor told the council."


@pytest.mark.parametrize("pull", ["“We will not leave a single family without a roof this winter…”",
                                  "\"We will not leave a single family without a roof this winter.\""])
def test_pull_quote_repeating_the_article_is_removed(pull):
    c = clean("\n\n".join(BODY[:2] + [QUOTED, pull + "\nEllen Park, Riverton mayor"] + BODY[2:]))
    check_invariants(c)
    assert reasons(c)[pull] == "boilerplate:pull_quote"
    assert reasons(c)["Ellen Park, Riverton mayor"] == "boilerplate:pull_quote"
    assert QUOTED in kept(c) and all(b in kept(c) for b in BODY)


def test_quotation_the_article_does_not_repeat_is_kept():
    line = "“We will rebuild the two bridges before the spring floods,” the mayor said."
    c = clean("\n\n".join(BODY[:2] + [QUOTED, line] + BODY[2:]))
    assert line in kept(c) and QUOTED in kept(c)
