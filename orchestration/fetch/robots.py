"""robots.txt (RFC 9309): parsed and matched by protego (Scrapy's parser), cached per origin.

What an unreadable robots.txt means (RFC 9309 section 2.3.1):
- 2xx: its rules apply.
- 4xx (404 and also 401/403): "unavailable" -> everything is allowed.
- 5xx, 429, timeout, connection failure, a refused redirect: "unreachable" -> everything is disallowed for now.
  The RFC requires this conservative reading; the verdict is cached only for `error_ttl` so a host that recovers
  is crawled again later in a long run or in the next run.
- a redirect chain that breaks our limits: treated as unavailable (RFC: MAY), i.e. allowed.

protego matches the RFC's way (the longest matching rule wins, Allow wins a tie, `*` and a final `$`), and matches
a wildcard pattern part by part with `str.find`, so no pattern backtracks (`/*a*a*a*…b` against a long path is
linear). Any host a feed links to writes the file we parse, so its size is capped while fetching and the rules
kept are capped here: at most ROBOTS_MAX_RULES Allow/Disallow lines, each at most ROBOTS_MAX_PATTERN characters
with at most ROBOTS_MAX_WILDCARDS `*`; lines beyond the caps are ignored (and logged).
"""
from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

log = logging.getLogger(__name__)

ALLOW_ALL, DISALLOW_ALL, RULES = "allow_all", "disallow_all", "rules"
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: crawlers must parse at least the first 500 KiB
ROBOTS_MAX_RULES = 10_000
ROBOTS_MAX_PATTERN = 2048
ROBOTS_MAX_WILDCARDS = 64

_RULE_LINE = re.compile(r"^\s*(?:allow|disallow)\s*:\s*(?P<pattern>[^#]*)", re.IGNORECASE)


@dataclass(frozen=True)
class RobotsFetch:
    """What fetching /robots.txt produced: an HTTP status (None if no response) and the body text."""

    status: int | None
    text: str = ""
    redirect_limit_exceeded: bool = False
    failure: str | None = None  # no usable response: timeout, connection_error, private_address, ...


class RobotsPolicy:
    def __init__(self, mode: str, rules: Protego | None = None, agent: str = "*", failure: str | None = None):
        self.mode = mode
        self.failure = failure  # why robots.txt could not be read, when no HTTP status explains it
        self.agent = agent
        self._rules = rules
        self.crawl_delay: float | None = None
        if rules is not None:
            delay = rules.crawl_delay(agent)
            self.crawl_delay = float(delay) if delay is not None else None

    @classmethod
    def from_fetch(cls, fetched: RobotsFetch, agent: str) -> "RobotsPolicy":
        if fetched.status is not None and 200 <= fetched.status < 300:
            return cls(RULES, Protego.parse(capped(fetched.text)), agent)
        if fetched.redirect_limit_exceeded:
            return cls(ALLOW_ALL)
        if fetched.status is not None and 400 <= fetched.status < 500 and fetched.status != 429:
            return cls(ALLOW_ALL)
        return cls(DISALLOW_ALL, failure=fetched.failure)

    @property
    def unreachable(self) -> bool:
        return self.mode == DISALLOW_ALL

    def allows(self, url: str) -> bool:
        if self.mode != RULES:
            return self.mode == ALLOW_ALL
        return self._rules.can_fetch(url, self.agent)


def capped(text: str) -> str:
    """robots.txt without the rule lines beyond the caps (too many, too long, too many wildcards)."""
    kept: list[str] = []
    rules = dropped = 0
    for line in text.splitlines():
        rule = _RULE_LINE.match(line)
        if rule is not None:
            pattern = rule.group("pattern").strip()
            if (rules >= ROBOTS_MAX_RULES or len(pattern) > ROBOTS_MAX_PATTERN
                    or pattern.count("*") > ROBOTS_MAX_WILDCARDS):
                dropped += 1
                continue
            rules += 1
        kept.append(line)
    if dropped:
        log.warning("robots.txt: %d rules beyond the caps ignored", dropped)
    return "\n".join(kept)


class RobotsCache:
    """Policies per origin (scheme://host:port), fetched on first use through `fetch_robots(robots_url)`."""

    def __init__(
        self,
        fetch_robots: Callable[[str, bool], RobotsFetch],
        agent: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        ttl: float = 24 * 3600.0,
        error_ttl: float = 600.0,
    ):
        self._fetch_robots = fetch_robots
        self.agent = agent
        self._clock = clock
        self._ttl = ttl
        self._error_ttl = error_ttl
        self._policies: dict[str, tuple[RobotsPolicy, float]] = {}
        self._lock = threading.Lock()

    def policy_for(self, url: str, allow_private_network: bool = False) -> RobotsPolicy:
        origin = _origin(url)
        now = self._clock()
        with self._lock:
            cached = self._policies.get(origin)
        if cached is not None and cached[1] > now:
            return cached[0]
        policy = RobotsPolicy.from_fetch(self._fetch_robots(origin + "/robots.txt", allow_private_network), self.agent)
        lifetime = self._error_ttl if policy.unreachable else self._ttl
        with self._lock:
            self._policies[origin] = (policy, self._clock() + lifetime)
        return policy


def _origin(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port or (443 if scheme == "https" else 80)
    return f"{scheme}://{host}:{port}"
