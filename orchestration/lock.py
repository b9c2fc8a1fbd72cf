"""One writer per data directory: an exclusive lock that dies with the process holding it.

``$ACCORDS_DATA_DIR/.accords.lock`` is locked with ``flock``. The kernel releases it when its holder exits,
however it exits (SIGKILL, OOM, power loss), so a killed run never blocks the next one — unlike a slot in a
Dagster concurrency pool, which a dead run keeps. ``make run`` holds it from before Dagster's storage is opened
until the marts are published, so build → check → publish is one critical section: a second ``make run`` on the
same directory waits (``ACCORDS_LOCK_TIMEOUT`` seconds, default 3600; 0 to give up at once) and says which
process it waits for. Runs the UI, the schedule or the sensor start take it in the ``accords`` resource: for
the whole run with the in-process executor, for each step otherwise.

The lock is re-entrant within a process (a step inside ``make run`` finds it held and goes on). It says nothing
to readers of the published copy, which never need it.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

LOCK_NAME = ".accords.lock"
DEFAULT_TIMEOUT = 3600.0
_POLL_SECONDS = 0.5


class LockTimeout(RuntimeError):
    """Another process held the data directory for longer than we were willing to wait."""


@dataclass
class _Held:
    fd: int
    depth: int


_held: dict[str, _Held] = {}
_guard = threading.RLock()


def lock_timeout() -> float:
    from orchestration.settings import load_settings

    return load_settings().lock_timeout


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


def holder(data_dir: Path) -> dict:
    """Who holds (or last held) the lock: pid, host, purpose, run_id, since. Empty when unknown."""
    try:
        return json.loads(lock_path(data_dir).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def describe_holder(info: dict) -> str:
    if not info:
        return "another process"
    parts = [f"pid {info.get('pid')}"]
    if info.get("host") and info.get("host") != socket.gethostname():
        parts.append(f"on {info['host']}")
    if info.get("run_id"):
        parts.append(f"run {info['run_id']}")
    if info.get("since"):
        parts.append(f"since {info['since']}")
    return f"{info.get('purpose') or 'a run'} ({', '.join(parts)})"


def acquire(data_dir: Path, *, purpose: str, run_id: str | None = None, timeout: float | None = None,
            on_wait: Callable[[str], None] | None = None) -> bool:
    """Take the lock, waiting up to ``timeout`` seconds (default ACCORDS_LOCK_TIMEOUT) while another process
    holds it; ``on_wait`` hears, once, whom we wait for. Returns True when this call took it, False when this
    process already held it. Raises LockTimeout."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key = str(lock_path(data_dir).resolve())
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
            return False
        fd = os.open(key, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            _wait_for(fd, data_dir, lock_timeout() if timeout is None else timeout, on_wait)
        except BaseException:
            os.close(fd)
            raise
        info = {"pid": os.getpid(), "host": socket.gethostname(), "purpose": purpose, "run_id": run_id,
                "since": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        _held[key] = _Held(fd, 1)
        return True


def _wait_for(fd: int, data_dir: Path, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    deadline = time.monotonic() + max(timeout, 0.0)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
        who = describe_holder(holder(data_dir))
        if time.monotonic() >= deadline:
            raise LockTimeout(
                f"{data_dir} is in use by {who}; gave up after {timeout:g} s (ACCORDS_LOCK_TIMEOUT). "
                "Nothing was changed. Run again when it has finished.")
        if not told and on_wait is not None:
            on_wait(f"{data_dir} is in use by {who}; waiting for it to finish (at most {timeout:g} s)")
            told = True
        time.sleep(_POLL_SECONDS)


def release(data_dir: Path) -> None:
    key = str(lock_path(data_dir).resolve())
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.depth -= 1
        if held.depth > 0:
            return
        del _held[key]
        os.close(held.fd)  # closing the last descriptor releases the flock


def is_held(data_dir: Path) -> bool:
    """Held by this process."""
    return str(lock_path(data_dir).resolve()) in _held


@contextmanager
def data_directory_lock(data_dir: Path, *, purpose: str, run_id: str | None = None, timeout: float | None = None,
                        on_wait: Callable[[str], None] | None = None) -> Iterator[bool]:
    taken = acquire(data_dir, purpose=purpose, run_id=run_id, timeout=timeout, on_wait=on_wait)
    try:
        yield taken
    finally:
        release(data_dir)


def process_is_alive(pid: int | None) -> bool:
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
