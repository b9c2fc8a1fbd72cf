"""What every role decision reads: the document, its sentences, and which of them are about the event; and
the one shape of a raw extraction row."""
from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from orchestration.extract.lexicons import lexicon
from orchestration.extract.places.common import CHINESE_REGIONS
from orchestration.extract.wordlists import words_pattern
from orchestration.extract.text import Sentence, sentence_at, starts_of


@dataclass(frozen=True)
class Context:
    """What every role decision needs to know about the document."""

    text: str
    lang: str
    title_end: int  # the title is the first line of the text; 0 when the page has none
    sentences: tuple[Sentence, ...]
    event_sentences: frozenset[int]  # sentence starts that mention the event or its occurrence
    background_sentences: frozenset[int]  # sentence starts about earlier years or running totals
    # sentence starts that name another kind of event and not the document's own: a partner feature only, since a
    # forum or signing held within the reported event is part of it and its sides are the event's
    other_event_sentences: frozenset[int] = frozenset()
    # sentence starts dated to another year than the event's (part of the background): what they count or sum up
    # was signed then. Background at large is not enough to drop a figure: a closing tally is often compared with
    # the last edition's in the same sentence
    other_year_sentences: frozenset[int] = frozenset()
    # sentence starts that write some year, never the event's: a document signed one by one there was signed then
    other_year_named_sentences: frozenset[int] = frozenset()


@lru_cache(maxsize=None)
def _words_pattern(lang: str, topic: str, key: str, match: str = "anywhere") -> re.Pattern[str] | None:
    return words_pattern(lang, lexicon(lang, topic).get(key, []), match=match)


def cue_pattern(lang: str, key: str, match: str = "anywhere") -> re.Pattern[str] | None:
    """Any of the words of an events lexicon key, as written (``match="stem"``: at the start of a word, so that
    «очном» is not found in «заочном»)."""
    return _words_pattern(lang, "events", key, match)


def roles_pattern(lang: str, key: str) -> re.Pattern[str] | None:
    """Any of the words of a roles lexicon key, as written ("participation_cues", "office_nouns")."""
    return _words_pattern(lang, "roles", key)


def declines_participation(sentence: str, lang: str) -> bool:
    """"Firms from the US declined to attend": the sentence says who stayed away, not who took part."""
    pattern = roles_pattern(lang, "declined_participation")
    return pattern is not None and bool(pattern.search(sentence))


@lru_cache(maxsize=None)
def roles_lexicon(lang: str) -> dict:
    return lexicon(lang, "roles")


# the lead: the first sentences of the body, after the headline, that say what the report is about
LEAD_SENTENCES = 3


def lead_sentences(sentences: tuple[Sentence, ...], title_end: int) -> list[Sentence]:
    return [s for s in sentences if s.start >= title_end][:LEAD_SENTENCES]


def body_sentence_index(ctx: Context, sentence_start: int) -> int:
    """How many sentences of the body (after the title) come before the one that starts at ``sentence_start``: a
    place in the text that does not grow with a sentence's length, as a character offset does."""
    starts = starts_of(ctx.sentences)
    return max(0, bisect_left(starts, sentence_start) - bisect_left(starts, ctx.title_end))


def sentence_start(ctx: Context, position: int) -> int:
    return sentence_of(ctx, position).start


def sentence_of(ctx: Context, position: int) -> Sentence:
    sentence = sentence_at(ctx.sentences, position)
    if sentence is not None:
        return sentence
    line_start = ctx.text.rfind("\n", 0, position) + 1
    line_end = ctx.text.find("\n", position)
    line_end = len(ctx.text) if line_end == -1 else line_end
    return Sentence(line_start, line_end, ctx.text[line_start:line_end])


def extraction_id(document_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{document_id}|{kind}|{start}|{end}".encode()).hexdigest()[:20]


_ROW_FIELDS = (
    "event_name", "event_type", "event_ordinal", "start_year", "start_month", "start_day", "end_year", "end_month",
    "end_day", "year_inferred", "city_id", "country_code", "count_value", "count_kind", "amount", "currency",
    "qualifier", "deal_status", "is_deal", "not_deal_reason", "part_of_total", "restates_extraction_id",
)


def make_row(document_id: str, kind: str, event_ref: str | None, role: str | None, start: int, end: int, text: str,
             sentence: Sentence, **values) -> dict:
    row = {
        "extraction_id": extraction_id(document_id, kind, start, end),
        "document_id": document_id,
        "extractor_version": None,  # stamped by the pipeline
        "kind": kind,
        "event_ref": event_ref,
        "role": role,
        "surface": text[start:end],
        "start_offset": start,
        "end_offset": end,
        "sentence": sentence.text,
        "sentence_start": sentence.start,
        "attributes": json.dumps(values.pop("attributes", {}), ensure_ascii=False),
    }
    for name in _ROW_FIELDS:
        row[name] = values.get(name)
    return row


# Hong Kong, Macao (and Taiwan) listed together ("from Hong Kong, Macao and Taiwan", 港澳台, 香港・マカオ) are a
# group of regions exhibitors come from, not cities taking part one by one (places.common.CHINESE_REGIONS).
# what stands between two items of a list ("A, B", "A and B", 甲、乙, 甲以及乙)
LIST_GAP = re.compile(r"^\s*(?:[,，、・/]|and|и|与|和|及|以及|と|や)?\s*$", re.IGNORECASE)


def region_group_members(text: str, items: list, code_of) -> set[int]:
    """The ids of items (anything with start/end) whose code is HK, MO or TW and which stand in a list next to
    another of the three."""
    members = [item for item in items if code_of(item) in CHINESE_REGIONS]
    grouped: set[int] = set()
    for first in members:
        for second in members:
            if first is not second and code_of(first) != code_of(second) and first.end <= second.start \
                    and LIST_GAP.match(text[first.end:second.start]):
                grouped.update({id(first), id(second)})
    return grouped
