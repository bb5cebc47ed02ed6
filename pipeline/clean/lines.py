"""Lines of a scraped text and the decisions taken on them.

A text is read as non-blank lines (:func:`_lines`), each with its words and a note
of whether a blank line precedes it. Every decision keeps or removes a piece of one
line (:class:`_Doc`): a whole line, or a line minus a leading prefix or bullet marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_BULLET = re.compile(r"^[•·▪◦●■►▶*+\-–—]\s+(?=\S)")
_WS = re.compile(r"\s+")
_NORM_DIGITS = re.compile(r"\d+(?:[.,:]\d+)*")
# edge punctuation, underscore rules ("_____More From Us_____") included
_NORM_EDGE = re.compile(r"^(?:[^\w#©]|_)+|(?:[^\w#©]|_)+$")


def _norm(s: str) -> str:
    """Lower-case, digits → ``#``, brackets and edge punctuation dropped, spaces collapsed."""
    s = s.lower().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[()\[\]{}]", " ", s)
    s = _NORM_DIGITS.sub("#", s)
    s = _WS.sub(" ", s).strip()
    return _NORM_EDGE.sub("", s)


def _same_text(a: str, b: str) -> bool:
    return _WS.sub(" ", re.sub(r"[^\w\s]", "", a.lower())).strip() == \
        _WS.sub(" ", re.sub(r"[^\w\s]", "", b.lower())).strip()


_SENT_END = re.compile(r"[.!?…;:。！？；：][\"'”’»)\]」』）]*$")
_QUESTION_END = re.compile(r"[?？][\"'”’»)\]」』）]*$")
# Scripts written without spaces: about two characters per word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


@dataclass
class _Line:
    start: int
    end: int
    text: str
    blank_before: bool
    words: list[str] = field(default_factory=list)

    # read once per line (a line's text never changes): the rules ask them of every line
    _nw: int | None = field(default=None, repr=False, compare=False)
    _end: bool | None = field(default=None, repr=False, compare=False)

    @property
    def nw(self) -> int:
        if self._nw is None:
            cjk = len(_CJK.findall(self.text))
            self._nw = max(len(self.words), cjk // 2) if cjk else len(self.words)
        return self._nw

    @property
    def sentence_end(self) -> bool:
        if self._end is None:
            self._end = bool(_SENT_END.search(self.text))
        return self._end

    @property
    def question(self) -> bool:
        return bool(_QUESTION_END.search(self.text))


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    prev_end = 0
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        blank = bool(out) and text.count("\n", prev_end, start) >= 2
        out.append(_Line(start, start + len(stripped), stripped, blank, _WORD.findall(stripped)))
        prev_end = start + len(stripped)
    return out


@dataclass
class _Piece:
    start: int
    end: int
    keep: bool
    label: str          # section when kept, reason when removed
    unit: bool = False  # a body unit that the off-topic pass may still remove


class _Doc:
    """Per-document decisions: pieces for each line, in order."""

    def __init__(self, text: str, lines: list[_Line]):
        self.text = text
        self.lines = lines
        self.pieces: list[list[_Piece]] = [[] for _ in lines]

    def drop(self, i: int, reason: str, start: int | None = None, end: int | None = None) -> None:
        ln = self.lines[i]
        self.pieces[i].append(_Piece(ln.start if start is None else start,
                                     ln.end if end is None else end, False, reason))

    def keep(self, i: int, section: str, start: int | None = None, unit: bool = False,
             end: int | None = None) -> None:
        ln = self.lines[i]
        self.pieces[i].append(_Piece(ln.start if start is None else start, ln.end if end is None else end,
                                     True, section, unit))

    def bullet(self, i: int, section: str, unit: bool = False) -> None:
        """Keep a bullet item's text; its marker becomes a ``boilerplate:bullet`` removal."""
        ln = self.lines[i]
        m = _BULLET.match(ln.text)
        if not m:
            self.keep(i, section, unit=unit)
            return
        marker_end = ln.start + len(m.group().rstrip())
        self.drop(i, "boilerplate:bullet", ln.start, marker_end)
        self.keep(i, section, ln.start + m.end(), unit)

