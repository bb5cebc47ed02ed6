"""Zones of a scraped text: top zone (section labels, headline, key points), body
(paragraphs, sub-headings, bullets), and the metadata found there (datelines, dates,
bylines, tags), decided line by line by ordered rule tables.

1. **Top zone** (lines before the first sentence-like paragraph; ``_TOP_RULES``):
   section labels (short lines before the headline), the headline (first
   substantial title-like line, or the line equal to the given ``title``), its
   duplicate, date lines and leading date prefixes (→ ``published``), bylines
   (→ ``byline``), runs of short tag lines (→ ``tags``), kickers (kept, section
   ``heading``), "Key Points" labels (removed) and their bullets (kept, section
   ``key_points``).
2. **Line shape** in the body (``_BODY_RULES``): cue-lexicon lines
   (``boilerplate:<class>``), relative timestamps (``boilerplate:timestamp``; see
   :mod:`.boilerplate`), clock stamps (``metadata:time``), date lines, duplicate
   headline, photo captions and credits (``boilerplate:caption``), agency sign-offs
   (``metadata:byline``), embedded posts (``boilerplate:embed``; :mod:`.furniture`),
   bullet markers, trailing tag runs. Sub-headings (short lines without sentence punctuation, or short
   question lines) are article text: kept with section ``heading`` (the extract
   stage never makes them claims). The leading dateline of the first body
   paragraph in the lead ("DAMASCUS (Reuters) - ", "CONCORD, N.H. --"; :data:`_DATELINE`) is
   removed as ``metadata:dateline``, the rest of the line kept (docs/annotation.md
   §1.2). Text input only by default (``strip_dateline``): on the ScrapingHub HTML
   benchmark, whose gold keeps datelines in some bodies, stripping lowered shingle
   F1 (0.9602 → 0.9596), so ``html_strip_dateline`` is off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .boilerplate import _cue, _tag_like, _tag_run_end, _timestamp
from .furniture import (_caption, _clock_line, _credit_only, _editor_note, _embed_end, _entry_clock,
                        _entry_clocks, _update_clock)
from .lexicon import _Lexicon
from .lines import _BULLET, _WORD, _Doc, _Line, _norm, _same_text
from .settings import CleanSettings

_OPEN_QUOTE = "\"'“‘«„"

# A news dateline opening a story's first paragraph: a place ("DAMASCUS", "CONCORD,
# N.H.", "New York, NY", "Damascus (Reuters)", "COLOMBO/JAKARTA"), an optional date
# ("March 3", "Sep. 10") and agency in brackets, then a dash ("-", "--", "–", "—", "//";
# a bare hyphen only after a bracket, or after an ALL-CAPS place before a space or a quote:
# "(BBN)- ", "KHARTOUM- ", "KHARTOUM-'At least"; never "COVID-19", "USA-China") or,
# after an agency or an ALL-CAPS place, a colon ("PARIS: "; also "PARIS. "); then the sentence. An ALL-CAPS place needs nothing else; a
# Title Case place needs a ", Region" or an "(Agency)" so that "Mr Smith - who …" is
# not a dateline. An agency with a date and no place ("Sept 8 (Reuters) - ",
# "(Bloomberg) -- ") and a date before a bracketed place ("June 3, 2019 (RIVERTON) - ")
# are datelines too.
_DL_CAPS = r"[A-Z][A-Z.'’]{2,}(?:[\s/\-][A-Z][A-Z.'’]+){0,3}"
_DL_TITLE = r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}"
_DL_REGION = r",\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]+)?"
_DL_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DL_DATE = rf"(?:,?\s+{_DL_MONTH}(?:,\s*\d{{4}})?)?"
_DL_AGENCY = r",?\s*\([A-Z][\w.&'’ \-]{0,30}\)"
_DATELINE = re.compile(
    rf"^(?:{_DL_CAPS}(?:{_DL_REGION})?{_DL_DATE}(?:{_DL_AGENCY})?"
    rf"|{_DL_TITLE}{_DL_REGION}{_DL_DATE}(?:{_DL_AGENCY})?"
    rf"|{_DL_TITLE}{_DL_DATE}{_DL_AGENCY}"
    rf"|(?:{_DL_MONTH}(?:,\s*\d{{4}})?\s*)?{_DL_AGENCY.removeprefix(',?')})"
    r"(?:\s+-{1,2}\s+|\s*(?:--|[–—]|//)\s*|(?<=\))-\s*|(?<=[A-Z]{3})-(?:\s+|(?=[\"“‘'«]))|(?<=\)):\s+|(?<=[A-Z]{3})[.:]\s+)"
    r"(?=[\"“‘'«]?[A-Z0-9])")


def _dateline(text: str) -> int:
    """Length of a leading dateline prefix (dash and following spaces included), or 0."""
    m = _DATELINE.match(text)
    # A dateline is a prefix of a sentence, not a whole short line or most of one.
    if not m or len(_WORD.findall(text[m.end():])) < 4:
        return 0
    return m.end()


def _parse_date(m: re.Match, lex: _Lexicon) -> str | None:
    try:
        if m.group("iso"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        elif m.group("dmy"):
            y, mo, d = int(m.group("y1")), lex.months[m.group("m1").lower()], int(m.group("d1"))
        elif m.group("mdy"):
            y, mo, d = int(m.group("y2")), lex.months[m.group("m2").lower()], int(m.group("d2"))
        else:
            a, b, y = int(m.group("n1")), int(m.group("n2")), int(m.group("n3"))
            sep = m.group("num")[len(m.group("n1"))]
            # "19.11.2019" is day-first; "11/19/2019" month-first unless impossible.
            mo, d = (b, a) if sep == "." or a > 12 else (a, b)
        return date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


# The fields of a page's stamp line: "Published: 24 Apr 2013 | Last updated: …",
# "December 26, 2004 / 10:51 PM / CBS/AP".
_STAMP_FIELDS = re.compile(r"\s*\|\s*|\s+/\s+")
# Small words a credit or section field of a stamp line may hold ("Published in: Africa").
_CREDIT_SMALL = frozenset({"in", "and", "of", "the"})


def _credit_field(field: str) -> bool:
    """A stamp line's field that names who or where, not what: 1-4 words without digits,
    each capitalised or a small word ("Associated Press", "CBS/AP", "in Africa, News")."""
    words = _WORD.findall(field)
    return 1 <= len(words) <= 4 and not any(c.isdigit() for c in field) \
        and all(w[0].isupper() or w.lower() in _CREDIT_SMALL for w in words)


def _date_line(line: _Line, lex: _Lexicon) -> str | None:
    """ISO date of a line that is nothing but a date stamp, else None.

    Matches "Published: 12 March 2025", "Updated 3:45 PM EST, Mon March 10, 2025",
    "2024-02-06", "UPDATED: Tue., Nov. 19, 2019", and stamp lines of several fields
    ("Published: 24 Apr 2013 | Last updated: 26 Apr 2013, 04:10 PM", "December 26,
    2004 / 10:51 PM / CBS/AP", "June 6, 2019 at 10:31 am | Published in: Africa").
    Does not match a sentence that contains a date ("On March 10, 2025 the army said
    …"): after removing the dates, clock times, weekdays, time zones and cue words,
    every field ("|" or " / " separated) must be empty or a short credit
    (:func:`_credit_field`); a trailing "by <name>" credit may follow. The ISO date is
    the first date's.
    """
    if len(line.text) > 120:
        return None
    dates = list(lex.date_re.finditer(line.text))
    if not dates:
        return None
    rest, pos = [], 0
    for m in dates:
        rest.append(line.text[pos:m.start()])
        pos = m.end()
    rest.append(line.text[pos:])
    rest = re.sub(r"\bby\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,2}\s*$", " ", "  ".join(rest))
    for field in _STAMP_FIELDS.split(rest):
        left = lex.date_line_junk.sub(" ", field).strip()
        # a "By …" field is a byline's, and the byline rule takes the line
        if left and (not _credit_field(left) or lex.byline_prefix.match(left)):
            return None
    return _parse_date(dates[0], lex)


def _date_prefix(line: _Line, lex: _Lexicon) -> tuple[int, str | None] | None:
    """Length of a leading date stamp glued to a sentence (" date 2024-02-06 An ambush …").

    Only a cue word (optional) + a date (+ optional clock time) at the very start,
    followed by a capitalised word starting a sentence of at least four words.
    """
    cue = lex.date_cues.match(line.text)
    pos = cue.end() if cue else 0
    m = lex.date_re.match(line.text, pos)
    if not m:
        return None
    end = m.end()
    t = re.compile(r"\s*(?:,?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*[-–—|:]?\s*")
    tm = t.match(line.text, end)
    if tm:
        end = tm.end()
    rest = line.text[end:]
    if not rest or not rest[0].isupper() or len(_WORD.findall(rest)) < 4:
        return None
    return end, _parse_date(m, lex)


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_EMAIL_BRACKET = re.compile(r"[\[(<][^\])>]*@[^\])>]*[\])>]")
# Where a byline's names end and its time stamp begins: a "|", or a spaced dash before
# a number ("By Jane Doe - 3 March 2024").
_BYLINE_STAMP = re.compile(r"\s*\|\s*|\s+[-–—]\s+(?=[^|]*\d)")


def _byline(line: _Line, lex: _Lexicon, top: bool) -> str | None:
    """Byline text, or None.

    Matches "By Jane Doe and John Roe" / "By Jane Doe, Reuters" / "By Jane Doe |
    March 3, 2024, 01:47 PM" / "By Jane Doe [jane@example.com]" (a byline prefix
    followed by mostly capitalised name words, no sentence end) anywhere in the
    top zone, and, in the top zone only, short role fragments such as "BBC Middle
    East correspondent" or "Jane Doe, Staff Writer" (≤ 8 words, a role noun from
    the lexicon, no sentence end); a line that is only an e-mail address
    ("jane.doe@example.com", a wire reporter's sign-off). Does not match "By noon the
    army had left." nor "By Monday - 3 days on - the army had left."
    """
    text = line.text
    if _EMAIL.fullmatch(text):
        return text
    if len(text) > 160 or (line.sentence_end and not text.endswith(".")):
        return None
    m = lex.byline_prefix.match(text)
    if m:
        # "By Jane Doe | March 3, 2024", "By Jane Doe - 3 March 2024 - 14:51",
        # "By Jane Doe [jane.doe@example.com]": the names are before the stamp or address.
        who = _BYLINE_STAMP.split(_EMAIL_BRACKET.sub(" ", text[m.end():]), maxsplit=1)[0]
        names = [w for w in _WORD.findall(who)
                 if w.lower() not in {"and", "und", "et", "y", "e", "de", "van", "von", "der", "al", "la", "le", "da", "di", "bin"}]
        if names and len(names) <= 20 and text.rstrip(".")[-1:] not in ".!?" \
                and sum(w[0].isupper() for w in names) >= 0.75 * len(names) \
                and not (line.sentence_end and line.nw > 6):
            return who.strip()
        return None
    if top and line.nw <= 8 and not line.sentence_end and lex.byline_roles.search(text):
        return text
    return None


def _title_like(line: _Line) -> bool:
    """A headline shape: 2-30 words, at most 250 chars, not ending with a full stop."""
    t = line.text
    return 2 <= line.nw <= 30 and len(t) <= 250 and not re.search(r"(?<!\.)\.[\"'”’)]*$", t)


def _heading(line: _Line, settings: CleanSettings) -> bool:
    """A sub-heading or kicker inside the article.

    Matches short lines (≤ ``heading_max_words`` words) without sentence
    punctuation ("Conflict escalation", "FIGHTERS GO HOUSE TO HOUSE",
    "'STRIKE WITH AN IRON FIST'") and short questions that open a section
    ("Who are the dead?", ≤ 8 words, not quoted). Does not match lines that end
    with . ! : ; (sentences, list intros), quoted fragments in mixed case (likely
    a quotation) or bullet items.
    """
    t = line.text
    if line.nw == 0 or line.nw > settings.heading_max_words or len(t) > 120:
        return False
    if _BULLET.match(t):
        return False
    letters = [c for c in t if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    if t[0] in _OPEN_QUOTE and not caps:
        return False
    if line.question:
        return line.nw <= 8 and t[0] not in _OPEN_QUOTE
    return not line.sentence_end and not t.endswith(",")


def _heading_run(lines: list[_Line], i: int, settings: CleanSettings) -> int:
    """Length of the run of heading-shaped lines around line ``i``.

    A kicker + sub-heading pair (2) still reads as headings; 3 or more short
    lines in a row are a list (tour dates, specs, links) and stay body.
    """
    a = i
    while a > 0 and _heading(lines[a - 1], settings) and not _BULLET.match(lines[a - 1].text):
        a -= 1
    b = i + 1
    while b < len(lines) and _heading(lines[b], settings) and not _BULLET.match(lines[b].text):
        b += 1
    return b - a



def _sentence_like(line: _Line) -> bool:
    return (line.sentence_end and line.nw >= 4 and not line.question) or line.nw > 30 \
        or (line.question and line.nw > 8)


def _key_points(doc: _Doc, i: int) -> int:
    """Keep the items after a "Key Points" label as ``key_points``; returns the next line.

    Items are the following bullet-marked lines; without markers, the lines up to
    the next blank line.
    """
    lines = doc.lines
    j = i + 1
    if j < len(lines) and _BULLET.match(lines[j].text):
        while j < len(lines) and _BULLET.match(lines[j].text):
            doc.bullet(j, "key_points")
            j += 1
        return j
    while j < len(lines) and (j == i + 1 or not lines[j].blank_before) and lines[j].nw <= 40:
        doc.keep(j, "key_points")
        j += 1
    return j



# --------------------------------------------------------------------------- zone rules

@dataclass
class _Scan:
    """State of the line scan: the document, the data, ``meta`` (title, published,
    byline, tags, headline as found), and which zone is read (``in_top``). In the
    body: how many body paragraphs were kept (``seen_body``) and whether a "Tags:"
    cue line has opened a tag list (``tags_open``)."""
    doc: _Doc
    lex: _Lexicon
    settings: CleanSettings
    meta: dict
    title: str | None = None
    title_found: bool = False
    in_top: bool = True
    strip_dateline: bool = True
    strip_furniture: bool = True
    seen_body: int = 0
    tags_open: bool = False
    dateline_found: bool = False
    body_chars: int = 0
    live_clocks: bool | None = None   # entries open with a clock time (:func:`_entry_clocks`)


# A rule looks at line ``i`` and returns None when the line is not its case, else
# (the next line to read, whether the zone goes on). The first rule of the zone's
# table that answers decides the line.
_Step = tuple[int, bool] | None


def _past_cue(doc: _Doc, lex: _Lexicon, i: int) -> int:
    """The line after cue line ``i``, or after the items of a "Key Points" label."""
    return _key_points(doc, i) if _norm(doc.lines[i].text) in lex.key_points else i + 1


def _top_cue(s: _Scan, i: int) -> _Step:
    """A cue-lexicon line before the article -> ``boilerplate:<class>`` ("Advertisement",
    "World"); a "Key Points" label keeps its items (:func:`_key_points`)."""
    cls = _cue(s.doc.lines[i], s.lex)
    if cls is None:
        return None
    s.doc.drop(i, f"boilerplate:{cls}")
    return _past_cue(s.doc, s.lex, i), True


def _body_cue(s: _Scan, i: int) -> _Step:
    """A cue-lexicon line in the body -> ``boilerplate:<class>``; a "Tags: a, b" line ->
    ``metadata:tags`` (its tags kept) and a bare "Tags" line opens a tag list; after
    some body a tail-marker class ("Related stories", "Comments") is seen by the
    off-topic pass; a "Key Points" label keeps its items."""
    doc, lex, ln = s.doc, s.lex, s.doc.lines[i]
    cls = _cue(ln, lex)
    if cls is None:
        return None
    s.tags_open = cls == "tags"
    reason = f"boilerplate:{cls}"
    if cls == "tags" and ":" in ln.text and len(ln.text.split(":", 1)[1].strip()) > 0:
        s.meta["tags"].extend(t.strip() for t in re.split(r"[,;|]", ln.text.split(":", 1)[1]) if t.strip())
        reason = "metadata:tags"
    doc.drop(i, reason)
    if cls in lex.tail_markers and s.seen_body:
        doc.pieces[i][-1].unit = True  # marker: the off-topic pass sees it
        doc.pieces[i][-1].label = reason + "|marker"
    return _past_cue(doc, lex, i), True


def _timestamp_line(s: _Scan, i: int) -> _Step:
    """A relative time stamp ("2 hours ago") -> ``boilerplate:timestamp``; after some body
    it is also a marker the off-topic pass sees."""
    if not _timestamp(s.doc.lines[i], s.lex):
        return None
    s.doc.drop(i, "boilerplate:timestamp|marker" if s.seen_body else "boilerplate:timestamp")
    s.doc.pieces[i][-1].unit = bool(s.seen_body)
    return i + 1, True


def _open_tag_list(s: _Scan, i: int) -> _Step:
    """A tag-like line after a "Tags" cue line -> ``metadata:tags``. The list ends at
    the first line that is not tag-like."""
    ln = s.doc.lines[i]
    if not (s.tags_open and _tag_like(ln)):
        s.tags_open = False
        return None
    s.doc.drop(i, "metadata:tags")
    s.meta["tags"].append(ln.text)
    return i + 1, True


def _date_stamp_line(s: _Scan, i: int) -> _Step:
    """A line that is only a date stamp (:func:`_date_line`; in the top zone also a bare
    date) -> ``metadata:date``; before the first body paragraph it gives ``published``."""
    ln = s.doc.lines[i]
    iso = _date_line(ln, s.lex)
    if iso is None and not (s.in_top and s.lex.date_re.fullmatch(ln.text.strip(" .")) is not None):
        return None
    s.doc.drop(i, "metadata:date")
    if not s.seen_body:
        s.meta["published"] = s.meta["published"] or iso
    return i + 1, True


def _date_prefix_line(s: _Scan, i: int) -> _Step:
    """A date stamp glued to the first sentence (" date 2024-02-06 An ambush …") ->
    ``metadata:date`` (``published``), the rest of the line starts the body."""
    ln = s.doc.lines[i]
    pre = _date_prefix(ln, s.lex)
    if pre is None:
        return None
    end, iso = pre
    s.doc.drop(i, "metadata:date", ln.start, ln.start + len(ln.text[:end].rstrip()))
    s.meta["published"] = s.meta["published"] or iso
    s.doc.keep(i, "body", ln.start + end, unit=True)
    return i + 1, False


def _byline_line(s: _Scan, i: int) -> _Step:
    """A byline (:func:`_byline`; role fragments only in the top zone), in the top zone or
    before the second body paragraph -> ``metadata:byline`` (``byline``)."""
    by = _byline(s.doc.lines[i], s.lex, top=s.in_top) if s.seen_body < 2 else None
    if by is None:
        return None
    s.doc.drop(i, "metadata:byline")
    s.meta["byline"] = s.meta["byline"] or by
    return i + 1, True


def _caption_line(s: _Scan, i: int) -> _Step:
    """A photo caption ending in its credit (:func:`.furniture._caption`) or a line that is
    only a credit (:func:`.furniture._credit_only`) -> ``boilerplate:caption``; a line that is
    only an agency sign-off -> ``metadata:byline`` (``byline`` when none is known yet).
    Only when ``strip_furniture``."""
    ln = s.doc.lines[i]
    if not s.strip_furniture:
        return None
    kind = _credit_only(ln)
    if kind == "byline":
        s.doc.drop(i, "metadata:byline")
        s.meta["byline"] = s.meta["byline"] or ln.text.strip(" -–—|()")
        return i + 1, True
    if kind is None and not _caption(ln):
        return None
    s.doc.drop(i, "boilerplate:caption")
    return i + 1, True


def _embed_block(s: _Scan, i: int) -> _Step:
    """An embedded social-media post (:func:`.furniture._embed_end`) -> its lines
    ``boilerplate:embed``. Only when ``strip_furniture``."""
    end = _embed_end(s.doc.lines, i) if s.strip_furniture else None
    if end is None:
        return None
    for k in range(i, end):
        s.doc.drop(k, "boilerplate:embed")
    return end, True


def _clock_stamp(s: _Scan, i: int) -> _Step:
    """A clock time alone on a line, a live page's entry stamp (:func:`.furniture._clock_line`)
    -> ``metadata:time``."""
    if not _clock_line(s.doc.lines[i]):
        return None
    s.doc.drop(i, "metadata:time")
    return i + 1, True


def _note_line(s: _Scan, i: int) -> _Step:
    """A bracketed note to editors or viewers (:func:`.furniture._editor_note`:
    "(BEGIN VIDEO CLIP)", "(Adds details on prices)") -> ``metadata:note``.

    Heuristic; measured on the real-world dev split (transcript markers and wire
    revision notes)."""
    if not _editor_note(s.doc.lines[i]):
        return None
    s.doc.drop(i, "metadata:note")
    return i + 1, True


def _entry_stamp(s: _Scan, i: int) -> _Step:
    """A clock time opening a live page's entry ("2351 A survivor …", on a page with at
    least three such entries, :func:`.furniture._entry_clocks`) or an update stamp
    ("UPDATE 21:10: …") -> the stamp ``metadata:time``, the rest of the line body."""
    ln = s.doc.lines[i]
    cut = _update_clock(ln.text)
    if not cut and _entry_clock(ln.text):
        if s.live_clocks is None:
            s.live_clocks = _entry_clocks(s.doc.lines)
        cut = _entry_clock(ln.text) if s.live_clocks else 0
    if not cut or len(_WORD.findall(ln.text[cut:])) < 3:
        return None
    s.doc.drop(i, "metadata:time", ln.start, ln.start + len(ln.text[:cut].rstrip()))
    return _paragraph(s, i, ln.start + cut)


def _given_title(s: _Scan, i: int) -> _Step:
    """The line equal to the given ``title`` (among the first 15) -> kept as ``headline``."""
    ln = s.doc.lines[i]
    if not (s.title_found and s.meta["headline"] is None and _same_text(ln.text, s.title or "")):
        return None
    s.doc.keep(i, "headline")
    s.meta["headline"] = ln.text
    return i + 1, True


def _duplicate_headline(s: _Scan, i: int) -> _Step:
    """The headline again -> ``metadata:duplicate_headline``."""
    hl = s.meta["headline"]
    if hl is None or not _same_text(s.doc.lines[i].text, hl):
        return None
    s.doc.drop(i, "metadata:duplicate_headline")
    return i + 1, True


def _sentence_ends_top(s: _Scan, i: int) -> _Step:
    """A sentence-like line or a bullet item ends the top zone."""
    ln = s.doc.lines[i]
    return (i, False) if _sentence_like(ln) or _BULLET.match(ln.text) else None


def _shape_headline(s: _Scan, i: int) -> _Step:
    """Without a given title, the first title-like line of ≥ 3 words or ≥ 20 chars ->
    kept as ``headline`` (and ``title``)."""
    ln = s.doc.lines[i]
    if not (s.meta["headline"] is None and not s.title_found and _title_like(ln)
            and (ln.nw >= 3 or len(ln.text) >= 20)):
        return None
    s.doc.keep(i, "headline")
    s.meta["headline"] = ln.text
    s.meta["title"] = s.meta["title"] or ln.text
    return i + 1, True


def _before_headline(s: _Scan, i: int) -> _Step:
    """Before the headline: section labels / breadcrumbs ("World", "Review"; ≤ 6 words,
    or any line when the given title is further down) -> ``boilerplate:label``; a
    longer line ends the top zone."""
    if s.meta["headline"] is not None:
        return None
    if s.doc.lines[i].nw <= 6 or s.title_found:
        s.doc.drop(i, "boilerplate:label")
        return i + 1, True
    return i, False


def _tag_run(s: _Scan, i: int) -> _Step:
    """≥ 2 consecutive tag-like lines (:func:`_tag_like`) -> ``metadata:tags``: after the
    headline, or in the body when the run ends the document (only cue or time stamp
    lines after it)."""
    lines, lex = s.doc.lines, s.lex
    j = _tag_run_end(lines, i, lex)
    if j - i < 2 or not (s.in_top or j == len(lines)
                         or all(_cue(x, lex) or _timestamp(x, lex) for x in lines[j:])):
        return None
    for k in range(i, j):
        s.doc.drop(k, "metadata:tags")
        s.meta["tags"].append(lines[k].text)
    return j, True


def _bullet_item(s: _Scan, i: int) -> _Step:
    """A bullet item in the body -> kept as ``body``, its marker ``boilerplate:bullet``."""
    if not _BULLET.match(s.doc.lines[i].text):
        return None
    s.doc.bullet(i, "body", unit=True)
    return i + 1, True


def _kicker(s: _Scan, i: int) -> _Step:
    """A sub-heading or kicker (:func:`_heading`, at most two in a row) -> kept as
    ``heading``: article text, never a claim."""
    if not (_heading(s.doc.lines[i], s.settings) and _heading_run(s.doc.lines, i, s.settings) <= 2):
        return None
    s.doc.keep(i, "heading", unit=True)
    return i + 1, True


def _dateline_start(s: _Scan, i: int) -> _Step:
    """The leading dateline of the article's first paragraph (:func:`_dateline`), when
    ``strip_dateline``, in the lead (the first ``lead_chars`` of body; a caption or an
    agency line the rules did not know may come first) -> ``metadata:dateline``, the rest
    of the line kept as ``body``. Only the first dateline of a document."""
    ln = s.doc.lines[i]
    if not s.strip_dateline or s.dateline_found or s.body_chars >= s.settings.lead_chars:
        return None
    cut = _dateline(ln.text)
    if not cut:
        return None
    # The dateline prefix is not article text (docs/annotation.md §1.2); the rest of
    # the line is.
    s.doc.drop(i, "metadata:dateline", ln.start, ln.start + len(ln.text[:cut].rstrip()))
    s.dateline_found = True
    return _paragraph(s, i, ln.start + cut)


def _paragraph(s: _Scan, i: int, start: int | None = None) -> _Step:
    """Any other body line (from ``start``) -> kept as ``body``."""
    ln = s.doc.lines[i]
    s.doc.keep(i, "body", start, unit=True)
    s.seen_body += 1
    s.body_chars += ln.end - (ln.start if start is None else start)
    return i + 1, True


#: Top zone (lines before the first sentence-like paragraph), in order: cue lexicon,
#: time stamp, clock stamp, bracketed note, date line, date prefix glued to the first sentence, byline,
#: caption or credit, embedded post, the given title, duplicate of the headline, end of
#: the top zone (a sentence-like line), headline (first title-like line), label (a line before the headline), tag run,
#: kicker; a line no rule takes (a sentence-less standfirst) starts the body.
_TOP_RULES = (_top_cue, _timestamp_line, _clock_stamp, _note_line, _date_stamp_line, _date_prefix_line,
              _byline_line, _caption_line, _embed_block, _given_title, _duplicate_headline, _sentence_ends_top, _shape_headline,
              _before_headline, _tag_run, _kicker)
#: Body, in order: cue lexicon, time stamp, clock stamp, bracketed note, open tag list,
#: date line, duplicate headline, byline, caption or credit, embedded post, entry clock
#: stamp, leading dateline,
#: trailing tag run, bullet item, sub-heading, paragraph.
_BODY_RULES = (_body_cue, _timestamp_line, _clock_stamp, _note_line, _open_tag_list, _date_stamp_line,
               _duplicate_headline, _byline_line, _caption_line, _embed_block, _entry_stamp, _dateline_start,
               _tag_run, _bullet_item, _kicker, _paragraph)


def _read_zone(s: _Scan, rules: tuple, i: int) -> int:
    """Decide lines from ``i`` on, each by the first rule of ``rules`` that answers, until
    a rule ends the zone or none answers; returns the next line index."""
    while i < len(s.doc.lines):
        for rule in rules:
            step = rule(s, i)
            if step is not None:
                break
        else:
            return i
        i, goes_on = step
        if not goes_on:
            return i
    return i


def _top_zone(s: _Scan) -> int:
    """Decide the lines before the first sentence-like paragraph (``_TOP_RULES``);
    returns the index of the first body line."""
    s.title_found = s.title is not None and any(_same_text(ln.text, s.title) for ln in s.doc.lines[:15])
    return _read_zone(s, _TOP_RULES, 0)


def _body(s: _Scan, i: int) -> None:
    """Shape decisions for the lines from ``i`` on (``_BODY_RULES``)."""
    s.in_top = False
    _read_zone(s, _BODY_RULES, i)
