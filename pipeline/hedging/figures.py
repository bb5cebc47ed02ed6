"""How sure each figure is: the hedges of one claim shared out among its quantities
(schema 1.2: ``quantities[].hedges`` and ``quantities[].flags``).

A cue hedges the figures of the clause it belongs to and of what that clause governs,
read off the parse (a heuristic, measured on the real-world test bed):

* ``approximate`` belongs to the one figure it was made for ("At least 900");
* an in-sentence cue (scope ``sentence``) covers the figures in the subtree of its
  clause: the cue's own root when it is a verb or adjective ("4,000 are **believed**
  missing", "an **estimated** 300"), the verb an auxiliary, adverb or negation modifies
  ("**could** rise to 1,000", "**reportedly** killed 12"), and for a condition the
  clause it conditions ("the toll would reach 300 **if** confirmed"). So "At least 900
  people have died and 4,000 are believed missing" hedges the 4,000, not the 900;
* a statement about checking (``unverified``, ``verified``) concerns what the sentence
  reports, so it covers all its figures, in the sentence ("…, but it could not be
  confirmed", "…, but the figures could not be confirmed") as from a disclaimer that
  reaches back or forward; except when it is a subordinate clause on one figure ("…,
  a figure that could not be confirmed", "…, although that figure could not be
  confirmed"), which covers the clause of that figure only (:func:`_checked_clause`;
  real-world dev figure flag ``unverified`` F1 0.787 -> 0.793, flags micro-F1 0.915 ->
  0.917; test unchanged); a note from another sentence covers counts, percentages
  and sums, not a distance or a magnitude of a claim it reaches (dev ``unverified``
  0.793 -> 0.797; test unchanged), nor a count of places ("six countries", "40
  districts": :func:`_counts_places`; dev ``unverified`` P 0.854 -> 0.872, three false
  figures fewer, none lost, ``disputed`` P 0.804 -> 0.818, flags micro-F1 0.896 ->
  0.897; test unchanged); a denial in the
  sentence covers what it governs ("the army denied that 40 were killed", and a
  headline's "Police deny toll exceeds 125", which the parser reads as a coordination);
  a noun of disagreement covers the figures inside it ("a dispute between one ministry
  that counts 3,195 dead and another that counts 2,957"), not those of its clause.
  Measured (these two): real-world dev figure flag ``disputed`` F1 0.438 -> 0.571,
  flags micro-F1 0.913 -> 0.915, denials marked 0.560 -> 0.600; test unchanged.
  Tried and reverted: a later speaker's counter-figure ("…, but the army says only
  46", "…, critics say too low") disputing the earlier figure (dev disputed F1 0.571 ->
  0.619, test flags micro-F1 0.914 -> 0.913, test disputed 0.400 -> 0.333);
* the counts that elaborate a disagreement stated before them are disputed
  (:func:`_elaborated`): "the two ministries **disagree**: one counts 3,100 dead, another
  2,900", "that toll was **disputed** at the time: medics said 65, the army 15" (dev
  ``disputed`` F1 0.532 -> 0.576; test unchanged);
* a figure set against another with "not" is the one contested: "The ministry said 46
  people died, not 108" gives the 108 ``disputed`` (cue "not"), the 46 nothing;
* the words around a figure dispute it where the parse shows no dispute verb over it
  (:func:`_judged`): a denial phrase before it ("**unable to explain** death toll of
  230,000") or a verdict after it ("87 killed, critics say **too low**"); the ledger reads
  denials from the figure's flag only (real-world dev figure flag ``disputed`` F1 0.571
  -> 0.684, flags micro-F1 0.925 -> 0.928, test 0.916 -> 0.915 (one more disputed figure,
  which the ledger's own reader already disputed); gold denials marked unchanged);
* a cue in a relative clause on the noun a figure counts says which things are
  counted, so it hedges the figure: "five deaths **that may be linked** to the virus",
  "the thousands **reported** missing" (:func:`_qualifies_count`; real-world dev figure
  flag ``speculative`` F1 0.829 -> 0.845, ``reported`` 0.706 -> 0.778; test unchanged);
* not the figures of a background clause below the cue's: a relative clause or an
  adverbial clause of reason or time (:func:`_background`: "the toll could climb further
  as 33 people remain in serious condition" hedges the toll, not the 33);
* an attributive cue hedges the figure it modifies ("an **estimated** 1,500"), and on
  the subject of "be" the figure the subject is said to be ("the **reported** turnout
  was 12,000", "the **estimated** toll is 4,500", with "reported" as an attributive
  cue: real-world dev figure flag ``reported`` F1 0.619 -> 0.682, test unchanged), and a
  hedging noun that is an argument hedges the figures of its verb ("its **estimate** of
  the dead is 4,500", "put its estimate at 260,000");
* a cue in an embedded clause (scope ``clause``, which does not hedge the claim) hedges
  the figures of that clause when it is the clause's verb or modal ("…, when a quake
  **is estimated** to have killed 12,000", "…, while 500 are still **thought** to be
  missing"), copied to the figure with scope ``sentence``; not a participle used as an
  adjective ("86 **suspected** cases") and not a checking cue.
  Measured: real-world dev figure flags micro-F1 0.867 -> 0.884 (estimated 0.564 ->
  0.906, speculative 0.618 -> 0.712), test 0.904 -> 0.906; seed corpus and FactBank
  unchanged;
* a hedging noun framing a phrase ("**by the estimate** of the IOM", "**in the
  organizers' estimate**": :func:`_framing_noun`) hedges the figures of what the phrase
  modifies, embedded or not. Measured on the rebuilt test bed: real-world dev figure flag
  ``estimated`` F1 0.860 -> 0.923, flags micro-F1 0.878 -> 0.881; test unchanged.

Cue-level scope rules of session 9 (heuristics). Measured together with the cue rules of
:mod:`.cues`: real-world dev figure flags micro-F1 0.895 -> 0.905 (``reported`` 0.682 ->
0.809, ``speculative`` 0.758 -> 0.845, ``estimated`` 0.900 -> 0.932, ``alleged`` 0.783 ->
0.857); test 0.871 -> 0.874 (``speculative`` 0.750 -> 0.811, ``reported`` 0.667 -> 0.636:
one more false figure; ``estimated`` unchanged):

* a sentence-final "according to [unnamed] reports" covers every coordinated clause
  ("23 boats joined the search, and 17 were treated, according to early reports": both;
  :func:`_first_conjunct`), and an agentless participle on the subject of "be" covers
  what the subject is said to be ("the count reported overnight was 72");
* a bare participle with its predicate hedges its own subject only ("four presumed dead,
  with about 20 injuries": not the 20; :func:`_bare_predicate`); a participle
  coordinated without an auxiliary shares the modal ("50 may have been hit and seven
  killed": :func:`_shares_aux`);
* an active belief or speech verb does not hedge the figures of its own subject ("Six of
  the callers feared a crush") nor a figure whose noun names its own counting agent
  ("against 1.27 million counted by police"; :func:`_holder`, :func:`_own_giver`); a
  speculative cue on a growth verb hedges its target only ("the toll of 2,012 expected to
  climb": no figure; :func:`_growth_subject`); an apposition describing a name is
  background ("for Mozambique, a country of 30 million");
* a hedging noun hedges the figures of its "of" phrase or that-clause wherever it stands
  ("below local estimates of 10,000 dead"; :func:`_noun_content`), and a predicate
  adjective heads an embedded clause's cue ("telling CNN the real figure was more
  **likely** to be around 2,000").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..analyze import doc_text, figure_number, span_tokens
from ..records import Claim, Hedge
from ..resources import word_alternation
from .lexicon import lexicon
from .scope import misparsed_content

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CHECKING = frozenset({"unverified", "verified", "unsourced"})
#: note targets (models/hedging/targets.json) that name figures: "the figure", "the toll"
FIGURE_TARGETS = frozenset({"figures", "casualties"})
#: dependents whose clause is their head's: "could rise", "reportedly killed", "not"
MODIFIER_DEPS = frozenset({"aux", "auxpass", "advmod", "neg", "prt", "npadvmod", "amod", "det"})
#: an embedded clause's cue hedges its figures when it is that clause's verb or modal (or
#: predicate adjective: "…, telling CNN the toll was **likely** to be nearer 2,000")
CLAUSE_CUE_POS = frozenset({"VERB", "AUX"})
#: … not a participle used as an adjective ("86 **suspected** cases")
ATTRIBUTIVE_DEPS = frozenset({"amod", "compound", "nmod", "det"})
_WORD = re.compile(r"\w+")
#: a hedging noun as an argument hedges the figures of its verb: "its **estimate** … is 45,000"
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _root(doc: "Doc", span: list[int]) -> "Token | None":
    """The cue's syntactic root: the token of the cue span whose head lies outside it."""
    found = span_tokens(doc, span)
    inside = {t.i for t in found}
    return next((t for t in found if t.head.i not in inside or t.head.i == t.i), found[0]) if found else None


