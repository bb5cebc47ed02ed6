"""HTML input of the clean stage: the page's main text, by trafilatura (no network
access). The clean stage then runs on that text with ``source_format="html"``:
trafilatura already picked the main content, so only marker-led tails are cut
(:mod:`.boundary`) and the dateline is kept (:mod:`.zones`)."""
from __future__ import annotations

from .settings import CleanSettings


def html_to_text(html: str, settings: CleanSettings | None = None) -> str:
    """Main text of an HTML page, via trafilatura (no network access)."""
    import trafilatura

    settings = settings or CleanSettings()
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False,
        include_tables=settings.html_include_tables,
        favor_precision=settings.html_favor == "precision",
        favor_recall=settings.html_favor == "recall", with_metadata=False)
    return text or ""
