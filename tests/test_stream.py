"""``compare`` streamed story by story gives what the in-memory ledger gives (invented articles)."""
from __future__ import annotations

import json

from datasketch import MinHashLSH

from pipeline.cli import main
from pipeline.inspect.data import load_output
from pipeline.inspect.ledger import build_ledger
from pipeline.inspect.ledgerfile import ledger_records
from pipeline.inspect.scope import admin
from pipeline.inspect.stories import _permutations, assign_stories, copy_groups_of, settings, signature
from pipeline.inspect.stream import Scan, streamed_ledger
from tests.test_ledger import claim, quantity
from tests.test_stories import FLOOD, FLOOD_EXTRA, STRIKE, STRIKE_EXTRA, doc


def _country() -> tuple[str, str]:
    """A country of the gazetteer: (entity id, name)."""
    geoid, (name, _) = next((g, v) for g, v in sorted(admin().items()) if v[1] == "country")
    return geoid, name


def _figure(doc_id: str, sentence: str, number: str, value: int, counted: str, predicate: str,
            source: str | None = None, place: tuple[str, str] | None = None) -> dict:
    c = claim(doc_id, sentence, [quantity(sentence, number, value, counted=counted, predicate=predicate)],
              source=source)
    c["claim_id"] = f"{doc_id}-{number}"
    if place:
        s = sentence.index(place[1])
        c["entities"].append({"text": place[1], "span": [s, s + len(place[1])], "label": "GPE",
                              "norm": place[1], "entity_id": place[0]})
    return c


def _corpus(tmp_path) -> None:
    """Two stories with figures, a document without text, claims of a document not in
    ``documents.jsonl``, and a document written twice (the second record counts)."""
    geo = _country()
    docs = [doc(f"flood-{i}", FLOOD.format(extra=x), f"2031-05-0{i + 2}", title=f"Dam burst ({i})",
                source=f"Paper {i}") for i, x in enumerate(FLOOD_EXTRA)]
    docs += [doc(f"strike-{i}", STRIKE.format(extra=x), f"2031-04-0{i + 3}", source="Wire")
             for i, x in enumerate(STRIKE_EXTRA)]
    docs += [{"doc_id": "broken", "error": "unreadable", "text": ""},
             dict(docs[0], title="Dam burst (0), corrected")]
    claims = [_figure("flood-0", f"The flood in {geo[1]} killed 12 people, officials said.", "12", 12,
                      "people", "kill", "officials", geo),
              _figure("flood-1", "The governor said 15 people died in the flood.", "15", 15, "people", "die",
                      "governor"),
              _figure("flood-2", "Rescuers said 40 people were injured.", "40", 40, "people", "injure"),
              _figure("strike-0", "Police said 3 dockers were arrested at the port.", "3", 3, "dockers",
                      "arrest", "Police"),
              _figure("strike-2", "The union said 5 dockers were arrested.", "5", 5, "dockers", "arrest",
                      "union"),
              _figure("elsewhere", "Officials said 7 people died in a fire.", "7", 7, "people", "die")]
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))


def _in_memory(path) -> tuple[list, list]:
    output = load_output(path)
    stories = assign_stories(output.documents, output.claims)
    titles = {s.story_id: s.title for s in stories}
    return [s.to_json() for s in stories], ledger_records(build_ledger(output.claims, output.documents), titles)


def test_the_streamed_ledger_is_the_in_memory_ledger(tmp_path):
    _corpus(tmp_path)
    stories, ledgers = streamed_ledger(tmp_path)
    titles = {s.story_id: s.title for s in stories}
    streamed = [r for _, measures in ledgers for r in ledger_records(measures, titles)]
    want_stories, want_ledger = _in_memory(tmp_path)
    assert [s.to_json() for s in stories] == want_stories
    assert streamed == want_ledger
    # three stories' worth of figures, the last one of a document no story holds
    assert [r["story_id"] for r in streamed][-1] is None and len(streamed) == 3