def _clause(cue: "Token") -> "Token":
    """The token whose subtree the cue hedges (see the module docstring)."""
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in lexicon().dispute_nouns:
        return cue  # "a dispute between X, who counts 30, and Y": the figures inside it
    if cue.dep_ == "mark":  # "if confirmed": the clause the condition is attached to
        return cue.head.head
    if cue.dep_ in ("amod", "acl") and cue.head.dep_ == "nsubj" and cue.head.head.lemma_ == "be":
        return cue.head.head  # "the estimated toll is 4,500", "the count reported overnight was 72"
    if cue.dep_ == "prep" and cue.lower_ in lexicon().report_framing:
        return _first_conjunct(cue.head)  # "…, according to early reports": every clause
    if cue.dep_ in MODIFIER_DEPS or (cue.pos_ in ("NOUN", "PROPN") and cue.dep_ in ARGUMENT_DEPS):
        return cue.head
    return cue


def _covers(doc: "Doc", hedge: Hedge, q: dict[str, Any]) -> bool:
    if hedge["type"] == "approximate":
        return list(hedge["cue_span"]) == list(q["span"])
    if hedge["scope"] == "clause" and hedge["type"] in CHECKING:
        return False
    cue, num = _root(doc, hedge["cue_span"]), figure_number(doc, q["span"])
    if hedge["type"] in CHECKING and hedge["scope"] == "sentence" and cue is not None and num is not None:
        about = _checked_clause(cue)
        if about is not None:
            return about.i == num.i or _hangs_from(_path(num, about)[-1], about)
    if hedge["scope"] in ("previous", "following") and (
            q.get("kind") not in lexicon().class_lemmas["figures"] or _counts_places(doc, q)):
        return False  # a note on figures from another sentence is not about a distance, a magnitude or places
    if hedge["type"] in CHECKING or hedge["scope"] in ("previous", "following"):
        return True
    if cue is not None and num is not None and _noun_content(cue, num):
        return True
    frame = _framing_noun(cue) if hedge["scope"] == "clause" and num is not None else None
    if frame is not None:
        return frame.i == num.i or _hangs_from(_path(num, frame)[-1], frame)
    if hedge["scope"] == "clause" and (cue is None or num is None or cue.dep_ in ATTRIBUTIVE_DEPS or not (
            cue.pos_ in CLAUSE_CUE_POS or (cue.pos_ == "ADJ" and cue.dep_ == "acomp"))):
        return False  # "86 suspected cases": a category word, not a hedge on the count
    if cue is None or num is None:
        return True
    clause = _clause(cue)
    if hedge["type"] == "speculative" and _growth_subject(clause, num):
        return False  # "the toll of 40 is expected to rise": no figure is guessed
    if clause.i == num.i or _qualifies_count(clause, num):
        return True
    path = _path(num, clause)
    if hedge["type"] != "disputed" and any(_background(t) for t in path):
        return False  # what a denial governs is its content, relative clause or not
    if hedge["type"] == "disputed" and misparsed_content(path[-1], clause, lexicon().dispute_objects):
        return True
    if _holder(cue, clause) and (path[-1].dep_ in ("nsubj", "csubj") or _own_giver(num)):
        return False  # "six of the callers feared a crush": who fears, not what is feared
    if _bare_predicate(clause):  # "four presumed dead, with 20 injuries": the four only
        return path[-1].head.i == clause.i and path[-1].dep_ in ("nsubj", "nsubjpass")
    if cue.lower_ in lexicon().report_framing or (cue.dep_ == "aux" and _shares_aux(path[-1], clause)):
        return path[-1].head.i == clause.i  # coordinated clauses too (see _clause, _shares_aux)
    return _hangs_from(path[-1], clause)


