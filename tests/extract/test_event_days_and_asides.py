"""A total over the event's own days is the event's, a running total over years is not; a bracketed aside ends no
sentence; a Japanese counted noun as the topic before a bare figure is a count; a venue inside a city places the
event there; business and trade missions and fairs named by what they show are events, and events of an
indefinite number ("several business forums") are none in particular."""
from __future__ import annotations

import pytest

from orchestration.extract.text import split_sentences
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, amount", [
    ("物産展が閉幕\n物産展は6月3日から5日まで大阪市で開かれた。3日間累計で成約した商談は52件、契約額は12億円に達した。",
     1_200_000_000),
    ("博览会闭幕\n博览会6月3日至5日在南宁举行。3天来累计签约项目52个，签约金额120亿元。", 12_000_000_000),
    ("Выставка завершилась\nВыставка прошла в Омске с 3 по 5 июня. За три дня в общей сложности накоплено 52 "
     "подписанных соглашения на сумму 12 млрд рублей.", 12_000_000_000),
    ("Expo closes\nThe expo was held in Perth from 3 to 5 June. Over the three days, a cumulative 52 agreements "
     "worth 1.2 billion dollars were signed.", 1_200_000_000),
])
def test_a_total_over_the_events_own_days_is_the_events(page, amount):
    summary = summarise(page)
    assert summary.agreements == 52
    assert [deal[0] for deal in summary.deals] == [amount]


@pytest.mark.parametrize("page", [
    "物産展が閉幕\n物産展は6月3日から5日まで大阪市で開かれた。2010年以来の累計で成約した商談は520件に達した。",
    "Expo closes\nThe expo was held in Perth from 3 to 5 June. Since 2010, a cumulative 520 agreements have been "
    "signed at the expo.",
])
def test_a_running_total_over_years_is_still_no_count_of_the_event(page):
    assert summarise(page).agreements is None


@pytest.mark.parametrize("line, sentences", [
    ("見本市は福岡市(人口160万人。2020年国勢調査)の国際会議場で開かれた。商談は30件。", 2),
    ("展会在昆明市（人口850万。2020年统计）的会展中心举行。签约30项。", 2),
    ("The fair (about 300 firms. Most from Asia) opened in Perth. It closed on Sunday.", 2),
    ("会議は札幌で開かれた（写真）。次回は2025年。", 2),
])
def test_a_bracketed_aside_ends_no_sentence(line, sentences):
    assert len(split_sentences(line)) == sentences


def test_the_host_city_before_a_bracketed_aside_is_the_host():
    summary = summarise("見本市が開幕\n2024年6月3日から5日まで福岡市(人口160万人。2020年国勢調査)の国際会議場にて見本市が"
                        "開催された。長崎市も出展した。長崎市の企業は多い。長崎市の代表も来た。")
    assert summary.host == "Fukuoka"


@pytest.mark.parametrize("page, count", [
    ("見本市が閉幕\n見本市は2024年6月3日に福岡市で開かれた。契約が成立したプロジェクトは52、契約額は12億円だった。", 52),
    ("見本市が閉幕\n見本市は2024年6月3日に福岡市で開かれた。締結された協定は7、参加企業は300社だった。", 7),
])
def test_a_counted_topic_before_a_bare_figure_is_a_count(page, count):
    assert summarise(page).agreements == count


def test_a_bare_figure_with_a_unit_after_it_is_no_count():
    summary = summarise("見本市が閉幕\n見本市は2024年6月3日に福岡市で開かれた。プロジェクトは52%が製造業だった。")
    assert summary.agreements is None


@pytest.mark.parametrize("page", [
    "覚書を締結\n盛岡市と大連市は覚書を締結した。締結式は2024年5月8日に盛岡市内の中央公園で行われた。大連市の代表団が"
    "参加した。大連市は港町。大連市は大きい。",
])
def test_a_venue_inside_a_city_places_the_event_there(page):
    summary = summarise(page)
    assert summary.host == "Morioka" and "Dalian" in summary.partners


@pytest.mark.parametrize("page, host", [
    ("Trade mission to Lagos\nA trade mission of 30 British firms arrived in Lagos on 4 May 2023 and signed two "
     "supply agreements with Nigerian partners.", "Lagos"),
    ("Бизнес-миссия в Ташкенте\nБизнес-миссия казанских компаний прошла в Ташкенте 4 мая 2023 года, подписано два "
     "соглашения.", "Tashkent"),
    ("Деловая миссия\nВ Бишкеке 4 мая 2023 года проходит деловая миссия российских компаний, подписано два соглашения.",
     "Bishkek"),
    ("経済ミッション\n大分県の経済ミッションが2023年5月4日、大連市で商談会を開き、2件の協定を締結した。", "Dalian"),
    ("物産展が開幕\n北海道物産展が2023年5月4日、台北市で開幕し、2件の契約が結ばれた。", "Taipei"),
])
def test_a_business_mission_or_a_products_fair_is_an_event(page, host):
    summary = summarise(page)
    assert summary.relevant and summary.host == host and summary.agreements == 2


@pytest.mark.parametrize("page", [
    "President visits China\nThe president flew to Beijing on Thursday on a trip to strengthen economic cooperation "
    "and investment. He will return on 18 May 2023 after taking part in several business forums.",
    "Визит в Китай\nГлава республики 18 мая 2023 года вернулся из Пекина, где обсуждал экономическое сотрудничество и "
    "инвестиции и принял участие в нескольких деловых форумах.",
    "訪中\n市長は2023年5月18日、経済協力と投資について話し合うため北京を訪れ、複数のフォーラムに参加した。",
    "访华\n2023年5月18日，市长在北京就经济合作和投资进行会谈，并出席了多个论坛。",
])
def test_events_of_an_indefinite_number_are_no_particular_event(page):
    summary = summarise(page)
    assert not summary.relevant and summary.reason == "generic_event_only"


@pytest.mark.parametrize("page", [
    "Forum in Perth\nSeveral thousand guests attended the Perth business forum on 18 May 2023, and delegations from "
    "Kobe signed 2 agreements.",
    "Форум в Омске\nНесколько тысяч гостей приняли участие в форуме, который прошёл в Омске 18 мая 2023 года; "
    "подписано 2 соглашения.",
])
def test_a_quantifier_of_something_else_leaves_the_event(page):
    summary = summarise(page)
    assert summary.relevant and summary.agreements == 2


def test_a_named_japanese_meeting_is_an_event():
    page = "知事会合\n第3回日韓海峡沿岸知事会合が2023年5月4日、長崎市で開かれ、観光交流について意見を交わした。"
    summary = summarise(page)
    assert summary.relevant and summary.host == "Nagasaki"
