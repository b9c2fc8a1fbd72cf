"""Which article URLs a source offers: an explicit list, an RSS/Atom feed, or a sitemap tree — and, given the
cursor of the previous run, which of them are new or changed.

Cursor (a JSON-ready dict the caller stores per source and passes back unchanged):
    version      1
    seen         {normalized_url: ISO timestamp}  items already yielded, stamped with their date (published /
                 news publication date / lastmod) or, when undated, the time they were first yielded
    floor        ISO timestamp | None   `seen` is bounded (option cursor_max_seen); when entries are pruned (oldest
                 stamps first) the newest pruned stamp becomes the floor, and unseen items dated at or before it
                 count as old
    newest       ISO timestamp | None   the newest item date ever yielded (informative)
    validators   {feed_or_sitemap_url: [etag, last_modified]}  for conditional GETs of feeds and sitemaps
    sitemaps     {child_sitemap_url: lastmod ISO}  children of an index read completely at that lastmod; skipped
                 while the index still shows the same lastmod

discover() marks every yielded item as seen; for items whose page fetch then fails transiently, call
retry_later(cursor, normalized_urls) before storing the cursor, so that they are offered again.

An item is yielded when it is unseen (and not older than the floor), or seen but now carries a newer date
(changed). Validators and sitemap lastmods are only recorded for a feed or sitemap whose every new item was
yielded, so that items cut by max_documents come back in the next run instead of hiding behind a 304.
Kind `urls` always yields the whole list: its pages have no dates, and conditional GETs make re-checks cheap.

Source options (SourceConfig.options): max_sitemaps (50 fetched per run), max_sitemap_depth (3),
cursor_max_seen (20000).
"""
from __future__ import annotations

import calendar
import dataclasses
import html
import html.entities
import io
import logging
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Protocol
from urllib.parse import urljoin

import feedparser
from lxml import etree

from orchestration.fetch.http import (
    FAILED,
    FEED,
    FETCHED,
    NOT_MODIFIED,
    FetchResult,
    parse_http_date,
)
from orchestration.fetch.urls import normalize_url, strip_credentials
from orchestration.registry import SourceConfig

log = logging.getLogger(__name__)

CURSOR_VERSION = 1
DEFAULT_MAX_SITEMAPS = 50
DEFAULT_MAX_SITEMAP_DEPTH = 3
DEFAULT_CURSOR_MAX_SEEN = 20000
MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024 + 1024  # the sitemap protocol's limit for one file
MAX_FEED_BYTES = 20 * 1024 * 1024  # a feed is read whole by feedparser: bounded before it starts


