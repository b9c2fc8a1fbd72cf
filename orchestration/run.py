"""`make run`: materialise every asset and run every check of the Definitions, then report.

Exits non-zero when a step fails or a check fails, so a scheduler or CI notices (75 when another run held the
data directory for longer than ACCORDS_LOCK_TIMEOUT). The whole run — from opening Dagster's storage to
publishing — holds the data directory's lock (orchestration/lock.py): a second `make run` on the same directory
waits for the first, and a run after a killed one starts cleanly (the lock died with the killed process; its
half-written temporary files are removed and its Dagster run is marked failed).
"""
from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from orchestration import lock
from orchestration.settings import load_settings

EXIT_LOCKED = 75  # EX_TEMPFAIL: try again later

DAGSTER_YAML = """\
# Written by orchestration/run.py. One writer per data directory is the lock in orchestration/lock.py, not a
# concurrency pool: a pool slot outlives a killed run, the lock does not.
telemetry:
  enabled: false
"""

PID_TAG, HOST_TAG = "accords/pid", "accords/host"


def prepare_environment() -> Path:
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ACCORDS_DATA_DIR"] = str(settings.data_dir)
    os.environ["ACCORDS_SOURCES"] = str(settings.sources_file)
    from orchestration.postgres.connection import export_dbt_environment

    export_dbt_environment(settings.postgres)  # the profile's target: DuckDB, or ACCORDS_WAREHOUSE_URL's PostgreSQL
    home = settings.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text() != DAGSTER_YAML:
        config.write_text(DAGSTER_YAML)
    os.environ["DAGSTER_HOME"] = str(home)
    return home


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--prepare-only", action="store_true", help="write the Dagster home and the dbt manifest, run nothing")
    args = parser.parse_args(argv)
    data_dir = load_settings().data_dir
    try:
        taken = lock.acquire(data_dir, purpose="make run", on_wait=lambda message: print(message, file=sys.stderr, flush=True))
    except lock.LockTimeout as error:
        print(f"not running: {error}", file=sys.stderr)
        return EXIT_LOCKED
    try:
        if taken:
            from orchestration.store.handoff import remove_stale_temporaries

            for leftover in remove_stale_temporaries(data_dir):
                print(f"removed {leftover.relative_to(data_dir)} left by a run that did not finish", file=sys.stderr)
        return _run(args.prepare_only)
    finally:
        lock.release(data_dir)


def _run(prepare_only: bool) -> int:
    prepare_environment()
    from orchestration.defs.dbt_project import prepare_dbt_project

    prepare_dbt_project()  # once, and only when the project changed since the last parse
    if prepare_only:
        return 0
    import dagster as dg

    from orchestration.definitions import defs

    job = defs.resolve_job_def("accords_pipeline")
    logging.getLogger("dagster._core.execution.plan.active").addFilter(_no_unbuilt_check_notes)
    with dg.DagsterInstance.get() as instance:
        for run_id in fail_dead_runs(instance):
            print(f"run {run_id} was killed before it finished; marked as failed", file=sys.stderr)
        # INFO keeps the console to step starts, results and failures; the UI has every event
        run_config = {"loggers": {"console": {"config": {"log_level": load_settings().log_level}}}}
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config,
                                        tags={PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()})
    # an ERROR check fails the run (and blocks publication); a WARN check, such as a high fetch failure rate
    # that the next run retries, is reported and the run goes on
    evaluations = result.get_asset_check_evaluations()
    failed_checks = [e for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    for evaluation in evaluations:
        if not evaluation.passed and evaluation.severity != dg.AssetCheckSeverity.ERROR:
            print(f"warning: {evaluation.asset_key.to_user_string()} {evaluation.check_name}{_detail(evaluation)}",
                  file=sys.stderr)
    failed_steps = [e.step_key for e in result.all_events if e.is_step_failure]
    for evaluation in failed_checks:
        print(f"check failed: {evaluation.asset_key.to_user_string()} {evaluation.check_name}{_detail(evaluation)}",
              file=sys.stderr)
    for evaluation in evaluations:
        quarantined = evaluation.metadata.get("quarantined_rows")
        if quarantined is not None and quarantined.value:
            print(f"{quarantined.value} rows of {evaluation.asset_key.to_user_string()} quarantined by {evaluation.check_name}",
                  file=sys.stderr)
    for step in failed_steps:
        print(f"step failed: {step}", file=sys.stderr)
    if result.success and not failed_checks:
        print(summary(load_settings().published_dir / "warehouse.duckdb"))
        return 0
    print(f"run {result.run_id} failed", file=sys.stderr)
    return 1


def _no_unbuilt_check_notes(record: logging.LogRecord) -> bool:
    """When the dbt step has nothing to build, Dagster notes each of its 100+ tests as a check without a result;
    the dbt step's own log line says why, once."""
    return "emitted no result in step" not in record.getMessage()


def _detail(evaluation) -> str:
    """The figure a reader wants next to a check's name (failed documents, a failure rate, a reason)."""
    for key in ("failed_documents", "max_failure_rate", "reason"):
        value = evaluation.metadata.get(key)
        if value is not None:
            return f" ({key}: {value.value})"
    return ""


def fail_dead_runs(instance) -> list[str]:
    """Runs of `make run` on this host still marked as running although their process is gone (killed): marked
    failed, and any concurrency slots they claimed (older versions used pools) freed. Call while holding the data
    directory's lock."""
    import dagster as dg

    dead = []
    running = instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED,
                                                                dg.DagsterRunStatus.STARTING]))
    for run in running:
        pid = run.tags.get(PID_TAG)
        if pid is None or run.tags.get(HOST_TAG) != socket.gethostname() or not pid.isdigit():
            continue
        if int(pid) == os.getpid() or lock.process_is_alive(int(pid)):
            continue
        instance.report_run_failed(run, "the process running it died before the run finished")
        free = getattr(instance.event_log_storage, "free_concurrency_slots_for_run", None)
        if free is not None:
            try:
                free(run.run_id)
            except Exception:  # noqa: BLE001 - storages without concurrency support
                pass
        dead.append(run.run_id)
    return dead


def summary(published: Path) -> str:
    import duckdb

    from orchestration.publish import MART_TABLES

    with duckdb.connect(str(published), read_only=True) as connection:
        counts = {t: connection.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in MART_TABLES}
    return "published marts: " + ", ".join(f"{table}={count}" for table, count in counts.items())


if __name__ == "__main__":
    sys.exit(main())
