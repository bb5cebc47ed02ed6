"""Off-topic tail of the clean stage: appended unrelated stories are cut after a marker
line (related stories, comments, a time stamp) or, with no marker, at the one
paragraph boundary found by a global search (:func:`_unmarked_boundary`: both sides
of the boundary cohere with themselves and not with each other). A heuristic with
its thresholds in :class:`~.settings.CleanSettings`, measured by ``make eval`` (sets
``corpus``, ``appended``); the decision rules are in :func:`_off_topic`'s and
:func:`_unmarked_boundary`'s docstrings.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from .lexicon import _Lexicon
from .lines import _Doc, _Piece
from .settings import _DEFAULT, CleanSettings

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float] | None:
    """wordfreq's English word list (word → frequency), or None without wordfreq."""
    try:
        import wordfreq
    except ImportError:  # the rarity weights fall back to the shape weights
        return None
    return wordfreq.get_frequency_dict("en")


@lru_cache(maxsize=1 << 16)
def _zipf(word: str) -> float | None:
    """Zipf frequency (log10 per billion words + 9; "the" ≈ 7.7, unseen = 0) of a
    lower-cased word in general English, or None when wordfreq is not installed."""
    table = _zipf_table()
    if table is None:
        return None
    f = table.get(word, 0.0)
    return math.log10(f) + 9.0 if f > 0 else 0.0


def _features(text: str, stop: frozenset[str], settings: CleanSettings | None = None
              ) -> dict[str, float]:
    """Content tokens of a text with weights.

    Tokens are lower-cased with a light plural/possessive strip so "Syria's"/"Syria"
    and "killings"/"killing" meet. Weight = shape x rarity: shape is 2 for
    capitalised / numeric tokens (named-entity-like), 1 otherwise; rarity is
    ``rarity_ceiling - zipf`` clipped to [``rarity_floor``, ``rarity_cap``], with
    ``zipf`` the word's general-English frequency (wordfreq), so shared common
    words ("government", "India") count little and rare ones (names, topic terms)
    a lot. Without wordfreq (or with ``rarity_ceiling = 0``) rarity is 1."""
    settings = settings or _DEFAULT
    out: dict[str, float] = {}
    for w in _TOKEN.findall(text):
        low = w.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low in stop or len(low) < 3 and not low.isdigit():
            continue
        if low.isdigit() and len(low) < 2:
            continue
        word = low
        if len(low) > 4 and low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
        weight = settings.entity_weight if (w[0].isupper() or w[0].isdigit()) else 1.0
        z = _zipf(word) if settings.rarity_ceiling > 0 else None
        if z is not None:
            weight *= min(settings.rarity_cap, max(settings.rarity_floor, settings.rarity_ceiling - z))
        if out.get(low, 0.0) < weight:
            out[low] = weight
    return out


def _sim(feat: dict[str, float], ref: set[str]) -> float:
    total = sum(feat.values())
    if not total:
        return 0.0
    return sum(w for t, w in feat.items() if t in ref) / total


def _merge_max(into: dict[str, float], feat: dict[str, float]) -> None:
    for t, w in feat.items():
        if into.get(t, 0.0) < w:
            into[t] = w


