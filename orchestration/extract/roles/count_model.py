"""How many agreements the event brought: a learned ranking over the counts the counts extractor finds.

The rules take the largest signed count of the body (a list's sum where counts are coordinated, documents signed
one by one where no figure is given). Every count of the document carries what that rule saw and more (whether it
was signed, a running tally or a part of a total, where it stands, what it counts), and a logistic model trained
on labelled articles scores it; the best one is the event's count when it clears the trained threshold, else the
report states none. The weights live in ``models/agreement_counts.json``; without that file the rules decide.
"""
from __future__ import annotations

import math

from orchestration.extract.counts import KINDS, CountMention
from orchestration.extract.roles.context import Context, body_sentence_index
from orchestration.extract.roles.learned import MODELS, CandidateRanker

MODEL_PATH = MODELS / "agreement_counts.json"

# the model must be retrained (orchestration.evaluation.train_roles counts) whenever these change
FEATURES = (
    "rule_count", "signed", "running", "part_of_total", "list_sum", "one_by_one", "in_title", "in_event_sentence",
    "in_background", "sentence_index", "log_value", "largest", "repeated", "qualified", "candidates",
    *(f"kind_{kind}" for kind in KINDS), "lang_ru", "lang_en", "lang_ja", "lang_zh",
)

RANKER = CandidateRanker(MODEL_PATH, FEATURES, "count_candidates")


def count_features(ctx: Context, count: CountMention, pool: list[CountMention], *, rule_choice: CountMention | None,
                   list_sum: bool, one_by_one: bool) -> dict[str, float]:
    return {
        "rule_count": float(count is rule_choice),
        "signed": float(count.signed),
        "running": float(count.running),
        "part_of_total": float(count.part_of_total),
        "list_sum": float(list_sum),
        "one_by_one": float(one_by_one),
        "in_title": float(count.start < ctx.title_end),
        "in_event_sentence": float(count.sentence_start in ctx.event_sentences),
        "in_background": float(count.sentence_start in ctx.background_sentences),
        "sentence_index": math.log1p(body_sentence_index(ctx, count.sentence_start)),
        "log_value": math.log10(count.value),
        "largest": float(count.value == max(c.value for c in pool)),
        "repeated": math.log1p(sum(1 for c in pool if c.value == count.value) - 1),
        "qualified": float(count.qualifier != "exact"),
        "candidates": math.log1p(len(pool)),
        **{f"kind_{kind}": float(count.kind == kind) for kind in KINDS},
        **{f"lang_{lang}": float(ctx.lang == lang) for lang in ("ru", "en", "ja", "zh")},
    }
