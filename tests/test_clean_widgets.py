"""Clean stage: page widgets of the rebuilt real-world dev split (issue 19, kept-char
precision), one test per rule on invented lines: cue-lexicon entries (list heads,
transcript and syndication disclaimers, donation, tip and extension prompts, forum
furniture, contributor lines), a tag bar joined by bars, a markup element line, a
tweet's sign-off with a clock, a block of gallery captions under its head, a
disclaimer's text under its label and a link list closed inside the article."""
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


ARTICLE = [
    "Floodwater cut off four villages in the Riverton valley on Tuesday after the river burst its banks, "
    "the county council said.",
    "The council said 40 homes were evacuated in Lakeside and Hillcrest and that rescue crews were still "
    "searching the flooded farms north of the valley.",
    "Mayor Ellen Park said the dam above Riverton had held, but that more rain was forecast for the valley "
    "on Wednesday.",
]
LINKS = "Also read\n\nBakery in Oldtown wins a national prize\nMuseum in Eastport reopens its west wing"


def test_article_goes_on_after_a_closed_link_list():
    # the paragraph after the list takes up the article; the ones after it turn to
    # other matters of the same day (read alone, they share few words with the lead)
    after = ["Rescue crews in Riverton said the flooded valley farms north of Lakeside would be searched "
             "again on Wednesday.",
             "Schools across the district stay shut until the end of the week, and the annual spring fair, "
             "which draws traders from three counties and fills every guesthouse along the coast road, has "
             "been postponed to June, its organisers announced in a short statement on their website.",
             "A spokesman for the power company said engineers hoped to reconnect about 2,000 customers by "
             "Friday evening, weather allowing, and asked households with generators to keep them outdoors, "
             "away from windows and doors, after two people were treated for fumes last winter.",
             "Bus services between the two market towns were suspended, and a relief coach will run twice a "
             "day from the old station until the bridge on the coast road has been inspected by engineers "
             "from the regional transport office, which expects to report by the weekend.",
             "Insurers said claims could be lodged by telephone, and a hotline set up by the chamber of "
             "commerce will advise shop owners whose stock was damaged on what documents they will need."]
    c = clean("\n\n".join(ARTICLE + [LINKS] + after))
    check_invariants(c)
    assert reasons(c)["Bakery in Oldtown wins a national prize"] == "boilerplate:related"
    assert all(p in kept(c) for p in after)


def test_appended_story_after_a_closed_link_list_is_cut():
    other = ["Eastport harbour reopened to cargo ships on Monday after a strike by dock workers ended, the "
             "port authority announced.",
             "Container traffic at the harbour had halted for nine days, and shipping lines diverted vessels to "
             "two southern ports meanwhile."]
    c = clean("\n\n".join(ARTICLE + [LINKS] + other))
    check_invariants(c)
    assert all(p not in kept(c) for p in other)


@pytest.mark.parametrize("line", [
    "Story first posted on Monday, 03/03/2024; latest revision Tuesday, 04/03/2024 at 10:15",
    "Mon, Mar 3, 2024 · 10:15 GMT, last revised",
    "3 Mar 2024 · 10:15 GMT · last update 5 min ago"])
def test_date_line_with_revision_cues(line):
    assert reasons(_between(line))[line] == "metadata:date"


@pytest.mark.parametrize("line", ["Latest update: March 3, 10:15 AM EST", "Updated Monday, Mar 3 at 10:15 AM"])
def test_update_stamp_without_a_year(line):
    assert reasons(_between(line))[line] == "boilerplate:timestamp"


def test_forum_reply_header_ends_the_article():
    replies = "Reply #2 · Mar 3, 2024\nriverdad\nThe whole valley is under water, stay safe everyone."
    other = ("Eastport harbour reopened to cargo ships on Monday after a strike by dock workers ended, the "
             "port authority announced in a statement.")
    c = clean("\n\n".join(ARTICLE) + "\n\n" + replies + "\n\n" + other)
    check_invariants(c)
    assert reasons(c)["Reply #2 · Mar 3, 2024"] == "boilerplate:comments"
    assert other not in kept(c) and all(p in kept(c) for p in ARTICLE)


def test_doi_line_is_a_link():
    line = "doi: https://doi.org/10.1234/riverton-2024-001"
    assert reasons(_between(line))[line] == "boilerplate:link"


@pytest.mark.parametrize("line", ["Deadliest floods in the valley since 1950 (chart)", "Rescue at the Riverton dam [video]"])
def test_title_closed_by_a_bracketed_media_label(line):
    assert reasons(_between(line))[line] == "boilerplate:caption"
    # a sentence that points at a chart is prose
    prose = "The river rose faster than in any flood since 1950, the agency said (see chart)."
    assert prose in kept(_between(prose))


def test_video_title_with_its_duration_in_brackets():
    line = "[Video] Drone footage shows the flooded Riverton market (2:14)"
    assert reasons(_between(line))[line] == "boilerplate:link"


def test_video_blurb_closed_by_its_duration():
    line = ("Water rose a metre in an hour in the Riverton market on Tuesday. Traders moved stock to the "
            "upper floors. Report by Jane Roe. (02:41)")
    assert reasons(_between(line))[line] == "boilerplate:link"


def test_prompt_after_a_longer_question():
    line = "Want to help families hit by the Riverton flood? Find ways to give here."
    assert reasons(_between(line))[line] == "boilerplate:promo"


def test_stamp_line_with_a_by_credit_before_other_fields():
    line = "Posted on March 3, 2024 by admin | Source: Riverton News | 0 Comments"
    assert reasons(_between(line))[line] == "metadata:date"


def test_journal_author_search_bar():
    line = "Jane Roe | Search for this author in: PubMed | Google Scholar"
    assert reasons(_between(line))[line] == "boilerplate:link"
