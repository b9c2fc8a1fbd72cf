"""The report, the validation pages and the dbt docs, built from data of our own (no pipeline run)."""
from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from html import unescape

import numpy as np
import pandas as pd
import pytest
from markupsafe import escape

from orchestration.report.basemap import base_layers
from orchestration.report.build import build_report
from orchestration.report.data import CheckResult, date_label, load_report_data
from orchestration.report.validation_docs import markdown_summary, write_validation_docs
from orchestration.settings import Settings
from orchestration.validation import load_suite, validate_table
from tests.report_fixtures import EVENTS, HOSTILE_NAME, write_published

NOW = datetime(2024, 6, 3, 9, 30, tzinfo=timezone.utc)
# anything the page could load by itself: src/href/url(...) to a host, @import, srcset
LOADS_FROM_HOST = re.compile(r"""(?:\bsrc\s*=|\bsrcset\s*=|@import|url\()\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("report-data")
    write_published(data_dir)
    return data_dir


@pytest.fixture(scope="module")
def report_html(published):
    settings = Settings(sources_file=published / "sources.yml", data_dir=published)
    checks = [CheckResult("marts/fct_deals", "gx_fct_deals", True, detail="0 failing rows", link="../validation/fct_deals.html"),
              CheckResult("marts/fct_events", "unique_fct_events_event_id", True),
              CheckResult("raw/fetch_log", "fetch_failure_rate", False, severity="WARN", detail="failure rate: 0.67")]
    page = build_report(settings, checks=checks, run_id="run-1234", now=NOW)
    assert page == published / "published" / "report" / "index.html"
    return page.read_text(encoding="utf-8")


def test_partial_dates_read_as_people_write_them():
    assert date_label((2024, 8, 22), (2024, 8, 23)) == "22–23 Aug 2024"
    assert date_label((2024, 8, 22), (2024, 8, 22)) == "22 Aug 2024"
    assert date_label((None, 11, 6), (None, 11, 7)) == "6–7 Nov (year unknown)"
    assert date_label((2023, 11, 30), (2023, 12, 2)) == "30 Nov – 2 Dec 2023"
    assert date_label((2023, 12, 30), (2024, 1, 2)) == "30 Dec 2023 – 2 Jan 2024"
    assert date_label((2024, 3, None), (None, None, None)) == "Mar 2024"
    assert date_label((2024, 3, 25), (None, None, None), year_inferred=True) == "25 Mar 2024 (year from the publication date)"
    assert date_label((None, None, None), (None, None, None)) == ""


def test_base_map_rings_are_closed_and_wound_for_vega():
    layers = base_layers()
    land = layers["land"]["features"][0]["geometry"]["coordinates"]
    assert len(land) > 200 and layers["borders"]["features"][0]["geometry"]["coordinates"]
    for polygon in land + layers["lakes"]["features"][0]["geometry"]["coordinates"]:
        ring = np.asarray(polygon[0])
        assert (ring[0] == ring[-1]).all() and len(ring) >= 4
        x, y = ring[:, 0], ring[:, 1]
        assert np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]) < 0  # clockwise: Vega fills the inside, not the rest of the globe
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for polygon in land for lon, lat in polygon[0])


def test_report_names_every_event_and_escapes_them(report_html):
    text = unescape(re.sub(r"<[^>]+>", " ", report_html.split("<script", 1)[0]))
    for event in EVENTS:
        assert event[1] in text
    assert "</script><script>document.title" not in report_html.split('<script type="application/json"', 1)[0]
    assert str(escape(HOSTILE_NAME)) in report_html


def test_report_loads_nothing_from_another_host(report_html):
    assert not LOADS_FROM_HOST.search(report_html)
    assert "Content-Security-Policy" in report_html and "default-src 'none'" in report_html
    assert "<link" not in report_html  # no stylesheet, font or icon by reference


def test_report_inlines_a_spec_per_chart_with_the_base_map(report_html):
    specs = dict(re.findall(r'<script type="application/json" id="spec-([a-z_]+)">(.*?)</script>', report_html, re.DOTALL))
    assert set(specs) == {"map", "events_by_type", "events_by_country", "deals", "unconverted", "countries"}
    parsed = {name: json.loads(text) for name, text in specs.items()}
    assert {"basemap_land", "basemap_lakes", "basemap_borders"} <= set(parsed["map"]["datasets"])
    cities = next(layer for layer in parsed["map"]["layer"] if layer["mark"]["type"] == "circle")["data"]["values"]
    assert {c["city"] for c in cities} == {"Beijing", "Moscow", "Tokyo", "Minsk", "Almaty", "Shanghai"}
    assert {c["city"] for c in cities if c["role"] in ("host", "host and partner")} == {"Beijing", "Moscow", "Tokyo", "Almaty"}
    for name, spec in parsed.items():
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/"), name  # an identifier, never fetched


def test_deals_count_only_recommended_and_say_why_not_converted(published, report_html):
    data = load_report_data(published / "published" / "warehouse.duckdb", published / "warehouse.duckdb", now=NOW)
    assert set(data.deals["deal_id"]) == {"d1", "d2", "d4"}  # d3 is a part of a total
    assert data.totals["usd"] == pytest.approx(69_000_000.0) and data.totals["unconverted"] == 2
    assert "2 of 3 deals (67%) have no USD amount" in report_html
    assert "currency not quoted by the ECB" in report_html and "no ECB rate within five days" in report_html


def test_data_quality_lists_checks_fetch_failures_quarantine_and_failed_documents(report_html):
    quality = report_html.split('id="quality"', 1)[1]
    assert "gx_fct_deals" in quality and "fetch_failure_rate" in quality and "warning" in quality
    assert "http_404" in quality and "timeout" in quality
    assert "quarantine.fct_deals" in quality and "expect_column_values_to_be_between(amount)" in quality
    assert "broken.html" in quality and "not an article" in quality
    assert "run-1234" in quality and "2024-06-03 09:30 UTC" in quality
    assert 'href="../validation/index.html"' in report_html and 'href="../dbt-docs/index.html"' in report_html


def test_events_link_their_sources_with_the_evidence(report_html):
    events = report_html.split('id="events-table"', 1)[1].split("</table>", 1)[0]
    assert events.count("<tr id=\"event-") == len(EVENTS)
    assert 'href="https://news.example.org/0.html"' in events and "Evidence sentence 0 about" in events
    assert "6–7 Nov (year unknown)" in events


def test_an_empty_warehouse_still_gives_a_report(tmp_path):
    import duckdb

    from tests.report_fixtures import SCHEMA

    (tmp_path / "published").mkdir()
    with duckdb.connect(str(tmp_path / "published" / "warehouse.duckdb")) as connection:
        connection.execute(SCHEMA)
    page = build_report(Settings(sources_file=tmp_path / "s.yml", data_dir=tmp_path), checks=[], now=NOW)
    html = page.read_text(encoding="utf-8")
    assert "Nothing to draw yet" in html and "Events <small>(0)</small>" in html
    assert "The live warehouse was not found" in html


def _deals(**overrides) -> pd.DataFrame:
    row = {"deal_id": "d1", "amount": 670_000_000.0, "currency": "CNY", "qualifier": "exact", "deal_status": "signed",
           "amount_usd": 93_000_000.0, "amount_cny": 670_000_000.0, "fx_rate_date": date(2024, 8, 22)}
    return pd.DataFrame([row, dict(row, **overrides, deal_id="d2")])


PARAMETERS = {"iso4217_codes": sorted(["CNY", "USD", "JPY", "RUB", "EUR", "KZT", "GBP", "HKD", "INR", "KRW", "BYN"]),
              "latest_plausible_date": "2027-06-01", "latest_plausible_year": 2027}


def test_markdown_summary_names_expectation_observed_value_and_failing_rows():
    outcome = validate_table(load_suite("fct_deals", PARAMETERS), _deals(amount=-5.0))
    summary = markdown_summary(outcome, key="deal_id")
    assert "❌ failed" in summary and "6 of 7 expectations met" in summary
    assert "| ❌ | amount values must be greater than 0. | 50% unexpected |" in summary
    assert "| d2 | -5.0 |" in summary  # the failing row by its key, with the value that failed
    assert "… (11 values)" in summary  # a long value set is shortened
    passing = markdown_summary(validate_table(load_suite("fct_deals", PARAMETERS), _deals().iloc[[0]]), key="deal_id")
    assert "✅ passed" in passing and "Failing examples" not in passing


def test_validation_pages_render_offline_with_the_failures(tmp_path):
    outcome = validate_table(load_suite("fct_deals", PARAMETERS), _deals(currency="YUAN"))
    page = write_validation_docs(outcome, tmp_path / "validation", "0123456789abcdef", NOW)
    html = page.read_text(encoding="utf-8")
    assert "YUAN" in html and "Failed" in html and "FAILED" in html
    assert not LOADS_FROM_HOST.search(html) and "<link" not in html and "<script" not in html
    assert "expectations/fct_deals.html" not in html  # GX's link to a Data Docs site that is not there
    copy = (tmp_path / "validation" / "runs" / "0123456789abcdef" / "fct_deals.html").read_text(encoding="utf-8")
    assert 'href="../../index.html"' in copy and 'href="../../../report/index.html"' in copy
    index = (tmp_path / "validation" / "index.html").read_text(encoding="utf-8")
    assert 'href="fct_deals.html"' in index and "FAILED" in index
    summary = json.loads((tmp_path / "validation" / "fct_deals.json").read_text())
    assert summary["success"] is False and summary["failing_rows"] == 1
