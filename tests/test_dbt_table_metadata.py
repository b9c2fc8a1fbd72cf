"""The dbt models' table metadata: dagster-dbt's row counts and column schemas, completed from the manifest, and
read from the warehouse where dagster-dbt could not read them."""
from __future__ import annotations

import json
from types import SimpleNamespace

import dagster as dg
import duckdb

from orchestration.defs.dbt import _with_table_metadata

UNIQUE_ID = "model.accords.fct_events"
MANIFEST = {"nodes": {UNIQUE_ID: {
    "resource_type": "model", "name": "fct_events", "alias": "fct_events", "schema": "marts",
    "config": {"schema": "marts", "materialized": "table"},
    "columns": {"event_id": {"description": "the event's stable id", "data_type": "varchar"},
                "document_count": {"description": "reports of the event", "data_type": "integer"}}}}}


def _output(**metadata) -> dg.Output:
    return dg.Output(None, output_name="marts_fct_events", metadata={"unique_id": UNIQUE_ID, **metadata})


def test_a_table_dagster_dbt_could_not_read_is_read_from_the_warehouse(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create schema marts")
        connection.execute("create table marts.fct_events as select 'e' || range as event_id, 1 as document_count "
                           "from range(3)")
    (event,) = _with_table_metadata([_output()], MANIFEST, warehouse)
    assert event.metadata["dagster/row_count"].value == 3
    columns = event.metadata["dagster/column_schema"].value.columns
    assert [(c.name, c.type, c.description) for c in columns] == [
        ("event_id", "VARCHAR", "the event's stable id"), ("document_count", "INTEGER", "reports of the event")]


def test_what_dagster_dbt_read_gets_the_descriptions_and_the_contracts_string_type(tmp_path):
    fetched = dg.TableSchema(columns=[dg.TableColumn("event_id", "character varying(256)"),
                                      dg.TableColumn("document_count", "INTEGER")])
    (event,) = _with_table_metadata([_output(**{"dagster/row_count": 7, "dagster/column_schema": fetched})],
                                    MANIFEST, tmp_path / "no-warehouse.duckdb")
    assert event.metadata["dagster/row_count"].value == 7  # dagster-dbt's count stands
    columns = event.metadata["dagster/column_schema"].value.columns
    assert [(c.name, c.type, c.description) for c in columns] == [
        ("event_id", "varchar", "the event's stable id"), ("document_count", "INTEGER", "reports of the event")]


def test_a_manifest_parsed_for_another_target_is_parsed_again(tmp_path, monkeypatch):
    # the relation names dagster-dbt counts rows through (database, the marts' build schema) are the target's
    from dbt.version import __version__ as dbt_version

    from orchestration.defs import dbt_project as project

    def parsed_for(adapter: str, database: str) -> None:
        manifest = {"metadata": {"dbt_version": dbt_version, "adapter_type": adapter},
                    "nodes": {UNIQUE_ID: {**MANIFEST["nodes"][UNIQUE_ID], "database": database}}}
        (tmp_path / "manifest.json").write_text(json.dumps(manifest))

    monkeypatch.setattr(project, "dbt_project", SimpleNamespace(manifest_path=tmp_path / "manifest.json"))
    monkeypatch.delenv("ACCORDS_WAREHOUSE_URL", raising=False)
    parsed_for("duckdb", "warehouse")
    assert not project._manifest_is_stale()
    monkeypatch.setenv("ACCORDS_WAREHOUSE_URL", "postgresql://accords@127.0.0.1:5432/accords")
    assert project._manifest_is_stale()
    parsed_for("postgres", "accords")
    assert not project._manifest_is_stale()
    monkeypatch.setenv("ACCORDS_WAREHOUSE_URL", "postgresql://accords@127.0.0.1:5432/another")
    assert project._manifest_is_stale()
