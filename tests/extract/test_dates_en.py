"""English dates: month-day order, abbreviations, ranges, weekdays, relative words, cues, durations, datelines."""
from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from orchestration.extract.dates import (
    PartialDate,
    find_dates,
    find_dateline,
    find_durations,
)
from tests.extract.mentions import date_mentions, one_date

LANG = "en"


dates = partial(date_mentions, lang=LANG)
one = partial(one_date, lang=LANG)


# ----------------------------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    "text, expected, surface",
    [
        ("The fair opened on Sept. 3 in Harbin.", (None, 9, 3), "Sept. 3"),
        ("The forum was held on Oct 9, 2021 in Xiamen.", (2021, 10, 9), "Oct 9, 2021"),
        ("Results were announced on Apr 18, 2022.", (2022, 4, 18), "Apr 18, 2022"),
        ("It ran on 1 September 2024 in Kazan.", (2024, 9, 1), "1 September 2024"),
        ("The deal was signed on the 5th of June.", (None, 6, 5), "the 5th of June"),
        ("The talks took place on March 3rd.", (None, 3, 3), "March 3rd"),
        ("The expo opens on JUNE 12, 2023.", (2023, 6, 12), "JUNE 12, 2023"),
        # an agency's dateline writes the year after a slash
        ("Nairobi Feb 3/2021 (KNA) The fair opened.", (2021, 2, 3), "Feb 3/2021"),
    ],
)
def test_absolute_dates(text, expected, surface):
    m = one(text)
    assert m.kind == "absolute"
    assert m.first == PartialDate(*expected)
    assert m.text == surface


def test_numeric_dates():
    assert one("Posted 07/12/2025 by staff.").first == PartialDate(2025, 7, 12)  # US month/day/year
    assert one("Posted 25/12/2025 by staff.").first == PartialDate(2025, 12, 25)  # impossible month: day first
    assert one("Report dated 12.07.2025.").first == PartialDate(2025, 7, 12)  # dots: day.month.year
    assert one("Version of 2024-04-28.").first == PartialDate(2024, 4, 28)


def test_modal_may_and_verb_march_are_not_months():
    assert dates("Delegates may 5 times more often march in the parade.") == []


def test_month_only_and_month_year():
    m = one("Talks resumed in September.", kind="month_only")
    assert m.first == PartialDate(None, 9, None)
    m = one("The report covers March 2020 results.", kind="month_only")
    assert m.first == PartialDate(2020, 3, None)
    m = one("In May, officials met.", kind="month_only")
    assert m.first.month == 5 and m.text == "In May"
    m = one("Trade grew in mid-May.", kind="month_only")
    assert m.first.month == 5


# ------------------------------------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("The expo ran Aug. 30-Sept. 1 in Urumqi.", (None, 8, 30), (None, 9, 1)),
        ("It was held from 28 August to 2 September.", (None, 8, 28), (None, 9, 2)),
        ("The fair runs August 25-27, 2024.", (2024, 8, 25), (2024, 8, 27)),
        ("The summit is held Sept. 19 to 22.", (None, 9, 19), (None, 9, 22)),
        ("The show runs 25-27 August 2024 in Berlin.", (2024, 8, 25), (2024, 8, 27)),
        ("The festival ran from Dec. 28, 2020 to Jan. 3, 2021.", (2020, 12, 28), (2021, 1, 3)),
        ("The games take place between May 5 and 9.", (None, 5, 5), (None, 5, 9)),
    ],
)
def test_ranges(text, first, last):
    m = one(text, kind="range")
    assert m.first == PartialDate(*first)
    assert m.last == PartialDate(*last)


def test_two_days_joined_by_and_are_not_a_range():
    found = dates("Meetings on May 5 and 9 were productive.")
    assert all(m.kind != "range" for m in found)


def test_weekday_range_against_dateline():
    text = ("KASHGAR, Sept. 8 (Xinhua) -- More than 300 deals were signed at the trade fair held from Wednesday to "
            "Friday, officials said.")
    found = dates(text, reference=date(2023, 9, 9))
    span = [m for m in found if m.kind == "range"][0]
    # 8 September 2023 (the dateline) is a Friday
    assert span.first.to_date() == date(2023, 9, 6)
    assert span.last.to_date() == date(2023, 9, 8)
    assert span.text == "from Wednesday to Friday"


# ------------------------------------------------------------------------- partial dates and the reference


def test_no_year_in_text_stays_unknown():
    m = one("The closing ceremony took place on Aug 31.")
    assert m.first == PartialDate(None, 8, 31)
    assert not m.resolved and not m.year_from_reference


def test_year_from_reference():
    m = one("The closing ceremony took place on Aug 31.", reference=date(2025, 9, 2))
    assert m.first.to_date() == date(2025, 8, 31)
    assert m.year_from_reference


def test_december_reported_in_january():
    m = one("Prizes were announced on Dec 12.", reference=date(2020, 1, 5))
    assert m.first.to_date() == date(2019, 12, 12)


