"""Consistency tests for the hand-annotated gold files in corpus/gold/.

See docs/annotation.md for the guideline these files follow.
"""
import json
import re
from pathlib import Path



ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"

SECTIONS = {"headline", "key_points", "body"}
CLAIM_KINDS = {"statistic", "quote", "statement", "event"}
APPROX = {"exact", "more_than", "at_least", "less_than", "at_most", "about", "range", "vague"}
QTY_KINDS = {"count", "percent", "money", "duration", "age", "measure", "ordinal"}
STAT_KINDS = {"count", "percent", "money", "measure"}
GRAINS = {"day", "month", "year", "relative"}
SOURCE_TYPES = {"person", "organization", "government", "media", "anonymous", "document"}
MODES = {"direct", "indirect", "according_to", "passive", "inherited"}
HEDGE_TYPES = {
    "unverified", "verified", "reported", "alleged", "estimated",
    "approximate", "speculative", "conditional", "disputed",
}
SCOPES = {"sentence", "previous", "following"}
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)$")

CLAIM_KEYS = {"doc_id", "span", "text", "section", "kind", "quantities", "dates", "attribution", "hedges"}
QTY_KEYS = {"text", "span", "value", "low", "high", "approx", "kind", "unit",
            "counted", "counted_span", "counted_head", "predicate"}
DATE_KEYS = {"text", "span", "value", "grain"}
ATTR_KEYS = {"source", "source_span", "source_norm", "source_type", "cue", "cue_span",
             "mode", "addressee", "via"}
HEDGE_KEYS = {"type", "cue", "cue_span", "scope", "from_sentence"}


def _read_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
TEXTS = {d: (CORPUS / f"{d}.txt").read_text(encoding="utf-8-sig") for d in DOC_IDS}
KEPT = _read_jsonl(GOLD / "kept.jsonl")
KEPT_BY_DOC = {k["doc_id"]: k for k in KEPT}
CLAIMS = _read_jsonl(GOLD / "claims.jsonl")


def _claim_id(c):
    return f"{c['doc_id']}:{c['span'][0]}-{c['span'][1]}"


def _inside(inner, outer):
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _check_span(text, span, value, what):
    assert isinstance(span, list) and len(span) == 2, f"{what}: bad span {span!r}"
    s, e = span
    assert isinstance(s, int) and isinstance(e, int), f"{what}: non-int span"
    assert 0 <= s < e <= len(text), f"{what}: span {span} out of range"
    assert text[s:e] == value, f"{what}: text[{s}:{e}]={text[s:e]!r} != {value!r}"


# ---------------------------------------------------------------- coverage


def test_every_article_has_kept_gold():
    assert sorted(KEPT_BY_DOC) == DOC_IDS
    assert len(KEPT) == len(KEPT_BY_DOC), "duplicate doc_id in kept.jsonl"


def test_every_article_has_claims():
    docs = {c["doc_id"] for c in CLAIMS}
    assert docs == set(DOC_IDS)


def test_claims_only_for_known_docs():
    for c in CLAIMS:
        assert c["doc_id"] in TEXTS, c["doc_id"]


# ---------------------------------------------------------------- kept


def _check_kept_ranges_sorted_non_overlapping_and_clean(doc_id):
    k = KEPT_BY_DOC[doc_id]
    text = TEXTS[doc_id]
    assert set(k) == {"doc_id", "kept", "section_spans"}
    ranges = k["kept"]
    assert ranges, "no kept text"
    prev_end = -1
    for s, e in ranges:
        assert 0 <= s < e <= len(text), (s, e)
        assert s > prev_end, f"ranges overlap or unsorted at {s}"
        prev_end = e
        seg = text[s:e]
        assert "\n" not in seg, f"kept range {s}-{e} crosses a line break"
        assert seg == seg.strip(), f"kept range {s}-{e} has outer whitespace"
        assert not seg.startswith("•"), "bullet glyph kept"


