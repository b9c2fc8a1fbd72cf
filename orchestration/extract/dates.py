"""Dates in news reports (ru, ja, zh, en): date mentions, durations, datelines and publication dates.

A mention keeps what the text says: a date without a year keeps month and day with ``year=None``. Only when the
caller gives a ``reference`` (the publication date) are missing years, weekdays and relative words ("today",
"вчера", "当日") resolved, and flagged as such. The run's own clock is never used.

Language knowledge (month and weekday names in every case form, relative words, cue verbs, agencies) lives in
``lexicons/<lang>/dates.yml``; this module holds the grammar that is common to the languages.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable, Iterator

from orchestration.extract.lexicons import LANGUAGES, lexicon
from orchestration.extract.text import split_sentences

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
    "guess_language",
]

# A date whose year is missing is placed no further than this after the reference: a "12 December" reported on
# 5 January is last year's, a "3 March" reported on 20 January is this year's.
_MAX_DAYS_AFTER_REFERENCE = 62
_MIN_YEAR, _MAX_YEAR = 1900, 2099


# --------------------------------------------------------------------------------------------------- results


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


# ------------------------------------------------------------------------------------------ text utilities

# Full-width digits and punctuation map one-to-one onto ASCII, so offsets in the normalised copy are offsets in
# the original text.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "／": "/",
        "－": "-",
        "．": ".",
        "：": ":",
        "，": ",",
        "（": "(",
        "）": ")",
        "　": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
    }
)
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_KANA = re.compile("[\u3040-\u30ff]")
_CYRILLIC = re.compile("[А-Яа-яЁё]")
_LATIN = re.compile("[A-Za-z]")
_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = r"(?:19|20)\d{2}"


_NEEDS_NORMALISING = re.compile("[\uff0c\uff08\uff09\uff0d\uff0e\uff0f\uff10-\uff1a\u3000\u2010-\u2012]")


@lru_cache(maxsize=16)
def _normalise(text: str) -> str:
    # cached: the extractors of one document each ask for it
    if not _NEEDS_NORMALISING.search(text):
        return text
    return text.translate(_NORMALISE)


def guess_language(text: str) -> str:
    """ru/ja/zh/en from the script of the first characters: enough for choosing a date grammar."""
    head = text[:3000]
    if _KANA.search(head):
        return "ja"
    cjk = len(_HAS_CJK.findall(head))
    cyr = len(_CYRILLIC.findall(head))
    if cjk >= 3 and cjk >= cyr:
        return "zh"
    if cyr >= 3 and cyr * 3 >= len(_LATIN.findall(head)):
        return "ru"
    return "en"


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """Regex alternation of literal words, longest first; spaces in phrases match any run of white space."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _key(surface: str) -> str:
    return " ".join(surface.lower().split()).rstrip(".")


def _cjk_int(token: str, numerals: dict[str, int]) -> int | None:
    """12, 十二, 二十五, 二〇二四 -> int."""
    if token.isdigit():
        return int(token)
    if len(token) == 4 and all(ch in numerals and numerals[ch] < 10 for ch in token):
        return int("".join(str(numerals[ch]) for ch in token))
    if "十" in token:
        tens, _, units = token.partition("十")
        t = numerals.get(tens, 0) if tens else 1
        u = numerals.get(units, 0) if units else 0
        return t * 10 + u
    if len(token) == 1 and token in numerals:
        return numerals[token]
    return None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if year is not None and not _MIN_YEAR <= year <= _MAX_YEAR:
        return False
    if day is not None:
        if not 1 <= day <= 31:
            return False
        if month is not None:
            try:
                date(year if year is not None else 2000, month, day)  # 2000: leap, so 29 Feb stays possible
            except ValueError:
                return False
    return True


# ----------------------------------------------------------------------------------------- raw candidates


@dataclass
class _Raw:
    """A date as read from the text, before context and the reference are applied."""

    start: int
    end: int
    kind: str
    first: PartialDate = PartialDate()
    last: PartialDate | None = None
    rel_days: int | None = None  # today = 0, yesterday = -1
    rel_weeks: int | None = None  # last week = -1
    rel_year: int | None = None  # a year word: "прошлого года", "去年"
    same_day: bool = False  # "当日", "the same day"
    weekday: int | None = None
    last_weekday: int | None = None
    weekday_mode: str = "recent"  # recent | strict_past | next | future
    week_offset: int | None = None  # 上周二: the Tuesday of the previous calendar week
    day_only: bool = False  # "22日": month (and year) from context


@dataclass
class _Grammar:
    lang: str
    patterns: list[Any]  # _Pattern
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, int]
    relative_years: dict[str, int]
    year_qualifiers: dict[str, int]
    numerals: dict[str, int]
    eras: dict[str, int]
    week_modifiers: dict[str, int]
    past_modifiers: set[str]
    next_modifiers: set[str]
    future_prepositions: set[str]
    year_left_context: set[str]
    year_blockers: tuple[str, ...]
    day_blockers: tuple[str, ...]
    day_blocker_exceptions: tuple[str, ...]
    numeric_order: str
    cue_re: re.Pattern[str] | None
    cue_kinds: dict[str, str]
    future_re: re.Pattern[str] | None
    lowercase: bool  # scan a lower-cased copy (Russian: case never matters for its date words)


