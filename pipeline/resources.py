"""Locate the project's data files (lexicons, patterns, schemas), and read a word list
as a pattern (:func:`word_alternation`).

In a source checkout or an editable install the data lives in ``<repo>/models``;
in a wheel install it is the data package ``pipeline.models``.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


def word_alternation(words: "Iterable[str]") -> str:
    """A regular expression for any of ``words`` as a whole word or phrase, the longest
    first ("the country's" before "the country"); uncompiled, to join into larger ones."""
    return r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"


def data_path(*parts: str) -> Path:
    """Path of a file under ``models/``, e.g. ``data_path("clean", "cues.json")``."""
    if _REPO_MODELS.is_dir():
        return _REPO_MODELS.joinpath(*parts)
    return Path(str(resources.files("pipeline.models").joinpath(*parts)))


@lru_cache(maxsize=None)
def load_json(*parts: str) -> Any:
    """Parsed JSON data file under ``models/`` (cached: lexicons are read once)."""
    with data_path(*parts).open(encoding="utf-8") as fh:
        return json.load(fh)


def schema_path(name: str) -> Path:
    """Path of a JSON Schema shipped in the package (``claims`` or ``documents``)."""
    return Path(__file__).resolve().parent / "schema" / f"{name}.schema.json"


def source_commit() -> str | None:
    """Short git commit of the source checkout these modules run from, or None (not a
    checkout, or no git): stamped on evaluation and benchmark results."""
    import subprocess

    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True, cwd=_REPO_MODELS.parent)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def gz_table(rows: list[tuple[Any, ...]]) -> bytes:
    """A table as written by the ``models/*/build_*.py`` scripts: one tab-joined line a
    row, sorted, gzipped without a timestamp, so a rerun gives the same bytes."""
    import gzip

    text = "".join("\t".join(map(str, row)) + "\n" for row in sorted(rows))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def table_main(argv: list[str] | None, doc: str, default_out: Path,
               rows: Callable[[], list[tuple[Any, ...]]], what: str) -> int:
    """Command line of a ``models/*/build_*.py`` script: write ``rows()`` with
    :func:`gz_table` to ``--out`` (default ``default_out``)."""
    import argparse

    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args(argv)
    table = rows()
    args.out.write_bytes(gz_table(table))
    print(f"{len(table)} {what} -> {args.out}")
    return 0
