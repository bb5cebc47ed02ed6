"""Loaders for the evaluation data: plain dicts, offsets checked against the text.

Every loader takes the data directory (``--data``, e.g. ``../shared/data``) and returns
``None`` when its files are absent, so the runner can skip the set with a message.
Offsets are ``[start, end)`` character offsets into the record's ``text``.

Sets and files (see ``<data>/README.md``):

* :func:`load_polnear` — ``attribution/polnear/<split>.jsonl`` (:func:`polnear_versions`: every annotator's version)
* :func:`load_szeged` — ``hedging/factbank-dev.jsonl``, ``hedging/wikiweasel.jsonl``
* :func:`load_newsquant`, :func:`load_quantity_sets` — ``quantities/*.json``
* :func:`load_tbaq` — ``dates/tbaq/{TimeBank,AQUAINT}/*.tml``
* :func:`load_scrapinghub` — ``boilerplate/scrapinghub-aeb/``
* :func:`load_corpus_gold` — the project's own ``corpus/gold/{kept,claims}.jsonl``
"""
from __future__ import annotations

import gzip
import html
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "load_polnear", "polnear_versions", "load_szeged", "sample", "load_newsquant", "parse_newsquant_value",
    "load_quantity_sets", "load_tbaq", "parse_timeml", "load_scrapinghub", "read_scrapinghub_html",
    "load_corpus_gold", "load_manifest", "read_article",
]


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# --------------------------------------------------------------------------- PolNeAR

def load_polnear(data: str | Path, split: str = "dev") -> list[dict[str, Any]] | None:
    """PolNeAR articles with their attribution relations, one record per article.

    Some articles were annotated by several annotators (one JSONL line each). We keep
    the annotation of the annotator whose id sorts first, so the choice is
    deterministic and independent of file order and of any system output; mixing
    annotators would double-count relations. ``annotators`` lists all of them.

    Record: ``{doc_id, annotator, annotators, publisher, publication_date, title, text,
    attributions: [{id, type, source, cue, content}]}``; each role is a list of
    ``{start, end, text}`` pieces (possibly empty, e.g. ``Attribution-no-source``).
    """
    by_doc = polnear_versions(data, split)
    if by_doc is None:
        return None
    out = []
    for doc_id in sorted(by_doc):
        versions = by_doc[doc_id]
        rec = dict(versions[0])
        rec["annotators"] = [str(v.get("annotator")) for v in versions]
        out.append(rec)
    return out


def polnear_versions(data: str | Path, split: str = "dev") -> dict[str, list[dict[str, Any]]] | None:
    """Every annotator's version of each PolNeAR article: ``doc_id`` → records sorted by
    annotator id (one for most articles), roles normalised to lists as in
    :func:`load_polnear`."""
    path = Path(data) / "attribution" / "polnear" / f"{split}.jsonl"
    if not path.exists():
        return None
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in _jsonl(path):
        rec["attributions"] = [{**a, "source": a.get("source") or [], "cue": a.get("cue") or [],
                                "content": a.get("content") or []}
                               for a in rec.get("attributions", [])]
        by_doc[rec["doc_id"]].append(rec)
    return {k: sorted(v, key=lambda r: str(r.get("annotator"))) for k, v in by_doc.items()}


# --------------------------------------------------------------------------- Szeged hedging

def load_szeged(data: str | Path, name: str) -> list[dict[str, Any]] | None:
    """Sentences of a Szeged Uncertainty Corpus part: ``name`` is ``factbank`` or ``wikiweasel``.

    Record: ``{doc_id, sent_id, text, uncertain, cues: [{start, end, text, type}]}``; cue
    types keep the corpus spelling (some end in ``"_"`` or ``" _"``): see
    :data:`pipeline.eval.__main__.SZEGED_CUE_TYPES` for the mapping to our hedge types.
    """
    files = {"factbank": "factbank-dev.jsonl", "wikiweasel": "wikiweasel.jsonl"}
    path = Path(data) / "hedging" / files.get(name, name)
    if not path.exists():
        return None
    out = []
    for rec in _jsonl(path):
        rec["cues"] = [{**c, "type": str(c.get("type", "")).strip()} for c in rec.get("cues", [])]
        out.append(rec)
    return out


def sample(items: list[Any], limit: int | None, seed: int = 13) -> list[Any]:
    """At most ``limit`` items, drawn without replacement with a fixed seed, in original order."""
    if limit is None or limit <= 0 or limit >= len(items):
        return list(items)
    keep = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[i] for i in keep]


