"""Japanese dates: 年月日 forms, era years, full-width digits, ranges with から/まで, day-only references,
weekdays, relative words (今日(6日)), cues, durations (5日間) and bracket datelines."""
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

LANG = "ja"


dates = partial(date_mentions, lang=LANG)
one = partial(one_date, lang=LANG)


# ----------------------------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    "text, expected, surface",
    [
        ("2023年6月14日、交流会が大連で開催された。", (2023, 6, 14), "2023年6月14日"),
        ("4月10日、協力フォーラムが開かれた。", (None, 4, 10), "4月10日"),
        ("１０月２日に博覧会が始まった。", (None, 10, 2), "１０月２日"),
        ("令和5年7月1日に協定を結んだ。", (2023, 7, 1), "令和5年7月1日"),
        ("平成18年9月2日に開幕した。", (2006, 9, 2), "平成18年9月2日"),
        ("会議は3月25日(月)に開かれた。", (None, 3, 25), "3月25日(月)"),
    ],
)
def test_absolute_dates(text, expected, surface):
    m = one(text, kind="absolute")
    assert m.first == PartialDate(*expected)
    assert m.text == surface


def test_year_from_reference():
    m = one("3月25日、交流会が開催された。", reference=date(2024, 4, 28))
    assert m.first.to_date() == date(2024, 3, 25)
    assert m.year_from_reference and m.resolved


def test_no_year_anywhere_keeps_month_and_day():
    m = one("博覧会が8月28日に閉幕した。")
    assert m.first == PartialDate(None, 8, 28)
    assert m.first.to_date() is None and not m.resolved


# ------------------------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("展示会は8月25日から31日まで開かれた。", (None, 8, 25), (None, 8, 31)),
        ("展示会は8月25日～31日に開かれた。", (None, 8, 25), (None, 8, 31)),
        ("展示会は8月25～31日に開かれた。", (None, 8, 25), (None, 8, 31)),
        ("会期は2024年9月30日から10月3日まで。", (2024, 9, 30), (2024, 10, 3)),
    ],
)
def test_ranges(text, first, last):
    m = one(text, kind="range")
    assert m.first == PartialDate(*first)
    assert m.last == PartialDate(*last)


def test_span_of_months():
    m = one("1月から3月までの実績を発表した。")
    assert m.kind == "range" and m.first == PartialDate(None, 1, None) and m.last == PartialDate(None, 3, None)


def test_day_only_range_takes_month_from_context():
    found = dates("【新華社長春9月5日】中国の博覧会は1日から5日まで開かれた。")
    span = [m for m in found if m.kind == "range"][0]
    assert span.first == PartialDate(None, 9, 1) and span.last == PartialDate(None, 9, 5)


# ------------------------------------------------------------------------------------ relative and day-only


def test_today_with_day_in_parentheses():
    text = "大連で開かれていた国際見本市が今日(7日)、4日間の会期を終えて閉幕した。"
    m = one(text, reference=date(2012, 6, 7))
    assert m.kind == "relative"
    assert m.text == "今日(7日)"
    assert m.first.to_date() == date(2012, 6, 7)
    assert m.cue == "closing"
    assert [d.days for d in find_durations(text, LANG)] == [4]


def test_today_with_day_keeps_day_without_reference():
    m = one("博覧会が今日(4日)閉幕した。")
    assert m.first == PartialDate(None, None, 4) and not m.resolved


def test_relative_days():
    found = dates("本日、協定を締結した。昨日は視察を行った。", reference=date(2024, 3, 1))
    assert [m.first.to_date() for m in found] == [date(2024, 3, 1), date(2024, 2, 29)]


def test_same_day_refers_back():
    found = dates("3月25日に交流会が開かれた。当日、14の事業が契約された。")
    assert found[-1].text == "当日" and found[-1].first == PartialDate(None, 3, 25)


def test_day_only_from_previous_date():
    found = dates("9月2日に開幕した。6日には閉幕式が行われた。")
    assert found[-1].first == PartialDate(None, 9, 6) and found[-1].month_from_context
    assert found[-1].cue == "closing"


@pytest.mark.parametrize("text", ["5日間の日程を終えた。", "3日目の会合。", "3日前に発表した。", "2日ぶりに再開した。"])
def test_day_marker_words_that_are_not_days(text):
    assert [m for m in dates(text) if m.first.day is not None] == []


def test_weekdays():
    # 20 November 2024 is a Wednesday
    found = dates("火曜日に会議が閉幕した。月曜に開幕した。", reference=date(2024, 11, 20))
    assert [m.first.to_date() for m in found] == [date(2024, 11, 19), date(2024, 11, 18)]
    assert [m.cue for m in found] == ["closing", "opening"]


def test_last_week_weekday():
    m = one("先週の金曜日に調印した。", reference=date(2024, 11, 20))
    assert m.first.to_date() == date(2024, 11, 15)


