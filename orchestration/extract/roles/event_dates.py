"""Which of the dates a document gives is its event's, completed from the dateline or the publication date.

1. The day the report speaks from is its dateline's date (its year from the publication date), else the
   publication date; ``find_dates`` resolves every mention against it (missing years, a day alone, weekdays,
   "today").
2. The event's date is looked for in the sentences about the event; when they give no day, in the sentences about
   a signing (the date of a signing at the event is the event's when nothing else dates it). Dates of the
   dateline, approximate spans ("last week"), background sentences, and "since" dates are never the event's.
3. A single date is the start when it opens the event ("opened", "открылась", "开幕", "開幕", "from"), the end
   when it closes it ("closed", "завершился", "闭幕", "閉幕", "until", "まで", "至"), else both. The other end
   comes from a second date of the opposite kind ("opened on the 25th … held until the 31st"), else from a
   stated duration ("a four-day expo closed on the 22nd" started on the 19th).
4. The year: the one written with the date; else a year written in the date's sentence; without a day of the
   report, a year in the event's name or the title; else the report's year completed as the nearest plausible
   (``year_inferred``). Background years ("since 2015", "first held in 2011") are never the event's.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from orchestration.extract.counts import current_edition_words, previous_edition_words
from orchestration.extract.dates import (
    DateMention,
    PartialDate,
    find_dates,
    find_durations,
)
from orchestration.extract.dates.grammar import FIELD_SEPARATOR, FIELD_SEPARATORS, schedule_label
from orchestration.extract.dates.resolution import complete_year
from orchestration.extract.events import EventMention, event_noun_pattern, find_events
from orchestration.extract.lexicons import lexicon
from orchestration.extract.numbers import parse_number
from orchestration.extract.text import quoted
from orchestration.extract.wordlists import alt, patterns_any, words_pattern
from orchestration.extract.roles import date_model
from orchestration.extract.roles.context import Context, cue_pattern, sentence_of, sentence_start
from orchestration.extract.roles.relevance import has_occurrence_verb

_EMPTY = PartialDate(None, None, None)
# the two ends of an event stated apart ("opened on … closed on …") lie within this many days
_MAX_EVENT_DAYS = 60
_START_CUES = ("opening", "from")
_END_CUES = ("closing", "until")


@lru_cache(maxsize=4)
def _date_mentions(text: str, lang: str, reference: date | None) -> tuple[DateMention, ...]:
    """The document's date mentions, read once for the event's date and again for the sentences of other years."""
    return tuple(find_dates(text, lang, reference))


def reference_date(dateline, published: date | None) -> date | None:
    """The day the report speaks from: the dateline's date completed with the publication year, else publication."""
    if dateline is not None and dateline.date is not None and dateline.date.month and dateline.date.day:
        year = dateline.date.year
        if year is None and published is not None:
            year = complete_year(dateline.date.month, dateline.date.day, published)
        if year is not None:
            try:
                return date(year, dateline.date.month, dateline.date.day)
            except ValueError:
                pass
    return published


def event_date(ctx: Context, dateline, published: date | None, main: EventMention) -> dict | None:
    reference = reference_date(dateline, published) or _dateline_in_the_names_year(ctx, dateline, main)
    mentions = _date_mentions(ctx.text, ctx.lang, reference)
    candidates = _candidates(ctx, mentions)
    if not any(m.first.day is not None for m in candidates):
        on_report_day = _report_day(ctx, dateline, reference, main.event_type)
        if on_report_day is not None:
            return on_report_day
    elsewhere = _other_event_sentences(ctx, main)
    around = _spans_around_their_event(ctx, candidates) + _preparation_days(ctx, candidates)
    own_days = [m for m in candidates if m not in around]
    chosen = max(own_days or candidates,
                 key=lambda m: (m.sentence_start not in elsewhere, _plausible(m, reference), *_rank(m))) \
        if candidates else None
    if date_model.RANKER.wanted() and not (chosen is not None and _after_schedule_label(ctx, chosen)):
        # a day the notice states in its own field stands; the ranking weighs days told in prose
        scored = [(m, f) for m, f in _scored_candidates(ctx, mentions, chosen, candidates, elsewhere, reference)
                  if m not in around]
        decided, learned = date_model.RANKER.rank(scored, chosen)
        # the model weighs days; where it takes none and the rules' date is a month without a day (昨年11月, "last
        # November"), the month still dates the event: it says when, and lets its reports meet
        chosen = learned if decided and (learned is not None or chosen is None or chosen.first.day is not None) \
            else chosen
    if chosen is None:
        return None
    chosen = _opening_after_the_close(ctx, chosen, own_days, main)
    chosen = _earliest_opening(ctx, chosen, own_days, elsewhere)
    chosen = _range_around(chosen, own_days, elsewhere)
    start, end = _span(ctx, chosen)
    # "It opened on 29 September. It will run until 1 October": the other end may stand in the sentence after
    usable = [m for m in mentions if _usable(ctx, m)]
    following = [m for m in _continuing(ctx, usable) + _following_spans(ctx, usable) if m not in candidates]
    start, end = _other_end(chosen, start, end, candidates + following)
    start, end = _apply_duration(ctx, start, end)
    if start.month is None and end.month is None and start.day is None and end.day is None:
        return None
    year_inferred = chosen.year_from_reference and _year_of(start, end) is not None
    # a year the text writes replaces one completed from the report; a weekday or "today" fixes its own day
    if chosen.kind in ("absolute", "range", "month_only") and (not chosen.first.year or chosen.year_from_reference):
        text_year = _text_year(ctx, mentions, chosen, main, reference) \
            or _same_day_year(ctx, mentions, start, end, reference)
        if text_year is not None:
            start, end = _with_year(start, end, text_year)
            year_inferred = False
    elif chosen.kind in ("relative", "weekday") and _year_of(start, end) is None:
        # "today" or "on Saturday" under a dateline without a year, where the name writes no single year (that
        # case gives the reference itself, `_dateline_in_the_names_year`): the year the date's sentence or another
        # sentence about the event writes is the day's
        text_year = _text_year(ctx, mentions, chosen, main, reference)
        if text_year is not None:
            start, end = _with_year(start, end, text_year)
            year_inferred = False
    if _year_of(start, end) is None and reference is not None and (start.month or end.month):
        start = _complete(start, reference, chosen.future)
        end = _complete(end, reference, chosen.future)
        if end.year is not None and start.year is not None and _as_tuple(end) < _as_tuple(start):
            end = PartialDate(start.year + 1, end.month, end.day)
        year_inferred = _year_of(start, end) is not None
    if _year_of(start, end) is None and reference is None and (start.month or end.month):
        anniversary = _anniversary_year(ctx, mentions)
        if anniversary is not None:
            start, end = _with_year(start, end, anniversary)
            year_inferred = True
    if year_inferred and _weekday_contradicts(chosen, start, end):
        # "5月10日(火)" on a page updated in 2019: 10 May 2019 was a Friday, so the year is not the report's; a year
        # the text writes for the event ("「…フォーラム 2017」開催"), which the report's own year outvoted, is when
        # the weekday agrees with it
        agreeing = {year for year in _name_years(ctx, mentions, main)
                    if not _weekday_contradicts(chosen, *_with_year(start, end, year))}
        if len(agreeing) == 1:
            return _date_row(chosen.start, chosen.end, *_with_year(start, end, agreeing.pop()), False)
        row = _date_row(chosen.start, chosen.end, _without_year(start), _without_year(end), False)
        row["year_unknown"] = "weekday_contradicts_report_year"
        return row
    return _date_row(chosen.start, chosen.end, start, end, bool(year_inferred))


