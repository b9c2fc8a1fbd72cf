"""Parse and extract stages: a document that fails in any way is recorded with its reason, the run goes on, the
document is retried only when the parser or extractor changes, and a killed run resumes from its saved batches."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pyarrow.parquet as pq
import pytest

from orchestration.extract.pipeline import DocumentExtraction
from orchestration.registry import load_registry
from orchestration.settings import Settings
from orchestration.stages import extract as extract_stage
from orchestration.stages import parse as parse_stage
from orchestration.stages.extract import run_extract
from orchestration.stages.ingest import run_ingest
from orchestration.stages.isolation import Budget
from orchestration.stages.parse import run_parse
from tests.conftest import ROOT

INLINE = Budget(seconds=20.0, mode="inline")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(7):
        (corpus / f"doc{index}.txt").write_text(f"Report number {index}\nA delegation visited a partner city {index}.\n",
                                                encoding="utf-8")
    registry = tmp_path / "sources.yml"
    registry.write_text("sources:\n  - name: local\n    kind: files\n    path: corpus\n", encoding="utf-8")
    result = Settings(sources_file=registry, data_dir=tmp_path / "data")
    run_ingest(result, load_registry(registry), run_id="r1")
    monkeypatch.setenv("ACCORDS_DOCUMENT_ISOLATION", "inline")
    return result


def _rows(path):
    return {row["document_id"]: row for row in pq.read_table(path).to_pylist()}


class FakeExtractor:
    """Stands in for the extractor: counts calls and fails the way it is told on documents containing a word."""

    def __init__(self, failures: dict[str, BaseException]):
        self.failures = failures
        self.calls: list[str] = []

    def __call__(self, document_id, text, lang, *, title=None, published_date=None):
        if document_id != "warm-up":
            self.calls.append(document_id)
        for word, error in self.failures.items():
            if word in text:
                raise error
        return DocumentExtraction(document_id, False, "no_event_mention")


def test_any_parse_exception_fails_one_document_and_is_not_retried_until_the_parser_changes(settings, monkeypatch):
    real_parse = parse_stage.parse_document
    calls = []

    def parse(content, **kwargs):
        calls.append(content)
        if b"number 3" in content:
            raise LookupError("unknown encoding: base64")
        return real_parse(content, **kwargs)

    monkeypatch.setattr(parse_stage, "parse_document", parse)
    report = run_parse(settings, INLINE)
    assert (report.parsed, report.failed) == (6, 1)
    rows = _rows(settings.raw_dir / "parsed_documents.parquet")
    failed = [row for row in rows.values() if row["parse_status"] == "failed"]
    assert len(failed) == 1 and failed[0]["parse_error"] == "LookupError: unknown encoding: base64"

    calls.clear()
    again = run_parse(settings, INLINE)
    assert calls == [] and again.reused == 7 and again.failed_total == 1

    monkeypatch.setattr(parse_stage, "PARSER_VERSION", "parse-next")
    run_parse(settings, INLINE)
    assert len(calls) == 7


def test_any_extract_exception_fails_one_document_and_is_not_retried_until_the_extractor_changes(settings, monkeypatch):
    run_parse(settings, INLINE)
    fake = FakeExtractor({"number 2": OverflowError("cannot convert float infinity to integer"),
                          "number 5": RecursionError("maximum recursion depth exceeded")})
    monkeypatch.setattr(extract_stage, "extract_document", fake)
    report = run_extract(settings, INLINE)
    assert (report.extracted, report.failed, report.documents) == (7, 2, 7)
    rows = _rows(settings.raw_dir / "extraction_documents.parquet")
    reasons = sorted(row["extract_error"] for row in rows.values() if row["extract_status"] == "failed")
    assert reasons == ["OverflowError: cannot convert float infinity to integer",
                       "RecursionError: maximum recursion depth exceeded"]
    assert all(row["extractor_version"] == extract_stage.EXTRACTOR_VERSION for row in rows.values())

    fake.calls.clear()
    again = run_extract(settings, INLINE)
    assert fake.calls == [] and again.reused == 7 and again.failed_total == 2

    monkeypatch.setattr(extract_stage, "EXTRACTOR_VERSION", "extract-next")
    run_extract(settings, INLINE)
    assert len(fake.calls) == 7


def test_a_document_over_its_time_budget_fails_and_the_rest_is_extracted(settings, monkeypatch):
    run_parse(settings, INLINE)

    def slow(document_id, text, lang, *, title=None, published_date=None):
        if "number 4" in text:
            while True:
                pass
        return DocumentExtraction(document_id, False, "no_event_mention")

    monkeypatch.setattr(extract_stage, "extract_document", slow)
    report = run_extract(settings, Budget(seconds=1.0, mode="inline"))
    assert report.failed == 1 and report.failures[0]["reason"] == "time_budget_exceeded: more than 1 s"
    assert report.documents == 7


KILLED_EXTRACT = textwrap.dedent("""
    import os, signal, sys
    from orchestration.extract.pipeline import DocumentExtraction
    from dataclasses import replace
    from orchestration.settings import load_settings
    from orchestration.stages import extract as extract_stage
    from pathlib import Path

    calls = []

    def extract(document_id, text, lang, *, title=None, published_date=None):
        if document_id != "warm-up":
            calls.append(document_id)
        if len(calls) == 6:
            os.kill(os.getpid(), signal.SIGKILL)
        return DocumentExtraction(document_id, False, "no_event_mention")

    extract_stage.extract_document = extract
    # the environment's batch size, as the pipeline's settings carry it
    extract_stage.run_extract(replace(load_settings(), sources_file=Path(sys.argv[1]), data_dir=Path(sys.argv[2])))
""")


def test_a_killed_extraction_loses_at_most_the_batch_in_flight(settings, monkeypatch):
    run_parse(settings, INLINE)
    env = dict(os.environ, ACCORDS_DOCUMENT_ISOLATION="inline", ACCORDS_BATCH_DOCUMENTS="2")
    killed = subprocess.run([sys.executable, "-c", KILLED_EXTRACT, str(settings.sources_file), str(settings.data_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert not (settings.raw_dir / "extraction_documents.parquet").exists()

    fake = FakeExtractor({})
    monkeypatch.setattr(extract_stage, "extract_document", fake)
    report = run_extract(settings, INLINE)
    # five documents were done when the sixth killed it: two batches of two were saved, the fifth was in flight
    assert (report.reused, report.extracted, report.documents) == (4, 3, 7)
    assert not list((settings.raw_dir / "journal" / "extract").glob("*.parquet"))