def test_compare_writes_what_the_in_memory_ledger_gives(tmp_path, capsys):
    _corpus(tmp_path)
    assert main(["compare", str(tmp_path), "--jsonl", "-q"]) == 0
    want_stories, want_ledger = _in_memory(tmp_path)
    read = lambda name: [json.loads(x) for x in (tmp_path / name).read_text().splitlines()]
    assert read("stories.jsonl") == want_stories and read("ledger.jsonl") == want_ledger


def test_the_scan_keeps_the_last_record_of_a_document_in_its_first_place(tmp_path):
    _corpus(tmp_path)
    scan = Scan.of(tmp_path)
    assert list(scan.documents)[0] == "flood-0" and scan.documents["flood-0"]["title"] == "Dam burst (0), corrected"
    assert "text" not in scan.documents["flood-0"]
    assert dict(scan.texts())["flood-0"]["title"] == "Dam burst (0), corrected"
    assert scan.doc_ids[-1] == "elsewhere" and len(scan.offsets) == 6


def test_copy_groups_pair_what_querying_datasketch_lsh_pairs():
    s = settings()
    texts = [STRIKE.format(extra=STRIKE_EXTRA[0]), STRIKE.format(extra=STRIKE_EXTRA[0]) + " By a wire.",
             FLOOD.format(extra=""), FLOOD.format(extra=FLOOD_EXTRA[1]), "Advertisement " + FLOOD.format(extra="")]
    perms = _permutations(s)
    sigs = [signature(t, s, perms) for t in texts]
    lsh, pairs = MinHashLSH(threshold=s.copy_jaccard, num_perm=s.num_perm), set()
    from datasketch import MinHash
    for i, sig in enumerate(sigs):
        m = MinHash(num_perm=s.num_perm, hashvalues=sig)
        pairs |= {(j, i) for j in lsh.query(m) if m.jaccard(MinHash(num_perm=s.num_perm, hashvalues=sigs[j]))
                  >= s.copy_jaccard}
        lsh.insert(i, m)
    groups = copy_groups_of(sigs, s)
    assert {(j, i) for i in range(len(sigs)) for j in range(i) if groups[i] == groups[j]} == pairs
    assert groups == [0, 0, 2, 3, 2]


def test_compare_on_dask_writes_what_one_process_writes(tmp_path, capsys, monkeypatch):
    import pytest

    pytest.importorskip("dask.distributed")
    monkeypatch.setattr("pipeline.inspect.stream.BATCH_CLAIMS", 1)   # a task per story
    _corpus(tmp_path)
    assert main(["compare", str(tmp_path), "--jsonl", "--color", "never"]) == 0
    one = capsys.readouterr().out, (tmp_path / "ledger.jsonl").read_text(), (tmp_path / "stories.jsonl").read_text()
    assert main(["compare", str(tmp_path), "--jsonl", "--color", "never", "--engine", "dask", "--workers", "1"]) == 0
    dask = capsys.readouterr().out, (tmp_path / "ledger.jsonl").read_text(), (tmp_path / "stories.jsonl").read_text()
    assert dask == one and "Dam burst (0), corrected" in one[0] and one[1].count("\n") == 3


