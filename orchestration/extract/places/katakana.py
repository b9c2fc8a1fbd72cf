"""Foreign towns GeoNames names in no Japanese script, found by sound: ウィルソンビル市 is Wilsonville.

GeoNames gives katakana names to big cities only; a Japanese town's sister town abroad is mostly small. Japanese
writes a foreign name as it sounds, so the consonants of the katakana and of the English name agree once both
are reduced to what katakana can tell apart (l and r, b and v are one; vowels, w, y and a silent r after a vowel
are dropped): ウィルソンビル and Wilsonville both give r-s-n-b-r. Only a katakana name with a town's suffix
(市, 町, 村) is read this way, and only among the towns of a country the text names, so that a transliterated
person or firm is never a town.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from orchestration.reference.gazetteer import City, get_gazetteer

# at least this many consonants: shorter skeletons match too many towns (スーセーマリー, s-s-m-r, also sounds
# like Swarthmore)
_MIN_SKELETON = 5
_MIN_POPULATION = 1_000

_KANA_CONSONANTS = {
    **dict.fromkeys("カキクケコ", "k"), **dict.fromkeys("ガギグゲゴ", "g"),
    **dict.fromkeys("サスセソシ", "s"), **dict.fromkeys("ザズゼゾジヂヅ", "z"),
    **dict.fromkeys("タテトツ", "t"), "チ": "c", **dict.fromkeys("ダデド", "d"),
    **dict.fromkeys("ナニヌネノン", "n"), **dict.fromkeys("ハヒヘホフ", "h"),
    **dict.fromkeys("バビブベボヴ", "b"), **dict.fromkeys("パピプペポ", "p"),
    **dict.fromkeys("マミムメモ", "m"), **dict.fromkeys("ラリルレロ", "r"),
}
# English spellings in the order they are rewritten to the sounds katakana keeps apart
_ENGLISH_SOUNDS = (
    (re.compile(r"(?<=[aeiou])r(?=[^aeiou]|$)"), ""),  # "Harvey": the r after a vowel is silent
    (re.compile(r"([a-z])\1"), r"\1"),
    (re.compile(r"ph"), "f"), (re.compile(r"tch"), "c"), (re.compile(r"dge"), "z"), (re.compile(r"sch|sh"), "s"),
    (re.compile(r"ch"), "c"), (re.compile(r"th"), "s"), (re.compile(r"ck|qu|q"), "k"), (re.compile(r"x"), "ks"),
    (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"c"), "k"), (re.compile(r"v"), "b"), (re.compile(r"j"), "z"),
    (re.compile(r"f"), "h"), (re.compile(r"l"), "r"), (re.compile(r"[aeiouwy]"), ""),
)
# the second character of a title after a town's suffix (市長, 町议会): the name before it may be a person's
_TITLE_HEADS = frozenset("長长議议")
_TOWN_AFTER_KATAKANA = re.compile(r"(?<![ァ-ヺー・])(?P<name>[ァ-ヺ][ァ-ヺー・]{2,20})(?=[市町村])")


def katakana_skeleton(name: str) -> str:
    """The consonants of a katakana name: ウィルソンビル -> rsnbr."""
    sounds = "".join(_KANA_CONSONANTS.get(ch, "") for ch in name)
    return re.sub(r"(.)\1", r"\1", sounds)


def english_skeleton(name: str) -> str:
    """The consonants of an English name as katakana would keep them: Wilsonville -> rsnbr."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(ch for ch in plain if "a" <= ch <= "z")
    for pattern, replacement in _ENGLISH_SOUNDS:
        plain = pattern.sub(replacement, plain)
    return re.sub(r"(.)\1", r"\1", plain)


@lru_cache(maxsize=1)
def _towns_by_country() -> dict[str, tuple[City, ...]]:
    """The gazetteer's towns of ``_MIN_POPULATION`` or more, by country (one pass over it)."""
    towns: dict[str, list[City]] = defaultdict(list)
    for city in get_gazetteer().all_cities():
        if city.population >= _MIN_POPULATION:
            towns[city.country_code].append(city)
    return {country: tuple(found) for country, found in towns.items()}


@lru_cache(maxsize=None)
def _towns_by_sound(country: str) -> dict[str, tuple[City, ...]]:
    """skeleton -> the towns of ``country`` whose English name sounds so, biggest first (the skeletons are worked
    out when a text first needs that country)."""
    towns: dict[str, list[City]] = defaultdict(list)
    for city in _towns_by_country().get(country, ()):
        skeleton = english_skeleton(city.name_en)
        if len(skeleton) >= _MIN_SKELETON:
            towns[skeleton].append(city)
    return {key: tuple(sorted(found, key=lambda c: -c.population)) for key, found in towns.items()}


def towns_by_sound(text: str, countries: set[str]) -> list[tuple[int, int, City]]:
    """(start, end, town) of each katakana name before 市, 町 or 村 that sounds like the English name of a town of
    one of ``countries`` (the biggest where several do)."""
    found = []
    matches = list(_TOWN_AFTER_KATAKANA.finditer(text))
    # "ハルトル市長" is Mayor Hartl: before a title a name is a town only where the text also calls it one
    called_towns = {m.group("name") for m in matches if text[m.end() + 1:m.end() + 2] not in _TITLE_HEADS}
    for match in matches:
        if match.group("name") not in called_towns:
            continue
        skeleton = katakana_skeleton(match.group("name"))
        if len(skeleton) < _MIN_SKELETON:
            continue
        towns = [town for country in sorted(countries) for town in _towns_by_sound(country).get(skeleton, ())]
        if towns:
            found.append((match.start("name"), match.end("name"), max(towns, key=lambda c: c.population)))
    return found
