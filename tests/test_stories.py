"""Stories over a corpus: TF-IDF links within a time window, blocking, syndicated copies (invented articles)."""
from __future__ import annotations

import dataclasses
import json

from pipeline.cli import main
from pipeline.inspect.ledger import build_ledger
from pipeline.inspect.stories import _candidate_pairs, assign_stories, copy_groups, find_stories, settings

FLOOD = ("Floodwaters swept through the river town of Vellmar after the Ostra dam burst overnight, "
         "and rescuers in boats searched flooded streets for stranded families. The regional governor "
         "said the reservoir had been rising for days after record rainfall. {extra}")
FLOOD_EXTRA = ["Engineers had warned that the dam spillway was cracked.",
               "Residents sheltered in a school gym as the water kept rising.",
               "The dam operator said an inquiry into the burst would begin."]
STRIKE = ("Dock workers at the port of Caldera walked out on Monday in a strike over pay, leaving "
          "container ships idle at anchor. The dockers' union said the walkout would continue until "
          "the port authority raised wages. {extra}")
STRIKE_EXTRA = ["Shipping lines diverted cargo to other harbours.",
                "The port authority called the strike illegal.",
                "Union leaders met the labour minister on Wednesday."]


def doc(doc_id: str, text: str, published: str | None, title: str | None = None, source: str | None = None) -> dict:
    return {"doc_id": doc_id, "text": text, "kept": [[0, len(text)]], "published": published,
            "title": title, "source": source}


def ent_claim(doc_id: str, *names: tuple[str, str]) -> dict:
    return {"doc_id": doc_id, "quantities": [],
            "entities": [{"text": n, "norm": n, "label": label, "entity_id": "ent:" + n.lower(), "span": [0, 1]}
                         for n, label in names]}


def corpus() -> tuple[dict, list]:
    docs, claims = {}, []
    for i, extra in enumerate(FLOOD_EXTRA):
        docs[f"flood-{i}"] = doc(f"flood-{i}", FLOOD.format(extra=extra), f"2031-05-0{i + 2}",
                                 title=f"Dam burst floods Vellmar ({i})")
        claims.append(ent_claim(f"flood-{i}", ("Vellmar", "GPE"), ("Ostra", "FAC")))
    for i, extra in enumerate(STRIKE_EXTRA):
        docs[f"strike-{i}"] = doc(f"strike-{i}", STRIKE.format(extra=extra), f"2031-05-0{i + 3}")
        claims.append(ent_claim(f"strike-{i}", ("Caldera", "GPE")))
    return docs, claims


def test_two_events_in_the_same_week_are_two_stories():
    docs, claims = corpus()
    stories = find_stories(docs, claims)
    assert sorted(s.documents for s in stories) == [[f"flood-{i}" for i in range(3)],
                                                    [f"strike-{i}" for i in range(3)]]
    flood = next(s for s in stories if "flood-0" in s.documents)
    # the earliest titled document names the story; dates span its documents; places by frequency
    assert flood.title == "Dam burst floods Vellmar (0)"
    assert (flood.first, flood.last) == ("2031-05-02", "2031-05-04")
    assert flood.places == ["Ostra", "Vellmar"] and flood.copies == []
    strike = next(s for s in stories if "strike-0" in s.documents)
    assert strike.title is None and strike.places == ["Caldera"]


FERRY = ("A crowded ferry capsized in heavy seas off {place} on Friday, and rescuers pulled bodies "
         "from the water as the death toll rose. Dozens of passengers were still missing, the coast "
         "guard said, and divers searched the hull. {extra}")


