"""Great Expectations suites kept as data in ``expectations/*.json``, run against warehouse tables.

A suite may hold ``${name}`` placeholders for values that depend on the data or on reference packages
(the ISO 4217 code list, the latest plausible event date = latest fetch + 2 years); ``suite_parameters``
computes them from the warehouse so the suite files stay declarative.

One bad row does not block everyone. A row that fails a row-level expectation (a value out of range, a pair of
columns out of order) goes to ``quarantine.<table>`` with the expectations it failed, and the rest is published
(the published copy leaves quarantined rows out). Publication is blocked only when an expectation about the whole table fails (one that
names no rows) or when more than ``ACCORDS_MAX_QUARANTINE_RATE`` (default 0.05) of a table's rows fail:
then the data, not a row, is wrong. Rows of other marts that refer to a quarantined row by the suite's key
(the mentions, places and deals of a quarantined event) go to quarantine with it, so the published marts
never point at a row they do not hold.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd
import pycountry

from orchestration.settings import expectations_dir


def quiet_great_expectations() -> None:
    """Before Great Expectations is imported: no analytics calls home, and only its warnings reach the log.
    Called where GX is used, not on import, so loading the definitions changes neither environment nor logging."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.WARNING)

EXAMPLE_ROWS = 5


DEFAULT_MAX_QUARANTINE_RATE = 0.05


def max_quarantine_rate() -> float:
    from orchestration.settings import load_settings

    return load_settings().max_quarantine_rate


@dataclass
class ExpectationOutcome:
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int
    examples: list[dict] = field(default_factory=list)
    failing_keys: list = field(default_factory=list)
    row_level: bool = True  # its failures name rows (which can be quarantined); False: about the whole table


@dataclass
class SuiteOutcome:
    suite: str
    table: str
    row_count: int
    outcomes: list[ExpectationOutcome]
    # the table's failing rows, once each, with every expectation that failed them in failed_expectation
    failing_rows: pd.DataFrame | None = None
    key: str | None = None
    validation_result: object | None = None  # GX's ExpectationSuiteValidationResult, for its renderers

    @property
    def success(self) -> bool:
        return all(outcome.success for outcome in self.outcomes)

    @property
    def failing_count(self) -> int:
        return sum(outcome.unexpected_count for outcome in self.outcomes if not outcome.success)

    @property
    def table_level_failures(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success and not o.row_level]

    @property
    def quarantine_count(self) -> int:
        return 0 if self.failing_rows is None else len(self.failing_rows)

    @property
    def quarantine_rate(self) -> float:
        return self.quarantine_count / self.row_count if self.row_count else 0.0


@dataclass(frozen=True)
class Verdict:
    publishable: bool  # False: publication is blocked
    reason: str | None  # why it is blocked, or what was quarantined


def judge(outcome: SuiteOutcome, max_rate: float | None = None) -> Verdict:
    """Blocked by a failed table-level expectation, or by more than ``max_rate`` of the rows failing."""
    limit = max_quarantine_rate() if max_rate is None else max_rate
    if outcome.table_level_failures:
        names = ", ".join(sorted({o.expectation for o in outcome.table_level_failures}))
        return Verdict(False, f"table-level expectation failed: {names}")
    if outcome.quarantine_count and not outcome.key:
        return Verdict(False, f"{outcome.quarantine_count} rows failed and suite {outcome.suite} names no key "
                              "to move them by")
    if outcome.quarantine_count and outcome.quarantine_rate > limit:
        return Verdict(False, f"{outcome.quarantine_count} of {outcome.row_count} rows failed "
                              f"({outcome.quarantine_rate:.1%} > ACCORDS_MAX_QUARANTINE_RATE {limit:g})")
    if outcome.quarantine_count:
        return Verdict(True, f"{outcome.quarantine_count} of {outcome.row_count} rows quarantined")
    return Verdict(True, None)


def suite_names(directory: Path | None = None) -> list[str]:
    return sorted(path.stem for path in (directory or expectations_dir()).glob("*.json"))


def suite_table(name: str, directory: Path | None = None) -> str:
    """The ``schema.table`` a suite validates."""
    return json.loads(((directory or expectations_dir()) / f"{name}.json").read_text(encoding="utf-8"))["table"]


