"""Which date the event is held on: a learned ranking over the date mentions the rules of ``event_dates`` find.

The rules choose among the dates of the sentences about the event with a fixed order (a range, a day, an opening
or closing, a full date, the earliest). Every usable date mention of the document carries what that order saw
and more (where it stands, what its sentence says, how far it lies from the report's day), and a logistic model
trained on labelled articles scores it; the best one is the event's date when it clears the trained threshold.
The weights live in ``models/event_dates.json``; without that file the rules decide alone.
"""
from __future__ import annotations

import math
from datetime import date

from orchestration.extract.dates import DateMention
from orchestration.extract.roles.context import Context, body_sentence_index, lead_sentences
from orchestration.extract.roles.learned import MODELS, CandidateRanker

MODEL_PATH = MODELS / "event_dates.json"

# the model must be retrained (orchestration.evaluation.train_roles dates) whenever these change
FEATURES = (
    "rule_date", "rule_candidate", "in_event_sentence", "signing_sentence", "continuing", "other_event",
    "implausible_year", "is_range", "has_day", "has_month", "written_year", "cue_opening", "cue_closing",
    "bound_from", "bound_until", "sentence_cue", "relative", "weekday", "month_only", "future",
    "month_from_context", "in_title", "in_lead", "sentence_index", "order", "repeated", "occurrence_verb",
    "days_from_report", "after_report", "mentions", "lang_ru", "lang_en", "lang_ja", "lang_zh",
)


RANKER = CandidateRanker(MODEL_PATH, FEATURES, "date_candidates")


def date_features(ctx: Context, mention: DateMention, pool: list[DateMention], *, rule_choice: DateMention | None,
                  rule_candidates: list[DateMention], signing: bool, continuing: bool, other_event: bool,
                  implausible: bool, sentence_cue: str | None, occurrence_verb: bool,
                  reference: date | None) -> dict[str, float]:
    lead = {s.start for s in lead_sentences(ctx.sentences, ctx.title_end)}
    same_day = sum(1 for m in pool if (m.first.month, m.first.day) == (mention.first.month, mention.first.day))
    days = _days_from(mention, reference)
    return {
        "rule_date": float(mention is rule_choice),
        "rule_candidate": float(mention in rule_candidates),
        "in_event_sentence": float(mention.sentence_start in ctx.event_sentences),
        "signing_sentence": float(signing),
        "continuing": float(continuing),
        "other_event": float(other_event),
        "implausible_year": float(implausible),
        "is_range": float(mention.last is not None and mention.last != mention.first),
        "has_day": float(mention.first.day is not None),
        "has_month": float(mention.first.month is not None),
        "written_year": float(mention.first.year is not None and not mention.year_from_reference),
        "cue_opening": float(mention.cue == "opening"),
        "cue_closing": float(mention.cue == "closing"),
        "bound_from": float(mention.bound == "from"),
        "bound_until": float(mention.bound == "until"),
        "sentence_cue": float(sentence_cue is not None),
        "relative": float(mention.kind == "relative"),
        "weekday": float(mention.kind == "weekday"),
        "month_only": float(mention.kind == "month_only"),
        "future": float(mention.future),
        "month_from_context": float(mention.month_from_context),
        "in_title": float(mention.start < ctx.title_end),
        "in_lead": float(mention.sentence_start in lead),
        # the sentence's place, not the character's: a short text's one sentence is as early as a long one's lead
        "sentence_index": math.log1p(body_sentence_index(ctx, mention.sentence_start)),
        "order": math.log1p(pool.index(mention)),
        "repeated": math.log1p(same_day - 1),
        "occurrence_verb": float(occurrence_verb),
        "days_from_report": math.log1p(abs(days)) if days is not None else 0.0,
        "after_report": float(days is not None and days > 0),
        "mentions": math.log1p(len(pool)),
        **{f"lang_{lang}": float(ctx.lang == lang) for lang in ("ru", "en", "ja", "zh")},
    }


def _days_from(mention: DateMention, reference: date | None) -> int | None:
    if reference is None:
        return None
    day = mention.first.to_date()
    return (day - reference).days if day is not None else None
