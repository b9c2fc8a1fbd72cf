"""Parse stage: every kept document to article text, title, language and publication date.

Incremental: a document already parsed by the current parser version is not parsed again — also one whose parse
failed: it is retried when the parser changes.

Guarded like extraction (orchestration/stages/isolation.py): whatever one document raises (a ParseError, a
LookupError from a bogus charset, ...) or an overrun of its time or memory budget makes it
``parse_status = failed`` with the reason, and the run goes on. Results are saved in batches as they come.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pyarrow.parquet as pq

from orchestration.parse.document import PARSER_VERSION, ParseError, parse_document
from orchestration.progress import Progress, StageSummary
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store
from orchestration.stages.isolation import Budget, DocumentWorker, WorkerPool, describe
from orchestration.store.handoff import (
    TableBuilder,
    discarded_on_failure,
    read_arrow_table,
)
from orchestration.store.journal import BatchJournal
from orchestration.store.tables import PARSED_DOCUMENTS_SCHEMA

_EMPTY = {"title": None, "language": None, "published_date": None, "published_date_source": None, "text": None,
          "removed_lines": None}


@dataclass
class ParseReport:
    parsed: int
    reused: int
    failed: int
    failures: list[dict]
    failed_total: int = 0  # every document whose parse failed, this run or before
    summary: StageSummary | None = None


def parsed_path(settings: Settings):
    return settings.raw_dir / "parsed_documents.parquet"


def _journal(settings: Settings) -> BatchJournal:
    return BatchJournal(
        settings.raw_dir / "journal" / "parse",
        {"parsed_documents": PARSED_DOCUMENTS_SCHEMA},
        commit="parsed_documents",
        max_rows=settings.batch_documents,
        max_seconds=settings.batch_seconds,
    )


def run_parse(settings: Settings, budget: Budget | None = None, say: Callable[[str], None] | None = None) -> ParseReport:
    """`say` hears how far the parse is, at most every ACCORDS_PROGRESS_SECONDS."""
    store = document_store(settings)
    journal = _journal(settings)
    # earlier rows stay in Arrow, referred to by position: their texts are never turned into Python objects;
    # the batches of a killed run (newer, so they win) are few and kept as rows
    earlier = read_arrow_table(parsed_path(settings), PARSED_DOCUMENTS_SCHEMA)
    previous: dict[str, int | dict] = {d: i for i, d in enumerate(earlier.column("document_id").to_pylist())}
    earlier_versions = earlier.column("parser_version").to_pylist()
    previous.update({row["document_id"]: row for row in journal.committed()["parsed_documents"]})

    def parsed_by(found: int | dict) -> str:
        return found["parser_version"] if isinstance(found, dict) else earlier_versions[found]

    rows = TableBuilder(PARSED_DOCUMENTS_SCHEMA, earlier, destination=parsed_path(settings))
    parsed, reused, failures = 0, 0, []
    live = store.live_rows()  # a document whose file was removed is not parsed, nor published
    reusable = [previous.get(d["document_id"]) is not None
                and parsed_by(previous[d["document_id"]]) == PARSER_VERSION for d in live]
    progress = Progress("parse", reusable.count(False), say or (lambda line: None),
                        interval=settings.progress_seconds)
    pending = [document for document, reuse in zip(live, reusable) if not reuse]
    with WorkerPool("orchestration.stages.parse:parse_fields", budget, size=settings.workers) as pool, \
            discarded_on_failure(rows):
        # the documents are parsed side by side, and their rows come back in this order
        parsed_rows = pool.map(lambda worker, document: _parse_guarded(worker, document, store), pending)
        for document, reuse in zip(live, reusable):
            if reuse:
                found = previous[document["document_id"]]
                if isinstance(found, dict):
                    rows.add([found])
                else:
                    rows.take([found])
                reused += 1
                progress.skip()
                continue
            row = next(parsed_rows)
            if row["parse_status"] == "failed":
                failures.append({"document_id": row["document_id"], "uri": document["uri"], "reason": row["parse_error"]})
                progress.advance("failed")
            else:
                parsed += 1
                progress.advance("new")
            rows.add([row])
            journal.add(parsed_documents=[row])
    journal.flush()
    rows.finish()
    journal.clear()
    statuses = pq.read_table(parsed_path(settings), columns=["parse_status"]).column("parse_status").to_pylist()
    return ParseReport(parsed=parsed, reused=reused, failed=len(failures), failures=failures,
                       failed_total=statuses.count("failed"), summary=progress.finish())


def _parse_guarded(worker: DocumentWorker, document: dict, store) -> dict:
    row = {"document_id": document["document_id"], "parser_version": PARSER_VERSION}
    try:
        content = store.read(document)
    except OSError as exc:
        return row | _EMPTY | {"parse_status": "failed", "parse_error": f"unreadable_blob: {describe(exc)}",
                               "parse_seconds": 0.0}
    outcome = worker.call(content, document["content_type"], document["language_hint"], document["declared_encoding"])
    seconds = round(outcome.seconds, 3)
    if not outcome.ok:
        return row | _EMPTY | {"parse_status": "failed", "parse_error": outcome.reason, "parse_seconds": seconds}
    return row | outcome.value | {"parse_seconds": seconds}


def parse_fields(content: bytes, content_type: str | None, language_hint: str | None,
                 declared_encoding: str | None) -> dict:
    """The worker's function: the parsed columns of one document (a ParseError is a failed parse, not a crash)."""
    try:
        parsed = parse_document(
            content,
            content_type=content_type,
            language_hint=language_hint,
            declared_encoding=declared_encoding,
        )
    except ParseError as exc:
        return _EMPTY | {"parse_status": "failed", "parse_error": str(exc)}
    return {
        "parse_status": "parsed",
        "parse_error": None,
        "title": parsed.title,
        "language": parsed.language,
        "published_date": parsed.published_date,
        "published_date_source": parsed.published_date_source,
        "text": parsed.text,
        "removed_lines": parsed.removed_lines,
    }

