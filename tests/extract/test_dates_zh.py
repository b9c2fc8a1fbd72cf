"""Chinese dates: 年月日 forms, numeral characters, ranges, day-only references, weekdays, relative words,
cues, durations and telegraph datelines."""
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

LANG = "zh"


dates = partial(date_mentions, lang=LANG)
one = partial(one_date, lang=LANG)


# ----------------------------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    "text, expected, surface",
    [
        ("2023年4月12日,合作论坛在厦门举行。", (2023, 4, 12), "2023年4月12日"),
        ("论坛于5月20日在成都开幕。", (None, 5, 20), "5月20日"),
        ("展会将于10月8号举行。", (None, 10, 8), "10月8号"),
        ("二〇二一年十一月二十五日,双方签署协议。", (2021, 11, 25), "二〇二一年十一月二十五日"),
        ("２０２２年９月１日，会议召开。", (2022, 9, 1), "２０２２年９月１日"),
        ("会议于7月3日(星期一)召开。", (None, 7, 3), "7月3日(星期一)"),
        ("截至2024-04-28,项目已落地。", (2024, 4, 28), "2024-04-28"),
    ],
)
def test_absolute_dates(text, expected, surface):
    m = one(text, kind="absolute")
    assert m.first == PartialDate(*expected)
    assert m.text == surface


def test_month_only_and_year_month():
    m = one("今年3月,双方开展交流。", reference=date(2023, 6, 1), kind="month_only")
    assert m.first == PartialDate(2023, 3, None)
    m = one("2022年8月份,展会筹备启动。", kind="month_only")
    assert m.first == PartialDate(2022, 8, None)


# ------------------------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("博览会于9月16日至19日在南宁举行。", (None, 9, 16), (None, 9, 19)),
        ("博览会9月16日-19日在南宁举行。", (None, 9, 16), (None, 9, 19)),
        ("活动于2021年10月30日至11月2日举办。", (2021, 10, 30), (2021, 11, 2)),
        ("展会从6月5日到8日举行。", (None, 6, 5), (None, 6, 8)),
        ("大会于12月28日至1月2日举行。", (None, 12, 28), (None, 1, 2)),
    ],
)
def test_ranges(text, first, last):
    m = one(text, kind="range")
    assert m.first == PartialDate(*first)
    assert m.last == PartialDate(*last)


def test_range_across_year_with_reference():
    m = one("大会于12月28日至1月2日举行。", reference=date(2020, 12, 10), kind="range")
    assert m.first.to_date() == date(2020, 12, 28)
    assert m.last.to_date() == date(2021, 1, 2)


# ------------------------------------------------------------------------- day-only and dateline context


def test_day_only_takes_month_from_dateline_and_year_from_reference():
    text = "新华社兰州8月15日电 15日,第五届丝绸之路博览会落下帷幕,在13日举行的论坛上签约项目30个。"
    found = dates(text, reference=date(2021, 8, 16))
    dl, closing_day, forum_day = found
    assert dl.in_dateline and dl.first.to_date() == date(2021, 8, 15)
    assert closing_day.text == "15日" and closing_day.month_from_context
    assert closing_day.first.to_date() == date(2021, 8, 15)
    assert closing_day.cue == "closing"
    assert forum_day.first.to_date() == date(2021, 8, 13)


def test_day_only_after_a_range_across_two_months():
    found = dates("新华社北京10月2日电 9月29日至10月2日,展会举行。29日,论坛开幕。1日签约。当天还举行了推介会。")
    assert [m.first for m in found[2:]] == [
        PartialDate(None, 9, 29), PartialDate(None, 10, 1), PartialDate(None, 10, 1)]


def test_day_after_the_report_day_is_last_month():
    found = dates("新华社北京10月2日电 30日,论坛开幕。", reference=date(2023, 10, 3))
    assert found[-1].first.to_date() == date(2023, 9, 30)


def test_no_year_in_text_and_no_reference():
    m = one("论坛于11月6日至7日在重庆举行。", kind="range")
    assert m.first == PartialDate(None, 11, 6) and m.last == PartialDate(None, 11, 7)
    assert not m.resolved and not m.year_from_reference


def test_day_only_without_context_keeps_only_the_day():
    m = one("19日,论坛在西安召开。")
    assert m.first == PartialDate(None, None, 19)
    assert not m.resolved


