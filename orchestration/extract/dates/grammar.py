"""The grammar of date expressions: one set of patterns per language, built from ``lexicons/<lang>/dates.yml``.

``scan`` reads every date-like span of a text into a raw candidate (``Raw``) that keeps what the text says:
numbers, names, relative words, weekday modifiers. Nothing here knows the day of the report; resolving against
it is ``resolution``'s work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from orchestration.extract.dates.common import (
    CJK,
    CN_DIGIT,
    YEAR,
    alt,
    cjk_int,
    key,
    valid,
    word_map,
)
from orchestration.extract import russian
from orchestration.extract.dates.model import PartialDate
from orchestration.extract.lexicons import LANGUAGES, lexicon
from orchestration.extract.text import Spans


@dataclass
class Raw:
    """A date as read from the text, before context and the reference are applied."""

    start: int
    end: int
    kind: str
    first: PartialDate = PartialDate()
    last: PartialDate | None = None
    rel_days: int | None = None  # today = 0, yesterday = -1
    rel_weeks: int | None = None  # last week = -1
    rel_month: int | None = None  # "上月28日", "先月28日": the 28th of the month before the report's
    rel_year: int | None = None  # a year word: "прошлого года", "去年"
    same_day: bool = False  # "当日", "the same day"
    weekday: int | None = None
    last_weekday: int | None = None
    weekday_mode: str = "recent"  # recent | strict_past | next | future
    stated_weekday: int | None = None  # written beside a full date: "5月10日(火)", "Tuesday, May 10"
    week_offset: int | None = None  # 上周二: the Tuesday of the previous calendar week
    day_only: bool = False  # "22日": month (and year) from context
    short_year: bool = False  # "12.07.25", "24年3月": the century is the reference's
    bound: str | None = None  # from | until | since: "с 5 мая", "until May 5", "8月31日まで", "2015年以来"


@dataclass
class Grammar:
    lang: str
    patterns: list[Any]  # _Pattern
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    governing_relative_days: frozenset[str]  # «накануне»: the day before, unless a genitive follows (the eve of)
    relative_weeks: dict[str, int]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    year_qualifiers: dict[str, int]
    numerals: dict[str, int]
    eras: dict[str, int]
    week_modifiers: dict[str, int]
    past_modifiers: set[str]
    next_modifiers: set[str]
    future_prepositions: set[str]
    year_left_context: set[str]
    count_left_context: set[str]  # "and 2019 companies": before a lowercase noun, a number after these is a count
    year_blockers: tuple[str, ...]
    day_blockers: tuple[str, ...]
    spaced_day_blockers: tuple[str, ...]
    day_blocker_exceptions: tuple[str, ...]
    numeric_order: str
    cue_re: re.Pattern[str] | None
    cue_kinds: dict[str, str]
    future_re: re.Pattern[str] | None  # words of an announcement: "will", "состоится", "将", "予定"
    past_re: re.Pattern[str] | None  # words of a report: "opened", "прошел", "了", "開かれた"
    bound_before: re.Pattern[str] | None  # "until", "до", "至" right before a date, ending at the date
    bound_after: re.Pattern[str] | None  # "まで", "起", "以来" right after a date
    bound_kinds: dict[str, str]  # word -> from | until | since
    pair_connectors: set[str]  # "and", "и", "和", "と": a span only of two consecutive days
    pair_connectors_span: set[str]  # "between", "между": "between May 5 and 7" is a span
    not_bound_before: re.Pattern[str] | None  # "截至" (as of) is no "至" (until)
    not_bound_after: re.Pattern[str] | None  # "7日までの成約額" (the tally up to the 7th) is no "まで" (until)
    lowercase: bool  # scan a lower-cased copy (Russian: case never matters for its date words)
    day_words: dict[str, int] = field(default_factory=dict)  # "девятого", "ninth": a day written as a word
    weekday_chars: dict[str, int] = field(default_factory=dict)  # CJK: "火", "二" inside "(火)", "(星期二)"




def _group(m: "_M", name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _int_group(m: "_M", name: str, g: Grammar) -> int | None:
    value = _group(m, name)
    if not value and name[0] == "d" and g.day_words:
        value = _group(m, "dw" + name[1:])
    if not value:
        return None
    if not value[0].isdigit() and key(value) in g.day_words:
        return g.day_words[key(value)]
    return cjk_int(value, g.numerals)


def _month_group(m: "_M", name: str, g: Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    if value.isdigit() or value[0] in g.numerals:
        return cjk_int(value, g.numerals)
    return g.months.get(key(value))


def _year_group(m: "_M", name: str, g: Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    for era, base in g.eras.items():
        if value.startswith(era):
            rest = value[len(era):]
            return base + (1 if rest == "元" else (cjk_int(rest, g.numerals) or 0))
    if len(value) == 2 and value.isdigit():  # "12.07.25"
        return 2000 + int(value)
    return cjk_int(value, g.numerals)


def _rel_year_group(m: "_M", name: str, g: Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    word = key(value)
    if word in g.year_qualifiers:
        return g.year_qualifiers[word]
    return g.relative_years.get(word)


def _is_copyright(text: str, start: int) -> bool:
    before = text[max(0, start - 14):start].lower()
    return "©" in before or "copyright" in before or "(c)" in before


# ------------------------------------------------------------------------------------- generic handlers


def _h_single(m: "_M", g: Grammar) -> Raw | None:
    y, mo, d = _year_group(m, "y1", g), _month_group(m, "m1", g), _int_group(m, "d1", g)
    if not valid(y, mo, d):
        return None
    raw = Raw(m.start(), m.end(), "absolute", PartialDate(y, mo, d))
    if y is None:
        raw.rel_year = _rel_year_group(m, "ry1", g)
    stated = _group(m, "sw1")
    if stated:
        raw.stated_weekday = g.weekdays.get(key(stated), g.weekday_chars.get(stated))
    return raw


def _h_range(m: "_M", g: Grammar) -> Raw | None:
    d1, d2 = _int_group(m, "d1", g), _int_group(m, "d2", g)
    if _pair_not_span(m, g, d1, d2):
        return None
    m1, m2 = _month_group(m, "m1", g), _month_group(m, "m2", g)
    y1, y2 = _year_group(m, "y1", g), _year_group(m, "y2", g)
    if m2 is None:
        m2 = m1
    if m1 is None:
        m1 = m2
    if m1 is None or d1 is None or d2 is None:
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    if not (valid(y1, m1, d1) and valid(y2, m2, d2)):
        return None
    if m1 == m2 and y1 == y2 and d2 <= d1:
        return None  # "19-5" is not a range of days
    raw = Raw(m.start(), m.end(), "range", PartialDate(y1, m1, d1), PartialDate(y2, m2, d2))
    if y1 is None:
        raw.rel_year = _rel_year_group(m, "ry1", g) if _group(m, "ry1") else _rel_year_group(m, "ry2", g)
    return raw


def _pair_not_span(m: "_M", g: Grammar, d1: int | None, d2: int | None) -> bool:
    """"May 5 and 7", "5 и 7 июня", "5日和7日" are two days; "June 5 and 6" and "between May 5 and 7" are spans."""
    conn = key(_group(m, "conn") or "")
    if conn not in g.pair_connectors or key(_group(m, "pre") or "") in g.pair_connectors_span:
        return False
    same_month = _group(m, "m1") is None or _group(m, "m2") is None or _group(m, "m1") == _group(m, "m2")
    return not (same_month and d1 is not None and d2 == d1 + 1)


def _h_day_range(m: "_M", g: Grammar) -> Raw | None:
    d1, d2 = _int_group(m, "d1", g), _int_group(m, "d2", g)
    if _pair_not_span(m, g, d1, d2):
        return None
    if d1 is None or d2 is None or not (valid(None, None, d1) and valid(None, None, d2)) or d2 <= d1:
        return None
    if _blocked_after(m, g):
        return None
    raw = Raw(m.start(), m.end(), "range", PartialDate(None, None, d1), PartialDate(None, None, d2))
    raw.day_only = True
    rel_month = _group(m, "rm")
    if rel_month:
        raw.rel_month = g.relative_months.get(key(rel_month))
    return raw


def _h_day_only(m: "_M", g: Grammar) -> Raw | None:
    d = _int_group(m, "d1", g)
    if d is None or not valid(None, None, d) or _blocked_after(m, g):
        return None
    raw = Raw(m.start(), m.end(), "absolute", PartialDate(None, None, d))
    raw.day_only = True
    rel_month = _group(m, "rm")
    if rel_month:
        raw.rel_month = g.relative_months.get(key(rel_month))
    return raw


def _h_day_of_relative_month(m: "_M", g: Grammar) -> Raw | None:
    return _h_day_only(m, g) if _group(m, "rm") else None


def _h_day_after_preposition(m: "_M", g: Grammar) -> Raw | None:
    """"on the 14th", "until the 9th": a day alone needs its preposition."""
    pre = key(_group(m, "pre") or "")
    if not pre:
        return None
    raw = _h_day_only(m, g)
    if raw is not None:
        raw.bound = g.bound_kinds.get(pre) if g.bound_kinds.get(pre) == "until" else None
    return raw


def _blocked_after(m: "_M", g: Grammar) -> bool:
    tail = m.string[m.end():m.end() + 4]
    if g.spaced_day_blockers and m.string[m.end() - 2: m.end() - 1].isspace() \
            and tail.startswith(g.spaced_day_blockers):
        return True  # "図2 日中韓": a number, then 日中 "Japan-China"
    if any(tail.startswith(e) for e in g.day_blocker_exceptions):
        return False
    return any(tail.startswith(b) for b in g.day_blockers)


# "05/11/2021 14h37": a time written with an h between hours and minutes is the day-first world's (France, Brazil),
# whatever the page's language
_DAY_FIRST_CLOCK = re.compile(r"[ \t]+(?:[01]?\d|2[0-3])h[0-5]\d(?!\d)")


def _h_numeric(m: "_M", g: Grammar) -> Raw | None:
    day_first = bool(_DAY_FIRST_CLOCK.match(m.string, m.end()))
    day = _numeric_day(int(m.group("p")), int(m.group("q")), _year_group(m, "y1", g), m.group("sep"), g,
                       day_first=day_first)
    return Raw(m.start(), m.end(), "absolute", day) if day is not None else None


def _numeric_day(p: int, q: int, y: int | None, sep: str, g: Grammar, day_first: bool = False) -> PartialDate | None:
    month_first = sep == "/" and g.numeric_order in ("mdy", "ymd") and not day_first
    mo, d = (p, q) if month_first else (q, p)
    if not valid(y, mo, d) and valid(y, d, mo):
        mo, d = d, mo
    return PartialDate(y, mo, d) if valid(y, mo, d) else None


def _h_numeric_range(m: "_M", g: Grammar) -> Raw | None:
    """"23.11.2021 - 26.11.2021": two numeric dates joined by a dash, as event pages print a span."""
    first = _numeric_day(int(m.group("p")), int(m.group("q")), _year_group(m, "y1", g), m.group("sep"), g)
    last = _numeric_day(int(m.group("p2")), int(m.group("q2")), _year_group(m, "y2", g), m.group("sep"), g)
    if first is None or last is None or (last.year, last.month, last.day) < (first.year, first.month, first.day):
        return None
    return Raw(m.start(), m.end(), "range", first, last)


def _h_iso(m: "_M", g: Grammar) -> Raw | None:
    y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    if not valid(y, mo, d):
        return None
    return Raw(m.start(), m.end(), "absolute", PartialDate(y, mo, d))


def _h_month(m: "_M", g: Grammar) -> Raw | None:
    y, mo = _year_group(m, "y1", g), _month_group(m, "m1", g)
    ry = _rel_year_group(m, "ry1", g)
    if g.lang in ("ru", "en") and y is None and not _group(m, "prep"):
        return None  # a bare "March"/"мая" is too often a name; need "в марте" or "March 2024"
    if mo is None or not valid(y, mo, None):
        return None
    raw = Raw(m.start(), m.end(), "month_only", PartialDate(y, mo, None))
    if y is None:
        raw.rel_year = ry
    return raw


def _h_month_range(m: "_M", g: Grammar) -> Raw | None:
    m1, m2 = _month_group(m, "m1", g), _month_group(m, "m2", g)
    y1, y2 = _year_group(m, "y1", g), _year_group(m, "y2", g)
    if m1 is None or m2 is None or m1 == m2:
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    if not (valid(y1, m1, None) and valid(y2, m2, None)):
        return None
    if y1 == y2 and m2 < m1:
        return None
    raw = Raw(m.start(), m.end(), "range", PartialDate(y1, m1, None), PartialDate(y2, m2, None))
    if y1 is None:
        raw.rel_year = _rel_year_group(m, "ry1", g)  # "去年1-9月"
    return raw


def _h_year(m: "_M", g: Grammar) -> Raw | None:
    if _is_copyright(m.string, m.start()):
        return None
    y1, y2 = _year_group(m, "y1", g), _year_group(m, "y2", g)
    if y1 is None or not valid(y1, None, None):
        return None
    if y2 is not None and not (valid(y2, None, None) and y2 > y1):
        return None
    return Raw(m.start(), m.end(), "year_only", PartialDate(y1), PartialDate(y2) if y2 else None)


# after the year, a preposition or a stop: "саммита - 2012 на ярмарке", not a count ("форума — 2000 человек")
_AFTER_NAMED_YEAR = re.compile(r"\s*(?:[^\w\s]|$)|\s+[а-яё]{1,2}\b")


def _h_named_year(m: "_M", g: Grammar) -> Raw | None:
    """A year after an event noun and a dash: the year alone is the mention; without the noun, no year."""
    if not m.optional("named") or not _AFTER_NAMED_YEAR.match(m.string, m.end()):
        return None
    raw = _h_year(m, g)
    if raw is not None:
        raw.start = m.end() - len(m.group("y1"))
    return raw


def _event_noun_stems(lang: str) -> str:
    return alt(noun.lower() for noun in lexicon(lang, "events")["event_nouns"])


def _h_bare_year_en(m: "_M", g: Grammar) -> Raw | None:
    """A bare English year needs a year-like neighbour: "in 2019", "the 2020 marathon", "Expo 2020 Dubai"."""
    text = m.string
    before = text[max(0, m.start() - 24):m.start()]
    prev = re.search(r"([A-Za-z][\w'-]*)\W*$", before)
    nxt = re.match(r"\s+([A-Za-z][\w'-]*)", text[m.end():m.end() + 30])
    ok = False
    if prev and nxt and prev.group(1).lower() in g.count_left_context and nxt.group(1).islower() \
            and nxt.group(1) not in g.count_left_context:
        return None  # "and 2019 companies signed": a count
    if prev and (prev.group(1).lower() in g.year_left_context or prev.group(1).lower().endswith("'s")):
        ok = True
    elif prev and prev.group(1)[0].isupper():  # "Expo 2020"
        ok = True
    elif nxt and nxt.group(1)[0].isupper():
        ok = True
    if not ok:
        return None
    return _h_year(m, g)


def _h_bare_year_cjk(m: "_M", g: Grammar) -> Raw | None:
    tail = m.string[m.end():m.end() + 3]
    if any(tail.startswith(b) for b in g.year_blockers):
        return None
    return _h_year(m, g)


def _h_rel_year(m: "_M", g: Grammar) -> Raw | None:
    offset = g.relative_years.get(key(m.group("ry1")))
    if offset is None:
        return None
    raw = Raw(m.start(), m.end(), "year_only")
    raw.rel_year = offset
    return raw


def _h_weekday(m: "_M", g: Grammar) -> Raw | None:
    wd = g.weekdays.get(key(m.group("wd1")))
    if wd is None:
        return None
    before = m.string[m.start() - 1:m.start()] if m.start() else ""
    if g.numerals and before and (before.isdigit() or before in g.numerals or before in "每毎"):
        return None  # "一周一次" once a week, "每周二" every Tuesday
    raw = Raw(m.start(), m.end(), "weekday", weekday=wd)
    mod = key(_group(m, "mod") or "")
    if key(_group(m, "prep") or "") in g.future_prepositions:  # "курс на вторник": the coming Tuesday
        raw.weekday_mode = "future"
    elif mod in g.past_modifiers:
        raw.weekday_mode = "strict_past"
    elif mod in g.next_modifiers:
        raw.weekday_mode = "next"
    wk = _group(m, "wk")
    if wk:
        raw.week_offset = g.week_modifiers.get(wk)
    return raw


# the words that join two weekdays as a pair ("Thursday and Friday", «в четверг и пятницу», 周四和周五) and the
# prepositions that make any pair a span ("between Monday and Wednesday")
_WEEKDAY_CONJUNCTIONS = frozenset({"and", "и", "和", "、"})
_SPAN_PREPOSITIONS = frozenset({"between", "между"})


def _h_weekday_range(m: "_M", g: Grammar) -> Raw | None:
    pre = (_group(m, "pre") or "").lower()
    conn = (_group(m, "conn") or "").strip().lower()
    wd1, wd2 = g.weekdays.get(key(m.group("wd1"))), g.weekdays.get(key(m.group("wd2")))
    if wd1 is None or wd2 is None or wd1 == wd2:
        return None
    # two weekdays joined by "and" are a span only when one follows the other ("on Thursday and Friday"); "on
    # Monday and Wednesday" names two separate days
    if conn in _WEEKDAY_CONJUNCTIONS and pre not in _SPAN_PREPOSITIONS and wd2 != (wd1 + 1) % 7:
        return None
    return Raw(m.start(), m.end(), "range", weekday=wd1, last_weekday=wd2)


_NEXT_WORD = re.compile(r"\s+([а-яё]+)")


# "Egypt Today", "USA TODAY": a capitalised relative day right after a capitalised word on its line
# is the last word of a name (an outlet's, a magazine's), not a day
_NAME_BEFORE = re.compile(r"(?:^|[^\w])[A-ZА-ЯЁ][\w.'’-]*[ \t]+$")


def _h_relative(m: "_M", g: Grammar) -> Raw | None:
    word = key(m.group("rel"))
    offset = g.relative_days.get(word)
    if offset is None:
        return None
    surface = m.group("rel")
    at = m.start() + max(0, m.group(0).find(surface))
    if surface[:1].isupper() and surface[:1].isalpha() and _NAME_BEFORE.search(m.string, max(0, at - 40), at):
        return None
    if word in g.governing_relative_days and (following := _NEXT_WORD.match(m.string, m.end())) \
            and russian.is_genitive_nominal(following.group(1)):
        return None  # «накануне форума»: the eve of something, not the day before the report
    raw = Raw(m.start(), m.end(), "relative", rel_days=offset)
    pd = _int_group(m, "pd", g)
    if pd is not None and valid(None, None, pd):
        raw.first = PartialDate(None, None, pd)  # "今日(6日)": the text states the day
    return raw


def _h_same_day(m: "_M", g: Grammar) -> Raw | None:
    return Raw(m.start(), m.end(), "relative", same_day=True)


def _h_rel_week(m: "_M", g: Grammar) -> Raw | None:
    offset = g.relative_weeks.get(key(m.group("rw")))
    if offset is None:
        return None
    return Raw(m.start(), m.end(), "relative", rel_weeks=offset)


# ------------------------------------------------------------------------------------------ the grammars


@dataclass(frozen=True)
class _Pattern:
    """A date pattern: ``core`` starts at the date's distinctive token (a digit, a month or weekday name) so that
    the regex engine can skip quickly; optional words before it ("с", "from", "去年", "2024年") are matched
    backwards by ``prefix``, which must end where the core starts."""

    core: re.Pattern[str]
    handler: Callable[["_M", "Grammar"], Raw | None]
    prefix: re.Pattern[str] | None = None


class _M:
    """The groups of a core match and its prefix, read like a match object."""

    __slots__ = ("string", "_start", "_end", "_groups")

    def __init__(self, string: str, start: int, end: int, groups: dict[str, str | None]):
        self.string, self._start, self._end, self._groups = string, start, end, groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str | int = 0) -> str | None:
        if name == 0:
            return self.string[self._start:self._end]
        if name not in self._groups:
            raise IndexError(name)
        return self._groups[name]

    def optional(self, name: str) -> str | None:
        """A group of the prefix, which may not have matched."""
        return self._groups.get(name)


_PREFIX_WINDOW = 40
_DIGIT_AHEAD = r"(?=\d)"  # lets the regex engine skip to the next digit


def _numeric_patterns(lang: str) -> list[_Pattern]:
    """Numeric dates, language-neutral apart from the order of day and month."""
    lead = _DIGIT_AHEAD + r"(?<![\d.+\-/,])(?<!\d:)"  # not inside a phone number, a time or a longer number
    trail = r"(?![\d]|[-/.]\d)"
    pats = [
        # a span of two numeric dates ("23.11.2021 - 26.11.2021"), before either is read alone
        _Pattern(re.compile(lead + rf"(?P<p>\d{{1,2}})(?P<sep>[/.])(?P<q>\d{{1,2}})(?P=sep)(?P<y1>{YEAR})\s*[-–—]\s*"
                                   rf"(?P<p2>\d{{1,2}})(?P=sep)(?P<q2>\d{{1,2}})(?P=sep)(?P<y2>{YEAR})" + trail),
                 _h_numeric_range),
        # ISO and its variants: the year first is unambiguous.
        _Pattern(re.compile(lead + rf"(?P<y1>{YEAR})(?P<sep>[-/.])(?P<m1>1[0-2]|0?[1-9])(?P=sep)"
                                   rf"(?P<d1>3[01]|[12]\d|0?[1-9])" + trail), _h_iso),
        _Pattern(re.compile(lead + rf"(?P<p>\d{{1,2}})(?P<sep>[-/.])(?P<q>\d{{1,2}})(?P=sep)(?P<y1>{YEAR})" + trail),
                 _h_numeric),
        # the year, a space, then a two-digit month and day: a news site's stamp ("2023 07/18 19:32:57")
        _Pattern(re.compile(lead + rf"(?P<y1>{YEAR}) (?P<m1>1[0-2]|0[1-9])/(?P<d1>3[01]|[12]\d|0[1-9])" + trail),
                 _h_iso),
    ]
    if lang == "ru":  # "12.07.25"
        pats.append(_Pattern(re.compile(lead + r"(?P<p>\d{2})(?P<sep>\.)(?P<q>\d{2})\.(?P<y1>\d{2})" + trail),
                             _h_numeric))
    return pats


def lexicon_alt(lex: dict[str, Any], key: str) -> str:
    words: list[str] = []
    table = lex.get(key) or {}
    if isinstance(table, dict):
        for ws in table.values():
            words.extend(ws or [])
    else:
        words.extend(table)
    return alt(words)


def _common_maps(lang: str, lex: dict[str, Any]) -> dict[str, Any]:
    weekdays = word_map(lex.get("weekdays"))
    weekdays.update(word_map(lex.get("ambiguous_weekdays")))
    cue_kinds: dict[str, str] = {}
    for kind, words in (lex.get("cues") or {}).items():
        for w in words or []:
            cue_kinds[key(w)] = kind
    cue_alt = alt(list(cue_kinds))
    future = alt([w.lower() for w in lex.get("future_markers") or []])
    past = alt([w.lower() for w in lex.get("past_markers") or []])
    if lang in ("ru", "en"):  # matched in a lower-cased copy of the text
        initials = "".join(sorted({w[0] for w in cue_kinds}))
        cue_re = re.compile(rf"(?=[{initials}])(?<!\w)(?:{cue_alt})(?!\w)") if cue_alt else None
        future_re = re.compile(rf"(?<!\w)(?:{future})(?!\w)") if future else None
        past_re = re.compile(rf"(?<!\w)(?:{past})(?!\w)") if past else None
    else:
        cue_re = re.compile(f"(?:{cue_alt})") if cue_alt else None
        future_re = re.compile(f"(?:{future})") if future else None
        past_re = re.compile(f"(?:{past})") if past else None
    bound_kinds: dict[str, str] = {}
    before_words: list[str] = []
    after_words: list[str] = []
    for kind in ("from", "until", "since"):
        for w in lex.get(f"{kind}_before") or []:
            bound_kinds[key(w)] = kind
            before_words.append(w)
        for w in lex.get(f"{kind}_after") or []:
            bound_kinds[key(w)] = kind
            after_words.append(w)
    word_edge = lang in ("ru", "en")
    lb, rb = (r"(?<!\w)", r"(?!\w)") if word_edge else ("", "")
    # English keeps its capitals (Russian is scanned lower-cased): "Since 2015" opening a sentence is "since 2015"
    flags = re.IGNORECASE if lang == "en" else 0
    bound_before = re.compile(rf"{lb}(?P<w>{alt(before_words)})\s*$", flags) if before_words else None
    bound_after = re.compile(rf"\s*(?P<w>{alt(after_words)}){rb}", flags) if after_words else None
    not_before = alt(lex.get("not_bound_before") or [])
    not_bound_before = re.compile(rf"{lb}(?:{not_before})\s*$", flags) if not_before else None
    not_after = alt(lex.get("not_bound_after") or [])
    not_bound_after = re.compile(rf"\s*(?:{not_after}){rb}", flags) if not_after else None
    return dict(
        pair_connectors={key(w) for w in lex.get("pair_connectors") or []},
        pair_connectors_span={key(w) for w in lex.get("pair_span_prefixes") or []},
        bound_before=bound_before,
        bound_after=bound_after,
        bound_kinds=bound_kinds,
        not_bound_before=not_bound_before,
        not_bound_after=not_bound_after,
        weekdays=weekdays,
        relative_days={**word_map(lex.get("relative_days")), **word_map(lex.get("relative_day_prefixes"))},
        governing_relative_days=frozenset(key(w) for w in lex.get("governing_relative_days") or []),
        relative_weeks=word_map(lex.get("relative_weeks")),
        relative_months=word_map(lex.get("relative_months")),
        relative_years=word_map(lex.get("relative_years")),
        year_qualifiers=word_map(lex.get("relative_year_qualifiers")),
        past_modifiers={key(w) for w in lex.get("weekday_past_modifiers") or []},
        next_modifiers={key(w) for w in lex.get("weekday_next_modifiers") or []},
        future_prepositions={key(w) for w in lex.get("weekday_future_prepositions") or []},
        year_left_context={key(w) for w in lex.get("year_left_context") or []},
        count_left_context={key(w) for w in lex.get("count_left_context") or []},
        numeric_order=lex.get("numeric_order", "dmy"),
        cue_re=cue_re,
        cue_kinds=cue_kinds,
        future_re=future_re,
        past_re=past_re,
    )


def _relative_patterns(lex: dict[str, Any], boundary: bool, flags: int) -> list[_Pattern]:
    lb, rb = (r"(?<!\w)", r"(?!\w)") if boundary else ("", "")
    out: list[_Pattern] = []
    rel_weeks = lexicon_alt(lex, "relative_weeks")
    if rel_weeks:
        out.append(_Pattern(re.compile(rf"{lb}(?P<rw>{rel_weeks}){rb}", flags), _h_rel_week))
    rel_years = lexicon_alt(lex, "relative_years")
    if rel_years:
        out.append(_Pattern(re.compile(rf"{lb}(?P<ry1>{rel_years}){rb}", flags), _h_rel_year))
    same = alt(lex.get("same_day") or [])
    if same:
        out.append(_Pattern(re.compile(rf"{lb}(?:{same}){rb}", flags), _h_same_day))
    rel_days = lexicon_alt(lex, "relative_days")
    if rel_days:
        paren_day = r"(?:\s*\(\s*(?P<pd>\d{1,2})\s*[日号]\s*\))?"  # "今日(6日)"
        out.append(_Pattern(re.compile(rf"{lb}(?P<rel>{rel_days}){rb}{paren_day}", flags), _h_relative))
    prefixes = lexicon_alt(lex, "relative_day_prefixes")
    followers = alt(lex.get("relative_day_prefix_followers") or [])
    if prefixes and followers:
        # the press's one-character "today", "yesterday": "论坛昨在澳门举行", "今(22)日登场"
        out.append(_Pattern(re.compile(rf"(?P<rel>{prefixes})\s*[(（]\s*(?P<pd>\d{{1,2}})\s*[)）]\s*[日号]", flags),
                            _h_relative))
        out.append(_Pattern(re.compile(rf"(?P<rel>{prefixes})(?=(?:{followers}))", flags), _h_relative))
    return out


def _ru_grammar(lex: dict[str, Any]) -> Grammar:
    # Russian is scanned in a lower-cased copy of the text, so the patterns need no IGNORECASE.
    months = word_map(lex["months"])
    months.update(word_map(lex.get("month_abbreviations")))
    full = lexicon_alt(lex, "months")
    abbr = lexicon_alt(lex, "month_abbreviations")
    nl = r"(?![а-яёa-z])"
    lw = r"(?<![а-яё])"

    def month(i: int) -> str:
        return rf"(?P<m{i}>(?:{full}){nl}|(?:{abbr})(?:\.|{nl}))"

    day_words = alt(list(word_map(lex.get("day_ordinal_words"))))

    def day(i: int) -> str:
        digits = rf"{_DIGIT_AHEAD}(?<![\d.,:])(?P<d{i}>3[01]|[12]\d|0?[1-9])(?:-?(?:го|е|ое|ого))?"
        if not day_words:
            return digits
        return rf"(?:{digits}|{lw}(?P<dw{i}>{day_words}){nl})"

    year_words = "|".join(
        re.escape(w) + ("" if w.endswith(".") else nl)
        for w in sorted(lex.get("year_words") or [], key=len, reverse=True)
    )

    def year(i: int) -> str:
        return rf"(?:\s*,?\s*(?P<y{i}>{YEAR})(?!\d)(?:\s*(?:{year_words}))?)"

    qualifiers = lexicon_alt(lex, "relative_year_qualifiers")

    def rel_year(i: int) -> str:
        return rf"(?:\s+(?P<ry{i}>{qualifiers}))?"

    preps = alt(lex.get("month_prepositions") or [])
    wd_all = alt(list(word_map(lex.get("weekdays"))) + list(word_map(lex.get("ambiguous_weekdays"))))
    wd_plain = lexicon_alt(lex, "weekdays")
    wd_from = alt(lex.get("weekday_range_from") or [])
    wd_to = alt(lex.get("weekday_range_to") or [])
    wd_preps = alt((lex.get("weekday_prepositions") or []) + (lex.get("weekday_future_prepositions") or []))
    mods = alt((lex.get("weekday_past_modifiers") or []) + (lex.get("weekday_next_modifiers") or []))
    range_from = re.compile(rf"{lw}(?P<pre>с|со|от|между)\s+$")
    conn = r"\s*(?P<conn>(?:по|до|и)\s+|[-–—]\s*)"
    patterns = [
        _Pattern(re.compile(day(1) + r"\s+" + month(1) + year(1) + "?" + rel_year(1) + conn + day(2) + r"\s+"
                            + month(2) + year(2) + "?" + rel_year(2)), _h_range, range_from),
        _Pattern(re.compile(day(1) + conn + day(2) + r"\s+" + month(2) + year(2) + "?" + rel_year(2)), _h_range,
                 range_from),
        _Pattern(re.compile(rf"{lw}(?P<pre>{wd_from})\s+(?P<wd1>{wd_all})\s+(?P<conn>{wd_to})\s+(?P<wd2>{wd_all}){nl}"),
                 _h_weekday_range),
        *_numeric_patterns("ru"),
        # «в понедельник, 3 марта»: the date's own weekday before it
        _Pattern(re.compile(day(1) + r"\s+" + month(1) + year(1) + "?" + rel_year(1)), _h_single,
                 re.compile(rf"(?:(?:{lw}(?:{wd_preps})\s+)?{lw}(?P<sw1>{wd_all}){nl}\s*,?\s+)?$")),
        # «Март 14, 2019 10:30»: a site template's English order with Russian month names; only with its year, so
        # that «в марте 8 человек» reads no date
        _Pattern(re.compile(rf"{lw}(?P<m1>{full}){nl}\s+{day(1)}\s*,\s*(?P<y1>{YEAR})(?!\d)"), _h_single),
        # "в январе–марте 2024 года": a span of months
        _Pattern(re.compile(rf"{lw}(?P<m1>{full}){nl}\s*(?P<conn>[-–—]|по\s|до\s)\s*(?P<m2>{full}){nl}"
                            rf"(?:\s+(?P<y2>{YEAR})(?!\d)(?:\s*(?:{year_words}))?)?"), _h_month_range,
                 re.compile(rf"{lw}(?P<prep>{preps})\s+$")),
        _Pattern(re.compile(rf"{lw}(?P<m1>{full}){nl}(?:\s+(?P<y1>{YEAR})(?!\d)(?:\s*(?:{year_words}))?"
                            rf"|\s+(?P<ry1>{qualifiers}))?"), _h_month, re.compile(rf"{lw}(?P<prep>{preps})\s+$")),
        # "14-го числа": a day alone, its month from the day of the report
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d.,:])(?P<d1>3[01]|[12]\d|0?[1-9])(?:-?го)?\s+числа{nl}"),
                 _h_day_only),
        # "в 2019 году", "2021 г.", "2019-2020 гг.", "в 2023-м году"
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d.,])(?P<y1>{YEAR})(?:\s*[-–—]\s*(?P<y2>{YEAR}))?"
                            rf"(?:-(?:м|го|й|е){nl})?\s*(?:{year_words})"), _h_year),
        # "Экспо-2021", "Иннопром-2016": the event's year glued to its name
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<=[a-zа-яё][-–])(?P<y1>{YEAR})(?!\d)"), _h_year),
        # "бизнес-саммита - 2012": or set off from its event noun by a spaced dash
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?P<y1>{YEAR})(?![\d%])"), _h_named_year,
                 re.compile(rf"(?P<named>(?:{_event_noun_stems('ru')})[а-яё]*)\s[-–—]\s$")),
        *_relative_patterns(lex, True, 0),
        _Pattern(re.compile(rf"{lw}(?P<wd1>{wd_plain}){nl}"), _h_weekday,
                 re.compile(rf"(?:{lw}(?P<prep>{wd_preps})\s+)?(?:(?P<mod>{mods})\s+)?$")),
    ]
    return Grammar("ru", patterns, months, numerals={}, eras={}, week_modifiers={}, year_blockers=(),
                    day_blockers=(), spaced_day_blockers=(), day_blocker_exceptions=(), lowercase=True,
                    day_words=word_map(lex.get("day_ordinal_words")), **_common_maps("ru", lex))


def _en_grammar(lex: dict[str, Any]) -> Grammar:
    # Month and weekday names keep their capital ("May", "March" are also words); relative words do not.
    months = word_map(lex["months"])
    months.update(word_map(lex.get("month_abbreviations")))
    full_words = [w for ws in lex["months"].values() for w in ws]
    abbr_words = [w for ws in (lex.get("month_abbreviations") or {}).values() for w in ws]
    full = alt(full_words + [w.upper() for w in full_words])
    abbr = alt(abbr_words + [w.upper() for w in abbr_words])
    any_month = rf"(?:(?:{full})\b|(?:{abbr})(?:\.|\b))"
    caps = "".join(sorted({w[0] for w in full_words + abbr_words}))
    month_ahead = f"(?=[{caps}])"

    def month(i: int) -> str:
        return rf"(?P<m{i}>(?:{full})\b|(?:{abbr})(?:\.|\b))"

    not_number = r"(?!,\d{3}(?!\d)|[:.]\d|\s*%|\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b))"

    def day(i: int) -> str:
        return rf"(?<![\d,.$])(?P<d{i}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d){not_number}"

    def year(i: int) -> str:
        # "May 12, 2022"; an agency's dateline "May 12/2022"
        return rf"(?:(?:\s*,?\s*|/)(?P<y{i}>{YEAR})(?![\d]))"

    qualifiers = lexicon_alt(lex, "relative_year_qualifiers")

    def rel_year(i: int) -> str:
        return rf"(?:\s+(?P<ry{i}>{qualifiers}))?"

    weekdays = [w for ws in lex["weekdays"].values() for w in ws]
    wd = alt(weekdays + [w.upper() for w in weekdays])
    wd_caps = "".join(sorted({w[0] for w in weekdays}))
    preps = alt(lex.get("month_prepositions") or [])
    mods = alt((lex.get("weekday_past_modifiers") or []) + (lex.get("weekday_next_modifiers") or []))
    range_from = re.compile(r"\b(?P<pre>[Ff]rom|[Bb]etween)\s+(?:the\s+)?$")
    stated_weekday = re.compile(rf"\b(?P<sw1>{wd}),?\s+$")  # "Tuesday, May 10": the date's own weekday
    conn = r"\s*(?P<conn>-|–|—|to\b|through\b|until\b|till\b|and\b)\s*"
    patterns = [
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + year(1) + "?" + conn + month(2) + r"\s*"
                            + day(2) + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + r"\s+(?:of\s+)?" + month(1) + year(1) + "?" + conn + day(2)
                            + r"\s+(?:of\s+)?" + month(2) + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + conn + day(2)
                            + rf"(?!\s*(?:of\s+)?{any_month})" + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + conn + r"(?:the\s+)?" + day(2) + r"\s+(?:of\s+)?" + month(2) + year(2) + "?"),
                 _h_range, range_from),
        _Pattern(re.compile(rf"(?=[{wd_caps}])\b(?P<wd1>{wd})\b{conn}(?P<wd2>{wd})\b"), _h_weekday_range,
                 range_from),
        *_numeric_patterns("en"),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + year(1) + "?" + rel_year(1)), _h_single,
                 stated_weekday),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + r"\s+(?:of\s+)?" + month(1) + year(1) + "?" + rel_year(1)),
                 _h_single, re.compile(rf"(?:\b(?P<sw1>{wd}),?\s+)?(?:\b[Tt]he\s+)?$")),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*(?:of\s+)?,?\s*" + rf"(?P<y1>{YEAR})(?!\d)"), _h_month),
        # "on the 14th": a day alone, its month from the day of the report
        _Pattern(re.compile(r"(?=[Tt])the\s+(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
                            r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|when|as|after|before|with|in|at|of\s+this\s+month)\b)"),
                 _h_day_after_preposition, re.compile(r"\b(?P<pre>[Oo]n|[Uu]ntil|[Tt]ill|[Tt]hrough)\s+$")),
        # "in May last year", "in March of next year": the month of a year counted from the report's
        _Pattern(re.compile(rf"{month_ahead}(?P<m1>{full})\b(?:\s+(?:of\s+)?(?P<ry1>{qualifiers})\b)?"), _h_month,
                 re.compile(rf"\b(?P<prep>{preps})(?:\s+|-)(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?$",
                            re.IGNORECASE)),
        *_relative_patterns(lex, True, re.IGNORECASE),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d$€£¥©.,])(?P<y1>{YEAR})(?:\s*[-–]\s*(?P<y2>{YEAR}))?"
                            rf"(?![\d%]|,\d|\.\d)"), _h_bare_year_en),
        _Pattern(re.compile(rf"(?=[{wd_caps}])\b(?P<wd1>{wd})\b"), _h_weekday,
                 re.compile(rf"\b(?P<mod>{mods})\s+$")),
    ]
    return Grammar("en", patterns, months, numerals={}, eras={}, week_modifiers={}, year_blockers=(),
                    day_blockers=(), spaced_day_blockers=(), day_blocker_exceptions=(), lowercase=False,
                    **_common_maps("en", lex))


def _cjk_grammar(lang: str, lex: dict[str, Any]) -> Grammar:
    numerals = {str(k): int(v) for k, v in (lex.get("numerals") or {}).items()}
    eras = {str(k): int(v) for k, v in (lex.get("eras") or {}).items()}
    cn = "".join(numerals)
    era_alt = alt(list(eras))
    year_token = rf"(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}}"
    if era_alt:
        year_token += rf"|(?:{era_alt})(?:元|\d{{1,3}}|[{cn}]{{1,4}})"
    rel_years = lexicon_alt(lex, "relative_years")
    rel_months = lexicon_alt(lex, "relative_months")
    # a day range may follow a month counted from the report's ("上月29日至31日"), though not a month's number
    after_relative_month = "".join(f"|(?<={re.escape(w)})" for ws in (lex.get("relative_months") or {}).values()
                                   for w in ws or [])
    day_marks = "".join(lex.get("day_markers") or ["日"])
    m_num = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    d_num = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
    month_start = rf"(?=[\d{cn}])(?<![\d{cn}])"

    def month(i: int) -> str:
        return rf"{month_start}(?P<m{i}>{m_num})\s*月(?:份)?\s*"

    def day(i: int) -> str:
        return rf"(?P<d{i}>{d_num})\s*[{day_marks}]"

    both_days = alt(lex.get("both_days") or [])
    # "5月25、26の両日", "24、25の両日": "both days" after the second day stands for its 日
    second_day_mark = rf"(?:[{day_marks}]|(?=(?:{both_days})))" if both_days else rf"[{day_marks}]"
    second_day = rf"(?P<d2>{d_num})\s*{second_day_mark}"

    wd_chars = "".join(lex.get("weekday_days") or {})
    if lang == "ja":
        stated_weekday = rf"(?:\s*\(\s*(?P<sw1>[{wd_chars}])(?:曜日?)?\s*\))?"  # "3月25日(月)"
    else:
        stated_weekday = rf"(?:\s*\(?\s*(?:星期|周|週|礼拜|禮拜)(?P<sw1>[{wd_chars}])\s*\)?)?"  # "9月22日(星期四)"
    wd_paren = stated_weekday.replace("?P<sw1>", "")
    connectors = alt((lex.get("range_connectors") or []) + (lex.get("pair_connectors") or []))
    prefixes = alt(lex.get("range_prefixes") or [])
    suffixes = alt(lex.get("range_suffixes") or [])
    suf = rf"(?:\s*(?:{suffixes}))?" if suffixes else ""
    conn = rf"\s*(?P<conn>{connectors})\s*"
    # Before a month: "去年", "2024年", "令和6年"; before a range also "从".
    # "24年3月25日": a two-digit year before a month (its century is the report's)
    # "昨年(2016年)5月": the year word glossed in brackets
    year_prefix = (rf"(?:(?P<ry1>{rel_years}))?" if rel_years else "") \
        + r"(?:[(（]\s*(?=(?:19|20)\d{2}\s*年))?" \
        + rf"(?:(?P<y1>{year_token}|(?<![\d.]){_DIGIT_AHEAD}\d{{2}})\s*年\s*(?:[)）]\s*)?)?$"
    year_prefix_re = re.compile(year_prefix)
    range_prefix_re = re.compile((rf"(?:(?:{prefixes})\s*)?" if prefixes else "") + year_prefix)

    weekday_map: dict[str, int] = {}
    wd_days = {str(k): int(v) for k, v in (lex.get("weekday_days") or {}).items()}
    week_modifiers = {str(k): int(v) for k, v in (lex.get("weekday_week_modifiers") or {}).items()}
    wk_prefix = re.compile(rf"(?P<wk>{alt(list(week_modifiers))})$") if week_modifiers else None
    if lang == "ja":
        suffix = lex.get("weekday_suffix", "曜")
        for ch, n in wd_days.items():
            for form in (f"{ch}{suffix}日", f"{ch}{suffix}"):
                weekday_map[form] = n
        wd_alt = alt(list(weekday_map))
        wd_single = rf"(?=[{''.join(wd_days)}]{suffix})(?P<wd1>{wd_alt})"
        wd_range = rf"(?P<wd1>{wd_alt})\s*(?P<conn>から|～|〜|~|-)\s*(?P<wd2>{wd_alt})(?:まで)?"
    else:
        for prefix in lex.get("weekday_prefixes") or []:
            for ch, n in wd_days.items():
                weekday_map[prefix + ch] = n
        wd_alt = alt(list(weekday_map))
        starts = "".join(sorted({p[0] for p in lex.get("weekday_prefixes") or []}))
        wd_single = rf"(?=[{starts}])(?P<wd1>{wd_alt})(?!年)"
        wd_range = rf"(?=[{starts}])(?P<wd1>{wd_alt})\s*(?P<conn>至|到|-|~|～|—|和|、)\s*(?P<wd2>{wd_alt})"

    patterns = [
        _Pattern(re.compile(month(1) + rf"(?P<d1>{d_num})\s*(?:[{day_marks}])?" + wd_paren + conn
                            + rf"(?:(?P<y2>{year_token})\s*年\s*)?(?:(?P<m2>{m_num})\s*月\s*)?" + second_day + wd_paren
                            + suf), _h_range, range_prefix_re),
        _Pattern(re.compile(wd_range), _h_weekday_range, re.compile(r"(?:从|從|自)\s*$")),
        *_numeric_patterns(lang),
        _Pattern(re.compile(month(1) + day(1) + stated_weekday), _h_single, year_prefix_re),
        # before the relative words, so that "上周五" is a Friday and not "last week"
        _Pattern(re.compile(wd_single), _h_weekday, wk_prefix),
        # a month, and a span of months, before the relative words: a year word before them ("昨年5月", "去年1-9月")
        # is their year, not a year of its own
        _Pattern(re.compile(rf"{month_start}(?P<m1>{m_num})\s*(?:月)?{conn}(?P<m2>{m_num})\s*月(?:份)?{suf}"),
                 _h_month_range, year_prefix_re),
        _Pattern(re.compile(month(1) + rf"(?![\d{cn}])"), _h_month, year_prefix_re),
        *_relative_patterns(lex, False, 0),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?:(?<![\d月]){after_relative_month})"
                            rf"(?P<d1>[12]\d|3[01]|0?[1-9])\s*(?:[{day_marks}])?{conn}"
                            rf"(?P<d2>[12]\d|3[01]|0?[1-9])\s*{second_day_mark}{suf}"), _h_day_range,
                 # "上月29日至31日", "来月14日から16日まで": both days of the month before (or after) the report's
                 re.compile(rf"(?P<rm>{rel_months})\s*$") if rel_months else None),
        # "上月28日", "先月28日": a day of the month before (or after) the report's
        *([_Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d./\-第])(?P<d1>[12]\d|3[01]|0?[1-9])\s*[{day_marks}]"),
                    _h_day_of_relative_month, re.compile(rf"(?P<rm>{rel_months})\s*$"))] if rel_months else []),
        # "第3日" is an ordinal day of an event, not a day of the month
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d月./\-第])(?P<d1>[12]\d|3[01]|0?[1-9])\s*[{day_marks[0]}]"),
                 _h_day_only),
        # "式典が一日、", "会議は二十一日(月)に": a day in kanji numerals, as newspapers write it, between a particle
        # and a stop or a particle ("一日も早く", "一日中", "二十日間" are no days)
        *([_Pattern(re.compile(rf"(?<=[がはでにのもと、，])(?P<d1>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
                               rf"日{wd_paren}(?=[、，]|に(?![\d{cn}])|午前|午後|から|まで)"), _h_day_only)]
          if lang == "ja" else []),
        _Pattern(re.compile(rf"(?<![\d©./\-])(?P<y1>{year_token})\s*(?:[-–—~～至到]\s*(?P<y2>{year_token})\s*)?年"
                            rf"(?:度)?"), _h_year),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d©./\-,])(?P<y1>{YEAR})(?![\d%.\-/:,])(?=[{CJK}「“《」』”》])"),
                 _h_bare_year_cjk),
    ]
    common = _common_maps(lang, lex)
    common["weekdays"] = weekday_map
    return Grammar(
        lang, patterns, months={}, numerals=numerals, eras=eras, week_modifiers=week_modifiers,
        year_blockers=tuple(lex.get("year_blockers") or ()), day_blockers=tuple(lex.get("day_blockers") or ()),
        spaced_day_blockers=tuple(lex.get("spaced_day_blockers") or ()),
        day_blocker_exceptions=tuple(lex.get("day_blocker_exceptions") or ()), lowercase=False,
        weekday_chars=wd_days, **common,
    )


@lru_cache(maxsize=None)
def grammar_for(lang: str) -> Grammar:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    lex = lexicon(lang, "dates")
    if lang == "ru":
        return _ru_grammar(lex)
    if lang == "en":
        return _en_grammar(lex)
    return _cjk_grammar(lang, lex)


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)  # "İ" lowers to two characters


@lru_cache(maxsize=16)
def scan_cached(norm: str, lang: str) -> tuple[Raw, ...]:
    # find_dates, find_dateline and find_publication_date of one document share this scan.
    return tuple(scan(norm, grammar_for(lang)))


def scan(norm: str, g: Grammar) -> list[Raw]:
    """Every date-like span, the more specific patterns first; a span claimed once is not read again."""
    text = lower_same_length(norm) if g.lowercase else norm
    claimed = Spans()
    found: list[Raw] = []
    for pattern in g.patterns:
        for m in pattern.core.finditer(text):
            start, end = m.span()
            if end == start or claimed.overlaps(start, end):
                continue
            groups = m.groupdict()
            if pattern.prefix is not None:
                pm = pattern.prefix.search(text, max(0, start - _PREFIX_WINDOW), start)
                if pm is not None and pm.start() < start and not claimed.overlaps(pm.start(), start):
                    start = pm.start()
                    groups.update({k: v for k, v in pm.groupdict().items() if v is not None})
            raw = pattern.handler(_M(text, start, end, groups), g)
            if raw is None:
                continue
            raw.start, raw.end = _trim(text, raw.start, raw.end)
            raw.short_year = any(len(v) == 2 and v.isdigit() for k in ("y1", "y2") if (v := groups.get(k)))
            if raw.bound is None and raw.kind in ("absolute", "weekday", "year_only", "month_only"):
                raw.bound = _bound(text, raw.start, raw.end, g)
            claimed.add(raw.start, raw.end)
            found.append(raw)
    found.sort(key=lambda r: r.start)
    return found


def _bound(text: str, start: int, end: int, g: Grammar) -> str | None:
    """from | until | since, from the word right before or after a date: "с 5 мая", "until May 5", "至10月20日",
    "8月31日まで", "2015年以来"; none after "截至" (as of) nor before "までの成約額" (a tally up to that day)."""
    window = max(0, start - 16)
    if g.not_bound_before is not None and g.not_bound_before.search(text, window, start):
        return None
    if g.not_bound_after is not None and g.not_bound_after.match(text, end, min(len(text), end + 16)):
        return None
    if g.bound_after is not None:
        m = g.bound_after.match(text, end, min(len(text), end + 8))
        if m is not None:
            return g.bound_kinds.get(key(m.group("w")))
    if g.bound_before is not None:
        m = g.bound_before.search(text, window, start)
        if m is not None:
            return g.bound_kinds.get(key(m.group("w")))
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


# what sets a notice's field label off from its value: a colon, or a table's cell rule ("開催時期 | 10月27日")
FIELD_SEPARATORS = ":：|｜"
FIELD_SEPARATOR = f"[{re.escape(FIELD_SEPARATORS)}]"


def schedule_label(langs) -> str | None:
    """The label of a notice's field that gives its event's day ("日時", "Dates", «Даты проведения»), with the
    bullets and brackets around it, as a pattern to which the caller adds its ``FIELD_SEPARATOR``; None without labels."""
    return field_label(langs, "dates", "schedule_labels")


def field_label(langs, lexicon_name: str, key: str) -> str | None:
    """The label of a notice's field (a lexicon's list of labels), with the bullets and brackets around it, as a
    pattern to which the caller adds its ``FIELD_SEPARATOR``; None without labels."""
    labels = [w for lang in langs for w in lexicon(lang, lexicon_name).get(key) or []]
    return rf"[■●◆◇○・*\-\s【\[]*(?:{alt(labels)})[】\]]?\s*" if labels else None
