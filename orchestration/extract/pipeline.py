"""One parsed document to raw extractions: the event it reports and the facts attached to that event.

The extractors find mentions (events, dates, places, countries, counts, money); the modules of ``roles`` decide
which mentions belong to the document's event and in which role: which date is the event's, which city hosts it,
which cities and countries take part, which count is the number of agreements, which amounts are deals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from orchestration.extract.chinese import to_simplified
from orchestration.extract.counts import tells_a_plan
from orchestration.extract.dates import find_dateline
from orchestration.extract.dates.plausibility import implausible_reason
from orchestration.extract.events import (
    delegation_mentions,
    find_delegation_visit,
    find_events,
    find_signing_event,
    twin_town_pattern,
)
from orchestration.extract.lexicons import LANGUAGES, lexicon
from orchestration.extract.roles.cities import city_rows, is_online
from orchestration.extract.roles.context import Context, cue_pattern, lead_sentences, make_row, sentence_of
from orchestration.extract.roles.countries import country_rows
from orchestration.extract.roles.event_dates import (
    chronology_sentences,
    counted_back_sentences,
    dated_history_sentences,
    event_date,
    has_signing_cue,
    other_year_named_sentences,
    other_year_sentences,
    reference_date,
)
from orchestration.extract.roles.outcomes import agreement_count_row, money_rows
from orchestration.extract.roles.relevance import (
    has_cooperation_cue,
    names_several_nations,
    has_occurrence_verb,
    is_background,
    is_generic,
    is_not_a_report,
    main_event,
    names_countries,
    names_twin_towns,
)
from orchestration.extract.text import fold_lookalikes, sentence_at, split_sentences
from orchestration.extract.version import extractor_version
from orchestration.extract.wordlists import words_pattern

# changes with any change to the extraction code, its lexicons or its reference data
EXTRACTOR_VERSION = extractor_version()


@dataclass
class DocumentExtraction:
    document_id: str
    is_relevant: bool
    relevance_reason: str
    rows: list[dict] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        return sum(1 for row in self.rows if row["kind"] == "event")


def _event_months(fields: dict) -> frozenset[int]:
    """The months the event's dates span, where both ends' months are known (one if only one is)."""
    first, last = fields.get("start_month"), fields.get("end_month")
    if first is None and last is None:
        return frozenset()
    first, last = first or last, last or first
    return frozenset(range(first, last + 1)) if first <= last else frozenset(range(first, 13)) | frozenset(range(1, last + 1))


def extract_document(document_id: str, text: str, lang: str, *, title: str | None = None,
                     published_date: date | None = None) -> DocumentExtraction:
    """``text`` is the parsed article: its first line is the title when ``title`` is given."""
    if lang not in LANGUAGES:
        return DocumentExtraction(document_id, False, "unsupported_language")
    title_end = len(title) if title and text.startswith(title) else 0
    if lang == "zh":
        # the lexicons are Simplified; offsets stay valid, and surfaces are cut from the original below
        original, text = text, to_simplified(text)
    elif lang == "ru":
        original, text = text, fold_lookalikes(text)
    else:
        original = text
    visit = find_delegation_visit(text, lang)
    events = find_events(text, lang) or [e for e in [find_signing_event(text, lang) or visit] if e is not None]
    if not events:
        return DocumentExtraction(document_id, False, "no_event_mention")
    if not has_cooperation_cue(text, lang) and not any(names_countries(e.name, lang) for e in events) \
            and not names_several_nations(text, lang):
        return DocumentExtraction(document_id, False, "no_cooperation_vocabulary")
    if title_end and is_not_a_report(text[:title_end], lang):
        return DocumentExtraction(document_id, False, "not_a_news_report")

    sentences = tuple(split_sentences(text))
    dateline = find_dateline(text, lang)
    history = dated_history_sentences(text, lang, reference_date(dateline, published_date)) \
        | counted_back_sentences(sentences, lang)
    main = main_event(events, text, title_end, sentences, lang, history)
    if visit is not None and _sentence_start(sentences, main.start) in history \
            and _sentence_start(sentences, visit.start) not in history:
        # "signed the twinning agreement on 3 July 1999" is history; the delegation's visit now is the report
        main = visit
    if is_generic(main, lang, text):
        # «Встреча прошла в формате видеоконференции»: a named kind of event beside the bare meeting is the event
        specific = [e for e in events if not is_generic(e, lang, text)]
        if specific:
            main = main_event(specific, text, title_end, sentences, lang, history)
        elif visit is not None and visit.start < main.start:
            # "A delegation from the sister city will be in Sioux City on 16 November … Meetings and tours are
            # scheduled": the twin towns' visit of the lead is the event, the later bare meetings are part of it
            main = visit
        elif find_signing_event(text, lang) is None and not names_twin_towns(text[:_lead_end(sentences, title_end)], lang):
            return DocumentExtraction(document_id, False, "generic_event_only")
    if _called_off(events, sentences, title_end, lang):
        return DocumentExtraction(document_id, False, "event_called_off")
    # the sentence of each event mention, by bisection: a long document has thousands of both
    event_types: dict[int, set[str]] = {}
    told = events if main in events else [*events, main]
    if main == visit:
        told = [*told, *delegation_mentions(text, lang)]
    for e in told:
        if (sentence := sentence_at(sentences, e.start)) is not None:
            event_types.setdefault(sentence.start, set()).add(e.event_type)
    own_type = {start for start, types in event_types.items() if main.event_type in types}
    event_sentences = frozenset(
        s.start for s in sentences if s.start in own_type or has_occurrence_verb(s.text, lang)
    )
    background = frozenset(s.start for s in sentences if is_background(s.text, lang)) | _series_history(events, sentences)
    if _sentence_start(sentences, main.start) not in history:
        background |= history  # what the report dates years back did not happen at its event
    # a timeline of other occasions; the sentence that tells the event itself stays
    background |= chronology_sentences(text, lang, reference_date(dateline, published_date))
    # the sentence that tells the event itself is never background, though it may compare it with the last one
    # ("昨年11月に宜野湾市で開かれた商談会で、成約率は前回より減少した")
    background -= {_sentence_start(sentences, main.start)}
    other_events = frozenset(start for start in event_types if start not in own_type)
    ctx = Context(text, lang, title_end, sentences, event_sentences, background, other_events)
    event_ref = f"{document_id}:1"
    rows: list[dict] = []
    main_sentence = sentence_of(ctx, main.start)
    rows.append(make_row(document_id, "event", event_ref, None, main.name_start, main.name_end, text, main_sentence,
                         event_name=main.name, event_type=main.event_type, event_ordinal=main.ordinal))

    date_row = event_date(ctx, dateline, published_date, main)
    event_year = None
    if date_row:
        fields = date_row["fields"]
        # kept with its reason, so that the warehouse drops the date and says why (the event is still published)
        implausible = implausible_reason(fields["start_year"], fields["end_year"],
                                         reference_date(dateline, published_date))
        # a year left unknown on purpose (the written weekday contradicts the report's year) says why, so that
        # the warehouse does not complete it from the publication date either
        attributes = {key: value for key, value in (("implausible_date", implausible),
                                                    ("year_unknown", date_row.get("year_unknown"))) if value}
        rows.append(make_row(document_id, "event_date", event_ref, "event", date_row["start"], date_row["end"], text,
                             sentence_of(ctx, date_row["start"]), **fields,
                             **({"attributes": attributes} if attributes else {})))

        event_year = fields["start_year"] or fields["end_year"]
        if event_year and not implausible:
            told = frozenset({main_sentence.start, sentence_of(ctx, date_row["start"]).start})
            elsewhere = other_year_sentences(ctx, dateline, published_date, event_year, keep=told)
            ctx = replace(ctx, background_sentences=ctx.background_sentences | elsewhere, other_year_sentences=elsewhere,
                          other_year_named_sentences=other_year_named_sentences(
                              ctx, dateline, published_date, event_year, _event_months(fields)) - told)
    if not event_year:
        # a report that never gives its event's year still dates other editions ("In 2023, 167 documents were
        # signed at the forum"): a sentence an earlier year opens is not about this one
        told = frozenset({main_sentence.start} | ({sentence_of(ctx, date_row["start"]).start} if date_row else set()))
        elsewhere = other_year_sentences(ctx, dateline, published_date, None, keep=told)
        # its month and day still date it: "In May, the leaders signed…" told in the report of a June fair
        months = _event_months(date_row["fields"]) if date_row else frozenset()
        ctx = replace(ctx, background_sentences=ctx.background_sentences | elsewhere, other_year_sentences=elsewhere,
                      other_year_named_sentences=other_year_named_sentences(
                          ctx, dateline, published_date, None, months) - told)

    cities, host_country = city_rows(ctx, document_id, event_ref, dateline, main)
    rows.extend(cities)
    rows.extend(country_rows(ctx, document_id, event_ref, host_country))
    count_row = agreement_count_row(ctx, document_id, event_ref)
    if count_row:
        rows.append(count_row)
    rows.extend(money_rows(ctx, document_id, event_ref))
    # an event noun alone ("forums promise billions") reports nothing: a report fixes a date, a place or an outcome,
    # and a signing told in the event's own sentence or in the title is one ("Regions sign agreements at forum")
    evidence = {row["kind"] for row in rows} & {"event_date", "agreement_count"}
    # a signing to come ("plans to sign next year") is none
    if (has_signing_cue(ctx, main.start) and not tells_a_plan(main_sentence.text, lang)) \
            or (ctx.title_end and has_signing_cue(ctx, 0) and not tells_a_plan(text[:title_end], lang)):
        evidence.add("signing")
    # a call between cities fixes its sides instead of a place
    sides = {r["city_id"] for r in rows if r["kind"] == "city" and r["role"] == "partner"}
    if not evidence and not any(r["kind"] == "money" and r["is_deal"] for r in rows) \
            and not any(r["kind"] == "city" and r["role"] == "host" for r in rows) \
            and not (len(sides) >= 2 and is_online(ctx, main)):
        return DocumentExtraction(document_id, False, "no_event_facts")
    for row in rows:
        row["extractor_version"] = EXTRACTOR_VERSION
        if original is not text:
            _restore_surfaces(row, original, text)
    return DocumentExtraction(document_id, True, "cooperation_event", rows)


def _series_history(events: list, sentences: tuple) -> frozenset[int]:
    """Sentences that name two or more editions of a series ("from the 1st conference in Khabarovsk in 1970 to the
    21st in Blagoveshchensk"): the series' history, whose places and figures are not this edition's."""
    editions: dict[int, set[int]] = {}
    for event in events:
        if event.ordinal and (sentence := sentence_at(sentences, event.start)) is not None:
            editions.setdefault(sentence.start, set()).add(event.ordinal)
    return frozenset(start for start, ordinals in editions.items() if len(ordinals) >= 2)


def _called_off(events: list, sentences: tuple, title_end: int, lang: str) -> bool:
    """The title or the lead says an event it names is cancelled or postponed, or that a twinning is suspended or
    ended, and nothing there says anything was held ("President cancels the forum due to floods"); a cancellation
    of earlier years is background."""
    cancelled, twins = cue_pattern(lang, "cancellation_cues"), twin_town_pattern(lang)
    severed, resumed = _twinning_change_patterns(lang)
    lead_end = _lead_end(sentences, title_end)
    for sentence in sentences:
        if sentence.start >= lead_end:
            break
        if has_occurrence_verb(sentence.text, lang) or is_background(sentence.text, lang):
            continue
        if cancelled is not None and cancelled.search(sentence.text) \
                and any(sentence.start <= event.start < sentence.end for event in events):
            return True
        # "Sarasota suspends its sister-city tie with Vladimir": a twinning ended, no meeting of the towns
        if severed is not None and twins is not None and severed.search(sentence.text) and twins.search(sentence.text) \
                and not (resumed is not None and resumed.search(sentence.text)):
            return True
    return False


@lru_cache(maxsize=8)
def _twinning_change_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Severance and resumption cues: whole English words ("sever" is not in "several"), Russian stems with their
    endings."""
    match = "stem" if lang == "ru" else "whole"
    events = lexicon(lang, "events")
    return (words_pattern(lang, events.get("severance_cues"), match=match),
            words_pattern(lang, events.get("resumption_cues"), match=match))


def _sentence_start(sentences: tuple, offset: int) -> int | None:
    sentence = sentence_at(sentences, offset)
    return sentence.start if sentence is not None else None


def _lead_end(sentences: tuple, title_end: int) -> int:
    body = lead_sentences(sentences, title_end)
    return body[-1].end if body else title_end


def _restore_surfaces(row: dict, original: str, folded: str) -> None:
    """Text fields of a row as the document writes them (the row was found on the folded copy)."""
    start, end = row["start_offset"], row["end_offset"]
    row["surface"] = original[start:end]
    row["sentence"] = original[row["sentence_start"]:row["sentence_start"] + len(row["sentence"])]
    name = row.get("event_name")
    if name and (position := folded.find(name, start)) != -1:
        row["event_name"] = original[position:position + len(name)]
