"""The HTML evaluation: trafilatura's scoring method, and our ru/ja/zh set well formed and scored."""
from __future__ import annotations

import json

from orchestration.evaluation.html_eval import (
    OUR_SET,
    Score,
    accords_text,
    load_set,
    norm,
    score_set,
)


def test_snippets_count_as_substrings_of_the_whitespace_normalised_text():
    item = {"with": ["two  agreements\nsigned", "never printed"], "without": ["Home", "Share on"]}
    score = Score()
    score.add(item, "Headline\nTwo were signed: two agreements signed in Harbin.\nHome")
    assert (score.tp, score.fn, score.fp, score.tn) == (1, 1, 1, 1)
    assert score.precision == 0.5 and score.recall == 0.5 and score.f1 == 0.5
    score.add(item, None)  # a failed parse: an empty page, every must-snippet missed
    assert score.empty == 1 and score.fn == 3 and score.tn == 3


def test_our_set_is_well_formed():
    data = load_set(OUR_SET)
    assert len(data) >= 15 and {item["language"] for item in data.values()} == {"ru", "ja", "zh"}
    for url, item in data.items():
        assert url.startswith("http") and item["path"].is_file() and item["with"] and item["without"]
        withs = [norm(w) for w in item["with"]]
        assert not any(norm(w) in x for w in item["without"] for x in withs), url


def test_a_missing_page_is_an_error(tmp_path):
    (tmp_path / "evaldata.json").write_text(json.dumps({"https://a.example/": {"file": "a.html", "with": ["x"],
                                                                               "without": ["y"]}}))
    try:
        load_set(tmp_path)
    except FileNotFoundError as error:
        assert "a.html" in str(error)
    else:
        raise AssertionError("a missing page must not score as empty")


def test_parsing_scores_well_on_our_pages_in_every_language():
    data = load_set(OUR_SET)
    scores = score_set(data, accords_text, lambda item: item["language"])
    assert scores["all"].empty == 0
    for language in ("ru", "ja", "zh"):
        assert scores[language].f1 >= 0.95, (language, scores[language])
