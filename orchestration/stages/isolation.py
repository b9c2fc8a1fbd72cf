"""One document at a time under a time and memory budget, so that no single document can stop a run.

Parsing and extraction run in a worker process. The stage sends it one document, waits at most
``ACCORDS_DOCUMENT_TIMEOUT`` seconds (default 60) while the worker's resident memory stays under
``ACCORDS_DOCUMENT_MEMORY_MB`` (default 1536), and gets back either the result or a reason: the exception the
code raised (``OverflowError: ...``), ``time_budget_exceeded``, ``memory_budget_exceeded`` or ``worker_died``.
A worker that overran is killed and the next document gets a fresh one, so a runaway regular expression, a
blow-up in memory or a crash in C code costs one document, not the run.

The worker is a plain subprocess (``python -m orchestration.stages.isolation``), not a multiprocessing child:
it works the same under any Dagster executor (Dask's daemonic workers may not fork multiprocessing children) and
inherits no threads or locks. It dies with the stage: it exits when its input closes and, on Linux, the kernel
kills it when its parent dies.

``WorkerPool`` keeps several such workers busy at once (``ACCORDS_WORKERS``, default one per core) and hands
back their results in the order the documents came, so a stage's output does not depend on how many there are.

``ACCORDS_DOCUMENT_ISOLATION=inline`` runs the function in the stage's own process instead (for debugging): every
exception is still caught, and the time budget holds where a signal can interrupt (the main thread), but memory
is not bounded and a crash in C code takes the stage down.
"""
from __future__ import annotations

import importlib
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

_HEADER = struct.Struct("!Q")
_POLL_SECONDS = 0.2
DEFAULT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1536
DEFAULT_START_SECONDS = 600.0  # importing and warming the extractors once (lexicons, gazetteer)


@dataclass(frozen=True)
class Budget:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB
    start_seconds: float = DEFAULT_START_SECONDS
    mode: str = "process"  # process | inline

    @classmethod
    def from_env(cls) -> "Budget":
        from orchestration.settings import load_settings

        settings = load_settings()
        return cls(seconds=settings.document_timeout, memory_mb=settings.document_memory_mb,
                   start_seconds=settings.worker_start_timeout, mode=settings.document_isolation)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    value: Any = None
    reason: str | None = None  # None when ok
    seconds: float = 0.0


