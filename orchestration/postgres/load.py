"""The Parquet hand-off (raw/ and reference/ under the data directory) loaded into PostgreSQL before dbt runs.

On DuckDB, dbt reads the Parquet files in place (the sources' external_location). PostgreSQL cannot, so each
source table is copied into the schema dbt's source names (`raw`, `reference`): DuckDB reads the Parquet and
writes CSV, which `COPY … FROM STDIN` streams into a fresh table; the old table is replaced in the same
transaction, so dbt never sees a half-loaded source. A table whose files have not changed since its last load
(sizes and times, kept as the table's comment) is left alone: the reference tables are large and rarely change.
"""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
from psycopg import sql

from orchestration.postgres.connection import PostgresWarehouse

# schema.table → the Parquet files it is made of, relative to the data directory (dbt_project/models/staging/_sources.yml)
SOURCE_FILES = {
    ("raw", "documents"): "raw/documents.parquet",
    ("raw", "parsed_documents"): "raw/parsed_documents.parquet",
    ("raw", "extraction_documents"): "raw/extraction_documents.parquet",
    ("raw", "extractions"): "raw/extractions.parquet",
    ("raw", "fetch_log"): "raw/fetch_log/*.parquet",
    ("reference", "cities"): "reference/cities.parquet",
    ("reference", "countries"): "reference/countries.parquet",
    ("reference", "currencies"): "reference/currencies.parquet",
    ("reference", "fx_rates"): "reference/fx_rates.parquet",
}

# DuckDB's type → PostgreSQL's; DECIMAL(p,s) keeps its precision
POSTGRES_TYPES = {
    "VARCHAR": "text", "BOOLEAN": "boolean", "TINYINT": "smallint", "SMALLINT": "smallint", "INTEGER": "integer",
    "BIGINT": "bigint", "UTINYINT": "smallint", "USMALLINT": "integer", "UINTEGER": "bigint", "UBIGINT": "numeric",
    "HUGEINT": "numeric", "FLOAT": "real", "DOUBLE": "double precision", "DATE": "date", "TIME": "time",
    "TIMESTAMP": "timestamp", "TIMESTAMP WITH TIME ZONE": "timestamptz", "BLOB": "bytea", "UUID": "uuid",
    "INTERVAL": "interval", "JSON": "jsonb",
}


@dataclass(frozen=True)
class LoadedTable:
    schema: str
    table: str
    rows: int | None  # None: unchanged since the last load, not copied again


def postgres_type(duckdb_type: str) -> str:
    if duckdb_type.startswith("DECIMAL"):
        return duckdb_type.replace("DECIMAL", "numeric")
    try:
        return POSTGRES_TYPES[duckdb_type]
    except KeyError:
        raise ValueError(f"no PostgreSQL type for the hand-off's DuckDB type {duckdb_type}") from None


def _fingerprint(files: list[Path]) -> str:
    """What a table was loaded from: each file's name, size and modification time (the hand-off replaces files
    atomically, so a changed file has a new time)."""
    stats = sorted(f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files)
    return "accords-load:" + hashlib.sha256("\n".join(stats).encode()).hexdigest()


def load_handoff(data_dir: Path, warehouse: PostgresWarehouse) -> list[LoadedTable]:
    """Copy every source table whose Parquet changed into PostgreSQL; a source with no file yet is skipped (as
    on DuckDB, dbt then says which source is missing)."""
    loaded = []
    with warehouse.connect() as connection, duckdb.connect() as reader:
        for (schema, table), pattern in SOURCE_FILES.items():
            files = sorted(data_dir.glob(pattern))
            if not files:
                continue
            fingerprint = _fingerprint(files)
            if _comment(connection, schema, table) == fingerprint:
                loaded.append(LoadedTable(schema, table, None))
                continue
            rows = _copy_table(connection, reader, files, schema, table, fingerprint)
            connection.commit()  # one table at a time: each replaced whole, never half-loaded
            loaded.append(LoadedTable(schema, table, rows))
    return loaded


def _comment(connection, schema: str, table: str) -> str | None:
    found = connection.execute("select obj_description(to_regclass(%s), 'pg_class')",
                               [f'"{schema}"."{table}"']).fetchone()
    return found[0] if found else None


def _copy_table(connection, reader, files: list[Path], schema: str, table: str, fingerprint: str) -> int:
    # several files (fetch_log: one per run) are one table; a column added later reads null in older files
    source = f"read_parquet({[str(path) for path in files]!r}, union_by_name = true)"
    columns = [(name, postgres_type(kind)) for name, kind, *_ in reader.execute(f"describe select * from {source}").fetchall()]
    staged = f"{table}__loading"
    target, staging_table = sql.Identifier(schema, table), sql.Identifier(schema, staged)
    connection.execute(sql.SQL("create schema if not exists {}").format(sql.Identifier(schema)))
    connection.execute(sql.SQL("drop table if exists {}").format(staging_table))
    connection.execute(sql.SQL("create table {} ({})").format(staging_table, sql.SQL(", ").join(
        sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(kind)) for name, kind in columns)))
    with tempfile.TemporaryDirectory(prefix="accords-copy-") as folder:
        csv_path = Path(folder) / "rows.csv"
        # DuckDB's CSV writes null as an empty field and an empty string as "", which COPY's CSV reads back the same
        reader.execute(f"copy (select * from {source}) to '{csv_path}' (format csv, header false)")
        with connection.cursor() as cursor:
            with cursor.copy(sql.SQL("copy {} from stdin (format csv)").format(staging_table)) as copy, \
                    csv_path.open("rb") as rows:
                while chunk := rows.read(1 << 20):
                    copy.write(chunk)
            count = cursor.execute(sql.SQL("select count(*) from {}").format(staging_table)).fetchone()[0]
    # dbt's staging views read the old table: drop them with it, dbt re-creates them at once
    connection.execute(sql.SQL("drop table if exists {} cascade").format(target))
    connection.execute(sql.SQL("alter table {} rename to {}").format(staging_table, sql.Identifier(table)))
    connection.execute(sql.SQL("comment on table {} is {}").format(target, sql.Literal(fingerprint)))
    return count
