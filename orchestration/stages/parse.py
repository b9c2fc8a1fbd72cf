"""Parse stage: every kept document to article text, title, language and publication date.

Incremental: a document already parsed by the current parser version is not parsed again.
"""
from __future__ import annotations

from dataclasses import dataclass

from orchestration.parse.document import PARSER_VERSION, ParseError, parse_document
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store
from orchestration.store.handoff import read_table, write_table
from orchestration.store.tables import PARSED_DOCUMENTS_SCHEMA


@dataclass
class ParseReport:
    parsed: int
    reused: int
    failed: int
    failures: list[dict]


def parsed_path(settings: Settings):
    return settings.raw_dir / "parsed_documents.parquet"


def run_parse(settings: Settings) -> ParseReport:
    store = document_store(settings)
    previous = {row["document_id"]: row for row in read_table(parsed_path(settings), PARSED_DOCUMENTS_SCHEMA)}
    rows, parsed, reused, failures = [], 0, 0, []
    for document in store.rows():
        old = previous.get(document["document_id"])
        if old is not None and old["parser_version"] == PARSER_VERSION:
            rows.append(old)
            reused += 1
            continue
        row = parse_row(document, store.read(document))
        if row["parse_status"] == "failed":
            failures.append({"document_id": row["document_id"], "uri": document["uri"], "reason": row["parse_error"]})
        else:
            parsed += 1
        rows.append(row)
    write_table(parsed_path(settings), rows, PARSED_DOCUMENTS_SCHEMA)
    return ParseReport(parsed=parsed, reused=reused, failed=len(failures), failures=failures)


def parse_row(document: dict, content: bytes) -> dict:
    row = {"document_id": document["document_id"], "parser_version": PARSER_VERSION}
    try:
        parsed = parse_document(
            content,
            content_type=document["content_type"],
            language_hint=document["language_hint"],
            declared_encoding=document["declared_encoding"],
        )
    except ParseError as exc:
        return row | {"parse_status": "failed", "parse_error": str(exc), "title": None, "language": None,
                      "published_date": None, "published_date_source": None, "text": None, "removed_lines": None}
    return row | {
        "parse_status": "parsed",
        "parse_error": None,
        "title": parsed.title,
        "language": parsed.language,
        "published_date": parsed.published_date,
        "published_date_source": parsed.published_date_source,
        "text": parsed.text,
        "removed_lines": parsed.removed_lines,
    }