def _dateline_in_the_names_year(ctx: Context, dateline, main: EventMention) -> date | None:
    """"HARBIN, June 15 -- The 2019 China-Russia Expo opened on Saturday": a dateline without a year, on a page
    without a date, speaks from the one year the event's name (or the title) writes."""
    day = dateline.date if dateline is not None else None
    if day is None or day.year is not None or not (day.month and day.day):
        return None
    years = _name_years(ctx, _date_mentions(ctx.text, ctx.lang, None), main)
    if len(years) != 1:
        return None
    try:
        return date(years.pop(), day.month, day.day)
    except ValueError:
        return None


def _range_around(chosen: DateMention, candidates: list[DateMention], elsewhere: frozenset[int]) -> DateMention:
    """"It opened on Friday … The forum is being held from October 24-26": a day inside a span another sentence
    about the event gives it is one of its days; the span is the event's."""
    day = chosen.first
    if chosen.last not in (None, chosen.first) or day.day is None or day.month is None:
        return chosen
    # a span in the day's own sentence is a trip or season around it ("1日から7日にかけて派遣し、3日、フォーラムを開催")
    spans = [m for m in candidates if m.kind == "range" and m.last is not None and m.sentence_start not in elsewhere
              and m.sentence_start != chosen.sentence_start
              and None not in (m.first.month, m.first.day, m.last.month, m.last.day)
              and (m.first.year is None or day.year is None or m.first.year == day.year)
              and (m.first.month, m.first.day) <= (day.month, day.day) <= (m.last.month, m.last.day)
              and (m.first.month, m.first.day) < (m.last.month, m.last.day)]
    return spans[0] if len(spans) == 1 else chosen


def _scored_candidates(ctx: Context, mentions: tuple[DateMention, ...], chosen: DateMention | None,
                       candidates: list[DateMention], elsewhere: frozenset[int],
                       reference: date | None) -> list[tuple[DateMention, dict[str, float]]]:
    """Every usable date of the document with what the rules know of it, for the learned ranking."""
    pool = _local_clock(m for m in mentions if _usable(ctx, m))
    continuing = set(_continuing(ctx, pool))
    scored = []
    for mention in pool:
        sentence = sentence_of(ctx, mention.sentence_start).text
        scored.append((mention, date_model.date_features(
            ctx, mention, pool, rule_choice=chosen, rule_candidates=candidates,
            signing=has_signing_cue(ctx, mention.sentence_start), continuing=mention in continuing,
            other_event=mention.sentence_start in elsewhere, implausible=not _plausible(mention, reference),
            sentence_cue=_sentence_cue(ctx, mention.sentence_start),
            occurrence_verb=has_occurrence_verb(sentence, ctx.lang), reference=reference)))
    return scored


def _weekday_contradicts(chosen: DateMention, start: PartialDate, end: PartialDate) -> bool:
    """The weekday written beside the date is not the weekday of the date in the year we completed."""
    if chosen.stated_weekday is None:
        return False
    # the weekday is the written day's: "closed on Friday, September 6" after "three-day" started on a Wednesday
    written = chosen.first
    day = next((d for d in (start, end) if d.day is not None and d.day == written.day
                and written.month in (None, d.month)), start if start.day is not None else end)
    try:
        return date(day.year, day.month, day.day).weekday() != chosen.stated_weekday
    except (TypeError, ValueError):
        return False


def _without_year(day: PartialDate) -> PartialDate:
    return PartialDate(None, day.month, day.day) if day.month is not None else day


def _date_row(evidence_start: int, evidence_end: int, start: PartialDate, end: PartialDate,
              year_inferred: bool) -> dict:
    return {
        "start": evidence_start,
        "end": evidence_end,
        "fields": {
            "start_year": start.year, "start_month": start.month, "start_day": start.day,
            "end_year": end.year, "end_month": end.month, "end_day": end.day,
            "year_inferred": year_inferred,
        },
    }


# ----------------------------------------------------------------------------------------------- choosing


_LEAD_SENTENCES = 2
# kinds of event that run for days: their lead's "was held" names no one day
_MULTI_DAY_TYPES = frozenset({"expo"})


def _report_day(ctx: Context, dateline, reference: date | None, event_type: str) -> dict | None:
    """"TOMSK, Nov. 27 -- The forum opened in Tomsk": a lead that says the event opened, closed or was held (or,
    for a signing, that it was signed), in a report that dates nothing else, speaks of the dateline's own day."""
    if dateline is None:
        return None
    if dateline.date is None or dateline.date.month is None or dateline.date.day is None:
        # "PETROPAVLOVSK. KAZINFORM The forum has come to an end": an agency's dateline without a date files the
        # story on the day it is published
        if dateline.date is not None or dateline.agency is None or reference is None:
            return None
        dateline = replace(dateline, date=PartialDate(reference.year, reference.month, reference.day))
    verbs = _kind_patterns(ctx.lang, "report_day_verbs")
    lead = [s for s in ctx.sentences if s.start >= ctx.title_end and s.end > dateline.end][:_LEAD_SENTENCES]
    for sentence in lead:
        if sentence.start not in ctx.event_sentences or sentence.start in ctx.background_sentences:
            continue
        kinds = {kind for kind, pattern in verbs.items() if pattern.search(sentence.text)}
        if len(kinds) > 1:
            kinds.discard("signing")  # "the forum opened, and six agreements were signed": the opening dates it
        if len(kinds) != 1 or (kinds == {"signing"} and event_type != "signing"):
            continue  # a signing dates only a report of a signing: at a fair it is one day of several
        day = dateline.date
        if day.year is None and reference is not None:
            day = _complete(day, reference, False)
        kind = kinds.pop()
        if kind == "held" and event_type in _MULTI_DAY_TYPES:
            return None  # a fair "was held" over days; a release saying so is often filed after it closed
        start, end = (day, _EMPTY) if kind == "opening" else (_EMPTY, day) if kind == "closing" else (day, day)
        start, end = _apply_duration(ctx, start, end)
        return _date_row(dateline.start, dateline.end, start, end,
                         dateline.date.year is None and _year_of(start, end) is not None)
    return None



