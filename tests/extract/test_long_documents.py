"""Long documents cost in proportion to their length: sentences are bounded, rows keep bounded copies, and the
mechanisms that compare mentions look at neighbours, with the same results as comparing every pair."""
from __future__ import annotations

from datetime import date

from orchestration.extract.money import find_money
from orchestration.extract.pipeline import extract_document
from orchestration.extract.text import MAX_SENTENCE_CHARS, split_sentences

CITIES = ["Harbin", "Kazan", "Osaka", "Almaty", "Urumqi", "Novosibirsk", "Dalian", "Sapporo"]


def test_a_run_on_sentence_is_cut_at_clause_breaks_with_exact_offsets():
    text = "Intro line\n" + ", ".join(f"clause number {i} of a list without stops" for i in range(300)) + ".\nEnd."
    sentences = split_sentences(text)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert all(s.text.endswith((",", ".")) for s in sentences[1:-1])  # cut after a comma, not inside a clause
    line_start = text.index("\n") + 1
    assert (sentences[1].start, sentences[-2].end) == (line_start, text.index("\n", line_start))  # nothing lost


def test_short_sentences_are_untouched():
    text = "Первое предложение. Второе предложение!\n第一句。第二句。"
    assert [s.text for s in split_sentences(text)] == ["Первое предложение.", "Второе предложение!", "第一句。", "第二句。"]


def test_rows_of_a_run_on_document_copy_bounded_sentences():
    body = ", ".join(f"delegates from {CITIES[i % 8]} and {CITIES[(i + 3) % 8]} met in {CITIES[(i + 5) % 8]} and "
                     f"signed {1 + i % 9} agreements worth {10 + i % 90} million yuan" for i in range(400))
    text = ("Cooperation forum of many cities\nThe 5th International Cooperation Forum was held in Harbin on "
            f"May 3, 2024, where {body}.")
    result = extract_document("long", text, "en", title="Cooperation forum of many cities",
                              published_date=date(2024, 5, 5))
    assert result.is_relevant and len(result.rows) > 400
    assert max(len(row["sentence"]) for row in result.rows) <= MAX_SENTENCE_CHARS


def test_a_figure_repeated_in_hundreds_of_sentences_is_one_amount():
    text = "\n".join(f"Report {i}: the partners signed deals worth 5 billion yuan." for i in range(300))
    mentions = find_money(text, "en")
    assert len(mentions) == 300
    roots = {m.restates for m in mentions if m.restates is not None}
    assert len(roots) == 1 and sum(m.restates is None for m in mentions) == 1
