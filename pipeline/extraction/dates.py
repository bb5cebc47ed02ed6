"""Dates stated in a sentence, resolved against the publication date.

Candidates are spaCy's DATE entities and TIME entities that carry a date ("10 p.m.
Wednesday", "this morning"); the text is never searched for dates otherwise
(``search_dates`` finds dates in "$38", "may" and "We"). Each candidate is

* dropped when it is not a point in time: durations ("14 years", "over four days",
  "the past two days": those are quantities), ages ("14-year-old"), sets ("weekly"),
  bare numbers spaCy mislabels ("66"), clock times without a day ("10.45pm"), a
  lower-case month name used as a noun ("the march's route": real-world dev
  2 wrong month dates gone, none right lost; TimeBank+AQUAINT date value F1 0.863
  unchanged; :func:`_noun_month`);
* resolved by our own rules for the shapes dateparser gets wrong or cannot do
  (years, "March" / "last December" / "earlier this month" at month grain, "March 7"
  without a year, weekdays, "yesterday", "N units ago", "this/last/next year",
  quarters and seasons to their year);
* otherwise resolved by dateparser (``DateDataParser``, English, past preference,
  relative base = published) with its ``period`` giving the grain.

Values (ISO 8601): ``YYYY-MM-DD`` (grain day), ``YYYY-Www`` (week), ``YYYY-MM``
(month), ``YYYY`` (year), ``YYYY/YYYY`` (year: a range of years), ``YYY`` (decade),
``YY`` (century), ``--MM-DD`` for a day whose year is unknown (no published date), or
None (grain ``relative`` or, for weekdays without a published date, ``day``). The
references to the time of writing ("now", "recently", "the future"; also found
outside entities, :func:`_reference_words`) have value None and grain ``present``,
``past_ref`` or ``future_ref``. Without a published date nothing relative is resolved
and the current year is never assumed.
"""
from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache, wraps
from typing import TYPE_CHECKING

from ..records import DateRef
from ..resources import load_json

if TYPE_CHECKING:
    from spacy.tokens import Span

_WORD_NUM = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a few|a couple of|several|few|many|some"


@lru_cache(maxsize=1)
def _lex() -> dict:
    d = dict(load_json("extraction", "dates.json"))
    d["strip_re"] = re.compile(r"^(?:%s)\s*" % "|".join(
        re.escape(p) for p in sorted(d["strip_prefixes"], key=len, reverse=True)) + r"(?=\S)")
    lead = "|".join(re.escape(p) for p in sorted(d["duration_lead"], key=len, reverse=True))
    units = "|".join(sorted(d["units"], key=len, reverse=True))
    # "[lead] [count] [adj] unit[s] [long|old]" with no anchor
    d["duration_re"] = re.compile(
        rf"^(?:(?:{lead})\s+)*(?:(?:a |an )?(?:[\d.,]+|{_WORD_NUM})[\s-]+(?:(?:and a half|or so|plus|or more|or two|to \w+|-\w+)\s+)?)?"
        rf"(?:(?:full|whole|straight|consecutive|more|additional|long|short|past|last|previous|next|coming|first|final|entire)\s+)?"
        rf"(?:{units})(?:\s+(?:long|old|running|straight|in a row))?$")
    d["reference_of"] = {w: grain for grain, words in d["references"].items() for w in words}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for w in sorted(d["reference_of"], key=lambda x: -len(x.split())):
        by_first.setdefault(w.split()[0], []).append(tuple(w.split()))
    d["reference_first"] = by_first
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(d["reference_of"], key=len, reverse=True))
    d["reference_re"] = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
    d["month_re"] = "|".join(sorted(d["months"], key=len, reverse=True))
    d["weekday_re"] = "|".join(sorted(d["weekdays"], key=len, reverse=True))
    return d


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    s = str(published).strip()
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _norm(text: str) -> str:
    s = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\s+", " ", s).strip(" .,;:()[]\"'")
    s = re.sub(r"'s$", "", s)
    return s


def _strip(s: str) -> str:
    L = _lex()
    prev = None
    while prev != s:
        prev = s
        s = L["strip_re"].sub("", s).strip()
    return s


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _count(word: str) -> float | None:
    L = _lex()
    w = word.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    return float(L["vague_counts"][w]) if w in L["vague_counts"] else None


def _ymd(d: dt.date) -> str:
    return d.isoformat()


def _past_month(month: int, base: dt.date, mode: str = "") -> int:
    """Year of a year-less month: 'last' = the latest before the base month, 'next' =
    the first after it, 'this' = the base year, else the latest not after the base."""
    if mode == "this":
        return base.year
    if mode == "next":
        return base.year if month > base.month else base.year + 1
    if mode == "next_or_this":
        return base.year if month >= base.month else base.year + 1
    if mode == "nearest":
        past = base.year if month <= base.month else base.year - 1
        return past if (base.year - past) * 12 + base.month - month <= 6 else past + 1
    if mode == "last":
        return base.year if month < base.month else base.year - 1
    past = base.year if month <= base.month else base.year - 1
    if mode == "past":
        # as for days (PAST_CLAUSE_AHEAD_DAYS): "set for mid-November" written Oct. 30 is this November
        coming = dt.date(past + 1, month, 1)
        return past + 1 if (coming - base).days <= PAST_CLAUSE_AHEAD_DAYS else past
    return past


