"""Scores on the real-world test bed (``corpus/realworld/``): what a fact-checker uses.

The articles are run through the same engine as ``newsclaims extract corpus/realworld``
(manifest metadata included), each split as one corpus, and scored against the gold of
docs/annotation.md section 10. Metric definitions are in docs/evaluation.md
("Real-world test bed"); in short:

* **figures**: a system figure is a ``quantities[]`` item of kind count, percent, money
  or measure in an emitted claim; it matches a gold figure of the same document by span
  overlap (one to one). On matched pairs: value, bounds (approx, low, high), measure,
  source, and flags micro-F1.
* **source**: the figure's own ``attribution`` when the record has one (schema 1.2),
  else its claim's, under the name its story gives that source
  (:func:`pipeline.inspect.sourcenames.story_names`); correct when both are the outlet's
  voice, or the name matches the gold ``source_norm`` or one of the sources it ``cites``
  (same :func:`pipeline.names.name_key`, or one is the other's acronym).
* **flags**: the figure's own ``flags`` when the record has them, else its claim's,
  with ``approximate`` read from the figure's ``approx``.
* **cleaning**: kept-character F1, and junk-item recall: a gold junk item is removed
  when at most 20% of its non-space characters are kept.
* **stories**: B-cubed F1 of documents' ``story_id`` against the events; the story step
  of ``compare`` (:func:`pipeline.inspect.stories.assign_stories`) runs over the whole
  corpus's output first, as ``compare`` runs it; output without a ``story_id`` is one story.
* **ledger**: pairwise P/R/F1 of "these two figures are lined up together": system
  pairs are rows of one ledger table, gold pairs share an event and a ledger group.
* **revisions and denials**: the share of gold ``ledger.revises`` links whose rows the
  ledger links (the newer row replaces the older), and of gold ``disputed`` figures whose
  rows it marks disputed.
* **source keys per gold body**: how many distinct source keys the system gives the
  matched figures of one gold body (an event's ``source_norm``), averaged (1.0 is ideal).
"""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import metrics as M
from .realworld_gold import FLAGS, gold_files, split_of

FIGURE_KINDS = frozenset({"count", "percent", "money", "measure"})
#: gold measure → the ledger's measure names (models/ledger/measures.json)
MEASURE_NAMES = {"arrested": "detained", "other": None}
JUNK_KEPT_MAX = 0.2
#: a note about checking or sourcing figures (docs/evaluation.md, "note-only sentences")
NOTE = re.compile(r"\b(?:independently\s+(?:verify|confirm|check)|(?:verify|confirm|check)\w*\s+independently"
                  r"|(?:could|can)(?:not|n't| not) be (?:independently )?(?:verified|confirmed|checked)"
                  r"|did not (?:cite|give|name|say how|say where|explain how) |gave no sources?"
                  r"|without saying (?:where|how)"
                  r"|(?:not possible|no way|unable|not been able|not able) to (?:independently )?(?:verify|confirm|check))",
                  re.I)
#: a note in a non-restrictive relative clause ("The SNCF, which did not give an overall
#: strike rate, said …") describes the subject of a report; the sentence is that report
RELATIVE_NOTE = re.compile(r",\s+(?:which|who)\b[^,]*$", re.I)
#: the outlet's own check ("CNN was unable to verify …") is its statement: attributed to it
CHECK_CUE = re.compile(r"verif|confirm|check|determin", re.I)
EXAMPLES = 5


def _is_note(text: str) -> bool:
    """Is the sentence a note about checking or sourcing figures (``NOTE``)? Not when every
    such note in it sits in a relative clause on the subject of another statement."""
    return any(not RELATIVE_NOTE.search(text[:m.start()]) for m in NOTE.finditer(text))


def system_output(root: Path, workers: int = 1) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """documents and claims by doc_id, exactly as ``newsclaims extract root`` emits them."""
    from ..engine import Settings, process_stream
    from ..ingest import read_documents

    docs: dict[str, dict] = {}
    claims: dict[str, list[dict]] = {}
    for doc, cl in process_stream(read_documents([str(root)]), Settings(workers=workers)):
        docs[doc["doc_id"]] = doc
        claims[doc["doc_id"]] = cl
    return docs, claims


