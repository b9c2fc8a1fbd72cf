"""The date a page states for itself, as opposed to the dates of the events it reports.

Where a page states it, best first:

- HTML metadata (``article:published_time``, JSON-LD ``datePublished``, ``<time datetime>``), read by htmldate;
- a leading date line of a saved page (`` date 2024-06-28``), whatever follows it on the line;
- a timestamp or labelled line around the title ("11:36 07.12.2020", "Updated: 2021-05-03 09:12",
  "发布时间:2023-03-02 08:15:40 来源: …"), never a line of a "latest news" block;
- a short attribution line that closes the article: an outlet and a full date ("「某某網日本語版」2024年5月6日",
  "(Xinhua) 2024-05-06", "Example Daily, 6 May 2024");
- a dateline with a full date at the head of the body ("ИРКУТСК, 2 марта 2022 г. /PRNewswire/ —",
  "ДУШАНБЕ, 06.11.2025 /Агентство/.").

The run's own clock is never used: a page that states no date has none. The words (labels such as "Updated",
source markers such as "来源") are in ``lexicons/<lang>/dates.yml``; the date grammar is the extractors'.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from orchestration.extract.dates.common import HAS_CJK, alt, normalise, valid
from orchestration.extract.dates.datelines import (
    dated_lines,
    find_dateline_in,
    furniture_lines,
    head_lines,
    is_full,
)
from orchestration.extract.dates.grammar import scan_cached
from orchestration.extract.dates.model import PartialDate
from orchestration.extract.lexicons import LANGUAGES, lexicon
from orchestration.parse.furniture import is_paragraph
from orchestration.parse.language import detect_language

__all__ = [
    "find_publication_date",
    "labelled_publication_date",
    "find_publication_date_html",
    "split_date_line",
    "closing_byline_date",
]

_URL = re.compile(r"https?://|www\.")
# a date in figures set apart by a wide space from what follows on its line, not a sentence's first words nor a
# listed headline's field ("2022/04/18 | headline | more")
_NUMERIC_DATE_APART = re.compile(r"[ \t]*(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?:[ \t]{2,}|\t)[^\s|]")
_TOP_LINES = 30
# `` date 2024-06-28 …``: the date line a saved page starts with; the rest of the line is the page's own text.
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])[ \t]*")


def _words_of_all_languages(key: str) -> list[str]:
    return [w for lang in LANGUAGES for w in lexicon(lang, "dates").get(key) or []]


@lru_cache(maxsize=None)
def publication_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(labels before a page's date, "Updated:"; source/byline markers after a timestamp, "来源")."""
    labels = _words_of_all_languages("publication_labels")
    markers = _words_of_all_languages("source_markers")
    label_re = re.compile(
        rf"^[\s\[(|•·*]*(?:{alt(labels)})\s*(?:[:：|]\s*)?(?:(?:on|at|в|от|于|於)\s*)?$", re.IGNORECASE)
    latin = [m for m in markers if re.match(r"^[A-Za-zА-Яа-яЁё ]+$", m)]
    other = [m for m in markers if m not in latin]
    parts = []
    if latin:
        parts.append(rf"(?<![\w])(?:{alt(latin)})(?![\w])")
    if other:
        parts.append(rf"(?:{alt(other)})")
    marker_re = re.compile("|".join(parts), re.IGNORECASE)
    return label_re, marker_re


@lru_cache(maxsize=None)
def labelled_ending() -> re.Pattern[str]:
    """A label with its colon closing a line's text before the date: "Print this page  Posted: ", "… 掲載日:"."""
    labels = _words_of_all_languages("publication_labels")
    return re.compile(rf"(?:^|(?<=[\s|｜/»\]）)]))(?:{alt(labels)})\s*[:：]\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _byline_then_label() -> re.Pattern[str]:
    """A capitalised byline word or three, then the label, on a short line of its own: "Writer Posted at ",
    "Admin — updated on " (a sentence's lower-case words are no byline)."""
    labels = _words_of_all_languages("publication_labels")
    byline = r"(?:[A-ZА-ЯЁ][\w.'’-]*[ \t,|｜/—–-]+){1,3}"
    return re.compile(rf"^\s*{byline}(?i:{alt(labels)})\s*(?i:on|at|в|от)?\s*$")


_BYLINE_LABEL_LINE = 60


def split_date_line(text: str) -> tuple[date | None, str]:
    """A saved page's leading `` date YYYY-MM-DD`` and the text without it (the rest of that line kept)."""
    stripped = text.lstrip("\ufeff\r\n")
    m = _DATE_LINE.match(stripped)
    if m is None:
        return None, text
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not valid(y, mo, d):
        return None, text
    return date(y, mo, d), stripped[m.end():]


# "[ «Известия» ]", "(共同)": an outlet's name in brackets, nothing else
_BRACKETED_SOURCE = re.compile(r"^[\[(（【〔「『《〈«“\"]\s*[^\[\]()（）【】〔〕.!?。！？\n]{1,40}?\s*[\])）】〕」』》〉»”\"]$")
# "曹暉(○○センター特任フェロー)", "Ann Lee (staff reporter)": a byline's bracketed role
_TRAILING_ROLE = re.compile(r"\s*[(（][^()（）\n]{1,40}[)）]$")
# "| 来源: … | 收藏本文": the fields of a page's byline bar
_FIELD_BAR = re.compile(r"\s*[|｜丨]\s*")
# "Example.ru 11.06.18": an outlet's domain before its timestamp
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,6}\s*[,|:]?\s*$", re.IGNORECASE)


