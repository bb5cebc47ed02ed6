"""Part files: resumable, incremental, shardable output.

A run into a directory writes its results to ``OUTDIR/parts/`` as it goes: each
part is a JSONL file of ``{"key", "document", "claims"}`` lines, written under a
temporary name and renamed into place, so a part is either complete or absent,
whatever kills the run (even ``kill -9``). Every result is filed under a key: the
SHA-1 of everything that determines it (the document's id, content and metadata,
the pipeline and schema versions, a digest of the pipeline's code and data, the
model and the settings). When processing
ends, ``parts/order.txt`` (the keys in input order) and ``parts/manifest.json``
are written, and :meth:`PartStore.merge` streams the records in input order into
``documents.jsonl`` and ``claims.jsonl`` (both atomic).

With ``resume`` the parts already on disk are indexed first and every input whose
key is there is not processed again: a crashed run picks up where it stopped, and
a re-run over a corpus where a few documents changed recomputes only those. The
merged output is the same bytes as an uninterrupted run's, since it is assembled
by key in input order. Memory: the index holds one entry per cached result
(about 150 bytes), never the records themselves. Parts are not compacted: results
of documents that later changed stay on disk until a run without ``--resume``
starts the directory afresh.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .version import SCHEMA_VERSION, __version__
from .atomic import AtomicWriter
from .emit import dumps
from .records import RawDocument
from .resources import data_path

PARTS = "parts"
ORDER = "order.txt"
MANIFEST = "manifest.json"
#: What the inspect commands write into an output directory by default (``compare
#: --jsonl``, ``report``, ``export``). They are derived from the output, so a new
#: output makes them stale: :meth:`PartStore.remove_derived` deletes them first.
LEDGER_FILE, STORIES_FILE, REPORT_FILE, EXPORT_DIR = "ledger.jsonl", "stories.jsonl", "report.html", "export"


def result_key(raw: RawDocument, fingerprint: str) -> str:
    """Key of a document's result: its content and metadata plus the run's fingerprint."""
    h = hashlib.sha1()
    for value in (fingerprint, raw.doc_id, raw.path, raw.text, raw.html, raw.title, raw.published,
                  raw.source, raw.url, raw.encoding, json.dumps(raw.error, sort_keys=True)):
        h.update(b"\x00" if value is None else b"\x01" + str(value).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def fingerprint(settings: Any, model_meta: dict[str, Any]) -> str:
    """What besides the input decides the output: versions, the code and data that
    run, model, settings."""
    parts = {"newsclaims": __version__, "schema": SCHEMA_VERSION, "code": code_digest(),
             "model": f"{model_meta.get('lang')}_{model_meta.get('name')}-{model_meta.get('version')}",
             "all_sentences": settings.all_sentences, "clean": asdict(settings.clean),
             "language": getattr(settings, "language", None)}
    return json.dumps(parts, sort_keys=True)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-1 of the pipeline's modules and of its data under ``models/``: any change
    to either (a fixed rule, a retrained model) changes every result key, so
    ``--resume`` never serves results of other code."""
    return tree_digest([Path(__file__).resolve().parent, data_path()])


