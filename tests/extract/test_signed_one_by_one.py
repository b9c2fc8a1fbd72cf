"""Documents signed one by one count where the report gives no signed count, even beside counts of something that
was not signed (projects shown, companies taking part). Pages written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    "Omsk forum opens\n\nThe Omsk–Harbin trade forum opened in Omsk on 12 May 2024. Some 120 projects were shown at "
    "the exhibition. On the first day the two cities signed a cooperation agreement.",
    "Форум открылся в Омске\n\n12 мая 2024 года в Омске открылся торговый форум «Омск – Харбин». На выставке "
    "представили 120 проектов. В первый день города подписали соглашение о сотрудничестве.",
    "鄂木斯克论坛开幕\n\n2024年5月12日,鄂木斯克—哈尔滨经贸论坛在鄂木斯克开幕。展会共展示项目120个。首日,两市签署了合作协议。",
    "オムスクでフォーラム開幕\n\n2024年5月12日、オムスク・ハルビン経済フォーラムがオムスクで開幕した。展示会では120件のプロジェクトが"
    "紹介された。初日には両市が協力協定を締結した。",
])
def test_a_single_signing_beside_a_count_of_things_shown(page):
    assert summarise(page).agreements == 1


def test_a_signed_count_still_wins_over_a_single_document():
    page = ("Omsk forum closes\n\nThe Omsk–Harbin trade forum closed in Omsk on 14 May 2024. Companies signed 15 "
            "contracts. The two cities also signed a cooperation agreement.")
    assert summarise(page).agreements == 15


@pytest.mark.parametrize("page", [
    "友好都市記念式典\n5月10日、友好都市提携35周年の記念式典を開催しました。式典では両市長が「青少年交流の誓い」に署名しました。",
    "友好城市纪念活动\n5月10日，两市举行结好35周年纪念活动，两市市长签署了《青少年交流宣言》。",
    "Sister counties\nWayne County and Yangzhou entered into a memorandum of understanding on Monday to cooperate on trade.",
])
def test_a_document_signed_by_its_title_or_entered_into_is_one(page):
    assert summarise(page).agreements == 1


def test_a_signed_title_that_holds_a_document_word_is_counted_once():
    page = "友好都市記念式典\n5月10日、記念式典で両市長が「友好交流協定」に署名しました。"
    assert summarise(page).agreements == 1


@pytest.mark.parametrize("page", [
    "Forum in Addis Ababa\nAside from the MoU signed between the two governments, Ethiopian and Chinese partners inked "
    "five other cooperation agreements at the forum in Addis Ababa.",
    "Форум в Казани\nПравительства подписали меморандум о сотрудничестве. Кроме того, на форуме в Казани компании "
    "подписали ещё пять соглашений.",
    "哈尔滨论坛\n两市政府签署了合作备忘录。此外，企业在论坛上还签署了5项合作协议。",
    "ハルビンでフォーラム\n両市は覚書に署名した。このほか企業が5件の協定を結んだ。",
])
def test_a_count_of_other_documents_adds_to_the_one_signed_beside_it(page):
    assert summarise(page).agreements == 6


def test_a_count_without_a_word_of_more_stands_alone():
    page = "Forum in Kazan\nThe mayors signed a memorandum. At the forum in Kazan, 12 agreements were signed."
    assert summarise(page).agreements == 12


@pytest.mark.parametrize("page", [
    "Omsk forum to open\n\nThe Omsk–Harbin trade forum opens in Omsk on 12 May 2024. During the forum the two mayors "
    "will sign a cooperation agreement.",
    "Форум откроется в Омске\n\n12 мая 2024 года в Омске откроется торговый форум «Омск – Харбин». В ходе форума мэры "
    "двух городов подпишут соглашение о сотрудничестве.",
    "鄂木斯克论坛将开幕\n\n2024年5月12日,鄂木斯克—哈尔滨经贸论坛将在鄂木斯克开幕。论坛期间,两市将以视频方式签署合作备忘录。",
    "鄂木斯克论坛将开幕\n\n2024年5月12日,鄂木斯克—哈尔滨经贸论坛将在鄂木斯克开幕。市长拟于当天在市政府签署合作协议。",
    "オムスクでフォーラム\n\n2024年5月12日、オムスク・ハルビン経済フォーラムがオムスクで開かれる。両市は協力協定も締結する。",
])
def test_a_signing_the_report_announces_is_no_agreement_yet(page):
    assert summarise(page).agreements is None


@pytest.mark.parametrize("page", [
    "Omsk forum opens\n\nThe Omsk–Harbin trade forum opened in Omsk on 12 May 2024. The two cities signed their "
    "twinning agreement in 2009 and have traded ever since.",
    "Форум открылся в Омске\n\n12 мая 2024 года в Омске открылся торговый форум «Омск – Харбин». Соглашение о "
    "побратимстве города подписали в 2009 году.",
    "鄂木斯克论坛开幕\n\n2024年5月12日,鄂木斯克—哈尔滨经贸论坛在鄂木斯克开幕。两市于2009年签署了友好城市协议。",
    "オムスクでフォーラム開幕\n\n2024年5月12日、オムスク・ハルビン経済フォーラムがオムスクで開幕した。両市は2009年に"
    "友好都市協定を締結している。",
    # the event's year unknown: a signing the report dates with a year of its own is another time's
    "Омский форум\n\n12 мая в Омске откроется торговый форум. Соглашение о сотрудничестве подписали губернаторы "
    "регионов 3 июля 2019 года.",
])
def test_a_single_signing_dated_to_another_year_is_not_the_events(page):
    assert summarise(page).agreements is None


@pytest.mark.parametrize("page", [
    # a year inside a title or a name dates nothing
    "友好都市記念式典\n2024年5月10日、大阪市で記念式典を開催しました。両市長が「2024―2026年交流計画協定書」に署名しました。",
    "オムスクでフォーラム開幕\n2024年5月12日、フォーラムがオムスクで開幕した。2030年国際博覧会協会の会長が協定書に署名した。",
    "Omsk forum opens\n\nThe Omsk–Harbin trade forum opened in Omsk on 12 May 2024. There, in 2024, the two cities "
    "signed a cooperation agreement.",
])
def test_a_single_signing_in_the_events_year_or_beside_a_named_year_counts(page):
    assert summarise(page).agreements == 1


@pytest.mark.parametrize("page", [
    "Fair closes in Xiamen\n\nThe Xiamen investment fair closed on 11 September 2024 with 86 contracted projects.",
    "Fair closes in Xiamen\n\nThe Xiamen investment fair closed on 11 September 2024. In all, 86 projects were "
    "contracted at the fair.",
])
def test_contracted_projects_are_signed(page):
    assert summarise(page).agreements == 86


@pytest.mark.parametrize("page, signed", [
    ("友好交流会議\n2024年5月10日、大阪市で会議が開かれた。会談後、両市長は「観光交流の強化に関する覚書」に、両議長は「議会交流に関する"
     "覚書」にそれぞれ調印した。覚書に調印した両市長は握手を交わした。", 2),
    ("Forum in Kazan\n\nThe forum opened in Kazan on 12 May 2024. The mayors signed the “Memorandum on Tourism "
     "Exchange”. After they signed the memorandum, the mayors met the press.", 1),
])
def test_a_document_named_again_without_its_title_is_not_one_more(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page, signed", [
    ("市民交流会議\n2024年5月10日、札幌市で市民交流会議が開かれた。会議は共同コミュニケの調印を終えて閉幕した。", 1),
    ("城市论坛\n2024年5月10日,两市论坛在大连举行。两市市长签署了联合声明。", 1),
    ("Форум городов\n10 мая 2024 года в Омске прошёл форум. По его итогам стороны подписали совместное коммюнике.", 1),
    ("Mayors forum\nThe mayors forum was held in Omsk on 10 May 2024. The mayors signed a joint communiqué on trade.", 1),
    # adopted or read out, not signed: no document
    ("Mayors forum\nThe mayors forum was held in Omsk on 10 May 2024. The mayors adopted a joint declaration.", None),
    ("市民交流会議\n2024年5月10日、札幌市で市民交流会議が開かれた。会議は共同宣言を採択して閉幕した。", None),
])
def test_a_signed_joint_statement_is_a_document(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page, signed", [
    ("中俄博览会开幕\n2024年6月30日,中俄博览会在哈尔滨开幕。5月,两国元首共同签署了联合声明。", None),
    ("Expo opens\nThe expo opened in Harbin on 30 June 2024. In May, the two leaders signed a joint statement.", None),
    ("Expo opens\nThe expo opened in Harbin on 30 June 2024. On the first day, the two cities signed a joint "
     "statement.", 1),
    # a report that never writes the year still dates the signing by its month
    ("博览会将开幕\n6月30日,博览会将在哈尔滨举行。5月,两国元首共同签署了联合声明。", None),
    ("Expo to open\nThe expo will open in Harbin on 30 June. In May, the two leaders signed a joint statement.", None),
    ("Выставка откроется\nВыставка откроется в Харбине 30 июня. В мае лидеры двух стран подписали совместное "
     "заявление.", None),
    ("博覧会が開幕へ\n博覧会は6月30日、ハルビンで開幕する。5月、両国首脳は共同声明に署名した。", None),
    ("Expo opens\nThe expo opened in Harbin on 30 June. On the first day, the two cities signed a joint statement.", 1),
])
def test_a_single_signing_in_another_month_of_the_year_is_not_the_events(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page, signed", [
    # agreements worth a sum, not one document
    ("展会闭幕\n2024年5月10日,展会在哈尔滨闭幕。三天的展会上,本省企业与外方企业共签订贸易协议2亿多美元。", None),
    ("展会闭幕\n2024年5月10日,展会在哈尔滨闭幕。两市签订友好合作协议。", 1),
])
def test_a_chinese_agreement_noun_before_a_sum_is_no_single_document(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page", [
    "Kazan and Bursa sign road map\nThe mayors of Kazan and Bursa signed a road map of cooperation for 2025-2027 in "
    "Kazan on 2 May 2024.",
    "Казань и Бурса подписали дорожную карту\nМэры Казани и Бурсы подписали дорожную карту сотрудничества на "
    "2025-2027 годы в Казани 2 мая 2024 года.",
    "カザンとブルサがロードマップに署名\nカザン市とブルサ市の市長は2024年5月2日、カザンで2025～2027年の協力ロードマップに署名した。",
    "喀山与布尔萨签署路线图\n2024年5月2日，喀山市和布尔萨市市长在喀山签署2025-2027年合作路线图。",
])
def test_a_road_map_of_cooperation_is_a_document_its_signing_reports(page):
    summary = summarise(page)
    assert summary.relevant and (summary.host, summary.partners) == ("Kazan", {"Bursa"})
    assert summary.date[:3] == (2024, 5, 2)


def test_coordinating_details_signs_no_protocol_but_agreeing_one_does():
    base = ("Форум в Казани\nМеждународный инвестиционный форум открылся в Казани 5 июня 2024 года, в нём участвуют "
            "делегации из Китая и Турции. {}")
    assert summarise(base.format("Согласование деталей шло месяц, и традиционный протокол был соблюден.")).agreements \
        is None
    assert summarise(base.format("Стороны согласовали протокол о сотрудничестве.")).agreements == 1


@pytest.mark.parametrize("page, signed", [
    ("Kursk and Varna twinned\n\nKursk, 3 June 2024. The mayors of Kursk and Varna signed the memorandum of "
     "agreement on twinning at the city hall of Kursk.", 1),
    ("Курск и Варна стали побратимами\n\nКурск, 3 июня 2024 года. Мэры Курска и Варны подписали протокол о "
     "соглашении о побратимстве в мэрии Курска.", 1),
    ("Kursk and Varna twinned\n\nKursk, 3 June 2024. The mayors of Kursk and Varna signed the agreement and the "
     "memorandum at the city hall of Kursk.", 2),
])
def test_a_document_named_as_the_subject_of_another_is_part_of_it(page, signed):
    assert summarise(page).agreements == signed


def test_a_quotation_of_someones_words_about_the_signing_is_no_second_document():
    page = ("Курск и Варна подписали меморандум\n\nКурск, 3 июня 2024 года. Мэры Курска и Варны подписали "
            "меморандум о побратимстве, сообщает пресс-служба. «Сегодня Курск и Варна подписали меморандум о дружбе, "
            "торговле и культурных обменах», – говорится в сообщении.")
    assert summarise(page).agreements == 1


@pytest.mark.parametrize("page, signed", [
    # the document already signed, named again with its participle: one document
    ("Форум в Казани\nФорум прошёл в Казани 5 мая 2024 года. Стороны подписали соглашение о сотрудничестве. "
     "Подписанный меморандум предусматривает обмен делегациями.", 1),
    ("Forum in Kazan\nThe forum was held in Kazan on 5 May 2024. The two regions signed an agreement on trade. "
     "The signed memorandum provides for exchanges of delegations.", 1),
    # named so first, it is the one document the report signs
    ("Форум в Казани\nФорум прошёл в Казани 5 мая 2024 года. Подписанный меморандум предусматривает обмен "
     "делегациями.", 1),
    # two documents signed side by side stay two
    ("Forum in Kazan\nThe forum was held in Kazan on 5 May 2024. The two regions signed an agreement on trade and a "
     "memorandum on tourism.", 2),
])
def test_a_document_named_again_by_its_signing_participle_is_not_one_more(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page, signed", [
    # one party's or one day's share of a whole the report does not give: no count
    ("Expo closes\nThe expo closed in Harbin on 14 July 2024. Harbin alone signed 28 projects worth 5 billion yuan.",
     None),
    ("Forum closes\nThe investment forum closed in Riyadh on 25 October 2024. The national oil company signed 15 deals "
     "worth $34bn alone.", None),
    ("博览会闭幕\n2024年7月14日,博览会在哈尔滨闭幕。仅首日一天,两国企业就签下了17项协议。", None),
    ("博覧会が閉幕\n博覧会は2024年7月14日、ハルビン市で閉幕した。初日だけで17件の協定が締結された。", None),
    ("Выставка закрылась\n14 июля 2024 года в Харбине закрылась выставка. Только в первый день подписано 17 "
     "соглашений.", None),
    # the whole beside the share is the count; "only 17" is all of them
    ("Expo closes\nThe expo closed in Harbin on 14 July 2024. Companies signed 45 agreements; Harbin alone signed 28 "
     "of them.", 45),
    ("Выставка закрылась\n14 июля 2024 года в Харбине закрылась выставка. Подписано только 17 соглашений.", 17),
    ("博覧会が閉幕\n博覧会は2024年7月14日、ハルビン市で閉幕した。初日だけでなく会期を通じて計50件の協定が締結された。", 50),
])
def test_a_share_signed_by_one_party_or_on_one_day_is_not_the_events_count(page, signed):
    assert summarise(page).agreements == signed


@pytest.mark.parametrize("page, signed", [
    # a ceremony that "will be hosted by" the mayors has not happened yet
    ("论坛将开幕\n2024年5月10日,两市合作论坛在大连举行。签署经贸合作备忘录仪式,将由两市市长共同主持。", None),
    ("论坛开幕\n2024年5月10日,两市合作论坛在大连举行。两市市长共同签署经贸合作备忘录。", 1),
])
def test_a_chinese_signing_ceremony_still_to_be_hosted_signs_nothing(page, signed):
    assert summarise(page).agreements == signed