def test_the_same_kind_of_disaster_in_two_countries_is_two_stories(monkeypatch):
    docs, claims = {}, []
    for i, (country, extra) in enumerate([("Norland", "The vessel was overloaded."),
                                          ("Norland", "Relatives waited at the port."),
                                          ("Ostmark", "The vessel was overloaded."),
                                          ("Ostmark", "Relatives waited at the port.")]):
        d = f"ferry-{i}"
        docs[d] = doc(d, FERRY.format(place=country, extra=extra), "2031-05-02")
        claims.append(ent_claim(d, (country, "GPE"), (country, "GPE")))
    both = "ferry-4"
    docs[both] = doc(both, FERRY.format(place="Norland", extra="Ostmark sent a navy ship."), "2031-05-03")
    claims.append(ent_claim(both, ("Norland", "GPE"), ("Ostmark", "GPE")))
    gazetteer = {"Norland": ("Norland", "country"), "Ostmark": ("Ostmark", "country")}
    monkeypatch.setattr("pipeline.inspect.stories.admin_of", lambda e: gazetteer.get(e["text"]))
    apart = find_stories({k: docs[k] for k in docs if k != both}, claims[:4])
    assert sorted(s.documents for s in apart) == [["ferry-0", "ferry-1"], ["ferry-2", "ferry-3"]]
    # an article that names both countries (an event across a border) links to both
    assert len(find_stories(docs, claims)) == 1


def test_the_same_text_far_apart_in_time_is_two_stories():
    docs = {"a": doc("a", FLOOD.format(extra=FLOOD_EXTRA[0]), "2031-05-02"),
            "b": doc("b", FLOOD.format(extra=FLOOD_EXTRA[1]), "2032-05-02")}
    narrow = dataclasses.replace(settings(), window_days=30)
    assert len(find_stories(docs, [], narrow)) == 2
    # an undated document can join any date
    docs["b"]["published"] = None
    assert len(find_stories(docs, [], narrow)) == 1


def test_an_undated_document_joins_one_story_and_bridges_none():
    # the flood a year apart, twice, and an undated copy of its text: it joins the
    # closer of the two (the first, on a tie), never both
    docs = {"a": doc("a", FLOOD.format(extra=FLOOD_EXTRA[0]), "2031-05-02"),
            "b": doc("b", FLOOD.format(extra=FLOOD_EXTRA[1]), "2032-05-02"),
            "u": doc("u", FLOOD.format(extra=FLOOD_EXTRA[0]), None)}
    narrow = dataclasses.replace(settings(), window_days=30)
    assert sorted(s.documents for s in find_stories(docs, [], narrow)) == [["a", "u"], ["b"]]
    # with no dated match, undated documents still link to each other
    docs = {"u": docs["u"], "v": doc("v", FLOOD.format(extra=FLOOD_EXTRA[2]), None)}
    assert [s.documents for s in find_stories(docs, [], narrow)] == [["u", "v"]]


def test_blocking_pairs_only_documents_in_the_window():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["vellmar dam burst", "vellmar dam burst", "vellmar dam burst", "caldera dock strike"]
    vec = TfidfVectorizer()
    X = vec.fit_transform(texts)
    days = [100, 110, 400, 105]
    pairs = _candidate_pairs(X, list(vec.get_feature_names_out()), days,
                             dataclasses.replace(settings(), window_days=30))
    # 0-1 share words and 10 days; 2 is 290 days later; 3 shares no word
    assert pairs.tolist() == [[0, 1]]


def test_an_undated_document_is_paired_with_its_whole_block():
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = ["vellmar dam burst", "vellmar dam burst", "vellmar dam burst", "vellmar dam burst"]
    vec = TfidfVectorizer()
    pairs = _candidate_pairs(vec.fit_transform(texts), list(vec.get_feature_names_out()), [100, None, 400, 120],
                             dataclasses.replace(settings(), window_days=30))
    assert pairs.tolist() == [[0, 1], [0, 3], [1, 2], [1, 3]]


def test_in_a_large_block_an_undated_document_pairs_with_the_heaviest_members():
    from sklearn.feature_extraction.text import TfidfVectorizer

    # every block of undated 1 is larger than the cap of 2: document 0, where its words
    # weigh the least (the longest text), is no partner of it
    texts = ["vellmar dam burst flood river", "vellmar dam", "vellmar", "vellmar dam", "vellmar dam burst flood"]
    vec = TfidfVectorizer()
    X, vocab, days = vec.fit_transform(texts), list(vec.get_feature_names_out()), [100, None, 1000, 2000, 3000]
    narrow = dataclasses.replace(settings(), window_days=30)
    assert _candidate_pairs(X, vocab, days, narrow).tolist() == [[0, 1], [1, 2], [1, 3], [1, 4]]
    capped = dataclasses.replace(narrow, undated_partners=2)
    assert _candidate_pairs(X, vocab, days, capped).tolist() == [[1, 2], [1, 3], [1, 4]]


