"""A town's name that is somebody's name where he speaks, the venue of an event still to come, and a town's
newspaper: none of them is a side of the event. Sentences written for these tests."""
from __future__ import annotations

from tests.extract.document_helpers import summarise


def test_a_town_name_in_a_speakers_full_name_is_no_place_nor_alone_where_he_speaks_again():
    s = summarise(" date 2019-06-10 Business forum\nFirms from India and China signed 12 agreements at a business "
                  "forum on Tuesday. The two sides could do more, the department's secretary, Vikram Kant, said. "
                  "Investment should grow, Kant added.")
    assert s.host is None and s.partners == set()
    titled_first = summarise(" date 2019-06-10 Business forum\nFirms from India and China signed 12 agreements at a "
                             "business forum on Tuesday. Minister Vikram Kant said the two sides could do more.")
    assert titled_first.host is None  # "Minister Vikram Kant": the name after a title is still a name


def test_a_speaker_named_like_two_towns_or_a_town_that_speaks_stays_as_it_was():
    # "Hong Kong said": both words are the one place; nobody's name is read into it
    s = summarise(" date 2019-06-10 Trade fair in Dalian\nA trade fair opened in Dalian on Monday, where a delegation "
                  "from Hong Kong signed three agreements. Hong Kong said more would follow.")
    assert s.host == "Dalian" and s.partners == {"Hong Kong"}


def test_the_venue_of_an_event_still_to_come_is_no_partner():
    ru = summarise(" date 2019-06-10 Меморандум подписан\nВ Алма-Ате в понедельник подписан меморандум о подготовке "
                   "Казахстана к участию в ярмарке, которая пройдет в Ташкенте осенью.")
    assert ru.host == "Almaty" and ru.partners == set()
    en = summarise(" date 2019-06-10 Forum in Almaty\nA delegation from Bishkek signed two agreements at the regional "
                   "forum in Almaty on Monday. Kazakh firms are preparing to take part in a trade fair that will be "
                   "held in Tashkent in autumn.")
    assert en.host == "Almaty" and en.partners == {"Bishkek"}


def test_a_preview_keeps_its_own_venue_as_host():
    s = summarise(" date 2019-06-10 Ярмарка в Казани\nМеждународная ярмарка пройдет в Казани с 20 по 22 июня; "
                  "участие подтвердили делегации из Минска.")
    assert s.host == "Kazan" and s.partners == {"Minsk"}


def test_a_towns_newspaper_is_an_outlet_not_a_side():
    s = summarise(" date 2019-06-10 项目签约\n广州晨报讯 昨日，第五届中俄博览会在哈尔滨开幕，来自叶卡捷琳堡的代表团签署了3项合作协议。")
    assert s.host == "Harbin" and s.partners == {"Yekaterinburg"}


def test_a_town_name_in_a_full_name_with_a_title_after_it_or_a_signature_is_a_persons():
    s = summarise(" date 2019-06-10 Business forum\nFirms from India and China signed 12 agreements at a business "
                  "forum on Tuesday. Vikram Kant, secretary of the department, welcomed the guests. Kant signed the "
                  "first memorandum.")
    assert s.host is None and s.partners == set()


def test_a_town_name_in_a_hyphenated_surname_of_a_titled_person_is_no_place():
    s = summarise(" date 2019-06-10 Investment forum in Nairobi\nInvestors signed deals worth $2 billion at the "
                  "investment forum in Nairobi on Monday. The organisers praised President Kofi Addo Mensah-Addo’s "
                  "participation in the forum.")
    assert s.host == "Nairobi" and s.partners == set()

