"""Clean stage: decide which parts of a scraped text are the article.

Thin version: every non-blank line is kept as a ``body`` segment (its leading and
trailing whitespace excluded); nothing is removed. The full stage (issue 4) fills
this module; its interface stays :func:`clean` / :func:`html_to_text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Cleaned, Segment

IMPLEMENTED = False

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class CleanSettings:
    """Knobs of the clean stage (all have defaults that suit news pages)."""
    keep_all: bool = False          # keep every line: no removal at all
    html_favor: str = "balanced"    # trafilatura: "precision", "recall" or "balanced"


def _lines(text: str) -> list[Segment]:
    segments = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            segments.append(Segment(start, start + len(stripped), "body"))
    return segments


def clean(text: str, *, title: str | None = None, published: str | None = None,
          settings: CleanSettings | None = None) -> Cleaned:
    """Split ``text`` into kept segments and removals (thin: keep every line)."""
    return Cleaned(text=text, segments=_lines(text), title=title, published=published)


def html_to_text(html: str, settings: CleanSettings | None = None) -> str:
    """Main text of an HTML page, via trafilatura (no network access)."""
    import trafilatura

    settings = settings or CleanSettings()
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=False,
        favor_precision=settings.html_favor == "precision",
        favor_recall=settings.html_favor == "recall", with_metadata=False)
    return text or ""
