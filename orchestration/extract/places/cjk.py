"""Chinese and Japanese place names: longest match over the folded text (see the package docstring)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from orchestration.extract.common_words import BIG_CITY, is_common_word, zipf
from orchestration.extract.lexicons import lexicon
from orchestration.extract.places.common import (
    CHINESE_REGIONS,
    CITY_STATES,
    MIN_POPULATION,
    MIN_POPULATION_CJK_LONG,
    NAME_KINDS,
    Phrase,
    PlaceItem,
    PlaceMention,
    phrase_table,
    region_code_of,
    region_country_of,
)
from orchestration.extract.places.katakana import towns_by_sound
from orchestration.extract.text import CJK_QUOTES, quoted
from orchestration.extract.wordlists import alt
from orchestration.reference.countries import city_named_as_region, lookup_country
from orchestration.reference.gazetteer import (
    PINYIN_NAMED,
    City,
    fold_cjk,
    get_gazetteer,
    mandarin_reading,
    name_key,
    own_name_first,
)


# =====================================================================================================
# Chinese / Japanese
# =====================================================================================================
def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or ch == "々"


def _is_katakana(ch: str) -> bool:
    return 0x30A0 <= ord(ch) < 0x3100 and ch != "・"


def _is_hiragana(ch: str) -> bool:
    return 0x3040 <= ord(ch) < 0x30A0


def _is_cjk(ch: str) -> bool:
    return _is_han(ch) or 0x3040 <= ord(ch) < 0x3100


# the dash between the two sides of a pair of places (天津—神户, 中国－东盟)
_PAIR_DASH = re.compile(r"\s*[—–－-]{1,2}\s*")
# between a country and the city it holds: nothing, a space or a middle dot
_COUNTRY_GAP = re.compile(r"[\s\u3000・·]?")
# a country's own city with a possessive between them ("韓国の釜山市"), which opens a list of its cities
_OF_GAP = re.compile(r"[の的]")
# between two members of one list of cities: a comma, perhaps over names the gazetteer lacks ("、束草市、")
# words may stand before the list comma 、 ("韩国釜山广域市、东海市"); before a clause comma ，only nothing ("应日本新潟市
# 邀请，哈尔滨市…" opens another clause, not the list)
_LIST_GAP = re.compile(r"(?:[\u3400-\u9fff\u30a0-\u30ff]{0,6}、|[，,])+")


@dataclass(frozen=True)
class _CompanyList:
    rest: re.Pattern[str]  # the rest of a list from one item on, to its "etc."
    noun_after: re.Pattern[str]  # a company noun right after the "etc."
    noun: re.Pattern[str]


@dataclass(frozen=True)
class _CjkResources:
    phrases: dict[str, Phrase]
    prefix_max: dict[str, int]  # bigram -> longest key (gazetteer or phrase) starting with it
    markers_after: tuple[tuple[str, str], ...]  # (suffix, kind), longest first
    heads: dict[str, tuple[tuple[str, str], ...]]  # first char -> ((head, kind), ...)
    before_cues: tuple[str, ...]
    after_cues: tuple[str, ...]
    compound_breakers: tuple[str, ...]  # after_cues of two or more characters (verbs, 代表团) and compound_breakers
    frame_before: tuple[str, ...]  # a locative word and an event's verb that frame a place: 在…举行
    frame_after: tuple[str, ...]
    not_cities: frozenset[str]
    surnames: frozenset[str]
    person_suffixes: tuple[str, ...]
    person_titles: tuple[str, ...]
    company_list: _CompanyList | None
    organisation_heads: tuple[str, ...]  # the heads of kind "organisation" (商事, 公司, 大学)


# A GeoNames name that itself ends in a district or province suffix names that unit, not a city
# (州, 道, 盟 are left out: 广州, 杭州 are cities).
_KEY_TAIL_KINDS = {"区": "district", "县": "district", "旗": "district", "镇": "district", "乡": "district",
                   "村": "district", "街道": "district", "町": "district", "郡": "district", "省": "admin_region",
                   "自治区": "admin_region", "自治州": "admin_region", "路": "street", "大街": "street",
                   "大道": "street"}
# Chinese place names are themselves frequent words (扬州 4.0); a transcribed foreign name this frequent is a
# loanword first (马拉松 3.8)
_COMMON_LOANWORD_ZIPF = 3.5
_KANJI_COUNTRIES = frozenset({"CN", "JP", "KR", "KP", "TW", "HK", "MO"})
_ADMIN_SUFFIX_CHARS = frozenset("市区县镇乡村旗州省町郡")
# "两国五城" (two countries, five cities), "三省一市": a numeral before a noun of places counts them; no name is meant
_COUNT_NUMERALS = frozenset("一二两三四五六七八九十百千")
_COUNTED_PLACE_NOUNS = frozenset("城市国省县区地")
# nouns of land a numeral counts when no town's suffix follows (闽台三岛 "the three islands", but 三島市 is Mishima)
_COUNTED_LAND_NOUNS = frozenset("岛島镇乡港")
# a list's closing count of provinces or prefectures (の4県, 等三省, など2道, 等15个省市区), or its closing noun of
# regions (等国家和地区, 等省市): the names listed are regions, not cities
_REGION_GROUPS = "省市区|省区市|省市|省份|国家和地区|国家及地区|国家或地区"
_COUNTED_REGIONS = re.compile(rf"(?:の|など|等|の各)?[0-9０-９一二三四五六七八九十两]{{1,2}}个?(?:{_REGION_GROUPS}|県|县|省|州|道|府)(?!市)"
                              rf"|(?:等|など)(?:{_REGION_GROUPS})")
# a numeral and a unit of the calendar: a day, a month or a year, never a town's bare name
_CALENDAR_WORD = re.compile(r"[〇零一二两三四五六七八九十]+[日月年]")
# how far after a name its head noun may stand: a project's or venue's name is short, a company's may be long
_HEAD_REACH = 7
_ORGANISATION_HEAD_REACH = 13
# how long a name the place opens may run to the head that ends it (深圳某某富硒大健康产业园)
_NAME_RUN_REACH = 24
_CJK_STOP = frozenset("的之与和及同在于等是为将已被把对向从由以而了着过也都、，。；：！？（）()「」『』“”《》〈〉【】[]・ ,.;:!?")
_OPENING_BRACKETS = frozenset("(（")
# quoted names in Japanese and Chinese text (not 《》, which title the documents cities sign)
_CJK_QUOTES = re.compile(quoted(CJK_QUOTES, 2, 40, "。"))
# what joins the items of a list: one mark or conjunction, or none (辽宁、吉林; 吉林及辽宁; 吉林及び遼寧)
# the separators of a list's items: Japanese joins the last with や, Chinese with 和, 与, 及
_LIST_SEPARATORS = {"ja": "[、，,・や]", "zh": "[、，,和与及]"}
_ENUMERATION_GAP = re.compile(r"(?:[、，,・和与及と]|及び)?")
# the suffixes of a province or prefecture (省, 県, 府) that may close a list of bare names
_LIST_REGION_SUFFIXES = frozenset("省県府")
_PLACE_SUFFIXES = frozenset("市県省州区町村府")
# a bare two-character name this common as a word (富裕, 光明, 安宁) is the word, unless a city of this size or more
# bears it (武汉, 长春 are common words too)
_COMMON_WORD_ZIPF, _SMALL_TOWN = 3.5, 200_000
_SMALL_CITY_WORD_TOWN = 100_000  # a town ending in 城 this small is read as part of the word 城市 after a word
_MAYOR = fold_cjk("市長")
# one character before 市長/町長 that makes it a title, not a town's name: new, former, deputy, acting, late
_TITLE_MODIFIERS = frozenset(fold_cjk(ch) for ch in "新前元副現现故代次旧舊")
_HEAD_CHAR = fold_cjk("長")
# the titles of a town's or prefecture's head, which Japanese writes after the place or after the holder's surname
_JA_HEAD_TITLES = tuple(fold_cjk(title) for title in ("市長", "町長", "村長", "区長", "知事"))
_JA_MUNICIPALITIES = frozenset({"町", "村"})
# 高橋北海道知事, 石原東京都知事, 西尾函館市長: a surname, then the place the holder heads, then the title
# (the place's name two characters or more, and no title word such as 副 or 前 before the title: ナホトカ副市長);
# lists of guests set the surname off by a middle dot (松本・新潟市長)
_GOVERNOR = fold_cjk("知事")
_JA_SURNAME_BEFORE_HEAD = re.compile(
    rf"[・･]?[\u4e00-\u9fff]{{1,3}}[^\W\d{''.join(_TITLE_MODIFIERS)}]"
    rf"(?:[{fold_cjk('都道府県')}]{_GOVERNOR}|{'|'.join(t for t in _JA_HEAD_TITLES if t != _GOVERNOR)})")
_MIDDLE_DOTS = ("・", "･")
_BRACKETED_PART = re.compile(r"[(（][\u3040-\u30ff\u4e00-\u9fff]{1,4}[)）]")
# up to four more characters of a name, then 市 (巴彦|洪格尔市)
_RUN_TO_SHI = re.compile(r"[\u4e00-\u9fff]{1,4}?市")
_REGION_TAILS = frozenset("州省县区道府")
# the first characters of a longer name, between a country and a known name's tail (蒙古国|乔|巴山市)
_GLUED_NAME_HEAD = re.compile(r"[\u4e00-\u9fff]{1,3}")
# 和田 裕行: Japanese lists and bylines write a family name, a space and the given name, which ends the line or the item
_JA_SPACED_GIVEN_NAME = re.compile(r"[ \u3000]([\u4e00-\u9fff]{1,3})(?=$|[\s、。,，・(（])", re.MULTILINE)
_AUTONOMOUS = re.compile(r"[\u4e00-\u9fff]{0,5}?自治([区州县旗])")


@lru_cache(maxsize=None)
def _event_nouns(lang: str) -> tuple[str, ...]:
    return tuple(fold_cjk(noun) for noun in lexicon(lang, "events")["event_nouns"])


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
        compound_breakers=tuple(fold_cjk(str(c)) for c in [*(places.get("after_cues") or []),
                                                            *(places.get("compound_breakers") or [])] if len(str(c)) >= 2),
        frame_before=tuple(fold_cjk(str(c)) for c in places.get("frame_before") or []),
        frame_after=tuple(fold_cjk(str(c)) for c in places.get("frame_after") or []),
        not_cities=frozenset(fold_cjk(str(w)) for w in places.get("not_cities") or []),
        surnames=frozenset(fold_cjk(str(s)) for s in places.get("person_surnames") or [] if len(str(s)) == 1),
        person_suffixes=tuple(fold_cjk(str(s)) for s in places.get("person_suffixes") or []),
        person_titles=tuple(fold_cjk(str(s)) for s in places.get("person_titles") or []),
        company_list=_company_list_pattern(places, lang),
        organisation_heads=tuple(fold_cjk(str(w)) for w in (places.get("name_heads") or {}).get("organisation", [])),
    )


# the words between a list's "etc." and its company noun: a nationality or a number (日本企業, 116社), never a word
# of places (等城市的企业 are the cities' companies, 各地の企業 the regions')
_COMPANY_LIST_GAP = r"[^、，,。！？\s市城地省県县国区州]{0,4}?"


def _company_list_pattern(places: dict, lang: str) -> _CompanyList | None:
    closers, nouns = places.get("list_closers") or [], places.get("company_nouns") or []
    if not closers or not nouns:
        return None
    either = lambda words: alt(fold_cjk(str(word)) for word in words)
    return _CompanyList(
        rest=re.compile(rf"(?:{_LIST_SEPARATORS[lang]}[^、，,。！？\n]{{1,16}}?)*?(?P<closer>{either(closers)})"),
        noun_after=re.compile(rf"[、，]?の?{_COMPANY_LIST_GAP}(?:{either(nouns)})"),
        noun=re.compile(f"(?:{either(nouns)})"),
    )


@lru_cache(maxsize=16)
def scan_cjk(folded: str, lang: str) -> list[PlaceItem]:
    """(Kept for the last few texts: places and countries both read it; do not change the items.) Longest matches of gazetteer names and phrases over folded CJK text (non-overlapping, left to right)."""
    res = _cjk_resources(lang)
    gazetteer = get_gazetteer()
    items: list[PlaceItem] = []
    n, i = len(folded), 0
    while i < n - 1:
        longest = res.prefix_max.get(folded[i: i + 2])
        if longest is None or not _is_cjk(folded[i]):
            i += 1
            continue
        hit = None
        # the gazetteer keys names without their dots (コムソモリスク・ナ・アムーレ): a dotted name is that much longer
        # (kanji names are not dotted: 米子・境港 is a list of two towns)
        dots = sum(folded.count(dot, i, i + longest + 4) for dot in _NAME_DOTS) if _is_katakana(folded[i]) else 0
        for size in range(min(longest + dots, n - i), 1, -1):
            piece = folded[i: i + size]
            phrase = res.phrases.get(piece)
            key = _undotted(piece) if dots else piece
            in_gazetteer = gazetteer.has_key(key)
            if phrase is None and not in_gazetteer:
                continue
            # a katakana name (dots and all: ジュ・バ inside セルジュ・ババリ) must not run on from a longer word
            if all(_is_katakana(ch) or ch in _NAME_DOTS for ch in piece) and _is_katakana(piece[0]) \
                    and not _katakana_bounded(folded, i, i + size):
                continue
            hit = (size, phrase, in_gazetteer, key)
            break
        if hit is None:
            i += 1
            continue
        size, phrase, in_gazetteer, key = hit
        piece = folded[i: i + size]
        city_state = phrase is not None and phrase.kind == "country" and phrase.value in CITY_STATES
        if in_gazetteer and (phrase is None or city_state):
            items.append(PlaceItem(i, i + size, i, i + size, "city", phrase, _bare_or_suffixed(gazetteer, key), key))
        else:
            items.append(PlaceItem(i, i + size, i, i + size, phrase.kind, phrase, [], piece))
        i += size
    return items


# how far a place name may stand from the dot of a foreign person's name it is part of (马利|克·穆哈…)
_NAME_DOT_REACH = 3
_NAME_DOTS = "·・•"


def _bare_or_suffixed(gazetteer, key: str) -> list[City]:
    """The cities a bare name may mean: those GeoNames files under it and those it files only with 市 (麗水市 is
    Yeosu, 麗水 alone Lishui), as the gazetteer's lookup does; and where every one is Chinese, the Chinese city
    whose English name is the name's Mandarin reading, which GeoNames may file under no Chinese name (贵溪 is
    filed under a town of Guixi)."""
    cities = gazetteer.by_key(key)
    if not key.endswith("市") and len(key) >= 2:
        known = {c.geonameid for c in cities}
        cities = cities + [c for c in gazetteer.by_key(key + "市") if c.geonameid not in known]
    reading = mandarin_reading(key)
    if cities and reading and all(c.country_code in PINYIN_NAMED for c in cities):
        known = {c.geonameid for c in cities}
        cities = cities + [c for c in gazetteer.by_key(reading)
                           if c.country_code in PINYIN_NAMED and c.geonameid not in known]
    return cities


def _undotted(piece: str) -> str:
    return "".join(ch for ch in piece if ch not in _NAME_DOTS)


def in_transliterated_name(folded: str, start: int, end: int) -> bool:
    """马利克·穆哈姆别托夫: the characters of a place (马利, Mali) that run on, within a few characters, into the dot
    of a transliterated foreign name are part of that name. A name that meets the dot itself (中国·东盟) stays."""
    after = end
    while after < len(folded) and after - end < _NAME_DOT_REACH and _is_han(folded[after]):
        after += 1
    if after > end and after < len(folded) and folded[after] in _NAME_DOTS:
        return True
    before = start
    while before > 0 and start - before < _NAME_DOT_REACH and _is_han(folded[before - 1]):
        before -= 1
    return before < start and before > 0 and folded[before - 1] in _NAME_DOTS and \
        (end >= len(folded) or not _is_han(folded[end]) or folded[end] in _NAME_DOTS)


def _katakana_bounded(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not _is_katakana(text[start - 1])
    after_ok = end >= len(text) or not _is_katakana(text[end])
    return before_ok and after_ok


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> dict[str, str]:
    return {fold_cjk(str(k)): fold_cjk(str(v)) for k, v in (lexicon(lang, "places").get("city_abbreviations") or {}).items()}


@lru_cache(maxsize=None)
def _abbreviation_pattern(lang: str) -> re.Pattern[str] | None:
    places = lexicon(lang, "places")
    names, before, after = _abbreviations(lang), places.get("abbreviation_before"), places.get("abbreviation_after")
    if not names or not before or not after:
        return None
    verbs_before = "|".join(re.escape(fold_cjk(str(b))) for b in before)
    verbs_after = "|".join(re.escape(fold_cjk(str(a))) for a in after)
    return re.compile(f"(?:{verbs_before})(?P<abbr>[{''.join(names)}])(?={verbs_after})")


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _sentence_starts(folded: str) -> list[int]:
    """Where each sentence of the text starts, in order (found once; a place's sentence is then a bisection)."""
    return [0] + [end.end() for end in _SENTENCE_END.finditer(folded)]


def _sentence_of(starts: list[int], position: int) -> int:
    """Where the sentence holding ``position`` starts."""
    return starts[bisect_right(starts, position) - 1]


def _countries_by_sentence(starts: list[int], items: list[PlaceItem]) -> dict[int, set[str]]:
    """The countries each sentence names, itself or by a province of it."""
    found: dict[int, set[str]] = {}
    for item in items:
        country = item.phrase.value if item.phrase and item.phrase.kind == "country" else None
        country = country or region_country_of(item)
        if country:
            found.setdefault(_sentence_of(starts, item.start), set()).add(country)
    return found


class CjkPlaces:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.folded = fold_cjk(text)
        self.lang = lang
        self.res = _cjk_resources(lang)
        self.gazetteer = get_gazetteer()

    def run(self) -> list[PlaceMention]:
        items = scan_cjk(self.folded, self.lang)
        context = {i.phrase.value for i in items if i.phrase and i.phrase.kind == "country"}
        context |= {country for i in items if (country := region_country_of(i))}
        self._sentence_starts = _sentence_starts(self.folded)
        self._sentence_countries = _countries_by_sentence(self._sentence_starts, items)
        # the country a text is written in is in its context, named or not (松江市 in Japanese is Matsue)
        context.add("CN" if self.lang == "zh" else "JP")
        mentions = []
        listed_under: tuple[str, int] | None = None  # (country, end of the list so far) of a list of its cities
        placed_by_country: dict[str, City | None] = {}  # a name's city where the text wrote its country before it
        placed_here: set[int] = set()  # the starts of the mentions with a country of their own before them
        for index, item in enumerate(items):
            previous = items[index - 1] if index else None
            following = items[index + 1] if index + 1 < len(items) else None
            list_country = None
            if listed_under is not None and item.kind == "city" \
                    and _LIST_GAP.fullmatch(self.folded, listed_under[1], item.start):
                list_country = listed_under[0]
            mention = self._classify(item, previous, following, context, list_country)
            if mention is not None:
                mentions.append(mention)
            # "韩国釜山市、东海市": the country written before a list's first city holds the others too
            country = list_country or (self._country_before(item, previous) if item.kind == "city" else None)
            if country is None and mention is not None and mention.city is not None \
                    and mention.city.country_code == self._country_before(item, previous, _OF_GAP):
                country = mention.city.country_code  # "韓国の釜山市、…", "韩国的釜山、…"
            listed_under = (country, self._marker_end(item)[1]) if country else None
            if country is not None and item.kind == "city":
                surface = self.text[item.start:self._marker_end(item)[1]]
                if mention is None:
                    placed_by_country.setdefault(surface, None)  # a town of that country the gazetteer lacks
                else:
                    placed_here.add(mention.start)
                    if mention.city is not None and mention.city.country_code == country:
                        placed_by_country.setdefault(surface, mention.city)
        mentions = self._one_city_per_name(mentions, placed_by_country, placed_here)
        mentions = self._regions_by_list_suffix(mentions)
        if self.lang == "ja":
            mentions = self._towns_by_sound(mentions, context - {"JP"})
        abbreviated = self._abbreviated_cities(mentions)
        return sorted(mentions + abbreviated, key=lambda m: m.start) if abbreviated else mentions

    @staticmethod
    def _one_city_per_name(mentions: list[PlaceMention], placed: dict[str, City | None], placed_here: set[int]
                           ) -> list[PlaceMention]:
        """A name the text once placed in a country ("オーストラリア ハーヴィー市") is that city wherever it is
        written alone in the text ("ハーヴィー市とは…"); one the gazetteer lacks in that country ("韩国…东海市") is
        no other country's city further on."""
        out = []
        for m in mentions:
            if m.kind == "city" and m.city is not None and m.surface in placed and m.city != placed[m.surface] \
                    and m.start not in placed_here:
                city = placed[m.surface]
                if city is None:
                    continue
                m = replace(m, city=city, candidates=[city])
            out.append(m)
        return out

    def _towns_by_sound(self, mentions: list[PlaceMention], countries: set[str]) -> list[PlaceMention]:
        """オレゴン州ウィルソンビル市: a katakana town of a country the text names that GeoNames writes in no
        Japanese script, read by its sound; it replaces any shorter name read inside it."""
        if not countries:
            return mentions
        for start, end, town in towns_by_sound(self.folded, countries):
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if any(m.start < end and start < m.end for m in mentions if m not in inside) \
                    or any((m.start, m.end) == (start, end) for m in inside):
                continue
            mentions = [m for m in mentions if m not in inside]
            mentions.append(PlaceMention(start, end, self.text[start:end], town, [town], "city"))
        return sorted(mentions, key=lambda m: m.start)

    def _abbreviated_cities(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """在沪举行, 访汉: a big city's one-character name between a verb of being or going there and a verb or a
        stop (the lexicon's ``city_abbreviations``)."""
        pattern = _abbreviation_pattern(self.lang)
        if pattern is None:
            return []
        names = _abbreviations(self.lang)
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for match in pattern.finditer(self.folded):
            start, end = match.start("abbr"), match.end("abbr")
            if any(s < end and start < e for s, e in taken):
                continue
            cities = self.gazetteer.by_key(names[match.group("abbr")])
            if cities:
                city = max(cities, key=lambda c: c.population)
                found.append(PlaceMention(start, end, self.text[start:end], city, [city], "city"))
        return found

    def _regions_by_list_suffix(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """"福岡、佐賀、長崎、山口県の知事", "河北、山东、河南省": one suffix after a list of bare names says what
        each of them is; a province or prefecture that shares its capital's name is not the city."""
        out = list(mentions)
        for index in range(len(out) - 1, 0, -1):
            last = out[index]
            if last.kind == "admin_region" and last.surface[-1:] in _LIST_REGION_SUFFIXES \
                    and self._listed_before(out, index):
                self._as_regions_back_from(out, index - 1)
        # "福岡、佐賀、長崎、山口の4県", "河北、山东等三省": the list's count of provinces says what each name is
        for index in range(len(out) - 1, -1, -1):
            if out[index].kind in ("city", "admin_region") and _COUNTED_REGIONS.match(self.folded, out[index].end):
                self._as_regions_back_from(out, index)
        return out

    def _listed_before(self, out: list[PlaceMention], index: int) -> bool:
        """The mention before ``out[index]`` is joined to it as a list's member (a comma, 、, a conjunction)."""
        return bool(_ENUMERATION_GAP.fullmatch(self.folded[out[index - 1].end:out[index].start]))

    def _as_regions_back_from(self, out: list[PlaceMention], j: int) -> None:
        """``out[j]`` and the bare names listed before it are regions: a city among them is the region of its name."""
        while j >= 0 and out[j].kind in ("city", "admin_region") and out[j].surface[-1:] not in _ADMIN_SUFFIX_CHARS:
            if out[j].kind == "city":
                out[j] = replace(out[j], city=None, candidates=[], kind="admin_region")
            if j == 0 or not self._listed_before(out, j):
                break
            j -= 1

    def _country_before(self, item: PlaceItem, previous: PlaceItem | None, gap: re.Pattern[str] = _COUNTRY_GAP
                        ) -> str | None:
        """The country written right before a name ("美国旧金山", "オーストラリア ハーヴィー市"), across ``gap``."""
        if previous is not None and previous.kind == "country" and previous.phrase is not None \
                and gap.fullmatch(self.text, previous.end, item.start):
            return previous.phrase.value
        return None

    def _classify(self, item: PlaceItem, previous: PlaceItem | None, following: PlaceItem | None, context: set[str],
                  list_country: str | None = None) -> PlaceMention | None:
        text, folded, res = self.text, self.folded, self.res
        start, end = item.start, item.end
        if item.kind == "admin_region" and self._marker_end(item)[0] == "city" and self._marker_end(item)[1] > end:
            # 琅勃拉邦市: the city, although the bare name is also its province's; チェンマイ市, where only the
            # province's name is translated, is the city of that name in that province's country
            code = region_code_of(item)
            namesake = self.gazetteer.by_key(item.key) or ([town] if code and (town := city_named_as_region(code))
                                                           else [])
            if namesake:
                item = PlaceItem(start, end, start, end, "city", None, namesake, item.key)
        province = self._province_of_same_name(item, previous, following)
        if province is not None:
            item = province
        if item.kind != "city":
            if item.kind == "country" and in_transliterated_name(folded, start, end):
                return None
            if item.kind == "admin_region":
                end = self._marker_end(item)[1]
            inside = item.kind == "organisation" or self._head_after(end) is not None
            return PlaceMention(start, end, text[start:end], None, [], item.kind, inside_name=inside,
                                region_code=region_code_of(item))

        bare = item.key
        city_state = item.phrase is not None and item.phrase.value in CITY_STATES
        kind, marker_end = self._marker_end(item)
        if len(bare) == 2 and bare[0] in _COUNT_NUMERALS and (
                bare[1] in _COUNTED_PLACE_NOUNS or (bare[1] in _COUNTED_LAND_NOUNS and marker_end == end)):
            return None  # 两国五城, 三省; 三岛 but not 三島市
        if marker_end == end and _CALENDAR_WORD.fullmatch(bare):
            return None  # 十四日, 三月: a day or a month, though 四日市 and 十日町 are towns with their suffix
        if self.lang == "zh" and self._fragment_of_longer_name(item, previous, following, marker_end):
            return None
        if city_state and kind != "city":
            kind, marker_end = "city", end  # 香港特别行政区 is Hong Kong
        if self.lang == "ja" and kind == "district" and (folded[end:marker_end] or bare[-1]) in _JA_MUNICIPALITIES:
            japanese = [c for c in item.cities if c.country_code == "JP"]
            if japanese:
                # 阿見町: a Japanese town or village is a municipality of its own, as a city is
                kind, item = "city", PlaceItem(item.first, item.last, start, end, "city", None, japanese, bare)
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
            with_suffix = _bare_or_suffixed(self.gazetteer, folded[start:marker_end])
            if with_suffix:
                cities = with_suffix  # 忠州市 is Chungju (KR), 忠州 alone a Chinese town
        if self.lang == "ja" and has_shi and marker_end > end and folded.startswith(_MAYOR, marker_end - 1) \
                and not self.gazetteer.has_key(folded[start:marker_end]) and not all(_is_katakana(ch) for ch in bare):
            # 石井市長 is Mayor Ishii: GeoNames attests a Japanese city's name with 市 (札幌市長); a foreign city
            # written in katakana is that city's mayor (ヤクーツク市長)
            return None
        name = bare[:-1] if bare[-1] in ("市", "町", "村") else bare
        if len(name) == 1 and name in _TITLE_MODIFIERS and folded.startswith(_HEAD_CHAR, marker_end):
            return None  # 新市長 "the new mayor", 前市长 "the former mayor": no town 新市
        if self.lang == "ja" and folded.startswith(_JA_HEAD_TITLES, start + len(name)) \
                and self._foreign_surname(name):
            return None  # レックス・リチャードソン市長, and リチャードソン市長 after it: a person's family name and title
        if self.lang == "ja" and folded.startswith(_JA_HEAD_TITLES, start + len(name)) and self._surname_in_text(name):
            return None  # 西尾市長 after 西尾正範函館市長: the mayor called by his surname, not Nishio's mayor
        head = self._head_after(marker_end)
        if head == "office":
            head = "organisation"
        elif head is None and following is not None and following.start == marker_end:
            # 拉各斯阿布贾列车项目: a place run straight on into another that heads a name is part of that name
            joined = self._head_after(self._marker_end(following)[1])
            head = joined if joined in ("project", "organisation") else None
        if head is None and start > 0 and folded[start - 1] in _OPENING_BRACKETS and folded[marker_end:marker_end + 1] in (")", "）"):
            # 创禾(北京)科技有限公司: the seat in brackets inside a company's name
            head = self._head_after(marker_end + 1)
            head = head if head == "organisation" else None
            if head is None and self._organisation_ends_at(start - 1):
                head = "organisation"  # 福龍商事(東京), 某某集团(上海): the seat in brackets after a company's name
        if head is None:
            # 深圳某某富硒大健康产业园, 珠海某某医疗器械研发生产基地: a long name the city opens, its head at its end
            head = self._head_ending_run(marker_end)
        if head == "project" and self._second_of_a_pair(item, previous):
            head = None  # the second city of 天津—神户友好城市论坛 opens no name: the pair does, each city a side
        inside = head is not None
        marked = has_shi or kind != "city" or city_state  # a suffix says what the name is
        if self.lang == "ja" and not marked and all(_is_hiragana(ch) for ch in bare):
            return None  # なります is a verb's ending, not Narimasu: a name in hiragana alone needs its 市 (あわら市)
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
            if self._is_person(item) or in_transliterated_name(folded, start, end) or self._in_company_list(start, end):
                return None
            if self.lang == "zh" and two_chars and zipf(bare, "zh") >= _COMMON_WORD_ZIPF \
                    and max((c.population for c in cities), default=0) < _SMALL_TOWN \
                    and not self._framed_as_place(start, end):
                return None  # 生活富裕 "a prosperous life", not Fuyu: a common word that only a small town is named
            if self.lang == "ja" and two_chars and zipf(bare, "ja") >= _COMMON_WORD_ZIPF:
                # 別府の温泉 "Beppu's hot springs", not Wenquan: a common word names a small town abroad by accident
                # (Japanese towns are often common words, 松本, 上田, and are meant)
                cities = [c for c in cities if c.country_code == "JP" or c.population >= _SMALL_TOWN]
                if not cities:
                    return None
            if two_chars and not inside and not self._supported(item, previous, following):
                return None
            if self.lang == "ja" and all(_is_katakana(ch) for ch in bare) and is_common_word(bare, "ja"):
                cities = [c for c in cities if c.population >= BIG_CITY]  # コロナ is the virus, not Corona
            elif self.lang == "ja" and all(_is_katakana(ch) for ch in bare) and zipf(bare, "ja") >= _COMMON_LOANWORD_ZIPF:
                # ラグビー is the sport and テイラー a family name before they are Rugby or Taylor: a frequent loanword
                # without its 市 names only a town of some size
                cities = [c for c in cities if c.population >= _SMALL_TOWN]
            if self.lang == "zh" and zipf(bare, "zh") >= _COMMON_LOANWORD_ZIPF:
                # 马拉松 is the race, not Marathon, Florida: a common word names a small foreign town by accident
                cities = [c for c in cities if c.country_code in _KANJI_COUNTRIES or c.population >= BIG_CITY]
        own_country = self._country_before(item, previous) or list_country
        if own_country is not None:
            # "オーストラリア ハーヴィー市", "美国旧金山": the country written right before the city is its own, and
            # that of the cities listed after it ("韩国釜山市、原州市")
            in_country = [c for c in cities if c.country_code == own_country] or self._namesakes_in(cities, own_country)
            if in_country:
                cities, marked = in_country, True
            elif kind == "city" and not (own_country == "CN" and
                                         any(c.country_code in CHINESE_REGIONS for c in cities)):
                # 美国宾州 is Pennsylvania, not China's Binzhou: a name right after a country that has no city of
                # that name is a part of that country the gazetteer lacks, not a city abroad (中国台北 is Taipei)
                return None
        near = self._sentence_countries.get(_sentence_of(self._sentence_starts, start), set())
        named_beside = {c.country_code for c in cities} & near
        if len(named_beside) == 1 and len({c.country_code for c in cities}) > 1:
            # "全羅南道は…麗水にて": of same-named cities in several countries, the one whose country (or a
            # province of it) the sentence names
            cities = [c for c in cities if c.country_code in named_beside]
        city, ranked = self._choose(cities, context, marked, two_chars, bare)
        if city is None:
            return None  # not a plausible place: no mention at all (高峰论坛, 天山论坛)
        inside = inside or kind in NAME_KINDS or self._inside_quoted_name(start, end)
        surface_end = marker_end if head is None else end
        return PlaceMention(start, surface_end, text[start:surface_end], city if kind == "city" else None, ranked,
                            kind, inside_name=inside)

    def _namesakes_in(self, cities: list[City], country: str) -> list[City]:
        """"オーストラリア ハーヴィー市": GeoNames writes the katakana only for the American Harvey, but the name
        it spells is English, and the country before it has a town of that English name."""
        names = {c.name_en for c in cities}
        return [town for name in names for town in self.gazetteer.by_key(name_key(name))
                if town.country_code == country and town.name_en == name]

    def _inside_quoted_name(self, start: int, end: int) -> bool:
        """「登別チーズ」, 「ハルビン宣言」: a place inside a quoted name of more than the place is part of that name
        (a product's, a declaration's). A quoted event name (「北京―東京経済交流会」) keeps its cities, which take part."""
        for quote in _CJK_QUOTES.finditer(self.folded, max(0, start - 40), min(len(self.folded), end + 40)):
            if quote.start() < start and end < quote.end() and quote.end() - quote.start() - 2 > end - start:
                return not any(noun in quote.group(0) for noun in _event_nouns(self.lang))
        return False

    def _province_of_same_name(self, item: PlaceItem, previous: PlaceItem | None, following: PlaceItem | None
                               ) -> PlaceItem | None:
        """吉林 is a city and the province around it: listed among provinces (辽宁、吉林、黑龙江), right before a
        city of its own (吉林长春), or in a text that names the province and never the city, the bare name is the
        province's."""
        if item.kind != "city" or self._marker_end(item)[1] > item.end:
            return None  # 吉林市, 吉林省: the suffix says which
        phrase = self.res.phrases.get(item.key + "省")
        if phrase is None or phrase.kind != "admin_region":
            return None
        listed = any(
            other is not None and other.kind == "admin_region"
            and _ENUMERATION_GAP.fullmatch(self.folded[min(item.end, other.end):max(item.start, other.start)])
            for other in (previous, following)
        )
        before_its_city = following is not None and following.start == item.end and following.kind == "city"
        # one sense per text: "吉林省长春市 … 吉林馆" writes the province with its suffix and never the city with its
        # own, so the bare name is the province's
        province_only = item.key + "省" in self.folded and item.key + "市" not in self.folded
        if not (listed or before_its_city or province_only):
            return None
        return PlaceItem(item.start, item.end, item.start, item.end, "admin_region", phrase, [], item.key)

    def _choose(self, cities: list[City], context: set[str], cue: bool, two_chars: bool, bare: str
                ) -> tuple[City | None, list[City]]:
        def score(city: City) -> int:
            return city.population * (10 if city.country_code in context else 1) + 1

        ranked = sorted(cities, key=lambda c: -score(c))
        if ranked and ranked[0].country_code in PINYIN_NAMED:
            # of Chinese namesakes, the city that bears the name as its own (read in Mandarin) comes first unless
            # it is tiny beside the other, as the gazetteer's lookup ranks; a Japanese 東海 is read otherwise
            ranked = own_name_first(ranked, [bare], score)
        if cue:
            return (ranked[0] if ranked else None), ranked
        if two_chars:
            floor = MIN_POPULATION[self.lang]
        elif all(_is_katakana(ch) for ch in bare):
            floor = MIN_POPULATION["ja"]
        else:
            floor = MIN_POPULATION_CJK_LONG
        for city in ranked:
            if city.population >= floor:
                return city, ranked
        return None, ranked

    def _marker_end(self, item: PlaceItem) -> tuple[str, int]:
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

    def _fragment_of_longer_name(self, item: PlaceItem, previous: PlaceItem | None, following: PlaceItem | None,
                                 marker_end: int) -> bool:
        """A known name inside a longer transcribed one that ends in 市: 巴彦 of 巴彦洪格尔市, 雷市 of 阿尔拜赫雷市.
        A name that another known name or a word boundary precedes or follows is whole (山东省青岛市, 前往青岛市)."""
        folded = self.folded
        foreign = not any(c.country_code in _KANJI_COUNTRIES for c in item.cities)
        with_shi = marker_end > item.end or item.key.endswith("市")
        country = self._country_before(item, previous, _GLUED_NAME_HEAD)
        if with_shi and country is not None and country not in {c.country_code for c in item.cities} \
                and not any(ch in _CJK_STOP for ch in folded[previous.end:item.start]) \
                and folded[item.start - 1] not in _REGION_TAILS \
                and not folded.endswith(self.res.before_cues, 0, item.start):
            # 蒙古国乔巴山市: 巴山市 is the tail of a town of the country just named that GeoNames lacks
            return True
        if with_shi and (foreign or len(item.key.removesuffix("市")) == 1) and item.start > 1:
            # a one-character or foreign name before 市, glued to the characters before it (阿尔拜赫|雷市,
            # 巴彦托|格拉市); after a known name it is whole (德国格拉市)
            before = folded[item.start - 2:item.start]
            # 加州洛杉矶市: a region's name ends right before, so the city's name starts here; so does the word
            # 城市 "city" (友好城市汉堡市)
            if all(_is_han(ch) and ch not in _CJK_STOP for ch in before) and before[-1] not in _REGION_TAILS \
                    and before[-1] != "市" \
                    and (previous is None or previous.end != item.start) \
                    and not folded.endswith(self.res.before_cues, 0, item.start):  # 访问格拉市
                return True
        if with_shi and item.key.removesuffix("市").endswith("城") \
                and (previous is None or previous.end != item.start) \
                and not folded.endswith(self.res.before_cues, 0, item.start) \
                and not self.gazetteer.has_key(folded[item.start:marker_end]) \
                and max((c.population for c in item.cities), default=0) < _SMALL_CITY_WORD_TOWN:
            # 互联互通城市, 大城市: the word 城市 "city" after a word that ends in the name's first character (互通, 大),
            # not the county town 通城 with a 市 GeoNames never gives it (运城市 and 聊城市 are attested so)
            return True
        if marker_end == item.end and not item.key.endswith("市"):
            # the name is followed by more characters and then 市, with no known name starting right after it
            run = _RUN_TO_SHI.match(folded, item.end)
            # a stop character ends the name: 上海等城市 is Shanghai "and other cities"
            return bool(run) and folded[item.end] not in _CJK_STOP and (following is None or following.start != item.end)
        return False

    def _head_after(self, position: int) -> str | None:
        """A head noun a few characters after a name, inside the same compound: 上海合作组织, 中山大学, and a
        company's longer name (深圳国际经济技术合作公司). A verb after the name ends the compound: 上海举办国际论坛
        is Shanghai holding a forum, not a forum's name."""
        folded, heads = self.folded, self.res.heads
        limit = min(len(folded), position + _ORGANISATION_HEAD_REACH)
        p = position
        while p < limit:
            ch = folded[p]
            if ch in _OPENING_BRACKETS:
                p = self._past_bracketed_part(p)
                if p is None:
                    return None
                continue
            # a head first: 都市圏 starts with a character that is a stop word elsewhere (都 "all")
            for head, kind in heads.get(ch, ()):
                if kind == "office":
                    if p == position and folded.startswith(head, p):
                        return "office"  # 上海代表处: the seat, right before the office
                    continue
                if folded.startswith(head, p) and (kind == "organisation" or p - position < _HEAD_REACH):
                    return kind
            if self._ends_compound(p) and not self._name_character(p):
                return None
            p += 1
        return None

    def _name_character(self, p: int) -> bool:
        """和 inside a firm's name (信和实业有限公司, 和平之旅…中心) rather than "and": no place's name follows it."""
        if self.folded[p] != "和":
            return False
        start = p + 1
        longest = self.gazetteer.cjk_prefix_max.get(self.folded[start:start + 2], 0)
        return not any(self.gazetteer.has_key(self.folded[start:start + size]) for size in range(longest, 1, -1))

    def _past_bracketed_part(self, p: int) -> int | None:
        """Past a legal form or seat in brackets inside a company's name (上海建工(集团)总公司, 大阪ガス(株)); None when
        the bracket does not close soon."""
        close = _BRACKETED_PART.match(self.folded, p)
        return close.end() if close is not None else None

    def _ends_compound(self, p: int) -> bool:
        """A stop, a character of no CJK word, Japanese kana or a verb ends the compound at ``p``."""
        ch = self.folded[p]
        return ch in _CJK_STOP or not _is_cjk(ch) or (self.lang == "ja" and 0x3040 <= ord(ch) < 0x30A0) \
            or any(self.folded.startswith(verb, p) for verb in self.res.compound_breakers)

    def _second_of_a_pair(self, item: PlaceItem, previous: PlaceItem | None) -> bool:
        """天津—神户, 中国—东盟: a place joined by a dash to the place right before it."""
        return previous is not None and previous.kind in ("city", "country", "admin_region") \
            and bool(_PAIR_DASH.fullmatch(self.folded, self._marker_end(previous)[1], item.start))

    def _head_ending_run(self, position: int) -> str | None:
        """The kind of the organisation's or project's head that ends the run of characters from ``position`` to
        the next stop, a verb or kana: a name may run longer than a head is looked for after a place
        (_ORGANISATION_HEAD_REACH), but not past the word it ends with."""
        folded, p = self.folded, position
        limit = min(len(folded), position + _NAME_RUN_REACH)
        while p < limit:
            if folded[p] in _OPENING_BRACKETS:
                p = self._past_bracketed_part(p)
                if p is None:
                    return None
                continue
            if self._ends_compound(p):
                break
            p += 1
        else:
            return None  # no end of the run in reach
        if p - position < 2:
            return None
        run = folded[position:p]
        ending = [(head, kind) for candidates in self.res.heads.values() for head, kind in candidates
                  if run.endswith(head) and len(run) > len(head)]
        if not ending:
            return None
        kind = max(ending, key=lambda h: len(h[0]))[1]  # 国际会展中心 is a venue's name, not a body's
        return kind if kind in ("organisation", "project") else None

    def _organisation_ends_at(self, position: int) -> bool:
        """An organisation's head noun (商事, 公司, 大学) ends right before ``position``."""
        return self.folded.endswith(self.res.organisation_heads, 0, position)

    def _framed_as_place(self, start: int, end: int) -> bool:
        """在敦煌举行, 丝绸之路(敦煌)国际…会: a word between a locative word and an event's verb, or in brackets
        inside a name, is a place, however common it is as a word."""
        folded, res = self.folded, self.res
        if folded.endswith(res.frame_before, 0, start) and folded.startswith(res.frame_after, end):
            return True
        return 0 < start and folded[start - 1] in _OPENING_BRACKETS and folded[end:end + 1] in (")", "）") \
            and start > 1 and _is_han(folded[start - 2]) and end + 1 < len(folded) and _is_han(folded[end + 1])

    def _supported(self, item: PlaceItem, previous: PlaceItem | None, following: PlaceItem | None) -> bool:
        """Whether a two-character name stands as a word here (see module docstring)."""
        folded, res, start, end = self.folded, self.res, item.start, item.end
        # a name right before is support only if it is one (友谊关口岸: 友谊 "friendship" is no town, so 关口 is a word)
        before = start == 0 or not _is_han(folded[start - 1]) \
            or (previous is not None and previous.end == start and previous.key not in res.not_cities) \
            or any(folded.startswith(cue, start - len(cue)) for cue in res.before_cues if start >= len(cue))
        after = end >= len(folded) or not _is_han(folded[end]) \
            or any(folded.startswith(cue, end) for cue in res.after_cues)
        if self.lang == "ja":
            # kana delimit Japanese words; a kanji compound may start with a big city (北京冬季五輪)
            big = any(c.population >= 1_000_000 for c in item.cities)
            return before and (after or big or (following is not None and following.start == end))
        # Chinese: a following name is no support (庆尚北道安东市 must not give 北道).
        return before or after

    def _in_company_list(self, start: int, end: int) -> bool:
        """"みずほ銀行、トヨタ、日立など日本企業116社", "参加企業には、トヨタ、日立などがある", "华为、中兴、海尔等企业": a
        bare name in a list closed by "etc." that a company noun follows or introduces is a company's name, when
        another item of the list is no place (a list of places only, 東京や大阪などの企業, names the companies'
        cities)."""
        if self.res.company_list is None:
            return False
        companies, folded = self.res.company_list, self.folded
        match = companies.rest.match(folded, end)
        if match is None:
            return False
        clause = max(folded.rfind(stop, 0, start) for stop in "。！？\n") + 1
        items = re.split(_LIST_SEPARATORS[self.lang], folded[max(clause, start - 120):match.start("closer")])
        if not companies.noun_after.match(folded, match.end()) and not companies.noun.search(items[0]):
            return False
        # the first piece holds the words before the list too (大会には…): only the items after it tell
        return any(item and not self._is_place_word(item) for item in items[1:] if item != folded[start:end])

    def _is_place_word(self, word: str) -> bool:
        bare = word[:-1] if len(word) > 2 and word[-1] in _PLACE_SUFFIXES else word
        return self.gazetteer.has_key(bare) or bare in self.res.phrases or word in self.res.phrases

    def _surname_in_text(self, word: str) -> bool:
        """The text writes ``word`` elsewhere as the surname of a full name before a city's title: 西尾正範函館市長,
        長野恭紘(ながの・やすひろ)別府市長."""
        return re.search(rf"{re.escape(word)}(?![市町村県区])[\u4e00-\u9fff]{{1,3}}(?:[(（][^)）]{{1,20}}[)）])?"
                         rf"[\u4e00-\u9fff]{{1,6}}?(?:{'|'.join(_JA_HEAD_TITLES)})", self.folded) is not None

    def _foreign_surname(self, word: str) -> bool:
        """The text writes ``word`` as the family name of a foreign full name, given name and family name in
        katakana joined by a dot (レックス・リチャードソン). A country before the dot is no given name: ドイツ・マンハイム
        市長 is the mayor of Mannheim in Germany."""
        if not all(_is_katakana(ch) for ch in word):
            return False
        return any(lookup_country(match.group(1), self.lang) is None for match in re.finditer(
            rf"([\u30a0-\u30fa\u30fc]+)・{re.escape(word)}(?![\u30a0-\u30fa\u30fc])", self.folded))

    def _listed_after_a_dot(self, start: int) -> bool:
        """A name that a middle dot joins to the word before it is one of a list (函館・小樽・新潟市長: three
        mayors), unless the dot opens its line as a bullet."""
        if start == 0 or self.folded[start - 1] not in _MIDDLE_DOTS:
            return False
        line_start = self.folded.rfind("\n", 0, start - 1) + 1
        return bool(self.folded[line_start:start - 1].strip())

    def _is_person(self, item: PlaceItem) -> bool:
        folded, start, end = self.folded, item.start, item.end
        if self.lang == "zh" and len(item.key) == 2 and start >= 1 and folded[start - 1] in self.res.surnames:
            if start == 1 or not _is_han(folded[start - 2]):
                if end >= len(folded) or not _is_han(folded[end]):
                    return True  # 韩帅南: an isolated surname + two characters
            if folded.startswith(self.res.person_suffixes, end):
                return True  # 纪念邓小平同志: a surname, a given name and the word that addresses a person
        if self.res.person_titles and folded.endswith(self.res.person_titles, 0, start):
            return True  # 市长大久保勉说: the name after a title is a person's
        if self.lang == "zh" and len(item.key) == 2 and start >= 1 and folded[start - 1] in self.res.surnames \
                and self.res.person_titles and folded.endswith(self.res.person_titles, 0, start - 1):
            return True  # 副市长顾海东: a title, a surname and the given name
        if self.lang == "ja":
            given = _JA_SPACED_GIVEN_NAME.match(folded, end)
            if given is not None and not self._is_place_word(given.group(1)):
                return True  # 和田 裕行 (a list of places spaced out, 東京 大阪, names only places)
            run_end = end
            while run_end < len(folded) and _is_han(folded[run_end]) and run_end - end < 3:
                run_end += 1
            # 山田太郎氏 (a given name between), ケルン首相 (the title right after the name)
            if any(folded.startswith(suffix, position) for position in range(end, run_end + 1)
                   for suffix in self.res.person_suffixes):
                return not folded.startswith("市", end)
            if _JA_SURNAME_BEFORE_HEAD.match(folded, end) \
                    and not (folded.startswith(_MIDDLE_DOTS, end) and self._listed_after_a_dot(start)):
                return True
        return False

