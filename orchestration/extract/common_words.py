"""How common a word is in its language, from wordfreq's frequency lists (Speer et al.).

A capitalised English or Russian word, or a katakana word, that is a common word of the language ("Commerce",
"Enterprise", «Начало», コロナ) names a small town only by accident: such a name is read as a city only when
the city is a big one or a word beside it says it is a city.
"""
from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict

COMMON_ZIPF = 4.0  # about once in every 100,000 words of running text
FUNCTION_ZIPF = 5.5  # the few hundred commonest words: pronouns, auxiliaries ("We", «Мы»)
BIG_CITY = 300_000


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float]:
    return get_frequency_dict(lang)


def zipf(word: str, lang: str) -> float:
    frequency = _frequencies(lang).get(word.lower())
    return math.log10(frequency) + 9 if frequency else 0.0


def is_common_word(word: str, lang: str) -> bool:
    return zipf(word, lang) >= COMMON_ZIPF


def is_function_word(word: str, lang: str) -> bool:
    return zipf(word, lang) >= FUNCTION_ZIPF
