"""Russian and English place names: capitalised words, de-inflected and looked up (see the package docstring)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from orchestration.extract import russian
from orchestration.extract.common_words import BIG_CITY, is_common_word, is_function_word
from orchestration.extract.lexicons import lexicon
from orchestration.extract.wordlists import patterns_any
from orchestration.extract.places.common import (
    CHINESE_REGIONS,
    CITY_STATES,
    MAX_CITY_TOKENS,
    MAX_PHRASE_TOKENS,
    NAME_KINDS,
    PlaceItem,
    PlaceMention,
    choose_city,
    distance_km,
    phrase_table,
    region_code_of,
)
from orchestration.extract.text import LATIN_QUOTES, opens_a_line, quoted
from orchestration.reference.countries import (
    adjective_country,
    country_adjectives,
)
from orchestration.reference.gazetteer import (
    City,
    Gazetteer,
    get_gazetteer,
    name_key,
    russian_lemmas,
)


@dataclass(frozen=True)
class _AlphabeticResources:
    markers_before: tuple[tuple[str, re.Pattern], ...]
    markers_after: tuple[tuple[str, re.Pattern], ...]
    name_heads: tuple[tuple[str, re.Pattern], ...]
    surnames: frozenset[str]
    speech_verbs: frozenset[str]
    not_cities: frozenset[str]
    stopwords: frozenset[str]
    place_prepositions: frozenset[str]


_RU_STOPWORDS = frozenset(
    "в во на из с со к ко у о об от до по при про для без через между около под над за перед и или а но как "
    "что который которая которые также".split()
)
_EN_STOPWORDS = frozenset(
    "in at from to with by for on and or as near into across between within outside inside via".split()
)
# after "the" and a name, the words that show no noun follows it ("the Amur in summer", "the Volga, which")
_EN_CLAUSE_WORDS = _EN_STOPWORDS | frozenset("is was were has have had which where that who whose".split())
# A title in apposition after a person's name ("Lin Hao, vice president of the association").
_EN_APPOSITIVE_TITLE = re.compile(
    r"\s*,\s*(?:the\s+|a\s+)?(?:(?:vice|deputy|executive|first|general|former|acting|honorary|party)[\s-]+)*"
    # a job title's own capitalised words before its noun ("Local Project Coordinator")
    r"(?P<title_words>(?:(?-i:[A-Z][\w-]*)\s+){0,3})"
    r"(?:president|chairman|chairwoman|chair|mayor|governor|minister|secretary|director|ambassador|consul|head|chief"
    r"|spokesman|spokeswoman|spokesperson|ceo|founder|professor|manager|councillor|councilor|commissioner"
    r"|envoy|representative|premier|senator|official|researcher|coordinator|officer|adviser|advisor"
    r"|administrator)\b",
    re.IGNORECASE,
)
# between two names of one list: a comma, a slash or "and" («и»)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,/;]\s*(?:and\s+|и\s+)?|\s(?:and|и)\s+)\s*")
# Titles before a person's name in English ("Mayor Zhao Jianjun"); not before "of" ("Mayor of Wuxi").
_EN_TITLES = frozenset(
    "mr mrs ms dr mayor governor president premier minister secretary chairman chairwoman director ambassador "
    "consul professor prof vice deputy general manager ceo head chief commissioner councilman councilwoman councillor "
    "councilor senator rep representative spokesman spokeswoman spokesperson officer coach treasurer chair founder "
    "adviser advisor coordinator administrator".split()
)
# A title (of a place), then a given name and a surname: "President of Russia Vladimir Putin", "Mayor Anna Lee"
_EN_TITLED_NAME = re.compile(
    r"\b(?i:" + "|".join(sorted(_EN_TITLES, key=len, reverse=True)) + r")\.?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+([A-Z][a-z][\w'-]*\s+[A-Z][a-z][\w'-]*)"
)
_EN_FULL_NAME = r"[A-Z][a-z][\w'-]*\s+[A-Z][a-z][\w'-]*"
# A plural title before a list of full names: "presidents Ilham Aliyev and Vladimir Putin", "mayors Ann Lee, Tom Ross"
_EN_TITLED_LIST = re.compile(
    r"\b(?i:presidents|mayors|governors|ministers|premiers|ambassadors|chairmen|leaders|heads of state)\s+"
    rf"({_EN_FULL_NAME}(?:\s*,\s*{_EN_FULL_NAME})*(?:,?\s+and\s+{_EN_FULL_NAME}))"
)
_EN_NAME_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|,?\s+and\s+")
# A full name that a verb of speech or signing follows ("…, Vikram Kant said", "Vikram Kant signed the pact"), or a
# title after a comma ("Vikram Kant, secretary of …"): one of its two words may be a town's name, yet together they
# are somebody.
_EN_PERSON_VERB = re.compile(r",?\s+(?:said|says|told|added|noted|stressed|explained|remarked|underlined"
                             r"|emphasi[sz]ed|signed|signs|inked)\b")
# every two capitalised words in a row, overlapping ("Minister Vikram Kant": both pairs)
_EN_FULL_NAME_PAIR = re.compile(r"\b(?=([A-Z][a-z][\w'-]*)\s+([A-Z][a-z][\w'-]*)\b)")


@lru_cache(maxsize=None)
def _host_verb_after_pattern(lang: str) -> re.Pattern[str] | None:
    """A verb of hosting right after a name (the roles lexicon's ``host_verbs``), or joined to it as an adjective
    ("the Turku-hosted forum")."""
    verbs = lexicon(lang, "roles").get("host_verbs") or []
    if not verbs:
        return None
    return re.compile(r"(?:\s+|-)(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _alphabetic_resources(lang: str) -> _AlphabeticResources:
    places = lexicon(lang, "places")

    def kinds(section: str) -> tuple[tuple[str, re.Pattern], ...]:
        out = []
        for kind, patterns in (places.get(section) or {}).items():
            compiled = patterns_any([str(p) for p in patterns])
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
        speech_verbs=frozenset(str(v) for v in places.get("speech_verbs") or []),
        not_cities=frozenset(name_key(str(s)) for s in places.get("not_cities") or []),
        stopwords=_RU_STOPWORDS if lang == "ru" else _EN_STOPWORDS,
        place_prepositions=frozenset(str(p).lower() for p in places.get("place_prepositions") or []),
    )


# =====================================================================================================
# Russian / English
# =====================================================================================================
_WORD = re.compile(
    r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?:com|cn|ru|kz|net|org|jp|info|uz|by|ua|kr|mn|hk)\b"  # Optimism.kz
    r"|(?:[A-Z]\.){2,}"  # U.S.
    r"|[^\W\d_](?:[^\W\d_]|[-‐'’](?=[^\W\d_]))*"
)
# how far after a city's name its bracketed abbreviation may stand (its own word "city" between)
_ABBREVIATION_REACH = 16


@lru_cache(maxsize=None)
def _city_words_after(lang: str) -> frozenset[str]:
    """"" and the words after a name that call it a town ("city", «город»): what may stand before its abbreviation."""
    return frozenset({"", *((lexicon(lang, "places").get("markers_after") or {}).get("city") or [])})


def _abbreviates(short: str, name: str) -> bool:
    """"HCMC" abbreviates "Ho Chi Minh city", «СПб» «Санкт-Петербург»; "UTS" is no abbreviation of "Sydney": the
    capitals of the abbreviation are initials of the name's words, in order, from its first."""
    capitals = [word[0].upper() for word in re.findall(r"\w+", name)]
    wanted = [ch for ch in short if ch.isupper()]
    return bool(capitals) and wanted[:1] == capitals[:1] and _in_order(wanted, capitals)


def _in_order(wanted: list[str], within: list[str]) -> bool:
    remaining = iter(within)
    return all(ch in remaining for ch in wanted)


# "(HCMC)", «(СПб)»: an abbreviation in brackets, two to five letters, mostly capitals
_ABBREVIATION = re.compile(r"\(([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё]?[A-ZА-ЯЁ]{0,3}[A-ZА-ЯЁа-яё])\)")
# Quoted proper names («Хилса», "Sino-Dutch Big Data Industrial Platform"); longer quotes are speech.
_QUOTES = re.compile(quoted(LATIN_QUOTES, 1, 80, "\n"))
_SENTENCE_INSIDE = re.compile(r"[.!?…]\s")
_SENTENCE_GAP = re.compile(r"[.!?…\n]")
_SOFT_GAP = re.compile(r"[ \t\u00a0]{1,3}")
# the small words inside French, German, Italian and Spanish towns' names, and what joins their parts
_NAME_PARTICLES = frozenset({"des", "de", "du", "la", "le", "les", "lès", "sur", "sous", "en", "am", "im", "an", "ob",
                             "di", "del", "della", "dei", "y"})
_NAME_JOIN = re.compile(r"[ \t\u00a0]{1,3}|-")
_APPOSITION_GAP = re.compile(r",[ \t\u00a0]{1,2}")
_OPENING_BRACKET_GAP = re.compile(r"[ \t\u00a0]{0,2}[(（][ \t\u00a0]{0,2}")
_LIST_COMMA = re.compile(r"[ \t\u00a0]?,[ \t\u00a0]{1,3}")
_ABBREVIATION_GAP = re.compile(r"\.[ \t\u00a0]{0,2}")
_TITLE_COMMA = re.compile(r",[ \t]*")
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|/|—|–|-{1,2}\s)")  # "KAZAN -- …" as wires type the dash
_RU_ADJECTIVE_SUFFIX = re.compile(
    r"(?:ск|цк)(?:ий|ой|ая|ое|ие|ого|ому|им|ом|ую|их|ими)$"
    r"|[а-яё]{3}(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ыми|ими|ых|их|ую|юю)$"
)
# Hard and soft adjective endings of one case and gender read alike («Курская Осенняя», «Курский Городской»)
_SOFT_TO_HARD = str.maketrans("яеию", "аоыу")


