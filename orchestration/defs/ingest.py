"""Fetch assets: every source of the registry into the raw document store and the fetch log."""
from collections import defaultdict

import dagster as dg
import pyarrow.parquet as pq

from orchestration.defs.metadata import parquet_metadata
from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.stages.ingest import run_ingest

DOCUMENTS = dg.AssetKey(["raw", "documents"])
FETCH_LOG = dg.AssetKey(["raw", "fetch_log"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(DOCUMENTS, group_name="fetch", owners=OWNERS, kinds={"python", "parquet"},
                     description="Every document ever fetched, raw and content-addressed (never overwritten)."),
        dg.AssetSpec(FETCH_LOG, group_name="fetch", owners=OWNERS, kinds={"python", "parquet"},
                     description="One row per URL per run that tried it, with status and reason."),
    ],
)
def fetched_documents(context: dg.AssetExecutionContext, accords: AccordsResource):
    settings = accords.settings()
    report = run_ingest(settings, accords.sources(), run_id=context.run.run_id, say=context.log.info)
    for failure in report.failures:
        context.log.warning(f"could not fetch {failure['url']} ({failure['source']}): {failure['reason']}")
    yield dg.MaterializeResult(
        asset_key=DOCUMENTS,
        metadata={**parquet_metadata(settings.raw_dir / "documents.parquet"), "documents_total": report.documents_total,
                  "new_documents": report.new_documents, **report.summary.as_metadata()},
    )
    yield dg.MaterializeResult(
        asset_key=FETCH_LOG,
        metadata={
            **parquet_metadata(settings.raw_dir / "fetch_log"),
            "fetched": report.status_counts.get("fetched", 0),
            "not_modified": report.status_counts.get("not_modified", 0),
            "failed": report.status_counts.get("failed", 0),
            "skipped": report.status_counts.get("skipped", 0),
            "failures": dg.MetadataValue.json(report.failures[:50]),
        },
    )


@dg.asset_check(asset=FETCH_LOG, description="Share of failed URLs per source in the latest run "
                 "(warns above ACCORDS_MAX_FETCH_FAILURE_RATE, default 0.5; failures are retried next run).")
def fetch_failure_rate(context: dg.AssetCheckExecutionContext, accords: AccordsResource) -> dg.AssetCheckResult:
    folder = accords.settings().raw_dir / "fetch_log"
    path = folder / f"{context.run.run_id}.parquet"
    if not path.exists():  # checked outside the run that fetched: judge the latest run
        runs = sorted(folder.glob("*.parquet"), key=lambda p: p.stat().st_mtime)
        path = runs[-1] if runs else None
    if path is None:
        return dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.WARN, metadata={"reason": "no fetch log yet"})
    attempts: dict[str, int] = defaultdict(int)
    failures: dict[str, int] = defaultdict(int)
    reasons: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in pq.read_table(path, columns=["source_name", "status", "reason"]).to_pylist():
        attempts[row["source_name"]] += 1
        if row["status"] == "failed":
            failures[row["source_name"]] += 1
            reasons[row["source_name"]][row["reason"]] += 1
    limit = accords.settings().max_fetch_failure_rate
    rates = {source: failures[source] / count for source, count in attempts.items()}
    worst = max(rates.values(), default=0.0)
    return dg.AssetCheckResult(
        passed=worst <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "failure_rate_by_source": dg.MetadataValue.json({s: round(r, 3) for s, r in sorted(rates.items())}),
            "failure_reasons_by_source": dg.MetadataValue.json({s: dict(r) for s, r in reasons.items()}),
            "max_failure_rate": worst,
            "limit": limit,
        },
    )


defs = dg.Definitions(assets=dg.with_source_code_references([fetched_documents]), asset_checks=[fetch_failure_rate])
