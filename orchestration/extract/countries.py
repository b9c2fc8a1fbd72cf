"""Country mentions in Russian, Japanese, Chinese and English news text.

``find_countries(text, lang)`` finds
- names, inflected or not («Беларуси», «Республике Корея», "U.S.", 蒙古国, アメリカ, 香港 -> HK): form 'name';
- adjectives («китайская», «российских», "Chinese", "Dutch", 中方): form 'adjective';
- compounds, one mention per country part («китайско-нидерландская» -> CN, NL; "Sino-Dutch", "US-China",
  «Китай-АСЕАН» -> CN; 中蒙, 中老铁路, 中日友好, 日中関係): form 'compound'. A CJK compound of one-character
  abbreviations counts only before a word such as 合作/关系/铁路/関係 (so 中老年, 中美洲, 中英文 do not).
Organisations (ASEAN, ШОС, 上海合作组织), macro-regions (Центральная Азия, 亚欧, アラブ諸国) and provinces are
recognised first, so their words never count as countries. ``inside_name`` marks a country word inside a
proper name (quotes, "Bank of China", «Казахско-Британский Технический Университет», 中日友好林).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract.lexicons import lexicon
from orchestration.extract.places import (
    CITY_STATES,
    AlphabeticPlaces,
    CjkPlaces,
    alphabetic_finder,
    attach_sentences,
    in_transliterated_name,
    inside_any,
    is_currency_issuer,
    scan_cjk,
    span_keys,
)
from orchestration.reference.countries import (
    adjective_country,
    compound_prefixes,
    country_names,
    subdivision_names,
)
from orchestration.reference.gazetteer import fold_cjk, name_key

__all__ = ["CountryMention", "find_countries"]

_HYPHEN_PART = re.compile(r"[^-‐]+")



@dataclass
class CountryMention:
    start: int
    end: int
    surface: str
    alpha2: str
    form: str  # 'name' | 'adjective' | 'compound'
    inside_name: bool = False
    sentence_start: int = 0
    sentence_end: int = 0


def find_countries(text: str, lang: str) -> list[CountryMention]:
    """All country mentions of ``text`` (offsets into ``text``), in order (the last few answers are kept, as
    for places: the mentions are shared)."""
    return list(_find_countries(text, lang))


@lru_cache(maxsize=16)
def _find_countries(text: str, lang: str) -> tuple[CountryMention, ...]:
    if lang in ("zh", "ja"):
        mentions = _cjk_countries(text, lang)
    elif lang in ("ru", "en"):
        mentions = _alphabetic_countries(text, lang)
    else:
        raise ValueError(f"unsupported language: {lang!r}")
    suffixes = tuple(str(s).lower() for s in lexicon(lang, "places").get("language_suffixes") or ())
    # "Portuguese-speaking countries", 葡语国家: the country's language, not the country
    mentions = [m for m in mentions if not text[m.end:m.end + 12].lower().startswith(suffixes)]
    attach_sentences(text, mentions)
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


# --- Russian / English -----------------------------------------------------------------------------------
def _name_country(lang: str, word: str) -> str | None:
    names = country_names(lang)
    for key in span_keys(lang, [word]):
        if key in names:
            return names[key]
    return None


def _part_country(lang: str, part: str) -> tuple[str | None, str]:
    """The country one part of a hyphenated compound names, and how (compound prefix, name or adjective)."""
    prefix = compound_prefixes(lang).get(name_key(part))
    if prefix:
        return prefix, "compound"
    if part[:1].isupper() or lang == "ru":
        alpha2 = _name_country(lang, part) if part[:1].isupper() else None
        if alpha2:
            return alpha2, "compound"
    alpha2 = adjective_country(lang, part)
    return (alpha2, "compound") if alpha2 else (None, "")


def _alphabetic_countries(text: str, lang: str) -> list[CountryMention]:
    finder = alphabetic_finder(text, lang)
    items = finder.items()
    mentions: list[CountryMention] = []
    covered: set[int] = set()
    for item in items:
        # a one-word city name does not hide an adjective ("Kazakh" is also a town); a name of several words does
        # ("Lao Cai", "American Fork")
        if item.phrase is not None or (item.kind == "city" and item.last - item.first > 1):
            covered.update(range(item.first, item.last))
        if item.phrase is None or item.phrase.kind != "country":
            continue
        if item.kind == "city" and item.phrase.value not in CITY_STATES:
            continue
        if is_currency_issuer(text, item.start, item.end):
            continue
        if _names_a_subdivision_of_the_city_before(text, items, item):
            continue
        inside = inside_any(finder.quotes, item.start, item.end) or finder._name_head(item) is not None
        mentions.append(CountryMention(item.start, item.end, text[item.start: item.end], item.phrase.value, "name",
                                       inside_name=inside))
    for index, (start, end, word) in enumerate(finder.tokens):
        if index in covered:
            continue
        if "-" in word or "‐" in word:
            parts = [(start + m.start(), start + m.end(), m.group()) for m in _HYPHEN_PART.finditer(word)]
            found = []
            for part_start, part_end, part in parts:
                alpha2, _ = _part_country(lang, part)
                if alpha2:
                    found.append((part_start, part_end, part, alpha2))
            if found and len(parts) > 1:
                in_name = _inside_name(finder, index, start, end)
                for part_start, part_end, part, alpha2 in found:
                    mentions.append(CountryMention(part_start, part_end, part, alpha2, "compound", inside_name=in_name))
            continue
        alpha2 = adjective_country(lang, word)
        if alpha2:
            mentions.append(CountryMention(start, end, word, alpha2, "adjective",
                                           inside_name=_inside_name(finder, index, start, end)))
    return mentions


_AFTER_CITY = re.compile(r"\s*,\s*")


def _names_a_subdivision_of_the_city_before(text: str, items: list, item) -> bool:
    """"Stonecrest, Georgia": after a city and a comma, a country's name that is also a state or province of that
    city's country names the state."""
    before = [other for other in items if other.end <= item.start and other.kind == "city" and other.cities]
    if not before or not _AFTER_CITY.fullmatch(text, before[-1].end, item.start):
        return False
    cities = before[-1].cities
    if any(city.country_code == item.phrase.value for city in cities):
        return False  # "Batumi, Georgia": a city of that country
    key = name_key(text[item.start:item.end])
    return any(key in subdivision_names(city.country_code) for city in cities)


