"""The Great Expectations suites in expectations/ catch what they promise to catch (real GX runs)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from orchestration.validation import load_suite, suite_names, validate_table

PARAMETERS = {"iso4217_codes": ["CNY", "USD", "JPY", "RUB"], "latest_plausible_date": "2027-06-01", "latest_plausible_year": 2027}


def _deals(**overrides) -> pd.DataFrame:
    row = {"deal_id": "d1", "amount": 670_000_000.0, "currency": "CNY", "qualifier": "exact", "deal_status": "signed",
           "amount_usd": 93_000_000.0, "amount_cny": 670_000_000.0, "fx_rate_date": date(2024, 8, 22)}
    bad = dict(row, **overrides, deal_id="d2")
    return pd.DataFrame([row, bad])


def test_suites_are_data_files():
    assert set(suite_names()) >= {"fct_deals", "fct_events"}


def test_a_clean_deal_passes():
    outcome = validate_table(load_suite("fct_deals", PARAMETERS), _deals().iloc[[0]])
    assert outcome.success and outcome.failing_count == 0


def test_negative_amount_fails_with_the_row_as_example():
    outcome = validate_table(load_suite("fct_deals", PARAMETERS), _deals(amount=-5.0))
    assert not outcome.success
    failed = [o for o in outcome.outcomes if not o.success]
    assert [o.column for o in failed] == ["amount"]
    assert failed[0].unexpected_count == 1 and failed[0].failing_keys == ["d2"]
    assert failed[0].examples[0]["amount"] == "-5.0"


def test_unknown_currency_and_qualifier_fail():
    outcome = validate_table(load_suite("fct_deals", PARAMETERS), _deals(currency="YUAN", qualifier="roughly"))
    assert {o.column for o in outcome.outcomes if not o.success} == {"currency", "qualifier"}


def test_missing_usd_where_a_rate_exists_fails_but_not_without_a_rate():
    missing = validate_table(load_suite("fct_deals", PARAMETERS), _deals(amount_usd=None))
    assert {o.column for o in missing.outcomes if not o.success} == {"amount_usd"}
    no_rate = validate_table(load_suite("fct_deals", PARAMETERS), _deals(amount_usd=None, amount_cny=None, fx_rate_date=None))
    assert no_rate.success


def _events(**overrides) -> pd.DataFrame:
    row = {"event_id": "e1", "start_date": date(2024, 8, 22), "end_date": date(2024, 8, 23), "start_year": 2024,
           "start_month": 8, "start_day": 22, "end_year": 2024, "end_month": 8, "end_day": 23}
    return pd.DataFrame([row, dict(row, **overrides, event_id="e2")])


def test_event_ending_before_it_starts_fails():
    outcome = validate_table(load_suite("fct_events", PARAMETERS), _events(end_date=date(2024, 8, 1)))
    failed = [o for o in outcome.outcomes if not o.success]
    assert len(failed) == 1 and failed[0].failing_keys == ["e2"]


def test_event_dates_outside_the_plausible_window_fail():
    early = validate_table(load_suite("fct_events", PARAMETERS), _events(start_date=date(1985, 1, 1), start_year=1985))
    assert {o.column for o in early.outcomes if not o.success} == {"start_date", "start_year"}
    late = validate_table(load_suite("fct_events", PARAMETERS), _events(end_date=date(2031, 1, 1), end_year=2031))
    assert {o.column for o in late.outcomes if not o.success} == {"end_date", "end_year"}


def test_impossible_month_and_day_fail_and_partial_dates_pass():
    outcome = validate_table(load_suite("fct_events", PARAMETERS), _events(start_month=13, end_day=32))
    assert {o.column for o in outcome.outcomes if not o.success} == {"start_month", "end_day"}
    partial = _events(start_date=None, end_date=None, start_year=None, end_year=None)
    assert validate_table(load_suite("fct_events", PARAMETERS), partial).success