class FeedError(ValueError):
    """The bytes are not a feed / sitemap we can read."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str | None
    published: datetime | None
    guid: str | None


@dataclass(frozen=True)
class SitemapUrl:
    url: str
    lastmod: datetime | None = None
    news_publication_date: datetime | None = None
    news_title: str | None = None


@dataclass(frozen=True)
class SitemapPage:
    urls: list[SitemapUrl]
    sitemaps: list[str]  # child sitemaps of an index
    sitemap_lastmod: dict[str, datetime | None] = field(default_factory=dict)


@dataclass(frozen=True)
class DiscoveredUrl:
    url: str  # absolute, as the source wrote it: fetch this one
    normalized_url: str  # identity: dedup, cursor and validator keys
    published: datetime | None  # feed pubDate/published/updated, or news:publication_date
    title: str | None
    modified: datetime | None = None  # sitemap lastmod


@dataclass
class Discovery:
    items: list[DiscoveredUrl]
    cursor: dict
    errors: list[FetchResult]  # failed feed/sitemap fetches or unreadable documents
    deferred: list[DiscoveredUrl] = field(default_factory=list)  # new, but beyond max_documents: next run


class SupportsFetch(Protocol):
    def fetch(
        self, url: str, *, allow_private_network: bool = False, validators=None, accept: str = "page"
    ) -> FetchResult: ...


# --- hardened XML -----------------------------------------------------------------------------------------------------

# Feeds in the wild carry bare "&" in links and HTML entities (&nbsp; &laquo;) that XML does not define; the
# recovering parser would silently drop text around them, so they are repaired before parsing.
_BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9._-]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)")
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
# a DOCTYPE (and its internal subset, where entities are declared) stands before the root element
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,2000}>")


def _xml_parser() -> etree.XMLParser:
    # no DTD loading, no entity expansion (billion laughs, XXE), no network, no huge-tree mode (depth/size limits)
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
        recover=True, remove_comments=True, remove_pis=True,
    )


def _parse_xml(data: bytes, base_url: str) -> etree._Element:
    data = _maybe_gunzip(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedError("UTF-16 feeds are not supported")
    data = data.lstrip(b"\xef\xbb\xbf").lstrip()  # BOM or blank lines before <?xml are a common feed bug
    data = _BARE_AMPERSAND.sub(b"&amp;", data)
    data = _NAMED_ENTITY.sub(_html_entity_to_reference, data)
    try:
        root = etree.fromstring(data, _xml_parser(), base_url=base_url)
    except etree.XMLSyntaxError as error:
        raise FeedError(f"not XML: {error}") from error
    if root is None:
        raise FeedError("not XML")
    return root


def _html_entity_to_reference(match: re.Match) -> bytes:
    name = match.group(1)
    if name in _XML_ENTITIES:
        return match.group(0)
    codepoint = html.entities.name2codepoint.get(name.decode("ascii"))
    return b"&#%d;" % codepoint if codepoint else match.group(0)


def _maybe_gunzip(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DECOMPRESSED_BYTES)
    except zlib.error as error:
        raise FeedError(f"bad gzip: {error}") from error
    if decompressor.unconsumed_tail:
        raise FeedError("decompressed sitemap exceeds 50 MB")
    return out


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element, *names: str) -> list:
    return [child for child in element if isinstance(child.tag, str) and _local(child) in names]


def _child(element, *names: str):
    for name in names:  # in order of preference
        for child in element:
            if isinstance(child.tag, str) and _local(child) == name:
                return child
    return None


def _text(element) -> str | None:
    """Text content without unexpanded entity references; whitespace collapsed."""
    if element is None:
        return None
    parts: list[str] = []
    _collect_text(element, parts)
    text = " ".join("".join(parts).split())
    return text or None


def _collect_text(element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _collect_text(child, parts)
        if child.tail:
            parts.append(child.tail)


def parse_date(value: str | None) -> datetime | None:
    """A feed or sitemap date (RFC 822 or ISO 8601 / W3C) as an aware UTC datetime; naive times are taken as UTC."""
    if not value:
        return None
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return parse_http_date(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


# --- feeds ------------------------------------------------------------------------------------------------------------


def parse_feed(xml_bytes: bytes, base_url: str) -> list[FeedItem]:
    """Items of an RSS 2.0 / RSS 1.0 (RDF) / Atom feed in document order, links absolute (xml:base honoured).

    feedparser reads the feed; what it is given is made safe first: bounded in size, no DOCTYPE (so no entity is
    declared, expanded or fetched: no billion laughs, no XXE, no external DTD), HTML named entities as character
    references and references to any other entity dropped, so that the strict parser, not the lenient one, reads
    the usual feed bugs."""
    parsed = feedparser.parse(
        io.BytesIO(_safe_feed_bytes(xml_bytes)),  # a stream: feedparser opens a str or bytes that looks like a path
        response_headers={"content-location": base_url, "content-type": "application/xml"},
        sanitize_html=False,
    )
    if not parsed.get("version"):
        raise FeedError(f"not a feed: {parsed.get('bozo_exception') or 'no RSS, RDF or Atom root'}")
    return [item for item in map(_feed_item, parsed.entries) if item is not None]


def _safe_feed_bytes(data: bytes) -> bytes:
    data = _maybe_gunzip(data)
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(f"feed over {MAX_FEED_BYTES} bytes")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FeedError("UTF-16 feeds are not supported")
    data = data.lstrip(b"\xef\xbb\xbf").lstrip()  # BOM or blank lines before <?xml are a common feed bug
    data = _DOCTYPE.sub(b"", data, count=1)
    data = _BARE_AMPERSAND.sub(b"&amp;", data)
    return _NAMED_ENTITY.sub(_html_entity_to_reference_or_nothing, data)


def _html_entity_to_reference_or_nothing(match: re.Match) -> bytes:
    reference = _html_entity_to_reference(match)
    return reference if reference != match.group(0) or match.group(1) in _XML_ENTITIES else b""


def _feed_item(entry) -> FeedItem | None:
    link = entry.get("feedburner_origlink")  # FeedBurner: the publisher's URL, not the click-tracking one
    if not link:
        # the alternate HTML page first, then via / related links (an enclosure or a self link is no article)
        ranked = [((link.get("rel") or "alternate") != "alternate",
                   (link.get("type") or "text/html").lower() not in ("text/html", "application/xhtml+xml"), position,
                   link.get("href"))
                  for position, link in enumerate(entry.get("links") or [])
                  if link.get("href") and (link.get("rel") or "alternate") in ("alternate", "via", "related")]
        link = min(ranked)[3] if ranked else None
    guid = entry.get("id")
    if not link and guid and entry.get("guidislink", True) and guid.startswith("http"):
        link = guid  # a permalink guid, or RDF's rdf:about
    if not link:
        return None
    published = None
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(name):
            published = datetime.fromtimestamp(calendar.timegm(entry[name]), timezone.utc)
            break
    return FeedItem(link.strip(), _title(entry), published, guid)


def _title(entry) -> str | None:
    """A title as plain text: Atom type="html" titles, and many RSS titles in practice, carry escaped markup."""
    return _plain_title(entry.get("title"))


def _plain_title(title: str | None) -> str | None:
    if not title:
        return None
    if "<" in title or "&" in title:
        title = html.unescape(_TAG.sub("", title))
    return " ".join(title.split()) or None


def _absolute(link: str, element) -> str:
    # element.base applies xml:base attributes on top of the document URL given to the parser
    return urljoin(element.base or "", link.strip())


# --- sitemaps ---------------------------------------------------------------------------------------------------------


def parse_sitemap(xml_bytes: bytes, base_url: str) -> SitemapPage:
    """A urlset (with Google News extensions), a sitemap index, a text sitemap, or an RSS/Atom feed used as one."""
    stripped = _maybe_gunzip(xml_bytes).lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped[:1] not in (b"<", b""):
        return _text_sitemap(stripped, base_url)
    root = _parse_xml(stripped, base_url)
    kind = _local(root)
    if kind == "urlset":
        return SitemapPage([entry for entry in map(_sitemap_url, _children(root, "url")) if entry], [])
    if kind == "sitemapindex":
        lastmods: dict[str, datetime | None] = {}
        for child in _children(root, "sitemap"):
            location = _text(_child(child, "loc"))
            if location:
                lastmods.setdefault(_absolute(location, child), parse_date(_text(_child(child, "lastmod"))))
        return SitemapPage([], list(lastmods), lastmods)
    if kind in ("rss", "RDF", "feed"):
        items = parse_feed(stripped, base_url)
        return SitemapPage([SitemapUrl(item.url, item.published, None, item.title) for item in items], [])
    raise FeedError(f"not a sitemap: root element <{kind or root.tag}>")


def _sitemap_url(element) -> SitemapUrl | None:
    location = _text(_child(element, "loc"))
    if not location:
        return None
    news = _child(element, "news")
    return SitemapUrl(
        url=_absolute(location, element),
        lastmod=parse_date(_text(_child(element, "lastmod"))),
        news_publication_date=parse_date(_text(_child(news, "publication_date"))) if news is not None else None,
        news_title=_plain_title(_text(_child(news, "title"))) if news is not None else None,
    )


def _text_sitemap(data: bytes, base_url: str) -> SitemapPage:
    lines = data.decode("utf-8", errors="replace").splitlines()
    urls = [SitemapUrl(urljoin(base_url, line.strip())) for line in lines
            if line.strip().startswith(("http://", "https://"))]
    if not urls:
        raise FeedError("not a sitemap: neither XML nor a list of URLs")
    return SitemapPage(urls, [])


# --- discovery --------------------------------------------------------------------------------------------------------


@dataclass
class _Candidate:
    url: str
    published: datetime | None
    title: str | None
    modified: datetime | None
    origin: str | None  # the feed / sitemap it came from

    @property
    def date(self) -> datetime | None:
        """The item's version: its latest known date (a sitemap lastmod moves when the article is edited)."""
        return max((moment for moment in (self.published, self.modified) if moment is not None), default=None)