def _usable(ctx: Context, mention: DateMention, *, in_background: bool = False) -> bool:
    if mention.kind == "year_only" or mention.in_dateline or mention.timestamp or mention.approximate \
            or mention.bound == "since":
        return False
    # "today" in a quotation is the speaker's day ("…and today we already plan the next one," he said)
    if mention.kind == "relative" and any(s <= mention.start < e for s, e in _speech_spans(ctx.text)):
        return False
    if mention.sentence_start in ctx.background_sentences and not in_background:
        return False
    return mention.first.month is not None or mention.first.day is not None


_PAIRED_QUOTES = (("«", "»"), ("“", "”"), ("「", "」"), ("『", "』"))
# a straight quote that closes direct speech: after its last word's punctuation, or before the attribution's dash
_CLOSING_STRAIGHT = re.compile(r'(?<=[,.!?…])"|"(?=\s*,?\s*[-–—])')


@lru_cache(maxsize=8)
def _speech_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Quoted passages: paired quotation marks (one level of nesting), and a paragraph that opens with a straight
    quote, up to the quote that closes the speech."""
    spans: list[tuple[int, int]] = []
    for o, c in _PAIRED_QUOTES:
        inner = rf"[^{o}{c}]*"
        spans += [m.span() for m in re.finditer(rf"{o}{inner}(?:{o}{inner}{c}{inner})*{c}", text)]
    pos = 0
    for paragraph in text.split("\n"):
        stripped = paragraph.lstrip()
        if stripped.startswith('"'):
            opening = pos + len(paragraph) - len(stripped)
            ends = [m.start() for m in _CLOSING_STRAIGHT.finditer(paragraph)]
            if ends and pos + ends[-1] > opening:
                spans.append((opening, pos + ends[-1] + 1))
        pos += len(paragraph) + 1
    return tuple(spans)


def _candidates(ctx: Context, mentions: list[DateMention]) -> list[DateMention]:
    """Dates of the sentences about the event; with no day there, dates of the sentences about a signing."""
    # "日時\n令和3年7月15日": a notice states its event's day in a field of its own, even where the page was
    # updated years after it and its sentences of that year read as history
    labelled = [m for m in mentions if _usable(ctx, m, in_background=True) and m.first.day is not None
                and _after_schedule_label(ctx, m)]
    if labelled:
        return labelled
    usable = _local_clock(m for m in mentions if _usable(ctx, m))
    in_event = [m for m in usable if m.sentence_start in ctx.event_sentences]
    # "announced on June 26 that the forum, slated for June 27, …": the day something was said is no day of the
    # event while the sentences about it give another
    unsaid = [m for m in in_event if not _said_on(ctx, m)]
    if any(m.first.day is not None for m in unsaid):
        in_event = unsaid
    elif len(unsaid) < len(in_event):
        # every day of the event's sentences is a day something was said: the next sentence may give the event's
        # own ("… announced on June 26. The event, slated for June 27, …")
        in_event = _continuing(ctx, usable, scheduled=True) or in_event
    if any(m.first.day is not None for m in in_event):
        return in_event
    signing = [m for m in usable if m.sentence_start not in ctx.event_sentences
               and m.first.day is not None and has_signing_cue(ctx, m.sentence_start)]
    return signing or _continuing(ctx, usable) or in_event


def _spans_around_their_event(ctx: Context, candidates: list[DateMention]) -> list[DateMention]:
    """"8月3日から9日にかけて青年を派遣し、8月5日から2日間、フォーラムを開催": of the dates a sentence writes before an
    event noun, a span of days followed by another date is a trip or season around the event, not its days.
    Japanese and Chinese put an event's date right before its noun and predicate."""
    if ctx.lang not in ("ja", "zh"):
        return []
    around = []
    for mention in candidates:
        if mention.last is None or mention.last == mention.first or mention.first.day is None:
            continue
        noun = _event_noun_after(ctx, mention)
        if noun is not None and any(other is not mention and mention.end <= other.start and other.end <= noun.start()
                                    and other.first.day is not None for other in candidates):
            around.append(mention)
    return around


def _preparation_days(ctx: Context, candidates: list[DateMention]) -> list[DateMention]:
    """"3月5日にオンライン交流会準備を行い、3月12日にオンライン交流会を実施": a day whose event noun is followed by
    a word of preparation dates the preparation, when another candidate gives a day."""
    words = lexicon(ctx.lang, "events").get("preparation_words") or []
    if not words:
        return []
    words = tuple(words)
    preparing = []
    for mention in candidates:
        noun = _event_noun_after(ctx, mention)
        if noun is not None and ctx.text.startswith(words, noun.end()) \
                and noun.start() - mention.end <= _PREPARATION_REACH \
                and any(other is not mention and other.first.day is not None for other in candidates):
            preparing.append(mention)
    return preparing


def _event_noun_after(ctx: Context, mention: DateMention) -> re.Match[str] | None:
    """The first event noun after a date in its sentence: Japanese and Chinese write an event's day before it."""
    return event_noun_pattern(ctx.lang).search(ctx.text, mention.end, sentence_of(ctx, mention.sentence_start).end)


# how far after its day the noun of what is prepared may stand ("3月5日(土曜日)にオンライン交流会準備")
_PREPARATION_REACH = 16


def _after_schedule_label(ctx: Context, mention: DateMention) -> bool:
    """The date opens a field labelled as the event's day: after the label and a colon (or a table's cell rule,
    "開催時期 | 10月27日") on its line, or alone at the start of the line after a line that is only the label."""
    pattern = _schedule_label_pattern(ctx.lang)
    if pattern is None:
        return False
    line_start = ctx.text.rfind("\n", 0, mention.start) + 1
    before = ctx.text[line_start:mention.start]
    if pattern.fullmatch(before.strip()) and re.search(rf"{FIELD_SEPARATOR}\s*$", before):
        return True
    if before.strip() or line_start == 0:
        return False
    previous_start = ctx.text.rfind("\n", 0, line_start - 1) + 1
    return bool(pattern.fullmatch(ctx.text[previous_start:line_start - 1].strip().rstrip(FIELD_SEPARATORS).strip()))


@lru_cache(maxsize=None)
def _schedule_label_pattern(lang: str) -> re.Pattern[str] | None:
    label = schedule_label((lang,))
    return re.compile(label + FIELD_SEPARATOR + "?", re.IGNORECASE) if label else None


def _local_clock(mentions) -> list[DateMention]:
    """Without the dates told on the reporter's home clock where the same sentence also gives a day on another."""
    mentions = list(mentions)
    local = {m.sentence_start for m in mentions if not m.home_clock and m.first.day is not None}
    return [m for m in mentions if not (m.home_clock and m.sentence_start in local)]


def _continuing(ctx: Context, usable: list[DateMention], scheduled: bool = False) -> list[DateMention]:
    """"The forum of X and Y met in Z. Its work began on Thursday, the 9th", "… The event will take place on 16 May":
    a sentence right after one about the event that names no event but opens, closes or holds something on a day
    speaks of the event."""
    following = _sentences_after_the_events(ctx)
    return [m for m in usable if m.sentence_start in following and m.first.day is not None
            and (m.cue in ("opening", "closing") or m.bound in ("from", "until")
                 or has_occurrence_verb(sentence_of(ctx, m.sentence_start).text, ctx.lang)
                 or (scheduled and _has_schedule_word(ctx, m.sentence_start)))]


