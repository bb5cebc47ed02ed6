"""Attribution stage: who says so.

:func:`attribute_claims` returns, for every kept sentence of one document, its
attribution (null = the outlet's own voice) and its other relations; the fields are defined in
``docs/schema.md`` and the conventions in ``docs/annotation.md`` section 6.

Four passes over the document's sentences, in order:

1. **own cue** — the sentence's reporting cue from the dependency parse
   (:mod:`.cues`): the main verb or a tag of the main clause,
   else a cue whose content holds all of a statistic's quantities, else
   "according to", else "reportedly". Cues inside a quotation belong to the
   quoted speaker and are ignored, and so are cues whose subject is "we" or "I"
   outside a quotation (the author writing in the outlet's voice) or evidence rather
   than a giver ("Laboratory tests have confirmed …", ``non_source_heads``). Verbs of
   finding ("verify", "determine", "count", "review", "piece together") count only
   with an outlet as subject (the outlet's own verification statements). A cue
   inside another cue with a media source gives a chain: ``…, the mission head
   said, Reuters reported`` → source the mission head, ``via`` Reuters; so does a
   medium beside the speaker's cue (``According to Efe, the governor said …``, a final
   ``…, the Efe news agency reported.`` the parser hangs under "said"). The source
   phrase, its canonical form, type and pronoun resolution come from
   :mod:`.sources`.
2. **quotations** (:mod:`.quotes`) — a quotation that is a
   clause (a finite verb, or a capitalised utterance of 3+ words; not a scare
   quote like ``"revenge killings"``) is attributed, in every sentence it
   touches, to its speech tag: one after it ("…,” he said"; a sign-off dash
   "…” ― Jane Doe", also on the next line), before it
   ("He said: “…”"), in a preceding sentence ending with a colon ("He said:"
   introducing the quotation is itself ``direct``, with no content); a paragraph
   that opens with a quotation and has no tag continues the previous sentence's
   source (a quote paragraph after "…, Schiff said."), else the last quoted
   speaker (within ~1,500 characters). Those sentences are ``direct``; a sentence
   with its own cue and a quotation is ``direct`` too. A headline quotation
   repeated from the body takes the body speaker. A quotation no speaker is found
   for is an excerpt the outlet prints: for its figures, the cues inside it count as
   unquoted (the claim itself keeps no attribution).
3. **inheritance** — a body sentence with no cue and no quotation takes the
   previous sentence's source (``inherited``) when both are in the same paragraph
   and it continues the account: its subject is a pronoun compatible with the
   source or repeats the source's name, or it takes up the previous sentence's
   figures ("Twenty of them", "two of those countries", "Nine of the patients" as
   subject, "Of the wounded, 48 …", "Among them were …", "That figure includes …") or
   the subject of what it reported ("… the quake hit at 4:53 p.m., the survey said.
   It was followed by aftershocks of magnitude 5.9 …"), or sets a tally's level
   after a report with a number ("X said 102 were buried. Injuries stood at 186."), or
   it opens with an additive marker ("Additionally", "Also", …) and both sentences
   state quantities; only such a list continuation crosses a paragraph break, and a
   sentence the page broke at a line (the previous one ends with no closing
   punctuation, this one opens in lower case: :func:`_broken`), which always inherits. Nothing is inherited from a
   sourceless passive, or through "it".

4. **other relations** — every further relation of the sentence found by the
   learned models of :mod:`.learned` (PolNeAR's broader scheme:
   nested reports, second speakers, attitudes and intentions, noun and punctuation
   cues) goes to ``claim.other_attributions``, except a cue that overlaps the
   claim's own or lies inside a quotation.

Not handled in the claim's own attribution: cues expressed by nouns ("in a
statement", "his comments"; pass 4 may list them); gender in pronoun resolution;
speakers of quotations named only after an intervening sentence without a tag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analyze import TEXT_KEY, doc_text
from ..records import Claim
from . import learned
from .cues import DASHES, Cue, find_cues
from .figures import figure_attributions
from .lexicon import Lexicon, lexicon
from .quotes import Quote, find_quotes
from .sources import DocIndex, Source, source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: how far back (characters) a quote paragraph without a tag looks for its speaker
CONTINUATION_REACH = 1500
_LETTERS = re.compile(r"[^\w]+")


@dataclass
class _Att:
    source: Source | None
    cue: tuple[int, int] | None
    mode: str
    addressee: tuple[int, int] | None = None
    via: str | None = None
    own: bool = True  # found by the sentence's own cue
    content: tuple[int, int] | None = None  # what is reported, within the claim


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _is_real_quote(doc: "Doc", q: Quote) -> bool:
    """A clause-like quotation: a finite verb, or a capitalised utterance of 3+ words."""
    span = doc.char_span(q.inner[0], q.inner[1], alignment_mode="contract")
    if span is None or len(span) == 0:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span):
        return True
    if words and words[0].tag_ == "VB" and words[0].text[:1].isupper():
        return True  # an imperative utterance: "Pray for us."
    text = doc_text(doc)[q.inner[0]:q.inner[1]].strip()
    return len(words) >= 3 and text[:1].isupper() and text[-1:] in ".!?,"


def _in_quotes(pos: int, quotes: list[Quote]) -> bool:
    return any(q.inner[0] <= pos < q.inner[1] for q in quotes)


def _introduces_quote(doc: "Doc", claim: Claim, quotes: list[Quote]) -> bool:
    """"He said:" right before a quotation: the quotation is the sentence's content."""
    text = doc_text(doc)
    if not text[claim.start:claim.end].rstrip().endswith(":"):
        return False
    return any(q.start >= claim.end and not text[claim.end:q.start].strip() for q in quotes)


