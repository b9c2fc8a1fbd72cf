"""ACCORDS_EXECUTOR=dask without ACCORDS_DASK_SCHEDULER: the run starts a local Dask cluster of worker processes
on 127.0.0.1, runs its steps there, and stops it — workers included — when it ends, whether it failed or not."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.defs.executors import executor_for, local_dask_cluster_executor
from orchestration.lock import process_is_alive
from orchestration.settings import load_settings


@dg.op(config_schema={"folder": str, "fail": bool})
def record_where_it_runs(context) -> None:
    from distributed import get_worker

    worker = get_worker()
    Path(context.op_config["folder"], f"{context.op.name}.json").write_text(
        json.dumps({"pid": os.getpid(), "scheduler": worker.scheduler.address}))
    if context.op_config["fail"]:
        raise RuntimeError("this step fails on purpose")


@dg.job(executor_def=local_dask_cluster_executor)
def two_steps():
    record_where_it_runs.alias("first")()
    record_where_it_runs.alias("second")()


def _run(tmp_path: Path, fail: bool):
    folder = tmp_path / ("failing" if fail else "passing")
    folder.mkdir()
    config = {"ops": {name: {"config": {"folder": str(folder), "fail": fail and name == "second"}}
                      for name in ("first", "second")}}
    (tmp_path / "instance").mkdir(exist_ok=True)
    with dg.instance_for_test(temp_dir=str(tmp_path / "instance")) as instance:
        with dg.execute_job(dg.reconstructable(two_steps), instance=instance, run_config=config,
                            raise_on_error=False) as result:
            success = result.success
    return success, [json.loads(path.read_text()) for path in sorted(folder.glob("*.json"))]


@pytest.mark.parametrize("fail", [False, True], ids=["passing", "failing"])
def test_the_run_starts_a_local_cluster_of_worker_processes_and_stops_it(tmp_path, fail):
    from distributed import Client

    success, places = _run(tmp_path, fail)
    assert success is not fail
    assert len(places) == 2
    schedulers = {place["scheduler"] for place in places}
    assert len(schedulers) == 1 and next(iter(schedulers)).startswith("tcp://127.0.0.1:")
    assert all(place["pid"] != os.getpid() for place in places)  # separate worker processes, not this one
    deadline = time.monotonic() + 10
    while any(process_is_alive(place["pid"]) for place in places) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(process_is_alive(place["pid"]) for place in places), "a worker outlived the run"
    with pytest.raises((OSError, TimeoutError)):
        Client(next(iter(schedulers)), timeout=2)


def test_each_setting_names_its_executor():
    assert executor_for(load_settings({})) is dg.in_process_executor
    assert executor_for(load_settings({"ACCORDS_EXECUTOR": "multiprocess"})) is dg.multiprocess_executor
    assert executor_for(load_settings({"ACCORDS_EXECUTOR": "dask"})) is local_dask_cluster_executor
    existing = executor_for(load_settings({"ACCORDS_EXECUTOR": "dask",
                                           "ACCORDS_DASK_SCHEDULER": "tcp://127.0.0.1:8786"}))
    assert existing.name == "dask" and existing is not local_dask_cluster_executor
