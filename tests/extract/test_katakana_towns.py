"""Foreign towns GeoNames writes in no Japanese script, read by the sound of their katakana names. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.places import find_places
from orchestration.extract.places.katakana import english_skeleton, katakana_skeleton


@pytest.mark.parametrize("katakana, english", [
    ("ウィルソンビル", "Wilsonville"),
    ("ベルフォンテン", "Bellefontaine"),
    ("ブリスベン", "Brisbane"),
    ("グレンデール", "Glendale"),
    ("ケニルワース", "Kenilworth"),
])
def test_a_katakana_name_and_its_english_spelling_share_their_consonants(katakana, english):
    assert katakana_skeleton(katakana) == english_skeleton(english)


def cities(text: str) -> list[tuple[str, str]]:
    return [(m.city.name_en, m.city.country_code) for m in find_places(text, "ja") if m.city is not None]


def test_a_town_of_a_named_country_is_read_by_its_sound():
    text = "1990年に米国オハイオ州ベルフォンテン市と姉妹都市提携を結び、今年は訪問団を派遣した。"
    assert cities(text) == [("Bellefontaine", "US")]


def test_without_a_named_country_or_a_towns_suffix_no_town_is_guessed():
    assert cities("ベルフォンテン市と姉妹都市提携を結んだ。") == []
    assert cities("米国のベルフォンテン氏が講演した。") == []


def test_a_name_before_a_mayors_title_is_a_persons_unless_the_text_calls_it_a_town():
    # "Mayor Bellefontaine": Japanese puts the title after the surname
    assert cities("米国から来日したベルフォンテン市長が講演した。") == []
    assert cities("米国ベルフォンテン市の訪問団が到着し、ベルフォンテン市長が挨拶した。") \
        == [("Bellefontaine", "US"), ("Bellefontaine", "US")]


def test_a_katakana_name_spelt_for_another_countrys_town_is_the_named_countrys_namesake():
    # GeoNames writes ペンリス for the Australian Penrith only; the country before it says which Penrith
    assert cities("2015年にイギリス ペンリス市と姉妹都市提携を結んだ。") == [("Penrith", "GB")]


def test_a_name_placed_in_a_country_once_keeps_that_country_when_written_alone():
    text = "今年はイギリス ペンリス市と姉妹都市提携を結んだ。ペンリス市からは市民団が訪れた。"
    assert cities(text) == [("Penrith", "GB"), ("Penrith", "GB")]


def test_a_city_spelt_across_the_dot_of_a_foreign_persons_name_is_no_city():
    # セルジュ・バラン: "ジュ・バ" reads as Juba once the dot is dropped, but it runs on from and into the name
    assert cities("会議ではフランスのセルジュ・バラン議員が講演した。") == []
    assert cities("ニジニ・ノヴゴロド市の代表団が到着した。") == [("Nizhny Novgorod", "RU")]
