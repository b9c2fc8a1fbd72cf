"""Country mentions in the four languages: names, inflection, adjectives, compounds, non-countries."""
from __future__ import annotations

import pytest

from orchestration.extract.countries import find_countries
from orchestration.reference.countries import country_names, get_country, lookup_country
from tests.extract.document_helpers import summarise


def codes(text: str, lang: str) -> list[str]:
    return [m.alpha2 for m in find_countries(text, lang)]


def forms(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(m.surface, m.alpha2, m.form) for m in find_countries(text, lang)]


# --- reference ---------------------------------------------------------------------------------------
def test_reference_countries_and_special_territories():
    assert get_country("hk").alpha3 == "HKG" and get_country("MO").name_en == "Macao"
    assert get_country("TW").name_en == "Taiwan"
    assert lookup_country("Гонконг", "ru").alpha2 == "HK"
    assert lookup_country("香港", "zh").alpha2 == "HK"
    assert lookup_country("韓国", "ja").alpha2 == "KR"  # pycountry gives 大韓民国 (韓国)
    assert lookup_country("Республика Корея", "ru").alpha2 == "KR"
    assert lookup_country("Atlantis", "en") is None
    assert country_names("zh")["老挝"] == "LA"


@pytest.mark.parametrize("lang, text, expected", [
    # iso-codes gives these only in their long official form; CLDR's short names are what the news writes
    ("ja", "オーストラリアとブルネイ、キルギスの代表が出席した。", ["AU", "BN", "KG"]),
    ("zh", "阿拉伯联合酋长国、孟加拉国和马耳他的代表出席了会议。", ["AE", "BD", "MT"]),
    ("zh", "澳洲與印尼的企業參加了展會。", ["AU", "ID"]),
    ("ru", "В переговорах участвовали Бруней и Мьянма.", ["BN", "MM"]),
])
def test_countries_by_the_short_names_the_news_writes(lang, text, expected):
    assert codes(text, lang) == expected


def test_a_capital_glossed_in_a_countrys_name_is_no_name_of_the_country():
    # CLDR writes "刚果（金）" and "コンゴ民主共和国(キンシャサ)": 金 and キンシャサ are not the Congo
    assert codes("金价上涨。", "zh") == []
    assert codes("キンシャサで会議が開かれた。", "ja") == []


# --- Russian -----------------------------------------------------------------------------------------
def test_russian_inflected_names():
    text = "В обсуждении участвовали представители Беларуси, Грузии, России и Украины."
    assert codes(text, "ru") == ["BY", "GE", "RU", "UA"]
    assert codes("Соглашение с Республикой Корея и Соединёнными Штатами подписано.", "ru") == ["KR", "US"]
    assert codes("Товарооборот с Китаем и Нидерландами вырос.", "ru") == ["CN", "NL"]


def test_russian_adjectives_and_compounds():
    assert forms("Открыта китайско-нидерландская платформа.", "ru") == [
        ("китайско", "CN", "compound"), ("нидерландская", "NL", "compound")]
    assert codes("Итоги Российско-китайского ЭКСПО подвели в июне.", "ru") == ["RU", "CN"]
    assert forms("Японская компания купила завод.", "ru") == [("Японская", "JP", "adjective")]
    assert codes("ЭКСПО Китай-АСЕАН завершилось.", "ru") == ["CN"]


def test_russian_organisations_and_macro_regions_are_not_countries():
    assert codes("Страны АСЕАН и ШОС провели встречу.", "ru") == []
    assert codes("Саммит «Центральная Азия» прошёл в мае.", "ru") == []
    assert codes("Члены Шанхайской организации сотрудничества собрались.", "ru") == []


def test_russian_country_inside_an_organisation_name():
    mentions = find_countries("Договор подписан с Казахско-Британским Техническим Университетом.", "ru")
    assert [(m.alpha2, m.inside_name) for m in mentions] == [("KZ", True), ("GB", True)]
    plain = find_countries("Договор подписан с казахстанскими партнёрами.", "ru")
    assert [(m.alpha2, m.inside_name) for m in plain] == [("KZ", False)]


def test_currency_issuer_is_not_a_country_mention():
    assert codes("Сумма составила около 3 млн долл. США.", "ru") == []
    assert codes("Сумма составила 57 млрд долларов США.", "ru") == []
    assert codes("Contracts worth 39 billion U.S. dollars were signed.", "en") == []
    assert codes("Санкции США против биржи продлены.", "ru") == ["US"]


def test_hong_kong_is_hk():
    assert codes("Делегация Гонконга прибыла.", "ru") == ["HK"]
    assert codes("Firms from Hong Kong and Macao attended.", "en") == ["HK", "MO"]


