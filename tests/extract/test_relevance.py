"""Reports of events the lexicon has no proper name for, and cues that may sit in the headline only.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.events import find_events
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("text,lang,event_type", [
    ("第九届茶博会在福州开幕", "zh", "expo"),  # "X博会": an abbreviated expo of any name
    ("第五届农交会在长沙举行", "zh", "expo"),  # "X交会": an abbreviated trade fair
    ("第12回国際商品交易会が大連で開幕した", "ja", "expo"),
    ("環境技術フェアが横浜で開かれた", "ja", "expo"),
    ("Онлайн-форум породнённых городов прошёл в среду", "ru", "forum"),
    ("An investment round table took place in Almaty", "en", "exchange_meeting"),
])
def test_generic_event_nouns(text, lang, event_type):
    assert event_type in {e.event_type for e in find_events(text, lang)}


def test_a_cooperation_cue_in_the_headline_is_enough():
    page = ("Во Владимире открылся международный экономический форум\n"
            "Форум открылся 14 июня 2023 года во Владимире, в нём участвуют гости из 12 стран.")
    summary = summarise(page)
    assert summary.relevant and summary.host == "Vladimir"


def test_a_city_that_hosts_in_apposition_is_the_host():
    page = ("Expo preview\n"
            "Kunming, the capital of southwest China's Yunnan province, hosts the 8th South Asia Expo from "
            "August 16 to 20, 2024, with exhibitors from 15 countries expected.")
    summary = summarise(page)
    assert summary.relevant and summary.host == "Kunming"


def test_a_russian_city_that_will_host_the_event_hosts_it():
    page = ("Анонс выставки\n"
            "Казань примет международную выставку «Агропром» 5–7 апреля 2024 года, участие подтвердили фирмы "
            "из Китая и Узбекистана.")
    summary = summarise(page)
    assert summary.relevant and summary.host in ("Kazan", "Kazan'")
