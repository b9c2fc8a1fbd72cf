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
