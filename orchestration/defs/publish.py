"""Publish the marts for BI tools once the checks pass: a versioned Parquet folder and a DuckDB file of views."""
import dagster as dg

from orchestration.defs.automation import PUBLISHED_FRESHNESS
from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.lock import warehouse_access
from orchestration.publish import MART_TABLES, publish_marts
from orchestration.validation import suite_names
from orchestration.warehouse import current_build, record_published, unpublishable_reason

MART_KEYS = [dg.AssetKey(["marts", table]) for table in MART_TABLES]


@dg.asset(
    key=dg.AssetKey(["published", "marts"]),
    deps=MART_KEYS,
    group_name="publish",
    owners=OWNERS,
    kinds={"duckdb", "parquet"},
    freshness_policy=PUBLISHED_FRESHNESS,
    description="published/versions/<version>/<table>.parquet, switched to atomically; published/warehouse.duckdb "
    "(views over the current version) and published/parquet/ (a link to it). Blocking checks upstream keep a "
    "failing run from publishing, and only a build that every suite passed is copied (orchestration/warehouse.py).",
)
def published_marts(accords: AccordsResource) -> dg.MaterializeResult:
    settings = accords.settings()
    with warehouse_access(settings.data_dir):
        build = current_build(settings)
        refusal = unpublishable_reason(settings, suite_names())
        if refusal is not None:
            raise dg.Failure(f"not publishing unchecked marts: {refusal}; the previous published copy stays")
        if settings.postgres is not None:  # the checked build schema becomes `marts`, in one transaction
            from orchestration.postgres.publish import swap_in_checked_build

            swap_in_checked_build(settings.postgres, MART_TABLES)
        publication = publish_marts(settings)
        record_published(settings, build)
    return dg.MaterializeResult(metadata={
        **{f"rows_{table}": count for table, count in publication.counts.items()},
        "version": publication.folder.name,
        "path": dg.MetadataValue.path(str(publication.folder)),
        "pruned_versions": len(publication.pruned),
    })


defs = dg.Definitions(assets=dg.with_source_code_references([published_marts]))
