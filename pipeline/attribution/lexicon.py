"""The attribution lexicons (``models/attribution/*.json``) as ready-to-use sets.

Loaded once per process; the data files are documented in
``models/attribution/README.md``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from ..resources import load_json


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, dict[str, Any]]
    participle_cues: frozenset[str]
    citation_participles: frozenset[str]
    outlet_only: frozenset[str]
    figure_verbs: frozenset[str]
    figure_nouns: frozenset[str]
    count_frames: frozenset[str]
    estimate_frames: frozenset[str]
    estimate_nouns: frozenset[str]
    level_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    transfer_verbs: frozenset[str]
    unsaid_verbs: frozenset[str]
    unsaid_objects: frozenset[str]
    passive_raising: frozenset[str]
    passive_agentless: frozenset[str]
    adverbs: frozenset[str]
    continuation_markers: tuple[str, ...]
    back_pronouns: frozenset[str]
    back_determiners: frozenset[str]
    inclusion_marks: frozenset[str]
    complement_marks: frozenset[str]
    tag_comma_verbs: frozenset[str]
    object_complement_preps: frozenset[str]
    event_nouns: frozenset[str]
    sequel_marks: frozenset[str]
    perception_verbs: frozenset[str]
    headline_tags: frozenset[str]
    placing_verbs: frozenset[str]
    settlement_nouns: frozenset[str]
    media_names: frozenset[str]
    media_heads: frozenset[str]
    masthead_words: frozenset[str]    # capitalised, as printed
    media_head_needs_modifier: dict[str, frozenset[str]]
    owned_media_modifiers: frozenset[str]
    document_heads: frozenset[str]
    government_heads: frozenset[str]
    office_heads: frozenset[str]
    government_name_words: tuple[str, ...]
    organization_heads: frozenset[str]
    anonymous_heads: frozenset[str]
    spokesperson_heads: frozenset[str]
    umbrella_bodies: frozenset[str]
    descriptor_heads: frozenset[str]
    drop_leading: frozenset[str]
    pronouns: dict[str, str]
    possessives: frozenset[str]
    country_anaphors: frozenset[str]
    name_joiners: frozenset[str]     # lower-case words inside a name: "Save the Children"
    non_source_heads: frozenset[str]
    staff_heads: frozenset[str]
    gender_words: dict[str, str]      # word -> "m" / "f"
    pronoun_gender: dict[str, str]


    @cached_property
    def bodies(self) -> frozenset[str]:
        """Nouns for a body: government, organisation or descriptive ("ministry", "group")."""
        return self.descriptor_heads | self.government_heads | self.organization_heads

    @cached_property
    def people_and_bodies(self) -> frozenset[str]:
        """Nouns for anyone who can give a figure: people, bodies and media."""
        return self.government_heads | self.organization_heads | self.anonymous_heads | self.media_heads


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = load_json("attribution", "cues.json")
    src = load_json("attribution", "sources.json")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return Lexicon(
        verbs=dict(cues["verbs"]),
        participle_cues=low(cues["participle_cues"]),
        citation_participles=low(cues["citation_participles"]),
        outlet_only=low(cues["outlet_only"]),
        figure_verbs=low(cues["figure_verbs"]),
        figure_nouns=low(cues["figure_nouns"]),
        count_frames=low(cues["count_frames"]),
        estimate_frames=low(cues["estimate_frames"]),
        estimate_nouns=low(cues["estimate_nouns"]),
        level_verbs=low(cues["level_verbs"]),
        belief_verbs=low(cues["belief_verbs"]),
        transfer_verbs=low(cues["transfer_verbs"]),
        unsaid_verbs=low(cues["unsaid_verbs"]),
        unsaid_objects=low(cues["unsaid_objects"]),
        passive_raising=low(cues["passive_raising"]),
        passive_agentless=low(cues["passive_agentless"]),
        adverbs=low(cues["adverbs"]),
        continuation_markers=tuple(x.lower() for x in cues["continuation_markers"]),
        back_pronouns=low(cues["back_pronouns"]),
        back_determiners=low(cues["back_determiners"]),
        inclusion_marks=low(cues["inclusion_marks"]),
        complement_marks=low(cues["complement_marks"]),
        tag_comma_verbs=low(cues["tag_comma_verbs"]),
        object_complement_preps=low(cues["object_complement_preps"]),
        event_nouns=low(cues["event_nouns"]),
        sequel_marks=low(cues["sequel_marks"]),
        perception_verbs=low(cues["perception_verbs"]),
        headline_tags=low(cues["headline_tags"]),
        placing_verbs=low(cues["placing_verbs"]),
        settlement_nouns=low(cues["settlement_nouns"]),
        media_names=low(src["media_names"]),
        media_heads=low(src["media_heads"]),
        masthead_words=frozenset(src["masthead_words"]),
        media_head_needs_modifier={k.lower(): low(v) for k, v in src["media_head_needs_modifier"].items()},
        owned_media_modifiers=low(src["owned_media_modifiers"]),
        document_heads=low(src["document_heads"]),
        government_heads=low(src["government_heads"]),
        office_heads=low(src["office_heads"]),
        government_name_words=tuple(x.lower() for x in src["government_name_words"]),
        organization_heads=low(src["organization_heads"]),
        anonymous_heads=low(src["anonymous_heads"]),
        spokesperson_heads=low(src["spokesperson_heads"]),
        umbrella_bodies=low(src["umbrella_bodies"]),
        descriptor_heads=low(src["descriptor_heads"]),
        drop_leading=low(src["drop_leading"]),
        pronouns={k.lower(): v for k, v in src["pronouns"].items()},
        possessives=low(src["possessives"]),
        country_anaphors=low(src["country_anaphors"]),
        name_joiners=low(src["name_joiners"]),
        non_source_heads=low(src["non_source_heads"]),
        staff_heads=low(src["staff_heads"]),
        gender_words={w.lower(): g for g, words in src["gender_words"].items() for w in words},
        pronoun_gender={k.lower(): v for k, v in src["pronoun_gender"].items()},
    )
