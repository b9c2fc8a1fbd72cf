"""dbt's documentation as one static page: `dbt docs generate --static`, published under published/dbt-docs/.

dbt writes into a scratch target folder (never the project's `target/`, whose manifest the Dagster assets
are built from), seeded with that manifest so `--no-compile` can skip compiling every model again. The
catalog reads the live warehouse, so the caller holds the warehouse pool. The page depends on the manifest
and on the warehouse's tables, columns, types and comments only: when none of them changed since the page
was written, it is kept as it is (a `.fingerprint` beside it says what it was made from).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from orchestration.settings import DBT_PROJECT_DIR


class DbtDocsError(RuntimeError):
    pass


def fingerprint(manifest_dir: Path | None, warehouse: Path) -> str | None:
    """What the docs are made of: the manifest, and the catalog dbt would read (None: cannot tell)."""
    manifest = manifest_dir / "manifest.json" if manifest_dir is not None else None
    if manifest is None or not manifest.exists() or not warehouse.exists():
        return None
    import duckdb

    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            catalog = connection.execute(
                "select schema_name, table_name, column_name, data_type, comment from duckdb_columns() "
                "where database_name = current_database() order by all").fetchall()
            tables = connection.execute(
                "select schema_name, table_name, comment from duckdb_tables() where database_name = current_database() "
                "union all select schema_name, view_name, comment from duckdb_views() "
                "where database_name = current_database() and not internal order by all").fetchall()
    except duckdb.Error:
        return None
    import json

    content = json.loads(manifest.read_text(encoding="utf-8"))
    content.pop("metadata", None)  # generated_at and invocation_id change at every parse
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode())
    digest.update(repr((catalog, tables)).encode())
    return digest.hexdigest()


def _no_tracking(manifest: Path) -> None:
    import json

    content = json.loads(manifest.read_text(encoding="utf-8"))
    content.setdefault("metadata", {})["send_anonymous_usage_stats"] = False
    manifest.write_text(json.dumps(content), encoding="utf-8")


def generate_dbt_docs(dbt_executable: str, data_dir: Path, destination: Path, manifest_dir: Path | None = None,
                      timeout: float = 600) -> Path:
    """Write `<destination>/index.html` (replaced in one rename) and return it."""
    destination.mkdir(parents=True, exist_ok=True)
    target, stamp = destination / "index.html", destination / ".fingerprint"
    made_of = fingerprint(manifest_dir, data_dir / "warehouse.duckdb")
    if made_of is not None and target.exists() and stamp.exists() and stamp.read_text().strip() == made_of:
        return target
    scratch = Path(tempfile.mkdtemp(dir=destination.parent, prefix=".dbt-docs-"))
    try:
        command = [dbt_executable, "docs", "generate", "--static", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
                   "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(scratch)]
        if manifest_dir is not None and (manifest_dir / "manifest.json").exists():
            for name in ("manifest.json", "partial_parse.msgpack"):
                if (manifest_dir / name).exists():
                    shutil.copy2(manifest_dir / name, scratch / name)
            _no_tracking(scratch / "manifest.json")
            command.append("--no-compile")
        # the page loads a usage tracker from a CDN when the manifest allows it: it must not
        env = dict(os.environ, ACCORDS_DATA_DIR=str(data_dir), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
        page = scratch / "static_index.html"
        if done.returncode != 0 or not page.exists():
            raise DbtDocsError(f"dbt docs generate failed ({done.returncode}): {(done.stdout + done.stderr)[-2000:]}")
        os.chmod(page, 0o644)
        os.replace(page, target)
        if made_of is not None:
            stamp.write_text(made_of + "\n")
        elif stamp.exists():
            stamp.unlink()
        return target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