# "May 12/2022 /Agency/ Text…", "May 12, 2022 (Agency) -- Text…": a dateline with no place, the date first
_AGENCY_AHEAD = re.compile(r"^(?:/[^/\n]{2,30}/|[(（][^()（）\n]{2,30}[)）][ \t]*(?:--|—|–|-)(?=\s))")
_BAR_AHEAD = re.compile(r"^[ \t]*[|｜丨]")


def _is_byline_bar(prefix: str) -> bool:
    """"Example News | ", "By Ann Lee | Staff | ": the short fields of a byline bar before a date."""
    if not _FIELD_BAR.search(prefix.rstrip()[-1:] or " "):
        return False
    fields = [f for f in _FIELD_BAR.split(prefix) if f.strip()]
    return bool(fields) and len(fields) <= 3 and all(_is_short_byline(f.strip(), cjk_chars=16) for f in fields)


def _is_section(suffix: str) -> bool:
    """"| Новости региона": a section's name behind a bar after the date; a few words, no sentence."""
    fields = [f.strip() for f in _FIELD_BAR.split(suffix) if f.strip()]
    return bool(fields) and all(_is_short_byline(f, cjk_chars=10) if HAS_CJK.search(f)
                                else len(f) <= 50 and len(f.split()) <= 7 and not re.search(r"[.!?,;:]", f)
                                for f in fields)


def _is_stamp_suffix(suffix: str, marker_re: re.Pattern[str]) -> bool:
    """What follows a page's timestamp: nothing, a short byline (perhaps with its bracketed role), an outlet in
    brackets, a bar of short fields, a source or a URL; not a headline."""
    if not suffix:
        return True
    if len(suffix) <= 120 and (marker_re.search(suffix) or _URL.search(suffix)):
        return True
    if _BRACKETED_SOURCE.match(suffix):
        return True
    fields = [f for f in _FIELD_BAR.split(suffix) if f]
    if len(fields) > 1 and len(suffix) <= 60:
        return all(_is_short_byline(f, cjk_chars=16) for f in fields)
    byline = _TRAILING_ROLE.sub("", suffix) or suffix
    # "2019-06-12 某某日报 1800": an outlet, then the page's count of views
    return _is_short_byline(_TRAILING_COUNT.sub("", byline) or byline)


# a bare number closing a byline: how often the page was read
_TRAILING_COUNT = re.compile(r"(?<=\D)\s*\d{1,7}$")


def _is_short_byline(text: str, cjk_chars: int = 6) -> bool:
    """A name or two, no sentence; a field of a byline bar may be longer ("来源: 某某日报社")."""
    if HAS_CJK.search(text):
        return len(text) <= cjk_chars and not re.search(r"[。，,！？!?]", text)
    return len(text) <= 30 and len(text.split()) <= 3


def labelled_publication_date(line: str, lang: str) -> PartialDate | None:
    """The date of a line that labels it the page's own ("[初版公開日:2022年08月10日]", "Published: …"), even
    where the page sets it as a list item; None for any other line."""
    norm = normalise(line)
    label_re, _ = publication_words()
    for d in dated_lines(norm, lang).values():
        prefix = d.prefix.lstrip(" \t-–—•·*")
        if not d.prefix_empty and (label_re.match(prefix) or (len(line) <= 100 and labelled_ending().search(prefix))):
            return d.date
    return None


