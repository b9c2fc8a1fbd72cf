"""Money amounts in news reports and whether each is the value of deals concluded at an event.

``find_money`` returns every amount with a currency ("более 40 млрд рублей", "US$12 million", "3億2000万元",
"85亿元"), in full units, with its qualifier, and decides:

* whether it is a deal (contract/agreement/investment value) or something else, with the reason:
  - the scope says it belongs elsewhere: an earlier edition or year, a period statistic, a running total over the
    years of a series ("累计", "за все годы", "since its launch") unless the running total is of the event's
    own days ("会期中累計", "本届…累计");
  - the topic nearest to it is not a deal: an exchange rate, trade turnover, GDP, a prize, a price, a salary, a
    budget, purchases and purchase intentions, sales, a growth figure;
  - it is a threshold ("10億元以上のプロジェクト", "projects each worth over $1 bn") or a change ("up by $2 bn");
  - the only support is a weak word (investment, projects) in a sentence that says the projects were presented,
    recommended or listed, not signed (``presented``);
  - it is a forecast, a plan or a target (``forecast``; its status stays ``expected``);
* the deal status: ``signed``; ``intended`` for intentions and letters of intent (an amount of projects whose
  parties declared an intention to cooperate is a deal reached at the event, status ``intended``);
* exchange-rate asides ("(1元＝約21円)", "1 доллар = 90 рублей") are neither deals nor restatements, and a
  qualifier written after the aside belongs to the amount before it ("…億元（1元＝約21円）を超えた");
* ranges ("$2-3 млрд", "40～50億元") are one amount, the lower bound, qualified ``over`` unless a qualifier is
  written;
* restatements: the same amount in a second currency right after the first ("12 млн юаней /около 1,7 млн долл.
  США/", "X元(約Y円)"), and the same amount said again (within 1 %, or a headline rounding of it: "12 bln USD" for
  "12.4 billion U.S. dollars") point to one mention, the most precise body mention, via ``restates``;
* ``part_of_total``: an amount that is a part of a larger deal stated before it ("このうち", "其中", "в том числе",
  "accounting for 19 percent of the total").

Context words are data, in the ``money`` lexicon of each language (the words that keep a running total inside
the event, ``within_event``, are shared with the counts in the ``counts`` lexicon).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from orchestration.extract.counts import (
    current_edition_words,
    event_edition,
    other_edition,
    running_total,
    scope_marker,
)
from orchestration.extract.lexicons import lexicon
from orchestration.extract.wordlists import literal_alternation, patterns_any
from orchestration.extract.numbers import (
    CJK_LANGS,
    CJK_MORE_THAN,
    NumberToken,
    qualifier_after,
    qualifier_before,
    scan_numbers,
    significant_digits,
    skip_cjk_more_than,
)
from orchestration.extract.text import Sentence, split_sentences
from orchestration.reference.currencies import currency_codes, currency_names

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
# the end of an amount's clause; a bracket opens an aside that says nothing of the amount's topic
_CLAUSE_END = re.compile(r"[,;，；。、!?！？(（]|\s[—–-]\s|\n")


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
    rate: bool = False  # one side of an exchange-rate aside


# ---------------------------------------------------------------------------------------------- lexicon


@dataclass
class _MoneyLexicon:
    lang: str
    pre_currency: re.Pattern
    post_currency: re.Pattern
    currency_of: dict[str, str]
    deal_cues: re.Pattern | None
    weak_cues: re.Pattern | None
    scope: list[tuple[str, re.Pattern]]
    running: re.Pattern | None
    within_event: re.Pattern | None
    presented: re.Pattern | None
    rate_gap: re.Pattern
    topic: list[tuple[str, re.Pattern]]
    change_before: re.Pattern | None
    threshold_after: re.Pattern | None
    threshold_before: re.Pattern | None
    intended: re.Pattern | None
    expected: re.Pattern | None
    plan_before: re.Pattern | None
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
    # the lexicon's names first: they decide where a catalogue's name means another currency
    post = {**currency_names(lang), **(currencies.get("post") or {})}
    codes = [code for code in currency_codes() if code.lower() not in {_surface_key(k) for k in (*pre, *post)}]
    currency_of = {f"pre:{_surface_key(k)}": v for k, v in pre.items()}
    currency_of.update({f"post:{_surface_key(k)}": v for k, v in post.items()})
    currency_of.update({f"{side}:{code.lower()}": code for code in codes for side in ("pre", "post")})
    cjk = lang in CJK_LANGS
    # a currency code written in letters must not be the end of a longer word ("CNY" in "ACNY"); the ISO codes
    # count in capitals only, in every language ("400百万USD")
    boundary = "" if cjk else r"(?<![^\W\d_])"
    iso = rf"|(?-i:(?<![A-Za-z])(?:{'|'.join(codes)})(?![A-Za-z]))" if codes else ""
    pre_currency = re.compile(rf"{boundary}(?P<cur>{literal_alternation(list(pre), whole_word=False)}{iso})\s{{0,2}}$",
                              0 if cjk else flags)
    # a hyphen may join the scale word and the currency in a compound ("a 20-billion-dollar deal")
    post_currency = re.compile(rf"(?:[ \u00a0]{{0,2}}{'' if cjk else '|-'})(?P<cur>{_spaced_abbreviations(literal_alternation(list(post), whole_word=not cjk))}{iso})",
                               0 if cjk else flags)
    not_deal = lex.get("not_deal") or {}
    scope = [(reason, rx) for reason, patterns in (not_deal.get("scope") or {}).items()
             if (rx := patterns_any(patterns, flags=flags)) is not None]
    topic = [(reason, rx) for reason, patterns in (not_deal.get("topic") or {}).items()
             if (rx := patterns_any(patterns, flags=flags)) is not None]
    status = lex.get("status") or {}
    part = lex.get("part_of_total") or {}
    connectors = _UNIVERSAL_CONNECTORS + list(lex.get("restatement_connectors") or [])
    return _MoneyLexicon(
        lang=lang,
        pre_currency=pre_currency,
        post_currency=post_currency,
        currency_of=currency_of,
        deal_cues=patterns_any(lex.get("deal_cues"), flags=flags),
        weak_cues=patterns_any(lex.get("weak_deal_cues"), flags=flags),
        scope=scope,
        running=patterns_any(lexicon(lang, "counts").get("running_total"), flags=flags),
        within_event=patterns_any(lexicon(lang, "counts").get("within_event"), flags=flags),
        presented=patterns_any(lex.get("presented"), flags=flags),
        rate_gap=re.compile(rf"\s*(?:{'|'.join(f'(?:{c})' for c in lex.get('rate_connectors') or ['='])})?\s*", flags),
        topic=topic,
        change_before=patterns_any([f"(?:{p})\\s*$" if not p.endswith("$") else p for p in lex.get("change_before") or []], flags=flags),
        threshold_after=patterns_any(lex.get("threshold_after"), flags=flags),
        threshold_before=patterns_any(lex.get("threshold_before"), flags=flags),
        intended=patterns_any(status.get("intended"), flags=flags),
        expected=patterns_any(status.get("expected"), flags=flags),
        plan_before=patterns_any([f"(?:{p})\\s*$" for p in status.get("plan_before") or []], flags=flags),
        part_before=patterns_any(part.get("before"), flags=flags),
        part_anywhere=patterns_any(part.get("anywhere"), flags=flags),
        connectors=re.compile(rf"\s*(?:{'|'.join(f'(?:{c})' for c in connectors)})\s*", flags),
        comparison=patterns_any(lex.get("comparison"), flags=flags),
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
        currency = lx.currency_of.get(f"pre:{_surface_key(pre.group('cur'))}")
        start = pre.start("cur")
    # "3亿多美元", "1.2亿余元": "more than" written between the number and its currency
    post = lx.post_currency.match(text, skip_cjk_more_than(text, token.end) if lx.lang in CJK_LANGS else token.end)
    if post:
        post_currency = lx.currency_of.get(f"post:{_surface_key(post.group('cur'))}")
        if currency is None or currency == "USD" and pre.group("cur") == "$":
            currency = post_currency or currency
        end = post.end("cur")
    return currency, start, end


def _nearest_cue(before: str, after: str, lx: _MoneyLexicon) -> tuple[str, str | None] | None:
    """The deal word or non-deal topic word nearest to the amount: ("deal", None), ("weak", None) for a word that
    supports a deal only weakly (investment, projects), or ("topic", reason). A topic word wins a tie, so that a
    longer topic phrase ending where a deal word ends ("購入意向金額" against "意向") is the topic."""
    best: tuple[int, str, str | None] | None = None
    candidates: list[tuple[re.Pattern, str, str | None]] = []
    if lx.deal_cues is not None:
        candidates.append((lx.deal_cues, "deal", None))
    if lx.weak_cues is not None:
        candidates.append((lx.weak_cues, "weak", None))
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


def _presented_only(before: str, after: str, lx: _MoneyLexicon) -> bool:
    """The sentence says the projects were presented, recommended or listed, and no signing word stands between
    that and the amount (nor in the amount's clause after it)."""
    if lx.presented is None:
        return False
    # "$28 billion were showcased to investors": the amount's own clause presents it, no signing word between
    shown = lx.presented.search(after)
    if shown is not None and not (lx.deal_cues and (lx.deal_cues.search(after, 0, shown.start())
                                                    or lx.deal_cues.search(shown.group()))):
        return True
    last = None
    for last in lx.presented.finditer(before):
        pass
    if last is None:
        return False
    if lx.deal_cues is None:
        return True
    # "签约经贸对接项目": the projects of a matchmaking that were signed, the signing word right before them
    reach = _SIGNED_OBJECT_REACH_CJK if lx.lang in CJK_LANGS else _SIGNED_OBJECT_REACH
    window_start = max(0, last.start() - reach)
    # within the presenting word's own clause: "签署了一批合作协议，征集推介项目…" signed other things
    clause_break = None
    for clause_break in _LIST_CLAUSE_BREAK.finditer(before, window_start, last.start()):
        pass
    if clause_break is not None:
        window_start = clause_break.end()
    if lx.deal_cues.search(before, window_start, last.start()):
        return False
    # "发布的签约项目": the projects announced are the signed ones, the signing word inside the phrase
    if lx.deal_cues.search(last.group()):
        return False
    return not (lx.deal_cues.search(before, last.end()) or lx.deal_cues.search(after))


# how far before a word of presenting a signing word makes that word its object ("签约经贸对接项目")
_SIGNED_OBJECT_REACH_CJK = 6
_SIGNED_OBJECT_REACH = 16
# what ends a clause within that reach: a signing before it signed something else
_LIST_CLAUSE_BREAK = re.compile(r"[,，、;；:：。]")


_FIGURE_CLAUSE_END = re.compile(r"[、，,;；]")


def _in_an_earlier_editions_sentence(text: str, d: _Draft, same_sentence: list[_Draft], lx: _MoneyLexicon) -> bool:
    """"At last year's fair, sales topped 20 million yuan, contracts reached 600 million": a sentence that opens
    with an earlier edition or year speaks of it in every figure, until a word of this edition or a comparison
    ("this year", 今回, "more than") turns to the event's own."""
    figures = [p for p in same_sentence if not p.rate]
    if not figures or figures[0].reason != "previous_edition":
        return False
    previous = dict(lx.scope).get("previous_edition")
    opening = text[d.sentence.start:figures[0].qualifier_start]
    if previous is None or not _scope_cue(previous, opening, lx):
        return False
    # what ends the last figure's own clause ("…2000万元を上回り、") is its predicate, not a comparison
    since = text[figures[-1].end:d.qualifier_start]
    since = since[m.end():] if (m := _FIGURE_CLAUSE_END.search(since)) else since
    current = current_edition_words(lx.lang)
    return not ((current is not None and current.search(since))
                or (lx.comparison is not None and lx.comparison.search(since)))


def _scope_cue(rx: re.Pattern, window: str, lx: _MoneyLexicon) -> bool:
    """A scope word ("в прошлом году", "上届") that is not the term of a comparison ("больше, чем в прошлом
    году", "较上届增长"): only then does it say the amount belongs to another year or edition."""
    return scope_marker(rx, window, lx.comparison, lx.lang)


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


class _Earlier:
    """What _classify asks about the mentions before the i-th, answered without scanning them all (a document with
    thousands of amounts would otherwise cost the square of their number): the earlier mentions of one sentence,
    and the latest earlier deal larger than a given amount."""

    def __init__(self, drafts: list[_Draft]):
        self._by_sentence: dict[int, list[int]] = {}
        for k, draft in enumerate(drafts):
            self._by_sentence.setdefault(draft.sentence.start, []).append(k)
        # deals that are no part and no restatement, in order, each larger in USD than every later one on the stack:
        # an earlier deal that is no larger than a later one is never the latest larger one
        self._deals: list[tuple[float, int]] = []

    def in_sentence(self, drafts: list[_Draft], i: int) -> list[_Draft]:
        indices = self._by_sentence.get(drafts[i].sentence.start, [])
        return [drafts[k] for k in indices[:bisect_left(indices, i)]]

    def add_deal(self, usd: float, i: int) -> None:
        while self._deals and self._deals[-1][0] <= usd:
            self._deals.pop()
        self._deals.append((usd, i))

    def latest_larger_deal(self, usd: float) -> int | None:
        low, high = 0, len(self._deals)  # the stack's amounts decrease: find the last one above usd
        while low < high:
            middle = (low + high) // 2
            if self._deals[middle][0] > usd:
                low = middle + 1
            else:
                high = middle
        return self._deals[low - 1][1] if low else None


# an amount a deal between firms or cities never is: a unit price, a ratio, a fee
_SMALLEST_DEAL_USD = 1_000


def _classify(text: str, drafts: list[_Draft], i: int, group_end: int, lx: _MoneyLexicon,
              sentences: list[Sentence], starts: list[int], edition: int | None = None,
              earlier_mentions: _Earlier | None = None) -> None:
    d = drafts[i]
    sentence = d.sentence
    earlier_mentions = earlier_mentions or _Earlier(drafts)
    same_sentence = earlier_mentions.in_sentence(drafts, i)
    before = text[sentence.start:d.qualifier_start]
    clause_end = _CLAUSE_END.search(text, group_end, max(sentence.end, group_end))
    after = text[group_end:clause_end.start() if clause_end else max(sentence.end, group_end)]
    after_close = re.sub(r"^[\s)）\]/]+", "", after)
    sentence_text = text[sentence.start:max(sentence.end, group_end)]
    # a word of another year, edition or period qualifies the first figure after it: "前回の500億元を上回る800億元",
    # "в прошлом году — 5 трлн, в этом — 6 трлн"; a part of that figure ("из них", "其中") stays in its scope
    previous_end = max((p.end for p in same_sentence if not p.rate), default=sentence.start)
    own_before = text[max(previous_end, sentence.start):d.qualifier_start]
    if lx.part_before is not None and lx.part_before.search(own_before):
        own_before = before
    threshold = ((lx.threshold_after is not None and lx.threshold_after.search(text[group_end:group_end + 40]))
                 or (lx.threshold_before is not None and lx.threshold_before.search(before[-60:])))
    for reason, rx in lx.scope:
        if reason == "cumulative":
            hit = (running_total(rx, lx.running, lx.within_event, own_before, lx.lang) or rx.search(after_close[:40])
                   or (lx.running is not None and lx.running.search(after_close[:40])
                       and not (lx.within_event is not None and lx.within_event.search(sentence_text))))
        else:
            hit = _scope_cue(rx, own_before, lx) or _scope_cue(rx, after_close[:40], lx)
        if hit:
            d.is_deal, d.reason = False, reason
            break
    else:
        if other_edition(own_before, edition, lx.lang) or _in_an_earlier_editions_sentence(text, d, same_sentence, lx):
            d.is_deal, d.reason = False, "previous_edition"
        elif threshold:
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
            elif _presented_only(before, after, lx):
                d.is_deal, d.reason = False, "presented"
    if d.is_deal and _usd(d) < _SMALLEST_DEAL_USD:
        d.is_deal, d.reason = False, "too_small"  # "for each rouble, about nine roubles from partners": no deal
    if (lx.expected is not None and lx.expected.search(before[-80:] + " " + after)) \
            or (lx.plan_before is not None and lx.plan_before.search(before[-40:])) \
            or (lx.lang == "ru" and _future_tense(_last_clause(before) + " " + after)):
        d.status = "expected"
        if d.is_deal:
            d.is_deal, d.reason = False, "forecast"
    elif lx.intended is not None and lx.intended.search(before + " " + after):
        d.status = "intended"
    if d.is_deal and lx.part_before is not None and lx.part_before.search(before):
        # a part of a total that is not a deal ("sales of 5 bn, of which 2 bn with ...") is not one either
        # the total stands before the word of parts; the amounts after it are the part's siblings
        cue_at = sentence.start + [m.start() for m in lx.part_before.finditer(before)][-1]
        earlier = [p for p in same_sentence if p.pair_lead is None and not p.rate and p.end <= cue_at] \
            or _previous_sentence_amounts(drafts, i, sentences, starts)
        total = next((p for p in reversed(earlier) if _usd(p) > _usd(d)), None)
        if total is not None and not total.is_deal and total.reason != "no_deal_context":
            d.is_deal, d.reason = False, total.reason
    if d.is_deal:
        cue_before = lx.part_before is not None and lx.part_before.search(before)
        cue_share = lx.part_anywhere is not None and lx.part_anywhere.search(sentence_text)
        if cue_before or cue_share:
            larger = earlier_mentions.latest_larger_deal(_usd(d))
            if larger is not None:
                d.part = True
                if d.status == "signed":
                    d.status = drafts[larger].status  # a part shares the status of its total
    if d.is_deal and not d.part:
        earlier_mentions.add_deal(_usd(d), i)


def _previous_sentence_amounts(drafts: list[_Draft], i: int, sentences: list[Sentence],
                               starts: list[int]) -> list[_Draft]:
    """The amounts of the sentence right before the i-th amount's ("…签订贸易协议3亿多美元。其中服装8100万美元"): a
    part may open the sentence after its total's."""
    start = drafts[i].sentence.start
    previous = _sentence_at(sentences, starts, start - 1) if start else None
    if previous is None:
        return []
    found = []
    for k in range(i - 1, -1, -1):
        if drafts[k].sentence.start == start:
            continue
        if drafts[k].sentence.start != previous.start:
            break
        if drafts[k].pair_lead is None and not drafts[k].rate:
            found.append(drafts[k])
    return found[::-1]


_CLAUSE_BREAK = re.compile(r"[,;:—–«»\"“”()]|\s-\s")


def _last_clause(before: str) -> str:
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


@lru_cache(maxsize=1)
def _russian_morphology():
    try:
        import pymorphy3
    except ImportError:  # the morphology is an aid, not a requirement
        return None
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20_000)
def _is_future_verb(word: str) -> bool:
    morph = _russian_morphology()
    if morph is None:
        return False
    tag = morph.parse(word)[0].tag
    return tag.POS == "VERB" and tag.tense == "futr"


