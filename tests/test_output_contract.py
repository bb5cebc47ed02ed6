"""The output contract on the real corpus: schema, offsets, ids, determinism."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.validate import check_offsets, schema_errors

from .conftest import CORPUS


def _read(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(CORPUS), "-o", str(out), "-q"]) == 0
    return out


def _input_files() -> dict[str, str]:
    """doc_id -> file: the seed articles by name, the real-world test bed by its own
    manifest (a sub-collection's manifest names its documents)."""
    files = {p.stem: p.name for p in CORPUS.glob("*.txt")}
    for line in (CORPUS / "realworld" / "manifest.jsonl").open(encoding="utf-8"):
        entry = json.loads(line)
        files[entry["id"]] = f"realworld/{entry['file']}"
    return files


def test_one_document_record_per_input_file(corpus_run):
    docs = _read(corpus_run / "documents.jsonl")
    files = _input_files()
    assert sorted(d["doc_id"] for d in docs) == sorted(files)
    for doc in docs:
        assert doc["text"] == (CORPUS / files[doc["doc_id"]]).read_text(encoding="utf-8-sig")
        assert doc["error"] is None


def test_manifest_metadata_reaches_documents(corpus_run):
    docs = {d["doc_id"]: d for d in _read(corpus_run / "documents.jsonl")}
    manifest = [json.loads(line) for line in (CORPUS / "manifest.jsonl").open()]
    for entry in manifest:
        doc = docs[entry["id"]]
        assert doc["source"] == entry["publisher"]
        if entry["published"]:
            assert doc["published"] == entry["published"]


def test_every_record_validates_against_the_schema(corpus_run):
    for doc in _read(corpus_run / "documents.jsonl"):
        assert schema_errors(doc, "documents") == []
    claims = _read(corpus_run / "claims.jsonl")
    assert claims
    for claim in claims:
        assert schema_errors(claim, "claims") == []


def test_every_span_slices_to_its_text(corpus_run):
    docs = {d["doc_id"]: d for d in _read(corpus_run / "documents.jsonl")}
    claims = _read(corpus_run / "claims.jsonl")
    for claim in claims:
        text = docs[claim["doc_id"]]["text"]
        assert check_offsets(text, claim) == []
        start, end = claim["span"]
        assert text[start:end] == claim["text"]
    for doc in docs.values():
        assert check_offsets(doc["text"], doc["removed"]) == []
        for start, end in doc["kept"]:
            assert 0 <= start < end <= len(doc["text"])


def test_claims_lie_in_kept_text_and_counts_match(corpus_run):
    docs = {d["doc_id"]: d for d in _read(corpus_run / "documents.jsonl")}
    claims = _read(corpus_run / "claims.jsonl")
    for claim in claims:
        start, end = claim["span"]
        assert any(s <= start and end <= e for s, e in docs[claim["doc_id"]]["kept"])
    for doc_id, doc in docs.items():
        assert doc["n_claims"] == sum(c["doc_id"] == doc_id for c in claims)


def test_kind_follows_statistic_then_attribution_mode(corpus_run):
    # docs/annotation.md: statistic > quote (direct) > statement (attributed) > event
    stat = {"count", "percent", "money", "measure"}
    for claim in _read(corpus_run / "claims.jsonl"):
        a = claim["attribution"]
        expected = ("statistic" if any(q["kind"] in stat for q in claim["quantities"])
                    else "event" if a is None else "quote" if a["mode"] == "direct" else "statement")
        assert claim["kind"] == expected, claim["text"]


def test_claim_ids_are_unique_and_output_is_byte_identical_across_runs(corpus_run, tmp_path):
    claims = _read(corpus_run / "claims.jsonl")
    ids = [c["claim_id"] for c in claims]
    assert len(ids) == len(set(ids))
    assert main(["extract", str(CORPUS), "-o", str(tmp_path), "-q"]) == 0
    for name in ("claims.jsonl", "documents.jsonl"):
        assert (tmp_path / name).read_bytes() == (corpus_run / name).read_bytes()


def test_check_offsets_reports_a_wrong_span():
    text = "Rebels said 40 people died."
    good = {"text": "Rebels", "span": [0, 6], "attribution": {"cue": "said", "cue_span": [7, 11]}}
    bad = {"text": "Rebels", "span": [0, 6], "attribution": {"cue": "said", "cue_span": [6, 11]}}
    assert check_offsets(text, good) == []
    assert check_offsets(text, bad) == ["attribution.cue_span: text[6:11] = ' said' but cue = 'said'"]