def find_publication_date(text: str, lang: str | None = None) -> PartialDate | None:
    """The date the page states for itself: a timestamp line near the top or a dated dateline; None if none.

    Lists of timestamped headlines ("12.07.2025, 21:16 Some headline") are page furniture and are ignored, and so
    are dates inside sentences (event dates).
    """
    lang = lang or detect_language(text)
    norm = normalise(text)
    furniture = furniture_lines(norm, lang)
    dated = dated_lines(norm, lang)
    label_re, marker_re = publication_words()
    label_end_re = labelled_ending()
    best: tuple[int, PartialDate] | None = None
    heads = head_lines(norm)[:_TOP_LINES]
    for number, (start, end) in enumerate(heads):
        d = dated.get((start, end))
        if d is None or (start, end) in furniture:
            continue
        if number == 0 and d.prefix_empty and d.date.to_date() is not None and _NUMERIC_DATE_APART.match(norm, start) \
                and not any(dated.get(line) is not None and dated[line].prefix_empty for line in heads[1:]):
            # "04.06.2002  Улан-Батор: открылась выставка": the page opens with its date before the headline; a
            # list of dated headlines dates more than its first line
            best = (d.start, d.date)
            break
        line = norm[start:end].strip()
        labelled = not d.prefix_empty and (bool(label_re.match(d.prefix))
                                           or (len(line) <= 100 and bool(label_end_re.search(d.prefix)))
                                           or (len(line) <= _BYLINE_LABEL_LINE and not d.suffix
                                               and bool(_byline_then_label().match(d.prefix))))
        if labelled or (d.prefix_empty and (_is_stamp_suffix(d.suffix, marker_re)
                                            or _AGENCY_AHEAD.match(d.after_time.lstrip())
                                            or (_BAR_AHEAD.match(d.after_time) and _is_section(d.suffix))
                                            # "2011-10-11 10:12 The mayors will sign …": a stamp run on to the
                                            # article's first paragraph
                                            or (d.has_time and is_paragraph(d.suffix)))):
            best = (d.start, d.date)
            break
        if not d.prefix_empty and len(line) <= 100 \
                and (d.has_time or marker_re.search(line) or _DOMAIN.match(d.prefix) or _is_byline_bar(d.prefix)) \
                and _is_stamp_suffix(d.suffix, marker_re):
            best = (d.start, d.date)  # "Автор: Иван Петров | 12.03.2024 10:15", "Example News | Jun 3, 2016"
            break
    dateline = find_dateline_in(norm, text, lang)
    if dateline is not None and dateline.date is not None:
        day = dateline.date if dateline.date.to_date() is not None else _year_from_same_day(norm, dateline.date, lang)
        if day is not None and (best is None or dateline.start < best[0]):
            best = (dateline.start, day)
    return best[1] if best else None


# how far from the top a full date may stand to lend its year to a yearless dateline (a photo caption, the lead)
_SAME_DAY_REACH = 600


def _year_from_same_day(norm: str, dateline_date: PartialDate, lang: str) -> PartialDate | None:
    """A yearless dateline ("BEIJING, Nov. 17 (Agency) --", "某社北京5月25日电") whose day the head of the text writes
    in full ("…, Nov. 17, 2022. (Photo)", "2024年5月25日8时"): that day."""
    if dateline_date.month is None or dateline_date.day is None:
        return None
    for r in scan_cached(norm, lang):
        if r.start >= _SAME_DAY_REACH:
            break
        if is_full(r) and (r.first.month, r.first.day) == (dateline_date.month, dateline_date.day):
            return r.first
    return None


# An attribution: an outlet in brackets or quotes, or a few words ("Source: …"), and no sentence of its own.
_BYLINE_PREFIX = re.compile(
    r"^[\s(\[「『《〈“\"«]*[^\s.!?。！？,，:：;；][^.!?。！？;；]{0,38}?[)\]」』》〉”\"»]?[\s,，、|/·\-–—]*[(（]?\s*$")
_BYLINE_SUFFIX = re.compile(r"^[\s)\]」』》〉”\"».。|=＝]*$")
# a newspaper's page after the date, in the paper's bracketed citation: "《某某日报》（2024年06月28日 第07版）",
# "(2024-06-28 第7版 要闻)"
_PRINT_PAGE = re.compile(r"^\s*第\s*[0-9０-９]{1,3}\s*[版面][^.!?。！？,，;；()（）]{0,12}[)）]?\s*$")


@lru_cache(maxsize=None)
def _issue_suffix() -> re.Pattern[str]:
    """After a date, the print issue it appeared in and the paper's name: "付 某新聞朝刊=" (ja)."""
    marks = _words_of_all_languages("issue_date_marks")
    if not marks:
        return re.compile(r"(?!)")
    return re.compile(rf"^\s*(?:{alt(marks)})[^.!?。！？,，;；]{{0,24}}$")


def closing_byline_date(line: str, lang: str | None = None) -> PartialDate | None:
    """The full date of a short attribution line that closes an article: «「某某網日本語版」2024年5月6日»,
    "(Xinhua) 2024-05-06", "Example Daily, 6 May 2024", "=2024/5/6付 某新聞朝刊="; None for anything that reads as a
    sentence."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    lang = lang or detect_language(stripped)
    norm = normalise(stripped)
    full = [r for r in scan_cached(norm, lang) if is_full(r)]
    if len(full) != 1:
        return None
    r = full[0]
    prefix, suffix = norm[:r.start], norm[r.end:]
    if not _BYLINE_SUFFIX.match(suffix) and not _issue_suffix().match(suffix) and not _PRINT_PAGE.match(suffix):
        return None
    if prefix.strip() and not _BYLINE_PREFIX.match(prefix):
        return None
    return r.first


# ------------------------------------------------------------------------------------------------- HTML

def find_publication_date_html(html: str) -> PartialDate | None:
    """Publication date from HTML metadata (article:published_time, JSON-LD datePublished, <time>, ...): htmldate's
    reading of the markup, see ``orchestration.parse.html``."""
    from orchestration.parse.html import publication_date

    found = publication_date(html)
    return PartialDate(found.year, found.month, found.day) if found else None
