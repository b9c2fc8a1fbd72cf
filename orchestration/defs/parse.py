"""Parse asset: article text, title, language and publication date of every document."""
import dagster as dg

from orchestration.defs.ingest import DOCUMENTS
from orchestration.defs.metadata import parquet_metadata
from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.parse.document import PARSER_VERSION
from orchestration.stages.parse import run_parse

PARSED_DOCUMENTS = dg.AssetKey(["raw", "parsed_documents"])


@dg.asset(key=PARSED_DOCUMENTS, deps=[DOCUMENTS], group_name="parse", owners=OWNERS, kinds={"python", "parquet"},
          code_version=PARSER_VERSION,
          description="Article text without page furniture, title, language and stated publication date.")
def parsed_documents(context: dg.AssetExecutionContext, accords: AccordsResource) -> dg.MaterializeResult:
    settings = accords.settings()
    report = run_parse(settings, say=context.log.info)
    for failure in report.failures:
        context.log.warning(f"could not parse {failure['uri']}: {failure['reason']}")
    return dg.MaterializeResult(
        metadata={**parquet_metadata(settings.raw_dir / "parsed_documents.parquet"), "parsed": report.parsed, "reused": report.reused, "failed": report.failed,
                  "failed_total": report.failed_total,
                  "failures": dg.MetadataValue.json(report.failures[:50]), **report.summary.as_metadata()}
    )


defs = dg.Definitions(assets=dg.with_source_code_references([parsed_documents]))
