"""Learned detection of every attribution relation in a sentence (PARC/PolNeAR style).

The rule-based cues of :mod:`pipeline.attribution.cues` decide a claim's own
``attribution`` under our guideline (docs/annotation.md section 6). This module
finds the *other* relations of a sentence — a nested report inside the content, a
second speaker, attitudes and intentions ("wants", "plans", "called for"),
noun and punctuation cues ("in a statement", "PENCE: …", "― Jane Doe") — with
two linear models trained on the PolNeAR *train* split
(``models/attribution/train_relations.py``; weights in
``models/attribution/relations_model.json``, documented in that folder's README):

* **cue model**: one score per candidate token (a lemma seen in cues in train) from
  its parse features (lemma, POS, dependency label, head, children's labels,
  neighbours, quotation marks nearby); tokens above the threshold are joined into
  cues through neighbours and function-word dependents;
* **source model**: for each cue, one score per candidate head (nouns, names,
  pronouns of the sentence) from the dependency path between cue and candidate,
  their order and distance and the candidate's own features; the best candidate
  above the threshold is the source head, grown to its noun phrase.

The content is read off the parse (:func:`content_span`): the cue's clausal
complements or object, else the clause the cue is a tag of, else the longest stretch
of the sentence outside source and cue.

A statistical heuristic: it is measured on PolNeAR dev by ``make eval``; it knows
nothing of the guideline's exclusions, which is why it never sets a claim's own
``attribution``.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

from ..resources import load_json
from .cues import conj_tag
from .lexicon import lexicon
from .quotes import DOUBLES
from .sources import doc_text, source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: POS of tokens that may be (part of) a cue; the rest are never scored (speed)
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ", "PART", "SCONJ", "ADV"})
#: POS of tokens that may head a source
SOURCE_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: dependents that belong to their head's cue ("has not said", "called for", "talked about")
FUNCTION_DEPS = frozenset({"aux", "auxpass", "neg", "prt", "prep", "advmod", "mark", "det", "amod", "compound"})
#: relations between two separate cues ("said he wants", "denied, saying")
SEPARATE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj", "advcl"})
#: a cue needs at least one token of these POS
LEXICAL_POS = frozenset({"VERB", "NOUN", "ADJ", "PUNCT"})
QUOTE_MARKS = frozenset(DOUBLES)
CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
MAX_PATH = 4
TRIM = ",;:—–-"


@dataclass
class Relation:
    """One predicted relation: the cue tokens, the chosen source head and its noun
    phrase's character span (or None), the content span and the cue's score."""
    cue: list["Token"]
    source: "Token | None"
    source_span: tuple[int, int] | None
    content: tuple[int, int] | None
    score: float  # the cue model's probability for the cue's head token

    @property
    def cue_span(self) -> tuple[int, int]:
        return self.cue[0].idx, self.cue[-1].idx + len(self.cue[-1])


def lemma_key(t: "Token") -> str:
    return t.lemma_.lower()


class SentContext:
    """One sentence's tokens and quotation-mark counts, computed once: features look
    at neighbours and quote marks, and spaCy's token access is slow."""

    def __init__(self, sent: "Span"):
        self.start = sent.start
        self.toks = list(sent)
        quotes = [t.text in QUOTE_MARKS for t in self.toks]
        self.prefix = [0]
        for q in quotes:
            self.prefix.append(self.prefix[-1] + q)

    def tok(self, i: int) -> "Token | None":
        k = i - self.start
        return self.toks[k] if 0 <= k < len(self.toks) else None

    def quote_near(self, t: "Token", window: int = 3) -> bool:
        k = t.i - self.start
        return self.prefix[min(len(self.toks), k + window + 1)] > self.prefix[max(0, k - window)]

    def inside_quote(self, t: "Token") -> int:
        """1 when an odd number of quote marks precede ``t`` in the sentence."""
        return self.prefix[t.i - self.start] % 2


