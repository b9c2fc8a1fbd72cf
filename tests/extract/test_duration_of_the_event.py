"""A duration said of the event noun itself ("during the five-day fair") dates the event's other end, though its
sentence also compares the event with an earlier edition; a duration of the earlier edition does not. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    "Fair closes\n\nJuly 11, 2023\n\nHARBIN, July 10 -- The 12th Harbin Trade Fair concluded on Monday.\n\n"
    "A total of 300 contracts were signed during the five-day fair, 20 percent more than at the previous edition.",
    "Ярмарка закрылась\n\n11 июля 2023\n\nХАРБИН, 10 июля -- 12-я Харбинская ярмарка завершилась в понедельник.\n\n"
    "За время пятидневной ярмарки подписано 300 контрактов, на 20 процентов больше, чем в прошлом году.",
])
def test_the_length_of_the_event_counts_beside_a_comparison(page):
    assert summarise(page).date[:6] == (2023, 7, 6, 2023, 7, 10)


def test_the_length_of_an_earlier_edition_does_not():
    page = ("Fair closes\n\nJuly 11, 2023\n\nHARBIN, July 10 -- The 12th Harbin Trade Fair concluded on Monday.\n\n"
            "The previous three-day fair drew fewer guests than last year.")
    assert summarise(page).date[:6] == (None, None, None, 2023, 7, 10)


@pytest.mark.parametrize("page", [
    " date 2024-09-12 News\nThe three-day Russia-China investment forum closed in Kazan on Friday, September 6, with 12 "
    "agreements signed.",
    " date 2024-09-12 Новости\nТрёхдневный российско-китайский форум завершился в Казани в пятницу, 6 сентября; "
    "подписано 12 соглашений.",
    " date 2024-09-12 新闻\n为期三天的中俄投资论坛9月6日(星期五)在喀山闭幕,共签署合作协议12项。",
    " date 2024-09-12 ニュース\n3日間の日ロ投資フォーラムが6日(金)、大連市で閉幕し、協力協定12件が締結された。",
])
def test_a_weekday_beside_the_closing_day_checks_that_day_not_the_first(page):
    # 6 September 2024 was a Friday: the year completed from the report stands, though the first day was a Wednesday
    assert summarise(page).date == (2024, 9, 4, 2024, 9, 6, True)