def load_suite(name: str, parameters: dict, directory: Path | None = None) -> dict:
    text = ((directory or expectations_dir()) / f"{name}.json").read_text(encoding="utf-8")
    suite = json.loads(text)
    suite["expectations"] = [_substitute(e, parameters) for e in suite["expectations"]]
    return suite


def _substitute(value, parameters: dict):
    if isinstance(value, str) and value.startswith("${") and value.endswith("}"):
        key = value[2:-1]
        if key not in parameters:
            raise KeyError(f"suite parameter {key!r} is not defined")
        return parameters[key]
    if isinstance(value, dict):
        return {k: _substitute(v, parameters) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, parameters) for v in value]
    return value


@lru_cache(maxsize=1)
def _iso4217_codes() -> tuple[str, ...]:
    return tuple(sorted(currency.alpha_3 for currency in pycountry.currencies))


def suite_parameters(connection, schema: str = "marts") -> dict:
    """From a DuckDB or a psycopg connection (both have execute().fetchone()); `schema` holds the marts."""
    latest_fetch = connection.execute(f"select max(fetched_at) from {schema}.dim_documents").fetchone()[0]
    anchor = latest_fetch.date() if latest_fetch is not None else date(1990, 1, 1)
    latest = date(anchor.year + 2, anchor.month, min(anchor.day, 28))
    return {
        "iso4217_codes": list(_iso4217_codes()),
        "latest_plausible_date": latest.isoformat(),
        "latest_plausible_year": latest.year,
    }


def validate_table(suite: dict, frame: pd.DataFrame) -> SuiteOutcome:
    quiet_great_expectations()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    original = frame.reset_index(drop=True)
    frame = _with_timestamps(original)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # keep run logs readable
    batch = (
        context.data_sources.add_pandas("accords")
        .add_dataframe_asset(suite["name"])
        .add_batch_definition_whole_dataframe("whole_table")
        .get_batch(batch_parameters={"dataframe": frame})
    )
    gx_suite = gx.ExpectationSuite(name=suite["name"])
    for expectation in suite["expectations"]:
        kwargs = _dates_as_timestamps(expectation["kwargs"], frame)
        gx_suite.add_expectation_configuration(ExpectationConfiguration(type=expectation["type"], kwargs=kwargs))
    result = batch.validate(gx_suite, result_format={"result_format": "COMPLETE"})
    outcomes = []
    failed_by: dict[int, list[str]] = {}  # row position -> the expectations it failed
    key = suite.get("key")
    for item in result.results:
        details = item.result or {}
        indexes = list(details.get("unexpected_index_list") or [])
        if item.exception_info and item.exception_info.get("raised_exception"):
            raise RuntimeError(f"{suite['name']}: {item.expectation_config.type} raised: {item.exception_info.get('exception_message')}")
        positions = sorted({i for i in indexes if isinstance(i, int)})
        if positions and not item.success:
            for position in positions:
                failed_by.setdefault(position, []).append(_expectation_label(item.expectation_config))
        examples = frame.iloc[positions[:EXAMPLE_ROWS]].astype(str).to_dict(orient="records") if positions else []
        unexpected = int(details.get("unexpected_count") or 0)
        outcomes.append(
            ExpectationOutcome(
                expectation=item.expectation_config.type,
                column=item.expectation_config.kwargs.get("column") or item.expectation_config.kwargs.get("column_A"),
                success=bool(item.success),
                unexpected_count=unexpected,
                examples=examples,
                failing_keys=frame.iloc[positions][key].tolist() if key and positions and key in frame else [],
                # a failure that names no row (or fewer rows than it counts) cannot be quarantined away
                row_level=bool(item.success) or (bool(positions) and len(positions) >= unexpected),
            )
        )
    positions = sorted(failed_by)
    failing_rows = original.iloc[positions].reset_index(drop=True).assign(
        failed_expectation=["; ".join(failed_by[position]) for position in positions])
    return SuiteOutcome(suite=suite["name"], table=suite["table"], row_count=len(frame), outcomes=outcomes,
                        failing_rows=failing_rows, key=key, validation_result=result)


