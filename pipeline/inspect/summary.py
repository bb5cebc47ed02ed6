"""A summary per ledger group: each primary source's latest figure, their spread, a
UCDP-style low / best / high estimate and an ACLED-style conservative figure.

Rules, with a worked example, in docs/ledger.md ("Summary"). The summary reads only the
rows of one group as :mod:`.ledger` and :mod:`.timeline` left them (ordered, with
``replaces`` and ``disputed`` marked); it never changes them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

from .fmt import number


class SummaryRow(Protocol):
    quantity: dict[str, Any]
    key: str
    source: str | None
    stated: str | None
    replaces: int | None
    disputed: bool

    @property
    def interval(self) -> tuple[float, float]: ...


@dataclass(frozen=True)
class Latest:
    """One primary source's latest figure: the row index, its interval and its point."""
    source: str | None
    key: str
    row: int
    low: float
    high: float
    point: float
    upper: float


@dataclass(frozen=True)
class Summary:
    latest: list[Latest]
    #: smallest lower bound to largest upper bound of the latest figures (high inf: open)
    spread: tuple[float, float] | None
    low: float | None
    best: float | None
    high: float | None
    conservative: float | None

    def to_json(self) -> dict[str, Any]:
        def finite(x: float | None) -> float | None:
            return None if x is None or math.isinf(x) else x

        return {"latest": [{"source": x.source, "source_key": x.key, "row": x.row, "point": x.point,
                            "upper": x.upper, "interval": [x.low, finite(x.high)]} for x in self.latest],
                "spread": None if self.spread is None else [self.spread[0], finite(self.spread[1])],
                "low": self.low, "best": self.best, "high": self.high, "conservative": self.conservative}

    def label(self) -> str:
        """``best 745 (low 430, high 745); conservative 430; 4 source(s)``."""
        if self.best is None:
            return "no undisputed figure"
        return (f"best {number(self.best)} (low {number(self.low)}, high {number(self.high)}); "
                f"conservative {number(self.conservative)}; {len(self.latest)} source(s)")


def point(q: dict[str, Any], interval: tuple[float, float]) -> float:
    """The one number a figure states: its value ("more than 740" → 740, "about 50" → 50);
    a range or vague amount with no value of its own, its lower bound."""
    value = q.get("value")
    if isinstance(value, (int, float)) and interval[0] <= value <= interval[1]:
        return float(value)
    return interval[0]


#: figures whose upper bound is stated, not read into them: "about 30" (27–33), "40 to 60",
#: "up to 80"; "hundreds" (200–999) and "more than 25" are not
STATED_UPPER = frozenset({"about", "range", "at_most", "less_than"})


def upper(q: dict[str, Any], interval: tuple[float, float]) -> float:
    """The largest number a figure allows as stated: the upper bound of "about 30", "40 to
    60", "up to 80"; else its point (a vague "hundreds" reaches 999 only by reading,
    "more than 25" has no upper bound)."""
    if (q.get("approx") or "exact") in STATED_UPPER and not math.isinf(interval[1]):
        return interval[1]
    return point(q, interval)


def _equal(a: str, b: str) -> bool:
    return a == b


def latest_figures(rows: Sequence[SummaryRow], same: Callable[[str, str], bool] = _equal) -> list[Latest]:
    """Each primary source's latest figure (sources in the order they first appear).

    A source's rows are those whose keys ``same`` calls one source (the ledger passes
    :func:`pipeline.inspect.ledger.same_source`: acronyms included). Left out: a row that a
    later row of the same source replaces (its own update or revision supersedes it;
    another source's figure does not withdraw it) and a disputed row. Of the rest, the
    latest stated day wins; on the same day (or undated) the later row in timeline order.
    A dated row beats an undated one: an undated figure cannot be shown to be the newer."""
    replaced = {r.replaces for r in rows if r.replaces is not None and same(r.key, rows[r.replaces].key)}
    keys: list[str] = []
    best: dict[str, int] = {}
    for i, r in enumerate(rows):
        key = next((k for k in keys if same(r.key, k)), None)
        if key is None:
            keys.append(key := r.key)
        if i in replaced or r.disputed:
            continue
        j = best.get(key)
        if j is None or (r.stated or "") >= (rows[j].stated or ""):
            best[key] = i
    out = []
    for key in keys:
        if (i := best.get(key)) is not None:
            lo, hi = rows[i].interval
            q = rows[i].quantity
            out.append(Latest(rows[i].source, key, i, lo, hi, point(q, (lo, hi)), upper(q, (lo, hi))))
    return out


def _median_low(values: list[float]) -> float:
    """The lower middle of the sorted values: a stated figure, never an average of two."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def summarize(rows: Sequence[SummaryRow], same: Callable[[str, str], bool] = _equal) -> Summary:
    """The summary of one group (rules in docs/ledger.md, "Summary"):

    * **low** (UCDP-style): the smallest lower bound of the latest figures ("about 50"
      → 45);
    * **high** (UCDP-style): the largest :func:`upper` of the latest figures: a stated
      upper bound ("about 30" → 33, "40 to 60" → 60), else the figure's point ("more
      than 740" → 740: nothing says how much more; "hundreds" → 200, not the 999 its
      reading allows);
    * **best** (UCDP-style): the median of the latest figures' points (the lower middle
      for an even count), so one outlying source does not move it;
    * **conservative** (ACLED-style): the smallest point, the lowest figure any source
      now stands by ("about 50" → 50, "hundreds" → its lower bound).
    """
    latest = latest_figures(rows, same)
    if not latest:
        return Summary([], None, None, None, None, None)
    spread = (min(x.low for x in latest), max(x.high for x in latest))
    high = max(x.upper for x in latest)
    return Summary(latest, spread, spread[0], _median_low([x.point for x in latest]), high,
                   min(x.point for x in latest))
