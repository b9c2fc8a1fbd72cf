"""Publish the marts for BI tools once the checks pass: a read-only DuckDB copy and one Parquet per mart."""
import dagster as dg

from orchestration.defs.resources import WAREHOUSE_POOL, AccordsResource
from orchestration.publish import MART_TABLES, publish_marts

MART_KEYS = [dg.AssetKey(["marts", table]) for table in MART_TABLES]


@dg.asset(
    key=dg.AssetKey(["published", "marts"]),
    deps=MART_KEYS,
    group_name="publish",
    kinds={"duckdb", "parquet"},
    pool=WAREHOUSE_POOL,
    description="published/warehouse.duckdb (replaced atomically) and published/parquet/<table>.parquet. "
    "Blocking checks upstream keep a failing run from publishing.",
)
def published_marts(accords: AccordsResource) -> dg.MaterializeResult:
    counts = publish_marts(accords.settings())
    return dg.MaterializeResult(metadata={f"rows_{table}": count for table, count in counts.items()})


defs = dg.Definitions(assets=[published_marts])
