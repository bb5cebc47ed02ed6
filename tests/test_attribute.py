"""Attribute stage: one test per rule, on invented sentences (not from the corpus)."""
from __future__ import annotations

import pytest

from pipeline.analyze import make_doc
from pipeline.attribution import attribute_claims
from pipeline.attribution.quotes import find_quotes
from pipeline.extraction import extract_claims
from pipeline.records import Cleaned, Segment


def _attribute(nlp, text: str):
    """Every line of ``text`` is a kept body paragraph; returns (text, claims)."""
    segs, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            segs.append(Segment(start, pos + len(line.rstrip())))
        pos += len(line) + 1
    cleaned = Cleaned(text=text, segments=segs)
    doc = nlp(make_doc(nlp, cleaned))
    claims = extract_claims(doc, cleaned)
    for c, (attribution, others, _figures) in zip(claims, attribute_claims(doc, claims)):
        c.attribution, c.other_attributions = attribution, others
        a = c.attribution
        if a:  # offsets always slice to their fields
            for key, span in (("source", "source_span"), ("cue", "cue_span")):
                if a[span] is not None:
                    assert text[a[span][0]:a[span][1]] == a[key]
    return text, claims


def _find(text, claims, needle):
    return next(c for c in claims if needle in text[c.start:c.end])


def _att(nlp, text, needle=None):
    text, claims = _attribute(nlp, text)
    claim = _find(text, claims, needle) if needle else claims[0]
    return claim.attribution


def test_verb_after_content(nlp):
    a = _att(nlp, "Four houses burned down overnight, firefighters said.")
    assert (a["source"], a["cue"], a["mode"], a["source_type"]) == ("firefighters", "said", "indirect",
                                                                     "anonymous")


def test_verb_before_content_with_addressee(nlp):
    a = _att(nlp, "A local farmer, Tomas Brandt, told the Guardian the river rose in minutes.")
    assert a["source"] == "Tomas Brandt" and a["source_norm"] == "Tomas Brandt"
    assert a["cue"] == "told" and a["addressee"] == "the Guardian" and a["mode"] == "indirect"
    assert a["source_type"] == "person"


def test_inverted_tag(nlp):
    a = _att(nlp, "The bridge had been closed since May, said Mr Okafor, an engineer.")
    assert a["source"] == "Mr Okafor" and a["cue"] == "said" and a["mode"] == "indirect"


def test_according_to_anywhere(nlp):
    for text in ("According to the fire brigade, 12 people were rescued.",
                 "Twelve people were rescued, according to the fire brigade."):
        a = _att(nlp, text)
        assert a["mode"] == "according_to" and a["cue"].lower() == "according to"
        assert a["source"] == "the fire brigade" and a["source_norm"] == "fire brigade"


def test_direct_quote_with_tag_and_curly_marks(nlp):
    a = _att(nlp, "“We lost everything in one night,” said Maria Lopez, a shop owner.")
    assert a["mode"] == "direct" and a["source"] == "Maria Lopez" and a["cue"] == "said"


@pytest.mark.parametrize("text", [
    "“The road has been closed for four years and nobody listens to us.” ― Maria Lopez",
    "“The road has been closed for four years and nobody listens to us.”\n— Maria Lopez",
])
def test_a_dash_sign_off_after_a_quotation_names_its_speaker(nlp, text):
    text, claims = _attribute(nlp, text)
    a = _find(text, claims, "nobody listens").attribution
    assert a["mode"] == "direct" and a["source"] == "Maria Lopez"


def test_a_dash_before_anything_but_a_name_is_no_attribution(nlp):
    assert _att(nlp, "The council paused the vote — and then the lights went out.") is None


def test_multi_sentence_quote_tag_in_next_sentence(nlp):
    text, claims = _attribute(nlp, '"The water came fast. We climbed onto the roof," she said.')
    first = _find(text, claims, "came fast")
    assert first.attribution["mode"] == "direct" and first.attribution["cue"] is None
    assert first.attribution["source"] == "she"
    assert _find(text, claims, "roof").attribution["cue"] == "said"


