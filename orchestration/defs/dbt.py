"""dbt: staging → intermediate → marts, as Dagster assets with dbt tests as asset checks.

The manifest comes from orchestration/defs/dbt_project.py (prepared before this module is loaded). Row counts
and column schemas are read from the warehouse once the build has finished.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
)
from dagster_dbt import dbt_assets

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


def _relations(manifest: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """dbt unique_id → (schema, table) of every model built as a table."""
    return {unique_id: (node["config"].get("schema") or node["schema"], node["alias"] or node["name"])
            for unique_id, node in manifest["nodes"].items()
            if node["resource_type"] == "model" and node["config"].get("materialized") != "view"}


def _with_table_metadata(events: list, warehouse: Path, manifest: Mapping[str, Any], postgres=None) -> list:
    """dagster/row_count and dagster/column_schema on each model's output, read from the finished warehouse."""
    try:
        tables = (warehouse_metadata(warehouse, _relations(manifest)) if postgres is None
                  else postgres_warehouse_metadata(postgres, _relations(manifest)))
    except Exception:  # noqa: BLE001 - metadata must never fail a build that succeeded
        return events
    enriched = []
    for event in events:
        unique_id = event.metadata.get("unique_id") if isinstance(event, dg.Output) else None
        extra = tables.get(getattr(unique_id, "value", unique_id))
        enriched.append(event.with_metadata({**event.metadata, **extra}) if extra else event)
    return enriched


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
        events = []
        try:
            # held until dbt exits: the warehouse can be read (row counts, columns) only then
            events.extend(invocation.stream())
        except Exception:
            yield from events
            raise
        yield from _with_table_metadata(events, settings.warehouse_path, invocation.manifest, settings.postgres)
        finish_build(settings, context.run.run_id, inputs)


defs = dg.Definitions(assets=[accords_dbt_models], resources={"dbt": dbt_cli()})
