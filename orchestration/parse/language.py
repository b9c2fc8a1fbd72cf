"""Language of a document among the four Accords reads, from its scripts.

Kana only occur in Japanese, Han without kana is Chinese, Cyrillic is Russian, Latin is English. For these
four languages the script decides more reliably than a statistical model trained on short snippets.
"""
from __future__ import annotations

import re

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, hint: str | None = None) -> str:
    if hint and hint != "auto":
        return hint
    sample = text[:20000]
    kana = len(_KANA.findall(sample))
    han = len(_HAN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    # Japanese prose carries kana in nearly every sentence; a few katakana in Chinese text are loanword noise
    if kana and kana * 20 >= han:
        return "ja"
    counts = {"zh": han * 2, "ru": cyrillic, "en": latin}
    best = max(counts, key=counts.get)
    return best if counts[best] else "en"
