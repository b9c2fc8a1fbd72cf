"""Extract assets: events, dates, places, countries, counts and amounts with their offsets."""
from collections import Counter

import dagster as dg

from orchestration.defs.metadata import parquet_metadata
from orchestration.defs.parse import PARSED_DOCUMENTS
from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.extract.pipeline import EXTRACTOR_VERSION
from orchestration.stages.extract import run_extract
from orchestration.stages.parse import parsed_path
from orchestration.store.handoff import read_table
from orchestration.store.tables import (
    EXTRACTION_DOCUMENTS_SCHEMA,
    PARSED_DOCUMENTS_SCHEMA,
)

EXTRACTIONS = dg.AssetKey(["raw", "extractions"])
EXTRACTION_DOCUMENTS = dg.AssetKey(["raw", "extraction_documents"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(EXTRACTIONS, deps=[PARSED_DOCUMENTS], group_name="extract", owners=OWNERS, kinds={"python", "parquet"},
                     code_version=EXTRACTOR_VERSION, description="Raw extractions with character offsets and sentences."),
        dg.AssetSpec(EXTRACTION_DOCUMENTS, deps=[PARSED_DOCUMENTS], group_name="extract", owners=OWNERS, kinds={"python", "parquet"},
                     code_version=EXTRACTOR_VERSION,
                     description="Per-document relevance and extraction counts, or why extraction failed."),
    ],
)
def extractions(context: dg.AssetExecutionContext, accords: AccordsResource):
    settings = accords.settings()
    report = run_extract(settings, say=context.log.info)
    for failure in report.failures:
        context.log.warning(f"could not extract {failure['document_id']}: {failure['reason']}")
    yield dg.MaterializeResult(
        asset_key=EXTRACTIONS,
        metadata={**parquet_metadata(settings.raw_dir / "extractions.parquet"), "extractions": report.extractions, "by_kind": dg.MetadataValue.json(report.by_kind),
                  "extractor_version": EXTRACTOR_VERSION},
    )
    yield dg.MaterializeResult(
        asset_key=EXTRACTION_DOCUMENTS,
        metadata={**parquet_metadata(settings.raw_dir / "extraction_documents.parquet"), "documents": report.documents, "relevant": report.relevant, "extracted": report.extracted,
                  "reused": report.reused, "failed": report.failed, "failed_total": report.failed_total,
                  "failures": dg.MetadataValue.json(report.failures[:50]), **report.summary.as_metadata()},
    )


@dg.asset_check(asset=EXTRACTION_DOCUMENTS, description="Documents whose parse or extraction failed (an error, or "
                "an overrun of the per-document time or memory budget). They are listed in marts.dim_documents with "
                "processing_status and processing_reason, and are retried when the parser or extractor changes.")
def failed_documents(accords: AccordsResource) -> dg.AssetCheckResult:
    settings = accords.settings()
    reasons: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for row in read_table(parsed_path(settings), PARSED_DOCUMENTS_SCHEMA):
        if row["parse_status"] == "failed":
            statuses["parse_failed"] += 1
            reasons[_reason_kind(row["parse_error"])] += 1
    for row in read_table(settings.raw_dir / "extraction_documents.parquet", EXTRACTION_DOCUMENTS_SCHEMA):
        if row["extract_status"] == "failed":
            statuses["extract_failed"] += 1
            reasons[_reason_kind(row["extract_error"])] += 1
    failed = sum(statuses.values())
    return dg.AssetCheckResult(
        passed=failed == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed_documents": failed, "parse_failed": statuses["parse_failed"],
                  "extract_failed": statuses["extract_failed"],
                  "reasons": dg.MetadataValue.json(dict(reasons.most_common(20)))},
    )


def _reason_kind(reason: str | None) -> str:
    """`OverflowError: int too large ...` -> `OverflowError`: counts group by kind, not by message."""
    return (reason or "unknown").split(":", 1)[0]


defs = dg.Definitions(assets=dg.with_source_code_references([extractions]), asset_checks=[failed_documents])