def _span_of_days(mention: DateMention) -> bool:
    return mention.kind == "range" and mention.last is not None and mention.last.day is not None \
        and mention.last != mention.first


def _following_spans(ctx: Context, usable: list[DateMention]) -> list[DateMention]:
    """"… The fair opened on Thursday. … This year it runs from June 15 until June 19": a span of days in a sentence
    right after one about the event, which may give the end of the day the event opened."""
    following = _sentences_after_the_events(ctx)
    return [m for m in usable if m.sentence_start in following and m.first.day is not None and _span_of_days(m)]


def _sentences_after_the_events(ctx: Context) -> set[int]:
    """The starts of the sentences right after one about the event that name no event themselves."""
    starts = [s.start for s in ctx.sentences]
    return {b for a, b in zip(starts, starts[1:]) if a in ctx.event_sentences and b not in ctx.event_sentences}


def _has_schedule_word(ctx: Context, sentence: int) -> bool:
    pattern = cue_pattern(ctx.lang, "schedule_words")
    return bool(pattern and pattern.search(sentence_of(ctx, sentence).text))


def _other_event_sentences(ctx: Context, main: EventMention) -> frozenset[int]:
    """Sentences that name only events of another kind than the document's ("On the same day, the expo opened"
    in a report on a forum): their dates and cues are that event's."""
    kinds: dict[int, set[str]] = {}
    for event in find_events(ctx.text, ctx.lang):
        kinds.setdefault(sentence_start(ctx, event.start), set()).add(event.event_type)
    return frozenset(start for start, types in kinds.items() if main.event_type not in types)


def _plausible(mention: DateMention, reference: date | None) -> bool:
    """A date written with a year more than a year away from the report's is another edition's."""
    year = mention.first.year
    return reference is None or year is None or abs(year - reference.year) <= 1


def _rank(mention: DateMention) -> tuple:
    """A range first, then a date with a day; then one an opening or closing governs, an opening first (its
    closing is then the nearest one after it); then a full date, a written one, the earliest."""
    is_range = mention.last is not None and mention.last != mention.first
    cue = mention.bound if mention.bound in ("from", "until") else mention.cue
    has_day = mention.first.day is not None
    complete = mention.first.month is not None and has_day
    return (is_range, has_day, cue is not None, cue in _START_CUES, complete, mention.kind != "relative",
            -mention.start)


# how many days before the chosen opening an earlier opening of the same event may stand ("began with a reception
# yesterday evening … formally opened today"): a day or two, not another edition
_EARLIER_OPENING_REACH = 2


def _earliest_opening(ctx: Context, chosen: DateMention, own_days: list[DateMention],
                      elsewhere: frozenset[int]) -> DateMention:
    """An event opens once: where the report tells two openings of it a day apart (a reception the evening before,
    the formal opening the next morning), it began on the first."""
    if chosen.last not in (None, chosen.first) or _cue_of(ctx, chosen) not in _START_CUES:
        return chosen
    day = chosen.first.to_date()
    if day is None:
        return chosen
    earlier = [m for m in own_days
               if m is not chosen and m.last in (None, m.first) and m.sentence_start not in elsewhere
               and m.sentence_start in ctx.event_sentences and (m.cue == "opening" or m.bound == "from")
               and (other := m.first.to_date()) is not None and 0 < (day - other).days <= _EARLIER_OPENING_REACH]
    return min(earlier, key=lambda m: m.first.to_date()) if earlier else chosen


def _opening_after_the_close(ctx: Context, chosen: DateMention, own_days: list[DateMention],
                             main: EventMention) -> DateMention:
    """An event cannot close before it opens: where the sentence that names the event dates its opening ("the forum
    opens today") after the chosen closing ("a similar forum, which ended yesterday"), that closing is another
    event's and the opening is this one's."""
    if chosen.last not in (None, chosen.first) or _cue_of(ctx, chosen) not in _END_CUES:
        return chosen
    closing = chosen.first.to_date()
    main_sentence = sentence_start(ctx, main.start)
    if closing is None or chosen.sentence_start == main_sentence:
        return chosen
    later_openings = [m for m in own_days
                      if m.sentence_start == main_sentence and _cue_of(ctx, m) in _START_CUES
                      and (opening := m.first.to_date()) is not None and opening > closing]
    return later_openings[0] if later_openings else chosen


def _cue_of(ctx: Context, mention: DateMention) -> str | None:
    if mention.bound in ("from", "until"):
        return mention.bound
    return mention.cue or _sentence_cue(ctx, mention.sentence_start)


def _span(ctx: Context, chosen: DateMention) -> tuple[PartialDate, PartialDate]:
    first, last = chosen.first, chosen.last or chosen.first
    if chosen.last is not None and chosen.last != chosen.first:
        return first, last
    cue = _cue_of(ctx, chosen)
    if cue in _END_CUES:
        return _EMPTY, first
    if cue in _START_CUES:
        return first, _EMPTY
    return first, last


def _other_end(chosen: DateMention, start: PartialDate, end: PartialDate,
               candidates: list[DateMention]) -> tuple[PartialDate, PartialDate]:
    """"開幕 on the 25th … まで開催 until the 31st": the missing end from a date of the opposite kind."""
    if (start.day is None) == (end.day is None):
        return start, end
    want = _END_CUES if end.day is None else _START_CUES
    known = start if end.day is None else end
    for other in candidates:
        # "opened on Thursday … it runs from June 15 until June 19": a span that shares the known end gives the other
        if other is not chosen and _span_of_days(other):
            shared = other.first if end.day is None else other.last
            if (shared.month, shared.day) == (known.month, known.day):
                return (start, _year_like(other.last, start)) if end.day is None else (_year_like(other.first, end), end)
    best: tuple[int, PartialDate] | None = None
    for other in candidates:
        if other is chosen or other.last not in (None, other.first) or other.first.day is None:
            continue
        if other.cue not in want and other.bound not in want:
            continue
        gap = _days_between(known, other.first) if end.day is None else _days_between(other.first, known)
        if gap is None or not 0 < gap <= _MAX_EVENT_DAYS:
            continue
        if best is None or gap < best[0]:
            best = (gap, other.first)
    if best is None:
        return start, end
    return (start, best[1]) if end.day is None else (best[1], end)


def _year_like(day: PartialDate, known: PartialDate) -> PartialDate:
    """The other end of a span, with the year of the end already known where the span writes none."""
    return day if day.year is not None or known.year is None else PartialDate(known.year, day.month, day.day)


