"""The event's dates in Chinese reports: years, days, weekdays completed from the day of the report; openings,
closings and bounds; background years; a signing's date. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from tests.extract.document_helpers import summarise

LANG = "zh"


def dates(text: str, reference: date | None = None):
    return [m for m in find_dates(text, LANG, reference) if m.kind != "year_only"]


def event_dates(page: str) -> tuple | None:
    s = summarise(page)
    assert s.relevant, s.reason
    return s.date


# ------------------------------------------------------------------------------ a year completed from the report


@pytest.mark.parametrize("text, reference, expected", [
    ("3月3日,交易会在天津举行。", date(2024, 3, 10), date(2024, 3, 3)),
    ("12月12日,交易会在天津举行。", date(2024, 1, 5), date(2023, 12, 12)),  # across the new year
    ("8月30日,交易会在天津举行。", date(2024, 2, 1), date(2023, 8, 30)),  # seven months ahead: last year's
])
def test_a_month_and_day_take_the_nearest_plausible_year(text, reference, expected):
    [m] = dates(text, reference)
    assert m.first.to_date() == expected and m.year_from_reference


def test_a_preview_looks_ahead_further():
    [m] = dates("交易会将于9月14日至16日在天津举行。", date(2024, 5, 10))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 9, 14), date(2024, 9, 16))


def test_the_year_completed_from_the_publication_date_is_inferred():
    page = ("天津交易会举行\n发布时间:2024-03-10 09:00\n"
            "3月3日,中俄地方合作交易会在天津举行,两国企业签署合作协议12项。")
    assert event_dates(page) == (2024, 3, 3, 2024, 3, 3, True)


def test_a_day_alone_takes_the_month_and_year_of_the_dateline():
    page = ("哈尔滨博览会开幕\n"
            "新华社哈尔滨6月3日电 第八届中俄博览会2日在哈尔滨开幕,两国企业签署合作协议30项。")
    assert event_dates(page)[:6] == (None, 6, 2, None, None, None)  # no year anywhere in the text


# ------------------------------------------------------------------------------------ a day alone, a weekday


def test_a_day_alone_takes_the_nearest_plausible_month():
    [m] = dates("会谈14日在天津举行。", date(2024, 3, 16))
    assert m.first.to_date() == date(2024, 3, 14) and m.month_from_context
    [m] = dates("会谈28日在天津举行。", date(2024, 3, 2))
    assert m.first.to_date() == date(2024, 2, 28)  # the 28th, seen on the 2nd, is last month's


def test_a_day_of_last_or_this_month():
    [m] = dates("上月28日,博览会在哈尔滨闭幕。", date(2024, 1, 7))
    assert m.first.to_date() == date(2023, 12, 28)
    [m] = dates("本月5号,论坛在哈尔滨开幕。", date(2024, 1, 7))
    assert m.first.to_date() == date(2024, 1, 5)
    assert dates("3号馆里展出了新产品。", date(2024, 1, 7)) == []  # hall 3 is no date


def test_a_range_of_days_of_last_or_this_month():
    [m] = dates("交流会上月30日至31日在沈阳举行。", date(2024, 1, 7))
    assert (m.first.to_date(), m.last.to_date()) == (date(2023, 12, 30), date(2023, 12, 31))
    [m] = dates("合作论坛将于本月21日至23日在青岛举办。", date(2024, 1, 7))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 1, 21), date(2024, 1, 23))


@pytest.mark.parametrize("text, expected", [
    ("周四,博览会在天津开幕。", date(2024, 6, 6)),  # reported on Saturday: two days back
    ("星期六,博览会在天津开幕。", date(2024, 6, 8)),  # the day of the report itself
    ("上周六,博览会在天津开幕。", date(2024, 6, 1)),
    ("博览会将于周四在天津开幕。", date(2024, 6, 13)),  # a preview: the coming Thursday
])
def test_a_weekday_resolves_against_the_day_of_the_report(text, expected):
    [m] = dates(text, date(2024, 6, 8))
    assert m.first.to_date() == expected and m.kind == "weekday"


def test_a_closing_with_a_duration():
    page = ("哈尔滨博览会闭幕\n发布时间:2024-06-08 09:00\n"
            "为期4天的中俄博览会7日在哈尔滨闭幕,两国企业签署合作协议30项。")
    assert event_dates(page) == (2024, 6, 4, 2024, 6, 7, True)


def test_a_day_the_event_is_held_on_starts_it_when_the_event_lasts_several_days():
    page = ("哈尔滨博览会举行\n发布时间:2024-06-04 09:00\n"
            "中俄博览会今天在哈尔滨举行,两国企业签署合作协议30项。本届博览会将持续4天。")
    assert event_dates(page) == (2024, 6, 4, 2024, 6, 7, True)


def test_a_clause_reports_while_its_sentence_announces():
    # reported on a Friday: the opening was two days back, the closing is two days ahead
    found = {m.first.to_date(): (m.future, m.bound) for m in dates("博览会周三开幕,将持续到周日。", date(2024, 6, 7))}
    assert found == {date(2024, 6, 5): (False, None), date(2024, 6, 9): (True, "until")}


# ---------------------------------------------------------------------------- openings, closings and bounds


def test_an_opening_gives_the_start_and_until_gives_the_end():
    page = ("哈尔滨博览会开幕\n发布时间:2024-05-06 09:00\n"
            "第八届中俄博览会于5月5日在哈尔滨开幕,将持续至5月9日,两国企业签署合作协议30项。")
    assert event_dates(page)[:6] == (2024, 5, 5, 2024, 5, 9)


def test_from_until_and_as_of_words():
    found = {m.text: m.bound for m in dates("展会自5月5日起对公众开放,持续至5月9日。截至5月8日,签约额已达10亿元。")}
    assert found == {"5月5日": "from", "5月9日": "until", "5月8日": None}


def test_an_opening_day_report_has_no_end():
    page = ("哈尔滨博览会开幕\n发布时间:2024-05-06 09:00\n"
            "今天,第八届中俄博览会在哈尔滨开幕,两国企业签署合作协议30项。")
    assert event_dates(page)[:6] == (2024, 5, 6, None, None, None)


def test_a_report_of_the_first_day_has_no_end():
    page = ("哈尔滨博览会首日签约\n发布时间:2024-05-08 09:00\n"
            "5月7日是第八届中俄博览会首日,两国企业在哈尔滨签署合作协议30项。")
    assert event_dates(page)[:6] == (2024, 5, 7, None, None, None)


def test_and_joins_only_following_days():
    [m] = dates("论坛5日和6日在天津举行。", date(2024, 6, 7))
    assert (m.first.day, m.last.day) == (5, 6)
    assert [m.first.day for m in dates("会谈5日和7日在天津举行。", date(2024, 6, 7))] == [5, 7]


# ------------------------------------------------------------------------------------------------- years


def test_an_era_year_is_read_in_full():
    [m] = dates("民國113年5月6日,論壇在台北舉行。")
    assert m.first.to_date() == date(2024, 5, 6)


def test_a_year_of_the_series_history_is_not_the_events():
    page = ("亚欧博览会开幕\n"
            "博览会创办于2011年。6月26日,第八届中国-亚欧博览会在乌鲁木齐开幕,30个国家的企业签署合作协议。")
    assert event_dates(page)[:6] == (None, 6, 26, None, None, None)
    [since] = [m for m in find_dates("2015年以来,博览会每年举办一次。", LANG) if m.kind == "year_only"]
    assert since.bound == "since"
    # "from 2015 on": the start of a span up to now, not a year that dates the sentence
    [start] = [m for m in find_dates("自2015年,博览会每年举办一次。", LANG) if m.kind == "year_only"]
    assert start.bound == "from"


def test_a_count_is_no_year():
    assert [m for m in find_dates("2019家企业参加了博览会。", LANG)] == []


# ---------------------------------------------------------------------------------------------- a signing


def test_the_date_of_a_signing_dates_an_event_given_no_other():
    page = ("友好城市论坛举行\n发布时间:2023-11-20 09:00\n"
            "中俄友好城市论坛在天津举行。\n"
            "11月17日,两国城市代表签署了友好合作协议。")
    assert event_dates(page) == (2023, 11, 17, 2023, 11, 17, True)


# ----------------------------------------------------------- an agency bracket after a photo caption


def test_an_agency_bracket_after_a_caption_is_the_dateline():
    from orchestration.extract.dates import find_dateline
    text = "图为展会现场。(记者摄)【新华社大连3月9日】为期三天的博览会7日在辽宁大连闭幕。"
    dl = find_dateline(text, LANG)
    assert dl is not None and dl.date.month == 3 and dl.date.day == 9 and dl.place_surface == "大连"


def test_a_bracketed_heading_without_agency_inside_a_line_is_no_dateline():
    from orchestration.extract.dates import find_dateline
    assert find_dateline("本期刊登展会图片与【专题3月9日】报道。", LANG) is None


def test_after_a_caption_dateline_the_day_alone_is_the_event_day():
    [closing] = [m for m in dates("图为展会现场。(记者摄)【新华社大连3月9日】为期三天的博览会7日在辽宁大连闭幕。")
                 if not m.in_dateline]
    assert (closing.first.month, closing.first.day, closing.cue) == (3, 7, "closing")


def test_days_written_in_chinese_numerals_make_a_span():
    [m] = dates("展会于八月九日至十二日举行。")
    assert (m.first.month, m.first.day, m.last.day) == (8, 9, 12)


def test_the_sentence_after_the_event_gives_its_opening_day():
    page = ("大连国际博览会\n"
            "date 2023-03-16\n"
            "来自蒙古和俄罗斯的代表团参加了在大连举办的国际博览会,并签署了合作协议。"
            "其首日活动于3月15日拉开帷幕。")
    assert event_dates(page)[:3] == (2023, 3, 15)


def test_today_in_a_quotation_is_the_speakers_day_not_the_events():
    page = ("喀山友好城市论坛\n"
            "date 2024-05-20\n"
            "土耳其和中国代表团在喀山友好城市论坛上签署了12项协议。"
            "市长表示:“今天我们就开始筹备下一届论坛。”")
    assert event_dates(page) is None


def test_a_founding_year_is_background_not_the_events():
    page = ("大连博览会闭幕\n"
            "第三届中蒙博览会6月19日在大连闭幕,两国企业签署了合作协议。"
            "成立于2016年的一家商会首次组团参加本届博览会。")
    assert event_dates(page)[3:6] == (None, 6, 19)


def test_a_dated_bracket_with_an_outlet_in_latin_letters_is_the_dateline():
    from orchestration.extract.dates import find_dateline
    dl = find_dateline("【3月9日 Example News】大连博览会8日闭幕。", LANG)
    assert dl is not None and (dl.date.month, dl.date.day) == (3, 9)


def test_a_report_takes_no_year_from_an_announcement_of_the_next_edition():
    # the only year left in the sentences about the expo announces the next edition, not this one's
    page = ("博览会在哈尔滨闭幕\n哈尔滨9月5日电 第七届国际经贸博览会5日在哈尔滨闭幕，共签约项目26个。博览会2009年至今已举办七届。"
            "第八届国际经贸博览会将于2016年在哈尔滨举办。")
    assert summarise(page).date[3:6] == (None, 9, 5)


def test_a_visit_around_the_event_gives_way_to_the_day_before_its_noun():
    page = "中日青年交流\n2018年7月1日至7日，中国青年代表团访问日本，7月3日在福冈出席中日青年论坛。"
    assert event_dates(page) == (2018, 7, 3, 2018, 7, 3, False)



def test_an_edition_held_at_two_venues_at_once_is_no_history_of_the_series():
    # 分别在…两地举行: this edition in two cities at once; its sentence dates it and gives its year
    page = "中马企业对接会举行\n9月6日，2024年中马企业合作对接会分别在南宁和吉隆坡两地以线上线下方式举行。双方企业签署合作备忘录12份。"
    assert summarise(page).date[:3] == (2024, 9, 6)


def test_earlier_editions_held_each_in_another_city_are_history():
    page = ("中俄博览会开幕\n第四届中俄博览会2024年9月6日在哈尔滨开幕。前三届博览会分别在北京、上海和广州举行，共签约项目300个。"
            "本届博览会签约项目45个。")
    assert summarise(page).agreements == 45


def test_a_year_glued_to_the_events_name_is_its_year():
    page = "博览会开幕\n6月4日至6日，绿色制造2025博览会在福州举行，来自越南和泰国的企业参展，共签约项目12个。"
    assert event_dates(page)[:6] == (2025, 6, 4, 2025, 6, 6)
