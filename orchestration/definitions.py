"""The Accords code location: one Definitions object for `make run`, `make ui` and the tests."""
from __future__ import annotations

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
from orchestration.defs.resources import AccordsResource

defs = dg.Definitions.merge(
    ingest.defs,
    parse.defs,
    extract.defs,
    reference.defs,
    dbt.defs,
    checks.defs,
    publish.defs,
    report.defs,
    automation.defs,
    # in-process: one process, sequential steps, a small footprint on a 2-core machine; the data directory's
    # lock (held by the accords resource for the whole run) keeps concurrent runs apart
    dg.Definitions(resources={"accords": AccordsResource()}, executor=dg.in_process_executor),
)
