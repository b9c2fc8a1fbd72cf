"""Build published/report/index.html from the published marts: the function the Dagster asset calls, and
`python -m orchestration.report.build` to rebuild it by hand from $ACCORDS_DATA_DIR."""
from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from orchestration.report.data import CheckResult, load_report_data
from orchestration.report.page import render_report, write_report
from orchestration.report.validation_docs import read_summaries
from orchestration.settings import Settings, load_settings

REPORT_DIR, VALIDATION_DIR, DBT_DOCS_DIR = "report", "validation", "dbt-docs"


def cache_dir(settings: Settings) -> Path:
    """Where the Vega bundle is kept between runs: $ACCORDS_CACHE_DIR, else ~/.cache/accords (XDG), else the data dir."""
    for candidate in (load_settings().cache_dir,
                      os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "accords")):
        if not candidate:
            continue
        path = Path(candidate)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path
    return settings.data_dir / "cache"


def report_path(settings: Settings) -> Path:
    return settings.published_dir / REPORT_DIR / "index.html"


def checks_from_validation(settings: Settings) -> list[CheckResult]:
    """The GX suites' latest results as written beside their HTML pages (when no Dagster instance is at hand)."""
    return [
        CheckResult(asset=summary["table"].replace(".", "/"), name=f"gx_{summary['suite']}", passed=summary["success"],
                    detail=f"{summary['failing_rows']} failing rows of {summary['row_count']}",
                    link=f"../{VALIDATION_DIR}/{summary['suite']}.html")
        for summary in read_summaries(settings.published_dir / VALIDATION_DIR)
    ]


def build_report(settings: Settings, checks: list[CheckResult] | None = None, run_id: str | None = None,
                 now: datetime | None = None) -> Path:
    published = settings.published_dir
    live = settings.warehouse_path
    if settings.postgres is not None:  # the fetch log and quarantine, copied out of PostgreSQL for the report
        from orchestration.postgres.publish import operations_copy

        live = operations_copy(settings.postgres, settings.data_dir / ".report-operations.duckdb")
    try:
        data = load_report_data(published / "warehouse.duckdb", live, now=now or datetime.now(timezone.utc))
    finally:
        if live != settings.warehouse_path:
            live.unlink(missing_ok=True)
    data.checks = checks if checks is not None else checks_from_validation(settings)
    html = render_report(
        data,
        source="published/warehouse.duckdb",
        validation_link=f"../{VALIDATION_DIR}/index.html",
        dbt_docs_link=f"../{DBT_DOCS_DIR}/index.html",
        run_id=run_id,
        cache_dir=cache_dir(settings),
    )
    return write_report(html, published / REPORT_DIR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    settings = load_settings()
    if not (settings.published_dir / "warehouse.duckdb").exists():
        print(f"nothing published yet under {settings.published_dir}: run `make run` first", file=sys.stderr)
        return 1
    print(build_report(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
