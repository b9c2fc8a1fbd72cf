"""A document signed under a quoted English title, a manifesto or a charter, or a programme of interaction is one.
None is: the document an anniversary celebrates, a memorandum signed last year (beside a surname that holds 倍), one
a headline says is on its way (締結へ), one a Chinese report says will be signed many words later (将…签署).
Pages written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page", [
    " date 2021-04-12 Twin towns\nAt a ceremony in Tromsø on Monday, the two mayors signed the \"Agreement on Friendly "
    "Exchanges between Tromsø and Arkhangelsk\", the town hall said.",
    " date 2021-04-12 Mayors meet\nMore than forty mayors met at a cooperation summit in Tromsø on Monday, and the host witnessed the signing "
    "of the Northern Mayors' Manifesto on Clean Harbours.",
    " date 2021-04-12 Мэры встретились\nВ понедельник на форуме городов-побратимов в Архангельске мэры двух "
    "городов подписали программу взаимодействия на три года.",
])
def test_a_quoted_title_a_manifesto_or_a_programme_of_interaction_signed_is_one(page):
    assert summarise(page).agreements == 1


def test_a_memorandum_signed_last_year_in_the_presence_of_a_man_named_abe_counts_nothing():
    # no publication date: only the word 去年 tells the signing is an earlier one
    page = ("友好交流セミナー\n4月12日、岐阜市で友好交流セミナーが開かれた。岐阜県は去年5月、安倍首相の立会いの下、"
            "知事がタイ工業省との間で産業協力のための覚書を締結している。今回のセミナーはその覚書に基づくもの。")
    assert summarise(page).agreements is None


def test_a_comparison_with_last_year_still_keeps_this_years_count():
    page = (" date 2021-04-12 商談会閉幕\n4月12日、岐阜市で商談会が閉幕した。契約件数は去年の1.5倍の30件となった。")
    assert summarise(page).agreements == 30


def test_a_headline_signing_on_its_way_counts_nothing():
    page = (" date 2021-04-12 県、清州市と友好協定締結へ 知事が来月訪問\n知事は来月、韓国・清州市を訪れ、観光や経済分野で"
            "交流を広げるための協定を締結する予定だ。")
    assert summarise(page).agreements is None


def test_a_chinese_signing_announced_far_ahead_of_its_verb_counts_nothing():
    page = (" date 2021-04-12 双城论坛\n论坛将于12月在线上举行。会上，两市将就青年创业基地合作、大熊猫保育及文化旅游交流等事项"
            "签署备忘录。")
    assert summarise(page).agreements is None


def test_the_document_an_anniversary_celebrates_is_not_signed_again():
    page = (" date 2021-04-12 Twin cities mark ten years\nAt a cooperation forum in Kraków on Monday, the two mayors "
            "signed a memorandum of understanding during a ceremony marking the 10th anniversary of the ‘twinning’ "
            "agreement.")
    assert summarise(page).agreements == 1
