"""dagster-dask's executor on a Dask LocalCluster that lives exactly as long as the run.

Imported only when ACCORDS_EXECUTOR=dask without ACCORDS_DASK_SCHEDULER, so the other executors never load Dask.
"""
from __future__ import annotations

import logging

from dagster_dask.executor import DaskExecutor
from dask.distributed import LocalCluster

log = logging.getLogger(__name__)


class LocalClusterDaskExecutor(DaskExecutor):
    """Starts a LocalCluster of separate worker processes (one thread each) on 127.0.0.1, runs the plan on it as
    on any existing scheduler, and closes it — workers included — however the run ends."""

    def __init__(self, n_workers: int):
        super().__init__("existing", {})
        self.n_workers = n_workers

    def execute(self, plan_context, execution_plan):
        # silence_logs: Dask's size estimates of the Dagster events each step returns warn on every step
        with LocalCluster(n_workers=self.n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, silence_logs=logging.ERROR) as cluster:
            log.info("started a local Dask cluster at %s with %d workers", cluster.scheduler_address, self.n_workers)
            self.cluster_configuration = {"address": cluster.scheduler_address}
            yield from super().execute(plan_context, execution_plan)
