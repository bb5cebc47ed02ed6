"""One inline SVG chart per ledger group, for the HTML report: every row's figure (a dot)
or interval (a bar; an arrow when open above) at the day it was stated, one colour per
source; updates and revisions drawn from the figure they replace, conflicts ringed in
red, disputed figures hollow and crossed; the summary's low–high band and best line
behind. No script, no external resource, no ``style`` attribute (the report's
Content-Security-Policy allows none): presentation attributes only, every text escaped.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape
from typing import Any

from .fmt import number, quantity_label

W, H = 720, 250
LEFT, RIGHT, TOP, BOTTOM = 64, 64, 14, 62
#: legend: items per line, characters per name
LEGEND_COLUMNS, LEGEND_CHARS = 6, 18
#: source colours (colour-blind safe Okabe-Ito order), cycled
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
#: above this ratio between the largest and the smallest figure the value axis is logarithmic
LOG_RATIO = 50


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _day(stated: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(str(stated)[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class Axis:
    """Value → y pixel, linear or logarithmic."""
    lo: float
    hi: float
    log: bool

    @classmethod
    def of(cls, values: list[float]) -> "Axis":
        positive = [v for v in values if v > 0] or [1.0]
        lo, hi = min(positive), max(positive)
        if hi / lo > LOG_RATIO:
            return cls(math.log10(lo) - 0.1, math.log10(hi) + 0.1, True)
        return cls(0.0, hi * 1.15 or 1.0, False)

    def y(self, v: float) -> float:
        x = math.log10(max(v, 10 ** self.lo)) if self.log else v
        frac = (x - self.lo) / ((self.hi - self.lo) or 1.0)
        return round(H - BOTTOM - frac * (H - TOP - BOTTOM), 1)

    def ticks(self) -> list[float]:
        if self.log:
            return [10.0 ** k for k in range(math.ceil(self.lo), math.floor(self.hi) + 1)]
        step = 10 ** math.floor(math.log10(self.hi / 4 or 1))
        step *= next(m for m in (1, 2, 5, 10) if self.hi / (step * m) <= 5)
        return [step * k for k in range(0, int(self.hi / step) + 1)]


def _x_positions(rows: list[Any]) -> tuple[list[float], list[tuple[float, str]]]:
    """x of each row (by stated day; rows of one day side by side; undated at the right)
    and the day labels of the time axis."""
    days = [_day(r.stated) for r in rows]
    dated = sorted({d for d in days if d is not None})
    plot_right = W - RIGHT
    span = (dated[-1] - dated[0]) if len(dated) > 1 else 0
    base = {d: LEFT + 16 + (plot_right - LEFT - 32) * ((d - dated[0]) / span if span else 0.5) for d in dated}
    seen: dict[int | None, int] = {}
    xs = []
    for d in days:
        k = seen[d] = seen.get(d, -1) + 1
        x0 = base[d] if d is not None else plot_right + 40
        xs.append(round(x0 + 7 * k - (3 if d is not None else 0), 1))
    labels: list[tuple[float, str]] = []
    for d in dated:  # a day label only where it has room (about 70 px)
        if not labels or base[d] - labels[-1][0] >= 70:
            labels.append((base[d], dt.date.fromordinal(d).isoformat()))
    if any(d is None for d in days):
        labels.append((plot_right + 40, "undated"))
    return xs, labels


def _axes(axis: Axis, labels: list[tuple[float, str]]) -> list[str]:
    out = [f'<line x1="{LEFT}" y1="{H - BOTTOM}" x2="{W - 8}" y2="{H - BOTTOM}" stroke="#888"/>',
           f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}" stroke="#888"/>']
    for t in axis.ticks():
        y = axis.y(t)
        out.append(f'<line x1="{LEFT - 4}" y1="{y}" x2="{W - 8}" y2="{y}" stroke="#eee"/>'
                   f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" font-size="10" fill="#555">'
                   f'{_e(number(t))}</text>')
    for x, label in labels:
        out.append(f'<text x="{round(x, 1)}" y="{H - BOTTOM + 14}" text-anchor="middle" font-size="10" '
                   f'fill="#555">{_e(label)}</text>')
    return out


def _band(summary: Any, axis: Axis) -> list[str]:
    """The summary's low–high band and its best figure, behind the rows."""
    if summary.best is None:
        return []
    top, bottom = axis.y(summary.high), axis.y(summary.low)
    best = axis.y(summary.best)
    tip = (f"summary: best {number(summary.best)}, low {number(summary.low)}, high {number(summary.high)}, "
           f"conservative {number(summary.conservative)}")
    return [f'<g class="summary"><title>{_e(tip)}</title>'
            f'<rect x="{LEFT}" y="{top}" width="{W - 8 - LEFT}" height="{max(bottom - top, 1)}" '
            f'fill="#1f77b4" fill-opacity="0.08"/>'
            f'<line x1="{LEFT}" y1="{best}" x2="{W - 8}" y2="{best}" stroke="#1f77b4" stroke-dasharray="4 3"/>'
            f'<text x="{LEFT + 4}" y="{best - 3}" font-size="10" fill="#1f77b4">'
            f'best {_e(number(summary.best))}</text></g>']


