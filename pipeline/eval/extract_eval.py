"""Evaluation of the quantity and date extractors on public sets.

    python -m pipeline.eval.extract_eval [--data ../shared/data] [--errors]

Every ``evaluate_*`` function takes the shared data directory and returns a plain
dict (None when the data is absent); ``python -m pipeline.eval`` picks them up.

Quantities (NewsQuant dev and the small quantulum3/CQE sets)
    Predicted and gold quantities of a sentence are matched one-to-one by value
    (relative tolerance 1e-6), greedily in text order. A predicted range matches a
    gold range on both ends (order-free: NewsQuant writes "from 208 to 193" as
    "208.0-193.0"). Conventions aligned to NewsQuant for scoring only:

    * vague words are compared through their order-of-magnitude range from
      ``models/extraction/vague.json`` ("hundreds" = 100-1000, "dozens" = 12-120), not
      through our tighter bounds (200-999, 24-99) which stay in the output;
    * ordinals (``kind == "ordinal"``) are not scored: NewsQuant does not annotate them;
    * the quantulum3 set writes a range as its midpoint ("8- to 16-meter" = 12): our
      ranges are compared by midpoint there.

    Bounds F1: a matched pair is a bounds hit when NewsQuant's ``change`` equals our
    ``approx`` mapped by ``models/extraction/bounds.json:to_change`` (exact/range → "=",
    about/vague → "~", more_than/at_least → ">", less_than/at_most → "<"). NewsQuant's
    "up"/"down" mark the direction of a change verb ("rose 5%"), not a bound on the
    number, so the gold states no bound there and any prediction agrees with it.
    NewsQuant writes vague words as a range with change "=" ("hundreds" = "=",
    100-1000); ``bounds_vague_as_equal`` scores with that convention, ``bounds`` with
    ours ("~"). Precision and recall are over all predicted / gold quantities
    (unmatched ones are misses), so bounds F1 <= value F1. "several" and ordinals
    are not scored (NewsQuant annotates neither).

Dates (TimeBank + AQUAINT)
    Each ``<TEXT>`` is parsed by spaCy and :func:`find_dates` runs with the DCT as
    published date. A predicted date with a non-null value is a true positive when
    it overlaps a gold TIMEX3 of type DATE/TIME (one-to-one) whose value, cut to the
    predicted grain (``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``), equals ours. Gold
    DATE/TIME values that we cannot express ("1998-Q1", "1998-SP") stay in the gold
    count; predicted null values are not predictions, except the reference grains
    (``present``, ``past_ref``, ``future_ref``, value null), which are true positives on
    a gold PRESENT_REF / PAST_REF / FUTURE_REF. Value matching (:func:`_same_date`):
    TimeML's X is an unstated digit ("1989-W43" matches "1989-WXX", the decade "198"
    matches "198X"), an ISO week matches a gold day inside it, a range of years
    matches a gold year at either end. ``date_value_calendar`` scores without the
    references on either side (no gold *_REF value, no predicted reference grain).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import time
from pathlib import Path
from typing import Any

from ..resources import load_json

try:  # shared metrics, written by another engineer; small fallbacks otherwise
    from .metrics import prf, values_equal
except ImportError:  # pragma: no cover
    def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
        if tp == fp == fn == 0:
            return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    def values_equal(a: Any, b: Any, rel_tol: float = 1e-6) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(float(a), float(b), rel_tol=rel_tol, abs_tol=0.0)

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _nlp():
    from ..analyze import load_model

    return load_model()


def _num(x: Any) -> float | None:
    try:
        v = float(str(x).replace(",", ""))
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _gold_value(raw: Any) -> tuple[float, float] | None:
    """NewsQuant value string as (low, high); ranges "a-b" order-free."""
    if isinstance(raw, (int, float)):
        return float(raw), float(raw)
    s = str(raw).strip().replace(",", "")
    single = _num(s)
    if single is not None:
        return single, single
    # a range: split on the '-' that is not a sign / exponent sign
    for i in range(1, len(s)):
        if s[i] == "-" and s[i - 1] not in "eE-":
            a, b = _num(s[:i]), _num(s[i + 1:])
            if a is not None and b is not None:
                return min(a, b), max(a, b)
    return None


def _pred_value(q: dict) -> tuple[float, float]:
    from ..extraction.quantities import vague_magnitude

    mag = vague_magnitude(q["text"]) if q.get("approx") == "vague" else None
    if mag:
        return mag
    if q.get("low") is not None and q.get("high") is not None and q["low"] != q["high"] \
            and q.get("approx") in ("range", "about", "more_than", "less_than", "at_least", "at_most"):
        if q.get("approx") == "range" or (q["value"] == q["low"] and q["high"] != q["value"]):
            return float(q["low"]), float(q["high"])
    return float(q["value"]), float(q["value"])


def _scored(q: dict) -> bool:
    """NewsQuant annotates neither ordinals nor 'several' (a vague word without an
    order of magnitude): those are left out of the scoring, not out of the output."""
    from ..extraction.quantities import vague_magnitude

    return q["kind"] != "ordinal" and not (q.get("approx") == "vague" and not vague_magnitude(q["text"]))


def _same(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return values_equal(a[0], b[0]) and values_equal(a[1], b[1])


def _score_quantities(items: list[dict], nlp, collect: bool = False, midpoint: bool = False) -> dict[str, Any]:
    """items: [{text, quantities: [{value, change?}]}] -> value/bounds P/R/F1."""
    from ..extraction.quantities import find_quantities

    to_change = load_json("extraction", "bounds.json")["to_change"]
    tp = fp = fn = 0
    btp = 0
    btp_nq = 0  # bounds with NewsQuant's own convention for vague words ("=")
    n_pred = n_gold = 0
    errors: list[dict] = []
    elapsed = 0.0
    timed = 0
    find_quantities(next(iter(nlp("It is 3 km long.").sents)), ())  # warm quantulum3 up (not timed)
    docs = nlp.pipe([it["text"] for it in items], batch_size=64)
    for it, doc in zip(items, docs):
        preds = []
        for sent in doc.sents:
            t0 = time.process_time()  # CPU time: other jobs on the machine do not count
            qs = find_quantities(sent, ())
            dt = time.process_time() - t0
            if qs:
                elapsed += dt
                timed += 1
            preds.extend(q for q in qs if _scored(q))
        gold = [(g, _gold_value(g.get("value"))) for g in it["quantities"]]
        gold = [(g, v) for g, v in gold if v is not None]
        used = set()
        pairs = []
        for gi, (g, gv) in enumerate(gold):
            for pi, p in enumerate(preds):
                pv = _pred_value(p)
                if midpoint and pv[0] != pv[1] and p.get("approx") != "vague":
                    pv = ((pv[0] + pv[1]) / 2,) * 2  # quantulum3's convention for ranges
                if pi not in used and _same(pv, gv):
                    used.add(pi)
                    pairs.append((pi, gi))
                    break
        n_pred += len(preds)
        n_gold += len(gold)
        tp += len(pairs)
        matched_g = {gi for _, gi in pairs}
        bad_bounds = []
        for pi, gi in pairs:
            gch = gold[gi][0].get("change")
            if gch is None or gch in ("up", "down"):
                # no bound stated by the gold (up/down = direction of a change verb)
                btp += 1
                btp_nq += 1
                continue
            ours = to_change.get(preds[pi]["approx"], "=")
            btp_nq += (ours if preds[pi]["approx"] != "vague" else "=") == gch
            if ours == gch:
                btp += 1
            else:
                bad_bounds.append((preds[pi]["text"], preds[pi]["approx"], gch))
        if collect and (len(pairs) < max(len(preds), len(gold)) or bad_bounds):
            errors.append({"text": it["text"],
                           "fp": [(p["text"], _pred_value(p)) for i, p in enumerate(preds) if i not in used],
                           "fn": [g.get("value") for i, (g, _) in enumerate(gold) if i not in matched_g],
                           "bounds": bad_bounds})
    fp = n_pred - tp
    fn = n_gold - tp
    out = {"value": {**prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn},
           "bounds": {**prf(btp, n_pred - btp, n_gold - btp), "tp": btp},
           "bounds_vague_as_equal": {**prf(btp_nq, n_pred - btp_nq, n_gold - btp_nq), "tp": btp_nq},
           "ms_per_sentence_with_quantity": round(1000 * elapsed / timed, 3) if timed else None}
    if collect:
        out["errors"] = errors
    return out


def evaluate_newsquant(data: str | Path = DEFAULT_DATA, errors: bool = False) -> dict[str, Any] | None:
    """NewsQuant dev: value and bounds P/R/F1 (anchors: CQE 0.92 / 0.88, quantulum3 0.73)."""
    path = Path(data) / "quantities" / "newsquant-dev.json"
    if not path.exists():
        return None
    items = json.loads(path.read_text(encoding="utf-8"))
    res = _score_quantities(items, _nlp(), collect=errors)
    res["value"]["anchor"] = "CQE 0.92; quantulum3 0.73"
    res["bounds"]["anchor"] = "CQE 0.88"
    return res


def evaluate_quantity_sets(data: str | Path = DEFAULT_DATA, errors: bool = False) -> dict[str, Any] | None:
    """Value F1 on the small sets (age, currency, dimension, temperature, quantulum3)."""
    base = Path(data) / "quantities"
    if not base.exists():
        return None
    out: dict[str, Any] = {}
    nlp = _nlp()
    for name in ("age", "currency", "dimension", "temperature"):
        p = base / f"{name}-model.json"
        if p.exists():
            items = [{"text": r["text"], "quantities": [{"value": q["value"]} for q in r["quantities"]]}
                     for r in json.loads(p.read_text(encoding="utf-8"))]
            res = _score_quantities(items, nlp, collect=errors)
            out[name] = res["value"] if not errors else {**res["value"], "errors": res["errors"]}
    p = base / "quantulum3-quantities.json"
    if p.exists():
        items = [{"text": r["req"], "quantities": [{"value": q["value"]} for q in r["res"]]}
                 for r in json.loads(p.read_text(encoding="utf-8"))]
        res = _score_quantities(items, nlp, collect=errors, midpoint=True)
        out["quantulum3"] = res["value"] if not errors else {**res["value"], "errors": res["errors"]}
    return out or None


# ---------------------------------------------------------------------------------- dates

def _tbaq_docs(data: Path) -> list[dict[str, Any]]:
    try:
        from .datasets import load_tbaq

        return load_tbaq(data) or []
    except ImportError:  # pragma: no cover
        return []


def _cut(value: str, grain_len: int) -> str:
    return value[:grain_len]


#: our reference grains as TimeML writes them (a predicted reference has value null)
REF_VALUE = {"present": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}


def _same_date(v: str, gv: str) -> bool:
    """Our value ``v`` states the gold ``gv`` at our grain: equal, or ``gv`` is finer and
    starts with ``v`` ("1998" vs "1998-02-13", "1998-Q1", "1998-W05"). TimeML's ``X`` is
    a digit the annotator left unstated and matches any ("1989-W43" vs "1989-WXX", a
    decade "198" vs "198X", a century "19" vs "19XX"); its unpadded weeks ("2000-W7")
    are padded. An ISO week matches a gold day inside it; an interval of years
    ("1985/1987") matches a gold year at either end (TimeML marks the two years)."""
    if v.startswith("--"):
        return gv == v
    if "/" in v:
        return any(_same_date(end, gv) for end in v.split("/"))
    gv = re.sub(r"-W(\d)(?!\d)", r"-W0\1", gv)
    if re.fullmatch(r"\d{4}-W\d\d", v) and re.fullmatch(r"\d{4}-\d\d-\d\d", gv[:10]):
        try:
            y, w, _ = dt.date.fromisoformat(gv[:10]).isocalendar()
        except ValueError:
            return False
        return v == f"{y:04d}-W{w:02d}"
    head = gv[:len(v)]
    if len(head) < len(v) or any(g != c and g != "X" for g, c in zip(head, v)):
        return False
    rest = gv[len(v):]
    return not rest or rest[0] in "-T" or (len(v) <= 3 and set(rest) == {"X"})


def evaluate_tbaq(data: str | Path = DEFAULT_DATA, errors: bool = False) -> dict[str, Any] | None:
    """TimeBank + AQUAINT DATE/TIME value P/R/F1 (HeidelTime 0.776, dateparser ~0.34)."""
    from ..extraction.dates import find_dates

    docs = _tbaq_docs(Path(data))
    if not docs:
        return None
    nlp = _nlp()
    tp = n_pred = n_gold = 0
    tp_ref = n_pred_ref = n_gold_ref = 0
    n_all = 0
    errs = []
    elapsed = 0.0
    nsent = 0
    parsed = nlp.pipe([d["text"] for d in docs], batch_size=8)
    for d, doc in zip(docs, parsed):
        gold = [t for t in d["timexes"] if t.get("type") in ("DATE", "TIME")]
        n_gold += len(gold)
        n_gold_ref += sum(t.get("value") in REF_VALUE.values() for t in gold)
        preds = []
        for sent in doc.sents:
            t0 = time.process_time()
            preds.extend(find_dates(sent, d["dct"]))
            elapsed += time.process_time() - t0
            nsent += 1
        n_all += len(preds)
        preds = [p for p in preds if p["value"] or p["grain"] in REF_VALUE]
        n_pred += len(preds)
        n_pred_ref += sum(p["value"] is None for p in preds)
        used = set()
        for p in preds:
            ps, pe = p["span"]
            hit = None
            for gi, g in enumerate(gold):
                if gi in used or not (ps < g["end"] and g["start"] < pe):
                    continue
                hit = gi
                gv = g.get("value") or ""
                v = p["value"]
                if v is None:  # a reference grain: TimeML's PRESENT_REF / PAST_REF / FUTURE_REF
                    ok = gv == REF_VALUE[p["grain"]]
                else:
                    ok = _same_date(v, gv)
                if ok:
                    used.add(gi)
                    tp += 1
                    tp_ref += v is None
                    hit = None
                    break
            if errors and hit is not None:
                errs.append({"doc": d["doc_id"], "dct": d["dct"], "text": p["text"], "pred": p["value"],
                             "gold": gold[hit].get("value"), "gold_text": gold[hit]["text"]})
            elif errors and hit is None and not any(
                    (ps < g["end"] and g["start"] < pe) for g in gold):
                errs.append({"doc": d["doc_id"], "dct": d["dct"], "text": p["text"], "pred": p["value"],
                             "gold": None})
        if errors:
            for gi, g in enumerate(gold):
                if gi not in used and not any(p["span"][0] < g["end"] and g["start"] < p["span"][1] for p in preds):
                    errs.append({"doc": d["doc_id"], "dct": d["dct"], "text": None, "gold": g.get("value"),
                                 "gold_text": g["text"]})
    res = {"date_value": {**prf(tp, n_pred - tp, n_gold - tp), "tp": tp, "fp": n_pred - tp,
                          "fn": n_gold - tp, "anchor": "HeidelTime 0.776; dateparser ~0.34"},
           "date_value_calendar": {**prf(tp - tp_ref, n_pred - n_pred_ref - (tp - tp_ref),
                                         n_gold - n_gold_ref - (tp - tp_ref)),
                                   "tp": tp - tp_ref},
           "predicted_with_null_value": n_all - n_pred,
           "ms_per_sentence": round(1000 * elapsed / nsent, 3) if nsent else None}
    if errors:
        res["errors"] = errs
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="also list the misses")
    ap.add_argument("--only", choices=("newsquant", "sets", "tbaq"), default=None)
    args = ap.parse_args(argv)
    fns = {"newsquant": evaluate_newsquant, "sets": evaluate_quantity_sets, "tbaq": evaluate_tbaq}
    for name, fn in fns.items():
        if args.only and name != args.only:
            continue
        t0 = time.perf_counter()
        res = fn(args.data, errors=args.errors)
        print(f"== {name} ({time.perf_counter() - t0:.1f}s)")
        print(json.dumps(res, indent=1, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
