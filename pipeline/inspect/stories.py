"""Stories: documents about one event, found over a whole corpus; and syndicated copies.

Run on the output of ``newsclaims extract`` (documents and claims), as a corpus-level
step of ``compare`` and of the real-world evaluation. Rules (docs/ledger.md,
"Stories"; settings in ``models/ledger/stories.json``):

* **Copies.** MinHash signatures of each document's word shingles, looked up in an
  LSH index (datasketch): documents whose estimated Jaccard similarity reaches
  ``copy_jaccard`` are one syndicated copy group, and always one story.
* **Features.** A TF-IDF vector (scikit-learn) of each document's kept words plus its
  claims' named entities (one token per ``entity_id``), so a shared place or body
  weighs like a rare word.
* **Blocking.** Two documents are compared only when they share a *key* (one of the
  ``block_keys`` heaviest entities or words of either) and their publication dates
  are at most ``window_days`` apart (an undated document can join any date). Inside a
  key's block documents are sorted by date and only neighbours in the window are
  paired, so the work grows with the corpus, not with its square.
* **Places.** Two documents whose main countries (the one each names most) differ,
  while neither names the other's, are never linked (:func:`_same_country`).
* **Linking.** Pairs whose cosine similarity reaches ``link_cosine`` are linked; a
  story is a connected component of links and copy groups (single link: the later
  articles of a long story link to the earlier ones through the middle ones).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from ..resources import load_json
from .scope import admin_of

#: entity labels that name what a story is about (places, bodies, people, events)
STORY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_WORDS = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class StorySettings:
    copy_jaccard: float
    shingle_words: int
    num_perm: int
    window_days: int
    block_keys: int
    undated_partners: int
    link_cosine: float
    top_names: int


@lru_cache(maxsize=1)
def settings() -> StorySettings:
    raw = load_json("ledger", "stories.json")
    return StorySettings(**{k: v for k, v in raw.items() if not k.startswith("_")})


@dataclass
class Story:
    story_id: str
    title: str | None
    documents: list[str]
    copies: list[list[str]]
    first: str | None
    last: str | None
    places: list[str]
    entities: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"story_id": self.story_id, "title": self.title, "documents": self.documents,
                "copies": self.copies, "first_published": self.first, "last_published": self.last,
                "places": self.places, "entities": self.entities}


def _kept_text(doc: dict[str, Any]) -> str:
    text = str(doc.get("text") or "")
    kept = doc.get("kept")
    return " ".join(text[s:e] for s, e in kept) if kept else text


def _entity_token(e: dict[str, Any]) -> str:
    return _token_of(str(e.get("entity_id") or e.get("norm") or e.get("text") or ""))


@lru_cache(maxsize=1 << 14)
def _token_of(ident: str) -> str:
    """One alphanumeric token per entity, so the word tokenizer keeps it whole.

    Why (speed): the scan makes one for every entity mention of every claim, mostly of
    the same few entities (docs/scaling.md, "Session 9"); the cache is bounded (some
    3 MB at most), not one entry per entity of the corpus."""
    return "ent_" + _NON_WORD.sub("_", ident.casefold()).strip("_")


_NON_WORD = re.compile(r"\W+")


def _day(doc: dict[str, Any]) -> int | None:
    return _ordinal(doc.get("published"))


def _ordinal(published: Any) -> int | None:
    try:
        return dt.date.fromisoformat(str(published)[:10]).toordinal()
    except ValueError:
        return None


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        # the smaller index is the root: a group is named by its first member, whatever the order of joins
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)


def _permutations(s: StorySettings) -> Any:
    """The MinHash permutations of ``s``, drawn once per run, not per text: datasketch's
    (``MinHash(num_perm)``, seed 1), drawn as its ``MinHash._init_permutations`` draws them.

    Why (speed): importing datasketch imports ``scipy.integrate`` (for its LSH parameters),
    some 1.2 s of CPU in each pool worker that signs documents, which needs only these
    numbers (docs/scaling.md, "Session 9"); ``tests/test_stories.py`` checks they are
    datasketch's."""
    import numpy as np

    gen = np.random.RandomState(_SEED)
    return np.array([(gen.randint(1, _MERSENNE, dtype=np.uint64), gen.randint(0, _MERSENNE, dtype=np.uint64))
                     for _ in range(s.num_perm)], dtype=np.uint64).T


