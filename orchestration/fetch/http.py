"""The one HTTP client of Accords: polite, bounded and safe to point at URLs found in other people's feeds.

`Fetcher.fetch()` never raises; every outcome is a `FetchResult` whose status and reason go to ops.fetch_log:

status        reason                 meaning
fetched       None                   2xx body read (and decoded for pages)
not_modified  None                   304 for the validators the caller passed
skipped       bad_scheme             not http(s) (also on a redirect hop)
skipped       private_address        the host resolves to a non-public address (initial URL, any hop, or the
                                     address actually connected to) and the source did not allow private networks
skipped       robots_disallowed      robots.txt forbids the URL (any hop)
failed        robots_unreachable     robots.txt answered 5xx/429 (or redirected somewhere refused): RFC 9309 says
                                     assume "disallow"; when the host does not answer at all the reason is the
                                     robots.txt request's own timeout / connection_error
failed        http_<code>            4xx, or 5xx/429 still failing after the retries
failed        timeout                connect or read timeout (retried), or one response took longer than total_timeout
failed        connection_error       refused, reset, DNS failure, broken chunked body (retried)
failed        too_large              Content-Length or the streamed body exceeds max_bytes (reading stops at the cap)
failed        bad_content_type       not a type accepted for a page (html, xhtml, plain text) or a feed (xml family)
failed        redirect_loop          a redirect chain revisits a URL
failed        too_many_redirects     more than max_redirects hops
failed        bad_url                no host, a URL requests cannot send, or an authority that URL parsers read
                                     differently (a backslash, whitespace or control characters, percent-escapes:
                                     `http://evil.example\\@10.0.0.1/` is 10.0.0.1 to Python, evil.example to a browser)
failed        internal_error         a bug here; the result still comes back instead of an exception
"""
from __future__ import annotations

import ipaddress
import logging
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.connection
import urllib3.connectionpool
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from orchestration.fetch.charsets import decode_body
from orchestration.fetch.robots import ROBOTS_MAX_BYTES, RobotsCache, RobotsFetch
from orchestration.fetch.urls import ascii_host, strip_credentials

log = logging.getLogger(__name__)

FETCHED, NOT_MODIFIED, FAILED, SKIPPED = "fetched", "not_modified", "failed", "skipped"
DEFAULT_USER_AGENT = "AccordsBot/0.1 (news research crawler; respects robots.txt)"

PAGE, FEED = "page", "feed"
_ACCEPT_HEADERS = {
    PAGE: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
    FEED: "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
}
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
# Feeds and sitemaps: the XML family, plain text (text sitemaps, misconfigured feeds), and gzip (sitemap.xml.gz is
# often served as a download).
_FEED_TYPES = frozenset(
    {"application/xml", "text/xml", "text/plain", "application/gzip", "application/x-gzip", "application/octet-stream"}
)
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK_BYTES = 64 * 1024
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Special-purpose ranges (IANA registries) that the ipaddress module still calls global
_SPECIAL_PURPOSE = tuple(ipaddress.ip_network(network) for network in (
    "192.0.0.0/24",  # IETF protocol assignments
    "192.88.99.0/24",  # deprecated 6to4 relay anycast
    "::/96",  # deprecated IPv4-compatible IPv6 (::10.0.0.1)
    "100::/64",  # discard-only
    "fec0::/10",  # deprecated site-local, still routed inside some networks
    "3fff::/20",  # documentation (RFC 9637)
    "5f00::/16",  # segment routing SIDs
))