def _figures(claims: list[dict]) -> list[tuple[dict, dict]]:
    """(claim, quantity) for every system figure of one document."""
    return [(c, q) for c in claims for q in c.get("quantities") or [] if q.get("kind") in FIGURE_KINDS]


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(abs(float(a)), abs(float(b)), 1.0)


def _source(claim: dict, q: dict) -> str | None:
    from ..inspect.data import figure_attribution

    att = figure_attribution(claim, q)
    return att.get("source_norm") or att.get("source") or None


def _same_name(a: str, b: str) -> bool:
    from ..inspect.ledger import same_source, source_key

    return same_source(source_key(a), source_key(b))


def source_correct(system: str | None, gold: dict) -> bool:
    names = [n for n in [gold.get("source_norm"), *(gold.get("cites") or [])] if n]
    if system is None or not names:
        return system is None and not gold.get("source_norm")
    return any(_same_name(system, n) for n in names)


def _flags(claim: dict, q: dict) -> set[str]:
    """The figure's flags among those the gold annotates (``FLAGS``: not schema 1.4's
    ``revised``, scored as the ledger's revisions, nor ``unsourced``, whose figures the
    gold flags ``unverified``, as the system does too)."""
    if "flags" in q:
        raw = q["flags"]
        return {k for k, v in raw.items() if v and k in FLAGS} if isinstance(raw, dict) else set(raw) & FLAGS
    out = {k for k, v in (claim.get("flags") or {}).items() if v and k != "approximate"}
    if q.get("approx", "exact") != "exact":
        out.add("approximate")
    return out


def _measure(claim: dict, q: dict) -> str | None:
    from ..inspect.ledger import countable, measure_of

    return measure_of(claim, q) if countable(q) else None


def _gold_measure(fig: dict) -> str | None:
    m = fig.get("measure")
    return MEASURE_NAMES.get(m, m) if m else None


class _Tally:
    """Counts and error examples of one split."""

    def __init__(self) -> None:
        self.detect = [0, 0, 0]
        self.ok: Counter = Counter()
        self.n: Counter = Counter()
        self.flags: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.kept: list[tuple[int, int, int]] = []
        self.junk: Counter = Counter()
        self.junk_n: Counter = Counter()
        self.examples: dict[str, list[dict]] = defaultdict(list)

    def example(self, metric: str, **what: Any) -> None:
        if len(self.examples[metric]) < EXAMPLES:
            self.examples[metric].append(what)

    def check(self, metric: str, ok: bool, **what: Any) -> None:
        self.n[metric] += 1
        self.ok[metric] += ok
        if not ok:
            self.example(metric, **what)


