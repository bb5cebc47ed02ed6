"""Evaluation of the clean stage (issue 4).

* :func:`evaluate_corpus`: kept-text character P/R/F1 per corpus article against
  ``corpus/gold/kept.jsonl`` (whitespace not counted), and per section
  (``headline``, ``key_points``, ``heading`` chars against ``section_spans``).
* :func:`evaluate_appended`: the same on synthetic documents with 1-3 unrelated
  stories appended (:mod:`pipeline.eval.appended`), plain and with chrome.
* :func:`evaluate_html`: ScrapingHub article-extraction benchmark shingle P/R/F1
  (4-gram word shingles, averaged over pages) of trafilatura alone and of the
  cleaner on top of trafilatura (called with ``source_format="html"``, as the
  runner does for HTML input).

``python -m pipeline.eval.clean_eval [--data DIR] [--gold PATH] [--corpus DIR]``
prints all of them as JSON.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path
from typing import Any

from ..clean import CleanSettings, clean, extract_html
from .appended import VARIANTS, generate
from .metrics import char_prf, micro_char_prf, shingle_prf_pages

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "boilerplate" / "scrapinghub-aeb"
DEFAULT_GOLD = ROOT / "corpus" / "gold" / "kept.jsonl"
DEFAULT_CORPUS = ROOT / "corpus"
SECTIONS = ("headline", "key_points", "heading")


def kept_text(cleaned) -> str:
    """The kept segments' text, one per line."""
    return "\n".join(cleaned.text[s:e] for s, e in cleaned.kept)


def _summary(per_doc: list[dict[str, Any]]) -> dict[str, Any]:
    micro = micro_char_prf(per_doc)
    n = len(per_doc)
    return {
        "precision": micro["precision"], "recall": micro["recall"], "f1": micro["f1"],
        "macro_f1": sum(d["f1"] for d in per_doc) / n if n else 0.0,
        "min_f1": min((d["f1"] for d in per_doc), default=0.0), "n": n,
    }


# --------------------------------------------------------------------------- corpus

def _gold_ranges(record: dict[str, Any], text: str) -> list[tuple[int, int]]:
    """Kept ranges of a gold record: ``kept`` as ``[[start, end], …]`` or as strings."""
    items = next((record[k] for k in ("kept", "ranges", "spans", "segments") if k in record), [])
    out: list[tuple[int, int]] = []
    pos = 0
    for it in items:
        if isinstance(it, dict):
            it = it.get("span") or (it.get("start"), it.get("end"))
        if isinstance(it, str):  # a kept text: find it in order
            at = text.find(it, pos)
            if at < 0:
                at = text.find(it)
            if at >= 0:
                out.append((at, at + len(it)))
                pos = at + len(it)
            continue
        out.append((int(it[0]), int(it[1])))
    return out


def _doc_key(record: dict[str, Any]) -> str | None:
    for k in ("doc_id", "id", "file", "path", "name", "stem"):
        if record.get(k):
            return Path(str(record[k])).stem
    return None


def evaluate_corpus(gold_path: str | Path = DEFAULT_GOLD, corpus_dir: str | Path = DEFAULT_CORPUS,
                    settings: CleanSettings | None = None) -> dict[str, Any]:
    """Char P/R/F1 of the kept text per corpus article (``per_document``) and micro overall."""
    corpus_dir = Path(corpus_dir)
    texts = {p.stem: p for p in sorted(corpus_dir.glob("*.txt"))}
    per_doc: dict[str, dict[str, Any]] = {}
    sections: dict[str, list[dict[str, Any]]] = {}
    gold_path = Path(gold_path)
    if not gold_path.exists():
        return {"error": f"no gold file {gold_path}", "n": 0, "per_document": {}}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        key = _doc_key(rec)
        path = texts.get(key) or next((p for s, p in texts.items()
                                        if key and (s.endswith(key) or key.endswith(s)
                                                    or s.split("_")[-1] == key.split("_")[-1])), None)
        if path is None:
            continue
        text = rec.get("text") or path.read_text(encoding="utf-8-sig")
        cleaned = clean(text, title=rec.get("title"), settings=settings)
        per_doc[path.stem] = char_prf(cleaned.kept, _gold_ranges(rec, text), text)
        for name in SECTIONS:
            pred = [(s.start, s.end) for s in cleaned.segments if s.section == name]
            gold = [tuple(s["span"]) for s in rec.get("section_spans") or [] if s.get("section") == name]
            if pred or gold:
                sections.setdefault(name, []).append(char_prf(pred, gold, text))
    return {**_summary(list(per_doc.values())), "per_document": per_doc,
            "sections": {name: _summary(v) for name, v in sections.items()}}


