"""Hard-wrapped text (pipeline/clean/wrap.py, analyze.analysis_text): one test per rule,
on invented articles wrapped with textwrap."""
from __future__ import annotations

import textwrap

from pipeline.analyze import analysis_text
from pipeline.clean import clean

from .test_clean import check_invariants

PARAGRAPHS = [
    "The number of people killed by floods in the river valleys of Eastland has "
    "risen to 1,482 out of 6,031 households affected, the regional health office "
    "said on Tuesday, as rescue teams reached villages cut off since the weekend.",
    "Four other districts have reported a further 12 deaths and 40 injuries, the "
    "office said. Two of them, Northmere and Lowfield, have since reopened their "
    "roads, while Eastport and Granby are still cut off from the capital.",
    "Engineers said the main dam held overnight, but that water levels in the "
    "reservoir above Granby had climbed by 3 metres since Sunday and could rise "
    "further if the rain continued into the middle of the week.",
    "The provincial government has set aside 17.7 billion euros for repairs, a "
    "spokeswoman for the finance ministry said, adding that the sum could grow once "
    "the damage to bridges and farms in the lower valley had been counted.",
]


def wrapped(paragraphs=PARAGRAPHS, width: int = 68, indent: str = "") -> str:
    return "\n\n".join(textwrap.fill(p, width=width, initial_indent=indent)
                       for p in paragraphs) + "\n"


def segment_texts(c) -> list[str]:
    return [c.text[s.start:s.end] for s in sorted(c.segments, key=lambda s: s.start)]


def test_wrapped_paragraph_is_one_segment():
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped()
    c = clean(text)
    check_invariants(c)
    body = [s for s in segment_texts(c) if "\n" in s]
    assert len(body) == len(PARAGRAPHS)
    for seg, para in zip(body, PARAGRAPHS):
        assert " ".join(seg.split()) == para  # the whole paragraph, offsets exact


def test_short_wrapped_brief_is_joined():
    # one wrapped paragraph of four lines, three line breaks: enough to tell the width
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped(PARAGRAPHS[:1])
    assert text.count("\n") == 6
    c = clean(text)
    assert [" ".join(s.split()) for s in segment_texts(c) if "\n" in s] == PARAGRAPHS[:1]


def test_analysis_text_reads_line_breaks_inside_a_segment_as_spaces():
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped()
    c = clean(text)
    at = analysis_text(c)
    assert len(at) == len(text)
    seg = next(s for s in c.segments if "\n" in text[s.start:s.end])
    assert "\n" not in at[seg.start:seg.end]
    assert at[seg.start:seg.end] == text[seg.start:seg.end].replace("\n", " ")
    assert at.count("\n\n") == text.count("\n\n")  # paragraph breaks stay


def test_short_line_poem_is_not_joined():
    poem = ("The river rose at night\nand took the bridge away\nwe watched it from the hill\n"
            "until the break of day\n")
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped() + "\n" + poem
    c = clean(text)
    lines = [ln for ln in poem.splitlines()]
    for ln in lines:
        assert ln in segment_texts(c)


def test_one_sentence_per_line_text_is_not_wrapped():
    # long unwrapped paragraphs one per line: no width cluster, nothing joined
    text = "Floods in Eastland leave 1,482 dead\n" + "\n".join(PARAGRAPHS * 2) + "\n"
    c = clean(text)
    assert not any("\n" in s for s in segment_texts(c))


def test_bullet_list_in_wrapped_text_stays_one_item_per_line():
    bullets = ("* Roads to Granby reopened after the water fell overnight\n"
               "* Schools in the lower valley will stay shut until Friday\n"
               "* Power was restored to most homes in Northmere and Lowfield\n")
    text = "Floods in Eastland leave 1,482 dead\n\n" + bullets + "\n" + wrapped()
    c = clean(text)
    segs = segment_texts(c)
    for item in bullets.splitlines():
        assert item[2:] in segs


def test_list_of_capitalised_lines_of_one_length_is_not_wrapped():
    # lines of about one length in a block, but each starts with a capital: a list
    facts = ("Eastland floods in numbers\n"
             "Dead across the seven river districts: 1,482 people\n"
             "Households forced out of their homes by the water: 6,031\n"
             "Bridges destroyed or closed to traffic since Sunday: 17\n"
             "Schools used as shelters in the lower valley: 45 of them\n"
             "Army boats sent to the villages cut off by water: 120\n"
             "Field kitchens set up by aid groups in Granby: 9 so far\n"
             "Farms under water according to the ministry: 2,300\n")
    text = "Floods in Eastland leave 1,482 dead\n\n" + "\n\n".join(PARAGRAPHS) + "\n\n" + facts
    c = clean(text)
    assert not any("\n" in s for s in segment_texts(c))


def test_indented_line_starts_a_new_paragraph():
    # paragraphs marked by a first-line indent, no blank line between them
    text = "Floods in Eastland leave 1,482 dead\n\n" + "\n".join(
        textwrap.fill(p, width=68, initial_indent="    ") for p in PARAGRAPHS) + "\n"
    c = clean(text)
    body = [s for s in segment_texts(c) if "\n" in s]
    assert [" ".join(s.split()) for s in body] == PARAGRAPHS


