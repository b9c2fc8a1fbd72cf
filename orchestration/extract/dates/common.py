"""Text utilities shared by the date modules: normalising full-width forms, word alternations, numerals."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from orchestration.extract.wordlists import alt  # noqa: F401  (re-exported: the dates modules read it here)

MIN_YEAR, MAX_YEAR = 1900, 2099


# Full-width digits and punctuation map one-to-one onto ASCII, so offsets in the normalised copy are offsets in
# the original text.
_NORMALISE = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "／": "/",
        "－": "-",
        "．": ".",
        "：": ":",
        "，": ",",
        "（": "(",
        "）": ")",
        "　": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        # the minus sign and the small hyphen-minus stand for a range's dash too ("7月9−12日")
        "\u2212": "-",
        "\ufe63": "-",
    }
)
CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
HAS_CJK = re.compile(f"[{CJK}]")
CN_DIGIT = "〇零一二三四五六七八九"
YEAR = r"(?:19|20)\d{2}"


_NEEDS_NORMALISING = re.compile("[\uff0c\uff08\uff09\uff0d\uff0e\uff0f\uff10-\uff1a\u3000\u2010-\u2012\u2212\ufe63]")


@lru_cache(maxsize=16)
def normalise(text: str) -> str:
    # cached: the extractors of one document each ask for it
    if not _NEEDS_NORMALISING.search(text):
        return text
    return text.translate(_NORMALISE)




def key(surface: str) -> str:
    return " ".join(surface.lower().split()).rstrip(".")


def cjk_int(token: str, numerals: dict[str, int]) -> int | None:
    """12, 十二, 二十五, 二〇二四 -> int."""
    if token.isdigit():
        return int(token)
    if len(token) == 4 and all(ch in numerals and numerals[ch] < 10 for ch in token):
        return int("".join(str(numerals[ch]) for ch in token))
    if "十" in token:
        tens, _, units = token.partition("十")
        t = numerals.get(tens, 0) if tens else 1
        u = numerals.get(units, 0) if units else 0
        return t * 10 + u
    if len(token) == 1 and token in numerals:
        return numerals[token]
    return None


def valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if day is not None:
        if not 1 <= day <= 31:
            return False
        if month is not None:
            try:
                date(year if year is not None else 2000, month, day)  # 2000: leap, so 29 Feb stays possible
            except ValueError:
                return False
    return True



def word_map(table: dict[Any, list[str]] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, words in (table or {}).items():
        for w in words or []:
            out[key(w)] = int(value)
    return out
