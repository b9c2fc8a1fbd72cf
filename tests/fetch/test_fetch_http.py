"""Fetcher against the local server: every outcome of the fetch contract, asserted."""
from __future__ import annotations

import gzip
import socket
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
import requests
from server import Pause, Reply

from orchestration.fetch.http import Fetcher, parse_retry_after

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = "<html><head><title>Форум</title></head><body><p>Соглашение подписано.</p></body></html>".encode()


def test_plain_fetch_returns_body_text_and_metadata(server, make_fetcher):
    server.route("/article", Reply(200, PAGE, HTML))
    result = make_fetcher().fetch(server.url("/article"))
    assert result.status == "fetched" and result.reason is None
    assert (result.http_status, result.attempts) == (200, 1)
    assert result.body == PAGE
    assert result.text == PAGE.decode("utf-8")
    assert (result.encoding, result.encoding_source) == ("utf-8", "header")
    assert result.url == result.final_url == server.url("/article")
    assert result.fetched_at.tzinfo is timezone.utc and result.elapsed_ms >= 0
    sent = [r for r in server.requests if r.path == "/article"][0]
    assert sent.headers["user-agent"] == "AccordsTestBot/1.0 (+tests)"
    assert "text/html" in sent.headers["accept"]


def test_503_then_200_is_retried_once_with_backoff(server, make_fetcher, sleeps):
    server.route("/flaky", Reply(503, b"busy"), Reply(200, PAGE, HTML))
    result = make_fetcher(backoff_base=0.5).fetch(server.url("/flaky"))
    assert result.status == "fetched" and result.attempts == 2
    assert len(sleeps.calls) == 1 and 0.25 <= sleeps.calls[0] <= 0.5  # base * [0.5, 1] jitter


def test_persistent_5xx_gives_up_after_bounded_retries_with_growing_backoff(server, make_fetcher, sleeps):
    server.route("/down", Reply(500, b"oops"))
    result = make_fetcher(max_retries=3, backoff_base=1.0).fetch(server.url("/down"))
    assert (result.status, result.reason, result.http_status, result.attempts) == ("failed", "http_500", 500, 4)
    assert server.hits("/down") == 4
    assert len(sleeps.calls) == 3
    for number, wait in enumerate(sleeps.calls, start=1):
        ceiling = 2 ** (number - 1)
        assert ceiling / 2 <= wait <= ceiling


def test_429_honours_retry_after_seconds(server, make_fetcher, sleeps):
    server.route("/limited", Reply(429, b"slow down", {"Retry-After": "7"}), Reply(200, PAGE, HTML))
    result = make_fetcher(max_retry_after=30).fetch(server.url("/limited"))
    assert result.status == "fetched" and result.attempts == 2
    assert sleeps.calls == [7.0]


def test_retry_after_is_capped(server, make_fetcher, sleeps):
    server.route("/limited", Reply(429, b"", {"Retry-After": "3600"}), Reply(200, PAGE, HTML))
    result = make_fetcher(max_retry_after=12).fetch(server.url("/limited"))
    assert result.status == "fetched"
    assert sleeps.calls == [12.0]


def test_retry_after_as_http_date(server, make_fetcher, sleeps):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=20), usegmt=True)
    server.route("/limited", Reply(503, b"", {"Retry-After": when}), Reply(200, PAGE, HTML))
    result = make_fetcher(max_retry_after=60).fetch(server.url("/limited"))
    assert result.status == "fetched"
    assert len(sleeps.calls) == 1 and 17.0 <= sleeps.calls[0] <= 20.0


