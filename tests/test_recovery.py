"""Recovery from kills and concurrent runs, through `make run` itself (orchestration.run in a subprocess).

- a run killed while dbt builds: the next run starts, marks the dead run failed, finishes and publishes;
- two runs started together on one fresh data directory: the second waits for the first, both succeed, and the
  published copy is exactly the build the checks passed;
- a run that may not wait exits at once with a clear message and code 75;
- a publish of a build no check has seen is refused.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration import lock
from orchestration.publish import MART_TABLES
from orchestration.settings import Settings
from orchestration.warehouse import read_state, start_build, unpublishable_reason
from tests.conftest import ROOT, run_pipeline

SEEDS = ROOT / "sources" / "sources.yml"


def _start(data_dir: Path, **extra_env: str) -> subprocess.Popen:
    env = dict(os.environ, ACCORDS_DATA_DIR=str(data_dir), ACCORDS_SOURCES=str(SEEDS), **extra_env)
    return subprocess.Popen([sys.executable, "-m", "orchestration.run"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _marts(path: Path) -> dict:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {t: sorted(connection.execute(f"select * from marts.{t}").fetchall(), key=repr) for t in MART_TABLES}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the dbt process through /proc")
def test_a_run_killed_during_dbt_does_not_block_the_next_one(tmp_path):
    data_dir = tmp_path / "data"
    run = _start(data_dir)
    deadline = time.monotonic() + 600
    dbt = None
    while dbt is None and run.poll() is None and time.monotonic() < deadline:
        dbt = next((pid for pid in _descendants(run.pid) if "dbt" in _cmdline(pid) and " build" in _cmdline(pid)), None)
        time.sleep(0.1)
    assert dbt is not None, "dbt build never started: " + (run.communicate()[1] or "")[-3000:]
    time.sleep(1.0)  # well inside the build
    run.send_signal(signal.SIGKILL)
    run.communicate()
    assert read_state(Settings(SEEDS, data_dir)).get("build") is None  # killed mid-build: unpublishable

    started = time.monotonic()
    after = run_pipeline(data_dir, SEEDS)
    assert after.returncode == 0, after.stderr[-4000:]
    assert time.monotonic() - started < 400
    assert "was killed before it finished; marked as failed" in after.stderr
    assert _marts(data_dir / "published" / "warehouse.duckdb") == _marts(data_dir / "warehouse.duckdb")
    with dg.DagsterInstance.from_config(str(data_dir / "dagster")) as instance:
        statuses = sorted(r.status.value for r in instance.get_runs())
    assert statuses == ["FAILURE", "SUCCESS"]


def test_two_runs_at_once_take_turns_and_publish_only_checked_marts(tmp_path):
    data_dir = tmp_path / "data"
    first = _start(data_dir)
    # the second starts once the first holds the data directory, so that the two really overlap
    deadline = time.monotonic() + 300
    while lock.holder(data_dir).get("pid") != first.pid:
        assert first.poll() is None and time.monotonic() < deadline, "the first run never took the lock"
        time.sleep(0.2)
    second = _start(data_dir)
    outputs = [process.communicate(timeout=900) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], [err[-3000:] for _, err in outputs]
    waited = [err for _, err in outputs if "is in use by make run" in err and "waiting for it to finish" in err]
    assert len(waited) == 1
    state = read_state(Settings(SEEDS, data_dir))
    assert state["build"] and unpublishable_reason(Settings(SEEDS, data_dir), ["fct_deals", "fct_events"]) is None
    assert _marts(data_dir / "published" / "warehouse.duckdb") == _marts(data_dir / "warehouse.duckdb")


def test_a_run_that_may_not_wait_says_who_holds_the_data_directory(tmp_path):
    data_dir = tmp_path / "data"
    with lock.data_directory_lock(data_dir, purpose="a test"):
        run = run_pipeline(data_dir, SEEDS, ACCORDS_LOCK_TIMEOUT="0")
    assert run.returncode == 75
    assert "not running:" in run.stderr and f"is in use by a test (pid {os.getpid()}" in run.stderr
    assert not (data_dir / "dagster").exists()  # nothing was touched


def test_a_build_no_check_has_seen_is_not_published(seeds_run, tmp_path):
    import shutil

    from orchestration.defs.publish import published_marts
    from orchestration.defs.resources import AccordsResource

    data_dir = tmp_path / "data"
    shutil.copytree(seeds_run[0], data_dir)
    settings = Settings(SEEDS, data_dir)
    assert unpublishable_reason(settings, ["fct_deals", "fct_events"]) is None
    start_build(settings, "a-killed-run")  # as a dbt step killed half-way leaves it
    resource = AccordsResource(sources_file=str(SEEDS), data_dir=str(data_dir))
    with pytest.raises(dg.Failure, match="not publishing unchecked marts: the warehouse build started .* did not finish"):
        dg.materialize([published_marts], resources={"accords": resource}, instance=dg.DagsterInstance.ephemeral())
