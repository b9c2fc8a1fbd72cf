"""A count over months of a year (the first nine months, a half-year, January to September) is a period's
statistic, not one event's result; the same count told of the event stays. Sentences written for these tests."""
from __future__ import annotations

import pytest

from orchestration.extract.counts import find_agreement_counts


@pytest.mark.parametrize("text, lang", [
    ("今年前三季度，全市共签约外资项目45个。", "zh"),
    ("1-9月，开发区累计签约项目45个。", "zh"),
    ("上半年全省共签约合作项目45个。", "zh"),
    ("今年1-9月に同市が結んだ投資案件は40件に上った。", "ja"),
    ("第1-3四半期には外資系企業と40件の契約が結ばれた。", "ja"),
    ("За январь-сентябрь область заключила 40 соглашений.", "ru"),
    ("В первом полугодии подписано 40 соглашений.", "ru"),
    ("In the first nine months, the province signed 40 agreements.", "en"),
    ("January-September saw 40 agreements signed with foreign firms.", "en"),
])
def test_a_count_over_months_of_a_year_is_no_events_count(text, lang):
    assert find_agreement_counts(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("11月1-5日，博览会共签约项目45个。", "zh"),
    ("会期中に40件の契約が調印された。", "ja"),
    ("В ходе форума подписано 40 соглашений.", "ru"),
    ("At the fair, 40 agreements were signed.", "en"),
])
def test_the_events_own_count_stays(text, lang):
    assert [c.value for c in find_agreement_counts(text, lang)] in ([40], [45])


@pytest.mark.parametrize("text, lang", [
    ("今年に入って新たに結ばれた提携数は12件となる。", "ja"),
    ("今年以来，该市已签署合作协议15份。", "zh"),
    ("С начала года область заключила 14 соглашений.", "ru"),
    ("Since the start of the year the city has signed 14 agreements.", "en"),
    # after an earlier figure, the word of this year still opens the year's total
    ("この協定で同市の提携は通算31件目となり、今年に入って新たに結ばれた提携数も12件となる。", "ja"),
    ("The pact is the city's 31st, and since the start of this year it has signed 12 agreements.", "en"),
])
def test_a_count_since_the_start_of_the_year_is_no_events_count(text, lang):
    assert find_agreement_counts(text, lang) == []