_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SPELLED_YEAR = re.compile(r"\b(nineteen|eighteen|twenty) (ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                           r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                           r"(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b|\b(?:the year )?two thousand(?: and)?"
                           r"(?:[- ](one|two|three|four|five|six|seven|eight|nine|ten))?\b")


def _spelled_years(s: str) -> str:
    """"nineteen ninety-six" -> "1996", "the year two thousand" -> "2000" (spoken-news transcripts)."""
    def sub(m: re.Match) -> str:
        if m.group(1):
            return str(_TENS[m.group(1)] * 100 + _TENS[m.group(2)] + _ONES.get(m.group(3) or "", 0))
        last = m.group(4)
        return str(2000 + (_ONES.get(last, 0) if last != "ten" else 10)) if last else "2000"
    if re.search(r"(nineteen|thousand|ninety|eighty|seventy|sixty|fifty|forty|thirty|twenty|ten|one|two|three|four|five|six|seven|eight|nine)[- ](years?|months?|days?|weeks?|centuries|decades?)\b", s):
        return s  # "two thousand years" is a duration
    return _SPELLED_YEAR.sub(sub, s) if ("nineteen" in s or "thousand" in s or "eighteen" in s or "twenty" in s) else s


#: A heuristic: in a past-tense clause a year-less date is the latest one not after
#: publication, unless the coming one is at most this many days ahead: a past clause
#: often reports a plan ("the meeting was set for Jan. 14" written Jan. 7, "the offer
#: expired Nov. 9" written Nov. 2), and news writes the year of a date ten months back.
#: A month counts from its first day. TimeBank+AQUAINT date value F1 +0.011; "the
#: quarter ended Oct. 30" written in May stays last October.
PAST_CLAUSE_AHEAD_DAYS = 50


def _year_for_day(month: int, day: int, base: dt.date, mode: str, tense: str) -> int:
    """Year of a year-less day (see :func:`resolve`); raises ValueError for Feb 30."""
    this = dt.date(base.year, month, day) if not (month == 2 and day == 29) else dt.date(base.year, 3, 1)
    if tense == "future" or mode == "next":
        return base.year if this >= base else base.year + 1
    past_year = base.year if this <= base else base.year - 1
    if mode == "last":
        return past_year
    if tense == "past":
        coming = dt.date(past_year + 1, month, min(day, 28) if month == 2 else day)
        return past_year + 1 if (coming - base).days <= PAST_CLAUSE_AHEAD_DAYS else past_year
    past = dt.date(past_year, month, min(day, 28) if month == 2 else day)
    return past_year if (base - past).days <= 183 else past_year + 1


def _is_duration(s: str) -> bool:
    L = _lex()
    if re.search(r"\b(ago|earlier|later|before|after|since|from now|hence)\b", s):
        return False
    if re.search(rf"\b({L['month_re']}|{L['weekday_re']})\b", s) or re.search(r"\b\d{4}\b", s):
        return False
    if re.match(r"^(last|this|next|past|coming|previous)\s+(week|month|year|quarter|weekend|decade|century|half)$", s):
        return s.startswith("past")  # "last year" is a date; "past year" a duration
    return bool(L["duration_re"].match(s))


# ---------------------------------------------------------------------------
# Resolution rules. ``resolve`` tries them in the order of ``_RULES``; each takes the
# date being resolved and returns its answer (a ``(value, grain)`` pair, or None for
# "not a date") or ``_NEXT`` when the text is not its shape. The first rules drop what
# is not a point in time and narrow ``core``; the calendar rules follow.
# ---------------------------------------------------------------------------

_NEXT = object()  # a rule's answer for "not my shape": the next rule is tried
_YEAR_STEP = {"this": 0, "last": -1, "next": 1}
_VAGUE_COUNTS = ("a few", "several", "few", "many", "some", "a couple of")
_CLOCK = re.compile(r"(?:\d{1,2}(?::\d\d|\.\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight|\d{1,2}:\d\d)"
                    r"(?:\s+(?:[a-z]{2,4}t|gmt|utc|local time))?")


class _Date:
    """A date text being resolved: ``s`` (normalised, spelled years as digits), ``core``
    (``s`` without leading prepositions and hedges; the early rules narrow it further),
    the publication date ``base`` and the clause tense."""

    __slots__ = ("published", "label", "tense", "future", "base", "s", "core")

    def __init__(self, text: str, published: str | None, label: str, tense: str) -> None:
        self.published, self.label, self.tense = published, label, tense
        self.future = tense == "future"
        self.base = _parse_published(published)
        self.s = _spelled_years(_norm(text))
        self.core = _strip(self.s)


def _with_published(rule):
    """The rule needs a publication date; without one the next rule is tried."""
    @wraps(rule)
    def wrapped(d: _Date):
        return _NEXT if d.base is None else rule(d)
    return wrapped


def _week_year(day: dt.date) -> tuple[str | None, str]:
    """The ISO 8601 week (Monday to Sunday) holding ``day``: ("2024-W12", "week"); a week
    across New Year belongs to the ISO year of its Thursday ("2024-W01" starts on
    2024-01-01, "2021-W53" ends on 2022-01-02)."""
    year, week, _ = day.isocalendar()
    return (f"{year:04d}-W{week:02d}", "week")


def _empty(d: _Date):
    """Nothing left after normalising (only punctuation: "()") -> None."""
    return None if not d.s else _NEXT


def _age(d: _Date):
    """Ages: "a 14-year-old", "50 years old", "18 years of age" -> None. Not a bare
    "14 years" (a duration: :func:`_duration`)."""
    if any(w in d.s for w in ("year-old", "years-old", "years old", "year old", "-old", "of age")):
        return None
    return _NEXT


def _set(d: _Date):
    """Sets: the lexicon's set words ("weekly", "annually") and "every/each/per ..."
    ("every Monday") -> None. Not "each" or "per" after the start."""
    if d.s in _lex()["set_words"] or re.match(r"^(every|each|per)\b", d.s):
        return None
    return _NEXT


def _bare_number(d: _Date):
    """Bare numbers spaCy labels DATE: "66", "2-2", "10.45", "20,000+" -> None. Not a
    year ("1998", 1000-2099), "3/7/2024" or "2024-03-07", which go on."""
    if re.fullmatch(r"[\d.,:\-/ +]+", d.s) and not re.fullmatch(r"(1[0-9]|20)\d\d", d.s) \
            and not re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}", d.s):
        return None
    return _NEXT


