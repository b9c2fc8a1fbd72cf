"""Parsing: article text without page furniture, title, language, stated publication date."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.parse.document import ParseError, parse_document
from orchestration.parse.furniture import split_article
from orchestration.parse.language import detect_language

RU_PAGE = """Последние новости
03.02.2026, 10:15 В Сочи прошел лыжный турнир
03.02.2026, 09:40 Курс валют на среду
02.02.2026, 20:10 Почему зима в этом году такая теплая и что говорят синоптики?
02.02.2026, 18:05 В Казани открылся музей
Форум городов-побратимов завершился в Ярославле
В мире
ЯРОСЛАВЛЬ, 4 февраля 2026 г. — Второй форум городов-побратимов прошел 2 февраля в Ярославле, участники подписали 12 соглашений о сотрудничестве.
Делегации из девяти стран обсудили проекты в области туризма и образования, а также обмена студентами.
КОНТАКТНАЯ ИНФОРМАЦИЯ: пресс-служба, тел.: +7-4852-000000
"""

HEADLINE_TAIL = """Видеоконференция по сотрудничеству в сфере образования прошла между Казанью и городами Китая, сообщили организаторы мероприятия.
Стороны договорились о новых программах обмена студентами и преподавателями на ближайшие три года.
- В Минске прошел турнир по шашкам
- Биржевые индексы выросли
- В Пекине открылась выставка фарфора
- Марафон в Шанхае собрал тысячи бегунов
"""

JA_PAGE = """日中経済協力フォーラムが大阪で開幕

2025-10-02 14:05:11 admin ソース: 分かち合う:

10月1日、日中経済協力フォーラムが大阪で開催され、両国の企業が協力について議論した。

会場では、8件の協力協定が締結された。

Powered by SomeCMS 3.1 ©2010-2025  example.jp
"""

ZH_PAGE = """国际频道 >  要闻 > 正文
第三届中外城市合作论坛在成都开幕
2024-05-21 09:30 来源:示例网 责任编辑:李明
新华社成都5月20日电 20日,第三届中外城市合作论坛在成都开幕,来自20个国家的代表参加论坛。
论坛期间,各方签署了合作协议。(完) 【编辑:张三】 新闻结尾
相关新闻
上海举行灯光节
广州天气转晴
"""

EN_PAGE = """NEWS WORLD BUSINESS
World / Asia

Trade fair closes with record deals

Updated: 2023-06-11 08:00

Trade fair closes with record deals

