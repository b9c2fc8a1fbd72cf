"""Every ACCORDS_* setting, read from the environment in one place (`load_settings`) into one `Settings`.

The Dagster resource hands the same object to the assets (orchestration/defs/resources.py); plain modules that
are not given one call `load_settings()`, so an environment variable is parsed here and nowhere else.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"

# ACCORDS_HTTP_* → the fetcher's keyword, and its type (orchestration/fetch/http.py)
HTTP_SETTINGS = {
    "ACCORDS_HTTP_CONNECT_TIMEOUT": ("connect_timeout", float),
    "ACCORDS_HTTP_READ_TIMEOUT": ("read_timeout", float),
    "ACCORDS_HTTP_TOTAL_TIMEOUT": ("total_timeout", float),
    "ACCORDS_HTTP_MAX_BYTES": ("max_bytes", int),
    "ACCORDS_HTTP_MAX_RETRIES": ("max_retries", int),
    "ACCORDS_HTTP_BACKOFF_BASE": ("backoff_base", float),
    "ACCORDS_HTTP_MAX_RETRY_AFTER": ("max_retry_after", float),
    "ACCORDS_HTTP_PER_HOST_DELAY": ("per_host_delay", float),
}


@dataclass(frozen=True)
class Settings:
    sources_file: Path
    data_dir: Path
    # a superseded published version is kept this long, so a query that started on it finishes on it
    publish_grace_seconds: float = 3600.0
    expectations_dir: Path = EXPECTATIONS_DIR  # stricter suites can be swapped in
    lock_timeout: float = 3600.0
    batch_documents: int = 100
    batch_seconds: float = 30.0
    document_isolation: str = "process"  # process | inline
    document_timeout: float = 60.0
    document_memory_mb: int = 1536
    worker_start_timeout: float = 600.0  # importing and warming the extractors once (lexicons, gazetteer)
    file_max_bytes: int = 20 * 1024 * 1024
    user_agent: str = "AccordsBot/0.1 (cooperation-news research pipeline)"
    http: dict = field(default_factory=dict)  # fetcher keywords set in the environment; the rest keep defaults
    http_trusted_endpoints: tuple[str, ...] = ()
    max_fetch_failure_rate: float = 0.5
    max_quarantine_rate: float = 0.05
    log_level: str = "INFO"
    chromium: str | None = None
    cache_dir: str | None = None
    warehouse_url: str | None = None  # postgresql://…: the warehouse on PostgreSQL instead of warehouse.duckdb
    executor: str = "in_process"  # in_process | multiprocess | dask (orchestration/defs/executors.py)
    dask_scheduler: str | None = None  # tcp://host:port of a running Dask scheduler; unset: a local cluster per run
    progress_seconds: float = 5.0  # fetch, parse and extract report progress at most this often
    workers: int = 1  # document worker processes of parse and extract side by side (default: one per core)

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
    def postgres(self):
        """The PostgreSQL warehouse of ACCORDS_WAREHOUSE_URL, or None for the embedded DuckDB file."""
        if not self.warehouse_url:
            return None
        from orchestration.postgres.connection import parse_warehouse_url

        return parse_warehouse_url(self.warehouse_url)

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


def expectations_dir() -> Path:
    """The GX suites to run: the project's, unless ACCORDS_EXPECTATIONS_DIR points elsewhere (stricter suites)."""
    return load_settings().expectations_dir


EXECUTORS = ("in_process", "multiprocess", "dask")
_SCHEDULER_ADDRESS = re.compile(r"^(tcp|tls)://[^\s/:]+(:\d+)$|^(tcp|tls)://\[[0-9a-fA-F:]+\](:\d+)$")


class SettingsError(ValueError):
    """An ACCORDS_* variable with a value we refuse; the message names the variable."""


def _executor(value: str) -> str:
    name = value.strip().lower().replace("-", "_")
    if name not in EXECUTORS:
        raise SettingsError(f"ACCORDS_EXECUTOR must be one of {', '.join(EXECUTORS)}, not {value!r}")
    return name