def _deictic_period(d: _Date):
    """A counted period up to the time of writing: "the past two days", "last 3 years"
    -> (None, "relative") (it is also a duration). Not "the past year" (no count: a
    duration) nor "last year" (a date)."""
    if re.fullmatch(rf"(?:the )?(?:past|last)\s+({_WORD_NUM}|\d+)\s+(?:days?|weeks?|months?|years?|decades?)", d.s):
        return (None, "relative")
    return _NEXT


@_with_published
def _definite_period(d: _Date):
    """A reporting period named with "the" and no count is the current one, as business
    and weekend news write it: "the quarter" -> the last quarter ended (its year, see
    :func:`_fiscal_period`), "the weekend" -> the weekend nearest publication (ISO
    week: the past one, or the coming one in a future clause). Not "a quarter", "the
    past quarter" or "two weekends" (durations). TimeBank+AQUAINT: value F1 +0.005."""
    m = re.fullmatch(r"(?:(?:in|during|over|for|on|at|by) )?the (?:(?:fiscal|latest|current) )?(quarter|weekend)", d.s)
    if not m:
        return _NEXT
    if m.group(1) == "quarter":
        ref = d.base - dt.timedelta(days=45)
        return (f"{ref.year:04d}", "year")
    sat = d.base + dt.timedelta(days=(5 - d.base.weekday()) % 7)
    if not d.future and sat - d.base > dt.timedelta(days=2):
        sat -= dt.timedelta(days=7)
    return _week_year(sat)


def _duration(d: _Date):
    """Durations: "14 years", "over four days", "the past year" -> None (quantities).
    Not "last year" nor anything anchored ("two years ago", "four days in March")."""
    return None if _is_duration(d.s) or _is_duration(d.core) else _NEXT


def _clock_time(d: _Date):
    """Clock times and every TIME entity: keep only the date part ("10 p.m. Wednesday"
    -> "wednesday" goes on); "10.45pm", "noon" (nothing left) -> None. A DATE without a
    clock time is untouched."""
    if d.label == "TIME" or _CLOCK.search(d.core):
        rest = _CLOCK.sub(" ", d.core).strip(" ,")
        rest = _strip(rest.replace(" on ", " ").strip()) if rest else ""
        if not rest:
            return None
        d.core = rest
    return _NEXT


def _part_of_day(d: _Date):
    """Parts of the day: "Thursday evening" -> "thursday", "this morning" -> "today" go
    on; a bare "morning" -> None. "last night" is kept whole (a day word)."""
    core = re.sub(r"\s+(morning|afternoon|evening|night|overnight)$", "", d.core) if d.core not in ("last night",) else d.core
    if core in ("this", "the", "that", "later this", "earlier this", "early this", "late this"):
        core = "today"
    d.core = core
    return None if core in ("morning", "afternoon", "evening", "night") else _NEXT


def _reference(d: _Date):
    """References to the time of writing or an unnamed time around it (the lexicon's
    ``references``): "now", "currently" -> (None, "present"); "recently", "at the time",
    "recent years" -> (None, "past_ref"); "the future" -> (None, "future_ref"). The value
    stays null: the publication date is the document's, and a reference is no calendar
    date to compare figures by. Not "the same day" (:func:`_vague`)."""
    refs = _lex()["reference_of"]
    grain = refs.get(d.s) or refs.get(d.core)
    return (None, grain) if grain else _NEXT


def _vague(d: _Date):
    """Vague or event-anchored words of the lexicon: "recently", "the same day" -> None
    (not a date). Not "today" (a day word)."""
    rel = _lex()["relative_null"]
    return None if d.core in rel or d.s in rel else _NEXT


_CENTURY_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "21st": 21}