def _future_tense(clause: str) -> bool:
    """A Russian verb in the future tense in the amount's clause ("подпишут контракты на", "выйдем на
    показатель в"): the amount is a forecast, however the verb is spelled."""
    return any(_is_future_verb(word) for word in re.findall(r"[а-яё]+", clause.lower()))


_RANGE_DASH = re.compile(r"\s*(?:[-–—~～〜]|至|到)\s*(?:US\$|\$|€|£|¥|￥)?\s*")
_LEAD_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def _merge_ranges(text: str, tokens: tuple[NumberToken, ...]) -> list[tuple[NumberToken, bool]]:
    """The quantities of the text, a range written with one scale ("$2-3 млрд", "40～50億元", "2.5-3 billion")
    folded into one token worth its lower bound; the flag says a token is such a range."""
    out: list[tuple[NumberToken, bool]] = []
    skip = False
    for k, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        if token.kind != "quantity":
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (nxt is not None and nxt.kind == "quantity" and not token.has_scale and nxt.has_scale
                and _RANGE_DASH.fullmatch(text, token.end, nxt.start)):
            lead = _LEAD_DIGITS.match(text, nxt.start)
            if lead is not None:
                upper = float(lead.group(0).replace(",", "."))
                scale = nxt.value / upper if upper else 0
                if scale >= 1000 and 0 < token.value < upper:
                    out.append((NumberToken(token.start, nxt.end, token.value * scale, "quantity", True,
                                            token.inner_qualifier), True))
                    skip = True
                    continue
        out.append((token, False))
    return out