def signature(text: str, s: StorySettings, permutations: Any = None) -> Any:
    """The MinHash signature (its hash values, each below 2**32) of the word shingles of
    ``text``: datasketch's ``MinHash.update_batch`` over them, the same values.

    Why (speed): datasketch hashes each shingle in a Python call of its own (SHA-1's first
    four bytes, little-endian); hashing them in one pass and reading the bytes as one
    array, and taking the remainder below without a division, takes some 13% off signing,
    15% of ``compare``'s CPU time on the 10,000-document ledger-scale bench (cProfile;
    docs/scaling.md, "Less CPU per figure")."""
    import numpy as np

    words = [w.casefold() for w in _WORDS.findall(text)]
    shingles = {" ".join(words[k:k + s.shingle_words]) for k in range(max(1, len(words) - s.shingle_words + 1))}
    a, b = permutations if permutations is not None else _permutations(s)
    sha1 = hashlib.sha1
    hashed = b"".join([sha1(sh.encode("utf-8")).digest()[:4] for sh in shingles if sh])
    if not hashed:      # no shingle: datasketch's empty signature, every value its maximum
        return np.full(len(a), _MAX_HASH, dtype="uint32")
    # datasketch's permutation of each hash, (a·h + b) mod 2**64 mod (2**61 - 1), then the
    # least per permutation. The prime is a Mersenne one: x mod p is (x & p) + (x >> 61),
    # less p once if that reaches p (x - p wraps round when it does not, so the smaller of
    # the two is the remainder): a division per value was half the permutations' time
    prime, top = np.uint64(_MERSENNE), np.uint64(_MAX_HASH)
    x = np.frombuffer(hashed, dtype="<u4").astype(np.uint64)[:, None] * a
    x += b
    y = x & prime
    x >>= np.uint64(61)
    y += x
    np.subtract(y, prime, out=x)    # in place: each (shingles × permutations) array costs page faults
    np.minimum(y, x, out=y)
    y &= top
    # the values are below 2**32 after the mask, so the 32-bit array holds them
    return y.min(axis=0).astype("uint32")


#: datasketch's MinHash constants: the permutations' prime modulus, the largest hash
_MERSENNE = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
#: datasketch's default seed of a MinHash's permutations
_SEED = 1


def copy_groups_of(signatures: list[Any], s: StorySettings | None = None) -> list[int]:
    """Index of each signature's copy group (the smallest index in it): the candidates of
    datasketch's LSH (any band of the signature equal, bands as ``MinHashLSH`` cuts them
    for ``copy_jaccard``), kept when their estimated Jaccard similarity reaches it.

    Only the signatures and one band's buckets at a time are held, not an LSH index of
    every document (the index and a MinHash object per document grew by some 3 KB a
    document); the pairs, and so the groups, are those of querying the index."""
    import numpy as np
    from datasketch import MinHashLSH

    s = s or settings()
    union = _Union(len(signatures))
    for lo, hi in MinHashLSH(threshold=s.copy_jaccard, num_perm=s.num_perm).hashranges:
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for i, sig in enumerate(signatures):
            buckets[sig[lo:hi].tobytes()].append(i)
        for members in buckets.values():
            for k, i in enumerate(members):
                for j in members[:k]:
                    # the index only promises likely matches: checked on the estimate
                    if union.find(i) != union.find(j) and \
                            float(np.count_nonzero(signatures[i] == signatures[j])) / s.num_perm >= s.copy_jaccard:
                        union.join(i, j)
    return [union.find(i) for i in range(len(signatures))]


