"""A report with no date of its own is dated by its anniversary: the year the relation began plus the number.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, year", [
    ("記念式典\n旭川市とハルビン市の友好都市提携二十周年を記念する式典が9月1日、旭川市内のホテルで行われた。"
     "両市は1995年に友好都市提携の覚書を交換した。", 2015),
    ("纪念活动\n大连市与北九州市缔结友好城市45周年纪念活动10月10日在北九州市举行。两市于1979年缔结友好城市关系。", 2024),
    ("Anniversary\nBristol and Hanover marked the 75th anniversary of their twinning with a civic reception in Hanover "
     "on 12 June. The cities were twinned in 1947.", 2022),
    ("Юбилей\nИркутск и Шэньян отметили 30-летие побратимских связей: торжественная встреча состоялась 3 августа в "
     "Шэньяне. Побратимские отношения установлены в 1992 году.", 2022),
])
def test_the_anniversary_dates_a_report_without_a_year(page, year):
    date = summarise(page).date
    assert (date[0], date[-1]) == (year, True)


def test_a_year_that_begins_nothing_dates_no_anniversary():
    page = ("Anniversary\nBristol and Hanover marked the 75th anniversary of their twinning with a civic reception in "
            "Hanover on 12 June. The mayor of Hanover was born in 1960.")
    assert summarise(page).date[0] is None


def test_a_dated_report_keeps_its_own_year():
    page = (" date 2023-06-14\nAnniversary\nBristol and Hanover marked the 75th anniversary of their twinning with a "
            "civic reception in Hanover on 12 June. The cities were twinned in 1947.")
    assert summarise(page).date[0] == 2023
