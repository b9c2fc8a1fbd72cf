"""One parsed document to raw extractions: the event it reports and the facts attached to that event.

The extractors find mentions (events, dates, places, countries, counts, money); this module decides which
mentions belong to the document's event and in which role: which date is the event's, which city hosts it,
which cities and countries take part, which count is the number of agreements, which amounts are deals.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from orchestration.extract.countries import find_countries
from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.dates import (
    PartialDate,
    find_dateline,
    find_dates,
    find_durations,
)
from orchestration.extract.events import EventMention, find_events
from orchestration.extract.lexicons import lexicon
from orchestration.extract.money import find_money
from orchestration.extract.places import find_places
from orchestration.extract.text import Sentence, split_sentences
from orchestration.extract.version import extractor_version

# changes with any change to the extraction code, its lexicons or its reference data
EXTRACTOR_VERSION = extractor_version()

AGREEMENT_KINDS = {"agreements", "contracts", "projects", "documents", "deals", "memoranda"}


@dataclass
class DocumentExtraction:
    document_id: str
    is_relevant: bool
    relevance_reason: str
    rows: list[dict] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        return sum(1 for row in self.rows if row["kind"] == "event")


@dataclass(frozen=True)
class _Context:
    """What every role decision needs to know about the document."""

    text: str
    lang: str
    title_end: int  # the title is the first line of the text; 0 when the page has none
    sentences: tuple[Sentence, ...]
    event_sentences: frozenset[int]  # sentence starts that mention the event or its occurrence
    background_sentences: frozenset[int]  # sentence starts about earlier years or running totals


def extract_document(document_id: str, text: str, lang: str, *, title: str | None = None,
                     published_date: date | None = None) -> DocumentExtraction:
    """``text`` is the parsed article: its first line is the title when ``title`` is given."""
    title_end = len(title) if title and text.startswith(title) else 0
    events = find_events(text, lang)
    if not events:
        return DocumentExtraction(document_id, False, "no_event_mention")
    body = text[title_end:]
    if not _has_cooperation_cue(body if body.strip() else text, lang):
        return DocumentExtraction(document_id, False, "no_cooperation_vocabulary")
    if title_end and _is_not_a_report(text[:title_end], lang):
        return DocumentExtraction(document_id, False, "not_a_news_report")

    sentences = tuple(split_sentences(text))
    main = _main_event(events, text, title_end, sentences, lang)
    event_sentences = frozenset(
        s.start for s in sentences
        if any(s.start <= e.start < s.end and e.event_type == main.event_type for e in events)
        or _has_occurrence_verb(s.text, lang)
    )
    background = frozenset(s.start for s in sentences if _is_background(s.text, lang))
    ctx = _Context(text, lang, title_end, sentences, event_sentences, background)
    event_ref = f"{document_id}:1"
    rows: list[dict] = []
    main_sentence = _sentence_of(ctx, main.start)
    rows.append(_row(document_id, "event", event_ref, None, main.name_start, main.name_end, text, main_sentence,
                     event_name=main.name, event_type=main.event_type, event_ordinal=main.ordinal))

    dateline = find_dateline(text, lang)
    date_row = _event_date(ctx, dateline, published_date, main)
    if date_row:
        rows.append(_row(document_id, "event_date", event_ref, "event", date_row["start"], date_row["end"], text,
                         _sentence_of(ctx, date_row["start"]), **date_row["fields"]))

    city_rows, host_country = _cities(ctx, document_id, event_ref, dateline, main)
    rows.extend(city_rows)
    rows.extend(_countries(ctx, document_id, event_ref, host_country))
    count_row = _agreement_count(ctx, document_id, event_ref)
    if count_row:
        rows.append(count_row)
    rows.extend(_money(ctx, document_id, event_ref))
    # an event noun alone ("forums promise billions") reports nothing: a report fixes a date, a place or an outcome
    evidence = {row["kind"] for row in rows} & {"event_date", "agreement_count"}
    if not evidence and not any(r["kind"] == "money" and r["is_deal"] for r in rows) \
            and not any(r["kind"] == "city" and r["role"] == "host" for r in rows):
        return DocumentExtraction(document_id, False, "no_event_facts")
    return DocumentExtraction(document_id, True, "cooperation_event", rows)


# --- relevance and the main event -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _cue_pattern(lang: str, key: str) -> re.Pattern[str] | None:
    words = lexicon(lang, "events").get(key, [])
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _has_cooperation_cue(text: str, lang: str) -> bool:
    pattern = _cue_pattern(lang, "cooperation_cues")
    return bool(pattern and pattern.search(text))


def _is_not_a_report(title: str, lang: str) -> bool:
    """Opinion columns, price lists and the like name events without reporting one."""
    pattern = _cue_pattern(lang, "non_report_titles")
    return bool(pattern and pattern.match(title.strip()))


def _has_occurrence_verb(sentence: str, lang: str) -> bool:
    pattern = _cue_pattern(lang, "occurrence_verbs")
    return bool(pattern and pattern.search(sentence))


def _is_background(sentence: str, lang: str) -> bool:
    pattern = _cue_pattern(lang, "background_cues")
    return bool(pattern and pattern.search(sentence))


def _main_event(events: list[EventMention], text: str, title_end: int, sentences: tuple[Sentence, ...],
                lang: str) -> EventMention:
    """The event the document is about: named specifically (ordinal, capitals, quotes), early, and often."""
    type_frequency: dict[str, int] = {}
    for event in events:
        type_frequency[event.event_type] = type_frequency.get(event.event_type, 0) + 1
    first_body_sentences = {s.start for s in sentences if s.start >= title_end}
    early = set(sorted(first_body_sentences)[:3])

    def score(event: EventMention) -> float:
        # repetition says which event the text is about, but "конференции" five times must not outvote the
        # headline and the edition number
        value = min(type_frequency[event.event_type], 3)
        if event.start < title_end:
            value += 4
        sentence = next((s for s in sentences if s.start <= event.start < s.end), None)
        if sentence and sentence.start in early:
            value += 3
        if event.ordinal:
            value += 3
        if sentence and _is_background(sentence.text, lang):
            value -= 4
        specific = len(event.name) - (event.end - event.start)
        value += min(specific, 40) / 10
        value -= event.start / max(len(text), 1)  # earlier wins ties
        return value

    best = max(events, key=score)
    # the name: the best mention's own, unless another of its type names it more fully (an edition number, or
    # more than the bare noun)
    same_type = [e for e in events if e.event_type == best.event_type]
    fullest = max(same_type, key=lambda e: (bool(e.ordinal), len(e.name) if len(e.name) < 160 else 0, -e.start))
    bare = best.name_end - best.name_start <= best.end - best.start
    # headlines clip names: the body's first mention of the same edition, or a fuller one, names it
    fuller_in_body = [
        e for e in same_type
        if e.start >= title_end and (e.ordinal == best.ordinal if best.ordinal else len(e.name) > len(best.name))
    ]
    if best.start < title_end and fuller_in_body:
        named = fuller_in_body[0]
    elif (fullest.ordinal and not best.ordinal) or (bare and len(fullest.name) > len(best.name)):
        named = fullest
    else:
        return best
    return EventMention(best.start, best.end, named.name_start, named.name_end, named.name, best.event_type,
                        best.ordinal or named.ordinal)


# --- dates ---------------------------------------------------------------------------------------------

def _reference_date(dateline, published: date | None) -> date | None:
    """The day the report speaks from: the dateline's date completed with the publication year, else publication."""
    if dateline is not None and dateline.date is not None and dateline.date.month and dateline.date.day:
        year = dateline.date.year
        if year is None and published is not None:
            year = published.year - (1 if dateline.date.month > published.month + 1 else 0)
        if year is not None:
            try:
                return date(year, dateline.date.month, dateline.date.day)
            except ValueError:
                pass
    return published


