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
    assert decode("café".encode("utf-8")) == ("café", "utf-8", [])
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == ("café", "utf-8-sig", [])
    text = "Le café coûte trois euros à Montréal, déclare le maire élu."
    decoded, encoding, _ = decode(text.encode("cp1252"))
    assert decoded == text and encoding != "utf-8"
    polish = "Prezydent powiedział, że w Łodzi spłonęło 30 domów."
    assert decode(polish.encode("cp1250")) == (polish, "cp1250", [])
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_unreadable_and_binary_files_become_error_records(tmp_path):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64) + b"binary")
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


# -- issue 20: nothing lost silently -------------------------------------------------------

ARTICLE = ("The storm killed at least 12 people in northern Portugal on Saturday, the civil "
           "protection agency said.\nRoads were closed near Braga on Sunday, police said.\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_stray_nul_bytes_are_taken_out_and_recorded_where_they_were(tmp_path, encoding):
    text = "Prices at the café in Zürich rose, the owner said.\n" + ARTICLE * 8  # 8 NULs: 0.6%
    cuts = (14, 14, 60, len(text))  # two runs in one place, one in the middle, one at the end
    data, pos = b"", 0
    for cut in cuts:
        data += text[pos:cut].encode(encoding if pos == 0 else encoding.replace("-sig", "")) + b"\x00" * 2
        pos = cut
    (tmp_path / "a.txt").write_bytes(data)
    [doc] = read_documents([str(tmp_path)])
    assert doc.error is None and doc.text == text
    assert [(r.start, r.end, r.reason) for r in doc.removed] == [
        (14, 14, "input:nul"), (60, 60, "input:nul"), (len(text), len(text), "input:nul")]
    assert doc.removed[0].preview == "4 NUL bytes taken out"


def test_only_a_mostly_binary_file_is_refused(tmp_path):
    (tmp_path / "few.txt").write_bytes(ARTICLE.encode() + b"\x00\x00\x00" + ARTICLE.encode())
    (tmp_path / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    few, png = read_documents([str(tmp_path)])
    assert few.error is None and few.text == ARTICLE * 2
    assert png.error["type"] == "undecodable" and "binary" in png.error["message"]


def test_html_and_gzip_on_standard_input_are_recognised():
    page = b"<!DOCTYPE html><html><body><p>Police said 12 people died.</p></body></html>"
    [doc] = _from_stdin(io.BytesIO(b"\n  " + page))
    assert doc.text is None and doc.html.strip() == page.decode()
    [doc] = _from_stdin(io.BytesIO(b"<p>A bare fragment.</p>"))
    assert doc.html == "<p>A bare fragment.</p>"
    [doc] = _from_stdin(io.BytesIO(gzip.compress(ARTICLE.encode())))
    assert doc.text == ARTICLE and doc.error is None
    docs = list(_from_stdin(io.BytesIO(gzip.compress(b'{"id": "a", "text": "A."}\n{"id": "b", "html": "<p>B</p>"}\n'))))
    assert [(d.doc_id, d.text, d.html) for d in docs] == [("a", "A.", None), ("b", None, "<p>B</p>")]
    [doc] = _from_stdin(io.BytesIO(gzip.compress(page)[:30]))  # truncated
    assert doc.error["type"] == "unreadable"
    [doc] = _from_stdin(io.BytesIO(b"I <3 Lisbon, the mayor said."))  # not a tag
    assert doc.text == "I <3 Lisbon, the mayor said."


def test_jsonl_shards_in_a_directory_are_read_and_metadata_is_not(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "b1", "text": "One."}) + "\n" + json.dumps({"id": "b2", "html": "<p>Two</p>"}) + "\n")
    (tmp_path / "c.ndjson").write_text("{broken\n" + json.dumps({"id": "c1", "text": "Three."}) + "\n",
                                       encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"id": "lisbon", "file": "a.txt"}) + "\n",
                                             encoding="utf-8")
    (tmp_path / "events.jsonl").write_text(json.dumps({"event": "Storm", "date": "2024-01-01"}) + "\n",
                                           encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "claims.jsonl").write_text(
        json.dumps({"doc_id": "lisbon", "text": "One.", "span": [0, 4]}) + "\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "documents.jsonl").write_text(
        json.dumps({"doc_id": "lisbon", "text": ARTICLE, "kept": []}) + "\n", encoding="utf-8")
    (tmp_path / "garbage.jsonl").write_text("not json at all\n", encoding="utf-8")
    docs = list(read_documents([str(tmp_path)]))
    assert [d.doc_id for d in docs] == ["lisbon", "b1", "b2", "c.ndjson_1", "c1", "garbage.jsonl_1"]
    assert docs[3].error["type"] == "invalid_json" and docs[5].error["type"] == "invalid_json"
    assert docs[2].html == "<p>Two</p>" and docs[2].path.endswith("b.jsonl.gz")
    assert count_documents([str(tmp_path)]) == len(docs)


def test_the_repository_corpus_gives_every_seed_article_and_every_manifest_entry():
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    seeds = len(list(corpus.glob("*.txt")))
    manifest = (corpus / "realworld" / "manifest.jsonl").read_text(encoding="utf-8")
    expected = seeds + sum(1 for line in manifest.splitlines() if line.strip())
    assert seeds == 5 and expected > 100
    assert count_documents([str(corpus)]) == expected
    assert sum(1 for d in read_documents([str(corpus)]) if d.error is None) == expected


def test_a_huge_record_is_refused_unread_and_its_neighbours_go_on(tmp_path):
    import tracemalloc

    limit = 50_000
    huge = json.dumps({"id": "huge", "text": "The storm hit Braga. " * 250_000})  # 5 MB
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "One."}) + "\n" + huge + "\n"
                    + json.dumps({"id": "b", "text": "Two."}) + "\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("The storm hit Braga. " * 5_000, encoding="utf-8")
    tracemalloc.start()
    try:
        docs = list(read_documents([str(path), str(tmp_path / "big.txt")], max_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(d.doc_id, d.error and d.error["type"]) for d in docs] == [
        ("a", None), ("big.jsonl_2", "too_large"), ("b", None), ("big", "too_large")]
    assert "big.jsonl:2" in docs[1].error["message"] and "50,000 bytes" in docs[1].error["message"]
    assert peak < len(huge) / 10, "the huge line was never held in memory"
    assert count_documents([str(path)], max_bytes=limit) == 3
    [doc] = _from_stdin(io.BytesIO(b"x" * (limit + 1)), limit=limit)
    assert doc.error["type"] == "too_large"