def test_every_sunday_is_not_a_date():
    assert dates("毎日曜日に市場が開かれる。") == []


# ------------------------------------------------------------------------------------------------- years


def test_historical_year():
    found = dates("1973年に初の友好都市関係を結び、11月19日に大会が開かれた。")
    assert [m.kind for m in found] == ["year_only", "absolute"]
    assert found[0].first.year == 1973


def test_relative_years():
    found = dates("昨年は成長し、今年も拡大した。", reference=date(2024, 4, 28))
    assert [m.first.year for m in found] == [2023, 2024]


@pytest.mark.parametrize(
    "text",
    [
        "2200社以上が参加した。",
        "契約額は1077億5000万元に達した。",
        "全体の72.9%を占める。",
        "Copyright(C) 2008-2024 example.jp",
        "Powered by MetInfo 7.2.0 ©2008-2024",
        "電話: 03-1234-5678",
    ],
)
def test_not_dates(text):
    assert dates(text) == []


# -------------------------------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "text, cue",
    [
        ("博覧会が8月31日に閉幕した。", "closing"),
        ("博覧会は8月28日に開幕した。", "opening"),
        ("8月28日、博覧会は幕を開けた。", "opening"),
        ("8月28日に交流会が開催された。", None),
    ],
)
def test_cues(text, cue):
    assert one(text).cue == cue


def test_two_dates_two_cues():
    found = dates("博覧会は8月28日に開幕し、31日に閉幕した。")
    assert [m.cue for m in found] == ["opening", "closing"]
    assert found[1].first == PartialDate(None, 8, 31)


# --------------------------------------------------------------------------------------------- durations


@pytest.mark.parametrize("text, days", [("3日間の日程で開かれた。", 3), ("会期は４日間。", 4), ("1週間にわたり開かれた。", 7)])
def test_durations(text, days):
    assert [d.days for d in find_durations(text, LANG)] == [days]


# --------------------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "text, place, agency",
    [
        ("【新華社北京】中国の商務省は発表した。", "北京", "新華社"),
        ("【ソウル共同】韓国政府は発表した。", "ソウル", "共同"),
        ("【北京時事】中国政府は発表した。", "北京", "時事"),
    ],
)
def test_bracket_datelines(text, place, agency):
    dl = find_dateline(text, LANG)
    assert dl.place_surface == place and dl.agency == agency and dl.date is None
    assert text[dl.place_start:dl.place_end] == place


def test_bracket_dateline_with_date():
    dl = find_dateline("【新華社長春9月5日】博覧会が閉幕した。", LANG)
    assert dl.place_surface == "長春" and dl.date == PartialDate(None, 9, 5)


def test_agency_only_dateline():
    text = "日中の経済団体が協力文書に調印した。(共同)\n次の段落。"
    dl = find_dateline(text, LANG)
    assert dl.agency == "共同" and dl.place_surface is None
    assert text[dl.start:dl.end] == "(共同)"


def test_headline_in_brackets_is_not_a_dateline():
    assert find_dateline("【速報】博覧会が閉幕", LANG) is None


@pytest.mark.parametrize("text", [
    "見本市は9月14、15の両日、札幌で開かれた。",
    "見本市は9月14日、15日の両日、札幌で開かれた。",
    "見本市は9月14、15日に札幌で開かれた。",
])
def test_two_days_listed_with_a_comma_are_a_span(text):
    m = one(text, kind="range")
    assert (m.first, m.last) == (PartialDate(None, 9, 14), PartialDate(None, 9, 15))


def test_two_days_listed_apart_stay_two_days():
    assert [m.first.day for m in dates("会合は9月3日、10日に開かれた。")] == [3, 10]


def test_a_year_that_closes_a_quoted_name_is_a_year():
    found = dates("5月25、26の両日、「アジア大学フェア in Japan 2021」が福岡で開かれた。")
    assert [m.first.year for m in found if m.kind == "year_only"] == [2021]


def test_a_number_apart_from_the_ri_of_a_country_pair_is_no_day():
    # "図2 日中韓…": a figure's number, then 日中韓 "Japan, China and Korea"; 3日 and 25 日に stay days
    assert dates("図2 日中韓の交流会議の様子", reference=date(2024, 5, 27)) == []
    assert [m.first.day for m in dates("会議は25 日に開かれ、3日中に閉幕した。", reference=date(2024, 5, 27))] == [25, 3]


@pytest.mark.parametrize("text, lang", [
    ("見本市は10月3−6日に開かれる。", "ja"),
    ("交易会于10月3−6日举行。", "zh"),
    ("Ярмарка пройдёт 3−6 октября.", "ru"),
    ("The fair runs October 3−6.", "en"),
])
def test_a_minus_sign_between_days_is_a_range(text, lang):
    (mention,) = date_mentions(text, lang=lang)
    assert (mention.first, mention.last) == (PartialDate(None, 10, 3), PartialDate(None, 10, 6))