def _event_date(ctx: _Context, dateline, published: date | None, main: EventMention) -> dict | None:
    reference = _reference_date(dateline, published)
    mentions = find_dates(ctx.text, ctx.lang, reference)
    dateline_month = dateline.date.month if dateline is not None and dateline.date is not None else None
    candidates = []
    years_in_text = []
    for mention in mentions:
        sentence_start = mention.sentence_start
        if sentence_start in ctx.background_sentences:
            continue
        if mention.kind == "year_only":
            # a year written out ("в 2019 году", "2024中国…大会"); "last year's fair" is another edition
            written = any(ch.isdigit() for ch in mention.text)
            if written and (sentence_start in ctx.event_sentences or main.name_start <= mention.start < main.name_end):
                years_in_text.append(mention.first.year)
            continue
        if mention.in_dateline or mention.approximate:  # the filing date; "last week" fixes no day
            continue
        if sentence_start not in ctx.event_sentences:
            continue
        candidates.append(mention)
    if not candidates:
        return None

    def rank(mention) -> tuple:
        is_range = mention.last is not None and mention.last != mention.first
        complete = mention.first.month is not None and mention.first.day is not None
        return (is_range, mention.cue is not None, complete, mention.kind != "relative", -mention.start)

    chosen = max(candidates, key=rank)
    first, last = chosen.first, chosen.last or chosen.first
    first = _with_month(first, dateline_month)
    last = _with_month(last, dateline_month or first.month)
    year_inferred = bool(getattr(chosen, "year_from_reference", False))
    if chosen.kind == "relative" and not chosen.resolved and dateline is not None and dateline.date is not None:
        first = last = PartialDate(dateline.date.year, dateline.date.month, dateline.date.day)
    start, end = first, last
    cue = chosen.cue or _sentence_cue(ctx, chosen.sentence_start)
    if chosen.last is None or chosen.last == chosen.first:
        if cue == "closing":
            start, end = PartialDate(None, None, None), first
        elif cue == "opening":
            start, end = first, PartialDate(None, None, None)
    start, end = _apply_duration(ctx, start, end)
    # a year the text gives (in the event's name or its sentences) beats the publication year
    text_year = years_in_text[0] if years_in_text else None
    if text_year:
        if start.year is None or year_inferred:
            start = PartialDate(text_year, start.month, start.day) if start.month else start
        if end.year is None or year_inferred:
            end = PartialDate(text_year, end.month, end.day) if end.month else end
        year_inferred = False
    elif start.year is None and end.year is None and reference is not None:
        start = _complete_year(start, reference)
        end = _complete_year(end, reference)
        year_inferred = start.year is not None or end.year is not None
    if start.month is None and end.month is None and start.day is None and end.day is None:
        return None
    return {
        "start": chosen.start,
        "end": chosen.end,
        "fields": {
            "start_year": start.year, "start_month": start.month, "start_day": start.day,
            "end_year": end.year, "end_month": end.month, "end_day": end.day,
            "year_inferred": year_inferred and (start.year is not None or end.year is not None),
        },
    }


