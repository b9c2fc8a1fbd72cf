"""Which of the dates a document gives is its event's, completed from the dateline or the publication date."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from orchestration.extract.dates import PartialDate, find_dates, find_durations
from orchestration.extract.events import EventMention
from orchestration.extract.lexicons import lexicon
from orchestration.extract.roles.context import Context, sentence_of, sentence_start


def reference_date(dateline, published: date | None) -> date | None:
    """The day the report speaks from: the dateline's date completed with the publication year, else publication."""
    if dateline is not None and dateline.date is not None and dateline.date.month and dateline.date.day:
        year = dateline.date.year
        if year is None and published is not None:
            year = published.year - (1 if dateline.date.month > published.month + 1 else 0)
        if year is not None:
            try:
                return date(year, dateline.date.month, dateline.date.day)
            except ValueError:
                pass
    return published


def event_date(ctx: Context, dateline, published: date | None, main: EventMention) -> dict | None:
    reference = reference_date(dateline, published)
    mentions = find_dates(ctx.text, ctx.lang, reference)
    dateline_month = dateline.date.month if dateline is not None and dateline.date is not None else None
    candidates = []
    years_in_text = []
    for mention in mentions:
        sentence_start = mention.sentence_start
        if sentence_start in ctx.background_sentences:
            continue
        if mention.kind == "year_only":
            # a year written out ("в 2019 году", "2024中国…大会"); "last year's fair" is another edition
            written = any(ch.isdigit() for ch in mention.text)
            if written and (sentence_start in ctx.event_sentences or main.name_start <= mention.start < main.name_end):
                years_in_text.append(mention.first.year)
            continue
        if mention.in_dateline or mention.approximate:  # the filing date; "last week" fixes no day
            continue
        if sentence_start not in ctx.event_sentences:
            continue
        candidates.append(mention)
    if not candidates:
        return None

    def rank(mention) -> tuple:
        is_range = mention.last is not None and mention.last != mention.first
        complete = mention.first.month is not None and mention.first.day is not None
        return (is_range, mention.cue is not None, complete, mention.kind != "relative", -mention.start)

    chosen = max(candidates, key=rank)
    first, last = chosen.first, chosen.last or chosen.first
    first = _with_month(first, dateline_month)
    last = _with_month(last, dateline_month or first.month)
    year_inferred = bool(getattr(chosen, "year_from_reference", False))
    if chosen.kind == "relative" and not chosen.resolved and dateline is not None and dateline.date is not None:
        first = last = PartialDate(dateline.date.year, dateline.date.month, dateline.date.day)
    start, end = first, last
    cue = chosen.cue or _sentence_cue(ctx, chosen.sentence_start)
    if chosen.last is None or chosen.last == chosen.first:
        if cue == "closing":
            start, end = PartialDate(None, None, None), first
        elif cue == "opening":
            start, end = first, PartialDate(None, None, None)
    start, end = _apply_duration(ctx, start, end)
    # a year the text gives (in the event's name or its sentences) beats the publication year
    text_year = years_in_text[0] if years_in_text else None
    if text_year:
        if start.year is None or year_inferred:
            start = PartialDate(text_year, start.month, start.day) if start.month else start
        if end.year is None or year_inferred:
            end = PartialDate(text_year, end.month, end.day) if end.month else end
        year_inferred = False
    elif start.year is None and end.year is None and reference is not None:
        start = _complete_year(start, reference)
        end = _complete_year(end, reference)
        year_inferred = start.year is not None or end.year is not None
    if start.month is None and end.month is None and start.day is None and end.day is None:
        return None
    return {
        "start": chosen.start,
        "end": chosen.end,
        "fields": {
            "start_year": start.year, "start_month": start.month, "start_day": start.day,
            "end_year": end.year, "end_month": end.month, "end_day": end.day,
            "year_inferred": year_inferred and (start.year is not None or end.year is not None),
        },
    }


@lru_cache(maxsize=None)
def _cue_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    cues = lexicon(lang, "dates").get("cues", {})
    return {kind: re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) for kind, words in cues.items() if words}


def _sentence_cue(ctx: Context, sentence_start: int) -> str | None:
    """An opening or closing verb anywhere in the date's sentence, when the date's own clause has none
    ("…Expo, which opened in Kunming, capital of …, on Wednesday"); none when the sentence has both."""
    sentence = sentence_of(ctx, sentence_start).text
    kinds = {kind for kind, pattern in _cue_patterns(ctx.lang).items() if pattern.search(sentence)}
    return kinds.pop() if len(kinds) == 1 else None


def _with_month(day: PartialDate, month: int | None) -> PartialDate:
    """A day-only mention ("19日") takes its month from the dateline."""
    if day.day is not None and day.month is None and month is not None:
        return PartialDate(day.year, month, day.day)
    return day


def _complete_year(day: PartialDate, reference: date) -> PartialDate:
    if day.month is None or day.year is not None:
        return day
    year = reference.year - (1 if day.month > reference.month + 2 else 0)
    return PartialDate(year, day.month, day.day)


def _apply_duration(ctx: Context, start: PartialDate, end: PartialDate) -> tuple[PartialDate, PartialDate]:
    """"A four-day expo closed on the 22nd" started on the 19th."""
    if (start.day is None) == (end.day is None):
        return start, end
    # "為期2天", "a two-day expo": a duration in the article is the event's, those in event sentences first
    durations = sorted(
        (d for d in find_durations(ctx.text, ctx.lang) if sentence_start(ctx, d.start) not in ctx.background_sentences),
        key=lambda d: (sentence_start(ctx, d.start) not in ctx.event_sentences, d.start),
    )
    if not durations or durations[0].days < 1:
        return start, end
    days = durations[0].days - 1
    known = end if start.day is None else start
    if known.month is None:
        # "14日、…3日間の日程" with no month in the text: the days still follow while the month cannot turn
        other_day = known.day - days if start.day is None else known.day + days
        if not 1 <= other_day <= 28:
            return start, end
        other_only = PartialDate(None, None, other_day)
        return (other_only, end) if start.day is None else (start, other_only)
    anchor = date(known.year or 2001, known.month, known.day)  # 2001: any non-leap year for month arithmetic
    other = anchor - timedelta(days=days) if start.day is None else anchor + timedelta(days=days)
    other_date = PartialDate(other.year if known.year else None, other.month, other.day)
    return (other_date, end) if start.day is None else (start, other_date)