def _inside_name(finder: AlphabeticPlaces, index: int, start: int, end: int) -> bool:
    """The word stands in a quoted or capitalised name; asked only of words that name a country, as most name none."""
    return inside_any(finder.quotes, start, end) or _in_capitalised_name(finder, index)


def _in_capitalised_name(finder: AlphabeticPlaces, index: int) -> bool:
    """An adjective inside a capitalised proper name with a head noun («Казахско-Британский Технический
    Университет», "Chinese Academy of Sciences")."""
    tokens = finder.tokens
    if not tokens[index][2][:1].isupper() or finder._starts_sentence(index) and not _next_capitalised(finder, index):
        return False
    k = index + 1
    while k < len(tokens) and finder.adjacent[k - 1] and k - index <= 5:
        word = tokens[k][2]
        if not word[:1].isupper() and not (finder.lang == "en" and word in ("of", "and", "for", "the")):
            break
        low = word.lower()
        for _, pattern in finder.res.name_heads:
            if pattern.fullmatch(low):
                return True
        k += 1
    return False


def _next_capitalised(finder: AlphabeticPlaces, index: int) -> bool:
    tokens = finder.tokens
    return index + 1 < len(tokens) and finder.adjacent[index] and tokens[index + 1][2][:1].isupper()


# --- Chinese / Japanese ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Abbreviations:
    table: dict[str, str]
    continuations: tuple[str, ...]
    word_breaks: tuple[str, ...]
    prepositions: frozenset[str]

    def word_across(self, folded: str, boundary: int) -> bool:
        """A common word runs across ``boundary`` (参加|中俄, 中俄|加强): the compound stops there."""
        return any(folded.startswith(word, boundary - cut)
                   for word in self.word_breaks for cut in range(1, len(word)) if boundary - cut >= 0)


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> _Abbreviations:
    places = lexicon(lang, "places")
    folded = lambda key: tuple(fold_cjk(str(word)) for word in places.get(key) or [])
    return _Abbreviations(
        table={fold_cjk(str(k)): str(v) for k, v in (places.get("country_abbreviations") or {}).items()},
        continuations=tuple(sorted(folded("compound_continuations"), key=len, reverse=True)),
        word_breaks=folded("abbreviation_word_breaks"),
        prepositions=frozenset(folded("compound_prepositions")),
    )


