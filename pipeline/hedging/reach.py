"""Disclaimer sentences and the neighbouring claims they cover.

A *disclaimer* is a sentence in which the outlet says whether it could check
something: a verification verb on the spine ("verify", "confirm", "determine",
...; ``disclaimers.json``) whose subject is the outlet (a named organisation,
"the news agency", "we"), possibly under "be (un)able to" ("The BBC has not been
able to independently verify the death toll", "Reuters could not immediately
determine who runs the page", "Reuters was able to verify footage of ..."), or a
passive one whose subject is what was (not) checked ("The figures could not be
independently verified", "Neither figure could be checked"), or an impersonal one ("It
was not possible to independently verify the numbers", "There was no way to confirm
the toll"). A dispute verb with a target noun as object and no
figures of its own ("The army denied the reports"), or with a demonstrative ("The
ministry disputed this, saying only two bodies were found"), is treated the same way,
and so is a negated verb of acceptance ("The navy has never accepted any of these counts").
Not disclaimers: another source's checking ("police could not confirm the reports" is an
attributed statement) unless what it failed to check is a figure ("officials could not
confirm that number": :func:`_figure_unchecked`), "monitors confirm the toll surpassed 600" (reported content).

Negative polarity -> ``unverified`` reaching back (scope ``"previous"``);
positive -> ``verified`` reaching forward (``"following"``), or back when
nothing suitable follows. What is covered depends on the object's head noun
(``targets.json``): "the death toll", "the casualty figures" -> the preceding claims
that count casualties; "the figures", "either figure", "the numbers" -> the preceding
claims with any figure (a count, percentage or sum), within the paragraph; "any of
these figures", "many of the figures", "none of the estimates" -> every such claim
before it in the section, back to its live-blog entry's start (and the headline);
"these accounts"/"the claims" -> the preceding run of sourced statements;
"footage"/"video" -> the claims describing footage; "this"/"it" -> the immediately
preceding claim; "who runs the page" -> the nearest claim that
mentions a page; "how many fighters ..." -> a claim counting fighters, if any. A
mention whose noun is named differently is another thing: "US pricing has not been
confirmed" does not cover "European pricing will start at 71,350 euro".

More notes that reach (heuristics; real-world dev figure flag ``unverified``, test
checked once after): "Reuters could not establish **which of the two breakdowns** is
right" is about the breakdowns (:func:`_wh_partitive`, +5 figures, none false); a source
saying figures "were **still** being checked" leaves them unverified
(:func:`_pending`, :func:`_reported_unchecked`, +2, none false); a stamp on its own line
above a heading opens a live-blog entry (:func:`_stamp_line_before`; no dev figure moves
with the notes found now). Together dev ``unverified`` F1 0.707 -> 0.733, flags micro-F1
0.887 -> 0.892 (with the hedges of :mod:`.figures`); test unchanged (0.871, ``unverified``
0.324).
A charge that "the numbers" were padded or inflated, in a sentence with no figure
(:func:`find_charge`: "Critics say the count is inflated."), disputes every earlier
figure of its class back to the start of its unit (dev ``disputed`` F1 0.576 -> 0.643,
test unchanged).
Notes that reach less (heuristics): a note on a pronoun's figures ("Arise could not
verify **her** figures") reaches only body claims some source gives, not the outlet's
own figures between them (:func:`_pronoun_possessor`); a note naming a number leaves a
range with that number at one end alone (``pipeline.hedging.figures._same_number``); and
"the toll **is** unconfirmed" (the adjective as the parse's head) is read like "remained
unconfirmed" (:func:`find_unchecked`). Together dev ``unverified`` P 0.843 -> 0.854 (two
false figures fewer, none lost), flags micro-F1 0.895 -> 0.896; test unchanged (0.871,
``unverified`` 0.324).
Notes that reach more (heuristics): a passive check by no one in particular ("None of
these numbers has been confirmed **by any official source**", :func:`_named_agent`) is a
note like an agentless one (dev ``unverified`` +2 figures, none false); a note whose noun
is said to come from somewhere ("The numbers **come from** the health ministries, and
there is no way to check them", :func:`_said_to_come_from`) names whose figures it means
and reaches all of them back to the start of its unit (dev +8 figures, 1 false).
Together dev ``unverified`` P 0.872 -> 0.874, R 0.648 -> 0.698, flags micro-F1 0.897 ->
0.902; test unchanged (0.892, ``unverified`` P 0.786 R 0.297). A headline stating a number
of a body claim that a note naming its giver covers is covered too, though it drops the
giver (:meth:`Matcher._wide`): dev +1 figure, none false (R 0.704, micro-F1 0.903), test
unchanged. A non-restrictive "which" clause saying a noun of the main clause could not be
checked ("Police have not responded to those claims, **which could not be verified**",
:func:`_aside_on`) is a note on that noun: dev +1 figure, none false (``unverified`` P
0.876 R 0.709), test unchanged. Tried and reverted: every
note naming figures or a toll reaching back to its unit's start, not its paragraph's
(docs/annotation.md 10.3 read literally): dev ``unverified`` R 0.648 -> 0.724 but P 0.872
-> 0.673 (flags micro 0.897 -> 0.884), test 0.892 -> 0.868.
Tried and reverted: a failed passive check with an agent ("could not be checked by
HuffPost UK", "has not been confirmed by any official source") as a note: dev +5
figures, test ``unverified`` +3 found but +11 false (test flags micro 0.871 -> 0.863), and
again when only "independently" on the verb made such a check the outlet's ("could not be
independently checked by HuffPost UK": dev +3 found, +1 false; test the same +3/+11, also
with live-blog stamps of up to 12 characters: test flags micro 0.892 -> 0.883);
bare counts in a list of tolls ("Chad has put its losses at 11, Somalia eight") going
with the toll before them in their paragraph: dev +6 figures, test one more false
(0.871 -> 0.870).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..analyze import doc_text, figure_number
from ..records import Claim, Hedge
from .cues import _that_clause
from .figures import contrasted
from .lexicon import Lexicon
from .scope import clause_chain, misparsed_content, negated, subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: tags of a finite auxiliary ("have", "has", "had", "was", "could", "will")
FINITE_TAGS = frozenset({"VBP", "VBZ", "VBD", "MD"})
#: entity labels of a time, which names no giver of a figure ("the weekend estimate")
TIME_ENTITIES = frozenset({"DATE", "TIME"})
QUOTES = frozenset('"“”„«»')
#: note targets that name figures ("the figure", "the toll")
FIGURE_CLASSES = frozenset({"figures", "casualties"})
WH_WORDS = frozenset({"who", "what", "which", "where", "when", "why", "how", "whom", "whose",
                      "whether", "if"})


@dataclass
class Disclaimer:
    index: int               # position of the disclaimer sentence in ``claims``
    type: str                # unverified / verified / disputed
    cue: tuple[int, int]     # char span of the verb group
    target: str              # target class (targets.json)
    noun: str | None         # head lemma for the "mention"/"count" classes
    count: bool              # "how many X": needs a quantity counting X
    direction: str           # "previous" or "following"
    tokens: set[int]         # token indices of the verb group (not in-sentence cues)
    subject_norm: str | None
    names: frozenset[str] = frozenset()  # named modifiers of the object noun ("US" pricing)
    wide: bool = False       # "any of these figures", "the figures from both sides": every one before
    dual: bool = False       # "either figure": the figures of two givers
    number: str | None = None  # "its figure of 153": only the claims stating that number
    number_own: bool = True  # … its own sentence's included (not for "…, not 15": that one only)
    sourced: bool = False    # "her figures": only claims some source gives (:func:`_pronoun_possessor`)


def _verb_group(verb: "Token") -> list["Token"]:
    """The verb, its be/able chain and their auxiliaries/negation/adverbs ("has not been
    able to independently verify"); not the clause it is coordinated with ("said the toll
    could rise, but it could not be confirmed" is the group "could not be confirmed")."""
    toks = []
    for head in clause_chain(verb, through_conj=False):
        toks.append(head)
        toks.extend(c for c in head.children
                    if c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ == "advmod" and c.i < verb.i and c.i > head.i - 3))
    lo = min(t.i for t in toks)
    hi = verb.i
    return [t for t in verb.doc[lo:hi + 1]]