def test_day_only_range():
    found = dates("新华社郑州5月20日电 18日至20日,博览会在郑州举行。")
    span = [m for m in found if m.kind == "range"][0]
    assert span.first == PartialDate(None, 5, 18) and span.last == PartialDate(None, 5, 20)


def test_span_of_months():
    m = one("2023年1至9月,进出口增长5%。")
    assert m.kind == "range" and m.first == PartialDate(2023, 1, None) and m.last == PartialDate(2023, 9, None)


@pytest.mark.parametrize("text", ["在第3日的论坛上。", "兑换100日元。", "为期5日间的活动。", "双方将在3日内完成。", "一日游线路推出。"])
def test_day_markers_that_are_not_days(text):
    assert [m for m in dates(text) if m.first.day is not None] == []


def test_that_day_refers_to_previous_date():
    found = dates("中新社昆明3月8日电 8日,合作大会在昆明举行。当日,双方签署12项协议。")
    same_day = [m for m in found if m.text == "当日"][0]
    assert same_day.kind == "relative" and same_day.first == PartialDate(None, 3, 8)


# ------------------------------------------------------------------------------------------------- years


def test_year_prefix_of_event_name():
    m = one("2019中俄地方合作交流大会在哈尔滨举行。", kind="year_only")
    assert m.first.year == 2019 and m.text == "2019"


def test_historical_year():
    found = dates("中国于1973年与外国城市建立第一对友好城市关系,5月9日大会开幕。")
    assert [m.kind for m in found] == ["year_only", "absolute"]
    assert found[0].first.year == 1973


@pytest.mark.parametrize(
    "text",
    [
        "共有2200家企业参展。",
        "签约金额1077亿元。",
        "增长54%。",
        "浏览次数: 754",
        "联系电话:010-63074558",
        "©2008-2024 版权所有",
        "有3597家企业参展,上架展品17744件。",
    ],
)
def test_not_dates(text):
    assert dates(text) == []


def test_relative_years():
    found = dates("去年签约额增长,今年继续扩大。", reference=date(2022, 9, 23))
    assert [m.first.year for m in found] == [2021, 2022]


# ---------------------------------------------------------------------------------------- relative dates


def test_weekdays():
    # 20 November 2024 is a Wednesday
    found = dates("周二,大会闭幕。星期一,论坛开幕。", reference=date(2024, 11, 20))
    assert [m.first.to_date() for m in found] == [date(2024, 11, 19), date(2024, 11, 18)]
    assert [m.cue for m in found] == ["closing", "opening"]


def test_weekday_of_previous_week():
    m = one("上周五,双方举行会谈。", reference=date(2024, 11, 20))
    assert m.first.to_date() == date(2024, 11, 15)


def test_every_week_and_once_a_week_are_not_weekdays():
    assert dates("每周一举行例会,一周一次。") == []


def test_weekday_range():
    m = one("展会从周四到周六举行。", reference=date(2018, 9, 2), kind="range")
    assert m.first.to_date() == date(2018, 8, 30) and m.last.to_date() == date(2018, 9, 1)


def test_today_yesterday():
    found = dates("今天上午,博览会闭幕;昨天签约20项。", reference=date(2022, 9, 22))
    assert [m.first.to_date() for m in found] == [date(2022, 9, 22), date(2022, 9, 21)]


def test_last_week():
    m = one("上周,展会落幕。", reference=date(2016, 7, 20))
    assert m.approximate and m.first.to_date() == date(2016, 7, 11)


# -------------------------------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "text, cue",
    [
        ("6月3日,第三届国际友好城市论坛在西宁开幕。", "opening"),
        ("博览会于9月22日闭幕。", "closing"),
        ("9月22日,博览会圆满落下帷幕。", "closing"),
        ("9月22日,博览会在乌鲁木齐举行。", None),
    ],
)
def test_cues(text, cue):
    assert one(text).cue == cue


def test_fronted_date_does_not_borrow_a_cue_from_a_clause_with_its_own_date():
    found = dates("9月20日,论坛举行,9月22日博览会闭幕。")
    assert [m.cue for m in found] == [None, "closing"]


