"""What a quantity counts and the event it reports (step 5 of the package docstring).

From the dependency parse: the counted head noun ("300 *people*", "90% of *voters*",
"hundreds of *homes*") and its noun phrase (left modifiers after the number, "of"
phrases, coordinated nouns without their own number), and the predicate: a
participle or adjective on the noun ("civilians killed", "people dead"), else the
governing verb, with light verbs resolved through their complement ("were dead" ->
die) and "death toll rose to N" -> die.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .numbers import lex
from .reading import sent_slice

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .candidates import Cand

CHANGE_LEMMAS = frozenset({"rise", "reach", "climb", "stand", "hit", "jump", "increase", "grow",
                           "surge", "top", "pass", "exceed", "mount", "soar", "be"})

_NP_LEFT = frozenset({"amod", "compound", "poss", "nmod", "case", "nummod", "advmod", "punct", "npadvmod"})


def _plain_coordination(noun: "Token", conj: "Token") -> bool:
    """"A and B" / "A or B" with a plain cc right before B's phrase: not ", as well as B"."""
    cc = [t for t in noun.rights if t.dep_ == "cc" and t.i < conj.i]
    return bool(cc) and cc[-1].lower_ in ("and", "or", "&")


def _has_number(noun: "Token") -> bool:
    """A noun with its own number among its left modifiers ("3,000 cattle", "his 72-year-old grandmother")."""
    return any(y.like_num for x in noun.lefts for y in x.subtree)


def _np_tokens(noun: "Token", after: int, seen: set) -> list["Token"]:
    """The counted NP of ``noun``: its left modifiers after the number, the noun,
    its "of" prepositional phrases and coordinated nouns (with theirs)."""
    out = [noun]
    seen.add(noun.i)
    for ch in noun.lefts:
        if ch.i >= after and ch.dep_ in _NP_LEFT:
            out.extend(ch.subtree)
    for ch in noun.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            out.extend(ch.subtree)
        elif ch.dep_ == "cc" and any(x.dep_ == "conj" and x.i > ch.i and x.pos_ in ("NOUN", "PROPN")
                                     and not _has_number(x)
                                     for x in noun.rights):
            out.append(ch)
        elif ch.dep_ == "conj" and ch.pos_ in ("NOUN", "PROPN") and ch.i not in seen \
                and not _has_number(ch) and _plain_coordination(noun, ch):
            # a conjunct with its own number is another count ("15 villages and 3,000 cattle")
            out.extend(_np_tokens(ch, ch.left_edge.i, seen))
    return out


