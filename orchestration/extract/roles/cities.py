"""Which city hosts the event and which take part: locatives, venues, datelines, place phrases."""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from orchestration.extract import russian
from orchestration.extract.countries import find_countries
from orchestration.extract.common_words import is_function_word, zipf
from orchestration.extract.dates.grammar import FIELD_SEPARATOR, field_label
from orchestration.extract.events import EventMention, find_events, word_pattern
from orchestration.extract.lexicons import lexicon
from orchestration.extract.places import find_places
from orchestration.extract.places.common import CITY_STATES, PlaceMention, attach_sentences, distance_km
from orchestration.extract.roles.context import (
    LIST_GAP,
    Context,
    cue_pattern,
    lead_sentences,
    make_row,
    region_group_members,
    roles_lexicon,
    roles_pattern,
    sentence_of,
    sentence_start,
)
from orchestration.extract.roles.host_model import rank_host
from orchestration.extract.roles.partner_model import city_features, load_partner_model
from orchestration.extract.roles.relevance import has_occurrence_verb, is_background
from orchestration.extract.text import BRACKETED_ASIDE, Sentence, Spans, opens_a_line, starts_of
from orchestration.extract.wordlists import alt, patterns_any
from orchestration.reference.countries import country_names


def city_rows(ctx: Context, document_id: str, event_ref: str, dateline, main: EventMention) -> tuple[list[dict], str | None]:
    found = find_places(ctx.text, ctx.lang)
    found = sorted(found + _home_city_mentions(ctx, found) + _city_organ_mentions(ctx, found)
                   + _capital_mentions(ctx, found), key=lambda p: p.start)
    # the agency's name in the dateline is no place, though GeoNames may know a town of it (聯合, Yonhap's)
    agency = dateline.agency if dateline is not None else None
    places = [p for p in found if p.kind == "city" and p.city is not None and not p.inside_name
              and not (agency and p.surface == agency)]
    places = [_as_city_state(p) for p in _without_region_groups(ctx, places)]
    # "the Harbin Trade Fair", «Петербургский форум» held there: a city inside the event's own name
    in_name = [p for p in found if p.kind == "city" and p.city is not None
               and main.name_start <= p.start < main.name_end]
    named = [p.city for p in in_name] or _adjective_city(ctx, main)
    if dateline is not None:
        dateline_places = [p for p in places if dateline.start <= p.start < dateline.end]
    else:
        dateline_places = []
    dateline_city = dateline_places[0].city if dateline_places else None
    if dateline_city is None and dateline is not None and dateline.place_surface:
        from orchestration.reference.gazetteer import get_gazetteer

        looked_up = get_gazetteer().lookup(dateline.place_surface, ctx.lang)
        dateline_city = looked_up[0] if looked_up else None
    usable = [p for p in places if sentence_start(ctx, p.start) not in ctx.background_sentences]
    venue_cities = _venue_cities(ctx, sentence_of(ctx, main.start), usable)
    # «на факультете Казанского университета состоялся телемост»: a venue named by its city's adjective places
    # even a call there
    adjective_venue = _adjective_venue_city(ctx, main)
    venue_owner = _venue_owner(ctx, found) or adjective_venue
    # the city beside the venue; else the city that owns it
    host_venues = venue_cities or ([venue_owner] if venue_owner else [])
    name_city = named[0] if len(named) == 1 else None
    host, host_method = _choose_host(ctx, places, dateline_city, host_venues, name_city)
    district = None
    if host is not None and name_city is not None and _lies_within(host, name_city):
        # "ITE Hong Kong … at the Convention Centre in Wan Chai": the venue's district lies inside the city that
        # names the event, which is the host of record
        district, host = host, name_city
    online = is_online(ctx, main) and not _held_in_place(ctx, main, places, host, venue_cities)
    host, host_method = rank_host(ctx, places, venue_cities=host_venues, name_city=name_city,
                                  dateline_city=dateline_city, rule_host=host, rule_method=host_method,
                                  online=online, is_locative=_is_locative, is_elsewhere=_places_something_else)
    if host is not None and online:
        # a call between several cities has sides, not a host; one city calling "countries" still hosts it
        sides = {p.city.geonameid for p in usable if p not in dateline_places}
        # a province or prefecture of another country on the line is a side too (長崎県 and 上海市)
        regions_abroad = [p for p in found if p.kind == "admin_region" and p.region_code and not p.inside_name
                          and p.region_code.split("-")[0] != host.country_code]
        if (len(sides) != 1 or host.geonameid not in sides or regions_abroad) \
                and not _call_held_at(ctx, places, host, venue_cities + ([adjective_venue] if adjective_venue else [])):
            host = None
    rows = []
    host_id = host.geonameid if host else None
    host_place = _same_place_ids(ctx, places, host)
    same_place = host_place | {city.geonameid for city in [*venue_cities, district] if city and city.geonameid != host_id}
    range_ends = _range_ends(ctx, places)
    seen_partners: set[int] = set()
    district_countries: list[dict] = []
    for place in places:
        sentence = sentence_of(ctx, place.start)
        city_id = place.city.geonameid
        if city_id == host_id or city_id in same_place:
            role = "host" if city_id == host_id else "mention"
        elif sentence.start in ctx.background_sentences or place in dateline_places or _is_dateline_capitals(place) \
                or _opens_a_line_as_dateline(ctx, place) \
                or _places_something_else(ctx, place) or _venue_to_come(ctx, place) or id(place) in range_ends \
                or (sentence.start in ctx.other_event_sentences and _is_locative(ctx, place)
                    and not _named_as_origin(ctx, place)):
            # the last: "signed at the machine-tool expo in Minsk" in a report on a forum is where that expo was
            role = "mention"
        elif _owns_a_named_district(ctx, place):
            # the district is the side, not its city; the city's country still takes part by it
            role = "mention"
            district_countries.append(make_row(document_id, "country", event_ref, "partner", place.start, place.end,
                                               ctx.text, sentence, country_code=place.city.country_code))
        else:
            role = "partner" if city_id not in seen_partners else "mention"
            seen_partners.add(city_id)
        rows.append(make_row(document_id, "city", event_ref, role, place.start, place.end, ctx.text, sentence,
                             city_id=city_id, country_code=place.city.country_code))
    _decide_partners(ctx, rows, places, host=host, online=online, dateline_places=dateline_places,
                     same_place=same_place)
    rows += _sides_in_event_name(ctx, document_id, event_ref, main, in_name, rows, host_id, host_place)
    if host is not None and not any(r["role"] == "host" for r in rows):
        # the host was named only inside a name (the venue's, the event's) or in the dateline
        source = next((p for p in found if p.start < len(ctx.text) and (p.city or (p.candidates or [None])[0]) == host),
                      None)
        if source is not None:
            start, end = source.start, source.end
        elif dateline is not None and dateline_city == host:
            start, end = dateline.start, dateline.end
        else:  # «Петербургский форум»: the city's adjective in the event's name
            start, end = main.name_start, main.name_end
        rows.append(make_row(document_id, "city", event_ref, "host", start, end, ctx.text,
                             sentence_of(ctx, start), city_id=host.geonameid, country_code=host.country_code))
    # one host row per document event: the first mention carries the role
    host_rows = [r for r in rows if r["role"] == "host"]
    for extra in host_rows[1:]:
        extra["role"] = "mention"
    if host_rows:  # how the host was found, for fct_events.host_method
        host_rows[0]["attributes"] = json.dumps({**json.loads(host_rows[0]["attributes"]), "host_method": host_method},
                                                ensure_ascii=False)
    rows += district_countries
    if host is None and not online:
        region = _event_region(ctx, found)
        if region is not None:
            # «в провинции Ганьсу» with no city: the province still says which country hosts the event
            country = region.region_code.split("-")[0]
            rows.append(make_row(document_id, "country", event_ref, "host", region.start, region.end, ctx.text,
                                 sentence_of(ctx, region.start), country_code=country))
            return rows, country
    return rows, host.country_code if host else None


@lru_cache(maxsize=8)
def _home_city_pattern(lang: str) -> re.Pattern[str]:
    return re.compile(alt(roles_lexicon(lang).get("home_city_words", [])))


def _home_city_mentions(ctx: Context, found: list) -> list:
    """我市, 本市 ("our city") in a local release: one more mention of the outlet's city, the city of the local
    press's countries that the text names most (the first of equals), else the one an outlet's or office's name
    holds; none where it names no such city."""
    roles = roles_lexicon(ctx.lang)
    words, countries = roles.get("home_city_words", []), set(roles.get("home_countries", []))
    if not words or not countries:
        return []
    named = [place.city for place in found
             if place.kind == "city" and place.city is not None and place.city.country_code in countries]
    if not named:
        # 《连云港日报》记者…在我市: a text that names its city only in the outlet's or an office's name
        from orchestration.reference.gazetteer import get_gazetteer

        gazetteer = get_gazetteer()
        named = [seats[0] for place in found if place.kind == "organisation"
                 if (seats := [c for c in gazetteer.lookup(place.surface, ctx.lang) if c.country_code in countries])]
    if not named:
        return []
    counts = Counter(city.geonameid for city in named)
    most = max(counts.values())
    home = next(city for city in named if counts[city.geonameid] == most)
    taken = Spans((place.start, place.end) for place in found)
    mentions = [PlaceMention(m.start(), m.end(), m.group(), home, [home], "city")
                for m in _home_city_pattern(ctx.lang).finditer(ctx.text) if not _inside_a_word(ctx, m, taken)]
    attach_sentences(ctx.text, mentions)
    return mentions


