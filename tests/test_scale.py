"""Resumable, incremental and distributed runs give exactly the uninterrupted output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.cli import main

ARTICLES = [
    "Floods displaced more than 2,000 people in Porto Alegre on Monday, the state government said.",
    "Police arrested 14 protesters outside parliament in Nairobi, a spokesman said.\nThree were later released.",
    "The storm killed at least 12 people in Galicia, according to the regional emergency service.",
    "Wildfires burned 3,400 hectares near Athens, officials said.",
    "An earthquake of magnitude 6.1 struck off Hokkaido on Friday, Japan's meteorological agency said.",
    "Workers at the Hamburg port began a 48-hour strike on Tuesday, the union said.",
]

CRASH = """
import os, sys
import pipeline.atomic as atomic
import pipeline.store as store
where, n = sys.argv[1], int(sys.argv[2])
calls = {"n": 0}
def crash_after(original):
    def wrapped(*args, **kwargs):
        if calls["n"] == n:
            os._exit(9)  # as abrupt as kill -9: no cleanup, no flush
        calls["n"] += 1
        return original(*args, **kwargs)
    return wrapped
if where == "part":
    store.PartStore.write_part = crash_after(store.PartStore.write_part)
else:
    atomic.AtomicWriter.commit = crash_after(atomic.AtomicWriter.commit)
