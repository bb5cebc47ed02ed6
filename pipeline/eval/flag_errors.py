"""Why the figures' flags miss the gold, on the real-world **dev** split only.

    python -m pipeline.eval.flag_errors [--cache FILE.pkl] [--examples 3] [--type T]

Runs the real-world articles through the engine (or reads ``--cache``, a pickle of
:func:`pipeline.eval.realworld.system_output`, written on first use) and compares each
matched dev figure's ``flags`` with the gold's (docs/annotation.md 10.3). Each wrong
flag is counted under its type and the first cause that explains it:

* a false positive: the scope of the system hedge that gave it (``sentence``: a cue in
  the figure's own sentence; ``previous`` / ``following``: a note reaching to it),
  with the cue as the sub-cause;
* a false negative: ``claim has it`` (the sentence carries the type but the figure
  scope left this figure out), ``clause cue`` (a cue of the type was found, but in an
  embedded clause), else ``no cue``.

The test split is never read: rules are tuned on dev (docs/evaluation.md).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import metrics as M
from .ledger_errors import ROOT, _load
from .realworld import _figures, _flags
from .realworld_gold import gold_files, split_of


def _cause(claim: dict, q: dict, flag: str, spurious: bool) -> str:
    if spurious:
        hit = next((h for h in q.get("hedges") or [] if h["type"] == flag), None)
        if hit is None:
            return "no hedge (approx)"
        return f"{hit['scope']}: {hit['cue'].lower()}"
    if (claim.get("flags") or {}).get(flag):
        return "claim has it"
    if any(h["type"] == flag and h["scope"] == "clause" for h in claim.get("hedges") or []):
        return "clause cue"
    return "no cue"


def diagnose(docs: dict, claims: dict, split: str = "dev", examples: int = 3,
             only: str | None = None) -> dict[str, Any]:
    """Per-type counts and wrong flags by cause for one split (``dev`` unless asked)."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    causes: Counter = Counter()
    shown: dict[tuple, list[dict]] = defaultdict(list)
    for path in gold_files(ROOT):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split_of(gold["event"]) != split or gold["doc_id"] not in docs:
            continue
        pred = _figures(claims[gold["doc_id"]])
        mt = M.match_spans(pred, gold["figures"],
                           span=lambda x: x[1]["span"] if isinstance(x, tuple) else x["span"])
        for i, j in mt.pairs:
            claim, q = pred[i]
            sys_f, gold_f = _flags(claim, q), set(gold["figures"][j].get("flags") or [])
            for f in sys_f | gold_f:
                tally[f][0 if f in sys_f and f in gold_f else 1 if f in sys_f else 2] += 1
            for f in sys_f ^ gold_f:
                if only and f != only:
                    continue
                key = (f, "FP" if f in sys_f else "FN", _cause(claim, q, f, f in sys_f))
                causes[key] += 1
                if len(shown[key]) < examples:
                    shown[key].append({"doc": gold["doc_id"], "figure": q.get("text"),
                                       "sentence": claim["text"][:300]})
    return {"per_type": {f: M.prf(*v) | {"tp_fp_fn": v} for f, v in sorted(tally.items())},
            "micro": M.micro_prf(tuple(v) for v in tally.values()),
            "causes": [{"type": k[0], "error": k[1], "cause": k[2], "n": n, "examples": shown[k]}
                       for k, n in causes.most_common()]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--type", dest="only")
    args = ap.parse_args(argv)
    docs, claims = _load(args.cache)
    out = diagnose(docs, claims, examples=args.examples, only=args.only)
    print(f"micro {out['micro']}")
    for f, m in out["per_type"].items():
        print(f"  {f:12s} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} {m['tp_fp_fn']}")
    for c in out["causes"]:
        print(f"\n{c['n']:4d} {c['type']} {c['error']} {c['cause']}")
        for ex in c["examples"]:
            print(f"       {ex['doc']} [{ex['figure']}] {ex['sentence']}")


if __name__ == "__main__":
    main()