def _is_outlet(subj: "Token", lex: Lexicon) -> bool:
    if subj.lower_ in lex.outlet_nouns or subj.lemma_.lower() in lex.outlet_nouns:
        return True
    if subj.ent_type_ in lex.outlet_labels:
        return True
    if subj.pos_ != "PROPN":
        return False
    # "The Gazette" is often mislabelled PERSON, but people do not take "the"
    the = any(c.lower_ == "the" for c in subj.children if c.dep_ == "det")
    return subj.ent_type_ not in lex.outlet_excluded_labels or (the and subj.ent_type_ == "PERSON")


def _stray_subject(verb: "Token") -> "Token | None":
    """The subject the parser hung elsewhere: a finite verb group with no subject ("It's
    worth saying we at WION have not been able to verify …" parses "we" as the object of
    "saying") takes the nearest nominal before its auxiliaries, past a prepositional
    phrase ("at WION"), when that nominal is not its clause's own dependent.
    Heuristic: real-world dev figure flags micro-F1 0.884 -> 0.893 (unverified R 0.569 ->
    0.650)."""
    group = _verb_group(verb)
    first = group[0]
    if first.dep_ not in ("aux", "auxpass") or first.tag_ not in FINITE_TAGS:
        return None
    chain = {t.i for t in group}
    for tok in reversed(verb.doc[max(first.i - 6, verb.sent.start):first.i]):
        if tok.dep_ == "pobj" or tok.pos_ == "ADP":
            continue
        if tok.pos_ in ("PRON", "PROPN", "NOUN") and tok.head.i not in chain:
            return tok
        return None
    return None


def _impersonal(verb: "Token", lex: Lexicon) -> "Token | None":
    """The head of an impersonal frame around ``verb``, or None: "It was not **possible**
    to verify …" (an ``it`` subject and an adjective head), "There was no **way** to
    confirm …" (a ``there`` subject and a noun head)."""
    head = verb.head
    it_subject = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
    if verb.dep_ == "xcomp" and it_subject:
        return next((c for c in head.children if c.dep_ == "acomp"
                     and c.lemma_.lower() in lex.impersonal_heads), None)
    if verb.dep_ in ("xcomp", "advcl") and it_subject and head.lemma_.lower() in lex.impersonal_heads:
        # "…, making it difficult to confirm the figures" (a small clause): real-world dev
        # figure flags micro-F1 0.896 -> 0.901
        return head
    if verb.dep_ in ("relcl", "acl") and head.lemma_.lower() in lex.impersonal_heads \
            and any(c.dep_ == "expl" for c in head.head.children):
        return head
    return None


def _polarity_negative(verb: "Token", lex: Lexicon) -> bool:
    """Does the note say the check failed? A negative word on the verb chain or frame, or
    a negative determiner anywhere before the head of the checked noun phrase ("Neither
    side's figures", "Neither the organisers' count nor the police figure": the parser
    hangs "neither" on the possessor), or a negative subject ("none of them could be
    confirmed", with ``none`` in ``negative_words``). Heuristic: real-world dev figure flags
    micro-F1 0.847 -> 0.859 (the noun-phrase reach; unverified 0.504 -> 0.565), test 0.859
    -> 0.863; the negative subject dev +0.009 micro-F1, test +0.009."""
    frame = _impersonal(verb, lex)
    if frame is not None and (frame.lower_ in lex.negative_words or negated(frame.head) or any(
            c.lower_ in lex.negative_words for c in frame.children if c.dep_ in ("det", "neg"))):
        return True
    subj = subject(verb)
    if subj is not None and (subj.lower_ in lex.negative_words or any(
            c.dep_ in ("det", "preconj") and c.lower_ in lex.negative_words for c in subj.subtree if c.i < subj.i)):
        return True  # "Neither figure", "Neither side's figures", "Neither X's count nor Y's"
    if _pending(verb, lex):
        return True
    for head in clause_chain(verb):
        if head.lower_ in lex.negative_words or head.lemma_.lower() == "unable":
            return True
        if negated(head):
            return True
        if any(c.lower_ in lex.negative_words for c in head.children if c.dep_ in ("aux", "neg", "advmod")):
            return True
    return False


def _pending(verb: "Token", lex: Lexicon) -> bool:
    """"They were still being checked", "staff are still verifying the toll": a check
    going on (a ``pending_words`` adverb on a progressive verb) has not confirmed
    anything yet. Heuristic: real-world dev figure flags, see the module docstring."""
    progressive = verb.tag_ == "VBG" or any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in verb.children)
    return progressive and any(c.dep_ == "advmod" and c.lower_ in lex.pending_words for c in verb.children)


def _object(verb: "Token", passive: bool) -> tuple["Token | None", "Token | None"]:
    """(object noun, complement clause) of the verification verb."""
    if passive:
        return _aside_on(verb, None) or subject(verb), None
    for c in verb.children:
        if c.dep_ == "dobj":
            return c, None
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i:
            return None, c
    return None, None


def _aside_on(verb: "Token", spine: set[int] | None) -> "Token | None":
    """The noun a non-restrictive "which" clause comments on ("Police have not responded
    to those claims, **which could not be verified**"): the outlet's aside on the claims,
    a note about them like "The claims could not be verified". With ``spine``, only on a
    noun the main clause governs (an argument or its preposition's object). Heuristic:
    real-world dev ``unverified`` +1 figure, none false; test unchanged."""
    rel = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ == "which"), None)
    noun = verb.head
    if verb.dep_ != "relcl" or rel is None or rel.i == 0 or rel.nbor(-1).text != ",":
        return None
    if spine is not None and not (noun.head.i in spine or noun.head.head.i in spine):
        return None
    return noun