@pytest.mark.parametrize("text, needles, speaker", [
    # quote paragraphs continue the quoted speaker
    ('"The dam held for two days," engineer Paul Weber said.\n'
     '"Then the pressure became too much.\n'
     '"Nobody expected the second wave."', ("pressure", "second wave"), "Paul Weber"),
    # a quote paragraph after an indirect statement continues its speaker
    ("The repairs will take months, the harbour master Lena Holm said.\n"
     '"We have never seen damage like this. Every pier needs new pilings."',
     ("never seen", "pilings"), "Lena Holm"),
])
def test_quote_paragraphs_continue_speaker(nlp, text, needles, speaker):
    text, claims = _attribute(nlp, text)
    for needle in needles:
        a = _find(text, claims, needle).attribution
        assert a["mode"] == "direct" and a["source_norm"] == speaker and a["cue"] is None


def test_a_speaker_introducing_a_quotation_with_a_colon(nlp):
    text = ("The coach spoke after the match. She said:\n"
            '"We lost the game in the first ten minutes. The defence was asleep."')
    text, claims = _attribute(nlp, text)
    intro = _find(text, claims, "She said").attribution
    assert (intro["source"], intro["cue"], intro["mode"], intro["content"]) == ("She", "said", "direct", None)
    for needle in ("first ten minutes", "asleep"):
        a = _find(text, claims, needle).attribution
        assert a["source"] == "She" and a["mode"] == "direct"
    assert _find(text, claims, "spoke after").attribution is None


def test_quotation_content_keeps_its_marks_and_a_scare_quote_is_closed(nlp):
    text = ('"The levee will hold," the engineer said.\n'
            'The plan was "reckless," according to the minutes.')
    text, claims = _attribute(nlp, text)
    assert _find(text, claims, "levee").attribution["content"] == '"The levee will hold,"'
    assert _find(text, claims, "reckless").attribution["content"] == 'The plan was "reckless,"'


def test_quote_then_pronoun_tag_resolves_to_named_speaker(nlp):
    text = ("Mayor Ines Duarte visited the shelters on Monday.\n"
            '"These families need help now," she said.')
    a = _att(nlp, text, "families")
    assert a["source"] == "she" and a["source_norm"] == "Ines Duarte" and a["source_type"] == "person"
    assert a["mode"] == "direct"


def test_parenthetical_added_and_pronoun_coreference(nlp):
    text = ("Jonas Berg told reporters the convoy was stopped at the border. "
            "The drivers were held for hours, he added.")
    a = _att(nlp, text, "held for hours")
    assert a["cue"] == "added" and a["source"] == "he" and a["source_norm"] == "Jonas Berg"
    assert a["source_id"] == "jonas-berg"


def test_surname_coreference_and_source_id(nlp):
    text = ("Anna Kowalski, a nurse, said the clinic ran out of insulin. "
            "Ms Kowalski said supplies arrived on Friday.")
    text, claims = _attribute(nlp, text)
    ids = {c.attribution["source_id"] for c in claims}
    assert ids == {"anna-kowalski"}
    assert _find(text, claims, "supplies").attribution["source_norm"] == "Anna Kowalski"


def test_acronym_and_short_org_name(nlp):
    text = ("The International Flood Relief Network (IFRN) said 300 families were evacuated. "
            "IFRN said more shelters were needed. "
            "The Network said roads were blocked.")
    text, claims = _attribute(nlp, text)
    assert _find(text, claims, "more shelters").attribution["source_norm"] == \
        "International Flood Relief Network"
    a = _find(text, claims, "roads").attribution
    assert a["source_norm"] == "International Flood Relief Network" and a["source_type"] == "organization"


def test_outlet_verification_statements(nlp):
    for text, cue in (("Reuters was unable to confirm the figures.", "was unable to confirm"),
                      ("The BBC has not been able to independently verify the footage.",
                       "has not been able to independently verify"),
                      ("Reuters counted 40 bodies in the square.", "counted")):
        a = _att(nlp, text)
        assert a["source_type"] == "media" and a["mode"] == "indirect" and a["cue"] == cue


