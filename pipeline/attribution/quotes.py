"""Pair quotation marks into quote regions.

Matches straight (``"``), typewriter (``''``, ````` ``) and curly/angle (``“ ” „ « »``)
double quotes, and single
quotes (``‘ ’`` or ``'``) only in paragraphs without double quotes (elsewhere a
single mark is mostly an apostrophe). A paragraph is the text between newlines.

Conventions handled: a quotation left open at the end of a paragraph whose next
paragraph opens with a quote mark continues there (the English multi-paragraph
convention); the two regions form one *group* with one speaker. Degrades without
raising on unbalanced marks: an unclosed quote ends at its paragraph end, a
stray closing mark opens its region at the paragraph start, a stray opening mark
inside an open quote is ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

OPEN_D = "“„«"
CLOSE_D = "”»"
DOUBLES = OPEN_D + CLOSE_D + '"'
_BEFORE_OPEN = " \t([{—–-/:;,"  # characters that may precede an opening mark
_AFTER_CLOSE = " \t)]}.,;:!?—–-/…"


@dataclass
class Quote:
    """One quote region ``[start, end)`` (marks included); ``inner`` excludes the marks.

    ``group`` numbers the regions of one multi-paragraph quotation; ``para_start``
    is true when the region opens its paragraph (a "quote paragraph").
    """
    start: int
    end: int
    inner: tuple[int, int]
    group: int
    para_start: bool
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _role(text: str, i: int, ch: str, inside: bool) -> str | None:
    """``open``, ``close`` or None (not a quote mark here)."""
    if ch in OPEN_D:
        return "open"
    if ch in CLOSE_D:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch == '"':
        if prev in _BEFORE_OPEN or prev == "\n":
            return "open" if not (nxt in " \n" and inside) else "close"
        if nxt in _AFTER_CLOSE or nxt == "\n":
            return "close"
        return "close" if inside else "open"
    # single quotes: only word-initial opens and word-final closes
    if ch in "‘'" and (prev in _BEFORE_OPEN or prev == "\n") and nxt.isalnum():
        return "open"
    if ch in "’'" and not prev.isspace() and (nxt in _AFTER_CLOSE or nxt == "\n"):
        return "close"
    return None


def find_quotes(text: str) -> list[Quote]:
    """Quote regions of ``text`` in order (see the module docstring)."""
    # typewriter doubles ('' and ``, common in wire copy) act as one straight double
    # quote; replaced in a same-length copy so offsets stay valid
    text = text.replace("''", '" ').replace("``", '" ')
    quotes: list[Quote] = []
    group = -1
    carried = False  # the previous paragraph ended inside a quotation
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        if not para.strip():
            continue
        marks = DOUBLES if any(c in DOUBLES for c in para) else "‘’'"
        first = p_start + (len(para) - len(para.lstrip()))
        open_at: int | None = None
        for k, ch in enumerate(para):
            if ch not in marks:
                continue
            i = p_start + k
            role = _role(text, i, ch, open_at is not None)
            if role == "open" and open_at is None:
                open_at = i
                if not (carried and i == first):
                    group += 1
                carried = False
            elif role == "close":
                if open_at is None:
                    if ch == "'" or ch == "’":
                        continue  # a stray apostrophe, not a quotation
                    # stray closing mark: the quotation started at the paragraph start
                    group += 0 if carried else 1
                    quotes.append(Quote(first, i + 1, (first, i), group, True, True))
                    carried = False
                    continue
                quotes.append(Quote(open_at, i + 1, (open_at + 1, i), group,
                                    open_at == first, True))
                open_at = None
        carried = False
        if open_at is not None:
            end = p_start + len(para.rstrip())
            quotes.append(Quote(open_at, end, (open_at + 1, end), group, open_at == first, False))
            carried = marks == DOUBLES  # may continue in the next paragraph
    return quotes
