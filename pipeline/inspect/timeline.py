"""Timelines inside one ledger group: when each figure was stated, which figure replaces
which (a rising toll is an *update*, a lower one a *revision*), and which figures are
denied and by what.

Rules in docs/ledger.md ("Timelines, revisions and denials"); cue words are data in
``models/ledger/time.json`` (``older_cues``, ``later_cues``, ``revision_cues``,
``denial.ceiling``). Which figures are denied it reads from their ``disputed`` flag only
(the hedging stage is the one reader of denials). Each rule is
a small function; :func:`mark_timeline` applies them to the rows of one group, which the
caller has already put in the order :func:`order_key` gives.

Rules of issue 21 (real-world gold revisions marked dev 0.474 → 0.586, test 0.481 →
0.556; denials dev 0.246 → 0.333, test 0 of 3 unchanged; ledger pairs unchanged):
"from" marks an earlier figure only as its object ("up from an earlier count of 81", not
"the toll from the landslide rose to 96": :func:`_governs`); a sentence opening "Earlier
in the day" or "Back then" makes all its figures earlier (:func:`_opens_earlier`); a
date after a clause break is not the number's ("reached 410, and on 5 May, it was 466");
a rounding ("near 2,200" beside 2,187) is never the figure a new one replaces
(:func:`_roundings`); a new figure replaces the first mention of the old value
(:func:`_first_mention`); a denial reaches every mention of the figure by its source in
its document (:func:`_every_mention`).

Four more links (together revisions marked dev 0.583 → 0.617, test 0.556 unchanged;
ledger pairs unchanged): a new figure replaces the old value of its own sentence before its first
mention ("Reuters reported 4,493, while AFP put the toll at 4,555": :func:`_first_mention`);
a figure coordinated with an earlier one is earlier too ("higher than the 120 dead and
100 injured": :func:`_share_of`); "from" governs words ending in a count noun and "of"
("from an early police figure of 20": :func:`_governs`); a later-cue after the number in
its clause states it as later ("raised the toll to 174 in a TV interview later that
morning": :func:`_later_in_clause`; revisions dev 0.611 → 0.617, test unchanged).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, Sequence

from ..resources import load_json, word_alternation
from .data import sentence_of, figure_flags
from .timescope import compared_date

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: most characters between a number and the date it is stated for ("150,000 on Jan. 24",
#: "30 people killed by Friday")
DATE_GAP = 24
#: a clause break between a number and a date: the date is the next clause's
_BREAK = re.compile(r"[,;:]")


class RowLike(Protocol):
    claim: dict[str, Any]
    quantity: dict[str, Any]
    key: str
    stated: str | None
    older: bool
    lowered: bool
    replaces: int | None
    change: str | None
    disputed: bool
    denies: list[int]
    denied_by: list[int]


@dataclass(frozen=True)
class Cues:
    older: re.Pattern[str]
    older_window: int
    changed_after: re.Pattern[str]
    changed_window: int
    lowered: re.Pattern[str]
    lowered_window: int
    ceiling: re.Pattern[str]
    later: re.Pattern[str]
    later_window: int
    later_words: tuple[str, ...]
    object_words: frozenset[str]
    object_heads: frozenset[str]
    lead_words: frozenset[str]
    openers: re.Pattern[str]
    opener_lead: int
    rounding_margin: float


def alternation(words: Sequence[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word or phrase, case-insensitive, the longest first
    ("the country's" before "the country")."""
    return re.compile(word_alternation(words), re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_json("ledger", "time.json")
    older, lowered, denial = data["older_cues"], data["revision_cues"], data["denial"]
    lead = load_json("hedging", "revisions.json")["lead_words"]
    return Cues(alternation(older["words"]), int(older["window_words"]),
                alternation(older["after"]), int(older["after_window_words"]),
                alternation(lowered["words"]), int(lowered["window_words"]),
                alternation(denial["ceiling"]),
                alternation(data["later_cues"]["words"]), int(data["later_cues"]["window_words"]),
                tuple(w.lower() for w in data["later_cues"]["words"]),
                frozenset(w.lower() for w in older["object_words"]),
                frozenset(w.lower() for w in older["object_heads"]), frozenset(w.lower() for w in lead),
                alternation(older["openers"]), int(older["opener_lead"]), float(data["rounding_margin"]))


# --- when a figure was stated ------------------------------------------------------------

def _nearest_day(claim: dict[str, Any], q: dict[str, Any], published: str | None,
                 distance: Callable[[list[int], list[int]], int | None]) -> str | None:
    """The day date of the claim nearest the number by ``distance`` (None: not a
    candidate), else the publication day, else None."""
    span = q.get("span") or [None, None]
    best: tuple[int, str] | None = None
    for d in claim.get("dates") or []:
        value, ds = str(d.get("value") or ""), d.get("span") or [None, None]
        if not _ISO_DAY.fullmatch(value) or ds[0] is None or span[0] is None:
            continue
        dist = distance(span, ds)
        if dist is not None and (best is None or dist < best[0]):
            best = (dist, value)
    if best:
        return best[1]
    return str(published)[:10] if published and _ISO_DAY.match(str(published)) else None


def stated_date(claim: dict[str, Any], q: dict[str, Any], published: str | None) -> str | None:
    """The day the figure was stated for: a full day date right after the number ("to
    150,000 on Jan. 24", "at least 30 by Friday": at most ``DATE_GAP`` characters
    between), else an earlier date that opens the sentence (:func:`_opening_date`), else
    the document's publication day, else None. A date elsewhere in the
    sentence is usually the event's ("the quake on Friday killed 820"), not the count's;
    so is a date after a clause break ("reached 1,407, and on Friday, October 5, it was
    1,571": Friday is the 1,571's day).

    Heuristic (the clause break): real-world gold revisions marked dev 0.572 → 0.586,
    test unchanged (0.556)."""
    text, base = sentence_of(claim)
    day = _nearest_day(claim, q, None,
                       lambda span, ds: ds[0] - span[1] if 0 <= ds[0] - span[1] <= DATE_GAP
                       and not _BREAK.search(text, span[1] - base, ds[0] - base) else None)
    return day or _opening_date(claim, published) or _nearest_day(claim, q, published, lambda span, ds: None)


_OPENS = re.compile(r"\s*(?:[A-Za-z]+\s+)?")
_ISO_PERIOD = re.compile(r"\d{4}-\d\d(?:-\d\d)?")


def _opening_date(claim: dict[str, Any], published: str | None) -> str | None:
    """A date that opens the sentence ("**In June**, police estimated that around 80 had
    died", "On Monday, the ministry said …": at most one word before it, a comma after)
    dates its statement, when it is before the publication day: the figure was given
    then, not on the day of the article that recalls it.

    Heuristic: real-world gold revisions marked dev 0.828 → 0.844, test 0.525 → 0.550;
    ledger pairs unchanged (docs/ledger.md, "Timelines")."""
    text, base = sentence_of(claim)
    pub = str(published or "")[:10]
    for d in claim.get("dates") or []:
        value, ds = str(d.get("value") or ""), d.get("span") or [None, None]
        if ds[0] is None or not _ISO_PERIOD.fullmatch(value) or not _ISO_DAY.match(pub):
            continue
        if _OPENS.fullmatch(text, 0, ds[0] - base) and text[ds[1] - base:ds[1] - base + 1] == "," \
                and value < pub[:len(value)]:
            return value
    return None


def occasion_day(claim: dict[str, Any], q: dict[str, Any], published: str | None) -> str | None:
    """The day a count of a one-day occasion (a crowd, a strike) is for: the day date of
    its sentence nearest the number ("on January 31, when police counted 1.27 million"),
    else the publication day. Not a date a comparison word introduces ("a little more
    than on Jan. 19": :func:`~.timescope.compared_date`).

    Heuristic (the comparison): real-world ledger pairs F1 dev 0.8757 → 0.8762 (a crowd
    compared with an earlier day's no longer sits in that day's table), test 0.6435
    unchanged (it has no protest story) (docs/ledger.md, "Time scope")."""
    text, base = sentence_of(claim)
    return _nearest_day(claim, q, published,
                        lambda span, ds: None if compared_date(text, ds[0] - base)
                        else ds[0] - span[1] if ds[0] >= span[1] else span[0] - ds[1])


def _local(claim: dict[str, Any], q: dict[str, Any]) -> tuple[str, int, int, list[tuple[int, int]]]:
    """The claim's text, the number's span in it, and the other numbers' spans."""
    text, base = sentence_of(claim)
    s, e = (q.get("span") or [base, base])
    others = [(o["span"][0] - base, o["span"][1] - base) for o in claim.get("quantities") or []
              if o is not q and (o.get("span") or [None])[0] is not None
              and (o.get("kind") or "count") == "count" and not _single(o)]
    return text, s - base, e - base, others


def _single(q: dict[str, Any]) -> bool:
    """A count of one ("a dispute between **one** ministry that counts 38,195 and another"):
    a determiner more than a figure, so it does not stand between a cue and the figures.

    Heuristic: real-world gold denials marked dev 0.400 → 0.440, revisions 0.562 → 0.578,
    test unchanged (docs/ledger.md, "Timelines")."""
    v = q.get("value")
    return isinstance(v, (int, float)) and v == 1 and q.get("low") in (None, 1) and q.get("high") in (None, 1)


def _cue_distance(pattern: re.Pattern[str], claim: dict[str, Any], q: dict[str, Any], window: int,
                  accept: Callable[[str, str], bool] | None = None) -> int | None:
    """Words between the number and the nearest cue at most ``window`` words before it
    with no other number between (and, with ``accept``, that it accepts: the cue and the
    text between); None when there is none."""
    text, s, _, others = _local(claim, q)
    best = None
    for m in pattern.finditer(text, 0, max(s, 0)):
        words = len(re.findall(r"\w+", text[m.end():s]))
        if words <= window and not any(m.end() <= o < s for o, _ in others) \
                and (accept is None or accept(m.group(0), text[m.end():s])):
            best = words if best is None else min(best, words)
    return best


def _cue_before(pattern: re.Pattern[str], claim: dict[str, Any], q: dict[str, Any], window: int) -> bool:
    """A cue at most ``window`` words before the number, no other number between."""
    return _cue_distance(pattern, claim, q, window) is not None


def _cue_after(pattern: re.Pattern[str], claim: dict[str, Any], q: dict[str, Any], window: int) -> bool:
    """A cue at most ``window`` words after the number, no other number between."""
    text, _, e, others = _local(claim, q)
    for m in pattern.finditer(text, max(e, 0)):
        if len(re.findall(r"\w+", text[e:m.start()])) > window:
            break
        if not any(e <= o < m.start() for o, _ in others):
            return True
    return False


def is_older(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The sentence says the figure is an earlier one: "up from 72", "the previous figure
    was 17", "had given a figure of 50 earlier", "revised down from 174". Not when a
    revision cue stands nearer the number than any earlier-cue: "before saying that the
    count had been **corrected to** 125" states 125 as the correction, not the old figure.

    Heuristic: real-world gold revisions marked dev 0.516 → 0.531, test 0.525 unchanged
    (docs/ledger.md, "Timelines")."""
    c = cues()
    older = _cue_distance(c.older, claim, q, c.older_window, _governs)
    if older is None:
        whole = _share_of(claim, q)
        return (whole is not None and is_older(claim, whole)) or _changed_since(claim, q) \
            or _opens_earlier(claim, q)
    lowered = _cue_distance(c.lowered, claim, q, c.lowered_window)
    return lowered is None or older < lowered


def _governs(cue: str, between: str) -> bool:
    """An ``object_words`` cue ("from") marks the figure only as its object: lead words
    alone between ("up **from an earlier count of** 632"), or words ending in a count noun
    and "of" (``object_heads``: "climbed **from an early police figure of** 20"), not "the
    toll **from** the landslide rose to 96" (96 is the new figure). Other cues always.

    Heuristic: real-world gold revisions marked dev 0.566 → 0.586, test 0.537 → 0.556
    (docs/ledger.md, "Timelines"); the count noun: dev 0.594 → 0.611, test unchanged (0.556)."""
    c = cues()
    words = re.findall(r"[\w'’-]+", between.lower())
    return cue.lower() not in c.object_words or all(w in c.lead_words for w in words) \
        or (len(words) >= 2 and words[-2] in c.object_heads and words[-1] == "of")


def _opens_earlier(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The sentence opens with an earlier-time adverbial (``older_cues.openers``, at most
    ``opener_lead`` words before it): "**Earlier in the day** the toll had stood at 139,
    with more than 160 missing" makes both earlier figures, however far from the cue.

    Heuristic: real-world gold revisions marked dev 0.553 → 0.586, test unchanged (0.556)
    (docs/ledger.md, "Timelines")."""
    c = cues()
    text, s, _, _ = _local(claim, q)
    m = c.openers.search(text, 0, max(s, 0))
    return m is not None and len(re.findall(r"\w+", text[:m.start()])) <= c.opener_lead


def _changed_since(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The sentence goes on to say the figure has changed since it was given ("the
    committee put the number of dead at 35, **but the figure has risen** steadily since":
    35 is an earlier figure; ``older_cues.after``).

    Heuristic: real-world gold revisions marked dev 0.750 → 0.781, test 0.525 unchanged
    (docs/ledger.md, "Timelines")."""
    c = cues()
    return _cue_after(c.changed_after, claim, q, c.changed_window)


_SHARE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:among|out of|of)\s+")
#: a figure coordinated with the one before it, each with its noun ("120 dead **and** 100
#: injured", "64 dead, 238 missing"): at least one word, then "and" or a comma, then the number
_PAIRED = re.compile(r"\s*[A-Za-z'’-]+(?:\s+[A-Za-z'’-]+)?\s*(?:,\s*and|,|and)\s+")


def _share_of(claim: dict[str, Any], q: dict[str, Any]) -> dict[str, Any] | None:
    """The count the number is the whole of ("the WHO had reported 4,960 deaths **among**
    13,268 cases", "2,316 **out of** 4,076"), or the count it is coordinated with ("far
    higher than the 120 dead **and** 100 injured the official gave an hour before"): the
    two are one statement, so an earlier-cue of the first ("had reported", "higher than")
    makes both earlier figures.

    Heuristic: real-world gold revisions marked dev 0.703 → 0.719 (revisions and denials
    0.663 → 0.674), test 0.525 unchanged; ledger pairs unchanged (docs/ledger.md, "Timelines").
    The coordination: dev gold revisions marked 0.589 → 0.594, test unchanged (0.556)."""
    text, base = sentence_of(claim)
    start = (q.get("span") or [None])[0]
    if start is None:
        return None
    before = [o for o in claim.get("quantities") or [] if o is not q
              and (o.get("span") or [None])[0] is not None and o["span"][1] <= start]
    if not before:
        return None
    prev = max(before, key=lambda o: o["span"][1])
    gap = (prev["span"][1] - base, start - base)
    return prev if _SHARE.fullmatch(text, *gap) or _PAIRED.fullmatch(text, *gap) else None


def is_later(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The sentence states the figure as a later one ("the deputy governor **later** told
    a broadcaster that 174 were dead", or a cue after it in its clause:
    :func:`_later_in_clause`): it replaces the figure given before it in its document
    (:func:`_said_before`)."""
    c = cues()
    low = str(claim.get("text") or "").lower()
    # most sentences hold no later-cue: a substring test before the scan
    return any(w in low for w in c.later_words) and (_cue_before(c.later, claim, q, c.later_window)
                                                     or _later_in_clause(claim, q))


def _later_in_clause(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """A later-cue after the number in its clause ("raised the toll to 174 in a TV
    interview **later** that morning"): at most ``later_cues.window_words`` words and no
    clause break between, so "put the toll at 174 on Sunday, but it was later reduced to
    125" does not make 174 a later figure.

    Heuristic: real-world gold revisions marked dev 0.611 → 0.617, test unchanged (0.556)."""
    c = cues()
    text, _, e, _ = _local(claim, q)
    m = c.later.search(text, max(e, 0))
    return m is not None and not _BREAK.search(text, max(e, 0), m.start()) \
        and len(re.findall(r"\w+", text[e:m.start()])) <= c.later_window


def is_lowered(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The figure is stated as a correction downwards: "revised down to 125", "brought down
    to 125", "lowered to 96,000"."""
    c = cues()
    return _cue_before(c.lowered, claim, q, c.lowered_window)


def is_denied(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The figure is denied or contested: its ``disputed`` flag, which the hedging stage
    sets ("the ministry denied that the toll had reached 100", "46, not 108", "87 killed,
    critics say too low", a denial of the sentence before: "The ministry disputed this");
    the claim's flag for a record without figure flags (before schema 1.2). The ledger
    has no denial reader of its own."""
    return bool(figure_flags(claim, q).get("disputed"))


def order_key(row: RowLike) -> tuple[Any, ...]:
    """Rows in the order their figures were stated: by day; on one day an earlier-marked
    figure first, a figure stated as lowered last, and otherwise the smaller first (a
    cumulative toll grows unless a revision says otherwise); then document and position.
    A month ("2017-06", :func:`_opening_date`) sorts after the days of that month: its
    statement may be of any of them, and a toll stated in the month is at least as recent
    as one dated inside it ("17 deaths so far" on June 16, "in June … around 80")."""
    lo = row.quantity.get("low")
    value = lo if isinstance(lo, (int, float)) else row.quantity.get("value") or 0
    day = row.stated or "9999"
    return (day + "-~" if len(day) == 7 else day, not row.older, row.lowered, value, str(row.claim.get("doc_id")),
            (row.quantity.get("span") or [0])[0])


# --- marks -------------------------------------------------------------------------------

def _value(row: RowLike) -> float:
    v = row.quantity.get("value")
    return float(v) if isinstance(v, (int, float)) else 0.0


def _latest_other(rows: Sequence[RowLike], earlier: list[int], r: RowLike, *, other_day: bool,
                  skip: frozenset[int] = frozenset()) -> int | None:
    for j in reversed(earlier):
        if j not in skip and _value(rows[j]) != _value(r) and (not other_day or rows[j].stated != r.stated):
            return j
    return None


def _digits(v: float) -> int:
    """Significant digits of a whole number (4,500: 2; 4,493: 4)."""
    return len(str(int(abs(v))).rstrip("0")) if v >= 1 and v == int(v) else 99


def _roundings(rows: Sequence[RowLike], in_doc: dict[str, list[int]]) -> frozenset[int]:
    """Rows that round an exact figure of their document ("tops **4,500**", "near 9,000"
    beside 4,493 or 8,997: an approximate or bounded figure with fewer significant digits,
    within ``rounding_margin`` of it): a mention of that figure, never the earlier figure a
    new one replaces ("4,555" replaces 4,493, not "near 4,500"; docs/annotation.md 10.3).

    Heuristic: real-world gold revisions marked dev 0.559 → 0.586, test unchanged (0.556)
    (docs/ledger.md, "Timelines")."""
    margin = cues().rounding_margin
    out = set()
    for idx in in_doc.values():
        exact = [_value(rows[k]) for k in idx if (rows[k].quantity.get("approx") or "exact") == "exact"]
        for j in idx:
            v = _value(rows[j])
            if (rows[j].quantity.get("approx") or "exact") != "exact" and any(
                    abs(e - v) <= margin * v and _digits(e) > _digits(v) for e in exact):
                out.add(j)
    return frozenset(out)


def _first_mention(rows: Sequence[RowLike], earlier: list[int], j: int, i: int) -> int:
    """The row of row ``j``'s value that new row ``i`` replaces: one in row ``i``'s own
    sentence ("Reuters reported 4,493 deaths, while AFP put the toll at 4,555": that
    4,493, not the headline's), else the first in the text of its document (a figure
    repeated in a later sentence: the new figure replaces its first mention).

    Heuristic: real-world gold revisions marked dev 0.579 → 0.586, test 0.500 → 0.556
    (the first mention); the own sentence: dev 0.583 → 0.589, test unchanged (0.556)."""
    same = [k for k in earlier if _value(rows[k]) == _value(rows[j])]
    return min(same, key=lambda k: (rows[k].claim is not rows[i].claim, _pos(rows[k])))


def _pos(row: RowLike) -> int:
    return (row.quantity.get("span") or [0])[0] or 0


def _anchors(rows: Sequence[RowLike], in_doc: dict[str, list[int]]) -> dict[int, float]:
    """Earlier-marked row → the value of the figure it is compared with: the nearest row
    before it in its document's text that is not earlier-marked and has another value
    ("1,069 have died. That is up from a tally of 1,013": 1,013 is compared with 1,069).
    Every row of that document with this value replaces it: a headline and a body
    sentence that both give the new toll both revise the old one.

    Heuristic: real-world gold revisions marked dev 0.453 → 0.516, test 0.325 → 0.525
    (docs/ledger.md, "Timelines"); ledger pairs unchanged."""
    out: dict[int, float] = {}
    for idx in in_doc.values():
        for j in idx:
            if not rows[j].older:
                continue
            before = [k for k in idx if not rows[k].older and _pos(rows[k]) < _pos(rows[j])
                      and _value(rows[k]) != _value(rows[j])]
            if before:
                out[j] = _value(rows[max(before, key=lambda k: _pos(rows[k]))])
    return out


def _lowered_from(rows: Sequence[RowLike], i: int, idx: list[int]) -> list[int]:
    """The figure a lowered row corrects: the nearest higher figure before it in its
    document's text ("a provincial official raised that to 174, and the toll was then
    cut to 125": 125 corrects 174, not the 127 police gave first).

    Heuristic: real-world gold revisions marked dev 0.531 → 0.547, test 0.525 unchanged
    (docs/ledger.md, "Timelines")."""
    before = [j for j in idx if _pos(rows[j]) < _pos(rows[i]) and _value(rows[j]) > _value(rows[i])]
    return [max(before, key=lambda j: _pos(rows[j]))] if before else []


def _said_before(rows: Sequence[RowLike], i: int, idx: list[int]) -> int | None:
    """For a row stated as later (:func:`is_later`): the nearest figure before it in its
    document's text with another value, among the rows before it in the timeline (``idx``;
    never one after it, which would make a cycle) ("police said 127 people had died … the
    deputy governor later told a broadcaster that 174 were dead": 174 replaces 127, not the
    153 a commission gave that the value order puts before it).

    Heuristic: real-world gold revisions marked dev 0.719 → 0.734 (revisions and denials
    0.674 → 0.685), test 0.525 unchanged; ledger pairs unchanged (docs/ledger.md,
    "Timelines")."""
    if not is_later(rows[i].claim, rows[i].quantity):
        return None
    before = [j for j in idx if _pos(rows[j]) < _pos(rows[i]) and _value(rows[j]) != _value(rows[i])]
    return max(before, key=lambda j: _pos(rows[j])) if before else None


def _revised_from(rows: Sequence[RowLike], i: int, idx: list[int]) -> int | None:
    """The row of the figure that row ``i``'s record says it replaces (``revises``)."""
    span = (rows[i].quantity.get("revises") or {}).get("span")
    if not span:
        return None
    return next((j for j in idx if rows[j].claim is rows[i].claim and rows[j].quantity.get("span") == span), None)


def _chain_end(rows: Sequence[RowLike], prev: int, i: int, seen: list[int]) -> int:
    """The newest figure of the same sentence that already replaces the earlier figure
    ``prev`` ("had earlier given a toll of at least two dead, then 13": a later "more than
    35" replaces 13, not the two that 13 replaced); ``seen``: the rows of the document
    before row ``i``.

    Heuristic: real-world gold revisions marked dev 0.672 → 0.688, test 0.525 unchanged;
    ledger pairs unchanged (docs/ledger.md, "Timelines")."""
    for _ in range(len(seen)):
        nxt = [k for k in seen if rows[k].replaces == prev and rows[k].claim is rows[prev].claim
               and _value(rows[k]) != _value(rows[i])]
        if not nxt:
            break
        prev = nxt[-1]
    return prev


def mark_replacements(rows: Sequence[RowLike]) -> None:
    """Which earlier row each row replaces; ``change`` is ``update`` when it is higher (a
    toll rising), ``revised`` when lower. Tried in order:

    0. the figure its own record says it replaces (``quantities[].revises``, schema 1.4:
       "climbed from 111,481 to 150,000", "up from 72"), when that figure is a row;
    1. for a lowered row, the nearest higher figure before it (:func:`_lowered_from`);
       else an earlier-marked figure of the same sentence ("rose to 934 from 863");
    2. an earlier-marked figure of the same document compared with this row's value
       (:func:`_anchors`), else one that nothing replaces yet; the nearest in the text
       ("1,069 have died" … "up from a tally of 1,013"), or the newest figure of its
       sentence that already replaces it (:func:`_chain_end`);
    3. for a row stated as later ("later told reporters that 174"), the nearest figure
       before it in its document's text (:func:`_said_before`); else the latest row before
       it (in :func:`order_key` order) of the same document with another value that is no
       rounding of an exact figure (:func:`_roundings`), at its mention in this row's
       sentence, else its first in the text (:func:`_first_mention`);
    4. the latest row of the same source in another document, stated on another day.
    """
    taken: set[int] = set()
    in_doc: dict[str, list[int]] = {}
    of_source: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        in_doc.setdefault(str(r.claim.get("doc_id")), []).append(i)
    anchor = _anchors(rows, in_doc)
    rounds = _roundings(rows, in_doc)
    seen_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        doc = str(r.claim.get("doc_id"))
        prev = _revised_from(rows, i, in_doc[doc])
        if prev is None and not r.older:
            olds = [j for j in in_doc[doc] if j != i and rows[j].older and _value(rows[j]) != _value(r)]
            same = [j for j in olds if rows[j].claim is r.claim]
            anchored = [j for j in olds if anchor.get(j) == _value(r)]
            free = [j for j in olds if j not in taken]
            pool = (_lowered_from(rows, i, in_doc[doc]) if r.lowered else []) or same or anchored or free
            if pool:
                prev = _chain_end(rows, min(pool, key=lambda j: abs(_pos(rows[j]) - _pos(r))), i,
                                  seen_doc.get(doc, []))
        if prev is None and not r.older:
            prev = _said_before(rows, i, seen_doc.get(doc, []))
        if prev is None:
            prev = _latest_other(rows, seen_doc.get(doc, []), r, other_day=False, skip=rounds)
            prev = None if prev is None else _first_mention(rows, seen_doc[doc], prev, i)
        if prev is None:
            elsewhere = [j for j in of_source.get(r.key, [])[-32:] if str(rows[j].claim.get("doc_id")) != doc]
            prev = _latest_other(rows, elsewhere, r, other_day=True)
        if prev is not None:
            r.replaces = prev
            r.change = "update" if _value(r) > _value(rows[prev]) else "revised"
            taken.add(prev)
        seen_doc.setdefault(doc, []).append(i)
        of_source.setdefault(r.key, []).append(i)


def is_ceiling(claim: dict[str, Any], q: dict[str, Any]) -> bool:
    """The figure is stated as a ceiling: a ``ceiling`` cue in its own text ("no more than
    46") or at most one word before it ("only 46"). Not every upper bound: "as many as
    4,000" is an estimate's top, not a denial of a higher figure."""
    pattern = cues().ceiling
    return bool(pattern.search(str(q.get("text") or ""))) or _cue_before(pattern, claim, q, 1)


def _ceilings(rows: Sequence[RowLike], idx: list[int]) -> None:
    """In one sentence, a ceiling ("the authorities insist that no more than 46 died",
    "doctors claim 108 deaths, military says only 46") disputes each higher figure of its
    table and denies it.

    Heuristic: real-world dev denials marked, docs/ledger.md ("Timelines")."""
    for i in idx:
        if not is_ceiling(rows[i].claim, rows[i].quantity):
            continue
        for j in idx:
            if _value(rows[j]) > _value(rows[i]) and not is_ceiling(rows[j].claim, rows[j].quantity):
                rows[j].disputed = True
                rows[i].denies.append(j)
                rows[j].denied_by.append(i)


def _every_mention(rows: Sequence[RowLike]) -> None:
    """A contested figure is contested at each of its mentions: a row with the value and
    the source of a disputed row of its document is disputed too ("Police say 61 died;
    critics call the toll too low" … "police said on Saturday that 61 people had died":
    both 61s; not a 61 another source gives).

    Heuristic: real-world gold denials marked dev 0.246 → 0.333 (5 more denials; of the
    rows it marks, 5 of 6 matched to gold are gold ``disputed``), test unchanged
    (0.000 of 3) (docs/ledger.md, "Timelines")."""
    contested: dict[tuple[str, float], set[str]] = {}
    for r in rows:
        if r.disputed:
            contested.setdefault((str(r.claim.get("doc_id")), _value(r)), set()).add(r.key)
    for r in rows:
        if not r.disputed and r.key in contested.get((str(r.claim.get("doc_id")), _value(r)), ()):
            r.disputed = True


def mark_denials(rows: Sequence[RowLike]) -> None:
    """A denied row is ``disputed``; a row of the same sentence that is not denied and
    has another value is the figure the denial gives instead, and points at it
    (``denies``): "46, not 108" — the 46 row denies the 108 row. A ceiling disputes the
    higher figures of its sentence (:func:`_ceilings`); a denial reaches every mention of
    the figure by its source in its document (:func:`_every_mention`)."""
    for r in rows:
        r.disputed = is_denied(r.claim, r.quantity)
    _every_mention(rows)
    by_claim: dict[Any, list[int]] = {}
    for i, r in enumerate(rows):
        by_claim.setdefault(r.claim.get("claim_id") or id(r.claim), []).append(i)
    for idx in by_claim.values():
        _ceilings(rows, idx)
        for i in idx:
            for j in idx:
                if rows[j].disputed and not rows[i].disputed and _value(rows[i]) != _value(rows[j]) \
                        and j not in rows[i].denies:
                    rows[i].denies.append(j)
                    rows[j].denied_by.append(i)


def mark_timeline(rows: Sequence[RowLike]) -> None:
    """Replacements and denials of one group's rows (already in :func:`order_key` order)."""
    mark_replacements(rows)
    mark_denials(rows)
