"""A month told by a year word ("昨年5月", "去年1-9月", "in May last year", «в мае прошлого года») is a month of the
year counted from the report's, also with the year glossed in brackets ("昨年（2022年）5月"); not of the report's
own year."""
from __future__ import annotations

from datetime import date

import pytest

from tests.extract.mentions import date_mentions

REPORT = date(2023, 9, 7)


@pytest.mark.parametrize("text, lang, first, last", [
    ("昨年5月に両市の市長が会談した。", "ja", (2022, 5), (2022, 5)),
    ("昨年（2022年）5月に両市の市長が会談した。", "ja", (2022, 5), (2022, 5)),
    ("来年3月に次回の会議を開く。", "ja", (2024, 3), (2024, 3)),
    ("去年5月，两市市长举行了会谈。", "zh", (2022, 5), (2022, 5)),
    ("去年1-9月，两市贸易额有所增长。", "zh", (2022, 1), (2022, 9)),
    ("In May last year the two mayors met.", "en", (2022, 5), (2022, 5)),
    ("The next forum will open in March of next year.", "en", (2024, 3), (2024, 3)),
    ("В мае прошлого года мэры двух городов встретились.", "ru", (2022, 5), (2022, 5)),
])
def test_a_month_of_a_year_counted_from_the_report(text, lang, first, last):
    found = [m for m in date_mentions(text, REPORT, lang=lang) if m.kind in ("month_only", "range")]
    assert len(found) == 1
    mention = found[0]
    end = mention.last or mention.first
    assert ((mention.first.year, mention.first.month), (end.year, end.month)) == (first, last)
