"""The Dagster executor that ACCORDS_EXECUTOR names: in_process (default), multiprocess or dask.

The assets hand each other nothing through Dagster: they declare `deps` and write Parquet under the data
directory (orchestration/store/handoff.py) or the warehouse, so no IO manager has to carry values between
processes; Dagster's own storage lives in the persistent instance under $ACCORDS_DATA_DIR/dagster. Steps in
other processes join the lock of the run that started them, and take turns with the warehouse
(orchestration/lock.py).
"""
from __future__ import annotations

import os

import dagster as dg

from orchestration.settings import Settings


def local_dask_workers() -> int:
    """One single-threaded worker process per core: Dagster steps are not thread-safe."""
    return max(1, min(os.cpu_count() or 1, 4))


def executor_for(settings: Settings) -> dg.ExecutorDefinition:
    if settings.executor == "in_process":
        # one process, sequential steps: the smallest footprint; the run is one critical section
        return dg.in_process_executor
    if settings.executor == "multiprocess":
        return dg.multiprocess_executor
    if settings.dask_scheduler:
        from dagster_dask import dask_executor

        return dask_executor.configured({"cluster": {"existing": {"address": settings.dask_scheduler}}},
                                        name="dask")
    return local_dask_cluster_executor


def _local_cluster_executor(init_context):
    from orchestration.defs.dask_local import LocalClusterDaskExecutor

    return LocalClusterDaskExecutor(n_workers=local_dask_workers())


# dagster-dask's own "local" cluster is never closed; this one is started for the run and stopped with it
local_dask_cluster_executor = dg.ExecutorDefinition(
    name="dask",
    config_schema={},
    requirements=dg.multiple_process_executor_requirements(),
    executor_creation_fn=_local_cluster_executor,
    description="dagster-dask on a LocalCluster of worker processes on 127.0.0.1, started and stopped by the run.",
)
