"""ACCORDS_WAREHOUSE_URL=postgresql://…: the seeds through `make run` on a real PostgreSQL server, compared row for
row with the DuckDB warehouse built from the same hand-off; and the PostgreSQL parts on their own (the COPY load,
the GX suites through a SQL datasource, quarantine, the schema swap)."""
from __future__ import annotations

import datetime
import shutil
import uuid

import duckdb
import psycopg
import pytest

from orchestration.postgres.connection import BUILD_SCHEMA, parse_warehouse_url
from orchestration.publish import MART_TABLES
from tests.conftest import ROOT, run_pipeline
from tests.postgres_server import create_database

OPS_TABLES = ("event_id_map",)


def _rows(connection, query: str) -> list[tuple]:
    return sorted(connection.execute(query).fetchall(), key=repr)


def _columns_duckdb(connection, schema: str, table: str) -> list[str]:
    return [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ? "
        "order by ordinal_position", [schema, table]).fetchall()]


def _columns_postgres(connection, schema: str, table: str) -> list[str]:
    return [name for (name,) in connection.execute(
        "select column_name from information_schema.columns where table_schema = %s and table_name = %s "
        "order by ordinal_position", [schema, table]).fetchall()]


@pytest.fixture(scope="module")
def postgres_run(seeds_run, postgres_base_url, tmp_path_factory):
    """`make run` with ACCORDS_WAREHOUSE_URL on a copy of the DuckDB seeds run's data directory (so both warehouses
    are built from the very same hand-off, fetch times included), twice: (data dir, url, first snapshot, runs)."""
    data_dir = tmp_path_factory.mktemp("postgres-data") / "data"
    shutil.copytree(seeds_run[0], data_dir, symlinks=True)
    url = create_database(postgres_base_url, f"accords_{uuid.uuid4().hex[:8]}")
    sources = ROOT / "sources" / "sources.yml"
    first = run_pipeline(data_dir, sources, ACCORDS_WAREHOUSE_URL=url)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-6000:]
    with psycopg.connect(url) as connection:
        first_snapshot = {t: _rows(connection, f"select * from marts.{t}") for t in MART_TABLES}
    second = run_pipeline(data_dir, sources, ACCORDS_WAREHOUSE_URL=url)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-6000:]
    return data_dir, url, first_snapshot, (first, second)


def test_every_mart_equals_duckdb_row_for_row(seeds_run, postgres_run):
    duckdb_dir, (_, url, _, _) = seeds_run[0], postgres_run
    with duckdb.connect(str(duckdb_dir / "warehouse.duckdb"), read_only=True) as duck, psycopg.connect(url) as pg:
        for schema, tables in (("marts", MART_TABLES), ("ops", OPS_TABLES)):
            for table in tables:
                columns = _columns_duckdb(duck, schema, table)
                assert columns == _columns_postgres(pg, schema, table), f"{schema}.{table}: columns differ"
                listed = ", ".join(f'"{c}"' for c in columns)
                # no normalisation: same types (DATE, TIMESTAMP, BIGINT, DOUBLE, …) and the same values
                duckdb_rows = _rows(duck, f"select {listed} from {schema}.{table}")
                assert duckdb_rows == _rows(pg, f"select {listed} from {schema}.{table}"), f"{schema}.{table} differs"
        # every report keeps the event id DuckDB gave it
        assert _rows(duck, "select event_ref, event_id from ops.event_id_assignments") == \
            _rows(pg, "select event_ref, event_id from ops.event_id_assignments")


def test_the_seeds_fill_every_fact_table(postgres_run):
    snapshot = postgres_run[2]
    for table in ("dim_documents", "dim_cities", "fct_events", "fct_event_mentions", "bridge_event_cities",
                  "bridge_event_countries", "fct_deals", "dim_dates"):
        assert snapshot[table], f"marts.{table} is empty"


def test_a_second_run_changes_nothing_and_publishes_by_renaming_the_checked_schema(postgres_run):
    _, url, first, runs = postgres_run
    with psycopg.connect(url) as connection:
        # ids carried forward by ops.event_id_assignments (incremental) on PostgreSQL too
        assert {t: _rows(connection, f"select * from marts.{t}") for t in MART_TABLES} == first
        schemas = {name for (name,) in connection.execute("select nspname from pg_namespace").fetchall()}
        # the build schema was renamed into place, the one it replaced dropped
        assert "marts" in schemas and BUILD_SCHEMA not in schemas and "marts_retired" not in schemas
        # dbt's descriptions reached PostgreSQL as comments (persist_docs), for BI tools
        comment = connection.execute("select obj_description('marts.fct_events'::regclass)").fetchone()[0]
        assert comment and "event" in comment
    assert "loaded into PostgreSQL" in runs[0].stderr  # the hand-off went in through COPY before dbt ran
    # nothing new on the second run: the checked and published build stands, nothing is built or loaded again
    assert "nothing to build" in runs[1].stderr and "loaded into PostgreSQL" not in runs[1].stderr


