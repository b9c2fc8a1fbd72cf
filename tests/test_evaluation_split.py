"""The labelled corpus split: reports of one event stay together, languages are balanced, the seed fixes it."""
from __future__ import annotations

from orchestration.evaluation.split import add_batch, split


def _gold(lang: str, key: str | None) -> dict:
    return {"language": lang, "events": [{"event_key": key}] if key else []}


def test_reports_of_one_event_share_a_half_and_languages_balance():
    golds = {f"ru-{i:03d}": _gold("ru", f"event-{i // 2}") for i in range(20)}
    golds.update({f"en-{i:03d}": _gold("en", None) for i in range(10)})
    golds["ja-001"] = _gold("ja", "event-3")
    assignment = split(golds, seed=7)
    assert assignment["ru-006"] == assignment["ru-007"] == assignment["ja-001"]
    for lang, total in (("ru", 20), ("en", 10)):
        tune = sum(1 for d, half in assignment.items() if d.startswith(lang) and half == "tune")
        assert abs(tune - total / 2) <= 2
    assert split(golds, seed=7) == assignment
    assert split(golds, seed=8) != assignment


def test_a_later_batch_keeps_the_split_joins_known_events_and_leaves_out_known_articles():
    existing = {
        "ru-001": {**_gold("ru", "expo-a"), "source_url": "http://a.example/1", "half": "check"},
        "ru-002": {**_gold("ru", "forum-b"), "source_url": "http://a.example/2", "half": "tune"},
    }
    batch = {
        "ru-101": {**_gold("ru", "expo-a"), "source_url": "http://b.example/1"},
        "ru-102": {**_gold("ru", "forum-b"), "source_url": "http://b.example/2"},
        "ru-103": {**_gold("ru", "fair-c"), "source_url": "http://a.example/1"},
    }
    batch.update({f"en-{i}": {**_gold("en", None), "source_url": f"http://c.example/{i}"} for i in range(10)})
    assignment, left_out = add_batch(batch, existing, seed=3)
    assert left_out == ["ru-103"]
    assert (assignment["ru-101"], assignment["ru-102"]) == ("check", "tune")
    assert "ru-103" not in assignment
    assert sum(1 for d, half in assignment.items() if d.startswith("en") and half == "tune") == 5


def test_a_report_whose_second_event_is_already_in_a_half_joins_that_half():
    existing = {"ru-001": {**_gold("ru", "fair-a"), "source_url": "http://a.example/1", "half": "check"}}
    report = {"language": "ru", "source_url": "http://b.example/1",
              "events": [{"event_key": "conference-new"}, {"event_key": "fair-a"}]}
    for seed in range(5):
        assignment, _ = add_batch({"ru-101": report}, existing, seed=seed)
        assert assignment["ru-101"] == "check"