def _check_section_spans_are_kept_ranges(doc_id):
    k = KEPT_BY_DOC[doc_id]
    kept = [tuple(r) for r in k["kept"]]
    spans = []
    for ss in k["section_spans"]:
        assert ss["section"] in {"headline", "key_points", "heading"}
        assert tuple(ss["span"]) in kept, ss
        spans.append(tuple(ss["span"]))
    assert spans == sorted(spans)
    assert sum(1 for ss in k["section_spans"] if ss["section"] == "headline") <= 1


def KEPT_TEXT(doc_id, section_span):
    s, e = section_span["span"]
    return TEXTS[doc_id][s:e]


def test_known_boilerplate_not_kept_and_headings_kept():
    """Spot checks of the guideline's exclusions."""
    def kept_text(doc_id):
        t = TEXTS[doc_id]
        return [t[s:e] for s, e in KEPT_BY_DOC[doc_id]["kept"]]

    d000, d001, d002, d003, d004 = DOC_IDS
    assert "BBC Middle East correspondent" not in kept_text(d000)
    headings = {KEPT_TEXT(d, ss) for d in DOC_IDS for ss in KEPT_BY_DOC[d]["section_spans"]
                if ss["section"] == "heading"}
    for heading in ("What's the story", "Conflict escalation",
                    "Major escalation in Syria's conflict", "Town under siege", "Who are the dead?"):
        assert heading in kept_text(d001) + kept_text(d003) and heading in headings
    assert "Key Points" not in kept_text(d004) and "World" not in kept_text(d004)
    k2 = kept_text(d002)
    assert not any(s.startswith("By Maggie Michael") for s in k2)
    assert not any("DAMASCUS (Reuters)" in s for s in k2)
    assert not any("New Hampshire" in s or "Arizona" in s or "S&P 500" in s for s in k2)
    assert "Comments" not in k2 and "Related Articles" not in k2
    assert not any("2024-02-06" in s for s in kept_text(d003))
    k4 = kept_text(d004)
    assert "World" not in k4 and "Key Points" not in k4
    assert k4.count("Syria Conflict Escalates: 600+ Dead in Alawite Revenge Killings and Clashes") == 1
    # appended stories start at "Hashtags": nothing kept after it
    hashtags = TEXTS[d002].index("Hashtags")
    assert KEPT_BY_DOC[d002]["kept"][-1][1] < hashtags


# ---------------------------------------------------------------- claims


def _check_claim_structure_and_spans(claim):
    assert set(claim) == CLAIM_KEYS
    text = TEXTS[claim["doc_id"]]
    _check_span(text, claim["span"], claim["text"], "claim")
    assert claim["text"] == claim["text"].strip()
    assert "\n" not in claim["text"]
    assert claim["section"] in SECTIONS
    assert claim["kind"] in CLAIM_KINDS


def _check_claim_inside_kept_and_section(claim):
    k = KEPT_BY_DOC[claim["doc_id"]]
    containing = [r for r in k["kept"] if _inside(claim["span"], r)]
    assert len(containing) == 1, "claim not inside a kept range"
    sec = "body"
    for ss in k["section_spans"]:
        if ss["span"] == containing[0]:
            sec = ss["section"]
    assert claim["section"] == sec
    assert sec != "heading", "a heading is never a claim"


def test_claims_in_document_order_without_overlap():
    by_doc = {}
    for c in CLAIMS:
        by_doc.setdefault(c["doc_id"], []).append(c["span"])
    assert [c["doc_id"] for c in CLAIMS] == sorted(c["doc_id"] for c in CLAIMS)
    for doc_id, spans in by_doc.items():
        assert spans == sorted(spans), doc_id
        for a, b in zip(spans, spans[1:]):
            assert a[1] <= b[0], f"{doc_id}: overlapping claims {a} {b}"