def copy_groups(texts: list[str], s: StorySettings | None = None) -> list[int]:
    """Index of each text's copy group (the smallest index in it): MinHash LSH on word shingles."""
    s = s or settings()
    perms = _permutations(s)
    return copy_groups_of([signature(t, s, perms) for t in texts], s)


def _block_keys(X: Any, vocab: list[str], s: StorySettings) -> tuple[Any, Any, Any]:
    """(key column, document, the key's weight in it) of each blocking key: the ``block_keys`` heaviest entities
    and, separately, the heaviest words of each document (ties: the later column), so a
    document with many entities still blocks on its rare words, and the other way round.
    Grouped by column, documents in order."""
    import numpy as np

    is_entity = np.fromiter((t.startswith("ent_") for t in vocab), dtype=bool, count=len(vocab))
    keys, docs, heft = array("i"), array("i"), array("d")
    for i in range(X.shape[0]):
        cols, weights = X.indices[X.indptr[i]:X.indptr[i + 1]], X.data[X.indptr[i]:X.indptr[i + 1]]
        for kind in (is_entity[cols], ~is_entity[cols]):
            c, w = cols[kind], weights[kind]
            top = np.lexsort((c, w))[::-1][:s.block_keys]
            keys.extend(c[top].tolist())
            heft.extend(w[top].tolist())
            docs.extend([i] * len(top))
    k, d = np.frombuffer(keys, dtype=np.int32), np.frombuffer(docs, dtype=np.int32)
    order = np.argsort(k, kind="stable")
    return k[order], d[order], np.frombuffer(heft, dtype=np.float64)[order]


def _block_pairs(members: Any, heft: Any, days: Any, s: StorySettings) -> Any:
    """The pairs of one block as ``(low, high)`` rows: dated members within the window of
    each other, and each undated member with the ``undated_partners`` other members that
    weigh the key the most (ties: the first), or all of them in a smaller block.

    Heuristic: with every member, an undated document's pairs grow with the block, so
    with the corpus: on the ledger-scale bench 170,183 of 197,600 pairs at 10,000
    documents (279 undated) and, quadratic, over 1.5 GB of pairs at 100,000. No block
    of the real-world set or of the bench's 1,000 documents is larger than the cap
    (at most 69 members): their stories are unchanged (B-cubed 1.000 dev / 1.000 test)."""
    import numpy as np

    window, cap = s.window_days, s.undated_partners
    dated = members[days[members] >= 0]
    dated = dated[np.lexsort((dated, days[dated]))]
    d = days[dated]
    lo = np.searchsorted(d, d - window, side="left")
    n = np.arange(len(dated)) - lo
    later = np.repeat(np.arange(len(dated)), n)
    earlier = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n) + np.repeat(lo, n)
    a, b = [dated[earlier]], [dated[later]]
    heaviest = members[np.lexsort((members, -heft))][:cap + 1]
    for i in members[days[members] < 0]:
        partners = members[members != i] if len(members) <= cap + 1 else heaviest[heaviest != i][:cap]
        a.append(np.full(len(partners), i))
        b.append(partners)
    a, b = np.concatenate(a), np.concatenate(b)
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


#: pair codes gathered from the blocks before they are folded (duplicates dropped).
#: Heuristic (memory): 4 million until the seventh session; see docs/scaling.md, "The story
#: step's peak"
FOLD_PAIRS = 1_000_000


