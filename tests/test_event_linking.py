"""Linking reports of one event in dbt (int_event_components): what counts as shared evidence."""
from __future__ import annotations

import duckdb

from tests.conftest import run_texts

DATED = ("Инвестиционный форум в Хабаровске\n"
         "ХАБАРОВСК, 11 июня 2025 г. — 10–12 июня в Хабаровске прошел Дальневосточный инвестиционный форум. "
         "На форуме подписано соглашение о сотрудничестве между краем и провинцией Цзилинь.\n")
UNDATED = ("Туристический форум в Хабаровске\n"
           "В Хабаровске прошел международный туристический форум. На форуме подписано соглашение о "
           "сотрудничестве между турфирмами края и Харбина.\n")


def test_one_signed_agreement_in_each_of_two_reports_from_one_city_does_not_make_them_one_event(tmp_path):
    # one agreement is the commonest outcome of all: with nothing else shared (no dates on one side) the two
    # forums of one city stay two events
    warehouse = run_texts(tmp_path, {"dated.txt": DATED, "undated.txt": UNDATED})
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        events = connection.execute(
            "select e.event_id, e.agreements_count, count(*) from marts.fct_events e "
            "join marts.fct_event_mentions m using (event_id) group by all").fetchall()
    assert len(events) == 2 and all(count == 1 and reports == 1 for _, count, reports in events), events


TRADE_FAIR_DATED = ("Ярмарка «Северный мост» открылась в Благовещенске\n"
                    "БЛАГОВЕЩЕНСК, 14 мая 2025 г. — 14–16 мая в Благовещенске проходит ярмарка «Северный мост». "
                    "Участники из Хэйхэ и Харбина представили свою продукцию.\n")


def _undated_fair_report(published: str, name: str = "ярмарка «Северный мост»") -> str:
    # a second outlet's report that gives no day or year of the fair, only its own publication time
    return (f"Итоги ярмарки\n"
            f"Опубликовано: {published}\n"
            f"В Благовещенске завершилась {name}. Китайские компании из Хэйхэ показали технику и продукты.\n")


def _reports_per_event(warehouse) -> list[int]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return sorted(count for (count,) in connection.execute(
            "select count(*) from marts.fct_event_mentions group by event_id").fetchall())


def test_an_undated_report_written_days_after_a_dated_one_of_the_same_named_event_in_its_city_joins_it(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": TRADE_FAIR_DATED,
                                     "undated.txt": _undated_fair_report("17.05.2025 10:20")})
    assert _reports_per_event(warehouse) == [2]


def test_an_undated_report_written_a_year_later_stays_apart_it_tells_of_another_edition(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": TRADE_FAIR_DATED,
                                     "undated.txt": _undated_fair_report("19.05.2026 10:20")})
    assert _reports_per_event(warehouse) == [1, 1]


def test_an_undated_report_of_another_named_event_in_the_same_city_and_week_stays_apart(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": TRADE_FAIR_DATED,
                                     "undated.txt": _undated_fair_report("17.05.2025 10:20",
                                                                         "выставка «Амурская осень»")})
    assert _reports_per_event(warehouse) == [1, 1]


PARTNERSHIP_FORUM_2025 = ("Partnership forum opens in Tampere\n"
                          "TAMPERE, June 11, 2025 — The Nordic-Baltic Partnership Forum opened in Tampere on June 10. "
                          "Delegations from Tartu and Kaunas signed a memorandum on student exchange.\n")
PARTNERSHIP_FORUM_2024 = ("Partnership forum in Tampere\n"
                          "TAMPERE, June 14, 2024 — The Nordic-Baltic Partnership Forum was held in Tampere on June 13. "
                          "Delegations from Tartu and Riga discussed port cooperation.\n")
# a second outlet's report that says nothing of when: no day, no year, no publication date
PARTNERSHIP_FORUM_TIMELESS = ("Forum report\n"
                              "The Nordic-Baltic Partnership Forum in Tampere brought together delegations from Tartu "
                              "and Kaunas, who agreed to exchange students.\n")