def _unmarked_boundary(lengths: list[int], feats: list[dict[str, float] | None],
                       head: set[str], settings: CleanSettings,
                       trace: list | None = None) -> int | None:
    """Where an unmarked appended story starts: a unit index, or None (no cut).

    A heuristic (measured by ``make eval``, set ``appended``), after TextTiling /
    C99-style boundary scoring but global: appended stories form a contiguous
    suffix, so every paragraph boundary is scored and the document is cut at
    most once.

    Input: the kept body units in order (``feats`` None for a unit that is not
    kept). Runs of consecutive short units (under ``min_paragraph_chars`` or 6
    content tokens: list items, sub-headings, one-line quotes) are merged into
    one block, so a list is judged as a whole; a block is *substantial* when it
    reaches those sizes. Candidate boundaries are the block starts after the
    first ``boundary_lead_chars`` characters of body.

    For a candidate boundary, with A the substantial blocks after it and B those
    before it (each up to ``boundary_window_chars``), and *overlap(p, R)* the
    weighted share of paragraph p's content tokens found in the token set R
    (:func:`_sim`; rare and name-like tokens weigh most, :func:`_features`):

    * before side: ``s_b`` = mean overlap of each B paragraph with the article
      before the boundary (headline and key points included, the paragraph
      itself excluded); ``x_b`` = mean overlap of each B paragraph with A;
    * after side: ``s_a`` = mean overlap of each A paragraph with the rest of A
      and with A's own head, the short blocks between the boundary and A's first
      paragraph (is the suffix a story of its own? an appended story's headline
      shares words with its paragraphs as the article's headline with the article's;
      over a single paragraph only a head of which at most
      ``boundary_head_shared_max`` of the weight is the article's words, as a
      sub-heading is not); ``x_a`` = mean overlap of each A paragraph with everything
      before the boundary;

    (means weighted by characters). The score is
    ``((s_b + e) / (x_b + e)) ** w x ((s_a + e) / (x_a + e)) ** (1 - w)``
    with ``e = boundary_smoothing`` and ``w = boundary_before_weight``: how
    much more each side coheres with itself than with the other side. Inside
    an article both sides share its names and topic words (score about 1-2);
    at the start of an unrelated story neither side finds the other's words.

    Decision: the first candidate scoring at least ``max(boundary_threshold,
    boundary_relative x q)``, q the ``boundary_relative_quantile`` quantile of
    the scores of all the document's candidates (a document-relative cutoff, as
    TextTiling's: in a list-like article every transition scores high), and leaving at least ``boundary_min_tail_chars``
    characters after it opens a group;
    the best-scoring candidate within ``boundary_group_chars`` after it (among those
    reaching the cutoff, by the score without the after side's head, below) is the
    cut (an article's own closing disclaimer or credit line scores just below
    the real start of the next story). No candidate reaching the threshold
    means no cut. A single late background paragraph cannot be cut: with one
    paragraph after the boundary and no foreign head ``s_a`` is 0.

    The after side's head is a heuristic of issue 19 (stories a page appends under
    their own headline, one or two paragraphs long): real-world test kept-char P
    0.976 -> 0.980 (appended 6 -> 7 of 9), dev unchanged; appended set unchanged;
    ScrapingHub bodies with a headline and 1-3 paragraphs of another appended P 0.965
    -> 0.970, bare bodies unchanged. The head decides whether a story starts, not which
    of two stories in a row: in a group the score without it chooses (else a second
    story's headline moved the cut past the first story: dev stress set, another pairing,
    base-article P 0.9931 -> 0.9973 where a dev page's own link list came first).

    ``trace``, when given, receives ``(unit index, chars before, s_b, x_b, s_a,
    x_a, score)`` for every scored candidate (for inspection and tests).
    """
    blocks = _blocks(lengths, feats, settings)
    if len(blocks) < 3:
        return None
    return _pick_boundary(_score_boundaries(blocks, head, settings, trace), settings)


def _substantial(n: int, f: dict[str, float], settings: CleanSettings) -> bool:
    """A paragraph (or block) of ``n`` chars and content tokens ``f`` that may decide:
    at least ``min_paragraph_chars`` and 6 content tokens."""
    return n >= settings.min_paragraph_chars and len(f) >= 6


def _blocks(lengths: list[int], feats: list[dict[str, float] | None],
            settings: CleanSettings) -> list[list]:
    """The kept units as blocks ``[first unit index, chars, merged feats]``: a substantial
    unit alone, a run of consecutive short units merged (a unit that is not kept ends
    a run)."""
    blocks: list[list] = []
    run: list | None = None
    for i, (n, f) in enumerate(zip(lengths, feats)):
        if f is None:
            run = None
            continue
        if _substantial(n, f, settings):
            blocks.append([i, n, f])
            run = None
            continue
        if run is None:
            run = [i, 0, {}]
            blocks.append(run)
        run[1] += n
        _merge_max(run[2], f)
    return blocks