def _check_quantities(claim):
    text = TEXTS[claim["doc_id"]]
    for q in claim["quantities"]:
        assert set(q) == QTY_KEYS
        _check_span(text, q["span"], q["text"], "quantity")
        assert _inside(q["span"], claim["span"]), "quantity outside claim"
        assert q["approx"] in APPROX
        assert q["kind"] in QTY_KINDS
        assert isinstance(q["value"], (int, float))
        for b in ("low", "high"):
            assert q[b] is None or isinstance(q[b], (int, float))
        if q["low"] is not None and q["high"] is not None:
            assert q["low"] <= q["high"]
        if q["low"] is not None:
            assert q["value"] >= q["low"] - 1e-9
        if q["high"] is not None:
            assert q["value"] <= q["high"] + 1e-9
        if q["approx"] in {"more_than", "at_least"}:
            assert q["low"] is not None and q["high"] is None
        if q["approx"] in {"less_than", "at_most"}:
            assert q["high"] is not None and q["low"] is None
        if q["approx"] == "exact":
            assert q["low"] == q["high"] == q["value"], "an exact number is its own interval"
        if q["approx"] == "about":
            assert q["low"] is None and q["high"] is None
        if q["approx"] in {"range", "vague"}:
            assert q["low"] is not None and q["high"] is not None
        if q["kind"] == "count":
            assert q["unit"] is None
        if q["kind"] in {"duration", "age", "percent", "money"}:
            assert q["unit"], "unit required"
        if q["counted"] is None:
            assert q["counted_span"] is None and q["counted_head"] is None
        else:
            assert q["kind"] in {"count", "percent"}
            _check_span(text, q["counted_span"], q["counted"], "counted")
            assert _inside(q["counted_span"], claim["span"]), "counted outside claim"
            assert q["counted_head"]
        if q["kind"] not in {"count", "percent"}:
            assert q["predicate"] is None
    spans = [q["span"] for q in claim["quantities"]]
    assert spans == sorted(spans)
    for a, b in zip(spans, spans[1:]):
        assert a[1] <= b[0], "overlapping quantities"


def _check_dates(claim):
    text = TEXTS[claim["doc_id"]]
    for d in claim["dates"]:
        assert set(d) == DATE_KEYS
        _check_span(text, d["span"], d["text"], "date")
        assert _inside(d["span"], claim["span"]), "date outside claim"
        assert d["grain"] in GRAINS
        if d["value"] is not None:
            assert DATE_RE.match(d["value"]), d["value"]
            if d["grain"] == "day":
                assert re.match(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2})$", d["value"])
            if d["grain"] == "month":
                assert re.match(r"^(\d{4}-\d{2}|--\d{2})$", d["value"])
            if d["grain"] == "year":
                assert re.match(r"^\d{4}$", d["value"])


def _check_attribution(claim):
    a = claim["attribution"]
    if a is None:
        return
    text = TEXTS[claim["doc_id"]]
    assert set(a) == ATTR_KEYS
    assert a["mode"] in MODES
    if a["source"] is None:
        assert a["mode"] == "passive"
        assert a["source_span"] is None and a["source_norm"] is None and a["source_type"] is None
    else:
        _check_span(text, a["source_span"], a["source"], "source")
        assert a["source_type"] in SOURCE_TYPES
        assert a["source_norm"]
        # the source mention must be in kept text
        assert any(_inside(a["source_span"], r) for r in KEPT_BY_DOC[claim["doc_id"]]["kept"])
    if a["cue"] is None:
        assert a["cue_span"] is None
        assert a["mode"] in {"direct", "inherited"}
    else:
        _check_span(text, a["cue_span"], a["cue"], "cue")
        assert _inside(a["cue_span"], claim["span"]), "cue outside claim"
        assert a["mode"] != "inherited"
    if a["mode"] == "inherited":
        assert a["source_span"] is not None
        assert not _inside(a["source_span"], claim["span"]), "inherited source must be earlier"
        assert a["source_span"][1] <= claim["span"][0]
        assert a["addressee"] is None
    if a["mode"] in {"indirect", "according_to"}:
        assert a["source"] is not None and a["cue"] is not None
        assert _inside(a["source_span"], claim["span"])
    if a["mode"] == "according_to":
        assert a["cue"].lower() == "according to"


