"""The hand-off tables the Python stages write and dbt reads (dbt_project/models/staging/_sources.yml)."""
from __future__ import annotations

import pyarrow as pa

from orchestration.store.documents import DOCUMENTS_SCHEMA, FETCH_LOG_SCHEMA

PARSED_DOCUMENTS_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("parser_version", pa.string()),
        ("parse_status", pa.string()),  # parsed | failed
        ("parse_error", pa.string()),
        ("parse_seconds", pa.float64()),
        ("title", pa.string()),
        ("language", pa.string()),
        ("published_date", pa.date32()),
        ("published_date_source", pa.string()),
        ("text", pa.string()),
        ("removed_lines", pa.int32()),
    ]
)

EXTRACTION_DOCUMENTS_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("extractor_version", pa.string()),
        ("parser_version", pa.string()),
        ("extract_status", pa.string()),  # extracted | failed (raised, or overran its time or memory budget)
        ("extract_error", pa.string()),  # why it failed; null when extracted
        ("extract_seconds", pa.float64()),
        ("is_relevant", pa.bool_()),
        ("relevance_reason", pa.string()),
        ("event_count", pa.int32()),
        ("extraction_count", pa.int32()),
        # characters of the parsed text extraction read when it stopped short of the end (a very long text); else null
        ("extraction_truncated_at", pa.int32()),
    ]
)

EXTRACTIONS_SCHEMA = pa.schema(
    [
        ("extraction_id", pa.string()),
        ("document_id", pa.string()),
        ("extractor_version", pa.string()),
        ("kind", pa.string()),  # event | event_date | city | country | agreement_count | money
        ("event_ref", pa.string()),  # the document-local event this extraction belongs to, if any
        ("role", pa.string()),  # city/country: host | partner | mention; event_date: event; money: deal | not_deal
        ("surface", pa.string()),
        ("start_offset", pa.int32()),
        ("end_offset", pa.int32()),
        ("sentence", pa.string()),
        ("sentence_start", pa.int32()),
        ("event_name", pa.string()),
        ("event_type", pa.string()),
        ("event_ordinal", pa.int32()),
        ("start_year", pa.int32()),
        ("start_month", pa.int32()),
        ("start_day", pa.int32()),
        ("end_year", pa.int32()),
        ("end_month", pa.int32()),
        ("end_day", pa.int32()),
        ("year_inferred", pa.bool_()),
        ("city_id", pa.int64()),
        ("country_code", pa.string()),
        ("count_value", pa.int64()),
        ("count_kind", pa.string()),
        ("amount", pa.float64()),
        ("currency", pa.string()),
        ("qualifier", pa.string()),
        ("deal_status", pa.string()),
        ("is_deal", pa.bool_()),
        ("not_deal_reason", pa.string()),
        ("part_of_total", pa.bool_()),
        ("restates_extraction_id", pa.string()),
        ("attributes", pa.string()),  # JSON: extractor-specific detail kept for audits
    ]
)

CITIES_SCHEMA = pa.schema(
    [
        ("city_id", pa.int64()),
        ("name_en", pa.string()),
        ("country_code", pa.string()),
        ("admin1_code", pa.string()),
        ("admin1_name", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("population", pa.int64()),
    ]
)

COUNTRIES_SCHEMA = pa.schema(
    [
        ("country_code", pa.string()),
        ("alpha3", pa.string()),
        ("name_en", pa.string()),
        ("official_name_en", pa.string()),
        ("numeric_code", pa.string()),
        ("continent_code", pa.string()),
        ("continent", pa.string()),
        ("population", pa.int64()),
    ]
)

CURRENCIES_SCHEMA = pa.schema(
    [("currency", pa.string()), ("name_en", pa.string()), ("numeric_code", pa.string()), ("has_ecb_rate", pa.bool_())]
)

FX_RATES_SCHEMA = pa.schema([("rate_date", pa.date32()), ("currency", pa.string()), ("units_per_eur", pa.float64())])

__all__ = [
    "DOCUMENTS_SCHEMA",
    "FETCH_LOG_SCHEMA",
    "PARSED_DOCUMENTS_SCHEMA",
    "EXTRACTION_DOCUMENTS_SCHEMA",
    "EXTRACTIONS_SCHEMA",
    "CITIES_SCHEMA",
    "COUNTRIES_SCHEMA",
    "CURRENCIES_SCHEMA",
    "FX_RATES_SCHEMA",
]