def test_relative_year_after_date():
    m = one("Sanctions were widened on June 12 last year.", reference=date(2025, 9, 29))
    assert m.first.to_date() == date(2024, 6, 12)


# ------------------------------------------------------------------------------------------------- years


def test_historical_year_is_year_only():
    found = dates("The first sister-city tie was set up in 1979, and the forum closed on Nov 19.")
    assert [m.kind for m in found] == ["year_only", "absolute"]
    assert found[0].first == PartialDate(1979, None, None)


def test_year_in_event_name():
    m = one("Medals for the 2021 Harbin Marathon were shown.", kind="year_only")
    assert m.first.year == 2021


@pytest.mark.parametrize(
    "text",
    [
        "Organizers expanded the field to 35,000 entrants.",
        "A total of 2,724 companies and 1764 delegates took part.",
        "The champion will receive $40,000.",
        "Exports rose 19.38 percent.",
        "Registration closes at 5:00 pm.",
        "Call +86-10-63074558 for details.",
        "Powered by SomeCMS 7.2.0 ©2008-2024 example.com",
        "Copyright 2008-2024 Example Ltd.",
    ],
)
def test_not_dates(text):
    assert dates(text) == []


def test_time_before_a_date_is_not_a_date():
    found = dates("Over 9,000 people had registered by 6:00 pm on Nov 3.")
    assert [m.text for m in found] == ["Nov 3"]


# ---------------------------------------------------------------------------------------- relative dates


def test_weekday_resolution():
    # 2 September 2018 is a Sunday
    m = one("Officials said at a briefing Saturday that contracts were signed.", reference=date(2018, 9, 2))
    assert m.kind == "weekday" and m.first.to_date() == date(2018, 9, 1)


@pytest.mark.parametrize("text, expected", [
    # 9 April 2023 is a Sunday; the quoted "will" belongs to the speaker, the conference was held two days before
    ("'Firms will sign up,' the director said at the promotion conference held Friday in the city hall.",
     date(2023, 4, 7)),
    ("The promotion conference will be held Friday in the city hall.", date(2023, 4, 14)),
])
def test_a_weekday_after_held_is_past_and_after_be_held_is_to_come(text, expected):
    assert one(text, reference=date(2023, 4, 9)).first.to_date() == expected


def test_a_numeric_date_before_a_clock_written_with_h_is_day_first():
    stamped, plain = find_dates("Posted 05/11/2021 14h37. The forum opened on 05/11/2021 at noon.", "en")
    assert (stamped.first.month, stamped.first.day) == (11, 5)
    assert (plain.first.month, plain.first.day) == (5, 11)


def test_today_as_the_last_word_of_a_name_is_no_day():
    assert not find_dates("One of the guests at the forum. – By Egypt Today", "en", date(2017, 11, 6))
    assert not find_dates("He told USA TODAY that the talks went well.", "en", date(2017, 11, 6))
    [today] = find_dates("Today the forum opened in Cairo.", "en", date(2017, 11, 6))
    assert today.first.to_date() == date(2017, 11, 6)


def test_last_weekday():
    m = one("The delegation arrived last Friday.", reference=date(2023, 6, 9))  # a Friday
    assert m.first.to_date() == date(2023, 6, 2)


def test_future_weekday():
    m = one("The fair will open on Tuesday.", reference=date(2023, 6, 8))  # a Thursday
    assert m.first.to_date() == date(2023, 6, 13)
    assert m.cue == "opening"


@pytest.mark.parametrize("text", ["The two-day summit begins on Thursday.", "Talks on the port deal start on Thursday."])
def test_a_weekday_after_a_present_tense_verb_of_beginning_is_the_coming_one(text):
    # the present simple of a timetable: written on a Wednesday, "begins on Thursday" is the next day
    assert one(text, reference=date(2024, 5, 8)).first.to_date() == date(2024, 5, 9)


@pytest.mark.parametrize("text", ["The trade fair holds at the exhibition centre from November 9 to November 12.",
                                  "The forthcoming fair, from November 9 to November 12, expects 300 exhibitors."])
def test_a_timetable_present_or_a_forthcoming_event_dates_the_coming_autumn_not_the_last(text):
    # written in late August: November is ten weeks ahead, and the sentence announces it
    assert one(text, reference=date(2024, 8, 27)).first.to_date() == date(2024, 11, 9)


def test_today_and_yesterday():
    found = dates("The expo closed today; yesterday 20 deals were signed.", reference=date(2022, 3, 10))
    assert [m.first.to_date() for m in found] == [date(2022, 3, 10), date(2022, 3, 9)]
    assert found[0].cue == "closing"


def test_last_week():
    m = one("The expo that ended last week drew crowds.", reference=date(2016, 7, 20))
    assert m.approximate and m.first.to_date() == date(2016, 7, 11) and m.last.to_date() == date(2016, 7, 17)


def test_relative_years():
    found = dates("This year the fair grew; last year it was smaller.", reference=date(2019, 12, 17))
    assert [m.first.year for m in found] == [2019, 2018]