def test_finding_verbs_need_an_outlet_subject(nlp):
    text, claims = _attribute(nlp, "Police counted the ballots twice.")
    assert claims[0].attribution is None


def test_passive_reports(nlp):
    a = _att(nlp, "Dozens of fishermen are reported to have drowned.")
    assert a["mode"] == "passive" and a["cue"] == "are reported to" and a["source"] is None
    a = _att(nlp, "Several villages were reportedly flooded overnight.")
    assert a["mode"] == "passive" and a["cue"] == "reportedly"
    a = _att(nlp, "The old port has been described as a ghost town by shopkeepers.")
    assert a["mode"] == "passive" and a["source"] == "shopkeepers"


def test_statement_verbs_lexicon(nlp):
    a = _att(nlp, "The Danish foreign ministry condemned the shelling of the hospital.")
    assert a["cue"] == "condemned" and a["source_type"] == "government"
    assert a["source_norm"].lower() == "danish foreign ministry"
    a = _att(nlp, "The opposition party denied that its members had been paid.")
    assert a["cue"] == "denied" and a["source_type"] == "organization"


def test_not_attribution(nlp):
    for text in ("The regional council did not respond to a request for comment.",
                 "The mayor urged residents to stay indoors.",
                 "The minister called for calm after the riots in Lyon.",
                 "Rebels claimed responsibility for the attack on the depot."):
        _, claims = _attribute(nlp, text)
        assert claims[0].attribution is None, text


@pytest.mark.parametrize("text, source, norm, stype", [
    ("The figures came from the Red Cross, which said 12 volunteers were hurt.",
     "which", "Red Cross", "organization"),
    ("Reporters met Anna Berg, who told them 40 homes were flooded.", "who", "Anna Berg", "person"),
])
def test_a_relative_pronoun_source_resolves_to_its_antecedent(nlp, text, source, norm, stype):
    a = _att(nlp, text)
    assert (a["source"], a["source_norm"], a["source_type"]) == (source, norm, stype)


@pytest.mark.parametrize("text, needle, norm", [
    # the last speaker is a man the text calls "Mr": "she" is the actress named after him
    ("Director Paul Weber said the film cost 3 million euros to make. Mr Weber thanked the "
     "crew. Actress Lena Holm joined the cast in May. “It was terrifying,” she said.",
     "terrifying", "Lena Holm"),
    # a person named as a later subject is more salient than the last speaker
    ("“We lost 40 days to rain,” Paul Weber said. Lena Holm had spent years on the script, "
     "and her notes filled 12 boxes. “It was worth it,” she said.", "worth it", "Lena Holm"),
    # ... unless only the speaker is known to take the pronoun ("his film")
    ("“We lost 40 days to rain,” Paul Weber said of his film. Lena Holm had spent years on "
     "the script. “It was worth it,” he said.", "worth it", "Paul Weber"),
])
def test_he_and_she_follow_how_the_article_refers_to_people(nlp, text, needle, norm):
    text, claims = _attribute(nlp, text)
    assert _find(text, claims, needle).attribution["source_norm"] == norm


@pytest.mark.parametrize("text, norm, stype", [
    ("The San Francisco Chronicle says 4,000 riders use the line each day.",
     "San Francisco Chronicle", "media"),  # a masthead word ends the name
    ("The Post reported that 30 staff were fired.", "Post", "media"),
    ("An Associated Press journalist reported 12 bodies at the morgue.", "Associated Press", "media"),
    ("American Express said 300 jobs would go.", "American Express", "organization"),
    ("The Guardian Council said 40 candidates were barred.", "Guardian Council", "organization"),
])
def test_newspaper_names_are_media(nlp, text, norm, stype):
    a = _att(nlp, text)
    assert (a["source_norm"], a["source_type"]) == (norm, stype)


def test_the_author_writing_we_or_i_is_the_outlets_own_voice(nlp):
    for text in ("We believe the new bridge will carry 40,000 cars a day.",
                 "I would add that the council spent 2 million euros on the study."):
        assert _att(nlp, text) is None, text
    # a source the author reports on is still attributed, and "we" inside a quotation
    # is the quoted speaker
    a = _att(nlp, "We spoke to residents, who said 40 homes were flooded.")
    assert a is not None and (a["source"], a["source_norm"]) == ("who", "residents")
    assert a["source_type"] == "anonymous"
    a = _att(nlp, '"We counted 40 flooded homes," the mayor said.')
    assert a["source"] == "the mayor" and a["mode"] == "direct"


