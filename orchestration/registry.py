"""The source registry (CONTRACT.md, "Source registry"): which sources to read and how."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SOURCE_KINDS = ("files", "urls", "rss", "sitemap")
LANGUAGE_HINTS = ("ru", "ja", "zh", "en", "auto")
_NAME = re.compile(r"^[a-z0-9_-]+$")


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


def load_registry(path: Path) -> list[SourceConfig]:
    if not path.exists():
        raise RegistryError(f"source registry {path} does not exist (set ACCORDS_SOURCES)")
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    entries = document.get("sources")
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a top-level 'sources:' list")
    sources = [_parse_entry(entry, index, path.parent) for index, entry in enumerate(entries)]
    names = [source.name for source in sources]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise RegistryError(f"{path}: source names must be unique, repeated: {', '.join(duplicates)}")
    return sources


def _parse_entry(entry: object, index: int, base: Path) -> SourceConfig:
    where = f"sources[{index}]"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping")
    name = str(entry.get("name", ""))
    if not _NAME.match(name):
        raise RegistryError(f"{where}: name {name!r} must match [a-z0-9_-]+")
    where = f"source {name!r}"
    kind = entry.get("kind")
    if kind not in SOURCE_KINDS:
        raise RegistryError(f"{where}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    language = entry.get("language", "auto")
    if language not in LANGUAGE_HINTS:
        raise RegistryError(f"{where}: language {language!r} is not one of {', '.join(LANGUAGE_HINTS)}")
    for pattern in list(entry.get("include", []) or []) + list(entry.get("exclude", []) or []):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise RegistryError(f"{where}: bad URL pattern {pattern!r}: {exc}") from exc
    max_documents = entry.get("max_documents")
    if max_documents is not None and (not isinstance(max_documents, int) or max_documents < 1):
        raise RegistryError(f"{where}: max_documents must be a positive integer")
    known = {"name", "kind", "language", "path", "url", "urls", "include", "exclude", "max_documents", "allow_private_network"}
    common = dict(
        name=name,
        kind=kind,
        language=language,
        include=tuple(entry.get("include", []) or []),
        exclude=tuple(entry.get("exclude", []) or []),
        max_documents=max_documents,
        allow_private_network=bool(entry.get("allow_private_network", False)),
        options={key: value for key, value in entry.items() if key not in known},
    )
    if kind == "files":
        if not entry.get("path"):
            raise RegistryError(f"{where}: kind files needs a 'path'")
        folder = Path(str(entry["path"])).expanduser()
        return SourceConfig(path=(folder if folder.is_absolute() else base / folder).resolve(), **common)
    if kind == "urls":
        urls = entry.get("urls")
        if not isinstance(urls, list) or not urls:
            raise RegistryError(f"{where}: kind urls needs a non-empty 'urls' list")
        return SourceConfig(urls=tuple(str(url) for url in urls), **common)
    if not entry.get("url"):
        raise RegistryError(f"{where}: kind {kind} needs a 'url'")
    return SourceConfig(url=str(entry["url"]), **common)
