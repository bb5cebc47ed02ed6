"""Reading inputs: every input becomes a document or an error record, never a crash."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from pipeline.ingest import (InputError, check_paths, count_documents, decode, read_documents,
                             sanitize_id, _from_stdin)


def test_directory_with_manifest_uses_its_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Rain fell in Lisbon on Monday.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps(
        {"id": "lisbon-rain", "file": "a.txt", "publisher": "Diario", "headline": "Rain",
         "published": "2024-05-02"}) + "\n", encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert [d.doc_id for d in docs] == ["lisbon-rain", "b"]
    assert (docs[0].source, docs[0].title, docs[0].published) == ("Diario", "Rain", "2024-05-02")
    assert docs[0].text.startswith("Rain fell") and docs[1].html.startswith("<html>")
    assert count_documents([str(tmp_path)]) == 2


def test_a_sub_collection_keeps_its_own_manifest(tmp_path):
    sub = tmp_path / "floods" / "articles"
    sub.mkdir(parents=True)
    (sub / "x.txt").write_text("The river rose in Dhaka on Monday.", encoding="utf-8")
    (sub / "y.txt").write_text("Aid arrived in Dhaka on Tuesday.", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Rain fell in Lisbon on Monday.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps(
        {"id": "lisbon", "file": "top.txt", "publisher": "Diario"}) + "\n", encoding="utf-8")
    (tmp_path / "floods" / "manifest.jsonl").write_text(json.dumps(
        {"id": "dhaka-river", "file": "articles/x.txt", "publisher": "Star"}) + "\n",
        encoding="utf-8")
    docs = {d.doc_id: d for d in read_documents([str(tmp_path)])}
    # the nearest manifest that lists a file names it; an unlisted file keeps its path
    assert set(docs) == {"lisbon", "dhaka-river", "floods_articles_y"}
    assert (docs["dhaka-river"].source, docs["lisbon"].source) == ("Star", "Diario")
    assert docs["floods_articles_y"].source is None


def test_jsonl_records_bad_lines_and_duplicate_ids(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    lines = [json.dumps({"id": "x", "text": "One."}), "{not json",
             json.dumps({"id": "x", "text": "Two."}), json.dumps({"id": "../etc/passwd", "text": "3"}),
             json.dumps({"title": "no body"}), json.dumps(["a", "list"]),
             json.dumps({"html": "<p>Four</p>", "published": "2020-01-01"})]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    docs = list(read_documents([str(path)]))
    assert len(docs) == len(lines)
    ids = [d.doc_id for d in docs]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "x" and ids[2] == "x~2"
    assert docs[1].error["type"] == "invalid_json"
    assert "/" not in ids[3] and ".." not in ids[3]
    assert docs[4].error["type"] == "invalid_record" and docs[5].error["type"] == "invalid_record"
    assert docs[6].html == "<p>Four</p>" and docs[6].published == "2020-01-01"
    assert count_documents([str(path)]) == len(lines)


def test_encodings_are_detected_and_recorded(tmp_path):
    assert decode("café".encode("utf-8")) == ("café", "utf-8")
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == ("café", "utf-8-sig")
    text = "Le café coûte trois euros à Montréal, déclare le maire élu."
    decoded, encoding = decode(text.encode("cp1252"))
    assert decoded == text and encoding != "utf-8"
    polish = "Prezydent powiedział, że w Łodzi spłonęło 30 domów."
    assert decode(polish.encode("cp1250")) == (polish, "cp1250")
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_unreadable_and_binary_files_become_error_records(tmp_path):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\x00\x00binary")
    docs = list(read_documents([str(tmp_path)]))
    assert docs[0].error["type"] == "undecodable" and "binary" in docs[0].error["message"]


def test_stdin_text_and_jsonl():
    [doc] = list(_from_stdin(io.BytesIO(b"Plain text from a pipe.")))
    assert doc.text == "Plain text from a pipe." and doc.error is None
    docs = list(_from_stdin(io.BytesIO(b'{"id": "a", "text": "A."}\n{"id": "b", "text": "B."}\n')))
    assert [d.doc_id for d in docs] == ["a", "b"]


def test_gzipped_files_are_read_and_a_broken_one_is_an_error_record(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress("Caf\u00e9 owners counted 40 tables.".encode("cp1252")))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    (tmp_path / "c.txt.gz").write_bytes(b"plain bytes, not gzip")
    (tmp_path / "d.htm.gz").write_bytes(gzip.compress(b"<p>" + b"x" * 5000 + b"</p>")[:40])  # truncated
    docs = list(read_documents([str(tmp_path)]))
    assert [d.doc_id for d in docs] == ["a", "b", "c", "d"]
    assert docs[0].text == "Caf\u00e9 owners counted 40 tables." and docs[0].encoding == "cp1252"
    assert docs[1].html.startswith("<html>")
    assert docs[2].error["type"] == "unreadable" and "c.txt.gz" in docs[2].error["message"]
    assert docs[3].error["type"] == "unreadable" and "d.htm.gz" in docs[3].error["message"]
    assert check_paths([str(tmp_path / "b.html.gz")]) == [str(tmp_path / "b.html.gz")]
    assert [d.doc_id for d in read_documents([str(tmp_path / "b.html.gz")])] == ["b"]
    assert count_documents([str(tmp_path)]) == 4


def test_bad_paths_are_usage_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_paths([str(tmp_path / "missing")])
    (tmp_path / "data.csv").write_text("a,b")
    with pytest.raises(InputError, match="unknown input type"):
        check_paths([str(tmp_path / "data.csv")])


def test_sanitize_id_never_yields_a_path():
    for raw in ("../../x", "a/b\\c", " spaced id ", "..", ""):
        cleaned = sanitize_id(raw)
        assert cleaned and "/" not in cleaned and "\\" not in cleaned and cleaned not in (".", "..")
