"""Shared fixtures: a real pipeline run (Dagster + dbt + GX on a DuckDB warehouse) on the bundled seeds."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_configure(config):
    """The dbt manifest, prepared once before test modules import the Definitions (as `make run` does)."""
    from orchestration.defs.dbt_project import prepare_dbt_project

    unset = "ACCORDS_DATA_DIR" not in os.environ
    os.environ.setdefault("ACCORDS_DATA_DIR", str(ROOT / "data"))  # the profile names it; parse opens nothing
    try:
        prepare_dbt_project()
    finally:
        if unset:
            del os.environ["ACCORDS_DATA_DIR"]


def run_pipeline(data_dir: Path, sources: Path, **extra_env: str) -> subprocess.CompletedProcess:
    """`make run` as a subprocess, the way users and the evaluation run it."""
    env = dict(os.environ, ACCORDS_DATA_DIR=str(data_dir), ACCORDS_SOURCES=str(sources), **extra_env)
    return subprocess.run([sys.executable, "-m", "orchestration.run"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=900)


def run_texts(root: Path, texts: dict[str, str]) -> Path:
    """A corpus of our own pages (file name -> text) run through the pipeline under ``root``; the warehouse's path."""
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    sources = root / "sources.yml"
    sources.write_text(f"sources:\n  - name: pages\n    kind: files\n    path: {corpus}\n", encoding="utf-8")
    result = run_pipeline(root / "data", sources)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "data" / "warehouse.duckdb"


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every mart, sorted, so two runs can be compared row for row."""
    tables = ["dim_documents", "dim_cities", "fct_events", "fct_event_mentions", "bridge_event_cities",
              "bridge_event_countries", "fct_deals"]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {t: sorted(connection.execute(f"select * from marts.{t}").fetchall(), key=repr) for t in tables}


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """Two consecutive `make run`s on the bundled seeds: (data dir, first snapshot, second snapshot, logs)."""
    data_dir = tmp_path_factory.mktemp("seeds-data")
    sources = ROOT / "sources" / "sources.yml"
    first = run_pipeline(data_dir, sources)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-6000:]
    first_snapshot = snapshot(data_dir / "warehouse.duckdb")
    second = run_pipeline(data_dir, sources)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-6000:]
    return data_dir, first_snapshot, snapshot(data_dir / "warehouse.duckdb"), (first, second)


@pytest.fixture(scope="session")
def postgres_base_url():
    """A real PostgreSQL server for the session (tests/postgres_server.py): postgresql://accords@127.0.0.1:<port>."""
    from tests.postgres_server import postgres_server, server_binaries

    if server_binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed: .ci/run installs Debian's postgresql")
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(postgres_server())
        except FileNotFoundError as error:  # root, and no unprivileged account to run the server as
            pytest.skip(f"cannot start PostgreSQL: {error}")
        yield url
