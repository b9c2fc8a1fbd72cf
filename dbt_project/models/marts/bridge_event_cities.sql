-- The cities of an event. A city that hosts in one report and is a partner in another is the host.
with city_mentions as (
    select clustered.event_id, extractions.city_id, extractions.role
    from {{ ref('stg_raw__extractions') }} as extractions
    inner join {{ ref('int_events_clustered') }} as clustered using (event_ref)
    where extractions.kind = 'city' and extractions.role in ('host', 'partner') and extractions.city_id is not null
),

hosts as (
    select event_id, host_city_id as city_id from {{ ref('fct_events') }} where host_city_id is not null
)

select event_id, city_id, 'host' as role from hosts
union all
select distinct city_mentions.event_id, city_mentions.city_id, 'partner' as role
from city_mentions
where city_mentions.role = 'partner'
    and not exists (
        select 1 from hosts where hosts.event_id = city_mentions.event_id and hosts.city_id = city_mentions.city_id
    )
