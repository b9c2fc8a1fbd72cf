"""A small published warehouse written for the report tests: the contract's columns, events of our own."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

HOSTILE_NAME = 'Forum "</script><script>document.title=\'owned\'</script>" & <b>friends</b>'

SCHEMA = """
create schema marts;
create table marts.dim_documents (document_id varchar, source_name varchar, uri varchar, title varchar, language varchar,
    published_date date, fetched_at timestamp, content_sha256 varchar, is_relevant boolean, processing_status varchar,
    processing_reason varchar, extractor_version varchar);
create table marts.dim_cities (city_id bigint, name_en varchar, country_code varchar, admin1_name varchar,
    latitude double, longitude double, population bigint);
create table marts.dim_countries (country_code varchar, alpha3 varchar, name_en varchar, region varchar);
create table marts.fct_events (event_id varchar, event_name varchar, event_type varchar, start_date date, end_date date,
    start_year integer, start_month integer, start_day integer, end_year integer, end_month integer, end_day integer,
    year_inferred boolean, host_city_id bigint, host_country_code varchar, agreements_count integer, document_count integer);
create table marts.fct_event_mentions (event_id varchar, document_id varchar, evidence varchar, evidence_start integer,
    evidence_end integer, extractor_version varchar);
create table marts.bridge_event_cities (event_id varchar, city_id bigint, role varchar);
create table marts.bridge_event_countries (event_id varchar, country_code varchar, role varchar);
create table marts.fct_deals (deal_id varchar, event_id varchar, document_id varchar, amount double, currency varchar,
    qualifier varchar, deal_status varchar, recommended_for_aggregates boolean, amount_usd double, amount_cny double,
    fx_rate_date date, fx_missing_reason varchar, evidence varchar);
"""

CITIES = [  # GeoNames ids and coordinates of real cities
    (1816670, "Beijing", "CN", 39.9075, 116.39723), (524901, "Moscow", "RU", 55.75222, 37.61556),
    (1850147, "Tokyo", "JP", 35.6895, 139.69171), (625144, "Minsk", "BY", 53.9, 27.56667),
    (1526384, "Almaty", "KZ", 43.25, 76.91667), (1796236, "Shanghai", "CN", 31.22222, 121.45806),
]
COUNTRIES = [("CN", "CHN", "China", "Asia"), ("RU", "RUS", "Russian Federation", "Europe"), ("JP", "JPN", "Japan", "Asia"),
             ("BY", "BLR", "Belarus", "Europe"), ("KZ", "KAZ", "Kazakhstan", "Asia")]
# event id, name, type, start (y, m, d), end (y, m, d), host city, host country, agreements, partner cities
EVENTS = [
    ("e1", "Science Week of Two Capitals", "conference", (2024, 5, 14), (2024, 5, 16), 1816670, "CN", 12, [524901, 625144]),
    ("e2", "Expo of Northern Trade", "expo", (2024, 5, 2), (2024, 5, 2), 524901, "RU", None, [1816670]),
    ("e3", HOSTILE_NAME, "forum", (None, 11, 6), (None, 11, 7), 1850147, "JP", 3, [1796236]),
    ("e4", "Video bridge on river ports", "video_conference", (2023, 9, None), (None, None, None), 1526384, "KZ", None, [1816670, 524901]),
]
# deal id, event, amount, currency, usd, reason, recommended
DEALS = [
    ("d1", "e1", 500_000_000.0, "CNY", 69_000_000.0, None, True),
    ("d2", "e2", 3_000_000_000.0, "RUB", None, "no_ecb_rate_on_date", True),
    ("d3", "e1", 100_000_000.0, "CNY", 13_800_000.0, None, False),
    ("d4", "e4", 40_000_000_000.0, "KZT", None, "currency_not_quoted_by_ecb", True),
]


def write_published(directory: Path) -> tuple[Path, Path]:
    """published/warehouse.duckdb with the events above, and a live warehouse with ops and quarantine tables."""
    published = directory / "published" / "warehouse.duckdb"
    published.parent.mkdir(parents=True)
    with duckdb.connect(str(published)) as connection:
        connection.execute(SCHEMA)
        connection.executemany("insert into marts.dim_cities values (?, ?, ?, null, ?, ?, null)", CITIES)
        connection.executemany("insert into marts.dim_countries values (?, ?, ?, ?)", COUNTRIES)
        for number, (event_id, name, kind, start, end, host, country, agreements, partners) in enumerate(EVENTS):
            start_date = date(*start) if None not in start else None
            end_date = date(*end) if None not in end else None
            connection.execute("insert into marts.fct_events values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                               [event_id, name, kind, start_date, end_date, *start, *end, False, host, country, agreements])
            document = f"doc{number}"
            connection.execute("insert into marts.dim_documents values (?, 'tests', ?, ?, 'en', ?, ?, 'x', true, 'ok', null, 'v1')",
                               [document, f"https://news.example.org/{number}.html", f"Report {number} on {name}",
                                date(2024, 6, 1), datetime(2024, 6, 2, 8, 0)])
            connection.execute("insert into marts.fct_event_mentions values (?, ?, ?, 0, 10, 'v1')",
                               [event_id, document, f"Evidence sentence {number} about {name}."])
            connection.execute("insert into marts.bridge_event_cities values (?, ?, 'host')", [event_id, host])
            connection.execute("insert into marts.bridge_event_countries values (?, ?, 'host')", [event_id, country])
            for city in partners:
                connection.execute("insert into marts.bridge_event_cities values (?, ?, 'partner')", [event_id, city])
                code = next(c[2] for c in CITIES if c[0] == city)
                if code != country:
                    connection.execute("insert into marts.bridge_event_countries values (?, ?, 'partner')", [event_id, code])
        connection.execute("""insert into marts.dim_documents values ('broken', 'tests', 'https://news.example.org/broken.html',
            null, null, null, '2024-06-02 08:00', 'y', false, 'parse_failed', 'not an article', 'v1')""")
        for deal_id, event_id, amount, currency, usd, reason, recommended in DEALS:
            connection.execute("insert into marts.fct_deals values (?, ?, 'doc0', ?, ?, 'exact', 'signed', ?, ?, null, ?, ?, ?)",
                               [deal_id, event_id, amount, currency, recommended, usd,
                                date(2024, 5, 14) if usd else None, reason, f"Deal {deal_id} was signed."])
    live = directory / "warehouse.duckdb"
    with duckdb.connect(str(live)) as connection:
        connection.execute("""
            create schema ops;
            create table ops.fetch_log (source_name varchar, url varchar, final_url varchar, run_id varchar,
                attempted_at timestamp, status varchar, reason varchar, http_status integer, attempts integer, document_id varchar);
            insert into ops.fetch_log values
                ('news', 'https://news.example.org/0.html', null, 'r1', '2024-06-02 08:00', 'fetched', null, 200, 1, 'doc0'),
                ('news', 'https://news.example.org/gone.html', null, 'r1', '2024-06-02 08:00', 'failed', 'http_404', 404, 1, null),
                ('news', 'https://news.example.org/slow.html', null, 'r1', '2024-06-02 08:01', 'failed', 'timeout', null, 3, null);
            create schema quarantine;
            create table quarantine.fct_deals (deal_id varchar, amount double, failed_expectation varchar);
            insert into quarantine.fct_deals values ('bad1', -5, 'expect_column_values_to_be_between(amount)');
            create table quarantine.fct_events (event_id varchar, failed_expectation varchar);
        """)
    return published, live
