"""``newsclaims compare OUTDIR``: the ledger of counts of the same thing across documents and sources."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from . import EXIT_OK, EXIT_USAGE, error, positive


def register(sub: Any) -> None:
    p = sub.add_parser(
        "compare", help="line up counts of the same thing across documents (the ledger)",
        description="Cluster OUTDIR's documents into stories (one event covered by many outlets), "
                    "then group the counts of each story by what they measure (deaths, injured, "
                    "displaced, …) and who is counted (civilians, security forces, all, …); print "
                    "one table per measure with each source's value, the spread, and conflicts "
                    "(non-overlapping values from different sources). Rules: docs/ledger.md.")
    p.add_argument("outdir", metavar="OUTDIR", help="directory written by `newsclaims extract -o`")
    p.add_argument("--jsonl", action="store_true",
                   help="also write OUTDIR/ledger.jsonl (one line per story: its groups, each with its "
                        "summary and rows) "
                        "and OUTDIR/stories.jsonl (one line per story)")
    p.add_argument("--min-rows", type=positive, default=1, metavar="N",
                   help="only measures with at least N rows (default 1)")
    p.add_argument("--measure", action="append", default=[], metavar="NAME",
                   help="only this measure (deaths, injured, displaced, …; repeatable)")
    p.add_argument("--story", action="append", default=[], metavar="ID",
                   help="only this story (a story_id of stories.jsonl, or its first characters; repeatable)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour output: auto (terminal, unless NO_COLOR is set), always, never")
    p.add_argument("-q", "--quiet", action="store_true", help="no tables (with --jsonl)")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import json
    import os

    from ..inspect.data import OutputError, load_output
    from ..inspect.ledger import ledger_of, lexicon, render
    from ..inspect.ledgerfile import ledger_records
    from ..inspect.show import make_console
    from ..inspect.stories import assign_stories

    unknown = [m for m in args.measure if m not in lexicon().measures]
    if unknown:
        return error(f"unknown measure {', '.join(map(repr, unknown))}; valid measures: "
                     f"{', '.join(lexicon().measures)}", EXIT_USAGE)
    try:
        output = load_output(args.outdir)
    except OutputError as exc:
        return error(exc)
    stories = assign_stories(output.documents, output.claims)
    measures = ledger_of(output, stories, min_rows=args.min_rows)
    if args.measure:
        measures = [m for m in measures if m.measure in args.measure]
    if args.story:
        measures = [m for m in measures if any(str(m.story).startswith(s) or str(m.story) == f"story:{s}"
                                               for s in args.story)]
    if args.jsonl:
        from ..atomic import write_text
        from ..store import LEDGER_FILE, STORIES_FILE

        titles = {s.story_id: s.title for s in stories}
        for name, records in ((STORIES_FILE, [s.to_json() for s in stories]),
                              (LEDGER_FILE, ledger_records(measures, titles))):
            path = os.path.join(args.outdir, name)
            try:
                write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
            except OSError as exc:
                return error(f"cannot write {path}: {exc}")
    if not args.quiet:
        render(measures, make_console(args.color), {s.story_id: s.title for s in stories})
    if args.jsonl:
        print(f"wrote {len(stories)} story(ies) to {os.path.join(args.outdir, STORIES_FILE)} and "
              f"{len(measures)} measure(s) to {os.path.join(args.outdir, LEDGER_FILE)}", file=sys.stderr)
    return EXIT_OK
