"""Clean stage: junk shapes of pages the rules were not tuned on (issue 19, point 2), one
test per rule on invented lines: notes about the page itself, ornament lines, bylines
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
    "The views expressed here are the author's own.",
    "Correction: The vote was held on Tuesday, not Monday.",
    "Editor's note: Names of two council members were changed.",
    "The Riverton Herald will keep updating this story as results come in."])
def test_note_about_the_page(line):
    assert reasons(_between(line))[line] == "metadata:note"


def test_page_named_as_an_object_is_prose():
    line = "The mayor's office did not respond to a request for comment for this article."
    assert line in kept(_between(line))


@pytest.mark.parametrize("line", ["___", "* * *", "[…]"])
def test_line_without_letters_or_digits(line):
    assert reasons(_between(line))[line] == "boilerplate:separator"


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
