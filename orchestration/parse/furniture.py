"""Separate an article from its page furniture: headline lists, navigation, metadata lines, footers.

Works on lines, because scraped pages and saved texts keep furniture on lines of its own. The rules are
about the *shape* of pages (runs of list items or timestamped headlines, short navigation lines around the
body, footers after it), with the marker words kept as data in ``furniture.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_NUMERIC_DATE = r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?)"
_TIMESTAMP_LEAD = re.compile(rf"^\s*{_NUMERIC_DATE}(?:[,\s]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?")
_DATE_ONLY_LINE = re.compile(rf"^\s*{_NUMERIC_DATE}(?:[,\s]+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$")
# two full dates joined on a line of their own ("23.11.2021 - 26.11.2021"): an event page's span, never a page's
# timestamp, which is one day
_DATE_RANGE_LINE = re.compile(rf"^\s*{_NUMERIC_DATE}\s*(?:[-–—~〜～]|to|по|до|至)\s*{_NUMERIC_DATE}\s*$", re.IGNORECASE)
# a date in words alone on its line, often the site's clock: «Суббота, 15 Февраля 2025», "Saturday, February 15, 2025"
_WORDY_DATE_LINE = re.compile(
    r"^\s*(?:[^\W\d_]+\.?,?\s+)?(?:\d{1,2}\.?\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2},?)\s+\d{4}"
    r"(?:\s*(?:г\.|года))?\s*$"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*▪►»]|\d{1,2}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?。！？…»\"”」』)）:]\s*$")
_BREADCRUMB = re.compile(r"\S\s+(?:>|›|»|/|\|)\s+\S")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _markers() -> dict[str, list[str]]:
    data = yaml.safe_load((Path(__file__).with_name("furniture.yml")).read_text(encoding="utf-8"))
    return {key: [m.lower() for m in values] for key, values in data.items()}


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    kind: str  # body | heading | title | metadata | listing | navigation | footer | blank | repeat


@dataclass(frozen=True)
class Article:
    title: str | None
    text: str  # the article body, furniture removed, lines joined by "\n"
    metadata_lines: tuple[str, ...]  # timestamp/source lines: where the page states its own date
    lines: tuple[Line, ...]  # every input line with its classification (for audits and tests)

    @property
    def removed(self) -> int:
        return sum(1 for line in self.lines if line.kind not in ("body", "heading", "title", "blank"))


def _weight(text: str) -> int:
    """Letters, with a CJK character counting as two (one CJK character carries about a word)."""
    return len(_LETTERS.findall(text)) + len(_CJK.findall(text))


def _is_prose(text: str) -> bool:
    weight = _weight(text)
    return weight >= 80 or (weight >= 20 and bool(_SENTENCE_END.search(text)))


_INNER_SENTENCE_END = re.compile(r"[.!?。！？]\s+\S|[。！？]\S")


# a clause of prose closed by the mark of a sentence or of an enumeration's member ("– подписание соглашения …;")
_CLAUSE_CLOSE = re.compile(r"[.;!?。；！？]\s*$")
_ENUMERATED_CLAUSE_WEIGHT = 40


def _is_enumerated_clause(text: str) -> bool:
    """"– the signing of the twinning agreement between Krasnodar and Grodno;", "・2009年度に…開催する。": a member of
    the article's own enumeration (an agenda, the deals signed) is a clause of prose that closes as one; the entries
    of menus and headline lists are names, and do not."""
    return _weight(text) >= _ENUMERATED_CLAUSE_WEIGHT and bool(_CLAUSE_CLOSE.search(text))


def _place_clauses(kinds: list[str], lines: list[str]) -> None:
    """A run of enumerated clauses is the article's own list where a paragraph of the article leads into it ("The
    programme included:") or the article goes on after it; below the page's furniture (a comment policy's numbered
    rules under the tags) it is an item list like any other."""
    i = 0
    while i < len(kinds):
        if kinds[i] != "clause":
            i += 1
            continue
        end = i
        while end < len(kinds) and kinds[end] in ("clause", "blank"):
            end += 1
        before = next((j for j in range(i - 1, -1, -1) if kinds[j] != "blank"), None)
        led_in = before is not None and kinds[before] == "body"
        continued = end < len(kinds) and kinds[end] == "body"
        for j in range(i, end):
            if kinds[j] == "clause":
                kinds[j] = "body" if led_in or continued else "item"
        i = end


def is_paragraph(text: str) -> bool:
    """Several sentences of prose: a paragraph even where it opens with a dash (a quoted speaker's words, «- Этот
    турнир проходит …»), never a list item or a menu entry."""
    return _weight(text) >= 200 and len(_INNER_SENTENCE_END.findall(text)) >= 2


_ANY_DATE = re.compile(r"\d{4}[-./年]\d{1,2}[-./月]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}")


def _is_byline(lowered: str, openers: list[str]) -> bool:
    """"By J. Smith | China Daily | Updated: 2022-11-05 08:10": a short line with a metadata label and a date."""
    return len(lowered) < 200 and bool(_ANY_DATE.search(lowered)) and any(
        f" {marker}" in lowered or f"|{marker}" in lowered for marker in openers if marker.endswith((":", "："))
    )


_TIME_AFTER_DATE = re.compile(r"^\s*\S+?[,\s]+\d{1,2}:\d{2}")


def _is_dated_prose(text: str) -> bool:
    """"2024年6月1日,…开幕。" opens an article with its date; a listed headline carries a time
    ("11.07.2025, 12:38 …") or ends without a full stop (a question or an exclamation is still a headline). A
    stamp before a paragraph of several sentences is the article's own, whatever follows it: no listed headline
    runs that long."""
    if _weight(text) >= _PARAGRAPH_WEIGHT and is_paragraph(text):
        return True
    return _weight(text) >= 40 and text.rstrip()[-1:] in ".。" and not _TIME_AFTER_DATE.match(text)


# the letters of a few sentences (a CJK character counts two): more than any headline carries
_PARAGRAPH_WEIGHT = 300


_FULL_STOP_END = re.compile(r"[.!?。！？]\s*$")


def _closing_byline_end(lines: list[str], kinds: list[str], first_body: int) -> int:
    """After an article, a short dated attribution line («「某某網日本語版」2024年5月6日», "(Xinhua) 2024-05-06")
    closes it: what follows (teaser headlines, often cut with "…") is no prose of its own. The line index that
    ends the article, or len(lines)."""
    weight_before = 0
    for i in range(first_body, len(lines)):
        stripped = lines[i].strip()
        if kinds[i] == "body":
            weight_before += _weight(stripped)
        if i == first_body or weight_before < 200 or not stripped or _weight(stripped) > 40:
            continue
        if not _ANY_DATE.search(stripped) or _FULL_STOP_END.search(_ANY_DATE.sub("", stripped)):
            continue
        if not any(_weight(later) >= 80 and _FULL_STOP_END.search(later.strip()) for later in lines[i + 1:]):
            if kinds[i] != "body":
                kinds[i] = "metadata"
            return i + 1
    return len(lines)


# a paragraph of prose (letters, a CJK character counting two) that ends with a full stop: what a photo credit
# inside the article is followed by, and a page's footer is not
_PROSE_AFTER_CREDIT = 150


def _photo_credit_within(lowered: str, later: list[str], credit_signs: list[str]) -> bool:
    """"© Sputnik / Jane Doe" above a photo inside the article: a copyright sign that prose paragraphs still
    follow credits a picture; it does not open the page's footer."""
    if not any(lowered.lstrip(_OPENING_BRACKETS).lstrip().startswith(sign) for sign in credit_signs):
        return False
    return any(_weight(line) >= _PROSE_AFTER_CREDIT and _FULL_STOP_END.search(line.strip()) for line in later)


