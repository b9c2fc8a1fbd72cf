"""The event's outcomes: the number of agreements signed and the amounts that are deals."""
from __future__ import annotations

from orchestration.extract.counts import find_agreement_counts
from orchestration.extract.money import find_money
from orchestration.extract.roles.context import (
    Context,
    extraction_id,
    make_row,
    sentence_of,
)

AGREEMENT_KINDS = {"agreements", "contracts", "projects", "documents", "deals", "memoranda"}


def agreement_count_row(ctx: Context, document_id: str, event_ref: str) -> dict | None:
    candidates = [
        c for c in find_agreement_counts(ctx.text, ctx.lang)
        if c.signed and c.start >= ctx.title_end and c.sentence_start not in ctx.background_sentences
    ]
    if not candidates:
        return None
    general = [c for c in candidates if c.kind in AGREEMENT_KINDS] or candidates
    best = max(general, key=lambda c: (c.value, -c.start))
    return make_row(document_id, "agreement_count", event_ref, "event", best.start, best.end, ctx.text,
                sentence_of(ctx, best.start), count_value=int(best.value), count_kind=best.kind, qualifier=best.qualifier)


def money_rows(ctx: Context, document_id: str, event_ref: str) -> list[dict]:
    mentions = find_money(ctx.text, ctx.lang)
    body_has_money = any(m.start >= ctx.title_end for m in mentions)
    ids = [extraction_id(document_id, "money", m.start, m.end) for m in mentions]
    rows = []
    for index, mention in enumerate(mentions):
        is_deal = mention.is_deal
        reason = mention.not_deal_reason
        if mention.start < ctx.title_end and body_has_money:
            # a headline restates the article's figures, rounded
            is_deal, reason = False, "headline"
        restates = ids[mention.restates] if mention.restates is not None else None
        rows.append(make_row(document_id, "money", event_ref, "deal" if is_deal else "not_deal", mention.start, mention.end,
                         ctx.text, sentence_of(ctx, mention.start), amount=round(float(mention.amount), 2),
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
