"""``newsclaims compare OUTDIR``: the ledger of counts of the same thing across documents and sources."""
from __future__ import annotations

import argparse
import os
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
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this process and its --workers; dask: each story's groups built on a Dask "
                        "cluster, which must see OUTDIR (the stories are found first, in this process); same output")
    p.add_argument("--workers", type=positive, default=min(2, os.cpu_count() or 1),
                   help="processes that build the stories' ledgers side by side (local: a pool, when there "
                        "are more than 5,000 claims; --engine dask: the LocalCluster's); default: 2, or 1 "
                        "on a one-core machine; same output")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (tcp://host:8786); default: a LocalCluster")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import os

    from ..inspect.data import OutputError
    from ..inspect.ledger import lexicon
    from ..inspect.stream import Shape, fewer_collections, streamed_stories

    unknown = [m for m in args.measure if m not in lexicon().measures]
    if unknown:
        return error(f"unknown measure {', '.join(map(repr, unknown))}; valid measures: "
                     f"{', '.join(lexicon().measures)}", EXIT_USAGE)
    wanted = (lambda story: any(str(story).startswith(s) or str(story) == f"story:{s}" for s in args.story)) \
        if args.story else None
    fewer_collections()
    try:
        # the workers write the ledger.jsonl lines; the groups come back only for the tables
        shape = Shape(args.min_rows, measures=tuple(args.measure), groups=not args.quiet, line=args.jsonl)
        stories, ledgers = streamed_stories(args.outdir, shape, wanted=wanted, engine=args.engine,
                                            scheduler=args.scheduler, workers=args.workers)
    except OutputError as exc:
        return error(exc)
    try:
        n = _write(args, stories, ledgers)
    except OSError as exc:
        return error(f"cannot write {exc.filename or args.outdir}: {exc}")
    if args.jsonl:
        from ..store import LEDGER_FILE, STORIES_FILE

        print(f"wrote {len(stories)} story(ies) to {os.path.join(args.outdir, STORIES_FILE)} and "
              f"{n} measure(s) to {os.path.join(args.outdir, LEDGER_FILE)}", file=sys.stderr)
    return EXIT_OK


def _write(args: argparse.Namespace, stories: list[Any], ledgers: Any) -> int:
    """Print and write (``--jsonl``) each story's groups as they come (each a
    :class:`pipeline.inspect.stream.StoryLedger`); the number of groups."""
    import contextlib
    import json
    import os

    from ..atomic import AtomicWriter, write_text
    from ..inspect.ledger import render
    from ..inspect.show import make_console
    from ..store import LEDGER_FILE, STORIES_FILE

    titles = {s.story_id: s.title for s in stories}
    console = None if args.quiet else make_console(args.color)
    n = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(AtomicWriter(os.path.join(args.outdir, LEDGER_FILE))) if args.jsonl else None
        for one in ledgers:
            n += one.n
            if out is not None and one.line is not None:
                out.write_line(one.line)
            if console is not None and one.groups:
                render(one.groups, console, titles)
        if args.jsonl:
            write_text(os.path.join(args.outdir, STORIES_FILE),
                       "".join(json.dumps(s.to_json(), ensure_ascii=False) + "\n" for s in stories))
    if console is not None and n == 0:
        render([], console)
    return n
