"""The event's dates in Russian reports: years, days, weekdays completed from the day of the report; openings,
closings and bounds; background years; a signing's date. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from tests.extract.document_helpers import summarise

LANG = "ru"


def dates(text: str, reference: date | None = None):
    return [m for m in find_dates(text, LANG, reference) if m.kind != "year_only"]


def event_dates(page: str) -> tuple | None:
    s = summarise(page)
    assert s.relevant, s.reason
    return s.date


# ------------------------------------------------------------------------------ a year completed from the report


@pytest.mark.parametrize("text, reference, expected", [
    ("28 января в Самаре прошла ярмарка.", date(2024, 2, 3), date(2024, 1, 28)),  # a week back
    ("28 ноября в Самаре прошла ярмарка.", date(2024, 1, 5), date(2023, 11, 28)),  # across the new year
    ("28 января в Самаре прошла ярмарка.", date(2023, 12, 20), date(2024, 1, 28)),  # five weeks ahead
    ("28 мая в Самаре прошла ярмарка.", date(2024, 1, 5), date(2023, 5, 28)),  # five months ahead: last year's
])
def test_a_day_and_month_take_the_nearest_plausible_year(text, reference, expected):
    [m] = dates(text, reference)
    assert m.first.to_date() == expected and m.year_from_reference


def test_a_preview_looks_ahead_further():
    [m] = dates("Форум пройдет 14-15 сентября в Самаре.", date(2024, 5, 10))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 9, 14), date(2024, 9, 15))
    [m] = dates("Форум прошел 14-15 сентября в Самаре.", date(2024, 5, 10))
    assert m.first.year == 2023  # a report on September, published in May, looks back


def test_the_year_completed_from_the_publication_date_is_inferred():
    page = ("Ярмарка в Самаре\nОпубликовано: 03.02.2024\n"
            "28 января в Самаре прошла международная ярмарка, на которой предприятия России и Китая подписали "
            "12 соглашений о сотрудничестве.")
    assert event_dates(page) == (2024, 1, 28, 2024, 1, 28, True)


def test_a_dateline_year_completes_the_event_date():
    page = ("Форум завершился в Самаре\n"
            "САМАРА, 2 марта 2022 г. /Агентство/ — 28 февраля в Самаре завершился международный форум "
            "городов-побратимов, делегации подписали соглашения о сотрудничестве.")
    assert event_dates(page) == (None, None, None, 2022, 2, 28, True)


def test_without_any_year_in_the_text_the_year_stays_unknown():
    page = ("Города подписали соглашения\n"
            "Делегации городов России и Китая подписали 9 марта соглашения о побратимстве на международном форуме "
            "в Самаре.")
    assert event_dates(page)[:6] == (None, 3, 9, None, 3, 9)


def test_the_year_in_the_events_name_completes_its_day():
    page = ("Инвесторы собрались на набережной\n"
            "Сегодня, 14 мая, в первый день Международного инвест-форума – 2016 в Казани делегации Уфы и Перми подписали "
            "соглашения о сотрудничестве.")
    # a report of the first day leaves the last open
    assert event_dates(page)[:6] == (2016, 5, 14, None, None, None)


# ------------------------------------------------------------------------------------ a day alone, a weekday


def test_a_day_alone_takes_the_month_of_the_report():
    [m] = dates("Переговоры продолжились 14-го числа.", date(2024, 3, 16))
    assert m.first.to_date() == date(2024, 3, 14) and m.month_from_context
    [m] = dates("Переговоры продолжились 28-го числа.", date(2024, 3, 2))
    assert m.first.to_date() == date(2024, 2, 28)  # the 28th, seen on the 2nd, is last month's


@pytest.mark.parametrize("text, expected", [
    ("В четверг в Самаре открылась выставка.", date(2024, 6, 6)),  # reported on Saturday: two days back
    ("В субботу в Самаре открылась выставка.", date(2024, 6, 8)),  # the day of the report itself
    ("В прошлую субботу в Самаре открылась выставка.", date(2024, 6, 1)),
    ("Выставка откроется в четверг в Самаре.", date(2024, 6, 13)),  # a preview: the coming Thursday
])
def test_a_weekday_resolves_against_the_day_of_the_report(text, expected):
    [m] = dates(text, date(2024, 6, 8))
    assert m.first.to_date() == expected and m.kind == "weekday"


def test_a_weekday_closing_with_a_duration():
    page = ("Выставка в Самаре\nОпубликовано: 11.05.2024\n"
            "В пятницу в Самаре завершилась трехдневная российско-китайская выставка, предприятия двух стран "
            "подписали соглашения о сотрудничестве.")
    assert event_dates(page) == (2024, 5, 8, 2024, 5, 10, True)


def test_a_clause_reports_while_its_sentence_announces():
    # reported on a Friday: the opening was two days back, the closing is two days ahead
    text = "Выставка, открывшаяся в среду, продлится до воскресенья."
    found = {m.first.to_date(): (m.future, m.bound) for m in dates(text, date(2024, 6, 7))}
    assert found == {date(2024, 6, 5): (False, None), date(2024, 6, 9): (True, "until")}


# ---------------------------------------------------------------------------- openings, closings and bounds


def test_an_opening_gives_the_start_and_until_gives_the_end():
    page = ("Выставка в Самаре\nОпубликовано: 06.05.2024\n"
            "Российско-китайская выставка открылась 5 мая в Самаре и продлится до 9 мая, предприятия двух стран "
            "подписали соглашения о сотрудничестве.")
    assert event_dates(page)[:6] == (2024, 5, 5, 2024, 5, 9)


def test_an_opening_day_report_has_no_end():
    page = ("Выставка открылась\nОпубликовано: 06.05.2024\n"
            "Сегодня в Самаре открылась российско-китайская выставка, предприятия двух стран подписали "
            "соглашения о сотрудничестве.")
    assert event_dates(page)[:6] == (2024, 5, 6, None, None, None)


def test_from_and_until_words_bound_a_single_date():
    found = {m.text: m.bound for m in dates("Выставка работает с 5 мая, регистрация открыта до 9 мая.")}
    assert found == {"5 мая": "from", "9 мая": "until"}


def test_two_following_days_joined_by_and_are_a_span():
    [m] = dates("Форум прошел 5 и 6 июня.", date(2024, 6, 7))
    assert (m.first.day, m.last.day) == (5, 6)
    assert [m.text for m in dates("Встречи прошли 5 и 7 июня.")] == ["7 июня"]


# ------------------------------------------------------------------------------------------------- years


def test_a_two_digit_year_takes_the_century_of_the_report():
    [m] = dates("Соглашение подписано 12.07.25 в Самаре.", date(2025, 7, 14))
    assert m.first.to_date() == date(2025, 7, 12)
    [m] = dates("Соглашение подписано 12.07.98 в Самаре.", date(2001, 1, 1))
    assert m.first.year == 1998


def test_a_year_of_the_series_history_is_not_the_events():
    page = ("Ярмарка открылась\n"
            "Международная ярмарка, которая впервые прошла в 2011 году, открылась 26 июня в Самаре, предприятия "
            "из 30 стран подписали соглашения о сотрудничестве.")
    assert event_dates(page)[:6] == (None, 6, 26, None, None, None)


def test_a_year_written_in_the_sentences_about_the_event_completes_its_date():
    page = ("Выставка в Самаре\n"
            "С 3 по 7 июля в Самаре прошла российско-китайская выставка, предприятия подписали соглашения.\n"
            "В выставке 2019 года приняли участие компании из 40 стран и регионов.")
    assert event_dates(page)[:6] == (2019, 7, 3, 2019, 7, 7)


def test_a_date_of_another_year_than_the_report_is_another_edition():
    page = ("Выставка открылась\nОпубликовано: 06.05.2024\n"
            "Прошлая выставка прошла с 10 по 14 мая 2021 года. 5 мая в Самаре открылась российско-китайская "
            "выставка, предприятия двух стран подписали соглашения о сотрудничестве.")
    assert event_dates(page)[:6] == (2024, 5, 5, None, None, None)


# ---------------------------------------------------------------------------------------------- a signing


def test_the_date_of_a_signing_dates_an_event_given_no_other():
    page = ("Форум городов-побратимов\nОпубликовано: 20.11.2023\n"
            "В Самаре прошел форум городов-побратимов России и Китая.\n"
            "Соглашения о сотрудничестве мэры городов подписали 17 ноября.")
    assert event_dates(page) == (2023, 11, 17, 2023, 11, 17, True)


# ------------------------------------------------------------------- a sentence that goes on about the event


def test_the_sentence_after_the_event_gives_its_opening_day():
    page = ("Ярмарка регионов в Омске\n"
            "date 2023-03-16\n"
            "Делегации из Китая и Монголии приехали на межрегиональную ярмарку в Омске. "
            "Ее работа началась в среду, 15 марта, и продлится три дня.")
    assert event_dates(page)[:3] == (2023, 3, 15)


# ------------------------------------------------------------------------------ a day written as a word


@pytest.mark.parametrize("text, expected", [
    ("Выставка будет работать с шестого по 10 августа.", ((8, 6), (8, 10))),
    ("Совещание назначено на первое октября.", ((10, 1), None)),
    ("Встреча прошла двадцать третьего апреля.", ((4, 23), None)),
])
def test_a_day_written_as_an_ordinal_word(text, expected):
    [m] = dates(text)
    last = (m.last.month, m.last.day) if m.last is not None else None
    assert ((m.first.month, m.first.day), last) == expected


def test_an_ordinal_word_without_a_month_is_no_date():
    assert dates("Делегация заняла третье место в конкурсе.") == []


def test_today_in_a_quotation_is_the_speakers_day_not_the_events():
    page = ("Побратимы встретились в Казани\n"
            "date 2024-05-20\n"
            "Делегации Турции и Китая подписали 12 соглашений на форуме городов-побратимов в Казани.\n"
            "\"Это полезная площадка. Уже сегодня мы обсуждаем следующий форум\", - отметил мэр.")
    assert event_dates(page) is None


def test_a_founding_year_is_background_not_the_events():
    page = ("В Омске закрылась ярмарка\n"
            "Третья российско-монгольская ярмарка закрылась в Омске 19 июня, компании двух стран подписали "
            "соглашения о сотрудничестве. Союз предпринимателей, основанный в 2016 году, впервые приехал на ярмарку.")
    assert event_dates(page)[3:6] == (None, 6, 19)
