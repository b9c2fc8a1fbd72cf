"""Extract stage: raw extractions for every parsed document.

Incremental: a document already extracted by the current extractor version (from the same parse) keeps its
rows; when the version changes, every kept document is extracted again without fetching anything.

Guarded: each document is extracted under a time and memory budget (orchestration/stages/isolation.py). One
that raises or overruns is recorded as ``extract_status = failed`` with its reason and is not tried again until
the parser or the extractor changes; the run goes on. Results are saved in batches as they come
(orchestration/store/journal.py), so a killed run loses at most the batch in flight and the next run resumes.

Bounded: the extractor reads at most the first EXTRACTION_WINDOW_CHARS characters of a text, and where it stopped
is recorded per document (``extraction_truncated_at``, also in marts.dim_documents).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.extract.pipeline import EXTRACTOR_VERSION, extract_document
from orchestration.progress import Progress, StageSummary
from orchestration.settings import Settings
from orchestration.stages.isolation import Budget, WorkerPool
from orchestration.stages.parse import parsed_path
from orchestration.store.handoff import (
    TableBuilder,
    discarded_on_failure,
    read_arrow_table,
)
from orchestration.store.journal import BatchJournal
from orchestration.store.tables import (
    EXTRACTION_DOCUMENTS_SCHEMA,
    EXTRACTIONS_SCHEMA,
    PARSED_DOCUMENTS_SCHEMA,
)

EXTRACTED, FAILED = "extracted", "failed"

# A news report states its event, place, date and deals in its first paragraphs; what lies beyond a few hundred KB
# of text (an appended archive, a page of listings) is not read, so a page of any size costs at most this window.
EXTRACTION_WINDOW_CHARS = 300_000
# the window ends at a line break, else a sentence stop or a space, found this far back at most
_WINDOW_BREAK_SEARCH = 2_000


def extraction_window(text: str, limit: int | None = None) -> int | None:
    """How many leading characters of ``text`` extraction reads (at most ``limit``, by default
    EXTRACTION_WINDOW_CHARS): None when it reads the whole text, else the end of the last line (or sentence, or
    word) that fits, so that no sentence is read cut in half."""
    limit = EXTRACTION_WINDOW_CHARS if limit is None else limit
    if len(text) <= limit:
        return None
    floor = max(0, limit - _WINDOW_BREAK_SEARCH)
    line_end = text.rfind("\n", floor, limit + 1)
    if line_end > 0:
        return line_end
    stops = [text.rfind(stop, floor, limit) for stop in ("。", "！", "？", ". ", "! ", "? ")]
    if max(stops) > 0:
        return max(stops) + 1
    space = text.rfind(" ", floor, limit + 1)
    return space if space > 0 else limit


@dataclass
class ExtractReport:
    documents: int
    relevant: int
    extracted: int
    reused: int
    extractions: int
    by_kind: dict[str, int] = field(default_factory=dict)
    failed: int = 0  # failed in this run (documents that failed before and were not retried are in `reused`)
    failures: list[dict] = field(default_factory=list)
    failed_total: int = 0  # every document whose extraction failed, this run or before
    summary: StageSummary | None = None


def extract_one(document_id: str, text: str, language: str, title: str | None, published_date: date | None) -> tuple:
    """The worker's function: one document's relevance and rows (plain data, cheap to send back)."""
    result = extract_document(document_id, text, language, title=title, published_date=published_date)
    return result.is_relevant, result.relevance_reason, result.rows


# Short sentences written for the warm-up: they load every language's lexicons and the gazetteer once per worker.
_WARM_UP = {
    "en": "Trade fair opens in Harbin\nThe trade fair opened in Harbin on 5 May 2024; 12 agreements worth "
          "30 million yuan were signed.",
    "ru": "В Казани открылся форум\n5 мая 2024 года в Казани открылся форум, подписано 12 соглашений на 30 млн рублей.",
    "zh": "哈尔滨举办博览会\n2024年5月5日,博览会在哈尔滨开幕,签署合作协议12项,金额3亿元。",
    "ja": "大阪で交流会が開催\n2024年5月5日、交流会が大阪で開催され、12件の協定が締結された。",
}


def warm_up() -> None:
    for language, text in _WARM_UP.items():
        extract_document("warm-up", text, language, title=text.split("\n", 1)[0])


def _paths(settings: Settings):
    return (settings.raw_dir / "extraction_documents.parquet", settings.raw_dir / "extractions.parquet",
            settings.raw_dir / "journal" / "extract")


def _journal(settings: Settings) -> BatchJournal:
    return BatchJournal(
        _paths(settings)[2],
        {"extractions": EXTRACTIONS_SCHEMA, "extraction_documents": EXTRACTION_DOCUMENTS_SCHEMA},
        commit="extraction_documents",
        max_rows=settings.batch_documents,
        max_seconds=settings.batch_seconds,
    )


_REUSE_FIELDS = ("extractor_version", "parser_version", "extraction_truncated_at", "extract_status", "extraction_count")


@dataclass
class _Earlier:
    """What earlier runs found: the hand-off tables (kept as Arrow, rows referred to by position) and the batches
    a killed run saved (newer, so they win; few, so kept as rows)."""
    documents: pa.Table
    extractions: pa.Table
    document_at: dict[str, int | dict]  # document id -> its row's position in `documents`, or a journal row
    rows_at: dict[tuple[str, str], list[int] | list[dict]]  # (document, version) -> positions, or journal rows
    reuse_fields: dict[str, list]  # the columns of `documents` that decide reuse, as Python values


def _previous(settings: Settings, journal: BatchJournal) -> _Earlier:
    documents_path, extractions_path, _ = _paths(settings)
    documents = read_arrow_table(documents_path, EXTRACTION_DOCUMENTS_SCHEMA)
    extractions = read_arrow_table(extractions_path, EXTRACTIONS_SCHEMA)
    document_at: dict[str, int | dict] = {d: i for i, d in enumerate(documents.column("document_id").to_pylist())}
    rows_at: dict[tuple[str, str], list] = {}
    keys = zip(extractions.column("document_id").to_pylist(), extractions.column("extractor_version").to_pylist())
    for position, key in enumerate(keys):
        rows_at.setdefault(key, []).append(position)
    pending = journal.committed()
    journal_rows: dict[tuple[str, str], list[dict]] = {}
    for row in pending["extractions"]:
        journal_rows.setdefault((row["document_id"], row["extractor_version"]), []).append(row)
    for row in pending["extraction_documents"]:
        document_at[row["document_id"]] = row
        key = (row["document_id"], row["extractor_version"])
        rows_at[key] = journal_rows.get(key, [])
    reuse_fields = {name: documents.column(name).to_pylist() for name in _REUSE_FIELDS}
    return _Earlier(documents, extractions, document_at, rows_at, reuse_fields)


def _earlier_document(earlier: _Earlier, document_id: str) -> dict | None:
    """The fields of a document's earlier row that decide whether it can be reused."""
    found = earlier.document_at.get(document_id)
    if found is None or isinstance(found, dict):
        return found
    return {name: earlier.reuse_fields[name][found] for name in _REUSE_FIELDS}


