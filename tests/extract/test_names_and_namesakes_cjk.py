"""Chinese and Japanese names that hold their host: a short quoted nickname or a bracketed city inside an event's
name, a famous place that is also a common word, same-named cities of two countries told apart by the province
or country the sentence names. Sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.events import find_events
from orchestration.extract.places import find_places
from tests.extract.document_helpers import summarise


def test_a_short_quoted_nickname_stays_inside_the_events_name():
    text = "11月3日上午，2016中国“三会”(赣州)经贸洽谈会隆重开幕，签约项目52个。"
    (event,) = [e for e in find_events(text, "zh") if "洽谈会" in e.name]
    assert event.name == "2016中国“三会”(赣州)经贸洽谈会"


def test_a_long_quotation_before_a_name_is_not_part_of_it():
    text = "他说“合作共赢，共同发展”(来源)经贸洽谈会已经开幕。"
    (event,) = [e for e in find_events(text, "zh") if "洽谈会" in e.name]
    assert "合作共赢" not in event.name


def test_the_bracketed_city_of_a_name_hosts_it_and_its_year_dates_it():
    summary = summarise("经贸洽谈\n11月3日上午，2016中国“三会”(赣州)经贸洽谈会隆重开幕，签约项目52个，"
                        "会后嘉宾将分赴瑞金、井冈山考察。")
    assert summary.host == "Ganzhou"
    assert summary.date[:3] == (2016, 11, 3)


@pytest.mark.parametrize("text", ["学术研讨会在敦煌举行。", "会议于敦煌召开。", "丝路(敦煌)国际文化论坛开幕。"])
def test_a_famous_place_that_is_also_a_common_word_is_the_city_where_it_is_framed_as_one(text):
    assert [m.city.name_en for m in find_places(text, "zh") if m.kind == "city"] == ["Dunhuang"]


@pytest.mark.parametrize("text", ["敦煌艺术展览很受欢迎。", "这里生活富裕，环境优美。"])
def test_the_common_word_alone_is_still_no_city(text):
    assert [m for m in find_places(text, "zh") if m.kind == "city"] == []


@pytest.mark.parametrize("text, lang", [
    ("全羅南道は5月8日、麗水で海洋観光フォーラムを開いた。", "ja"),
    ("全罗南道5月8日在丽水举办海洋旅游论坛。", "zh"),
])
def test_the_province_the_sentence_names_tells_same_named_cities_apart(text, lang):
    (city,) = [m.city for m in find_places(text, lang) if m.kind == "city"]
    assert (city.name_en, city.country_code) == ("Yeosu", "KR")


def test_without_a_korean_province_the_chinese_city_stays():
    (city,) = [m.city for m in find_places("浙江省5月8日在丽水举办生态旅游论坛。", "zh") if m.kind == "city"]
    assert (city.name_en, city.country_code) == ("Lishui", "CN")


@pytest.mark.parametrize("text", ["大会隆重纪念邓小平同志视察三十周年。", "会上宣读了王长春先生的贺信。"])
def test_a_surname_and_given_name_before_a_form_of_address_is_a_person(text):
    assert [m for m in find_places(text, "zh") if m.kind == "city"] == []


def test_the_town_with_its_suffix_is_still_the_town():
    assert [m.city.name_en for m in find_places("交流会在小平市举行。", "zh") if m.kind == "city"] == ["Kodaira"]


@pytest.mark.parametrize("text, lang", [
    # GeoNames files 贵溪 under a town of the city; the city bears the name's Mandarin reading as its own
    ("贵溪市代表团参加了交流会。", "zh"),
    ("中国の江西省貴渓市と友好都市の関係を結んだ。", "ja"),
])
def test_a_chinese_city_is_the_one_that_bears_the_names_mandarin_reading(text, lang):
    (city,) = [m.city for m in find_places(text, lang) if m.kind == "city"]
    assert (city.name_en, city.country_code) == ("Guixi", "CN")


@pytest.mark.parametrize("text, lang, expected", [
    ("東海市で会議が開かれた。", "ja", ("Tōkai", "JP")),  # a Japanese name is not read in Mandarin
    ("代表团访问了釜山。", "zh", ("Busan", "KR")),  # nor is a Korean city's, whose Chinese reading names no city
])
def test_the_mandarin_reading_decides_only_between_chinese_namesakes(text, lang, expected):
    (city,) = [m.city for m in find_places(text, lang) if m.kind == "city"]
    assert (city.name_en, city.country_code) == expected