# --------------------------------------------------------------------------- quantities

_NUM = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")


def parse_newsquant_value(value: Any) -> dict[str, float | None]:
    """NewsQuant ``value`` ("740.0" or a range "100.0-1000.0") as ``{value, low, high}``.

    A single value has ``low = high = value``; a range has ``value = None`` and
    ``low <= high`` (NewsQuant writes "from 208 to 193" as "208.0-193.0", in text order).
    """
    if isinstance(value, (int, float)):
        return {"value": float(value), "low": float(value), "high": float(value)}
    s = str(value).strip().replace(",", "")
    m = _RANGE.match(s)
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        return {"value": None, "low": min(a, b), "high": max(a, b)}
    try:
        v = float(s)
    except ValueError:
        return {"value": None, "low": None, "high": None}
    return {"value": v, "low": v, "high": v}


def load_newsquant(data: str | Path) -> list[dict[str, Any]] | None:
    """NewsQuant dev sentences: ``{text, quantities: [{change, value, low, high, unit,
    normalized_unit, referred_concepts, raw_value}]}`` (no character offsets in the source)."""
    path = Path(data) / "quantities" / "newsquant-dev.json"
    if not path.exists():
        return None
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        qs = [{**q, "raw_value": q.get("value"), **parse_newsquant_value(q.get("value"))}
              for q in rec.get("quantities", [])]
        out.append({"text": rec["text"], "quantities": qs})
    return out


def load_quantity_sets(data: str | Path) -> dict[str, list[dict[str, Any]]] | None:
    """The small quantity sets, each as ``[{text, quantities: [{value, unit, surface}]}]``.

    Keys: ``quantulum3`` (``surface`` given), ``age``, ``currency``, ``dimension``,
    ``temperature`` (``surface`` None, ``unit`` = ``normalized_unit``). Absent files are left out.
    """
    base = Path(data) / "quantities"
    out: dict[str, list[dict[str, Any]]] = {}
    q3 = base / "quantulum3-quantities.json"
    if q3.exists():
        out["quantulum3"] = [
            {"text": r["req"], "quantities": [{"value": parse_newsquant_value(q["value"])["value"],
                                               "unit": q.get("unit"), "surface": q.get("surface")}
                                              for q in r.get("res", [])]}
            for r in json.loads(q3.read_text(encoding="utf-8"))]
    for name in ("age", "currency", "dimension", "temperature"):
        p = base / f"{name}-model.json"
        if p.exists():
            out[name] = [
                {"text": r["text"], "quantities": [{"value": parse_newsquant_value(q["value"])["value"],
                                                    "unit": q.get("normalized_unit"), "surface": None}
                                                   for q in r.get("quantities", [])]}
                for r in json.loads(p.read_text(encoding="utf-8"))]
    return out or None


# --------------------------------------------------------------------------- TBAQ (TimeML)

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"')


def parse_timeml(xml: str, doc_id: str = "") -> dict[str, Any]:
    """One TimeML file as ``{doc_id, dct, text, timexes: [{tid, type, value, start, end, text, ...}]}``.

    ``text`` is the content of ``<TEXT>`` with every tag removed and XML entities
    decoded; TIMEX3 offsets index into it. ``dct`` is the ``value`` of the TIMEX3 in
    ``<DCT>`` (the publication date).
    """
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", xml)
    if m:
        dct = dict(_ATTR.findall(m.group(1))).get("value")
    m = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S)
    body = m.group(1) if m else ""
    pieces: list[str] = []
    length = 0
    open_timex: list[dict[str, Any]] = []
    timexes = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos:tag.start()])  # unescape per chunk keeps offsets exact
        pieces.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, attrs, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if closing:
            t = open_timex.pop()
            t["end"] = length
            timexes.append(t)
        else:
            a = dict(_ATTR.findall(attrs))
            open_timex.append({**a, "tid": a.get("tid"), "type": a.get("type"),
                               "value": a.get("value"), "start": length})
    pieces.append(html.unescape(body[pos:]))
    text = "".join(pieces)
    for t in timexes:
        t["text"] = text[t["start"]:t["end"]]
    timexes.sort(key=lambda t: (t["start"], t["end"]))
    return {"doc_id": doc_id, "dct": dct, "text": text, "timexes": timexes}


