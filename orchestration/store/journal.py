"""A stage's results saved as it goes, one batch at a time, so that a crash loses at most the batch in flight.

A batch is one Parquet file per table, ``<sequence>-<table>.parquet``; the ``commit`` table is written last, so a
batch whose commit file exists is complete and one without it is discarded. The stage reads the committed
batches of a run that died as results it already has, and folds everything into its hand-off tables at the end
(``clear`` then removes the batches).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pyarrow as pa

from orchestration.store.handoff import read_table, write_table

_BATCH = re.compile(r"^(\d{6})-(.+)\.parquet$")


class BatchJournal:
    def __init__(self, folder: Path, schemas: dict[str, pa.Schema], commit: str, *, max_rows: int = 100,
                 max_seconds: float = 30.0):
        if commit not in schemas:
            raise ValueError(f"commit table {commit!r} is not one of {sorted(schemas)}")
        self.folder = folder
        self.schemas = schemas
        self.commit = commit
        self.max_rows = max_rows  # commit-table rows (documents) per batch
        self.max_seconds = max_seconds
        self._buffer: dict[str, list[dict]] = {name: [] for name in schemas}
        self._since = time.monotonic()
        self._sequence = self._last_sequence()
        self.batches_written = 0

    def _files(self) -> dict[int, dict[str, Path]]:
        found: dict[int, dict[str, Path]] = {}
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                match = _BATCH.match(path.name)
                if match:
                    found.setdefault(int(match.group(1)), {})[match.group(2)] = path
        return found

    def _last_sequence(self) -> int:
        return max(self._files(), default=0)

    def committed(self) -> dict[str, list[dict]]:
        """Rows of every complete batch, oldest first; incomplete batches (a crash mid-write) are deleted."""
        rows: dict[str, list[dict]] = {name: [] for name in self.schemas}
        for sequence, files in sorted(self._files().items()):
            if self.commit not in files:
                for path in files.values():
                    path.unlink(missing_ok=True)
                continue
            for name, schema in self.schemas.items():
                if name in files:
                    rows[name].extend(read_table(files[name], schema))
        return rows

    def add(self, **rows: list[dict]) -> None:
        for name, batch in rows.items():
            self._buffer[name].extend(batch)
        if len(self._buffer[self.commit]) >= self.max_rows or time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def flush(self) -> None:
        if not any(self._buffer.values()):
            self._since = time.monotonic()
            return
        self._sequence += 1
        for name in sorted(self.schemas, key=lambda n: n == self.commit):  # the commit table last
            write_table(self.folder / f"{self._sequence:06d}-{name}.parquet", self._buffer[name], self.schemas[name])
        self._buffer = {name: [] for name in self.schemas}
        self._since = time.monotonic()
        self.batches_written += 1

    def clear(self) -> None:
        """Forget every batch: their rows are in the stage's hand-off tables now."""
        self._buffer = {name: [] for name in self.schemas}
        batches = self._files().values()
        for files in batches:  # commit files first: a crash half-way leaves incomplete batches, discarded later
            if self.commit in files:
                files[self.commit].unlink(missing_ok=True)
        for files in batches:
            for path in files.values():
                path.unlink(missing_ok=True)
