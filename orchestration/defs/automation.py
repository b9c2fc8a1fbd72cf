"""The whole pipeline as one job, a daily schedule for it, and a sensor on the `files` sources."""
import hashlib
from datetime import timedelta

import dagster as dg

from orchestration.fetch.files import list_files
from orchestration.registry import RegistryError, load_registry
from orchestration.settings import load_settings

DAILY_CRON = "0 5 * * *"  # UTC
# the published marts are expected two hours after the daily run starts, each day
PUBLISHED_FRESHNESS = dg.FreshnessPolicy.cron(deadline_cron="0 7 * * *", lower_bound_delta=timedelta(hours=24),
                                              timezone="UTC")

accords_pipeline = dg.define_asset_job(
    "accords_pipeline",
    selection=dg.AssetSelection.all(),
    description="Fetch, parse, extract, model, validate and publish everything in $ACCORDS_SOURCES.",
)

daily_refresh = dg.ScheduleDefinition(
    name="accords_daily",
    job=accords_pipeline,
    cron_schedule=DAILY_CRON,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


def files_fingerprint() -> str:
    """Changes when a file is added, removed or rewritten in any `files` source."""
    digest = hashlib.sha256()
    for source in load_registry(load_settings().sources_file):
        if source.kind != "files" or source.path is None:
            continue
        for path in list_files(source.path):
            stat = path.stat()
            digest.update(f"{source.name}\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=accords_pipeline, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Starts the pipeline when files appear or change in a `files` source.")
def new_files_sensor(context: dg.SensorEvaluationContext):
    try:
        fingerprint = files_fingerprint()
    except RegistryError as exc:
        return dg.SkipReason(f"source registry unusable: {exc}")
    if fingerprint == context.cursor:
        return dg.SkipReason("no new or changed files")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)


defs = dg.Definitions(jobs=[accords_pipeline], schedules=[daily_refresh], sensors=[new_files_sensor])