def _decade_or_century(d: _Date):
    """Decades and centuries in ISO 8601's reduced form: "the 1980s", "the late 1970s" ->
    ("198", "decade"); "the 19th century", "the nineteenth century" -> ("18", "century")
    (1800-1899); "this century" / "last century" from the published year. A two-digit
    decade ("the '80s"), a millennium and the rest -> (None, "relative"). Not a year
    ("1980")."""
    core = re.sub(r"^(?:the )?(?:early|late|mid|middle|end of the|turn of the|start of the)[- ]?", "", d.core)
    core = re.sub(r"^the ", "", core)
    m = re.fullmatch(r"(1\d|20)(\d)0'?s", core)
    if m:
        return (m.group(1) + m.group(2), "decade")
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)[- ]century|([a-z-]+)[- ]century", core)
    n = None
    if m:
        n = int(m.group(1)) if m.group(1) else _CENTURY_WORDS.get(m.group(2) or "")
        if n is None and d.base is not None and m.group(2) in ("this", "last", "previous", "next"):
            n = d.base.year // 100 + 1 + {"last": -1, "previous": -1, "next": 1}.get(m.group(2), 0)
    if n:
        return (f"{n - 1:02d}", "century")
    if re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'?\d{2,4}s", d.core) or "century" in d.core \
            or "millennium" in d.core:
        return (None, "relative")
    return _NEXT


