"""Parquet hand-off between the Python stages and dbt.

The Python assets never open the DuckDB warehouse for writing: they write Parquet files under
``$ACCORDS_DATA_DIR/raw`` and dbt reads them as sources. DuckDB's single-writer rule then holds by design —
dbt is the only process that writes ``warehouse.duckdb``.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def write_table(path: Path, rows: list[dict], schema: pa.Schema) -> int:
    """Replace ``path`` atomically with ``rows``; readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
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
