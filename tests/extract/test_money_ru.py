"""Money in Russian: scale words, currencies, qualifiers, restatements, deals and the amounts that are not."""
from __future__ import annotations

from functools import partial

import pytest

from tests.extract.mentions import money_mentions, one_money

LANG = "ru"


money = partial(money_mentions, lang=LANG)
one = partial(one_money, lang=LANG)


@pytest.mark.parametrize("text, amount, currency", [
    ("Подписаны соглашения на сумму 480 миллионов юаней.", 480e6, "CNY"),
    ("Подписаны контракты на сумму 7,2 млрд рублей.", 7.2e9, "RUB"),
    ("Подписаны контракты на сумму 64 млрд российских рублей.", 64e9, "RUB"),
    ("Подписаны контракты на сумму 12 млн белорусских рублей.", 12e6, "BYN"),
    ("Подписаны контракты на сумму 3 млн. долл. США.", 3e6, "USD"),
    ("Стоимость контрактов составила 15 млн долларов США.", 15e6, "USD"),
    ("Стоимость контрактов составила 15 млн долларов.", 15e6, "USD"),
    ("Заключены сделки на $12 млрд.", 12e9, "USD"),
    ("Заключены сделки на 850 тыс. руб.", 850e3, "RUB"),
    ("Заключены сделки на 2,5 трлн тенге.", 2.5e12, "KZT"),
    ("Подписаны соглашения на 40 млн евро.", 40e6, "EUR"),
    ("Подписаны соглашения на €40 млн.", 40e6, "EUR"),
    ("Подписаны соглашения на пять миллиардов рублей.", 5e9, "RUB"),
    ("Подписаны соглашения на 1 млрд 300 млн рублей.", 1.3e9, "RUB"),
    ("Подписаны соглашения на 300 млн гонконгских долларов.", 300e6, "HKD"),
    ("Подписаны соглашения на сумму 12 500 000 рублей.", 12.5e6, "RUB"),
])
def test_amounts_and_currencies(text, amount, currency):
    m = one(text)
    assert m.amount == pytest.approx(amount)
    assert m.currency == currency
    assert m.is_deal and m.deal_status == "signed" and m.restates is None