def _scheduler(value: str) -> str:
    address = value.strip()
    if not _SCHEDULER_ADDRESS.match(address):
        raise SettingsError(f"ACCORDS_DASK_SCHEDULER must be a Dask scheduler address such as tcp://host:8786, "
                            f"not {value!r}")
    return address


def cores() -> int:
    """The cores this process may run on (a container's or taskset's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise SettingsError(f"ACCORDS_WORKERS must be a whole number of worker processes (1 or more), not {value!r}")
    return count


def load_settings(environ: dict | None = None) -> Settings:
    env = os.environ if environ is None else environ
    defaults = Settings(sources_file=Path(), data_dir=Path())

    def get(name: str, convert, default):
        value = env.get(name)
        return default if value is None or value == "" else convert(value)

    isolation = get("ACCORDS_DOCUMENT_ISOLATION", lambda v: v.strip().lower(), defaults.document_isolation)
    if isolation not in ("process", "inline"):
        raise SettingsError(f"ACCORDS_DOCUMENT_ISOLATION must be process or inline, not {isolation!r}")
    warehouse_url = env.get("ACCORDS_WAREHOUSE_URL") or None
    if warehouse_url:
        from orchestration.postgres.connection import parse_warehouse_url

        try:
            parse_warehouse_url(warehouse_url)  # a malformed URL is refused before anything runs
        except ValueError as error:
            raise SettingsError(str(error)) from None
    return Settings(
        sources_file=resolve_path(env.get("ACCORDS_SOURCES", "sources/sources.yml")),
        data_dir=resolve_path(env.get("ACCORDS_DATA_DIR", "data")),
        publish_grace_seconds=get("ACCORDS_PUBLISH_GRACE_SECONDS", float, defaults.publish_grace_seconds),
        expectations_dir=get("ACCORDS_EXPECTATIONS_DIR", resolve_path, defaults.expectations_dir),
        lock_timeout=get("ACCORDS_LOCK_TIMEOUT", float, defaults.lock_timeout),
        batch_documents=get("ACCORDS_BATCH_DOCUMENTS", int, defaults.batch_documents),
        batch_seconds=get("ACCORDS_BATCH_SECONDS", float, defaults.batch_seconds),
        document_isolation=isolation,
        document_timeout=get("ACCORDS_DOCUMENT_TIMEOUT", float, defaults.document_timeout),
        document_memory_mb=get("ACCORDS_DOCUMENT_MEMORY_MB", int, defaults.document_memory_mb),
        worker_start_timeout=get("ACCORDS_WORKER_START_TIMEOUT", float, defaults.worker_start_timeout),
        file_max_bytes=get("ACCORDS_FILE_MAX_BYTES", int, defaults.file_max_bytes),
        user_agent=get("ACCORDS_USER_AGENT", str, defaults.user_agent),
        http={name: convert(env[key]) for key, (name, convert) in HTTP_SETTINGS.items() if env.get(key)},
        http_trusted_endpoints=tuple(e.strip() for e in env.get("ACCORDS_HTTP_TRUSTED_ENDPOINTS", "").split(",")
                                     if e.strip()),
        max_fetch_failure_rate=get("ACCORDS_MAX_FETCH_FAILURE_RATE", float, defaults.max_fetch_failure_rate),
        max_quarantine_rate=get("ACCORDS_MAX_QUARANTINE_RATE", float, defaults.max_quarantine_rate),
        log_level=get("ACCORDS_LOG_LEVEL", str, defaults.log_level),
        chromium=env.get("ACCORDS_CHROMIUM") or None,
        cache_dir=env.get("ACCORDS_CACHE_DIR") or None,
        warehouse_url=warehouse_url,
        executor=get("ACCORDS_EXECUTOR", _executor, defaults.executor),
        dask_scheduler=get("ACCORDS_DASK_SCHEDULER", _scheduler, defaults.dask_scheduler),
        progress_seconds=get("ACCORDS_PROGRESS_SECONDS", float, defaults.progress_seconds),
        workers=get("ACCORDS_WORKERS", _workers, cores()),
    )


if __name__ == "__main__":  # `python -m orchestration.settings dagster_home` for the Makefile
    print(getattr(load_settings(), sys.argv[1]))
