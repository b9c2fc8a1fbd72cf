"""Place mentions, the phrase table of each language and how a name is resolved to one city."""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from functools import lru_cache

from orchestration.extract.lexicons import lexicon
from orchestration.extract.text import split_sentences
from orchestration.reference.countries import (
    admin_region_names,
    country_names,
)
from orchestration.reference.gazetteer import (
    City,
    name_key,
    own_name_first,
)

KINDS = ("city", "admin_region", "country", "district", "macro_region", "street", "organisation", "venue", "project")
# Countries that are cities: their name is a city participant, not a country mention of the places extractor.
CITY_STATES = frozenset({"HK", "MO", "SG"})
# Hong Kong, Macau and Taiwan: ISO codes of their own, which Chinese writes under China (中国台北, 中国香港) and
# lists together (港澳台)
CHINESE_REGIONS = frozenset({"HK", "MO", "TW"})

# Population floors. Without a cue a name must be a real town; short names must be big towns. A town abroad
# (not in a country the document names, nor where the script is native) must be a big one: small foreign
# towns are what common words collide with («Саммит» is Summit, NJ; "Beverly" is Beverly, MA).
MIN_POPULATION = {"ru": 15_000, "en": 30_000, "zh": 50_000, "ja": 20_000}
_MIN_POPULATION_ABROAD = {"ru": 100_000, "en": 50_000}
_NATIVE_COUNTRIES = {
    # Russian: Cyrillic-writing countries, and China, whose names Russian writes in the Palladius system
    # (exotic enough - «Суйфэньхэ», «Цзяочжоу» - not to collide with Russian words).
    "ru": frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "MN", "MD", "AM", "GE", "AZ", "TM", "CN"}),
    "en": frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "IN", "SG", "PH", "ZA", "NG", "KE"}),
}
_MIN_POPULATION_IN_CONTEXT = 3_000  # the city's country is named in the document
# right after a preposition of place ("held in Wertheim", «из Губбио»): a capitalised word there names a place far
# more often than a person or a thing, so a smaller town abroad is believed
_MIN_POPULATION_AFTER_PREPOSITION = 10_000
_MIN_POPULATION_SHORT = 300_000  # Latin/Cyrillic names of three letters or fewer (Уси, Xi'an is longer)
MIN_POPULATION_CJK_LONG = 5_000  # CJK names of three characters or more
MAX_PHRASE_TOKENS = 4
MAX_CITY_TOKENS = 3


@dataclass
class PlaceMention:
    start: int
    end: int
    surface: str
    city: City | None
    candidates: list[City]
    kind: str
    is_dateline: bool = False
    inside_name: bool = False
    sentence_start: int = 0
    sentence_end: int = 0
    region_code: str | None = None  # ISO 3166-2 of a province or state ("CN-SN"), where the name is one


def attach_sentences(text: str, mentions: list) -> None:
    """Set sentence_start/sentence_end of each mention (anything with start/end and those two fields)."""
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < sentences[index].end:
            mention.sentence_start, mention.sentence_end = sentences[index].start, sentences[index].end
        else:  # between sentences (should not happen): the mention itself
            mention.sentence_start, mention.sentence_end = mention.start, mention.end


# =====================================================================================================
# Language resources (cached per process)
# =====================================================================================================
@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str  # 'country' | 'admin_region' | 'macro_region' | 'organisation'
    value: str  # alpha2 for countries, ISO 3166-2 code or "lexicon" otherwise


@lru_cache(maxsize=None)
def phrase_table(lang: str) -> dict[str, Phrase]:
    """Normalised names of organisations, macro-regions, countries and provinces (earlier kinds win)."""
    places = lexicon(lang, "places")
    table: dict[str, Phrase] = {}

    def put(name: str, kind: str, value: str) -> None:
        key = name_key(str(name))
        if key and len(key) >= 2:
            table.setdefault(key, Phrase(kind, value))

    for name in (places.get("organisations") or []) + (places.get("outlets") or []):
        put(name, "organisation", "lexicon")
    for name in places.get("macro_regions") or []:
        put(name, "macro_region", "lexicon")
    for key, alpha2 in country_names(lang).items():
        put(key, "country", alpha2)
    if lang != "en":  # English names of countries appear in every language's text ("ASEAN", "USA")
        for key, alpha2 in country_names("en").items():
            if lang == "ru" or key.isascii():
                put(key, "country", alpha2)
    for key, code in admin_region_names(lang).items():
        put(key, "admin_region", code)
    return table


def region_code_of(item: PlaceItem) -> str | None:
    """The ISO 3166-2 code of a province-like phrase (pycountry subdivisions carry one; lexicon entries do not)."""
    if item.kind == "admin_region" and item.phrase is not None and "-" in item.phrase.value:
        return item.phrase.value
    return None


def region_country_of(item: PlaceItem) -> str | None:
    """The country of a province-like phrase, from its ISO 3166-2 code."""
    code = region_code_of(item)
    return code.split("-")[0] if code else None


def choose_city(cities: list[City], context: set[str], cue: bool, lang: str, short: bool = False,
                after_preposition: bool = False, key: str | None = None) -> tuple[City | None, list[City]]:
    """The city a name most likely means, and all candidates ranked (population, boosted by document context).
    A city whose own English name is the name's ``key`` comes before a bigger one that bears it only as an
    alternate (GeoNames files a metropolis twice, once under a suburb's name), as the gazetteer's lookup does."""
    def score(city: City) -> int:
        return city.population * (10 if city.country_code in context else 1) + 1

    ranked = sorted(cities, key=lambda c: -score(c))
    if key is not None:
        ranked = own_name_first(ranked, [key], score)
    if cue:
        return (ranked[0] if ranked else None), ranked
    native = _NATIVE_COUNTRIES.get(lang, frozenset())
    for city in ranked:
        if short and city.population < _MIN_POPULATION_SHORT:
            continue
        if city.country_code in context:
            floor = _MIN_POPULATION_IN_CONTEXT
        elif city.country_code in native:
            floor = MIN_POPULATION[lang]
        else:
            floor = _MIN_POPULATION_ABROAD[lang]
        if after_preposition:
            floor = min(floor, _MIN_POPULATION_AFTER_PREPOSITION)
        if city.population >= floor:
            return city, ranked
    return None, ranked



def distance_km(first: City, second: City) -> float:
    """Great-circle distance between two cities."""
    lat1, lon1, lat2, lon2 = map(math.radians, (first.latitude, first.longitude, second.latitude, second.longitude))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(a))


_EARTH_RADIUS_KM = 6371.0


@dataclass
class PlaceItem:
    first: int  # token index (alphabetic) or character offset (CJK)
    last: int  # exclusive
    start: int
    end: int
    kind: str  # 'city' or a Phrase kind
    phrase: Phrase | None = None
    cities: list[City] = field(default_factory=list)
    key: str = ""


NAME_KINDS = frozenset({"street", "venue", "organisation", "project"})  # the place word is part of a name
