"""Hedge stage: each hedge type, the scope rules and the disclaimer reach rules.

Every sentence here is invented (none is from the corpus). Claims are built
directly from the parsed sentences (one per sentence, like the extract stage
does), and attribution/quantities are set by hand where a rule reads them, so
these tests do not depend on the other stages.
"""
from __future__ import annotations

import pytest

from pipeline.analyze import make_doc
from pipeline.emit import flags
from pipeline.hedging import hedge_claims
from pipeline.records import HEDGE_TYPES, Claim, Cleaned, Segment


def _run(nlp, text: str, *, attributions: dict[int, dict] | None = None,
         quantities: dict[int, list] | None = None, kinds: dict[int, str] | None = None):
    """Parse ``text`` (one paragraph per line), one Claim per sentence, hedge them."""
    segments, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            segments.append(Segment(pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    doc = nlp(make_doc(nlp, Cleaned(text=text, segments=segments)))
    claims = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        i = len(claims)
        claims.append(Claim(start=toks[0].idx, end=toks[-1].idx + len(toks[-1].text), sentence_index=i,
                            kind=(kinds or {}).get(i, "event"),
                            attribution=(attributions or {}).get(i),
                            quantities=(quantities or {}).get(i, [])))
    _hedge(doc, claims)
    return doc, claims


def _hedge(doc, claims: list[Claim]) -> None:
    for claim, hedges in zip(claims, hedge_claims(doc, claims)):
        claim.hedges = hedges


def _types(claim: Claim) -> set[str]:
    """Hedge types that apply to the claim (what ``flags`` reports)."""
    return {t for t, on in flags(claim.hedges).items() if on}


def _clause_types(claim: Claim) -> set[str]:
    """Cues recorded in an embedded clause: present, but not hedging the claim."""
    return {h["type"] for h in claim.hedges if h["scope"] == "clause"}


def _only(claim: Claim, type_: str) -> dict:
    found = [h for h in claim.hedges if h["type"] == type_]
    assert len(found) == 1, claim.hedges
    return found[0]


def _check_slice(doc, claim: Claim) -> None:
    for h in claim.hedges:
        s, e = h["cue_span"]
        assert doc.text[s:e] == h["cue"]


def _quantity(text: str, sentence: str, offset: int, approx: str, predicate: str | None = None,
              counted: str | None = None) -> dict:
    s = offset + sentence.index(text)
    return {"text": text, "span": [s, s + len(text)], "approx": approx, "kind": "count",
            "value": 1.0, "predicate": predicate, "counted": counted}


def test_flags_ignore_clause_scope_cues():
    f = flags([{"type": "reported", "cue": "x", "cue_span": [0, 1], "scope": "sentence",
                "from_sentence": None},
               {"type": "alleged", "cue": "y", "cue_span": [2, 3], "scope": "clause",
                "from_sentence": None}])
    assert set(f) == set(HEDGE_TYPES) and f["reported"] and not f["alleged"]


# --------------------------------------------------------------------------- in-sentence types

def test_reported_adverb(nlp):
    doc, (c,) = _run(nlp, "Dozens of families have reportedly left the harbour town of Velin.")
    h = _only(c, "reported")
    assert h["cue"] == "reportedly" and h["scope"] == "sentence" and h["from_sentence"] is None
    _check_slice(doc, c)


def test_reported_passive_raising_and_headline(nlp):
    doc, (c,) = _run(nlp, "Forty miners are reported to have been trapped in the shaft.")
    assert _only(c, "reported")["cue"] == "are reported to"
    doc, (c,) = _run(nlp, "200+ arrests reported after weekend protests")
    assert _only(c, "reported")["cue"] == "reported"


def test_named_source_reporting_is_not_a_hedge(nlp):
    _, (c,) = _run(nlp, "Local officials reported flooding in three districts on Monday.")
    assert "reported" not in _types(c)


def test_unnamed_reports_suggest_is_reported_not_speculative(nlp):
    doc, (c,) = _run(nlp, "Some reports suggest that the minister has already resigned.")
    assert _types(c) == {"reported"}
    assert c.hedges[0]["cue"] == "reports suggest"


def test_alleged(nlp):
    doc, (c,) = _run(nlp, "The company claimed its trucks were delayed at the border.")
    assert _only(c, "alleged")["cue"] == "claimed"
    _, (c,) = _run(nlp, "The two men had allegedly stolen copper cable from the depot.")
    assert _only(c, "alleged")["cue"] == "allegedly"
    _, (c,) = _run(nlp, "The mayor was accused of taking bribes from developers.")
    assert _only(c, "alleged")["cue"] == "accused of"


def test_claimed_responsibility_and_negated_claim_are_not_alleged(nlp):
    _, (c,) = _run(nlp, "No group has claimed responsibility for the blast in Ostrava.")
    assert "alleged" not in _types(c)


def test_estimated(nlp):
    _, (c,) = _run(nlp, "Aid agencies estimate that 12,000 people lost their homes.")
    assert _only(c, "estimated")["cue"] == "estimate"
    _, (c,) = _run(nlp, "The storm destroyed an estimated 400 houses along the coast.")
    assert _only(c, "estimated")["cue"] == "an estimated"


def test_estimate_in_relative_clause_governing_the_figure_counts(nlp):
    text = "The floods caused damage that insurers estimate has cost more than $2 billion."
    _, (c,) = _run(nlp, text)
    assert "estimated" in _types(c)


def test_approximate_from_quantities(nlp):
    text = "About 300 workers joined the strike in Gdansk."
    q = _quantity("About 300", text, 0, "about", counted="workers")
    doc, (c,) = _run(nlp, text, quantities={0: [q]})
    h = _only(c, "approximate")
    assert h["cue"] == "About 300" and h["cue_span"] == [0, 9] and h["scope"] == "sentence"
    exact = _quantity("300", text, 0, "exact")
    _, (c,) = _run(nlp, text, quantities={0: [exact]})
    assert "approximate" not in _types(c)


def test_speculative(nlp):
    _, (c,) = _run(nlp, "The bridge may reopen to traffic next week.")
    assert _only(c, "speculative")["cue"] == "may"
    _, (c,) = _run(nlp, "The fire appears to have started in the kitchen of the hotel.")
    assert _only(c, "speculative")["cue"] == "appears to"
    _, (c,) = _run(nlp, "The suspect is believed to have fled to Porto.")
    assert _only(c, "speculative")["cue"] == "is believed to"
    _, (c,) = _run(nlp, "Most of the victims were apparently pilgrims from Kerala.")
    assert _only(c, "speculative")["cue"] == "apparently"


def test_could_not_is_inability_not_speculation(nlp):
    _, (c,) = _run(nlp, "The ministry could not say how many schools were closed.")
    assert "speculative" not in _types(c)


def test_conditional(nlp):
    doc, (c,) = _run(nlp, "The union will strike on Monday if the talks in Lyon fail.")
    assert {h["cue"] for h in c.hedges if h["type"] == "conditional"} == {"if", "will"}
    _, (c,) = _run(nlp, "Unless the rain stops, the harvest in Anjou would be lost.")
    assert "conditional" in _types(c)


def test_if_necessary_and_if_meaning_whether_are_not_conditions(nlp):
    _, (c,) = _run(nlp, "He has vowed to use force against the rebels in Tarn if necessary.")
    assert "conditional" not in _types(c)
    _, (c,) = _run(nlp, "Inspectors are checking if the dam at Kariba was damaged.")
    assert "conditional" not in _types(c)


def test_would_after_past_reporting_verb_is_future_in_past(nlp):
    _, (c,) = _run(nlp, "The bank said it would close 40 branches in Wales.")
    assert "conditional" not in _types(c)


def test_disputed(nlp):
    _, (c,) = _run(nlp, "The army denied that its soldiers fired on the crowd in Kasai.")
    assert _only(c, "disputed")["cue"] == "denied"
    _, (c,) = _run(nlp, "The villagers rejected them and blamed the mayor of Tulle.")
    assert "disputed" not in _types(c)


def test_verified_inline(nlp):
    doc, (c,) = _run(nlp, "Footage verified by the Guardian showed soldiers near the bridge in Kherson.")
    assert _only(c, "verified")["cue"] == "verified by the Guardian"
    _, (c,) = _run(nlp, "The paper located the strike by geolocating photos posted on Telegram.")
    assert _only(c, "verified")["cue"] == "geolocating"


# --------------------------------------------------------------------------- scope

def test_cue_in_relative_clause_does_not_hedge_the_claim(nlp):
    _, (c,) = _run(nlp, "The priest, who allegedly hid weapons, said the village in Kivu was attacked.")
    assert "alleged" not in _types(c)
    assert "alleged" in _clause_types(c)


def test_cue_in_participial_adjunct_does_not_hedge_the_claim(nlp):
    _, (c,) = _run(nlp, "The monitor reports militias crossed the river, suggesting outside groups may be involved.")
    assert not _types(c) & {"speculative"}
    assert "speculative" in _clause_types(c)


def test_attributive_cue_on_object_does_not_count(nlp):
    _, (c,) = _run(nlp, "The bishop condemned the alleged assault on the convent in Lodz.")
    assert "alleged" not in _types(c)
    assert "alleged" in _clause_types(c)


def test_did_not_respond_is_not_a_hedge(nlp):
    _, (c,) = _run(nlp, "The Interior Ministry did not respond to a request for comment.")
    assert c.hedges == []


# --------------------------------------------------------------------------- disclaimers

def test_unverified_reaches_back_to_casualty_claims(nlp):
    s0 = "Farmers in the valley said the harvest was poor."
    s1 = "The Ruritanian Red Cross said 212 people were killed in the floods."
    s2 = "Another 45 people are reported to have died in landslides near Tovar."
    s3 = "The Daily Courier has not been able to independently verify the death toll."
    text = f"{s0}\n{s1} {s2}\n{s3}"
    q1 = _quantity("212", s1, text.index(s1), "exact", predicate="kill", counted="people")
    q2 = _quantity("45", s2, text.index(s2), "exact", predicate="die", counted="people")
    doc, claims = _run(nlp, text, quantities={1: [q1], 2: [q2]},
                       attributions={1: {"source": "The Ruritanian Red Cross", "mode": "indirect"}})
    assert len(claims) == 4
    start = text.index(s3)
    for c in claims[1:3]:
        h = _only(c, "unverified")
        assert h["scope"] == "previous"
        assert h["from_sentence"] == [start, start + len(s3)]
        assert h["cue"] == "has not been able to independently verify"
        _check_slice(doc, c)
    assert "reported" in _types(claims[2])
    assert "unverified" not in _types(claims[0])
    # the disclaimer sentence does not carry its own disclaimer (docs/annotation.md 7)
    assert "unverified" not in _types(claims[3])


def test_unverified_accounts_reach_back_to_where_the_sources_began(nlp):
    lines = ["The mayor of Lisk opened a new school on Tuesday.",
             "Two farmers told the Herald that soldiers burned their barns in Lisk.",
             "One farmer said his cattle were shot. The soldiers then left, he added.",
             "The Herald was unable to independently confirm these accounts."]
    text = "\n".join(lines)
    attr = {"source": "farmers", "source_norm": "farmers", "mode": "indirect"}
    doc, claims = _run(nlp, text, attributions={1: attr, 2: attr, 3: {**attr, "mode": "inherited"}})
    assert len(claims) == 5
    covered = [i for i, c in enumerate(claims) if "unverified" in _types(c)]
    assert covered == [1, 2, 3]
    assert _only(claims[1], "unverified")["cue"] == "was unable to independently confirm"


def test_unverified_this_reaches_the_immediately_preceding_claim(nlp):
    text = ("Police in Arlon arrested three men on Friday. "
            "A fourth man was released on bail in Namur. The Gazette could not verify this.")
    _, claims = _run(nlp, text)
    assert [("unverified" in _types(c)) for c in claims] == [False, True, False]
    assert _only(claims[1], "unverified")["cue"] == "could not verify"


def test_disclaimer_about_something_not_claimed_reaches_nothing(nlp):
    text = ("Protesters gathered outside parliament in Riga on Monday.\n"
            "The agency was unable to determine how many officers were deployed.")
    _, claims = _run(nlp, text)
    assert all("unverified" not in _types(c) for c in claims)


def test_wh_clause_object_reaches_the_claim_mentioning_it(nlp):
    text = ("A Telegram channel with 90,000 subscribers posted maps of the Varna port. "
            "Its posts were shared widely. The Observer could not immediately determine who runs the channel.")
    _, claims = _run(nlp, text, kinds={1: "other"})
    assert "unverified" in _types(claims[0])
    assert "unverified" not in _types(claims[2])


@pytest.mark.parametrize("earlier, covered", [
    ("Regular European pricing will start at 71,350 euro with deliveries from spring.", False),
    ("US pricing will start at $78,770 with deliveries from spring.", True),
    ("Pricing will start at $78,770 with deliveries from spring.", True),
])
def test_a_mention_named_otherwise_is_another_thing(nlp, earlier, covered):
    text = f"{earlier} US pricing has not been confirmed at this stage."
    _, claims = _run(nlp, text)
    assert ("unverified" in _types(claims[0])) is covered


def test_positive_verification_reaches_following_footage_claims(nlp):
    lines = ["Militias entered the villages north of Hama on Sunday.",
             "The Tribune was able to verify footage of burned cars in those villages.",
             "One video posted on Monday showed a dozen cars on fire near a mosque in Hama. "
             "Another clip showed smoke over the market.",
             "The governor of Hama resigned on Wednesday."]
    text = "\n".join(lines)
    doc, claims = _run(nlp, text)
    start = text.index(lines[1])
    assert len(claims) == 5
    for c in claims[2:4]:
        h = _only(c, "verified")
        assert h["scope"] == "following" and h["from_sentence"] == [start, start + len(lines[1])]
        assert h["cue"] == "was able to verify"
        _check_slice(doc, c)
    assert "verified" not in _types(claims[0]) and "verified" not in _types(claims[4])


def test_reach_stops_at_a_removed_subheading(nlp):
    # a sub-heading the clean stage dropped is blanked in the analysis text
    text = ("Rebels said 30 soldiers were killed near Goma.\n"
            "FIGHTING SPREADS\n"
            "The Post has not been able to verify the figures.")
    segments = [Segment(0, text.index("\n")), Segment(text.rindex("\n") + 1, len(text))]
    cleaned = Cleaned(text=text, segments=segments)
    doc = nlp(make_doc(nlp, cleaned))
    sents = [[t for t in s if not t.is_space] for s in doc.sents]
    claims = [Claim(start=s[0].idx, end=s[-1].idx + len(s[-1].text), sentence_index=i, kind="statistic")
              for i, s in enumerate(x for x in sents if x)]
    assert len(claims) == 2
    claims[0].quantities = [{"text": "30", "span": [12, 14], "approx": "exact", "predicate": "kill"}]
    _hedge(doc, claims)
    assert "unverified" not in _types(claims[0])


@pytest.mark.parametrize("sentence", [
    "The Tribune could not immediately determine who owns the vessel.",
    "The Tribune was unable to determine the cause.",
])
def test_could_not_immediately_determine_is_not_speculative(nlp, sentence):
    _, claims = _run(nlp, sentence)
    assert all("speculative" not in _types(c) for c in claims)


def test_hedging_leaves_no_cached_text_on_the_doc(nlp):
    # the stage caches the document's text while it runs (spaCy rebuilds it on every
    # access); a note reaching back reads it, and the Doc is left as it was found
    text = "Floods killed 40 people in Velora on Monday, the agency said.\n" \
           "The toll could not be independently verified."
    doc, claims = _run(nlp, text)
    assert _only(claims[0], "unverified")["cue"] == "could not be independently verified"
    _check_slice(doc, claims[0])
    assert dict(doc.user_data) == {}
