"""robots.txt (RFC 9309): parsed with urllib.robotparser, matched the way the RFC says, cached per origin.

What an unreadable robots.txt means (RFC 9309 section 2.3.1):
- 2xx: its rules apply.
- 4xx (404 and also 401/403): "unavailable" -> everything is allowed.
- 5xx, 429, timeout, connection failure, a refused redirect: "unreachable" -> everything is disallowed for now.
  The RFC requires this conservative reading; the verdict is cached only for `error_ttl` so a host that recovers
  is crawled again later in a long run or in the next run.
- a redirect chain that breaks our limits: treated as unavailable (RFC: MAY), i.e. allowed.

urllib.robotparser does the parsing and picks the group for our product token, but it matches rules by file order
and treats `*` and `$` literally; news sites use both (`Disallow: /*?print=`), so matching is done here: the longest
matching rule wins, Allow wins a tie.
"""
from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

ALLOW_ALL, DISALLOW_ALL, RULES = "allow_all", "disallow_all", "rules"
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: crawlers must parse at least the first 500 KiB


@dataclass(frozen=True)
class RobotsFetch:
    """What fetching /robots.txt produced: an HTTP status (None if no response) and the body text."""

    status: int | None
    text: str = ""
    redirect_limit_exceeded: bool = False
    failure: str | None = None  # no usable response: timeout, connection_error, private_address, ...


class RobotsPolicy:
    def __init__(self, mode: str, parser: urllib.robotparser.RobotFileParser | None = None, agent: str = "*",
                 failure: str | None = None):
        self.mode = mode
        self.failure = failure  # why robots.txt could not be read, when no HTTP status explains it
        self._rules: list[tuple[re.Pattern, int, bool]] = []
        self.crawl_delay: float | None = None
        if parser is not None:
            entry = _entry_for(parser, agent)
            if entry is not None:
                self._rules = [_compile_rule(line.path, line.allowance) for line in entry.rulelines]
                delay = getattr(entry, "delay", None)
                self.crawl_delay = float(delay) if delay is not None else None

    @classmethod
    def from_fetch(cls, fetched: RobotsFetch, agent: str) -> "RobotsPolicy":
        if fetched.status is not None and 200 <= fetched.status < 300:
            parser = urllib.robotparser.RobotFileParser()
            parser.parse(fetched.text.splitlines())
            return cls(RULES, parser, agent)
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
        parts = urlsplit(url)
        target = _canonical_path(parts.path or "/") + (("?" + parts.query) if parts.query else "")
        if target == "/robots.txt":
            return True
        best_length, allowed = -1, True
        for pattern, length, allowance in self._rules:
            if length < best_length or (length == best_length and not allowance):
                continue
            if pattern.match(target):
                best_length, allowed = length, allowance
        return allowed


def _entry_for(parser: urllib.robotparser.RobotFileParser, agent: str):
    for entry in parser.entries:
        if entry.applies_to(agent):
            return entry
    return parser.default_entry


def _canonical_path(path: str) -> str:
    # the same percent-encoding on both sides so that /новости and /%D0%BD%D0%BE... compare equal
    return quote(unquote(path), safe="/:@!$&'()*+,;=%?")


def _compile_rule(path: str, allowance: bool) -> tuple[re.Pattern, int, bool]:
    # robotparser stores the rule percent-quoted, so "*" arrives as %2A and "$" as %24
    raw = unquote(path)
    anchored = raw.endswith("$")
    if anchored:
        raw = raw[:-1]
    pieces = [re.escape(_canonical_path(piece)) for piece in raw.split("*")]
    regex = ".*".join(pieces) + ("$" if anchored else "")
    return re.compile(regex), len(raw), allowance


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
