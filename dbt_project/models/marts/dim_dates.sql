-- A calendar for BI joins on event and publication dates: every day from 1990 to two years after the latest
-- fetch (the same plausibility window the event checks use), derived from the data, never from the clock.
with bounds as (
    select
        date '1990-01-01' as first_day,
        cast(date_trunc('year', coalesce(max(fetched_at), timestamp '1990-01-01')) + interval 3 year - interval 1 day as date) as last_day
    from {{ ref('int_documents') }}
),

days as (
    select cast(unnest(generate_series(first_day, last_day, interval 1 day)) as date) as date_day
    from bounds
)

select
    date_day,
    year(date_day) as year,
    quarter(date_day) as quarter,
    month(date_day) as month,
    day(date_day) as day,
    isodow(date_day) as iso_weekday,
    dayname(date_day) as weekday_name,
    monthname(date_day) as month_name,
    weekofyear(date_day) as iso_week,
    isodow(date_day) >= 6 as is_weekend
from days
