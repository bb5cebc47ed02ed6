"""``newsclaims merge OUTDIR``: combine OUTDIR/parts into documents.jsonl and claims.jsonl."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from . import EXIT_OK, error


def register(sub: Any) -> None:
    p = sub.add_parser(
        "merge", help="merge the part files of an output directory",
        description="Combine OUTDIR/parts (written by extract, locally or on Dask workers) into "
                    "OUTDIR/documents.jsonl and OUTDIR/claims.jsonl, in input order.")
    p.add_argument("output", metavar="OUTDIR")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..store import MANIFEST, PARTS, OutputLocked, PartStore

    parts = Path(args.output) / PARTS
    if not (parts / MANIFEST).is_file():
        return error(f"{parts / MANIFEST} not found: nothing to merge "
                     "(the run that wrote the parts did not finish; run extract again with --resume)")
    try:
        with PartStore(args.output, resume=True) as store:
            n = store.merge()
    except (KeyError, OutputLocked) as exc:
        return error(exc.args[0])
    print(f"merged {n} documents into {args.output}", file=sys.stderr)
    return EXIT_OK
