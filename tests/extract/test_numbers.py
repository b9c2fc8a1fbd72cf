"""The grammar of numbers: conventions of digits, kanji/Chinese numerals, number words, scale words,
qualifiers, counted nouns, and the numbers that are no quantities (years, dates, phones, versions ...)."""
from __future__ import annotations

import pytest

from orchestration.extract.numbers import find_quantities, parse_number, scan_numbers


@pytest.mark.parametrize("surface, lang, value", [
    # digits: every thousands / decimal convention
    ("1 871", "ru", 1871),
    ("1\u00a0871", "ru", 1871),
    ("1\u202f871", "en", 1871),
    ("12 500 000", "ru", 12_500_000),
    ("4,827", "en", 4827),
    ("1,204,500", "en", 1_204_500),
    # South Asian English: grouping by lakhs and crores, and their scale words
    ("3,75,400", "en", 375_400),
    ("12,50,00,000", "en", 125_000_000),
    ("640 crore", "en", 6_400_000_000),
    ("7.5 lakh", "en", 750_000),
    ("1.8 lakh crore", "en", 1.8e12),
    ("270.94", "en", 270.94),
    ("5,65", "ru", 5.65),
    ("25,6", "ru", 25.6),
    ("25,6", "en", 25.6),
    ("11,5978", "ru", 11.5978),
    ("１２３", "ja", 123),
    # kanji / Chinese numerals with myriad units
    ("1077億5000万", "ja", 107_750_000_000),
    ("2兆2000億", "ja", 2.2e12),
    ("3億8400万", "ja", 384_000_000),
    ("6.7亿", "zh", 670_000_000),
    ("670亿", "zh", 67_000_000_000),
    ("1万7800", "ja", 17_800),
    ("1,200万", "zh", 12_000_000),
    ("1万亿", "zh", 1e12),
    ("三十", "zh", 30),
    ("十四", "ja", 14),
    ("二百五十", "zh", 250),
    ("两千", "zh", 2000),
    ("一亿五千万", "zh", 150_000_000),
    ("二〇二四", "zh", 2024),
    # four digits after 億 or 兆 without a unit of their own are the next myriad's, the 万 (or 億) left out
    ("318億4000", "ja", 31_840_000_000),
    ("46亿2500", "zh", 4_625_000_000),
    ("3兆1500", "ja", 3.15e12),
    ("7億35", "ja", 700_000_035),
    # Russian number words, inflected
    ("двадцать", "ru", 20),
    ("пять", "ru", 5),
    ("восемь", "ru", 8),
    ("сто", "ru", 100),
    ("восьми", "ru", 8),
    ("пятью", "ru", 5),
    ("двух", "ru", 2),
    ("трёх", "ru", 3),
    ("сорока", "ru", 40),
    ("ста двадцати трёх", "ru", 123),
    ("полтора", "ru", 1.5),
    # English words
    ("five", "en", 5),
    ("twenty-one", "en", 21),
    ("two hundred and seven", "en", 207),
    ("a dozen", "en", 12),
    # digits or words with a scale word
    ("20 млн", "ru", 20_000_000),
    ("3 млн.", "ru", 3_000_000),
    ("170 млрд", "ru", 170_000_000_000),
    ("23 тыс.", "ru", 23_000),
    ("пять миллиардов", "ru", 5e9),
    ("1 млрд 200 млн", "ru", 1_200_000_000),
    ("1.5 billion", "en", 1.5e9),
    ("$25 bn", "en", 25e9),
    ("39 bln", "en", 39e9),
    ("$40m", "en", 40e6),
    ("three million", "en", 3e6),
])
def test_parse_number(surface, lang, value):
    assert parse_number(surface, lang) == pytest.approx(value)


@pytest.mark.parametrize("surface, lang", [("", "ru"), ("соглашение", "ru"), ("agreements", "en"), ("協定", "ja")])
def test_parse_number_without_a_number(surface, lang):
    assert parse_number(surface, lang) is None


def quantities(text, lang):
    found = find_quantities(text, lang)
    for q in found:
        assert q.start < q.end and q.noun == text[q.noun_start:q.noun_end]
    return {text[q.start:q.end]: q for q in found}


# ------------------------------------------------------------------------------------------- qualifiers


