"""Hedge stage: the finer syntactic rules (modal readings, conditions, inquiry, negation).

Every sentence here is invented (none is from the corpus or from the Szeged
Uncertainty Corpus). Helpers come from ``tests/test_hedge.py``.
"""
from __future__ import annotations

import pytest

from .test_hedge import _clause_types, _run, _types


def _cues(claim, type_: str, scope: str | None = None) -> list[str]:
    """Cue texts of the claim's hedges of ``type_`` (any scope unless given), in order."""
    return [h["cue"] for h in claim.hedges if h["type"] == type_ and (scope is None or h["scope"] == scope)]


def _all_cues(claim) -> set[str]:
    return {h["cue"] for h in claim.hedges}


# --------------------------------------------------------------------------- would

@pytest.mark.parametrize("sentence", [
    "Critics argued that the new toll would push lorries onto village roads.",
    "The minister assured farmers that the subsidy would not be cut.",
    "The council, she said, would publish the audit in March.",
    "The firm raised its bid for Norvale, which would give it control of the port.",
    "Walkers did not come away with any hope that the footpath would reopen.",
])
def test_would_in_the_past_is_future_in_past(nlp, sentence):
    _, (c,) = _run(nlp, sentence)
    assert "would" not in _all_cues(c), c.hedges


def test_would_under_a_present_tense_verb_stays_hypothetical(nlp):
    _, (c,) = _run(nlp, "The union says the closure would cost four hundred jobs in Ghent.")
    assert _cues(c, "conditional") == ["would"]
    # a relative clause in a present-tense sentence keeps the hypothetical reading too
    _, (c,) = _run(nlp, "The city is studying a tunnel that would link the two harbours.")
    assert _cues(c, "conditional", "clause") == ["would"]


def test_would_with_its_own_condition_counts_even_in_the_past(nlp):
    _, (c,) = _run(nlp, "The mayor said the bridge would close if the river kept rising.")
    assert set(_cues(c, "conditional")) == {"would", "if"}


@pytest.mark.parametrize("sentence", [
    "Under the plan, bondholders would receive 40 cents on the dollar.",
    "Under the revised terms, each shareholder would get one new share and would keep the dividend.",
])
def test_would_stating_the_terms_of_an_arrangement_is_not_a_hedge(nlp, sentence):
    _, (c,) = _run(nlp, sentence)
    assert "would" not in _all_cues(c), c.hedges


def test_would_without_a_deal_frame_is_a_hedge(nlp):
    _, (c,) = _run(nlp, "Without the grant, the museum would close its east wing.")
    assert _cues(c, "conditional") == ["would"]


# --------------------------------------------------------------------------- until

@pytest.mark.parametrize("sentence, modal", [
    ("The embargo will stay in place until the regime frees the prisoners.", "will"),
    ("The ferry service would remain suspended until the harbour wall is repaired.", "would"),
])
def test_until_with_an_unrealised_event_is_a_condition_with_its_consequent(nlp, sentence, modal):
    _, (c,) = _run(nlp, sentence)
    assert set(_cues(c, "conditional")) == {"until", modal}


def test_until_a_present_tense_clause_without_a_modal_is_a_condition(nlp):
    _, (c,) = _run(nlp, "The rebels keep the road closed until the army leaves the valley.")
    assert _cues(c, "conditional") == ["until"]


@pytest.mark.parametrize("sentence", [
    "The museum stayed closed until the storm ended.",
    "She ran the clinic in Tamale until 2004.",
])
def test_until_as_a_time_is_not_a_condition(nlp, sentence):
    _, (c,) = _run(nlp, sentence)
    assert "conditional" not in _types(c) | _clause_types(c)


# --------------------------------------------------------------------------- negated belief

@pytest.mark.parametrize("sentence, cue", [
    ("I don't think the ferry operator can survive another winter.", "think"),
    ("Analysts do not expect the central bank to cut rates in May.", "expect"),
])
def test_negated_neg_raising_verbs_still_hedge(nlp, sentence, cue):
    _, (c,) = _run(nlp, sentence)
    assert _cues(c, "speculative") == [cue]


def test_negated_non_neg_raising_verb_and_negative_subject_do_not_hedge(nlp):
    _, (c,) = _run(nlp, "Nobody believes the dam will hold.")
    assert "speculative" not in _types(c)
    _, (c,) = _run(nlp, "The inspectors do not doubt that the records were altered.")
    assert "speculative" not in _types(c)


# --------------------------------------------------------------------------- inquiry

def test_verb_of_inquiry_with_a_whether_clause_is_a_cue(nlp):
    _, (c,) = _run(nlp, "Police are investigating whether the warehouse fire was set deliberately.")
    assert set(_cues(c, "speculative")) == {"investigating", "whether"}
    _, (c,) = _run(nlp, "Engineers will examine if the cracks in the dam have widened.")
    assert _cues(c, "speculative") == ["examine"]
    assert "conditional" not in _types(c)


def test_verb_of_inquiry_with_a_wh_clause_is_not_a_cue(nlp):
    _, (c,) = _run(nlp, "A panel will investigate who ordered the demolition of the chapel.")
    assert "speculative" not in _types(c) | _clause_types(c)


def test_remains_to_be_seen(nlp):
    _, (c,) = _run(nlp, "It remains to be seen whether the ceasefire in Idlib will hold.")
    assert set(_cues(c, "speculative")) == {"remains to be seen", "whether"}
    _, (c,) = _run(nlp, "Whether the vaccine works in children is yet to be seen.")
    assert "yet to be seen" in _cues(c, "speculative")