def _days_between(earlier: PartialDate, later: PartialDate) -> int | None:
    if earlier.month is None or later.month is None or earlier.day is None or later.day is None:
        return None
    year = earlier.year or later.year or 2001
    later_year = later.year or (year + 1 if (later.month, later.day) < (earlier.month, earlier.day) else year)
    try:
        return (date(later_year, later.month, later.day) - date(year, earlier.month, earlier.day)).days
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------------ years


def _year_of(start: PartialDate, end: PartialDate) -> int | None:
    return start.year if start.year is not None else end.year


def _as_tuple(d: PartialDate) -> tuple[int, int, int]:
    return (d.year or 0, d.month or 0, d.day or 0)


def _with_year(start: PartialDate, end: PartialDate, year: int) -> tuple[PartialDate, PartialDate]:
    start = PartialDate(year, start.month, start.day) if start.month else start
    if end.month:
        end_year = year + 1 if start.month and (end.month, end.day or 0) < (start.month, start.day or 0) else year
        end = PartialDate(end_year, end.month, end.day)
    return start, end


def _complete(day: PartialDate, reference: date, future: bool) -> PartialDate:
    if day.month is None or day.year is not None:
        return day
    return PartialDate(complete_year(day.month, day.day, reference, future), day.month, day.day)


def _text_year(ctx: Context, mentions: list[DateMention], chosen: DateMention, main: EventMention,
               reference: date | None) -> int | None:
    """A year the text writes for the event: in the date's own sentence; without a day of the report, in the
    event's name or the title, else in the sentences about the event. Never a background year ("since 2015",
    "2011年に初めて開催", "впервые прошел в 2011 году")."""
    sentence_years: list[int] = []
    name_years: list[int] = []
    event_years: list[int] = []
    # "2019年8月3日から9日にかけて…、8月5日に": a span or a day written earlier in the sentence, with its year, lends it
    for m in mentions:
        if ctx.lang in ("ja", "zh") and m is not chosen and m.kind in ("range", "absolute") \
                and m.sentence_start == chosen.sentence_start and m.end <= chosen.start \
                and m.first.day is not None and m.first.year is not None and not m.year_from_reference \
                and m.sentence_start not in ctx.background_sentences:
            sentence_years.append(m.first.year)
    for m in mentions:
        if m.kind != "year_only" or m.first.year is None or m.last is not None or m.bound in ("from", "since"):
            continue
        if not any(ch.isdigit() for ch in m.text) or m.sentence_start in ctx.background_sentences:
            continue
        if _has_background_year_cue(ctx, m.sentence_start):
            continue
        if m.sentence_start == chosen.sentence_start:
            sentence_years.append(m.first.year)
        elif main.name_start <= m.start < main.name_end or m.start < ctx.title_end:
            name_years.append(m.first.year)
        elif m.sentence_start in ctx.event_sentences and chosen.future == m.future \
                and not _dates_another_deed(ctx, m):
            # a report of what happened takes no year from an announcement ("the 12th expo will be held in 2019"),
            # nor a preview from what happened («пройдет 15-16 февраля … В 2017 году в форуме участвовали»: the
            # edition before)
            event_years.append(m.first.year)
    sentence_years += _name_prefix_years(ctx, chosen.sentence_start)
    name_years += _years_beside_name(ctx, main)
    if reference is not None:
        sentence_years = [y for y in sentence_years if abs(y - reference.year) <= 1]
        return sentence_years[0] if len(set(sentence_years)) == 1 else None
    if len(set(sentence_years)) == 1:
        return sentence_years[0]
    if len(set(name_years)) == 1:
        return name_years[0]
    # a year from another sentence about the event, when the report writes a later year of something already
    # done, is an earlier step of the story ("began in 2006 … renewed in 2014"), not the day it reports
    if len(set(event_years)) == 1 and event_years[0] >= _latest_past_year(mentions):
        return event_years[0]
    return None


def _latest_past_year(mentions: list[DateMention]) -> int:
    written = [(m.last or m.first).year for m in mentions
               if not m.future and not m.year_from_reference and any(ch.isdigit() for ch in m.text)
               and (m.last or m.first).year is not None]
    return max(written, default=0)


# a year that heads an event's name with no word of its own ("2012黑龙江…交流会", "2019 日中…会議"), or ends the
# quoted title before its noun ("“…協力事業-2018”フォーラム", "《…2019》论坛")
_NAME_PREFIX_YEAR = re.compile(r"^((?:19|20)\d\d)(?= ?[^\d\s年/.\-–—:：%％])")
# a year glued to a word of the name, ending it or before its subtitle (エコテクノ2008『…』, 环保博览2019); one before 年
# is the grammar's own
_NAME_INNER_YEAR = re.compile(r"(?<=[^\d\s０-９])((?:19|20)\d\d)(?=$|[^\d年/.\-–—―~〜:：%％])")
_QUOTED_TITLE_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d\d)\s?[”」』》〉\"]$")
_TITLE_REACH = 60
# "… – 2025»", "… 2019\"": a year closing a quoted name, after a space or a dash
_QUOTED_NAME_END_YEAR = re.compile(r"[\s\-–—]((?:19|20)\d\d)\s?[»”\"]")


def _name_prefix_years(ctx: Context, sentence: int) -> list[int]:
    """The years that head the names of events in the date's sentence or end the quoted titles before them,
    which the date grammar leaves alone when no 年 follows them; in Russian and English, the year that closes an
    event's quoted name («Новые горизонты – 2025»), which the grammar reads as a year only when it is joined on."""
    cjk = ctx.lang in ("ja", "zh")
    found = []
    for event in find_events(ctx.text, ctx.lang):
        if sentence_start(ctx, event.name_start) != sentence:
            continue
        if not cjk:
            match = _QUOTED_NAME_END_YEAR.search(ctx.text, event.name_start, min(len(ctx.text), event.name_end + 1))
        else:
            match = _NAME_PREFIX_YEAR.match(event.name) or _NAME_INNER_YEAR.search(event.name) \
                or _QUOTED_TITLE_YEAR.search(ctx.text, max(sentence, event.name_start - _TITLE_REACH), event.name_start)
        if match is not None:
            found.append(int(match.group(1)))
    return found


# a bare year written right after the event's name, or right before it ("日露青年フォーラム2017 in…", "Forum 2019")
_YEAR_AFTER_NAME = r"[\s\-–—]?((?:19|20)\d\d)(?![\d年/.\-–])"
_YEAR_BEFORE_NAME = r"(?<![\d/.\-])((?:19|20)\d\d)[\s\-–—]?"


def _name_years(ctx: Context, mentions: tuple[DateMention, ...], main: EventMention) -> set[int]:
    """Every year written in the title, in the event's name or beside it, background or not: the report's own
    year (or a history sentence's) may have outvoted it."""
    years = {m.first.year for m in mentions
             if m.kind == "year_only" and m.first.year is not None and m.last is None and not m.year_from_reference
             and (m.start < ctx.title_end or main.name_start <= m.start < main.name_end)}
    return years | {int(m.group(1) or m.group(2)) for m in _beside_name(ctx, main)}


