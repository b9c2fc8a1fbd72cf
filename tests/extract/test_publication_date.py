"""The date a page states for itself, as opposed to event dates, headline-list dates and page footers."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import (
    PartialDate,
    find_dates,
    find_publication_date,
    find_publication_date_html,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a timestamp line with a byline or a source after it
        ("Форум в Казани\n\n2023-03-02  Перепечатка из: ИА «Татар-информ»\n\nТекст новости.", (2023, 3, 2)),
        ("交流会が開催\n\n2023-05-06 10:02:11 admin ソース: シェア:\n\n本文。", (2023, 5, 6)),
        ("发布时间:2023-03-02 08:15:40 来源: 某某网\n中新网西宁3月1日电 论坛开幕。", (2023, 3, 2)),
        ("要闻 > 正文\n\n论坛落幕\n\n2021-08-16 09:20 王五 赵六 来源:新华网 责任编辑:钱七\n\n正文。", (2021, 8, 16)),
        ("Fair closes\n\nUpdated: 2021-05-03 09:12\n\nThe fair closed.", (2021, 5, 3)),
        ("Forum report\n\n2019-06-03 10:15  Xinhua\n\nNANNING, June 2 (Xinhua) -- ...", (2019, 6, 3)),
        # a line that holds only a date
        ("Харбин подписал соглашения\n\n\n03.02.2019\n\nВ рамках ярмарки ...", (2019, 2, 3)),
        # a labelled line
        (" date 2023-01-15 https://example.com/news/20230115/1.html\nКурс вырос", (2023, 1, 15)),
        ("Expo wrap-up\nPublished: 12 March 2024\nText of the story.", (2024, 3, 12)),
        ("Опубликовано: 14 мая 2022, 10:15\nТекст.", (2022, 5, 14)),
        ("協力会議を開催\n2023年5月23日 10:15\n本文。", (2023, 5, 23)),
        ("Автор: Иван Петров | 12.03.2024 10:15\nТекст.", (2024, 3, 12)),
        # a section's tag before the stamp, the page's text-size widget after it
        ("姉妹都市が協定\n\n【地域】 2022/04/05 10:30 文字サイズ: 小 中 大\n\n本文。", (2022, 4, 5)),
        ("Twin towns renew pact\n\n[Region] 2022/04/05 10:30 Text size: A A A\n\nThe mayors met.", (2022, 4, 5)),
        ("Побратимы продлили договор\n\n[Регион] 05.04.2022 10:30 Размер шрифта: А А А\n\nТекст.", (2022, 4, 5)),
        ("两市续签协议\n\n【地方】 2022/04/05 10:30 字号: 大 中 小\n\n正文。", (2022, 4, 5)),
        # a dated dateline
        ("ИРКУТСК, 2 марта 2022 г. /PRNewswire/ — 28 февраля в городе завершился форум.", (2022, 3, 2)),
        ("HANGZHOU, China, Nov. 5, 2021 /PRNewswire/ -- The company said ...", (2021, 11, 5)),
        # a year written right after the day's comma is no thousands group
        ("Twinning news\n\nPosted: Mar 9,2016 11:20 AM     Staff\n\nThe mayors met.", (2016, 3, 9)),
        # an outlet in brackets, a bar of byline fields, an outlet's domain, a byline's bracketed role
        ("Ярмарка открылась\n3 мая 2021, 09:40 [ «Вечерний город» ]\nТекст.", (2021, 5, 3)),
        ("两市签约\n2022/04/18 | 市政府新闻办 | 打印本页\n正文。", (2022, 4, 18)),
        ("Делегация прибыла\nPrimer-news.ru 18.04.22 1024\nТекст.", (2022, 4, 18)),
        ("技術交流会が盛況\n2022年 4月18日 山田花子(国際協力センター研究員)\n本文。", (2022, 4, 18)),
        # the year, a space, then month/day: a news site's stamp
        ("交流会召开\n2021 05/09 10:20:30\n来源:某某网\n\n正文。", (2021, 5, 9)),
        # a byline word before the label, on a short line of its own
        ("お知らせ\n\nEditor Posted at 2022-04-18\n\n本文。", (2022, 4, 18)),
        ("Twin towns\n\nAdmin — updated on May 3, 2021\n\nThe mayors met.", (2021, 5, 3)),
        # a dateline whose year is written short
        ("Ош, 18.04.22. /Иван Петров – Агентство/. Делегация прибыла в город.", (2022, 4, 18)),
    ],
)
def test_publication_date_found(text, expected):
    assert find_publication_date(text) == PartialDate(*expected)


@pytest.mark.parametrize(
    "text",
    [
        # no date anywhere
        "Недавно состоялась видеоконференция.\n- В Минске прошёл турнир\n- Курс юаня снизился",
        # a view counter is not a date
        "更新时间: 浏览次数: 754\n中新社昆明11月19日电 19日,大会举行。",
        # a dateline without a year does not give a publication date
        "Наньнин, 19 сентября /Синьхуа/-- ЭКСПО завершилось сегодня.",
        # an event date at the start of the first sentence is not a page timestamp
        "22 августа 2023 года в Урумчи состоялась конференция по инновациям и сотрудничеству.",
        "On March 3, 2024 the two cities signed a sister-city agreement in Kazan, officials said.",
        # footers
        "本文。\nCopyright(C) 2008-2024 example.jp",
        "Text.\nPowered by MetInfo 7.2.0 ©2008-2024 mituo.cn",
        # a headline after a date is no byline, in a bar or in brackets
        "2022/04/18 两市签署友好城市协议并举行经贸洽谈会\n正文。",
        "2022/04/18 | 两市签署友好城市协议,并举行经贸洽谈会 | 更多\n正文。",
        "3 мая 2021 [ Делегация города прибыла на форум и подписала соглашение о сотрудничестве ]\nТекст.",
        # a sentence that ends in a date is no labelled line
        "Twin towns\n\nThe new agreement was posted on May 3, 2021\n\nThe mayors met.",
    ],
)
def test_no_publication_date(text):
    assert find_publication_date(text) is None


def test_latest_news_block_is_not_the_publication_date():
    text = (
        "Последние новости\n"
        "14.05.2025, 10:20 В Самаре открыли новый мост через реку\n"
        "14.05.2025, 09:05 Курс рубля снизился на торгах\n"
        "13.05.2025, 18:40 В Омске прошёл фестиваль\n"
        "Форум завершён\n"
        "ИРКУТСК, 2 марта 2022 г. /PRNewswire/ — 28 февраля в городе завершился форум.\n"
    )
    assert find_publication_date(text) == PartialDate(2022, 3, 2)
    # the headline dates are still date mentions (the caller may strip the block), the event date is separate
    event = [m for m in find_dates(text, "ru", date(2022, 3, 2)) if m.text == "28 февраля"][0]
    assert event.first.to_date() == date(2022, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "Latest news\n2025-05-14 10:20 Bridge opens in Samara\n2025-05-14 09:05 Rouble slips\nForum report\nText.",
        "最新新闻\n2025-05-14 10:20 某地新桥通车\n2025-05-14 09:05 汇率小幅下跌\n正文。",
        "最新ニュース\n2025-05-14 10:20 新しい橋が開通\n2025-05-14 09:05 為替が下落\n本文。",
    ],
)
def test_headline_lists_in_other_languages_are_ignored(text):
    assert find_publication_date(text) is None


def test_single_short_headline_with_timestamp_is_still_a_stamp_only_if_short():
    assert find_publication_date("2024-01-05 08:00 Xinhua\nText.") == PartialDate(2024, 1, 5)
    assert find_publication_date("2024-01-05 08:00 Harbin and Kazan sign a sister-city agreement today\nText.") is None


@pytest.mark.parametrize("lang", ["ru", "en", "zh", "ja"])
def test_publication_date_is_not_the_event_date(lang):
    texts = {
        "ru": "Ярмарка в Харбине\n\n2021-07-20  Перепечатка из: ИА\n\n14 июля в Харбине закрылась ярмарка.",
        "en": "Harbin fair\n\n2021-07-20 09:00  Xinhua\n\nThe fair closed in Harbin on July 14.",
        "zh": "哈尔滨博览会\n\n发布时间:2021-07-20 09:00:00 来源:某网\n\n7月14日,博览会在哈尔滨闭幕。",
        "ja": "ハルビン博覧会\n\n2021-07-20 09:00:00 admin ソース:\n\n博覧会が7月14日に閉幕した。",
    }
    text = texts[lang]
    published = find_publication_date(text)
    assert published == PartialDate(2021, 7, 20)
    found = find_dates(text, lang, published.to_date())
    event = [m for m in found if m.cue == "closing"]
    assert len(event) == 1
    assert event[0].first.to_date() == date(2021, 7, 14)
    assert event[0].year_from_reference


# ------------------------------------------------------------------------------------------------- HTML


def test_html_article_published_time():
    html = ('<html><head><meta property="article:published_time" content="2024-04-28T19:22:24+08:00">'
            '<meta property="article:modified_time" content="2024-05-01T10:00:00+08:00"></head><body></body></html>')
    assert find_publication_date_html(html) == PartialDate(2024, 4, 28)


def test_html_json_ld():
    html = ('<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
            '"headline":"x","datePublished":"2022-09-23T11:23:00+08:00","dateModified":"2022-09-24"}</script>'
            '</head><body><time datetime="2022-09-25">25 Sep</time></body></html>')
    assert find_publication_date_html(html) == PartialDate(2022, 9, 23)


def test_html_json_ld_graph():
    html = ('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},'
            '{"@type":"Article","datePublished":"2019-12-17"}]}</script>')
    assert find_publication_date_html(html) == PartialDate(2019, 12, 17)


def test_html_time_element():
    html = '<article><p>Text</p><time datetime="2023-06-14T08:00:00Z">June 14</time></article>'
    assert find_publication_date_html(html) == PartialDate(2023, 6, 14)


def test_html_time_with_pubdate_wins_over_other_time():
    html = ('<article><time datetime="2023-06-01">1 June</time>'
            '<time pubdate datetime="2023-06-14">June 14</time></article>')
    assert find_publication_date_html(html) == PartialDate(2023, 6, 14)


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="pubdate" content="2022-09-23 11:23:00">',
        '<meta name="publishdate" content="2022/09/23">',
        '<meta name="DC.date" content="2022-09-23">',
        '<meta name="dcterms.date" content="20220923">',
        '<meta itemprop="datePublished" content="2022-09-23">',
    ],
)
def test_html_other_metadata(meta):
    assert find_publication_date_html(f"<html><head>{meta}</head><body>x</body></html>") == PartialDate(2022, 9, 23)


def test_html_without_dates():
    assert find_publication_date_html("<html><head><title>x</title></head><body><p>Text</p></body></html>") is None
    assert find_publication_date_html("") is None