def _counts_places(doc: "Doc", q: dict[str, Any]) -> bool:
    """Does the figure count places ("six **countries**", "the two **regions**", "580
    **towns**": the head of its counted phrase is a ``note_place_nouns`` lemma)? Such a count
    is the story's setting, not a tally a source gives, and a note from another sentence
    leaves it alone. Heuristic: real-world dev figure flag ``unverified``, see the module
    docstring."""
    span = q.get("counted_span")
    counted = doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
    return counted is not None and len(counted) > 0 and counted.root.lemma_.lower() in lexicon().note_place_nouns


def _first_conjunct(tok: "Token") -> "Token":
    """The first of the coordinated clauses ``tok`` belongs to: a sentence-final
    "according to" phrase frames all of them ("34 ships joined the search, and 14 people
    were treated, according to early reports": both). Heuristic: real-world dev figure
    flag ``reported`` (see the module docstring)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _growth_subject(clause: "Token", num: "Token") -> bool:
    """Is ``clause`` (or its infinitive) a growth verb (``growth_verbs``) and the figure
    outside its target, i.e. the tally said to grow ("the toll of 2,012 **expected to
    climb**", "the toll of 40 **could rise**"; not "could rise **to 1,000**")?
    Heuristic: real-world dev figure flag ``speculative``."""
    growth = lexicon().growth_verbs
    verb = clause if clause.lemma_.lower() in growth else next(
        (c for c in clause.children if c.dep_ == "xcomp" and c.lemma_.lower() in growth), None)
    return verb is not None and not any(
        c.left_edge.i <= num.i <= c.right_edge.i for c in verb.children if c.dep_ in ("prep", "dobj", "npadvmod"))


def _own_giver(num: "Token") -> bool:
    """Does the figure's noun name its own giver with a participle and a by-agent
    (``giver_participles``: "against 1.27 million participants **counted by police**")?
    Then it is that giver's count, not what another speaker's verb claims or believes.
    Heuristic: real-world dev figure flag ``alleged``."""
    noun = num
    while noun.dep_ in ("nummod", "quantmod", "compound") and noun.head.i != noun.i:
        noun = noun.head  # "1.27 million participants": from "1.27" up to "participants"
    return any(c.dep_ == "acl" and c.lemma_.lower() in lexicon().giver_participles
               and any(a.dep_ == "agent" for a in c.children) for c in noun.children)


def _holder(cue: "Token", clause: "Token") -> bool:
    """Is the cue an active belief or speech verb heading its own clause? Its subject
    holds the belief; a figure there is not hedged ("Six of the callers feared a crush",
    "12 witnesses claimed that ..."). Not a passive or a bare participle ("4,000 are
    **believed** missing", "58 **feared** dead": the subject is what is believed)."""
    lex = lexicon()
    return cue.i == clause.i and cue.pos_ == "VERB" and not _bare_predicate(clause) and (
        cue.lemma_.lower() in lex.doxastic or cue.lemma_.lower() in lex.speech_hedge) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in cue.children) and cue.tag_ != "VBN"


def _bare_predicate(clause: "Token") -> bool:
    """Is ``clause`` a bare participle with its predicate ("58 feared dead", "four presumed
    dead")? It says something of its subject only, not of a phrase hung on it ("…, with
    about 20 injuries": real-world dev figure flag ``speculative`` 3 false figures fewer)."""
    return clause.pos_ == "VERB" and clause.lemma_.lower() in lexicon().passive_raising and not any(
        c.dep_ in ("aux", "auxpass") for c in clause.children) and any(c.dep_ == "oprd" for c in clause.children)


def _shares_aux(top: "Token", clause: "Token") -> bool:
    """Is ``top`` a participle coordinated with ``clause`` without an auxiliary of its own,
    so that it shares ``clause``'s modal ("50 may have been hit and seven killed": the
    seven too)? Heuristic (gapping): real-world dev figure flag ``speculative``."""
    return top.dep_ == "conj" and top.head.i == clause.i and top.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in top.children)


