"""Publish the marts where readers never meet the pipeline's lock.

The copy is built beside its destination and moved into place with one rename, so a reader opens either
the previous copy or the new one, never a half-written file. Rows the checks put in quarantine (and the rows
that refer to them) are left out of the copy: the rest is published (orchestration/validation.py).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from orchestration.comments import copy_comments
from orchestration.settings import Settings

MART_TABLES = (
    "dim_documents",
    "dim_cities",
    "dim_countries",
    "dim_dates",
    "fct_events",
    "fct_event_mentions",
    "bridge_event_cities",
    "bridge_event_countries",
    "fct_deals",
)


def publish_marts(settings: Settings) -> dict[str, int]:
    target_dir = settings.published_dir
    parquet_dir = target_dir / "parquet"
    parquet_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target_dir, prefix=".publishing-"))
    counts: dict[str, int] = {}
    try:
        staged_db = staging / "warehouse.duckdb"
        with duckdb.connect(str(staged_db)) as connection:
            connection.execute(f"attach '{settings.warehouse_path}' as live (read_only)")
            connection.execute("create schema marts")
            for table in MART_TABLES:
                connection.execute(f"create table marts.{table} as {_without_quarantined(connection, table)}")
                copy_comments(connection, "live", staged_db.stem, "marts", table)  # dbt's descriptions, for BI tools
                counts[table] = connection.execute(f"select count(*) from marts.{table}").fetchone()[0]
                connection.execute(f"copy marts.{table} to '{staging / (table + '.parquet')}' (format parquet)")
            connection.execute("detach live")
        for table in MART_TABLES:
            os.replace(staging / f"{table}.parquet", parquet_dir / f"{table}.parquet")
        os.replace(staged_db, target_dir / "warehouse.duckdb")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def _without_quarantined(connection: duckdb.DuckDBPyConnection, table: str) -> str:
    """The query for a mart's rows less those in ``quarantine.<table>`` (matched on every column, nulls equal)."""
    columns = [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_catalog = 'live' and table_schema = 'marts' "
        "and table_name = ? order by ordinal_position", [table]).fetchall()]
    held = [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_catalog = 'live' "
        "and table_schema = 'quarantine' and table_name = ? order by ordinal_position", [table]).fetchall()]
    if held != columns + ["failed_expectation", "quarantined_by"]:
        return f"select * from live.marts.{table}"  # nothing quarantined (or left by a suite that no longer runs)
    same = " and ".join(f'm."{c}" is not distinct from q."{c}"' for c in columns)
    return f"select m.* from live.marts.{table} m anti join live.quarantine.{table} q on {same}"
