"""Directory runs: process into resumable part files, then merge into the JSONL.

Parts are content-keyed (:mod:`pipeline.store`): with ``resume``, inputs whose
results are already in a part are not processed again. ``engine="dask"`` hands the
remaining documents to a Dask cluster (:mod:`pipeline.distributed`); otherwise the
batch engine (:mod:`pipeline.engine`) runs them here.
"""
from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .engine import Settings, process_stream
from .records import RawDocument

#: A part is written when it holds ``part_size`` documents or when this many seconds
#: have passed since the last one, whichever comes first: a slow run killed after a
#: minute keeps a minute's work, not nothing.
FLUSH_SECONDS = 30.0

#: ``progress(reused)``: one more document done, taken from an earlier part or not.
Progress = Callable[[bool], None]


def _no_progress(reused: bool) -> None:
    return None


@dataclass
class Summary:
    documents: int = 0
    reused: int = 0
    claims: int = 0
    errors: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    removed_chars: int = 0
    kept_chars: int = 0
    #: derived files of an earlier output removed before the new one was written
    removed_derived: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)

    @property
    def processed(self) -> int:
        """Documents this run processed (not taken from earlier parts)."""
        return self.documents - self.reused

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def add(self, doc: dict[str, Any], claims: list[dict[str, Any]]) -> None:
        self.documents += 1
        self.claims += len(claims)
        if doc["error"]:
            self.errors[doc["error"]["type"]] += 1
        self.kinds.update(c["kind"] for c in claims)
        self.kept_chars += sum(e - s for s, e in doc["kept"])
        self.removed_chars += sum(r["span"][1] - r["span"][0] for r in doc["removed"])


def run(raws: Iterable[RawDocument], settings: Settings,
        sink: Callable[[dict[str, Any], list[dict[str, Any]]], None]) -> Summary:
    """Process every document and hand its records to ``sink``; return the tallies."""
    summary = Summary()
    for doc, claims in process_stream(raws, settings):
        sink(doc, claims)
        summary.add(doc, claims)
    return summary


def run_to_directory(raws: Iterable[RawDocument], settings: Settings, outdir: str, *,
                     resume: bool = False, part_size: int = 512, engine: str = "local",
                     scheduler: str | None = None, progress: Progress = _no_progress,
                     flush_seconds: float = FLUSH_SECONDS) -> Summary:
    """Process into ``outdir/parts`` (resumable), then merge into the final JSONL files.

    With ``resume``, inputs whose results are already in a part are not processed
    again (see :mod:`pipeline.store`). A part is written every ``part_size``
    documents or ``flush_seconds``, whichever comes first. ``engine="dask"`` hands
    the remaining documents to a Dask cluster (:mod:`pipeline.distributed`).
    """
    from .analyze import model_meta
    from .store import PartStore, fingerprint

    fp = fingerprint(settings, model_meta(settings.model))
    with PartStore(outdir, resume=resume) as store:
        return _process_into(store, raws, settings, fp, engine=engine, scheduler=scheduler,
                             part_size=part_size, progress=progress, flush_seconds=flush_seconds)


def _process_into(store: Any, raws: Iterable[RawDocument], settings: Settings, fp: str, *,
                  engine: str, scheduler: str | None, part_size: int,
                  progress: Progress, flush_seconds: float) -> Summary:
    from .store import result_key

    started = time.perf_counter()
    keys: list[str] = []
    pending: deque[str] = deque()
    reused = 0

    def todo() -> Iterator[RawDocument]:
        nonlocal reused
        for raw in raws:
            key = result_key(raw, fp)
            keys.append(key)
            if key in store:
                reused += 1
                progress(True)
                continue
            pending.append(key)
            yield raw

    if engine == "dask":
        from .distributed import process_on_dask

        process_on_dask(todo(), pending, settings, store, scheduler=scheduler,
                        part_size=part_size, progress=lambda: progress(False))
    else:
        _process_locally(store, todo(), pending, settings, part_size, flush_seconds, progress)
    store.write_order(keys, {"fingerprint": fp})
    summary = Summary(reused=reused, started=started)  # time the whole run, not the merge
    summary.removed_derived = [p.as_posix() for p in store.remove_derived()]
    store.merge(sink=summary.add)
    return summary


def _process_locally(store: Any, todo: Iterable[RawDocument], pending: deque[str], settings: Settings,
                     part_size: int, flush_seconds: float, progress: Progress) -> None:
    """Run the batch engine here, writing a part every ``part_size`` documents or
    ``flush_seconds``, whichever comes first."""
    buffer: list = []
    flushed = time.monotonic()
    try:
        for doc, claims in process_stream(todo, settings):
            buffer.append((pending.popleft(), doc, claims))
            progress(False)
            if len(buffer) >= part_size or time.monotonic() - flushed >= flush_seconds:
                store.write_part(buffer)
                buffer, flushed = [], time.monotonic()
    except KeyboardInterrupt:  # SIGINT, or SIGTERM turned into one by the CLI
        store.write_part(buffer)  # keep what is complete: --resume will not redo it
        raise
    store.write_part(buffer)
