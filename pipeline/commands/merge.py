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

    root = Path(args.output)
    parts = root / PARTS
    if not root.is_dir():
        return error(f"{root}: not a directory")
    if not parts.is_dir():
        return error(f"{root} is not an output directory of `newsclaims extract -o` "
                     f"(it has no {PARTS}/ folder): nothing to merge")
    if not (parts / MANIFEST).is_file():
        return error(f"{parts / MANIFEST} not found: nothing to merge "
                     "(the run that wrote the parts did not finish; run extract again with --resume)")
    try:
        with PartStore(args.output, resume=True) as store:
            removed = store.remove_derived()
            n = store.merge()
    except (KeyError, OutputLocked) as exc:
        return error(exc.args[0])
    print(f"merged {n} documents into {args.output}", file=sys.stderr)
    if removed:
        print(f"removed files derived from the previous output: {', '.join(map(str, removed))}",
              file=sys.stderr)
    return EXIT_OK
