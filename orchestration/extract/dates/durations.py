"""Stated lengths of an event: "двухдневной", "two-day", "for four days", "为期2天", "5日間"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from orchestration.extract.dates.common import alt, cjk_int, key, normalise, word_map
from orchestration.extract.dates.grammar import grammar_for, lower_same_length
from orchestration.extract.dates.model import Duration
from orchestration.extract.lexicons import lexicon


@lru_cache(maxsize=None)
def _duration_patterns(lang: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]]]:
    lex = lexicon(lang, "dates")
    numbers = word_map(lex.get("number_words"))
    numerals = {str(k): int(v) for k, v in (lex.get("numerals") or {}).items()}

    def count(token: str) -> int | None:
        token = token.strip()
        if token.isdigit():
            return int(token)
        if key(token) in numbers:
            return numbers[key(token)]
        return cjk_int(token, numerals) if numerals else None

    out: list[tuple[re.Pattern[str], Callable[[re.Match[str]], int | None]]] = []
    if lang == "ru":
        stems = word_map(lex.get("duration_adjective_stems"))
        root = lex.get("duration_adjective_root", "дневн")
        endings = alt(lex.get("adjective_endings") or [])
        # matched in a lower-cased copy of the text
        out.append((re.compile(rf"(?<![а-яё])(?P<stem>{alt(list(stems))}){root}(?:{endings})(?![а-яё])"),
                    lambda m: stems.get(key(m.group("stem")))))
        out.append((re.compile(rf"(?<![\d.,])(?P<n>\d{{1,2}})\s*-?\s*(?:х\s*-?\s*)?{root}(?:{endings})(?![а-яё])"),
                    lambda m: int(m.group("n"))))
        frames = alt(lex.get("duration_frames") or [])
        nouns = alt(lex.get("day_nouns") or [])
        out.append((re.compile(rf"(?<![а-яё])(?:{frames})\s+(?P<n>\d{{1,2}}|{alt(list(numbers))})\s+(?:{nouns})"
                               rf"(?![а-яё])(?!\s+до(?![а-яё]))"), lambda m: count(m.group("n"))))
    elif lang == "en":
        num = rf"\d{{1,2}}|{alt(list(numbers))}"
        # "a seven-day fair", and unhyphenated, "the seven day event"
        out.append((re.compile(rf"\b(?P<n>{num})(?:-|\s)day(?:-long)?\b(?!\s+(?:of|in|after)\b)", re.I),
                    lambda m: count(m.group("n"))))
        frames = alt(lex.get("duration_frames") or [])
        out.append((re.compile(rf"\b(?:{frames})\s+(?:(?:the|its)\s+)?(?:past\s+|next\s+)?(?P<n>{num})\s+(?:full\s+)?days\b",
                               re.I), lambda m: count(m.group("n"))))
        week = alt(lex.get("week_long") or [])
        if week:
            out.append((re.compile(rf"\b(?:{week})\b", re.I), lambda m: 7))
    else:
        cn = "".join(numerals)
        num = rf"\d{{1,2}}|[{cn}]{{1,3}}"
        prefixes = alt(lex.get("duration_prefixes") or [])
        day_units = alt(lex.get("duration_day_units") or [])
        week_units = alt(lex.get("duration_week_units") or [])
        suffixes = alt(lex.get("duration_suffixes") or [])
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
    norm = normalise(text)
    if grammar_for(lang).lowercase:
        norm = lower_same_length(norm)
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


