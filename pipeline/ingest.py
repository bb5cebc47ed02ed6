"""Ingest stage: turn paths (files, directories, JSONL, stdin) into :class:`RawDocument` s.

Accepted inputs:

* a directory: every ``.txt`` / ``.html`` / ``.htm`` file below it (sorted by
  relative path, hidden entries skipped), with per-file metadata from the
  ``manifest.jsonl`` of the nearest directory (the file's own or one above it, up to
  the one given) whose manifest lists the file by its path relative to it;
* a single ``.txt`` / ``.html`` / ``.htm`` file;
* a ``.jsonl`` (or ``.ndjson``) file of ``{id, text | html, published?, url?,
  source?, title?}`` records;
* ``-``: standard input, read as JSONL when it starts with ``{``, else as one text.

Any file may be gzip-compressed (``.txt.gz``, ``.html.gz``, ``.jsonl.gz``, …): scraped
corpora are often stored that way, and the ``.gz`` is dropped from the document id.

Reading never raises for a bad document: it yields a ``RawDocument`` whose
``error`` says what went wrong, so the batch goes on and the output has a record
for every input. Documents are yielded lazily (memory does not grow with the
corpus), and ids are made unique deterministically (``id``, ``id~2``, …).
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import RawDocument

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MANIFEST = "manifest.jsonl"
_ID_UNSAFE = re.compile(r"[^\w.\-~]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(ValueError):
    """A path given on the command line does not exist or is of an unknown kind."""


def _kind(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def check_paths(paths: Iterable[str]) -> list[str]:
    """Validate command-line inputs up front: a clear usage error beats a half-run."""
    checked = []
    for p in paths:
        if p == "-":
            checked.append(p)
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or directory")
        if path.is_file() and _kind(path) is None:
            raise InputError(f"{p}: unknown input type (expected .txt, .html, .htm, .jsonl, "
                             ".ndjson, any of them .gz, a directory, or -)")
        checked.append(p)
    return checked


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    UTF-8 (with or without BOM) first; otherwise the encoding charset-normalizer
    detects. Raises ``ValueError`` for binary data (NUL bytes) or undecodable input.
    """
    if b"\x00" in data[:65536]:
        raise ValueError("binary data (NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data)


#: Legacy encodings by how common they are on the web: the tie-breaker when the
#: detector finds several equally clean decodings (short texts often tie).
_WEB_PREVALENCE = ("cp1252", "iso8859_15", "latin_1", "cp1250", "cp1251", "iso8859_2",
                   "cp1256", "cp1253", "cp1254", "shift_jis", "gb18030", "euc_kr", "big5")
_COHERENCE_TIE = 0.05


def _detect_legacy(data: bytes) -> tuple[str, str]:
    """Pick an encoding with charset-normalizer, preferring common ones among near-ties.

    A heuristic: charset-normalizer ranks e.g. DOS cp775 above cp1252 for a short
    French text because their coherence scores differ by a hair; among matches with
    the lowest chaos and coherence within ``_COHERENCE_TIE`` of the best, the
    encoding most common on the web wins.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise ValueError("undecodable text (no encoding fits)")
    best = matches[0]
    close = [m for m in matches if m.chaos <= best.chaos
             and m.coherence >= best.coherence - _COHERENCE_TIE]
    for encoding in _WEB_PREVALENCE:
        for match in close:
            if encoding in match.could_be_from_charset:
                return data.decode(encoding), encoding
    return str(best), best.encoding


def content_id(data: str | bytes) -> str:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return hashlib.sha1(raw).hexdigest()[:16]


def sanitize_id(raw: str) -> str:
    """An id safe to use in file names: no path separators, no ``..``, no spaces."""
    cleaned = _ID_UNSAFE.sub("_", raw).strip("._") or "doc"
    return cleaned[:200]


def _error(doc_id: str, path: str | None, kind: str, message: str) -> RawDocument:
    return RawDocument(doc_id=doc_id, path=path, error={"type": kind, "message": message})


def _read_file(path: Path, doc_id: str, meta: dict | None = None) -> RawDocument:
    meta = meta or {}
    shown = str(path)
    try:
        with _open(path) as fh:
            data = fh.read()
    except (OSError, EOFError) as exc:  # EOFError: a truncated .gz
        return _error(doc_id, shown, "unreadable", f"{shown}: {getattr(exc, 'strerror', None) or exc}")
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        return _error(doc_id, shown, "undecodable", f"{shown}: {exc}")
    doc = RawDocument(doc_id=doc_id, path=shown, encoding=encoding,
                      title=meta.get("headline") or meta.get("title"),
                      published=meta.get("published"),
                      source=meta.get("publisher") or meta.get("source"),
                      url=meta.get("url"))
    if _kind(path) == "html":
        doc.html = text
    else:
        doc.text = text
    return doc


def _load_manifest(directory: Path) -> dict[str, dict]:
    """``file`` → record from ``directory/manifest.jsonl``; bad lines are skipped."""
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("file"), str):
                out[rec["file"]] = rec
    return out


def _walk(directory: Path) -> Iterator[Path]:
    """Files below ``directory`` in sorted order; hidden entries and symlink loops skipped."""
    seen: set[tuple[int, int]] = set()
    stack = [directory]
    found: list[Path] = []
    while stack:
        current = stack.pop()
        try:
            st = current.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            try:
                if entry.is_dir():
                    stack.append(p)
                elif entry.is_file() and _kind(p) in ("text", "html"):
                    found.append(p)
            except OSError:
                continue
    yield from sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _from_directory(directory: Path) -> Iterator[RawDocument]:
    manifests: dict[Path, dict[str, dict]] = {}
    for path in _walk(directory):
        rel = path.relative_to(directory).as_posix()
        meta = _manifest_entry(directory, path, manifests)
        doc_id = (meta or {}).get("id") or _stem(Path(rel)).as_posix()
        yield _read_file(path, sanitize_id(str(doc_id)), meta)


def _manifest_entry(root: Path, path: Path, cache: dict[Path, dict[str, dict]]) -> dict | None:
    """The record of ``path`` in the nearest manifest that lists it, from its own
    directory up to ``root`` (a sub-collection keeps its own manifest); the file's
    bare name also matches, as it always has in ``root``'s manifest."""
    folder = path.parent
    while True:
        if folder not in cache:
            cache[folder] = _load_manifest(folder)
        entries = cache[folder]
        meta = entries.get(path.relative_to(folder).as_posix())
        if meta is None and folder == root:
            meta = entries.get(path.name)
        if meta is not None or folder == root:
            return meta
        folder = folder.parent


def _no_surrogates(value: object) -> object:
    """JSON may escape a lone surrogate ("\\ud800"), which no UTF-8 output can hold:
    it becomes U+FFFD (one code point for one, so offsets are unchanged)."""
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def _record_to_doc(rec: object, where: str, path: str | None) -> RawDocument:
    if not isinstance(rec, dict):
        return _error(sanitize_id(where), path, "invalid_record", f"{where}: not a JSON object")
    rec = {k: _no_surrogates(v) for k, v in rec.items()}
    text, html = rec.get("text"), rec.get("html")
    raw_id = rec.get("id")
    doc_id = sanitize_id(str(raw_id)) if raw_id not in (None, "") else (
        content_id(text or html) if isinstance(text or html, str) else sanitize_id(where))
    if not isinstance(text, str) and not isinstance(html, str):
        return _error(doc_id, path, "invalid_record", f"{where}: record has no 'text' or 'html' string")
    meta = {k: rec.get(k) if isinstance(rec.get(k), str) else None
            for k in ("title", "published", "source", "url")}
    return RawDocument(doc_id=doc_id, path=path, text=text if isinstance(text, str) else None,
                       html=None if isinstance(text, str) else html, encoding="utf-8", **meta)


def _from_jsonl_stream(lines: Iterable[str], label: str, path: str | None) -> Iterator[RawDocument]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{label}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(sanitize_id(where), path, "invalid_json", f"{where}: {exc.msg}")
            continue
        yield _record_to_doc(rec, where, path)


def _open(path: Path) -> io.BufferedIOBase:
    """``path`` opened for reading bytes, decompressed when its name ends in ``.gz``."""
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _stem(path: Path) -> Path:
    """``path`` without its type suffix (nor ``.gz``): the document id of a file."""
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.with_suffix("")


def _from_jsonl(path: Path) -> Iterator[RawDocument]:
    try:
        with _open(path) as raw, io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as fh:
            yield from _from_jsonl_stream(fh, path.name, str(path))
    except (OSError, EOFError) as exc:
        yield _error(sanitize_id(path.name), str(path), "unreadable", f"{path}: {exc}")


def _from_stdin(stream: io.BufferedReader | None = None) -> Iterator[RawDocument]:
    data = (stream or sys.stdin.buffer).read()
    if data.lstrip()[:1] == b"{":
        yield from _from_jsonl_stream(data.decode("utf-8", "replace").splitlines(), "stdin", None)
        return
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        yield _error("stdin", None, "undecodable", f"stdin: {exc}")
        return
    yield RawDocument(doc_id=content_id(data), path=None, text=text, encoding=encoding)


def _raw(paths: Iterable[str]) -> Iterator[RawDocument]:
    for p in paths:
        if p == "-":
            yield from _from_stdin()
            continue
        path = Path(p)
        if path.is_dir():
            yield from _from_directory(path)
        elif _kind(path) == "jsonl":
            yield from _from_jsonl(path)
        else:
            yield _read_file(path, sanitize_id(_stem(path).name))


def read_documents(paths: Iterable[str]) -> Iterator[RawDocument]:
    """All documents under ``paths``, lazily, with unique ids."""
    seen: dict[str, int] = {}
    for doc in _raw(paths):
        n = seen.get(doc.doc_id, 0) + 1
        seen[doc.doc_id] = n
        if n > 1:
            doc.doc_id = f"{doc.doc_id}~{n}"
            while doc.doc_id in seen:
                n += 1
                doc.doc_id = f"{doc.doc_id.rsplit('~', 1)[0]}~{n}"
            seen[doc.doc_id] = 1
        yield doc


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents ``paths`` hold, cheaply (for the progress bar); None if unknown."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-":
            return None
        if path.is_dir():
            total += sum(1 for _ in _walk(path))
        elif _kind(path) == "jsonl":
            try:
                with _open(path) as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                total += 1
        else:
            total += 1
    return total
