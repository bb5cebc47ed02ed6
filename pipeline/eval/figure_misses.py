"""Why gold figures are missed (and which system figures are spurious), on the
real-world **dev** split only.

    python -m pipeline.eval.figure_misses [--examples 5] [--json FILE]

Only the dev articles are read and run (one at a time, through the same clean,
analyse and stage steps as the engine, with every sentence kept), so the test split is
never looked at: rules are tuned on dev (docs/evaluation.md). Each gold figure that no
emitted figure matches (the matching of "figures detected") is put under the first
cause that explains it:

* ``text removed``: the cleaner took out part of the figure's characters;
* ``sentence not a claim``: a figure overlapping the gold span was read in a sentence
  that :func:`pipeline.extraction.claims.is_claim` (or the heading rule) rejected;
* ``read as <kind>``: a quantity overlaps but of a kind that is no figure (duration,
  age, ordinal);
* ``span taken``: an overlapping emitted figure is matched to another gold figure
  (one merged range, or two figures read as one);
* ``rejected: <rule>``: a number candidate overlapped the span but a filter dropped it
  (``date``, ``clock``, ``entity``, ``year``, ``label``, ``month day``, ``name``,
  ``determiner one``, ``not finite``);
* ``no candidate``: no number piece was found there at all.

Spurious figures (emitted, matching no gold figure) are listed by kind and with
their sentence.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import metrics as M
from .realworld import FIGURE_KINDS
from .realworld_gold import gold_files, split_of

ROOT = Path("corpus/realworld")


def _rule_of(doc, sent, c, exclude) -> str | None:
    """The first filter of :mod:`pipeline.extraction.quantities` that drops candidate
    ``c`` (the order of ``_kept`` and ``find_quantities``); None when none does."""
    from ..extraction.quantities import candidates as C

    num_s, num_e = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1])
    tests = [
        ("clock", lambda: c.kind == "clock" or bool(C.CLOCK.match(doc[c.start].text))),
        ("date", lambda: C._overlaps(num_s, num_e, exclude) and c.kind != "duration"),
        ("entity", lambda: C._ent_blocks(doc, c) and c.kind == "count"),
        ("year", lambda: C._is_year(doc, c, sent)),
        ("label", lambda: C._is_label(doc, c, sent)),
        ("month day", lambda: C._is_month_day(doc, c, sent)),
        ("slash date", lambda: C._is_slash_date(doc, c, sent)),
        ("name", lambda: C._in_name(doc, c, sent)),
        ("determiner one", lambda: C._one_is_determiner(doc, c, sent)),
    ]
    return next((name for name, test in tests if test()), None)


def _candidate_rule(doc, sent, span: tuple[int, int]) -> str:
    """``rejected: <rule>`` or ``no candidate`` for a gold span without any quantity."""
    from ..extraction.dates import find_dates
    from ..extraction.quantities.candidates import _candidates
    from ..extraction.quantities.reading import _units

    exclude = [tuple(d["span"]) for d in find_dates(sent, None)]
    for c in _candidates(sent):
        s = doc[c.start].idx
        e = doc[c.end - 1].idx + len(doc[c.end - 1])
        if s < span[1] and span[0] < e:
            if c.kind != "ordinal" and c.vague is None:
                _units(doc, c, sent.end, sent)
            return f"rejected: {_rule_of(doc, sent, c, exclude) or 'unknown'} ({c.kind})"
    return "no candidate"


def _run_dev(examples: int) -> dict[str, Any]:
    from ..analyze import load_model, make_doc
    from ..engine import prepare
    from ..extraction import kept_sentences
    from ..extraction.claims import select_claims
    from ..ingest import read_documents
    from ..clean import CleanSettings
    from ..stages import StageTimer, candidates

    golds = {g["doc_id"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in gold_files(ROOT))
             if split_of(g["event"]) == "dev"}
    nlp = load_model()
    causes: Counter = Counter()
    shown: dict[str, list] = defaultdict(list)
    spurious: Counter = Counter()
    counts = [0, 0, 0]
    for raw in read_documents([str(ROOT)]):
        gold = golds.get(raw.doc_id)
        if gold is None:
            continue  # not a dev article: never read
        cleaned, err = prepare(raw, CleanSettings())
        if err is not None:
            continue
        doc = nlp(make_doc(nlp, cleaned))
        claims = select_claims(candidates(doc, cleaned, cleaned.published or raw.published, StageTimer()),
                               all_sentences=True)
        every = [(c, q) for c in claims for q in c.quantities]
        emitted = [(c, q) for c, q in every if c.kind != "other" and q["kind"] in FIGURE_KINDS]
        figs = gold["figures"]
        mt = M.match_spans(emitted, figs, span=lambda x: x[1]["span"] if isinstance(x, tuple) else x["span"])
        counts = [a + b for a, b in zip(counts, mt.counts)]
        taken = {i for i, _ in mt.pairs}
        sents = kept_sentences(doc)
        for j in sorted(set(range(len(figs))) - {j for _, j in mt.pairs}):
            g = figs[j]
            cause = _cause(doc, cleaned, sents, every, emitted, taken, g)
            causes[cause] += 1
            if len(shown[cause]) < examples:
                shown[cause].append(_context(cleaned.text, g["span"], raw.doc_id, g["text"]))
        for i in sorted(set(range(len(emitted))) - taken):
            claim, q = emitted[i]
            key = f"spurious {q['kind']}"
            spurious[key] += 1
            if len(shown[key]) < examples:
                shown[key].append(_context(cleaned.text, q["span"], raw.doc_id, q["text"]))
    return {"figures detected": M.prf(*counts), "missed by cause": dict(causes.most_common()),
            "spurious by kind": dict(spurious.most_common()), "examples": dict(shown)}


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cause(doc, cleaned, sents, every, emitted, taken, g: dict) -> str:
    span = tuple(g["span"])
    kept = cleaned.kept
    chars = [p for p in range(*span) if not cleaned.text[p].isspace()]
    if any(not any(a <= p < b for a, b in kept) for p in chars):
        return "text removed"
    over = [(c, q) for c, q in every if _overlap(q["span"], span)]
    if any(q["kind"] in FIGURE_KINDS and c.kind == "other" for c, q in over):
        return "sentence not a claim"
    if any(i in taken for i, (c, q) in enumerate(emitted) if _overlap(q["span"], span)):
        return "span taken"
    if over:
        return f"read as {over[0][1]['kind']}"
    sent = next((s for s in sents if s.start_char <= span[0] < s.end_char), None)
    if sent is None:
        return "no sentence"
    return _candidate_rule(doc, sent, span)


def _context(text: str, span, doc_id: str, what: str) -> str:
    s, e = span
    line_s = max(text.rfind("\n", 0, s) + 1, s - 90)
    line_e = min(e + 60, len(text))
    e2 = text.find("\n", e)
    if e2 != -1:
        line_e = min(line_e, e2)
    return f"{doc_id}: [{what}] …{text[line_s:s]}«{text[s:e]}»{text[e:line_e]}…"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    out = _run_dev(args.examples)
    print(json.dumps({k: v for k, v in out.items() if k != "examples"}, indent=1))
    for cause, items in out["examples"].items():
        print(f"\n== {cause}")
        for line in items:
            print("  ", line.replace("\n", " "))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
