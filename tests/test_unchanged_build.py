"""A run has nothing to build only when the models' inputs are those of the last build, which passed every suite
and is the published one (orchestration/warehouse.py)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from orchestration.settings import Settings
from orchestration.warehouse import (
    build_inputs,
    finish_build,
    record_check,
    record_published,
    start_build,
    unchanged_build,
)

SUITES = ["fct_deals", "fct_events"]


@pytest.fixture
def settings(tmp_path) -> Settings:
    suites = tmp_path / "expectations"
    suites.mkdir()
    (suites / "fct_deals.json").write_text('{"expectations": []}')
    result = Settings(sources_file=tmp_path / "sources.yml", data_dir=tmp_path / "data", expectations_dir=suites)
    result.raw_dir.mkdir(parents=True)
    (result.data_dir / "reference").mkdir()
    (result.raw_dir / "documents.parquet").write_bytes(b"documents v1")
    (result.data_dir / "reference" / "cities.parquet").write_bytes(b"cities v1")
    (result.raw_dir / "fetch_log").mkdir()
    result.warehouse_path.write_bytes(b"")
    result.published_dir.mkdir()
    (result.published_dir / "CURRENT").write_text("version=1\n")
    return result


def _inputs(settings: Settings, tmp_path: Path) -> dict[str, str]:
    manifest, lock, code = tmp_path / "manifest.json", tmp_path / "requirements.lock", tmp_path / "code"
    if not manifest.exists():
        manifest.write_text("{}")
        lock.write_text("dbt-core==1\n")
        (code / "report").mkdir(parents=True)
        (code / "report" / "page.py").write_text("TITLE = 'v1'\n")
    return build_inputs(settings, manifest, lock, code)


def _built_checked_published(settings: Settings, inputs: dict[str, str], passed: bool = True) -> str:
    start_build(settings, "run-1")
    build = finish_build(settings, "run-1", inputs)
    for suite in SUITES:
        record_check(settings, build, suite, publishable=passed)
    if passed:
        record_published(settings, build)
    return build


def test_the_same_inputs_after_a_checked_and_published_build_need_no_build(settings, tmp_path):
    inputs = _inputs(settings, tmp_path)
    build = _built_checked_published(settings, inputs)
    # a new fetch log file is no new input: ops.fetch_log is a view over the files
    (settings.raw_dir / "fetch_log" / "run-2.parquet").write_bytes(b"log")
    assert unchanged_build(settings, _inputs(settings, tmp_path), SUITES) == build


@pytest.mark.parametrize("change", ["raw table", "reference table", "new table", "project", "lock", "code", "suite"])
def test_any_changed_input_needs_a_build(settings, tmp_path, change):
    _built_checked_published(settings, _inputs(settings, tmp_path))
    target = {"raw table": settings.raw_dir / "documents.parquet",
              "reference table": settings.data_dir / "reference" / "cities.parquet",
              "new table": settings.raw_dir / "extractions.parquet",
              "project": tmp_path / "manifest.json",
              "lock": tmp_path / "requirements.lock",
              "code": tmp_path / "code" / "report" / "page.py",
              "suite": settings.expectations_dir / "fct_deals.json"}[change]
    target.write_bytes(b"changed")
    assert unchanged_build(settings, _inputs(settings, tmp_path), SUITES) is None


def test_other_settings_need_a_build(settings, tmp_path):
    """A stricter ACCORDS_MAX_QUARANTINE_RATE must be checked, not answered with the last run's verdict."""
    _built_checked_published(settings, _inputs(settings, tmp_path))
    stricter = dataclasses.replace(settings, max_quarantine_rate=0.0)
    assert unchanged_build(stricter, _inputs(stricter, tmp_path), SUITES) is None


def test_a_build_that_failed_a_check_or_was_not_published_is_built_again(settings, tmp_path):
    inputs = _inputs(settings, tmp_path)
    _built_checked_published(settings, inputs, passed=False)
    assert unchanged_build(settings, inputs, SUITES) is None  # the run must fail again, not pass silently

    start_build(settings, "run-2")
    build = finish_build(settings, "run-2", inputs)
    for suite in SUITES:
        record_check(settings, build, suite, publishable=True)
    assert unchanged_build(settings, inputs, SUITES) is None  # checked, never published
    record_published(settings, build)
    assert unchanged_build(settings, inputs, SUITES) == build
    assert unchanged_build(settings, inputs, SUITES + ["a_new_suite"]) is None


def test_a_build_that_did_not_finish_or_a_missing_warehouse_is_built_again(settings, tmp_path):
    inputs = _inputs(settings, tmp_path)
    _built_checked_published(settings, inputs)
    settings.warehouse_path.unlink()
    assert unchanged_build(settings, inputs, SUITES) is None
    settings.warehouse_path.write_bytes(b"")
    start_build(settings, "run-killed")
    assert unchanged_build(settings, inputs, SUITES) is None


def test_a_warehouse_password_never_reaches_the_recorded_inputs(settings, tmp_path):
    on_postgres = dataclasses.replace(settings, warehouse_url="postgresql://accords:hunter2@127.0.0.1:5433/marts")
    recorded = _inputs(on_postgres, tmp_path)
    assert "hunter2" not in repr(recorded)
    assert "accords@127.0.0.1:5433/marts" in recorded["settings"]
    # another server is another warehouse: it needs a build
    elsewhere = dataclasses.replace(on_postgres, warehouse_url="postgresql://accords:hunter2@127.0.0.1:5434/marts")
    assert _inputs(elsewhere, tmp_path)["settings"] != recorded["settings"]
