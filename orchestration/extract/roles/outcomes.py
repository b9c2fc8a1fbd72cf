"""The event's outcomes: the number of agreements signed and the amounts that are deals.

The number of agreements is the largest count of signed agreements, contracts, projects, documents, deals or
memoranda stated in the body, a part of a larger count ("including 14 contracts") never being one unless the larger
count was not signed ("350 talks, of which 62 ended in contracts") (the headline only when the body states none), general cooperation agreements
preferred to sister-city ones; coordinated counts in one clause are added up when they count the same kind of
thing ("3 pairs of sister towns and 2 pairs of sister counties" is 5, "友好城市协议3份、友好省州协议2份" is 5, "3 соглашения и 2
меморандума" are 5 documents). Which counts are results of the event
at all - not running totals, earlier editions, plans, or counts of participants - is the counts extractor's
decision, made on the count's own clause.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from orchestration.extract.counts import CountMention, find_agreement_counts, singular_signings
from orchestration.extract.lexicons import lexicon
from orchestration.extract.money import find_money
from orchestration.extract.numbers import CJK_LANGS
from orchestration.extract.roles import count_model
from orchestration.extract.roles.context import (
    Context,
    extraction_id,
    make_row,
    sentence_of,
)

AGREEMENT_KINDS = {"agreements", "contracts", "projects", "documents", "deals", "memoranda"}
# what a headline's bare tally counts as signed: documents, not projects or deals (個別商談2477件 are talks held)
_TALLIED_KINDS = {"agreements", "contracts", "documents", "memoranda"}

# Between two coordinated counts: the rest of the first noun phrase, then a comma or a conjunction.
_COORDINATOR_END = re.compile(r"(?:,|\s(?:and|и|а также))\s*$", re.IGNORECASE)
_CJK_COORDINATOR = re.compile(r"[、和及与と]")
_BOUNDARY = re.compile(r"[.;:!?。；：！？\n]")
_WORDS = re.compile(r"[^\W\d_]+")
_MAX_GAP_WORDS, _MAX_GAP_CJK = 5, 14


# documents signed are counted together ("3 соглашения и 2 меморандума" are 5 documents); projects, deals and
# sister-city ties each only with their own kind
_DOCUMENT_KINDS = {"agreements", "contracts", "documents", "memoranda"}


def _family(kind: str) -> str:
    return "documents" if kind in _DOCUMENT_KINDS else kind


def _coordinated(text: str, first: CountMention, second: CountMention, lang: str) -> bool:
    """``second`` continues a list begun by ``first``: same sentence, same kind, and between them only the rest of
    the first noun phrase and a comma or a conjunction."""
    if first.sentence_start != second.sentence_start or _family(first.kind) != _family(second.kind):
        return False
    if first.part_of_total or second.part_of_total:
        return False
    gap = text[first.end:second.start]
    if _BOUNDARY.search(gap):
        return False
    if re.search(r"\d", gap):
        # another number between them ("205 in one year, 356 in the next") frames each count differently
        return False
    if lang in CJK_LANGS:
        # the noun may come before the number ("协议3份、协议2份") or after it ("3件の協定と2件の協定")
        return len(gap) <= _MAX_GAP_CJK and _CJK_COORDINATOR.search(gap) is not None
    return _COORDINATOR_END.search(gap) is not None and len(_WORDS.findall(gap)) <= _MAX_GAP_WORDS


def _with_lists_added(text: str, counts: list[CountMention], lang: str) -> list[CountMention]:
    """Each count, and for each list of coordinated counts one more count: their sum."""
    out = list(counts)
    run: list[CountMention] = []
    for count in sorted(counts, key=lambda c: c.start) + [None]:
        if count is not None and run and _coordinated(text, run[-1], count, lang):
            run.append(count)
            continue
        if len(run) > 1:
            qualifiers = {c.qualifier for c in run}
            kinds = {c.kind for c in run}
            out.append(replace(run[0], end=run[-1].end, value=sum(c.value for c in run),
                               kind=kinds.pop() if len(kinds) == 1 else "documents",
                               qualifier=qualifiers.pop() if len(qualifiers) == 1 else "exact"))
        run = [count] if count is not None else []
    return out


def agreement_count_row(ctx: Context, document_id: str, event_ref: str) -> dict | None:
    # what a sentence of another year counts was signed then, not at the event
    counts = [c for c in find_agreement_counts(ctx.text, ctx.lang) if c.sentence_start not in ctx.other_year_sentences]
    # what one party or one day signed is a share of a whole the report does not give
    found = [c for c in counts if not c.share]
    best, one_by_one = _rule_count(ctx, found)
    if best is not None and best is one_by_one and len(found) < len(counts):
        best = one_by_one = None  # a report that counts shares signs in the plural, not document by document
    if count_model.RANKER.wanted():
        decided, learned = count_model.RANKER.rank(_scored_counts(ctx, found, best, one_by_one), best)
        best = learned if decided else best
    if best is None:
        return None
    return make_row(document_id, "agreement_count", event_ref, "event", best.start, best.end, ctx.text,
                    sentence_of(ctx, best.start), count_value=int(best.value), count_kind=best.kind,
                    qualifier=best.qualifier)


def _rule_count(ctx: Context, found: list[CountMention]) -> tuple[CountMention | None, CountMention | None]:
    """The rules' count of the event, and the count of documents signed one by one where the text gives one."""
    signed = [c for c in found if c.signed and not c.running and (not c.part_of_total or _signed_part(c, found))]
    if not signed:
        # a tally "so far" is the event's when the report states no other count and the tally's sentence is
        # about the event ("к настоящему времени на форуме подписано 40 соглашений")
        signed = [c for c in found if c.signed and not c.part_of_total and c.running
                  and c.sentence_start in ctx.event_sentences]
    if not signed:
        # "其中，…；达成签约意向26项": a part marker that opens a list of the event's outcomes, with no whole
        # counted anywhere, leaves the listed count the event's
        signed = [c for c in found if c.signed and c.part_of_total and not c.running
                  and not any(w.kind in AGREEMENT_KINDS and not w.part_of_total for w in found)
                  and not _vague_whole_before(ctx, c)]
    body = [c for c in signed if c.start >= ctx.title_end]
    candidates = _with_lists_added(ctx.text, body or signed, ctx.lang)
    one_by_one = _one_by_one(ctx) if not candidates else None
    if not candidates and one_by_one is None:
        # a headline tallies the event's outcome without a verb ("Forum ends with 45 agreements", «Итоги форума:
        # 45 соглашений», 论坛成果丰硕:45项合作协议, フォーラム閉幕 協定45件) where the report counts nothing else
        headline = [c for c in found if c.start < ctx.title_end and c.kind in _TALLIED_KINDS and not c.running
                    and not c.part_of_total and c.sentence_start in ctx.event_sentences]
        if headline:
            return max(headline, key=lambda c: (c.value, -c.start)), None
    if not candidates:
        # no count at all: documents signed one by one, each document word once ("signed an agreement ... the
        # agreement provides"; "an agreement and a protocol" are 2)
        return one_by_one, one_by_one
    general = [c for c in candidates if c.kind in AGREEMENT_KINDS] or candidates
    best = max(general, key=lambda c: (c.value, -c.start))
    return _with_the_others(ctx, best), one_by_one