def test_compare_with_a_pool_of_workers_writes_what_one_process_writes(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("pipeline.inspect.stream.BATCH_CLAIMS", 1)   # a batch per story: the pool starts
    from pipeline.inspect import stream

    started, real_pool = [], stream._on_pool
    monkeypatch.setattr(stream, "_on_pool", lambda *a: started.append(a[-1]) or real_pool(*a))
    _corpus(tmp_path)
    outputs = []
    for workers in ("1", "2"):
        assert main(["compare", str(tmp_path), "--jsonl", "--color", "never", "--workers", workers]) == 0
        outputs.append((capsys.readouterr().out, (tmp_path / "ledger.jsonl").read_text(),
                        (tmp_path / "stories.jsonl").read_text()))
    assert started == [2] and outputs[0] == outputs[1] and outputs[0][1].count("\n") == 3


def test_a_pool_signs_the_documents_as_the_story_step_would(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.inspect.stream.SIGNATURE_DOCS", 2)   # chunks of two documents: the pool starts
    _corpus(tmp_path)
    pooled, alone = Scan.of(tmp_path, workers=2), Scan.of(tmp_path)
    s = settings()
    perms = _permutations(s)
    want = [signature(doc["text"], s, perms).tolist() if doc.get("text") else None for _, doc in alone.texts()]
    assert alone.signatures is None and want.count(None) == 1
    assert [None if sig is None else sig.tolist() for sig in pooled.signatures] == want
    assert pooled.offsets == alone.offsets and pooled.doc_ids == alone.doc_ids


def test_the_scan_hands_its_signatures_over_and_keeps_none(tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.inspect.stream.SIGNATURE_DOCS", 2)
    _corpus(tmp_path)
    pooled, alone = Scan.of(tmp_path, workers=2), Scan.of(tmp_path)
    kept = list(pooled.signatures)
    taken = pooled.take_signatures()
    assert pooled.signatures is None and alone.take_signatures() is None
    assert [None if s is None else s.tolist() for s in taken] == [None if s is None else s.tolist() for s in kept]


def test_a_line_is_read_as_json_reads_it_and_refused_with_json_s_error(tmp_path):
    import math

    import pytest

    from pipeline.inspect.data import OutputError, parse_line, read_jsonl_at

    line = '{"doc_id": "d-1", "text": "Ünïcode «quoted»", "value": 1.5e3, "n": 12, "flags": [true, null]}'
    assert parse_line(line.encode()) == json.loads(line)
    assert parse_line(b'"\\u00e9t\\u00e9"') == "été"
    # NaN and an overflowing number: orjson refuses them, json reads them as it always did
    odd = parse_line(b'{"value": NaN, "big": 1e400}')
    assert math.isnan(odd["value"]) and odd["big"] == math.inf
    path = tmp_path / "claims.jsonl"
    path.write_bytes(b'{"doc_id": "d-1"}\n{"doc_id": \n')
    with pytest.raises(OutputError, match=r"claims.jsonl:2: not JSON \(Expecting value\)"):
        list(read_jsonl_at(path))
    path.write_bytes(b'{"doc_id": "\xff"}\n')
    with pytest.raises(OutputError, match=r"claims.jsonl:1: not UTF-8"):
        list(read_jsonl_at(path))


def test_a_worker_sends_back_its_story_s_ledger_line_and_the_groups_only_when_asked(tmp_path):
    from pipeline.inspect import stream

    _corpus(tmp_path)
    path = str(tmp_path / "claims.jsonl")
    first = (tmp_path / "claims.jsonl").read_bytes().index(b"\n") + 1
    job = stream.StoryJob("story:x", [(0, first)], {}, {}, title="A title")
    [lines] = stream.story_ledgers(path, [job], stream.Shape(groups=False, line=True))
    [groups] = stream.story_ledgers(path, [job], stream.Shape())
    [other] = stream.story_ledgers(path, [job], stream.Shape(measures=("injured",), line=True))
    assert lines.groups is None and lines.n == groups.n == 1 and groups.line is None
    assert json.loads(lines.line) == ledger_records(groups.groups, {"story:x": "A title"})[0]
    assert other.n == 0 and other.line is None


def test_lines_read_in_runs_are_the_lines_read_one_by_one(tmp_path):
    import os

    from pipeline.inspect.stream import _read_lines

    lines = [b'{"a": 1}\n', b'{"bb": 22}\n', b'{"c": "three"}\n', b'{"dddd": 4}\n', b'{"e": 5}\n']
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"".join(lines))
    at = [sum(map(len, lines[:k])) for k in range(len(lines))]
    # two runs of consecutive lines (0-1, 3-4), one line alone, and one line out of order
    wanted = [(at[k], len(lines[k])) for k in (0, 1, 3, 4, 2)]
    fd = os.open(path, os.O_RDONLY)
    try:
        assert list(_read_lines(fd, wanted)) == [lines[k] for k in (0, 1, 3, 4, 2)]
        assert list(_read_lines(fd, [])) == []
    finally:
        os.close(fd)


def test_compare_s_processes_collect_young_objects_less_often():
    import gc

    from pipeline.inspect.stream import GC_YOUNG, fewer_collections

    before = gc.get_threshold()
    try:
        fewer_collections()
        assert gc.get_threshold() == (GC_YOUNG, *before[1:])
    finally:
        gc.set_threshold(*before)
