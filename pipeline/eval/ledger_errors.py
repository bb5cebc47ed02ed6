"""Why the ledger's pairs miss the gold, on the real-world **dev** split only.

    python -m pipeline.eval.ledger_errors [--cache FILE.pkl] [--examples 3]

Runs the real-world articles through the engine (or reads ``--cache``, a pickle of
:func:`pipeline.eval.realworld.system_output`, written on first use), runs the story
step over all events as one corpus as the evaluator does, and scores the dev split's
ledger pairs (docs/evaluation.md, "ledger pairs lined up"). Each wrong pair is put
under the first cause that explains it:

* a false positive (two rows of one table that gold does not line up): ``figure
  spurious`` (a row matching no gold figure), ``gold: not a ledger figure`` (gold group
  null), then the first gold key part that differs: ``story``, ``measure``, ``class``,
  ``place``, ``time``;
* a false negative (a gold pair the system does not line up): ``figure not detected``,
  ``not a count`` (kind or value), ``measure unknown``, ``measure wrong``, ``story
  split``, ``class``, ``place scope``, ``time scope``, with the system's and the gold's
  values of that part as the sub-cause.

The test split is never read: rules are tuned on dev (docs/evaluation.md).
"""
from __future__ import annotations

import argparse
import itertools
import json
import pickle
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .realworld import _Tally, _figures, _pairs, _score_document, system_output
from .realworld_gold import gold_files, split_of

ROOT = Path("corpus/realworld")


def _load(cache: Path | None) -> tuple[dict, dict]:
    if cache and cache.is_file():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    out = system_output(ROOT)
    if cache:
        with cache.open("wb") as fh:
            pickle.dump(out, fh)
    return out


def _gold_parts(fig: dict[str, Any]) -> list[str] | None:
    group = (fig.get("ledger") or {}).get("group")
    return group.split("|") if group else None


def diagnose(docs: dict, claims: dict, split: str = "dev") -> dict[str, Any]:
    """Pair counts and wrong pairs by cause for one split (``dev`` unless asked)."""
    from ..inspect.ledger import KeyContext, build_ledger, group_key
    from ..inspect.stories import assign_stories

    docs = {d: dict(v) for d, v in docs.items()}
    assign_stories(docs, itertools.chain.from_iterable(claims.values()))
    golds = {g["doc_id"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in gold_files(ROOT))}
    ids = sorted(d for d, g in golds.items() if split_of(g["event"]) == split)
    t = _Tally()
    matched = {d: _score_document(t, docs[d], claims[d], golds[d]) for d in ids}
    sub_docs = {d: docs[d] for d in ids}
    sub_claims = {d: claims[d] for d in ids}
    all_claims = list(itertools.chain.from_iterable(sub_claims.values()))
    ctx = KeyContext.of(all_claims, sub_docs)

    # figure key → (claim, quantity, system group key) and → gold figure
    sys_fig: dict[str, tuple[dict, dict, Any]] = {}
    for d in ids:
        for i, (c, q) in enumerate(_figures(claims[d])):
            gid = matched[d].get(i)
            sys_fig[f"{d}:{gid}" if gid else f"{d}:sys{i}"] = (c, q, group_key(c, q, ctx))
    gold_fig = {f"{d}:{f['id']}": (golds[d]["event"], f) for d in ids for f in golds[d]["figures"]}

    index = {(str(c["doc_id"]), tuple(q["span"])): k for k, (c, q, _) in sys_fig.items()}
    tables = build_ledger(all_claims, sub_docs)
    sys_groups = [[index[(str(r.claim["doc_id"]), tuple(r.quantity["span"]))] for r in m.rows] for m in tables]
    gold_groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, (event, f) in gold_fig.items():
        if (f.get("ledger") or {}).get("group"):
            gold_groups[(event, f["ledger"]["group"])].append(k)
    sp, gp = _pairs(sys_groups), _pairs(list(gold_groups.values()))

    fp: dict[str, Counter] = defaultdict(Counter)
    fp_ex: dict[str, list] = defaultdict(list)
    for a, b in sorted(sp - gp):
        cause, sub = _fp_cause(a, b, gold_fig)
        fp[cause][sub] += 1
        fp_ex[cause].append(_show(a, b, sys_fig, gold_fig))
    fn: dict[str, Counter] = defaultdict(Counter)
    fn_ex: dict[str, list] = defaultdict(list)
    for a, b in sorted(gp - sp):
        cause, sub = _fn_cause(a, b, sys_fig, gold_fig)
        fn[cause][sub] += 1
        fn_ex[cause].append(_show(a, b, sys_fig, gold_fig))
    tp = len(sp & gp)
    return {"tp": tp, "fp": len(sp) - tp, "fn": len(gp) - tp, "fp_causes": fp, "fn_causes": fn,
            "fp_examples": fp_ex, "fn_examples": fn_ex}


