"""The batch engine: documents in, records out, in bounded batches, optionally in
worker processes.

A document goes clean → analyze (spaCy) → the analysis stages (:mod:`pipeline.stages`)
→ emit. Failures are per document: whatever goes wrong with one becomes the
``error`` of its ``documents.jsonl`` record (no claims), and the batch goes on.

With ``workers > 1`` a process pool loads the spaCy model once per worker and
maps whole batches (clean + parse + extract + … + records), so all stages run in
parallel, not just the parser; ``imap`` keeps the output in input order. Each batch
runs in a spaCy memory zone.

Robustness (docs/robustness.md): a document not in the model's language is
skipped before spaCy (``unsupported_language``, :mod:`pipeline.language`); each
document has a time limit (``timeout``, :mod:`pipeline.timeouts`); a document
longer than :data:`pipeline.analyze.SINGLE_DOC_MAX` is analysed in chunks whose
offsets are shifted back, so memory does not grow with one huge article.
"""
from __future__ import annotations

import itertools
import logging
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .clean import CleanSettings, clean, extract_html
from .emit import claim_record, document_record
from .records import Claim, Cleaned, RawDocument, Removal, is_span_key
from .extraction import select_claims
from .stages import StageTimer, candidates, run_stages
from .timeouts import DEFAULT_TIMEOUT, DocumentTimeout, time_limit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Result = tuple[dict[str, Any], list[dict[str, Any]]]


@dataclass(frozen=True)
class Settings:
    model: str | None = None
    #: Documents per batch. The parse batch sets the peak memory (measured: 32 long
    #: articles 749 MB, 8 articles 422 MB, at the same speed).
    batch_size: int = 8
    workers: int = 1
    all_sentences: bool = False
    clean: CleanSettings = field(default_factory=CleanSettings)
    #: seconds per document and per started million characters of its input; None: no limit
    timeout: float | None = DEFAULT_TIMEOUT
    #: skip documents in another language than this; None: the model's, "any": no check
    language: str | None = None
    #: let the HTML libraries' warnings through to stderr (:func:`library_logging`)
    verbose: bool = False


#: Libraries whose log lines concern their own workings, not the user's documents.
#: They log to a ``NullHandler``, but quantulum3 calls ``logging.basicConfig`` on every
#: parse, which puts a stderr handler on the root logger: from the first quantity on,
#: their warnings ("discarding data: None") would reach the terminal.
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def library_logging(verbose: bool) -> None:
    """In a command-line process (and its workers): the HTML libraries' log lines go to
    stderr with ``--verbose``, else nowhere."""
    if verbose:
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s: %(message)s")
    for name in _LIBRARY_LOGGERS:
        logging.getLogger(name).propagate = verbose


def _shift(obj: Any, by: int) -> None:
    """Add ``by`` to every span (``span``, ``*_span``, ``from_sentence``) inside ``obj``."""
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        if is_span_key(key):
            if isinstance(value, (list, tuple)) and len(value) == 2:
                obj[key] = [value[0] + by, value[1] + by]
        elif isinstance(value, (dict, list)):
            _shift(value, by)


