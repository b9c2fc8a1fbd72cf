"""The event's dates in English reports: years, days, weekdays completed from the day of the report; openings,
closings and bounds; background years; a signing's date. Sentences written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from tests.extract.document_helpers import summarise

LANG = "en"


def dates(text: str, reference: date | None = None):
    return [m for m in find_dates(text, LANG, reference) if m.kind != "year_only"]


def event_dates(page: str) -> tuple | None:
    s = summarise(page)
    assert s.relevant, s.reason
    return s.date


# ------------------------------------------------------------------------------ a year completed from the report


@pytest.mark.parametrize("text, reference, expected", [
    ("The fair was held in Tianjin on March 3.", date(2024, 3, 10), date(2024, 3, 3)),
    ("The fair was held in Tianjin on December 12.", date(2024, 1, 5), date(2023, 12, 12)),  # across the new year
    ("The fair was held in Tianjin on August 30.", date(2024, 2, 1), date(2023, 8, 30)),  # seven months ahead
])
def test_a_month_and_day_take_the_nearest_plausible_year(text, reference, expected):
    [m] = dates(text, reference)
    assert m.first.to_date() == expected and m.year_from_reference


def test_a_preview_looks_ahead_further():
    [m] = dates("The fair will be held in Tianjin from September 14 to 16.", date(2024, 5, 10))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 9, 14), date(2024, 9, 16))


def test_the_year_completed_from_the_publication_date_is_inferred():
    page = ("Fair in Tianjin\nPublished: 2024-03-10\n"
            "The trade fair was held in Tianjin on March 3, and companies from China and Kazakhstan signed "
            "12 cooperation agreements.")
    assert event_dates(page) == (2024, 3, 3, 2024, 3, 3, True)


def test_a_dateline_with_a_year_dates_the_report():
    page = ("Forum closes\n"
            "TIANJIN, March 4, 2022 (Agency) -- The sister-city forum closed in Tianjin on Wednesday after "
            "delegations from China and Russia signed cooperation agreements.")
    assert event_dates(page)[:6] == (None, None, None, 2022, 3, 2)


def test_without_any_year_in_the_text_the_year_stays_unknown():
    page = ("Cities sign agreements\n"
            "Delegations from China and Russia signed sister-city agreements at a forum in Tianjin on March 9.")
    assert event_dates(page)[:6] == (None, 3, 9, None, 3, 9)


# ------------------------------------------------------------------------------------ a day alone, a weekday


def test_a_day_alone_needs_its_preposition_and_takes_the_report_month():
    [m] = dates("The talks resumed on the 14th, officials said.", date(2023, 3, 16))
    assert m.first.to_date() == date(2023, 3, 14) and m.month_from_context
    assert dates("She finished 14th in the race.", date(2023, 3, 16)) == []
    assert dates("It was the 14th edition of the fair.", date(2023, 3, 16)) == []


@pytest.mark.parametrize("text, expected", [
    ("The expo opened in Tianjin on Thursday.", date(2024, 6, 6)),  # reported on Saturday: two days back
    ("The expo opened in Tianjin on Saturday.", date(2024, 6, 8)),  # the day of the report itself
    ("The expo opened in Tianjin last Saturday.", date(2024, 6, 1)),
    ("The expo will open in Tianjin on Thursday.", date(2024, 6, 13)),  # a preview: the coming Thursday
    ("The expo opens in Tianjin on Thursday.", date(2024, 6, 13)),
])
def test_a_weekday_resolves_against_the_day_of_the_report(text, expected):
    [m] = dates(text, date(2024, 6, 8))
    assert m.first.to_date() == expected and m.kind == "weekday"


def test_a_weekday_closing_with_a_duration():
    page = ("Forum in Tianjin\nPublished: 2023-03-18\n"
            "The two-day sister-city forum closed in Tianjin on Friday after delegations from China and Russia "
            "signed cooperation agreements.")
    assert event_dates(page) == (2023, 3, 16, 2023, 3, 17, True)


def test_an_unhyphenated_length_counts_back_from_the_closing_day():
    page = ("Forum in Tianjin\nPublished: 2023-03-22\n"
            "Firms from China and Russia signed cooperation agreements at the four day sister-city forum. "
            "The forum closed in Tianjin on Friday.")
    assert event_dates(page) == (2023, 3, 14, 2023, 3, 17, True)


def test_a_clause_reports_while_its_sentence_announces():
    # reported on a Friday: the opening was two days back, the closing is two days ahead
    text = "The expo, which runs through Sunday, opened on Wednesday."
    found = {m.first.to_date(): (m.future, m.bound) for m in dates(text, date(2024, 6, 7))}
    assert found == {date(2024, 6, 5): (False, None), date(2024, 6, 9): (True, "until")}


# ---------------------------------------------------------------------------- openings, closings and bounds


def test_an_opening_gives_the_start_and_until_gives_the_end():
    page = ("Fair in Tianjin\nPublished: 2024-05-06\n"
            "The trade fair opened in Tianjin on May 5 and runs until May 9, with companies from ten countries "
            "signing cooperation agreements.")
    assert event_dates(page)[:6] == (2024, 5, 5, 2024, 5, 9)


def test_until_a_day_alone():
    found = dates("The expo opened on the 5th and runs until the 9th.", date(2024, 6, 7))
    assert [(m.first.day, m.bound) for m in found] == [(5, None), (9, "until")]


def test_an_opening_day_report_has_no_end():
    page = ("Expo opens\nPublished: 2024-05-06\n"
            "The trade expo opened in Tianjin today, and companies from China and Kazakhstan signed cooperation "
            "agreements.")
    assert event_dates(page)[:6] == (2024, 5, 6, None, None, None)


def test_a_forum_declared_open_on_a_day_has_no_end():
    page = ("Investment forum\nThe Second Danube Investment Forum was declared open on Tuesday, 7 June 2022 in Novi Sad "
            "by the prime minister, and delegations from Timisoara and Pecs signed cooperation agreements.")
    assert event_dates(page)[:6] == (2022, 6, 7, None, None, None)


def test_a_report_of_the_first_day_has_no_end():
    page = ("Trade fair draws buyers\nPublished: 2024-05-08\n"
            "On May 7, the first day of the fair in Tianjin, companies from China and Kazakhstan signed cooperation "
            "agreements.")
    assert event_dates(page)[:6] == (2024, 5, 7, None, None, None)


def test_from_to_is_a_span_and_and_joins_only_following_days():
    [m] = dates("The forum ran from May 30 to June 2.", date(2024, 6, 5))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 5, 30), date(2024, 6, 2))
    [m] = dates("The forum took place on June 5 and 6.", date(2024, 6, 7))
    assert (m.first.day, m.last.day) == (5, 6)
    assert [m.text for m in dates("Meetings took place on June 5 and 7.")] == ["June 5"]


# ------------------------------------------------------------------------------------------------- years


def test_since_and_first_held_years_are_background():
    page = ("Expo opens\n"
            "The expo, first held in 2011, opened in Urumqi on June 26, and companies from 30 countries signed "
            "cooperation agreements.")
    assert event_dates(page)[:6] == (None, 6, 26, None, None, None)
    [since] = [m for m in find_dates("It has been held every year since 2015.", LANG) if m.kind == "year_only"]
    assert since.bound == "since"
    # opening the sentence, with its capital
    [since] = [m for m in find_dates("Since 2015, the fair has been held every year.", LANG) if m.kind == "year_only"]
    assert since.bound == "since"


def test_a_number_that_is_no_year_does_not_date_the_event():
    page = ("Fair in Tianjin\n"
            "The trade fair was held in Tianjin on May 5, and 2019 companies signed cooperation agreements.")
    assert event_dates(page)[:6] == (None, 5, 5, None, 5, 5)


def test_a_date_of_another_year_than_the_report_is_another_edition():
    page = ("Expo opens\nPublished: 2024-05-06\n"
            "The previous expo ran from May 10 to 14, 2021. The new expo opened in Tianjin on May 5, and companies "
            "from China and Kazakhstan signed cooperation agreements.")
    assert event_dates(page)[:6] == (2024, 5, 5, None, None, None)


# ---------------------------------------------------------------------------------------------- a signing


def test_the_date_of_a_signing_dates_an_event_given_no_other():
    page = ("Sister-city forum\nPublished: 2023-11-20\n"
            "A sister-city forum of Chinese and Russian cities took place in Tianjin.\n"
            "The mayors signed the cooperation agreements on November 17.")
    assert event_dates(page) == (2023, 11, 17, 2023, 11, 17, True)


# ------------------------------------------------------------------- a sentence that goes on about the event


def test_the_sentence_after_the_event_gives_its_opening_day():
    page = ("Regional fair in Omsk\n"
            "date 2023-03-16\n"
            "Delegations from China and Mongolia came to the interregional trade fair in Omsk. "
            "Its doors opened on Wednesday, March 15, for three days of talks.")
    assert event_dates(page)[:3] == (2023, 3, 15)


def test_a_day_with_an_ordinal_suffix_in_a_span():
    [m] = dates("The exhibition runs from the 6th to the 10th of August.")
    assert (m.first.month, m.first.day, m.last.day) == (8, 6, 10)


def test_today_in_a_quotation_is_the_speakers_day_not_the_events():
    page = ("Twin towns meet in Kazan\n"
            "date 2024-05-20\n"
            "Delegations from Turkey and China signed 12 agreements at the twin towns forum in Kazan.\n"
            "\"We are already preparing today for the next forum,\" the mayor said.")
    assert event_dates(page) is None


def test_a_founding_year_is_background_not_the_events():
    page = ("Omsk fair closes\n"
            "The third Russia-Mongolia trade fair closed in Omsk on June 19, and companies of both countries signed "
            "cooperation agreements. A business union founded in 2016 came to the fair for the first time.")
    assert event_dates(page)[3:6] == (None, 6, 19)


def test_a_cue_after_another_date_is_that_dates():
    assert [m.cue for m in find_dates("The fair opened on June 5, a deal was signed on June 7 and the fair closed on "
                                      "June 9.", "en", date(2024, 6, 10))] == ["opening", None, "closing"]


def test_a_day_the_event_is_held_on_starts_it_when_the_event_lasts_several_days():
    page = ("Fair in Harbin\nPublished: 2024-06-04\n"
            "The China-Russia fair was held in Harbin on June 4, and companies signed 30 agreements. "
            "The four-day fair features 500 exhibitors.")
    assert event_dates(page) == (2024, 6, 4, 2024, 6, 7, True)


@pytest.mark.parametrize("page, day", [
    ("Investment conference\nThe city's council announced on March 3, 2022 that the Lakes Investment Conference "
     "will be held on March 9, 2022 in Kisumu.", (2022, 3, 9)),
    ("Инвестиционная конференция\nМэрия заявила 3 марта 2022 года, что инвестиционная конференция пройдёт в Казани "
     "9 марта 2022 года.", (2022, 3, 9)),
])
def test_the_day_something_was_said_is_no_day_of_the_event_beside_another(page, day):
    assert summarise(page).date[:3] == day


def test_the_day_something_was_said_still_dates_an_event_with_no_other_day():
    page = ("Trade forum\nThe mayor said on March 3, 2022 that the Lakes Trade Forum had drawn 400 firms to "
            "Kisumu.")
    assert summarise(page).date[:3] == (2022, 3, 3)


@pytest.mark.parametrize("page", [
    ("Trade conference\nMarch 3, 2022\nMore than 500 investors are to attend the Porto Investment Conference, the "
     "city council announced on March 3. The event, scheduled for March 5 at the Porto Congress Centre, will "
     "gather delegations from Lyon and Turin."),
    ("Trade conference\nMarch 3, 2022\nMore than 500 investors are to attend the Porto Investment Conference, the "
     "city council announced on March 3. The gathering is slated for March 5 at the Porto Congress Centre."),
])
def test_the_sentence_after_a_day_something_was_said_gives_the_events_own_day(page):
    assert summarise(page).date[:3] == (2022, 3, 5)


@pytest.mark.parametrize("page", [
    ("Trade fair opens\nMarch 6, 2022\nKISUMU - The third Lakes Trade Fair officially opened in Kisumu on Sunday, "
     "organisers said. \"Today's fair shows how far the region has come,\" the governor told guests. The fair runs "
     "from March 5-8 at the Kisumu showground."),
    ("Открылась ярмарка\n6 марта 2022 года\nКИСУМУ. Третья международная ярмарка «Озёра» официально открылась в "
     "Кисуму в воскресенье, в ней участвуют делегации из Кампалы и Мванзы. «Сегодняшняя ярмарка показывает, чего достиг регион», – сказал губернатор. Ярмарка проходит с 5 "
     "по 8 марта на выставочной площадке Кисуму."),
])
def test_a_day_inside_the_span_the_text_gives_the_event_leaves_the_span_its_dates(page):
    assert summarise(page).date[:6] == (2022, 3, 5, 2022, 3, 8)


@pytest.mark.parametrize("page, expected", [
    # a party's arrival opens its visit; a weekday the present tense schedules lies ahead of the report
    ("Twin town visit\nPublished: 2017-03-14\nThe twinning delegation from Eppstein arrives in Kenilworth on Thursday "
     "for a three-day visit.", (2017, 3, 16, 2017, 3, 18)),
    ("Twin town visit\nPublished: 2023-05-20\nThe twin town delegation from Tartu arrived in Kazan on Monday for a "
     "three-day visit.", (2023, 5, 15, 2023, 5, 17)),
    ("Expo in Kazan\nPublished: 2023-05-17\nThe trade expo, with firms from 20 countries, opened in Kazan on Tuesday "
     "and closes on Friday.", (2023, 5, 16, 2023, 5, 19)),
])
def test_a_visits_arrival_opens_it_and_a_scheduled_weekday_lies_ahead(page, expected):
    assert event_dates(page)[:6] == expected