def _cjk_countries(text: str, lang: str) -> list[CountryMention]:
    folded = fold_cjk(text)
    finder = CjkPlaces(text, lang)
    items = scan_cjk(folded, lang)
    mentions: list[CountryMention] = []
    covered = bytearray(len(folded) + 1)
    for item in items:
        if item.phrase is not None:  # 中方 is also a county: a city name does not hide a compound
            covered[item.start: item.end] = b"\x01" * (item.end - item.start)
        if item.phrase is None or item.phrase.kind != "country":
            continue
        if item.kind == "city" and item.phrase.value not in CITY_STATES:
            continue
        if in_transliterated_name(folded, item.start, item.end):
            continue
        inside = finder._head_after(item.end) is not None
        mentions.append(CountryMention(item.start, item.end, text[item.start: item.end], item.phrase.value, "name",
                                       inside_name=inside))
    mentions.extend(_cjk_compounds(text, folded, lang, covered, finder, _named_in_full(mentions, folded)))
    return mentions


def _named_in_full(mentions: list[CountryMention], folded: str) -> dict[str, set[str]]:
    """The first character of each country the text names in full, and the countries it opens: 巴 is Brazil in a
    report that names 巴西 (and not 巴基斯坦), 新 Singapore in one that names 新加坡."""
    named: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.form == "name" and mention.end - mention.start >= 2:
            named.setdefault(folded[mention.start], set()).add(mention.alpha2)
    return named


def _abbreviated_country(character: str, table: dict[str, str], named: dict[str, set[str]]) -> str:
    """The country one character abbreviates: the table's, unless the text names in full one other country that the
    character opens. A character the table leaves out ("-") stays out: 阿 and 非 also stand for the Arab world
    and Africa, whatever single country of theirs the text names."""
    opened = named.get(character, set())
    return next(iter(opened)) if len(opened) == 1 and table[character] != "-" else table[character]


# a city's suffix right after the abbreviations, or a transcribed name that runs on to a Russian krai's: 库塔伊西市 is a
# transcribed city, 哈巴罗夫斯(克)边疆区 Khabarovsk Krai (written without its 克), not Kazakhstan and Pakistan
_RUN_TO_PLACE_SUFFIX = re.compile(r"(?:市|州|县|縣)|[\u4e00-\u9fff]{0,5}?(?:边疆区|邊疆區)")


# a two-character run of abbreviations that names a city this big is the city: 台中 is Taichung, 巴中 Bazhong
_COMPOUND_CITY_POPULATION = 1_000_000


def _cjk_compounds(text: str, folded: str, lang: str, covered: bytearray, finder: CjkPlaces,
                   named: dict[str, set[str]] | None = None) -> list[CountryMention]:
    abbreviations = _abbreviations(lang)
    table, continuations = abbreviations.table, abbreviations.continuations
    out: list[CountryMention] = []
    i, n = 0, len(folded)
    while i < n:
        if covered[i] or folded[i] not in table:
            i += 1
            continue
        if abbreviations.word_across(folded, i) or (
                folded[i] in abbreviations.prepositions and i + 1 < n and folded[i + 1] in table):
            i += 1  # the end of a word (参加|中俄) or a preposition (以中俄友好为主题), not a country
            continue
        j = i
        while j < n and j - i < 4 and not covered[j] and folded[j] in table \
                and not abbreviations.word_across(folded, j):
            j += 1
        if abbreviations.word_across(folded, j):
            j -= 1  # 中俄加强合作: the last character begins a word
        if j <= i:
            i += 1
            continue
        if (j - i >= 2 and len(set(folded[i:j])) == 1) or (j - i == 2 and any(
                city.population >= _COMPOUND_CITY_POPULATION for city in finder.gazetteer.lookup(folded[i:j], lang))):
            i = j  # 美美与共 doubles one character for a word; 台中 is a city
            continue
        countries = [(p, _abbreviated_country(folded[p], table, named or {})) for p in range(i, j)]
        countries = [(p, alpha2) for p, alpha2 in countries if alpha2 != "-"]
        # three country abbreviations (中俄蒙, 日中韓) are a compound anyway; otherwise a following noun is needed
        # (中蒙合作; 中新马(尔堡) is China + a transliteration)
        # … unless a city's suffix follows: 库塔伊西市 is a transcribed city's name, not Tajikistan, Iran and Spain
        unambiguous = j - i >= 3 and len(countries) == j - i and not _RUN_TO_PLACE_SUFFIX.match(folded, j)
        if j - i >= 2 and countries and (unambiguous or any(folded.startswith(c, j) for c in continuations)):
            inside = finder._head_after(j) is not None
            for p, alpha2 in countries:
                out.append(CountryMention(p, p + 1, text[p], alpha2, "compound", inside_name=inside))
        elif j - i == 1 and countries and folded.startswith("方", j) and lang == "zh":
            out.append(CountryMention(i, i + 1, text[i], countries[0][1], "adjective"))  # 中方, 俄方
        i = j
    return out
