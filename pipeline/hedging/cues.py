"""In-sentence hedge cues (scope ``"sentence"``).

Each rule looks at one token (its lemma/lower form is looked up in the cue
lexicons of ``models/hedging/cues.json``) and its dependency context, and keeps
the cue only when it scopes over the claim's main predicate (its anchor is on
the :func:`~.scope.spine`). :func:`in_sentence` tries the rules of ``RULES`` on
each token in order, one small function each. Rules and what they do not match:

* modals (``may``, ``might``, ``could``, ``would``) on a spine verb; not negated
  ``could`` ("could not immediately determine" is inability); not ``would`` as
  the future-in-the-past (a complement or relative clause of a past-tense
  predicate: "said it would open", "argued that it would draw"; heuristic) or
  stating the terms of an arrangement ("Under the plan, creditors would
  receive"; heuristic), unless the would-clause has its own condition; a
  negative subject cancels ``could`` like negation ("Neither ... could be
  reached"); ``could`` of perception or capacity is ability ("the divers could see three
  bodies", "six adults could fit": ``ability_modals``; real-world dev figure flag
  ``speculative`` 4 false figures fewer, FactBank one false sentence fewer);
* hedging adverbs ("have reportedly fled", "are apparently members");
* raising verbs with a complement ("seemed to be", "seem reluctant"); not
  "appeared in 3 groups"; "looks like ...";
* agentless passives of opinion verbs with "as" ("was seen as inevitable");
* agentless passives of belief/report verbs ("are reported to have died", "is
  believed to", headline "600+ fatalities reported", a reduced relative the parser tags
  as a past tense "the thousands reported missing"); a ``by``-agent, an active subject
  ("Residents reported") or "according to" a named source ("30 were reported missing,
  according to the police") makes them plain attribution;
* belief verbs with a complement ("analysts expect ..."), also negated when they
  are neg-raising ("I don't think it can" = "I think it cannot"); not heading a
  comparative clause ("faster than expected");
* hedging speech verbs with clausal content ("claimed they were responding");
  not "claimed responsibility", not "claimed tens of thousands of lives"; unnamed
  "reports suggest" and "according to early reports" give ``reported`` ("reports
  attributed to X" name their source: attribution; dev figure flag ``reported`` 3
  figures more);
* "accused of", predicate adjectives ("is likely to", "it is unclear"),
  attributive adjectives on the subject ("an alleged militant was shot") or a
  number ("an estimated 300"); not on an object ("denounced the alleged attack");
  not "the severest possible", not "potential buyers" (heuristic role list);
* hedging nouns as arguments ("there is a possibility", "denied accusations", a
  headline's capitalised "Red Cross Estimate Puts Toll At 50,000"),
  belief nouns with a that-clause ("fears that the bank may ...");
* conditional markers heading a verbal adverbial clause of a spine verb ("if",
  "unless", "provided that") and the consequent's ``will``/``would``; not "if
  necessary", not "if" = "whether", not "dozens if not hundreds"; "until" when
  it states a condition (negated or modal main verb, or an unrealised
  present-tense event: "until the army leaves"; heuristic), also with the
  consequent's modal;
* "whether" clauses, verbs of inquiry governing a whether/if-clause
  ("investigating whether"), and "remains to be seen";
* dispute verbs with clausal content or a claim noun ("denied that ...");
* verification of cited evidence anywhere in the sentence ("a video ... verified
  by Reuters showed", "by geolocating videos"), negated -> ``unverified``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Claim, Hedge
from .lexicon import Lexicon
from .scope import has_aux, is_passive, negated, subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CLAUSAL = frozenset({"ccomp", "xcomp"})
PAST_REPORTING = frozenset({"say", "tell", "announce", "add", "report", "state", "claim",
                            "insist", "warn", "predict", "promise", "write", "indicate", "note"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
NEG_WORDS = frozenset({"not", "n't", "never"})
PASSIVE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "oprd", "attr", "acomp"})


def hedge(doc: "Doc", type_: str, start: int, end: int) -> Hedge:
    """A sentence-scope hedge for the token-aligned cue ``[start, end)`` (no ``doc.text``:
    spaCy rebuilds that string on every access)."""
    return Hedge(type=type_, cue=doc.char_span(start, end, alignment_mode="expand").text,
                 cue_span=[start, end], scope="sentence",
                 from_sentence=None)


def _span(*toks: "Token") -> tuple[int, int]:
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def _to_child(tok: "Token") -> "Token | None":
    """The infinitival ``to`` of tok's xcomp ("reported [to] have died")."""
    for child in tok.children:
        if child.dep_ == "xcomp":
            for c in child.children:
                if c.dep_ == "aux" and c.lower_ == "to" and c.i == tok.i + 1:
                    return c
    return None


