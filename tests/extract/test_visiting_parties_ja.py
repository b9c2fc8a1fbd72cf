"""A party visiting Japan (訪日団) named by its leader "and others" (Xの某市長ら8人の訪日団), and a foreign person's
family name before a title (トム・ジャクソン市長), which is no town. Sentences written for these tests."""
from __future__ import annotations

from orchestration.extract.places import find_places
from tests.extract.document_helpers import summarise


def test_a_party_led_by_a_mayor_comes_from_its_city_and_visits_the_host():
    page = ("姉妹都市の市長が来日\n姉妹都市提携50周年を迎えた豪州のダーウィン市のトム・ジャクソン市長ら8人の訪日団が、"
            "9月3日から6日まで函館市を訪れる。ジャクソン市長は4日に函館市長と会談する。")
    summary = summarise(page)
    assert summary.event is not None and summary.event["surface"] == "訪日団"
    assert summary.host == "Hakodate"
    assert summary.partners == {"Darwin"}
    assert summary.date[1:3] == (9, 3) and summary.date[4:6] == (9, 6)


def test_a_party_of_ten_visiting_japan_is_a_sister_city_visit():
    summary = summarise("姉妹都市の市長が来日\n米国スポケーン市のリサ・ブラウン市長ら10人の訪日団が、5月14日に西宮市を訪問した。")
    assert (summary.host, summary.partners) == ("Nishinomiya", {"Spokane"})


def test_a_family_name_after_a_given_name_and_a_dot_is_a_person():
    page = ("姉妹都市交流会議\n米国ポートランド市の代表団が10月2日、札幌市で開かれた姉妹都市交流会議に出席した。"
            "ポール・ジャクソン市長はあいさつした。")
    assert summarise(page).partners == {"Portland"}


def test_a_dotted_city_name_before_its_mayor_stays_a_city():
    page = "姉妹都市交流会議\nニジニ・ノヴゴロド市長は5月10日、大阪市で開かれた姉妹都市交流会議に出席した。"
    summary = summarise(page)
    assert summary.host == "Osaka" and summary.partners == {"Nizhny Novgorod"}


def test_a_country_before_the_dot_makes_the_mayor_a_towns_not_a_family_name():
    text = "会議にはドイツ・マンハイム市長とトム・ジャクソン市長が出席した。"
    found = {p.city.name_en for p in find_places(text, "ja") if p.kind == "city"}
    assert found == {"Mannheim"}
