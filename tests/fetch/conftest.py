"""Fixtures for the fetch tests: a local HTTP server and fetchers tuned to finish in milliseconds."""
from __future__ import annotations

import random

import pytest
from server import LocalServer

from orchestration.fetch.http import Fetcher


@pytest.fixture
def server():
    local = LocalServer().start()
    yield local
    local.stop()


class SleepRecorder:
    """Stands in for time.sleep: records each wait and advances a fake clock instead of waiting."""

    def __init__(self) -> None:
        self.calls: list[float] = []
        self.now = 1000.0

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def make_fetcher(server, sleeps):
    """A Fetcher with small limits that trusts exactly the test server's endpoint (everything else is guarded)."""
    created: list[Fetcher] = []

    def make(**overrides) -> Fetcher:
        settings = dict(
            user_agent="AccordsTestBot/1.0 (+tests)",
            connect_timeout=2.0,
            read_timeout=2.0,
            max_bytes=1024 * 1024,
            max_redirects=5,
            max_retries=2,
            backoff_base=0.5,
            per_host_delay=0.0,
            sleep=sleeps,
            allowed_endpoints=[server.endpoint],
            rng=random.Random(7),
        )
        settings.update(overrides)
        fetcher = Fetcher(**settings)
        created.append(fetcher)
        return fetcher

    yield make
    for fetcher in created:
        fetcher.close()
