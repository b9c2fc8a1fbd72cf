"""HTML pages to article text, title and publication date, with the field's maintained extractors.

trafilatura finds the main text (it scores F1 0.93 on its 990-page evaluation set, our former hand-written
extractor 0.79 with 109 pages left empty: ``orchestration/evaluation/html_eval.py``) and the title; htmldate,
through it, reads the publication date from the page's markup (meta tags, JSON-LD, ``<time>``, dated URLs in
links are not used: we never guess). Its extensive search of the visible text is off: it turns a year in the
text ("2015年") into 1 January, and the plain-text rules of ``published.py`` read visible datelines better.
"""
from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html
from trafilatura.baseline import html2txt
from trafilatura.utils import load_html

# the settings of trafilatura's own evaluation: no comments, tables kept, plain text
_EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "include_formatting": False}
# htmldate: the original (not the updated) date, from the markup only
_DATE_OPTIONS = {"original_date": True, "extensive_search": False}

_TITLE_ELEMENT = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:·»]\s+|\s*[|｜_]\s*")


@dataclass(frozen=True)
class HtmlPage:
    title: str | None
    text: str  # the article body, one block per line, without the title
    published: date | None  # the date the page's markup states


def html_to_page(markup: str) -> HtmlPage:
    tree = load_html(markup)
    document = None
    if tree is not None:
        _mark_pubdate(tree)
        try:
            document = trafilatura.bare_extraction(tree, with_metadata=True, date_extraction_params=_DATE_OPTIONS,
                                                   **_EXTRACT_OPTIONS)
        except ValueError:  # trafilatura's way of saying it found nothing
            document = None
    title = _clean(document.title) if document is not None else None
    text = (document.text or "") if document is not None else ""
    if not text.strip():
        # a page trafilatura finds no article in still has text: its whole visible text, unfiltered
        text = _safe_baseline(markup)
    published = _to_date(document.date) if document is not None else None
    title = _page_title(title, markup)
    first_line, _, rest = text.partition("\n")
    if title and first_line.strip() == title:  # the headline, printed again as the text's first line
        text = rest
    return HtmlPage(title, text, published)


def publication_date(markup: str) -> date | None:
    """The publication date a page's markup states (htmldate, markup only), for a page or a fragment of one."""
    if not markup or "<" not in markup:
        return None
    try:
        tree = lxml_html.document_fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    _mark_pubdate(tree)
    return _to_date(find_date(tree, **_DATE_OPTIONS))


def _mark_pubdate(tree) -> None:
    """htmldate reads HTML4's ``pubdate="pubdate"``; HTML5 writes the attribute bare, which lxml reads as empty."""
    for element in tree.iterfind(".//time[@pubdate]"):
        element.set("pubdate", "pubdate")


def _safe_baseline(markup: str) -> str:
    try:
        return html2txt(markup)
    except ValueError:
        return ""


def _clean(text: str | None) -> str | None:
    cleaned = re.sub(r"\s+", " ", text or "").strip()
    return cleaned or None


def _to_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page_title(candidate: str | None, markup: str) -> str | None:
    """trafilatura's title, unless it is only the site's name (a logo in the page's one <h1>): then the longest
    part of ``<title>`` ("Headline | Site")."""
    match = _TITLE_ELEMENT.search(markup[:50000])
    element = _clean(html_entities.unescape(match.group(1))) if match else None
    if not element:
        return candidate
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(element) if part.strip()]
    longest = max(parts, key=len) if parts else element
    if candidate is None or (len(parts) > 1 and candidate in parts and candidate != longest):
        return longest
    return candidate
