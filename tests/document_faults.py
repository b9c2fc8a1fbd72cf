"""Functions that misbehave the ways a hostile document makes code misbehave, for the isolation tests.

Importable by name in a worker process (tests/ is on the path the worker inherits).
"""
from __future__ import annotations

import os
import signal
import time


def echo(value):
    return value


def overflow(digits: int):
    return float(int("9" * digits))  # OverflowError above ~308 digits


def bogus_charset():
    return b"\xff\xfe".decode("base64")  # LookupError, as a <meta charset="base64"> once caused


def spin(seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass
    return "finished"


def hog(megabytes: int):
    blocks = [bytearray(1024 * 1024) for _ in range(megabytes)]
    time.sleep(10)
    return len(blocks)


def crash():
    os.kill(os.getpid(), signal.SIGSEGV)


def chatty(value):
    print("a stray print must not break the protocol")
    return value


def nap(seconds: float, value):
    """Waits without using a core, so that two workers overlap even on a busy machine."""
    time.sleep(seconds)
    return value