def test_a_report_that_says_nothing_of_when_joins_the_event_of_its_very_name_in_its_host(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": PARTNERSHIP_FORUM_2025, "timeless.txt": PARTNERSHIP_FORUM_TIMELESS})
    assert _reports_per_event(warehouse) == [2]


def test_a_report_that_says_nothing_of_when_joins_no_edition_where_two_share_its_name(tmp_path):
    warehouse = run_texts(tmp_path, {"2025.txt": PARTNERSHIP_FORUM_2025, "2024.txt": PARTNERSHIP_FORUM_2024,
                                     "timeless.txt": PARTNERSHIP_FORUM_TIMELESS})
    assert _reports_per_event(warehouse) == [1, 1, 1]


def test_two_reports_of_one_call_between_the_same_two_towns_on_one_day_are_one_event(tmp_path):
    # a video call has sides, not a host: the same two towns on the same day in the same year say it
    first = ("Мэры Риги и Вильнюса провели видеоконференцию\n"
             "Опубликовано: 2024-03-06\n"
             "5 марта 2024 года мэры Риги и Вильнюса провели видеоконференцию и обсудили обмен школьниками. "
             "В видеоконференции приняли участие представители администраций обоих городов.\n")
    second = ("Riga and Vilnius mayors talk by video\n"
              "Published: 2024-03-07\n"
              "On 5 March 2024 the mayors of Riga and Vilnius held a video conference on school exchanges. "
              "Officials of both cities took part in the video conference.\n")
    warehouse = run_texts(tmp_path, {"first.txt": first, "second.txt": second})
    assert _reports_per_event(warehouse) == [2]


def _month_only_fair_report(month: str) -> str:
    # an outlet that gives the fair's month alone, no day, no year and no publication date
    return (f"Ярмарка в Благовещенске\n"
            f"{month} в Благовещенске прошла ярмарка «Северный мост». Китайские и российские компании подписали "
            f"соглашения о поставках.\n")


def test_a_report_that_gives_only_the_month_of_the_event_joins_it(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": TRADE_FAIR_DATED, "month.txt": _month_only_fair_report("В мае")})
    assert _reports_per_event(warehouse) == [2]


def test_a_report_that_gives_another_month_stays_apart_though_it_shares_host_and_countries(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": TRADE_FAIR_DATED,
                                     "month.txt": _month_only_fair_report("В сентябре")})
    assert _reports_per_event(warehouse) == [1, 1]


def test_two_languages_reports_of_one_numbered_edition_closing_on_one_day_are_one_event_whatever_each_calls_it(tmp_path):
    # a 洽谈会 is an "exchange meeting" to the extractor and a "fair" in English: the same edition in the same city,
    # closing on the same day, is one event though neither report gives the opening day
    chinese = ("第三届中俄投资贸易洽谈会在哈尔滨闭幕\n"
               "新华社哈尔滨2021年5月23日电 第三届中俄投资贸易洽谈会23日在哈尔滨闭幕，共签约120个项目。\n")
    english = ("China-Russia trade fair closes in Harbin\n"
               "HARBIN, May 23, 2021 -- The third China-Russia Investment and Trade Fair closed in Harbin on Sunday, "
               "organisers said.\n")
    warehouse = run_texts(tmp_path, {"zh.txt": chinese, "en.txt": english})
    assert _reports_per_event(warehouse) == [2]


# two regions' days in one capital, each opened by a ceremony: a name that only describes the event («Торжественная
# церемония», written with no capital past its first letter) is no name two reports can share
CEREMONY_DATED = ("Дни Псковской области в Москве\n"
                  "МОСКВА, 16 февраля 2024 г. — Торжественная церемония прошла 15 февраля на ВДНХ в Москве в рамках "
                  "Дней Псковской области. Подписано соглашение о сотрудничестве с Гомелем.\n")
CEREMONY_TIMELESS = ("Дни Брестской области\n"
                     "Торжественная церемония состоялась в Москве во время открытия Дней Брестской области. "
                     "Подписаны два соглашения с Калугой.\n")


def test_a_report_that_says_nothing_of_when_joins_no_event_by_a_name_that_only_describes_it(tmp_path):
    warehouse = run_texts(tmp_path, {"dated.txt": CEREMONY_DATED, "timeless.txt": CEREMONY_TIMELESS})
    assert _reports_per_event(warehouse) == [1, 1]
