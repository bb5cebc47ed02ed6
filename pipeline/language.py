"""Language check: documents not in the model's language are skipped before spaCy runs.

Every later stage is built for English (lexicons, cue lists, number words), so a
French or Chinese article would give confident nonsense, not claims. The check is
cheap and conservative:

1. too little text to judge (fewer than :data:`MIN_LETTERS` letters): accepted;
2. for English, a stopword ratio first: the share of words among the 100 most
   frequent English words (wordfreq, already loaded by the cleaner) is about
   0.35-0.5 in news prose and under 0.1 in other languages; at or above
   :data:`EN_STOPWORD_RATIO` the text is English and nothing else is loaded;
3. otherwise py3langid (a small n-gram model, ~2 s to load once per process)
   names the language; the document is skipped only when it names another
   language with probability at least :data:`MIN_CONFIDENCE`.

Only the first :data:`SAMPLE_CHARS` characters of the kept text are looked at,
so the cost does not grow with the document.
"""
from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 100
EN_STOPWORD_RATIO = 0.15
MIN_CONFIDENCE = 0.5
SAMPLE_CHARS = 20_000
#: ``--language any``: no check.
ANY = "any"
#: Languages the stages are built for (their lexicons, cues and number words): the
#: only ones ``--language`` accepts besides :data:`ANY`.
SUPPORTED = ("en",)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _english_stopwords() -> frozenset[str]:
    from wordfreq import top_n_list

    return frozenset(top_n_list("en", 100))


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier, or None when it is not installed (then nothing is skipped)."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def sample(text: str, spans: list[tuple[int, int]], limit: int = SAMPLE_CHARS) -> str:
    """The kept text (``spans`` of ``text``), joined by newlines, up to ``limit`` characters."""
    out: list[str] = []
    size = 0
    for start, end in spans:
        piece = text[start:min(end, start + limit - size)]
        out.append(piece)
        size += len(piece)
        if size >= limit:
            break
    return "\n".join(out)


def unsupported(text: str, target: str) -> str | None:
    """The detected language when ``text`` is confidently not in ``target``, else None."""
    if target == ANY:
        return None
    words = _WORD.findall(text)
    if sum(map(len, words)) < MIN_LETTERS:
        return None
    if target == "en":
        stop = _english_stopwords()
        hits = sum(1 for w in words if w.lower() in stop)
        if hits >= EN_STOPWORD_RATIO * len(words):
            return None
    identifier = _identifier()
    if identifier is None:
        return None
    lang, prob = identifier.classify(text)
    if lang in (target, "zxx") or prob < MIN_CONFIDENCE:  # zxx: no linguistic content
        return None
    return lang