def _candidate_pairs(X: Any, vocab: list[str], days: list[int | None], s: StorySettings) -> Any:
    """Pairs that share a blocking key and fall in the time window (see the module doc),
    as sorted ``(i, j)`` rows with ``i < j``: arrays, not a set of tuples (some 2 million
    pairs for the 100,000 documents of the ledger-scale bench)."""
    import numpy as np

    X = X.tocsr()
    n = X.shape[0]
    day = np.array([-1 if d is None else d for d in days], dtype=np.int64)
    keys, docs, heft = _block_keys(X, vocab, s)
    starts = np.flatnonzero(np.r_[True, np.diff(keys) != 0])
    ends = np.r_[starts[1:], len(keys)]
    codes, found = [], 0
    for a, b in zip(starts.tolist(), ends.tolist()):
        if b - a < 2:
            continue
        p = _block_pairs(docs[a:b].astype(np.int64), heft[a:b], day, s)
        codes.append(p[:, 0] * n + p[:, 1])
        found += len(p)
        if found > FOLD_PAIRS:   # the same pair comes from many blocks: fold as we go
            codes, found = [np.unique(np.concatenate(codes))], 0
    unique = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=np.int64)
    del codes
    out = np.empty((len(unique), 2), dtype=np.int64)
    if n:   # written into one buffer: ``np.stack`` of the two halves held them twice
        np.floor_divide(unique, n, out=out[:, 0])
        np.remainder(unique, n, out=out[:, 1])
    return out


def _top(counter: Counter, n: int) -> list[str]:
    return [name for name, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


class EntityIndex:
    """What the story step reads of the claims' entities, per document and interned: the
    TF-IDF tokens of its entities (claim order, repeats kept: they are term counts) and
    their ``(label, name)`` pairs (the story's places and entities). Ids in compact
    arrays, so a corpus of 100,000 documents holds a few bytes per mention, not a dict."""

    def __init__(self) -> None:
        self._tokens: dict[str, int] = {}
        self._names: dict[tuple[Any, str], int] = {}
        self._token_list: list[str] = []
        self._name_list: list[tuple[Any, str]] = []
        self.tokens_of: dict[str, Any] = {}
        self.names_of: dict[str, Any] = {}
        self._countries: dict[str, int] = {}
        self._country_list: list[str] = []
        self.countries_of: dict[str, Any] = {}

    @classmethod
    def of(cls, claims: Iterable[dict[str, Any]]) -> "EntityIndex":
        index = cls()
        for c in claims:
            index.add(c)
        return index

    def add(self, claim: dict[str, Any]) -> None:
        doc_id = str(claim.get("doc_id"))
        for e in claim.get("entities") or []:
            if e.get("label") not in STORY_LABELS:
                continue
            token, name = _entity_token(e), (e.get("label"), str(e.get("norm") or e.get("text")))
            self.tokens_of.setdefault(doc_id, array("i")).append(_intern(self._tokens, self._token_list, token))
            self.names_of.setdefault(doc_id, array("i")).append(_intern(self._names, self._name_list, name))
            if e.get("label") in PLACE_LABELS and (known := admin_of(e)) is not None:
                self.countries_of.setdefault(doc_id, array("i")).append(
                    _intern(self._countries, self._country_list, known[0]))

    def features(self, doc_id: str) -> str:
        """The entity tokens of a document, as :func:`find_stories` appends them to its
        words; read once (they are dropped: the counting holds them from then on)."""
        return " ".join(self._token_list[i] for i in self.tokens_of.pop(doc_id, ()))

    def names(self, doc_id: str) -> set[tuple[Any, str]]:
        return {self._name_list[i] for i in self.names_of.get(doc_id, ())}

    def home(self, doc_id: str) -> int:
        """The country a document names most often, as an interned id; -1 when it names
        none, or when two countries tie for the most (a live page that names three donor
        countries once each has no main country to part it from its story's articles).

        Heuristic: the tie rule: real-world story B-cubed dev 0.983 → 0.991 (the Sewol live
        page rejoins its story), ledger pairs F1 dev 0.6657 → 0.6689; test 1.000 and 0.5109
        unchanged (docs/ledger.md, "Stories")."""
        ids = self.countries_of.get(doc_id, ())
        if not ids:
            return -1
        counts = Counter(ids)
        top = counts.most_common(2)
        if len(top) > 1 and top[0][1] == top[1][1]:
            return -1
        return top[0][0]

    def names_country(self, doc_id: str, country: int) -> bool:
        return country in self.countries_of.get(doc_id, ())


def _intern(table: dict[Any, int], order: list[Any], key: Any) -> int:
    i = table.get(key)
    if i is None:
        i = table[key] = len(order)
        order.append(key)
    return i


class _Seen:
    """What the story step keeps of each document it reads (not its text): id, day,
    publication date and title, and the MinHash signature of its kept words."""

    def __init__(self, s: StorySettings) -> None:
        self.s, self.perms = s, _permutations(s)
        self.ids: list[str] = []
        self.days: list[int | None] = []
        #: ``(published, title)`` of each document: a tuple, not a dict (some 150 bytes
        #: less a document)
        self.meta: dict[str, tuple[Any, Any]] = {}
        self.signatures: list[Any] = []

    def features(self, docs: Iterable[tuple[str, dict[str, Any]]], ents: EntityIndex,
                 signatures: Iterable[Any] | None = None) -> Iterable[str]:
        """Each document's TF-IDF features (kept words, then its entity tokens), read one
        at a time: the vectorizer counts them as they come. ``signatures``: each
        document's, made beforehand (``None`` for one without text), else made here."""
        made = iter(signatures) if signatures is not None else None
        for d, doc in docs:
            text = _kept_text(doc)
            sig = next(made) if made is not None else None
            if not text.strip():
                continue
            self.ids.append(d)
            self.days.append(_day(doc))
            self.meta[d] = (doc.get("published"), doc.get("title"))
            self.signatures.append(sig if sig is not None else signature(text, self.s, self.perms))
            yield text + " " + ents.features(d)


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d]\w+\b")


