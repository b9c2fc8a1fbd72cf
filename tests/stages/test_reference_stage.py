"""The reference tables are written again only when what they are made from changed, or one of them is missing."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from orchestration.settings import Settings
from orchestration.stages import reference as reference_stage
from orchestration.stages.reference import REFERENCE_TABLES, run_reference


def _settings(tmp_path: Path) -> Settings:
    return Settings(sources_file=tmp_path / "sources.yml", data_dir=tmp_path / "data")


def _small_tables(calls: list[Path]):
    """Stands in for the packages' tables (the real ones take seconds): one row per table, and a record of the call."""

    def write(folder: Path) -> dict[str, int]:
        calls.append(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name in REFERENCE_TABLES:
            pq.write_table(pa.table({"row": [len(calls)]}), folder / f"{name}.parquet")
        return dict.fromkeys(REFERENCE_TABLES, 1)

    return write


def test_unchanged_inputs_keep_the_tables(tmp_path, monkeypatch):
    calls: list[Path] = []
    monkeypatch.setattr(reference_stage, "_write_tables", _small_tables(calls))
    settings = _settings(tmp_path)
    assert run_reference(settings) == dict.fromkeys(REFERENCE_TABLES, 1)
    assert run_reference(settings) == dict.fromkeys(REFERENCE_TABLES, 1)
    assert len(calls) == 1


def test_changed_inputs_or_a_missing_table_write_them_again(tmp_path, monkeypatch):
    calls: list[Path] = []
    monkeypatch.setattr(reference_stage, "_write_tables", _small_tables(calls))
    settings = _settings(tmp_path)
    run_reference(settings)
    monkeypatch.setattr(reference_stage, "inputs_fingerprint", lambda: "a newer package")
    run_reference(settings)
    assert len(calls) == 2
    (settings.data_dir / "reference" / "fx_rates.parquet").unlink()
    run_reference(settings)
    assert len(calls) == 3 and (settings.data_dir / "reference" / "fx_rates.parquet").exists()


def test_the_fingerprint_follows_the_lock_and_the_code(tmp_path):
    root = tmp_path / "project"
    for relative in ("requirements.lock", "orchestration/stages/reference.py", "orchestration/store/tables.py",
                     "orchestration/reference/aliases.yml", "orchestration/extract/lexicons/en/places.yml"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("v1\n", encoding="utf-8")
    first = reference_stage.inputs_fingerprint(root)
    assert reference_stage.inputs_fingerprint(root) == first
    (root / "requirements.lock").write_text("v2\n", encoding="utf-8")
    second = reference_stage.inputs_fingerprint(root)
    assert second != first
    (root / "orchestration/reference/aliases.yml").write_text("v2\n", encoding="utf-8")
    assert reference_stage.inputs_fingerprint(root) != second
