"""Amounts that mark a milestone, a fair's on-site sales, and firms whose names open with a town:
sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, amount", [
    (" date 2019-06-10 商談会が閉幕\n大連で開かれた国際商談会は9日閉幕し、契約額は2兆350億円で、初めて2兆円の大台を超えた。",
     2_035_000_000_000),
    (" date 2019-06-10 投资洽谈会闭幕\n在昆明举办的国际投资洽谈会9日闭幕，签约总额1120亿元，首次突破千亿元大关。", 112_000_000_000),
    (" date 2019-06-10 Fair closes\nDeals worth $1.2 billion were signed at the trade fair in Dubai, which closed on "
     "Sunday and passed the $1 billion mark for the first time.", 1_200_000_000),
    (" date 2019-06-10 Ярмарка закрылась\nНа ярмарке в Казани, которая закрылась в воскресенье, подписаны контракты на "
     "1,2 млрд рублей: впервые преодолена отметка в 1 млрд рублей.", 1_200_000_000),
])
def test_the_round_figure_a_total_passed_is_a_mark_not_a_deal(page, amount):
    assert [deal[0] for deal in summarise(page).deals] == [amount]


@pytest.mark.parametrize("page, amounts", [
    (" date 2019-06-10 博览会闭幕\n在昆明举办的博览会9日闭幕，签约项目总额达300亿元；现场总交易额5.2亿元，其中现金交易额1.1亿元。",
     [30_000_000_000]),
    (" date 2019-06-10 商談会が閉幕\n大連で開かれた商談会は9日閉幕した。商談会では50億ドル相当の貿易プロジェクト契約が調印された。", []),
])
def test_a_fairs_on_site_sales_and_its_trade_contracts_are_no_deals(page, amounts):
    assert [deal[0] for deal in summarise(page).deals] == amounts


def test_a_town_that_opens_a_firms_name_holding_the_character_for_and_is_no_partner():
    s = summarise(" date 2019-06-10 博览会开幕\n第三届中俄博览会9日在大连开幕。其中，沈阳信和实业有限公司与俄罗斯一家农业集团签订了"
                  "大豆供应合同。")
    assert s.host == "Dalian" and s.partners == set()
    joined = summarise(" date 2019-06-10 博览会开幕\n第三届中俄博览会9日在大连开幕，沈阳和长春的企业签订了大豆供应合同。")
    assert joined.partners == {"Shenyang", "Changchun"}  # 和 between two towns is "and"
