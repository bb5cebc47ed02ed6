"""Flat tables from claims: ``claims``, ``quantities``, ``entities``, ``attributions``
(CSV or Parquet).

Columns are fixed (docs/export.md) so that a table has the same shape whatever
the stages fill in: a field the schema has but a record lacks is empty/null, and
fields outside the schema are not exported.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Iterable

from .data import FLAG_NAMES, Output, figure_attribution, figure_flags

# (column, type) per table; types: str, int, float, bool
CLAIM_COLUMNS: list[tuple[str, str]] = [
    ("claim_id", "str"), ("doc_id", "str"), ("outlet", "str"), ("published", "str"),
    ("sentence_index", "int"), ("section", "str"), ("kind", "str"), ("text", "str"),
    ("span_start", "int"), ("span_end", "int"),
    ("n_quantities", "int"), ("n_entities", "int"), ("n_dates", "int"),
    *[(f"flag_{f}", "bool") for f in FLAG_NAMES],
    ("hedge_types", "str"), ("hedge_cues", "str"),
    ("attributed", "bool"), ("source", "str"), ("source_norm", "str"), ("source_type", "str"),
    ("source_id", "str"), ("source_start", "int"), ("source_end", "int"),
    ("cue", "str"), ("cue_start", "int"), ("cue_end", "int"), ("mode", "str"),
    ("addressee", "str"), ("via", "str"),
]
QUANTITY_COLUMNS: list[tuple[str, str]] = [
    ("claim_id", "str"), ("doc_id", "str"), ("index", "int"), ("text", "str"),
    ("span_start", "int"), ("span_end", "int"), ("value", "float"), ("low", "float"), ("high", "float"),
    ("approx", "str"), ("kind", "str"), ("unit", "str"), ("currency", "str"), ("iso", "str"),
    ("counted", "str"), ("counted_start", "int"), ("counted_end", "int"), ("predicate", "str"),
    ("source_norm", "str"), ("source_type", "str"), ("cites", "str"),
    ("revises", "str"), ("revises_value", "float"),
    *[(f"flag_{f}", "bool") for f in FLAG_NAMES],
]
ENTITY_COLUMNS: list[tuple[str, str]] = [
    ("claim_id", "str"), ("doc_id", "str"), ("index", "int"), ("text", "str"),
    ("span_start", "int"), ("span_end", "int"), ("label", "str"), ("norm", "str"), ("entity_id", "str"),
]
ATTRIBUTION_COLUMNS: list[tuple[str, str]] = [
    ("claim_id", "str"), ("doc_id", "str"), ("index", "int"), ("own", "bool"),
    ("source", "str"), ("source_norm", "str"), ("source_type", "str"), ("source_id", "str"),
    ("source_start", "int"), ("source_end", "int"), ("cue", "str"), ("cue_start", "int"), ("cue_end", "int"),
    ("mode", "str"), ("content", "str"), ("content_start", "int"), ("content_end", "int"), ("score", "float"),
]
STORY_COLUMNS: list[tuple[str, str]] = [
    ("story_id", "str"), ("title", "str"), ("n_documents", "int"), ("documents", "str"),
    ("n_copy_groups", "int"), ("copies", "str"), ("first_published", "str"), ("last_published", "str"),
    ("places", "str"), ("entities", "str"),
]
LEDGER_COLUMNS: list[tuple[str, str]] = [
    ("story_id", "str"), ("group", "str"), ("measure", "str"), ("class", "str"), ("country", "str"),
    ("subplace", "str"), ("time", "str"), ("row", "int"), ("claim_id", "str"), ("doc_id", "str"),
    ("outlet", "str"), ("source", "str"), ("source_key", "str"), ("text", "str"), ("value", "float"),
    ("approx", "str"), ("low", "float"), ("high", "float"), ("stated", "str"), ("replaces", "int"),
    ("change", "str"), ("disputed", "bool"), ("denies", "str"), ("conflicts_with", "str"),
    ("latest_of_source", "bool"), ("group_low", "float"), ("group_best", "float"), ("group_high", "float"),
    ("group_conservative", "float"),
]
TABLES = {"claims": CLAIM_COLUMNS, "quantities": QUANTITY_COLUMNS, "entities": ENTITY_COLUMNS,
          "attributions": ATTRIBUTION_COLUMNS, "stories": STORY_COLUMNS, "ledger": LEDGER_COLUMNS}


def _span(span: Any, i: int) -> int | None:
    return span[i] if isinstance(span, (list, tuple)) and len(span) == 2 else None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):  # a richer future value ("via" as an object): keep it readable
        import json

        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _attribution_columns(a: dict[str, Any]) -> dict[str, Any]:
    """Source, cue and mode columns of one attribution object (claims and attributions tables)."""
    return {"source": a.get("source"), "source_norm": a.get("source_norm"),
            "source_type": a.get("source_type"), "source_id": a.get("source_id"),
            "source_start": _span(a.get("source_span"), 0), "source_end": _span(a.get("source_span"), 1),
            "cue": a.get("cue"), "cue_start": _span(a.get("cue_span"), 0),
            "cue_end": _span(a.get("cue_span"), 1), "mode": a.get("mode")}


def claim_rows(output: Output, claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for c in claims:
        doc = output.documents.get(str(c.get("doc_id"))) or {}
        att = c.get("attribution") or {}
        flags = c.get("flags") or {}
        hedges = c.get("hedges") or []
        row = {"claim_id": c.get("claim_id"), "doc_id": c.get("doc_id"), "outlet": doc.get("source"),
               "published": doc.get("published"), "sentence_index": c.get("sentence_index"),
               "section": c.get("section"), "kind": c.get("kind"), "text": c.get("text"),
               "span_start": _span(c.get("span"), 0), "span_end": _span(c.get("span"), 1),
               "n_quantities": len(c.get("quantities") or []), "n_entities": len(c.get("entities") or []),
               "n_dates": len(c.get("dates") or []),
               **{f"flag_{f}": bool(flags.get(f)) for f in FLAG_NAMES},
               "hedge_types": ";".join(dict.fromkeys(str(h.get("type")) for h in hedges)) or None,
               "hedge_cues": ";".join(str(h.get("cue")) for h in hedges) or None,
               "attributed": bool(c.get("attribution")), **_attribution_columns(att),
               "addressee": att.get("addressee"), "via": att.get("via")}
        rows.append(row)
    return rows


def quantity_rows(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for c in claims:
        for i, q in enumerate(c.get("quantities") or []):
            att, flags = figure_attribution(c, q), figure_flags(c, q)
            rows.append({"claim_id": c.get("claim_id"), "doc_id": c.get("doc_id"), "index": i,
                         "text": q.get("text"), "span_start": _span(q.get("span"), 0),
                         "span_end": _span(q.get("span"), 1), "value": q.get("value"), "low": q.get("low"),
                         "high": q.get("high"), "approx": q.get("approx"), "kind": q.get("kind"),
                         "unit": q.get("unit"), "currency": q.get("currency"), "iso": q.get("iso"),
                         "counted": q.get("counted"), "counted_start": _span(q.get("counted_span"), 0),
                         "counted_end": _span(q.get("counted_span"), 1), "predicate": q.get("predicate"),
                         "source_norm": att.get("source_norm"), "source_type": att.get("source_type"),
                         "cites": "; ".join(q.get("cites") or []) or None,
                         "revises": (q.get("revises") or {}).get("text"),
                         "revises_value": (q.get("revises") or {}).get("value"),
                         **{f"flag_{f}": bool(flags.get(f)) for f in FLAG_NAMES}})
    return rows


def entity_rows(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for c in claims:
        for i, ent in enumerate(c.get("entities") or []):
            rows.append({"claim_id": c.get("claim_id"), "doc_id": c.get("doc_id"), "index": i,
                         "text": ent.get("text"), "span_start": _span(ent.get("span"), 0),
                         "span_end": _span(ent.get("span"), 1), "label": ent.get("label"),
                         "norm": ent.get("norm"), "entity_id": ent.get("entity_id")})
    return rows


def attribution_rows(claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claim's own attribution (``own`` true, index 0) and its ``other_attributions``."""
    rows = []
    for c in claims:
        own = [c["attribution"]] if c.get("attribution") else []
        for i, a in enumerate(own + list(c.get("other_attributions") or [])):
            rows.append({"claim_id": c.get("claim_id"), "doc_id": c.get("doc_id"), "index": i,
                         "own": bool(own) and i == 0, **_attribution_columns(a), "content": a.get("content"),
                         "content_start": _span(a.get("content_span"), 0),
                         "content_end": _span(a.get("content_span"), 1), "score": a.get("score")})
    return rows


