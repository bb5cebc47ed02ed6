"""``python -m pipeline.eval``: score every stage on the corpus gold and the public sets.

    python -m pipeline.eval --data ../shared/data --gold corpus/gold --out out/eval.json
        [--stages clean,extract,attribute,hedge] [--sets corpus,polnear,factbank,...]
        [--limit-wikiweasel 3000] [--seed 13] [--workers 2]

Prints one table per stage (report.py) and writes the same figures to ``--out``.
Every system output comes from the public API :func:`pipeline.process_text`. A set
whose files are absent is reported as skipped, with a message. Metric and matching
rules: docs/evaluation.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
from functools import lru_cache
import json
import os
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..extraction.dates import REFERENCE_GRAINS
from ..resources import source_commit
from . import datasets as ds
from . import metrics as M
from .report import STAGES, print_report

SETS = ("corpus", "realworld", "polnear", "factbank", "wikiweasel", "quantities", "dates",
        "html", "appended")

#: Published figures printed beside ours (docs/evaluation.md gives the sources).
ANCHORS = {
    "html": "trafilatura 0.958, newspaper4k 0.949, readability-lxml 0.922, jusText 0.804",
    "newsquant": "CQE 0.92, strict 1:1 0.904; quantulum3 0.73; Recognizers 0.691; GPT-3 0.706",
    "newsquant_bounds": "CQE 0.881",
    "tbaq": "TE3 test: HeidelTime 0.776, SUTime 0.674, dateparser ~0.34",
    "cue": "citron 0.823, exact, PARC 3.0 test",
    "source": "citron 0.820, exact, PARC 3.0 test",
    "content": "citron 0.833, token overlap, PARC 3.0 test",
    "sentence": "27-word regex ~0.74",
    "cue_macro": "HEDGEhog 0.89",
}

#: Our hedge types that make a sentence "uncertain" in the Szeged sense. Not
#: ``verified``; not ``approximate`` ("about 300" is vagueness, not uncertainty); not
#: ``estimated`` either: FactBank dev marks "estimates"/"an estimated" as a cue in 3
#: of the 20 places we flag them (measured), i.e. it reads estimates as vagueness too.
UNCERTAIN_TYPES = frozenset({"reported", "alleged", "speculative", "conditional",
                             "unverified", "unsourced", "disputed"})

#: Szeged cue type → our hedge types that may express it (a typed cue match needs the
#: predicted type in this set). Modal "may/likely" and "could/might" are speculation;
#: doxastic verbs ("believe", "alleged", "considered") are what we split into
#: reported/alleged/unverified/disputed by who holds the belief; "if/unless" is a
#: condition; "whether/investigate" leaves the claim open (unverified).
SZEGED_CUE_TYPES = {
    "speculation_modal_probable": frozenset({"speculative", "estimated"}),
    "speculation_modal_possible": frozenset({"speculative"}),
    "speculation_hypo_doxastic": frozenset({"speculative", "alleged", "reported", "unverified",
                                            "disputed"}),
    "speculation_hypo_condition": frozenset({"conditional"}),
    "speculation_hypo_investigation": frozenset({"unverified", "speculative"}),
}

DEFAULT_WIKIWEASEL_LIMIT = 3000
DEFAULT_SEED = 13


# --------------------------------------------------------------------------- helpers

def _process(item: tuple[str, dict[str, Any]]) -> dict[str, Any]:
    import pipeline

    text, kw = item
    try:
        return pipeline.process_text(text, all_sentences=True, **kw)
    except Exception as exc:  # one failing text never stops the evaluation
        return {"document": {"text": text, "error": {"type": "eval_exception", "message": str(exc)}},
                "claims": []}


def run_pipeline(items: list[tuple[str, dict[str, Any]]], workers: int = 1) -> list[dict[str, Any]]:
    """``process_text(text, all_sentences=True, **kw)`` for each ``(text, kw)``, in order.

    With ``workers > 1`` the texts are spread over a spawn pool (each worker loads
    spaCy once); results come back in input order.
    """
    if workers <= 1 or len(items) < 50:
        return [_process(it) for it in items]
    import multiprocessing as mp

    # Under ``python -m`` this module is ``__main__``, which spawned workers cannot
    # import by that name: hand them the function from the module's real name.
    worker = importlib.import_module("pipeline.eval.__main__")._process
    with mp.get_context("spawn").Pool(workers) as pool:
        return list(pool.imap(worker, items, chunksize=16))


def entry(counts: tuple[float, float, float], anchor: str | None = None, **extra: Any) -> dict[str, Any]:
    tp, fp, fn = counts
    e: dict[str, Any] = {**M.prf(tp, fp, fn), "tp": tp, "fp": fp, "fn": fn, "n": int(tp + fn)}
    if anchor:
        e["anchor"] = anchor
    e.update(extra)
    return e


def acc_entry(correct: int, total: int, note: str | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {"accuracy": M.accuracy(correct, total), "n": total}
    if note:
        e["note"] = note
    return e


@lru_cache(maxsize=4096)
def _singular(w: str) -> str:
    """Singular of a plural noun ("civilians", "casualties", "children", "men") with
    inflect's English rules; other words unchanged."""

    return _inflect().singular_noun(w) or w


