"""Per-document time limit: ``--timeout SECONDS``.

A scraped page can make a parser or a regular expression run for minutes (an
entity bomb, tens of thousands of nested tags, a pathological line). The runner
wraps each document's work in :func:`time_limit`; when the time is up,
:class:`DocumentTimeout` is raised in the middle of whatever runs, the document
gets ``error: {type: "timeout"}`` and the batch goes on.

It uses ``SIGALRM`` (``setitimer``), so it works only on Unix and in the main
thread of a process (the CLI, its ``--workers`` processes and the worker
processes of ``newsclaims serve`` qualify); elsewhere (Dask worker threads, a
web server's own threads) the limit is silently not applied. A signal is only handled between Python bytecodes: a single C call that
never returns to Python (one enormous regular-expression match) overruns the
limit until it returns. :class:`DocumentTimeout` derives from ``BaseException``
so that the ``except Exception`` blocks of libraries (trafilatura has many) do
not swallow it.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIMEOUT = 120.0


class DocumentTimeout(BaseException):
    """The document's time limit ran out."""


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise(signum, frame) -> None:
    raise DocumentTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (None or 0: no limit).

    Not re-entrant: an inner limit replaces the outer one for its duration.
    """
    if not seconds or not available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