def _word_map(table: dict[Any, list[str]] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, words in (table or {}).items():
        for w in words or []:
            out[_key(w)] = int(value)
    return out


def _group(m: "_M", name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _int_group(m: "_M", name: str, g: _Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    return _cjk_int(value, g.numerals)


def _month_group(m: "_M", name: str, g: _Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    if value.isdigit() or value[0] in g.numerals:
        return _cjk_int(value, g.numerals)
    return g.months.get(_key(value))


def _year_group(m: "_M", name: str, g: _Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    for era, base in g.eras.items():
        if value.startswith(era):
            rest = value[len(era):]
            return base + (1 if rest == "元" else (_cjk_int(rest, g.numerals) or 0))
    if len(value) == 2 and value.isdigit():  # "12.07.25"
        return 2000 + int(value)
    return _cjk_int(value, g.numerals)


def _rel_year_group(m: "_M", name: str, g: _Grammar) -> int | None:
    value = _group(m, name)
    if not value:
        return None
    key = _key(value)
    if key in g.year_qualifiers:
        return g.year_qualifiers[key]
    return g.relative_years.get(key)


def _is_copyright(text: str, start: int) -> bool:
    before = text[max(0, start - 14):start].lower()
    return "©" in before or "copyright" in before or "(c)" in before


# ------------------------------------------------------------------------------------- generic handlers


def _h_single(m: "_M", g: _Grammar) -> _Raw | None:
    y, mo, d = _year_group(m, "y1", g), _month_group(m, "m1", g), _int_group(m, "d1", g)
    if not _valid(y, mo, d):
        return None
    raw = _Raw(m.start(), m.end(), "absolute", PartialDate(y, mo, d))
    if y is None:
        raw.rel_year = _rel_year_group(m, "ry1", g)
    return raw


def _h_range(m: "_M", g: _Grammar) -> _Raw | None:
    pre = (_group(m, "pre") or "").lower()
    conn = (_group(m, "conn") or "").strip().lower()
    if conn == "and" and pre != "between":
        return None  # "May 5 and 7" are two days, "between May 5 and 7" a span
    d1, d2 = _int_group(m, "d1", g), _int_group(m, "d2", g)
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
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    if m1 == m2 and y1 == y2 and d2 <= d1:
        return None  # "19-5" is not a range of days
    raw = _Raw(m.start(), m.end(), "range", PartialDate(y1, m1, d1), PartialDate(y2, m2, d2))
    if y1 is None:
        raw.rel_year = _rel_year_group(m, "ry1", g) if _group(m, "ry1") else _rel_year_group(m, "ry2", g)
    return raw


def _h_day_range(m: "_M", g: _Grammar) -> _Raw | None:
    d1, d2 = _int_group(m, "d1", g), _int_group(m, "d2", g)
    if d1 is None or d2 is None or not (_valid(None, None, d1) and _valid(None, None, d2)) or d2 <= d1:
        return None
    if _blocked_after(m, g):
        return None
    raw = _Raw(m.start(), m.end(), "range", PartialDate(None, None, d1), PartialDate(None, None, d2))
    raw.day_only = True
    return raw


def _h_day_only(m: "_M", g: _Grammar) -> _Raw | None:
    d = _int_group(m, "d1", g)
    if d is None or not _valid(None, None, d) or _blocked_after(m, g):
        return None
    raw = _Raw(m.start(), m.end(), "absolute", PartialDate(None, None, d))
    raw.day_only = True
    return raw


def _blocked_after(m: "_M", g: _Grammar) -> bool:
    tail = m.string[m.end():m.end() + 4]
    if any(tail.startswith(e) for e in g.day_blocker_exceptions):
        return False
    return any(tail.startswith(b) for b in g.day_blockers)


def _h_numeric(m: "_M", g: _Grammar) -> _Raw | None:
    y = _year_group(m, "y1", g)
    p, q = int(m.group("p")), int(m.group("q"))
    sep = m.group("sep")
    month_first = sep == "/" and g.numeric_order in ("mdy", "ymd")
    mo, d = (p, q) if month_first else (q, p)
    if not _valid(y, mo, d) and _valid(y, d, mo):
        mo, d = d, mo
    if not _valid(y, mo, d):
        return None
    return _Raw(m.start(), m.end(), "absolute", PartialDate(y, mo, d))


def _h_iso(m: "_M", g: _Grammar) -> _Raw | None:
    y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
    if not _valid(y, mo, d):
        return None
    return _Raw(m.start(), m.end(), "absolute", PartialDate(y, mo, d))


def _h_month(m: "_M", g: _Grammar) -> _Raw | None:
    y, mo = _year_group(m, "y1", g), _month_group(m, "m1", g)
    ry = _rel_year_group(m, "ry1", g)
    if g.lang in ("ru", "en") and y is None and not _group(m, "prep"):
        return None  # a bare "March"/"мая" is too often a name; need "в марте" or "March 2024"
    if mo is None or not _valid(y, mo, None):
        return None
    raw = _Raw(m.start(), m.end(), "month_only", PartialDate(y, mo, None))
    if y is None:
        raw.rel_year = ry
    return raw


def _h_month_range(m: "_M", g: _Grammar) -> _Raw | None:
    m1, m2 = _month_group(m, "m1", g), _month_group(m, "m2", g)
    y1, y2 = _year_group(m, "y1", g), _year_group(m, "y2", g)
    if m1 is None or m2 is None or m1 == m2:
        return None
    if y1 is None and y2 is not None:
        y1 = y2 - 1 if m1 > m2 else y2
    if y2 is None and y1 is not None:
        y2 = y1 + 1 if m2 < m1 else y1
    if not (_valid(y1, m1, None) and _valid(y2, m2, None)):
        return None
    if y1 == y2 and m2 < m1:
        return None
    return _Raw(m.start(), m.end(), "range", PartialDate(y1, m1, None), PartialDate(y2, m2, None))


def _h_year(m: "_M", g: _Grammar) -> _Raw | None:
    if _is_copyright(m.string, m.start()):
        return None
    y1, y2 = _year_group(m, "y1", g), _year_group(m, "y2", g)
    if y1 is None or not _valid(y1, None, None):
        return None
    if y2 is not None and not (_valid(y2, None, None) and y2 > y1):
        return None
    return _Raw(m.start(), m.end(), "year_only", PartialDate(y1), PartialDate(y2) if y2 else None)


def _h_bare_year_en(m: "_M", g: _Grammar) -> _Raw | None:
    """A bare English year needs a year-like neighbour: "in 2019", "the 2020 marathon", "Expo 2020 Dubai"."""
    text = m.string
    before = text[max(0, m.start() - 24):m.start()]
    prev = re.search(r"([A-Za-z][\w'-]*)\W*$", before)
    nxt = re.match(r"\s+([A-Za-z][\w'-]*)", text[m.end():m.end() + 30])
    ok = False
    if prev and (prev.group(1).lower() in g.year_left_context or prev.group(1).lower().endswith("'s")):
        ok = True
    elif prev and prev.group(1)[0].isupper():  # "Expo 2020"
        ok = True
    elif nxt and nxt.group(1)[0].isupper():
        ok = True
    if not ok:
        return None
    return _h_year(m, g)


def _h_bare_year_cjk(m: "_M", g: _Grammar) -> _Raw | None:
    tail = m.string[m.end():m.end() + 3]
    if any(tail.startswith(b) for b in g.year_blockers):
        return None
    return _h_year(m, g)


def _h_rel_year(m: "_M", g: _Grammar) -> _Raw | None:
    offset = g.relative_years.get(_key(m.group("ry1")))
    if offset is None:
        return None
    raw = _Raw(m.start(), m.end(), "year_only")
    raw.rel_year = offset
    return raw


def _h_weekday(m: "_M", g: _Grammar) -> _Raw | None:
    wd = g.weekdays.get(_key(m.group("wd1")))
    if wd is None:
        return None
    before = m.string[m.start() - 1:m.start()] if m.start() else ""
    if g.numerals and before and (before.isdigit() or before in g.numerals or before in "每毎"):
        return None  # "一周一次" once a week, "每周二" every Tuesday
    raw = _Raw(m.start(), m.end(), "weekday", weekday=wd)
    mod = _key(_group(m, "mod") or "")
    if _key(_group(m, "prep") or "") in g.future_prepositions:  # "курс на вторник": the coming Tuesday
        raw.weekday_mode = "future"
    elif mod in g.past_modifiers:
        raw.weekday_mode = "strict_past"
    elif mod in g.next_modifiers:
        raw.weekday_mode = "next"
    wk = _group(m, "wk")
    if wk:
        raw.week_offset = g.week_modifiers.get(wk)
    return raw


def _h_weekday_range(m: "_M", g: _Grammar) -> _Raw | None:
    pre = (_group(m, "pre") or "").lower()
    conn = (_group(m, "conn") or "").strip().lower()
    if conn == "and" and pre != "between":
        return None
    wd1, wd2 = g.weekdays.get(_key(m.group("wd1"))), g.weekdays.get(_key(m.group("wd2")))
    if wd1 is None or wd2 is None or wd1 == wd2:
        return None
    return _Raw(m.start(), m.end(), "range", weekday=wd1, last_weekday=wd2)


def _h_relative(m: "_M", g: _Grammar) -> _Raw | None:
    offset = g.relative_days.get(_key(m.group("rel")))
    if offset is None:
        return None
    raw = _Raw(m.start(), m.end(), "relative", rel_days=offset)
    pd = _int_group(m, "pd", g)
    if pd is not None and _valid(None, None, pd):
        raw.first = PartialDate(None, None, pd)  # "今日(6日)": the text states the day
    return raw


def _h_same_day(m: "_M", g: _Grammar) -> _Raw | None:
    return _Raw(m.start(), m.end(), "relative", same_day=True)


def _h_rel_week(m: "_M", g: _Grammar) -> _Raw | None:
    offset = g.relative_weeks.get(_key(m.group("rw")))
    if offset is None:
        return None
    return _Raw(m.start(), m.end(), "relative", rel_weeks=offset)


# ------------------------------------------------------------------------------------------ the grammars


@dataclass(frozen=True)
class _Pattern:
    """A date pattern: ``core`` starts at the date's distinctive token (a digit, a month or weekday name) so that
    the regex engine can skip quickly; optional words before it ("с", "from", "去年", "2024年") are matched
    backwards by ``prefix``, which must end where the core starts."""

    core: re.Pattern[str]
    handler: Callable[["_M", "_Grammar"], _Raw | None]
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


_PREFIX_WINDOW = 40
_DIGIT_AHEAD = r"(?=\d)"  # lets the regex engine skip to the next digit


def _numeric_patterns(lang: str) -> list[_Pattern]:
    """Numeric dates, language-neutral apart from the order of day and month."""
    lead = _DIGIT_AHEAD + r"(?<![\d.+\-/,])(?<!\d:)"  # not inside a phone number, a time or a longer number
    trail = r"(?![\d]|[-/.]\d)"
    pats = [
        # ISO and its variants: the year first is unambiguous.
        _Pattern(re.compile(lead + rf"(?P<y1>{_YEAR})(?P<sep>[-/.])(?P<m1>1[0-2]|0?[1-9])(?P=sep)"
                                   rf"(?P<d1>3[01]|[12]\d|0?[1-9])" + trail), _h_iso),
        _Pattern(re.compile(lead + rf"(?P<p>\d{{1,2}})(?P<sep>[-/.])(?P<q>\d{{1,2}})(?P=sep)(?P<y1>{_YEAR})" + trail),
                 _h_numeric),
    ]
    if lang == "ru":  # "12.07.25"
        pats.append(_Pattern(re.compile(lead + r"(?P<p>\d{2})(?P<sep>\.)(?P<q>\d{2})\.(?P<y1>\d{2})" + trail),
                             _h_numeric))
    return pats


def _lexicon_alt(lex: dict[str, Any], key: str) -> str:
    words: list[str] = []
    table = lex.get(key) or {}
    if isinstance(table, dict):
        for ws in table.values():
            words.extend(ws or [])
    else:
        words.extend(table)
    return _alt(words)


def _common_maps(lang: str, lex: dict[str, Any]) -> dict[str, Any]:
    weekdays = _word_map(lex.get("weekdays"))
    weekdays.update(_word_map(lex.get("ambiguous_weekdays")))
    cue_kinds: dict[str, str] = {}
    for kind, words in (lex.get("cues") or {}).items():
        for w in words or []:
            cue_kinds[_key(w)] = kind
    cue_alt = _alt(list(cue_kinds))
    future = _alt(lex.get("future_markers") or [])
    if lang in ("ru", "en"):  # matched in a lower-cased copy of the text
        initials = "".join(sorted({w[0] for w in cue_kinds}))
        cue_re = re.compile(rf"(?=[{initials}])(?<!\w)(?:{cue_alt})(?!\w)") if cue_alt else None
        future_re = re.compile(rf"(?<!\w)(?:{future})(?!\w)") if future else None
    else:
        cue_re = re.compile(f"(?:{cue_alt})") if cue_alt else None
        future_re = re.compile(f"(?:{future})") if future else None
    return dict(
        weekdays=weekdays,
        relative_days=_word_map(lex.get("relative_days")),
        relative_weeks=_word_map(lex.get("relative_weeks")),
        relative_years=_word_map(lex.get("relative_years")),
        year_qualifiers=_word_map(lex.get("relative_year_qualifiers")),
        past_modifiers={_key(w) for w in lex.get("weekday_past_modifiers") or []},
        next_modifiers={_key(w) for w in lex.get("weekday_next_modifiers") or []},
        future_prepositions={_key(w) for w in lex.get("weekday_future_prepositions") or []},
        year_left_context={_key(w) for w in lex.get("year_left_context") or []},
        numeric_order=lex.get("numeric_order", "dmy"),
        cue_re=cue_re,
        cue_kinds=cue_kinds,
        future_re=future_re,
    )


def _relative_patterns(lex: dict[str, Any], boundary: bool, flags: int) -> list[_Pattern]:
    lb, rb = (r"(?<!\w)", r"(?!\w)") if boundary else ("", "")
    out: list[_Pattern] = []
    rel_weeks = _lexicon_alt(lex, "relative_weeks")
    if rel_weeks:
        out.append(_Pattern(re.compile(rf"{lb}(?P<rw>{rel_weeks}){rb}", flags), _h_rel_week))
    rel_years = _lexicon_alt(lex, "relative_years")
    if rel_years:
        out.append(_Pattern(re.compile(rf"{lb}(?P<ry1>{rel_years}){rb}", flags), _h_rel_year))
    same = _alt(lex.get("same_day") or [])
    if same:
        out.append(_Pattern(re.compile(rf"{lb}(?:{same}){rb}", flags), _h_same_day))
    rel_days = _lexicon_alt(lex, "relative_days")
    if rel_days:
        paren_day = r"(?:\s*\(\s*(?P<pd>\d{1,2})\s*[日号]\s*\))?"  # "今日(6日)"
        out.append(_Pattern(re.compile(rf"{lb}(?P<rel>{rel_days}){rb}{paren_day}", flags), _h_relative))
    return out


def _ru_grammar(lex: dict[str, Any]) -> _Grammar:
    # Russian is scanned in a lower-cased copy of the text, so the patterns need no IGNORECASE.
    months = _word_map(lex["months"])
    months.update(_word_map(lex.get("month_abbreviations")))
    full = _lexicon_alt(lex, "months")
    abbr = _lexicon_alt(lex, "month_abbreviations")
    nl = r"(?![а-яёa-z])"
    lw = r"(?<![а-яё])"

    def month(i: int) -> str:
        return rf"(?P<m{i}>(?:{full}){nl}|(?:{abbr})(?:\.|{nl}))"

    def day(i: int) -> str:
        return rf"{_DIGIT_AHEAD}(?<![\d.,:])(?P<d{i}>3[01]|[12]\d|0?[1-9])(?:-?(?:го|е|ое|ого))?"

    year_words = "|".join(
        re.escape(w) + ("" if w.endswith(".") else nl)
        for w in sorted(lex.get("year_words") or [], key=len, reverse=True)
    )

    def year(i: int) -> str:
        return rf"(?:\s*,?\s*(?P<y{i}>{_YEAR})(?!\d)(?:\s*(?:{year_words}))?)"

    qualifiers = _lexicon_alt(lex, "relative_year_qualifiers")

    def rel_year(i: int) -> str:
        return rf"(?:\s+(?P<ry{i}>{qualifiers}))?"

    preps = _alt(lex.get("month_prepositions") or [])
    wd_all = _alt(list(_word_map(lex.get("weekdays"))) + list(_word_map(lex.get("ambiguous_weekdays"))))
    wd_plain = _lexicon_alt(lex, "weekdays")
    wd_from = _alt(lex.get("weekday_range_from") or [])
    wd_to = _alt(lex.get("weekday_range_to") or [])
    wd_preps = _alt((lex.get("weekday_prepositions") or []) + (lex.get("weekday_future_prepositions") or []))
    mods = _alt((lex.get("weekday_past_modifiers") or []) + (lex.get("weekday_next_modifiers") or []))
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
        _Pattern(re.compile(day(1) + r"\s+" + month(1) + year(1) + "?" + rel_year(1)), _h_single),
        # "в январе–марте 2024 года": a span of months
        _Pattern(re.compile(rf"{lw}(?P<m1>{full}){nl}\s*(?P<conn>[-–—]|по\s|до\s)\s*(?P<m2>{full}){nl}"
                            rf"(?:\s+(?P<y2>{_YEAR})(?!\d)(?:\s*(?:{year_words}))?)?"), _h_month_range,
                 re.compile(rf"{lw}(?P<prep>{preps})\s+$")),
        _Pattern(re.compile(rf"{lw}(?P<m1>{full}){nl}(?:\s+(?P<y1>{_YEAR})(?!\d)(?:\s*(?:{year_words}))?"
                            rf"|\s+(?P<ry1>{qualifiers}))?"), _h_month, re.compile(rf"{lw}(?P<prep>{preps})\s+$")),
        # "в 2019 году", "2021 г.", "2019-2020 гг.", "в 2023-м году"
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d.,])(?P<y1>{_YEAR})(?:\s*[-–—]\s*(?P<y2>{_YEAR}))?"
                            rf"(?:-(?:м|го|й|е){nl})?\s*(?:{year_words})"), _h_year),
        # "Экспо-2021", "Иннопром-2016": the event's year glued to its name
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<=[a-zа-яё][-–])(?P<y1>{_YEAR})(?!\d)"), _h_year),
        *_relative_patterns(lex, True, 0),
        _Pattern(re.compile(rf"{lw}(?P<wd1>{wd_plain}){nl}"), _h_weekday,
                 re.compile(rf"(?:{lw}(?P<prep>{wd_preps})\s+)?(?:(?P<mod>{mods})\s+)?$")),
    ]
    return _Grammar("ru", patterns, months, numerals={}, eras={}, week_modifiers={}, year_blockers=(),
                    day_blockers=(), day_blocker_exceptions=(), lowercase=True, **_common_maps("ru", lex))


