"""One row per real event across documents and languages; editions and cities stay apart; deals counted once.

The corpus (tests/fixtures/dedup_corpus) is written for this test: the 8th expo reported in Russian and in
English, the 9th edition of the same expo a year later in Chinese, a forum in another city on the same days, and
a forum whose deal is in roubles after the ECB stopped quoting them, and a forum named in quotes by two reports
of which only one names its city.
"""
from __future__ import annotations

import duckdb
import pytest

from tests.conftest import FIXTURES, run_pipeline


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("dedup")
    sources = root / "sources.yml"
    sources.write_text(f"sources:\n  - name: dedup\n    kind: files\n    path: {FIXTURES / 'dedup_corpus'}\n", encoding="utf-8")
    run = run_pipeline(root / "data", sources)
    assert run.returncode == 0, run.stderr[-4000:]
    with duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True) as connection:
        yield connection


def _events(warehouse):
    return warehouse.execute(
        """select e.event_id, e.start_date, e.end_date, c.name_en, e.document_count, e.agreements_count,
                  list(d.uri order by d.uri) as uris
           from marts.fct_events e join marts.dim_cities c on c.city_id = e.host_city_id
           join marts.fct_event_mentions m using (event_id) join marts.dim_documents d using (document_id)
           group by all order by e.start_date, c.name_en""").fetchall()


def test_the_same_expo_in_two_languages_is_one_event_and_editions_and_cities_stay_apart(warehouse):
    events = _events(warehouse)
    assert len(events) == 5
    by_file = {uri.rsplit("/", 1)[-1]: event for event in events for uri in event[6]}
    expo_2023 = by_file["expo_2023_ru.txt"]
    assert by_file["expo_2023_en.txt"] == expo_2023
    assert expo_2023[4] == 2 and expo_2023[3] == "Harbin" and expo_2023[5] == 45
    assert (str(expo_2023[1]), str(expo_2023[2])) == ("2023-05-12", "2023-05-15")
    assert by_file["expo_2024_zh.txt"][0] != expo_2023[0] and by_file["expo_2024_zh.txt"][4] == 1
    assert by_file["forum_2023_ru.txt"][3] == "Shenyang" and by_file["forum_2023_ru.txt"][0] != expo_2023[0]


def test_partners_are_the_union_of_the_reports(warehouse):
    rows = warehouse.execute(
        """select b.country_code from marts.bridge_event_countries b
           join marts.fct_event_mentions m using (event_id) join marts.dim_documents d using (document_id)
           where d.uri like '%expo_2023_en.txt'""").fetchall()
    assert {code for (code,) in rows} == {"CN", "RU", "KZ"}


def test_a_deal_reported_by_two_documents_is_one_deal_and_the_sum_counts_it_once(warehouse):
    deals = warehouse.execute(
        """select f.amount, f.currency, f.amount_usd, f.fx_rate_date from marts.fct_deals f
           join marts.fct_events e using (event_id) where e.start_date = date '2023-05-12'""").fetchall()
    assert [(amount, currency) for amount, currency, _, _ in deals] == [(3_200_000_000.0, "CNY")]
    amount_usd, rate_date = deals[0][2], deals[0][3]
    assert str(rate_date) == "2023-05-12" and 400_000_000 < amount_usd < 500_000_000
    total = warehouse.execute("select sum(amount_usd) from marts.fct_deals where recommended_for_aggregates").fetchone()[0]
    distinct = warehouse.execute("""select sum(usd) from (select distinct event_id, currency, amount, amount_usd as usd
                                    from marts.fct_deals where recommended_for_aggregates)""").fetchone()[0]
    assert total == pytest.approx(distinct)


def test_a_currency_without_an_ecb_rate_gets_null_and_a_reason_never_a_stale_rate(warehouse):
    deal = warehouse.execute(
        "select amount, currency, amount_usd, amount_cny, fx_rate_date, fx_missing_reason from marts.fct_deals "
        "where currency = 'RUB'").fetchall()
    assert deal == [(2_000_000_000.0, "RUB", None, None, None, "no_ecb_rate_on_date")]


def test_reports_naming_one_event_by_its_quoted_name_on_the_same_day_are_one_event(warehouse):
    rows = warehouse.execute(
        """select d.uri, m.event_id from marts.fct_event_mentions m join marts.dim_documents d using (document_id)
           where d.uri like '%forum_quoted_%'""").fetchall()
    assert len(rows) == 2 and rows[0][1] == rows[1][1]
