"""The real-world test bed's files (``corpus/realworld/``) and their checks.

Layout and fields: docs/annotation.md section 10. ``check`` returns one message per
problem in one gold file (an empty list when it is sound); ``python -m
pipeline.eval.realworld_gold corpus/realworld`` checks them all and prints the problems.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

JUNK_TYPES = frozenset({"byline", "dateline", "caption", "ad", "promo", "embed", "related",
                        "appended", "meta", "other"})
MEASURES = frozenset({"deaths", "injured", "missing", "displaced", "casualties", "affected",
                      "arrested", "evacuated", "rescued", "protesters", "strikers", "cases",
                      "buildings", "votes", "other"})
FIGURE_KINDS = frozenset({"count", "percent", "money", "measure"})
APPROX = frozenset({"exact", "more_than", "at_least", "less_than", "at_most", "about", "range",
                    "vague"})
FLAGS = frozenset({"approximate", "reported", "alleged", "estimated", "speculative",
                   "conditional", "unverified", "verified", "disputed"})
ROLES = frozenset({"main", "breakdown", "context"})
TIMES = frozenset({"event", "other"})


def split_of(event: str) -> str:
    """``test`` for about one event in three, fixed by the event's name, else ``dev``."""
    return "test" if int(hashlib.sha1(event.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_text(root: Path, doc_id: str) -> str:
    return (root / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8-sig")


def gold_files(root: Path) -> Iterator[Path]:
    yield from sorted((root / "gold").glob("*.json"))


def _span_problems(text: str, span: Any, expected: str | None, where: str) -> list[str]:
    if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) for x in span)
            or not 0 <= span[0] < span[1] <= len(text)):
        return [f"{where}: bad span {span!r}"]
    if expected is not None and text[span[0]:span[1]] != expected:
        return [f"{where}: span {span} reads {text[span[0]:span[1]]!r}, not {expected!r}"]
    return []


def _figure_problems(text: str, fig: dict[str, Any], ids: set[str]) -> list[str]:
    where = f"figure {fig.get('id')}"
    out = _span_problems(text, fig.get("span"), fig.get("text"), where)
    checks = [
        (fig.get("kind") in FIGURE_KINDS, f"kind {fig.get('kind')!r}"),
        (fig.get("approx") in APPROX, f"approx {fig.get('approx')!r}"),
        (fig.get("measure") is None or fig.get("measure") in MEASURES,
         f"measure {fig.get('measure')!r}"),
        (fig.get("time") in TIMES, f"time {fig.get('time')!r}"),
        (set(fig.get("flags", [])) <= FLAGS, f"flags {fig.get('flags')!r}"),
        (isinstance(fig.get("cites", []), list), "cites is not a list"),
        (isinstance(fig.get("value"), (int, float)), f"value {fig.get('value')!r}"),
        ((fig.get("approx") == "exact") == ("approximate" not in fig.get("flags", [])),
         "approximate flag disagrees with approx"),
    ]
    out += [f"{where}: {msg}" for ok, msg in checks if not ok]
    ledger = fig.get("ledger") or {}
    if ledger.get("role") not in ROLES:
        out.append(f"{where}: ledger role {ledger.get('role')!r}")
    if ledger.get("group") is not None and fig.get("measure") in (None, "other"):
        out.append(f"{where}: a ledger group needs a measure")
    if ledger.get("revises") is not None and ledger["revises"] not in ids:
        out.append(f"{where}: revises unknown figure {ledger['revises']!r}")
    return out


def _in_kept(text: str, kept: list[list[int]], span: list[int]) -> bool:
    """``span`` lies in kept text, kept lines separated only by white space counting as
    one run (a figure may cross a hard line break: "between 400\\nand 600")."""
    runs: list[list[int]] = []
    for s, e in kept:
        if runs and not text[runs[-1][1]:s].strip():
            runs[-1][1] = e
        else:
            runs.append([s, e])
    return any(s <= span[0] and span[1] <= e for s, e in runs)


def check(root: Path, gold_path: Path, events: set[str]) -> list[str]:
    """Problems of one gold file: spans that do not slice their text, unknown values,
    overlapping kept ranges, figures outside the kept text."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article_text(root, gold["doc_id"])
    out = [] if gold.get("event") in events else [f"event {gold.get('event')!r} not in events.jsonl"]
    kept = gold.get("kept", [])
    for i, span in enumerate(kept):
        out += _span_problems(text, span, None, f"kept[{i}]")
    if any(a[1] > b[0] for a, b in zip(kept, kept[1:])):
        out.append("kept ranges overlap or are unsorted")
    for i, item in enumerate(gold.get("junk", [])):
        out += _span_problems(text, item.get("span"), item.get("text"), f"junk[{i}]")
        if item.get("type") not in JUNK_TYPES:
            out.append(f"junk[{i}]: type {item.get('type')!r}")
    figures = gold.get("figures", [])
    ids = {f.get("id") for f in figures}
    for fig in figures:
        out += _figure_problems(text, fig, ids)
        span = fig.get("span")
        if isinstance(span, list) and len(span) == 2 and not _in_kept(text, kept, span):
            out.append(f"figure {fig.get('id')}: outside the kept text")
    return [f"{gold_path.name}: {msg}" for msg in out]


def check_all(root: Path) -> list[str]:
    events = {e["event"] for e in read_jsonl(root / "events.jsonl")}
    manifest = read_jsonl(root / "manifest.jsonl")
    out = [f"manifest: {m['id']}: unknown event" for m in manifest if m.get("event") not in events]
    for path in gold_files(root):
        out += check(root, path, events)
    return out


if __name__ == "__main__":
    problems = check_all(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus/realworld"))
    print("\n".join(problems) or "ok")
    sys.exit(1 if problems else 0)
