"""Russian place mentions: case forms, transliteration, markers, names, organisations (own sentences)."""
from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.extract.places import find_places

SEEDS = Path(__file__).resolve().parents[2] / "sources" / "corpus" / "seeds"  # the bundled demo corpus


def cities(text: str) -> list[str]:
    """English names of the participant-like cities (kind city, not inside a name)."""
    return [m.city.name_en for m in find_places(text, "ru") if m.kind == "city" and not m.inside_name]


def by_surface(text: str, surface: str):
    found = [m for m in find_places(text, "ru") if m.surface == surface]
    assert found, f"{surface!r} not found in {[m.surface for m in find_places(text, 'ru')]}"
    return found[0]


@pytest.mark.parametrize("sentence, expected", [
    ("Делегация побывала в Сиане и провела переговоры.", "Xi’an"),
    ("Форум прошёл в Харбине при поддержке властей.", "Harbin"),
    ("Мэр Харбина подписал меморандум.", "Harbin"),
    ("Инвесторы посетили промышленные парки в Шэньяне.", "Shenyang"),
    ("Научный центр открыт в Чанше весной.", "Changsha"),
    ("Соглашение между Куньшанем и партнёрами подписано.", "Kunshan"),
    ("Специалисты из Куньшаня приехали на выставку.", "Kunshan"),
    ("Выставка завершилась в Наньнине в пятницу.", "Nanning"),
    ("Промышленная ярмарка проходила в Екатеринбурге.", "Yekaterinburg"),
    ("Конференция открылась в Урумчи на этой неделе.", "Ürümqi"),
    ("Делегаты из Урумчи вернулись домой.", "Ürümqi"),
    ("Переговоры прошли в Шанхае и Гонконге.", "Shanghai"),
])
def test_inflected_and_transliterated_city_names(sentence, expected):
    assert expected in cities(sentence)


def test_county_level_city_without_cyrillic_name_in_geonames_is_reached_by_palladius():
    # GeoNames has no Cyrillic name for Yixing; «Исин» is generated from the pinyin.
    assert cities("Форум прошёл в уезде Исин города Уси.") == ["Yixing", "Wuxi"]
    assert cities("Завод построят в Цзяочжоу.") == ["Jiaozhou"]


def test_all_capital_dateline_is_a_city_but_an_acronym_is_not():
    text = "НАНЬНИН (Китай), 3 мая /Синьхуа/ -- Выставка открылась."
    assert by_surface(text, "НАНЬНИН").city.name_en == "Nanning"
    assert cities("По данным ТАСС, соглашения подписаны в Пекине.") == ["Beijing"]
    assert by_surface("По данным ТАСС, рост продолжился.", "ТАСС").kind == "organisation"


@pytest.mark.parametrize("sentence, surface, kind", [
    ("Выставка прошла в провинции Хэйлунцзян на северо-востоке.", "Хэйлунцзян", "admin_region"),
    ("Гости приехали из провинции Юньнань.", "Юньнань", "admin_region"),
    ("Город расположен в провинции Шэньси.", "Шэньси", "admin_region"),
    ("Куньшань входит в провинцию Цзянсу.", "Цзянсу", "admin_region"),
    ("Предприятия Синьцзяна расширяют экспорт.", "Синьцзяна", "admin_region"),
    ("Сотрудничество с регионами Центральной Азии растёт.", "Центральной Азии", "macro_region"),
    ("Экспорт в Юго-Восточную Азию вырос.", "Юго-Восточную Азию", "macro_region"),
    ("Экспо прошло в Харбине (Северо-Восточный Китай).", "Северо-Восточный Китай", "macro_region"),
    ("Ярмарка прошла в Гуанси-Чжуанском автономном районе.", "Гуанси", "admin_region"),
    ("Маршрут повторяет Великий шёлковый путь, а Шёлковый путь снова популярен.", "Шёлковый путь", "macro_region"),
])
def test_provinces_regions_and_macro_regions_are_not_cities(sentence, surface, kind):
    mention = by_surface(sentence, surface)
    assert mention.kind == kind and mention.city is None


def test_a_city_name_after_a_district_street_or_station_marker_is_not_the_city():
    text = "Центр находится в районе Чанша, рядом с улицей Ухань и станцией Харбин."
    kinds = {m.surface: m.kind for m in find_places(text, "ru")}
    assert kinds == {"Чанша": "district", "Ухань": "street", "Харбин": "venue"}
    assert cities(text) == []


def test_street_named_after_a_city():
    text = "Ролики покажут на экранах в аэропорту и на улице Наньчан."
    mention = by_surface(text, "Наньчан")
    assert mention.kind == "street" and mention.city is None
    assert [c.name_en for c in mention.candidates][:1] == ["Nanchang"]


def test_city_marker_before_name_even_with_words_between():
    assert cities("Саммит прошёл в городе центрального подчинения Чунцин.") == ["Chongqing"]
    # «провинции» after the city belongs to the province name that follows it
    text = "Конференция закрылась в городе Куньмин провинции Юньнань."
    assert cities(text) == ["Kunming"]
    assert by_surface(text, "Юньнань").kind == "admin_region"