# --------------------------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, days",
    [("为期2天的活动中,签约多项。", 2), ("为期三天的博览会。", 3), ("4天时间里,成果丰硕。", 4), ("历时五天。", 5),
     ("为期一周的展会。", 7)],
)
def test_durations(text, days):
    assert [d.days for d in find_durations(text, LANG)] == [days]


def test_no_duration():
    assert find_durations("3天后将公布名单。", LANG) == []


# --------------------------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "text, place, day, agency",
    [
        ("新华社呼和浩特7月9日电 记者从会上获悉", "呼和浩特", (None, 7, 9), "新华社"),
        ("中新社西宁6月3日电 (记者 张三)3日,论坛开幕。", "西宁", (None, 6, 3), "中新社"),
        ("中新网拉萨8月1日电 (记者 李四)", "拉萨", (None, 8, 1), "中新网"),
        ("【南宁10月5日讯】博览会开幕", "南宁", (None, 10, 5), None),
        ("大众网济南5月3日讯 论坛举行", "济南", (None, 5, 3), "大众网"),
        ("人民网北京2023年3月5日电 会议召开", "北京", (2023, 3, 5), "人民网"),
        # an agency of seven characters before its 社, not in the lexicon
        ("俄罗斯卫星通讯社上海9月8日电 会议举行", "上海", (None, 9, 8), "俄罗斯卫星通讯社"),
        # the site's Latin name after its Chinese one
        ("远东网FEASTNEWS.RU伊尔库茨克6月2日电 论坛开幕", "伊尔库茨克", (None, 6, 2), "远东网FEASTNEWS.RU"),
    ],
)
def test_telegraph_datelines(text, place, day, agency):
    dl = find_dateline(text, LANG)
    assert dl is not None
    assert dl.place_surface == place and text[dl.place_start:dl.place_end] == place
    assert dl.date == PartialDate(*day)
    assert dl.agency == agency


def test_dateline_after_breadcrumbs_and_timestamp():
    text = ("国际频道 > 要闻 > 正文\n\n论坛闭幕\n\n2021-08-16 09:20 来源:新华网\n\n"
            "新华社兰州8月15日电 15日,论坛闭幕。")
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "兰州" and dl.date == PartialDate(None, 8, 15)


def test_no_dateline_in_plain_sentence():
    assert find_dateline("6月8日,论坛在银川市开幕。", LANG) is None


@pytest.mark.parametrize("text", ["洽谈会于9月14、15日在大连举行。", "洽谈会9月14日、15日两天在大连举行。"])
def test_two_days_listed_with_a_comma_are_a_span(text):
    m = one(text, kind="range")
    assert (m.first.month, m.first.day, m.last.day) == (9, 14, 15)


@pytest.mark.parametrize("text, expected", [
    # the press's one-character "yesterday" and "today" before a verb, a time of day or a bracketed day
    ("交流会昨在长春举行。", date(2024, 5, 9)),
    ("博览会昨晚闭幕。", date(2024, 5, 9)),
    ("论坛今(10)日开幕。", date(2024, 5, 10)),
    ("展会今起对公众开放。", date(2024, 5, 10)),
])
def test_one_character_today_and_yesterday(text, expected):
    assert one(text, date(2024, 5, 10)).first.to_date() == expected


def test_today_and_yesterday_that_begin_other_words_are_no_days():
    assert [m.text for m in dates("今后双方将加强合作,昨日的成果令人鼓舞。", date(2024, 5, 10))] == ["昨日"]


def test_a_number_apart_from_the_ri_of_a_country_pair_is_no_day():
    # "图2 日中韩…": a figure's number before 日中韩 "Japan, China and Korea"
    assert dates("图2 日中韩地方合作会议现场", reference=date(2024, 5, 27)) == []


@pytest.mark.parametrize("text, place, agency", [
    ("【記者 王大明／台中 報導】由鎮長帶團的訪問團抵達日本。", "台中", None),
    ("某某日報訊 (記者 李小華 長沙報道)首屆博覽會27日在長沙舉行。", "長沙", "某某日報"),
    ("（记者 张三、李四 成都报道）论坛今天开幕。", "成都", None),
])
def test_a_reporters_byline_is_an_undated_dateline_of_where_the_reporter_filed_from(text, place, agency):
    dl = find_dateline(text, LANG)
    assert dl is not None and dl.date is None
    assert dl.place_surface == place and text[dl.place_start:dl.place_end] == place
    assert dl.agency == agency