def _source_of(cue: Cue, index: DocIndex) -> Source | None:
    if cue.source is None:
        return None
    if cue.source_span is not None:
        return index.resolve(cue.source, cue.source_span)
    head, span = source_phrase(cue.source)
    return index.resolve(head, span)


def _unsaid(verb: "Token", lex: Lexicon) -> bool:
    """"It did not say how it had compiled the figures", "The channel did not cite a
    source": a negated report verb with a wh-clause or an object naming a source says
    what was not told; such a note about sourcing is no report (``unsaid_verbs``)."""
    if verb.lemma_.lower() not in lex.unsaid_verbs or not any(c.dep_ == "neg" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.unsaid_objects:
            return True
        first = c.doc[c.left_edge.i:c.left_edge.i + 2]  # the clause's first words, in text order
        if c.dep_ in ("ccomp", "xcomp", "advcl") and any(w.tag_ in ("WRB", "WP", "WDT") or w.lower_ in ("whether", "if")
                                                        for w in first):
            return True
    return False


def _candidate_cues(sent: "Span", claim: Claim, quotes: list[Quote], index: DocIndex,
                    lex: Lexicon, has_quote: bool) -> list[Cue]:
    """The sentence's reporting cues that may attribute something, best first: not
    inside a quotation, not the author's "we"/"I" (the outlet's own voice), and a
    finding verb ("verify", "count") only with an outlet as subject."""
    out = []
    for cue in find_cues(sent, lex, has_quote):
        if _in_quotes(cue.token.idx, quotes) or (cue.source is not None and _in_quotes(cue.source.idx, quotes)):
            continue
        if cue.source is not None and lex.pronouns.get(cue.source.lower_) == "self":
            continue
        if cue.source is not None and cue.source.lemma_.lower() in lex.non_source_heads:
            continue  # "Laboratory tests have confirmed …": evidence, not a giver
        if _unsaid(cue.token, lex):
            continue
        if cue.token.lemma_.lower() in lex.outlet_only and cue.mode == "indirect":
            src = _source_of(cue, index)
            if src is None or src.type != "media":
                continue
        out.append(cue)
    return out


def _cue_relations(doc: "Doc", sent: "Span", claim: Claim, quotes: list[Quote], index: DocIndex,
                   lex: Lexicon, own: _Att | None) -> list[dict]:
    """Attribution records of the sentence's other reporting cues (a second speaker
    with a second number: "… and a hospital official said 65 were killed"), for the
    figures' own attributions (:mod:`.figures`)."""
    out = []
    for cue in _candidate_cues(sent, claim, quotes, index, lex, False):
        if own is not None and own.cue == cue.span:
            continue
        source = _source_of(cue, index)
        tokens = list(doc.char_span(*cue.span, alignment_mode="expand") or [cue.token])
        content = _parsed_content(cue, learned.content_span(sent, cue.token, tokens, source.span if source else None))
        out.append(_record(doc, _Att(source, cue.span, cue.mode, content=content), content,
                           quotes, claim.end))
    return out


def _parsed_content(cue: Cue, guess: tuple[int, int] | None) -> tuple[int, int] | None:
    """The content of a further cue of the sentence: the learned span (``guess``), unless
    it misses every prepositional content the parse gives the cue (``preps`` in
    models/attribution/cues.json: "…, while the union spoke of 70%": the guess is the
    longest stretch outside the cue, the lexicon says "of 70%" is what is said); then the
    span of those phrases. A heuristic on the parse: real-world figure source dev 0.824 ->
    0.825, test unchanged (with any content root instead of prepositions only: test -0.001)."""
    roots = [c for c in cue.content if c.head.i == cue.token.i and c.dep_ == "prep"]
    if not roots:
        return guess
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in roots]
    if guess is not None and any(_overlap(*guess, *sp) for sp in spans):
        return guess
    return min(a for a, _ in spans), max(b for _, b in spans)


