"""Each evaluation loader on the real files: every gold span slices to its text.

Skipped when ``../shared/data`` (or the corpus gold) is not present.
"""
from __future__ import annotations

import pytest

from pipeline.eval import datasets as ds

from .conftest import CORPUS, SHARED_DATA

needs_data = pytest.mark.skipif(not SHARED_DATA.exists(), reason="no ../shared/data")


def test_parse_timeml_offsets_and_entities():
    xml = ('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>'
           '<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" '
           'value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>')
    doc = ds.parse_timeml(xml, "x")
    assert doc["dct"] == "1998-01-08"
    assert doc["text"] == "A & B met yesterday."
    (t,) = doc["timexes"]
    assert (t["start"], t["end"], t["text"], t["value"]) == (10, 19, "yesterday", "1998-01-07")


def test_newsquant_value_parsing_and_sampling():
    assert ds.parse_newsquant_value("740.0") == {"value": 740.0, "low": 740.0, "high": 740.0}
    assert ds.parse_newsquant_value("100.0-1000.0") == {"value": None, "low": 100.0, "high": 1000.0}
    assert ds.parse_newsquant_value("-5--3") == {"value": None, "low": -5.0, "high": -3.0}
    assert ds.parse_newsquant_value("-2.5")["value"] == -2.5
    items = list(range(100))
    a, b = ds.sample(items, 10, seed=1), ds.sample(items, 10, seed=1)
    assert a == b and a == sorted(a) and len(set(a)) == 10
    assert ds.sample(items, None) == items


def test_loaders_return_none_when_absent(tmp_path):
    assert ds.load_polnear(tmp_path) is None
    assert ds.load_szeged(tmp_path, "factbank") is None
    assert ds.load_newsquant(tmp_path) is None
    assert ds.load_quantity_sets(tmp_path) is None
    assert ds.load_tbaq(tmp_path) is None
    assert ds.load_scrapinghub(tmp_path) is None
    assert ds.load_corpus_gold(tmp_path / "gold") is None


@needs_data
def test_polnear_spans_slice_to_text():
    docs = ds.load_polnear(SHARED_DATA)
    assert docs and len(docs) == len({d["doc_id"] for d in docs}) == 84
    n = 0
    for d in docs:
        assert d["annotator"] == min(d["annotators"])
        for a in d["attributions"]:
            for role in ("source", "cue", "content"):
                for piece in a[role]:
                    assert d["text"][piece["start"]:piece["end"]] == piece["text"]
                    n += 1
    assert n > 2000


@needs_data
@pytest.mark.parametrize("name,size", [("factbank", 1974), ("wikiweasel", 20748)])
def test_szeged_cues_slice_to_text(name, size):
    sents = ds.load_szeged(SHARED_DATA, name)
    assert sents is not None and len(sents) == size
    for s in sents:
        assert s["uncertain"] == bool(s["cues"])
        for c in s["cues"]:
            assert s["text"][c["start"]:c["end"]] == c["text"]
            assert c["type"].startswith("speculation_")


@needs_data
def test_quantity_sets():
    nq = ds.load_newsquant(SHARED_DATA)
    assert len(nq) == 295 and sum(len(s["quantities"]) for s in nq) == 461
    for s in nq:
        for q in s["quantities"]:
            assert q["low"] is not None and q["low"] <= q["high"]
    sets = ds.load_quantity_sets(SHARED_DATA)
    assert {k: len(v) for k, v in sets.items()} == {
        "quantulum3": 101, "age": 19, "currency": 180, "dimension": 93, "temperature": 36}
    for r in sets["quantulum3"]:
        for q in r["quantities"]:
            assert q["surface"] in r["text"]


@needs_data
def test_tbaq_timexes_slice_to_text():
    docs = ds.load_tbaq(SHARED_DATA)
    assert len(docs) == 256
    assert sum(d["part"] == "TimeBank" for d in docs) == 183
    assert sum(len(d["timexes"]) for d in docs) == 1243 + 579
    for d in docs:
        assert d["dct"] and "<" not in d["text"]
        for t in d["timexes"]:
            assert t["text"] == d["text"][t["start"]:t["end"]] and t["text"].strip()
            assert t["type"] in ("DATE", "DURATION", "TIME", "SET")


@needs_data
def test_scrapinghub_pages():
    pages = ds.load_scrapinghub(SHARED_DATA)
    assert len(pages) == 181
    html = ds.read_scrapinghub_html(pages[0])
    assert "<" in html and len(html) > 1000


@pytest.mark.skipif(not (CORPUS / "gold").exists() or not any((CORPUS / "gold").glob("*.jsonl")),
                    reason="no corpus gold yet")
def test_corpus_gold_spans_slice_to_text():
    docs = ds.load_corpus_gold(CORPUS / "gold", CORPUS)
    assert docs
    for d in docs:
        text = d["text"]
        assert text is not None, d["doc_id"]
        for s, e in d["kept"] or []:
            assert 0 <= s < e <= len(text)
        for c in d["claims"]:
            s, e = c["span"]
            assert text[s:e] == c["text"]
            for q in c.get("quantities") or []:
                assert text[q["span"][0]:q["span"][1]] == q["text"]
            for t in c.get("dates") or []:
                assert text[t["span"][0]:t["span"][1]] == t["text"]
            a = c.get("attribution")
            if a:
                for role in ("source", "cue"):
                    if a.get(f"{role}_span"):
                        s2, e2 = a[f"{role}_span"]
                        assert text[s2:e2] == a[role]
            for h in c.get("hedges") or []:
                if h.get("cue_span"):
                    assert text[h["cue_span"][0]:h["cue_span"][1]] == h["cue"]


def test_polnear_annotator_agreement_scores_one_annotator_against_another(tmp_path):
    import json

    from pipeline.eval.__main__ import polnear_agreement

    text = "The mayor said the bridge will reopen. Critics doubt it, a report found."

    def rel(source, cue, content):
        def piece(s):
            i = text.index(s)
            return [{"start": i, "end": i + len(s), "text": s}]
        return {"id": "r", "type": "Attribution", "source": piece(source), "cue": piece(cue),
                "content": piece(content)}

    both = rel("The mayor", "said", "the bridge will reopen")
    second = rel("a report", "found", "Critics doubt it")
    folder = tmp_path / "attribution" / "polnear"
    folder.mkdir(parents=True)
    lines = [{"doc_id": "d", "annotator": "a", "text": text, "attributions": [both, second]},
             {"doc_id": "d", "annotator": "b", "text": text, "attributions": [both]},
             {"doc_id": "e", "annotator": "a", "text": text, "attributions": [both]}]
    (folder / "dev.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    agreement = polnear_agreement(tmp_path)
    assert agreement["_agreement"].startswith("pairs of annotators: 1, articles: 1")
    cue = agreement["annotators: cue (overlap, 1:1)"]
    assert (cue["tp"], cue["fp"], cue["fn"]) == (1, 0, 1)  # b missed a's second relation
    assert agreement["annotators: content (token overlap)"]["precision"] == 1.0
    assert polnear_agreement(tmp_path / "elsewhere") == {}