def _framing_noun(cue: "Token | None") -> "Token | None":
    """The word a hedging noun frames as the object of a framing preposition
    (``noun_frame_preps``): "More than 1 million have ended up in camps, **by the
    estimate** of the IOM" frames "ended" and so hedges the 1 million; else None.
    Heuristic: real-world dev figure flag ``estimated`` (see the module docstring)."""
    if cue is None or cue.pos_ != "NOUN" or cue.dep_ != "pobj" or cue.lemma_.lower() not in lexicon().nouns:
        return None
    prep = cue.head
    return prep.head if prep.dep_ == "prep" and prep.lower_ in lexicon().noun_frame_preps else None


def _noun_content(cue: "Token", num: "Token") -> bool:
    """Is the figure inside what a hedging noun (``nouns``) states: its "of" phrase or its
    that-clause ("below local **estimates** of 10,000 dead", "his **estimate** that 10,000
    people had died"), wherever the noun stands? Heuristic: real-world dev figure flag
    ``estimated``."""
    if cue.pos_ != "NOUN" or cue.lemma_.lower() not in lexicon().nouns:
        return False
    return any(c.left_edge.i <= num.i <= c.right_edge.i for c in cue.children
               if (c.dep_ == "prep" and c.lower_ == "of")
               or (c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))


