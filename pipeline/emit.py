"""Emit stage: build the output records and write JSONL atomically.

Records follow ``docs/schema.md`` (JSON Schema in ``pipeline/schema/``). Ids are
stable: ``claim_id`` is a hash of the document id and the claim's span and text,
so the same input gives the same ids (and the same bytes) on every run.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

from . import SCHEMA_VERSION
from .hedge import flags
from .records import Claim, Cleaned, RawDocument

PREVIEW_CHARS = 80


def claim_id(doc_id: str, start: int, end: int, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}\x00{start}\x00{end}\x00{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def claim_record(doc_id: str, text: str, claim: Claim) -> dict[str, Any]:
    body = text[claim.start:claim.end]
    return {
        "schema_version": SCHEMA_VERSION,
        "claim_id": claim_id(doc_id, claim.start, claim.end, body),
        "doc_id": doc_id,
        "text": body,
        "span": [claim.start, claim.end],
        "sentence_index": claim.sentence_index,
        "section": claim.section,
        "kind": claim.kind,
        "quantities": claim.quantities,
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


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask


class AtomicWriter:
    """Write a file under a temporary name and rename it into place on :meth:`commit`.

    An interrupted run therefore never leaves a truncated file under the final
    name; :meth:`abort` (or leaving the ``with`` block on an exception) removes
    the temporary file.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get open()'s usual mode
        self.tmp = Path(tmp)
        self.fh: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def write_line(self, line: str) -> None:
        self.fh.write(line)
        self.fh.write("\n")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write a whole file atomically (see :class:`AtomicWriter`)."""
    with AtomicWriter(path) as out:
        out.write(text)