def cue_features(t: "Token", ctx: SentContext) -> list[str]:
    """Binary features of one token as a possible cue (shared by training and use)."""
    prev, nxt = ctx.tok(t.i - 1), ctx.tok(t.i + 1)
    p2, n2 = ctx.tok(t.i - 2), ctx.tok(t.i + 2)
    quote_near = ctx.quote_near(t)
    lemma, dep, head = lemma_key(t), t.dep_, t.head
    children = list(t.children)
    deps = sorted({c.dep_ for c in children})
    f = [f"l={lemma}", f"p={t.pos_}", f"t={t.tag_}", f"d={dep}", f"ld={lemma}|{dep}",
         f"pd={t.pos_}|{dep}", f"hl={lemma_key(head)}", f"hd={head.pos_}|{dep}|{head.dep_}",
         f"pw={prev.lower_ if prev is not None else '<s>'}",
         f"nw={nxt.lower_ if nxt is not None else '</s>'}",
         f"pp={prev.pos_ if prev is not None else '<s>'}",
         f"np={nxt.pos_ if nxt is not None else '</s>'}",
         f"q={quote_near}", f"lq={lemma}|{quote_near}", f"first={t.i == ctx.start}",
         f"pos4={t.i - ctx.start < 4}|{t.pos_}"]
    f += [f"cd={d}" for d in deps]
    f += [f"lcd={lemma}|{d}" for d in deps if d in CLAUSE_DEPS or d.startswith("nsubj") or d == "dobj"]
    has_subj = any(d.startswith("nsubj") for d in deps)
    has_clause = any(d in CLAUSE_DEPS for d in deps)
    f += [f"lt={lemma}|{t.tag_}", f"lsc={lemma}|{has_subj}|{has_clause}", f"lh={lemma}|{lemma_key(head)}",
          f"sc={t.pos_}|{has_subj}|{has_clause}"]
    for c in children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            f.append(f"subj={c.ent_type_ or c.pos_}")
            f.append(f"lsubj={lemma}|{c.ent_type_ or c.pos_}")
            f.append(f"sl={c.lemma_.lower()}")
        elif c.dep_ in ("aux", "neg", "prt", "prep", "agent"):
            f.append(f"ch={c.dep_}|{c.lower_}")
    f += [f"pw2={p2.lemma_.lower() if p2 is not None else '<s>'}",
          f"nw2={n2.lemma_.lower() if n2 is not None else '</s>'}",
          f"hh={lemma_key(head.head)}|{head.dep_}",
          f"inq={ctx.inside_quote(t)}",
          f"lpn={lemma}|{prev.pos_ if prev is not None else '<s>'}|{nxt.pos_ if nxt is not None else '</s>'}"]
    if t.pos_ == "PUNCT":
        f.append(f"pt={t.text}|{prev.ent_type_ if prev is not None else '<s>'}|"
                 f"{nxt.ent_type_ if nxt is not None else '</s>'}")
        f.append(f"pcase={t.text}|{prev.is_upper if prev is not None else '<s>'}")
    return f


def _path(a: "Token", b: "Token") -> str:
    """Dependency path from ``a`` up to the common ancestor and down to ``b``."""
    up_a = [a, *a.ancestors]
    ids = {x.i: k for k, x in enumerate(up_a)}
    down = []
    for x in [b, *b.ancestors]:
        if x.i in ids:
            ups = [y.dep_ for y in up_a[:ids[x.i]]]
            if len(ups) + len(down) > MAX_PATH:
                return "far"
            return "/".join("^" + u for u in ups) + "|" + "/".join(reversed(down))
        down.append(x.dep_)
    return "none"