def test_the_published_copy_and_report_come_from_postgres(postgres_run):
    data_dir, url, _, _ = postgres_run
    published = data_dir / "published" / "warehouse.duckdb"
    with duckdb.connect(str(published), read_only=True) as copy, psycopg.connect(url) as pg:
        for table in MART_TABLES:
            columns = ", ".join(f'"{c}"' for c in _columns_postgres(pg, "marts", table))
            assert _rows(copy, f"select {columns} from marts.{table}") == _rows(pg, f"select {columns} from marts.{table}")
    report = (data_dir / "published" / "report" / "index.html").read_text(encoding="utf-8")
    # its fetch-log and quarantine panels read ops.fetch_log and quarantine.* from PostgreSQL
    assert "live warehouse was not found" not in report and "could not be read" not in report
    assert not (data_dir / ".report-operations.duckdb").exists()


def test_the_dbt_marts_carry_row_counts_and_column_schemas_read_on_postgres(postgres_run):
    import dagster as dg
    from dagster._core.instance.ref import InstanceRef

    data_dir, url, _, _ = postgres_run
    with dg.DagsterInstance.from_ref(InstanceRef.from_dir(str(data_dir / "dagster"))) as instance, \
            psycopg.connect(url) as pg:
        for table in MART_TABLES:
            metadata = instance.get_latest_materialization_event(
                dg.AssetKey(["marts", table])).asset_materialization.metadata
            assert metadata["dagster/storage_kind"].value == "postgres", table  # counted by dagster-dbt
            # read where dbt built the marts, before publishing renamed the schema; the seeds quarantine nothing
            assert metadata["dagster/row_count"].value == \
                pg.execute(f"select count(*) from marts.{table}").fetchone()[0], table
            assert [c.name for c in metadata["dagster/column_schema"].value.columns] == \
                _columns_postgres(pg, "marts", table), table


# --- the PostgreSQL parts on their own --------------------------------------------------------------------------

@pytest.fixture
def database(postgres_base_url):
    return parse_warehouse_url(create_database(postgres_base_url, f"unit_{uuid.uuid4().hex[:8]}"))


def test_the_handoff_is_copied_with_its_types_nulls_and_empty_strings(tmp_path, database):
    from orchestration.postgres.load import load_handoff

    (tmp_path / "raw").mkdir()
    with duckdb.connect() as connection:
        connection.execute(f"""copy (select * from (values
            ('a', '', 1::bigint, 2.5::double, date '2024-05-06', timestamptz '2024-05-06 07:08:09+00', true, 'line one
line "two", three'),
            ('b', null, null, null, null, null, null, null)) as t(document_id, title, byte_size, score, published_date,
            fetched_at, is_relevant, text)) to '{tmp_path / "raw" / "documents.parquet"}' (format parquet)""")
    loaded = {(t.schema, t.table): t.rows for t in load_handoff(tmp_path, database)}
    assert loaded == {("raw", "documents"): 2}
    with database.connect() as connection:
        types = dict(connection.execute("select column_name, data_type from information_schema.columns "
                                        "where table_schema = 'raw' and table_name = 'documents'").fetchall())
        rows = connection.execute("select * from raw.documents order by document_id").fetchall()
    assert types["byte_size"] == "bigint" and types["score"] == "double precision"
    assert types["fetched_at"] == "timestamp with time zone" and types["published_date"] == "date"
    assert rows[0][:5] == ("a", "", 1, 2.5, datetime.date(2024, 5, 6))  # '' stays '', not null
    assert rows[0][5] == datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
    assert rows[0][6:] == (True, 'line one\nline "two", three')
    assert rows[1] == ("b",) + (None,) * 7
    # unchanged files are not copied again
    assert {(t.schema, t.table): t.rows for t in load_handoff(tmp_path, database)} == {("raw", "documents"): None}


