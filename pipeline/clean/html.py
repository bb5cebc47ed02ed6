"""HTML input of the clean stage: the page's main text, by trafilatura (no network
access), or the page's whole visible text when trafilatura cannot be trusted with it.

trafilatura keeps only the main content (measured on the ScrapingHub pages: 4-100% of
the visible text, as it should), so its output is not compared with the visible text
itself. What is compared is what its parser (lxml) saw: lxml gives up past about 255
nested elements and stops reading at an attribute of 10 MB (an inline ``data:``
image), losing the rest of the page. When lxml's tree holds less than
``_PARSED_SHARE`` of the visible text that :class:`_Visible` (the standard library's
tokenizer, with neither limit) reads, or when trafilatura returns nothing (a bare
fragment such as ``<p>…</p>``), the visible text is used instead: every text node
outside ``<script>``, ``<style>``, ``<template>``, ``<noscript>``, ``<title>`` and
``<iframe>``, one line per block element. ``<template>`` content, which a browser
never shows, is taken out of the tree trafilatura reads too.

With trafilatura's text the clean stage runs with ``source_format="html"``: it
already picked the main content, so only marker-led tails are cut (:mod:`.boundary`)
and the dateline is kept (:mod:`.zones`). The visible text is cleaned as a text is.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .settings import CleanSettings

#: elements whose content a browser does not show (``noscript``: scripting is on)
_HIDDEN = frozenset({"script", "style", "template", "noscript", "title", "iframe"})
_BLOCKS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th "
    "tr ul".split())
#: lxml's tree of an ordinary page holds all of its visible text (all 181 ScrapingHub
#: pages: 100%); below this share its parser gave up part of the way
_PARSED_SHARE = 0.9
_TREE_TEXT = ("//text()[not(" + " or ".join(f"ancestor::{tag}" for tag in sorted(_HIDDEN)) + ")]")


class _Visible(HTMLParser):
    """The text a browser shows: no depth limit, no attribute size limit, entities
    decoded (undefined ones, as a browser does, stay as written)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The page's visible text: one line per block, white space collapsed as a browser does."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _letters(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \n\t\r\f\v")


def extract_html(html: str | bytes, settings: CleanSettings | None = None) -> tuple[str, bool]:
    """``(text, fallback)``: trafilatura's main text of the page, or (``fallback`` true)
    the page's visible text when trafilatura's parser lost part of the page or
    trafilatura found nothing (see the module docstring)."""
    import trafilatura
    from trafilatura.utils import decode_file, load_html

    settings = settings or CleanSettings()
    page = decode_file(html) if isinstance(html, bytes) else html  # as trafilatura decodes it
    visible = visible_text(page)
    tree = load_html(page)
    text = ""
    if tree is not None:
        for template in tree.xpath("//template"):
            template.drop_tree()  # its tail, the text after it, stays
        parsed = sum(_letters(t) for t in tree.xpath(_TREE_TEXT))
        if parsed >= _PARSED_SHARE * _letters(visible):
            text = trafilatura.extract(
                tree, output_format="txt", include_comments=False,
                include_tables=settings.html_include_tables,
                favor_precision=settings.html_favor == "precision",
                favor_recall=settings.html_favor == "recall", with_metadata=False) or ""
    if text.strip():
        return text, False
    return visible, True


def html_to_text(html: str | bytes, settings: CleanSettings | None = None) -> str:
    """The text of an HTML page the pipeline analyses (:func:`extract_html`)."""
    return extract_html(html, settings)[0]
