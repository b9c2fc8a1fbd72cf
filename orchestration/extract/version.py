"""The extractor's version: a hash of every file that decides what extraction returns.

A hand-bumped label went stale through many changes; hashing the code and the lexicons (and the reference
data the extractors read) makes any change re-extract every kept document on the next run.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
# what extraction reads: its own code and lexicons, and the gazetteer, country and alias data behind places
_INPUTS = ("extract", "reference")
_SUFFIXES = {".py", ".yml", ".yaml", ".json", ".csv"}


def extractor_version(root: Path = _PACKAGE) -> str:
    digest = hashlib.sha256()
    for folder in _INPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return f"extract-{digest.hexdigest()[:12]}"
