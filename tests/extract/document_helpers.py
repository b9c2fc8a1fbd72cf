"""Run the whole document extraction on a page of text and summarise what it attached to the event."""
from __future__ import annotations

from dataclasses import dataclass, field

from orchestration.extract.pipeline import extract_document
from orchestration.parse.document import parse_document
from orchestration.reference.gazetteer import get_gazetteer


@dataclass
class Summary:
    relevant: bool
    reason: str
    event: dict | None = None
    date: tuple | None = None  # (start y, m, d, end y, m, d, year_inferred)
    host: str | None = None
    partners: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    agreements: int | None = None
    deals: list[tuple] = field(default_factory=list)  # (amount, currency, qualifier, part_of_total)
    published: object = None


def summarise(page: str) -> Summary:
    parsed = parse_document(page.encode("utf-8"), content_type="text/plain")
    result = extract_document("doc", parsed.text, parsed.language, title=parsed.title, published_date=parsed.published_date)
    summary = Summary(result.is_relevant, result.relevance_reason, published=parsed.published_date)
    gazetteer = get_gazetteer()
    for row in result.rows:
        kind, role = row["kind"], row["role"]
        if kind == "event":
            summary.event = row
        elif kind == "event_date":
            summary.date = tuple(row[k] for k in ("start_year", "start_month", "start_day", "end_year", "end_month",
                                                 "end_day", "year_inferred"))
        elif kind == "city" and role == "host":
            summary.host = gazetteer.city(row["city_id"]).name_en
            summary.countries.add(row["country_code"])  # as bridge_event_countries: the host city's country takes part
        elif kind == "city" and role == "partner":
            summary.partners.add(gazetteer.city(row["city_id"]).name_en)
        elif kind == "country" and role in ("host", "partner"):
            summary.countries.add(row["country_code"])
        elif kind == "agreement_count":
            summary.agreements = row["count_value"]
        elif kind == "money" and row["is_deal"] and not row["restates_extraction_id"]:
            summary.deals.append((row["amount"], row["currency"], row["qualifier"], row["part_of_total"]))
    return summary