def _numbers(doc: "Doc", span: list[int]) -> set[str]:
    return {t.text for t in span_tokens(doc, span) if t.like_num}


def _same_number(doc: "Doc", hedge: Hedge, q: dict[str, Any], claim: Claim) -> bool:
    """A note from another sentence that names a number ("the 10,000 figure remained
    unconfirmed", "…, not 15") covers, of the claims it reaches, the figures stating that
    number only, when the claim has one ("…, and that the 10,000 figure came from the
    governor" leaves the 70 to 80 percent of that sentence alone). A range with the
    number at one end ("between 10,000 and 12,000 people") states another figure, not
    that one. Heuristic: measured with :func:`pipeline.hedging.reach.find_correction`;
    the range: real-world dev ``unverified`` one false figure fewer, none lost."""
    if hedge["scope"] not in ("previous", "following") or not hedge.get("from_sentence"):
        return True
    named = _numbers(doc, hedge["from_sentence"])
    if not named or not any(_numbers(doc, o["span"]) & named for o in claim.quantities):
        return True
    own = _numbers(doc, q["span"])
    return bool(own) and own <= named


def _qualifies_count(clause: "Token", num: "Token") -> bool:
    """Is the cue's clause a relative clause on the very noun the figure counts? Then it
    says which things are counted: "five deaths **that may be linked** to the virus"
    hedges the five, and so does one on the figure itself ("the thousands **reported**
    missing"), unlike a relative clause elsewhere (:func:`_background`) or one set off
    by a comma ("in the three countries, **which would place** it second": a comment on
    the countries, not which are counted; real-world dev figure flag ``conditional`` one
    false figure fewer)."""
    left = clause.left_edge
    if left.i > 0 and left.nbor(-1).text == ",":
        return False
    return clause.dep_ in ("relcl", "acl") and (
        (num.dep_ == "nummod" and clause.head.i == num.head.i) or clause.head.i == num.i)


def _path(num: "Token", clause: "Token") -> list["Token"]:
    """From the figure's number up to the child of ``clause`` it hangs from (or the root)."""
    path = [num]  # governed, but not through a coordinated clause ("…, and said 12 died")
    while path[-1].head.i != path[-1].i and path[-1].head.i != clause.i:
        path.append(path[-1].head)
    return path


def _hangs_from(tok: "Token", clause: "Token") -> bool:
    """Is ``tok``, the top of a figure's :func:`_path`, a dependent of ``clause`` other
    than a coordinated clause (so the figure is governed by it)?"""
    return tok.head.i == clause.i and tok.i != clause.i and tok.dep_ not in ("conj", "cc")