def _relay(chosen: Cue, source: Source | None, cands: list[Cue], index: DocIndex,
           lex: Lexicon) -> tuple[str | None, Cue, Source | None]:
    """(via, cue, source): the medium that relays the statement, and the statement's own
    cue and giver. A media cue with another speaker's cue inside it ("…, the mission head
    said, Reuters reported") gives the inner speaker, via the medium; a speaker's cue with
    a medium beside it gives the speaker too (:func:`_beside`)."""
    if source is not None and source.type == "media" and chosen.mode == "indirect":
        inner = next((c for c in cands if c is not chosen and c.mode == "indirect" and c.source
                      and c.token.lemma_.lower() not in lex.outlet_only
                      and chosen.token.left_edge.i <= c.token.i <= chosen.token.right_edge.i
                      and not (chosen.source.left_edge.i <= c.token.i <= chosen.source.right_edge.i)),
                     None)
        if inner is not None:
            return source.text, inner, _source_of(inner, index)
        return None, chosen, source
    if source is None or chosen.mode == "according_to":
        return None, chosen, source
    for cue in cands:
        medium = _source_of(cue, index) if cue is not chosen and _beside(cue, chosen) else None
        if medium is not None and medium.type == "media":
            return medium.text, chosen, source
    return None, chosen, source


def _beside(cue: Cue, chosen: Cue) -> bool:
    """Does ``cue`` frame the whole sentence around ``chosen`` rather than state something
    of its own? "According to Efe, the governor said 154 died" (an "according to"
    before the speaker's cue) and "The governor said 154 died, the Efe news agency
    reported." (a tag that ends the sentence after a comma, which the parser often hangs
    under the speaker's verb) relay the governor's figure. Not "…, and Reuters reported
    50 more" (its own content follows).
    Heuristic: no such sentence changes the real-world splits (measured: no change)."""
    if cue.mode == "according_to":
        return cue.token.i < chosen.token.i
    if cue.mode != "indirect" or cue.token.i < chosen.token.i or cue.source is None:
        return False
    sent = cue.token.sent
    after = sent.doc[cue.token.i + 1:sent.end]
    before = sent.doc[cue.source.left_edge.i - 1] if cue.source.left_edge.i > sent.start else None
    return all(t.is_punct for t in after) and before is not None and before.text == ","


def _own(doc: "Doc", sent: "Span", claim: Claim, quotes: list[Quote], index: DocIndex,
         lex: Lexicon) -> _Att | None:
    """Attribution from the sentence's own cue (pass 1)."""
    has_quote = any(_overlap(q.inner[0], q.inner[1], claim.start, claim.end) for q in quotes) \
        or _introduces_quote(doc, claim, quotes)
    cands = _candidate_cues(sent, claim, quotes, index, lex, has_quote)
    chosen = next((c for c in cands if c.rank != 5 or (claim.quantities and all(
        c.content_covers(*q["span"]) for q in claim.quantities))), None)
    if chosen is None:
        return None
    via, chosen, source = _relay(chosen, _source_of(chosen, index), cands, index, lex)
    mode = chosen.mode
    if mode == "indirect" and has_quote:
        mode = "direct"
    addressee = None
    if chosen.addressee is not None:
        a_head, a_span = source_phrase(chosen.addressee)
        addressee = a_span
    cue_tokens = list(doc.char_span(*chosen.span, alignment_mode="expand") or [chosen.token])
    content = learned.content_span(sent, chosen.token, cue_tokens, source.span if source else None)
    return _Att(source, chosen.span, mode, addressee, via, content=content)


