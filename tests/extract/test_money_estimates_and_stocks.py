"""Amounts that are no deal though a cooperation report states them: shipments, a total over "the period", and a
stock of investment as of a month (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tests.extract.mentions import one_money


@pytest.mark.parametrize("text, lang, reason", [
    ("Объём отгруженной продукции завода превысил 3 млрд рублей.", "ru", "sales"),
    ("Инвестиции в область за отчётный период составили 15 млрд рублей.", "ru", "period_statistic"),
    ("截至2023年6月，韩国企业在山东省实际投资120亿美元。", "zh", "cumulative"),
])
def test_estimates_shipments_and_stocks_are_no_deals(text, lang, reason):
    money = one_money(text, lang=lang)
    assert not money.is_deal and money.not_deal_reason == reason


def test_a_tally_as_of_a_day_of_the_fair_is_still_the_fairs():
    # "as of 3 November, afternoon": a day of the event, not a month's stock
    money = one_money("截至11月3日下午，本届博览会签约金额达58亿美元。", lang="zh")
    assert money.is_deal


def test_signed_agreements_whose_value_is_estimated_are_deals():
    money = one_money("На форуме подписаны соглашения, стоимость которых оценивается в 40 млрд рублей.", lang="ru")
    assert money.is_deal
