"""A city the event's own name pairs with its host is a side of the event; the name runs over brackets, hyphens
and a quotation that hold those cities."""
from __future__ import annotations

import pytest

from orchestration.extract.events import find_events
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("text, name", [
    # a bracketed short form and a hyphen between two cities stay inside the name
    ("The 2021 Da Nang city (DN)-Busan City Investment Forum took place in Da Nang on 3 May.",
     "2021 Da Nang city (DN)-Busan City Investment Forum"),
    # a quoted name is the whole quotation, its brackets and dashes included
    ("Officials organised the “Kenya (Mombasa, Kisumu) - Peru (Lima) Fisheries Cooperation Seminar” in Lima.",
     "Kenya (Mombasa, Kisumu) - Peru (Lima) Fisheries Cooperation Seminar"),
])
def test_an_english_name_holds_its_brackets_hyphens_and_quotes(text, name):
    assert find_events(text, "en")[0].name == name


def test_a_bracket_of_lower_case_words_ends_the_name():
    text = "Firms met (as every spring) Trade Forum delegates in Lyon."
    assert find_events(text, "en")[0].name == "Trade Forum"


@pytest.mark.parametrize("page, host, partners", [
    ("Forum opens\nThe 2021 Da Nang city (DN)-Busan City Investment Forum took place in Da Nang on 3 May, "
     "organised by the city's trade office and the Busan Chamber of Commerce.", "Da Nang", {"Busan"}),
    ("Seminar held\nOfficials organised the “Kenya (Mombasa, Kisumu) - Peru (Lima) Fisheries Cooperation "
     "Seminar” in Lima on 9 June.", "Lima", {"Mombasa", "Kisumu"}),
])
def test_a_city_the_name_pairs_with_the_host_is_a_partner(page, host, partners):
    summary = summarise(page)
    assert (summary.host, summary.partners) == (host, partners)


def test_a_title_in_guillemets_names_no_city():
    # «Сочи»-like words of a brand inside quotes are no side of the event
    page = ("Форум открылся\nВ Казани 4 июня открылся форум «Ростки: молодёжь и наука». Делегация Чэнду приняла "
            "участие.")
    summary = summarise(page)
    assert summary.host == "Kazan" and "Rostock" not in summary.partners
