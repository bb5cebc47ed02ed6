"""Start-up: what a fresh process imports before its first claim (pipeline/thirdparty.py).

Times are measured by ``make bench`` (its start-up rows), never here: these tests
check the causes of a slow start instead, each in a fresh interpreter.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from .conftest import ROOT

SLOW = ("quantulum3", "inflect", "typeguard", "sklearn", "joblib")


def _fresh(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (this checkout's ``pipeline``); it prints one JSON line."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_importing_the_stages_loads_no_quantulum3():
    # `newsclaims show/compare/report` and text without a measure never need it
    got = _fresh("import json, sys\n"
                 "import pipeline.engine, pipeline.extraction, pipeline.eval.__main__\n"
                 f"print(json.dumps(sorted(m for m in {SLOW!r} if m in sys.modules)))")
    assert got == []


def test_a_measure_is_read_without_typeguard_instrumentation_or_scikit_learn():
    got = _fresh(
        "import json, sys\n"
        "from pipeline import extract\n"
        "claims = extract('The river rose 3 metres overnight, officials said.')\n"
        "import inflect, typeguard, typeguard._decorators\n"
        "print(json.dumps({\n"
        "    'units': [q['unit'] for c in claims for q in c['quantities']],\n"
        "    'checked': 'check_argument_types_internal' in inflect.engine.plural.__code__.co_names,\n"
        "    'restored': typeguard.typechecked is typeguard._decorators.typechecked,\n"
        "    'sklearn': 'sklearn' in sys.modules,\n"
        "    'clf': sys.modules['quantulum3.classifier'].USE_CLF}))")
    assert got["units"] == ["metre"]  # quantulum3 did read the unit
    assert not got["checked"]  # inflect's 23 methods were not re-compiled at import
    assert got["restored"]  # typeguard works as before for any other code
    assert got["clf"] is False
    if importlib.util.find_spec("sklearn") is not None:  # only then could it be imported
        assert not got["sklearn"]


# quantulum3 calls inflect only while it builds its tables: the plurals of unit names
# (surfaces_all), of number words, and the common words it will not read as units.
# The same tables mean the same readings. (Its regular expressions are built from
# them in set order, which varies between processes, so they are not compared.)
_TABLES = (
    "import hashlib, json\n"
    "from quantulum3 import language, load, regex\n"
    "surfaces = load.units().surfaces_all\n"
    "tables = [sorted((k, sorted(u.name for u in v)) for k, v in surfaces.items()),\n"
    "          sorted(regex.numberwords().items()),\n"
    "          sorted((k, sorted(v)) for k, v in language.get('load', 'en_US').COMMON_WORDS.items())]\n"
    "print(json.dumps(hashlib.sha256(repr(tables).encode()).hexdigest()))")


def test_unchecked_inflect_gives_quantulum3_the_same_tables():
    checked = _fresh("import quantulum3.parser\n" + _TABLES)
    ours = _fresh("from pipeline.thirdparty import quantulum3_parser\n"
                  "quantulum3_parser()\n" + _TABLES)
    assert ours == checked
