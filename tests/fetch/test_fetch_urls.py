"""URL identity: normalize_url and canonical_url."""
from __future__ import annotations

import pytest

from orchestration.fetch.urls import (
    TRACKING_PARAMETERS,
    canonical_url,
    is_tracking_parameter,
    normalize_url,
    strip_credentials,
)


def test_tracking_duplicates_normalise_to_one_url():
    shared = [
        "https://news.example.com/2025/03/forum.html",
        "https://news.example.com/2025/03/forum.html?utm_source=telegram&utm_medium=social",
        "https://News.Example.com:443/2025/03/forum.html?utm_campaign=spring#comments",
        "https://news.example.com/2025/03/forum.html?fbclid=IwAR0abc&gclid=xyz",
        "https://news.example.com/2025/03/forum.html?yclid=123&mc_cid=a1&mc_eid=b2",
        "https://news.example.com/2025/03/forum.html?spm=a2c4g.11186623&from=timeline&isappinstalled=0",
        "HTTPS://NEWS.EXAMPLE.COM/2025/03/./forum.html?share=1&UTM_Content=x",
    ]
    assert {normalize_url(url) for url in shared} == {"https://news.example.com/2025/03/forum.html"}


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("HTTP://Example.COM:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com/a#frag", "https://example.com/a"),
        ("https://example.com/list?b=2&a=1&c=", "https://example.com/list?a=1&b=2&c="),
        ("https://example.com/news?id=123&utm_source=x", "https://example.com/news?id=123"),
        ("https://example.com/a/b/../c/./d", "https://example.com/a/c/d"),
        ("https://example.com/%7euser/%e6%96%b0", "https://example.com/~user/%E6%96%B0"),
        ("https://example.com/новости/форум", "https://example.com/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D1%84%D0%BE%D1%80%D1%83%D0%BC"),
        ("https://пример.рф/путь", "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C"),
        ("https://example.com./a", "https://example.com/a"),
        ("  https://example.com/a \n", "https://example.com/a"),
        ("https://[2001:DB8::1]:443/x", "https://[2001:db8::1]/x"),
        ("https://example.com/search?q=a+b", "https://example.com/search?q=a%20b"),
        ("https://example.com/search?q=a%20b", "https://example.com/search?q=a%20b"),
    ],
)
def test_normalize_url(raw, expected):
    assert normalize_url(raw) == expected


def test_relative_urls_resolve_against_the_base():
    base = "https://example.com/news/2025/index.html?page=2"
    assert normalize_url("article-1.html", base) == "https://example.com/news/2025/article-1.html"
    assert normalize_url("../archive/", base) == "https://example.com/news/archive/"
    assert normalize_url("/about?utm_source=nav", base) == "https://example.com/about"
    assert normalize_url("//cdn.example.net/x", base) == "https://cdn.example.net/x"


def test_non_http_urls_are_left_alone():
    assert normalize_url("mailto:Editor@Example.com") == "mailto:Editor@Example.com"


def test_tracking_list_keeps_meaningful_parameters():
    assert is_tracking_parameter("utm_anything") and is_tracking_parameter("FBCLID")
    for meaningful in ("id", "page", "p", "article", "aid", "q", "date", "lang"):
        assert not is_tracking_parameter(meaningful)
    assert {"fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "spm", "from", "share"} <= TRACKING_PARAMETERS


def test_normalisation_is_idempotent():
    for url in ("https://Example.com/a/../b?z=1&utm_source=q&a=%41#x", "http://пример.рф/новости?b=2&a=1"):
        once = normalize_url(url)
        assert normalize_url(once) == once


def test_canonical_link_is_resolved_and_normalised():
    html = """<html><head><title>x</title>
    <link rel="alternate" href="/amp/forum.html">
    <link rel="Canonical" href="/2025/03/forum.html?utm_source=rss"></head><body></body></html>"""
    assert canonical_url(html, "https://www.example.com/amp/forum.html") == "https://www.example.com/2025/03/forum.html"


def test_canonical_link_honours_base_href_and_bytes_input():
    html = '<html><head><base href="https://m.example.org/sub/"><link href="page.html" rel="canonical"></head></html>'
    assert canonical_url(html.encode(), "https://elsewhere.example/") == "https://m.example.org/sub/page.html"


def test_canonical_link_in_xhtml_with_an_xml_declaration():
    xhtml = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
             '<link rel="canonical" href="/story/1"/></head><body/></html>')
    assert canonical_url(xhtml, "https://example.com/amp/1") == "https://example.com/story/1"


@pytest.mark.parametrize(
    "html",
    [
        "   ",
        "<html><head><title>none</title></head><body></body></html>",
        '<html><head><link rel="canonical" href=""></head></html>',
        '<html><head><link rel="canonical" href="javascript:void(0)"></head></html>',
        "",
    ],
)
def test_missing_or_unusable_canonical_is_none(html):
    assert canonical_url(html, "https://example.com/a") is None


@pytest.mark.parametrize("raw, expected", [
    ("http://user:secret@news.example/a?b=1#c", "http://news.example/a?b=1#c"),
    ("https://token@news.example:8443/feed.xml", "https://news.example:8443/feed.xml"),
    ("http://u:p@[2001:db8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ("http://news.example/path/with@sign", "http://news.example/path/with@sign"),
    ("mailto:editor@news.example", "mailto:editor@news.example"),
    (None, None),
])
def test_credentials_are_stripped(raw, expected):
    assert strip_credentials(raw) == expected


def test_the_identity_of_a_url_has_no_credentials():
    assert normalize_url("HTTP://User:Secret@News.Example/a") == "http://news.example/a"
