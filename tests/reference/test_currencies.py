"""Currency names from pycountry's ISO 4217 list and its gettext catalogues."""
from __future__ import annotations

import pytest

from orchestration.extract.money import find_money
from orchestration.reference.currencies import currency_codes, currency_names


def test_english_names_and_their_plurals_come_from_iso_4217():
    names = currency_names("en")
    assert names["zambian kwacha"] == "ZMW"
    assert names["malaysian ringgits"] == "MYR"
    assert names["naira"] == "NGN"


def test_a_unit_several_currencies_share_or_an_english_word_is_no_name_alone():
    names = currency_names("en")
    for word in ("kwacha", "dollar", "dollars", "peso", "shilling", "dirham", "real", "sum"):
        assert word not in names  # Zambia and Malawi both count in kwacha; "real" is an English word
    assert "omani" not in names  # "Rial Omani": the adjective follows the unit


def test_funds_and_metals_are_no_currency_of_a_deal():
    assert not {"XAU", "XDR", "USN"} & set(currency_names("en").values())


@pytest.mark.parametrize("lang, name, code", [("zh", "泰铢", "THB"), ("zh", "坚戈", "KZT"), ("ja", "ナミビア・ドル", "NAD")])
def test_japanese_and_chinese_names_come_from_the_catalogues(lang, name, code):
    assert currency_names(lang)[name] == code


def test_russian_takes_no_catalogue_names_that_its_inflection_would_not_match():
    assert currency_names("ru") == {}


def test_iso_codes_come_from_pycountry_in_capitals_without_common_words():
    codes = currency_codes()
    assert {"USD", "EUR", "UZS", "TZS", "KZT", "INR"} <= set(codes)
    assert not {"ALL", "TOP", "TRY", "XAU"} & set(codes)


@pytest.mark.parametrize("text, lang, amount, currency", [
    ("企業8社が約320百万USDの契約を結んだ。", "ja", 320e6, "USD"),
    ("签约金额达3.6亿EUR。", "zh", 360e6, "EUR"),
    ("На форуме подписаны соглашения на 2,4 трлн UZS.", "ru", 2.4e12, "UZS"),
    ("Deals worth TZS 12.5 billion were signed at the forum.", "en", 12.5e9, "TZS"),
])
def test_an_iso_code_beside_an_amount_is_its_currency_in_every_language(text, lang, amount, currency):
    assert [(m.amount, m.currency) for m in find_money(text, lang)] == [(amount, currency)]


@pytest.mark.parametrize("text", ["TOP 10 deals were signed at the fair.", "all 10 agreements were signed at the fair."])
def test_a_word_spelt_like_a_code_is_no_currency(text):
    assert find_money(text, "en") == []


def test_a_qualified_restatement_in_a_code_that_has_no_rate_is_the_same_deal():
    found = find_money("Three agreements worth EUR 120 million (about KES 17 billion) were signed at the forum.", "en")
    assert [(m.currency, m.restates, m.qualifier) for m in found] == [("EUR", None, "exact"), ("KES", 0, "about")]
