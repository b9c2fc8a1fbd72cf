"""A page in Chinese with its English translation below, and a page that opens with its date before the headline:
texts written for these tests."""
from __future__ import annotations

from datetime import date

from orchestration.parse.document import parse_document


def test_a_chinese_page_followed_by_its_english_translation_is_chinese():
    page = ("两市签署友好交流备忘录\n\n发布时间:2023年09月14日\n\n"
            "9月13日，成都市与布拉格市在成都签署友好交流合作备忘录，双方将在文化、旅游和教育领域开展合作。\n\n"
            "On 13 September, Chengdu and Prague signed a memorandum on friendly exchange in Chengdu. The two cities "
            "will work together in culture, tourism and education.\n")
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert (parsed.language, parsed.published_date) == ("zh", date(2023, 9, 14))


def test_a_date_in_figures_set_apart_before_the_headline_on_the_first_line_is_the_pages():
    page = ("17.09.2004  Алматы: открылась торговая ярмарка\n\n"
            "   В Алматы в пятницу открылась международная торговая ярмарка, в ней участвуют фирмы из пяти стран.\n")
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    assert parsed.published_date == date(2004, 9, 17)


def test_a_first_sentence_that_opens_with_a_date_dates_no_page():
    page = "17.09.2004 в Алматы открылась международная торговая ярмарка.\n\nВ ней участвуют фирмы из пяти стран.\n"
    assert parse_document(page.encode("utf-8"), content_type="text/plain").published_date is None