def _years_beside_name(ctx: Context, main: EventMention) -> list[int]:
    """The years written beside any mention of the event's own name (of some length), on a subtitle line or in a
    later sentence, where the grammar reads no year because no 年 or "year" follows."""
    return [int(m.group(1) or m.group(2)) for m in _beside_name(ctx, main)
            if sentence_start(ctx, m.start()) not in ctx.background_sentences]


def _beside_name(ctx: Context, main: EventMention) -> list[re.Match[str]]:
    name = main.name.strip()
    if len(name) < (4 if ctx.lang in ("ja", "zh") else 8):
        return []
    escaped = re.escape(name)
    return list(re.finditer(f"{escaped}{_YEAR_AFTER_NAME}|{_YEAR_BEFORE_NAME}{escaped}", ctx.text, re.IGNORECASE))


def _same_day_year(ctx: Context, mentions: list[DateMention], start: PartialDate, end: PartialDate,
                   reference: date | None) -> int | None:
    """The year the text writes beside the event's own day elsewhere: "10月5日" in the report, "(2016年10月5日)"
    under its photograph. Only a year every such full date agrees on, and, as for a year in the date's sentence,
    within a year of the report's. Never a background date: an anniversary falls on the day its relation began
    ("1991年12月10日, the two cities were twinned")."""
    days = {(d.month, d.day) for d in (start, end) if d.month is not None and d.day is not None}
    anniversary = any(p.search(ctx.text) for p in _anniversary_patterns(ctx.lang))
    founding = words_pattern(ctx.lang, lexicon(ctx.lang, "dates").get("founding_cues") or [], match="stem")
    years = set()
    for m in mentions:
        if m.kind not in ("absolute", "range") or m.year_from_reference or m.month_from_context or m.approximate:
            continue
        if m.sentence_start in ctx.background_sentences or _has_background_year_cue(ctx, m.sentence_start) \
                or (anniversary and founding is not None and founding.search(sentence_of(ctx, m.start).text)):
            continue
        for point in (m.first, m.last):
            if point is not None and point.year is not None and (point.month, point.day) in days:
                years.add(point.year)
    if reference is not None:
        years = {y for y in years if abs(y - reference.year) <= 1}
    return years.pop() if len(years) == 1 else None


def _anniversary_year(ctx: Context, mentions: list[DateMention]) -> int | None:
    """"marked the 20th anniversary of their twinning … the cities were twinned in 1995": a report with no date of
    its own is dated by its anniversary, the year the relation began plus the anniversary's number. The anniversary
    must be the event's (the title, the event's sentences) and the year one that a sentence of beginning gives."""
    patterns = _anniversary_patterns(ctx.lang)
    founding = words_pattern(ctx.lang, lexicon(ctx.lang, "dates").get("founding_cues") or [], match="stem")
    if not patterns or founding is None:
        return None
    numbers = []
    for match in (m for pattern in patterns for m in pattern.finditer(ctx.text)):
        start = sentence_start(ctx, match.start())
        if match.start() < ctx.title_end or start in ctx.event_sentences:
            value = parse_number(match.group("n"), ctx.lang)
            if value and 1 <= value <= 200:
                numbers.append((int(value), start))
    years = set()
    for number, anniversary_sentence in numbers:
        for m in mentions:
            if m.kind != "year_only" or m.first.year is None or m.last is not None:
                continue
            sentence = sentence_of(ctx, m.start)
            if m.sentence_start == anniversary_sentence or founding.search(sentence.text):
                years.add(m.first.year + number)
    years = {y for y in years if 1950 <= y <= date.today().year + 1}
    return years.pop() if len(years) == 1 else None


@lru_cache(maxsize=None)
def _anniversary_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """One pattern per form of an anniversary, each with its number as the group ``n``."""
    return tuple(re.compile(p, re.IGNORECASE) for p in lexicon(lang, "dates").get("anniversary") or [])


# ------------------------------------------------------------------------------------------------- cues


@lru_cache(maxsize=None)
def _kind_patterns(lang: str, key: str) -> dict[str, re.Pattern[str]]:
    """One pattern per kind of a map of the dates lexicon (``cues``, ``report_day_verbs``)."""
    words_by_kind = lexicon(lang, "dates").get(key) or {}
    patterns = {kind: words_pattern(lang, words, match="whole") for kind, words in words_by_kind.items()}
    return {kind: pattern for kind, pattern in patterns.items() if pattern is not None}


@lru_cache(maxsize=None)
def _signing_pattern(lang: str) -> re.Pattern[str] | None:
    return words_pattern(lang, lexicon(lang, "dates").get("signing_cues") or [], match="whole")


@lru_cache(maxsize=None)
def _background_year_pattern(lang: str) -> re.Pattern[str] | None:
    return words_pattern(lang, lexicon(lang, "dates").get("background_year_cues") or [], match="whole")


def _has_background_year_cue(ctx: Context, start: int) -> bool:
    pattern = _background_year_pattern(ctx.lang)
    return bool(pattern and pattern.search(sentence_of(ctx, start).text))


@lru_cache(maxsize=None)
def _statement_pattern(lang: str) -> re.Pattern[str] | None:
    """A verb of saying right before a date ("announced on", "said on Monday", «заявил 26 июня»)."""
    verbs = lexicon(lang, "dates").get("statement_verbs") or []
    if not verbs:
        return None
    return re.compile(rf"(?<!\w)(?:{alt(verbs)})\s+(?:on\s+)?$", re.IGNORECASE)


_STATEMENT_REACH = 40


def _said_on(ctx: Context, mention: DateMention) -> bool:
    pattern = _statement_pattern(ctx.lang)
    return pattern is not None and bool(pattern.search(ctx.text, max(0, mention.start - _STATEMENT_REACH),
                                                       mention.start))


def has_signing_cue(ctx: Context, start: int) -> bool:
    pattern = _signing_pattern(ctx.lang)
    return bool(pattern and pattern.search(sentence_of(ctx, start).text))


def _sentence_cue(ctx: Context, sentence_start: int) -> str | None:
    """An opening or closing verb anywhere in the date's sentence, when the date's own clause has none
    ("…Expo, which opened in Kunming, capital of …, on Wednesday"); none when the sentence has both."""
    sentence = sentence_of(ctx, sentence_start).text
    kinds = {kind for kind, pattern in _kind_patterns(ctx.lang, "cues").items() if pattern.search(sentence)}
    return kinds.pop() if len(kinds) == 1 else None


# -------------------------------------------------------------------------------------------- durations


