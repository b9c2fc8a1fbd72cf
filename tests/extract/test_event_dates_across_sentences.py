"""Dates beyond the sentence that names the event, and the checks a text gives a date: a weekday written beside a
date ("5月10日(火)", "9月22日(星期四)", "Tuesday, May 10") checks the year completed from the report (where the
report's year gives the date another weekday, the year is not known); the sentence after the event's may date it
("The event will take place on 16 May") or give its other end ("It will run until 1 October"); a short quoted name
keeps its full stop inside one sentence. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from orchestration.extract.text import split_sentences
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("lang, text, weekday", [
    ("ja", "交流会は5月10日(火)に開かれた。", 1),
    ("ja", "交流会は5月10日（火曜日）に開かれた。", 1),
    ("zh", "交流会于9月22日(星期四)举行。", 3),
    ("zh", "交流会于9月22日（周四）举行。", 3),
    ("en", "The fair opened on Tuesday, May 10, in Osaka.", 1),
    ("en", "The fair closed on Friday, 13 May.", 4),
])
def test_the_weekday_beside_a_date_is_read_with_it(lang, text, weekday):
    [mention] = [m for m in find_dates(text, lang, date(2022, 6, 1)) if m.kind != "year_only"]
    assert mention.stated_weekday == weekday and mention.first.day is not None


@pytest.mark.parametrize("page", [
    "友好都市交流会\ndate 2019-10-29\n5月10日(火曜日)、姉妹都市の代表団を迎えて記念式典を開催しました。",
    "友好城市交流会\ndate 2019-10-29\n5月10日（星期二），友好城市交流会在市政府举行，两市代表团出席。",
    "Twin towns celebrate\ndate 2019-10-29\nOn Tuesday, May 10, the twin town delegation attended an anniversary "
    "ceremony held in the city hall.",
])
def test_a_weekday_that_the_reports_year_contradicts_leaves_the_year_unknown(page):
    # 10 May 2019 was a Friday: the page was written (or updated) in another year than the ceremony's
    assert summarise(page).date == (None, 5, 10, None, 5, 10, False)


@pytest.mark.parametrize("page", [
    "友好都市交流会\ndate 2022-05-20\n5月10日(火曜日)、姉妹都市の代表団を迎えて記念式典を開催しました。",
    "Twin towns celebrate\ndate 2022-05-20\nOn Tuesday, May 10, the twin town delegation attended an anniversary "
    "ceremony held in the city hall.",
])
def test_a_weekday_that_fits_the_reports_year_keeps_it(page):
    assert summarise(page).date == (2022, 5, 10, 2022, 5, 10, True)


def test_the_sentence_after_the_event_names_its_day_with_an_occurrence_verb():
    page = ("Investors expected in Mogilev\n"
            "Twelve investment contracts are to be signed at the coming Mogilev Business Forum. "
            "The event will take place on 21 June, the regional economy committee said.")
    assert summarise(page).date[1:3] == (6, 21)


@pytest.mark.parametrize("page, end", [
    ("Выставка в Минске\ndate 2025-09-29\nВ Минске 29 сентября открылась международная выставка «Станки. Регион». "
     "Она продлится по 2 октября.", (2025, 10, 2)),
    ("Expo in Minsk\ndate 2025-09-29\nThe machine-tool expo opened in Minsk on September 29 with delegations from "
     "China. It will run until October 2.", (2025, 10, 2)),
    ("明斯克博览会\ndate 2025-09-29\n国际机床博览会9月29日在明斯克开幕，中国代表团出席。展期持续至10月2日。", (2025, 10, 2)),
    ("ミンスク見本市\ndate 2025-09-29\n国際工作機械見本市が9月29日、ミンスクで開幕し、中国の代表団が参加した。会期は10月2日までの4日間。", (2025, 10, 2)),
])
def test_the_sentence_after_the_opening_gives_the_closing_day(page, end):
    date_ = summarise(page).date
    assert date_[:3] == (2025, 9, 29) and date_[3:6] == end


@pytest.mark.parametrize("text", [
    "Открылась выставка «Станки. Регион». Она продлится три дня.",
    "The “Tools. Region” expo opened. It runs for three days.",
])
def test_a_short_quoted_name_keeps_its_full_stop(text):
    assert len(split_sentences(text)) == 2


def test_a_programme_within_a_month_is_no_chronology_but_dates_over_months_are():
    from orchestration.extract.roles.event_dates import chronology_sentences

    programme = "The fair opens on 5 June, the forum meets on 6 June and the signings close it on 8 June."
    timeline = "Earlier ties: 3 February with Hsinchu, 21 April with Tainan and 30 August with Kaohsiung."
    found = chronology_sentences(f"{programme} {timeline}", "en", date(2024, 11, 20))
    assert found == frozenset({len(programme) + 1})


@pytest.mark.parametrize("page", [
    "市長が大会に出席\n2025年2月21日\n昨年11月に大連市で開催された国際友好都市大会に出席しました。各国の都市の代表が集まりました。",
    "市长出席大会\n2025年2月21日\n去年11月在大连举行的国际友好城市大会上,各国城市代表齐聚一堂。",
    "Mayor at friendship cities conference\nFebruary 21, 2025\nLast November the mayor attended the international "
    "friendship cities conference held in Dalian, where delegations of many cities met.",
    "Мэр на конференции городов-побратимов\n21 февраля 2025 года\nВ ноябре прошлого года мэр побывал на "
    "международной конференции городов-побратимов в Даляне, где встретились делегации многих городов.",
])
def test_a_month_without_a_day_still_dates_the_event(page):
    # no day to score, but the month and year say when and let the reports of the event meet
    assert summarise(page).date[:3] == (2024, 11, None)


@pytest.mark.parametrize("page", [
    "Border fair ahead\nThe 7th Border Trade Fair will be held in Blagoveshchensk on 12-13 March. In 2019 the fair "
    "drew 300 exhibitors from both banks of the river.",
    "Приграничная ярмарка\nСедьмая приграничная ярмарка пройдет 12-13 марта в Благовещенске. В 2019 году в ярмарке "
    "участвовали 300 компаний из России и Китая.",
    "国境見本市\n第7回国境貿易見本市は3月12日から13日までブラゴベシチェンスクで開かれる予定だ。2019年の見本市には300社が出展した。",
    "边境博览会\n第七届边境贸易博览会将于3月12日至13日在布拉戈维申斯克举行。2019年博览会吸引了300家企业参展。",
])
def test_an_undated_preview_takes_no_year_from_what_an_earlier_edition_did(page):
    start_year, start_month, start_day = summarise(page).date[:3]
    assert (start_year, start_month, start_day) == (None, 3, 12)


@pytest.mark.parametrize("page", [
    "Investment forum in Hanoi\nThe Vietnam-Japan investment forum was held in Hanoi on 26 August. At the forum, "
    "Japanese firms discussed the investment law revised in 2014.",
    "Инвестфорум в Ханое\nВьетнамско-японский инвестиционный форум прошел в Ханое 26 августа. На форуме японские "
    "компании обсудили закон об инвестициях, принятый в 2014 году.",
    "ハノイで投資フォーラム\n日越投資フォーラムが8月26日、ハノイで開かれた。フォーラムでは、日本企業が2014年に改正された投資法について議論した。",
    "河内投资论坛\n越日投资论坛8月26日在河内举行。论坛上，日本企业讨论了2014年修订的投资法。",
])
def test_a_year_that_dates_another_deed_in_a_sentence_about_the_event_is_not_its_year(page):
    start_year, start_month, start_day = summarise(page).date[:3]
    assert (start_year, start_month, start_day) == (None, 8, 26)


@pytest.mark.parametrize("page, start", [
    ("Sister cities conference opens in Denver\n14 May 2019\nThe Pacific Sister Cities Conference opened today in "
     "Denver with 300 delegates from twenty cities. The conference began with a reception yesterday evening at the "
     "city hall.", (2019, 5, 13)),
    ("В Самаре открылась конференция городов-побратимов\n14 мая 2019 года\nСегодня в Самаре открылась конференция "
     "городов-побратимов, в ней участвуют делегации двадцати городов. Конференция началась вчера вечером с приёма в "
     "мэрии.", (2019, 5, 13)),
])
def test_an_event_that_opens_twice_a_day_apart_began_on_the_first(page, start):
    assert summarise(page).date[:3] == start


@pytest.mark.parametrize("page", [
    "Machinery fair opens in Harbin\nHARBIN, June 15, 2023 — The Northern Machinery Fair opened in Harbin on Thursday "
    "with trade delegations from twelve countries, and the first cooperation agreements were signed. In 2022 the fair "
    "was held in the autumn. This year it runs from June 15 until June 19.",
    "Ярмарка машиностроения открылась в Харбине\nХАРБИН, 15 июня 2023 года. Северная ярмарка машиностроения открылась в "
    "Харбине в четверг, в ней участвуют торговые делегации двенадцати стран, подписаны первые соглашения о "
    "сотрудничестве. В прошлом году ярмарку перенесли на осень. В этом году она продлится с 15 по 19 июня.",
])
def test_a_span_of_days_after_the_events_sentences_that_starts_on_its_opening_gives_its_end(page):
    assert summarise(page).date[:6] == (2023, 6, 15, 2023, 6, 19)
