"""The command line: exit codes, streaming to stdout, bad input never stops a batch."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.cli import main

ARTICLE = ("The storm killed at least 12 people in northern Portugal on Saturday, "
           "the civil protection agency said.\nRoads were closed near Braga.")


def test_help_and_version_exit_cleanly(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "newsclaims" in capsys.readouterr().out
    assert main([]) == 2


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "0"])
    assert exc.value.code == 2


def test_missing_model_is_one_clear_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"),
                 "--model", "no_such_model_xyz"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install" in err[0] and "Traceback" not in err[0]


def test_broken_documents_are_recorded_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b_empty.txt").write_text("   \n\n", encoding="utf-8")
    (src / "c_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (src / "d_latin1.txt").write_bytes("Le président a déclaré que 30 maisons ont brûlé à Nîmes.".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    docs = [json.loads(line) for line in (out / "documents.jsonl").open()]
    assert [d["doc_id"] for d in docs] == ["a_good", "b_empty", "c_binary", "d_latin1"]
    errors = {d["doc_id"]: d["error"] and d["error"]["type"] for d in docs}
    assert errors == {"a_good": None, "b_empty": "empty", "c_binary": "undecodable", "d_latin1": None}
    assert docs[3]["encoding"] not in (None, "utf-8") and "président" in docs[3]["text"]
    claims = [json.loads(line) for line in (out / "claims.jsonl").open()]
    assert {c["doc_id"] for c in claims} <= {"a_good", "d_latin1"}
    assert any(c["doc_id"] == "a_good" for c in claims)


def test_nothing_processable_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert (tmp_path / "out" / "documents.jsonl").exists()


def test_stream_claims_to_stdout_from_stdin(tmp_path):
    records = "\n".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) for i in range(3))
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "-o", "-", "-q",
                           "--limit", "2"], input=records, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    assert claims and {c["doc_id"] for c in claims} == {"d0", "d1"}


def test_no_partial_output_when_interrupted(tmp_path, monkeypatch):
    import pipeline.runs as runner

    def boom(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "process_stream", boom)
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q"]) == 130
    assert not (out / "claims.jsonl").exists() and not (out / "documents.jsonl").exists()
    assert not list(out.rglob("*.tmp"))


def test_a_second_run_on_the_same_output_directory_refuses(tmp_path, capsys):
    from pipeline.store import PartStore

    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    with PartStore(out):
        assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 1
    assert "being written by another newsclaims run" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0


def test_two_workers_write_the_same_bytes_as_one_and_the_parent_loads_no_model(tmp_path, monkeypatch):
    import pipeline.analyze as analyze

    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"d{i}", "text": ARTICLE.replace("12", str(10 + i))})
                             for i in range(7)) + "\n", encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["extract", str(src), "-o", str(one), "-q", "--batch-size", "2"]) == 0

    def refuse(*args, **kwargs):  # the spawned workers import their own, unpatched module
        raise AssertionError("the parent process loaded the spaCy model")

    monkeypatch.setattr(analyze, "load_model", refuse)
    assert main(["extract", str(src), "-o", str(two), "-q", "--batch-size", "2", "--workers", "2"]) == 0
    for name in ("documents.jsonl", "claims.jsonl"):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_the_summary_times_the_whole_run(tmp_path, monkeypatch, capsys):
    import pipeline.runs as runner

    real = runner.process_stream

    def slow(*args, **kwargs):
        for item in real(*args, **kwargs):
            yield item
        clock["t"] += 7.0  # processing "took" 7 seconds more

    clock = {"t": 0.0}
    monkeypatch.setattr(runner, "process_stream", slow)
    monkeypatch.setattr(runner.time, "perf_counter", lambda: clock["t"])
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")]) == 0
    assert "7.0 s" in capsys.readouterr().err


def test_output_files_get_the_usual_permissions(tmp_path):
    import os
    import stat

    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    finally:
        os.umask(old)
    for path in [out / "claims.jsonl", out / "documents.jsonl", *(out / "parts").glob("part-*")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path


def test_without_a_terminal_progress_is_plain_lines(tmp_path, monkeypatch, capsys):
    """Under nohup, CI or a log file a redrawn bar shows nothing useful: plain lines do."""
    import pipeline.commands.extract as extract_cmd

    monkeypatch.setattr(extract_cmd, "PLAIN_EVERY", 0.0)  # a line per document, not per 10 s
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": ARTICLE}) + "\n" for i in range(2)))
    assert main(["extract", str(src), "-o", str(tmp_path / "out")]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "newsclaims: extract 0/2 documents, loading model …"
    assert "newsclaims: extract 1/2 documents, -- docs/s" in lines
    assert "newsclaims: extract 2/2 documents, -- docs/s" in lines


def test_the_rate_waits_for_enough_documents_and_time():
    """The bar once opened at 108,029 docs/s: a batch's documents arrive together."""
    from pipeline.commands.extract import Meter

    now = [0.0]
    meter = Meter(100, clock=lambda: now[0])
    assert meter.status() == "loading model …"
    now[0] = 3.0
    for _ in range(8):  # the first batch, at once
        meter.advance(False)
    assert meter.rate() is None and meter.status() == "-- docs/s"
    for _ in range(30):  # documents reused from earlier parts cost nothing: not a rate
        meter.advance(True)
    now[0] = 10.0
    for _ in range(32):
        meter.advance(False)
    assert meter.rate() == 4.0
    assert meter.status() == "4.0 docs/s, ETA 0:00:08"  # 30 documents left at 4 a second


def test_error_lines_start_the_line(tmp_path, capsys):
    from pipeline.store import PartStore

    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    with PartStore(out):
        assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("newsclaims: error: ")
    assert "\n\n" not in err and not err.startswith("\n")


def test_show_into_head_ends_quietly(tmp_path):
    """`show OUT | head` closes the pipe early: exit 0, no traceback, no message."""
    out = tmp_path / "out"
    out.mkdir()
    claim = {"doc_id": "d", "claim_id": "c", "text": "The storm killed 12 people.", "span": [0, 27],
             "kind": "statistic", "quantities": [], "entities": [], "hedges": [], "flags": {}}
    (out / "claims.jsonl").write_text("".join(json.dumps(dict(claim, doc_id=f"d{i}")) + "\n"
                                              for i in range(5000)))
    for extra in ([], ["--json"]):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "show", str(out), "--color", "never",
                                 *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.readline()
        proc.stdout.close()
        assert proc.wait(timeout=120) == 0
        assert proc.stderr.read() == b""


def test_language_must_be_one_the_stages_support(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(tmp_path), "-o", str(tmp_path / "out"), "--language", "xx"])
    assert exc.value.code == 2 and "'xx' is not supported" in capsys.readouterr().err


def test_a_bad_model_variable_is_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSCLAIMS_MODEL", "no_such_model_xyz")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "NEWSCLAIMS_MODEL='no_such_model_xyz'" in err[0]