def test_syndicated_copies_are_one_group_and_one_story():
    text = STRIKE.format(extra=STRIKE_EXTRA[0])
    assert copy_groups([text, text + " Reporting by a wire service.", FLOOD.format(extra="")]) == [0, 0, 2]
    docs = {"wire": doc("wire", text, "2031-05-03", source="Wire"),
            "paper": doc("paper", "Advertisement " + text, "2031-05-04", source="Daily Paper"),
            "other": doc("other", FLOOD.format(extra=FLOOD_EXTRA[0]), "2031-05-03")}
    stories = assign_stories(docs, [])
    assert docs["wire"]["story_id"] == docs["paper"]["story_id"] != docs["other"]["story_id"]
    assert docs["wire"]["copies"] == ["paper", "wire"] and docs["other"]["copies"] == []
    assert [s.copies for s in stories if "wire" in s.documents] == [[["paper", "wire"]]]


def _toll_claim(doc_id: str, text: str) -> dict:
    s = text.index("12")
    return {"doc_id": doc_id, "claim_id": doc_id, "text": text, "span": [0, len(text)], "section": "body",
            "entities": [], "dates": [], "attribution": None, "flags": {},
            "quantities": [{"text": "12", "span": [s, s + 2], "value": 12, "low": 12, "high": 12,
                            "approx": "exact", "kind": "count", "counted": "people", "predicate": "kill"}]}


