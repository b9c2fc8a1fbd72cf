"""Feeds, sitemaps and discovery with cursors, against the local server."""
from __future__ import annotations

import gzip
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from server import Reply

from orchestration.fetch.discovery import (
    FeedError,
    discover,
    parse_date,
    parse_feed,
    parse_sitemap,
    retry_later,
)
from orchestration.registry import SourceConfig

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
ATOM_TYPE = {"Content-Type": "application/atom+xml"}
XML_TYPE = {"Content-Type": "application/xml"}
START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def rss(items: list[tuple[str, str, datetime | None]], extra: str = "") -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink=\"false\">id-{index}</guid>"
        + (f"<pubDate>{format_datetime(when)}</pubDate>" if when else "")
        + "</item>"
        for index, (link, title, when) in enumerate(items)
    )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Feed</title>'
            f"{extra}{body}</channel></rss>").encode()


def news_items(count: int, base: str, newest_first: bool = True) -> list[tuple[str, str, datetime]]:
    items = [(f"{base}/news/{n}.html?utm_source=rss", f"Новость {n}", START + timedelta(hours=n)) for n in range(count)]
    return items[::-1] if newest_first else items


def source(kind: str, **fields) -> SourceConfig:
    return SourceConfig(name="test-source", kind=kind, allow_private_network=False, **fields)


# --- parse_feed -------------------------------------------------------------------------------------------------------


def test_rss_feed_with_many_items():
    items = news_items(250, "https://example.com")
    parsed = parse_feed(rss(items), "https://example.com/feed.xml")
    assert len(parsed) == 250
    assert parsed[0].url == "https://example.com/news/249.html?utm_source=rss"
    assert parsed[0].title == "Новость 249"
    assert parsed[0].published == START + timedelta(hours=249)
    assert parsed[0].published.tzinfo is not None
    assert parsed[-1].guid == "id-249"
    assert [item.url for item in parsed] == [link for link, _, _ in items]


def test_rss_quirks_relative_links_bare_ampersands_html_entities_permalink_guids():
    feed = b"""<?xml version="1.0"?>
    <rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"
         xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <item><title>Forum&nbsp;&laquo;Volga&raquo; &amp; partners</title><link> /news/1.html </link></item>
      <item><title>Query</title><link>https://example.com/read?id=2&page=1</link>
            <dc:date>2025-03-02T10:00:00+03:00</dc:date></item>
      <item><title>Guid only</title><guid>https://example.com/news/3.html</guid></item>
      <item><title>Not a permalink</title><guid isPermaLink="false">urn:x:4</guid></item>
      <item><title>Proxied</title><link>https://feeds.example.net/~r/x/5</link>
            <feedburner:origLink>https://example.com/news/5.html</feedburner:origLink></item>
    </channel></rss>"""
    parsed = parse_feed(feed, "https://example.com/rss/feed.xml")
    assert [item.url for item in parsed] == [
        "https://example.com/news/1.html",
        "https://example.com/read?id=2&page=1",
        "https://example.com/news/3.html",
        "https://example.com/news/5.html",
    ]
    assert parsed[0].title == "Forum «Volga» & partners"  # whitespace, &nbsp; included, collapses
    assert parsed[1].published == datetime(2025, 3, 2, 7, 0, tzinfo=timezone.utc)


