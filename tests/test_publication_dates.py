"""Publication dates belong to parsing: the date a page states for itself, in all four languages, and never an
event date, a headline list's stamp or a counter. Pages written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.parse.document import parse_document
from orchestration.parse.published import closing_byline_date, split_date_line

BODY = {
    "en": "The regional trade fair closed in Harbin on Friday with agreements signed by companies from ten countries, "
          "organisers said. More than 2,000 exhibitors took part in the fair this year.",
    "ru": "В Харбине в пятницу завершилась региональная торговая ярмарка, компании из десяти стран подписали "
          "соглашения о сотрудничестве. В ярмарке приняли участие более двух тысяч экспонентов.",
    "zh": "地区贸易博览会周五在哈尔滨闭幕,来自十个国家的企业签署了合作协议。本届博览会共有两千多家企业参展。",
    "ja": "地域貿易博覧会が金曜日にハルビン市で閉幕し、10カ国の企業が協力協定に調印した。今年の博覧会には2000社以上が出展した。",
}


def published(page: str) -> tuple[date | None, str | None]:
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    return parsed.published_date, parsed.published_date_source


@pytest.mark.parametrize("lang, page", [
    ("en", "Fair closes in Harbin\n09:12, June 28, 2024\n{body}"),
    ("en", "Fair closes in Harbin\nSource: Agency | 2024-06-28 10:15:30 | Editor: Wang\n{body}"),
    ("en", "Fair closes in Harbin\nFriday, June 28, 2024\n{body}"),
    ("en", "Fair closes in Harbin\nPublished on 28 June 2024\n{body}"),
    ("en", "Fair closes in Harbin\nUpdate: Jun 28, 2024\n{body}"),
    ("en", "Fair closes in Harbin\n  10:15 UTC+8, 2024-06-28     3\n{body}"),
    ("ru", "Ярмарка закрылась\n10:15 GMT+3, 28.06.2024\n{body}"),
    ("ru", "Ярмарка закрылась\n10:15 28.06.2024\n{body}"),
    ("ru", "Ярмарка закрылась\n10:1528.06.2024\n{body}"),  # the time of day run into the date
    ("ru", "Ярмарка закрылась\n28 июня 2024, 10:15\n{body}"),
    ("ru", "Ярмарка закрылась\nПятница, 28 июня 2024\n{body}"),
    ("ru", "Ярмарка закрылась\n28 июня 2024 г., 10:15 | Источник: агентство\n{body}"),
    ("zh", "博览会闭幕\n2024年06月28日 10:15 来源:某网\n{body}"),
    ("zh", "博览会闭幕\n2024年6月28日 星期五\n{body}"),
    ("zh", "博览会闭幕\n2024年6月28日 10时15分\n{body}"),
    ("ja", "博覧会が閉幕\n2024年6月28日 10時15分\n{body}"),
    ("ja", "博覧会が閉幕\n2024/06/28 10:15\n{body}"),
    ("ja", "博覧会が閉幕\n発表日:2024.06.28\n{body}"),
    ("ja", "博覧会が閉幕\n    • [初版公開日:2024年06月28日]\n    • [更新日:2024年07月03日]\n{body}"),
    ("ja", "博覧会が閉幕\n2024年6月28日(金) 10:15\n{body}"),
    ("ja", "博覧会が閉幕\n公開日:2024年6月28日\n{body}"),
    # a site template's English timestamp over an article in another language
    ("ru", "June 28, 2024, 10:15 AM\n\nЯрмарка закрылась\n{body}"),
    ("zh", "博览会闭幕\nJun 28, 2024 10:15\n{body}"),
    ("ja", "博覧会が閉幕\n更新時間: Jun 28 2024 10:15\n{body}"),
])
def test_a_timestamp_line_around_the_title(lang, page):
    assert published(page.format(body=BODY[lang])) == (date(2024, 6, 28), "page_metadata")


@pytest.mark.parametrize("lang, byline", [
    ("en", "(Agency) 2024-06-28"),
    ("ru", "Агентство «Восток», 28 июня 2024"),
    ("zh", "(来源:某某日报)2024年6月28日"),
    ("ja", "「某某新聞」2024年6月28日"),
    ("ja", "「某某新聞」2024年6月28日 |"),
    ("ja", "=2024/06/28付 某某新聞朝刊="),  # the print issue the article ran in
    ("ja", "（2024年6月28日付け 夕刊）"),
    ("zh", "《某某日报》（2024年06月28日 第07版）"),  # the paper's citation: its date and page
])
def test_an_attribution_line_that_closes_the_article(lang, byline):
    body = BODY[lang]
    page = f"{body}\n{body}\n{body}\n{byline}\nAnother headline of the site\nOne more headline\n"
    assert published(page) == (date(2024, 6, 28), "page_metadata")


def test_an_attribution_right_after_a_short_article_with_a_source_label():
    page = ("博览会开幕\n本报哈尔滨6月27日电(记者 王某)第八届中俄博览会27日在哈尔滨开幕,两国企业签署合作协议30项。\n"
            "(来源:某某日报)2024年6月28日\n")
    assert published(page) == (date(2024, 6, 28), "page_metadata")


def test_a_long_paper_citation_closing_the_article_dates_it():
    # long enough to read as a line of prose, it is the last line of the text
    page = f"{BODY['zh']}\n{BODY['zh']}\n《某某省经济贸易合作促进会会刊》 (2024-06-28 第7版 经贸要闻)\n"
    assert published(page) == (date(2024, 6, 28), "page_metadata")


@pytest.mark.parametrize("line", [
    "The expo closed on 28 June 2024 in Harbin.",  # a sentence
    "Delegations from ten countries arrived in Harbin for the opening of the fair 2024-06-28",  # too long
    "2024-06-28 Harbin and Kazan sign a sister-city agreement",  # a dated headline
])
def test_a_sentence_or_a_headline_is_no_attribution(line):
    assert closing_byline_date(line, "en") is None


def test_a_sentence_about_a_dated_decision_is_no_issue_date():
    assert closing_byline_date("2024年6月28日付で市が決めた計画は、来年に始まる。", "ja") is None


def test_a_leading_date_line_gives_the_date_and_keeps_the_rest_of_its_line():
    day, rest = split_date_line(" date 2024-06-28 Fair closes in Harbin\n\nText.")
    assert day == date(2024, 6, 28) and rest.startswith("Fair closes in Harbin\n")
    page = f" date 2024-06-28 {BODY['ru']}\n\n{BODY['ru']}"
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert parsed.published_date == date(2024, 6, 28) and parsed.text.startswith("В Харбине")
    assert split_date_line("Updated 2024-06-28\nText.") == (None, "Updated 2024-06-28\nText.")


@pytest.mark.parametrize("page, expected", [
    ("Ярмарка закрылась\nХАРБИН, 28.06.2024 /Агентство/. {ru}", date(2024, 6, 28)),
    ("Fair closes\nHARBIN, June 28, 2024 (Agency) -- {en}", date(2024, 6, 28)),
    ("Fair closes\nHarbin, June 28, AGENCY\n{en}", None),  # a dateline without a year dates no page
])
def test_a_dateline_with_a_full_date(page, expected):
    assert published(page.format(ru=BODY["ru"], en=BODY["en"]))[0] == expected


@pytest.mark.parametrize("page", [
    "On March 3, 2024 the two cities signed a sister-city agreement in Kazan, officials said.\n{en}",
    "Последние новости\n14.05.2025, 10:20 В Перми открылся фестиваль\n13.05.2025, 18:05 В Сочи прошел турнир\n"
    "Ярмарка закрылась\n{ru}",
    "博览会闭幕\n浏览次数:2024\n{zh}",
    "博覧会が閉幕\n{ja}\n博覧会は2024年6月28日に閉幕した。\n",
])
def test_event_dates_headline_lists_and_counters_are_no_publication_date(page):
    assert published(page.format(**BODY))[0] is None


def test_a_timestamp_below_the_sites_date_of_today_is_the_articles():
    # the header's date of today comes first; the article's own stamp, with its time, a few lines down
    page = "2024年7月2日(火)\n\n博覧会が閉幕\n国際\n2024/6/28 21:00\n" + BODY["ja"]
    assert published(page)[0] == date(2024, 6, 28)
    # a stamp of a later day is no earlier article date: the first line stands
    page = "2024年6月28日(金)\n\n博覧会が閉幕\n2024/7/2 09:00 更新\n" + BODY["ja"]
    assert published(page)[0] == date(2024, 6, 28)


def test_a_labelled_date_in_a_list_of_page_metadata_is_the_pages():
    page = ("博覧会が閉幕\n    • [カテゴリ:国際交流]\n    • [初版公開日:2024年06月28日]\n    • [更新日:2024年07月03日]\n"
            "    • [担当:国際課]\n" + BODY["ja"])
    assert published(page)[0] == date(2024, 6, 28)
    # a list of timestamped headlines names no date of this page
    page = ("博覧会が閉幕\n    • 2024/07/01 10:00 別の記事の見出し\n    • 2024/07/02 11:00 また別の記事\n"
            "    • 2024/07/03 12:00 三つ目の記事\n" + BODY["ja"])
    assert published(page)[0] is None


@pytest.mark.parametrize("lang, page", [
    # the label closes a line that starts with page furniture; the time stands between the label and the date
    ("ja", "博覧会が閉幕\n本文へ移動する 印刷する 掲載日:2024年6月28日更新\n{body}"),
    ("en", "Fair closes in Harbin\nPrint this page  Updated: 10:15 Jun 28 2024\n{body}"),
    # an outlet's name before the date in a byline bar
    ("en", "by\nRegional Trade Bulletin | Jun 28, 2024\nFair closes in Harbin\n{body}"),
    # a section's name behind a bar after the stamp
    ("ru", "10:15, 28 Июня 2024 | Экономика и бизнес региона\nЯрмарка закрылась\n{body}"),
    # a view counter after the stamp
    ("ja", "博覧会が閉幕\n2024-06-28 1234 ヒット\n{body}"),
    # an outlet after the stamp, then the page's count of views with no word for it
    ("zh", "博览会闭幕\n   2024-06-28 某某日报1234\n{body}"),
    # a Russian site template with the English order of month and day
    ("ru", "Ярмарка закрылась\nИюнь 28, 2024 10:15 Europe/Moscow\n{body}"),
])
def test_a_stamp_among_page_furniture(lang, page):
    assert published(page.format(body=BODY[lang])) == (date(2024, 6, 28), "page_metadata")


def test_a_labelled_stamp_below_a_breadcrumb_trail_the_layout_took_for_text():
    page = ("ホーム > 市政情報 > 国際交流 > 姉妹都市の交流\nホーム > 分類で探す > 国際交流 > 姉妹都市の交流\n\n"
            "姉妹都市の交流\n\n印刷用ページ 掲載日:2024年6月28日更新\n\n" + BODY["ja"])
    assert published(page)[0] == date(2024, 6, 28)


def test_an_attribution_run_on_to_the_last_paragraph():
    page = f"博覧会が閉幕\n\n{BODY['ja']}\n\n{BODY['ja']} 「某某網日本語版」2024年6月28日 |\n"
    assert published(page)[0] == date(2024, 6, 28)
    # a sentence left without its full stop is no attribution
    assert published(f"博览会闭幕\n\n{BODY['zh']}\n\n{BODY['zh']}下届博览会将于2025年6月28日举行\n")[0] is None


def test_a_writers_signature_run_on_to_the_last_paragraph():
    page = f"Fair closes in Harbin\n\n{BODY['en']}\n\n{BODY['en']} Anna Kowalski 28 June 2024\n\nFair closes in Harbin\n"
    assert published(page)[0] == date(2024, 6, 28)
    # a sentence that ends on a date is no signature
    assert published(f"Fair closes\n\n{BODY['en']}\n\n{BODY['en']} The next fair opens on 28 June 2025\n")[0] is None


@pytest.mark.parametrize("lang, page", [
    # a dateline without a place: the date first, then the agency
    ("en", "Jun 28/2024 /Agency/ {body}"),
    ("en", "June 28, 2024 (Agency) -- {body}"),
    # a press release's bracketed dateline: place, country, full date, the wire and its distributor
    ("ja", "博覧会が閉幕\n【哈爾浜(中国)2024年6月28日Example Wire=某某通信】\n{body}"),
    # a yearless dateline whose day a photo caption above writes in full
    ("en", "The mayors at the closing of the fair in Harbin, June 28, 2024. (Agency/Photo by A. Lee)\n"
           "HARBIN, June 28 (Agency) -- {body}"),
    ("zh", "某某社哈尔滨6月28日电 据某台消息,2024年6月28日上午,{body}"),
])
def test_a_dateline_that_gives_its_year_another_way(lang, page):
    assert published(page.format(body=BODY[lang]))[0] == date(2024, 6, 28)


def test_a_yearless_dateline_takes_no_year_from_another_day():
    page = "HARBIN, June 28 (Agency) -- The fair, first held on June 20, 2019, closed on Friday. " + BODY["en"]
    assert published(page)[0] is None


def test_a_stamp_run_on_to_the_first_paragraph_keeps_the_paragraph_and_dates_the_page():
    page = ("Fair closes in Harbin\n\n2024-06-28 10:15 " + BODY["en"] + " " + BODY["en"] + " Organisers thanked the "
            "delegations and named the host of the next fair.\n")
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert parsed.published_date == date(2024, 6, 28)
    assert "The regional trade fair closed in Harbin" in parsed.text


@pytest.mark.parametrize("lang, page", [
    ("en", "Fair closes in Harbin\n{body}\n\nhttps://news.example.com/2024/06/28/fair-closes.html\n"),
    ("ru", "Ярмарка закрылась\n{body}\nИсточник: https://example.ru/20240628/yarmarka-123.html"),
    ("zh", "博览会闭幕\n{body}\n本文网址: http://www.example.cn/news/2024-06-28/456.html"),
    ("ja", "博覧会が閉幕\n{body}\n\nhttp://japanese.example.jp/headline/2024/06/28/0200000000AJP.HTML"),
])
def test_the_day_in_the_pages_own_address_printed_at_its_foot_dates_a_page_that_states_none(lang, page):
    assert published(page.format(body=BODY[lang])) == (date(2024, 6, 28), "printed_address")


@pytest.mark.parametrize("page", [
    # an address inside the article may be another page's; an address with no full day in it dates nothing
    "Fair closes in Harbin\nSee https://news.example.com/2024/06/28/fair.html for the programme.\n{body}",
    "Fair closes in Harbin\n{body}\nhttps://news.example.com/2024/06/fair-closes.html",
    "Fair closes in Harbin\n{body}\nhttps://news.example.com/2024/13/45/fair-closes.html",
])
def test_an_address_in_the_text_or_without_a_day_dates_no_page(page):
    assert published(page.format(body=BODY["en"])) == (None, None)


@pytest.mark.parametrize("lang, stamp", [
    ("en", "2025-07-29 17:17"),
    ("ru", "29.07.2025 - 17:17"),
    ("zh", "2025年07月29日 17:17"),
    ("ja", "2025/07/29 17:17"),
])
def test_a_bare_stamp_over_a_headline_below_the_copyright_line_is_the_sites_news_list(lang, stamp):
    copyright_line = {"en": "© 2025 Example Region News. All rights reserved.",
                      "ru": "При использовании материалов ссылка на сайт обязательна",
                      "zh": "版权所有 某某新闻网 未经授权禁止转载",
                      "ja": "Copyright © 某某新聞社 All rights reserved."}[lang]
    headline = {"en": "Farmers in the region bring in the rapeseed harvest",
                "ru": "Аграрии области убирают урожай рапса",
                "zh": "本地农民抢收油菜籽",
                "ja": "地元の農家が菜種の収穫に追われる"}[lang]
    page = f"{BODY[lang]}\n{BODY[lang]}\n{copyright_line}\n{stamp}\n{headline}\n"
    assert published(page) == (None, None)