def _surface_key(surface: str) -> str:
    """A currency surface as looked up: case and spacing ignored ("U. S. dollars" is "U.S. dollars")."""
    return re.sub(r"\s+", "", surface.lower())


def _spaced_abbreviations(alternation: str) -> str:
    """Let a dot inside an abbreviation be followed by a space, as some outlets write it ("U. S.")."""
    return re.sub(r"\\\.(?=[^\W\d_])", r"\\.\\s?", alternation)


def _exchange_rate_asides(text: str, drafts: list[_Draft], lx: _MoneyLexicon) -> dict[int, int]:
    """Mark "1 unit = N units of another currency" pairs as exchange rates; return their spans, brackets
    included, as {start: end}."""
    asides: dict[int, int] = {}
    for k in range(len(drafts) - 1):
        a, b = drafts[k], drafts[k + 1]
        if a.amount != 1 or a.token.has_scale or a.currency == b.currency:
            continue
        gap = text[a.end:b.qualifier_start]
        if not lx.rate_gap.fullmatch(gap) or (not gap.strip() and b.qualifier_start == b.start):
            continue
        for x in (a, b):
            x.is_deal, x.reason, x.rate = False, "exchange_rate", True
        start, end = a.start, b.end
        window = text[max(0, start - 3):start]
        opening = re.search(r"[(（\[]\s*$", window)
        if opening:
            start -= len(window) - opening.start()
            closing = re.match(r"\s*[)）\]]", text[end:end + 3])
            if closing:
                end += closing.end()
        asides[start] = end
    return asides