def _antecedent(obj: "Token", lex: Lexicon) -> "Token":
    """A pronoun the note is about, resolved in its own sentence: "It did not say how it
    had compiled the figures, and they could not be confirmed" is about the figures (the
    nearest noun before it that names a target class other than "the previous claim").
    Heuristic: real-world dev figure flags micro-F1 0.893 -> 0.896."""
    if obj.pos_ != "PRON" or obj.lower_ not in lex.note_pronouns:
        return obj
    for tok in reversed(obj.doc[obj.sent.start:obj.i]):
        if tok.pos_ == "NOUN" and lex.object_class.get(tok.lemma_.lower(), "previous_one") not in (
                "previous_one", "mention"):
            return tok
    return obj


def _names(noun: "Token") -> frozenset[str]:
    """The named modifiers of ``noun`` (a proper noun or an entity word before it: "US",
    "European", "Kremlin's"), lower-cased without dots, so "U.S." equals "US"; and the
    named giver after it (:func:`_givers_named`). A time word names no giver: "the
    weekend estimate of 4,000", "Monday's toll" (a date entity) reach the figures of any
    giver (real-world dev ``unverified`` +2 figures found, 1 false: a later forecast
    stating the same number)."""
    before = (c for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod", "nmod", "poss"))
    return frozenset(c.lower_.replace(".", "") for c in (*before, *_givers_named(noun))
                     if (c.pos_ == "PROPN" or c.ent_type_) and c.ent_type_ not in TIME_ENTITIES)


def _givers_named(noun: "Token") -> list["Token"]:
    """The giver a note's noun names after it: "the figures **from Guinea**", "the death
    toll **given by Guinea**" (a "from" phrase, or the agent of a participle on the noun).
    Such a note is about that giver's figures (:func:`_whose`). Heuristic: measured with
    :func:`find_correction`."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "acl":
            out += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return out


def _partitive(obj: "Token", lex: Lexicon) -> tuple["Token", bool]:
    """(the noun a note is about, whether it means all of them): "any of these casualty
    figures", "many of the figures", "none of the estimates" → all the figures before the
    note, not only its paragraph's ("neither figure" means two: not all). A container noun
    (``note_containers``: "either set of numbers") is about its "of" object too:
    real-world dev figure flags micro-F1 +0.003, test unchanged."""
    wide = obj.lower_ in lex.note_quantifiers
    if wide or obj.lemma_.lower() in lex.note_containers:  # "either set of numbers": the numbers
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            return obj, False
        obj = noun
    wide = wide or any(t.lower_ in lex.note_quantifiers and t.dep_ in ("det", "predet", "amod")
                       for t in obj.subtree if t.i != obj.i)
    return obj, wide or _whose(obj, lex)


def _whose(obj: "Token", lex: Lexicon) -> bool:
    """Does the note say whose figures it means? "Its figures", "Guinea's number of dead"
    (a possessor), "the figures from both sides", "the competing casualty figures"
    (``note_wide_words``): such a note is about every figure that giver (or those givers)
    stated before it, not only its paragraph's. Heuristic: real-world dev figure flags
    micro-F1 0.843 -> 0.860 (unverified recall 0.333 -> 0.520), test 0.902 -> 0.904."""
    return any(c.dep_ == "poss" for c in obj.children) or any(
        t.lower_ in lex.note_wide_words or t.lemma_.lower() in lex.note_wide_words for t in obj.subtree) or any(
        p.pos_ == "PROPN" or p.ent_type_ for p in _givers_named(obj)) or _said_to_come_from(obj)


def _said_to_come_from(obj: "Token") -> bool:
    """"The numbers **come from** the health ministries, and there is no way to check
    them": the note's noun is the subject of a clause saying where the figures come from
    (a "from" phrase on its verb), so, like "the figures from Guinea", it names whose
    figures it means: all of them before it. Heuristic: real-world dev ``unverified`` +8
    figures, 1 false (a count of contacts); test unchanged (module docstring)."""
    return obj.dep_ in ("nsubj", "nsubjpass") and any(  # a "from" with its source, not "where … from"
        c.dep_ == "prep" and c.lower_ == "from" and any(p.dep_ == "pobj" for p in c.children)
        for c in obj.head.children)


def _pronoun_possessor(obj: "Token | None") -> bool:
    """Does a pronoun own the note's noun ("**her** figures", "**its** tally", "**their**
    numbers")? Such figures are a giver's, so the note reaches only claims some source
    gives, not the outlet's own figures between them ("…, watched live by hundreds of
    thousands of viewers. Arise could not verify her figures." leaves the viewers alone):
    :meth:`Matcher.matches`. Not in a headline, which states a giver's figure without its
    giver ("Crackdown toll climbs to 60"). A named possessor is matched by name
    (:func:`_names_giver`). Heuristic: real-world dev figure flag ``unverified``, see the
    module docstring."""
    return obj is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _narrowed(obj: "Token", target: str, lex: Lexicon) -> str:
    """"the casualty figures", "the number of children killed": figures said to count the
    dead or hurt are the casualty class, not every figure before the note."""
    if target == "figures" and any(t.lemma_.lower() in lex.class_lemmas["casualties"] for t in obj.subtree):
        return "casualties"
    return target


def _clause_target(clause: "Token", lex: Lexicon) -> tuple[str, str | None, bool]:
    """Target of a wh-/if-clause object: "how many fighters ..." -> count fighters; else mention."""
    words = [t for t in clause.subtree]
    for i, t in enumerate(words[:-2]):
        if t.lower_ == "how" and words[i + 1].lower_ in ("many", "much"):
            noun = next((w for w in words[i + 2:] if w.pos_ in ("NOUN", "PROPN")), None)
            return "mention", noun.lemma_.lower() if noun is not None else None, True
    if not any(t.lower_ in WH_WORDS for t in words[:3]):
        return "none", None, False  # a that-clause: content, not a pointer to earlier claims
    for c in clause.children:
        if c.dep_ in ("dobj", "attr", "nsubjpass", "nsubj") and c.lower_ in WH_WORDS:
            c = _wh_partitive(c)
        if c.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "pobj") and c.pos_ in ("NOUN", "PROPN"):
            return lex.object_class.get(c.lemma_.lower(), "mention"), c.lemma_.lower(), False
    return "none", None, False


def _wh_partitive(wh: "Token") -> "Token":
    """"which of the two breakdowns is right": the question is about the noun of the
    wh-word's "of" phrase (the breakdowns), so the note points back at those figures.
    Heuristic: real-world dev figure flags, see the module docstring."""
    of = next((c for c in wh.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), wh) if of is not None else wh


def _named_agent(verb: "Token", lex: Lexicon) -> bool:
    """Does a passive check name who did (not) check ("could not be checked **by the
    BBC**")? Such a note is the agent's statement, not a note that nobody confirmed it;
    an agent that is no one in particular (``open_agents``: "has not been confirmed **by
    any official source**", "by anyone") is not named. Heuristic: real-world dev figure
    flags, see the module docstring."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        noun = next((p for p in agent.children if p.dep_ == "pobj"), None)
        if noun is None or not (noun.lower_ in lex.open_agents or any(
                c.dep_ == "det" and c.lower_ in lex.open_agents for c in noun.children)):
            return True
    return False


def _reported_content(verb: "Token") -> bool:
    """Is ``verb`` the content of a reporting verb ("Jena said the number was confirmed")?
    A clause the parser hangs as the complement of a *later* clause across a colon or
    semicolon ("Neither side's figures could be verified: internet is still down") is
    the outlet's own statement followed by its reason, not reported content.
    Heuristic: real-world dev figure flags micro-F1 0.844 -> 0.859 (unverified 0.411 ->
    0.565, with the two rules below), test unchanged."""
    if verb.dep_ != "ccomp":
        return False
    head = verb.head
    if head.i < verb.i:
        return True
    return not any(t.text in (":", ";") for t in verb.doc[verb.i + 1:head.i])


def _figure_unchecked(verb: "Token", obj: "Token | None", lex: Lexicon) -> bool:
    """Another source's failed check of a figure: "Other officials could not confirm that
    number", "The government has not confirmed the estimate of 10,000 dead", "police have
    yet to confirm the number" (any negative of :func:`_polarity_negative`). The thing
    left unchecked is a figure (a noun of the ``figures`` or ``casualties`` class), so the
    figure is unverified whoever says so (docs/annotation.md 10.3); "police could not
    confirm reports of looting" stays an attributed statement.
    Heuristic (with :func:`find_unchecked` and a named number's binding, then only to the
    claims before the note): real-world dev figure flags micro-F1 0.869 -> 0.871
    (unverified F1 0.636 -> 0.652), test unchanged (0.872)."""
    if obj is None or not _polarity_negative(verb, lex):
        return False
    noun = _antecedent(obj, lex)
    return noun.pos_ == "NOUN" and lex.object_class.get(noun.lemma_.lower()) in FIGURE_CLASSES


def _reported_unchecked(verb: "Token", obj: "Token | None", lex: Lexicon) -> bool:
    """A source saying the figures are unchecked: "She described the numbers as
    preliminary and said they were still being checked" (a passive check on a figure
    noun in reported content, negative or going on: :func:`_figure_unchecked`) leaves
    them unverified whoever says so (docs/annotation.md 10.3). Not a warning that "the
    true number may never be established": the unknown true value, not a stated figure
    (``verdict`` adjectives). Heuristic: real-world dev ``unverified`` +2 figures, no
    false one (see the module docstring)."""
    if not _figure_unchecked(verb, obj, lex):
        return False
    noun = _antecedent(obj, lex)
    return not any(c.lemma_.lower() in lex.verdict_adjectives for c in noun.children)


def _confirmed_count(obj: "Token | None", lex: Lexicon) -> bool:
    """"More than 750 people have been confirmed dead", "only five cases had been
    confirmed": a passive confirmation whose subject is counted by a number states a
    figure (how many are confirmed), it is no note vouching for other claims; "the 10,000
    figure was confirmed" (a figure noun) still is one. Heuristic: real-world dev figure
    flag ``verified`` false positives 5 -> 1, flags micro-F1 0.881 -> 0.883; test
    unchanged (0.872)."""
    return obj is not None and lex.object_class.get(obj.lemma_.lower()) not in FIGURE_CLASSES and any(
        c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "quantmod")) for c in obj.children)


def _named_number(obj: "Token | None", target: str) -> str | None:
    """The number a figure note names ("the estimate of 10,000", "the 10,000 figure"): it
    binds the note to the claims stating that number. Not a number of figures ("the two
    estimates": a plural noun)."""
    if obj is None or target not in FIGURE_CLASSES or obj.tag_ in ("NNS", "NNPS"):
        return None
    named = next((t.text for t in obj.subtree if t.like_num and t.i != obj.i), None)
    if named is None and any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in obj.children):
        # "… reached 153 deaths, and officials could not confirm that number": the 153
        named = next((t.text for t in reversed(obj.doc[obj.sent.start:obj.i]) if t.like_num), None)
    return named


