"""One self-contained HTML report: articles with marks, a filterable claims table, the ledger.

Safety: every piece of text from the data goes through :func:`html.escape` (also in
attributes), and the JSON embedded in ``<script type="application/json">`` has
``<``, ``>``, ``&`` and the JS line separators written as ``\\uXXXX`` so no
article can close the script element. A Content-Security-Policy allows no network
at all and only the report's own inline script and style (by hash), so even a bug
in escaping could not run injected code or fetch anything.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from importlib import resources
from typing import Any

from .data import FLAG_NAMES, KINDS, Output, flag_list, sentence_of, source_of
from .fmt import quantity_label
from .chart import group_svg
from .ledger import Measure, marks_label

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """JSON that is safe as the content of a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _asset(name: str) -> str:
    return resources.files("pipeline.inspect").joinpath("assets", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


# --- marked-up text -----------------------------------------------------------------------

def _marks(claim: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) of every annotated span in a claim, document offsets."""
    out: list[tuple[int, int, str, str]] = []

    def add(span: Any, cls: str, tip: str) -> None:
        if span and span[0] is not None and span[1] is not None and span[0] < span[1]:
            out.append((int(span[0]), int(span[1]), cls, tip))

    for q in claim.get("quantities") or []:
        extra = [q.get("kind"), q.get("counted") and f"counted: {q['counted']}",
                 q.get("predicate") and f"predicate: {q['predicate']}"]
        add(q.get("span"), "q", "quantity " + quantity_label(q) + "; " + "; ".join(x for x in extra if x))
    att = claim.get("attribution") or {}
    add(att.get("source_span"), "src", f"source: {att.get('source_norm') or att.get('source')} "
                                       f"({att.get('source_type') or '?'}, {att.get('mode') or '?'})")
    add(att.get("cue_span"), "cue", f"attribution cue: {att.get('cue')}")
    for h in claim.get("hedges") or []:
        add(h.get("cue_span"), "hedge", f"hedge {h.get('type')}: {h.get('cue')}")
    return out


def marked_text(text: str, base: int, end: int, *, claims: list[dict[str, Any]] = (),
                removed: list[dict[str, Any]] = (), marks: list[tuple[int, int, str, str]] | None = None) -> str:
    """HTML for ``text[base:end]``: flat segments, each with the classes of what covers it.

    Cutting at every boundary keeps overlapping annotations (a hedge cue inside a
    source span, a claim across a removed line) valid HTML without nesting rules.
    """
    cuts = {base, end}
    claim_spans = [(int(c["span"][0]), int(c["span"][1]), str(c.get("claim_id"))) for c in claims
                   if c.get("span")]
    rm_spans = [(int(r["span"][0]), int(r["span"][1]), str(r.get("reason") or "removed")) for r in removed
                if r.get("span")]
    mark_spans = list(marks) if marks is not None else [m for c in claims for m in _marks(c)]
    for s, t, *_ in claim_spans + rm_spans + mark_spans:
        cuts.update(x for x in (s, t) if base <= x <= end)
    points = sorted(cuts)
    html: list[str] = []
    rm_started: set[tuple[int, int, str]] = set()
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        classes, attrs, tips = [], [], []
        for r in rm_spans:
            if r[0] <= a and b <= r[1]:
                classes.append("rm")
                attrs.append(f'data-reason="{e(r[2])}"')
                if r not in rm_started:  # label each removed region once, where it starts
                    rm_started.add(r)
                    html.append(f'<span class="rm rlabel" title="removed">{e(r[2])}</span>')
                break
        for s, t, cid in claim_spans:
            if s <= a and b <= t:
                classes.append("cl")
                attrs.append(f'data-claim="{e(cid)}" tabindex="0"')
                break
        for s, t, cls, tip in mark_spans:
            if s <= a and b <= t and cls not in classes:
                classes.append(cls)
                tips.append(tip)
        chunk = e(text[a:b])
        if classes:
            if tips:
                attrs.append(f'title="{e(" | ".join(tips))}"')
            html.append(f'<span class="{" ".join(classes)}"{"".join(" " + a for a in attrs)}>{chunk}</span>')
        else:
            html.append(chunk)
    return "".join(html)


# --- sections -----------------------------------------------------------------------------

def _article(doc: dict[str, Any], claims: list[dict[str, Any]]) -> str:
    doc_id = str(doc.get("doc_id"))
    text = str(doc.get("text") or "")
    meta = [x for x in (doc.get("source"), doc.get("published"), doc.get("byline"), doc.get("url")) if x]
    meta.append(f"{len(claims)} claim(s), {len(doc.get('removed') or [])} removed region(s)")
    err = doc.get("error")
    if err:
        meta.append(f"error: {err.get('type')}: {err.get('message')}")
    return (f'<article class="doc" id="doc-{e(doc_id)}" data-doc="{e(doc_id)}">'
            f'<h3>{e(doc.get("title") or doc_id)}</h3>'
            f'<div class="meta">{e(doc_id)} · {" · ".join(e(m) for m in meta)}</div>'
            f'<div class="doctext">{marked_text(text, 0, len(text), claims=claims, removed=doc.get("removed") or [])}</div>'
            f'</article>')


def _claim_row(claim: dict[str, Any]) -> str:
    text, start = sentence_of(claim)
    # offsets in the claim are document offsets: shift the sentence so they line up
    body = marked_text(" " * start + text, start, start + len(text), marks=_marks(claim))
    flags = flag_list(claim)
    source, norm = source_of(claim)
    qs = "<br>".join(e(quantity_label(q)) + (f' <span class="meta">{e(q.get("counted"))}</span>'
                                              if q.get("counted") else "")
                     for q in claim.get("quantities") or [])
    badges = "".join(f'<span class="badge flag-{e(f)}">{e(f)}</span>' for f in flags)
    src_text = " ".join(x for x in {(source or ""): 0, (norm or ""): 0} if x)
    return (f'<tr class="claim-row" data-claim="{e(claim.get("claim_id"))}" data-doc="{e(claim.get("doc_id"))}" '
            f'data-kind="{e(claim.get("kind"))}" data-flags="{e(" ".join(flags))}" '
            f'data-source="{e(src_text.casefold())}">'
            f'<td>{e(claim.get("doc_id"))}</td><td>{e(claim.get("sentence_index"))}</td>'
            f'<td>{e(claim.get("kind"))}</td><td>{body}</td><td>{qs}</td>'
            f'<td>{e(norm or source or "")}</td><td>{badges}</td></tr>')


def _group_html(m: Measure) -> str:
    """One ledger group: its chart (:mod:`.chart`), then its rows as a table."""
    summary = m.summary()
    caption = (f'{e(m.label)} — spread {e(m.spread_label)}; {len(m.rows)} row(s), {m.n_sources} source(s)'
               + (' <span class="conflict">CONFLICT</span>' if m.conflict else "")
               + f'<br><span class="summary">summary: {e(summary.label())}</span>')
    rows = []
    for i, r in enumerate(m.rows):
        c = r.claim
        cls = "conflict" if r.conflicts else ""
        doc = str(c.get("doc_id")) + ("" if c.get("section") in (None, "body") else f" ({c['section']})")
        rows.append(f'<tr class="{cls}" data-claim="{e(c.get("claim_id"))}"><td>{i}</td>'
                    f'<td>{e(quantity_label(r.quantity))}</td><td>{e(r.source or "—")}</td>'
                    f'<td>{e(r.outlet or "")}</td><td>{e(doc)}</td>'
                    f'<td>{"".join(f"<span class=badge>{e(f)}</span>" for f in flag_list(c))}</td>'
                    f'<td>{e("; ".join(r.places + r.days))}</td><td>{e(r.stated or "")}</td>'
                    f'<td class="conflict">{e(marks_label(r))}</td></tr>')
    return (f'<figure class="ledger-group" data-measure="{e(m.measure)}" data-class="{e(m.cls)}">'
            f'{group_svg(m)}'
            f'<table class="ledger" data-measure="{e(m.measure)}" data-class="{e(m.cls)}">'
            f'<caption>{caption}</caption><thead><tr><th>#</th><th>value</th><th>source</th>'
            f'<th>outlet</th><th>document</th><th>hedges</th><th>where / when</th><th>stated</th>'
            f'<th>timeline / conflict</th></tr></thead><tbody>{"".join(rows)}</tbody></table></figure>')


def ledger_html(measures: list[Measure], titles: dict[str, Any] | None = None) -> str:
    """The ledger section: one block per story (its title and id), each group a chart and
    a table (``titles``: story id → title)."""
    from .ledgerfile import by_story

    if not measures:
        return '<p class="note">No countable quantities with a known measure.</p>'
    parts = []
    for story, groups in by_story(measures):
        head = (f'<h3>{e((titles or {}).get(story or "") or "untitled story")} '
                f'<span class="meta">{e(story)}</span></h3>' if story else "")
        parts.append(f'<div class="story" data-story="{e(story or "")}">{head}'
                     + "\n".join(_group_html(m) for m in groups) + "</div>")
    return "\n".join(parts)


def build_report(output: Output, claims: list[dict[str, Any]] | None = None,
                 measures: list[Measure] | None = None, title: str = "newsclaims report",
                 story_titles: dict[str, Any] | None = None) -> str:
    """The whole HTML document as a string; without ``measures``, the story step and the
    ledger of ``claims`` run here (``story_titles``: story id → title)."""
    from .ledger import build_ledger
    from .stories import assign_stories

    claims = output.claims if claims is None else claims
    if measures is None:
        stories = assign_stories(output.documents, claims)
        story_titles = {s.story_id: s.title for s in stories}
        measures = build_ledger(claims, output.documents)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_doc.setdefault(str(c.get("doc_id")), []).append(c)
    docs = list(output.documents.values())
    articles = "\n".join(_article(d, by_doc.get(str(d.get("doc_id")), [])) for d in docs)
    doc_ids = list(output.documents) or list(by_doc)
    present_flags = [f for f in FLAG_NAMES if any((c.get("flags") or {}).get(f) for c in claims)]
    n_removed = sum(len(d.get("removed") or []) for d in docs)
    summary = (f"{len(docs)} document(s), {len(claims)} claim(s), {n_removed} removed region(s), "
               f"{len(measures)} ledger measure(s)")
    css, js = _asset("report.css"), _asset("report.js")
    csp = ("default-src 'none'; img-src data:; "
           f"style-src {_sha256(css)}; script-src {_sha256(js)}; "
           "base-uri 'none'; form-action 'none'; connect-src 'none'")
    parts = {
        "title": e(title), "summary": e(summary), "csp": e(csp), "css": css, "js": js,
        "articles": articles,
        "doc_options": "".join(f'<option value="{e(d)}">{e(d)}</option>' for d in doc_ids),
        "kind_options": "".join(f'<option value="{k}">{k}</option>' for k in KINDS
                                if any(c.get("kind") == k for c in claims)),
        "flag_options": "".join(f'<option value="{f}">{f}</option>' for f in present_flags),
        "claim_rows": "\n".join(_claim_row(c) for c in claims),
        "ledger": ledger_html(measures, story_titles),
        "data": script_json({str(c.get("claim_id")): c for c in claims}),
    }
    template = _asset("report.html")
    # one pass over the template only: text substituted in is never scanned again
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)
