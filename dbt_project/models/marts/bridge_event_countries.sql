-- The countries taking part in an event, the host country included (from the host city, else from the text).
with host_from_city as (
    select clustered.event_id, cities.country_code
    from {{ ref('int_events_clustered') }} as clustered
    inner join {{ ref('stg_reference__cities') }} as cities on cities.city_id = clustered.host_city_id
    qualify row_number() over (partition by clustered.event_id order by clustered.fetched_at, clustered.event_ref) = 1
),

country_mentions as (
    select clustered.event_id, extractions.country_code, extractions.role
    from {{ ref('stg_raw__extractions') }} as extractions
    inner join {{ ref('int_events_clustered') }} as clustered using (event_ref)
    where extractions.kind = 'country' and extractions.role in ('host', 'partner') and extractions.country_code is not null
),

hosts as (
    select event_id, country_code from host_from_city
    union
    select event_id, country_code from country_mentions
    where role = 'host' and event_id not in (select event_id from host_from_city)
)

select event_id, country_code, 'host' as role from hosts
union all
select distinct country_mentions.event_id, country_mentions.country_code, 'partner' as role
from country_mentions
where not exists (
    select 1 from hosts where hosts.event_id = country_mentions.event_id and hosts.country_code = country_mentions.country_code
)