def source_features(cue: "Token", cand: "Token") -> list[str]:
    """Binary features of one (cue head, candidate source head) pair."""
    path = _path(cue, cand)
    dist = cand.i - cue.i
    bucket = "0" if dist == 0 else ("L" if dist < 0 else "R") + str(min(4, int(math.log2(abs(dist)))))
    lemma = lemma_key(cue)
    ctype = cand.ent_type_ or cand.pos_
    return [f"path={path}", f"lpath={lemma}|{path}", f"dist={bucket}", f"ctype={ctype}",
            f"cdep={cand.dep_}", f"ctag={cand.tag_}", f"pc={path}|{ctype}", f"cuep={cue.pos_}|{path}",
            f"pron={cand.lower_ if cand.pos_ == 'PRON' else '-'}", f"lt={lemma}|{ctype}",
            f"dpc={bucket}|{cue.pos_}|{ctype}"]


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        z = self.bias + sum(map(self.weights.get, feats, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Models:
    cue: LinearModel
    source: LinearModel
    cue_lemmas: frozenset[str]


@lru_cache(maxsize=1)
def models() -> Models:
    data = load_json("attribution", "relations_model.json")
    cue, source = (LinearModel(dict(data[k]["weights"]), float(data[k]["bias"]), float(data[k]["threshold"]))
                   for k in ("cue", "source"))
    return Models(cue, source, frozenset(data["cue_lemmas"]))


def cue_candidates(ctx: SentContext, lemmas: frozenset[str]) -> Iterator["Token"]:
    """Tokens the cue model scores: a cue-capable POS and a lemma seen in cues."""
    return (t for t in ctx.toks if t.pos_ in CUE_POS and lemma_key(t) in lemmas)


def source_candidates(ctx: SentContext) -> Iterator["Token"]:
    return (t for t in ctx.toks if t.pos_ in SOURCE_POS)


def cue_groups(tokens: list["Token"]) -> list[list["Token"]]:
    """Selected tokens joined into cues: neighbours, and a token with its selected
    head ("has also said", "talked at length about")."""
    parent = {t.i: t.i for t in tokens}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for t in tokens:
        if t.head.i in parent and t.head.i != t.i and t.dep_ in FUNCTION_DEPS:
            parent[root(t.i)] = root(t.head.i)
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if prev is not None and prev.i in parent and (
                t.pos_ not in LEXICAL_POS or prev.pos_ not in LEXICAL_POS
                or (t.head.i == prev.i and t.dep_ not in SEPARATE_DEPS)
                or (prev.head.i == t.i and prev.dep_ not in SEPARATE_DEPS)):
            parent[root(t.i)] = root(prev.i)
    groups: dict[int, list[Token]] = {}
    for t in tokens:
        groups.setdefault(root(t.i), []).append(t)
    # a lone function word ("has", "about") is not a cue without its verb or noun
    return [g for g in groups.values() if any(t.pos_ in LEXICAL_POS for t in g)]


def main_token(group: list["Token"]) -> "Token":
    """The syntactic head of a cue group (the token whose head lies outside it)."""
    ids = {t.i for t in group}
    return next((t for t in group if t.head.i not in ids or t.head.i == t.i), group[0])


def content_span(sent: "Span", head: "Token", cue: list["Token"],
             source_span: tuple[int, int] | None) -> tuple[int, int] | None:
    """One contiguous content span: the cue's clausal complements (else its direct
    object and the complements about it), else the clause the cue is a tag of, else
    the longest stretch of the sentence outside source and cue; None when nothing is
    left (the content lies in another sentence: "PENCE:" before the answer)."""
    clauses = [c for c in head.children if c.dep_ in CLAUSE_DEPS] or _object_content(head, cue)
    if clauses:
        pieces = [(min(c.left_edge.idx for c in clauses),
                   max(c.right_edge.idx + len(c.right_edge) for c in clauses))]
    else:
        cut = [(cue[0].idx, cue[-1].idx + len(cue[-1]))]
        if source_span is not None:
            cut.append(source_span)
        base = (sent.start_char, sent.end_char)
        if head.dep_ in ("ccomp", "parataxis") and head.head.i != head.i or conj_tag(head):
            # "…, he said": the clause the cue is a tag of, minus the tag
            outer = head.head
            cut.append((head.left_edge.idx, head.right_edge.idx + len(head.right_edge)))
            base = (outer.left_edge.idx, outer.right_edge.idx + len(outer.right_edge))
        pieces = subtract_ranges([base], cut)
        if not pieces:
            return None
    start, end = max(pieces, key=lambda p: (p[1] - p[0], -p[0]))
    text = doc_text(sent.doc)
    while start < end and (text[start].isspace() or text[start] in TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM):
        end -= 1
    return (start, end) if end > start else None


def _object_content(head: "Token", cue: list["Token"]) -> list["Token"]:
    """The cue's direct object after it, with the complements that say what is
    reported about it ("called climate change **a hoax**", "portrayed himself **as
    a manipulator**"); [] without an object."""
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i > cue[-1].i]
    if not objs:
        return []
    preps = lexicon().object_complement_preps
    return objs + [c for c in head.children if c.i > objs[0].i and (
        c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ in preps))]


def subtract_ranges(base: list[tuple[int, int]], cut: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The non-empty pieces of the (disjoint) ranges ``base`` outside every range in ``cut``."""
    out = sorted(base)
    for c0, c1 in sorted(cut):
        nxt = []
        for s, e in out:
            if c1 <= s or c0 >= e:
                nxt.append((s, e))
                continue
            if s < c0:
                nxt.append((s, c0))
            if c1 < e:
                nxt.append((c1, e))
        out = nxt
    return [(s, e) for s, e in out if e > s]


def find_relations(sent: "Span") -> list[Relation]:
    """Every relation the models find in ``sent``; a source head is grown into its noun
    phrase by :func:`pipeline.attribution.sources.source_phrase`."""
    m = models()
    cue_model, source_model = m.cue, m.source
    ctx = SentContext(sent)
    scores = {t.i: cue_model.score(cue_features(t, ctx)) for t in cue_candidates(ctx, m.cue_lemmas)}
    hits = [sent.doc[i] for i, p in scores.items() if p >= cue_model.threshold]
    if not hits:
        return []
    cands = list(source_candidates(ctx))
    out = []
    for group in cue_groups(hits):
        head = main_token(group)
        ids = {t.i for t in group}
        best, best_p = None, source_model.threshold
        for c in cands:
            if c.i in ids:
                continue
            p = source_model.score(source_features(head, c))
            if p >= best_p:
                best, best_p = c, p
        span = None
        if best is not None:
            best, span = source_phrase(best)
        out.append(Relation(group, best, span, content_span(sent, head, group, span),
                            max(scores[t.i] for t in group)))
    return out
