"""Word lists become regexes that find the longest listed word, whatever the order of the list."""
from __future__ import annotations

import re

import pytest

from orchestration.extract.wordlists import alt, literal_alternation


@pytest.mark.parametrize("words, text, found", [
    (["form", "forum", "forums", "for"], "forums and a form for", ["forums", "form", "for"]),
    (["двух", "двухсот", "двадцати"], "двухсот двадцати двух", ["двухсот", "двадцати", "двух"]),
    (["签约", "签约仪式", "签"], "签约仪式后签约", ["签约仪式", "签约"]),
    (["sister city", "sister"], "a sister\n city and a sister", ["sister\n city", "sister"]),
])
def test_the_longest_listed_word_is_found(words, text, found):
    assert re.findall(alt(words), text) == found


def test_words_alike_but_for_case_still_give_the_longest_when_case_is_ignored():
    pattern = re.compile(alt(["Forum", "forums", "fora"]), re.IGNORECASE)
    assert pattern.findall("FORUMS, Fora") == ["FORUMS", "Fora"]


def test_a_form_ending_in_a_letter_is_a_whole_word_and_one_ending_in_a_dot_is_not():
    pattern = re.compile(literal_alternation(["млн", "млн.", "млрд"]))
    assert [m.group() for m in pattern.finditer("5 млн. и 6 млнх и 7 млрд")] == ["млн.", "млрд"]
    assert re.compile(literal_alternation(["млн"], whole_word=False)).findall("млнх") == ["млн"]


def test_an_empty_list_matches_nothing():
    assert alt([]) == ""
    assert re.search(literal_alternation([]), "anything") is None
