"""Resolving raw dates against the day of the report: missing years, months of day-only dates, weekdays and
relative words ("today", "вчера", "当日").

A report speaks from a day: its dateline's date, else its publication date. A date the text gives without a year
("17 ноября", "6月30日"), or a day without a month ("17日", "on the 17th"), is placed at the nearest plausible
day seen from there: a report usually looks back on an event of the last weeks or months, and looks ahead only a
little (further when the sentence is a preview: "will be held", "состоится", "将于", "開催される").
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from orchestration.extract.dates.common import valid
from orchestration.extract.dates.grammar import Raw
from orchestration.extract.dates.model import Dateline, PartialDate

# How much a day after the report counts against a candidate, against a day before it. Seen from 5 January, a
# "12 December" is last year's (24 days back) and a "3 March" this year's (57 days ahead * 4 < 308 days back); a
# date more than about ten weeks ahead of a report that does not announce it is read as last year's.
_AHEAD_WEIGHT = 4
# In a preview the weights turn: a date more than a couple of weeks behind the report is next year's.
_PREVIEW_BEHIND_WEIGHT = 20
_SLACK_DAYS = 3  # a report filed a day or two before or after the day it names


def _cost(candidate: date, reference: date, future: bool) -> float:
    delta = (candidate - reference).days
    if abs(delta) <= _SLACK_DAYS:
        return abs(delta)
    if future:
        return delta if delta > 0 else -delta * _PREVIEW_BEHIND_WEIGHT
    return -delta if delta < 0 else delta * _AHEAD_WEIGHT


def _safe_date(year: int, month: int, day: int | None, reference: date) -> date | None:
    """The calendar day of a candidate; a month alone stands for its day nearest to the reference."""
    if day is None:
        if (year, month) == (reference.year, reference.month):
            return reference
        return date(year, month, 1) if (year, month) > (reference.year, reference.month) else _month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def complete_year(month: int, day: int | None, reference: date, future: bool = False) -> int:
    """The nearest plausible year for a month (and day) the text gives without one."""
    best: tuple[float, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _safe_date(year, month, day, reference)
        if candidate is None:  # 29 February of a common year
            continue
        cost = _cost(candidate, reference, future)
        if best is None or cost < best[0]:
            best = (cost, year)
    return best[1] if best else reference.year


def complete_month(day: int, reference: PartialDate, future: bool = False) -> tuple[int | None, int] | None:
    """(year, month) for a day the text gives alone ("17日", "on the 17th"), seen from the day of the report;
    the year stays None when the report's day has none."""
    if reference.month is None:
        return None
    base_year = reference.year if reference.year is not None else 2001  # any common year, for month arithmetic
    ref_day = reference.day if reference.day is not None else 15
    try:
        ref_date = date(base_year, reference.month, ref_day)
    except ValueError:
        return None
    best: tuple[float, int, int] | None = None
    for shift in (-1, 0, 1):
        month = reference.month + shift
        year = base_year + (month > 12) - (month < 1)
        month = (month - 1) % 12 + 1
        candidate = _safe_date(year, month, day, ref_date)
        if candidate is None:
            continue
        cost = _cost(candidate, ref_date, future)
        if best is None or cost < best[0]:
            best = (cost, year, month)
    if best is None:
        return None
    _, year, month = best
    return (year if reference.year is not None else None), month


def nearest_century(two_digit: int, reference: date | None) -> int:
    """"12.07.25", "24年": the year of that ending nearest the report's (without one, 1970–2069)."""
    if reference is None:
        return 2000 + two_digit if two_digit < 70 else 1900 + two_digit
    candidates = [century + two_digit for century in (1900, 2000, 2100)]
    return min(candidates, key=lambda y: abs(y - reference.year))


def _weekday_date(anchor: date, weekday: int, mode: str, week_offset: int | None) -> date:
    if week_offset is not None:  # 上周二: a weekday of a named calendar week
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=week_offset)
        return monday + timedelta(days=weekday)
    if mode == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if mode == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    back = (anchor.weekday() - weekday) % 7
    if mode == "strict_past" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _pd(d: date) -> PartialDate:
    return PartialDate(d.year, d.month, d.day)


