"""DuckDB comments (dbt's persisted descriptions) copied from one attached database to another.

`create table … as select` keeps no comment, so the published copy gets its tables' and columns'
descriptions from the live warehouse here, for the BI tools that show them.
"""
from __future__ import annotations

import duckdb


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def copy_comments(connection: duckdb.DuckDBPyConnection, source: str, target: str, schema: str, table: str) -> int:
    """Copy the comments of `source.schema.table` and its columns onto `target.schema.table`; returns how many."""
    copied = 0
    row = connection.execute(
        "select comment from duckdb_tables() where database_name = ? and schema_name = ? and table_name = ?",
        [source, schema, table]).fetchone()
    if row and row[0]:
        connection.execute(f'comment on table "{target}"."{schema}"."{table}" is {_quote(row[0])}')
        copied += 1
    columns = connection.execute(
        "select column_name, comment from duckdb_columns() where database_name = ? and schema_name = ? and table_name = ?"
        " and comment is not null and comment <> ''", [source, schema, table]).fetchall()
    target_columns = {name for (name,) in connection.execute(
        "select column_name from duckdb_columns() where database_name = ? and schema_name = ? and table_name = ?",
        [target, schema, table]).fetchall()}
    for column, comment in columns:
        if column in target_columns:
            connection.execute(f'comment on column "{target}"."{schema}"."{table}"."{column}" is {_quote(comment)}')
            copied += 1
    return copied
