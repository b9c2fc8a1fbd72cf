"""A year that heads an event's name with no 年 of its own ("2019中日…交流会") dates the event in its sentence.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, start", [
    ("经贸交流\n记者从大连获悉，9月12日上午，2019中日经贸合作交流会在大连市举行。两国企业签署了5个合作项目。", (2019, 9, 12)),
    ("経済交流\n2018北東アジア経済協力フォーラムが9月12日、大連市で開かれ、両国の企業が5件の協力協定に調印した。", (2018, 9, 12)),
    ("経済交流\n7月9日、ウランバートル市で“北東アジアの観光と物流の協力-2017”フォーラムが開かれ、3件の覚書が交わされた。",
     (2017, 7, 9)),
    ("经贸交流\n5月20日，《中蒙边境口岸合作发展2021》论坛在二连浩特市举行，双方签署了3项合作协议。", (2021, 5, 20)),
    # a year closing a quoted name after a space or a dash
    ("Форум в Чите\nФорум «Новые горизонты – 2025» открылся в Чите вчера, 26 июня. В нём участвуют гости из Китая.",
     (2025, 6, 26)),
    ("Forum in Chita\nThe \"Northern Horizons 2024\" forum opened in Chita on June 26. Guests from Mongolia attend.",
     (2024, 6, 26)),
])
def test_the_year_heading_the_events_name_dates_it(page, start):
    date = summarise(page).date
    assert date[0] == start[0] and date[2] == start[2]


def test_a_prefix_year_far_from_the_report_is_not_the_events():
    page = (" date 2023-09-20\n经贸交流\n9月12日，2019中日经贸合作交流会的成果展在大连市举行。两国企业签署了5个合作项目。")
    assert summarise(page).date[0] == 2023


@pytest.mark.parametrize("page, start", [
    # the subtitle writes the event's name with its year; the sentence that dates it writes the name alone
    ("日中友好交流事業\n\n日中学生フォーラム2019 in 大連\n\n8月5日から3日間、大連外国語大学で日中学生フォーラムを開催し、"
     "両国の学生40名が参加しました。", (2019, 8, 5)),
    ("Student exchange\nNordic-Baltic Youth Forum 2022 in Riga\nThe Nordic-Baltic Youth Forum opened on 5 August "
     "at the University of Latvia. Students from Vilnius and Tallinn took part.", (2022, 8, 5)),
])
def test_the_year_beside_the_events_name_elsewhere_dates_it(page, start):
    date = summarise(page).date
    assert (date[0], date[1], date[2]) == start


@pytest.mark.parametrize("page, start", [
    # a space between the heading year and the name's first word
    ("知事会議\n「2021 日台観光交流サミットオンライン会議」が11月9日に開催され、両国の12都市が参加した。", (2021, 11, 9)),
    ("交流会\n3月8日，“2016 中俄边境城市合作交流会”在满洲里市举行，双方签署了4项合作协议。", (2016, 3, 8)),
])
def test_a_year_spaced_from_the_name_it_heads_dates_it(page, start):
    date = summarise(page).date
    assert (date[0], date[1], date[2]) == start


@pytest.mark.parametrize("page, expected", [
    # the page is dated two years on; the written Saturday is the title's year's, not the page's
    (" date 2013-03-01\n「仙台-大連交流会議 2011」開催\n10月15日(土)、仙台と大連の経済人による「仙台-大連交流会議」が仙台にて"
     "開催された。両市の企業30社が参加した。", (2011, 10, 15)),
    # no year of the name agrees with the weekday: the year stays unknown
    (" date 2013-03-01\n「仙台-大連交流会議 2010」開催\n10月15日(土)、仙台と大連の経済人による「仙台-大連交流会議」が仙台にて"
     "開催された。両市の企業30社が参加した。", (None, 10, 15)),
])
def test_a_weekday_picks_the_year_of_the_events_name_over_the_reports(page, expected):
    date = summarise(page).date
    assert (date[0], date[1], date[2]) == expected


@pytest.mark.parametrize("page", [
    "博览会开幕\n本报牡丹江7月8日电 记者李强报道:2022中俄经贸洽谈会今天在牡丹江开幕,俄罗斯企业参展。",
    "Fair opens\nMUDANJIANG, July 8 -- The 2022 China-Russia Trade Fair opened today in Mudanjiang, with Russian "
    "exhibitors attending.",
    "Ярмарка\nМУДАНЬЦЗЯН, 8 июля. Ярмарка «Торговля-2022» открылась сегодня в Муданьцзяне с участием российских "
    "компаний.",
    # a weekday resolves against the dateline's day in that year (8 July 2022 was a Friday)
    "Fair opens\nMUDANJIANG, July 8 -- The 2022 China-Russia Trade Fair opened on Friday in Mudanjiang, with Russian "
    "exhibitors attending.",
])
def test_today_or_a_weekday_under_a_dateline_without_a_year_takes_the_year_of_the_events_name(page):
    assert summarise(page).date[:3] == (2022, 7, 8)
