"""Issue 10: every broken input ends as claims or as a clear error record, and the run goes on."""
from __future__ import annotations

import json
import math
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.cli import main
from pipeline.records import Cleaned, RawDocument, Segment
from pipeline.validate import check_offsets, schema_errors

sys.path.insert(0, str(Path(__file__).parent / "data"))
from make_torture import EXTERNAL_HTML, huge_article, long_line, make_torture  # noqa: E402

ARTICLE = ("The storm killed at least 12 people in northern Portugal on Saturday, "
           "the civil protection agency said.\nRoads were closed near Braga.")


def _valid(text: str, claims: list[dict]) -> None:
    for c in claims:
        assert not check_offsets(text, c), check_offsets(text, c)
        assert not schema_errors(c, "claims"), schema_errors(c, "claims")


# -- the torture corpus through the CLI ---------------------------------------------------

def test_torture_corpus_every_input_gets_a_record_and_the_run_goes_on(tmp_path, capsys):
    expected = make_torture(tmp_path / "t", huge_chars=250_000, line_chars=120_000)
    out = tmp_path / "out"
    try:
        code = main(["extract", str(tmp_path / "t" / "files"), str(tmp_path / "t" / "records.jsonl"),
                     "-o", str(out)])
    finally:
        os.chmod(tmp_path / "t" / "files" / "q_unreadable.txt", 0o644)
    assert code == 0
    docs = [json.loads(line) for line in (out / "documents.jsonl").open(encoding="utf-8")]
    assert [d["error"] and d["error"]["type"] for d in docs] == expected
    ids = [d["doc_id"] for d in docs]
    assert len(set(ids)) == len(ids) and "dup~2" in ids
    assert all("/" not in i and ".." not in i for i in ids)
    for d in docs:
        assert not schema_errors(d, "documents"), (d["doc_id"], schema_errors(d, "documents"))
    by_id = {d["doc_id"]: d for d in docs}
    if by_id["k_french"]["error"]:
        assert by_id["k_french"]["error"]["message"] == "detected fr"
    assert by_id["f_latin1"]["encoding"] != "utf-8" and "Zürich" in by_id["f_latin1"]["text"]
    claims = [json.loads(line) for line in (out / "claims.jsonl").open(encoding="utf-8")]
    texts = {d["doc_id"]: d["text"] for d in docs}
    for c in claims:
        assert not check_offsets(texts[c["doc_id"]], c)
    huge = [c for c in claims if c["doc_id"] == "i_huge"]
    assert len(huge) > 1000 and by_id["i_huge"]["n_claims"] == len(huge)
    assert [c["sentence_index"] for c in huge] == sorted({c["sentence_index"] for c in huge})
    err = capsys.readouterr().err
    n_err = sum(1 for e in expected if e)
    assert f"{len(expected) - n_err} ok, {n_err} with errors" in err
    assert "error undecodable: 2" in err


# -- huge documents: chunks at whitespace, exact offsets ----------------------------------

def test_chunks_never_split_a_token_and_stay_within_the_size():
    from pipeline.analyze import chunk_bounds, chunk_cleaned

    text = "Headline\n\n" + long_line(50_000) + "\n\n" + huge_article(30_000)
    segs = [Segment(0, 8, "headline"), Segment(10, 10 + 50_000 - 1)]
    body = 10 + len(long_line(50_000)) + 2
    segs.append(Segment(body, len(text)))
    cleaned = Cleaned(text=text, segments=segs)
    chunks = chunk_bounds(cleaned, size=5_000)
    assert all(e - s <= 5_000 for s, e in chunks)
    assert all(s2 >= e1 for (_, e1), (s2, _) in zip(chunks, chunks[1:]))
    for s, e in chunks:
        assert s == 0 or text[s - 1].isspace(), "cut after whitespace, never inside a word"
        part = chunk_cleaned(cleaned, s, e)
        assert all(text[s + g.start:s + g.end] == part.text[g.start:g.end] for g in part.segments)
    covered = sum(g.end - g.start for s, e in chunks for g in chunk_cleaned(cleaned, s, e).segments)
    assert covered == sum(g.end - g.start for g in segs), "every kept character is in one chunk"