@pytest.mark.parametrize("text, lang, surface, qualifier", [
    ("Прибыли более 300 гостей.", "ru", "300", "over"),
    ("Прибыли свыше 40 делегаций.", "ru", "40", "over"),
    ("Прибыло более чем 90 компаний.", "ru", "90", "over"),
    ("Собралось около 150 экспертов.", "ru", "150", "about"),
    ("Собралось порядка 70 экспертов.", "ru", "70", "about"),
    ("Приехали почти 20 министров.", "ru", "20", "under"),
    ("Приглашены до 500 участников.", "ru", "500", "up_to"),
    ("Приехали менее 10 делегаций.", "ru", "10", "under"),
    ("Участников было 200 с лишним.", "ru", "200", "over"),
    ("More than 60 firms came.", "en", "60", "over"),
    ("Over 45 delegations came.", "en", "45", "over"),
    ("About 300 guests came.", "en", "300", "about"),
    ("Nearly 70 mayors came.", "en", "70", "under"),
    ("Up to 900 visitors a day.", "en", "900", "up_to"),
    ("500 or more exhibitors took part.", "en", "500", "over"),
    ("約300人が参加した。", "ja", "300", "about"),
    ("500人以上が参加した。", "ja", "500", "over"),
    ("30回余りの商談会が開かれた。", "ja", "30", "over"),
    ("100社近くが出展した。", "ja", "100", "under"),
    ("约300人参加。", "zh", "300", "about"),
    ("超过50家企业参展。", "zh", "50", "over"),
    ("逾百家企业参展。", "zh", "百", "over"),
    ("40多个国家的代表参会。", "zh", "40", "over"),
    ("近8000名采购商到场。", "zh", "8000", "under"),
    ("2000人左右参加。", "zh", "2000", "about"),
])
def test_qualifiers(text, lang, surface, qualifier):
    assert quantities(text, lang)[surface].qualifier == qualifier


def test_plain_number_is_exact():
    assert quantities("Подписано 12 соглашений.", "ru")["12"].qualifier == "exact"


# ------------------------------------------------------------------------------------------------ nouns


@pytest.mark.parametrize("text, lang, surface, noun", [
    ("Стороны подписали 33 соглашения о сотрудничестве.", "ru", "33", "соглашения"),
    # adjectives between a number and its noun are skipped
    ("Было создано 6 побратимских связей.", "ru", "6", "связей"),
    ("Приехали 95 правительственные и деловые делегации.", "ru", "95", "делегации"),
    ("Пришли 23 тыс. посетителей.", "ru", "23 тыс.", "посетителей"),
    ("Пятью секциями руководили эксперты.", "ru", "Пятью", "секциями"),
    ("They signed 17 cooperation agreements.", "en", "17", "agreements"),
    ("Some 2,150 professional buyers came.", "en", "2,150", "buyers"),
    ("Ten sister-city agreements were signed.", "en", "Ten", "agreements"),
    # Japanese and Chinese: the counter and the noun phrase after it
    ("12の共同研究プロジェクトが調印された。", "ja", "12", "の共同研究プロジェクト"),
    ("合計で45件の協定が結ばれた。", "ja", "45", "件の協定"),
    ("双方签署11项经贸合作协议，涉及能源领域。", "zh", "11", "项经贸合作协议"),
    ("签订9份缔结友好城市协议书。", "zh", "9", "份缔结友好城市协议书"),
    # a verb starts a new phrase: the number counts companies, not agreements
    ("5家企业签署协议。", "zh", "5", "家企业"),
])
def test_nouns(text, lang, surface, noun):
    assert quantities(text, lang)[surface].noun == noun


def test_offsets_are_surfaces():
    text = "В Казани 7 мая подписали более 40 соглашений на сумму 3,2 млрд рублей."
    for q in find_quantities(text, "ru"):
        assert text[q.start:q.end] in {"40", "3,2 млрд"}


# ------------------------------------------------------------------------------- numbers that count nothing


def kinds(text, lang):
    return {text[t.start:t.end]: t.kind for t in scan_numbers(text, lang)}


