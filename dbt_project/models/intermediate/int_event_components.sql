-- Which document events are one real event: the connected components of a "same event" relation between
-- reports of the same event type (or a signing ceremony and the event it took place at). Two reports are
-- compatible when nothing they state contradicts: host
-- cities (and host countries) equal or unknown on one side (a host read only from a dateline is unknown here), years equal or unknown, edition ordinals equal
-- or unknown, day ranges overlapping where both give one (a report of only the opening or the closing day reaches
-- four days the other way). Compatible reports are the same event when they
-- also share enough evidence:
--   * the same host city, and overlapping dates, or the same edition, or the same year with one report
--     undated, or (one undated) the same number of agreements or two shared partner countries;
--   * the same edition number and the same year (reports in other languages often disagree on the host's
--     spelling or leave it out, never on "the 5th");
--   * overlapping dates in the same year and the same number of agreements, two shared partner countries or two
--     shared partner cities (a call between two towns reported by each);
--   * the same host and one name inside the other, one report giving no year, written within weeks of the
--     other's event or publication; or the same host and the very same full name, one report saying nothing of
--     when (no day, no year, no publication date);
--   * the same stated host, one report dated and the other giving no year but published within days of it, when
--     the names cannot disagree: one calls the event by its kind alone ("the forum") or they are in two languages;
--   * the same quoted proper name («Города России») on overlapping days, in the same year or edition, or
--     written within weeks of each other;
--   * the same first and last day of a span of several days, for two reports of one event type;
--   * the same edition under the very same name («第3回沖縄大交易会» twice), whatever hosts the reports took.
-- Reports of one series in different years differ in year or ordinal; reports in different cities differ in
-- host. Two hosts are one place when they are one city, or two cities of one province within a short drive (a
-- county-level city and its prefecture city: 胶州 and 青岛, reported either way). Undated reports with nothing else in common stay apart. The same-event relation is not transitive
-- through a report that states less (no year, no host): a report linked to two reports that contradict each
-- other links to neither, and reports without a year join a dated event only when they link to one alone.
-- Each component is named by its smallest report (cluster_ref); the event id it carries is
-- ops.event_id_assignments' rule.
with recursive assembled as (
    select
        assembled.*,
        -- days as (month - 1) * 31 + day: ordered, and close enough for a few days' reach. A report that gives only
        -- the closing day ("closed on the 13th") or only the opening day leaves the other end open for four days
        -- (an expo that closed on the 13th was on on the 10th); not more, or a yearly event on nearly the same
        -- days of another year would overlap a report that gives no year
        coalesce((start_month - 1) * 31 + start_day, (end_month - 1) * 31 + end_day - 4) as first_month_day,
        coalesce((end_month - 1) * 31 + end_day, (start_month - 1) * 31 + start_day + 4) as last_month_day,
        coalesce(start_year, end_year) as any_year,
        -- when the report happened, as far as it says: its stated date where it gives a year and a month, else the
        -- day it was published (a report that names no year is about the days around its publication)
        case
            when coalesce(start_year, end_year) is not null and coalesce(start_month, end_month) is not null
                then make_date(cast(coalesce(start_year, end_year) as integer),
                               cast(coalesce(start_month, end_month) as integer), 1)
                     + cast(coalesce(start_day, end_day, 1) - 1 as integer)
            else published_date
        end as time_anchor,
        -- the proper part of a name, written in quotes («Города России», 「未来創造」, "Smart City"): the
        -- same in every report of one event of that language, whatever the rest of the name says
        nullif(lower(trim({{ regexp_group('event_name', "'[«\"“「『]([^»\"”」』:：]{3,})'") }})), '') as quoted_name,
        coalesce(cities.country_code, stated_host_country.country_code) as host_country,
        cities.admin1_code as host_admin1,
        cities.latitude as host_latitude,
        cities.longitude as host_longitude,
        -- the host as the report states it: a city read only from the dateline is where the reporter filed from
        -- ("MOSCOW (Sputnik) — … the forum in St. Petersburg"), weak evidence that never keeps two reports apart
        stated_cities.city_id as stated_host_city_id,
        coalesce(stated_cities.country_code, stated_host_country.country_code) as stated_host_country,
        stated_cities.admin1_code as stated_host_admin1,
        stated_cities.latitude as stated_host_latitude,
        stated_cities.longitude as stated_host_longitude
    from {{ ref('int_events_assembled') }} as assembled
    left join {{ ref('stg_reference__cities') }} as cities on cities.city_id = assembled.host_city_id
    left join {{ ref('stg_reference__cities') }} as stated_cities
        on stated_cities.city_id = assembled.host_city_id and coalesce(assembled.host_method, '') <> 'dateline'
    left join (
        select event_ref, min(country_code) as country_code
        from {{ ref('stg_raw__extractions') }}
        where kind = 'country' and role = 'host'
        group by event_ref
    ) as stated_host_country using (event_ref)
),

