"""Counts of agreements, contracts, projects, documents and deals, in Russian, Japanese, Chinese and English;
counts of anything else, statistics over the years, earlier editions and vague counts are left out."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts, singular_signings
from tests.extract.document_helpers import summarise


def counts(text: str, lang: str):
    found = find_agreement_counts(text, lang)
    for c in found:
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
    return found


def values(text: str, lang: str):
    """Counts of results; tallies "so far" are marked and left to the caller."""
    return [(c.value, c.kind) for c in counts(text, lang) if not c.running]


@pytest.mark.parametrize("text, lang, value, kind", [
    ("Университеты региона подписали 54 соглашения о сотрудничестве.", "ru", 54, "agreements"),
    ("По итогам саммита было подписано 37 документов.", "ru", 37, "documents"),
    ("В ходе ярмарки заключено 118 сделок.", "ru", 118, "deals"),
    ("На форуме заключены 23 контракта на поставку техники.", "ru", 23, "contracts"),
    ("Делегация подписала 9 инвестиционных проектов.", "ru", 9, "projects"),
    ("Стороны подписали три меморандума.", "ru", 3, "memoranda"),
    ("Стороны подписали двадцать одно соглашение.", "ru", 21, "agreements"),
    # tens counted as a unit
    ("Итогом визита стали полтора десятка подписанных соглашений.", "ru", 15, "agreements"),
    ("Компании заключили два десятка контрактов.", "ru", 20, "contracts"),
    ("Подписано более десятка меморандумов.", "ru", 10, "memoranda"),
    # half a hundred, a hundred, half a thousand without a numeral
    ("За три дня выставки было заключено свыше полусотни контрактов.", "ru", 50, "contracts"),
    ("Участники форума подписали сотню соглашений.", "ru", 100, "agreements"),
    ("На ярмарке заключено полтысячи сделок.", "ru", 500, "deals"),
    ("Firms from both sides signed 46 agreements.", "en", 46, "agreements"),
    ("A total of 12 major contracts were concluded.", "en", 12, "contracts"),
    ("Six memorandums of understanding were signed.", "en", 6, "memoranda"),
    ("The two cities inked 15 cooperation deals.", "en", 15, "deals"),
    ("会期中、21の共同研究プロジェクトが契約された。", "ja", 21, "projects"),
    ("両地域は56件の協力協定を締結した。", "ja", 56, "agreements"),
    # 個, the counter Japanese translated from Chinese keeps after a counted noun
    ("交易会では投資項目75個の契約を結んだ。", "ja", 75, "contracts"),
    ("当日签署22项经贸合作协议。", "zh", 22, "agreements"),
    ("双方签订了7份合同。", "zh", 7, "contracts"),
    ("现场签约重点项目31个。", "zh", 31, "projects"),
    # a singular noun qualifying the counted noun, though no list of modifiers holds it
    ("Growers and importers clinched 27 supply contracts.", "en", 27, "contracts"),
    ("The banks signed 4 loan agreements with regional firms.", "en", 4, "agreements"),
    # the documents named as the event's results, with no verb of signing
    ("Eighty-two contracts are the main results of the three-day fair.", "en", 82, "contracts"),
])
def test_counts_of_signed_documents(text, lang, value, kind):
    found = counts(text, lang)
    assert [(c.value, c.kind) for c in found] == [(value, kind)]
    assert found[0].signed


@pytest.mark.parametrize("text, lang, value, kind, qualifier", [
    ("Количество подписанных соглашений превысило 240.", "ru", 240, "agreements", "over"),
    ("Общее число заключенных сделок достигло 312.", "ru", 312, "deals", "exact"),
    ("The number of agreements signed reached 64.", "en", 64, "agreements", "exact"),
    ("The number of contracts signed grew to 35.", "en", 35, "contracts", "exact"),
    ("Число подписанных соглашений выросло до 47.", "ru", 47, "agreements", "exact"),
    ("本届展会签约项目增至63个。", "zh", 63, "projects", "exact"),
    ("見本市で締結された技術提携は287件に上った。", "ja", 287, "agreements", "exact"),
    ("契約件数は95件に達した。", "ja", 95, "contracts", "exact"),
    ("签订投资合作协议18项、金额90亿元。", "zh", 18, "agreements", "exact"),
])
def test_noun_before_the_number(text, lang, value, kind, qualifier):
    found = counts(text, lang)
    assert [(c.value, c.kind, c.qualifier) for c in found] == [(value, kind, qualifier)]
    assert found[0].signed


@pytest.mark.parametrize("text, lang, qualifier", [
    ("Участники подписали более 150 соглашений.", "ru", "over"),
    ("Участники подписали около 150 соглашений.", "ru", "about"),
    ("Over 150 agreements were signed.", "en", "over"),
    ("約150件の契約が締結された。", "ja", "about"),
    ("共签署150多项合作协议。", "zh", "over"),
])
def test_qualifiers(text, lang, qualifier):
    found = counts(text, lang)
    assert [(c.value, c.qualifier) for c in found] == [(150, qualifier)]


@pytest.mark.parametrize("text, lang, sister, general", [
    ("На конференции установлено 5 побратимских отношений и подписано 19 соглашений о сотрудничестве.", "ru", 5, 19),
    ("Подписано 4 соглашения об установлении побратимских связей и 11 соглашений о торговле.", "ru", 4, 11),
    ("The cities signed 6 sister-city agreements and 20 cooperation agreements.", "en", 6, 20),
    ("会議では3件の姉妹都市協定と12件の協力協定が締結された。", "ja", 3, 12),
    ("论坛期间签订7份缔结友好城市协议书，另签订16项经贸合作协议。", "zh", 7, 16),
])
def test_sister_city_agreements_are_their_own_kind(text, lang, sister, general):
    found = counts(text, lang)
    assert sorted((c.value, c.kind) for c in found) == sorted([(sister, "sister_city"), (general, "agreements")])


def test_a_plural_before_a_verb_is_the_counted_noun():
    # "18 cities" are counted, not the agreements they signed
    assert values("Delegates of 18 cities signed agreements on trade.", "en") == []


@pytest.mark.parametrize("text, lang", [
    # participants, guests, companies, booths, countries, cities, regions, side events, exhibits, visitors
    ("В форуме участвовали 1650 предприятий из 42 стран.", "ru"),
    ("Прибыли около 100 гостей из почти 30 стран.", "ru"),
    ("Представлены проекты из 14 стран и 29 городов-побратимов.", "ru"),
    ("Было оборудовано 5200 стендов и проведено 76 мероприятий.", "ru"),
    ("Участники из 28 городов Китая подписали документ.", "ru"),
    ("Россию представляют 140 предприятий из 19 субъектов.", "ru"),
    ("Delegates from 35 countries and 4,100 professional buyers attended.", "en"),
    ("A total of 700 companies, including 25 Fortune 500 firms, took part.", "en"),
    ("会場には6つの展示エリアが用意され、350人余りが訪れた。", "ja"),
    ("15の国と地域から2300社以上が出展した。", "ja"),
    ("来自32个国家和地区的3500家企业参展，展品17000件。", "zh"),
    ("省内外41家企业负责人出席签约仪式。", "zh"),
    ("举办了5场展览和3场线上演出。", "zh"),
    # agreements counted by partner countries, not by documents
    ("Китай подписал межправительственные соглашения с более чем 70 странами.", "ru"),
    # vague counts
    ("Стороны подписали десятки важных документов.", "ru"),
    ("За годы дружбы города подписали сотни соглашений.", "ru"),
    ("Dozens of agreements were signed.", "en"),
    ("数十件の契約が結ばれた。", "ja"),
])
def test_what_is_not_a_count_of_agreements(text, lang):
    assert values(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("В настоящее время 2900 побратимских отношений установлено между городами двух стран.", "ru"),
    ("За эти годы было подписано 450 соглашений.", "ru"),
    ("В прошлом году на выставке подписали 300 соглашений.", "ru"),
    ("To date, 1,200 agreements have been signed between the regions.", "en"),
    ("Last year 80 contracts were signed at the fair.", "en"),
    ("これまでに累計で500件の協定が締結された。", "ja"),
    ("前回の博覧会では120件の契約が結ばれた。", "ja"),
    ("在这之前，两国已建立了3000对友好城市关系。", "zh"),
    ("上届博览会共签约项目86个。", "zh"),
    # totals as of a month's end
    ("截至今年6月底，全市已签约外资项目140个。", "zh"),
    ("今年3月末現在、両県の間で42件の協定が締結されている。", "ja"),
    ("As of the end of May, the province had signed 64 agreements with foreign partners.", "en"),
    # a sentence that opens with a running total speaks of totals to its end; a history after the count
    ("So far, the coastal city's hospitals and research institutes have reached 40 cooperation intentions and 27 "
     "agreements with institutions at home and abroad.", "en"),
    ("На сегодняшний день предприятия области, по данным министерства экономического развития региона, "
     "заключили с зарубежными партнерами 48 контрактов.", "ru"),
    ("The province has reached 59 agreements with foreign partners since it launched the programme.", "en"),
])
def test_statistics_and_earlier_editions_are_skipped(text, lang):
    assert values(text, lang) == []


def test_unsigned_counts_are_marked():
    found = counts("В портфеле агентства 40 проектов.", "ru")
    assert [(c.value, c.kind, c.signed) for c in found] == [(40, "projects", False)]


def test_part_of_a_count():
    found = counts("うち、投資額3億元超の大型プロジェクトが23件あった。", "ja")
    assert [(c.value, c.kind, c.part_of_total) for c in found] == [(23, "projects", True)]
    found = counts("Подписано 60 соглашений, из них 12 контрактов.", "ru")
    assert [(c.value, c.part_of_total) for c in found] == [(60, False), (12, True)]


def test_two_reports_of_one_count_in_a_text():
    text = "Участники подписали более 90 соглашений. «Количество подписанных соглашений превысило 90», - сказал он."
    assert values(text, "ru") == [(90, "agreements"), (90, "agreements")]


@pytest.mark.parametrize("text, lang", [
    ("В этом году подписано на 10 соглашений больше.", "ru"),
    ("Compared with last year, 44 more agreements were signed.", "en"),
    ("前回より15件多い契約が結ばれた。", "ja"),
    ("较上届多签约项目12个。", "zh"),
])
def test_differences_are_not_counts(text, lang):
    assert values(text, lang) == []


def test_a_previous_year_in_a_comparison_keeps_the_count():
    assert values("Больше, чем в прошлом году, подписано 50 соглашений.", "ru") == [(50, "agreements")]
    assert values("共签署至少12项协议。", "zh") == [(12, "agreements")]


@pytest.mark.parametrize("text, lang, value", [
    ("Всего за три дня форума подписано 50 соглашений.", "ru", 50),
    ("С момента открытия выставки заключено 64 контракта.", "ru", 64),
    ("展会开幕以来，共签约项目30个。", "zh", 30),
    ("会期中、すでに18件の契約が締結された。", "ja", 18),
])
def test_counts_since_the_opening_belong_to_the_event(text, lang, value):
    assert [c.value for c in counts(text, lang)] == [value]


def test_a_sentence_opening_with_a_running_total_of_the_event_under_way_keeps_its_count():
    text = ("По состоянию на нынешний момент на проходящем в Казани российско-китайском торгово-экономическом форуме, "
            "по данным организаторов, уже подписаны соглашения по 45 проектам сотрудничества.")
    assert values(text, "ru") == [(45, "projects")]


@pytest.mark.parametrize("text, lang, signed", [
    ("Город готовится подписать соглашение о побратимстве с Дацином.", "ru", []),
    ("Мэры договорились подписать соглашение на следующем форуме.", "ru", []),
    ("На форуме удалось подписать соглашение о побратимстве.", "ru", [1]),
    ("Мэры подписали соглашение о побратимстве.", "ru", [1]),
    ("The two towns agreed to sign a twinning agreement in the spring.", "en", []),
    ("The two towns managed to sign a twinning agreement in the spring.", "en", [1]),
])
def test_an_infinitive_of_signing_is_a_signing_to_come_unless_it_was_managed(text, lang, signed):
    assert [c.value for c in singular_signings(text, lang)] == signed


@pytest.mark.parametrize("page, count", [
    ("博览会闭幕\n第五届国际博览会12日在大连闭幕。中俄两国企业间共达成签约意向15项，签约金额30亿元。", 15),
    ("博览会闭幕\n第五届国际博览会12日在大连闭幕。展会期间达成合作意向18项。", 18),
])
def test_chinese_agreed_intentions_are_counted(page, count):
    assert summarise(page).agreements == count


@pytest.mark.parametrize("page, count", [
    # 其中 opens the list of the fair's outcomes; nothing counts the whole
    ("博览会闭幕\n第五届国际博览会12日在大连闭幕，成果丰硕。其中，现场销售额达2亿元；两国企业共签署合作协议12项。", 12),
    ("Итоги ярмарки\nЯрмарка закрылась в Харбине 12 мая. Итоги: в том числе подписано 7 соглашений о сотрудничестве.", 7),
    # a whole is counted: the part stays a part
    ("博览会闭幕\n第五届国际博览会12日在大连闭幕，共签署协议20项，其中投资协议8项。", 20),
])
def test_a_part_marker_with_no_whole_counted_leaves_the_count_the_events(page, count):
    assert summarise(page).agreements == count


def test_japanese_documents_counted_with_tsu_are_counted_and_added():
    page = "フォーラム\n5日、カザンでフォーラムが開かれ、協定書3通と覚書2通が交わされた。"
    assert summarise(page).agreements == 5
