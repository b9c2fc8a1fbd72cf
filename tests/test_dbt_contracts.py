"""Every mart is an enforced dbt contract that holds at least the columns of the public contract."""
from __future__ import annotations

import yaml

from orchestration.publish import MART_TABLES
from orchestration.settings import DBT_PROJECT_DIR

# the public contract's columns (../shared/CONTRACT.md); the project may add columns, never drop these
CONTRACT_COLUMNS = {
    "dim_documents": "document_id source_name uri title language published_date fetched_at content_sha256 is_relevant "
                     "processing_status processing_reason extractor_version",
    "dim_cities": "city_id name_en country_code admin1_name latitude longitude population",
    "fct_events": "event_id event_name event_type start_date end_date start_year start_month start_day end_year "
                  "end_month end_day year_inferred host_city_id host_country_code agreements_count document_count",
    "fct_event_mentions": "event_id document_id evidence evidence_start evidence_end extractor_version",
    "bridge_event_cities": "event_id city_id role",
    "bridge_event_countries": "event_id country_code role",
    "fct_deals": "deal_id event_id document_id amount currency qualifier deal_status recommended_for_aggregates "
                 "amount_usd amount_cny fx_rate_date evidence",
}


def _model(name: str) -> dict:
    (path,) = (DBT_PROJECT_DIR / "models").rglob(f"{name}.yml")
    (model,) = [m for m in yaml.safe_load(path.read_text())["models"] if m["name"] == name]
    return model


def test_every_mart_enforces_a_contract_with_typed_columns():
    for table in MART_TABLES:
        model = _model(table)
        assert model.get("config", {}).get("contract", {}).get("enforced") is True, table
        untyped = [c["name"] for c in model["columns"] if not c.get("data_type")]
        assert not untyped, (table, untyped)


def test_the_contracts_hold_the_public_columns():
    for table, columns in CONTRACT_COLUMNS.items():
        declared = [c["name"] for c in _model(table)["columns"]]
        assert set(columns.split()) <= set(declared), (table, set(columns.split()) - set(declared))


def test_marts_read_intermediate_models_not_raw_staging():
    # one model owns each rule (host, dates, processing status): no mart re-derives one from the extractions or
    # the documents; reference dimensions (cities, countries) may read their reference table, as jaffle-shop's do
    for table in MART_TABLES:
        sql = (DBT_PROJECT_DIR / "models" / "marts" / f"{table}.sql").read_text()
        assert "ref('stg_raw__" not in sql and "source(" not in sql, table
        assert "ref('fct_" not in sql and "ref('bridge_" not in sql and "ref('dim_" not in sql, table


def test_unit_test_names_fit_a_postgresql_identifier():
    # dbt names a unit test's relation after it; PostgreSQL refuses identifiers over 63 bytes
    names = [test["name"] for path in (DBT_PROJECT_DIR / "models").rglob("*.yml")
             for test in (yaml.safe_load(path.read_text()) or {}).get("unit_tests", [])]
    assert names and [n for n in names if len(n.encode()) > 63] == []
