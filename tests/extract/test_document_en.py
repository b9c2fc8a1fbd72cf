"""Whole English reports through extraction, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

from tests.extract.document_helpers import summarise


def test_weekday_range_from_the_dateline_and_the_previous_edition():
    page = """English English

Northeast Asia Expo closes, 12 bln USD deals signed

2021-06-06 14:45  Xinhua

CHANGCHUN, June 5 (Xinhua) -- Over 80.5 billion yuan (12.47 billion U.S. dollars) worth of contracts were signed during the 13th Northeast Asia Expo in Changchun, northeast China's Jilin Province.
During the expo held from Wednesday to Saturday, companies from Japan and South Korea signed 41 agreements.
The previous expo saw 9 billion U.S. dollars worth of contracts.
责任编辑:Li Ming
分享
"""
    s = summarise(page)
    assert s.published == date(2021, 6, 6)
    assert s.date == (2021, 6, 2, 2021, 6, 5, True)
    assert s.host == "Changchun" and s.event["event_ordinal"] == 13
    assert s.agreements == 41
    assert s.deals == [(80_500_000_000.0, "CNY", "over", False)]  # the headline rounding and the last expo are not deals
    assert {"CN", "JP", "KR"} <= s.countries


def test_marathon_prize_money_is_no_cooperation_event():
    page = """Prize money doubled for city marathon

Updated: 2022-03-02 10:00

Prizes for the 2022 Harbin Marathon were announced at a press conference at the Harbin Grand Theatre on Feb 28.
The winner will receive $30,000 and a total of $120,000 will be shared by the top ten runners.
"""
    s = summarise(page)
    assert not s.relevant and s.deals == []


def test_a_business_forum_with_a_part_of_its_total():
    page = """Kazakh-Chinese business forum yields $1.2 bln in deals
ASTANA, Oct. 14 (Reuters) - Kazakh and Chinese companies signed 31 agreements worth about $1.2 billion at a business forum held in Almaty on Monday, the trade ministry said.
Of the total, deals worth $450 million concern agriculture, the ministry said.
"""
    s = summarise(page)
    assert s.relevant and s.host == "Almaty" and s.agreements == 31
    assert sorted(s.deals) == [(450_000_000.0, "USD", "exact", True), (1_200_000_000.0, "USD", "about", False)]
    assert {"KZ", "CN"} <= s.countries and not s.partners


def test_byline_date_weekday_duration_and_last_years_fair():
    page = """Sino-Italian design fair closes with $1.1bn in deals
By Anna Lee | China Daily | Updated: 2023-04-15 09:00
The second China-Italy Design Fair closed in Ningbo on Friday, with 22 projects worth $1.1bn signed over three days.
Designers from Milan and Turin took part. Last year's fair produced deals worth $800m.
"""
    s = summarise(page)
    assert s.published == date(2023, 4, 15)
    assert s.date == (2023, 4, 12, 2023, 4, 14, True)  # not last year's
    assert s.host == "Ningbo" and s.partners == {"Milan", "Turin"} and s.agreements == 22
    assert s.deals == [(1_100_000_000.0, "USD", "exact", False)]


def test_a_capitalised_word_at_a_sentence_start_is_no_city():
    page = """Cities hold friendship forum in Tianjin
TIANJIN, May 22 (Xinhua) -- More than 20 projects worth a total of 9 billion yuan were signed at the friendship cities forum held in Tianjin on May 20-21.
Representatives from Vladivostok and Irkutsk attended the forum.
"""
    s = summarise(page)
    assert s.host == "Tianjin" and s.partners == {"Vladivostok", "Irkutsk"} and s.agreements == 20
    assert s.event["event_name"] == "friendship cities forum"