@dataclass(frozen=True)
class FetchResult:
    url: str  # as discovered (as passed to fetch)
    final_url: str  # the last URL requested (or refused) after redirects
    status: str  # fetched | not_modified | failed | skipped
    reason: str | None  # None when fetched / not_modified; else a short code (module docstring)
    http_status: int | None
    attempts: int  # requests made for this URL counting retries, not redirect hops; 0 if none was sent
    body: bytes | None  # raw bytes, only when fetched
    content_type: str | None  # the Content-Type header as received
    text: str | None  # decoded body, only for fetched pages (accept="page")
    encoding: str | None  # Python codec used for text
    encoding_source: str | None  # header | meta | detected | default
    etag: str | None  # validators to store for the next conditional GET
    last_modified: str | None
    fetched_at: datetime  # UTC, when the outcome was known
    elapsed_ms: int

    @property
    def ok(self) -> bool:
        return self.status in (FETCHED, NOT_MODIFIED)


# --- SSRF guard -------------------------------------------------------------------------------------------------


def is_public_address(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True for a globally routable unicast address; False for loopback, RFC 1918, link-local (the cloud metadata
    169.254.169.254), CGNAT, unspecified, multicast, reserved, benchmarking, documentation, IPv6 ULA/link-local,
    and for IPv6 forms that embed such an IPv4 address (IPv4-mapped, 6to4, NAT64)."""
    if isinstance(address, str):
        address = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
    if address.is_multicast or address.is_unspecified or address.is_loopback or address.is_link_local:
        return False
    if address.is_private or address.is_reserved or (address.version == 4 and address in _CGNAT):
        return False
    if any(address.version == network.version and address in network for network in _SPECIAL_PURPOSE):
        return False
    return address.is_global


def ambiguous_authority(url: str) -> bool:
    """True when URL parsers may disagree on the host: the authority holds a backslash (browsers read it as "/",
    Python as part of the host or the user), whitespace or control characters, or the host holds percent-escapes."""
    _, separator, rest = url.partition("://")
    if not separator:
        return False
    end = min((index for index in (rest.find(c) for c in "/?#") if index != -1), default=len(rest))
    authority = rest[:end]
    if any(ord(c) <= 0x20 or ord(c) == 0x7F or c == "\\" for c in authority):
        return True
    return "%" in authority.rpartition("@")[2]


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver returns for host (a name can have public and private ones at once)."""
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


class AddressGuard:
    """Decides whether a URL's host may be contacted. `allowed_endpoints` ("host:port", exact) are trusted even when
    private — meant for tests and known intranet mirrors; `resolver` is injectable so tests need no DNS."""

    def __init__(self, resolver: Callable[[str, int], list[str]] = resolve_host, allowed_endpoints: Iterable[str] = ()):
        self._resolver = resolver
        self._allowed = frozenset(endpoint.lower() for endpoint in allowed_endpoints)

    def is_allowed_endpoint(self, host: str, port: int) -> bool:
        return f"{host.lower()}:{port}" in self._allowed or f"[{host.lower()}]:{port}" in self._allowed

    def refusal(self, host: str, port: int) -> str | None:
        """None if the host may be contacted; else the reason code (private_address or connection_error)."""
        if self.is_allowed_endpoint(host, port):
            return None
        try:
            addresses = [ipaddress.ip_address(host)]
        except ValueError:
            try:
                resolved = self._resolver(ascii_host(host), port)
                addresses = [ipaddress.ip_address(address.split("%", 1)[0]) for address in resolved]
            except (OSError, UnicodeError, ValueError):
                return "connection_error"
        if not addresses:
            return "connection_error"
        return None if all(is_public_address(address) for address in addresses) else "private_address"


# The resolver check above runs before connecting; a hostile DNS server can still answer differently when urllib3
# resolves the name again (DNS rebinding). So the address actually connected to is checked too. urllib3 pools
# connections per host, not per policy, hence the policy of the current request travels in a thread-local.
_connect_policy = threading.local()


class _PeerCheckingConnectionMixin:
    def _new_conn(self):  # noqa: D401 - urllib3 hook
        sock = super()._new_conn()
        if getattr(_connect_policy, "public_only", False):
            peer_address = sock.getpeername()[0]
            if not is_public_address(peer_address):
                sock.close()
                _connect_policy.refused = True
                raise urllib3.exceptions.NewConnectionError(self, f"refused non-public peer address {peer_address}")
        return sock


class _PeerCheckingHTTPConnection(_PeerCheckingConnectionMixin, urllib3.connection.HTTPConnection):
    pass


class _PeerCheckingHTTPSConnection(_PeerCheckingConnectionMixin, urllib3.connection.HTTPSConnection):
    pass


class _PeerCheckingHTTPPool(urllib3.connectionpool.HTTPConnectionPool):
    ConnectionCls = _PeerCheckingHTTPConnection


class _PeerCheckingHTTPSPool(urllib3.connectionpool.HTTPSConnectionPool):
    ConnectionCls = _PeerCheckingHTTPSConnection


class _PeerCheckingAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _PeerCheckingHTTPPool, "https": _PeerCheckingHTTPSPool}


