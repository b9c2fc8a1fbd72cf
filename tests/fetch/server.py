"""An in-process HTTP server for fetch tests: 127.0.0.1, a free port, a daemon thread, routes set by each test.

    server.route("/page", Reply(body=b"<html>..</html>", headers={"Content-Type": "text/html"}))
    server.route("/flaky", Reply(503), Reply(200, b"ok"))        # successive requests, the last one repeats
    server.route("/dynamic", lambda request: Reply(...))           # computed from the Request
    server.url("/page")                                            # http://127.0.0.1:<port>/page

A body may be bytes or an iterable of bytes (streamed as written, no Content-Length unless given) in which a
`Pause(seconds)` stalls the stream. `Reply.delay` stalls before the status line. Everything the server did is
recorded: `requests`, `hits(path)`, `bytes_sent(path)`, `wait_idle()`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds of silence before the status line


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # with the query string
    headers: dict[str, str]  # names lowercased


Route = Callable[[Request], Reply]


class LocalServer:
    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._active = 0
        self._sent: dict[str, int] = {}
        self.requests: list[Request] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a stalled handler must not hold up teardown
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def start(self) -> "LocalServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes handlers sleeping in a delay or Pause
        self._httpd.shutdown()
        self._httpd.server_close()

    def route(self, path: str, *replies: Reply | Route) -> None:
        """Serve `path` (query ignored): a function of the request, or fixed replies in turn (the last repeats)."""
        if len(replies) == 1 and callable(replies[0]):
            self._routes[path] = replies[0]
            return
        remaining = list(replies)

        def next_reply(_: Request) -> Reply:
            with self._lock:
                return remaining.pop(0) if len(remaining) > 1 else remaining[0]

        self._routes[path] = next_reply

    def hits(self, path: str) -> int:
        return sum(1 for request in self.requests if urlsplit(request.path).path == path)

    def bytes_sent(self, path: str) -> int:
        return self._sent.get(path, 0)

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Until every handler has finished (e.g. noticed that the client hung up)."""
        deadline = time.monotonic() + timeout
        while self._active and time.monotonic() < deadline:
            time.sleep(0.01)

    # called from handler threads
    def _reply_for(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
        route = self._routes.get(urlsplit(request.path).path)
        return route(request) if route else Reply(404, b"not found", {"Content-Type": "text/plain"})

    def _busy(self, change: int) -> None:
        with self._lock:
            self._active += change

    def _count(self, path: str, size: int) -> None:
        with self._lock:
            self._sent[path] = self._sent.get(path, 0) + size


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one response per connection; a body without length ends at close

        def do_GET(self) -> None:
            server._busy(+1)
            try:
                self._serve()
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                pass  # the client hung up: exactly what the size-cap and timeout tests provoke
            finally:
                server._busy(-1)

        def _serve(self) -> None:
            request = Request("GET", self.path, {name.lower(): value for name, value in self.headers.items()})
            reply = server._reply_for(request)
            if reply.delay and server._stop.wait(reply.delay):
                return
            self.send_response(reply.status)
            headers = dict(reply.headers)
            if isinstance(reply.body, bytes) and not any(name.lower() == "content-length" for name in headers):
                headers["Content-Length"] = str(len(reply.body))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            path = urlsplit(self.path).path
            chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body
            for chunk in chunks:
                if isinstance(chunk, Pause):
                    if server._stop.wait(chunk.seconds):
                        return
                    continue
                self.wfile.write(chunk)
                server._count(path, len(chunk))

        def log_message(self, format: str, *args) -> None:  # keep test output clean
            pass

    return Handler
