"""The ledger-scale bench input: replicated output with new ids, shifted dates, offsets
kept, replicas never one story (invented documents)."""
from __future__ import annotations

import json

from pipeline.benchledger import SHIFT_DAYS, _disguise, replicate
from pipeline.cli import main
from tests.test_ledger import claim, quantity

TEXT = ("Floodwater swept through the riverside town of Orlenz on Monday, and rescuers said "
        "at least 14 people were killed as the embankment gave way near the old mill.")


def _source(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    docs = [{"doc_id": d, "source": o, "published": "2031-04-02", "title": "Orlenz flood", "text": TEXT}
            for d, o in (("orl-1", "Wire A"), ("orl-2", "Paper B"))]
    s = TEXT
    claims = [claim(d["doc_id"], s, [quantity(s, "at least 14", 14, approx="at_least", counted="people",
                                              predicate="kill")], source="rescuers",
                    dates=(("Monday", "2031-03-31"),)) for d in docs]
    (src / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (src / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    return src


def test_replicas_get_new_ids_and_shifted_dates(tmp_path):
    assert replicate(_source(tmp_path), tmp_path / "x", 5) == 5
    docs = [json.loads(x) for x in (tmp_path / "x" / "documents.jsonl").read_text().splitlines()]
    claims = [json.loads(x) for x in (tmp_path / "x" / "claims.jsonl").read_text().splitlines()]
    assert [d["doc_id"] for d in docs] == ["orl-1-r00000", "orl-2-r00000", "orl-1-r00001", "orl-2-r00001",
                                           "orl-1-r00002"]
    assert [d["published"] for d in docs[::2]] == ["2031-04-02", "2032-08-14", "2033-12-27"]
    assert SHIFT_DAYS == 500 and len({c["claim_id"] for c in claims}) == len(claims) == 5
    assert claims[2]["dates"][0]["value"] == "2032-08-12" and claims[2]["doc_id"] == "orl-1-r00001"


def test_disguise_keeps_offsets_and_replicas_apart():
    a, b = _disguise(TEXT, 1), _disguise(TEXT, 2)
    assert len(a) == len(b) == len(TEXT) and a != TEXT and a != b
    assert a == _disguise(TEXT, 1)                      # one replica's copies stay copies
    assert a[TEXT.index("14"):TEXT.index("14") + 2] == "14"


def test_disguise_stand_ins_are_not_replica_words():
    # a word's stand-in is the same in every replica that replaces it, and stop words stay,
    # so no replica gets rare words of its own that tie its documents together
    words = {}
    for k in range(12):
        for w, d in zip(TEXT.split(), _disguise(TEXT, k).split()):
            if w != d:
                words.setdefault(w, set()).add(d)
    assert words and all(len(v) == 1 for v in words.values())
    assert not {"the", "at", "were", "as", "through"} & set(words)


def test_compare_keeps_replicas_in_stories_of_their_own(tmp_path):
    replicate(_source(tmp_path), tmp_path / "x", 6)
    assert main(["compare", str(tmp_path / "x"), "--jsonl", "-q"]) == 0
    stories = [json.loads(x) for x in (tmp_path / "x" / "stories.jsonl").read_text().splitlines()]
    assert len(stories) == 3 and all(len(s["documents"]) == 2 and len(s["copies"]) == 1 for s in stories)


def test_tree_rss_counts_the_memory_of_child_processes():
    import os
    import subprocess
    import sys
    import time

    from pipeline.benchledger import tree_rss

    alone = tree_rss(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; b = bytearray(80 << 20); "
                              "b[::4096] = b'x' * len(b[::4096]); print(1, flush=True); time.sleep(30)"],
                             stdout=subprocess.PIPE)
    try:
        child.stdout.readline()   # its 80 MB are touched
        time.sleep(0.1)
        assert tree_rss(os.getpid()) - alone > 80 << 20
    finally:
        child.kill()
        child.wait()
