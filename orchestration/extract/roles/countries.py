"""Which countries take part in the event: the host's, and those named as participants."""
from __future__ import annotations

import re

from orchestration.extract.countries import find_countries
from orchestration.extract.roles.context import (
    LIST_GAP,
    Context,
    declines_participation,
    make_row,
    roles_lexicon,
    roles_pattern,
    sentence_of,
)


def country_rows(ctx: Context, document_id: str, event_ref: str, host_country: str | None) -> list[dict]:
    rows = []
    institutions = roles_lexicon(ctx.lang).get("institution_nouns", [])
    seen: set[str] = set()
    mentions = find_countries(ctx.text, ctx.lang)
    listed = _listed_countries(ctx.text, mentions)
    for mention in mentions:
        sentence = sentence_of(ctx, mention.start)
        tail = ctx.text[mention.end:mention.end + 40].lower()
        if mention.form in ("adjective", "compound"):
            in_institution = _names_an_institution(ctx, mention, sentence.start, institutions)
        elif ctx.lang in ("ja", "zh"):
            # a name written right before an institution's head is inside its name (国务院台湾事务办公室); a
            # possessive particle between them makes the country the institutions' own (日本の大学, 日本的大学)
            in_institution = not tail.startswith(_POSSESSIVE) and any(
                tail.startswith(noun, offset) for noun in institutions for offset in range(_NAME_TO_HEAD))
        else:
            in_institution = False
        if mention.alpha2 == host_country:
            role = "host"
        elif sentence.start in ctx.background_sentences or in_institution \
                or (mention.inside_name and mention.form == "name") or declines_participation(sentence.text, ctx.lang):
            role = "mention"
        elif sentence.start not in ctx.event_sentences and mention.form in ("name", "adjective") \
                and not names_participants(sentence.text, ctx.lang) and id(mention) not in listed:
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


def _names_an_institution(ctx: Context, mention, sentence_start: int, institutions: list[str]) -> bool:
    """"Kazakh-British University", «Казахстанско-Британский университет»: a country's adjective that opens an
    institution's proper name. The same adjective describing firms or a school of that country ("a Vietnamese
    company", «вьетнамские компании») says the country takes part. A name is written so: its noun capitalised in
    English, its adjective capitalised inside a Russian sentence."""
    written = ctx.text[mention.end:mention.end + 40].split(",")[0][:30]
    head = next((m for noun in institutions if (m := re.search(re.escape(noun), written, re.IGNORECASE))), None)
    if head is None:
        return False
    if ctx.lang == "en":
        return written[head.start()].isupper()
    if ctx.lang == "ru":
        first_word = not ctx.text[sentence_start:mention.start].strip(" \n«\"„(—–-")
        return ctx.text[mention.start].isupper() and not first_word
    return True


# how far after a Japanese or Chinese country name an institution's head may start and still close its name
_NAME_TO_HEAD = 5
_POSSESSIVE = ("の", "的")


def names_participants(sentence: str, lang: str) -> bool:
    pattern = roles_pattern(lang, "participation_cues")
    return pattern is None or bool(pattern.search(sentence))


def _listed_countries(text: str, mentions: list) -> set[int]:
    """Countries named in a list of three or more ("Mongolia, Chile, Greece and Laos", 米国、ドイツ、中国): in a
    report of an event, such a list names the countries that sent firms or signed, whatever the verb."""
    listed: set[int] = set()
    run = [mentions[0]] if mentions else []
    for previous, mention in zip(mentions, mentions[1:]):
        if mention.start >= previous.end and LIST_GAP.match(text[previous.end:mention.start]) \
                and len(text[previous.end:mention.start]) <= 6:
            run.append(mention)
            continue
        if len({m.alpha2 for m in run}) >= 3:
            listed.update(id(m) for m in run)
        run = [mention]
    if len({m.alpha2 for m in run}) >= 3:
        listed.update(id(m) for m in run)
    return listed
