"""Date mentions of a text: raw dates resolved against the report's day, with the cue (opening or closing) that
governs each."""
from __future__ import annotations

import bisect
import re
from datetime import date
from functools import lru_cache

from orchestration.extract import russian
from orchestration.extract.dates.common import alt, key, normalise
from orchestration.extract.dates.datelines import TIME, date_shape, find_dateline_in
from orchestration.extract.dates.grammar import (
    grammar_for,
    lower_same_length,
    scan_cached,
)
from orchestration.extract.dates.model import DateMention
from orchestration.extract.dates.resolution import (
    ResolutionContext,
    report_day,
    resolve,
)
from orchestration.extract.lexicons import lexicon
from orchestration.extract.text import Spans, split_sentences

# A single dash is left out in Russian and Chinese: "закрытие — 5 сентября" keeps one clause; a doubled one
# ("--", "——") always ends a clause, and so does a spaced dash in English ("on Dec 14 – just after ...").
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]，、；：（）…]|--|[—–]{2}|[。！？!?]")
_CLAUSE_BREAK_EN = re.compile(r"[,;:()\[\]…]|--|[—–]{2}|\s[—–-]\s")
# A Japanese sentence is governed by its final verb; its commas (、) do not close a clause.
_CLAUSE_BREAK_JA = re.compile(r"[;；()\[\]「」『』]|[。！？!?]")
# A short gloss in brackets ("Хух-Хото (Хух-Хото)", "呼和浩特（フフホト）市") does not end its clause.
_GLOSS = re.compile(r"\([^()\n,;:，、；。！？!?]{1,20}\)")
# What may stand before a date that opens its clause: a short preposition ("On", "Во", "在").
_CLAUSE_OPENER = re.compile(r"^\s*(?:\w{1,3}\s+)?$|^[\s在于於]*$")


def _governing(norm: str, start: int, end: int, sentence: tuple[int, int], breaks: list[int],
               markers: list[tuple[int, int, str]], date_spans: list[tuple[int, int]],
               verb_final: bool | None) -> str | None:
    """The kind of the marker nearest a date in its clause: a cue (opening, closing) or a tense (past, future)."""
    s_start, s_end = sentence
    i = bisect.bisect_left(breaks, start)
    clause_start = max(s_start, breaks[i - 1] + 1) if i > 0 else s_start
    j = bisect.bisect_left(breaks, end)
    clause_end = min(s_end, breaks[j]) if j < len(breaks) else s_end
    # a marker beyond another date of the clause is that date's ("8日、…合意するなど、10日の閉幕まで"); between
    # two dates it is the later one's where the verb comes first ("opened on 5 June … closed on 9 June"), the
    # earlier one's where it comes last ("5日開幕、9日閉幕")
    here = bisect.bisect_left(date_spans, (start, end))
    previous_end = date_spans[here - 1][1] if here > 0 else None
    nxt = bisect.bisect_right(date_spans, (start, end))
    next_start = date_spans[nxt][0] if nxt < len(date_spans) else None
    low, high = clause_start, clause_end
    if previous_end is not None and previous_end > clause_start:
        low = start if verb_final else previous_end
    if next_start is not None and next_start < clause_end:
        high = end if verb_final is False else next_start
    kind = _nearest_cue(start, end, low, high, markers, verb_final)
    if kind is not None or clause_end >= s_end:
        return kind
    # A date that closes its clause ("22日，博览会落下帷幕", "On Tuesday, the forum closed") is governed by the
    # next clause, unless that clause has a date of its own.
    if clause_end - end > 3 or not _CLAUSE_OPENER.match(norm[clause_start:start]):
        return None
    k = bisect.bisect_right(breaks, clause_end)
    next_end = min(s_end, breaks[k]) if k < len(breaks) else s_end
    following = bisect.bisect_right(date_spans, (clause_end, float("inf")))  # date_spans is in text order
    if following < len(date_spans) and date_spans[following][0] < next_end:
        return None
    return _nearest_cue(clause_end, clause_end, clause_end + 1, next_end, markers, verb_final)