def _expectation_label(config) -> str:
    column = config.kwargs.get("column") or "/".join(str(config.kwargs.get(k)) for k in ("column_A", "column_B") if config.kwargs.get(k))
    return f"{config.type}({column})" if column else config.type


def _with_timestamps(frame: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATE columns arrive as Python dates; comparisons with suite bounds want pandas timestamps."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, date)).any():
            frame[column] = pd.to_datetime(frame[column])
    return frame


def _dates_as_timestamps(kwargs: dict, frame: pd.DataFrame) -> dict:
    column = kwargs.get("column")
    if column is None or column not in frame or not pd.api.types.is_datetime64_any_dtype(frame[column]):
        return kwargs
    converted = dict(kwargs)
    for bound in ("min_value", "max_value"):
        if isinstance(converted.get(bound), str):
            converted[bound] = pd.Timestamp(converted[bound])
    return converted


def run_suite(name: str, warehouse: Path, directory: Path | None = None) -> SuiteOutcome:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        suite = load_suite(name, suite_parameters(connection), directory)
        frame = connection.execute(f"select * from {suite['table']}").df()
    return validate_table(suite, frame)


def write_quarantine(outcome: SuiteOutcome, warehouse: Path) -> int:
    """Put the rows that failed a row-level expectation in ``quarantine.<table>``, and the rows of other marts
    that refer to them by the suite's key in ``quarantine.<their table>``; returns how many rows of the suite's
    table are quarantined. Publication copies each mart without its quarantined rows (orchestration/publish.py).

    The live marts are left as dbt built them, so running a check again on the same build gives the same result.
    Each quarantine row says why (``failed_expectation``) and which suite put it there (``quarantined_by``); a
    suite replaces only its own rows, so the suites of one build do not undo each other. Called by the checks,
    which run after dbt under the data directory's lock: the one writer at that moment.
    """
    schema, table = outcome.table.split(".")
    rows = outcome.failing_rows if outcome.failing_rows is not None else pd.DataFrame()
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create schema if not exists quarantine")
        targets = [table] + _referring_tables(connection, schema, table, outcome.key)
        for target in targets:
            _prepare_quarantine(connection, schema, target, outcome.suite)
        if not len(rows):
            return 0
        connection.register("failing_rows", rows)
        columns = ", ".join(f'"{c}"' for c in rows.columns)
        connection.execute(
            f"insert into quarantine.{table} ({columns}, quarantined_by) select {columns}, ? from failing_rows",
            [outcome.suite])
        if outcome.key:
            key = f'"{outcome.key}"'
            for target in targets[1:]:
                connection.execute(
                    f"insert into quarantine.{target} by name select t.*, 'refers to a quarantined {table} row' "
                    f"as failed_expectation, ? as quarantined_by from {schema}.{target} t "
                    f"where t.{key} in (select {key} from failing_rows)", [outcome.suite])
        connection.unregister("failing_rows")
    return len(rows)


def _referring_tables(connection, schema: str, table: str, key: str | None, placeholder: str = "?") -> list[str]:
    """The other tables of ``schema`` with the column ``key``; ``placeholder`` is the driver's (DuckDB ?, psycopg %s)."""
    if not key:
        return []
    found = connection.execute(
        "select table_name from information_schema.columns where table_schema = {0} and column_name = {0} "
        "and table_name <> {0} order by table_name".format(placeholder), [schema, key, table]).fetchall()
    return [name for (name,) in found]


def _prepare_quarantine(connection, schema: str, table: str, suite: str) -> None:
    """``quarantine.<table>``: the mart's columns plus failed_expectation and quarantined_by; this suite's rows of
    an earlier build removed (the table is rebuilt when the mart's columns changed)."""
    wanted = connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position", [schema, table]).fetchall()
    have = connection.execute(
        "select column_name from information_schema.columns where table_schema = 'quarantine' and table_name = ? "
        "order by ordinal_position", [table]).fetchall()
    if [name for (name,) in have] != [name for (name,) in wanted] + ["failed_expectation", "quarantined_by"]:
        connection.execute(
            f"create or replace table quarantine.{table} as select *, cast(null as varchar) as failed_expectation, "
            f"cast(null as varchar) as quarantined_by from {schema}.{table} where false")
    else:
        connection.execute(f"delete from quarantine.{table} where quarantined_by = ?", [suite])