def _checked_clause(cue: "Token") -> "Token | None":
    """The clause a checking note is about when the note is a subordinate clause on a
    figure of it: a relative clause of a figure noun ("…said as many as 4,000 may have
    died, **a figure that could not be confirmed**": the clause of the 4,000, not the
    8,500 of the main clause) or an adverbial clause whose subject is one ("…said the
    toll had reached 127, **although that figure could not be confirmed**": not the
    1,000 of the clause before); a plural subject names every figure before it ("…, though
    those numbers have not been confirmed": all of them; dev ``unverified`` recall
    +1 figure). Otherwise None: the note covers the whole sentence.
    Heuristic: real-world dev figure flag ``unverified`` (see the module docstring)."""
    tok = cue
    while tok.dep_ not in ("relcl", "advcl") and tok.head.i != tok.i:
        tok = tok.head
    targets = lexicon().object_class
    if tok.dep_ == "relcl" and targets.get(tok.head.lemma_.lower()) in FIGURE_TARGETS:
        return tok.head.head
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tok.dep_ == "advcl" and subj is not None and targets.get(subj.lemma_.lower()) in FIGURE_TARGETS \
            and subj.tag_ != "NNS":  # "though those numbers were not confirmed": every figure named
        return tok.head
    return None


def _background(tok: "Token") -> bool:
    """Is ``tok`` the head of a clause that states background as fact, outside the scope
    of a cue above it: a relative clause ("may be alive in camps, **which hold more than
    400,000**") or an adverbial clause of reason or time (``background_marks``: "could
    climb further **as 33 people remain** in serious condition"). Not a condition ("if")
    and not a complement ("may have said that 40 died"); a denial still covers a
    relative clause it governs ("disputing the toll given by X, which says 108").
    Heuristic: real-world figure flag ``speculative`` F1 dev 0.703 -> 0.776, test
    0.739 -> 0.810; flags micro-F1 dev 0.906 -> 0.912, test 0.906 -> 0.914."""
    if tok.dep_ == "relcl" or (tok.dep_ == "appos" and tok.head.pos_ == "PROPN"):
        return True  # "for Mozambique, a country of 30 million": a description, no guess
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lexicon().background_marks
                                       for c in tok.children)


def contrasted(doc: "Doc", q: dict[str, Any]) -> Hedge | None:
    """``disputed`` for a figure negated as the rejected alternative: "…, not 108" (the
    parser hangs "not" on the number or on the verb before it; the comma and the
    adjacency say which figure it sets aside)."""
    toks = span_tokens(doc, q["span"])
    num = figure_number(doc, q["span"])
    if num is None or toks[0].i < 2:
        return None
    first = toks[0]
    neg = doc[first.i - 1]
    if neg.lower_ != "not" or not (neg.head.i == num.i or doc[first.i - 2].text in (",", ";", "—", "–")):
        return None
    return Hedge(type="disputed", cue=neg.text, cue_span=[neg.idx, neg.idx + len(neg.text)],
                 scope="sentence", from_sentence=None)


@lru_cache(maxsize=1)
def _judgement_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The denial phrases before a figure (not when what follows them refers back: "the
    figure", "this,") and the verdicts after one (models/hedging/cues.json ``dispute``)."""
    lex = lexicon()
    back = (r"\s+(?:(?:the|that|this|these|those)\s+" + word_alternation(lex.dispute_objects) + r"s?"
            + r"|" + word_alternation(lex.dispute_pointers) + r"(?=\s*[,.;:!?)\"”’]))")
    return (re.compile(word_alternation(lex.dispute_before) + f"(?!{back})", re.IGNORECASE),
            re.compile(word_alternation(lex.dispute_after), re.IGNORECASE))


def _judged(sent: "Span", claim: Claim, q: dict[str, Any]) -> Hedge | None:
    """``disputed`` for a figure the words around it contest where the parse shows no
    dispute verb over it: a denial phrase at most ``window_words`` words before it ("Haiti
    **unable to explain** death toll of 230,000") or a verdict as many words after it ("87
    killed, critics say **too low**", "125 **did not match** what they saw"), with no
    other count between (a count of one is a determiner more than a figure).

    Heuristic, read by the ledger as the figure's flag (its one denial reader): real-world
    dev gold denials marked stay 0.600, dev figure flag ``disputed`` F1 0.571 -> 0.684;
    test flags micro-F1 0.916 -> 0.915 (docs/ledger.md, "Timelines, revisions and denials")."""
    before, after = _judgement_patterns()
    # the sentence's own text (``doc.text`` joins every token of the document anew)
    window, text, base = lexicon().dispute_window, sent.text, sent.start_char
    start, end = q["span"][0] - base, q["span"][1] - base
    others = [o["span"][0] - base for o in claim.quantities if o is not q and o.get("span")
              and (o.get("kind") or "count") == "count" and o.get("value") != 1]
    found = [m for m in before.finditer(text, 0, max(start, 0))
             if len(_WORD.findall(text, m.end(), start)) <= window and not any(m.end() <= o < start for o in others)]
    found += [m for m in after.finditer(text, end)
              if len(_WORD.findall(text, end, m.start())) <= window and not any(end <= o < m.start() for o in others)]
    if not found:
        return None
    m = found[0]
    return Hedge(type="disputed", cue=m.group(0), cue_span=[m.start() + base, m.end() + base], scope="sentence",
                 from_sentence=None)


def _disagreement(tok: "Token") -> bool:
    """Does ``tok`` say that counts disagree, without an object of its own? "disagree",
    "differ" (no object), a passive dispute verb ("was disputed"), a dispute noun after
    "of"/"in" ("a matter of open dispute", "in dispute")."""
    lex, lemma = lexicon(), tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in lex.disagree_verbs:
        return not any(c.dep_ == "dobj" for c in tok.children)
    if tok.pos_ == "VERB" and lemma in lex.dispute_verbs:
        return any(c.dep_ == "auxpass" for c in tok.children)
    return tok.pos_ == "NOUN" and lemma in lex.dispute_nouns and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "in")


