"""Outcomes in Chinese: how many agreements an event produced and which amounts are its deals, by construction
(签约项目N个, N项, N份协议, 约N份, 20余项, enumerations closed by 等; running totals, earlier editions, targets,
purchase intentions, sales, presented projects, exchange-rate asides, myriad units, restatements, parts)."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.money import find_money
from orchestration.extract.roles.context import Context
from orchestration.extract.roles.outcomes import agreement_count_row, money_rows
from orchestration.extract.text import split_sentences

LANG = "zh"


def counts(text: str) -> list[tuple[int, str, str]]:
    return [(c.value, c.kind, c.qualifier) for c in find_agreement_counts(text, LANG) if c.signed and not c.running]


def deals(text: str) -> list[tuple[float, str, str]]:
    return [(m.amount, m.currency, m.qualifier) for m in find_money(text, LANG) if m.is_deal and m.restates is None]


def outcome(text: str, title: str = "") -> tuple[int | None, list[tuple[float, str, str, bool]]]:
    page = f"{title}\n{text}" if title else text
    ctx = Context(page, LANG, len(title), tuple(split_sentences(page)), frozenset(), frozenset())
    row = agreement_count_row(ctx, "doc", "doc:1")
    found = [(r["amount"], r["currency"], r["qualifier"], r["part_of_total"]) for r in money_rows(ctx, "doc", "doc:1")
             if r["is_deal"] and not r["restates_extraction_id"]]
    return (row["count_value"] if row else None), found


# ------------------------------------------------------------------------------------------------ counts

@pytest.mark.parametrize("text, expected", [
    ("开幕式上集中签约项目57个。", (57, "projects", "exact")),
    ("双方签署合作协议26份。", (26, "agreements", "exact")),
    ("论坛期间共签订合同19项。", (19, "contracts", "exact")),
    ("两地企业签约项目20余项。", (20, "projects", "over")),
    ("活动中签署各类协议约40份。", (40, "agreements", "about")),
    ("现场签约45项。", (45, "deals", "exact")),
    ("共有35个项目在开幕式上集中签约。", (35, "projects", "exact")),
    ("双方签署了18项涵盖贸易、投资、物流等领域的合作协议。", (18, "agreements", "exact")),
    ("会上签署8份缔结友好城市关系协议书。", (8, "sister_city", "exact")),
    # the amount of the same documents between the count and their noun
    ("双方签订了14份、总金额7.5亿美元的采购合同。", (14, "contracts", "exact")),
])
def test_counts_of_signed_documents(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text", [
    "吸引了来自40个国家和地区的800家企业参展。",
    "本届博览会共推介重点项目300个。",
    "两国友好城市累计签约项目1200个。",
    "上届博览会签约项目95个。",
    "明年计划签约项目100个。",
    "该展会创办以来共签约项目2000余个。",
])
def test_what_is_not_the_events_count(text):
    assert counts(text) == []


def test_a_running_total_of_the_events_own_days_is_its_count():
    assert counts("本届博览会期间累计签约项目320个。") == [(320, "projects", "exact")]


def test_only_the_signed_figure_of_a_run_on_sentence():
    n, _ = outcome("本届洽谈会共对接项目900余项，现场签约项目66个。")
    assert n == 66


def test_coordinated_counts_of_one_kind_are_added():
    assert outcome("会上签署友好城市协议3份、友好省州协议2份。")[0] == 5


# ------------------------------------------------------------------------------------------------- money

@pytest.mark.parametrize("text, expected", [
    ("签约总金额达1360亿元。", (1.36e11, "CNY", "exact")),
    ("签约金额约达520亿元人民币。", (5.2e10, "CNY", "about")),
    ("合同金额逾3.5亿美元。", (3.5e8, "USD", "over")),
    ("签约额共计2000多万元。", (2e7, "CNY", "over")),
    ("签署的协议总额为1.2万亿元。", (1.2e12, "CNY", "exact")),
])
def test_amounts_of_deals_in_full_units(text, expected):
    assert deals(text) == [expected]


@pytest.mark.parametrize("text, reason", [
    ("丝路沿线城市累计签订合同总额4500亿元。", "cumulative"),
    ("该展会已成功举办六届，签约总额3000亿元。", "cumulative"),
    ("上届博览会签约金额为690亿元。", "previous_edition"),
    ("采购商的意向采购金额达3.6亿元。", "procurement"),
    ("展会期间现场销售额达1.2亿元。", "sales"),
    ("预计本届展会签约金额将达到800亿元。", "forecast"),
    ("本次推介会发布招商项目150个，投资总额约900亿元。", "presented"),
    ("签约金额较上届增长额达120亿元。", "change"),
])
def test_amounts_that_are_not_the_events_deals(text, reason):
    found = find_money(text, LANG)
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, reason)]


def test_a_running_total_of_the_events_days_is_a_deal():
    assert deals("本届博览会期间累计签约金额达860亿元。") == [(8.6e10, "CNY", "exact")]


def test_an_exchange_rate_aside_is_no_deal():
    found = find_money("签约金额达12亿美元（1美元约合7.1元人民币）。", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(1.2e9, True), (1, False), (7.1, False)]


def test_a_range_is_its_lower_bound():
    assert deals("签约金额达40-50亿元。") == [(4e9, "CNY", "over")]


def test_a_restatement_in_dollars_is_the_same_deal():
    found = find_money("签约总额为710亿元人民币（约合100亿美元）。", LANG)
    assert [(m.is_deal, m.restates) for m in found] == [(True, None), (True, 0)]


def test_project_book_and_signed_projects_in_one_sentence():
    n, found = outcome("本届展会共筛选230个项目编入项目册，投资额约3000亿元，并从中选出60个项目在大会上集中签约，"
                       "金额约800亿元。")
    assert n == 60
    assert found == [(8e10, "CNY", "about", False)]


def test_deals_of_the_event_with_a_part_and_a_cumulative_figure():
    n, found = outcome("本届博览会签约项目88个，签约金额达450亿元。其中，外资项目签约金额120亿元。"
                       "博览会创办以来累计签约金额超过5000亿元。")
    assert n == 88
    assert found == [(4.5e10, "CNY", "exact", False), (1.2e10, "CNY", "exact", True)]


def test_a_classifier_that_is_itself_a_noun_counts_no_agreements():
    assert counts("两市缔结友好城市关系已有20年。") == []
    assert counts("省内外300家企业签署了合作意向。") == []


def test_a_word_of_the_previous_edition_qualifies_the_first_figure_after_it():
    found = find_money("本届共签约项目150个，总金额2300亿元，比上届增长15%，上届签约金额为2000亿元。", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(2.3e11, True), (2e11, False)]


def test_a_list_of_documents_closed_by_deng_and_a_vague_batch():
    assert counts("双方共签署各类合作协议、备忘录和意向书等50余份。") == [(50, "memoranda", "over")]
    assert counts("一批重点项目现场签约。") == []


def test_the_planned_investment_of_signed_projects_is_their_value():
    assert deals("签约项目32个，预计总投资150亿元。") == [(1.5e10, "CNY", "exact")]


# ------------------------------------------------------------------------------------------------ 第二轮

def test_counts_of_other_years_in_one_sentence_are_not_added():
    text = "本次会议签署协议80份。2019年会议签署协议40份、2021年签署协议55份。"
    assert outcome(text)[0] == 80


def test_a_part_of_a_total_that_is_no_deal_is_no_deal_either():
    text = "展会对外贸易额9亿元,其中出口订单额3亿元,进口订单额5亿元。"
    assert outcome(text)[1] == []


def test_trade_transactions_of_a_fair_are_not_deals():
    assert deals("本届交易会出口成交额达40亿美元。") == []
    assert deals("展会期间国内贸易成交额12亿元。") == []


def test_a_numeral_in_characters_with_a_decimal_part():
    assert deals("本届博览会签约项目总投资三十六点四亿美元。") == [(3.64e9, "USD", "exact")]


def test_a_figure_of_another_edition_named_by_its_ordinal():
    text = "第七届港口交易会闭幕,共签署协议45份。第六届签署协议60份,签约金额30亿元。"
    assert outcome(text) == (45, [])


def test_a_document_signed_without_a_number_is_one_unless_a_word_makes_it_several():
    # Chinese nouns do not show the plural: a document noun signed with no number is one, different nouns are more
    assert outcome("两市市长签署了友好合作协议。")[0] == 1
    assert outcome("两市签署了缔结友好城市关系协议书和旅游合作备忘录。")[0] == 2
    assert outcome("两市签署了一系列合作协议。")[0] is None
    # a vague number of them: how many is not said
    assert outcome("洽谈会上,两国企业签署了数十项协议与合同。")[0] is None
    # a word of plurality away from the document noun qualifies something else
    assert outcome("两市在经贸、文化等多个领域达成共识，市长签署了友好城市协议书。")[0] == 1
    assert outcome("两市签署了友好城市协议书等文件。")[0] is None
    # agreements "in the fields of trade, culture and others" are several
    assert outcome("两地企业签署了经贸、文化等领域合作协议。")[0] is None
    # the agreement of a sum is no document, nor is one to be signed next year
    assert outcome("洽谈会协议投资额达到35亿元,签约项目金额同比增长。")[0] is None
    assert outcome("双方计划将于明年签署合作协议。")[0] is None


def test_two_titled_documents_of_one_kind_signed_one_by_one_are_two():
    text = ("两市副市长签署《甲乙两市港口合作备忘录》。两地商会代表共同签署《南北地区商会交流合作备忘录》。"
            "《甲乙两市港口合作备忘录》约定双方每年互访。")
    assert outcome(text)[0] == 2
    assert outcome("两市副市长签署了合作备忘录。备忘录约定双方每年互访。")[0] == 1


def test_a_document_the_sentence_says_was_not_signed_is_none():
    assert outcome("受天气影响，两市今年的交流会未签署合作备忘录。")[0] is None
    assert outcome("两市市长签署了合作备忘录。")[0] == 1


def test_documents_signed_with_several_sides_one_by_one_are_not_one():
    # 分别与…: one memorandum with each side, how many not said
    assert outcome("签约仪式上,外国友城代表分别与长春市和经开区签署合作备忘录。")[0] is None
    assert outcome("签约仪式上,两市市长签署合作备忘录。")[0] == 1


def test_documents_listed_one_by_one_under_their_titles_are_counted_though_each_side_signs_one():
    # 分别 says each side signed its own document; the titles say how many
    text = "开幕式上,市政府分别与甲物流公司签订《物流园区合作协议》、与乙能源集团签订《新能源项目投资协议书》。"
    assert outcome(text)[0] == 2
    assert outcome("开幕式上,市政府分别与三家企业签订合作协议。")[0] is None
