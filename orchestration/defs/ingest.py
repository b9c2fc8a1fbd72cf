"""Fetch assets: every source of the registry into the raw document store and the fetch log."""
import dagster as dg

from orchestration.defs.resources import RAW_STORE_POOL, AccordsResource
from orchestration.stages.ingest import run_ingest

DOCUMENTS = dg.AssetKey(["raw", "documents"])
FETCH_LOG = dg.AssetKey(["raw", "fetch_log"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(DOCUMENTS, group_name="fetch", kinds={"python", "parquet"},
                     description="Every document ever fetched, raw and content-addressed (never overwritten)."),
        dg.AssetSpec(FETCH_LOG, group_name="fetch", kinds={"python", "parquet"},
                     description="One row per URL per run that tried it, with status and reason."),
    ],
    pool=RAW_STORE_POOL,
)
def fetched_documents(context: dg.AssetExecutionContext, accords: AccordsResource):
    settings = accords.settings()
    report = run_ingest(settings, accords.sources(), run_id=context.run_id)
    for failure in report.failures:
        context.log.warning(f"could not fetch {failure['url']} ({failure['source']}): {failure['reason']}")
    yield dg.MaterializeResult(
        asset_key=DOCUMENTS,
        metadata={"documents_total": report.documents_total, "new_documents": report.new_documents},
    )
    yield dg.MaterializeResult(
        asset_key=FETCH_LOG,
        metadata={
            "fetched": report.status_counts.get("fetched", 0),
            "not_modified": report.status_counts.get("not_modified", 0),
            "failed": report.status_counts.get("failed", 0),
            "skipped": report.status_counts.get("skipped", 0),
            "failures": dg.MetadataValue.json(report.failures[:50]),
        },
    )


defs = dg.Definitions(assets=[fetched_documents])