def test_to_be_seen_as_a_plain_passive_is_not_a_cue(nlp):
    _, (c,) = _run(nlp, "The restored fresco is to be seen in the north chapel.")
    assert "speculative" not in _types(c) | _clause_types(c)


# --------------------------------------------------------------------------- opinion and appearance

def test_agentless_seen_as_is_speculative_but_active_or_agent_is_not(nlp):
    _, (c,) = _run(nlp, "The merger was seen as inevitable after the court ruling.")
    assert _cues(c, "speculative") == ["was seen"]
    _, (c,) = _run(nlp, "The villagers see the new dam as a threat to their orchards.")
    assert "speculative" not in _types(c)
    _, (c,) = _run(nlp, "The merger was seen as inevitable by most traders in Oslo.")
    assert "speculative" not in _types(c)


def test_looks_like_is_speculative(nlp):
    _, (c,) = _run(nlp, "It looks like the ferry company will cancel the winter timetable.")
    assert _cues(c, "speculative") == ["looks like"]


def test_consider_with_a_clause_but_not_with_a_gerund(nlp):
    _, (c,) = _run(nlp, "The regulator considers the tariff excessive for rural users.")
    assert _cues(c, "speculative") == ["considers"]
    _, (c,) = _run(nlp, "The club might consider selling its stadium in Leeds.")
    assert "considers" not in _all_cues(c) and "consider" not in _all_cues(c)


def test_seem_with_an_adjective_predicate(nlp):
    _, (c,) = _run(nlp, "Several donors have pledged money, but others seem reluctant to commit.")
    assert "seem" in _cues(c, "speculative")


# --------------------------------------------------------------------------- nouns

@pytest.mark.parametrize("sentence, cue", [
    ("Traders sold on fears that the central bank may raise rates.", "fears"),
    ("The ruling rests on the assumption that tenants read their contracts.", "assumption"),
])
def test_belief_noun_with_a_that_clause_is_a_cue(nlp, sentence, cue):
    _, (c,) = _run(nlp, sentence)
    assert cue in _cues(c, "speculative")


def test_belief_noun_without_a_that_clause_is_not_a_cue(nlp):
    _, (c,) = _run(nlp, "Traders sold shares on concerns about the harvest in Brazil.")
    assert "speculative" not in _types(c) | _clause_types(c)


def test_accusations_are_alleged(nlp):
    _, (c,) = _run(nlp, "The mayor rejected accusations of bribery from the opposition.")
    assert _cues(c, "alleged") == ["accusations"]


def test_unknown_as_predicate_is_speculative(nlp):
    _, (c,) = _run(nlp, "It is unknown whether the tanker was carrying crude oil.")
    assert "unknown" in _cues(c, "speculative")


def test_superlative_possible_and_prospective_roles_are_not_cues(nlp):
    _, (c,) = _run(nlp, "The court demanded the strictest possible sentence for the smugglers.")
    assert "possible" not in _all_cues(c)
    _, (c,) = _run(nlp, "The club has held talks with potential buyers in Qatar.")
    assert "potential" not in _all_cues(c)
    _, (c,) = _run(nlp, "The agency warned of a potential collapse of the pension fund.")
    assert "potential" in _cues(c, "speculative")


# --------------------------------------------------------------------------- non-hedges

def test_than_expected_is_not_a_cue(nlp):
    _, (c,) = _run(nlp, "Exports grew faster than expected in the second quarter.")
    assert "speculative" not in _types(c) | _clause_types(c)


def test_if_not_between_numbers_is_not_a_condition(nlp):
    _, (c,) = _run(nlp, "The fire destroyed dozens if not hundreds of homes in the valley.")
    assert "conditional" not in _types(c) | _clause_types(c)


def test_reports_with_a_named_source_are_attribution(nlp):
    _, (c,) = _run(nlp, "Reports attributed to the port authority said two cranes collapsed.")
    assert "reported" not in _types(c)
    _, (c,) = _run(nlp, "Reports say two cranes collapsed at the port.")
    assert "reported" in _types(c)


def test_negative_subject_makes_could_inability(nlp):
    _, (c,) = _run(nlp, "Neither the owner nor his lawyer could be reached for comment.")
    assert "speculative" not in _types(c)



# --------------------------------------------------------------------------- rules of the table without a test above

@pytest.mark.parametrize("sentence, expected", [
    # a refused "would" is no hedge; a plain one is
    ("The spokesman would not comment on the talks with the union.", []),
    ("The council would comment on the plan in May.", [("conditional", "would")]),
    # "it was said" needs a raised infinitive
    ("It was said that the mayor had resigned before the vote.", []),
    ("The mayor was said to have resigned before the vote.", [("reported", "was said to")]),
    # a multi-word condition marker
    ("Rates will fall, assuming that inflation keeps slowing.", [("conditional", "assuming that")]),
    ("According to estimates, 300 houses were destroyed in the valley.", [("estimated", "estimates")]),
    # a predicate adjective, an attributive one on the subject
    ("The ferry is likely to be cancelled on Friday.", [("speculative", "likely")]),
    ("An alleged smuggler was arrested at the port of Bari.", [("alleged", "alleged")]),
    # negated inline verification; an active verb is no verification cue
    ("The footage has not been verified by the Guardian.", [("unverified", "verified by the Guardian")]),
    ("Police verified the footage from the square.", []),
])
def test_sentence_scope_cues(nlp, sentence, expected):
    _, (c,) = _run(nlp, sentence)
    assert [(h["type"], h["cue"]) for h in c.hedges if h["scope"] == "sentence"] == expected