def _ordinal_day(d: _Date):
    """A day counted from an event: "the 45th day", "the second day of the strike",
    "day 3" -> None (no calendar date; dateparser would read "45th" as a year). Not
    "the 5th of May" (a date)."""
    if re.fullmatch(r"(?:the )?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                    r"\s+(?:day|week|month|night)(?:\s+of\s+.*)?|day \d+", d.core):
        return None
    return _NEXT


def _year_range(d: _Date):
    """A range of years: "2014-2016", "1983-84", "from 2010 to 2012" -> ("2014/2016",
    "year"), an ISO 8601 interval of years. The second year written with two digits
    takes the century of the first. Not "2019-20" season labels that end before they
    start, nor a range whose end is not after its start."""
    m = re.fullmatch(r"(?:from |between )?((?:1[0-9]|20)\d\d)\s*(?:-|–|to|through|and)\s*(\d{4}|\d{2})", d.core)
    if not m:
        return _NEXT
    a, b = m.group(1), m.group(2)
    if len(b) == 2:
        b = a[:2] + b
    if int(b) <= int(a):
        return None
    return (f"{a}/{b}", "year")


def _year(d: _Date):
    """A year: "1998", "fiscal 1998", "the year 2000" -> ("1998", "year"). Not a year
    with a month ("May 1998") nor four digits outside 1000-2999."""
    m = re.fullmatch(r"(?:the year |fiscal (?:year )?|fy ?|calendar )?(\d{4})", d.core)
    if m and 1000 <= int(m.group(1)) <= 2999:
        return (m.group(1), "year")
    return _NEXT


def _day_word(d: _Date):
    """"yesterday", "today", "tomorrow", "last night": "yesterday" on 2024-03-20 ->
    ("2024-03-19", "day"); without a published date (None, "relative"). Not "the day
    before" (anchored elsewhere)."""
    words = _lex()["day_words"]
    if d.core not in words:
        return _NEXT
    if d.base is None:
        return (None, "relative")
    return (_ymd(d.base + dt.timedelta(days=words[d.core])), "day")


def _weekday(d: _Date):
    """Weekdays: "Sunday", "last Sunday", "next Monday", "this past Friday". "Sunday" on
    Wednesday 2024-03-20 -> ("2024-03-17", "day"); "next Monday" -> ("2024-03-25", "day");
    without a published date (None, "day"). Not "Sunday, March 17" (a month and day)."""
    L = _lex()
    m = re.fullmatch(rf"(last|this|next|this past|this coming|past|coming|early|late)?\s*({L['weekday_re']})\.?", d.core)
    if not m:
        return _NEXT
    base = d.base
    if base is None:
        return (None, "day")
    wd = L["weekdays"][m.group(2)]
    mode = (m.group(1) or "").strip()
    if mode in ("next", "this coming", "coming"):
        delta = (wd - base.weekday()) % 7 or 7
    elif d.future and mode in ("", "early", "late"):
        delta = (wd - base.weekday()) % 7
    elif d.tense == "" and mode in ("", "early", "late") and (base.weekday() - wd) % 7 > 3:
        delta = (wd - base.weekday()) % 7  # nearest: "Tuesday" on a Monday is tomorrow
    elif mode == "this":
        delta = wd - base.weekday()
    else:
        delta = -((base.weekday() - wd) % 7)
        if mode in ("last", "past", "this past") and delta == 0:
            delta = -7
    return (_ymd(base + dt.timedelta(days=delta)), "day")


@_with_published
def _month_of_relative_year(d: _Date):
    """A month or day of this/last/next year: "June last year" on 2024-03-20 ->
    ("2023-06", "month"), "January 5 this year" -> ("2024-01-05", "day"); "February 30
    this year" -> None. Without a published date the next rule is tried."""
    L = _lex()
    m = re.fullmatch(rf"({L['month_re']})\.?(?:\s+(\d{{1,2}}))?,?\s+(?:of\s+)?(this|last|next) year", d.core)
    if not m:
        return _NEXT
    y = d.base.year + _YEAR_STEP[m.group(3)]
    mo = L["months"][m.group(1)]
    if m.group(2):
        try:
            return (_ymd(dt.date(y, mo, int(m.group(2)))), "day")
        except ValueError:
            return None
    return (f"{y:04d}-{mo:02d}", "month")


def _month_day_year(d: _Date):
    """Month [day] [year] and day month [year], optionally "last/this/next" before:
    "March 7, 2023" -> ("2023-03-07", "day"), "7th of March 2023" the same, "October
    2022" -> ("2022-10", "month"), "last December" on 2024-02-06 -> ("2023-12", "month").
    A year-less one takes its year from the published date and tense (see
    :func:`resolve`); without a published date "March 7" -> ("--03-07", "day"),
    "December" -> ("--12", "month") and "last December" -> (None, "month"). Impossible
    days ("March 32", "Feb. 30") -> None. Not "March this year" (:func:`_month_of_relative_year`)."""
    L = _lex()
    mre = L["month_re"]
    m = re.fullmatch(rf"(last|this|next|this past|this coming|past|coming)?\s*({mre})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s*(?:of\s+)?(\d{{4}}))?", d.core) \
        or re.fullmatch(rf"()(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({mre})\.?(?:,?\s*(\d{{4}}))?", d.core)
    if not m:
        return _NEXT
    mode = (m.group(1) or "").strip().replace("this past", "last").replace("past", "last") \
        .replace("this coming", "next").replace("coming", "next")
    if m.group(2).isdigit():
        day, month = int(m.group(2)), L["months"][m.group(3)]
    else:
        month, day = L["months"][m.group(2)], int(m.group(3)) if m.group(3) else None
    year = int(m.group(4)) if m.group(4) else None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        base = d.base
        if base is None:
            if day is None:  # ISO 8601 "--MM": the month of an unknown year
                return (f"--{month:02d}", "month") if not mode else (None, "month")
            return (f"--{month:02d}-{day:02d}", "day")
        if day is None:
            year = _past_month(month, base, mode or ("next_or_this" if d.future else "nearest" if not d.tense else "past"))
        else:
            try:
                year = _year_for_day(month, day, base, mode, d.tense)
            except ValueError:
                return None
    if day is None:
        return (f"{year:04d}-{month:02d}", "month")
    try:
        return (_ymd(dt.date(year, month, day)), "day")
    except ValueError:
        return None


def _season_year(season: str, step: int, mode: str, base: dt.date) -> str:
    """Year of "last/this/next <season>" at ``base`` (the season's start month decides)."""
    start = _lex()["seasons"][season][0]
    if step == -1 or (step == 0 and mode == "this past"):
        return f"{base.year if start < base.month else base.year - 1:04d}"
    if step == 1:
        return f"{base.year if start > base.month else base.year + 1:04d}"
    return f"{base.year:04d}"


def _relative_unit(d: _Date):
    """"last/this/next/earlier this" + week, month, year, quarter, season, half or
    decade: on 2024-03-20 "earlier this month" -> ("2024-03", "month"), "last year" ->
    ("2023", "year"), "last summer" -> ("2023", "year"), "next week" -> ("2024", "year");
    "last half" or "last decade" -> (None, "relative"), and so is everything without a
    published date. Not "the past year" (a duration) nor "last year's quarter" (:func:`_year_ago`)."""
    m = re.fullmatch(r"(last|this|next|earlier this|later this|early this|late this|this past|the past|the previous|the coming|the current|the latest|the next)\s+(week|weekend|month|year|quarter|spring|summer|fall|autumn|winter|half|decade)", d.core)
    if not m:
        return _NEXT
    return (None, "relative") if d.base is None else _relative_unit_value(m.group(1), m.group(2), d.base)


def _relative_unit_value(mode: str, unit: str, base: dt.date) -> tuple[str | None, str]:
    """Value of "<mode> <unit>" (see :func:`_relative_unit`) at ``base``."""
    step = -1 if mode in ("last", "this past", "the past", "the previous") else 1 if mode in ("next", "the coming", "the next") else 0
    if unit == "month":
        y, mo = _shift_months(base.year, base.month, step)
        return (f"{y:04d}-{mo:02d}", "month")
    if unit == "year":
        return (f"{base.year + step:04d}", "year")
    if unit == "quarter":
        q = (base.month - 1) // 3 + step
        return (f"{base.year + (q // 4):04d}", "year")
    if unit in _lex()["seasons"]:
        return (_season_year(unit, step, mode, base), "year")
    if unit in ("week", "weekend"):
        return _week_year(base + dt.timedelta(days=7 * step))
    return (None, "relative")


def _quarter_or_half(d: _Date):
    """Quarters and halves: "the third quarter of 1997", "Q3 2023" -> that year; a
    year-less one is the latest begun ("Q4" on 2024-03-20 -> ("2023", "year")) or, in a
    future clause, this year's ("2024"); "final-half" and, without a published date, a
    year-less one -> (None, "relative"). Not a bare "the first" nor "the final quarter"
    (a duration: :func:`_duration`)."""
    core = d.core
    m = re.fullmatch(r"(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th|q[1-4])(?:[\s-]+(?:fiscal\s+)?(?:quarter|half|three months))?(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?", core)
    if not (m and (m.group(2) or re.search(r"quarter|half|q[1-4]", core))):
        return _NEXT
    if m.group(2):
        return (m.group(2), "year")
    base = d.base
    if base is None:
        return (None, "relative")
    if m.group(1) in ("final", "last") and "quarter" not in core:
        return (None, "relative")
    q = _lex()["quarters"].get(m.group(1), 1)
    start = 3 * (q - 1) + 1
    if "half" in core:
        start = 1 if q == 1 else 7
    year = base.year if (start <= base.month or d.future) else base.year - 1
    return (f"{year:04d}", "year")


def _season_of_year(d: _Date):
    """A season with its year: "summer 1997", "winter of 2010" -> ("1997", "year").
    Not a season without a year (:func:`_season`)."""
    m = re.fullmatch(r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))", d.core)
    return (m.group(2), "year") if m else _NEXT