def _quote_pass(doc: "Doc", claims: list[Claim], atts: list[_Att | None], quotes: list[Quote]) -> None:
    """Attribute the sentences of each quotation to its speaker (pass 2)."""
    groups: dict[int, list[Quote]] = {}
    for q in quotes:
        groups.setdefault(q.group, []).append(q)
    last: tuple[Source, int] | None = None
    for regions in groups.values():
        gs, ge = regions[0].start, regions[-1].end
        members = [i for i, c in enumerate(claims)
                   if any(_overlap(q.inner[0], q.inner[1], c.start, c.end) for q in regions)]
        if not members:
            continue
        nxt = members[-1] + 1
        if nxt < len(claims) and atts[nxt] is not None and atts[nxt].own and atts[nxt].cue is not None \
                and doc_text(doc)[atts[nxt].cue[0]:atts[nxt].cue[1]] in DASHES \
                and not doc_text(doc)[ge:atts[nxt].cue[0]].strip():
            members.append(nxt)  # "…”\n― Jane Doe": the sign-off in the next sentence
        tags = [i for i in members if atts[i] is not None and atts[i].own
                and atts[i].source is not None and atts[i].cue is not None
                and atts[i].mode in ("direct", "indirect")]
        speaker = None
        after = [i for i in tags if atts[i].cue[0] >= ge - 1]
        before = [i for i in tags if atts[i].cue[1] <= gs]
        pick = after[:1] or before[-1:] or tags[:1]
        if pick:
            speaker = atts[pick[0]].source
        else:
            first = members[0]
            prev = atts[first - 1] if first > 0 else None
            if prev is not None and prev.source is not None and \
                    doc_text(doc)[claims[first - 1].start:claims[first - 1].end].rstrip().endswith(":"):
                speaker = prev.source
            elif regions[0].para_start and prev is not None and prev.source is not None \
                    and claims[first - 1].section == claims[first].section:
                speaker = prev.source  # a quote paragraph goes on with the last speaker
            elif regions[0].para_start and last is not None and gs - last[1] <= CONTINUATION_REACH:
                speaker = last[0]
            elif (prev is not None and prev.mode == "direct" and last is not None
                  and prev.source is last[0] and "\n" not in doc_text(doc)[claims[first - 1].end:gs]):
                speaker = last[0]  # a further quotation right after the speaker's tagged one
        if speaker is None:
            continue
        last = (speaker, ge)
        for i in members:
            if atts[i] is not None and atts[i].own and atts[i].cue is not None:
                if atts[i].mode == "indirect":
                    atts[i].mode = "direct"
                continue
            atts[i] = _Att(speaker, None, "direct", own=False)


def _headline_quotes(doc: "Doc", claims: list[Claim], atts: list[_Att | None],
                     quotes: list[Quote]) -> None:
    """A headline quotation repeated from the body takes the body quotation's speaker."""
    body = [(_LETTERS.sub(" ", doc_text(doc)[c.start:c.end]).lower(), atts[i])
            for i, c in enumerate(claims) if c.section == "body" and atts[i] is not None
            and atts[i].mode == "direct"]
    if not body:
        return
    for i, c in enumerate(claims):
        if c.section == "body" or atts[i] is not None:
            continue
        for q in quotes:
            if not _overlap(q.inner[0], q.inner[1], c.start, c.end):
                continue
            # any clause of the quotation repeated in a body quotation ("Pray for us")
            pieces = [_LETTERS.sub(" ", p).lower().strip()
                      for p in re.split(r"[.!?:;]", doc_text(doc)[q.inner[0]:q.inner[1]])]
            pieces = [p for p in pieces if len(p.split()) >= 2]
            hit = next((a for text, a in body for p in pieces if f" {p} " in f" {text} "), None)
            if hit is not None:
                atts[i] = _Att(hit.source, None, "direct", own=False)
                break


