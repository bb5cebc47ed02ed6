"""``newsclaims show OUTDIR``: read claims in the terminal, spans highlighted, with filters."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from . import EXIT_OK, error


def register(sub: Any) -> None:
    from ..inspect.data import add_filter_arguments

    p = sub.add_parser(
        "show", help="show claims in the terminal with their spans highlighted",
        description="Print the claims of an extract output directory, per document, with "
                    "quantities, sources and hedge cues highlighted and flags as badges. "
                    "Pipe to `less -R` with --color always.")
    p.add_argument("outdir", metavar="OUTDIR", help="directory written by `newsclaims extract -o`")
    add_filter_arguments(p)
    p.add_argument("--json", action="store_true", help="print the filtered claims as JSONL instead")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour output: auto (terminal, unless NO_COLOR is set), always, never")
    p.add_argument("--brief", action="store_true", help="sentences and badges only, no detail lines")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..inspect.data import OutputError, load_selected

    try:
        output, claims = load_selected(args)
    except OutputError as exc:
        return error(exc)
    if args.json:
        from ..inspect.show import write_jsonl

        write_jsonl(claims, sys.stdout)
    else:
        from ..inspect.show import make_console, render

        render(output, claims, make_console(args.color), details_on=not args.brief)
    sys.stdout.flush()  # a closed pipe surfaces here at the latest: the CLI ends quietly
    return EXIT_OK