# --- politeness ---------------------------------------------------------------------------------------------------


class HostThrottle:
    """At least `delay` seconds between the starts of two requests to one host. Thread-safe: a caller reserves its
    slot under the lock and sleeps outside it."""

    def __init__(self, clock: Callable[[], float], sleep: Callable[[float], None]):
        self._clock = clock
        self._sleep = sleep
        self._next_slot: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str, delay: float) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + delay
        if slot > now:
            self._sleep(slot - now)


def parse_http_date(value: str) -> datetime | None:
    """An RFC 822 / HTTP date as an aware UTC datetime (a date without a zone is taken as UTC)."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    moment = parse_http_date(value)
    if moment is None:
        return None
    return max(0.0, (moment - (now or datetime.now(timezone.utc))).total_seconds())


# --- the fetcher ----------------------------------------------------------------------------------------------------


@dataclass
class _Exchange:
    """One request/response on one hop."""

    http_status: int | None = None
    headers: dict = field(default_factory=dict)
    body: bytes | None = None
    reason: str | None = None  # failure code, if any

    @property
    def retryable(self) -> bool:
        if self.reason in ("timeout", "connection_error"):
            return True
        status = self.http_status
        return self.reason is None and status is not None and (status == 429 or status >= 500)


class Fetcher:
    """One requests.Session with every rule of the crawl. Defaults suit news sites; tests pass small values.

    sleep/clock are injectable so tests observe waits instead of waiting; `rng` makes the backoff jitter
    reproducible. `allowed_endpoints`/`resolver` configure the SSRF guard (see AddressGuard)."""

    def __init__(
        self,
        user_agent: str = DEFAULT_USER_AGENT,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        max_bytes: int = 10 * 1024 * 1024,
        max_redirects: int = 5,
        max_retries: int = 3,
        backoff_base: float = 1.0,
        per_host_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_backoff: float = 60.0,
        max_retry_after: float = 120.0,
        total_timeout: float = 120.0,
        obey_robots: bool = True,
        max_crawl_delay: float = 10.0,
        robots_error_ttl: float = 600.0,
        resolver: Callable[[str, int], list[str]] = resolve_host,
        allowed_endpoints: Iterable[str] = (),
        trust_env: bool = False,
        rng: random.Random | None = None,
        session: requests.Session | None = None,
    ):
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.max_retries = max_retries
        self.backoff_base = backoff_base
        self.per_host_delay = per_host_delay
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.total_timeout = total_timeout
        self.obey_robots = obey_robots
        self.max_crawl_delay = max_crawl_delay
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.guard = AddressGuard(resolver, allowed_endpoints)
        self._throttle = HostThrottle(clock, sleep)
        # the product token (before the "/") is what robots.txt groups name
        self.robots_agent = user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "*"
        self.robots = RobotsCache(self._fetch_robots, self.robots_agent, clock=clock, error_ttl=robots_error_ttl)
        self._session = session or requests.Session()
        # environment proxies are ignored by default: the guard reasons about the destination address, and an
        # unexpected proxy would also change who connects where
        self._session.trust_env = trust_env
        adapter = _PeerCheckingAdapter(max_retries=0)  # retries are ours, with backoff and Retry-After
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers["User-Agent"] = user_agent

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        allow_private_network: bool = False,
        validators: tuple[str | None, str | None] | None = None,
        accept: str = PAGE,
    ) -> FetchResult:
        """GET a page (accept="page") or a feed/sitemap (accept="feed"). validators = (etag, last_modified) from the
        previous fetched/not_modified result of this URL; a 304 then gives status not_modified."""
        if accept not in (PAGE, FEED):
            # a caller's bug, not a fetch failure
            raise ValueError(f"accept must be {PAGE!r} or {FEED!r}, not {accept!r}")
        started = time.monotonic()
        try:
            return self._get(
                url,
                allow_private_network=allow_private_network,
                validators=validators,
                accept=accept,
                max_bytes=self.max_bytes,
                truncate=False,
                check_robots=self.obey_robots,
                max_redirects=self.max_redirects,
                started=started,
            )
        except Exception:  # the contract: a failure is a result, never an exception
            log.exception("unexpected error fetching %s", strip_credentials(url))
            return _result(url, url, FAILED, "internal_error", started)

    # -- one URL, hop by hop ------------------------------------------------------------------------------------------

    def _get(
        self,
        url: str,
        *,
        allow_private_network: bool,
        validators: tuple[str | None, str | None] | None,
        accept: str | None,
        max_bytes: int,
        truncate: bool,
        check_robots: bool,
        max_redirects: int,
        started: float,
    ) -> FetchResult:
        headers = {"Accept": _ACCEPT_HEADERS.get(accept, "*/*")}
        etag, last_modified = validators or (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        current = _without_fragment(url.strip())
        visited: set[tuple] = set()
        attempts = 0
        redirects = 0
        while True:
            parts = urlsplit(current)
            if parts.scheme.lower() not in ("http", "https"):
                return _result(url, current, SKIPPED, "bad_scheme", started, attempts=attempts)
            if ambiguous_authority(current):
                return _result(url, current, FAILED, "bad_url", started, attempts=attempts)
            try:
                host, port = parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
            except ValueError:
                host, port = None, 0
            if not host:
                return _result(url, current, FAILED, "bad_url", started, attempts=attempts)
            public_only = not allow_private_network and not self.guard.is_allowed_endpoint(host, port)
            if public_only:
                refusal = self.guard.refusal(host, port)
                if refusal is not None:
                    status = SKIPPED if refusal == "private_address" else FAILED
                    return _result(url, current, status, refusal, started, attempts=attempts)
            crawl_delay = 0.0
            if check_robots:
                policy = self.robots.policy_for(current, allow_private_network)
                if policy.unreachable:
                    # a host that does not answer at all is reported as such, not as a robots.txt problem
                    network_failure = policy.failure in ("timeout", "connection_error")
                    reason = policy.failure if network_failure else "robots_unreachable"
                    return _result(url, current, FAILED, reason, started, attempts=attempts)
                if not policy.allows(current):
                    return _result(url, current, SKIPPED, "robots_disallowed", started, attempts=attempts)
                crawl_delay = min(policy.crawl_delay or 0.0, self.max_crawl_delay)

            visit = self._visit_key(current)  # before the response: its Set-Cookie belongs to the next visit
            exchange, tries = self._exchange_with_retries(
                current, headers, host_key=f"{host.lower()}:{port}", delay=max(self.per_host_delay, crawl_delay),
                public_only=public_only, accept=accept, max_bytes=max_bytes, truncate=truncate,
            )
            attempts = tries if attempts == 0 else attempts + tries - 1  # retries count, redirect hops do not
            code = exchange.http_status
            if exchange.reason is not None:
                status = SKIPPED if exchange.reason == "private_address" else FAILED
                return _result(url, current, status, exchange.reason, started, attempts=attempts, http_status=code,
                               content_type=exchange.headers.get("content-type"))

            location = exchange.headers.get("location")
            if code in _REDIRECT_STATUSES and location:
                target = _without_fragment(urljoin(current, _header_text(location).strip()))
                visited.add(visit)
                if self._visit_key(target) in visited:
                    return _result(url, target, FAILED, "redirect_loop", started, attempts=attempts, http_status=code)
                redirects += 1
                if redirects > max_redirects:
                    return _result(url, target, FAILED, "too_many_redirects", started, attempts=attempts,
                                   http_status=code)
                current = target
                continue

            response_etag = exchange.headers.get("etag")
            response_last_modified = exchange.headers.get("last-modified")
            if code == 304 and validators is not None:
                return _result(url, current, NOT_MODIFIED, None, started, attempts=attempts, http_status=code,
                               etag=response_etag or etag, last_modified=response_last_modified or last_modified)
            if code is None or not 200 <= code < 300:
                return _result(url, current, FAILED, f"http_{code}", started, attempts=attempts, http_status=code,
                               content_type=exchange.headers.get("content-type"))

            content_type = exchange.headers.get("content-type")
            text = encoding = how = None
            if accept == PAGE:
                text, encoding, how = decode_body(exchange.body, content_type)
            return _result(url, current, FETCHED, None, started, attempts=attempts, http_status=code,
                           body=exchange.body, content_type=content_type, text=text, encoding=encoding,
                           encoding_source=how, etag=response_etag, last_modified=response_last_modified)

    def _visit_key(self, url: str) -> tuple:
        # a cookie set by a redirect makes the same URL answer differently (cookie walls), so it is part of the key
        host = (urlsplit(url).hostname or "").lower()
        cookies = tuple(sorted(
            (c.domain, c.path, c.name, c.value or "") for c in self._session.cookies
            if host == c.domain.lstrip(".").lower() or host.endswith("." + c.domain.lstrip(".").lower())
        ))
        return url, cookies

    def _exchange_with_retries(self, url: str, headers: dict, *, host_key: str, delay: float, public_only: bool,
                               accept: str | None, max_bytes: int, truncate: bool) -> tuple[_Exchange, int]:
        tries = 0
        while True:
            tries += 1
            self._throttle.wait(host_key, delay)
            exchange = self._exchange(url, headers, public_only=public_only, accept=accept, max_bytes=max_bytes,
                                      truncate=truncate)
            if not exchange.retryable or tries > self.max_retries:
                return exchange, tries
            wait = parse_retry_after(exchange.headers.get("retry-after")) if exchange.http_status else None
            if wait is not None:
                wait = min(wait, self.max_retry_after)
            else:
                wait = self._backoff(tries)
            if wait > 0:
                self._sleep(wait)

    def _backoff(self, retry_number: int) -> float:
        # exponential with "equal jitter": between half and all of base * 2^(n-1), so clients desynchronise
        ceiling = min(self.max_backoff, self.backoff_base * (2 ** (retry_number - 1)))
        return ceiling * (0.5 + self._rng.random() / 2)

    def _exchange(self, url: str, headers: dict, *, public_only: bool, accept: str | None, max_bytes: int,
                  truncate: bool) -> _Exchange:
        started = time.monotonic()
        # the connect-time check cannot work through a proxy (the peer is the proxy), so it needs trust_env off
        _connect_policy.public_only = public_only and not self._session.trust_env
        _connect_policy.refused = False
        response = None
        try:
            response = self._session.get(
                url, headers=headers, stream=True, allow_redirects=False,
                timeout=(self.connect_timeout, self.read_timeout),
            )
            received = {name.lower(): value for name, value in response.headers.items()}
            exchange = _Exchange(http_status=response.status_code, headers=received)
            if not 200 <= response.status_code < 300:
                return exchange  # redirects, 304 and errors: the body is not needed
            if accept is not None and not _acceptable(exchange.headers.get("content-type"), accept):
                exchange.reason = "bad_content_type"
                return exchange
            declared = _int_or_none(exchange.headers.get("content-length"))
            if declared is not None and declared > max_bytes and not truncate:
                exchange.reason = "too_large"  # refused before reading a byte of the body
                return exchange
            exchange.body, exchange.reason = self._read_capped(response, max_bytes, truncate, started)
            return exchange
        except requests.exceptions.InvalidURL:
            return _Exchange(reason="bad_url")
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            if getattr(_connect_policy, "refused", False):
                return _Exchange(reason="private_address")
            return _Exchange(reason=_failure_reason(error))
        finally:
            _connect_policy.public_only = False
            if response is not None:
                response.close()  # an unread body closes the connection instead of draining it

    def _read_capped(self, response: requests.Response, max_bytes: int, truncate: bool,
                     started: float) -> tuple[bytes | None, str | None]:
        chunks: list[bytes] = []
        size = 0
        deadline = started + self.total_timeout  # per request, so that retry waits do not eat into it
        while True:
            # read1 returns whatever has arrived (iter_content would wait for a full chunk), so the deadline is
            # checked as the bytes come; Content-Encoding is decoded here, and the cap counts decoded bytes
            chunk = response.raw.read1(_CHUNK_BYTES, decode_content=True)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                if truncate:
                    chunks.append(chunk[: max_bytes - (size - len(chunk))])
                    break
                return None, "too_large"  # the caller closes the connection: nothing more is read
            chunks.append(chunk)
            if time.monotonic() > deadline:  # a server trickling bytes never trips the read timeout
                return None, "timeout"
        return b"".join(chunks), None

    # -- robots.txt ----------------------------------------------------------------------------------------------------

    def _fetch_robots(self, robots_url: str, allow_private_network: bool) -> RobotsFetch:
        result = self._get(
            robots_url, allow_private_network=allow_private_network, validators=None, accept=None,
            max_bytes=ROBOTS_MAX_BYTES, truncate=True, check_robots=False, max_redirects=5, started=time.monotonic(),
        )
        if result.status == FETCHED:
            return RobotsFetch(result.http_status, (result.body or b"").decode("utf-8", errors="replace"))
        if result.reason in ("too_many_redirects", "redirect_loop"):
            return RobotsFetch(None, redirect_limit_exceeded=True)
        if (result.reason or "").startswith("http_"):
            return RobotsFetch(result.http_status)
        return RobotsFetch(None, failure=result.reason)


def _result(url: str, final_url: str, status: str, reason: str | None, started: float, *, attempts: int = 0,
            http_status: int | None = None, body: bytes | None = None, content_type: str | None = None,
            text: str | None = None, encoding: str | None = None, encoding_source: str | None = None,
            etag: str | None = None, last_modified: str | None = None) -> FetchResult:
    return FetchResult(
        url=url, final_url=final_url, status=status, reason=reason, http_status=http_status, attempts=attempts,
        body=body, content_type=content_type, text=text, encoding=encoding, encoding_source=encoding_source,
        etag=etag, last_modified=last_modified, fetched_at=datetime.now(timezone.utc),
        elapsed_ms=int((time.monotonic() - started) * 1000),
    )


def _acceptable(content_type: str | None, accept: str) -> bool:
    if not content_type:
        return True  # undeclared: the size cap still bounds it and the parser judges it
    mime = content_type.split(";", 1)[0].strip().lower()
    if accept == PAGE:
        return mime in _PAGE_TYPES
    return mime in _FEED_TYPES or mime.endswith("+xml")


def _failure_reason(error: BaseException) -> str:
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, (requests.exceptions.Timeout, urllib3.exceptions.TimeoutError, socket.timeout)):
            if not isinstance(current, urllib3.exceptions.NewConnectionError):  # a refusal, despite its base class
                return "timeout"
        pending.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (current.__cause__, current.__context__, getattr(current, "reason", None)):
            if isinstance(linked, BaseException):
                pending.append(linked)
    return "connection_error"


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]  # fragments never reach the server


def _header_text(value: str) -> str:
    # http.client decodes headers as latin-1; a UTF-8 Location (common for non-ASCII paths) is recovered here
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
