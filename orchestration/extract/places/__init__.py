"""Place mentions in Russian, Japanese, Chinese and English news text.

``find_places(text, lang)`` returns every place-like mention with its kind; only ``kind == 'city'`` mentions
that are not ``inside_name`` are candidate participants for the caller (which also sets ``is_dateline``).

How a mention is found:
- Russian/English: capitalised words (1-3, or 4 for names of regions and organisations) looked up in the
  gazetteer and in a per-language phrase table (organisations, macro-regions, countries, provinces). Russian
  words are de-inflected (Харбине -> Харбин, Сиане -> Сиань, Куньшанем -> Куньшань, «Центральной Азии»,
  «Ростове-на-Дону»); hyphenated words are split when the whole is no name («Москва-Пекин», "Tokyo-based").
  All-capital words are read as cities only in a dateline («УСИ (Китай), ...», "URUMQI, Sept. 1").
- Chinese/Japanese: longest match over the folded text (Traditional/Japanese variants -> Simplified) against
  the gazetteer's CJK names and the phrase table. A two-character name needs support: the 市 suffix, a
  preceding place or country (云南昆明, 中国昆明市), punctuation, or a locative cue (在昆明举行); Japanese
  kana delimit words, so a kanji run that is exactly the name counts. Japanese kanji names only mean East
  Asian cities (others are written in katakana); Chinese two-character names of foreign cities only mean
  capitals (巴黎, 河内, 万象).
What a mention is:
- the words around it: «провинции», «области», «район», «улице», "province", "Road"; 省, 自治区, 州, 盟, 県,
  县, 区, 路 after a CJK name; «город», «г.», «уезд» (a county-level city), "city", 市 confirm a city;
- a proper name containing it (organisation, venue, project, street): a capitalised run of words with a head
  noun ("Wuxi Grand Theater", «Казахско-Британский Технический Университет», "University of Wuhan"), a CJK
  compound ending in a head (上海合作组织, 中山大学, 昆明倡议), or short quotation marks -> ``inside_name``.
Guards: person names (a Chinese surname before the word, an initial, a title; 氏/さん after a Japanese name;
an isolated surname + two characters in Chinese), adjectives («Куньминская инициатива»), common words listed
in the lexicon (合作, 友好, 青年) and sentence-initial capitals.
Ambiguous names are ranked by population, boosted for the countries the document names. Without a cue a
city must be a real town (15k-50k by language; 100k abroad, i.e. outside the document's countries and the
countries where the script is native); population-0 GeoNames seats need a cue.
"""
from __future__ import annotations

from functools import lru_cache

from orchestration.extract.places.alphabetic import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    AlphabeticPlaces,
    alphabetic_finder,
    inside_any,
    is_currency_issuer,
    quote_spans,
    span_keys,
    tokenize,
)
from orchestration.extract.places.cjk import CjkPlaces, in_transliterated_name, scan_cjk
from orchestration.extract.places.common import (
    CITY_STATES,
    KINDS,
    PlaceMention,
    attach_sentences,
    choose_city,
    phrase_table,
)

__all__ = [
    "CITY_STATES", "CURRENCY_AFTER", "CURRENCY_BEFORE", "KINDS", "PlaceMention", "attach_sentences", "choose_city",
    "find_places", "in_transliterated_name", "inside_any", "is_currency_issuer", "phrase_table", "quote_spans", "scan_cjk", "span_keys",
    "tokenize", "AlphabeticPlaces", "CjkPlaces",
]


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """All place mentions of ``text`` (offsets into ``text``), in order. Several role decisions ask for the
    same document's places: the last few answers are kept (the mentions are shared; do not change them)."""
    return list(_find_places(text, lang))


@lru_cache(maxsize=16)
def _find_places(text: str, lang: str) -> tuple[PlaceMention, ...]:
    if lang in ("zh", "ja"):
        mentions = CjkPlaces(text, lang).run()
    elif lang in ("ru", "en"):
        mentions = alphabetic_finder(text, lang).run()
    else:
        raise ValueError(f"unsupported language: {lang!r}")
    attach_sentences(text, mentions)
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


