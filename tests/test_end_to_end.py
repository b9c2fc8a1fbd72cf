"""The whole flow on the bundled seeds, asserted against the seeds' gold labels (tests/fixtures/gold/seeds)."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import FIXTURES

GOLD = {p.stem: json.loads(p.read_text()) for p in sorted((FIXTURES / "gold" / "seeds").glob("*.json"))}
CONTRACT_TABLES = {
    "marts": ["dim_documents", "dim_cities", "fct_events", "fct_event_mentions", "bridge_event_cities",
              "bridge_event_countries", "fct_deals"],
    "ops": ["fetch_log"],
}


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in name if not unicodedata.combining(c)).lower())


@pytest.fixture(scope="module")
def warehouse(seeds_run):
    data_dir = seeds_run[0]
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def _event_of(warehouse, stem: str) -> dict:
    rows = warehouse.execute(
        """select e.* from marts.fct_events e join marts.fct_event_mentions m using (event_id)
           join marts.dim_documents d using (document_id) where d.uri like ?""", [f"%/{stem}.txt"]).df()
    assert len(rows) == 1, f"{stem}: expected one event, got {len(rows)}"
    return rows.iloc[0].to_dict()


def test_every_contract_table_exists_and_facts_are_not_empty(warehouse):
    for schema, tables in CONTRACT_TABLES.items():
        for table in tables:
            count = warehouse.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
            assert count > 0, f"{schema}.{table} is empty although the seeds have facts"


def test_documents_are_kept_with_their_metadata(warehouse):
    documents = warehouse.execute("select * from marts.dim_documents order by uri").df()
    assert len(documents) == len(GOLD)
    for _, row in documents.iterrows():
        gold = GOLD[Path(row["uri"].removeprefix("file://")).stem]
        assert row["uri"].startswith("file:///")
        assert row["language"] == gold["language"]
        assert row["is_relevant"] == gold["relevant"]
        expected = gold["published_date"]
        got = None if row["published_date"] is None or str(row["published_date"]) == "NaT" else str(row["published_date"])[:10]
        assert got == expected, f"{row['uri']}: published {got} != {expected}"
        assert len(row["content_sha256"]) == 64
    titles = dict(zip(documents["uri"].str.extract(r"/(\d{3})_")[0], documents["title"]))
    # the headline, not a line of the "latest news" block above it
    assert titles["003"] == "10-й Форум городов-побратимов и Конференция по промышленному сотрудничеству-2021 завершены"
    assert titles["002"] == "魯港科学技術革新協力交流会が上海協力機構モデル区で開催"
    assert pd.isna(titles["001"]) and pd.isna(titles["004"])  # these pages print no headline


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_event_matches_gold(warehouse, stem):
    gold = GOLD[stem]["events"][0]
    event = _event_of(warehouse, stem)
    no_year = gold.get("year_known_from_text") is False
    for which in ("start", "end"):
        expected = gold[f"{which}_date"]
        got = event[f"{which}_date"]
        got = None if got is None or str(got) == "NaT" else str(got)[:10]
        if expected and no_year:
            assert (event[f"{which}_month"], event[f"{which}_day"]) == (int(expected[5:7]), int(expected[8:10]))
            assert got in (None, expected)
        else:
            assert got == expected, f"{stem}: {which} {got} != {expected}"

    cities = warehouse.execute(
        """select c.name_en, c.country_code, b.role from marts.bridge_event_cities b join marts.dim_cities c using (city_id)
           where b.event_id = ?""", [event["event_id"]]).fetchall()
    hosts = {(_norm(n), cc) for n, cc, role in cities if role == "host"}
    accepted = [gold["host_city"]] + gold.get("host_city_alternatives", [])
    assert len(hosts) == 1 and hosts & {(_norm(c["name_en"]), c["country"]) for c in accepted}, f"{stem}: hosts {hosts}"
    partners = {(_norm(n), cc) for n, cc, role in cities if role == "partner"}
    assert partners == {(_norm(c["name_en"]), c["country"]) for c in gold["partner_cities"]}, f"{stem}: partners {partners}"

    countries = {row[0] for row in warehouse.execute(
        "select country_code from marts.bridge_event_countries where event_id = ?", [event["event_id"]]).fetchall()}
    assert countries == set(gold["countries"]), f"{stem}: countries {countries}"
    agreements = None if pd.isna(event["agreements_count"]) else int(event["agreements_count"])
    assert agreements == gold["agreements_count"], f"{stem}: agreements {agreements}"

    deals = warehouse.execute("select amount, currency, qualifier from marts.fct_deals where event_id = ?",
                              [event["event_id"]]).fetchall()
    expected_deals = [d for d in gold["deals"] if not d.get("same_as_previous")]
    assert len(deals) == len(expected_deals), f"{stem}: deals {deals}"
    for deal in expected_deals:
        assert any(c == deal["currency"] and abs(a - deal["amount"]) <= 0.01 * deal["amount"] and q == deal["qualifier"]
                   for a, c, q in deals), f"{stem}: missing {deal}"


def test_deals_are_converted_at_ecb_rates(warehouse):
    rows = warehouse.execute("select amount, currency, amount_usd, amount_cny, fx_rate_date from marts.fct_deals").fetchall()
    for amount, currency, usd, cny, rate_date in rows:
        if rate_date is not None:
            assert usd is not None and cny is not None and usd > 0
            if currency == "CNY":
                assert abs(cny - amount) < 1e-6 * amount


def test_fetch_log_records_every_file_of_every_run(seeds_run, warehouse):
    runs = warehouse.execute("select run_id, count(*), count(document_id) from ops.fetch_log group by run_id").fetchall()
    assert len(runs) == 2
    assert all(total == len(GOLD) and with_document == len(GOLD) for _, total, with_document in runs)
    statuses = dict(warehouse.execute("select status, count(*) from ops.fetch_log group by status").fetchall())
    assert statuses == {"fetched": len(GOLD), "not_modified": len(GOLD)}


def test_a_second_run_changes_no_id_and_no_row(seeds_run):
    _, first, second, _ = seeds_run
    assert first == second


def test_a_second_run_with_nothing_new_builds_checks_and_publishes_nothing(seeds_run):
    first, second = seeds_run[3]
    assert "Running dbt command" in first.stderr
    assert "nothing to build: the models' inputs are those of build" in second.stderr
    assert "Running dbt command" not in second.stderr and "emitted no result" not in second.stderr
    # what the second run fetched is in ops.fetch_log all the same: test_fetch_log_records_every_file_of_every_run


def test_a_run_parses_the_dbt_project_at_most_once(seeds_run):
    for run in seeds_run[3]:
        assert run.stderr.count("preparing the dbt manifest (dbt parse)") <= 1
    # the second run found the manifest up to date
    assert "preparing the dbt manifest" not in seeds_run[3][1].stderr


def test_published_copy_equals_the_live_marts(seeds_run):
    data_dir = seeds_run[0]
    published = data_dir / "published" / "warehouse.duckdb"
    with duckdb.connect(str(published), read_only=True) as pub, \
            duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as live:
        for table in CONTRACT_TABLES["marts"]:
            assert sorted(pub.execute(f"select * from marts.{table}").fetchall(), key=repr) == \
                sorted(live.execute(f"select * from marts.{table}").fetchall(), key=repr)
            assert (data_dir / "published" / "parquet" / f"{table}.parquet").exists()


def test_dbt_docs_generate_with_exposures(seeds_run, tmp_path):
    import json
    import os
    import shutil
    import subprocess
    import sys

    from orchestration.settings import DBT_PROJECT_DIR

    # a copy: the module's read-only connection to the live warehouse would block dbt's writer
    data_dir = tmp_path / "data"
    shutil.copytree(seeds_run[0], data_dir)
    dbt = Path(sys.executable).with_name("dbt")
    env = dict(os.environ, ACCORDS_DATA_DIR=str(data_dir))
    done = subprocess.run([str(dbt), "docs", "generate", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir",
                           str(DBT_PROJECT_DIR), "--target-path", str(tmp_path / "target")], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:]
    catalog = json.loads((tmp_path / "target" / "catalog.json").read_text())
    assert "model.accords.fct_deals" in catalog["nodes"]
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    assert "exposure.accords.published_marts" in manifest["exposures"]