def test_scare_quotes_are_not_direct(nlp):
    a = _att(nlp, 'The union called the plan "a betrayal of workers".')
    assert a["mode"] == "indirect" and a["cue"] == "called"


def test_quote_nested_in_indirect_statement(nlp):
    a = _att(nlp, 'The judge said that the evidence "does not support the charge".')
    assert a["mode"] == "direct" and a["cue"] == "said" and a["source"] == "The judge"


def test_inherited_in_same_paragraph(nlp):
    text = ("Karl Meyer told the BBC he was detained at the airport. "
            "He was released two days later without charge.\n"
            "He was released after two days, officials said nothing.")
    text, claims = _attribute(nlp, text)
    a = _find(text, claims, "released two days later").attribution
    assert a["mode"] == "inherited" and a["cue"] is None
    assert text[a["source_span"][0]:a["source_span"][1]] == "Karl Meyer"


def test_no_inheritance_across_paragraphs_or_topic(nlp):
    text = ("Red Cross officials said 45 people died in the floods.\n"
            "20 people were injured.\n"
            "Aid workers said 12 people were missing. The river rose in 1998 as well.")
    text, claims = _attribute(nlp, text)
    assert _find(text, claims, "injured").attribution is None
    assert _find(text, claims, "1998").attribution is None


def test_inherited_list_continuation(nlp):
    text = "The health ministry said 45 people died. Additionally, 20 people were injured."
    a = _att(nlp, text, "injured")
    assert a["mode"] == "inherited" and a["source_norm"].lower() == "health ministry"


def test_a_sentence_taking_up_the_reported_subject_inherits(nlp):
    text = ("The seismic institute said the quake struck at 3:10 a.m. about 40 miles east of Velin. "
            "It was followed by two aftershocks of magnitude 5.2 and 4.8.")
    a = _att(nlp, text, "aftershocks")
    assert a["mode"] == "inherited" and a["source_norm"].lower() == "seismic institute"


def test_a_verdict_on_the_reported_subject_inherits_nothing(nlp):
    text = ("The seismic institute said the quake struck at 3:10 a.m. about 40 miles east of Velin. "
            "It is the deadliest quake in the region since 1960, when about 900 people died.")
    assert _find(*_attribute(nlp, text), "deadliest").attribution is None


def test_an_emphatic_reflexive_is_not_the_source(nlp):
    a = _att(nlp, "The rebels themselves said at least 300 people had been killed in the area they control.")
    assert a["source"] == "The rebels"


def test_chain_via(nlp):
    a = _att(nlp, "Two peacekeepers were wounded near the border, the head of the mission said "
                  "on Tuesday, Reuters reported.")
    assert a["via"] == "Reuters" and a["source"] == "the head of the mission" and a["cue"] == "said"


@pytest.mark.parametrize("text, via", [
    ("Governor Ana Ruiz said 154 people had died, the Velin news agency reported.", "the Velin news agency"),
    ("According to Reuters, Governor Ana Ruiz said 154 people had died.", "Reuters"),
    ("Governor Ana Ruiz said 154 people had died, and Reuters reported 50 more deaths.", None),
])
def test_a_medium_beside_the_speaker_relays_the_speaker(nlp, text, via):
    a = _att(nlp, text)
    assert a["source"] == "Governor Ana Ruiz" and a["via"] == via


@pytest.mark.parametrize("text, name", [
    ("Doctors Without Borders said 40 people had died in Velin.", "Doctors Without Borders"),
    ("In Velin, Engineers Against Floods said on Monday that 40 homes had collapsed.", "Engineers Against Floods"),
    ("Officials in Velin said 40 people had died.", "officials"),
])
def test_a_name_with_a_capitalised_function_word_is_one_organisation(nlp, text, name):
    a = _att(nlp, text)
    assert a["source_norm"] == name
    assert (a["source_type"] == "organization") is (name != "officials")


