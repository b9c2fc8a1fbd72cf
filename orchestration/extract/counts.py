"""Counts of agreements, contracts, projects, documents and deals signed or concluded at an event.

``find_agreement_counts`` keeps a number only when the noun it counts is one of those ("подписали 71 соглашение",
"14の…プロジェクトが契約された", "签署16项友好合作协议", "signed 29 agreements"), including the noun-first
constructions "количество сделок достигло 267", "合意された業務提携は331件", "签订项目合作协议23项".
Counts of participants, companies, booths, cities, countries ... have other nouns and are never returned;
statistics over the years ("в настоящее время 3054 побратимских отношений установлено", "累计") and counts of
earlier editions are skipped; vague counts ("десятки документов", "dozens of") are no numbers at all.
Sister-city agreements and relations get the kind ``sister_city`` so that callers can prefer the general
cooperation agreements when a report gives both.

Counted nouns and cue words are data, in the ``counts`` lexicon of each language.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract.lexicons import lexicon
from orchestration.extract.numbers import (
    CJK_LANGS,
    Quantity,
    find_quantities,
    grammar,
    literal_alternation,
)
from orchestration.extract.text import split_sentences

KINDS = ("agreements", "contracts", "projects", "documents", "deals", "memoranda", "sister_city", "other")
_MAX_COUNT = 100_000
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_CJK_PHRASE_STOP = re.compile(r"[、。，,；;：:（(）)「」“”《》!?！？\n]")


@dataclass(frozen=True)
class CountMention:
    start: int
    end: int
    value: int
    qualifier: str
    noun: str
    kind: str
    signed: bool
    sentence_start: int
    sentence_end: int
    part_of_total: bool = False  # "このうち…28件", "из них 5 соглашений": a part of a count stated before


@dataclass
class _CountLexicon:
    kinds: list[tuple[str, re.Pattern]]
    relation: re.Pattern | None
    sister: re.Pattern | None
    signing: re.Pattern | None
    cumulative: re.Pattern | None
    previous: re.Pattern | None
    part: re.Pattern | None
    count_of: re.Pattern | None
    count_verbs: re.Pattern | None
    over_verbs: set[str]
    particles: re.Pattern | None
    difference_before: re.Pattern | None
    difference_after: re.Pattern | None
    comparison: re.Pattern | None


def _any(patterns: list[str] | None, template: str = "{}", flags: int = re.IGNORECASE) -> re.Pattern | None:
    patterns = [p for p in patterns or [] if p]
    return re.compile("|".join(template.format(f"(?:{p})") for p in patterns), flags) if patterns else None


@lru_cache(maxsize=None)
def _count_lexicon(lang: str) -> _CountLexicon:
    lex = lexicon(lang, "counts")
    cjk = lang in CJK_LANGS
    # Russian/English stems are matched at the start of a word; Japanese/Chinese nouns at the end of a phrase
    template = "(?:{})$" if cjk else "^(?:{})"
    kinds = [(kind, rx) for kind, stems in (lex.get("count_nouns") or {}).items()
             if (rx := _any(sorted(stems, key=len, reverse=True), template)) is not None]
    verbs = lex.get("count_verbs") or {}
    all_verbs = [v for forms in verbs.values() for v in forms]
    particles = lex.get("pre_number_particles") or []
    return _CountLexicon(
        kinds=kinds,
        relation=_any(lex.get("relation_nouns"), template),
        sister=_any(lex.get("sister_city")),
        signing=_any(lex.get("signing")),
        cumulative=_any(lex.get("cumulative")),
        previous=_any(lex.get("previous")),
        part=_any(lex.get("part_of_total")),
        count_of=_any(lex.get("count_of"), r"(?<![^\W\d_]){}(?![^\W\d_])"),
        count_verbs=re.compile(rf"(?:^|\s)(?P<verb>{literal_alternation(all_verbs)})\s*[:—–-]?\s*$", re.IGNORECASE) if all_verbs else None,
        over_verbs={v.lower() for v in verbs.get("over") or []},
        particles=re.compile(rf"(?:{literal_alternation(particles, False)})$") if particles else None,
        difference_before=_any(lex.get("difference_before")),
        difference_after=_any(lex.get("difference_after")),
        # the words of a comparison are shared with the money extractor
        comparison=_any(lexicon(lang, "money").get("comparison")),
    )


def _kind_of(noun: str, lx: _CountLexicon) -> str | None:
    lower = noun.lower()
    for kind, rx in lx.kinds:
        if rx.search(lower):
            return kind
    return None


def _forward_latin(text: str, q: Quantity, lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "подписали 71 соглашение", "8 побратимских отношений", "29 cooperation agreements"."""
    if not q.noun:
        return None
    phrase = text[q.end:q.noun_end]
    tail = text[q.noun_end:q.noun_end + 80]
    tail = tail[:m.start()] if (m := re.search(r"[.,;:!?()\n]", tail)) else tail
    kind = _kind_of(q.noun, lx)
    is_relation = lx.relation is not None and lx.relation.search(q.noun.lower())
    sister = lx.sister is not None and (lx.sister.search(phrase) or lx.sister.search(tail[:60]))
    if kind is None and not is_relation:
        return None
    if sister and (is_relation or kind in ("agreements", "documents", "memoranda")):
        return "sister_city", q.noun
    if kind is None:
        return None  # relations are counted only between sister cities
    return kind, q.noun


