"""dbt: staging → intermediate → marts, as Dagster assets with dbt tests as asset checks."""
import os
import shutil
import subprocess
import sys
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

from orchestration.defs.resources import AccordsResource
from orchestration.lock import lock_timeout
from orchestration.settings import DBT_PROJECT_DIR, load_settings
from orchestration.warehouse import finish_build, start_build, wait_until_writable

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# the dbt installed beside this interpreter (the project's .venv), whether or not it is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt")) if Path(sys.executable).with_name("dbt").exists() else shutil.which("dbt") or "dbt"


def dbt_cli() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


def prepare_manifest(force: bool = False) -> None:
    """`dbt parse` writes the manifest the assets are built from; the profile needs the data dir."""
    os.environ.setdefault("ACCORDS_DATA_DIR", str(load_settings().data_dir))
    if force or _manifest_is_stale():
        subprocess.run(
            [DBT_EXECUTABLE, "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir",
             str(DBT_PROJECT_DIR), "--target-path", str(dbt_project.project_dir / dbt_project.target_path)],
            check=True,
        )


def _manifest_is_stale() -> bool:
    """No manifest yet, or a model, macro or project file changed after it was written (a pull, an edit)."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    written = manifest.stat().st_mtime
    sources = [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    for folder in ("models", "macros", "tests", "seeds", "snapshots"):
        sources.extend((DBT_PROJECT_DIR / folder).rglob("*"))
    return any(path.is_file() and path.stat().st_mtime > written for path in sources)


prepare_manifest()


class AccordsDbtTranslator(DagsterDbtTranslator):
    """Models are keyed by schema (staging/intermediate/marts/ops); sources keep [source, table], which are
    exactly the keys of the Python assets that write them."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project: DbtProject | None) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest["nodes"].get(unique_id) or manifest["sources"].get(unique_id) or {}
        if node.get("resource_type") in ("model", "seed", "snapshot"):
            schema = node.get("config", {}).get("schema") or node.get("schema")
            return spec.replace_attributes(key=dg.AssetKey([schema, node["name"]]), group_name="model")
        return spec


translator = AccordsDbtTranslator(
    settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)
)


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def accords_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, accords: AccordsResource):
    settings = accords.settings()  # also exports ACCORDS_DATA_DIR for the profile
    wait_until_writable(settings.warehouse_path, lock_timeout(), on_wait=context.log.warning)
    # a build that does not finish leaves the warehouse marked unpublishable until the next complete one
    start_build(settings, context.run.run_id)
    yield from dbt.cli(["build"], context=context).stream()
    finish_build(settings, context.run.run_id)


defs = dg.Definitions(
    assets=[accords_dbt_models],
    resources={"dbt": dbt_cli()},
)
