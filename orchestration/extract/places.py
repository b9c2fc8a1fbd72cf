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

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from orchestration.extract import russian
from orchestration.extract.common_words import BIG_CITY, is_common_word
from orchestration.extract.lexicons import lexicon
from orchestration.extract.text import split_sentences
from orchestration.reference.countries import (
    admin_region_names,
    country_adjectives,
    country_names,
)
from orchestration.reference.gazetteer import (
    City,
    Gazetteer,
    fold_cjk,
    get_gazetteer,
    name_key,
    russian_lemmas,
)

__all__ = ["PlaceMention", "find_places", "KINDS"]

KINDS = ("city", "admin_region", "country", "district", "macro_region", "street", "organisation", "venue", "project")
# Countries that are cities: their name is a city participant, not a country mention of the places extractor.
CITY_STATES = frozenset({"HK", "MO", "SG"})

# Population floors. Without a cue a name must be a real town; short names must be big towns. A town abroad
# (not in a country the document names, nor where the script is native) must be a big one: small foreign
# towns are what common words collide with («Саммит» is Summit, NJ; "Beverly" is Beverly, MA).
_MIN_POPULATION = {"ru": 15_000, "en": 30_000, "zh": 50_000, "ja": 20_000}
_MIN_POPULATION_ABROAD = {"ru": 100_000, "en": 50_000}
_NATIVE_COUNTRIES = {
    # Russian: Cyrillic-writing countries, and China, whose names Russian writes in the Palladius system
    # (exotic enough - «Суйфэньхэ», «Цзяочжоу» - not to collide with Russian words).
    "ru": frozenset({"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "MN", "MD", "AM", "GE", "AZ", "TM", "CN"}),
    "en": frozenset({"US", "GB", "CA", "AU", "NZ", "IE", "IN", "SG", "PH", "ZA", "NG", "KE"}),
}
_MIN_POPULATION_IN_CONTEXT = 3_000  # the city's country is named in the document
_MIN_POPULATION_SHORT = 300_000  # Latin/Cyrillic names of three letters or fewer (Уси, Xi'an is longer)
_MIN_POPULATION_CJK_LONG = 5_000  # CJK names of three characters or more
_MAX_PHRASE_TOKENS = 4
_MAX_CITY_TOKENS = 3


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


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """All place mentions of ``text`` (offsets into ``text``), in order."""
    if lang in ("zh", "ja"):
        mentions = _CjkPlaces(text, lang).run()
    elif lang in ("ru", "en"):
        mentions = _AlphabeticPlaces(text, lang).run()
    else:
        raise ValueError(f"unsupported language: {lang!r}")
    attach_sentences(text, mentions)
    return sorted(mentions, key=lambda m: (m.start, m.end))


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


def _compile_words(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


@dataclass(frozen=True)
class _AlphabeticResources:
    markers_before: tuple[tuple[str, re.Pattern], ...]
    markers_after: tuple[tuple[str, re.Pattern], ...]
    name_heads: tuple[tuple[str, re.Pattern], ...]
    surnames: frozenset[str]
    not_cities: frozenset[str]
    stopwords: frozenset[str]


_RU_STOPWORDS = frozenset(
    "в во на из с со к ко у о об от до по при про для без через между около под над за перед и или а но как "
    "что который которая которые также".split()
)
_EN_STOPWORDS = frozenset(
    "in at from to with by for on and or as near into across between within outside inside via".split()
)
# A title in apposition after a person's name ("Lin Hao, vice president of the association").
_EN_APPOSITIVE_TITLE = re.compile(
    r"\s*,\s*(?:the\s+|a\s+)?(?:(?:vice|deputy|executive|first|general|former|acting|honorary|party)[\s-]+)*"
    r"(?:president|chairman|chairwoman|chair|mayor|governor|minister|secretary|director|ambassador|consul|head|chief"
    r"|spokesman|spokeswoman|spokesperson|ceo|founder|professor|manager|councillor|councilor|commissioner"
    r"|envoy|representative|premier|senator|official|researcher)\b",
    re.IGNORECASE,
)
# Titles before a person's name in English ("Mayor Zhao Jianjun"); not before "of" ("Mayor of Wuxi").
_EN_TITLES = frozenset(
    "mr mrs ms dr mayor governor president premier minister secretary chairman chairwoman director ambassador "
    "consul professor prof vice deputy general manager ceo head chief commissioner councilman councilwoman councillor "
    "councilor senator rep representative spokesman spokeswoman spokesperson officer coach".split()
)


@lru_cache(maxsize=None)
def _alphabetic_resources(lang: str) -> _AlphabeticResources:
    places = lexicon(lang, "places")

    def kinds(section: str) -> tuple[tuple[str, re.Pattern], ...]:
        out = []
        for kind, patterns in (places.get(section) or {}).items():
            compiled = _compile_words([str(p) for p in patterns])
            if compiled is not None:
                out.append((kind, compiled))
        return tuple(out)

    return _AlphabeticResources(
        markers_before=kinds("markers_before"),
        markers_after=kinds("markers_after"),
        name_heads=kinds("name_heads") if lang == "ru" else tuple(
            (k, p) for k, p in kinds("markers_after") if k in ("organisation", "project", "venue", "street")
        ),
        surnames=frozenset(str(s) for s in places.get("person_surnames") or []),
        not_cities=frozenset(name_key(str(s)) for s in places.get("not_cities") or []),
        stopwords=_RU_STOPWORDS if lang == "ru" else _EN_STOPWORDS,
    )


# =====================================================================================================
# Russian / English
# =====================================================================================================
_WORD = re.compile(
    r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|cn|ru|kz|net|org|jp|info|uz|by|ua|kr|mn|hk)\b"  # Optimism.kz
    r"|(?:[A-Z]\.){2,}"  # U.S.
    r"|[^\W\d_](?:[^\W\d_]|[-‐'’](?=[^\W\d_]))*"
)
# Quoted proper names («Хилса», "Sino-Dutch Big Data Industrial Platform"); longer quotes are speech.
_QUOTES = re.compile(r"«[^«»\n]{1,80}»|„[^„“”\n]{1,80}[“”]|“[^“”\n]{1,80}”")
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s")
_SENTENCE_GAP = re.compile(r"[.!?…\n]")
_SOFT_GAP = re.compile(r"[ \t\u00a0]{1,3}")
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]{0,2}")
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|/|—|–|-\s)")
_RU_ADJECTIVE_SUFFIX = re.compile(
    r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|им|ом|ую|их|ими)$"
    r"|[а-яё]{3}(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ыми|ими|ых|их|ую|юю)$"
)
# A country named only as a currency's issuer ("U.S. dollars", «долларов США») is no country mention.
CURRENCY_AFTER = re.compile(r"\s*(?:\$|dollars?\b)", re.IGNORECASE)
CURRENCY_BEFORE = re.compile(r"(?:доллар\w*|долл\.?)\s*$", re.IGNORECASE)