def _future_in_past(verb: "Token", lex: Lexicon) -> bool:
    """``verb`` (or the verb it is a conjunct of) is the future-in-the-past.

    Heuristic (sequence of tenses): its clause is the content of a past-tense
    reporting verb ("said it would open"), or a complement/relative clause
    (``lex.future_in_past_deps``) of a governor anchored in the past ("argued that
    it would draw", "extended its offer, which would give"), or it carries a
    past-tense reporting verb in parataxis ("The summit, she said, would produce").
    """
    *_, tok = _conj_chain(verb, 4)
    if any(c.dep_ == "parataxis" and c.lemma_.lower() in lex.future_in_past_parataxis
           and c.tag_ == "VBD" for c in tok.children):
        return True
    if tok.dep_ == "ccomp" and tok.head.lemma_ in PAST_REPORTING and tok.head.tag_ in ("VBD", "VBN"):
        return True
    if tok.dep_ in lex.future_in_past_deps and tok.head.i != tok.i:
        return _past_anchored(tok.head)
    return False


def _past_anchored(tok: "Token") -> bool:
    """The clause ``tok`` belongs to is in the past tense: ``tok`` is a past-tense verb or
    has a past auxiliary (did/had/was/were); a non-finite verb, noun, adjective or
    preposition takes the tense of the clause it sits in. Modals and present forms
    are not past."""
    for _ in range(8):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        if tok.tag_ in ("VBZ", "VBP", "MD") or any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _deal_frame(verb: "Token", lex: Lexicon) -> bool:
    """``verb`` (or the verb it is a conjunct of) has a PP like "under the plan/terms"
    (heuristic: the modal then states the terms of an arrangement)."""
    return any(c.dep_ == "prep" and c.lower_ in lex.deal_frame_preps and any(
        o.dep_ == "pobj" and o.lemma_.lower() in lex.deal_frame_nouns for o in c.children)
        for tok in _conj_chain(verb, 3) for c in tok.children)


def _conj_chain(verb: "Token", hops: int) -> Iterator["Token"]:
    """``verb``, then the verbs it is a conjunct of, at most ``hops`` steps up."""
    yield verb
    for _ in range(hops):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return
        verb = verb.head
        yield verb