def test_autonomous_region_after_a_name_is_not_a_city():
    assert cities("Делегация Гуанси-Чжуанского автономного района прибыла в Пекин.") == ["Beijing"]
    assert cities("Предприятия Внутренней Монголии участвовали.") == []


def test_a_compound_adjective_names_no_city_in_its_first_part():
    # «Баян-Ульгийский», like «Ханты-Мансийский округ»: an adjective of a region's compound name
    assert cities("Приглашения разослали в Баян-Ульгийский и Ховдский аймаки Монголии.") == []
    # two cities joined by a hyphen are still two cities
    assert cities("Открылся прямой рейс Казань-Пекин.") == ["Kazan", "Beijing"]


def test_event_names_are_not_places():
    assert cities("Компания представила стенд на ИННОПРОМе.") == []


def test_adjective_forms_and_organisations_named_after_a_city_give_no_city():
    assert cities("Страны Шанхайской организации сотрудничества провели встречу.") == []
    assert cities("По итогам форума была принята Куньминская инициатива.") == []
    assert cities("Делегация Свердловской области прибыла на выставку.") == []
    assert cities("Студенты Харбинского политехнического университета победили.") == []
    # two agreeing adjectives open a fair's name, though both are capitalised (a village is called Курская)
    assert cities("В России открылась Курская Осенняя ярмарка.") == []


def test_capitalised_organisation_name_marks_the_place_inside_it():
    mention = by_surface("Меморандум подписал Ханчжоуский Технический Университет Чанши.", "Чанши")
    assert mention.inside_name


def test_quoted_names_mark_places_inside_them():
    text = "Запущен проект «Открытый Уси» для жителей."
    mention = by_surface(text, "Уси")
    assert mention.inside_name and mention.kind == "city"


def test_person_names_are_not_places():
    assert cities("Об этом сообщил мэр города Лю Цзяньхуа.") == []
    assert cities("Выступил председатель комитета Чжан Шэньян.") == []
    assert cities("Эксперт Цзинь Фуцзянь отметил рост.") == []
    assert cities("Б. Джонсон вступил в должность.") == []


def test_outlets_and_exchanges_are_organisations_not_places():
    kinds = {m.surface: m.kind for m in find_places("Об этом сообщает Optimism.kz со ссылкой на ТАСС.", "ru")}
    assert kinds == {"Optimism.kz": "organisation", "ТАСС": "organisation"}
    assert cities("Санкции против Мосбиржи продлены.") == []


def test_assemblies_are_no_towns():
    # «Думы» is also a town in Syria
    assert cities("Депутаты областной Думы и Верховной Рады обсудили торговлю с Казанью.") == ["Kazan"]
    # «Совет» (a council) is also a town in Tajikistan, and «городского» before it no word for a city
    assert cities("Секретарь городского Совета депутатов подписал соглашение с Казанью.") == ["Kazan"]


@pytest.mark.parametrize("sentence, expected", [
    # rivers, regions and points of the compass that small towns share their names with, in any case
    ("Делегация побывала в крупнейшем городе Юга России — Ростове-на-Дону.", ["Rostov-on-Don"]),
    ("Молодёжный форум «Волга — Хуанхэ» открылся в Саратове.", ["Saratov"]),
    ("Гости с Волги и Урала приехали в Тюмень.", ["Tyumen"]),
])
def test_rivers_and_regions_are_not_the_towns_named_after_them(sentence, expected):
    assert cities(sentence) == expected


def test_sentence_initial_common_word_is_not_a_small_foreign_town():
    # «Темой» de-inflects to «Тема» (a town in Ghana): a sentence-initial case form needs more support.
    assert cities("Темой встречи стало сотрудничество с Китаем.") == []


def test_countries_are_countries_and_hong_kong_is_a_city():
    kinds = {m.surface: m.kind for m in find_places("Делегации Беларуси, России и Гонконга прибыли.", "ru")}
    assert kinds["Беларуси"] == "country" and kinds["России"] == "country"
    assert kinds["Гонконга"] == "city"
    assert cities("Делегации Беларуси, России и Гонконга прибыли.") == ["Hong Kong"]


def test_offsets_and_sentences():
    text = "Вступление. Форум прошёл в Харбине. Итоги подвели позже."
    mention = by_surface(text, "Харбине")
    assert text[mention.start:mention.end] == "Харбине"
    assert text[mention.sentence_start:mention.sentence_end] == "Форум прошёл в Харбине."
    assert mention.is_dateline is False


def test_seed_document_cities():
    text = (SEEDS / "000_4a214997c5adf4c8.txt").read_text(encoding="utf-8")
    found = set(cities(text))
    assert {"Ürümqi", "Wuhan", "Shenyang", "Harbin", "Changchun", "Jinan", "Hefei", "Changsha", "Nanchang",
            "Xi’an"} <= found
    assert found <= {"Ürümqi", "Wuhan", "Shenyang", "Harbin", "Changchun", "Jinan", "Hefei", "Changsha", "Nanchang",
                     "Xi’an"}


