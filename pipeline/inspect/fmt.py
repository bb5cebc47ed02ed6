"""Render quantities for people: numbers, bounds and intervals (show, report, ledger)."""
from __future__ import annotations

import math
from typing import Any

#: Relative tolerance given to "about N" when the record states no bounds of its own.
ABOUT_TOLERANCE = 0.1


def number(x: float | None) -> str:
    """``1000.0`` → ``1,000``; ``0.75`` → ``0.75``; ``None`` → ``?``."""
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def interval(q: dict[str, Any]) -> tuple[float, float]:
    """The closed interval ``[low, high]`` a quantity asserts (``high`` may be ``inf``).

    The record's own ``low``/``high`` win; missing ones follow from ``approx``:
    more_than / at_least are open above, less_than / at_most start at 0, about gets
    ±10 %, exact is the value itself.
    """
    value = q.get("value")
    low, high, approx = q.get("low"), q.get("high"), q.get("approx") or "exact"
    if value is None and low is None and high is None:
        return (0.0, math.inf)
    v = float(value if value is not None else (low if low is not None else high))
    if approx in ("more_than", "at_least"):
        return (float(low if low is not None else v), float(high) if high is not None else math.inf)
    if approx in ("less_than", "at_most"):
        return (float(low) if low is not None else 0.0, float(high if high is not None else v))
    if approx == "about":
        return (float(low) if low is not None else v * (1 - ABOUT_TOLERANCE),
                float(high) if high is not None else v * (1 + ABOUT_TOLERANCE))
    return (float(low) if low is not None else v, float(high) if high is not None else v)


def bounds_label(q: dict[str, Any]) -> str:
    """Short normalised form: ``745``, ``>740``, ``≥600``, ``<14``, ``~50``, ``200–999``."""
    approx = q.get("approx") or "exact"
    value = q.get("value")
    if approx == "more_than":
        return f">{number(q.get('low') if q.get('low') is not None else value)}"
    if approx == "at_least":
        return f"≥{number(q.get('low') if q.get('low') is not None else value)}"
    if approx == "less_than":
        return f"<{number(q.get('high') if q.get('high') is not None else value)}"
    if approx == "at_most":
        return f"≤{number(q.get('high') if q.get('high') is not None else value)}"
    if approx == "about":
        return f"~{number(value)}"
    if approx in ("range", "vague") or (q.get("low") is not None and q.get("high") is not None
                                        and q["low"] != q["high"]):
        low, high = interval(q)
        return f"{number(low)}–{number(high)}"
    return number(value)


def quantity_label(q: dict[str, Any]) -> str:
    """As stated, with the normalised bounds when they say more: ``hundreds (200–999)``."""
    text = str(q.get("text") or "").strip()
    bounds = bounds_label(q)
    if not text:
        return bounds
    if text.replace(",", "") == bounds.replace(",", ""):
        return text
    return f"{text} ({bounds})"


def spread_label(intervals: list[tuple[float, float]]) -> str:
    """min–max over the bounds: ``595–1,000+`` (``+`` when some interval is open above)."""
    if not intervals:
        return ""
    lows = [lo for lo, _ in intervals]
    closed_highs = [hi for _, hi in intervals if not math.isinf(hi)]
    top = max(closed_highs + [lo for lo, hi in intervals if math.isinf(hi)])
    open_top = any(math.isinf(hi) for _, hi in intervals)  # some source sets no upper bound
    low = min(lows)
    text = number(low) if low == top else f"{number(low)}–{number(top)}"
    return text + ("+" if open_top else "")
