"""The event's dates in Japanese reports: years, days, weekdays completed from the day of the report; openings,
closings and bounds; era and two-digit years; background years; a signing's date. Sentences written for these
tests."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.extract.dates import find_dates
from tests.extract.document_helpers import summarise

LANG = "ja"


def dates(text: str, reference: date | None = None):
    return [m for m in find_dates(text, LANG, reference) if m.kind != "year_only"]


def event_dates(page: str) -> tuple | None:
    s = summarise(page)
    assert s.relevant, s.reason
    return s.date


# ------------------------------------------------------------------------------ a year completed from the report


@pytest.mark.parametrize("text, reference, expected", [
    ("交流会は3月3日に天津市で開かれた。", date(2024, 3, 10), date(2024, 3, 3)),
    ("交流会は12月12日に天津市で開かれた。", date(2024, 1, 5), date(2023, 12, 12)),  # across the new year
    ("交流会は8月30日に天津市で開かれた。", date(2024, 2, 1), date(2023, 8, 30)),  # seven months ahead
])
def test_a_month_and_day_take_the_nearest_plausible_year(text, reference, expected):
    [m] = dates(text, reference)
    assert m.first.to_date() == expected and m.year_from_reference


def test_a_preview_looks_ahead_further():
    [m] = dates("交流会は9月14日から16日まで天津市で開催される予定だ。", date(2024, 5, 10))
    assert (m.first.to_date(), m.last.to_date()) == (date(2024, 9, 14), date(2024, 9, 16))


def test_the_year_completed_from_the_publication_date_is_inferred():
    page = ("交流会を開催\n2024年3月10日 09:00\n"
            "中ロ地方協力交流会が3月3日に天津市で開かれ、両国の企業が協力協定12件に調印した。")
    assert event_dates(page) == (2024, 3, 3, 2024, 3, 3, True)


# ------------------------------------------------------------------------------------ a day alone, a weekday


def test_a_day_alone_takes_the_month_of_the_report():
    page = ("商談会を開催\n2021年4月15日 10:00\n"
            "中ロ科学技術協力商談会が12日、大連市で開かれ、両国の企業が協力協定20件に調印した。")
    assert event_dates(page) == (2021, 4, 12, 2021, 4, 12, True)
    [m] = dates("会談は28日に行われた。", date(2024, 3, 2))
    assert m.first.to_date() == date(2024, 2, 28)  # the 28th, seen on the 2nd, is last month's


def test_a_day_in_kanji_numerals_takes_the_month_of_the_report():
    page = ("友好都市提携三十周年\n2021年4月15日 10:00\n"
            "室蘭市と中国・日照市の友好都市提携三十周年を記念する式典が十二日、室蘭市内のホテルで行われ、両市は交流協定に"
            "調印した。")
    assert event_dates(page) == (2021, 4, 12, 2021, 4, 12, True)
    # "one day" is no day
    assert dates("一日も早い再開を願い、一日中話し合った。", date(2024, 3, 2)) == []


def test_a_day_of_last_month():
    [m] = dates("先月28日、博覧会がハルビン市で閉幕した。", date(2024, 1, 7))
    assert m.first.to_date() == date(2023, 12, 28)


def test_a_range_of_days_of_next_month():
    [m] = dates("姉妹都市会議は来月3日から5日まで、函館市で開かれる。", date(2024, 12, 20))
    assert (m.first.to_date(), m.last.to_date()) == (date(2025, 1, 3), date(2025, 1, 5))


def test_a_day_alone_after_an_old_date_takes_the_reports_month():
    found = dates("第1回は2011年5月15日に開かれた。今回の商談会は12日に開幕した。", date(2024, 9, 14))
    assert found[-1].first.to_date() == date(2024, 9, 12)


@pytest.mark.parametrize("text, expected", [
    ("博覧会が木曜日に天津市で開幕した。", date(2024, 6, 6)),  # reported on Saturday: two days back
    ("博覧会が土曜日に天津市で開幕した。", date(2024, 6, 8)),  # the day of the report itself
    ("博覧会が先週の土曜日に天津市で開幕した。", date(2024, 6, 1)),
    ("博覧会は木曜日に天津市で開幕する予定だ。", date(2024, 6, 13)),  # a preview: the coming Thursday
])
def test_a_weekday_resolves_against_the_day_of_the_report(text, expected):
    [m] = dates(text, date(2024, 6, 8))
    assert m.first.to_date() == expected and m.kind == "weekday"


def test_a_weekday_closing_report():
    page = ("博覧会が閉幕\n2024年6月8日 09:00\n"
            "第8回中ロ博覧会が木曜日にハルビン市で閉幕し、両国の企業が協力協定30件に調印した。")
    assert event_dates(page) == (None, None, None, 2024, 6, 6, True)


def test_a_clause_reports_while_its_sentence_announces():
    # reported on a Friday: the opening was two days back, the closing is two days ahead
    found = {m.first.to_date(): (m.future, m.bound) for m in dates("水曜日に開幕した博覧会は日曜日まで続く。", date(2024, 6, 7))}
    assert found == {date(2024, 6, 5): (False, None), date(2024, 6, 9): (True, "until")}


# ---------------------------------------------------------------------------- openings, closings and bounds


def test_an_opening_gives_the_start_and_until_gives_the_end():
    page = ("博覧会が開幕\n2024年5月6日 09:00\n"
            "第8回中ロ博覧会は5月5日にハルビン市で開幕し、両国の企業が協力協定30件に調印した。"
            "展示会は5月9日まで開催される。")
    assert event_dates(page)[:6] == (2024, 5, 5, 2024, 5, 9)


def test_a_report_of_the_first_day_has_no_end():
    page = ("博覧会初日に調印\n2024年5月8日 09:00\n"
            "第8回中ロ博覧会の初日の5月7日、ハルビン市で両国の企業が協力協定30件に調印した。")
    assert event_dates(page)[:6] == (2024, 5, 7, None, None, None)


def test_a_gloss_in_brackets_does_not_cut_the_clause_from_its_verb():
    [m] = dates("博覧会は5月5日、昆明（クンミン）市の会場で開幕した。", date(2024, 5, 6))
    assert m.cue == "opening"


def test_from_and_until_words():
    found = {m.text: m.bound for m in dates("展示会は5月5日から一般公開され、5月9日まで続く。")}
    assert found == {"5月5日": "from", "5月9日": "until"}


def test_a_closing_today_with_a_duration():
    page = ("博覧会が閉幕\n2024年6月8日 09:00\n"
            "ハルビン市で開かれていた中ロ博覧会が今日、4日間の日程を終えて閉幕し、両国の企業が協力協定30件に調印した。")
    assert event_dates(page) == (2024, 6, 5, 2024, 6, 8, True)


# ------------------------------------------------------------------------------------------------- years


@pytest.mark.parametrize("text, expected", [
    ("令和6年3月25日、商談会が大連市で開かれた。", date(2024, 3, 25)),
    ("平成30年3月25日、商談会が大連市で開かれた。", date(2018, 3, 25)),
    ("24年3月25日、商談会が大連市で開かれた。", date(2024, 3, 25)),  # two digits: the report's century
])
def test_era_and_two_digit_years_are_never_decades_off(text, expected):
    [m] = dates(text, date(2024, 4, 1))
    assert m.first.to_date() == expected


def test_a_year_of_the_series_history_is_not_the_events():
    page = ("博覧会が開幕\n"
            "同博覧会は2011年に初めて開催された。第8回博覧会は6月26日にウルムチ市で開幕し、"
            "30カ国の企業が協力協定に調印した。")
    assert event_dates(page)[:6] == (None, 6, 26, None, None, None)
    [since] = [m for m in find_dates("2015年以来、博覧会は毎年開かれている。", LANG) if m.kind == "year_only"]
    assert since.bound == "since"


# ---------------------------------------------------------------------------------------------- a signing


def test_the_date_of_a_signing_dates_an_event_given_no_other():
    page = ("友好都市フォーラム\n2023年11月20日 09:00\n"
            "中ロ友好都市フォーラムが天津市で開かれた。\n"
            "両国の都市の代表は11月17日に友好協力協定に調印した。")
    assert event_dates(page) == (2023, 11, 17, 2023, 11, 17, True)


# ----------------------------------------------------------- an agency bracket after a photo caption


def test_an_agency_bracket_after_a_caption_is_the_dateline():
    from orchestration.extract.dates import find_dateline
    text = "会場の様子。(撮影・記者)【共同通信大連3月9日】遼寧省大連市で7日、見本市が閉幕した。"
    dl = find_dateline(text, LANG)
    assert dl is not None and dl.date.month == 3 and dl.date.day == 9 and dl.place_surface == "大連"


def test_a_bracketed_heading_without_agency_inside_a_line_is_no_dateline():
    from orchestration.extract.dates import find_dateline
    assert find_dateline("見本市の写真と【特集3月9日】の記事を掲載した。", LANG) is None


def test_after_a_caption_dateline_the_day_alone_is_the_event_day():
    [closing] = [m for m in dates("会場の様子。(撮影・記者)【共同通信大連3月9日】遼寧省大連市で7日、見本市が閉幕した。")
                 if not m.in_dateline]
    assert (closing.first.month, closing.first.day, closing.cue) == (3, 7, "closing")


def test_the_sentence_after_the_event_gives_its_opening_day():
    page = ("大連で見本市\n"
            "date 2023-03-16\n"
            "中国とモンゴルの代表団が大連の国際見本市に参加し、協力協定に調印した。"
            "その初日は3月15日の水曜日に始まった。")
    assert event_dates(page)[:3] == (2023, 3, 15)


def test_today_in_a_quotation_is_the_speakers_day_not_the_events():
    page = ("カザンで姉妹都市フォーラム\n"
            "date 2024-05-20\n"
            "トルコと中国の代表団がカザンの姉妹都市フォーラムで12件の協定に調印した。"
            "市長は「今日から次回のフォーラムの準備を始める」と述べた。")
    assert event_dates(page) is None


def test_a_founding_year_is_background_not_the_events():
    page = ("大連で見本市が閉幕\n"
            "第3回中国・モンゴル見本市が6月19日に大連で閉幕し、両国の企業が協力協定に調印した。"
            "2016年に設立された商工会が今回の見本市に初めて参加した。")
    assert event_dates(page)[3:6] == (None, 6, 19)


def test_a_dated_bracket_with_an_outlet_in_latin_letters_is_the_dateline():
    from orchestration.extract.dates import find_dateline
    dl = find_dateline("【3月9日 Example News】大連の見本市が8日に閉幕した。", LANG)
    assert dl is not None and (dl.date.month, dl.date.day) == (3, 9)


def test_a_tally_up_to_a_day_is_no_closing_day():
    # "成約額 up to the 6th" counts the deals so far; the fair closes on the 9th
    page = ("見本市で成約相次ぐ\n2021年10月8日\n大連で4日開幕した国際見本市で、日本企業の6日までの成約額が3億円に達した。"
            "見本市は9日に閉幕する。")
    assert event_dates(page)[:6] == (2021, 10, 4, 2021, 10, 9)


def test_a_closing_cue_belongs_to_the_date_right_before_it_not_to_an_earlier_one():
    # 8日 is a signing during the fair; the closing noun after 10日 is the 10th's
    page = (" date 2018-11-09\n国際見本市、成約額が拡大\n【上海】上海で5日開幕した国際見本市で、ある商社が8日、中国企業と"
            "果物の輸出で合意するなど、10日の閉幕まで成約額はさらに増える見込み。")
    assert event_dates(page)[:6] == (2018, 11, 5, 2018, 11, 10)


def test_the_day_memoranda_were_exchanged_is_the_signing_events():
    page = ("投資契約会\n2022年6月10日 09:30\n"
            "大連の経済開発区では9日、日本企業12社との投資覚書が交わされた。今回の契約会は市政府が主催した。")
    assert event_dates(page) == (2022, 6, 9, 2022, 6, 9, True)


@pytest.mark.parametrize("page, expected", [
    # a delegation's trip written first, the event's own day right before its noun
    ("日韓学生交流\n2018年7月1日から7日にかけて学生15名を韓国に派遣し、7月3日、釜山で日韓学生フォーラムを開催しました。",
     (2018, 7, 3, 2018, 7, 3, False)),
    ("日韓学生交流\n2018年7月10日\n7月1日から7日にかけて学生15名を韓国に派遣し、7月3日から2日間、釜山で日韓学生フォーラムを開催した。",
     (2018, 7, 3, 2018, 7, 4, True)),
])
def test_a_span_around_the_event_gives_way_to_the_day_before_its_noun(page, expected):
    assert event_dates(page) == expected



@pytest.mark.parametrize("page, expected", [
    # the edition's year glued to the name, before its subtitle, completes a date written without one
    ("国際見本市が開幕\n6月4日(水)から6日(金)までの3日間、福岡市の展示場にて「アグリテック2025『食と農の国際技術展』」が"
     "開催され、台湾や韓国の企業が出展した。", (2025, 6, 4, 2025, 6, 6)),
])
def test_a_year_glued_to_the_events_name_is_its_year(page, expected):
    assert event_dates(page)[:6] == expected


@pytest.mark.parametrize("page, lang", [
    ("中学生がオンライン交流\n2022年3月5日(土曜日)にオンライン交流会準備を行い、3月12日(土曜日)にキャンベルタウン市との"
     "オンライン交流会を実施しました。", "ja"),
    ("两市青年交流\n2022年3月5日,两市举行了青年交流会筹备会,3月12日,两市青年交流会在大连举行。", "zh"),
])
def test_the_day_of_an_events_preparation_is_not_its_day(page, lang):
    # the preparation's full date earlier in the sentence still lends the event's day its year
    assert summarise(page).date[:6] == (2022, 3, 12, 2022, 3, 12)
