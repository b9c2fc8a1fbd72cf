"""Raw documents, kept forever: content-addressed, never overwritten, the same bytes twice are one document."""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa

from orchestration.store.handoff import read_table, write_table

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
    ]
)

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


class DocumentStore:
    """Blobs under ``documents/<sha[:2]>/<sha>`` plus one Parquet index row per distinct content."""

    def __init__(self, documents_dir: Path, index_path: Path):
        self.documents_dir = documents_dir
        self.index_path = index_path
        self._rows = {row["document_id"]: row for row in read_table(index_path, DOCUMENTS_SCHEMA)}
        self._dirty = False

    def __len__(self) -> int:
        return len(self._rows)

    def rows(self) -> list[dict]:
        return sorted(self._rows.values(), key=lambda row: (row["fetched_at"], row["document_id"]))

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
        if not blob.exists():
            blob.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=blob.parent, prefix=".incoming.")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(tmp, blob)
        if document_id in self._rows:  # first source and first fetch win: the document already exists
            return StoredDocument(document_id, is_new=False)
        self._rows[document_id] = {
            "document_id": document_id,
            "content_sha256": digest,
            "source_name": source_name,
            "uri": uri,
            "final_url": final_url or uri,
            "fetched_at": fetched_at,
            "content_type": content_type,
            "declared_encoding": declared_encoding,
            "language_hint": language_hint,
            "byte_size": len(content),
            "storage_path": str(blob.relative_to(self.documents_dir)),
        }
        self._dirty = True
        return StoredDocument(document_id, is_new=True)

    def known_uris(self) -> dict[str, str]:
        """uri -> document_id of every stored document."""
        return {row["uri"]: row["document_id"] for row in self._rows.values()}

    def save(self) -> None:
        if self._dirty or not self.index_path.exists():
            write_table(self.index_path, self.rows(), DOCUMENTS_SCHEMA)
            self._dirty = False