def tables(output: Output, claims: list[dict[str, Any]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every table; ``stories`` and ``ledger`` run the story step and the ledger over
    ``claims`` (as ``compare`` does: docs/ledger.md)."""
    from .ledger import build_ledger
    from .ledgerfile import ledger_rows, story_rows
    from .stories import assign_stories

    claims = output.claims if claims is None else claims
    stories = assign_stories(output.documents, claims)
    return {"claims": claim_rows(output, claims), "quantities": quantity_rows(claims),
            "entities": entity_rows(claims), "attributions": attribution_rows(claims),
            "stories": story_rows(stories), "ledger": ledger_rows(build_ledger(claims, output.documents))}


def _coerce(value: Any, kind: str) -> Any:
    if value is None:
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except (TypeError, ValueError):
        return None
    if kind == "bool":
        return bool(value)
    return _str(value)


class MissingPyarrow(Exception):
    pass


def write_csv(rows: list[dict[str, Any]], columns: list[tuple[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([name for name, _ in columns])
        for row in rows:
            out = []
            for name, kind in columns:
                v = _coerce(row.get(name), kind)
                out.append("" if v is None else ("true" if v is True else "false" if v is False else v))
            w.writerow(out)


def write_parquet(rows: list[dict[str, Any]], columns: list[tuple[str, str]], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingPyarrow("Parquet export needs pyarrow: pip install pyarrow "
                             "(or pip install 'newsclaims[export]')") from None
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    data = {name: [_coerce(r.get(name), kind) for r in rows] for name, kind in columns}
    pq.write_table(pa.table(data, schema=schema), path)


def export(output: Output, outdir: str | Path, fmt: str, claims: list[dict[str, Any]] | None = None) -> dict[str, Path]:
    """Write one file per table into ``outdir``; return {table: path}."""
    if fmt == "parquet":  # fail before writing anything
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise MissingPyarrow("Parquet export needs pyarrow: pip install pyarrow "
                                 "(or pip install 'newsclaims[export]')") from None
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in tables(output, claims).items():
        path = outdir / f"{name}.{fmt}"
        tmp = path.with_name(f".{path.name}.tmp")
        (write_parquet if fmt == "parquet" else write_csv)(rows, TABLES[name], tmp)
        tmp.replace(path)  # never a half-written table under the final name
        written[name] = path
    return written
