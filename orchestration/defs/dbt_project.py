"""The dbt project and its manifest, prepared the dagster-dbt way.

`dagster dev` (make ui) re-parses on load (`prepare_if_dev`); `make run` and the tests prepare it once, before
loading the definitions (`prepare_dbt_project`, which skips a manifest newer than every project file). Nothing
here runs on import outside `dagster dev`.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from dagster_dbt.dbt_project import DagsterDbtProjectPreparer

from orchestration.settings import DBT_PROJECT_DIR

# the dbt installed beside this interpreter (the project's .venv), whether or not it is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt")) if Path(sys.executable).with_name("dbt").exists() else shutil.which("dbt") or "dbt"


class AccordsDbtPreparer(DagsterDbtProjectPreparer):
    """dagster-dbt's preparer (`dbt parse`), with this project's dbt executable."""

    def _prepare_manifest(self, project: DbtProject) -> None:
        DbtCliResource(project_dir=project, dbt_executable=DBT_EXECUTABLE).cli(
            ["parse", "--quiet"], target_path=project.target_path).wait()


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()  # `make ui` puts the project's dbt on PATH


def prepare_dbt_project(force: bool = False) -> bool:
    """`dbt parse` when the manifest is missing or older than the project (or `force`); True if it ran.
    The profile reads ACCORDS_DATA_DIR from the environment: call after the settings are exported."""
    if not (force or _manifest_is_stale()):
        return False
    print("preparing the dbt manifest (dbt parse)", file=sys.stderr, flush=True)
    AccordsDbtPreparer().prepare(dbt_project)
    return True


def _manifest_is_stale() -> bool:
    """No manifest yet, another dbt wrote it, or a model, macro or project file changed after it was written."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    from dbt.version import __version__ as dbt_version

    try:
        parsed = json.loads(manifest.read_text())
        if parsed["metadata"]["dbt_version"] != dbt_version or _target_of(parsed) != _current_target():
            return True
    except (ValueError, KeyError):
        return True
    written = manifest.stat().st_mtime
    sources = [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    for folder in ("models", "macros", "tests", "seeds", "snapshots"):
        sources.extend((DBT_PROJECT_DIR / folder).rglob("*"))
    return any(path.is_file() and path.stat().st_mtime > written for path in sources)


def _current_target() -> tuple[str, str | None]:
    """The adapter and database the profile connects to now: the settings' warehouse, which the profile's
    environment (ACCORDS_DBT_TARGET, ACCORDS_PG_*) is exported from."""
    from orchestration.settings import load_settings

    postgres = load_settings().postgres
    return ("postgres", postgres.database) if postgres is not None else ("duckdb", None)


def _target_of(manifest: dict) -> tuple[str, str | None]:
    """The adapter and database a manifest was parsed for: its relation names (database, and the marts' schema
    on PostgreSQL) are that target's, and dagster-dbt counts rows through them."""
    adapter = manifest["metadata"]["adapter_type"]
    if adapter != "postgres":
        return adapter, None
    models = [node for node in manifest["nodes"].values() if node.get("resource_type") == "model"]
    return adapter, models[0]["database"] if models else None
