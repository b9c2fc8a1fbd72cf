"""A headline that tallies the event's outcome without a verb of signing. Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    " date 2024-07-12 Kazan forum results: 45 cooperation agreements\nThe Russia-China investment forum closed in "
    "Kazan on July 10. Delegations from Harbin took part.",
    " date 2024-07-12 Kazan forum ends with 45 agreements\nThe Russia-China investment forum closed in Kazan on July "
    "10. Delegations from Harbin took part.",
    " date 2024-07-12 Итоги форума в Казани: 45 соглашений\nРоссийско-китайский инвестиционный форум завершился в "
    "Казани 10 июля. В нем приняли участие делегации Харбина.",
    " date 2024-07-12 喀山论坛成果丰硕:45项合作协议\n中俄投资论坛10日在喀山闭幕,哈尔滨代表团参加。",
    " date 2024-07-12 カザンのフォーラム閉幕 協定45件\n中露投資フォーラムが10日、カザン市で閉幕した。ハルビン市の代表団が参加した。",
])
def test_a_headline_tally_of_agreements_is_the_events_count(page):
    assert summarise(page).agreements == 45


@pytest.mark.parametrize("page", [
    # the body counts what was signed: the headline's figure is not preferred over it
    " date 2024-07-12 Kazan forum: 45 agreements\nThe Russia-China investment forum closed in Kazan on July 10, "
    "where 52 agreements were signed.",
    # a headline plan is no tally
    " date 2024-07-12 Kazan forum to sign 45 agreements\nThe Russia-China investment forum opens in Kazan on July 16.",
])
def test_a_headline_figure_gives_way_to_the_body_and_to_a_plan(page):
    assert summarise(page).agreements in (52, None)
    assert summarise(page).agreements != 45


def test_a_headline_tally_of_talks_held_is_no_count_of_agreements():
    page = (" date 2024-07-12 個別商談1850件 物産交易会が閉幕\n県産品の物産交易会が10日、那覇市で閉幕した。海外から"
            "バイヤー200社が参加した。")
    assert summarise(page).agreements is None
