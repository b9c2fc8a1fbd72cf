"""Whole Chinese reports through extraction, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

from tests.extract.document_helpers import summarise


def test_previous_hosts_are_not_partners_and_the_dateline_month_completes_a_day():
    page = """更新时间: 浏览次数: 321
中新社杭州10月12日电 (记者 王明)12日,在浙江杭州举行的2023中外友好城市合作大会上,宁夏银川市与蒙古国乌兰巴托市、江苏省无锡市与日本东京都等签署友好合作协议12项。
该大会的主办方为中国友好城市交流协会,此前广州、西安、南京、青岛已相继承办过4届。(完) 【编辑:李华】 新闻结尾
福州举行美食节的相关文章
"""
    s = summarise(page)
    assert s.relevant and s.host == "Hangzhou"
    assert s.date == (2023, 10, 12, 2023, 10, 12, False)  # the year from the event's name
    assert {"Yinchuan", "Ulaanbaatar", "Wuxi"} <= s.partners
    assert not s.partners & {"Guangzhou", "Xi’an", "Nanjing", "Qingdao", "Fuzhou"}
    assert {"CN", "MN", "JP"} <= s.countries and s.agreements == 12


def test_closing_day_with_duration_and_amounts_of_this_and_the_last_edition():
    page = """第八届中国—南亚博览会落幕
2024-08-22 09:30 来源:新华网 责任编辑:张三
新华社昆明8月21日电 21日,第八届中国—南亚博览会在昆明落下帷幕,5天时间里共签约项目86个,签约金额约920亿元。
来自尼泊尔、孟加拉国等国家的企业参展。上届博览会签约金额为800亿元。
"""
    s = summarise(page)
    assert s.published == date(2024, 8, 22)
    assert s.date == (2024, 8, 17, 2024, 8, 21, True)
    assert s.host == "Kunming" and s.event["event_ordinal"] == 8
    assert s.agreements == 86 and s.deals == [(92_000_000_000.0, "CNY", "about", False)]
    assert {"NP", "BD", "CN"} <= s.countries


def test_compound_country_names_and_past_projects():
    page = """发布时间:2025-05-20 08:00:00 来源: 示例网
中新网西安5月19日电 5月19日,第三届中亚合作论坛在西安开幕,为期2天。论坛上,中哈两国企业签署合作协议,协议金额达12.5亿元人民币。
近年来,中日友好林等一批合作项目落地陕西。
"""
    s = summarise(page)
    assert s.date == (2025, 5, 19, 2025, 5, 20, True)
    assert s.host == "Xi’an" and "KZ" in s.countries and "JP" not in s.countries
    assert s.deals == [(1_250_000_000.0, "CNY", "exact", False)]


def test_projects_matched_are_not_projects_signed():
    page = """新华社厦门9月8日电 第二十三届中国国际投资贸易洽谈会8日在厦门开幕。本届投洽会共对接项目2000余项,现场签约项目98个,合同金额约650亿元。"""
    s = summarise(page)
    assert s.host == "Xiamen" and s.agreements == 98 and s.event["event_ordinal"] == 23
