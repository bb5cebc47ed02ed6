"""The summary of a ledger group: latest figure per source, spread, UCDP-style low / best
/ high, ACLED-style conservative figure (invented sentences, claims built by hand)."""
from __future__ import annotations

import json

from pipeline.cli import main
from pipeline.inspect.ledger import build_ledger, same_source
from pipeline.inspect.summary import latest_figures, point, summarize
from tests.test_ledger import claim, quantity


def _deaths(doc: str, sentence: str, text: str, value: float, source: str, **kw) -> dict:
    return claim(doc, sentence, [quantity(sentence, text, value, predicate="kill", **kw)], source=source)


def _table(claims: list[dict], docs: dict):
    (table,) = build_ledger(claims, docs)
    return table


def _worked_example():
    """docs/ledger.md, "Summary": the Tarnwick mine collapse (invented)."""
    docs = {"a": {"doc_id": "a", "published": "2031-03-01"}, "b": {"doc_id": "b", "published": "2031-03-02"},
            "c": {"doc_id": "c", "published": "2031-03-02"}, "d": {"doc_id": "d", "published": "2031-03-03"}}
    s1 = "The mine rescue service said 12 miners were killed at Tarnwick."
    s2 = "The mine rescue service said 19 miners were killed at Tarnwick."
    s3 = "The workers' union said about 30 miners were killed at Tarnwick."
    s4 = "A local councillor said more than 25 miners were killed at Tarnwick."
    for d, text in zip("abcd", (s1, s2, s3, s4)):
        docs[d]["text"] = text
    claims = [_deaths("a", s1, "12", 12, "mine rescue service", counted="miners"),
              _deaths("b", s2, "19", 19, "mine rescue service", counted="miners"),
              _deaths("c", s3, "about 30", 30, "workers' union", approx="about", counted="miners"),
              _deaths("d", s4, "more than 25", 25, "local councillor", approx="more_than", counted="miners")]
    return claims, docs


def test_point_is_the_stated_number_else_the_lower_bound():
    assert point({"value": 25, "approx": "more_than"}, (25, float("inf"))) == 25
    assert point({"value": 50, "approx": "about"}, (45, 55)) == 50
    assert point({"value": None, "approx": "vague"}, (200, 999)) == 200


def test_latest_figure_of_each_source_is_its_last_stated():
    claims, docs = _worked_example()
    t = _table(claims, docs)
    latest = latest_figures(t.rows, same_source)
    # the rescue service's 19 (2 March) supersedes its 12 (1 March)
    assert [(x.key, x.point) for x in latest] == [("mine rescue service", 19), ("workers union", 30),
                                                  ("local councillor", 25)]


def test_a_replaced_or_disputed_row_is_never_a_source_latest():
    s = "The toll was revised down to 40 from 55, the coast guard said."
    c = claim("a", s, [quantity(s, "40", 40, predicate="kill"), quantity(s, "55", 55, predicate="kill")],
              source="coast guard")
    s2 = "The harbour master said 90 were killed, a figure others dispute."
    q2 = dict(quantity(s2, "90", 90, predicate="kill"), flags={"disputed": True})
    c2 = claim("b", s2, [q2], source="harbour master")
    t = _table([c, c2], {"a": {"doc_id": "a"}, "b": {"doc_id": "b"}})
    latest = latest_figures(t.rows, same_source)
    assert [x.point for x in latest] == [40]       # 55 is replaced, 90 is disputed


def test_another_sources_revision_does_not_withdraw_a_figure():
    s = "Port officials said 80 people were killed; a rescue group later said 60 were killed."
    c = claim("a", s, [quantity(s, "80", 80, predicate="kill", counted="people")], source="Port officials")
    q2 = quantity(s, "60", 60, predicate="kill")
    c2 = dict(claim("a", s, [q2], source="rescue group"), claim_id="a-2")
    t = _table([c, c2], {"a": {"doc_id": "a", "published": "2031-01-01"}})
    assert [r.replaces for r in t.rows] == [None, 0]          # the timeline links them
    assert sorted(x.point for x in latest_figures(t.rows, same_source)) == [60, 80]