def _window(indices: Iterable[int], blocks: list[list], chars: int) -> list[int]:
    """The first of ``indices`` up to and including the one that reaches ``chars``."""
    out, n = [], 0
    for j in indices:
        out.append(j)
        n += blocks[j][1]
        if n >= chars:
            break
    return out


def _overlaps(blocks: list[list], weight: list[float], side: list[int],
              own: Callable[[str], bool], other: Callable[[str], bool]) -> tuple[float, float, float]:
    """For the blocks of one ``side``: the char-weighted sums of the share of each block's
    token weight that is ``own`` (the side coheres with itself) and ``other`` (it
    shares the other side's words), and the chars."""
    num_own = num_other = den = 0.0
    for j in side:
        f, n, tot = blocks[j][2], blocks[j][1], weight[j]
        if not tot:
            continue
        num_other += n * sum(v for t, v in f.items() if other(t)) / tot
        num_own += n * sum(v for t, v in f.items() if own(t)) / tot
        den += n
    return num_own, num_other, den


def _score_boundaries(blocks: list[list], head: set[str], settings: CleanSettings,
                      trace: list | None) -> list[tuple[int, int, float, float, bool]]:
    """``(chars before, unit index, score, score without the after side's head, whether
    the after side opens with a head of its own)`` of every candidate boundary (see
    :func:`_unmarked_boundary`)."""
    total = sum(b[1] for b in blocks)
    sub = [k for k, b in enumerate(blocks) if _substantial(b[1], b[2], settings)]
    weight = [sum(b[2].values()) for b in blocks]
    win = settings.boundary_window_chars
    # Token -> number of blocks before the candidate that contain it.
    pre_count: dict[str, int] = {}
    pos = 0
    scored: list[tuple[int, int, float, float, bool]] = []
    for k, b in enumerate(blocks):
        if k:
            for t in blocks[k - 1][2]:
                pre_count[t] = pre_count.get(t, 0) + 1
            pos += blocks[k - 1][1]
        if pos < settings.boundary_lead_chars or total - pos < settings.boundary_min_tail_chars:
            continue
        after = _window((j for j in sub if j >= k), blocks, win)
        before = _window((j for j in reversed(sub) if j < k), blocks, win)
        if not after or not before:
            continue
        a_count: dict[str, int] = {}
        for j in after:
            for t in blocks[j][2]:
                a_count[t] = a_count.get(t, 0) + 1
        # the after side's own head (its short blocks before its first paragraph: a
        # headline) is its reference, as the article's headline is the before side's;
        # over one paragraph only a head foreign to the article (a sub-heading names
        # the article's things: its section stays no story of its own)
        a_head: dict[str, float] = {}
        for j in range(k, after[0]):
            _merge_max(a_head, blocks[j][2])
        if len(after) == 1 and _sim(a_head, pre_count.keys() | head) > settings.boundary_head_shared_max:
            a_head = {}
        # with one block after the boundary no token is shared within A: s_a is 0
        num_sa, num_xa, den_a = _overlaps(blocks, weight, after, lambda t: a_count[t] > 1 or t in a_head,
                                          lambda t: t in pre_count or t in head)
        num_sb, num_xb, den_b = _overlaps(blocks, weight, before, lambda t: pre_count[t] > 1 or t in head,
                                          lambda t: t in a_count)
        if not den_a or not den_b:
            continue
        s_b, x_b, s_a, x_a = num_sb / den_b, num_xb / den_b, num_sa / den_a, num_xa / den_a
        score = _score(s_b, x_b, s_a, x_a, settings)
        # the score without the head chooses among the candidates that pass (the head
        # decides whether a story starts, not which of two stories in a row)
        plain = score if not a_head else _score(s_b, x_b, _overlaps(
            blocks, weight, after, lambda t: a_count[t] > 1, lambda t: False)[0] / den_a, x_a, settings)
        if trace is not None:
            trace.append((b[0], pos, s_b, x_b, s_a, x_a, score))
        scored.append((pos, b[0], score, plain, bool(a_head)))
    return scored


