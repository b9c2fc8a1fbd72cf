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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    earlier table (``source``), turned into Arrow a batch at a time (reused rows never become Python objects).
    With a ``destination`` each batch goes straight into a temporary Parquet file beside it, which ``finish``
    puts in its place durably: 100,000 documents' texts are never held at once. Without one, ``table`` returns
    the batches as one table."""

    def __init__(self, schema: pa.Schema, source: pa.Table | None = None, batch_rows: int = 2000,
                 destination: Path | None = None):
        self.schema = schema
        self.source = source
        self.batch_rows = batch_rows
        self.destination = destination
        self._rows: list[dict] = []
        self._taken: list[int] = []
        self._tables: list[pa.Table] = []
        self._temporary: str | None = None
        self._writer: pq.ParquetWriter | None = None
        self._source_in_order = 0  # rows so far that are source's first rows, in order; -1 once any other is added
        self._deferred = 0  # the source's first rows, taken in order and not written yet

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
        if self.destination is not None and self._source_in_order >= 0:
            # so far the source's own first rows: nothing to write yet, perhaps nothing at all (see finish)
            self._deferred, self._taken = self._source_in_order, []
            return
        self._write_deferred()
        if self._rows:
            self._keep(pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []
        if self._taken:
            self._keep(self.source.take(self._taken))
            self._taken = []

    def _write_deferred(self) -> None:
        if self._deferred:
            self._keep(self.source.slice(0, self._deferred))
            self._deferred = 0

    def _keep(self, table: pa.Table) -> None:
        if self.destination is None:
            self._tables.append(table)
            return
        if self._writer is None:
            self._open()
        self._writer.write_table(table)

    def _open(self) -> None:
        # named like replace_durably's temporaries, so that a killed run's is removed by the next run
        self.destination.parent.mkdir(parents=True, exist_ok=True)
        handle, self._temporary = tempfile.mkstemp(dir=self.destination.parent, prefix=f".{self.destination.name}.",
                                                   suffix=TEMPORARY_SUFFIX)
        os.close(handle)
        self._writer = pq.ParquetWriter(self._temporary, self.schema)

    def is_source(self) -> bool:
        """Whether the table is ``source`` itself, row for row: then its file need not be written again (nor
        change by a byte, which would make the warehouse's build inputs differ). Never for an empty source, which
        may stand for a file of an older version."""
        return self.source is not None and self.source.num_rows > 0 and self._source_in_order == self.source.num_rows

    def table(self) -> pa.Table:
        self._flush()
        return pa.concat_tables(self._tables) if self._tables else self.schema.empty_table()

    def finish(self) -> bool:
        """Put the table in place of ``destination`` durably, unless it is ``source`` row for row and the file is
        there; returns whether it wrote it."""
        if self.is_source() and self.destination.exists():
            self.discard()
            return False
        self._flush()
        self._write_deferred()  # the source's first rows and no more: fewer rows than it has
        if self._writer is None:
            self._open()  # no rows: an empty table, so that dbt finds the file
        self._writer.close()
        self._writer = None
        try:
            with open(self._temporary, "rb+") as written:
                os.fsync(written.fileno())
            os.replace(self._temporary, self.destination)
            fsync_directory(self.destination.parent)
        finally:
            self.discard()
        return True

    def discard(self) -> None:
        """Drop what was written so far (the stage failed, or nothing changed)."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._temporary is not None and os.path.exists(self._temporary):
            os.unlink(self._temporary)
        self._temporary = None


@contextmanager
def discarded_on_failure(*builders: TableBuilder) -> Iterator[None]:
    """The builders' temporary files removed when the stage fails on the way (the journal keeps its results)."""
    try:
        yield
    except BaseException:
        for builder in builders:
            builder.discard()
        raise


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
