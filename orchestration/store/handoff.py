"""Parquet hand-off between the Python stages and dbt.

The Python assets never open the DuckDB warehouse for writing: they write Parquet files under
``$ACCORDS_DATA_DIR/raw`` and dbt reads them as sources. DuckDB's single-writer rule then holds by design —
dbt is the only process that writes ``warehouse.duckdb``.

Every file is replaced atomically and durably: written to a temporary file beside it, flushed to disk, renamed
over the old one, and the folder flushed, so that after a crash (even a power cut) a reader finds the old file or
the new one, never half of one. Temporary files a killed run left behind start with a dot and end in ``.tmp``;
``remove_stale_temporaries`` deletes them while no run is writing.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

TEMPORARY_SUFFIX = ".tmp"


def fsync_directory(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def replace_durably(path: Path, write: Callable[[str], None]) -> None:
    """``write(temporary_path)`` fills a temporary file beside ``path``, which then replaces ``path`` durably."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    os.close(handle)
    try:
        write(tmp)
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(tmp, path)
        fsync_directory(path.parent)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes_durably(path: Path, content: bytes) -> None:
    replace_durably(path, lambda tmp: Path(tmp).write_bytes(content))


def write_table(path: Path, rows: list[dict], schema: pa.Schema) -> int:
    """Replace ``path`` atomically and durably with ``rows``."""
    table = pa.Table.from_pylist(rows, schema=schema)
    replace_durably(path, lambda tmp: pq.write_table(table, tmp))
    return table.num_rows


def read_table(path: Path, schema: pa.Schema) -> list[dict]:
    """Rows of a hand-off file; none when it does not exist yet (first run)."""
    if not path.exists():
        return []
    table = pq.read_table(path)
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:  # written by an older version: those rows are recomputed
        return []
    return table.select(schema.names).to_pylist()


def remove_stale_temporaries(root: Path) -> list[Path]:
    """Delete the temporary files and folders that killed runs left under ``root``. Call only while holding the
    data directory's lock (orchestration/lock.py): then no other run can be writing them."""
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for folder, directories, files in os.walk(root):
        here = Path(folder)
        if here.name == "dagster" and here.parent == root:
            directories[:] = []  # Dagster's own storage manages its files
            continue
        for name in files:
            if name.startswith(".") and (name.endswith(TEMPORARY_SUFFIX) or name.startswith(".incoming.")):
                (here / name).unlink(missing_ok=True)
                removed.append(here / name)
        for name in list(directories):
            if name.startswith(".publishing-"):
                shutil.rmtree(here / name, ignore_errors=True)
                removed.append(here / name)
                directories.remove(name)
    return removed
