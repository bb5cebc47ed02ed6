"""Dates stated in a sentence (thin: none yet; issue 5 fills this module)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import DateRef

if TYPE_CHECKING:
    from spacy.tokens import Span

IMPLEMENTED = False


def find_dates(sent: "Span", published: str | None = None) -> list[DateRef]:
    """Dates in ``sent`` resolved against ``published`` (ISO date or None)."""
    return []
