"""A lead that says the event opened, closed or was held, in a report that dates nothing else, speaks of the
dateline's own day; a preview does not."""
from __future__ import annotations

import pytest

from tests.extract.document_helpers import summarise


@pytest.mark.parametrize("page, expected", [
    ("Форум открылся в Томске\nТОМСК, 27 ноября. Международный форум «Новые горизонты» открылся в Томске. В первый "
     "день подписано шесть соглашений с партнёрами из Казахстана.", (11, 27, None, None)),
    ("Forum opens\nTOMSK, Nov. 27 (Xinhua) -- The New Horizons International Forum opened in Tomsk, with six "
     "agreements signed on its first day.", (11, 27, None, None)),
    ("Expo closes\nKUNMING, June 9 -- The five-day South Asia Expo closed in Kunming, with 42 projects signed.",
     (6, 5, 6, 9)),
    ("Форум прошёл в Томске\nТОМСК, 27 ноября. Международный форум «Новые горизонты» прошёл в Томске. Подписано шесть "
     "соглашений.", (11, 27, 11, 27)),
    ("南亚博览会闭幕\n新华社昆明6月9日电 为期五天的第五届中国-南亚博览会在昆明闭幕，共签约项目42个。", (6, 5, 6, 9)),
    ("南アジア博覧会が閉幕\n【昆明6月9日＝新華社】第5回中国・南アジア博覧会が昆明で閉幕した。42件のプロジェクトが調印された。",
     (None, None, 6, 9)),
    # a lead that says who takes part speaks of the event as going on that day
    ("Форум в Оше\nОш, 14.05.21. На торговом форуме «Кыргызстан-Узбекистан» приняли участие более 200 предпринимателей.",
     (5, 14, 5, 14)),
    ("Forum in Osh\nOSH, May 14 -- More than 200 entrepreneurs from Kyrgyzstan and Uzbekistan took part in the trade "
     "forum.", (5, 14, 5, 14)),
])
def test_the_lead_verb_dates_the_event_by_the_dateline(page, expected):
    date = summarise(page).date
    assert (date[1], date[2], date[4], date[5]) == expected


@pytest.mark.parametrize("page", [
    "Forum to open\nTOMSK, Nov. 27 -- The New Horizons International Forum will open in Tomsk next month, where "
    "delegations from Kazakhstan are expected to sign agreements.",
    "Форум откроется\nТОМСК, 27 ноября. Международный форум «Новые горизонты» откроется в Томске в следующем месяце. "
    "Ожидается подписание соглашений с Казахстаном.",
])
def test_a_preview_is_not_dated_by_its_dateline(page):
    summary = summarise(page)
    assert summary.date is None or summary.date[2] != 27


@pytest.mark.parametrize("page", [
    "Trade fair wraps up its season\nKUNMING, June 20 -- The South Asia Commodity Fair was held in Kunming, drawing "
    "exhibitors from Nepal and Sri Lanka, and 42 projects were signed.",
    "Ярмарка в Куньмине\nКУНЬМИН, 20 июня. В Куньмине прошла Южноазиатская товарная ярмарка, в ней участвовали "
    "компании из Непала и Шри-Ланки. Подписано 42 проекта.",
    "南亚商品博览会在昆明举行\n新华社昆明6月20日电 南亚商品博览会在昆明举行，尼泊尔、斯里兰卡企业参展，共签约项目42个。",
    "南アジア商品見本市\n【昆明6月20日】南アジア商品見本市が昆明で開催されました。ネパールやスリランカの企業が出展し、"
    "42件のプロジェクトが調印された。",
])
def test_a_fair_said_to_be_held_is_not_dated_by_the_dateline(page):
    # a fair runs for days: a release that says it "was held" is often filed days after it closed, so the
    # dateline's day is no day of the fair; "opened" or "closed" still dates one end
    summary = summarise(page)
    assert summary.date is None or summary.date[2] != 20


@pytest.mark.parametrize("page, expected", [
    (" date 2019-03-14 Forum ends\nTOMSK. SIBNEWS The plenary session of the Siberian Cooperation Forum has come to "
     "an end. Twelve agreements were signed with partners from Kazakhstan.", (None, None, 3, 14)),
    (" date 2019-03-14 Форум открылся\nТОМСК. СИБИНФОРМ Международный форум «Новые горизонты» открылся в Томске. "
     "Подписано шесть соглашений с партнёрами из Казахстана.", (3, 14, None, None)),
])
def test_an_agencys_dateline_without_a_date_files_the_story_on_its_publication_day(page, expected):
    date = summarise(page).date
    assert (date[1], date[2], date[4], date[5]) == expected


def test_a_dateline_without_a_date_or_an_agency_dates_nothing():
    page = (" date 2019-03-14 Forum ends\nThe plenary session of the Siberian Cooperation Forum in Tomsk has come to an "
            "end. Twelve agreements were signed with partners from Kazakhstan.")
    assert summarise(page).date is None


@pytest.mark.parametrize("page", [
    "Подписан меморандум\nОМСК, 14 марта. /ТАСС/. Мэры Омска и Павлодара подписали меморандум о сотрудничестве, "
    "сообщила пресс-служба мэрии.",
    "Memorandum signed\nOMSK, March 14 (TASS) -- The mayors of Omsk and Pavlodar signed a memorandum of cooperation, "
    "the city hall said.",
])
def test_a_signing_told_in_the_lead_is_dated_by_the_dateline(page):
    date = summarise(page).date
    assert (date[1], date[2], date[4], date[5]) == (3, 14, 3, 14)


def test_a_signing_at_a_fair_does_not_date_the_fair():
    assert summarise("Expo\nKUNMING, June 9 -- Firms signed 42 contracts at the South Asia Expo in Kunming.").date is None
