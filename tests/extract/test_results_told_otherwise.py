"""Results told by a verb of ending or adding ("завершился 12 соглашениями", "wrapped up with 15 deals"), signings
still ahead ("due for signing", «запланировано подписание»), a standing total beside an opening (目前 …), and an
opening dated after the closing of another event the lead compares it with."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, count", [
    ("Итоги форума\n2021-06-05\nВ Пензе прошёл российско-узбекский деловой форум. Он завершился 14 соглашениями "
     "на общую сумму 2,1 млрд рублей.", 14),
    ("Итоги форума\n2021-06-05\nВ Пензе прошёл российско-узбекский деловой форум. Инвестиционный портфель области "
     "пополнился девятью новыми соглашениями.", 9),
    ("Forum results\nUpdated: 2021-06-05\nA Uzbek-Russian business forum was held in Penza on June 4. The forum "
     "wrapped up with 14 cooperation deals.", 14),
    ("Forum results\nUpdated: 2021-06-05\nA Uzbek-Russian business forum was held in Penza on June 4 and "
     "culminated in 14 partnership agreements.", 14),
])
def test_a_result_told_by_a_verb_of_ending_or_adding(page, count):
    assert summarise(page).agreements == count


@pytest.mark.parametrize("page", [
    "Форум открылся\n2021-06-05\n4 июня в Пензе открылся российско-узбекский деловой форум. На полях форума "
    "запланировано подписание 25 соглашений.",
    "Форум открылся\n2021-06-05\n4 июня в Пензе открылся российско-узбекский деловой форум. К подписанию "
    "подготовлены 25 соглашений.",
    "Forum opens\nUpdated: 2021-06-05\nA Uzbek-Russian business forum opens in Penza on June 5, with some 25 "
    "agreements due for signing.",
    "Forum opens\nUpdated: 2021-06-05\nA Uzbek-Russian business forum opened in Penza on June 4. About 25 "
    "agreements are on the table.",
    "论坛开幕\n2021-06-05\n4日，中乌经贸合作论坛在西安开幕。目前，两国地方间已签署合作协议120余份。",
])
def test_signings_ahead_or_a_standing_total_beside_an_opening_are_no_count(page):
    assert summarise(page).agreements is None


def test_a_forum_that_opens_today_after_another_that_closed_yesterday():
    page = (" date 2024-03-12 The first Ghana-Nordic trade forum opens today in Kumasi, hosted by the regional "
            "chamber.\n\nThe forum, which follows a similar meeting that ended yesterday in Lome, Togo, will be "
            "opened by the regional minister.\n")
    s = summarise(page)
    assert s.date[:3] == (2024, 3, 12) and s.date[3:6] == (None, None, None)



@pytest.mark.parametrize("page, partner", [
    ("Города-побратимы\nСМОЛЕНСК, 12 мая – РИА Новости. Смоленск и Могилев стали городами-побратимами, сообщили в "
     "администрации города.", "Mogilev"),
    ("Города-побратимы\nСМОЛЕНСК, 12 мая. Смоленск и Могилев установили побратимские отношения в ходе визита делегации.",
     "Mogilev"),
    ("Sister cities\nMay 12, 2021\nSmolensk and Mogilev became sister cities on Tuesday, the city administration said.",
     "Mogilev"),
])
def test_a_twinning_told_by_its_result_is_a_signing(page, partner):
    s = summarise(page)
    assert s.relevant and s.event["event_type"] == "signing"
    assert partner in s.partners | {s.host}