# a character before 本市 that makes a word with 本 (見本市 "trade fair", 日本市場, 资本市场) of this frequency or more
_WORD_BEFORE_ZIPF = 3.6


def _inside_a_word(ctx: Context, match: re.Match[str], taken: Spans) -> bool:
    """本市 inside 見本市 "trade fair", 日本市場 "the Japanese market" or a city's own name (熊本市, 墨尔本市, a span of
    ``taken``) is no "this city"."""
    if taken.overlaps(match.start(), match.end()):
        return True
    start = match.start()
    return start > 0 and zipf(ctx.text[start - 1:start + 1], ctx.lang) >= _WORD_BEFORE_ZIPF


@lru_cache(maxsize=4)
def _city_organ_pattern(lang: str) -> re.Pattern[str] | None:
    nouns = roles_lexicon(lang).get("city_organ_nouns") or []
    if not nouns:
        return None
    adjective = r"[А-ЯЁ][а-яё]+(?:ого|его|ой|ей|ому|ему|ым|им|ом|ем|ий|ый|ая|ое|ее|ых|их|ые|ие)"
    # adjectives listed before one noun («Могилевского и Бобруйского горисполкомов»), capitalised as a city's; the
    # nouns in any case («городского Совета», «горисполкома»)
    return re.compile(rf"(?<![\w-])({adjective}(?:\s*(?:,|и)\s*{adjective})*)\s+(?i:{'|'.join(nouns)})")


def _city_organ_mentions(ctx: Context, found: list) -> list:
    """«председатель Могилевского городского Совета», «делегация Бобруйского горисполкома»: a city named by its
    adjective before its own council or administration is a mention of that city."""
    pattern = _city_organ_pattern(ctx.lang)
    if pattern is None:
        return []
    taken = Spans((place.start, place.end) for place in found)
    mentions = []
    for match in pattern.finditer(ctx.text):
        for word in re.finditer(r"[А-ЯЁ][а-яё]+", match.group(1)):
            start, end = match.start(1) + word.start(), match.start(1) + word.end()
            if taken.overlaps(start, end):
                continue
            city = _city_of_adjective(word.group())
            if city is not None:
                mentions.append(PlaceMention(start, end, word.group(), city, [city], "city"))
    attach_sentences(ctx.text, mentions)
    return mentions


@lru_cache(maxsize=None)
def _each_pattern(lang: str, key: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions a roles lexicon key lists, each compiled on its own (their groups are named alike)."""
    return tuple(re.compile(p) for p in roles_lexicon(lang).get(key) or ())


def _capital_mentions(ctx: Context, found: list) -> list:
    """"in the Kazakh capital", «в российской столице», 在俄罗斯首都, ロシアの首都で: a country's capital called by its
    country is a mention of the city GeoNames records as that capital, whether or not the text names it too."""
    from orchestration.reference.gazetteer import get_gazetteer

    # a country's own mention lies inside the phrase; a city's would name the capital itself
    taken = Spans((place.start, place.end) for place in found if place.kind == "city")
    mentions = []
    for pattern in _each_pattern(ctx.lang, "capital_anaphora"):
        for match in pattern.finditer(ctx.text):
            group_start, group_end = match.span("country")
            # the country the group ends with (俄罗斯 in 在俄罗斯首都), or the whole group ("the capital of Belarus")
            countries = [c for c in find_countries(match.group("country"), ctx.lang)
                         if not match.group("country")[c.end:].strip()]
            if len({c.alpha2 for c in countries}) != 1:
                continue
            start = min(match.start(), group_start + countries[-1].start)
            end = max(match.end(), group_end)
            if taken.overlaps(start, end):
                continue
            capital = get_gazetteer().capital_city(countries[-1].alpha2)
            if capital is not None:
                mentions.append(PlaceMention(start, end, ctx.text[start:end], capital, [capital], "city"))
    attach_sentences(ctx.text, mentions)
    return mentions


# a relational adjective names a city of this size or more: «Петербургский форум», not a village of that stem
_ADJECTIVE_CITY_POPULATION = 100_000


def _adjective_city(ctx: Context, main: EventMention) -> list:
    """«Петербургский международный экономический форум», «на Красноярском форуме»: Russian names an event by the
    adjective of its city."""
    if ctx.lang != "ru":
        return []
    for word in re.findall(r"[А-ЯЁ][а-яё]+", main.name):
        city = _city_of_adjective(word)
        if city is not None:
            return [city]
    return []


def _city_of_adjective(word: str):
    """The city a Russian relational adjective names («Казанский» Kazan), if a city of some size."""
    from orchestration.reference.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()

    def sizeable_cities(name: str) -> list:
        return [c for c in gazetteer.lookup(name, "ru") if c.population >= _ADJECTIVE_CITY_POPULATION]

    for name, stem in _irregular_city_adjectives():
        if russian.is_adjective_of_stem(word, stem):
            cities = sizeable_cities(name)
            return cities[0] if cities else None
    for name in russian.place_names_of_adjective(word):
        cities = sizeable_cities(name)
        if cities:
            return cities[0]
        if russian.is_place_name(name):
            return None  # «Уральский»: the adjective of a place that is no city (the Urals), not of Уральск
    return None


@lru_cache(maxsize=1)
def _irregular_city_adjectives() -> tuple[tuple[str, str], ...]:
    """(city, adjective stem) of the lexicon's ``city_adjectives``, the longest stems first."""
    from orchestration.extract.lexicons import lexicon

    pairs = [(str(city), str(stem).replace("ё", "е"))
             for city, stems in (lexicon("ru", "places").get("city_adjectives") or {}).items() for stem in stems]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[1])))


@lru_cache(maxsize=None)
def _adjective_venue_pattern(lang: str) -> re.Pattern[str] | None:
    nouns = roles_lexicon(lang).get("adjective_venue_nouns") or []
    if not nouns:
        return None
    # «в/на», a few lower-case words, the capitalised adjective, a few more, the venue's noun
    return re.compile(r"(?<!\w)(?:в|на|во)\s+(?:[а-яё-]+\s+){0,3}?(?P<adjective>[А-ЯЁ][а-яё]+(?:ом|ой|ем|ей|ого|его))\s+"
                      r"(?:[а-яё-]+\s+){0,2}?(?:" + "|".join(re.escape(n) for n in nouns) + r")", re.IGNORECASE)


def _adjective_venue_city(ctx: Context, main: EventMention):
    """«в Воронежском государственном университете состоялся телемост», «на факультете Воронежского
    университета»: the city of a venue named by its adjective in a sentence about the event."""
    pattern = _adjective_venue_pattern(ctx.lang)
    if pattern is None:
        return None
    own = sentence_of(ctx, main.start)
    # the event's own sentence first, then the lead's other sentences about it («…состоялся телемост. Встреча прошла
    # в формате видеоконференции»: the name the report settles on may come after the venue)
    lead = [s for s in lead_sentences(ctx.sentences, ctx.title_end) if s.start in ctx.event_sentences and s != own]
    for sentence in [own, *lead]:
        # the adjective may be written small («на московской площадке»): only a city's adjective names a city
        for match in pattern.finditer(ctx.text, sentence.start, sentence.end):
            city = _city_of_adjective(match.group("adjective"))
            if city is not None:
                return city
    return None


def _after_bracketed_aside(text: str, position: int) -> int:
    """Where the text goes on after an aside in brackets right at ``position`` (``position`` itself without one)."""
    aside = BRACKETED_ASIDE.match(text, position)
    return aside.end() if aside else position


