"""Who gives each figure: one attribution per ``quantities[]`` item (schema 1.2).

A sentence may carry several reports, each with its own number: "A police chief said 40
people were killed and a hospital official said 65 were killed." The figure's
attribution is chosen among the claim's own attribution and its reporting relations in
``other_attributions`` (see :func:`reporting`):

* the relation whose ``content`` contains the figure, the innermost when several do
  (65 lies in the content of both "said"s, the hospital official's is the smaller);
* else the relation whose cue governs the figure in the parse, the nearest such cue
  (the content span is a guess at what is reported, the parse says what the verb
  governs: "The agency put the number of deaths at 2,316", content "the number of
  deaths"), unless the figure is part of the source itself ("Two witnesses said");
* else the claim's own attribution when it reports the whole sentence: a quotation or
  quote paragraph (``direct``), an inherited source, or a cue with no content span;
* else none: the number stands outside every report, in the outlet's voice ("At least
  12 died on Monday, when police said the bridge collapsed" gives the 12 no source).

``cites`` lists whom the giver relies on: the objects of a citation participle
("the UN office, citing the Red Cross, said" → ["Red Cross"], "State television,
quoting the interior ministry, said" → ["interior ministry"]) that hangs from the
relation's cue or source, or, when the parse attaches it elsewhere, lies nearest to
that cue. A heuristic on the parse; measured on the real-world test bed
(docs/evaluation.md).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analyze import figure_number, span_tokens
from .cues import is_citation
from .lexicon import Lexicon
from .sources import DocIndex, source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Record = dict[str, Any]


def reporting(doc: "Doc", rel: Record, lex: Lexicon) -> bool:
    """Is the relation a report of something said or found ("said", "according to",
    "reportedly", "estimates"), not an attitude or intention ("wants", "plans")?"""
    cue = span_tokens(doc, rel.get("cue_span"))
    if not cue or rel.get("source") is None and rel.get("mode") != "passive":
        return False
    if cue[0].lower_ == "according":
        return True
    return any(t.lemma_.lower() in lex.verbs and not is_citation(t, lex) for t in cue) or any(
        t.lower_ in lex.adverbs for t in cue)


def _inside(span: list[int], outer: list[int] | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _whole_sentence(att: Record) -> bool:
    return att.get("mode") in ("direct", "inherited") or att.get("content_span") is None


def _governs(doc: "Doc", rel: Record, num: "Token") -> int | None:
    """How deep below the relation's cue the figure's number lies in the parse (None
    when the cue does not govern it, or the number is part of the source)."""
    if _inside([num.idx, num.idx + len(num)], rel.get("source_span")):
        return None
    depth = 0
    cue = {t.i for t in span_tokens(doc, rel.get("cue_span"))}
    tok = num
    while tok.head.i != tok.i and depth < 50:
        if tok.i in cue:
            return depth
        tok, depth = tok.head, depth + 1
    return depth if tok.i in cue else None


def choose(doc: "Doc", q: Record, own: Record | None, others: list[Record]) -> Record | None:
    """The relation that gives figure ``q`` (see the module docstring)."""
    every = ([own] if own else []) + others
    rels = [r for r in every if _inside(q["span"], r.get("content_span"))]
    if rels:
        return min(rels, key=lambda r: r["content_span"][1] - r["content_span"][0])
    num = figure_number(doc, q["span"])
    governing = [(d, i, r) for i, r in enumerate(every)
                 if num is not None and (d := _governs(doc, r, num)) is not None]
    if governing:
        return min(governing, key=lambda x: (x[0], x[1]))[2]
    return own if own is not None and _whole_sentence(own) else None


def citations(sent: "Span", lex: Lexicon, index: DocIndex) -> list[tuple["Token", str]]:
    """(participle, cited name) for every citation participle of the sentence."""
    out = []
    for t in sent:
        if is_citation(t, lex):
            for obj in (c for c in t.children if c.dep_ in ("dobj", "pobj", "attr")):
                head, span = source_phrase(obj)
                out.append((t, index.resolve(head, span).norm))
    return out


def _distance(part: "Token", rel: Record, doc: "Doc") -> int:
    """How far the citation participle is from the relation (0: it hangs from its cue or
    its source phrase)."""
    near = span_tokens(doc, rel.get("cue_span")) + span_tokens(doc, rel.get("source_span"))
    if not near:
        return 10**6
    if part.head in near:
        return 0
    return min(abs(part.i - t.i) for t in near)


def cites_of(rel: Record | None, rels: list[Record], found: list[tuple["Token", str]],
             doc: "Doc") -> list[str]:
    """The names ``rel`` cites: the citation participles closer to it than to any other
    relation of the sentence."""
    if rel is None or not found:
        return []
    out = []
    for part, name in found:
        best = min(rels, key=lambda r: _distance(part, r, doc))
        if best is rel and name not in out:
            out.append(name)
    return out


def figure_attributions(doc: "Doc", sent: "Span", quantities: list[Record], own: Record | None,
                        others: list[Record], index: DocIndex,
                        lex: Lexicon) -> list[tuple[Record | None, list[str]]]:
    """(attribution, cites) for each figure of one sentence, in order."""
    reports = [r for r in others if reporting(doc, r, lex)]
    found = citations(sent, lex, index) if sent is not None else []
    rels = ([own] if own else []) + reports
    out = []
    for q in quantities:
        rel = choose(doc, q, own, reports)
        out.append((rel, cites_of(rel, rels, found, doc)))
    return out
