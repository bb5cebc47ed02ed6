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