@pytest.mark.parametrize("text, name", [
    ("Help the Orphans said on Monday that 40 children had been killed in Velin.", "Help the Orphans"),
    ("Engineers for Safe Bridges has said 12 bridges were closed in Tarn.", "Engineers for Safe Bridges"),
    ("Lawyers for the Family said 3 men were held in Tarn.", "lawyers"),
    ("Police for the first time said 40 people had died in Velin.", "police"),
])
def test_a_name_joined_by_lower_case_function_words_is_one_organisation(nlp, text, name):
    """"Save the Children", "Physicians for Human Rights": the parser cuts the name at
    "the"/"for" or reads its first word as a verb (sources._name_tail, name_joiners)."""
    assert _att(nlp, text)["source_norm"] == name


def test_a_watchdog_named_beside_its_noun_is_that_name(nlp):
    a = _att(nlp, "According to the local watchdog Save Our Rivers, 78 people have died in floods in Tarn.")
    assert a["source_norm"] == "Save Our Rivers"  # "watchdog" is a descriptor head (models/attribution)


def test_a_tag_after_a_quote_takes_the_name_apposed_to_its_subject(nlp):
    """The parser hangs "the ministry's undersecretary, Arno Velik-Barre," on the quoted
    verb; the name between the last two commas is the tag's subject (cues._stranded_subject)."""
    a = _att(nlp, '"The number did not exceed 46," the ministry\'s undersecretary, Arno Velik-Barre, '
                  'said in a statement.')
    assert a["source_norm"] == "Arno Velik-Barre" and a["cue"] == "said"


def test_document_source(nlp):
    a = _att(nlp, "A video posted on Telegram showed soldiers entering the town.")
    assert a["source_type"] == "document" and a["cue"] == "showed" and a["source_norm"] == "video"


def test_unnamed_sources_norm(nlp):
    a = _att(nlp, "Three other residents said the shelling lasted all night.")
    assert a["source_norm"] == "other residents" and a["source_type"] == "anonymous"
    a = _att(nlp, "Several of the witnesses said the gunmen wore masks.")
    assert a["source_norm"] == "witnesses"


@pytest.mark.parametrize("text", ['He said "we will win. And then', '"Unclosed quote, he said.',
                                  'Stray close" mark, she said.', '""', '"', "'It's' fine'",
                                  '“Curly open only\n\nNext para” and “another'])
def test_unbalanced_quotes_never_crash(nlp, text):
    find_quotes(text)
    _attribute(nlp, text)


def test_quote_pairing_across_paragraphs():
    text = '"First paragraph of a quote.\n"Second paragraph," she said.'
    qs = find_quotes(text)
    assert len(qs) == 2 and qs[0].group == qs[1].group and not qs[0].closed


def test_a_list_continuation_inherits_across_a_paragraph_break_but_other_paragraphs_do_not():
    text = ("The health ministry said 212 patients were evacuated from the Baraka hospital.\n"
            "Additionally, 40 staff members were also moved to a field clinic.\n"
            "The hospital was built in 1998 with 300 beds.")
    from pipeline import process_text

    claims = process_text(text, doc_id="t")["claims"]
    by_start = {c["text"].split()[0]: c for c in claims}
    inherited = by_start["Additionally,"]["attribution"]
    assert inherited["mode"] == "inherited" and inherited["source"] == "The health ministry"
    assert claims[0]["attribution"]["cue"] == "said"
    assert claims[-1]["attribution"] is None  # a new paragraph on another topic


def test_a_hyphenated_name_the_recogniser_cut_at_the_hyphen_is_one_person(nlp):
    a = _att(nlp, "More than 400 emergency workers were sent to the area in Velin, said Choi "
                  "Cheon-sik of the National Fire Agency.")
    assert a["source_norm"] == "Choi Cheon-sik" and a["source_type"] == "person"