def _units_ago(d: _Date):
    """"N days/weeks/months/years/decades ago" on 2024-03-20: "three days ago" ->
    ("2024-03-17", "day"), "three months ago" -> ("2023-12", "month"), "two weeks ago"
    and "two years ago" at year grain, "two decades ago" -> ("2004", "year"). A vague
    count ("a few years ago") or no published date -> (None, "relative"). Not "nearly
    two years ago" (:func:`_approx_units_ago`)."""
    m = re.fullmatch(rf"({_WORD_NUM}|\d+)\s+(days?|weeks?|months?|years?|decades?)\s+ago", d.core)
    if not m:
        return _NEXT
    n, unit = _count(m.group(1)), m.group(2).rstrip("s")
    if d.base is None or n is None or m.group(1) in _VAGUE_COUNTS:
        return (None, "relative")
    base, n = d.base, int(n)
    if unit == "day":
        return (_ymd(base - dt.timedelta(days=n)), "day")
    if unit == "week":
        return _week_year(base - dt.timedelta(weeks=n))
    if unit == "month":
        y, mo = _shift_months(base.year, base.month, -n)
        return (f"{y:04d}-{mo:02d}", "month")
    if unit == "year":
        return (f"{base.year - n:04d}", "year")
    return (f"{base.year - 10 * n:04d}", "year")


_PERIOD_UNIT = r"(week|weekend|quarter|period|fiscal quarter|(?:full |current |fiscal |current fiscal |full fiscal {latest})year)"


@_with_published
def _fiscal_period(d: _Date):
    """Weeks, quarters, reporting periods and fiscal years at year grain (the output has
    no week/quarter grain): on 2024-03-20 "the current week" -> ("2024", "year"), "last
    period" -> ("2023", "year") (the last quarter ended), "last fiscal year" -> ("2023",
    "year"); a week across New Year -> (None, "relative"). Not "the week" or "the year"
    (no deixis), "the past week/year/quarter" (durations), nor "last quarter" or "next
    week" (:func:`_relative_unit` answers first)."""
    m = re.fullmatch(r"(?:(?:early|late|the end of|the beginning of|the middle of) )?(last|this|next|the|the past|the current|the latest|the coming|the previous) "
                     + _PERIOD_UNIT.format(latest="|latest fiscal "), d.s) \
        or re.fullmatch(r"(last|this|next|the past|the current|the latest|the coming|the previous) "
                        + _PERIOD_UNIT.format(latest=""), d.core)
    if not m or (m.group(1) == "the" and m.group(2) in ("week", "year")) or \
            (m.group(1) == "the past" and m.group(2) in ("week", "year", "quarter")):
        return _NEXT
    base, mode, unit = d.base, m.group(1), m.group(2)
    if unit in ("week", "weekend"):
        return _week_year(base + dt.timedelta(days={"last": -7, "the previous": -7, "next": 7, "the coming": 7}.get(mode, 0)))
    if unit in ("quarter", "period", "fiscal quarter"):
        # "the quarter" / "the latest quarter" in a report: the last one ended
        ref = base - dt.timedelta(days=45) if mode in ("the", "the latest", "last", "the previous") else base
        return (f"{ref.year - (1 if mode in ('last', 'the previous') and (ref.month - 1) // 3 == 0 else 0):04d}", "year")
    step = {"last": -1, "the previous": -1, "next": 1, "the coming": 1}.get(mode, 0)
    return (f"{base.year + step:04d}", "year")


@_with_published
def _year_end(d: _Date):
    """Year end: "year-end", "at year-end", "year's end" -> the published year. Not "the
    end of this year" (:func:`_relative_unit` reads it as "this year")."""
    if re.fullmatch(r"(?:around |at |by )?(?:the )?(?:year[- ]end|end of (?:the|this) year|year's end)", d.s):
        return (f"{d.base.year:04d}", "year")
    return _NEXT


@_with_published
def _season(d: _Date):
    """A season without a year or a deictic word. A generic one has no year: a season
    with its own modifier ("the Alpine summer") or in a clause without tense ("visitors
    come in spring") -> (None, "relative"). In a past or future clause the clause
    anchors it: the latest one that has begun ("the summer" in a past clause on
    2024-03-20 -> ("2023", "year"), "spring" -> ("2024", "year")), in a future clause
    the published year. Not "summer 2010" (:func:`_season_of_year`) nor "last summer"
    (:func:`_relative_unit`)."""
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?([a-z]+ )?(spring|summer|fall|autumn|winter)", d.s)
    if not m:
        return _NEXT
    if m.group(1) or not d.tense:
        return (None, "relative")
    start, base = _lex()["seasons"][m.group(2)][0], d.base
    return (f"{base.year if start <= base.month or d.future else base.year - 1:04d}", "year")


