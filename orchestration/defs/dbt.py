"""dbt: staging → intermediate → marts, as Dagster assets with dbt tests as asset checks.

The manifest comes from orchestration/defs/dbt_project.py (prepared before this module is loaded). Row counts
and column schemas come from dagster-dbt (`fetch_row_counts`, `fetch_column_metadata`), which read them through
dbt's adapter in this process: on DuckDB only once dbt has exited (one process may have the file open for
writing), and still inside `warehouse_access`, so no other step opens the file while the adapter has it.
"""

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)

from orchestration.defs.dbt_project import DBT_EXECUTABLE, dbt_project
from orchestration.defs.metadata import postgres_warehouse_metadata, warehouse_metadata
from orchestration.defs.resources import OWNERS, AccordsResource
from orchestration.lock import lock_timeout, warehouse_access
from orchestration.settings import PROJECT_ROOT
from orchestration.validation import suite_names
from orchestration.warehouse import (
    build_inputs,
    finish_build,
    start_build,
    unchanged_build,
    wait_until_writable,
)

# how dbt's Column.data_type names any string type, whatever the warehouse calls it
GENERIC_STRING = re.compile(r"character varying(\(\d+\))?", re.IGNORECASE)


def dbt_cli() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


class AccordsDbtTranslator(DagsterDbtTranslator):
    """Models are keyed by schema (staging/intermediate/marts/ops); sources keep [source, table], which are
    exactly the keys of the Python assets that write them."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest["nodes"].get(unique_id) or manifest["sources"].get(unique_id) or {}
        if node.get("resource_type") in ("model", "seed", "snapshot"):
            schema = node.get("config", {}).get("schema") or node.get("schema")
            return spec.replace_attributes(key=dg.AssetKey([schema, node["name"]]), group_name="model", owners=OWNERS)
        return spec


translator = AccordsDbtTranslator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True, enable_code_references=True)
)


def _close_adapter(adapter) -> None:
    """Close the connections dagster-dbt's readers opened through dbt's adapter in this process. dbt-duckdb can
    keep its DuckDB handle open after reads from several threads, and DuckDB then refuses every other opening of
    the file: by this process read-only (the checks, in-process) or by any other process (other executors)."""
    if adapter is None:
        return
    adapter.cleanup_connections()
    manager = type(adapter.connections)
    if getattr(manager, "_ENV", None) is not None:  # dbt-duckdb's one shared database handle
        manager.env().close()


def _relations(manifest: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """dbt unique_id → (schema, table) of every model built as a table."""
    return {unique_id: (node["config"].get("schema") or node["schema"], node["alias"] or node["name"])
            for unique_id, node in manifest["nodes"].items()
            if node["resource_type"] == "model" and node["config"].get("materialized") != "view"}


def _with_table_metadata(events: list, manifest: Mapping[str, Any], warehouse: Path, postgres=None) -> list:
    """dbt's column descriptions on the column schemas dagster-dbt fetched (it reads names and types only), and
    row count and columns read from our own connection for a table dagster-dbt could not read (it logs why: e.g.
    a manifest parsed for another target names relations this warehouse does not have)."""
    relations = _relations(manifest)
    by_unique_id = {_unique_id(event): event for event in events}
    missing = {unique_id: relation for unique_id, relation in relations.items() if unique_id in by_unique_id
               and not {"dagster/row_count", "dagster/column_schema"} <= set(by_unique_id[unique_id].metadata)}
    read_here: dict[str, dict] = {}
    if missing:
        try:
            read_here = (warehouse_metadata(warehouse, missing) if postgres is None
                         else postgres_warehouse_metadata(postgres, missing))
        except Exception:  # noqa: BLE001 - metadata must never fail a build that succeeded
            read_here = {}
    enriched = []
    for event in events:
        unique_id = _unique_id(event)
        if unique_id not in relations:
            enriched.append(event)
            continue
        metadata = {**event.metadata, **read_here.get(unique_id, {})}
        schema = metadata.get("dagster/column_schema")
        if schema is not None:
            metadata["dagster/column_schema"] = dg.MetadataValue.table_schema(
                _described(schema.value, manifest["nodes"][unique_id]))
        enriched.append(event.with_metadata(metadata))
    return enriched


def _unique_id(event) -> str | None:
    """The dbt node a model's output is of; None for other events (checks, observations)."""
    unique_id = event.metadata.get("unique_id") if isinstance(event, dg.Output) else None
    return getattr(unique_id, "value", unique_id)


def _described(schema: dg.TableSchema, node: Mapping[str, Any]) -> dg.TableSchema:
    """The schema with each column's dbt description, and the contract's type for a string column: dbt's adapter
    spells every string type `character varying(256)`, a limit DuckDB's VARCHAR does not have (the contract's
    type is what the build enforced)."""
    declared = {name.lower(): column for name, column in node.get("columns", {}).items()}

    def completed(column: dg.TableColumn) -> dg.TableColumn:
        contract = declared.get(column.name.lower(), {})
        kind = column.type
        if GENERIC_STRING.fullmatch(kind or "") and contract.get("data_type"):
            kind = contract["data_type"]
        description = column.description or (contract.get("description") or "").strip() or None
        return dg.TableColumn(name=column.name, type=kind, description=description,
                              constraints=column.constraints, tags=column.tags)

    return dg.TableSchema(columns=[completed(column) for column in schema.columns])


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def accords_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, accords: AccordsResource):
    settings = accords.settings()  # also exports ACCORDS_DATA_DIR for the profile
    inputs = build_inputs(settings, dbt_project.manifest_path, PROJECT_ROOT / "requirements.lock",
                          PROJECT_ROOT / "orchestration")
    # only a whole build can be skipped (the settings in its inputs name the warehouse); a selection made in the
    # UI is always built
    whole = context.selected_asset_keys == set(context.assets_def.keys)
    unchanged = unchanged_build(settings, inputs, suite_names()) if whole else None
    if unchanged is not None:
        # no model is materialized, so the checks and the publish steps after them are skipped too
        context.log.info(f"nothing to build: the models' inputs are those of build {unchanged}, which passed "
                         "every check and is published")
        return
    with warehouse_access(settings.data_dir, on_wait=context.log.info):
        wait_until_writable(settings.warehouse_path, lock_timeout(), on_wait=context.log.warning)
        # a build that does not finish leaves the warehouse marked unpublishable until the next complete one
        start_build(settings, context.run.run_id)
        if settings.postgres is not None:  # PostgreSQL cannot read the Parquet hand-off: COPY it in first
            from orchestration.postgres.load import load_handoff

            copied = [f"{t.schema}.{t.table}={t.rows}" for t in load_handoff(settings.data_dir, settings.postgres)
                      if t.rows is not None]
            context.log.info("loaded into PostgreSQL: " + (", ".join(copied) or "nothing changed"))
        invocation = dbt.cli(["build"], context=context)
        # the sources are Parquet files, not relations, so there is no parent schema to trace column lineage from
        stream = invocation.stream().fetch_row_counts().fetch_column_metadata(with_column_lineage=False)
        events = []
        try:
            # drained inside warehouse_access: the adapter's connection to the warehouse opens and closes here
            events.extend(stream)
        except Exception:
            yield from events
            raise
        finally:
            _close_adapter(invocation.adapter)
        yield from _with_table_metadata(events, invocation.manifest, settings.warehouse_path, settings.postgres)
        finish_build(settings, context.run.run_id, inputs)


defs = dg.Definitions(assets=[accords_dbt_models], resources={"dbt": dbt_cli()})