from pipeline.cli import main
main(sys.argv[3:])
"""


def _write_input(path, articles):
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n"
                            for i, t in enumerate(articles)), encoding="utf-8")


def _outputs(outdir):
    return {name: (outdir / name).read_bytes() for name in ("documents.jsonl", "claims.jsonl")}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    base = tmp_path_factory.mktemp("ref")
    src = base / "in.jsonl"
    _write_input(src, ARTICLES)
    assert main(["extract", str(src), "-o", str(base / "out"), "-q", "--part-size", "2"]) == 0
    return src, _outputs(base / "out")


@pytest.mark.parametrize("where, n", [("part", 0), ("part", 2), ("commit", 1)])
def test_resume_after_a_hard_crash_gives_the_uninterrupted_output(tmp_path, reference, where, n):
    src, expected = reference
    out = tmp_path / "out"
    args = ["extract", str(src), "-o", str(out), "-q", "--part-size", "2", "--batch-size", "2"]
    crashed = subprocess.run([sys.executable, "-c", CRASH, where, str(n), *args],
                             capture_output=True, text=True, timeout=300)
    assert crashed.returncode == 9, crashed.stderr
    assert not (out / "claims.jsonl").exists() or where == "commit"
    assert main(args + ["--resume"]) == 0
    assert _outputs(out) == expected
    assert not list(out.rglob("*.tmp")), "stale temporary files are cleaned up on resume"


def test_incremental_rerun_processes_only_changed_documents(tmp_path, capsys):
    src, out = tmp_path / "in.jsonl", tmp_path / "out"
    _write_input(src, ARTICLES)
    assert main(["extract", str(src), "-o", str(out), "--part-size", "2"]) == 0
    changed = list(ARTICLES)
    changed[3] = changed[3].replace("3,400", "5,100")
    _write_input(src, changed)
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(out), "--resume", "--part-size", "2"]) == 0
    assert f"processed: 1, reused from earlier parts: {len(ARTICLES) - 1}" in capsys.readouterr().err
    fresh = tmp_path / "fresh"
    assert main(["extract", str(src), "-o", str(fresh), "-q"]) == 0
    assert _outputs(out) == _outputs(fresh)
    assert b"5,100" in _outputs(out)["claims.jsonl"]


def test_merge_rebuilds_the_output_from_parts(tmp_path, reference):
    src, expected = reference
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--part-size", "2"]) == 0
    for name in expected:
        (out / name).unlink()
    assert main(["merge", str(out)]) == 0
    assert _outputs(out) == expected
    assert main(["merge", str(tmp_path / "nothing")]) == 1


def test_merge_names_a_directory_that_is_not_an_output_directory(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not an output\n")
    assert main(["merge", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "not an output directory" in err and err.count("\n") == 1
    assert not (tmp_path / "parts").exists() and not (tmp_path / ".newsclaims.lock").exists()


class _Clock:
    """Stands in for the time module of pipeline.runs: 20 s pass per processed document."""

    def __init__(self):
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    perf_counter = monotonic


def test_a_killed_run_keeps_the_work_of_every_half_minute(tmp_path, reference, monkeypatch, capsys):
    """With the default part size (512) a slow run wrote nothing before it ended, so a
    kill after minutes lost everything; now a part is also written every 30 s."""
    import pipeline.runs as runner

    src, expected = reference
    out = tmp_path / "out"
    real, clock = runner.process_stream, _Clock()

    def killed_after_four(*args, **kwargs):
        for i, item in enumerate(real(*args, **kwargs)):
            if i == 4:
                raise RuntimeError("killed")  # no clean-up runs, as with kill -9
            clock.now += 20.0
            yield item

    monkeypatch.setattr(runner, "time", clock)
    monkeypatch.setattr(runner, "process_stream", killed_after_four)
    with pytest.raises(RuntimeError):
        main(["extract", str(src), "-o", str(out), "-q"])
    kept = sum(1 for part in (out / "parts").glob("part-*.jsonl") for _ in part.open())
    assert kept == 4  # parts at 40 s (2 documents) and 80 s (2 more)
    monkeypatch.setattr(runner, "process_stream", real)
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(out), "--resume"]) == 0
    assert "processed: 2, reused from earlier parts: 4" in capsys.readouterr().err
    assert _outputs(out) == expected


def test_the_flush_interval_is_a_setting(tmp_path, reference):
    src, expected = reference
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--flush-seconds", "0"]) == 0
    assert len(list((out / "parts").glob("part-*.jsonl"))) == len(ARTICLES)
    assert _outputs(out) == expected


def test_a_new_run_leaves_no_stale_derived_file(tmp_path, capsys):
    src, out = tmp_path / "in.jsonl", tmp_path / "out"
    _write_input(src, ARTICLES[:2])
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    assert main(["compare", str(out), "--jsonl", "-q"]) == 0
    assert main(["report", str(out)]) == 0
    assert main(["export", str(out)]) == 0
    (out / "export" / "my-notes.txt").write_text("mine\n")
    derived = [out / "ledger.jsonl", out / "report.html", out / "export" / "claims.csv"]
    assert all(p.exists() for p in derived)
    _write_input(src, ARTICLES[2:4])
    capsys.readouterr()
    assert main(["extract", str(src), "-o", str(out)]) == 0
    assert not any(p.exists() for p in derived)
    assert (out / "export" / "my-notes.txt").exists()  # not ours to delete
    assert "ledger.jsonl" in capsys.readouterr().err  # the summary says what went
    assert main(["report", str(out)]) == 0
    assert main(["merge", str(out)]) == 0  # re-merging refreshes the same way
    assert not (out / "report.html").exists() and "report.html" in capsys.readouterr().err


def test_dask_local_cluster_matches_the_single_process_run(tmp_path, reference):
    pytest.importorskip("dask.distributed")
    src, expected = reference
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "--engine", "dask", "--workers", "2",
                 "--part-size", "2"]) == 0
    got = _outputs(out)
    by_id = lambda blob: sorted(json.loads(l)["claim_id"] for l in blob.decode().splitlines())  # noqa: E731
    assert by_id(got["claims.jsonl"]) == by_id(expected["claims.jsonl"])
    assert got == expected  # and, since parts merge in input order, the very same bytes
    assert len(list((out / "parts").glob("part-dask-*.jsonl"))) == 3


def test_a_batch_leaves_no_new_strings_in_the_vocab(nlp):
    """Memory does not grow with the corpus: words first seen in a batch (invented
    here, as names and typos are in real news) are evicted from the shared vocab when
    the batch ends, while the records that name them are intact."""
    from pipeline.records import RawDocument
    from pipeline.engine import Processor, Settings

    processor = Processor(Settings(), nlp=nlp)
    processor.process_batch([RawDocument(doc_id="warm", text=ARTICLES[0])])
    before = len(nlp.vocab.strings)
    text = ("Floods displaced 4,100 people in Vantrozia on Monday, "
            "according to the Quexitan Relief Observatory.")
    [(document, claims)] = processor.process_batch([RawDocument(doc_id="new", text=text)])
    assert document["error"] is None
    assert claims[0]["attribution"]["source"] == "the Quexitan Relief Observatory"
    assert "Vantrozia" not in nlp.vocab.strings and "Quexitan" not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == before


def test_result_keys_follow_the_code_and_data_that_ran(tmp_path):
    """A fixed rule or a retrained model under models/ must not be served stale by
    --resume: the digest behind every key covers the files, not just the version."""
    from pipeline.store import code_digest, fingerprint, tree_digest
    from pipeline.engine import Settings

    (tmp_path / "pkg" / "__pycache__").mkdir(parents=True)
    (tmp_path / "pkg" / "rules.py").write_text("LIMIT = 3\n")
    before = tree_digest([tmp_path / "pkg"])
    (tmp_path / "pkg" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\x00")
    assert tree_digest([tmp_path / "pkg"]) == before
    (tmp_path / "pkg" / "rules.py").write_text("LIMIT = 4\n")
    assert tree_digest([tmp_path / "pkg"]) != before
    assert code_digest() in fingerprint(Settings(), {"lang": "en", "name": "m", "version": "1"})


def test_pool_workers_exit_when_their_parent_is_killed(tmp_path):
    """kill -9 of a run leaves no worker behind holding its model."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing as mp, os, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from pipeline.engine import watch_parent\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(2, mp_context=mp.get_context('spawn'), initializer=watch_parent)\n"
        "    list(pool.map(abs, range(4)))\n"
        "    pids = sorted(pool._processes)\n"
        "    print(' '.join(map(str, pids)), flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": os.getcwd()})
    pids = [int(p) for p in proc.stdout.readline().split()]
    assert len(pids) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.5)
        alive = [p for p in pids if os.path.exists(f"/proc/{p}") and
                 "Z" not in open(f"/proc/{p}/stat").read().split()[2]]
    assert alive == []
