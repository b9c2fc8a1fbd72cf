"""Great Expectations suites (expectations/*.json) as blocking asset checks on the marts they validate.

A row that fails a row-level expectation is moved to quarantine.<table> and the check warns (WARN: the rest is
published); the check fails (ERROR, blocking publication) only when a table-level expectation fails or more than
ACCORDS_MAX_QUARANTINE_RATE of the table's rows fail (orchestration/validation.py).
"""
import dagster as dg

from orchestration.defs.resources import AccordsResource
from orchestration.lock import warehouse_access
from orchestration.report.validation_docs import validation_metadata
from orchestration.validation import (
    judge,
    max_quarantine_rate,
    run_suite,
    suite_names,
    suite_table,
    write_quarantine,
)
from orchestration.warehouse import current_build, record_check


def _suite_check(name: str) -> dg.AssetChecksDefinition:
    schema, table_name = suite_table(name).split(".")

    @dg.asset_check(
        asset=dg.AssetKey([schema, table_name]),
        name=f"gx_{name}",
        blocking=True,
        description=f"Great Expectations suite expectations/{name}.json. Rows failing a row-level expectation are "
        f"moved to quarantine.{table_name} (warning); a table-level failure or more than "
        "ACCORDS_MAX_QUARANTINE_RATE of the rows failing blocks publication.",
    )
    def check(context: dg.AssetCheckExecutionContext, accords: AccordsResource) -> dg.AssetCheckResult:
        settings = accords.settings()
        # the suites run side by side under other executors: each writes quarantine and the build record in turn
        with warehouse_access(settings.data_dir, on_wait=context.log.info):
            return _evaluate(context, settings)

    def _evaluate(context: dg.AssetCheckExecutionContext, settings) -> dg.AssetCheckResult:
        warehouse = settings.warehouse_path
        build = current_build(settings)
        if settings.postgres is not None:  # GX's SQL datasource on the build schema (orchestration/postgres/validation.py)
            from orchestration.postgres import validation as on_postgres

            outcome = on_postgres.run_suite(name, settings.postgres)
            verdict = judge(outcome)
            quarantined = on_postgres.write_quarantine(outcome, settings.postgres)
        else:
            outcome = run_suite(name, warehouse)
            verdict = judge(outcome)
            quarantined = write_quarantine(outcome, warehouse)
        record_check(settings, build, name, publishable=verdict.publishable)
        readable = validation_metadata(outcome, settings.published_dir / "validation", context.run.run_id, context.log)
        failed = [o for o in outcome.outcomes if not o.success]
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.WARN if verdict.publishable else dg.AssetCheckSeverity.ERROR,
            description=verdict.reason,
            metadata={
                "row_count": outcome.row_count,
                "failing_count": outcome.failing_count,
                "quarantined_rows": quarantined,
                "quarantine_rate": round(outcome.quarantine_rate, 4),
                "max_quarantine_rate": max_quarantine_rate(),
                "quarantine_table": f"quarantine.{table_name}",
                "reason": verdict.reason or "passed",
                "expectations": len(outcome.outcomes),
                "failed_expectations": dg.MetadataValue.json(
                    [{"expectation": o.expectation, "column": o.column, "unexpected_count": o.unexpected_count,
                      "row_level": o.row_level} for o in failed]
                ),
                "example_rows": dg.MetadataValue.json([row for o in failed for row in o.examples][:10]),
                **readable,
            },
        )

    return check


gx_checks = [_suite_check(name) for name in suite_names()]

defs = dg.Definitions(asset_checks=gx_checks)
