"""The parser's version: a hash of every file that decides what parsing returns.

Parsing reads its own code and word lists, and the date grammar and lexicons of the extractors (publication
dates), so a change to any of them re-parses every stored document on the next run.
"""
from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIXES = {".py", ".yml", ".yaml"}
# the libraries that read HTML pages: a new release may read a page differently
_LIBRARIES = ("trafilatura", "htmldate")


def _inputs(root: Path) -> list[Path]:
    paths = [p for p in (root / "parse").rglob("*") if p.suffix in _SUFFIXES]
    paths += [p for p in (root / "fetch").glob("charsets.py")]
    paths += [p for p in (root / "extract" / "dates").rglob("*.py")]
    paths += sorted((root / "extract" / "lexicons").glob("*/dates.yml"))
    paths += [root / "extract" / "lexicons" / "__init__.py", root / "extract" / "text.py"]
    return sorted(p for p in paths if p.is_file() and "__pycache__" not in p.parts)


def parser_version(root: Path = _PACKAGE) -> str:
    digest = hashlib.sha256()
    for path in _inputs(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for library in _LIBRARIES:
        try:
            digest.update(f"{library}=={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library} missing\0".encode())
    return f"parse-{digest.hexdigest()[:12]}"
