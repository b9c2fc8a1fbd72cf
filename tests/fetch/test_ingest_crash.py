"""Nothing lost: ingest killed at any point (or failing late) loses no document, and the next run indexes all.

A files source and an RSS feed on a local server are ingested by a child process that kills itself (SIGKILL)
at one point of the write order: after a journal line, after a blob, while saving the index, while saving the
feed's cursor, while saving the fetch log. The next run, in this process, must hold every document exactly
once, leave no temporary file, and a third run must find nothing new.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from server import Reply

from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store, run_ingest
from orchestration.store import handoff
from orchestration.store.handoff import remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]
PAGES = {f"/news/{index}": f"<html><body><h1>Item {index}</h1><p>Report {index} of a city forum.</p></body></html>"
         for index in range(4)}

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from orchestration.registry import load_registry
    from orchestration.settings import Settings
    from orchestration.stages.ingest import run_ingest
    from orchestration.store import documents

    point, occurrence = sys.argv[3], int(sys.argv[4])
    seen = {"count": 0}

    def hit():
        seen["count"] += 1
        if seen["count"] == occurrence:
            os.kill(os.getpid(), signal.SIGKILL)

    if point == "journal":
        original_append = documents.DocumentStore._append_journal
        def append(self, row):
            original_append(self, row)
            hit()
        documents.DocumentStore._append_journal = append
    elif point == "blob":
        original_blob = documents._write_blob
        def write_blob(blob, content):
            original_blob(blob, content)
            hit()
        documents._write_blob = write_blob
    else:  # a file being replaced: the temporary file is written, the rename never happens
        original_replace = os.replace
        def replace(source, target, *args, **kwargs):
            if point in str(target):
                hit()
            return original_replace(source, target, *args, **kwargs)
        os.replace = replace

    registry = Path(sys.argv[1])
    run_ingest(Settings(sources_file=registry, data_dir=Path(sys.argv[2])), load_registry(registry), run_id="killed")
""")


@pytest.fixture
def sources(server, tmp_path, monkeypatch):
    items = "".join(f"<item><link>{server.url(path)}</link><title>Item {path[-1]}</title></item>" for path in PAGES)
    server.route("/feed.xml", Reply(200, f"<rss version='2.0'><channel>{items}</channel></rss>".encode(),
                                    {"Content-Type": "application/rss+xml"}))
    for path, page in PAGES.items():
        server.route(path, Reply(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"}))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index in range(3):
        (folder / f"file{index}.txt").write_text(f"File {index}: a delegation visited a sister city.", encoding="utf-8")
    registry = tmp_path / "sources.yml"
    registry.write_text(
        f"sources:\n  - name: folder\n    kind: files\n    path: {folder}\n"
        f"  - name: news\n    kind: rss\n    url: {server.url('/feed.xml')}\n    allow_private_network: true\n",
        encoding="utf-8")
    monkeypatch.setenv("ACCORDS_HTTP_PER_HOST_DELAY", "0")
    return registry


def _settings(registry: Path, tmp_path: Path) -> Settings:
    return Settings(sources_file=registry, data_dir=tmp_path / "data")


def _kill(registry: Path, settings: Settings, point: str, occurrence: int) -> None:
    env = dict(os.environ, ACCORDS_HTTP_PER_HOST_DELAY="0")
    child = subprocess.run([sys.executable, "-c", CHILD, str(registry), str(settings.data_dir), point, str(occurrence)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert child.returncode == -9, f"{point}: not killed: {child.stderr[-2000:]}"


@pytest.mark.parametrize("point, occurrence", [
    ("journal", 2),  # a file's row journaled, its blob not yet written
    ("blob", 5),  # the second page of the feed stored, the index not saved
    ("documents.parquet", 2),  # saving the index after the feed
    ("news.json", 1),  # saving the feed's cursor
    ("fetch_log", 2),  # saving the fetch log after the feed
])
def test_a_killed_ingest_loses_no_document(sources, tmp_path, point, occurrence):
    settings = _settings(sources, tmp_path)
    _kill(sources, settings, point, occurrence)
    remove_stale_temporaries(settings.data_dir)
    report = run_ingest(settings, load_registry(sources), run_id="next")
    stored = document_store(settings).rows()
    assert report.documents_total == 7 and len(stored) == 7
    assert {row["source_name"] for row in stored} == {"folder", "news"}
    assert all((settings.documents_dir / row["storage_path"]).exists() for row in stored)
    assert not [p for p in settings.data_dir.rglob(".*") if p.is_file()], "temporary files left behind"
    assert not (settings.raw_dir / "documents.journal").exists()

    again = run_ingest(settings, load_registry(sources), run_id="third")
    assert again.documents_total == 7 and again.new_documents == 0


def test_a_late_failure_loses_no_document(sources, tmp_path, monkeypatch):
    """The case that lost articles for good: a feed's cursor saved, then the run failed before the index was."""
    registry = tmp_path / "feed-first.yml"
    entries = sources.read_text(encoding="utf-8").split("\n  - ")
    registry.write_text("\n  - ".join([entries[0], entries[2], entries[1]]), encoding="utf-8")
    assert [source.name for source in load_registry(registry)] == ["news", "folder"]
    settings = _settings(registry, tmp_path)
    real_write = handoff.write_table

    def disk_full(path, rows, schema):
        if path.name == "documents.parquet":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(path, rows, schema)

    monkeypatch.setattr("orchestration.store.documents.write_table", disk_full)
    with pytest.raises(OSError):
        run_ingest(settings, load_registry(registry), run_id="full")
    monkeypatch.setattr("orchestration.store.documents.write_table", real_write)
    report = run_ingest(settings, load_registry(registry), run_id="next")
    assert report.documents_total == 7
    assert {row["source_name"] for row in document_store(settings).rows()} == {"folder", "news"}


def test_orphan_blobs_are_indexed_and_a_source_reading_them_again_names_them(sources, tmp_path):
    """Blobs that an older version stored without indexing them are found at start; the next read of the same
    bytes gives them their real source and uri."""
    settings = _settings(sources, tmp_path)
    run_ingest(settings, load_registry(sources), run_id="first")
    index = settings.raw_dir / "documents.parquet"
    rows = [row for row in document_store(settings).rows() if row["source_name"] != "news"]
    handoff.write_table(index, rows, handoff.pq.read_schema(index))  # the feed's documents forgotten by the index
    store = document_store(settings)
    assert store.recover() == 4
    assert sorted(row["source_name"] for row in document_store(settings).rows()) == ["folder"] * 3 + ["recovered"] * 4

    (settings.raw_dir / "http_state" / "news.json").unlink()  # the feed is read again from scratch
    run_ingest(settings, load_registry(sources), run_id="again")
    stored = document_store(settings).rows()
    assert len(stored) == 7 and {row["source_name"] for row in stored} == {"folder", "news"}
    assert all(row["uri"].startswith(("http://", "file://")) for row in stored)
