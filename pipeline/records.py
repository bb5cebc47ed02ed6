"""Plain data types that flow between the stages.

Every offset is a ``[start, end)`` character offset into the document's ``text``
(the full decoded input; for HTML, the text trafilatura extracted). The analysis
Doc that spaCy parses has exactly the same length as ``text`` (removed characters
are blanked, not deleted), so spaCy's ``token.idx`` and ``span.start_char`` are
already offsets into ``text``: no offset map is needed anywhere.

The output records (``documents.jsonl``, ``claims.jsonl``) are plain dicts built by
:mod:`pipeline.emit`; their contract is ``docs/schema.md`` and
``pipeline/schema/*.schema.json``. The ``TypedDict`` classes below document the
sub-records the stages produce.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypedDict

SECTIONS = ("headline", "key_points", "heading", "body")
#: ``heading``: a sub-heading or kicker inside the article: kept (it is article
#: text) and recorded, but never a claim.
Section = Literal["headline", "key_points", "heading", "body"]
CLAIM_KINDS = ("statistic", "quote", "statement", "event", "other")
HEDGE_TYPES = ("unverified", "verified", "reported", "alleged", "estimated",
               "approximate", "speculative", "conditional", "disputed", "unsourced", "revised")
#: a hedge type that sets another flag too: a figure whose giver named no source
#: ("The channel did not cite a source") is also unverified (schema 1.4)
IMPLIED = {"unsourced": "unverified"}


def is_span_key(key: object) -> bool:
    """Does this record key hold a ``[start, end)`` span? (``span``, ``*_span``,
    ``from_sentence``: the contract's naming rule, used to shift and to check spans.)"""
    return isinstance(key, str) and (key == "span" or key.endswith("_span") or key == "from_sentence")


@dataclass
class RawDocument:
    """One input item as read by :mod:`pipeline.ingest`.

    Exactly one of ``text`` / ``html`` is set, unless ``error`` is set (then the
    document could not be read and goes straight to the output with its error).
    ``removed`` records what reading took out of the input before ``text`` / ``html``
    existed (stray NUL bytes): zero-width removals at the position they were taken from.
    """
    doc_id: str
    path: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    encoding: str | None = None
    error: dict | None = None
    removed: list["Removal"] = field(default_factory=list)


@dataclass
class Removal:
    """A range of ``text`` that is not article body, and why (e.g. ``boilerplate:timestamp``)."""
    start: int
    end: int
    reason: str
    preview: str


@dataclass
class Segment:
    """A kept block (a line or paragraph) of the article, with its section."""
    start: int
    end: int
    section: Section = "body"


@dataclass
class Cleaned:
    """What the clean stage decided for one document.

    Invariant: every non-whitespace character of ``text`` lies in exactly one kept
    segment or one removal. ``kept`` is derived from ``segments`` (sorted, merged).
    """
    text: str
    segments: list[Segment] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    tags: list[str] = field(default_factory=list)
    #: the dateline opening the body: ``{"text", "span", "place", "agency"}`` (docs/schema.md)
    dateline: dict | None = None

    @property
    def kept(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in sorted(self.segments, key=lambda s: s.start)]


class Quantity(TypedDict, total=False):
    text: str
    span: list[int]
    value: float | None
    low: float | None
    high: float | None
    approx: str
    kind: str
    unit: str | None
    currency: str | None
    iso: str | None
    counted: str | None
    counted_span: list[int] | None
    predicate: str | None


class DateRef(TypedDict):
    text: str
    span: list[int]
    value: str | None
    grain: str


class Entity(TypedDict):
    text: str
    span: list[int]
    label: str
    norm: str
    entity_id: str


class Attribution(TypedDict, total=False):
    source: str | None
    source_span: list[int] | None
    source_norm: str | None
    source_type: str | None
    cue: str | None
    cue_span: list[int] | None
    mode: str
    addressee: str | None
    via: str | None
    source_id: str | None
    content: str | None
    content_span: list[int] | None
    score: float  # other_attributions only


class Hedge(TypedDict):
    type: str
    cue: str
    cue_span: list[int]
    scope: str
    from_sentence: list[int] | None


@dataclass
class Claim:
    """A sentence of the kept article and what the stages found in it.

    ``start``/``end`` are the sentence's offsets into ``text``; ``sentence_index`` is
    its position among the document's kept sentences (0-based), so stages can refer
    to neighbouring sentences.
    """
    start: int
    end: int
    sentence_index: int
    section: Section = "body"
    kind: str = "other"
    quantities: list[Quantity] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    attribution: Attribution | None = None
    other_attributions: list[Attribution] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
