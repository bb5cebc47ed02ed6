"""Clean stage: page furniture of the shapes issue 19 still left in the article text (wire
trailers, blog stamps, numeric stamps, share bars with a label or spaced apart, ad-blocker
and app promos), one test per rule on invented lines, and the prose each rule must keep."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from .test_clean import BODY, check_invariants, kept, reasons
from .test_clean_shapes import TURNS, _between


@pytest.mark.parametrize("line,reason", [
    ("Kindly share this page: Facebook | Twitter | WhatsApp", "boilerplate:share"),
    ("Share   Facebook   Twitter   Copy link", "boilerplate:share"),
    ("Font size: A+ A- | Print | Email", "boilerplate:share"),
    ("(Riverton desk reporting from the coast)", "boilerplate:credits"),
    ("[Writing by Jane Roe]", "boilerplate:credits"),
    ("Posted by Jane Roe on March 3, 2024 at 9:12 pm", "metadata:date"),
    ("Riverton Times staff | 3 Mar 2024, 1:47pm", "metadata:date"),
    ("Updated Mar 3, 2024 | AP, Reuters and agencies", "metadata:date"),
    ("Updated: 10:52 am, March 3, 2024 | Share this story: Facebook  Twitter", "metadata:date"),
    ("Posted Tue 03/05/24 - 09:14", "boilerplate:timestamp"),
    ("Last updated: 16/10 - 00:35 [GMT+3]", "boilerplate:timestamp"),
    ("Published 19:59 NZT, 22/01/10", "boilerplate:timestamp"),
    ("Top image: Riverton Press", "boilerplate:caption"),
    ("Printed and distributed by Riverton Press", "boilerplate:syndication"),
    ("Please consider supporting us by disabling your ad blocker.", "boilerplate:promo"),
    ("Adblock Detected", "boilerplate:promo"),
    ("Get breaking news on your phone - download the Riverton Times app.", "boilerplate:promo"),
    ("Follow Riverton Times for the latest local stories and get updates on the Riverton Times app for Android and iOS",
     "boilerplate:promo"),
    ("Watch Riverton TV live on channel 42 | cable 7", "boilerplate:promo"),
    ("Home / News /", "boilerplate:navigation"),
    ("[END OF TRANSCRIPT]", "boilerplate:navigation"),
    ("Continued on 4B", "boilerplate:link"),
    ("Spread the love", "boilerplate:share")])
def test_furniture_line(line, reason):
    assert reasons(_between(line))[line] == reason


@pytest.mark.parametrize("line", [
    "(Officials reporting from the border gave a higher figure of 40 dead.)",
    "(Officials reporting from the border gave a higher figure)",
    "Get breaking news about the floods: 14 dead in Riverton.",
    "The vote   was 7 to 2   in the end, the clerk said.",
    "Continued on the next day, the search found 3 more bodies."])
def test_prose_of_the_same_words_is_kept(line):
    assert line in kept(_between(line))


def test_wrapped_credit_after_the_last_sentence():
    last = ("The finance committee will publish the full budget figures next\n"
            "month, the clerk said. (Additional reporting by Jane Roe in\n"
            "Riverton; Editing by Tom Ash)")
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY[:-1] + [last]))
    check_invariants(c)
    assert "Riverton; Editing by Tom Ash)" not in kept(c) and "month, the clerk said." in kept(c)
    assert reasons(c)["Riverton; Editing by Tom Ash)"] == "metadata:byline"
    # a bracket of other words running on to the next line stays with the paragraph
    aside = last.replace("Additional reporting by Jane Roe in\nRiverton; Editing by Tom Ash",
                         "the figures were revised by\nthe clerk on Monday")
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY[:-1] + [aside]))
    assert "the clerk on Monday)" in kept(c)


def test_transcript_turn_opening_with_next():
    other = "ANCHOR: Next, the coast, where a storm has grounded fishing fleets and shut two ferry ports."
    c = clean("\n\n".join(["Riverton council passes a budget", *TURNS, other]))
    check_invariants(c)
    assert all(t in kept(c) for t in TURNS) and other not in kept(c)
    # "Next week" is no turn, and a turn back to the story stays
    for same in ("ANCHOR: Next week the Riverton council meets again on the school budget.",
                 "ANCHOR: Next, more on the Riverton council budget vote and the Riverton schools."):
        assert same in kept(clean("\n\n".join(["Riverton council passes a budget", *TURNS, same])))


def test_teaser_of_the_last_related_link_ending_the_page():
    link = "Riverton dam: Repairs to the spillway pushed to 2026, says engineer"
    teaser = ("Repairs to the spillway of the Riverton dam have slipped into next year, "
              "an engineer of the project told reporters on Saturday.")
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY + ["Related Articles", link, teaser,
                                                                          "Back to top"]))
    check_invariants(c)
    assert teaser not in kept(c) and reasons(c)[teaser] == reasons(c)[link]
    # an article paragraph after the list that shares little with the link stays
    last = "The council will meet again on Thursday to vote on the school budget, the clerk said."
    c = clean("\n\n".join(["Riverton council passes a budget"] + BODY + ["Related Articles", link, last]))
    assert last in kept(c)
