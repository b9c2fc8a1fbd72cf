"""Russian dates: case forms, ranges, partial and relative dates, cues, durations, datelines."""
from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from orchestration.extract.dates import (
    PartialDate,
    find_dateline,
    find_durations,
)
from tests.extract.mentions import date_mentions, one_date

LANG = "ru"


dates = partial(date_mentions, lang=LANG)
one = partial(one_date, lang=LANG)


# ----------------------------------------------------------------------------------------------- absolute


def test_full_date_with_year_word():
    m = one("Соглашение подписали 14 марта 2023 года в Казани.")
    assert m.kind == "absolute"
    assert m.text == "14 марта 2023 года"
    assert m.first.to_date() == date(2023, 3, 14)
    assert not m.year_from_reference and not m.resolved
    assert m.last is None


@pytest.mark.parametrize("sentence, weekday", [
    ("Делегация прибудет в Тампере в понедельник, 3 марта.", 0),
    ("Ярмарка откроется во вторник 4 марта.", 1),
])
def test_a_weekday_before_a_date_is_the_dates_own(sentence, weekday):
    m = one(sentence, reference=date(2025, 3, 1))
    assert (m.kind, m.first, m.stated_weekday) == ("absolute", PartialDate(2025, 3, 3 + weekday), weekday)


@pytest.mark.parametrize("sentence, day", [
    ("Делегация Казани прибудет в Тампере в понедельник.", date(2025, 3, 3)),
    ("Мэры двух городов подпишут соглашение в пятницу.", date(2025, 3, 7)),
    ("Делегация Казани прибыла в Тампере в понедельник.", date(2025, 2, 24)),
])
def test_a_weekday_takes_the_tense_of_the_verb_in_its_sentence(sentence, day):
    # published on Saturday 1 March 2025: a future verb means the coming weekday, a past one the last
    assert one(sentence, reference=date(2025, 3, 1)).first.to_date() == day


def test_abbreviated_year_word():
    m = one("ХАБАРОВСК, 2 февраля 2022 г. — новость")
    assert m.first == PartialDate(2022, 2, 2)


@pytest.mark.parametrize(
    "text, month",
    [
        ("к 5 января", 1), ("до 1 февраля", 2), ("8 марта", 3), ("12 апреля", 4), ("9 мая", 5), ("12 июня", 6),
        ("4 июля", 7), ("15 августа", 8), ("1 сентября", 9), ("30 октября", 10), ("4 ноября", 11),
        ("31 декабря", 12), ("29 сен", 9), ("5 сент.", 9), ("3 окт.", 10), ("7 дек", 12), ("2 янв.", 1),
        ("14 ФЕВРАЛЯ", 2),
    ],
)
def test_month_case_forms_and_abbreviations(text, month):
    m = one(f"Событие {text} стало заметным.")
    assert m.first.month == month and m.first.year is None


@pytest.mark.parametrize("text, month", [("в январе", 1), ("в феврале", 2), ("в марте", 3), ("к маю", 5),
                                         ("в конце сентября", 9), ("с октября", 10), ("в ноябре", 11)])
def test_month_only_needs_a_preposition(text, month):
    m = one(f"Переговоры прошли {text}.", kind="month_only")
    assert m.first == PartialDate(None, month, None)


def test_month_with_year_and_bare_month_name():
    m = one("Отчёт за июнь 2019 года опубликован.")
    assert m.kind == "month_only" and m.first == PartialDate(2019, 6, None)
    # a bare month name without a preposition or a year is not read (it is too often a name)
    assert dates("Компания Март открыла офис.") == []


def test_span_of_months():
    m = one("В январе–марте 2024 года товарооборот вырос.")
    assert m.kind == "range"
    assert m.first == PartialDate(2024, 1, None) and m.last == PartialDate(2024, 3, None)


def test_ordinal_day_suffix():
    m = one("Выставка откроется 1-го сентября.")
    assert m.first.day == 1 and m.first.month == 9