@lru_cache(maxsize=1)
def _inflect():
    from ..thirdparty import import_inflect

    return import_inflect().engine()


def counted_head(phrase: str | None) -> str | None:
    """Head noun of a counted phrase: last word before any "of"/"and", lowercased, singularised.

    "members of the security forces" → "member"; "women and children" → "woman"
    is not reached (crude: "women" stays "women"); "people" → "people".
    """
    if not phrase:
        return None
    words = re.findall(r"[\w'-]+", phrase.lower())
    for i, w in enumerate(words):
        if w in ("of", "and"):
            words = words[:i]
            break
    return _singular(words[-1]) if words else None


#: hedge types of schema 1.4 that the corpus gold (written to the 1.3 guideline) does
#: not annotate: a ``revised`` figure is scored on the real-world ledger instead, and an
#: ``unsourced`` note is scored as the ``unverified`` it implies
#: (:data:`pipeline.records.IMPLIED`)
UNSCORED_TYPES = frozenset({"revised"})


def _gold_typed(hedges: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """System hedges as the corpus gold types them (:data:`UNSCORED_TYPES`)."""
    from ..records import IMPLIED

    return [dict(h, type=IMPLIED.get(h.get("type"), h.get("type"))) for h in hedges or []
            if h.get("type") not in UNSCORED_TYPES]


def _hedge_types(hedges: Iterable[dict[str, Any]]) -> set[str]:
    return {h.get("type") for h in hedges or [] if h.get("type")}


# --------------------------------------------------------------------------- corpus gold

def eval_corpus(gold_dir: Path, stages: set[str]) -> list[dict[str, Any]]:
    """All stages on the hand-annotated corpus (one process_text run per article)."""
    docs = ds.load_corpus_gold(gold_dir, gold_dir.parent)
    if not docs:
        print(f"[eval] skip corpus: no gold in {gold_dir}", file=sys.stderr)
        return [{"stage": st, "set": "corpus", "status": "skipped", "message": f"no gold in {gold_dir}",
                 "seconds": 0.0} for st in STAGES if st in stages]
    missing = [d["doc_id"] for d in docs if d["text"] is None]
    docs = [d for d in docs if d["text"] is not None]
    t0 = time.perf_counter()
    outs = run_pipeline([(d["text"], {"published": d["published"], "title": d["title"],
                                      "doc_id": d["doc_id"]}) for d in docs])
    seconds = time.perf_counter() - t0
    misaligned = [d["doc_id"] for d, o in zip(docs, outs) if o["document"].get("text") != d["text"]]
    note = ""
    if missing:
        note += f"articles missing: {', '.join(missing)}. "
    if misaligned:
        note += f"document text differs from the article (offsets unusable): {', '.join(misaligned)}"
    sections = []
    for stage, fn in (("clean", _corpus_clean), ("extract", _corpus_extract),
                      ("attribute", _corpus_attribute), ("hedge", _corpus_hedge)):
        if stage not in stages:
            continue
        t1 = time.perf_counter()
        metrics = fn(docs, outs)
        sections.append({"stage": stage, "set": "corpus", "status": "ok", "message": note.strip(),
                         "seconds": time.perf_counter() - t1 + seconds / 4, "metrics": metrics})
    return sections


def _corpus_clean(docs, outs) -> dict[str, Any]:
    per_doc, metrics = [], {}
    sec_counts: dict[str, list[tuple[int, int, int]]] = {"headline": [], "key_points": [], "heading": []}
    for d, o in zip(docs, outs):
        if d["kept"] is None:
            continue
        r = M.char_prf(o["document"].get("kept") or [], d["kept"], text=d["text"])
        per_doc.append(r)
        metrics[f"kept chars {d['doc_id'][:3]}"] = {**{k: r[k] for k in ("precision", "recall", "f1")},
                                                   "n": r["tp"] + r["fn"]}
        for name in sec_counts:
            pred = [s["span"] for s in o["document"].get("sections") or [] if s.get("section") == name]
            gold = [s["span"] for s in d["section_spans"] if s.get("section") == name]
            sec_counts[name].append(M.char_counts(pred, gold, text=d["text"]))
    if not per_doc:
        return {"kept chars": {"value": None, "note": "no kept.jsonl"}}
    micro = M.micro_char_prf(per_doc)
    metrics["kept chars (micro)"] = {**micro, "n": sum(r["tp"] + r["fn"] for r in per_doc)}
    for name, counts in sec_counts.items():
        gold_chars = sum(c[0] + c[2] for c in counts)
        if gold_chars or sum(c[1] for c in counts):
            metrics[f"{name} chars (micro)"] = {**M.micro_prf(counts), "n": gold_chars}
    return metrics


def _claim_match(d, o) -> M.Matching:
    """Gold claims ↔ predicted sentences (all of them: ``all_sentences=True``).

    Field-level scores (quantities, dates, attribution, hedges) use this matching, so
    a sentence the claim filter wrongly dropped is still scored for its fields.
    """
    return M.match_spans(o["claims"], d["claims"], span=lambda c: c["span"])


def _lower(x: Any) -> str | None:
    return None if x is None else str(x).lower()


def _corpus_extract(docs, outs) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    claim_c = [0, 0, 0]
    ok, n = Counter(), 0
    for d, o in zip(docs, outs):
        # kind "other" = a sentence kept only because all_sentences=True: not claimed
        # (exactly what all_sentences=False would have dropped)
        pred = [c for c in o["claims"] if c.get("kind") != "other"]
        mt = M.match_spans(pred, d["claims"], span=lambda c: c["span"])
        _add(claim_c, mt.counts)
        for i, j in mt.pairs:
            n += 1
            ok["kind"] += pred[i].get("kind") == d["claims"][j].get("kind")
            ok["section"] += pred[i].get("section") == d["claims"][j].get("section")
    metrics["claims detected"] = entry(tuple(claim_c))
    metrics["claim kind (matched)"] = acc_entry(ok["kind"], n)
    metrics["claim section (matched)"] = acc_entry(ok["section"], n)
    metrics.update(_corpus_quantities(docs, outs))
    metrics.update(_corpus_dates(docs, outs))
    return metrics


def _matched_items(d, o, key: str, keep=lambda item: True):
    """Per matched claim pair, the one-to-one matching of their ``key`` items (predicted
    items that ``keep`` accepts); gold items of unmatched gold claims count as missed.
    Yields ``(pred_items, gold_items, matching)``."""
    mt = _claim_match(d, o)
    for i, j in mt.pairs:
        pred, gold = [x for x in o["claims"][i].get(key) or [] if keep(x)], d["claims"][j].get(key) or []
        yield pred, gold, M.match_spans(pred, gold, span=lambda q: q.get("span"))
    for j in mt.unmatched_gold:
        gold = d["claims"][j].get(key) or []
        yield [], gold, M.Matching(unmatched_gold=list(range(len(gold))))


def _corpus_quantities(docs, outs) -> dict[str, Any]:
    c = [0, 0, 0]
    ok, n = Counter(), Counter()
    for d, o in zip(docs, outs):
        for pred, gold, mt in _matched_items(d, o, "quantities"):
            _add(c, mt.counts)
            for i, j in mt.pairs:
                p, g = pred[i], gold[j]
                n["q"] += 1
                ok["value"] += M.values_equal(p.get("value"), g.get("value"))
                ok["bounds"] += (M.values_equal(p.get("low"), g.get("low"))
                                 and M.values_equal(p.get("high"), g.get("high")))
                for f in ("approx", "kind", "unit", "predicate"):
                    ok[f] += _lower(p.get(f)) == _lower(g.get(f))
                if g.get("counted_span"):
                    n["counted"] += 1
                    ok["counted_span"] += M.overlaps(p.get("counted_span"), g["counted_span"])
                gh = g.get("counted_head") or counted_head(g.get("counted"))
                if gh:
                    n["head"] += 1
                    ok["head"] += counted_head(p.get("counted")) == _singular(gh.lower())
    out = {"quantities detected (in matched claims)": entry(tuple(c)),
           "quantity value (matched)": acc_entry(ok["value"], n["q"]),
           "quantity bounds low+high (matched)": acc_entry(ok["bounds"], n["q"])}
    for f in ("approx", "kind", "unit", "predicate"):
        out[f"quantity {f} (matched)"] = acc_entry(ok[f], n["q"])
    out["quantity counted span overlap"] = acc_entry(ok["counted_span"], n["counted"])
    out["quantity counted head"] = acc_entry(ok["head"], n["head"])
    return out


def _corpus_dates(docs, outs) -> dict[str, Any]:
    c = [0, 0, 0]
    ok, n = Counter(), 0
    for d, o in zip(docs, outs):
        # the guideline (docs/annotation.md 5.1) annotates calendar dates; references to the
        # time of writing ("now": grain present/past_ref/future_ref) are not in this gold
        for pred, gold, mt in _matched_items(d, o, "dates", keep=lambda x: x.get("grain") not in REFERENCE_GRAINS):
            _add(c, mt.counts)
            for i, j in mt.pairs:
                n += 1
                ok["value"] += _lower(pred[i].get("value")) == _lower(gold[j].get("value"))
                ok["grain"] += _lower(pred[i].get("grain")) == _lower(gold[j].get("grain"))
    return {"dates detected (in matched claims)": entry(tuple(c)),
            "date ISO value (matched)": acc_entry(ok["value"], n),
            "date grain (matched)": acc_entry(ok["grain"], n)}


def _norm_eq(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return (p.get("source_norm") or "").casefold() == (g.get("source_norm") or "").casefold()


def _source_match(p: dict[str, Any] | None, g: dict[str, Any] | None) -> bool:
    """Brief's strict rule: source spans overlap (or both null) AND source_norm equal."""
    if not p or not g:
        return False
    ps, gs = p.get("source_span"), g.get("source_span")
    return ((ps is None and gs is None) or M.overlaps(ps, gs)) and _norm_eq(p, g)


def _source_match_lenient(p: dict[str, Any] | None, g: dict[str, Any] | None) -> bool:
    """docs/annotation.md §8: source spans overlap OR source_norm equal (both null = equal)."""
    if not p or not g:
        return False
    return M.overlaps(p.get("source_span"), g.get("source_span")) or _norm_eq(p, g)


def _corpus_attribute(docs, outs) -> dict[str, Any]:
    strict, lenient, binary = [0, 0, 0], [0, 0, 0], [0, 0, 0]
    ok, both = Counter(), 0
    invented = outlet = 0
    for d, o in zip(docs, outs):
        mt = _claim_match(d, o)
        pred_of = {j: o["claims"][i] for i, j in mt.pairs}
        for j, g in enumerate(d["claims"]):
            ga = g.get("attribution")
            pa = (pred_of.get(j) or {}).get("attribution")
            _add(binary, (ga is not None and pa is not None, pa is not None and ga is None,
                          ga is not None and pa is None))
            if ga is None:
                outlet += 1
                invented += pa is not None
                _add(strict, (0, pa is not None, 0))
                _add(lenient, (0, pa is not None, 0))
                continue
            for acc, rule in ((strict, _source_match), (lenient, _source_match_lenient)):
                hit = rule(pa, ga)
                _add(acc, (hit, (not hit) and pa is not None, not hit))
            if pa is not None:
                both += 1
                ok["mode"] += pa.get("mode") == ga.get("mode")
                ok["source_type"] += pa.get("source_type") == ga.get("source_type")
                pc, gc = pa.get("cue_span"), ga.get("cue_span")
                ok["cue"] += (pc is None and gc is None) or M.overlaps(pc, gc)
    return {"attributed vs outlet voice (binary)": entry(tuple(binary)),
            "source: span overlap AND norm": entry(tuple(strict)),
            "source: span overlap OR norm (guideline)": entry(tuple(lenient)),
            "mode (both attributed)": acc_entry(ok["mode"], both),
            "source_type (both attributed)": acc_entry(ok["source_type"], both),
            "cue span overlap (both attributed)": acc_entry(ok["cue"], both),
            "invented for outlet-voice claims": {"value": invented / outlet if outlet else None,
                                                 "n": outlet, "note": f"{invented} of {outlet}"}}


def _corpus_hedge(docs, outs) -> dict[str, Any]:
    from ..records import HEDGE_TYPES

    per_type = {t: [0, 0, 0] for t in HEDGE_TYPES if t not in UNSCORED_TYPES}
    items = [0, 0, 0]
    cross_ok = cross_n = 0
    for d, o in zip(docs, outs):
        mt = _claim_match(d, o)
        pred_of = {j: o["claims"][i] for i, j in mt.pairs}
        for j, g in enumerate(d["claims"]):
            p = pred_of.get(j) or {}
            # cues in embedded clauses are recorded but hedge nothing; the gold lists
            # only hedges that apply to the claim
            gh = g.get("hedges") or []
            ph = _gold_typed(h for h in p.get("hedges") or [] if h.get("scope") != "clause")
            gt, pt = _hedge_types(gh), _hedge_types(ph)
            for t in per_type:
                _add(per_type[t], (t in gt and t in pt, t in pt and t not in gt, t in gt and t not in pt))
            _add(items, M.match_spans(ph, gh, span=lambda h: h.get("cue_span"),
                                      compatible=lambda a, b: (a.get("type"), a.get("scope"))
                                      == (b.get("type"), b.get("scope"))).counts)
            for h in gh:
                if h.get("scope") in ("previous", "following"):
                    cross_n += 1
                    cross_ok += any(x.get("type") == h.get("type")
                                    and M.overlaps(x.get("from_sentence"), h.get("from_sentence"))
                                    for x in ph)
    metrics: dict[str, Any] = {}
    for t, c in per_type.items():
        if any(c):
            metrics[f"flag {t}"] = entry(tuple(c))
    metrics["flags (micro over types)"] = entry(tuple(sum(c[k] for c in per_type.values()) for k in range(3)))
    metrics["flags (macro over types present)"] = {
        "f1": M.macro_f1({t: tuple(c) for t, c in per_type.items() if any(c)})}
    metrics["hedge items: type+scope+cue overlap"] = entry(tuple(items))
    metrics["cross-sentence attachment"] = acc_entry(cross_ok, cross_n)
    return metrics


# --------------------------------------------------------------------------- PolNeAR

def eval_polnear(data: Path, workers: int, limit: int | None, seed: int) -> dict[str, Any]:
    docs = ds.load_polnear(data)
    if docs is None:
        return {"_skip": f"PolNeAR not found under {data}/attribution/polnear"}
    docs = ds.sample(docs, limit, seed)
    # PolNeAR texts are clean article bodies: score attribution, not cleaning
    outs = run_pipeline([(d["text"], {"published": d.get("publication_date"), "title": d.get("title"),
                                      "doc_id": d["doc_id"], "keep_all": True}) for d in docs], workers)
    counts = RelationCounts()
    for d, o in zip(docs, outs):
        if o["document"].get("text") != d["text"]:
            continue  # offsets would not line up; counted below as all-missed
        preds = []
        for c in o["claims"]:
            a = c.get("attribution")
            for x in ([a] if a else []) + c.get("other_attributions", []):
                preds.append({"cue": M.as_ranges(x["cue_span"]),
                              "source": M.as_ranges(x["source_span"]) if x["cue_span"] else [],
                              "content": M.as_ranges(x["content_span"])})
        counts.add(d["text"], preds, _relations(d["attributions"]))
    misaligned = sum(o["document"].get("text") != d["text"] for d, o in zip(docs, outs))
    return {"_n_docs": len(docs), "_misaligned": misaligned, **counts.entries(anchors=True),
            **polnear_agreement(data)}


def _relations(attributions: list[dict[str, Any]]) -> list[dict[str, list[tuple[int, int]]]]:
    """PolNeAR relations as ``{cue, source, content}`` lists of character ranges."""
    return [{role: [(p["start"], p["end"]) for p in a[role]] for role in ("cue", "source", "content")}
            for a in attributions]


class RelationCounts:
    """Counts of one set of relations against another, summed over articles: cues
    (overlap and exact, one-to-one), sources (overlap, one-to-one), content tokens."""

    def __init__(self) -> None:
        self.cue_ov, self.cue_ex, self.src, self.content = [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]

    def add(self, text: str, pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
        cued_p, cued_g = [p for p in pred if p["cue"]], [g for g in gold if g["cue"]]
        _add(self.cue_ov, M.match_spans(cued_p, cued_g, span=lambda x: x["cue"]).counts)
        _add(self.cue_ex, M.match_spans(
            cued_p, cued_g, span=lambda x: x["cue"],
            compatible=lambda p, g: M.merge_ranges(p["cue"]) == M.merge_ranges(g["cue"])).counts)
        _add(self.src, M.match_spans([p for p in pred if p["source"]], [g for g in gold if g["source"]],
                                     span=lambda x: x["source"]).counts)
        ov, pn, gn = M.token_overlap_counts([p["content"] for p in pred], [g["content"] for g in gold],
                                            M.token_ranges(text))
        _add(self.content, (ov, pn - ov, gn - ov))

    def entries(self, anchors: bool = False, prefix: str = "") -> dict[str, Any]:
        def anchor(key: str) -> str | None:
            return ANCHORS[key] if anchors else None

        content = {**M.prf(*self.content), "n": self.content[0] + self.content[2]}
        if anchors:
            content["anchor"] = ANCHORS["content"]
        return {
            f"{prefix}cue (overlap, 1:1)": entry(tuple(self.cue_ov), anchor("cue")),
            f"{prefix}cue (exact, 1:1)": entry(tuple(self.cue_ex), anchor("cue")),
            f"{prefix}source (overlap, 1:1)": entry(tuple(self.src), anchor("source")),
            f"{prefix}content (token overlap)": content,
        }


def polnear_agreement(data: Path) -> dict[str, Any]:
    """How far PolNeAR's annotators agree with each other under the same scorer: every
    pair of annotators of every article annotated more than once (dev and train; no
    system output involved), one annotator's relations scored against the other's.
    This is the ceiling the figures above should be read against."""
    counts, pairs, articles = RelationCounts(), 0, 0
    for split in ("dev", "train"):
        for versions in (ds.polnear_versions(data, split) or {}).values():
            if len(versions) < 2:
                continue
            articles += 1
            for i, a in enumerate(versions):
                for b in versions[i + 1:]:
                    if a["text"] == b["text"] and a.get("annotator") != b.get("annotator"):
                        counts.add(a["text"], _relations(b["attributions"]), _relations(a["attributions"]))
                        pairs += 1
    if not pairs:
        return {}
    return {"_agreement": f"pairs of annotators: {pairs}, articles: {articles} (dev and train)",
            **counts.entries(prefix="annotators: ")}


def _add(acc: list, counts: Iterable[float]) -> None:
    for k, v in enumerate(counts):
        acc[k] += v


# --------------------------------------------------------------------------- Szeged hedging

def _cue_span(x: dict[str, Any]) -> Any:
    # predicted hedges carry cue_span; Szeged gold cues carry start/end
    return x["cue_span"] if "cue_span" in x else (x["start"], x["end"])


def eval_szeged(data: Path, name: str, workers: int, limit: int | None, seed: int) -> dict[str, Any]:
    sents = ds.load_szeged(data, name)
    if sents is None:
        return {"_skip": f"{name} not found under {data}/hedging"}
    total = len(sents)
    sents = ds.sample(sents, limit, seed)
    # sentence-level gold: score hedging, not cleaning (keep every line)
    outs = run_pipeline([(s["text"], {"keep_all": True}) for s in sents], workers)
    sent_c = [0, 0, 0]
    cue_c, typed_c = [0, 0, 0], [0, 0, 0]
    per_class = {k: [0, 0, 0] for k in SZEGED_CUE_TYPES}
    for s, o in zip(sents, outs):
        hedges = [h for c in o["claims"] for h in c.get("hedges") or []
                  if h.get("type") in UNCERTAIN_TYPES]
        pred_u, gold_u = bool(hedges), bool(s["uncertain"])
        _add(sent_c, (pred_u and gold_u, pred_u and not gold_u, gold_u and not pred_u))
        if o["document"].get("text") != s["text"]:
            hedges = []  # offsets unusable
        cued = [h for h in hedges if h.get("cue_span")]
        gold = s["cues"]
        _add(cue_c, M.match_spans(cued, gold, span=_cue_span).counts)
        mt = M.match_spans(cued, gold, span=_cue_span,
                           compatible=lambda h, g: h["type"] in SZEGED_CUE_TYPES.get(g["type"], ()))
        _add(typed_c, mt.counts)
        for _, j in mt.pairs:
            per_class.setdefault(gold[j]["type"], [0, 0, 0])[0] += 1
        for j in mt.unmatched_gold:
            per_class.setdefault(gold[j]["type"], [0, 0, 0])[2] += 1
        for i in mt.unmatched_pred:
            # an unmatched predicted cue is a false positive for every class its type can express
            for cls, ours in SZEGED_CUE_TYPES.items():
                if cued[i]["type"] in ours:
                    per_class[cls][1] += 1
    metrics: dict[str, Any] = {
        "_n": len(sents), "_total": total,
        "sentence uncertain": entry(tuple(sent_c), ANCHORS["sentence"] if name == "factbank" else None),
        "cue (overlap, 1:1)": entry(tuple(cue_c)),
        "cue (overlap + mapped type)": entry(tuple(typed_c)),
        # macro over the classes that occur (gold or predicted): an absent class is not a perfect 1.0
        "cue macro-F1 over Szeged types": {"f1": M.macro_f1({k: tuple(v) for k, v in per_class.items()
                                                             if any(v)}),
                                           "n": sum(v[0] + v[2] for v in per_class.values()),
                                           "anchor": ANCHORS["cue_macro"]},
    }
    for cls, v in per_class.items():
        if any(v):
            metrics[f"cue {cls.replace('speculation_', '')}"] = entry(tuple(v))
    return metrics


# --------------------------------------------------------------------------- evaluator modules

def _evaluators(stage: str, set_name: str, calls: list[tuple[str, Callable[[], Any]]]) -> list[dict[str, Any]]:
    """Sections for evaluators of the ``clean_eval`` / ``extract_eval`` modules: each
    returns its metrics, or None when its data is absent."""
    out = []
    for n, call in calls:
        t0 = time.perf_counter()
        label = set_name if len(calls) == 1 else f"{set_name}:{n}"
        try:
            res = call()
        except Exception as exc:  # a broken evaluator must not hide the others
            out.append({"stage": stage, "set": label, "status": "error",
                        "message": f"{type(exc).__name__}: {exc}", "seconds": time.perf_counter() - t0,
                        "traceback": traceback.format_exc(limit=3)})
            continue
        if res is None:
            out.append(_skip(stage, label, f"{n}: data absent"))
            continue
        out.append({"stage": stage, "set": label, "status": "ok", "message": "",
                    "seconds": time.perf_counter() - t0, "metrics": _with_anchors(set_name, res)})
    return out


def _with_anchors(set_name: str, res: dict[str, Any]) -> dict[str, Any]:
    """Add a published anchor to entries that lack one, when the set has a single obvious one."""
    anchor = {"html": ANCHORS["html"], "dates": ANCHORS["tbaq"]}.get(set_name)
    if not anchor:
        return res
    out = {}
    for k, v in res.items():
        if isinstance(v, dict) and "f1" in v and "anchor" not in v:
            v = {**v, "anchor": anchor}
        out[k] = v
    return out


# --------------------------------------------------------------------------- sections

def _skip(stage: str, set_name: str, message: str) -> dict[str, Any]:
    print(f"[eval] skip {set_name}: {message}", file=sys.stderr)
    return {"stage": stage, "set": set_name, "status": "skipped", "message": message, "seconds": 0.0}


def _public(stage: str, set_name: str, fn: Callable[[], dict]) -> dict:
    t0 = time.perf_counter()
    res = fn()
    if "_skip" in res:
        return _skip(stage, set_name, res["_skip"])
    meta = {k[1:]: res.pop(k) for k in list(res) if k.startswith("_")}
    msg = ", ".join(f"{k}={v}" for k, v in meta.items())
    return {"stage": stage, "set": set_name, "status": "ok", "message": msg,
            "seconds": time.perf_counter() - t0, "metrics": res, **({"meta": meta} if meta else {})}


def eval_realworld(root: Path, workers: int) -> list[dict[str, Any]]:
    """One section per split of the real-world test bed (pipeline.eval.realworld)."""
    from .realworld import evaluate_realworld

    t0 = time.perf_counter()
    res = evaluate_realworld(root, workers)
    if res is None:
        return [_skip("realworld", "realworld", f"{root}: no test bed or no gold")]
    seconds = (time.perf_counter() - t0) / len(res)
    return [{"stage": "realworld", "set": split, "status": "ok", "seconds": seconds,
             "message": f"{m.pop('_articles')} articles, {m.pop('_events')} events",
             "examples": m.pop("_examples"), "metrics": m}
            for split, m in res.items()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m pipeline.eval", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"),
                    help="public data dir (default ../shared/data); absent sets are skipped")
    ap.add_argument("--gold", type=Path, default=Path("corpus/gold"), help="corpus gold dir")
    ap.add_argument("--realworld", type=Path, default=Path("corpus/realworld"),
                    help="real-world test bed (docs/annotation.md section 10)")
    ap.add_argument("--out", type=Path, default=Path("out/eval.json"), help="JSON results file")
    ap.add_argument("--stages", default=",".join(STAGES), help=f"subset of {','.join(STAGES)}")
    ap.add_argument("--sets", default=",".join(SETS), help=f"subset of {','.join(SETS)}")
    ap.add_argument("--limit", type=int, default=None,
                    help="at most N items per public set (fixed-seed sample); default all, "
                         "except WikiWeasel (see --limit-wikiweasel)")
    ap.add_argument("--limit-wikiweasel", type=int, default=DEFAULT_WIKIWEASEL_LIMIT,
                    help=f"WikiWeasel sentences to sample (default {DEFAULT_WIKIWEASEL_LIMIT}; 0 = all 20,748)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="sampling seed")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                    help="processes for the public sets (default min(2, CPUs))")
    args = ap.parse_args(argv)
    args.stages = {s.strip() for s in args.stages.split(",") if s.strip()}
    args.sets = {s.strip() for s in args.sets.split(",") if s.strip()}
    bad = (args.stages - set(STAGES)) | (args.sets - set(SETS))
    if bad:
        ap.error(f"unknown stage/set: {', '.join(sorted(bad))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    if not args.data.exists():
        print(f"[eval] data dir {args.data} not found: public sets skipped", file=sys.stderr)
    sections: list[dict[str, Any]] = []
    want = lambda stage, s: stage in args.stages and s in args.sets  # noqa: E731

    if "corpus" in args.sets:
        sections += eval_corpus(args.gold, args.stages)
    if "realworld" in args.sets:
        sections += eval_realworld(args.realworld, args.workers)
    # clean_eval takes the ScrapingHub folder itself as data_dir
    aeb = {"data_dir": args.data / "boilerplate" / "scrapinghub-aeb"}
    if not aeb["data_dir"].exists() and "clean" in args.stages and args.sets & {"appended", "html"}:
        sections += [_skip("clean", n, f"{aeb['data_dir']} not found")
                     for n in ("appended", "html") if n in args.sets]
        args.sets -= {"appended", "html"}
    if want("clean", "appended") or want("clean", "html"):
        from . import clean_eval
        for name, fn in (("appended", clean_eval.evaluate_appended), ("html", clean_eval.evaluate_html)):
            if want("clean", name):
                sections += _evaluators("clean", name, [(name, lambda f=fn: f(aeb["data_dir"]))])
    if want("extract", "quantities") or want("extract", "dates"):
        from . import extract_eval as xe
        if want("extract", "quantities"):
            sections += _evaluators("extract", "quantities", [
                ("newsquant", lambda: xe.evaluate_newsquant(args.data)),
                ("quantity_sets", lambda: xe.evaluate_quantity_sets(args.data))])
        if want("extract", "dates"):
            sections += _evaluators("extract", "dates", [("tbaq", lambda: xe.evaluate_tbaq(args.data))])
    if want("attribute", "polnear"):
        sections.append(_public("attribute", "polnear",
                                lambda: eval_polnear(args.data, args.workers, args.limit, args.seed)))
    for name in ("factbank", "wikiweasel"):
        if want("hedge", name):
            limit = args.limit
            if name == "wikiweasel":
                limit = args.limit_wikiweasel or limit
            sections.append(_public("hedge", name,
                                    lambda n=name, lim=limit: eval_szeged(args.data, n, args.workers,
                                                                          lim, args.seed)))

    print_report(sections)
    result = {"generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "commit": source_commit(), "command": " ".join(["python -m pipeline.eval", *(argv or sys.argv[1:])]),
              "data": str(args.data), "seconds": round(time.perf_counter() - started, 1),
              "sections": sections}
    write_text(args.out, json.dumps(result, indent=1, ensure_ascii=False, default=str) + "\n")
    print(f"[eval] {result['seconds']:.0f}s; figures written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