The third regional trade fair closed in Almaty on Saturday, with agreements worth 2 billion dollars signed.
Organisers said more than 300 companies took part in the three-day event, a record for the fair.
Copyright 2023 Example News. All rights reserved.
"""


def _kinds(article):
    return {line.text.strip(): line.kind for line in article.lines if line.text.strip()}


def test_latest_news_block_and_contact_footer_are_furniture():
    article = split_article(RU_PAGE)
    assert article.title == "Форум городов-побратимов завершился в Ярославле"
    assert "Сочи" not in article.text and "Курс валют" not in article.text and "В мире" not in article.text
    assert "тел." not in article.text
    assert article.text.startswith("ЯРОСЛАВЛЬ, 4 февраля 2026 г.")
    assert _kinds(article)["03.02.2026, 09:40 Курс валют на среду"] == "listing"


def test_trailing_headline_list_is_dropped_but_the_article_kept():
    article = split_article(HEADLINE_TAIL)
    assert "Минске" not in article.text and "Марафон" not in article.text
    assert article.text.count("\n") == 1 and article.title is None


def test_cms_footer_metadata_and_image_crumbs_are_not_text():
    article = split_article(JA_PAGE)
    assert article.title == "日中経済協力フォーラムが大阪で開幕"
    assert "Powered" not in article.text and "admin" not in article.text
    assert article.metadata_lines == ("2025-10-02 14:05:11 admin ソース: 分かち合う:",)


def test_breadcrumbs_end_markers_and_related_links():
    article = split_article(ZH_PAGE)
    assert article.title == "第三届中外城市合作论坛在成都开幕"
    assert article.text.endswith("论坛期间,各方签署了合作协议。")
    assert "上海" not in article.text and "要闻" not in article.text


def test_navigation_repeated_headline_and_copyright():
    article = split_article(EN_PAGE)
    assert article.title == "Trade fair closes with record deals"
    assert "Copyright" not in article.text and "NEWS WORLD" not in article.text
    assert article.text.count("Trade fair closes") == 0
    assert article.text.startswith("The third regional trade fair")


@pytest.mark.parametrize("text, language", [
    (RU_PAGE, "ru"), (JA_PAGE, "ja"), (ZH_PAGE, "zh"), (EN_PAGE, "en"),
    ("中国・寧夏で博覧会が開かれた。", "ja"), ("宁夏举办博览会。", "zh"),
])
def test_language_from_script(text, language):
    assert detect_language(text) == language


def test_parse_document_states_publication_date_from_the_page_not_the_clock():
    parsed = parse_document(JA_PAGE.encode("utf-8"), content_type="text/plain")
    assert parsed.published_date == date(2025, 10, 2) and parsed.published_date_source == "page_metadata"
    assert parsed.language == "ja" and parsed.text.startswith(parsed.title + "\n")
    undated = parse_document(HEADLINE_TAIL.encode("utf-8"), content_type="text/plain")
    assert undated.published_date is None


def test_dateline_gives_the_publication_date_when_the_page_has_no_timestamp():
    parsed = parse_document(RU_PAGE.encode("utf-8"), content_type="text/plain")
    assert parsed.published_date == date(2026, 2, 4) and parsed.published_date_source == "dateline"


def test_html_pages_lose_their_chrome_and_keep_their_metadata_date():
    html = """<html><head><title>Site | Expo</title><meta property="og:title" content="Expo opens in Harbin">
    <meta property="article:published_time" content="2024-06-15T08:00:00+08:00"></head>
    <body><nav><a>Home</a><a>World</a></nav><header>Top stories</header>
    <article><h1>Expo opens in Harbin</h1><p>The eighth expo opened in Harbin on Saturday with 200 agreements signed by companies from 30 countries.</p>
    <p>Organisers expect more than 100,000 visitors during the week of the exhibition.</p></article>
    <aside class="related"><ul><li>Weather turns cold</li></ul></aside><footer>© 2024 Example</footer></body></html>"""
    parsed = parse_document(html.encode("utf-8"), content_type="text/html; charset=utf-8")
    assert parsed.title == "Expo opens in Harbin"
    assert parsed.published_date == date(2024, 6, 15)
    assert "Home" not in parsed.text and "Weather" not in parsed.text and "©" not in parsed.text
    assert "200 agreements" in parsed.text


def test_legacy_charset_files_decode():
    text = "Форум открылся в Харбине, подписано 12 соглашений о сотрудничестве между городами двух стран."
    parsed = parse_document(text.encode("windows-1251"), content_type="text/plain")
    assert "Харбине" in parsed.text


def test_a_document_without_article_text_is_a_parse_error():
    with pytest.raises(ParseError):
        parse_document("- a\n- b\n- c\n".encode(), content_type="text/plain")


def test_a_byline_with_a_labelled_date_is_metadata():
    page = ("Expo closes with deals\nBy A. Writer | Example Daily | Updated: 2023-04-15 09:00\n"
            "The expo closed in Ningbo on Friday with agreements signed by companies from ten countries.\n")
    parsed = parse_document(page.encode(), content_type="text/plain")
    assert parsed.published_date == date(2023, 4, 15) and "Writer" not in parsed.text


def test_a_standfirst_under_the_headline_is_article_text_and_a_short_label_is_not():
    from orchestration.parse.furniture import split_article

    page = "\n".join([
        "Fair opens in Qingdao",
        "Maritime fair opens in Qingdao on Monday with exhibitors from nine countries",
        "Photo gallery",
        "Organisers said more than 300 firms had registered for the three-day event, which features a forum on "
        "port logistics and a matchmaking session for small and medium-sized companies from both regions.",
    ])
    article = split_article(page)
    assert "opens in Qingdao on Monday" in article.text
    assert "Photo gallery" not in article.text


def test_a_second_headline_right_under_the_first_is_its_subtitle():
    from orchestration.parse.furniture import split_article

    page = "\n".join([
        "日中友好交流事業",
        "",
        "日中学生フォーラム2019 in 大連",
        "",
        "8月5日から3日間、大連外国語大学で日中学生フォーラムを開催し、両国の学生40名が参加して議論を交わしました。",
    ])
    assert "フォーラム2019 in 大連" in split_article(page).text


@pytest.mark.parametrize("stamp", ["7 March 2024, 09:40", "Thursday, 7 March 2024", "7 марта 2024 Комментариев нет"])
def test_a_timestamp_under_the_headline_is_no_subtitle(stamp):
    from orchestration.parse.furniture import split_article

    page = "\n".join(["Twin towns sign a memorandum", "", stamp, "",
                      "The mayors of two towns signed a memorandum on tourism and school exchanges at the town hall."])
    assert stamp not in split_article(page).text


def test_pinyin_glosses_inside_chinese_words_are_removed():
    from orchestration.parse.document import parse_document

    raw = "两市签署协议\n两市签署经(jīng)济合作协议，贸(mào)易额达到三亿元，双方代表(Daibiao)出席。".encode()
    text = parse_document(raw, content_type="text/plain").text
    assert "经济合作" in text and "贸易额" in text
    assert "(Daibiao)" in text  # plain Latin in brackets is no gloss


@pytest.mark.parametrize("tags, headline", [
    ("热门:  手机  天气预报  台风  股市行情  高考  足球", "苏州与德国一城市签署友好交流协议"),
    ("Home  World  Business  Markets  Sport  Culture", "Port city hosts trade talks with Baltic partners"),
    ("Главная | Новости | Экономика | Спорт | Культура", "В Казани открылся форум городов-побратимов"),
])
def test_a_row_of_tags_above_the_article_is_navigation_not_its_title(tags, headline):
    from orchestration.parse.furniture import split_article

    body = ("Delegations from four towns met at the city hall on Tuesday and signed two cooperation agreements "
            "on schools and river transport, the mayor's office said in a statement.")
    article = split_article("\n".join([tags, headline, body]))
    assert article.title == headline
    assert not any(word in article.text for word in tags.split()[1:3])


def test_a_paragraph_opening_with_a_dash_is_article_text_not_a_list_item():
    # a quoted speaker's words open the article: several sentences of prose, not a menu entry
    page = ("- Этот фестиваль проходит в нашем городе уже пятый год, - рассказал директор. Приехали гости из трёх "
            "соседних областей. Праздник продлится до воскресенья, а вечером на площади начнётся концерт. Всего в "
            "программе двадцать выступлений, организаторы ждут несколько тысяч зрителей.")
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert parsed.text.startswith("- Этот фестиваль") and "концерт" in parsed.text



@pytest.mark.parametrize("page", [
    "Анна Смирнова, глава торговой палаты:\n– Обороты наших экспортёров растут третий год подряд, и ярмарка в мае "
    "это подтвердит, сказала она журналистам.\n",
    "Anna Smith, head of the chamber of trade:\n- Our exporters have grown for a third year running, and the May fair "
    "in the old harbour will show it again, she told reporters.\n",
])
def test_a_speakers_words_under_the_line_naming_them_are_the_article(page):
    # one line names the speaker, one dash-led line holds all they said: no list, but the whole article
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert parsed.title == page.split("\n")[0]
    assert parsed.text.splitlines()[-1].lstrip("–- ").startswith(("Обороты", "Our exporters"))


def test_a_menu_of_dash_items_is_still_no_article():
    with pytest.raises(ParseError):
        parse_document("Меню\n- Главная\n- Новости\n- Контакты\n".encode("utf-8"), content_type="text/plain")


TEASER_LIST_PAGE = """12.03.2026 18:20
Морозы вернутся в регион к выходным  Синоптики обещают до минус двадцати
12.03.2026 17:55
В Кирове открыли новый каток
11.03.2026 09:10
Бюджет города утвердили в третьем чтении  Депутаты одобрили поправки
erid:4Fabc123
03.06.2019 10:15