def _en_grammar(lex: dict[str, Any]) -> _Grammar:
    # Month and weekday names keep their capital ("May", "March" are also words); relative words do not.
    months = _word_map(lex["months"])
    months.update(_word_map(lex.get("month_abbreviations")))
    full_words = [w for ws in lex["months"].values() for w in ws]
    abbr_words = [w for ws in (lex.get("month_abbreviations") or {}).values() for w in ws]
    full = _alt(full_words + [w.upper() for w in full_words])
    abbr = _alt(abbr_words + [w.upper() for w in abbr_words])
    any_month = rf"(?:(?:{full})\b|(?:{abbr})(?:\.|\b))"
    caps = "".join(sorted({w[0] for w in full_words + abbr_words}))
    month_ahead = f"(?=[{caps}])"

    def month(i: int) -> str:
        return rf"(?P<m{i}>(?:{full})\b|(?:{abbr})(?:\.|\b))"

    not_number = r"(?!,\d{3}|[:.]\d|\s*%|\s*(?:a\.?m\b|p\.?m\b|am\b|pm\b))"

    def day(i: int) -> str:
        return rf"(?<![\d,.$])(?P<d{i}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d){not_number}"

    def year(i: int) -> str:
        return rf"(?:\s*,?\s*(?P<y{i}>{_YEAR})(?![\d]))"

    qualifiers = _lexicon_alt(lex, "relative_year_qualifiers")

    def rel_year(i: int) -> str:
        return rf"(?:\s+(?P<ry{i}>{qualifiers}))?"

    weekdays = [w for ws in lex["weekdays"].values() for w in ws]
    wd = _alt(weekdays + [w.upper() for w in weekdays])
    wd_caps = "".join(sorted({w[0] for w in weekdays}))
    preps = _alt(lex.get("month_prepositions") or [])
    mods = _alt((lex.get("weekday_past_modifiers") or []) + (lex.get("weekday_next_modifiers") or []))
    range_from = re.compile(r"\b(?P<pre>[Ff]rom|[Bb]etween)\s+$")
    conn = r"\s*(?P<conn>-|–|—|to\b|through\b|until\b|till\b|and\b)\s*"
    patterns = [
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + year(1) + "?" + conn + month(2) + r"\s*"
                            + day(2) + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + r"\s+(?:of\s+)?" + month(1) + year(1) + "?" + conn + day(2)
                            + r"\s+(?:of\s+)?" + month(2) + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + conn + day(2)
                            + rf"(?!\s*(?:of\s+)?{any_month})" + year(2) + "?"), _h_range, range_from),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + conn + day(2) + r"\s+(?:of\s+)?" + month(2) + year(2) + "?"),
                 _h_range, range_from),
        _Pattern(re.compile(rf"(?=[{wd_caps}])\b(?P<wd1>{wd})\b{conn}(?P<wd2>{wd})\b"), _h_weekday_range,
                 range_from),
        *_numeric_patterns("en"),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*" + day(1) + year(1) + "?" + rel_year(1)), _h_single),
        _Pattern(re.compile(_DIGIT_AHEAD + day(1) + r"\s+(?:of\s+)?" + month(1) + year(1) + "?" + rel_year(1)),
                 _h_single, re.compile(r"\b[Tt]he\s+$")),
        _Pattern(re.compile(month_ahead + month(1) + r"\s*(?:of\s+)?,?\s*" + rf"(?P<y1>{_YEAR})(?!\d)"), _h_month),
        _Pattern(re.compile(rf"{month_ahead}(?P<m1>{full})\b"), _h_month,
                 re.compile(rf"\b(?P<prep>{preps})(?:\s+|-)(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?$",
                            re.IGNORECASE)),
        *_relative_patterns(lex, True, re.IGNORECASE),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d$€£¥©.,])(?P<y1>{_YEAR})(?:\s*[-–]\s*(?P<y2>{_YEAR}))?"
                            rf"(?![\d%]|,\d|\.\d)"), _h_bare_year_en),
        _Pattern(re.compile(rf"(?=[{wd_caps}])\b(?P<wd1>{wd})\b"), _h_weekday,
                 re.compile(rf"\b(?P<mod>{mods})\s+$")),
    ]
    return _Grammar("en", patterns, months, numerals={}, eras={}, week_modifiers={}, year_blockers=(),
                    day_blockers=(), day_blocker_exceptions=(), lowercase=False, **_common_maps("en", lex))


