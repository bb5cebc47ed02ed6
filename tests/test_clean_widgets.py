"""Clean stage: page widgets of the rebuilt real-world dev split (issue 19, kept-char
precision), one test per rule on invented lines: cue-lexicon entries (list heads,
transcript and syndication disclaimers, donation, tip and extension prompts, forum
furniture, contributor lines)."""
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
