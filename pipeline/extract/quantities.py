"""Quantities stated in a sentence (thin: none yet; issue 5 fills this module)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span

IMPLEMENTED = False


def find_quantities(sent: "Span", exclude: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in ``sent``; numbers inside the ``exclude`` char ranges (dates) are skipped."""
    return []
