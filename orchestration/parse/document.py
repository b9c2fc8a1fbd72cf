"""One raw document to one parsed document: article text, title, language, publication date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from orchestration.fetch.charsets import decode_body
from orchestration.parse.furniture import split_article
from orchestration.parse.html import html_to_page
from orchestration.parse.language import detect_language

PARSER_VERSION = "parse-1"


class ParseError(ValueError):
    """The document cannot be read as text; the message is the reason recorded in the warehouse."""


@dataclass(frozen=True)
class ParsedDocument:
    title: str | None
    text: str  # the title (when there is one) as the first line, then the article body
    language: str
    published_date: date | None
    published_date_source: str | None  # html_meta | page_metadata | dateline
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


def parse_document(content: bytes, *, content_type: str | None, language_hint: str | None = None,
                   declared_encoding: str | None = None) -> ParsedDocument:
    text = decode_bytes(content, content_type, declared_encoding)
    is_html = (content_type or "").startswith(("text/html", "application/xhtml")) or text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    published: date | None = None
    source: str | None = None
    if is_html:
        page = html_to_page(text)
        published = _html_published_date(page.head_html)
        source = "html_meta" if published else None
        text = page.text
    article = split_article(text)
    if not article.text.strip():
        raise ParseError("no_article_text")
    if published is None:
        published, source = _stated_published_date(article.metadata_lines, article.text)
    language = detect_language(article.text, language_hint)
    # the title leads the stored text, so every extraction offset points into one string
    text = f"{article.title}\n{article.text}" if article.title else article.text
    return ParsedDocument(
        title=article.title,
        text=text,
        language=language,
        published_date=published,
        published_date_source=source,
        removed_lines=article.removed,
    )


def _html_published_date(head_html: str) -> date | None:
    from orchestration.extract.dates import find_publication_date_html

    found = find_publication_date_html(head_html) if head_html else None
    return found.to_date() if found else None


def _stated_published_date(metadata_lines: tuple[str, ...], body: str) -> tuple[date | None, str | None]:
    """The page's own timestamp line, else a dateline with a full date; never the run's clock."""
    from orchestration.extract.dates import find_publication_date

    for line in metadata_lines:
        found = find_publication_date(line)
        if found and found.to_date():
            return found.to_date(), "page_metadata"
    head = "\n".join(body.split("\n")[:3])
    found = find_publication_date(head)
    if found and found.to_date():
        return found.to_date(), "dateline"
    return None, None
