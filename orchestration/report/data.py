"""What the report shows, read from the published marts (and, for operations, the live warehouse read-only).

Every query tolerates a mart without one of its optional columns (older or newer models), so a report is
written whatever the published copy holds; a section without data says so instead of failing the run.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

log = logging.getLogger(__name__)

QUARANTINE_EXAMPLES = 20
DBT_SCHEMAS = ("staging", "intermediate", "marts", "ops")  # the dbt models' asset keys start with their schema
DONE = ("ok", "parsed", "extracted")  # processing statuses that are no failure
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class CheckResult:
    """One asset check's latest outcome, as the report lists it."""

    asset: str
    name: str
    passed: bool
    severity: str = "ERROR"
    description: str = ""
    detail: str = ""  # e.g. "0 of 12 rows failing"
    link: str | None = None  # relative to the report, e.g. ../validation/fct_deals.html

    @property
    def kind(self) -> str:
        """`gx` (a Great Expectations suite), `dbt` (a dbt test on a model) or `pipeline` (any other check)."""
        if self.name.startswith("gx_"):
            return "gx"
        return "dbt" if self.asset.split("/", 1)[0] in DBT_SCHEMAS else "pipeline"


@dataclass
class ReportData:
    published_at: datetime
    events: pd.DataFrame
    mentions: pd.DataFrame
    cities: pd.DataFrame
    links: pd.DataFrame
    events_by_month: pd.DataFrame
    undated_events: int
    deals: pd.DataFrame
    city_pairs: pd.DataFrame
    country_pairs: pd.DataFrame
    failed_documents: pd.DataFrame
    totals: dict
    fetch_failures: pd.DataFrame | None = None
    fetch_runs: pd.DataFrame | None = None
    quarantine: dict[str, pd.DataFrame] | None = None  # None: no quarantine schema; else examples per table
    quarantine_counts: pd.DataFrame | None = None  # table, failed_expectation, rows
    checks: list[CheckResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be read, said in the report


def _columns(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> set[str]:
    rows = connection.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?", [schema, table]
    ).fetchall()
    return {row[0] for row in rows}


def _optional(columns: set[str], name: str, alias: str | None = None, prefix: str = "", default: str = "null") -> str:
    return f"{prefix}{name} as {alias or name}" if name in columns else f"{default} as {alias or name}"


def date_label(start: tuple, end: tuple, year_inferred: bool = False) -> str:
    """'22–23 Aug 2024', '6–7 Nov (year unknown)', '30 Nov – 2 Dec 2023', 'Mar 2024', '' from partial dates."""

    def part(year, month, day, with_year=True) -> str:
        bits = []
        if day is not None and month is not None:
            bits.append(str(int(day)))
        if month is not None:
            bits.append(MONTHS[int(month) - 1])
        if with_year and year is not None:
            bits.append(str(int(year)))
        return " ".join(bits)

    sy, sm, sd = (None if pd.isna(v) else v for v in start)
    ey, em, ed = (None if pd.isna(v) else v for v in end)
    if sm is None and sy is None:
        return ""
    year = sy if sy is not None else ey
    same = (ey in (None, sy)) and em is not None
    if ed is None or (ey, em, ed) == (sy, sm, sd):
        label = part(sy, sm, sd)
    elif same and em == sm and sd is not None:
        label = f"{int(sd)}–{int(ed)} {MONTHS[int(sm) - 1]}" + (f" {int(year)}" if year is not None else "")
    elif same:
        label = f"{part(None, sm, sd, False)} – {part(year, em, ed)}"
    else:
        label = f"{part(sy, sm, sd)} – {part(ey, em, ed)}"
    if year is None:
        label += " (year unknown)"
    elif year_inferred:
        label += " (year from the publication date)"
    return label


def load_report_data(published: Path, live: Path | None = None, now: datetime | None = None) -> ReportData:
    with duckdb.connect(str(published), read_only=True) as connection:
        data = _load_marts(connection, now or datetime.now(timezone.utc))
    if live is not None:
        _load_operations(live, data)
    return data


def _load_marts(connection: duckdb.DuckDBPyConnection, now: datetime) -> ReportData:
    event_columns = _columns(connection, "marts", "fct_events")
    deal_columns = _columns(connection, "marts", "fct_deals")
    document_columns = _columns(connection, "marts", "dim_documents")
    q = connection.execute

    events = q(f"""
        select e.event_id, e.event_name, e.event_type, e.start_date, e.end_date,
               e.start_year, e.start_month, e.start_day, e.end_year, e.end_month, e.end_day,
               {_optional(event_columns, 'year_inferred', prefix='e.', default='false')},
               e.host_city_id, e.host_country_code, e.agreements_count,
               {_optional(event_columns, 'document_count', prefix='e.', default='0')},
               hc.name_en as host_city, coalesce(hn.name_en, e.host_country_code) as host_country,
               (select list(distinct c.name_en order by c.name_en) from marts.bridge_event_cities b
                  join marts.dim_cities c using (city_id) where b.event_id = e.event_id and b.role = 'partner') as partner_cities,
               (select list(distinct coalesce(n.name_en, b.country_code) order by coalesce(n.name_en, b.country_code))
                  from marts.bridge_event_countries b left join marts.dim_countries n using (country_code)
                  where b.event_id = e.event_id and b.role = 'partner') as partner_countries,
               (select sum(d.amount_usd) from marts.fct_deals d
                  where d.event_id = e.event_id and d.recommended_for_aggregates) as usd,
               (select count(*) from marts.fct_deals d
                  where d.event_id = e.event_id and d.recommended_for_aggregates and d.amount_usd is null) as unconverted_deals,
               (select count(*) from marts.fct_deals d where d.event_id = e.event_id) as deals
        from marts.fct_events e
        left join marts.dim_cities hc on hc.city_id = e.host_city_id
        left join marts.dim_countries hn on hn.country_code = e.host_country_code
        order by e.start_year nulls last, e.start_month nulls last, e.start_day nulls last, e.event_name
    """).df()
    events["dates"] = [
        date_label((r.start_year, r.start_month, r.start_day), (r.end_year, r.end_month, r.end_day), bool(r.year_inferred))
        for r in events.itertuples()
    ]

    mentions = q("""
        select m.event_id, d.document_id, d.uri, d.title, d.language, d.published_date, d.source_name, m.evidence
        from marts.fct_event_mentions m join marts.dim_documents d using (document_id)
        order by m.event_id, d.published_date nulls last, d.uri
    """).df()

    cities = q("""
        with usd as (
            select event_id, sum(amount_usd) filter (where recommended_for_aggregates) as usd
            from marts.fct_deals group by event_id
        )
        select c.city_id, c.name_en as city, c.country_code, coalesce(n.name_en, c.country_code) as country,
               c.latitude, c.longitude,
               count(distinct b.event_id) filter (where b.role = 'host') as hosted_events,
               count(distinct b.event_id) filter (where b.role = 'partner') as partner_events,
               count(distinct b.event_id) as events,
               coalesce(sum(u.usd), 0) as usd
        from marts.bridge_event_cities b
        join marts.dim_cities c using (city_id)
        left join marts.dim_countries n on n.country_code = c.country_code
        left join usd u using (event_id)
        where c.latitude is not null and c.longitude is not null
        group by all
        order by events desc, city
    """).df()
    cities["role"] = [
        "host and partner" if h and p else ("host" if h else "partner") for h, p in zip(cities["hosted_events"], cities["partner_events"])
    ]

    pairs = q("""
        select h.city_id as host_id, hc.name_en as host_city, hc.country_code as host_country_code,
               hc.latitude as host_latitude, hc.longitude as host_longitude,
               p.city_id as partner_id, pc.name_en as partner_city, pc.country_code as partner_country_code,
               pc.latitude as partner_latitude, pc.longitude as partner_longitude,
               count(distinct h.event_id) as events,
               string_agg(distinct e.event_name, ' · ') as event_names
        from marts.bridge_event_cities h
        join marts.bridge_event_cities p on p.event_id = h.event_id and p.role = 'partner' and p.city_id <> h.city_id
        join marts.dim_cities hc on hc.city_id = h.city_id
        join marts.dim_cities pc on pc.city_id = p.city_id
        join marts.fct_events e on e.event_id = h.event_id
        where h.role = 'host'
        group by all
        order by events desc, host_city, partner_city
    """).df()
    links = pairs.dropna(subset=["host_latitude", "host_longitude", "partner_latitude", "partner_longitude"])

    country_pairs = q("""
        select coalesce(hn.name_en, h.country_code) as host_country, coalesce(pn.name_en, p.country_code) as partner_country,
               count(distinct h.event_id) as events
        from marts.bridge_event_countries h
        join marts.bridge_event_countries p on p.event_id = h.event_id and p.role = 'partner' and p.country_code <> h.country_code
        left join marts.dim_countries hn on hn.country_code = h.country_code
        left join marts.dim_countries pn on pn.country_code = p.country_code
        where h.role = 'host'
        group by all
        order by events desc, host_country, partner_country
    """).df()

    events_by_month = q("""
        select make_date(e.start_year, e.start_month, 1) as month, e.event_type,
               coalesce(n.name_en, e.host_country_code, 'unknown') as host_country, count(*) as events
        from marts.fct_events e left join marts.dim_countries n on n.country_code = e.host_country_code
        where e.start_year is not null and e.start_month is not null
        group by all order by month
    """).df()
    undated = int(q("select count(*) from marts.fct_events where start_year is null or start_month is null").fetchone()[0])

    reason = _optional(deal_columns, "fx_missing_reason", prefix="d.")
    deals = q(f"""
        select d.deal_id, d.event_id, d.amount, d.currency, d.qualifier, d.deal_status, d.amount_usd, {reason},
               date_trunc('month', coalesce(e.start_date, make_date(e.start_year, e.start_month, 1), d.fx_rate_date,
                                            doc.published_date)) as month,
               e.event_name, d.evidence
        from marts.fct_deals d
        left join marts.fct_events e using (event_id)
        left join marts.dim_documents doc on doc.document_id = d.document_id
        where d.recommended_for_aggregates
        order by month nulls last, d.deal_id
    """).df()
    deals["fx_missing_reason"] = deals["fx_missing_reason"].where(deals["amount_usd"].isna() | deals["fx_missing_reason"].notna())
    deals.loc[deals["amount_usd"].isna() & deals["fx_missing_reason"].isna(), "fx_missing_reason"] = "not stated"

    failed_documents = _failed_documents(connection, document_columns)

    refresh = q("select max(fetched_at), count(*), count(*) filter (where is_relevant) from marts.dim_documents").fetchone()
    totals = {
        "events": len(events),
        "documents": int(refresh[1] or 0),
        "relevant_documents": int(refresh[2] or 0),
        "latest_fetch": refresh[0],
        "cities": len(cities),
        "host_cities": int((cities["hosted_events"] > 0).sum()) if len(cities) else 0,
        "deals": len(deals),
        "usd": float(deals["amount_usd"].sum(skipna=True)) if len(deals) else 0.0,
        "unconverted": int(deals["amount_usd"].isna().sum()) if len(deals) else 0,
    }
    return ReportData(
        published_at=now, events=events, mentions=mentions, cities=cities, links=links,
        events_by_month=events_by_month, undated_events=undated, deals=deals, city_pairs=pairs,
        country_pairs=country_pairs, failed_documents=failed_documents, totals=totals,
    )


def _failed_documents(connection: duckdb.DuckDBPyConnection, columns: set[str]) -> pd.DataFrame:
    """Documents the pipeline could not process: `processing_status` (the contract) or `parse_status`."""
    for status, reason in (("processing_status", "processing_reason"), ("parse_status", "parse_error")):
        if status in columns:
            reason_sql = reason if reason in columns else "null"
            return connection.execute(f"""
                select uri, title, source_name, {status} as status, {reason_sql} as reason, fetched_at
                from marts.dim_documents where {status} is not null and {status} not in ({", ".join(f"'{v}'" for v in DONE)})
                order by uri
            """).df()
    return pd.DataFrame(columns=["uri", "title", "source_name", "status", "reason", "fetched_at"])


def _load_operations(live: Path, data: ReportData) -> None:
    """Fetch failures (ops.fetch_log) and quarantined rows (schema quarantine, where it exists).

    The caller holds the warehouse pool, so no run writes the live file meanwhile; if it cannot be opened
    (another process holds it), the report says so rather than failing the run.
    """
    if not live.exists():
        data.notes.append("The live warehouse was not found: no fetch log or quarantine to show.")
        return
    try:
        connection = duckdb.connect(str(live), read_only=True)
    except duckdb.Error as exc:
        log.warning("report: live warehouse unreadable: %s", exc)
        data.notes.append(f"The live warehouse could not be read ({type(exc).__name__}): fetch log and quarantine are missing.")
        return
    with connection:
        # ops.fetch_log is a view
        tables = {row[0] for row in connection.execute(
            "select table_schema || '.' || table_name from information_schema.tables").fetchall()}
        if "ops.fetch_log" in tables:
            data.fetch_failures = connection.execute("""
                select source_name, status, coalesce(reason, '') as reason, count(*) as attempts,
                       count(distinct url) as urls, max(attempted_at) as last_attempt
                from ops.fetch_log where status in ('failed', 'skipped')
                group by all order by attempts desc, source_name, reason
            """).df()
            data.fetch_runs = connection.execute("""
                select run_id, min(attempted_at) as started, count(*) as attempts,
                       count(*) filter (where status = 'fetched') as fetched,
                       count(*) filter (where status = 'not_modified') as not_modified,
                       count(*) filter (where status = 'failed') as failed,
                       count(*) filter (where status = 'skipped') as skipped
                from ops.fetch_log group by run_id order by started desc limit 10
            """).df()
        quarantine = sorted(t.split(".", 1)[1] for t in tables if t.startswith("quarantine."))
        if quarantine:
            counts, data.quarantine = [], {}
            for table in quarantine:
                columns = _columns(connection, "quarantine", table)
                reason = "failed_expectation" if "failed_expectation" in columns else "'not stated'"
                counts.append(connection.execute(
                    f'select ? as "table", {reason} as failed_expectation, count(*) as "rows" from quarantine."{table}" group by all',
                    [table]).df())
                rest = [f'"{c}"' for c in sorted(columns - {"failed_expectation"})]
                data.quarantine[table] = connection.execute(
                    f'select {reason} as failed_expectation, {", ".join(rest)} from quarantine."{table}" limit {QUARANTINE_EXAMPLES}'
                ).df()
            data.quarantine_counts = pd.concat(counts, ignore_index=True)
