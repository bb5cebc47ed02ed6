"""Clean stage: one test per rule on invented texts, invariants on the corpus and on arbitrary text."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from pipeline.clean import CleanSettings, clean


def check_invariants(c) -> None:
    """Offsets in range, no overlaps, whitespace-trimmed segments, every non-space char covered once."""
    text = c.text
    spans = [(s.start, s.end, "k") for s in c.segments] + [(r.start, r.end, "r") for r in c.removed]
    spans.sort()
    for (s, e, _), nxt in zip(spans, spans[1:] + [(len(text), len(text), "")]):
        assert 0 <= s < e <= len(text)
        assert e <= nxt[0], "segments/removals overlap"
    for seg in c.segments:
        chunk = text[seg.start:seg.end]
        assert chunk == chunk.strip(), "segment boundary includes whitespace"
        assert seg.section in ("headline", "key_points", "heading", "body")
    covered = bytearray(len(text))
    for s, e, _ in spans:
        for i in range(s, e):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, f"char {i} {ch!r} covered {covered[i]} times"
    for r in c.removed:
        assert r.reason
        assert r.preview == re.sub(r"\s+", " ", text[r.start:r.end]).strip()[:80]


def kept(c) -> list[str]:
    return [c.text[s:e] for s, e in c.kept]


def reasons(c) -> dict[str, str]:
    return {c.text[r.start:r.end]: r.reason for r in c.removed}


BODY = [
    "The city council of Riverton approved a new budget on Tuesday after weeks of debate over school funding.",
    "Mayor Ellen Park said the plan would add 40 teachers to Riverton schools and repair two bridges.",
    "Opponents on the Riverton council argued the budget relied on optimistic tax forecasts.",
    "The council vote was 7 to 2, with both no votes cast by members of the finance committee.",
]


def test_keep_all_keeps_every_line():
    text = "Share\nRelated Articles\n" + "\n".join(BODY)
    c = clean(text, settings=CleanSettings(keep_all=True))
    assert not c.removed and len(c.segments) == 6
    check_invariants(c)


def test_headline_label_duplicate_and_tags():
    text = ("Local\n\nRiverton council passes budget after long fight\n\n"
            "Riverton council passes budget after long fight\nRiverton\nbudget\nschools\n\n"
            + "\n\n".join(BODY))
    c = clean(text)
    check_invariants(c)
    r = reasons(c)
    assert r["Local"] == "boilerplate:label"
    assert c.title == "Riverton council passes budget after long fight"
    assert c.segments[0].section == "headline"
    assert list(r.values()).count("metadata:duplicate_headline") == 1
    assert c.tags == ["Riverton", "budget", "schools"]
    assert BODY[0] in kept(c)


def test_given_title_marks_headline():
    text = "Opinion piece\nBudget fight ends in Riverton\n" + "\n".join(BODY)
    c = clean(text, title="Budget fight ends in Riverton")
    heads = [c.text[s.start:s.end] for s in c.segments if s.section == "headline"]
    assert heads == ["Budget fight ends in Riverton"]
    assert reasons(c)["Opinion piece"] == "boilerplate:label"


@pytest.mark.parametrize("line,iso", [
    ("Published: 12 March 2025", "2025-03-12"),
    ("Updated 3:45 PM EST, Mon March 10, 2025", "2025-03-10"),
    ("2019-11-19", "2019-11-19"),
    ("Posted on Nov. 19, 2019", "2019-11-19"),
])
def test_date_line_sets_published(line, iso):
    c = clean(line + "\n" + "\n".join(BODY))
    assert c.published == iso
    assert reasons(c)[line.strip()] == "metadata:date"
    check_invariants(c)


def test_date_prefix_on_first_sentence_is_split():
    text = " date 2021-05-04 The harbour authority closed the north pier on Monday after a storm.\n" + \
        "\n".join(BODY)
    c = clean(text)
    check_invariants(c)
    assert c.published == "2021-05-04"
    assert reasons(c)["date 2021-05-04"] == "metadata:date"
    assert kept(c)[0].startswith("The harbour authority")


@pytest.mark.parametrize("line,stamp", [
    ("Updated: 2019-03-14 09:40 85 dead in landslides after a week of rain", "Updated: 2019-03-14 09:40"),
    ("date 2021-06-02 85 dead in floods across the lower valley", "date 2021-06-02"),
])
def test_date_prefix_before_a_number_led_sentence_is_split(line, stamp):
    c = clean("Landslides hit the valley\n\n" + line + "\n" + "\n".join(BODY))
    check_invariants(c)
    assert reasons(c)[stamp] == "metadata:date"
    assert "85 dead in" + line.split("85 dead in")[1] in kept(c)


def test_manifest_published_wins():
    c = clean("Published: 12 March 2025\n" + "\n".join(BODY), published="2025-03-13")
    assert c.published == "2025-03-13"


@pytest.mark.parametrize("line", ["By Jane Doe and John Roe", "By Ana Lima, Reuters",
                                  "Europe business correspondent"])
def test_byline(line):
    c = clean("Riverton council passes a budget\n" + line + "\n" + "\n".join(BODY))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:byline"
    assert c.byline


def test_by_sentence_is_not_byline():
    line = "By noon the crowd outside the Riverton council chamber had grown to several hundred people."
    c = clean("\n".join(BODY[:2] + [line] + BODY[2:]))
    assert line in kept(c)


def test_key_points_bullets():
    text = ("Riverton council passes budget\nKey Points\n• Budget adds 40 teachers\n"
            "- Two bridges to be repaired\n* Vote was 7 to 2\n\n" + "\n\n".join(BODY))
    c = clean(text)
    check_invariants(c)
    kp = [c.text[s.start:s.end] for s in c.segments if s.section == "key_points"]
    assert kp == ["Budget adds 40 teachers", "Two bridges to be repaired", "Vote was 7 to 2"]
    assert reasons(c)["Key Points"] == "boilerplate:label"
    assert "boilerplate:bullet" in reasons(c).values()


def sections(c) -> dict[str, str]:
    return {c.text[s.start:s.end]: s.section for s in c.segments}


def test_subheadings_and_question_headings_kept_as_heading():
    text = "\n".join([BODY[0], BODY[1], "What happens next?", BODY[2], "Funding gap", BODY[3]])
    c = clean(text)
    check_invariants(c)
    sec = sections(c)
    assert sec["What happens next?"] == "heading"
    assert sec["Funding gap"] == "heading"
    assert [sec[b] for b in BODY] == ["body"] * 4
    assert not c.removed


def test_kicker_after_headline_is_heading_and_box_label_is_not():
    text = "\n".join(["Riverton council passes budget", "BUDGET SHOWDOWN", BODY[0], "At a glance",
                      "• Budget adds 40 teachers", BODY[1], "'WE KEPT OUR PROMISE'", BODY[2]])
    c = clean(text)
    check_invariants(c)
    sec = sections(c)
    assert sec["BUDGET SHOWDOWN"] == "heading"
    assert sec["'WE KEPT OUR PROMISE'"] == "heading"
    assert reasons(c)["At a glance"] == "boilerplate:label"


def test_list_of_short_lines_is_not_headings():
    items = ["June 9 - Riverton Arena", "June 12 - Harbour Hall", "June 15 - North Stadium"]
    c = clean("\n".join(BODY[:2] + items + BODY[2:]))
    for it in items:
        assert it in kept(c)


@pytest.mark.parametrize("prefix", ["RIVERTON (Reuters) - ", "RIVERTON, March 3 (AP) — ",
                                    "RIVERTON, Ore. -- ", "Riverton (Reuters) - "])
def test_dateline_prefix_removed_from_first_paragraph(prefix):
    rest = "The council approved a new budget on Tuesday after weeks of debate."
    c = clean("Riverton passes budget\n" + prefix + rest + "\n" + "\n".join(BODY[1:]))
    check_invariants(c)
    assert reasons(c)[prefix.rstrip()] == "metadata:dateline"
    assert kept(c)[1] == rest


def test_dateline_setting_and_non_datelines():
    line = "RIVERTON (Reuters) - The council approved a new budget on Tuesday after weeks of debate."
    c = clean("Riverton passes budget\n" + line + "\n" + "\n".join(BODY[1:]),
              settings=CleanSettings(strip_dateline=False))
    assert line in kept(c)
    # A dash inside a caps heading or a sentence is not a dateline.
    for first in ("Mayor Ellen Park - who chairs the council - said the vote was close.",
                  "US - Riverton trade talks resumed on Monday with a new budget offer."):
        c = clean(first + "\n" + "\n".join(BODY[1:]))
        assert first in kept(c)


@pytest.mark.parametrize("line,cls", [
    ("You may also like...", "boilerplate:related"), ("No comments yet", "boilerplate:comments"),
    ("Share this article", "boilerplate:share"), ("Sign up for our morning newsletter", "boilerplate:newsletter"),
    ("Follow our WhatsApp channel", "boilerplate:follow"), ("Read more: Council approves budget", "boilerplate:link"),
    ("Lesen Sie auch:", "boilerplate:related"), ("Advertisement", "boilerplate:promo"),
    ("Copyright © 2024 Riverton Times. All rights reserved.", "boilerplate:copyright"),
    ("(Reporting by Jane Doe; Editing by John Roe)", "boilerplate:credits"),
    ("5 min read", "boilerplate:reading_time"),
])
def test_cue_lines(line, cls):
    c = clean("\n".join(BODY[:2] + [line] + BODY[2:]))
    assert reasons(c)[line] == cls
    check_invariants(c)


def test_cue_word_inside_sentence_is_kept():
    line = "Residents who want to comment on the budget can share their views at a hearing next week."
    c = clean("\n".join(BODY[:2] + [line] + BODY[2:]))
    assert line in kept(c)


@pytest.mark.parametrize("stamp", ["2 hours ago", "Updated 5 mins ago", "vor 3 Stunden", "yesterday"])
def test_relative_timestamp(stamp):
    c = clean("\n".join(BODY + [stamp, "Another headline about football", "The striker scored twice."]))
    assert reasons(c)[stamp] == "boilerplate:timestamp"


UNRELATED = [
    "Astronomers at the Mauna Kea observatory have detected water vapour above Europa, the icy moon of Jupiter.",
    "The measurements, published in Nature Astronomy, suggest plumes erupt from a subsurface ocean "
    "beneath the crust of the moon.",
    "NASA plans to launch the Europa Clipper spacecraft to study the plumes and map the surface in detail, "
    "with a flyby programme lasting four years.",
    "Scientists cautioned that the vapour signal was faint and appeared in only one of seventeen observations.",
    "Lucas Paganini, a planetary scientist at Goddard, said the chemistry was consistent with liquid water "
    "erupting through cracks in the ice shell.",
    "Earlier Hubble images had hinted at similar plumes near the southern pole, but those findings were "
    "disputed because of the instrument's limited resolution at ultraviolet wavelengths.",
    "The European Space Agency's Juice probe, launched last spring, will also pass Europa twice before "
    "settling into orbit around Ganymede, the largest moon in the solar system.",
]

ARTICLE = [
    "Riverton's city council approved a 48 million dollar budget on Tuesday after weeks of debate over "
    "school funding, ending a standoff that had threatened to close two Riverton libraries.",
    "Mayor Ellen Park said the Riverton budget adds 40 teachers, repairs the Elm Street and Mill Road bridges "
    "and keeps both libraries open through next year.",
    "Council members opposed to the budget argued that Park relied on optimistic property tax forecasts and "
    "warned of cuts if Riverton revenue falls short.",
    "The council vote was 7 to 2. Both votes against the budget came from members of the Riverton finance "
    "committee, which had proposed closing one library.",
    "\"We kept the libraries open and hired teachers,\" Park told reporters after the council session.",
    "Riverton schools have lost 60 teachers since 2019, according to the district, and class sizes in the "
    "city have grown by a fifth over the same period.",
]


def test_unmarked_appended_story_is_off_topic():
    text = "\n\n".join(ARTICLE + UNRELATED)
    c = clean(text)
    check_invariants(c)
    k = kept(c)
    assert all(p in k for p in ARTICLE)
    assert not any(p in k for p in UNRELATED)
    assert "off_topic" in {r.reason for r in c.removed}


SECOND = [
    "Hobart harbour pilots rescued a stranded humpback whale calf on Sunday after it swam into the "
    "shallow marina at Sandy Bay, wildlife officers said.",
    "The calf, estimated at four metres, was guided back to deeper water by two pilot boats and a "
    "team of marine rangers from the Tasmanian parks service.",
    "Rangers said the calf's mother had been seen circling the marina entrance overnight, and the pair "
    "were reunited near the Derwent estuary shortly before noon.",
    "Humpback sightings along the Tasmanian coast have risen every year since the whaling ban, the "
    "parks service said, and marina users were asked to slow their boats.",
]


def test_dateline_led_paragraph_starts_appended_story():
    story = ["HOBART, Tasmania (AAP) — " + SECOND[0]] + SECOND[1:]
    text = "\n\n".join(ARTICLE[:4] + story)
    c = clean(text)
    check_invariants(c)
    k = kept(c)
    assert all(p in k for p in ARTICLE[:4])
    assert not any(p in k for p in story)
    off = CleanSettings(boundary_threshold=0)
    assert all(p in kept(clean(text, settings=off)) for p in story)


def test_two_sided_coherence_keeps_varied_low_paragraphs():
    # Low-overlap paragraphs that do not share vocabulary with each other either (an
    # interview's varied answers) are not a story of their own: no cut.
    varied = [
        "Asked about her childhood, she recalled summers spent fishing for trout with cousins "
        "near a lighthouse on the windswept northern peninsula.",
        "Her favourite novel remains a Victorian melodrama about shipwrecked orphans, which she "
        "rereads every winter beside a crackling stove.",
        "On weekends she restores vintage motorcycles, mostly Italian scooters bought cheaply "
        "at auctions, and races them at amateur hillclimbs.",
        "She also paints watercolour portraits of neighbourhood dogs, donating the proceeds "
        "to an animal shelter run by volunteers.",
    ]
    text = "\n\n".join(ARTICLE + varied)
    c = clean(text)
    assert all(p in kept(c) for p in varied)
    # The same low paragraphs, made coherent (one topic), are cut.
    c2 = clean("\n\n".join(ARTICLE + UNRELATED))
    assert not any(p in kept(c2) for p in UNRELATED)
    # With the unmarked cut switched off the coherent story stays too.
    c3 = clean("\n\n".join(ARTICLE + UNRELATED), settings=CleanSettings(boundary_threshold=0))
    assert all(p in kept(c3) for p in UNRELATED)


def test_article_returning_after_digression_is_not_cut():
    # A coherent low-overlap digression after which the article comes back is not an
    # appended story: the paragraphs after the digression share the article's words,
    # so the boundary before it is not clean on either side.
    back = [
        "Park said the Riverton budget vote would let the council hire the 40 teachers before "
        "the Riverton school year starts, and keep both libraries open.",
        "The Riverton finance committee, which opposed the budget, said it would review the "
        "council's property tax forecasts and the library funding next spring.",
    ]
    text = "\n\n".join(ARTICLE + UNRELATED + back)
    c = clean(text)
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE + UNRELATED + back)


SHORT_ARTICLE = [
    "Riverton's city council approved a 48 million dollar budget on Tuesday, ending a months-long "
    "standoff over school funding that had threatened to close two Riverton libraries.",
    "Mayor Ellen Park said the budget adds 40 teachers and keeps both libraries open through next "
    "year. The council vote was 7 to 2.",
    "Opponents on the council said Park relied on optimistic property tax forecasts.",
]
# Same broad topic (school funding, teachers, a local vote), a different event and place.
SAME_TOPIC_OTHER_EVENT = [
    "Teachers in Millbrook walked out of classrooms on Thursday after the school board there voted "
    "to freeze salaries for a third year, closing all eleven Millbrook schools.",
    "The Millbrook Education Association said about 900 teachers joined the strike, which union "
    "president Dana Whitfield called a last resort after fourteen months of talks.",
    "Superintendent Carlos Mendes said the district could not afford raises without state aid and "
    "asked the union to return to mediation before the holiday break.",
    "Parents in Millbrook scrambled for child care as the walkout began. The union has not said "
    "how long the strike will last, and the board has scheduled an emergency meeting for Monday.",
]


def test_short_article_then_same_topic_other_event_is_cut():
    text = "\n\n".join(SHORT_ARTICLE + SAME_TOPIC_OTHER_EVENT)
    c = clean(text)
    check_invariants(c)
    k = kept(c)
    # The short article is kept whole, its short last paragraph included.
    assert all(p in k for p in SHORT_ARTICLE)
    assert not any(p in k for p in SAME_TOPIC_OTHER_EVENT)
    off = [r for r in c.removed if r.reason == "off_topic"]
    assert len(off) == 1 and off[0].start == text.index(SAME_TOPIC_OTHER_EVENT[0])
    assert off[0].end == len(text) and off[0].preview.startswith("Teachers in Millbrook")


def test_boundary_scores_high_only_at_the_story_start():
    from pipeline.clean.boundary import _features, _unmarked_boundary
    from pipeline.clean.lexicon import _lexicon
    paras = SHORT_ARTICLE + SAME_TOPIC_OTHER_EVENT
    stop = _lexicon().stopwords
    trace: list = []
    cut = _unmarked_boundary([len(p) for p in paras], [_features(p, stop) for p in paras], set(),
                             CleanSettings(), trace)
    assert cut == len(SHORT_ARTICLE)
    scores = {unit: score for unit, _pos, *_parts, score in trace}
    threshold = CleanSettings().boundary_threshold
    assert scores[len(SHORT_ARTICLE)] >= threshold
    assert all(v < threshold for u, v in scores.items() if u > len(SHORT_ARTICLE))
    # Nothing to cut when the threshold is out of reach.
    assert _unmarked_boundary([len(p) for p in paras], [_features(p, stop) for p in paras], set(),
                              CleanSettings(boundary_threshold=1e9)) is None


# An appended story whose two paragraphs share few words with each other, each sharing some
# with the story's own headline.
HEADED_HEAD = "Port Elsey ferry sails again after glacier pier repairs"
HEADED_STORY = [
    "The ferry from Kirkwall Sound will resume its crossings to Port Elsey on Friday, the operator "
    "announced, ending a seven-week gap that left islanders dependent on a weekly supply flight.",
    "Divers spent a month rebuilding the glacier pier, whose pilings were torn loose by a January "
    "gale, and harbour engineers signed off the repairs on Tuesday after a final load test.",
]


def test_appended_story_coheres_through_its_own_headline():
    text = "\n\n".join(ARTICLE + [HEADED_HEAD] + HEADED_STORY)
    c = clean(text)
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE)
    assert not any(p in kept(c) for p in [HEADED_HEAD] + HEADED_STORY)
    # Without its headline the two paragraphs are no story of their own (even with no
    # minimum tail length): nothing is cut.
    bare = clean("\n\n".join(ARTICLE + HEADED_STORY), settings=CleanSettings(boundary_min_tail_chars=0))
    assert all(p in kept(bare) for p in ARTICLE + HEADED_STORY)



def test_of_two_appended_stories_the_cut_is_at_the_first():
    # the second story's headline makes its start score higher; the first story still goes
    text = "\n\n".join(ARTICLE + SECOND[:3] + [HEADED_HEAD] + HEADED_STORY)
    c = clean(text)
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE)
    assert not any(p in kept(c) for p in SECOND[:3] + [HEADED_HEAD] + HEADED_STORY)


def test_one_paragraph_story_under_a_foreign_headline_is_cut():
    one = ("The ferry from Kirkwall Sound will resume its crossings to Port Elsey on Friday, the operator "
           "announced, after divers spent a month rebuilding the glacier pier whose pilings a January gale "
           "tore loose; islanders have relied on a weekly supply flight since, and the harbour master expects "
           "four crossings a day by March, when the spring tides ease and the second vessel returns from its "
           "refit in the dry dock at Kirkwall.")
    c = clean("\n\n".join(ARTICLE + [HEADED_HEAD, one]))
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE)
    assert HEADED_HEAD not in kept(c) and one not in kept(c)
    # under a headline that is mostly the article's words it is no story of its own
    c = clean("\n\n".join(ARTICLE + ["Riverton budget vote ends library standoff", one]))
    assert one in kept(c)


LATE_BACKGROUND = (
    "Riverton grew up around a textile mill founded in 1821 on the banks of the Ashby river; the mill "
    "closed in 1974, and its brick weaving sheds now house apartments, a brewery and a museum of "
    "industrial history that draws school groups from across the region, while the old canal towpath "
    "has become a popular cycling route between the harbour and the hills. A volunteer society "
    "restores the steam engine that once drove the looms and runs it on summer weekends.")


def test_long_article_with_late_background_paragraph_kept():
    more = [
        "The finance committee had proposed closing the Elm Street library and merging its collection "
        "with the main Riverton branch, a plan Park called a false economy.",
        "Under the approved budget, Riverton will also spend 3 million dollars on the Mill Road bridge, "
        "which engineers rated structurally deficient in the spring.",
    ]
    text = "\n\n".join(ARTICLE + more + [LATE_BACKGROUND])
    # Also without the minimum tail length: one paragraph is not a story of its own.
    for settings in (CleanSettings(), CleanSettings(boundary_min_tail_chars=0)):
        c = clean(text, settings=settings)
        check_invariants(c)
        assert all(p in kept(c) for p in ARTICLE + more + [LATE_BACKGROUND])
        assert "off_topic" not in {r.reason for r in c.removed}



def test_late_background_paragraph_under_a_sub_heading_kept():
    # the sub-heading names the article's things ("mill"): the paragraph does not cohere
    # through it, though it never names Riverton
    background = LATE_BACKGROUND.replace("Riverton grew", "The town grew")
    c = clean("\n\n".join(ARTICLE + ["A mill town on the Ashby", background]))
    check_invariants(c)
    assert background in kept(c) and "off_topic" not in {r.reason for r in c.removed}


def test_rarity_weights_shared_common_words_count_little():
    from pipeline.clean.boundary import _features
    from pipeline.clean.lexicon import _lexicon
    pytest.importorskip("wordfreq")
    f = _features("The government said people in India want Riverton budgets.", _lexicon().stopwords)
    # Capitalised and rare tokens weigh more than shared common words.
    assert f["riverton"] > f["india"] > f["government"]
    flat = _features("The government said people in India want Riverton budgets.", _lexicon().stopwords,
                     CleanSettings(rarity_ceiling=0))
    assert flat["riverton"] == flat["india"] == 2.0 and flat["government"] == 1.0


def test_marked_tail_is_off_topic_and_short_quote_kept():
    text = "\n".join(ARTICLE + ["Related Articles", "3 hours ago", "Europa plumes spotted"] + UNRELATED)
    c = clean(text)
    k = kept(c)
    assert ARTICLE[4] in k  # a short quote-only paragraph of the article
    assert not any(p in k for p in UNRELATED)
    assert reasons(c)["Related Articles"] == "boilerplate:related"


def test_html_source_skips_similarity_cut():
    text = "\n".join(ARTICLE + UNRELATED)
    c = clean(text, source_format="html")
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE + UNRELATED)


def test_in_article_widget_marker_does_not_end_article():
    more = [
        "Park said the Riverton libraries would also extend their opening hours, and the council "
        "promised to review the Riverton school budget again next year.",
        "The Riverton finance committee said it would publish the full budget and the tax forecasts "
        "behind it before the council meets again.",
    ]
    text = "\n".join(ARTICLE + ["You may also like", "Europa plumes spotted"] + more)
    c = clean(text)
    check_invariants(c)
    assert all(p in kept(c) for p in ARTICLE + more)
    assert reasons(c)["You may also like"] == "boilerplate:related"


@pytest.mark.parametrize("lines", [["- 165 votes", "- 250 votes"], ["Tickets", "VIP : 60,000", "02-751-1500"],
                                   ["Contact", "www.riverton.example"]])
def test_list_lines_at_end_are_not_tags(lines):
    c = clean("\n".join(BODY + lines))
    check_invariants(c)
    assert "metadata:tags" not in {r.reason for r in c.removed}


def test_late_background_paragraph_kept():
    background = ("The town was founded in 1821 as a mill settlement and grew around the river trade.")
    c = clean("\n\n".join(ARTICLE + [background]))
    assert background in kept(c)


def test_threshold_setting_exposed():
    text = "\n\n".join(ARTICLE + UNRELATED)
    c = clean(text, settings=CleanSettings(boundary_threshold=1e9))
    assert all(p in kept(c) for p in UNRELATED)
    assert CleanSettings().boundary_threshold > 0


def test_empty_and_blank():
    for text in ("", "   \n\n  ", "\n"):
        c = clean(text)
        assert not c.segments and not c.removed


def test_corpus_invariants(corpus_texts):
    assert corpus_texts
    for name, text in corpus_texts.items():
        c = clean(text)
        check_invariants(c)
        assert c.segments, name


@hsettings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_invariants(text):
    check_invariants(clean(text))


LINES = st.sampled_from(["Related Articles", "2 hours ago", "By Jane Doe", "Key Points", "• item one",
                         "Published: 12 March 2025", "World", "Who is next?", "Share", ""]
                        + ARTICLE + UNRELATED)


@hsettings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=25), st.sampled_from(["\n", "\n\n", " \n", "\r\n"]))
def test_structured_text_invariants(lines, sep):
    check_invariants(clean(sep.join(lines)))


@pytest.mark.parametrize("line", ["Issued on: 03/03/2024 - 10:20 Modified: 03/03/2024 - 12:47",
                                  "Fri 3 Mar 2024 12.34 BST",
                                  "Published: 3 Mar 2024 | Last updated: 4 Mar 2024, 04:10 PM",
                                  "March 3, 2024 / 10:51 PM / RTN/AP",
                                  "March 3, 2024 at 10:31 am | Published in: Local, News"])
def test_stamp_line_of_several_fields_is_date(line):
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:1] + [line] + BODY[1:]))
    check_invariants(c)
    assert reasons(c)[line] == "metadata:date"


def test_date_line_with_text_field_is_kept():
    line = "March 3, 2024 | the council meets again after the vote"
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:1] + [line] + BODY[1:]))
    assert line in kept(c)


@pytest.mark.parametrize("line,cls", [("E-mail this to a friend / Printable version", "boilerplate:share"),
                                      ("Home » Local", "boilerplate:navigation")])
def test_share_bar_and_breadcrumb(line, cls):
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + [line] + BODY[2:]))
    assert reasons(c)[line] == cls


def test_story_links_under_a_list_head_are_removed():
    links = ["Related stories", "Lakeside opens its new library", "Storm damage closes the coast road"]
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + ["\n".join(links)] + BODY[2:]))
    check_invariants(c)
    r = reasons(c)
    assert r[links[1]] == r[links[2]] == "boilerplate:related"
    assert BODY[2] in kept(c)


def test_list_head_does_not_take_a_paragraph():
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + ["Read more:"] + BODY[2:]))
    assert BODY[2] in kept(c)


def test_story_links_under_a_list_head_in_the_top_zone():
    text = "Riverton passes budget\n\nUp next\nLakeside opens its new library\nStorm damage closes the coast road\n\n" \
        + "\n\n".join(BODY)
    c = clean(text)
    check_invariants(c)
    assert reasons(c)["Storm damage closes the coast road"] == "boilerplate:related"
    assert BODY[0] in kept(c)


def test_line_of_dates_only_is_kept():
    line = "3 March 2024 | 9 May 2024"
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:1] + [line] + BODY[1:]))
    assert line in kept(c)


def test_post_signoff_is_an_embed_not_a_date_line():
    line = "— Riverton Council (@rvcouncil) March 3, 2024"
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + ["The bridge is closed.\n" + line] + BODY[2:]))
    assert reasons(c)[line] == "boilerplate:embed"


@pytest.mark.parametrize("line", ["(BEGIN VIDEO CLIP)",
                                  "Disclaimer: the views expressed are those of the author and do not necessarily "
                                  "reflect the views of the site."])
def test_furniture_cues_are_off_for_html_input(line):
    text = "\n".join(BODY[:2] + [line] + BODY[2:])
    assert line in kept(clean(text, source_format="html"))
    assert line not in kept(clean(text))


def test_second_copy_of_a_paragraph_is_removed():
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY + BODY[:2]))
    check_invariants(c)
    assert [r.reason for r in c.removed].count("boilerplate:duplicate") == 2
    assert kept(c).count(BODY[0]) == 1


@pytest.mark.parametrize("line,reason", [("Video: the moment the Riverton bridge reopened", "boilerplate:link"),
                                         ("Catch every update on the Riverton Android and iOS apps.", "boilerplate:promo")])
def test_media_link_and_app_prompt(line, reason):
    c = clean("Riverton passes budget\n\n" + "\n\n".join(BODY[:2] + [line] + BODY[2:]))
    assert reasons(c)[line] == reason


def test_key_events_list_is_removed():
    block = "Key events\n10.55am Council opens the budget debate\n12.20pm Vote passes 7 to 2"
    c = clean("Riverton budget: live\n\n" + "\n\n".join(BODY[:1] + [block] + BODY[1:]))
    check_invariants(c)
    assert reasons(c)["12.20pm Vote passes 7 to 2"] == "boilerplate:link"
