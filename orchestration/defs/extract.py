"""Extract assets: events, dates, places, countries, counts and amounts with their offsets."""
import dagster as dg

from orchestration.defs.parse import PARSED_DOCUMENTS
from orchestration.defs.resources import RAW_STORE_POOL, AccordsResource
from orchestration.extract.pipeline import EXTRACTOR_VERSION
from orchestration.stages.extract import run_extract

EXTRACTIONS = dg.AssetKey(["raw", "extractions"])
EXTRACTION_DOCUMENTS = dg.AssetKey(["raw", "extraction_documents"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(EXTRACTIONS, deps=[PARSED_DOCUMENTS], group_name="extract", kinds={"python", "parquet"},
                     code_version=EXTRACTOR_VERSION, description="Raw extractions with character offsets and sentences."),
        dg.AssetSpec(EXTRACTION_DOCUMENTS, deps=[PARSED_DOCUMENTS], group_name="extract", kinds={"python", "parquet"},
                     code_version=EXTRACTOR_VERSION, description="Per-document relevance and extraction counts."),
    ],
    pool=RAW_STORE_POOL,
)
def extractions(context: dg.AssetExecutionContext, accords: AccordsResource):
    report = run_extract(accords.settings())
    yield dg.MaterializeResult(
        asset_key=EXTRACTIONS,
        metadata={"extractions": report.extractions, "by_kind": dg.MetadataValue.json(report.by_kind),
                  "extractor_version": EXTRACTOR_VERSION},
    )
    yield dg.MaterializeResult(
        asset_key=EXTRACTION_DOCUMENTS,
        metadata={"documents": report.documents, "relevant": report.relevant, "extracted": report.extracted,
                  "reused": report.reused},
    )


defs = dg.Definitions(assets=[extractions])