def _links(rows: list[Any], xs: list[float], pts: list[float]) -> list[str]:
    """A line from each replaced figure to the one replacing it: grey for an update,
    dashed red for a revision downwards."""
    out = []
    for i, r in enumerate(rows):
        if r.replaces is None:
            continue
        j = r.replaces
        colour, dash = ("#999", "") if r.change == "update" else ("#c00", ' stroke-dasharray="3 2"')
        out.append(f'<line class="link {_e(r.change)}" x1="{xs[j]}" y1="{pts[j]}" x2="{xs[i]}" y2="{pts[i]}" '
                   f'stroke="{colour}"{dash}/>')
    return out


def _mark(i: int, r: Any, x: float, axis: Axis, colour: str) -> str:
    """One row: a bar over its interval (an arrow when open above), a dot at its figure."""
    lo, hi = r.interval
    v = r.quantity.get("value")
    pt = axis.y(float(v) if isinstance(v, (int, float)) else lo)
    parts = []
    if hi > lo:
        top = TOP if math.isinf(hi) else axis.y(hi)
        parts.append(f'<line x1="{x}" y1="{axis.y(lo)}" x2="{x}" y2="{top}" stroke="{colour}" stroke-width="2" '
                     f'stroke-opacity="0.6"/>')
        if math.isinf(hi):
            parts.append(f'<path d="M{x - 4},{top + 6} L{x},{top} L{x + 4},{top + 6}" fill="none" stroke="{colour}"/>')
    fill = "#fff" if r.disputed else colour
    parts.append(f'<circle cx="{x}" cy="{pt}" r="4" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>')
    if r.disputed:
        parts.append(f'<path d="M{x - 3},{pt - 3} L{x + 3},{pt + 3} M{x - 3},{pt + 3} L{x + 3},{pt - 3}" '
                     f'stroke="{colour}"/>')
    if r.conflicts:
        parts.append(f'<circle class="conflict" cx="{x}" cy="{pt}" r="7.5" fill="none" stroke="#d00" '
                     f'stroke-width="1.5"/>')
    marks = [f"{'update of' if r.change == 'update' else 'revises'} #{r.replaces}"] if r.replaces is not None else []
    marks += ["disputed"] * r.disputed + ([f"conflicts with #{','.join(map(str, r.conflicts))}"] if r.conflicts else [])
    tip = f"#{i} {quantity_label(r.quantity)} — {r.source or '?'} ({r.stated or 'undated'})" + \
          ("; " + "; ".join(marks) if marks else "")
    return f'<g class="row" data-row="{i}"><title>{_e(tip)}</title>{"".join(parts)}</g>'


def _legend(keys: list[str], names: dict[str, str]) -> list[str]:
    """Two lines under the time axis: each source's colour and name (the first ones)."""
    out = []
    room = 2 * LEGEND_COLUMNS
    step = (W - LEFT) / LEGEND_COLUMNS
    for k, key in enumerate(keys[:room]):
        x, y = LEFT + step * (k % LEGEND_COLUMNS), H - BOTTOM + 32 + 14 * (k // LEGEND_COLUMNS)
        out.append(f'<circle cx="{round(x + 4, 1)}" cy="{y - 3}" r="4" fill="{PALETTE[k % len(PALETTE)]}"/>'
                   f'<text x="{round(x + 11, 1)}" y="{y}" font-size="9" fill="#333">'
                   f'{_e((names[key] or "?")[:LEGEND_CHARS])}</text>')
    if len(keys) > room:
        out.append(f'<text x="{LEFT}" y="{H - 4}" font-size="9" fill="#333">and {len(keys) - room} more '
                   f'source(s): hover a figure for its source</text>')
    return out


def group_svg(m: Any) -> str:
    """The chart of one ledger group (a :class:`pipeline.inspect.ledger.Measure`)."""
    rows = m.rows
    summary = m.summary()
    values = [v for r in rows for v in r.interval if not math.isinf(v)]
    axis = Axis.of(values)
    xs, labels = _x_positions(rows)
    pts = [axis.y(float(r.quantity["value"]) if isinstance(r.quantity.get("value"), (int, float)) else r.interval[0])
           for r in rows]
    keys: list[str] = []
    names: dict[str, str] = {}
    for r in rows:
        if r.key not in keys:
            keys.append(r.key)
            names[r.key] = r.source or r.outlet or r.key
    colour = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    body = _axes(axis, labels) + _band(summary, axis) + _links(rows, xs, pts)
    body += [_mark(i, r, xs[i], axis, colour[r.key]) for i, r in enumerate(rows)]
    body += _legend(keys, names)
    label = f"{m.label}: {len(rows)} figure(s) from {len(keys)} source(s) on a time axis"
    return (f'<svg class="ledger-chart" viewBox="0 0 {W} {H}" width="{W}" '
            f'height="{H}" role="img" aria-label="{_e(label)}"><title>{_e(label)}</title>{"".join(body)}</svg>')