def _adjective_ending(word: str) -> str:
    ending = word[-2:].translate(_SOFT_TO_HARD)
    return "ый" if ending == "ой" else ending


_BRACKETED = re.compile(r"\s*\(([^()\n]{2,60})\)")
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
        lemmas = russian_lemmas(word)
        # a single word also tries the dictionary's own nominatives («Египта» -> египет: a fleeting vowel)
        dictionary = list(russian.normal_forms(word)) if len(lowered) == 1 and not russian.is_adjective(word) else []
        forms = lemmas[:1] + dictionary + lemmas[1:] + _plural_lemmas(word)
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


class AlphabeticPlaces:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.res = _alphabetic_resources(lang)
        self.phrases = phrase_table(lang)
        self.gazetteer: Gazetteer = get_gazetteer()
        self.tokens = tokenize(text)
        self._titled: frozenset[str] | None = None
        self._speakers: frozenset[tuple[str, str]] | None = None
        self._titled_last: frozenset[str] | None = None
        self.adjacent = [
            bool(_SOFT_GAP.fullmatch(text[self.tokens[k][1]: self.tokens[k + 1][0]]))
            for k in range(len(self.tokens) - 1)
        ] + [False]
        self.quotes = quote_spans(text)
        # a name's markers are read once for the town list and again when it is classified
        self._markers_before: dict[int, str | None] = {}
        self._markers_after: dict[tuple[int, int], tuple[str | None, str | None]] = {}
        self._city_starts: dict[int, PlaceItem] | None = None
        self._items: list[PlaceItem] | None = None
        self._listed_after_preposition: frozenset[int] | None = None

    # --- scanning -----------------------------------------------------------------------------------
    def items(self) -> list[PlaceItem]:
        """The place-like runs of words, scanned once per finder (places and countries both read them)."""
        if self._items is None:
            self._items = self._scan()
        return self._items

    def _scan(self) -> list[PlaceItem]:
        items: list[PlaceItem] = []
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

    def _hyphen_parts(self, k: int) -> list[PlaceItem]:
        """Capitalised parts of a hyphenated word that is no name as a whole: «Гуанси-Чжуанского»,
        "Beijing-Shanghai (railway)", «Москва-Пекин»."""
        start, _, word = self.tokens[k]
        if "-" not in word:
            return []
        if self.lang == "en" and (word in self._titled_surnames()
                                  or any(_strip_possessive(part) in self._titled_surnames() for part in word.split("-"))):
            # "Chase-Green thanked …": the surname of "Mayor Patricia Chase-Green" elsewhere; "Akufo-Addo's" of
            # "President Nana Addo …"
            return []
        # «Баян-Ульгийский аймак»: an adjective of a compound name names a region, never a city in its first part
        adjective = self.lang == "ru" and russian.is_relational_adjective(word.rsplit("-", 1)[-1])
        out, offset = [], start
        for part in word.split("-"):
            if part[:1].isupper() and (self.lang != "ru" or not part.isascii()):
                keys = span_keys(self.lang, [part])
                phrase = next((self.phrases[key] for key in keys if key in self.phrases), None)
                # "Kazakh-Afghan forum": a nationality word is no city here either
                nationality = keys[0] in country_adjectives(self.lang)
                cities = [] if nationality or phrase is not None and not (
                    phrase.kind == "country" and phrase.value in CITY_STATES) \
                    else list({c.geonameid: c for key in keys for c in self.gazetteer.by_key(key)}.values())
                if cities and not adjective:
                    out.append(PlaceItem(k, k + 1, offset, offset + len(part), "city", phrase, cities, keys[0]))
                elif phrase is not None:
                    out.append(PlaceItem(k, k + 1, offset, offset + len(part), phrase.kind, phrase, [], keys[0]))
            offset += len(part) + 1
        return out

    def _match_at(self, k: int) -> PlaceItem | None:
        tokens = self.tokens
        if not _is_capitalised(tokens[k][2]):
            return None
        if self.lang == "ru" and tokens[k][2].isascii():
            # Latin words in Russian text are brand and company names ("EAST JAPAN Works"); only the
            # outlets and organisations of the lexicon ("CGTN", "PRNewswire") are read.
            key = name_key(tokens[k][2])
            phrase = self.phrases.get(key)
            if phrase is not None and phrase.kind == "organisation":
                return PlaceItem(k, k + 1, tokens[k][0], tokens[k][1], "organisation", phrase, [], key)
            return None
        chain = 1
        while chain < MAX_PHRASE_TOKENS and k + chain < len(tokens) and self.adjacent[k + chain - 1]:
            chain += 1
        if chain > 1:
            heads = _multiword_heads(self.lang)
            if not any(form in heads for form in _first_word_forms(self.lang, tokens[k][2])):
                chain = 1
        for n in range(chain, 0, -1):
            words = [t[2] for t in tokens[k: k + n]]
            city_span = n <= MAX_CITY_TOKENS and (n == 1 or self._name_like(words))
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
                return PlaceItem(k, k + n, tokens[k][0], end, "city", phrase, cities, keys[0])
            return PlaceItem(k, k + n, tokens[k][0], end, phrase.kind, phrase, [], keys[0])
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
                    return PlaceItem(k, k + 1, tokens[k][0], end, "city", phrase, cities, keys[0])
                if phrase is not None:
                    return PlaceItem(k, k + 1, tokens[k][0], end, phrase.kind, phrase, [], keys[0])
        return None

    def _name_like(self, words: list[str]) -> bool:
        """Every word capitalised, except the particles inside English names (Rio de Janeiro, Dar es Salaam)."""
        for index, word in enumerate(words):
            if _is_capitalised(word):
                continue
            if self.lang == "en" and 0 < index < len(words) - 1 and word in self.gazetteer.name_particles():
                continue
            return False
        return True

    # --- classification -----------------------------------------------------------------------------
    def run(self) -> list[PlaceMention]:
        items = self.items()
        context = {i.phrase.value for i in items if i.phrase and i.phrase.kind == "country"
                   and not is_currency_issuer(self.text, i.start, i.end)}
        # a name the document once calls a town ("the town of Kenilworth", "Kenilworth Mayor …") is that town
        # wherever else it stands, however small: a twin town in a local paper is rarely big
        named_towns = {item.key for item in items if item.kind == "city"
                       and "city" in (self._marker_before(item.first), self._marker_after(item)[0])
                       and not self._is_common_word_name(item)}
        named_towns |= self._listed_with_towns(items)
        classified = [(item, self._classify(item, context, named_towns)) for item in items]
        # a big city the text names ("Dublin") vouches for its country as the country's own name would: a smaller
        # town there, right after a preposition of place, that read as nothing ("arriving in Kinsale") is read
        # again with that country in context (a surname elsewhere stays a surname)
        vouched = {mention.city.country_code for _, mention in classified
                   if mention is not None and mention.city is not None and mention.kind == "city"
                   and not mention.inside_name and mention.city.population >= BIG_CITY} - context
        if vouched:
            wider = context | vouched
            classified = [(item, self._classify(item, wider, named_towns)
                           if mention is None and item.kind == "city" and self._after_place_preposition(item)
                           else mention) for item, mention in classified]
        # a name read as a town where its capital says something is the same town at the head of a sentence
        towns = {item.key for item, mention in classified if mention is not None and mention.city is not None}
        mentions = []
        for item, mention in classified:
            if mention is None and item.kind == "city" and item.key in towns and self._starts_sentence(item.first):
                mention = self._classify(item, context, towns)
            if mention is not None:
                mentions.append(mention)
        mentions = self._with_abbreviations(mentions)
        self._mark_locators(mentions)
        return mentions

    def _with_abbreviations(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """"Ho Chi Minh City (HCMC) … held in HCMC", «Санкт-Петербург (СПб)»: an abbreviation a text defines in
        brackets right after a city stands for that city wherever else it is written."""
        defined: dict[str, PlaceMention] = {}
        for mention in mentions:
            if mention.city is None or mention.kind != "city" or mention.inside_name:
                continue
            if opens_a_line(self.text, mention.start):
                continue  # "BEIJING (AP) —": a dateline's agency, no name of the city
            m = _ABBREVIATION.search(self.text, mention.end, mention.end + _ABBREVIATION_REACH)
            # right after the name, or after the town's own word ("Ho Chi Minh city (HCMC)")
            if m is None or self.text[mention.end:m.start()].strip().lower() not in _city_words_after(self.lang):
                continue
            if m.group(1) not in defined and _abbreviates(m.group(1), self.text[mention.start:m.start()]):
                defined[m.group(1)] = mention
        if not defined:
            return mentions
        taken = [(m.start, m.end) for m in mentions]
        added = []
        for short, city_mention in defined.items():
            for m in re.finditer(rf"(?<![\w(]){re.escape(short)}(?![\w)])", self.text):
                if not any(start < m.end() and m.start() < end for start, end in taken):
                    added.append(PlaceMention(m.start(), m.end(), short, city_mention.city, city_mention.candidates,
                                              "city"))
        return sorted(mentions + added, key=lambda x: x.start)

    def _is_common_word_name(self, item: PlaceItem) -> bool:
        """A one-word name that is also a common word of the language ("Reading", «Мир»): no marker makes it a town."""
        return item.last - item.first == 1 and is_common_word(self.tokens[item.first][2], self.lang)

    def _listed_with_towns(self, items: list[PlaceItem]) -> set[str]:
        """"the twin towns Szentendre, Gubbio and Aalen", «в городах Казань, Уфа и Пермь»: the names listed right
        after one that a word before it calls a town are towns too."""
        return {item.key for item in self._listed_after(
            items, opens=lambda item: self._marker_before(item.first) == "city",
            member=lambda item: not self._is_common_word_name(item))}

    def _listed_after(self, items: list[PlaceItem], opens, member=lambda item: True) -> list[PlaceItem]:
        """The city names listed (by a comma, a slash or "and") after one for which ``opens`` holds; a name that is
        no ``member`` ends the list and may open one of its own."""
        listed: list[PlaceItem] = []
        in_list = False
        for previous, item in zip([None, *items], items):
            if item.kind != "city":
                in_list = False
                continue
            if previous is not None and in_list and _LIST_SEPARATOR.fullmatch(self.text, previous.end, item.start) \
                    and member(item):
                listed.append(item)
                continue
            in_list = opens(item)
        return listed

    def _mark_locators(self, mentions: list[PlaceMention]) -> None:
        """"Edogawa Ward, Tokyo", "Kenilworth, Warwick": a bigger city of the same country close by, written right
        after a town and a comma, says where the town lies; it is no place of its own in the report."""
        for town, locator in zip(mentions, mentions[1:]):
            if town.city is None or locator.city is None or town.kind != "city" or locator.kind != "city":
                continue
            if not _LOCATOR_GAP.fullmatch(self.text, town.end, locator.start):
                continue
            if town.city.country_code == locator.city.country_code \
                    and locator.city.population > town.city.population \
                    and distance_km(town.city, locator.city) <= _LOCATOR_REACH_KM:
                locator.inside_name = True

    def _classify(self, item: PlaceItem, context: set[str], named_towns: frozenset[str] | set[str] = frozenset()
                  ) -> PlaceMention | None:
        text, tokens = self.text, self.tokens
        surface = text[item.start: item.end]
        if item.kind in ("admin_region", "macro_region") and self._is_person(item):
            return None
        if item.kind == "admin_region" and self._marker_before(item.first) == "city":
            cities = self.gazetteer.by_key(item.key)  # «город Луангпрабанг»: the city, not its province
            if cities:
                item = PlaceItem(item.first, item.last, item.start, item.end, "city", None, cities, item.key)
        if item.kind != "city":
            if item.kind == "country":
                return PlaceMention(item.start, item.end, surface, None, [], "country",
                                    inside_name=inside_any(self.quotes, item.start, item.end))
            return PlaceMention(item.start, item.end, surface, None, [], item.kind, region_code=region_code_of(item),
                                inside_name=inside_any(self.quotes, item.start, item.end) or item.kind == "organisation")
        words = [t[2] for t in tokens[item.first: item.last]]
        first_word = words[0]
        if item.key in self.res.not_cities:
            return None
        if name_key(first_word) in self.res.not_cities and not (
                len(words) > 1 and any(name_key(c.name_en) == item.key for c in item.cities)):
            return None  # "Port Vila", "Gold Coast": a city's own English name may open with such a word
        if self.lang == "ru" and len(words) == 1 \
                and any(name_key(form) in self.res.not_cities for form in russian.normal_forms(first_word)):
            return None  # «Юга России», «Волги»: a listed word in another case
        dateline = first_word.isupper() and len(first_word) > 1
        if dateline and not self._dateline_shape(item):
            return None
        if self._is_person(item):
            return None
        before = self._marker_before(item.first)
        # «город Полевской», «Полевской (Свердловская область)»: a town whose name is an adjective, said so
        if self.lang == "ru" and len(words) == 1 and before != "city" and not self._region_in_brackets(item):
            if self._adjectival_use(item):
                return None
            if self._starts_sentence(item.first) and russian.is_adjective(first_word):
                return None  # «Юбилейный 25-й форум»: a sentence opening with an adjective, not the town

        # a name in capitals opening a line before a dash or comma is a dateline's town ("KAZAN -- …"), dated or not
        kind, cue, inside = "city", item.key in named_towns or dateline, False
        if before in ("city",):
            cue = True
        elif before is not None:
            kind = before
            inside = before in ("organisation", "project")
        after_kind, head_kind = self._marker_after(item)
        if after_kind == "city" and not (len(words) == 1 and is_common_word(first_word, self.lang)):
            cue = True  # "Kenilworth Mayor …", but a word before its title is no town ("Vice Mayor", "Old Town")
        elif after_kind is not None and kind == "city" and not cue:
            kind = after_kind
        if head_kind is not None:
            kind, inside = head_kind, True
        if inside_any(self.quotes, item.start, item.end):
            inside = True
        if item.phrase is not None and item.phrase.kind == "country" and item.phrase.value in CITY_STATES:
            cue = True
        cities = item.cities
        if self._host_verb_after(item) and not (len(words) == 1 and is_common_word(first_word, self.lang)):
            # "Tacoma hosted the forum": what hosts an event is a place whatever its size ("He welcomed the
            # guests" is a person: a common word is no name for it)
            cue = True
        if self._starts_sentence(item.first) and not cue and (self.lang == "en" or not self.gazetteer.has_key(item.key)):
            # A sentence-initial capital says nothing, and a Russian word that reaches a city only through a
            # case ending («Темой» -> Tema) is usually a common noun: keep only cities the document's
            # countries or their size vouch for ("Mobile payments grew" is not Mobile, Alabama).
            cities = [c for c in cities if c.country_code in context or c.population >= 1_000_000]
        # A marker word («улице», "province") says what the name is; a name inside a larger proper name
        # ("Big Data Platform") must still be a plausible town to be reported at all.
        marked = cue or (kind != "city" and head_kind is None and before not in ("organisation", "project"))
        if not marked and self.lang == "en":
            # English writes a town by its own name; a match through an old or foreign alternate ("Chang" for
            # Dschang, Cameroon) must be backed by the document's countries or a big city
            cities = [c for c in cities if name_key(c.name_en) == item.key or c.country_code in context
                      or c.population >= BIG_CITY]
            if len(item.key) <= _SHORT_ALTERNATE:
                # "Hu said …": a one-syllable abbreviation GeoNames files under Shanghai is no English name of it
                cities = [c for c in cities if name_key(c.name_en) == item.key]
        if not marked and len(words) == 1 and is_common_word(first_word, self.lang):
            # "Commerce", «Начало»: words, not towns; but after a preposition of place a city of some size by its
            # own name is the city ("held in Geneva": the word is common because the city is)
            after_preposition = self._after_place_preposition(item)
            cities = [c for c in cities if c.population >= BIG_CITY or (
                after_preposition and c.population >= _COMMON_NAME_CITY and name_key(c.name_en) == item.key)]
            if is_function_word(first_word, self.lang):
                # "We" is an old alternate of Hue: one of the commonest words names a city only as its own name
                cities = [c for c in cities if name_key(c.name_en) == item.key]
        named_country = self._country_adjective_before(item)
        if named_country is not None and kind == "city":
            # «польским Люблином», "Polish Lublin": the adjective says whose city it is; a name with no city of
            # that country is a town the gazetteer lacks (or misspells), never a namesake elsewhere
            cities = [c for c in cities if c.country_code == named_country
                      or (named_country == "CN" and c.country_code in CHINESE_REGIONS)]
            if not cities:
                return None
            marked = True
        if not marked and self.lang == "en" and self._bare_after_article(item):
            return None  # "across the Amur.", "along the Volga and its tributaries": a river or a land, not a town
        if not marked and self.lang == "en" and len(words) == 1 and self._closes_an_unknown_name(item):
            # "at the restored Sangeet Mandapam": a small town's name right after a capitalised word that is no
            # place, in running text, is the last word of another proper name
            cities = [c for c in cities if c.population >= BIG_CITY]
        if self.lang == "en" and self._continues_into_a_longer_name(item):
            # "St Martin des Champs" (not St Martin, Jersey): a French or German town's name goes on past the part
            # the gazetteer knows, and the longer name is another town than the short one
            return None
        city, ranked = choose_city(cities, context, marked, self.lang, short=len(item.key.replace(" ", "")) <= 3,
                                   after_preposition=self._after_place_preposition(item),
                                   key=item.key)
        if city is None:
            return None
        return PlaceMention(item.start, item.end, surface, city if kind == "city" else None, ranked, kind,
                            inside_name=inside or kind in NAME_KINDS)

    def _bare_after_article(self, item: PlaceItem) -> bool:
        """An English town takes no article: "the" before a name that no noun follows ("across the Amur.", "the
        Urals, where …", "the Volga in Russia") names a river, mountains or a land. A name the article governs as a
        modifier ("the Moscow delegation", "the Kazan and Harbin delegations") is a town."""
        tokens = self.tokens
        k = item.first - 1
        if k < 0 or tokens[k][2].lower() != "the" or self.text[tokens[k][1]:item.start].strip():
            return False
        if any((city.name_en or "").lower().startswith("the ") for city in item.cities):
            return False  # "the Hague": the article is the town's own
        following = item.last
        if following >= len(tokens):
            return True
        gap = self.text[item.end:tokens[following][0]]
        word = tokens[following][2]
        if re.search(r"[.;:!?)\]\n]", gap):
            return True
        if "," in gap or word.lower() in ("and", "or"):
            # "the Amur, which …" but not "the Moscow, Kazan and Sochi delegations"
            then = tokens[following + 1][2] if "," not in gap and following + 1 < len(tokens) else word
            return not _is_capitalised(then)
        return word in _EN_CLAUSE_WORDS

    def _country_adjective_before(self, item: PlaceItem) -> str | None:
        k = item.first - 1
        if k < 0 or not self.adjacent[k]:
            return None
        return adjective_country(self.lang, self.tokens[k][2])

    def _host_verb_after(self, item: PlaceItem) -> bool:
        pattern = _host_verb_after_pattern(self.lang)
        return pattern is not None and bool(pattern.match(self.text, item.end))

    def _after_place_preposition(self, item: PlaceItem) -> bool:
        """"held in Wertheim", "guests from Gubbio", «прошла в Вертхайме»: a preposition of place right before,
        or before the first of a list the name closes ("from Białystok, Druskininkai and Smolensk")."""
        return self._right_after_place_preposition(item) or item.start in self._preposition_lists()

    def _right_after_place_preposition(self, item: PlaceItem) -> bool:
        k = item.first - 1
        return k >= 0 and self.adjacent[k] and self.tokens[k][2].lower() in self.res.place_prepositions

    def _preposition_lists(self) -> frozenset[int]:
        """Starts of the places listed after one that a preposition of place heads."""
        if self._listed_after_preposition is None:
            self._listed_after_preposition = frozenset(
                item.start for item in self._listed_after(self.items(), opens=self._right_after_place_preposition))
        return self._listed_after_preposition

    def _dateline_shape(self, item: PlaceItem) -> bool:
        """«УСИ (Китай), 11 декабря», "URUMQI, Sept. 1 (Xinhua)": capitals at a line start, then , ( or —."""
        return opens_a_line(self.text, item.start) and bool(_DATELINE_AFTER.match(self.text, item.end))

    def _is_person(self, item: PlaceItem) -> bool:
        tokens, first, last = self.tokens, item.first, item.last
        surnames = self.res.surnames
        if first > 0 and self.adjacent[first - 1] and tokens[first - 1][2] in surnames:
            return True  # «Сун Сибинь», "Yin Lei"
        if self._after_initial(first):
            return True  # an initial: «Б. Джонсон», "J. Smith", "K. Rama Mohan Rao"
        if last - first == 1 and tokens[first][2] in surnames and last < len(tokens) and self.adjacent[first] \
                and _is_capitalised(tokens[last][2]):
            return True  # the surname itself
        if self.lang == "en" and last - first == 1 and tokens[first][2] in surnames and first > 0 \
                and self.adjacent[first - 1] and _is_capitalised(tokens[first - 1][2]) \
                and tokens[first - 1][2].lower() not in self.res.stopwords \
                and not is_function_word(tokens[first - 1][2], self.lang):
            return True  # "Wendy Chen", "Lincoln Chen": a given name, then the surname
        if self.lang == "ru" and self._is_russian_person(first, last):
            return True
        title = _EN_APPOSITIVE_TITLE.match(self.text, self._capitalised_run_end(last)) if self.lang == "en" else None
        # "at the conference in Busan, the mayor of Fukuoka said": after a preposition of place the name is where
        if title and not self._right_after_place_preposition(item) \
                and (not title.group("title_words")
                     or (first > 0 and self.adjacent[first - 1] and _is_capitalised(tokens[first - 1][2]))):
            # "Lin Hao, vice president of …": a title after the name; a title's capitalised words ("Nadir Delgado,
            # Local Project Coordinator") only after a given name, since "from Kazan, Ufa Mayor …" lists a city
            return True
        if self.lang == "en" and last < len(tokens) and self.adjacent[last - 1] \
                and f"{tokens[last - 1][2]} {tokens[last][2]}" in self._titled_names():
            return True  # "… stressed Vladimir Putin": the name a title introduced elsewhere in the text
        if self.lang == "en" and last - first == 1 and self._speaks(first):
            return True
        if self.lang == "en":
            # "Mayor Zhao Jianjun", "deputy governor Erlan Taraz": a title, then up to two capitalised words
            k = first - 1
            while k >= 0 and first - k <= 2 and self.adjacent[k] and _is_capitalised(tokens[k][2]) \
                    and tokens[k][2].lower() not in _EN_TITLES:
                k -= 1
            # the title may stand before a comma: "the chamber's President, Abdul Karim Ahmad"
            gap = self.text[tokens[k][1]: tokens[k + 1][0]] if k >= 0 else ""
            if k >= 0 and (self.adjacent[k] or _ABBREVIATION_GAP.fullmatch(gap) or _TITLE_COMMA.fullmatch(gap)) \
                    and tokens[k][2].lower() in _EN_TITLES:
                return True
            # "the President of Russia Vladimir Putin": a title of a place, then a given name and a surname
            following = tokens[last][2] if last < len(tokens) and self.adjacent[last - 1] else ""
            if k < first - 1 and k >= 1 and tokens[k][2] == "of" and tokens[k - 1][2].lower() in _EN_TITLES \
                    and _is_capitalised(following):
                return True
        return False

    def _closes_an_unknown_name(self, item: PlaceItem) -> bool:
        """The word before the name is capitalised, mid-sentence after a lower-case word (a title-case headline
        says nothing) or at a headline's head when running text has the same two words, and is neither a place, a
        title nor a common word."""
        tokens, k = self.tokens, item.first - 1
        if k < 0 or not self.adjacent[k]:
            return False
        word = tokens[k][2]
        if not _is_capitalised(word):
            return False
        if k == 0 or self._starts_sentence(k):
            # at a headline's head, the same two words in running text elsewhere say it
            name = re.escape(_strip_possessive(tokens[item.first][2]))
            if re.search(rf"(?-i:\b[a-z]+\s+{re.escape(word)}\s+{name})\b", self.text) is None:
                return False
        elif not (tokens[k - 1][2].islower() and self.adjacent[k - 1]):
            return False
        return self._is_plain_name(word)

    def _continues_into_a_longer_name(self, item: PlaceItem) -> bool:
        """The name runs on through a particle of a place name into a capitalised word: "des Champs", "sur Mer"."""
        tokens, k = self.tokens, item.last
        if k + 1 >= len(tokens) or tokens[k][2] not in _NAME_PARTICLES or not _is_capitalised(tokens[k + 1][2]):
            return False
        return all(_NAME_JOIN.fullmatch(self.text[tokens[j - 1][1]: tokens[j][0]]) for j in (k, k + 1))

    def _is_plain_name(self, word: str) -> bool:
        """A capitalised word that can only be somebody's or something's name: no common or function word, no title,
        no place."""
        return not (is_common_word(word, self.lang) or is_function_word(word, self.lang)
                    or word.lower() in _EN_TITLES or self._names_a_place(word))

    def _after_initial(self, first: int) -> bool:
        """The name follows an initial, directly or after up to two more capitalised words of the same name:
        "J. Smith", "K. Rama Mohan Rao". A town's name never follows an initial."""
        tokens, k = self.tokens, first - 1
        while k >= 0 and first - k <= 3:
            word = tokens[k][2]
            if len(word) == 1 and word.isupper():
                return _ABBREVIATION_GAP.fullmatch(self.text[tokens[k][1]: tokens[k + 1][0]]) is not None
            if not (self.adjacent[k] and _is_capitalised(word)):
                return False
            k -= 1
        return False

    def _titled_names(self) -> frozenset[str]:
        """The names a title introduces anywhere in the text, read once per text."""
        if self._titled is None:
            names = {" ".join(m.group(1).split()) for m in _EN_TITLED_NAME.finditer(self.text)}
            for listed in _EN_TITLED_LIST.finditer(self.text):
                names.update(" ".join(name.split()) for name in _EN_NAME_LIST_SEPARATOR.split(listed.group(1)))
            self._titled = frozenset(names)
        return self._titled

    def _speaks(self, k: int) -> bool:
        """Token ``k`` is a word of a full name that speaks or signs somewhere in the text, here beside its other
        word or alone before such a verb ("Vikram Kant said …; …, Kant added")."""
        tokens, word = self.tokens, self.tokens[k][2]
        speakers = self._speaker_names()
        if k > 0 and self.adjacent[k - 1] and (tokens[k - 1][2], word) in speakers:
            return True
        if k + 1 < len(tokens) and self.adjacent[k] and (word, tokens[k + 1][2]) in speakers:
            return True
        return any(surname == word for _, surname in speakers) \
            and _EN_PERSON_VERB.match(self.text, tokens[k][1]) is not None

    def _speaker_names(self) -> frozenset[tuple[str, str]]:
        """The two-word names before a verb of speech or signing, or before a title after a comma, of which exactly
        one word names a place and the other is a plain name (no place, title or common word): "Hong Kong said" and
        "the Mayor said" name nobody."""
        if self._speakers is None:
            found = set()
            for match in _EN_FULL_NAME_PAIR.finditer(self.text):
                if not (_EN_PERSON_VERB.match(self.text, match.end(2))
                        or _EN_APPOSITIVE_TITLE.match(self.text, match.end(2))):
                    continue
                places = [self._names_a_place(word) for word in match.groups()]
                if sum(places) == 1 and any(self._is_plain_name(word) for word in match.groups()):
                    found.add(match.groups())
            self._speakers = frozenset(found)
        return self._speakers

    def _titled_surnames(self) -> frozenset[str]:
        """The last words of the titled names: "Chase-Green" of "Mayor Patricia Chase-Green"."""
        if self._titled_last is None:
            self._titled_last = frozenset(name.split()[-1] for name in self._titled_names())
        return self._titled_last

    def _is_russian_person(self, first: int, last: int) -> bool:
        """«Алексей Орлов», «Владимиром Приваловым», «Орлов Алексей Петрович»: a given name beside the word, or
        the word a given name before a surname or patronymic (the dictionary's Name/Surn/Patr marks)."""
        tokens = self.tokens
        previous = tokens[first - 1][2] if first > 0 and self.adjacent[first - 1] else ""
        following = tokens[last][2] if last < len(tokens) and self.adjacent[last - 1] else ""
        words = [t[2] for t in tokens[first:last]]
        if _is_capitalised(previous) and russian.is_given_name(previous):
            return True
        spoken = tokens[first - 1][2].lower() if first > 0 else ""
        if len(words) == 1 and (spoken in self.res.speech_verbs or spoken[:-1] in self.res.speech_verbs) \
                and not _is_capitalised(following) and russian.can_be_nominative(words[0]):
            return True  # «…», - написал Бабушкин в своём телеграм-канале: who wrote it
        if _is_capitalised(following) and russian.is_patronymic(following):
            return True
        if len(words) == 1 and _is_capitalised(following) and russian.is_given_name(words[0]) \
                and (russian.looks_like_surname(following) or not self._names_a_place(following)):
            return True  # «Владимир Книга»: a given name, then a surname that is also a common noun
        return len(words) == 1 and _is_capitalised(following) and russian.is_surname(words[0]) \
            and russian.is_given_name(following)

    def _names_a_place(self, word: str) -> bool:
        """The word (in some case form) is a town's or a phrase's name: «Владимир Суздаль» lists two towns."""
        return any(self.gazetteer.has_key(form) or form in self.phrases for form in span_keys(self.lang, [word]))

    def _capitalised_run_end(self, last: int) -> int:
        """The end offset of the capitalised words that continue from token ``last`` on ("Lin Hao Ming")."""
        tokens, k = self.tokens, last
        while k < len(tokens) and self.adjacent[k - 1] and _is_capitalised(tokens[k][2]) and k - last < 3:
            k += 1
        return tokens[k - 1][1]

    def _adjectival_use(self, item: PlaceItem) -> bool:
        """«Свердловской области», «Куньминская инициатива», «Уральском промышленном форуме»: an adjective before
        a lowercase noun or adjective (not before a verb: «Полевской подписал»)."""
        word = self.tokens[item.first][2].lower()
        if not _RU_ADJECTIVE_SUFFIX.search(word):
            return False
        nxt = item.last
        if nxt >= len(self.tokens) or not self.adjacent[nxt - 1]:
            return False
        following = self.tokens[nxt][2]
        if _is_capitalised(following):
            # «Курская Коренская ярмарка»: two adjectives that agree open one name (a fair's), not a town's
            return _adjective_ending(following.lower()) == _adjective_ending(word) \
                and bool(_RU_ADJECTIVE_SUFFIX.search(following.lower()))
        return russian.is_nominal(following)

    def _region_in_brackets(self, item: PlaceItem) -> bool:
        """«Полевской (Свердловская область)»: a province or country in brackets right after the name."""
        bracket = _BRACKETED.match(self.text, item.end)
        if bracket is None:
            return False
        if any(other.kind in ("admin_region", "country") and bracket.start(1) <= other.start < bracket.end(1)
               for other in self.items()):
            return True
        # «(Свердловская область)»: a word of a province names one, though the lexicon lacks the province
        return any(pattern.fullmatch(word) for word in re.findall(r"\w+", bracket.group(1).lower())
                   for kind, pattern in self.res.markers_before if kind == "admin_region")

    def _marker_before(self, first: int) -> str | None:
        if first not in self._markers_before:
            self._markers_before[first] = self._read_marker_before(first)
        return self._markers_before[first]

    def _read_marker_before(self, first: int) -> str | None:
        tokens, text = self.tokens, self.text
        k, steps = first - 1, 0
        while k >= 0 and steps < 3:
            gap = text[tokens[k][1]: tokens[k + 1][0]]
            word = tokens[k][2]
            low = word.lower()
            # "the twin towns (Gubbio, Aalen)": the names in brackets right after the marker
            bracketed = steps == 0 and _OPENING_BRACKET_GAP.fullmatch(gap) is not None
            # "Tartu's sister city, Eppstein,", "the Kazakh capital, Astana": a town's noun, then the town in apposition
            apposed = steps == 0 and _APPOSITION_GAP.fullmatch(gap) is not None
            if not (_SOFT_GAP.fullmatch(gap) or bracketed or apposed
                    or (len(low) <= 2 and _ABBREVIATION_GAP.fullmatch(gap))):
                return None
            if low in self.res.stopwords:
                return None
            for kind, pattern in self.res.markers_before:
                if pattern.fullmatch(low):
                    if apposed and kind != "city":
                        return None
                    # "Town Council", "City Hall": a capitalised marker right before the name begins a compound
                    # of its own, not a town's name ("the town of Council", "downtown Chicago"); a bracket
                    # between them ends any compound
                    if self.lang == "en" and steps == 0 and _is_capitalised(word) and not bracketed:
                        return None
                    if kind == "district" and (self._owns_the_district(word, tokens[first][2])
                                               or self._district_of(k, steps)):
                        return None
                    return kind
            if bracketed or apposed:
                return None
            if _is_capitalised(word) and not (self.lang == "en" and low in ("the",)):
                return None
            if self.lang == "en" and low not in _EN_MARKER_LINKS:
                return None  # "Shizuoka Prefecture visited Kazan": a verb between, the marker is another name's
            k, steps = k - 1, steps + 1
        return None

    def _owns_the_district(self, marker: str, name: str) -> bool:
        """«в Сунбэйском районе Харбина»: a name in the genitive after a district noun in another case is the
        city the district lies in, not the district's own name («в районе Хамовники», «в селе Ивановке»)."""
        return self.lang == "ru" and russian.is_genitive_nominal(name) and not russian.can_be_nominative(name) \
            and not russian.is_genitive_nominal(marker)

    def _district_of(self, k: int, steps: int) -> bool:
        """"Songbei District of Harbin": a named district before "of" lies in the city after it (the District of
        Columbia has no name of its own before it)."""
        if self.lang != "en" or steps != 1 or k == 0 or self.tokens[k + 1][2].lower() != "of":
            return False
        return _is_capitalised(self.tokens[k - 1][2]) and self.tokens[k - 1][2].lower() not in ("the",)

    def _marker_after(self, item: PlaceItem) -> tuple[str | None, str | None]:
        """(kind given by the next word, kind given by a head noun later in the same proper name)."""
        span = (item.first, item.last)
        if span not in self._markers_after:
            self._markers_after[span] = self._read_marker_after(item)
        return self._markers_after[span]

    def _read_marker_after(self, item: PlaceItem) -> tuple[str | None, str | None]:
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
        if after_kind is None and self.lang == "en":
            after_kind = self._shared_plural_marker(item.last)
        if after_kind in ("admin_region", "district"):
            return after_kind, None
        return after_kind, self._name_head(item)

    def _shared_plural_marker(self, k: int) -> str | None:
        """"Aktobe and Kostanay regions", "Omsk, Tomsk and Novosibirsk oblasts": a plural marker after the last of
        a list of names is every name's. ``k`` is the token after the name."""
        tokens, text = self.tokens, self.text
        joined = names = 0
        while k < len(tokens) and joined + names < 8:
            gap = text[tokens[k - 1][1]:tokens[k][0]]
            comma = _LIST_COMMA.fullmatch(gap)
            if not (_SOFT_GAP.fullmatch(gap) or comma):
                return None
            word = tokens[k][2]
            low = word.lower()
            if low == "and" or (comma and _is_capitalised(word)):
                joined += 1
                if low == "and":
                    k += 1
                    continue
            if _is_capitalised(word):
                names += 1
                k += 1
                continue
            if joined and names and low.endswith("s"):
                for kind, pattern in self.res.markers_after:
                    if pattern.fullmatch(low) and kind in ("city", "admin_region", "district"):
                        return kind
            return None
        return None

    def _name_head(self, item: PlaceItem) -> str | None:
        """A head noun in the capitalised run around the item: "Wuxi Grand Theater", "University of X"."""
        tokens = self.tokens
        k, seen = item.last, 0
        while k < len(tokens) and self.adjacent[k - 1] and seen < 5:
            word = tokens[k][2]
            low = word.lower()
            if not _is_capitalised(word) and not (self.lang == "en" and low in ("of", "and", "for", "the", "de")):
                break
            if seen == 0 and low in ("of", "for", "the", "de"):
                break  # "travelled to Tacoma for the Ports Forum": a name's head never follows the city that way
            if seen == 0 and low == "and" and (second := self._city_at(k + 1)) is not None:
                # "Suva and Port Louis": a second town opens no name of the first one's; a head after the second
                # is both names' ("the Omsk and Tomsk Regional Agencies")
                return self._name_head(second)
            if _is_capitalised(word):
                for kind, pattern in self.res.name_heads:
                    if any(pattern.fullmatch(form) for form in self._head_forms(low)):
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

    def _city_at(self, k: int) -> PlaceItem | None:
        """The city name that starts at token ``k``, if one does."""
        if self._city_starts is None:
            self._city_starts = {item.first: item for item in self.items() if item.kind == "city"}
        return self._city_starts.get(k)

    def _head_forms(self, low: str) -> tuple[str, ...]:
        """A head noun and, in English, the singular of a plural one: "the Vitebsk and Minsk Regional Executive
        Committees" are two committees."""
        if self.lang != "en" or len(low) < 4 or not low.endswith("s"):
            return (low,)
        if low.endswith("ies"):
            return low, low[:-3] + "y", low[:-1]
        return (low, low[:-1], low[:-2]) if low.endswith("es") else (low, low[:-1])

    def _starts_sentence(self, k: int) -> bool:
        """Whether token k opens a sentence or a line (its capital letter then says nothing)."""
        return k == 0 or bool(_SENTENCE_GAP.search(self.text[self.tokens[k - 1][1]: self.tokens[k][0]]))


# an English name this short reaches a city only as its own name, never through an alternate (Hu, Jing, Lu)
_SHORT_ALTERNATE = 3
# the least population of a city whose name is a common word, read as the city after a preposition of place
_COMMON_NAME_CITY = 100_000

# between a town and the city that locates it: at most a status word ("Ward", "-ku", «район»), then a comma
_LOCATOR_GAP = re.compile(r"(?:[\s-][^\W\d_]{1,10})?\s?,\s{1,2}")
_LOCATOR_REACH_KM = 60


# the words that may stand between an English marker and its name ("the city of Kazan", "the port city of Vanino")
_EN_MARKER_LINKS = frozenset({"of", "the", "port", "border", "coastal", "northern", "southern", "eastern", "western",
                              "central", "twin", "sister", "partner", "capital", "host", "resort", "industrial",
                              # a plural noun that opens a list by example ("regions including Amur", "cities such
                              # as Tartu") says what each name is
                              "including", "such", "as", "like"})


@lru_cache(maxsize=16)
def alphabetic_finder(text: str, lang: str) -> AlphabeticPlaces:
    """One finder per document: find_places and find_countries share its scan."""
    return AlphabeticPlaces(text, lang)