def test_greek_lookalike_letters_inside_russian_words_are_read_as_cyrillic():
    from orchestration.extract.text import fold_lookalikes
    from tests.extract.document_helpers import summarise

    written = "Мэры пοдписали 12 сοглашений в Τοмске."  # omicron, tau: letters of another alphabet
    assert fold_lookalikes(written) == "Мэры подписали 12 соглашений в Томске."
    assert fold_lookalikes("Форум IT-Expo в Omsk") == "Форум IT-Expo в Omsk"  # Latin words stay Latin
    page = ("Форум в Томске\nМеждународный форум городов-побратимов прошёл 3 июня 2024 года в Τοмске. "
            "Участники пοдписали 12 сοглашений о сотрудничестве.")
    summary = summarise(page)
    assert summary.agreements == 12 and summary.host == "Tomsk"


def test_belarusian_towns_take_the_names_english_writes():
    assert cities("Делегации Бобруйска, Барановичей и Солигорска прибыли в Лунинец.") == [
        "Babruysk", "Baranavichy", "Salihorsk", "Luninets"]


def test_a_given_name_before_a_surname_the_dictionary_lacks_is_a_person():
    assert cities("Выступил генеральный консул Владимир Ощепков, затем гости из Владимира.") == ["Vladimir"]
    # a surname that is also a common noun («Книга», «Вода»); a town after a town's name is a list of towns
    assert cities("Делегацию возглавил вице-мэр Владимир Вода, гости из Владимира приехали позже.") == ["Vladimir"]
    assert cities("Маршрут включает Владимир Ярославль и Кострому.")[0] == "Vladimir"


def test_a_town_whose_name_is_an_adjective_when_the_text_says_it_is_a_town():
    found = lambda text: [m.city.name_en for m in find_places(text, "ru") if m.city is not None]
    # a province in brackets after it, or «город» before it, makes the adjective a town's name
    assert found("Полевской (Свердловская область) принял делегацию из Казани.") == ["Polevskoy", "Kazan"]
    assert found("Вчера город Полевской принял делегацию.") == ["Polevskoy"]
    # before a verb, not a noun, it is no adjective of something else
    assert found("Вчера Полевской принял делегацию.") == ["Polevskoy"]
    # an adjective opening a sentence, or before its noun, stays an adjective
    assert found("Полевской участок дороги отремонтируют к осени.") == []


def test_small_foreign_towns_listed_after_a_preposition_of_place_are_towns():
    # «из Белостока, Друскининкая и Шяуляя»: every name of the list stands after the preposition, not the first alone
    text = "На форум в Гродно приехали делегации из Белостока, Друскининкая и Шяуляя."
    assert {"Białystok", "Druskininkai", "Šiauliai"} <= set(cities(text))



def test_the_towns_of_mayors_in_the_plural_are_towns():
    # small towns whose names do not decline: the plural title says whose mayors they are
    assert cities("Мэры Вильянди и Валмиеры провели встречу.") == ["Viljandi", "Valmiera"]
    assert cities("Мэр Пушкин выступил с докладом.") == []


@pytest.mark.parametrize("text, expected", [
    # the adjective says whose city it is: a namesake elsewhere is not meant
    ("Соглашения подписаны с чешским Брно и австрийским Линцем.", [("Brno", "CZ"), ("Linz", "AT")]),
    ("Делегация из китайского Харбина прибыла на ярмарку.", [("Harbin", "CN")]),
    # a misspelt or unknown town of the named country is no namesake of another country
    ("Договор подписан с польским Люблино.", []),
])
def test_a_country_adjective_before_a_city_chooses_that_countrys_city(text, expected):
    assert [(m.city.name_en, m.city.country_code) for m in find_places(text, "ru")
            if m.kind == "city" and not m.inside_name] == expected


@pytest.mark.parametrize("text, expected", [
    ("Delegates from Polish Lublin and Czech Brno arrived.", [("Lublin", "PL"), ("Brno", "CZ")]),
    ("The team of Chinese Taipei won the match in Osaka.", [("Taipei", "TW"), ("Osaka", "JP")]),
])
def test_an_english_country_adjective_chooses_that_countrys_city(text, expected):
    assert [(m.city.name_en, m.city.country_code) for m in find_places(text, "en")
            if m.kind == "city" and not m.inside_name] == expected


@pytest.mark.parametrize("text, expected", [
    # who wrote or said it, right after the verb of saying, is a person: «Бабушкин» is also a town's name
    ("«Договорились о поставках», — написал Бабушкин в своём канале. Делегация Омска прибыла в Казань.",
     ["Omsk", "Kazan"]),
    ("«Рады гостям», — сказала Петрова журналистам в Казани.", ["Kazan"]),
    # a town told something (not in the nominative) is still a town
    ("Губернатор сказал Омску спасибо за помощь.", ["Omsk"]),
])
def test_the_speaker_after_a_verb_of_saying_is_no_town(text, expected):
    assert cities(text) == expected
