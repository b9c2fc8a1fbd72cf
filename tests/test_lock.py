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
