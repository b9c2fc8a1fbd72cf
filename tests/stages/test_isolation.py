"""Per-document isolation: whatever one document does to the code, the stage gets a reason and goes on."""
from __future__ import annotations

import time

import pytest

from orchestration.stages.isolation import Budget, DocumentWorker, WorkerPool


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


def _call(worker, args):
    return worker.call(*args)


def test_a_pool_runs_documents_side_by_side_and_returns_them_in_order(budget):
    # the first document is the slowest: its result still comes first
    calls = [(0.9, "a"), (0.1, "b"), (0.5, "c"), (0.1, "d"), (0.4, "e"), (0.1, "f")]
    with WorkerPool("document_faults:nap", budget, size=3) as pool:
        list(pool.map(_call, [(0.3, None)] * 3))  # every worker started
        started = time.monotonic()
        outcomes = list(pool.map(_call, calls))
        elapsed = time.monotonic() - started
        assert pool.started == 3
    assert [o.value for o in outcomes] == ["a", "b", "c", "d", "e", "f"] and all(o.ok for o in outcomes)
    assert elapsed < 1.6, elapsed  # one at a time: 2.1 s of naps; three at once: about 0.9 s


def test_a_document_that_kills_its_worker_in_a_pool_costs_that_document_only(budget):
    with WorkerPool("document_faults:overflow", budget, size=2) as pool:
        outcomes = list(pool.map(_call, [(3,), (400,), (2,), (500,), (1,)]))
    assert [o.ok for o in outcomes] == [True, False, True, False, True]
    assert [o.value for o in outcomes if o.ok] == [999.0, 99.0, 9.0]


def test_inline_isolation_keeps_one_worker_in_the_calling_thread():
    with WorkerPool("document_faults:echo", Budget(mode="inline"), size=4) as pool:
        assert pool.size == 1
        assert [o.value for o in pool.map(_call, [(1,), (2,)])] == [1, 2]
