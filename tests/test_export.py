"""``newsclaims export``: flat claims/quantities/entities tables, CSV and Parquet, columns as documented."""
from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.inspect.export import TABLES

from .test_show import _claims

DOC = Path(__file__).resolve().parent.parent / "docs" / "export.md"


@pytest.fixture()
def outdir(tmp_path):
    claims = _claims()
    claims[0]["entities"].append({"text": "Ida", "span": [6, 9], "label": "EVENT", "norm": "Ida",
                                  "entity_id": "ida"})
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (tmp_path / "documents.jsonl").write_text(json.dumps({"doc_id": "storm", "source": "Gulf Herald",
                                                          "published": "2021-08-30"}) + "\n")
    return tmp_path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables(outdir, tmp_path):
    assert main(["export", str(outdir), "--format", "csv", "-o", str(tmp_path / "t")]) == 0
    claims, quantities, entities = (_read(tmp_path / "t" / f"{n}.csv") for n in ("claims", "quantities", "entities"))
    assert [c["claim_id"] for c in claims] == ["c1", "c2"]
    c1, c2 = claims
    assert (c1["span_start"], c1["span_end"], c1["outlet"], c1["published"]) == ("0", "59", "Gulf Herald", "2021-08-30")
    assert c1["source"] == "the governor" and c1["source_norm"] == "Governor" and c1["cue_start"] == "54"
    assert c1["attributed"] == "true" and c2["attributed"] == "false" and c2["source"] == ""
    assert c2["flag_unverified"] == "true" and c1["flag_unverified"] == "false"
    assert c2["hedge_types"] == "unverified" and c1["n_entities"] == "2"
    assert [(q["claim_id"], q["text"], q["value"], q["counted"], q["counted_start"]) for q in quantities] == \
        [("c1", "14", "14.0", "people", "20"), ("c2", "200", "200.0", "homes", "")]
    assert [(e["claim_id"], e["index"], e["label"]) for e in entities] == [("c1", "0", "GPE"), ("c1", "1", "EVENT")]
    assert list(claims[0]) == [n for n, _ in TABLES["claims"]]


def test_filters_apply_to_export(outdir, tmp_path):
    assert main(["export", str(outdir), "-o", str(tmp_path / "t"), "--flag", "unverified"]) == 0
    assert [c["claim_id"] for c in _read(tmp_path / "t" / "claims.csv")] == ["c2"]
    assert _read(tmp_path / "t" / "entities.csv") == []


def test_parquet_round_trip(outdir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    assert main(["export", str(outdir), "--format", "parquet", "-o", str(tmp_path / "p")]) == 0
    table = pq.read_table(tmp_path / "p" / "quantities.parquet")
    assert table.column_names == [n for n, _ in TABLES["quantities"]]
    assert table.column("value").to_pylist() == [14.0, 200.0]
    assert str(table.schema.field("counted_start").type) == "int64"
    claims = pq.read_table(tmp_path / "p" / "claims.parquet").to_pylist()
    assert claims[1]["flag_unverified"] is True and claims[1]["source"] is None


def test_parquet_without_pyarrow_is_one_clear_line(outdir, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)   # import pyarrow now raises ImportError
    assert main(["export", str(outdir), "--format", "parquet", "-o", str(tmp_path / "p")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install pyarrow" in err[0]
    assert not (tmp_path / "p").exists()


def test_docs_list_every_column():
    text = DOC.read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        section = text.split(f"## {table}", 1)[1].split("\n## ", 1)[0]
        documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
        assert documented == [n for n, _ in columns], table


def test_attributions_table_lists_the_own_and_the_further_relations(tmp_path):
    claims = _claims()
    text = claims[1]["text"]
    base = claims[1]["span"][0]
    cue = text.index("could")  # any in-sentence span will do for the table's shape
    claims[1]["other_attributions"] = [{
        "source": None, "source_span": None, "source_norm": None, "source_type": None,
        "cue": text[cue:cue + 5], "cue_span": [base + cue, base + cue + 5], "mode": "indirect",
        "addressee": None, "via": None, "source_id": None, "content": None, "content_span": None,
        "score": 0.61}]
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (tmp_path / "documents.jsonl").write_text(json.dumps({"doc_id": "storm"}) + "\n")
    assert main(["export", str(tmp_path), "-o", str(tmp_path / "t")]) == 0
    rows = _read(tmp_path / "t" / "attributions.csv")
    assert [(r["claim_id"], r["index"], r["own"], r["cue"], r["score"]) for r in rows] == [
        ("c1", "0", "true", "said", ""), ("c2", "0", "false", "could", "0.61")]
    assert rows[0]["source_norm"] == "Governor" and rows[1]["cue_start"] == str(base + cue)
    assert list(rows[0]) == [n for n, _ in TABLES["attributions"]]


def test_stories_and_ledger_tables(outdir, tmp_path):
    from pipeline.inspect.ledger import build_ledger
    from tests.test_summary import _worked_example

    claims, docs = _worked_example()
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (tmp_path / "w" / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs.values()))
    assert main(["export", str(tmp_path / "w"), "-o", str(tmp_path / "t")]) == 0
    (story,) = _read(tmp_path / "t" / "stories.csv")
    assert story["n_documents"] == "4" and story["documents"] == "a;b;c;d" and story["first_published"] == "2031-03-01"
    rows = _read(tmp_path / "t" / "ledger.csv")
    assert list(rows[0]) == [n for n, _ in TABLES["ledger"]]
    assert [r["text"] for r in rows] == ["12", "19", "about 30", "more than 25"]
    assert {r["story_id"] for r in rows} == {story["story_id"]} and rows[0]["measure"] == "deaths"
    assert [r["latest_of_source"] for r in rows] == ["false", "true", "true", "true"]
    assert rows[3]["high"] == "" and rows[1]["replaces"] == "0" and rows[1]["change"] == "update"
    assert {(r["group_best"], r["group_conservative"], r["group_high"]) for r in rows} == {("25.0", "19.0", "33.0")}
    assert len(build_ledger(claims, docs)) == 1


def test_ledger_table_in_parquet(outdir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    assert main(["export", str(outdir), "--format", "parquet", "-o", str(tmp_path / "p")]) == 0
    ledger = pq.read_table(tmp_path / "p" / "ledger.parquet")
    assert ledger.column_names == [n for n, _ in TABLES["ledger"]]
    assert str(ledger.schema.field("group_best").type) == "double"
    assert ledger.column("text").to_pylist() == ["14", "200"]   # 14 deaths, 200 homes (buildings)
    assert ledger.column("measure").to_pylist() == ["deaths", "buildings"]
    assert pq.read_table(tmp_path / "p" / "stories.parquet").column_names == [n for n, _ in TABLES["stories"]]
