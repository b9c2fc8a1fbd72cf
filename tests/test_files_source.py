"""The files source reads only regular files inside its folder, within the byte cap, under any file name."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pyarrow.parquet as pq

from orchestration.fetch.files import file_uri, list_files, read_folder
from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store, run_ingest

SECRET = "ACCORDS_TEST_SECRET=do-not-store-me"


def _by_name(reads):
    return {unquote_to_bytes(read.uri).rsplit(b"/", 1)[-1]: read for read in reads}


def _hostile_folder(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("A forum opened in Harbin.", encoding="utf-8")
    (folder / "sub" / "nested.html").write_text("<p>An expo closed in Kazan.</p>", encoding="utf-8")
    (folder / "env.txt").symlink_to("/proc/self/environ")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "inside.txt").symlink_to(folder / "good.txt")  # a link inside the folder is a link all the same
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    with open(folder / "huge.txt", "wb") as sparse:  # 30 MB that occupy no disk
        sparse.truncate(30 * 1024 * 1024)
    (folder / os.fsdecode(b"caf\xe9 \xff#1.txt")).write_text("A summit was held in Osaka.", encoding="utf-8")
    return folder


def test_only_regular_files_inside_the_folder_are_read(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORDS_TEST_SECRET", "do-not-store-me")
    folder = _hostile_folder(tmp_path)
    reads = _by_name(read_folder(folder))
    outcome = {name: (read.status, read.reason) for name, read in reads.items()}
    assert outcome == {
        b"good.txt": ("fetched", None),
        b"nested.html": ("fetched", None),
        b"caf\xe9 \xff#1.txt": ("fetched", None),
        b"env.txt": ("skipped", "symlink"),
        b"zero.txt": ("skipped", "symlink"),
        b"leak.txt": ("skipped", "symlink"),
        b"inside.txt": ("skipped", "symlink"),
        b"dangling.txt": ("skipped", "symlink"),
        b"linked-folder": ("skipped", "symlink"),
        b"pipe.txt": ("skipped", "not_a_regular_file"),
        b"huge.txt": ("failed", "too_large"),
    }
    assert all(read.content is None or SECRET.encode() not in read.content for read in reads.values())
    assert [path.name for path in list_files(folder)] == ["caf\udce9 \udcff#1.txt", "good.txt", "huge.txt", "nested.html"]


def test_file_uris_are_percent_encoded_ascii(tmp_path):
    path = tmp_path / os.fsdecode(b"caf\xe9 \xff#1.txt")
    uri = file_uri(path)
    assert uri.isascii() and uri.startswith("file:///") and uri.endswith("/caf%E9%20%FF%231.txt")
    assert unquote_to_bytes(uri.removeprefix("file://")) == os.fsencode(path)


def test_a_file_growing_past_the_cap_is_too_large(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORDS_FILE_MAX_BYTES", "100")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "small.txt").write_text("x" * 100, encoding="utf-8")
    (folder / "big.txt").write_text("x" * 101, encoding="utf-8")
    outcome = {name: read.reason for name, read in _by_name(read_folder(folder)).items()}
    assert outcome == {b"small.txt": None, b"big.txt": "too_large"}


def test_ingest_logs_every_skipped_entry_and_stores_no_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORDS_TEST_SECRET", "do-not-store-me")
    folder = _hostile_folder(tmp_path)
    registry = tmp_path / "sources.yml"
    registry.write_text(f"sources:\n  - name: hostile\n    kind: files\n    path: {folder}\n", encoding="utf-8")
    settings = Settings(sources_file=registry, data_dir=tmp_path / "data")
    report = run_ingest(settings, load_registry(registry), run_id="r1")
    log = pq.read_table(settings.raw_dir / "fetch_log" / "r1.parquet").to_pylist()
    assert len(log) == 11 and report.documents_total == 3
    assert {row["reason"] for row in log if row["status"] == "skipped"} == {"symlink", "not_a_regular_file"}
    assert all(row["url"].isascii() for row in log)
    assert all(row["uri"].isascii() for row in document_store(settings).rows())
    for path in settings.data_dir.rglob("*"):
        if path.is_file():
            assert b"do-not-store-me" not in path.read_bytes(), path
