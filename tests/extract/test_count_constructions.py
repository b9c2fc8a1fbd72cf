"""Counts in constructions every language has: a tally "so far" that is the event's only count, the signing of
counted things as a noun ("57件のプロジェクトの調印"), and a Japanese clause that ends before the count."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts, singular_signings
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    "Итоги второго дня форума\nМОСКВА, 12 мая. Второй Северный инвестиционный форум продолжил работу в Мурманске. "
    "К настоящему времени на форуме подписано 48 соглашений, сообщил директор фонда.",
    "Forum reaches its second day\nMURMANSK, May 12 — The second Northern Investment Forum continued in Murmansk on "
    "Tuesday. So far, 48 agreements have been signed at the forum, the organisers said.",
    "フォーラム2日目\n第2回北方投資フォーラムは12日、ムルマンスクで2日目を迎えた。フォーラムではこれまでに48件の協定が締結された。",
    "论坛进入第二天\n第二届北方投资论坛12日在摩尔曼斯克进入第二天。截至目前，论坛已签署协议48份。",
])
def test_a_tally_so_far_is_the_events_count_when_it_is_the_only_one(page):
    assert summarise(page).agreements == 48


@pytest.mark.parametrize("page", [
    "Итоги форума\nМОСКВА, 12 мая. Северный инвестиционный форум прошёл в Мурманске. На форуме подписано 15 соглашений. "
    "К настоящему времени регионы заключили 300 соглашений о партнёрстве.",
    "Forum results\nMURMANSK, May 12 — The Northern Investment Forum was held in Murmansk on Tuesday, where 15 "
    "agreements were signed. So far, the two regions have signed 300 partnership agreements.",
])
def test_a_tally_so_far_gives_way_to_the_events_own_count(page):
    assert summarise(page).agreements == 15


@pytest.mark.parametrize("text, lang, value", [
    ("見本市では、国内外の企業による57件の協力プロジェクトの調印が行われた。", "ja", 57),
    ("フェアの期間中、12件の協定の締結式が開かれた。", "ja", 12),
    # the things and the signing as one compound noun, as a headline writes it
    ("<商談会の成果 31件の覚書締結、投資額は500億円>", "ja", 31),
    ("交流会議では9件の協定調印が実現した。", "ja", 9),
])
def test_counted_things_then_the_act_of_signing_them(text, lang, value):
    assert [(c.value, c.signed) for c in find_agreement_counts(text, lang)] == [(value, True)]


def test_a_japanese_clause_that_ends_before_the_count_keeps_its_verb():
    found = find_agreement_counts("会議では12件の協力協定を締結し、300億円に上る40件の事業を推進した。", "ja")
    assert [(c.value, c.signed) for c in found] == [(12, True), (40, False)]


@pytest.mark.parametrize("text, lang", [
    ("About 9,000 cooperation agreements have been signed since the fair was first held in 2000.", "en"),
    ("Some 7,500 investment contracts were concluded since the first session of the expo.", "en"),
    ("Более 300 соглашений подписано с момента первого форума.", "ru"),
])
def test_a_series_marker_after_the_count_makes_it_a_total_over_the_years(text, lang):
    assert find_agreement_counts(text, lang) == []


@pytest.mark.parametrize("text, value", [
    ("Five pairs of cities established relationships at the closing ceremony.", 5),
    ("The two countries now have three new sister-city partnerships.", 3),
])
def test_pairs_of_cities_and_new_partnerships_are_sister_city_agreements(text, value):
    assert [(c.value, c.kind, c.signed) for c in find_agreement_counts(text, "en")] == [(value, "sister_city", True)]


def test_delegates_of_pairs_of_cities_sign_nothing():
    assert [c.signed for c in find_agreement_counts("Delegates of 40 pairs of cities attended the forum.", "en")] == [False]


def _signed_counts(text: str, lang: str) -> list[tuple[int, str]]:
    return [(c.value, c.qualifier) for c in find_agreement_counts(text, lang)
            if c.signed and not c.running and not c.part_of_total]


@pytest.mark.parametrize("text, lang, expected", [
    # a relative phrase between the counter and its noun
    ("見本市では200件を超える契約が交わされた。", "ja", [(200, "over")]),
    # the list's word before a count whose noun came first
    ("交流会では投資協定など14件が締結された。", "ja", [(14, "exact")]),
    # the things that were signed, then their number
    ("見本市で成約したのは64件だった。", "ja", [(64, "exact")]),
    # a numeral in characters with 余/多 before its counter
    ("洽谈会期间共签订合作协议二十余项。", "zh", [(20, "over")]),
    ("双方签署了三十多个合作项目。", "zh", [(30, "over")]),
    # the verb phrase of signing after the counted noun
    ("开幕当天共有26个合作项目完成签约。", "zh", [(26, "exact")]),
    # "signed" as the participle of the counted noun
    ("The meeting closed with 19 signed agreements.", "en", [(19, "exact")]),
    # deals are closed as well as signed: the verb after the noun, or before it
    ("At the textile show 37 deals were negotiated and closed.", "en", [(37, "exact")]),
    ("Exhibitors closed 52 export contracts over the three days.", "en", [(52, "exact")]),
])
def test_counts_in_less_common_word_orders(text, lang, expected):
    assert _signed_counts(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # an inclusion that closes before the count does not make the count a part
    ("两区签署了包括旅游、教育在内的七份合作文件。", "zh", [(7, "exact")]),
    ("Including the tourism deals, 45 agreements were signed at the expo.", "en", [(45, "exact")]),
    ("Включая туристические проекты, на выставке подписано 45 соглашений.", "ru", [(45, "exact")]),
    # a part marker right before the count still makes it a part
    ("展会签约项目40个,其中6个项目涉及新能源。", "zh", [(40, "exact")]),
    ("The regions signed 30 agreements, including 4 on tourism.", "en", [(30, "exact")]),
])
def test_an_inclusion_closed_before_the_count_is_no_part(text, lang, expected):
    assert _signed_counts(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    ("Last year 40 agreements were signed, and this year 55 agreements were signed.", "en", [(55, "exact")]),
    ("В прошлом году подписали 40 соглашений, а в этом году подписано 55 соглашений.", "ru", [(55, "exact")]),
    ("前回は40件だったが、今回は55件の協定が締結された。", "ja", [(55, "exact")]),
    ("上届签约项目40个，本届签约项目55个。", "zh", [(55, "exact")]),
])
def test_a_figure_after_this_years_word_is_this_events_when_last_years_came_first(text, lang, expected):
    assert _signed_counts(text, lang) == expected


@pytest.mark.parametrize("text, lang", [
    ("Since the start of this year, 300 agreements have been signed.", "en"),
    ("今年以来累计签约项目300个。", "zh"),
])
def test_this_years_word_without_an_earlier_figure_leaves_a_running_total_alone(text, lang):
    assert _signed_counts(text, lang) == []


@pytest.mark.parametrize("page, value", [
    # a Chinese verb right after the counted noun, with no particle between; a count after a comma
    ("博览会闭幕\n第三届边境贸易博览会6月2日在满洲里闭幕,此次签约的26个项目涵盖能源、物流等领域。", 26),
    ("论坛开幕\n第二届林业合作论坛5月9日在伊春开幕。开幕式上，9个重点项目进行了集中签约。", 9),
    # the signed part of what was only discussed
    ("商談会が閉幕\n第4回食品商談会は7月3日、新潟市で閉幕した。商談件数は410件、うち成約は37件だった。", 37),
    ("展会闭幕\n第五届木材展会7月3日在绥芬河闭幕,共洽谈项目410个,其中签约项目37个。", 37),
    ("商談会が閉幕\n第4回食品商談会は7月3日、新潟市で閉幕した。会場では53件の成約があった。", 53),
    ("Fair closes\nThe third timber fair closed in Vyborg on 3 July. Eleven memorandums were exchanged at the "
     "closing ceremony.", 11),
])
def test_counts_with_the_verb_after_the_noun_or_in_a_part(page, value):
    assert summarise(page).agreements == value


@pytest.mark.parametrize("text, lang", [
    ("Organisers expect to sign about 25 agreements at the fair.", "en"),
])
def test_an_expectation_is_no_count(text, lang):
    assert not [c for c in find_agreement_counts(text, lang) if c.signed]


@pytest.mark.parametrize("text, value", [
    ("協定締結数は20を超えた。", 20),  # a number of signings, with no counter
    ("同フェアでの成約は、前年比2割増の58件。", 58),  # the topic before a comma
    ("会期中、両国は計17の観光・物流協力プロジェクトに調印した。", 17),  # ・ inside the noun phrase
])
def test_japanese_counts_named_by_their_topic(text, value):
    assert [(c.value, c.signed) for c in find_agreement_counts(text, "ja")] == [(value, True)]


@pytest.mark.parametrize("text, lang, value", [
    # a gloss in brackets between the noun and its particle
    ("交流会では、MOU(覚書)を5件締結した。", "ja", 5),
    ("商談会で、企業は覚書（MOU）を7件交わした。", "ja", 7),
    # the counted noun as a topic closed by a comma, a word of summing before the number
    ("会議で締結された協力協定は、合わせて18件となった。", "ja", 18),
])
def test_the_noun_before_a_number_past_a_gloss_or_a_comma(text, lang, value):
    assert _signed_counts(text, lang) == [(value, "exact")]


@pytest.mark.parametrize("text, lang", [
    ("双方签署了农业、教育等4个领域的合作协议。", "zh"),
    ("两市企业签署了3个国家的贸易合同。", "zh"),
    ("会議では、3つの都市の協力協定に調印した。", "ja"),
])
def test_a_number_of_fields_or_countries_is_no_count_of_documents(text, lang):
    assert _signed_counts(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("共有21家企业签署合作协议。", "zh"),
    ("交流会では、地元企業14社が覚書を締結した。", "ja"),
])
def test_documents_signed_by_counted_parties_are_several_of_a_number_not_said(text, lang):
    assert singular_signings(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    # a count of parties outside the signing's clause leaves the one document
    ("博览会吸引了300家企业参展，两市签署了友好城市协议书。", "zh"),
    ("商談会には40社が参加し、両市は覚書を締結した。", "ja"),
])
def test_parties_counted_in_another_clause_leave_one_document(text, lang):
    assert [c.value for c in singular_signings(text, lang)] == [1]


@pytest.mark.parametrize("text, value", [
    ("今年の交流会では、9件が締結された。", 9),
    ("調印式では14件が調印され、交流が深まった。", 14),
])
def test_a_japanese_count_of_items_signed_with_their_noun_left_out(text, value):
    assert _signed_counts(text, "ja") == [(value, "exact")]


def test_a_japanese_count_left_without_a_signing_stays_out():
    assert _signed_counts("今年の交流会には、9件の応募があった。", "ja") == []


@pytest.mark.parametrize("page, value", [
    ("Exporters busy at the fair\nMay 3, 2023\nThe Balkan Trade Fair closed in Skopje on May 2. Exporters from "
     "Albania and Greece secured 38 contracts during the four days.", 38),
    ("Firms ink 12 deals at Varna expo\nMay 3, 2023\nThe Black Sea Expo closed in Varna on May 2. Romanian and "
     "Bulgarian firms inked the deals on the last day.", 12),
    ("Forum\nMay 3, 2023\nThe Danube Business Forum was held in Ruse on May 2. Officials brokered 9 agreements "
     "between companies from Ruse and Giurgiu.", 9),
])
def test_english_verbs_of_winning_a_deal_sign_it(page, value):
    # "secured", "ink", "brokered": a headline's present tense and a business page's verbs of closing a deal
    assert summarise(page).agreements == value


def test_ink_and_secure_inside_other_words_sign_nothing():
    assert [c.value for c in find_agreement_counts("Officials think 12 projects need security reviews.", "en")
            if c.signed] == []


@pytest.mark.parametrize("verb", ["will sign", "will ink"])
def test_a_count_still_to_be_signed_in_a_preview_is_no_result(verb):
    page = ("Investment conference tomorrow\nJune 25, 2021\nThe Lisbon Investment Conference is slated for June 26. "
            f"Lisbon leaders {verb} 28 memoranda of understanding with investors from Porto and Madrid.")
    assert summarise(page).agreements is None
    assert summarise(page.replace(f"{verb}", "signed").replace("is slated for", "was held on")).agreements == 28


@pytest.mark.parametrize("page, lang", [
    ("Border forum\nPublished: 2025-03-01\nThe border trade forum was held in Lang Son on Tuesday. The two sides "
     "signed a memorandum on customs clearance and six agreements in other fields.", "en"),
    ("Пограничный форум\nОпубликовано: 2025-03-01\nПограничный торговый форум прошёл в Лангшоне во вторник. Стороны "
     "подписали меморандум о таможенном оформлении и шесть соглашений в других сферах.", "ru"),
    ("国境フォーラム\n2025年3月1日\n国境貿易フォーラムが火曜日にランソンで開かれた。双方は通関に関する覚書に調印したほか、"
     "その他の分野の協定6件に署名した。", "ja"),
])
def test_documents_counted_as_those_of_other_fields_add_to_the_one_named_before(page, lang):
    assert summarise(page).agreements == 7


@pytest.mark.parametrize("text, lang", [
    ("Twelve nations sign Expo 2030 participation contracts in Riga", "en"),
    ("In 2019 contracts were signed at the fair in Kazan for the first time.", "en"),
    ("На выставке Иннопром 2019 контрактов не заключали, сообщил министр.", "ru"),
])
def test_four_digits_of_a_year_after_a_capitalised_word_are_no_count(text, lang):
    assert [c.value for c in find_agreement_counts(text, lang)] == []


def test_a_count_that_looks_like_a_year_after_a_lowercase_word_is_still_a_count():
    assert [c.value for c in find_agreement_counts("At the fair, 2021 contracts were signed by traders.", "en")] \
        == [2021]


@pytest.mark.parametrize("text, value", [
    ("在集体签约仪式上，共有45对中外企业签约，合作涉及农业和物流。", 45),
    ("洽谈会期间，18对客商现场签约。", 18),
])
def test_chinese_pairs_of_parties_that_sign_count_the_signings(text, value):
    assert [(c.value, c.signed) for c in find_agreement_counts(text, "zh")] == [(value, True)]


def test_chinese_pairs_of_parties_that_only_talk_are_no_count():
    assert find_agreement_counts("会上有120对企业参加洽谈，气氛热烈。", "zh") == []


@pytest.mark.parametrize("text, value", [
    ("交流会では、日中の地方自治体30組以上が友好協力協定を結んだ。", 30),
    ("商談会の最終日には、12組の企業が調印した。", 12),
])
def test_japanese_pairs_of_parties_that_sign_count_the_signings(text, value):
    assert [(c.value, c.signed) for c in find_agreement_counts(text, "ja")] == [(value, True)]


def test_japanese_pairs_of_parties_that_only_meet_are_no_count():
    assert [c.value for c in find_agreement_counts("会場では企業40組が商談し、協定の締結に向けて話し合った。", "ja")] != [40]


@pytest.mark.parametrize("text, lang, value", [
    ("中外客商共签订投资合作项目52 个，涉及装备制造和物流。", "zh", 52),
    ("会期中に12 件の協力協定が締結された。", "ja", 12),
])
def test_a_space_between_digits_and_their_counter_keeps_the_count(text, lang, value):
    assert [c.value for c in find_agreement_counts(text, lang)] == [value]


@pytest.mark.parametrize("text, lang, value", [
    ("Университет подписал соглашения о партнёрстве с пятью китайскими университетами.", "ru", 5),
    ("The chamber signed cooperation agreements with six regional companies.", "en", 6),
])
def test_documents_signed_in_the_plural_with_counted_parties_are_one_with_each(text, lang, value):
    assert [(c.value, c.signed) for c in singular_signings(text, lang)] == [(value, True)]


@pytest.mark.parametrize("text, lang", [
    ("Университет подписал соглашения о партнёрстве с китайскими университетами.", "ru"),
    ("The chamber signed cooperation agreements with partners from Lodz.", "en"),
])
def test_documents_signed_in_the_plural_with_uncounted_parties_stay_uncounted(text, lang):
    assert singular_signings(text, lang) == []


@pytest.mark.parametrize("page", [
    "Вуз расширил связи\nОпубликовано: 2024-05-20\nНа форуме ректоров в Гаване университет подписал соглашения о "
    "партнёрстве с пятью кубинскими университетами.",
    "University widens its ties\nPublished: 2024-05-20\nAt the rectors' forum in Havana the university signed "
    "cooperation agreements with five Cuban universities.",
])
def test_a_report_whose_documents_are_one_with_each_counted_party_has_that_count(page):
    assert summarise(page).agreements == 5
