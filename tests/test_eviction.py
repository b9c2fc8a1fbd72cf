"""A file removed from a `files` folder: its document stays in the index, marked removed, and is no longer parsed,
extracted or published; it comes back with its file; runs after either are idempotent."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages.ingest import document_store, run_ingest
from orchestration.stages.parse import parsed_path, run_parse
from tests.conftest import ROOT, run_pipeline, snapshot

SEEDS = sorted((ROOT / "sources" / "corpus" / "seeds").glob("*.txt"))


def _folder(tmp_path: Path, count: int) -> tuple[Path, Settings]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS[:count]:
        shutil.copy(seed, folder / seed.name)
    sources = tmp_path / "sources.yml"
    sources.write_text(f"sources:\n  - name: folder\n    kind: files\n    path: {folder}\n", encoding="utf-8")
    return folder, Settings(sources_file=sources, data_dir=tmp_path / "data")


def _ingest_and_parse(settings: Settings, run_id: str):
    run_ingest(settings, load_registry(settings.sources_file), run_id=run_id)
    run_parse(settings)
    rows = {row["uri"]: row for row in document_store(settings).rows()}
    parsed = set(pq.read_table(parsed_path(settings)).column("document_id").to_pylist())
    return rows, parsed


def test_a_removed_file_is_marked_and_no_longer_parsed_and_comes_back(tmp_path):
    folder, settings = _folder(tmp_path, 3)
    rows, parsed = _ingest_and_parse(settings, "r1")
    assert len(rows) == 3 and all(row["removed_at"] is None for row in rows.values()) and len(parsed) == 3

    gone = folder / SEEDS[1].name
    gone.unlink()
    rows, parsed = _ingest_and_parse(settings, "r2")
    removed = [row for row in rows.values() if row["removed_at"] is not None]
    assert [row["uri"] for row in removed] == [uri for uri in rows if uri.endswith(SEEDS[1].name)]
    assert len(rows) == 3  # kept: the blob and its index row stay
    assert removed[0]["document_id"] not in parsed and len(parsed) == 2

    stamp = removed[0]["removed_at"]
    rows, parsed = _ingest_and_parse(settings, "r3")  # idempotent: the mark is not renewed
    assert [row["removed_at"] for row in rows.values() if row["removed_at"] is not None] == [stamp]
    assert len(parsed) == 2

    shutil.copy(SEEDS[1], folder / "renamed.txt")  # the same content back, under another name
    rows, parsed = _ingest_and_parse(settings, "r4")
    assert all(row["removed_at"] is None for row in rows.values()) and len(parsed) == 3
    assert any(uri.endswith("renamed.txt") for uri in rows)


def test_a_copy_of_the_same_bytes_keeps_the_document(tmp_path):
    folder, settings = _folder(tmp_path, 1)
    shutil.copy(folder / SEEDS[0].name, folder / "copy.txt")
    _ingest_and_parse(settings, "r1")
    (folder / SEEDS[0].name).unlink()  # the index names this file, but the copy still holds the content
    rows, parsed = _ingest_and_parse(settings, "r2")
    assert [row["removed_at"] for row in rows.values()] == [None] and len(parsed) == 1


def test_a_missing_folder_evicts_nothing(tmp_path):
    folder, settings = _folder(tmp_path, 2)
    _ingest_and_parse(settings, "r1")
    folder.rename(tmp_path / "unmounted")
    rows, parsed = _ingest_and_parse(settings, "r2")
    assert all(row["removed_at"] is None for row in rows.values()) and len(parsed) == 2


def test_a_removed_file_leaves_the_published_marts(tmp_path):
    folder, settings = _folder(tmp_path, 4)
    first = run_pipeline(settings.data_dir, settings.sources_file)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-6000:]
    warehouse = settings.data_dir / "warehouse.duckdb"
    before = snapshot(warehouse)
    (folder / SEEDS[0].name).unlink()
    second = run_pipeline(settings.data_dir, settings.sources_file)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-6000:]
    after = snapshot(warehouse)
    assert len(after["dim_documents"]) == len(before["dim_documents"]) - 1
    published = settings.data_dir / "published" / "warehouse.duckdb"
    with duckdb.connect(str(published), read_only=True) as connection:
        uris = [uri for (uri,) in connection.execute("select uri from marts.dim_documents").fetchall()]
        [gone_id] = [row["document_id"] for row in document_store(settings).rows() if row["removed_at"] is not None]
        mentions = connection.execute("select count(*) from marts.fct_event_mentions where document_id = ?",
                                      [gone_id]).fetchone()[0]
    assert len(uris) == len(before["dim_documents"]) - 1
    assert not any(uri.endswith(SEEDS[0].name) for uri in uris) and mentions == 0
    third = run_pipeline(settings.data_dir, settings.sources_file)
    assert third.returncode == 0, third.stdout[-3000:] + third.stderr[-6000:]
    assert snapshot(warehouse) == after