def test_month_first_only_with_its_year():
    # a site template's English order with Russian month names
    assert one("Обновлено: Сентябрь 4, 2023 в 09:30").first == PartialDate(2023, 9, 4)
    # a month and a number of something else is no date
    assert [m.kind for m in dates("В сентябре 4 делегации приехали в Омск.")] == ["month_only"]


def test_numeric_dates_are_day_month_year():
    m = one("Опубликовано 12.07.2025 на сайте.")
    assert m.first == PartialDate(2025, 7, 12)
    m = one("Дата: 03.11.21")
    assert m.first == PartialDate(2021, 11, 3)
    m = one("Обновлено 2024-04-28.")
    assert m.first == PartialDate(2024, 4, 28)


# ------------------------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("Форум прошёл 25–27 апреля в Томске.", (None, 4, 25), (None, 4, 27)),
        ("Саммит прошёл 18-19 мая в Астане.", (None, 5, 18), (None, 5, 19)),
        ("Конференция пройдёт с 6 по 7 ноября.", (None, 11, 6), (None, 11, 7)),
        ("Ярмарка работала с 14 по 19 июня 2018 года.", (2018, 6, 14), (2018, 6, 19)),
        ("Выставка работала с 30 августа по 1 сентября 2019 года.", (2019, 8, 30), (2019, 9, 1)),
        ("Каникулы длились с 28 декабря по 3 января 2021 года.", (2020, 12, 28), (2021, 1, 3)),
        ("Встречи пройдут 5 и 6 октября.", (None, 10, 5), (None, 10, 6)),
    ],
)
def test_ranges(text, first, last):
    m = one(text, kind="range")
    assert m.first == PartialDate(*first)
    assert m.last == PartialDate(*last)


def test_range_surface_includes_preposition():
    m = one("Конференция пройдёт с 6 по 7 ноября.")
    assert m.text == "с 6 по 7 ноября"


def test_weekday_range():
    m = one("Ярмарка работала с четверга по субботу.", reference=date(2023, 6, 5), kind="range")
    # 5 June 2023 is a Monday: the last Thursday..Saturday before it
    assert m.first.to_date() == date(2023, 6, 1)
    assert m.last.to_date() == date(2023, 6, 3)


def test_ambiguous_weekday_forms_only_inside_ranges():
    # "среда" is also "environment": alone it is not a weekday, in "со среды по пятницу" it is
    assert dates("Экологическая среда города улучшилась.") == []
    m = one("Форум работал со среды по пятницу.", kind="range")
    assert m.first.is_empty and not m.resolved


# ------------------------------------------------------------------------- partial dates and the reference


def test_year_stays_unknown_without_reference():
    # the text states no year: keep month and day, never guess the year from the clock
    m = one("Конференция прошла с 6 по 7 ноября в Чэнду.")
    assert m.first == PartialDate(None, 11, 6) and m.last == PartialDate(None, 11, 7)
    assert m.first.to_date() is None
    assert not m.resolved and not m.year_from_reference


def test_year_from_reference():
    m = one("Форум прошёл 3 марта в Казани.", reference=date(2024, 4, 28))
    assert m.first.to_date() == date(2024, 3, 3)
    assert m.year_from_reference and m.resolved


def test_december_reported_in_january_is_last_year():
    m = one("Соглашение подписали 12 декабря.", reference=date(2025, 1, 5))
    assert m.first.to_date() == date(2024, 12, 12)


def test_date_shortly_after_reference_is_this_year():
    m = one("Выставка откроется 20 февраля.", reference=date(2025, 1, 5))
    assert m.first.to_date() == date(2025, 2, 20)


def test_range_across_new_year_from_reference():
    m = one("Ярмарка пройдёт с 28 декабря по 3 января.", reference=date(2020, 12, 1), kind="range")
    assert m.first.to_date() == date(2020, 12, 28)
    assert m.last.to_date() == date(2021, 1, 3)


def test_relative_year_qualifier():
    m = one("Санкции ввели 5 июня прошлого года.", reference=date(2023, 3, 1))
    assert m.first.to_date() == date(2022, 6, 5)
    assert m.year_from_reference


