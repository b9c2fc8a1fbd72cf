"""Resources shared by the Accords assets."""
import os

import dagster as dg

from orchestration.registry import SourceConfig, load_registry
from orchestration.settings import Settings, load_settings, resolve_path

# Pools serialise what must not overlap across runs (schedule, sensor and UI may start runs at once):
# the raw Parquet store has one writer, and so has the DuckDB warehouse.
RAW_STORE_POOL = "accords_raw_store"
WAREHOUSE_POOL = "accords_warehouse"


class AccordsResource(dg.ConfigurableResource):
    """Where sources are read from and data is written to; by default the contract's environment variables."""

    sources_file: str | None = None
    data_dir: str | None = None

    def settings(self) -> Settings:
        defaults = load_settings()
        settings = Settings(
            sources_file=defaults.sources_file if self.sources_file is None else resolve_path(self.sources_file),
            data_dir=defaults.data_dir if self.data_dir is None else resolve_path(self.data_dir),
        )
        # dbt's profile reads the warehouse location from the environment
        os.environ["ACCORDS_DATA_DIR"] = str(settings.data_dir)
        return settings

    def sources(self) -> list[SourceConfig]:
        return load_registry(self.settings().sources_file)