def test_low_high_best_conservative_of_the_worked_example():
    claims, docs = _worked_example()
    s = _table(claims, docs).summary()
    assert s.spread == (19, float("inf"))          # 19 … "more than 25", open above
    assert s.low == 19                            # UCDP low: smallest lower bound
    assert s.high == 33.0                         # UCDP high: largest upper bound ("about 30" → 33)
    assert s.best == 25                           # UCDP best: median of 19, 25, 30
    assert s.conservative == 19                   # ACLED: the lowest figure a source stands by
    assert s.label() == "best 25 (low 19, high 33); conservative 19; 3 source(s)"


def test_an_open_figure_counts_its_stated_number_as_high():
    s1 = "Police said more than 400 people were killed."
    s2 = "Medics said 310 people were killed."
    t = _table([_deaths("a", s1, "more than 400", 400, "Police", approx="more_than", counted="people"),
                _deaths("b", s2, "310", 310, "Medics", counted="people")], {"a": {}, "b": {}})
    s = t.summary()
    assert s.high == 400 and s.spread[1] == float("inf") and s.best == 310   # lower middle of two


def test_best_is_the_median_so_one_outlier_does_not_move_it():
    texts = [("Officials", 100), ("Medics", 104), ("Residents", 98), ("A militia", 5000)]
    claims = []
    for i, (src, v) in enumerate(texts):
        s = f"{src} said {v} people were killed."
        claims.append(_deaths(f"d{i}", s, str(v), v, src, counted="people"))
    s = _table(claims, {f"d{i}": {} for i in range(4)}).summary()
    assert s.best == 100 and s.conservative == 98 and s.high == 5000


def test_summary_of_only_disputed_figures_is_empty():
    s = "The army denied that 70 soldiers were killed, as the rebels claimed."
    denied = quantity(s, "70", 70, predicate="kill", counted="soldiers") | {"flags": {"disputed": True}}
    c = claim("a", s, [denied], source="rebels")   # flagged as the hedging stage flags it
    summ = summarize(_table([c], {"a": {}}).rows, same_source)
    assert summ.best is None and summ.label() == "no undisputed figure"


def test_compare_prints_the_summary_and_writes_versioned_nested_ledger(tmp_path, capsys):
    claims, docs = _worked_example()
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs.values()))
    assert main(["compare", str(tmp_path), "--jsonl", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "summary: best 25 (low 19, high 33); conservative 19" in out
    (story,) = [json.loads(x) for x in (tmp_path / "ledger.jsonl").read_text().splitlines()]
    assert story["ledger_version"] == "2" and story["story_id"].startswith("story:")
    (group,) = story["groups"]
    assert group["summary"]["best"] == 25 and group["summary"]["conservative"] == 19
    assert [x["row"] for x in group["summary"]["latest"]] == [1, 2, 3] and len(group["rows"]) == 4


def test_compare_rejects_an_unknown_measure_and_lists_the_valid_ones(tmp_path, capsys):
    claims, docs = _worked_example()
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    assert main(["compare", str(tmp_path), "--measure", "fatalitiez"]) == 2
    err = capsys.readouterr().err
    assert "unknown measure 'fatalitiez'" in err and "deaths" in err and "injured" in err
    assert main(["compare", str(tmp_path), "--measure", "deaths", "--color", "never"]) == 0


def test_an_acronym_and_its_full_name_are_one_source():
    s1 = "The Velland Observatory for Human Rights said 30 people were killed."
    s2 = "VOHR said 34 people were killed."
    t = _table([_deaths("a", s1, "30", 30, "Velland Observatory for Human Rights", counted="people"),
                _deaths("b", s2, "34", 34, "VOHR", counted="people")],
               {"a": {"published": "2031-02-01"}, "b": {"published": "2031-02-02"}})
    assert [x.point for x in latest_figures(t.rows, same_source)] == [34]


def test_a_vague_amount_does_not_raise_the_high_estimate():
    s1 = "Medics said hundreds of people were killed."
    s2 = "Police said 310 people were killed."
    t = _table([_deaths("a", s1, "hundreds", 200, "Medics", approx="vague", low=200, high=999, counted="people"),
                _deaths("b", s2, "310", 310, "Police", counted="people")], {"a": {}, "b": {}})
    s = t.summary()
    assert s.high == 310 and s.spread == (200, 999) and s.conservative == 200