@lru_cache(maxsize=None)
def _cue_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    cues = lexicon(lang, "dates").get("cues", {})
    return {kind: re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) for kind, words in cues.items() if words}


def _sentence_cue(ctx: _Context, sentence_start: int) -> str | None:
    """An opening or closing verb anywhere in the date's sentence, when the date's own clause has none
    ("…Expo, which opened in Kunming, capital of …, on Wednesday"); none when the sentence has both."""
    sentence = _sentence_of(ctx, sentence_start).text
    kinds = {kind for kind, pattern in _cue_patterns(ctx.lang).items() if pattern.search(sentence)}
    return kinds.pop() if len(kinds) == 1 else None


def _with_month(day: PartialDate, month: int | None) -> PartialDate:
    """A day-only mention ("19日") takes its month from the dateline."""
    if day.day is not None and day.month is None and month is not None:
        return PartialDate(day.year, month, day.day)
    return day


def _complete_year(day: PartialDate, reference: date) -> PartialDate:
    if day.month is None or day.year is not None:
        return day
    year = reference.year - (1 if day.month > reference.month + 2 else 0)
    return PartialDate(year, day.month, day.day)


def _apply_duration(ctx: _Context, start: PartialDate, end: PartialDate) -> tuple[PartialDate, PartialDate]:
    """"A four-day expo closed on the 22nd" started on the 19th."""
    if (start.day is None) == (end.day is None):
        return start, end
    # "為期2天", "a two-day expo": a duration in the article is the event's, those in event sentences first
    durations = sorted(
        (d for d in find_durations(ctx.text, ctx.lang) if _sentence_start(ctx, d.start) not in ctx.background_sentences),
        key=lambda d: (_sentence_start(ctx, d.start) not in ctx.event_sentences, d.start),
    )
    if not durations or durations[0].days < 1:
        return start, end
    days = durations[0].days - 1
    known = end if start.day is None else start
    if known.month is None:
        # "14日、…3日間の日程" with no month in the text: the days still follow while the month cannot turn
        other_day = known.day - days if start.day is None else known.day + days
        if not 1 <= other_day <= 28:
            return start, end
        other_only = PartialDate(None, None, other_day)
        return (other_only, end) if start.day is None else (start, other_only)
    anchor = date(known.year or 2001, known.month, known.day)  # 2001: any non-leap year for month arithmetic
    other = anchor - timedelta(days=days) if start.day is None else anchor + timedelta(days=days)
    other_date = PartialDate(other.year if known.year else None, other.month, other.day)
    return (other_date, end) if start.day is None else (start, other_date)