def _cjk_grammar(lang: str, lex: dict[str, Any]) -> _Grammar:
    numerals = {str(k): int(v) for k, v in (lex.get("numerals") or {}).items()}
    eras = {str(k): int(v) for k, v in (lex.get("eras") or {}).items()}
    cn = "".join(numerals)
    era_alt = _alt(list(eras))
    year_token = rf"(?:19|20)\d{{2}}|[{_CN_DIGIT}]{{4}}"
    if era_alt:
        year_token += rf"|(?:{era_alt})(?:元|\d{{1,2}}|[{cn}]{{1,3}})"
    rel_years = _lexicon_alt(lex, "relative_years")
    day_marks = "".join(lex.get("day_markers") or ["日"])
    m_num = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    d_num = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
    month_start = rf"(?=[\d{cn}])(?<![\d{cn}])"

    def month(i: int) -> str:
        return rf"{month_start}(?P<m{i}>{m_num})\s*月(?:份)?\s*"

    def day(i: int) -> str:
        return rf"(?P<d{i}>{d_num})\s*[{day_marks}]"

    if lang == "ja":
        wd_chars = "".join(lex.get("weekday_days") or {})
        wd_paren = rf"(?:\s*\(\s*[{wd_chars}](?:曜日?)?\s*\))?"  # "3月25日(月)"
    else:
        wd_paren = r"(?:\s*\(?\s*(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]\s*\)?)?"  # "9月22日(星期四)"
    connectors = _alt(lex.get("range_connectors") or [])
    prefixes = _alt(lex.get("range_prefixes") or [])
    suffixes = _alt(lex.get("range_suffixes") or [])
    suf = rf"(?:\s*(?:{suffixes}))?" if suffixes else ""
    conn = rf"\s*(?P<conn>{connectors})\s*"
    # Before a month: "去年", "2024年", "令和6年"; before a range also "从".
    year_prefix = (rf"(?:(?P<ry1>{rel_years}))?" if rel_years else "") + rf"(?:(?P<y1>{year_token})\s*年\s*)?$"
    year_prefix_re = re.compile(year_prefix)
    range_prefix_re = re.compile((rf"(?:(?:{prefixes})\s*)?" if prefixes else "") + year_prefix)

    weekday_map: dict[str, int] = {}
    wd_days = {str(k): int(v) for k, v in (lex.get("weekday_days") or {}).items()}
    week_modifiers = {str(k): int(v) for k, v in (lex.get("weekday_week_modifiers") or {}).items()}
    wk_prefix = re.compile(rf"(?P<wk>{_alt(list(week_modifiers))})$") if week_modifiers else None
    if lang == "ja":
        suffix = lex.get("weekday_suffix", "曜")
        for ch, n in wd_days.items():
            for form in (f"{ch}{suffix}日", f"{ch}{suffix}"):
                weekday_map[form] = n
        wd_alt = _alt(list(weekday_map))
        wd_single = rf"(?=[{''.join(wd_days)}]{suffix})(?P<wd1>{wd_alt})"
        wd_range = rf"(?P<wd1>{wd_alt})\s*(?P<conn>から|～|〜|~|-)\s*(?P<wd2>{wd_alt})(?:まで)?"
    else:
        for prefix in lex.get("weekday_prefixes") or []:
            for ch, n in wd_days.items():
                weekday_map[prefix + ch] = n
        wd_alt = _alt(list(weekday_map))
        starts = "".join(sorted({p[0] for p in lex.get("weekday_prefixes") or []}))
        wd_single = rf"(?=[{starts}])(?P<wd1>{wd_alt})(?!年)"
        wd_range = rf"(?=[{starts}])(?P<wd1>{wd_alt})\s*(?P<conn>至|到|-|~|～|—)\s*(?P<wd2>{wd_alt})"

    patterns = [
        _Pattern(re.compile(month(1) + rf"(?P<d1>{d_num})\s*(?:[{day_marks}])?" + wd_paren + conn
                            + rf"(?:(?P<y2>{year_token})\s*年\s*)?(?:(?P<m2>{m_num})\s*月\s*)?" + day(2) + wd_paren
                            + suf), _h_range, range_prefix_re),
        _Pattern(re.compile(wd_range), _h_weekday_range, re.compile(r"(?:从|從|自)\s*$")),
        *_numeric_patterns(lang),
        _Pattern(re.compile(month(1) + day(1) + wd_paren), _h_single, year_prefix_re),
        # before the relative words, so that "上周五" is a Friday and not "last week"
        _Pattern(re.compile(wd_single), _h_weekday, wk_prefix),
        *_relative_patterns(lex, False, 0),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d月])(?P<d1>[12]\d|3[01]|0?[1-9])\s*(?:[{day_marks}])?{conn}"
                            rf"(?P<d2>[12]\d|3[01]|0?[1-9])\s*[{day_marks}]{suf}"), _h_day_range),
        # "第3日" is an ordinal day of an event, not a day of the month
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d月./\-第])(?P<d1>[12]\d|3[01]|0?[1-9])\s*[{day_marks[0]}]"),
                 _h_day_only),
        # "1-9月", "1月から3月まで": a span of months
        _Pattern(re.compile(rf"{month_start}(?P<m1>{m_num})\s*(?:月)?{conn}(?P<m2>{m_num})\s*月(?:份)?{suf}"),
                 _h_month_range, year_prefix_re),
        _Pattern(re.compile(month(1) + rf"(?![\d{cn}])"), _h_month, year_prefix_re),
        _Pattern(re.compile(rf"(?<![\d©./\-])(?P<y1>{year_token})\s*(?:[-–—~～至到]\s*(?P<y2>{year_token})\s*)?年"
                            rf"(?:度)?"), _h_year),
        _Pattern(re.compile(rf"{_DIGIT_AHEAD}(?<![\d©./\-,])(?P<y1>{_YEAR})(?![\d%.\-/:,])(?=[{_CJK}「“《])"),
                 _h_bare_year_cjk),
    ]
    common = _common_maps(lang, lex)
    common["weekdays"] = weekday_map
    return _Grammar(
        lang, patterns, months={}, numerals=numerals, eras=eras, week_modifiers=week_modifiers,
        year_blockers=tuple(lex.get("year_blockers") or ()), day_blockers=tuple(lex.get("day_blockers") or ()),
        day_blocker_exceptions=tuple(lex.get("day_blocker_exceptions") or ()), lowercase=False, **common,
    )


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    lex = lexicon(lang, "dates")
    if lang == "ru":
        return _ru_grammar(lex)
    if lang == "en":
        return _en_grammar(lex)
    return _cjk_grammar(lang, lex)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)  # "İ" lowers to two characters