def test_the_ledger_keeps_each_story_apart(tmp_path, capsys):
    docs, claims = corpus()
    claims += [_toll_claim("flood-0", "The flood killed 12 people."),
               _toll_claim("strike-0", "Clashes at the port killed 12 people.")]
    assign_stories(docs, claims)
    tables = build_ledger(claims, docs)
    assert [(t.measure, t.cls) for t in tables] == [("deaths", "all"), ("deaths", "all")]
    assert {t.story for t in tables} == {docs["flood-0"]["story_id"], docs["strike-0"]["story_id"]}
    # the story that began first comes first
    assert tables[0].story == docs["flood-0"]["story_id"]

    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs.values()))
    (tmp_path / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    assert main(["compare", str(tmp_path), "--jsonl", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Dam burst floods Vellmar (0)" in out and "untitled story" in out
    stories = [json.loads(x) for x in (tmp_path / "stories.jsonl").read_text().splitlines()]
    assert len(stories) == 2 and stories[0]["first_published"] == "2031-05-02"
    ledger = [json.loads(x) for x in (tmp_path / "ledger.jsonl").read_text().splitlines()]
    assert [x["story_id"] for x in ledger] == [s["story_id"] for s in stories]
    strike = stories[1]["story_id"]
    assert main(["compare", str(tmp_path), "--story", strike[:12], "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "untitled story" in out and "Dam burst" not in out


def test_tfidf_is_the_vectorizers_matrix_bit_for_bit():
    import numpy as np

    from pipeline.inspect.stories import _vectorizer, tfidf

    texts = [FLOOD.format(extra=x) + " ent_geo_1 ent_geo_1" for x in FLOOD_EXTRA] + \
            [STRIKE.format(extra=x) for x in STRIKE_EXTRA] + ["The the and of"]
    X, terms = tfidf(iter(texts))
    vec = _vectorizer()
    want = vec.fit_transform(texts)
    assert terms == list(vec.get_feature_names_out())
    assert np.array_equal(X.indptr, want.indptr) and np.array_equal(X.indices, want.indices)
    assert X.data.tobytes() == want.data.tobytes()


def test_a_document_that_names_other_countries_once_each_has_no_main_country_to_part_it(monkeypatch):
    # a live page on the Norland ferry names three countries once each (their donations):
    # no one of them is its main country, so it still links to the Norland articles
    docs, claims = {}, []
    for i, extra in enumerate(["The vessel was overloaded.", "Relatives waited at the port."]):
        d = f"ferry-{i}"
        docs[d] = doc(d, FERRY.format(place="Norland", extra=extra), "2031-05-02")
        claims.append(ent_claim(d, ("Norland", "GPE"), ("Norland", "GPE")))
    docs["live"] = doc("live", FERRY.format(place="the coast", extra="Ostmark, Sudria and Vell sent divers."),
                       "2031-05-03")
    claims.append(ent_claim("live", ("Ostmark", "GPE"), ("Sudria", "GPE"), ("Vell", "GPE")))
    gazetteer = {n: (n, "country") for n in ("Norland", "Ostmark", "Sudria", "Vell")}
    monkeypatch.setattr("pipeline.inspect.stories.admin_of", lambda e: gazetteer.get(e["text"]))
    assert len(find_stories(docs, claims)) == 1
    # named twice, Ostmark is its main country, another country's: apart
    claims[-1] = ent_claim("live", ("Ostmark", "GPE"), ("Ostmark", "GPE"), ("Sudria", "GPE"))
    assert len(find_stories(docs, claims)) == 2


def test_pair_cosines_do_not_depend_on_the_chunk_size(monkeypatch):
    import numpy as np

    from pipeline.inspect import stories
    from pipeline.inspect.stories import _cosines, tfidf

    texts = [FLOOD.format(extra=x) for x in FLOOD_EXTRA] + [STRIKE.format(extra=x) for x in STRIKE_EXTRA]
    X, _ = tfidf(iter(texts))
    pairs = np.array([(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))], dtype=np.int64)
    whole = _cosines(X, pairs)
    monkeypatch.setattr(stories, "PAIR_CHUNK", 2)   # eight chunks of two pairs and one of one
    chunked = _cosines(X, pairs)
    assert chunked.tobytes() == whole.tobytes()
    want = (X @ X.T).toarray()[pairs[:, 0], pairs[:, 1]]
    assert np.allclose(whole, want) and whole[0] > 0.5 > whole[len(FLOOD_EXTRA)]   # flood-flood high, flood-strike low


def test_candidate_pairs_are_the_same_however_often_the_codes_are_folded(monkeypatch):
    from sklearn.feature_extraction.text import TfidfVectorizer

    # many blocks repeat the same pairs: folding after every block must drop exactly the repeats
    texts = ["vellmar dam burst", "vellmar dam burst flood", "vellmar dam", "caldera dock strike", "caldera dock"]
    vec = TfidfVectorizer()
    X, vocab, days = vec.fit_transform(texts), list(vec.get_feature_names_out()), [100, 101, 102, 103, 104]
    s = dataclasses.replace(settings(), window_days=30)
    once = _candidate_pairs(X, vocab, days, s).tolist()
    monkeypatch.setattr("pipeline.inspect.stories.FOLD_PAIRS", 0)
    assert _candidate_pairs(X, vocab, days, s).tolist() == once == [[0, 1], [0, 2], [1, 2], [3, 4]]


def test_signature_is_datasketch_minhash_of_the_shingles():
    from datasketch import MinHash

    from pipeline.inspect.stories import _WORDS, _permutations, settings, signature

    s = settings()
    perms = _permutations(s)
    assert perms.tolist() == MinHash(num_perm=s.num_perm).permutations.tolist()
    for text in ("The river rose overnight and the town hall was closed to visitors until Friday morning.",
                 "Café owners in the old quarter said the water reached the second step of the stairs " * 3,
                 "too short", ""):
        words = [w.casefold() for w in _WORDS.findall(text)]
        shingles = {" ".join(words[k:k + s.shingle_words]) for k in range(max(1, len(words) - s.shingle_words + 1))}
        m = MinHash(num_perm=s.num_perm)   # its own permutations: ours must be the same
        m.update_batch([sh.encode("utf-8") for sh in shingles if sh])
        assert signature(text, s, perms).tolist() == m.hashvalues.tolist()
