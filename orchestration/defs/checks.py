"""Great Expectations suites (expectations/*.json) as blocking asset checks on the marts they validate."""
import dagster as dg

from orchestration.defs.resources import WAREHOUSE_POOL, AccordsResource
from orchestration.report.validation_docs import validation_metadata
from orchestration.validation import (
    run_suite,
    suite_names,
    suite_table,
    write_quarantine,
)


def _suite_check(name: str) -> dg.AssetChecksDefinition:
    schema, table_name = suite_table(name).split(".")

    @dg.asset_check(
        asset=dg.AssetKey([schema, table_name]),
        name=f"gx_{name}",
        blocking=True,
        pool=WAREHOUSE_POOL,
        description=f"Great Expectations suite expectations/{name}.json",
    )
    def check(context: dg.AssetCheckExecutionContext, accords: AccordsResource) -> dg.AssetCheckResult:
        settings = accords.settings()
        warehouse = settings.warehouse_path
        outcome = run_suite(name, warehouse)
        quarantined = write_quarantine(outcome, warehouse)
        readable = validation_metadata(outcome, settings.published_dir / "validation", context.run.run_id, context.log)
        failed = [o for o in outcome.outcomes if not o.success]
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "row_count": outcome.row_count,
                "failing_count": outcome.failing_count,
                "quarantined_rows": quarantined,
                "quarantine_table": f"quarantine.{table_name}",
                "expectations": len(outcome.outcomes),
                "failed_expectations": dg.MetadataValue.json(
                    [{"expectation": o.expectation, "column": o.column, "unexpected_count": o.unexpected_count} for o in failed]
                ),
                "example_rows": dg.MetadataValue.json([row for o in failed for row in o.examples][:10]),
                **readable,
            },
        )

    return check


gx_checks = [_suite_check(name) for name in suite_names()]

defs = dg.Definitions(asset_checks=gx_checks)
