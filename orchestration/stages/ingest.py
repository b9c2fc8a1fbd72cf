"""Fetch stage: read every source of the registry, keep every document raw, log every attempt."""
from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from orchestration.fetch.files import FileIdentity, file_uri, iter_folder
from orchestration.fetch.urls import strip_credentials
from orchestration.progress import Progress, StageSummary, fetch_outcome
from orchestration.registry import SourceConfig
from orchestration.settings import Settings
from orchestration.store.documents import FETCH_LOG_SCHEMA, DocumentStore
from orchestration.store.handoff import write_bytes_durably, write_table

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    run_id: str
    documents_total: int
    new_documents: int
    status_counts: dict[str, int] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)
    recovered_documents: int = 0  # indexed from what a killed run left (journal, orphan blobs)
    summary: StageSummary | None = None


def document_store(settings: Settings) -> DocumentStore:
    return DocumentStore(settings.documents_dir, settings.raw_dir / "documents.parquet")


def run_ingest(settings: Settings, sources: list[SourceConfig], run_id: str, now: datetime | None = None,
               say: Callable[[str], None] | None = None) -> IngestReport:
    """Read every source. A source that raises is logged as failed (reason ``internal_error``) and the others
    are still read. Crash-safe: the document index is saved after each source and before its cursor, and the
    fetch log of the run so far is rewritten after each source. `say` hears how far the fetch is, at most every
    ACCORDS_PROGRESS_SECONDS."""
    now = now or datetime.now(timezone.utc)
    progress = Progress("fetch", 0, say or (lambda line: None), interval=settings.progress_seconds)
    store = document_store(settings)
    recovered = store.recover()
    if recovered:
        log.warning("re-indexed %d documents stored by a run that did not finish", recovered)
    known = store.known_uris()
    entries_log: list[dict] = []
    new_documents = 0
    fetcher = None
    log_path = settings.raw_dir / "fetch_log" / f"{run_id}.parquet"
    try:
        for source in sources:
            try:
                if source.kind == "files":
                    entries = _ingest_files(source, store, known, run_id, now, progress)
                else:
                    # one polite client for the whole run: robots.txt cache and per-host delays span sources
                    from orchestration.stages.ingest_http import (
                        ingest_http_source,
                        new_fetcher,
                    )

                    fetcher = fetcher or new_fetcher()
                    entries = ingest_http_source(source, store, settings, run_id, now, fetcher=fetcher,
                                                 progress=progress)
            except Exception as exc:  # one source's bug must not stop the others
                log.exception("source %s failed", source.name)
                entries = [_source_failure(source, run_id, now, exc)]
                progress.add_total(1)
                progress.advance("failed")
            store.save()
            new_documents += sum(1 for entry in entries if entry.pop("_new", False))
            entries_log.extend(entries)
            write_table(log_path, entries_log, FETCH_LOG_SCHEMA)
    finally:
        if fetcher is not None:
            fetcher.close()
        store.close()
    store.save()
    write_table(log_path, entries_log, FETCH_LOG_SCHEMA)
    counts = Counter(entry["status"] for entry in entries_log)
    return IngestReport(
        run_id=run_id,
        documents_total=len(store),
        new_documents=new_documents,
        status_counts=dict(counts),
        failures=[{"source": e["source_name"], "url": e["url"], "reason": e["reason"]}
                  for e in entries_log if e["status"] == "failed"],
        recovered_documents=recovered,
        summary=progress.finish(),
    )


def _source_failure(source: SourceConfig, run_id: str, now: datetime, exc: Exception) -> dict:
    where = str(source.path) if source.path is not None else (source.url or (source.urls[0] if source.urls else ""))
    url = file_uri(Path(where)) if source.path is not None else strip_credentials(where)
    return {"source_name": source.name, "url": url, "final_url": None, "run_id": run_id, "attempted_at": now,
            "status": "failed", "reason": f"internal_error: {type(exc).__name__}", "http_status": None,
            "attempts": 0, "document_id": None}


def _identities_path(store: DocumentStore, source: SourceConfig) -> Path:
    return store.index_path.parent / "file_identities" / f"{source.name}.json"


def _seen_files(store: DocumentStore, source: SourceConfig) -> dict[str, tuple[FileIdentity, str]]:
    """uri -> (the file's identity when it was last read, its document) for the files of ``source`` whose
    document is stored and still offered: those need not be read again while their identity holds."""
    try:
        recorded = json.loads(_identities_path(store, source).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {uri: (tuple(identity), document_id) for uri, (identity, document_id) in recorded.items()
            if store.is_stored(document_id)}


def _ingest_files(source: SourceConfig, store: DocumentStore, known: dict[str, str], run_id: str, now: datetime,
                  progress: Progress) -> list[dict]:
    entries = []
    seen = _seen_files(store, source)
    count, reads = iter_folder(source.path, {uri: identity for uri, (identity, _) in seen.items()})
    progress.add_total(count)
    identities: dict[str, tuple[FileIdentity, str]] = {}
    for read in reads:
        entry = {
            "source_name": source.name,
            "url": read.uri,
            "final_url": read.uri,
            "run_id": run_id,
            "attempted_at": now,
            "status": read.status,
            "reason": read.reason,
            "http_status": None,
            "attempts": 1,
            "document_id": None,
        }
        if read.status == "unchanged":  # the same file as last time: its document is stored, nothing is read
            entry["document_id"] = seen[read.uri][1]
            entry["status"] = "not_modified"
        elif read.content is not None:
            stored = store.add(
                read.content,
                source_name=source.name,
                uri=read.uri,
                fetched_at=now,
                content_type=read.content_type,
                language_hint=source.language,
            )
            entry["document_id"] = stored.document_id
            # an unchanged file costs nothing downstream, like an HTTP 304
            entry["status"] = "not_modified" if known.get(read.uri) == stored.document_id else "fetched"
            entry["_new"] = stored.is_new
        if read.identity is not None and entry["document_id"] is not None:
            identities[read.uri] = (read.identity, entry["document_id"])
        entries.append(entry)
        progress.advance(fetch_outcome(entry["status"]))
    if source.path.is_dir():  # a folder that is gone (unmounted, mistyped) evicts nothing: its read failed
        removed = store.mark_removed(source.name, {read.uri for read in reads},
                                     {entry["document_id"] for entry in entries if entry["document_id"]}, now)
        if removed:
            log.info("source %s: %d documents whose files were removed are no longer published", source.name,
                     len(removed))
    # only what the index holds durably may be skipped next time: the index first, then the identities
    store.save()
    if identities != seen:
        path = _identities_path(store, source)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_durably(path, json.dumps(identities, separators=(",", ":")).encode("utf-8"))
    return entries