def tfidf(features: Iterable[str]) -> tuple[Any, list[str]]:
    """``TfidfVectorizer.fit_transform`` of :func:`_vectorizer` over ``features`` (read
    once) and its feature names: the same matrix, counted into compact arrays.

    scikit-learn's counting keeps a Python list of column ids and copies the counts
    twice (36 bytes a term of a document at its peak, about 0.75 GB for the 100,000
    documents of the ledger-scale bench); here 16 at the peak and 12 kept. The steps are
    its own: columns numbered as first seen, each row's terms sorted by that number,
    then renumbered alphabetically (keeping that order), then ``TfidfTransformer``.
    ``tests/test_stories.py`` checks the matrix equals the vectorizer's, bit for bit."""
    import numpy as np
    from scipy.sparse import csr_matrix

    analyze = _vectorizer().build_analyzer()
    vocabulary: dict[str, int] = {}
    indices, counts, indptr = array("i"), array("d"), array("q", [0])
    for doc in features:
        counter: dict[int, int] = {}
        for term in analyze(doc):
            if (col := vocabulary.get(term)) is None:
                col = vocabulary[term] = len(vocabulary)
            counter[col] = counter.get(col, 0) + 1
        indices.extend(counter.keys())
        counts.extend(counter.values())
        indptr.append(len(indices))
    if not vocabulary:
        return csr_matrix((len(indptr) - 1, 0)), []
    X = csr_matrix((np.frombuffer(counts, dtype=np.float64), np.frombuffer(indices, dtype=np.int32),
                    np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, len(vocabulary)))
    X.sort_indices()
    terms = sorted(vocabulary)
    renumber = np.empty(len(terms), dtype=np.int32)
    for new, term in enumerate(terms):
        renumber[vocabulary[term]] = new
    # in place, a chunk at a time: ``take`` over all of them made a second copy of the
    # column ids (4 bytes a term of a document, some 90 MB at 100,000 documents)
    for k in range(0, X.nnz, 1 << 20):
        renumber.take(X.indices[k:k + (1 << 20)], out=X.indices[k:k + (1 << 20)])
    return _weigh(X), terms