def _has_condition(verb: "Token", lex: Lexicon) -> bool:
    """``verb`` has an adverbial clause of condition ("if"/"unless", or a conditional "until")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and (
        m.lower_ in lex.cond_marks or (m.lower_ in lex.temporal_conditions and _temporal_condition(m)))
        for m in c.children) for c in verb.children)


def _temporal_condition(mark: "Token") -> bool:
    """An "until" clause states a condition, not a time: the main verb is negated or
    modal ("won't resume until regulators approve"), or the until-clause is in the
    present tense, i.e. its event has not happened yet ("will stay until the crisis
    ends", "isolate Iraq until it retreats"). A past until-clause ("stayed until the
    war ended") is a time. Heuristic."""
    clause, main = mark.head, mark.head.head
    if negated(main) or any(c.tag_ == "MD" for c in main.children):
        return True
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    return clause.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _neg_subject(verb: "Token") -> bool:
    """The subject is negative ("No one has claimed ...")."""
    subj = subject(verb)
    if subj is None:
        return False
    return subj.lower_ in ("nobody", "none", "neither", "nothing") \
        or any(c.lower_ in ("no", "neither") and c.dep_ in ("det", "preconj") for c in subj.children)


def _quantities_in(tok: "Token", claim: Claim) -> list[dict]:
    """The claim's quantities inside the phrase ``tok`` heads."""
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return [q for q in claim.quantities if q.get("span") and lo <= q["span"][0] and q["span"][1] <= hi]


def _contains_number(tok: "Token", claim: Claim) -> bool:
    return bool(_quantities_in(tok, claim)) or any(t.like_num for t in tok.subtree)


@dataclass
class _Sentence:
    """What the rules share while one sentence is scanned: the sentence, the claim, the
    spine, the lexicon, the tokens to skip, the hedges found so far and the saying verbs
    already used by an unnamed-reports cue."""
    sent: "Span"
    claim: Claim
    spine: set[int]
    lex: Lexicon
    skip: set[int]
    out: list[Hedge] = field(default_factory=list)
    report_subject_verbs: set[int] = field(default_factory=set)
    settled: set[int] = field(default_factory=set)  # tokens some rule took

    def add(self, type_: str, *toks: "Token") -> None:
        self.out.append(hedge(self.sent.doc, type_, *_span(*toks)))


# Each rule takes a token and the sentence state and returns True when the token is
# settled (a cue was added, or the token was recognised and ruled out); False lets the
# next rule in RULES look at it.

def _unnamed_reports(tok: "Token", s: _Sentence) -> bool:
    """Unnamed reports as the subject of a saying verb on the spine, or framing a spine
    verb with "according to" -> ``reported``.

    Matches "Some reports suggest that the minister has resigned" (cue "reports
    suggest"), "12 were hurt, according to early reports" (cue "according to early
    reports"). Not "Reports attributed to the port authority said" (named source:
    attribution)."""
    lex, head = s.lex, tok.head
    if not (tok.lemma_.lower() in lex.report_nouns and tok.pos_ == "NOUN" and not _named_reports(tok, lex)):
        return False
    if tok.dep_ == "nsubj" and head.i in s.spine and head.lemma_ in lex.report_verbs:
        s.add("reported", tok, head)
        s.report_subject_verbs.add(head.i)
        return True
    frame = _report_frame(tok, lex)
    if frame is None or frame.head.i not in s.spine:
        return False
    s.add("reported", frame, tok)
    return True


def _report_frame(noun: "Token", lex: Lexicon) -> "Token | None":
    """The "according" of "according to [early] reports" when ``noun`` is its object."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ in lex.report_framing:
        return prep.head
    return None


def _named_frame(verb: "Token", lex: Lexicon) -> bool:
    """``verb`` has an "according to X" phrase whose X is not unnamed reports: X is who
    reports ("30 were reported missing, according to the police")."""
    return any(c.lower_ in lex.report_framing and not any(
        o.dep_ == "pobj" and o.lemma_.lower() in lex.report_nouns for p in c.children for o in p.children)
        for c in verb.children)


def _modal(tok: "Token", s: _Sentence) -> bool:
    """A modal of the lexicon on a spine verb -> its type ("The bridge may reopen").

    Settles every modal token; no cue for: negated or negative-subject ``could``
    ("could not say", "Neither ... could be reached"), a refused ``would`` ("would not
    comment"), and ``would`` as the future-in-the-past or stating the terms of an
    arrangement ("said it would close", "Under the plan, bondholders would receive")
    unless its verb has its own condition."""
    lex, lower, head, sent = s.lex, tok.lower_, tok.head, s.sent
    if not (tok.tag_ == "MD" and lower in lex.modal):
        return False
    if head.i not in s.spine:
        return True
    if lower in lex.ability_modals and head.lemma_.lower() in lex.ability_verbs:
        return True  # "the divers could see three bodies": ability, not possibility
    neg = negated(head) or negated(tok) or (tok.i + 1 < sent.end and tok.nbor(1).lower_ in NEG_WORDS)
    if lower in lex.modal_negation_cancels and (neg or _neg_subject(head)):
        return True  # "could not immediately determine": inability, not possibility
    if lower in lex.future_in_past_modals and neg and head.lemma_.lower() in lex.refusal_verbs:
        return True  # "would not comment": a refusal
    if lower in lex.future_in_past_modals and not _has_condition(head, lex) \
            and (_future_in_past(head, lex) or _deal_frame(head, lex)):
        return True
    s.add(lex.modal[lower], tok)
    return True


def _hedging_adverb(tok: "Token", s: _Sentence) -> bool:
    """A hedging adverb modifying a spine word -> its type ("have reportedly left").

    Settles every such adverb; off the spine ("The priest, who allegedly hid weapons,
    said") it gives no cue."""
    lex, lower, head = s.lex, tok.lower_, tok.head
    if not (lower in lex.adverb and tok.pos_ in ("ADV", "ADJ") and tok.dep_ in ("advmod", "npadvmod")):
        return False
    # the parser sometimes reads "had allegedly stolen copper" as an adjectival participle
    misparsed = head.dep_ == "amod" and head.tag_ == "VBN" and head.i < head.head.i \
        and head.head.dep_ in ARG_DEPS and head.head.head.i in s.spine
    if head.i in s.spine or misparsed:
        s.add(lex.adverb[lower], tok)
    return True


def _is_verb(tok: "Token") -> bool:
    """The verb rules below look only at verbs and auxiliaries."""
    return tok.pos_ in ("VERB", "AUX")


def _comparative(tok: "Token", s: _Sentence) -> bool:
    """A belief, report or speech verb heading a comparative clause -> no cue, settled.

    Matches "Exports grew faster than expected", "as predicted": a settled expectation.
    Not a plain "expected" with a complement ("Analysts expect the bank to cut")."""
    lex, lemma = s.lex, tok.lemma_.lower()
    return _is_verb(tok) and (lemma in lex.doxastic or lemma in lex.passive_raising
                              or lemma in lex.speech_hedge) \
        and any(c.dep_ == "mark" and c.lower_ in lex.comparative_marks for c in tok.children)


def _looks_like(tok: "Token", s: _Sentence) -> bool:
    """A spine appearance verb followed by "like" -> its type, cue verb + "like".

    Matches "It looks like the ferry company will cancel" (cue "looks like"), "looked
    like the inevitable". Not negated ("does not look like"), not without "like"."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.appearance_like and not negated(tok)):
        return False
    # "looked like the inevitable" (prep) or "looks like [the West wants ...]" (mark of the clause)
    like = [c for c in tok.children if c.lower_ == "like" and c.dep_ in ("mark", "prep")] + [
        m for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i
        for m in c.children if m.dep_ == "mark" and m.lower_ == "like" and m.i == tok.i + 1]
    if not like:
        return False
    s.add(lex.appearance_like[lemma], tok, like[0])  # "it looks like ..."
    return True


def _seen_as(tok: "Token", s: _Sentence) -> bool:
    """An agentless passive opinion verb with "as" on the spine -> its type, cue aux + verb.

    Matches "The merger was seen as inevitable" (cue "was seen"). Not the active
    ("The villagers see the dam as a threat"), not with a by-agent, not negated."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.regard_as and tok.tag_ == "VBN"
            and is_passive(tok) and not negated(tok) and not any(c.dep_ == "agent" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)):
        return False
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    s.add(lex.regard_as[lemma], *aux, tok)  # "sees X as", "was seen as"
    return True


def _raising(tok: "Token", s: _Sentence) -> bool:
    """A spine raising verb with a complement -> its type, cue verb (+ "to").

    Matches "The fire appears to have started" (cue "appears to"), "others seem
    reluctant". Not without a complement ("appeared in three groups")."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.raising
            and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in tok.children)):
        return False
    to = _to_child(tok)
    s.add(lex.raising[lemma], *([tok, to] if to is not None else [tok]))
    return True


def _passive_report(tok: "Token", s: _Sentence) -> bool:
    """An agentless passive of a belief/report verb on the spine -> its type, cue aux +
    verb (+ "to").

    Matches "Forty miners are reported to have been trapped" (cue "are reported to"),
    "is believed to", the bare headline participle "200+ arrests reported", a bare
    participle with its predicate "58 people feared dead" (with :func:`_numeric_phrase`:
    real-world figure flag ``speculative`` F1 dev 0.776 -> 0.829, test 0.810 -> 0.837).
    Not with a
    by-agent, not with "as" (see :func:`_seen_as`); "it was said" without a raised
    infinitive is settled with no cue."""
    lex, lemma = s.lex, tok.lemma_.lower()
    # "58 people feared dead", "missing presumed dead": a bare participle with its
    # predicate (the parser often tags a headline's participle as a past tense)
    predicate = not has_aux(tok) and any(c.dep_ == "oprd" for c in tok.children)
    # ... and tags a reduced relative "the thousands reported missing" as a past tense
    participle = tok.tag_ == "VBN" or (tok.tag_ == "VBD" and (predicate or (
        tok.dep_ == "acl" and subject(tok) is None and not _split_phrase(tok.head))))
    if not (_is_verb(tok) and tok.i in s.spine and participle
            and lemma in lex.passive_raising and not any(c.dep_ == "agent" for c in tok.children)):
        return False
    t = lex.passive_raising[lemma]
    if t == "reported" and _named_frame(tok, lex):
        return True  # "…were reported missing, according to the police": attribution
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    bare = predicate or (not has_aux(tok) and tok.dep_ in ("ROOT", "acl", "conj") and t in lex.bare_participle_types)
    complement = any(c.dep_ in PASSIVE_COMPLEMENTS for c in tok.children)
    if not ((aux or bare) and (complement or lemma not in lex.passive_needs_complement)
            and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)):
        return False
    to = _to_child(tok)
    if lemma == "say" and to is None:
        return True  # "it was said" without a raised infinitive is not a hedge
    s.add(t, *aux, tok, *([to] if to is not None else []))
    return True


def _split_phrase(noun: "Token") -> bool:
    """A determiner after the noun's number ("the 1,833 the council reported"): the parser
    has run a relative clause's subject into the number's phrase, so the verb after it
    is that subject's past tense, not a participle."""
    nums = [c.i for c in noun.children if c.dep_ == "nummod"]
    return bool(nums) and any(c.dep_ == "det" and c.i > min(nums) for c in noun.children)


def _accused_of(tok: "Token", s: _Sentence) -> bool:
    """A spine accusation verb with its preposition -> ``alleged``, cue verb + preposition.

    Matches "The mayor was accused of taking bribes" (cue "accused of"). Not negated,
    not without the preposition."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.accuse):
        return False
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in lex.accuse[lemma]]
    if not preps or negated(tok):
        return False
    s.add("alleged", tok, preps[0])
    return True


def _hedging_speech(tok: "Token", s: _Sentence) -> bool:
    """An active hedging speech verb with clausal content -> its type.

    Matches "The company claimed its trucks were delayed" (``alleged``); "estimate"
    also with an object and off the spine when its content holds a figure ("damage
    that insurers estimate has cost $2 billion"); "claim" with a count as its object,
    anywhere ("…, while the union claimed 450,000 marchers"; ``speech_hedge_objects``:
    real-world dev figure flag ``alleged`` F1 0.444 -> 0.933, flags micro-F1 0.920 ->
    0.924; test has no alleged figure and is unchanged). A share or a sum is taken,
    not alleged ("claimed 30% of the market"; with them FactBank's sentence F1 fell
    0.880 -> 0.878). Not "claimed responsibility" (no clause or count), not "the flood
    claimed 40 lives", not negated or with a negative subject, not the verb an
    unnamed-reports cue already took ("reports suggest")."""
    lex, lemma, on_spine = s.lex, tok.lemma_.lower(), tok.i in s.spine
    if not (_is_verb(tok) and lemma in lex.speech_hedge and not is_passive(tok)
            and tok.i not in s.report_subject_verbs):
        return False
    comps = [c for c in tok.children if c.dep_ in CLAUSAL]
    objs = [c for c in tok.children if c.dep_ == "dobj" and lemma in lex.speech_object_verbs
            and c.lemma_.lower() not in lex.speech_object_not and not _partitive_of(c, lex.speech_object_not)]
    if lemma == "estimate":
        ok = (on_spine or any(_contains_number(c, s.claim) for c in comps + objs)) and (comps or objs)
    else:  # "the union claimed 450,000 marchers", not "the flood claimed 40 lives"
        ok = ((on_spine and comps) or any(_holds_count(c, s.claim) for c in objs)) \
            and not negated(tok) and not _neg_subject(tok)
    if not ok:
        return False
    s.add(lex.speech_hedge[lemma], tok)
    return True


def _partitive_of(obj: "Token", heads: frozenset[str]) -> bool:
    """The object counts one of ``heads`` through "of": "claimed tens of thousands **of
    lives**" (the war took them, nobody alleges them)."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lemma_.lower() in heads for o in p.children) for p in obj.children)


def _holds_count(tok: "Token", claim: Claim) -> bool:
    """Does the phrase of ``tok`` hold a count of the claim (not a share or a sum:
    "claimed 30% of the market" takes it, it does not allege it)?"""
    return any(q.get("kind") == "count" for q in _quantities_in(tok, claim))


def _belief(tok: "Token", s: _Sentence) -> bool:
    """A spine belief verb with a complement -> its type.

    Matches "Analysts expect the bank to cut rates", "The regulator considers the tariff
    excessive", negated neg-raising verbs ("I don't think the operator can survive").
    Not other negated verbs ("do not doubt"), not a negative subject ("Nobody believes"),
    not the passive, not clause-only verbs with a gerund ("might consider selling")."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.doxastic and not is_passive(tok)
            and (not negated(tok) or lemma in lex.neg_raising) and not _neg_subject(tok)):
        return False
    if not any((c.dep_ in CLAUSAL and not (c.dep_ == "xcomp" and lemma in lex.doxastic_clause_only))
               or (c.dep_ == "oprd" and lemma in lex.doxastic_clause_only)
               or (c.dep_ == "dobj" and lemma in lex.doxastic_object_ok)
               # "expect between 1.1 and 1.4 million marchers": a figure parsed as a phrase
               or (c.dep_ == "prep" and lemma in lex.doxastic_object_ok and _numeric_phrase(c, s.claim))
               for c in tok.children):
        return False
    s.add(lex.doxastic[lemma], tok)
    return True


def _numeric_phrase(prep: "Token", claim: Claim) -> bool:
    """Does the phrase of ``prep`` open with a figure of the claim ("between 1.1 and 1.4
    million …", not "in Paris" or "by 3 May")? Measured with the bare-participle rule of
    :func:`_passive_report`."""
    start = prep.idx
    return any(q.get("span") and q["span"][0] == start for q in claim.quantities)


def _dispute(tok: "Token", s: _Sentence) -> bool:
    """A spine dispute verb with clausal content or a claim noun -> ``disputed``.

    Matches "The army denied that its soldiers fired". Not with another object ("rejected
    them"), not negated, not with a negative subject."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (_is_verb(tok) and tok.i in s.spine and lemma in lex.dispute_verbs
            and not negated(tok) and not _neg_subject(tok)):
        return False
    if not any(c.dep_ in CLAUSAL or (c.dep_ == "dobj" and c.lemma_.lower() in lex.dispute_objects)
               for c in tok.children):
        return False
    s.add("disputed", tok)
    return True


def _dispute_noun(tok: "Token", s: _Sentence) -> bool:
    """A noun of disagreement whose "between"/"over"/"about" phrase holds a figure ->
    ``disputed`` (the figures it covers: those inside the noun, see
    :func:`pipeline.hedging.figures._clause`).

    Matches "settle a dispute between one ministry that counts 3,195 dead and another
    that counts 2,957", "the discrepancy between the 46 deaths and the 108 reported".
    Not "a dispute over land killed 12 people" (no figure in the phrase). Heuristic:
    one dev pair of figures of the real-world set."""
    lex = s.lex
    if not (tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.dispute_nouns):
        return False
    if any(c.dep_ == "prep" and c.lower_ in lex.dispute_noun_preps and _contains_number(c, s.claim)
           for c in tok.children):
        s.add("disputed", tok)
    return True


def _predicate_adjective(tok: "Token", s: _Sentence) -> bool:
    """A hedging adjective as the spine predicate -> its type.

    Matches "It is unknown whether the tanker was carrying crude", "is likely to". Not
    attributive adjectives (see :func:`_attributive`)."""
    lex, lemma = s.lex, tok.lemma_.lower()
    if not (tok.pos_ == "ADJ" and lemma in lex.predicate_adjective and tok.i in s.spine
            and tok.dep_ in ("acomp", "ROOT", "ccomp", "conj")):
        return False
    s.add(lex.predicate_adjective[lemma], tok)
    return True


def _attributive(tok: "Token", s: _Sentence) -> bool:
    """A hedging modifier of the subject or a spine noun -> its type.

    Matches "an alleged militant was shot", "a potential collapse", and anywhere on a
    figure "destroyed an estimated 400 houses" (cue "an estimated"). Settles every such
    modifier; no cue on an object ("condemned the alleged assault"), after a superlative
    ("the strictest possible sentence") or on a prospective role ("potential buyers")."""
    lex, lower, head, sent = s.lex, tok.lower_, tok.head, s.sent
    if not (tok.dep_ in ("amod", "advmod", "nmod", "compound", "quantmod") and lower in lex.attributive):
        return False
    t = lex.attributive[lower]
    noun = head
    if lower in lex.superlative_cancels and any(
            c.tag_ in ("JJS", "RBS") and c.i < tok.i for c in head.children):
        return True  # "the severest possible crackdown": an intensifier
    if lower in lex.prospective_adjectives and head.lemma_.lower() in lex.prospective_nouns:
        return True  # "potential buyers": a prospective role
    if lower in lex.attributive_figure_only and not (head.dep_ == "nsubj" and head.head.lemma_ == "be" and any(
            t.like_num for c in head.head.children if c.i > head.head.i for t in c.subtree)):
        return True  # "the reported sale collapsed": only "the reported turnout was 12,000" is a cue
    if lower in lex.attributive_any_argument:
        # "an estimated 300 people": the number is hedged wherever it is an argument
        while noun.dep_ in ("nummod", "quantmod", "compound") and noun.head.i != noun.i:
            noun = noun.head
        ok = noun.i in s.spine or (noun.dep_ in ARG_DEPS | {"pobj"} and noun.head.i in s.spine) \
            or any(c.like_num for c in head.subtree)
    else:
        ok = noun.i in s.spine and noun.pos_ in ("NOUN", "PROPN") or \
            (noun.dep_ in SUBJ_DEPS and noun.head.i in s.spine) or _according_source(noun)
    if ok:
        left = tok.nbor(-1) if tok.i > sent.start and tok.nbor(-1).lower_ == "an" and t == "estimated" else tok
        s.add(t, left, tok)
    return True


def _according_source(noun: "Token") -> bool:
    """Is ``noun`` the source of "according to" ("According to **unverified figures**, 200
    died")? What it gives is its claim, so its modifier hedges that claim as it would on
    the subject ("Unverified figures show 200 died"). Heuristic: real-world dev and test
    figure flags unchanged (no such source there now)."""
    to = noun.head
    return noun.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _hedging_noun(tok: "Token", s: _Sentence) -> bool:
    """A hedging noun on the spine or as a spine argument -> its type.

    Matches "The mayor rejected accusations of bribery" (``alleged``), "there is a
    possibility"; "estimate" also after "according to" or as a subject holding a figure.
    Settles every such noun; elsewhere (inside a PP adjunct) it gives no cue."""
    lex, lemma, dep, head = s.lex, tok.lemma_.lower(), tok.dep_, tok.head
    # a headline's capitals make the parser read "Red Cross Estimate Puts Toll At 50,000" as a name
    if not ((tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_title)) and lemma in lex.nouns):
        return False
    ok = tok.i in s.spine or (dep in ARG_DEPS and head.i in s.spine)
    if lemma == "estimate":
        ok = ok or (dep == "pobj" and head.head.lower_ == "according") \
            or (dep in SUBJ_DEPS and _contains_number(head, s.claim))
    if ok:
        s.add(lex.nouns[lemma], tok)
    return True


def _content_noun(tok: "Token", s: _Sentence) -> bool:
    """A belief noun with a that-clause, on the spine or as a spine argument -> its type.

    Matches "Traders sold on fears that the central bank may raise rates", "the
    presumption that mothers have ...". Not without the clause ("concerns about the
    harvest"), not a relative clause ("the fears that he voiced")."""
    lex, lemma, head = s.lex, tok.lemma_.lower(), tok.head
    if not (tok.pos_ == "NOUN" and lemma in lex.content_nouns and _that_clause(tok)
            and (tok.i in s.spine or (tok.dep_ in ARG_DEPS and head.i in s.spine))):
        return False
    s.add(lex.content_nouns[lemma], tok)  # "the presumption that mothers have ..."
    return True


def _add_consequent_modals(clause: "Token", s: _Sentence) -> None:
    """The consequent's will/would of a condition on ``clause``'s governor -> ``conditional``."""
    for aux in clause.head.children:
        if aux.dep_ == "aux" and aux.lower_ in s.lex.consequent_modals and aux.i not in s.skip:
            s.add("conditional", aux)


def _condition_mark(tok: "Token", s: _Sentence) -> bool:
    """"if"/"unless" heading a verbal adverbial clause of a spine verb -> ``conditional``,
    with the consequent's will/would.

    Matches "The union will strike if the talks fail" (cues "if", "will"). Not "if
    necessary" (an adjective), not "dozens if not hundreds", not "if" = "whether" on a
    verb of asking or checking ("are checking if the dam was damaged")."""
    lex, lower, head = s.lex, tok.lower_, tok.head
    if not (tok.dep_ == "mark" and lower in lex.cond_marks and head.dep_ == "advcl"
            and head.pos_ != "ADJ" and head.head.i in s.spine and not _if_not(tok, head)
            and not (lower == "if" and head.head.lemma_.lower() in lex.whether_heads)):
        return False
    s.add("conditional", tok)
    _add_consequent_modals(head, s)
    return True


def _until_condition(tok: "Token", s: _Sentence) -> bool:
    """"until" stating a condition on a spine verb -> ``conditional``, with the
    consequent's will/would.

    Matches "The embargo will stay until the regime frees the prisoners" and "keep the
    road closed until the army leaves" (see :func:`_temporal_condition`). Not a time:
    "stayed closed until the storm ended", "until 2004"."""
    lex, head = s.lex, tok.head
    if not (tok.dep_ == "mark" and tok.lower_ in lex.temporal_conditions and head.dep_ == "advcl"
            and head.head.i in s.spine and _temporal_condition(tok)):
        return False
    s.add("conditional", tok)
    _add_consequent_modals(head, s)
    return True


def _inquiry_mark(tok: "Token", s: _Sentence) -> bool:
    """"whether" heading a clause of a spine word -> the investigation type.

    Matches "Police are investigating whether the fire was set" (cue "whether"), "It is
    unknown whether". Not a relative or wh-clause ("investigate who ordered")."""
    lex, head = s.lex, tok.head
    if not (lex.investigation and tok.dep_ == "mark" and tok.lower_ in lex.investigation_marks
            and head.dep_ in ("ccomp", "advcl", "pcomp", "csubj") and head.head.i in s.spine):
        return False
    s.add(lex.investigation_type, tok)
    return True


def _inquiry_verb(tok: "Token", s: _Sentence) -> bool:
    """A spine verb of inquiry governing a whether/if-clause -> the investigation type.

    Matches "investigating whether", "Engineers will examine if the cracks have
    widened". Not with a wh-clause ("investigate who ordered the demolition")."""
    lex = s.lex
    if not (lex.investigation and tok.pos_ == "VERB" and tok.i in s.spine
            and tok.lemma_.lower() in lex.investigation_heads
            and any(_open_clause(c, lex) for c in tok.children)):
        return False
    s.add(lex.investigation_type, tok)  # "investigating whether", "questioned how much"
    return True


def _remains_to_be_seen(tok: "Token", s: _Sentence) -> bool:
    """"remains to be seen", "is yet to be seen" on the spine -> the investigation type,
    cue from "remains"/"yet" to the participle.

    Not "is to be seen at the museum" (a plain passive: no "yet")."""
    lex, head = s.lex, tok.head
    if not (lex.investigation and tok.tag_ == "VBN" and tok.lemma_.lower() in lex.open_question_verbs
            and tok.dep_ == "xcomp" and head.i in s.spine and head.lemma_.lower() in lex.open_question_heads
            and any(c.dep_ == "auxpass" for c in tok.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        return False
    first = head
    if head.lemma_.lower() == "be":
        yet = [c for c in head.children if c.lower_ in lex.open_question_be_needs]
        first = yet[0] if yet else None
    if first is None:
        return False
    s.add(lex.investigation_type, first, tok)
    return True


def _verification(tok: "Token", s: _Sentence) -> bool:
    """Verification of cited evidence anywhere in the sentence -> ``verified``, negated
    ``unverified`` (see :func:`_inline_verification`).

    Matches "Footage verified by the Guardian showed" (cue "verified by the Guardian"),
    "by geolocating photos". Settles every method word and inline verification verb;
    no cue for an active verb ("we verified")."""
    lex = s.lex
    if not (tok.lower_ in lex.verify_methods or (tok.lemma_.lower() in lex.verify_inline and tok.pos_ == "VERB")):
        return False
    h = _inline_verification(tok, lex, s.spine)
    if h is not None:
        s.out.append(hedge(s.sent.doc, h[0], h[1], h[2]))
    return True


#: The in-sentence rules, in the order they are tried on each token; the first that
#: settles a token ends its turn.
RULES: tuple[Callable[["Token", _Sentence], bool], ...] = (
    _unnamed_reports, _modal, _hedging_adverb, _comparative,
    _looks_like, _seen_as, _raising, _passive_report, _accused_of, _hedging_speech, _belief, _dispute,
    _dispute_noun, _predicate_adjective, _attributive, _hedging_noun, _content_noun,
    _condition_mark, _until_condition, _inquiry_mark, _inquiry_verb, _remains_to_be_seen,
    _verification,
)


_TRIGGERS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _trigger_words(lex: Lexicon) -> frozenset[str]:
    """Every word (form or lemma) a rule of :data:`RULES` can take: each rule first
    checks its token against one of these lexicons, so other tokens skip the table."""
    cached = _TRIGGERS.get(id(lex))
    if cached is None or cached[0] is not lex:
        sets = (lex.report_nouns, lex.modal, lex.adverb, lex.doxastic, lex.passive_raising,
                lex.speech_hedge, lex.appearance_like, lex.regard_as, lex.raising, lex.accuse,
                lex.dispute_verbs, lex.dispute_nouns, lex.predicate_adjective, lex.attributive, lex.nouns,
                lex.content_nouns, lex.cond_marks, lex.temporal_conditions,
                lex.investigation_marks, lex.investigation_heads, lex.open_question_verbs,
                lex.verify_methods, lex.verify_inline)
        cached = _TRIGGERS[id(lex)] = (lex, frozenset(w.lower() for words in sets for w in words))
    return cached[1]


def in_sentence(sent: "Span", claim: Claim, spine: set[int], lex: Lexicon,
                skip: set[int], tokens: set[int] | None = None) -> list[Hedge]:
    """Hedges whose cue is in ``sent`` and scopes over its main predicate. ``tokens``
    limits the rules to those tokens (see :func:`cue_tokens`)."""
    return _scan(sent, claim, spine, lex, skip, tokens).out


def cue_tokens(sent: "Span", claim: Claim, lex: Lexicon, skip: set[int]) -> tuple[list[Hedge], set[int]]:
    """The hedges of ``sent`` wherever their cue stands (every token on the "spine"),
    and the tokens some rule took. A rule takes a token by its words, whatever the
    spine; the spine only decides whether it gives a cue. So a scan on the main
    spine need only try these tokens (it halves the stage's time; same output)."""
    state = _scan(sent, claim, set(range(sent.start, sent.end)), lex, skip, None)
    return state.out, state.settled


def _scan(sent: "Span", claim: Claim, spine: set[int], lex: Lexicon, skip: set[int],
          tokens: set[int] | None) -> _Sentence:
    state = _Sentence(sent, claim, spine, lex, skip)
    seq_starts: list["Token"] = []
    firsts = {seq[0] for seq in lex.cond_sequences}
    triggers = _trigger_words(lex)
    for tok in sent:
        if tok.i in skip:
            continue
        if tok.lower_ in firsts:
            seq_starts.append(tok)
        if (tokens is not None and tok.i not in tokens) or (
                tok.lower_ not in triggers and tok.lemma_.lower() not in triggers):
            continue  # no rule takes this token; the rules cost a call each
        for rule in RULES:
            if rule(tok, state):
                state.settled.add(tok.i)
                break
    state.out.extend(_sequence_conditions(sent, seq_starts, spine, lex, skip))
    state.out[:] = _dedupe(state.out)
    return state


def _if_not(mark: "Token", clause: "Token") -> bool:
    """"dozens if not hundreds": "if not" before a non-verbal phrase is an escalating
    alternative, not a condition."""
    nxt = mark.nbor(1) if mark.i + 1 < len(mark.doc) else None
    return nxt is not None and nxt.lower_ in NEG_WORDS and not clause.tag_.startswith("VB")


def _named_reports(tok: "Token", lex: Lexicon) -> bool:
    """The reports name their source: a possessor or compound ("Reuters reports"), a
    participle ("reports attributed to the ministry") or a source preposition
    ("reports from Kabul officials")."""
    for c in tok.children:
        if c.dep_ in ("poss", "compound") or (c.dep_ == "acl" and c.tag_ == "VBN"):
            return True
        if c.dep_ == "prep" and c.lower_ in lex.report_source_preps:
            return True
    return False


def _that_clause(noun: "Token") -> bool:
    """``noun`` has a content clause introduced by the conjunction "that" ("fears that
    the dam may burst"; not a relative clause "the fears that he voiced")."""
    return any(c.dep_ in ("acl", "relcl", "ccomp", "appos") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in noun.children)


def _open_clause(clause: "Token", lex: Lexicon) -> bool:
    """``clause`` is a complement clause introduced by "whether"/"if": its proposition is
    left open. A wh-clause ("investigate who shot down the plane") presupposes the event
    and only asks about a detail, so it does not count. The parser often attaches
    "examine if ..." as an adverbial clause: on a verb of inquiry that is "whether" too."""
    if clause.dep_ not in ("ccomp", "xcomp", "pcomp", "advcl"):
        return False
    return any(c.dep_ == "mark" and c.lower_ in (lex.investigation_marks | {"if"}) for c in clause.children)


def _inline_verification(tok: "Token", lex: Lexicon, spine: set[int]) -> tuple[str, int, int] | None:
    """Verification of cited evidence: passive/participle "verified by X", method words."""
    neg = negated(tok) or any(c.lower_ in lex.negative_words for c in tok.children if c.dep_ in ("aux", "neg"))
    if tok.lower_ in lex.verify_methods:
        return ("unverified" if neg else "verified", tok.idx, tok.idx + len(tok.text))
    passive = tok.tag_ == "VBN" and (is_passive(tok) or tok.dep_ in ("acl", "amod", "conj", "relcl"))
    agent = [c for c in tok.children if c.dep_ == "agent"]
    if not passive:
        return None
    if tok.lemma_.lower() in lex.verify_needs_agent and not agent and not neg:
        return None
    end_tok = agent[0].right_edge if agent else tok
    if agent:
        # "verified by Reuters": cue runs to the end of the agent noun phrase
        end_tok = max((t for t in agent[0].subtree), key=lambda t: t.i)
    return ("unverified" if neg else "verified", tok.idx, end_tok.idx + len(end_tok.text))


def _sequence_conditions(sent: "Span", starts: list["Token"], spine: set[int], lex: Lexicon,
                         skip: set[int]) -> list[Hedge]:
    """Multi-word condition markers ("provided that", "as long as") on a spine clause."""
    out = []
    for first in starts:
        for seq in lex.cond_sequences:
            n = len(seq)
            if first.lower_ != seq[0] or first.i + n > sent.end:
                continue
            toks = sent.doc[first.i:first.i + n]
            if tuple(t.lower_ for t in toks) != seq or any(t.i in skip for t in toks):
                continue
            # climb from the marker to the clause it introduces and check where that attaches
            node = toks[0]
            for _ in range(3):
                if node.dep_ == "advcl" or node.head.i == node.i:
                    break
                node = node.head
            if node.dep_ == "advcl" and node.head.i in spine:
                out.append(hedge(sent.doc, "conditional", toks[0].idx,
                                 toks[-1].idx + len(toks[-1].text)))
    return out


def _dedupe(hedges: list[Hedge]) -> list[Hedge]:
    """One hedge per cue span and type; a cue inside a longer cue of the same type is dropped."""
    hedges = sorted(hedges, key=lambda h: (h["cue_span"][0], -h["cue_span"][1]))
    out: list[Hedge] = []
    for h in hedges:
        s, e = h["cue_span"]
        if any(o["type"] == h["type"] and o["cue_span"][0] <= s and e <= o["cue_span"][1] for o in out):
            continue
        out.append(h)
    return out
