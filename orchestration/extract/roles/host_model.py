"""Which named city hosts the event: a learned ranking over the candidates the rules of ``cities`` find.

The rules give a cascade (a locative in an event sentence, a venue's city, the city in the event's name, the
dateline, a locative anywhere, the city most named); each candidate city carries what every step saw, and a
logistic model trained on labelled articles scores it. The best candidate hosts the event when its score
clears the trained threshold; otherwise the text names no host. The weights live in ``models/host_cities.json``;
without that file the rules decide alone.
"""
from __future__ import annotations

import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from orchestration.extract.roles.context import Context, sentence_start
from orchestration.extract.roles.learned import MODELS, LogisticModel, trained_model

MODEL_PATH = MODELS / "host_cities.json"

FEATURES = (
    "rule_host", "rule_stated", "rule_venue", "rule_dateline", "rule_inferred", "locative_in_event",
    "locative", "venue_city", "name_city", "dateline", "in_title", "in_event_sentence", "in_lead", "mentions",
    "first_position", "log_population", "only_background", "elsewhere", "majority_country",
    "candidates", "lang_ru", "lang_en", "lang_ja", "lang_zh",
)

_LEAD_SENTENCES = 3


def load_host_model() -> LogisticModel | None:
    return trained_model(MODEL_PATH, FEATURES)


@dataclass
class HostCandidate:
    city: object
    mentions: list = field(default_factory=list)
    venue_city: bool = False
    name_city: bool = False
    dateline: bool = False


# the training script reads every candidate's features through this, not through the warehouse
_COLLECTED: ContextVar[list | None] = ContextVar("host_candidates", default=None)


@contextmanager
def collecting_host_candidates():
    """Within the block, every document's host candidates are appended to the yielded list as (city, features)."""
    collected: list = []
    token = _COLLECTED.set(collected)
    try:
        yield collected
    finally:
        _COLLECTED.reset(token)


def host_candidates(places: list, *, venue_cities: list, name_city, dateline_city, rule_host) -> list[HostCandidate]:
    """Every city that any step of the rules could make the host, with how the text names it."""
    by_city: dict[int, HostCandidate] = {}

    def candidate(city) -> HostCandidate:
        return by_city.setdefault(city.geonameid, HostCandidate(city))

    for place in places:
        candidate(place.city).mentions.append(place)
    for city in venue_cities:
        candidate(city).venue_city = True
    if name_city is not None:
        candidate(name_city).name_city = True
    if dateline_city is not None:
        candidate(dateline_city).dateline = True
    if rule_host is not None:
        candidate(rule_host)
    return list(by_city.values())


def host_features(ctx: Context, candidate: HostCandidate, *, rule_host, rule_method: str | None, is_locative,
                  is_elsewhere, majority_country: str | None, candidates: int) -> dict[str, float]:
    mentions = candidate.mentions
    sentences = [sentence_start(ctx, m.start) for m in mentions]
    lead = {s.start for s in ctx.sentences[:_LEAD_SENTENCES]}
    chosen = rule_host is not None and rule_host.geonameid == candidate.city.geonameid
    locative = [is_locative(ctx, m) for m in mentions]
    return {
        "rule_host": float(chosen),
        **{f"rule_{method}": float(chosen and rule_method == method)
           for method in ("stated", "venue", "dateline", "inferred")},
        "locative_in_event": float(any(loc and s in ctx.event_sentences for loc, s in zip(locative, sentences))),
        "locative": float(any(locative)),
        "venue_city": float(candidate.venue_city),
        "name_city": float(candidate.name_city),
        "dateline": float(candidate.dateline),
        "in_title": float(any(m.start < ctx.title_end for m in mentions)),
        "in_event_sentence": float(any(s in ctx.event_sentences for s in sentences)),
        "in_lead": float(any(s in lead for s in sentences)),
        "mentions": math.log1p(len(mentions)),
        "first_position": mentions[0].start / max(len(ctx.text), 1) if mentions else 1.0,
        "log_population": math.log10(1 + (candidate.city.population or 0)),
        "only_background": float(bool(sentences) and all(s in ctx.background_sentences for s in sentences)),
        "elsewhere": float(bool(mentions) and all(is_elsewhere(ctx, m) for m in mentions)),
        "majority_country": float(candidate.city.country_code == majority_country),
        "candidates": math.log1p(candidates),
        **{f"lang_{lang}": float(ctx.lang == lang) for lang in ("ru", "en", "ja", "zh")},
    }


def rank_host(ctx: Context, places: list, *, venue_cities: list, name_city, dateline_city, rule_host,
              rule_method: str | None, online: bool, is_locative, is_elsewhere):
    """The host the model prefers and how it was found (the rule's method where the model agrees, else
    "learned"); the rule's choice where no model is trained, and for an online event, whose host the rules of
    ``cities`` decide from its sides. Returns (city or None, method or None). The candidates are gathered only
    where a model or the training script reads them."""
    model = load_host_model()
    collected = _COLLECTED.get()
    if online or (model is None and collected is None):
        return rule_host, rule_method
    candidates = host_candidates(places, venue_cities=venue_cities, name_city=name_city, dateline_city=dateline_city,
                                 rule_host=rule_host)
    countries: dict[str, int] = {}
    for candidate in candidates:
        countries[candidate.city.country_code] = countries.get(candidate.city.country_code, 0) + len(candidate.mentions)
    majority = max(countries, key=countries.get) if countries else None
    scored = []
    for candidate in candidates:
        features = host_features(ctx, candidate, rule_host=rule_host, rule_method=rule_method,
                                 is_locative=is_locative, is_elsewhere=is_elsewhere, majority_country=majority,
                                 candidates=len(candidates))
        if collected is not None:
            collected.append((candidate.city, features))
        if model is not None:
            scored.append((model.probability(features), candidate.city))
    if model is None:
        return rule_host, rule_method
    if not scored:
        return None, None
    probability, best = max(scored, key=lambda pair: pair[0])
    if probability < model.threshold:
        return None, None
    return best, rule_method if rule_host is not None and best.geonameid == rule_host.geonameid else "learned"