def describe(exc: BaseException, limit: int = 300) -> str:
    """`Type: message` on one line, short enough for a warehouse column."""
    message = " ".join(str(exc).split())
    text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resolve(path: str) -> Callable:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class DocumentWorker:
    """Calls ``function`` ("module:name", importable in a fresh interpreter) once per document.

    ``warmup`` ("module:name", no arguments) runs once in each new worker before its first document, under the
    start budget rather than the document's, so the first document does not pay for loading lexicons.
    """

    def __init__(self, function: str, budget: Budget | None = None, warmup: str | None = None):
        self.function = function
        self.warmup = warmup
        self.budget = budget or Budget.from_env()
        self._process: subprocess.Popen | None = None
        self._reader: _FrameReader | None = None
        self._inline: Callable | None = None
        self.started = 0  # worker processes started: 1 + one for each document that killed or overran its worker

    def __enter__(self) -> "DocumentWorker":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- public -------------------------------------------------------------------------------------------------------

    def call(self, *args: Any) -> Outcome:
        if self.budget.mode == "inline":
            return self._call_inline(args)
        started = time.monotonic()
        try:
            self._ensure_started()
        except _WorkerFailure as failure:
            return Outcome(False, reason=failure.reason, seconds=time.monotonic() - started)
        started = time.monotonic()
        try:
            kind, payload = self._exchange(("call", args), self.budget.seconds, check_memory=True)
        except _WorkerFailure as failure:
            self._stop()
            return Outcome(False, reason=failure.reason, seconds=time.monotonic() - started)
        seconds = time.monotonic() - started
        if kind == "ok":
            return Outcome(True, value=payload, seconds=seconds)
        return Outcome(False, reason=payload, seconds=seconds)

    def close(self) -> None:
        self._stop()

    # -- the worker process -------------------------------------------------------------------------------------------

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        self._stop()
        self.started += 1
        self._process = subprocess.Popen(
            [sys.executable, "-m", "orchestration.stages.isolation"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        self._reader = _FrameReader(self._process.stdout.fileno())
        try:
            kind, payload = self._exchange(("init", list(sys.path), self.function, self.warmup),
                                           self.budget.start_seconds, check_memory=False)
        except _WorkerFailure as failure:
            self._stop()
            raise _WorkerFailure(f"worker_start_failed: {failure.reason}") from None
        if kind != "ok":
            self._stop()
            raise _WorkerFailure(f"worker_start_failed: {payload}")

    def _exchange(self, message: tuple, seconds: float, check_memory: bool) -> tuple[str, Any]:
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            process.stdin.write(_HEADER.pack(len(data)) + data)
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise _WorkerFailure(self._death_reason()) from None
        deadline = time.monotonic() + seconds
        reader = self._reader
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _WorkerFailure(f"time_budget_exceeded: more than {seconds:g} s")
            ready, _, _ = select.select([reader.fd], [], [], min(_POLL_SECONDS, remaining))
            if ready:
                frame = reader.read_available()
                if frame is _EOF:
                    raise _WorkerFailure(self._death_reason())
                if frame is not None:
                    return pickle.loads(frame)
            if check_memory:
                rss = _resident_mb(process.pid)
                if rss is not None and rss > self.budget.memory_mb:
                    raise _WorkerFailure(f"memory_budget_exceeded: more than {self.budget.memory_mb} MB")

    def _death_reason(self) -> str:
        process = self._process
        code = process.wait(timeout=5) if process is not None else None
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            return f"worker_died: {name}"
        return f"worker_died: exit code {code}"

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except (OSError, ValueError):
                pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    # -- inline -------------------------------------------------------------------------------------------------------

    def _call_inline(self, args: tuple) -> Outcome:
        if self._inline is None:
            self._inline = resolve(self.function)
            if self.warmup:
                try:
                    resolve(self.warmup)()
                except Exception:
                    pass
        started = time.monotonic()
        try:
            with _alarm(self.budget.seconds):
                value = self._inline(*args)
        except _Overrun:
            return Outcome(False, reason=f"time_budget_exceeded: more than {self.budget.seconds:g} s",
                           seconds=time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - one document's failure of any kind is recorded, not raised
            return Outcome(False, reason=describe(exc), seconds=time.monotonic() - started)
        return Outcome(True, value=value, seconds=time.monotonic() - started)


class WorkerPool:
    """``size`` DocumentWorkers side by side. ``map(task, items)`` runs ``task(worker, item)`` with whichever worker
    is free, from as many threads (the work itself is in the workers' processes), and yields the results in the
    order of ``items``. Inline isolation runs one at a time in the calling thread, where its time budget holds.

    The threads live as long as the pool: a worker is told to die with the thread that started it (Linux's
    parent-death signal follows the thread), so they must outlive every worker."""

    def __init__(self, function: str, budget: Budget | None = None, warmup: str | None = None, size: int = 1):
        self.budget = budget or Budget.from_env()
        self.size = 1 if self.budget.mode == "inline" else max(1, size)
        self.workers = [DocumentWorker(function, self.budget, warmup) for _ in range(self.size)]
        self._free: deque[DocumentWorker] = deque(self.workers)
        self._guard = threading.Lock()
        self._threads = (ThreadPoolExecutor(self.size, thread_name_prefix="document-worker")
                         if self.size > 1 else None)

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        for worker in self.workers:
            worker.close()
        if self._threads is not None:
            self._threads.shutdown(wait=True, cancel_futures=True)

    @property
    def started(self) -> int:
        return sum(worker.started for worker in self.workers)

    def map(self, task: Callable[[DocumentWorker, Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        if self._threads is None:
            for item in items:
                yield task(self.workers[0], item)
            return
        pending = deque()
        for item in items:
            pending.append(self._threads.submit(self._run, task, item))
            if len(pending) >= 2 * self.size:  # a short look-ahead keeps every worker busy, memory bounded
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def _run(self, task: Callable[[DocumentWorker, Any], Any], item: Any) -> Any:
        with self._guard:
            worker = self._free.popleft()  # never empty: at most `size` tasks run at once
        try:
            return task(worker, item)
        finally:
            with self._guard:
                self._free.append(worker)


class _WorkerFailure(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Overrun(BaseException):
    """Raised by the inline alarm; a BaseException so that the document's own `except Exception` cannot eat it."""


class _alarm:
    """SIGALRM after `seconds`, where the platform and the thread allow it; otherwise no time limit."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.armed = False

    def __enter__(self):
        if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread() and self.seconds > 0:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self.armed = True
        return self

    def _fire(self, signum, frame):
        raise _Overrun()

    def __exit__(self, *exc_info):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


_EOF = object()


class _FrameReader:
    """Length-prefixed frames from a pipe, read without blocking past what select() said is there."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = bytearray()

    def read_available(self):
        chunk = os.read(self.fd, 1 << 20)
        if not chunk:
            return _EOF
        self.buffer += chunk
        return self.next_frame()

    def next_frame(self):
        if len(self.buffer) < _HEADER.size:
            return None
        (length,) = _HEADER.unpack_from(self.buffer)
        if len(self.buffer) < _HEADER.size + length:
            return None
        frame = bytes(self.buffer[_HEADER.size:_HEADER.size + length])
        del self.buffer[: _HEADER.size + length]
        return frame


def _resident_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            resident_pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None  # not Linux: no memory budget
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


# -- the worker side ----------------------------------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: the kernel sends SIGKILL when the parent dies, even in the middle of a document."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    parent = os.getppid()

    def watch() -> None:  # elsewhere: notice a new parent (re-parented to init) within a second
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _read_exactly(stream, size: int) -> bytes | None:
    data = stream.read(size)  # a buffered reader: blocks until `size` bytes or the end of input
    return data if data is not None and len(data) == size else None


def _serve() -> None:
    _die_with_parent()
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    # stray prints of the code under test must not corrupt the protocol: stdout goes to stderr
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    function: Callable | None = None

    def reply(kind: str, payload: Any) -> None:
        try:
            data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is that document's failure
            data = pickle.dumps(("error", f"unpicklable result: {describe(exc)}"))
        replies.write(_HEADER.pack(len(data)) + data)
        replies.flush()

    while True:
        header = _read_exactly(requests, _HEADER.size)
        if header is None:
            return
        (length,) = _HEADER.unpack(header)
        body = _read_exactly(requests, length)
        if body is None:
            return
        message = pickle.loads(body)
        if message[0] == "init":
            _, path, target, warmup = message
            sys.path[:] = path
            try:
                function = resolve(target)
                if warmup:
                    resolve(warmup)()
            except Exception as exc:  # noqa: BLE001
                reply("error", describe(exc))
                continue
            reply("ok", None)
            continue
        try:
            value = function(*message[1])
        except Exception as exc:  # noqa: BLE001 - recorded as the document's reason (MemoryError, RecursionError too)
            reply("error", describe(exc))
        else:
            reply("ok", value)


if __name__ == "__main__":
    _serve()
