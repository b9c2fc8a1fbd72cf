"""The news dateline at the head of a body: place, date as written, agency ("Наньнин, 19 сентября /Синьхуа/ --",
"URUMQI, Sept. 1 (Xinhua) --", "新华社乌鲁木齐9月22日电", "【新華社北京3月25日】")."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from orchestration.extract.dates.common import YEAR, alt, cjk_int, key, normalise, valid
from orchestration.extract.dates.grammar import (
    Grammar,
    Raw,
    grammar_for,
    lexicon_alt,
    scan_cached,
)
from orchestration.extract.dates.model import Dateline, PartialDate
from orchestration.extract.lexicons import lexicon

_DATELINE_LINES = 8
HEAD_CHARS = 4000


@dataclass(frozen=True)
class _DatelinePatterns:
    line: tuple[re.Pattern[str], ...]  # matched at the start of a line
    paren_agency: re.Pattern[str] | None  # "(共同)" anywhere in the first lines
    inline_bracket: re.Pattern[str] | None = None  # "【agency place date】" anywhere in the first lines


@lru_cache(maxsize=None)
def _dateline_patterns(lang: str) -> _DatelinePatterns:
    lex = lexicon(lang, "dates")
    if lang in ("ru", "en"):
        return _DatelinePatterns(_latin_dateline_patterns(lang, lex), None)
    agencies = alt(lex.get("dateline_agencies") or [])
    endings = alt(lex.get("dateline_endings") or [])
    m_num = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    d_num = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
    date_re = rf"(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{m_num})\s*月\s*(?P<d>{d_num})\s*日"
    # An agency not in the lexicon still ends in 社/网/报/台...: "大众网济南5月3日讯", "俄罗斯卫星通讯社北京11月13日电".
    # The site's Latin name may follow it: "某某网EXAMPLE.CN北京8月3日电".
    generic_agency = r"[\u4e00-\u9fff]{1,8}?(?:社|网|網|报|報|台|在线|在線|新闻|新聞)(?:[ \t]*[A-Za-z][A-Za-z0-9.\-]{1,24})?"
    telegraph = re.compile(
        rf"[ \t]*[【\[(]?[ \t]*(?:(?P<ag1>{agencies})|(?P<ag2>{generic_agency}))?[ \t]*(?:记者|記者)?"
        rf"(?P<place>[\u4e00-\u9fff\u30a0-\u30ff]{{2,8}}?)[ \t]*(?P<date>{date_re})[ \t]*(?P<end>{endings})"
        rf"[ \t]*[】\])]?")
    bracket = re.compile(
        # "【長春(中国)2023年8月29日PR Newswire=共同通信JBN】": a press release's place, its country, its full date
        rf"[ \t]*[【\[][ \t]*(?:(?P<ag1>{agencies})[ \t]*)?(?P<place>[^\s【】\[\]=＝\d()（）]{{1,12}}?)?"
        rf"(?:[(（][^()（）\d\n]{{1,8}}[)）])?[ \t]*"
        rf"(?P<date>(?:(?P<y>{YEAR})\s*年\s*)?(?P<m>{m_num})\s*月\s*(?P<d>{d_num})\s*日)?[ \t]*"
        rf"(?:[=＝][ \t]*(?P<person>[^】\]\n]{{1,15}}?)|(?P<ag2>{agencies})"
        # "【9月25日 Outlet Name】": an outlet in Latin letters after the date, perhaps with its distributor
        rf"|(?<=[日\s])(?P<outlet>[A-Za-z][A-Za-z0-9 .&'\-]{{1,30}}?)(?:[=＝][^】\]\n]{{1,15}}?)?)?[ \t]*[】\]]")
    # a reporter's byline, which names where the reporter filed from and no date: "【記者 王小明／台中 報導】",
    # "某某報訊 (記者 王小明 長沙報道)"
    reporter_byline = re.compile(
        rf"[ \t]*(?:(?P<ag1>{agencies})|(?P<ag2>{generic_agency}))?(?:讯|訊)?[ \t]*[【\[(（][ \t]*(?:记者|記者)[ \t]*"
        rf"(?P<person>[\u4e00-\u9fff]{{2,4}}(?:[、，,][\u4e00-\u9fff]{{2,4}})*)[ \t]*[／/ \t][ \t]*"
        rf"(?P<place>[\u4e00-\u9fff]{{2,6}}?)[ \t]*(?:报道|報導|报导|報道)[ \t]*[】\])）]")
    paren_agency = re.compile(rf"\((?P<ag1>{agencies})\)")
    # inside a line only with a known agency and a date, so that no bracketed heading is taken for one
    inline_bracket = re.compile(
        rf"[【\[][ \t]*(?P<ag1>{agencies})[ \t]*(?P<place>[^\s【】\[\]=＝\d()]{{1,12}}?)?[ \t]*"
        rf"(?P<date>(?P<m>{m_num})\s*月\s*(?P<d>{d_num})\s*日)[ \t]*[】\]]")
    return _DatelinePatterns((telegraph, bracket, reporter_byline), paren_agency, inline_bracket)


def _latin_dateline_patterns(lang: str, lex: dict[str, Any]) -> tuple[re.Pattern[str], ...]:
    if lang == "ru":
        month = rf"(?i:(?:{lexicon_alt(lex, 'months')})(?![а-яё])|(?:{lexicon_alt(lex, 'month_abbreviations')})\.?)"
        date_re = rf"(?P<d>\d{{1,2}})\s+(?P<m>{month})(?:,?\s+(?P<y>{YEAR})\s*(?:г\.|года|г(?![а-яё]))?)?"
    else:
        words = [w for ws in lex["months"].values() for w in ws]
        words += [w for ws in (lex.get("month_abbreviations") or {}).values() for w in ws]
        month = alt(words + [w.upper() for w in words])
        date_re = (rf"(?:(?P<m>{month})\.?\s*(?P<d>\d{{1,2}})(?:,?\s*(?P<y>{YEAR}))?"
                   rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{month})\.?(?:\s+(?P<y2>{YEAR}))?)")
    # "ДУШАНБЕ, 06.11.2025 /Агентство/.", "Бишкек, 13.06.19. /…/": a numeric date, day first outside American
    # English, its year perhaps written short
    numeric = rf"(?P<p3>\d{{1,2}})(?P<sep3>[./])(?P<q3>\d{{1,2}})(?P=sep3)(?P<y3>{YEAR}|\d{{2}})(?!\d)"
    date_re = rf"(?:{numeric}|{date_re})"
    cap = "A-ZА-ЯЁ"
    # «Нижегородская область», «Приморский край»: a region's lower-case noun after its adjective
    place = (rf"(?P<place>[{cap}][\w'’\-]*(?:\.?[ \t]+(?:[{cap}][\w'’\-]*|на|де|-на-|область|край|округ))"
             rf"{{0,3}})")
    region = rf"(?:[ \t]*\([^()\n]{{2,40}}\)|[ \t]*,[ \t]*[{cap}][\w.]{{1,15}}(?=[ \t]*,))?"
    # The agency: "/Синьхуа/", "(Xinhua)", "- ПРАЙМ.", "INTERFAX.RU".
    agency = (rf"(?:/(?P<ag1>[^/\n]{{2,40}})/|\((?P<ag2>[^()\n]{{2,40}})\)"
              rf"|[-–—][ \t]*(?P<ag3>[{cap}][\w\-]*(?:[ \t][{cap}][\w\-]*)?)\."
              rf"|(?P<ag4>[{cap}][{cap}.\-]{{1,20}})\.?)?")
    with_date = re.compile(
        rf"[ \t]*{place}{region}[ \t]*[,.][ \t]*(?P<date>{date_re})"
        # «Нижегородская область, 28 сентября, 2012, 15:26 — ИА Регнум.»: the wire's clock after the date
        rf"(?:,?[ \t]*(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))?"
        # "Иркутск, 25 июля. В рамках…": a full stop and a new sentence close a dateline without agency or dash
        rf"(?:(?P<stop>\.)(?=[ \t]+[{cap}«\"“]))?[.,]?[ \t]*{agency}[ \t]*(?P<dash>--|—|–|-(?=\s))?")
    upper_place = rf"(?P<place>[{cap}][{cap}'’\-]+(?:[ \t]+[{cap}][{cap}'’\-]+){{0,2}})"
    no_date = re.compile(
        rf"[ \t]*{upper_place}(?:[ \t]*,[ \t]*[{cap}][\w.]{{1,15}})?[ \t]*\((?P<ag2>[^()\n]{{2,30}})\)[ \t]*"
        rf"(?P<dash>--|—|–|-)")
    # "PETROPAVLOVSK. KAZINFORM The forum…", «АСТАНА. КАЗИНФОРМ - …»: the place and the agency in capitals, a full stop
    # between them
    stop_agency = re.compile(
        rf"[ \t]*{upper_place}\.[ \t]+(?P<ag4>[{cap}][{cap}\-]{{2,20}})"
        rf"(?:[ \t]*(?P<dash>--|—|–|-)(?=\s)|(?=[ \t]+[{cap}«\"“]))")
    if lang != "ru":
        return (with_date, no_date, stop_agency)
    # «Архангельск. Сегодня на пресс-конференции …»: a Russian regional paper's lone place, a full stop, then the
    # lead (English writes a lone capitalised word and a full stop for titles: "Gen. Smith")
    lone_place = re.compile(rf"[ \t]*(?P<place>[{cap}][\w'’\-]{{2,}})\.(?P<lone>)[ \t]+(?=[{cap}«\"“])")
    return (with_date, no_date, stop_agency, lone_place)


_SYNDICATION_CREDIT = re.compile(r"[ \t]*\([^()\n]{2,60}\)[ \t]+")


@lru_cache(maxsize=16)
def head_lines(norm: str, max_chars: int = HEAD_CHARS) -> tuple[tuple[int, int], ...]:
    """(start, end) of the non-empty lines in the first ``max_chars`` of a text."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in norm[:max_chars].split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(lines)