@dataclass
class ResolutionContext:
    anchor: PartialDate | None  # the day of the report: the dateline's date, else the reference
    reference: date | None
    # the latest mention with a day, for "当日" / "the same day"
    last_day: PartialDate | None = None
    last_day_year_from_reference: bool = False
    # the latest mention with its own month, for day-only mentions ("22日"), which do not replace it
    month_source: PartialDate | None = None
    month_source_year_from_reference: bool = False
    month_source_is_report_day: bool = False  # it is the dateline's day
    month_source_span_start: PartialDate | None = None  # it ended a range across two months


def report_day(dateline: Dateline | None, reference: date | None) -> PartialDate | None:
    """The day the report speaks from: its dateline's date (its year completed from the reference), else the
    reference."""
    if dateline is not None and dateline.date is not None and dateline.date.month and dateline.date.day:
        d = dateline.date
        if d.year is None and reference is not None:
            d = PartialDate(complete_year(d.month, d.day, reference), d.month, d.day)
        return d
    return _pd(reference) if reference is not None else None


def resolve(raw: Raw, ctx: ResolutionContext, future: bool) -> dict[str, Any]:
    """first/last/resolved/year_from_reference/month_from_context for one raw mention; ``future``: the sentence
    announces the event rather than reporting it."""
    out: dict[str, Any] = dict(first=raw.first, last=raw.last, resolved=False, year_from_reference=False,
                               month_from_context=False, approximate=False, kind=raw.kind)
    anchor = ctx.anchor
    anchor_date = anchor.to_date() if anchor else None
    ref = ctx.reference

    if raw.kind == "year_only" and raw.rel_year is not None:
        base = anchor.year if anchor and anchor.year else (ref.year if ref else None)
        if base is not None:
            out.update(first=PartialDate(base + raw.rel_year), resolved=True, year_from_reference=True)
        return out
    if raw.same_day:
        return _resolve_same_day(ctx, out)
    if raw.rel_days is not None:
        return _resolve_relative_day(raw, anchor, out)
    if raw.rel_weeks is not None:
        if anchor_date is not None:
            monday = anchor_date - timedelta(days=anchor_date.weekday()) + timedelta(weeks=raw.rel_weeks)
            out.update(first=_pd(monday), last=_pd(monday + timedelta(days=6)), resolved=True,
                       year_from_reference=True, approximate=True)
        return out
    if raw.weekday is not None:
        if anchor_date is not None:
            mode = "future" if future and raw.weekday_mode == "recent" else raw.weekday_mode
            if raw.last_weekday is not None:
                last = _weekday_date(anchor_date, raw.last_weekday, mode, raw.week_offset)
                first = last - timedelta(days=(raw.last_weekday - raw.weekday) % 7)
                out.update(first=_pd(first), last=_pd(last), resolved=True, year_from_reference=True)
            else:
                out.update(first=_pd(_weekday_date(anchor_date, raw.weekday, mode, raw.week_offset)), resolved=True,
                           year_from_reference=True)
        return out
    if raw.day_only:
        return _resolve_day_only(raw, ctx, future, out)
    if raw.short_year:
        # "12.07.25", "24年3月": the century nearest the report's year
        first, last = raw.first, raw.last
        year = nearest_century(first.year % 100, anchor_date or ref) if first.year is not None else None
        first = PartialDate(year, first.month, first.day)
        if last is not None and last.year is not None:
            last = PartialDate(year + (last.year - raw.first.year), last.month, last.day)
        out.update(first=first, last=last)
        return out
    first, last = raw.first, raw.last
    if first.year is None and first.month is not None:
        year: int | None = None
        if raw.rel_year is not None:
            base = anchor.year if anchor and anchor.year else (ref.year if ref else None)
            year = base + raw.rel_year if base is not None else None
        elif anchor_date is not None or ref is not None:
            year = complete_year(first.month, first.day, anchor_date or ref, future)
        if year is not None:
            first = PartialDate(year, first.month, first.day)
            if last is not None:
                last_year = year + 1 if (last.month, last.day or 0) < (first.month, first.day or 0) else year
                last = PartialDate(last_year, last.month, last.day)
            out.update(first=first, last=last, resolved=True, year_from_reference=True)
    return out


_NEAR_DAYS = 62