@lru_cache(maxsize=16)
def _scan_cached(norm: str, lang: str) -> tuple[_Raw, ...]:
    # find_dates, find_dateline and find_publication_date of one document share this scan.
    return tuple(_scan(norm, _grammar(lang)))


def _scan(norm: str, g: _Grammar) -> list[_Raw]:
    """Every date-like span, the more specific patterns first; a span claimed once is not read again."""
    text = _lower_same_length(norm) if g.lowercase else norm
    claimed: list[tuple[int, int]] = []
    found: list[_Raw] = []
    for pattern in g.patterns:
        for m in pattern.core.finditer(text):
            start, end = m.span()
            if end == start or any(start < e and s < end for s, e in claimed):
                continue
            groups = m.groupdict()
            if pattern.prefix is not None:
                pm = pattern.prefix.search(text, max(0, start - _PREFIX_WINDOW), start)
                if pm is not None and pm.start() < start and not any(pm.start() < e and s < start for s, e in claimed):
                    start = pm.start()
                    groups.update({k: v for k, v in pm.groupdict().items() if v is not None})
            raw = pattern.handler(_M(text, start, end, groups), g)
            if raw is None:
                continue
            raw.start, raw.end = _trim(text, raw.start, raw.end)
            claimed.append((raw.start, raw.end))
            found.append(raw)
    found.sort(key=lambda r: r.start)
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end


# ------------------------------------------------------------------------------------------- resolution


def _fill_year(month: int, day: int | None, reference: date) -> int:
    """The latest year that puts the date no more than ~2 months after the reference."""
    limit = reference + timedelta(days=_MAX_DAYS_AFTER_REFERENCE)
    for year in (reference.year + 1, reference.year, reference.year - 1):
        if date(year, month, min(day or 1, 28)) <= limit:
            return year
    return reference.year - 1


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
class _Context:
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


def _anchor(dateline: Dateline | None, reference: date | None) -> PartialDate | None:
    if dateline is not None and dateline.date is not None and dateline.date.month and dateline.date.day:
        d = dateline.date
        if d.year is None and reference is not None:
            d = PartialDate(_fill_year(d.month, d.day, reference), d.month, d.day)
        return d
    return _pd(reference) if reference is not None else None


def _resolve(raw: _Raw, ctx: _Context, future: bool) -> dict[str, Any]:
    """first/last/resolved/year_from_reference/month_from_context for one raw mention."""
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
        if ctx.last_day is not None:
            out.update(first=ctx.last_day, resolved=True, year_from_reference=ctx.last_day_year_from_reference)
        elif anchor is not None:
            out.update(first=anchor, resolved=True, year_from_reference=anchor.year is not None)
        return out

    if raw.rel_days is not None:
        if raw.first.day is not None:  # "今日(6日)": the day is stated, the month comes from the day of the report
            day = raw.first.day
            if anchor is not None and anchor.month is not None:
                year, month = anchor.year, anchor.month
                if anchor.day is not None and day > anchor.day + 1:  # the 30th, seen on the 2nd: last month
                    month -= 1
                    if month == 0:
                        year, month = (year - 1 if year else None), 12
                out.update(first=PartialDate(year, month, day), resolved=True, year_from_reference=year is not None)
            return out
        if anchor_date is not None:
            out.update(first=_pd(anchor_date + timedelta(days=raw.rel_days)), resolved=True, year_from_reference=True)
        elif anchor is not None and anchor.month is not None and anchor.day is not None:
            # a dateline without a year: count days in a common year (leap only for 29 February), year unknown
            base_year = 2000 if (anchor.month, anchor.day) == (2, 29) else 2001
            shifted = date(base_year, anchor.month, anchor.day) + timedelta(days=raw.rel_days)
            out.update(first=PartialDate(None, shifted.month, shifted.day), resolved=True)
        return out

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

    first, last = raw.first, raw.last
    if raw.day_only:
        # "22日": month (and year, when known) from the latest full date, else from the day of the report.
        source, report_day = ctx.month_source, ctx.month_source_is_report_day
        year_from_reference = ctx.month_source_year_from_reference
        span_start = ctx.month_source_span_start
        if source is None or source.month is None:
            source, report_day, year_from_reference, span_start = anchor, True, True, None
        if source is None or source.month is None:
            return out
        year, month = source.year, source.month
        if span_start is not None and span_start.month != month and first.day >= (span_start.day or 32):
            year, month = span_start.year, span_start.month  # "9月30日至10月2日 … 30日" is 30 September
        if report_day and source.day is not None and first.day is not None and first.day > source.day and not future:
            # reported on the 2nd, "30日" is last month's 30th
            month -= 1
            if month == 0:
                year, month = (year - 1 if year else None), 12
        if year is None and ref is not None:
            year, year_from_reference = _fill_year(month, first.day, ref), True
        first = PartialDate(year, month, first.day)
        last = PartialDate(year, month, last.day) if last is not None else None
        if not (_valid(first.year, first.month, first.day) and (last is None or _valid(year, month, last.day))):
            return out
        out.update(first=first, last=last, month_from_context=True, resolved=year is not None,
                   year_from_reference=year is not None and year_from_reference)
        return out

    if first.year is None and first.month is not None:
        year: int | None = None
        if raw.rel_year is not None:
            base = anchor.year if anchor and anchor.year else (ref.year if ref else None)
            year = base + raw.rel_year if base is not None else None
        elif ref is not None:
            year = _fill_year(first.month, first.day, ref)
        elif anchor is not None and anchor.year is not None:
            year = _fill_year(first.month, first.day, anchor_date or date(anchor.year, anchor.month or 12, 28))
        if year is not None:
            first = PartialDate(year, first.month, first.day)
            if last is not None:
                last_year = year + 1 if (last.month, last.day or 0) < (first.month, first.day or 0) else year
                last = PartialDate(last_year, last.month, last.day)
            out.update(first=first, last=last, resolved=True, year_from_reference=True)
    return out


# ------------------------------------------------------------------------------------------------- cues

# A single dash is left out in Russian and Chinese: "закрытие — 5 сентября" keeps one clause; a doubled one
# ("--", "——") always ends a clause, and so does a spaced dash in English ("on Dec 14 – just after ...").
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]，、；：（）…]|--|[—–]{2}|[。！？!?]")
_CLAUSE_BREAK_EN = re.compile(r"[,;:()\[\]…]|--|[—–]{2}|\s[—–-]\s")
# A Japanese sentence is governed by its final verb; its commas (、) do not close a clause.
_CLAUSE_BREAK_JA = re.compile(r"[;；()\[\]「」『』]|[。！？!?]")
# What may stand before a date that opens its clause: a short preposition ("On", "Во", "在").
_CLAUSE_OPENER = re.compile(r"^\s*(?:\w{1,3}\s+)?$|^[\s在于於]*$")


