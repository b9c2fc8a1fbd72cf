"""The Great Expectations suites (expectations/*.json) run inside PostgreSQL: a SQL datasource on the warehouse,
so GX evaluates each expectation as a query on the build schema and returns the keys of the failing rows; only
those rows are read back (for quarantine and examples), never the whole table.

The verdict, the quarantine and what the checks report are orchestration/validation.py's, shared with DuckDB.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from psycopg import sql

from orchestration.postgres.connection import BUILD_SCHEMA, PUBLISHED_SCHEMA, PostgresWarehouse
from orchestration.validation import (
    EXAMPLE_ROWS,
    ExpectationOutcome,
    SuiteOutcome,
    _expectation_label,
    _referring_tables,
    load_suite,
    quiet_great_expectations,
    suite_parameters,
)


def build_table(table: str) -> tuple[str, str]:
    """A suite's `marts.x` is checked where dbt built it: `marts_build.x` (publishing renames the schema)."""
    schema, name = table.split(".")
    return (BUILD_SCHEMA if schema == PUBLISHED_SCHEMA else schema), name


def run_suite(name: str, warehouse: PostgresWarehouse, directory: Path | None = None) -> SuiteOutcome:
    with warehouse.connect() as connection:
        parameters = suite_parameters(connection, schema=BUILD_SCHEMA)
    suite = load_suite(name, parameters, directory)
    schema, table = build_table(suite["table"])
    key = suite.get("key")

    quiet_great_expectations()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch = (
        context.data_sources.add_postgres("accords", connection_string=warehouse.sqlalchemy_url(search_path=schema))
        .add_table_asset(suite["name"], table_name=table)
        .add_batch_definition_whole_table("whole_table")
        .get_batch()
    )
    gx_suite = gx.ExpectationSuite(name=suite["name"])
    for expectation in suite["expectations"]:
        gx_suite.add_expectation_configuration(ExpectationConfiguration(type=expectation["type"], kwargs=expectation["kwargs"]))
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": [key] if key else []}
    result = batch.validate(gx_suite, result_format=result_format)

    failed_by: dict[object, list[str]] = {}  # failing row's key -> the expectations it failed
    outcomes: list[tuple[ExpectationOutcome, list]] = []
    for item in result.results:
        if item.exception_info and item.exception_info.get("raised_exception"):
            raise RuntimeError(f"{suite['name']}: {item.expectation_config.type} raised: "
                               f"{item.exception_info.get('exception_message')}")
        details = item.result or {}
        keys = [] if item.success or not key else list(dict.fromkeys(
            entry[key] for entry in details.get("unexpected_index_list") or [] if isinstance(entry, dict) and key in entry))
        for value in keys:
            failed_by.setdefault(value, []).append(_expectation_label(item.expectation_config))
        unexpected = int(details.get("unexpected_count") or 0)
        outcomes.append((ExpectationOutcome(
            expectation=item.expectation_config.type,
            column=item.expectation_config.kwargs.get("column") or item.expectation_config.kwargs.get("column_A"),
            success=bool(item.success),
            unexpected_count=unexpected,
            failing_keys=keys,
            # a failure that names no row (or fewer rows than it counts) cannot be quarantined away
            row_level=bool(item.success) or (bool(keys) and len(keys) >= unexpected),
        ), keys))

    with warehouse.connect() as connection:
        row_count = connection.execute(sql.SQL("select count(*) from {}").format(sql.Identifier(schema, table))).fetchone()[0]
        failing = _rows_by_key(connection, schema, table, key, list(failed_by))
    for outcome, keys in outcomes:
        if keys and not failing.empty:
            outcome.examples = failing[failing[key].isin(keys[:EXAMPLE_ROWS])].astype(str).to_dict(orient="records")
    if not failing.empty:
        failing = failing.assign(failed_expectation=["; ".join(failed_by[value]) for value in failing[key]])
    else:
        failing = failing.assign(failed_expectation=pd.Series(dtype=object))
    return SuiteOutcome(suite=suite["name"], table=suite["table"], row_count=row_count,
                        outcomes=[outcome for outcome, _ in outcomes], failing_rows=failing.reset_index(drop=True),
                        key=key, validation_result=result)


def _rows_by_key(connection, schema: str, table: str, key: str | None, values: list) -> pd.DataFrame:
    query = sql.SQL("select * from {} where {} = any(%s) order by {}").format(
        sql.Identifier(schema, table), sql.Identifier(key or "ctid"), sql.Identifier(key or "ctid"))
    with connection.cursor() as cursor:
        cursor.execute(query if key else sql.SQL("select * from {} where false").format(sql.Identifier(schema, table)),
                       [values] if key else None)
        columns = [column.name for column in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=columns)


def write_quarantine(outcome: SuiteOutcome, warehouse: PostgresWarehouse) -> int:
    """orchestration/validation.write_quarantine on PostgreSQL: the failing rows of the build schema's table, and
    the rows of other marts that refer to them by the suite's key, copied to `quarantine.<table>` with why and by
    which suite. The build is left as dbt made it; publishing leaves these rows out (orchestration/postgres/publish.py)."""
    _, table = outcome.table.split(".")
    schema = BUILD_SCHEMA
    rows = outcome.failing_rows if outcome.failing_rows is not None else pd.DataFrame()
    with warehouse.connect() as connection:
        connection.execute("create schema if not exists quarantine")
        targets = [table] + _referring_tables(connection, schema, table, outcome.key, "%s")
        for target in targets:
            _prepare_quarantine(connection, schema, target, outcome.suite)
        if not len(rows):
            return 0
        key = sql.Identifier(outcome.key)
        with connection.cursor() as cursor:
            cursor.executemany(
                sql.SQL("insert into {} select t.*, %s, %s from {} t where t.{} = %s").format(
                    sql.Identifier("quarantine", table), sql.Identifier(schema, table), key),
                [(reason, outcome.suite, value) for value, reason in zip(rows[outcome.key], rows["failed_expectation"])])
        for target in targets[1:]:
            connection.execute(
                sql.SQL("insert into {} select t.*, %s, %s from {} t where t.{} = any(%s)").format(
                    sql.Identifier("quarantine", target), sql.Identifier(schema, target), key),
                [f"refers to a quarantined {table} row", outcome.suite, list(rows[outcome.key])])
    return len(rows)


def _prepare_quarantine(connection, schema: str, table: str, suite: str) -> None:
    """`quarantine.<table>`: the mart's columns plus failed_expectation and quarantined_by; this suite's rows of
    an earlier build removed (the table is made again when the mart's columns changed)."""
    def columns(of_schema: str) -> list[str]:
        return [name for (name,) in connection.execute(
            "select column_name from information_schema.columns where table_schema = %s and table_name = %s "
            "order by ordinal_position", [of_schema, table]).fetchall()]

    quarantine = sql.Identifier("quarantine", table)
    if columns("quarantine") != columns(schema) + ["failed_expectation", "quarantined_by"]:
        connection.execute(sql.SQL("drop table if exists {}").format(quarantine))
        connection.execute(sql.SQL(
            "create table {} as select *, cast(null as varchar) as failed_expectation, "
            "cast(null as varchar) as quarantined_by from {} where false").format(quarantine, sql.Identifier(schema, table)))
    else:
        connection.execute(sql.SQL("delete from {} where quarantined_by = %s").format(quarantine), [suite])
