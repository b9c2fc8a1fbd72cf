"""HTML pages through parse_document: main text, title and date from real page layouts that the former
hand-written extractor emptied (page wrappers whose class names read as chrome, an XML declaration, a <form>
around the page)."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import PartialDate
from orchestration.parse.document import parse_document
from orchestration.parse.published import find_publication_date_html

RU = ("Организаторы сообщили, что в форуме приняли участие делегации из двадцати стран, а подписанные "
      "соглашения охватывают энергетику, логистику и образование. ")
ZH = "第五届边境贸易洽谈会22日在满洲里闭幕，本届洽谈会共签约合作项目数百个，涉及能源、农业、物流和数字经济等多个领域。"


def _page(body: str, head: str = "", start: str = '<!DOCTYPE html><html lang="ru">') -> bytes:
    return (f'{start}<head><meta charset="utf-8"><title>Форум открылся в Казани | Вестник</title>{head}</head>'
            f"<body>{body}</body></html>").encode()


def _parse(page: bytes):
    return parse_document(page, content_type="text/html")


def test_a_wordpress_wrapper_named_like_a_sidebar_keeps_the_article_and_loses_the_sidebar():
    page = _page('<div class="site-container"><header class="site-header"><p>Вестник</p><nav><a>Главная</a>'
                 '<a>Курсы валют и погода</a></nav></header><div class="content-sidebar-wrap"><main class="content">'
                 f'<article><h1 class="entry-title">Форум открылся в Казани</h1><div class="entry-content"><p>{RU * 2}</p>'
                 f'<p>{RU}</p></div></article></main><aside class="sidebar"><ul><li><a href="/1">Фермеры Приморья '
                 'собрали рекордный урожай сои</a></li></ul></aside></div><footer>© 2025 Вестник</footer></div>')
    parsed = _parse(page)
    assert parsed.title == "Форум открылся в Казани"
    assert parsed.text.startswith("Форум открылся в Казани\nОрганизаторы сообщили")
    assert "урожай сои" not in parsed.text and "Курсы валют" not in parsed.text and "©" not in parsed.text
    assert parsed.language == "ru"


@pytest.mark.parametrize("start", ['<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">',
                                   '<?xml version="1.0" encoding="windows-1251"?>\n<html>'])
def test_a_page_opening_with_an_xml_declaration_is_read(start):
    page = _page(f'<div id="main"><h2>Форум открылся в Казани</h2><p>{RU * 3}</p></div>', start=start)
    assert "двадцати стран" in _parse(page).text


def test_a_form_around_the_whole_page_is_not_chrome():
    page = _page(f'<form id="form1"><table><tr><td><h1>Форум открылся в Казани</h1><div id="zoom"><p>{RU * 3}</p>'
                 "</div></td></tr></table></form>")
    assert "двадцати стран" in _parse(page).text


def test_a_logo_in_the_only_h1_is_not_the_title():
    page = _page(f'<div id="header"><h1 id="logo"><a href="/">Вестник</a></h1></div><div id="main">'
                 f'<h2 class="headline">Форум открылся в Казани</h2><p>{RU * 3}</p></div>')
    assert _parse(page).title == "Форум открылся в Казани"


def test_a_page_without_an_article_keeps_its_visible_text():
    parsed = _parse(_page("<div>Short note.</div>"))
    assert parsed.text.endswith("Short note.")


def test_chinese_pages_lose_the_editor_line_and_take_the_json_ld_date():
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>博览会闭幕</title>'
            '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-09-23T09:52:00+08:00"}'
            f'</script></head><body><div class="main"><h1>博览会闭幕</h1><div id="detail"><p>{ZH * 2}</p><p>{ZH}</p>'
            "<p>【责任编辑：李明】</p></div></div></body></html>").encode()
    parsed = _parse(page)
    assert parsed.title == "博览会闭幕" and parsed.language == "zh"
    assert "满洲里闭幕" in parsed.text and "责任编辑" not in parsed.text
    assert parsed.published_date == date(2022, 9, 23) and parsed.published_date_source == "html_meta"


def test_a_page_whose_markup_states_no_date_takes_its_dateline():
    page = _page(f'<article><h1>Форум открылся в Казани</h1><p>КАЗАНЬ, 12 марта 2024. {RU}</p><p>{RU}</p></article>')
    parsed = _parse(page)
    assert parsed.published_date == date(2024, 3, 12) and parsed.published_date_source == "dateline"


def test_an_html5_bare_pubdate_attribute_names_the_publication_date():
    html = ('<article><time datetime="2023-06-01">1 June</time><time pubdate datetime="2023-06-14">June 14</time>'
            "</article>")
    assert find_publication_date_html(html) == PartialDate(2023, 6, 14)
