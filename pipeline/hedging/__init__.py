"""Hedging stage: how sure the outlet is of each claim.

:func:`hedge_claims` returns the hedges of every kept sentence of a document:

* ``approximate`` - one per quantity whose ``approx`` is not ``exact`` (cue = the
  quantity's text/span);
* in-sentence cues (:mod:`.cues`): reported, alleged, estimated, speculative,
  conditional, disputed, and verification of cited evidence, kept only when the cue
  scopes over the claim's main predicate (:mod:`.scope`);
* disclaimers (:mod:`.reach`): "The BBC has not been able to independently verify
  the death toll." gives ``unverified`` (scope ``previous``) to the death-toll claims
  before it; "Reuters was able to verify footage ..." gives ``verified`` (scope
  ``following``) to the claims describing that footage. By default
  (``models/hedging/disclaimers.json: self_hedge``) the disclaimer sentence does not
  carry its own disclaimer (docs/annotation.md 7).

All lexicons and rules are data in ``models/hedging`` (README there): :mod:`.lexicon`
reads them. The stage reads each claim's ``attribution`` (a named source's disclaimer
reaches the claims of other sources), so it runs after the attribution stage.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..analyze import TEXT_KEY, doc_text
from ..records import Claim, Hedge

__all__ = ["figure_hedges", "hedge_claims", "revised_figures"]
from .cues import cue_tokens, in_sentence
from .figures import FIGURE_TARGETS, figure_hedges
from .lexicon import lexicon
from .reach import (Disclaimer, attach, find_charge, find_correction, find_disclaimer, find_nominal_note,
                    find_rejected_figure, find_unchecked, find_unsourced, find_verdict)
from .revised import revised_figures
from .scope import spine

#: note targets that, coordinated with a clause stating figures, are about that clause
ABOUT_OWN_FIGURES = FIGURE_TARGETS | {"previous_one"}

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _about_this_sentence(d: Disclaimer, sent: "Span", claim: Claim) -> bool:
    """"Officials said the toll could rise to 1,000, but it could not be confirmed": a
    disclaimer coordinated with a clause that states figures is about that clause, not
    about the sentence before, when it points with a pronoun or names figures ("…, but
    the figure could not be confirmed"; measured in the module docstring)."""
    if d.dual or d.wide or d.number is not None or (d.noun or "") in lexicon().note_dual_words:
        # "…, and Reuters could not verify either": the two accounts before; a note naming
        # a number reaches every claim stating it, its own sentence's included
        return False
    return d.target in ABOUT_OWN_FIGURES and bool(claim.quantities) and sent.root.i not in d.tokens


def _notes(disclaimer: Disclaimer | None, unsourced: Disclaimer | None) -> list[Disclaimer]:
    """The notes of one sentence: its disclaimer, and a note on sourcing unless the
    disclaimer already is one (the same verb read twice)."""
    if disclaimer is None:
        return [unsourced] if unsourced is not None else []
    if unsourced is None or unsourced.tokens & disclaimer.tokens:
        return [disclaimer]
    return [disclaimer, unsourced]


def _later_note(i: int, sent: "Span", claim: Claim, sp: set[int], first: Disclaimer | None) -> list[Disclaimer]:
    """A second checking note after the first in one sentence: "The toll has not been
    confirmed, and the agency was unable to verify either the governor's figure or the
    accounts of deaths" names other content (the governor's figures) than the first ("the
    toll"), and reaches that content too. Heuristic: real-world dev ``unverified`` one
    more figure found (recall 0.588 -> 0.593), no false one."""
    if first is None or first.type != "unverified" or not first.tokens:
        return []
    rest = sent.doc[max(first.tokens) + 1:sent.end]
    later = find_disclaimer(i, rest, claim, sp, lexicon()) if len(rest) else None
    return [later] if later is not None and later.type == "unverified" else []


def _own_hedge(doc: "Doc", d: Disclaimer) -> Hedge:
    """A note as a hedge of its own sentence (scope ``sentence``)."""
    return Hedge(type=d.type, cue=doc_text(doc)[d.cue[0]:d.cue[1]], cue_span=list(d.cue), scope="sentence",
                 from_sentence=None)


def hedge_claims(doc: "Doc", claims: list[Claim]) -> list[list[Hedge]]:
    """The hedges of each claim (one per kept sentence, in order) of ``doc``. Reads the
    claims; changes nothing."""
    try:
        return _hedge_claims(doc, claims)
    finally:
        doc.user_data.pop(TEXT_KEY, None)


def _hedge_claims(doc: "Doc", claims: list[Claim]) -> list[list[Hedge]]:
    lex = lexicon()
    sents = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in claims]
    spines = [spine(s) for s in sents]
    disclaimers: dict[int, list[Disclaimer]] = {}
    out: list[list[Hedge]] = []
    for i, (claim, sent, sp) in enumerate(zip(claims, sents, spines)):
        # a denial and a note on sourcing can share a sentence ("X offered no evidence,
        # and Y has rejected it"): each is its own note
        disclaimer = (find_disclaimer(i, sent, claim, sp, lex) or find_nominal_note(i, sent, sp, lex)
                      or find_unchecked(i, sent, sp, lex) or find_verdict(i, sent, sp, lex)
                      or find_rejected_figure(i, sent, claim, lex) or find_correction(i, doc, claim)
                      or find_charge(i, sent, claim, lex))
        notes = _notes(disclaimer, find_unsourced(i, sent, sp, lex)) + _later_note(i, sent, claim, sp, disclaimer)
        skip: set[int] = set().union(*(d.tokens for d in notes))
        own = [d for d in notes if _about_this_sentence(d, sent, claim)]
        if len(own) < len(notes):
            disclaimers[i] = [d for d in notes if d not in own]
        hedges = [Hedge(type="approximate", cue=q["text"], cue_span=list(q["span"]),
                        scope="sentence", from_sentence=None)
                  for q in claim.quantities if q.get("approx", "exact") != "exact" and q.get("span")]
        anywhere, cue_toks = cue_tokens(sent, claim, lex, skip)
        main = in_sentence(sent, claim, sp, lex, skip, cue_toks)
        hedges.extend(main)
        # cues inside embedded clauses ("the imam, who allegedly …, said X") do not
        # hedge the claim, but they are recorded, with scope "clause"
        found = {(h["type"], tuple(h["cue_span"])) for h in main}
        hedges.extend(dict(h, scope="clause") for h in anywhere
                      if (h["type"], tuple(h["cue_span"])) not in found)
        # a note about this sentence is its own hedge; one about others, only with self_hedge
        hedges.extend(_own_hedge(doc, d) for d in own + (disclaimers.get(i, []) if lex.self_hedge else []))
        out.append(hedges)
    for j, hedge in attach(claims, sents, spines, disclaimers, lex):
        out[j].append(hedge)
    return out