def test_chunked_analysis_gives_exact_offsets_and_mostly_the_same_claims(monkeypatch, corpus_texts):
    import pipeline.analyze as analyze
    from pipeline.engine import process_one

    text = max(corpus_texts.values(), key=len)
    whole = process_one(text, published="2025-03-09")["claims"]
    monkeypatch.setattr(analyze, "SINGLE_DOC_MAX", 1_000)
    monkeypatch.setattr(analyze, "CHUNK_CHARS", 2_000)
    chunked = process_one(text, published="2025-03-09")["claims"]
    _valid(text, chunked)
    indexes = [c["sentence_index"] for c in chunked]
    assert indexes == sorted(set(indexes))
    same = {tuple(c["span"]) for c in whole} & {tuple(c["span"]) for c in chunked}
    assert len(same) >= 0.8 * len(whole)


def test_unpunctuated_text_gets_bounded_sentences(nlp):
    from pipeline.analyze import MAX_SENT_TOKENS, make_doc

    text = long_line(20_000)
    doc = make_doc(nlp, Cleaned(text=text, segments=[Segment(0, len(text))]))
    starts = [t.i for t in doc if t.is_sent_start]
    assert starts[0] == 0 and len(starts) >= len(doc) // MAX_SENT_TOKENS
    assert max(b - a for a, b in zip(starts, starts[1:] + [len(doc)])) <= MAX_SENT_TOKENS


def test_a_line_s_first_word_is_not_a_sentence_of_its_own(nlp):
    from pipeline.analyze import make_doc

    text = "Clinic figures\nTarn Health says 24 people are still in hospital. Rain fell.\nAdvertisement\n"
    lines = [(0, 14), (15, 75), (76, 89)]
    doc = make_doc(nlp, Cleaned(text=text, segments=[Segment(a, b) for a, b in lines]))
    second = next(t for t in doc if t.text == "Health")
    assert second.is_sent_start is False  # "Tarn | Health says": one sentence
    assert next(t for t in doc if t.text == "Rain").is_sent_start is not False  # the parser decides


# -- language -----------------------------------------------------------------------------

FRENCH = ("Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs "
          "touchés par la sécheresse. Selon le ministère, plus de 3 000 exploitations sont "
          "concernées dans le sud du pays, et les aides seront versées avant la fin du mois.")
GERMAN = ("Der Bundestag hat am Donnerstag das neue Gesetz beschlossen. Nach Angaben des "
          "Ministeriums sind mehr als 3.000 Betriebe im Süden des Landes betroffen, sagte ein "
          "Sprecher der Regierung am Abend in Berlin.")

CHINESE = ("中国国家防汛抗旱总指挥部周一表示，南方多个省份遭遇持续强降雨，洪水已造成至少十二人死亡，"
           "数千名居民被紧急转移。当地政府已启动应急响应，救援工作仍在进行中。") * 2


def test_non_english_documents_are_skipped_before_spacy(monkeypatch):
    pytest.importorskip("py3langid")
    from pipeline.engine import process_one

    for text, lang in ((FRENCH, "fr"), (GERMAN, "de"), (CHINESE, "zh")):
        doc = process_one(text)["document"]
        assert doc["error"] == {"type": "unsupported_language", "message": f"detected {lang}"}
        assert doc["kept"], "the cleaner's ranges are still recorded"
    assert process_one(FRENCH, language="any")["document"]["error"] is None
    assert process_one(GERMAN, language="de")["document"]["error"] is None
    # short or list-like English is never judged foreign
    for text in ("Floods forced 3,000 people from their homes, officials said.",
                 "Storm hits Galicia; markets slide; Ronaldo signs for Al Nassr; election results in "
                 "Kenya; weather warning for Scotland; Ukraine Russia talks; Gaza ceasefire; Trump."):
        assert process_one(text)["document"]["error"] is None


