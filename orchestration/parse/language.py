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
# how much of a page's first line shows the language it opens with
_LEAD = 300


def detect_language(text: str, hint: str | None = None) -> str:
    if hint and hint != "auto":
        return hint
    sample = text[:20000]
    kana = len(_KANA.findall(sample))
    counts = _script_weights(sample)
    # Japanese prose carries kana in nearly every sentence; a few katakana in Chinese text are loanword noise
    if kana and kana * 20 >= counts["zh"] // 2:
        return "ja"
    ranked = sorted(counts, key=counts.get, reverse=True)
    best, second = ranked[0], ranked[1]
    if counts[second] and counts[second] * 2 >= counts[best]:
        # two languages of about equal weight: a page with its translation below it (官网 notices, bilingual
        # releases) is in the language it opens with
        opening = _script_weights(next((line for line in sample.split("\n") if line.strip()), "")[:_LEAD])
        return max((best, second), key=opening.get)
    return best if counts[best] else "en"


def _script_weights(text: str) -> dict[str, int]:
    """Each language's weight in ``text``: its script's characters, a Han character counting for two letters."""
    return {"zh": len(_HAN.findall(text)) * 2, "ru": len(_CYRILLIC.findall(text)), "en": len(_LATIN.findall(text))}