def _credits_the_lead(before: list[str], later: list[str]) -> bool:
    """"Источник: Agency" under a headline and a one-line lead, above the article's paragraphs: a source or credit
    line with more prose after it than before it credits the opening, it does not close the article (a footer
    follows the bulk of the article, not its first lines)."""
    prose_after = sum(_weight(line) for line in later if _is_prose(line.strip()) and _FULL_STOP_END.search(line.strip()))
    return prose_after >= _PROSE_AFTER_CREDIT and prose_after > sum(_weight(line) for line in before if _is_prose(line.strip()))


_OPENING_BRACKETS = "([【（〔"


def _starts_with_any(lowered: str, markers: list[str]) -> bool:
    """The line opens with a marker, also inside an opening bracket ("(Web editor: …)", "【责任编辑:…】")."""
    lowered = lowered.lstrip(_OPENING_BRACKETS).lstrip()
    return any(lowered.startswith(marker) for marker in markers)


def split_article(raw_text: str) -> Article:
    markers = _markers()
    raw_lines = raw_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds: list[str] = []
    for text in raw_lines:
        stripped = text.strip()
        lowered = stripped.lower()
        if not stripped:
            kinds.append("blank")
        elif _is_schedule_field(stripped) or _DATE_RANGE_LINE.match(stripped):
            kinds.append("body")  # "Dates: 12-14 June", "日時：7月15日": a notice's field giving its event's day
        elif _DATE_ONLY_LINE.match(stripped) or _WORDY_DATE_LINE.match(stripped) \
                or _starts_with_any(lowered, markers["metadata_openers"]) \
                or _is_byline(lowered, markers["metadata_openers"]):
            kinds.append("metadata")
        elif lowered in markers["whole_lines"] or _BREADCRUMB.search(stripped) and _weight(stripped) < 40:
            kinds.append("navigation")
        elif _TIMESTAMP_LEAD.match(stripped) and not _is_dated_prose(stripped):
            # a single timestamp line is the page's own date; a run of them is a headline list (decided below)
            kinds.append("timestamped")
        elif _LIST_ITEM.match(stripped) and not is_paragraph(stripped):
            kinds.append("clause" if _is_enumerated_clause(stripped) else "item")
        elif _is_prose(stripped):
            kinds.append("body")
        else:
            kinds.append("short")
    for i in range(len(raw_lines) - 1):
        # the label on a line of its own ("日時"), the day on the next: one field
        if _is_schedule_label(raw_lines[i].strip()) and re.search(r"\d", raw_lines[i + 1]) \
                and len(raw_lines[i + 1].strip()) <= 120:
            kinds[i] = kinds[i + 1] = "body"
    _place_clauses(kinds, raw_lines)
    _mark_teasers(kinds, raw_lines)
    _resolve_runs(kinds, "timestamped", run_kind="listing", single_kind="metadata")
    _resolve_runs(kinds, "item", run_kind="listing", single_kind="short", min_run=3)
    if kinds.count("body") <= 1:
        # no paragraph but one opened by a dash (the one other prose line may be the title): a speaker's words
        # under the line that names them ("Ivan Petrov, minister:" / "– Trade is growing …") are the article
        for i, text in enumerate(raw_lines):
            stripped = text.strip()
            if kinds[i] == "short" and _LIST_ITEM.match(stripped) and _weight(stripped) >= 80:
                kinds[i] = "body"

    body_lines = [i for i, kind in enumerate(kinds) if kind == "body"]
    first_body = body_lines[0] if body_lines else len(kinds)
    last_body = body_lines[-1] if body_lines else -1

    # a block opener ("Последние новости") turns everything up to the next prose line into furniture
    for i, text in enumerate(raw_lines):
        if kinds[i] in ("short", "navigation") and _starts_with_any(text.strip().lower(), markers["block_openers"]):
            kinds[i] = "navigation"
            j = i + 1
            while j < len(kinds) and kinds[j] not in ("body",):
                if kinds[j] in ("short", "metadata"):
                    # a short line right before the body may be the article's own title; keep scanning for listings
                    break
                kinds[j] = "listing" if kinds[j] != "blank" else "blank"
                j += 1

    # the footer: after the body starts, a footer opener or an end marker closes the article
    end = len(kinds)
    for i in range(first_body, len(kinds)):
        lowered = raw_lines[i].strip().lower()
        if kinds[i] != "body" and _starts_with_any(lowered, markers["footer_openers"]):
            if _photo_credit_within(lowered, raw_lines[i + 1:], markers["credit_signs"]) \
                    or _credits_the_lead(raw_lines[first_body:i], raw_lines[i + 1:]):
                kinds[i] = "metadata"
                continue
            end = i
            break
        if kinds[i] == "body" and _starts_with_any(lowered, markers["footer_openers"]) and i > first_body \
                and not _credits_the_lead(raw_lines[first_body:i], raw_lines[i + 1:]):
            end = i
            break
        cut = _end_marker_position(raw_lines[i], markers["end_markers"])
        if cut is not None and i >= first_body:
            raw_lines[i] = raw_lines[i][:cut].rstrip()
            if raw_lines[i]:
                kinds[i] = "body"  # the article's last sentence, before its end mark
            end = i + 1
            break
    end = min(end, _closing_byline_end(raw_lines, kinds, first_body))
    for i in range(end, len(kinds)):
        if kinds[i] != "blank":
            kinds[i] = "footer"
    last_body = max((i for i in range(min(end, len(kinds))) if kinds[i] == "body"), default=-1)

    # listings after the last body line are related links; short lines after it are footer crumbs
    for i in range(last_body + 1, len(kinds)):
        if kinds[i] in ("short", "item", "listing", "navigation", "metadata"):
            kinds[i] = "footer" if kinds[i] in ("short", "navigation") else kinds[i]

    # before the body: the first headline-shaped line is the title; other short lines are navigation
    title_index = None
    for i in range(0, first_body + 1 if first_body < len(kinds) else len(kinds)):
        if kinds[i] in ("short", "body") and _is_headline(raw_lines[i].strip(), markers["caption_openers"]):
            title_index = i
            kinds[i] = "title"
            break
    if title_index == first_body:
        first_body = next((i for i in range(first_body + 1, len(kinds)) if kinds[i] == "body"), len(kinds))
    title_text = raw_lines[title_index].strip() if title_index is not None else None
    subtitle_index = next((i for i in range(title_index + 1, first_body) if raw_lines[i].strip()), None) \
        if title_index is not None else None
    for i in range(0, first_body):
        if kinds[i] == "short":
            if raw_lines[i].strip() == title_text:
                kinds[i] = "repeat"
            elif title_index is not None and i > title_index and _is_deck(raw_lines[i].strip()):
                kinds[i] = "heading"  # the standfirst under the headline: often the lead, with the date
            elif i == subtitle_index and _is_headline(raw_lines[i].strip(), markers["caption_openers"]) \
                    and not _TIMESTAMP_SHAPE.search(raw_lines[i]):
                kinds[i] = "heading"  # a second headline right under the first: the subtitle, often the event's name
            else:
                kinds[i] = "navigation"
    # short lines inside the body are sub-headings: article text
    for i in range(first_body, last_body + 1):
        if kinds[i] == "short":
            kinds[i] = "heading"
        elif kinds[i] == "item":
            kinds[i] = "body"

    # a paragraph printed twice (a repeated headline, a caption shown twice) is read once
    seen: set[str] = set()
    for i, kind in enumerate(kinds):
        if kind in ("body", "heading", "title"):
            key = raw_lines[i].strip()
            if key in seen:
                kinds[i] = "repeat"
            seen.add(key)

    title = raw_lines[title_index].strip() if title_index is not None else None
    body = "\n".join(raw_lines[i].strip() for i, kind in enumerate(kinds) if kind in ("body", "heading"))
    metadata = tuple(raw_lines[i].strip() for i, kind in enumerate(kinds) if kind == "metadata" and i < max(first_body, 1) + 2)
    lines = tuple(Line(i, raw_lines[i], kinds[i]) for i in range(len(kinds)))
    return Article(title=title, text=body, metadata_lines=metadata, lines=lines)