def _reusable(old: dict | None, parser_version: str, truncated_at: int | None, rows: list) -> bool:
    if old is None or old["extractor_version"] != EXTRACTOR_VERSION or old["parser_version"] != parser_version:
        return False
    if old["extraction_truncated_at"] != truncated_at:  # read with another window
        return False
    # rows and their document row are saved separately: reuse only a complete set
    return old["extract_status"] == FAILED or len(rows) == (old["extraction_count"] or 0)


_PARSED_BATCH = 500


def _parsed_batches(settings: Settings, columns: list[str]):
    """The parsed documents, a batch at a time: the stage never holds every text at once."""
    path = parsed_path(settings)
    if not path.exists():
        return
    parquet = pq.ParquetFile(path)
    if any(name not in parquet.schema_arrow.names for name in PARSED_DOCUMENTS_SCHEMA.names):
        return  # written by an older version: nothing parsed yet
    for batch in parquet.iter_batches(batch_size=_PARSED_BATCH, columns=["parse_status", *columns]):
        for row in batch.to_pylist():
            if row["parse_status"] == "parsed":
                yield row


def run_extract(settings: Settings, budget: Budget | None = None,
                say: Callable[[str], None] | None = None) -> ExtractReport:
    """`say` hears how far the extraction is, at most every ACCORDS_PROGRESS_SECONDS."""
    documents_path, extractions_path, _ = _paths(settings)
    journal = _journal(settings)
    earlier = _previous(settings, journal)
    # first pass, without keeping the texts: which documents keep what an earlier run found
    plan = []  # (document id, parser version, window, the earlier document and rows or None to extract)
    for parsed in _parsed_batches(settings, ["document_id", "parser_version", "text"]):
        truncated_at = extraction_window(parsed["text"])
        old = _earlier_document(earlier, parsed["document_id"])
        old_rows = earlier.rows_at.get((parsed["document_id"], old["extractor_version"]), []) if old else []
        reuse = (earlier.document_at[parsed["document_id"]], old_rows) if _reusable(
            old, parsed["parser_version"], truncated_at, old_rows) else None
        plan.append((parsed["document_id"], parsed["parser_version"], truncated_at, reuse))
    pending_count = sum(1 for *_, reuse in plan if reuse is None)
    progress = Progress("extract", pending_count, say or (lambda line: None), interval=settings.progress_seconds)
    needed = {document_id for document_id, *_, reuse in plan if reuse is None}
    # second pass: the texts of the documents to extract, read as the workers take them
    pending = (parsed for parsed in _parsed_batches(
        settings, ["document_id", "text", "language", "title", "published_date"]) if parsed["document_id"] in needed)

    document_rows = TableBuilder(EXTRACTION_DOCUMENTS_SCHEMA, earlier.documents, destination=documents_path)
    extraction_rows = TableBuilder(EXTRACTIONS_SCHEMA, earlier.extractions, destination=extractions_path)
    failures = []
    extracted = reused = 0
    with WorkerPool("orchestration.stages.extract:extract_one", budget, warmup="orchestration.stages.extract:warm_up",
                    size=settings.workers) as pool, discarded_on_failure(document_rows, extraction_rows):
        # the documents are extracted side by side, and their outcomes come back in this order
        # a very long text is read up to its window (the row records where it stopped)
        outcomes = pool.map(lambda worker, parsed: worker.call(
            parsed["document_id"], parsed["text"][:extraction_window(parsed["text"])], parsed["language"],
            parsed["title"], parsed["published_date"]), pending)
        for document_id, parser_version, truncated_at, reuse in plan:
            if reuse is not None:
                old, old_rows = reuse
                if isinstance(old, dict):  # from a killed run's batches
                    document_rows.add([old])
                else:
                    document_rows.take([old])
                if old_rows and isinstance(old_rows[0], dict):
                    extraction_rows.add(old_rows)
                else:
                    extraction_rows.take(old_rows)
                reused += 1
                progress.skip()
                continue
            outcome = next(outcomes)
            extracted += 1
            row = {"document_id": document_id, "extractor_version": EXTRACTOR_VERSION,
                   "parser_version": parser_version, "extract_seconds": round(outcome.seconds, 3),
                   "extraction_truncated_at": truncated_at}
            if outcome.ok:
                is_relevant, relevance_reason, rows = outcome.value
                for extraction in rows:
                    extraction["extractor_version"] = EXTRACTOR_VERSION
                row |= {"extract_status": EXTRACTED, "extract_error": None, "is_relevant": is_relevant,
                        "relevance_reason": relevance_reason, "event_count": sum(1 for r in rows if r["kind"] == "event"),
                        "extraction_count": len(rows)}
            else:
                rows = []
                row |= {"extract_status": FAILED, "extract_error": outcome.reason, "is_relevant": False,
                        "relevance_reason": "extract_failed", "event_count": 0, "extraction_count": 0}
                failures.append({"document_id": document_id, "reason": outcome.reason})
            progress.advance("new" if outcome.ok else "failed")
            document_rows.add([row])
            extraction_rows.add(rows)
            journal.add(extractions=rows, extraction_documents=[row])
    journal.flush()
    del earlier, plan
    # rows first: a document row is the mark that its rows are complete; a table that is its file's, row for row,
    # is left as it is
    extraction_rows.finish()
    document_rows.finish()
    journal.clear()
    kinds = pq.read_table(extractions_path, columns=["kind"]).column("kind")
    documents_table = pq.read_table(documents_path, columns=["is_relevant", "extract_status"])
    statuses = documents_table.column("extract_status").to_pylist()
    return ExtractReport(
        documents=documents_table.num_rows,
        relevant=sum(1 for relevant in documents_table.column("is_relevant").to_pylist() if relevant),
        extracted=extracted,
        reused=reused,
        extractions=len(kinds),
        by_kind={kind["values"]: kind["counts"] for kind in kinds.value_counts().to_pylist()},
        failed=len(failures),
        failures=failures,
        failed_total=statuses.count(FAILED),
        summary=progress.finish(),
    )