def find_dateline(text: str, lang: str) -> Dateline | None:
    """The news dateline at the start of the body: place, date (as written, no year added) and agency.

    It is looked for at the start of the first non-empty lines, after any block of timestamped headlines.
    """
    return find_dateline_in(normalise(text), text, lang)


@lru_cache(maxsize=8)
def find_dateline_in(norm: str, text: str, lang: str) -> Dateline | None:
    # read by the pipeline and again by the date finder for the same document
    patterns = _dateline_patterns(lang)
    furniture = furniture_lines(norm, lang)
    lines = [ln for ln in head_lines(norm) if ln not in furniture][:_DATELINE_LINES]
    g = grammar_for(lang)
    for start, end in lines:
        # a syndicator's credit in brackets may run ahead of the dateline: "(MENAFN- Some Agency) TASHKENT, …"
        credit = _SYNDICATION_CREDIT.match(norm, start, end)
        for position in (start, credit.end()) if credit else (start,):
            for pattern in patterns.line:
                m = pattern.match(norm, position, end)
                if m is not None and (dl := _dateline_from_match(m, text, g)) is not None:
                    return dl
    # a dated agency bracket after a photo caption on the lead line: "…（撮影）【新華社広州11月5日】本文…"
    if patterns.inline_bracket is not None:
        for start, end in lines[:3]:
            m = patterns.inline_bracket.search(norm, start, end)
            if m is not None and (dl := _dateline_from_match(m, text, g)) is not None:
                return dl
    if patterns.paren_agency is not None:
        for start, end in lines[:3]:
            m = patterns.paren_agency.search(norm, start, end)
            if m is not None:
                return Dateline(m.start(), m.end(), None, None, None, None, m.group("ag1"))
    return None


