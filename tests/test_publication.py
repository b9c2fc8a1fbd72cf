"""Publication: readers never see an error while the pipeline writes, and failing checks block publication."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import duckdb

from orchestration.publish import MART_TABLES
from tests.conftest import ROOT, run_pipeline

READER = """
import sys, time, duckdb, pathlib
published, stop, tables = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3].split(",")
reads = errors = 0
messages = []
while not stop.exists():
    try:
        with duckdb.connect(published, read_only=True) as connection:
            for table in tables:
                connection.execute(f"select count(*) from marts.{table}").fetchone()
        reads += 1
    except Exception as exc:
        errors += 1
        messages.append(repr(exc))
    time.sleep(0.02)
print(reads, errors, messages[:3])
"""


def _copy_run(seeds_run, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(seeds_run[0], data_dir)
    return data_dir


def _marts(path: Path) -> dict:
    with duckdb.connect(str(path), read_only=True) as connection:
        return {t: sorted(connection.execute(f"select * from marts.{t}").fetchall(), key=repr) for t in MART_TABLES}


def test_a_reader_of_the_published_copy_sees_no_error_during_a_run(seeds_run, tmp_path):
    data_dir = _copy_run(seeds_run, tmp_path)
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(data_dir / "published" / "warehouse.duckdb"), str(stop),
                               ",".join(MART_TABLES)], stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.5)
        run = run_pipeline(data_dir, ROOT / "sources" / "sources.yml")
    finally:
        stop.touch()
        output, _ = reader.communicate(timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    reads, errors = (int(x) for x in output.split()[:2])
    assert reads > 10 and errors == 0, output
    assert _marts(data_dir / "published" / "warehouse.duckdb") == _marts(data_dir / "warehouse.duckdb")


def test_a_failing_expectation_blocks_publication_and_fills_quarantine(seeds_run, tmp_path):
    data_dir = _copy_run(seeds_run, tmp_path)
    published = data_dir / "published" / "warehouse.duckdb"
    before = (published.stat().st_mtime_ns, _marts(published))
    strict = tmp_path / "expectations"
    shutil.copytree(ROOT / "expectations", strict)
    suite = json.loads((strict / "fct_deals.json").read_text())
    # a stricter rule the seeds break: no deal may exceed 100 million
    suite["expectations"].append({"type": "expect_column_values_to_be_between",
                                  "kwargs": {"column": "amount", "max_value": 100_000_000}})
    (strict / "fct_deals.json").write_text(json.dumps(suite))

    run = run_pipeline(data_dir, ROOT / "sources" / "sources.yml", ACCORDS_EXPECTATIONS_DIR=str(strict))

    assert run.returncode != 0
    assert "gx_fct_deals" in run.stderr and "quarantined" in run.stderr
    assert (published.stat().st_mtime_ns, _marts(published)) == before
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        quarantined = connection.execute("select amount, failed_expectation from quarantine.fct_deals").fetchall()
        clean = connection.execute("select count(*) from quarantine.fct_events").fetchone()[0]
    assert quarantined and all(amount > 100_000_000 for amount, _ in quarantined)
    assert {name for _, name in quarantined} == {"expect_column_values_to_be_between(amount)"}
    assert clean == 0


def test_one_bad_row_is_quarantined_and_the_rest_published(seeds_run, tmp_path):
    data_dir = _copy_run(seeds_run, tmp_path)
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        latest, = connection.execute("select max(start_date) from marts.fct_events").fetchone()
        bad = connection.execute("select event_id from marts.fct_events where start_date = ?", [latest]).fetchall()
    assert len(bad) == 1
    strict = tmp_path / "expectations"
    shutil.copytree(ROOT / "expectations", strict)
    suite = json.loads((strict / "fct_events.json").read_text())
    # a rule only the latest seed event breaks, as an implausible date would
    suite["expectations"].append({"type": "expect_column_values_to_be_between",
                                  "kwargs": {"column": "start_date", "max_value": str(latest - timedelta(days=1))}})
    (strict / "fct_events.json").write_text(json.dumps(suite))

    run = run_pipeline(data_dir, ROOT / "sources" / "sources.yml", ACCORDS_EXPECTATIONS_DIR=str(strict),
                       ACCORDS_MAX_QUARANTINE_RATE="0.25")

    assert run.returncode == 0, run.stderr[-3000:]
    assert "warning: marts/fct_events gx_fct_events (reason: 1 of 5 rows quarantined)" in run.stderr
    assert "1 rows of marts/fct_events quarantined by gx_fct_events" in run.stderr
    published, live = _marts(data_dir / "published" / "warehouse.duckdb"), _marts(data_dir / "warehouse.duckdb")
    event_id = bad[0][0]
    for table in ("fct_events", "fct_event_mentions", "bridge_event_cities", "bridge_event_countries"):
        assert {row for row in live[table] if event_id not in row} == set(published[table])
        assert len(published[table]) < len(live[table])
    assert published["dim_documents"] == live["dim_documents"]
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        held = connection.execute("select event_id, failed_expectation from quarantine.fct_events").fetchall()
    assert held == [(event_id, "expect_column_values_to_be_between(start_date)")]

    # more than the allowed share of bad rows blocks publication: the copy above stays
    before = _marts(data_dir / "published" / "warehouse.duckdb")
    blocked = run_pipeline(data_dir, ROOT / "sources" / "sources.yml", ACCORDS_EXPECTATIONS_DIR=str(strict))
    assert blocked.returncode != 0
    assert "check failed: marts/fct_events gx_fct_events (reason: 1 of 5 rows failed (20.0% > " in blocked.stderr
    assert _marts(data_dir / "published" / "warehouse.duckdb") == before