def _tense_markers(text: str, g) -> list[tuple[int, int, str]]:
    markers = [(m.start(), m.end(), "future") for m in g.future_re.finditer(text)] if g.future_re else []
    if g.past_re is not None:
        taken = Spans((s, e) for s, e, _ in markers)
        markers += [(m.start(), m.end(), "past") for m in g.past_re.finditer(text)
                    if not taken.overlaps(m.start(), m.end())]
    return _Markers(sorted(markers))


class _Markers(list):
    """(start, end, kind) in text order, with their starts for bisection: a date looks at the markers of its own
    clause only, not at every marker of the document."""

    def __init__(self, markers):
        super().__init__(markers)
        self.starts = [start for start, _, _ in self]

    def between(self, low: int, high: int) -> list[tuple[int, int, str]]:
        """The markers that start in [low, high]."""
        return self[bisect.bisect_left(self.starts, low):bisect.bisect_right(self.starts, high)]


def _nearest_cue(start: int, end: int, lo: int, hi: int, cues: list[tuple[int, int, str]],
                 verb_final: bool | None) -> str | None:
    """The nearest marker in [lo, hi): the first after the date in a verb-final language, the first before it
    otherwise; with ``verb_final`` None, the nearest either side."""
    before = [(start - ce, kind) for cs, ce, kind in cues.between(lo, start) if ce <= start]
    after = [(cs - end, kind) for cs, ce, kind in cues.between(end, hi) if ce <= hi]
    if verb_final is None:
        return min(before + after)[1] if before or after else None
    first, second = (after, before) if verb_final else (before, after)
    for group in (first, second):
        if group:
            return min(group)[1]
    return None


# --------------------------------------------------------------------------------------------- find_dates

@lru_cache(maxsize=None)
def _home_clock_pattern(lang: str) -> re.Pattern[str] | None:
    labels = lexicon(lang, "dates").get("home_clock_labels") or []
    return re.compile(alt(labels), re.IGNORECASE) if labels else None


def _on_home_clock(norm: str, raw, lang: str) -> bool:
    """"北京時間2022年7月18日", "July 18 (Moscow time)": a home-clock label right before or after the date."""
    pattern = _home_clock_pattern(lang)
    if pattern is None:
        return False
    before = norm[max(0, raw.start - 24):raw.start]
    after = norm[raw.end:raw.end + 28]
    return any(m.end() >= len(before) - 2 for m in pattern.finditer(before)) \
        or any(m.start() <= 3 for m in pattern.finditer(after))


# what may follow a stamp's time on its line: nothing, or a short byline field ("来源: …", "| 12 views")
_STAMP_TAIL = 30


def _is_timestamp(norm: str, raw) -> bool:
    """A numeric date with a time of day that ends its line ("… 2009-08-13 00:58") is a machine's stamp (a page's,
    a comment's), not a date a reporter writes for an event; a sentence that goes on after the time ("opens on
    19.09.2022 at 10:00 in the hall") and written-out dates with a time ("6 May, 10:00") stay event dates."""
    if not raw.first.year or date_shape(norm[raw.start:raw.end]) == "text":
        return False
    time = TIME.match(norm, raw.end)
    if time is None:
        return False
    line_end = norm.find("\n", time.end())
    tail = norm[time.end():len(norm) if line_end == -1 else line_end].strip()
    return len(tail) <= _STAMP_TAIL and not re.search(r"[.!?。！？]$", tail)


