"""The source registry (CONTRACT.md, "Source registry"): which sources to read and how.

Validated against a strict schema (pydantic): an unknown key, a value of the wrong type (``include: '/news/'``
instead of a list, ``allow_private_network: 'false'`` instead of a boolean, ``max_documents: true``), a bad
value or a key that does not apply to the kind is refused with a message naming the source and the key — a
registry is never half-read or silently read otherwise than written.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

SOURCE_KINDS = ("files", "urls", "rss", "sitemap")
LANGUAGE_HINTS = ("ru", "ja", "zh", "en", "auto")
_NAME = re.compile(r"^[a-z0-9_-]+$")
# keys that tune discovery (orchestration/fetch/discovery.py), kept in SourceConfig.options
DISCOVERY_OPTIONS = ("max_sitemaps", "max_sitemap_depth", "cursor_max_seen")
# which location keys each kind takes
_KIND_KEYS = {"files": {"path"}, "urls": {"urls"}, "rss": {"url"}, "sitemap": {"url"}}
_HTTP_ONLY = {"include", "exclude", "max_documents", "allow_private_network", *DISCOVERY_OPTIONS}


class RegistryError(ValueError):
    """The registry file cannot be used as written; the message says which entry and why."""


@dataclass(frozen=True)
class SourceConfig:
    name: str
    kind: str
    language: str = "auto"
    path: Path | None = None  # files: an absolute folder
    url: str | None = None  # rss, sitemap
    urls: tuple[str, ...] = ()  # urls
    include: tuple[str, ...] = ()  # regexes a URL must match (any)
    exclude: tuple[str, ...] = ()  # regexes a URL must not match
    max_documents: int | None = None  # per run
    allow_private_network: bool = False
    options: dict = field(default_factory=dict, compare=False, hash=False)


PositiveInt = Annotated[int, Field(gt=0)]
NonEmptyText = Annotated[str, Field(min_length=1)]


class _Source(BaseModel):
    """One entry of `sources:`, exactly as the YAML must spell it."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: Annotated[str, Field(pattern=_NAME.pattern)]
    kind: Literal["files", "urls", "rss", "sitemap"]
    language: Literal["ru", "ja", "zh", "en", "auto"] = "auto"
    path: NonEmptyText | None = None
    url: NonEmptyText | None = None
    urls: list[NonEmptyText] | None = None
    include: list[NonEmptyText] = []
    exclude: list[NonEmptyText] = []
    max_documents: PositiveInt | None = None
    allow_private_network: bool = False
    max_sitemaps: PositiveInt | None = None
    max_sitemap_depth: PositiveInt | None = None
    cursor_max_seen: PositiveInt | None = None

    @field_validator("include", "exclude")
    @classmethod
    def _patterns_compile(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"bad URL pattern {pattern!r}: {exc}") from None
        return patterns

    @field_validator("url")
    @classmethod
    def _http_url(cls, url: str) -> str:
        return _check_http_url(url)

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        return [_check_http_url(url) for url in urls]


def _check_http_url(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) URL with a host")
    return url


def load_registry(path: Path) -> list[SourceConfig]:
    if not path.exists():
        raise RegistryError(f"source registry {path} does not exist (set ACCORDS_SOURCES)")
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(document, dict):
        got = "nothing" if document is None else f"a {_type_name(document)}"
        raise RegistryError(f"{path}: expected a mapping with a top-level 'sources:' list, got {got}")
    unknown = sorted(str(key) for key in document if key != "sources")
    if unknown:
        raise RegistryError(f"{path}: unknown top-level key {unknown[0]!r} (the registry has one key, 'sources')")
    entries = document.get("sources")
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a top-level 'sources:' list, got {_describe(entries)}")
    sources = [_parse_entry(entry, index, path) for index, entry in enumerate(entries)]
    names = [source.name for source in sources]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RegistryError(f"{path}: source names must be unique, repeated: {', '.join(duplicates)}")
    return sources


def _parse_entry(entry: object, index: int, registry: Path) -> SourceConfig:
    where = f"{registry}: sources[{index}]"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping of keys, got {_describe(entry)}")
    name = entry.get("name")
    if isinstance(name, str) and _NAME.match(name):
        where = f"{registry}: source {name!r}"
    try:
        source = _Source.model_validate(entry)
    except ValidationError as exc:
        raise RegistryError(_message(where, exc.errors()[0])) from None
    allowed = _KIND_KEYS[source.kind] | ({"name", "kind", "language"}) | (_HTTP_ONLY if source.kind != "files" else set())
    for key in entry:
        if key not in allowed:
            raise RegistryError(f"{where}: key {key!r} does not apply to kind {source.kind}")
    required = next(iter(_KIND_KEYS[source.kind]))
    if not getattr(source, required):
        what = "a non-empty 'urls' list" if required == "urls" else f"a {required!r}"
        raise RegistryError(f"{where}: kind {source.kind} needs {what}")
    common: dict[str, Any] = dict(
        name=source.name,
        kind=source.kind,
        language=source.language,
        include=tuple(source.include),
        exclude=tuple(source.exclude),
        max_documents=source.max_documents,
        allow_private_network=source.allow_private_network,
        options={key: getattr(source, key) for key in DISCOVERY_OPTIONS if getattr(source, key) is not None},
    )
    if source.kind == "files":
        folder = Path(source.path).expanduser()
        return SourceConfig(path=(folder if folder.is_absolute() else registry.parent / folder).resolve(), **common)
    if source.kind == "urls":
        return SourceConfig(urls=tuple(url.strip() for url in source.urls), **common)
    return SourceConfig(url=source.url.strip(), **common)


def _message(where: str, error: dict) -> str:
    location = [part for part in error["loc"]]
    key = str(location[0]) if location else None
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        known = list(_Source.model_fields)
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(known)})"
        return f"{where}: unknown key {key!r}{hint}"
    if error["type"] == "missing":
        return f"{where}: key {key!r} is required"
    item = f" item {location[1]}" if len(location) > 1 else ""
    if error["type"] == "value_error":  # our own validators name the value already
        return f"{where}: key {key!r}{item}: {error['msg'].removeprefix('Value error, ')}"
    if error["type"] == "string_pattern_mismatch" and key == "name":
        return f"{where}: key 'name': {given!r} must match [a-z0-9_-]+"
    reason = error["msg"].replace("Input should be", "must be")
    if error["type"] == "bool_type":
        reason += " (true or false, not quoted)"
    return f"{where}: key {key!r}{item}: {reason}, got {_describe(given)}"


def _type_name(value: object) -> str:
    return {dict: "mapping", list: "list", str: "string", bool: "boolean", int: "integer", float: "number"}.get(
        type(value), type(value).__name__)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    text = repr(value)
    return f"{_type_name(value)} {text if len(text) <= 60 else text[:57] + '...'}"