def test_retry_after_parsing():
    now = datetime(2025, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Sat, 01 Mar 2025 12:01:30 GMT", now) == 90.0
    assert parse_retry_after("Sat, 01 Mar 2025 11:00:00 GMT", now) == 0.0  # in the past: retry now
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_404_is_not_retried(server, make_fetcher, sleeps):
    result = make_fetcher().fetch(server.url("/missing"))
    assert (result.status, result.reason, result.http_status, result.attempts) == ("failed", "http_404", 404, 1)
    assert result.body is None and sleeps.calls == []


def test_stalled_response_times_out_and_is_retried(server, make_fetcher):
    server.route("/stall", Reply(200, PAGE, HTML, delay=3.0))
    started = time.monotonic()
    result = make_fetcher(read_timeout=0.4, max_retries=1).fetch(server.url("/stall"))
    assert (result.status, result.reason, result.attempts) == ("failed", "timeout", 2)
    assert time.monotonic() - started < 2.0


def test_body_that_stalls_midway_times_out(server, make_fetcher):
    server.route("/trickle", Reply(200, [b"<html><body>", Pause(3.0), b"</body></html>"], HTML))
    result = make_fetcher(read_timeout=0.4, max_retries=0).fetch(server.url("/trickle"))
    assert (result.status, result.reason, result.attempts) == ("failed", "timeout", 1)
    assert result.body is None


def test_a_trickling_body_hits_the_total_timeout(server, make_fetcher):
    trickle = [part for _ in range(20) for part in (b"<p>.</p>", Pause(0.1))]  # never silent for a read timeout
    server.route("/trickle", Reply(200, trickle, HTML))
    started = time.monotonic()
    result = make_fetcher(read_timeout=1.0, total_timeout=0.5, max_retries=0).fetch(server.url("/trickle"))
    assert (result.status, result.reason) == ("failed", "timeout")
    assert time.monotonic() - started < 1.5


def test_connection_refused_is_a_retried_connection_error(make_fetcher, sleeps):
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher = make_fetcher(max_retries=2, allowed_endpoints=[f"127.0.0.1:{port}"], obey_robots=False)
    result = fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert (result.status, result.reason, result.attempts, result.http_status) == ("failed", "connection_error", 3, None)
    assert len(sleeps.calls) == 2


def test_unreachable_host_is_reported_as_such_not_as_a_robots_problem(make_fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fetcher = make_fetcher(max_retries=0, allowed_endpoints=[f"127.0.0.1:{port}"])
    result = fetcher.fetch(f"http://127.0.0.1:{port}/page")
    assert (result.status, result.reason, result.attempts) == ("failed", "connection_error", 0)


def test_streamed_body_over_the_cap_stops_reading_early(server, make_fetcher):
    sixty_megabytes = (b"x" * 65536 for _ in range(960))  # no Content-Length: only the stream reveals the size
    server.route("/huge", Reply(200, sixty_megabytes, {"Content-Type": "text/html"}))
    result = make_fetcher(max_bytes=256 * 1024).fetch(server.url("/huge"))
    assert (result.status, result.reason, result.http_status) == ("failed", "too_large", 200)
    assert result.body is None and result.text is None
    server.wait_idle()
    # the client hung up: the server could only push what fits in the socket buffers, never the 60 MB
    assert server.bytes_sent("/huge") < 16 * 1024 * 1024


def test_content_length_over_the_cap_is_refused_before_reading(server, make_fetcher):
    declared = {"Content-Type": "text/html", "Content-Length": str(60 * 1024 * 1024)}
    server.route("/declared", Reply(200, [b"<html>", Pause(5.0)], declared))
    started = time.monotonic()
    result = make_fetcher(max_bytes=1024 * 1024, read_timeout=2.0).fetch(server.url("/declared"))
    assert (result.status, result.reason) == ("failed", "too_large")
    assert time.monotonic() - started < 1.5  # reading the body would have waited for the read timeout


def test_gzip_content_encoding_is_decoded_and_the_cap_counts_decoded_bytes(server, make_fetcher):
    server.route("/gz", Reply(200, gzip.compress(PAGE), {**HTML, "Content-Encoding": "gzip"}))
    bomb = gzip.compress(b"<html>" + b" " * (50 * 1024 * 1024))  # ~50 KB on the wire, 50 MB unpacked
    server.route("/bomb", Reply(200, bomb, {**HTML, "Content-Encoding": "gzip"}))
    fetcher = make_fetcher(max_bytes=1024 * 1024)
    page = fetcher.fetch(server.url("/gz"))
    assert page.status == "fetched" and page.body == PAGE and page.text == PAGE.decode()
    assert (fetcher.fetch(server.url("/bomb")).reason) == "too_large"


def test_chunked_transfer_encoding(server, make_fetcher):
    chunks = [b"%x\r\n%s\r\n" % (len(part), part) for part in (PAGE[:40], PAGE[40:])] + [b"0\r\n\r\n"]
    server.route("/chunked", Reply(200, chunks, {**HTML, "Transfer-Encoding": "chunked"}))
    result = make_fetcher().fetch(server.url("/chunked"))
    assert result.status == "fetched" and result.body == PAGE


def test_body_at_exactly_the_cap_is_accepted(server, make_fetcher):
    body = b"a" * 4096
    server.route("/exact", Reply(200, [body[:1000], body[1000:]], {"Content-Type": "text/plain"}))
    result = make_fetcher(max_bytes=4096).fetch(server.url("/exact"))
    assert result.status == "fetched" and result.body == body


def test_redirects_are_followed_hop_by_hop(server, make_fetcher):
    server.route("/old", Reply(301, b"", {"Location": "/middle"}))
    server.route("/middle", Reply(302, b"", {"Location": server.url("/new#section")}))
    server.route("/new", Reply(200, PAGE, HTML))
    result = make_fetcher().fetch(server.url("/old"))
    assert result.status == "fetched" and result.attempts == 1
    assert result.url == server.url("/old") and result.final_url == server.url("/new")
    assert [r.path for r in server.requests if r.path != "/robots.txt"] == ["/old", "/middle", "/new"]


def test_redirect_loop_is_detected(server, make_fetcher):
    server.route("/a", Reply(302, b"", {"Location": "/b"}))
    server.route("/b", Reply(302, b"", {"Location": "/a"}))
    server.route("/self", Reply(301, b"", {"Location": "/self"}))
    fetcher = make_fetcher(max_redirects=10)
    loop = fetcher.fetch(server.url("/a"))
    assert (loop.status, loop.reason, loop.http_status) == ("failed", "redirect_loop", 302)
    assert server.hits("/a") == 1 and server.hits("/b") == 1
    assert fetcher.fetch(server.url("/self")).reason == "redirect_loop"


def test_a_cookie_wall_redirect_to_the_same_url_is_not_a_loop(server, make_fetcher):
    def wall(request):
        if "consent=yes" in request.headers.get("cookie", ""):
            return Reply(200, PAGE, HTML)
        return Reply(302, b"", {"Location": "/wall", "Set-Cookie": "consent=yes; Path=/"})

    server.route("/wall", wall)
    result = make_fetcher().fetch(server.url("/wall"))
    assert result.status == "fetched" and server.hits("/wall") == 2


def test_too_many_redirects(server, make_fetcher):
    for step in range(10):
        server.route(f"/hop/{step}", Reply(302, b"", {"Location": f"/hop/{step + 1}"}))
    result = make_fetcher(max_redirects=3).fetch(server.url("/hop/0"))
    assert (result.status, result.reason) == ("failed", "too_many_redirects")
    assert [r.path for r in server.requests if r.path.startswith("/hop/")] == ["/hop/0", "/hop/1", "/hop/2", "/hop/3"]


@pytest.mark.parametrize(
    "content_type, accept, expected",
    [
        ("application/pdf", "page", "bad_content_type"),
        ("image/jpeg", "page", "bad_content_type"),
        ("application/rss+xml", "page", "bad_content_type"),
        ("application/xhtml+xml; charset=utf-8", "page", None),
        ("text/plain", "page", None),
        ("application/rss+xml; charset=utf-8", "feed", None),
        ("application/atom+xml", "feed", None),
        ("text/xml", "feed", None),
        ("application/x-gzip", "feed", None),
        ("text/html", "feed", "bad_content_type"),
        ("application/json", "feed", "bad_content_type"),
    ],
)
def test_content_type_is_checked_for_pages_and_feeds(server, make_fetcher, content_type, accept, expected):
    server.route("/doc", Reply(200, b"<x/>", {"Content-Type": content_type}))
    result = make_fetcher().fetch(server.url("/doc"), accept=accept)
    assert result.reason == expected
    assert result.status == ("fetched" if expected is None else "failed")
    if expected:
        assert result.body is None and result.content_type == content_type


def test_feeds_are_not_decoded_to_text(server, make_fetcher):
    server.route("/feed.xml", Reply(200, b"<rss/>", {"Content-Type": "application/rss+xml"}))
    result = make_fetcher().fetch(server.url("/feed.xml"), accept="feed")
    assert result.status == "fetched" and result.body == b"<rss/>" and result.text is None


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c"])
def test_non_http_schemes_are_skipped(make_fetcher, url):
    result = make_fetcher().fetch(url)
    assert (result.status, result.reason, result.attempts) == ("skipped", "bad_scheme", 0)


def test_redirect_to_a_non_http_scheme_is_skipped(server, make_fetcher):
    server.route("/to-file", Reply(302, b"", {"Location": "file:///etc/passwd"}))
    result = make_fetcher().fetch(server.url("/to-file"))
    assert (result.status, result.reason, result.final_url) == ("skipped", "bad_scheme", "file:///etc/passwd")


def test_conditional_get_gives_not_modified(server, make_fetcher):
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 05 Mar 2025 08:00:00 GMT"}

    def article(request):
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, PAGE, {**HTML, **validators})

    server.route("/cond", article)
    fetcher = make_fetcher()
    first = fetcher.fetch(server.url("/cond"))
    assert first.status == "fetched"
    assert (first.etag, first.last_modified) == ('"v1"', "Wed, 05 Mar 2025 08:00:00 GMT")
    second = fetcher.fetch(server.url("/cond"), validators=(first.etag, first.last_modified))
    assert (second.status, second.reason, second.http_status) == ("not_modified", None, 304)
    assert second.body is None and second.text is None
    assert (second.etag, second.last_modified) == ('"v1"', "Wed, 05 Mar 2025 08:00:00 GMT")  # still to be stored
    conditional = [r for r in server.requests if r.path == "/cond"][1]
    assert conditional.headers["if-none-match"] == '"v1"'
    assert conditional.headers["if-modified-since"] == "Wed, 05 Mar 2025 08:00:00 GMT"


def test_304_without_validators_is_a_failure(server, make_fetcher):
    server.route("/odd", Reply(304, b""))
    result = make_fetcher().fetch(server.url("/odd"))
    assert (result.status, result.reason) == ("failed", "http_304")


def test_robots_disallow_skips_without_requesting_and_is_cached(server, make_fetcher):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    server.route("/public/a", Reply(200, PAGE, HTML))
    fetcher = make_fetcher()
    blocked = fetcher.fetch(server.url("/private/report"))
    assert (blocked.status, blocked.reason, blocked.attempts) == ("skipped", "robots_disallowed", 0)
    assert fetcher.fetch(server.url("/public/a")).status == "fetched"
    assert server.hits("/private/report") == 0
    assert server.hits("/robots.txt") == 1  # cached per host


def test_robots_group_for_our_agent_wins_over_the_star_group(server, make_fetcher):
    robots = b"User-agent: *\nAllow: /\n\nUser-agent: AccordsTestBot\nDisallow: /news/\n"
    server.route("/robots.txt", Reply(200, robots, {"Content-Type": "text/plain"}))
    result = make_fetcher().fetch(server.url("/news/1"))
    assert result.reason == "robots_disallowed"


def test_robots_redirect_on_every_hop_is_checked(server, make_fetcher):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /closed\n", {"Content-Type": "text/plain"}))
    server.route("/open", Reply(302, b"", {"Location": "/closed/page"}))
    result = make_fetcher().fetch(server.url("/open"))
    assert (result.status, result.reason, result.final_url) == ("skipped", "robots_disallowed", server.url("/closed/page"))
    assert server.hits("/closed/page") == 0


def test_robots_404_allows_everything(server, make_fetcher):
    server.route("/page", Reply(200, PAGE, HTML))
    assert make_fetcher().fetch(server.url("/page")).status == "fetched"
    assert server.hits("/robots.txt") == 1


@pytest.mark.parametrize("robots_reply", [Reply(503, b"down"), Reply(500, b"err"), Reply(429, b"slow")])
def test_robots_unreachable_means_disallow_for_a_while(server, make_fetcher, robots_reply):
    server.route("/robots.txt", robots_reply)
    server.route("/page", Reply(200, PAGE, HTML))
    fetcher = make_fetcher(max_retries=0)
    first = fetcher.fetch(server.url("/page"))
    assert (first.status, first.reason, first.attempts) == ("failed", "robots_unreachable", 0)
    assert fetcher.fetch(server.url("/page")).reason == "robots_unreachable"
    assert server.hits("/page") == 0 and server.hits("/robots.txt") == 1  # the verdict is cached (error_ttl)


def test_robots_timeout_means_disallow_and_reports_the_timeout(server, make_fetcher):
    server.route("/robots.txt", Reply(200, b"", {"Content-Type": "text/plain"}, delay=3.0))
    server.route("/page", Reply(200, PAGE, HTML))
    result = make_fetcher(max_retries=0, read_timeout=0.3).fetch(server.url("/page"))
    assert (result.status, result.reason) == ("failed", "timeout")
    assert server.hits("/page") == 0


def test_robots_can_be_switched_off(server, make_fetcher):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /\n", {"Content-Type": "text/plain"}))
    server.route("/page", Reply(200, PAGE, HTML))
    assert make_fetcher(obey_robots=False).fetch(server.url("/page")).status == "fetched"
    assert server.hits("/robots.txt") == 0


def test_per_host_delay_spaces_requests_to_one_host_only(server, make_fetcher, sleeps):
    server.route("/one", Reply(200, PAGE, HTML))
    server.route("/two", Reply(200, PAGE, HTML))
    fetcher = make_fetcher(per_host_delay=5.0, clock=sleeps.clock, obey_robots=False)
    assert fetcher.fetch(server.url("/one")).status == "fetched"
    assert sleeps.calls == []
    assert fetcher.fetch(server.url("/two")).status == "fetched"
    assert sleeps.calls == [5.0]
    # another host name (even for the same machine) has its own schedule
    other = fetcher.fetch(server.url("/one", host="localhost"), allow_private_network=True)
    assert other.status == "fetched" and sleeps.calls == [5.0]


def test_robots_crawl_delay_raises_the_per_host_delay(server, make_fetcher, sleeps):
    server.route("/robots.txt", Reply(200, b"User-agent: *\nCrawl-delay: 3\n", {"Content-Type": "text/plain"}))
    server.route("/one", Reply(200, PAGE, HTML))
    server.route("/two", Reply(200, PAGE, HTML))
    fetcher = make_fetcher(per_host_delay=1.0, clock=sleeps.clock)
    fetcher.fetch(server.url("/one"))
    fetcher.fetch(server.url("/two"))
    # robots.txt at t=0 with the configured delay; the pages then keep the site's 3 s
    assert sleeps.calls == [1.0, 3.0]


def test_fetch_never_raises(server):
    class BrokenSession(requests.Session):
        def get(self, *args, **kwargs):
            raise RuntimeError("bug")

    fetcher = Fetcher(session=BrokenSession(), allowed_endpoints=[server.endpoint], obey_robots=False,
                      per_host_delay=0)
    result = fetcher.fetch(server.url("/page"))
    assert (result.status, result.reason) == ("failed", "internal_error")


def test_url_without_host_is_a_bad_url(make_fetcher):
    result = make_fetcher().fetch("http:///path-only")
    assert (result.status, result.reason) == ("failed", "bad_url")
