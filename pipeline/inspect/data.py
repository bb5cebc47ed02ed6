"""Load an extract output directory and filter its claims (shared by show, report, export)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from ..records import HEDGE_TYPES

#: Hedge types, in schema order (docs/schema.md, ``flags``).
FLAG_NAMES = HEDGE_TYPES
KINDS = ("statistic", "quote", "statement", "event", "other")


class OutputError(Exception):
    """The directory is not a readable extract output; the message is one line for the user."""


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    return (record for _, _, record in read_jsonl_at(path))


def parse_line(line: bytes) -> Any:
    """One JSONL line's value, as :func:`json.loads` gives it.

    Why (speed): orjson parses the output's lines in about half the time (the claims are
    read twice by ``compare``: docs/scaling.md, "Lines from the workers"). A
    line it refuses is parsed again by :mod:`json`, which accepts what it did before
    (NaN, an overflowing float) and raises the errors it did before; the one value that
    differs is an integer beyond 64 bits, which orjson reads as a float (the emitter
    writes none: large values are floats)."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


def read_jsonl_at(path: Path) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """``(byte offset, byte length, record)`` of each line of ``path`` that is not blank:
    where to read the record again (``compare`` streams an output in passes)."""
    offset = 0
    with path.open("rb") as fh:
        for n, line in enumerate(fh, 1):
            at, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                record = parse_line(line)
            except UnicodeDecodeError as exc:
                raise OutputError(f"{path}:{n}: not UTF-8 ({exc.reason})") from None
            except json.JSONDecodeError as exc:
                raise OutputError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise OutputError(f"{path}:{n}: expected a JSON object")
            yield at, len(line), record


@dataclass
class Output:
    """The documents (in file order, keyed by ``doc_id``) and claims of one extract run."""

    documents: dict[str, dict[str, Any]]
    claims: list[dict[str, Any]]
    path: Path | None = None

    def claims_of(self, doc_id: str) -> list[dict[str, Any]]:
        return [c for c in self.claims if c.get("doc_id") == doc_id]

    def outlet(self, doc_id: str) -> str | None:
        return (self.documents.get(doc_id) or {}).get("source")


def load_output(outdir: str | Path) -> Output:
    """Read ``OUTDIR/documents.jsonl`` and ``OUTDIR/claims.jsonl``.

    A missing ``documents.jsonl`` is tolerated (claims streamed with ``-o -`` and saved
    by hand have none); a missing ``claims.jsonl`` is not.
    """
    root, claims_path, docs_path = output_paths(outdir)
    documents: dict[str, dict[str, Any]] = {}
    if docs_path.is_file():
        for doc in _read_jsonl(docs_path):
            documents[str(doc.get("doc_id"))] = doc
    claims = list(_read_jsonl(claims_path))
    return Output(documents, claims, root)


def output_paths(outdir: str | Path) -> tuple[Path, Path, Path]:
    """``(OUTDIR, claims.jsonl, documents.jsonl)``; :class:`OutputError` when the
    directory or its claims are missing (a missing ``documents.jsonl`` is tolerated)."""
    root = Path(outdir)
    if not root.is_dir():
        raise OutputError(f"{root}: not a directory (run `newsclaims extract ... -o {root}` first)")
    claims_path, docs_path = root / "claims.jsonl", root / "documents.jsonl"
    if not claims_path.is_file():
        raise OutputError(f"{claims_path}: missing (run `newsclaims extract ... -o {root}` first)")
    return root, claims_path, docs_path


def flag_list(claim: dict[str, Any]) -> list[str]:
    """The flags set on a claim, in schema order (unknown future flags after them)."""
    flags = claim.get("flags") or {}
    known = [f for f in FLAG_NAMES if flags.get(f)]
    return known + sorted(f for f, v in flags.items() if v and f not in FLAG_NAMES)


