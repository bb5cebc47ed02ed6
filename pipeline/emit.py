"""Emit stage: the output records of a document and its claims.

Records follow ``docs/schema.md`` (JSON Schema in ``pipeline/schema/``). Ids are
stable: ``claim_id`` is a hash of the document id and the claim's span and text,
so the same input gives the same ids (and the same bytes) on every run.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

from .version import SCHEMA_VERSION
from .records import HEDGE_TYPES, IMPLIED, Claim, Cleaned, Hedge, RawDocument, is_span_key

PREVIEW_CHARS = 80


def claim_id(doc_id: str, start: int, end: int, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}\x00{start}\x00{end}\x00{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def flags(hedges: list[Hedge]) -> dict[str, bool]:
    """One boolean per hedge type: does a hedge of that type apply to the claim?

    Cues with scope ``clause`` sit in an embedded clause and do not hedge the claim; an
    ``unsourced`` hedge sets ``unverified`` too (:data:`pipeline.records.IMPLIED`)."""
    present = {h["type"] for h in hedges if h["scope"] != "clause"}
    present |= {IMPLIED[t] for t in present if t in IMPLIED}
    return {t: t in present for t in HEDGE_TYPES}


def _sliced(text: str, obj: Any) -> Any:
    """``obj`` with every field that has a span taken from ``text`` (``documents.text``).

    The stages read the analysis text, where the line breaks inside a hard-wrapped
    paragraph are spaces (:func:`pipeline.analyze.analysis_text`); a field across such a
    break ("17.7\\nbillion euros") is the original characters again. Same length only:
    any other mismatch is left for :func:`pipeline.validate.check_offsets` to report."""
    if isinstance(obj, list):
        for item in obj:
            _sliced(text, item)
    elif isinstance(obj, dict):
        for key, value in list(obj.items()):
            if is_span_key(key):
                field = "text" if key == "span" else key[:-len("_span")] if key.endswith("_span") else None
                if value is not None and field and isinstance(obj.get(field), str) \
                        and len(obj[field]) == value[1] - value[0]:
                    obj[field] = text[value[0]:value[1]]
            elif isinstance(value, (dict, list)):
                _sliced(text, value)
    return obj


def claim_record(doc_id: str, text: str, claim: Claim) -> dict[str, Any]:
    body = text[claim.start:claim.end]
    _sliced(text, [claim.quantities, claim.entities, claim.dates, claim.attribution,
                   claim.other_attributions, claim.hedges])
    return {
        "schema_version": SCHEMA_VERSION,
        "claim_id": claim_id(doc_id, claim.start, claim.end, body),
        "doc_id": doc_id,
        "text": body,
        "span": [claim.start, claim.end],
        "sentence_index": claim.sentence_index,
        "section": claim.section,
        "kind": claim.kind,
        "quantities": [dict(q, flags=flags(q.get("hedges", []))) for q in claim.quantities],
        "entities": claim.entities,
        "dates": claim.dates,
        "attribution": claim.attribution,
        "other_attributions": claim.other_attributions,
        "hedges": claim.hedges,
        "flags": flags(claim.hedges),
    }


def document_record(raw: RawDocument, cleaned: Cleaned | None, n_claims: int,
                    error: dict | None = None) -> dict[str, Any]:
    text = cleaned.text if cleaned else (raw.text or "")
    segments = sorted(cleaned.segments, key=lambda s: s.start) if cleaned else []
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": raw.doc_id,
        "path": raw.path,
        "source": raw.source,
        "url": raw.url,
        "title": (cleaned.title if cleaned and cleaned.title else raw.title),
        "published": (cleaned.published if cleaned and cleaned.published else raw.published),
        "byline": cleaned.byline if cleaned else None,
        "tags": list(cleaned.tags) if cleaned else [],
        "dateline": cleaned.dateline if cleaned else None,
        "encoding": raw.encoding,
        "text": text,
        "kept": [[s.start, s.end] for s in segments],
        "sections": [{"span": [s.start, s.end], "section": s.section}
                     for s in segments if s.section != "body"],
        "removed": [{"span": [r.start, r.end], "reason": r.reason, "preview": r.preview}
                    for r in sorted(cleaned.removed, key=lambda r: r.start)] if cleaned else [],
        "n_claims": n_claims,
        "error": error or raw.error,
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line; NaN/inf are refused (they are not JSON)."""
    return json.dumps(record, ensure_ascii=False, allow_nan=False)
