"""Money amounts in news reports and whether each is the value of deals concluded at an event.

``find_money`` returns every amount with a currency ("свыше 170 млрд юаней", "US$3 million", "1077億5000万元",
"670亿元"), in full units, with its qualifier, and decides:

* whether it is a deal (contract/agreement/investment value) or something else - an exchange rate, trade
  turnover, GDP, prize money, a price, a salary, a budget, a size threshold ("10億元以上のプロジェクト"), a figure
  of a previous edition or a period statistic - with the reason;
* the deal status: ``signed``; ``intended`` for intentions and letters of intent; ``expected`` for forecasts.
  An amount of "projects with declared cooperation intent" (提携の意向が示されたプロジェクトの契約額, 意向签约额)
  is a deal reached at the event, hence ``is_deal`` with status ``intended`` - the gold files count it as a deal;
* restatements: the same amount in a second currency right after the first ("20 млн юаней /около 3 млн долл.
  США/", "X元(約Y円)"), and the same amount said again (within 1 %, or a headline rounding of it: "39 bln USD"
  for "39.66 billion U.S. dollars") point to one mention, the most precise body mention, via ``restates``;
* ``part_of_total``: an amount that is a part of a larger deal stated before it ("このうち", "其中", "в том числе",
  "accounting for 19 percent of the total").

Context words are data, in the ``money`` lexicon of each language.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from orchestration.extract.lexicons import lexicon
from orchestration.extract.numbers import (
    CJK_LANGS,
    NumberToken,
    literal_alternation,
    qualifier_after,
    qualifier_before,
    scan_numbers,
    significant_digits,
)
from orchestration.extract.text import Sentence, split_sentences

# Rough value of one unit in US dollars. Used only to check that a parenthesised second amount is plausibly the
# same sum in another currency (rates drift over the years, hence the wide tolerance); conversion proper is the
# pipeline's job, at ECB rates.
APPROX_USD_PER_UNIT = {
    "USD": 1.0, "CNY": 0.14, "JPY": 0.0075, "EUR": 1.1, "GBP": 1.27, "RUB": 0.013, "KZT": 0.0021, "KRW": 0.00078,
    "HKD": 0.128, "TWD": 0.032, "SGD": 0.74, "AUD": 0.67, "CAD": 0.74, "INR": 0.012, "BYN": 0.31, "KGS": 0.0115,
    "UZS": 0.00008, "TJS": 0.092, "TMT": 0.285, "GEL": 0.37, "AMD": 0.0026, "UAH": 0.026, "MOP": 0.124,
    "THB": 0.028, "VND": 0.00004, "MYR": 0.22,
}
_PLAUSIBLE_RATIO = 4.0
_UNIVERSAL_CONNECTORS = [r"[(（\[]", r"/", r"[(（]\s*(?:or|или|即|約|约)"]
_CLAUSE_END = re.compile(r"[,;，；。、!?！？]|\s[—–-]\s|\n")


@dataclass
class MoneyMention:
    start: int
    end: int
    text: str
    amount: float
    currency: str
    qualifier: str
    is_deal: bool
    not_deal_reason: str | None
    deal_status: str
    restates: int | None
    part_of_total: bool
    sentence_start: int
    sentence_end: int


@dataclass
class _Draft:
    token: NumberToken
    start: int
    end: int
    amount: float
    currency: str
    qualifier: str | None
    qualifier_start: int
    sentence: Sentence
    headline: bool
    is_deal: bool = True
    reason: str | None = None
    status: str = "signed"
    part: bool = False
    pair_lead: int | None = None  # index of the mention this one restates in another currency
    has_restatement: bool = False


# ---------------------------------------------------------------------------------------------- lexicon


def _regex(patterns: list[str] | None, flags: int) -> re.Pattern | None:
    patterns = [p for p in patterns or [] if p]
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None


@dataclass
class _MoneyLexicon:
    pre_currency: re.Pattern
    post_currency: re.Pattern
    currency_of: dict[str, str]
    deal_cues: re.Pattern | None
    scope: list[tuple[str, re.Pattern]]
    topic: list[tuple[str, re.Pattern]]
    change_before: re.Pattern | None
    threshold_after: re.Pattern | None
    threshold_before: re.Pattern | None
    intended: re.Pattern | None
    expected: re.Pattern | None
    part_before: re.Pattern | None
    part_anywhere: re.Pattern | None
    connectors: re.Pattern
    comparison: re.Pattern | None


@lru_cache(maxsize=None)
def _money_lexicon(lang: str) -> _MoneyLexicon:
    lex: dict[str, Any] = lexicon(lang, "money")
    flags = re.IGNORECASE
    currencies = lex.get("currencies") or {}
    pre = currencies.get("pre") or {}
    post = currencies.get("post") or {}
    currency_of = {f"pre:{k.lower()}": v for k, v in pre.items()}
    currency_of.update({f"post:{k.lower()}": v for k, v in post.items()})
    cjk = lang in CJK_LANGS
    # a currency code written in letters must not be the end of a longer word ("CNY" in "ACNY")
    boundary = "" if cjk else r"(?<![^\W\d_])"
    pre_currency = re.compile(rf"{boundary}(?P<cur>{literal_alternation(list(pre), whole_word=False)})\s{{0,2}}$",
                              0 if cjk else flags)
    post_currency = re.compile(rf"[ \u00a0]{{0,2}}(?P<cur>{literal_alternation(list(post), whole_word=not cjk)})",
                               0 if cjk else flags)
    not_deal = lex.get("not_deal") or {}
    scope = [(reason, rx) for reason, patterns in (not_deal.get("scope") or {}).items()
             if (rx := _regex(patterns, flags)) is not None]
    topic = [(reason, rx) for reason, patterns in (not_deal.get("topic") or {}).items()
             if (rx := _regex(patterns, flags)) is not None]
    status = lex.get("status") or {}
    part = lex.get("part_of_total") or {}
    connectors = _UNIVERSAL_CONNECTORS + list(lex.get("restatement_connectors") or [])
    return _MoneyLexicon(
        pre_currency=pre_currency,
        post_currency=post_currency,
        currency_of=currency_of,
        deal_cues=_regex(lex.get("deal_cues"), flags),
        scope=scope,
        topic=topic,
        change_before=_regex([f"(?:{p})\\s*$" if not p.endswith("$") else p for p in lex.get("change_before") or []], flags),
        threshold_after=_regex(lex.get("threshold_after"), flags),
        threshold_before=_regex(lex.get("threshold_before"), flags),
        intended=_regex(status.get("intended"), flags),
        expected=_regex(status.get("expected"), flags),
        part_before=_regex(part.get("before"), flags),
        part_anywhere=_regex(part.get("anywhere"), flags),
        connectors=re.compile(rf"\s*(?:{'|'.join(f'(?:{c})' for c in connectors)})\s*", flags),
        comparison=_regex(lex.get("comparison"), flags),
    )


# -------------------------------------------------------------------------------------------- detection


def _headline_ranges(text: str) -> list[tuple[int, int]]:
    """The title lines at the top of a page: short lines that do not end like a sentence."""
    ranges, pos, seen = [], 0, 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            seen += 1
            if len(stripped) > 160 or seen > 6:
                break
            if not stripped.endswith((".", "。", "!", "?", "！", "？", ":", "：", ";")):
                ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def _sentence_at(sentences: list[Sentence], starts: list[int], position: int) -> Sentence:
    i = bisect_right(starts, position) - 1
    if i >= 0 and sentences[i].start <= position < sentences[i].end:
        return sentences[i]
    return Sentence(position, position, "") if not sentences else sentences[max(i, 0)]


def _currency_around(text: str, token: NumberToken, lx: _MoneyLexicon):
    """(currency, mention start, mention end) when a currency is written before or after the number."""
    start, end, currency = token.start, token.end, None
    pre = lx.pre_currency.search(text, max(0, token.start - 12), token.start)
    if pre:
        currency = lx.currency_of.get(f"pre:{pre.group('cur').lower()}")
        start = pre.start("cur")
    post = lx.post_currency.match(text, token.end)
    if post:
        post_currency = lx.currency_of.get(f"post:{post.group('cur').lower()}")
        if currency is None or currency == "USD" and pre.group("cur") == "$":
            currency = post_currency or currency
        end = post.end("cur")
    return currency, start, end


def _nearest_cue(before: str, after: str, lx: _MoneyLexicon) -> tuple[str, str | None] | None:
    """The deal word or non-deal topic word nearest to the amount: ("deal", None) or ("topic", reason)."""
    best: tuple[int, str, str | None] | None = None
    candidates: list[tuple[re.Pattern, str, str | None]] = []
    if lx.deal_cues is not None:
        candidates.append((lx.deal_cues, "deal", None))
    candidates += [(rx, "topic", reason) for reason, rx in lx.topic]
    for rx, kind, reason in candidates:
        for m in rx.finditer(before):
            distance = len(before) - m.end()
            if best is None or distance < best[0] or (distance == best[0] and kind == "topic"):
                best = (distance, kind, reason)
        m = rx.search(after)
        if m is not None:
            distance = m.start()
            if best is None or distance < best[0]:
                best = (distance, kind, reason)
    return (best[1], best[2]) if best else None


def _scope_cue(rx: re.Pattern, window: str, lx: _MoneyLexicon) -> bool:
    """A scope word ("в прошлом году", "上届") that is not the term of a comparison ("больше, чем в прошлом
    году", "较上届增长"): only then does it say the amount belongs to another year or edition."""
    for m in rx.finditer(window):
        if lx.comparison is None:
            return True
        if not (lx.comparison.search(window, max(0, m.start() - 15), m.start())
                or lx.comparison.match(window, m.end(), m.end() + 8)):
            return True
    return False


def _plausible_restatement(a: _Draft, b: _Draft) -> bool:
    if a.currency == b.currency or a.amount <= 0 or b.amount <= 0:
        return False
    rate_a, rate_b = APPROX_USD_PER_UNIT.get(a.currency), APPROX_USD_PER_UNIT.get(b.currency)
    if rate_a is None or rate_b is None:
        return True
    ratio = (a.amount * rate_a) / (b.amount * rate_b)
    return 1 / _PLAUSIBLE_RATIO <= ratio <= _PLAUSIBLE_RATIO


def _same_amount(a: _Draft, b: _Draft) -> bool:
    """One is a repetition of the other: within 1 %, or a headline rounding of it ("39 bln" for 39.66 bn,
    "超1000億" for 1077億5000万)."""
    if a.currency != b.currency or a.amount <= 0 or b.amount <= 0:
        return False
    if abs(a.amount - b.amount) <= 0.01 * max(a.amount, b.amount):
        return True
    for rough, precise in ((a, b), (b, a)):
        if not rough.headline or precise.headline:
            continue
        if significant_digits(rough.amount) >= significant_digits(precise.amount):
            continue
        digits = significant_digits(rough.amount)
        scale = 10 ** (math.floor(math.log10(precise.amount)) - digits + 1)
        if any(abs(f(precise.amount / scale) * scale - rough.amount) <= 1e-6 * rough.amount for f in (round, math.floor)):
            return True
        qualifier = rough.qualifier
        if qualifier == "over" and rough.amount <= precise.amount <= 1.15 * rough.amount:
            return True
        if qualifier == "about" and abs(precise.amount - rough.amount) <= 0.1 * precise.amount:
            return True
        if qualifier in ("under", "up_to") and 0.85 * rough.amount <= precise.amount <= rough.amount:
            return True
    return False


def _usd(d: _Draft) -> float:
    return d.amount * APPROX_USD_PER_UNIT.get(d.currency, 1.0)


def _classify(text: str, drafts: list[_Draft], i: int, group_end: int, lx: _MoneyLexicon,
              sentences: list[Sentence], starts: list[int]) -> None:
    d = drafts[i]
    sentence = d.sentence
    before = text[sentence.start:d.qualifier_start]
    clause_end = _CLAUSE_END.search(text, group_end, max(sentence.end, group_end))
    after = text[group_end:clause_end.start() if clause_end else max(sentence.end, group_end)]
    after_close = re.sub(r"^[\s)）\]/]+", "", after)
    threshold = ((lx.threshold_after is not None and lx.threshold_after.search(text[group_end:group_end + 40]))
                 or (lx.threshold_before is not None and lx.threshold_before.search(before[-60:])))
    for reason, rx in lx.scope:
        if _scope_cue(rx, before, lx) or _scope_cue(rx, after_close[:40], lx):
            d.is_deal, d.reason = False, reason
            break
    else:
        if threshold:
            d.is_deal, d.reason = False, "threshold"
        elif lx.change_before is not None and lx.change_before.search(before[-40:]):
            d.is_deal, d.reason = False, "change"
        else:
            cue = _nearest_cue(before, after, lx)
            if cue is None and lx.deal_cues is not None and lx.deal_cues.search(text, group_end, sentence.end):
                cue = ("deal", None)  # "2 млрд долларов — такова сумма подписанных контрактов"
            if cue is None:
                previous = _sentence_at(sentences, starts, sentence.start - 1) if sentence.start else None
                if previous is not None and previous.end <= sentence.start and lx.deal_cues is not None \
                        and lx.deal_cues.search(previous.text) and not d.headline:
                    cue = ("deal", None)
            if cue is None:
                d.is_deal, d.reason = False, "no_deal_context"
            elif cue[0] == "topic":
                d.is_deal, d.reason = False, cue[1]
    window = before + " " + after
    if lx.expected is not None and lx.expected.search(window):
        d.status = "expected"
    elif lx.intended is not None and lx.intended.search(window):
        d.status = "intended"
    if d.is_deal:
        in_sentence = text[sentence.start:max(sentence.end, group_end)]
        cue_before = lx.part_before is not None and lx.part_before.search(before)
        cue_share = lx.part_anywhere is not None and lx.part_anywhere.search(in_sentence)
        if cue_before or cue_share:
            larger = [p for p in drafts[:i] if p.is_deal and p.pair_lead is None and not p.part and _usd(p) > _usd(d)]
            if larger:
                d.part = True
                if d.status == "signed":
                    d.status = larger[-1].status  # a part shares the status of its total


def find_money(text: str, lang: str) -> list[MoneyMention]:
    """Every money amount of the text, in order, with its deal analysis (see the module docstring)."""
    lx = _money_lexicon(lang)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    headlines = _headline_ranges(text)
    drafts: list[_Draft] = []
    for token in scan_numbers(text, lang):
        if token.kind != "quantity" or token.value <= 0:
            continue
        currency, start, end = _currency_around(text, token, lx)
        if currency is None:
            continue
        if drafts and start < drafts[-1].end:
            continue
        qualifier, qualifier_start = qualifier_before(text, token.start, lang)
        if qualifier is None:
            qualifier_start = start
        post, _ = qualifier_after(text, end, lang)
        drafts.append(_Draft(
            token=token, start=start, end=end, amount=token.value, currency=currency,
            qualifier=qualifier or post or token.inner_qualifier, qualifier_start=min(qualifier_start, start),
            sentence=_sentence_at(sentences, starts, start),
            headline=any(a <= start < b for a, b in headlines),
        ))
    # restatement in a second currency right after the first
    for i in range(1, len(drafts)):
        a, b = drafts[i - 1], drafts[i]
        lead = a.pair_lead if a.pair_lead is not None else i - 1
        gap = text[a.end:b.qualifier_start]
        if (lx.connectors.fullmatch(gap) and a.sentence.start == b.sentence.start
                and _plausible_restatement(drafts[lead], b)):
            b.pair_lead = lead
            drafts[lead].has_restatement = True
            if b.qualifier is None:
                b.qualifier = drafts[lead].qualifier  # "Over 270.94 billion yuan (39.66 billion U.S. dollars)"
    # post-qualifiers written after a parenthesised restatement ("10億元(約208億円)以上") belong to the lead
    group_end = {}
    for i, d in enumerate(drafts):
        lead = d.pair_lead if d.pair_lead is not None else i
        group_end[lead] = max(group_end.get(lead, d.end), d.end)
    for lead, end in group_end.items():
        close = re.match(r"[\s)）\]/]*", text[end:end + 4])
        post, _ = qualifier_after(text, end + (close.end() if close else 0), lang)
        if post and drafts[lead].qualifier is None:
            drafts[lead].qualifier = post
    for i, d in enumerate(drafts):
        if d.pair_lead is None:
            end = group_end[i]
            close = re.match(r"[\s)）\]/]*", text[end:end + 4])
            _classify(text, drafts, i, end + (close.end() if close and close.group(0).strip() else 0), lx,
                      sentences, starts)
    for d in drafts:
        if d.pair_lead is not None:
            lead = drafts[d.pair_lead]
            d.is_deal, d.reason, d.status, d.part = lead.is_deal, lead.reason, lead.status, lead.part
    restates = _restatements(drafts)
    mentions = []
    for i, d in enumerate(drafts):
        mentions.append(MoneyMention(
            start=d.start, end=d.end, text=text[d.start:d.end], amount=d.amount, currency=d.currency,
            qualifier=d.qualifier or "exact", is_deal=d.is_deal, not_deal_reason=None if d.is_deal else d.reason,
            deal_status=d.status, restates=restates[i], part_of_total=d.part,
            sentence_start=d.sentence.start, sentence_end=d.sentence.end,
        ))
    return mentions


def _restatements(drafts: list[_Draft]) -> list[int | None]:
    """For each mention, the index of the mention it restates (None for the one that states the amount):
    restatements in another currency and repetitions are grouped, and the group points to its most precise
    body mention, preferring one that is itself restated in another currency."""
    parent = list(range(len(drafts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for i, d in enumerate(drafts):
        if d.pair_lead is not None:
            union(d.pair_lead, i)
    for i, a in enumerate(drafts):
        for j in range(i + 1, len(drafts)):
            b = drafts[j]
            # equal amounts in one sentence are separate items of a list ("A - 1 млрд, B - 1 млрд")
            if (a.is_deal == b.is_deal and a.part == b.part and a.sentence.start != b.sentence.start
                    and _same_amount(a, b)):
                union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(drafts)):
        groups.setdefault(find(i), []).append(i)
    restates: list[int | None] = [None] * len(drafts)
    for members in groups.values():
        if len(members) == 1:
            continue
        root = min(members, key=lambda k: (drafts[k].headline, drafts[k].pair_lead is not None,
                                           not drafts[k].has_restatement, -significant_digits(drafts[k].amount),
                                           drafts[k].start))
        for k in members:
            if k != root:
                restates[k] = root
    return restates