@lru_cache(maxsize=1)
def _schedule_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a label alone, a label and a colon before a value with a digit): the event's day as a notice's field. The
    labels are the extraction's (dates lexicons), which reads the day after them."""
    from orchestration.extract.dates.grammar import FIELD_SEPARATOR, schedule_label
    from orchestration.extract.lexicons import LANGUAGES

    label = schedule_label(LANGUAGES)
    return (re.compile(rf"{label}{FIELD_SEPARATOR}?\s*", re.IGNORECASE),
            re.compile(rf"{label}{FIELD_SEPARATOR}[^\n]*\d", re.IGNORECASE))


def _is_schedule_label(text: str) -> bool:
    return bool(text) and bool(_schedule_patterns()[0].fullmatch(text))


def _is_schedule_field(text: str) -> bool:
    return len(text) <= 120 and bool(_schedule_patterns()[1].match(text) or _venue_field().match(text))


@lru_cache(maxsize=None)
def _venue_field() -> re.Pattern[str]:
    """A notice's field that gives the event's place ("開催地 | フランス ナンシー市", "Venue: Tacoma"): the extraction's
    venue labels (roles lexicons), then a colon or a table's cell rule and the place."""
    from orchestration.extract.dates.grammar import FIELD_SEPARATOR, field_label
    from orchestration.extract.lexicons import LANGUAGES

    label = field_label(LANGUAGES, "roles", "venue_labels")
    return re.compile(rf"{label}{FIELD_SEPARATOR}\s*\S" if label else r"(?!x)x", re.IGNORECASE)