def find_dates(text: str, lang: str, reference: date | None = None) -> list[DateMention]:
    """Date mentions of a text in order, with offsets into ``text``.

    ``reference`` is the day the report was published; without it nothing is resolved and years the text does not
    state stay None.
    """
    g = grammar_for(lang)
    norm = normalise(text)
    raws = scan_cached(norm, lang)
    if not raws:
        return []
    dateline = find_dateline_in(norm, text, lang)
    ctx = ResolutionContext(anchor=report_day(dateline, reference), reference=reference)

    sentences = [(s.start, s.end) for s in split_sentences(text)] or [(0, len(text))]
    sentence_starts = [s for s, _ in sentences]
    clause_break = {"ja": _CLAUSE_BREAK_JA, "en": _CLAUSE_BREAK_EN}.get(lang, _CLAUSE_BREAK)
    glosses = [m.span() for m in _GLOSS.finditer(norm)]
    breaks = [m.start() for m in clause_break.finditer(norm)]
    if glosses:
        inside = Spans(glosses)
        breaks = [b for b in breaks if not inside.overlaps(b, b + 1)]
    if dateline is not None:  # the dateline is a clause of its own
        bisect.insort(breaks, dateline.end - 1)
    cue_text = lower_same_length(norm) if lang in ("ru", "en") else norm
    cues = _Markers([])
    if g.cue_re is not None:
        cues = _Markers((m.start(), m.end(), g.cue_kinds.get(key(m.group(0)), "")) for m in g.cue_re.finditer(cue_text))
    date_spans = sorted((r.start, r.end) for r in raws if r.kind not in ("year_only", "month_only"))
    verb_final = lang in ("ja", "zh")
    tenses = _tense_markers(cue_text, g)

    mentions: list[DateMention] = []
    for raw in raws:
        idx = max(0, bisect.bisect_right(sentence_starts, raw.start) - 1)
        sentence = sentences[idx]
        in_dateline = dateline is not None and dateline.start <= raw.start < dateline.end
        # the nearest tense word: a Chinese "已于"/"将于" stands before the date, a Japanese "した" after it
        cue = None
        if not in_dateline:
            cue = _governing(norm, raw.start, raw.end, sentence, breaks, cues, date_spans, verb_final)
        tense = _governing(norm, raw.start, raw.end, sentence, breaks, tenses, date_spans,
                           None if verb_final else False)
        if tense is None and cue is None:
            # no tense and no verb of its own in the date's clause: the sentence's, when it only announces
            kinds = {kind for s, _, kind in tenses.between(sentence[0], sentence[1]) if s < sentence[1]}
            tense = "future" if kinds == {"future"} else None
        if tense is None and cue is None and lang == "ru" and raw.kind == "weekday" \
                and russian.has_future_verb(text[sentence[0]:sentence[1]]):
            tense = "future"  # «делегация прибудет в понедельник»: no marker word, but the verb's tense
        future = tense == "future"
        resolved = resolve(raw, ctx, future)
        mention = DateMention(
            start=raw.start, end=raw.end, text=text[raw.start:raw.end], first=resolved["first"],
            last=resolved["last"], kind=resolved["kind"], resolved=resolved["resolved"],
            year_from_reference=resolved["year_from_reference"], cue=cue, sentence_start=sentence[0],
            sentence_end=sentence[1], in_dateline=in_dateline, month_from_context=resolved["month_from_context"],
            approximate=resolved["approximate"], bound=raw.bound, future=future, stated_weekday=raw.stated_weekday,
            timestamp=_is_timestamp(norm, raw), home_clock=_on_home_clock(norm, raw, lang),
        )
        mentions.append(mention)
        if mention.kind in ("absolute", "range", "relative") and not mention.approximate:
            point = mention.last or mention.first
            if point.day is not None and point.month is not None:
                ctx.last_day = point
                ctx.last_day_year_from_reference = mention.year_from_reference
                if not mention.month_from_context:  # "30日" inherits the month; it does not set it
                    ctx.month_source = point
                    ctx.month_source_year_from_reference = mention.year_from_reference
                    ctx.month_source_is_report_day = mention.in_dateline
                    ctx.month_source_span_start = mention.first if mention.last is not None else None
    return mentions


