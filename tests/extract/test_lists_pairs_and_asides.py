"""Lists opened by example, weekday pairs, articles before names, comparisons with earlier editions, lesser signed
papers and the words of a fair's talks: sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from orchestration.extract.places import find_places
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, host, partners", [
    (" date 2021-04-16 News\nMayors from some 30 cities, including Porto, Graz and Tampere, gathered in Lyon on "
     "Thursday for a forum on urban transport.", "Lyon", {"Porto", "Graz", "Tampere"}),
    (" date 2021-04-16 News\nThe mayors of the cities of Porto, Graz and Tampere gathered in Lyon on Thursday for a "
     "forum on urban transport.", "Lyon", {"Porto", "Graz", "Tampere"}),
    (" date 2021-04-16 Новости\nМэры 18 городов, в том числе Минска, Бреста и Гродно, собрались в Перми в четверг на "
     "форум по городскому транспорту.", "Perm", {"Minsk", "Brest", "Grodno"}),
    (" date 2021-04-16 Новости\nМэры городов Минска, Бреста и Гродно собрались в четверг в Перми на форум по "
     "городскому транспорту.", "Perm", {"Minsk", "Brest", "Grodno"}),
])
def test_what_is_said_of_the_towns_before_the_noun_that_opens_their_list_is_said_of_each(page, host, partners):
    s = summarise(page)
    assert (s.host, s.partners) == (host, partners)


@pytest.mark.parametrize("text, lang, reference, span", [
    ("The business forum was held in Porto on Tuesday and Wednesday.", "en", date(2021, 4, 16), (13, 14)),
    ("Бизнес-форум прошёл в Порту во вторник и среду.", "ru", date(2021, 4, 16), (13, 14)),
    ("商务论坛于周二和周三在波尔图举行。", "zh", date(2021, 4, 16), (13, 14)),
])
def test_two_weekdays_in_a_row_joined_by_and_are_a_span(text, lang, reference, span):
    ranges = [m for m in find_dates(text, lang, reference) if m.kind == "range"]
    assert [(m.first.to_date().day, m.last.to_date().day) for m in ranges] == [span]


def test_two_weekdays_apart_joined_by_and_are_two_days():
    found = find_dates("Talks were held on Monday and Wednesday.", "en", date(2021, 4, 16))
    assert all(m.kind != "range" for m in found)


def test_a_name_after_the_article_that_no_noun_follows_is_no_town():
    found = {m.surface: m.city for m in find_places(
        "A ferry will cross the Amur. The Kazan and Harbin delegations met on a boat on the Volga in summer. Talks "
        "go on in the Hague in May.", "en")}
    assert found.get("Amur") is None and found.get("Volga") is None
    assert found["Kazan"] is not None and found["Harbin"] is not None
    assert found["Hague"].name_en == "The Hague"  # the article is the town's own


@pytest.mark.parametrize("page, host", [
    (" date 2020-11-12 輸入博覧会が閉幕\n広州で開かれていた国際輸入博覧会は11日閉幕し、成約額は前回比15％増の40億ドルに達した。", "Guangzhou"),
    (" date 2020-11-12 博览会闭幕\n在广州举办的国际博览会11日闭幕，成交额比上届增长15%，来自日本的50家企业参展。", "Guangzhou"),
    (" date 2020-11-12 Trade fair closes\nThe trade fair in Guangzhou closed on Wednesday with deals worth $4 billion, "
     "up 15 percent from the previous edition.", "Guangzhou"),
    (" date 2020-11-12 Ярмарка завершилась\nВ Гуанчжоу в среду завершилась ярмарка, объём сделок составил 4 млрд "
     "долларов, рост на 15% в сравнении с прошлогодней ярмаркой; в ней участвовали 50 компаний из Японии.", "Guangzhou"),
])
def test_a_figure_compared_with_an_earlier_edition_is_this_editions(page, host):
    s = summarise(page)
    assert s.host == host and s.date[3:6] == (2020, 11, 11)


@pytest.mark.parametrize("page", [
    " date 2021-04-16 News\nA delegation from Suifenhe visited Ussuriysk on Wednesday, and the two sides signed a "
    "letter of intent on a joint logistics park.",
    " date 2021-04-16 Новости\nДелегация китайского города Суйфэньхэ посетила Уссурийск. Стороны подписали протокол о "
    "намерениях по созданию логистического парка.",
])
def test_a_letter_or_protocol_of_intent_is_a_signing(page):
    s = summarise(page)
    assert s.event is not None and s.event["event_type"] == "signing"
    assert (s.host, s.partners, s.agreements) == ("Ussuriysk", {"Suifenhe"}, 1)


def test_the_object_nearest_the_verb_names_a_signing_and_a_luncheon_is_an_occasion():
    s = summarise(" date 2023-03-03 News\nTwo states marked 25 years of sister-state ties at a business luncheon in "
                  "Darwin on Thursday, where three memorandums of understanding were signed between firms from "
                  "Kumamoto and Katherine.")
    assert s.event["event_name"] == "business luncheon" and s.agreements == 3


def test_talks_held_at_a_fair_and_deals_only_expected_are_no_agreements():
    s = summarise(" date 2023-10-28 商談会\n福岡商工会議所は27日、タイ・バンコクで日タイ商談会を開催した。日本企業25社と現地企業"
                  "90社が参加し、約210件の商談が行われ、"
                  "成約見込み額は約3億円に上った。")
    assert s.host == "Bangkok" and s.agreements is None


def test_a_japanese_conference_whose_memoranda_are_exchanged_at_a_ceremony_signs_them():
    s = summarise(" date 2022-10-08 ニュース\n経済産業省とインドネシア投資省は10月6日、大阪市内で「日イ投資カンファレンス」を開催した。"
                  "会場では両国企業による28件の協力覚書(MOU)交換式が行われた。")
    assert s.event["event_type"] == "conference" and s.host == "Osaka" and s.agreements == 28


def test_a_call_whose_sides_sign_on_the_spot_has_no_host():
    s = summarise(" date 2021-05-14 交流会\n5月13日，青岛市与日本下关市通过线上方式举行经贸交流会，两地20余家企业参加，现场签约项目4个。")
    assert s.host is None and s.partners == {"Qingdao", "Shimonoseki"} and s.agreements == 4


def test_curtains_that_came_down_close_the_event_on_their_day():
    s = summarise(" date 2023-02-11 News\nPune, Feb 10 Agreements worth Rs 12,000 crore were signed at the state investors' "
                  "meet with firms from Japan and Korea, officials said, as the curtains came down on the three-day "
                  "event on Friday.")
    assert s.date[:6] == (2023, 2, 8, 2023, 2, 10)


def test_a_count_over_the_period_between_two_editions_is_no_editions_count():
    s = summarise(" date 2023-02-11 News\nPune, Feb 10 MoUs for 310 projects were signed at the investors' summit with "
                  "firms from Japan and Korea, officials said.\nMoUs for a total of 920 projects worth Rs 4.75 lakh crore "
                  "were inked during the period between the third and fourth editions of the summit.")
    assert s.agreements == 310


def test_an_undated_dateline_in_capitals_before_a_double_dash_names_the_host():
    s = summarise(" date 2022-05-20 News\nKHABAROVSK -- A delegation from the Japanese city of Niigata arrived here on "
                  "Thursday for a three-day visit. The two cities signed a memorandum on student exchanges on Friday.")
    assert (s.host, s.partners) == ("Khabarovsk", {"Niigata"})
    assert s.event["event_name"] == "signed a memorandum"


def test_a_clause_comma_ends_a_list_of_the_cities_a_country_holds():
    s = summarise(" date 2017-06-13 新闻\n应韩国仁川市邀请，沈阳市副市长率团于6月8日至10日赴仁川出席第五届东北亚城市合作论坛。")
    assert (s.host, s.partners) == ("Incheon", {"Shenyang"})


@pytest.mark.parametrize("page, event_name", [
    (" date 2018-05-25 新闻\n5月24日，吉林省代表团在俄罗斯符拉迪沃斯托克市出席中俄地方合作交流活动，双方企业签署合作协议6项。",
     "中俄地方合作交流活动"),
    (" date 2022-10-20 ニュース\n大阪市と米サンフランシスコ市は19日、オンラインで姉妹都市提携65周年の記念イベントを開催した。", "記念イベント"),
])
def test_an_exchange_or_an_anniversary_named_as_an_activity_or_an_event_is_one(page, event_name):
    assert summarise(page).event["event_name"] == event_name


@pytest.mark.parametrize("page", [
    " date 2019-09-20 News\nA tourism forum co-hosted by the Thai city of Chiang Mai opened in Kunming on Thursday.",
    " date 2019-09-20 新闻\n旅游论坛19日在昆明开幕，泰国清迈市协办。",
    " date 2019-09-20 ニュース\n観光フォーラムが19日、昆明で開幕した。タイのチェンマイ市が共催した。",
])
def test_a_city_that_co_hosts_the_event_takes_part(page):
    s = summarise(page)
    assert (s.host, s.partners) == ("Kunming", {"Chiang Mai"})


@pytest.mark.parametrize("text, lang", [("交流会議が24、25の両日、長崎市で開かれた。", "ja"), ("论坛24、25两天在长春举行。", "zh")])
def test_two_days_of_the_reports_month_said_to_be_both_days_are_a_span(text, lang):
    ranges = [m for m in find_dates(text, lang, date(2021, 11, 26)) if m.kind == "range"]
    assert [(m.first.to_date(), m.last.to_date()) for m in ranges] == [(date(2021, 11, 24), date(2021, 11, 25))]
