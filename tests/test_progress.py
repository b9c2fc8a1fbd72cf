"""The progress reporter of fetch, parse and extract, on a fake clock: throttled lines, rates, time left, tallies."""
from __future__ import annotations

import pytest

from orchestration.progress import Progress, StageSummary, fetch_outcome, format_seconds, summary_table


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _progress(total, interval=5.0):
    clock, lines = FakeClock(), []
    return Progress("extract", total, lines.append, interval=interval, clock=clock), clock, lines


def test_a_line_at_most_every_interval_however_fast_documents_come():
    progress, clock, lines = _progress(total=1000)
    for _ in range(100):  # 100 documents in 9.9 s: one line after 5 s, none before, none twice
        clock.now += 0.099
        progress.advance()
    assert len(lines) == 1
    for _ in range(100):
        clock.now += 0.099
        progress.advance()
    assert len(lines) == 3  # 19.8 s: one after 5, 10 and 15 s
    assert all(line.startswith("extract: ") for line in lines)


def test_a_line_says_done_of_total_the_rate_and_the_time_left():
    progress, clock, lines = _progress(total=400)
    for _ in range(80):
        clock.now += 0.0625  # 16 documents per second (exact in binary: the 80th lands on 5 s)
        progress.advance()
    assert lines == ["extract: 80/400 documents (20%), 16.0 documents/s, about 20 s left"]


def test_a_slow_stage_still_reports_each_document_once_the_interval_has_passed():
    progress, clock, lines = _progress(total=3)
    clock.now += 125
    progress.advance("failed")
    assert lines == ["extract: 1/3 documents (33%), 0.0 documents/s, about 4 min 10 s left"]


def test_reused_documents_are_tallied_but_do_not_count_as_work():
    progress, clock, lines = _progress(total=2, interval=0)
    progress.skip(98)
    clock.now += 1
    progress.advance("new")
    assert lines == ["extract: 1/2 documents (50%), 1.0 documents/s, about 1 s left (98 unchanged, reused)"]
    clock.now += 1
    progress.advance("failed")
    assert progress.finish() == StageSummary("extract", new=1, unchanged=98, failed=1, seconds=2.0)


def test_work_found_on_the_way_grows_the_total_and_an_unknown_total_shows_the_count():
    progress, clock, lines = _progress(total=None, interval=0)
    clock.now += 2
    progress.advance("unchanged")
    assert lines[-1] == "extract: 1 documents, 0.5 documents/s"
    progress.add_total(4)
    clock.now += 2
    progress.advance("skipped")
    assert lines[-1] == "extract: 2/4 documents (50%), 0.5 documents/s, about 4 s left"
    assert progress.finish() == StageSummary("extract", new=0, unchanged=1, failed=0, seconds=4.0, skipped=1)


def test_an_unknown_outcome_is_refused():
    progress, _, _ = _progress(total=1)
    with pytest.raises(ValueError, match="outcome"):
        progress.advance("done")


def test_fetch_statuses_map_to_outcomes():
    assert [fetch_outcome(s) for s in ("fetched", "not_modified", "failed", "skipped")] == \
        ["new", "unchanged", "failed", "skipped"]


def test_durations_read_as_people_say_them():
    assert [format_seconds(s) for s in (4.4, 59.6, 61, 3600 + 120)] == ["4 s", "1 min 00 s", "1 min 01 s", "1 h 02 min"]


def test_the_closing_summary_is_one_line_per_stage_and_step():
    summary = StageSummary("parse", new=3, unchanged=1995, failed=2, seconds=12.345)
    assert summary.as_metadata() == {"stage_new": 3, "stage_unchanged": 1995, "stage_failed": 2,
                                     "stage_seconds": 12.345, "stage_skipped": 0}
    table = summary_table([summary], {"dbt": 30.0}).splitlines()
    assert table[0].split() == ["stage", "new", "unchanged", "failed", "skipped", "seconds"]
    assert table[1].split() == ["parse", "3", "1995", "2", "0", "12.3"]
    assert table[2].split() == ["dbt", "30.0"]
