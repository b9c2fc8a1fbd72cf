"""ACCORDS_EXECUTOR: the seeds give the same marts whichever Dagster executor runs the steps.

One `make run` per executor, each on its own data directory, compared with the in-process run row for row
(every table of schema `marts`, ids included). The Dask run goes to a real Dask cluster of separate worker
processes that this test starts on 127.0.0.1 and stops.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from tests.conftest import ROOT, run_pipeline

SEEDS = ROOT / "sources" / "sources.yml"
# when the document was fetched: the clock of each run, the one column that may differ between two runs
RUN_TIME_COLUMNS = {"dim_documents": {"fetched_at"}}


def marts(warehouse: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table of schema marts: its columns and its rows, sorted (run-time columns left out)."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = [row[0] for row in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        snapshot = {}
        for table in tables:
            columns = [row[0] for row in connection.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ? "
                "order by ordinal_position", [table]).fetchall()]
            kept = [c for c in columns if c not in RUN_TIME_COLUMNS.get(table, set())]
            rows = connection.execute(f"select {', '.join(kept)} from marts.{table}").fetchall()
            snapshot[table] = (kept, sorted(rows, key=repr))
    return snapshot


def _run(data_dir: Path, **env: str):
    result = run_pipeline(data_dir, SEEDS, **env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return result


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    """The baseline: the seeds on the default executor, two document workers, reporting progress for every
    document."""
    data_dir = tmp_path_factory.mktemp("in-process")
    result = _run(data_dir, ACCORDS_EXECUTOR="in_process", ACCORDS_WORKERS="2", ACCORDS_PROGRESS_SECONDS="0")
    return data_dir, marts(data_dir / "warehouse.duckdb"), result


def _assert_same_marts(baseline: dict, other: dict) -> None:
    assert sorted(other) == sorted(baseline)
    assert {"fct_events", "fct_deals", "dim_documents"} <= set(baseline)
    for table, (columns, rows) in baseline.items():
        assert other[table][0] == columns, table
        assert other[table][1] == rows, f"marts.{table} differs"
    assert baseline["fct_events"][1], "the seeds have events"


def test_multiprocess_builds_the_same_marts(in_process, tmp_path):
    # one document worker here, one per core in the baseline: the marts do not depend on that either
    result = _run(tmp_path, ACCORDS_EXECUTOR="multiprocess", ACCORDS_WORKERS="1")
    assert "executor: multiprocess" in result.stderr
    _assert_same_marts(in_process[1], marts(tmp_path / "warehouse.duckdb"))


def test_a_dask_cluster_of_worker_processes_builds_the_same_marts(in_process, tmp_path):
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        worker_pids = {worker.pid for worker in cluster.workers.values()}
        assert len(worker_pids) == 2 and os.getpid() not in worker_pids
        result = _run(tmp_path, ACCORDS_EXECUTOR="dask", ACCORDS_DASK_SCHEDULER=cluster.scheduler_address)
        # the steps were tasks of this cluster's scheduler, run by its workers
        ran = {key for key in cluster.scheduler.task_prefixes}
    assert f"executor: dask on {cluster.scheduler_address}" in result.stderr
    assert any("fetched_documents" in key for key in ran) and any("accords_dbt_models" in key for key in ran), ran
    _assert_same_marts(in_process[1], marts(tmp_path / "warehouse.duckdb"))


def test_progress_reaches_the_console_and_the_run_log_and_the_run_ends_with_a_summary(in_process):
    data_dir, _, result = in_process
    for stage in ("fetch", "parse", "extract"):
        assert f"{stage}: 5/5 documents (100%)" in result.stderr, stage
    assert "documents/s" in result.stderr
    table = result.stdout[result.stdout.index("stage "):]
    lines = table.splitlines()
    assert lines[0].split() == ["stage", "new", "unchanged", "failed", "skipped", "seconds"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:] if line.strip()}
    assert rows["fetch"][:3] == ["5", "0", "0"] and rows["parse"][:3] == ["5", "0", "0"]
    assert rows["extract"][:3] == ["5", "0", "0"]
    assert {"dbt", "checks", "publish"} <= set(rows)

    with dg.DagsterInstance.from_config(str(data_dir / "dagster")) as instance:
        run = instance.get_runs(limit=1)[0]
        messages = [record.user_message for record in instance.all_logs(run.run_id)]
    assert any(message.startswith("extract: 5/5 documents") for message in messages)


def test_a_bad_executor_is_refused_naming_the_variable(tmp_path):
    result = run_pipeline(tmp_path, SEEDS, ACCORDS_EXECUTOR="threads")
    assert result.returncode == 78
    assert "ACCORDS_EXECUTOR" in result.stderr and "in_process, multiprocess, dask" in result.stderr
    result = run_pipeline(tmp_path, SEEDS, ACCORDS_EXECUTOR="dask", ACCORDS_DASK_SCHEDULER="localhost")
    assert result.returncode == 78 and "ACCORDS_DASK_SCHEDULER" in result.stderr
    assert not (tmp_path / "warehouse.duckdb").exists()
