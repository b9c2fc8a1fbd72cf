"""A day written without its year takes the year the text writes beside the same day elsewhere (a photograph's
caption, a programme line). Sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, start", [
    ("日中経済フォーラム\n第3回日中経済フォーラムが11月12日、横浜市で開かれた。\n開会式であいさつする市長(2019年11月12日)\n"
     "両市の企業が協力について話し合った。", (2019, 11, 12)),
    ("中俄经贸论坛\n第五届中俄经贸论坛9月8日在哈尔滨市开幕。\n图为论坛开幕式现场(2021年9月8日摄)\n双方企业签署了合作协议。",
     (2021, 9, 8)),
    ("Trade forum\nThe third Baltic-Nordic trade forum opened in Tallinn on 14 May with delegations from Riga and Turku.\n"
     "Delegates at the opening session (14 May 2018).", (2018, 5, 14)),
    ("Форум\nIII российско-китайский форум открылся 21 октября в Казани.\nНа открытии форума (21 октября 2020 года).\n"
     "Делегации обсудили сотрудничество.", (2020, 10, 21)),
    # the page's stamp says March: a past "opened on 14 May" would be the year before, but the caption says which
    (" date 2018-03-02\nTrade forum\nThe third Baltic-Nordic trade forum opened in Tallinn on 14 May with delegations "
     "from Riga and Turku.\nDelegates at the opening session (14 May 2018).", (2018, 5, 14)),
])
def test_a_day_takes_the_year_written_beside_it_elsewhere(page, start):
    assert summarise(page).date[:3] == start


def test_two_years_for_the_same_day_give_none():
    page = ("Trade forum\nThe third Baltic-Nordic trade forum opened in Tallinn on 14 May with delegations from Riga and "
            "Turku.\nThe first forum opened on 14 May 2015, the second on 14 May 2016.")
    assert summarise(page).date[:3] == (None, 5, 14)


def test_another_day_lends_no_year():
    page = ("Trade forum\nThe third Baltic-Nordic trade forum opened in Tallinn on 14 May with delegations from Riga and "
            "Turku.\nThe delegation from Riga left home on 12 May 2018.")
    assert summarise(page).date[:3] == (None, 5, 14)
