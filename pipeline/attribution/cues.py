"""Reporting cues of one sentence, read off the dependency parse.

A *cue* is a reporting verb of the lexicon (``models/attribution/cues.json``) with a
source and content in the parse, ``according to X``, a passive report
("are reported to have died", "it is alleged that", "fatalities reported",
"painted as … by residents") or a reporting adverb ("reportedly").

Matched (``find_cues``):

* active verbs: the ``nsubj`` is the source (``said Mr Fares`` works the same,
  the parser marks the inverted subject as ``nsubj``); verbs in ``xcomp`` of
  "be (un)able", conjuncts and ``saying``-participles borrow the subject of the
  verb they hang from; content is a ``ccomp``/``parataxis``/``xcomp`` clause,
  the clause the cue is a tag of ("…, he added"; also a tag the parser coordinates
  with that clause, :func:`conj_tag`, even when tagged as a noun; a tag whose subject
  the parser hung elsewhere takes the noun phrase between the last comma and the verb,
  :func:`_stranded_subject`; a verb after "after X" read as a preposition takes X,
  :func:`_object_of_subordinator`; a coordinated subject right after a verb left
  without its object is that verb's object and then the real subject, "police counted
  1.27 million people and the unions claimed …", :func:`stolen_object`; a name in "-ly"
  read as the verb's adverb, :func:`_name_read_as_adverb`), or — for verbs marked
  ``object`` — the direct object ("documented 740 deaths");
* ``according to``: the ``pobj`` of ``to`` is the source, anywhere in the sentence;
* passives: raising ("X is reported to …"), ``it``-extraposition, ``by``-agents
  (the agent is the source) and reduced participles ("600 fatalities reported");
* sign-off dashes after a quotation: "…” ― Jane Doe" (:func:`dash_cues`).

Not matched: lexicon verbs without content ("he did not say"), citation participles
("citing the Red Cross", "quoting officials": whom another report relies on), nouns ("calls",
"promises"), verbs only in the lexicon's ``outlet_only`` list ("verify",
"determine", "count"…) unless their subject is a media source (decided by the
caller, which knows source types).

Each cue gets a *rank*: 0 = the sentence's main verb, 1 = a tag of the main clause,
2 = a participle adjunct of the main clause / a reduced passive on the main
noun, 5 = buried in a subordinate clause (counts only for statistics whose
quantities all lie in its content), 6 = "according to", 7 = an adverb.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import Lexicon
from .quotes import CLOSE_D

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
ABLE = frozenset({"able", "unable"})


@dataclass
class Cue:
    token: "Token"
    span: tuple[int, int]
    mode: str                      # indirect | according_to | passive | direct (dash sign-off)
    source: "Token | None"
    rank: int
    addressee: "Token | None" = None
    content: list["Token"] = field(default_factory=list)  # roots of the content
    tag: bool = False              # a speech tag after/around its content ("…, he said")
    source_span: tuple[int, int] | None = None  # set when the parse has no NP for the source

    def content_covers(self, start: int, end: int) -> bool:
        return any(c.left_edge.idx <= start and end <= c.right_edge.idx + len(c.right_edge)
                   for c in self.content)


def _children(t: "Token", *deps: str) -> list["Token"]:
    return [c for c in t.children if c.dep_ in deps]


def _subject(t: "Token") -> "Token | None":
    # with two subjects (a quoted clause misattached), the one nearest the verb is the tag's
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
    # an emphatic reflexive ("The rebels themselves said") repeats the subject before it
    named = [c for c in subjects if not (c.pos_ == "PRON" and c.lower_.endswith(("self", "selves")))]
    subjects = named or subjects
    return min(subjects, key=lambda c: abs(c.i - t.i)) if subjects else None


def _borrowed_subject(t: "Token") -> "Token | None":
    """Subject of the verb ``t`` hangs from: "was unable to determine", "said … and added",
    "…, saying …"."""
    cur = t
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp", "conj", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            subj = _subject(cur)
            if subj is not None:
                return subj
            if cur.dep_ not in ("xcomp", "acomp", "conj"):
                return None
        else:
            return None
    return None


def _group_span(t: "Token", extra: list["Token"]) -> tuple[int, int]:
    """Character span of the verb group: auxiliaries, negation, "be (un)able to", particles."""
    toks = [t, *extra]
    toks += _children(t, "aux", "auxpass", "neg", "prt")
    head = t.head
    if t.dep_ == "xcomp" and head.lower_ in ABLE:  # "has not been able to verify"
        toks.append(head)
        if head.dep_ == "acomp":
            toks.append(head.head)
            toks += _children(head.head, "aux", "auxpass", "neg")
    last = max([t.i] + [e.i for e in extra])
    toks = [x for x in toks if x.i <= last or x.dep_ == "prt"]
    lo = min(x.i for x in toks)
    hi = max(x.i for x in toks)
    doc = t.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def is_tag(t: "Token") -> bool:
    """Is the verb ``t`` a speech tag of the main clause ("…, the survey said, …")?"""
    return _in_main_clause(t)[1]


def _in_main_clause(t: "Token") -> tuple[bool, bool]:
    """(is the cue on the main clause, is it a tag of it)."""
    if t.dep_ == "ROOT":
        return True, False
    head = t.head
    if t.dep_ == "xcomp" and head.lower_ in ABLE and head.dep_ == "acomp" and head.head.dep_ == "ROOT":
        return True, False
    if t.dep_ in ("ccomp", "parataxis") and head.dep_ == "ROOT" and _subject(t) is not None:
        # "…, he said" parsed with the content as root: a tag if it has no clause of its own
        if not any(c.dep_ in ("ccomp", "parataxis") for c in t.children):
            return True, True
    if (t.dep_ == "conj" and head.dep_ == "ROOT" and head.tag_ == "VBN" and t.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in head.children)):
        # "Video posted to Facebook … showed …": the participle was misparsed as the
        # main verb and the real main verb as its conjunct
        return True, False
    if (t.dep_ == "conj" and head.dep_ == "ROOT" and _subject(t) is None and t.i > 0
            and t.doc[t.i - 1].dep_ != "cc" and t.doc[t.i - 1].text not in (",", ";", "and", "or", "but")):
        # a conjunct with no coordinator before it is a misparsed main verb
        # ("Video posted to Facebook and verified by Reuters showed …")
        return True, False
    if conj_tag(t):
        return True, True
    if t.dep_ == "conj" and head.dep_ in ("ccomp", "parataxis") and head.head.dep_ == "ROOT":
        # "X was killed …, the head of the mission said, Reuters reported": the parser
        # may coordinate the inner tag with the content it reports
        if _subject(t) is not None and not any(c.dep_ in ("ccomp", "parataxis") for c in t.children):
            return True, True
    return False, False


def _stranded_subject(t: "Token") -> "Token | None":
    """"More than 35 were killed …, a doctors' committee close to the demonstrators said.":
    a tag verb after the clause it reports (a ``ccomp``/``parataxis`` before it) with no
    subject in the parse, the parser having hung the noun phrase between the last comma
    and the verb on a word before the comma. The first noun or pronoun of that stretch
    whose head lies outside it is the subject. A heuristic on the parse: real-world figure
    source dev 0.825 -> 0.827, test unchanged. When nothing stands between the last comma
    and the verb, the stretch is the name apposed between the two last commas ("…," the
    ministry's undersecretary, Arno Velik, said): dev 982 -> 983 of 1114, test unchanged."""
    if not any(c.dep_ in ("ccomp", "parataxis") and c.i < t.i for c in t.children):
        return None
    comma = next((i for i in range(t.i - 1, t.sent.start - 1, -1) if t.doc[i].text == ","), None)
    end = t.i
    if comma is not None and comma + 1 == t.i:
        # "…," the ministry's undersecretary, Arno Velik, said: the apposed name
        end = comma
        comma = next((i for i in range(comma - 1, t.sent.start - 1, -1) if t.doc[i].text == ","), None)
    if comma is None or comma + 1 >= end:
        return None
    stretch = range(comma + 1, end)
    return next((w for w in t.doc[comma + 1:end] if w.pos_ in ("NOUN", "PROPN", "PRON")
                 and w.head.i not in stretch), None)


def stolen_object(subj: "Token") -> "tuple[Token, Token] | None":
    """(verb, real subject) when the parser made a verb's object and the next clause's
    subject one coordinated subject: "when police counted 1.27 million participants and
    the alliance claimed 2.5 million" parses "1.27 million participants and the alliance"
    as the subject of "claimed", leaving "counted" without its object. The coordinated
    subject comes right after a verb that has a subject of its own and no object or
    clause; its first conjunct is that verb's object, its last the real subject. A
    heuristic on the parse: real-world figure source dev 0.858 -> 0.860, test unchanged."""
    conj = [c for c in subj.children if c.dep_ == "conj"]
    if not conj or subj.left_edge.i == 0 or subj.dep_ != "nsubj":
        return None
    verb = subj.doc[subj.left_edge.i - 1]
    if verb.pos_ != "VERB" or verb.i == subj.head.i or not any(c.dep_ == "nsubj" for c in verb.children) \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "prep") for c in verb.children):
        return None
    return verb, conj[-1]