# --- English -----------------------------------------------------------------------------------------
def test_english_names_adjectives_compounds():
    assert forms("The Sino-Dutch Big Data Industrial Platform was launched.", "en")[:2] == [
        ("Sino", "CN", "compound"), ("Dutch", "NL", "compound")]
    assert codes("US-China trade talks resumed.", "en") == ["US", "CN"]
    assert codes("The China-Eurasia Expo closed.", "en") == ["CN"]
    assert codes("Chinese and Kazakh firms signed deals with South Korea.", "en") == ["CN", "KZ", "KR"]


def test_english_organisations_and_regions_are_not_countries():
    assert codes("ASEAN, the SCO and the EU issued a statement.", "en") == []
    assert codes("Trade with Central Asia and the Arab States grew.", "en") == []
    # a region's adjective ends in a country's: Latin American countries are not the United States
    assert codes("Officials from Latin American and Central American countries met Chinese investors.", "en") == ["CN"]


def test_a_city_of_several_words_hides_a_country_adjective_inside_it():
    # "Lao Cai" is a Vietnamese city, not Laos; a one-word town named like an adjective still leaves it standing
    assert codes("Traders met in Lao Cai, Vietnam, last week.", "en") == ["VN"]


def test_english_country_inside_an_organisation_name():
    mention = find_countries("A loan from the Bank of China was agreed.", "en")[0]
    assert mention.alpha2 == "CN" and mention.inside_name


# --- Chinese -----------------------------------------------------------------------------------------
def test_chinese_names():
    text = "签约方来自蒙古国、韩国、智利和老挝。"
    assert codes(text, "zh") == ["MN", "KR", "CL", "LA"]
    assert codes("内蒙古自治区与蒙古国合作。", "zh") == ["MN"]  # 内蒙古 is a region of China


def test_chinese_abbreviation_compounds():
    assert forms("中蒙合作不断深化。", "zh") == [("中", "CN", "compound"), ("蒙", "MN", "compound")]
    assert codes("中老铁路开通运营。", "zh") == ["CN", "LA"]
    assert codes("中日韩领导人会议举行。", "zh") == ["CN", "JP", "KR"]
    assert codes("第三届中国-南亚博览会开幕。", "zh") == ["CN"]
    # not compounds: 中老年 (middle-aged and old), 中美洲 (Central America), 中英文 (Chinese and English)
    assert codes("中老年人喜爱中美洲音乐，资料有中英文版本。", "zh") == []
    # a run of abbreviations before a city's suffix is a transcribed city's name (a made-up one here)
    assert codes("来自巴塔伊西市的代表发言。", "zh") == []


@pytest.mark.parametrize("text, lang, expected", [
    # a word that an abbreviation's character ends (参加, 增加) or begins (加强, 日益) is no country: the compound
    # stops at it, so 参加中日韩… names no Canada and 中美日益… no Japan
    ("代表团前往杭州参加中日韩青年论坛。", "zh", ["CN", "JP", "KR"]),
    ("双方商定继续增加中蒙贸易往来。", "zh", ["CN", "MN"]),
    ("中俄加强口岸合作。", "zh", []),
    ("中美日益密切的交流引人关注。", "zh", []),
    # a preposition (以…为主题) does not open a compound; China–Israel does
    ("论坛以中俄友好为主题。", "zh", ["CN", "RU"]),
    ("中以科技合作论坛开幕。", "zh", ["CN", "IL"]),
    # 来日中 is "staying in Japan", not a Japan–China pair
    ("来日中の韓国の学生団が市役所を訪れた。", "ja", ["KR"]),
])
def test_compound_abbreviations_stop_at_common_words(text, lang, expected):
    assert codes(text, lang) == expected


@pytest.mark.parametrize("text, expected", [
    # one character doubled is a word (美美与共 "each beauty with the other"), not two countries
    ("展会秉持美美与共的理念,吸引了各地客商。", []),
    # a pair of abbreviations that names a big city is the city (台中 Taichung)
    ("代表团访问台中与高雄。", []),
    ("市长出席西雅图台中友好协会的活动。", []),
])
def test_abbreviation_runs_that_are_words_or_cities_name_no_country(text, expected):
    assert codes(text, "zh") == expected


