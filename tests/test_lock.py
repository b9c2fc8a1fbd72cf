"""The data directory's lock: one holder at a time, re-entrant in a process, released when its holder dies."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time

import pytest

from orchestration import lock
from tests.conftest import ROOT

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from orchestration import lock
    lock.acquire(Path(sys.argv[1]), purpose="a test holder", run_id="run-123")
    print("held", flush=True)
    time.sleep(600)
""")


@pytest.fixture
def holder(tmp_path):
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def test_reentrant_within_a_process(tmp_path):
    assert lock.acquire(tmp_path, purpose="outer") is True
    assert lock.acquire(tmp_path, purpose="inner") is False
    lock.release(tmp_path)
    assert lock.is_held(tmp_path)
    lock.release(tmp_path)
    assert not lock.is_held(tmp_path)


def test_a_second_holder_waits_and_names_the_first(tmp_path, holder):
    heard = []
    started = time.monotonic()
    with pytest.raises(lock.LockTimeout) as error:
        lock.acquire(tmp_path, purpose="second", timeout=1.0, on_wait=heard.append)
    assert time.monotonic() - started >= 1.0
    assert f"a test holder (pid {holder.pid}, run run-123" in str(error.value)
    assert len(heard) == 1 and "waiting for it to finish" in heard[0]
    assert not lock.is_held(tmp_path)


def test_the_lock_dies_with_its_holder(tmp_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with lock.data_directory_lock(tmp_path, purpose="next", timeout=5.0) as taken:
        assert taken and lock.holder(tmp_path)["purpose"] == "next"


def test_steps_of_a_run_in_other_processes_join_its_lock_with_its_token(tmp_path, holder):
    token = lock.holder(tmp_path)["token"]
    assert lock.join(tmp_path, token)  # here, another process than the holder
    assert not lock.join(tmp_path, "a token of another run") and not lock.join(tmp_path, "")
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert not lock.join(tmp_path, token), "the token outlived the run that held the lock"


def test_the_holder_hands_out_its_token_and_joins_its_own_lock(tmp_path):
    assert lock.token(tmp_path) is None
    with lock.data_directory_lock(tmp_path, purpose="make run"):
        token = lock.token(tmp_path)
        assert token and lock.join(tmp_path, token)
    assert not lock.join(tmp_path, token)


WAREHOUSE_USER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from orchestration import lock
    with lock.warehouse_access(Path(sys.argv[1])):
        print("using", flush=True)
        time.sleep(600)
""")


def test_one_step_at_a_time_uses_the_warehouse_across_processes(tmp_path):
    process = subprocess.Popen([sys.executable, "-c", WAREHOUSE_USER, str(tmp_path)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "using"
        heard = []
        with pytest.raises(lock.LockTimeout):
            with lock.warehouse_access(tmp_path, timeout=0.5, on_wait=heard.append):
                pass
        assert heard and "another step" in heard[0]
    finally:
        process.kill()
        process.wait()
    with lock.warehouse_access(tmp_path, timeout=5.0):  # its holder died: free at once
        with lock.warehouse_access(tmp_path, timeout=0):  # re-entrant in a thread
            pass


def test_threads_of_one_process_take_turns_with_the_warehouse(tmp_path):
    import threading

    inside, overlaps = [], []

    def step():
        with lock.warehouse_access(tmp_path, timeout=10):
            if inside:
                overlaps.append(True)
            inside.append(1)
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=step) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not overlaps
