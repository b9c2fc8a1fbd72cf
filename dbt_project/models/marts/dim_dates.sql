-- A calendar for BI joins on event and publication dates: every day from 1990 to two years after the latest
-- fetch (the same plausibility window the event checks use), derived from the data, never from the clock.
with bounds as (
    select
        date '1990-01-01' as first_day,
        cast(date_trunc('year', coalesce(max(fetched_at), timestamp '1990-01-01')) + interval '3 years' - interval '1 day' as date) as last_day
    from {{ ref('int_documents') }}
),

days as (
    {{ days_between('bounds', 'first_day', 'last_day') }}
)

select
    date_day,
    {{ date_part_number('year', 'date_day') }} as year,
    {{ date_part_number('quarter', 'date_day') }} as quarter,
    {{ date_part_number('month', 'date_day') }} as month,
    {{ date_part_number('day', 'date_day') }} as day,
    {{ date_part_number('isodow', 'date_day') }} as iso_weekday,
    {{ weekday_name('date_day') }} as weekday_name,
    {{ month_name('date_day') }} as month_name,
    {{ date_part_number('week', 'date_day') }} as iso_week,
    {{ date_part_number('isodow', 'date_day') }} >= 6 as is_weekend
from days