def test_year_from_dated_dateline_without_reference():
    text = "ХАРБИН (Китай), 15 июня 2023 г. /PRNewswire/ — 12 июня в городе открылась ярмарка."
    found = dates(text)
    event = [m for m in found if not m.in_dateline and m.kind == "absolute"][0]
    assert event.first.to_date() == date(2023, 6, 12)
    assert event.year_from_reference  # the year is not in the event's own sentence
    assert event.cue == "opening"


# ------------------------------------------------------------------------------------------------- years


def test_historical_year_is_year_only():
    found = dates("Первый договор о побратимстве был подписан в 1985 году, а форум прошёл 2 июля.")
    years = [m for m in found if m.kind == "year_only"]
    assert [m.first.year for m in years] == [1985]
    assert years[0].first.month is None
    assert [m.kind for m in found] == ["year_only", "absolute"]


def test_year_forms():
    found = dates("Экспо в 2019 году собрало больше гостей, чем Иннопром-2018; итоги 2020 г. и 2021-2022 гг., "
                  "планы на 2025-й год.")
    assert [(m.first.year, m.last.year if m.last else None) for m in found] == [
        (2019, None), (2018, None), (2020, None), (2021, 2022), (2025, None)]
    assert all(m.kind == "year_only" for m in found)


def test_an_events_year_after_a_spaced_dash():
    found = dates("В первый день работы Международного инвест-форума – 2016 на набережной подписали соглашения.")
    assert [(m.kind, m.text, m.first.year) for m in found] == [("year_only", "2016", 2016)]
    # a count after the dash is no year
    assert dates("Число участников выставки — 2015 человек.") == []


def test_relative_years():
    found = dates("В прошлом году товарооборот вырос, в этом году ждут роста.", reference=date(2022, 9, 20))
    assert [m.first.year for m in found] == [2021, 2022]
    assert all(m.resolved for m in found)


# ---------------------------------------------------------------------------------------- relative dates


def test_weekday_resolves_to_last_such_day_before_reference():
    # 20 November 2024 is a Wednesday
    m = one("Конференция городов-партнёров закрылась во вторник в Чэнду.", reference=date(2024, 11, 20))
    assert m.kind == "weekday"
    assert m.first.to_date() == date(2024, 11, 19)
    assert m.resolved
    assert m.cue == "closing"


def test_weekday_on_the_reference_day_itself():
    m = one("В среду форум завершил работу.", reference=date(2024, 11, 20))
    assert m.first.to_date() == date(2024, 11, 20)


def test_last_weekday_modifier_is_strictly_before():
    m = one("В прошлую среду делегации встретились.", reference=date(2024, 11, 20))
    assert m.first.to_date() == date(2024, 11, 13)


def test_weekday_with_future_preposition():
    m = one("Курс установлен на пятницу.", reference=date(2024, 11, 20))
    assert m.first.to_date() == date(2024, 11, 22)


def test_weekday_unresolved_without_reference():
    m = one("Выставка открылась в понедельник.")
    assert m.kind == "weekday" and m.first.is_empty and not m.resolved


def test_today_refers_to_dateline_day():
    text = "Казань, 3 октября /Татар-информ/-- Международная ярмарка завершилась сегодня в столице республики."
    found = dates(text, reference=date(2023, 10, 4))
    today = [m for m in found if m.kind == "relative"][0]
    assert today.first.to_date() == date(2023, 10, 3)  # the dateline's day, not the next-day publication
    assert today.cue == "closing"
    dateline = [m for m in found if m.in_dateline][0]
    assert dateline.cue is None


def test_yesterday_against_reference():
    m = one("Вчера делегации подписали меморандум.", reference=date(2023, 3, 1))
    assert m.first.to_date() == date(2023, 2, 28)


def test_yesterday_against_a_dateline_without_year():
    m = one("Пекин, 1 марта /Синьхуа/-- Вчера стороны подписали меморандум.", kind="relative")
    assert m.first == PartialDate(None, 2, 28)  # the year is unknown: most years have no 29 February


