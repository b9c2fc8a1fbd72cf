-- The cities of an event. A city that hosts in one report and is a partner in another is the host.
with hosts as (
    select event_id, host_city_id as city_id from {{ ref('int_events') }} where host_city_id is not null
)

select event_id, city_id, 'host' as role from hosts
union all
select distinct places.event_id, places.city_id, 'partner' as role
from {{ ref('int_event_places') }} as places
where places.kind = 'city' and places.role = 'partner'
    and not exists (select 1 from hosts where hosts.event_id = places.event_id and hosts.city_id = places.city_id)
