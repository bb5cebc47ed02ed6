"""Revisions inside one sentence: which count replaces which (issue 18's ``revised``).

A figure stated as replacing an earlier count of the same thing gets a hedge of type
``revised`` and, on the figure, ``revises``: the earlier figure's text, span and value.
Heuristic rules on the words and the parse of one sentence (lexicon:
``models/hedging/revisions.json``), counts only (a price that rises is a change, not a
revision); each returns ``(new, old, cue)`` triples of quantity indexes and a cue span:

* :func:`from_to`: "the toll climbed **from** 111,481 **to** 150,000, **to** 212,000 and
  **to** 230,000" (a chain: each figure replaces the one before), "rose **to** 934
  **from** 863", "was revised down **from** 359 **to** 253"; the "to" figures hang in
  the clause of the "from" (their first verb ancestor is the same); cue: that verb;
* :func:`change_from`: "820 dead and 672 injured, **up from** 632 dead and 329
  injured" (as many earlier figures as figures before: pairwise), "81 hurt, **up from**
  72 reported overnight and 79 given by the government" (one figure before: it replaces
  the last earlier one, and those replace each other in order), "**higher than** the
  125 given on Sunday"; a figure followed by "of them" is a part, never a new total.
* :func:`earlier_object`: a change verb (``change_verbs``) whose object is a count led
  by words that call it the earlier one (``earlier_words`` among the lead words):
  "Forty-one have died, the office said, **raising its earlier count of** 35" (the
  count before the verb of the same event replaces it), "**raised its previous toll
  of** 35 dead **to** 41" (the "to" figure of that verb does); not "cut its 400 staff
  to 250" (no earlier-word: a change, not a corrected count). Heuristic: real-world dev
  gold revisions marked 0.617 unchanged alone, 0.623 → 0.634 with the ledger's key of
  an earlier figure (`ledger._newest_reviser`); test unchanged (0.537).

Across sentences ("Police first said 127 …. The toll was then cut to 125") the ledger's
timeline links figures (docs/ledger.md); this module only reads one sentence.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from ..analyze import figure_number, span_tokens
from ..extraction.quantities.numbers import lex as quantity_lexicon
from ..records import Claim, Hedge
from ..resources import load_json

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: (index of the new figure, index of the one it replaces, cue span)
Link = tuple[int, int, tuple[int, int]]


@dataclass(frozen=True)
class Words:
    from_words: frozenset[str]
    to_words: frozenset[str]
    change_words: frozenset[str]
    than_words: frozenset[str]
    lead_words: frozenset[str]
    partitive_words: frozenset[str]
    change_verbs: frozenset[str]
    earlier_words: frozenset[str]
    lead_max: int


@lru_cache(maxsize=1)
def words() -> Words:
    raw = load_json("hedging", "revisions.json")
    return Words(*(frozenset(raw[k]) for k in ("from_words", "to_words", "change_words", "than_words",
                                               "lead_words", "partitive_words", "change_verbs", "earlier_words")),
                 int(raw["lead_max"]))


@dataclass
class _Sentence:
    sent: "Span"
    quantities: list[dict[str, Any]]
    starts: dict[int, int]  # first token of a count → its quantity index
    inside: set[int]        # tokens inside any quantity ("30 to 40" is one range)
    w: Words

    @property
    def doc(self) -> "Doc":
        return self.sent.doc

    @property
    def counts(self) -> set[int]:
        """Indexes of the quantities that are counts."""
        return set(self.starts.values())


def _figure_after(s: _Sentence, tok: "Token") -> int | None:
    """The count that follows ``tok`` past at most ``lead_max`` lead words ("from **an
    earlier count of** 632")."""
    for k in range(tok.i + 1, min(tok.i + 2 + s.w.lead_max, s.sent.end)):
        if k in s.starts:
            return s.starts[k]
        if s.doc[k].lower_ not in s.w.lead_words:
            return None
    return None


def _earlier_object(s: _Sentence, verb: "Token") -> int | None:
    """The count right after a change verb, past lead words of which one says it is the
    earlier figure ("raising **its earlier count of** 23"), else None."""
    q = _figure_after(s, verb)
    if q is None:
        return None
    lead = {t.lower_ for t in s.doc[verb.i + 1:span_tokens(s.doc, s.quantities[q]["span"])[0].i]}
    return q if lead & s.w.earlier_words else None


def _verb(tok: "Token") -> "Token | None":
    """The first verb above ``tok`` (its clause)."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def _prepositions(s: _Sentence, vocab: frozenset[str]) -> list[tuple["Token", int]]:
    return [(t, q) for t in s.sent if t.lower_ in vocab and t.i not in s.inside
            and (q := _figure_after(s, t)) is not None]


def from_to(s: _Sentence) -> list[Link]:
    out: list[Link] = []
    to_clauses = [(v.i if (v := _verb(t)) is not None else None, q) for t, q in _prepositions(s, s.w.to_words)]
    for f, old in _prepositions(s, s.w.from_words):
        verb = _verb(f)
        if verb is None:
            continue
        tos = [q for v, q in to_clauses if v == verb.i]
        cue = (verb.idx, verb.idx + len(verb.text))
        before = [q for q in tos if q < old]
        after = [q for q in tos if q > old]
        out.extend((q, old, cue) for q in before)
        chain = [old, *after]
        out.extend((new, prev, cue) for prev, new in zip(chain, chain[1:]))
    return out


def _partitive(s: _Sentence, q: dict[str, Any]) -> bool:
    """"205 **of** them": a part of another figure."""
    toks = span_tokens(s.doc, q["span"])
    nxt = toks[-1].i + 1 if toks else s.sent.end
    return nxt + 1 < s.sent.end and s.doc[nxt].lower_ in s.w.partitive_words \
        and s.doc[nxt + 1].pos_ == "PRON"


def change_from(s: _Sentence) -> list[Link]:
    out: list[Link] = []
    counts = s.counts
    for p, first in _prepositions(s, s.w.from_words | s.w.than_words):
        change = s.doc[p.i - 1] if p.i > 0 else None
        if change is None or change.lower_ not in s.w.change_words:
            continue
        governed = {t.i for t in p.subtree if t.i > p.i}
        olds = [i for i, q in enumerate(s.quantities) if i in counts
                and (n := figure_number(s.doc, q["span"])) is not None and n.i in governed] or [first]
        news = [i for i, q in enumerate(s.quantities) if i in counts
                and q["span"][1] <= change.idx and not _partitive(s, q)]
        if not news:
            continue
        cue = (change.idx, p.idx + len(p.text))
        if len(news) == len(olds) > 1:
            out.extend((n, o, cue) for n, o in zip(news, olds))
            continue
        chain = [*olds, _replacing(s, news, olds[-1])]
        out.extend((new, prev, cue) for prev, new in zip(chain, chain[1:]))
    return out


def earlier_object(s: _Sentence) -> list[Link]:
    out: list[Link] = []
    to_clauses = [(v.i if (v := _verb(t)) is not None else None, q) for t, q in _prepositions(s, s.w.to_words)]
    for verb in s.sent:
        if verb.lemma_.lower() not in s.w.change_verbs or verb.i in s.inside \
                or (old := _earlier_object(s, verb)) is None:
            continue
        tos = [q for v, q in to_clauses if v == verb.i and q != old]
        news = tos or [i for i, q in enumerate(s.quantities) if i in s.counts
                       and q["span"][1] <= verb.idx and not _partitive(s, q)]
        if news:
            out.append((news[0] if tos else _replacing(s, news, old), old, (verb.idx, verb.idx + len(verb.text))))
    return out


def _replacing(s: _Sentence, news: list[int], old: int) -> int:
    """Of the figures before the cue, the last that counts the event of ``old`` ("132
    dead and 580 injured, higher than the 125 deaths": the 132, both ``die``), else the
    last one."""
    event = _event(s, old)
    same = [n for n in news if event and _event(s, n) == event]
    return (same or news)[-1]


def _event(s: _Sentence, i: int) -> str | None:
    """The event a count counts, by the casualty word of its counted noun or of the word
    right after it ("131 **deaths**", "140 **dead**": ``die``; the extraction's
    ``predicates.json`` map), else None."""
    q = s.quantities[i]
    toks = span_tokens(s.doc, q["span"])
    after = s.doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < s.sent.end else None
    pred_map = quantity_lexicon().pred_map
    for word in ((q.get("counted") or "").split()[-1:] + ([after.lower_] if after is not None else [])):
        if word.lower() in pred_map:
            return pred_map[word.lower()]
    return None


def _same_thing(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """Not "moved 300 people from 3 villages to 2 camps": two counted nouns that share no
    stem, with different predicates, count different things."""
    a, b = (new.get("counted") or "").lower(), (old.get("counted") or "").lower()
    return not (a and b and a[:4] != b[:4] and new.get("predicate") != old.get("predicate"))


RULES: tuple[Callable[[_Sentence], list[Link]], ...] = (from_to, change_from, earlier_object)


def revisions(sent: "Span", quantities: list[dict[str, Any]]) -> list[Link]:
    """Each count of the sentence ``sent``'s ``quantities`` that replaces another of them,
    first rule first (one earlier figure per figure)."""
    doc = sent.doc
    w = words()
    starts: dict[int, int] = {}
    inside: set[int] = set()
    for i, q in enumerate(quantities):
        toks = span_tokens(doc, q.get("span"))
        inside.update(t.i for t in toks)
        if toks and q.get("kind") == "count":
            starts[toks[0].i] = i
    if len(starts) < 2:
        return []
    s = _Sentence(sent, quantities, starts, inside, w)
    seen: dict[int, Link] = {}
    for rule in RULES:
        for link in rule(s):
            if link[0] != link[1] and link[0] not in seen and _same_thing(quantities[link[0]], quantities[link[1]]):
                seen[link[0]] = link
    return sorted(seen.values())


def revised_figures(doc: "Doc", claim: "Claim") -> list[tuple[Hedge | None, dict[str, Any] | None]]:
    """For each of ``claim``'s quantities, its ``revised`` hedge and the earlier figure it
    replaces (``{"text", "span", "value"}``), or ``(None, None)``."""
    out: list[tuple[Hedge | None, dict[str, Any] | None]] = [(None, None)] * len(claim.quantities)
    sent = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if sent is None:
        return out
    for new, old, cue in revisions(sent, claim.quantities):
        q = claim.quantities[old]
        out[new] = (Hedge(type="revised", cue=doc.text[cue[0]:cue[1]], cue_span=list(cue), scope="sentence",
                          from_sentence=None),
                    {"text": q["text"], "span": list(q["span"]), "value": q.get("value")})
    return out