@pytest.mark.parametrize("text, expected", [
    # 巴 abbreviates Pakistan, unless the text names Brazil (巴西) and not Pakistan
    ("巴西企业推介会在里约举行,中巴企业签约。", ["BR", "CN", "BR"]),
    ("中巴经济走廊项目签约。", ["CN", "PK"]),
    # a character that also stands for a region (阿: the Arab world) is no country whatever the text names
    ("阿曼代表出席,中阿合作论坛开幕。", ["OM", "CN"]),
])
def test_an_abbreviation_is_the_country_the_text_names_in_full(text, expected):
    assert codes(text, "zh") == expected


def test_chinese_organisations_and_regions_are_not_countries():
    assert codes("东盟与上海合作组织秘书处签署备忘录。", "zh") == []
    assert codes("阿拉伯国家的代表出席。", "zh") == []


def test_chinese_compound_inside_a_project_name():
    mentions = find_countries("中俄友谊林项目启动。", "zh")
    assert [(m.alpha2, m.inside_name) for m in mentions] == [("CN", True), ("RU", True)]


def test_chinese_hong_kong_and_macao():
    assert codes("香港和澳门的企业参展。", "zh") == ["HK", "MO"]


def test_chinese_side_adjective():
    assert forms("中方愿与俄方加强合作。", "zh") == [("中", "CN", "adjective"), ("俄", "RU", "adjective")]


# --- Japanese ----------------------------------------------------------------------------------------
def test_japanese_names():
    text = "カナダ、日本、イギリス、タイ、アメリカなど23の国と地域"
    assert codes(text, "ja") == ["CA", "JP", "GB", "TH", "US"]
    assert codes("香港と中国の企業", "ja") == ["HK", "CN"]


def test_japanese_organisations_are_not_countries():
    assert codes("東南アジア諸国連合（ASEAN）と上海協力機構の会合", "ja") == []


def test_japanese_compounds_and_macro_regions():
    assert codes("日中関係と米中対立について", "ja") == ["JP", "CN", "US", "CN"]
    assert codes("中国-中東欧諸国博覧会", "ja") == ["CN"]
    assert codes("日中は暑かった。", "ja") == []  # 日中 "daytime"


def test_japanese_writes_russia_in_compounds_in_katakana_too():
    assert codes("日ロ投資フォーラムと米ロ首脳会談", "ja") == ["JP", "RU", "US", "RU"]
    assert codes("ロボット展とプロ野球とヨーロッパ中ロビー活動", "ja") == []


@pytest.mark.parametrize("lang", ["ru", "ja", "zh", "en"])
def test_offsets_and_sentences(lang):
    text = {"ru": "Первое. Делегация России прибыла.", "ja": "最初。ロシアの代表団。",
            "zh": "首先。俄罗斯代表团抵达。", "en": "First. A Russian delegation came."}[lang]
    mention = find_countries(text, lang)[0]
    assert mention.alpha2 == "RU"
    assert text[mention.start:mention.end] == mention.surface
    assert text[mention.sentence_start:mention.sentence_end].startswith(text[mention.sentence_start])
    assert mention.sentence_start > 0


@pytest.mark.parametrize("text, lang, expected", [
    ("Firms from Spanish-speaking countries such as Peru met buyers from Kenya.", "en", ["PE", "KE"]),
    ("企业来自西语国家和肯尼亚。", "zh", ["KE"]),
    ("スペイン語圏の企業とケニアの企業が商談した。", "ja", ["KE"]),
])
def test_a_countrys_language_names_no_country(text, lang, expected):
    assert [m.alpha2 for m in find_countries(text, lang)] == expected


def test_russian_metonyms_and_abbreviations_of_countries():
    assert codes("Гости из Поднебесной и ФРГ осмотрели павильоны.", "ru") == ["CN", "DE"]
    assert codes("Поднебесную представляли 40 компаний.", "ru") == ["CN"]


def test_a_russian_partner_country_of_an_expo_takes_part_and_a_trade_partner_does_not():
    from tests.extract.document_helpers import summarise

    page = ("Выставка открылась в Казани\nКАЗАНЬ, 3 марта. Международная выставка открылась в Казани в среду, "
            "подписано 6 соглашений. Страной-партнёром выставки стала Малайзия. "
            "Турция остаётся крупнейшим торговым партнёром республики.")
    countries = summarise(page).countries
    assert "MY" in countries and "TR" not in countries


@pytest.mark.parametrize("page, absent", [
    ("Twin towns sign pact\nOn 4 May the towns of Dubno and Nowy Targ signed a partnership agreement in Nowy Targ. "
     "The Russian invasion had halted the exchanges for a year.", "RU"),
    ("Города подписали соглашение\n4 мая города Дубно и Новы-Тарг подписали соглашение о партнёрстве в Новы-Тарге. "
     "Немецкий опыт управления отходами давно изучают в регионе.", "DE"),
])
def test_a_country_adjective_outside_the_events_sentences_takes_part_only_with_a_word_of_taking_part(page, absent):
    from tests.extract.document_helpers import summarise

    assert absent not in summarise(page).countries


