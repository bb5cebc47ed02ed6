"""Sub-commands of ``newsclaims``: one module each, with ``register(subparsers)`` and ``run(args)``.

``register`` only declares arguments (argparse), so building the parser stays
cheap; ``run`` imports what the command needs and returns the exit code. Exit codes:
0 done (even with per-document errors, which the summary counts), 1 nothing could be
processed, 2 usage error, 130 interrupted.
"""
from __future__ import annotations

import argparse
import sys

#: Command modules in the order ``--help`` lists them.
COMMANDS = ("extract", "merge", "show", "compare", "report", "export", "serve")

EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def positive(value: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {n}")
    return n


def error(message: object, code: int = EXIT_NOTHING) -> int:
    """Print one ``newsclaims: error: …`` line on stderr and return the exit code."""
    print(f"newsclaims: error: {message}", file=sys.stderr)
    return code