def test_cli_language_option(tmp_path):
    pytest.importorskip("py3langid")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "fr", "text": FRENCH}) + "\n"
                   + json.dumps({"id": "en", "text": ARTICLE}) + "\n", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "a"), "-q"]) == 0
    docs = [json.loads(x) for x in (tmp_path / "a" / "documents.jsonl").open(encoding="utf-8")]
    assert [d["error"] and d["error"]["type"] for d in docs] == ["unsupported_language", None]
    assert main(["extract", str(src), "-o", str(tmp_path / "b"), "-q", "--language", "any"]) == 0
    docs = [json.loads(x) for x in (tmp_path / "b" / "documents.jsonl").open(encoding="utf-8")]
    assert [d["error"] for d in docs] == [None, None]


# -- time limit ----------------------------------------------------------------------------

def test_a_document_over_the_time_limit_is_recorded_and_the_batch_goes_on(monkeypatch):
    import pipeline.engine as runner

    original = runner.prepare

    def slow_for_one(raw, settings):
        if raw.doc_id == "slow":
            time.sleep(30)  # interrupted by the alarm
        return original(raw, settings)

    monkeypatch.setattr(runner, "prepare", slow_for_one)
    processor = runner.Processor(runner.Settings(timeout=0.5))
    raws = [RawDocument(doc_id=i, text=ARTICLE) for i in ("a", "slow", "b")]
    started = time.perf_counter()
    results = processor.process_batch(raws)
    assert time.perf_counter() - started < 20
    assert [d["doc_id"] for d, _ in results] == ["a", "slow", "b"]
    assert results[1][0]["error"]["type"] == "timeout" and results[1][1] == []
    assert results[0][0]["error"] is None and results[0][1]
    assert [c["text"] for c in results[0][1]] == [c["text"] for c in results[2][1]]
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL, "the previous handler is restored"


def test_time_limit_outside_the_main_thread_is_a_no_op():
    import threading

    from pipeline.timeouts import time_limit

    done = []

    def work():
        with time_limit(0.01):
            time.sleep(0.05)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]


def test_timeout_option_is_validated(tmp_path):
    for bad in ("-1", "abc", "nan"):
        with pytest.raises(SystemExit) as exc:
            main(["extract", str(tmp_path), "-o", str(tmp_path / "o"), "--timeout", bad])
        assert exc.value.code == 2


# -- HTML hazards and the network ------------------------------------------------------------

