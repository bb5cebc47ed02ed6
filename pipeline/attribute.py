"""Attribute stage: who says so (thin: every claim in the outlet's own voice).

Issue 6 fills this module; its interface stays :func:`attribute_claims`, which
sets ``claim.attribution`` on the claims of one document (null = the outlet's
own voice).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

IMPLEMENTED = False


def attribute_claims(doc: "Doc", claims: list[Claim]) -> None:
    for claim in claims:
        claim.attribution = None