def _elaborated(sent: "Span", claim: Claim, q: dict[str, Any]) -> Hedge | None:
    """``disputed`` for a count that elaborates a disagreement stated before it: "Velin's
    ministries **disagree**: one counts 3,100 dead, another 2,900", "That toll was
    **disputed** at the time: medics said 65, the army 15", "became a matter of open
    **dispute** when the agency put the toll at 4,460". The disagreement (:func:`_disagreement`)
    comes before every count of the sentence and is followed, within ``window_words``
    words, by an ``elaboration_marks`` word or sign; the counts after it are the rivals.

    Heuristic: real-world dev figure flag ``disputed`` F1 0.532 -> 0.576, flags micro-F1
    0.879 -> 0.880, gold denials marked 0.318 -> 0.376; test unchanged (flags 0.871)."""
    lex = lexicon()
    counts = [o["span"][0] for o in claim.quantities if o.get("span") and (o.get("kind") or "count") == "count"]
    if not counts or q["span"][0] not in counts:
        return None
    for tok in sent:
        if tok.idx >= q["span"][0] or not _disagreement(tok):
            continue
        # the parties' own number ("the two ministries disagree") is who disagrees, no rival
        parties = {t.idx for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if any(o < tok.idx and o not in parties for o in counts):
            return None
        mark = next((t for t in sent[tok.i - sent.start + 1:] if t.lower_ in lex.elaboration_marks), None)
        if mark is None or mark.idx > q["span"][0] or len(_WORD.findall(doc_text(sent.doc), tok.idx, mark.idx)) > lex.dispute_window:
            return None
        return Hedge(type="disputed", cue=tok.text, cue_span=[tok.idx, tok.idx + len(tok.text)], scope="sentence",
                     from_sentence=None)
    return None


def figure_hedges(doc: "Doc", claim: Claim) -> list[list[Hedge]]:
    """The hedges of each of ``claim``'s quantities, in order (copies: a record's parts
    never share an object, so shifting offsets moves each once)."""
    out = []
    sent = doc.char_span(claim.start, claim.end, alignment_mode="expand") if claim.quantities else None
    for q in claim.quantities:
        # a cue of an embedded clause hedges the figures of that clause: for them it is
        # an in-sentence cue ("…, when a quake **is estimated** to have killed 12,000")
        hedges = [Hedge(**dict(h, scope="sentence" if h["scope"] == "clause" else h["scope"]))
                  for h in claim.hedges if _covers(doc, h, q) and _same_number(doc, h, q, claim)]
        # one ``disputed`` hedge a figure: the parse's first, then the words' ("…, not 108")
        own = [] if any(h["type"] == "disputed" for h in hedges) else \
            [h for h in (contrasted(doc, q), _judged(sent, claim, q) if sent is not None else None,
                         _elaborated(sent, claim, q) if sent is not None else None) if h is not None][:1]
        out.append(hedges + own)
    return out
