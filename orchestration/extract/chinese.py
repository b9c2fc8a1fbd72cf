"""Traditional Chinese read as Simplified, one character for one, so offsets into the text stay valid.

The lexicons are written in Simplified characters; Taiwanese, Hong Kong and mirror sites publish the same
news in Traditional ones (博覽會, 簽約, 億元). OpenCC's character table (shipped by
opencc-python-reimplemented) gives the Simplified form of each Traditional character; where it lists several,
the first is the common one. Phrase-level conversions that change a word's length are not applied.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import opencc


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


def to_simplified(text: str) -> str:
    """``text`` with every Traditional character replaced by its Simplified form; same length."""
    return text.translate(_table())
