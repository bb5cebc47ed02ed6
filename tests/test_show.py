"""``newsclaims show``: filters, JSONL, colour control, exact span styling."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.inspect.data import ClaimFilter, OutputError, load_output
from pipeline.inspect.show import claim_text

TEXT = ("Storm Ida killed 14 people in Louisiana, the governor said. "
        "Officials could not verify reports that 200 homes were destroyed.")


def _claims() -> list[dict]:
    s1, s2 = TEXT.split(". ")[0] + ".", TEXT.split(". ")[1]
    b2 = TEXT.index(s2)
    flags = dict.fromkeys(("unverified", "verified", "reported", "alleged", "estimated", "approximate",
                           "speculative", "conditional", "disputed"), False)
    c1 = {"claim_id": "c1", "doc_id": "storm", "text": s1, "span": [0, len(s1)], "sentence_index": 0,
          "section": "body", "kind": "statistic",
          "quantities": [{"text": "14", "span": [17, 19], "value": 14, "low": 14, "high": 14, "approx": "exact",
                          "kind": "count", "counted": "people", "counted_span": [20, 26], "predicate": "kill"}],
          "entities": [{"text": "Louisiana", "span": [30, 39], "label": "GPE", "norm": "Louisiana",
                        "entity_id": "louisiana"}],
          "dates": [], "hedges": [], "flags": dict(flags),
          "attribution": {"source": "the governor", "source_span": [41, 53], "source_norm": "Governor",
                          "source_type": "government", "cue": "said", "cue_span": [54, 58],
                          "mode": "indirect"}}
    c2 = {"claim_id": "c2", "doc_id": "storm", "text": s2, "span": [b2, b2 + len(s2)], "sentence_index": 1,
          "section": "body", "kind": "statistic",
          "quantities": [{"text": "200", "span": [TEXT.index("200"), TEXT.index("200") + 3], "value": 200,
                          "low": 200, "high": 200, "approx": "exact", "kind": "count", "counted": "homes",
                          "predicate": "destroy"}],
          "entities": [], "dates": [], "attribution": None,
          "hedges": [{"type": "unverified", "cue": "could not verify",
                      "cue_span": [TEXT.index("could"), TEXT.index("could") + 16], "scope": "sentence",
                      "from_sentence": None}],
          "flags": {**flags, "unverified": True}}
    return [c1, c2]


@pytest.fixture()
def outdir(tmp_path):
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in _claims()))
    doc = {"doc_id": "storm", "source": "Gulf Herald", "title": "Ida", "text": TEXT, "removed": []}
    (tmp_path / "documents.jsonl").write_text(json.dumps(doc) + "\n")
    return tmp_path


def test_spans_are_styled_exactly():
    text = claim_text(_claims()[0])
    styled = {text.plain[s.start:s.end]: str(s.style) for s in text.spans}
    assert "cyan" in styled["14"] and "magenta" in styled["the governor"]
    assert styled["said"] == "magenta" and "green" in styled["Louisiana"]
    text2 = claim_text(_claims()[1])
    assert {text2.plain[s.start:s.end] for s in text2.spans} == {"200", "could not verify"}


def test_filters():
    claims = _claims()
    assert [c["claim_id"] for c in ClaimFilter(flags=["unverified"]).apply(claims)] == ["c2"]
    assert [c["claim_id"] for c in ClaimFilter(source="GOVERNOR").apply(claims)] == ["c1"]
    assert [c["claim_id"] for c in ClaimFilter(entity="louis").apply(claims)] == ["c1"]
    assert [c["claim_id"] for c in ClaimFilter(min_value=100).apply(claims)] == ["c2"]
    assert [c["claim_id"] for c in ClaimFilter(min_value=14, kinds=["statistic"]).apply(claims)] == ["c1", "c2"]
    assert ClaimFilter(docs=["other"]).apply(claims) == []
    assert len(ClaimFilter(docs=["sto"]).apply(claims)) == 2   # id prefix


def test_json_output_is_the_filtered_claims(outdir, capsys):
    assert main(["show", str(outdir), "--json", "--flag", "unverified"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["claim_id"] for x in lines] == ["c2"]


def test_colour_always_never_and_no_color(outdir, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(outdir), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out and "Gulf Herald" in out and " unverified " in out
    assert main(["show", str(outdir), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "could not verify" in out and "14 (" not in out
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    assert main(["show", str(outdir)]) == 0
    assert "\x1b[3" not in capsys.readouterr().out   # no colour codes


def test_missing_output_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(OutputError):
        load_output(tmp_path)
    assert main(["show", str(tmp_path)]) == 1
    assert "claims.jsonl" in capsys.readouterr().err