# a line under the headline that opens with a day, a weekday or a month, or holds a clock time or a full numeric
# date, is the page's timestamp ("5 July 2023, 14:15", "Monday, 6 May", «22 октября 2011»), not a subtitle
_TIMESTAMP_SHAPE = re.compile(
    r"^\s*(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|понедельник|вторник|сред[аы]|четверг|пятниц|суббот|воскресень)"
    r"|\d:\d\d|\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}", re.IGNORECASE)


def _is_deck(text: str) -> bool:
    """A sentence-long line (eight words, or twenty CJK characters), not a menu entry or a byline."""
    return len(text.split()) >= 8 or len(_CJK.findall(text)) >= 20


def _is_headline(text: str, caption_openers: list[str]) -> bool:
    """Headlines are short, carry several words and end without a full stop; captions are not headlines."""
    if not text or text[-1] in ".。" or _starts_with_any(text.lower(), caption_openers):
        return False
    if text.upper() == text and text.lower() != text:  # menus shout; headlines do not
        return False
    if _is_tag_strip(text):
        return False
    weight = _weight(text)
    words = len(text.split())
    return weight < 300 and (words >= 3 or len(_CJK.findall(text)) >= 8)


_WIDE_GAP = re.compile(r"\s{2,}|\s*[|｜]\s*")