# how far before a count a word that makes it "more" or "other" may stand ("inked five other agreements")
_ADDITIONAL_REACH, _ADDITIONAL_REACH_CJK = 24, 10
# how far after its number a count's noun may stand ("five other cooperation agreements")
_NOUN_REACH = 60


def _with_the_others(ctx: Context, count: CountMention) -> CountMention:
    """"Aside from the MoU between the governments, partners inked five other agreements": a count of other or
    more documents adds to those signed one by one elsewhere in the report."""
    pattern = _counts_words_pattern(ctx.lang, "additional")
    if pattern is None:
        return count
    reach = _ADDITIONAL_REACH_CJK if ctx.lang in CJK_LANGS else _ADDITIONAL_REACH
    window_start = max(count.sentence_start, count.start - reach)
    noun_at = ctx.text.find(count.noun, count.end, count.end + _NOUN_REACH) if count.noun else -1
    blank_end = noun_at + len(count.noun) if noun_at >= 0 else count.end
    # before the number ("ещё пять", "さらに5件"), between it and its noun ("five other agreements"), or a field
    # named right after the noun ("eight agreements in other areas")
    after = _counts_words_pattern(ctx.lang, "additional_after", anchored=True)
    if not pattern.search(ctx.text, window_start, count.start) and not pattern.search(ctx.text, count.end, blank_end) \
            and not (after is not None and after.match(ctx.text, blank_end)):
        return count
    # the count's own documents are not signed one by one: blank them out before looking for those that are
    # (in Japanese and Chinese the noun may stand before the number: その他の分野の協定6件)
    blank_start = count.start
    if noun_at < 0 and count.noun:
        noun_before = ctx.text.rfind(count.noun, max(count.sentence_start, count.start - len(count.noun) - 4), count.start)
        blank_start = noun_before if noun_before >= 0 else count.start
    text = ctx.text[:blank_start] + " " * (blank_end - blank_start) + ctx.text[blank_end:]
    singles = _distinct_documents({c.noun for c in _signed_at_the_event(ctx, text)})
    return replace(count, value=count.value + len(singles)) if singles else count