def _score_document(t: _Tally, doc: dict, claims: list[dict], gold: dict,
                    names: dict[tuple[str, str], str] | None = None) -> dict[int, str]:
    """Adds one document's figures and cleaning to ``t``; returns system figure index
    (in :func:`_figures` order) → matched gold figure id. ``names``: the story-level
    source names of :func:`pipeline.inspect.sourcenames.story_names`."""
    from ..inspect.sourcenames import story_name

    text = doc["text"]
    pred = _figures(claims)
    figs = gold["figures"]
    mt = M.match_spans(pred, figs, span=lambda x: x[1]["span"] if isinstance(x, tuple) else x["span"])
    for k, v in zip(range(3), mt.counts):
        t.detect[k] += v
    for j in set(range(len(figs))) - {j for _, j in mt.pairs}:
        t.example("figure missed", doc=gold["doc_id"], gold=figs[j]["text"])
    for i in set(range(len(pred))) - {i for i, _ in mt.pairs}:
        t.example("figure spurious", doc=gold["doc_id"], system=pred[i][1].get("text"))
    matched = {}
    for i, j in mt.pairs:
        claim, q = pred[i]
        g = figs[j]
        matched[i] = g["id"]
        where = {"doc": gold["doc_id"], "figure": g["text"]}
        t.check("value", _close(q.get("value"), g["value"]), **where, system=q.get("value"), gold=g["value"])
        t.check("bounds", q.get("approx") == g["approx"] and _close(q.get("low"), g["low"])
                and _close(q.get("high"), g["high"]), **where,
                system=[q.get("approx"), q.get("low"), q.get("high")], gold=[g["approx"], g["low"], g["high"]])
        if g.get("measure"):
            t.check("measure", _measure(claim, q) == _gold_measure(g), **where,
                    system=_measure(claim, q), gold=g["measure"])
        source = story_name(names or {}, doc, _source(claim, q))
        t.check("source", source_correct(source, g), **where, system=source,
                gold=[g.get("source_norm"), *(g.get("cites") or [])])
        sys_flags, gold_flags = _flags(claim, q), set(g.get("flags") or [])
        for f in sys_flags | gold_flags:
            t.flags[f][0 if f in sys_flags and f in gold_flags else 1 if f in sys_flags else 2] += 1
        if sys_flags != gold_flags:
            t.example("flags", **where, system=sorted(sys_flags), gold=sorted(gold_flags))
    t.kept.append(M.char_counts(doc.get("kept") or [], gold["kept"], text=text))
    kept = doc.get("kept") or []
    for item in gold.get("junk", []):
        s, e = item["span"]
        chars = [p for p in range(s, e) if not text[p].isspace()]
        inside = sum(any(a <= p < b for a, b in kept) for p in chars)
        removed = not chars or inside <= JUNK_KEPT_MAX * len(chars)
        t.junk_n[item["type"]] += 1
        t.junk[item["type"]] += removed
        if not removed:
            t.example("junk kept", doc=gold["doc_id"], type=item["type"], text=item["text"][:80])
    return matched


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def _ledger_tables(docs: dict[str, dict], claims: dict[str, list[dict]],
                   matched: dict[str, dict[int, str]]) -> tuple[list[Any], list[list[str]]]:
    """The system's ledger tables, and each as a list of figure keys (``doc:gold id`` when
    the row matches a gold figure, else a key of its own), row for row."""
    from ..inspect.ledger import build_ledger

    index = {}
    for doc_id, cl in claims.items():
        for i, (claim, q) in enumerate(_figures(cl)):
            gid = matched.get(doc_id, {}).get(i)
            index[(doc_id, tuple(q["span"]))] = f"{doc_id}:{gid}" if gid else f"{doc_id}:sys{i}"
    tables = build_ledger(itertools.chain.from_iterable(claims.values()), docs)
    return tables, [[index.get((r.claim["doc_id"], tuple(r.quantity["span"])),
                               f"{r.claim['doc_id']}:{r.quantity['span']}") for r in m.rows] for m in tables]


def _ledger_pairs(docs: dict[str, dict], claims: dict[str, list[dict]],
                  matched: dict[str, dict[int, str]]) -> list[list[str]]:
    """The system's ledger tables as lists of figure keys (see :func:`_ledger_tables`)."""
    return _ledger_tables(docs, claims, matched)[1]


def _mixed_tables(keys: list[list[str]], golds: dict) -> dict[str, tuple[int, int]]:
    """Issue 21's "no group mixes countries or brings in another event's figures", as
    counts of system tables (with at least two matched gold figures; ``n``):

    * **mixing countries**: the gold group keys of its figures name two different
      countries as place (the gazetteer's country names; a region or a city is not
      counted, a breakdown under its country is no mix);
    * **with another event's figures**: it holds figures of two gold events, or a figure
      gold marks ``time: other`` (a historical comparison, another period) beside one of
      the event."""
    from ..inspect.scope import _country_names

    countries = _country_names()
    figs = {f"{d}:{f['id']}": (g["event"], f) for d, g in golds.items() for f in g["figures"]}
    mixed = other = n = 0
    for ks in keys:
        found = [figs[k] for k in ks if k in figs]
        if len(found) < 2:
            continue
        n += 1
        places = {((f.get("ledger") or {}).get("group") or "|||").split("|")[2] for _, f in found}
        mixed += len(places & set(countries)) > 1
        times = {f.get("time") or "event" for _, f in found}
        other += len({e for e, _ in found}) > 1 or times == {"event", "other"}
    return {"ledger tables mixing countries": (mixed, n),
            "ledger tables with another event's figures": (other, n)}


