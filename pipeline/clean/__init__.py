"""Clean stage: decide which parts of a scraped text are the article.

The cleaner never edits the text: it returns kept *segments* (whole lines, or a
line minus a leading date prefix / bullet marker, or the lines of a hard-wrapped
paragraph) and *removals* with a reason,
all as ``[start, end)`` offsets into the original text, so that every
non-whitespace character is accounted for exactly once. It runs before spaCy and
is pure Python + regex over lines (well above 1M chars/s), driven by data files in
``models/clean/`` (cue lexicon, stopwords; see ``models/clean/README.md``).

Four passes, each with its rules stated in its module:

1. **Top zone** (:mod:`.zones`): section labels, headline, key points, dates,
   bylines, tags and kickers before the first sentence-like paragraph.
2. **Line shape** in the body (:mod:`.zones`, :mod:`.boilerplate`, :mod:`.furniture`):
   cue-lexicon lines, time stamps, clock stamps, date lines, bylines, photo captions
   and credits, embedded social-media posts, bracketed notes to editors, repeated
   paragraphs, rule lines, bullets, sub-headings, trailing tag runs, the dateline in the lead
   (also returned as ``Cleaned.dateline``).
3. **Off-topic tail** (:mod:`.boundary`): appended unrelated stories, after a
   marker line (a cue line, a second story's head, a datelined paragraph after the
   article, a transcript's turn to another item)
   or at the one unmarked boundary a global search finds. Story links
   under a "Related" head are removed after it (:func:`.zones.drop_links`), so the
   boundary search reads the page as before, and so is the run of short non-sentence
   lines that ends a plain-text page after the article's last sentence
   (:func:`.zones.drop_trailing`), and then the teaser paragraph of the page's last story
   link when nothing of the article follows it (:func:`.zones.drop_teaser`).
4. **Hard-wrapped lines** (:mod:`.wrap`): in text broken at a fixed width inside
   sentences, the kept pieces of a paragraph's lines become one segment (a headline
   over two lines one headline), and a removed line takes the rest of its sentence.

HTML input is first reduced to its main text (:mod:`.html`).
"""
from __future__ import annotations

from ..records import Cleaned, Removal, Segment
from .boundary import _off_topic
from .html import extract_html, html_to_text
from .lexicon import _lexicon
from .lines import _WS, _Doc, _lines
from .settings import CleanSettings
from .wrap import join_wrapped
from .zones import _body, _Scan, _top_zone, drop_links, drop_teaser, drop_trailing

__all__ = ["CleanSettings", "clean", "extract_html", "html_to_text"]


def clean(text: str, *, title: str | None = None, published: str | None = None,
          settings: CleanSettings | None = None, source_format: str = "text") -> Cleaned:
    """Split ``text`` into kept segments and removals (see the module docstring).

    ``source_format="html"`` says ``text`` came from :func:`html_to_text`
    (trafilatura already picked the main content): unmarked appended stories are
    then not looked for, only marker-led tails are cut.
    """
    settings = settings or CleanSettings()
    lines = _lines(text)
    if settings.keep_all:
        return Cleaned(text=text, segments=[Segment(ln.start, ln.end, "body") for ln in lines],
                       title=title, published=published)
    lex = _lexicon()
    doc = _Doc(text, lines)
    meta: dict = {"title": title, "published": None, "byline": None, "tags": [],
                  "headline": None, "dateline": None}
    html = source_format == "html"
    scan = _Scan(doc, lex, settings, meta, title=title,
                 strip_dateline=settings.html_strip_dateline if html else settings.strip_dateline,
                 strip_furniture=settings.html_strip_furniture if html else settings.strip_furniture)
    _body(scan, _top_zone(scan))
    _off_topic(doc, lex, settings, html=html)
    drop_links(scan)
    drop_trailing(scan)
    drop_teaser(scan)
    join_wrapped(doc, settings, title)
    return _assemble(doc, title=meta["title"], published=published or meta["published"],
                     byline=meta["byline"], tags=meta["tags"], dateline=_kept_dateline(doc, meta["dateline"]))


def _kept_dateline(doc: _Doc, dateline: dict | None) -> dict | None:
    """The dateline, unless the off-topic pass took the paragraph it opens (then it was an
    appended story's dateline, not the document's)."""
    if dateline is None:
        return None
    end = dateline["span"][1]
    for pieces in doc.pieces:
        for p in pieces:
            if p.start >= end:
                return dateline if p.keep or p.label != "off_topic" else None
    return dateline


def _preview(s: str) -> str:
    return _WS.sub(" ", s).strip()[:80]


def _assemble(doc: _Doc, **meta) -> Cleaned:
    segments: list[Segment] = []
    removed: list[Removal] = []
    text = doc.text
    for pieces in doc.pieces:
        for p in pieces:
            if p.end <= p.start:
                continue
            if p.keep:
                segments.append(Segment(p.start, p.end, p.label))  # type: ignore[arg-type]
                continue
            reason = p.label.removesuffix("|marker")
            prev = removed[-1] if removed else None
            # Consecutive removals with the same reason (e.g. a whole appended story)
            # become one removal, unless a kept segment lies between them.
            if prev and prev.reason == reason == "off_topic" and \
                    (not segments or segments[-1].end <= prev.start):
                prev.end = p.end
                prev.preview = _preview(text[prev.start:prev.end])
            else:
                removed.append(Removal(p.start, p.end, reason, _preview(text[p.start:p.end])))
    return Cleaned(text=text, segments=segments, removed=removed, **meta)