def test_html_hazards_finish_quickly_without_any_network_access(monkeypatch, tmp_path):
    from make_torture import ENTITY_BOMB

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from pipeline.engine import process_one

    cases = {
        "external": EXTERNAL_HTML,
        "bomb": ENTITY_BOMB,
        "nested": "<html><body>" + "<div>" * 60_000 + "<p>" + ARTICLE + "</p>" + "</div>" * 60_000,
        "script": "<html><head><script>" + "var x = 1;\n" * 100_000 + "</script></head><body><p>"
                  + ARTICLE + "</p></body></html>",
        "malformed": "<html><p>The storm <b>killed <i>12</b> people</i> in <<<Braga>>> &#xFFFFFFFF; <div <p",
    }
    for name, html in cases.items():
        started = time.perf_counter()
        result = process_one(html, html=True, doc_id=name)
        assert time.perf_counter() - started < 30, name
        doc = result["document"]
        assert "lollollol" not in doc["text"], "entities are never expanded"
        assert doc["error"] is None or doc["error"]["type"] == "empty", (name, doc["error"])
        _valid(doc["text"], result["claims"])
    external = process_one(EXTERNAL_HTML, html=True)
    assert external["claims"] and "12 people" in external["document"]["text"]
    (tmp_path / "page.html").write_text(EXTERNAL_HTML, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE + " See http://example.invalid/x.png", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == 0


# -- numbers and dates at the edges ----------------------------------------------------------

EDGE_SENTENCES = [
    "The deficit reached 1e308 dollars last year, officials said.",
    "The index was NaN on Monday and Infinity on Tuesday, the agency said.",
    "Temperatures fell to -0 degrees in Oslo on Tuesday, forecasters said.",
    "The debt stands at 9,999,999,999,999,999 dollars, the ministry said.",
    "Between 5 and 3 people died in the crash on Monday, police said.",
    "The vote was held on 31 February 2023 in Paris, officials said.",
    "The treaty was signed on 12 March 1066 and revised in 1815, historians said.",
    "The mission will launch on 4 July 2150 and return in the year 10000, NASA said.",
    "Officials said " + "9" * 400 + " people and 1e999 cars were counted in Lagos on Monday.",
    "It rose 1.7976931348623157e309 percent on 0 January 2020 and on 32/13/2020, the office said.",
    "About 10^999 people, or 0.000000000000000000000000001 percent, died on 29 February 2023.",
]


@pytest.mark.parametrize("sentence", EDGE_SENTENCES)
def test_edge_numbers_and_dates_never_fail_or_give_nan(sentence):
    from pipeline.emit import dumps

    claims = extract(sentence, published="2024-01-01")
    _valid(sentence, claims)
    for c in claims:
        dumps(c)  # allow_nan=False: raises on NaN or inf
        for q in c["quantities"]:
            assert all(v is None or math.isfinite(v) for v in (q["value"], q["low"], q["high"]))
        for d in c["dates"]:
            assert d["value"] is None or "-02-29" not in d["value"] and "-02-31" not in d["value"]


def test_a_400_digit_numeral_is_not_a_quantity():
    sentence = "Officials said " + "9" * 400 + " people were counted in Lagos on Monday."
    assert all(q["text"] != "9" * 400 for c in extract(sentence) for q in c["quantities"])


# -- signals -----------------------------------------------------------------------------------

SIGNAL_AFTER_FIRST_PART = """
import os, signal, sys
import pipeline.store as store
sig = getattr(signal, sys.argv[1])
original = store.PartStore.write_part
def write_then_signal(self, results):
    path = original(self, results)
    if path is not None and not getattr(store, "_signalled", False):
        store._signalled = True
        os.kill(os.getpid(), sig)  # delivered before the next bytecode: no timing race
    return path
store.PartStore.write_part = write_then_signal
from pipeline.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("sig, code", [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_keeps_complete_parts_and_resume_gives_the_same_bytes(tmp_path, sig, code):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE.replace("12", str(10 + i))}) + "\n"
                           for i in range(5)), encoding="utf-8")
    ref, out = tmp_path / "ref", tmp_path / "out"
    args = [str(src), "-q", "--part-size", "2", "--batch-size", "2"]
    assert main(["extract", *args, "-o", str(ref)]) == 0
    # a test runner started in the background inherits SIGINT ignored, and Python keeps an
    # ignored SIGINT ignored: give the child the default disposition a terminal gives
    proc = subprocess.run([sys.executable, "-c", SIGNAL_AFTER_FIRST_PART, sig, "extract", *args,
                           "-o", str(out)], capture_output=True, text=True, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.returncode == code, proc.stderr
    assert "--resume" in proc.stderr and "Traceback" not in proc.stderr
    assert not (out / "claims.jsonl").exists() and not (out / "documents.jsonl").exists()
    assert not list(out.rglob("*.tmp"))
    parts = list((out / "parts").glob("part-*.jsonl"))
    assert parts and sum(1 for p in parts for _ in p.open()) < 5
    assert main(["extract", *args, "-o", str(out), "--resume"]) == 0
    for name in ("documents.jsonl", "claims.jsonl"):
        assert (out / name).read_bytes() == (ref / name).read_bytes()


# -- issue 20: pages lxml cannot read whole, inputs nothing may be lost from ----------------

PARAS = ("The storm killed at least 12 people in northern Portugal on Saturday, the civil "
         "protection agency said.", "Roads were closed near Braga on Sunday, police said.")
BODY = "".join(f"<p>{p}</p>" for p in PARAS)
VISIBLE = "\n".join(PARAS)


@pytest.mark.parametrize("name, html", [
    ("nested", "<html><body>" + "<div>" * 300 + BODY + "</div>" * 300 + "</body></html>"),
    ("fragment", f"<p>{PARAS[0]}</p>"),
    ("template", f"<html><body><article>{BODY}<template><p>Never shown: 999 people.</p>"
                 "</template></article></body></html>"),
    ("data_image", f"<html><body><article><p>{PARAS[0]}</p><img alt=\"\" src=\"data:image/png;base64,"
                   + "iVBORw0KGgo" * 1_000_000 + f"\"><p>{PARAS[1]}</p></article></body></html>"),
])
def test_pages_lxml_cannot_read_whole_yield_exactly_their_visible_text(name, html):
    from pipeline.engine import process_one

    result = process_one(html, html=True, doc_id=name)
    doc = result["document"]
    expected = PARAS[0] if name == "fragment" else VISIBLE
    assert doc["text"] == expected and doc["error"] is None
    fallback = [r for r in doc["removed"] if r["reason"] == "html:fallback"]
    # the template page is read by trafilatura (its template taken out first)
    assert len(fallback) == (name != "template") and all(r["span"] == [0, 0] for r in fallback)
    assert "999" not in doc["text"] and result["claims"]
    _valid(doc["text"], result["claims"])
    assert not schema_errors(doc, "documents")


def test_an_ordinary_page_stays_with_trafilatura():
    from pipeline.engine import process_one

    doc = process_one(f"<html><body><nav><a href='/'>Home</a></nav><article>{BODY}</article>"
                      "</body></html>", html=True)["document"]
    assert doc["text"] == VISIBLE and not any(r["reason"] == "html:fallback" for r in doc["removed"])


def test_html_on_stdin_nul_bytes_and_a_huge_record_through_the_cli(tmp_path, monkeypatch):
    import gzip
    import io

    page = f"<!doctype html><html><body><article>{BODY}</article></body></html>".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(page))))
    assert main(["extract", "-", "-o", str(tmp_path / "page"), "-q"]) == 0
    [doc] = [json.loads(x) for x in (tmp_path / "page" / "documents.jsonl").open(encoding="utf-8")]
    assert doc["text"] == VISIBLE and "<" not in doc["text"]
    claims = [json.loads(x) for x in (tmp_path / "page" / "claims.jsonl").open(encoding="utf-8")]
    assert claims and all("p>" not in (c["attribution"] or {}).get("source", "") for c in claims)

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(ARTICLE.encode()[:30] + b"\x00" + ARTICLE.encode()[30:])
    (src / "b.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in
                                         (("small", ARTICLE), ("huge", ARTICLE * 2_000), ("next", ARTICLE))),
                                 encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "out"), "-q", "--max-document-mb", "0.1"]) == 0
    docs = {d["doc_id"]: d for d in map(json.loads, (tmp_path / "out" / "documents.jsonl").open(encoding="utf-8"))}
    assert docs["a"]["text"] == ARTICLE and docs["a"]["error"] is None
    assert [r for r in docs["a"]["removed"] if r["reason"] == "input:nul"] == [
        {"span": [30, 30], "reason": "input:nul", "preview": "1 NUL byte taken out"}]
    assert docs["b.jsonl_2"]["error"]["type"] == "too_large"
    assert docs["small"]["n_claims"] and docs["next"]["n_claims"]


TRAFILATURA_WARNS = """
import logging, sys
import quantulum3.parser
quantulum3.parser.parse("12 people")  # puts a stderr handler on the root logger, as in a run
from pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("verbose", [False, True])
def test_trafilatura_log_lines_reach_the_terminal_only_with_verbose(tmp_path, verbose):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>x</p>", encoding="utf-8")  # trafilatura: not valid HTML
    proc = subprocess.run([sys.executable, "-c", TRAFILATURA_WARNS, "extract", str(tmp_path), "-o", "-",
                           "-q", "--batch-size", "1", *(["--verbose"] if verbose else [])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert ("wrong data type or not valid HTML" in proc.stderr) == verbose, proc.stderr
