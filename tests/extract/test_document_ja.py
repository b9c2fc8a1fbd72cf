"""Whole Japanese reports through extraction, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

from tests.extract.document_helpers import summarise


def test_an_organisation_named_after_a_city_is_no_city_and_the_venue_names_the_host():
    page = """日韓産業協力交流会が上海協力機構モデル区で開催

2025-05-02 10:11:12 admin ソース: 分かち合う:

4月18日、日韓産業協力交流会が上海協力機構モデル区で開催された。青島市の副市長、ソウル市の代表団がイベントに出席した。
会議では、9件の協力プロジェクトが契約された。山東省、青島市、上海協力機構モデル区の支援政策も発表された。
華東・華北の企業から300人以上が参加した。

Powered by SomeCMS 5.0 ©2010-2025  example.cn
"""
    s = summarise(page)
    assert s.relevant and s.event["event_type"] == "exchange_meeting"
    assert s.published == date(2025, 5, 2)
    assert s.date == (2025, 4, 18, 2025, 4, 18, True)
    assert s.host == "Qingdao" and "Shanghai" not in s.partners and s.partners == {"Seoul"}
    assert s.agreements == 9  # not 300 participants


def test_kanji_amounts_restatements_thresholds_and_parts_of_a_total():
    page = """「第5回 中国-中東欧博覧会」が閉幕
中国・浙江省寧波市で行われた「第5回 中国-中東欧博覧会」が6月10日に閉幕した。
合意された提携は215件、契約額は568億3000万元(約1兆1000億円)に達した。このうち、5億元(約100億円)以上のプロジェクトが12件あり、その総額は300億元(約5800億円)にのぼった。
前回の博覧会の契約額は400億元だった。
"""
    s = summarise(page)
    assert s.relevant and s.event["event_ordinal"] == 5 and s.host == "Ningbo"
    assert s.date == (None, None, None, None, 6, 10, False)  # the closing day; no year in the text
    assert s.agreements == 215
    deals = {(amount, currency): part for amount, currency, _, part in s.deals}
    assert deals == {(56_830_000_000.0, "CNY"): False, (30_000_000_000.0, "CNY"): True}


def test_a_duration_gives_the_other_end_of_the_event():
    page = """青島で日中環境協力会議が開幕
【青島＝共同】日中環境協力会議が14日、青島市で開幕した。3日間の日程で、両国の企業から約400人が参加している。
初日には8件の協力協定が調印された。
"""
    s = summarise(page)
    assert s.date is not None and (s.date[2], s.date[5]) == (14, 16)
    assert s.host == "Qingdao" and {"JP", "CN"} <= s.countries and s.agreements == 8


def test_the_next_host_is_not_this_events_host():
    page = """北京で日中韓サミット、協力文書10件に署名
【北京＝共同】日中韓3カ国の首脳会議が18日、北京の人民大会堂で開かれ、経済や環境など10件の協力文書に署名した。
次回の首脳会議は東京で開催される予定だ。
"""
    s = summarise(page)
    assert s.host == "Beijing" and "Tokyo" not in s.partners
    assert s.agreements == 10 and {"CN", "JP", "KR"} <= s.countries


def test_both_cities_is_no_city_name():
    page = """札幌市と瀋陽市、友好都市提携で記念フォーラム
札幌市と中国遼寧省瀋陽市の友好都市提携を記念するフォーラムが9月3日、札幌市内で開かれた。両市の企業など約120人が参加し、経済交流に関する覚書4件に署名した。
"""
    s = summarise(page)
    assert s.host == "Sapporo" and s.partners == {"Shenyang"} and s.agreements == 4