def _skip_asides(text: str, end: int, asides: dict[int, int]) -> int:
    while True:
        pos = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip())
        if pos not in asides:
            return end
        end = asides[pos]


def find_money(text: str, lang: str) -> list[MoneyMention]:
    """Every money amount of the text, in order, with its deal analysis (see the module docstring)."""
    lx = _money_lexicon(lang)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    headlines = _headline_ranges(text)
    drafts: list[_Draft] = []
    for token, is_range in _merge_ranges(text, scan_numbers(text, lang)):
        if token.value <= 0:
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
        if post is None and lang in CJK_LANGS and CJK_MORE_THAN.match(text, token.end):
            post = "over"  # "3亿多美元"
        drafts.append(_Draft(
            token=token, start=start, end=end, amount=token.value, currency=currency,
            qualifier=qualifier or post or token.inner_qualifier or ("over" if is_range else None),
            qualifier_start=min(qualifier_start, start),
            sentence=_sentence_at(sentences, starts, start),
            headline=any(a <= start < b for a, b in headlines),
        ))
    _settle_shared_units(text, lang, drafts)
    asides = _exchange_rate_asides(text, drafts, lx)
    # restatement in a second currency right after the first
    for i in range(1, len(drafts)):
        a, b = drafts[i - 1], drafts[i]
        if a.rate or b.rate:
            continue
        lead = a.pair_lead if a.pair_lead is not None else i - 1
        gap = text[a.end:b.qualifier_start]
        if (lx.connectors.fullmatch(gap) and a.sentence.start == b.sentence.start
                and _plausible_restatement(drafts[lead], b)):
            b.pair_lead = lead
            drafts[lead].has_restatement = True
            if b.qualifier is None:
                b.qualifier = drafts[lead].qualifier  # "Over 270.94 billion yuan (39.66 billion U.S. dollars)"
    # post-qualifiers written after a parenthesised restatement or an exchange-rate aside ("10億元(約208億円)以上",
    # "…億元（1元＝約21円）を超えた") belong to the lead
    group_end = {}
    for i, d in enumerate(drafts):
        if d.rate:
            continue
        lead = d.pair_lead if d.pair_lead is not None else i
        group_end[lead] = max(group_end.get(lead, d.end), d.end)
    for lead, end in list(group_end.items()):
        close = re.match(r"[\s)）\]/]*", text[end:end + 4])
        end = _skip_asides(text, end + (close.end() if close else 0), asides)
        group_end[lead] = max(group_end[lead], end)
        post, _ = qualifier_after(text, end, lang)
        if post and drafts[lead].qualifier is None:
            drafts[lead].qualifier = post
    edition = event_edition(text, lang)
    earlier_mentions = _Earlier(drafts)
    for i, d in enumerate(drafts):
        if d.pair_lead is None and not d.rate:
            end = group_end[i]
            close = re.match(r"[\s)）\]/]*", text[end:end + 4])
            _classify(text, drafts, i, end + (close.end() if close and close.group(0).strip() else 0), lx,
                      sentences, starts, edition, earlier_mentions)
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