@pytest.mark.parametrize("text, qualifier", [
    ("Подписано соглашений на сумму свыше 90 млн юаней.", "over"),
    ("Подписано соглашений на сумму более 90 млн юаней.", "over"),
    ("Подписано соглашений на сумму около 90 млн юаней.", "about"),
    ("Подписано соглашений на сумму порядка $90 млн.", "about"),
    ("Подписано соглашений на сумму примерно 90 млн юаней.", "about"),
    ("Подписано соглашений на сумму почти 90 млн юаней.", "under"),
    ("Подписано соглашений на сумму менее 90 млн юаней.", "under"),
    ("Подписано соглашений на сумму до 90 млн юаней.", "up_to"),
    ("Объём подписанных контрактов превысил 90 млн юаней.", "over"),
    ("Подписано соглашений на сумму 90 млн юаней.", "exact"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_restatement_after_a_slash():
    found = money("Между партнёрами заключены контракты на общую сумму свыше 40 млн юаней /около 6 млн долл. США/.")
    assert [(m.amount, m.currency, m.qualifier) for m in found] == [(40e6, "CNY", "over"), (6e6, "USD", "about")]
    assert found[0].restates is None and found[1].restates == 0
    assert found[1].is_deal


def test_restatement_in_brackets_and_with_ili():
    found = money("Делегация подписала 12 соглашений на сумму 2,4 млрд юаней (около $330 млн).")
    assert found[1].restates == 0 and found[1].currency == "USD" and found[1].qualifier == "about"
    found = money("Город подписал 19 соглашений на общую сумму 3,15 млрд юаней, или 29 млрд рублей.")
    assert found[1].restates == 0 and found[1].currency == "RUB"


def test_parenthesised_amount_in_the_same_currency_is_no_restatement():
    found = money("Подписаны контракты на 9 млрд юаней (в том числе 2 млрд юаней на логистику).")
    assert found[1].restates is None
    assert found[1].part_of_total


def test_an_implausible_conversion_is_no_restatement():
    found = money("Подписаны контракты на 9 млрд юаней (и ещё 500 тыс. долларов США грантов).")
    assert found[1].restates is None


def test_the_same_amount_repeated_in_a_quote_is_one_deal():
    text = ("Компании Казани подписали 17 контрактов на сумму 3,4 млрд юаней. «Мы подписали контракты на "
            "3,4 миллиарда юаней», - сообщил мэр.")
    found = money(text)
    assert [m.restates for m in found] == [None, 0]


def test_headline_rounding_points_to_the_body_figure():
    text = ("Объем подписанных на форуме соглашений превысил $12 млрд\n\n"
            "Участники форума подписали более 200 соглашений на сумму свыше 84 млрд юаней (порядка $12 млрд).")
    found = money(text)
    assert [(m.amount, m.currency) for m in found] == [(12e9, "USD"), (84e9, "CNY"), (12e9, "USD")]
    assert found[1].restates is None
    assert found[0].restates == 1 and found[2].restates == 1
    assert found[1].qualifier == "over" and found[2].qualifier == "about"


@pytest.mark.parametrize("text, reason", [
    ("Официальный курс юаня на среду повысился до 12,08 рубля.", "exchange_rate"),
    ("Товарооборот двух стран превысил 150 млрд долларов.", "trade_turnover"),
    ("ВВП региона достиг 2,1 трлн рублей.", "gdp"),
    ("Призовой фонд турнира составит 3 млн рублей.", "prize"),
    ("Средняя зарплата в отрасли составляет 85 тыс. рублей.", "salary"),
    ("Бюджет города на следующий год составит 40 млрд рублей.", "budget"),
    ("В прошлом году на ярмарке подписали соглашения на 12 млрд рублей.", "previous_edition"),
    ("По итогам 2021 года объём инвестиций превысил 30 млрд долларов.", "period_statistic"),
    ("Мэр передал гостям благотворительный взнос в размере 300 тыс. рублей.", "donation"),
    # a total "as of" a date is a running total, not the event's
    ("По состоянию на 1 октября объём подписанных инвестсоглашений достиг 14 млрд рублей.", "cumulative"),
    ("Объём инвестиций по соглашениям увеличился на 2 млрд рублей.", "change"),
    ("Льготы получат проекты стоимостью от 500 млн рублей.", "threshold"),
    ("Средняя сумма подписанного контракта составила 20 млн рублей.", "generic"),
    # a floor every signed project clears sizes them, it is no sum of theirs
    ("Подписанные контракты, все стоимостью свыше 50 млн долларов, касаются логистики.", "threshold"),
    ("Подписаны 12 контрактов, каждый из которых стоимостью более 50 млн долларов.", "threshold"),
    ("С момента своего создания ярмарка принесла сделок на 90 млрд рублей.", "cumulative"),
    ("В последние годы предприятия двух городов подписали контракты на 3 млрд рублей.", "cumulative"),
    # a period of years written with a fraction is a period of years too
    ("За 4,5 года участия в ярмарках заводы области заключили контракты на 7 млрд рублей.", "cumulative"),
    ("Губернаторы договорились довести объём совместных инвестиций до 3 млрд рублей.", "forecast"),
    # the capital a new company or fund holds is no deal
    ("Создается совместный фонд с уставным капиталом 40 млн долларов.", "capital"),
])
def test_amounts_that_are_not_deals(text, reason):
    m = one(text)
    assert not m.is_deal
    assert m.not_deal_reason == reason


def test_deal_words_nearer_than_a_topic_word_win():
    m = one("Товарооборот вырос на 8%, а на форуме подписали соглашения на 4 млрд рублей.")
    assert m.is_deal


def test_no_deal_context():
    m = one("В городе высадили деревьев на 2 млн рублей.")
    assert not m.is_deal and m.not_deal_reason == "no_deal_context"


def test_statuses():
    assert one("Ожидается, что общая сумма контрактов составит 6 млрд рублей.").deal_status == "expected"
    assert one("Подписаны соглашения о намерениях на сумму 6 млрд рублей.").deal_status == "intended"
    assert one("Подписаны контракты на сумму 6 млрд рублей.").deal_status == "signed"


def test_part_of_a_total():
    text = ("На выставке подписано 50 соглашений на сумму 10 млрд рублей. Из них соглашения с китайскими "
            "компаниями - на 4 млрд рублей.")
    found = money(text)
    assert [m.part_of_total for m in found] == [False, True]
    assert all(m.is_deal for m in found)


@pytest.mark.parametrize("text", [
    "КОНТАКТЫ: г-н Ли, тел.: +86-21-51234567",
    "Выставку посетили свыше 23 тыс. предпринимателей, на 38,5% больше, чем годом ранее.",
    "Побратимские связи установлены с 1 871 городом в 2023 году.",
    "Учредитель © 2008-2024, просмотров: 3400",
])
def test_no_money_in_counts_phones_percentages_and_years(text):
    assert money(text) == []


def test_a_previous_year_in_a_comparison_keeps_the_deal():
    m = one("Сумма подписанных соглашений составила 40 млрд рублей, что больше, чем в прошлом году.")
    assert m.is_deal
    m = one("По сравнению с прошлым годом сумма контрактов выросла до 40 млрд рублей.")
    assert m.is_deal


def test_words_that_look_like_prize_are_not_prize():
    m = one("Участники форума, призывая к сотрудничеству, подписали контракты на 3 млрд рублей.")
    assert m.is_deal


def test_amount_before_its_deal_words():
    m = one("2 млрд долларов — такова сумма подписанных на форуме контрактов.")
    assert m.is_deal


def test_equal_amounts_in_one_sentence_are_two_deals():
    found = money("Компания «Альфа» подписала контракт на 1 млрд рублей, компания «Бета» — на 1 млрд рублей.")
    assert [m.restates for m in found] == [None, None]


def test_the_plan_an_amount_beats_is_no_deal():
    signed, planned = money("На форуме заключили контракты на 5 млрд рублей вместо запланированных 4 млрд рублей.")
    assert signed.is_deal and not planned.is_deal and planned.not_deal_reason == "forecast"


def test_a_contract_total_at_the_end_of_a_long_sentence_opened_by_a_running_total_stays_a_deal():
    # the running total's reach is its clause: the sum signed at the end of the sentence is the report's own
    text = ("На сегодняшний день район принял более 40 делегаций из стран Центральной Азии, провел более 30 "
            "деловых встреч с участием инженеров из этих стран, благодаря чему были заключены контракты на общую "
            "сумму свыше 50 млн юаней.")
    found = [m for m in money_mentions(text, lang="ru") if m.currency == "CNY"]
    assert found and found[0].is_deal
