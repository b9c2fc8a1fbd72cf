"""One bad row does not block everyone: row-level failures are moved to quarantine with their reason (and the rows
that refer to them), the rest stays publishable; a table-level failure or too many bad rows block."""
from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from orchestration.validation import judge, load_suite, validate_table, write_quarantine

PARAMETERS = {"iso4217_codes": ["CNY", "USD"], "latest_plausible_date": "2027-06-01", "latest_plausible_year": 2027}


def _events(count: int, bad: dict[int, dict]) -> pd.DataFrame:
    rows = []
    for index in range(count):
        row = {"event_id": f"e{index}", "event_name": f"Forum {index}", "start_date": date(2024, 5, 1 + index % 28),
               "end_date": date(2024, 5, 1 + index % 28), "start_year": 2024, "start_month": 5, "start_day": 1,
               "end_year": 2024, "end_month": 5, "end_day": 1}
        rows.append(row | bad.get(index, {}))
    return pd.DataFrame(rows)


def test_one_implausible_event_in_thirty_is_quarantined_and_the_rest_publishable():
    outcome = validate_table(load_suite("fct_events", PARAMETERS),
                             _events(30, {7: {"start_date": date(1985, 6, 1), "start_year": 1985}}))
    verdict = judge(outcome, max_rate=0.05)
    assert verdict.publishable and verdict.reason == "1 of 30 rows quarantined"
    assert outcome.failing_rows["event_id"].tolist() == ["e7"]
    assert outcome.failing_rows["failed_expectation"].tolist() == [
        "expect_column_values_to_be_between(start_date); expect_column_values_to_be_between(start_year)"]


def test_more_bad_rows_than_the_rate_allows_block_publication():
    bad = {index: {"end_month": 13} for index in (1, 2)}
    verdict = judge(validate_table(load_suite("fct_events", PARAMETERS), _events(30, bad)), max_rate=0.05)
    assert not verdict.publishable and "2 of 30 rows failed (6.7% > ACCORDS_MAX_QUARANTINE_RATE 0.05)" in verdict.reason


def test_a_table_level_failure_blocks_publication_whatever_the_rows():
    suite = load_suite("fct_events", PARAMETERS)
    suite["expectations"].append({"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 100}})
    outcome = validate_table(suite, _events(30, {}))
    verdict = judge(outcome, max_rate=0.05)
    assert not verdict.publishable and verdict.reason == "table-level expectation failed: expect_table_row_count_to_be_between"
    assert outcome.quarantine_count == 0


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.register("events", _events(30, {7: {"start_date": date(1985, 6, 1), "start_year": 1985}}))
        connection.execute("create table marts.fct_events as select * from events")
        connection.execute("create table marts.fct_event_mentions as select event_id, 'd' || event_id as document_id "
                           "from marts.fct_events")
        connection.execute("create table marts.fct_deals as select 'deal-' || event_id as deal_id, event_id, 5.0 as amount "
                           "from marts.fct_events where event_id in ('e7', 'e8')")
        connection.execute("create table marts.dim_cities as select 1 as city_id")
    return path


def test_quarantined_rows_are_recorded_with_the_rows_that_refer_to_them(warehouse):
    outcome = validate_table(load_suite("fct_events", PARAMETERS),
                             duckdb.connect(str(warehouse), read_only=True).execute("select * from marts.fct_events").df())
    assert write_quarantine(outcome, warehouse) == 1
    assert write_quarantine(outcome, warehouse) == 1  # a second check of the same build changes nothing
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        def ids(table):
            return sorted(row[0] for row in connection.execute(f"select event_id from {table}").fetchall())

        assert len(ids("marts.fct_events")) == 30  # the live marts stay as dbt built them
        assert ids("quarantine.fct_events") == ["e7"]
        assert ids("quarantine.fct_event_mentions") == ["e7"]
        assert ids("quarantine.fct_deals") == ["e7"]
        reason, suite = connection.execute(
            "select failed_expectation, quarantined_by from quarantine.fct_deals").fetchone()
        assert (reason, suite) == ("refers to a quarantined fct_events row", "fct_events")
        assert connection.execute("select count(*) from quarantine.fct_events").fetchone()[0] == 1
