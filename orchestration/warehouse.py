"""Which build of the warehouse the checks passed, so that nothing unchecked is ever published.

``$ACCORDS_DATA_DIR/.warehouse_build.json`` follows the warehouse through build → check → publish:
- the dbt step marks the warehouse as being built before ``dbt build`` and records a new build id after it;
- each Great Expectations check records, for the build id it read, whether it passed;
- publishing copies the marts only when every suite passed on the current build.

``make run`` holds the data directory's lock (orchestration/lock.py) across all three, so this record only
decides anything when steps run apart: a run that builds only the models, a publish started alone from the UI,
a dbt step killed half-way, or steps of two runs interleaved by a multi-process executor. In each of those, a
publish that would copy marts its checks never saw is refused with the reason.

The record also keeps what the build, its checks and its publication were made from (``inputs``: the code, the
dbt project, the suites, the settings, the hand-off tables) and which build was published last. A run whose
inputs are those of a build that passed every check and was published has nothing to build, check or publish
(``unchanged_build``): the dbt step then builds nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from orchestration.settings import Settings
from orchestration.store.handoff import write_bytes_durably

STATE_NAME = ".warehouse_build.json"
log = logging.getLogger(__name__)


def _path(settings: Settings) -> Path:
    return settings.data_dir / STATE_NAME


def read_state(settings: Settings) -> dict:
    try:
        return json.loads(_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write(settings: Settings, state: dict) -> None:
    write_bytes_durably(_path(settings), json.dumps(state, indent=1, sort_keys=True).encode("utf-8"))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def start_build(settings: Settings, run_id: str | None) -> None:
    _write(settings, {"build": None, "building_since": _now(), "run_id": run_id, "checks": {}})


def finish_build(settings: Settings, run_id: str | None, inputs: dict[str, str] | None = None) -> str:
    build = uuid.uuid4().hex[:16]
    _write(settings, {"build": build, "built_at": _now(), "run_id": run_id, "checks": {}, "inputs": inputs})
    return build


def record_published(settings: Settings, build: str | None) -> None:
    state = read_state(settings)
    if state.get("build") != build or build is None:
        return
    state["published"] = build
    _write(settings, state)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tree_sha256(root: Path, patterns: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    paths = sorted({p for pattern in patterns for p in root.rglob(pattern) if "__pycache__" not in p.parts})
    for path in paths:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + _sha256(path).encode())
    return digest.hexdigest()


def _without_secrets(settings: Settings) -> Settings:
    """The settings as the state file may keep them: a PostgreSQL password never lands in the data directory."""
    if not settings.warehouse_url:
        return settings
    from dataclasses import replace
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(settings.warehouse_url)
    host = parts.hostname or ""
    netloc = (f"{parts.username}@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
    return replace(settings, warehouse_url=urlunsplit(parts._replace(netloc=netloc)))


def build_inputs(settings: Settings, manifest: Path, lock_file: Path, code: Path) -> dict[str, str]:
    """What a build, its checks and its publication are made from, by content: the parsed dbt project (the
    manifest, rewritten whenever a model, macro or project file changes), the pinned packages, the code under
    ``code`` (checks, publication, report), the suites, the settings (the data directory, which the views name,
    and thresholds such as ACCORDS_MAX_QUARANTINE_RATE) and each hand-off table. The fetch log is left out:
    ops.fetch_log is a view that reads its files as they are."""
    inputs = {"manifest": _sha256(manifest) if manifest.exists() else "missing",
              "lock": _sha256(lock_file) if lock_file.exists() else "missing",
              "code": _tree_sha256(code, ("*.py", "*.yml", "*.yaml", "*.json", "*.j2", "*.css")),
              "expectations": _tree_sha256(settings.expectations_dir, ("*.json",)),
              "settings": repr(_without_secrets(settings))}
    for folder in (settings.raw_dir, settings.data_dir / "reference"):
        for path in sorted(folder.glob("*.parquet")):
            inputs[f"{folder.name}/{path.name}"] = _sha256(path)
    return inputs


def unchanged_build(settings: Settings, inputs: dict[str, str], suites: Iterable[str]) -> str | None:
    """The build whose inputs were exactly ``inputs``, when it passed every suite and is the published one (so
    building, checking and publishing again would give the same marts); None when there is work to do."""
    state = read_state(settings)
    build = state.get("build")
    if build is None or state.get("inputs") != inputs or state.get("published") != build:
        return None
    if not settings.warehouse_path.exists() or not (settings.published_dir / "CURRENT").exists():
        return None
    checks = state.get("checks", {})
    if any(not checks.get(suite, {}).get("publishable") for suite in suites):
        return None
    return build


def record_check(settings: Settings, build: str | None, suite: str, publishable: bool) -> None:
    state = read_state(settings)
    if state.get("build") != build or build is None:
        return  # the warehouse changed under the check: what it saw counts for nothing
    state.setdefault("checks", {})[suite] = {"publishable": publishable, "checked_at": _now()}
    _write(settings, state)


def current_build(settings: Settings) -> str | None:
    return read_state(settings).get("build")


def unpublishable_reason(settings: Settings, suites: Iterable[str]) -> str | None:
    """Why the current warehouse must not be published; None when every suite passed on this very build."""
    state = read_state(settings)
    if not state:
        return "the warehouse has no record of a complete build (run the whole pipeline)"
    if state.get("build") is None:
        return f"the warehouse build started {state.get('building_since')} by run {state.get('run_id')} did not finish"
    checks = state.get("checks", {})
    missing = [suite for suite in suites if suite not in checks]
    if missing:
        return f"build {state['build']} has not been checked by {', '.join(missing)}"
    failed = [suite for suite, outcome in checks.items() if not outcome.get("publishable")]
    if failed:
        return f"build {state['build']} failed {', '.join(sorted(failed))}"
    return None


def wait_until_writable(path: Path, timeout: float, on_wait: Callable[[str], None] | None = None) -> None:
    """Until no other process holds DuckDB's lock on the warehouse: a dbt child of a killed run may still be
    finishing (Dagster stops such orphans within seconds). Called while holding the data directory's lock, so no
    live run can be the holder."""
    if not path.exists():
        return
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            duckdb.connect(str(path)).close()
            return
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                raise
            if not told and on_wait is not None:
                on_wait(f"waiting for another process to release {path.name}: {error}")
                told = True
            time.sleep(1.0)