def _dateline_from_match(m: re.Match[str], text: str, g: Grammar) -> Dateline | None:
    groups = m.groupdict()
    agency = next((groups[k] for k in ("ag1", "ag2", "ag3", "ag4") if groups.get(k)), None)
    telegraph = bool(groups.get("end"))
    dated_bracket = bool(groups.get("date")) and "【" in m.group(0)
    if not (agency or groups.get("dash") or groups.get("person") or telegraph or dated_bracket or groups.get("stop")
            or groups.get("lone") is not None):
        return None
    day = groups.get("d") or groups.get("d2")
    month = groups.get("m") or groups.get("m2")
    year = groups.get("y") or groups.get("y2") or groups.get("y3")
    if groups.get("p3"):
        month_first = groups.get("sep3") == "/" and g.numeric_order in ("mdy", "ymd")
        day, month = (groups["q3"], groups["p3"]) if month_first else (groups["p3"], groups["q3"])
    pdate: PartialDate | None = None
    if day and month:
        numeric = month.isdigit() or month[0] in g.numerals
        mo = cjk_int(month, g.numerals) if numeric else g.months.get(key(month))
        d = cjk_int(day, g.numerals)
        y = int(year) if year else None
        if year and len(year) == 2:  # "13.06.19": this century's
            y = 2000 + y
        if mo is None or not valid(y, mo, d):
            return None
        pdate = PartialDate(y, mo, d)
    elif not agency and not groups.get("person") and groups.get("lone") is None:
        return None  # a capitalised phrase and a dash are no dateline without a date or an agency
    place = place_start = place_end = None
    if groups.get("place"):
        place_start, place_end = m.start("place"), m.end("place")
        place = text[place_start:place_end]
        if key(place) in g.weekdays:
            return None  # "Thursday, 26 November 2015 00:00": a page's timestamp, not a place and its date
    start, end = m.start(), m.end()
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return Dateline(start, end, place, place_start, place_end, pdate, agency.strip() if agency else None)




