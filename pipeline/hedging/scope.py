"""The main-predicate spine of a sentence: where a hedge cue must attach to count.

The spine is the sentence root plus everything reachable from it through
``conj``, ``ccomp``, ``xcomp``, ``acomp`` and ``parataxis``: coordinated main
clauses, the reported content of a speech verb ("X said [the toll may rise]"),
raising and control complements ("are reported [to have died]") and adjectival
predicates ("was unable [to confirm]"). For a verbless headline whose root is a
noun, its participle ``acl`` children ("600+ fatalities [reported]") are
predicates too.

Not on the spine, so cues there do not hedge the claim: relative clauses ("the
imam, who allegedly ..., said X"), adverbial clauses ("..., suggesting actors may
be exploiting ..."), participial modifiers, subjects and prepositional phrases.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SPINE_DEPS = frozenset({"conj", "ccomp", "xcomp", "acomp", "parataxis"})
NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})


def roots(sent: "Span") -> list["Token"]:
    """The span's root (a kept sentence is one parser sentence, so it has one)."""
    return [sent.root]


def spine(sent: "Span") -> set[int]:
    """Token indices (doc positions) of the sentence's main-predicate spine."""
    start, end = sent.start, sent.end
    out: set[int] = set()
    stack = roots(sent)
    while stack:
        tok = stack.pop()
        if tok.i in out:
            continue
        out.add(tok.i)
        nominal = tok.pos_ in NOMINAL
        for child in tok.children:
            if not start <= child.i < end:
                continue
            if child.dep_ in SPINE_DEPS or (nominal and child.dep_ == "acl" and child.tag_ == "VBN"):
                stack.append(child)
    return out


def negated(tok: "Token") -> bool:
    """The token has a ``neg`` child (not, n't, never)."""
    return any(c.dep_ == "neg" for c in tok.children)


def is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def has_aux(tok: "Token") -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def clause_chain(tok: "Token", through_conj: bool = True) -> list["Token"]:
    """``tok`` and the heads it is a complement of via xcomp/acomp (and conj, unless
    ``through_conj`` is false): "was unable to confirm"."""
    deps = ("xcomp", "acomp", "conj") if through_conj else ("xcomp", "acomp")
    chain = [tok]
    while chain[-1].dep_ in deps and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
        if len(chain) > 6:
            break
    return chain


def subject(tok: "Token") -> "Token | None":
    """Grammatical subject of ``tok``'s clause, looking up the xcomp/acomp/conj chain."""
    for head in clause_chain(tok):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl"):
                return child
    return None


def misparsed_content(conj: "Token", verb: "Token", claim_nouns: frozenset[str]) -> bool:
    """Is ``conj``, a verb coordinated with the dispute verb ``verb``, really its content
    clause? The parser reads a headline's "Police deny death toll exceeds 125" as "deny
    [the] toll" and "exceeds 125"; with no subject, no "and" and a claim noun as the
    dispute's object just before it, the toll is the subject of a content clause.
    Not "denied the report and said 12 died" (a real coordination: "and")."""
    if conj.dep_ != "conj" or conj.head.i != verb.i or conj.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return False
    between = [c for c in verb.children if verb.i < c.i < conj.i]
    return not any(c.dep_ in ("cc", "punct") for c in between) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in claim_nouns for c in between)
