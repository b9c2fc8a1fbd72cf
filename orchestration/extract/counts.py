"""Counts of agreements, contracts, projects, documents and deals signed or concluded at an event.

``find_agreement_counts`` keeps a number only when the noun it counts is one of those ("подписали 40 соглашений",
"договоры по 12 проектам", "25件の協力協定が締結された", "签署18份合作协议", "signed 30 contracts"), including the
noun-first constructions "число заключённых сделок достигло 90", "締結された協定は45件", "签约项目57个" and the
Japanese/Chinese enumerations whose head noun comes after the list ("20件以上の技術移転、共同研究などの協定").
Counts of participants, companies, booths, cities, countries ... have other nouns and are never returned;
running totals over the years of a series or a partnership ("с момента первого форума", "累计", "to date"), unless
the running total is of the event's own days ("本届…累计"), counts of earlier editions, plans and targets are
skipped; vague counts ("десятки документов", "dozens of") are no numbers at all. Sister-city agreements and
relations get the kind ``sister_city`` so that callers can prefer the general cooperation agreements when a report
gives both.

Counted nouns and cue words are data, in the ``counts`` lexicon of each language.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract.events import anniversary_of_signing
from orchestration.extract.lexicons import lexicon
from orchestration.extract.wordlists import alt, literal_alternation, patterns_any, words_pattern
from orchestration.extract.numbers import (
    CJK_LANGS,
    Quantity,
    find_quantities,
    grammar,
    noun_after,
    parse_cjk_numeral,
    parse_number,
    qualifier_before,
    skip_cjk_more_than,
)
from orchestration.extract.text import quoted, split_sentences

KINDS = ("agreements", "contracts", "projects", "documents", "deals", "memoranda", "sister_city", "other")
_MAX_COUNT = 100_000
# four plain digits of a year right after a capitalised word: a name's year ("sign Expo 2025 participation
# contracts", «на Иннопроме 2019 контрактов…») or a date's ("In 2019 contracts were…"), never a count
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[A-ZА-ЯЁ][^\W\d_]*[ \-–]?$")
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_CJK_PHRASE_STOP = re.compile(r"[、。，,；;：:（(）)「」“”《》!?！？\n]")
# a bracketed gloss closing the text before a number, a particle or two after it ("MOU（覚書）を")
_TRAILING_GLOSS = re.compile(r"[（(][^（）()]{1,15}[）)](?=[^（）()、。，,\s]{0,4}$)")


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
    # "к настоящему времени подписано 40 соглашений", "so far": the event's own tally while it runs, or a
    # partnership's over the years; a caller takes it only when the report states no other count
    running: bool = False
    # "仅哈尔滨市就签署了28个项目", "Harbin alone signed 28": one party's or one day's share of a whole the report
    # does not state, never the event's count
    share: bool = False


@dataclass
class _CountLexicon:
    kinds: list[tuple[str, re.Pattern]]
    relation: re.Pattern | None
    sister: re.Pattern | None
    signing: re.Pattern | None
    cumulative: re.Pattern | None
    running: re.Pattern | None
    within_event: re.Pattern | None
    current_edition: re.Pattern | None
    target: re.Pattern | None
    enumeration: re.Pattern | None
    previous: re.Pattern | None
    part: re.Pattern | None
    share: re.Pattern | None
    part_closers: tuple[str, ...]
    count_of: re.Pattern | None
    count_verbs: re.Pattern | None
    over_verbs: set[str]
    agreement_counters: frozenset[str]
    particles: re.Pattern | None
    difference_before: re.Pattern | None
    difference_after: re.Pattern | None
    comparison: re.Pattern | None
    presented: re.Pattern | None
    negated_signing: re.Pattern | None
    measured: re.Pattern | None  # CJK nouns a number counts before の/的 and a document noun: 领域, 分野
    pair_counters: frozenset[str]  # 对: pairs of parties that sign (60对企业签约)
    paired_parties: tuple[str, ...]


@lru_cache(maxsize=None)
def _count_lexicon(lang: str) -> _CountLexicon:
    lex = lexicon(lang, "counts")
    cjk = lang in CJK_LANGS
    # Russian/English stems are matched at the start of a word; Japanese/Chinese nouns at the end of a phrase
    template = "(?:{})$" if cjk else "^(?:{})"
    kinds = [(kind, rx) for kind, stems in (lex.get("count_nouns") or {}).items()
             if (rx := patterns_any(sorted(stems, key=len, reverse=True), template)) is not None]
    verbs = lex.get("count_verbs") or {}
    all_verbs = [v for forms in verbs.values() for v in forms]
    particles = lex.get("pre_number_particles") or []
    return _CountLexicon(
        kinds=kinds,
        relation=patterns_any(lex.get("relation_nouns"), template),
        sister=patterns_any(lex.get("sister_city")),
        signing=patterns_any(lex.get("signing")),
        cumulative=patterns_any(lex.get("cumulative")),
        running=patterns_any(lex.get("running_total")),
        within_event=patterns_any(lex.get("within_event")),
        current_edition=patterns_any(lex.get("current_edition")),
        target=patterns_any(lex.get("target")),
        enumeration=re.compile(literal_alternation(lex.get("enumeration_heads") or [], False)) if lex.get("enumeration_heads") else None,
        previous=patterns_any(lex.get("previous")),
        part=patterns_any(lex.get("part_of_total")),
        share=patterns_any(lex.get("share_alone")),
        part_closers=tuple(lex.get("part_closers") or ()),
        count_of=patterns_any(lex.get("count_of"), r"(?<![^\W\d_]){}(?![^\W\d_])"),
        count_verbs=re.compile(rf"(?:^|\s)(?P<verb>{literal_alternation(all_verbs)})\s*[:—–-]?\s*$", re.IGNORECASE) if all_verbs else None,
        over_verbs={v.lower() for v in verbs.get("over") or []},
        agreement_counters=frozenset(lex.get("agreement_counters") or []),
        particles=re.compile(rf"(?:{literal_alternation(particles, False)})$") if particles else None,
        difference_before=patterns_any(lex.get("difference_before")),
        difference_after=patterns_any(lex.get("difference_after")),
        # the words of a comparison are shared with the money extractor
        comparison=patterns_any(lexicon(lang, "money").get("comparison")),
        # so are the words of projects presented, not signed
        presented=patterns_any(lexicon(lang, "money").get("presented")),
        negated_signing=patterns_any(lex.get("negated_signing")),
        measured=re.compile(rf"(?:{alt(lex['measured_nouns'])})[的の]") if lex.get("measured_nouns") else None,
        pair_counters=frozenset(lex.get("pair_counters") or []),
        paired_parties=tuple(lex.get("paired_parties") or []),
    )


def tells_a_plan(sentence: str, lang: str) -> bool:
    """The sentence speaks of signing to come ("plans to sign", «планирует подписать», 将签署, 締結する計画)."""
    target = _count_lexicon(lang).target
    return target is not None and bool(target.search(sentence))


def previous_edition_words(lang: str) -> re.Pattern | None:
    """Words of an earlier edition or year ("last year", «прошлого года», 前回): the counts lexicon's own pattern."""
    return _count_lexicon(lang).previous


