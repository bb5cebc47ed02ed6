"""Hard-wrapped copy: lines broken at a fixed width inside sentences.

Wire services and old archives deliver text cut into lines of about 60-80
characters, so one sentence spans several lines. The line rules decide line by
line; this pass then joins the kept pieces of consecutive wrapped lines into one
segment, so that the analysis sees running text (:func:`pipeline.analyze.analysis_text`
turns the newlines inside a segment into spaces; ``documents.text`` is unchanged and
every offset stays exact).

The decision reads line shapes, never strings:

* **width** (:func:`wrap_width`): the document is hard-wrapped when many line
  breaks inside paragraphs fall just under one width ``W``: the line before the
  break is at most ``W`` and at least ``W - wrap_band`` characters long
  (indentation counted, as a wrapping program counts it), the line after at most
  ``W``, and most of those breaks go on with a lower-case word. Lists, poems, a
  headline over a standfirst and paragraphs written one per line do not cluster so.
* **break** (:func:`_wraps`): in such a document the break after line ``i`` is a
  wrap when both lines are inside the same paragraph (no blank line, the next line
  not indented more, not a bullet or numbered item) and line ``i`` is full: in the
  band, or the next line's first word would not have fitted after it.
* **headline** (:func:`_headline_continues`): a headline broken over two lines is
  one headline when the given title is their joined text, or when the second line
  starts in lower case and nothing follows it in the same block.
* **removed line** (:func:`_removal_continues`): a removed line (a credit, a caption)
  that breaks off mid-sentence takes its wrapped continuation with it.

A heuristic, measured on the real-world test bed: figures detected F1 dev 0.920 ->
0.947 (test 0.885 -> 0.912), figure source dev 0.555 -> 0.569 (test 0.589 -> 0.612);
the removed line's continuation lifts junk recall dev 0.791 -> 0.795.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .lines import _BULLET, _SENT_END, _Doc, _Line, _Piece, _same_text
from .settings import CleanSettings

# A numbered list item ("1. ", "2) ", "(3) "): a new item, never a continuation.
_NUMBERED = re.compile(r"^\(?\d{1,3}[.)]\s")


def _line_start(text: str, ln: _Line) -> int:
    """Offset of the first character of ``ln``'s raw line (its indentation included)."""
    return text.rfind("\n", 0, ln.start) + 1


def _width(text: str, ln: _Line) -> int:
    """Columns ``ln`` takes, indentation included (what a wrapping program counts)."""
    return ln.end - _line_start(text, ln)


def _indent(text: str, ln: _Line) -> int:
    return ln.start - _line_start(text, ln)


def _breaks(doc: _Doc) -> list[tuple[int, int, int]]:
    """``(i, width of line i, width of line i + 1)`` for every break inside a block
    (two lines with no blank line between)."""
    lines, text = doc.lines, doc.text
    return [(i, _width(text, lines[i]), _width(text, lines[i + 1]))
            for i in range(len(lines) - 1) if not lines[i + 1].blank_before]


def wrap_width(doc: _Doc, settings: CleanSettings) -> int | None:
    """The width the document is hard-wrapped at, or None when it is not wrapped.

    Heuristic: the width ``W`` (a line length seen before a break) that the most
    breaks fit (line before in ``[W - wrap_band, W]``, line after ``<= W``); the
    document is wrapped when at least ``wrap_min_breaks`` breaks and a share
    ``wrap_min_share`` of the breaks after lines of ``wrap_min_width`` or more fit
    it, and a share ``wrap_min_lower`` of those breaks go on with a lower-case word (a
    sentence running on; a list of titles of one length starts every line with a
    capital). On the real-world dev split every wire-style article fits with 8 or more
    breaks (share >= 0.8, lower-case >= 0.7); the other articles fit 4 at most, all
    lists of titles that the lower-case share rules out, so three breaks (a short
    brief of two wrapped paragraphs) are enough.
    """
    band = settings.wrap_band
    breaks = sorted((a, b, doc.lines[i + 1].text[:1].islower()) for i, a, b in _breaks(doc)
                    if a >= settings.wrap_min_width)
    if len(breaks) < settings.wrap_min_breaks:
        return None
    widths = [a for a, _, _ in breaks]
    best: list[bool] = []
    best_w = None
    # each break lies in the window of at most band + 1 widths: linear in the lines
    for w in sorted(set(widths)):
        lo, hi = bisect_left(widths, w - band), bisect_right(widths, w)
        fit = [low for _, b, low in breaks[lo:hi] if b <= w]
        if len(fit) > len(best):
            best, best_w = fit, w
    n = len(best)
    if n < settings.wrap_min_breaks or n < settings.wrap_min_share * len(breaks) \
            or sum(best) < settings.wrap_min_lower * n:
        return None
    return best_w


