-- Which document events are one real event. Blocking key: host city and event type. Within a block two
-- reports are the same event when
--   * their dates are compatible (day ranges that overlap, the year equal or unknown on one side), or
--   * one report states no date at all and both state the same number of agreements signed, or name at least
--     two of the same partner countries;
-- and their edition ordinals do not differ. Reports of one series in different years differ in dates or
-- ordinal; reports in different cities differ in the block. Undated reports with nothing else in common
-- stay apart: without a date, "the 7th expo in Harbin" cannot be told from "the 8th".
with assembled as (
    select
        *,
        coalesce(start_month * 100 + start_day, end_month * 100 + end_day) as first_month_day,
        coalesce(end_month * 100 + end_day, start_month * 100 + start_day) as last_month_day,
        coalesce(start_year, end_year) as any_year
    from {{ ref('int_events_assembled') }}
),

partner_countries as (
    select distinct event_ref, country_code
    from {{ ref('stg_raw__extractions') }}
    where kind = 'country' and role = 'partner' and event_ref is not null
),

candidates as (
    select left_event.event_ref, right_event.event_ref as same_as_ref, left_event.first_month_day as left_day,
           right_event.first_month_day as right_day, left_event.last_month_day as left_last,
           right_event.last_month_day as right_last, left_event.any_year as left_year, right_event.any_year as right_year,
           left_event.agreements_count as left_agreements, right_event.agreements_count as right_agreements
    from assembled as left_event
    inner join assembled as right_event
        on left_event.host_city_id = right_event.host_city_id
        and left_event.event_type = right_event.event_type
        and left_event.document_id <> right_event.document_id
        and (left_event.event_ordinal is null or right_event.event_ordinal is null
             or left_event.event_ordinal = right_event.event_ordinal)
),

shared_partners as (
    select candidates.event_ref, candidates.same_as_ref, count(*) as shared
    from candidates
    inner join partner_countries as left_country on left_country.event_ref = candidates.event_ref
    inner join partner_countries as right_country
        on right_country.event_ref = candidates.same_as_ref and right_country.country_code = left_country.country_code
    group by candidates.event_ref, candidates.same_as_ref
),

pairs as (
    select candidates.event_ref, candidates.same_as_ref
    from candidates
    left join shared_partners using (event_ref, same_as_ref)
    where (
        left_day is not null and right_day is not null
        and left_day <= right_last and right_day <= left_last
        and (left_year is null or right_year is null or left_year = right_year)
    ) or (
        (left_day is null or right_day is null)
        and (left_agreements = right_agreements or coalesce(shared_partners.shared, 0) >= 2)
    )
),

representatives as (
    select
        assembled.event_ref,
        least(assembled.event_ref, coalesce(min(pairs.same_as_ref), assembled.event_ref)) as cluster_ref
    from assembled
    left join pairs using (event_ref)
    group by assembled.event_ref
),

-- one more hop, so that A~B and B~C put A, B and C under one representative
settled as (
    select representatives.event_ref, least(representatives.cluster_ref, coalesce(min(via.cluster_ref), representatives.cluster_ref)) as cluster_ref
    from representatives
    left join pairs on pairs.event_ref = representatives.event_ref
    left join representatives as via on via.event_ref = pairs.same_as_ref
    group by representatives.event_ref, representatives.cluster_ref
)

select
    assembled.* exclude (first_month_day, last_month_day, any_year),
    {{ stable_id(['settled.cluster_ref']) }} as event_id
from assembled
inner join settled using (event_ref)
