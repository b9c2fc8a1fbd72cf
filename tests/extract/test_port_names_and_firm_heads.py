"""A city whose own English name opens with a word that alone is no town ("Port Moresby", "Gold Coast") is that city;
a town's name inside a firm's name ("… Memory Technologies, Inc.") is no side of the event. Pages written for these
tests."""
from __future__ import annotations

from tests.extract.document_helpers import summarise


def test_a_city_named_port_something_takes_part():
    s = summarise(" date 2021-04-12 Pacific mayors meet\nMayors of Pacific island capitals met in Suva on Monday for a "
                  "two-day cooperation forum. Delegations from Port Moresby and Port Louis signed a memorandum with "
                  "the host city.")
    assert s.host == "Suva" and {"Port Moresby", "Port Louis"} <= s.partners


def test_a_port_or_a_zone_alone_is_still_no_town():
    s = summarise(" date 2021-04-12 Trade forum in Suva\nA cooperation forum opened in Suva on Monday. Port officials "
                  "and the Free Trade Zone signed a memorandum on shipping.")
    assert s.host == "Suva" and s.partners == set()


def test_a_towns_name_inside_a_firms_name_is_no_partner():
    s = summarise(" date 2021-04-12 Investment fair closes\nThe Wuhan investment fair closed on Monday with 40 projects "
                  "signed. The biggest project was signed with Xiangtan Memory Technologies, Inc., worth 2 billion "
                  "yuan.")
    assert s.host == "Wuhan" and s.partners == set()
