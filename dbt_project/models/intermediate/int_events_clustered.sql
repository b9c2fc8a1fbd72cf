-- Which document events are one real event. Blocking key: host city and event type; within a block two
-- reports are the same event when their dates are compatible (ranges that overlap, with the year equal or
-- unknown on one side) and their edition ordinals do not differ. Undated reports are never merged: without a
-- date, "the 7th expo in Harbin" cannot be told from "the 8th".
with assembled as (
    select
        *,
        {{ partial_date('start_year', 'start_month', 'start_day') }} as start_date_known,
        coalesce(start_month * 100 + start_day, end_month * 100 + end_day) as first_month_day,
        coalesce(end_month * 100 + end_day, start_month * 100 + start_day) as last_month_day,
        coalesce(start_year, end_year) as any_year
    from {{ ref('int_events_assembled') }}
),

pairs as (
    select left_event.event_ref, right_event.event_ref as same_as_ref
    from assembled as left_event
    inner join assembled as right_event
        on left_event.host_city_id = right_event.host_city_id
        and left_event.event_type = right_event.event_type
        and left_event.document_id <> right_event.document_id
        and left_event.first_month_day is not null
        and right_event.first_month_day is not null
        and left_event.first_month_day <= right_event.last_month_day
        and right_event.first_month_day <= left_event.last_month_day
        and (left_event.any_year is null or right_event.any_year is null or left_event.any_year = right_event.any_year)
        and (left_event.event_ordinal is null or right_event.event_ordinal is null
             or left_event.event_ordinal = right_event.event_ordinal)
),

representatives as (
    select
        assembled.event_ref,
        least(assembled.event_ref, coalesce(min(pairs.same_as_ref), assembled.event_ref)) as cluster_ref
    from assembled
    left join pairs using (event_ref)
    group by assembled.event_ref
)

select
    assembled.*,
    {{ stable_id(['representatives.cluster_ref']) }} as event_id
from assembled
inner join representatives using (event_ref)
