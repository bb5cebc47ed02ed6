"""Command line: ``newsclaims COMMAND ...`` (see :mod:`pipeline.commands`).

Only argparse is imported at start-up so ``--help`` answers at once; spaCy and
the stages load when a command runs. Exit codes are in :mod:`pipeline.commands`.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .version import __version__
from .commands import COMMANDS, EXIT_OK, EXIT_USAGE


def _command(name: str):
    return importlib.import_module(f"pipeline.commands.{name}")


def build_parser() -> argparse.ArgumentParser:
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
    try:
        return _command(args.command).run(args, parser)
    except BrokenPipeError:  # `| head` closed the pipe: the reader has what it wanted
        import os

        # whatever is still buffered for stdout would fail again at exit: send it nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
