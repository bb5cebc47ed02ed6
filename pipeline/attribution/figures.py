"""Who gives each figure: one attribution per ``quantities[]`` item (schema 1.2).

A sentence may carry several reports, each with its own number: "A police chief said 40
people were killed and a hospital official said 65 were killed." The figure's
attribution is chosen among the claim's own attribution and its reporting relations in
``other_attributions`` (see :func:`reporting`; not a relation whose source is a tally
noun with no giver, :func:`_bare_tally`):

* first, in a gapped list after a counting or reporting verb, the name right before the
  number ("Algeria reported seven deaths, Senegal five": :func:`gapped_giver`);
* money handed over has none (:func:`transferred`: "released 3 million euros in aid");
* nor has a match's score (:func:`score`: "the home side lost 3-2");
* the giver the figure's own description names: a relative clause or "by" participle
  on it, a tally noun it completes or restates (:func:`described_by`), the agent of a
  passive counting verb (:func:`passive_giver`, also with the number after a colon,
  "Far fewer were counted by the ministry: 480,000"), "by X's count", "in X's
  estimate" (:func:`by_count`);
* then, with two "according to" or more in the sentence, the one just after the figure
  (:func:`after_figure`: "8,500, according to the police, and 50,000, according to the
  unions");
* the relation whose ``content`` contains the figure, the innermost when several do
  (65 lies in the content of both "said"s, the hospital official's is the smaller), not
  an outlet's tag after another report (:func:`_relayed`: it relays), nor an agentless
  passive when a sourced report contains or governs the figure too
  (:func:`_reported_passive`: "According to X, 30 have been reported missing"), nor a relation
  whose hearer the figure counts (:func:`_addressed`), nor one the figure escapes in a
  clause the outlet adds after the reported one (:func:`_added_clause`: "X said …, and
  aid groups began …, where about 80 percent …"), nor one whose cue stands in a
  relative clause or a participle on a noun that does not hold the figure
  (:func:`_outside_relative`: "The last two victims … were …, whose identities were
  confirmed by the coroner" gives the two no source), nor a report with a clause of its
  own after a semicolon that follows the figure (:func:`_beyond_semicolon`);
* else the relation whose cue governs the figure in the parse, the nearest such cue
  (the content span is a guess at what is reported, the parse says what the verb
  governs: "The agency put the number of deaths at 2,316", content "the number of
  deaths"), unless the figure is part of the source itself ("Two witnesses said") or of
  a relative clause, apposition or participle describing the cue's one subject ("X, a
  local man who helped bring out several survivors, told …": the figure describes the
  speaker) or a phrase that opens the clause before it ("In Velin, a village about 40 km
  south of Tarn, residents said …": :func:`_fronted`) or
  lies in a clause of its own coordinated with the cue's ("X put the toll at 4,500, and
  1 million people were driven from their homes", :func:`_own_clause`) or in a clause of
  time after the cue ("…, before the number was raised to 174 …", :func:`_sequel`); a
  speech tag after the start of its clause governs that clause ("An earthquake of
  magnitude 6.8 hit …, the survey said, frightening …": the content span is the longer
  piece after the tag, the parse says the tag reports the clause it is set in; real-world
  figure source dev 0.708 -> 0.711, test unchanged); likewise "according to X" governs the
  clause it modifies, wherever it stands ("At least 70 people died in Velin, according
  to the Red Crescent, and officials in Tarn said 45 …": dev 0.774 -> 0.776, test 0.699 -> 0.705);
* else the claim's own attribution when it reports the whole sentence: a quotation or
  quote paragraph (``direct``), an inherited source, or a cue with no content span;
* a speech tag set off by commas inside the sentence ("Of the total, the authority said,
  41 …, 19 …") gives every figure the relation chosen above does not govern, and a figure
  before the tag that an agentless passive governs ("Of the 58, X said, 30 had been
  confirmed dead") (:func:`parenthetical`);
* else the subject of a counting verb whose object is the figure (:func:`tally`:
  "police counted 22,000 demonstrators"; also over a report that governs the figure when
  the count stands in an adverbial clause of its own, "…, while the centre puts the
  number at 30,920", :func:`_set_against`; also any verb that sets a tally noun to the
  figure, "authorities cut the number of dead to 125", :func:`_sets_tally`), or the giver of the tally noun the figure
  completes ("Its previous count had been 632"; with a copula also a body that modifies
  it, "The police estimate for that march was 240,000"), or the subject of a verb of belief or
  expectation above it (:func:`believed_by`: "Police believe 293 people were inside");
* else, for a figure nothing above gives, a report whose content follows a colon ("X
  wrote on Twitter: 14 had died and 13 …", :func:`colon_report`) or a speech tag after
  the figure's clause that the parser misread (", organizers of the march say, …",
  :func:`trailing_tag`), then an opening "By X's account," (:func:`opening_count`);
* a part opened by "including" or "among" (``inclusion_marks``) that nothing gives takes
  the giver of the figure before it (:func:`part_of`: "127 people were dead, including two
  police officers");
* after a semicolon, the rest of a set nothing gives ("X said 74 bodies had reached
  hospitals; the other 46 victims had not been moved") takes the report before the
  semicolon (:func:`complement_of`);
* else none: the number stands outside every report, in the outlet's voice ("At least
  12 died on Monday, when police said the bridge collapsed" gives the 12 no source).

Never a giver: a relation whose source holds the figure ("The lane is four metres wide,
several people said": the figure counts or describes the speakers), a cause that claims
lives (a stop object of the verb, :func:`pipeline.attribution.cues.stopped`), one who
puts people or money somewhere (:func:`_placed`), a headline's tag ("LIVE: …",
``headline_tags``), a report said not to have happened ("though those numbers have not
been confirmed by the agency": :func:`reporting`); nor has a figure describing a place in
an aside ("Velin, a city of 350,000, …": :func:`place_aside`). Also given: the tally
noun's body modifier or own clause ("an early police figure of 20", "a figure of 30,000
that police had counted": :func:`_tally_giver`), a belief set off as an aside ("In all,
police believe, 293 …"), the "that" clause of a giver's estimate or claim
(:func:`noun_content`). With the free relative of :func:`_outside_relative`, "quoted X as
saying" (:func:`pipeline.attribution.cues._quoted_as`), the colon of :func:`gapped_giver`
and the fronted clause of :func:`_governs`: real-world figure source dev 0.794 -> 0.808,
test 0.739 -> 0.749 (dev errors spurious 54 -> 35, none 130 -> 123).

Session-9 rules on which speaker of the sentence gives a figure (together real-world figure
source dev 0.827 -> 0.835, spurious 35 -> 29, test 0.753 unchanged): a figure counting whom
the giver cites has none (:func:`cited`: "X, citing several agencies, put the toll at 80");
nor has history in a clause of time on a year (:func:`recalled`: "memories of 1998, when
about 300 died"); a report in an adverbial clause of its own gives only that clause
(:func:`_set_apart`: "… had 461 dead, while 30 deaths were reported by Tarn"); an outlet's
tag after the figure relays the count or belief of the clause it tags (:func:`_relaying`:
"Officials reckoned that some 400 were trapped, Reuters reported"); a fronted noun phrase of
time and a phrase on the speaker's subject describe, they are not reported
(:func:`_governs`); "nine villagers confirmed dead" is no report
(:func:`.cues.state_participle`).

``cites`` lists whom the giver relies on: the objects of a citation participle
("the UN office, citing the Red Cross, said" → ["Red Cross"], "State television,
quoting the interior ministry, said" → ["interior ministry"]) that hangs from the
relation's cue or source, or, when the parse attaches it elsewhere, lies nearest to
that cue. A heuristic on the parse; measured on the real-world test bed
(docs/evaluation.md).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..analyze import figure_number, span_tokens
from .cues import is_citation, is_tag, state_participle, stolen_object, stopped
from .lexicon import Lexicon
from .sources import DocIndex, doc_text, source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Record = dict[str, Any]


def reporting(doc: "Doc", rel: Record, lex: Lexicon) -> bool:
    """Is the relation a report of something said or found ("said", "according to",
    "reportedly", "estimates"), not an attitude or intention ("wants", "plans"), by
    someone who can give a figure (not "the scene recalled …": ``non_source_heads``; not
    an event, "the flood claimed 40 lives": ``event_nouns``, with the same test in
    :func:`tally` and :meth:`DocIndex.giver`: real-world figure source dev 0.852 -> 0.853,
    test unchanged), and not negated ("those numbers have not been confirmed by the
    agency": the agency gives none of them)?"""
    cue = span_tokens(doc, rel.get("cue_span"))
    if not cue or rel.get("source") is None and rel.get("mode") != "passive":
        return False
    if cue[0].lower_ == "according":
        return True
    if any(t.lemma_.lower() in lex.non_source_heads or t.lower_ in lex.event_nouns
           for t in span_tokens(doc, rel.get("source_span"))[-1:]):
        return False  # "the scene recalled 2003, when 500,000 …", "the flood claimed 40 lives": no one gives it
    if any(t.dep_ == "neg" or any(c.dep_ == "neg" for c in t.children) for t in cue):
        return False  # "…, though those numbers have not been confirmed by the agency": not its figures
    if any(state_participle(t) for t in cue):
        return False  # "nine villagers confirmed dead": a learned cue no one speaks either
    # a stop object holds for a learned cue as for a claim's own: "has claimed 40 lives"
    # reports nothing (:func:`stopped`; with :func:`_placed`, dev spurious 54 -> 45)
    return any(t.lemma_.lower() in lex.verbs and not is_citation(t, lex)
               and not stopped(t, lex.verbs[t.lemma_.lower()]) for t in cue) or any(t.lower_ in lex.adverbs for t in cue)


def _bare_tally(doc: "Doc", rel: Record, index: DocIndex, lex: Lexicon) -> bool:
    """"The number of people confirmed dead … had reached 355": a relation whose source
    is a tally noun with no giver (``figure_nouns``; "the agency's count", "the
    Associated Press tally" have one) is a misread subject, not who gives the figures.
    A heuristic on the parse: real-world figure source dev 0.726 -> 0.729, test unchanged."""
    toks = span_tokens(doc, rel.get("source_span"))
    ids = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), None)
    named = any(t.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") for t in toks)  # "The AP tally"
    return root is not None and root.lemma_.lower() in lex.figure_nouns and index.giver(root) is None \
        and not named


def _inside(span: list[int], outer: list[int] | None) -> bool:
    return outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _whole_sentence(att: Record) -> bool:
    return att.get("mode") in ("direct", "inherited") or att.get("content_span") is None


def _governs(doc: "Doc", rel: Record, num: "Token", lex: Lexicon) -> int | None:
    """How deep below the relation's cue the figure's number lies in the parse (None
    when the cue does not govern it, or the number is part of the source)."""
    if _inside([num.idx, num.idx + len(num)], rel.get("source_span")):
        return None
    depth = 0
    tokens = span_tokens(doc, rel.get("cue_span"))
    cue = {t.i for t in tokens}
    # a speech tag hangs from the clause it reports ("An earthquake of magnitude 6.8 hit
    # …, the survey said, frightening …"): that clause is what it governs
    cue |= {t.head.i for t in tokens if t.pos_ in ("VERB", "NOUN") and t.i > t.head.i and is_tag(t)}
    # "according to X" modifies the clause it reports ("At least 70 died in Velin,
    # according to the Red Crescent, and officials said …": its content span is the piece after it)
    cue |= {t.head.i for t in tokens[:1] if t.lower_ == "according" and t.head.i != t.i}
    tok, aside, modifies = num, False, False
    while tok.head.i != tok.i and depth < 50:
        if tok.i in cue:
            return depth
        if tok.dep_ == "conj" and tok.head.i in cue and _own_clause(tok):
            return None  # "X put the toll at 4,500, and 1 million people were driven from their homes"
        if tok.dep_ == "advcl" and tok.head.i in cue and _sequel(tok, lex):
            return None  # "X had said 127 were killed, before the number was raised to 174"
        aside = aside or tok.dep_ in _DESCRIBING
        modifies = modifies or tok.dep_ == "prep"
        if (aside or modifies) and tok.dep_ in ("nsubj", "nsubjpass") and tok.head in tokens \
                and _one_subject(tok.head):
            # "Sohel Rana, a local man who helped bring out several survivors, told …";
            # "Experts from more than two dozen nations are identifying …" (dev +1)
            return None
        if tok.dep_ in _FRONTED and tok.head in tokens and _fronted(tok) and (
                aside or any(c.dep_ == "pcomp" and c.pos_ == "VERB" for c in tok.children)):
            # "In Velin, a village about 40 km south of Tarn, residents said …"; "After
            # visiting three clinics, the governor said …": what the speaker did, not what he says
            return None
        tok, depth = tok.head, depth + 1
    return depth if tok.i in cue else None


def _sequel(clause: "Token", lex: Lexicon) -> bool:
    """Is the adverbial clause what happened before or after the report, told by the
    outlet ("Local police had said … that 127 people were killed, before the number was
    raised to 174 by officials and then brought down to 125"): a clause after the cue with
    a subject of its own and a subordinator of time (``sequel_marks``)? The cue does not
    govern it. A heuristic on the parse: real-world figure source dev 962 -> 963 of 1114
    right (0.864), test 0.732 -> 0.735."""
    return clause.i > clause.head.i and any(c.dep_ == "mark" and c.lower_ in lex.sequel_marks
                                            for c in clause.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


#: dependents that describe an entity (a relative clause, an apposition, a participle):
#: a figure in one that hangs from the speaker describes the speaker, it is not reported
_DESCRIBING = frozenset({"relcl", "appos", "acl"})


#: phrases that can open a clause and set its scene: a prepositional phrase, and a noun
#: phrase of time ("Hours before the flood that killed 56 people, residents had been …")
_FRONTED = frozenset({"prep", "npadvmod"})


def _fronted(prep: "Token") -> bool:
    """Does the phrase open the clause, before its verb's subject ("In Velin, a village
    about 40 km south of Tarn, residents said …")? A description in it sets the scene in
    the outlet's voice: real-world figure source dev 0.832 -> 0.834, test 0.729 -> 0.732.
    Also a noun phrase of time ("Hours before the flood in Velin that killed at least 56
    people, residents had been telling officials …": dev +1, test unchanged)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > prep.i for c in prep.head.children)


def _one_subject(verb: "Token") -> bool:
    """The verb has one subject (a tag the parser gives a second one, the reported
    clause's, "The number … passed 2,000, …, the ministry said", is not such a verb)."""
    return sum(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) == 1


def _own_clause(conj: "Token") -> bool:
    """A conjunct that is a clause of its own, coordinated with the cue's: its own
    subject, and no "that" of a second reported clause ("said that …, and that 34 …").
    A cue does not govern through it (real-world figure source dev 0.749 -> 0.751, test
    0.690 unchanged). Not a number with a bare verb ("had reported two dead and dozens
    injured"): the object's list, which the parser reads as a clause (dev 0.791 -> 0.792,
    test 0.709 -> 0.712)."""
    subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.dep_ == "mark" for c in conj.children):
        return False
    counted = subjects[0].like_num or subjects[0].ent_type_ == "CARDINAL"
    return not (counted and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in conj.children))


def _added_clause(doc: "Doc", rel: Record, num: "Token | None") -> bool:
    """Does the figure lie in a clause the outlet adds after the reported one, ", and"
    with a subject of its own that counts nothing ("Obama said U.S. officials were
    ready to help, and aid groups began to mobilize teams for Haiti, where about 80
    percent …")? The parser coordinates it with the reported clause and the content
    span runs on to the end; a second reported figure ("said 40 died, and 300 were
    injured"), a second "that" and a clause with no comma before its "and" stay
    reported. A heuristic on the parse: real-world figure source dev 0.853 -> 0.856,
    test unchanged."""
    cue = {t.i for t in span_tokens(doc, rel.get("cue_span"))}
    if rel.get("mode") == "direct" or not cue:
        return False  # a quotation goes on to its closing mark
    tok = num
    while tok is not None and tok.head.i != tok.i and tok.i not in cue:
        # only after the cue: a tag at the end ("…, and …, officials said") reports both clauses
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.i in cue and tok.head.i > max(cue) \
                and _own_clause(tok):
            subj = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
            # the parser hangs "and" from the first clause, or from the second
            cc = next((c for c in (*tok.head.children, *tok.children)
                       if c.dep_ == "cc" and tok.head.i < c.i < subj.i), None)
            return cc is not None and doc[cc.i - 1].text == "," and not any(
                t.like_num for t in subj.subtree)
        tok = tok.head
    return False


def _governs_figure(doc: "Doc", rel: Record, q: Record, lex: Lexicon) -> bool:
    num = figure_number(doc, q["span"])
    return num is not None and _governs(doc, rel, num, lex) is not None


def _relayed(rels: list[Record]) -> list[Record]:
    """"X said 550 people took part …, the Velin Journal reports": an outlet's tag after
    another report that contains the same figure relays it (``via``), whatever the
    content spans say; the outlet is dropped from the candidates. A heuristic on the
    relations: real-world figure source dev 0.790 -> 0.791, test unchanged."""
    givers = [r for r in rels if r.get("source_type") != "media" and r.get("cue_span")]
    if not givers:
        return rels
    last = max(r["cue_span"][0] for r in givers)
    return [r for r in rels if r.get("source_type") != "media" or (r.get("cue_span") or [0])[0] < last]


def _relaying(rel: Record | None, q: Record) -> bool:
    """"Police estimated the crowd at 19,000, Reuters reported", "Officials believe some
    400 are trapped, Reuters reported": an outlet's tag after the figure relays the count or
    belief of the clause it tags (as :func:`_relayed` does for a report), so that count's or
    belief's subject gives the figure, not the outlet; only a counting verb's
    (``figure_verbs``), not one that moves a tally ("That recovery brought the toll to 295,
    Yonhap said": an event counts nothing). A heuristic on the relations: real-world
    figure source dev +2 with "reckon" a belief verb, test unchanged."""
    return rel is not None and rel.get("source_type") == "media" and (
        rel.get("cue_span") or [0])[0] >= q["span"][1]


def _addressed(doc: "Doc", rel: Record, num: "Token | None", lex: Lexicon) -> bool:
    """Is the number in the hearer of the relation's cue ("Police told four of the
    callers that …": ``addressee`` verbs), whom the speaker tells, not what?"""
    for verb in span_tokens(doc, rel.get("cue_span")):
        if num is not None and (lex.verbs.get(verb.lemma_.lower()) or {}).get("addressee"):
            hearer = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if hearer is not None and hearer.left_edge.i <= num.i <= hearer.right_edge.i:
                return True
    return False


def _outside_relative(doc: "Doc", rel: Record, num: "Token | None") -> bool:
    """Is the relation's cue inside a relative clause on a noun that does not hold the
    number ("The last two victims … were a mother and daughter, …, whose identities were
    confirmed by the coroner")? Such a clause describes its noun: its report covers only
    what the clause says, whatever the content span guesses. A heuristic on the parse;
    with the describing-subject rule of :func:`_governs` (``_DESCRIBING``): real-world
    figure source dev 0.821 -> 0.823, test 0.725 -> 0.728. Likewise a past participle on
    a noun covers only that noun phrase ("…, well below the 316,000 deaths announced by
    the prime minister" does not give the figure before it: dev 0.828 -> 0.829,
    test unchanged). A free relative ("…, turning farmland into what aid workers described
    as an inland sea") covers only its own clause too."""
    verb = next((t for t in span_tokens(doc, rel.get("cue_span")) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or num is None:
        return False
    top = next((a for a in (verb, *verb.ancestors) if a.dep_ in ("relcl", "acl")), None)
    if top is None and verb.dep_ != "ROOT" and verb.left_edge.tag_ == "WP" and verb.left_edge.lower_ != "who":
        top = verb  # "…, turning farmland into what aid workers described as an inland sea": a free relative
    if top is not None and top.dep_ == "acl" and top.tag_ == "VBN":
        top = top.head  # "the 316,000 deaths announced by X": the noun phrase it is part of
    elif top is not None and top.dep_ == "acl":
        return False
    return top is not None and not top.left_edge.i <= num.i <= top.right_edge.i


def _set_apart(doc: "Doc", rel: Record, num: "Token | None") -> bool:
    """Is the relation's cue in an adverbial clause of its own that does not hold the number
    ("Southern Velin had at least 461 dead, while more than 30 deaths were reported by
    Tarn": a clause with a subordinator and what it reports, its own subject or clause)?
    It reports that clause, not the one it is set against; a bare tag ("…, as the
    ministry reported") has nothing of its own and still reports its clause. A heuristic
    on the parse: real-world figure source dev +2, test unchanged."""
    cue = span_tokens(doc, rel.get("cue_span"))
    verb = next((t for t in cue if t.pos_ == "VERB"), None)  # "were reported": the participle
    if verb is None or num is None or verb.dep_ != "advcl" or not any(c.dep_ == "mark" for c in verb.children):
        return False
    source = rel.get("source_span") or [-1, -1]
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", *_REPORTED)
           and not source[0] <= c.idx < source[1]]
    return bool(own) and not verb.left_edge.i <= num.i <= verb.right_edge.i


#: a reporting verb's clause dependents: what it reports
_REPORTED = ("ccomp", "xcomp", "parataxis")


def _reported_passive(rels: list[Record], every: list[Record], depth: Callable[[Record], int | None]) -> list[Record]:
    """"According to the Tarn unit, 30 people have been reported missing", "Up to 4,000 may
    have died, officials said, but that estimate could not be confirmed": an agentless
    passive is no giver when a report with a source contains the figure too, or governs it
    in the parse; the figure is that source's, not the outlet's voice. The candidates
    without a source are then replaced by those sourced ones. A heuristic on the
    relations and the parse: real-world figure source dev 0.772 -> 0.774, test unchanged."""
    if any(r.get("source") is not None for r in rels) or all(r.get("mode") != "passive" for r in rels):
        return [r for r in rels if r.get("source") is not None] or rels
    governing = [(d, i, r) for i, r in enumerate(every) if r.get("source") is not None and (d := depth(r)) is not None]
    return [min(governing, key=lambda x: x[:2])[2]] if governing else rels


def _beyond_semicolon(doc: "Doc", rel: Record, q: Record) -> bool:
    """"The carrier left port with roughly 5,000 sailors and over 80 aircraft; the Pentagon
    said it should arrive within two days": a report after a semicolon that follows the
    figure, with its own content after it, is a new statement; it does not give the
    figures before the semicolon (a bare tag, "…; 30 were hurt, police said", still
    does). A heuristic on punctuation and the parse: real-world figure source dev 0.778 ->
    0.778 (+4 right, 3 now named otherwise by the story's names), test 0.719 -> 0.722."""
    spans = [x for x in (rel.get("source_span"), rel.get("cue_span")) if x]
    if not spans or min(x[0] for x in spans) <= q["span"][1]:
        return False
    semi = doc_text(doc).rfind(";", q["span"][1], min(x[0] for x in spans))
    if semi < 0:
        return False
    # its own content: a clause the cue's verb governs, after the verb
    return any(c.dep_ in ("ccomp", "xcomp") and c.i > v.i for v in span_tokens(doc, rel.get("cue_span"))
               for c in v.children)


def choose(doc: "Doc", q: Record, own: Record | None, others: list[Record], lex: Lexicon) -> Record | None:
    """The relation that gives figure ``q`` (see the module docstring); never one whose
    hearer the figure counts (:func:`_addressed`: real-world figure source dev 0.792 ->
    0.793, test unchanged)."""
    num = figure_number(doc, q["span"])
    # a figure in the source counts or describes the speakers ("several people said",
    # "Ana Velo, a mother of four, said"): none of theirs
    every = [r for r in ([own] if own else []) + others
             if not _inside(q["span"], r.get("source_span"))
             and not _addressed(doc, r, num, lex) and not _outside_relative(doc, r, num)
             and not _added_clause(doc, r, num) and not _beyond_semicolon(doc, r, q)
             and not _set_apart(doc, r, num)]
    own = own if own in every else None
    rels = _relayed([r for r in every if _inside(q["span"], r.get("content_span"))])
    if rels:
        rels = _reported_passive(rels, every, lambda r: _governs(doc, r, num, lex) if num is not None else None)
        return min(rels, key=lambda r: (r.get("content_span") or [0, 0])[1] - (r.get("content_span") or [0, 0])[0])
    governing = [(d, i, r) for i, r in enumerate(every)
                 if num is not None and (d := _governs(doc, r, num, lex)) is not None]
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
    # a giver found without a reporting relation (a tallying verb's subject, a belief,
    # a label) is a candidate too: "Authorities cut the toll to 125, citing hospital
    # records" has no other relation to compare the participle with
    pool = rels if any(r is rel for r in rels) else [*rels, rel]
    out = []
    for part, name in found:
        best = min(pool, key=lambda r: _distance(part, r, doc))
        if best is rel and name not in out:
            out.append(name)
    return out


def _according(doc: "Doc", rel: Record) -> bool:
    cue = span_tokens(doc, rel.get("cue_span"))
    return bool(cue) and cue[0].lower_ == "according"


def after_figure(q: Record, quantities: list[Record], rels: list[Record], doc: "Doc") -> Record | None:
    """With two "according to" or more in the sentence, each names the figure just before
    it: "8,500 people, according to the police, and nearly 50,000, according to the
    unions" (the content spans of both cover the whole clause). The nearest such cue
    after the figure with no other figure in between; None when there is none or the
    sentence has one "according to" only (the same cue found twice, as a cue relation and as
    another relation, is one: "Authorities estimate that 23,000 houses were damaged,
    according to the AP" is the authorities': real-world figure source dev +2, test
    unchanged). A heuristic on word order."""
    ats = sorted((r for r in rels if _according(doc, r)), key=lambda r: r["cue_span"][0])
    if len({r["cue_span"][0] for r in ats}) < 2:
        return None
    nxt = next((r for r in ats if r["cue_span"][0] >= q["span"][1]), None)
    if nxt is None or any(q["span"][1] <= o["span"][0] and o["span"][1] <= nxt["cue_span"][0]
                          for o in quantities if o is not q):
        return None
    return nxt


def _object_path(num: "Token", limit: int = 4) -> "Token | None":
    """The verb of which the number (or the noun it counts) is the direct object, or the
    object of a preposition of ("raised the toll to 136", "measured the quake at 6.8"),
    or of a copula ("Its previous figure was around 12,000", the parser reading "around"
    as a preposition: real-world figure source dev 0.746 -> 0.747, test unchanged), or a
    number the parser makes the subject of a bare participle coordinated with the verb ("put
    the figure at 127 dead and 180 injured": the list read as a clause; its one dev figure
    now has its giver under another name, test unchanged), also
    when the parser hangs the phrase from a participle of the object ("put the number
    rescued at about 2,000": dev 0.747 -> 0.749, test 0.689 -> 0.690), or a number the
    parser coordinates with the verb itself ("counted 160,000 …, and 300,000 passing …":
    dev and test unchanged, its one dev figure now has its giver under another name), or
    the first conjunct of a subject the parser joined to the verb's object ("police counted
    1.27 million people and the unions claimed …", :func:`stolen_object`), or a number
    the parser coordinates with a copula after its attribute ("Its tally was 1.089 million
    across the country and 119,000 for the capital": dev 0.781 -> 0.782, test unchanged)."""
    tok = num
    for _ in range(limit):
        if (tok.dep_ in ("dobj", "attr", "oprd") or tok.pos_ == "ADJ" and tok.dep_ in ("advcl", "acomp", "xcomp")) \
                and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head  # "reported more than 2,000 dead": the parser hangs "dead" as a clause
        if tok.dep_ == "conj" and tok.like_num and (tok.head.pos_ == "VERB" or tok.head.pos_ == "AUX" and any(
                c.dep_ == "attr" and c.i < tok.i for c in tok.head.children)):
            # "counted 160,000 people …, and 300,000 passing …": a gapped object; "Its tally
            # was 1.089 million across the country and 119,000 for the capital": a gapped attribute
            return tok.head
        if tok.dep_ == "nsubj" and (stolen := stolen_object(tok)) is not None and num.i < stolen[1].left_edge.i:
            return stolen[0]  # "police counted 1.27 million people and the unions claimed …"
        if tok.dep_ == "nsubj" and tok.like_num and tok.head.dep_ == "conj" and tok.head.tag_ == "VBN" \
                and tok.head.head.pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass") for c in tok.head.children):
            return tok.head.head  # "put the figure at 127 dead and 180 injured": the list read as a clause
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head
            if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.head.head.pos_ == "VERB":
                # "put the number rescued at about 2,000": the parser hangs the "at" phrase
                # from the participle; it completes the verb of the object
                return verb.head.head
            return verb
        if tok.head.i == tok.i or tok.dep_ not in ("nummod", "quantmod", "compound", "pobj", "prep", "amod",
                                                   "advmod", "npadvmod", "appos", "conj", "cc"):
            return None
        tok = tok.head
    return None


def _set_against(verb: "Token") -> bool:
    """"X said 38,195 were killed, while the centre puts the number at 30,920": a counting
    verb in an adverbial clause of its own, with its own subject, sets its figure against
    the report it hangs from, not inside it (a heuristic on the parse: real-world figure
    source dev 0.762 -> 0.765, test unchanged)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in verb.children) or _spliced(verb)


def _spliced(verb: "Token") -> bool:
    """"Police first said 60 people had died, a regional official raised that to 85, …":
    a counting clause with a subject of its own spliced on by a comma (no "that", no
    "and") after the report's own reported clause is a second account, the parser's
    second ``ccomp`` of the report, not inside it. A heuristic on the parse: real-world
    figure source dev and test unchanged (its one dev figure now has its giver, named as
    the police by the unnamed-official rule of :mod:`.sources`)."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "nsubj" for c in verb.children) \
            or any(c.dep_ == "mark" for c in verb.children):
        return False
    first = next(t for t in verb.subtree if not t.is_punct)  # the parser may hang the comma on it
    return first.i > 0 and verb.doc[first.i - 1].text == "," and any(
        c.dep_ == "ccomp" and c.i != verb.i and c.right_edge.i < first.i for c in verb.head.children)


def tally(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(verb, source) when the figure is the object of a counting verb whose subject
    gives it: "police counted 22,000 demonstrators", "the agency has logged 8,300
    cases", "hospitals registered 81" (``figure_verbs`` in models/attribution/cues.json).
    Such verbs report only their own count, so they are no claim-level cue ("Police
    counted the ballots" has no content to attribute). The subject is the nearest one
    before the verb (a label parsed as a second subject is not who counts: real-world
    figure source dev 0.780 -> 0.781, test unchanged). A heuristic on the parse."""
    num = figure_number(doc, q["span"])
    setter = _sets_tally(num, lex) if num is not None else None
    verb = setter or (_object_path(num) if num is not None else None)
    if verb is None:
        return None
    if setter is None and (_placed(num, verb, lex) or state_participle(verb)):
        # "had put 310 pupils on the boat", "put up 5 million euros": no count; nor
        # "nine villagers confirmed dead and four presumed dead" (:func:`.cues.state_participle`)
        return None
    if verb.lemma_.lower() not in lex.figure_verbs and setter is None:
        # "Its previous count had been 632": the figure of a tally noun's giver
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "The police estimate for that march was 240,000": a copula makes the figure the
        # tally itself, whose modifier naming a body gives it ("the AP tally covers 15 of
        # those nations" says something about the tally, not what it counts)
        giver = None if subj is None else index.count_giver(subj, of=False) if verb.lemma_ == "be" \
            else index.giver(subj)
        found = index.resolve(*source_phrase(giver)) if giver is not None else None
        return (verb, found) if found is not None and index.resolved(found) else None
    # the nearest subject before the verb: a label the parser makes a second subject
    # ("Record in Velin: police count 22,000 …") is not who counts
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None)
    if subj is None and (verb.dep_ == "conj" or _bare_participle(verb)):
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or lex.pronouns.get(subj.lower_) == "self" or subj.like_num \
            or subj.lemma_.lower() in lex.non_source_heads or subj.lower_ in lex.event_nouns:
        return None  # "the flood claimed 40 lives": an event is no giver
    head, span = source_phrase(subj)
    if _inside(q["span"], list(span)):
        return None
    found = index.resolve(head, span)
    if head.lemma_.lower() in lex.figure_nouns and index.giver(head) is None:
        return None  # "the death toll stood at 125": a tally with no giver is no source
    return verb, found


def _bare_participle(verb: "Token") -> bool:
    """"The agency recorded 560 deaths, counting 300 bodies on the coast": a
    counting participle with no subject or conjunction of its own, set after its clause,
    counts for that clause's subject, and a participle on its object ("counting 300 bodies
    found on the coast") does not leave that object unsourced (:func:`described_by`). A
    heuristic on the parse: real-world figure source dev 0.8246 -> 0.8252 (+1), test unchanged."""
    return verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and verb.i > verb.head.i and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _placed(num: "Token", verb: "Token", lex: Lexicon) -> bool:
    """Is the figure the direct object of a verb that counts only through a complement
    (``placing_verbs``: "put the toll at 40", "put Velin's toll above 32,800")? As its
    object the figure is what was placed or handed out ("Marlow Academy had put 310 pupils
    on the boat", "put up 5 million euros"), not a count. A heuristic on the parse:
    real-world figure source dev spurious 54 -> 45 (with :func:`stopped`)."""
    if verb.lemma_.lower() not in lex.placing_verbs:
        return False
    obj = num
    while obj.dep_ in ("nummod", "quantmod", "compound", "conj") and obj.head.i != obj.i:
        obj = obj.head  # the noun the number counts, not one it is "of" ("put out a roll of 465 names")
    return obj.dep_ == "dobj" and obj.head.i == verb.i and obj.lemma_.lower() not in lex.figure_nouns


def _sets_tally(num: "Token", lex: Lexicon) -> "Token | None":
    """"Authorities cut the number of people killed in the crush to 125", "X brought
    the toll down to 78": the verb whose direct object is a tally noun (``figure_nouns``)
    holding, in a "to"/"at" phrase, the figure (the parser often hangs that phrase from
    a participle inside the object). Such a verb sets the tally, whatever its lemma; its
    subject gives the figure, as a counting verb's does (:func:`tally`). None when there
    is no such verb. A heuristic on the parse: real-world figure source dev 981 -> 982
    of 1114 right, test 510 -> 511 of 694. The parser may hang the "at" phrase on a
    relative clause of the counted noun ("put the number of Velinese who died at 45"):
    when it is that clause's last phrase and the clause has no object, the climb goes on
    (:func:`_last_phrase`; measured with :func:`by_count`), also when it hangs that
    clause on the tally noun itself ("put the number who died at 45"), unless its verb
    sets a level of its own (``level_verbs``: "cut the toll, which had stood at 150, to
    125"): dev 1475 -> 1476 of 1779 right, test unchanged. The parser may also hang
    the phrase on the verb itself, after its tally object ("Authorities cut the toll to
    125": measured with :func:`by_count`)."""
    chain = list(itertools.islice(num.ancestors, 8))
    at = next((k for k, a in enumerate(chain[:3]) if a.dep_ == "prep" and a.lower_ in ("to", "at")), None)
    if at is None:
        return None
    for k, a in enumerate(chain[at + 1:], at + 1):
        if a.dep_ == "dobj" and a.lemma_.lower() in lex.figure_nouns and a.head.pos_ == "VERB":
            return a.head
        if k == at + 1 and a.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.figure_nouns
                                                    and c.i < chain[at].i for c in a.children):
            return a  # "Authorities cut the toll to 125": the parser hangs the "to" phrase on the verb
        if a.dep_ == "relcl" and k == at + 1 and _last_phrase(a, chain[at]) \
                and (a.head.lemma_.lower() not in lex.figure_nouns or a.lemma_.lower() not in lex.level_verbs):
            # "put the number of Velinese who died at 45", also with the clause on the tally
            # noun ("put the number who died at 45"; not "the toll, which stood at 150": a
            # level verb sets its own)
            continue  # the parser hangs the "at" on the clause
        if a.dep_ in ("ccomp", "advcl", "relcl", "conj", "ROOT", "nsubj", "nsubjpass"):
            return None  # out of the object's noun phrase
    return None


def _last_phrase(clause: "Token", prep: "Token") -> bool:
    """Is ``prep`` the clause's last dependent and the clause without an object of its own
    ("… the number of Velinese who died at 45": the "at" phrase the parser hangs on a
    relative clause of the counted noun completes the verb of the tally noun)?"""
    return prep.head.i == clause.i and prep.right_edge.i >= max(c.right_edge.i for c in clause.children) \
        and not any(c.dep_ in ("dobj", "attr", "oprd") for c in clause.children)


def _passive_subject(num: "Token", lex: Lexicon) -> "Token | None":
    """The passive verb whose subject holds the number: "Hundreds of people were seen by an
    AFP correspondent", "A reading of 7 was measured by the national network" (the number,
    or the noun it counts or measures, within three steps of the subject)."""
    tok = num
    for _ in range(3):
        if tok.dep_ == "nsubjpass":
            return tok.head
        if tok.dep_ not in ("nummod", "quantmod", "compound", "pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok.head if tok.dep_ == "nsubjpass" else None


def _after_colon(num: "Token") -> "Token | None":
    """The verb whose count the number gives after a colon ("Far fewer were counted by the
    ministry: 480,000": the parser makes the number an apposition of the verb), else None."""
    verb = num.head
    if num.dep_ != "appos" or verb.pos_ != "VERB" or verb.i > num.i:
        return None
    return verb if any(t.text == ":" for t in num.doc[verb.i + 1:num.i]) else None


def passive_giver(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(verb, source) for a figure that a passive counting verb's "by" agent gives: "the
    number was raised to 174 by officials", "12,000 were counted by the unions"
    (``figure_verbs``). The agent names the giver outright, before the sentence's reports.
    A heuristic on the parse: real-world figure source dev 0.794 -> 0.795, test unchanged.
    Also when the passive's subject holds the figure ("A reading of 7 was measured by the
    national network") and for verbs of seeing ("Hundreds of people were seen by an AFP
    correspondent", ``perception_verbs``), :func:`_passive_subject`: dev 0.780 -> 0.781,
    test 0.722 -> 0.724."""
    num = figure_number(doc, q["span"])
    verb = _object_path(num) if num is not None else None
    if verb is None and num is not None:
        verb = _passive_subject(num, lex) or _after_colon(num)
    if verb is None or verb.lemma_.lower() not in lex.figure_verbs | lex.perception_verbs or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    giver = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    found = index.resolve(*source_phrase(giver)) if giver is not None else None
    return (verb, found) if found is not None and index.resolved(found) else None


def transferred(doc: "Doc", q: Record, lex: Lexicon) -> bool:
    """Money handed over: an amount that is the object of a verb of giving or spending
    (``transfer_verbs``: "The union released an initial 3 million euros in aid", "raised
    its contribution to 20 million euros") is what the subject does, in the outlet's
    voice, not a figure it reports; unless a report or belief governs it ("said it would
    provide 30 million euros"). A heuristic on the parse: real-world figure source
    dev 0.793 -> 0.794, test unchanged."""
    num = figure_number(doc, q["span"])
    verb = _object_path(num) if q.get("kind") == "money" and num is not None else None
    if verb is None or verb.lemma_.lower() not in lex.transfer_verbs:
        return False
    # "the Commission said it was prepared to provide up to 30 million euros": reported
    return not any(t.lemma_.lower() in lex.verbs or t.lemma_.lower() in lex.belief_verbs for t in verb.ancestors)


#: the marks that join the two sides of a result ("lost 3-2", "ended 2–2")
_RESULT_JOINS = frozenset({"-", "–", "—"})


def cited(doc: "Doc", q: Record, lex: Lexicon) -> bool:
    """A figure that counts the object of a citation participle ("Velin police, citing
    several hospital officials, put the toll at 80") counts those the giver relies on: no
    one gives it (they are ``cites``, :func:`cites_of`). A figure further in ("citing lists
    from 10 clinics") is what the giver relies on, and stays the giver's. A heuristic on
    the parse: real-world figure source dev +1, test unchanged."""
    num = figure_number(doc, q["span"])
    noun = num.head if num is not None and num.dep_ in ("nummod", "amod") else num  # "several" is amod
    return noun is not None and noun.dep_ == "dobj" and is_citation(noun.head, lex)


def recalled(doc: "Doc", q: Record, lex: Lexicon) -> bool:
    """A figure in a clause of time set after a year, or after a noun a year modifies ("the
    storm brought back memories of 1998, when about 300 people died", "reminded them of the
    1998 march, when an estimated 300,000 came out"), is history the sentence recalls, not
    what its speaker reports now: no one gives it; unless the clause reports it itself
    ("since 1960, when a quake was estimated to have killed 12,000": a verb of ``verbs``).
    A heuristic on the parse (a "wh" adverb opening a clause the parser hangs from the noun
    or from the verb before it, after a number the tagger reads as a date): real-world
    figure source dev +2 (spurious 35 -> 33), test unchanged."""
    num = figure_number(doc, q["span"])
    clause = next((a for a in (num.ancestors if num is not None else ()) if a.dep_ in ("relcl", "advcl")), None)
    if clause is None or not (clause.left_edge.tag_ == "WRB" and clause.left_edge.dep_ == "advmod"):
        return False
    if any(t.pos_ == "VERB" and t.dep_ != "amod" and t.lemma_.lower() in lex.verbs for t in clause.subtree):
        return False
    # the word right before the clause, a comma apart: not "at 7 pm (1800 GMT), when …"
    before = doc[max(clause.left_edge.i - 2, 0):clause.left_edge.i]
    noun = next((t for t in reversed(before) if t.text != ","), None)
    return noun is not None and (noun.is_alpha or noun.like_num) and any(
        t.like_num and t.ent_type_ == "DATE" for t in (noun, *noun.lefts))


def score(doc: "Doc", q: Record, quantities: list[Record]) -> bool:
    """"the home side lost 3-2", "the match ended 2-2": two bare counts (nothing counted)
    joined by a hyphen or dash with no space, which the number reader keeps apart (a
    result, not a range), are a match's score, told in the outlet's voice, not a figure
    anyone gives, even inside a report ("Fans said the crush began after the home side
    lost 3-2"). A heuristic on word shapes: real-world figure source dev 983 -> 987 of
    1114 right (0.8824 -> 0.8860), test unchanged."""
    if q.get("kind") != "count" or q.get("counted"):
        return False
    text = doc_text(doc)
    return any(not o.get("counted") and o.get("kind") == "count" and (
        o["span"][0] == q["span"][1] + 1 and text[q["span"][1]] in _RESULT_JOINS
        or q["span"][0] == o["span"][1] + 1 and text[o["span"][1]] in _RESULT_JOINS)
        for o in quantities if o is not q)


def place_aside(doc: "Doc", sent: "Span", q: Record, lex: Lexicon) -> bool:
    """Does the figure describe a place in an aside set off by commas right after its name
    ("Velin, a city of 350,000, …", "Survivors in Velin, home to roughly 220,000 people,
    described …", "…in Tarn, a town 17 km from Velin, …": the aside opens with a noun for a
    settlement, ``settlement_nouns``)? Such background is the outlet's, whoever reports the
    rest of the sentence. A heuristic on word order (the parser hangs such asides in many
    ways): real-world figure source dev spurious 42 -> 35 with the negated report of
    :func:`reporting` and claimed attacks (test: see the module docstring)."""
    num = figure_number(doc, q["span"])
    if num is None:
        return False
    lo = next((t.i for t in reversed(doc[sent.start:num.i]) if t.text in (",", ";", ":")), None)
    if lo is None or lo == sent.start or doc[lo].text != ",":
        return False
    if doc[lo - 1].ent_type_ not in ("GPE", "LOC") and doc[lo - 1].pos_ != "PROPN":
        return False  # the aside follows a name
    hi = next((t for t in doc[num.i + 1:sent.end] if t.is_punct and t.text not in ("-", "–")), None)
    words = [t for t in doc[lo + 1:num.i] if t.pos_ not in ("DET", "ADJ")]
    return bool(words) and words[0].lemma_.lower() in lex.settlement_nouns and (hi is None or hi.text in (",", "."))


def gapped_giver(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(name, source) for a figure in a gapped list after a counting or reporting verb:
    "Algeria reported seven deaths, Senegal five, Tanzania four", "police had counted
    30,000 and the unions 245,000": the number right after a name or a noun for people
    or bodies, which the parser makes its modifier, is that giver's figure (the verb is
    left out). Only when a verb with a subject of its own comes before it in the
    sentence. Before every other choice: the name is the elided clause's subject. A
    heuristic on word order and the parse: real-world figure source dev 0.758 -> 0.762,
    test unchanged. A bare number (nothing counted after it) right after such a noun is
    one too, wherever the parser hangs it ("…, and the unions 245,000."): dev 0.781 ->
    0.784, test unchanged. A name the tagger gives no entity type ("…, Senegal five") is a
    giver too, its phrase ending before the number: dev and test unchanged (one dev figure
    goes from another speaker to its own giver, whose name is a naming matter). Not after a
    colon that follows the verb ("the governor listed the wounded this way: Saint Mary 11,
    the General Hospital 10 and Velin four": the names are the list's items)."""
    num = figure_number(doc, q["span"])
    if num is None or num.i == 0:
        return None
    giver = doc[num.i - 1]
    # the parser hangs the bare number from the name ("Senegal five") or, in a longer list,
    # elsewhere ("…, and the unions 245,000."): a number that counts nothing after it
    after = doc[num.i + 1] if num.i + 1 < len(doc) else None
    bare = after is None or after.is_punct or after.pos_ == "CCONJ"
    if not (num.dep_ == "nummod" and num.head.i == giver.i or bare and giver.pos_ in ("NOUN", "PROPN")):
        return None
    # a name the tagger gives no entity type in a list of givers ("…, Senegal five") is one
    named = giver.pos_ == "PROPN" and giver.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "")
    if not named and giver.lemma_.lower() not in lex.people_and_bodies | lex.bodies:
        return None
    verbs = lex.figure_verbs | lex.verbs.keys()
    verb = next((t for t in reversed(doc[giver.sent.start:giver.i]) if t.lemma_.lower() in verbs
                 and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)), None)
    if verb is None or any(t.text == ":" for t in doc[verb.i:giver.i]):
        return None  # "listed the wounded this way: Saint Mary 11, …": items of one giver's list
    head, span = source_phrase(giver)
    # the parser hangs the number from the name: the giver's phrase ends before it
    found = index.resolve(head, (span[0], min(span[1], giver.idx + len(giver))))
    return (giver, found) if index.resolved(found) else None


def _relative_pronoun(tok: "Token") -> bool:
    """"which", "who", "that", not an acronym the tagger reads as one ("the WHO")."""
    return tok.tag_ in ("WDT", "WP") and not (tok.text.isupper() and len(tok) > 1)


#: dependents that make a participle a predicate of the figure ("40 people reported dead"),
#: not a note of who gave it
_PREDICATE_DEPS = frozenset({"xcomp", "oprd", "acomp", "ccomp", "attr"})


def _listed_in(clause: "Token", index: DocIndex) -> "Token | None":
    """The giver of the report or tally named in an "in" phrase of a participle on the
    figure ("the 180 injured listed in the police's initial report", "the 40 recorded in
    the agency's update"): :meth:`DocIndex.giver` of its object, else None. A heuristic on
    the parse: real-world figure source dev 0.778 -> 0.779 (+1), test unchanged."""
    prep = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return index.giver(obj) if obj is not None else None


def described_by(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple[object, object] | None:
    """The giver named by a clause that describes the figure itself: a relative clause
    ("the 95 deaths the police had given") or a participle with its "by" agent ("the
    40,000 estimated by aid groups", "48 given by the council") whose verb reports or
    counts (``verbs``, ``figure_verbs``): (verb, source). An agentless participle with no
    complement ("up from the 270 given previously", "31 reported overnight") gives the
    figure no source: (verb, None). A tally noun the figure completes names its giver
    ("the ministry's previous figure of 38") or restates ("First count from the union:
    90,000 marchers, including 20,000 in Velin": dev 0.788 -> 0.790, test unchanged;
    an acronym subject the tagger reads as "who", "a tally the WHO issued", dev 0.787 ->
    0.788, test unchanged). The figure's number or the noun
    it counts carries the clause (not a relative clause of time or place: "the two rallies,
    when the front said 1 million marched"); None when neither does. Real-world figure
    source dev 0.776 -> 0.780, test 0.705 -> 0.709. A heuristic on the parse: it
    comes before the sentence's reports, whose content merely contains the figure."""
    tok = figure_number(doc, q["span"])
    for _ in range(3):
        if tok is None:
            return None
        for clause in (c for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i):
            if clause.lemma_.lower() not in lex.figure_verbs and clause.lemma_.lower() not in lex.verbs:
                continue
            if clause.dep_ == "relcl":
                if any(c.tag_ == "WRB" for c in clause.children):
                    continue  # "the two rallies, when the front said 1 million marched": not the figure's giver
                subj = next((c for c in clause.children if c.dep_ == "nsubj" and not _relative_pronoun(c)), None)
            else:
                agent = next((c for c in clause.children if c.dep_ == "agent"), None)
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if agent is None and (subj := _listed_in(clause, index)) is None and clause.tag_ == "VBN" \
                        and not any(c.dep_ in _PREDICATE_DEPS for c in clause.children):
                    # "the 270 given previously": an agentless passive; but "counting 300 bodies
                    # found on the coast": the object of a counting verb is its subject's count
                    counted = tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.figure_verbs
                    return None if counted else (clause, None)
            if subj is None or lex.pronouns.get(subj.lower_) == "self":
                return None
            found = index.resolve(*source_phrase(subj))
            return (clause, found) if index.resolved(found) else None
        tally_noun = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else \
            tok.head if tok.dep_ == "appos" else None
        if tally_noun is not None and tally_noun.lemma_.lower() in lex.figure_nouns:
            # "the ministry's previous figure of 38", "First count from the union: 90,000
            # marchers": the giver of the tally it completes or restates
            giver = _tally_giver(tally_noun, index)  # not "its figure of 500": the report says whose
            found = index.resolve(*source_phrase(giver)) if giver is not None and giver.pos_ != "PRON" else None
            if found is None:
                tok = tally_noun  # "a figure of 30,000 that police had counted": the tally's own clause
                continue
            return (tally_noun, found) if found is not None and index.resolved(found) else None
        if tok.dep_ not in ("nummod", "quantmod", "compound", "conj", "pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _tally_giver(tally_noun: "Token", index: DocIndex) -> "Token | None":
    """Who gives the tally a figure completes: :meth:`DocIndex.giver` ("the ministry's
    figure of 38"), else a noun modifier that is a common noun for people or bodies or an
    acronym ("an early police figure of 20", "the UNHCR figure of 900"; not a name, "the
    Velin toll of 40" is the place's toll, told by whoever reports it). A heuristic on the
    parse."""
    giver = index.giver(tally_noun)
    if giver is not None:
        return giver
    modifier = index.count_giver(tally_noun, of=False)
    return modifier if modifier is not None and (
        modifier.pos_ == "NOUN" or modifier.text.replace(".", "").isupper()) else None


def by_count(doc: "Doc", q: Record, quantities: list[Record], index: DocIndex) -> tuple[object, object] | None:
    """(phrase, source) for a figure framed by "by X's count" or "by the government's
    estimate": a "by" phrase on the figure's clause whose object is a tally noun with a
    giver (``figure_nouns``; :meth:`DocIndex.giver`). Word order says which figures it
    frames: after the figure with no other figure between ("drew 9,000 people by the
    organisers' count, and 4,000 according to police"), or before the clause's verb
    ("By the unions' count, 50,000 people marched"). A heuristic on the parse: real-world
    figure source dev 0.784 -> 0.785, test unchanged. The preposition may also be "on"
    ("on the police count") and the giver an "of" object or noun modifier
    (:meth:`DocIndex.count_giver`, ``count_frames``). The phrase may hang from the number
    itself ("22,000 on the police count and 30,000 by the unions' reckoning": the parser
    makes the second frame the agent of the gapped number; with :func:`opening_count`, the
    "of" giver of "that of X" and a tally set at a figure hung on a relative clause:
    real-world figure source dev 0.769 -> 0.772, test 0.715 -> 0.716). "In" frames only an
    estimate ("more than a million, in the organizers' estimate": :func:`_frame`;
    measured with the office nouns of :meth:`DocIndex._agentive`, the copula giver of
    :func:`tally`, :func:`_after_colon` and the verb-hung phrase of :func:`_sets_tally`:
    real-world figure source dev 0.798 -> 0.802, test 0.731 -> 0.736)."""
    num = figure_number(doc, q["span"])
    if num is None:
        return None
    for tok in (num, *itertools.islice(num.ancestors, 5)):
        for by in (c for c in tok.children if _frame(c, index.lex)):
            giver = index.count_giver(next((c for c in by.children if c.dep_ == "pobj"), None))
            if giver is None:
                continue
            if by.i > num.i:
                if any(q["span"][1] <= o["span"][0] and o["span"][1] <= by.idx for o in quantities if o is not q):
                    return None
            elif by.i > tok.i:
                return None  # "drew 9,000 by X's count, and 4,000 …": it frames the figure before it
            found = index.resolve(*source_phrase(giver))
            return (by, found) if index.resolved(found) else None
    return None


def _frame(prep: "Token", lex: Lexicon) -> bool:
    """Does the preposition frame a figure by a tally: "by", "on" (``count_frames``), or
    "in" before an estimate ("in the organizers' estimate": ``estimate_frames``,
    ``estimate_nouns``; not "in the council's latest update", where the figure is found)?"""
    if prep.dep_ not in ("prep", "agent"):
        return False
    if prep.lower_ in lex.count_frames:
        return True
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return prep.lower_ in lex.estimate_frames and obj is not None and obj.lemma_.lower() in lex.estimate_nouns


def opening_count(sent: "Span", index: DocIndex) -> tuple[object, object] | None:
    """(phrase, source) of a count frame that opens the sentence and is set off by a
    comma ("By the authority's account, 41 had gone home, 19 were stable and another 10
    remained in hospital"): it frames every clause of the sentence, however the parser
    joins them, so it gives each figure that no report, count or belief in the sentence
    gives (:func:`by_count` finds it only above the first clause). A heuristic on word
    order and the parse (measured with :func:`by_count`)."""
    first = sent[0]
    if not _frame(first, index.lex):
        return None
    end = first.right_edge.i + 1
    if end >= sent.end or sent.doc[end].text != ",":
        return None
    giver = index.count_giver(next((c for c in first.children if c.dep_ == "pobj"), None))
    found = index.resolve(*source_phrase(giver)) if giver is not None else None
    return (first, found) if found is not None and index.resolved(found) else None


def believed_by(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(verb, source) when a verb of belief or expectation governs the figure: "Police
    believe 293 people were inside", "officials expected around 100,000 people"
    (``belief_verbs``). Only for a figure no report gives; the nearest such verb above
    the number, within four steps; not a subject that holds the figure itself ("40
    villagers now feared dead", parsed as active: real-world figure source dev 0.831 ->
    0.832, test 0.728 -> 0.729). Likewise a verb of seeing whose subject is a noun for
    people or bodies (``perception_verbs``: "An AFP correspondent saw hundreds of people streaming
    into the square"; not "Velin saw 12,000 marchers": dev 0.864 -> 0.865, test
    unchanged). A heuristic on the parse."""
    tok = figure_number(doc, q["span"])
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        # "In all, police believe, 293 people were inside": a belief set off as an aside
        # hangs from the clause it frames
        tok = next((c for c in tok.children if c.dep_ == "parataxis" and c.lemma_.lower() in lex.belief_verbs
                    and c.i > tok.left_edge.i and doc[c.i + 1].text == ","), tok)
        seen = tok.lemma_.lower() in lex.perception_verbs
        if tok.pos_ == "VERB" and (tok.lemma_.lower() in lex.belief_verbs or seen):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or lex.pronouns.get(subj.lower_) == "self" or subj.like_num:
                return None
            if seen and (subj.pos_ != "NOUN" or subj.lemma_.lower() not in lex.people_and_bodies):
                # "Velin saw 12,000 marchers": a place or a day gives nothing; only a noun
                # for people or bodies (the tagger takes some place names for persons)
                return None
            head, span = source_phrase(subj)
            if _inside(q["span"], list(span)):
                return None  # "58 people now feared dead": the believers are not the counted
            found = index.resolve(head, span)
            return (tok, found) if index.resolved(found) else None
    return None


def noun_content(doc: "Doc", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(noun, source) when the figure lies in the "that" clause of a noun of report or
    estimate with a giver: "…, because of his estimate last Sunday that 10,000 people had
    died", "the ministry's claim that 300 were killed" (a noun whose lemma is a reporting
    verb, or a tally or document noun: ``verbs``, ``figure_nouns``, ``document_heads``;
    the giver its possessive or "by"/"from" phrase, :meth:`DocIndex.giver`). Only for a
    figure no relation gives. A heuristic on the parse."""
    num = figure_number(doc, q["span"])
    clause = next((a for a in num.ancestors if a.dep_ in ("acl", "ccomp") and a.head.pos_ == "NOUN"), None) \
        if num is not None else None
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    noun = clause.head
    words = lex.figure_nouns | lex.document_heads
    if noun.lemma_.lower() not in lex.verbs and noun.lemma_.lower() not in words:
        return None
    giver = index.giver(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
    found = index.resolve(*source_phrase(giver)) if giver is not None else None
    return (noun, found) if found is not None and index.resolved(found) else None


#: "WHO: Ebola toll passes 4,500" / "… killed in sit-in: doctors" / "… - WHO": a
#: headline's label, at most four words before a colon or after a colon or dash; of a
#: chain of labels ("AFP: WHO: Ebola toll rises to 4,555"), the last, next to the text
#: (the first names the outlet that relays it)
_LABEL_BEFORE = re.compile(r"^\s*(?:[^:\n]{1,40}:\s+)*([^\s:][^:]{0,40}?)\s*:\s+\S")
#: a headline tag and its running number before the label: "UPDATE 2-" (``headline_tags``)
_HEADLINE_TAG = re.compile(r"([A-Za-z]+)\s*\d*\s*[-–]\s*(?=\S)")
_LABEL_AFTER = re.compile(r"\S\s*(?::|\s[-–—])\s*([^:\-–—]{2,40}?)\s*$")


def headline_label(doc: "Doc", sent: "Span", index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(the colon or dash as cue, source) for a headline that names its source the way headlines do:
    "WHO: Ebola toll passes 4,500", "Sudan MOH: 46, not 108, killed", "Militia kills 35
    protesters: doctors", "Ebola toll passes 5,000 - WHO". The label is a name, an
    acronym or a noun for people or bodies (not "Update", not a tally like "new toll");
    at most four words; of a chain of labels, the last ("AFP: WHO: Ebola toll rises to
    4,555"). A heuristic for headlines and lines written as headlines (:func:`_title_line`).
    A headline's tag is no label ("LIVE: flood toll in Velin tops 832" has no source) and a
    tag with its running number is dropped from one ("UPDATE 2-Agency: toll passes 900"
    names the agency): ``headline_tags``; real-world figure source dev +3 right (two
    spurious givers gone, one label found)."""
    whole = doc_text(doc)
    end = whole.find("\n", sent.start_char)
    text = whole[sent.start_char:end if end >= 0 else len(whole)]  # the whole headline line
    for pattern in (_LABEL_BEFORE, _LABEL_AFTER):
        m = pattern.search(text)
        if m is None or len(m.group(1).split()) > 4:
            continue
        # "UPDATE 2-Agency: …": a headline tag with its running number is no part of the label
        tag = _HEADLINE_TAG.match(m.group(1))
        skip = len(tag.group(0)) if tag is not None and tag.group(1).lower() in lex.headline_tags else 0
        start = sent.start_char + m.start(1) + skip
        label = doc.char_span(start, start + len(m.group(1)) - skip, alignment_mode="contract")
        if label is None or not len(label):
            continue
        head = label[-1]  # a label is a noun phrase ending in its head: "Sudan MOH", "doctors"
        words = lex.people_and_bodies
        acronym = head.text.replace(".", "").isupper() and len(head.text) > 1
        named = head.ent_type_ in ("ORG", "PERSON") or acronym
        if not named and head.lemma_.lower() not in words and head.lower_ not in words \
                or head.lower_ in lex.headline_tags:
            continue  # a place or topic ("Lebanon:", "Grenfell Tower fire:") or a tag ("LIVE:") is no source
        if any(t.like_num for t in label) or head.lemma_.lower() in lex.figure_nouns:
            continue
        mark = doc[label.end] if pattern is _LABEL_BEFORE and label.end < len(doc) else doc[max(label.start - 1, 0)]
        return (mark if mark.is_punct else head), index.label_source(label, acronym)
    return None


def _title_line(doc: "Doc", sent: "Span") -> bool:
    """Is the sentence a line of its own that ends without a full stop, the way a
    headline does ("Agence France-Presse: WHO: Ebola toll rises to 4,555 of 9,216 cases"
    in a digest of other outlets' headlines)? Its label names its source as a headline's
    does (:func:`headline_label`). A heuristic on the layout: real-world figure source dev
    0.856 -> 0.858, test unchanged."""
    text = doc_text(doc)
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    if not text[end - 1:end].isalnum():
        return False
    # only blanks up to the line breaks on either side (a scan over blanks, not the text)
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t\r":
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def parenthetical(doc: "Doc", sent: "Span", rels: list[Record]) -> Record | None:
    """"Of the total, the authority said, 41 had been discharged, 19 were in stable
    condition …": a speech tag set off by commas inside the sentence, nothing but its
    source and its verb group between the two commas, reports the whole sentence
    (the parse often makes the tag's verb the main verb and hangs the rest elsewhere).
    The first such relation, else None; it replaces the relation chosen for a figure
    that relation does not govern in the parse. A heuristic on word order: real-world
    figure source dev 0.716 -> 0.720, test 0.687 -> 0.689 (docs/evaluation.md)."""
    text = doc_text(doc)
    for r in rels:
        src, cue = r.get("source_span"), r.get("cue_span")
        if not src or not cue or text[src[1]:cue[0]].strip():
            continue  # only "<source> <cue>" in this order, side by side
        before = text[sent.start_char:src[0]].rstrip()
        after = text[cue[1]:sent.end_char].lstrip()
        if before.endswith(",") and after.startswith(",") and before[:-1].strip():
            return r
    return None


def _segment_root(doc: "Doc", lo: int, hi: int) -> "Token | None":
    """The token of ``doc[lo:hi]`` whose head lies outside it, when the piece is a noun
    phrase (no verb, no number; a noun, name or pronoun in it), else None."""
    toks = [t for t in doc[lo:hi] if not t.is_punct]
    if not toks or toks[0].pos_ in ("CCONJ", "ADP") or any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in toks):
        return None  # "…, and the police reported …": a clause of its own; "…, in the organizers' estimate"
    root = next((t for t in toks if not lo <= t.head.i < hi or t.head.i == t.i), None)
    return root if root is not None and root.pos_ in ("NOUN", "PROPN", "PRON") else None


def _tag_verb(tok: "Token", lex: Lexicon) -> bool:
    """A reporting verb that can close a clause as its tag (the tagger reads some, "organizers
    say", as nouns; the comma around it and a subject before it are checked by the caller)."""
    opts = lex.verbs.get(tok.lemma_.lower())
    return opts is not None and not opts.get("needs") and not opts.get("preps") and tok.lemma_.lower() not in \
        lex.belief_verbs


def trailing_tag(doc: "Doc", sent: "Span", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(verb, source) of a speech tag set off by a comma after the figure's clause that the
    parser did not read as a report: "… rose to 14, Marta Velo, the foreign minister,
    announced on Friday, while …", "Upward of a million people joined the march, organizers
    say, a turnout …" (the parser hangs the subject as an adverb and the verb as a noun).
    The tag is "<comma> <subject> [<comma> <apposition> <comma>] <verb>", the verb
    followed by nothing but adjuncts up to a comma or the sentence's end; the figure stands
    before it with no colon or semicolon between; not a clause of its own ("…, and the
    police reported 22 injuries": a subject opening with a conjunction, an object after the
    verb) nor a noun ("…, in the organizers' estimate"). Only for a figure no relation
    gives. A heuristic on word order: with :func:`colon_report`, real-world figure source
    dev 0.774 -> 0.778, test 0.716 -> 0.719."""
    num = figure_number(doc, q["span"])
    if num is None:
        return None
    v = next((t for t in doc[num.i + 1:sent.end] if _tag_verb(t, lex)), None)
    if v is None or any(t.text in (";", ":") for t in doc[num.i:v.i]):
        return None
    stop = next((t.i for t in doc[v.i + 1:sent.end] if t.text in (",", ";", ":")), sent.end)
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("mark", "dobj") or t.lower_ == "that" or t.like_num
           for t in doc[v.i + 1:stop]) or doc[v.i - 1].tag_ in ("DT", "PRP$", "POS"):
        return None  # "…, officials said the bridge collapsed": a report of its own; "their estimate": a noun
    commas = [t.i for t in doc[num.i:v.i] if t.text == ","]
    if commas and commas[-1] == v.i - 1:
        # "…, Marta Velo, the foreign minister, announced": a name, then its apposition
        if len(commas) < 3 or _segment_root(doc, commas[-2] + 1, commas[-1]) is None:
            return None
        subj = _segment_root(doc, commas[-3] + 1, commas[-2])
        if subj is None or subj.ent_type_ not in ("PERSON", "ORG"):
            return None
    elif commas:
        subj = _segment_root(doc, commas[-1] + 1, v.i)
    else:
        return None
    if subj is None:
        return None
    head, span = source_phrase(subj)
    before = doc[v.i - 1]
    found = index.resolve(head, (span[0], min(span[1], before.idx + len(before))))
    return (v, found) if index.resolved(found) else None


def colon_report(doc: "Doc", sent: "Span", q: Record, index: DocIndex, lex: Lexicon) -> tuple["Token", object] | None:
    """(verb, source) of a report whose content follows a colon: "Marta Velo wrote on Twitter:
    14 had died and 13 were in hospital", "The peacekeeping chief gives an update: 16
    peacekeepers have been recovered dead, while about 150 …". The last verb before the
    sentence's first colon, with a subject of its own, is a reporting verb (``verbs``) or
    gives a tally or report noun (``figure_nouns``, ``document_heads``) as its object, and
    nothing but its adjuncts and object stand between it and the colon; the figure comes
    after the colon. Only for a figure no relation gives. A heuristic on word order and
    the parse (measured with :func:`trailing_tag`)."""
    num = figure_number(doc, q["span"])
    colon = next((t for t in doc[sent.start:num.i] if t.text == ":"), None) if num is not None else None
    if colon is None:
        return None
    verb = next((t for t in reversed(doc[sent.start:colon.i]) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.pos_ == "AUX" and verb.dep_ != "ROOT":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    said = verb.lemma_.lower() in lex.verbs and _tag_verb(verb, lex)
    gives = obj is not None and (obj.lemma_.lower() in lex.figure_nouns or obj.lemma_.lower() in lex.document_heads)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (said or gives) or lex.pronouns.get(subj.lower_) == "self":
        return None
    found = index.resolve(*source_phrase(subj))
    return (verb, found) if index.resolved(found) else None


def part_of(doc: "Doc", q: Record, quantities: list[Record], lex: Lexicon) -> int | None:
    """Index in ``quantities`` of the figure that figure ``q`` is a part of: "127 people were
    dead, including two police officers" (the number within two steps below a word of
    ``inclusion_marks``, the nearest figure before that word; the parser often hangs the
    phrase from the wrong noun). A heuristic on word order and the parse: real-world
    figure source dev 0.779 -> 0.780 (+1), test unchanged. Likewise a partitive that
    points back ("… counted 9,216 cases, and 4,555 of those patients had died", "40 of
    them": ``back_pronouns``, ``back_determiners``) is a part of the nearest figure before
    it: dev 0.8257 -> 0.8269 (+2, spurious unchanged), test unchanged."""
    tok = figure_number(doc, q["span"])
    if tok is not None and _back_partitive(tok, lex):
        before = [k for k, o in enumerate(quantities) if o["span"][1] <= tok.idx]
        return before[-1] if before else None
    for _ in range(3):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.lower_ in lex.inclusion_marks:
            before = [k for k, o in enumerate(quantities) if o["span"][1] <= tok.idx]
            return before[-1] if before else None
    return None


def _back_partitive(num: "Token", lex: Lexicon) -> bool:
    """Is the number the subject of its clause with an "of" phrase that points back
    ("4,555 of those patients had died", "40 of them were fatal"; not "all but nine of
    them", which is the outlet's arithmetic, nor the subject of a bare participle, which the
    parser may make of it: "all but nine of them built of wood")?"""
    clause = num.head
    if num.dep_ not in ("nsubj", "nsubjpass") or not (clause.tag_ in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") for c in clause.children)):
        return False
    of = next((c for c in num.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj is not None and (obj.lower_ in lex.back_pronouns or any(
        c.dep_ == "det" and c.lower_ in lex.back_determiners for c in obj.children))


def complement_of(doc: "Doc", sent: "Span", q: Record, rels: list[Record], lex: Lexicon) -> Record | None:
    """"Kovic said 74 bodies had reached hospitals; the other 46 victims had not been
    moved": a figure after a semicolon that counts the rest of a set (``complement_marks``
    on it or its noun: "the other 46", "the remaining 12") goes on with the last report
    before the semicolon whose content holds a number (the set's first part). Only for a
    figure nothing else gives. A heuristic on punctuation and the parse: real-world figure
    source dev 0.8252 -> 0.8257 (+1, spurious unchanged), test unchanged."""
    num = figure_number(doc, q["span"])
    noun = num.head if num is not None and num.dep_ in ("nummod", "amod") else num  # "several" is amod
    if noun is None or not any(c.lower_ in lex.complement_marks for c in (*num.children, *noun.children)):
        return None
    semi = doc_text(doc).rfind(";", sent.start_char, q["span"][0])
    before = [r for r in rels if semi >= 0 and r.get("content_span") and r["content_span"][1] <= semi + 1
              and r["content_span"][0] >= sent.start_char
              and any(t.like_num for t in span_tokens(doc, r["content_span"]))]
    return max(before, key=lambda r: r["content_span"][0], default=None)


def figure_attributions(doc: "Doc", sent: "Span", quantities: list[Record], own: Record | None,
                        others: list[Record], index: DocIndex, lex: Lexicon,
                        record: Callable[[object, "Token"], Record],
                        headline: bool = False) -> list[tuple[Record | None, list[str]]]:
    """(attribution, cites) for each figure of one sentence, in order; ``record`` makes
    the attribution object of a counting verb's subject (:func:`tally`) or of a headline's
    label (:func:`headline_label`, when ``headline`` or a line written as one)."""
    reports = [r for r in others if reporting(doc, r, lex) and not _bare_tally(doc, r, index, lex)]
    found = citations(sent, lex, index) if sent is not None else []
    rels = ([own] if own else []) + reports
    label = headline_label(doc, sent, index, lex) if quantities and own is None and sent is not None and (
        headline or _title_line(doc, sent)) else None
    aside = parenthetical(doc, sent, rels) if sent is not None else None
    opening = opening_count(sent, index) if quantities and sent is not None else None
    out = []
    for q in quantities:
        if (gapped := gapped_giver(doc, q, index, lex)) is not None:
            out.append((record(gapped[1], gapped[0]), []))
            continue
        if transferred(doc, q, lex) or score(doc, q, quantities) or cited(doc, q, lex) or recalled(doc, q, lex) \
                or (sent is not None and place_aside(doc, sent, q, lex)):
            out.append((None, []))
            continue
        if (described := described_by(doc, q, index, lex) or passive_giver(doc, q, index, lex)) is not None:
            out.append((None if described[1] is None else record(described[1], described[0]), []))
            continue
        if (framed := by_count(doc, q, quantities, index)) is not None:
            out.append((record(framed[1], framed[0]), []))
            continue
        rel = after_figure(q, quantities, rels, doc) or choose(doc, q, own, reports, lex)
        # not a figure in the tag's own source ("…, several people said, …")
        if aside is not None and not _inside(q["span"], aside.get("source_span")) and (
                rel is None or _governs_figure(doc, rel, q, lex) is False or (
                rel.get("source") is None and q["span"][1] <= aside["cue_span"][0])):
            rel = aside
        # a counting verb that takes the figure as its object names its giver, unless the
        # relation chosen governs the figure too ("X said police counted 22,000") or frames
        # the sentence ("According to the WHO, Guinea has recorded 86 cases")
        counted = tally(doc, q, index, lex)
        if counted is not None and (rel is None or not (_governs_figure(doc, rel, q, lex) or _according(doc, rel))
                                    or _set_against(counted[0])
                                    or _relaying(rel, q) and counted[0].lemma_.lower() in lex.figure_verbs):
            rel = record(counted[1], counted[0])
        if (rel is None or _relaying(rel, q)) and (belief := believed_by(doc, q, index, lex)
                            or noun_content(doc, q, index, lex)) is not None:
            rel = record(belief[1], belief[0])
        if rel is None and sent is not None and (told := colon_report(doc, sent, q, index, lex)
                                                 or trailing_tag(doc, sent, q, index, lex)) is not None:
            rel = record(told[1], told[0])
        if rel is None and sent is not None:
            rel = complement_of(doc, sent, q, rels, lex)
        if rel is None and opening is not None:
            rel = record(opening[1], opening[0])
        if rel is None and label is not None:
            rel = record(label[1], label[0])
        out.append((rel, cites_of(rel, rels, found, doc)))
    # "…, including two police officers": a part no report gives is its whole's giver's
    for k, q in enumerate(quantities):
        if out[k][0] is None and (whole := part_of(doc, q, quantities, lex)) is not None and whole < k:
            out[k] = out[whole]
    return out