def _fp_cause(a: str, b: str, gold_fig: dict) -> tuple[str, str]:
    if a not in gold_fig or b not in gold_fig:
        return "figure spurious", ""
    (ea, fa), (eb, fb) = gold_fig[a], gold_fig[b]
    pa, pb = _gold_parts(fa), _gold_parts(fb)
    if pa is None or pb is None:
        return "gold: not a ledger figure", f"{fa.get('measure')} / {fb.get('measure')}"
    if ea != eb:
        return "story", ""
    for i, name in enumerate(("measure", "class", "place", "time")):
        if pa[i] != pb[i]:
            return name, f"{pa[i]} / {pb[i]}"
    return "other", ""


def _fn_cause(a: str, b: str, sys_fig: dict, gold_fig: dict) -> tuple[str, str]:
    if a not in sys_fig or b not in sys_fig:
        return "figure not detected", ""
    from ..inspect.ledger import countable, measure_of

    (ca, qa, ka), (cb, qb, kb) = sys_fig[a], sys_fig[b]
    if not countable(qa) or not countable(qb):
        return "not a count", ""
    if ka is None or kb is None:
        return "measure unknown", gold_fig[a][1].get("measure")
    names = ("story split", "measure wrong", "class", "place scope", "place scope", "time scope")
    for i, name in enumerate(names):
        if ka[i] != kb[i]:
            return name, f"{ka[i]} / {kb[i]}"
    return "other", ""


def _show(a: str, b: str, sys_fig: dict, gold_fig: dict) -> list[dict[str, Any]]:
    out = []
    for k in (a, b):
        c, q, key = sys_fig.get(k, (None, None, None))
        g = gold_fig.get(k, (None, {}))[1]
        out.append({"fig": k, "text": (q or g).get("text"), "counted": (q or {}).get("counted"),
                    "predicate": (q or {}).get("predicate"), "sys": list(key[1:]) if key else None,
                    "gold": (g.get("ledger") or {}).get("group"),
                    "sentence": (c or {}).get("text", "")[:200]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args(argv)
    docs, claims = _load(args.cache)
    r = diagnose(docs, claims)
    tp, fp, fn = r["tp"], r["fp"], r["fn"]
    p, rec = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    print(f"dev ledger pairs: tp {tp} fp {fp} fn {fn}  P {p:.3f} R {rec:.3f} "
          f"F1 {2 * p * rec / (p + rec) if p + rec else 0:.3f}")
    for kind in ("fp", "fn"):
        causes = r[f"{kind}_causes"]
        print(f"\n== {kind.upper()} pairs by cause")
        for cause, subs in sorted(causes.items(), key=lambda kv: -sum(kv[1].values())):
            print(f"{sum(subs.values()):6d}  {cause}")
            for sub, n in subs.most_common(6):
                if sub:
                    print(f"{n:12d}  {sub}")
            for ex in r[f"{kind}_examples"][cause][:args.examples]:
                print("            " + json.dumps(ex, ensure_ascii=False)[:600])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