def tree_digest(roots: Iterable[Path]) -> str:
    """SHA-1 over the relative paths and bytes of the files under ``roots`` (bytecode
    caches left out), in a fixed order."""
    h = hashlib.sha1()
    for root in roots:
        for path in sorted(p for p in Path(root).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\x00")
            h.update(path.read_bytes() + b"\x00")
    return h.hexdigest()


Result = tuple[str, dict[str, Any], list[dict[str, Any]]]


def write_part_file(directory: Path, prefix: str, results: list[Result]) -> Path | None:
    """Write results as ``part-<prefix>-<digest>.jsonl`` in ``directory``, atomically."""
    lines = [dumps({"key": k, "document": d, "claims": c}) for k, d, c in results]
    if not lines:
        return None
    digest = hashlib.sha1("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = Path(directory) / f"part-{prefix}-{digest}.jsonl"
    with AtomicWriter(path) as out:
        for line in lines:
            out.write_line(line)
    return path


def _lock(outdir: Path) -> Any:
    import fcntl

    fh = open(outdir / ".newsclaims.lock", "a+", encoding="utf-8")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise OutputLocked(f"{outdir} is being written by another newsclaims run ({holder}); "
                           "wait for it to finish or choose another output directory") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()}\n")
    fh.flush()
    return fh


@dataclass(frozen=True)
class Location:
    path: Path
    offset: int


class OutputLocked(RuntimeError):
    """Another run is writing to the same output directory."""


class PartStore:
    """The parts of one output directory: index, atomic writes, ordered merge.

    Holding a store holds an exclusive lock on the directory (``flock`` on
    ``OUTDIR/.newsclaims.lock``, released by the OS even if the process is
    killed), so two runs never interleave their output: the second refuses.
    Leftover temporary files of a crashed run are removed once the lock is held.
    """

    def __init__(self, outdir: str | os.PathLike[str], *, resume: bool = False):
        self.outdir = Path(outdir)
        self.dir = self.outdir / PARTS
        self.outdir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.outdir)
        for stale in [*self.outdir.glob(".*.tmp"), *self.dir.glob(".*.tmp")]:
            stale.unlink(missing_ok=True)
        if not resume and self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.index: dict[str, Location] = {}
        self._count = 0
        for path in sorted(self.dir.glob("part-*.jsonl")):
            self._index_part(path)
            self._count += 1

    def _index_part(self, path: Path) -> None:
        with path.open("rb") as fh:
            offset = 0
            for line in fh:
                key = json.loads(line)["key"]
                self.index.setdefault(key, Location(path, offset))
                offset += len(line)

    def close(self) -> None:
        """Release the directory lock."""
        if not self._lock.closed:
            self._lock.close()

    def __enter__(self) -> "PartStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def write_part(self, results: list[Result]) -> Path | None:
        """Write ``(key, document, claims)`` results as one new part, atomically, and index it."""
        path = write_part_file(self.dir, f"{self._count:06d}", results)
        if path is not None:
            self._count += 1
            self.add_part(path)
        return path

    def add_part(self, path: Path) -> None:
        """Index a part written elsewhere (by a distributed worker)."""
        self._index_part(path)

    def read(self, key: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        loc = self.index[key]
        with loc.path.open("rb") as fh:
            fh.seek(loc.offset)
            record = json.loads(fh.readline())
        return record["document"], record["claims"]

    def write_order(self, keys: Iterable[str], meta: dict[str, Any]) -> int:
        """Record the input order and a manifest; returns the number of documents."""
        n = 0
        with AtomicWriter(self.dir / ORDER) as out:
            for key in keys:
                out.write_line(key)
                n += 1
        manifest = dict(meta, documents=n, parts=sorted(p.name for p in self.dir.glob("part-*.jsonl")))
        with AtomicWriter(self.dir / MANIFEST) as out:
            out.write_line(json.dumps(manifest, indent=2, sort_keys=True))
        return n

    def ordered_keys(self) -> Iterator[str]:
        with (self.dir / ORDER).open(encoding="utf-8") as fh:
            for line in fh:
                yield line.strip()

    def remove_derived(self) -> list[Path]:
        """Delete the files derived from an earlier output (ledger, stories, report, export
        tables), so none sits stale beside the output about to be written; returns
        them, relative to the output directory. Files of other names in ``export/``
        are the user's and stay."""
        from .inspect.export import TABLES

        export = self.outdir / EXPORT_DIR
        candidates = [self.outdir / LEDGER_FILE, self.outdir / STORIES_FILE, self.outdir / REPORT_FILE,
                      *(export / f"{table}.{ext}" for table in TABLES for ext in ("csv", "parquet"))]
        removed = [path for path in candidates if path.is_file()]
        for path in removed:
            path.unlink()
        if export.is_dir() and not any(export.iterdir()):
            export.rmdir()
        return [path.relative_to(self.outdir) for path in removed]

    def merge(self, sink: Any = None) -> int:
        """Write ``documents.jsonl`` and ``claims.jsonl`` in input order from the parts.

        ``sink(document, claims)`` is called for each document (for the summary).
        Raises ``KeyError`` naming the first key whose part is missing.
        """
        n = 0
        with AtomicWriter(self.outdir / "documents.jsonl") as docs_out, \
                AtomicWriter(self.outdir / "claims.jsonl") as claims_out:
            for key in self.ordered_keys():
                if key not in self.index:
                    raise KeyError(f"no part holds the result for key {key}: run again with --resume")
                doc, claims = self.read(key)
                docs_out.write_line(dumps(doc))
                for claim in claims:
                    claims_out.write_line(dumps(claim))
                if sink is not None:
                    sink(doc, claims)
                n += 1
        return n