def test_atom_feed_with_many_entries_and_xml_base():
    entries = "".join(
        f"""<entry><id>tag:example.com,2025:{n}</id><title type="html">Forum &amp;lt;{n}&amp;gt;</title>
        <link rel="self" href="/api/{n}.json" type="application/json"/>
        <link rel="alternate" type="text/html" href="{n}.html"/>
        <updated>2025-03-{(n % 28) + 1:02d}T12:00:00Z</updated>
        {'<published>2025-02-01T08:30:00+08:00</published>' if n == 0 else ''}</entry>"""
        for n in range(150)
    )
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/ja/news/">
    <title>Atom</title>{entries}
    <entry xml:base="https://other.example.org/zh/"><id>x</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <b>合作</b>论坛</div></title><link href="item.html"/></entry>
    </feed>""".encode()
    parsed = parse_feed(feed, "https://example.org/atom.xml")
    assert len(parsed) == 151
    assert parsed[0].url == "https://example.org/ja/news/0.html"
    assert parsed[0].title == "Forum <0>"
    assert parsed[0].published == datetime(2025, 2, 1, 0, 30, tzinfo=timezone.utc)  # published preferred
    assert parsed[5].published == datetime(2025, 3, 6, 12, 0, tzinfo=timezone.utc)  # else updated
    assert parsed[5].guid == "tag:example.com,2025:5"
    assert parsed[-1].url == "https://other.example.org/zh/item.html"
    assert parsed[-1].title == "合作论坛"  # xhtml markup dropped, no space invented


def test_rss_1_0_rdf_feed():
    feed = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.jp/"><title>t</title></channel>
      <item rdf:about="https://example.jp/a"><title>A</title><link>https://example.jp/a</link>
        <dc:date>2025-03-03T09:00:00+09:00</dc:date></item>
    </rdf:RDF>"""
    [item] = parse_feed(feed, "https://example.jp/index.rdf")
    assert (item.url, item.title, item.published) == ("https://example.jp/a", "A", datetime(2025, 3, 3, 0, 0, tzinfo=timezone.utc))


def test_entities_are_never_expanded():
    declared = b"""<?xml version="1.0"?><!DOCTYPE r [
      <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
    <rss><channel><item><title>x&b;y&secret;z&remote;</title><link>https://example.com/1</link></item></channel></rss>"""
    [item] = parse_feed(declared, "https://example.com/feed")
    assert item.title == "xyz"  # neither internal, nor file, nor network entities


def test_billion_laughs_is_cut_short():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [
      <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
      <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
    <rss><channel><item><title>x&e;y</title><link>https://example.com/1</link></item></channel></rss>"""
    started = time.monotonic()
    items = parse_feed(bomb, "https://example.com/feed")
    assert time.monotonic() - started < 1.0
    assert all("aaaa" not in (item.title or "") for item in items)


def test_external_dtds_and_entities_are_never_fetched(server, tmp_path):
    # feedparser reads the feed; the DOCTYPE is gone before it does, so nothing it names is fetched or read
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN-42", encoding="utf-8")
    server.route("/evil.dtd", Reply(200, b'<!ENTITY leak SYSTEM "file://' + str(secret).encode() + b'">'))
    feeds = [
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{server.url("/evil.dtd")}"><rss version="2.0"><channel>'
        '<item><title>a&leak;b</title><link>https://example.com/1</link></item></channel></rss>',
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "{server.url("/evil.dtd")}"> %remote;'
        f'<!ENTITY file SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
        '<item><title>a&leak;&file;b</title><link>https://example.com/1</link></item></channel></rss>',
        f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY file SYSTEM "file://{secret}">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>a&file;b</title>'
        '<link href="https://example.com/2"/></entry></feed>',
    ]
    for feed in feeds:
        [item] = parse_feed(feed.encode(), "https://example.com/feed")
        assert item.title == "ab"
        assert item.url.startswith("https://example.com/")
    assert server.hits("/evil.dtd") == 0


def test_feed_bytes_that_name_a_file_are_not_read_as_one(tmp_path):
    # feedparser opens a str or bytes argument that is a path: the bytes must reach it as a stream
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(news_items(1, "https://example.com")))
    with pytest.raises(FeedError):
        parse_feed(str(path).encode(), "https://example.com/feed")


def test_oversized_feed_is_refused(monkeypatch):
    from orchestration.fetch import discovery

    monkeypatch.setattr(discovery, "MAX_FEED_BYTES", 10_000)
    with pytest.raises(FeedError, match="over"):
        parse_feed(rss(news_items(200, "https://example.com")), "https://example.com/feed")