def _cue_for(norm: str, start: int, end: int, sentence: tuple[int, int], breaks: list[int],
             cues: list[tuple[int, int, str]], date_spans: list[tuple[int, int]], verb_final: bool) -> str | None:
    s_start, s_end = sentence
    i = bisect.bisect_left(breaks, start)
    clause_start = max(s_start, breaks[i - 1] + 1) if i > 0 else s_start
    j = bisect.bisect_left(breaks, end)
    clause_end = min(s_end, breaks[j]) if j < len(breaks) else s_end
    kind = _nearest_cue(start, end, clause_start, clause_end, cues, verb_final)
    if kind is not None or clause_end >= s_end:
        return kind
    # A date that closes its clause ("22日，博览会落下帷幕", "On Tuesday, the forum closed") is governed by the
    # next clause, unless that clause has a date of its own.
    if clause_end - end > 3 or not _CLAUSE_OPENER.match(norm[clause_start:start]):
        return None
    k = bisect.bisect_right(breaks, clause_end)
    next_end = min(s_end, breaks[k]) if k < len(breaks) else s_end
    if any(clause_end < ds < next_end for ds, _ in date_spans):
        return None
    return _nearest_cue(clause_end, clause_end, clause_end + 1, next_end, cues, verb_final)


def _nearest_cue(start: int, end: int, lo: int, hi: int, cues: list[tuple[int, int, str]],
                 verb_final: bool) -> str | None:
    before = [(start - ce, kind) for cs, ce, kind in cues if cs >= lo and ce <= start]
    after = [(cs - end, kind) for cs, ce, kind in cues if cs >= end and ce <= hi]
    first, second = (after, before) if verb_final else (before, after)
    for group in (first, second):
        if group:
            return min(group)[1]
    return None


# --------------------------------------------------------------------------------------------- find_dates


def find_dates(text: str, lang: str, reference: date | None = None) -> list[DateMention]:
    """Date mentions of a text in order, with offsets into ``text``.

    ``reference`` is the day the report was published; without it nothing is resolved and years the text does not
    state stay None.
    """
    g = _grammar(lang)
    norm = _normalise(text)
    raws = _scan_cached(norm, lang)
    if not raws:
        return []
    dateline = _find_dateline_norm(norm, text, lang)
    ctx = _Context(anchor=_anchor(dateline, reference), reference=reference)

    sentences = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    sentence_starts = [s for s, _ in sentences]
    clause_break = {"ja": _CLAUSE_BREAK_JA, "en": _CLAUSE_BREAK_EN}.get(lang, _CLAUSE_BREAK)
    breaks = [m.start() for m in clause_break.finditer(norm)]
    if dateline is not None:  # the dateline is a clause of its own
        bisect.insort(breaks, dateline.end - 1)
    cue_text = _lower_same_length(norm) if lang in ("ru", "en") else norm
    cues: list[tuple[int, int, str]] = []
    if g.cue_re is not None:
        cues = [(m.start(), m.end(), g.cue_kinds.get(_key(m.group(0)), "")) for m in g.cue_re.finditer(cue_text)]
    date_spans = [(r.start, r.end) for r in raws if r.kind not in ("year_only", "month_only")]
    verb_final = lang in ("ja", "zh")

    mentions: list[DateMention] = []
    for raw in raws:
        idx = max(0, bisect.bisect_right(sentence_starts, raw.start) - 1)
        sentence = sentences[idx]
        in_dateline = dateline is not None and dateline.start <= raw.start < dateline.end
        future = bool(g.future_re and g.future_re.search(cue_text, sentence[0], sentence[1]))
        resolved = _resolve(raw, ctx, future)
        cue = None
        if not in_dateline:
            cue = _cue_for(norm, raw.start, raw.end, sentence, breaks, cues, date_spans, verb_final)
        mention = DateMention(
            start=raw.start, end=raw.end, text=text[raw.start:raw.end], first=resolved["first"],
            last=resolved["last"], kind=resolved["kind"], resolved=resolved["resolved"],
            year_from_reference=resolved["year_from_reference"], cue=cue, sentence_start=sentence[0],
            sentence_end=sentence[1], in_dateline=in_dateline, month_from_context=resolved["month_from_context"],
            approximate=resolved["approximate"],
        )
        mentions.append(mention)
        if mention.kind in ("absolute", "range", "relative") and not mention.approximate:
            point = mention.last or mention.first
            if point.day is not None and point.month is not None:
                ctx.last_day = point
                ctx.last_day_year_from_reference = mention.year_from_reference
                if not mention.month_from_context:  # "30日" inherits the month; it does not set it
                    ctx.month_source = point
                    ctx.month_source_year_from_reference = mention.year_from_reference
                    ctx.month_source_is_report_day = mention.in_dateline
                    ctx.month_source_span_start = mention.first if mention.last is not None else None
    return mentions


# ------------------------------------------------------------------------------------------- durations


@lru_cache(maxsize=None)
def _duration_patterns(lang: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]]]:
    lex = lexicon(lang, "dates")
    numbers = _word_map(lex.get("number_words"))
    numerals = {str(k): int(v) for k, v in (lex.get("numerals") or {}).items()}

    def count(token: str) -> int | None:
        token = token.strip()
        if token.isdigit():
            return int(token)
        if _key(token) in numbers:
            return numbers[_key(token)]
        return _cjk_int(token, numerals) if numerals else None

    out: list[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]]] = []
    if lang == "ru":
        stems = _word_map(lex.get("duration_adjective_stems"))
        root = lex.get("duration_adjective_root", "дневн")
        endings = _alt(lex.get("adjective_endings") or [])
        # matched in a lower-cased copy of the text
        out.append((re.compile(rf"(?<![а-яё])(?P<stem>{_alt(list(stems))}){root}(?:{endings})(?![а-яё])"),
                    lambda m: stems.get(_key(m.group("stem")))))
        out.append((re.compile(rf"(?<![\d.,])(?P<n>\d{{1,2}})\s*-?\s*(?:х\s*-?\s*)?{root}(?:{endings})(?![а-яё])"),
                    lambda m: int(m.group("n"))))
        frames = _alt(lex.get("duration_frames") or [])
        nouns = _alt(lex.get("day_nouns") or [])
        out.append((re.compile(rf"(?<![а-яё])(?:{frames})\s+(?P<n>\d{{1,2}}|{_alt(list(numbers))})\s+(?:{nouns})"
                               rf"(?![а-яё])"), lambda m: count(m.group("n"))))
    elif lang == "en":
        num = rf"\d{{1,2}}|{_alt(list(numbers))}"
        out.append((re.compile(rf"\b(?P<n>{num})-day(?:-long)?\b", re.I), lambda m: count(m.group("n"))))
        frames = _alt(lex.get("duration_frames") or [])
        out.append((re.compile(rf"\b(?:{frames})\s+(?:the\s+)?(?:past\s+|next\s+)?(?P<n>{num})\s+(?:full\s+)?days\b",
                               re.I), lambda m: count(m.group("n"))))
        week = _alt(lex.get("week_long") or [])
        if week:
            out.append((re.compile(rf"\b(?:{week})\b", re.I), lambda m: 7))
    else:
        cn = "".join(numerals)
        num = rf"\d{{1,2}}|[{cn}]{{1,3}}"
        prefixes = _alt(lex.get("duration_prefixes") or [])
        day_units = _alt(lex.get("duration_day_units") or [])
        week_units = _alt(lex.get("duration_week_units") or [])
        suffixes = _alt(lex.get("duration_suffixes") or [])
        if prefixes:
            out.append((re.compile(rf"(?:{prefixes})\s*(?P<n>{num})\s*(?:个|個)?\s*(?P<u>{day_units}|{week_units})"),
                        lambda m: _cjk_days(count(m.group("n")), m.group("u"), lex)))
        if suffixes:
            out.append((re.compile(rf"(?<![\d{cn}])(?P<n>{num})\s*(?:{suffixes})"), lambda m: count(m.group("n"))))
        if lang == "ja":
            out.append((re.compile(rf"(?<![\d{cn}])(?P<n>{num})\s*(?P<u>{day_units}|{week_units})"),
                        lambda m: _cjk_days(count(m.group("n")), m.group("u"), lex)))
    return out


def _cjk_days(n: int | None, unit: str, lex: dict[str, Any]) -> int | None:
    if n is None:
        return None
    return n * 7 if unit in (lex.get("duration_week_units") or []) else n


