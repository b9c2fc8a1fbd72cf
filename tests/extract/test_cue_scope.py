"""A word of taking part says so of the cities near it: in a long English or Russian sentence, a city far from
any such word is background, whatever the sentence's start says. Sentences written for these tests."""
from __future__ import annotations

from tests.extract.document_helpers import summarise


def test_a_city_far_from_the_word_of_taking_part_in_a_long_sentence_is_no_partner():
    page = ("Twin towns meet\nDelegations from Lodi and Cremona arrived at the friendship forum in Modena on Monday, "
            "3 June 2024, while the province, whose cheese and wine exports to distant markets have grown steadily "
            "for a decade and whose ports now handle more freight than ever before, also keeps old ties with Toledo.")
    summary = summarise(page)
    assert summary.host == "Modena"
    assert {"Lodi", "Cremona"} <= summary.partners
    assert "Toledo" not in summary.partners


def test_a_russian_city_far_from_the_word_of_taking_part_is_no_partner():
    page = ("Форум побратимов\nДелегации из Брно и Линца прибыли на форум побратимов в Казани 3 июня 2024 года, "
            "а республика, чей экспорт сельхозпродукции на дальние рынки растёт уже десять лет и чьи речные порты "
            "принимают всё больше грузов, давно торгует и с Гамбургом.")
    summary = summarise(page)
    assert {"Brno", "Linz"} <= summary.partners
    assert "Hamburg" not in summary.partners