def test_a_lower_case_noun_modifier_keeps_a_ministry_apart_from_another_named_before(nlp):
    a = _att(nlp, "The Velin Health Ministry said 700 pilgrims died. Tarn's religious affairs ministry "
                  "said 36 of its citizens were killed.", "36")
    assert "Health" not in a["source_norm"] and "religious affairs ministry" in a["source_norm"]


def test_a_bare_definite_plural_is_the_group_of_that_noun_quoted_before(nlp):
    a = _att(nlp, "At least 4,800 people died in Velin, military sources said on Monday. Of those, "
                  "4,000 died in the north, the sources said.", "Of those")
    assert a["source"] == "the sources" and a["source_norm"] == "military sources"
    a = _att(nlp, "Teachers' unions said 70 percent of teachers in Velin were on strike. The unions "
                  "say 245,000 marched in the city.", "245,000")
    assert a["source_norm"] == "unions"


def test_a_title_s_two_word_name_the_recogniser_took_for_a_place_is_the_person(nlp):
    from spacy.tokens import Span

    from pipeline.attribution.lexicon import lexicon
    from pipeline.attribution.sources import DocIndex, source_phrase

    doc = nlp('"The number of dead today is 125," the deputy governor of West Tarn, Omar Velik, said.')
    name = next(e for e in doc.ents if e.text == "Omar Velik")
    doc.ents = [e for e in doc.ents if e.text != "Omar Velik"] + [Span(doc, name.start, name.end, label="GPE")]
    head = next(t for t in doc if t.lower_ == "governor")
    assert DocIndex(doc, lexicon()).resolve(*source_phrase(head)).norm == "Omar Velik"


def test_two_names_joined_by_and_before_a_body_noun_are_one_body(nlp):
    a = _att(nlp, "Kelmton and Orsby Council said 151 households in the borough lost their homes.")
    assert a["source_norm"] == "Kelmton and Orsby Council"
    a = _att(nlp, "Police and Tamil Tiger rebels put the death toll in Velin at 4,500.")
    assert a["source_norm"] != "Police and Tamil Tiger rebels"


def test_a_media_noun_with_a_name_set_beside_it_is_that_outlet(nlp):
    from spacy.tokens import Doc

    from pipeline.attribution.lexicon import lexicon
    from pipeline.attribution.sources import DocIndex, source_phrase

    # the parse the parser gives "Iran's state news agency IRNA late on Thursday published …"
    words = ["Tarn", "'s", "state", "news", "agency", "VNA", "said", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, True, True, True, True, False, False],
              heads=[4, 0, 4, 4, 6, 4, 6, 6], deps=["poss", "case", "compound", "compound", "nsubj", "appos",
                                                     "ROOT", "punct"],
              pos=["PROPN", "PART", "NOUN", "NOUN", "NOUN", "PROPN", "VERB", "PUNCT"],
              lemmas=["Tarn", "'s", "state", "news", "agency", "VNA", "say", "."],
              ents=["B-GPE", "O", "O", "O", "O", "B-ORG", "O", "O"])
    assert DocIndex(doc, lexicon()).resolve(*source_phrase(doc[4])).norm == "VNA"


@pytest.mark.parametrize("text, source", [
    ("Nurses Across Rivers (NAR) said on Monday that 40 people had been killed.", "Nurses Across Rivers (NAR)"),
    ("Feed the Rivers (FTR) said 200 children had died in the floods.", "Feed the Rivers (FTR)"),  # "Feed" a verb
    ("Engineers Without Limits (EWL) said on Monday that 30 bridges were shut in Velin.",
     "Engineers Without Limits (EWL)"),  # the phrase stops at the bracket, the name runs to its close
])
def test_a_name_with_the_acronym_the_text_defines_for_it_is_one_organisation_name(nlp, text, source):
    a = _att(nlp, text)
    assert (a["source"], a["source_norm"], a["source_type"]) == (source, source.split(" (")[0], "organization")


def test_a_proper_name_ending_in_a_word_no_person_s_name_ends_with_is_an_organisation(nlp):
    assert _att(nlp, "Open Relief said it had shipped 500 tonnes of medicine.")["source_type"] == "organization"
    assert _att(nlp, "Marta Velin said 12 people were killed.")["source_type"] == "person"