def current_edition_words(lang: str) -> re.Pattern | None:
    """Words of this year or edition ("this year", 本届, 今回): the counts lexicon's own pattern."""
    return _count_lexicon(lang).current_edition


def _kind_of(noun: str, lx: _CountLexicon) -> str | None:
    lower = noun.lower()
    for kind, rx in lx.kinds:
        if rx.search(lower):
            return kind
    return None


def _forward_latin(text: str, q: Quantity, lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "подписали 42 соглашения", "6 побратимских связей", "35 cooperation agreements"."""
    if not q.noun:
        return None
    phrase = text[q.end:q.noun_end]
    tail = text[q.noun_end:q.noun_end + 80]
    # the words after the noun up to the next punctuation or the next number (which has its own noun)
    tail = tail[:m.start()] if (m := re.search(r"[.,;:!?()\n\d]", tail)) else tail
    kind = _kind_of(q.noun, lx)
    is_relation = lx.relation is not None and lx.relation.search(q.noun.lower())
    sister = lx.sister is not None and bool(lx.sister.search(phrase + tail[:60]))
    if kind is None and not is_relation:
        return None
    if sister and (is_relation or kind in ("agreements", "documents", "memoranda")):
        return "sister_city", q.noun
    if kind is None:
        return None  # relations are counted only between sister cities
    return kind, q.noun


def _backward_latin(text: str, q: Quantity, sentence_start: int, lx: _CountLexicon) -> tuple[str, str, str | None] | None:
    """Kind, noun and verb qualifier of "число сделок достигло 140", "the number of deals reached 52"."""
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
        verb_text = verb.group("verb").lower()
        # «выросло до 47», "grew to 47": the preposition belongs to the verb, it makes no "up to"
        qualifier = "over" if verb_text in lx.over_verbs else "exact" if " " in verb_text else None
        sister = lx.sister is not None and lx.sister.search(rest)
        return ("sister_city" if sister else kind), word.group(0), qualifier
    return None


def _strip_qualifier(tail: str) -> str:
    """The text before a number without a qualifier word that ends it ("превысило более 150")."""
    return re.sub(r"(?:более|свыше|около|почти|more than|over|about|nearly|almost)\s*$", "", tail, flags=re.IGNORECASE)


def _forward_cjk(text: str, q: Quantity, lang: str, lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "12项经贸合作协议", "9の共同研究プロジェクト", "5份…友好城市协议书", and of an enumeration
    whose head noun follows the list ("20件以上の技術移転、共同研究などの協定", "18项涵盖贸易、投资等领域的协议")."""
    if not q.noun:
        return None
    counter = grammar(lang).counters.match(q.noun) if grammar(lang).counters else None
    if counter is not None and counter.group(0) not in lx.agreement_counters:
        return None  # "两市", "300社": the counter is the counted noun
    phrase = q.noun[counter.end():] if counter else q.noun
    phrase = phrase.lstrip("の")
    if counter is not None and _pairs_that_sign(text, q, counter.group(0), phrase, lx):
        return "deals", q.noun
    if lx.measured is not None and lx.measured.match(phrase):
        return None  # "6个领域的合作协议", "3つの都市の協定": the number counts what qualifies the documents
    kind = _kind_of(phrase, lx) if phrase else None
    if kind is None and phrase and lx.signing is not None:
        # "57件の協力プロジェクトの調印が行われ", "23个项目的签约": the things counted, then the act of signing them,
        # also as one compound noun ("98件の覚書締結")
        signed_things = re.match(rf"(.+?)[の的]?(?:{lx.signing.pattern})(?:式)?$", phrase)
        if signed_things:
            phrase = signed_things.group(1)
            kind = _kind_of(phrase, lx)
    if kind is None and phrase and lang == "zh":
        # "38个项目涵盖…", "8个重点项目进行了集中签约": a Chinese verb follows the noun phrase with no particle
        phrase, kind = _leading_noun(phrase, lx) or (phrase, None)
    is_relation = bool(phrase) and lx.relation is not None and lx.relation.search(phrase)
    if kind is None and not is_relation:
        head = _enumeration_head(text, q.noun_end, lang, lx)
        if head is None:
            return None
        phrase = head
        kind = _kind_of(phrase, lx)
        is_relation = lx.relation is not None and lx.relation.search(phrase)
        if kind is None and not is_relation:
            return None
    sister = lx.sister is not None and lx.sister.search(phrase)
    if sister:
        return "sister_city", q.noun
    if kind is None:
        return None
    return kind, q.noun


def _pairs_that_sign(text: str, q: Quantity, counter: str, phrase: str, lx: _CountLexicon) -> bool:
    """"60对中外企业签约", "25对客商现场签约": pairs of parties, then (in the same clause) the act of signing; also
    with the parties before the number and the documents between ("企業30組以上が協力協定を結んだ")."""
    if counter not in lx.pair_counters or lx.signing is None:
        return False
    if phrase.endswith(lx.paired_parties):
        reach = _PAIR_VERB_REACH
    elif not _CJK_POST_QUALIFIER.sub("", phrase) and text[max(0, q.start - 8):q.start].endswith(lx.paired_parties):
        reach = _PAIR_OBJECT_REACH
    else:
        return False
    signing = lx.signing.search(text, q.noun_end, q.noun_end + reach)
    # a clause's end, or Japanese 、 between clauses, parts the pairs from a signing
    if signing is None or _CLAUSE_END.search(text, q.noun_end, signing.start()) \
            or "、" in text[q.noun_end:signing.start()]:
        return False
    between = text[q.noun_end:signing.start()]
    # past the adverb's reach, only the documents signed stand between the pairs and their signing
    return len(between) <= _PAIR_VERB_REACH or _kind_of(between.rstrip("をがはも"), lx) is not None


# an adverb may stand between the pairs and their signing (现场, 集中, 正式)
_PAIR_VERB_REACH = 8
# a particle, the documents and their object particle: "が産業協力協定を結んだ"
_PAIR_OBJECT_REACH = 16
_CJK_POST_QUALIFIER = re.compile(r"^(?:以上|余り|余|多|超|強)")


_LEADING_NOUN_REACH = 6  # "经贸合作项目": a noun and its modifiers, before the verb


def _leading_noun(phrase: str, lx: _CountLexicon) -> tuple[str, str] | None:
    """The shortest start of the phrase that ends in a counted noun, before any 的 (which would make what
    precedes it a modifier of another noun: "5个国家的项目" counts countries)."""
    for end in range(2, min(len(phrase), _LEADING_NOUN_REACH) + 1):
        head = phrase[:end]
        if "的" in head:
            return None
        if (kind := _kind_of(head, lx)) is not None:
            return head, kind
    return None


_ENUMERATION_STOP = re.compile(r"[。，,；;：:！？!?\n]|[がはを]")


@lru_cache(maxsize=None)
def _amount_apposition(lang: str) -> re.Pattern[str] | None:
    """A comma, an amount of money and の/的 between a count and its noun ("42件、総額300億円の投資協定"); the
    currency words are the money lexicon's."""
    currencies = list((lexicon(lang, "money").get("currencies") or {}).get("post") or {})
    if lang not in CJK_LANGS or not currencies:
        return None
    return re.compile(r"[、，,]\s*[^、，,。！？]{0,8}?\d[\d.,]*\s*[万萬億亿千百]*\s*"
                      rf"(?:{literal_alternation(currencies, False)})(?:相当|規模|规模)?(?:の|的)")


def _enumeration_head(text: str, start: int, lang: str, lx: _CountLexicon) -> str | None:
    """The noun phrase after the enumeration word that closes a list begun right after a count."""
    if lx.enumeration is None:
        return None
    apposition = _amount_apposition(lang)
    if apposition is not None and (amount := apposition.match(text, start)) is not None:
        # "42件、総額300億円の投資協定": the count, then the amount of the same things, then their noun
        phrase, _, _ = noun_after(text, amount.end(), lang, start + 80, counter_free=True)
        return phrase or None
    if (relative := lx.enumeration.match(text, start)) is not None:
        # "100件を超える契約", "48件に上る契約": the relative phrase right after the counter, then the noun
        phrase, _, _ = noun_after(text, relative.end(), lang, start + 80, counter_free=True)
        return phrase or None
    stop = _ENUMERATION_STOP.search(text, start, start + 80)
    end = stop.start() if stop else min(len(text), start + 80)
    head = None
    for head in lx.enumeration.finditer(text, start, end):
        pass
    if head is None:
        return None
    phrase, _, _ = noun_after(text, head.end(), lang, end, counter_free=True)
    return phrase or None


def _backward_cjk(text: str, q: Quantity, sentence_start: int, lang: str,
                  lx: _CountLexicon) -> tuple[str, str] | None:
    """Kind and noun of "締結された協定は45件", "签订投资合作协议18项" (the noun before the number)."""
    counters = grammar(lang).counters
    if counters is None:
        return None
    counter = counters.match(text, skip_cjk_more_than(text, q.end))
    # "協定締結数は20を超えた": a number of things, named with 数 (number) as the topic, takes no counter
    # and "契約が成立したプロジェクトは52、": the counted noun as the topic, a bare figure closing its clause
    numbered = lang == "ja" and counter is None and (
        re.search(r"数\s*(?:は|が)\s*$", text[max(sentence_start, q.start - 4):q.start])
        or (re.search(r"(?:は|が)\s*$", text[max(sentence_start, q.start - 2):q.start])
            and re.match(r"\s*(?:[、。，,；;]|$)", text[q.end:])))
    if not numbered and (counter is None or counter.group(0) in ("の", "つの")
                         or counter.group(0) not in lx.agreement_counters):
        return None
    _, number_start = qualifier_before(text, q.start, lang)  # "约40项", but not the 约 of "签约40项"
    window = text[max(sentence_start, q.start - 40):number_start]
    # "MOU（覚書）を5件": a gloss in brackets after the noun belongs to it
    window = _TRAILING_GLOSS.sub("", window)
    stop = None
    for stop in _CJK_PHRASE_STOP.finditer(window):
        pass
    phrase = window[stop.end():] if stop else window
    phrase = _without_particles(phrase, lx)
    kind = _kind_of(phrase, lx) if phrase else None
    if kind is None and phrase and lx.signing is not None \
            and (signing := re.search(rf"(?:{lx.signing.pattern})$", phrase)):
        # "協定締結数は20", "协议签署数量": the things, then the act of signing them as a noun
        kind = _kind_of(phrase[:signing.start()], lx) if signing.start() else None
    if kind is None and lang == "ja" and "は" in (phrase or ""):
        # "成約件数は前回を上回る260件": the topic names what is counted; a clause on the figure stands between
        phrase = _without_particles(phrase[:phrase.rindex("は") + 1], lx)
        kind = _kind_of(phrase, lx) if phrase else None
    if kind is None and lang == "ja" and "は、" in window:
        # "成約は、前年比2割増の58件": the topic stands before a comma
        topic = window[:window.rindex("は、") + 1]
        stops = list(_CJK_PHRASE_STOP.finditer(topic))
        topic = _without_particles(topic[stops[-1].end():] if stops else topic, lx)
        if topic and (topic_kind := _kind_of(topic, lx)) is not None:
            phrase, kind = topic, topic_kind
    if kind is None and lang == "ja" and counter is not None and counter.group(0) == "件" and lx.signing is not None \
            and re.match(rf"\s*[がはも]?\s*(?:{lx.signing.pattern})", text[counter.end():]):
        # "今年は22件が締結された": items signed, their noun left out after the counter
        return "deals", text[q.start:counter.end()]
    if not phrase:
        return None
    if kind is None:
        # "现场签约45项": items signed, their noun left out
        if counter is not None and counter.group(0) not in _PAIR_COUNTERS and lx.signing is not None \
                and re.search(rf"(?:{lx.signing.pattern})(?:[了过]|した|された)?$", phrase) \
                and not (lx.measured is not None and lx.measured.match(text, counter.end())):
            return "deals", phrase
        return None
    sister = lx.sister is not None and lx.sister.search(phrase)
    return ("sister_city" if sister else kind), phrase


def _without_particles(phrase: str, lx: _CountLexicon) -> str:
    """The noun phrase without the particles and counting words that end it ("締結された協定は" -> "締結された協定")."""
    for _ in range(3):
        if lx.particles is None:
            break
        stripped = lx.particles.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    return phrase


# counters of pairs and generic "things": a count with them and no noun is not a count of signed items
_PAIR_COUNTERS = {"つ", "对", "對", "組", "组"}


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _ordinal_value(surface: str, words: dict[str, int]) -> int | None:
    """The number of an edition's ordinal: digits ("5th", "第5回"), characters ("第五届"), Roman numerals ("V
    форум") or an ordinal word of the lexicon ("fifth")."""
    surface = surface.strip()
    if surface.lower() in words:
        return words[surface.lower()]
    if re.fullmatch(r"[0-9０-９]+", surface):
        return int(surface.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if re.fullmatch(r"[IVXLC]+", surface):
        values = [_ROMAN[ch] for ch in surface]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    value = parse_cjk_numeral(surface)
    return int(value) if value and value == int(value) else None


@lru_cache(maxsize=8)
def _edition_patterns(lang: str) -> tuple[tuple[re.Pattern, ...], dict[str, int]]:
    lex = lexicon(lang, "counts")
    words = {str(w).lower(): int(n) for n, forms in (lex.get("ordinal_words") or {}).items() for w in forms}
    word_alternation = literal_alternation(list(words)) if words else r"(?!x)x"
    patterns = tuple(re.compile(p.replace("{ordinal_word}", word_alternation), re.IGNORECASE if lang == "en" else 0)
                     for p in lex.get("edition") or [])
    return patterns, words


def edition_mentions(text: str, lang: str) -> list[tuple[int, int]]:
    """(position, number) of each edition ordinal of an event in the text ("the 5th expo", "第五届", "第5回")."""
    patterns, words = _edition_patterns(lang)
    found = []
    for rx in patterns:
        for m in rx.finditer(text):
            value = _ordinal_value(m.group("n"), words)
            if value:
                found.append((m.start(), value))
    return sorted(found)


def event_edition(text: str, lang: str) -> int | None:
    """The edition the report is about: the first edition ordinal of its headline and lead."""
    mentions = edition_mentions(text[:_LEAD_CHARS], lang)
    return mentions[0][1] if mentions else None


def other_edition(window: str, edition: int | None, lang: str) -> bool:
    """The last edition ordinal in ``window`` is another edition than the report's ("the fourth expo saw ..." in a
    report of the fifth): the figure after it is that edition's."""
    if edition is None:
        return False
    mentions = edition_mentions(window, lang)
    return bool(mentions) and mentions[-1][1] != edition


_LEAD_CHARS = 400


_FIGURE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千]+(?:[个項项件份]|$)")


def _from_current_edition(before: str, lx: _CountLexicon) -> str:
    """The part of the sentence before a count that speaks of this event: after its last word of this year or
    edition once an earlier figure was given ("去年签约40个项目，今年签约项目55个": the 55 is this year's). With no
    figure before it, the word belongs to what precedes ("since the start of this year" stays a running total).
    A total of the year so far that holds the word stays whole ("…is the 31st; since the start of this year …",
    …149件目となり、今年に入って…19件)."""
    words = list(lx.current_edition.finditer(before)) if lx.current_edition is not None else []
    if not words or not _FIGURE.search(before, 0, words[-1].start()):
        return before
    cut = words[-1].start()
    for total in lx.cumulative.finditer(before) if lx.cumulative is not None else ():
        if total.start() <= cut < total.end():
            return before[total.start():]
    return before[cut:]


def _previous_edition(before: str, lx: _CountLexicon, lang: str) -> bool:
    """A word of an earlier edition or year before the count, unless it is the term of a comparison
    ("больше, чем в прошлом году, подписано 50 соглашений")."""
    return scope_marker(lx.previous, before, lx.comparison, lang)


def scope_marker(marker: re.Pattern | None, window: str, comparison: re.Pattern | None, lang: str) -> bool:
    """A word of another year or edition ("в прошлом году", "上届", "last year") in ``window`` that is not the
    term of a comparison: a comparison word right before it ("чем в прошлом году", "较上届", "over last year") or,
    in Japanese and Chinese, just after it ("上届相比", "前回比", "前回の1.5倍") makes the figure this event's."""
    if marker is None:
        return False
    for m in marker.finditer(window):
        if comparison is None:
            return True
        before = any(m.start() - c.end() <= _COMPARISON_GAP
                     for c in comparison.finditer(window, max(0, m.start() - 24), m.start()))
        after = (comparison.search(window, m.end(), m.end() + 12) if lang in CJK_LANGS
                 else comparison.match(window, m.end(), m.end() + 8))
        if not (before or after):
            return True
    return False


# characters that may stand between a comparison word and the year or edition it compares with ("чем в")
_COMPARISON_GAP = 3


_CJK_CLAUSE_MARKS = ("，", ",", "；", ";", "。")
# a comma or point inside a number ("1,277", "45.20") ends no clause
_CLAUSE_END = re.compile(r"[;，；。!?！？]|,(?!\d)|(?<!\d)\.|\.(?!\d)|\s[—–-]\s|\n")


def running_total(series: re.Pattern | None, running: re.Pattern | None, within_event: re.Pattern | None,
                  before: str, lang: str) -> bool:
    """``before`` (the text of a sentence before a figure) says the figure is a total over the years: a marker of
    a series or a partnership history anywhere in it ("с момента первого форума", "创办以来", "since its
    launch"), or a running-total adverb ("累计", "на сегодняшний день", "to date") in the figure's own clause
    (approximated as the last words before it) that nothing in the sentence keeps inside the event ("本届博览会
    累计", "会期中の累計", "so far at the fair")."""
    if series is not None and series.search(before):
        return True
    return running_adverb(running, within_event, before, lang)


def running_adverb(running: re.Pattern | None, within_event: re.Pattern | None, before: str, lang: str,
                   opening: bool = False) -> bool:
    """A running-total adverb ("累计", "к настоящему времени", "so far") in the figure's own clause that nothing in
    the sentence keeps inside the event."""
    scope = before[-(_RUNNING_SCOPE_CJK if lang in CJK_LANGS else _RUNNING_SCOPE):]
    # for a count, a sentence that opens with it ("So far, the city's hospitals have reached 66 … and 59
    # agreements", «На сегодняшний день …») speaks of totals to its end, however long its clauses; money keeps
    # the clause's reach, since the user's own reports give an event's contract total in such a sentence
    opens = opening and lang not in CJK_LANGS and running is not None \
        and running.match(before.lstrip(" \t\"'«“(—–-"))
    if running is not None and (running.search(scope) or opens):
        return within_event is None or not within_event.search(before)
    return False


# how far back a running-total adverb, or a word of a plan, reaches: about one clause
_RUNNING_SCOPE, _RUNNING_SCOPE_CJK = 80, 30
_TARGET_SCOPE, _TARGET_SCOPE_CJK = 60, 25
# how far before a count the word of a share may stand ("仅12日一天,两国企业就签下了17项协议")
_SHARE_SCOPE, _SHARE_SCOPE_CJK = 60, 30


_LATIN_CLAUSE_MARKS = re.compile(r"[,;:()—–]")


def _signed(text: str, q: Quantity, s_start: int, s_end: int, lang: str, lx: _CountLexicon) -> bool:
    """Whether the count was signed or concluded. A run-on Japanese/Chinese sentence lists several figures in
    clauses: the signing verb must be in the count's own ("共洽谈项目800余项,现场签约项目75个": 75 were signed,
    800 were only discussed). A Russian/English clause may leave its verb to another ("Участники подписали, по
    данным организаторов, 45 соглашений"), so a signing word anywhere in the sentence will do - unless the count's
    own clause says the things were only presented ("подписано 45 соглашений, представлено 120 проектов")."""
    if lx.signing is None:
        return False
    if lang in CJK_LANGS:
        # a Japanese 、 before the count ends the clause before it ("36件の協定を締結し、58件の事業を推進した"); after
        # the count it may only list ("25件の技術移転、共同研究などの協定が結ばれた"), as a Chinese 、 always does
        starts = _CJK_CLAUSE_MARKS + (("、",) if lang == "ja" else ())
        clause_start = max(text.rfind(mark, s_start, q.start) for mark in starts) + 1
        if lang == "ja" and text.startswith("は、", clause_start - 2):
            # "成約は、前年比2割増の58件": a topic before its comma belongs to the clause that follows
            clause_start = max(text.rfind(mark, s_start, clause_start - 2) for mark in starts) + 1
        ends = [i for i in (text.find(mark, q.end, s_end) for mark in _CJK_CLAUSE_MARKS) if i != -1]
        # "商談は350件、うち成約は62件": a part of the count, and its own verb, begin after a part marker
        part = lx.part.search(text, q.end, s_end) if lx.part is not None else None
        if part is not None:
            ends.append(part.start())
        return bool(lx.signing.search(text[max(clause_start, s_start):min(ends) if ends else s_end]))
    marks_before = list(_LATIN_CLAUSE_MARKS.finditer(text, s_start, q.start))
    clause_start = marks_before[-1].end() if marks_before else s_start
    mark_after = _LATIN_CLAUSE_MARKS.search(text, q.end, s_end)
    clause = text[clause_start:mark_after.start() if mark_after else s_end]
    if lx.signing.search(clause):
        return True
    if lx.presented is not None and lx.presented.search(clause):
        return False
    return bool(lx.signing.search(text, s_start, s_end))


def _is_share(before: str, after: str, lx: _CountLexicon, lang: str) -> bool:
    """A word of a share before the count, or in English and Russian after it in its clause ("signed 15 deals worth
    $34bn alone")."""
    if lx.share is None:
        return False
    if lx.share.search(before[-(_SHARE_SCOPE_CJK if lang in CJK_LANGS else _SHARE_SCOPE):]):
        return True
    return lang not in CJK_LANGS and bool(lx.share.search(after))


def _part_of_total(before: str, lx: _CountLexicon) -> bool:
    """Whether a part marker before the count makes it a part ("из них 5", "其中5项"), unless the marker opened an
    aside that closed before the count ("包括经贸在内的5份文件", "including trade and tourism, 40 agreements")."""
    marker = None
    for marker in lx.part.finditer(before) if lx.part is not None else ():
        pass
    if marker is None:
        return False
    aside = before[marker.end():].lstrip(" \t,，、:：")
    return not any(0 < aside.find(closer) for closer in lx.part_closers)


def find_agreement_counts(text: str, lang: str) -> list[CountMention]:
    """Counts of agreements, contracts, projects, documents, deals and memoranda, in text order."""
    lx = _count_lexicon(lang)
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    found: list[CountMention] = []
    edition = event_edition(text, lang)
    for q in find_quantities(text, lang):
        if q.value != int(q.value) or not 1 <= q.value <= _MAX_COUNT or _year_after_a_name(text, q):
            continue
        i = bisect_right(starts, q.start) - 1
        sentence = sentences[i] if i >= 0 else None
        s_start = sentence.start if sentence else 0
        s_end = sentence.end if sentence else len(text)
        verb_qualifier = None
        if lang in CJK_LANGS:
            hit = _forward_cjk(text, q, lang, lx) or _backward_cjk(text, q, s_start, lang, lx)
        else:
            hit = _forward_latin(text, q, lx)
            if hit is None:
                back = _backward_latin(text, q, s_start, lx)
                if back is not None:
                    hit, verb_qualifier = back[:2], back[2]
        if hit is None:
            continue
        kind, noun = hit
        before = _from_current_edition(text[s_start:q.start], lx)
        clause_end = _CLAUSE_END.search(text, q.end, s_end)
        # the series marker may follow the count in its clause: "12,000 agreements have been signed since 2001"
        after = text[q.end:clause_end.start() if clause_end else s_end]
        if (lx.cumulative is not None and (lx.cumulative.search(before) or lx.cumulative.search(after))) \
                or _previous_edition(before, lx, lang) or other_edition(before, edition, lang):
            continue
        running = running_adverb(lx.running, lx.within_event, before, lang, opening=True)
        if lx.target is not None and (lx.target.search(before[-(_TARGET_SCOPE_CJK if lang in CJK_LANGS else _TARGET_SCOPE):])
                                      or lx.target.search(text, q.end, clause_end.start() if clause_end else s_end)):
            continue  # a plan or a target: "планируется подписать 50 соглашений", "目标签约100个项目"
        if (lx.difference_before is not None and lx.difference_before.search(text, max(s_start, q.start - 30), q.start)) \
                or (lx.difference_after is not None and lx.difference_after.search(text[q.end:q.end + 40])):
            continue
        signed = _signed(text, q, s_start, s_end, lang, lx)
        found.append(CountMention(
            start=q.start,
            end=q.end,
            value=int(q.value),
            qualifier=verb_qualifier if verb_qualifier and q.qualifier in ("exact", "up_to") else q.qualifier,
            noun=noun,
            kind=kind if kind in KINDS else "other",
            signed=signed,
            sentence_start=s_start,
            sentence_end=s_end,
            part_of_total=_part_of_total(before, lx),
            running=running,
            share=_is_share(before, after, lx, lang),
        ))
    return found


def _year_after_a_name(text: str, q: Quantity) -> bool:
    return bool(_YEAR_DIGITS.fullmatch(text[q.start:q.end])) \
        and bool(_CAPITALISED_WORD_BEFORE.search(text, max(0, q.start - 40), q.start))


# the prepositions that join a document noun to its subject ("a protocol of intent", «протокол о намерениях»)
_SUBJECT_PREPOSITIONS = r"\s+(?:of|on|about|о|об|по)\s+"
_DOCUMENT_SUBJECT = re.compile(rf"^{_SUBJECT_PREPOSITIONS}[^\W\d_]+", re.IGNORECASE)


@lru_cache(maxsize=8)
def _singular_documents(lang: str) -> list[tuple[str, re.Pattern]]:
    table = lexicon(lang, "counts").get("singular_documents") or {}
    # Japanese and Chinese write no spaces: a document noun is matched inside its compound (友好城市协议书)
    template = "(?:{})" if lang in CJK_LANGS else r"(?<![^\W\d_])(?:{})(?![^\W\d_])"
    return [(lemma, re.compile(template.format("|".join(forms)), re.IGNORECASE))
            for lemma, forms in table.items() if forms]


_TITLES = re.compile(quoted((("《", "》"), ("「", "」"), ("『", "』")), 2, 80) + "|" + quoted((("«", "»"), ("“", "”")), 2, 120))


# a title in Japanese or Chinese quotes that is itself what was signed: 「青少年交流の誓い」に署名, 签署了《友好宣言》
_SIGNED_TITLE = {
    "ja": re.compile(r"(?P<title>「[^「」]{2,60}」|『[^『』]{2,60}』)\s*(?:に|を)\s*(?:署名|調印|締結|取り交わ)"),
    "zh": re.compile(r"(?:签署|签订|签字|缔结)(?:了)?\s*(?P<title>《[^《》]{2,60}》)"),
}


def _signed_titles(sentence, forms: list[tuple[str, re.Pattern]], lang: str) -> list[CountMention]:
    """Documents signed by their title alone, the title holding no document word of its own (those are counted
    by their noun): each title is one document."""
    pattern = _SIGNED_TITLE.get(lang)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(sentence.text):
        title = m.group("title")
        if any(rx.search(title) for _, rx in forms):
            continue
        start, end = sentence.start + m.start("title"), sentence.start + m.end("title")
        found.append(CountMention(start, end, 1, "exact", f"title:{title[1:-1]}", "documents", True,
                                  sentence.start, sentence.end))
    return found


def _title_around(sentence: str, start: int, end: int) -> str | None:
    """The title a document word stands in (《大连—大阪合作备忘录》, «Соглашение о побратимстве»)."""
    for title in _TITLES.finditer(sentence):
        if title.start() < start and end < title.end():
            return title.group(0)[1:-1]
    return None


def _each_titled(body: str, forms: list[tuple[str, re.Pattern]]) -> bool:
    """Every document word of the sentence stands in a title, and there are two titles or more ("分别与A签订《X协议书》、
    与B签订《Y协议书》"): the documents are listed one by one, so the sentence counts them though it speaks of each."""
    titles = set()
    for _, rx in forms:
        for m in rx.finditer(body):
            title = _title_around(body, m.start(), m.end())
            if title is None:
                return False
            titles.add(title)
    return len(titles) >= 2


# how far a Japanese or Chinese word of plurality reaches to the document noun it qualifies (一連の協定, 协议等)
_PLURAL_BEFORE_CJK, _PLURAL_AFTER_CJK = 12, 4


@lru_cache(maxsize=8)
def _plural_counterparts(lang: str) -> re.Pattern[str] | None:
    return words_pattern(lang, lexicon(lang, "counts").get("plural_counterparts"))


def _plural_documents(body: str, forms: list[tuple[str, re.Pattern]], plural: re.Pattern, lang: str) -> bool:
    """The sentence signs documents in the plural. Russian and English say so by a plural noun anywhere in it;
    a Japanese or Chinese word of plurality must stand by a document noun: など or それぞれ elsewhere qualifies
    other things ("経済や観光など幅広い分野", "それぞれ双方を代表し")."""
    if lang not in CJK_LANGS:
        return bool(plural.search(body))
    counterparts = _plural_counterparts(lang)
    if counterparts is not None and counterparts.search(body):
        return True  # "分别与青岛市和示范区签署备忘录": one document with each side
    parties = _counted_parties(lang)
    for _, rx in forms:
        for m in rx.finditer(body):
            if plural.search(body[max(0, m.start() - _PLURAL_BEFORE_CJK):m.end() + _PLURAL_AFTER_CJK]):
                return True
            # "共有16家企业签署合作协议", "企業12社が覚書を締結": several counted parties sign in the same clause
            if parties is not None and parties.search(body[max(0, m.start() - _PARTIES_BEFORE_CJK):m.start()]):
                return True
    return False


_PARTIES_BEFORE_CJK = 16


@lru_cache(maxsize=8)
def _counted_parties(lang: str) -> re.Pattern[str] | None:
    """A number of parties (企业16家, 12社) with no clause break between it and what follows."""
    counters = lexicon(lang, "counts").get("party_counters")
    if not counters:
        return None
    return re.compile(rf"(?:[0-9０-９]+|[一二两三四五六七八九十百]+)\s*(?:{alt(counters)})[^、。，,；;！？!?\n]*$")


def _blank_document_noun(match: str, lang: str) -> str:
    """The document noun of a match blanked out. Russian and English matches start with the words before the noun
    ("the signing of the agreement"): those stay, a signing word among them counts."""
    if lang in CJK_LANGS:
        return " " * len(match)
    cut = max(match.rfind(" "), match.rfind("\u00a0")) + 1
    return match[:cut] + " " * (len(match) - cut)


def singular_signings(text: str, lang: str) -> list[CountMention]:
    """Documents signed one at a time and never counted ("signed an agreement", "подписали соглашение", "был
    подписан протокол"): one mention of value 1 per document word, in a sentence with a signing word and none of an
    earlier edition, a running total or a plan. Russian and English nouns show the singular; Japanese and Chinese
    ones do not, so there a document noun counts as one unless a word of plurality is in the sentence."""
    forms = _singular_documents(lang)
    if not forms:
        return []
    lx = _count_lexicon(lang)
    plural = patterns_any(lexicon(lang, "counts").get("plural_documents"),
                  "{}" if lang in CJK_LANGS else r"(?<![^\W\d_]){}(?![^\W\d_])")
    found = []
    for sentence in split_sentences(text):
        body = sentence.text
        # the signing word must stand outside the document's name (合意書 holds 合意, "agreed")
        unnamed = body
        for _, rx in forms:
            unnamed = rx.sub(lambda m: _blank_document_noun(m.group(0), lang), unnamed)
        if lx.negated_signing is not None:  # "did not sign", 未签署: a signing the sentence denies
            unnamed = lx.negated_signing.sub(lambda m: " " * len(m.group(0)), unnamed)
        signing = [m for m in lx.signing.finditer(unnamed)] if lx.signing is not None else []
        if not signing or all(anniversary_of_signing(unnamed, m.start(), m.end(), lang) for m in signing):
            continue  # no signing, or only the one an anniversary celebrates
        if _previous_edition(body, lx, lang) or running_total(lx.cumulative, lx.running, lx.within_event, body, lang):
            continue
        if plural is not None and _plural_documents(body, forms, plural, lang) \
                and not _each_titled(body, forms):
            # documents signed in the plural: as many as the parties they were signed with, where the sentence
            # counts those; else how many is not said
            return _one_with_each_party(sentence, lang)
        found.extend(_signed_titles(sentence, forms, lang))
        for lemma, rx in forms:
            for m in rx.finditer(body):
                # a plan to sign it, before the document or right after it; the document's own subject ("a protocol
                # of intent", "протокол о намерениях") is not one
                after = _DOCUMENT_SUBJECT.sub("", body[m.end():m.end() + 40], count=1)
                if lx.target is not None and (lx.target.search(body, max(0, m.start() - 60), m.start())
                                              or lx.target.search(after)):
                    continue
                if found and _signed_before(body[max(0, m.start() - _ATTRIBUTE_REACH):m.end()], lang):
                    continue  # "Подписанный меморандум предусматривает…": the document already signed, named again
                if anniversary_of_signing(body, m.start(), m.end(), lang):
                    continue  # "the 15th anniversary of the twinning agreement": the old document, none signed now
                kind = _kind_of(lemma, lx) or "documents"
                # a document named by its title is itself: two titled memoranda are two documents
                title = _title_around(body, m.start(), m.end())
                found.append(CountMention(sentence.start + m.start(), sentence.start + m.end(), 1, "exact",
                                          f"{lemma}:{title}" if title else lemma, kind, True, sentence.start,
                                          sentence.end))
    return _heads_only(sorted(found, key=lambda c: (c.start, c.end)), text, lang)


@lru_cache(maxsize=8)
def _counterparts_pattern(lang: str) -> re.Pattern[str] | None:
    return patterns_any(lexicon(lang, "counts").get("counted_counterparts"), r"(?<![^\W\d_]){}")


def _one_with_each_party(sentence, lang: str) -> list[CountMention]:
    """«подписал договоры с тремя вузами», "signed agreements with three universities": one document with each
    of the counted parties."""
    pattern = _counterparts_pattern(lang)
    match = pattern.search(sentence.text) if pattern is not None else None
    value = parse_number(match.group("n"), lang) if match else None
    if not value or value != int(value) or not 2 <= value <= _MAX_COUNT:
        return []
    start, end = sentence.start + match.start("n"), sentence.start + match.end("n")
    return [CountMention(start, end, int(value), "exact", match.group(0), "documents", True, sentence.start,
                         sentence.end)]


# a signing participle that is the document's attribute, with a few words between ("the signed trade memorandum",
# «подписанный трёхсторонний меморандум»): the report looks back at a document it has told the signing of
_SIGNED_ATTRIBUTE = {
    "ru": re.compile(r"(?<![^\W\d_])подписанн(?:ый|ая|ое|ые|ого|ой|ым|ую|ом|ых)(?:\s+[\w-]+){1,3}$", re.IGNORECASE),
    "en": re.compile(r"\b(?:the|this|that|these|those)\s+(?:newly\s+)?signed(?:\s+[\w-]+){1,3}$", re.IGNORECASE),
}
_ATTRIBUTE_REACH = 40


def _signed_before(phrase: str, lang: str) -> bool:
    """``phrase`` ends in a document noun that a signing participle qualifies."""
    pattern = _SIGNED_ATTRIBUTE.get(lang)
    return pattern is not None and bool(pattern.search(phrase))


def _heads_only(found: list[CountMention], text: str, lang: str) -> list[CountMention]:
    """One document per phrase: a document noun that names the subject of another ("the memorandum of agreement",
    "протокол о соглашении") is part of it; "the agreement and the memorandum" stay two."""
    if lang in CJK_LANGS:
        return found
    kept: list[CountMention] = []
    for mention in found:
        if not any(_names_the_subject_of(k, mention, text) for k in kept):
            kept.append(mention)
    return kept


_SUBJECT_LINK = re.compile(rf"{_SUBJECT_PREPOSITIONS}(?:(?:the|an?)\s+)?", re.IGNORECASE)


def _names_the_subject_of(head: CountMention, mention: CountMention, text: str) -> bool:
    """``mention`` is what ``head`` is about: it follows the head noun through of/on/о/об/по."""
    if not (head.start <= mention.start and head.end < mention.end):
        return False
    if mention.start < head.end:  # an English match reaching back over the head ("the memorandum of agreement")
        return bool(_DOCUMENT_SUBJECT.match(text[head.end:mention.end]))
    return bool(_SUBJECT_LINK.fullmatch(text[head.end:mention.start]))
