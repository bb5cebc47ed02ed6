"""The data of the clean stage: the cue lexicon ``models/clean/boilerplate_cues.json``
(line phrases, prefixes, substrings per class; date words; byline prefixes and roles;
relative time stamps) and the stopwords ``models/clean/stopwords.txt``, compiled once
(see ``models/clean/README.md``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import data_path, load_json
from .lines import _norm


@dataclass
class _Lexicon:
    classes: dict[str, dict]
    line_res: list[tuple[re.Pattern, str]]
    prefix_res: list[tuple[re.Pattern, str]]
    contains: list[tuple[str, str]]
    key_points: set[str]
    tail_markers: set[str]
    max_chars: dict[str, int]
    timestamps: list[re.Pattern]
    byline_prefix: re.Pattern
    byline_roles: re.Pattern
    byline_outlets: re.Pattern   # a line ending in an outlet word ("VOA News", "Star Online Report")
    date_cues: re.Pattern
    months: dict[str, int]
    date_re: re.Pattern
    date_line_junk: re.Pattern
    stopwords: frozenset[str]
    agencies: str = ""     # regex alternation of news / photo agency names (case-sensitive)
    photo_words: str = ""  # regex alternation of photo-credit words (lower-case)
    note_words: re.Pattern = re.compile(r"(?!)")  # openings of a bracketed note to editors
    headline_tag: re.Pattern = re.compile(r"(?!)")  # a wire's version tag opening a headline
    caption_verbs: frozenset[str] = frozenset()      # present forms of photo-description verbs
    weekdays: re.Pattern = re.compile(r"(?!)")       # a weekday name as a word
    segment_turns: re.Pattern = re.compile(r"(?!)")  # a broadcast's turn to another story
    weather: re.Pattern = re.compile(r"(?!)")        # a masthead's weather widget


def _pattern_norm(p: str) -> str:
    p = p.lower().replace("’", "'").replace("‘", "'")
    p = re.sub(r"[()\[\]{}]", " ", p)
    return re.sub(r"\s+", " ", p).strip()


def _compile_phrase(p: str) -> str:
    out = []
    for tok in _pattern_norm(p).split(" "):
        out.append(r"(?:\S+ ){0,5}\S+" if tok == "*" else re.escape(tok))
    body = " ".join(out)
    return body + (r"\b" if re.search(r"\w$", p) else "")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = load_json("clean", "boilerplate_cues.json")
    line_res, prefix_res, contains = [], [], []
    max_chars, tail = {}, set()
    for cls, spec in raw["classes"].items():
        max_chars[cls] = spec.get("max_chars", 120)
        if spec.get("tail_marker"):
            tail.add(cls)
        # one alternation per class and kind (the class is all a match tells): a line is
        # tried against a few patterns, not against every phrase
        lines = [_compile_phrase(p).removesuffix(r"\b") for p in spec.get("lines", []) + spec.get("key_points", [])]
        if lines:
            line_res.append((re.compile("(?:" + "|".join(lines) + ")$"), cls))
        prefixes = [_compile_phrase(p) for p in spec.get("prefixes", [])]
        if prefixes:
            prefix_res.append((re.compile("(?:" + "|".join(prefixes) + ")"), cls))
        for p in spec.get("contains", []):
            contains.append((_pattern_norm(p), cls))
    kp = {_norm(p) for p in raw["classes"].get("label", {}).get("key_points", [])}
    months = raw["months"]
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    wd_alt = "|".join(sorted((re.escape(w) for w in raw["weekdays"]), key=len, reverse=True))
    # Dates a news page prints: ISO (also "2025/03/12"), "12 March 2025", "March 12, 2025"
    # (also "March 12,2025"),
    # "Nov. 19, 2019", "11/19/2019", "19.11.2019", "19-11-2019" (one separator throughout).
    # Month names come from the data file.
    date_re = re.compile(
        r"(?P<iso>(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
        rf"|(?P<dmy>(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+|of\s+)?(?P<m1>{month_alt})(?:\.?,?\s+|,)(?:de\s+)?(?P<y1>\d{{4}}))"
        rf"|(?P<mdy>(?P<m2>{month_alt})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+|,)(?P<y2>\d{{4}}))"
        r"|(?P<num>(?P<n1>\d{1,2})(?P<nsep>[/.\-])(?P<n2>\d{1,2})(?P=nsep)(?P<n3>\d{4}))",
        re.IGNORECASE)
    cues = sorted((re.escape(c) for c in raw["date_cues"]), key=len, reverse=True)
    # What may surround a date on a pure date line: cue words, weekdays, clock times
    # ("14:12hrs" too), time zones, separators (a rule "───" too).
    junk = re.compile(
        rf"\b(?:{'|'.join(cues)})\b|\b(?:{wd_alt})\b\.?"
        r"|\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?|hrs?\b)?(?:\s*\b(?-i:[A-Z]{2,4})\b(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
        r"|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
        # a four-digit clock with its zone, as wires stamp it: "0412 GMT (1212 HKT)"
        r"|\b[0-2]\d[0-5]\d\s*(?-i:[A-Z]{2,4}T|GMT|UTC)\b"
        # "12.34 BST", "4.10pm": a dotted clock needs a zone or am/pm
        r"|\b\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?(?!\w)|\b(?-i:[A-Z]{2,4})\b)"
        r"|\b(?:[A-Z]{1,4}T|UTC|GMT|Z)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\b|\b(?:a\.?m\.?|p\.?m\.?)(?!\w)"
        r"|[\s,:;|/\-–—─.()\[\]•·]+|(?<=\s)@(?=\s)",
        re.IGNORECASE)
    roles = "|".join(sorted((re.escape(r) for r in raw["byline_roles"]), key=len, reverse=True))
    bprefix = "|".join(sorted((re.escape(r) for r in raw["byline_prefixes"]), key=len, reverse=True))
    stop = frozenset(w.strip() for w in data_path("clean", "stopwords.txt").read_text(
        encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    return _Lexicon(
        classes=raw["classes"], line_res=line_res, prefix_res=prefix_res, contains=contains,
        key_points=kp, tail_markers=tail, max_chars=max_chars,
        timestamps=[re.compile(p, re.IGNORECASE) for p in raw["timestamp_patterns"]],
        # "By Jane Doe", "Text by: RTN", and a CMS's glued "byRiverton Times"
        byline_prefix=re.compile(rf"^(?:(?:{bprefix})(?:\s*:\s*|\s+)|(?-i:by)(?=(?-i:[A-Z])))(?=\w)", re.IGNORECASE),
        byline_outlets=re.compile(rf"\b(?:{_alternation(raw.get('byline_outlets', []))})$", re.IGNORECASE),
        byline_roles=re.compile(rf"\b(?:{roles})s?\b", re.IGNORECASE),
        date_cues=re.compile(rf"^\s*(?:{'|'.join(cues)})?\s*:?\s*", re.IGNORECASE),
        months={k.lower(): v for k, v in months.items()}, date_re=date_re,
        date_line_junk=junk, stopwords=stop,
        agencies=_alternation(raw["agencies"]), photo_words=_alternation(raw["photo_words"]),
        note_words=re.compile(rf"(?:{_alternation(raw.get('note_words', []))})(?![\w'’])", re.IGNORECASE),
        headline_tag=_headline_tag(raw.get("headline_tags", [])),
        caption_verbs=frozenset(f for v in raw.get("caption_verbs", []) for f in _present_forms(v)),
        weekdays=re.compile(rf"\b(?:{_alternation([w for w in raw['weekdays'] if len(w) > 4])})\b", re.IGNORECASE),
        segment_turns=re.compile(rf"(?:{_alternation(raw.get('segment_turns', []))})(?!\w)", re.IGNORECASE),
        # a place of 1-3 capitalised words, a temperature and the sky: "Riverton 31°C, Mostly Cloudy"
        weather=re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+-?\d{1,3}(?:\.\d)?\s*°\s*[CF]?\s*[,|/·-]?\s*"
                           rf"(?i:{_alternation(raw.get('sky_words', []))})$"))


def _headline_tag(tags: list[str]) -> re.Pattern:
    """A wire's version tag opening a headline, bracketed, an ordinal allowed before it and
    a number after it ("(LEAD)", "(2nd LD)", "(News Focus)"), then the headline's first
    word. (A tag in capitals before a hyphen, "UPDATE 1-", is read as the headline's own:
    the real-world gold keeps it.)"""
    alt = _alternation(tags)
    return re.compile(rf"^\((?i:(?:\d+(?:st|nd|rd|th)\s+)?(?:{alt})(?:\s+\d+)?)\)\s*(?=[\"'“‘]?[A-Z0-9])")


def _present_forms(verb: str) -> tuple[str, str, str]:
    """The base, third-person and -ing forms of a regular English verb ("carry" →
    "carries", "carrying"; "wade" → "wades", "wading"; "dig" → "digs", "digging")."""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = verb + "es"
    else:
        third = verb + "s"
    if verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    elif len(verb) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        ing = verb + verb[-1] + "ing"
    else:
        ing = verb + "ing"
    return verb, third, ing


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
