"""The hedge data (``models/hedging/*.json``) as ready-to-use sets and maps."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..resources import load_json


def _table(section: dict[str, Any]) -> dict[str, str]:
    """A ``word -> type`` section without its ``_doc`` keys."""
    return {k: v for k, v in section.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Lexicon:
    modal: dict[str, str]
    modal_negation_cancels: frozenset[str]
    refusal_verbs: frozenset[str]
    doxastic_object_ok: frozenset[str]
    passive_needs_complement: frozenset[str]
    future_in_past_modals: frozenset[str]
    adverb: dict[str, str]
    raising: dict[str, str]
    passive_raising: dict[str, str]
    bare_participle_types: frozenset[str]
    doxastic: dict[str, str]
    speech_hedge: dict[str, str]
    report_nouns: frozenset[str]
    report_verbs: frozenset[str]
    accuse: dict[str, frozenset[str]]
    predicate_adjective: dict[str, str]
    attributive: dict[str, str]
    attributive_any_argument: frozenset[str]
    temporal_conditions: frozenset[str]
    nouns: dict[str, str]
    cond_marks: frozenset[str]
    cond_sequences: tuple[tuple[str, ...], ...]
    consequent_modals: frozenset[str]
    investigation: bool
    investigation_type: str
    investigation_marks: frozenset[str]
    dispute_verbs: frozenset[str]
    dispute_objects: frozenset[str]
    verify_inline: frozenset[str]
    verify_methods: frozenset[str]
    verify_needs_agent: frozenset[str]
    # disclaimers.json
    disclaimer_verbs: frozenset[str]
    negative_words: frozenset[str]
    ability_words: frozenset[str]
    impersonal_heads: frozenset[str]
    nominal_nouns: frozenset[str]
    nominal_predicates: frozenset[str]
    verdict_adjectives: frozenset[str]
    unchecked_adjectives: frozenset[str]
    verdict_comparatives: frozenset[str]
    outlet_labels: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_excluded_labels: frozenset[str]
    whether_heads: frozenset[str]
    self_hedge: bool
    dispute_reach_back: bool
    dispute_pointers: frozenset[str]
    background_marks: frozenset[str]
    noun_frame_preps: frozenset[str]
    # targets.json
    object_class: dict[str, str]
    class_lemmas: dict[str, frozenset[str]]
    max_heading_words: int
    min_blank_run: int
    start_paragraphs_back: int
    entry_stamp_chars: tuple[int, int]
    note_quantifiers: frozenset[str]
    # cues.json, later additions (defaults keep hand-built lexicons valid)
    future_in_past_deps: frozenset[str] = frozenset()
    future_in_past_parataxis: frozenset[str] = frozenset()
    deal_frame_preps: frozenset[str] = frozenset()
    deal_frame_nouns: frozenset[str] = frozenset()
    neg_raising: frozenset[str] = frozenset()
    investigation_heads: frozenset[str] = frozenset()
    open_question_verbs: frozenset[str] = frozenset()
    open_question_heads: frozenset[str] = frozenset()
    open_question_be_needs: frozenset[str] = frozenset()
    doxastic_clause_only: frozenset[str] = frozenset()
    appearance_like: dict[str, str] = field(default_factory=dict)
    regard_as: dict[str, str] = field(default_factory=dict)
    content_nouns: dict[str, str] = field(default_factory=dict)
    superlative_cancels: frozenset[str] = frozenset()
    prospective_adjectives: frozenset[str] = frozenset()
    prospective_nouns: frozenset[str] = frozenset()
    comparative_marks: frozenset[str] = frozenset()
    report_source_preps: frozenset[str] = frozenset()
    note_wide_words: frozenset[str] = frozenset()
    note_dual_words: frozenset[str] = frozenset()
    note_containers: frozenset[str] = frozenset()
    note_pronouns: frozenset[str] = frozenset()
    unsourced: dict = field(default_factory=dict)
    dispute_nouns: frozenset[str] = frozenset()
    dispute_noun_preps: frozenset[str] = frozenset()
    dispute_before: tuple[str, ...] = ()
    dispute_after: tuple[str, ...] = ()
    dispute_window: int = 0
    disagree_verbs: frozenset[str] = frozenset()
    elaboration_marks: frozenset[str] = frozenset()
    acceptance_verbs: frozenset[str] = frozenset()
    speech_object_verbs: frozenset[str] = frozenset()
    speech_object_not: frozenset[str] = frozenset()
    pending_words: frozenset[str] = frozenset()
    open_agents: frozenset[str] = frozenset()
    charge_verbs: frozenset[str] = frozenset()
    charge_blockers: frozenset[str] = frozenset()
    attributive_figure_only: frozenset[str] = frozenset()
    note_place_nouns: frozenset[str] = frozenset()
    ability_modals: frozenset[str] = frozenset()
    ability_verbs: frozenset[str] = frozenset()
    report_framing: frozenset[str] = frozenset()
    growth_verbs: frozenset[str] = frozenset()
    giver_participles: frozenset[str] = frozenset()


def _disclaimer_fields(disc: dict) -> dict:
    """The :class:`Lexicon` fields read from ``disclaimers.json`` (but ``unsourced``)."""
    return dict(
        disclaimer_verbs=frozenset(disc["verbs"]),
        negative_words=frozenset(disc["negative_words"]),
        ability_words=frozenset(disc["ability_words"]),
        impersonal_heads=frozenset(disc["impersonal_heads"]),
        nominal_nouns=frozenset(disc["nominal"]["nouns"]),
        nominal_predicates=frozenset(disc["nominal"]["predicates"]),
        verdict_adjectives=frozenset(disc["verdict"]["adjectives"]),
        unchecked_adjectives=frozenset(disc.get("unchecked", {}).get("adjectives", ())),
        verdict_comparatives=frozenset(disc["verdict"]["comparatives"]),
        outlet_labels=frozenset(disc["outlet_subject"]["entity_labels"]),
        outlet_nouns=frozenset(disc["outlet_subject"]["nouns"]),
        outlet_excluded_labels=frozenset(disc["outlet_subject"]["proper_noun_excluded_labels"]),
        self_hedge=bool(disc["self_hedge"]),
        dispute_reach_back=bool(disc["dispute_reach_back"]),
        dispute_pointers=frozenset(disc["dispute_pointers"]),
        acceptance_verbs=frozenset(disc.get("acceptance_verbs", ())),
        pending_words=frozenset(disc.get("pending_words", ())),
        open_agents=frozenset(disc.get("open_agents", ())),
        charge_verbs=frozenset(disc.get("charge", {}).get("verbs", ())),
        charge_blockers=frozenset(disc.get("charge", {}).get("blockers", ())),
    )


def _cue_scope_fields(cues: dict) -> dict:
    """The :class:`Lexicon` fields of the cue-scope rules (``cues.json``: ability modals,
    "according to" framing, growth verbs, giver participles)."""
    return dict(
        report_framing=frozenset(cues["report_nouns"].get("framing", ())),
        ability_modals=frozenset(cues.get("ability_modals", {}).get("modals", ())),
        ability_verbs=frozenset(cues.get("ability_modals", {}).get("verbs", ())),
        growth_verbs=frozenset(cues.get("growth_verbs", {}).get("verbs", ())),
        giver_participles=frozenset(cues.get("giver_participles", {}).get("verbs", ())),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = load_json("hedging", "cues.json")
    disc = load_json("hedging", "disclaimers.json")
    tgt = load_json("hedging", "targets.json")
    classes = tgt["classes"]
    inv = cues["investigation"]
    ver, dispute = cues["verification_inline"], cues["dispute"]
    bounds = tgt["boundaries"]
    return Lexicon(
        **_disclaimer_fields(disc), **_cue_scope_fields(cues),
        modal=_table(cues["modal"]),
        modal_negation_cancels=frozenset(cues["modal_negation_cancels"]),
        refusal_verbs=frozenset(cues["refusal_verbs"]),
        doxastic_object_ok=frozenset(cues["doxastic_object_ok"]),
        passive_needs_complement=frozenset(cues["passive_needs_complement"]),
        future_in_past_modals=frozenset(cues["future_in_past_modals"]),
        adverb=_table(cues["adverb"]),
        raising=_table(cues["raising"]),
        passive_raising=_table(cues["passive_raising"]),
        bare_participle_types=frozenset(cues["bare_participle_types"]),
        doxastic=_table(cues["doxastic"]),
        speech_hedge=_table(cues["speech_hedge"]),
        report_nouns=frozenset(cues["report_nouns"]["nouns"]),
        report_verbs=frozenset(cues["report_nouns"]["verbs"]),
        accuse={k: frozenset(v) for k, v in _table(cues["accuse"]).items()},
        predicate_adjective=_table(cues["predicate_adjective"]),
        attributive=_table(cues["attributive"]),
        attributive_any_argument=frozenset(cues["attributive_any_argument"]),
        attributive_figure_only=frozenset(cues.get("attributive_figure_only", ())),
        temporal_conditions=frozenset(cues["conditional"]["temporal_conditions"]),
        nouns=_table(cues["nouns"]),
        cond_marks=frozenset(cues["conditional"]["marks"]),
        cond_sequences=tuple(tuple(s) for s in cues["conditional"]["sequences"]),
        consequent_modals=frozenset(cues["conditional"]["consequent_modals"]),
        investigation=bool(inv["enabled"]),
        investigation_type=inv["type"],
        investigation_marks=frozenset(inv["marks"]),
        dispute_verbs=frozenset(cues["dispute"]["verbs"]),
        dispute_objects=frozenset(cues["dispute"]["objects"]),
        dispute_nouns=frozenset(cues["dispute"]["nouns"]),
        dispute_noun_preps=frozenset(cues["dispute"]["noun_preps"]),
        dispute_before=tuple(dispute["phrases_before"]), dispute_after=tuple(dispute["verdicts_after"]),
        dispute_window=int(dispute["window_words"]),
        disagree_verbs=frozenset(dispute.get("disagree_verbs", ())),
        elaboration_marks=frozenset(dispute.get("elaboration_marks", ())),
        speech_object_verbs=frozenset(cues["speech_hedge_objects"]["verbs"]),
        speech_object_not=frozenset(cues["speech_hedge_objects"]["not_heads"]),
        verify_inline=frozenset(ver["verbs"]),
        verify_methods=frozenset(ver["method_words"]),
        verify_needs_agent=frozenset(ver["needs_agent_or_negation"]),
        whether_heads=frozenset(cues["conditional"]["whether_heads"]),
        background_marks=frozenset(cues["background_marks"]),
        noun_frame_preps=frozenset(cues.get("noun_frame_preps", ())),
        object_class=_table(tgt["objects"]),
        class_lemmas={name: frozenset(spec.get("lemmas", ()) or spec.get("reporting_lemmas", ())
                                      or spec.get("kinds", ()))
                      for name, spec in classes.items()},
        max_heading_words=int(bounds["max_heading_words"]),
        min_blank_run=int(bounds["min_blank_run"]),
        start_paragraphs_back=int(bounds["start_paragraphs_back"]),
        entry_stamp_chars=tuple(bounds.get("entry_stamp_chars", (1, 0))),
        note_quantifiers=frozenset(tgt["note_quantifiers"]),
        future_in_past_deps=frozenset(cues["future_in_past"]["clause_deps"]),
        future_in_past_parataxis=frozenset(cues["future_in_past"]["parataxis_verbs"]),
        deal_frame_preps=frozenset(cues["deal_frames"]["prepositions"]),
        deal_frame_nouns=frozenset(cues["deal_frames"]["nouns"]),
        neg_raising=frozenset(cues["neg_raising"]),
        investigation_heads=frozenset(inv["heads"]),
        open_question_verbs=frozenset(inv["open_question"]["verbs"]),
        open_question_heads=frozenset(inv["open_question"]["heads"]),
        open_question_be_needs=frozenset(inv["open_question"]["be_needs"]),
        doxastic_clause_only=frozenset(cues["doxastic_clause_only"]),
        appearance_like=_table(cues["appearance_like"]),
        regard_as=_table(cues["regard_as"]),
        content_nouns=_table(cues["content_nouns"]),
        superlative_cancels=frozenset(cues["superlative_cancels"]),
        prospective_adjectives=frozenset(cues["prospective"]["adjectives"]),
        prospective_nouns=frozenset(cues["prospective"]["nouns"]),
        comparative_marks=frozenset(cues["comparative_marks"]["marks"]),
        report_source_preps=frozenset(cues["report_nouns"]["source_preps"]),
        note_wide_words=frozenset(tgt.get("note_wide_words", ())),
        note_dual_words=frozenset(tgt.get("note_dual_words", ())),
        note_containers=frozenset(tgt.get("note_containers", ())),
        note_pronouns=frozenset(tgt.get("note_pronouns", ())),
        note_place_nouns=frozenset(tgt.get("note_place_nouns", ())),
        unsourced={k: v if isinstance(v, str) else frozenset(v)
                   for k, v in disc.get("unsourced", {}).items() if not k.startswith("_")},
    )
