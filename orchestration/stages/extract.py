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

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from orchestration.extract.pipeline import EXTRACTOR_VERSION, extract_document
from orchestration.progress import Progress, StageSummary
from orchestration.settings import Settings
from orchestration.stages.isolation import Budget, WorkerPool
from orchestration.stages.parse import parsed_path
from orchestration.store.handoff import read_table, write_table
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


def _previous(settings: Settings, journal: BatchJournal) -> tuple[dict[str, dict], dict[tuple[str, str], list[dict]]]:
    """What earlier runs found: the hand-off tables, then the batches a killed run saved (newer, so they win)."""
    documents_path, extractions_path, _ = _paths(settings)
    documents = {row["document_id"]: row for row in read_table(documents_path, EXTRACTION_DOCUMENTS_SCHEMA)}
    rows: dict[tuple[str, str], list[dict]] = {}
    for row in read_table(extractions_path, EXTRACTIONS_SCHEMA):
        rows.setdefault((row["document_id"], row["extractor_version"]), []).append(row)
    pending = journal.committed()
    journal_rows: dict[tuple[str, str], list[dict]] = {}
    for row in pending["extractions"]:
        journal_rows.setdefault((row["document_id"], row["extractor_version"]), []).append(row)
    for row in pending["extraction_documents"]:
        documents[row["document_id"]] = row
        key = (row["document_id"], row["extractor_version"])
        rows[key] = journal_rows.get(key, [])
    return documents, rows


def _reusable(old: dict | None, parsed: dict, rows: list[dict]) -> bool:
    if old is None or old["extractor_version"] != EXTRACTOR_VERSION or old["parser_version"] != parsed["parser_version"]:
        return False
    if old["extraction_truncated_at"] != extraction_window(parsed["text"]):  # read with another window
        return False
    # rows and their document row are saved separately: reuse only a complete set
    return old["extract_status"] == FAILED or len(rows) == (old["extraction_count"] or 0)


def run_extract(settings: Settings, budget: Budget | None = None,
                say: Callable[[str], None] | None = None) -> ExtractReport:
    """`say` hears how far the extraction is, at most every ACCORDS_PROGRESS_SECONDS."""
    documents_path, extractions_path, _ = _paths(settings)
    journal = _journal(settings)
    previous_documents, previous_rows = _previous(settings, journal)

    document_rows, extraction_rows, failures = [], [], []
    extracted = reused = 0
    parsed_rows = [row for row in read_table(parsed_path(settings), PARSED_DOCUMENTS_SCHEMA)
                   if row["parse_status"] == "parsed"]
    earlier = []  # (earlier document row, its extraction rows), or None where the document needs extracting
    for parsed in parsed_rows:
        old = previous_documents.get(parsed["document_id"])
        old_rows = previous_rows.get((parsed["document_id"], old["extractor_version"]), []) if old else []
        earlier.append((old, old_rows) if _reusable(old, parsed, old_rows) else None)
    progress = Progress("extract", earlier.count(None), say or (lambda line: None),
                        interval=settings.progress_seconds)
    pending = [parsed for parsed, reusable in zip(parsed_rows, earlier) if reusable is None]
    with WorkerPool("orchestration.stages.extract:extract_one", budget, warmup="orchestration.stages.extract:warm_up",
                    size=settings.workers) as pool:
        # the documents are extracted side by side, and their outcomes come back in this order
        # a very long text is read up to its window (the row records where it stopped)
        outcomes = pool.map(lambda worker, parsed: worker.call(
            parsed["document_id"], parsed["text"][:extraction_window(parsed["text"])], parsed["language"],
            parsed["title"], parsed["published_date"]), pending)
        for parsed, reusable in zip(parsed_rows, earlier):
            document_id = parsed["document_id"]
            if reusable is not None:
                document_rows.append(reusable[0])
                extraction_rows.extend(reusable[1])
                reused += 1
                progress.skip()
                continue
            truncated_at = extraction_window(parsed["text"])
            outcome = next(outcomes)
            extracted += 1
            row = {"document_id": document_id, "extractor_version": EXTRACTOR_VERSION,
                   "parser_version": parsed["parser_version"], "extract_seconds": round(outcome.seconds, 3),
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
            document_rows.append(row)
            extraction_rows.extend(rows)
            journal.add(extractions=rows, extraction_documents=[row])
    journal.flush()
    # rows first: a document row is the mark that its rows are complete
    write_table(extractions_path, extraction_rows, EXTRACTIONS_SCHEMA)
    write_table(documents_path, document_rows, EXTRACTION_DOCUMENTS_SCHEMA)
    journal.clear()
    return ExtractReport(
        documents=len(document_rows),
        relevant=sum(1 for row in document_rows if row["is_relevant"]),
        extracted=extracted,
        reused=reused,
        extractions=len(extraction_rows),
        by_kind=dict(Counter(row["kind"] for row in extraction_rows)),
        failed=len(failures),
        failures=failures,
        failed_total=sum(1 for row in document_rows if row["extract_status"] == FAILED),
        summary=progress.finish(),
    )
