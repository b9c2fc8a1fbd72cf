"""Event mentions: the noun that names an event, its type, its name as written and its edition ordinal.

Event nouns, exclusions (a press conference is no cooperation event) and cue words live in the per-language
lexicon ``events.yml``. Names are grown around the noun by the grammar of each script: inflected adjectives
and genitive complements in Russian, capitalised words in English, runs of ideographs and katakana in Chinese
and Japanese.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract import russian
from orchestration.extract.dates.common import word_map
from orchestration.extract.lexicons import lexicon
from orchestration.extract.numbers import CJK_LANGS
from orchestration.extract.wordlists import literal_alternation, patterns_any, words_pattern
from orchestration.extract.text import split_sentences
from orchestration.reference.gazetteer import get_gazetteer

_ROMAN = re.compile(r"^[IVXLC]+$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_EN_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "twentieth": 20,
}
_RU_ADJECTIVE = re.compile(
    r"^[А-ЯЁа-яё\-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ых|их|ыми|ими)$"
)
_RU_ORDINAL = re.compile(r"^(\d{1,3})-?(?:й|я|е|ий|ая|ое|ого|ому|ом|ем|ей|го)$")
_RU_VERBISH = re.compile(r"(?:ла|ло|ли|лся|лась|лось|лись|ет|ют|ит|ат|ят|ется|ются|ится|ались|ился|ены|ена|ено|ан|ана|ано|аны|..ал|..ил|..ел|..ял)$")
_RU_NOUN_LOOKS_ADJECTIVE = re.compile(r"(?:ние|тие|вие|ствие|ьё|ье)$")
_RU_STOP = {"в", "во", "на", "с", "со", "который", "которая", "которое", "которые", "где", "когда", "а", "но", "что",
            "как", "прошел", "прошла", "прошли", "состоялась", "состоялся", "состоялись", "стал", "стала", "был", "была"}
_RU_NAME_LINKS = {"по", "и", "для", "в", "на"}
_CJK_NAME_CHAR = re.compile(r"[\u3400-\u9fff\u30a0-\u30ffA-Za-z0-9０-９\-－—–・‧·]")
_ZH_BOUNDARY = set("的在于了是将由从与和及把被对向为并、，,。；;：:！？!?（）()「」“”\"《》 \u3000")
_DATE_UNITS = set("年月日号")  # a boundary only as part of a date ("19日,"), not inside a name ("日中…会議")
_HIRAGANA = re.compile(r"[\u3040-\u309f]")
_SPOKEN = re.compile(r"[、，。！？!?；;]")
_KATAKANA_END = re.compile(r"[\u30a0-\u30ff]$")


@dataclass(frozen=True)
class EventMention:
    start: int  # the event noun
    end: int
    name_start: int  # the event's name as written around the noun
    name_end: int
    name: str
    event_type: str
    ordinal: int | None


@lru_cache(maxsize=None)
def _nouns(lang: str) -> tuple[tuple[str, str], ...]:
    nouns = lexicon(lang, "events").get("event_nouns", {})
    return tuple(sorted(nouns.items(), key=lambda item: -len(item[0])))


def _proper_name_nouns(lang: str) -> dict[str, str]:
    return lexicon(lang, "events").get("proper_name_nouns") or {}


def event_noun_pattern(lang: str) -> re.Pattern[str]:
    """Any event noun of the language (форум, expo, 博覧会, 论坛 ...)."""
    return _noun_pattern(lang)


@lru_cache(maxsize=None)
def _noun_pattern(lang: str) -> re.Pattern[str]:
    stems = [re.escape(stem) for stem, _ in _nouns(lang)]
    if lang == "ru":
        # a word of its own, or the head of a compound («бизнес-форум», «онлайн-выставка»)
        return re.compile(r"(?:(?<![а-яё\-])|(?<=[а-яё]-))(?:" + "|".join(stems) + r")[а-яё]*", re.IGNORECASE)
    if lang == "en":
        proper = "|".join(re.escape(noun) for noun in _proper_name_nouns(lang))
        return re.compile(r"\b(?:(?:" + "|".join(stems) + r")s?" + (rf"|(?-i:{proper})" if proper else "") + r")\b",
                          re.IGNORECASE)
    stems += _quoted_heads(lang)
    if lang == "ja":
        # a katakana noun that more katakana continues is part of another word: フェア in フェアフィールド, フェアウェル
        return re.compile("|".join(stem + ("(?![\u30a0-\u30ff])" if _KATAKANA_END.search(stem) else "")
                                   for stem in stems))
    return re.compile("|".join(stems))


def _quoted_heads(lang: str) -> list[str]:
    """「ふるさと名産展」: a head that closes a quoted title, unless the word it ends is no event (発展)."""
    events = lexicon(lang, "events")
    exclusions = events.get("quoted_name_head_exclusions") or []
    patterns = []
    for head in events.get("quoted_name_heads") or {}:
        unless = "".join(f"(?<!{re.escape(word[:-len(head)])})" for word in exclusions
                         if word.endswith(head) and len(word) > len(head))
        patterns.append(f"(?<=[^「“《『\\s]{{2}}){unless}{re.escape(head)}(?=[」”》』])")
    return patterns


@lru_cache(maxsize=None)
def _excluded_pattern(lang: str) -> re.Pattern[str] | None:
    phrases = lexicon(lang, "events").get("excluded_events", [])
    if not phrases:
        return None
    return re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)


def event_type_of(noun_surface: str, lang: str) -> str:
    lowered = noun_surface.lower()
    quoted_heads = lexicon(lang, "events").get("quoted_name_heads") or {}
    if lowered in quoted_heads:
        return quoted_heads[lowered]
    for stem, event_type in _nouns(lang):
        if lowered.startswith(stem) or stem in lowered:
            return event_type
    return "other"


def find_events(text: str, lang: str) -> list[EventMention]:
    """Every event mention of ``text`` (several role decisions ask for them: the last few answers are kept)."""
    return list(_find_events(text, lang))


@lru_cache(maxsize=16)
def _find_events(text: str, lang: str) -> tuple[EventMention, ...]:
    excluded = _excluded_pattern(lang)
    excluded_spans = [(m.start(), m.end()) for m in excluded.finditer(text)] if excluded else []
    organisers = tuple(lexicon(lang, "events").get("organiser_suffixes", []))
    venues = tuple(lexicon(lang, "events").get("venue_suffixes", []))
    anaphoric = tuple(lexicon(lang, "events").get("anaphoric_determiners", []))
    mentions = []
    # what each noun last named in full: an excluded kind ("マラソン大会") or an event
    last_named: dict[str, bool] = {}
    for noun_start, noun_end in _noun_spans(text, lang):
        noun = text[noun_start:noun_end]
        if any(s <= noun_start < e or s < noun_end <= e for s, e in excluded_spans):
            last_named[noun] = False
            continue
        if organisers and text.startswith(organisers, noun_end):
            continue  # "大会組織委員会", "博览会组委会": the organiser, not the event
        if venues and text[noun_end:noun_end + 12].lower().startswith(venues):
            continue  # "商工会議所", "国际会议中心", "Expo Center": a building or a body named after events
        if _verb_with_its_object(text, noun_end, noun, lang):
            continue  # "looking forward to meeting you": the verb, no meeting
        grow = {"ru": _name_ru, "en": _name_en}.get(lang, _name_cjk)
        name_start, name_end = grow(text, noun_start, noun_end, lang)
        name = text[name_start:name_end].strip()
        if noun in _proper_name_nouns(lang) and not _heads_a_proper_name(text[name_start:noun_start]):
            continue  # "Last Week", "in Recent Days" of a title-case headline
        # Japanese and Chinese refer back with the bare noun or 同/该 before it (the languages with such words)
        refers_back = bool(anaphoric) and (name == noun or text.endswith(anaphoric, 0, noun_start)
                                           or _edition_by_city(name, noun))
        if refers_back and last_named.get(noun) is False:
            continue  # 同大会, a bare 大会 after a marathon (マラソン大会): the said race, no event either
        if not refers_back:
            last_named[noun] = True
        mentions.append(
            EventMention(
                start=noun_start,
                end=noun_end,
                name_start=name_start,
                name_end=name_end,
                name=name,
                event_type=event_type_of(noun, lang),
                ordinal=_ordinal(name, lang) or (_edition_before(text, name_start, lang) if name != noun else None),
            )
        )
    return tuple(mentions)


@lru_cache(maxsize=None)
def _edition_of(lang: str) -> re.Pattern[str] | None:
    return patterns_any(lexicon(lang, "events").get("edition_of"))


def _edition_before(text: str, name_start: int, lang: str) -> int | None:
    """"The 101st session of the China Import and Export Fair": the edition noun before the name carries the
    event's ordinal (a named event only: "the second session of the forum" is a sitting of it)."""
    pattern = _edition_of(lang)
    match = pattern.search(text, max(0, name_start - 40), name_start) if pattern is not None else None
    return _ordinal(match.group("ordinal"), lang) if match else None


