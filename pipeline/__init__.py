"""newsclaims: turn scraped news articles into structured, attributable, hedge-aware claims.

Stages, in the order data flows (one module or package each): :mod:`pipeline.ingest` →
:mod:`pipeline.clean` → :mod:`pipeline.analyze` (spaCy) → :mod:`pipeline.extraction`
→ :mod:`pipeline.attribution` → :mod:`pipeline.hedging` → :mod:`pipeline.emit`;
:mod:`pipeline.stages` runs the analysis stages on one parsed document,
:mod:`pipeline.engine` runs batches and :mod:`pipeline.runs` directory runs
(docs/architecture.md).

The public API is :func:`extract` for one text and the spaCy component ``"claims"``
(:mod:`pipeline.component`). Heavy imports (spaCy, quantulum3, dateparser) are
deferred so that ``import pipeline`` and ``newsclaims --help`` stay fast.
"""
from __future__ import annotations

from typing import Any

from .version import SCHEMA_VERSION, __version__

__all__ = ["extract", "process_text", "__version__", "SCHEMA_VERSION"]


def extract(text: str, *, published: str | None = None, title: str | None = None,
            doc_id: str | None = None, html: bool = False, all_sentences: bool = False,
            keep_all: bool = False, model: str | None = None) -> list[dict[str, Any]]:
    """Extract claim records (see docs/schema.md) from one article.

    ``text`` is plain text, or HTML when ``html=True``. ``published`` is an ISO date
    used to resolve relative dates. Offsets in the records index into the text
    returned as ``documents.text`` by :func:`process_text` (for plain text: ``text``
    itself). ``keep_all`` turns cleaning off (every line is article text).
    """
    return process_text(text, published=published, title=title, doc_id=doc_id, html=html,
                        all_sentences=all_sentences, keep_all=keep_all, model=model)["claims"]


def process_text(text: str, *, published: str | None = None, title: str | None = None,
                 doc_id: str | None = None, html: bool = False, all_sentences: bool = False,
                 keep_all: bool = False, model: str | None = None) -> dict[str, Any]:
    """Like :func:`extract`, but return ``{"document": <documents.jsonl record>, "claims": [...]}``."""
    from .engine import process_one
    return process_one(text, published=published, title=title, doc_id=doc_id, html=html,
                       all_sentences=all_sentences, keep_all=keep_all, model=model)