# --- places --------------------------------------------------------------------------------------------

def _cities(ctx: _Context, document_id: str, event_ref: str, dateline, main: EventMention) -> tuple[list[dict], str | None]:
    places = [p for p in find_places(ctx.text, ctx.lang) if p.kind == "city" and p.city is not None and not p.inside_name]
    if dateline is not None:
        dateline_places = [p for p in places if dateline.start <= p.start < dateline.end]
    else:
        dateline_places = []
    dateline_city = dateline_places[0].city if dateline_places else None
    if dateline_city is None and dateline is not None and dateline.place_surface:
        from orchestration.reference.gazetteer import get_gazetteer

        found = get_gazetteer().lookup(dateline.place_surface, ctx.lang)
        dateline_city = found[0] if found else None
    usable = [p for p in places if _sentence_start(ctx, p.start) not in ctx.background_sentences]
    venue_cities = _venue_cities(ctx, _sentence_of(ctx, main.start), usable)
    host = _choose_host(ctx, places, dateline_city, venue_cities)
    rows = []
    host_id = host.geonameid if host else None
    same_place = _same_place_ids(ctx, places, host) | {city.geonameid for city in venue_cities if city.geonameid != host_id}
    seen_partners: set[int] = set()
    for place in places:
        sentence = _sentence_of(ctx, place.start)
        city_id = place.city.geonameid
        if city_id == host_id or city_id in same_place:
            role = "host" if city_id == host_id else "mention"
        elif sentence.start in ctx.background_sentences or place in dateline_places:
            role = "mention"
        else:
            role = "partner" if city_id not in seen_partners else "mention"
            seen_partners.add(city_id)
        rows.append(_row(document_id, "city", event_ref, role, place.start, place.end, ctx.text, sentence,
                         city_id=city_id, country_code=place.city.country_code))
    if host is not None and not any(r["role"] == "host" for r in rows):
        # the host came from the dateline alone
        rows.append(_row(document_id, "city", event_ref, "host", dateline.start, dateline.end, ctx.text,
                         _sentence_of(ctx, dateline.start), city_id=host.geonameid, country_code=host.country_code))
    # one host row per document event: the first mention carries the role
    host_rows = [r for r in rows if r["role"] == "host"]
    for extra in host_rows[1:]:
        extra["role"] = "mention"
    return rows, host.country_code if host else None


@lru_cache(maxsize=None)
def _roles(lang: str) -> dict:
    return lexicon(lang, "roles")


def _is_locative(ctx: _Context, place) -> bool:
    roles = _roles(ctx.lang)
    if ctx.lang in ("zh", "ja"):
        window = roles.get("locative_window", 6)
        before = ctx.text[max(0, place.start - window):place.start]
        after = ctx.text[place.end:place.end + window].lstrip("市")
        if any(b in before for b in roles.get("locative_before", [])):
            return True
        if any(a in after[:window] for a in roles.get("locative_after", [])):
            return True
        # "北京の人民大会堂で開かれ": the city owns the venue that hosts the event
        owner = roles.get("venue_owner_particle")
        if owner and ctx.text.startswith(owner, place.end):
            venue = re.match(r"[^、。，,\s]{1,14}", ctx.text[place.end + len(owner):])
            rest = ctx.text[place.end + len(owner) + (venue.end() if venue else 0):][:4]
            return bool(venue) and any(rest.startswith(a) for a in roles.get("locative_after", []))
        return False
    line_start = ctx.text.rfind("\n", 0, place.start) + 1
    words = re.findall(r"[\w.'’-]+", ctx.text[line_start:place.start].lower())[-5:]
    fillers = set(roles.get("locative_fillers", []))
    for word in reversed(words):
        if word in roles.get("locative_before", []):
            return True
        if word not in fillers and not word.endswith(("ом", "ем", "ой", "ском", "ого")):
            return False
    return False


