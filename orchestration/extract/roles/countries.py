"""Which countries take part in the event: the host's, and those named as participants."""
from __future__ import annotations

import re
from functools import lru_cache

from orchestration.extract.countries import find_countries
from orchestration.extract.roles.context import (
    Context,
    make_row,
    region_group_members,
    roles_lexicon,
    sentence_of,
)


def country_rows(ctx: Context, document_id: str, event_ref: str, host_country: str | None) -> list[dict]:
    rows = []
    institutions = roles_lexicon(ctx.lang).get("institution_nouns", [])
    seen: set[str] = set()
    mentions = find_countries(ctx.text, ctx.lang)
    grouped = region_group_members(ctx.text, mentions, lambda mention: mention.alpha2)
    for mention in mentions:
        sentence = sentence_of(ctx, mention.start)
        tail = ctx.text[mention.end:mention.end + 40].lower()
        in_institution = any(noun in tail.split(",")[0][:30] for noun in institutions) if mention.form in ("adjective", "compound") else False
        if mention.alpha2 == host_country:
            role = "host"
        elif sentence.start in ctx.background_sentences or in_institution or id(mention) in grouped \
                or (mention.inside_name and mention.form == "name"):
            role = "mention"
        elif sentence.start not in ctx.event_sentences and mention.form == "name" and not names_participants(sentence.text, ctx.lang):
            role = "mention"
        else:
            role = "partner"
        if role != "mention" and mention.alpha2 in seen:
            role = "mention"
        if role != "mention":
            seen.add(mention.alpha2)
        rows.append(make_row(document_id, "country", event_ref, role, mention.start, mention.end, ctx.text, sentence,
                         country_code=mention.alpha2))
    return rows


@lru_cache(maxsize=None)
def _participation_pattern(lang: str) -> re.Pattern[str] | None:
    cues = roles_lexicon(lang).get("participation_cues", [])
    return re.compile("|".join(re.escape(c) for c in cues), re.IGNORECASE) if cues else None


def names_participants(sentence: str, lang: str) -> bool:
    pattern = _participation_pattern(lang)
    return pattern is None or bool(pattern.search(sentence))
