"""A page's machine timestamp and a home-clock date are not the event's day; the ties a town already has, a city
inside a chamber's or a clock's name and a city named only to locate another are no sides of the event; a city
called by its country ("the Japanese city", "a visit to France") hosts it; an anniversary's signing is no
agreement of the event."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    "友好都市会议\n第八届友好城市交流大会在洛阳举行 2016-10-21 09:12\n10月18日,第八届友好城市交流大会在洛阳召开。"
    "来自奈良的代表团出席。",
    "Побратимы\nВ Самаре прошла конференция городов-побратимов 21.10.2016 09:12\n18 октября в Самаре открылась "
    "конференция городов-побратимов. Делегация из Штутгарта приняла участие.",
])
def test_a_timestamp_beside_the_title_is_no_day_of_the_event(page):
    summary = summarise(page)
    assert summary.date[1:3] == (10, 18)


def test_a_date_and_time_inside_a_sentence_stays_the_events_day():
    summary = summarise("Побратимы\nКонференция городов-побратимов откроется 18.10.2016 в 10:00 в Самаре. Делегация "
                        "из Штутгарта примет участие.")
    assert summary.date[1:3] == (10, 18)


@pytest.mark.parametrize("page, day", [
    ("友城庆典\n北京时间2021年5月9日,当地时间5月8日,长沙市与圣保罗市在圣保罗举行友好城市结好30周年纪念大会。", 8),
    ("姉妹都市の式典\n日本時間2021年5月9日、現地時間5月8日に、長崎とサントスの姉妹都市記念式典がサントスで開かれた。", 8),
    ("Twin-city forum\nThe Perth-Kobe Sister City Forum opened in Perth on May 8, 2021 local time (May 9, "
     "Japan time).", 8),
])
def test_the_local_day_is_the_events_and_not_the_day_on_the_reporters_clock(page, day):
    summary = summarise(page)
    assert summary.date[2] == day


def test_a_city_inside_the_name_of_a_clock_is_no_side():
    summary = summarise("友城庆典\n北京时间2021年5月9日,当地时间5月8日,长沙市与圣保罗市在圣保罗举行友好城市结好30周年纪念大会。")
    assert "Beijing" not in summary.partners


@pytest.mark.parametrize("page", [
    "Twin towns sign\nThe mayors of Omaha and Bremen signed a twinning agreement in Omaha on Monday. Omaha already "
    "has sister cities in Lyon, Kyoto and Turin.",
    "Побратимы\nМэры Омахи и Бремена подписали соглашение о побратимстве в Омахе в понедельник. У Омахи уже есть "
    "побратимы: Лион, Киото и Турин.",
    "姉妹都市締結\nオマハ市とブレーメン市の市長が月曜日、オマハで姉妹都市協定に調印した。オマハ市はすでにリヨン、京都、"
    "トリノと姉妹都市提携を結んでいる。",
    "结为友城\n奥马哈市和不来梅市市长周一在奥马哈签署友好城市协议。奥马哈此前已与里昂、京都、都灵结为友好城市。",
    # the town's other ties named as such, with no "already"
    "Twin towns sign\nThe mayors of Omaha and Bremen signed a twinning agreement in Omaha on Monday. Other sister "
    "cities of Omaha are Lyon, Kyoto and Turin.",
    "Побратимы\nМэры Омахи и Бремена подписали соглашение о побратимстве в Омахе в понедельник. Побратимами Омахи "
    "также являются французский Лион, японский Киото и итальянский Турин.",
    "Побратимы\nМэры Омахи и Бремена подписали соглашение о побратимстве в Омахе в понедельник. Другие побратимы "
    "Омахи — Лион, Киото и Турин.",
    "姉妹都市締結\nオマハ市とブレーメン市の市長が月曜日、オマハで姉妹都市協定に調印した。オマハ市のその他の姉妹都市は"
    "リヨン、京都、トリノである。",
    "结为友城\n奥马哈市和不来梅市市长周一在奥马哈签署友好城市协议。奥马哈的其他友好城市包括里昂、京都和都灵。",
    # the ties a town has, long-standing or not
    "Twin towns sign\nThe mayors of Omaha and Bremen signed a twinning agreement in Omaha on Monday. Omaha has "
    "long-standing sister city ties with Lyon, Kyoto and Turin.",
    "Побратимы\nМэры Омахи и Бремена подписали соглашение о побратимстве в Омахе в понедельник. Омаха имеет давние "
    "побратимские связи с Лионом, Киото и Турином.",
])
def test_the_ties_a_town_already_has_are_no_sides_of_this_signing(page):
    summary = summarise(page)
    assert summary.partners == {"Bremen"}


@pytest.mark.parametrize("page", [
    "Twin towns meet\nThe 30-year twinning of Hastings and Rouen will be celebrated in the French town next "
    "month. A delegation from Hastings will attend.",
    "Побратимы\nФорум городов-побратимов Гастингса и Руана пройдёт 5 мая во французском городе. Мэр "
    "Гастингса выступит на форуме.",
    # a visit to the country: hosted by the one city of it the text names
    "Twinning visit\nA civic party from Hastings is back from a twinning visit to France, where it helped Rouen "
    "celebrate its town festival.",
    "Побратимы\nДелегация Гастингса вернулась из поездки во Францию. Делегация из Гастингса участвовала в празднике "
    "побратимов в Руане.",
])
def test_a_city_called_by_its_country_is_the_one_city_of_that_country_named(page):
    summary = summarise(page)
    assert summary.host == "Rouen"


@pytest.mark.parametrize("page", [
    "Мэры Казани и Бишкека подписали меморандум\n12 марта 2024 года церемония подписания прошла в мэрии в ходе "
    "визита мэра Казани в столицу Киргизии. Бишкек и Казань дружат давно.",
    "Mayors of Kazan and Bishkek sign memorandum\nOn 12 March 2024 the signing ceremony was held at the city hall "
    "during the Kazan mayor's visit to the capital of Kyrgyzstan. Bishkek and Kazan have long been friends.",
    "Mayors of Kazan and Bishkek sign memorandum\nOn 12 March 2024 the signing ceremony was held at the city hall "
    "during the Kazan mayor's trip to the Kyrgyz capital. Bishkek and Kazan have long been friends.",
])
def test_a_visit_to_a_countrys_capital_is_held_in_the_one_city_of_that_country_named(page):
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Bishkek", {"Kazan"})


@pytest.mark.parametrize("page", [
    "Trade fair ends\nThe Indus Trade Fair closed in Karachi on Sunday. Delegations of the Multan Chamber of Commerce "
    "and the Quetta Chamber of Commerce and Industry took part.",
    "見本市閉幕\nインダス見本市が日曜日、カラチで閉幕した。ムルタン商工会議所の代表団が参加した。",
])
def test_a_city_in_a_chambers_name_is_no_side(page):
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Karachi", set())


@pytest.mark.parametrize("page", [
    "Pact signed\nBoone County and Zhenjiang, a city in China northwest of Shanghai, entered into a memorandum of "
    "understanding on trade last week.",
    "Соглашение\nОкруг Бун и Чжэньцзян, город к северо-западу от Шанхая, заключили соглашение о торговле.",
])
def test_a_place_told_by_its_bearing_from_another_leaves_that_one_out(page):
    summary = summarise(page)
    assert summary.relevant
    assert "Shanghai" not in {summary.host} | summary.partners



def test_the_city_whose_festival_frames_the_event_hosts_it():
    summary = summarise("友城庆典\n7月8日,在圣保罗第五届国际友城日期间,长沙市举行友好城市结好30周年纪念大会。长沙市代表团出席。")
    assert summary.host == "São Paulo"


@pytest.mark.parametrize("page", [
    "Twin towns\nThe mayors of Hastings and Rouen unveiled a plaque to mark the 25th anniversary of the signing of "
    "the twinning agreement.",
    "Побратимы\nМэры Гастингса и Руана открыли памятную доску к 25-летию подписания соглашения о побратимстве.",
    "姉妹都市\nヘイスティングス市とルーアン市の市長が、姉妹都市協定締結25周年を記念する銘板を除幕した。",
    "友好城市\n黑斯廷斯市和鲁昂市市长为纪念友好城市协议签署25周年揭幕纪念牌。",
])
def test_the_signing_an_anniversary_celebrates_is_no_agreement_of_this_event(page):
    summary = summarise(page)
    assert summary.agreements is None
