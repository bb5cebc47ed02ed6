"""``newsclaims export OUTDIR --format parquet|csv [-o DIR]``: claims, quantities, entities and
attributions as flat tables."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from . import EXIT_OK, error


def register(sub: Any) -> None:
    from ..inspect.data import add_filter_arguments

    p = sub.add_parser(
        "export", help="export claims, quantities, entities, attributions, stories and the ledger "
                       "as CSV or Parquet tables",
        description="Write claims.{csv,parquet} (one row per claim), quantities.* (one row per "
                    "quantity), entities.* (one row per entity), attributions.* (one row per "
                    "attribution, the claim's own and the further ones), stories.* (one row per "
                    "story) and ledger.* (one row per ledger row, with its group and the group's "
                    "summary) for pandas, DuckDB or a spreadsheet. Columns: docs/export.md.")
    p.add_argument("outdir", metavar="OUTDIR", help="directory written by `newsclaims extract -o`")
    p.add_argument("--format", choices=("csv", "parquet"), default="csv",
                   help="csv (stdlib) or parquet (needs pyarrow); default csv")
    p.add_argument("-o", "--output", default=None, metavar="DIR",
                   help="directory for the tables (default OUTDIR/export)")
    add_filter_arguments(p)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import os

    from ..inspect.data import OutputError, load_selected
    from ..inspect.export import MissingPyarrow, export
    from ..store import EXPORT_DIR

    try:
        output, claims = load_selected(args)
    except OutputError as exc:
        return error(exc)
    target = args.output or os.path.join(args.outdir, EXPORT_DIR)
    try:
        written = export(output, target, args.format, claims)
    except MissingPyarrow as exc:
        return error(exc)
    except OSError as exc:
        return error(f"cannot write {target}: {exc}")
    for name, path in written.items():
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK
