"""One raw document to one parsed document: article text, title, language, publication date.

The publication date is the one the page states (``orchestration.parse.published``): HTML metadata, a leading
date line, a timestamp line around the title, a closing attribution line, a dated dateline, the day in the path of
the page's own address printed at its foot; never the run's clock.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from orchestration.extract.dates.common import valid
from orchestration.extract.dates.grammar import lexicon_alt
from orchestration.extract.lexicons import lexicon
from orchestration.fetch.charsets import decode_body
from orchestration.parse.furniture import Article, split_article
from orchestration.parse.html import html_to_page
from orchestration.parse.language import detect_language
from orchestration.parse.published import (
    closing_byline_date,
    find_publication_date,
    labelled_publication_date,
    split_date_line,
)
from orchestration.parse.version import parser_version

# changes with any change to the parsing code or the date grammar and lexicons it reads
PARSER_VERSION = parser_version()


class ParseError(ValueError):
    """The document cannot be read as text; the message is the reason recorded in the warehouse."""


@dataclass(frozen=True)
class ParsedDocument:
    title: str | None
    text: str  # the title (when there is one) as the first line, then the article body
    language: str
    published_date: date | None
    published_date_source: str | None  # html_meta | page_metadata | dateline | printed_address
    removed_lines: int


def decode_bytes(content: bytes, content_type: str | None = None, declared: str | None = None) -> str:
    """The same charset rules as for HTTP pages (header, then <meta>, then detection); a file has no header, so
    the charset the fetcher settled on, if any, stands in for it."""
    header = content_type or "text/plain"
    if declared:
        header = f"{header}; charset={declared}"
    text, _, _ = decode_body(content, header)
    if not text.strip():
        raise ParseError("no_text")
    return text


# Mirror sites gloss characters with their pinyin in brackets (經(jīng)濟, 贸(mào)易): reading aids inside words
# that hide them from every word list.
_PINYIN_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)+\)")


def parse_document(content: bytes, *, content_type: str | None, language_hint: str | None = None,
                   declared_encoding: str | None = None) -> ParsedDocument:
    text = decode_bytes(content, content_type, declared_encoding)
    is_html = (content_type or "").startswith(("text/html", "application/xhtml")) or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if is_html:
        return _parse_html(text, language_hint)
    text = _PINYIN_GLOSS.sub("", text)
    published, text = split_date_line(text)
    source = "page_metadata" if published else None
    article = split_article(text)
    if not article.text.strip():
        raise ParseError("no_article_text")
    language = detect_language(article.text, language_hint)
    if published is None:
        published, source = stated_publication_date(article, language)
    return _document(article.title, article.text, language, published, source, article.removed)


# Our line rules for page furniture (teaser lists, editor and source lines, closing attributions) still remove
# what trafilatura keeps on Russian, Japanese and Chinese pages: on sources/corpus/html F1 0.94 -> 0.99. On
# English pages they cost recall, so trafilatura's text stands there.
_FURNITURE_LANGUAGES = {"ru", "ja", "zh"}


def _parse_html(markup: str, language_hint: str | None) -> ParsedDocument:
    page = html_to_page(markup)
    title, body = page.title, _PINYIN_GLOSS.sub("", page.text)
    if not body.strip():
        raise ParseError("no_article_text")
    language = detect_language(body, language_hint)
    article = split_article(f"{title}\n{body}" if title else body)
    removed = 0
    if language in _FURNITURE_LANGUAGES and article.text.strip():
        removed = article.removed
        if title is None or article.title in (None, title):
            title, body = title or article.title, article.text
        else:  # the line rules took another line for the headline: it stays text, the page's title leads
            body = f"{article.title}\n{article.text}"
    published, source = page.published, "html_meta" if page.published else None
    if published is None:
        published, source = stated_publication_date(article, language)
    return _document(title, body, language, published, source, removed)


def _document(title: str | None, body: str, language: str, published: date | None, source: str | None,
              removed: int) -> ParsedDocument:
    # the title leads the stored text, so every extraction offset points into one string
    return ParsedDocument(
        title=title,
        text=f"{title}\n{body}" if title else body,
        language=language,
        published_date=published,
        published_date_source=source,
        removed_lines=removed,
    )


# a line the page layout made a title may still be nothing but a timestamp ("12 марта 2024, 10:15")
_STAMP_KINDS = ("metadata", "navigation", "title", "repeat", "heading")
# the end of the last paragraph after its last sentence: an attribution the page ran on ("…した。 「某某網」2024年5月6日")
_PARAGRAPH_TAIL = re.compile(r"(?<=[。！？.!?])[^。！？.!?]{4,60}$")
# what such an attribution opens with: an outlet in brackets or quotes
_BRACKETED_OUTLET = re.compile(r"^\s*[「『《〈“\"«(（\[【][^」』》〉”\"»)）\]】\n]{1,30}[」』》〉”\"»)）\]】]\s*")
# or a writer's signature: "…will be invited. David Royle 22 May 2023"
_SIGNATURE = re.compile(r"^\s*(?:[A-Z][a-z][\w'’-]*\s+){1,3}(?=\d)")
# how many lines below a bare date the article's own timestamp may stand
_STAMP_REACH = 12
# a paper's name or its issue in brackets or quotes, as a citation sets them
_BRACKETED_CITATION = re.compile(r"[《「『【（(\[][^《》「」『』【】（）()\[\]]{2,40}[》」』】）)\]]")
# a time of day run into the numeric date beside it, where a page set them as two elements ("18:4509.06.2018")
_HOURS_MINUTES = r"(?:[01]?\d|2[0-3]):[0-5]\d"
_GLUED_TIME = re.compile(rf"(?<!\d)({_HOURS_MINUTES})((?:[0-3]\d)[./](?:[01]\d)[./](?:19|20)\d\d)(?!\d)")
_TIME_OF_DAY = re.compile(rf"(?<!\d){_HOURS_MINUTES}(?!\d)")


@lru_cache(maxsize=1)
def _english_month() -> re.Pattern[str]:
    """An English month's name or abbreviation: a line that may hold a timestamp in English."""
    lex = lexicon("en", "dates")
    return re.compile(rf"\b(?:{lexicon_alt(lex, 'months')}|{lexicon_alt(lex, 'month_abbreviations')})\b",
                      re.IGNORECASE)


def _run_on_attribution(lines, lang: str) -> date | None:
    """The date of an outlet's attribution run on to the article's last paragraph («…した。 「某某網」2024年5月6日 |»)."""
    last = next((line for line in reversed(lines) if line.kind == "body"), None)
    tail = _PARAGRAPH_TAIL.search(last.text.rstrip()) if last is not None else None
    if tail is None or not (_BRACKETED_OUTLET.match(tail.group()) or _SIGNATURE.match(tail.group())):
        return None
    found = closing_byline_date(tail.group(), lang)
    return found.to_date() if found else None


def _lists_other_news(lines, line, first_body: int) -> bool:
    """"29.07.2025 - 17:17" over a headline, below a footer line (the copyright notice) that closes the article: the
    site's list of other news starts here."""
    return line.kind == "metadata" and _is_bare_stamp(line.text) and _heads_an_entry(lines, line) \
        and any(other.kind == "footer" and first_body < other.number < line.number for other in lines)


def _is_bare_stamp(text: str) -> bool:
    """A date and time and nothing else: no outlet signs it ("Агентство «Восток», 28 июня 2024" is an attribution)."""
    return not any(char.isalpha() for char in _DATE_CHARACTERS.sub("", text))


# the characters a CJK date or time is written with
_DATE_CHARACTERS = re.compile(r"[年月日时時分秒]")


def _heads_an_entry(lines, stamp) -> bool:
    """The line after a stamp is text of its own, not dated: a headline the stamp belongs to."""
    after = next((line for line in lines if line.number > stamp.number and line.kind != "blank"), None)
    return after is not None and after.kind != "metadata" and find_publication_date(after.text) is None


def stated_publication_date(article: Article, lang: str) -> tuple[date | None, str | None]:
    """The page's own timestamp line, else a closing attribution line, else a dateline with a full date, else the
    day in the path of the page's address printed at its foot."""
    lines = article.lines
    first_body = next((line.number for line in lines if line.kind == "body"), len(lines))
    # a timestamp or byline around the title ("11:36 07.12.2020", "Updated: 2023-04-15 09:00")
    stamps = []
    for line in lines:
        if _lists_other_news(lines, line, first_body):
            break
        if line.kind in _STAMP_KINDS and (line.number < first_body + 3 or line.kind == "metadata"):
            found = find_publication_date(_GLUED_TIME.sub(r"\1 \2", line.text), lang)
            if found is None and lang != "en" and _english_month().search(line.text):
                # a site template's English timestamp over a Russian or Chinese article ("July 10, 2018, 06:45 AM",
                # "更新時間:15:23 Sep 04 2012")
                found = find_publication_date(line.text, "en")
        elif (line.kind == "listing" and line.number < first_body) \
                or (line.kind in _STAMP_KINDS and line.number < first_body + _STAMP_REACH):
            # a page's metadata set as a list ("• [初版公開日:2022年08月10日]"), or set below a breadcrumb trail
            # the layout took for text: only a labelled date is its own
            found = labelled_publication_date(line.text, lang)
        else:
            continue
        if found and found.to_date():
            stamps.append((line, found.to_date()))
    if stamps:
        first_line, first = stamps[0]
        # a bare date at the head of a page is often the site's "today" («2024年7月2日(火)»); a timestamp with a
        # time of day, or a dated byline («08.11.2019 Корреспондент: …»), a few lines further down, on an earlier
        # day, is the article's own
        if not _TIME_OF_DAY.search(first_line.text):
            for line, found in stamps[1:]:
                if line.number - first_line.number <= _STAMP_REACH \
                        and (_TIME_OF_DAY.search(line.text) or line.kind == "metadata") and found < first:
                    return found, "page_metadata"
        return first, "page_metadata"
    # an attribution that closes the article («「某某網日本語版」2024年5月6日»), before any related headlines
    footer_seen = False
    last_body = max((line.number for line in lines if line.kind == "body"), default=-1)
    for line in lines:
        if line.number <= first_body or line.kind == "blank":
            continue
        if line.kind == "footer":
            if footer_seen:
                break
            footer_seen = True
        elif line.kind not in ("metadata", "heading") \
                and not (line.number == last_body and _BRACKETED_CITATION.search(line.text)):
            # the last line of text may be the paper's citation, long enough to read as prose
            # («《某某日报》（2016年09月21日 第07版）»); a sentence ending in a date is none
            continue
        if _lists_other_news(lines, line, first_body):
            break
        found = closing_byline_date(line.text, lang)
        if found and found.to_date():
            return found.to_date(), "page_metadata"
    found = _run_on_attribution(lines, lang)
    if found is not None:
        return found, "page_metadata"
    # the title too: a photo caption run into it may write the day a yearless dateline below gives
    head = "\n".join(([article.title] if article.title else []) + article.text.split("\n")[:3])
    found = find_publication_date(head, lang)
    if found and found.to_date():
        return found.to_date(), "dateline"
    printed = _printed_address_date([line.text for line in lines])
    if printed is not None:
        return printed, "printed_address"
    return None, None


# a line that is only a web address, perhaps after a short label ("Источник: https://…", "本文网址: https://…")
_ADDRESS_LINE = re.compile(r"^\s*(?:[^\s:：]{1,12}\s*[:：]\s*)?(?P<url>https?://\S+)\s*$")
# a day in an address's path: /2017/09/01/, /20170901/, /2017-09-01/
_PATH_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<sep>[/-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?=[/._-]|$)")
# how many closing lines may hold the page's own address
_ADDRESS_TAIL = 3


def _printed_address_date(lines: list[str]) -> date | None:
    """The day in the path of the page's own address, printed alone on one of its closing lines (a copied page keeps
    "Источник: https://example.ru/2017/08/27/…" at its foot): news sites date their article paths. An address
    within the article may be another page's, so only the closing lines count."""
    for line in [line for line in lines if line.strip()][-_ADDRESS_TAIL:]:
        address = _ADDRESS_LINE.match(line)
        day = _PATH_DAY.search(address.group("url").split("?")[0]) if address else None
        if day is not None and valid(int(day["y"]), int(day["m"]), int(day["d"])):
            return date(int(day["y"]), int(day["m"]), int(day["d"]))
    return None
