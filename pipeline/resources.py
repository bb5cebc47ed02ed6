"""Locate the project's data files (lexicons, patterns, schemas).

In a source checkout or an editable install the data lives in ``<repo>/models``;
in a wheel install it is the data package ``pipeline.models``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_REPO_MODELS = Path(__file__).resolve().parent.parent / "models"


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
