"""ISO 3166 countries (pycountry) with their names in Russian, Japanese, Chinese and English.

Names come from pycountry's own fields (name, official_name, common_name) and its gettext catalogues
(domain "iso3166-1", languages ru, ja, zh_CN, zh_TW), plus the short names each language's lexicon
(``lexicons/<lang>/places.yml``, section ``countries``) adds: "Россия", "США", "アメリカ", "韩国", "Sino".
Hong Kong is HK, Macau MO and Taiwan TW, as in ISO 3166.

Province-level names (``admin_region_names``) come the same way from ISO 3166-2 (domain "iso3166-2"), plus the
lexicon's ``admin_regions``: they let the extractors tell "Yunnan" or "云南" (a province) from a city.
"""
from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from orchestration.extract.lexicons import lexicon
from orchestration.reference.gazetteer import get_gazetteer, name_key, palladius, script_of

_GETTEXT_LANGUAGES = {"ru": ("ru",), "ja": ("ja",), "zh": ("zh_CN", "zh_TW"), "en": ()}

# Subdivision types that are provinces/regions (a "Municipality" such as Beijing Shi or a "Special
# administrative region" such as Hong Kong is a city for Accords, so those types are left out).
_ADMIN_TYPES = {
    "Province", "Region", "State", "Governorate", "Administrative region", "Prefecture", "Autonomous region",
    "Autonomous community", "Republic", "Land", "Voivodship", "Oblast", "Autonomous district", "Territory",
    "Regional state", "Autonomous republic", "Autonomous province", "Department", "Emirate", "Canton",
}
# Suffixes of full subdivision names whose bare stem is also used ("云南省" -> "云南", "Jiangsu Sheng" -> "Jiangsu").
_ADMIN_SUFFIXES = re.compile(
    r"(?:(?:维吾尔|[\u4e00-\u9fff]{1,3}族)?自治区|特别行政区|省| Sheng| Zizhiqu| Uygur Zizhiqu| Huizu Zizhiqu|"
    r" Zhuangzu Zizhiqu| Province| Region| Oblast| Kray| Krai| Prefecture| Governorate)$"
)


# Subdivisions named by a bare common word ("East", "Central", "Capital") would turn every such word into a
# province: they are left out.
_GENERIC_REGION_WORDS = frozenset(
    "east west north south central centre center northern southern eastern western capital coast coastal "
    "upper lower middle islands island north east north west south east south west northeast northwest "
    "southeast southwest far north far west mid west interior highlands lakes valley mountain mountains "
    "river plains border frontier".split()
) | frozenset(["north east", "north west", "south east", "south west", "far north", "far west", "mid west"])


# ... and so would a Russian subdivision named by a bare adjective («Центральная», «Северная»).
_RU_BARE_ADJECTIVE = re.compile(r"[а-яё]+(?:ая|яя|ый|ий|ой|ое|ее)")


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name_en: str
    numeric: str


def _country_of(record) -> Country:
    return Country(record.alpha_2, record.alpha_3, getattr(record, "common_name", None) or record.name, record.numeric)


@lru_cache(maxsize=None)
def _countries() -> dict[str, Country]:
    return {c.alpha_2: _country_of(c) for c in pycountry.countries}


def get_country(alpha2: str) -> Country | None:
    return _countries().get(alpha2.upper())


def all_countries() -> list[Country]:
    return list(_countries().values())


def _translations(lang: str, domain: str) -> list[gettext.NullTranslations]:
    out = []
    for code in _GETTEXT_LANGUAGES.get(lang, ()):
        try:
            out.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[code]))
        except OSError:
            continue
    return out


def _name_variants(name: str) -> list[str]:
    """'大韓民国 (韓国)' -> both names; 'Korea, Republic of' is dropped (the lexicon gives the usual forms)."""
    if not name or "," in name:
        return []
    parts = [name]
    match = re.fullmatch(r"(.+?)\s*[(（](.+?)[)）]", name)
    if match:
        parts = [match.group(1), match.group(2)]
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=None)
def country_names(lang: str) -> dict[str, str]:
    """Normalised country name (``name_key``) -> alpha2, for one language (English names always included)."""
    names: dict[str, str] = {}
    catalogues = _translations(lang, "iso3166-1")
    for record in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            value = getattr(record, field, None)
            if not value:
                continue
            for variant in _name_variants(value):
                names.setdefault(name_key(variant), record.alpha_2)
            for catalogue in catalogues:
                for variant in _name_variants(catalogue.gettext(value)):
                    names.setdefault(name_key(variant), record.alpha_2)
    for name, alpha2 in _cldr_names(lang).items():
        names.setdefault(name, alpha2)
    if lang == "en":
        for name, alpha2 in _latin_endonyms().items():
            names.setdefault(name, alpha2)
    # The lexicon's short names win over pycountry's (e.g. "Корея" is South Korea in Russian news).
    for alpha2, extra in (lexicon(lang, "places").get("countries") or {}).items():
        for name in extra:
            names[name_key(str(name))] = alpha2
    names.pop("", None)
    return names


