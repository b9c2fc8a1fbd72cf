"""Currency names from pycountry's ISO 4217 list and its gettext catalogues."""
from __future__ import annotations

import pytest

from orchestration.reference.currencies import currency_names


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
