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


def write_arrow_table(path: Path, table: pa.Table) -> int:
    """Replace ``path`` atomically and durably with ``table``."""
    replace_durably(path, lambda tmp: pq.write_table(table, tmp))
    return table.num_rows


def read_arrow_table(path: Path, schema: pa.Schema) -> pa.Table:
    """A hand-off file as Arrow, in ``schema``'s columns; empty when it does not exist yet or was written by an
    older version without some of them (those rows are recomputed)."""
    if not path.exists():
        return schema.empty_table()
    table = pq.read_table(path)
    if any(name not in table.column_names for name in schema.names):
        return schema.empty_table()
    return table.select(schema.names).cast(schema)


class TableBuilder:
    """A stage's output table gathered as it comes, in order: new rows (dicts), and rows taken by position from an
    earlier table (``source``). Held as Arrow batches, columnar and UTF-8, not as Python objects: 100,000
    documents' rows then take a fraction of the memory, and reused rows are never turned into Python at all."""

    def __init__(self, schema: pa.Schema, source: pa.Table | None = None, batch_rows: int = 2000):
        self.schema = schema
        self.source = source
        self.batch_rows = batch_rows
        self._rows: list[dict] = []
        self._taken: list[int] = []
        self._tables: list[pa.Table] = []
        self._source_in_order = 0  # rows so far that are source's first rows, in order; -1 once any other is added

    def add(self, rows: list[dict]) -> None:
        if self._taken:
            self._flush()
        if rows:
            self._source_in_order = -1
        self._rows.extend(rows)
        if len(self._rows) >= self.batch_rows:
            self._flush()

    def take(self, positions: list[int]) -> None:
        """Rows of ``source`` at these positions, next in order."""
        if self._rows:
            self._flush()
        for position in positions:
            in_order = self._source_in_order >= 0 and position == self._source_in_order
            self._source_in_order = self._source_in_order + 1 if in_order else -1
        self._taken.extend(positions)
        if len(self._taken) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._tables.append(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []
        if self._taken:
            self._tables.append(self.source.take(self._taken))
            self._taken = []

    def is_source(self) -> bool:
        """Whether the table is ``source`` itself, row for row: then its file need not be written again (nor
        change by a byte, which would make the warehouse's build inputs differ). Never for an empty source, which
        may stand for a file of an older version."""
        return self.source is not None and self.source.num_rows > 0 and self._source_in_order == self.source.num_rows

    def table(self) -> pa.Table:
        self._flush()
        return pa.concat_tables(self._tables) if self._tables else self.schema.empty_table()


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
