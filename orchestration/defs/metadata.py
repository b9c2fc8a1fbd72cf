"""Dagster's standard table metadata (dagster/row_count, dagster/column_schema), which the UI and catalogs show."""
from __future__ import annotations

from pathlib import Path

import dagster as dg
import duckdb


def _metadata(rows: int, columns: list[tuple]) -> dict:
    schema = dg.TableSchema(columns=[dg.TableColumn(name=name, type=str(kind), description=(comment or "").strip() or None)
                                     for name, kind, comment in columns])
    return {"dagster/row_count": dg.MetadataValue.int(rows), "dagster/column_schema": dg.MetadataValue.table_schema(schema)}


def parquet_metadata(path: Path) -> dict:
    """Row count and columns of a Parquet hand-off file (or a folder of them); empty when there is none yet."""
    pattern = str(path / "*.parquet") if path.is_dir() else str(path)
    if not (path.is_dir() and any(path.glob("*.parquet"))) and not path.is_file():
        return {}
    with duckdb.connect() as connection:
        rows = connection.execute("select count(*) from read_parquet(?, union_by_name = true)", [pattern]).fetchone()[0]
        described = connection.execute(
            "select column_name, column_type from (describe select * from read_parquet(?, union_by_name = true))",
            [pattern]).fetchall()
    return _metadata(rows, [(name, kind, None) for name, kind in described])


def warehouse_metadata(warehouse: Path, relations: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """Per key, row count and columns (with dbt's descriptions) of `schema.table` in the warehouse, read after
    dbt has finished: DuckDB admits one writing process, so this cannot run beside the dbt build."""
    found: dict[str, dict] = {}
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for key, (schema, table) in relations.items():
            columns = connection.execute(
                "select column_name, data_type, comment from duckdb_columns() where database_name = current_database() "
                "and schema_name = ? and table_name = ? order by column_index", [schema, table]).fetchall()
            if not columns:
                continue
            rows = connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
            found[key] = _metadata(rows, columns)
    return found


def postgres_warehouse_metadata(warehouse, relations: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """warehouse_metadata on PostgreSQL: the marts are read where dbt built them (the build schema)."""
    from orchestration.postgres.validation import build_table

    found: dict[str, dict] = {}
    with warehouse.connect() as connection:
        for key, relation in relations.items():
            schema, table = build_table(".".join(relation))
            columns = connection.execute(
                "select a.attname, format_type(a.atttypid, a.atttypmod), col_description(a.attrelid, a.attnum) "
                "from pg_attribute a where a.attrelid = to_regclass(%s) and a.attnum > 0 and not a.attisdropped "
                "order by a.attnum", [f'"{schema}"."{table}"']).fetchall()
            if not columns:
                continue
            rows = connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
            found[key] = _metadata(rows, columns)
    return found
