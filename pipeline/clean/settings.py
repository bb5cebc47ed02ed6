"""Settings of the clean stage: :class:`CleanSettings`, its thresholds documented where
they are used (:mod:`.zones`, :mod:`.boundary`, :mod:`.html`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanSettings:
    """Knobs of the clean stage (all have defaults that suit news pages)."""
    keep_all: bool = False          # keep every line: no removal at all
    html_favor: str = "balanced"    # trafilatura: "precision", "recall" or "balanced"
    html_include_tables: bool = False
    # Off-topic tail (the decision rule is in :func:`.boundary._off_topic`'s and
    # :func:`.boundary._unmarked_boundary`'s docstrings; a heuristic, measured by ``make eval``).
    #: Unmarked appended stories: cut at the best paragraph boundary whose
    #: boundary score (:func:`.boundary._unmarked_boundary`) reaches this; ``0`` turns the
    #: unmarked cut off (only marker lines then start a tail).
    boundary_threshold: float = 3.0
    #: Characters of substantial paragraphs read on each side of a candidate boundary.
    boundary_window_chars: int = 2000
    #: No boundary before this many characters of body (the article's own lead).
    boundary_lead_chars: int = 300
    #: A cut leaves at least this many characters after the boundary (a single
    #: late background paragraph is not an appended story).
    boundary_min_tail_chars: int = 400
    #: The text after a boundary must be a story of its own: the mean overlap of
    #: its paragraphs with each other (``s_a`` below) at least this; varied
    #: paragraphs that share nothing (an interview's asides) are not.
    boundary_min_cohesion: float = 0.1
    #: An after side of one paragraph coheres with its head (a headline over it) only
    #: when at most this weighted share of the head's tokens is the article's: an
    #: appended story's headline names other things, an article's sub-heading its own.
    boundary_head_shared_max: float = 0.2
    #: Weight of the before-side ratio in the score (the after side gets 1 - this).
    boundary_before_weight: float = 0.6
    #: Additive smoothing of the cohesion ratios (overlaps are shares in [0, 1]).
    boundary_smoothing: float = 0.02
    #: After the first boundary that reaches the threshold, the best-scoring one
    #: within this many characters is taken (an article's last odd paragraph,
    #: e.g. a disclaimer, scores just below the real start of the next story).
    boundary_group_chars: int = 1200
    #: The cut moves on to a candidate that opens with a head of its own (an appended
    #: story's headline) at most this many characters after it (the article's last short
    #: paragraph is no story start): :func:`.boundary._pick_boundary`.
    boundary_snap_chars: int = 400
    #: Document-relative cutoff (as TextTiling's): a boundary must also score at
    #: least ``boundary_relative`` x the ``boundary_relative_quantile`` quantile of
    #: all the document's candidate scores, so that a list-like article whose
    #: every transition is weak (a gift guide, a deals roundup) needs a stronger
    #: one. A low quantile keeps a list-like story appended *after* an ordinary
    #: article from raising the bar.
    boundary_relative: float = 2.5
    boundary_relative_quantile: float = 0.25
    #: Weighted share of a paragraph's content tokens found in the article
    #: (:func:`.boundary._sim`) below which the marker logic's reference level never falls.
    off_topic_threshold: float = 0.15
    #: After a marker-led tail, a paragraph must reach this overlap to count as the
    #: article again (a tail stays a tail).
    resume_threshold: float = 0.6
    #: After a marker line (related stories, comments, a time stamp), the text up to
    #: the next marker (at most ``marker_window_chars`` of substantial paragraphs)
    #: is still article if its mean overlap reaches this fraction of the level
    #: (``html_marker_resume`` for text that trafilatura reduced to the main content).
    marker_resume: float = 0.7
    html_marker_resume: float = 0.5
    marker_window_chars: int = 1000
    #: Below this many accepted article chars (lead included) the reference word
    #: list is small and matches less of any paragraph: the threshold is scaled
    #: down by ``accepted / mature_chars``.
    mature_chars: int = 1500
    #: Paragraphs shorter than this (chars) never decide: they follow their neighbours.
    min_paragraph_chars: int = 80
    #: Characters of body used as the lead (besides headline and key points).
    lead_chars: int = 600
    #: Longest line (in words) that can be a sub-heading.
    heading_max_words: int = 10
    #: Hard-wrapped copy (:mod:`.wrap`): line breaks inside a paragraph after a line
    #: of at least ``wrap_min_width`` characters are read; the text is wrapped at a
    #: width ``W`` when at least ``wrap_min_breaks`` of them, and a share
    #: ``wrap_min_share``, come after a line within ``wrap_band`` characters under ``W``,
    #: and a share ``wrap_min_lower`` of those go on with a lower-case word.
    wrap_min_width: int = 40
    wrap_band: int = 12
    wrap_min_breaks: int = 3
    wrap_min_share: float = 0.5
    wrap_min_lower: float = 0.4
    #: Drop the leading dateline ("LONDON (Reuters) - ") of the first body paragraph
    #: as ``metadata:dateline`` (text input; ``html_strip_dateline`` for
    #: ``source_format="html"``).
    strip_dateline: bool = True
    html_strip_dateline: bool = False
    #: Remove photo captions, credit lines and embedded posts (:mod:`.furniture`) from text
    #: input; ``html_strip_furniture`` for ``source_format="html"``: trafilatura already
    #: drops most, and on the ScrapingHub benchmark, whose gold keeps some captions and
    #: embeds in the body, the rules lowered shingle F1 (0.960 -> 0.956).
    strip_furniture: bool = True
    html_strip_furniture: bool = False
    #: Token weights of the overlap (:func:`.boundary._features`): capitalised / numeric
    #: tokens weigh ``entity_weight`` x rarity; rarity = ``rarity_ceiling - zipf``
    #: (general-English frequency, wordfreq) clipped to [``rarity_floor``,
    #: ``rarity_cap``]; ``rarity_ceiling = 0`` switches rarity off.
    entity_weight: float = 2.0
    rarity_ceiling: float = 6.5
    rarity_floor: float = 0.2
    rarity_cap: float = 4.0


_DEFAULT = CleanSettings()