@dataclass
class _Node:
    """A feed or sitemap fetched during this run, for deciding what may be recorded in the cursor."""

    url: str
    parent: str | None
    index_lastmod: datetime | None = None
    read: bool = False  # fetched and parsed (or 304)
    validators: tuple[str | None, str | None] | None = None
    children: list[str] = field(default_factory=list)
    deferred: bool = False


def discover(source: SourceConfig, fetcher: SupportsFetch, cursor: dict | None = None, *,
             now: datetime | None = None) -> Discovery:
    """Candidate article URLs of an http source, filtered by include/exclude, the cursor and max_documents."""
    now = now or datetime.now(timezone.utc)
    state = _CursorState.load(cursor)
    errors: list[FetchResult] = []
    nodes: dict[str, _Node] = {}
    if source.kind == "urls":
        candidates = [_Candidate(url.strip(), None, None, None, None) for url in source.urls]
    elif source.kind == "rss":
        candidates = _from_feed(source, fetcher, state, nodes, errors)
    elif source.kind == "sitemap":
        candidates = _from_sitemaps(source, fetcher, state, nodes, errors)
    else:
        raise ValueError(f"source {source.name!r}: kind {source.kind!r} is not discovered over HTTP")

    includes = [re.compile(pattern) for pattern in source.include]
    excludes = [re.compile(pattern) for pattern in source.exclude]
    incremental = source.kind != "urls"
    chosen: list[tuple[_Candidate, str]] = []
    keys: set[str] = set()
    for candidate in candidates:
        key = normalize_url(candidate.url)
        if key in keys:
            continue
        keys.add(key)
        if includes and not any(pattern.search(candidate.url) for pattern in includes):
            continue
        if any(pattern.search(candidate.url) for pattern in excludes):
            continue
        if incremental and not state.is_new_or_changed(key, candidate.date):
            continue
        chosen.append((candidate, key))

    if incremental:  # newest first (stable: undated items keep their order, last), so max_documents keeps news
        chosen.sort(key=lambda pair: pair[0].date or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    limit = source.max_documents if source.max_documents is not None else len(chosen)
    items = [_discovered(candidate, key) for candidate, key in chosen[:limit]]
    deferred = [_discovered(candidate, key) for candidate, key in chosen[limit:]]
    for candidate, _ in chosen[limit:]:
        if candidate.origin in nodes:
            nodes[candidate.origin].deferred = True

    if incremental:
        for candidate, key in chosen[:limit]:
            state.mark_seen(key, candidate.date or now)
        state.record_sources(nodes)
        state.prune(int(source.options.get("cursor_max_seen", DEFAULT_CURSOR_MAX_SEEN)))
    return Discovery(items=items, cursor=state.dump(), errors=errors, deferred=deferred)


def retry_later(cursor: dict, normalized_urls: Iterable[str]) -> dict:
    """The cursor with these items forgotten, so that the next run offers them again: call it for items whose page
    fetch failed transiently (timeout, connection_error, http_5xx, http_429, robots_unreachable). discover() marks
    every yielded item as seen, because it cannot know how the fetch will go."""
    forgotten = set(normalized_urls)
    updated = dict(cursor)
    updated["seen"] = {key: stamp for key, stamp in (cursor.get("seen") or {}).items() if key not in forgotten}
    return updated


def _discovered(candidate: _Candidate, key: str) -> DiscoveredUrl:
    return DiscoveredUrl(candidate.url, key, candidate.published, candidate.title, candidate.modified)


def _from_feed(source: SourceConfig, fetcher: SupportsFetch, state: "_CursorState", nodes: dict[str, _Node],
               errors: list[FetchResult]) -> list[_Candidate]:
    node = nodes.setdefault(source.url, _Node(source.url, None))
    result = fetcher.fetch(source.url, allow_private_network=source.allow_private_network,
                           validators=state.validators_for(source.url), accept=FEED)
    if result.status == NOT_MODIFIED:
        node.read, node.validators = True, (result.etag, result.last_modified)
        return []
    if result.status != FETCHED:
        errors.append(result)
        return []
    try:
        feed_items = parse_feed(result.body or b"", result.final_url)
    except FeedError as error:
        log.warning("source %s: unreadable feed %s: %s", source.name, strip_credentials(source.url), error)
        errors.append(_unreadable(result, "bad_feed"))
        return []
    node.read, node.validators = True, (result.etag, result.last_modified)
    return [_Candidate(item.url, item.published, item.title, None, source.url) for item in feed_items]


def _from_sitemaps(source: SourceConfig, fetcher: SupportsFetch, state: "_CursorState", nodes: dict[str, _Node],
                   errors: list[FetchResult]) -> list[_Candidate]:
    budget = int(source.options.get("max_sitemaps", DEFAULT_MAX_SITEMAPS))
    max_depth = int(source.options.get("max_sitemap_depth", DEFAULT_MAX_SITEMAP_DEPTH))
    candidates: list[_Candidate] = []
    queue: list[tuple[str, int]] = [(source.url, 0)]
    nodes[source.url] = _Node(source.url, None)
    visited: set[str] = set()
    while queue:
        url, depth = queue.pop(0)
        node = nodes[url]
        key = normalize_url(url)
        if key in visited:  # an index listing itself or a cycle: nothing new to read
            node.read = True
            continue
        visited.add(key)
        if node.parent is not None and state.sitemap_unchanged(url, node.index_lastmod):
            node.read = True
            continue
        if budget <= 0:
            continue  # stays unread, so its parent is not recorded and the next run gets to it
        budget -= 1
        result = fetcher.fetch(url, allow_private_network=source.allow_private_network,
                               validators=state.validators_for(url), accept=FEED)
        if result.status == NOT_MODIFIED:
            node.read, node.validators = True, (result.etag, result.last_modified)
            continue
        if result.status != FETCHED:
            errors.append(result)
            continue
        try:
            page = parse_sitemap(result.body or b"", result.final_url)
        except FeedError as error:
            log.warning("source %s: unreadable sitemap %s: %s", source.name, strip_credentials(url), error)
            errors.append(_unreadable(result, "bad_sitemap"))
            continue
        node.read, node.validators = True, (result.etag, result.last_modified)
        candidates.extend(
            _Candidate(entry.url, entry.news_publication_date, entry.news_title, entry.lastmod, url)
            for entry in page.urls
        )
        if depth + 1 > max_depth and page.sitemaps:
            log.warning("source %s: sitemap %s nests deeper than %d; children ignored", source.name,
                        strip_credentials(url), max_depth)
            node.children.append("")  # an unread child: the index is not recorded as complete
            continue
        newest_first = sorted(page.sitemaps, key=lambda child: page.sitemap_lastmod.get(child) or datetime.min.replace(
            tzinfo=timezone.utc), reverse=True)
        for child in newest_first:
            if child in nodes:
                continue
            nodes[child] = _Node(child, url, page.sitemap_lastmod.get(child))
            node.children.append(child)
            queue.append((child, depth + 1))
    return candidates


def _unreadable(result: FetchResult, reason: str) -> FetchResult:
    return dataclasses.replace(result, status=FAILED, reason=reason, body=None, text=None)


class _CursorState:
    def __init__(self, seen: dict[str, str], floor: str | None, newest: str | None,
                 validators: dict[str, list], sitemaps: dict[str, str]):
        self.seen = seen
        self.floor = parse_date(floor)
        self.newest = parse_date(newest)
        self.validators = validators
        self.sitemaps = sitemaps

    @classmethod
    def load(cls, cursor: dict | None) -> "_CursorState":
        cursor = cursor or {}
        if cursor.get("version") not in (None, CURSOR_VERSION):
            cursor = {}  # an unknown shape: start afresh rather than misread it
        return cls(dict(cursor.get("seen") or {}), cursor.get("floor"), cursor.get("newest"),
                   dict(cursor.get("validators") or {}), dict(cursor.get("sitemaps") or {}))

    def dump(self) -> dict:
        return {
            "version": CURSOR_VERSION,
            "seen": self.seen,
            "floor": _iso(self.floor),
            "newest": _iso(self.newest),
            "validators": self.validators,
            "sitemaps": self.sitemaps,
        }

    def is_new_or_changed(self, key: str, date: datetime | None) -> bool:
        stamp = self.seen.get(key)
        if stamp is not None:
            previous = parse_date(stamp)
            return date is not None and previous is not None and date > previous
        return not (date is not None and self.floor is not None and date <= self.floor)

    def mark_seen(self, key: str, stamp: datetime) -> None:
        self.seen[key] = _iso(stamp)
        if self.newest is None or stamp > self.newest:
            self.newest = stamp

    def validators_for(self, url: str) -> tuple[str | None, str | None] | None:
        stored = self.validators.get(url)
        return (stored[0], stored[1]) if stored and (stored[0] or stored[1]) else None

    def sitemap_unchanged(self, url: str, index_lastmod: datetime | None) -> bool:
        return index_lastmod is not None and self.sitemaps.get(url) == _iso(index_lastmod)

    def record_sources(self, nodes: dict[str, _Node]) -> None:
        """Remember validators / lastmods only for feeds and sitemaps read completely (nothing deferred or unread)."""
        complete: dict[str, bool] = {}

        def is_complete(url: str) -> bool:
            if url not in complete:
                complete[url] = False  # guards against cycles
                node = nodes.get(url)
                complete[url] = bool(node and node.read and not node.deferred and all(map(is_complete, node.children)))
            return complete[url]

        for url, node in nodes.items():
            if not is_complete(url):
                self.validators.pop(url, None)
                continue
            if node.validators and (node.validators[0] or node.validators[1]):
                self.validators[url] = list(node.validators)
            if node.parent is not None and node.index_lastmod is not None:
                self.sitemaps[url] = _iso(node.index_lastmod)

    def prune(self, max_seen: int) -> None:
        if len(self.seen) <= max_seen:
            return
        oldest = datetime.min.replace(tzinfo=timezone.utc)
        ordered = sorted(self.seen.items(), key=lambda pair: parse_date(pair[1]) or oldest)
        dropped = ordered[: len(ordered) - max_seen]
        self.seen = dict(ordered[len(ordered) - max_seen :])
        newest_dropped = parse_date(dropped[-1][1])
        if newest_dropped is not None and (self.floor is None or newest_dropped > self.floor):
            self.floor = newest_dropped


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat() if moment is not None else None