def _is_tag_strip(text: str) -> bool:
    """"热搜:  App  青田  质检  湖北黄冈", "Politics  Business  Sport  World": a row of short tags or menu entries set
    apart by wide gaps (or, in CJK text, by spaces) is navigation, whose names say nothing of the article."""
    chunks = [c for c in _WIDE_GAP.split(text.strip()) if c]
    wanted = 5
    if _CJK.search(text) and len(chunks) < wanted:
        # a CJK headline may space out a phrase or two; a row of tags spaces out many
        chunks, wanted = text.split(), 7
    return len(chunks) >= wanted and all(len(c.split()) <= 3 and _weight(c) <= 16 for c in chunks)


def _resolve_runs(kinds: list[str], kind: str, *, run_kind: str, single_kind: str, min_run: int = 2) -> None:
    i = 0
    while i < len(kinds):
        if kinds[i] != kind:
            i += 1
            continue
        j = i
        members = []
        while j < len(kinds) and kinds[j] in (kind, "blank"):
            if kinds[j] == kind:
                members.append(j)
            j += 1
        for m in members:
            kinds[m] = run_kind if len(members) >= min_run else single_kind
        i = j


# a teaser: a timestamp line and at most this many lines of headline or standfirst before the next timestamp
_TEASER_LINES = 3


def _mark_teasers(kinds: list[str], raw_lines: list[str]) -> None:
    """A headline list whose items each take a line or three under their own timestamp ("26.07.2024 12:04" /
    a headline / …): two or more such items in a row are a listing. The last timestamp, the one followed by more
    than a teaser (the article's own title and text), stays the page's date line."""
    nonblank = [i for i, kind in enumerate(kinds) if kind != "blank"]
    stamps = [n for n, i in enumerate(nonblank)
              if kinds[i] == "timestamped" or kinds[i] == "metadata" and _DATE_ONLY_LINE.match(raw_lines[i])]
    teasers = [(a, b) for a, b in zip(stamps, stamps[1:]) if 1 <= b - a - 1 <= _TEASER_LINES]
    run: list[tuple[int, int]] = []
    for pair in [*teasers, None]:
        if pair is not None and (not run or run[-1][1] == pair[0]):
            run.append(pair)
            continue
        if len(run) >= 2:
            for a, b in run:
                for n in range(a, b):
                    kinds[nonblank[n]] = "listing"
        run = [pair] if pair is not None else []


def _end_marker_position(line: str, end_markers: list[str]) -> int | None:
    lowered = line.lower()
    positions = [lowered.find(marker) for marker in end_markers if marker in lowered]
    return min(positions) if positions else None
