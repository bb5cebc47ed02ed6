"""Synthetic "appended stories" documents for evaluating the off-topic tail cut.

Aggregator pages paste other stories after the article, with or without chrome.
From the ScrapingHub article-extraction benchmark gold bodies
(``ground-truth.json``: id → ``{"articleBody", "url"}``) this module builds, for
each base article, a document made of the base body followed by 1-3 OTHER gold
bodies, in two variants:

* ``plain``: the bodies joined by blank lines, no marker at all;
* ``chrome``: a widget block after the article ("Related Articles", "Comments",
  "Share", …, some phrases deliberately NOT in the cleaner's cue lexicon) and,
  before each appended story, a publisher name and/or a relative time stamp
  ("3 hours ago") and a title made from the story's URL slug.

Gold kept ranges are the base body's ``[start, end)`` (the generator only adds
text after it). Choices are deterministic: a ``random.Random`` seeded with
``f"{seed}:{variant}:{base_id}"``.

Which pages are used (:func:`eligible`): bodies of at least ``min_chars``
characters (default 600: shorter ones are teasers or captions, and a tail cut
needs some article to compare with) whose text is English, judged by the share
of word tokens that are English stopwords (≥ 0.25; the English stopword list of
``models/clean/stopwords.txt``; non-English bodies score < 0.1).
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..resources import data_path

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
VARIANTS = ("plain", "chrome")
PUBLISHERS = ("Reuters", "Associated Press", "Business Insider", "The Guardian", "Bloomberg",
              "CNN", "Al Jazeera", "Fox News", "BBC News", "The Independent", "Newsweek", "AFP")
# Widget lines: a mix of phrases the cue lexicon knows and ones it does not.
WIDGETS = ("Related Articles", "You may also like", "Comments", "No comments yet...", "Share",
           "Advertisement", "More from {pub}", "Trending now", "Recommended for you",
           "Keep reading", "Around the network", "What others are reading", "Top picks",
           "Sponsored Stories", "Leave a comment", "Follow us on Twitter")
STAMPS = ("{n} hours ago", "{n} minutes ago", "{n} days ago", "Updated {n} hours ago",
          "{n}h ago", "Yesterday")


@dataclass
class Example:
    id: str
    variant: str
    text: str
    gold: list[tuple[int, int]]
    appended: list[str]


def _stopwords() -> frozenset[str]:
    lines = data_path("clean", "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def english_share(text: str, stop: frozenset[str]) -> float:
    words = [w.lower() for w in _WORD.findall(text)]
    return sum(w in stop for w in words) / len(words) if words else 0.0


def eligible(gold: dict[str, dict], min_chars: int = 600, min_english: float = 0.25) -> list[str]:
    """Ids of English bodies of at least ``min_chars`` characters, sorted."""
    stop = _stopwords()
    out = []
    for key in sorted(gold):
        body = (gold[key].get("articleBody") or "").strip()
        if len(body) >= min_chars and english_share(body, stop) >= min_english:
            out.append(key)
    return out


def _slug_title(url: str, body: str) -> str:
    """A headline from the URL slug ("new-suvs-and-electric-vehicles" → "New suvs and …")."""
    path = urlparse(url or "").path
    best = ""
    for part in path.split("/"):
        part = re.sub(r"\.\w+$", "", part)
        words = [w for w in re.split(r"[-_]+", part) if w and not w.isdigit() and len(w) < 20]
        if len(words) >= 3 and len(" ".join(words)) > len(best):
            best = " ".join(words)
    if not best:
        best = " ".join(body.split()[:8]).rstrip(".,;:")
    return best[:1].upper() + best[1:]


def make_example(base_id: str, gold: dict[str, dict], pool: list[str], variant: str,
                 seed: int = 0) -> Example:
    """One document: the base body, then 1-3 other bodies (``variant`` plain or chrome)."""
    rng = random.Random(f"{seed}:{variant}:{base_id}")
    others = rng.sample([k for k in pool if k != base_id], rng.randint(1, 3))
    base = gold[base_id]["articleBody"].strip()
    parts = [base]
    if variant == "chrome":
        pub = rng.choice(PUBLISHERS)
        widgets = rng.sample(WIDGETS, rng.randint(1, 4))
        parts.append("\n".join(w.format(pub=pub) for w in widgets))
    for other in others:
        body = gold[other]["articleBody"].strip()
        if variant == "chrome":
            head = []
            stamp = rng.choice(STAMPS).format(n=rng.randint(1, 12))
            style = rng.randrange(3)
            if style == 0:
                head = [stamp]
            elif style == 1:
                head = [rng.choice(PUBLISHERS), stamp]
            else:
                head = [stamp, "- " + rng.choice(PUBLISHERS)]
            head.append(_slug_title(gold[other].get("url", ""), body))
            body = "\n".join(head) + "\n" + body
        parts.append(body)
    text = "\n\n".join(parts)
    return Example(base_id, variant, text, [(0, len(base))], others)


def generate(data_dir: str | Path, variant: str, seed: int = 0, min_chars: int = 600,
             limit: int | None = None) -> Iterator[Example]:
    """Examples for every eligible base page of ``data_dir/ground-truth.json``."""
    gold = json.loads((Path(data_dir) / "ground-truth.json").read_text(encoding="utf-8"))
    pool = eligible(gold, min_chars)
    for key in pool[:limit]:
        yield make_example(key, gold, pool, variant, seed)


def appended_examples(data_dir: str | Path, variant: str = "plain", seed: int = 0
                      ) -> list[tuple[str, list[tuple[int, int]]]]:
    """``(text, gold kept char ranges)`` pairs (the brief's interface)."""
    return [(ex.text, ex.gold) for ex in generate(data_dir, variant, seed)]