def _apply_duration(ctx: Context, start: PartialDate, end: PartialDate) -> tuple[PartialDate, PartialDate]:
    """"A four-day expo closed on the 22nd" started on the 19th; "held today … will last four days": the day it is
    held on is its first."""
    if start.day is not None and start == end:
        return start, _held_day_extended(ctx, start)
    if (start.day is None) == (end.day is None):
        return start, end
    # "為期2天", "a two-day expo": a duration in the article is the event's, those in event sentences first
    durations = sorted(
        (d for d in find_durations(ctx.text, ctx.lang)
         if sentence_start(ctx, d.start) not in ctx.background_sentences or _length_of_the_event(ctx, d)),
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


_DURATION_NOUN_REACH = 30  # characters after a duration in which the event noun it measures stands
_DURATION_NOUN_WORDS = 2  # words at most between them ("five-day trade fair")
_PREVIOUS_EDITION_REACH = 30  # characters before a duration in which "the previous" would make it another edition's


def _length_of_the_event(ctx: Context, duration) -> bool:
    """"during the five-day fair, a rise of 30 percent from the previous edition": a duration said of the event
    noun itself, with no word of an earlier edition before it, is this event's, though the sentence that holds it
    compares with another (English and Russian, whose durations stand before their noun)."""
    if ctx.lang not in ("en", "ru"):
        return False
    noun = event_noun_pattern(ctx.lang).search(ctx.text, duration.end, duration.end + _DURATION_NOUN_REACH)
    if noun is None or len(ctx.text[duration.end:noun.start()].split()) > _DURATION_NOUN_WORDS:
        return False
    previous = previous_edition_words(ctx.lang)
    before = ctx.text[max(sentence_start(ctx, duration.start), duration.start - _PREVIOUS_EDITION_REACH):duration.start]
    return previous is None or not previous.search(before)


def _held_day_extended(ctx: Context, day: PartialDate) -> PartialDate:
    """The last day of an event held on ``day`` that a sentence about the event says lasts several days."""
    durations = [d for d in find_durations(ctx.text, ctx.lang)
                 if sentence_start(ctx, d.start) in ctx.event_sentences
                 and sentence_start(ctx, d.start) not in ctx.background_sentences]
    if len(durations) != 1 or durations[0].days < 2 or day.month is None:
        return day
    last = date(day.year or 2001, day.month, day.day) + timedelta(days=durations[0].days - 1)
    return PartialDate(last.year if day.year else None, last.month, last.day)


# a sentence dated this many years or more before the report tells history
_HISTORY_YEARS = 2


def dated_history_sentences(text: str, lang: str, reference: date | None) -> frozenset[int]:
    """Sentences that date what they tell two or more years before the report ("signed the sister-city agreement
    on 3 July 1999", «в 1999 году подписали», 1981年…缔结友好城市关系): the event they tell is history, not the one
    the report is about. A sentence that also dates something to the report's own time is not history, and
    neither is anything in a report that dates nothing to its own time: an old event may be its subject."""
    if reference is None:
        return frozenset()
    old, recent = set(), set()
    for mention in _date_mentions(text, lang, reference):
        if mention.in_dateline or mention.first.year is None:
            continue
        years = [mention.first.year] + ([mention.last.year] if mention.last and mention.last.year else [])
        if mention.resolved or mention.year_from_reference or max(years) > reference.year - _HISTORY_YEARS:
            recent.add(mention.sentence_start)
        else:
            old.add(mention.sentence_start)
    return frozenset(old - recent) if recent else frozenset()


@lru_cache(maxsize=None)
def _years_ago(lang: str) -> re.Pattern[str] | None:
    return patterns_any(lexicon(lang, "dates").get("years_ago"))


def counted_back_sentences(sentences, lang: str) -> frozenset[int]:
    """Sentences that count years back from the report ("27 years ago the towns signed…", «год назад», 27年前に):
    what they tell is history, whatever the report's date. One that also speaks of this year or edition
    ("a year ago …; this year …") compares, and is not history."""
    back, now = _years_ago(lang), current_edition_words(lang)
    if back is None:
        return frozenset()
    return frozenset(s.start for s in sentences
                     if back.search(s.text) and not (now is not None and now.search(s.text)))


# a sentence that dates this many days or more, spread over more than a month, lists a chronology
_CHRONOLOGY_DAYS = 3
_CHRONOLOGY_SPREAD = 31


def chronology_sentences(text: str, lang: str, reference: date | None) -> frozenset[int]:
    """Sentences that list dated happenings over months ("1) 13 February: A signs with B; 2) 13 March: …"): a
    timeline of other occasions, whose cities, counts and sums are not the event's. A programme of the event
    itself dates its days within a month, so it is no chronology."""
    days: dict[int, set[tuple[int, int]]] = {}
    for mention in _date_mentions(text, lang, reference):
        if mention.in_dateline or mention.first.month is None or mention.first.day is None:
            continue
        days.setdefault(mention.sentence_start, set()).add((mention.first.month, mention.first.day))
    return frozenset(start for start, dated in days.items() if len(dated) >= _CHRONOLOGY_DAYS
                     and max(m * 31 + d for m, d in dated) - min(m * 31 + d for m, d in dated) > _CHRONOLOGY_SPREAD)


def other_year_sentences(ctx: Context, dateline, published: date | None, event_year: int | None,
                         keep: frozenset[int] = frozenset()) -> frozenset[int]:
    """Sentences that date what they tell to another year: a full date written with its year, a year or more
    from the event's ("the agreement the two towns signed on 1 June 2021"), or an earlier year that opens the
    sentence and so dates all of it ("In 2021, 40 agreements were signed", «В 2023 году было подписано…»,
    "2021年には…"). What they count, sign or name belongs to that time, not to the event; the sentences in
    ``keep`` (those that tell and date the event) and any that write the event's year are never among them. A year
    further into the sentence may date only a part of it ("the forum, first held in 2015, saw 12 signings").
    Where the event's year is unknown (``None``), only the sentences a year opens are another year's."""
    mentions = _date_mentions(ctx.text, ctx.lang, reference_date(dateline, published))
    if event_year is None:
        fronted = frozenset(m.sentence_start for m in mentions if m.first.year is not None and not m.year_from_reference
                            and not m.in_dateline and m.sentence_start not in keep and not _in_quoted_name(ctx, m)
                            and _fronted_year(ctx, m, _FRONTED_CJK_UNDATED if ctx.lang in ("zh", "ja") else _FRONTED))
        return fronted | _carried_on(ctx, fronted, mentions, keep)
    own = {m.sentence_start for m in mentions if (m.first.year == event_year or (m.last and m.last.year == event_year))}
    own |= keep
    fronted = frozenset(m.sentence_start for m in mentions
                        if m.first.year is not None and not m.year_from_reference and not m.in_dateline
                        and m.first.year != event_year and (m.last is None or m.last.year != event_year)
                        and m.sentence_start not in own and not _in_quoted_name(ctx, m)
                        and _fronted_earlier_year(ctx, m, event_year))
    return fronted | _carried_on(ctx, fronted, mentions, own) | frozenset(
        m.sentence_start for m in mentions
        if m.first.year is not None and not m.year_from_reference and not m.in_dateline
        and m.first.year != event_year and (m.last is None or m.last.year != event_year)
        and m.sentence_start not in own and m.first.month is not None and m.first.day is not None
    )


def _carried_on(ctx: Context, fronted: frozenset[int], mentions, keep: frozenset[int]) -> frozenset[int]:
    """"In 2017 the forum drew 4,500 guests. 377 agreements were signed.": a year that opens a sentence dates the
    rest of its paragraph, up to a sentence with a date of its own, one that tells or dates the event (``keep``),
    or one that turns back to this edition ("this year", 本届)."""
    dated = {m.sentence_start for m in mentions}
    current = current_edition_words(ctx.lang)
    carried = set()
    sentences = ctx.sentences
    for i, sentence in enumerate(sentences):
        if sentence.start not in fronted:
            continue
        for following in sentences[i + 1:]:
            if "\n" in ctx.text[sentence.end:following.start] or following.start in dated \
                    or following.start in keep or following.start in fronted \
                    or (current is not None and current.search(following.text)):
                break
            carried.add(following.start)
    return frozenset(carried)


def other_year_named_sentences(ctx: Context, dateline, published: date | None, event_year: int | None,
                               event_months: frozenset[int] = frozenset()) -> frozenset[int]:
    """Sentences with a year that dates their clause, never the event's: a document signed one by one in such a
    sentence was signed then ("the agreement was signed in 2011", «подписано в 2011 году», "2011年に締結した").
    A count is not dropped on so little (a year deep in a sentence may date only a part of it), but a single
    signing has nothing else to date it. Where the event's year is unknown (``None``), any such year is another
    one: had it been the event's, the event would have had it. A month of the event's year that opens the
    sentence and is none of the event's months (``event_months``) dates it the same way ("In May, the leaders
    signed a joint statement", in the report of a June fair)."""
    other: set[int] = set()
    own: set[int] = set()
    for m in _date_mentions(ctx.text, ctx.lang, reference_date(dateline, published)):
        if m.in_dateline:
            continue
        if m.first.year is not None and not m.year_from_reference:
            named = {m.first.year} | ({m.last.year} if m.last and m.last.year else set())
            if event_year in named:
                own.add(m.sentence_start)
            elif _dates_the_clause(ctx, m):
                other.add(m.sentence_start)
        elif event_months and m.first.month is not None and m.first.month not in event_months \
                and (m.last is None or m.last.month not in event_months) and _opens_sentence(ctx, m):
            other.add(m.sentence_start)
    return frozenset(other - own)


def _opens_sentence(ctx: Context, mention) -> bool:
    return len(ctx.text[sentence_start(ctx, mention.start):mention.start].strip()) <= _MONTH_OPENS


# "5月,", "In May,", «В мае»: at most a word's worth before the month
_MONTH_OPENS = 4


# a year that dates its clause: after a preposition ("in 2011", «в 2011 году»), or before a particle, a comma or a
# signing verb (2011年に, 2011年、, 2011年签署); a year that runs into a noun names something (2025年日本国際博覧会協会)
_CLAUSE_YEAR_BEFORE = re.compile(r"(?:\b(?:in|during|back in)|(?<!\w)(?:в|во))\s*$", re.IGNORECASE)
_CLAUSE_YEAR_AFTER_CJK = re.compile(r"\s*(?:に|には|、|，|,|签|簽|缔|締)")
_TITLE_QUOTES = re.compile(quoted((("「", "」"), ("『", "』"), ("《", "》"), ("“", "”"), ("‘", "’"), ("«", "»"), ('"', '"')),
                                  0, 1000))


# the verb a year dates, right after it in Japanese ("2014年に改正した") and Chinese ("2014年修订的"), right before it
# in English ("revised in 2014") and Russian («принятого в 2014 году»)
_DEED_AFTER_JA = re.compile(r"(?:に|には)([^、。，\n]{1,12}?(?:した|された|れた|する|している))")
_DEED_AFTER_ZH = re.compile(r"([\u4e00-\u9fff]{1,4})的")
# a participle or a past form, lower-case (a capitalised "Astana in 2014" names a place, not a deed)
_DEED_BEFORE = re.compile(
    r"(?<!\w)([a-zа-яё]\w*(?:ed|нный|нного|нной|нным|нном|нная|нное|нные|тый|того|той|тое|тые|ан|ана|ано|аны|ен|ена|ено|ены))"
    r"\s+(?:in|в|во)\s*$")


def _dates_another_deed(ctx: Context, mention) -> bool:
    """"the investment law revised in 2014", "2014年に改正した法律": a year in a sentence about the event that
    dates another deed (a verb that is not the event's taking place) is not the event's."""
    text = ctx.text
    if ctx.lang == "ja":
        deed = _DEED_AFTER_JA.match(text, mention.end)
    elif ctx.lang == "zh":
        deed = _DEED_AFTER_ZH.match(text, mention.end)
    else:
        deed = _DEED_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return deed is not None and not has_occurrence_verb(deed.group(1), ctx.lang)


def _in_quoted_name(ctx: Context, mention) -> bool:
    """The year is part of a quoted title or name (the “Baltic 2019” forum, 「2023―2025年交流プロジェクト協定書」),
    which dates no clause."""
    sentence = sentence_of(ctx, mention.start)
    return any(q.start() <= mention.start - sentence.start < q.end() for q in _TITLE_QUOTES.finditer(sentence.text))


def _dates_the_clause(ctx: Context, mention) -> bool:
    sentence = sentence_of(ctx, mention.start)
    if _in_quoted_name(ctx, mention):
        return False  # a year in a title or name: 「2023―2025年交流プロジェクト協定書」
    if mention.first.month is not None and mention.first.day is not None:
        return True
    if ctx.lang in ("zh", "ja"):
        return bool(_CLAUSE_YEAR_AFTER_CJK.match(ctx.text, mention.end)) \
            or ctx.text[max(sentence.start, mention.start - 1):mention.start] in ("于", "於", "在")
    return bool(_CLAUSE_YEAR_BEFORE.search(ctx.text[max(sentence.start, mention.start - 12):mention.start]))


# a time adverbial that opens its sentence: "In 2021,", "Ещё в 2019 году", "2021年には"
_FRONTED = 16
# Where the event's year is unknown, any year might be its own, so only one that truly opens the sentence dates
# it: in Chinese and Japanese, where a character says as much as a Latin word, two of them ("早在", "而在") may
# stand before it; more make the year part of the clause ("…签署了2012年度协议书")
_FRONTED_CJK_UNDATED = 2


def _fronted_earlier_year(ctx: Context, mention, event_year: int) -> bool:
    """A year alone, before the event's, at the head of its sentence and not the start of a span up to now
    ("since 2015", «с 2015 года», "2015年以来")."""
    return mention.first.year < event_year and _fronted_year(ctx, mention, _FRONTED)


def _fronted_year(ctx: Context, mention, limit: int) -> bool:
    if mention.kind != "year_only" or mention.bound is not None:
        return False
    return len(ctx.text[mention.sentence_start:mention.start].lstrip()) <= limit
