"""Fetch stage for the HTTP source kinds (urls, rss, sitemap): discover, fetch politely, keep, log.

State between runs lives in ``raw/http_state/<source>.json``: the discovery cursor (feeds read
incrementally), the validators of every page (conditional GET, so an unchanged page costs a 304) and which
document each URL produced. A URL whose fetch failed for a temporary reason is offered again next run.
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from orchestration.fetch.discovery import discover, retry_later
from orchestration.fetch.http import Fetcher, FetchResult
from orchestration.fetch.urls import canonical_url, normalize_url, strip_credentials
from orchestration.progress import Progress, fetch_outcome
from orchestration.registry import SourceConfig
from orchestration.settings import Settings, load_settings
from orchestration.store.documents import DocumentStore
from orchestration.store.handoff import write_bytes_durably

TEMPORARY_REASONS = {"timeout", "connection_error", "robots_unreachable", "http_429", "internal_error"}

# Crawl settings an operator may tune without code (defaults suit news sites). ACCORDS_HTTP_TRUSTED_ENDPOINTS
# lists exact host:port pairs let through the private-address guard (an intranet mirror, a test server)
# while every other private address, including redirect targets, stays refused.
def new_fetcher() -> Fetcher:
    """A fetcher with the ACCORDS_HTTP_* settings (orchestration/settings.py)."""
    settings = load_settings()
    return Fetcher(user_agent=settings.user_agent, allowed_endpoints=list(settings.http_trusted_endpoints),
                   **settings.http)


def _state_path(settings: Settings, source: SourceConfig) -> Path:
    return settings.raw_dir / "http_state" / f"{source.name}.json"


def _load_state(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"cursor": None, "pages": {}}


def _save_state(path: Path, state: dict) -> None:
    redacted = _without_credentials(state)
    write_bytes_durably(path, json.dumps(redacted, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def _without_credentials(value):
    """The state with user and password removed from every URL in it (keys and values): the cursor names feeds and
    sitemaps by the URL the registry gives, which may carry credentials."""
    if isinstance(value, dict):
        return {_without_credentials(key): _without_credentials(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_credentials(item) for item in value]
    if isinstance(value, str) and "://" in value and "@" in value:
        return strip_credentials(value)
    return value


def _with_source_credentials(state: dict, source: SourceConfig) -> dict:
    """Undo _without_credentials for the source's own URL, so its feed is still fetched conditionally."""
    if source.url and strip_credentials(source.url) != source.url:
        cursor = state.get("cursor") or {}
        for section in ("validators", "sitemaps"):
            entries = cursor.get(section) or {}
            if strip_credentials(source.url) in entries:
                entries[source.url] = entries.pop(strip_credentials(source.url))
    return state


def _is_temporary(reason: str | None) -> bool:
    return reason in TEMPORARY_REASONS or (reason or "").startswith("http_5")


def ingest_http_source(source: SourceConfig, store: DocumentStore, settings: Settings, run_id: str, now: datetime,
                       fetcher: Fetcher | None = None, progress: Progress | None = None) -> list[dict]:
    """Fetch one HTTP source; returns its fetch-log rows (every discovered URL, whatever happened to it).
    `progress` counts each of them as it is logged."""

    own_fetcher = fetcher is None
    fetcher = fetcher or new_fetcher()
    path = _state_path(settings, source)
    state = _with_source_credentials(_load_state(path), source)
    pages: dict[str, dict] = state.setdefault("pages", {})
    entries: list[dict] = []

    def log(url: str, result: FetchResult | None, status: str, reason: str | None, document_id: str | None = None) -> None:
        # no user or password of a URL is ever stored
        entries.append({
            "source_name": source.name, "url": strip_credentials(url),
            "final_url": strip_credentials(result.final_url) if result else None,
            "run_id": run_id, "attempted_at": result.fetched_at if result else now, "status": status, "reason": reason,
            "http_status": result.http_status if result else None, "attempts": result.attempts if result else 0,
            "document_id": document_id,
        })
        if progress is not None:
            progress.advance(fetch_outcome(status))

    try:
        discovery = discover(source, fetcher, state.get("cursor"), now=now)
        cursor = discovery.cursor
        if progress is not None:
            progress.add_total(len(discovery.errors) + len(discovery.deferred) + len(discovery.items))
        for error in discovery.errors:  # the feed or sitemap itself
            log(error.url, error, error.status if error.status != "fetched" else "failed", error.reason or "bad_feed")
        for item in discovery.deferred:
            log(item.url, None, "skipped", "max_documents")
        retry: list[str] = []
        for item in discovery.items:
            page = pages.get(item.normalized_url, {})
            validators = (page.get("etag"), page.get("last_modified")) if page else None
            result = fetcher.fetch(item.url, allow_private_network=source.allow_private_network, validators=validators)
            if result.status == "not_modified":
                page.update(etag=result.etag or page.get("etag"), last_modified=result.last_modified or page.get("last_modified"))
                log(item.url, result, "not_modified", None, page.get("document_id"))
                continue
            if result.status != "fetched" or result.body is None:
                if _is_temporary(result.reason):
                    retry.append(item.normalized_url)
                log(item.url, result, result.status, result.reason)
                continue
            identity = _identity(result)
            stored = store.add(result.body, source_name=source.name, uri=identity,
                               final_url=strip_credentials(result.final_url),
                               fetched_at=result.fetched_at, content_type=result.content_type,
                               declared_encoding=result.encoding, language_hint=source.language)
            pages[item.normalized_url] = {"etag": result.etag, "last_modified": result.last_modified,
                                          "document_id": stored.document_id, "uri": identity}
            entry_status = "fetched"
            log(item.url, result, entry_status, None, stored.document_id)
            entries[-1]["_new"] = stored.is_new
        state["cursor"] = retry_later(cursor, retry) if retry else cursor
    finally:
        if own_fetcher:
            fetcher.close()
    # the cursor says these pages were seen: their documents are indexed first, so a crash in between costs a
    # second fetch, never a document
    store.save()
    _save_state(path, state)
    return entries


def _identity(result: FetchResult) -> str:
    """The document's URL identity: its canonical link if it declares one, else the final URL, normalised."""
    canonical = canonical_url(result.text, result.final_url) if result.text else None
    return strip_credentials(normalize_url(canonical or result.final_url))