# --- roles -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page, lang, countries", [
    # a country's name right before an institution's or a project's head is inside that name
    ("博览会开幕\n第五届绿色能源博览会5日在南宁开幕。越南代表团出席。国务院台湾事务办公室和中蒙俄经济走廊项目组也派员参加。",
     "zh", {"CN", "VN"}),
    ("見本市開幕\n第5回グリーンエネルギー博覧会が5日、南寧で開幕した。ベトナムの代表団が出席した。国務院台湾弁公室が共催した。",
     "ja", {"CN", "VN"}),
])
def test_a_country_inside_an_institutions_name_takes_no_part(page, lang, countries):
    assert summarise(page).countries == countries


@pytest.mark.parametrize("page, lang", [
    ("国際教育フェア開幕\n第3回国際教育交流フェアが5月8日、南寧で開幕した。韓国の大学30校の学長らが参加した。", "ja"),
    ("国际教育博览会开幕\n第三届国际教育合作博览会5月8日在南宁开幕。韩国的大学30所的校长参加了博览会。", "zh"),
])
def test_the_institutions_of_a_country_joined_by_a_possessive_make_it_take_part(page, lang):
    # 韓国の大学 "Korea's universities": not 韓国大学, one university's name
    assert summarise(page).countries == {"CN", "KR"}


def test_english_news_may_name_a_country_in_its_own_language():
    text = "Exhibitors came from Cameroun, Sénégal and Brasil, and a delegation from Türkiye."
    assert [c.alpha2 for c in find_countries(text, "en")] == ["CM", "SN", "BR", "TR"]


def test_an_endonym_that_is_a_common_english_name_is_no_country():
    # Maurice is Mauritius in French, and a man's name in English
    assert find_countries("Maurice Dupont opened the fair.", "en") == []
    # Ísland is Iceland in Icelandic; read without its accent it is the English word "island"
    assert [c.alpha2 for c in find_countries("A bridge to Russky Island opened, with guests from Iceland.", "en")] \
        == ["IS"]


@pytest.mark.parametrize("text, expected", [
    ("The mayor of Stonecrest, Georgia, signed the twinning charter.", []),  # a US state
    ("The mayor of Athens, Georgia, signed the twinning charter.", []),
    ("The mayor of Tbilisi, Georgia, signed the twinning charter.", ["GE"]),  # a city of the country itself
    ("Delegates from Georgia and Armenia signed the charter.", ["GE", "AM"]),
])
def test_a_countrys_name_after_a_city_of_another_country_is_that_countrys_state(text, expected):
    assert [c.alpha2 for c in find_countries(text, "en")] == expected


@pytest.mark.parametrize("text, codes", [
    # a transcribed krai's name written without its last character: no Kazakhstan (哈) and Pakistan (巴)
    ("会上,俄哈巴罗夫斯边疆区副主席和黑龙江省副省长分别致辞。", []),
    ("中俄蒙三国地方合作论坛在满洲里开幕。", ["CN", "RU", "MN"]),
])
def test_country_abbreviations_that_run_into_a_krais_transcribed_name_are_none(text, codes):
    assert [m.alpha2 for m in find_countries(text, "zh")] == codes


@pytest.mark.parametrize("page, countries", [
    (" date 2024-06-12 News\nAt the forum in Kazan on June 10, a Vietnamese company signed 12 agreements with local "
     "partners.", {"RU", "VN"}),
    (" date 2024-06-12 Новости\n10 июня в Казани вьетнамские компании подписали 12 соглашений с местными партнёрами "
     "на форуме.", {"RU", "VN"}),
    # the adjective opens an institution's proper name: the institution is the host country's own
    (" date 2024-06-12 News\nAt the forum in Kazan on June 10, the Kazakh-British University signed 12 agreements "
     "with local partners.", {"RU"}),
    (" date 2024-06-12 Новости\nНа форуме в Казани 10 июня Казахстанско-Британский университет подписал 12 "
     "соглашений.", {"RU"}),
])
def test_a_countrys_adjective_describing_firms_makes_it_take_part_where_a_proper_name_does_not(page, countries):
    assert summarise(page).countries == countries


def test_mainland_china_written_with_a_capital_is_china():
    assert codes("Firms from Hong Kong, Mainland China and New Zealand signed the memoranda.", "en") == ["HK", "CN", "NZ"]