# -------------------------------------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The expo opened on June 5 in Harbin.", "opening"),
        ("The expo closed on June 8 in Harbin.", "closing"),
        ("The forum, which concluded on June 8, drew 500 guests.", "closing"),
        ("On June 8, the forum came to a close.", "closing"),
        ("The forum was held on June 8.", None),
    ],
)
def test_cues(text, cue):
    assert one(text).cue == cue


def test_spaced_dash_ends_the_clause():
    m = one("Over 9,000 people had registered by 6:00 pm on Nov 3 – just days after registration opened.")
    assert m.cue is None


def test_each_date_gets_its_own_cue():
    found = dates("The fair opened on May 5 and closed on May 7.")
    assert [m.cue for m in found] == ["opening", "closing"]


# --------------------------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    "text, days",
    [
        ("The two-day forum ended.", 2),
        ("A 3-day expo was held.", 3),
        ("The fair ran for four days.", 4),
        ("Talks lasted over five days.", 5),
        ("The week-long festival closed.", 7),
        ("The summit closed after four days of talks.", 4),
        ("During the three days of the show, 900 firms exhibited.", 3),
        ("The fair drew crowds during its five days.", 5),
    ],
)
def test_durations(text, days):
    assert [d.days for d in find_durations(text, LANG)] == [days]


def test_days_after_an_event_are_no_duration_of_it():
    assert find_durations("Three days after the summit closed, the ministers met again.", LANG) == []


# --------------------------------------------------------------------------------------------- datelines


def test_dateline_with_agency_in_parentheses():
    text = "HOHHOT, Aug. 14 (Xinhua) -- A trade fair closed here on Monday."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "HOHHOT"
    assert dl.date == PartialDate(None, 8, 14)
    assert dl.agency == "Xinhua"
    assert text[dl.start:dl.end] == "HOHHOT, Aug. 14 (Xinhua) --"


def test_press_release_dateline_with_state_and_year():
    text = "SAN JOSE, Calif., March 3, 2024 /PRNewswire/ -- The company announced a partnership."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "SAN JOSE"
    assert dl.date == PartialDate(2024, 3, 3)
    assert dl.agency == "PRNewswire"


def test_dateline_without_date():
    dl = find_dateline("GENEVA (Reuters) - Talks resumed on Monday.", LANG)
    assert dl.place_surface == "GENEVA" and dl.date is None and dl.agency == "Reuters"


@pytest.mark.parametrize("text, place, agency", [
    ("ALMATY. NEWSWIRE The regional forum closed with a plenary session.", "ALMATY", "NEWSWIRE"),
    ("NUR-SULTAN. NEWSWIRE – The regional forum closed.", "NUR-SULTAN", "NEWSWIRE"),
])
def test_dateline_of_a_place_and_an_agency_in_capitals_parted_by_a_full_stop(text, place, agency):
    dl = find_dateline(text, LANG)
    assert (dl.place_surface, dl.date, dl.agency) == (place, None, agency)


@pytest.mark.parametrize("text", [
    "BREAKING NEWS. Forum opened in Kazan.",  # no agency in capitals after the stop
    "MOSCOW. The forum opened on Monday.",
])
def test_a_capitalised_word_and_a_full_stop_make_no_dateline(text):
    assert find_dateline(text, LANG) is None


def test_dateline_after_title_and_timestamp_lines():
    text = ("China-Asia Expo closes with deals\n\n2019-06-03 10:15  Xinhua\n\n"
            "NANNING, June 2 (Xinhua) -- The expo closed on Sunday.")
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "NANNING" and dl.date == PartialDate(None, 6, 2)


def test_dateline_after_a_syndicators_credit_in_brackets():
    text = "(Wire Digest - Caspian Business Agency) BAKU, Azerbaijan, May 7. The two sides signed six documents."
    dl = find_dateline(text, LANG)
    assert dl.place_surface == "BAKU" and dl.date == PartialDate(None, 5, 7)
    assert text[dl.start:dl.start + 4] == "BAKU"


def test_a_bracket_before_a_plain_sentence_makes_no_dateline():
    assert find_dateline("(Updated) Beijing, the capital, hosted the forum.", LANG) is None


def test_plain_sentence_is_not_a_dateline():
    assert find_dateline("Beijing, the capital, hosted the forum.", LANG) is None


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_two_numeric_dates_joined_by_a_dash_are_one_span(lang):
    from orchestration.extract.dates import find_dates

    found = find_dates("Dates: 23.11.2021 - 26.11.2021", lang, None)
    assert [(m.kind, m.first.day, m.last.day, m.last.month) for m in found] == [("range", 23, 26, 11)]


def test_a_span_that_ends_before_it_starts_is_two_dates():
    from orchestration.extract.dates import find_dates

    assert [m.kind for m in find_dates("05.11.2021 - 05.08.2021", "en", None)] == ["absolute", "absolute"]


def test_a_weekday_and_a_timestamp_opening_a_line_is_no_dateline():
    assert find_dateline("Thursday, 26 November 2015 00:00 - - hits\nThe forum opened in Valletta.", "en") is None
