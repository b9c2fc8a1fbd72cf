"""The ``files`` source kind: every *.txt, *.html, *.htm under a folder."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FILE_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileRead:
    uri: str
    content: bytes | None
    content_type: str | None
    status: str  # fetched | failed
    reason: str | None  # missing_folder | empty_file | unreadable | too_large


def file_uri(path: Path) -> str:
    return f"file://{path.resolve()}"


def list_files(folder: Path) -> list[Path]:
    """Documents of a folder in a stable order (the sensor fingerprints the same list)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in FILE_SUFFIXES)


def read_folder(folder: Path) -> list[FileRead]:
    if not folder.is_dir():
        return [FileRead(file_uri(folder), None, None, "failed", "missing_folder")]
    return [read_file(path) for path in list_files(folder)]


def read_file(path: Path) -> FileRead:
    uri = file_uri(path)
    content_type = FILE_SUFFIXES.get(path.suffix.lower())
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return FileRead(uri, None, content_type, "failed", "too_large")
        content = path.read_bytes()
    except OSError:
        return FileRead(uri, None, content_type, "failed", "unreadable")
    if not content.strip():
        return FileRead(uri, None, content_type, "failed", "empty_file")
    return FileRead(uri, content, content_type, "fetched", None)