@pytest.mark.parametrize("document", [b"<html><body>Not a feed</body></html>", b"", b"plain words"])
def test_non_feeds_raise_feed_error(document):
    with pytest.raises(FeedError):
        parse_feed(document, "https://example.com/feed")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Sat, 01 Mar 2025 09:00:00 GMT", START),
        ("Sat, 01 Mar 2025 12:00:00 +0300", START),
        ("2025-03-01T17:00:00+08:00", START),
        ("2025-03-01T09:00:00Z", START),
        ("2025-03-01 09:00:00", START),
        ("2025-03-01", datetime(2025, 3, 1, tzinfo=timezone.utc)),
        ("not a date", None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --- parse_sitemap ----------------------------------------------------------------------------------------------------


def urlset(urls: list[tuple[str, str | None]]) -> bytes:
    body = "".join(f"<url><loc>{loc}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>"
                   for loc, lastmod in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'.encode()


def sitemap_index(children: list[tuple[str, str | None]]) -> bytes:
    body = "".join(f"<sitemap><loc>{loc}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</sitemap>"
                   for loc, lastmod in children)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>'.encode()


NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://example.cn/2025/03/expo.html</loc>
    <image:image><image:loc>https://example.cn/img/expo.jpg</image:loc></image:image>
    <news:news>
      <news:publication><news:name>示例新闻</news:name><news:language>zh</news:language></news:publication>
      <news:publication_date>2025-03-04T10:00:00+08:00</news:publication_date>
      <news:title>哈尔滨博览会签约项目</news:title>
    </news:news>
  </url>
  <url><loc>https://example.cn/2025/03/forum.html</loc><lastmod>2025-03-05</lastmod></url>
</urlset>""".encode()


def test_news_sitemap():
    page = parse_sitemap(NEWS_SITEMAP, "https://example.cn/news-sitemap.xml")
    assert page.sitemaps == []
    first, second = page.urls
    assert first.url == "https://example.cn/2025/03/expo.html"  # not the image:loc
    assert first.news_publication_date == datetime(2025, 3, 4, 2, 0, tzinfo=timezone.utc)
    assert first.news_title == "哈尔滨博览会签约项目"
    assert first.lastmod is None
    assert (second.lastmod, second.news_title) == (datetime(2025, 3, 5, tzinfo=timezone.utc), None)


def test_sitemap_index_and_gzip_and_text_sitemaps():
    index = parse_sitemap(sitemap_index([("https://e.org/a.xml", "2025-03-01"), ("/b.xml.gz", None)]), "https://e.org/s.xml")
    assert index.sitemaps == ["https://e.org/a.xml", "https://e.org/b.xml.gz"]
    assert index.sitemap_lastmod["https://e.org/a.xml"] == datetime(2025, 3, 1, tzinfo=timezone.utc)
    zipped = parse_sitemap(gzip.compress(urlset([("https://e.org/1", None)])), "https://e.org/b.xml.gz")
    assert [entry.url for entry in zipped.urls] == ["https://e.org/1"]
    text = parse_sitemap(b"https://e.org/x\n\nhttps://e.org/y\n", "https://e.org/sitemap.txt")
    assert [entry.url for entry in text.urls] == ["https://e.org/x", "https://e.org/y"]


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"<urlset>" + b" " * (60 * 1024 * 1024) + b"</urlset>")
    with pytest.raises(FeedError):
        parse_sitemap(bomb, "https://e.org/bomb.xml.gz")


# --- discover: urls ---------------------------------------------------------------------------------------------------


def test_discover_url_list_normalises_dedupes_filters_and_caps(make_fetcher):
    config = source(
        "urls",
        urls=(
            "https://example.com/a.html?utm_source=x",
            "https://example.com/a.html",
            "https://example.com/b.html",
            "https://example.com/tag/c.html",
            "https://example.com/d.html",
        ),
        exclude=(r"/tag/",),
        max_documents=2,
    )
    found = discover(config, make_fetcher(), None)
    assert [item.normalized_url for item in found.items] == ["https://example.com/a.html", "https://example.com/b.html"]
    assert found.items[0].url == "https://example.com/a.html?utm_source=x"  # fetched as written
    assert [item.url for item in found.deferred] == ["https://example.com/d.html"]
    again = discover(config, make_fetcher(), found.cursor)  # a plain list is re-offered; 304s keep it cheap
    assert [item.normalized_url for item in again.items] == ["https://example.com/a.html", "https://example.com/b.html"]


# --- discover: rss ----------------------------------------------------------------------------------------------------


def test_discover_feed_incrementally(server, make_fetcher):
    base = server.url("")
    items = news_items(40, base)
    state = {"feed": rss(items), "etag": '"one"'}

    def feed(request):
        if request.headers.get("if-none-match") == state["etag"]:
            return Reply(304, b"", {"ETag": state["etag"]})
        return Reply(200, state["feed"], {**RSS_TYPE, "ETag": state["etag"]})

    server.route("/feed.xml", feed)
    config = source("rss", url=server.url("/feed.xml"), include=(r"/news/",), exclude=(r"/news/1\d\.html",))
    fetcher = make_fetcher()

    first = discover(config, fetcher, None)
    assert first.errors == []
    assert len(first.items) == 30  # 40 minus /news/10..19
    assert first.items[0].normalized_url == server.url("/news/39.html")
    assert first.items[0].url == server.url("/news/39.html?utm_source=rss")
    assert (first.items[0].title, first.items[0].published) == ("Новость 39", START + timedelta(hours=39))
    assert first.cursor["validators"][server.url("/feed.xml")] == ['"one"', None]

    unchanged = discover(config, fetcher, first.cursor)
    assert (unchanged.items, unchanged.errors) == ([], [])
    assert server.requests[-1].headers.get("if-none-match") == '"one"'  # answered 304

    # three new items appear at the top, one old item is re-dated (edited), the rest are as before
    fresh = [(f"{base}/news/{n}.html", f"Новость {n}", START + timedelta(hours=n)) for n in (42, 41, 40)]
    edited = [(f"{base}/news/5.html", "Новость 5 (обновлено)", START + timedelta(days=30))]
    state["feed"], state["etag"] = rss(fresh + edited + items), '"two"'
    second = discover(config, fetcher, unchanged.cursor)
    # newest first: the edit is dated after the new items
    assert [item.normalized_url for item in second.items] == [server.url(f"/news/{n}.html") for n in (5, 42, 41, 40)]


def test_discover_feed_max_documents_defers_and_catches_up(server, make_fetcher):
    server.route("/feed.xml", Reply(200, rss(news_items(12, server.url(""))), {**RSS_TYPE, "ETag": '"e"'}))
    config = source("rss", url=server.url("/feed.xml"), max_documents=5)
    fetcher = make_fetcher()
    first = discover(config, fetcher, None)
    assert [item.title for item in first.items] == [f"Новость {n}" for n in (11, 10, 9, 8, 7)]
    assert len(first.deferred) == 7
    assert server.url("/feed.xml") not in first.cursor["validators"]  # so the next run is not answered 304
    second = discover(config, fetcher, first.cursor)
    assert [item.title for item in second.items] == [f"Новость {n}" for n in (6, 5, 4, 3, 2)]
    third = discover(config, fetcher, second.cursor)
    assert [item.title for item in third.items] == ["Новость 1", "Новость 0"] and third.deferred == []
    assert third.cursor["validators"][server.url("/feed.xml")] == ['"e"', None]


def test_items_whose_fetch_failed_can_be_offered_again(server, make_fetcher):
    server.route("/feed.xml", Reply(200, rss(news_items(3, server.url(""))), RSS_TYPE))
    config = source("rss", url=server.url("/feed.xml"))
    first = discover(config, make_fetcher(), None)
    failed = first.items[1].normalized_url
    cursor = retry_later(first.cursor, [failed])
    assert [item.normalized_url for item in discover(config, make_fetcher(), cursor).items] == [failed]


def test_feed_in_ascending_order_still_yields_the_newest_under_max_documents(server, make_fetcher):
    server.route("/feed.xml", Reply(200, rss(news_items(6, server.url(""), newest_first=False)), RSS_TYPE))
    found = discover(source("rss", url=server.url("/feed.xml"), max_documents=2), make_fetcher(), None)
    assert [item.title for item in found.items] == ["Новость 5", "Новость 4"]


def test_failed_feed_fetch_is_reported_not_dropped(server, make_fetcher):
    config = source("rss", url=server.url("/gone.xml"))
    found = discover(config, make_fetcher(), None)
    assert found.items == []
    [error] = found.errors
    assert (error.url, error.status, error.reason, error.http_status) == (server.url("/gone.xml"), "failed", "http_404", 404)


def test_unreadable_feed_is_reported(server, make_fetcher):
    server.route("/feed.xml", Reply(200, b"<html><body>oops</body></html>", XML_TYPE))
    [error] = discover(source("rss", url=server.url("/feed.xml")), make_fetcher(), None).errors
    assert (error.status, error.reason, error.http_status) == ("failed", "bad_feed", 200)


def test_private_feed_host_needs_the_source_flag(server, make_fetcher):
    server.route("/feed.xml", Reply(200, rss(news_items(2, server.url(""))), RSS_TYPE))
    guarded = make_fetcher(allowed_endpoints=[])
    [error] = discover(source("rss", url=server.url("/feed.xml")), guarded, None).errors
    assert (error.status, error.reason) == ("skipped", "private_address")
    allowed = SourceConfig(name="intranet", kind="rss", url=server.url("/feed.xml"), allow_private_network=True)
    assert len(discover(allowed, guarded, None).items) == 2


# --- discover: sitemaps -----------------------------------------------------------------------------------------------


def test_discover_sitemap_tree(server, make_fetcher):
    base = server.url("")
    server.route("/sitemap.xml", Reply(200, sitemap_index([
        ("/sitemap-2025-02.xml", "2025-02-28T00:00:00Z"),
        ("/sitemap-news.xml", "2025-03-05T00:00:00Z"),
        ("/sitemap-2025-03.xml.gz", "2025-03-03T00:00:00Z"),
        ("/sitemap-broken.xml", "2025-03-01T00:00:00Z"),
    ]), XML_TYPE))
    server.route("/sitemap-2025-02.xml", Reply(200, urlset([(f"{base}/2025/02/{n}.html", f"2025-02-{n:02d}") for n in range(1, 4)]), XML_TYPE))
    server.route("/sitemap-2025-03.xml.gz", Reply(200, gzip.compress(urlset([
        (f"{base}/2025/03/{n}.html?utm_medium=sitemap", f"2025-03-{n:02d}T06:00:00Z") for n in range(1, 3)
    ])), {"Content-Type": "application/x-gzip"}))
    server.route("/sitemap-news.xml", Reply(200, NEWS_SITEMAP.replace(b"https://example.cn", base.encode()), XML_TYPE))
    config = source("sitemap", url=server.url("/sitemap.xml"), exclude=(r"/02/3\.html",))

    found = discover(config, make_fetcher(), None)
    assert [item.normalized_url for item in found.items] == [
        server.url("/2025/03/forum.html"),  # lastmod 03-05
        server.url("/2025/03/expo.html"),  # news publication date 03-04
        server.url("/2025/03/2.html"),
        server.url("/2025/03/1.html"),
        server.url("/2025/02/2.html"),
        server.url("/2025/02/1.html"),
    ]
    expo = found.items[1]
    assert (expo.title, expo.published) == ("哈尔滨博览会签约项目", datetime(2025, 3, 4, 2, 0, tzinfo=timezone.utc))
    [error] = found.errors
    assert (error.url, error.reason) == (server.url("/sitemap-broken.xml"), "http_404")
    # the index is not complete (a child failed), the good children are remembered by their lastmod
    assert server.url("/sitemap.xml") not in found.cursor["validators"]
    assert found.cursor["sitemaps"] == {
        server.url("/sitemap-2025-02.xml"): "2025-02-28T00:00:00+00:00",
        server.url("/sitemap-news.xml"): "2025-03-05T00:00:00+00:00",
        server.url("/sitemap-2025-03.xml.gz"): "2025-03-03T00:00:00+00:00",
    }

    # next run: only the child whose lastmod moved is read again, and only its changed URL comes out
    server.route("/sitemap.xml", Reply(200, sitemap_index([
        ("/sitemap-2025-02.xml", "2025-02-28T00:00:00Z"),
        ("/sitemap-news.xml", "2025-03-05T00:00:00Z"),
        ("/sitemap-2025-03.xml.gz", "2025-03-07T00:00:00Z"),
    ]), XML_TYPE))
    server.route("/sitemap-2025-03.xml.gz", Reply(200, gzip.compress(urlset([
        (f"{base}/2025/03/1.html", "2025-03-01T06:00:00Z"),
        (f"{base}/2025/03/2.html", "2025-03-07T09:00:00Z"),
        (f"{base}/2025/03/7.html", "2025-03-07T08:00:00Z"),
    ])), {"Content-Type": "application/x-gzip"}))
    hits_before = {path: server.hits(path) for path in ("/sitemap-2025-02.xml", "/sitemap-news.xml", "/sitemap-2025-03.xml.gz")}
    second = discover(config, make_fetcher(), found.cursor)
    assert [item.normalized_url for item in second.items] == [server.url("/2025/03/2.html"), server.url("/2025/03/7.html")]
    assert server.hits("/sitemap-2025-02.xml") == hits_before["/sitemap-2025-02.xml"]
    assert server.hits("/sitemap-news.xml") == hits_before["/sitemap-news.xml"]
    assert server.hits("/sitemap-2025-03.xml.gz") == hits_before["/sitemap-2025-03.xml.gz"] + 1
    assert second.errors == []


def test_sitemap_cycles_depth_and_budget_are_bounded(server, make_fetcher):
    server.route("/loop.xml", Reply(200, sitemap_index([("/loop.xml", None), ("/deep/1.xml", None)]), XML_TYPE))
    for level in range(1, 10):
        server.route(f"/deep/{level}.xml", Reply(200, sitemap_index([(f"/deep/{level + 1}.xml", None)]), XML_TYPE))
    shallow = source("sitemap", url=server.url("/loop.xml"), options={"max_sitemap_depth": 3})
    found = discover(shallow, make_fetcher(), None)
    assert (found.items, found.errors) == ([], [])
    assert server.hits("/loop.xml") == 1
    assert [server.hits(f"/deep/{n}.xml") for n in range(1, 6)] == [1, 1, 1, 0, 0]

    budget = source("sitemap", url=server.url("/deep/1.xml"), options={"max_sitemaps": 2, "max_sitemap_depth": 50})
    before = server.hits("/deep/3.xml")
    discover(budget, make_fetcher(), None)
    assert server.hits("/deep/3.xml") == before and server.hits("/deep/4.xml") == 0


def test_cursor_seen_set_is_bounded_with_a_floor(server, make_fetcher):
    server.route("/feed.xml", Reply(200, rss(news_items(30, server.url(""))), RSS_TYPE))
    config = source("rss", url=server.url("/feed.xml"), options={"cursor_max_seen": 10})
    first = discover(config, make_fetcher(), None)
    assert len(first.items) == 30
    assert len(first.cursor["seen"]) == 10
    assert first.cursor["floor"] == (START + timedelta(hours=19)).isoformat()
    # the pruned (older) items are not mistaken for new ones
    assert discover(config, make_fetcher(), first.cursor).items == []


def test_files_kind_is_not_discovered_here(make_fetcher, tmp_path):
    with pytest.raises(ValueError):
        discover(SourceConfig(name="local", kind="files", path=tmp_path), make_fetcher(), None)
