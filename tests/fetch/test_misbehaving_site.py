"""`make run` over a misbehaving local site: every URL stored or logged with a reason, retried, never duplicated.

A real HTTP server on 127.0.0.1 serves an RSS feed of tens of items mixing good pages in legacy charsets with
every failure the fetcher must survive, plus a `urls` source whose page answers 304 on the second run. The
pipeline runs twice as a subprocess, exactly as `make run` does.
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from server import Reply

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.conftest import run_pipeline  # noqa: E402

RU_TITLE = "Форум побратимов открылся в Казани"
JA_TITLE = "日中経済交流会が大阪で開催"
ZH_TITLE = "中俄博览会在哈尔滨开幕"


def _page(title: str, body: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


RU_PAGE = _page(RU_TITLE, "12 мая 2024 года в Казани прошел форум городов-побратимов, участники подписали 7 соглашений "
                          "о сотрудничестве между городами России и Китая в области образования и туризма.")
JA_PAGE = _page(JA_TITLE, "5月20日、日中経済交流会が大阪で開催され、両国の企業が協力について議論し、12件の協力協定が締結された。",
                '<meta charset="shift_jis">')
ZH_PAGE = _page(ZH_TITLE, "2024年6月1日,中俄博览会在哈尔滨开幕,来自俄罗斯的企业参展,各方签署合作协议30项,签约金额约50亿元。"
                          "本届博览会为期5天,展会期间举办了多场经贸对接活动,吸引了大量专业观众和采购商参加。")


def _filler(index: int) -> bytes:
    return _page(f"Новость номер {index} о сотрудничестве", f"Текст новости {index}: стороны обсудили планы на будущее "
                 "и договорились о новых встречах в следующем году.").encode("utf-8")


@pytest.fixture
def site(server):
    state = {"stalled_calls": 0}
    html = {"Content-Type": "text/html; charset=utf-8"}

    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    server.route("/news/ru", Reply(200, RU_PAGE.encode("windows-1251"), {"Content-Type": "text/html; charset=windows-1251"}))
    server.route("/news/ja", Reply(200, JA_PAGE.encode("shift_jis"), {"Content-Type": "text/html"}))
    server.route("/news/zh", Reply(200, ZH_PAGE.encode("gb18030"), {"Content-Type": "text/html"}))
    server.route("/news/copy-of-ru", Reply(200, RU_PAGE.encode("windows-1251"), {"Content-Type": "text/html; charset=windows-1251"}))
    server.route("/news/flaky", Reply(503), Reply(200, _filler(100), html))
    server.route("/news/busy", Reply(429, b"", {"Retry-After": "1"}), Reply(200, _filler(101), html))

    def stalled(request):
        # times out throughout the first run, answers on the next one
        state["stalled_calls"] += 1
        return Reply(200, _filler(102), html, delay=3.0 if state["stalled_calls"] <= 3 else 0.0)

    server.route("/news/stalled", stalled)
    server.route("/news/huge", Reply(200, [b"x" * 65536] * 40, {"Content-Type": "text/html"}))
    server.route("/news/loop-a", Reply(302, b"", {"Location": "/news/loop-b"}))
    server.route("/news/loop-b", Reply(302, b"", {"Location": "/news/loop-a"}))
    server.route("/private/secret", Reply(200, _filler(103), html))
    server.route("/news/to-metadata", Reply(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}))
    server.route("/news/image", Reply(200, b"\x89PNG....", {"Content-Type": "image/png"}))
    server.route("/news/gone", Reply(404, b"not here", {"Content-Type": "text/html"}))
    for index in range(15):
        server.route(f"/news/item-{index}", Reply(200, _filler(index), html))
    server.route("/static/etag", lambda request: Reply(304) if request.headers.get("if-none-match") == '"v1"'
                 else Reply(200, _filler(200), {**html, "ETag": '"v1"'}))

    links = ["/news/ru", "/news/ru?utm_source=feed&utm_medium=rss", "/news/ja", "/news/zh", "/news/copy-of-ru",
             "/news/flaky", "/news/busy", "/news/stalled", "/news/huge", "/news/loop-a", "/private/secret",
             "/news/to-metadata", "/news/image", "/news/gone"] + [f"/news/item-{i}" for i in range(15)]
    items = "".join(f"<item><title>item {i}</title><link>{server.url(link).replace('&', '&amp;')}</link>"
                    f"<guid>{i}</guid></item>" for i, link in enumerate(links))
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    server.route("/feed.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    return server, links


def test_a_misbehaving_site_loses_nothing_and_heals_on_the_next_run(site, tmp_path):
    server, links = site
    registry = tmp_path / "sources.yml"
    registry.write_text(
        "sources:\n"
        f"  - name: feed\n    kind: rss\n    url: {server.url('/feed.xml')}\n"
        f"  - name: pages\n    kind: urls\n    urls: ['{server.url('/static/etag')}']\n", encoding="utf-8")
    env = {
        "ACCORDS_HTTP_TRUSTED_ENDPOINTS": server.endpoint, "ACCORDS_HTTP_READ_TIMEOUT": "0.5",
        "ACCORDS_HTTP_CONNECT_TIMEOUT": "1", "ACCORDS_HTTP_MAX_RETRIES": "2", "ACCORDS_HTTP_BACKOFF_BASE": "0.05",
        "ACCORDS_HTTP_MAX_BYTES": "1000000", "ACCORDS_HTTP_PER_HOST_DELAY": "0", "ACCORDS_HTTP_MAX_RETRY_AFTER": "2",
        "ACCORDS_MAX_FETCH_FAILURE_RATE": "0.9",
    }
    data_dir = tmp_path / "data"
    first = run_pipeline(data_dir, registry, **env)
    assert first.returncode == 0, first.stderr[-4000:]

    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        log = {url.replace(f"http://{server.endpoint}", ""): (status, reason, document_id)
               for url, status, reason, document_id in connection.execute(
                   "select url, status, reason, document_id from ops.fetch_log").fetchall()}
        titles = {title for (title,) in connection.execute("select title from marts.dim_documents").fetchall()}
        documents = connection.execute("select count(*), count(distinct content_sha256) from marts.dim_documents").fetchone()

    # every discovered URL is in the log, with a reason whenever it was not stored
    assert set(links) - {"/news/ru?utm_source=feed&utm_medium=rss"} <= set(log)
    assert "/static/etag" in log
    assert all(reason for status, reason, _ in log.values() if status in ("failed", "skipped"))
    expected = {
        "/news/stalled": ("failed", "timeout"), "/news/huge": ("failed", "too_large"),
        "/news/loop-a": ("failed", "redirect_loop"), "/private/secret": ("skipped", "robots_disallowed"),
        "/news/to-metadata": ("skipped", "private_address"), "/news/image": ("failed", "bad_content_type"),
        "/news/gone": ("failed", "http_404"),
    }
    for path, outcome in expected.items():
        assert log[path][:2] == outcome, (path, log[path])
    for path in ["/news/ru", "/news/ja", "/news/zh", "/news/flaky", "/news/busy", "/static/etag"] + [f"/news/item-{i}" for i in range(15)]:
        assert log[path][0] == "fetched" and log[path][2], (path, log[path])
    # the utm duplicate and the same bytes under another URL are one document
    assert log["/news/copy-of-ru"][2] == log["/news/ru"][2]
    assert documents[0] == documents[1] == 21
    # legacy charsets decode to the right titles: no mojibake
    assert {RU_TITLE, JA_TITLE, ZH_TITLE} <= titles

    second = run_pipeline(data_dir, registry, **env)
    assert second.returncode == 0, second.stderr[-4000:]
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        latest = {url.replace(f"http://{server.endpoint}", ""): (status, reason) for url, status, reason in connection.execute(
            """select url, status, reason from ops.fetch_log
               where run_id = (select run_id from ops.fetch_log order by attempted_at desc limit 1)""").fetchall()}
        stored = connection.execute("select count(*) from marts.dim_documents").fetchone()[0]
    assert latest["/news/stalled"] == ("fetched", None)  # the temporary failure is stored on the next run
    assert latest["/static/etag"] == ("not_modified", None)  # a conditional GET answered 304
    assert "/news/ru" not in latest  # the feed cursor offers only new or retried items
    assert stored == 22
