"""The real-world test bed (corpus/realworld/, docs/annotation.md section 10): one test
per gold file, checking every record in it, and the collection's own consistency."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from pipeline.eval.realworld_gold import check, gold_files, read_jsonl, split_of

from .conftest import CORPUS

ROOT = CORPUS / "realworld"
EVENTS = {e["event"] for e in read_jsonl(ROOT / "events.jsonl")}
MANIFEST = read_jsonl(ROOT / "manifest.jsonl")


@pytest.mark.parametrize("path", list(gold_files(ROOT)), ids=lambda p: p.stem)
def test_gold_file(path):
    problems = check(ROOT, path, EVENTS)
    assert not problems, "\n".join(problems)
    gold = json.loads(path.read_text(encoding="utf-8"))
    entry = next(m for m in MANIFEST if m["id"] == gold["doc_id"])
    assert entry["event"] == gold["event"]


def test_manifest_names_every_article_once_and_each_event_has_five_or_more():
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "articles").glob("*.txt"))
    assert sorted(m["file"] for m in MANIFEST) == files
    assert len({m["id"] for m in MANIFEST}) == len(MANIFEST)
    per_event = Counter(m["event"] for m in MANIFEST)
    assert set(per_event) == EVENTS and min(per_event.values()) >= 5


def test_the_split_holds_out_whole_events():
    splits = Counter(split_of(e) for e in EVENTS)
    assert set(splits) == {"dev", "test"}
    assert split_of("2015 Nepal earthquake") == "test" and split_of("2010 Haiti earthquake") == "dev"
