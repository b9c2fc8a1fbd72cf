"""Outcomes in Russian: how many agreements an event produced and which amounts are its deals, by construction
(counted nouns in every case, "по N проектам", qualifiers; running totals, earlier editions, plans, growth,
purchases, presented projects, exchange-rate asides, ranges, restatements, parts of a total)."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.money import find_money
from orchestration.extract.roles.context import Context
from orchestration.extract.roles.outcomes import agreement_count_row, money_rows
from orchestration.extract.text import split_sentences

LANG = "ru"


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
    ("В рамках выставки компании подписали 45 соглашений о поставках.", (45, "agreements", "exact")),
    ("Партнёры заключили договоры по 12 инвестиционным проектам.", (12, "projects", "exact")),
    ("На площадке ярмарки было заключено более 70 договоров.", (70, "contracts", "over")),
    ("Всего подписано свыше 120 документов о сотрудничестве.", (120, "documents", "over")),
    ("Удалось заключить около 30 контрактов.", (30, "contracts", "about")),
    ("Делегации подписали почти 40 меморандумов.", (40, "memoranda", "under")),
    ("Стороны подписали девять соглашений.", (9, "agreements", "exact")),
    ("Число подписанных договоров достигло 86.", (86, "contracts", "exact")),
])
def test_counts_of_signed_documents(text, expected):
    assert counts(text) == [expected]


@pytest.mark.parametrize("text", [
    "В выставке приняли участие 300 компаний из 25 стран.",
    "На форум приехали 18 делегаций и более 900 гостей.",
    "На стендах было представлено 150 инвестиционных проектов.",
    "Экспозицию подготовили 60 экспонентов из 14 регионов.",
])
def test_participants_and_presented_projects_are_no_signed_counts(text):
    assert counts(text) == []


@pytest.mark.parametrize("text", [
    "За все годы проведения форума подписано более 2000 соглашений.",
    "С момента первого форума участники заключили 900 контрактов.",
    "На прошлом форуме было подписано 40 соглашений.",
    "На предыдущей ярмарке заключили 55 контрактов.",
    "В следующем году организаторы планируют подписать 60 соглашений.",
    "На сегодняшний день между регионами подписано 310 соглашений.",
    "Спикер анонсировала подписание 30 новых соглашений на форуме в Казани.",
])
def test_running_totals_earlier_editions_and_plans_are_not_the_events_count(text):
    assert counts(text) == []


def test_a_running_total_of_the_events_own_days_is_its_count():
    assert counts("На сегодняшний день в ходе выставки подписано 28 контрактов.") == [(28, "contracts", "exact")]


def test_the_count_in_a_sentence_that_compares_with_the_previous_forum():
    n, _ = outcome("Участники подписали договоры по 640 проектам, что на 80 больше, чем на предыдущем форуме. "
                   "Кроме того, впервые подписаны документы по 7 проектам с партнёрами из Монголии.")
    assert n == 640


def test_the_headline_count_only_when_the_body_has_none():
    assert outcome("Форум прошёл в городе.", title="На форуме подписано 15 соглашений")[0] == 15
    assert outcome("Участники подписали 16 соглашений.", title="На форуме подписано 15 соглашений")[0] == 16


def test_coordinated_counts_of_one_kind_are_added():
    n, _ = outcome("На встрече подписали 3 соглашения о побратимстве городов и 2 соглашения о побратимстве районов.")
    assert n == 5


# ------------------------------------------------------------------------------------------------- money

@pytest.mark.parametrize("text, expected", [
    ("Подписаны контракты на общую сумму 3,7 млрд рублей.", (3.7e9, "RUB", "exact")),
    ("Заключены сделки на сумму свыше 420 млн юаней.", (420e6, "CNY", "over")),
    ("Стороны заключили соглашения примерно на 15 млрд тенге.", (15e9, "KZT", "about")),
    ("Подписаны договоры на 250 тыс. долларов США.", (250e3, "USD", "exact")),
    ("Заключены контракты на 60 млн сянганских долларов.", (60e6, "HKD", "exact")),
    ("Подписаны соглашения на 12 млн гонконгских долл.", (12e6, "HKD", "exact")),
])
def test_amounts_of_deals_in_full_units(text, expected):
    assert deals(text) == [expected]


@pytest.mark.parametrize("text, reason", [
    ("За все годы проведения ярмарки заключено контрактов на 90 млрд рублей.", "cumulative"),
    ("С момента создания площадки компании подписали соглашения на 14 млрд юаней.", "cumulative"),
    ("На прошлом форуме подписали соглашения на 50 млрд рублей.", "previous_edition"),
    ("Объём сделок прошлого форума составил 30 млрд рублей.", "previous_edition"),
    ("Закупщики выразили намерение приобрести товары на 200 млн рублей.", "procurement"),
    ("Объём продаж на выставке составил 45 млн рублей.", "sales"),
    ("Прирост по сравнению с прошлым годом составил 4 млрд рублей.", "change"),
    ("Организаторы надеются, что компании подпишут контракты на 8 млрд рублей.", "forecast"),
    ("По итогам выставки могут быть заключены сделки на 2 млрд долларов.", "forecast"),
    ("Губернатор анонсировал подписание соглашений на 40 млрд рублей на форуме.", "forecast"),
    ("Традиционно на таких ярмарках заключают сделки примерно на 1 млрд долларов.", "generic"),
    ("На форуме было представлено 60 инвестиционных проектов общей стоимостью 70 млрд рублей.", "presented"),
])
def test_amounts_that_are_not_the_events_deals(text, reason):
    found = find_money(text, LANG)
    assert [(m.is_deal, m.not_deal_reason) for m in found] == [(False, reason)]


def test_a_range_is_its_lower_bound():
    assert deals("Компании подписали контракты на 3-4 млрд рублей.") == [(3e9, "RUB", "over")]
    assert deals("Компании подписали контракты примерно на $1,5-2 млрд.") == [(1.5e9, "USD", "about")]


def test_an_exchange_rate_aside_is_no_amount_of_deals():
    found = find_money("Подписаны контракты на 700 млн юаней (1 юань = 12 рублей).", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(700e6, True), (1, False), (12, False)]
    assert found[1].not_deal_reason == "exchange_rate" and found[2].restates is None


def test_a_restatement_in_another_currency_is_the_same_deal():
    found = find_money("Заключены сделки на 8 млрд юаней /около 1,1 млрд долл. США/.", LANG)
    assert [(m.is_deal, m.restates) for m in found] == [(True, None), (True, 0)]


def test_deals_of_the_event_with_a_part_of_the_total():
    n, found = outcome("На форуме подписано 52 соглашения на общую сумму 18 млрд рублей. В том числе с китайскими "
                       "партнёрами заключены контракты на 5 млрд рублей. На прошлом форуме сумма соглашений "
                       "составила 11 млрд рублей.")
    assert n == 52
    assert found == [(18e9, "RUB", "exact", False), (5e9, "RUB", "exact", True)]


def test_a_future_verb_makes_a_forecast():
    found = find_money("Стороны подпишут контракты на 6 млрд рублей.", LANG)
    assert [(m.is_deal, m.deal_status) for m in found] == [(False, "expected")]


def test_projects_presented_beside_signed_agreements_are_not_signed():
    found = find_agreement_counts("В ходе форума подписано 45 соглашений, представлено 120 проектов.", LANG)
    assert [(c.value, c.signed) for c in found] == [(45, True), (120, False)]
    assert counts("Участники подписали, по данным организаторов, 45 соглашений.") == [(45, "agreements", "exact")]


def test_a_word_of_the_previous_year_qualifies_the_first_figure_after_it():
    found = find_money("Сумма соглашений, подписанных в прошлом году, составила 5 трлн рублей, а в этом году — "
                       "6 трлн рублей.", LANG)
    assert [(m.amount, m.is_deal) for m in found] == [(5e12, False), (6e12, True)]


def test_a_rate_in_a_bracketed_remark_leaves_the_deal_alone():
    found = find_money("Подписаны контракты на 5 млрд юаней (по курсу 1 доллар = 7 юаней).", LANG)
    assert [(m.amount, m.is_deal, m.not_deal_reason) for m in found] == [
        (5e9, True, None), (1, False, "exchange_rate"), (7, False, "exchange_rate")]


def test_coordinated_documents_of_several_kinds_are_added_but_not_a_part():
    assert outcome("На форуме подписаны 3 соглашения и 2 меморандума о сотрудничестве.")[0] == 5
    assert outcome("Подписано 60 соглашений, из них 12 контрактов.")[0] == 60


def test_the_topic_of_one_count_is_not_the_next_ones():
    found = find_agreement_counts("Подписано 7 соглашений о сотрудничестве и 3 соглашения о побратимстве.", LANG)
    assert [(c.value, c.kind) for c in found] == [(7, "agreements"), (3, "sister_city")]


def test_the_planned_investment_of_signed_agreements_is_their_value():
    assert deals("Подписано 20 соглашений с общим планируемым объёмом инвестиций 100 млрд рублей.") == [
        (1e11, "RUB", "exact")]


# ------------------------------------------------------------------------------------------------ второй проход

def test_counts_of_other_years_in_one_sentence_are_not_added():
    text = ("На форуме подписали 70 соглашений. В 2019 году было заключено 40 соглашений, в 2021 году 55 соглашений.")
    assert outcome(text)[0] == 70


def test_a_part_of_a_total_that_is_no_deal_is_no_deal_either():
    text = "Объем продаж на выставке достиг 900 млн рублей, из них 300 млн рублей пришлось на иностранных гостей."
    assert outcome(text)[1] == []


def test_export_revenue_is_sales():
    assert deals("Экспортная выручка участников ярмарки составила 2 млрд рублей.") == []


def test_an_abbreviated_dollar_with_country_and_a_rate_in_words():
    text = "Стороны подписали контракты на 12 млрд юаней /один долл США - 7,1 юаня/. Работы начнутся весной."
    assert deals(text) == [(12e9, "CNY", "exact")]


def test_a_figure_of_another_edition_named_by_its_ordinal():
    text = ("VII Приморская ярмарка завершилась подписанием 45 соглашений. "
            "На VI ярмарке было заключено 60 соглашений на 3 млрд рублей.")
    assert outcome(text) == (45, [])
    text = ("12-й Северный форум завершился подписанием 45 соглашений. "
            "На 11-м форуме было заключено 60 соглашений на 3 млрд рублей.")
    assert outcome(text) == (45, [])


def test_documents_signed_one_at_a_time_and_never_counted():
    assert outcome("Губернаторы подписали соглашение о сотрудничестве. Соглашением предусмотрен обмен делегациями.")[0] == 1
    text = "Мэры подписали соглашение о побратимстве. Одновременно был подписан протокол о торговле."
    assert outcome(text)[0] == 2
    assert outcome("На встрече были подписаны договоры о поставках и соглашение о туризме.")[0] is None
    assert outcome("Стороны планируют подписать соглашение в следующем году.")[0] is None


def test_a_protocol_of_intent_signed_is_a_document_signed():
    text = "Главы двух районов подписали соглашение о дружбе. Тогда же был подписан протокол о намерениях развивать туризм."
    assert outcome(text)[0] == 2


def test_a_hyphenated_compound_of_scale_and_currency():
    assert deals("Компании заключили сделки на 4,2 млрд-долларов.") == [(4.2e9, "USD", "exact")]


def test_a_signed_plan_of_joint_events_or_a_roadmap_is_one_document():
    assert outcome("Мэры двух городов подписали план совместных мероприятий на следующий год.")[0] == 1
    assert outcome("Стороны подписали дорожную карту развития торговли.")[0] == 1
    assert outcome("Мэры обсудили план работы на следующий год.")[0] is None


def test_a_document_the_sentence_says_was_not_signed_is_none():
    assert outcome("В этот раз меморандум о сотрудничестве не был подписан.")[0] is None
    assert outcome("В этот раз был подписан меморандум о сотрудничестве.")[0] == 1


@pytest.mark.parametrize("text, count", [
    ("В Доме дружбы прошла церемония подписания соглашения о партнёрстве между заводом и университетом.", 1),
    ("По итогам встречи состоялось заключение контракта на поставку техники.", 1),
    # the plural's genitive: how many is not said
    ("В Доме дружбы прошла церемония подписания соглашений о партнёрстве.", None),
])
def test_the_genitive_after_a_noun_of_signing_is_the_singular(text, count):
    assert outcome(text)[0] == count
