"""Whether an event date is one a news report can give: caught at extraction, with a reason, so that a wrong date
is dropped from its event (which is still published) rather than holding the event in quarantine.

A report is news: its event happened recently or is coming soon. Before 1990 is older than any source we read
(the warehouse's own floor, as the Great Expectations suite of fct_events has it); more than five years after the
report is a plan, a target or a misread number; decades before the report is history the report recalls.
"""
from __future__ import annotations

from datetime import date

EARLIEST_YEAR = 1990
YEARS_AFTER_REPORT = 5
YEARS_BEFORE_REPORT = 20

BEFORE_1990 = "before_1990"
AFTER_REPORT = "years_after_report"
BEFORE_REPORT = "decades_before_report"


def implausible_reason(start_year: int | None, end_year: int | None, report_day: date | None) -> str | None:
    """Why the years of an event date cannot be the event's (None when they can, or when no year is known).
    ``report_day`` is the day the report speaks from (dateline or publication); without it only the floor holds."""
    years = [year for year in (start_year, end_year) if year is not None]
    if not years:
        return None
    if min(years) < EARLIEST_YEAR:
        return BEFORE_1990
    if report_day is None:
        return None
    if max(years) > report_day.year + YEARS_AFTER_REPORT:
        return AFTER_REPORT
    if min(years) < report_day.year - YEARS_BEFORE_REPORT:
        return BEFORE_REPORT
    return None