def _score(s_b: float, x_b: float, s_a: float, x_a: float, settings: CleanSettings) -> float:
    """The boundary score of :func:`_unmarked_boundary` from the two sides' overlaps."""
    e, w = settings.boundary_smoothing, settings.boundary_before_weight
    score = ((s_b + e) / (x_b + e)) ** w * ((s_a + e) / (x_a + e)) ** (1.0 - w)
    if s_a < settings.boundary_min_cohesion:
        score = min(score, 1.0)   # not a story of its own: no evidence
    return score


def _pick_boundary(scored: list[tuple[int, int, float, float, bool]], settings: CleanSettings) -> int | None:
    """The cut among the scored candidates (the decision of :func:`_unmarked_boundary`): in
    the group, the passing candidate with the best score without the head; moved on to the
    first passing candidate that opens with a head of its own (an appended story's
    headline) at most ``boundary_snap_chars`` after it, when the best opens with none: the
    article's last short paragraph (a quote, a closing remark) shares few of its words and
    scores as a story start, but the story starts at its headline. Heuristic (issue 19):
    36 stored public pages of 8 events outside the test bed, each followed by a page of
    another event (144 pairs), kept article chars 0.980 -> 0.984 with the appended pages
    kept as before; appended set plain recall 0.9740 -> 0.9744, precision 0.9794 ->
    0.9790 (F1 unchanged), chrome recall 0.9680 -> 0.9681; real-world dev and test
    unchanged. (Splitting a run of short units at a headline after a short sentence, so
    that the headline starts a candidate, kept more article on those pairs, 0.988, but
    moved the document-relative cutoff and kept 1.5 % more of the appended pages: left
    out.)"""
    if not scored:
        return None
    scores = sorted(c[2] for c in scored)
    typical = scores[int(settings.boundary_relative_quantile * (len(scores) - 1))]
    need = max(settings.boundary_threshold, settings.boundary_relative * typical)
    first = next((c[0] for c in scored if c[2] >= need), None)
    if first is None:
        return None
    best = max((c for c in scored if first <= c[0] <= first + settings.boundary_group_chars and c[2] >= need),
               key=lambda c: (c[3], -c[0]))
    if not best[4]:
        headed = next((c for c in scored if best[0] < c[0] <= best[0] + settings.boundary_snap_chars
                       and c[4] and c[2] >= need), None)
        if headed is not None:
            return headed[1]
    return best[1]


