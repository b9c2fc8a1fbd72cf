"""Who hosts and who takes part: people named like towns, calls between cities, places described before
their name, and teaser headlines after an article's closing byline. Sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.places import find_places
from orchestration.parse.furniture import split_article
from tests.extract.document_helpers import summarise


def _cities(text: str, lang: str) -> list[str]:
    return [p.city.name_en for p in find_places(text, lang) if p.kind == "city" and p.city is not None]


def test_russian_people_named_like_towns_are_no_cities():
    text = ("Мэр Казани Пётр Орлов и вице-губернатор Иван Владимиров встретились с Владимиром Калугиным "
            "в Новосибирске.")
    assert _cities(text, "ru") == ["Kazan'", "Novosibirsk"] or _cities(text, "ru") == ["Kazan", "Novosibirsk"]


def test_a_russian_town_after_a_preposition_stays_a_town():
    assert "Vladimir" in _cities("Делегация из Владимира прибыла во Владимир на выставку.", "ru")


def test_english_person_with_a_title_in_apposition_is_no_city():
    text = "Lin Yi, vice chairman of the provincial committee, met guests in Karachi on Monday."
    assert _cities(text, "en") == ["Karachi"]


def test_a_job_titles_own_capitalised_words_after_a_persons_name():
    text = "Marta Lisbon, Regional Programme Coordinator of the agency, met guests in Karachi on Monday."
    assert _cities(text, "en") == ["Karachi"]
    # a list of cities that goes on with another city's official is still a list of cities
    assert _cities("Delegates from Kazan, Ufa Mayor Ratmir Mavliev and others attended.", "en") == ["Kazan", "Ufa"]


def test_a_region_named_after_its_city_is_no_city():
    assert _cities("该市是成都经济区的重要城市。", "zh") == []
    assert _cities("同市は首都圏や名古屋都市圏に近い。", "ja") == []


def test_a_news_agencys_name_in_the_dateline_is_no_host():
    page = ("投資説明会\n覚書を交わした代表団=28日、光州(聯合)\n"
            "【光州30日聯合】光州市の代表団は28日、福岡市で投資説明会を開き、日本企業と覚書を交わした。")
    assert summarise(page).host == "Fukuoka"


def test_an_online_forum_between_several_cities_has_no_host():
    page = ("Онлайн-форум побратимов: Казань и Ухань подписали план сотрудничества\n"
            "Онлайн-форум городов-побратимов Казани и Уханя прошёл 14 октября 2021 года по видеосвязи. "
            "Стороны подписали 3 соглашения о сотрудничестве в образовании и туризме.")
    summary = summarise(page)
    assert summary.relevant
    assert summary.host is None
    assert {"Wuhan"} <= summary.partners


def test_an_online_event_of_one_city_with_foreign_countries_keeps_its_host():
    page = ("Video link opens joint lab\n"
            "Suzhou held a video conference with partners in Poland and Hungary on 3 March 2022, opening two joint "
            "laboratories. The two sides signed 4 agreements on research cooperation.")
    summary = summarise(page)
    assert summary.relevant
    assert summary.host == "Suzhou"


def test_english_online_signing_of_sister_cities_names_every_city_a_partner():
    page = ("Sister-city ties signed online\n"
            "ISLAMABAD, May 5 -- Officials signed agreements at an online forum on friendship cities on 4 May 2021, "
            "pairing Lanzhou with Lahore and Harbin with Faisalabad. The sides signed 2 agreements.")
    summary = summarise(page)
    assert summary.relevant
    assert summary.host is None
    assert {"Lanzhou", "Lahore", "Harbin", "Faisalabad"} <= summary.partners


def test_a_place_described_in_the_prepositional_case_is_where_the_event_is():
    page = ("Выставка высоких технологий открылась на юге Китая\n"
            "Москва, 12 мая -- В южном приморском мегаполисе Сямынь в среду открылась 9-я выставка высоких "
            "технологий. На выставке подписаны соглашения по 15 проектам.")
    summary = summarise(page)
    assert summary.host == "Xiamen"
    assert "Moscow" not in summary.partners


def test_teasers_after_a_closing_byline_are_not_article_text():
    page = "\n".join([
        "長沙で日中経済交流会が開催",
        "日中経済交流会が10日、湖南省長沙市で開催され、両国の企業約200社が参加した。会場では12件の協力協定が結ばれ、"
        "総額は30億元に達した。物流、医療、観光など幅広い分野での協力が話し合われ、次回の開催地についても意見が交わされた。"
        "参加企業の代表は今後の取引拡大に期待を示した。",
        "「東方ニュース日本語版」2023年6月12日",
        "大連の夜景が美しいと話題に …",
        "広州の新しい博物館が開館",
    ])
    article = split_article(page)
    assert "大連" not in article.text and "広州" not in article.text
    assert "長沙市" in article.text
    kinds = [line.kind for line in article.lines]
    assert kinds[2] == "metadata" and kinds[3:] == ["footer", "footer"]


def test_a_dated_line_followed_by_more_prose_does_not_end_the_article():
    page = "\n".join([
        "Trade fair opens in Tianjin",
        "The fair opened in Tianjin on Monday with exhibitors from 30 countries and signed deals worth 2 billion "
        "yuan on its first day, organisers said in a statement to reporters on site at the exhibition centre.",
        "Updated 2023-06-12",
        "Officials expect further agreements to be signed before the fair closes on Friday, when the final figures "
        "will be published by the organising committee.",
    ])
    assert "further agreements" in split_article(page).text


def test_cities_listed_with_commas_are_each_a_side_of_a_video_signing():
    page = ("Пять городов договорились о дружбе\n"
            "Мэрии городов Иркутск, Шэньян, Далянь, Омск и Томск 3 марта 2022 года подписали по видеосвязи "
            "меморандумы о дружбе и сотрудничестве на церемонии, которую провели онлайн.")
    summary = summarise(page)
    assert summary.host is None
    assert {"Irkutsk", "Shenyang", "Dalian", "Omsk", "Tomsk"} <= summary.partners


def test_places_of_another_event_in_the_same_report_are_not_partners():
    page = ("Форум в Казани собрал делегации из Китая\n"
            "Международный форум породнённых городов прошёл 12 мая 2023 года в Казани, на нём подписаны "
            "соглашения с городами Ухань и Чэнду.\n"
            "Ранее мэр Казани посетил выставку в Минске.")
    summary = summarise(page)
    assert summary.host == "Kazan'" or summary.host == "Kazan"
    assert {"Wuhan", "Chengdu"} <= summary.partners
    assert "Minsk" not in summary.partners


def test_a_dateline_city_in_capitals_is_no_partner_wherever_the_dateline_stands():
    page = ("Expo opens in Nanning\n"
            "Photo: visitors at the opening ceremony of the expo.\n"
            "JAKARTA, Sept. 16 -- The 20th China-ASEAN Expo opened in Nanning on 16 September 2023, where firms "
            "from Vientiane and Phnom Penh signed 12 agreements.")
    summary = summarise(page)
    assert summary.host == "Nanning"
    assert "Jakarta" not in summary.partners


def test_a_province_without_a_city_still_gives_the_host_country():
    page = ("貿易商談会で協定\n"
            "第4回国際貿易商談会が6月3日、雲南省で開催され、タイとラオスの企業が参加し、協定9件が結ばれた。")
    summary = summarise(page)
    assert summary.relevant and summary.host is None
    assert "CN" in summary.countries


def test_provinces_carry_their_iso_code_in_every_language():
    found = {
        lang: [p.region_code for p in find_places(text, lang) if p.kind == "admin_region"]
        for lang, text in (("ru", "Делегация провинции Хэйлунцзян прибыла."), ("ja", "黒竜江省の代表団が到着した。"),
                           ("zh", "黑龙江省代表团抵达。"), ("en", "A delegation of Heilongjiang Province arrived."))
    }
    assert all(codes == ["CN-HL"] for codes in found.values()), found


def test_common_words_name_small_towns_only_with_a_cue():
    assert _cities("The Department of Commerce and Enterprise Ireland met Harbin officials.", "en") == ["Harbin"]
    assert "Orlov" not in _cities("Начало встречи задержалось, сообщил Орлов журналистам в Перми.", "ru")
    assert _cities("コロナの影響で、会議は大阪とソウルを結んで行われた。", "ja") == ["Osaka", "Seoul"]
    assert _cities("Mayors from Washington and Nice attended.", "en") == ["Washington", "Nice"]


def test_hong_kong_macao_and_taiwan_listed_together_are_regions_not_partner_cities():
    page = ("International fair opens in Xiamen\n"
            "The international investment fair opened in Xiamen on 8 September 2021 with exhibitors from Hong Kong, "
            "Macao and Taiwan as well as Singapore; 40 agreements were signed.")
    summary = summarise(page)
    assert summary.host == "Xiamen"
    assert not {"Hong Kong", "Macau", "Macao"} & summary.partners
    # as a group they still name the regions taking part
    assert {"HK", "MO", "TW"} <= summary.countries


def test_people_with_a_title_after_the_name_in_japanese_and_a_sentence_opening_adjective_in_russian():
    assert _cities("ドイツのベルン首相とフランスの大統領が大阪を訪れた。", "ja") == ["Osaka"]
    assert _cities("Юбилейный десятый форум прошёл в Томске.", "ru") == ["Tomsk"]


def test_europe_and_america_together_is_no_country():
    from orchestration.extract.countries import find_countries

    assert [m.alpha2 for m in find_countries("欧米の企業と日本の企業が参加した。", "ja")] == ["JP"]


def test_a_chinese_locative_needs_an_event_verb_in_its_clause():
    page = ("合作项目签约\n"
            "6月2日，第三届跨境合作洽谈会在大连开幕，某能源公司计划在瓦房店建设储能项目，双方签约项目12个。")
    summary = summarise(page)
    assert summary.host == "Dalian"


@pytest.mark.parametrize("page,expected", [
    ("Expo closes in Kunming\nThe expo closed in Kunming on 12 June 2023. Deals were struck with firms from Nepal, "
     "Laos and Chile, the organisers said.", {"NP", "LA", "CL"}),
    ("Форум завершился\nФорум завершился в Казани 3 мая 2023 года. Делегации Турции, Египта и Ирана провели "
     "переговоры с местными компаниями.", {"TR", "EG", "IR"}),
    ("博覧会が閉幕\n博覧会が5月3日に大連で閉幕した。タイ、ベトナム、インドの企業が商談に臨んだ。", {"TH", "VN", "IN"}),
])
def test_a_list_of_three_countries_names_participants(page, expected):
    assert expected <= summarise(page).countries


def test_the_city_of_the_next_edition_is_no_partner():
    page = ("Rim Cities Forum closes in Busan\n"
            "The two-day Rim Cities Forum closed in Busan on 9 May 2023. Busan signed a memorandum with Da Nang, "
            "and delegations from Kaohsiung took part. "
            "The next (2025) Rim Cities Forum will be held in Yokohama, the organisers said. "
            "The next day the delegations from Da Nang visited the port.")
    summary = summarise(page)
    assert summary.host == "Busan"
    assert "Yokohama" not in summary.partners
    assert {"Da Nang", "Kaohsiung"} <= summary.partners


@pytest.mark.parametrize("page, host", [
    ("Делегация Томска вернулась из Китая\n"
     "Делегация Томска во главе с мэром вернулась из города Шэньян (Китай), где 3-5 июня проходила "
     "международная выставка высоких технологий. Томск и Шэньян подписали меморандум о сотрудничестве.", "Shenyang"),
    ("Perth mayor back from trade fair\n"
     "The mayor of Perth returned from Qingdao, where the international ocean trade fair took place on "
     "12-14 May 2024. Perth and Qingdao signed a memorandum on port cooperation.", "Qingdao"),
])
def test_a_city_whose_where_clause_holds_the_event_hosts_it(page, host):
    assert summarise(page).host == host


@pytest.mark.parametrize("page, lang", [
    ("В Сиане открылась выставка\n"
     "Международная выставка открылась 4 июня 2024 года в Сиане. В ней участвуют Грузия, Камбоджа, Сингапур, "
     "Уганда и Казахстан.", "ru"),
    ("Expo opens in Xi'an\n"
     "The international expo opened in Xi'an on 4 June 2024, with exhibitors from Georgia, Cambodia, Singapore, "
     "Uganda and Kazakhstan.", "en"),
])
def test_a_city_state_in_a_list_of_countries_is_a_country_not_a_partner_city(page, lang):
    summary = summarise(page)
    assert "Singapore" not in summary.partners
    assert "SG" in summary.countries


def test_a_chinese_city_travelled_to_for_the_event_hosts_it():
    page = ("青岛企业赴韩国参加交流会\n"
            "本报讯 日前,青岛市贸促会率8家企业代表赴韩国釜山参加第五届中韩经贸交流大会。"
            "大会期间,青岛市与釜山市签署了港口合作备忘录。")
    summary = summarise(page)
    assert summary.host == "Busan"
    assert "Qingdao" in summary.partners


def test_a_city_whose_mayor_went_elsewhere_to_hold_the_event_is_not_its_host():
    from tests.extract.document_helpers import summarise

    page = ("友城市长访汉\n2024年5月8日，日本友好城市金泽市市长率团访汉并举办“金泽周”活动，两市签署合作备忘录。")
    summary = summarise(page)
    assert summary.host == "Wuhan" and "Kanazawa" in summary.partners


@pytest.mark.parametrize("page, neighbour", [
    ("友城大会在昆明举行\n2024年11月18日，友好城市大会在昆明举行，运城市与韩国义王市签署协议。义王市与首尔相接，是交通枢纽。",
     "Seoul"),
    ("Twin towns sign accord\nOn 5 May 2024 Yuncheng and Uiwang signed a cooperation accord in Kunming. Uiwang, which "
     "borders Seoul, is a transport hub.", "Seoul"),
])
def test_a_neighbour_that_describes_a_place_is_no_side(page, neighbour):
    from tests.extract.document_helpers import summarise

    assert neighbour not in summarise(page).partners


def test_a_city_that_opens_a_quoted_venue_name_hosts_the_event():
    page = ("Мэры подписали соглашение о побратимстве\n"
            "Главы Тольятти и Нижнекамска подписали соглашение о сотрудничестве на межрегиональном форуме. "
            "Форум проходил 12 мая в КВЦ «Казань Экспо».")
    assert summarise(page).host == "Kazan"


def test_a_city_named_in_a_sentence_about_something_else_is_no_partner():
    page = ("Twin-town forum in Tampere\n"
            "A twin-town forum opened in Tampere on 3 June 2024, and the mayor of Linz signed a partnership charter. "
            "Tampere's new tram line, built by engineers trained in Graz, carries 60,000 riders a day.")
    summary = summarise(page)
    assert summary.host == "Tampere" and summary.partners == {"Linz"}