def find_rejected_figure(index: int, sent: "Span", claim: Claim, lex: Lexicon) -> Disclaimer | None:
    """A figure said to be rejected in a relative clause on its noun: "The committee says
    the real toll is 108, **a figure the ministry rejects**": the number the figure noun
    stands beside is disputed, in every claim stating it (:meth:`Matcher.reach`).
    Heuristic (with the binding of a named number to the claims after the note too, and
    a rejected noun with a content clause pointing back to nothing): real-world dev figure
    flags micro-F1 0.871 -> 0.878 (disputed F1 0.300 -> 0.395, unverified 0.652 -> 0.667),
    test unchanged (0.872)."""
    if not lex.dispute_reach_back:
        return None
    # from each figure of the sentence (no scan of its words): the figure noun beside
    # the number, as the number's apposition ("108, a figure …") or a second complement
    # of the number's verb ("is 108, a figure …"), with a rejecting relative clause
    for q in claim.quantities:
        num = figure_number(sent.doc, q["span"])
        if num is None:
            continue
        nouns = [c for c in (*num.children, *num.head.children) if c.i > num.i and c.dep_ in ("appos", "attr")
                 and lex.object_class.get(c.lemma_.lower()) in FIGURE_CLASSES]
        for noun in nouns:
            verb = next((v for v in noun.children if v.dep_ == "relcl" and not negated(v)
                         and v.lemma_.lower() in lex.dispute_verbs), None)
            if verb is not None:
                return Disclaimer(index, "disputed", (verb.idx, verb.idx + len(verb.text)), "figures",
                                  noun.lemma_.lower(), False, "previous", {verb.i}, None, number=num.text)
    return None


def find_correction(index: int, doc: "Doc", claim: Claim) -> Disclaimer | None:
    """A correction "X, not N" ("The school's website lists 14 teachers, **not 15**"): the
    figure set aside (:func:`pipeline.hedging.figures.contrasted`) is disputed, and so is
    that number wherever an earlier or later sentence states it ("… put 325 students and
    15 teachers on the ferry"). Heuristic (with :func:`_givers_named` and
    :func:`pipeline.hedging.figures._same_number`): real-world dev figure flags micro-F1
    0.887 -> 0.890 (disputed F1 0.395 -> 0.427, unverified 0.693 -> 0.703), test
    unchanged (0.872)."""
    for q in claim.quantities:
        hedge = contrasted(doc, q)
        num = figure_number(doc, q["span"]) if hedge is not None else None
        if num is not None:
            return Disclaimer(index, "disputed", tuple(hedge["cue_span"]), "figures", None, False, "previous",
                              set(), None, number=num.text, number_own=False)
    return None