def _off_topic(doc: _Doc, lex: _Lexicon, settings: CleanSettings, html: bool = False) -> None:
    """Remove a contiguous tail of appended stories (reason ``off_topic``).

    A heuristic, measured by ``make eval`` (sets ``corpus`` and ``appended``).
    Two ways into the tail:

    * **Unmarked** (English text input only): the global boundary search of
      :func:`_unmarked_boundary` over the body paragraphs; from the boundary it
      returns, everything is ``off_topic`` (no return to the article).
    * **Marker line** (cue classes with ``tail_marker``: related stories,
      comments, tags; relative time stamps like "2 hours ago" on a page that is no
      live page; and kept markers, read with the text after them: a second story's
      head, a datelined paragraph after the article and a transcript's turn to another
      item, :mod:`.zones`) after some body:
      a boundary unless the text after it (up to the next marker, at most
      ``marker_window_chars``) is the article going on: the char-weighted mean
      overlap of its substantial paragraphs with the article so far reaches
      ``marker_resume`` x the article's *level* (an in-article widget such as
      "Don't miss" or "Most read"). After a marker-led boundary every line is
      ``off_topic`` (cue lines keep their boilerplate reason) unless a
      substantial paragraph (≥ ``min_paragraph_chars``, ≥ 6 content tokens)
      reaches ``resume_threshold`` (scaled): the article goes on after a
      widget; a later marker ends it again. A story head about another country
      (``|foreign``) opens the tail without the overlap check, and a comments head
      over readers' posts (``|final``, :func:`.zones._comment_posts`) opens it for good
      (no paragraph resumes the article after it); when the article
      resumes after a kept marker before any other marker, the units cut since it are
      given back (it headed a section of the article). After the head of a story-link
      list closed inside the article (``|closed``, :func:`.zones._closed_list`) the
      first substantial paragraph alone may show that the article goes on.

    *Overlap* is the weighted share of a paragraph's distinct content tokens
    (stopwords of ``models/clean/stopwords.txt`` excluded) found in the
    reference: the headline, key points, the lead (first ``lead_chars`` of
    body) and every paragraph accepted as article since. Capitalised and
    numeric tokens weigh ``entity_weight`` x, and with wordfreq rarer words weigh
    more (:func:`_features`). The *level* is the char-weighted mean overlap of
    the accepted paragraphs (each measured when it arrived, at least
    ``off_topic_threshold``); thresholds are scaled by ``min(1, accepted chars /
    mature_chars)`` (a small reference matches less).

    Short paragraphs and headings never decide: they follow their neighbours.
    On text that is not English (under 20 % English stopwords) only markers cut:
    the overlap needs a stopword list for the language. With ``html=True`` (text
    that trafilatura already reduced to the main content) only markers cut, with
    the lower ``html_marker_resume``: the similarity cut never helped on real
    pages and cost whole articles.
    """
    units = [p for pieces in doc.pieces for p in pieces if p.unit]
    if not units:
        return
    art = _Article(doc, units, lex.stopwords, settings, html)
    cut = None
    if _english(doc.text, units, lex.stopwords) and not html and settings.boundary_threshold > 0:
        cut = _unmarked_boundary([p.end - p.start for p in units],
                                 [art.feats[id(p)] if p.keep else None for p in units],
                                 set(art.ref), settings)
    art.walk(art.read_lead(cut), cut)


def _english(text: str, units: list[_Piece], stop: frozenset[str]) -> bool:
    """At least 20 % of the first 20 units' words are English stopwords."""
    # The overlap needs the stopword list of the text's language (English only
    # for now): elsewhere only marker lines start a tail.
    words = _TOKEN.findall(" ".join(text[p.start:p.end] for p in units[:20]))
    return bool(words) and sum(w.lower() in stop for w in words) >= 0.2 * len(words)


def _to_tail(p: _Piece) -> None:
    """A kept unit becomes part of the appended tail (``off_topic``)."""
    if p.keep:
        p.keep, p.label = False, "off_topic"


def _hold(p: _Piece, held: list[tuple[_Piece, str]] | None) -> None:
    """:func:`_to_tail`, noting a kept unit and its section in ``held`` (when not None) so
    that it can be given back."""
    if held is not None and p.keep:
        held.append((p, p.label))
    _to_tail(p)