@lru_cache(maxsize=None)
def _counts_words_pattern(lang: str, key: str, anchored: bool = False) -> re.Pattern[str] | None:
    """The words of a list of the counts lexicon (``vague``, ``additional``), whole words in Russian and English;
    an ``anchored`` list is matched where a count's noun ends, after any white space."""
    words = lexicon(lang, "counts").get(key) or []
    if not words:
        return None
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    if anchored:
        return re.compile(rf"\s*(?:{body})(?!\w)", re.IGNORECASE)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if lang in ("en", "ru") else f"(?:{body})", re.IGNORECASE)


def _vague_whole_before(ctx: Context, part: CountMention) -> bool:
    """"Dozens of deals were signed, including 14 contracts": the whole is given, only not as a number."""
    pattern = _counts_words_pattern(ctx.lang, "vague")
    return pattern is not None and bool(pattern.search(ctx.text, part.sentence_start, part.start))


def _one_by_one(ctx: Context) -> CountMention | None:
    singles = _signed_at_the_event(ctx, ctx.text)
    singles = [c for c in singles if c.start >= ctx.title_end] or singles
    if not singles:
        return None
    counted = [c for c in singles if c.value > 1]
    if counted:  # documents signed with each of a counted number of parties ("with three universities")
        return counted[0]
    return replace(singles[0], value=len(_distinct_documents({c.noun for c in singles})), qualifier="exact")


def _signed_at_the_event(ctx: Context, text: str) -> list[CountMention]:
    """The documents ``text`` signs one by one, but for those of sentences about earlier years or other times."""
    return [c for c in singular_signings(text, ctx.lang) if c.sentence_start not in ctx.background_sentences
            and c.sentence_start not in ctx.other_year_named_sentences]


def _distinct_documents(nouns: set[str]) -> set[str]:
    """The documents signed one by one, by noun ("memorandum") or by noun and title ("memorandum:…"): a noun
    without its title names one of the titled documents of that noun ("両市長が「…に関する覚書」に調印した" and, in the
    caption, "覚書に調印した両市長"), not one more."""
    # a quotation that holds a clause is somebody's words about the document, which stays the bare noun
    nouns = {noun.split(":", 1)[0] if ":" in noun and _QUOTED_SPEECH.search(noun) else noun for noun in nouns}
    titled = {noun.split(":", 1)[0] for noun in nouns if ":" in noun}
    return {noun for noun in nouns if ":" in noun or noun not in titled}


# a quotation that holds a clause is somebody's words, not a document's name
_QUOTED_SPEECH = re.compile(r"[。，,；;！？!?]")


def _scored_counts(ctx: Context, found: list[CountMention], rule_choice: CountMention | None,
                   one_by_one: CountMention | None) -> list[tuple[CountMention, dict[str, float]]]:
    """Every count of the document, each list's sum and the documents signed one by one, with what the rules
    know of each, for the learned ranking."""
    pool = _with_lists_added(ctx.text, found, ctx.lang)
    if one_by_one is not None:
        pool.append(one_by_one)
    if rule_choice is not None and rule_choice not in pool:
        pool.append(rule_choice)
    sums = pool[len(found):]
    return [(count, count_model.count_features(ctx, count, pool, rule_choice=rule_choice,
                                               list_sum=count in sums and count is not one_by_one,
                                               one_by_one=count is one_by_one)) for count in pool]


def _signed_part(part: CountMention, found: list[CountMention]) -> bool:
    """"350 talks were held, of which 62 ended in contracts": a signed part of a count that was not signed is
    the count of what was signed."""
    wholes = [c for c in found if c.sentence_start == part.sentence_start and c.start < part.start
              and not c.part_of_total]
    return bool(wholes) and not any(c.signed for c in wholes)


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
        elif is_deal and mention.sentence_start in ctx.other_year_sentences:
            # "In 2021, deals worth $3 billion were signed"
            is_deal, reason = False, "other_year"
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