Делегация Гродно прибыла в Кострому

Сегодня делегация города-побратима Гродно прибыла в Кострому на празднование Дня города.
Стороны подписали план совместных мероприятий на два года.
"""


def test_a_list_of_teasers_each_under_its_own_timestamp_is_furniture_and_the_last_stamp_the_date():
    article = split_article(TEASER_LIST_PAGE)
    assert article.title == "Делегация Гродно прибыла в Кострому"
    assert article.text.startswith("Сегодня делегация") and "Кирове" not in article.text
    assert article.metadata_lines == ("03.06.2019 10:15",)
    assert _kinds(article)["12.03.2026 17:55"] == "listing"


@pytest.mark.parametrize("page, published, title", [
    ("Вторник, 3 Марта 2026\n\nДелегация Гродно посетила Кострому\n\n12.06.2019 Автор: Ирина Соколова\n\n"
     "Делегация города-побратима Гродно прибыла в Кострому на празднование Дня города.\n",
     date(2019, 6, 12), "Делегация Гродно посетила Кострому"),
    ("Tuesday, March 3, 2026\n\nGrodno delegation visits Kostroma\n\n12.06.2019 By Irene Sokolova\n\n"
     "A delegation from the twin town of Grodno arrived in Kostroma for its City Day celebrations.\n",
     date(2019, 6, 12), "Grodno delegation visits Kostroma"),
])
def test_a_clock_in_words_is_no_title_and_a_dated_byline_below_it_dates_the_article(page, published, title):
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert (parsed.published_date, parsed.title) == (published, title)


PHOTO_CREDIT_INSIDE = """Mayors sign a road map
© Photo Agency / Jane Doe
The city hall square at dusk
KAZAN, 2 May — The mayors of Kazan and Bursa signed a road map of cooperation for the next five years on Friday in the city hall.
The delegation from Bursa also visited two industrial parks and a university, where the sides agreed to exchange students.
"""

COPYRIGHT_FOOTER = """Mayors sign a road map
KAZAN, 2 May — The mayors of Kazan and Bursa signed a road map of cooperation for the next five years on Friday in the city hall.
© Kazan News Agency, all rights reserved
Read more: city budget hearings open
"""


def test_a_photo_credit_inside_the_article_does_not_end_it():
    article = split_article(PHOTO_CREDIT_INSIDE)
    assert "agreed to exchange students" in article.text
    assert "Photo Agency" not in article.text


def test_a_copyright_line_that_no_prose_follows_still_opens_the_footer():
    article = split_article(COPYRIGHT_FOOTER)
    assert "signed a road map" in article.text
    assert "Kazan News Agency" not in article.text and "budget hearings" not in article.text


SOURCE_UNDER_THE_LEAD = """Три города Казахстана и Монголии подписали меморандумы
Документы подписаны на деловом форуме в Улан-Баторе.
Источник: Степное агентство

