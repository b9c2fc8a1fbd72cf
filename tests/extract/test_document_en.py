"""Whole English reports through extraction, in sentences written for these tests."""
from __future__ import annotations

from datetime import date

from tests.extract.document_helpers import summarise


def test_weekday_range_from_the_dateline_and_the_previous_edition():
    page = """English English

South Asia Expo closes, 10 bln USD deals signed

2019-06-17 09:20  Xinhua

KUNMING, June 16 (Xinhua) -- Over 66.1 billion yuan (10.24 billion U.S. dollars) worth of investment contracts were inked during the 5th China-South Asia Expo in Kunming, capital of southwest China's Yunnan Province.
At the expo, which ran from Thursday to Sunday, firms from Nepal and Sri Lanka signed 37 agreements.
The previous expo saw 7 billion U.S. dollars worth of deals.
责任编辑:Zhao Lei
分享
"""
    s = summarise(page)
    assert s.published == date(2019, 6, 17)
    assert s.date == (2019, 6, 13, 2019, 6, 16, True)
    assert s.host == "Kunming" and s.event["event_ordinal"] == 5
    assert s.agreements == 37
    assert s.deals == [(66_100_000_000.0, "CNY", "over", False)]  # the headline rounding and the last expo are not deals
    assert {"CN", "NP", "LK"} <= s.countries


def test_marathon_prize_money_is_no_cooperation_event():
    page = """Bigger purse for city marathon runners

Updated: 2023-04-11 08:30

Organisers of the 2023 Lanzhou Marathon set out the prize money at a press conference held in the Lanzhou Olympic Sports Centre on April 9.
The fastest man and woman will each take home $25,000, and $100,000 in total goes to the top ten finishers.
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


def test_a_civic_reception_for_a_twin_towns_mayor_is_their_meeting():
    summary = summarise("Twin town reception\nPublished: 2025-03-01\nThe Mayor of Tampere yesterday hosted a reception "
                        "in honour of the visiting Mayor of Kazan, as the two cities prepare to become twin towns.")
    assert (summary.relevant, summary.date[:3], summary.host, summary.partners) == \
        (True, (2025, 2, 28), "Tampere", {"Kazan"})


def test_a_ceremony_with_no_twin_towns_or_signing_in_the_lead_reports_no_event():
    summary = summarise("Sports awards\nPublished: 2025-03-01\nThe Mayor of Tampere yesterday hosted a ceremony for "
                        "the city's young athletes, and thanked coaches from Kazan for their cooperation.")
    assert not summary.relevant
