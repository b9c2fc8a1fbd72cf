"""Money in Japanese: kanji myriad units, 元/ドル/円, qualifiers, X元(約Y円), thresholds, parts of a total."""
from __future__ import annotations

from functools import partial

import pytest

from tests.extract.mentions import money_mentions, one_money

LANG = "ja"


money = partial(money_mentions, lang=LANG)
one = partial(one_money, lang=LANG)


@pytest.mark.parametrize("text, amount, currency", [
    ("契約額は2036億8000万元に達した。", 203_680_000_000, "CNY"),
    ("契約額は5億6200万ドルに達した。", 562_000_000, "USD"),
    ("契約額は3兆1000億円に達した。", 3.1e12, "JPY"),
    ("契約額は5億ナミビア・ドルに達した。", 5e8, "NAD"),  # the name of pycountry's Japanese catalogue
    ("契約額は8500万ユーロに達した。", 85_000_000, "EUR"),
    ("契約額は45億人民元に達した。", 4.5e9, "CNY"),
    ("契約額は120億韓国ウォンに達した。", 12e9, "KRW"),
    ("契約額は9億米ドルに達した。", 9e8, "USD"),
    ("契約額は6.5億元に達した。", 6.5e8, "CNY"),
])
def test_amounts_and_currencies(text, amount, currency):
    m = one(text)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert m.is_deal


@pytest.mark.parametrize("text, qualifier", [
    ("見本市で結ばれた投資案件の契約総額は約480億元だった。", "about"),
    ("見本市で結ばれた投資案件の契約総額は480億元を超えた。", "over"),
    ("見本市で結ばれた投資案件の契約総額は480億元以上となった。", "over"),
    ("見本市で結ばれた投資案件の契約総額は480億元余りとなった。", "over"),
    ("見本市で結ばれた投資案件の契約総額は480億元近くとなった。", "under"),
    ("見本市で結ばれた投資案件の契約総額は最大480億元となる見込みだ。", "up_to"),
    ("見本市で結ばれた投資案件の契約総額は480億元だった。", "exact"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_yen_restatement_in_brackets():
    found = money("商談会で結ばれた契約の総額は436億2000万元(約8900億円)となった。")
    assert [(m.amount, m.currency) for m in found] == [(43_620_000_000, "CNY"), (8.9e11, "JPY")]
    assert found[1].restates == 0 and found[1].qualifier == "about" and found[1].is_deal


def test_headline_rounding_with_wo_koeru_is_the_body_total():
    text = ("「国際投資フェア」、500億元を超える契約\n"
            "同フェアで締結された契約の総額は523億4000万元(約1兆700億円)に達した。")
    found = money(text)
    assert [m.amount for m in found] == [5e10, 52_340_000_000, 1.07e12]
    assert found[0].qualifier == "over"
    assert found[1].restates is None and found[0].restates == 1 and found[2].restates == 1


def test_size_threshold_is_not_a_deal():
    text = ("商談会の成約総額は960億元に上った。そのうち、投資規模が3億元(約60億円)以上の案件は21件で、"
            "合計は全体の64.6%を占める620億元(約1兆2400億円)となった。")
    found = money(text)
    by_amount = {m.amount: m for m in found}
    threshold = by_amount[3e8]
    assert not threshold.is_deal and threshold.not_deal_reason == "threshold"
    assert by_amount[6e9].restates == found.index(threshold) and not by_amount[6e9].is_deal
    part = by_amount[6.2e10]
    assert part.is_deal and part.part_of_total and part.restates is None
    assert by_amount[1.24e12].restates == found.index(part)
    assert not by_amount[9.6e10].part_of_total


def test_a_floor_every_project_clears_and_a_class_counted_after_it_are_not_deals():
    text = "商談会では28件の契約が結ばれ、契約額は450億元に上った。契約額はいずれも5億元を超え、50億元以上も3件あった。"
    found = money(text)
    assert [(m.amount, m.is_deal) for m in found] == [(45e9, True), (5e8, False), (5e9, False)]
    assert {m.not_deal_reason for m in found[1:]} == {"threshold"}


def test_export_and_import_parts_of_a_total():
    text = "会期中に3億6000万ドルの商談がまとまった。うち、輸出契約は1億5000万ドル、輸入契約は2億1000万ドルだった。"
    found = money(text)
    assert [(m.amount, m.part_of_total) for m in found] == [(3.6e8, False), (1.5e8, True), (2.1e8, True)]
    assert all(m.is_deal for m in found)


def test_intention_is_a_deal_with_status_intended():
    m = one("企業が投資の意向を表明した案件の契約額は合わせて275億元に上った。")
    assert m.is_deal and m.deal_status == "intended"


def test_forecast_is_expected():
    assert one("契約額は年内に800億円に達する見込みだ。").deal_status == "expected"


@pytest.mark.parametrize("text, reason", [
    ("前回の博覧会では契約額が620億元だった。", "previous_edition"),
    ("両国の貿易額は3000億ドルに達した。", "trade_turnover"),
    ("為替レートは1ドル=148円で推移した。", "exchange_rate"),
    ("優勝者には賞金500万円が贈られる。", "prize"),
    ("同市の域内総生産(GDP)は2兆元を超えた。", "gdp"),
    # the capital a new company or fund holds is no deal
    ("資本金20億円の合弁会社を設立した。", "capital"),
    ("市長は友好都市に義援金500万円を手渡した。", "donation"),
    # a total "as of" a date is a running total, not the event's
    ("今年9月末現在、同県への日本企業の投資総額は80億ドルに上る。", "cumulative"),
    # what was signed over recent years is no deal of the event; "rarely seen in recent years" still is one
    ("近年、両市の企業は総額300億円の契約を結んだ。", "cumulative"),
    # what the year has brought so far is the year's, not the event's
    ("今年に入って、同市の企業は総額300億円の契約を結んだ。", "period_statistic"),
    ("調印された契約の平均契約額は2億円だった。", "generic"),
    # what a firm will put in, and what a city paid to build, are not deals
    ("提携先の企業は新工場に3億元を投入する。", "forecast"),
    ("市は友好提携を記念して5000万円出資して記念館を建設した。", "cost"),
])
def test_amounts_that_are_not_deals(text, reason):
    found = money(text)
    assert found and all(not m.is_deal for m in found)
    assert found[0].not_deal_reason == reason


@pytest.mark.parametrize("text", [
    "総参加者数は2万3500人を超えた。",
    "3100社以上の企業と9800人以上のゲストが参加した。",
    "その割合は全体の64.2%を占める。",
    "2024-05-10 10:15:30 admin ソース:",
    "Powered by SiteCMS 5.1.3 ©2010-2023",
])
def test_no_money_in_counts_percentages_and_furniture(text):
    assert money(text) == []


def test_a_record_or_a_comparison_with_last_year_keeps_the_deal():
    assert one("契約額は過去最高の650億元に達した。").is_deal
    assert one("契約額は昨年を上回る650億元に達した。").is_deal


@pytest.mark.parametrize("text, reason", [
    ("会期中のバイヤーの売買契約額は5億元近くに達した。", "procurement"),
    ("会期中の対外貿易プロジェクト契約額は42億ドルに上った。", "trade_turnover"),
    ("同省の企業は見本市で12億ドルの輸出入契約を結んだ。", "trade_turnover"),
])
def test_purchases_and_trade_contracts_are_not_deals(text, reason):
    found = money(text)
    assert found and not found[0].is_deal and found[0].not_deal_reason == reason