@lru_cache(maxsize=None)
def _district_of_pattern(lang: str) -> re.Pattern[str] | None:
    """The noun of a district right before the city it lies in: "the Southwestern District of Moscow",
    «районе Харбина»."""
    nouns = roles_lexicon(lang).get("district_nouns") or []
    if not nouns:
        return None
    if lang == "ru":
        return re.compile(rf"(?<![\w-])(?:{alt(nouns)})\w*\s+$", re.IGNORECASE)
    return re.compile(rf"\b(?:{alt(nouns)})\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _owns_a_named_district(ctx: Context, place) -> bool:
    """A delegation from a district of the city is the district's: the city the district lies in takes no part
    by it, though an event held in the district is held in the city. Japanese and Chinese write the district
    right after its city (北京市石景山区, 大阪市北区: a ward GeoNames files as a town is the district too)."""
    if ctx.lang in ("zh", "ja"):
        return _cjk_city_of_a_district(ctx, place) or _cjk_ward_of_a_city(ctx, place)
    pattern = _district_of_pattern(ctx.lang)
    return bool(pattern and pattern.search(ctx.text[max(0, place.start - 40):place.start]))


_CJK_WARD_ENDINGS = ("区", "區")


def _cjk_city_of_a_district(ctx: Context, place) -> bool:
    """A city written with 市 and a district right after it (北京市石景山区, 大阪市北区)."""
    if not ctx.text.startswith("市", place.end - 1):
        return False
    return any(other.start == place.end and (other.kind == "district"
                                              or (other.kind == "city" and other.surface.endswith(_CJK_WARD_ENDINGS)))
               for other in find_places(ctx.text, ctx.lang))


def _cjk_ward_of_a_city(ctx: Context, place) -> bool:
    """A ward's name right after its city's 市 (大阪市北区): the district, no town of its own."""
    return place.surface.endswith(_CJK_WARD_ENDINGS) and place.start > 0 and ctx.text[place.start - 1] == "市" \
        and any(other.end == place.start and other.kind == "city" for other in find_places(ctx.text, ctx.lang))


def _is_locative(ctx: Context, place) -> bool:
    roles = roles_lexicon(ctx.lang)
    if ctx.lang in ("zh", "ja"):
        window = roles.get("locative_window", 6)
        before = ctx.text[max(0, place.start - window):place.start]
        after = ctx.text[place.end:place.end + window].lstrip("市")
        clause = _NAME_RUN_END.split(ctx.text[place.end:place.end + 30], 1)[0]
        if any(b in before for b in roles.get("locative_before", [])):
            # 在长春举行 / 在长春国际会展中心开幕, not 计划在德惠市建设 (a project's site): an event verb must
            # follow in the same clause; attending there (在乌鲁木齐出席…会议) places the event as well
            return any(a in clause for a in roles.get("locative_after", []) + roles.get("motion_after", [])
                       + (roles.get("signing_verbs", []) if ctx.lang == "zh" else []))
        if any(b in before for b in roles.get("motion_before", [])) \
                and any(a in clause for a in roles.get("motion_after", [])):
            return True
        verbs = [after.find(a, 0, window) for a in roles.get("locative_after", [])]
        first_verb = min((i for i in verbs if i != -1), default=-1)
        if first_verb > 0 and any(n in after[:first_verb] for n in roles.get("subject_nouns", [])):
            return False  # "南萨哈林斯克外事部门举行": the city's office held it, not the city that hosts it
        if first_verb > 0 and any(b in after[:first_verb] for b in roles.get("locative_before", [])):
            return False  # "武汉市在新加坡举办": the city before 在 organises; the place after it hosts
        # "大分市市长访汉并举办…": a verb of going elsewhere before the event's verb makes the city where they came from
        if first_verb != -1 and not any(m in after[:first_verb] for m in roles.get("motion_before", [])):
            return True
        # "北京の人民大会堂で開かれ", "弘前市内の公園で行われ": the city owns the venue that hosts the event
        after_aside = _after_bracketed_aside(ctx.text, place.end)  # "成都市(人口1,404万人)の…センターにて"
        for owner in roles.get("venue_owner_particles", []):
            if ctx.text.startswith(owner, after_aside):
                return bool(_owned_venue_pattern(ctx.lang).match(ctx.text, after_aside + len(owner)))
        return any(p.match(ctx.text, place.end) for p in _locative_clause_patterns(ctx.lang))
    if _host_verb_follows(ctx, place) or _event_clause_follows(ctx, place):
        return True
    line_start = ctx.text.rfind("\n", 0, place.start) + 1
    written = re.findall(r"[\w.'’-]+", ctx.text[line_start:place.start])[-5:]
    words = [w.lower() for w in written]
    for phrase in roles.get("non_locative_phrases", []):
        # «в том числе Минска»: the preposition of a set phrase governs no place
        if words[-len(phrase.split()):] == phrase.split():
            return False
    fillers = set(roles.get("locative_fillers", []))
    district_nouns = set(roles.get("district_nouns", []))
    district_of = False
    for word, as_written in zip(reversed(words), reversed(written)):
        if word in roles.get("locative_before", []):
            return True
        if word in fillers or word.endswith(("ом", "ем", "ой", "ском", "ого")):
            continue
        # "in Songbei District of Harbin": the district's name and noun before "of" lie inside the city
        if ctx.lang == "en" and word in district_nouns and words[-1] == "of":
            district_of = True
            continue
        if district_of and as_written[:1].isupper():
            continue
        # «в южном мегаполисе Шэньчжэнь»: words in the prepositional case describe the place «в» governs
        if ctx.lang == "ru" and russian.is_prepositional(word):
            continue
        return False
    return False


def _after_locative_preposition(ctx: Context, place) -> bool:
    """在长春, 于上海: a Chinese or Japanese place right after a locative preposition (the other languages' places
    all follow theirs)."""
    if ctx.lang not in ("zh", "ja"):
        return True
    roles = roles_lexicon(ctx.lang)
    before = ctx.text[max(0, place.start - roles.get("locative_window", 6)):place.start]
    return any(b in before for b in roles.get("locative_before", []))


_CJK_DAY = r"(?:[0-9０-９]{1,2}月)?[0-9０-９一二三四五六七八九十]{1,3}日"


@lru_cache(maxsize=None)
def _locative_clause_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Japanese places whose clause's verb stands further on: the place, the day and a comma (or に), then the
    event and its verb ("上海で12日、…が開幕した"); or the place, then the event's noun and its verb with nothing
    between ("ハイフォン市で環境交流会を開いた")."""
    verbs = roles_lexicon(lang).get("locative_clause_verbs") or []
    nouns = list((lexicon(lang, "events").get("event_nouns") or {}))
    if not verbs or not nouns:
        return ()
    patterns = [re.compile(rf"(?:市内)?で\s*{_CJK_DAY}(?:(?:午前|午後|夕方|夜)[^、。\n]{{0,8}})?[、に][^。\n]*?(?:{alt(verbs)})"),
                re.compile(rf"(?:市内)?で[^、。\n]{{0,30}}?(?:{alt(nouns)})[」』]?[をが]\s*(?:{alt(verbs)})")]
    documents = roles_lexicon(lang).get("signed_documents") or []
    signing = roles_lexicon(lang).get("signing_verbs") or []
    if documents and signing:  # "ウラジオストクで協力協定に署名した"
        patterns.append(re.compile(rf"で[^、。\n]{{0,20}}?(?:{alt(documents)})[」』]?[にをが]\s*(?:{alt(signing)})"))
    return tuple(patterns)


_DISTRICT_REACH_KM = 12  # a district or ward of a big city lies this near its centre; a neighbouring city farther


def _lies_within(inner, outer) -> bool:
    """``inner`` is a part of the bigger city ``outer`` (a district or ward GeoNames files as a city of its own)."""
    return inner.geonameid != outer.geonameid and inner.country_code == outer.country_code \
        and (outer.population or 0) > (inner.population or 0) and distance_km(inner, outer) <= _DISTRICT_REACH_KM


def _choose_host(ctx: Context, places: list, dateline_city, venue_cities: list, name_city=None):
    """Where the event took place, and how we know (stated | venue | dateline | inferred): a locative
    construction in an event sentence; else the city the text names beside the event's venue; else the one city
    in the event's name; else the city a delegation visits; else the dateline; else a locative anywhere; else
    the city most mentioned. A city a travelling party comes from ("a delegation from Wuxi") hosts only where a
    sentence about the event places it there. A city that
    seats something else ("the Consulate General in Irkutsk", "headquartered in Shenzhen") hosts nothing."""
    usable = [p for p in places if sentence_start(ctx, p.start) not in ctx.background_sentences
              and not _places_something_else(ctx, p)]
    counts: dict[int, int] = {}
    for p in usable:
        counts[p.city.geonameid] = counts.get(p.city.geonameid, 0) + 1

    def most_mentioned(candidates: list):
        return max(candidates, key=lambda p: (counts[p.city.geonameid], -p.start)).city

    def biggest_of_phrase(place):
        # "в уезде Исин города Уси": the prefecture-level city is the host of record
        return max(_locative_group(ctx, place, places), key=lambda p: p.city.population or 0).city

    # "博览会举办地是哈尔滨市, …对俄贸易额占…": a sentence about the event that names its venue says where, though it
    # goes on about the region's record
    named_venue = [p for p in places if sentence_start(ctx, p.start) in ctx.event_sentences
                   and _venue_stated_before(ctx, p) and not _places_something_else(ctx, p)
                   and not is_background(_clause_before(ctx, p), ctx.lang)]  # "次回の開催地は…": another edition's
    # a notice's own field of place ("Venue | Tartu"), a line of its own
    named_venue += [p for p in places if _in_a_venue_field(ctx, p) and p not in named_venue]
    if named_venue:
        return biggest_of_phrase(named_venue[0]), "stated"
    in_event = [p for p in usable if sentence_start(ctx, p.start) in ctx.event_sentences]
    # "釜山ー福岡フォーラムが1日、日本で始まった" under a Busan dateline: a sentence about the event that places
    # it in a country rules out a city abroad, stated elsewhere or in the dateline
    stated_country = _stated_host_country(ctx)
    located = [p for p in in_event if _is_locative(ctx, p) and stated_country in (None, p.city.country_code)]
    # "由乌兰巴托市政府举办的推介会在北京召开": a place after 在 says where; a city before the verb may only organise
    located.sort(key=lambda p: not _after_locative_preposition(ctx, p))
    if located:
        return biggest_of_phrase(located[0]), "stated"
    if venue_cities:
        return venue_cities[0], "venue"
    named_by_country = _city_of_country_anaphora(ctx, usable)
    if named_by_country is not None:
        return named_by_country, "stated"
    # the city visitors come from is where the event is not held, unless a sentence about it says otherwise
    visitors = {p.city.geonameid for p in usable if _is_visiting_party(ctx, p, places)}
    if name_city is not None and name_city.geonameid not in visitors \
            and stated_country in (None, name_city.country_code):
        return name_city, "stated"
    destinations = [p for p in usable if _is_destination(ctx, p)]
    if destinations:
        return destinations[0].city, "stated"
    if dateline_city is not None and stated_country in (None, dateline_city.country_code):
        return dateline_city, "dateline"
    located = [p for p in usable if p.city.geonameid not in visitors and _is_locative(ctx, p)
               and stated_country in (None, p.city.country_code)]
    if located:
        return biggest_of_phrase(located[0]), "stated"
    # "a working visit to Belarus": a city guessed by its mentions must lie in the country visited
    visited = _visited_country(ctx) or stated_country
    if visited is not None:
        in_event = [p for p in in_event if p.city.country_code == visited]
        usable = [p for p in usable if p.city.country_code == visited]
    staying = [p for p in in_event if p.city.geonameid not in visitors] \
        or [p for p in usable if p.city.geonameid not in visitors]
    if staying:
        return most_mentioned(staying), "inferred"
    # every city named is where a travelling party came from: the text does not say where they met
    return None, None


def _anaphora_countries(ctx: Context):
    """The countries of each phrase that calls the event's place by its country ("a twinning visit to Germany"), in
    the lead or a sentence about the event."""
    patterns = _each_pattern(ctx.lang, "country_city_anaphora")  # every one names its group "country"
    if not patterns:
        return
    lead = {s.start for s in lead_sentences(ctx.sentences, ctx.title_end)}
    for sentence in ctx.sentences:
        if sentence.start not in ctx.event_sentences and sentence.start not in lead \
                or sentence.start in ctx.background_sentences:
            continue
        for match in (m for pattern in patterns for m in pattern.finditer(sentence.text)):
            yield {c.alpha2 for c in find_countries(match.group("country"), ctx.lang)}


def _stated_host_country(ctx: Context) -> str | None:
    """The one country a sentence about the event says it takes place in ("opened in Japan", «открылся в Японии»,
    "在日本开幕", "日本で始まった"), if it names one: the country is the very place of the event's verb, not a word of
    a name ("the Made in Russia fair"), a destination or a side."""
    roles = roles_lexicon(ctx.lang)
    found = set()
    for mention in find_countries(ctx.text, ctx.lang):
        start = sentence_start(ctx, mention.start)
        if mention.inside_name or mention.form != "name" or start not in ctx.event_sentences \
                or start in ctx.background_sentences:
            continue
        if _places_the_event(ctx, mention, roles):
            found.add(mention.alpha2)
    return next(iter(found)) if len(found) == 1 else None


_CJK_CLAUSE_END = re.compile(r"[，、。；！？,;!?\n]")


def _places_the_event(ctx: Context, mention, roles: dict) -> bool:
    text = ctx.text
    if ctx.lang == "ja":  # 日本で始まった, 日本にて開催
        return any(text.startswith(verb, mention.end) for verb in roles.get("locative_after", []))
    if ctx.lang == "zh":  # 在日本开幕: 在 right before the country, the event's verb in its clause
        clause = _CJK_CLAUSE_END.split(text[mention.end:mention.end + 20], 1)[0]
        return text.endswith(tuple(roles.get("locative_before", [])), 0, mention.start) \
            and any(verb in clause for verb in roles.get("locative_after", []))
    # "opened in Japan on Friday", «прошёл во Вьетнаме»: the verb, "in", the country, and no more of a name after it
    words = text[max(0, mention.start - 40):mention.start].split()
    following = text[mention.end:mention.end + 2].lstrip(" ")
    return len(words) >= 2 and words[-1].lower() in roles.get("locative_before", []) \
        and has_occurrence_verb(" ".join(words[-4:-1]), ctx.lang) and not following[:1].isupper()


def _visited_country(ctx: Context) -> str | None:
    """The one country the lead or a sentence about the event says the event is in, if it names one."""
    named = [countries for countries in _anaphora_countries(ctx) if len(countries) == 1]
    found = {next(iter(countries)) for countries in named}
    return next(iter(found)) if len(found) == 1 else None


def _city_of_country_anaphora(ctx: Context, usable: list):
    """"… will be celebrated in the Japanese city", "back from a twinning visit to Germany": in the lead or a sentence
    about the event, a city called by its country is the one city of that country the text names; none where it
    names two."""
    for countries in _anaphora_countries(ctx):
        cities = {p.city.geonameid: p.city for p in usable if p.city.country_code in countries}
        if len(countries) == 1 and len(cities) == 1:
            return next(iter(cities.values()))
    return None


# cities enumerated right beside the venue ("山東省、青島市、＜venue＞", "＜venue＞、膠州市")
_ENUMERATION_GAP = re.compile(r"^[、,，・/\s]*$")


def _venue_cities(ctx: Context, sentence: Sentence, places: list) -> list:
    """A venue that is no city ("…モデル区で開催"): the cities named right beside it, most often named first.
    The first is the host; the others name the same place (a county-level city of the host prefecture)."""
    for pattern in _each_pattern(ctx.lang, "venue_patterns"):
        for match in pattern.finditer(sentence.text):
            venue = match.group("venue").strip()
            start = sentence.start + match.start("venue")
            if len(venue) < 3 or any(start <= p.start < start + len(match.group("venue")) for p in places):
                continue
            counts: dict[int, int] = {}
            cities = {}
            position = ctx.text.find(venue)
            while position != -1:
                for place in places:
                    gap = ctx.text[place.end:position] if place.end <= position else ctx.text[position + len(venue):place.start]
                    if len(gap) <= 3 and _ENUMERATION_GAP.match(gap):
                        counts[place.city.geonameid] = counts.get(place.city.geonameid, 0) + 1
                        cities[place.city.geonameid] = place.city
                position = ctx.text.find(venue, position + 1)
            if counts:
                ranked = sorted(counts, key=lambda geonameid: (-counts[geonameid], -(cities[geonameid].population or 0)))
                return [cities[geonameid] for geonameid in ranked]
    return []


_LINK_GAP = 12  # the longest gap a place phrase bridges («… города …», "… county of …")
_LONGEST_NAME = 200


def _locative_group(ctx: Context, place, places: list) -> list:
    """Cities named together in one place phrase: "в уезде Исин города Уси", "云南省玉溪市元江县". ``places``
    is in text order: only the few that start right after ``place`` can join it."""
    group = [place]
    for index in range(bisect_left(starts_of(places), place.end), len(places)):  # no copy of the list's tail
        other = places[index]
        if other.start > place.end + _LINK_GAP:
            break
        if other is not place and other.start >= place.end and _is_place_link(ctx, ctx.text[place.end:other.start]):
            group.append(other)
    return group


def _is_place_link(ctx: Context, gap: str) -> bool:
    """What may stand between two cities of one place phrase: nothing, or administrative words only; never a line
    break (a headline's last word and the next line's first are two phrases)."""
    if len(gap) > _LINK_GAP or "\n" in gap:
        return False
    links = roles_lexicon(ctx.lang).get("place_phrase_links", [])
    if ctx.lang in ("ru", "en"):
        # «в уезде Исин города Уси»; a comma alone lists cities («Хэйхэ, Чжухай»), it joins no place phrase
        words = re.findall(r"[\w.]+", gap.lower())
        if not words and gap.strip():
            return False
    else:
        words = [gap.strip()] if gap.strip() else []
    return all(word in links for word in words)


_CONTAINER_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:city|town|county|district|port)\s+(?:in|of|under|near)\s+"
    r"(?:the\s+)?(?:(?:city|prefecture)\s+of\s+)?", re.IGNORECASE)


def _same_place_ids(ctx: Context, places: list, host) -> set[int]:
    """Cities that name the host's own place (a county-level city of the host prefecture and the like)."""
    if host is None:
        return set()
    ids: set[int] = set()
    for place in places:
        if place.city.geonameid != host.geonameid:
            continue
        # a city of another country names no part of the host's place: "京都台南簽…" pairs the two sides
        for other in _locative_group(ctx, place, places):
            if other.city.country_code == host.country_code:
                ids.add(other.city.geonameid)
        # only places that end within _LINK_GAP before it; no place name is _LONGEST_NAME long
        for index in range(bisect_left(starts_of(places), place.start - _LINK_GAP - _LONGEST_NAME), len(places)):
            other = places[index]
            if other.end > place.start:
                break
            if place.start - other.end <= _LINK_GAP and _is_place_link(ctx, ctx.text[other.end:place.start]) \
                    and other.city.country_code == host.country_code:
                ids.add(other.city.geonameid)
        # "Yiwu, a county-level city in Jinhua": the apposition names the city the host lies in
        for other in places:
            if other.start > place.end and other.city.country_code == host.country_code \
                    and _CONTAINER_APPOSITION.fullmatch(ctx.text[place.end:other.start]):
                ids.add(other.city.geonameid)
    ids.discard(host.geonameid)
    return ids


def is_online(ctx: Context, main: EventMention) -> bool:
    """The event is held by video link or online: its name or its sentence says so."""
    pattern = cue_pattern(ctx.lang, "online_cues")
    if pattern is None:
        return False
    if main.event_type == "video_conference" or pattern.search(main.name):
        return True
    # "signed on 17 November by video link": a sentence about the event's occurrence, or the lead, may say so;
    # "online and offline" is a hybrid event, held somewhere
    lead = {s.start for s in ctx.sentences[:4]}
    scope = [s.text for s in ctx.sentences if s.start in ctx.event_sentences or s.start in lead]
    offline = cue_pattern(ctx.lang, "offline_cues", match="stem")
    if offline is not None and any(offline.search(text) for text in scope):
        return False
    return any(not _names_a_topic(ctx.lang, text, m.end()) for text in scope for m in pattern.finditer(text))


def _held_in_place(ctx: Context, main: EventMention, places: list, host, venue_cities: list) -> bool:
    """"The celebration was held at the national museum in Wellington … the Beijing mayor spoke by video": the
    event's own sentence holds it in the host city, or at a venue there (``venue_cities`` are read from that
    sentence), and says nothing of a link; guests joined by video."""
    if host is None:
        return False
    sentence = sentence_of(ctx, main.start)
    pattern = cue_pattern(ctx.lang, "online_cues")
    if pattern is not None and pattern.search(sentence.text):
        return False
    if any(city.geonameid == host.geonameid for city in venue_cities):
        return True
    return any(p.city.geonameid == host.geonameid and sentence.start <= p.start < sentence.end and _is_locative(ctx, p)
               for p in places)


def _call_held_at(ctx: Context, places: list, host, venue_cities: list) -> bool:
    """A sentence about the event puts it in the host city or at a venue there ("a video conference was held today
    in the assembly hall of Pskov University"): a call between cities has a place too when the text gives one."""
    if any(city.geonameid == host.geonameid for city in venue_cities):
        return True
    # a locative preposition, not a city before the verb: "吉林市与松江市通过视频举行" names two sides; nor a
    # place listed with another ("在天津和墨尔本共同举行": held at both ends)
    return any(p.city.geonameid == host.geonameid and sentence_start(ctx, p.start) in ctx.event_sentences
               and _is_locative(ctx, p) and (_after_locative_preposition(ctx, p) or _marked_locative_ja(ctx, p))
               and not _listed_with_another_city(ctx, p, places) for p in places)


def _marked_locative_ja(ctx: Context, place) -> bool:
    """チタ市で, 上海にて: Japanese marks a place of the event after it, where Chinese puts 在 before it."""
    particles = tuple(roles_lexicon(ctx.lang).get("locative_particles", [])) if ctx.lang == "ja" else ()
    return bool(particles) and ctx.text[place.end:place.end + 3].lstrip("市").startswith(particles)


def _listed_with_another_city(ctx: Context, place, places: list) -> bool:
    index = places.index(place)
    before = places[index - 1] if index > 0 else None
    after = places[index + 1] if index + 1 < len(places) else None
    return any(a is not None and b is not None and a.city.geonameid != b.city.geonameid and a.end <= b.start
               and _ENUMERATION.fullmatch(ctx.text, a.end, b.start) for a, b in ((before, place), (place, after)))


_NEXT_WORD = re.compile(r"[\s-]*([^\W\d_]+)")


def _names_a_topic(lang: str, text: str, cue_end: int) -> bool:
    """"cooperation in the online economy": an online cue before a word of content other than an event noun
    qualifies a field of cooperation, not how the event is held ("held online on Friday", "an online forum")."""
    if lang not in ("ru", "en"):
        return False
    following = _NEXT_WORD.match(text, cue_end)
    if following is None or following.start(1) - cue_end > 2:
        return False
    if following.start(1) == cue_end and not text[cue_end - 1:cue_end] == "-":
        return False  # the cue is a stem and the word goes on ("видеоконференц|ии")
    word = following.group(1)
    for nouns in (word_pattern(lang, "event_nouns"), cue_pattern(lang, "online_mode_nouns")):
        if nouns is not None and nouns.match(word):
            return False  # "an online forum", «в онлайн-формате»
    return not is_function_word(word.lower(), lang)


@lru_cache(maxsize=8)
def _owned_venue_pattern(lang: str) -> re.Pattern[str]:
    """A venue's name of up to 14 characters and the event's verb right after it (市立博物館で開かれた)."""
    return re.compile(rf"[^、。，,\s]{{1,14}}?(?:{alt(roles_lexicon(lang).get('locative_after', []))})")


@lru_cache(maxsize=8)
def _destination_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(words before, words after) the city a delegation travels to. Between a spaced language's cue and the city
    may stand a few words that end in a place noun."""
    roles = roles_lexicon(lang)
    before, after = roles.get("destination_before", []), roles.get("destination_after", [])
    spaced = lang in ("ru", "en")
    if spaced:
        # a place noun may close a few words between the cue and the city: "visited the city of", "a tour of
        # three Brazilian cities:", «прибыла в город»; other words may not ("visiting officials from X" is no trip
        # to X)
        nouns = roles.get("destination_place_nouns", [])
        noun_gap = rf"(?:\s+(?:[\w-]+\s+){{0,3}}?(?:{alt(nouns)}):?)?" if nouns else ""
        gap = noun_gap + r"\s+"
    else:
        # 抵达日本千叶县馆山市: the city's country and province may stand between the verb and the city, and
        # before them the city's standing as a twin (访问姐妹城市——南加州的…市)
        countries = alt(name for name in country_names(lang) if not name.isascii())
        twin = r"(?:(?:姐妹|友好)(?:城市|都市|市)[—―－-]{0,2}[\u4e00-\u9fff]{0,6}?的?)?"
        gap = rf"\s*{twin}(?:{countries})?(?:[\u4e00-\u9fff]{{2,4}}?[省县州道府都])?"
    edge = r"(?<!\w)" if spaced else ""
    before_rx = re.compile(rf"{edge}(?:{alt(before)}){gap}$", re.IGNORECASE) if before else None
    after_rx = re.compile(rf"市?(?:{alt(after)})") if after else None
    return before_rx, after_rx


def _is_destination(ctx: Context, place) -> bool:
    """"will fly to Shibetsu", «делегация прибыла в Хабаровск», 访问长野市, 青梅市を訪問: the city a delegation
    travels to is where the towns meet."""
    before, after = _destination_patterns(ctx.lang)
    if before is not None and before.search(ctx.text, max(0, place.start - 40), place.start):
        # "met visiting Kazan mayor Ilsur Metshin": the city names whose officer visits, not where he goes
        return not _names_its_officer(ctx, place)
    return after is not None and bool(after.match(ctx.text, place.end))


def _names_its_officer(ctx: Context, place) -> bool:
    """An English city right before its office or party noun ("Kazan mayor", "the Osaka delegation")."""
    if ctx.lang != "en":
        return False
    offices = roles_pattern(ctx.lang, "office_nouns")
    gap = _POSSESSIVE_GAP.match(ctx.text, place.end)
    return offices is not None and bool(offices.match(ctx.text, gap.end()))


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s*")


# what may stand between a Japanese or Chinese city and its party's noun: the words of an office or a society
# (…市政府代表团, …市日中友好协会访华团), never a pause or a conjunction that starts another side
_PARTY_GAP_CJK = r"[^\s、，。,.;；：:「」『』《》（）()与和及同跟とや]{0,10}?"
# ロングビーチ市のリチャードソン市長ら13人の訪日団: the party named by its leader "and others" (ら, 等)
_LED_PARTY_GAP_CJK = r"の?[^\s、，。,.;；：:「」『』《》（）()]{1,24}?[ら等](?:[0-9０-９一二三四五六七八九十百]+[人名]の?)?"


@lru_cache(maxsize=8)
def _visiting_party_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(words before, words after) a city that a travelling party comes from."""
    roles = roles_lexicon(lang)
    nouns = roles.get("visiting_party", [])
    if not nouns:
        return None, None
    if lang in ("ja", "zh"):
        return None, re.compile(rf"(?:{_LED_PARTY_GAP_CJK}|{_PARTY_GAP_CJK})(?:{alt(nouns)})")
    links = roles.get("visiting_party_links", [])
    modifier = rf"(?:{roles['visiting_party_modifier']}\s+)?" if roles.get("visiting_party_modifier") else ""
    link = rf"{modifier}(?:{alt(links)})\s+" if links else ""
    before = re.compile(rf"(?<!\w)(?:{alt(nouns)})\s+(?:{link})?$", re.IGNORECASE)
    after = re.compile(rf"(?:['’]s)?\s+(?:{alt(nouns)})(?!\w)", re.IGNORECASE) if lang == "en" else None
    return before, after


def _is_visiting_party(ctx: Context, place, places: list) -> bool:
    """"a delegation from Wuxi", «делегация из Твери», 庆州市政府代表团, 無錫市友好交流団: the city a travelling
    party comes from, and every city listed with it ("delegations from Busan and Niigata", 哈尔滨、沈阳代表团).
    In Japanese and Chinese no other place may stand between the city and the party's noun."""
    if _names_a_visiting_party(ctx, place, places):
        return True
    index = _position(places, place)
    if index is None:
        return False
    # a list runs on after the party's city in Russian and English, and up to it in Japanese and Chinese
    step = 1 if ctx.lang in ("ja", "zh") else -1
    current = index
    while 0 <= current + step < len(places):
        neighbour = places[current + step]
        first, second = (places[current], neighbour) if step == 1 else (neighbour, places[current])
        if first.end >= second.start or not _ENUMERATION.fullmatch(ctx.text, first.end, second.start):
            return False
        if _names_a_visiting_party(ctx, neighbour, places):
            return True
        current += step
    return False


def _position(places: list, place) -> int | None:
    """Where ``place`` itself (not an equal mention) stands in ``places``."""
    return next((i for i, p in enumerate(places) if p is place), None)


def _names_a_visiting_party(ctx: Context, place, places: list) -> bool:
    before, after = _visiting_party_patterns(ctx.lang)
    owner, twin = _twin_apposition(ctx, place, places)
    if twin is not None:
        return False  # "from Kenilworth's twin town of Eppstein": Kenilworth is visited, its twin comes
    if owner is not None:
        place = owner  # the twin comes from where the party's words put its town
    if before is not None and before.search(ctx.text, max(0, place.start - 40), place.start):
        return True
    if after is None:
        return False
    match = after.match(ctx.text, place.end)
    if match is None:
        return False
    return not any(place.end <= other.start < match.end() for other in places if other is not place)


@lru_cache(maxsize=None)
def _twin_apposition_pattern(lang: str) -> re.Pattern[str] | None:
    return patterns_any(roles_lexicon(lang).get("twin_apposition"))


_TWIN_APPOSITION_REACH = 60


def _twin_apposition(ctx: Context, place, places: list) -> tuple:
    """(the town the place is named as the twin of, the twin the place names after itself): "Kenilworth's twin
    town of Eppstein" gives (None, Eppstein) for Kenilworth and (Kenilworth, None) for Eppstein."""
    pattern = _twin_apposition_pattern(ctx.lang)
    if pattern is None or not (ctx.text.startswith(("'s", "’s"), place.end)
                               or pattern.search(ctx.text, max(0, place.start - _TWIN_APPOSITION_REACH), place.start)):
        return None, None  # no apposition on either side: the common case, with no search of the place list
    index = _position(places, place)
    if index is None:
        return None, None
    owner = places[index - 1] if index > 0 else None
    twin = places[index + 1] if index + 1 < len(places) else None
    if owner is not None and not (owner.end <= place.start and pattern.fullmatch(ctx.text, owner.end, place.start)):
        owner = None
    if twin is not None and not (place.end <= twin.start and pattern.fullmatch(ctx.text, place.end, twin.start)):
        twin = None
    return owner, twin


@lru_cache(maxsize=None)
def _elsewhere_patterns(lang: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    words = roles_lexicon(lang).get("elsewhere_before", [])
    before = re.compile(r"(?:" + "|".join(re.escape(w) for w in words) + r")\s*$", re.IGNORECASE) if words else None
    return before, tuple(roles_lexicon(lang).get("elsewhere_after", []))


def _places_something_else(ctx: Context, place) -> bool:
    """"headquartered in Shenzhen", "a press conference in Beijing", 总部位于深圳, 计划在德惠市建设, «в Омске
    зарегистрировано»: the city is where an organisation sits or is registered, a press conference is held or a
    project will be built, not a side of the event."""
    before, after = _elsewhere_patterns(ctx.lang)
    if before is not None and before.search(ctx.text, max(0, place.start - 40), place.start):
        return True
    following = ctx.text[place.end:place.end + 1 + max(map(len, after), default=0)].lstrip("市")
    return any(following.startswith(word) for word in after)


@lru_cache(maxsize=None)
def _venue_to_come_pattern(lang: str) -> re.Pattern[str] | None:
    words = roles_lexicon(lang).get("venue_to_come_before", [])
    return re.compile(rf"(?:{alt(words)})\s*$", re.IGNORECASE) if words else None


def _venue_to_come(ctx: Context, place) -> bool:
    """"a fair that will be held in Kazan", «выставка, которая пройдет в Екатеринбурге»: where an event will be
    held. The host is decided before; any other such city is some other event's venue, not a side of this one."""
    pattern = _venue_to_come_pattern(ctx.lang)
    return pattern is not None and pattern.search(ctx.text, max(0, place.start - 40), place.start) is not None


def _named_as_origin(ctx: Context, place) -> bool:
    """"a delegation from Khabarovsk", «делегация из Хабаровска»: the city a side comes from."""
    previous = _LAST_WORD.search(ctx.text[max(0, place.start - 20):place.start])
    return bool(previous) and previous.group(1).lower() in _origin_words(ctx.lang)


_LAST_WORD = re.compile(r"(\w+)\W*$")


@lru_cache(maxsize=8)
def _origin_words(lang: str) -> frozenset[str]:
    return frozenset(roles_lexicon(lang).get("origin_before", []))


def _range_ends(ctx: Context, places: list) -> set[int]:
    """"from Chongqing to Duisburg", «от Калининграда до Владивостока», 从重庆到杜伊斯堡, 重慶からデュイスブルクまで: two
    cities as the ends of a route or a range (ids of both places)."""
    ends: set[int] = set()
    cjk = ctx.lang in ("zh", "ja")
    for first, second in zip(places, places[1:]):
        between = ctx.text[first.end:second.start]
        for before, joint, after, opening, joining in _range_marks(ctx.lang):
            if cjk:
                opens = ctx.text[max(0, first.start - len(before)):first.start] == before
                joined = between.lstrip("市") == joint
                closes = ctx.text[second.end:].lstrip("市").startswith(after)
            else:
                opens = bool(opening.search(ctx.text, max(0, first.start - 20), first.start))
                joined = bool(joining.fullmatch(between))
                # «из Харбина в Хабаровске»: a place in the prepositional after «в» is where, not whither
                closes = not (ctx.lang == "ru" and joint in ("в", "во") and russian.is_prepositional(second.surface))
            if opens and joined and closes:
                ends.update({id(first), id(second)})
    return ends | _route_ends(ctx, places)


# two cities joined by a dash, as a route's name writes them ("Lagos–Calabar", «Лагос — Калабар»)
_DASH_PAIR = re.compile(r"\s*[-–—]\s*")


@lru_cache(maxsize=8)
def _route_noun_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A route's noun right before a dashed pair of cities («трассы Лагос — Калабар») or within two words after it
    ("the Lagos–Calabar coastal railway")."""
    nouns = roles_lexicon(lang).get("route_nouns") or []
    if not nouns or lang not in ("en", "ru"):
        return None
    # English nouns are whole words (a "road", not a "roadmap"), Russian ones stems that take endings
    words = "|".join(str(noun) for noun in nouns)
    ending = r"(?:s|es)?\b" if lang == "en" else ""
    return (re.compile(rf"(?<!\w)(?:{words})\w*\s+$", re.IGNORECASE),
            re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{words}){ending}", re.IGNORECASE))


def _route_ends(ctx: Context, places: list) -> set[int]:
    """"the Lagos–Calabar railway", «трасса Лагос — Калабар»: two cities a dash joins in a route's name are its ends,
    no sides of the event."""
    patterns = _route_noun_patterns(ctx.lang)
    if patterns is None:
        return set()
    before, after = patterns
    ends: set[int] = set()
    for first, second in zip(places, places[1:]):
        if not _DASH_PAIR.fullmatch(ctx.text[first.end:second.start]):
            continue
        if before.search(ctx.text, max(0, first.start - 30), first.start) or after.match(ctx.text, second.end):
            ends.update({id(first), id(second)})
    return ends


@lru_cache(maxsize=8)
def _range_marks(lang: str) -> tuple[tuple[str, str, str, re.Pattern[str], re.Pattern[str]], ...]:
    """Each (before, joint, after) mark of a range with its opening and joint compiled for a spaced language."""
    return tuple((before, joint, after, re.compile(rf"\b{re.escape(before)}\s+$", re.IGNORECASE),
                  re.compile(rf"\s+{re.escape(joint)}\s+", re.IGNORECASE))
                 for before, joint, after in roles_lexicon(lang).get("place_range_marks", []))


def _is_dateline_capitals(place) -> bool:
    """«ДУШАНБЕ, 6 ноября», "BEIJING, Dec. 9": a city in capitals is where the reporter filed from (the places
    extractor reads capitals as a city only in that shape), wherever the dateline stands."""
    return len(place.surface) > 2 and place.surface.isupper()


# "Cairo: Thailand has unveiled …", "Nairobi - The forum …": a city, then a colon or a dash, opening a line
_BARE_DATELINE_AFTER = re.compile(r"\s*(?::|\s[-–—])\s")


def _opens_a_line_as_dateline(ctx: Context, place) -> bool:
    """A city that opens a line with a colon or a dash after it is where the reporter filed from, in the shape of
    a dateline without date or agency: no side of the event (which city hosts it, the text says elsewhere)."""
    return opens_a_line(ctx.text, place.start) and bool(_BARE_DATELINE_AFTER.match(ctx.text, place.end))


def _event_region(ctx: Context, found: list):
    """The first province or state named in a sentence about the event (not inside another name)."""
    for place in found:
        if place.kind == "admin_region" and place.region_code and not place.inside_name \
                and sentence_start(ctx, place.start) in ctx.event_sentences:
            return place
    return None


def _decide_partners(ctx: Context, rows: list[dict], places: list, *, host, online: bool, dateline_places: list,
                     same_place: set[int]) -> None:
    """Each candidate city's features go on its first row (for training); where a trained model exists it,
    not the rules, says which candidates are partners; without one, a partner of the rules must also be said to
    take part (``_takes_part``). ``rows[i]`` is the row of ``places[i]``."""
    model = load_partner_model()
    by_city: dict[int, list[int]] = {}
    for index, place in enumerate(places):
        city_id = place.city.geonameid
        if city_id != (host.geonameid if host else None) and city_id not in same_place:
            by_city.setdefault(city_id, []).append(index)
    named_countries = {mention.alpha2 for mention in find_countries(ctx.text, ctx.lang)}
    toured = _tour_stops(ctx, places)
    firm_origins = _firm_origins(ctx, places)
    for indexes in by_city.values():
        mentions = [places[i] for i in indexes]
        rule_partner = any(rows[i]["role"] == "partner" for i in indexes)
        features = city_features(ctx, mentions, rule_partner=rule_partner, host=host, online=online,
                                 dateline_places=dateline_places, is_locative=_is_locative,
                                 is_elsewhere=_places_something_else, named_countries=named_countries,
                                 all_places=places, candidates=len(by_city))
        rows[indexes[0]]["attributes"] = json.dumps({"partner_features": features})
        # the cities the text names about a call are its sides, cue or none; the one it was held in, if the text
        # gives one, is its host
        side_of_a_call = online and bool(features["in_event_sentence"])
        if model is None and rule_partner and (not (_takes_part(features) or side_of_a_call)
                                               or _only_toured(mentions, host, toured)
                                               or (all(id(m) in firm_origins for m in mentions)
                                                   and not features["signing_cue"])):
            for i in indexes:
                rows[i]["role"] = "mention"
        if model is not None:
            partner = model.accepts(features)
            for position, i in enumerate(indexes):
                rows[i]["role"] = "partner" if partner and position == 0 else "mention"


def _sides_in_event_name(ctx: Context, document_id: str, event_ref: str, main: EventMention, in_name: list,
                         rows: list[dict], host_id: int | None, same_place: set[int]) -> list[dict]:
    """"The Ho Chi Minh City–Daegu Business Forum", "China (Zhuhai, Macao) – Brazil (Sao Paulo) Seminar": a city
    the event's own name pairs with its host is a side of it. Without a host, only a name that pairs two cities or
    more says so (one city alone names where the event is). Only a name the text gives the event: a signing or a
    visit told by its clause ("delegations from Gdansk and Lund signed") has none."""
    if main not in find_events(ctx.text, ctx.lang):
        return []
    named = [p for p in in_name if not p.inside_name or _quoted_with_noun(ctx, p, main)
             or _in_a_quoted_pair(ctx, p, in_name)]
    ids = {p.city.geonameid for p in named}
    if host_id is None and len(ids) < 2:
        return []
    partners = {r["city_id"] for r in rows if r["role"] == "partner"}
    at = {r["start_offset"]: r for r in rows}
    added, seen = [], set()
    for place in named:
        city_id = place.city.geonameid
        if city_id == host_id or city_id in same_place or city_id in partners or city_id in seen:
            continue
        seen.add(city_id)
        if place.start in at:  # the name's city is already a row of its own: it becomes the partner
            at[place.start]["role"] = "partner"
            continue
        added.append(make_row(document_id, "city", event_ref, "partner", place.start, place.end, ctx.text,
                              sentence_of(ctx, place.start), city_id=city_id, country_code=place.city.country_code))
    return added


_CLOSING_QUOTES = re.compile(r"[”»\"」』》]")


def _quoted_with_noun(ctx: Context, place, main: EventMention) -> bool:
    """A city in quotes that also hold the event's noun (“Kenya (Mombasa) - Peru (Lima) Seminar”) is a city of the
    name; one in a title after the noun (форум «Ростки: …», where a common word reads as a town) is a word of the
    title."""
    return place.end <= main.start and not _CLOSING_QUOTES.search(ctx.text, place.end, main.start)


_OPENING_QUOTES = ("«", "“", '"', "„", "「", "『", "《")
_PAIR_REST = re.compile(r"[\s—–-]*")


def _in_a_quoted_pair(ctx: Context, place, in_name: list) -> bool:
    """форум «Самара – Циндао»: a title in quotes that is nothing but cities joined by a dash names the sides,
    where a title of words merely holds one (форум «Ростки: …»)."""
    opening = max(ctx.text.rfind(q, 0, place.start) for q in _OPENING_QUOTES)
    closing = _CLOSING_QUOTES.search(ctx.text, place.end)
    if opening == -1 or closing is None:
        return False
    inside = [p for p in in_name if opening < p.start and p.end <= closing.start()]
    if len(inside) < 2:
        return False
    rest, last = [], opening + 1
    for p in sorted(inside, key=lambda p: p.start):
        rest.append(ctx.text[last:p.start])
        last = p.end
    rest.append(ctx.text[last:closing.start()])
    return all(_PAIR_REST.fullmatch(gap) for gap in rest) and any(gap.strip() for gap in rest[1:-1])


def _only_toured(mentions: list, host, toured: set[int]) -> bool:
    """"The guests also made an excursion to Warwick", 代表団は新潟市に移動し: where an event has its host, a city
    that is only ever somewhere the guests travel to is a stop on their tour, not a side of the event."""
    return host is not None and all(id(mention) in toured for mention in mentions)


# between the cities of one list: a comma, a conjunction, or both ("X, Y, and Z")
_ENUMERATION = re.compile(r"\s*(?:[,，、・/]\s*)?(?:(?:and|и|与|和|及|以及|と|や)\s*)?", re.IGNORECASE)


@lru_cache(maxsize=8)
def _firm_origin_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    roles = roles_lexicon(lang)
    # a list the text calls provinces or prefectures (…等8个省市, …など15都道府県) names no cities either
    after = roles.get("firm_origin_after", []) + roles.get("region_list_after", [])
    return patterns_any(roles.get("firm_origin_before")), patterns_any(after, flags=0)


def _firm_origins(ctx: Context, places: list) -> set[int]:
    """The mentions (by ``id``) of cities in a list that names where firms come from ("exhibitors from Osaka and
    Kobe", «компании из Харбина», 来自东京、大阪等地的企业, 東京、大阪などから120社): the firms take part, the cities do
    not, unless the text says so elsewhere or the firms sign agreements there (an agreement signed with a city's
    firms makes the city a side). Also a list the text calls provinces or prefectures (北京、上海等8个省市)."""
    before, after = _firm_origin_patterns(ctx.lang)
    if before is None and after is None:
        return set()
    found: set[int] = set()
    group: list = []
    for place in [*places, None]:
        if place is not None and group and group[-1].end < place.start \
                and _ENUMERATION.fullmatch(ctx.text, group[-1].end, place.start):
            group.append(place)
            continue
        if group and ((before is not None and before.search(ctx.text, max(0, group[0].start - 60), group[0].start))
                      or (after is not None and after.match(ctx.text, group[-1].end))):
            found.update(id(member) for member in group)
        group = [place] if place is not None else []
    return found


def _tour_stops(ctx: Context, places: list) -> set[int]:
    """The mentions of cities the guests travel to: a destination, and the cities listed right after one ("visited
    Sao Paulo, Cuiaba and Manaus")."""
    stops: set[int] = set()
    previous = None
    for place in places:
        if _is_destination(ctx, place) or _later_in_a_visits_clause(ctx, place) or (
                previous is not None and id(previous) in stops and previous.end <= place.start
                and _ENUMERATION.fullmatch(ctx.text, previous.end, place.start)):
            stops.add(id(place))
        previous = place
    return stops


# how many words a visit's clause runs on from its cue and still lists where the guests go
_VISIT_CLAUSE_WORDS = 14


@lru_cache(maxsize=8)
def _visit_cue_pattern(lang: str) -> re.Pattern[str] | None:
    # "the visiting Mayor of Kazan" is the guest from Kazan: the participle opens no list of stops
    cues = [cue for cue in roles_lexicon(lang).get("destination_before", []) if cue.lower() != "visiting"]
    return re.compile(rf"(?<!\w)(?:{alt(cues)})(?!\w)", re.IGNORECASE) if cues and lang in ("en", "ru") else None


def _later_in_a_visits_clause(ctx: Context, place) -> bool:
    """"Their schedule includes visits to the training centre in Stanwood and Seattle's market": a town named later
    in the clause a visit opens is a stop of the guests' tour too, unless it is where someone comes from."""
    pattern = _visit_cue_pattern(ctx.lang)
    if pattern is None or _named_as_origin(ctx, place):
        return False
    sentence = sentence_of(ctx, place.start)
    cues = list(pattern.finditer(ctx.text, sentence.start, place.start))
    if not cues:
        return False
    between = ctx.text[cues[-1].end():place.start]
    return len(between.split()) <= _VISIT_CLAUSE_WORDS and not re.search(r"[;:]", between)


def _takes_part(features: dict[str, float]) -> bool:
    """A city the text says takes part: beside a word of taking part (a delegation, a signing, twin towns) or an
    office of its own (its mayor). Standing in a sentence about the event, or in a list with other cities, is not
    enough: such sentences also name where firms sit, what the cities trade and which cities the region has twinned
    with. Requiring a cue raised partner F1 from 0.781 to 0.823 on the tuning half with dev and dev2, and from
    0.635 to 0.660 on the check half."""
    return any(features[name] for name in ("participation_cue", "office_nearby", "twin_cue", "signing_cue"))


@lru_cache(maxsize=None)
def _host_verb_pattern(lang: str) -> re.Pattern[str] | None:
    verbs = roles_lexicon(lang).get("host_verbs", [])
    if not verbs:
        return None
    # the verb right after the city, or after an apposition set off by commas ("Changsha, the capital of Hunan,"),
    # or joined to it as an adjective ("the Turku-hosted forum")
    return re.compile(r"(?:\s*,[^,.;:\n]{1,100},)?(?:\s*|-)(?:" + "|".join(re.escape(v) for v in verbs) + r")\b",
                      re.IGNORECASE)


def _host_verb_follows(ctx: Context, place) -> bool:
    pattern = _host_verb_pattern(ctx.lang)
    return pattern is not None and bool(pattern.match(ctx.text, place.end))


# how far a venue statement may stand before its city: the city's country and province between them; and how far
# back the statement and that gap together are looked for
_VENUE_STATEMENT_REACH, _VENUE_STATEMENT_REACH_CJK = 40, 12
_VENUE_STATEMENT_WINDOW = 120


@lru_cache(maxsize=None)
def _venue_statement_pattern(lang: str) -> re.Pattern[str] | None:
    reach = _VENUE_STATEMENT_REACH_CJK if lang in ("zh", "ja") else _VENUE_STATEMENT_REACH
    return patterns_any(roles_lexicon(lang).get("venue_statement_before"),
                        r"{}[^。，、,；;.!?！？\n]{{0,%d}}$" % reach)


@lru_cache(maxsize=None)
def _venue_field_pattern(lang: str) -> re.Pattern[str] | None:
    """A notice's field at the start of its line that gives the event's place ("開催地 | フランス ナンシー市",
    "Venue: Tartu"), up to the city: its country, province or venue between."""
    label = field_label((lang,), "roles", "venue_labels")
    reach = _VENUE_STATEMENT_REACH_CJK if lang in ("zh", "ja") else _VENUE_STATEMENT_REACH
    return re.compile(rf"(?:^|(?<=\n)){label}{FIELD_SEPARATOR}\s*[^。，、,；;.!?！？|｜\n]{{0,{reach}}}$", re.IGNORECASE) \
        if label else None


def _in_a_venue_field(ctx: Context, place) -> bool:
    pattern = _venue_field_pattern(ctx.lang)
    return pattern is not None and bool(pattern.search(ctx.text, max(0, place.start - _VENUE_STATEMENT_WINDOW),
                                                       place.start))


_CLAUSE_BREAK = re.compile(r"[。，,；;]")


def _clause_before(ctx: Context, place) -> str:
    """The clause that leads up to a place, from its sentence's start or the last comma."""
    lead = ctx.text[sentence_start(ctx, place.start):place.start]
    return _CLAUSE_BREAK.split(lead)[-1]


def _venue_stated_before(ctx: Context, place) -> bool:
    """"首届博览会举办地是中国黑龙江省哈尔滨市", "the venue will be Tacoma": the text says the city is the venue."""
    pattern = _venue_statement_pattern(ctx.lang)
    return pattern is not None and bool(pattern.search(ctx.text, max(0, place.start - _VENUE_STATEMENT_WINDOW),
                                                       place.start))


@lru_cache(maxsize=None)
def _relative_where_pattern(lang: str) -> re.Pattern[str] | None:
    words = roles_lexicon(lang).get("relative_where", [])
    if not words:
        return None
    # the adverb after the city, or after a bracketed country ("Jinan (China), where"); its clause up to the
    # sentence's end
    return re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*,\s*(?:" + "|".join(map(re.escape, words))
                      + r")\b(?P<clause>[^.;!?\n]{0,160})", re.IGNORECASE)


def _event_clause_follows(ctx: Context, place) -> bool:
    """"…из города Цзинань, где проходил форум", "Jinan, where the forum took place": the event is in that city."""
    pattern = _relative_where_pattern(ctx.lang)
    match = pattern.match(ctx.text, place.end) if pattern else None
    return bool(match) and has_occurrence_verb(match.group("clause"), ctx.lang)


def _as_city_state(place):
    """A district or new town of a city-state (Wan Chai, Taipa, Jurong) is the city-state's one city for the
    warehouse (Hong Kong, Macau, Singapore): its reports and analysts name the city, not the quarter."""
    if place.city.country_code not in CITY_STATES:
        return place
    from orchestration.reference.gazetteer import get_gazetteer

    main = get_gazetteer().largest_city(place.city.country_code)
    return place if main is None or main.geonameid == place.city.geonameid else replace(place, city=main)


def _without_region_groups(ctx: Context, places: list) -> list:
    grouped = region_group_members(ctx.text, places, lambda place: place.city.country_code)
    grouped |= _city_states_listed_as_countries(ctx, places)
    return [p for p in places if id(p) not in grouped]


def _city_states_listed_as_countries(ctx: Context, places: list) -> set[int]:
    """"Georgia, Cambodia, Singapore and Uganda": a city-state in a list of countries is named as a country; one in
    a list of provinces (…浙江、黑龙江、香港特别行政区等11个省区) as a province-level region."""
    states = [p for p in places if p.city.country_code in CITY_STATES]
    if not states:
        return set()
    neighbours = [(c.start, c.end, c.alpha2) for c in find_countries(ctx.text, ctx.lang)]
    neighbours += [(p.start, p.end, None) for p in find_places(ctx.text, ctx.lang)
                   if p.kind == "admin_region" and not p.inside_name]
    listed = set()
    for place in states:
        for start, end, code in neighbours:
            if code == place.city.country_code:
                continue
            if end <= place.start:
                gap = ctx.text[end:place.start]
            elif place.end <= start:
                gap = ctx.text[place.end:start]
            else:
                continue  # the same words read as a country and as a city
            if len(gap) <= 6 and LIST_GAP.match(gap):
                listed.add(id(place))
                break
    return listed


_NAME_RUN_END = re.compile(r"[、。，,.;；:：!?！？\n「」『』()（）]")


def _venue_owner(ctx: Context, found: list):
    """"at the Harbin International Conference Center", ハルビン国際会議センターで行われる: a city that opens the
    name of the venue where the event is held."""
    roles = roles_lexicon(ctx.lang)
    for place in found:
        if place.city is None and not place.candidates or not place.inside_name:
            continue
        # "Invest in Tashkent region": a region of the city's name owns nothing in the city
        if place.kind == "admin_region":
            continue
        # a quoted name read as a city («Екатеринбург-Экспо») owns the venue only where it opens the name
        if place.kind == "city" and ctx.text[max(0, place.start - 1):place.start] not in _OPENING_QUOTES:
            continue
        if sentence_start(ctx, place.start) not in ctx.event_sentences:
            continue
        city = place.city or place.candidates[0]
        if ctx.lang in ("zh", "ja"):
            before = ctx.text[max(0, place.start - 3):place.start]
            run = _NAME_RUN_END.split(ctx.text[place.end:place.end + 24], 1)[0]
            if any(b in before for b in roles.get("locative_before", [])) \
                    or any(a in run for a in roles.get("locative_after", [])):
                # 静岡大学の浜松キャンパスで開催: a city named later in the venue's name is where that venue is
                later = [p for p in found if place.end <= p.start < place.end + len(run) and p.city is not None]
                return later[-1].city if later else city
        elif _is_locative(ctx, place):
            return city
    return None
