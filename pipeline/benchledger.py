"""``make bench`` with ``--ledger-scale``: ``newsclaims compare`` over the output of many
documents, its wall time and peak memory (docs/scaling.md, "The ledger at scale").

The output of the real-world articles (``corpus/realworld``, extracted once with their
manifest's outlet, date and headline) is replicated to N documents: replica ``k`` gives
every document and claim id the suffix ``-rKKKKK``, shifts every date by ``k`` times
``SHIFT_DAYS`` (more than the story window plus an event's span, so replicas of one
event never pair), and, in ``documents.jsonl`` only, replaces about one word in five
(chosen by the replica and the word) by a same-length stand-in (a function of the word),
so offsets hold, syndicated copies inside a replica stay copies and replicas are not
copies of each other. Claims keep their text: the ledger reads the same sentences in
every replica. Replicas of different events that fall in the same months are as apart
as the events themselves (docs/scaling.md).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: days between replicas: above the story window (180 days, ``models/ledger/stories.json``)
#: plus the longest real-world event's span (Ebola, 234 days), so the last articles of
#: one replica's event and the first of the next replica's are never in one window
#: (at 400 days they were 166 days apart and chained every Ebola replica into one story)
SHIFT_DAYS = 500
_ID = re.compile(r'"(doc_id|claim_id)": "([^"]*)"')
_DATE = re.compile(r'"(\d{4}-\d\d-\d\d)')
_WORD = re.compile(r"[A-Za-z]{3,}")


def realworld_input(corpus: Path, path: Path) -> int:
    """The real-world articles as extract input (JSONL with outlet, date, headline)."""
    root = corpus / "realworld"
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for line in (root / "manifest.jsonl").open(encoding="utf-8"):
            m = json.loads(line)
            out.write(json.dumps({"id": m["id"], "text": (root / m["file"]).read_text(encoding="utf-8"),
                                  "source": m.get("publisher"), "published": m.get("published"),
                                  "title": m.get("headline")}) + "\n")
            n += 1
    return n


def _shift(line: str, days: int) -> str:
    def one(m: re.Match[str]) -> str:
        try:
            return '"' + (dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=days)).isoformat()
        except ValueError:
            return m.group(0)
    return _DATE.sub(one, line)


def _renamed(line: str, suffix: str) -> str:
    return _ID.sub(lambda m: f'"{m.group(1)}": "{m.group(2)}{suffix}"', line)


def _disguise(text: str, k: int) -> str:
    """About one word in five becomes a same-length stand-in: which words, replica ``k``
    chooses; the stand-in, the word alone. A stand-in of replica ``k``'s own would be a
    rare token in every document of that replica (``the`` became one word in all 108),
    and TF-IDF linked different events of one replica through those tokens: no real
    corpus has them. Stop words stay (the story step drops them, not their stand-ins)."""
    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        # a stop word's stand-in would be a frequent word the story step does not drop
        if w.lower() in ENGLISH_STOP_WORDS or hashlib.blake2b(f"{k}:{w.lower()}".encode(), digest_size=8).digest()[0] % 5:
            return w
        h = hashlib.blake2b(w.lower().encode(), digest_size=8).digest()
        return "".join(chr(97 + b % 26) for b in (h * (len(w) // 8 + 1))[:len(w)])
    return _WORD.sub(one, text)


def replicate(src: Path, dst: Path, n_docs: int) -> int:
    """Write an extract output of ``n_docs`` documents into ``dst`` from the one in ``src``."""
    docs = (src / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    claims_by_doc: dict[str, list[str]] = {}
    for line in (src / "claims.jsonl").open(encoding="utf-8"):
        claims_by_doc.setdefault(json.loads(line)["doc_id"], []).append(line.rstrip("\n"))
    dst.mkdir(parents=True, exist_ok=True)
    written = 0
    with (dst / "documents.jsonl").open("w", encoding="utf-8") as fd, \
            (dst / "claims.jsonl").open("w", encoding="utf-8") as fc:
        for k in range((n_docs + len(docs) - 1) // len(docs)):
            suffix, days = f"-r{k:05d}", k * SHIFT_DAYS
            for line in docs[:n_docs - written]:
                doc = json.loads(_shift(_renamed(line, suffix), days))
                doc["text"] = _disguise(str(doc.get("text") or ""), k)
                fd.write(json.dumps(doc, ensure_ascii=False) + "\n")
                for c in claims_by_doc.get(doc["doc_id"][:-len(suffix)], []):
                    fc.write(_shift(_renamed(c, suffix), days) + "\n")
                written += 1
    return written


def tree_rss(root: int) -> int:
    """Bytes resident in process ``root`` and all its descendants now (Linux ``/proc``;
    0 elsewhere): ``compare``'s workers are children, and ``ru_maxrss`` is per process."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if name.isdigit() and (stat := _read(f"/proc/{name}/stat")):
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        if statm := _read(f"/proc/{pid}/statm"):
            total += int(statm.split()[1]) * resource.getpagesize()
        stack.extend(children.get(pid, []))
    return total


