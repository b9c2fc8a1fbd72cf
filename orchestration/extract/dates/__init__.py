"""Dates in news reports (ru, ja, zh, en): date mentions, durations and datelines.

A mention keeps what the text says: a date without a year keeps month and day with ``year=None``. Only when the
caller gives a ``reference`` (the day of the report) are missing years, months, weekdays and relative words
("today", "вчера", "当日") resolved, and flagged as such. The run's own clock is never used.

The modules, by concern:

- ``grammar``: the patterns of each language, built from ``lexicons/<lang>/dates.yml``; raw dates as written;
- ``resolution``: completing a raw date against the day of the report (nearest plausible year, weekdays,
  relative days, a day alone taking its month);
- ``mentions``: ``find_dates``, the mentions of a text with the cue (opening, closing, from, until) governing each;
- ``durations``: ``find_durations``, stated lengths ("two-day", "为期3天");
- ``datelines``: ``find_dateline``, the agency line at the head of a body, and the dated lines of a page's head.

Publication dates belong to parsing (``orchestration.parse.published``); ``find_publication_date`` and
``find_publication_date_html`` are re-exported here for callers of the extractors.
"""
from __future__ import annotations

from typing import Any

from orchestration.extract.dates.datelines import find_dateline
from orchestration.extract.dates.durations import find_durations
from orchestration.extract.dates.mentions import find_dates
from orchestration.extract.dates.model import (
    Dateline,
    DateMention,
    Duration,
    PartialDate,
)

__all__ = [
    "PartialDate",
    "DateMention",
    "Duration",
    "Dateline",
    "find_dates",
    "find_durations",
    "find_dateline",
    "find_publication_date",
    "find_publication_date_html",
]


def __getattr__(name: str) -> Any:
    # parsing imports the date grammar, so the publication-date functions are looked up on first use
    if name in ("find_publication_date", "find_publication_date_html"):
        from orchestration.parse import published

        return getattr(published, name)
    raise AttributeError(name)
