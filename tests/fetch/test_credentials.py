"""No user or password of any URL is stored: not in documents, the fetch log, the feed state, nor anywhere else."""
from __future__ import annotations

import pyarrow.parquet as pq
from server import Reply

from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store, run_ingest


def test_credentials_in_urls_never_reach_the_data_directory(server, tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORDS_HTTP_PER_HOST_DELAY", "0")
    authority = f"reader:hunter2secret@{server.endpoint}"
    page = (f'<html><head><link rel="canonical" href="http://{authority}/canonical"></head>'
            "<body><p>A forum of sister cities opened in Harbin.</p></body></html>")
    server.route("/page", Reply(200, page.encode(), {"Content-Type": "text/html"}))
    server.route("/moved", Reply(302, b"", {"Location": f"http://{authority}/page2"}))
    server.route("/page2", Reply(200, b"<html><body><p>An expo closed in Kazan.</p></body></html>",
                                 {"Content-Type": "text/html"}))
    items = "".join(f"<item><link>http://{authority}{path}</link></item>" for path in ("/page", "/moved", "/missing"))
    server.route("/feed.xml", Reply(200, f"<rss><channel>{items}</channel></rss>".encode(),
                                    {"Content-Type": "application/rss+xml", "ETag": '"v1"'}))
    registry = tmp_path / "sources.yml"
    registry.write_text(
        f"sources:\n  - name: feed\n    kind: rss\n    url: http://{authority}/feed.xml\n    allow_private_network: true\n"
        f"  - name: list\n    kind: urls\n    urls: ['http://{authority}/page']\n    allow_private_network: true\n",
        encoding="utf-8")
    settings = Settings(sources_file=registry, data_dir=tmp_path / "data")
    report = run_ingest(settings, load_registry(registry), run_id="r1")
    assert report.documents_total == 2
    assert {row["uri"] for row in document_store(settings).rows()} == {server.url("/canonical"), server.url("/page2")}
    log = pq.read_table(settings.raw_dir / "fetch_log" / "r1.parquet").to_pylist()
    assert {row["status"] for row in log} == {"fetched", "failed"} and len(log) == 4
    for path in settings.data_dir.rglob("*"):
        # the stored pages are the bytes the site served (one names a canonical link with credentials): not ours
        if path.is_file() and settings.documents_dir not in path.parents:
            assert b"hunter2secret" not in path.read_bytes(), path

    # the feed's validator is kept under its URL without the password, and still used on the next run
    requests_before = len(server.requests)
    run_ingest(settings, load_registry(registry), run_id="r2")
    feed_requests = [r for r in server.requests[requests_before:] if r.path == "/feed.xml"]
    assert feed_requests and feed_requests[0].headers.get("if-none-match") == '"v1"'
