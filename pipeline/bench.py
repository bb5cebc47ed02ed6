"""``make bench``: throughput, peak memory and stage shares, against bare spaCy.

For each input set (the corpus replicated to ``--replicate`` documents with
distinct ids; the ScrapingHub HTML pages when the data is present) and each
configuration, a fresh subprocess loads the model, warms up on the first
64 documents (lazy loads, caches), then processes the whole set ``--runs`` times; the median run is reported with
the process's peak RSS. Configurations:

* ``ours``: the full pipeline (clean → parse → extract → attribute → hedge →
  records), one process;
* ``ours-w2``: the same with ``--workers 2`` (a process pool; the peak RSS shown
  is the largest worker's);
* ``bare``: ``nlp.pipe`` of the same spaCy model with all its default components
  over the same raw text (for HTML: the text trafilatura extracts, so bare spaCy
  is not charged for HTML parsing while we are).

A memory check follows: full CLI runs (ingest → parts → merge) over 1,000 and
10,000 short documents, to show peak memory does not grow with the corpus.

With ``--ledger-scale N,…`` (off by default), ``compare`` over the output of N
documents, replicated from the real-world articles (:mod:`pipeline.benchledger`).

Start-up last: the median wall and CPU time of ``--startup-runs`` fresh processes for (a)
``python -m pipeline extract one.txt -o -`` on a one-sentence file and (b) ``from
pipeline import extract`` and the first ``extract()`` call, imports and model load
included (what a user waits for before the first claim).

This is a measurement, not a test: it never fails; it prints a table and writes
``--out`` (JSON).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .resources import source_commit

CONFIGS = ("ours", "bare", "ours-w2")
WARMUP_DOCS = 64
SCALING = (1000, 10000)
#: the one-sentence article of the start-up check (a number with a unit word after
#: it, so quantulum3 is loaded too)
STARTUP_TEXT = "Floods forced 3,000 people from their homes, officials said."
STARTUP_RUNS = 5


def _corpus_records(corpus: Path, n: int) -> list[dict]:
    files = sorted(corpus.glob("*.txt"))
    texts = [(p.stem, p.read_text(encoding="utf-8-sig")) for p in files]
    return [{"id": f"{stem}-r{i:05d}", "text": text}
            for i, (stem, text) in zip(range(n), (texts[i % len(texts)] for i in range(n)))]


def _short_records(corpus: Path, n: int) -> list[dict]:
    """``n`` short documents (each corpus article's first 600 characters), distinct ids."""
    return [dict(r, text=r["text"][:600]) for r in _corpus_records(corpus, n)]


def _html_records(data: Path, limit: int | None) -> list[dict]:
    import gzip

    root = data / "boilerplate" / "scrapinghub-aeb"
    paths = sorted((root / "html").glob("*.html.gz"))[:limit]
    return [{"id": p.name.split(".")[0], "html": gzip.open(p, "rt", encoding="utf-8", errors="replace").read()}
            for p in paths]


def _bare_pass(records: list[dict], model: str | None):
    import spacy

    from .analyze import model_candidates
    from .clean import html_to_text

    for name in model_candidates(model):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise SystemExit("no spaCy model")
    texts = [r.get("text") or html_to_text(r["html"]) for r in records]

    def one_pass(n: int | None = None) -> dict:
        for _ in nlp.pipe(texts[:n], batch_size=32):
            pass
        return {}

    return sum(map(len, texts)), one_pass


def _ours_pass(records: list[dict], model: str | None, workers: int):
    from .clean import html_to_text
    from .records import RawDocument
    from .engine import Processor, Settings, batched, process_stream

    settings = Settings(model=model, workers=workers)
    processor = Processor(settings)
    raws = [RawDocument(doc_id=r["id"], text=r.get("text"), html=r.get("html")) for r in records]
    # chars = length of the documents' text (for HTML: the extracted text), as for bare
    chars = sum(len(r.get("text") or html_to_text(r["html"])) for r in records)

    def one_pass(n: int | None = None) -> dict:
        if workers > 1:  # a fresh pool per pass: workers load the model, as in a real run
            for _ in process_stream(raws[:n], settings):
                pass
            return {}
        processor.timer.seconds.clear()
        for batch in batched(raws[:n], settings.batch_size):
            processor.process_batch(batch)
        return dict(processor.timer.seconds)

    return chars, one_pass


def _scaling(path: Path, model: str | None) -> dict:
    """One full CLI run (ingest → parts → merge) for the memory-vs-corpus-size check."""
    from .cli import main

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        main(["extract", str(path), "-o", out, "-q"] + (["--model", model] if model else []))
        seconds = time.perf_counter() - start
    docs = sum(1 for _ in path.open(encoding="utf-8"))
    return {"config": "cli", "docs": docs, "seconds": seconds, "docs_per_s": docs / seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _measure(config: str, path: Path, runs: int, model: str | None) -> dict:
    """Run inside the subprocess: time ``runs`` passes over the JSONL at ``path``."""
    if config == "scaling":
        return _scaling(path, model)
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if config == "bare":
        chars, one_pass = _bare_pass(records, model)
    else:
        chars, one_pass = _ours_pass(records, model, workers=2 if config == "ours-w2" else 1)
    one_pass(WARMUP_DOCS)  # warm-up: lazy loads and caches on both sides
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        stages = one_pass()
        timings.append((time.perf_counter() - start, stages))
    timings.sort(key=lambda t: t[0])
    seconds, stages = timings[len(timings) // 2]
    total_stage = sum(stages.values()) or 1.0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"config": config, "docs": len(records), "chars": chars, "seconds": seconds,
            "runs": [round(t, 3) for t, _ in sorted(timings)],
            "docs_per_s": len(records) / seconds, "chars_per_s": chars / seconds,
            # with workers the parent only feeds and collects: the figure that matters is per worker
            "peak_rss_mb": children if config == "ours-w2" else
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "stage_share": {k: v / total_stage for k, v in sorted(stages.items())}}


def _spawn(config: str, path: Path, runs: int, model: str | None) -> dict:
    cmd = [sys.executable, "-m", "pipeline.bench", "--measure", config, "--input", str(path),
           "--runs", str(runs)] + (["--model", model] if model else [])
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"config": config, "error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _startup(runs: int, model: str | None) -> list[dict]:
    """Start-up of the CLI and of the first ``extract()``, each over ``runs`` fresh processes."""
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(STARTUP_TEXT + "\n", encoding="utf-8")
        commands = {
            "cli": [sys.executable, "-m", "pipeline", "extract", str(one), "-o", "-"]
                   + (["--model", model] if model else []),
            "extract()": [sys.executable, "-c",
                          f"from pipeline import extract; extract({STARTUP_TEXT!r}, model={model!r})"],
        }
        return [dict(config=name, **_fresh_processes(cmd, runs)) for name, cmd in commands.items()]


def _fresh_processes(cmd: list[str], runs: int) -> dict:
    """Median wall and CPU time of ``runs`` runs of ``cmd``; CPU time as well because on
    a shared machine the wall time also counts the waits for a core."""
    wall, cpu = [], []
    for _ in range(runs):
        used = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - used)
        if proc.returncode != 0:
            return {"error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
    wall.sort()
    cpu.sort()
    return {"seconds": wall[runs // 2], "cpu_seconds": cpu[runs // 2], "runs": [round(t, 2) for t in wall]}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _listing(title: str, rows: list[dict], line) -> str:
    """``title``, then each row as ``line(row)`` formats it, or its error."""
    return "\n".join([title] + [f"  {r['config']:<10} error: {' '.join(r['error'])}" if "error" in r
                                else line(r) for r in rows])


def _startup_table(rows: list[dict], runs: int) -> str:
    return _listing(f"start-up (a fresh process, median of {runs}):", rows, lambda r: (
        f"  {r['config']:<10} {r['seconds']:6.2f} s wall  {r['cpu_seconds']:6.2f} s CPU   "
        f"runs (s) {'/'.join(map(str, r['runs']))}"))


def _table(results: dict[str, list[dict]]) -> str:
    lines = [f"{'set':<12} {'config':<6} {'docs':>6} {'docs/s':>8} {'chars/s':>9} "
             f"{'peak RSS':>9}  runs (s)  stage share"]
    for name, rows in results.items():
        by_config = {r["config"]: r for r in rows}
        for r in rows:
            if "error" in r:
                lines.append(f"{name:<12} {r['config']:<6} error: {' '.join(r['error'])}")
                continue
            share = ", ".join(f"{k} {v:.0%}" for k, v in r["stage_share"].items())
            lines.append(f"{name:<12} {r['config']:<6} {r['docs']:>6} {r['docs_per_s']:>8.1f} "
                         f"{r['chars_per_s']:>9,.0f} {r['peak_rss_mb']:>7.0f}MB  "
                         f"{'/'.join(map(str, r['runs']))}  {share}")
        ok = {k: v for k, v in by_config.items() if "error" not in v}
        if "ours" in ok and "bare" in ok:
            lines.append(f"{name:<12} ratio ours/bare throughput (docs/s): "
                         f"{ok['ours']['docs_per_s'] / ok['bare']['docs_per_s']:.2f}x")
        if "ours" in ok and "ours-w2" in ok:
            lines.append(f"{name:<12} ratio --workers 2 / one process: "
                         f"{ok['ours-w2']['docs_per_s'] / ok['ours']['docs_per_s']:.2f}x, "
                         f"peak RSS per worker {ok['ours-w2']['peak_rss_mb']:.0f}MB")
    return "\n".join(lines)


def _scaling_table(rows: list[dict]) -> str:
    return _listing("memory vs corpus size (full CLI run, short documents, one pass):", rows, lambda r: (
        f"  {r['docs']:>6} docs  {r['seconds']:7.1f} s  {r['docs_per_s']:7.1f} docs/s  "
        f"peak RSS {r['peak_rss_mb']:.0f}MB"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data", help="public datasets (for the HTML set)")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--replicate", type=int, default=500, help="documents in the replicated corpus")
    ap.add_argument("--html-limit", type=int, default=None, help="use only the first N HTML pages")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per configuration (median)")
    ap.add_argument("--configs", default=",".join(CONFIGS),
                    help=f"configurations to run (default {','.join(CONFIGS)})")
    ap.add_argument("--scaling", default=",".join(map(str, SCALING)),
                    help="document counts for the memory check ('' to skip)")
    ap.add_argument("--startup-runs", type=int, default=STARTUP_RUNS,
                    help=f"fresh processes per start-up measure (median; default {STARTUP_RUNS}, 0 to skip)")
    ap.add_argument("--ledger-scale", default="", metavar="N,N,…",
                    help="document counts for `compare` over replicated real-world output, e.g. 10000,100000 "
                         "(default: skipped; docs/scaling.md)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default="out/bench.json")
    ap.add_argument("--measure", choices=CONFIGS + ("scaling",), help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(_measure(args.measure, Path(args.input), args.runs, args.model)))
        return 0

    sets = {"corpus x%d" % args.replicate: _corpus_records(Path(args.corpus), args.replicate)}
    if (Path(args.data) / "boilerplate" / "scrapinghub-aeb").is_dir():
        sets["html"] = _html_records(Path(args.data), args.html_limit)
    else:
        print(f"bench: {args.data}/boilerplate/scrapinghub-aeb not found: HTML set skipped", file=sys.stderr)
    configs = [c for c in args.configs.split(",") if c in CONFIGS]
    results: dict[str, list[dict]] = {}
    scaling: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.jsonl"
        for name, records in sets.items():
            path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            results[name] = []
            for config in configs:
                print(f"bench: {name}: {config} ({args.runs} runs)…", file=sys.stderr, flush=True)
                results[name].append(_spawn(config, path, args.runs, args.model))
        for n in (int(x) for x in args.scaling.split(",") if x.strip()):
            path.write_text("".join(json.dumps(r) + "\n" for r in _short_records(Path(args.corpus), n)),
                            encoding="utf-8")
            print(f"bench: memory check on {n} documents…", file=sys.stderr, flush=True)
            scaling.append(_spawn("scaling", path, 1, args.model))
    startup: list[dict] = []
    if args.startup_runs > 0:
        print(f"bench: start-up ({args.startup_runs} fresh processes each)…", file=sys.stderr, flush=True)
        startup = _startup(args.startup_runs, args.model)
    ledger: list[dict] = []
    if args.ledger_scale.strip():
        from .benchledger import ledger_scale

        ledger = ledger_scale([int(x) for x in args.ledger_scale.split(",") if x.strip()], Path(args.corpus),
                              args.model)
    if any(results.values()):
        print(_table(results))
    if scaling:
        print(_scaling_table(scaling))
    if startup:
        print(_startup_table(startup, args.startup_runs))
    if ledger:
        from .benchledger import table

        print(table(ledger))
    report = {"date": time.strftime("%Y-%m-%d"), "commit": source_commit(), "machine": _machine(),
              "runs": args.runs, "results": results, "scaling": scaling, "startup": startup,
              "ledger_scale": ledger}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"bench: wrote {args.out}", file=sys.stderr)
    return 0


def _machine() -> str:
    return f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"


if __name__ == "__main__":
    raise SystemExit(main())