def _marks(tables: list[Any], keys: list[list[str]], golds: dict,
           t: "_Tally | None" = None) -> dict[str, list[int]]:
    """Gold revisions and denials the ledger marks: ``[marked, total]`` per kind.

    A gold ``ledger.revises`` (figure f replaces the older figure o of its article) is
    marked when f's row replaces o's row (as an update or a revision) in one table; a
    gold figure flagged ``disputed`` is marked when its row is marked disputed. With a
    tally ``t``, each gold mark missed is an example ("revision unmarked", "denial
    unmarked"), with what the ledger did with the figure (``row``: not in the ledger, or
    the figure its row replaces)."""
    replaces: dict[str, str | None] = {}
    disputed: set[str] = set()
    for m, ks in zip(tables, keys):
        for r, k in zip(m.rows, ks):
            replaces[k] = ks[r.replaces] if r.replaces is not None else None
            if r.disputed or r.denied_by:
                disputed.add(k)
    out = {"revisions": [0, 0], "denials": [0, 0]}
    for d, g in golds.items():
        texts = {f["id"]: f.get("text") for f in g["figures"]}
        for fig in g["figures"]:
            key = f"{d}:{fig['id']}"
            row = "not in the ledger" if key not in replaces else f"replaces {replaces[key]}"
            old = (fig.get("ledger") or {}).get("revises")
            if old:
                out["revisions"][1] += 1
                ok = replaces.get(key) == f"{d}:{old}"
                out["revisions"][0] += ok
                if t is not None and not ok:
                    t.example("revision unmarked", doc=d, figure=fig.get("text"), revises=texts.get(old),
                              row=row, old_row="in the ledger" if f"{d}:{old}" in replaces else "not in the ledger")
            if "disputed" in (fig.get("flags") or []):
                out["denials"][1] += 1
                out["denials"][0] += key in disputed
                if t is not None and key not in disputed:
                    t.example("denial unmarked", doc=d, figure=fig.get("text"), row=row)
    return out


def _source_keys_per_body(claims: dict[str, list[dict]], golds: dict,
                          matched: dict[str, dict[int, str]], docs: dict | None = None,
                          names: dict | None = None) -> tuple[float, int]:
    """Mean number of distinct system source keys (the ledger's keys, as ``build_ledger``
    gives them: each name as its document and story name that source,
    :func:`pipeline.inspect.sourcenames.story_name`, the same name the figure source
    metric scores, then :func:`pipeline.inspect.ledger.source_key`, acronyms merged as
    the ledger merges them) among the matched figures of each gold body (an event's
    ``source_norm``), over the bodies with at least one named system source."""
    from ..inspect.ledger import same_source, source_key
    from ..inspect.sourcenames import story_name

    keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d, cl in claims.items():
        gold = {f["id"]: f for f in golds[d]["figures"]}
        doc = {**((docs or {}).get(d) or {}), "doc_id": d}
        for i, (claim, q) in enumerate(_figures(cl)):
            fig = gold.get(matched.get(d, {}).get(i, ""))
            name = story_name(names or {}, doc, _source(claim, q))
            if not fig or not fig.get("source_norm") or not name:
                continue
            k = source_key(name)
            body = keys[(golds[d]["event"], fig["source_norm"])]
            if not any(same_source(k, x) for x in body):
                body.append(k)
    if not keys:
        return 0.0, 0
    return sum(len(v) for v in keys.values()) / len(keys), len(keys)


