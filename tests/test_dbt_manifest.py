"""The dbt manifest follows the models: an edit after the last parse makes it stale."""
from __future__ import annotations

import os

from orchestration.defs import dbt as dbt_defs


def test_a_model_edited_after_the_parse_makes_the_manifest_stale():
    manifest = dbt_defs.dbt_project.manifest_path
    assert manifest.exists() and not dbt_defs._manifest_is_stale()
    model = next((dbt_defs.DBT_PROJECT_DIR / "models").rglob("*.sql"))
    original = model.stat().st_mtime
    try:
        later = manifest.stat().st_mtime + 5
        os.utime(model, (later, later))
        assert dbt_defs._manifest_is_stale()
    finally:
        os.utime(model, (original, original))
    assert not dbt_defs._manifest_is_stale()