def _check_hedges(claim):
    text = TEXTS[claim["doc_id"]]
    claim_spans = {tuple(c["span"]) for c in CLAIMS if c["doc_id"] == claim["doc_id"]}
    for h in claim["hedges"]:
        assert set(h) == HEDGE_KEYS
        assert h["type"] in HEDGE_TYPES
        assert h["scope"] in SCOPES
        _check_span(text, h["cue_span"], h["cue"], "hedge cue")
        if h["scope"] == "sentence":
            assert h["from_sentence"] is None
            assert _inside(h["cue_span"], claim["span"]), "hedge cue outside claim"
        else:
            fs = h["from_sentence"]
            assert tuple(fs) in claim_spans, "from_sentence must be a claim"
            assert _inside(h["cue_span"], fs)
            if h["scope"] == "previous":
                assert fs[0] >= claim["span"][1]
            else:
                assert fs[1] <= claim["span"][0]
    # one approximate hedge per non-exact quantity, and only those
    approx = sorted(tuple(h["cue_span"]) for h in claim["hedges"] if h["type"] == "approximate")
    expected = sorted(tuple(q["span"]) for q in claim["quantities"] if q["approx"] != "exact")
    assert approx == expected


def _check_kind_precedence(claim):
    has_stat = any(q["kind"] in STAT_KINDS for q in claim["quantities"])
    kind = claim["kind"]
    assert (kind == "statistic") == has_stat
    if kind == "quote":
        assert claim["attribution"] is not None and claim["attribution"]["mode"] == "direct"
    if kind == "statement":
        assert claim["attribution"] is not None
        assert claim["attribution"]["mode"] != "direct"
    if kind == "event":
        assert claim["attribution"] is None


def _check_claim_has_a_trigger(claim):
    """A claim needs a quantity, a date, an attribution or a named entity; the
    named-entity test is approximated by a capitalised word that is not a
    sentence-initial function word."""
    stop = {"The", "A", "An", "This", "That", "These", "Those", "It", "He", "She",
            "They", "We", "I", "Some", "Many", "Most", "But", "And", "In", "On",
            "One", "Here", "While", "As", "With", "For", "Only", "Another"}
    tokens = re.findall(r"[\w'’-]+", claim["text"])
    caps = [t for i, t in enumerate(tokens)
            if t[0].isupper() and not (i == 0 and t in stop)]
    assert (claim["quantities"] or claim["dates"] or claim["attribution"]
            or caps), claim["text"]


def test_disclaimers_are_outlet_statements():
    outlet_cues = ("verify", "confirm", "determine")
    for c in CLAIMS:
        for h in c["hedges"]:
            if h["scope"] == "sentence":
                continue
            disc = next(d for d in CLAIMS
                        if d["doc_id"] == c["doc_id"] and d["span"] == h["from_sentence"])
            assert disc["attribution"] is not None
            assert disc["attribution"]["source_type"] == "media"
            assert any(w in disc["attribution"]["cue"] for w in outlet_cues)


def test_published_date_resolution_only_in_003():
    d003 = DOC_IDS[3]
    for c in CLAIMS:
        for d in c["dates"]:
            if c["doc_id"] != d003 and d["grain"] in {"day", "month"} and d["value"]:
                # without a published date only calendar (year-less) values are allowed
                assert d["value"].startswith("--") or re.match(r"^\d{4}", d["value"])
    resolved = {d["text"]: d["value"] for c in CLAIMS if c["doc_id"] == d003 for d in c["dates"]}
    assert resolved == {"Thursday": "2024-02-01", "December": "2023-12", "Sunday": "2024-02-04"}


# ---------------------------------------------------------------- one test per gold file

KEPT_CHECKS = (_check_kept_ranges_sorted_non_overlapping_and_clean, _check_section_spans_are_kept_ranges)
CLAIM_CHECKS = (_check_claim_structure_and_spans, _check_claim_inside_kept_and_section, _check_quantities, _check_dates, _check_attribution, _check_hedges, _check_kind_precedence, _check_claim_has_a_trigger)


def _failures(checks, items, label):
    """Run every check on every record; the message lists each failing record."""
    out = []
    for item in items:
        for check in checks:
            try:
                check(item)
            except AssertionError as exc:
                out.append(f"{label(item)} {check.__name__}: {exc}")
    return out


def test_kept_jsonl_every_record():
    failures = _failures(KEPT_CHECKS, DOC_IDS, str)
    assert not failures, "\n".join(failures)


def test_claims_jsonl_every_record():
    failures = _failures(CLAIM_CHECKS, CLAIMS, _claim_id)
    assert not failures, "\n".join(failures)