def _unspoken_quotes(doc: "Doc", sents: list["Span"], claims: list[Claim], atts: list[_Att | None],
                     quotes: list[Quote], index: DocIndex, lex: Lexicon) -> dict[int, _Att]:
    """A quotation no speaker was found for is an excerpt the outlet prints (a digest
    quoting other outlets: ""According to new figures from the WHO, more than 4,500
    people have died …""): for the figures of such a sentence, the reports inside it are
    read as if unquoted (claim index → that attribution). The claim keeps no attribution
    of its own (PolNeAR counts no cue inside a quotation). A heuristic: real-world figure
    source dev 0.729 -> 0.735, test and seed corpus unchanged."""
    out = {}
    for i, (claim, sent) in enumerate(zip(claims, sents)):
        if atts[i] is not None or sent is None or not claim.quantities:
            continue
        inside = [q for q in quotes if _overlap(q.inner[0], q.inner[1], claim.start, claim.end)]
        if inside and (att := _own(doc, sent, claim, [q for q in quotes if q not in inside], index, lex)):
            out[i] = att
    return out


def _continues(sent: "Span", prev: _Att, claim: Claim, prev_claim: Claim, lex: Lexicon) -> bool:
    """Does a cue-less sentence continue the previous sentence's source's account?"""
    src = prev.source
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:
        word = subj.lower_
        if word in ("he", "she") and src.type in ("person", "anonymous") and src.number == "sing":
            return True
        if word == "they" and (src.number == "plur" or src.type in ("organization", "government")):
            return True
        if subj.pos_ == "PROPN" and subj.text in src.norm.split():
            return True
    return (_list_continuation(sent, claim, prev_claim, lex) or _refers_back(sent, claim, prev_claim, lex)
            or _same_topic(sent, subj, prev, claim, prev_claim) or _tally_goes_on(sent, subj, prev, prev_claim, lex))


def _sets_level(verb: "Token", lex: Lexicon) -> bool:
    """Does the verb set a tally's level: a verb of ``level_verbs`` with an "at"/"to" phrase
    holding a number ("stood at 186", "had risen to 112 people")?"""
    return verb.lemma_.lower() in lex.level_verbs and any(
        c.dep_ == "prep" and c.lower_ in ("at", "to") and any(
            g.like_num or any(n.like_num for n in g.children) for g in c.children) for c in verb.children)


#: dependents that open a clause with a frame of its own (a place, a time, a condition)
_FRAMES = frozenset({"prep", "advmod", "npadvmod", "advcl"})


def _tally_goes_on(sent: "Span", subj: "Token | None", prev: _Att, prev_claim: Claim, lex: Lexicon) -> bool:
    """"Velo told the envoys that 102 victims had been buried. Injuries stood at 186, of
    which 38 were serious. The list of the missing had grown to 329.": a cue-less sentence
    whose main verb sets a tally's level, its subject a plain noun with no giver of its
    own (no name, no possessive), right after a report whose content holds a number (or a
    sentence that went on with one), is the next line of that report. Not a sentence that
    opens with a frame of its own before the subject ("For Egypt the toll stands at 148",
    "Earlier in the day the count had stood at seven": another place or time, in the
    outlet's voice). A heuristic on the parse: real-world figure source dev 0.802 -> 0.805,
    test 0.736 -> 0.736."""
    root = sent.root
    if subj is None or subj.pos_ != "NOUN" or any(c.dep_ == "poss" for c in subj.children) \
            or not _sets_level(root, lex) or any(c.i < subj.left_edge.i and c.dep_ in _FRAMES for c in root.children):
        return False
    reported = prev.content or ((prev_claim.start, prev_claim.end) if prev.mode == "inherited" else None)
    span = sent.doc.char_span(*reported, alignment_mode="expand") if reported is not None else None
    return any(t.like_num for t in span or ())