# --------------------------------------------------------------------------- appended stories

def evaluate_appended(data_dir: str | Path = DEFAULT_DATA, settings: CleanSettings | None = None,
                      seed: int = 0, variants: tuple[str, ...] = VARIANTS,
                      worst: int = 5) -> dict[str, Any]:
    """Char P/R/F1 of the kept text on base + appended stories, per variant."""
    out: dict[str, Any] = {}
    data_dir = _resolve(data_dir)
    for variant in variants:
        per_doc = {}
        for ex in generate(data_dir, variant, seed):
            cleaned = clean(ex.text, settings=settings)
            per_doc[ex.id] = char_prf(cleaned.kept, ex.gold, ex.text)
        res = _summary(list(per_doc.values()))
        res["worst"] = {k: round(v["f1"], 3) for k, v in
                        sorted(per_doc.items(), key=lambda kv: kv[1]["f1"])[:worst]}
        out[variant] = res
    return out


# --------------------------------------------------------------------------- HTML benchmark

def _resolve(data_dir: str | Path) -> Path:
    """The benchmark folder: ``data_dir`` itself or, given the shared data root
    (as ``python -m pipeline.eval`` passes it), ``boilerplate/scrapinghub-aeb`` in it."""
    data_dir = Path(data_dir)
    if not (data_dir / "ground-truth.json").exists() and \
            (data_dir / "boilerplate" / "scrapinghub-aeb" / "ground-truth.json").exists():
        return data_dir / "boilerplate" / "scrapinghub-aeb"
    return data_dir


def _pages(data_dir: Path):
    gold = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        path = data_dir / "html" / f"{key}.html.gz"
        if path.exists():
            yield key, gold[key].get("articleBody") or "", gzip.decompress(path.read_bytes())


def evaluate_html(data_dir: str | Path = DEFAULT_DATA, settings: CleanSettings | None = None
                  ) -> dict[str, Any]:
    """Shingle P/R/F1 of trafilatura alone vs trafilatura + :func:`clean`.

    ``cleaned`` scores all kept text (headline included); ``cleaned_body`` leaves
    the ``headline`` segment out, as the benchmark's ``articleBody`` never holds the
    title. ``clean_chars_per_s`` is the cleaner's throughput on these texts.
    """
    data_dir = _resolve(data_dir)
    raw, cleaned_pages, body_pages = [], [], []
    per_page = {}
    clean_time, chars = 0.0, 0
    for key, gold, html in _pages(data_dir):
        text, fallback = extract_html(html, settings)  # bytes: trafilatura detects the encoding
        t0 = time.perf_counter()
        c = clean(text, settings=settings, source_format="text" if fallback else "html") \
            if text.strip() else None
        clean_time += time.perf_counter() - t0
        chars += len(text)
        kept = kept_text(c) if c else ""
        body = "\n".join(text[s.start:s.end] for s in sorted(c.segments, key=lambda s: s.start)
                         if s.section != "headline") if c else ""
        raw.append((gold, text))
        cleaned_pages.append((gold, kept))
        body_pages.append((gold, body))
        a, b = shingle_prf_pages([(gold, text)]), shingle_prf_pages([(gold, kept)])
        if abs(a["f1"] - b["f1"]) > 1e-9:
            per_page[key] = {"trafilatura": round(a["f1"], 4), "cleaned": round(b["f1"], 4)}
    return {"trafilatura": shingle_prf_pages(raw), "cleaned": shingle_prf_pages(cleaned_pages),
            "cleaned_body": shingle_prf_pages(body_pages),
            "changed_pages": per_page, "n": len(raw),
            "clean_chars_per_s": chars / clean_time if clean_time else None}


def clean_throughput(texts: list[str], repeat: int = 3) -> float:
    """Characters per second of :func:`clean` over ``texts`` (best of ``repeat``)."""
    best = float("inf")
    total = sum(len(t) for t in texts)
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            clean(t)
        best = min(best, time.perf_counter() - t0)
    return total / best if best else float("inf")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--gold", default=str(DEFAULT_GOLD))
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--only", choices=("corpus", "appended", "html"), action="append")
    args = ap.parse_args(argv)
    only = set(args.only or ("corpus", "appended", "html"))
    result: dict[str, Any] = {}
    if "corpus" in only:
        result["corpus"] = evaluate_corpus(args.gold, args.corpus)
        texts = [p.read_text(encoding="utf-8-sig") for p in sorted(Path(args.corpus).glob("*.txt"))]
        result["corpus_clean_chars_per_s"] = clean_throughput(texts)
    if "appended" in only:
        result["appended"] = evaluate_appended(args.data)
    if "html" in only:
        result["html"] = evaluate_html(args.data)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
