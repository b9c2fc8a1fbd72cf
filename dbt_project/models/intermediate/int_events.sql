-- One row per real-world event, with the rules that pick each fact among its reports; the only place they live
-- (fct_events, the bridges and the deals read them here):
--   * name and type: the first source (fetched first, then published first);
--   * dates: the report with the most complete days and months, a span of days before a single day (a report of
--     the opening day says less than one of the whole event), then one with years, stated years before inferred
--     ones, then the first source; a month and day with no year take the year another report of the event gives,
--     else the year of a report's publication date nearest to them (inferred); date_precision says how much of the
--     start the text fixes;
--   * host city: the first source that states one, else the first whose dateline gives one, with how that report
--     found it (host_method); host country:
--     the host city's, else the one a report states;
--   * agreements: the latest report's count, the largest among reports of one day;
--   * date_rejected_reason: why a report's date was dropped, when no report dates the event.
with reports as (
    select
        clustered.*,
        (start_month is not null)::int + (start_day is not null)::int + (end_month is not null)::int
            + (end_day is not null)::int as day_completeness,
        (start_year is not null)::int + (end_year is not null)::int as year_completeness,
        coalesce(end_month <> start_month or end_day <> start_day, false) as is_span
    from {{ ref('int_events_clustered') }} as clustered
),

first_report as (
    select event_id, event_name, event_type
    from (
        select
            event_id, event_name, event_type,
            row_number() over (partition by event_id order by fetched_at, published_date nulls last, event_ref) as report_rank
        from reports
    ) as ranked
    where report_rank = 1
),

most_complete_date as (
    select event_id, start_year, start_month, start_day, end_year, end_month, end_day, year_inferred, year_unknown_reason
    from (
        select
            event_id, start_year, start_month, start_day, end_year, end_month, end_day, year_inferred, year_unknown_reason,
            row_number() over (
                partition by event_id
                order by day_completeness desc, is_span desc, year_completeness desc, year_inferred, fetched_at, event_ref
            ) as date_rank
        from reports
    ) as ranked
    where date_rank = 1
),

-- the year another report of the event gives (clustering keeps reports of different years apart): stated years
-- first, then inferred ones, then the year around a report's publication date that brings the month nearest to it
-- (not where the extractor left the year unknown on purpose: a weekday the report's year contradicts)
report_years as (
    select event_id, start_year as year, coalesce(year_inferred, false) as year_inferred,
        case when year_inferred then 1 else 0 end as rank_group, day_completeness + year_completeness as date_completeness, fetched_at, event_ref
    from reports
    where start_year is not null
    union all
    select reports.event_id,
        cast(extract(year from reports.published_date) + case
            when dated.month - extract(month from reports.published_date) > 6 then -1
            when extract(month from reports.published_date) - dated.month > 6 then 1
            else 0
        end as integer),
        true, 2, 0, reports.fetched_at, reports.event_ref
    from reports
    inner join (
        select event_id, coalesce(start_month, end_month) as month, year_unknown_reason from most_complete_date
    ) as dated using (event_id)
    where reports.published_date is not null and dated.month is not null and dated.year_unknown_reason is null
),

known_year as (
    select event_id, year, year_inferred
    from (
        select
            event_id, year, year_inferred,
            row_number() over (
                partition by event_id order by rank_group, date_completeness desc, fetched_at, event_ref
            ) as year_rank
        from report_years
    ) as ranked
    where year_rank = 1
),

best_date as (
    select
        dated.event_id,
        coalesce(dated.start_year, case when dated.start_month is not null then known_year.year end) as start_year,
        dated.start_month,
        dated.start_day,
        coalesce(
            dated.end_year,
            -- an end month before the start month is in the next year ("28 December - 3 January")
            case when dated.end_month is not null and dated.start_year is null then known_year.year
                + case when dated.end_month < coalesce(dated.start_month, dated.end_month) then 1 else 0 end end
        ) as end_year,
        dated.end_month,
        dated.end_day,
        case when dated.start_year is null and coalesce(dated.start_month, dated.end_month) is not null
            and known_year.year is not null then known_year.year_inferred else dated.year_inferred end as year_inferred
    from most_complete_date as dated
    left join known_year using (event_id)
),

host as (
    select event_id, host_city_id, host_method, host_city_country
    from (
        select
            reports.event_id, reports.host_city_id, reports.host_method, cities.country_code as host_city_country,
            row_number() over (
                partition by reports.event_id
                order by coalesce(reports.host_method = 'dateline', false), reports.fetched_at, reports.event_ref
            ) as host_rank
        from reports
        left join {{ ref('stg_reference__cities') }} as cities on cities.city_id = reports.host_city_id
        where reports.host_city_id is not null
    ) as ranked
    where host_rank = 1
),

stated_host_country as (
    select clustered.event_id, min(places.country_code) as country_code
    from {{ ref('int_event_places') }} as places
    inner join {{ ref('int_events_clustered') }} as clustered using (event_ref)
    where places.kind = 'country' and places.role = 'host'
    group by clustered.event_id
),

agreements as (
    select event_id, agreements_count
    from (
        select
            event_id, agreements_count,
            -- the latest report's, and among reports of one day the largest: a first day's tally grows by the close
            row_number() over (
                partition by event_id order by published_date desc nulls last, agreements_count desc, event_ref
            ) as count_rank
        from reports
        where agreements_count is not null
    ) as ranked
    where count_rank = 1
),

rejected_dates as (
    select event_id, date_rejected_reason
    from (
        select
            event_id, date_rejected_reason,
            row_number() over (partition by event_id order by fetched_at, event_ref) as rejection_rank
        from reports
        where date_rejected_reason is not null
    ) as ranked
    where rejection_rank = 1
),

document_counts as (
    select event_id, count(distinct document_id) as document_count
    from reports
    group by event_id
)

select
    first_report.event_id,
    first_report.event_name,
    first_report.event_type,
    {{ partial_date('best_date.start_year', 'best_date.start_month', 'best_date.start_day') }} as start_date,
    {{ partial_date('best_date.end_year', 'best_date.end_month', 'best_date.end_day') }} as end_date,
    best_date.start_year,
    best_date.start_month,
    best_date.start_day,
    best_date.end_year,
    best_date.end_month,
    best_date.end_day,
    coalesce(best_date.year_inferred, false) as year_inferred,
    case
        when best_date.start_year is not null and best_date.start_month is not null and best_date.start_day is not null then 'day'
        when best_date.start_year is not null and best_date.start_month is not null then 'month'
        when best_date.start_year is not null then 'year'
        when best_date.start_month is not null then 'no_year'
        else 'unknown'
    end as date_precision,
    host.host_city_id,
    coalesce(host.host_city_country, stated_host_country.country_code) as host_country_code,
    case
        when host.host_city_id is not null then host.host_method
        when stated_host_country.country_code is not null then 'stated'
    end as host_method,
    host.host_city_country is not null as host_country_from_city,
    agreements.agreements_count,
    document_counts.document_count,
    case when best_date.start_year is null and best_date.start_month is null and best_date.end_year is null
        and best_date.end_month is null then rejected_dates.date_rejected_reason end as date_rejected_reason
from first_report
inner join best_date using (event_id)
inner join document_counts using (event_id)
left join host using (event_id)
left join stated_host_country using (event_id)
left join agreements using (event_id)
left join rejected_dates using (event_id)