def sentence_of(claim: dict[str, Any]) -> tuple[str, int]:
    """A claim's sentence and the offset of its first character in the document, so that a
    figure's document span ``[a, b)`` is ``text[a - base:b - base]`` of it."""
    return str(claim.get("text") or ""), (claim.get("span") or [0, 0])[0]


def figure_attribution(claim: dict[str, Any], q: dict[str, Any]) -> dict[str, Any]:
    """Who gives figure ``q``: its own attribution (schema 1.2; ``{}`` in the outlet's
    voice), else, for output written before 1.2, its claim's."""
    return (q["attribution"] if "attribution" in q else claim.get("attribution")) or {}


def figure_flags(claim: dict[str, Any], q: dict[str, Any]) -> dict[str, bool]:
    """The flags of figure ``q`` (schema 1.2), else, for older output, its claim's."""
    return (q["flags"] if "flags" in q else claim.get("flags")) or {}


def source_of(claim: dict[str, Any]) -> tuple[str | None, str | None]:
    """``(source, source_norm)`` of the claim's attribution (``None`` in the outlet's voice)."""
    att = claim.get("attribution") or {}
    return att.get("source"), att.get("source_norm")


@dataclass
class ClaimFilter:
    """Conjunction of filters; each unset field lets everything through.

    ``flags`` requires every listed flag; ``source`` / ``entity`` are case-insensitive
    substrings of the attribution source (or its norm) / of any entity's text or norm;
    ``min_value`` keeps claims with any quantity value >= it.
    """

    docs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    source: str | None = None
    entity: str | None = None
    min_value: float | None = None

    def __call__(self, claim: dict[str, Any]) -> bool:
        if self.docs and not any(claim.get("doc_id") == d or str(claim.get("doc_id", "")).startswith(d)
                                 for d in self.docs):
            return False
        if self.kinds and claim.get("kind") not in self.kinds:
            return False
        flags = claim.get("flags") or {}
        if any(not flags.get(f) for f in self.flags):
            return False
        if self.source is not None:
            needle = self.source.casefold()
            if not any(s and needle in s.casefold() for s in source_of(claim)):
                return False
        if self.entity is not None:
            needle = self.entity.casefold()
            if not any(needle in str(e.get(k) or "").casefold()
                       for e in claim.get("entities") or [] for k in ("text", "norm")):
                return False
        if self.min_value is not None:
            if not any(isinstance(q.get("value"), (int, float)) and q["value"] >= self.min_value
                       for q in claim.get("quantities") or []):
                return False
        return True

    def apply(self, claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        return [c for c in claims if self(c)]


def add_filter_arguments(parser: Any) -> None:
    """The claim filters shared by ``show``, ``report`` and ``export`` (argparse only)."""
    parser.add_argument("--doc", action="append", default=[], metavar="DOC_ID",
                        help="only this document (id or id prefix; repeatable)")
    parser.add_argument("--kind", action="append", default=[], choices=KINDS,
                        help="only claims of this kind (repeatable: any of them)")
    parser.add_argument("--flag", action="append", default=[], choices=FLAG_NAMES,
                        help="only claims with this hedge flag (repeatable: all of them)")
    parser.add_argument("--source", default=None, metavar="TEXT",
                        help="only claims whose source contains TEXT (case-insensitive)")
    parser.add_argument("--entity", default=None, metavar="TEXT",
                        help="only claims with an entity whose text or norm contains TEXT")
    parser.add_argument("--min-value", type=float, default=None, metavar="N",
                        help="only claims with a quantity value >= N")


def filter_from_args(args: Any) -> ClaimFilter:
    return ClaimFilter(docs=list(args.doc or []), kinds=list(args.kind or []),
                       flags=list(args.flag or []), source=args.source, entity=args.entity,
                       min_value=args.min_value)


def load_selected(args: Any) -> tuple[Output, list[dict[str, Any]]]:
    """The output directory ``args.outdir`` and its claims that pass the command-line
    filters; raises :class:`OutputError` when the directory holds no output."""
    output = load_output(args.outdir)
    return output, filter_from_args(args).apply(output.claims)