def _choose_host(ctx: _Context, places: list, dateline_city, venue_cities: list):
    """Where the event took place: a locative construction in an event sentence; else the city the text names
    beside the event's venue; else the dateline; else a locative anywhere; else the city most mentioned."""
    usable = [p for p in places if _sentence_start(ctx, p.start) not in ctx.background_sentences]
    counts: dict[int, int] = {}
    for p in usable:
        counts[p.city.geonameid] = counts.get(p.city.geonameid, 0) + 1

    def most_mentioned(candidates: list):
        return max(candidates, key=lambda p: (counts[p.city.geonameid], -p.start)).city

    def biggest_of_phrase(place):
        # "в уезде Исин города Уси": the prefecture-level city is the host of record
        return max(_locative_group(ctx, place, places), key=lambda p: p.city.population or 0).city

    in_event = [p for p in usable if _sentence_start(ctx, p.start) in ctx.event_sentences]
    located = [p for p in in_event if _is_locative(ctx, p)]
    if located:
        return biggest_of_phrase(located[0])
    if venue_cities:
        return venue_cities[0]
    if dateline_city is not None:
        return dateline_city
    located = [p for p in usable if _is_locative(ctx, p)]
    if located:
        return biggest_of_phrase(located[0])
    if in_event:
        return most_mentioned(in_event)
    return most_mentioned(usable) if usable else None


# cities enumerated right beside the venue ("山東省、青島市、＜venue＞", "＜venue＞、膠州市")
_ENUMERATION_GAP = re.compile(r"^[、,，・/\s]*$")


@lru_cache(maxsize=None)
def _venue_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _roles(lang).get("venue_patterns", []))


def _venue_cities(ctx: _Context, sentence: Sentence, places: list) -> list:
    """A venue that is no city ("…モデル区で開催"): the cities named right beside it, most often named first.
    The first is the host; the others name the same place (a county-level city of the host prefecture)."""
    for pattern in _venue_patterns(ctx.lang):
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


def _locative_group(ctx: _Context, place, places: list) -> list:
    """Cities named together in one place phrase: "в уезде Исин города Уси", "云南省玉溪市元江县"."""
    group = [place]
    for other in places:
        if other is place or other.start < place.end:
            continue
        if _is_place_link(ctx, ctx.text[place.end:other.start]):
            group.append(other)
    return group


def _is_place_link(ctx: _Context, gap: str) -> bool:
    """What may stand between two cities of one place phrase: nothing, or administrative words only."""
    links = _roles(ctx.lang).get("place_phrase_links", [])
    words = re.findall(r"[\w.]+", gap.lower()) if ctx.lang in ("ru", "en") else [gap.strip()] if gap.strip() else []
    return len(gap) <= 12 and all(word in links for word in words)


def _same_place_ids(ctx: _Context, places: list, host) -> set[int]:
    """Cities that name the host's own place (a county-level city of the host prefecture and the like)."""
    if host is None:
        return set()
    ids: set[int] = set()
    for place in places:
        if place.city.geonameid != host.geonameid:
            continue
        for other in _locative_group(ctx, place, places):
            ids.add(other.city.geonameid)
        for other in places:
            if other.end <= place.start and _is_place_link(ctx, ctx.text[other.end:place.start]):
                ids.add(other.city.geonameid)
    ids.discard(host.geonameid)
    return ids


def _countries(ctx: _Context, document_id: str, event_ref: str, host_country: str | None) -> list[dict]:
    rows = []
    institutions = _roles(ctx.lang).get("institution_nouns", [])
    seen: set[str] = set()
    for mention in find_countries(ctx.text, ctx.lang):
        sentence = _sentence_of(ctx, mention.start)
        tail = ctx.text[mention.end:mention.end + 40].lower()
        in_institution = any(noun in tail.split(",")[0][:30] for noun in institutions) if mention.form in ("adjective", "compound") else False
        if mention.alpha2 == host_country:
            role = "host"
        elif sentence.start in ctx.background_sentences or in_institution or (mention.inside_name and mention.form == "name"):
            role = "mention"
        elif sentence.start not in ctx.event_sentences and mention.form == "name" and not _names_participants(sentence.text, ctx.lang):
            role = "mention"
        else:
            role = "partner"
        if role != "mention" and mention.alpha2 in seen:
            role = "mention"
        if role != "mention":
            seen.add(mention.alpha2)
        rows.append(_row(document_id, "country", event_ref, role, mention.start, mention.end, ctx.text, sentence,
                         country_code=mention.alpha2))
    return rows


