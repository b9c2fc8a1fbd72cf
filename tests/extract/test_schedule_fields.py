"""A notice gives its event's day in a field of its own ("日時", "Dates:", «Даты проведения:», "举办时间："): that day
is the event's, whatever date heads the notice itself (the day it was issued)."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, day", [
    # the label on a line of its own, the day on the next
    ("7月8日お知らせ:姉妹都市の市長が対談を行います\n両市の市長による対談をオンライン会議で行います。\n"
     "日時\n令和3年7月15日(木曜日) 午前10時~11時\n場所\n市役所", (2021, 7, 15, 2021, 7, 15)),
    # the field's day stands, though a note below it gives the day on the partner's clock
    ("9月20日発表:両市長がオンラインで意見交換します\n友好都市の市長同士がオンライン会議で意見を交わします。\n"
     "日時\n令和4年10月3日(月曜日) 午後2時~3時\n※現地時間:2日(日曜日) 午後10時~11時\n参加者\n両市長",
     (2022, 10, 3, 2022, 10, 3)),
    # the label and a colon before the day
    ("7月8日お知らせ:姉妹都市の市長が対談を行います\n両市の市長による対談をオンライン会議で行います。\n"
     "日時:令和3年7月15日(木曜日) 午前10時~11時", (2021, 7, 15, 2021, 7, 15)),
    ("May 3: Sister city forum announced\nThe two cities will hold a joint forum on trade in Tacoma.\n"
     "Dates: June 12-14, 2023\nVenue: City Hall", (2023, 6, 12, 2023, 6, 14)),
    ("3 мая. В Казани пройдет российско-китайский форум\nФорум объединит представителей регионов двух стран.\n"
     "Даты проведения: 12–14 июня 2023 года\nМесто: Казань", (2023, 6, 12, 2023, 6, 14)),
    ("5月3日发布：中俄青年论坛将在哈尔滨举行\n论坛由两国青年组织共同主办。\n举办时间：2023年6月12日至14日\n"
     "地点：哈尔滨国际会展中心", (2023, 6, 12, 2023, 6, 14)),
])
def test_the_day_in_a_schedule_field_is_the_events(page, day):
    assert summarise(page).date[:6] == day


def test_a_label_inside_running_text_is_no_field():
    # "dates" in a sentence labels nothing: the event's own sentence still dates it
    page = ("Forum in Tacoma\nThe dates were agreed on 2 March 2023. The joint forum on trade opened in Tacoma "
            "on 12 June 2023.")
    assert summarise(page).date[:3] == (2023, 6, 12)


def test_the_fields_day_stands_on_a_page_updated_years_later():
    # a city's page keeps its notice and is updated later: the field's day is still the event's
    page = ("両市長がオンラインで意見交換します\n友好都市の市長同士がオンライン会議で意見を交わします。\n"
            "日時\n令和3年11月9日(火曜日) 午後2時~3時\n参加者\n両市長\n"
            "このページに関するお問い合わせ\n国際交流課\n更新日:2024年5月20日")
    assert summarise(page).date[:6] == (2021, 11, 9, 2021, 11, 9)


@pytest.mark.parametrize("page, day", [
    ("Kazakh-Uzbek Business Forum \"New Horizons\"\n\n14.05.2022\nForum\nBilateral\n10.05.2022 - 12.05.2022\n"
     "Shymkent, Kazakhstan\n\nThe forum brings together entrepreneurs of the two countries every year. "
     "Participants from Kazakhstan and Uzbekistan discussed joint projects in agriculture and logistics.\n",
     (2022, 5, 10, 2022, 5, 12)),
    ("日中若手研究者フォーラム\n\n2022.05.14\n2022年5月10日～2022年5月12日\n福岡市\n\n"
     "両国の若手研究者が毎年集まるフォーラムで、中国の大学からも研究者が参加し、共同研究について話し合った。\n",
     (2022, 5, 10, 2022, 5, 12)),
])
def test_an_event_pages_span_on_a_line_of_its_own_dates_the_event(page, day):
    # two full dates joined on a header line are the event's span, not the page's timestamp (which is one day)
    assert summarise(page).date[:6] == day


@pytest.mark.parametrize("page, day, host", [
    # a notice's fields set out as a table: the cell rule stands for the colon
    ("都市間交流事業\n日韓自治体交流会議\n平成22年(2010年)5月に両市の呼びかけにより、初めて開催されました。\n"
     "会議では、観光と環境について議論を行いました。\n"
     "開催時期 | 平成22年(2010年)5月17日(月)、5月18日(火)の2日間 |\n---|---|\n開催地 | 韓国 光州広域市 |\n",
     (2010, 5, 17, 2010, 5, 18), "Gwangju"),
    ("Seminar notice\nThe third Baltic trade seminar brings together exporters from Riga and Tallinn to sign supply "
     "agreements.\nDates | 12-13 May 2024 |\n---|---|\nVenue | Tartu |\n", (2024, 5, 12, 2024, 5, 13), "Tartu"),
    ("城市交流\n中日地方交流研讨会\n研讨会围绕旅游和环保展开讨论,双方签署了合作备忘录。\n"
     "举办时间 | 2019年10月12日 |\n---|---|\n举办地点 | 日本 富山市 |\n", (2019, 10, 12, 2019, 10, 12), "Toyama"),
])
def test_a_notices_table_of_fields_gives_the_events_day_and_place(page, day, host):
    summary = summarise(page)
    assert (summary.date[:6], summary.host) == (day, host)