def load_tbaq(data: str | Path) -> list[dict[str, Any]] | None:
    """All TimeBank and AQUAINT documents (sorted by part, then file name); ``part`` says which."""
    base = Path(data) / "dates" / "tbaq"
    if not base.exists():
        return None
    out = []
    for part in ("TimeBank", "AQUAINT"):
        for p in sorted((base / part).glob("*.tml")):
            doc = parse_timeml(p.read_text(encoding="utf-8"), doc_id=p.stem)
            doc["part"] = part
            out.append(doc)
    return out or None


# --------------------------------------------------------------------------- ScrapingHub

def load_scrapinghub(data: str | Path) -> list[dict[str, Any]] | None:
    """ScrapingHub article-extraction-benchmark pages: ``{id, url, article_body, html_path}``.

    The HTML is read lazily (:func:`read_scrapinghub_html`): 181 pages of markup.
    """
    base = Path(data) / "boilerplate" / "scrapinghub-aeb"
    gt = base / "ground-truth.json"
    if not gt.exists():
        return None
    truth = json.loads(gt.read_text(encoding="utf-8"))
    return [{"id": key, "url": v.get("url"), "article_body": v.get("articleBody") or "",
             "html_path": str(base / "html" / f"{key}.html.gz")}
            for key, v in sorted(truth.items())]


def read_scrapinghub_html(page: dict[str, Any]) -> str:
    """Decoded HTML of a page: UTF-8, falling back to charset detection for other encodings."""
    raw = gzip.decompress(Path(page["html_path"]).read_bytes())
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


# --------------------------------------------------------------------------- corpus gold

def read_article(corpus: str | Path, doc_id: str, file: str | None = None) -> str | None:
    """An article's text as the gold offsets see it (utf-8-sig: a BOM is not a character)."""
    p = Path(corpus) / (file or f"{doc_id}.txt")
    return p.read_text(encoding="utf-8-sig") if p.exists() else None


def load_manifest(corpus: str | Path) -> dict[str, dict[str, Any]]:
    """``corpus/manifest.jsonl`` by id (empty when the file does not exist)."""
    p = Path(corpus) / "manifest.jsonl"
    return {r["id"]: r for r in _jsonl(p)} if p.exists() else {}


def _section_spans(raw: Any) -> list[dict[str, Any]]:
    # docs/annotation.md is being written; accept {"span":[s,e],"section":x} or [s,e,x]
    out = []
    for s in raw or []:
        if isinstance(s, dict):
            span = s.get("span") or [s.get("start"), s.get("end")]
            out.append({"span": [int(span[0]), int(span[1])], "section": s.get("section")})
        elif isinstance(s, (list, tuple)) and len(s) >= 2:
            out.append({"span": [int(s[0]), int(s[1])], "section": s[2] if len(s) > 2 else None})
    return out


def load_corpus_gold(gold: str | Path, corpus: str | Path | None = None) -> list[dict[str, Any]] | None:
    """The project's hand annotation, one record per annotated article.

    ``gold`` is ``corpus/gold``; ``corpus`` defaults to its parent. Record: ``{doc_id,
    text, title, published, publisher, kept, section_spans, claims}`` where ``kept`` is
    None for an article absent from ``kept.jsonl`` and ``claims`` lists the
    ``claims.jsonl`` records of the article (in span order). ``title``/``published``
    come from ``manifest.jsonl`` (``headline``/``published``) when it exists.
    Returns None when neither gold file exists.
    """
    gold = Path(gold)
    corpus = Path(corpus) if corpus else gold.parent
    kept_p, claims_p = gold / "kept.jsonl", gold / "claims.jsonl"
    if not kept_p.exists() and not claims_p.exists():
        return None
    manifest = load_manifest(corpus)
    kept = {r["doc_id"]: r for r in _jsonl(kept_p)} if kept_p.exists() else {}
    claims: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if claims_p.exists():
        for r in _jsonl(claims_p):
            claims[r["doc_id"]].append(r)
    out = []
    for doc_id in sorted(set(kept) | set(claims)):
        meta = manifest.get(doc_id, {})
        text = read_article(corpus, doc_id, meta.get("file"))
        k = kept.get(doc_id)
        out.append({
            "doc_id": doc_id, "text": text,
            "title": meta.get("headline"), "published": meta.get("published"),
            "publisher": meta.get("publisher"),
            "kept": [[int(s), int(e)] for s, e in k["kept"]] if k else None,
            "section_spans": _section_spans(k.get("section_spans")) if k else [],
            "claims": sorted(claims.get(doc_id, []), key=lambda c: tuple(c["span"])),
            "has_claims": doc_id in claims or claims_p.exists(),
        })
    return out