@lru_cache(maxsize=None)
def subdivision_names(alpha2: str) -> frozenset[str]:
    """The ISO 3166-2 subdivisions of a country by ``name_key``: "georgia" is a state of the US."""
    return frozenset(name_key(sub.name) for sub in pycountry.subdivisions.get(country_code=alpha2) or ())


# CLDR's territory names as each language writes them in running text ("オーストラリア", "阿拉伯联合酋长国"), where
# iso-codes gives only the official long form; Chinese in both scripts
_CLDR_LOCALES = {"ru": ("ru",), "ja": ("ja",), "zh": ("zh", "zh_Hant", "zh_Hant_HK"), "en": ("en",)}


@lru_cache(maxsize=None)
def _cldr_names(lang: str) -> dict[str, str]:
    from babel import Locale

    found: dict[str, str] = {}
    for locale in _CLDR_LOCALES.get(lang, ()):
        for alpha2, name in Locale.parse(locale).territories.items():
            if alpha2 not in _countries():
                continue  # regions and groupings ("001", "EU")
            # a gloss in brackets is often a capital ("コンゴ民主共和国(キンシャサ)", "刚果（金）"): only the name before it
            name = re.split(r"\s*[(（]", name, maxsplit=1)[0].strip()
            if len(name) >= 2:
                found.setdefault(name_key(name), alpha2)
    return found


# an endonym that is also a common English word or name ("Maurice", Mauritius in French) names no country here
_ENDONYM_MAX_ZIPF = 3.5


@lru_cache(maxsize=1)
def _latin_endonyms() -> dict[str, str]:
    """Countries by their own official languages' names in Latin script, as English-language news abroad writes
    them ("Cameroun", "Brasil", "Türkiye", "Sénégal"): CLDR's territory names (Babel) in each official language."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages
    from wordfreq import zipf_frequency

    found: dict[str, str] = {}
    for record in pycountry.countries:
        for language in get_official_languages(record.alpha_2, de_facto=True):
            try:
                name = Locale.parse(language).territories.get(record.alpha_2)
            except (UnknownLocaleError, ValueError):  # CLDR has no data for some official languages (Samoan)
                continue
            if not name or script_of(name) != "latin":
                continue
            # the matcher reads names by their key, without accents: "Ísland" is the common word "island" to it
            key = name_key(name)
            if max(zipf_frequency(name.lower(), "en"), zipf_frequency(key, "en")) >= _ENDONYM_MAX_ZIPF:
                continue
            found.setdefault(key, record.alpha_2)
    return found


@lru_cache(maxsize=None)
def country_adjectives(lang: str) -> dict[str, str]:
    """Adjective (en: whole word) or adjective stem (ru) -> alpha2, from the lexicon."""
    out: dict[str, str] = {}
    for alpha2, words in (lexicon(lang, "places").get("country_adjectives") or {}).items():
        for word in words:
            out[name_key(str(word))] = alpha2
    return out


# the endings a Russian adjective takes in every case, gender and number (a stem of country_adjectives before them)
_RU_ADJECTIVE_ENDINGS = "ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|им|ым|ом|ем|ую|юю|их|ых|ими|ыми|ей"


@lru_cache(maxsize=None)
def _ru_adjective_pattern() -> re.Pattern | None:
    stems = sorted(country_adjectives("ru"), key=len, reverse=True)
    if not stems:
        return None
    return re.compile("(" + "|".join(map(re.escape, stems)) + f")(?:{_RU_ADJECTIVE_ENDINGS})")


def adjective_country(lang: str, word: str) -> str | None:
    """The country a word's adjective names («польским», "Polish"), in any of its Russian forms; None for others."""
    if lang == "ru":
        pattern = _ru_adjective_pattern()
        match = pattern.fullmatch(word.lower().replace("ё", "е")) if pattern else None
        return country_adjectives("ru")[match.group(1)] if match else None
    if not word[:1].isupper():
        return None
    return country_adjectives("en").get(name_key(word))


