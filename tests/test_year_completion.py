"""The warehouse completes a year the text leaves out from the publication date, but not one the extractor left
unknown on purpose: a weekday written beside the date that the report's year contradicts. Pages written for this
test."""
from __future__ import annotations

import duckdb

from tests.conftest import run_texts

# 10 May 2019 was a Friday, 10 May 2022 a Tuesday
CONTRADICTED = "友好都市交流会\ndate 2019-10-29\n5月10日(火曜日)、姉妹都市の代表団を迎えて記念式典を開催しました。\n"
FITTING = "友好都市の記念式典\ndate 2022-05-20\n5月10日(火曜日)、友好都市の訪問団を迎え、友好都市提携記念式典を開催しました。\n"


def test_a_year_the_weekday_contradicts_stays_unknown_in_the_warehouse(tmp_path):
    warehouse = run_texts(tmp_path, {"contradicted.txt": CONTRADICTED, "fitting.txt": FITTING})
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select regexp_extract(d.uri, '([a-z]+)\\.txt$', 1), e.start_date, e.start_month, e.start_day, e.year_inferred"
            " from marts.fct_events e join marts.fct_event_mentions m using (event_id)"
            " join marts.dim_documents d using (document_id)").fetchall()
    dates = {name: rest for name, *rest in rows}
    assert dates["contradicted"][:3] == [None, 5, 10]
    assert str(dates["fitting"][0]) == "2022-05-10" and dates["fitting"][3] is True
