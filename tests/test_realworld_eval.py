"""The real-world evaluator (pipeline.eval.realworld) on a test bed invented here."""
from __future__ import annotations

import json

from pipeline.eval.realworld import _bcubed, _is_note, _pairs, evaluate_realworld, source_correct

ARTICLE = ("Dam breach floods Riverton valley\n"
           "RIVERTON (Wire) - At least 40 people were killed when the dam broke, the "
           "interior ministry said on Monday.\n"
           "Advertisement\n"
           "A hospital official said 65 people were injured.\n")


def _figure(fid, text, value, approx, low, high, measure, source, group, flags=()):
    start = ARTICLE.index(text)
    return {"id": fid, "text": text, "span": [start, start + len(text)], "value": value,
            "low": low, "high": high, "approx": approx, "kind": "count", "unit": None,
            "counted": "people", "measure": measure, "place": "Riverton", "subplace": None,
            "time": "event", "as_of": None, "source": None, "source_norm": source, "cue": "said",
            "cites": [], "via": None, "flags": list(flags),
            "ledger": {"group": group, "role": "main", "revises": None}}


def _bed(tmp_path):
    root = tmp_path / "realworld"
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "dam-01.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "events.jsonl").write_text(json.dumps({"event": "Riverton dam breach"}) + "\n")
    (root / "manifest.jsonl").write_text(json.dumps(
        {"id": "dam-01", "file": "articles/dam-01.txt", "event": "Riverton dam breach",
         "publisher": "Wire", "headline": "Dam breach floods Riverton valley",
         "published": "2024-03-04"}) + "\n")
    lines = ARTICLE.split("\n")
    kept, pos = [], 0
    for line in lines:
        if line and line != "Advertisement":
            start = pos + (len("RIVERTON (Wire) - ") if line.startswith("RIVERTON") else 0)
            kept.append([start, pos + len(line)])
        pos += len(line) + 1
    ad = ARTICLE.index("Advertisement")
    gold = {"doc_id": "dam-01", "event": "Riverton dam breach", "kept": kept,
            "junk": [{"span": [ad, ad + 13], "type": "ad", "text": "Advertisement"}],
            "figures": [
                _figure("f1", "At least 40", 40, "at_least", 40, None, "deaths", "interior ministry",
                        "deaths|all|Riverton|event", ["approximate"]),
                _figure("f2", "65", 65, "exact", 65, 65, "injured", "hospital official",
                        "injured|all|Riverton|event")]}
    (root / "gold" / "dam-01.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def test_scores_figures_cleaning_and_ledger_of_an_invented_article(tmp_path):
    res = evaluate_realworld(_bed(tmp_path))
    assert set(res) == {"dev"} and res["dev"]["_articles"] == 1
    m = res["dev"]
    assert m["figures detected"]["recall"] == 1.0
    assert m["figure value (matched)"]["accuracy"] == 1.0
    assert m["figure bounds (matched)"]["accuracy"] == 1.0
    assert m["figure measure (matched)"]["n"] == 2
    assert m["junk removed: ad"]["accuracy"] == 1.0
    # two figures of different measures: no gold pair, and none lined up
    assert m["ledger pairs lined up"]["n"] == 0


def test_source_matches_norm_acronym_or_cited_source():
    gold = {"source_norm": "World Health Organization", "cites": ["Guinean health ministry"]}
    assert source_correct("WHO", gold)
    assert source_correct("the World Health Organization", gold)
    assert source_correct("Guinean Health Ministry", gold)
    assert not source_correct("Reuters", gold)
    assert not source_correct(None, gold)
    assert source_correct(None, {"source_norm": None, "cites": []})


def test_bcubed_and_pairs():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert _bcubed({"a": 1, "b": 1, "c": 2}, gold)["f1"] == 1.0
    one = _bcubed({"a": 1, "b": 1, "c": 1}, gold)
    assert one["recall"] == 1.0 and abs(one["precision"] - 5 / 9) < 1e-9
    assert _pairs([["a", "b", "c"], ["d"]]) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_revision_and_denial_marks_are_scored_against_the_gold():
    from types import SimpleNamespace

    from pipeline.eval.realworld import _marks

    rows = [SimpleNamespace(replaces=None, disputed=False, denied_by=[]),
            SimpleNamespace(replaces=0, disputed=False, denied_by=[]),
            SimpleNamespace(replaces=None, disputed=True, denied_by=[])]
    table = SimpleNamespace(rows=rows)
    keys = [["d:f1", "d:f2", "d:f3"]]
    gold = {"d": {"figures": [
        {"id": "f1", "flags": [], "ledger": {"revises": None}},
        {"id": "f2", "flags": [], "ledger": {"revises": "f1"}},       # marked: f2's row replaces f1's
        {"id": "f3", "flags": ["disputed"], "ledger": {"revises": "f2"}},   # denial marked, revision not
    ]}}
    assert _marks([table], keys, gold) == {"revisions": [1, 2], "denials": [1, 1]}


def test_a_missed_revision_is_an_example_with_what_the_ledger_did():
    from types import SimpleNamespace

    from pipeline.eval.realworld import _marks, _Tally

    rows = [SimpleNamespace(replaces=None, disputed=False, denied_by=[])]
    gold = {"d": {"figures": [
        {"id": "f1", "text": "40", "flags": ["disputed"], "ledger": {"revises": None}},
        {"id": "f2", "text": "55", "flags": [], "ledger": {"revises": "f1"}},   # f2 is in no table
    ]}}
    t = _Tally()
    _marks([SimpleNamespace(rows=rows)], [["d:f1"]], gold, t)
    assert t.examples["revision unmarked"] == [{"doc": "d", "figure": "55", "revises": "40",
                                                "row": "not in the ledger", "old_row": "in the ledger"}]
    assert t.examples["denial unmarked"] == [{"doc": "d", "figure": "40", "row": "replaces None"}]


def test_source_keys_per_gold_body_merges_one_documents_short_names():
    from pipeline.eval.realworld import _source_keys_per_body
    from pipeline.inspect.sourcenames import story_names

    s = "The Ministry of Health said 40 died; the ministry said 12 were hurt; WHO said 41."
    def fig(text, source):
        start = s.index(text)
        q = {"text": text, "span": [start, start + len(text)], "kind": "count", "value": 1,
             "attribution": {"source": source, "source_norm": source}}
        return {"doc_id": "d", "text": s, "span": [0, len(s)], "quantities": [q], "attribution": None}
    claims = {"d": [fig("40", "Ministry of Health"), fig("12", "the ministry"), fig("41", "WHO")]}
    golds = {"d": {"event": "e", "figures": [
        {"id": "f1", "source_norm": "Health Ministry"}, {"id": "f2", "source_norm": "Health Ministry"},
        {"id": "f3", "source_norm": "World Health Organization"}]}}
    matched = {"d": {0: "f1", 1: "f2", 2: "f3"}}
    names = story_names({}, claims["d"])
    # "the ministry" takes the document's full name (the one resolver): one key per body
    assert _source_keys_per_body(claims, golds, matched, names=names) == (1.0, 2)
    assert _source_keys_per_body(claims, golds, matched) == (1.5, 2)


def test_source_keys_per_gold_body_counts_the_ledgers_story_names():
    from pipeline.eval.realworld import _source_keys_per_body
    from pipeline.inspect.sourcenames import story_names

    def fig(doc, s, text, source):
        start = s.index(text)
        q = {"text": text, "span": [start, start + len(text)], "kind": "count", "value": 1,
             "attribution": {"source": source, "source_norm": source, "source_type": "government"}}
        return {"doc_id": doc, "text": s, "span": [0, len(s)], "quantities": [q], "attribution": None}
    claims = {"a": [fig("a", "Harbour City Police said 40 were hurt.", "40", "Harbour City Police")],
              "b": [fig("b", "Police said 44 were hurt.", "44", "police")]}
    docs = {"a": {"doc_id": "a", "story_id": "s"}, "b": {"doc_id": "b", "story_id": "s"}}
    golds = {d: {"event": "e", "figures": [{"id": "f1", "source_norm": "Harbour City Police"}]} for d in "ab"}
    matched = {"a": {0: "f1"}, "b": {0: "f1"}}
    names = story_names(docs, [c for cl in claims.values() for c in cl])
    # the ledger shows "police" under the story's longer name: one key for the body
    assert _source_keys_per_body(claims, golds, matched, docs, names) == (1.0, 1)
    assert _source_keys_per_body(claims, golds, matched) == (2.0, 1)


def test_mixed_tables_count_two_countries_and_another_events_figure():
    from pipeline.eval.realworld import _mixed_tables

    def fig(i, group, time="event"):
        return {"id": i, "time": time, "ledger": {"group": group}}

    golds = {"a": {"event": "flood", "figures": [fig("f1", "deaths|all|Kenya|event"),
                                                fig("f2", "deaths|all|Uganda|event"),
                                                fig("f3", "deaths|all|Kenya|event"),
                                                fig("f4", "deaths|all|Kenya|2019 flood", "other")]}}
    out = _mixed_tables([["a:f1", "a:f2"], ["a:f1", "a:f3"], ["a:f3", "a:f4"], ["a:f1"]], golds)
    assert out["ledger tables mixing countries"] == (1, 3)
    assert out["ledger tables with another event's figures"] == (1, 3)


def test_a_note_in_a_relative_clause_on_a_speaker_is_no_note_sentence():
    # the sentence is the union's report; the note only describes the union
    assert not _is_note("The Velin union, which did not give an overall turnout, said the march was smaller.")
    assert _is_note("The union did not give a source for its count.")
