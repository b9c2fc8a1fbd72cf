"""The files source: raw documents kept content-addressed, failures logged with a reason, reruns idempotent."""
from __future__ import annotations

import os

import pyarrow.parquet as pq
import pytest

from orchestration.fetch import files
from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store, run_ingest


@pytest.fixture
def folder_source(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Форум открылся в Харбине.", encoding="utf-8")
    (corpus / "copy_of_a.txt").write_text("Форум открылся в Харбине.", encoding="utf-8")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "page.html").write_text("<html><body><p>Expo opened.</p></body></html>", encoding="utf-8")
    (corpus / "ignored.pdf").write_bytes(b"%PDF")
    locked = corpus / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    # permissions do not stop root (CI), so the read itself is made to fail
    real_read = files._read_capped

    def read_capped(handle, cap):
        if os.readlink(f"/proc/self/fd/{handle}").endswith("locked.txt"):
            raise PermissionError("locked.txt")
        return real_read(handle, cap)

    monkeypatch.setattr(files, "_read_capped", read_capped)
    registry = tmp_path / "sources.yml"
    registry.write_text("sources:\n  - name: local\n    kind: files\n    path: corpus\n", encoding="utf-8")
    return Settings(sources_file=registry, data_dir=tmp_path / "data"), corpus


def _log(settings, run_id):
    return {row["url"].rsplit("/", 1)[-1]: row for row in pq.read_table(settings.raw_dir / "fetch_log" / f"{run_id}.parquet").to_pylist()}


def test_same_content_twice_is_one_document_and_failures_have_reasons(folder_source):
    settings, _ = folder_source
    report = run_ingest(settings, load_registry(settings.sources_file), run_id="run-1")
    assert report.documents_total == 2 and report.new_documents == 2
    log = _log(settings, "run-1")
    assert set(log) == {"a.txt", "copy_of_a.txt", "empty.txt", "page.html", "locked.txt"}
    assert log["a.txt"]["document_id"] == log["copy_of_a.txt"]["document_id"]
    assert (log["empty.txt"]["status"], log["empty.txt"]["reason"]) == ("failed", "empty_file")
    assert (log["locked.txt"]["status"], log["locked.txt"]["reason"]) == ("failed", "unreadable")
    stored = document_store(settings).rows()
    assert all(row["uri"].startswith("file:///") and len(row["content_sha256"]) == 64 for row in stored)
    blob = settings.documents_dir / stored[0]["storage_path"]
    assert blob.read_bytes() in (b"<html><body><p>Expo opened.</p></body></html>", "Форум открылся в Харбине.".encode())


def test_a_rerun_keeps_ids_and_picks_up_a_fixed_file(folder_source):
    settings, corpus = folder_source
    run_ingest(settings, load_registry(settings.sources_file), run_id="run-1")
    first = {row["document_id"]: row for row in document_store(settings).rows()}
    (corpus / "empty.txt").write_text("Саммит завершился.", encoding="utf-8")
    report = run_ingest(settings, load_registry(settings.sources_file), run_id="run-2")
    log = _log(settings, "run-2")
    assert log["a.txt"]["status"] == "not_modified"
    assert log["empty.txt"]["status"] == "fetched" and report.new_documents == 1
    second = {row["document_id"]: row for row in document_store(settings).rows()}
    assert set(first) < set(second)
    assert all(second[key]["fetched_at"] == first[key]["fetched_at"] for key in first)


def test_a_changed_file_is_a_new_document_and_the_old_bytes_stay(folder_source):
    settings, corpus = folder_source
    run_ingest(settings, load_registry(settings.sources_file), run_id="run-1")
    old = {row["content_sha256"] for row in document_store(settings).rows()}
    (corpus / "a.txt").write_text("Форум закрылся в Харбине.", encoding="utf-8")
    run_ingest(settings, load_registry(settings.sources_file), run_id="run-2")
    assert all((settings.documents_dir / sha[:2] / sha).exists() for sha in old)
    assert len(document_store(settings).rows()) == 3


def test_a_missing_folder_is_logged_not_raised(tmp_path):
    registry = tmp_path / "sources.yml"
    registry.write_text("sources:\n  - name: gone\n    kind: files\n    path: nowhere\n", encoding="utf-8")
    settings = Settings(sources_file=registry, data_dir=tmp_path / "data")
    report = run_ingest(settings, load_registry(registry), run_id="r")
    assert report.status_counts == {"failed": 1} and report.failures[0]["reason"] == "missing_folder"


def test_an_unchanged_file_is_not_read_again_and_a_rewritten_one_is(folder_source, monkeypatch):
    settings, corpus = folder_source
    monkeypatch.setattr(files, "_RACY_NS", 0)  # files written a moment ago count as settled
    registry = load_registry(settings.sources_file)
    run_ingest(settings, registry, run_id="run-1")
    first = _log(settings, "run-1")
    names_read = []
    read_capped = files._read_capped

    def counting(handle, cap):
        names_read.append(os.readlink(f"/proc/self/fd/{handle}").rsplit("/", 1)[-1])
        return read_capped(handle, cap)

    monkeypatch.setattr(files, "_read_capped", counting)
    run_ingest(settings, registry, run_id="run-2")
    second = _log(settings, "run-2")
    assert sorted(names_read) == ["empty.txt", "locked.txt"]  # what failed is tried again, the rest is not read
    for name in ("a.txt", "copy_of_a.txt", "page.html"):
        assert (second[name]["status"], second[name]["document_id"]) == ("not_modified", first[name]["document_id"])

    (corpus / "page.html").write_text("<html><body><p>Expo closed.</p></body></html>", encoding="utf-8")  # same size
    names_read.clear()
    report = run_ingest(settings, registry, run_id="run-3")
    third = _log(settings, "run-3")
    assert "page.html" in names_read and report.new_documents == 1
    assert third["page.html"]["status"] == "fetched" and third["page.html"]["document_id"] != first["page.html"]["document_id"]