def _weigh(X: Any) -> Any:
    """``TfidfTransformer(sublinear_tf=True)`` fitted on the counts ``X`` and applied in
    place, as its ``transform(X, copy=False)`` does, but the idf gathered a chunk of
    terms at a time (at once it is another 8 bytes a term of a document)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    idf = TfidfTransformer(sublinear_tf=True).fit(X).idf_
    np.log(X.data, X.data)
    X.data += 1.0
    for k in range(0, X.nnz, 1 << 20):
        X.data[k:k + (1 << 20)] *= idf[X.indices[k:k + (1 << 20)]]
    return normalize(X, norm="l2", copy=False)


def find_stories(documents: dict[str, dict[str, Any]], claims: Iterable[dict[str, Any]],
                 s: StorySettings | None = None) -> list[Story]:
    """The stories of a corpus (documents with an ``error`` and no text are left out)."""
    return stories_of(documents.items(), EntityIndex.of(claims), s)


def stories_of(docs: Iterable[tuple[str, dict[str, Any]]], ents: EntityIndex,
               s: StorySettings | None = None, signatures: Iterable[Any] | None = None) -> list[Story]:
    """:func:`find_stories` over ``(doc_id, record)`` pairs read once, in order (a stream
    of ``documents.jsonl``), and the claims' entities: only the term counts, the
    signatures and a few fields per document are held, never the texts. ``signatures``:
    the documents' MinHash signatures in the same order, when made beforehand
    (:func:`pipeline.inspect.stream.signatures_at`)."""
    s = s or settings()
    seen = _Seen(s)
    X, vocab = tfidf(seen.features(docs, ents, signatures))
    signatures = None   # read: seen holds them until the copy groups, then lets them go
    if not seen.ids:
        return []   # no document with text
    union = _Union(len(seen.ids))
    copies = copy_groups_of(seen.signatures, s)
    seen.signatures = []
    for i, g in enumerate(copies):
        union.join(i, g)
    pairs = _candidate_pairs(X, vocab, seen.days, s)
    homes = array("i", (ents.home(d) for d in seen.ids))
    _join_links(_same_country(_links(pairs, _cosines(X, pairs), s.link_cosine), seen.ids, homes, ents),
                seen.days, union)
    return _stories(seen.ids, seen.meta, ents, union, copies, s)


#: pairs whose cosine is computed at once: each pair copies both its rows. Heuristic
#: (memory): at 20,000 the two row copies and their product were some 220 MiB, the peak of
#: the story step on the ledger-scale bench whatever the corpus size; at 2,000 they are a
#: tenth of that, and the sums are the same (each pair's sum does not depend on the chunk;
#: CPU 1.07 -> 0.75 s for the 250,000 pairs of 20,000 documents)
PAIR_CHUNK = 2_000


def _cosines(X: Any, pairs: Any) -> Any:
    """The cosine of each pair (rows ``(i, j)``; rows of ``X`` are L2-normalised: their
    dot product), :data:`PAIR_CHUNK` pairs at a time: the rows of all pairs at once were
    1 GB of the 1.5 GB peak on the 10,000-document ledger-scale bench (197,600 pairs).
    Each sum is the same whatever the chunk (``tests/test_stories.py``)."""
    import numpy as np

    return np.concatenate([X[pairs[k:k + PAIR_CHUNK, 0]].multiply(X[pairs[k:k + PAIR_CHUNK, 1]]).sum(axis=1).A1
                           for k in range(0, len(pairs), PAIR_CHUNK)] or [np.zeros(0)])


def _links(pairs: Any, sims: Any, threshold: float) -> Iterable[tuple[int, int, float]]:
    """``(i, j, cosine)`` of the pairs at or above ``threshold``, made a chunk at a time:
    at once, as Python tuples, the 100,000 documents' links were a third of the story
    step's peak."""
    for k in range(0, len(pairs), PAIR_CHUNK):
        p, sim = pairs[k:k + PAIR_CHUNK], sims[k:k + PAIR_CHUNK]
        keep = sim >= threshold
        yield from zip(p[keep, 0].tolist(), p[keep, 1].tolist(), sim[keep].tolist())


