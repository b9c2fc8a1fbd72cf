"""Is the document a report of a cooperation event, and which of the events it names is the one it reports."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from orchestration.extract import russian
from orchestration.extract.counts import tells_a_plan
from orchestration.extract.events import EventMention, event_type_of, twin_town_pattern
from orchestration.extract.lexicons import lexicon
from orchestration.extract.places import find_places
from orchestration.extract.numbers import CJK_LANGS
from orchestration.extract.wordlists import patterns_any
from orchestration.extract.roles.context import cue_pattern, lead_sentences
from orchestration.extract.text import Sentence, sentence_at


def has_cooperation_cue(text: str, lang: str) -> bool:
    pattern = cue_pattern(lang, "cooperation_cues")
    return bool(pattern and pattern.search(text))


def names_several_nations(text: str, lang: str) -> bool:
    """Cities or countries of two nations or more: people of one place meeting another's is international
    cooperation, whatever words the report chooses ("guests from Almaty at a fair in Urumqi")."""
    from orchestration.extract.countries import find_countries
    nations = {m.alpha2 for m in find_countries(text, lang) if not m.inside_name}
    for place in find_places(text, lang):
        if place.inside_name:
            continue
        if place.kind == "city" and place.city is not None:
            nations.add(place.city.country_code)
        elif place.region_code:  # «губернатор Приморья»: a province is its country's side
            nations.add(place.region_code[:2])
    return len(nations) >= 2


def names_countries(event_name: str, lang: str) -> bool:
    """"China-South Asia Expo", «ЭКСПО "Китай-Евразия"»: an event named after countries or world regions is
    international cooperation by its name, as is one named by two countries' abbreviations (日露知事会議, 中俄省长论坛)."""
    from orchestration.extract.countries import find_countries
    return any(p.kind in ("country", "macro_region") for p in find_places(event_name, lang)) \
        or len({m.alpha2 for m in find_countries(event_name, lang)}) >= 2


def is_generic(event: EventMention, lang: str, text: str) -> bool:
    """An event named by a bare generic noun ("the meeting", «переговоры»): no name, no edition; or one of an
    indefinite number ("after several business forums", «в нескольких форумах», 複数のフォーラム, 多个论坛)."""
    generic = lexicon(lang, "events").get("generic_event_names", [])
    if event.ordinal is None and event.name.strip().lower() in generic:
        return True
    patterns = _indefinite_quantifier(lang)
    if patterns is None or event.ordinal is not None:
        return False
    opening, before = patterns
    return bool(opening.match(event.name) or before.search(text, max(0, event.name_start - 12), event.name_start))


