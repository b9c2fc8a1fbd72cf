"""Per-language lexicons kept as data: ``<lang>/<topic>.yml``.

Each topic file belongs to one extractor (money, dates, events, places, ...). Keeping them as data lets a
linguist extend a language without touching code, and lets each language carry its own test module.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent
LANGUAGES = ("ru", "ja", "zh", "en")


@lru_cache(maxsize=None)
def lexicon(lang: str, topic: str) -> dict[str, Any]:
    """The lexicon of one topic in one language; an empty dict when the language has none."""
    path = LEXICON_DIR / lang / f"{topic}.yml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
