"""Cities that are no side of an event: a town's better-known neighbour, the stops of the guests' tour; and a
Japanese count of ties made since an earlier day, which is no result of the event."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.roles.cities import _destination_patterns
from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, partners", [
    ("Twin towns forum in Dijon\nA twin towns forum was held in Dijon on 2 June. A choir came from Zwickau, near "
     "Leipzig, and the mayor of Zwickau signed the guest book.", {"Zwickau"}),
    ("Форум в Дижоне\nФорум городов-побратимов прошёл в Дижоне 2 июня. Хор приехал из Цвиккау близ Лейпцига, мэр "
     "Цвиккау подписал книгу гостей.", {"Zwickau"}),
])
def test_a_better_known_neighbour_that_locates_a_town_is_no_side(page, partners):
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Dijon", partners)


def test_the_stops_of_a_tour_listed_after_a_place_noun_are_no_sides():
    page = ("Trade seminar in Recife\nA trade seminar was held in Recife on 8 March, where the mayor of Ningbo signed "
            "a memorandum. Afterwards the Ningbo delegation set off on a tour of three Brazilian cities: Recife, "
            "Belem and Manaus.")
    summary = summarise(page)
    assert (summary.host, summary.partners) == ("Recife", {"Ningbo"})


@pytest.mark.parametrize("before, is_trip", [
    ("they visited the city of ", True),
    ("a week-long tour of four Italian towns: ", True),
    ("the mayor hosted the visiting Mayor of ", False),  # a guest's office, not where anyone travels
    ("she met visiting officials from ", False),  # where the guests come from
])
def test_only_a_place_noun_may_close_the_words_between_a_trip_and_its_city(before, is_trip):
    pattern, _ = _destination_patterns("en")
    assert bool(pattern.search(before)) is is_trip


def test_a_japanese_count_of_ties_since_an_earlier_signing_is_a_running_total():
    text = "県内の自治体と海外都市の提携は、3月の協定締結以来の27件となった。"
    assert find_agreement_counts(text, "ja") == []
    # a count since the opening of the fair stays the fair's own
    assert [c.value for c in find_agreement_counts("見本市の開幕以来の契約は41件に達した。", "ja")] == [41]
