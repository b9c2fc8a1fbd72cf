"""What people look at, built after every run whose checks pass (the `publish` group): the report and dbt's docs.

Both read what `published/marts` wrote; the blocking checks upstream of it keep a failing run from getting
here, so a report always describes marts that passed. The validation pages are written by the checks
themselves (orchestration/defs/checks.py), failing runs included.
"""

import dagster as dg

from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.lock import warehouse_access
from orchestration.report.build import (
    DBT_DOCS_DIR,
    VALIDATION_DIR,
    build_report,
    checks_from_validation,
)
from orchestration.report.data import CheckResult
from orchestration.report.dbt_docs import generate_dbt_docs

PUBLISHED_MARTS = dg.AssetKey(["published", "marts"])
# check metadata worth a word in the report's table of checks
DETAIL_KEYS = ("failing_count", "dagster_dbt/failed_row_count", "failure_rate", "failed", "quarantined_rows")


def _links(path) -> dict[str, dg.MetadataValue]:
    """A file as Dagster metadata: the path to copy, and a file:// link to open."""
    return {"path": dg.MetadataValue.path(str(path)), "url": dg.MetadataValue.url(path.resolve().as_uri())}


def _detail(metadata: dict) -> str:
    parts = []
    for key in DETAIL_KEYS:
        if key in metadata:
            value = getattr(metadata[key], "value", metadata[key])
            parts.append(f"{key.rsplit('/', 1)[-1].replace('_', ' ')}: {value}")
    return "; ".join(parts)


def latest_check_results(context: dg.AssetExecutionContext) -> list[CheckResult] | None:
    """The latest evaluation of every check of the code location, from the Dagster instance."""
    try:
        # the job's asset graph holds every check of the code location (a run launched with execute_in_process
        # has no repository on its context)
        keys = sorted(context.job_def.asset_layer.asset_graph.asset_check_keys,
                      key=lambda k: (k.asset_key.to_user_string(), k.name))
        records = context.instance.event_log_storage.get_latest_asset_check_execution_by_key(keys)
    except Exception as exc:  # an instance without check storage: the report falls back on the GX summaries
        context.log.warning(f"check results unavailable from the instance: {exc}")
        return None
    results = []
    for key in keys:
        record = records.get(key)
        evaluation = record.event.dagster_event.event_specific_data if record and record.event and record.event.dagster_event else None
        if evaluation is None:
            continue
        asset = key.asset_key.to_user_string()
        link = f"../{VALIDATION_DIR}/{key.name.removeprefix('gx_')}.html" if key.name.startswith("gx_") else None
        results.append(CheckResult(
            asset=asset, name=key.name, passed=bool(evaluation.passed), severity=evaluation.severity.value,
            description=evaluation.description or "", detail=_detail(dict(evaluation.metadata or {})), link=link,
        ))
    return results


@dg.asset(
    key=dg.AssetKey(["published", "dbt_docs"]),
    deps=[PUBLISHED_MARTS],
    group_name="publish",
    owners=OWNERS,
    kinds={"dbt", "html"},
    description="published/dbt-docs/index.html: `dbt docs generate --static`, models and columns with their "
    "descriptions, tests, lineage and the exposures (the published marts, the report).",
)
def published_dbt_docs(context: dg.AssetExecutionContext, accords: AccordsResource) -> dg.MaterializeResult:
    from orchestration.defs.dbt_project import DBT_EXECUTABLE, dbt_project

    settings = accords.settings()
    with warehouse_access(settings.data_dir):  # dbt's catalog query opens the warehouse
        page = generate_dbt_docs(DBT_EXECUTABLE, settings.data_dir, settings.published_dir / DBT_DOCS_DIR,
                                 manifest_dir=dbt_project.project_dir / dbt_project.target_path)
    return dg.MaterializeResult(metadata={**_links(page), "size_bytes": page.stat().st_size})


@dg.asset(
    key=dg.AssetKey(["published", "report"]),
    deps=[PUBLISHED_MARTS],  # not on the dbt docs: a failure there must not keep people from the report
    group_name="publish",
    owners=OWNERS,
    kinds={"html"},
    # reads ops.fetch_log and the quarantine tables of the live warehouse, under the data directory's lock
    description="published/report/index.html: one offline page with the map of host and partner cities, events "
    "and deals over time, the partner network, every event with its sources, and the data-quality results. "
    "Links to the Great Expectations results (published/validation/) and dbt docs (published/dbt-docs/).",
)
def published_report(context: dg.AssetExecutionContext, accords: AccordsResource) -> dg.MaterializeResult:
    settings = accords.settings()
    checks = latest_check_results(context)
    if not checks:
        checks = checks_from_validation(settings)
    with warehouse_access(settings.data_dir):
        page = build_report(settings, checks=checks, run_id=context.run_id)
    published = settings.published_dir
    metadata = {
        **_links(page),
        "validation": dg.MetadataValue.url((published / VALIDATION_DIR / "index.html").resolve().as_uri()),
        "dbt_docs": dg.MetadataValue.url((published / DBT_DOCS_DIR / "index.html").resolve().as_uri()),
        "checks_passed": sum(c.passed for c in checks),
        "checks_failed": sum(not c.passed for c in checks),
        "size_bytes": page.stat().st_size,
    }
    return dg.MaterializeResult(metadata=metadata)


defs = dg.Definitions(assets=dg.with_source_code_references([published_dbt_docs, published_report]))