@pytest.mark.parametrize("text, lang, surface, kind", [
    ("Контакты: тел.: +7-812-3456789", "ru", "7", "phone"),
    ("Справки по телефону +86 (21) 5566 7788.", "ru", "5566", "phone"),
    ("Звоните 8 800 200-30-40.", "ru", "8 800 200", "phone"),
    ("Call +1 415-555-0134 for details.", "en", "415", "phone"),
    ("Форум прошёл в 2019 году.", "ru", "2019", "year"),
    ("Итоги 2022 года подвели в Пекине.", "ru", "2022", "year"),
    ("The fair opened in 2018.", "en", "2018", "year"),
    ("The 2021 Harbin Trade Fair closed.", "en", "2021", "year"),
    ("2023世界智能大会在天津开幕。", "zh", "2023", "year"),
    ("Встреча прошла 14 октября.", "ru", "14", "date"),
    ("Выставка работала с 3 по 9 июля.", "ru", "3", "date"),
    ("Выставка работала с 3 по 9 июля.", "ru", "9", "date"),
    ("Саммит пройдёт 11-12 сентября.", "ru", "11", "date"),
    ("The talks were held on Sept. 5 in Urumqi.", "en", "5", "date"),
    ("On 21st of March the forum opened.", "en", "21", "date"),
    ("4月12日、交流会が開かれた。", "ja", "12", "date"),
    ("11月8日电 会议闭幕。", "zh", "8", "date"),
    ("Опубликовано 03.10.2022", "ru", "03.10", "date"),
    ("2023-06-01 09:15:00 来源: 新华网", "zh", "2023", "date"),
    ("Updated: 2020-01-09 08:41", "en", "08", "date"),
    ("The briefing started at 9:30.", "en", "9", "time"),
    ("Registration closes at 6 pm.", "en", "6", "time"),
    ("Экспорт вырос на 12,4% за год.", "ru", "12,4", "percent"),
    ("Рост составил 8 проц.", "ru", "8", "percent"),
    ("Output rose 6.5 percent.", "en", "6.5", "percent"),
    ("比上届增长35%。", "zh", "35", "percent"),
    ("増加率は12.5％だった。", "ja", "12.5", "percent"),
    ("Powered by SiteCMS 5.1.3", "en", "5.1", "version"),
    ("Powered by SiteCMS 5.1.3 ©2010-2023 example.cn", "ja", "2010", "copyright"),
    ("©2015-2024 Все права защищены", "ru", "2015", "copyright"),
    ("更新时间: 浏览次数: 321", "zh", "321", "view_counter"),
    ("Открылся 10-й форум городов.", "ru", "10", "ordinal"),
    ("第七届博览会开幕。", "zh", "七", "ordinal"),
    ("第5回の会議が開催された。", "ja", "5", "ordinal"),
    ("the 5th expo opened", "en", "5", "ordinal"),
    ("меры против COVID-19 приняты", "ru", "19", "identifier"),
    ("к 75-летию победы", "ru", "75", "compound"),
    ("https://example.ru/2021/06/news-12345.html", "ru", "2021", "url"),
])
def test_numbers_that_are_not_quantities(text, lang, surface, kind):
    assert kinds(text, lang)[surface] == kind
    assert surface not in quantities(text, lang)


def test_counts_next_to_furniture_stay_quantities():
    text = "Powered by SiteCMS 5.1.3 ©2010-2023. В выставке участвовали 2200 компаний и 1764 делегата."
    found = quantities(text, "ru")
    assert set(found) == {"2200", "1764"}


@pytest.mark.parametrize("text, surface", [
    ("Harbour forum opens\n25 agreements were signed on the first day.", "25"),
    ("Harbour forum opens\nTwelve agreements were signed on the first day.", "Twelve"),
    ("Гавань Forum\n40 компаний приехали на форум.", "40"),
])
def test_a_number_that_opens_a_line_after_a_headline_is_a_quantity(text, surface):
    # the headline's last letter is no prefix of it, as in "COVID-19" or "A320"
    assert surface in quantities(text, "ru" if "Гавань" in text else "en")


def test_a_four_digit_count_with_a_counter_is_no_year():
    assert "2100" in quantities("2100社以上の企業が参加した。", "ja")
    assert "1867" in quantities("与1867个城市建立了联系。", "zh")


@pytest.mark.parametrize("text, lang", [
    ("推进一带一路建设，统一思想。", "zh"),
    ("唯一の方法は協力だ。", "ja"),
    ("数十社が出展した。", "ja"),
    ("Стороны подписали десятки документов.", "ru"),
    ("Dozens of agreements were signed.", "en"),
])
def test_lexical_and_vague_numerals_are_no_quantities(text, lang):
    assert find_quantities(text, lang) == []


def test_kanji_numeral_before_a_counter():
    found = quantities("会上签署了三十项合作协议。", "zh")
    assert found["三十"].value == 30 and found["三十"].noun.startswith("项")


def test_large_russian_text_number_and_scale():
    found = quantities("Инвестиции составят пятьсот миллионов рублей.", "ru")
    assert found["пятьсот миллионов"].value == 500_000_000
