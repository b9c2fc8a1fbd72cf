"""What taking part in an event cost (a stand, a delegation's travel) is no deal, in the four languages."""
from __future__ import annotations

import pytest

from orchestration.extract.money import find_money


@pytest.mark.parametrize("text, lang", [
    ("Участие в выставке обошлось области в двенадцать миллионов рублей.", "ru"),
    ("The delegation spent $50,000 on travel to the fair.", "en"),
    ("展位费用约为50万元。", "zh"),
    ("出展費用は500万円だった。", "ja"),
])
def test_a_cost_is_no_deal(text, lang):
    found = find_money(text, lang)
    assert len(found) == 1 and not found[0].is_deal and found[0].not_deal_reason == "cost"


@pytest.mark.parametrize("text, lang", [
    ("На выставке подписаны соглашения на 10 млрд рублей.", "ru"),
    ("Firms signed deals worth $2 billion at the fair.", "en"),
    ("签约项目总金额50亿元。", "zh"),
])
def test_deals_stay_deals(text, lang):
    assert [m.is_deal for m in find_money(text, lang)] == [True]
