"""Third-party libraries that are slow to import, imported once and only when needed.

quantulum3 reads the unit of a measure (:mod:`pipeline.extraction.quantities.reading`)
and inflect gives the evaluation its singulars (:mod:`pipeline.eval`). Imported as
they come, the two cost ~3.5 s of start-up on a 2-core machine, more than parsing a
short article:

* inflect decorates its methods with typeguard's ``@typechecked``, which re-parses
  and recompiles inflect's whole 4,000-line module once per decorated method (23
  times) at import (jaraco/inflect#212). typeguard skips this only under
  ``python -O``, which would also strip every ``assert``; it has no setting or
  environment variable for it. :func:`import_inflect` imports inflect with the
  decorator replaced by a no-op: the methods are the same code, only their
  arguments' types are no longer checked at each call.
* quantulum3 imports scikit-learn (and joblib) only to switch on its unit
  classifier, which we keep off (its shipped model does not load with current
  scikit-learn, and output must not depend on what else is installed).
  :func:`quantulum3_parser` hides the two while quantulum3 imports.

Both patches last only for the import and are undone after it; a library another
part of the process imported first is used as it is.
"""
from __future__ import annotations

import sys
import threading
import warnings
from contextlib import contextmanager
from functools import lru_cache
from types import ModuleType
from typing import Iterator

# the patches change module-level state: two threads must not patch and restore at once
_LOCK = threading.RLock()
#: what quantulum3 imports only for its classifier (see the module docstring)
CLASSIFIER_MODULES = ("sklearn", "joblib")


def _unchecked(target):
    """typeguard's ``typechecked`` without the checks (inflect uses it bare: ``@typechecked``)."""
    return target


def import_inflect() -> ModuleType:
    """The inflect module, imported without typeguard's instrumentation (see above)."""
    with _LOCK:
        if "inflect" in sys.modules:
            return sys.modules["inflect"]
        import typeguard

        checked = typeguard.typechecked
        typeguard.typechecked = _unchecked
        try:
            import inflect
        finally:
            typeguard.typechecked = checked
        return inflect


@contextmanager
def _hidden(names: tuple[str, ...]) -> Iterator[None]:
    """``import name`` raises ImportError for each of ``names`` not yet imported."""
    hidden = [n for n in names if n not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not found"
    try:
        yield
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


@lru_cache(maxsize=1)
def quantulum3_parser() -> ModuleType:
    """quantulum3's parser, rule-based only (its classifier off), imported on first use."""
    with _LOCK:
        import_inflect()
        with _hidden(CLASSIFIER_MODULES), warnings.catch_warnings():
            # quantulum3 warns at import that its classifier's dependencies are missing
            warnings.filterwarnings("ignore", message=".*[Cc]lassifier.*")
            from quantulum3 import classifier, parser
        # also when scikit-learn was imported before us and quantulum3 switched it on
        classifier.USE_CLF = False
        return parser