class _Article:
    """The article as the off-topic pass has read it so far (see :func:`_off_topic`):
    the reference tokens ``ref``, the accepted chars and the level ``lvl`` (chars x
    overlap, chars of the accepted substantial paragraphs)."""

    def __init__(self, doc: _Doc, units: list[_Piece], stop: frozenset[str],
                 settings: CleanSettings, html: bool):
        self.units, self.settings, self.html = units, settings, html
        self.ref: set[str] = set()
        for pieces in doc.pieces:
            for p in pieces:
                if p.keep and p.label in ("headline", "key_points"):
                    self.ref.update(_features(doc.text[p.start:p.end], stop, settings))
        self.feats = {id(p): _features(doc.text[p.start:p.end], stop, settings) for p in units if p.keep}
        self.accepted = 0
        self.lvl = [0.0, 0.0]

    def substantial(self, p: _Piece) -> bool:
        return p.keep and _substantial(p.end - p.start, self.feats[id(p)], self.settings)

    def read_lead(self, cut: int | None) -> int:
        """Take the first body paragraphs as the lead (they define the topic; never
        off-topic), up to ``lead_chars``, a marker or the cut; returns the next unit."""
        k = 0
        lead = 0
        while k < len(self.units) and lead < self.settings.lead_chars and k != cut:
            p = self.units[k]
            if p.label.endswith("|marker"):
                break   # a marker ends the lead, a kept one (a story head, a turn) too
            if p.keep:
                self.ref.update(self.feats[id(p)])
                lead += p.end - p.start
            k += 1
        self.accepted = lead
        return k

    def continues(self, at: int, closed: bool = False) -> bool:
        """Whether the text after the marker ``units[at]`` (to the next marker) is
        the article again: its substantial paragraphs overlap the article at least
        ``marker_resume`` x the article paragraphs' own mean overlap. A kept marker (a
        transcript's turn, a story head) is read with the text after it. After the head
        of a closed link list (``closed``, :func:`.zones._closed_list`) the first
        substantial paragraph alone may also pass the test: the article's next paragraph
        follows the widget, and the paragraphs further on need not echo its lead."""
        settings = self.settings
        num = den = 0.0
        one = None
        first = at if self.units[at].keep else at + 1
        for k, q in enumerate(self.units[first:], first):
            if k > at and q.label.endswith("|marker"):
                break
            if self.substantial(q):
                num += (q.end - q.start) * _sim(self.feats[id(q)], self.ref)
                den += q.end - q.start
                one = num / den if one is None else one
                if den >= settings.marker_window_chars:
                    break
        resume = settings.html_marker_resume if self.html else settings.marker_resume
        level = max(settings.off_topic_threshold, self.lvl[0] / self.lvl[1] if self.lvl[1] else 0.0)
        return den > 0 and (num / den >= resume * level or closed and one >= resume * level)

    def accept(self, p: _Piece, s: float | None) -> None:
        self.ref.update(self.feats[id(p)])
        self.accepted += p.end - p.start
        if s is not None:
            self.lvl[0] += s * (p.end - p.start)
            self.lvl[1] += p.end - p.start

    def walk(self, k: int, cut: int | None) -> None:
        """Decide the units from ``k`` on: the unmarked cut, marker-led tails and the
        article resuming after them. A tail opened by a kept marker (a second story's
        headline, :func:`.zones._story_head`) that the article resumes after, before any
        other marker, was a section of the article: its units are given back."""
        units = self.units
        tail = final = False
        held: list[tuple[_Piece, str]] | None = None   # units cut since a kept marker
        for at in range(k, len(units)):
            p = units[at]
            if at == cut:
                # The unmarked boundary: everything from here on is the appended tail.
                for q in units[at:]:
                    q.label = q.label.removesuffix("|marker").removesuffix("|closed")
                    _to_tail(q)
                return
            if p.label.endswith("|marker"):
                # a second story's head about another country starts the tail unread; a
                # comments head over readers' posts ends the article for good
                foreign = p.label.endswith(("|foreign|marker", "|final|marker"))
                final = final or p.label.endswith("|final|marker")
                closed = p.label.endswith("|closed|marker")
                p.label = p.label.removesuffix("|marker").removesuffix("|foreign").removesuffix("|final") \
                    .removesuffix("|closed")
                held = None
                if not tail and (foreign or not self.continues(at, closed)):
                    tail = True
                    held = [] if p.keep else None
                if tail:
                    _hold(p, held)   # a kept marker (a second story's headline) goes with its tail
                continue
            if not self.substantial(p):
                if tail:
                    _hold(p, held)
                continue
            s = _sim(self.feats[id(p)], self.ref)
            if tail:
                # A small reference matches less of any paragraph: scale the threshold.
                scale = min(1.0, self.accepted / self.settings.mature_chars)
                if not final and s >= self.settings.resume_threshold * scale:
                    tail = False
                    for q, label in held or ():
                        q.keep, q.label = True, label
                    held = None
                    self.accept(p, None)
                else:
                    _hold(p, held)
                continue
            self.accept(p, s)
