"""Terminal view of claims: spans highlighted in the sentence, flags as badges (rich)."""
from __future__ import annotations

import json
import os
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from .data import Output, flag_list, source_of
from .fmt import quantity_label

# One style per kind of span; the legend prints them so colour is never the only cue
# (quantities are also underlined, sources bold, hedges italic, for NO_COLOR users).
STYLES = {
    "quantity": "bold underline cyan",
    "source": "bold magenta",
    "cue": "magenta",
    "hedge": "italic yellow",
    "entity": "green",
}
FLAG_STYLE = {"unverified": "black on yellow", "disputed": "white on red", "alleged": "black on yellow",
              "speculative": "black on yellow", "conditional": "black on yellow",
              "verified": "black on green"}
KIND_STYLE = {"statistic": "bold cyan", "quote": "bold magenta", "statement": "bold blue",
              "event": "bold white", "other": "dim"}


class _Console(Console):
    """A console that lets a closed pipe (``| head``) end the command quietly: rich's
    own handler exits with status 1, as if reading the first lines were an error."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


def make_console(color: str = "auto", file: TextIO | None = None, width: int | None = None) -> Console:
    """A console honouring ``--color`` and ``NO_COLOR``.

    ``always`` forces ANSI codes even into a pipe (``| less -R``) and overrides
    NO_COLOR, as no-color.org asks of explicit flags; ``never`` prints plain text;
    ``auto`` colours a terminal unless NO_COLOR is set (rich checks it itself).
    """
    if color == "always":
        return _Console(file=file, force_terminal=True, no_color=False, width=width or _width(),
                       color_system="truecolor" if os.environ.get("COLORTERM") else "256",
                       highlight=False, soft_wrap=False)
    if color == "never":
        return _Console(file=file, no_color=True, color_system=None, force_terminal=False,
                       width=width or _width(), highlight=False)
    console = _Console(file=file, width=width, highlight=False)
    if width is None and not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 140  # a pipe or file: rich's 80 columns would crush tables
    return console


def _width() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 140


def _local(span: Any, start: int, end: int) -> tuple[int, int] | None:
    """A document span as offsets into the claim sentence, or None if it lies outside."""
    if not span or span[0] is None or span[1] is None:
        return None
    s, e = int(span[0]), int(span[1])
    if s < start or e > end or s >= e:
        return None
    return s - start, e - start


def claim_text(claim: dict[str, Any]) -> Text:
    """The sentence with every annotated span styled (entities first so numbers win)."""
    text = Text(str(claim.get("text") or ""))
    start = (claim.get("span") or [0, 0])[0]
    end = start + len(text.plain)
    marks: list[tuple[Any, str]] = [(e.get("span"), STYLES["entity"]) for e in claim.get("entities") or []]
    att = claim.get("attribution") or {}
    marks += [(att.get("source_span"), STYLES["source"]), (att.get("cue_span"), STYLES["cue"])]
    marks += [(h.get("cue_span"), STYLES["hedge"]) for h in claim.get("hedges") or []]
    marks += [(q.get("span"), STYLES["quantity"]) for q in claim.get("quantities") or []]
    for span, style in marks:
        local = _local(span, start, end)
        if local:
            text.stylize(style, *local)
    return text


def badges(claim: dict[str, Any]) -> Text:
    out = Text()
    kind = str(claim.get("kind") or "?")
    out.append(f"[{kind}]", style=KIND_STYLE.get(kind, "bold"))
    if claim.get("section") and claim["section"] != "body":
        out.append(f" [{claim['section']}]", style="dim")
    for flag in flag_list(claim):
        out.append(" ")
        out.append(f" {flag} ", style=FLAG_STYLE.get(flag, "black on cyan"))
    return out


def details(claim: dict[str, Any]) -> list[Text]:
    """One line per quantity, then the source and the hedge cues (also those outside the sentence)."""
    lines: list[Text] = []
    for q in claim.get("quantities") or []:
        line = Text.assemble(("    # ", "dim"))
        line.append(quantity_label(q), style=STYLES["quantity"])
        extra = [q.get("kind") or ""]
        if q.get("counted"):
            extra.append(f"counted: {q['counted']}")
        if q.get("predicate"):
            extra.append(f"predicate: {q['predicate']}")
        if q.get("unit"):
            extra.append(f"unit: {q['unit']}")
        line.append("  " + "; ".join(x for x in extra if x), style="dim")
        lines.append(line)
    att = claim.get("attribution")
    if att:
        line = Text.assemble(("    says: ", "dim"))
        source, norm = source_of(claim)
        line.append(source or "(unnamed)", style=STYLES["source"])
        if norm and norm != source:
            line.append(f" = {norm}", style="magenta")
        info = [x for x in (att.get("source_type"), att.get("mode"),
                            att.get("cue") and f"cue “{att['cue']}”",
                            att.get("via") and f"via {att['via']}") if x]
        line.append("  " + ", ".join(info), style="dim")
        lines.append(line)
    for h in claim.get("hedges") or []:
        line = Text.assemble(("    hedge: ", "dim"))
        line.append(str(h.get("type")), style="bold yellow")
        line.append(f" “{h.get('cue')}”", style=STYLES["hedge"])
        if h.get("scope") and h["scope"] != "sentence":
            line.append(f" (from the {h['scope']} sentence)", style="dim")
        lines.append(line)
    return lines


def legend() -> Text:
    out = Text.assemble(("legend: ", "dim"))
    for name in ("quantity", "source", "cue", "hedge", "entity"):
        out.append(name, style=STYLES[name])
        out.append("  ")
    return out


def render(output: Output, claims: list[dict[str, Any]], console: Console, *, details_on: bool = True) -> None:
    """Print the claims grouped by document, in document order."""
    console.print(legend())
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_doc.setdefault(str(claim.get("doc_id")), []).append(claim)
    order = [d for d in output.documents if d in by_doc] + [d for d in by_doc if d not in output.documents]
    for doc_id in order:
        doc = output.documents.get(doc_id) or {}
        head = Text(doc_id, style="bold")
        meta = [x for x in (doc.get("source"), doc.get("published")) if x]
        if meta:
            head.append("  " + " · ".join(meta), style="dim")
        console.rule(head, align="left")
        if doc.get("title"):
            console.print(Text(doc["title"], style="bold"))
        for claim in by_doc[doc_id]:
            line = badges(claim)
            line.append(f"  #{claim.get('sentence_index', '?')} {claim.get('claim_id', '')}", style="dim")
            console.print(line)
            console.print(claim_text(claim))
            if details_on:
                for d in details(claim):
                    console.print(d)
            console.print()
    n_docs = len(order)
    console.print(Text(f"{len(claims)} claim(s) in {n_docs} document(s) of {len(output.claims)} "
                       f"claim(s) in {len(output.documents) or n_docs}", style="dim"))


def write_jsonl(claims: list[dict[str, Any]], out: TextIO) -> None:
    for claim in claims:
        out.write(json.dumps(claim, ensure_ascii=False) + "\n")
