"""The ``files`` source kind: every *.txt, *.html, *.htm under a folder — regular files inside it, nothing else.

The folder is walked without following links: a symbolic link (to a file or a folder, inside or outside) and a
special file (FIFO, socket, device) are never opened, only logged as ``skipped`` with the reason ``symlink`` or
``not_a_regular_file``. Files are opened relative to their folder's descriptor with ``O_NOFOLLOW`` and checked
again on the open descriptor, so swapping a file for a link mid-run gains nothing; reading stops at the byte cap
(``ACCORDS_FILE_MAX_BYTES``, default 20 MB) whatever the file claims to be. The uri of a file is
``file://`` + its absolute path percent-encoded byte by byte, so any file name (not UTF-8, spaces, ``#``) gives
a valid ASCII URI.

A file whose size, modification and change times and inode are those recorded when it was last read is not read
again (``read_folder``'s ``seen``): its document is already stored. The change time cannot be set back by any
program, so a rewritten file always differs; a file read within the clock's resolution of a change is recorded as
unknown and read again next time (the "racy" case of git's index).
"""
from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

FILE_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}
MAX_FILE_BYTES = 20 * 1024 * 1024
_READ_CHUNK = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_DIRECTORY_FLAGS = _OPEN_FLAGS | getattr(os, "O_DIRECTORY", 0)


@dataclass(frozen=True)
class FileRead:
    uri: str
    content: bytes | None
    content_type: str | None
    status: str  # fetched | unchanged (its stat is the one in ``seen``: not read) | failed | skipped
    reason: str | None  # missing_folder | empty_file | unreadable | too_large | symlink | not_a_regular_file
    identity: tuple[int, int, int, int] | None = None  # FileIdentity of a file fetched or unchanged


# (size, mtime_ns, ctime_ns, inode): what tells an unchanged file without reading it
FileIdentity = tuple[int, int, int, int]
# a change this close to the read may be followed by another one that leaves the same times
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class _Entry:
    path: Path
    directory_fd: int
    name: str
    kind: str  # file | symlink | special


def file_uri(path: Path) -> str:
    """``file://`` and the absolute path, percent-encoded (non-UTF-8 names included)."""
    return Path(os.path.abspath(path)).as_uri()


def max_file_bytes() -> int:
    from orchestration.settings import load_settings

    return load_settings().file_max_bytes


def _walk(folder: Path) -> Iterator[_Entry]:
    """Entries under ``folder`` in a stable order, without following any link. Regular files and special files
    are yielded only with a document suffix; links of any name are yielded (a linked folder is not entered)."""
    try:
        root_fd = os.open(folder, _DIRECTORY_FLAGS)
    except OSError:
        return
    yield from _walk_fd(folder, root_fd)


def _walk_fd(folder: Path, directory_fd: int) -> Iterator[_Entry]:
    try:
        with os.scandir(directory_fd) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        subfolders = []
        for entry in entries:
            path = folder / entry.name
            try:
                if entry.is_symlink():
                    yield _Entry(path, directory_fd, entry.name, "symlink")
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.name)
                elif path.suffix.lower() in FILE_SUFFIXES:
                    kind = "file" if entry.is_file(follow_symlinks=False) else "special"
                    yield _Entry(path, directory_fd, entry.name, kind)
            except OSError:
                continue
        for name in subfolders:
            try:
                child = os.open(name, _DIRECTORY_FLAGS, dir_fd=directory_fd)
            except OSError:
                continue  # vanished or became a link since the scan
            yield from _walk_fd(folder / name, child)
    finally:
        os.close(directory_fd)


def list_files(folder: Path) -> list[Path]:
    """Regular document files of a folder in a stable order (the sensor fingerprints the same list)."""
    return [entry.path for entry in _walk(folder) if entry.kind == "file"]


def read_folder(folder: Path, seen: Mapping[str, FileIdentity] | None = None) -> list[FileRead]:
    """Every document file of ``folder`` read (or, where ``seen`` has its identity, found unchanged)."""
    return list(iter_folder(folder, seen)[1])


def iter_folder(folder: Path, seen: Mapping[str, FileIdentity] | None = None) -> tuple[int, Iterator[FileRead]]:
    """How many entries ``folder`` has, and its reads one at a time: a large folder is never held in memory."""
    if not folder.is_dir():
        return 1, iter([FileRead(file_uri(folder), None, None, "failed", "missing_folder")])
    cap = max_file_bytes()
    count = sum(1 for _ in _walk(folder))  # a second walk reads: a directory's descriptor lives as long as its walk
    return count, (_read_entry(entry, cap, seen or {}) for entry in _walk(folder))


def _identity(info: os.stat_result) -> FileIdentity | None:
    """The stat of a file as recorded for the next run; None when it changed too recently to be trusted."""
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < _RACY_NS:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _read_entry(entry: _Entry, cap: int, seen: Mapping[str, FileIdentity] | None = None) -> FileRead:
    uri = file_uri(entry.path)
    content_type = FILE_SUFFIXES.get(entry.path.suffix.lower())
    if entry.kind == "symlink":
        return FileRead(uri, None, content_type, "skipped", "symlink")
    if entry.kind == "special":
        return FileRead(uri, None, content_type, "skipped", "not_a_regular_file")
    known = (seen or {}).get(uri)
    if known is not None:
        try:
            info = os.stat(entry.name, dir_fd=entry.directory_fd, follow_symlinks=False)
        except OSError:
            info = None
        if info is not None and stat.S_ISREG(info.st_mode) and _identity(info) == tuple(known):
            return FileRead(uri, None, content_type, "unchanged", None, tuple(known))
    try:
        handle = os.open(entry.name, _OPEN_FLAGS, dir_fd=entry.directory_fd)
    except OSError as error:
        if getattr(error, "errno", None) == getattr(os, "ELOOP", -1) or os.path.islink(entry.path):
            return FileRead(uri, None, content_type, "skipped", "symlink")  # became a link since the scan
        return FileRead(uri, None, content_type, "failed", "unreadable")
    try:
        return _read_open(handle, uri, content_type, cap)
    finally:
        os.close(handle)


def _read_open(handle: int, uri: str, content_type: str | None, cap: int) -> FileRead:
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return FileRead(uri, None, content_type, "skipped", "not_a_regular_file")
        if info.st_size > cap:
            return FileRead(uri, None, content_type, "failed", "too_large")
        os.set_blocking(handle, True)
        content = _read_capped(handle, cap)
    except OSError:
        return FileRead(uri, None, content_type, "failed", "unreadable")
    if len(content) > cap:  # grew while being read, or a size the file system does not report
        return FileRead(uri, None, content_type, "failed", "too_large")
    if not content.strip():
        return FileRead(uri, None, content_type, "failed", "empty_file")
    # the stat taken before reading: a change during the read moves the times, and the next run reads it again
    return FileRead(uri, content, content_type, "fetched", None, _identity(info))


def _read_capped(handle: int, cap: int) -> bytes:
    """At most cap + 1 bytes: one more than allowed is enough to know the file is too large."""
    chunks, size = [], 0
    while size <= cap:
        chunk = os.read(handle, min(_READ_CHUNK, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
