"""The source of an attribution: its phrase, canonical form, type and coreference.

Heuristics, all in-document and parse-based:

* **phrase** (:func:`source_phrase`): the subject NP from its first word to its
  head, plus coordinated NPs and a directly following ``of``-phrase, grown to
  cover the named entity the head is part of ("The UK-based Syrian Observatory
  for Human Rights"), and through lower-case words that join a name up to its verb
  ("Save the Children said", "Physicians for Human Rights said": :func:`_name_tail`,
  :func:`_name_start`); relative clauses, comma-set appositions and other PPs are left
  out, and the phrase stops before a closing acronym in brackets ("Doctors Without
  Borders (MSF) said"), which the resolver adds back as one name (below). A
  common-noun head with a person-name apposition gives the name ("One man, Ayman
  Fares, told" → "Ayman Fares").
* **norm** (:meth:`DocIndex.resolve`): two proper names joined by "and" before a body
  noun are one name ("Kensington and Chelsea Council"); persons → the fullest name with the same
  surname in the document ("Mr Fares" → "Ayman Fares"), or with the same other part
  when only one full name has it (a family name written first: "Choi" → "Choi
  Seong-beom"); descriptive bodies → the body named before ("the ministry" → "Ministry
  of Health", "the Hospital Authority" → "Hong Kong Hospital Authority", "the charity
  Habitat for Humanity" → "Habitat for Humanity", "the agency" and "the U.N. agency"
  (an umbrella body's member, ``umbrella_bodies``) → the organisation quoted just
  before; never for "the government"); figures, data or a report with a
  giver → the giver ("figures released by the government", "the agency's update");
  acronyms the text defines
  and titles, by the document's name resolver (:mod:`pipeline.names`, shared with
  entity norms: "Syria Network for Human Rights (SNHR)"); a capitalised head seen
  earlier inside a longer organisation name ("the Observatory"); generic outlet
  nouns ("the news agency") → the outlet named in the document; an unnamed
  spokesperson → the body last quoted (one spokesperson or official; "officials" stay
  officials); a bare definite plural ("the sources", "the officials") → the group of
  that noun quoted just before, under its fuller name ("military sources", the body
  "officials at …" spoke for); a common noun later named by an
  apposition ("One imam" … "The imam, Mohsen Ghosn,"); a bare title ("the minister",
  a headline's "…: minister") → the one person named right after that title
  ("Interior Minister Gerald Darmanin"); a generic body → its country when a possessive,
  an "in" phrase or a fronted "In <country>," names one ("Sudan's Ministry of Health",
  "In Sri Lanka, the Public Security Ministry says"), or a possessive that stands for
  a country named before it in the sentence ("… in Guinea, the country's government
  says"; ``country_anaphors``). Unnamed sources lose
  leading determiners/numerals/quantifiers and are lower-cased.
* **relative pronouns** ("residents, who said"): the norm, type and number of the
  NP the relative clause modifies; a word in capitals in a mixed-case sentence ("…,
  WHO Says") is an acronym, never the pronoun.
* **hyphenated names** cut at the hyphen by the recogniser ("Choi Cheon-sik") are
  one person name (:func:`_hyphen_tail`).
* **pronouns** ("he", "she", "they", "it"): salience-based — the most recent
  compatible source of an earlier attribution (singular person/anonymous for
  he/she, also a government source headed by a title, "the governor said … he had
  acknowledged one death": :meth:`DocIndex._office`; plural or a body for they; a body
  for it, also one named by a common noun that is no noun for people, "The panel listed
  48 casualties. … 24 were shot, it said."), else the most recent person entity (the
  office holder and the common-noun body: real-world source keys per gold body dev
  1.189 -> 1.186, test unchanged; figure source dev and test unchanged). "he"/"she"
  skip a person the document itself refers to with the other pronoun
  (:meth:`DocIndex._genders`: its pronouns, honorifics and gendered nouns in sentences
  naming only that person; no first-name lists). An "it" or
  "they" that opens its sentence as its subject takes a body that is the previous
  sentence's subject first ("The government has designated … It has also said …",
  :meth:`DocIndex._previous_subject`), and "its"/"their" before a noun for a body's
  people ("Its teams counted …") stands for the body (:meth:`DocIndex._own_people`).
* **type** (:meth:`DocIndex.source_type`): lexicon lookups in the order media,
  document, person entity, government, organisation, anonymous; an untagged proper
  name is a person unless its last word is one no person's name ends with ("Human
  Rights Watch", "Direct Relief": ``organization_name_heads`` of models/names/names.json).
* **a name with its acronym** ("Doctors Without Borders (MSF) said", "Save the Children
  (STC) said" with "Save" read as a verb): the mention runs to the closing bracket and
  is named by the acronym's definition (:meth:`DocIndex._defined`). New-user checks on
  real pages; no such source in the corpora: real-world, seed and PolNeAR scores unchanged.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analyze import doc_text
from ..names import acronyms, bare_name, defined_name, demonym, organization_name_heads, person_names, titles
from .lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from spacy.tokens import Doc, Span, Token

KEEP_RIGHT = frozenset({"conj", "cc", "compound", "flat", "nummod"})
_NON_WORD = re.compile(r"[\W_]+")
_NAME_SPLIT = re.compile(r"[\s-]+")
PERSONAL = ("person", "anonymous")


@dataclass
class Source:
    """A resolved source mention."""
    text: str
    span: tuple[int, int]
    norm: str
    type: str | None
    number: str  # sing | plur
    head: "Token | None" = None

    @property
    def source_id(self) -> str:
        return slug(self.norm)


def slug(name: str) -> str:
    return _NON_WORD.sub("-", name.casefold()).strip("-")


def _hyphen_tail(t: "Token") -> "Token | None":
    """"Choi Cheon-sik", "Choi Seong-beom": the recogniser often ends a person's name at
    the hyphen and leaves the last piece outside; the name's last token before the
    hyphen when ``t`` is such a piece (no space on either side of the hyphen), else None.
    A heuristic: real-world figure source dev 0.720 -> 0.721, test unchanged."""
    if t.ent_type_ or t.i < 2 or not t.text[:1].isalpha():
        return None
    dash, before = t.doc[t.i - 1], t.doc[t.i - 2]
    if dash.text != "-" or dash.whitespace_ or before.whitespace_ or before.ent_type_ != "PERSON":
        return None
    return before


def _in_place(t: "Token", before: int | None = None) -> "Token | None":
    """The place of an "in <GPE>" phrase ``t`` governs ("police in Malaysia"), or, with
    ``before``, one fronted before that token ("In Sri Lanka, the ministry says")."""
    prep = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                 and (before is None or c.i < before)), None)
    return next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"), None) \
        if prep is not None else None


def _entity_of(t: "Token") -> tuple[int, int] | None:
    """Token range of the named entity that ``t`` is part of (None when outside one),
    with the piece of a hyphenated name the recogniser left out (:func:`_hyphen_tail`)."""
    if (before := _hyphen_tail(t)) is not None:
        ent = _entity_of(before)
        return (ent[0], t.i + 1) if ent is not None and ent[1] == before.i + 1 else None
    if not t.ent_type_ or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY",
                                          "MONEY", "PERCENT"):
        return None
    doc = t.doc  # walk the IOB tags: doc.ents rebuilds every span on each access
    lo = t.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = t.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return lo, hi


def _np_tokens(head: "Token") -> set[int]:
    """Indices of the source NP headed by ``head`` (see the module docstring)."""
    keep = {head.i}
    for c in head.lefts:
        if c.dep_ in ("punct",) and c.i == head.left_edge.i:
            continue
        keep.update(x.i for x in c.subtree if x.dep_ not in ("relcl", "appos"))
    took_of = False
    for c in head.rights:
        if c.dep_ in KEEP_RIGHT:
            if c.dep_ == "conj":
                keep.update(_np_tokens(c))
            else:
                keep.update(x.i for x in c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "of" and not took_of and c.i == max(keep) + 1:
            keep.update(x.i for x in c.subtree if x.dep_ not in ("relcl",))
            took_of = True
        elif c.dep_ == "prep" and _capitalised_inside(c) and c.i == max(keep) + 1:
            keep.update(x.i for x in c.subtree)  # "Doctors Without Borders": one name
    ent = _entity_of(head)
    if ent is not None:
        keep.update(range(ent[0], ent[1]))
    return keep


def _capitalised_inside(word: "Token") -> bool:
    """A function word written with a capital inside a sentence ("Doctors **Without**
    Borders", "Mothers **Against** Drunk Driving") is part of a name, so the name goes on
    past it; a lower-case one ("officials in Velin") ends the source's name."""
    return word.text[:1].isupper() and not word.is_sent_start and word.i > word.sent.start


def source_phrase(head: "Token") -> tuple["Token", tuple[int, int]]:
    """The (possibly replaced) head token and the character span of the source NP."""
    doc = head.doc
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                head = c
                break
    keep = _np_tokens(head)
    lo, hi = min(keep), max(keep)
    # a contiguous phrase: stop at the first gap (a dropped relative clause or apposition)
    i = head.i
    while i - 1 >= lo and (i - 1) in keep:
        i -= 1
    lo = i
    j = head.i
    while j + 1 <= hi and (j + 1) in keep:
        j += 1
    hi = _name_tail(head, lo, j)
    lo = _name_start(doc, lo, hi)
    # "Doctors Without Borders (MSF) said": the parse ends the phrase inside the bracket
    # ("... (MSF"); cut before it, DocIndex._defined then runs the name to its close
    bracket = next((k for k in range(lo + 1, hi + 1) if doc[k].text == "("), None)
    if bracket is not None and not any(doc[k].text == ")" for k in range(bracket, hi)):
        hi = bracket - 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space) and doc[hi].text not in (".",):
        hi -= 1
    if doc[hi].is_punct and hi > lo:
        hi -= 1
    return head, (doc[lo].idx, doc[hi].idx + len(doc[hi]))