@lru_cache(maxsize=None)
def _participation_pattern(lang: str) -> re.Pattern[str] | None:
    cues = _roles(lang).get("participation_cues", [])
    return re.compile("|".join(re.escape(c) for c in cues), re.IGNORECASE) if cues else None


def _names_participants(sentence: str, lang: str) -> bool:
    pattern = _participation_pattern(lang)
    return pattern is None or bool(pattern.search(sentence))


# --- counts and money ---------------------------------------------------------------------------------------

def _agreement_count(ctx: _Context, document_id: str, event_ref: str) -> dict | None:
    candidates = [
        c for c in find_agreement_counts(ctx.text, ctx.lang)
        if c.signed and c.start >= ctx.title_end and c.sentence_start not in ctx.background_sentences
    ]
    if not candidates:
        return None
    general = [c for c in candidates if c.kind in AGREEMENT_KINDS] or candidates
    best = max(general, key=lambda c: (c.value, -c.start))
    return _row(document_id, "agreement_count", event_ref, "event", best.start, best.end, ctx.text,
                _sentence_of(ctx, best.start), count_value=int(best.value), count_kind=best.kind, qualifier=best.qualifier)


def _money(ctx: _Context, document_id: str, event_ref: str) -> list[dict]:
    mentions = find_money(ctx.text, ctx.lang)
    body_has_money = any(m.start >= ctx.title_end for m in mentions)
    ids = [_extraction_id(document_id, "money", m.start, m.end) for m in mentions]
    rows = []
    for index, mention in enumerate(mentions):
        is_deal = mention.is_deal
        reason = mention.not_deal_reason
        if mention.start < ctx.title_end and body_has_money:
            # a headline restates the article's figures, rounded
            is_deal, reason = False, "headline"
        restates = ids[mention.restates] if mention.restates is not None else None
        rows.append(_row(document_id, "money", event_ref, "deal" if is_deal else "not_deal", mention.start, mention.end,
                         ctx.text, _sentence_of(ctx, mention.start), amount=round(float(mention.amount), 2),
                         currency=mention.currency, qualifier=mention.qualifier, deal_status=mention.deal_status,
                         is_deal=is_deal, not_deal_reason=reason, part_of_total=bool(mention.part_of_total),
                         restates_extraction_id=restates))
    # a restatement of something that is not a deal is not a deal either
    by_id = {row["extraction_id"]: row for row in rows}
    for row in rows:
        original = by_id.get(row["restates_extraction_id"]) if row["restates_extraction_id"] else None
        if original is not None and not original["is_deal"]:
            row["is_deal"], row["role"], row["not_deal_reason"] = False, "not_deal", original["not_deal_reason"]
    return rows


# --- rows ------------------------------------------------------------------------------------------------

def _sentence_start(ctx: _Context, position: int) -> int:
    return _sentence_of(ctx, position).start


def _sentence_of(ctx: _Context, position: int) -> Sentence:
    for sentence in ctx.sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    line_start = ctx.text.rfind("\n", 0, position) + 1
    line_end = ctx.text.find("\n", position)
    line_end = len(ctx.text) if line_end == -1 else line_end
    return Sentence(line_start, line_end, ctx.text[line_start:line_end])


def _extraction_id(document_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{document_id}|{kind}|{start}|{end}".encode()).hexdigest()[:20]


_ROW_FIELDS = (
    "event_name", "event_type", "event_ordinal", "start_year", "start_month", "start_day", "end_year", "end_month",
    "end_day", "year_inferred", "city_id", "country_code", "count_value", "count_kind", "amount", "currency",
    "qualifier", "deal_status", "is_deal", "not_deal_reason", "part_of_total", "restates_extraction_id",
)


def _row(document_id: str, kind: str, event_ref: str | None, role: str | None, start: int, end: int, text: str,
         sentence: Sentence, **values) -> dict:
    row = {
        "extraction_id": _extraction_id(document_id, kind, start, end),
        "document_id": document_id,
        "extractor_version": EXTRACTOR_VERSION,
        "kind": kind,
        "event_ref": event_ref,
        "role": role,
        "surface": text[start:end],
        "start_offset": start,
        "end_offset": end,
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "attributes": json.dumps(values.pop("attributes", {}), ensure_ascii=False),
    }
    for name in _ROW_FIELDS:
        row[name] = values.get(name)
    return row
