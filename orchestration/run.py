"""`make run`: materialise every asset and run every check of the Definitions, then report.

Exits non-zero when a step fails or a check fails, so a scheduler or CI notices.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from orchestration.settings import load_settings

DAGSTER_YAML = """\
# Written by orchestration/run.py. Pools keep the raw store and the warehouse to one writer across runs.
concurrency:
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


def prepare_environment() -> Path:
    settings = load_settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ACCORDS_DATA_DIR"] = str(settings.data_dir)
    os.environ["ACCORDS_SOURCES"] = str(settings.sources_file)
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
    prepare_environment()
    from orchestration.defs.dbt import prepare_manifest

    prepare_manifest(force=True)
    if args.prepare_only:
        return 0
    import dagster as dg

    from orchestration.definitions import defs

    job = defs.resolve_job_def("accords_pipeline")
    with dg.DagsterInstance.get() as instance:
        # INFO keeps the console to step starts, results and failures; the UI has every event
        run_config = {"loggers": {"console": {"config": {"log_level": os.environ.get("ACCORDS_LOG_LEVEL", "INFO")}}}}
        result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config)
    # an ERROR check fails the run (and blocks publication); a WARN check, such as a high fetch failure rate
    # that the next run retries, is reported and the run goes on
    evaluations = result.get_asset_check_evaluations()
    failed_checks = [e for e in evaluations if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR]
    for evaluation in evaluations:
        if not evaluation.passed and evaluation.severity != dg.AssetCheckSeverity.ERROR:
            print(f"warning: {evaluation.asset_key.to_user_string()} {evaluation.check_name}", file=sys.stderr)
    failed_steps = [e.step_key for e in result.all_events if e.is_step_failure]
    for evaluation in failed_checks:
        print(f"check failed: {evaluation.asset_key.to_user_string()} {evaluation.check_name}", file=sys.stderr)
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


def summary(published: Path) -> str:
    import duckdb

    from orchestration.publish import MART_TABLES

    with duckdb.connect(str(published), read_only=True) as connection:
        counts = {t: connection.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in MART_TABLES}
    return "published marts: " + ", ".join(f"{table}={count}" for table, count in counts.items())


if __name__ == "__main__":
    sys.exit(main())
