"""Raw documents, kept forever: content-addressed, never overwritten, the same bytes twice are one document."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from orchestration.store.handoff import fsync_directory, read_table, write_table

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("content_sha256", pa.string()),
        ("source_name", pa.string()),
        ("uri", pa.string()),
        ("final_url", pa.string()),
        ("fetched_at", pa.timestamp("us", tz="UTC")),
        ("content_type", pa.string()),
        ("declared_encoding", pa.string()),
        ("language_hint", pa.string()),
        ("byte_size", pa.int64()),
        ("storage_path", pa.string()),
        # set when the document left its source (a file removed from a `files` folder): it is kept, no longer
        # parsed, extracted or published; cleared if the same content comes back
        ("removed_at", pa.timestamp("us", tz="UTC")),
    ]
)
# the index as versions before `removed_at` wrote it
_DOCUMENTS_SCHEMA_V1 = pa.schema([f for f in DOCUMENTS_SCHEMA if f.name != "removed_at"])

FETCH_LOG_SCHEMA = pa.schema(
    [
        ("source_name", pa.string()),
        ("url", pa.string()),
        ("final_url", pa.string()),
        ("run_id", pa.string()),
        ("attempted_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.string()),
        ("reason", pa.string()),
        ("http_status", pa.int32()),
        ("attempts", pa.int32()),
        ("document_id", pa.string()),
    ]
)


def sha256_hex(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def document_id_for(content_sha256: str) -> str:
    """Ids derive from content alone, so they are stable across re-runs and machines."""
    return content_sha256[:20]


@dataclass
class StoredDocument:
    document_id: str
    is_new: bool


RECOVERED_SOURCE = "recovered"  # an index row rebuilt from a blob alone; the next real read of it replaces it


class DocumentStore:
    """Blobs under ``documents/<sha[:2]>/<sha>`` plus one Parquet index row per distinct content.

    Crash-safe in this order: ``add`` appends the index row to a journal (``documents.journal``, one JSON line per
    document, flushed) and then writes the blob (temporary file, fsync, rename); ``save`` writes the Parquet index
    durably and only then empties the journal. Opening the store replays the journal (rows whose blob never
    arrived are dropped: their source is read again, since no cursor moved past them), and ``recover`` also
    re-indexes blobs that no row names — left by older versions, which indexed only at the end of a run.
    Callers save the store before they save anything that says a document was seen (a feed's cursor).
    """

    def __init__(self, documents_dir: Path, index_path: Path):
        self.documents_dir = documents_dir
        self.index_path = index_path
        self.journal_path = index_path.with_name(index_path.stem + ".journal")
        rows = read_table(index_path, DOCUMENTS_SCHEMA) or read_table(index_path, _DOCUMENTS_SCHEMA_V1)
        self._rows = {row["document_id"]: {"removed_at": None} | row for row in rows}
        self._dirty = False
        self._journal = None
        self._replay_journal()

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self) -> list[dict]:
        return sorted(self._rows.values(), key=lambda row: (row["fetched_at"], row["document_id"]))

    def live_rows(self) -> list[dict]:
        """The documents still offered by their source: what is parsed, extracted and published."""
        return [row for row in self.rows() if row["removed_at"] is None]

    def mark_removed(self, source_name: str, present_uris: set[str], present_ids: set[str], at: datetime) -> list[str]:
        """Mark the documents of a source that it no longer offers (neither their uri nor their content, which
        another file may hold) as removed; returns their ids. Only a document that the source itself stored is
        marked (the same bytes may have come first from another)."""
        removed = []
        for row in self._rows.values():
            if (row["source_name"] == source_name and row["removed_at"] is None and row["uri"] not in present_uris
                    and row["document_id"] not in present_ids):
                row["removed_at"] = at
                removed.append(row["document_id"])
        self._dirty = self._dirty or bool(removed)
        return removed

    def blob_path(self, content_sha256: str) -> Path:
        return self.documents_dir / content_sha256[:2] / content_sha256

    def read(self, row: dict) -> bytes:
        return self.blob_path(row["content_sha256"]).read_bytes()

    def add(
        self,
        content: bytes,
        *,
        source_name: str,
        uri: str,
        fetched_at: datetime,
        final_url: str | None = None,
        content_type: str | None = None,
        declared_encoding: str | None = None,
        language_hint: str | None = None,
    ) -> StoredDocument:
        digest = sha256_hex(content)
        document_id = document_id_for(digest)
        blob = self.blob_path(digest)
        existing = self._rows.get(document_id)
        row = None
        if existing is None or existing["source_name"] == RECOVERED_SOURCE:
            row = {
                "document_id": document_id,
                "content_sha256": digest,
                "source_name": source_name,
                "uri": uri,
                "final_url": final_url or uri,
                "fetched_at": existing["fetched_at"] if existing else fetched_at,
                "content_type": content_type,
                "declared_encoding": declared_encoding,
                "language_hint": language_hint,
                "byte_size": len(content),
                "storage_path": str(blob.relative_to(self.documents_dir)),
                "removed_at": None,
            }
            self._append_journal(row)
        if not blob.exists():
            _write_blob(blob, content)
        if row is None:  # first source and first fetch win: the document already exists
            if existing["removed_at"] is not None and existing["source_name"] == source_name:
                # back in its folder, perhaps under another name
                existing.update(removed_at=None, uri=uri, final_url=final_url or uri)
                self._dirty = True
            return StoredDocument(document_id, is_new=False)
        self._rows[document_id] = row
        self._dirty = True
        return StoredDocument(document_id, is_new=existing is None)

    def is_stored(self, document_id: str) -> bool:
        """The document is indexed, still offered by its source, and its bytes are there."""
        row = self._rows.get(document_id)
        return row is not None and row["removed_at"] is None and self.blob_path(row["content_sha256"]).exists()

    def known_uris(self) -> dict[str, str]:
        """uri -> document_id of every stored document its source still offers."""
        return {row["uri"]: row["document_id"] for row in self._rows.values() if row["removed_at"] is None}

    def save(self) -> None:
        """The index, durably; then the journal it now contains is emptied."""
        if self._dirty or not self.index_path.exists():
            write_table(self.index_path, self.rows(), DOCUMENTS_SCHEMA)
            self._dirty = False
        self._close_journal()
        if self.journal_path.exists():
            self.journal_path.unlink()
            fsync_directory(self.journal_path.parent)

    def close(self) -> None:
        self._close_journal()

    # -- crash recovery -------------------------------------------------------------------------------------------

    def recover(self) -> int:
        """Index every blob that no row names (with placeholder metadata, replaced when a source reads it again)
        and save the index; returns how many rows were added, from the journal or from orphan blobs."""
        added = self._replayed
        known = {row["content_sha256"] for row in self._rows.values()}
        if self.documents_dir.is_dir():
            for shard in sorted(self.documents_dir.iterdir()):
                if not shard.is_dir() or len(shard.name) != 2:
                    continue
                for blob in sorted(shard.iterdir()):
                    if blob.name in known or blob.name.startswith(".") or len(blob.name) != 64:
                        continue
                    self._rows[document_id_for(blob.name)] = _recovered_row(blob, self.documents_dir)
                    self._dirty = True
                    added += 1
        self.save()
        self._replayed = 0
        return added

    def _replay_journal(self) -> None:
        self._replayed = 0
        if not self.journal_path.exists():
            return
        with open(self.journal_path, encoding="utf-8") as journal:
            for line in journal:
                try:
                    row = json.loads(line)
                except ValueError:
                    continue  # the line being written when the process died
                row["fetched_at"] = datetime.fromisoformat(row["fetched_at"])
                row["removed_at"] = None
                existing = self._rows.get(row["document_id"])
                if existing is not None and existing["source_name"] != RECOVERED_SOURCE:
                    continue
                if not self.blob_path(row["content_sha256"]).exists():
                    continue  # died before the blob was in place
                self._rows[row["document_id"]] = row
                self._dirty = True
                self._replayed += 1

    def _append_journal(self, row: dict) -> None:
        if self._journal is None:
            self.journal_path.parent.mkdir(parents=True, exist_ok=True)
            self._journal = open(self.journal_path, "a", encoding="utf-8")
        self._journal.write(json.dumps(row | {"fetched_at": row["fetched_at"].isoformat()}, ensure_ascii=True) + "\n")
        self._journal.flush()  # in the kernel: survives the process being killed

    def _close_journal(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


def _write_blob(blob: Path, content: bytes) -> None:
    blob.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=blob.parent, prefix=".incoming.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, blob)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    fsync_directory(blob.parent)


def _recovered_row(blob: Path, documents_dir: Path) -> dict:
    head = blob.read_bytes()[:512].lstrip().lower()
    is_html = head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head
    return {
        "document_id": document_id_for(blob.name),
        "content_sha256": blob.name,
        "source_name": RECOVERED_SOURCE,
        "uri": f"urn:sha256:{blob.name}",
        "final_url": None,
        "fetched_at": datetime.fromtimestamp(blob.stat().st_mtime, tz=timezone.utc),
        "content_type": "text/html" if is_html else "text/plain",
        "declared_encoding": None,
        "language_hint": None,
        "byte_size": blob.stat().st_size,
        "storage_path": str(blob.relative_to(documents_dir)),
        "removed_at": None,
    }