def test_heading_shaped_wrapped_line_is_body():
    # a wrapped line without punctuation looks like a sub-heading on its own
    para = ("Rescue teams said the water had reached the upper floors of\n"
            "houses in Granby, and that boats were taking families to the\n"
            "school on the hill, where the army has set up a field kitchen.")
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped() + "\n" + para + "\n"
    c = clean(text)
    seg = next(s for s in c.segments if c.text[s.start:s.end] == para)
    assert seg.section == "body"


def test_wrapped_credit_line_is_removed_whole():
    credit = ("(Reporting by Jane Roe and Peter Moss in Granby; Writing by Anna\n"
              "Stone; Editing by Mark Hill)")
    text = "Floods in Eastland leave 1,482 dead\n\n" + wrapped() + "\n" + credit + "\n"
    c = clean(text)
    check_invariants(c)
    start = text.index(credit)
    gone = {p for r in c.removed for p in range(r.start, r.end)}
    assert all(p in gone for p in range(start, start + len(credit)) if not text[p].isspace())


def test_headline_broken_over_two_lines_is_one_headline():
    text = "Floods in Eastland leave 1,482 dead as rain\nkeeps falling on the valleys\n\n" + wrapped()
    c = clean(text)
    heads = [c.text[s.start:s.end] for s in c.segments if s.section == "headline"]
    assert heads == ["Floods in Eastland leave 1,482 dead as rain\nkeeps falling on the valleys"]


def test_headline_broken_over_two_lines_matches_the_given_title():
    title = "Floods in Eastland leave 1,482 dead as the Rain Keeps Falling"
    text = "Floods in Eastland leave 1,482 dead\nas the Rain Keeps Falling\n\n" + wrapped()
    c = clean(text, title=title)
    heads = [c.text[s.start:s.end] for s in c.segments if s.section == "headline"]
    assert heads == ["Floods in Eastland leave 1,482 dead\nas the Rain Keeps Falling"]


def test_headline_and_standfirst_stay_apart():
    text = ("Floods in Eastland leave 1,482 dead\nRescue teams reach villages cut off since the weekend\n\n"
            + wrapped())
    c = clean(text)
    heads = [c.text[s.start:s.end] for s in c.segments if s.section == "headline"]
    assert heads == ["Floods in Eastland leave 1,482 dead"]


# ---------------------------------------------------------------- the parse of wrapped text

def _article(width: int = 68) -> str:
    return "Floods in Eastland leave 1,482 dead\n\n" + wrapped(width=width)


def _claims(text: str):
    from pipeline import process_text

    return process_text(text, published="2024-03-20", all_sentences=True)["claims"]


MONEY = ("The provincial government in Eastport has set aside a total of 17.7\n"
         "billion euros for repairs, a spokeswoman for the finance ministry\n"
         "said on Wednesday.")
SOURCED = ("Rescue teams found 85 more bodies in the villages above Granby, the\n"
           "regional health office said on Wednesday.")


def test_number_across_a_line_break_is_read_whole():
    text = _article() + "\n" + MONEY + "\n"
    qs = [q for c in _claims(text) for q in c["quantities"] if q["span"][0] > len(_article())]
    assert len(qs) == 1 and qs[0]["currency"] == "EUR"
    s, e = qs[0]["span"]
    assert text[s:e] == qs[0]["text"] and "\n" in qs[0]["text"]


def test_sentences_of_wrapped_text_are_whole_sentences():
    text = _article()
    sentences = [" ".join(text[c["span"][0]:c["span"][1]].split()) for c in _claims(text)]
    assert PARAGRAPHS[0] in sentences
    assert "Four other districts have reported a further 12 deaths and 40 injuries, the office said." \
        in sentences


def test_source_across_a_line_break_is_found():
    text = _article() + "\n" + SOURCED + "\n"
    claim = next(c for c in _claims(text) if "85 more" in text[c["span"][0]:c["span"][1]])
    assert claim["attribution"] is not None
    assert " ".join(claim["attribution"]["source"].split()) == "the regional health office"


def test_glued_plus_stays_in_its_sentence():
    text = "Floods in Eastland leave 1,482 dead\n\n- 20,000+ displaced to the hills\n- 300 homes lost\n"
    claims = _claims(text)
    sentences = [text[c["span"][0]:c["span"][1]] for c in claims]
    assert "20,000+ displaced to the hills" in sentences
    q = next(q for c in claims for q in c["quantities"] if q["value"] == 20000)
    assert q["text"] == "20,000+" and q["approx"] == "more_than"


def test_no_quantity_is_read_from_a_time_stamp_before_the_text():
    text = ("Landslides hit the valley\n\nUpdated: 2019-03-14 09:40 85 dead in landslides after a "
            "week of rain\n\nRescue teams said on Thursday that the roads were still closed.\n")
    claims = _claims(text)
    assert text[claims[1]["span"][0]:].startswith("85 dead")  # the stamp is metadata
    assert [q["value"] for c in claims for q in c["quantities"]] == [85]