@lru_cache(maxsize=None)
def _verb_objects(lang: str) -> re.Pattern[str] | None:
    words = lexicon(lang, "events").get("verb_objects") or []
    return re.compile(rf"\s+(?:{literal_alternation(words)})", re.IGNORECASE) if words else None


def _verb_with_its_object(text: str, noun_end: int, noun: str, lang: str) -> bool:
    objects = _verb_objects(lang)
    return objects is not None and noun.lower().endswith("ing") and bool(objects.match(text, noun_end))


def _noun_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where the event nouns stand. In Chinese and Japanese one noun may run on into another that overlaps it
    (交流会 + 会议 = 交流会议, 说明会 + 会议): the noun is the two together."""
    pattern = _noun_pattern(lang)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if spans and start < spans[-1][1]:
            continue
        if lang in CJK_LANGS:
            for inner in range(start + 1, end):
                longer = pattern.match(text, inner)
                if longer and longer.end() > end:
                    end = longer.end()
        spans.append((start, end))
    return spans


def _edition_by_city(name: str, noun: str) -> bool:
    """札幌大会, 東京大会: an edition of a series named by its city alone, which after a race or games (冬季アジア
    競技大会) is that series' edition too."""
    prefix = name[: -len(noun)] if name.endswith(noun) else ""
    return 2 <= len(prefix) <= 5 and bool(get_gazetteer().lookup(prefix))


