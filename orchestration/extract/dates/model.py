"""What the date extractors return: partial dates, date mentions, durations and datelines."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PartialDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    def to_date(self) -> date | None:
        """The calendar date, only when year, month and day are all known and form a valid date."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def is_empty(self) -> bool:
        return self.year is None and self.month is None and self.day is None


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    first: PartialDate
    last: PartialDate | None  # the end of a range; None for a single date
    kind: str  # absolute | range | relative | weekday | month_only | year_only
    resolved: bool = False  # a year, weekday or relative word was resolved against the reference
    year_from_reference: bool = False  # the year is not in the text of the mention
    cue: str | None = None  # opening | closing: the governing verb/noun of the clause
    sentence_start: int = 0
    sentence_end: int = 0
    in_dateline: bool = False  # part of the news dateline ("Наньнин, 19 сентября /Синьхуа/")
    month_from_context: bool = False  # a day-only mention ("22日") took its month from an earlier date
    approximate: bool = False  # a span such as "last week": the true date lies somewhere inside
    bound: str | None = None  # from | until | since: "с 5 мая", "until May 5", "8月31日まで", "2015年以来"
    future: bool = False  # the sentence announces rather than reports ("will be held", "состоится", "将于")
    stated_weekday: int | None = None  # the weekday written beside the date ("5月10日(火)"), Monday = 0
    home_clock: bool = False  # the day on the reporter's clock ("北京时间7月18日"), where the local one may differ
    timestamp: bool = False  # a page's stamp, a numeric date with its time of day ("2009-08-13 00:58"), no event's


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    days: int
    text: str = ""


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place_surface: str | None
    place_start: int | None
    place_end: int | None
    date: PartialDate | None
    agency: str | None