УЛАН-БАТОР, 4 июн — Степное агентство. Мэры Павлодара, Семея и Эрдэнэта подписали меморандумы о сотрудничестве в сфере образования, торговли и туризма, сообщает пресс-служба форума.
По словам организаторов, в следующем году форум пройдёт в Павлодаре, и стороны рассчитывают удвоить число совместных проектов.
"""

SOURCE_AT_THE_FOOT = """Three towns sign memoranda at a steppe forum
ULAANBAATAR, 4 June — The mayors of Pavlodar, Semey and Erdenet signed memoranda of cooperation in education, trade and tourism at a business forum, the forum's press office said.
The organisers said the forum would meet in Pavlodar next year, and the sides hoped to double their joint projects.
Источник: Steppe Agency
Weather: rain in the capital
"""


def test_a_source_line_under_the_lead_credits_it_and_the_article_goes_on():
    article = split_article(SOURCE_UNDER_THE_LEAD)
    assert "Мэры Павлодара" in article.text and "удвоить число" in article.text
    assert "Источник" not in article.text


def test_a_source_line_after_the_article_still_closes_it():
    article = split_article(SOURCE_AT_THE_FOOT)
    assert "double their joint projects" in article.text
    assert "Steppe Agency" not in article.text and "rain in the capital" not in article.text


AGENDA_LIST = """Делегация Тулы посетила Гомель
Делегация Тулы во главе с главой администрации города провела в Гомеле два дня. Программа визита включала:
– участие в открытии выставки промышленных товаров двух городов;
– подписание соглашения о побратимских связях между Тулой и Гомелем;
– посещение машиностроительного завода и городского музея.
"""

COMMENT_RULES_BELOW_TAGS = """Port conclave opens on Thursday
The two-day conclave of port operators opens in Kochi on Thursday, with delegations from four coastal states and two neighbouring countries expected.
Published on May 3, 2024
ports
  1. Comments will be moderated by our editorial team before they are published.
  2. Comments that are abusive or irrelevant to the article cannot be published here.
  3. Please write complete sentences and do not type comments in capital letters.
"""


def test_an_enumeration_the_article_leads_into_is_article_text():
    article = split_article(AGENDA_LIST)
    assert "подписание соглашения о побратимских связях между Тулой и Гомелем" in article.text
    assert "городского музея" in article.text


def test_numbered_rules_below_the_pages_tags_are_not_article_text():
    article = split_article(COMMENT_RULES_BELOW_TAGS)
    assert "delegations from four coastal states" in article.text
    assert "Comments" not in article.text