def _same_country(links: Iterable[tuple[int, int, float]], ids: list[str], homes: Any,
                  ents: EntityIndex) -> Iterable[tuple[int, int, float]]:
    """The links between documents that may tell of one event by place: not two whose
    main countries (``homes``: the one each names most, -1 for none) differ while neither
    names the other's. Two ferry disasters, one in the Philippines and one in Indonesia,
    share most of their words ("ferry", "toll", "missing", "rescuers") and linked at the
    TF-IDF threshold; an event across borders still links, as its articles name each
    other's country. Measured: real-world story B-cubed 1.000 dev / 1.000 test unchanged."""
    for i, j, sim in links:
        hi, hj = homes[i], homes[j]
        if hi < 0 or hj < 0 or hi == hj or ents.names_country(ids[j], hi) or ents.names_country(ids[i], hj):
            yield i, j, sim


def _join_links(links: Iterable[tuple[int, int, float]], days: list[int | None], union: _Union) -> None:
    """Join linked documents; an undated document joins one story, never bridges two.

    Heuristic: an undated document is paired with its whole blocks (the window cannot
    apply), so it links to every dated article on its topic in any year; single link
    then chained different events of different years through it (on the bench's
    1,000-document replica of the real-world set one story held 338 documents of 10
    replicas). So an undated document with dated links joins only the most similar dated
    document (ties: the first); links between undated documents count only when neither
    has a dated link (a corpus with no dates at all still clusters as before).
    Measured: real-world story B-cubed unchanged (1.000 dev / 1.000 test).
    """
    best: dict[int, tuple[float, int]] = {}
    undated_pairs = array("q")
    for i, j, sim in links:
        if days[i] is not None and days[j] is not None:
            union.join(i, j)
        elif days[i] is None and days[j] is None:
            undated_pairs.extend((i, j))
        else:
            u, v = (i, j) if days[i] is None else (j, i)
            if u not in best or (sim, -v) > (best[u][0], -best[u][1]):
                best[u] = (sim, v)
    for u, (_, v) in sorted(best.items()):
        union.join(u, v)
    for i, j in zip(undated_pairs[::2], undated_pairs[1::2]):
        if i not in best and j not in best:
            union.join(i, j)


def _stories(ids: list[str], meta: dict[str, tuple[Any, Any]], ents: EntityIndex,
             union: _Union, copies: list[int], s: StorySettings) -> list[Story]:
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ids)):
        members[union.find(i)].append(i)
    out = []
    for group in members.values():
        docs = sorted(ids[i] for i in group)
        dates = sorted(str(meta[d][0])[:10] for d in docs if _ordinal(meta[d][0]) is not None)
        by_copy: dict[int, list[str]] = defaultdict(list)
        for i in group:
            by_copy[copies[i]].append(ids[i])
        places, names = Counter(), Counter()
        for d in docs:
            # document frequency: a name every article gives is the story's, not one article's
            for e in ents.names(d):
                (places if e[0] in PLACE_LABELS else names)[e[1]] += 1
        # the title is the earliest dated titled document's (the first report names the event)
        first_doc = min(docs, key=lambda d: (not meta[d][1], _ordinal(meta[d][0]) is None,
                                             _ordinal(meta[d][0]) or 0, d))
        story_id = "story:" + hashlib.sha1("\n".join(docs).encode("utf-8")).hexdigest()[:12]
        out.append(Story(story_id, meta[first_doc][1], docs,
                         sorted(sorted(c) for c in by_copy.values() if len(c) > 1),
                         dates[0] if dates else None, dates[-1] if dates else None,
                         _top(places, s.top_names), _top(names, s.top_names)))
    out.sort(key=lambda st: (st.first or "9999", st.story_id))
    return out


def assign_stories(documents: dict[str, dict[str, Any]], claims: Iterable[dict[str, Any]],
                   s: StorySettings | None = None) -> list[Story]:
    """:func:`find_stories`, and each document record gets ``story_id`` and ``copies``
    (the doc ids of its syndicated copy group, itself included; empty when it has none)."""
    stories = find_stories(documents, claims, s)
    for st in stories:
        group_of = {d: g for g in st.copies for d in g}
        for d in st.documents:
            documents[d]["story_id"] = st.story_id
            documents[d]["copies"] = group_of.get(d, [])
    return stories