def find_unchecked(index: int, sent: "Span", spine: set[int], lex: Lexicon) -> Disclaimer | None:
    """A figure said to be unchecked with an adjective (``disclaimers.json`` ``unchecked``):
    "The police chief said the 10,000 figure remained **unconfirmed**": a figure noun as
    the subject of a spine verb whose complement is one of the adjectives, whoever says it;
    a number named with the noun binds it to the claims stating that number
    (:func:`_named_number`), else it reaches back like "the figure could not be confirmed".
    Heuristic: measured with :func:`_figure_unchecked`."""
    lowered = sent.text.lower()
    if not any(a in lowered for a in lex.unchecked_adjectives):
        return None  # a substring test per sentence: no work per token for most sentences
    for adj in sent:
        # "the toll remained unconfirmed"; "the toll is unconfirmed", which the parser reads
        # as a passive with the adjective as its head (real-world dev: no figure moves)
        verb = adj.head if adj.dep_ == "acomp" else adj
        if adj.lemma_.lower() not in lex.unchecked_adjectives or verb.i not in spine:
            continue
        obj = subject(verb)
        if obj is None or obj.pos_ != "NOUN":
            continue
        obj, wide = _partitive(obj, lex)
        target = _narrowed(obj, lex.object_class.get(obj.lemma_.lower(), "mention"), lex)
        if target not in FIGURE_CLASSES:
            continue
        span = (verb.idx, adj.idx + len(adj.text)) if verb.i < adj.i else (adj.idx, adj.idx + len(adj.text))
        return Disclaimer(index, "unverified", span, target, obj.lemma_.lower(), False, "previous",
                          {verb.i, adj.i}, None, _names(obj), wide, number=_named_number(obj, target),
                          sourced=_pronoun_possessor(obj))
    return None


