"""Implausible event dates are caught at extraction with a reason (and dropped from the event in the warehouse)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from orchestration.extract.dates.plausibility import implausible_reason
from orchestration.extract.pipeline import extract_document


@pytest.mark.parametrize("start, end, report, reason", [
    (2024, 2024, date(2024, 6, 1), None),
    (None, None, date(2024, 6, 1), None),
    (1985, 1985, date(2024, 6, 1), "before_1990"),
    (1985, None, None, "before_1990"),  # the floor holds without a report day
    (2031, None, date(2024, 6, 1), "years_after_report"),
    (2029, 2029, date(2024, 6, 1), None),  # five years ahead: an announced edition
    (2001, 2001, date(2024, 6, 1), "decades_before_report"),
    (2004, 2004, date(2024, 6, 1), None),
    (2090, 2090, None, None),  # nothing to compare with but the floor
])
def test_implausible_reason(start, end, report, reason):
    assert implausible_reason(start, end, report) == reason


def _date_row(text: str, lang: str, published: date | None) -> dict:
    title = text.split("\n", 1)[0]
    result = extract_document("doc", text, lang, title=title, published_date=published)
    assert result.is_relevant, result.relevance_reason
    [row] = [row for row in result.rows if row["kind"] == "event_date"]
    return row


@pytest.mark.parametrize("lang, text", [
    ("en", "Twin-city forum held in Kazan\nOn 9 October 1984 a twin-city forum was held in Kazan, and the delegations "
           "of four cities signed 3 cooperation agreements."),
    ("ru", "В Казани прошел форум городов-побратимов\n9 октября 1984 года в Казани прошел форум городов-побратимов, "
           "делегации четырех городов подписали 3 соглашения о сотрудничестве."),
])
def test_an_event_dated_before_1990_carries_its_reason(lang, text):
    # without a report day to measure it against, the old date stays the event's (beside a 2024 report's day, the
    # learned date model takes a date forty years back for another occasion's) and the floor still flags it
    row = _date_row(text, lang, None)
    assert row["start_year"] == 1984
    assert json.loads(row["attributes"]) == {"implausible_date": "before_1990"}


def test_a_plausible_event_date_has_no_reason():
    row = _date_row("Twin-city forum held in Kazan\nOn 9 October 2024 a twin-city forum was held in Kazan, and the "
                    "delegations of four cities signed 3 cooperation agreements.", "en", date(2024, 10, 12))
    assert row["start_year"] == 2024 and json.loads(row["attributes"]) == {}
