"""The Accords code location: one Definitions object for `make run`, `make ui` and the tests.

Its executor is the one ACCORDS_EXECUTOR names (orchestration/defs/executors.py); `pipeline_job` rebuilds the
job with a given executor in the processes that run its steps (a multiprocess child, a Dask worker), whatever
their environment says.
"""
from __future__ import annotations

import dataclasses
import functools

import dagster as dg

from orchestration.defs import (
    automation,
    checks,
    dbt,
    extract,
    ingest,
    parse,
    publish,
    reference,
    report,
)
from orchestration.defs.executors import executor_for
from orchestration.defs.resources import AccordsResource
from orchestration.settings import load_settings

JOB_NAME = "accords_pipeline"


def build_definitions(executor: dg.ExecutorDefinition) -> dg.Definitions:
    return dg.Definitions.merge(
        ingest.defs,
        parse.defs,
        extract.defs,
        reference.defs,
        dbt.defs,
        checks.defs,
        publish.defs,
        report.defs,
        automation.defs,
        # the data directory's lock (held by the accords resource, or joined by it) keeps concurrent runs apart
        dg.Definitions(resources={"accords": AccordsResource()}, executor=executor),
    )


defs = build_definitions(executor_for(load_settings()))


@functools.cache
def pipeline_job(executor: str, dask_scheduler: str | None = None) -> dg.JobDefinition:
    """The pipeline job with the executor named here rather than in this process's environment."""
    settings = dataclasses.replace(load_settings(), executor=executor, dask_scheduler=dask_scheduler)
    return build_definitions(executor_for(settings)).resolve_job_def(JOB_NAME)