def _build_events(connection, rows: list[tuple]) -> None:
    """A build schema as dbt leaves it, reduced to what the fct_events suite reads and a table referring to it."""
    schema = BUILD_SCHEMA
    connection.execute(f"create schema {schema}")
    connection.execute("create schema if not exists marts")
    connection.execute(f"""create table {schema}.fct_events (event_id varchar, start_date date, end_date date,
        start_year integer, end_year integer, start_month integer, end_month integer, start_day integer,
        end_day integer)""")
    connection.execute(f"create table {schema}.fct_event_mentions (event_id varchar, document_id varchar)")
    connection.execute(f"create table {schema}.dim_documents (document_id varchar, fetched_at timestamp)")
    connection.execute(f"insert into {schema}.dim_documents values ('d1', timestamp '2024-06-01 00:00')")
    with connection.cursor() as cursor:
        cursor.executemany(f"insert into {schema}.fct_events values (%s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
        cursor.executemany(f"insert into {schema}.fct_event_mentions values (%s, 'd1')", [(r[0],) for r in rows])


def test_gx_suites_run_in_postgres_and_quarantine_failing_rows_with_what_refers_to_them(database):
    from orchestration.postgres.publish import swap_in_checked_build
    from orchestration.postgres.validation import run_suite, write_quarantine
    from orchestration.validation import judge

    good = [(f"e{i}", datetime.date(2024, 5, 1), datetime.date(2024, 5, 2), 2024, 2024, 5, 5, 1, 2) for i in range(30)]
    ends_before_start = ("bad", datetime.date(2024, 5, 3), datetime.date(2024, 5, 1), 2024, 2024, 5, 5, 3, 1)
    with database.connect() as connection:
        _build_events(connection, good + [ends_before_start])
        connection.execute("create table marts.fct_events as select 'old' as event_id")  # the previous publish

    outcome = run_suite("fct_events", database)
    assert not outcome.success and outcome.row_count == 31
    failed = [o for o in outcome.outcomes if not o.success]
    assert [(o.expectation, o.failing_keys, o.row_level) for o in failed] == [
        ("expect_column_pair_values_a_to_be_greater_than_b", ["bad"], True)]
    assert failed[0].examples and failed[0].examples[0]["event_id"] == "bad"
    verdict = judge(outcome, max_rate=0.05)
    assert verdict.publishable and "1 of 31 rows quarantined" in verdict.reason
    assert write_quarantine(outcome, database) == 1
    with database.connect() as connection:
        assert connection.execute("select event_id, quarantined_by, failed_expectation from quarantine.fct_events"
                                  ).fetchall() == [("bad", "fct_events", "expect_column_pair_values_a_to_be_greater_than_b(end_date/start_date)")]
        assert connection.execute("select event_id, failed_expectation from quarantine.fct_event_mentions").fetchall() == [
            ("bad", "refers to a quarantined fct_events row")]
    # checking the same build again replaces the suite's rows instead of adding to them
    assert write_quarantine(run_suite("fct_events", database), database) == 1

    swap_in_checked_build(database, ("fct_events", "fct_event_mentions", "dim_documents"))
    with database.connect() as connection:
        published = {e for (e,) in connection.execute("select event_id from marts.fct_events").fetchall()}
        assert published == {row[0] for row in good}  # the old publish replaced, the quarantined row left out
        assert connection.execute("select count(*) from marts.fct_event_mentions where event_id = 'bad'").fetchone()[0] == 0
        assert connection.execute("select to_regnamespace(%s)", [BUILD_SCHEMA]).fetchone()[0] is None
    with pytest.raises(RuntimeError, match="no schema"):  # a build is published once
        swap_in_checked_build(database, ("fct_events",))


def test_too_many_failing_rows_on_postgres_block_publication(database):
    from orchestration.postgres.validation import run_suite
    from orchestration.validation import judge

    too_many = [(f"e{i}", datetime.date(2024, 5, 3), datetime.date(2024, 5, 1), 2024, 2024, 5, 5, 3, 1) for i in range(5)]
    with database.connect() as connection:
        _build_events(connection, too_many + [("ok", None, None, None, None, None, None, None, None)])
    verdict = judge(run_suite("fct_events", database), max_rate=0.05)
    assert not verdict.publishable and "5 of 6 rows failed" in verdict.reason


def test_a_malformed_warehouse_url_is_refused_before_anything_runs():
    from orchestration.settings import load_settings

    for url, message in (("mysql://u@h/db", "postgresql://"), ("postgresql://h:5432/db", "user"),
                         ("postgresql://u@h:5432/", "database"), ("postgresql://u@h:port/db", "port")):
        with pytest.raises(ValueError, match=message):
            load_settings({"ACCORDS_WAREHOUSE_URL": url})
    warehouse = load_settings({"ACCORDS_WAREHOUSE_URL": "postgresql://me:s%40cret@db.example:6543/acc"}).postgres
    assert (warehouse.user, warehouse.password, warehouse.host, warehouse.port, warehouse.database) == \
        ("me", "s@cret", "db.example", 6543, "acc")
    assert "s@cret" not in repr(warehouse)
    assert load_settings({}).postgres is None