def is_currency_issuer(text: str, start: int, end: int) -> bool:
    return bool(CURRENCY_AFTER.match(text, end) or CURRENCY_BEFORE.search(text, max(0, start - 12), start))
_RU_ADJ_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ого", ("ый", "ий", "ой")), ("его", ("ий",)), ("ому", ("ый", "ий", "ой")), ("ему", ("ий",)),
    ("ыми", ("ые",)), ("ими", ("ие",)), ("ым", ("ый", "ые")), ("им", ("ий", "ие")), ("ом", ("ый", "ой", "ое")),
    ("ем", ("ий", "ее")), ("ой", ("ая", "ый", "ой")), ("ей", ("яя", "ий")), ("ую", ("ая",)), ("юю", ("яя",)),
    ("ых", ("ые",)), ("их", ("ие",)),
)
_RU_PLURAL_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ами", ("ы", "и")), ("ями", ("и",)), ("ах", ("ы", "и", "а")), ("ях", ("и", "я")), ("ам", ("ы", "и")),
    ("ям", ("и",)), ("ов", ("ы",)), ("ев", ("и",)),
)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Words (letters with inner hyphens/apostrophes; dotted abbreviations such as U.S.) with offsets."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted names (not quoted speech, which holds a sentence break). Straight quotes pair up in order
    within a line, so a long quote cannot leave its closing mark to open a bogus one."""
    spans = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    offset = 0
    for line in text.split("\n"):
        marks = [i for i, ch in enumerate(line) if ch == '"']
        for opening, closing in zip(marks[0::2], marks[1::2]):
            if closing - opening <= 81:
                spans.append((offset + opening, offset + closing + 1))
        offset += len(line) + 1
    return [(s, e) for s, e in spans if e - s > 2 and not _SENTENCE_INSIDE.search(text[s:e])]


def inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < start and end < e for s, e in spans)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _adjective_lemmas(word: str) -> list[str]:
    out = [word]
    for ending, replacements in _RU_ADJ_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.extend(word[: -len(ending)] + r for r in replacements)
    return out


def _plural_lemmas(word: str) -> list[str]:
    out = []
    for ending, replacements in _RU_PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.extend(word[: -len(ending)] + r for r in replacements)
    return out


def _strip_possessive(word: str) -> str:
    return word[:-2] if len(word) > 3 and word[-2] in "'’" and word[-1] in "sS" else word


def span_keys(lang: str, words: list[str]) -> list[str]:
    """Normalised keys a run of words may stand for: Russian case forms are undone, English possessive dropped.
    The first key is the words as written."""
    return list(_span_keys(lang, tuple(words)))


@lru_cache(maxsize=65536)
def _span_keys(lang: str, words: tuple[str, ...]) -> tuple[str, ...]:
    if lang != "ru":
        return (name_key(" ".join(words[:-1] + (_strip_possessive(words[-1]),))),)
    lowered = [w.lower().replace("ё", "е") for w in words]
    options: list[list[str]] = []
    for index, word in enumerate(lowered):
        last = index == len(lowered) - 1
        if "-на-" in word:  # «Ростове-на-Дону»: the first part declines
            head, rest = word.split("-на-", 1)
            options.append([lemma + "-на-" + rest for lemma in russian_lemmas(head)])
            continue
        forms = russian_lemmas(word) + _plural_lemmas(word)
        if len(lowered) > 1 and not last:
            forms = _adjective_lemmas(word) + forms[1:]
        elif len(lowered) > 1:
            forms = forms + _adjective_lemmas(word)[1:]
        options.append(list(dict.fromkeys(forms))[:8])
    keys = []
    for combination in product(*options):
        keys.append(_SPACES_RU.sub(" ", " ".join(combination).translate(_RU_KEY_CLEAN)))
        if len(keys) >= 64:
            break
    return tuple(dict.fromkeys(keys))


_SPACES_RU = re.compile(r"[\s\-‐‑–—]+")
_RU_KEY_CLEAN = str.maketrans("", "", "'’ʼ‘`´ʻ")


@lru_cache(maxsize=None)
def _multiword_heads(lang: str) -> frozenset[str]:
    """First words of multi-word names (phrase table and gazetteer): a run of words is tried as a multi-word
    name only if its first word, in some case form, is one of these."""
    heads = {key.split(" ", 1)[0] for key in phrase_table(lang) if " " in key}
    heads.update(get_gazetteer().multiword_heads())
    return frozenset(heads)


def _first_word_forms(lang: str, word: str) -> list[str]:
    if lang != "ru":
        return [name_key(word)]
    low = word.lower().replace("ё", "е")
    if "-" in low:
        low = low.replace("-", " ").split(" ", 1)[0]
    return list(dict.fromkeys(_adjective_lemmas(low) + russian_lemmas(low)))


@dataclass
class _Item:
    first: int  # token index (alphabetic) or character offset (CJK)
    last: int  # exclusive
    start: int
    end: int
    kind: str  # 'city' or a Phrase kind
    phrase: Phrase | None = None
    cities: list[City] = field(default_factory=list)
    key: str = ""


class _AlphabeticPlaces:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.res = _alphabetic_resources(lang)
        self.phrases = phrase_table(lang)
        self.gazetteer: Gazetteer = get_gazetteer()
        self.tokens = tokenize(text)
        self.adjacent = [
            bool(_SOFT_GAP.fullmatch(text[self.tokens[k][1]: self.tokens[k + 1][0]]))
            for k in range(len(self.tokens) - 1)
        ] + [False]
        self.quotes = quote_spans(text)

    # --- scanning -----------------------------------------------------------------------------------
    def items(self) -> list[_Item]:
        items: list[_Item] = []
        tokens, k = self.tokens, 0
        while k < len(tokens):
            item = self._match_at(k)
            if item is None:
                items.extend(self._hyphen_parts(k))
                k += 1
                continue
            items.append(item)
            k = item.last
        return items

    def _hyphen_parts(self, k: int) -> list[_Item]:
        """Capitalised parts of a hyphenated word that is no name as a whole: «Гуанси-Чжуанского»,
        "Beijing-Shanghai (railway)", «Москва-Пекин»."""
        start, _, word = self.tokens[k]
        if "-" not in word:
            return []
        out, offset = [], start
        for part in word.split("-"):
            if part[:1].isupper() and (self.lang != "ru" or not part.isascii()):
                keys = span_keys(self.lang, [part])
                phrase = next((self.phrases[key] for key in keys if key in self.phrases), None)
                cities = [] if phrase is not None and not (phrase.kind == "country" and phrase.value in CITY_STATES) \
                    else list({c.geonameid: c for key in keys for c in self.gazetteer.by_key(key)}.values())
                if cities:
                    out.append(_Item(k, k + 1, offset, offset + len(part), "city", phrase, cities, keys[0]))
                elif phrase is not None:
                    out.append(_Item(k, k + 1, offset, offset + len(part), phrase.kind, phrase, [], keys[0]))
            offset += len(part) + 1
        return out

    def _match_at(self, k: int) -> _Item | None:
        tokens = self.tokens
        if not _is_capitalised(tokens[k][2]):
            return None
        if self.lang == "ru" and tokens[k][2].isascii():
            # Latin words in Russian text are brand and company names ("EAST JAPAN Works"); only the
            # outlets and organisations of the lexicon ("CGTN", "PRNewswire") are read.
            key = name_key(tokens[k][2])
            phrase = self.phrases.get(key)
            if phrase is not None and phrase.kind == "organisation":
                return _Item(k, k + 1, tokens[k][0], tokens[k][1], "organisation", phrase, [], key)
            return None
        chain = 1
        while chain < _MAX_PHRASE_TOKENS and k + chain < len(tokens) and self.adjacent[k + chain - 1]:
            chain += 1
        if chain > 1:
            heads = _multiword_heads(self.lang)
            if not any(form in heads for form in _first_word_forms(self.lang, tokens[k][2])):
                chain = 1
        for n in range(chain, 0, -1):
            words = [t[2] for t in tokens[k: k + n]]
            city_span = n <= _MAX_CITY_TOKENS and (n == 1 or self._name_like(words))
            keys = span_keys(self.lang, words)
            phrase = next((self.phrases[key] for key in keys if key in self.phrases), None)
            cities: list[City] = []
            # a nationality word ("Kazakh") is no city, even where GeoNames lists it as some town's alias
            if n == 1 and keys and keys[0] in country_adjectives(self.lang):
                city_span = False
            if city_span and (phrase is None or phrase.kind == "country" and phrase.value in CITY_STATES):
                for key in keys:
                    cities.extend(self.gazetteer.by_key(key))
                if cities:
                    cities = list({c.geonameid: c for c in cities}.values())
            if phrase is None and not cities:
                continue
            end = tokens[k + n - 1][1]
            if self.lang == "en" and _strip_possessive(words[-1]) != words[-1]:
                end -= 2
            if cities:
                return _Item(k, k + n, tokens[k][0], end, "city", phrase, cities, keys[0])
            return _Item(k, k + n, tokens[k][0], end, phrase.kind, phrase, [], keys[0])
        word = tokens[k][2]
        if self.lang == "en" and "-" in word:
            # "Tokyo-based", "Shanghai-listed": the first part is the place
            head, tail = word.split("-", 1)
            if tail[:1].islower() and head:
                keys = span_keys(self.lang, [head])
                cities = self.gazetteer.by_key(keys[0])
                phrase = self.phrases.get(keys[0])
                end = tokens[k][0] + len(head)
                if cities and (phrase is None or phrase.kind == "country" and phrase.value in CITY_STATES):
                    return _Item(k, k + 1, tokens[k][0], end, "city", phrase, cities, keys[0])
                if phrase is not None:
                    return _Item(k, k + 1, tokens[k][0], end, phrase.kind, phrase, [], keys[0])
        return None

    def _name_like(self, words: list[str]) -> bool:
        """Every word capitalised, except connectors inside English names (Rio de Janeiro)."""
        for index, word in enumerate(words):
            if _is_capitalised(word):
                continue
            if self.lang == "en" and 0 < index < len(words) - 1 and word in ("de", "del", "da", "do", "la", "al",
                                                                              "upon", "on", "el"):
                continue
            return False
        return True

    # --- classification -----------------------------------------------------------------------------
    def run(self) -> list[PlaceMention]:
        items = self.items()
        context = {i.phrase.value for i in items if i.phrase and i.phrase.kind == "country"
                   and not is_currency_issuer(self.text, i.start, i.end)}
        mentions = []
        for item in items:
            mention = self._classify(item, context)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _classify(self, item: _Item, context: set[str]) -> PlaceMention | None:
        text, tokens = self.text, self.tokens
        surface = text[item.start: item.end]
        if item.kind in ("admin_region", "macro_region") and self._is_person(item):
            return None
        if item.kind == "admin_region" and self._marker_before(item.first) == "city":
            cities = self.gazetteer.by_key(item.key)  # «город Луангпрабанг»: the city, not its province
            if cities:
                item = _Item(item.first, item.last, item.start, item.end, "city", None, cities, item.key)
        if item.kind != "city":
            if item.kind == "country":
                return PlaceMention(item.start, item.end, surface, None, [], "country",
                                    inside_name=inside_any(self.quotes, item.start, item.end))
            return PlaceMention(item.start, item.end, surface, None, [], item.kind, region_code=_region_code(item),
                                inside_name=inside_any(self.quotes, item.start, item.end) or item.kind == "organisation")
        words = [t[2] for t in tokens[item.first: item.last]]
        first_word = words[0]
        if item.key in self.res.not_cities or name_key(first_word) in self.res.not_cities:
            return None
        if first_word.isupper() and len(first_word) > 1:
            if not self._dateline_shape(item):
                return None
        if self._is_person(item):
            return None
        if self.lang == "ru" and len(words) == 1 and self._adjectival_use(item):
            return None
        if self.lang == "ru" and len(words) == 1 and self._starts_sentence(item.first) \
                and russian.is_adjective(first_word):
            return None  # «Юбилейный 25-й форум»: a sentence opening with an adjective, not the town

        kind, cue, inside = "city", False, False
        before = self._marker_before(item.first)
        if before in ("city",):
            cue = True
        elif before is not None:
            kind = before
            inside = before in ("organisation", "project")
        after_kind, head_kind = self._marker_after(item)
        if after_kind == "city":
            cue = True
        elif after_kind is not None and kind == "city" and not cue:
            kind = after_kind
        if head_kind is not None:
            kind, inside = head_kind, True
        if inside_any(self.quotes, item.start, item.end):
            inside = True
        if item.phrase is not None and item.phrase.kind == "country" and item.phrase.value in CITY_STATES:
            cue = True
        cities = item.cities
        if self._starts_sentence(item.first) and not cue and (self.lang == "en" or not self.gazetteer.has_key(item.key)):
            # A sentence-initial capital says nothing, and a Russian word that reaches a city only through a
            # case ending («Темой» -> Tema) is usually a common noun: keep only cities the document's
            # countries or their size vouch for ("Mobile payments grew" is not Mobile, Alabama).
            cities = [c for c in cities if c.country_code in context or c.population >= 1_000_000]
        # A marker word («улице», "province") says what the name is; a name inside a larger proper name
        # ("Big Data Platform") must still be a plausible town to be reported at all.
        marked = cue or (kind != "city" and head_kind is None and before not in ("organisation", "project"))
        if not marked and len(words) == 1 and is_common_word(first_word, self.lang):
            cities = [c for c in cities if c.population >= BIG_CITY]  # "Commerce", «Начало»: words, not towns
        city, ranked = choose_city(cities, context, marked, self.lang, short=len(item.key.replace(" ", "")) <= 3)
        if city is None:
            return None
        return PlaceMention(item.start, item.end, surface, city if kind == "city" else None, ranked, kind,
                            inside_name=inside or kind in _NAME_KINDS)

    def _dateline_shape(self, item: _Item) -> bool:
        """«УСИ (Китай), 11 декабря», "URUMQI, Sept. 1 (Xinhua)": capitals at a line start, then , ( or —."""
        line_start = self.text.rfind("\n", 0, item.start) + 1
        if self.text[line_start: item.start].strip():
            return False
        return bool(_DATELINE_AFTER.match(self.text, item.end))

    def _is_person(self, item: _Item) -> bool:
        tokens, first, last = self.tokens, item.first, item.last
        surnames = self.res.surnames
        if first > 0 and self.adjacent[first - 1] and tokens[first - 1][2] in surnames:
            return True  # «Сун Сибинь», "Yin Lei"
        if first > 0 and len(tokens[first - 1][2]) == 1 and tokens[first - 1][2].isupper() \
                and _ABBREVIATION_GAP.fullmatch(self.text[tokens[first - 1][1]: tokens[first][0]]):
            return True  # an initial: «Б. Джонсон», "J. Smith"
        if last - first == 1 and tokens[first][2] in surnames and last < len(tokens) and self.adjacent[first] \
                and _is_capitalised(tokens[last][2]):
            return True  # the surname itself
        if self.lang == "ru" and self._is_russian_person(first, last):
            return True
        if self.lang == "en" and _EN_APPOSITIVE_TITLE.match(self.text, self._capitalised_run_end(last)):
            return True  # "Lin Hao, vice president of …": a title after the name
        if self.lang == "en":
            # "Mayor Zhao Jianjun", "deputy governor Erlan Taraz": a title, then up to two capitalised words
            k = first - 1
            while k >= 0 and first - k <= 2 and self.adjacent[k] and _is_capitalised(tokens[k][2]) \
                    and tokens[k][2].lower() not in _EN_TITLES:
                k -= 1
            if k >= 0 and (self.adjacent[k] or _ABBREVIATION_GAP.fullmatch(self.text[tokens[k][1]: tokens[k + 1][0]])) \
                    and tokens[k][2].lower() in _EN_TITLES:
                return True
        return False

    def _is_russian_person(self, first: int, last: int) -> bool:
        """«Алексей Орлов», «Владимиром Приваловым», «Орлов Алексей Петрович»: a given name beside the word, or
        the word a given name before a surname or patronymic (the dictionary's Name/Surn/Patr marks)."""
        tokens = self.tokens
        previous = tokens[first - 1][2] if first > 0 and self.adjacent[first - 1] else ""
        following = tokens[last][2] if last < len(tokens) and self.adjacent[last - 1] else ""
        words = [t[2] for t in tokens[first:last]]
        if _is_capitalised(previous) and russian.is_given_name(previous):
            return True
        if _is_capitalised(following) and russian.is_patronymic(following):
            return True
        if len(words) == 1 and _is_capitalised(following) and russian.is_given_name(words[0]) \
                and russian.is_surname(following):
            return True
        return len(words) == 1 and _is_capitalised(following) and russian.is_surname(words[0]) \
            and russian.is_given_name(following)

    def _capitalised_run_end(self, last: int) -> int:
        """The end offset of the capitalised words that continue from token ``last`` on ("Lin Hao Ming")."""
        tokens, k = self.tokens, last
        while k < len(tokens) and self.adjacent[k - 1] and _is_capitalised(tokens[k][2]) and k - last < 3:
            k += 1
        return tokens[k - 1][1]

    def _adjectival_use(self, item: _Item) -> bool:
        """«Свердловской области», «Куньминская инициатива»: an adjective before a lowercase noun."""
        word = self.tokens[item.first][2].lower()
        if not _RU_ADJECTIVE_SUFFIX.search(word):
            return False
        nxt = item.last
        return nxt < len(self.tokens) and self.adjacent[nxt - 1] and not _is_capitalised(self.tokens[nxt][2])

    def _marker_before(self, first: int) -> str | None:
        tokens, text = self.tokens, self.text
        k, steps = first - 1, 0
        while k >= 0 and steps < 3:
            gap = text[tokens[k][1]: tokens[k + 1][0]]
            word = tokens[k][2]
            low = word.lower()
            if not (_SOFT_GAP.fullmatch(gap) or (len(low) <= 2 and _ABBREVIATION_GAP.fullmatch(gap))):
                return None
            if low in self.res.stopwords:
                return None
            for kind, pattern in self.res.markers_before:
                if pattern.fullmatch(low):
                    return kind
            if _is_capitalised(word) and not (self.lang == "en" and low in ("the",)):
                return None
            k, steps = k - 1, steps + 1
        return None

    def _marker_after(self, item: _Item) -> tuple[str | None, str | None]:
        """(kind given by the next word, kind given by a head noun later in the same proper name)."""
        tokens, last = self.tokens, item.last
        after_kind = None
        if last < len(tokens) and self.adjacent[last - 1]:
            word = tokens[last][2]
            low = word.lower()
            owned_by_next = (self.lang == "ru" and last + 1 < len(tokens) and self.adjacent[last]
                             and _is_capitalised(tokens[last + 1][2]))  # «Куньмин провинции Юньнань»
            if (self.lang == "en" or not _is_capitalised(word)) and not owned_by_next:
                for kind, pattern in self.res.markers_after:
                    if pattern.fullmatch(low) and kind in ("city", "admin_region", "district"):
                        after_kind = kind
                        break
            if after_kind is None and self.lang == "en":
                for kind, pattern in self.res.markers_after:
                    if pattern.fullmatch(low) and kind == "street":
                        return "street", "street"
        if after_kind in ("admin_region", "district"):
            return after_kind, None
        return after_kind, self._name_head(item)

    def _name_head(self, item: _Item) -> str | None:
        """A head noun in the capitalised run around the item: "Wuxi Grand Theater", "University of X"."""
        tokens = self.tokens
        k, seen = item.last, 0
        while k < len(tokens) and self.adjacent[k - 1] and seen < 5:
            word = tokens[k][2]
            low = word.lower()
            if not _is_capitalised(word) and not (self.lang == "en" and low in ("of", "and", "for", "the", "de")):
                break
            if _is_capitalised(word):
                for kind, pattern in self.res.name_heads:
                    if pattern.fullmatch(low):
                        return kind
            k, seen = k + 1, seen + 1
        # a capitalised head before: «Университет Цинхуа», "University of Wuxi", "Port of Tianjin"
        k = item.first - 1
        if self.lang == "en" and k >= 1 and tokens[k][2] == "of" and self.adjacent[k] and self.adjacent[k - 1]:
            k -= 1
        if k >= 0 and self.adjacent[k] and _is_capitalised(tokens[k][2]) and not self._starts_sentence(k):
            for kind, pattern in self.res.name_heads:
                if pattern.fullmatch(tokens[k][2].lower()):
                    return kind
        return None

    def _starts_sentence(self, k: int) -> bool:
        """Whether token k opens a sentence or a line (its capital letter then says nothing)."""
        return k == 0 or bool(_SENTENCE_GAP.search(self.text[self.tokens[k - 1][1]: self.tokens[k][0]]))


def _region_code(item: _Item) -> str | None:
    """The ISO 3166-2 code of a province-like phrase (pycountry subdivisions carry one; lexicon entries do not)."""
    if item.kind == "admin_region" and item.phrase is not None and "-" in item.phrase.value:
        return item.phrase.value
    return None


def choose_city(cities: list[City], context: set[str], cue: bool, lang: str, short: bool = False
                ) -> tuple[City | None, list[City]]:
    """The city a name most likely means, and all candidates ranked (population, boosted by document context)."""
    ranked = sorted(cities, key=lambda c: -(c.population * (10 if c.country_code in context else 1) + 1))
    if cue:
        return (ranked[0] if ranked else None), ranked
    native = _NATIVE_COUNTRIES.get(lang, frozenset())
    for city in ranked:
        if short and city.population < _MIN_POPULATION_SHORT:
            continue
        if city.country_code in context:
            floor = _MIN_POPULATION_IN_CONTEXT
        elif city.country_code in native:
            floor = _MIN_POPULATION[lang]
        else:
            floor = _MIN_POPULATION_ABROAD[lang]
        if city.population >= floor:
            return city, ranked
    return None, ranked


# =====================================================================================================
# Chinese / Japanese
# =====================================================================================================
def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or ch == "々"


def _is_katakana(ch: str) -> bool:
    return 0x30A0 <= ord(ch) < 0x3100 and ch != "・"


def _is_cjk(ch: str) -> bool:
    return _is_han(ch) or 0x3040 <= ord(ch) < 0x3100


@dataclass(frozen=True)
class _CjkResources:
    phrases: dict[str, Phrase]
    prefix_max: dict[str, int]  # bigram -> longest key (gazetteer or phrase) starting with it
    markers_after: tuple[tuple[str, str], ...]  # (suffix, kind), longest first
    heads: dict[str, tuple[tuple[str, str], ...]]  # first char -> ((head, kind), ...)
    before_cues: tuple[str, ...]
    after_cues: tuple[str, ...]
    not_cities: frozenset[str]
    surnames: frozenset[str]
    person_suffixes: tuple[str, ...]


# A GeoNames name that itself ends in a district or province suffix names that unit, not a city
# (州, 道, 盟 are left out: 广州, 杭州 are cities).
_KEY_TAIL_KINDS = {"区": "district", "县": "district", "旗": "district", "镇": "district", "乡": "district",
                   "村": "district", "街道": "district", "町": "district", "郡": "district", "省": "admin_region",
                   "自治区": "admin_region", "自治州": "admin_region", "路": "street", "大街": "street",
                   "大道": "street"}
_KANJI_COUNTRIES = frozenset({"CN", "JP", "KR", "KP", "TW", "HK", "MO"})
_NAME_KINDS = frozenset({"street", "venue", "organisation", "project"})  # the place word is part of a name
_ADMIN_SUFFIX_CHARS = frozenset("市区县镇乡村旗州省町郡")
_CJK_STOP = frozenset("的之与和及同在于等是为将已被把对向从由以而了着过也都、，。；：！？（）()「」『』“”《》〈〉【】[]・ ,.;:!?")
_AUTONOMOUS = re.compile(r"[\u4e00-\u9fff]{0,5}?自治([区州县旗])")


@lru_cache(maxsize=None)
def _cjk_resources(lang: str) -> _CjkResources:
    places = lexicon(lang, "places")
    gazetteer = get_gazetteer()
    phrases = {k: v for k, v in phrase_table(lang).items() if _is_cjk(k[0])}
    prefix_max = dict(gazetteer.cjk_prefix_max)
    for key in phrases:
        if len(key) >= 2:
            prefix_max[key[:2]] = max(prefix_max.get(key[:2], 0), len(key))
    markers = []
    for kind, suffixes in (places.get("markers_after") or {}).items():
        markers.extend((fold_cjk(str(s)), kind) for s in suffixes)
    heads: dict[str, list[tuple[str, str]]] = {}
    for kind, words in (places.get("name_heads") or {}).items():
        for word in words:
            folded = fold_cjk(str(word))
            heads.setdefault(folded[0], []).append((folded, kind))
    return _CjkResources(
        phrases=phrases,
        prefix_max=prefix_max,
        markers_after=tuple(sorted(markers, key=lambda m: -len(m[0]))),
        heads={c: tuple(sorted(v, key=lambda h: -len(h[0]))) for c, v in heads.items()},
        before_cues=tuple(sorted((fold_cjk(str(c)) for c in places.get("before_cues") or []), key=len, reverse=True)),
        after_cues=tuple(sorted((fold_cjk(str(c)) for c in places.get("after_cues") or []), key=len, reverse=True)),
        not_cities=frozenset(fold_cjk(str(w)) for w in places.get("not_cities") or []),
        surnames=frozenset(fold_cjk(str(s)) for s in places.get("person_surnames") or [] if len(str(s)) == 1),
        person_suffixes=tuple(fold_cjk(str(s)) for s in places.get("person_suffixes") or []),
    )


def scan_cjk(folded: str, lang: str) -> list[_Item]:
    """Longest matches of gazetteer names and phrases over folded CJK text (non-overlapping, left to right)."""
    res = _cjk_resources(lang)
    gazetteer = get_gazetteer()
    items: list[_Item] = []
    n, i = len(folded), 0
    while i < n - 1:
        longest = res.prefix_max.get(folded[i: i + 2])
        if longest is None or not _is_cjk(folded[i]):
            i += 1
            continue
        hit = None
        for size in range(min(longest, n - i), 1, -1):
            piece = folded[i: i + size]
            phrase = res.phrases.get(piece)
            in_gazetteer = gazetteer.has_key(piece)
            if phrase is None and not in_gazetteer:
                continue
            if all(_is_katakana(ch) for ch in piece) and not _katakana_bounded(folded, i, i + size):
                continue
            hit = (size, phrase, in_gazetteer)
            break
        if hit is None:
            i += 1
            continue
        size, phrase, in_gazetteer = hit
        piece = folded[i: i + size]
        city_state = phrase is not None and phrase.kind == "country" and phrase.value in CITY_STATES
        if in_gazetteer and (phrase is None or city_state):
            items.append(_Item(i, i + size, i, i + size, "city", phrase, gazetteer.by_key(piece), piece))
        else:
            items.append(_Item(i, i + size, i, i + size, phrase.kind, phrase, [], piece))
        i += size
    return items


def _katakana_bounded(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not _is_katakana(text[start - 1])
    after_ok = end >= len(text) or not _is_katakana(text[end])
    return before_ok and after_ok


class _CjkPlaces:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.folded = fold_cjk(text)
        self.lang = lang
        self.res = _cjk_resources(lang)
        self.gazetteer = get_gazetteer()

    def run(self) -> list[PlaceMention]:
        items = scan_cjk(self.folded, self.lang)
        context = {i.phrase.value for i in items if i.phrase and i.phrase.kind == "country"}
        if self.lang == "zh":
            context.add("CN")
        mentions = []
        for index, item in enumerate(items):
            previous = items[index - 1] if index else None
            following = items[index + 1] if index + 1 < len(items) else None
            mention = self._classify(item, previous, following, context)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _classify(self, item: _Item, previous: _Item | None, following: _Item | None, context: set[str]
                  ) -> PlaceMention | None:
        text, folded, res = self.text, self.folded, self.res
        start, end = item.start, item.end
        if item.kind == "admin_region" and self.gazetteer.has_key(item.key) and self._marker_end(item)[0] == "city" \
                and self._marker_end(item)[1] > end:
            # 琅勃拉邦市: the city, although the bare name is also its province's
            item = _Item(start, end, start, end, "city", None, self.gazetteer.by_key(item.key), item.key)
        if item.kind != "city":
            if item.kind == "admin_region":
                end = self._marker_end(item)[1]
            inside = item.kind == "organisation" or self._head_after(end) is not None
            return PlaceMention(start, end, text[start:end], None, [], item.kind, inside_name=inside,
                                region_code=_region_code(item))

        bare = item.key
        city_state = item.phrase is not None and item.phrase.value in CITY_STATES
        kind, marker_end = self._marker_end(item)
        if city_state and kind != "city":
            kind, marker_end = "city", end  # 香港特别行政区 is Hong Kong
        has_shi = kind == "city" and (marker_end > end or bare.endswith("市"))
        if fold_cjk(text[start:max(end, marker_end)]) in res.not_cities:
            return None  # 両市 "both cities", 本市 "this city"
        if not has_shi and (bare in res.not_cities or (bare[-1] in _ADMIN_SUFFIX_CHARS and bare[:-1] in res.not_cities)):
            return None  # 友好 "friendly", and GeoNames' 友好区 (a district named so)
        cities = item.cities
        if kind == "street" and marker_end == end:
            # GeoNames lists some neighbourhoods by their street (中山路): the street is named after the city
            for size in (2, 1):
                if bare[-size:] in _KEY_TAIL_KINDS and self.gazetteer.has_key(bare[:-size]):
                    cities, bare = self.gazetteer.by_key(bare[:-size]), bare[:-size]
                    break
        if has_shi:
            with_suffix = self.gazetteer.by_key(folded[start:marker_end])
            if with_suffix:
                cities = with_suffix  # 忠州市 is Chungju (KR), 忠州 alone a Chinese town
        head = self._head_after(marker_end)
        inside = head is not None
        marked = has_shi or kind != "city" or city_state  # a suffix says what the name is
        if inside and kind == "city":
            kind = head
        two_chars = len(bare) <= 2 and not all(_is_katakana(ch) for ch in bare)
        if self.lang == "ja" and _is_han(bare[0]):
            # Japanese writes only East Asian cities in kanji (other cities in katakana): 万博 "expo" is not
            # Huambo, Angola.
            cities = [c for c in cities if c.country_code in _KANJI_COUNTRIES]
            if not cities:
                return None
        if self.lang == "zh" and two_chars and not has_shi:
            # Chinese names foreign cities mostly in three or more characters; the two-character ones are
            # capitals (巴黎, 河内, 万象). 大数(据) "big data" is not Tarsus.
            cities = [c for c in cities if c.country_code in _KANJI_COUNTRIES or c.population >= 500_000]
            if not cities:
                return None
        if not marked:
            if self._is_person(item):
                return None
            if two_chars and not inside and not self._supported(item, previous, following):
                return None
            if self.lang == "ja" and all(_is_katakana(ch) for ch in bare) and is_common_word(bare, "ja"):
                cities = [c for c in cities if c.population >= BIG_CITY]  # コロナ is the virus, not Corona
        city, ranked = self._choose(cities, context, marked, two_chars, bare)
        if city is None:
            return None  # not a plausible place: no mention at all (高峰论坛, 天山论坛)
        inside = inside or kind in _NAME_KINDS
        surface_end = marker_end if head is None else end
        return PlaceMention(start, surface_end, text[start:surface_end], city if kind == "city" else None, ranked,
                            kind, inside_name=inside)

    def _choose(self, cities: list[City], context: set[str], cue: bool, two_chars: bool, bare: str
                ) -> tuple[City | None, list[City]]:
        ranked = sorted(cities, key=lambda c: -(c.population * (10 if c.country_code in context else 1) + 1))
        if cue:
            return (ranked[0] if ranked else None), ranked
        if two_chars:
            floor = _MIN_POPULATION[self.lang]
        elif all(_is_katakana(ch) for ch in bare):
            floor = _MIN_POPULATION["ja"]
        else:
            floor = _MIN_POPULATION_CJK_LONG
        for city in ranked:
            if city.population >= floor:
                return city, ranked
        return None, ranked

    def _marker_end(self, item: _Item) -> tuple[str, int]:
        """Kind given by the suffix after a name (市 city, 省 province, ...) and where the suffix ends."""
        folded, end = self.folded, item.end
        if item.key.endswith("市"):
            return "city", end
        tail_kind = next((_KEY_TAIL_KINDS[item.key[-n:]] for n in (3, 2, 1) if item.key[-n:] in _KEY_TAIL_KINDS), None)
        if tail_kind and len(item.key) > 2:
            return tail_kind, end  # GeoNames lists districts as places: 朝阳区, 浦东新区, 和顺县
        if folded.startswith("市", end):
            if folded.startswith(("市场", "市值"), end):  # 广州市场 "the Guangzhou market"
                return "city", end
            return "city", end + 1
        autonomous = _AUTONOMOUS.match(folded, end)
        if autonomous:
            return ("admin_region" if autonomous.group(1) in "区州" else "district"), autonomous.end()
        for suffix, kind in self.res.markers_after:
            if folded.startswith(suffix, end):
                return kind, end + len(suffix)
        return "city", end

    def _head_after(self, position: int) -> str | None:
        """A head noun a few characters after a name, inside the same compound: 上海合作组织, 中山大学."""
        folded, heads = self.folded, self.res.heads
        limit = min(len(folded), position + 7)
        for p in range(position, limit):
            ch = folded[p]
            if ch in _CJK_STOP or not _is_cjk(ch) or (self.lang == "ja" and 0x3040 <= ord(ch) < 0x30A0):
                return None
            for head, kind in heads.get(ch, ()):
                if folded.startswith(head, p):
                    return kind
        return None

    def _supported(self, item: _Item, previous: _Item | None, following: _Item | None) -> bool:
        """Whether a two-character name stands as a word here (see module docstring)."""
        folded, res, start, end = self.folded, self.res, item.start, item.end
        before = start == 0 or not _is_han(folded[start - 1]) or (previous is not None and previous.end == start) \
            or any(folded.startswith(cue, start - len(cue)) for cue in res.before_cues if start >= len(cue))
        after = end >= len(folded) or not _is_han(folded[end]) \
            or any(folded.startswith(cue, end) for cue in res.after_cues)
        if self.lang == "ja":
            # kana delimit Japanese words; a kanji compound may start with a big city (北京冬季五輪)
            big = any(c.population >= 1_000_000 for c in item.cities)
            return before and (after or big or (following is not None and following.start == end))
        # Chinese: a following name is no support (庆尚北道安东市 must not give 北道).
        return before or after

    def _is_person(self, item: _Item) -> bool:
        folded, start, end = self.folded, item.start, item.end
        if self.lang == "zh" and len(item.key) == 2 and start >= 1 and folded[start - 1] in self.res.surnames:
            if start == 1 or not _is_han(folded[start - 2]):
                if end >= len(folded) or not _is_han(folded[end]):
                    return True  # 韩帅南: an isolated surname + two characters
        if self.lang == "ja":
            run_end = end
            while run_end < len(folded) and _is_han(folded[run_end]) and run_end - end < 3:
                run_end += 1
            # 山田太郎氏 (a given name between), ケルン首相 (the title right after the name)
            if any(folded.startswith(suffix, position) for position in range(end, run_end + 1)
                   for suffix in self.res.person_suffixes):
                return not folded.startswith("市", end)
        return False