def _near(day: PartialDate, report: PartialDate | None) -> bool:
    """Whether a date lies within about two months of the day of the report (always, when either is unknown)."""
    if report is None or report.month is None or day.month is None:
        return True
    if day.year is not None and report.year is not None:
        try:
            first = date(day.year, day.month, day.day or 15)
            second = date(report.year, report.month, report.day or 15)
        except ValueError:
            return True
        return abs((first - second).days) <= _NEAR_DAYS
    months = abs(day.month - report.month) % 12
    return min(months, 12 - months) <= 2


def _resolve_same_day(ctx: ResolutionContext, out: dict[str, Any]) -> dict[str, Any]:
    """"当日", "the same day": the date just mentioned, else the day of the report."""
    if ctx.last_day is not None:
        out.update(first=ctx.last_day, resolved=True, year_from_reference=ctx.last_day_year_from_reference)
    elif ctx.anchor is not None:
        out.update(first=ctx.anchor, resolved=True, year_from_reference=ctx.anchor.year is not None)
    return out


def _resolve_relative_day(raw: Raw, anchor: PartialDate | None, out: dict[str, Any]) -> dict[str, Any]:
    """"today", "вчера", "前天"; "今日(6日)" states its day, and takes the month of the day of the report."""
    if anchor is None or anchor.month is None:
        return out
    if raw.first.day is not None:
        placed = complete_month(raw.first.day, anchor)
        if placed is not None:
            year, month = placed
            out.update(first=PartialDate(year, month, raw.first.day), resolved=True,
                       year_from_reference=year is not None)
        return out
    anchor_date = anchor.to_date()
    if anchor_date is not None:
        out.update(first=_pd(anchor_date + timedelta(days=raw.rel_days)), resolved=True, year_from_reference=True)
    elif anchor.day is not None:
        # a dateline without a year: count days in a common year (leap only for 29 February), year unknown
        base_year = 2000 if (anchor.month, anchor.day) == (2, 29) else 2001
        shifted = date(base_year, anchor.month, anchor.day) + timedelta(days=raw.rel_days)
        out.update(first=PartialDate(None, shifted.month, shifted.day), resolved=True)
    return out


def _resolve_day_only(raw: Raw, ctx: ResolutionContext, future: bool, out: dict[str, Any]) -> dict[str, Any]:
    """"22日", "on the 17th": the month (and year, when known) of the latest full date of the text, else the
    nearest plausible month seen from the day of the report."""
    first, last = raw.first, raw.last
    if raw.rel_month is not None:  # "上月28日": the month is counted from the report's
        report = ctx.anchor
        if report is None or report.month is None:
            return out
        month = report.month + raw.rel_month
        year = report.year + (month > 12) - (month < 1) if report.year is not None else None
        month = (month - 1) % 12 + 1
        if not valid(year, month, first.day) or (last is not None and not valid(year, month, last.day)):
            return out
        out.update(first=PartialDate(year, month, first.day),
                   last=PartialDate(year, month, last.day) if last is not None else None,
                   month_from_context=True, resolved=True, year_from_reference=year is not None)
        return out
    source = ctx.month_source
    year_from_reference = ctx.month_source_year_from_reference
    if source is not None and not _near(source, ctx.anchor):
        source = None  # a background date ("the first fair, on 5 May 2011") lends no month to "17日"
    if source is not None and source.month is not None and not ctx.month_source_is_report_day:
        year, month = source.year, source.month
        span_start = ctx.month_source_span_start
        if span_start is not None and span_start.month != month and first.day >= (span_start.day or 32):
            year, month = span_start.year, span_start.month  # "9月30日至10月2日 … 30日" is 30 September
    else:
        report = source if source is not None and source.month is not None else ctx.anchor
        if report is None or report.month is None:
            return out
        placed = complete_month(first.day, report, future)
        if placed is None:
            return out
        (year, month), year_from_reference = placed, report is ctx.anchor or year_from_reference
    if year is None and ctx.reference is not None:
        year, year_from_reference = complete_year(month, first.day, ctx.reference, future), True
    first = PartialDate(year, month, first.day)
    last = PartialDate(year, month, last.day) if last is not None else None
    if not (valid(first.year, first.month, first.day) and (last is None or valid(year, month, last.day))):
        return out
    out.update(first=first, last=last, month_from_context=True, resolved=year is not None,
               year_from_reference=year is not None and year_from_reference)
    return out
