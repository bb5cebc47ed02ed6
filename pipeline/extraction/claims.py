"""Which sentences are claims, and of what kind.

A heuristic on the parse: a sentence is a claim when it is not a question and it
carries something checkable (a quantity, a date, a named entity) in a finite
clause; headlines, key-point bullets and body lines stating a figure ("Flats: 120",
"30 people confirmed dead") need no finite verb. ``kind`` follows the
precedence statistic > quote > statement > event, settled once attribution is known.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Claim
from .dates import REFERENCE_GRAINS

if TYPE_CHECKING:
    from spacy.tokens import Span


def has_finite_verb(sent: "Span") -> bool:
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in sent)


def is_claim(sent: "Span", claim: Claim) -> bool:
    """Not a question, something checkable, and a finite verb in a body sentence unless it
    states a figure (docs/annotation.md 3.1: a quantity alone makes a claim). Letting
    verbless figure lines of the body through (live-page items, fact boxes, subheads
    set as body): real-world figures found dev R 0.957 -> 0.965, P 0.969 -> 0.966."""
    if sent.text.rstrip().endswith("?"):
        return False
    # a reference to the time of writing ("now", "recently") situates a sentence but
    # gives nothing to check
    checkable = bool(claim.quantities or claim.entities
                     or any(d.get("grain") not in REFERENCE_GRAINS for d in claim.dates)
                     or any(t.like_num for t in sent))
    if not checkable:
        return False
    return claim.section != "body" or has_finite_verb(sent) or is_statistic(claim)


def settle_kind(claim: Claim) -> str:
    """The kind once attribution is known (docs/annotation.md): a statistic stays one;
    otherwise a ``direct`` attribution makes a quote, any other a statement, none an
    event. Quotation marks alone do not make a quote: a title ("Wild Rose"), a scare
    quote or a quotation whose speaker was not found is in the outlet's voice."""
    if is_statistic(claim):  # also a sentence kept only for its attribution
        return "statistic"
    if claim.attribution is None:
        return "event"
    return "quote" if claim.attribution.get("mode") == "direct" else "statement"


def select_claims(claims: list[Claim], *, all_sentences: bool = False) -> list[Claim]:
    """Settle each candidate's kind; drop non-claims unless ``all_sentences``."""
    for claim in claims:
        if claim.section == "heading":
            claim.kind, claim.attribution = "other", None  # headings are recorded, never claims
        elif claim.kind != "other" or claim.attribution is not None:
            claim.kind = settle_kind(claim)
    return claims if all_sentences else [c for c in claims if c.kind != "other"]


#: Quantity kinds that make a sentence a statistic; a duration ("three months after"),
#: an age or an ordinal alone only situates it.
STATISTIC_KINDS = frozenset({"count", "percent", "money", "measure"})


def is_statistic(claim: Claim) -> bool:
    return any(q.get("kind") in STATISTIC_KINDS for q in claim.quantities)


def classify(claim: Claim) -> str:
    """The kind before attribution: ``statistic`` or ``event``; :func:`settle_kind`
    turns an attributed event into a quote or a statement."""
    return "statistic" if is_statistic(claim) else "event"