def _backward_latin(text: str, q: Quantity, sentence_start: int, lx: _CountLexicon) -> tuple[str, str, str | None] | None:
    """Kind, noun and verb qualifier of "количество сделок достигло 267", "the number of deals reached 29"."""
    if lx.count_of is None or lx.count_verbs is None:
        return None
    window_start = max(sentence_start, q.start - 160)
    window = text[window_start:q.start]
    cue = None
    for cue in lx.count_of.finditer(window):
        pass
    if cue is None:
        return None
    rest = window[cue.end():]
    for word in _WORD.finditer(rest):
        kind = _kind_of(word.group(0), lx)
        if kind is None:
            continue
        tail = rest[word.end():]
        if len(tail) > 70:
            return None
        verb = lx.count_verbs.search(_strip_qualifier(tail))
        if verb is None:
            return None
        qualifier = "over" if verb.group("verb").lower() in lx.over_verbs else None
        sister = lx.sister is not None and lx.sister.search(rest)
        return ("sister_city" if sister else kind), word.group(0), qualifier
    return None


def _strip_qualifier(tail: str) -> str:
    """The text before a number without a qualifier word that ends it ("превысило более 380")."""
    return re.sub(r"(?:более|свыше|около|почти|more than|over|about|nearly|almost)\s*$", "", tail, flags=re.IGNORECASE)