def test_last_week_is_an_approximate_span():
    m = one("Ярмарка, которая завершилась на прошлой неделе, принесла контракты.", reference=date(2019, 3, 13))
    assert m.kind == "relative" and m.approximate
    assert m.first.to_date() == date(2019, 3, 4)
    assert m.last.to_date() == date(2019, 3, 10)
    assert m.cue == "closing"


def test_same_day_refers_to_previous_date():
    found = dates("Форум открылся 5 мая. В тот же день стороны подписали 10 соглашений.")
    same = found[-1]
    assert same.kind == "relative" and same.first == PartialDate(None, 5, 5)


# -------------------------------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Выставка открылась 5 июня в Уфе.", "opening"),
        ("5 июня в Уфе открылась выставка.", "opening"),
        ("Открывшаяся 5 июня выставка собрала гостей.", "opening"),
        ("Форум завершился 7 июня.", "closing"),
        ("Ярмарка закрылась 7 июня.", "closing"),
        ("Форум прошёл 7 июня.", None),
    ],
)
def test_cues(text, cue):
    m = one(text)
    assert m.cue == cue


def test_each_date_gets_its_own_cue():
    found = dates("Форум открылся 5 мая и закрылся 7 мая.")
    assert [m.cue for m in found] == ["opening", "closing"]


def test_copula_dash_does_not_split_the_clause():
    found = dates("Открытие намечено на 2 сентября, закрытие — на 5 сентября.")
    assert [m.cue for m in found] == ["opening", "closing"]


def test_cue_in_another_clause_is_not_taken():
    found = dates("Форум прошёл 5 мая, а выставка закрылась 7 мая.")
    assert [m.cue for m in found] == [None, "closing"]


# -------------------------------------------------------------------------------------------- not dates


@pytest.mark.parametrize(
    "text",
    [
        "Справки по тел.: +7-495-123-45-67.",
        "Сбор участников в 21:16 у входа.",
        "Соглашения подписали представители 28 городов.",
        "Оборот вырос на 45,7% за год.",
        "В выставке участвовали 1764 предприятия.",
        "Установлена версия 2.3.1 программы.",
        "Сумма составила 25 млрд рублей.",
        "©2008-2024 Все права защищены",
        "Связи установлены с 602 провинциями и 1 871 городом.",
    ],
)
def test_not_dates(text):
    assert dates(text) == []


def test_time_after_date_is_not_part_of_it():
    m = one("Начало 12 июля в 10:30 по местному времени.")
    assert m.text == "12 июля"


# --------------------------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, days",
    [
        ("В ходе двухдневной конференции подписали соглашения.", 2),
        ("Трёхдневный форум собрал гостей.", 3),
        ("Трехдневная выставка закрылась.", 3),
        ("Четырехдневного визита.", 4),
        ("Прошла 3-дневная ярмарка.", 3),
        ("Выставка работала в течение трех дней.", 3),
        ("В течение 5 дней работал салон.", 5),
        ("Ярмарка продлится четыре дня.", 4),
        ("Конгресс длился два дня.", 2),
        ("За три дня салона его посетили 8 тысяч человек.", 3),
        ("Саммит закрылся после четырёх дней переговоров.", 4),
    ],
)
def test_durations(text, days):
    found = find_durations(text, LANG)
    assert [d.days for d in found] == [days]
    assert text[found[0].start:found[0].end] == found[0].text


def test_no_duration_in_plain_text():
    assert find_durations("Форум прошёл в Казани, подписано 12 соглашений.", LANG) == []


def test_days_before_an_event_are_no_length_of_it():
    assert find_durations("Гости приехали за два дня до открытия салона.", LANG) == []


# --------------------------------------------------------------------------------------------- datelines


def test_dateline_with_agency_slashes():
    text = "Хэфэй, 21 октября /Синьхуа/-- Выставка новых материалов открылась в среду."
    dl = find_dateline(text, LANG)
    assert dl is not None
    assert dl.place_surface == "Хэфэй" and text[dl.place_start:dl.place_end] == "Хэфэй"
    assert dl.date == PartialDate(None, 10, 21)
    assert dl.agency == "Синьхуа"
    assert text[dl.start:dl.end] == "Хэфэй, 21 октября /Синьхуа/--"


