"""The extract stage reads at most a window of a very long text, ends it at a line break, records where it stopped,
and extracts a text that fits whole exactly as before."""
from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from orchestration.extract.pipeline import DocumentExtraction
from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages import extract as extract_stage
from orchestration.stages.extract import extraction_window, run_extract
from orchestration.stages.ingest import run_ingest
from orchestration.stages.isolation import Budget
from orchestration.stages.parse import run_parse

INLINE = Budget(seconds=20.0, mode="inline")


def test_a_text_within_the_window_is_read_whole():
    assert extraction_window("short text\nsecond line", limit=100) is None
    assert extraction_window("x" * 100, limit=100) is None


def test_the_window_ends_at_the_last_line_break_before_the_limit():
    text = "first line\n" + "a paragraph of some length.\n" * 10
    end = extraction_window(text, limit=100)
    assert end is not None and end <= 100 and text[end] == "\n"
    assert text[:end].endswith("a paragraph of some length.")


def test_without_line_breaks_the_window_ends_after_a_sentence_else_at_a_space_else_at_the_limit():
    latin = "The forum opened. " * 20
    end = extraction_window(latin, limit=100)
    assert latin[:end].endswith("opened.") and end <= 100
    cjk = "论坛在哈尔滨开幕。" * 30
    end = extraction_window(cjk, limit=100)
    assert cjk[:end].endswith("。") and end <= 100
    words = "word " * 40
    assert words[:extraction_window(words, limit=100)].endswith("word")
    assert extraction_window("x" * 300, limit=100) == 100


class RecordingExtractor:
    """Stands in for the extractor and keeps the length of every text it was given."""

    def __init__(self):
        self.lengths: dict[str, int] = {}

    def __call__(self, document_id, text, lang, *, title=None, published_date=None):
        if document_id != "warm-up":
            self.lengths[document_id] = len(text)
        return DocumentExtraction(document_id, False, "no_event_mention")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "short.txt").write_text("A short report\nA delegation visited a partner city.\n", encoding="utf-8")
    paragraphs = "".join(f"Delegates from {n} partner cities met at the cooperation forum and signed agreements.\n"
                         for n in range(100))
    (corpus / "long.txt").write_text("A very long report\n" + paragraphs, encoding="utf-8")
    registry = tmp_path / "sources.yml"
    registry.write_text("sources:\n  - name: local\n    kind: files\n    path: corpus\n", encoding="utf-8")
    result = Settings(sources_file=registry, data_dir=tmp_path / "data")
    run_ingest(result, load_registry(registry), run_id="r1")
    monkeypatch.setenv("ACCORDS_DOCUMENT_ISOLATION", "inline")
    run_parse(result, INLINE)
    return result


def test_the_stage_extracts_the_window_and_records_where_it_stopped(settings, monkeypatch):
    monkeypatch.setattr(extract_stage, "EXTRACTION_WINDOW_CHARS", 1000)
    fake = RecordingExtractor()
    monkeypatch.setattr(extract_stage, "extract_document", fake)
    run_extract(settings, INLINE)
    parsed = {row["document_id"]: row for row in pq.read_table(settings.raw_dir / "parsed_documents.parquet").to_pylist()}
    documents = {row["document_id"]: row
                 for row in pq.read_table(settings.raw_dir / "extraction_documents.parquet").to_pylist()}
    (long_id,) = [d for d, row in parsed.items() if row["title"] == "A very long report"]
    (short_id,) = [d for d in parsed if d != long_id]
    truncated_at = documents[long_id]["extraction_truncated_at"]
    assert truncated_at is not None and truncated_at <= 1000 and parsed[long_id]["text"][truncated_at] == "\n"
    assert fake.lengths[long_id] == truncated_at
    assert documents[long_id]["extract_status"] == "extracted"
    assert documents[short_id]["extraction_truncated_at"] is None
    assert fake.lengths[short_id] == len(parsed[short_id]["text"])

    # the same window next run: nothing is extracted again; another window: the long document is read again
    fake.lengths.clear()
    assert run_extract(settings, INLINE).reused == 2 and fake.lengths == {}
    monkeypatch.setattr(extract_stage, "EXTRACTION_WINDOW_CHARS", 2000)
    report = run_extract(settings, INLINE)
    assert report.reused == 1 and list(fake.lengths) == [long_id] and fake.lengths[long_id] > truncated_at