# --- names -----------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"«[^»]{1,80}»|\"[^\"]{1,80}\"|“[^”]{1,80}”|[\w\-]+|\S")


def _tokens(segment: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group(0)) for m in _TOKEN.finditer(segment)]


def _name_ru(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = _tokens(text[line_start:start], line_start)
    name_start = start
    for token_start, _, token in reversed(left):
        if _RU_ORDINAL.match(token) or _ROMAN.match(token) or _ordinal_word(token, lang) or (
            _RU_ADJECTIVE.match(token) and token.lower() not in _RU_STOP and not _RU_NOUN_LOOKS_ADJECTIVE.search(token.lower())
        ):
            name_start = token_start
            continue
        break
    right = _tokens(text[end:line_end], end)
    name_end = end
    taken = 0
    for index, (_, token_end, token) in enumerate(right):
        lowered = token.lower().replace("ё", "е")  # «прошёл» as «прошел»: writers use ё or not
        if token[0] in "«\"“":
            name_end = token_end
            taken += 1
            continue
        if not re.match(r"[\w\-]", token) or lowered in _RU_STOP or _RU_VERBISH.search(lowered) and not _RU_ADJECTIVE.match(token):
            break
        if lowered in _RU_NAME_LINKS:
            following = right[index + 1][2] if index + 1 < len(right) else ""
            if lowered in ("в", "на") or not following or following[0].isdigit() and lowered != "по":
                break
        if token[0].isdigit() and not re.match(r"^\d{4}$", token):
            break
        previous = right[index - 1][2] if index else text[start:end]
        if lang == "ru" and token[0].islower() and "-" not in token and previous \
                and not _RU_ADJECTIVE.match(previous) and previous.lower() not in _RU_NAME_LINKS \
                and russian.is_nominative_noun(token):
            # «… двух государств губернатор области»: a subject after a noun starts the clause; after an adjective
            # or «и» it is the name's own head («… и Международная конференция»)
            break
        # a capitalised word after the noun starts a person or place ("… выставки Вэй …"), unless it is an
        # adjective or a hyphenated compound of the name itself ("ЭКСПО Китай-АСЕАН")
        if token[0].isupper() and not _RU_ADJECTIVE.match(token) and "-" not in token:
            break
        name_end = token_end
        taken += 1
        if taken >= 10:
            break
    # a trailing link word ("по", "и") is not part of the name
    while True:
        tail = text[name_start:name_end].rstrip()
        last = tail.split()[-1].lower() if tail.split() else ""
        if last in _RU_NAME_LINKS and len(tail.split()) > 1:
            name_end = name_start + len(tail) - len(last)
            continue
        break
    if text[name_start:name_end].rstrip().endswith(" года") or re.search(r"\d{4}$", text[name_start:name_end].rstrip()):
        pass
    return name_start, name_start + len(text[name_start:name_end].rstrip())


def _heads_a_proper_name(before: str) -> bool:
    """The word a name puts right before its head noun is a capitalised word of its own ("Sister Cities Week",
    "Business Days"), not a determiner or a time word ("This Week", "Last Week", "Recent Days")."""
    words = re.findall(r"[A-Za-z][\w'’\-&]*", before)
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() not in _EN_STOP | _TIME_WORDS


_TIME_WORDS = {"last", "next", "each", "every", "past", "coming", "recent", "first", "second", "final", "whole", "one",
               "two", "three", "four", "five", "several", "few", "many", "holy", "golden"}
_EN_STOP = {"a", "an", "the", "at", "in", "on", "of", "for", "with", "and", "or", "to", "from", "by", "as", "its", "their",
            "this", "that", "during", "after", "before", "since", "said", "was", "were", "is", "are", "has", "have",
            # headline verbs before the event noun ("Harbin hosts …", "cities hold friendship forum")
            "hold", "holds", "held", "host", "hosts", "hosted", "open", "opens", "opened", "close", "closes", "closed",
            "sign", "signs", "signed", "attend", "attends", "launch", "launches", "join", "joins", "end", "ends",
            "begin", "begins", "yield", "yields", "wrap", "wraps", "kick", "kicks", "stage", "stages", "set", "sets",
            "joined", "attended", "took", "take", "takes",
            # prepositions: "joined via video link" is no "via video link"
            "via", "through", "into", "onto", "over", "under", "about", "between", "among", "across", "within",
            "without", "toward", "towards", "upon", "per", "like", "than", "amid", "despite"}


# a quoted name the event noun ends: its opening quote on the line before the noun, its closing one soon after
_EN_OPEN_QUOTES = "“\""
_QUOTED_NAME_REACH = 160
_QUOTE_TAIL = re.compile(r"[^“”\"\n.;!?]{0,40}?[”\"]")


def _quoted_name_en(text: str, start: int, end: int) -> tuple[int, int] | None:
    """“China (Zhuhai, Macao) - Brazil (Sao Paulo) Economic and Trade Exchange Seminar”: a name in quotes is the
    whole quotation, brackets, dashes and lists of places included."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - _QUOTED_NAME_REACH)
    for position in range(start - 1, window_start - 1, -1):
        char = text[position]
        if char in "”.;!?":
            return None
        if char in _EN_OPEN_QUOTES and (char != '"' or text.count('"', line_start, position) % 2 == 0):
            tail = _QUOTE_TAIL.match(text, end)
            if tail is None or not text[position + 1:position + 2].strip():
                return None
            return position + 1, tail.end() - 1
    return None


def _bracket_run(left: list[tuple[int, int, str]], index: int) -> int | None:
    """The index of the "(" opening the bracket that closes at ``left[index]``, when all inside is capitalised
    words, numbers and commas ("Ho Chi Minh City (HCMC)", "China (Zhuhai, Hengqin, Macao)"); else None."""
    for inner in range(index - 1, max(-1, index - 12), -1):
        token = left[inner][2]
        if token == "(":
            return inner if inner < index - 1 else None
        if not (token[:1].isupper() or token.isdigit() or token in (",", "and", "&")):
            return None
    return None


_PLACE_NOUNS = frozenset({"city", "province", "prefecture", "county", "region", "state"})


def _name_en(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    quoted = _quoted_name_en(text, start, end)
    if quoted is not None:
        return quoted
    line_start = text.rfind("\n", 0, start) + 1
    left = _tokens(text[line_start:start], line_start)
    name_start = start
    lowercase_run = 0
    seen_capital = False
    index = len(left)
    while index > 0:
        index -= 1
        token_start, _, token = left[index]
        lowered = token.lower()
        if token == ")" and seen_capital and (opening := _bracket_run(left, index)) is not None and opening > 0:
            # "Ho Chi Minh City (HCMC)-Daegu City Business Forum": a bracketed gloss inside the name
            index = opening
            name_start = left[opening][0]
            continue
        if token[:1] in "-–" and token[1:2].isupper():
            # "(HCMC)-Daegu": a hyphen joining two cities of the name
            token_start += len(token) - len(token.lstrip("-–"))
            token = token.lstrip("-–")
            lowered = token.lower()
        if lowered in _PLACE_NOUNS and seen_capital and index > 0 and left[index - 1][2][:1].isupper():
            name_start = token_start  # "Ho Chi Minh city (HCMC)-Daegu …": a lower-case place noun after its name
            continue
        if lowered in _EN_ORDINAL_WORDS or re.match(r"^\d{1,3}(?:st|nd|rd|th)$", token):
            name_start = token_start  # an edition ordinal opens the name
            break
        if lowered in ("and", "&", "of", "for") and seen_capital and index > 0 and left[index - 1][2][:1].isupper():
            # "International Economic and Trade Fair": a link word between capitalised words of one name
            name_start = token_start
            continue
        if (seen_capital and token in get_gazetteer().name_particles() and lowered not in _EN_STOP and index > 0
                and left[index - 1][2][:1].isupper()):
            # "Dar es Salaam International Trade Fair": the particle inside a place's name
            name_start = token_start
            continue
        if (token[:1].isupper() or re.match(r"^\d{4}$", token) or token in ("-", "&")) and lowered not in _EN_STOP:
            name_start = token_start
            seen_capital = True
            continue
        # "business forum", "trade and investment fair": plain words right before the noun, up to three
        if not seen_capital and re.match(r"^[a-z][a-z\-]+$", token) and lowered not in _EN_STOP and lowercase_run < 3:
            name_start = token_start
            lowercase_run += 1
            continue
        break
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    right = _tokens(text[end:line_end], end)
    name_end = end
    index = 0

    def capitalised_at(i: int) -> bool:
        # "the" inside a name runs on to a capitalised word: "of the Intergovernmental Commission", "and the Far East"
        if i < len(right) and right[i][2] == "the":
            i += 1
        return i < len(right) and right[i][2][:1].isupper()

    calendar = _calendar_words(lang)
    while index < len(right):
        token = right[index][2]
        if token.lower() in ("on", "of", "for") and capitalised_at(index + 1) \
                and right[index + 1][2].lower() not in calendar:  # "the … Forum on June 5-6" is its day
            index += 1
            while index < len(right) and (right[index][2][:1].isupper() or right[index][2] in ("-", "and", "&")
                                          or (right[index][2] == "the" and capitalised_at(index))):
                name_end = right[index][1]
                index += 1
            continue
        break
    return name_start, name_end


@lru_cache(maxsize=None)
def _calendar_words(lang: str) -> frozenset[str]:
    """The names of months and weekdays (the dates lexicon's), lower case."""
    dates = lexicon(lang, "dates")
    return frozenset(word_map(dates.get("months"))) | frozenset(word_map(dates.get("weekdays")))


# "与", "和", "及" end a name ("A与B举行论坛") unless the words before them go back to an edition number that opens it
_NAME_CONJUNCTIONS = frozenset("与和及")
_EDITION_BEFORE = re.compile(r"(?:第[0-9０-９一二三四五六七八九十百]{1,4}[届回]|(?:19|20)\d\d(?!年))[^\s、，,。；;：:！？!?（）()「」“”《》与和及的在于了是将由从对向为并]*$")
_EDITION_REACH = 24


def _name_cjk(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    # a name quoted with 「」 or “” is the whole quotation; a quotation with a clause's punctuation is somebody's
    # words ("「…国際会議を開催でき、意義あること」"), inside which the name grows as in running text
    for opening, closing in (("「", "」"), ("“", "”"), ("《", "》"), ("『", "』")):
        before = text.rfind(opening, max(0, start - 40), start)
        after = text.find(closing, before) if before != -1 else -1
        if after >= end and closing not in text[before + 1:start] and not _SPOKEN.search(text, before + 1, after):
            return before + 1, after
    name_start = start
    i = start - 1
    while i >= 0 and start - i <= 30:
        char = text[i]
        if char in "\n":
            break
        if lang == "ja" and _HIRAGANA.match(char):
            break
        if char in ")）":
            # a short parenthesis inside a name: "第十届中国(哈尔滨)国际经济贸易洽谈会"
            opening = max(text.rfind("(", max(0, i - 8), i), text.rfind("（", max(0, i - 8), i))
            if opening > 0 and _joins_name(text, opening - 1):
                name_start = opening
                i = opening - 1
                continue
            break
        if char in _CLOSING_QUOTES:
            # a short quoted word inside a name: 中国“三会”(某市)交流会, a nickname of its organisers
            opening = _short_quotation_start(text, i)
            if opening > 0 and _joins_name(text, opening - 1):
                name_start = opening
                i = opening - 1
                continue
            break
        if char in _NAME_CONJUNCTIONS and _EDITION_BEFORE.search(text, max(0, i - _EDITION_REACH), i):
            # "第七届…合作与发展论坛": a name that opens with its edition holds its "and"
            name_start = i
            i -= 1
            continue
        if char in _ZH_BOUNDARY or (char in _DATE_UNITS and i > 0 and text[i - 1].isdigit()):
            # "第七届" and "2024" glue to the name; a date ("19日") or a particle does not
            break
        if char == " " and not (i > 0 and text[i - 1].isdigit()):
            break
        if not _CJK_NAME_CHAR.match(char) and char not in " ":
            break
        name_start = i
        i -= 1
    # a verb before the name is not part of it: "双方举行视频会议" names "视频会议"
    prefix = text[name_start:start]
    cut = max((prefix.rfind(verb) + len(verb) for verb in _name_stop_verbs(lang) if verb in prefix), default=0)
    return name_start + cut, end


_CLOSING_QUOTES = {"”": "“", "」": "「", "』": "『"}
_SHORT_QUOTATION = 6


def _short_quotation_start(text: str, closing: int) -> int:
    """Where the short quotation that ``closing`` ends opens (-1 where it is no short run of name characters)."""
    opening = text.rfind(_CLOSING_QUOTES[text[closing]], max(0, closing - _SHORT_QUOTATION - 1), closing)
    if opening == -1 or not all(_CJK_NAME_CHAR.match(ch) for ch in text[opening + 1:closing]):
        return -1
    return opening


def _joins_name(text: str, position: int) -> bool:
    """The character at ``position`` goes on a name leftwards: a name's own character, or the end of a short
    quotation inside it."""
    char = text[position]
    if _CJK_NAME_CHAR.match(char):
        return True
    return char in _CLOSING_QUOTES and _short_quotation_start(text, position) > 0 \
        and _joins_name(text, _short_quotation_start(text, position) - 1)


@lru_cache(maxsize=None)
def _name_stop_verbs(lang: str) -> tuple[str, ...]:
    events = lexicon(lang, "events")
    return tuple(events.get("occurrence_verbs", [])) + tuple(events.get("name_stop_words", []))


@lru_cache(maxsize=None)
def _ordinal_words(lang: str) -> tuple[tuple[str, int], ...]:
    words = lexicon(lang, "events").get("ordinal_words", {})
    return tuple(sorted(words.items(), key=lambda item: -len(item[0])))


_ORDINAL_ENDINGS = {"ый", "ий", "ой", "ая", "ья", "ое", "ье", "ые", "ьи", "ого", "его", "ьего", "ому", "ему", "ьему", "ом",
                    "ем", "ьем", "ую", "ью", "ей", "ьей", "ых", "их", "ьих", "ым", "им", "ьим", "ыми", "ими"}


def _ordinal_word(token: str, lang: str) -> int | None:
    """"Третье", "двадцатого": an ordinal number word (stem plus an adjective ending)."""
    lowered = token.lower()
    for stem, value in _ordinal_words(lang):
        if lowered.startswith(stem) and lowered[len(stem):] in _ORDINAL_ENDINGS:
            return value
    return None


def _ordinal(name: str, lang: str) -> int | None:
    if lang in ("zh", "ja"):
        match = re.search(r"第\s*([0-9０-９一二三四五六七八九十百]+)\s*[届回次]", name)
        return _cjk_small_number(match.group(1)) if match else None
    for token in re.findall(r"[\w\-]+", name)[:4]:
        if lang == "ru":
            m = _RU_ORDINAL.match(token)
            if m:
                return int(m.group(1))
            value = _ordinal_word(token, lang)
            if value:
                return value
        if _ROMAN.match(token):
            return _roman(token)
        if lang == "en":
            if token.lower() in _EN_ORDINAL_WORDS:
                return _EN_ORDINAL_WORDS[token.lower()]
            m = re.match(r"^(\d{1,3})(?:st|nd|rd|th)$", token)
            if m:
                return int(m.group(1))
    return None


def _roman(token: str) -> int:
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        total += -value if index + 1 < len(token) and _ROMAN_VALUES[token[index + 1]] > value else value
    return total


def _cjk_small_number(token: str) -> int | None:
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    total, current = 0, 0
    for char in token:
        if char in digits:
            current = digits[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current or None


def find_delegation_visit(text: str, lang: str, lead_sentences: int = 4) -> EventMention | None:
    """A report with no event noun whose lead sends a delegation between twin towns («делегация
    города-побратима прибыла», 友好城市代表团访问): the visit is a sister-city meeting, the delegation its name."""
    delegation = word_pattern(lang, "delegation_nouns")
    twin = twin_town_pattern(lang)
    if delegation is None or twin is None:
        return None
    lead = split_sentences(text)[:lead_sentences]
    if not any(twin.search(sentence.text) for sentence in lead):
        return None
    # the sentence that names both the delegation and the twin towns first: it tells the visit, a headline only names it
    for sentence in sorted(lead, key=lambda s: not twin.search(s.text)):
        found = delegation.search(sentence.text)
        if found:
            start, end = sentence.start + found.start(), sentence.start + found.end()
            return EventMention(start, end, start, end, text[start:end], "exchange_meeting", None)
    return None


def delegation_mentions(text: str, lang: str) -> list[EventMention]:
    """Every mention of a delegation: where a visit is the event, each sentence that names the delegation tells it
    ("平成28年5月17日~24日、親善使節団を派遣しました")."""
    delegation = word_pattern(lang, "delegation_nouns")
    if delegation is None:
        return []
    return [EventMention(m.start(), m.end(), m.start(), m.end(), m.group(0), "exchange_meeting", None)
            for m in delegation.finditer(text)]


@lru_cache(maxsize=None)
def word_pattern(lang: str, key: str) -> re.Pattern[str] | None:
    # Russian and English words are stems with endings; Japanese and Chinese ones whole words
    return words_pattern(lang, lexicon(lang, "events").get(key), match="stem")


@lru_cache(maxsize=None)
def twin_town_pattern(lang: str) -> re.Pattern[str] | None:
    """Words of twin towns: the ones counts.py reads sister-city agreements by."""
    return patterns_any(lexicon(lang, "counts").get("sister_city"))


@lru_cache(maxsize=None)
def _signing_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    verbs = lexicon(lang, "events")["signing_verbs"]
    counts = lexicon(lang, "counts")
    objects = [stem for kind, stems in counts["count_nouns"].items() if kind in ("agreements", "contracts", "memoranda")
               for stem in stems] + list(counts["sister_city"])
    if not verbs or not objects:
        return None
    boundary = r"\b" if lang in ("en", "ru") else ""
    verb = re.compile(boundary + "(?:" + "|".join(re.escape(v) for v in verbs) + ")", re.IGNORECASE)
    return verb, re.compile("(?:" + "|".join(objects) + ")", re.IGNORECASE)


# how far from a signing verb a word of anniversary makes it an anniversary's
_ANNIVERSARY_REACH = 16


# between "anniversary" and the signing it celebrates: "… of the" (en), « » (ru); a number of years in ja and zh
_ANNIVERSARY_GAP = {"en": 10, "ru": 3, "ja": 4, "zh": 4}


def anniversary_of_signing(text: str, start: int, end: int, lang: str) -> bool:
    """The signing word at ``start:end`` is the one an anniversary celebrates ("the 20th anniversary of the signing",
    «30-летие подписания», 締結45周年, 签署30周年): the word of anniversary stands right before it in Russian and
    English, right after it in Japanese and Chinese."""
    anniversary = word_pattern(lang, "anniversary_words")
    if anniversary is None:
        return False
    gap = _ANNIVERSARY_GAP.get(lang, 0)
    if lang in ("ja", "zh"):
        return any(m.start() - end <= gap for m in anniversary.finditer(text, end, end + gap + 4))
    return any(0 <= start - m.end() <= gap and not re.search(r"[.,;:!?]", text[m.end():start])
               for m in anniversary.finditer(text, max(0, start - gap - 40), start))


def find_signing_event(text: str, lang: str, lead_sentences: int = 4) -> EventMention | None:
    """A report with no event noun whose headline or lead signs an agreement ("the governor signed a trade
    agreement with …", 两市签署友好城市协议) reports a signing: the verb is the event, the clause its name."""
    patterns = _signing_patterns(lang)
    if patterns is None:
        return None
    verb, obj = patterns
    anniversary = word_pattern(lang, "anniversary_words")
    for sentence in split_sentences(text)[:lead_sentences]:
        signed = verb.search(sentence.text)
        if signed is None:
            continue
        if anniversary is not None and anniversary.search(
                sentence.text, max(0, signed.start() - _ANNIVERSARY_REACH), signed.end() + _ANNIVERSARY_REACH):
            continue  # 姉妹都市締結45周年, «30-летие подписания»: the anniversary of a signing long past
        # the object nearest the verb names what was signed ("marked 40 years of sister-city ties at a lunch,
        # where four memorandums were signed": the memorandums, not the ties)
        signed_what = min(obj.finditer(sentence.text), default=None,
                          key=lambda found: abs(found.start() - signed.start()))
        if signed_what:
            start = sentence.start + min(signed.start(), signed_what.start())
            end = sentence.start + max(signed.end(), signed_what.end())
            if lang in ("en", "ru"):
                while end < len(text) and text[end].isalnum():
                    end += 1  # the object's stem ("memorand") to the end of its word ("memorandum")
            return EventMention(sentence.start + signed.start(), sentence.start + signed.end(), start, end,
                                text[start:end], "signing", None)
    return None