def _name_read_as_adverb(t: "Token") -> "Token | None":
    """"Brantly said people should …": a name ending in "-ly" that the tagger reads as an
    adverb of the verb, right before a verb with no subject, is its subject when the
    document names that person elsewhere (a person entity with that word). A heuristic
    on the tagger's errors: real-world figure source dev 0.865 -> 0.866, test unchanged."""
    if t.i == 0:
        return None
    word = t.doc[t.i - 1]
    if word.pos_ != "ADV" or word.dep_ != "advmod" or word.head.i != t.i or not word.text[:1].isupper():
        return None
    return word if any(e.label_ == "PERSON" and word.text in e.text.split() for e in t.doc.ents) else None


def _quoted_as(t: "Token") -> "Token | None":
    """"Reuters quoted the governor as saying 30 people were hurt": a verb after "as"
    whose head verb has a direct object (quote, cite, describe someone as saying) is that
    object's; the outlet that quotes relays it. A heuristic on the parse."""
    if t.dep_ != "pcomp" or t.head.lower_ != "as" or t.head.head.pos_ != "VERB":
        return None
    return next((c for c in t.head.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _object_of_subordinator(t: "Token") -> "Token | None":
    """"…, after an earlier announcement wrongly said that 174 people had died": the
    parser reads the conjunction as a preposition whose object is the verb's subject. A
    subjectless verb with such a phrase right before it (nothing but adverbs between)
    takes that object as its subject. A heuristic on the parse: real-world figure source
    dev 0.829 -> 0.831, test unchanged."""
    prep = next((c for c in t.children if c.dep_ == "prep" and c.i < t.i), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or any(
            w.pos_ != "ADV" for w in t.doc[obj.right_edge.i + 1:t.i]):
        return None
    return obj


def conj_tag(t: "Token") -> bool:
    """"At least 40 people were killed in the north, the agency reported, citing
    officials": the parser coordinates a trailing speech tag with the clause it reports.
    A conjunct of the main verb, after it, with a subject of its own set off by a comma,
    no coordinator ("and", "but") before it and no clause of its own is that clause's
    tag. A heuristic on the parse: real-world figure source dev 0.705 -> 0.708 (with the
    noun reading in :func:`verb_cue`), test unchanged (docs/evaluation.md)."""
    head = t.head
    if t.dep_ != "conj" or head.dep_ != "ROOT" or t.i < head.i:
        return False
    subj = _subject(t)
    if subj is None or subj.i > t.i or subj.left_edge.i == 0 or t.doc[subj.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ == "cc" and head.i < c.i < t.i for c in head.children) or any(
            c.dep_ in ("ccomp", "parataxis", "cc") for c in t.children):
        return False
    return True


def _needs_ok(t: "Token", needs: list[str]) -> bool:
    for need in needs:
        if need in ("oprd", "ccomp", "xcomp"):
            if any(c.dep_ == need for c in t.children):
                return True
        elif any(c.lower_ == need for c in t.children):
            return True
    return False


def _object_nouns(t: "Token") -> list["Token"]:
    """The verb's objects and, through "of", the nouns a numeric object counts ("claimed
    tens of thousands of lives": "tens", "thousands", "lives")."""
    out = []
    for obj in _children(t, "dobj", "dative"):
        tok = obj
        for _ in range(4):
            out.append(tok)
            tok = next((p for c in _children(tok, "prep") if c.lower_ == "of" for p in _children(c, "pobj")), None)
            if tok is None:
                break
    return out


def stopped(t: "Token", entry: dict) -> bool:
    """Is an object of the verb one of its entry's ``stop_objects``, also as the noun a
    numeric object counts ("has claimed tens of thousands of lives": an event or a cause
    that kills, no one who reports)? For claim cues and the learned relations of
    :func:`pipeline.attribution.figures.reporting` alike."""
    stop = set(entry.get("stop_objects", ()))
    return any(o.lemma_.lower() in stop or o.lower_ in stop for o in _object_nouns(t))


def is_citation(t: "Token", lex: Lexicon) -> bool:
    """A participle that names whom another report relies on: "citing the Red Cross",
    "quoting the interior ministry" (not "she cited figures", a report of its own)."""
    return t.tag_ == "VBG" and t.lemma_.lower() in lex.citation_participles and t.dep_ != "ROOT"


def state_participle(t: "Token") -> bool:
    """"…: nine villagers confirmed dead and four presumed dead": a participle with an
    adjective of state after it, no auxiliary and no object or clause, is a reduced passive
    the parser read as active; its "subject" is who is counted, not who reports. A
    heuristic on the parse (a clause before it is the parser's misreading of what the colon
    introduces it with): no cue. With "breakdown" a tally noun and "copies" a document
    (:func:`.figures.colon_report` then names who gives the breakdown): real-world figure
    source dev +5 figures right (0.828 -> 0.831), test unchanged."""
    return t.tag_ in ("VBD", "VBN") and any(c.dep_ == "oprd" and c.pos_ == "ADJ" for c in t.children) \
        and not any(c.dep_ in ("aux", "auxpass") or c.dep_ in ("dobj", "dative", *CLAUSE_DEPS) and c.i > t.i
                    for c in t.children)


def verb_cue(t: "Token", lex: Lexicon, has_quote: bool) -> Cue | None:
    """A cue headed by the verb ``t``, or None (see the module docstring)."""
    entry = lex.verbs.get(t.lemma_.lower())
    # a tag the tagger read as a noun ("…, the news agency reports, citing …") still has
    # the subject and the place of a verb in the parse
    if entry is None or t.pos_ not in ("VERB", "AUX") and not (t.pos_ == "NOUN" and conj_tag(t)):
        return None
    if entry.get("needs") and not _needs_ok(t, entry["needs"]) or stopped(t, entry):
        return None
    if entry.get("quote_only") and not has_quote:
        return None
    if is_citation(t, lex):
        return None  # "…, citing the Red Cross, said": whom the report relies on, not a report
    if state_participle(t):
        return None  # "nine villagers confirmed dead and four presumed dead": no one reports
    objs = _children(t, "dobj", "dative")
    main, tag = _in_main_clause(t)
    rank = 0 if main and not tag else 1 if tag else 5
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)
    if (not passive and t.tag_ == "VBN" and t.dep_ == "ROOT"
            and t.lemma_.lower() in lex.passive_agentless
            and not any(c.dep_ in ("aux", "auxpass") for c in t.children)):
        passive = True  # headline style "600 fatalities reported": a reduced passive
    if passive or (t.dep_ == "acl" and t.tag_ == "VBN"):
        return _passive_cue(t, lex, rank, main)
    subj = _subject(t) or _object_of_subordinator(t)
    if subj is not None and (stolen := stolen_object(subj)) is not None:
        subj = stolen[1]  # "police counted 1.27 million people and the unions claimed …"
    if subj is None:
        subj = _borrowed_subject(t)
        if subj is not None and t.dep_ == "advcl":
            if t.tag_ != "VBG" or t.lemma_.lower() not in lex.participle_cues:
                return None
            rank = 2 if t.head.dep_ == "ROOT" else 5
    if subj is None:
        subj = _stranded_subject(t) or _name_read_as_adverb(t) or _quoted_as(t)
    if subj is None:
        return None
    clauses = [c for c in t.children if c.dep_ in CLAUSE_DEPS
               or (c.dep_ == "dobj" and c.pos_ in ("VERB", "AUX"))]  # misparsed clause objects
    preps = set(entry.get("preps", ()))
    clauses += [c for c in t.children if c.dep_ == "prep" and c.lower_ in preps]
    addressee = None
    if entry.get("addressee") and objs:
        addressee = objs[0]
    content: list[Token] = list(clauses)
    if tag or (t.dep_ in ("ccomp", "parataxis", "conj") and not clauses):
        content.append(t.head)
        tag = True
    if not content:
        if entry.get("object") and objs and addressee is None:
            content = objs
        elif entry.get("needs"):
            content = [c for c in t.children if c.dep_ in ("oprd", "prep", "dobj", "prt")
                       and (subj is None or c.i != subj.i)]
        elif has_quote and not entry.get("clause_only"):
            content = [c for c in t.children if c.dep_ in ("dobj", "punct") and (subj is None or c.i != subj.i)] or [t]
        elif has_quote:
            content = [t]
    if not content:
        return None
    return Cue(t, _group_span(t, []), "indirect", subj, rank, addressee, content, tag)


def _passive_cue(t: "Token", lex: Lexicon, rank: int, main: bool) -> Cue | None:
    lemma = t.lemma_.lower()
    agent = None
    for c in _children(t, "agent"):
        pobj = _children(c, "pobj")
        agent = pobj[0] if pobj else None
    if agent is None:
        # "painted as a horror scene by residents": the by-phrase is often attached lower
        by = [x for x in t.subtree if x.lower_ == "by" and x.dep_ == "prep" and x.i > t.i
              and not any(a.dep_ in ("relcl", "acl", "advcl", "ccomp") and a.i > t.i
                          for a in x.ancestors if a.i != t.i and t.i in [y.i for y in a.ancestors])]
        pobj = [c for x in by[-1:] for c in x.children if c.dep_ == "pobj"]
        agent = pobj[0] if pobj and pobj[0].pos_ in ("NOUN", "PROPN", "PRON") else None
    xcomps = _children(t, "xcomp")
    extra: list[Token] = []
    content: list[Token] = []
    if xcomps and lemma in lex.passive_raising:  # "are reported to have died"
        to = [c for c in xcomps[0].children if c.dep_ == "aux" and c.lower_ == "to"]
        extra = to[:1]
        content = [*_children(t, "nsubjpass"), xcomps[0]]
    elif _children(t, "ccomp") and any(c.lower_ == "it" for c in t.children
                                       if c.dep_ in ("nsubjpass", "expl")):
        content = _children(t, "ccomp")  # "it is alleged that …"
    elif t.dep_ == "acl" and lemma in lex.passive_agentless:
        # "600+ fatalities reported": only on the sentence's main noun
        if t.head.dep_ not in ("ROOT", "nsubj", "nsubjpass"):
            return None
        content = [t.head]
        rank = 2
    elif agent is not None or lemma in lex.passive_agentless:
        content = [*_children(t, "nsubjpass"), *_children(t, "oprd", "prep", "ccomp")]
        if agent is None and not main:
            return None
    if not content:
        return None
    return Cue(t, _group_span(t, extra), "passive", agent, rank, None, content)


def misparsed_noun_cues(sent: "Span", lex: Lexicon) -> list[Cue]:
    """"a war monitor estimates have killed …": a 3rd-person verb read as a plural noun.

    Matches a plural noun whose lemma is a cue verb, that is the subject of a verb to
    its right and carries its own determiner/compound (the real subject), with
    nothing between it and that verb but auxiliaries.
    """
    out = []
    for t in sent:
        if t.tag_ != "NNS" or t.dep_ not in ("nsubj", "nsubjpass") or t.i == sent.start:
            continue
        if t.lemma_.lower() not in lex.verbs or t.head.i <= t.i or t.head.pos_ not in ("VERB", "AUX"):
            continue
        lefts = list(t.lefts)
        prev = t.doc[t.i - 1]
        if not lefts or prev.dep_ != "compound" or prev.head.i != t.i:
            continue
        if any(x.dep_ not in ("aux", "auxpass", "neg", "advmod") for x in t.doc[t.i + 1:t.head.i]):
            continue
        start = min(x.left_edge.idx for x in lefts)
        rank = 0 if t.head.dep_ == "ROOT" else 5
        out.append(Cue(t, (t.idx, t.idx + len(t)), "indirect", prev, rank, None, [t.head],
                       source_span=(start, prev.idx + len(prev))))
    return out


def according_cues(sent: "Span") -> list[Cue]:
    """"according to X" anywhere in the sentence (X = the ``pobj`` of "to")."""
    out = []
    for t in sent:
        if t.lower_ != "according":
            continue
        to = next((c for c in t.children if c.lower_ == "to"), None)
        if to is None and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            to = t.nbor()
        if to is None:
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        head = t.head
        out.append(Cue(t, (t.idx, to.idx + len(to)), "according_to", pobj, 6, None, [head]))
    return out


def adverb_cues(sent: "Span", lex: Lexicon) -> list[Cue]:
    """"reportedly" on the main verb (an agentless report)."""
    out = []
    for t in sent:
        if t.lower_ in lex.adverbs and t.dep_ == "advmod":
            head = t.head
            if head.dep_ == "ROOT" or (head.dep_ in ("conj", "xcomp") and head.head.dep_ == "ROOT"):
                out.append(Cue(t, (t.idx, t.idx + len(t)), "passive", None, 7, None, [head]))
    return out


#: dashes that introduce a sign-off attribution ("…” ― Jane Doe")
DASHES = frozenset({"―", "—", "–", "--"})
QUOTE_CLOSERS = frozenset(CLOSE_D + '"' + "'’")


def dash_cues(sent: "Span") -> list[Cue]:
    """"…” ― Jane Doe": a dash at the start of the sentence or right after a closing
    quotation mark, followed by nothing but a name (1–4 proper nouns, final
    punctuation allowed). The name is the source; the quotation is the content
    (the caller links it). Not matched: a dash before anything else ("— and then")."""
    out = []
    for t in sent:
        if t.text not in DASHES:
            continue
        before = t.doc[t.i - 1] if t.i > sent.start else None
        if before is not None and before.text not in QUOTE_CLOSERS:
            continue
        rest = [x for x in t.doc[t.i + 1:sent.end] if not (x.is_punct or x.is_space)]
        if not 1 <= len(rest) <= 4 or any(x.pos_ != "PROPN" for x in rest):
            continue
        out.append(Cue(t, (t.idx, t.idx + len(t)), "direct", rest[-1], 1, None, [],
                       tag=True, source_span=(rest[0].idx, rest[-1].idx + len(rest[-1]))))
    return out


def find_cues(sent: "Span", lex: Lexicon, has_quote: bool = False) -> list[Cue]:
    """Every cue candidate of the sentence, best (lowest rank, leftmost) first."""
    cues = []
    for t in sent:
        if t.lemma_.lower() in lex.verbs:
            cue = verb_cue(t, lex, has_quote)
            if cue is not None:
                cues.append(cue)
    cues += misparsed_noun_cues(sent, lex)
    cues += according_cues(sent)
    cues += dash_cues(sent)
    cues += adverb_cues(sent, lex)
    cues.sort(key=lambda c: (c.rank, c.token.i))
    return cues
