"""Per-document isolation: whatever one document does to the code, the stage gets a reason and goes on."""
from __future__ import annotations

import time

import pytest

from orchestration.stages.isolation import Budget, DocumentWorker


@pytest.fixture
def budget():
    return Budget(seconds=3.0, memory_mb=400, start_seconds=120.0)


def test_a_result_comes_back_and_the_worker_is_reused(budget):
    with DocumentWorker("document_faults:echo", budget) as worker:
        first = worker.call({"rows": [1, 2]})
        second = worker.call("again")
    assert first.ok and first.value == {"rows": [1, 2]} and first.reason is None
    assert second.ok and second.value == "again" and worker.started == 1


def test_any_exception_is_a_reason_not_a_crash(budget):
    with DocumentWorker("document_faults:overflow", budget) as worker:
        failed = worker.call(400)
        fine = worker.call(3)
    assert not failed.ok and failed.reason.startswith("OverflowError:")
    assert fine.ok and fine.value == 999.0 and worker.started == 1
    with DocumentWorker("document_faults:bogus_charset", budget) as worker:
        assert worker.call().reason.startswith("LookupError:")


def test_a_document_over_its_time_budget_is_stopped_and_the_next_one_runs(budget):
    with DocumentWorker("document_faults:spin", budget) as worker:
        started = time.monotonic()
        slow = worker.call(60.0)
        assert time.monotonic() - started < 15
        quick = worker.call(0.01)
    assert not slow.ok and slow.reason == "time_budget_exceeded: more than 3 s"
    assert quick.ok and quick.value == "finished" and worker.started == 2


def test_a_document_over_its_memory_budget_is_stopped(budget):
    with DocumentWorker("document_faults:hog", budget) as worker:
        started = time.monotonic()
        outcome = worker.call(800)
    assert not outcome.ok and outcome.reason == "memory_budget_exceeded: more than 400 MB"
    assert time.monotonic() - started < 10


def test_a_crash_in_native_code_costs_one_document(budget):
    with DocumentWorker("document_faults:crash", budget) as worker:
        outcome = worker.call()
        assert not outcome.ok and outcome.reason == "worker_died: SIGSEGV"
        worker.function = "document_faults:echo"  # the next document gets a fresh worker
        assert worker.call(1).value == 1


def test_stray_prints_do_not_break_the_protocol(budget):
    with DocumentWorker("document_faults:chatty", budget) as worker:
        assert worker.call("x").value == "x"


def test_inline_mode_catches_exceptions_and_bounds_time():
    budget = Budget(seconds=1.0, mode="inline")
    with DocumentWorker("document_faults:overflow", budget) as worker:
        assert worker.call(400).reason.startswith("OverflowError:")
    with DocumentWorker("document_faults:spin", budget) as worker:
        outcome = worker.call(30.0)
    assert outcome.reason == "time_budget_exceeded: more than 1 s"


def test_a_worker_that_cannot_start_fails_each_document_with_the_reason(budget):
    with DocumentWorker("document_faults:no_such_function", budget) as worker:
        outcome = worker.call(1)
    assert not outcome.ok and outcome.reason.startswith("worker_start_failed: AttributeError")
