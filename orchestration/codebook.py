"""The codebook of the published marts, generated from the dbt model ymls (the one place columns are described).

Published beside the Parquet files of every version (codebook.md for people, codebook.json for tools), so the
description always matches the data it sits next to.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml


def build_codebook(models_dir: Path, tables: tuple[str, ...]) -> list[dict]:
    """One entry per table: its description and, per column, type, description, allowed values, not null."""
    models = {}
    for path in sorted(models_dir.rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text()) or {}).get("models", []):
            models[model["name"]] = model
    codebook = []
    for table in tables:
        model = models[table]
        columns = []
        for column in model.get("columns", []):
            tests = column.get("data_tests", [])
            allowed = next((t["accepted_values"]["arguments"]["values"] for t in tests
                            if isinstance(t, dict) and "accepted_values" in t), None)
            not_null = "not_null" in [t for t in tests if isinstance(t, str)] or any(
                c.get("type") == "not_null" for c in column.get("constraints", []))
            columns.append({"name": column["name"], "type": column.get("data_type"),
                            "description": " ".join((column.get("description") or "").split()) or None,
                            "allowed_values": allowed, "not_null": not_null})
        codebook.append({"table": table, "description": " ".join((model.get("description") or "").split()),
                         "columns": columns})
    return codebook


def render_markdown(codebook: list[dict]) -> str:
    lines = ["# Accords codebook", "",
             "Schema `marts` of published/warehouse.duckdb, and one Parquet file per table beside this file.", ""]
    for table in codebook:
        lines += [f"## {table['table']}", "", table["description"], "",
                  "| column | type | not null | values | meaning |", "| --- | --- | --- | --- | --- |"]
        for c in table["columns"]:
            values = ", ".join(f"`{v}`" for v in c["allowed_values"]) if c["allowed_values"] else ""
            meaning = (c["description"] or "").replace("|", "\\|")
            lines.append(f"| `{c['name']}` | {c['type'] or ''} | {'yes' if c['not_null'] else ''} | {values} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def write_codebook(folder: Path, models_dir: Path, tables: tuple[str, ...]) -> None:
    codebook = build_codebook(models_dir, tables)
    (folder / "codebook.json").write_text(json.dumps(codebook, ensure_ascii=False, indent=2) + "\n")
    (folder / "codebook.md").write_text(render_markdown(codebook))