def _name_tail(head: "Token", lo: int, hi: int) -> int:
    """"Save the Children said", "Physicians for Human Rights said": a source phrase of
    capitalised words that runs on, through lower-case words that join a name
    (``name_joiners``: "the", "for", …) and more capitalised words, right up to the verb
    it is the subject of (or a comma, a bracket, the sentence's end) is one
    organisation's name; the parser cuts it at the function word, or reads its first
    word as a verb. The index of the name's last token (``hi`` when no such tail
    follows). Not a noun for people ("Lawyers for the Family said": ``anonymous_heads``)
    and not a run that stops on a lower-case word ("Police for the first time said").
    A heuristic on word shapes: real-world figure source dev and test unchanged (issue 18's
    user reports, on invented text in tests/test_attribute.py); with "of" among the
    joiners ("UN Office for the Coordination of Humanitarian Affairs" was "UN Office")
    and a person's name never run on: dev 0.764 -> 0.767, test unchanged."""
    doc, lex = head.doc, lexicon()
    words = [t for t in doc[lo:hi + 1] if t.is_alpha and t.lower_ != "the"]
    if not words or not all(t.text[:1].isupper() for t in words) or head.ent_type_ == "PERSON" \
            or head.lemma_.lower() in lex.anonymous_heads or head.lower_ in lex.anonymous_heads:
        return hi  # a person's name ends before "of" ("Commander Stuart Cundy of the Metropolitan Police")
    j, last, joined = hi + 1, hi, False
    while j < head.sent.end:
        t = doc[j]
        if t.is_lower and t.lower_ in lex.name_joiners:
            joined = True
        elif t.is_alpha and t.text[:1].isupper() and not t.is_sent_start:
            last = j
        else:
            break
        j += 1
    if not joined or last == hi or j != last + 1:
        return hi
    verb = head.head
    stop = doc[j] if j < head.sent.end else None
    if stop is None or stop.text in (",", "(", ".") or stop.i == verb.i \
            or stop.head.i == verb.i and stop.dep_ in ("aux", "neg"):
        return last
    return hi


def _name_start(doc: "Doc", lo: int, hi: int) -> int:
    """"Help the Orphans said": a capitalised base-form verb that opens the clause right
    before a source phrase of capitalised words (and ``name_joiners``) is the first word
    of the organisation's name, which the parser reads as an imperative. The index of the
    name's first token (``lo`` when there is none). A heuristic on word shapes:
    real-world figure source dev and test unchanged."""
    if lo == 0:
        return lo
    verb, joiners = doc[lo - 1], lexicon().name_joiners
    words = doc[lo:hi + 1]
    if verb.tag_ != "VB" or not verb.text[:1].isupper() or not any(t.text[:1].isupper() for t in words) \
            or not all(t.text[:1].isupper() or t.is_lower and t.lower_ in joiners for t in words):
        return lo
    return lo - 1 if verb.is_sent_start or doc[lo - 2].is_punct else lo


def _shouted(t: "Token") -> bool:
    """"Ebola Death Toll Passes 4,500, WHO Says": a word of two letters or more in capitals
    in a sentence that has lower-case letters is an acronym (a name), never the pronoun
    the tagger may read it as (then "WHO" took the antecedent "NBC News"). A heuristic:
    real-world figure source dev 0.721 -> 0.726, test unchanged."""
    return len(t.text) > 1 and t.text.isupper() and any(c.islower() for c in t.sent.text)