def _new_item(text: str, a: _Line, b: _Line) -> bool:
    """Line ``b`` opens a paragraph or list item of its own: a bullet or number, or
    indented more than ``a`` (a first-line indent), unless it is ``a``'s bullet text's
    hanging indent."""
    if _BULLET.match(b.text) or _NUMBERED.match(b.text):
        return True
    ia, ib = _indent(text, a), _indent(text, b)
    if ib <= ia:
        return False
    m = _BULLET.match(a.text) or _NUMBERED.match(a.text)
    return not (m and ib == ia + m.end())


def _wraps(doc: _Doc, i: int, width: int, settings: CleanSettings) -> bool:
    """The break after line ``i`` is a wrap inside a sentence or paragraph (module
    docstring, "break")."""
    lines, text = doc.lines, doc.text
    a, b = lines[i], lines[i + 1]
    if b.blank_before or _new_item(text, a, b):
        return False
    wa, wb = _width(text, a), _width(text, b)
    if wa > width or wb > width:
        return False
    first = b.text.split(None, 1)[0]
    return wa >= width - settings.wrap_band or wa + 1 + len(first) > width


def _headline_continues(doc: _Doc, i: int, title: str | None) -> bool:
    """Line ``i + 1`` is the rest of headline line ``i`` (module docstring, "headline"):
    the given title is the two lines joined, or the second line starts in lower case,
    the first does not end a sentence, and the block ends after the second."""
    lines = doc.lines
    a, b = lines[i], lines[i + 1]
    if b.blank_before:
        return False
    if title and _same_text(a.text + " " + b.text, title):
        return True
    ends_block = i + 2 >= len(lines) or lines[i + 2].blank_before
    return b.text[:1].islower() and not _SENT_END.search(a.text) and ends_block \
        and not _SENT_END.search(b.text)


def _merged_section(first: str, second: str, words: int, settings: CleanSettings) -> str | None:
    """Section of a kept piece of section ``first`` joined with the next line's piece of
    section ``second``, or None when they do not join. A line the shape rules took for a
    sub-heading inside a wrapped paragraph is body; two heading pieces stay a heading
    while short."""
    if first == second == "key_points":
        return first
    if first in ("body", "heading") and second in ("body", "heading"):
        if first == second == "heading" and words <= settings.heading_max_words:
            return "heading"
        return "body"
    return None


def _removal_continues(doc: _Doc, i: int, width: int | None, settings: CleanSettings,
                       head: _Piece | None) -> bool:
    """The kept line after removed line ``i`` is the rest of its sentence: a wrap
    (:func:`_wraps`) after a line that does not end a sentence, so that a credit line or
    caption wrapped over two lines ("(Reporting by Jane Roe; Editing by John" / "Doe)")
    is removed whole."""
    return width is not None and head is not None and head.label in ("body", "heading") \
        and not _SENT_END.search(doc.lines[i].text) and _wraps(doc, i, width, settings)


def join_wrapped(doc: _Doc, settings: CleanSettings, title: str | None = None) -> None:
    """Join the kept pieces of wrapped lines into one piece spanning the lines (in
    ``doc.pieces``; the joined line's list loses its piece), and extend a removed line
    over the rest of its sentence. Only a piece that runs to the end of its line
    continues on the next line, and only with a piece that starts that line, so a
    removal between them (a bullet marker, a dateline) keeps them apart."""
    lines = doc.lines
    width = wrap_width(doc, settings)
    carry: _Piece | None = None  # the piece that ends line i - 1
    carry_words = 0
    for i, ln in enumerate(lines):
        pieces = doc.pieces[i]
        head = pieces[0] if pieces and pieces[0].keep and pieces[0].start == ln.start else None
        section = None
        if carry is not None and not carry.keep:
            section = carry.label if _removal_continues(doc, i - 1, width, settings, head) else None
        elif carry is not None and head is not None:
            if carry.label == "headline" and head.label != "headline":
                section = "headline" if _headline_continues(doc, i - 1, title) else None
            elif width is not None and _wraps(doc, i - 1, width, settings):
                section = _merged_section(carry.label, head.label, carry_words + ln.nw, settings)
        if section is not None and carry is not None and head is not None:
            carry.end, carry.label = head.end, section
            carry_words += ln.nw
            del pieces[0]
            if carry.keep and carry.label == "headline":
                carry = None  # a headline takes one continuation line
            continue
        last = pieces[-1] if pieces else None
        carry = last if last is not None and last.end == ln.end else None
        carry_words = ln.nw
