"""`make run`: materialise every asset and run every check of the Definitions, then report.

Exits non-zero when a step fails or a check fails, so a scheduler or CI notices (75 when another run held the
data directory for longer than ACCORDS_LOCK_TIMEOUT). The whole run — from opening Dagster's storage to
publishing — holds the data directory's lock (orchestration/lock.py): a second `make run` on the same directory
waits for the first, and a run after a killed one starts cleanly (the lock died with the killed process; its
half-written temporary files are removed and its Dagster run is marked failed).

ACCORDS_EXECUTOR picks Dagster's executor (orchestration/defs/executors.py). With `multiprocess` or `dask` the
steps run in other processes: they get the data directory, the sources and the lock's token through the
`accords` resource's run config, and work under this process's lock. The run ends with one line per stage
(new, unchanged, failed, seconds).
"""
from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
from pathlib import Path

from orchestration import lock
from orchestration.settings import SettingsError, load_settings

EXIT_LOCKED = 75  # EX_TEMPFAIL: try again later
EXIT_CONFIG = 78  # EX_CONFIG: a setting we refuse

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
    try:
        data_dir = load_settings().data_dir
    except SettingsError as error:
        print(f"not running: {error}", file=sys.stderr)
        return EXIT_CONFIG
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

    settings = load_settings()
    logging.getLogger("dagster._core.execution.plan.active").addFilter(_no_unbuilt_check_notes)
    with dg.DagsterInstance.get() as instance:
        for run_id in fail_dead_runs(instance):
            print(f"run {run_id} was killed before it finished; marked as failed", file=sys.stderr)
        result = execute(settings, instance, defs)
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
    print(stage_summary(result))
    if result.success and not failed_checks:
        print(summary(load_settings().published_dir / "warehouse.duckdb"))
        return 0
    print(f"run {result.run_id} failed", file=sys.stderr)
    return 1


def _no_unbuilt_check_notes(record: logging.LogRecord) -> bool:
    """When the dbt step has nothing to build, Dagster notes each of its 100+ tests as a check without a result;
    the dbt step's own log line says why, once."""
    return "emitted no result in step" not in record.getMessage()


def execute(settings, instance, defs):
    """One run of the pipeline job on the executor ACCORDS_EXECUTOR names; the caller holds the lock."""
    import dagster as dg

    from orchestration.definitions import JOB_NAME

    run_config = {
        # INFO keeps the console to step starts, progress, results and failures; the UI has every event
        "loggers": {"console": {"config": {"log_level": settings.log_level}}},
        # steps in other processes (or on other machines) read these here, not from their environment
        "resources": {"accords": {"config": {"data_dir": str(settings.data_dir),
                                             "sources_file": str(settings.sources_file),
                                             "run_lock_token": lock.token(settings.data_dir)}}},
    }
    tags = {PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    if settings.executor == "in_process":
        return defs.resolve_job_def(JOB_NAME).execute_in_process(instance=instance, raise_on_error=False,
                                                                 run_config=run_config, tags=tags)
    print(f"executor: {settings.executor}" + (f" on {settings.dask_scheduler}" if settings.dask_scheduler else ""),
          file=sys.stderr, flush=True)
    # the step processes rebuild the job with the executor named here, whatever their environment says
    job = dg.build_reconstructable_job("orchestration.definitions", "pipeline_job",
                                       reconstructable_kwargs={"executor": settings.executor,
                                                               "dask_scheduler": settings.dask_scheduler})
    with dg.execute_job(job, instance=instance, run_config=run_config, tags=tags, raise_on_error=False) as result:
        return result


STAGE_KEYS = {"fetch": "raw/documents", "parse": "raw/parsed_documents", "extract": "raw/extraction_documents"}


def stage_summary(result) -> str:
    """One line per document stage (new, unchanged, failed, skipped, seconds), then the other steps' seconds."""
    from orchestration.progress import StageSummary, summary_table

    by_asset = {}
    for event in result.get_asset_materialization_events():
        materialization = event.event_specific_data.materialization
        by_asset[materialization.asset_key.to_user_string()] = {
            key: getattr(value, "value", value) for key, value in materialization.metadata.items()}
    summaries = []
    for stage, asset in STAGE_KEYS.items():
        metadata = by_asset.get(asset, {})
        if "stage_seconds" in metadata:
            summaries.append(StageSummary(stage, int(metadata["stage_new"]), int(metadata["stage_unchanged"]),
                                          int(metadata["stage_failed"]), float(metadata["stage_seconds"]),
                                          int(metadata.get("stage_skipped", 0))))
    step_seconds: dict[str, float] = {}
    for event in result.all_events:
        if event.is_step_success and event.step_key:
            group = _step_group(event.step_key)
            duration = getattr(event.event_specific_data, "duration_ms", None) or 0.0
            if group:
                step_seconds[group] = step_seconds.get(group, 0.0) + duration / 1000
    return summary_table(summaries, {step: round(seconds, 1) for step, seconds in step_seconds.items()})


def _step_group(step_key: str) -> str | None:
    """The line of the closing summary a step's seconds go to (fetch, parse and extract have their own)."""
    if "dbt" in step_key:
        return "dbt"
    if "gx_" in step_key:
        return "checks"
    if step_key.startswith("reference"):
        return "reference"
    if "publish" in step_key or "report" in step_key or "docs" in step_key:
        return "publish"
    return None


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
