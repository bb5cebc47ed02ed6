"""The ``"claims"`` spaCy component: newsclaims inside your own spaCy pipeline.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("claims")                 # after the parser and NER
    doc = nlp(text)                        # or set doc._.published first (ISO date)
    doc._.claims                           # claim records, as in claims.jsonl

The factory is registered through the ``spacy_factories`` entry point, so no
import is needed. The component cleans the text (only to decide which sentences
are article body and their section: the Doc is already parsed), then runs
extract → attribute → hedge. ``to_disk``/``from_disk`` keep its config only; the
lexicons it uses ship with the package. spaCy imports every registered factory
whenever it loads any model, so this module imports the stages only when the
component first runs.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("claims", "published", "doc_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str, all_sentences: bool, keep_all: bool):
        self.name = name
        self.all_sentences = all_sentences
        self.keep_all = keep_all

    def __call__(self, doc: Doc) -> Doc:
        from .clean import CleanSettings, clean
        from .emit import claim_record
        from .ingest import content_id
        from .stages import run_stages

        cleaned = clean(doc.text, published=doc._.published,
                        settings=CleanSettings(keep_all=self.keep_all))
        published = doc._.published or cleaned.published
        claims = run_stages(doc, cleaned, published=published, all_sentences=self.all_sentences)
        doc_id = doc._.doc_id or content_id(doc.text)
        doc._.claims = [claim_record(doc_id, doc.text, c) for c in claims]
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: tuple = ()) -> "ClaimsComponent":
        return self


@Language.factory("claims", default_config={"all_sentences": False, "keep_all": False},
                  requires=["doc.sents", "doc.ents", "token.dep", "token.lemma"],
                  assigns=["doc._.claims"])
def make_claims_component(nlp: Language, name: str, all_sentences: bool,
                          keep_all: bool) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, all_sentences, keep_all)