-- the sides a report names: its partner countries, and its partner cities (a call between two towns has sides,
-- no host to compare)
partner_sides as (
    select distinct event_ref, 'country' as side_kind, country_code as side
    from {{ ref('stg_raw__extractions') }}
    where kind = 'country' and role = 'partner' and event_ref is not null
    union
    select distinct event_ref, 'city' as side_kind, cast(city_id as varchar) as side
    from {{ ref('stg_raw__extractions') }}
    where kind = 'city' and role = 'partner' and event_ref is not null and city_id is not null
),

candidates as (
    select
        left_event.event_ref,
        right_event.event_ref as same_as_ref,
        {{ same_host_place('left_event', 'right_event') }} as same_host,
        left_event.first_month_day is not null and right_event.first_month_day is not null as both_dated,
        left_event.first_month_day <= right_event.last_month_day
            and right_event.first_month_day <= left_event.last_month_day as dates_overlap,
        -- months that cannot meet: a report of a fair "in July" is not one of the fair held in September, though
        -- neither gives the other's day
        {{ months_apart('left_event', 'right_event') }} as months_apart,
        left_event.any_year is not null and left_event.any_year = right_event.any_year as same_year,
        left_event.event_ordinal is not null and left_event.event_ordinal = right_event.event_ordinal as same_edition,
        -- one signed agreement is the commonest outcome of all: only a larger count shared says "the same event"
        left_event.agreements_count > 1 and left_event.agreements_count = right_event.agreements_count
            as same_agreements,
        left_event.event_type = right_event.event_type as same_type,
        {{ same_named_edition('left_event', 'right_event') }} as same_named_edition,
        left_event.start_month = right_event.start_month and left_event.start_day = right_event.start_day
            and left_event.end_month = right_event.end_month and left_event.end_day = right_event.end_day
            and (left_event.end_month <> left_event.start_month or left_event.end_day <> left_event.start_day)
            as same_span,
        left_event.quoted_name = right_event.quoted_name as same_quoted_name,
        -- one name inside the other: "Экспо" and "Пятое китайско-российское ЭКСПО", not two forums of one city
        (strpos(lower(left_event.event_name), lower(right_event.event_name)) > 0
         or strpos(lower(right_event.event_name), lower(left_event.event_name)) > 0) as nested_names,
        -- the very same full name of some length ("Investment and Trade Cooperation Forum"), not a bare noun; in
        -- a script with capitals, a name only where a capital stands past its first letter: «Торжественная
        -- церемония», "the international economic forum" describe an event, and two of them may be two
        length(left_event.event_name) >= 12 and lower(trim(left_event.event_name)) = lower(trim(right_event.event_name))
            and (substr(trim(left_event.event_name), 2) <> lower(substr(trim(left_event.event_name), 2))
                 or upper(left_event.event_name) = lower(left_event.event_name))
            as same_full_name,
        -- a report that gives no day, no year and no publication date says nothing of when it was
        (left_event.time_anchor is null and left_event.first_month_day is null)
            or (right_event.time_anchor is null and right_event.first_month_day is null) as one_timeless,
        -- a report that states no year was written within weeks of the other report's event (or publication):
        -- the same season of the series, not another year's edition
        (left_event.any_year is null or right_event.any_year is null)
            and abs(left_event.time_anchor - right_event.time_anchor) <= {{ var('same_event_reach_days') }}
            as published_close,
        -- a report that states no year, published within days of the other's event, where both reports state
        -- the same host, and the names cannot disagree: one names the event by its kind alone ("the forum",
        -- «Экспо») or the two are written in different languages
        -- (one report dated, so two undated reports never chain different names through a bare one)
        (left_event.any_year is null) <> (right_event.any_year is null)
            and abs(left_event.time_anchor - right_event.time_anchor) <= {{ var('same_week_reach_days') }}
            and left_event.stated_host_city_id is not null and right_event.stated_host_city_id is not null
            and {{ same_host_place('left_event', 'right_event', 'stated_') }}
            and (left_event.language <> right_event.language
                 or {{ named_by_kind_alone('left_event') }} or {{ named_by_kind_alone('right_event') }})
            as same_host_same_week,
        {{ same_edition_days('left_event', 'right_event') }} as same_edition_days
    from assembled as left_event
    inner join assembled as right_event
        on (left_event.event_type = right_event.event_type or 'signing' in (left_event.event_type, right_event.event_type)
            -- languages name one kind of event differently (a 商談会 is an "expo" in English): the same edition
            -- in the same place on the same days is one event whatever each report calls it
            or {{ same_edition_days('left_event', 'right_event') }})
        and left_event.document_id <> right_event.document_id
        -- one edition named alike in two reports is one event even where one report took the wrong host
        and (left_event.stated_host_city_id is null or right_event.stated_host_city_id is null
             or {{ same_host_place('left_event', 'right_event', 'stated_') }}
             or {{ same_named_edition('left_event', 'right_event') }})
        and (left_event.stated_host_country is null or right_event.stated_host_country is null
             or left_event.stated_host_country = right_event.stated_host_country
             or {{ same_named_edition('left_event', 'right_event') }})
        and (left_event.any_year is null or right_event.any_year is null or left_event.any_year = right_event.any_year)
        -- a report that gives no year was written about its own days: published years away from the other report's
        -- event, it reports another edition ("the 1st forum", published two years after another series' 1st)
        and not coalesce({{ published_years_away('left_event', 'right_event') }}, false)
        and (left_event.event_ordinal is null or right_event.event_ordinal is null
             or left_event.event_ordinal = right_event.event_ordinal)
),

shared_sides as (
    select
        candidates.event_ref,
        candidates.same_as_ref,
        count(*) filter (where left_side.side_kind = 'country') as countries,
        count(*) filter (where left_side.side_kind = 'city') as cities
    from candidates
    inner join partner_sides as left_side on left_side.event_ref = candidates.event_ref
    inner join partner_sides as right_side
        on right_side.event_ref = candidates.same_as_ref and right_side.side_kind = left_side.side_kind
        and right_side.side = left_side.side
    group by candidates.event_ref, candidates.same_as_ref
),

edges as (
    select candidates.event_ref, candidates.same_as_ref
    from candidates
    left join shared_sides using (event_ref, same_as_ref)
    where not (both_dated and not dates_overlap)
      and not months_apart
      -- a signing ceremony reported on its own belongs to the event held in the same place on the same days
      and (same_type or (same_host and both_dated and dates_overlap) or same_edition_days)
      and (
        (same_host and (
            (both_dated and dates_overlap) or same_edition or (not both_dated and same_year)
            or (not both_dated and (same_agreements or coalesce(shared_sides.countries, 0) >= 2))
            or (published_close and (nested_names or same_quoted_name))
            -- a report that says nothing of when joins the event of its very name in its host
            or (one_timeless and same_full_name)
        ))
        or (same_type and same_host_same_week)
        or (same_edition and same_year)
        -- the same quoted name on overlapping days (or in one year, or one edition)
        or (same_quoted_name and ((both_dated and dates_overlap) or same_year or same_edition or published_close))
        or (both_dated and dates_overlap and same_year
            and (same_agreements or coalesce(shared_sides.countries, 0) >= 2
                 or coalesce(shared_sides.cities, 0) >= 2))
        -- the same first and last day of a span of several days: another language's report that leaves out the
        -- host or the year (a yearly event moves its days from year to year)
        or (same_type and same_span)
        or same_named_edition
      )
),

-- A report that shares its edition number with another ("the 8th") is that edition's: its link to a report that
-- states no edition but contradicts that edition (another year, another host) goes, both ways. An undated
-- report of the 8th expo, on the same days as the 1st, stays the 8th's.
edition_edges as (
    select edges.event_ref, edges.same_as_ref
    from edges
    inner join candidates using (event_ref, same_as_ref)
    where candidates.same_edition
),

off_edition as (
    select distinct edges.event_ref, edges.same_as_ref
    from edges
    inner join candidates using (event_ref, same_as_ref)
    inner join edition_edges on edition_edges.event_ref = edges.event_ref
        and edition_edges.same_as_ref <> edges.same_as_ref
    inner join assembled as linked on linked.event_ref = edges.same_as_ref
    inner join assembled as edition on edition.event_ref = edition_edges.same_as_ref
    where not coalesce(candidates.same_edition, false)
      and (linked.any_year <> edition.any_year or not {{ same_host_place('linked', 'edition', 'stated_') }})
),

edition_true_edges as (
    select edges.event_ref, edges.same_as_ref
    from edges
    where not exists (
        select 1 from off_edition
        where (off_edition.event_ref = edges.event_ref and off_edition.same_as_ref = edges.same_as_ref)
           or (off_edition.event_ref = edges.same_as_ref and off_edition.same_as_ref = edges.event_ref)
    )
),

-- A report whose linked reports contradict each other (two years, two hosts, two editions, or, when it gives no
-- day itself, days apart: reports of a yearly forum that give no year link to every edition) is ambiguous and
-- links to none.
bridges as (
    select distinct first_link.event_ref
    from edition_true_edges as first_link
    inner join edition_true_edges as second_link
        on second_link.event_ref = first_link.event_ref and second_link.same_as_ref > first_link.same_as_ref
    inner join assembled as bridge on bridge.event_ref = first_link.event_ref
    inner join assembled as one on one.event_ref = first_link.same_as_ref
    inner join assembled as other on other.event_ref = second_link.same_as_ref
    where one.any_year <> other.any_year
       or not {{ same_host_place('one', 'other', 'stated_') }}
       or one.event_ordinal <> other.event_ordinal
       or one.stated_host_country <> other.stated_host_country
       -- a report that gives no day, linked to two reports on days apart (the 3 April forum of one year and
       -- the 18 April one of another): each of its days overlapping the next is a chain, not a contradiction
       or (bridge.first_month_day is null
           and (one.last_month_day < other.first_month_day or other.last_month_day < one.first_month_day))
       -- nor, when it gives no month, to reports of months that cannot meet
       or (coalesce(bridge.start_month, bridge.end_month) is null and {{ months_apart('one', 'other') }})
),

clean_edges as (
    select edges.event_ref, edges.same_as_ref, left_event.any_year is not null as left_dated,
           right_event.any_year is not null as right_dated
    from edition_true_edges as edges
    inner join assembled as left_event on left_event.event_ref = edges.event_ref
    inner join assembled as right_event on right_event.event_ref = edges.same_as_ref
    where edges.event_ref not in (select event_ref from bridges)
      and edges.same_as_ref not in (select event_ref from bridges)
),

-- connected components over any chain length, first among reports that state their year, then among those that
-- do not: every report reaches the smallest report of its component
reachable (event_ref, reached_ref) as (
    select event_ref, event_ref from assembled
    union
    select reachable.event_ref, clean_edges.same_as_ref
    from reachable
    inner join clean_edges on clean_edges.event_ref = reachable.reached_ref
    where clean_edges.left_dated = clean_edges.right_dated
),

year_components as (
    select event_ref, min(reached_ref) as component_ref
    from reachable
    group by event_ref
),

-- a component of reports without a year joins the one component with a year it links to; linked to several
-- (editions of one series), it stays apart: a chain through it must not merge two years
attachments as (
    select undated.component_ref, min(dated.component_ref) as cluster_ref
    from clean_edges
    inner join year_components as undated on undated.event_ref = clean_edges.event_ref
    inner join year_components as dated on dated.event_ref = clean_edges.same_as_ref
    where not clean_edges.left_dated and clean_edges.right_dated
    group by undated.component_ref
    having count(distinct dated.component_ref) = 1
),

components as (
    select year_components.event_ref, coalesce(attachments.cluster_ref, year_components.component_ref) as cluster_ref
    from year_components
    left join attachments on attachments.component_ref = year_components.component_ref
)

select
    assembled.event_ref,
    assembled.document_id,
    assembled.event_name,
    assembled.event_type,
    assembled.event_ordinal,
    assembled.evidence,
    assembled.evidence_start,
    assembled.evidence_end,
    assembled.extractor_version,
    assembled.start_year,
    assembled.start_month,
    assembled.start_day,
    assembled.end_year,
    assembled.end_month,
    assembled.end_day,
    assembled.year_inferred,
    assembled.date_rejected_reason,
    assembled.year_unknown_reason,
    assembled.host_city_id,
    assembled.host_method,
    assembled.agreements_count,
    assembled.published_date,
    assembled.fetched_at,
    assembled.language,
    components.cluster_ref
from assembled
inner join components using (event_ref)
