"""Where Accords reads its sources and writes its data: the environment variables of the contract."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


def expectations_dir() -> Path:
    """The GX suites to run: the project's, unless ACCORDS_EXPECTATIONS_DIR points elsewhere (stricter suites)."""
    override = os.environ.get("ACCORDS_EXPECTATIONS_DIR")
    return resolve_path(override) if override else EXPECTATIONS_DIR


@dataclass(frozen=True)
class Settings:
    sources_file: Path
    data_dir: Path
    # a superseded published version is kept this long, so a query that started on it finishes on it
    publish_grace_seconds: float = 3600.0

    @property
    def raw_dir(self) -> Path:
        """Parquet hand-off from the Python assets to dbt: Python never opens the warehouse for writing."""
        return self.data_dir / "raw"

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.data_dir / "published"

    @property
    def dagster_home(self) -> Path:
        return self.data_dir / "dagster"


def resolve_path(value: str) -> Path:
    """A path from the environment or config: relative paths resolve against the working directory."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else (Path.cwd() / path).resolve()


def load_settings() -> Settings:
    return Settings(
        sources_file=resolve_path(os.environ.get("ACCORDS_SOURCES", "sources/sources.yml")),
        data_dir=resolve_path(os.environ.get("ACCORDS_DATA_DIR", "data")),
        publish_grace_seconds=float(os.environ.get("ACCORDS_PUBLISH_GRACE_SECONDS", "3600")),
    )


if __name__ == "__main__":  # `python -m orchestration.settings dagster_home` for the Makefile
    print(getattr(load_settings(), sys.argv[1]))
