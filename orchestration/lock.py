"""One writer per data directory: an exclusive lock that dies with the process holding it.

``$ACCORDS_DATA_DIR/.accords.lock`` is locked with ``flock``. The kernel releases it when its holder exits,
however it exits (SIGKILL, OOM, power loss), so a killed run never blocks the next one — unlike a slot in a
Dagster concurrency pool, which a dead run keeps. ``make run`` holds it from before Dagster's storage is opened
until the marts are published, so build → check → publish is one critical section: a second ``make run`` on the
same directory waits (``ACCORDS_LOCK_TIMEOUT`` seconds, default 3600; 0 to give up at once) and says which
process it waits for. Runs the UI, the schedule or the sensor start take it in the ``accords`` resource: for
the whole run with the in-process executor, for each step otherwise.

The lock is re-entrant within a process (a step inside ``make run`` finds it held and goes on). Steps that
other executors run in other processes (multiprocess, Dask workers) cannot share the holder's ``flock``: they
*join* it instead, with the random token the holder wrote into the lock file and handed to them
(``join``), which holds only while that holder still has the lock. Such steps may then run side by side, so
every step that opens ``warehouse.duckdb`` also takes ``warehouse_access``: DuckDB admits one process with the
file open for writing, and the steps take turns. It says nothing to readers of the published copy, which never
need it.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

LOCK_NAME = ".accords.lock"
WAREHOUSE_LOCK_NAME = ".warehouse.lock"
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
                "since": datetime.now(timezone.utc).isoformat(timespec="seconds"), "token": secrets.token_hex(16)}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        _held[key] = _Held(fd, 1)
        return True


def _wait_for(fd: int, data_dir: Path, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    _flock_waiting(
        fd, timeout, on_wait, _POLL_SECONDS,
        gave_up=lambda: (f"{data_dir} is in use by {describe_holder(holder(data_dir))}; gave up after {timeout:g} s "
                         "(ACCORDS_LOCK_TIMEOUT). Nothing was changed. Run again when it has finished."),
        waiting=lambda: (f"{data_dir} is in use by {describe_holder(holder(data_dir))}; waiting for it to finish "
                         f"(at most {timeout:g} s)"))


def _flock_waiting(fd: int, timeout: float, on_wait: Callable[[str], None] | None, poll: float, *,
                   gave_up: Callable[[], str], waiting: Callable[[], str]) -> None:
    """An exclusive flock on ``fd``, polled until ``timeout``: ``on_wait`` hears ``waiting()`` once, and the
    timeout raises LockTimeout with ``gave_up()``."""
    deadline = time.monotonic() + max(timeout, 0.0)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
        if time.monotonic() >= deadline:
            raise LockTimeout(gave_up())
        if not told and on_wait is not None:
            on_wait(waiting())
            told = True
        time.sleep(poll)


def token(data_dir: Path) -> str | None:
    """The token of the lock this process holds, to hand to steps that run in other processes; None if not held."""
    if not is_held(data_dir):
        return None
    return holder(data_dir).get("token")


def join(data_dir: Path, held_token: str) -> bool:
    """True when the lock is held right now, by the holder that wrote ``held_token``: a step of that holder's run
    may work under it. False when that holder is gone (its lock died with it) or another one holds the lock."""
    if not held_token or holder(data_dir).get("token") != held_token:
        return False
    if is_held(data_dir):
        return True
    path = lock_path(data_dir)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return holder(data_dir).get("token") == held_token  # held; still by the same holder?
        raise
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)  # nobody held it: the run that handed out the token is gone
        return False
    finally:
        os.close(fd)


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


# one per warehouse file and process: threads of one Dask worker take turns here, processes at the flock
_warehouse_guards: dict[str, threading.RLock] = {}
_warehouse_depth = threading.local()  # how deep this thread is inside warehouse_access, per lock file


@contextmanager
def warehouse_access(data_dir: Path, *, timeout: float | None = None,
                     on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Exclusive use of ``warehouse.duckdb`` for a step (dbt, the checks, publishing, the report), so that steps
    running side by side in other processes never open it together. Re-entrant within a thread."""
    data_dir.mkdir(parents=True, exist_ok=True)
    key = str((data_dir / WAREHOUSE_LOCK_NAME).resolve())
    with _guard:
        guard = _warehouse_guards.setdefault(key, threading.RLock())
    depths = _warehouse_depth.__dict__
    with guard:
        if depths.get(key):
            depths[key] += 1
            try:
                yield
            finally:
                depths[key] -= 1
            return
        fd = os.open(key, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            _wait_for_warehouse(fd, lock_timeout() if timeout is None else timeout, on_wait)
            depths[key] = 1
            try:
                yield
            finally:
                depths[key] = 0
        finally:
            os.close(fd)  # releases the flock


def _wait_for_warehouse(fd: int, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    _flock_waiting(
        fd, timeout, on_wait, 0.1,
        gave_up=lambda: f"the warehouse stayed in use by another step for {timeout:g} s (ACCORDS_LOCK_TIMEOUT)",
        waiting=lambda: "waiting for another step of this run to finish with the warehouse")