def _read(path: str) -> str:
    try:
        with open(path, encoding="ascii") as fh:
            return fh.read()
    except OSError:   # the process ended meanwhile
        return ""


def measure_compare(outdir: Path) -> dict:
    """``compare OUTDIR --jsonl -q`` in a child process: its wall time, the CPU time of it
    and its workers (user + system), and the peak of their resident memory together,
    sampled every 0.2 s from this process (so the sampling costs ``compare`` nothing)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "compare", str(outdir), "--jsonl", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"exit": proc.returncode, "seconds": seconds, "cpu_seconds": cpu,
            "peak_rss_mb": max(peak / 2**20, after.ru_maxrss / 1024)}


def ledger_scale(sizes: list[int], corpus: Path, model: str | None) -> list[dict]:
    """For each size: replicate the real-world output, run compare in a fresh process."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        realworld_input(corpus, Path(tmp) / "rw.jsonl")
        print("bench: ledger scale: extracting the real-world articles…", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(Path(tmp) / "rw.jsonl"), "-o", str(base),
                        "-q"] + (["--model", model] if model else []), check=True)
        for n in sizes:
            out = Path(tmp) / f"x{n}"
            replicate(base, out, n)
            size_mb = (out / "claims.jsonl").stat().st_size / 2**20
            print(f"bench: ledger scale: compare over {n} documents ({size_mb:,.0f} MB of claims)…",
                  file=sys.stderr, flush=True)
            proc = subprocess.run([sys.executable, "-m", "pipeline.benchledger", str(out)],
                                  capture_output=True, text=True)
            row = {"docs": n, "claims_mb": round(size_mb, 1)}
            if proc.returncode != 0:
                row["error"] = proc.stderr.strip().splitlines()[-1:] or ["failed"]
            else:
                row.update(json.loads(proc.stdout.strip().splitlines()[-1]))
            rows.append(row)
            subprocess.run(["rm", "-rf", str(out)], check=False)
    return rows


def table(rows: list[dict]) -> str:
    lines = [("ledger at scale (`compare --jsonl -q` over replicated real-world output, a fresh process; "
              "CPU and peak RSS include its workers):")]
    for r in rows:
        if "error" in r:
            lines.append(f"  {r['docs']:>7} docs  error: {' '.join(r['error'])}")
            continue
        cpu = f"  CPU {r['cpu_seconds']:8.1f} s" if "cpu_seconds" in r else ""
        lines.append(f"  {r['docs']:>7} docs  {r['claims_mb']:>8,.0f} MB claims  {r['seconds']:8.1f} s{cpu}  "
                     f"peak RSS {r['peak_rss_mb']:,.0f}MB (with workers)")
    ok = [r for r in rows if "error" not in r]
    if len(ok) >= 2:
        a, b = ok[0], ok[-1]
        lines.append(f"  time ratio {b['docs']}/{a['docs']} docs: {b['seconds'] / a['seconds']:.1f}x "
                     f"for {b['docs'] / a['docs']:.0f}x the documents")
    return "\n".join(lines)


if __name__ == "__main__":
    print(json.dumps(measure_compare(Path(sys.argv[1]))))
