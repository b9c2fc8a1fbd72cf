"""The report as a person sees it: opened in headless Chromium, offline, with the map, charts and table drawn.

Chromium is Debian's `chromium` (.ci/run installs it where missing); without it these tests skip, saying so.
Every request the page makes is recorded over the DevTools protocol: none may leave the machine.
"""
from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import pytest

from orchestration.report.build import build_report
from orchestration.report.data import CheckResult
from orchestration.report.headless import find_chromium, visit
from orchestration.settings import Settings
from tests.report_fixtures import CITIES, EVENTS, HOSTILE_NAME, write_published

# what a person does on the page: size the circles by USD, type in the events filter
INTERACTIONS = {
    "size_by_usd": """(async () => {
        const radio = document.querySelector('#chart-map input[type=radio][value=USD]');
        radio.click();
        await new Promise(resolve => setTimeout(resolve, 400));
        return document.querySelectorAll('#chart-map .mark-symbol.role-mark path').length;
    })()""",
    "filter_moscow": """(() => {
        const box = document.getElementById('events-filter');
        box.value = 'Moscow';
        box.dispatchEvent(new Event('input'));
        return [...document.querySelectorAll('#events-table tbody tr')].filter(row => !row.hidden).length;
    })()""",
}
CHARTS = {"chart-map", "chart-events_by_type", "chart-events_by_country", "chart-deals", "chart-unconverted", "chart-countries"}

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium is not installed (Debian: apt-get install chromium; .ci/run does it)")


def _assert_drawn_offline(seen) -> None:
    assert seen.facts["rendered"] == "done", seen.facts
    assert seen.console_errors == []
    assert seen.remote_requests == [], seen.remote_requests
    assert seen.requests and all(url.startswith(("file:", "data:", "blob:")) for url in seen.requests)
    for chart in seen.facts["charts"]:
        assert chart["state"] == "drawn" and chart["svgs"] >= 1 and chart["marks"] > 0, chart
        assert chart["width"] > 200 and chart["height"] > 80, chart


def test_a_report_of_our_own_events_draws_everything_and_runs_no_injected_script(tmp_path):
    write_published(tmp_path)
    checks = [CheckResult("marts/fct_deals", "gx_fct_deals", True)]
    page = build_report(Settings(sources_file=tmp_path / "s.yml", data_dir=tmp_path), checks=checks,
                        now=datetime(2024, 6, 3, tzinfo=timezone.utc))
    seen = visit(page, screenshot=True, interactions=INTERACTIONS)
    _assert_drawn_offline(seen)
    assert seen.facts["interactions"]["size_by_usd"] == len(CITIES)  # redrawn, sized by USD, nothing lost
    assert seen.facts["interactions"]["filter_moscow"] == sum(  # the events Moscow hosts or joins
        1 for e in EVENTS if 524901 in (e[5], *e[8]))
    assert {c["id"] for c in seen.facts["charts"]} == CHARTS
    assert seen.facts["title"].startswith("Accords report")  # the hostile name set no title
    assert seen.facts["map"]["shapes"] >= 3  # land, lakes, borders
    assert seen.facts["map"]["cities"] == len(CITIES)
    assert seen.facts["map"]["links"] == sum(len(e[8]) for e in EVENTS)
    assert set(seen.facts["map"]["labels"]) == {"Beijing", "Moscow", "Tokyo", "Almaty"}  # the host cities
    assert seen.facts["event_rows"] == len(EVENTS)
    assert set(seen.facts["event_names"]) == {e[1] for e in EVENTS} and HOSTILE_NAME in seen.facts["event_names"]
    assert seen.screenshot and seen.screenshot[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_seeds_report_names_every_event_and_maps_every_host_city(seeds_run):
    data_dir = seeds_run[0]
    published = data_dir / "published"
    with duckdb.connect(str(published / "warehouse.duckdb"), read_only=True) as connection:
        names = {row[0] for row in connection.execute("select event_name from marts.fct_events").fetchall()}
        hosts = {row[0] for row in connection.execute(
            """select distinct c.name_en from marts.bridge_event_cities b join marts.dim_cities c using (city_id)
               where b.role = 'host' and c.latitude is not null""").fetchall()}
        cities = connection.execute(
            """select count(distinct city_id) from marts.bridge_event_cities join marts.dim_cities using (city_id)
               where latitude is not null""").fetchone()[0]
    seen = visit(published / "report" / "index.html")
    _assert_drawn_offline(seen)
    assert names and set(seen.facts["event_names"]) == names
    assert hosts and hosts <= set(seen.facts["map"]["labels"])
    assert seen.facts["map"]["cities"] == cities
    assert {"../validation/index.html", "../dbt-docs/index.html"} <= set(seen.facts["links"])


def test_the_seeds_validation_pages_open_offline(seeds_run):
    validation = seeds_run[0] / "published" / "validation"
    for page in (validation / "index.html", validation / "fct_deals.html", validation / "fct_events.html"):
        seen = visit(page)
        assert seen.console_errors == [] and seen.remote_requests == [], page
        assert seen.facts["text_length"] > 200
