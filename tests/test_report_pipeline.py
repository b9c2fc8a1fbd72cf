"""What `make run` on the seeds publishes for people: the report, validation pages, dbt docs, described marts,
and the Dagster metadata that links them (read back from the run's own Dagster instance)."""
from __future__ import annotations

import dagster as dg
import duckdb
from dagster._core.instance.ref import InstanceRef

from orchestration.publish import MART_TABLES


def _instance(data_dir) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(data_dir / "dagster")))


def test_the_run_publishes_report_validation_pages_and_dbt_docs(seeds_run):
    published = seeds_run[0] / "published"
    report = (published / "report" / "index.html").read_text(encoding="utf-8")
    assert "Accords report" in report and 'id="chart-map"' in report
    for suite in ("fct_deals", "fct_events"):
        page = (published / "validation" / f"{suite}.html").read_text(encoding="utf-8")
        assert f"{suite}: validation results" in page and "Expectation Suite" in page
    # one folder per run that checked a build: the second run found nothing new and had nothing to check
    assert len(list((published / "validation" / "runs").iterdir())) == 1
    docs = (published / "dbt-docs" / "index.html").read_text(encoding="utf-8")
    assert "fct_deals" in docs and "published_marts" in docs


def test_descriptions_reach_duckdb_comments_in_the_live_and_published_marts(seeds_run):
    data_dir = seeds_run[0]
    for path in (data_dir / "warehouse.duckdb", data_dir / "published" / "warehouse.duckdb"):
        with duckdb.connect(str(path), read_only=True) as connection:
            # the published marts are views over the current version: their comments are the views'
            tables = dict(connection.execute(
                "select table_name, comment from duckdb_tables() where schema_name = 'marts' union all "
                "select view_name, comment from duckdb_views() where schema_name = 'marts'").fetchall())
            assert tables["fct_deals"] and "deal" in tables["fct_deals"].lower(), path
            column = connection.execute(
                """select comment from duckdb_columns() where schema_name = 'marts' and table_name = 'fct_deals'
                   and column_name = 'recommended_for_aggregates'""").fetchone()[0]
            assert column, path


def _latest_evaluation(instance: dg.DagsterInstance, key: dg.AssetCheckKey):
    """The check's latest evaluation: the seeds' second run found nothing new, so its checks were planned, not run."""
    for record in instance.event_log_storage.get_asset_check_execution_history(key, limit=10):
        data = record.event.dagster_event.event_specific_data if record.event and record.event.dagster_event else None
        if isinstance(data, dg.AssetCheckEvaluation):
            return data
    raise AssertionError(f"{key.to_user_string()} was never evaluated")


def test_gx_checks_carry_a_markdown_summary_and_the_page(seeds_run):
    with _instance(seeds_run[0]) as instance:
        for table in ("fct_deals", "fct_events"):
            key = dg.AssetCheckKey(dg.AssetKey(["marts", table]), f"gx_{table}")
            metadata = _latest_evaluation(instance, key).metadata
            assert isinstance(metadata["summary"], dg.MarkdownMetadataValue)
            assert "| | expectation | observed |" in metadata["summary"].value
            assert metadata["validation_html"].value.endswith(f"published/validation/{table}.html")


def test_publish_assets_link_the_report_and_the_docs(seeds_run):
    with _instance(seeds_run[0]) as instance:
        report = instance.get_latest_materialization_event(dg.AssetKey(["published", "report"])).asset_materialization
        assert report.metadata["url"].value.startswith("file://") and report.metadata["url"].value.endswith("report/index.html")
        assert report.metadata["path"].value.endswith("published/report/index.html")
        assert report.metadata["validation"].value.endswith("validation/index.html")
        assert report.metadata["checks_failed"].value == 0 and report.metadata["checks_passed"].value > 2
        docs = instance.get_latest_materialization_event(dg.AssetKey(["published", "dbt_docs"])).asset_materialization
        assert docs.metadata["url"].value.endswith("dbt-docs/index.html")


def test_assets_carry_dagster_standard_table_metadata(seeds_run):
    data_dir = seeds_run[0]
    with _instance(data_dir) as instance, \
            duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as warehouse:
        for key in (["marts", "fct_events"], ["marts", "fct_deals"], ["ops", "event_id_map"], ["raw", "extractions"],
                    ["reference", "countries"]):
            metadata = instance.get_latest_materialization_event(dg.AssetKey(key)).asset_materialization.metadata
            assert "rows" not in metadata and "row_count" not in metadata, key  # the standard keys replace them
            schema = metadata["dagster/column_schema"].value
            if key[0] in ("marts", "ops"):
                rows = warehouse.execute(f"select count(*) from {key[0]}.{key[1]}").fetchone()[0]
                assert metadata["dagster/row_count"].value == rows, key
                columns = [c for (c,) in warehouse.execute(
                    "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
                    "order by column_index", key).fetchall()]
                assert [c.name for c in schema.columns] == columns, key
            else:
                assert metadata["dagster/row_count"].value > 0 and schema.columns, key
        events = instance.get_latest_materialization_event(dg.AssetKey(["marts", "fct_events"])).asset_materialization
        described = {c.name: c.description for c in events.metadata["dagster/column_schema"].value.columns}
        assert described["host_method"]  # dbt's descriptions travel with the columns


def test_every_dbt_mart_materialization_carries_row_count_and_column_schema(seeds_run):
    # read by dagster-dbt's fetch_row_counts / fetch_column_metadata once dbt had exited; the checks that ran
    # after it in the same process could open the warehouse, or the seeds run would have failed
    data_dir = seeds_run[0]
    with _instance(data_dir) as instance, \
            duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as warehouse:
        for table in MART_TABLES:
            metadata = instance.get_latest_materialization_event(
                dg.AssetKey(["marts", table])).asset_materialization.metadata
            assert metadata["dagster/storage_kind"].value == "duckdb", table  # counted by dagster-dbt
            assert metadata["dagster/row_count"].value == \
                warehouse.execute(f"select count(*) from marts.{table}").fetchone()[0], table
            live = warehouse.execute(
                "select column_name, data_type from duckdb_columns() where schema_name = 'marts' and table_name = ? "
                "order by column_index", [table]).fetchall()
            columns = metadata["dagster/column_schema"].value.columns
            assert [(c.name, c.type.upper()) for c in columns] == [(n, t.upper()) for n, t in live], table
            assert all(c.description for c in columns), table  # every mart column is described in its yml
