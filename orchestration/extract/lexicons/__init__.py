"""Per-language lexicons kept as data: ``<lang>/<topic>.yml``, checked against ``schema.yml``.

Each topic file belongs to one extractor (money, dates, events, places, ...). Keeping them as data lets a
linguist extend a language without touching code. ``schema.yml`` says which keys each topic has, of which
type, and which languages carry them: a missing, misspelt or mistyped key is an error when the lexicon is
loaded, never a silent empty list.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent
LANGUAGES = ("ru", "ja", "zh", "en")
TOPICS = ("counts", "dates", "events", "money", "places", "roles")
_TYPES = {"list": list, "map": dict, "text": str, "number": int}


class LexiconError(ValueError):
    """A lexicon file that does not follow the schema."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML keeps the last of two equal keys without a word; in a lexicon the first would be lost unseen."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise LexiconError(f"{node.start_mark.name}, line {key_node.start_mark.line + 1}: key {key!r} given twice")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def load_yaml(path: Path) -> Any:
    """A lexicon or schema file, every mapping's keys unique."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_UniqueKeyLoader)


@lru_cache(maxsize=1)
def schema() -> dict[str, dict[str, dict]]:
    return load_yaml(LEXICON_DIR / "schema.yml")


def _applies(spec: dict, lang: str) -> bool:
    languages = spec.get("languages", "all")
    return languages == "all" or lang in languages


@lru_cache(maxsize=None)
def lexicon(lang: str, topic: str) -> dict[str, Any]:
    """The lexicon of one topic in one language, validated against the schema."""
    if lang not in LANGUAGES or topic not in TOPICS:
        raise LexiconError(f"no lexicon {lang}/{topic}: languages {LANGUAGES}, topics {TOPICS}")
    path = LEXICON_DIR / lang / f"{topic}.yml"
    data = load_yaml(path) or {}
    validate(data, lang, topic, str(path))
    return data


def validate(data: dict[str, Any], lang: str, topic: str, where: str) -> None:
    keys = schema()[topic]
    for key, value in data.items():
        spec = keys.get(key)
        if spec is None or not _applies(spec, lang):
            raise LexiconError(f"{where}: unknown key {key!r} (schema.yml lists the keys of {topic!r})")
        expected = _TYPES[spec["type"]]
        if value is not None and not isinstance(value, expected):
            raise LexiconError(f"{where}: {key!r} must be a {spec['type']}, not {type(value).__name__}")
    missing = [key for key, spec in keys.items() if _applies(spec, lang) and key not in data]
    if missing:
        raise LexiconError(f"{where}: missing key(s) {', '.join(missing)}")