# ------------------------------------------------------------------------------ dated lines at the head

# A time of day next to a date: "21:16", "в 10:15 МСК", "08:00 +08:00", "10:15 AM", "09:00 UTC+8".
TIME = re.compile(
    r"[\s,|·/]*(?:в\s+|at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[AaPp]\.?[Mm]\.?"
    r"|(?:MSK|МСК|мск|UTC|GMT|CST|JST|BJT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?")
_WEEKDAY_PAREN = re.compile(r"^\s*\(\s*[^()\n]{1,12}\)")
_TIME_BEFORE = re.compile(rf"(?:^|(?<=[\s:：|]))(?:{TIME.pattern})[ \t,|·\-—–]*$")


@dataclass(frozen=True)
class DatedLine:
    """A head line that holds a full date, and what surrounds its first one."""

    start: int
    end: int
    date: PartialDate
    prefix: str  # the line before the date (a time of day right before it removed)
    suffix: str  # what follows the date and its time
    has_time: bool
    shape: str  # how the date is written, to tell a list of alike timestamps
    after_time: str = ""  # what follows the date and its time, as written ("| Новости региона", "(Agency) -- Text")

    @property
    def prefix_empty(self) -> bool:
        return not self.prefix.strip()


def is_full(r: Raw) -> bool:
    return r.kind == "absolute" and bool(r.first.year and r.first.month and r.first.day) and not r.day_only


def date_shape(surface: str) -> str:
    """How a date is written: "ymd" and "dmy" for figures and separators ("2009-08-13", "13.08.2009"), else "text"."""
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", surface):
        return "ymd"
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", surface):
        return "dmy"
    return "text"


@lru_cache(maxsize=16)
def dated_lines(norm: str, lang: str, max_chars: int = HEAD_CHARS) -> dict[tuple[int, int], DatedLine]:
    """The lines (of the first ``max_chars``) that hold a full date."""
    raws = [r for r in scan_cached(norm, lang) if is_full(r)]
    starts = [r.start for r in raws]
    out: dict[tuple[int, int], DatedLine] = {}
    for start, end in head_lines(norm, max_chars):
        i = bisect.bisect_left(starts, start)
        if i == len(raws) or raws[i].end > end:
            continue
        r = raws[i]
        prefix = norm[start:r.start]
        suffix = norm[r.end:end]
        time = TIME.match(suffix)
        if time:
            suffix = suffix[time.end():]
        else:  # "11:36 07.12.2020", "Updated: 10:15 Sep 04 2012": the time before the date
            time = _TIME_BEFORE.search(prefix)
            if time:
                prefix = prefix[:time.start()]
        if key(prefix.strip(" \t,|·-—–()")) in grammar_for(lang).weekdays:
            prefix = ""  # "Tuesday, March 12, 2024", "Вторник, 12 марта 2024"
        after_time = suffix
        weekday = _WEEKDAY_PAREN.match(suffix)
        if weekday:
            suffix = suffix[weekday.end():]
        suffix = suffix.strip(" \t,|·-—–")
        shape = date_shape(norm[r.start:r.end]) + ("+time" if time else "")
        out[(start, end)] = DatedLine(start, end, r.first, prefix, suffix, time is not None, shape, after_time)
    return out


@lru_cache(maxsize=16)
def furniture_lines(norm: str, lang: str) -> frozenset[tuple[int, int]]:
    """Lines of a "latest news" block: two or more nearby lines that each start with a timestamp of the same
    shape followed by a headline ("12.07.2025, 21:16 Some headline")."""
    dated = dated_lines(norm, lang)
    lines = head_lines(norm)
    led = [(i, dated[ln]) for i, ln in enumerate(lines) if ln in dated and dated[ln].prefix_empty and dated[ln].suffix]
    furniture: set[tuple[int, int]] = set()
    for (ia, a), (ib, b) in zip(led, led[1:]):
        if ib - ia <= 2 and a.shape == b.shape:
            furniture.update({(a.start, a.end), (b.start, b.end)})
    return frozenset(furniture)
