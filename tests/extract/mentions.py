"""Shared checks of the per-language extractor tests: every mention's offsets point at its surface."""
from __future__ import annotations

from datetime import date

from orchestration.extract.dates import find_dates
from orchestration.extract.money import find_money


def date_mentions(text: str, reference: date | None = None, *, lang: str):
    found = find_dates(text, lang, reference)
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
    return found


def one_date(text: str, reference: date | None = None, kind: str | None = None, *, lang: str):
    found = [m for m in date_mentions(text, reference, lang=lang) if kind is None or m.kind == kind]
    assert len(found) == 1, found
    return found[0]


def money_mentions(text: str, *, lang: str):
    found = find_money(text, lang)
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
        assert mention.sentence_start <= mention.start < mention.end <= mention.sentence_end
    return found


def one_money(text: str, *, lang: str):
    found = money_mentions(text, lang=lang)
    assert len(found) == 1, found
    return found[0]