@lru_cache(maxsize=None)
def _indefinite_quantifier(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """A quantifier that opens an event's name, and one that stands right before it."""
    words = cue_pattern(lang, "indefinite_quantifiers")
    if words is None:
        return None
    if lang in ("ru", "en"):
        return (re.compile(rf"(?:{words.pattern})(?=\s)", re.IGNORECASE),
                re.compile(rf"(?<!\w)(?:{words.pattern})\s*$", re.IGNORECASE))
    return re.compile(f"(?:{words.pattern})"), re.compile(f"(?:{words.pattern})$")


def names_twin_towns(lead: str, lang: str) -> bool:
    """The lead speaks of twin towns («делегация города-побратима», 姉妹都市): a meeting between them is a
    sister-city meeting, a cooperation event even with nothing signed."""
    pattern = twin_town_pattern(lang)
    return bool(pattern and pattern.search(lead))


def is_not_a_report(title: str, lang: str) -> bool:
    """Opinion columns, price lists and the like name events without reporting one."""
    pattern = cue_pattern(lang, "non_report_titles")
    return bool(pattern and pattern.match(title.strip()))


# the pipeline, the event's date and the cities' roles each ask of the same sentences
@lru_cache(maxsize=4096)
def has_occurrence_verb(sentence: str, lang: str) -> bool:
    pattern = cue_pattern(lang, "occurrence_verbs")
    return bool(pattern and pattern.search(sentence))


@lru_cache(maxsize=4096)
def is_background(sentence: str, lang: str) -> bool:
    asides = _comparison_aside_pattern(lang)
    pattern = cue_pattern(lang, "background_cues")
    if pattern and pattern.search(asides.sub(" ", sentence) if asides else sentence):
        return True
    history = _series_history_pattern(lang)
    if history and history.search(sentence):
        return True
    ties = _standing_ties_pattern(lang)
    if ties and ties.search(sentence):
        return True
    edition = _next_edition_pattern(lang)
    return bool(edition and edition.search(sentence))


@lru_cache(maxsize=None)
def _comparison_aside_pattern(lang: str) -> re.Pattern[str] | None:
    """"成約額は前回比23％増", "up 20% from last year": the figure is this edition's, the earlier one only its
    measure, so the words of the earlier edition in the comparison make no background."""
    return patterns_any(lexicon(lang, "events").get("comparison_asides", []))


@lru_cache(maxsize=None)
def _series_history_pattern(lang: str) -> re.Pattern[str] | None:
    return patterns_any(lexicon(lang, "events").get("series_history", []))


@lru_cache(maxsize=None)
def _standing_ties_pattern(lang: str) -> re.Pattern[str] | None:
    return patterns_any(lexicon(lang, "events").get("standing_ties", []))


# a series' name between "next" and its event noun: capitalised words, a year, brackets ("the next (2027) Asian
# Cities Forum"); a lower-case word ends it, so "the next day the forum opened" stays a report's sentence
_NAME_WORDS = 6


@lru_cache(maxsize=None)
def _next_edition_pattern(lang: str) -> re.Pattern[str] | None:
    """"the next … Forum": an event noun after a word of the next edition and at most a name between."""
    words = lexicon(lang, "events").get("next_edition_words", [])
    if not words:
        return None
    nouns = sorted(lexicon(lang, "events")["event_nouns"], key=len, reverse=True)
    return re.compile(
        rf"\b(?i:{'|'.join(map(re.escape, words))})(?:\s+[(\dA-ZÀ-Þ][\w'’.()-]*){{0,{_NAME_WORDS}}}\s+"
        rf"(?i:{'|'.join(map(re.escape, nouns))})\b"
    )


def main_event(events: list[EventMention], text: str, title_end: int, sentences: tuple[Sentence, ...],
                lang: str, history: frozenset[int] = frozenset()) -> EventMention:
    """The event the document is about: named specifically (ordinal, capitals, quotes), early, and often; not one
    told as background or in a sentence of ``history`` (the starts of sentences dated years before the report)."""
    type_frequency: dict[str, int] = {}
    for event in events:
        type_frequency[event.event_type] = type_frequency.get(event.event_type, 0) + 1
    early = {s.start for s in lead_sentences(sentences, title_end)}

    def score(event: EventMention) -> float:
        # repetition says which event the text is about, but "конференции" five times must not outvote the
        # headline and the edition number
        value = min(type_frequency[event.event_type], 3)
        if event.start < title_end:
            value += 4
        sentence = sentence_at(sentences, event.start)
        if sentence and sentence.start in early:
            value += 3
        if event.ordinal:
            value += 3
        if _told_as_held(event, text, lang):
            value += 2
        if sentence and (is_background(sentence.text, lang) or sentence.start in history):
            value -= 4
        if sentence and _a_later_edition_to_come(event, events, sentence.text, lang):
            value -= 4
        specific = len(event.name) - (event.end - event.start)
        value += min(specific, 40) / 10
        value -= event.start / max(len(text), 1)  # earlier wins ties
        return value

    best = _first_of_joint_events(_parent_event(max(events, key=score), events, text), lang)
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


def _a_later_edition_to_come(event: EventMention, events: list[EventMention], sentence: str, lang: str) -> bool:
    """"第2回会議を金沢市で開催することとなりました" in the report of the 1st: an edition after one the text names, in a
    sentence that announces it, is the series' next, not the report's."""
    if not event.ordinal or not any(other.ordinal and other.ordinal < event.ordinal for other in events):
        return False
    return tells_a_plan(sentence, lang) or (lang == "ru" and russian.has_future_verb(sentence))


# how far after its noun the verb that says an event took place may stand, in its clause ("調印式が長春で挙行され",
# "the forum was held in Kazan"): an occasion named only in passing ("at the April summit, trust grew") has none
_HELD_REACH, _HELD_REACH_CJK = 40, 24
_CLAUSE_BREAK = re.compile(r"[.;!?\n]")
_CLAUSE_BREAK_CJK = re.compile(r"[、。，,；;！？\n]")


def _told_as_held(event: EventMention, text: str, lang: str) -> bool:
    cjk = lang in CJK_LANGS
    window = text[event.end:event.end + (_HELD_REACH_CJK if cjk else _HELD_REACH)]
    if (stop := (_CLAUSE_BREAK_CJK if cjk else _CLAUSE_BREAK).search(window)) is not None:
        window = window[:stop.start()]
    return has_occurrence_verb(window, lang)


def _first_of_joint_events(event: EventMention, lang: str) -> EventMention:
    """"…投资贸易博览会暨…合作论坛": two events held together under one name; the first names the event's kind."""
    for conjunction in lexicon(lang, "events").get("joint_event_conjunctions", []):
        first = event.name.split(conjunction, 1)[0]
        if first != event.name:
            kind = event_type_of(first, lang)
            if kind != "other" and kind != event.event_type:
                return replace(event, event_type=kind)
    return event


# an event held as part of a larger one that its name names first
_PART_TYPES = ("signing",)


def _parent_event(best: EventMention, events: list[EventMention], text: str) -> EventMention:
    """"第十一届东北亚博览会项目签约仪式", "第5回博覧会の調印式", «подписание соглашений Восточного форума»: a signing
    whose name holds the edition of a larger event is a part of that event, which the report is about."""
    if best.event_type not in _PART_TYPES:
        return best
    for event in events:
        if event.event_type not in _PART_TYPES and event.ordinal and best.name_start <= event.start < best.name_end:
            return EventMention(event.start, event.end, best.name_start, event.end,
                                text[best.name_start:event.end].strip(), event.event_type, event.ordinal)
    return best