def _settle_shared_units(text: str, lang: str, drafts: list[_Draft]) -> None:
    """A unit word several currencies bear (English "soms": the Kyrgyz som and the Uzbek so'm) is the currency of
    the country among them that the text names most; named by none, or as often, it stays the lexicon's."""
    shared: dict[str, dict[str, str]] = (lexicon(lang, "money").get("currencies") or {}).get("shared_units") or {}
    if not any(d.currency in shared for d in drafts):
        return
    from orchestration.extract.countries import find_countries  # countries reach money through places

    named = Counter(m.alpha2 for m in find_countries(text, lang) if not m.inside_name)
    for d in drafts:
        by_country = shared.get(d.currency)
        if not by_country:
            continue
        ranked = sorted(((named[country], code) for country, code in by_country.items()), reverse=True)
        if ranked[0][0] > (ranked[1][0] if len(ranked) > 1 else 0):
            d.currency = ranked[0][1]


_NEAR_EQUAL_WINDOW = 64  # near-equal amounts compared with each one; more are linked through their neighbours


def _candidate_pairs(drafts: list[_Draft]):
    """The pairs (i, j), i < j, that _same_amount can accept, without comparing every pair: two body amounts are the
    same only within 1 % (so only neighbours in amount order of one currency are compared, at most
    _NEAR_EQUAL_WINDOW of them), and a headline rounding needs a headline amount (there are a few: the title lines)."""
    by_currency: dict[str, list[int]] = {}
    for k, draft in enumerate(drafts):
        if draft.amount > 0:
            by_currency.setdefault(draft.currency, []).append(k)
    for members in by_currency.values():
        members.sort(key=lambda k: drafts[k].amount)
        for position, i in enumerate(members):
            limit = drafts[i].amount / 0.99
            for j in members[position + 1:position + 1 + _NEAR_EQUAL_WINDOW]:
                if drafts[j].amount > limit:
                    break
                yield min(i, j), max(i, j)
        headlines = [k for k in members if drafts[k].headline]
        for i in headlines:
            for j in members:
                if j != i and not drafts[j].headline:
                    yield min(i, j), max(i, j)


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
    for i, j in _candidate_pairs(drafts):
        a, b = drafts[i], drafts[j]
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
