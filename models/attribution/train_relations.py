"""Train the relation models of ``pipeline/attribution/learned.py`` on PolNeAR train.

    python models/attribution/train_relations.py [--data ../shared/data]
        [--out models/attribution/relations_model.json] [--docbin CACHE.spacy]

Needs scikit-learn (``pip install -e ".[train]"``); the pipeline itself only reads
the resulting JSON (feature → weight), so no pickled estimator is shipped and no
scikit-learn version is needed at run time.

* Data: the PolNeAR **train** split only (dev is the evaluation set), parsed with
  the pipeline's own model (``--docbin`` caches the parse).
* Cue model: the lemmas that are part of an annotated cue at least ``--min-hits``
  times and in at least ``--min-ratio`` of their occurrences become the candidate
  list (``cue_lemmas``: the model scores no other token, which keeps it cheap);
  every candidate token is an example, positive when it lies inside a cue.
* Source model: for every annotated relation, one example per candidate head in the
  sentence of the cue's head token; positive for the syntactic head of the
  annotated source.
* Both: L2-regularised logistic regression (liblinear); the last 10% of the
  articles are held out to choose each decision threshold (best F1: relation-level
  cue F1 for the cue model, example-level F1 for the source model), then the model is
  refit on all articles. Weights below ``--prune`` in absolute value are
  dropped; weights are rounded to 4 decimals so the file is stable.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tokens(doc, pieces):
    toks = []
    for p in pieces:
        span = doc.char_span(p["start"], p["end"], alignment_mode="expand")
        if span is not None:
            toks.extend(span)
    return toks


def _cue_chars(d):
    return {i for a in d["attributions"] for p in a["cue"] for i in range(p["start"], p["end"])}


def cue_lemmas(pairs, learned, min_hits, min_ratio):
    """Lemmas that are part of a cue at least ``min_hits`` times and in at least
    ``min_ratio`` of their occurrences: the only tokens the cue model scores."""
    hits, occ = Counter(), Counter()
    for d, doc in pairs:
        chars = _cue_chars(d)
        for t in doc:
            if t.pos_ in learned.CUE_POS:
                occ[learned.lemma_key(t)] += 1
                hits[learned.lemma_key(t)] += t.idx in chars
    return sorted(w for w, n in hits.items() if n >= min_hits and n / occ[w] >= min_ratio)


def examples(pairs, learned, lemmas):
    """(cue X, cue y, source X, source y, article index per example)."""
    cx, cy, cg, sx, sy, sg = [], [], [], [], [], []
    for k, (d, doc) in enumerate(pairs):
        cue_chars = _cue_chars(d)
        for sent in doc.sents:
            ctx = learned.SentContext(sent)
            for t in learned.cue_candidates(ctx, lemmas):
                cx.append(learned.cue_features(t, ctx))
                cy.append(int(t.idx in cue_chars))
                cg.append(k)
        for a in d["attributions"]:
            cue = _tokens(doc, a["cue"])
            if not cue:
                continue
            head = learned.main_token(sorted(cue, key=lambda t: t.i))
            src = _tokens(doc, a["source"])
            src_ids = {t.i for t in src}
            gold = learned.main_token(sorted(src, key=lambda t: t.i)).i if src else None
            for c in learned.source_candidates(learned.SentContext(head.sent)):
                if c.i in {t.i for t in cue}:
                    continue
                sx.append(learned.source_features(head, c))
                sy.append(int(c.i == gold or (c.i in src_ids and c.head.i not in src_ids)))
                sg.append(k)
    return cx, cy, cg, sx, sy, sg


def cue_threshold(model_for, held_pairs, learned, lemmas):
    """The cue threshold with the best relation-level F1 (cues matched one-to-one to
    annotated cues by overlap, as ``make eval`` matches them) on the held-out articles."""
    from pipeline.eval.metrics import match_spans

    best = (0.0, 0.5)
    for th in [k / 100 for k in range(20, 81, 4)]:
        tp = fp = fn = 0
        for d, doc in held_pairs:
            gold = [[(p["start"], p["end"]) for p in a["cue"]] for a in d["attributions"] if a["cue"]]
            pred = []
            for sent in doc.sents:
                ctx = learned.SentContext(sent)
                hits = [t for t in learned.cue_candidates(ctx, lemmas)
                        if model_for(learned.cue_features(t, ctx)) >= th]
                pred += [(g[0].idx, g[-1].idx + len(g[-1])) for g in learned.cue_groups(hits)]
            counts = match_spans(pred, gold).counts
            tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        best = max(best, (f1, th))
    return best


def fit(x, y, groups, n_docs, c_reg, prune, choose=None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    cut = int(n_docs * 0.9)
    train = [i for i, g in enumerate(groups) if g < cut]
    held = [i for i, g in enumerate(groups) if g >= cut]
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in fs} for fs in x]).tocsr()
    # liblinear takes only 32-bit sparse indices
    X.indices, X.indptr = X.indices.astype("int32"), X.indptr.astype("int32")
    model = LogisticRegression(C=c_reg, solver="liblinear", max_iter=2000, random_state=0)
    model.fit(X[train], [y[i] for i in train])
    if choose is not None:
        index = vec.vocabulary_
        coef, bias = model.coef_[0], model.intercept_[0]

        def prob(feats):
            z = bias + sum(coef[index[f]] for f in feats if f in index)
            return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        best = choose(prob)
    else:
        probs = model.predict_proba(X[held])[:, 1]
        best = (0.0, 0.5)
        for th in [k / 100 for k in range(10, 91, 2)]:
            tp = sum(1 for p, i in zip(probs, held) if p >= th and y[i])
            fp = sum(1 for p, i in zip(probs, held) if p >= th and not y[i])
            fn = sum(1 for p, i in zip(probs, held) if p < th and y[i])
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            best = max(best, (f1, th))
    model.fit(X, y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= prune}
    return {"weights": dict(sorted(weights.items())), "bias": round(float(model.intercept_[0]), 4),
            "threshold": best[1], "heldout_f1": round(best[0], 4), "examples": len(y)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(Path(__file__).with_name("relations_model.json")))
    ap.add_argument("--docbin", default=None, help="cache of the parsed train split")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--min-hits", type=int, default=2)
    ap.add_argument("--min-ratio", type=float, default=0.05)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from spacy.tokens import DocBin

    from pipeline.analyze import load_model
    from pipeline.attribution import learned
    from pipeline.eval.datasets import load_polnear

    docs = load_polnear(args.data, "train")
    if not docs:
        print(f"PolNeAR train not found under {args.data}", file=sys.stderr)
        return 2
    nlp = load_model()
    cache = Path(args.docbin) if args.docbin else None
    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=8))
        if cache is not None:
            db = DocBin(store_user_data=False)
            for doc in parsed:
                db.add(doc)
            db.to_disk(cache)
    pairs = list(zip(docs, parsed))
    lemmas = cue_lemmas(pairs, learned, args.min_hits, args.min_ratio)
    cx, cy, cg, sx, sy, sg = examples(pairs, learned, frozenset(lemmas))
    out = {
        "about": "Linear relation models for pipeline/attribution/learned.py; "
                 "made by models/attribution/train_relations.py from PolNeAR train.",
        "cue_lemmas": lemmas,
        "cue": fit(cx, cy, cg, len(docs), args.C, args.prune,
                   choose=lambda prob: cue_threshold(prob, pairs[int(len(docs) * 0.9):], learned,
                                                     frozenset(lemmas))),
        "source": fit(sx, sy, sg, len(docs), args.C, args.prune),
    }
    Path(args.out).write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    for k in ("cue", "source"):
        m = out[k]
        print(f"{k}: {m['examples']} examples, {len(m['weights'])} weights, "
              f"threshold {m['threshold']}, held-out F1 {m['heldout_f1']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
