"""Ingest stage: turn paths (files, directories, JSONL, stdin) into :class:`RawDocument` s.

Accepted inputs:

* a directory: every ``.txt`` / ``.html`` / ``.htm`` file below it (sorted by
  relative path, hidden entries skipped), with per-file metadata from the
  ``manifest.jsonl`` of the nearest directory (the file's own or one above it, up to
  the one given) whose manifest lists the file by its path relative to it; and every
  JSONL shard of documents below it, in the same order (:func:`_holds_documents`
  tells a shard from a manifest or other metadata by its content);
* a single ``.txt`` / ``.html`` / ``.htm`` file;
* a ``.jsonl`` (or ``.ndjson``) file of ``{id, text | html, published?, url?,
  source?, title?}`` records;
* ``-``: standard input (gzip is decompressed), read as JSONL when it starts with
  ``{``, as HTML when it starts with a tag, else as one text.

A document (a file, a JSONL line, standard input) longer than ``max_bytes`` is
never read whole: it becomes a ``too_large`` error record and its neighbours go on.
Stray NUL bytes in a text are taken out, and the record says where (``input:nul``
removals); only a mostly binary file is refused.

Any file may be gzip-compressed (``.txt.gz``, ``.html.gz``, ``.jsonl.gz``, …): scraped
corpora are often stored that way, and the ``.gz`` is dropped from the document id.

Reading never raises for a bad document: it yields a ``RawDocument`` whose
``error`` says what went wrong, so the batch goes on and the output has a record
for every input. Documents are yielded lazily (memory does not grow with the
corpus), and ids are made unique deterministically (``id``, ``id~2``, …).
"""
from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import RawDocument, Removal

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MANIFEST = "manifest.jsonl"
_ID_UNSAFE = re.compile(r"[^\w.\-~]+")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: A document (file, JSONL line, standard input) longer than this is refused
#: (``too_large``) without being read whole: the analysis needs about 100 MB of memory
#: per MB of text (docs/robustness.md), and news articles are far below a megabyte
DEFAULT_MAX_BYTES = 20_000_000
#: C0 control bytes other than whitespace and ESC: text never holds many of them
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")
#: A file is binary when more than this share of its bytes (and at least
#: ``_BINARY_MIN`` of them) are control bytes: random or compressed data has about
#: 10%, a text with a few stray NUL bytes far less than 1%
_BINARY_SHARE = 0.01
_BINARY_MIN = 4
_NUL_RUN = re.compile(rb"\x00+")
_GZIP_MAGIC = b"\x1f\x8b"
#: standard input starting with a tag (after whitespace) is HTML
_HTML_START = re.compile(r"\s*<[A-Za-z!?]")
#: bytes of standard input read to tell gzip, JSONL, HTML and text apart
_SNIFF_BYTES = 4096
#: lines of a JSONL file in a directory read to find its first JSON object
_SNIFF_LINES = 100
#: an over-long line is skipped in pieces of this size
_SKIP_CHUNK = 1 << 16


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


def decode(data: bytes) -> tuple[str, str, list[Removal]]:
    """Decode bytes to text; returns ``(text, encoding, removed)``.

    Stray NUL bytes (a scraper's or a disk's leftovers) are taken out first; ``removed``
    holds one zero-width ``input:nul`` removal per run of them, at the position in
    ``text`` where they were. UTF-8 (with or without BOM) first; otherwise the
    encoding charset-normalizer detects. Raises ``ValueError`` for binary data (see
    ``_BINARY_SHARE``) or undecodable input.
    """
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls >= _BINARY_MIN and controls > _BINARY_SHARE * len(data):
        raise ValueError(f"binary data ({controls} NUL or other control bytes in {len(data)})")
    if b"\x00" not in data:
        return (*_decode_text(data), [])
    stripped = _NUL_RUN.sub(b"", data)
    text, encoding = _decode_text(stripped)
    return text, encoding, _nul_removals(data, encoding)


