-- Which document events are one real event: the connected components of a "same event" relation between
-- reports of the same event type (or a signing ceremony and the event it took place at). Two reports are
-- compatible when nothing they state contradicts: host
-- cities (and host countries) equal or unknown on one side, years equal or unknown, edition ordinals equal
-- or unknown, day ranges overlapping where both give one. Compatible reports are the same event when they
-- also share enough evidence:
--   * the same host city, and overlapping dates, or the same edition, or the same year with one report
--     undated, or (one undated) the same number of agreements or two shared partner countries;
--   * the same edition number and the same year (reports in other languages often disagree on the host's
--     spelling or leave it out, never on "the 5th");
--   * overlapping dates in the same year and the same number of agreements or two shared partner countries.
-- Reports of one series in different years differ in year or ordinal; reports in different cities differ in
-- host. Undated reports with nothing else in common stay apart. Each component is named by its smallest
-- report (cluster_ref); the event id it carries is ops.event_id_assignments' rule.
with recursive assembled as (
    select
        assembled.*,
        coalesce(start_month * 100 + start_day, end_month * 100 + end_day) as first_month_day,
        coalesce(end_month * 100 + end_day, start_month * 100 + start_day) as last_month_day,
        coalesce(start_year, end_year) as any_year,
        coalesce(cities.country_code, stated_host_country.country_code) as host_country
    from {{ ref('int_events_assembled') }} as assembled
    left join {{ ref('stg_reference__cities') }} as cities on cities.city_id = assembled.host_city_id
    left join (
        select event_ref, min(country_code) as country_code
        from {{ ref('stg_raw__extractions') }}
        where kind = 'country' and role = 'host'
        group by event_ref
    ) as stated_host_country using (event_ref)
),

partner_countries as (
    select distinct event_ref, country_code
    from {{ ref('stg_raw__extractions') }}
    where kind = 'country' and role = 'partner' and event_ref is not null
),

candidates as (
    select
        left_event.event_ref,
        right_event.event_ref as same_as_ref,
        left_event.host_city_id is not null and left_event.host_city_id = right_event.host_city_id as same_host,
        left_event.first_month_day is not null and right_event.first_month_day is not null as both_dated,
        left_event.first_month_day <= right_event.last_month_day
            and right_event.first_month_day <= left_event.last_month_day as dates_overlap,
        left_event.any_year is not null and left_event.any_year = right_event.any_year as same_year,
        left_event.event_ordinal is not null and left_event.event_ordinal = right_event.event_ordinal as same_edition,
        left_event.agreements_count is not null and left_event.agreements_count = right_event.agreements_count
            as same_agreements,
        left_event.event_type = right_event.event_type as same_type
    from assembled as left_event
    inner join assembled as right_event
        on (left_event.event_type = right_event.event_type or 'signing' in (left_event.event_type, right_event.event_type))
        and left_event.document_id <> right_event.document_id
        and (left_event.host_city_id is null or right_event.host_city_id is null
             or left_event.host_city_id = right_event.host_city_id)
        and (left_event.host_country is null or right_event.host_country is null
             or left_event.host_country = right_event.host_country)
        and (left_event.any_year is null or right_event.any_year is null or left_event.any_year = right_event.any_year)
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

edges as (
    select candidates.event_ref, candidates.same_as_ref
    from candidates
    left join shared_partners using (event_ref, same_as_ref)
    where not (both_dated and not dates_overlap)
      -- a signing ceremony reported on its own belongs to the event held in the same place on the same days
      and (same_type or (same_host and both_dated and dates_overlap))
      and (
        (same_host and (
            (both_dated and dates_overlap) or same_edition or (not both_dated and same_year)
            or (not both_dated and (same_agreements or coalesce(shared_partners.shared, 0) >= 2))
        ))
        or (same_edition and same_year)
        or (both_dated and dates_overlap and same_year
            and (same_agreements or coalesce(shared_partners.shared, 0) >= 2))
      )
),

-- connected components over any chain length: every report reaches the smallest report of its component
reachable (event_ref, reached_ref) as (
    select event_ref, event_ref from assembled
    union
    select reachable.event_ref, edges.same_as_ref
    from reachable
    inner join edges on edges.event_ref = reachable.reached_ref
),

components as (
    select event_ref, min(reached_ref) as cluster_ref
    from reachable
    group by event_ref
)

select
    assembled.* exclude (first_month_day, last_month_day, any_year, host_country),
    components.cluster_ref
from assembled
inner join components using (event_ref)
