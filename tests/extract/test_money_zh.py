"""Money in Chinese: 万/亿 units, 元/美元/人民币, qualifiers, 约合 restatements, 其中 parts, thresholds."""
from __future__ import annotations

from functools import partial

import pytest

from tests.extract.mentions import money_mentions, one_money

LANG = "zh"


money = partial(money_mentions, lang=LANG)
one = partial(one_money, lang=LANG)


@pytest.mark.parametrize("text, amount, currency", [
    ("签约金额达820亿元。", 82e9, "CNY"),
    ("协议金额达3.75亿元人民币。", 375e6, "CNY"),
    ("签约金额达人民币58亿元。", 5.8e9, "CNY"),
    ("合同金额为2.6亿美元。", 260e6, "USD"),
    ("合同金额为4500万欧元。", 45e6, "EUR"),
    ("合同金额为1,200万元。", 12e6, "CNY"),
    ("合同金额为十亿元。", 1e9, "CNY"),
    ("合同金额为300亿日元。", 3e10, "JPY"),
    ("签约金额达5亿泰铢。", 5e8, "THB"),  # the name of pycountry's Chinese catalogue
    ("合同金额为3000万坚戈。", 3e7, "KZT"),
    ("签约总额1万亿元。", 1e12, "CNY"),
    ("总投资额达人民币4260 亿元。", 4.26e11, "CNY"),  # a space some outlets set between the digits and the unit
])
def test_amounts_and_currencies(text, amount, currency):
    m = one(text)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert m.is_deal


