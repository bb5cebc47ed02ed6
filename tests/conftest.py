"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.analyze import load_model

    return load_model()


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))}