def _counted(doc: "Doc", c: Cand, sent: "Span") -> tuple["Token | None", "Token"]:
    """(counted head noun, syntactic root of the quantity expression)."""
    inside = range(c.span_start, c.span_end)
    roots = [doc[k] for k in inside if doc[k].head.i not in inside or doc[k].head.i == k]
    root = roots[0] if roots else doc[c.start]
    for r in roots:
        if r.pos_ in ("NOUN", "NUM", "SYM", "PROPN") and r.dep_ not in ("quantmod", "punct"):
            root = r
            break
    # follow "of" out of the quantity: "90% of X", "hundreds of X", "300 of the members"
    node = root
    for _ in range(3):
        of = next((ch for ch in node.rights if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        if of is None:
            break
        pobj = next((ch for ch in of.rights if ch.dep_ == "pobj"), None)
        if pobj is None:
            break
        if pobj.i in inside:
            node = pobj
            continue
        if c.kind in ("count", "percent") or c.vague:
            return pobj, root
        break
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") \
            and head.pos_ in ("NOUN", "PROPN") and head.i not in inside and head.i > root.i \
            and head.i <= c.span_end + 3:
        return head, root
    return None, root


def _counted_phrase(doc: "Doc", c: Cand, sent: "Span", noun: "Token") -> tuple[str | None, list[int] | None]:
    """``(counted, counted_span)``: the text and char span of ``noun``'s counted NP
    after the number, without leading determiners, conjunctions and punctuation
    ("300 of the members" -> "members")."""
    toks = _np_tokens(noun, c.span_end, set())
    toks = [t for t in toks if (t.i >= c.span_end or t.i > noun.i) and not t.is_space]
    if not toks:
        return None, None
    a = min(t.i for t in toks)
    b = max(t.i for t in toks) + 1
    while a < b and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ in ("det", "cc")) \
            and doc[a].i != noun.i:
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        b -= 1
    counted_span = [doc[a].idx, doc[b - 1].idx + len(doc[b - 1])]
    return sent_slice(sent, counted_span[0], counted_span[1]), counted_span


def _norm_pred(tok: "Token") -> str:
    L = lex()
    low = tok.lower_
    if low in L.pred_map:
        return L.pred_map[low]
    return L.pred_map.get(tok.lemma_.lower(), tok.lemma_.lower())


def _predicate(noun: "Token | None", root: "Token") -> str | None:
    """Event lemma of the count: a participle/adjective on the counted noun
    ("civilians killed", "people dead"), else the verb governing the noun or the
    number (climbing over prepositions and coordination), with light verbs resolved
    through their adjective complement ("were dead" -> die) and "death toll rose
    to N" -> die. None when no verb governs it."""
    L = lex()
    fallback = None
    if noun is not None:
        for ch in noun.rights:
            if ch.dep_ in ("acl", "amod", "relcl") and (ch.pos_ in ("VERB", "ADJ")) and \
                    (ch.tag_ in ("VBN", "VBD", "VBG") or ch.lower_ in L.pred_map):
                if ch.lower_ in L.pred_map or ch.lemma_.lower() in L.pred_map:
                    return _norm_pred(ch)  # "civilians killed", "people dead"
                fallback = fallback or _norm_pred(ch)  # "militants affiliated with X were killed"
        for ch in noun.lefts:
            if ch.dep_ == "amod" and ch.lower_ in L.pred_map:
                return _norm_pred(ch)
    found = _governing(noun, root)
    return found if found is not None else fallback


def _governing(noun: "Token | None", root: "Token") -> str | None:
    """The verb (or adjective) governing the counted noun or the number, normalised."""
    L = lex()
    node = root
    if noun is not None and noun.i != root.head.i:
        node = root  # "hundreds of X were displaced": root governs
    elif noun is not None:
        node = noun
    for _ in range(6):
        if node.dep_ in ("pobj", "prep", "conj", "appos", "nummod", "quantmod", "dobj", "compound",
                         "npadvmod", "attr", "nsubj", "nsubjpass", "oprd", "acomp", "dep", "advmod") \
                and node.head.i != node.i:
            rel = node.dep_
            node = node.head
            if node.pos_ in ("VERB", "AUX", "ADJ") and rel not in ("conj",) or node.pos_ in ("VERB",):
                break
            if node.pos_ == "NOUN" and node.lower_ in L.pred_map and rel in ("pobj", "prep") :
                return L.pred_map[node.lower_]
        else:
            break
    if node.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    lemma = node.lemma_.lower()
    if lemma in CHANGE_LEMMAS:
        subj = next((ch for ch in node.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in L.toll_heads:
            comp = next((ch for ch in subj.lefts if ch.dep_ in ("compound", "amod")), None)
            if comp is not None and comp.lemma_.lower() in L.toll_compounds:
                return L.toll_compounds[comp.lemma_.lower()]
    for ch in node.children:  # "lay dead", "were found dead"
        if ch.dep_ in ("acomp", "oprd") and ch.lower_ in L.pred_map:
            return L.pred_map[ch.lower_]
    if lemma in L.skip_lemmas:
        for ch in node.children:
            if ch.dep_ in ("attr",) and ch.lower_ in L.pred_map:
                return L.pred_map[ch.lower_]
            if ch.dep_ == "prep":  # "among the dead were 745 civilians"
                for g in ch.children:
                    if g.dep_ == "pobj" and g.lower_ in L.pred_map:
                        return L.pred_map[g.lower_]
        for ch in node.children:  # "are reported to have died"
            if ch.dep_ == "xcomp" and ch.pos_ == "VERB":
                inner = ch
                for _ in range(2):
                    nxt = next((g for g in inner.children if g.dep_ == "xcomp" and g.pos_ == "VERB"), None)
                    if nxt is None:
                        break
                    inner = nxt
                if inner.lemma_.lower() not in L.skip_lemmas:
                    return _norm_pred(inner)
        return None
    return _norm_pred(node)
