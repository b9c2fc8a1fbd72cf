"""Whole Russian reports through extraction: the traps of real pages, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from tests.extract.document_helpers import summarise


def test_latest_news_block_caps_dateline_street_phone_and_guest_counts():
    page = """Последние новости
14.05.2026, 10:20 В Перми открылся фестиваль джаза
13.05.2026, 18:05 В Сочи прошел турнир по теннису
Форум городов-побратимов завершился в Ухани
УХАНЬ (Китай), 20 октября 2022 г. /ПРЕСС-РЕЛИЗ/ — 17 октября в Ухани прошел 5-й Международный форум городов-побратимов.
В нем приняли участие около 200 гостей из почти 40 стран, в том числе из Франции и Германии.
На форуме была запущена «Китайско-французская платформа по обмену технологиями», а проморолики показывали на улице Чанша.
КОНТАКТНАЯ ИНФОРМАЦИЯ: г-жа Ли, тел.: +86-27-12345678
"""
    s = summarise(page)
    assert s.relevant and s.event["event_ordinal"] == 5 and s.event["event_type"] == "forum"
    assert s.published == date(2022, 10, 20)
    assert s.date == (2022, 10, 17, 2022, 10, 17, True)  # the year from the dateline, the day from the text
    assert s.host == "Wuhan" and s.partners == set()  # Changsha Street is a street, Perm and Sochi are headlines
    assert {"CN", "FR"} <= s.countries
    assert s.agreements is None and s.deals == []  # guests and countries are not agreements; a phone is no amount


def test_an_undated_report_keeps_no_date_and_ignores_trailing_headlines():
    page = """Недавно прошла видеоконференция по научному сотрудничеству между Сучжоу и вузами Казахстана и Киргизии.
Стороны договорились о совместных лабораториях; ранее город принял более 50 делегаций из этих стран.
- В Харбине прошел марафон 2025 года
- Курс юаня вырос
- В Пекине открылась выставка
"""
    s = summarise(page)
    assert s.relevant and s.event["event_type"] == "video_conference"
    assert s.date is None  # no date in the text: not the headlines' 2025, not the run's clock
    assert s.host == "Suzhou" and "Harbin" not in s.partners and "Beijing" not in s.partners
    assert s.countries >= {"KZ", "KG"} and s.agreements is None


def test_publication_date_is_not_the_event_date_and_locatives_resolve():
    page = """Конференция по инновациям «Шелковый путь» прошла в Сиане
2023-09-30  Перепечатка из: агентство «Восток»
12 сентября 2023 года в Сиане состоялась конференция по инновациям «Шелковый путь». Предприятия Сианя подписали 41 соглашение о сотрудничестве с компаниями из Ланьчжоу и Казани на общую сумму 350 миллионов юаней.
Темой конференции стало развитие пяти секций: энергетика, медицина, транспорт, образование и туризм.
"""
    s = summarise(page)
    assert s.published == date(2023, 9, 30)
    assert s.date == (2023, 9, 12, 2023, 9, 12, False)
    assert s.host == "Xi’an" and s.partners == {"Lanzhou", "Kazan"}
    assert s.agreements == 41  # not "пяти секций"
    assert s.deals == [(350_000_000.0, "CNY", "exact", False)]


def test_a_year_the_text_does_not_give_stays_unknown():
    page = """На конференции по научно-техническому сотрудничеству, которая прошла с 14 по 16 мая в городе Чэнду, Китай подписал соглашения о сотрудничестве с более чем 30 странами-партнерами.
Об этом сообщает агентство Optimism.kz."""
    s = summarise(page)
    assert s.date == (None, 5, 14, None, 5, 16, False)
    assert s.host == "Chengdu" and s.agreements is None  # 30 partner countries are not 30 agreements


def test_a_restated_amount_is_one_deal_and_a_comparison_country_is_no_participant():
    page = """Харбин, 20 июня /Синьхуа/ -- Участники VII Российско-китайского ЭКСПО в Харбине подписали более 400 соглашений на сумму свыше 180 млрд юаней (порядка $26 млрд).
Китай, наряду с Германией, остается крупнейшим торговым партнером региона: товарооборот превысил 90 млрд долларов.
"""
    s = summarise(page)
    assert s.agreements == 400 and s.event["event_ordinal"] == 7
    assert s.deals == [(180_000_000_000.0, "CNY", "over", False)]
    assert "DE" not in s.countries and {"RU", "CN"} <= s.countries
    assert s.date is None  # the dateline is when the story was filed, not when the expo ran


def test_an_exchange_rate_report_is_not_relevant():
    page = """Рубль укрепился к юаню
МОСКВА, 14 фев - ПРАЙМ. Официальный курс юаня на четверг опустился до 12,07 рубля, а доллара - до 88,35 рубля, сообщил Банк России.
"""
    s = summarise(page)
    assert not s.relevant and s.deals == []


@pytest.mark.parametrize("when, day", [("в следующий вторник", 16), ("в следующую среду", 17)])
def test_a_preview_on_next_weekday_is_no_background(when, day):
    # «следующий» of a weekday dates the preview; only the next year or edition is another occasion
    page = (" date 2024-07-12 В Казани откроется российско-китайский форум\nРоссийско-китайский инвестиционный форум откроется в Казани "
            f"{when}, стороны планируют подписать соглашения о сотрудничестве.")
    summary = summarise(page)
    assert summary.relevant and summary.host == "Kazan" and summary.date[:3] == (2024, 7, day)


def test_the_areas_a_sentence_lists_next_are_no_other_edition():
    page = (" date 2024-07-12 В Казани открылся российско-китайский форум\nВ Казани 10 июля открылся российско-китайский инвестиционный форум, стороны "
            "договорились о сотрудничестве по следующим направлениям: торговля, туризм и образование.")
    summary = summarise(page)
    assert summary.host == "Kazan" and summary.date[:3] == (2024, 7, 10)


def test_the_next_edition_stays_another_occasion():
    page = (" date 2024-07-12 Инвестиционный форум\nВ Казани 10 июля открылся российско-китайский инвестиционный форум. "
            "Следующий форум пройдет в Харбине.")
    assert summarise(page).host == "Kazan"


def test_delegates_from_cities_take_part():
    page = (" date 2024-07-12 Молодёжный форум\nБолее 300 делегатов из Харбина, Шэньяна и Даляня собрались в Казани "
            "10 июля на третий российско-китайский молодёжный форум.")
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Kazan", {"Harbin", "Shenyang", "Dalian"})
