"""Hedge stage: how sure the outlet is of each claim (issue 7).

:func:`hedge_claims` sets ``claim.hedges`` on every kept sentence of a document:

* ``approximate`` - one per quantity whose ``approx`` is not ``exact`` (cue = the
  quantity's text/span);
* in-sentence cues (:mod:`pipeline.hedging.cues`): reported, alleged, estimated,
  speculative, conditional, disputed, and verification of cited evidence, kept
  only when the cue scopes over the claim's main predicate
  (:mod:`pipeline.hedging.scope`);
* disclaimers (:mod:`pipeline.hedging.reach`): "The BBC has not been able to
  independently verify the death toll." gives ``unverified`` (scope
  ``previous``) to the death-toll claims before it; "Reuters was able to verify
  footage ..." gives ``verified`` (scope ``following``) to the claims describing
  that footage. By default (``models/hedge/disclaimers.json: self_hedge``) the
  disclaimer sentence does not carry its own disclaimer (docs/annotation.md 7).

All lexicons and rules are data in ``models/hedge`` (README there). :func:`flags`
turns a hedge list into the per-type booleans of the output record.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .hedging.cues import in_sentence
from .hedging.lexicon import lexicon
from .hedging.reach import attach, find_disclaimer
from .hedging.scope import spine
from .records import HEDGE_TYPES, Claim, Hedge

if TYPE_CHECKING:
    from spacy.tokens import Doc

IMPLEMENTED = True


def hedge_claims(doc: "Doc", claims: list[Claim]) -> None:
    """Set ``claim.hedges`` for the claims (one per kept sentence, in order) of ``doc``."""
    lex = lexicon()
    sents = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in claims]
    spines = [spine(s) for s in sents]
    disclaimers = {}
    for i, (claim, sent, sp) in enumerate(zip(claims, sents, spines)):
        d = find_disclaimer(i, sent, claim, sp, lex)
        skip: set[int] = set()
        if d is not None:
            disclaimers[i] = d
            skip = d.tokens
        hedges = [Hedge(type="approximate", cue=q["text"], cue_span=list(q["span"]),
                        scope="sentence", from_sentence=None)
                  for q in claim.quantities if q.get("approx", "exact") != "exact" and q.get("span")]
        main = in_sentence(sent, claim, sp, lex, skip)
        hedges.extend(main)
        # cues inside embedded clauses ("the imam, who allegedly …, said X") do not
        # hedge the claim, but they are recorded, with scope "clause"
        found = {(h["type"], tuple(h["cue_span"])) for h in main}
        everywhere = set(range(sent.start, sent.end))
        hedges.extend(dict(h, scope="clause") for h in in_sentence(sent, claim, everywhere, lex, skip)
                      if (h["type"], tuple(h["cue_span"])) not in found)
        if d is not None and lex.self_hedge:
            hedges.append(Hedge(type=d.type, cue=doc.char_span(*d.cue, alignment_mode="expand").text, cue_span=list(d.cue),
                                scope="sentence", from_sentence=None))
        claim.hedges = hedges
    attach(claims, sents, spines, disclaimers, lex)


def flags(hedges: list[Hedge]) -> dict[str, bool]:
    """One boolean per hedge type: does a hedge of that type apply to the claim?

    Cues with scope ``clause`` sit in an embedded clause and do not hedge the claim."""
    present = {h["type"] for h in hedges if h["scope"] != "clause"}
    return {t: t in present for t in HEDGE_TYPES}