@_with_published
def _year_ago(d: _Date):
    """"a year earlier", "the year-ago quarter", "last year's period" -> the year before
    publication: business news compares with the same period a year before. Not
    "years earlier" (anchored to another event)."""
    if re.fullmatch(r"(?:a|one) year (?:earlier|ago|before)|(?:the )?year[- ](?:earlier|ago)(?: (?:quarter|period|level|results?|figures?))?|last year's (?:quarter|period)", d.core):
        return (f"{d.base.year - 1:04d}", "year")
    return _NEXT


@_with_published
def _approx_units_ago(d: _Date):
    """A hedged "N units ago": "nearly two years ago", "some three months or so ago" is
    resolved as "two years ago". Not a vague count ("nearly a few years ago" goes on,
    and :func:`_anchored` drops it)."""
    m = re.fullmatch(rf"(?:nearly|almost|about|around|some|more than|less than|roughly|over|just over|just under)?\s*({_WORD_NUM}|\d+)\s+(?:or so\s+)?(days?|weeks?|months?|years?)\s+(?:or so\s+)?ago", d.core)
    if m and m.group(1) not in _VAGUE_COUNTS:
        return resolve(f"{m.group(1)} {m.group(2)} ago", d.published, "DATE", d.tense)
    return _NEXT


@_with_published
def _quarter_of_relative_year(d: _Date):
    """"this year's third quarter", "last year first half" -> that year ("2023" for
    "last" on 2024-03-20). Not "the third quarter" (:func:`_quarter_or_half`)."""
    m = re.fullmatch(r"(this|last|next) year(?:'s)? (?:first|second|third|fourth|final) (?:quarter|half)", d.core)
    return (f"{d.base.year + _YEAR_STEP[m.group(1)]:04d}", "year") if m else _NEXT


def _anchored(d: _Date):
    """Anchored to another event, not to the calendar: "months earlier", "the day
    after", "that week" -> None. Not "two years ago" (:func:`_units_ago`)."""
    if re.search(r"\b(earlier|later|before|after|ago|previous|following|that|same)\b", d.core):
        return None
    return _NEXT


def _embedded_date(d: _Date):
    """An explicit date inside a longer phrase is resolved alone: "the quarter ended
    Sept. 30" as "sept. 30", "1997 and 1998" as "1997". Not a phrase that is only that
    date (the rules above had it)."""
    mre = _lex()["month_re"]
    m = re.search(rf"\b(?:({mre})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?|({mre})\.?,?\s+\d{{4}}|(?<![\d-])(1[6-9]\d\d|20\d\d)(?![\d-]))\b", d.core)
    if m and m.group(0) != d.core:
        return resolve(m.group(0), d.published, "DATE", d.tense)
    return _NEXT


_RULES = (
    # not a point in time
    _empty, _age, _set, _year_range, _bare_number, _ordinal_day, _deictic_period, _definite_period, _duration,
    # narrow core to its date part
    _clock_time, _part_of_day, _reference, _vague,
    # calendar shapes
    _decade_or_century, _year, _day_word, _weekday, _month_of_relative_year, _month_day_year,
    _relative_unit, _quarter_or_half, _season_of_year, _units_ago,
    _fiscal_period, _year_end, _season, _year_ago, _approx_units_ago, _quarter_of_relative_year,
    _anchored, _embedded_date,
)


@lru_cache(maxsize=8192)
def resolve(text: str, published: str | None, label: str = "DATE",
            tense: str = "") -> tuple[str | None, str] | None:
    """``(value, grain)`` of a DATE/TIME entity text, or None when it is not a date.

    Year-less dates, bare months and weekdays: with ``tense == "past"`` (the clause
    is in the past tense) the most recent one not after ``published``; with
    ``"future"`` ("will", "is expected to", "is due") the nearest one not before it;
    otherwise the nearest one, ties going to the past. News style writes the year of
    a date more than about half a year away, so a year-less date is the nearest
    occurrence: "December" in March is last December, "Nov. 13" on Nov. 2 is this
    November. Weekdays in a present-tense clause: the nearest (within three days back).

    The rules of ``_RULES`` are tried in order; the first that knows the shape answers.
    What none knows goes to dateparser (relative without a published date)."""
    d = _Date(text, published, label, tense)
    for rule in _RULES:
        out = rule(d)
        if out is not _NEXT:
            return out
    if d.base is None:
        return (None, "relative")
    return _dateparser(d.core, published)


@lru_cache(maxsize=1)
def _parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.date import DateDataParser
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past",
                                                      "RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=8192)
def _dateparser(text: str, published: str) -> tuple[str | None, str]:
    """dateparser fallback (cached on (text, published)); its ``period`` gives the grain."""
    base = _parse_published(published)
    if base is None:
        return (None, "relative")
    parser = _parser()
    try:
        parser._settings.RELATIVE_BASE = dt.datetime(base.year, base.month, base.day, 12)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(text)
    except Exception:  # dateparser raises on odd input: no value then
        return (None, "relative")
    d = data.date_obj if data else None
    if d is None:
        return (None, "relative")
    period = data.period or "day"
    if period == "year":
        return (f"{d.year:04d}", "year")
    if period == "month":
        return (f"{d.year:04d}-{d.month:02d}", "month")
    if period in ("day", "time"):
        return (d.date().isoformat(), "day")
    if period == "week":
        return _week_year(d.date())
    return (None, "relative")


