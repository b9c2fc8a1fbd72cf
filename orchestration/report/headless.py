"""Open a page in headless Chromium and report what a person would see: drawn elements, console errors,
every request the page made, and optionally a screenshot.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on fd 3,
answers on fd 4, each message JSON ending in a NUL byte), so no port is opened and no package is needed.
Used by the report's browser test and to make the README's screenshot:

    python -m orchestration.report.headless data/published/report/index.html --screenshot report.png
"""
from __future__ import annotations

import argparse
import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.settings import load_settings

# Flags for a browser that talks to nothing but the page it is given.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--no-default-browser-check", "--disable-default-apps", "--disable-extensions",
    "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--metrics-recording-only",
    "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

# "complete|done" once the page has loaded and its charts (if it has any) say they are drawn
CHART_STATE = """document.readyState + '|' + (!document.body ? '' : document.querySelector('.chart[data-spec]')
  ? (document.body.dataset.chartsRendered || '') : 'done')"""
# What the page looks like once loaded: counted in the browser, returned as JSON.
PAGE_FACTS = """JSON.stringify((() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const charts = [...document.querySelectorAll('.chart[data-spec]')].map(el => ({
    id: el.id, state: el.dataset.state || '', svgs: el.querySelectorAll('svg').length,
    marks: el.querySelectorAll('svg .role-mark > path, svg .role-mark > line, svg .role-mark > text').length,
    width: Math.round(el.getBoundingClientRect().width), height: Math.round(el.getBoundingClientRect().height)}));
  const mapEl = document.querySelector('#chart-map');
  return {
    title: document.title,
    rendered: document.body.dataset.chartsRendered || '',
    charts: charts,
    map: mapEl ? {shapes: mapEl.querySelectorAll('.mark-shape.role-mark path').length,
                  cities: mapEl.querySelectorAll('.mark-symbol.role-mark path').length,
                  links: mapEl.querySelectorAll('.mark-rule.role-mark line').length,
                  labels: [...mapEl.querySelectorAll('.mark-text.role-mark text')].map(t => t.textContent)} : null,
    event_rows: count('#events-table tbody tr'),
    event_names: [...document.querySelectorAll('#events-table tbody tr .event-name')].map(e => e.textContent.trim()),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    text_length: document.body.innerText.length,
  };
})())"""


class ChromiumUnavailable(RuntimeError):
    pass


def find_chromium() -> str | None:
    for name in (load_settings().chromium, "chromium", "chromium-browser", "google-chrome", "chrome"):
        if name and (path := shutil.which(name)):
            return path
    return None


@dataclass
class PageVisit:
    url: str
    facts: dict
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot: bytes | None = None

    @property
    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


