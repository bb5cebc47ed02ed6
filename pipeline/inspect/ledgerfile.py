"""What ``compare --jsonl`` writes and ``export`` tabulates: the ledger as story → groups
→ rows, versioned (docs/ledger.md, "ledger.jsonl"), and flat rows for the export tables.
"""
from __future__ import annotations

from typing import Any, Iterable

from .ledger import Measure

#: Version of the ``ledger.jsonl`` layout. 2: one line per story, its groups inside, each
#: with a ``summary`` (1 was one line per group).
LEDGER_VERSION = "2"


def by_story(measures: Iterable[Measure]) -> list[tuple[str | None, list[Measure]]]:
    """The groups of each story, stories in the ledger's order (the order they began)."""
    out: list[tuple[str | None, list[Measure]]] = []
    index: dict[str | None, int] = {}
    for m in measures:
        if m.story not in index:
            index[m.story] = len(out)
            out.append((m.story, []))
        out[index[m.story]][1].append(m)
    return out


def ledger_records(measures: Iterable[Measure], titles: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """One record per story that has groups: ``ledger_version``, ``story_id``, ``title``,
    ``groups`` (each :meth:`Measure.to_json`, with its ``summary`` and ``rows``)."""
    titles = titles or {}
    return [{"ledger_version": LEDGER_VERSION, "story_id": story, "title": titles.get(story or ""),
             "groups": [m.to_json() for m in groups]} for story, groups in by_story(measures)]


def ledger_rows(measures: Iterable[Measure]) -> list[dict[str, Any]]:
    """One flat row per ledger row (the ``ledger`` export table): its story and group key,
    the group's summary, and the row's own fields (timeline marks as row numbers)."""
    out = []
    for m in measures:
        s = m.summary()
        latest = {x.row for x in s.latest}
        for i, r in enumerate(m.rows):
            j = r.to_json()
            out.append({"story_id": m.story, "group": m.label, "measure": m.measure, "class": m.cls,
                        "country": m.country, "subplace": m.subplace, "time": m.time, "row": i,
                        **{k: j[k] for k in ("claim_id", "doc_id", "outlet", "source", "source_key", "text",
                                             "value", "approx", "stated", "replaces", "change", "disputed")},
                        "low": j["interval"][0], "high": j["interval"][1],
                        "denies": ";".join(map(str, r.denies)) or None,
                        "conflicts_with": ";".join(map(str, r.conflicts)) or None,
                        "latest_of_source": i in latest,
                        "group_low": s.low, "group_best": s.best, "group_high": s.high,
                        "group_conservative": s.conservative})
    return out


def story_rows(stories: Iterable[Any]) -> list[dict[str, Any]]:
    """One flat row per story (the ``stories`` export table); lists joined with ``;``."""
    out = []
    for st in stories:
        j = st.to_json()
        out.append({"story_id": j["story_id"], "title": j["title"], "n_documents": len(j["documents"]),
                    "documents": ";".join(j["documents"]), "n_copy_groups": len(j["copies"]),
                    "copies": " | ".join(";".join(c) for c in j["copies"]) or None,
                    "first_published": j["first_published"], "last_published": j["last_published"],
                    "places": ";".join(j["places"]) or None, "entities": ";".join(j["entities"]) or None})
    return out
