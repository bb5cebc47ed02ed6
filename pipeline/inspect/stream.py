"""``compare`` over an output too large to hold: the story step and the ledger in
streamed passes, story by story (docs/scaling.md, "The ledger at scale").

1. ``documents.jsonl`` is read once for what the ledger needs of each document
   (:data:`DOC_FIELDS`) and where its line is; ``claims.jsonl`` once for the entities
   the story step weighs (:class:`pipeline.inspect.stories.EntityIndex`) and where each
   claim's line is and whose it is. Texts and claims are not kept.
2. The story step (:func:`pipeline.inspect.stories.stories_of`) reads the documents
   again, one at a time, as the TF-IDF vectorizer counts them.
3. The ledger is built one story at a time (:func:`pipeline.inspect.ledger.build_ledger`
   on the story's claims, read again by offset, and its documents), stories in the
   ledger's order: every group key starts with the story, and every corpus-wide input of
   the key (main country, home cities, multi-country stories, one name per source) is
   per story or per document, so the groups are those of one pass over everything;
   figures with no story are dated against the corpus's first story (``began``).
   Consecutive stories go in batches (:class:`StoryJob`), each read at its claims'
   offsets by a worker: a pool of ``workers`` processes (when there are at least two
   batches), or a Dask cluster with ``engine="dask"``; the batches' results come back in
   story order, so the output is the same whatever the workers. A worker sends back what
   the caller asks for (:class:`Shape`): a story's ``ledger.jsonl`` line, serialised
   there, and/or its groups (``compare`` asks for the groups only to print them).

Memory is the reduced records, the term counts of the story step and the largest
story's claims, not the corpus. ``tests/test_stream.py`` checks the result equals
:func:`build_ledger` over everything in memory.
"""
from __future__ import annotations

import gc
import itertools
import json
import os
from array import array
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from .data import output_paths, parse_line, read_jsonl_at
from .ledger import Lexicon, Measure, _story_began, build_ledger
from .ledgerfile import ledger_records
from .stories import EntityIndex, Story, stories_of

#: the fields of a document record the ledger reads (its outlet, date, title, and what
#: the story step gives it); the text and the rest stay on disk
DOC_FIELDS = ("doc_id", "source", "published", "title")


