"""Tables for ``make eval`` and the shape of the results they print.

Result shape (shared with ``extract_eval.py`` and ``clean_eval.py``)
--------------------------------------------------------------------
An evaluator returns a dict of metrics, ``{"metric name": entry}``, where an entry is

* a number (printed as the metric's value), or
* a dict with any of ``precision``, ``recall``, ``f1``, ``accuracy``, ``value`` (floats in
  [0, 1] or None), ``n`` (how many items the figure is over), ``tp``/``fp``/``fn``,
  ``anchor`` (published figure(s) to print beside it, e.g. ``"CQE 0.92, quantulum3 0.73"``)
  and ``note`` (a short remark), or
* a dict of such entries (a group), flattened into ``"group / metric"`` rows (a group of
  more than 12 rows, e.g. per-page detail, is one "see the JSON" row in the table).

Anything else (lists, strings) is ignored by the table but kept in the JSON. Example::

    {"quantity value F1": {"precision": 0.9, "recall": 0.95, "f1": 0.93, "n": 461,
                           "anchor": "CQE 0.92, quantulum3 0.73"},
     "bounds accuracy": {"accuracy": 0.81, "n": 120}}

The runner wraps each evaluator's result as a *section*::

    {"stage": "extract", "set": "newsquant", "status": "ok" | "skipped" | "error",
     "message": str, "seconds": float, "metrics": {...}}

and ``out/eval.json`` holds ``{"generated", "commit", "command", "data", "sections": [...]}``.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

FIELDS = ("precision", "recall", "f1", "accuracy", "value")
MAX_GROUP_ROWS = 12
STAGES = ("clean", "extract", "attribute", "hedge", "realworld")

__all__ = ["flatten", "render", "print_report", "fmt"]


def _is_entry(d: dict[str, Any]) -> bool:
    return any(k in d for k in FIELDS)


def flatten(metrics: dict[str, Any], prefix: str = "") -> list[tuple[str, dict[str, Any]]]:
    """``(row name, entry dict)`` pairs in insertion order; numbers become ``{"value": x}``."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for name, v in metrics.items():
        key = f"{prefix}{name}"
        if isinstance(v, bool):
            continue
        if isinstance(v, (int, float)) or v is None:
            rows.append((key, {"value": v}))
        elif isinstance(v, dict):
            if _is_entry(v):
                rows.append((key, v))
            else:
                sub = flatten(v, prefix=f"{key} / ")
                if len(sub) > MAX_GROUP_ROWS:  # per-page/per-item detail: JSON only
                    rows.append((key, {"value": None, "note": f"{len(sub)} rows, see the JSON"}))
                else:
                    rows.extend(sub)
    return rows


def fmt(x: Any) -> str:
    """A figure as printed: three decimals, ``-`` for missing."""
    if x is None:
        return "-"
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return f"{x:.3f}"
    return str(x)


def _table_rows(sections: Iterable[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for sec in sections:
        status = sec.get("status", "ok")
        if status != "ok":
            msg = sec.get("message") or ""
            rows.append([sec["set"], status + (f": {msg}" if msg else ""), "", "", "", "", "", ""])
            continue
        for name, e in flatten(sec.get("metrics") or {}):
            f1 = e.get("f1")
            main = f1 if f1 is not None else e.get("value")
            anchor = e.get("anchor") or ""
            note = e.get("note")
            rows.append([sec["set"], name, fmt(e.get("precision")), fmt(e.get("recall")),
                         fmt(main), fmt(e.get("accuracy")), fmt(e.get("n")),
                         f"({anchor})" if anchor else (f"[{note}]" if note else "")])
    return rows


HEADER = ["set", "metric", "P", "R", "F1/value", "acc", "n", "published anchor"]


def render(sections: list[dict[str, Any]], stages: Iterable[str] = STAGES) -> str:
    """Plain aligned text: one table per stage (deterministic, so it can go into docs)."""
    out: list[str] = []
    seen = set()
    order = list(stages) + sorted({s["stage"] for s in sections} - set(stages))
    for stage in order:
        secs = [s for s in sections if s["stage"] == stage]
        if not secs or stage in seen:
            continue
        seen.add(stage)
        rows = _table_rows(secs)
        metric_rows = [r for r in rows if any(r[2:])]
        widths = [max([len(HEADER[i])] + [len(r[i]) for r in metric_rows]) for i in range(len(HEADER))]
        widths[0] = max([widths[0]] + [len(r[0]) for r in rows])
        seconds = sum(s.get("seconds") or 0 for s in secs)
        out.append(f"== {stage} ({seconds:.0f}s)")
        out.append(_line(HEADER, widths))
        out.append(_line(["-" * w for w in widths], widths))
        for r in rows:
            # a status row ("skipped: …", "error: …") is one free-text line
            out.append(_line(r, widths) if any(r[2:]) else f"{r[0]:<{widths[0]}}  {r[1]}")
        out.append("")
    return "\n".join(out)


def _line(cells: list[str], widths: list[int]) -> str:
    parts = []
    for i, (c, w) in enumerate(zip(cells, widths)):
        if i == len(cells) - 1:
            parts.append(c)
        elif 2 <= i <= 6:
            parts.append(c.rjust(w))
        else:
            parts.append(c.ljust(w))
    return "  ".join(parts).rstrip()


def print_report(sections: list[dict[str, Any]], file: TextIO | None = None) -> None:
    import sys

    print(render(sections), file=file or sys.stdout)