def find_durations(text: str, lang: str) -> list[Duration]:
    """Stated lengths of an event: "двухдневной", "two-day", "for four days", "为期2天", "5日間"."""
    norm = _normalise(text)
    if _grammar(lang).lowercase:
        norm = _lower_same_length(norm)
    found: list[Duration] = []
    for pattern, days_of in _duration_patterns(lang):
        for m in pattern.finditer(norm):
            if any(m.start() < d.end and d.start < m.end() for d in found):
                continue
            days = days_of(m)
            if days is None or not 1 <= days <= 366:
                continue
            found.append(Duration(m.start(), m.end(), days, text[m.start():m.end()]))
    return sorted(found, key=lambda d: d.start)


# --------------------------------------------------------------------------------------------- datelines

_DATELINE_LINES = 8
_HEAD_CHARS = 4000


@dataclass(frozen=True)
class _DatelinePatterns:
    line: tuple[re.Pattern[str], ...]  # matched at the start of a line
    paren_agency: re.Pattern[str] | None  # "(共同)" anywhere in the first lines


@lru_cache(maxsize=None)
def _dateline_patterns(lang: str) -> _DatelinePatterns:
    lex = lexicon(lang, "dates")
    if lang in ("ru", "en"):
        return _DatelinePatterns(_latin_dateline_patterns(lang, lex), None)
    agencies = _alt(lex.get("dateline_agencies") or [])
    endings = _alt(lex.get("dateline_endings") or [])
    m_num = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    d_num = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
    date_re = rf"(?:(?P<y>{_YEAR})\s*年\s*)?(?P<m>{m_num})\s*月\s*(?P<d>{d_num})\s*日"
    # An agency not in the lexicon still ends in 社/网/报/台...: "大众网济南5月3日讯".
    generic_agency = r"[\u4e00-\u9fff]{1,6}?(?:社|网|網|报|報|台|在线|在線|新闻|新聞)"
    telegraph = re.compile(
        rf"[ \t]*[【\[(]?[ \t]*(?:(?P<ag1>{agencies})|(?P<ag2>{generic_agency}))?[ \t]*(?:记者|記者)?"
        rf"(?P<place>[\u4e00-\u9fff\u30a0-\u30ff]{{2,8}}?)[ \t]*(?P<date>{date_re})[ \t]*(?P<end>{endings})"
        rf"[ \t]*[】\])]?")
    bracket = re.compile(
        rf"[ \t]*[【\[][ \t]*(?:(?P<ag1>{agencies})[ \t]*)?(?P<place>[^\s【】\[\]=＝\d()]{{1,12}}?)?[ \t]*"
        rf"(?P<date>(?P<m>{m_num})\s*月\s*(?P<d>{d_num})\s*日)?[ \t]*"
        rf"(?:[=＝][ \t]*(?P<person>[^】\]\n]{{1,15}}?)|(?P<ag2>{agencies}))?[ \t]*[】\]]")
    paren_agency = re.compile(rf"\((?P<ag1>{agencies})\)")
    return _DatelinePatterns((telegraph, bracket), paren_agency)


def _latin_dateline_patterns(lang: str, lex: dict[str, Any]) -> tuple[re.Pattern[str], ...]:
    if lang == "ru":
        month = rf"(?i:(?:{_lexicon_alt(lex, 'months')})(?![а-яё])|(?:{_lexicon_alt(lex, 'month_abbreviations')})\.?)"
        date_re = rf"(?P<d>\d{{1,2}})\s+(?P<m>{month})(?:\s+(?P<y>{_YEAR})\s*(?:г\.|года|г(?![а-яё]))?)?"
    else:
        words = [w for ws in lex["months"].values() for w in ws]
        words += [w for ws in (lex.get("month_abbreviations") or {}).values() for w in ws]
        month = _alt(words + [w.upper() for w in words])
        date_re = (rf"(?:(?P<m>{month})\.?\s*(?P<d>\d{{1,2}})(?:,?\s*(?P<y>{_YEAR}))?"
                   rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\.?(?:\s+(?P<y2>{_YEAR}))?)")
    cap = "A-ZА-ЯЁ"
    place = rf"(?P<place>[{cap}][\w'’\-]*(?:\.?[ \t]+(?:[{cap}][\w'’\-]*|на|де|-на-)){{0,3}})"
    region = rf"(?:[ \t]*\([^()\n]{{2,40}}\)|[ \t]*,[ \t]*[{cap}][\w.]{{1,15}}(?=[ \t]*,))?"
    # The agency: "/Синьхуа/", "(Xinhua)", "- ПРАЙМ.", "INTERFAX.RU".
    agency = (rf"(?:/(?P<ag1>[^/\n]{{2,40}})/|\((?P<ag2>[^()\n]{{2,40}})\)"
              rf"|[-–—][ \t]*(?P<ag3>[{cap}][\w\-]*(?:[ \t][{cap}][\w\-]*)?)\."
              rf"|(?P<ag4>[{cap}][{cap}.\-]{{1,20}})\.?)?")
    with_date = re.compile(
        rf"[ \t]*{place}{region}[ \t]*[,.][ \t]*(?P<date>{date_re})"
        # "Иркутск, 25 июля. В рамках…": a full stop and a new sentence close a dateline without agency or dash
        rf"(?:(?P<stop>\.)(?=[ \t]+[{cap}«\"“]))?\.?[ \t]*{agency}[ \t]*(?P<dash>--|—|–|-(?=\s))?")
    upper_place = rf"(?P<place>[{cap}][{cap}'’\-]+(?:[ \t]+[{cap}][{cap}'’\-]+){{0,2}})"
    no_date = re.compile(
        rf"[ \t]*{upper_place}(?:[ \t]*,[ \t]*[{cap}][\w.]{{1,15}})?[ \t]*\((?P<ag2>[^()\n]{{2,30}})\)[ \t]*"
        rf"(?P<dash>--|—|–|-)")
    return (with_date, no_date)


