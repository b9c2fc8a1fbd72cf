"""The dbt manifest follows the models: an edit after the last parse makes it stale."""
from __future__ import annotations

import os

from orchestration.defs import dbt_project as dbt_defs


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


def test_loading_the_definitions_runs_no_dbt(tmp_path):
    """Importing the code location starts no process (no `dbt parse` at import): `make run` parses at most once."""
    import subprocess
    import sys

    code = ("import subprocess\n"
            "original = subprocess.Popen.__init__\n"
            "def refuse(self, args, *rest, **kwargs):\n"
            "    if 'dbt' in str(args):\n"
            "        raise AssertionError(f'dbt was started on import: {args}')\n"
            "    original(self, args, *rest, **kwargs)\n"
            "subprocess.Popen.__init__ = refuse\n"
            "import orchestration.definitions\n")
    manifest = dbt_defs.dbt_project.manifest_path
    stat = manifest.stat()
    os.utime(manifest, (stat.st_atime, 0))  # older than every model: a stale manifest still starts no dbt
    try:
        assert dbt_defs._manifest_is_stale()
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                              env={k: v for k, v in os.environ.items() if k != "DAGSTER_IS_DEV_CLI"})
        assert done.returncode == 0, done.stderr[-2000:]
        assert manifest.stat().st_mtime_ns == 0
    finally:
        os.utime(manifest, ns=(stat.st_atime_ns, stat.st_mtime_ns))