def _same_topic(sent: "Span", subj: "Token | None", prev: _Att, claim: Claim, prev_claim: Claim) -> bool:
    """"The survey said the quake hit at 4:53 p.m. with its epicentre 10 miles west of
    the town. It was followed by aftershocks of magnitude 5.9 and 5.5.": a cue-less
    sentence whose subject takes up the subject of what the previous sentence reported
    ("it" for a thing, or the same noun: "The quake was 6 miles deep") goes on with that
    report. Both sentences state figures; not a verdict on it ("It is the deadliest
    quake since …"). A heuristic on the parse: real-world figure source dev 0.785 ->
    0.787, test unchanged, seed corpus unchanged."""
    if subj is None or prev.content is None or not claim.quantities or not prev_claim.quantities:
        return False
    it = subj.lower_ == "it"
    if not it and not (subj.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)):
        return False  # checked first: only such subjects make the previous content worth reading
    doc = sent.doc
    reported = doc.char_span(prev.content[0], prev.content[1], alignment_mode="expand")
    # the first noun argument (the parser may make "said the quake, …, hit" an object)
    topic = next((t for t in reported or () if t.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if topic is None or topic.pos_ != "NOUN" or topic.ent_type_:
        return False
    if it:
        # not a verdict on it ("It is the deadliest quake since …"): the outlet's own
        return "Plur" not in topic.morph.get("Number") and not any(c.dep_ == "attr" for c in sent.root.children)
    return subj.lemma_.lower() == topic.lemma_.lower()


def _refers_back(sent: "Span", claim: Claim, prev_claim: Claim, lex: Lexicon) -> bool:
    """"The ambulance service said 64 people had been taken to hospital. Twenty of them
    are in critical care.": a sentence that takes up the previous sentence's figures
    goes on with its account: a partitive pronoun or demonstrative ("Twenty of them",
    "two of those countries"), a partitive of a definite noun as subject ("Nine of the
    patients are in intensive care": :func:`_partitive`), an opening partitive with a
    number as subject ("Of the wounded, 48 had been shot"), an opening inclusion of a set
    named before ("Among them were 12 children": ``inclusion_marks``, :func:`_back`), or
    a tally noun with a demonstrative as subject ("That figure includes …"). Both
    sentences state figures. A heuristic on the parse: real-world figure source dev 0.711
    -> 0.714, test unchanged, seed corpus unchanged (docs/evaluation.md); the
    demonstrative and definite partitives and the opening inclusion: dev 1471 -> 1475 of
    1779 right, test unchanged (510 of 677)."""
    if not claim.quantities or not prev_claim.quantities:
        return False
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lemma_.lower() in lex.figure_nouns and any(
            c.dep_ == "det" and c.lower_ in lex.back_determiners for c in subj.children):
        return True
    if subj is not None and subj.like_num and sent[0].lower_ == "of" and sent[0].head.i == root.i:
        return True
    if sent[0].lower_ in lex.inclusion_marks and any(_back(g, lex) for g in sent[0].children if g.dep_ == "pobj"):
        return True  # "Among those dead were 400 people in the hill villages"
    return any(_partitive(t, subj, lex) for t in sent)


def _back(noun: "Token", lex: Lexicon) -> bool:
    """Does the word name a set named before: a pronoun ("them", ``back_pronouns``) or a
    noun with a demonstrative ("those countries", ``back_determiners``)?"""
    return noun.lower_ in lex.back_pronouns or any(
        c.dep_ == "det" and c.lower_ in lex.back_determiners for c in noun.children)


def _partitive(tok: "Token", subj: "Token | None", lex: Lexicon) -> bool:
    """Is ``tok`` a number that takes a part of a set named before: "Twenty of them",
    "two of those countries" anywhere, or, as the subject, "Nine of the patients"? A
    definite article alone refers back only from the subject ("that meant 291 of the 459
    aboard were missing" counts a new set)."""
    if not tok.like_num:
        return False
    for g in (g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
        if _back(g, lex) or g.pos_ == "NOUN" and subj is not None and tok.i == subj.i and any(
                c.dep_ == "det" and c.lower_ == "the" for c in g.children):
            return True
    return False


def _list_continuation(sent: "Span", claim: Claim, prev_claim: Claim, lex: Lexicon) -> bool:
    """"Additionally, 125 … were also killed." after a sourced count: the same list goes on."""
    low = sent.text.lower()
    return bool(claim.quantities and prev_claim.quantities and any(
        low.startswith(m + " ") or low.startswith(m + ",") for m in lex.continuation_markers))


def _broken(text: str, prev: Claim, claim: Claim) -> bool:
    """Is the claim the rest of the previous one, a sentence the page broke at a line
    ("… more than 220 ambulances\n\nto the area, and the injured are being taken to four
    hospitals nearby.")? The previous one ends with no closing punctuation and this one
    opens in lower case: one sentence, one speaker. A heuristic on the layout:
    real-world figure source dev 0.863 -> 0.864, test unchanged."""
    end = text[prev.start:prev.end].rstrip()[-1:]
    first = text[claim.start:claim.end].lstrip()[:1]
    return end.isalnum() and first.isalpha() and first.islower() and prev.section == claim.section


def _inherit(doc: "Doc", sents: list["Span"], claims: list[Claim], atts: list[_Att | None],
             quotes: list[Quote], lex: Lexicon) -> None:
    for i in range(1, len(claims)):
        prev = atts[i - 1]
        if atts[i] is not None or prev is None or prev.source is None:
            continue
        c, p = claims[i], claims[i - 1]
        if c.section != "body":
            continue
        if _broken(doc_text(doc), p, c):
            atts[i] = _Att(prev.source, None, "inherited", own=False)
            continue
        # a new paragraph is a new voice, unless it opens by continuing the list
        # (sites that put every sentence on its own line would lose every continuation)
        if "\n" in doc_text(doc)[p.end:c.start] and not _list_continuation(sents[i], c, p, lex):
            continue
        if any(_overlap(q.inner[0], q.inner[1], c.start, c.end) for q in quotes):
            continue
        if sents[i] is not None and _unsaid(sents[i].root, lex):
            continue  # "He did not say whether …": a note about sourcing reports nothing
        if _continues(sents[i], prev, c, p, lex):
            atts[i] = _Att(prev.source, None, "inherited", own=False)


def _content(doc: "Doc", claim: Claim, att: _Att, quotes: list[Quote]) -> tuple[int, int] | None:
    """What the claim reports: the own cue's content, else the quotation's words within
    the claim (a quote sentence), else the whole claim (inherited)."""
    if att.content is not None or att.cue is not None:
        return att.content
    if att.mode == "direct":
        inner = [(max(q.inner[0], claim.start), min(q.inner[1], claim.end)) for q in quotes
                 if _overlap(q.inner[0], q.inner[1], claim.start, claim.end)]
        if inner:
            return inner[0][0], inner[-1][1]
    return claim.start, claim.end


def with_quote_marks(text: str, content: tuple[int, int] | None,
                     quotes: list[Quote], limit: int) -> tuple[int, int] | None:
    """``content`` grown over the marks of a quotation it begins or ends with, and over
    the punctuation inside them: a quotation is reported as printed ("“We will
    rebuild,”"), the PARC convention. A content that opens a quotation runs to its
    closing mark, never past ``limit`` (the claim's end): the parse may cut a long
    quotation short at a nested quote or a dash. Content that starts inside a
    quotation is kept."""
    if content is None:
        return None
    start, end = content
    for q in quotes:
        if q.start < start < q.end and not text[q.inner[0]:start].strip():
            start = q.start
        if q.start < end < q.end and all(not c.isalnum() for c in text[end:q.inner[1]]):
            end = q.end
        if start == q.start and end < q.end:
            end = max(end, min(q.end, limit))
    return start, end


def _record(doc: "Doc", att: _Att, content: tuple[int, int] | None, marks: list[Quote],
            limit: int) -> dict:
    """The attribution object of the schema; ``content`` is grown over the quotation
    marks in ``marks`` (:func:`with_quote_marks`), up to ``limit``."""
    s = att.source
    text = doc_text(doc)
    content = with_quote_marks(text, content, marks, limit)
    return {
        "source": s.text if s else None,
        "source_span": [s.span[0], s.span[1]] if s else None,
        "source_norm": s.norm if s else None,
        "source_type": s.type if s else None,
        "cue": text[att.cue[0]:att.cue[1]] if att.cue else None,
        "cue_span": [att.cue[0], att.cue[1]] if att.cue else None,
        "mode": att.mode,
        "addressee": text[att.addressee[0]:att.addressee[1]] if att.addressee else None,
        "via": att.via,
        "source_id": s.source_id if s else None,
        "content": text[content[0]:content[1]] if content else None,
        "content_span": [content[0], content[1]] if content else None,
    }


def _other(doc: "Doc", sent: "Span", claim: Claim, att: _Att | None, quotes: list[Quote],
           marks: list[Quote], index: DocIndex) -> list[dict]:
    """The sentence's further relations (pass 4, :mod:`.learned`):
    every learned cue that is not the claim's own, with its source and content."""
    own = att.cue if att is not None and att.own else None
    text = doc_text(doc)
    out = []
    for rel in learned.find_relations(sent):
        c0, c1 = rel.cue_span
        if own is not None and _overlap(c0, c1, *own):
            continue
        if _in_quotes(c0, quotes):
            continue  # a cue inside a quotation is part of what the speaker said
        source = index.resolve(rel.source, rel.source_span) if rel.source is not None else None
        k0, k1 = rel.content or (c1, c1)
        if text[c0:c1].lower().startswith("according"):
            mode = "according_to"
        elif rel.content and any(_overlap(q.inner[0], q.inner[1], k0, k1) for q in quotes):
            mode = "direct"
        elif any(c.dep_ in ("auxpass", "nsubjpass") for t in rel.cue for c in t.children):
            mode = "passive"
        else:
            mode = "indirect"
        record = _record(doc, _Att(source, rel.cue_span, mode), rel.content, marks, claim.end)
        record["score"] = round(rel.score, 3)
        out.append(record)
    return out


#: What the stage gives one claim: its own attribution (None: the outlet's voice), its
#: other relations, and for each of its quantities the attribution that gives that
#: figure and whom it cites (:mod:`.figures`).
Attributed = tuple["dict | None", list[dict], list[tuple["dict | None", list[str]]]]


def attribute_claims(doc: "Doc", claims: list[Claim]) -> list[Attributed]:
    """The attribution and the other relations of every claim (sentence) of one
    document, in order. Reads the claims; changes nothing."""
    if not claims:
        return []
    try:
        return _attribute(doc, claims)
    finally:
        doc.user_data.pop(TEXT_KEY, None)


def _attribute(doc: "Doc", claims: list[Claim]) -> list[Attributed]:
    lex = lexicon()
    index = DocIndex(doc, lex)
    all_quotes = find_quotes(doc_text(doc))
    quotes = [q for q in all_quotes if _is_real_quote(doc, q)]
    sents = [doc.char_span(c.start, c.end, alignment_mode="expand") for c in claims]
    atts: list[_Att | None] = []
    for claim, sent in zip(claims, sents):
        att = _own(doc, sent, claim, quotes, index, lex) if sent is not None else None
        if att is not None and att.source is not None:
            index.history.append(att.source)
        atts.append(att)
    _quote_pass(doc, claims, atts, quotes)
    _headline_quotes(doc, claims, atts, all_quotes)
    excerpts = _unspoken_quotes(doc, sents, claims, atts, quotes, index, lex)
    _inherit(doc, sents, claims, atts, quotes, lex)
    out = []
    for i, (claim, att, sent) in enumerate(zip(claims, atts, sents)):
        own = None if att is None else _record(doc, att, _content(doc, claim, att, quotes),
                                               all_quotes, claim.end)
        others = [] if sent is None else _other(doc, sent, claim, att, quotes, all_quotes, index)
        cues = [] if sent is None or not claim.quantities else _cue_relations(
            doc, sent, claim, quotes, index, lex, att)
        excerpt = excerpts.get(i)
        giver = own if excerpt is None else _record(doc, excerpt, excerpt.content, all_quotes, claim.end)
        out.append((own, others, figure_attributions(
            doc, sent, claim.quantities, giver, cues + others, index, lex,
            lambda source, verb, end=claim.end: _record(
                doc, _Att(source, (verb.idx, verb.idx + len(verb)), "indirect"), None, all_quotes, end),
            headline=claim.section == "headline")))
    return out
