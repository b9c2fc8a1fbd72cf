"""Whole Japanese reports through extraction, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

from tests.extract.document_helpers import summarise


def test_an_organisation_named_after_a_city_is_no_city_and_the_venue_names_the_host():
    page = """日韓産業協力交流会が上海協力機構モデル区で開催

2025-05-02 10:11:12 admin ソース: 分かち合う:

4月18日、日韓産業協力交流会が上海協力機構モデル区で開催された。青島市の副市長、ソウル市の代表団がイベントに出席した。
席上、9件の共同研究プロジェクトに調印が行われた。山東省、青島市、上海協力機構モデル区の支援政策も発表された。
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
    page = """「第4回 中国-ロシア博覧会」が閉幕
黒竜江省ハルビン市で開かれていた「第4回 中国-ロシア博覧会」が8月21日に閉幕した。
締結された提携は186件で、契約額は472億6000万元(約9500億円)となった。うち、投資額が4億元(約80億円)超の大型プロジェクトは14件で、合計240億元(約4800億円)だった。
前回の博覧会の契約額は350億元にとどまった。
"""
    s = summarise(page)
    assert s.relevant and s.event["event_ordinal"] == 4 and s.host == "Harbin"
    assert s.date == (None, None, None, None, 8, 21, False)  # the closing day; no year in the text
    assert s.agreements == 186
    deals = {(amount, currency): part for amount, currency, _, part in s.deals}
    assert deals == {(47_260_000_000.0, "CNY"): False, (24_000_000_000.0, "CNY"): True}


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


def test_a_signing_meeting_is_the_event_and_size_classes_of_projects_are_no_deals():
    page = """西安で日本企業の投資契約会
陝西省西安市で12日、日本企業による投資プロジェクトの契約会が開かれ、15件の契約が結ばれた。契約総額は80億元に上る。
このうち投資額10億元規模が2件、5億元規模が4件だった。
"""
    s = summarise(page)
    assert s.relevant and s.event["event_type"] == "signing" and s.host == "Xi’an"
    assert s.agreements == 15
    assert {(amount, currency) for amount, currency, _, _ in s.deals} == {(8_000_000_000.0, "CNY")}
