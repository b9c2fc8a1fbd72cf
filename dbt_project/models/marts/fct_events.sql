-- One row per real-world event, however many documents report it. Each field takes the best evidence among
-- the reports: the name of the first source, the most complete date, the latest (and largest) agreement count.
with reports as (
    select
        clustered.*,
        (start_year is not null)::int + (start_month is not null)::int + (start_day is not null)::int
            + (end_year is not null)::int + (end_month is not null)::int + (end_day is not null)::int as date_completeness
    from {{ ref('int_events_clustered') }} as clustered
),

first_report as (
    select event_id, event_name, event_type
    from reports
    qualify row_number() over (partition by event_id order by fetched_at, published_date nulls last, event_ref) = 1
),

best_date as (
    select event_id, start_year, start_month, start_day, end_year, end_month, end_day, year_inferred
    from reports
    qualify row_number() over (
        partition by event_id order by date_completeness desc, year_inferred, fetched_at, event_ref
    ) = 1
),

host as (
    select event_id, host_city_id
    from reports
    where host_city_id is not null
    qualify row_number() over (partition by event_id order by fetched_at, event_ref) = 1
),

agreements as (
    select event_id, agreements_count
    from reports
    where agreements_count is not null
    -- the latest report's, and among reports of one day the largest: a first day's tally grows by the close
    qualify row_number() over (
        partition by event_id order by published_date desc nulls last, agreements_count desc, event_ref
    ) = 1
),

host_country as (
    select event_id, country_code as host_country_code
    from {{ ref('bridge_event_countries') }}
    where role = 'host'
    qualify row_number() over (partition by event_id order by country_code) = 1
),

rejected_dates as (
    select event_id, date_rejected_reason
    from reports
    where date_rejected_reason is not null
    qualify row_number() over (partition by event_id order by fetched_at, event_ref) = 1
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
    host.host_city_id,
    host_country.host_country_code,
    agreements.agreements_count,
    document_counts.document_count,
    -- why a date a report gave was not used, when the event has none from any report
    case when best_date.start_year is null and best_date.start_month is null and best_date.end_year is null
        and best_date.end_month is null then rejected_dates.date_rejected_reason end as date_rejected_reason
from first_report
inner join best_date using (event_id)
inner join document_counts using (event_id)
left join host using (event_id)
left join host_country using (event_id)
left join agreements using (event_id)
left join rejected_dates using (event_id)
