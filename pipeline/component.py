"""The ``"claims"`` spaCy component: newsclaims inside your own spaCy pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("claims")                 # after the parser and NER
    doc = nlp(text)
    doc._.claims                           # claim records, exactly as claims.jsonl has them

``add_pipe("claims")`` also wraps the pipeline's tokenizer in a
:class:`CleaningTokenizer`, so ``nlp(text)`` parses what ``newsclaims extract`` parses:
the text is cleaned first, removed characters are blanked (``doc.text`` keeps the
length of the input, so every offset is an offset into it; the input itself is
``doc._.cleaned.text``), and each kept segment starts a sentence. A Doc made by another
tokenizer still gets claims, but its parse, made over the junk too, may differ.

To resolve relative dates, set the publication date before the components run:
``doc = nlp.make_doc(text); doc._.published = "2024-03-01"; nlp(doc)``.

The factory is registered through the ``spacy_factories`` entry point, so no import
is needed. ``nlp.to_disk``/``spacy.load`` keep the component's config (config.cfg)
and the wrapped tokenizer's own data; the lexicons ship with the package. spaCy
imports every registered factory whenever it loads any model, so this module imports
the stages only when the component first runs.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Callable

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("claims", "published", "doc_id", "cleaned"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class CleaningTokenizer:
    """The model's tokenizer behind the clean stage: ``tokenizer(text)`` gives the Doc
    the pipeline's engine would parse for ``text``, with the cleaning on ``doc._.cleaned``.
    Serialisation and every other attribute go to the wrapped tokenizer."""

    def __init__(self, inner: Callable[[str], Doc], keep_all: bool):
        self.inner = inner
        self.keep_all = keep_all

    def __call__(self, text: str) -> Doc:
        from .analyze import analysis_doc
        from .clean import CleanSettings, clean

        cleaned = clean(text, settings=CleanSettings(keep_all=self.keep_all))
        doc = analysis_doc(self.inner, cleaned)
        doc._.cleaned = cleaned
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "CleaningTokenizer":
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CleaningTokenizer":
        self.inner.from_bytes(data, **kwargs)
        return self

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str, all_sentences: bool, keep_all: bool):
        self.name = name
        self.all_sentences = all_sentences
        self.keep_all = keep_all
        if not isinstance(nlp.tokenizer, CleaningTokenizer):
            nlp.tokenizer = CleaningTokenizer(nlp.tokenizer, keep_all)

    def __call__(self, doc: Doc) -> Doc:
        from .clean import CleanSettings, clean
        from .emit import claim_record
        from .ingest import content_id
        from .stages import run_stages

        cleaned = doc._.cleaned or clean(doc.text, settings=CleanSettings(keep_all=self.keep_all))
        published = doc._.published or cleaned.published
        claims = run_stages(doc, cleaned, published=published, all_sentences=self.all_sentences)
        doc_id = doc._.doc_id or content_id(cleaned.text)
        doc._.claims = [claim_record(doc_id, cleaned.text, c) for c in claims]
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)  # its settings live in config.cfg

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "ClaimsComponent":
        return self


@Language.factory("claims", default_config={"all_sentences": False, "keep_all": False},
                  requires=["doc.sents", "doc.ents", "token.dep", "token.lemma"],
                  assigns=["doc._.claims"])
def make_claims_component(nlp: Language, name: str, all_sentences: bool,
                          keep_all: bool) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, all_sentences, keep_all)
