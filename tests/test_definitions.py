"""The Dagster code location as a whole: what it defines, snapshotted, and the metadata catalogs rely on.

After an intended change, refresh the snapshot with `ACCORDS_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest
tests/test_definitions.py` and review its diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import dagster as dg

from orchestration.definitions import defs
from orchestration.publish import MART_TABLES

SNAPSHOT = Path(__file__).parent / "snapshots" / "definitions.json"


def _snapshot() -> dict:
    graph = defs.resolve_asset_graph()
    schedules = [defs.resolve_schedule_def(s.name) for s in defs.schedules or []]
    return {
        "assets": sorted(key.to_user_string() for key in graph.get_all_asset_keys()),
        "checks": sorted(f"{key.asset_key.to_user_string()}:{key.name}" for key in graph.asset_check_keys),
        "jobs": sorted(job.name for job in defs.resolve_all_job_defs() if not job.name.startswith("__")),
        "schedules": sorted(f"{s.name} {s.cron_schedule} {s.default_status.value}" for s in schedules),
        "sensors": sorted(f"{s.name} {s.default_status.value}" for s in (defs.sensors or [])),
    }


def test_the_definitions_match_their_snapshot():
    current = _snapshot()
    if os.environ.get("ACCORDS_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(current, indent=1) + "\n")
    assert current == json.loads(SNAPSHOT.read_text())


def _spec(key: list[str]) -> dg.AssetSpec:
    asset_key = dg.AssetKey(key)
    return defs.resolve_assets_def(asset_key).specs_by_key[asset_key]


def test_every_asset_has_an_owner_and_a_code_reference():
    for assets_def in defs.resolve_asset_graph().assets_defs:
        for key, spec in assets_def.specs_by_key.items():
            assert spec.owners == ["team:accords"], key
            assert "dagster/code_references" in spec.metadata, key


def test_the_marts_declare_their_columns_and_the_published_marts_their_freshness():
    for table in MART_TABLES:
        schema = _spec(["marts", table]).metadata["dagster/column_schema"]
        schema = getattr(schema, "schema", schema)  # a TableSchemaMetadataValue, or the TableSchema itself
        assert schema.columns and all(column.type for column in schema.columns), table
    policy = _spec(["published", "marts"]).freshness_policy
    # the daily schedule starts at 05:00 UTC: the published copy is due, at most a day old, by 07:00
    assert policy.deadline_cron == "0 7 * * *" and policy.lower_bound_delta.total_seconds() == 24 * 3600
