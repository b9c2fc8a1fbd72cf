"""A new extractor version re-extracts every kept document without fetching again; the same version reuses."""
from __future__ import annotations

import pyarrow.parquet as pq

from orchestration.extract import pipeline
from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages import extract as extract_stage
from orchestration.stages.extract import run_extract
from orchestration.stages.ingest import document_store, run_ingest
from orchestration.stages.parse import run_parse
from tests.conftest import ROOT


def test_extractor_version_change_re_extracts_kept_documents(tmp_path, monkeypatch):
    settings = Settings(sources_file=ROOT / "sources" / "sources.yml", data_dir=tmp_path / "data")
    run_ingest(settings, load_registry(settings.sources_file), run_id="first")
    run_parse(settings)
    first = run_extract(settings)
    assert first.extracted == 5 and first.reused == 0 and first.relevant == 5

    again = run_extract(settings)
    assert again.extracted == 0 and again.reused == 5 and again.extractions == first.extractions

    stored_before = document_store(settings).rows()
    monkeypatch.setattr(extract_stage, "EXTRACTOR_VERSION", "extract-test-next")
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "extract-test-next")
    bumped = run_extract(settings)
    assert bumped.extracted == 5 and bumped.reused == 0
    versions = set(pq.read_table(settings.raw_dir / "extractions.parquet").column("extractor_version").to_pylist())
    assert versions == {"extract-test-next"}
    # nothing was fetched again: the document store is untouched and has no second fetch log
    assert document_store(settings).rows() == stored_before
    assert [p.name for p in (settings.raw_dir / "fetch_log").iterdir()] == ["first.parquet"]