def _nul_removals(data: bytes, encoding: str) -> list[Removal]:
    """Where the NUL runs of ``data`` were, in characters of the text decoded without them
    (a NUL byte is never part of a multi-byte character of a text encoding)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    out, pos, at = [], 0, 0
    for run in _NUL_RUN.finditer(data):
        at += len(decoder.decode(data[pos:run.start()]))
        n = run.end() - run.start()
        out.append(Removal(at, at, "input:nul", f"{n} NUL byte{'s' if n > 1 else ''} taken out"))
        pos = run.end()
    return out


def _decode_text(data: bytes) -> tuple[str, str]:
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


def _too_large(doc_id: str, path: str | None, where: str, limit: int) -> RawDocument:
    return _error(doc_id, path, "too_large",
                  f"{where}: longer than {limit:,} bytes (--max-document-mb); not read")


def _read_file(path: Path, doc_id: str, meta: dict | None = None,
               limit: int = DEFAULT_MAX_BYTES) -> RawDocument:
    meta = meta or {}
    shown = str(path)
    try:
        with _open(path) as fh:
            data = fh.read(limit + 1)  # never more than the limit in memory, even from a .gz
    except (OSError, EOFError) as exc:  # EOFError: a truncated .gz
        return _error(doc_id, shown, "unreadable", f"{shown}: {getattr(exc, 'strerror', None) or exc}")
    if len(data) > limit:
        return _too_large(doc_id, shown, shown, limit)
    return _document(data, doc_id, shown, shown, html=_kind(path) == "html", meta=meta)


def _document(data: bytes, doc_id: str, label: str, path: str | None, *, html: bool | None,
              meta: dict | None = None) -> RawDocument:
    """The document of one input's bytes; ``html=None``: HTML when it starts with a tag."""
    meta = meta or {}
    try:
        text, encoding, removed = decode(data)
    except ValueError as exc:
        return _error(doc_id, path, "undecodable", f"{label}: {exc}")
    doc = RawDocument(doc_id=doc_id, path=path, encoding=encoding, removed=removed,
                      title=meta.get("headline") or meta.get("title"),
                      published=meta.get("published"),
                      source=meta.get("publisher") or meta.get("source"),
                      url=meta.get("url"))
    if html or (html is None and _HTML_START.match(text)):
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
                elif entry.is_file() and _kind(p) is not None:
                    found.append(p)
            except OSError:
                continue
    yield from sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def _inputs(directory: Path, limit: int) -> Iterator[Path]:
    """The files below ``directory`` that hold documents: texts, pages, JSONL shards."""
    for path in _walk(directory):
        if _kind(path) != "jsonl" or _holds_documents(path, limit):
            yield path


def _is_document_record(rec: object) -> bool:
    """A JSONL record that is an article: a ``text`` or ``html`` string, and no ``span``
    or ``kept`` (those annotate a text: claims, gold, newsclaims' own output)."""
    return (isinstance(rec, dict) and (isinstance(rec.get("text"), str) or isinstance(rec.get("html"), str))
            and not {"span", "kept"} & rec.keys())


def _holds_documents(path: Path, limit: int) -> bool:
    """Is a JSONL file met in a directory a shard of documents, or metadata beside them
    (a ``manifest.jsonl``, a list of events, gold annotations)? Its first JSON object
    decides (:func:`_is_document_record`). A file with no JSON object in its first
    ``_SNIFF_LINES`` lines, a first line too long to judge, or a file that cannot be
    read, is read as documents: its errors are then recorded, nothing is dropped unseen."""
    try:
        with _open(path) as fh:
            for line in itertools.islice(_lines(fh, limit), _SNIFF_LINES):
                if line is None:
                    return True
                try:
                    return _is_document_record(json.loads(line))
                except ValueError:  # blank or broken: the next line decides
                    continue
    except (OSError, EOFError):
        return True
    return True


def _from_directory(directory: Path, limit: int) -> Iterator[RawDocument]:
    manifests: dict[Path, dict[str, dict]] = {}
    for path in _inputs(directory, limit):
        rel = path.relative_to(directory).as_posix()
        if _kind(path) == "jsonl":
            yield from _from_jsonl(path, rel, limit)
            continue
        meta = _manifest_entry(directory, path, manifests)
        doc_id = (meta or {}).get("id") or _stem(Path(rel)).as_posix()
        yield _read_file(path, sanitize_id(str(doc_id)), meta, limit)


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