def _trim(sent: "Span", ent) -> tuple[int, int]:
    """Entity char span without surrounding punctuation and a trailing possessive."""
    toks = [t for t in ent]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].text in ("'s", "’s")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if not toks:
        return ent.start_char, ent.start_char
    return toks[0].idx, toks[-1].idx + len(toks[-1])


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})


def _tense(ent) -> str:
    """"future" when the clause of the date talks about something to come (its verb
    has "will"/"shall" or hangs under "expected/scheduled/due/set/plan to", checked up
    to three heads up), "past" for a past-tense or perfect verb, else "". Only used
    for dates without a year."""
    L = _lex()
    tok = ent.root
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        tok = head
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            if tok.lemma_.lower() in L["ahead_lemmas"] and ent.root.head.lower_ in ("until", "till", "to", "for") \
                    and ent.root.head.head.i == tok.i:
                return "future"  # "was postponed until Saturday": the new, later time, whatever the tense
            auxes = [ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
            if tok.tag_ == "VBD" or any(a in ("was", "were", "had", "did", "has", "have") for a in auxes):
                return "past"  # "began Monday", "was expected Friday", "has risen since March"
            if any(a in _FUTURE_AUX for a in auxes):
                return "future"
            if tok.lemma_.lower() in L["future_lemmas"] or tok.lower_ in L["future_lemmas"]:
                return "future"
            if tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl", "pcomp"):
                break
    return ""


def sent_slice(sent: "Span", start: int, end: int) -> str:
    """``doc.text[start:end]`` without building ``doc.text`` (an O(document) join)."""
    if sent.start_char <= start <= end <= sent.end_char:
        return sent.text[start - sent.start_char:end - sent.start_char]
    return sent.doc.text[start:end]


#: grains of references to a time that is not a calendar date (value always null)
REFERENCE_GRAINS = frozenset({"present", "past_ref", "future_ref"})


def _reference_words(sent: "Span") -> list[DateRef]:
    """References outside DATE/TIME entities ("now", "currently", "at the time"; see
    :func:`_reference`): spaCy does not label them. One regex search over the sentence
    text, tokens only read when it hits; "now" only as an adverb and not in "now that"
    (a conjunction) or "from now" (a start). TimeBank+AQUAINT: 60 of its 85 "now" are
    PRESENT_REF."""
    L = _lex()
    if not L["reference_re"].search(sent.text):
        return []
    first = L["reference_first"]
    out: list[DateRef] = []
    i, stop = sent.start, sent.end
    doc = sent.doc
    while i < stop:
        t = doc[i]
        phrases = first.get(t.lower_) if not t.ent_type_ else None
        hit = None
        for ph in phrases or ():
            n = len(ph)
            if i + n <= stop and all(doc[i + k].lower_ == ph[k] and not doc[i + k].ent_type_ for k in range(n)):
                hit = ph
                break
        if hit is not None and hit == ("now",) and (t.pos_ != "ADV" or (i + 1 < stop and doc[i + 1].lower_ == "that")
                                                     or (i > sent.start and doc[i - 1].lower_ == "from")):
            hit = None
        if hit is None:
            i += 1
            continue
        s, e = t.idx, doc[i + len(hit) - 1].idx + len(doc[i + len(hit) - 1])
        out.append(DateRef(text=sent_slice(sent, s, e), span=[s, e], value=None,
                           grain=L["reference_of"][" ".join(hit)]))
        i += len(hit)
    return out


def _noun_month(ent) -> bool:
    """A DATE entity holding a lower-case month name used as a noun: with an article
    as its determiner or as a possessive ("the march's route", "a march on
    parliament"); spaCy labels such words DATE and the figure would be dated to a month
    it never names. "in march" (no article) and "March" stay months. Heuristic (the
    article list is ``noun_month_determiners`` in dates.json): real-world dev 2 wrong
    month dates dropped, none right lost; TimeBank+AQUAINT
    date value F1 0.863 unchanged."""
    L = _lex()
    for t in ent:
        if not t.text.islower() or t.lower_ not in L["months"]:
            continue
        if t.dep_ == "poss" or any(c.dep_ == "det" and c.lower_ in L["noun_month_determiners"] for c in t.children):
            return True
    return False


def find_dates(sent: "Span", published: str | None = None) -> list[DateRef]:
    """Dates in ``sent`` resolved against ``published`` (ISO date or None), then the
    references to the time of writing outside entities (:func:`_reference_words`), in
    text order."""
    out: list[DateRef] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or _noun_month(ent):
            continue
        s, e = _trim(sent, ent)
        if e <= s:
            continue
        text = sent_slice(sent, s, e)
        res = resolve(text, published, ent.label_, _tense(ent))
        if res is None:
            continue
        value, grain = res
        out.append(DateRef(text=text, span=[s, e], value=value, grain=grain))
    refs = _reference_words(sent)
    if refs:
        out = sorted(out + refs, key=lambda r: r["span"][0])
    return out
