"""Command line: ``newsclaims COMMAND ...`` (see :mod:`pipeline.commands`).

Only argparse is imported at start-up so ``--help`` answers at once; spaCy and
the stages load when a command runs. Exit codes: 0 done (even with per-document
errors, which the summary counts), 1 nothing could be processed, 2 usage error,
130 interrupted.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

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


def _command(name: str):
    return importlib.import_module(f"pipeline.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
    from .commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="newsclaims",
        description="Turn scraped news articles into structured, attributable, hedge-aware claims.")
    parser.add_argument("--version", action="version", version=f"newsclaims {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        _command(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    return _command(args.command).run(args, parser)
