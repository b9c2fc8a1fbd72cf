"""Every lexicon follows schema.yml: a missing, unknown or mistyped key is an error, not an empty list."""
from __future__ import annotations

import pytest

from orchestration.extract.lexicons import LANGUAGES, TOPICS, LexiconError, lexicon, load_yaml, schema, validate


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
def test_every_lexicon_file_follows_the_schema(lang, topic):
    data = lexicon(lang, topic)
    for key, spec in schema()[topic].items():
        languages = spec["languages"]
        assert (key in data) == (languages == "all" or lang in languages)


def test_a_missing_key_is_an_error():
    data = dict(lexicon("en", "events"))
    del data["event_nouns"]
    with pytest.raises(LexiconError, match="missing key.*event_nouns"):
        validate(data, "en", "events", "en/events.yml")


def test_a_misspelt_key_is_an_error():
    data = dict(lexicon("ru", "roles")) | {"locative_befor": ["в"]}
    with pytest.raises(LexiconError, match="unknown key 'locative_befor'"):
        validate(data, "ru", "roles", "ru/roles.yml")


def test_a_key_of_another_language_is_an_error():
    data = dict(lexicon("en", "dates")) | {"eras": {"令和": 2018}}
    with pytest.raises(LexiconError, match="unknown key 'eras'"):
        validate(data, "en", "dates", "en/dates.yml")


def test_a_mistyped_key_is_an_error():
    data = dict(lexicon("zh", "events")) | {"cooperation_cues": "合作"}
    with pytest.raises(LexiconError, match="'cooperation_cues' must be a list"):
        validate(data, "zh", "events", "zh/events.yml")


def test_unknown_language_or_topic_is_an_error():
    with pytest.raises(LexiconError):
        lexicon("de", "events")
    with pytest.raises(LexiconError):
        lexicon("en", "weather")


def test_a_key_given_twice_is_an_error(tmp_path):
    # YAML itself keeps the second value silently; the first entry would be lost unseen
    path = tmp_path / "events.yml"
    path.write_text("event_nouns:\n  forum: forum\n  expo: expo\n  forum: conference\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="line 4: key 'forum' given twice"):
        load_yaml(path)
    path.write_text("event_nouns:\n  forum: forum\nother:\n  forum: forum\n", encoding="utf-8")
    assert load_yaml(path) == {"event_nouns": {"forum": "forum"}, "other": {"forum": "forum"}}
