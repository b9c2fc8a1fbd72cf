"""Publishing on PostgreSQL: the checked build schema becomes `marts` in one transaction.

dbt builds the marts in `marts_build` and the Great Expectations suites check them there. Publishing removes
the rows the checks quarantined, then renames `marts` away and `marts_build` into its place, and drops the old
schema — all in one transaction, so a reader of `marts` sees the previous publish or this one, never a mix and
never an unchecked build. (PostgreSQL's DDL is transactional; the old tables are dropped once readers that still
hold them finish.) Privileges granted on the old `marts` schema do not carry over: grant them in a role's
default privileges, or again after a publish.

The published marts are then exported like DuckDB's (versioned Parquet and published/warehouse.duckdb), so the
report and the Parquet readers work the same whichever warehouse built them.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
from psycopg import sql

from orchestration.postgres.connection import BUILD_SCHEMA, PUBLISHED_SCHEMA, PostgresWarehouse

RETIRED_SCHEMA = "marts_retired"

# PostgreSQL's type (information_schema.columns.data_type) → DuckDB's, for the Parquet export
DUCKDB_TYPES = {
    "text": "VARCHAR", "character varying": "VARCHAR", "character": "VARCHAR", "boolean": "BOOLEAN",
    "smallint": "SMALLINT", "integer": "INTEGER", "bigint": "BIGINT", "real": "FLOAT", "double precision": "DOUBLE",
    "numeric": "DOUBLE", "date": "DATE", "timestamp without time zone": "TIMESTAMP",
    "timestamp with time zone": "TIMESTAMP WITH TIME ZONE", "jsonb": "VARCHAR", "json": "VARCHAR", "uuid": "UUID",
}


def _schema_exists(connection, schema: str) -> bool:
    return connection.execute("select exists (select 1 from pg_namespace where nspname = %s)", [schema]).fetchone()[0]


def swap_in_checked_build(warehouse: PostgresWarehouse, tables: tuple[str, ...]) -> None:
    """`marts_build`, less its quarantined rows, becomes `marts` in one transaction."""
    with warehouse.connect() as connection, connection.transaction():
        if not _schema_exists(connection, BUILD_SCHEMA):
            raise RuntimeError(f"there is no schema {BUILD_SCHEMA} to publish: was this build published already?")
        for table in tables:
            _remove_quarantined(connection, table)
        connection.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(RETIRED_SCHEMA)))
        if _schema_exists(connection, PUBLISHED_SCHEMA):
            connection.execute(sql.SQL("alter schema {} rename to {}").format(
                sql.Identifier(PUBLISHED_SCHEMA), sql.Identifier(RETIRED_SCHEMA)))
        connection.execute(sql.SQL("alter schema {} rename to {}").format(
            sql.Identifier(BUILD_SCHEMA), sql.Identifier(PUBLISHED_SCHEMA)))
        connection.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(RETIRED_SCHEMA)))


def _columns(connection, schema: str, table: str) -> list[tuple[str, str]]:
    return connection.execute(
        "select column_name, data_type from information_schema.columns where table_schema = %s and table_name = %s "
        "order by ordinal_position", [schema, table]).fetchall()


def _remove_quarantined(connection, table: str) -> None:
    """Rows that equal a row of quarantine.<table> on every column (nulls equal) leave the build."""
    columns = [name for name, _ in _columns(connection, BUILD_SCHEMA, table)]
    held = [name for name, _ in _columns(connection, "quarantine", table)]
    if not columns or held != columns + ["failed_expectation", "quarantined_by"]:
        return  # nothing quarantined (or left by a suite that no longer runs)
    same = sql.SQL(" and ").join(sql.SQL("m.{0} is not distinct from q.{0}").format(sql.Identifier(c)) for c in columns)
    connection.execute(sql.SQL("delete from {} as m using {} as q where {}").format(
        sql.Identifier(BUILD_SCHEMA, table), sql.Identifier("quarantine", table), same))


def _read_into_duckdb(connection, schema: str, table: str, scratch: Path) -> str:
    """A PostgreSQL table streamed out with COPY … TO STDOUT (CSV) into a file under `scratch`; returns the DuckDB
    query that reads it back with the table's types."""
    types = {name: DUCKDB_TYPES.get(kind, "VARCHAR") for name, kind in _columns(connection, schema, table)}
    csv_path = scratch / f"{schema}.{table}.csv"
    with connection.cursor().copy(sql.SQL("copy {} to stdout (format csv)").format(sql.Identifier(schema, table))) as copy, \
            csv_path.open("wb") as out:
        for chunk in copy:
            out.write(chunk)
    # COPY writes null as an empty field and '' as "": read quoted empties as strings, not nulls
    return (f"select * from read_csv('{csv_path}', header = false, columns = {types!r}, "
            "allow_quoted_nulls = false, auto_detect = false)")


def operations_copy(warehouse: PostgresWarehouse, path: Path) -> Path:
    """ops.fetch_log and the quarantine tables copied into a DuckDB file at `path`, for the report's fetch-log and
    quarantine panels (orchestration/report/data.py reads them with DuckDB's SQL)."""
    path.unlink(missing_ok=True)
    with warehouse.connect() as connection, duckdb.connect(str(path)) as duck, \
            tempfile.TemporaryDirectory(prefix="accords-ops-") as scratch:
        tables = connection.execute(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' and "
            "((table_schema = 'ops' and table_name = 'fetch_log') or table_schema = 'quarantine') order by 1, 2").fetchall()
        for schema, table in tables:
            duck.execute(f'create schema if not exists "{schema}"')
            duck.execute(f'create table "{schema}"."{table}" as ' + _read_into_duckdb(connection, schema, table, Path(scratch)))
    return path


def export_marts(warehouse: PostgresWarehouse, folder: Path, tables: tuple[str, ...]) -> tuple[dict[str, int], dict[str, dict]]:
    """One Parquet per published mart (COPY … TO STDOUT as CSV, typed by DuckDB), and each table's columns, types
    and comments: what orchestration/publish.py writes from DuckDB."""
    counts: dict[str, int] = {}
    schemas: dict[str, dict] = {}
    with warehouse.connect() as connection, duckdb.connect() as writer, \
            tempfile.TemporaryDirectory(prefix="accords-export-") as scratch:
        for table in tables:
            columns = _columns(connection, PUBLISHED_SCHEMA, table)
            types = {name: DUCKDB_TYPES.get(kind, "VARCHAR") for name, kind in columns}
            path = folder / f"{table}.parquet"
            rows = _read_into_duckdb(connection, PUBLISHED_SCHEMA, table, Path(scratch))
            writer.execute(f"copy ({rows}) to '{path}' (format parquet)")
            counts[table] = writer.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()[0]
            comment = connection.execute("select obj_description(to_regclass(%s), 'pg_class')",
                                         [f'"{PUBLISHED_SCHEMA}"."{table}"']).fetchone()[0]
            described = connection.execute(
                "select a.attname, col_description(a.attrelid, a.attnum) from pg_attribute a "
                "where a.attrelid = to_regclass(%s) and a.attnum > 0 and not a.attisdropped order by a.attnum",
                [f'"{PUBLISHED_SCHEMA}"."{table}"']).fetchall()
            descriptions = dict(described)
            schemas[table] = {"comment": comment,
                              "columns": [(name, types[name], descriptions.get(name)) for name, _ in columns]}
    return counts, schemas
