"""`make bench`'s corpus generator and its reading of `make run`'s closing summary, on a tiny corpus: the
benchmark asserts nothing itself, so this keeps it from rotting."""
from __future__ import annotations

from orchestration.bench import (
    ARTICLE_BYTES,
    RunFigures,
    document_counts,
    parse_stage_summary,
    stage_rates,
    synthetic_document,
    write_corpus,
)
from orchestration.parse.document import parse_document
from orchestration.progress import StageSummary, summary_table


def test_the_corpus_looks_like_news_and_extends_itself(tmp_path):
    written = write_corpus(tmp_path, 60)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(d.file_name for d in written)
    assert {d.language for d in written} == {"ru", "en", "zh", "ja"}
    assert {d.file_name.rsplit(".", 1)[1] for d in written} == {"html", "txt"}
    assert all(ARTICLE_BYTES[0] <= len(d.article.encode()) <= ARTICLE_BYTES[1] + 400 for d in written)
    assert 0 < sum(d.event_key != d.index for d in written) < 40  # some reports repeat an event, most do not
    # the +1% documents continue the same corpus: a document depends on its index alone
    assert write_corpus(tmp_path, 2, first=60)[0] == synthetic_document(60)
    assert synthetic_document(5) == written[5]


def test_the_parser_reads_the_article_out_of_its_page():
    page = next(d for d in map(synthetic_document, range(20)) if d.file_name.endswith(".html"))
    parsed = parse_document(page.content.encode(), content_type="text/html")
    assert parsed.language == page.language
    assert parsed.title == page.article.splitlines()[0]
    assert parsed.published_date is not None
    assert "©" not in parsed.text  # the furniture is left out


def test_the_closing_summary_of_make_run_is_read_back():
    table = summary_table([StageSummary("fetch", 200, 19800, 0, 4.0), StageSummary("parse", 200, 19800, 1, 8.0),
                           StageSummary("extract", 199, 19800, 0, 2.0, skipped=3)],
                          {"reference": 0.5, "dbt": 40.0, "checks": 10.0})
    output = f"… - extract: 199/199 documents\n{table}\npublished marts: fct_events=5\n"
    stages = parse_stage_summary(output)
    assert stages["parse"] == {"new": 200, "unchanged": 19800, "failed": 1, "skipped": 0, "seconds": 8.0}
    assert stages["extract"]["skipped"] == 3
    assert stages["dbt"] == {"seconds": 40.0}
    assert "published" not in stages
    rates = stage_rates(RunFigures("x", 60.0, 0, 1.0, 1.0, stages), documents=20000)
    assert rates["fetch"] == 50.0 and rates["extract"] == 99.5 and rates["dbt"] == 500.0
    assert parse_stage_summary("a run that failed before its summary") == {}


def test_sizes_are_a_comma_separated_list():
    assert document_counts("2000") == [2000]
    assert document_counts("2000,20000,100_000") == [2000, 20000, 100000]