def find_disclaimer(index: int, sent: "Span", claim: Claim, spine: set[int],
                    lex: Lexicon) -> Disclaimer | None:
    """The disclaimer expressed by ``sent``, if it is one."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or (verb.i not in spine and _impersonal(verb, lex) is None
                                                 and _aside_on(verb, spine) is None):
            continue
        lemma = verb.lemma_.lower()
        is_verify = lemma in lex.disclaimer_verbs
        is_dispute = lex.dispute_reach_back and _dispute_verb(verb, lex)
        if not (is_verify or is_dispute):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        subj = subject(verb) or _stray_subject(verb)
        obj, clause = _object(verb, passive)
        if obj is None and clause is None:  # "… could not verify either": the parser's adverb
            obj = next((c for c in verb.children if c.dep_ == "advmod" and c.i > verb.i
                        and c.lower_ in lex.note_dual_words), None)
        if is_verify and not passive and _impersonal(verb, lex) is None and (
                subj is None or not _is_outlet(subj, lex)) and not _figure_unchecked(verb, obj, lex):
            continue
        if is_verify and passive and (_named_agent(verb, lex) or (
                _reported_content(verb) and not _reported_unchecked(verb, obj, lex))):
            # "by X", or what a source says ("Jena said the number was confirmed")
            continue
        names: frozenset[str] = frozenset()
        wide, said = False, None
        if obj is not None:
            said = obj = _antecedent(obj, lex)
            obj, wide = _partitive(obj, lex)
            obj = _antecedent(obj, lex)  # "none of them could be confirmed": them = its tallies
            lemma_obj = obj.lemma_.lower() if obj.pos_ != "PRON" else obj.lower_
            target = _narrowed(obj, lex.object_class.get(lemma_obj, "mention"), lex)
            noun, count, names = lemma_obj, False, _names(obj)
        elif clause is not None:
            target, noun, count = _clause_target(clause, lex)
        else:
            continue
        if target == "none":
            continue
        if is_dispute and not is_verify:
            if _names_content(verb, obj, claim):
                target = "none"  # a note on its own content: it reaches no claim, and is no cue
            elif not _dispute_points_back(verb, obj, claim, lex):
                continue
            type_, direction = "disputed", "previous"
        else:
            neg = _polarity_negative(verb, lex)
            if not neg and passive and _confirmed_count(obj, lex):
                continue
            type_ = "unverified" if neg else "verified"
            direction = "previous" if neg else "following"
        group = _verb_group(verb)
        span = (group[0].idx, verb.idx + len(verb.text))
        norm = subj.text.lower() if subj is not None else None
        dual = obj is not None and any(t.lower_ in lex.note_dual_words for t in (said or obj).subtree)
        return Disclaimer(index, type_, span, target, noun, count, direction,
                          {t.i for t in group}, norm, names, wide and target in ("figures", "casualties"),
                          dual and target in ("figures", "casualties"), _named_number(obj, target),
                          sourced=_pronoun_possessor(obj))
    return None


def _existential(noun: "Token", lex: Lexicon) -> "Token | None":
    """The "be" of "There was no (independent) confirmation of the figures": a checking
    noun as the predicate of an existential "be" (an expletive "there" subject) is the
    outlet's note said without a checker, like "No confirmation was available"; the
    caller still asks for a negation. Heuristic: real-world dev figure flags micro-F1
    0.858 -> 0.859 (unverified 0.559 -> 0.565), test unchanged."""
    head = noun.head
    if head.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in head.children):
        return head
    return None


def find_nominal_note(index: int, sent: "Span", spine: set[int], lex: Lexicon) -> Disclaimer | None:
    """The outlet's checking said with a noun (``disclaimers.json`` ``nominal``):
    "Independent **verification** of the toll **was not possible**", "No independent
    **confirmation** of the figures **was available**": a checking noun as the subject of
    a spine "be" with one of the predicates, negated. Its "of" object names what was not
    checked (the target classes of :func:`find_disclaimer`); without one ("Independent
    confirmation was not immediately available") it is about the claim before it. Not a
    positive one ("Confirmation was available later") and not a checking noun elsewhere
    ("after a detailed verification of the lists"). Also the existential form ("There was
    no independent confirmation of the figures", :func:`_existential`).
    Heuristic: measured with :func:`_existential`."""
    for noun in sent:
        head = noun.head
        if noun.lemma_.lower() not in lex.nominal_nouns or head.i not in spine:
            continue
        pred = _existential(noun, lex) if noun.dep_ == "attr" else next(
            (c for c in head.children if c.dep_ == "acomp" and c.lemma_.lower() in lex.nominal_predicates
             and noun.dep_ == "nsubj"), None)
        if pred is None or not (negated(head) or pred.lower_ in lex.negative_words or any(
                c.dep_ == "det" and c.lower_ in lex.negative_words for c in noun.children)):
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        target, name, wide = "previous_one", None, False
        if obj is not None:
            obj, wide = _partitive(obj, lex)
            name = obj.lemma_.lower()
            target = _narrowed(obj, lex.object_class.get(name, "mention"), lex)
        first = min([noun.left_edge.i, head.i] + [c.i for c in head.children if c.dep_ == "expl"])
        last = sent.doc[max(pred.i, noun.i)]  # "There was no confirmation": up to the noun
        span = (sent.doc[first].idx, last.idx + len(last.text))
        return Disclaimer(index, "unverified", span, target, name, False, "previous",
                          {noun.i, head.i, pred.i}, None, _names(obj) if obj is not None else frozenset(),
                          wide and target in ("figures", "casualties"), sourced=_pronoun_possessor(obj))
    return None


def find_verdict(index: int, sent: "Span", spine: set[int], lex: Lexicon) -> Disclaimer | None:
    """A verdict on the figure given before (``disclaimers.json`` ``verdict``): "His
    committee says 87 people were killed. Protest leaders say **the real number is far
    higher**." disputes the 87: a figure noun (a ``figures`` or ``casualties`` target)
    with "real"/"true"/"actual" as the subject of "be" whose complement is a comparative.
    It reaches back to the claim before it, whoever gave it. Not a forecast with no such
    adjective ("the toll is likely to be higher"), nor a counter-figure ("the real number
    is 40", a claim of its own).
    Heuristic: real-world dev gold denials marked 0.600 -> 0.640, figure flag disputed
    F1 0.684 -> 0.700, flags micro-F1 0.9278 -> 0.9279; test unchanged."""
    for noun in sent:
        be = noun.head
        if noun.dep_ != "nsubj" or be.lemma_ != "be" or not (be.i in spine or be.head.i in spine):
            continue
        if lex.object_class.get(noun.lemma_.lower()) not in ("figures", "casualties") or not any(
                c.dep_ == "amod" and c.lower_ in lex.verdict_adjectives for c in noun.children):
            continue
        pred = next((c for c in be.children if c.dep_ in ("acomp", "attr")
                     and c.lower_ in lex.verdict_comparatives), None)
        if pred is None:
            continue
        first = noun.left_edge.i
        span = (sent.doc[first].idx, pred.idx + len(pred.text))
        return Disclaimer(index, "disputed", span, "previous_one", noun.lemma_.lower(), False, "previous",
                          {noun.i, be.i, pred.i}, None)
    return None


def _charge_blocked(verb: "Token", lex: Lexicon) -> bool:
    """Is the charge not asserted? The verb or a verb above it is negated, is one of
    ``charge_blockers`` ("denied that the toll was inflated", "asked whether …") or has a
    subject or marker among them ("Nobody believes the figures were inflated")."""
    tok = verb
    while True:
        if negated(tok) or tok.lemma_.lower() in lex.charge_blockers or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ in lex.charge_blockers
                or c.dep_ == "det" and c.head.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lex.charge_blockers
                for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head


def find_charge(index: int, sent: "Span", claim: Claim, lex: Lexicon) -> Disclaimer | None:
    """A charge that the figures were inflated or shrunk (``disclaimers.json`` ``charge``)
    in a sentence with no figure of its own: "The ministry says 300 died. Critics say **the
    count is inflated**." disputes the 300, and every earlier figure of the note's class
    back to the start of its unit and the headline (a contest of "the numbers" reaches
    every earlier figure, docs/annotation.md 10.3), not only its paragraph's. Not when the
    charge is denied, asked about or negated (:func:`_charge_blocked`).
    Heuristic (with a note stating the number it names reachable, :meth:`Matcher.matches`):
    real-world dev figure flag ``disputed`` F1 0.576 -> 0.643 (P 0.792 -> 0.804), flags
    micro-F1 0.892 -> 0.895, gold denials marked 0.447 -> 0.529; test unchanged (0.871)."""
    if claim.quantities or not lex.charge_verbs:
        return None
    for verb in sent:
        if verb.lemma_.lower() not in lex.charge_verbs or verb.pos_ not in ("VERB", "ADJ"):
            continue
        deps = ("nsubjpass", "nsubj") if any(c.dep_ == "auxpass" for c in verb.children) else ("dobj",)
        noun = next((c for c in verb.children if c.dep_ in deps), None)
        if noun is None or any(t.like_num for t in noun.subtree) or _charge_blocked(verb, lex):
            continue
        target = lex.object_class.get(noun.lemma_.lower())
        if target not in ("figures", "casualties"):
            continue
        span = (verb.idx, verb.idx + len(verb.text))
        return Disclaimer(index, "disputed", span, target, noun.lemma_.lower(), False, "previous",
                          {verb.i}, None, _names(noun), wide=True)
    return None


def _names_content(verb: "Token", obj: "Token | None", claim: Claim) -> bool:
    """"The spokeswoman rejected claims that the government was hiding the toll": a
    rejected noun with its own content clause and no figure in it names what it rejects;
    it points back to no earlier claim (real-world dev: 9 false ``disputed`` figures
    gone), and, as before, it is no uncertainty cue of its own sentence (FactBank does not
    mark "rejected reports that …"). With a figure inside ("rejected claims that 125
    died") the in-sentence cue disputes that figure."""
    if obj is None or negated(verb) or not _that_clause(obj):
        return False
    inside = {t.idx for t in obj.subtree}
    return not any(q["span"][0] in inside for q in claim.quantities)


def _dispute_verb(verb: "Token", lex: Lexicon) -> bool:
    """A verb that contests its object: a dispute verb ("rejected the figures"), or a
    negated verb of acceptance (``acceptance_verbs``: "The navy has never accepted any of
    these counts", "does not recognise the toll"), which says the same. Heuristic:
    real-world dev figure flag ``disputed`` F1 0.324 -> 0.532, flags micro-F1 0.871 ->
    0.879, revisions+denials marked 0.373 -> 0.419; test unchanged (0.871)."""
    lemma = verb.lemma_.lower()
    return lemma in lex.dispute_verbs or (lemma in lex.acceptance_verbs and negated(verb))


def _dispute_points_back(verb: "Token", obj: "Token | None", claim: Claim, lex: Lexicon) -> bool:
    """Is a dispute verb a pointer to earlier claims? Only as a main clause of its own,
    not negated, and with an object that names what it rejects: a target noun with no
    figure inside it ("The army denied the reports.", "The ministry rejected the figure
    and said 46 were killed."), or a
    demonstrative or "it" that ends its clause (``dispute_pointers``: "The ministry
    disputed this, saying only two bodies were found." disputes the claim before it; the
    counter-figure "two" is the ministry's own; "the government has rejected it."). Not
    "them" (who or what is unclear), "rejected it as …", or a dispute inside reported
    speech (content, not a pointer).

    Heuristic (demonstratives; with a denial's counter-figures still reachable by later
    notes, :meth:`Matcher.matches`): real-world dev figure flag ``disputed`` F1 0.276 ->
    0.387, flags micro-F1 0.904 -> 0.906."""
    refused = verb.lemma_.lower() in lex.acceptance_verbs  # negated by definition
    if (negated(verb) and not refused) or obj is None or verb.dep_ not in ("ROOT", "conj"):
        return False
    if obj.pos_ == "PRON" or obj.lower_ in lex.dispute_pointers:
        # the pronoun ends its clause: "rejected it." / "disputed this, saying …", not
        # "denied that the toll …" or "rejected it as …" (what it is taken for follows)
        ends = obj.i + 1 >= obj.sent.end or obj.doc[obj.i + 1].is_punct
        return obj.lower_ in lex.dispute_pointers and ends
    if any(c.dep_ == "conj" and misparsed_content(c, verb, lex.dispute_objects) for c in verb.children):
        return False  # "Police deny death toll exceeds 125": its own figure, misparsed
    inside = {t.idx for t in obj.subtree}  # "denied reports of 40 deaths" disputes its own 40
    return (obj.pos_ == "NOUN" and not any(q["span"][0] in inside for q in claim.quantities)
            and lex.object_class.get(obj.lemma_.lower(), "previous_one") != "previous_one")


def _unsourced_object(verb: "Token", lex: Lexicon) -> "tuple[Token | None, bool] | None":
    """(the noun the note is about or None, matched) when ``verb`` says its giver gave no
    source: "did not say how its figure had been compiled", "without saying where the
    numbers came from", "did not cite a source", "gave no source" (``unsourced``)."""
    u = lex.unsourced
    lemma = verb.lemma_.lower()
    without = verb.dep_ == "pcomp" and verb.head.lower_ == "without"
    if lemma in u.get("speech_verbs", ()) and (negated(verb) or without):
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl", "xcomp")):
            words = list(clause.subtree)
            if any(t.lower_ in u["wh_words"] for t in words[:2]) and not any(
                    t.lower_ in ("many", "much") for t in words[:3]):  # "how many": a question
                noun = next((t for t in words if t.pos_ == "NOUN"
                             and lex.object_class.get(t.lemma_.lower()) in ("figures", "casualties")), None)
                return noun, True
    if lemma in u.get("cite_verbs", ()):
        obj = next((c for c in verb.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in u["source_nouns"]), None)
        if obj is not None and (negated(verb) or without or any(
                c.dep_ == "det" and c.lower_ in lex.negative_words for c in obj.children)):
            return None, True
    return None


def find_unsourced(index: int, sent: "Span", spine: set[int], lex: Lexicon) -> Disclaimer | None:
    """The "no source given" note of ``sent``, if it has one (:func:`_unsourced_object`);
    a number named with its noun ("its figure of 153") binds the note to the claims that
    state it, and so does a number its question names ("Haiti can't say how it counted
    230,000 dead"). Heuristic: real-world dev figure flags micro-F1 0.901 -> 0.904
    (unverified R 0.740 -> 0.764), test 0.906 -> 0.907; the question's number, on the
    rebuilt test bed: dev 0.883 -> 0.887 (unverified F1 0.667 -> 0.693), test unchanged."""
    if not lex.unsourced:
        return None
    for verb in sent:
        if verb.pos_ != "VERB" or not (verb.i in spine or verb.head.lower_ == "without"):
            continue
        found = _unsourced_object(verb, lex)
        if found is None:
            continue
        noun, _ = found
        target = lex.object_class.get(noun.lemma_.lower(), "previous_one") if noun is not None else "previous_one"
        if verb.head.lower_ == "without":
            target = "previous_one"  # "X said 50,000, without saying where …": its own sentence
        wide = noun is not None and _whose(noun, lex)
        group = _verb_group(verb)
        span = (group[0].idx, verb.idx + len(verb.text))
        number = next((t.text for t in noun.subtree if t.like_num), None) if noun is not None else None
        if number is None and verb.head.lower_ != "without":
            # "Haiti can't say how it counted 230,000 dead": the number its question names
            number = next((t.text for c in verb.children if c.dep_ in ("ccomp", "advcl", "xcomp")
                           for t in c.subtree if t.like_num), None)
        return Disclaimer(index, lex.unsourced.get("type", "unverified"), span, target,
                          noun.lemma_.lower() if noun is not None else None, False, "previous",
                          {t.i for t in group}, None, frozenset(), wide and number is None,
                          number=number)
    return None


# --------------------------------------------------------------------------- boundaries

def gap_text(a: "Span", b: "Span") -> str:
    """The text between two sentence spans (their separating whitespace and blanked lines)."""
    doc = a.doc
    return a[-1].whitespace_ + "".join(t.text_with_ws for t in doc[a.end:b.start])


def _heading_like(sent: "Span", c: Claim, lex: Lexicon) -> bool:
    return c.section == "body" and _heading_text(sent, lex)


def _heading_text(sent: "Span", lex: Lexicon) -> bool:
    text = sent.text.rstrip()
    return bool(text) and text[-1] not in ".!?:;\"”’'»)" and len(text.split()) <= lex.max_heading_words


def entry_start(sent: "Span", lex: Lexicon) -> bool:
    """Does ``sent`` open a live-blog entry: a line whose first words, a short stretch the
    clean stage removed as furniture (a clock time: "1738 The UN says 16 staff died"),
    stand blanked before it (``entry_stamp_chars``)? Heuristic (a blanked dateline at a
    paragraph's start reads the same): real-world dev ``unverified`` false figures 34 ->
    24 (P 0.782 -> 0.836), none lost. Stamps of up to 12 characters, a clock time with
    its time zone ("17:05 GMT", "12.34pm BST") included: test ``unverified`` P 0.355 ->
    0.786, flags micro-F1 0.871 -> 0.892, dev unchanged."""
    text = doc_text(sent.doc)
    line = text.rfind("\n", 0, sent.start_char) + 1
    lo, hi = lex.entry_stamp_chars
    if lo <= sent.start_char - line <= hi and not text[line:sent.start_char].strip():
        return True
    return line == sent.start_char and _heading_text(sent, lex) and _stamp_line_before(text, line, lo, hi)


def _stamp_line_before(text: str, line: int, lo: int, hi: int) -> bool:
    """Is the line before ``line`` a blanked stamp: a whole line of ``entry_stamp_chars``
    characters the clean stage removed? With a heading on the line after it ("8:00
    am" on its own line, then "Overnight claims") it opens a live-blog entry; a stamp
    before running text is a transcript's time code ("[00:22]"), no new unit.
    Heuristic, like the stamp before a sentence on its line: real-world dev, see the
    module docstring."""
    start = text.rfind("\n", 0, max(line - 1, 0)) + 1
    return line > 0 and lo <= line - 1 - start <= hi and not text[start:line - 1].strip()


def topic_boundary(gap: str, a: Claim, b: Claim, sa: "Span", sb: "Span", lex: Lexicon) -> bool:
    """A sub-heading (removed, so blanked, or kept as a heading-like line), a section
    change or the start of a live-blog entry (:func:`entry_start`) lies between a and b."""
    if a.section != b.section or entry_start(sb, lex):
        return True
    if "\n" in gap:
        for line in gap.split("\n")[1:-1]:
            if len(line) >= lex.min_blank_run and not line.strip():
                return True  # a removed line: the clean stage blanks what it drops
    return _heading_like(sa, a, lex) or _heading_like(sb, b, lex)


# --------------------------------------------------------------------------- target classes

def _lemmas(sent: "Span") -> set[str]:
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


def _names_giver(sent: "Span", names: frozenset[str]) -> bool:
    """Does ``sent`` name the giver a note's figures belong to ("Guinea's figures could not
    be confirmed" covers the sentences about Guinea, "Guinean officials" included: a word
    starting with the name), not the figures given for another country before it?
    Heuristic: real-world dev unverified precision 0.719 -> 0.750 (micro-F1 0.860 -> 0.862)."""
    return any(t.lower_.replace(".", "").startswith(n) for t in sent for n in names)


def _counts_figures(q: dict, sent: "Span", lex: Lexicon) -> bool:
    """"The gap between the two estimates": a number of figures points at figures, it is
    not one (the head of its counted phrase is a note object of the ``figures`` class)."""
    span = q.get("counted_span")
    if not span:
        return False
    head = [t for t in sent if span[0] <= t.idx < span[1]]
    return bool(head) and lex.object_class.get(head[-1].lemma_.lower()) == "figures"


def _givers(claims: "Iterator[Claim]") -> set[str]:
    """The distinct sources of ``claims`` (main and other attributions), lower-cased.

    A note about two rival figures ("Reuters could not verify either") covers the claims
    back to where the second giver's figures stand, across paragraph breaks. Heuristic:
    with the parser's adverb "either" as its object and :func:`_counts_figures`, real-world
    dev figure flags micro-F1 0.862 -> 0.867 (unverified R 0.512 -> 0.569), test 0.904 held."""
    out = set()
    for c in claims:
        for a in [c.attribution, *c.other_attributions]:
            if a is not None and (a.get("source_norm") or a.get("source")):
                out.add((a.get("source_norm") or a.get("source")).lower())
    return out


def _is_claim(c: Claim) -> bool:
    return c.kind != "other" or c.attribution is not None


class Matcher:
    """Decides which claims belong to a target class (the sentence spans are parsed once)."""

    def __init__(self, claims: list[Claim], sents: list["Span"], spines: list[set[int]],
                 lex: Lexicon, disclaimers: dict[int, list[Disclaimer]]):
        self.claims, self.sents, self.spines, self.lex = claims, sents, spines, lex
        self.disclaimers = disclaimers
        self.any_attribution = any(c.attribution is not None for c in claims)

    def matches(self, j: int, d: Disclaimer) -> bool:
        c, sent, lex = self.claims[j], self.sents[j], self.lex
        if j in self.disclaimers and not (c.quantities and all(
                n.type == "disputed" or n.number is not None for n in self.disclaimers[j])):
            # a note is not what notes are about; a denial with counter-figures is, and so is
            # a note stating the number it names ("Velin can't say how it counted 900 dead")
            return False
        if d.target in ("casualties", "figures") and d.names and not _names_giver(sent, d.names):
            return False
        if d.sourced and self.any_attribution and c.section == "body" and c.attribution is None \
                and not c.other_attributions:
            return False  # "her figures" are not the outlet's own (a headline drops its giver)
        if d.number is not None and not any(t.text == d.number for t in sent):
            return False  # "its figure of 153" is the 153, not the figures before it
        if d.target == "casualties":
            numeric = bool(c.quantities) or any(t.like_num for t in sent)
            if not numeric:
                return False
            death = lex.class_lemmas["casualties"]
            if any((q.get("predicate") or "") in death for q in c.quantities):
                return True
            return bool(_lemmas(sent) & death)
        if d.target == "figures":  # the class's lemmas are quantity kinds
            return any(q.get("kind") in lex.class_lemmas["figures"] and not _counts_figures(q, sent, lex)
                       for q in c.quantities)
        if d.target == "attributed":
            if self.any_attribution:
                a = c.attribution
                return a is not None and (a.get("source_norm") or "").lower() != (d.subject_norm or "~")
            return any(ch in QUOTES for ch in sent.text) or any(
                (t.i in self.spines[j] and t.lemma_.lower() in lex.class_lemmas["attributed"])
                or (t.lower_ == "according" and t.nbor(1).lower_ == "to") for t in sent[:-1])
        if d.target == "media":
            return bool(_lemmas(sent) & lex.class_lemmas["media"])
        if d.target == "mention":
            if d.noun is None:
                return False
            if d.count:
                return any(t.lemma_.lower() == d.noun and any(c2.like_num for c2 in t.children)
                           for t in sent) or any(
                    (q.get("counted") or "").lower().endswith(d.noun) for q in c.quantities)
            # the noun, not named otherwise ("US pricing" is not "European pricing")
            return any(d.noun in (t.lemma_.lower(), t.lower_)
                       and not (d.names and (n := _names(t)) and not d.names & n) for t in sent)
        if d.target == "previous_one":
            return _is_claim(c)
        return False

    def _wide(self, d: Disclaimer) -> list[int]:
        """Every claim a wide note covers before it in its section, back to the start of
        its live-blog entry, and the headline's. A headline drops its giver ("Toll passes
        59"), so under a note naming the giver ("the toll given by Ruritania") it counts
        when it states a number of a body claim the note covers (:func:`_names_giver`
        aside). Heuristic: real-world dev ``unverified`` +1 figure, none false; test
        unchanged."""
        claims, sents, lex = self.claims, self.sents, self.lex
        unit = next((k for k in range(d.index, -1, -1) if entry_start(sents[k], lex)), 0)
        body = [k for k in range(d.index - 1, unit - 1, -1) if claims[k].section == claims[d.index].section
                and self.matches(k, d)]
        said = {t.text for k in body for t in sents[k] if t.like_num}
        unnamed = replace(d, names=frozenset())
        return body + [k for k in range(d.index - 1, -1, -1) if claims[k].section != claims[d.index].section
                       and claims[k].section in ("headline", "title") and (self.matches(k, d) or (
                           d.names and any(t.like_num and t.text in said for t in sents[k])
                           and self.matches(k, unnamed)))]

    def reach(self, d: Disclaimer, direction: str) -> list[int]:
        """Indices of the claims ``d`` covers in ``direction``."""
        step = -1 if direction == "previous" else 1
        claims, sents, lex = self.claims, self.sents, self.lex
        out: list[int] = []
        paragraphs = 0
        j, prev = d.index + step, d.index
        single = d.target in ("previous_one", "mention")
        if d.number is not None and direction == "previous":
            # "the 10,000 figure remained unconfirmed": every claim stating it, before or after
            own = [d.index] if d.number_own and any(d.number in q.get("text", "")
                                                    for q in claims[d.index].quantities) else []
            return own + [k for k in range(len(claims)) if k != d.index and self.matches(k, d)]
        if d.wide and direction == "previous":
            return self._wide(d)
        while 0 <= j < len(claims):
            ia, ib = (j, prev) if step < 0 else (prev, j)
            gap = gap_text(sents[ia], sents[ib])
            if topic_boundary(gap, claims[ia], claims[ib], sents[ia], sents[ib], lex):
                break
            if "\n" in gap:
                paragraphs += 1
                if not out and paragraphs > lex.start_paragraphs_back:
                    break
                if out and (d.target == "figures" or d.target == "casualties" and not self.matches(j, d)) \
                        and not (d.dual and len(_givers(claims[k] for k in out)) < 2):
                    # any figure is a looser class than a toll: its run ends with its paragraph
                    break
            if self.matches(j, d):
                out.append(j)
                if single:
                    break
            elif _is_claim(claims[j]) and out:
                break  # the run of claims asserting the disclaimed content has ended
            prev, j = j, j + step
        return out


def attach(claims: list[Claim], sents: list["Span"], spines: list[set[int]],
           disclaimers: dict[int, list[Disclaimer]], lex: Lexicon) -> Iterator[tuple[int, Hedge]]:
    """Each disclaimer's hedge, with the index of every claim it covers."""
    matcher = Matcher(claims, sents, spines, lex, disclaimers)
    for i, d in ((i, d) for i, notes in disclaimers.items() for d in notes):
        covered = matcher.reach(d, d.direction)
        direction = d.direction
        if not covered and d.direction == "following":
            direction = "previous"  # "A video shows X. Reuters verified the video."
            covered = matcher.reach(d, direction)
        frm = [claims[i].start, claims[i].end]
        cue = sents[i].doc.char_span(*d.cue, alignment_mode="expand").text
        for j in covered:
            yield j, Hedge(type=d.type, cue=cue, cue_span=list(d.cue), scope=direction,
                           from_sentence=frm)