class _Pipe:
    """DevTools protocol over the pipe Chromium was started with."""

    def __init__(self, process: subprocess.Popen, commands: int, answers: int):
        self.process, self._commands, self._answers = process, commands, answers
        self._next_id = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue = queue.Queue()
        self._lock = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._answers, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._lock:
                    self._lock.notify_all()
                self._events.put(None)
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        self._replies[message["id"]] = message
                        self._lock.notify_all()
                else:
                    self._events.put(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        self._next_id += 1
        ident = self._next_id
        message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise TimeoutError(f"no answer to {method}")
                self._lock.wait(min(left, 0.5))
            reply = self._replies.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def events(self, timeout: float) -> list[dict]:
        """Every event that arrives within `timeout` seconds of the last one."""
        out = []
        while True:
            try:
                event = self._events.get(timeout=timeout)
            except queue.Empty:
                return out
            if event is None:
                return out
            out.append(event)


def visit(page: Path, screenshot: bool = False, width: int = 1280, timeout: float = 90,
          chromium: str | None = None, clip: tuple[int, int] | None = None,
          interactions: dict[str, str] | None = None) -> PageVisit:
    """Load `page` from disk, wait until its charts say they are drawn, and return what the browser saw.

    `clip` = (top, height) in CSS pixels limits the screenshot to that band of the page. `interactions` maps a
    name to a JavaScript expression run once the page is drawn, as a person's click or typing would; what it
    returns (JSON-able) is kept in `facts["interactions"][name]`, and its console errors count like the rest."""
    executable = chromium or find_chromium()
    if executable is None:
        raise ChromiumUnavailable("no chromium on PATH (Debian: apt-get install chromium)")
    url = page.resolve().as_uri()
    profile = tempfile.mkdtemp(prefix="accords-chromium-")
    commands_read, commands_write = _high_pipe()
    answers_read, answers_write = _high_pipe()

    def child_fds() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
        os.dup2(commands_read, 3)
        os.dup2(answers_write, 4)

    process = subprocess.Popen(
        [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},900", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        pass_fds=(3, 4), preexec_fn=child_fds,
    )
    os.close(commands_read)
    os.close(answers_write)
    pipe = _Pipe(process, commands_write, answers_read)
    try:
        target = pipe.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Runtime", "Log", "Page"):
            pipe.send(f"{domain}.enable", session=session)
        pipe.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
        pipe.send("Page.navigate", {"url": url}, session=session)
        result = PageVisit(url=url, facts={})
        deadline = time.monotonic() + timeout
        while True:
            _collect(pipe.events(0.2), session, result)
            state = pipe.send("Runtime.evaluate", {"expression": CHART_STATE, "returnByValue": True},
                              session=session)["result"].get("value", "")
            ready, _, charts = state.partition("|")
            if ready == "complete" and charts in ("done", "error"):
                break
            if time.monotonic() > deadline:
                break
        _collect(pipe.events(0.5), session, result)
        facts = pipe.send("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True}, session=session)
        result.facts = json.loads(facts["result"]["value"])
        result.facts["interactions"] = {}
        for name, expression in (interactions or {}).items():
            answer = pipe.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                               session=session)
            if "exceptionDetails" in answer:
                result.console_errors.append(f"{name}: {answer['exceptionDetails'].get('text')}")
            result.facts["interactions"][name] = answer.get("result", {}).get("value")
            _collect(pipe.events(0.3), session, result)
        if screenshot:
            size = pipe.send("Page.getLayoutMetrics", session=session)["cssContentSize"]
            height = int(min(size["height"], 20000))
            pipe.send("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
            time.sleep(0.5)
            params = {"format": "png", "captureBeyondViewport": True}
            if clip is not None:
                params["clip"] = {"x": 0, "y": clip[0], "width": width, "height": min(clip[1], height - clip[0]), "scale": 1}
            shot = pipe.send("Page.captureScreenshot", params, session=session)
            result.screenshot = base64.b64decode(shot["data"])
        _collect(pipe.events(0.2), session, result)
        try:
            pipe.send("Browser.close", timeout=10)
        except (RuntimeError, TimeoutError):
            pass
        return result
    finally:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for fd in (commands_write, answers_read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(profile, ignore_errors=True)


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are above fd 4, so that placing them on 3 and 4 in the child cannot clobber one another."""
    ends = []
    for fd in os.pipe():
        ends.append(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10))
        os.close(fd)
    return ends[0], ends[1]


def _collect(events: list[dict], session: str, result: PageVisit) -> None:
    for event in events:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            result.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            result.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            result.console_errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            result.console_errors.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--screenshot", type=Path, help="write a full-page PNG here")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--clip", type=int, nargs=2, metavar=("TOP", "HEIGHT"), help="only this band of the page")
    args = parser.parse_args(argv)
    result = visit(args.page, screenshot=args.screenshot is not None, width=args.width,
                   clip=tuple(args.clip) if args.clip else None)
    if args.screenshot is not None and result.screenshot:
        args.screenshot.write_bytes(result.screenshot)
    summary = {k: v for k, v in result.facts.items() if k not in ("links", "event_names")}
    print(json.dumps({"facts": summary, "remote_requests": result.remote_requests, "console_errors": result.console_errors,
                      "requests": len(result.requests)}, indent=2, ensure_ascii=False))
    return 1 if result.remote_requests or result.console_errors else 0


if __name__ == "__main__":
    sys.exit(main())