def _lines(stream: io.BufferedIOBase, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary stream, split as a text file's (``\\n``, ``\\r\\n``, ``\\r``):
    a line longer than ``limit`` bytes is skipped unread and ``None`` stands in its place,
    so memory never holds more than the limit."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield from line.splitlines() or [b""]


def _from_jsonl_stream(lines: Iterable[bytes | None], label: str, path: str | None,
                       limit: int) -> Iterator[RawDocument]:
    for n, line in enumerate(lines, 1):
        where = f"{label}:{n}"
        if line is None:
            yield _too_large(sanitize_id(where), path, where, limit)
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line.decode("utf-8", "replace"))
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


def _from_jsonl(path: Path, label: str, limit: int) -> Iterator[RawDocument]:
    try:
        with _open(path) as fh:
            yield from _from_jsonl_stream(_lines(fh, limit), label, str(path), limit)
    except (OSError, EOFError) as exc:
        yield _error(sanitize_id(label), str(path), "unreadable", f"{path}: {exc}")


class _Rejoined(io.RawIOBase):
    """A stream whose first bytes were read to tell what it holds, with them put back."""

    def __init__(self, head: bytes, rest: io.BufferedIOBase):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.head[:len(buffer)] or self.rest.read(len(buffer))
        self.head = self.head[len(data):]
        buffer[:len(data)] = data
        return len(data)


def _read_head(stream: io.BufferedIOBase, n: int) -> bytes:
    """Up to ``n`` bytes (fewer only at the end: a pipe may deliver them piecemeal)."""
    parts = []
    while n > 0 and (chunk := stream.read(n)):
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _from_stdin(stream: io.BufferedIOBase | None = None,
                limit: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    source = stream or sys.stdin.buffer
    try:
        head = _read_head(source, _SNIFF_BYTES)
        if head.startswith(_GZIP_MAGIC):
            source = gzip.GzipFile(fileobj=io.BufferedReader(_Rejoined(head, source)), mode="rb")
            head = _read_head(source, _SNIFF_BYTES)
        source = io.BufferedReader(_Rejoined(head, source))
        if head.lstrip()[:1] == b"{":
            yield from _from_jsonl_stream(_lines(source, limit), "stdin", None, limit)
            return
        data = source.read(limit + 1)
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream
        yield _error("stdin", None, "unreadable", f"stdin: {exc}")
        return
    if len(data) > limit:
        yield _too_large("stdin", None, "stdin", limit)
        return
    yield _document(data, content_id(data), "stdin", None, html=None)


def _raw(paths: Iterable[str], limit: int) -> Iterator[RawDocument]:
    for p in paths:
        if p == "-":
            yield from _from_stdin(limit=limit)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _from_directory(path, limit)
        elif _kind(path) == "jsonl":
            yield from _from_jsonl(path, path.name, limit)
        else:
            yield _read_file(path, sanitize_id(_stem(path).name), limit=limit)


def read_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """All documents under ``paths``, lazily, with unique ids; a document longer than
    ``max_bytes`` is a ``too_large`` error record."""
    seen: dict[str, int] = {}
    for doc in _raw(paths, max_bytes):
        n = seen.get(doc.doc_id, 0) + 1
        seen[doc.doc_id] = n
        if n > 1:
            doc.doc_id = f"{doc.doc_id}~{n}"
            while doc.doc_id in seen:
                n += 1
                doc.doc_id = f"{doc.doc_id.rsplit('~', 1)[0]}~{n}"
            seen[doc.doc_id] = 1
        yield doc


def _count_records(path: Path, limit: int) -> int:
    try:
        with _open(path) as fh:
            return sum(1 for line in _lines(fh, limit) if line is None or line.strip())
    except (OSError, EOFError):
        return 1


def count_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> int | None:
    """How many documents ``paths`` hold, cheaply (for the progress bar); None if unknown."""
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-":
            return None
        files = _inputs(path, max_bytes) if path.is_dir() else [path]
        total += sum(_count_records(f, max_bytes) if _kind(f) == "jsonl" else 1 for f in files)
    return total