def _forward_cjk(q: Quantity, lang: str, lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "16项友好合作协议", "14の魯港協力プロジェクト", "8份…友好城市关系协议书"."""
    if not q.noun:
        return None
    counter = grammar(lang).counters.match(q.noun) if grammar(lang).counters else None
    phrase = q.noun[counter.end():] if counter else q.noun
    phrase = phrase.lstrip("の")
    if not phrase:
        return None
    kind = _kind_of(phrase, lx)
    is_relation = lx.relation is not None and lx.relation.search(phrase)
    sister = lx.sister is not None and lx.sister.search(phrase)
    if kind is None and not is_relation:
        return None
    if sister:
        return "sister_city", q.noun
    if kind is None:
        return None
    return kind, q.noun


def _backward_cjk(text: str, q: Quantity, sentence_start: int, lang: str,
                  lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "合意された業務提携は331件", "签订项目合作协议23项" (the noun before the number)."""
    counters = grammar(lang).counters
    if counters is None:
        return None
    counter = counters.match(text, q.end + len(re.match(r"(?:多|余り|余)?", text[q.end:]).group(0)))
    if counter is None or counter.group(0) in ("の", "つの"):
        return None
    window = text[max(sentence_start, q.start - 40):q.start]
    stop = None
    for stop in _CJK_PHRASE_STOP.finditer(window):
        pass
    phrase = window[stop.end():] if stop else window
    phrase = re.sub(r"(?:約|约|超过|逾|近|超)$", "", phrase)
    for _ in range(3):
        if lx.particles is None:
            break
        stripped = lx.particles.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    if not phrase:
        return None
    kind = _kind_of(phrase, lx)
    if kind is None:
        return None
    sister = lx.sister is not None and lx.sister.search(phrase)
    return ("sister_city" if sister else kind), phrase


def _previous_edition(before: str, lx: _CountLexicon) -> bool:
    """A word of an earlier edition or year before the count, unless it is the term of a comparison
    ("больше, чем в прошлом году, подписано 50 соглашений")."""
    if lx.previous is None:
        return False
    for m in lx.previous.finditer(before):
        if lx.comparison is None or not (lx.comparison.search(before, max(0, m.start() - 15), m.start())
                                         or lx.comparison.match(before, m.end(), m.end() + 8)):
            return True
    return False


_CJK_CLAUSE_MARKS = ("，", ",", "；", ";", "。")


def find_agreement_counts(text: str, lang: str) -> list[CountMention]:
    """Counts of agreements, contracts, projects, documents, deals and memoranda, in text order."""
    lx = _count_lexicon(lang)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    found: list[CountMention] = []
    for q in find_quantities(text, lang):
        if q.value != int(q.value) or not 1 <= q.value <= _MAX_COUNT:
            continue
        i = bisect_right(starts, q.start) - 1
        sentence = sentences[i] if i >= 0 else None
        s_start = sentence.start if sentence else 0
        s_end = sentence.end if sentence else len(text)
        verb_qualifier = None
        if lang in CJK_LANGS:
            hit = _forward_cjk(q, lang, lx) or _backward_cjk(text, q, s_start, lang, lx)
        else:
            hit = _forward_latin(text, q, lx)
            if hit is None:
                back = _backward_latin(text, q, s_start, lx)
                if back is not None:
                    hit, verb_qualifier = back[:2], back[2]
        if hit is None:
            continue
        kind, noun = hit
        before = text[s_start:q.start]
        if (lx.cumulative is not None and lx.cumulative.search(before)) or _previous_edition(before, lx):
            continue
        if (lx.difference_before is not None and lx.difference_before.search(text, max(s_start, q.start - 30), q.start)) \
                or (lx.difference_after is not None and lx.difference_after.search(text[q.end:q.end + 40])):
            continue
        in_sentence = text[s_start:s_end]
        if lang in CJK_LANGS:
            # a run-on CJK sentence lists several figures in clauses: the signing verb must be in the count's own
            # ("共对接项目3000余项,现场签约项目126个": 126 were signed, 3000 were only matched)
            clause_start = max(text.rfind(mark, s_start, q.start) for mark in _CJK_CLAUSE_MARKS) + 1
            ends = [i for i in (text.find(mark, q.end, s_end) for mark in _CJK_CLAUSE_MARKS) if i != -1]
            in_sentence = text[max(clause_start, s_start):min(ends) if ends else s_end]
        found.append(CountMention(
            start=q.start,
            end=q.end,
            value=int(q.value),
            qualifier=q.qualifier if q.qualifier != "exact" else (verb_qualifier or "exact"),
            noun=noun,
            kind=kind if kind in KINDS else "other",
            signed=bool(lx.signing is not None and lx.signing.search(in_sentence)),
            sentence_start=s_start,
            sentence_end=s_end,
            part_of_total=bool(lx.part is not None and lx.part.search(before)),
        ))
    return found
