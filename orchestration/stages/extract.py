"""Extract stage: raw extractions for every parsed document.

Incremental: a document already extracted by the current extractor version (from the same parse) keeps its
rows; when the version changes, every kept document is extracted again without fetching anything.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from orchestration.extract.pipeline import EXTRACTOR_VERSION, extract_document
from orchestration.settings import Settings
from orchestration.stages.parse import parsed_path
from orchestration.store.handoff import read_table, write_table
from orchestration.store.tables import (
    EXTRACTION_DOCUMENTS_SCHEMA,
    EXTRACTIONS_SCHEMA,
    PARSED_DOCUMENTS_SCHEMA,
)


@dataclass
class ExtractReport:
    documents: int
    relevant: int
    extracted: int
    reused: int
    extractions: int
    by_kind: dict[str, int] = field(default_factory=dict)


def run_extract(settings: Settings) -> ExtractReport:
    documents_path = settings.raw_dir / "extraction_documents.parquet"
    extractions_path = settings.raw_dir / "extractions.parquet"
    previous_documents = {row["document_id"]: row for row in read_table(documents_path, EXTRACTION_DOCUMENTS_SCHEMA)}
    previous_rows: dict[str, list[dict]] = {}
    for row in read_table(extractions_path, EXTRACTIONS_SCHEMA):
        previous_rows.setdefault(row["document_id"], []).append(row)

    document_rows, extraction_rows = [], []
    extracted = reused = 0
    for parsed in read_table(parsed_path(settings), PARSED_DOCUMENTS_SCHEMA):
        if parsed["parse_status"] != "parsed":
            continue
        old = previous_documents.get(parsed["document_id"])
        if old is not None and old["extractor_version"] == EXTRACTOR_VERSION and old["parser_version"] == parsed["parser_version"]:
            document_rows.append(old)
            extraction_rows.extend(previous_rows.get(parsed["document_id"], []))
            reused += 1
            continue
        result = extract_document(parsed["document_id"], parsed["text"], parsed["language"], title=parsed["title"],
                                  published_date=parsed["published_date"])
        extracted += 1
        document_rows.append({
            "document_id": parsed["document_id"],
            "extractor_version": EXTRACTOR_VERSION,
            "parser_version": parsed["parser_version"],
            "is_relevant": result.is_relevant,
            "relevance_reason": result.relevance_reason,
            "event_count": result.event_count,
            "extraction_count": len(result.rows),
        })
        extraction_rows.extend(result.rows)
    write_table(extractions_path, extraction_rows, EXTRACTIONS_SCHEMA)
    write_table(documents_path, document_rows, EXTRACTION_DOCUMENTS_SCHEMA)
    return ExtractReport(
        documents=len(document_rows),
        relevant=sum(1 for row in document_rows if row["is_relevant"]),
        extracted=extracted,
        reused=reused,
        extractions=len(extraction_rows),
        by_kind=dict(Counter(row["kind"] for row in extraction_rows)),
    )