@lru_cache(maxsize=None)
def compound_prefixes(lang: str) -> dict[str, str]:
    """First parts of compounds ("китайско", "Sino") -> alpha2: adjective stems + «о» (ru) and irregular ones."""
    out: dict[str, str] = {}
    if lang == "ru":
        for stem, alpha2 in country_adjectives(lang).items():
            out[stem + "о"] = alpha2
    for alpha2, words in (lexicon(lang, "places").get("compound_prefixes") or {}).items():
        for word in words:
            out[name_key(str(word))] = alpha2
    return out


def lookup_country(surface: str, lang: str) -> Country | None:
    alpha2 = country_names(lang).get(name_key(surface)) or country_names("en").get(name_key(surface))
    return get_country(alpha2) if alpha2 else None


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def city_named_as_region(code: str):
    """The town of 20,000+ that bears its province's English name inside its country (Chiang Mai city of Chiang
    Mai province), for a province's name written with a city's suffix (チェンマイ市) where the gazetteer has the
    province's translation and not the city's."""
    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        return None
    key = name_key(_ADMIN_SUFFIXES.sub("", sub.name))
    towns = [c for c in get_gazetteer().by_key(key)
             if c.country_code == sub.country_code and c.population >= 20_000 and name_key(c.name_en) == key]
    return towns[0] if towns else None


def admin_region_names(lang: str) -> dict[str, str]:
    """Normalised province/region name -> ISO 3166-2 code (or "lexicon") for one language.

    A bare name that is also the name of a town of 20,000+ of the same country (Antofagasta, Kyoto, Jilin,
    Luang Prabang) or of a city of 100,000+ elsewhere (Vietnam's Tây Ninh is 西宁省 in Chinese, and 西宁 is
    Xining) is left out: bare, it more often means the city; the extractor still sees "Jilin province", "吉林省"."""
    gazetteer = get_gazetteer()
    catalogues = _translations(lang, "iso3166-2")
    names: dict[str, str] = {}

    def add(name: str, code: str, country: str) -> None:
        variants = {name}
        stripped = _ADMIN_SUFFIXES.sub("", name)
        # A bare CJK stem of a foreign province (东方 of 东方省) is a common word; Chinese ones are not (云南).
        if stripped != name and (script_of(stripped) != "cjk" or country == "CN"):
            variants.add(stripped)
        for variant in variants:
            key = name_key(variant)
            if not key or len(key) < 2 or key in names:
                continue
            if key in _GENERIC_REGION_WORDS or _RU_BARE_ADJECTIVE.fullmatch(key):
                continue
            # (Latin and Cyrillic: the town's own name, not an old alternate - Bozeman is also "Missouri")
            towns = [c for c in gazetteer.by_key(key) if script_of(key) == "cjk" or name_key(c.name_en) == key
                     or script_of(key) == "cyrillic"]
            if any(c.population >= (20_000 if c.country_code == country else 100_000) for c in towns):
                continue
            names[key] = code

    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _ADMIN_TYPES:
            continue
        add(sub.name, sub.code, sub.country_code)
        if lang == "ru" and sub.country_code == "CN":
            # Russian names Chinese provinces in the Palladius system (Gansu -> Ганьсу), as it names the cities
            russian = palladius(_ADMIN_SUFFIXES.sub("", sub.name).replace(" ", ""))
            if russian:
                add(russian, sub.code, sub.country_code)
        for catalogue in catalogues:
            translated = catalogue.gettext(sub.name)
            if translated != sub.name:
                add(translated, sub.code, sub.country_code)
    if lang == "ja":
        # Japanese writes Chinese provinces in kanji (陝西省): the Chinese names fold to the same keys
        for key, code in admin_region_names("zh").items():
            names.setdefault(key, code)
    places = lexicon(lang, "places")
    codes = places.get("admin_region_codes") or {}
    for name in places.get("admin_regions") or []:
        # a name pycountry knows keeps its code; the lexicon gives the codes of the others it can
        names.setdefault(name_key(str(name)), str(codes.get(name) or "lexicon"))
    names.pop("", None)
    return names
