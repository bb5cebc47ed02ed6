"""``newsclaims report OUTDIR -o report.html``: one self-contained HTML file to read and check claims."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from . import EXIT_OK, error


def register(sub: Any) -> None:
    from ..inspect.data import add_filter_arguments

    p = sub.add_parser(
        "report", help="write a self-contained HTML report (articles, claims table, ledger)",
        description="Write one HTML file with no external resources: each article with removed "
                    "regions greyed and labelled, claims highlighted (hover or click for the JSON "
                    "record), a claims table with filters, and the ledger.")
    p.add_argument("outdir", metavar="OUTDIR", help="directory written by `newsclaims extract -o`")
    p.add_argument("-o", "--output", default=None, metavar="FILE",
                   help="HTML file to write (default OUTDIR/report.html)")
    p.add_argument("--title", default="newsclaims report", help="page title")
    add_filter_arguments(p)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import os

    from ..atomic import write_text
    from ..inspect.data import OutputError, load_selected
    from ..inspect.report import build_report
    from ..store import REPORT_FILE

    try:
        output, claims = load_selected(args)
    except OutputError as exc:
        return error(exc)
    if args.doc:  # a document filter narrows the articles too, not just the table
        keep = {c["doc_id"] for c in claims} | {d for d in output.documents
                                                  if any(d == x or d.startswith(x) for x in args.doc)}
        output.documents = {k: v for k, v in output.documents.items() if k in keep}
    html = build_report(output, claims, title=args.title)  # stories, then the ledger
    path = args.output or os.path.join(args.outdir, REPORT_FILE)
    try:
        write_text(path, html)
    except OSError as exc:
        return error(f"cannot write {path}: {exc}")
    print(f"wrote {path} ({len(html) // 1024} KB, {len(claims)} claims)", file=sys.stderr)
    return EXIT_OK