@pytest.mark.parametrize("text, qualifier", [
    ("现场签约金额约52亿元。", "about"),
    ("现场签约金额超过52亿元。", "over"),
    ("现场签约金额逾52亿元。", "over"),
    ("现场签约金额52亿元以上。", "over"),
    ("现场签约金额50多亿元。", "over"),
    ("现场签约金额近52亿元。", "under"),
    ("现场签约金额52亿元左右。", "about"),
    ("现场签约金额达52亿元。", "exact"),
    # "more than" after the largest unit, before the currency
    ("现场签约金额5亿多元。", "over"),
    ("合同金额达2亿余美元。", "over"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_restatement_with_yuehe():
    found = money("本届论坛共签约项目41个，总投资额逾960亿元人民币（约合135亿美元）。")
    assert [(m.amount, m.currency) for m in found] == [(96e9, "CNY"), (13.5e9, "USD")]
    assert found[1].restates == 0
    assert found[0].qualifier == "over" and found[1].qualifier == "about"


def test_part_of_total_with_qizhong():
    text = "博览会签约项目总金额达450亿元。其中，外资项目合同金额28亿美元，占签约总额的43%。"
    found = money(text)
    assert [m.part_of_total for m in found] == [False, True]
    assert found[1].is_deal


def test_the_parts_of_a_total_that_is_no_deal_are_none_in_the_next_sentence_either():
    # a larger part after a smaller one is still a part, not the total of those before it
    text = "展会上，两省企业共签订贸易协议2亿多美元。其中机电产品6000万美元，建材产品4000万美元，食品7000万美元。"
    found = money(text)
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, "trade_turnover")] * 4
    # the parts of a signed total stay deals, parts of it
    found = money("展会上，两省企业共签约投资项目20亿元。其中工业项目12亿元，农业项目8亿元。")
    assert [(m.is_deal, m.part_of_total) for m in found] == [(True, False), (True, True), (True, True)]


def test_size_threshold_is_not_a_deal():
    found = money("本次签约的5亿元以上项目共19个，总金额达310亿元。")
    assert not found[0].is_deal and found[0].not_deal_reason == "threshold"
    assert found[1].is_deal and found[1].amount == 31e9


def test_the_bound_a_project_must_reach_and_an_average_are_not_deals():
    found = money("入选项目须达到外资项目投资额在500万美元以上、内资项目投资额在5000万元以上的标准,共签约项目60个,总投资300亿元。")
    assert [(m.amount, m.is_deal) for m in found] == [(5e6, False), (5e7, False), (3e10, True)]
    found = money("签约项目平均单个投资额3亿元。")
    assert [(m.amount, m.is_deal) for m in found] == [(3e8, False)]


def test_size_classes_are_not_deals():
    # the bounds of a range, and a threshold a count of projects follows, size classes of the signed projects
    found = money("签约的40个项目中，投资30亿元以上的有4个，3亿元至30亿元的项目有21个，总金额达520亿元。")
    assert [(m.amount, m.is_deal) for m in found] == [(3e9, False), (3e8, False), (3e9, False), (52e9, True)]
    assert {m.not_deal_reason for m in found[:3]} == {"threshold"}


def test_a_floor_every_project_clears_and_a_class_counted_after_it_are_not_deals():
    found = money("洽谈会签约项目28个，总投资450亿元，项目投资额均超过5亿元，其中50亿元以上的也有3个。")
    assert [(m.amount, m.is_deal) for m in found] == [(45e9, True), (5e8, False), (5e9, False)]
    assert {m.not_deal_reason for m in found[1:]} == {"threshold"}
    found = money("签约项目中，投资额超20亿元项目达6个，总投资310亿元。")
    assert [(m.amount, m.is_deal) for m in found] == [(2e9, False), (31e9, True)]


def test_two_separate_signings_are_two_deals():
    text = "科技合作论坛签订项目合作协议15项、金额420亿元。在21日举行的农产品专场活动中，现场签约金额约19亿元。"
    found = money(text)
    assert [(m.amount, m.is_deal, m.restates) for m in found] == [(42e9, True, None), (1.9e9, True, None)]


def test_statuses():
    assert one("意向签约金额达到360亿元。").deal_status == "intended"
    assert one("预计全年签约金额将达到800亿元。").deal_status == "expected"
    assert one("现场签约金额达到360亿元。").deal_status == "signed"


@pytest.mark.parametrize("text, reason", [
    ("上届博览会签约金额为690亿元。", "previous_edition"),
    ("代表团向当地学校捐款50万元。", "donation"),
    # a total "as of" the end of a month is a running total, not the event's
    ("截至今年9月底，该区共签约外资项目85个，合同金额42亿美元。", "cumulative"),
    # what was signed over recent years is no deal of the event; "the most in recent years" still is one
    ("近年来，两市已签约合作项目30个，共计120亿元人民币。", "cumulative"),
    ("今年前三季度双方贸易额达到1200亿美元。", "period_statistic"),
    ("今年以来，该市已签署合作协议15份，总金额3亿元。", "period_statistic"),
    # an average of the deals, and a class of projects by size, are none of them
    ("签约项目平均投资额12亿元，高于上届。", "generic"),
    ("签约项目中，10亿至30亿元项目14个。", "threshold"),
    # a signing in the clause before does not make the projects presented after it signed ones
    ("会上集中签署了一批合作协议，征集推介项目860个，投资总额900亿元。", "presented"),
    ("两国贸易额达到1200亿美元。", "trade_turnover"),
    ("当日人民币对美元汇率中间价报7.12元。", "exchange_rate"),
    ("冠军将获得奖金5万美元。", "prize"),
    ("该市地区生产总值突破2万亿元。", "gdp"),
    # the capital a new company or fund holds is no deal
    ("双方合资成立新公司,注册资本8000万元。", "capital"),
    # the investment a regulator has approved for a province's firms abroad is a tally of the stock, no deal
    ("目前该省企业在哈萨克斯坦共投资项目12个,核准中方投资额为1.5亿美元。", "statistic"),
    # buyers' purchase orders, even with the 订单 of a deal's words right before the amount
    ("展会期间,各地采购商达成进口商品采购意向订单约8亿元。", "procurement"),
])
def test_amounts_that_are_not_deals(text, reason):
    m = one(text)
    assert not m.is_deal and m.not_deal_reason == reason


@pytest.mark.parametrize("text", [
    "更新时间: 浏览次数: 1520",
    "2023-10-15 09:20 来源:新华网",
    "共有来自30多个国家和地区的1200家企业参展，展品17500件，比上届增长27%。",
    "联系电话：010-6512-3456",
])
def test_no_money_in_furniture_and_counts(text):
    assert money(text) == []


def test_a_comparison_with_the_previous_edition_keeps_the_deal():
    m = one("签约总额较上届增长20%，达500亿元。")
    assert m.is_deal and m.amount == 5e10


def test_vague_hundred_with_near():
    m = one("现场签约金额近百亿元。")
    assert m.amount == 1e10 and m.qualifier == "under"


@pytest.mark.parametrize("text, reason", [
    ("三个专业展会展销总成交额8.4亿元。", "sales"),
    ("其中订货合同5.2亿元。", "procurement"),
    ("双方企业签订外贸合同金额3亿美元。", "trade_turnover"),
    ("三天里，两省企业共签订贸易协议2亿多美元。", "trade_turnover"),
    ("展会期间签订进出口合同6000万美元。", "trade_turnover"),
])
def test_sales_orders_and_trade_contracts_are_not_deals(text, reason):
    m = one(text)
    assert not m.is_deal and m.not_deal_reason == reason


def test_signed_matchmaking_projects_are_signed_not_presented():
    found = money("洽谈会上签约经贸对接项目共80个，其中外资项目30个，总投资12亿美元，内资项目50个，总投资260亿元。")
    assert [(m.amount, m.currency, m.is_deal) for m in found] == [(1.2e9, "USD", True), (2.6e10, "CNY", True)]
    presented = one("会上推介经贸对接项目50个，总投资300亿元。")
    assert not presented.is_deal and presented.not_deal_reason == "presented"


def test_announced_signed_projects_are_signed_not_presented():
    # the projects the committee announces are the signed ones; those announced for matchmaking are not
    signed = one("据组委会统计，本届交易会发布的签约项目共58个，金额42.6亿元。")
    assert signed.is_deal
    listed = one("据组委会统计，本届交易会发布招商项目共90个，金额88亿元。")
    assert not listed.is_deal and listed.not_deal_reason == "presented"