@lru_cache(maxsize=16)
def _head_lines(norm: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the non-empty lines at the head of a text."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in norm[:_HEAD_CHARS].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(lines)


def find_dateline(text: str, lang: str) -> Dateline | None:
    """The news dateline at the start of the body: place, date (as written, no year added) and agency.

    It is looked for at the start of the first non-empty lines, after any block of timestamped headlines.
    """
    return _find_dateline_norm(_normalise(text), text, lang)


def _find_dateline_norm(norm: str, text: str, lang: str) -> Dateline | None:
    patterns = _dateline_patterns(lang)
    furniture = _furniture_lines(norm, lang)
    lines = [ln for ln in _head_lines(norm) if ln not in furniture][:_DATELINE_LINES]
    g = _grammar(lang)
    for start, end in lines:
        for pattern in patterns.line:
            m = pattern.match(norm, start, end)
            if m is not None and (dl := _dateline_from_match(m, text, g)) is not None:
                return dl
    if patterns.paren_agency is not None:
        for start, end in lines[:3]:
            m = patterns.paren_agency.search(norm, start, end)
            if m is not None:
                return Dateline(m.start(), m.end(), None, None, None, None, m.group("ag1"))
    return None


def _dateline_from_match(m: re.Match[str], text: str, g: _Grammar) -> Dateline | None:
    groups = m.groupdict()
    agency = next((groups[k] for k in ("ag1", "ag2", "ag3", "ag4") if groups.get(k)), None)
    telegraph = bool(groups.get("end"))
    dated_bracket = bool(groups.get("date")) and "【" in m.group(0)
    if not (agency or groups.get("dash") or groups.get("person") or telegraph or dated_bracket or groups.get("stop")):
        return None
    day = groups.get("d") or groups.get("d2")
    month = groups.get("m") or groups.get("m2")
    year = groups.get("y") or groups.get("y2")
    pdate: PartialDate | None = None
    if day and month:
        numeric = month.isdigit() or month[0] in g.numerals
        mo = _cjk_int(month, g.numerals) if numeric else g.months.get(_key(month))
        d = _cjk_int(day, g.numerals)
        y = int(year) if year else None
        if mo is None or not _valid(y, mo, d):
            return None
        pdate = PartialDate(y, mo, d)
    elif not agency and not groups.get("person"):
        return None  # a capitalised phrase and a dash are no dateline without a date or an agency
    place = place_start = place_end = None
    if groups.get("place"):
        place_start, place_end = m.start("place"), m.end("place")
        place = text[place_start:place_end]
    start, end = m.start(), m.end()
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return Dateline(start, end, place, place_start, place_end, pdate, agency.strip() if agency else None)


# ------------------------------------------------------------------------------------- publication dates

_TIME = re.compile(
    r"^[\s,|·/]*(?:в\s+|at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?|MSK|МСК|мск|UTC|GMT|CST|JST|BJT"
    r"|[+-]\d{2}:?\d{2}))?")
_WEEKDAY_PAREN = re.compile(r"^\s*\(\s*[^()\n]{1,12}\)")
_URL = re.compile(r"https?://|www\.")
_TOP_LINES = 30


@lru_cache(maxsize=None)
def _publication_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    labels: list[str] = []
    markers: list[str] = []
    for lang in LANGUAGES:
        lex = lexicon(lang, "dates")
        labels += lex.get("publication_labels") or []
        markers += lex.get("source_markers") or []
    label_re = re.compile(
        rf"^[\s\[(|]*(?:{_alt(labels)})\s*(?:[:：|]\s*)?(?:(?:on|at|в|от|于|於)\s*)?$", re.IGNORECASE)
    latin = [m for m in markers if re.match(r"^[A-Za-zА-Яа-яЁё ]+$", m)]
    other = [m for m in markers if m not in latin]
    parts = []
    if latin:
        parts.append(rf"(?<![\w])(?:{_alt(latin)})(?![\w])")
    if other:
        parts.append(rf"(?:{_alt(other)})")
    marker_re = re.compile("|".join(parts), re.IGNORECASE)
    return label_re, marker_re


@dataclass
class _DatedLine:
    start: int
    end: int
    date: PartialDate
    label: bool  # a publication label before the date ("Updated:", "发布时间:")
    prefix_empty: bool  # the line starts with the date
    has_time: bool
    suffix: str  # what follows the date and its time
    shape: str  # how the date is written, to tell a list of alike timestamps


def _is_full(r: _Raw) -> bool:
    return r.kind == "absolute" and bool(r.first.year and r.first.month and r.first.day) and not r.day_only


def _date_shape(surface: str) -> str:
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", surface):
        return "ymd"
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", surface):
        return "dmy"
    return "text"


@lru_cache(maxsize=16)
def _dated_lines(norm: str, lang: str) -> dict[tuple[int, int], _DatedLine]:
    """The head lines that hold a full date, with what surrounds their first one."""
    label_re, _ = _publication_words()
    raws = [r for r in _scan_cached(norm, lang) if _is_full(r)]
    starts = [r.start for r in raws]
    out: dict[tuple[int, int], _DatedLine] = {}
    for start, end in _head_lines(norm):
        i = bisect.bisect_left(starts, start)
        if i == len(raws) or raws[i].end > end:
            continue
        r = raws[i]
        prefix = norm[start:r.start]
        suffix = norm[r.end:end]
        time = _TIME.match(suffix)
        if time:
            suffix = suffix[time.end():]
        weekday = _WEEKDAY_PAREN.match(suffix)
        if weekday:
            suffix = suffix[weekday.end():]
        suffix = suffix.strip(" \t,|·-—–")
        label = bool(prefix.strip()) and bool(label_re.match(prefix))
        shape = _date_shape(norm[r.start:r.end]) + ("+time" if time else "")
        out[(start, end)] = _DatedLine(start, end, r.first, label, not prefix.strip(), time is not None, suffix, shape)
    return out


@lru_cache(maxsize=16)
def _furniture_lines(norm: str, lang: str) -> frozenset[tuple[int, int]]:
    """Lines of a "latest news" block: two or more nearby lines that each start with a timestamp of the same
    shape followed by a headline ("12.07.2025, 21:16 Some headline")."""
    dated = _dated_lines(norm, lang)
    lines = _head_lines(norm)
    led = [(i, dated[ln]) for i, ln in enumerate(lines) if ln in dated and dated[ln].prefix_empty and dated[ln].suffix]
    furniture: set[tuple[int, int]] = set()
    for (ia, a), (ib, b) in zip(led, led[1:]):
        if ib - ia <= 2 and a.shape == b.shape:
            furniture.update({(a.start, a.end), (b.start, b.end)})
    return frozenset(furniture)


def _is_stamp_suffix(suffix: str, marker_re: re.Pattern[str]) -> bool:
    """What follows a page's timestamp: nothing, a short byline, a source or a URL; not a headline."""
    if not suffix:
        return True
    if len(suffix) <= 120 and (marker_re.search(suffix) or _URL.search(suffix)):
        return True
    if _HAS_CJK.search(suffix):
        return len(suffix) <= 6
    return len(suffix) <= 30 and len(suffix.split()) <= 3


def find_publication_date(text: str, lang: str | None = None) -> PartialDate | None:
    """The date the page states for itself: a timestamp line near the top or a dated dateline; None if none.

    Lists of timestamped headlines ("12.07.2025, 21:16 Some headline") are page furniture and are ignored, and so
    are dates inside sentences (event dates).
    """
    lang = lang or guess_language(text)
    norm = _normalise(text)
    furniture = _furniture_lines(norm, lang)
    dated = _dated_lines(norm, lang)
    _, marker_re = _publication_words()
    best: tuple[int, PartialDate] | None = None
    for start, end in _head_lines(norm)[:_TOP_LINES]:
        d = dated.get((start, end))
        if d is None or (start, end) in furniture:
            continue
        if d.label or (d.prefix_empty and _is_stamp_suffix(d.suffix, marker_re)):
            best = (d.start, d.date)
            break
        line = norm[start:end].strip()
        if not d.prefix_empty and len(line) <= 100 and (d.has_time or marker_re.search(line)) \
                and _is_stamp_suffix(d.suffix, marker_re):
            best = (d.start, d.date)  # "Автор: Иван Петров | 12.03.2024 10:15"
            break
    dateline = _find_dateline_norm(norm, text, lang)
    if dateline is not None and dateline.date is not None and dateline.date.to_date() is not None:
        if best is None or dateline.start < best[0]:
            best = (dateline.start, dateline.date)
    return best[1] if best else None


# HTML metadata, best first.
_META_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "publication_date", "publishtime", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "date", "created",
)
_ISO_VALUE = re.compile(rf"({_YEAR})[-/.年]?(\d{{1,2}})[-/.月]?(\d{{1,2}})")


def _parse_meta_value(value: str) -> PartialDate | None:
    value = _normalise(value.strip())
    m = _ISO_VALUE.match(value)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        if _valid(y, mo, d):
            return PartialDate(y, mo, d)
    for lang in ("en", "ru"):
        for r in _scan(value, _grammar(lang)):
            if _is_full(r):
                return r.first
    return None


def find_publication_date_html(html: str) -> PartialDate | None:
    """Publication date from HTML metadata: article:published_time, JSON-LD datePublished, <time datetime>, ..."""
    if not html or "<" not in html:
        return None
    try:
        from lxml import html as lxml_html

        root = lxml_html.fromstring(html)
    except Exception:  # broken markup: fall back to the regexes below
        root = None
    found: dict[str, PartialDate] = {}
    if root is not None:
        for meta in root.iter("meta"):
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
            content = meta.get("content")
            if key in _META_KEYS and content and key not in found:
                parsed = _parse_meta_value(content)
                if parsed:
                    found[key] = parsed
        for script in root.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                value = _json_ld_date(script.text)
                if value and "datepublished" not in found:
                    parsed = _parse_meta_value(value)
                    if parsed:
                        found["datepublished"] = parsed
        times = list(root.iter("time"))
        for t in sorted(times, key=lambda t: 0 if (t.get("pubdate") is not None
                                                   or (t.get("itemprop") or "").lower() == "datepublished") else 1):
            value = t.get("datetime") or (t.text_content() if t.get("pubdate") is not None else None)
            parsed = _parse_meta_value(value) if value else None
            if parsed:
                found.setdefault("time", parsed)
                break
    else:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', html)
        if m and (parsed := _parse_meta_value(m.group(1))):
            found["datepublished"] = parsed
    for key in _META_KEYS[:4] + ("time",) + _META_KEYS[4:]:
        if key in found:
            return found[key]
    return None


def _json_ld_date(source: str) -> str | None:
    try:
        data = json.loads(source)
    except ValueError:
        m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', source)
        return m.group(1) if m else None
    return next(_walk_json(data, "datePublished"), None)


def _walk_json(data: Any, key: str) -> Iterator[str]:
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            yield data[key]
        for value in data.values():
            yield from _walk_json(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from _walk_json(item, key)
