"""One Settings object carries every ACCORDS_* value, read from the environment in one place."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.settings import PROJECT_ROOT, load_settings


def test_every_variable_reaches_the_settings(tmp_path):
    settings = load_settings({
        "ACCORDS_SOURCES": str(tmp_path / "s.yml"), "ACCORDS_DATA_DIR": str(tmp_path / "d"),
        "ACCORDS_PUBLISH_GRACE_SECONDS": "5", "ACCORDS_LOCK_TIMEOUT": "7", "ACCORDS_BATCH_DOCUMENTS": "3",
        "ACCORDS_BATCH_SECONDS": "2.5", "ACCORDS_DOCUMENT_ISOLATION": " Inline ", "ACCORDS_DOCUMENT_TIMEOUT": "9",
        "ACCORDS_DOCUMENT_MEMORY_MB": "256", "ACCORDS_WORKER_START_TIMEOUT": "11", "ACCORDS_FILE_MAX_BYTES": "100",
        "ACCORDS_USER_AGENT": "test-agent", "ACCORDS_HTTP_PER_HOST_DELAY": "0", "ACCORDS_HTTP_MAX_RETRIES": "1",
        "ACCORDS_HTTP_TRUSTED_ENDPOINTS": "a.test:80, b.test:8080", "ACCORDS_MAX_FETCH_FAILURE_RATE": "0.2",
        "ACCORDS_MAX_QUARANTINE_RATE": "0.1", "ACCORDS_LOG_LEVEL": "DEBUG", "ACCORDS_EXPECTATIONS_DIR": str(tmp_path),
    })
    assert settings.sources_file == tmp_path / "s.yml" and settings.data_dir == tmp_path / "d"
    assert (settings.publish_grace_seconds, settings.lock_timeout, settings.batch_documents, settings.batch_seconds) == \
        (5.0, 7.0, 3, 2.5)
    assert (settings.document_isolation, settings.document_timeout, settings.document_memory_mb,
            settings.worker_start_timeout) == ("inline", 9.0, 256, 11.0)
    assert settings.http == {"per_host_delay": 0.0, "max_retries": 1}
    assert settings.http_trusted_endpoints == ("a.test:80", "b.test:8080") and settings.user_agent == "test-agent"
    assert (settings.file_max_bytes, settings.max_fetch_failure_rate, settings.max_quarantine_rate) == (100, 0.2, 0.1)
    assert settings.log_level == "DEBUG" and settings.expectations_dir == tmp_path


def test_a_bad_isolation_mode_is_refused_with_its_name():
    with pytest.raises(ValueError, match="ACCORDS_DOCUMENT_ISOLATION"):
        load_settings({"ACCORDS_DOCUMENT_ISOLATION": "threads"})


def test_the_executor_and_the_dask_scheduler_are_read_and_checked():
    assert load_settings({}).executor == "in_process" and load_settings({}).dask_scheduler is None
    settings = load_settings({"ACCORDS_EXECUTOR": " Dask ", "ACCORDS_DASK_SCHEDULER": "tcp://10.1.2.3:8786",
                              "ACCORDS_PROGRESS_SECONDS": "2"})
    assert (settings.executor, settings.dask_scheduler, settings.progress_seconds) == ("dask", "tcp://10.1.2.3:8786", 2.0)
    assert load_settings({"ACCORDS_EXECUTOR": "multiprocess"}).executor == "multiprocess"
    assert load_settings({"ACCORDS_DASK_SCHEDULER": "tls://[::1]:8786"}).dask_scheduler == "tls://[::1]:8786"
    with pytest.raises(ValueError, match=r"ACCORDS_EXECUTOR must be one of in_process, multiprocess, dask, not 'k8s'"):
        load_settings({"ACCORDS_EXECUTOR": "k8s"})
    for bad in ("scheduler:8786", "tcp://host", "http://host:8786", "tcp://host:8786/path"):
        with pytest.raises(ValueError, match="ACCORDS_DASK_SCHEDULER"):
            load_settings({"ACCORDS_DASK_SCHEDULER": bad})


def test_document_workers_default_to_one_per_core_and_must_be_a_count():
    from orchestration.settings import cores

    assert load_settings({}).workers == cores() >= 1
    assert load_settings({"ACCORDS_WORKERS": "3"}).workers == 3
    for bad in ("0", "-1", "two", "1.5"):
        with pytest.raises(ValueError, match="ACCORDS_WORKERS"):
            load_settings({"ACCORDS_WORKERS": bad})


def test_the_resource_overrides_paths_and_keeps_the_rest(tmp_path, monkeypatch):
    from orchestration.defs.resources import AccordsResource

    monkeypatch.setenv("ACCORDS_BATCH_DOCUMENTS", "4")
    settings = AccordsResource(data_dir=str(tmp_path)).settings()
    assert settings.data_dir == tmp_path and settings.batch_documents == 4


def test_no_other_module_reads_an_accords_variable():
    # a read, not the export of a path for dbt's profile (environ["ACCORDS_DATA_DIR"] = ...)
    reads = re.compile(r"""(?:environ\.get\(|getenv\()\s*["']ACCORDS_|environ\[["']ACCORDS_\w+["']\](?!\s*=)""")
    offenders = [str(path.relative_to(PROJECT_ROOT)) for path in Path(PROJECT_ROOT / "orchestration").rglob("*.py")
                 if path.name != "settings.py" and reads.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
