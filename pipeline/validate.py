"""Check output records: JSON Schema validity and exact offsets.

``check_offsets`` walks a claim record and verifies every annotated span against
the document text: ``span`` ↔ ``text`` and every ``X_span`` ↔ ``X`` (``cue_span`` ↔
``cue``, ``source_span`` ↔ ``source``, ``counted_span`` ↔ ``counted``); spans with
no text of their own (``from_sentence``) must lie within the text.
"""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .records import is_span_key
from .resources import schema_path


@lru_cache(maxsize=2)
def _validator(name: str):
    from jsonschema import Draft202012Validator

    with schema_path(name).open(encoding="utf-8") as fh:
        return Draft202012Validator(json.load(fh))


def schema_errors(record: dict[str, Any], name: str) -> list[str]:
    """Messages for every way ``record`` breaks the ``claims`` or ``documents`` schema."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in _validator(name).iter_errors(record)]


def check_offsets(text: str, record: Any, where: str = "") -> list[str]:
    """Messages for every span in ``record`` that does not slice ``text`` to its field."""
    errors: list[str] = []
    if isinstance(record, list):
        for i, item in enumerate(record):
            errors += check_offsets(text, item, f"{where}[{i}]")
        return errors
    if not isinstance(record, dict):
        return errors
    for key, value in record.items():
        path = f"{where}.{key}" if where else key
        if is_span_key(key):
            if value is None:
                continue
            start, end = value
            if not 0 <= start <= end <= len(text):
                errors.append(f"{path}: {value} out of bounds (text length {len(text)})")
                continue
            field = "text" if key == "span" else key[: -len("_span")] if key.endswith("_span") else None
            if field and field in record and record[field] != text[start:end]:
                errors.append(f"{path}: text[{start}:{end}] = {text[start:end]!r} "
                              f"but {field} = {record[field]!r}")
        elif isinstance(value, (dict, list)):
            errors += check_offsets(text, value, path)
    return errors
