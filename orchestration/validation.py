"""Great Expectations suites kept as data in ``expectations/*.json``, run against warehouse tables.

A suite may hold ``${name}`` placeholders for values that depend on the data or on reference packages
(the ISO 4217 code list, the latest plausible event date = latest fetch + 2 years); ``suite_parameters``
computes them from the warehouse so the suite files stay declarative.
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

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
logging.getLogger("great_expectations").setLevel(logging.WARNING)

EXAMPLE_ROWS = 5


@dataclass
class ExpectationOutcome:
    expectation: str
    column: str | None
    success: bool
    unexpected_count: int
    examples: list[dict] = field(default_factory=list)
    failing_keys: list = field(default_factory=list)


@dataclass
class SuiteOutcome:
    suite: str
    table: str
    row_count: int
    outcomes: list[ExpectationOutcome]
    failing_rows: pd.DataFrame | None = None  # the table's failing rows, with the expectation that failed them
    validation_result: object | None = None  # GX's ExpectationSuiteValidationResult, for its renderers

    @property
    def success(self) -> bool:
        return all(outcome.success for outcome in self.outcomes)

    @property
    def failing_count(self) -> int:
        return sum(outcome.unexpected_count for outcome in self.outcomes if not outcome.success)


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


def suite_parameters(connection: duckdb.DuckDBPyConnection) -> dict:
    latest_fetch = connection.execute("select max(fetched_at) from marts.dim_documents").fetchone()[0]
    anchor = latest_fetch.date() if latest_fetch is not None else date(1990, 1, 1)
    latest = date(anchor.year + 2, anchor.month, min(anchor.day, 28))
    return {
        "iso4217_codes": list(_iso4217_codes()),
        "latest_plausible_date": latest.isoformat(),
        "latest_plausible_year": latest.year,
    }


def validate_table(suite: dict, frame: pd.DataFrame) -> SuiteOutcome:
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
    failing: list[pd.DataFrame] = []
    key = suite.get("key")
    for item in result.results:
        details = item.result or {}
        indexes = list(details.get("unexpected_index_list") or [])
        if item.exception_info and item.exception_info.get("raised_exception"):
            raise RuntimeError(f"{suite['name']}: {item.expectation_config.type} raised: {item.exception_info.get('exception_message')}")
        positions = [i for i in indexes if isinstance(i, int)]
        if positions and not item.success:
            failing.append(original.iloc[positions].assign(failed_expectation=_expectation_label(item.expectation_config)))
        examples = frame.iloc[positions[:EXAMPLE_ROWS]].astype(str).to_dict(orient="records") if positions else []
        outcomes.append(
            ExpectationOutcome(
                expectation=item.expectation_config.type,
                column=item.expectation_config.kwargs.get("column") or item.expectation_config.kwargs.get("column_A"),
                success=bool(item.success),
                unexpected_count=int(details.get("unexpected_count") or 0),
                examples=examples,
                failing_keys=frame.iloc[positions][key].tolist() if key and positions and key in frame else [],
            )
        )
    failing_rows = pd.concat(failing, ignore_index=True) if failing else original.iloc[0:0].assign(failed_expectation="")
    return SuiteOutcome(suite=suite["name"], table=suite["table"], row_count=len(frame), outcomes=outcomes,
                        failing_rows=failing_rows, validation_result=result)


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
    """Replace ``quarantine.<table>`` with the rows that failed a row-level expectation (empty when none did).

    Called by the checks, which run after dbt in the warehouse pool: the one writer at that moment.
    """
    table = outcome.table.split(".")[-1]
    rows = outcome.failing_rows if outcome.failing_rows is not None else pd.DataFrame()
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create schema if not exists quarantine")
        connection.execute(
            f"create or replace table quarantine.{table} as "
            f"select *, cast(null as varchar) as failed_expectation from {outcome.table} where false"
        )
        if len(rows):
            connection.register("failing_rows", rows)
            columns = ", ".join(f'"{c}"' for c in rows.columns)
            connection.execute(f"insert into quarantine.{table} ({columns}) select {columns} from failing_rows")
            connection.unregister("failing_rows")
    return len(rows)