@dataclass
class Scan:
    """The first pass: reduced documents (file order, keyed by ``doc_id``, the last
    record of an id winning as in :func:`pipeline.inspect.data.load_output`), where each
    document's line starts, and each claim line's offset, length and document."""

    root: Path
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    doc_at: dict[str, int] = field(default_factory=dict)
    ents: EntityIndex = field(default_factory=EntityIndex)
    offsets: array = field(default_factory=lambda: array("q"))
    lengths: array = field(default_factory=lambda: array("q"))
    doc_ids: list[str] = field(default_factory=list)

    #: each document's MinHash signature (``None``: no text), in :meth:`texts` order,
    #: when a pool made them during the claims' scan (else the story step makes them)
    signatures: list[Any] | None = None

    @classmethod
    def of(cls, outdir: str | Path, workers: int = 1) -> "Scan":
        """The scan of ``outdir``; with ``workers`` > 1 and at least two chunks of
        :data:`SIGNATURE_DOCS` documents, a pool signs the documents meanwhile."""
        root, claims_path, docs_path = output_paths(outdir)
        scan = cls(root)
        lines: dict[str, tuple[int, int]] = {}
        if docs_path.is_file():
            for at, length, doc in read_jsonl_at(docs_path):
                d = str(doc.get("doc_id"))
                scan.documents[d] = {k: doc[k] for k in DOC_FIELDS if k in doc}
                scan.doc_at[d] = at
                lines[d] = (at, length)
        if workers < 2 or len(lines) < 2 * SIGNATURE_DOCS:
            scan._claims(claims_path)
            return scan
        with _pool(workers) as pool:
            chunks = list(lines.values())
            pending = [pool.apply_async(signatures_at, (str(docs_path), chunks[k:k + SIGNATURE_DOCS]))
                       for k in range(0, len(chunks), SIGNATURE_DOCS)]
            scan._claims(claims_path)
            scan.signatures = [sig for p in pending for sig in p.get()]
        return scan

    def _claims(self, claims_path: Path) -> None:
        interned: dict[str, str] = {}
        for at, length, claim in read_jsonl_at(claims_path):
            self.ents.add(claim)
            self.offsets.append(at)
            self.lengths.append(length)
            d = str(claim.get("doc_id"))
            self.doc_ids.append(interned.setdefault(d, d))

    def take_signatures(self) -> Iterator[Any] | None:
        """The signatures, handed over: the scan lets them go, so once the story step has
        read them and made its copy groups they are freed, not held through its peak (the
        pair cosines; some 60 MiB at 100,000 documents)."""
        signatures, self.signatures = self.signatures, None
        return None if signatures is None else iter(signatures)

    def texts(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each document's full record, read again at its offset (first-seen order); once:
        the offsets are let go when all are read."""
        if not self.doc_at:
            return
        with (self.root / "documents.jsonl").open("rb") as fh:
            for d, at in self.doc_at.items():
                fh.seek(at)
                yield d, parse_line(fh.readline())
        # read once, by the story step: the offsets go before its peak (some 10 MB at
        # 100,000 documents), not after the ledger
        self.doc_at = {}


#: documents a pool worker signs at a time (:func:`signatures_at`)
SIGNATURE_DOCS = 500


def signatures_at(path: str, lines: list[tuple[int, int]]) -> list[Any]:
    """The MinHash signature of each document record at ``(offset, length)`` of ``path``
    (``None`` for one without text), as the story step makes them (runs in a worker).

    Why (speed): signing is most of the story step's CPU time per document (some 0.8 ms
    of its 1 ms on the ledger-scale bench); a pool does it while this process scans the
    claims (docs/scaling.md, "Both cores")."""
    from .stories import _kept_text, _permutations, settings, signature

    s = settings()
    perms = _permutations(s)
    fd = os.open(path, os.O_RDONLY)
    try:
        texts = (_kept_text(parse_line(os.pread(fd, n, at))) for at, n in lines)
        return [signature(text, s, perms) if text.strip() else None for text in texts]
    finally:
        os.close(fd)


def streamed_ledger(outdir: str | Path, *, min_rows: int = 1, lex: Lexicon | None = None, wanted: Any = None,
                    engine: str = "local", scheduler: str | None = None,
                    workers: int = 2) -> tuple[list[Story], Iterator[tuple[str | None, list[Measure]]]]:
    """The stories of an output and, lazily, each story's groups in the ledger's order
    (:func:`pipeline.inspect.ledger.build_ledger` over all of it, story by story).
    ``wanted(story_id)`` skips the other stories (``compare --story``); ``engine="dask"``
    builds the stories' groups on a Dask cluster (``scheduler``, else a ``LocalCluster``
    of ``workers`` processes), which must see ``outdir``; locally a pool of ``workers``
    processes builds them (:func:`_on_pool`)."""
    stories, ledgers = streamed_stories(outdir, Shape(min_rows, lex), wanted=wanted, engine=engine,
                                        scheduler=scheduler, workers=workers)
    return stories, ((one.story, one.groups or []) for one in ledgers)


@dataclass(frozen=True)
class Shape:
    """What the worker building a story's ledger sends back (:class:`StoryLedger`):
    the groups of at least ``min_rows`` rows, only ``measures`` (all when empty), as
    :class:`Measure` objects (``groups``, for the terminal's tables) and/or as the
    story's ``ledger.jsonl`` line (``line``, serialised in the worker)."""

    min_rows: int = 1
    lex: Lexicon | None = None
    measures: tuple[str, ...] = ()
    groups: bool = True
    line: bool = False


class StoryLedger(NamedTuple):
    """One story's share of the ledger as :class:`Shape` asks for it: how many groups,
    the groups themselves or ``None``, its ``ledger.jsonl`` line (no newline) or ``None``."""

    story: str | None
    n: int
    groups: list[Measure] | None
    line: str | None


def streamed_stories(outdir: str | Path, shape: Shape, *, wanted: Any = None, engine: str = "local",
                     scheduler: str | None = None, workers: int = 2) -> tuple[list[Story], Iterator[StoryLedger]]:
    """:func:`streamed_ledger`, each story's ledger in the :class:`Shape` asked for.

    Why (speed): a story's groups hold its full claims; sent back to ``compare`` to be
    written, they were unpickled and serialised there, a quarter of the ledger's CPU time
    on the bench and all of it on the one process that also reads the results. A worker
    that writes the story's line itself sends back a string (docs/scaling.md, "Lines from
    the workers")."""
    scan = Scan.of(outdir, workers if engine == "local" else 1)
    stories = stories_of(scan.texts(), scan.ents, signatures=scan.take_signatures())
    scan.ents = EntityIndex()
    for st in stories:
        group_of = {d: g for g in st.copies for d in g}
        for d in st.documents:
            scan.documents[d]["story_id"] = st.story_id
            scan.documents[d]["copies"] = group_of.get(d, [])
    path = str((scan.root / "claims.jsonl").resolve())
    batches = _batches(scan, wanted, {s.story_id: s.title for s in stories})
    if engine == "dask":
        return stories, _on_dask(path, batches, shape, scheduler, workers)
    head = list(itertools.islice(batches, 2))
    batches = itertools.chain(head, batches)
    if workers > 1 and len(head) > 1:
        return stories, _on_pool(path, batches, shape, workers)
    # one story at a time: a batch's groups hold its claims
    return stories, (out for batch in batches for job in batch for out in story_ledgers(path, [job], shape))


@dataclass
class StoryJob:
    """One story's share of the ledger: where its claims are (``(offset, length)`` of
    each line, in file order), its documents, and when it began (for claims of no story:
    when the corpus's first story began)."""

    story: str | None
    lines: list[tuple[int, int]]
    documents: dict[str, dict[str, Any]]
    began: dict[str, str]
    title: str | None = None


def story_ledgers(path: str, jobs: list[StoryJob], shape: Shape) -> list[StoryLedger]:
    """Each job's ledger in ``shape``, its claims read at their offsets (runs on a Dask
    worker too)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return [_shaped(job, build_ledger([parse_line(line) for line in _read_lines(fd, job.lines)], job.documents,
                                          min_rows=shape.min_rows, lex=shape.lex, began=job.began), shape)
                for job in jobs]
    finally:
        os.close(fd)


def _read_lines(fd: int, lines: list[tuple[int, int]]) -> Iterator[bytes]:
    """The bytes of each ``(offset, length)`` line of ``fd``, in order; lines that follow
    one another in the file (a document's claims) read in one call.

    Why (speed): one ``pread`` a claim was some 3% of the ledger's CPU time on the
    ledger-scale bench (py-spy); a document's claims are consecutive lines."""
    k = 0
    while k < len(lines):
        start, end = lines[k][0], k + 1
        stop = start + lines[k][1]
        while end < len(lines) and lines[end][0] == stop:
            stop += lines[end][1]
            end += 1
        block = os.pread(fd, stop - start, start)
        for at, n in lines[k:end]:
            yield block[at - start:at - start + n]
        k = end


def _shaped(job: StoryJob, groups: list[Measure], shape: Shape) -> StoryLedger:
    """A story's groups as ``shape`` asks; its line is :func:`ledger_records`' record,
    serialised as ``compare`` wrote it (``ensure_ascii=False``), so the file is the same."""
    if shape.measures:
        groups = [m for m in groups if m.measure in shape.measures]
    line = None
    if shape.line and groups:
        line = "\n".join(json.dumps(r, ensure_ascii=False) for r in ledger_records(groups, {job.story or "": job.title}))
    return StoryLedger(job.story, len(groups), groups if shape.groups else None, line)


#: claims per batch of stories (one Dask task; its groups come back whole)
BATCH_CLAIMS = 5_000


def _batches(scan: Scan, wanted: Any, titles: dict[str, str | None]) -> Iterator[list[StoryJob]]:
    """The stories' jobs in the order the ledger sorts stories (when they began, undated
    last, then id), consecutive stories batched up to :data:`BATCH_CLAIMS` claims;
    ``titles``: story id → title, for the stories' ``ledger.jsonl`` lines."""
    began = _story_began(scan.documents)
    first = min(began.items(), key=lambda kv: kv[1], default=None)
    by_story = _claims_by_story(scan)
    scan.doc_ids = []
    docs_of: dict[str | None, dict[str, dict[str, Any]]] = {}
    for d, doc in scan.documents.items():
        docs_of.setdefault(doc.get("story_id"), {})[d] = doc
    batch: list[StoryJob] = []
    size = 0
    for story in sorted(by_story, key=lambda s: (began.get(s or "", "9999"), s or "")):
        lines = by_story.pop(story)
        if wanted is not None and not wanted(story):
            continue
        when = {story: began[story]} if story in began else {} if story is not None or first is None else dict([first])
        batch.append(StoryJob(story, [(scan.offsets[i], scan.lengths[i]) for i in lines],
                              docs_of.get(story, {}), when, titles.get(story or "")))
        size += len(lines)
        if size >= BATCH_CLAIMS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _on_dask(path: str, batches: Iterator[list[StoryJob]], shape: Shape,
             scheduler: str | None, workers: int) -> Iterator[StoryLedger]:
    """:func:`story_ledgers` of each batch on a Dask cluster, at most two batches per
    worker in flight, the results in order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ImportError("the dask engine needs dask.distributed: pip install 'newsclaims[dask]'") from None
    cluster = None if scheduler else LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
            yield from _in_order((client.submit(story_ledgers, path, batch, shape, pure=False).result
                                  for batch in batches), limit)
    finally:
        if cluster is not None:
            cluster.close()


def _on_pool(path: str, batches: Iterator[list[StoryJob]], shape: Shape,
             workers: int) -> Iterator[StoryLedger]:
    """:func:`story_ledgers` of each batch in a pool of ``workers`` processes (spawned, as
    ``extract``'s: they end with this process), at most two batches per worker in flight,
    the results in order.

    Each story's ledger depends on its own claims and documents only, so the stories
    can be built side by side; on the ledger-scale bench the ledger is three quarters
    of ``compare``'s CPU time (docs/scaling.md, "Both cores")."""
    with _pool(workers) as pool:
        yield from _in_order((pool.apply_async(story_ledgers, (path, batch, shape)).get
                              for batch in batches), 2 * workers)


def _pool(workers: int) -> Any:
    """A pool of ``workers`` processes, spawned as ``extract``'s are (no fork of this
    process's threads and memory), ending with this process, collecting as seldom as
    ``compare`` itself (:func:`fewer_collections`)."""
    import multiprocessing as mp

    return mp.get_context("spawn").Pool(workers, initializer=_worker_start)


def _worker_start() -> None:
    from ..engine import watch_parent

    watch_parent()
    fewer_collections()


#: container objects allocated, less those freed, between two collections of Python's
#: youngest generation in ``compare``'s processes (the interpreter's default: 700)
GC_YOUNG = 20_000


def fewer_collections() -> None:
    """Collect cyclic garbage less often in this process (:data:`GC_YOUNG`).

    Why (speed): the ledger parses every claim into fresh dicts and lists and drops them
    a story later, none of them in a cycle; at the default threshold the collector ran
    some 3,000 times over 3,000 replicated documents and took 7% of ``compare --workers
    1``'s CPU time (its ``gc.callbacks``), at 20,000 15 times and 0.5%, the peak RSS
    unchanged. With two workers (the default) the gain is within noise: a worker's heap is
    small, its collections cheap (docs/scaling.md, "Fewer collections"). The older
    generations keep their ratios."""
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def _in_order(pending: Iterable[Callable[[], list[Any]]], limit: int) -> Iterator[Any]:
    """The results of submitted tasks (each a call that waits for its result), in the
    order submitted, with at most ``limit`` submitted and not yet taken: the stories
    wait on disk, not in memory."""
    queue: deque[Callable[[], list[Any]]] = deque()
    for result in pending:
        queue.append(result)
        if len(queue) >= limit:
            yield from queue.popleft()()
    while queue:
        yield from queue.popleft()()


def _claims_by_story(scan: Scan) -> dict[str | None, array]:
    """Story id → the indexes of its claim lines, in file order (``None``: claims of
    documents without a story, or of none in ``documents.jsonl``)."""
    out: dict[str | None, array] = {}
    for i, d in enumerate(scan.doc_ids):
        story = (scan.documents.get(d) or {}).get("story_id")
        if (lines := out.get(story)) is None:
            lines = out[story] = array("q")
        lines.append(i)
    return out