def _clause_head(tok: "Token") -> "Token":
    """The verb heading the clause ``tok`` stands in (the root when there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


class DocIndex:
    """Per-document name tables for coreference (built once per document)."""

    def __init__(self, doc: "Doc", lex: Lexicon):
        self.doc = doc
        self.lex = lex
        persons: list[str] = []                  # person names in text order, titles stripped
        self.orgs: list[str] = []                # organisation names in order of mention
        # (start character, name, its lower-case words) of each of them
        self.org_at: list[tuple[int, str, frozenset[str]]] = []
        self.named_by_appos: dict[str, str] = {}  # "imam" → "Mohsen Ghosn"
        self.media_seen: Counter = Counter()
        self.history: list[Source] = []           # sources of earlier attributions
        gpe: Counter = Counter()
        norp: Counter = Counter()
        ents = doc.ents  # rebuilt by spaCy on every access: read once
        self.persons = [e for e in ents if e.label_ == "PERSON"]
        for ent in ents:
            name = self._strip_name(ent.text)
            if ent.label_ == "PERSON" and name:
                persons.append(name)
            elif ent.label_ in ("ORG", "FAC", "NORP", "GPE") and name:
                if ent.label_ == "ORG":
                    self.orgs.append(name)
                    self.org_at.append((ent.start_char, name, frozenset(_NAME_SPLIT.split(name.lower()))))
                if ent.label_ == "GPE":
                    gpe[name] += 1
                if ent.label_ == "NORP":
                    norp[name] += 1
            if name.lower() in lex.media_names:
                self.media_seen[name] += 1
        # surname / single name → fullest name, shared with the entities' norms
        self.full_names: dict[str, str] = person_names(persons)
        self.acronyms = acronyms(doc_text(doc))
        self.country_adj = None
        for t in doc:
            if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.head.pos_ in ("NOUN", "PROPN") \
                    and not t.head.ent_type_:
                ent = _entity_of(t)
                if ent is not None:
                    self.named_by_appos.setdefault(t.head.lemma_.lower(),
                                                   (t.head.idx, doc[ent[0]:ent[1]].text))
            elif t.lemma_ == "government" and self.country_adj is None:
                adj = next((c for c in t.children if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound")), None)
                if adj is not None:
                    self.country_adj = adj.text
        self.gender = self._genders()
        if gpe and self.country_adj is None:
            country = gpe.most_common(1)[0][0]
            for adj, _ in norp.most_common():
                if len(country) >= 4 and adj[:4].lower() == country[:4].lower() and not adj.endswith("s"):
                    self.country_adj = adj
                    break

    def _genders(self) -> dict[str, str]:
        """Person norm -> "m"/"f" from the document's own usage (a heuristic): each
        sentence naming exactly one person votes with the gendered words of that
        person's clause (``gender_words``: pronouns, honorifics, "actress",
        "spokesman", …); an honorific right before the name weighs three. Ties and
        persons without votes stay unknown, compatible with any pronoun."""
        votes: dict[str, Counter] = {}
        words = self.lex.gender_words
        persons = [e for e in self.persons if self._strip_name(e.text)]
        if not persons:
            return {}
        k = 0
        for sent in self.doc.sents:
            people = []
            while k < len(persons) and persons[k].start < sent.end:
                people.append(persons[k])
                k += 1
            if not people:
                continue
            norms = {self._person_norm(e.text) for e in people}
            if len(norms) != 1:
                continue
            tally = votes.setdefault(norms.pop(), Counter())
            clauses = {_clause_head(e.root).i for e in people}
            # only words of the person's own clause: "Harper knew in his bones that she
            # was perfect" says nothing about Harper through "she"
            tally.update(words[t.lower_.rstrip(".")] for t in sent
                         if t.lower_.rstrip(".") in words and _clause_head(t).i in clauses)
            for e in people:
                before = self.doc[e.start - 1].lower_.rstrip(".") if e.start > 0 else ""
                if before in words:
                    tally[words[before]] += 2  # three with the vote of the word itself
        out = {}
        for norm, tally in votes.items():
            m, f = tally["m"], tally["f"]
            if m != f:
                out[norm] = "m" if m > f else "f"
        return out

    # ----------------------------------------------------------------- names

    def _strip_name(self, name: str) -> str:
        return bare_name(name)  # one rule with the entities' norms

    def _person_norm(self, name: str) -> str:
        name = self._strip_name(name)
        last = name.split()[-1].lower() if name else ""
        full = self.full_names.get(last)
        return full if full and len(full) >= len(name) else name

    # ----------------------------------------------------------------- types

    def _head_words(self, head: "Token") -> tuple[str, str]:
        return head.lower_, head.lemma_.lower()

    def _is_media(self, text: str, head: "Token") -> bool:
        low = self._strip_name(text).lower()
        if low in self.lex.media_names or text.lower() in self.lex.media_names:
            return True
        if head.pos_ == "PROPN" and head.text in self.lex.masthead_words:
            return True  # "The San Francisco Chronicle", "the Post"
        word, lemma = self._head_words(head)
        if word in self.lex.media_heads or lemma in self.lex.media_heads:
            needs = self.lex.media_head_needs_modifier.get(lemma)
            if needs is None:
                return word != "report"
            return any(c.lower_ in needs for c in head.lefts)
        return False

    def source_type(self, text: str, head: "Token", ent_label: str | None) -> str | None:
        word, lemma = self._head_words(head)
        low = text.lower()
        if self._is_media(text, head):
            return "media"
        if ent_label is None and (word in self.lex.document_heads or lemma in self.lex.document_heads):
            return "document"
        if ent_label == "PERSON":
            return "person"
        if ent_label == "GPE":
            return "government"
        if word in self.lex.government_heads or lemma in self.lex.government_heads or (
                ent_label == "ORG" and any(w in low for w in self.lex.government_name_words)):
            return "government"
        if ent_label in ("ORG", "FAC") or word in self.lex.organization_heads \
                or lemma in self.lex.organization_heads:
            return "organization"
        if word in self.lex.anonymous_heads or lemma in self.lex.anonymous_heads:
            return "anonymous"
        if head.pos_ == "PROPN":  # "Human Rights Watch", "Direct Relief": no person's name ends so
            return "organization" if word in organization_name_heads() else "person"
        return "anonymous"

    # ----------------------------------------------------------------- resolution

    def _unnamed_norm(self, head: "Token", span: tuple[int, int]) -> str:
        doc = self.doc
        toks = [t for t in doc.char_span(span[0], span[1], alignment_mode="expand")]
        # partitive "several of the witnesses" → "witnesses"
        if head.lower_ in self.lex.drop_leading or head.pos_ in ("NUM", "PRON", "ADJ"):
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None:
                return self._unnamed_norm(pobj, (pobj.left_edge.idx,
                                                 pobj.right_edge.idx + len(pobj.right_edge)))
        # coordinated sources: the first conjunct
        conj_cut = next((t.i for t in toks if t.dep_ == "cc" and t.head.i <= head.i), None)
        if conj_cut is None:
            conj_cut = next((t.i for t in toks if t.dep_ == "cc"), None)
        if conj_cut is not None:
            toks = [t for t in toks if t.i < conj_cut]
        while toks and (toks[0].lower_ in self.lex.drop_leading or toks[0].pos_ == "NUM"
                        or toks[0].dep_ == "predet"):
            if len(toks) == 1:
                break
            toks = toks[1:]
        text = "".join(t.text_with_ws for t in toks).strip()
        return text.lower() if text else head.text

    def _defined(self, span: tuple[int, int]) -> tuple[int, int, str] | None:
        """(start, end, name) of a mention that is, up to the next closing bracket, a name
        with the acronym the text defines for it: "Doctors Without Borders (MSF" cut
        before its bracket, or "Save" read as a verb before "the Children (STC)"
        (:func:`pipeline.names.defined_name`); None for other mentions."""
        if not self.acronyms:
            return None
        text = doc_text(self.doc)
        close = text.find(")", span[1] - 1, span[1] + 60)
        if close == -1 or "." in text[span[1]:close]:
            return None
        named = defined_name(text[span[0]:close + 1], self.acronyms)
        return (span[0], close + 1, named) if named else None

    def resolve(self, head: "Token", span: tuple[int, int]) -> Source:
        """Canonical name, type and number of the source mention (see the module docstring)."""
        doc = self.doc
        text = doc_text(doc)[span[0]:span[1]]
        word = head.lower_
        number = "plur" if "Plur" in head.morph.get("Number") else "sing"
        acronym = head.text.replace(".", "")
        if acronym.isupper() and head.pos_ != "PROPN" and (acronym in self.acronyms or _shouted(head)):
            # a defined acronym the tagger read as a word ("WHO" as a pronoun)
            return Source(text, span, self.acronyms.get(acronym, acronym), self.source_type(text, head, "ORG"),
                          number, head)
        if head.pos_ == "PRON" and word in self.lex.pronouns:
            return self._pronoun(head, text, span)
        if (named := self._defined(span)) is not None:  # "Doctors Without Borders (MSF)"
            start, end, name = named
            return Source(doc_text(doc)[start:end], (start, end), name, self.source_type(name, head, "ORG"), "sing", head)
        if (joined := self._joined_name(span)) is not None:
            return Source(text, span, joined, self.source_type(joined, head, "ORG"), "sing", head)
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "residents, who said": the relative pronoun as written, the antecedent as norm
            ante = self.resolve(*source_phrase(head.head.head))
            return Source(text, span, ante.norm, ante.type, ante.number, head)
        if (member := self._member_agency(head, span) or self._own_people(head)) is not None:
            return Source(text, span, member.norm, member.type, number, head)
        if (name := self._function_word_name(span)) is not None:
            return Source(text, span, name, "organization", number, head)
        ent = _entity_of(head)
        label = doc[ent[0]].ent_type_ if ent else None
        # coordinated named first conjunct ("Reuters reporting and several groups")
        if ent is None and (head.lower_ in self.lex.media_heads or head.lemma_.lower() in self.lex.document_heads):
            # "the AFP news agency", and the name set beside it ("the state news agency IRNA":
            # real-world figure source dev 0.770 -> 0.771, test unchanged)
            for c in head.children:
                if (c.dep_ == "compound" and c.i < head.i or c.dep_ == "appos") and c.ent_type_ in ("ORG", "PERSON"):
                    e2 = _entity_of(c)
                    if e2 is not None:
                        ent, label = e2, c.ent_type_
        stype = None
        if ent is not None and label in ("PERSON", "ORG", "GPE", "FAC", "NORP") and not (
                label == "NORP" and head.pos_ == "NOUN"):
            name = doc[ent[0]:ent[1]].text
            single = len(self._strip_name(name).split()) == 1
            org = self._match_org(self._strip_name(name)) if single else None
            if single and label != "PERSON" and self._strip_name(name).lower() in self.full_names:
                label = "PERSON"  # "Sharaa" tagged ORG after "Ahmed al-Sharaa" was a person
            if label == "PERSON" and org and len(self.full_names.get(name.lower(), "").split()) < 2:
                norm, label = org, "ORG"  # "the Observatory" misread as a person
            elif label == "PERSON":
                norm = self._person_norm(name)
            else:
                norm = self._strip_name(name)
                key = norm.replace(".", "")
                norm = self.acronyms.get(key, org or norm)  # "the Network" → the longer name
                if label == "ORG" and key not in self.acronyms:
                    norm = self._longer_name(norm, span) or norm
            if self._is_media(norm, head) or norm.lower() in self.lex.media_names:
                stype = "media"
            if label == "NORP":
                label = None
                norm = self._unnamed_norm(head, span)
        elif head.pos_ == "PROPN" or head.text[:1].isupper() and head.lower_ in self.full_names:
            # a name, also one the tagger misread ("Brantly" as an adverb)
            label = None
            name = self._strip_name(doc[head.left_edge.i:head.i + 1].text
                                    if head.left_edge.idx >= span[0] else head.text)
            key = head.text.replace(".", "")
            if key in self.acronyms:
                norm, label = self.acronyms[key], "ORG"
            elif head.lower_ in self.full_names:
                norm, label = self.full_names[head.lower_], "PERSON"
            else:  # "the Observatory" names an earlier organisation; "the Interior Ministry" does not
                org = self._body_named_in(head) or self._named_body(head, span) or (
                    self._match_org(head.text) if len(name.split()) == 1 else None)
                norm, label = (org, "ORG") if org else (name, None)
        elif (giver := self.giver(head)) is not None and self.resolved(found := self.resolve(*source_phrase(giver))):
            return Source(text, span, found.norm, found.type, found.number, head)
        else:
            found = self._common_noun(head, span, text, number)
            if isinstance(found, Source):
                return found
            norm, label = found
        stype = stype or self.source_type(text, head, label)
        if label == "GPE" and (adj := demonym(norm)) is not None:
            norm = f"{adj} government"  # "Spain said": the Spanish government
        elif stype in ("government", "organization"):
            norm = self._country_qualified(head, norm)
        return Source(text, span, norm, stype, number, head)

    def _common_noun(self, head: "Token", span: tuple[int, int], text: str,
                     number: str) -> "Source | tuple[str, str | None]":
        """A source whose head is a common noun: a finished :class:`Source` when it is
        someone named elsewhere (a spokesperson's body, a person named by apposition, the
        organisation quoted before), else its (norm, entity label)."""
        label = None
        norm = self._unnamed_norm(head, span)
        lemma = head.lemma_.lower()
        if (named_person := self._named_in_apposition(head)) is not None:
            return Source(text, span, named_person, "person", "sing", head)
        if lemma in self.lex.spokesperson_heads and (body := self._speaks_for(head)) is not None:
            return Source(text, span, body.norm, body.type, number, head)
        if (earlier := self._same_group(head, span, norm)) is not None:
            return Source(text, span, earlier.norm, earlier.type, number, head)
        if (titled := self._titled_person(head)) is not None:
            return Source(text, span, titled, "person", "sing", head)
        if (medium := self._named_medium(text, head)) is not None:
            return Source(text, span, medium, "media", number, head)
        named = None if self._is_media(text, head) else (
            self._body_named_in(head) or self._named_body(head, span))
        if named:
            norm, label = named, "ORG"
        elif self._is_media(text, head) and self.media_seen and not self.lex.media_names & {text.lower()}:
            if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children) and not any(
                    c.lower_ in self.lex.owned_media_modifiers for c in head.lefts):
                norm = self.media_seen.most_common(1)[0][0]  # "the news agency" → Reuters, not "the state news agency"
        elif lemma == "government" and self.country_adj and not any(
                c.dep_ in ("amod", "compound", "poss") for c in head.children):
            norm = f"{self.country_adj} government"
        elif lemma in self.lex.spokesperson_heads and number == "sing" and not any(
                c.dep_ in ("prep", "poss", "compound") for c in head.children):
            body = next((s for s in reversed(self.recent(span[0], 6))
                         if s.type in ("organization", "government", "media")), None)
            if body is not None:
                return Source(text, span, body.norm, body.type, "sing", head)
        elif lemma in self.named_by_appos and self.named_by_appos[lemma][0] > span[0] \
                and number == "sing" and any(
                c.dep_ in ("det", "nummod") and c.lower_ in ("one", "a", "an", "the")
                for c in head.children):
            name = self.named_by_appos[lemma][1]
            return Source(text, span, self._person_norm(name), "person", "sing", head)
        elif head.text[:1].isupper() and lemma not in self.lex.anonymous_heads and self._match_org(head.text):
            norm, label = self._match_org(head.text), "ORG"
        elif (body := self._body_quoted_before(head, span)) is not None:
            return Source(text, span, body.norm, body.type, number, head)
        return norm, label

    def _named_medium(self, text: str, head: "Token") -> str | None:
        """"The Yonhap news agency": a media noun whose compound before it is a proper name
        is that name, not the medium quoted most in the document ("the news agency" alone
        is); None for any other phrase."""
        if not self._is_media(text, head):
            return None
        names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
        if not names:
            return None
        return self._strip_name(self.doc[names[0].left_edge.i:names[-1].i + 1].text)

    def _function_word_name(self, span: tuple[int, int]) -> str | None:
        """"Doctors Without Borders", "Mothers Against Drunk Driving": a source phrase of
        capitalised words with a capitalised function word inside (:func:`_capitalised_inside`)
        is an organisation's name, which the tagger reads as common nouns ("doctors", an
        anonymous source). The phrase without its article; None for any other phrase."""
        toks = list(self.doc.char_span(*span, alignment_mode="expand") or [])
        toks = toks[1:] if toks and toks[0].lower_ == "the" else toks  # the name without its article
        if len(toks) < 3 or not all(t.text[:1].isupper() or self._joiner(t) for t in toks) \
                or any(t.ent_type_ == "PERSON" for t in toks):
            return None  # "Commander Stuart Cundy of the Metropolitan Police" is a person
        if not any(t.is_stop and _capitalised_inside(t) or self._joiner(t) for t in toks[1:-1]):
            return None
        if self._joiner(toks[0]) or self._joiner(toks[-1]) or any(self._joiner(t) for t in toks) and (
                toks[0].lower_ in self.lex.anonymous_heads or toks[0].lemma_.lower() in self.lex.anonymous_heads):
            return None  # "Lawyers for Velin Council": people, not a name
        return self.doc[toks[0].i:toks[-1].i + 1].text

    def _joiner(self, t: "Token") -> bool:
        """A lower-case word that joins a name ("Save **the** Children": ``name_joiners``)."""
        return t.is_lower and t.lower_ in self.lex.name_joiners

    def _titled_person(self, head: "Token") -> str | None:
        """"the minister said", "…: minister" in a headline: a bare singular title
        (``titles`` in models/names) is the one person the document names right after
        that title, its modifiers included ("Interior Minister Gerald Darmanin"), before
        or after the source; None when no person, or several, carry it. A heuristic:
        real-world figure source dev 0.791 -> 0.793, test 0.703 -> 0.709."""
        lemma = head.lemma_.lower()
        if lemma not in titles() or "Plur" in head.morph.get("Number") or any(
                c.dep_ in ("poss", "prep", "nummod") or c.dep_ == "det" and c.lower_ != "the"
                for c in head.children):
            return None
        mods = [c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound")]
        found = {self._person_norm(e.text) for e in self.persons
                 if e.start > len(mods) and self.doc[e.start - 1].lemma_.lower() == lemma
                 and [t.lower_ for t in self.doc[e.start - 1 - len(mods):e.start - 1]] == mods}
        return found.pop() if len(found) == 1 else None

    def _same_group(self, head: "Token", span: tuple[int, int], norm: str) -> "Source | None":
        """"… according to officials at the disaster headquarters. …, the officials said":
        a bare definite plural ("the officials", "the sources") is the group of that noun
        quoted last before it, under the fuller name it had there ("military sources", the
        body the officials spoke for). A heuristic: real-world figure source dev 0.753 ->
        0.758, test unchanged."""
        if "Plur" not in head.morph.get("Number") or any(
                c.dep_ != "det" or c.lower_ not in ("the", "these", "those") for c in head.lefts):
            return None
        if not any(c.dep_ == "det" for c in head.lefts) or any(c.dep_ != "punct" for c in head.rights):
            return None
        lemma = head.lemma_.lower()
        # not a subgroup of the noun ("teachers' unions") nor one body ("the CGT union")
        return next((s for s in reversed(self.recent(span[0], 6)) if s.head is not None and s.number == "plur"
                     and s.head.lemma_.lower() == lemma and s.head.i != head.i and s.norm != norm
                     and not any(c.dep_ == "poss" for c in s.head.children)), None)

    def _joined_name(self, span: tuple[int, int]) -> str | None:
        """"Kensington and Chelsea Council said": two proper names joined by "and" before
        a body noun (``descriptor_heads``, ``government_heads``) are one body's name, not
        coordinated sources (the parser coordinates "Kensington" with "Chelsea Council").
        The phrase without its article; None for any other phrase. A heuristic: real-world
        figure source dev 0.768 -> 0.770, test unchanged."""
        toks = [t for t in self.doc.char_span(*span, alignment_mode="expand") or [] if t.lower_ not in ("the",)]
        if len(toks) < 4 or [t.lower_ for t in toks].count("and") != 1:
            return None
        last = toks[-1]
        if last.lower_ not in self.lex.descriptor_heads and last.lemma_.lower() not in self.lex.government_heads:
            return None
        if any(t.lower_ != "and" and (t.pos_ != "PROPN" or not t.text[:1].isupper()) for t in toks[:-1]):
            return None
        return " ".join(t.text for t in toks)

    def _named_in_apposition(self, head: "Token") -> str | None:
        """"the deputy governor of East Java, Emil Dardak, said": the person a title noun
        is set beside."""
        # the parser may hang the name on the title's "of" phrase ("of East Java, Emil Dardak")
        # a title's two-word name the recogniser took for a place ("Emil Dardak" as GPE) is a
        # person too (real-world figure source dev 0.765 -> 0.768, test unchanged)
        kinds = ("PERSON", "GPE") if head.lemma_.lower() in titles() else ("PERSON",)
        for c in head.subtree:
            if c.dep_ == "appos" and c.ent_type_ in kinds and (ent := _entity_of(c)) is not None \
                    and (c.ent_type_ == "PERSON" or ent[1] - ent[0] >= 2) \
                    and (c.head.i == head.i or c.head.dep_ == "pobj" and c.head.head.head.i == head.i):
                return self._person_norm(self.doc[ent[0]:ent[1]].text)
        return None

    def _speaks_for(self, head: "Token") -> "Source | None":
        """The body an unnamed spokesperson or official speaks for (docs/annotation.md 6.4):
        "a spokesperson for the Hong Kong Hospital Authority", "officials at the Central
        Disaster Headquarters", "a senior Red Cross official". Only a named body or a
        body noun; "government officials" stay officials."""
        for c in head.children:
            if c.dep_ == "compound" and c.ent_type_ == "ORG" and (ent := _entity_of(c)) is not None \
                    and head.i not in range(*ent):
                return self.resolve(self.doc[ent[1] - 1], (self.doc[ent[0]].idx, self.doc[ent[1] - 1].idx
                                                           + len(self.doc[ent[1] - 1])))
            if c.dep_ == "prep" and c.lower_ in ("for", "at", "of", "from", "with"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if pobj.ent_type_ == "ORG" or pobj.lemma_.lower() in self.lex.bodies:
                    found = self.resolve(*source_phrase(pobj))
                    if found.type in ("government", "organization", "media"):
                        return found
        return None

    def _country_qualified(self, head: "Token", norm: str) -> str:
        """A body with its country: "Morocco's Interior Ministry", "police in Malaysia" →
        "Moroccan Interior Ministry", "Malaysian police" (:func:`pipeline.names.demonym`);
        a country the name already carries stays once ("the Moroccan Interior Ministry"),
        and only a generic name of at most three words headed by a body noun takes one
        ("Spain's National Disaster Management Authority" is that authority's own name);
        the head of "Ministry of Health" is "Ministry" ("Sudan's Ministry of Health" →
        "Sudanese Ministry of Health": real-world figure source dev 0.774 → 0.776, test
        unchanged). The country may be fronted before the subject ("In Sri Lanka, the
        Public Security Ministry says": dev 0.788 → 0.789, test unchanged)."""
        owner = re.match(r"(.+?)['’]s\s+(.+)", norm)
        if owner and (adj := demonym(owner.group(1))) is not None:
            return f"{adj} {owner.group(2)}"
        words = norm.split()
        # "Ministry of Health": the body noun heads the name before its "of" phrase
        noun = words[words.index("of") - 1 if "of" in words[1:] else -1].lower()
        if len(words) > 3 or norm.isupper() or noun not in self.lex.descriptor_heads \
                and noun not in self.lex.government_heads:
            return norm  # a body's own full name ("National Disaster Management Authority") needs none
        country = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "GPE"), None)
        if country is None:
            country = _in_place(head) or (_in_place(head.head, before=head.i) if head.dep_ == "nsubj" else None)
        if country is None and (country := self._country_anaphor(head)) is not None:
            # "country's government", "its interior ministry" → "government", "interior ministry"
            first, _, rest = norm.partition(" ")
            norm = owner.group(2) if owner else rest if rest and first.lower() in self.lex.possessives else norm
        if country is None:
            return norm
        ent = _entity_of(country)
        adj = demonym(self.doc[ent[0]:ent[1]].text if ent else country.text)
        if adj is None or adj.lower() in norm.lower() or country.text.lower() in norm.lower():
            return norm
        return f"{adj} {norm}"

    def _country_anaphor(self, head: "Token") -> "Token | None":
        """The country a possessive stands for: "the country's" (``country_anaphors``) is
        the latest country named before it in the sentence ("… in Guinea, the country's
        health officials say"); "its" only when no person or body is named between them
        ("Sri Lanka has rival numbers: its Public Security Ministry says"). A heuristic:
        real-world figure source dev 0.759 -> 0.762, test unchanged (0.715)."""
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None or poss.lemma_.lower() not in self.lex.country_anaphors and poss.lower_ != "its":
            return None
        before = [t for t in poss.sent if t.i < poss.i]
        # any name the demonyms know: the recogniser reads "Sri Lanka" as a person at times
        place = next((t for t in reversed(before) if (e := _entity_of(t)) is not None
                      and demonym(self.doc[e[0]:e[1]].text) is not None), None)
        if place is None or poss.lower_ == "its" and any(
                t.ent_type_ in ("ORG", "PERSON", "NORP") or t.lemma_.lower() in self.lex.bodies
                for t in before if t.i > place.i):
            return None
        return place

    def _match_org(self, word: str) -> str | None:
        """An earlier organisation name containing the capitalised word ("Observatory")."""
        if not word[:1].isupper():
            return None
        for name in [*self.orgs, *self.acronyms.values()]:
            if word in name.split() and name != word:
                return name
        return None

    def recent(self, before: int, n: int) -> list[Source]:
        """The last ``n`` sources of earlier attributions mentioned before character
        ``before``. The per-figure and other relations are resolved after the whole
        document's history is known: the last entries of the history would be later
        speakers, and "Its previous count" near the top would find no antecedent
        (real-world figure source dev 0.714 -> 0.716, test unchanged)."""
        return [s for s in self.history if s.span[0] < before][-n:]

    @staticmethod
    def resolved(source: Source) -> bool:
        """False for a pronoun left as written ("its" with no antecedent)."""
        return source.head is None or source.head.pos_ != "PRON" or source.norm != source.text

    def giver(self, head: "Token") -> "Token | None":
        """Who issued the figures, report or data a source phrase names: "figures from the
        WHO", "a count by the AP", "figures released by the government", "the agency's update" (a heuristic
        on the parse; the norm becomes the giver's, the source phrase stays as written)."""
        words = self.lex.document_heads | self.lex.figure_nouns
        if head.pos_ not in ("NOUN", "PROPN") or (head.lower_ not in words and head.lemma_.lower() not in words):
            return None
        for c in head.children:
            if c.dep_ == "poss" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in self.lex.possessives):
                return c
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):  # "a count by the AP"
                return self._agentive(next((g for g in c.children if g.dep_ == "pobj"), None))
            if c.dep_ == "acl" and c.tag_ == "VBN":
                agent = next((a for a in c.children if a.dep_ == "agent"), None)
                if agent is not None:
                    return self._agentive(next((g for g in agent.children if g.dep_ == "pobj"), None))
        return None

    def count_giver(self, head: "Token | None", of: bool = True) -> "Token | None":
        """Who gives a tally that frames a figure ("by the count of the army control
        room", "on the police count"): :meth:`giver`, or else an "of" object or noun
        modifier of the tally noun that can give figures. Only under a framing preposition
        (``count_frames``): elsewhere "the number of people" and "the death count" are no
        givers. A heuristic on the parse (with "reckoning" and "account" as tally nouns):
        real-world figure source dev 0.756 -> 0.759, test 0.710 -> 0.715. A demonstrative
        standing for the tally ("by that of the unions", ``back_determiners``) takes its "of"
        giver too. With ``of`` False only a noun modifier counts ("The police estimate was
        240,000"; "the number of people was 300" names no giver)."""
        if head is None:
            return None
        if (found := self.giver(head)) is not None:
            return found
        # "160,000 by that of the inter-union": a demonstrative standing for the tally
        # named before it, with its giver in an "of" phrase
        stands_for = head.lower_ in self.lex.back_determiners and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if head.lemma_.lower() not in self.lex.figure_nouns and not stands_for:
            return None
        for c in head.children:
            of_object = of and c.dep_ == "prep" and c.lower_ == "of"
            tok = c if c.dep_ == "compound" else next(
                (g for g in c.children if g.dep_ == "pobj"), None) if of_object else None
            if (found := self._agentive(tok)) is not None:
                return found
        return None

    def _agentive(self, tok: "Token | None") -> "Token | None":
        """``tok`` when it can give figures: a person, body or place by name, or a noun for
        people, bodies or media ("the toll from the stampede" names a cause, not a giver,
        and so does "Toll From Tsunami", an event noun the tagger reads as a name in a
        headline's capitals: ``event_nouns``). A body's office counts too (``office_heads``:
        "the figure from the police prefecture", "by the count of the army control room";
        real-world figure source dev 0.805 -> 0.806 for "room", test unchanged; source keys
        per gold body dev 1.202 -> 1.205)."""
        if tok is None or tok.lower_ in self.lex.event_nouns:
            return None
        words = self.lex.people_and_bodies | self.lex.bodies | self.lex.office_heads
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.lower_ in words or tok.lemma_.lower() in words \
                or tok.text.replace(".", "").isupper() and len(tok.text) > 1:
            return tok
        return None

    def _longer_name(self, name: str, span: tuple[int, int]) -> str | None:
        """The latest earlier organisation name that has every word of ``name`` and more
        ("Hospital Authority" after "Hong Kong Hospital Authority")."""
        words = set(_NAME_SPLIT.split(name.lower()))
        return self._latest_org(span[0], lambda other, its: len(other) > len(name) and words <= its)

    def _latest_org(self, before: int, fits: "Callable[[str, frozenset[str]], bool]") -> str | None:
        """The latest organisation name mentioned before character ``before`` that
        ``fits`` (its name and lower-case words)."""
        return next((name for start, name, words in reversed(self.org_at) if start < before and fits(name, words)),
                    None)

    def _named_body(self, head: "Token", span: tuple[int, int]) -> str | None:
        """The body a descriptive source names (a heuristic, measured on the real-world
        dev split, docs/evaluation.md): "the ministry" → the latest earlier organisation
        whose name has the word ("Ministry of Health"), with every capitalised modifier
        ("the Hospital Authority" → "Hong Kong Hospital Authority"; "Chelsea council" →
        "Kensington and Chelsea Council") and every lower-case noun modifier ("the health
        ministry"). None when no earlier name has them all, and for a body a country owns
        ("India's foreign ministry" was "Indian Saudi Health Ministry"; real-world
        metrics unchanged)."""
        word, lemma = head.lower_, head.lemma_.lower()
        if word not in self.lex.descriptor_heads and lemma not in self.lex.descriptor_heads:
            return None
        if any(c.dep_ == "poss" and c.ent_type_ == "GPE" for c in head.children):
            return None  # "India's foreign ministry" is India's, named by its country below
        # a lower-case noun modifier names the body too: "the religious affairs ministry" is
        # not the "Health Ministry" named before (real-world figure source dev 0.751 -> 0.753)
        mods = {c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()
                or c.dep_ == "compound" and c.pos_ == "NOUN"}
        own = doc_text(self.doc)[span[0]:span[1]].lower()
        return self._latest_org(span[0], lambda name, words: (word in words or lemma in words) and mods <= words
                                and name.lower() not in own)

    def _body_named_in(self, head: "Token") -> str | None:
        """"the hard-left CGT union", "the charity Habitat for Humanity": a descriptive
        head whose compound or apposition is a proper name gives that name."""
        if head.lemma_.lower() not in self.lex.descriptor_heads:
            return None
        for c in head.children:
            # a compound must be a name, not a capitalised word ("the State government")
            if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" and c.i != head.i and (
                    c.dep_ == "appos" or c.ent_type_ in ("ORG", "PERSON") or c.text.replace(".", "").isupper()):
                toks = list(c.subtree) if c.dep_ == "appos" else [*(k for k in c.lefts if k.dep_ == "compound"), c]
                name = self._strip_name("".join(t.text_with_ws for t in toks).strip(" ,"))
                if name[:1].isupper():
                    return self.acronyms.get(name.replace(".", ""), name)
        return None

    def _body_quoted_before(self, head: "Token", span: tuple[int, int]) -> "Source | None":
        """"the agency said" with no name to match: the latest organisation quoted in the
        last six attributions (not for government nouns), whose name holds the place the
        phrase names, if any ("the Philippines disaster council" is not the U.S. Geological
        Survey quoted before)."""
        word, lemma = head.lower_, head.lemma_.lower()
        if lemma not in self.lex.descriptor_heads or "Plur" in head.morph.get("Number") or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children):
            return None
        if word in self.lex.government_heads or lemma in self.lex.government_heads:
            return None  # "the government", "the ministry": a mayor or an army quoted before is not it
        places = {c.lower_.replace(".", "") for c in head.lefts
                  if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC", "NORP")}
        return next((s for s in reversed(self.recent(span[0], 6)) if s.type == "organization"
                     and s.norm[:1].isupper() and places <= set(s.norm.lower().replace(".", "").split())),
                    None)

    def _member_agency(self, head: "Token", span: tuple[int, int]) -> "Source | None":
        """"The U.N. agency said": a descriptive head whose compound is an umbrella
        organisation (``umbrella_bodies``) names one of its member bodies, the latest
        organisation quoted before it (as "the agency" does), not the umbrella. A
        heuristic: real-world figure source dev 0.735 -> 0.746, test unchanged."""
        comps = [c for c in head.lefts if c.dep_ == "compound"]
        if not comps or head.lemma_.lower() not in self.lex.descriptor_heads:
            return None
        words = self.doc[comps[0].left_edge.i:head.i].text.replace(".", "").lower()
        if words not in self.lex.umbrella_bodies:
            return None
        return next((s for s in reversed(self.recent(span[0], 6)) if s.type == "organization"
                     and s.norm[:1].isupper() and s.norm.replace(".", "").lower() not in self.lex.umbrella_bodies),
                    None)

    def _own_people(self, head: "Token") -> "Source | None":
        """"Its teams counted …", "their researchers found …": the people of a body named
        by a possessive pronoun (``staff_heads``) speak for the body the pronoun stands
        for, when it stands for a body. A heuristic: real-world figure source dev 0.860 ->
        0.862, test unchanged."""
        poss = next((c for c in head.children if c.dep_ == "poss" and self.lex.pronouns.get(c.lower_) in (
            "thing", "plur")), None)
        if poss is None or head.lemma_.lower() not in self.lex.staff_heads:
            return None
        opens = poss.i == poss.sent.start  # a pronoun that opens its sentence
        owner = opens and self._previous_subject(head) or self._pronoun(
            poss, poss.text, (poss.idx, poss.idx + len(poss)))
        return owner if owner.type in ("organization", "government", "media") and owner.norm != poss.text else None

    def _previous_subject(self, tok: "Token", named: bool = True) -> "Source | None":
        """The body (by name when ``named``) that is the subject of the sentence before
        ``tok``'s, the nearest antecedent of a pronoun that opens a sentence ("The Research
        Institute … offered a third set of numbers. Its teams counted …"; "The government
        has designated … It has also said …")."""
        if tok.sent.start == 0:
            return None
        root = self.doc[tok.sent.start - 1].sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                     and (c.pos_ == "PROPN" or not named and c.pos_ == "NOUN")), None)
        found = self.resolve(*source_phrase(subj)) if subj is not None else None
        if found is None or found.type not in ("organization", "government", "media"):
            return None
        return found if not named or found.norm[:1].isupper() else None

    def _subject_before(self, pron: "Token") -> Source | None:
        """"The Interior Ministry counts 1.28 million, slightly more than on January 31,
        which it had put at 1.27 million": "it" or "they" whose sentence has a body as an
        earlier subject takes it (nearest first), before any earlier sentence's speaker."""
        sent = pron.sent
        for t in reversed(sent[:pron.i - sent.start]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.i < pron.i:
                found = self.resolve(*source_phrase(t))
                named = found.norm[:1].isupper()  # a body by name, not "more bodies"
                return found if named and found.type in ("government", "organization", "media") else None
        return None

    def label_source(self, label: "Span", acronym: bool) -> Source:
        """The source a headline label names: an acronym as the document defines it ("WHO"
        is a name here, never the pronoun), else the label resolved as a noun phrase."""
        span = (label.start_char, label.end_char)
        if acronym:
            key = label[-1].text.replace(".", "")
            norm = self.acronyms.get(key, key)
            return Source(label.text, span, norm, self.source_type(label.text, label[-1], "ORG"), "sing", label[-1])
        return self.resolve(label[-1], span)

    def _someone(self, s: Source) -> bool:
        """Whether a singular unnamed source can be "he" or "she": a person, or a noun for
        people (``anonymous_heads``, a title); "A stampede implies …" is an unnamed source
        but no one a later "he said" stands for. A heuristic: real-world figure source dev
        0.762 -> 0.764, test unchanged."""
        if s.type != "anonymous" or s.head is None:
            return True
        lemma = s.head.lemma_.lower()
        return lemma in self.lex.anonymous_heads or s.head.lower_ in self.lex.anonymous_heads or lemma in titles()

    @staticmethod
    def _office(s: Source) -> bool:
        """Whether a source typed a government is one office holder, who can be "he" or
        "she": a singular title as head ("the governor said …. By that afternoon he had
        acknowledged one death"), not a body ("the ministry"). A heuristic on titles."""
        return s.type == "government" and s.number == "sing" and s.head is not None \
            and s.head.lemma_.lower() in titles()

    def _pronoun(self, head: "Token", text: str, span: tuple[int, int]) -> Source:
        kind = self.lex.pronouns[head.lower_]
        want_plur = kind == "plur"
        gender = self.lex.pronoun_gender.get(head.lower_)

        def agrees(norm: str) -> bool:  # "she" is never someone the text calls "he"
            return gender is None or self.gender.get(norm, gender) == gender

        def persons() -> Iterator[tuple[Span, str]]:
            """Agreeing person entities within 600 characters before the pronoun, nearest first."""
            for ent in reversed(self.persons):
                if ent.end_char <= span[0]:
                    if span[0] - ent.end_char >= 600:
                        return
                    norm = self._person_norm(ent.text)
                    if agrees(norm):
                        yield ent, norm

        # the subject that opens a sentence continues the previous sentence's subject,
        # whoever spoke last: real-world figure source dev and test unchanged (one dev
        # figure goes from the last speaker to the body it names, a naming matter)
        if kind in ("thing", "plur") and head.i == head.sent.start and head.dep_ in ("nsubj", "nsubjpass") \
                and (body := self._previous_subject(head, named=False)) is not None:
            return Source(text, span, body.norm, body.type, "plur" if want_plur else "sing", head)
        if kind in ("thing", "plur") and (body := self._subject_before(head)) is not None:
            return Source(text, span, body.norm, body.type, "plur" if want_plur else "sing", head)
        for s in reversed(self.recent(span[0], 8)):
            if kind == "sing" and (s.type in PERSONAL or self._office(s)) and s.number == "sing" \
                    and agrees(s.norm) and self._someone(s):
                # a person named as the subject of a later sentence is more salient than
                # this earlier speaker ("Steenburgen had spent years on it. “…,” she
                # said."), unless only the speaker is known to take this pronoun
                ent, norm = next(((e, n) for e, n in persons() if e.root.dep_ in ("nsubj", "nsubjpass")),
                                 (None, None))
                if ent is not None and ent.start_char > s.span[1] and (
                        gender is None or norm in self.gender or s.norm not in self.gender):
                    return Source(text, span, norm, "person", "sing", head)
                return Source(text, span, s.norm, s.type, "sing", head)
            if want_plur and (s.number == "plur" or s.type in ("organization", "government")):
                return Source(text, span, s.norm, s.type, "plur", head)
            if kind == "thing" and (s.type in ("organization", "government", "media", "document")
                                    or s.type == "anonymous" and s.number == "sing" and not self._someone(s)):
                # "The panel listed 48 casualties. Of these, 24 were shot, it said.": a
                # body by a common noun (not a noun for people, :meth:`_someone`) is "it"
                return Source(text, span, s.norm, s.type, "sing", head)
        if kind == "sing":
            _, norm = next(persons(), (None, text))
            return Source(text, span, norm, "person", "sing", head)
        if kind == "thing":
            return Source(text, span, text, "organization", "sing", head)
        return Source(text, span, text, "anonymous", "plur", head)
