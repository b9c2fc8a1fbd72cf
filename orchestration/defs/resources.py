"""Resources shared by the Accords assets."""
import dataclasses
import os

import dagster as dg
from pydantic import PrivateAttr

from orchestration import lock
from orchestration.postgres.connection import export_dbt_environment
from orchestration.registry import SourceConfig, load_registry
from orchestration.settings import Settings, load_settings, resolve_path
from orchestration.store.handoff import remove_stale_temporaries


OWNERS = ["team:accords"]  # every asset's owner, for the catalog


class AccordsResource(dg.ConfigurableResource):
    """Where sources are read from and data is written to; by default the contract's environment variables.

    While it is in use, its process holds the data directory's lock (orchestration/lock.py): one writer per data
    directory across runs started by `make run`, the UI, the schedule and the sensor, released by the kernel if
    the process dies. With the in-process executor the resource lives for the whole run, so the run is one
    critical section. `make run` with another executor holds the lock itself and hands its token to the steps
    (`run_lock_token`), which join it from their own processes; runs without a token (the UI's) take it step by
    step (orchestration/warehouse.py keeps publication honest).
    """

    sources_file: str | None = None
    data_dir: str | None = None
    run_lock_token: str | None = None
    _locked: bool = PrivateAttr(default=False)

    def settings(self) -> Settings:
        defaults = load_settings()
        settings = dataclasses.replace(
            defaults,
            sources_file=defaults.sources_file if self.sources_file is None else resolve_path(self.sources_file),
            data_dir=defaults.data_dir if self.data_dir is None else resolve_path(self.data_dir),
        )
        # dbt's profile reads the warehouse location from the environment
        os.environ["ACCORDS_DATA_DIR"] = str(settings.data_dir)
        export_dbt_environment(settings.postgres)
        return settings

    def sources(self) -> list[SourceConfig]:
        return load_registry(self.settings().sources_file)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        data_dir = self.settings().data_dir
        run = getattr(context, "run", None)
        logger = context.log
        if self.run_lock_token and not lock.is_held(data_dir):
            if not lock.join(data_dir, self.run_lock_token):
                raise dg.Failure(f"the run that started this step no longer holds {data_dir}'s lock "
                                 f"({lock.describe_holder(lock.holder(data_dir))} has it now); not running")
            return  # working under the lock of the process that started the run, which releases it
        try:
            taken = lock.acquire(data_dir, purpose="a Dagster run", run_id=run.run_id if run else None,
                                 on_wait=logger.warning if logger else None)
        except lock.LockTimeout as error:
            raise dg.Failure(str(error)) from None
        self._locked = True
        if taken:  # first holder in this process: what killed runs left half-written can go
            remove_stale_temporaries(data_dir)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._locked:
            lock.release(self.settings().data_dir)
            self._locked = False