def test_dateline_with_region_year_and_press_release_agency():
    text = "ХАРБИН (Китай), 3 июня 2023 г. /PRNewswire/ — 1 июня в городе прошла ярмарка."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "ХАРБИН"
    assert dl.date == PartialDate(2023, 6, 3)
    assert dl.agency == "PRNewswire"


def test_dateline_of_a_place_and_an_agency_in_capitals_parted_by_a_full_stop():
    dl = find_dateline("АЛМАТЫ. НОВОСТИ - Региональный форум завершился пленарным заседанием.", LANG)
    assert (dl.place_surface, dl.date, dl.agency) == ("АЛМАТЫ", None, "НОВОСТИ")


def test_a_lone_place_and_a_full_stop_before_the_lead_is_a_dateline():
    dl = find_dateline("Итоги ярмарки\nКострома. Сегодня на пресс-конференции подвели итоги льняной ярмарки.", LANG)
    assert (dl.place_surface, dl.date, dl.agency) == ("Кострома", None, None)


def test_numeric_dateline_with_a_short_year():
    text = "Ош, 18.04.22. /Иван Петров – Агентство/. Делегация прибыла в город."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "Ош" and dl.date == PartialDate(2022, 4, 18)


def test_dateline_with_abbreviated_month_and_trailing_agency():
    text = "ВЛАДИВОСТОК, 5 сен - ПРАЙМ. Официальный курс вырос."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "ВЛАДИВОСТОК"
    assert dl.date == PartialDate(None, 9, 5)
    assert dl.agency == "ПРАЙМ"


def test_dateline_after_latest_news_block():
    text = (
        "Последние новости\n"
        "14.05.2025, 10:20 В Самаре открыли новый мост через реку\n"
        "14.05.2025, 09:05 Курс рубля снизился на торгах\n"
        "13.05.2025, 18:40 В Омске прошёл фестиваль\n"
        "Форум завершён\n"
        "ИРКУТСК, 2 марта 2022 г. /PRNewswire/ — 28 февраля в городе завершился форум.\n"
    )
    dl = find_dateline(text, LANG)
    assert dl is not None and dl.place_surface == "ИРКУТСК"
    assert dl.date == PartialDate(2022, 3, 2)


def test_caption_is_not_a_dateline():
    assert find_dateline("Фото: 6 ноября, Пермь, открытие конференции", LANG) is None
    assert find_dateline("Выставка прошла в Москве.", LANG) is None


def test_city_comma_date_full_stop_is_a_dateline_without_agency():
    dateline = find_dateline("Тюмень, 3 марта 2025 года. На форуме подписали соглашения.", LANG)
    assert dateline.place_surface == "Тюмень" and dateline.date == PartialDate(2025, 3, 3)
    assert find_dateline("Иванов, Петров и Сидоров. Все трое выступили.", LANG) is None


def test_nakanune_alone_is_the_day_before_the_report():
    m = one("Накануне в Самаре закрылась выставка.", reference=date(2025, 3, 12), kind="relative")
    assert m.first.to_date() == date(2025, 3, 11)


@pytest.mark.parametrize("sentence", [
    "Накануне выставки губернатор встретился с гостями.",
    "Накануне нового сезона ярмарка обновила павильоны.",
])
def test_nakanune_before_a_genitive_is_the_eve_of_something(sentence):
    assert dates(sentence, reference=date(2025, 3, 12)) == []


def test_a_wire_dateline_with_a_region_a_comma_before_the_year_and_a_clock():
    text = "Нижегородская область, 28 сентября, 2012, 15:26 — ИА Регнум. В первый день форума подписано 5 соглашений."
    dateline = find_dateline(text, "ru")
    assert dateline is not None and dateline.place_surface == "Нижегородская область"
    assert (dateline.date.year, dateline.date.month, dateline.date.day) == (2012, 9, 28)
    assert dateline.agency == "ИА Регнум"