def _bcubed(system: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of a clustering of items (item → cluster id)."""
    by_sys, by_gold = defaultdict(set), defaultdict(set)
    for item, c in system.items():
        by_sys[c].add(item)
    for item, c in gold.items():
        by_gold[c].add(item)
    items = list(gold)
    p = sum(len(by_sys[system[i]] & by_gold[gold[i]]) / len(by_sys[system[i]]) for i in items) / len(items)
    r = sum(len(by_sys[system[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in items) / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _metrics(t: _Tally, docs: dict, claims: dict, golds: dict, matched: dict,
             names: dict | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"figures detected": {**M.prf(*t.detect), "n": t.detect[0] + t.detect[2]}}
    for name in ("value", "bounds", "measure", "source"):
        out[f"figure {name} (matched)"] = {"accuracy": M.accuracy(t.ok[name], t.n[name]), "n": t.n[name]}
    out["figure flags (micro)"] = {**M.micro_prf(tuple(v) for v in t.flags.values()),
                                   "n": sum(v[0] + v[2] for v in t.flags.values())}
    for f, v in sorted(t.flags.items()):
        out[f"figure flag {f}"] = {**M.prf(*v), "n": v[0] + v[2]}
    out["kept chars (micro)"] = {**M.micro_char_prf(t.kept), "n": sum(a + c for a, _, c in t.kept)}
    out["junk items removed (recall)"] = {"accuracy": M.accuracy(sum(t.junk.values()), sum(t.junk_n.values())),
                                          "n": sum(t.junk_n.values())}
    for kind in sorted(t.junk_n):
        out[f"junk removed: {kind}"] = {"accuracy": M.accuracy(t.junk[kind], t.junk_n[kind]),
                                        "n": t.junk_n[kind]}
    notes = [c for d in golds for c in claims.get(d, []) if _is_note(c["text"]) and not _figures([c])]
    sourced = [c for c in notes if c.get("attribution") and not CHECK_CUE.search(c["attribution"].get("cue") or "")]
    out["note-only sentences with a source of their own"] = {"value": len(sourced), "n": len(notes)}
    story = {d: str(docs[d].get("story_id") or "one story") for d in golds}
    out["stories (B-cubed)"] = {**_bcubed(story, {d: g["event"] for d, g in golds.items()}), "n": len(golds)}
    tables, keys = _ledger_tables(docs, claims, matched)
    sys_pairs = _pairs(keys)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for d, g in golds.items():
        for fig in g["figures"]:
            key = (fig.get("ledger") or {}).get("group")
            if key:
                groups[(g["event"], key)].append(f"{d}:{fig['id']}")
    gold_pairs = _pairs(list(groups.values()))
    tp = len(sys_pairs & gold_pairs)
    out["ledger pairs lined up"] = {**M.prf(tp, len(sys_pairs) - tp, len(gold_pairs) - tp), "n": len(gold_pairs)}
    for name, (bad, n) in _mixed_tables(keys, golds).items():
        out[name] = {"value": bad, "n": n}
    marks = _marks(tables, keys, golds, t)
    done, total = (sum(v[i] for v in marks.values()) for i in (0, 1))
    out["gold revisions and denials marked"] = {"accuracy": M.accuracy(done, total), "n": total}
    for kind, (k_done, k_total) in marks.items():
        out[f"gold {kind} marked"] = {"accuracy": M.accuracy(k_done, k_total), "n": k_total}
    per_body, bodies = _source_keys_per_body(claims, golds, matched, docs, names)
    out["source keys per gold body"] = {"value": per_body, "n": bodies}
    out["_examples"] = dict(t.examples)
    return out


def evaluate_realworld(root: Path, workers: int = 1) -> dict[str, dict[str, Any]] | None:
    """Metrics per split (``dev``, ``test``) on the articles that have gold; None when
    the test bed is absent."""
    if not (root / "events.jsonl").is_file():
        return None
    golds = {g["doc_id"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in gold_files(root))}
    if not golds:
        return None
    docs, claims = system_output(root, workers)
    from ..inspect.sourcenames import story_names
    from ..inspect.stories import assign_stories

    # all events as one corpus, as a user's month of news: stories are found across splits
    assign_stories(docs, itertools.chain.from_iterable(claims.values()))
    names = story_names(docs, itertools.chain.from_iterable(claims.values()))
    out = {}
    for split in ("dev", "test"):
        ids = sorted(d for d, g in golds.items() if split_of(g["event"]) == split)
        if not ids:
            continue
        t = _Tally()
        matched = {d: _score_document(t, docs[d], claims[d], golds[d], names) for d in ids}
        out[split] = _metrics(t, {d: docs[d] for d in ids}, {d: claims[d] for d in ids},
                              {d: golds[d] for d in ids}, matched, names)
        out[split]["_articles"] = len(ids)
        out[split]["_events"] = len({golds[d]["event"] for d in ids})
    return out

