"""``--engine dask``: the same pipeline on a Dask cluster (dask.distributed).

The driver reads the inputs as a stream, cuts them into partitions of
``part_size`` documents and submits one task per partition, with at most two
tasks per worker in flight (so driver memory stays bounded). A task runs the
whole pipeline on its partition and writes the results straight into
``OUTDIR/parts`` as one atomic part file; the driver only indexes the part. The
output directory must therefore be on storage every worker can write (a shared
filesystem). Each worker process loads the spaCy model once, on its first task,
and keeps it for the following ones: models are never shipped with tasks.

Without ``--scheduler`` a ``LocalCluster`` of ``--workers`` processes is started.
Dask is an optional extra: ``pip install 'newsclaims[dask]'``.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import RawDocument
from .engine import Processor, Settings, batched, library_logging
from .store import write_part_file

if TYPE_CHECKING:
    from .store import PartStore

_PROCESSOR: Processor | None = None


def _processor(settings: Settings) -> Processor:
    """This worker process's pipeline, built on first use (the model loads once)."""
    global _PROCESSOR
    if _PROCESSOR is None or _PROCESSOR.settings != settings:
        library_logging(settings.verbose)
        _PROCESSOR = Processor(settings)
    return _PROCESSOR


def process_partition(raws: list[RawDocument], keys: list[str], settings: Settings,
                      parts_dir: str, prefix: str) -> tuple[str | None, int]:
    """Run on a worker: process one partition and write its part file."""
    processor = _processor(settings)
    results = []
    for batch in batched(raws, settings.batch_size):
        results.extend(processor.process_batch(batch))
    path = write_part_file(Path(parts_dir), prefix,
                           [(key, doc, claims) for key, (doc, claims) in zip(keys, results)])
    return (str(path) if path else None), len(raws)


def process_on_dask(todo: Iterable[RawDocument], pending: deque[str], settings: Settings,
                    store: "PartStore", *, scheduler: str | None, part_size: int,
                    progress: Callable[[], None]) -> None:
    """Process every document of ``todo`` on the cluster; ``pending`` holds their keys in order."""
    try:
        from dask.distributed import Client, LocalCluster, wait
    except ImportError:
        raise ImportError("the dask engine needs dask.distributed: pip install 'newsclaims[dask]'") from None

    cluster = None if scheduler else LocalCluster(
        n_workers=max(1, settings.workers), threads_per_worker=1, processes=True,
        dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
            in_flight: set[Any] = set()

            def collect(done: Iterable[Any]) -> None:
                for future in done:
                    path, n = future.result()
                    if path:
                        store.add_part(Path(path))
                    for _ in range(n):
                        progress()

            for i, batch in enumerate(batched(todo, part_size)):
                keys = [pending.popleft() for _ in batch]
                in_flight.add(client.submit(process_partition, batch, keys, settings,
                                            str(store.dir.resolve()), f"dask-{i:06d}", pure=False))
                if len(in_flight) >= limit:
                    done, in_flight = wait(in_flight, return_when="FIRST_COMPLETED")
                    collect(done)
            collect(wait(in_flight).done)
    finally:
        if cluster is not None:
            cluster.close()