def _time_budget(timeout: float | None, raw: RawDocument) -> float | None:
    """The limit grows with the input (per started million characters): a 50 MB article
    is slow but legitimate; a small input that explodes (an entity bomb) is not."""
    if not timeout:
        return None
    size = len(raw.text or raw.html or "")
    return timeout * (1 + size // 1_000_000)


def _error(kind: str, exc: BaseException | str) -> dict[str, str]:
    return {"type": kind, "message": str(exc) if str(exc) else type(exc).__name__}


def _input_notes(raw: RawDocument, fallback: bool) -> list[Removal]:
    """What reading took out of the input, and the HTML path, as zero-width removals:
    NUL runs keep their place in a text; in a page they stand at 0, as the page's
    markup is not in ``text``."""
    if raw.text is not None:
        return list(raw.removed)
    notes = [Removal(0, 0, r.reason, r.preview) for r in raw.removed]
    if fallback:
        notes.append(Removal(0, 0, "html:fallback", "the page's visible text: trafilatura's "
                                                    "parser lost part of it, or it found nothing"))
    return notes


def prepare(raw: RawDocument, settings: CleanSettings) -> tuple[Cleaned | None, dict | None]:
    """Clean one raw document; returns ``(cleaned, None)`` or ``(partial, error)``."""
    if raw.error:
        return None, raw.error
    try:
        text, fallback = (raw.text, False) if raw.text is not None else \
            extract_html(raw.html or "", settings)
        notes = _input_notes(raw, fallback)
        if not text.strip():
            return Cleaned(text=text, removed=notes), {"type": "empty", "message": "no text in document"}
        # the visible text of a page is not trafilatura's main content: cleaned as a text
        cleaned = clean(text, title=raw.title, published=raw.published, settings=settings,
                        source_format="html" if raw.text is None and not fallback else "text")
        cleaned.removed.extend(notes)
    except Exception as exc:  # one bad document never stops a batch
        return None, _error("clean_failed", exc)
    if not cleaned.segments:
        return cleaned, {"type": "empty", "message": "nothing left after cleaning"}
    return cleaned, None


TIMEOUT_ERROR = "timeout"


class Processor:
    """Holds the loaded model and turns batches of raw documents into records."""

    def __init__(self, settings: Settings, nlp: "Language | None" = None):
        from .analyze import load_model

        self.settings = settings
        self.nlp = nlp or load_model(settings.model)
        self.language = settings.language or self.nlp.lang
        self.timer = StageTimer()

    def _timeout_error(self, raw: RawDocument) -> dict[str, str]:
        return {"type": TIMEOUT_ERROR,
                "message": f"processing took longer than {_time_budget(self.settings.timeout, raw):g} s"}

    def _prepare(self, raw: RawDocument) -> tuple[Cleaned | None, dict | None, float]:
        """Clean and check the language of one document; also returns the time it took."""
        from .language import sample, unsupported

        start = time.perf_counter()
        try:
            with time_limit(_time_budget(self.settings.timeout, raw)):
                cleaned, err = prepare(raw, self.settings.clean)
                if err is None and cleaned is not None:
                    lang = unsupported(sample(cleaned.text, cleaned.kept), self.language)
                    if lang is not None:
                        err = {"type": "unsupported_language", "message": f"detected {lang}"}
        except DocumentTimeout:
            cleaned, err = None, self._timeout_error(raw)
        return cleaned, err, time.perf_counter() - start

    def process_batch(self, raws: list[RawDocument]) -> list[Result]:
        # Strings and lexemes a batch adds to the vocab (names, numbers, typos) are
        # evicted when it ends, so a long run's memory does not grow with the corpus;
        # only plain records leave the zone, never a Doc
        with self.nlp.memory_zone():
            return self._process_batch(raws)

    def _process_batch(self, raws: list[RawDocument]) -> list[Result]:
        from .analyze import SINGLE_DOC_MAX, make_doc

        with self.timer("clean"):
            prepared = [(raw, *self._prepare(raw)) for raw in raws]
        todo = [(raw, cleaned) for raw, cleaned, err, _ in prepared
                if err is None and len(cleaned.text) <= SINGLE_DOC_MAX]
        docs: dict[str, "Doc"] = {}
        try:
            # the whole batch gets one document's budget; past it, each document is
            # parsed alone below under its own limit, which finds the culprit
            with self.timer("analyze"), time_limit(self.settings.timeout):
                parsed = self.nlp.pipe([make_doc(self.nlp, c) for _, c in todo],
                                       batch_size=self.settings.batch_size)
                docs = {raw.doc_id: d for (raw, _), d in zip(todo, parsed)}
        except (Exception, DocumentTimeout):
            docs = {}  # find the culprit: parse one at a time below
        results = []
        for raw, cleaned, err, spent in prepared:
            if err is not None:
                results.append((document_record(raw, cleaned, 0, err), []))
                continue
            results.append(self._finish(raw, cleaned, docs.pop(raw.doc_id, None), spent))
        return results

    def _finish(self, raw: RawDocument, cleaned: Cleaned, doc: "Doc | None",
                spent: float = 0.0) -> Result:
        from .analyze import SINGLE_DOC_MAX, make_doc

        budget = _time_budget(self.settings.timeout, raw)
        try:
            with time_limit(None if budget is None else max(budget - spent, 0.001)):
                published = cleaned.published or raw.published
                if len(cleaned.text) > SINGLE_DOC_MAX:
                    claims = self._chunked(cleaned, published)
                else:
                    if doc is None:
                        with self.timer("analyze"):
                            doc = self.nlp(make_doc(self.nlp, cleaned))
                    claims = run_stages(doc, cleaned, published=published,
                                        all_sentences=self.settings.all_sentences, timer=self.timer)
                with self.timer("emit"):
                    records = [claim_record(raw.doc_id, cleaned.text, c) for c in claims]
        except DocumentTimeout:
            return document_record(raw, cleaned, 0, self._timeout_error(raw)), []
        except Exception as exc:  # one bad document never stops a batch
            return document_record(raw, cleaned, 0, _error("processing_failed", exc)), []
        return document_record(raw, cleaned, len(records)), records

    def _chunked(self, cleaned: Cleaned, published: str | None) -> list[Claim]:
        """Claims of a huge document, one chunk Doc at a time, offsets shifted back.

        Context does not cross a chunk boundary (a quotation's speaker, a disclaimer
        reaching back, entity linking), which is why ordinary documents never take
        this path.
        """
        from .analyze import chunk_bounds, chunk_cleaned, make_doc
        from .extraction import kept_sentences

        out: list[Claim] = []
        base = 0
        for start, end in chunk_bounds(cleaned):
            part = chunk_cleaned(cleaned, start, end)
            with self.timer("analyze"):
                doc = self.nlp(make_doc(self.nlp, part))
            claims = candidates(doc, part, published, self.timer)
            for claim in select_claims(claims, all_sentences=self.settings.all_sentences):
                claim.start += start
                claim.end += start
                claim.sentence_index += base
                for value in (claim.quantities, claim.entities, claim.dates, claim.attribution,
                              claim.other_attributions, claim.hedges):
                    if value:
                        _shift(value, start)
                out.append(claim)
            base += len(kept_sentences(doc))
            del doc  # one chunk's Doc in memory at a time
        return out


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


_WORKER: Processor | None = None


def watch_parent() -> None:
    """Make this worker process end with the process that started it.

    A pool's workers otherwise outlive a parent killed with ``kill -9`` or a server
    stopped before its pool closed, each idling with its model loaded (~300 MB): one of
    two ``ProcessPoolExecutor`` workers outlived its killed parent, and `make test` left
    two behind per run. On Linux the kernel kills the worker when the thread that
    started it ends (``PR_SET_PDEATHSIG``; our pools are started by the thread that owns
    them for their whole life). Elsewhere this does nothing."""
    import ctypes
    import multiprocessing
    import os
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    # the pid it was started by, not getppid(): this runs after the imports, which take
    # seconds, and a parent killed meanwhile has already handed the worker to init
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None else os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(0)


def _init_worker(settings: Settings) -> None:
    global _WORKER
    watch_parent()
    library_logging(settings.verbose)
    _WORKER = Processor(settings)


def _work(batch: list[RawDocument]) -> list[Result]:
    assert _WORKER is not None
    return _WORKER.process_batch(batch)


def process_stream(raws: Iterable[RawDocument], settings: Settings) -> Iterator[Result]:
    """Records for every raw document, in input order, in bounded batches."""
    batches = batched(raws, settings.batch_size)
    if settings.workers <= 1:
        processor = Processor(settings)
        for batch in batches:
            yield from processor.process_batch(batch)
        return
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # fork after loading torch/BLAS threads is unsafe
    with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_work, batches, chunksize=1):
            yield from results


def process_one(text: str, *, published: str | None = None, title: str | None = None,
                doc_id: str | None = None, html: bool = False, all_sentences: bool = False,
                keep_all: bool = False, model: str | None = None, language: str | None = None,
                timeout: float | None = DEFAULT_TIMEOUT) -> dict[str, Any]:
    """Records for a single text (the engine behind :func:`pipeline.extract`)."""
    from .ingest import content_id

    raw = RawDocument(doc_id=doc_id or content_id(text), text=None if html else text,
                      html=text if html else None, title=title, published=published)
    settings = Settings(model=model, all_sentences=all_sentences, language=language,
                        timeout=timeout, clean=CleanSettings(keep_all=keep_all))
    doc, claims = Processor(settings).process_batch([raw])[0]
    return {"document": doc, "claims": claims}
