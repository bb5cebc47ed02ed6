"""Named entities of a sentence, with an in-document ``norm`` and a corpus-level ``entity_id``.

Thin version: spaCy's NER spans as they are; ``norm`` is the surface text and
``entity_id`` a case- and punctuation-folded key of it.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span

#: NER labels that are values, handled by the quantity and date extractors.
VALUE_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})
_NON_WORD = re.compile(r"[\W_]+")


def entity_key(name: str) -> str:
    return _NON_WORD.sub("-", name.casefold()).strip("-")


def find_entities(sent: "Span") -> list[Entity]:
    return [Entity(text=e.text, span=[e.start_char, e.end_char], label=e.label_,
                   norm=e.text, entity_id=entity_key(e.text))
            for e in sent.ents if e.label_ not in VALUE_LABELS]
